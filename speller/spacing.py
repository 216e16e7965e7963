"""Spacing errors: words glued together or split apart, decided by corpus evidence.

- A preposition glued to its noun (`dirumah`, `kesana`): `di`/`ke` + a known word, when news
  writes `di rumah` far more often than `dirumah`.
- A word split in two (`di lakukan`, `olah raga`): two neighbours whose joined form is a
  frequent word that news almost never writes apart (the builder lists these in `joins.tsv`).
- A run-on of two words (`bahwapemerintah`): an unknown word that splits into two known words
  which often stand together.
- Fixed forms from the curated table `dictionaries/compounds.tsv` (`kerjasama` -> `kerja sama`).

The thresholds below are the rules; the evidence is the corpus counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from math import copysign, exp, log, sqrt

from .casing import lowercase_name
from .dictionary import is_name
from .morphology import KE_ROOTS, POSSESSIVES
from .records import TYPE_CHECKING
from .tables import rows, word_classes
from .tokenize import WRAPPED_GAP
from .verdicts import capitalized

if TYPE_CHECKING:
    from .dictionary import Dictionary
    from .morphology import Analysis

#: The word lists below are data: dictionaries/spacing_words.tsv (word, class, basis).
SPACING_WORDS = word_classes("spacing_words.tsv")
#: Prepositions written apart from the word they govern (EYD V): `di rumah`, `ke sana`, and `per` 'each' (KBBI:
#: preposition) in `per bulan`, `per kapita`. Each is taken as glued only on the corpus evidence below.
PREPOSITIONS = ("di", "ke", "per")
#: Bound forms (EYD V) written attached to the next word: `nonsubsidi`, `pascapanen`, `multinasional`.
BOUND_ONLY = SPACING_WORDS["bound"]
#: Bound forms that are also free words (`antar` 'deliver', `musim semi`) or stay apart in some uses
#: (`Yang Maha Esa`): joined only on corpus evidence.
BOUND_OR_FREE = SPACING_WORDS["bound_or_free"]
#: Bound forms that are also a verb (`antar` 'deliver'): joined before a content word even when news never wrote
#: that pair joined (`antar kampung` -> `antarkampung`), except before a function word (`NEVER_DOUBLED`) or a word
#: the verb takes (`FREE_AFTER`: `antar jemput`, `antar dia pulang`).
BOUND_OR_VERB = SPACING_WORDS["bound_or_verb"]
#: Words after which a bound form that is also a verb stands as the verb (`antar makanan`, `antar mereka`).
FREE_AFTER = SPACING_WORDS["free_after"]
BOUND_FORMS = BOUND_ONLY | BOUND_OR_FREE | BOUND_OR_VERB
#: The particle written apart (`apa pun`, `siapa pun`); the closed forms (`meskipun`) are in closed_compounds.txt.
PARTICLE = "pun"
#: A hyphen with a space on each side: between a word and itself, a reduplication's hyphen (`dasar - dasar`).
SPACED_HYPHEN = " - "
#: The clitic written apart (`pencairan nya` -> `pencairannya`; after a name or an acronym it takes a hyphen).
DETACHED_CLITIC = "nya"
#: The marks that end a sentence (`?`, `!`, `.`, an ellipsis), as the first after a pair: `Tunggu apa lagi?`
#: (`dictionaries/join_uses.tsv` counts each join pair apart and joined before one).
SENTENCE_ENDS = frozenset(".?!…")
#: Words that may belong to the word before them: the checker looks at the pair (`apa pun`, `hari nya`).
ENCLITICS = frozenset({PARTICLE, DETACHED_CLITIC})
#: Negations before which `sekali pun` is 'even once' and stays apart (`tidak pernah sekali pun`).
NEGATIONS = SPACING_WORDS["negation"]
#: ... looked for this many words back.
NEGATION_REACH = 2
#: A bound form that is also a free word is joined when news writes it joined at least 1/this as often.
FREE_BOUND_SHARE = 2
#: Words that stay apart from `pun` although the closed form exists: `tidak sekali pun` ('not even once').
PUN_APART = SPACING_WORDS["apart_from_pun"]
#: Words that look like a suffix but stand alone in speech (`pasti kan` = `pasti akan`).
NOT_SUFFIXES = SPACING_WORDS["not_suffix"]
#: Function words never reduplicated: no bound form attaches to them, `ke` is not glued to them, and written twice in a
#: row they are never a pair meant as written (`speller.model.doubled_readings`: the corpus counts cannot tell its
#: slips of them from a pair; slip or reduplication, its counts decide: `yang yang` -> `yang`).
NEVER_DOUBLED = SPACING_WORDS["never_doubled"]
#: What may stand between a word and its copy for the pair to be read as one word written twice (`yang  yang`,
#: `di<tab>di`): blanks within a line. A line break only as `wrapped_doubling` allows.
DOUBLING_BLANKS = frozenset(" \t\u00a0")


def doubling_gap(gap: str) -> bool:
    """Whether `gap`, the text between a word and the next, may part a word written twice (DOUBLING_BLANKS)."""
    return gap == " " or (gap != "" and all(map(DOUBLING_BLANKS.__contains__, gap)))


def wrapped_doubling(first: str, gap: str, second: str) -> bool:
    """Whether `first`, `gap`, `second` may be one word written twice across a wrapped line (`yang\nyang`): one line
    break (`speller.tokenize.WRAPPED_GAP`, not a blank line: the eye skips a word repeated at a line's end) and the
    same lowercase word on both sides. A capitalized copy after a line break is
    mostly a heading's last word opening the text under it (`Banjir\nBanjir melanda ...`), left alone."""
    return first == second and first.islower() and WRAPPED_GAP.fullmatch(gap) is not None


#: The word that ends a line (blanks and a CRLF's CR after it) and the word that opens one (blanks before it).
LINE_END_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0\r]*\Z")
LINE_START_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_]+)")


def wrapped_doubles(lines: Sequence[str]) -> list[int]:
    """Where a lowercase word ends a line and opens the next one again (`wrapped_doubling`: `yang<newline>yang`): the
    offsets of the first copies in the text the `lines` were split from at each `\n` (a text whose lines end in a
    lone CR is one line here)."""
    out = []
    at = 0
    for line, following in zip(lines, lines[1:]):
        first = following[:1]  # most lines open on a capital (a paragraph's first word): no regex asked there
        opening = LINE_START_WORD.match(following) if first.islower() or first in DOUBLING_BLANKS else None
        # a cheap test first: the line ends in the word the next one opens with
        if opening is not None and line.endswith(opening[1], 0, len(line.rstrip(" \t\u00a0\r"))):
            ending = LINE_END_WORD.search(line)
            if ending is not None:
                gap = line[ending.end(1) :] + "\n" + following[: opening.start(1)]
                if wrapped_doubling(ending[1], gap, opening[1]):
                    out.append(at + ending.start(1))
        at += len(line) + 1
    return out


def copy_clitic(left: str, right: str) -> str | None:
    """What the (lowercase) word `right` adds to `left` when it is a copy of it: '' for the word again (`anak anak`),
    a possessive clitic for the word with one (`anak anaknya`: `nya`); None when it is no copy."""
    if right == left:
        return ""
    clitic = right[len(left) :]
    return clitic if clitic in POSSESSIVES and right.startswith(left) else None


def doubled_apart(first: str, gap: str, second: str) -> bool:
    """Whether the words `first` and `second`, `gap` between them, may be one word written twice as far as the gap
    tells (`doubling_gap`, `wrapped_doubling`); the words are compared (case folded) by the caller."""
    return doubling_gap(gap) or wrapped_doubling(first, gap, second)


#: A reduplication the corpus writes at least this many times is standard: written apart (`kawan kawan`, `berlipat
#: lipat`) it is flagged however often news writes it apart too (`saudara saudara` 11 beside `saudara-saudara` 70).
MIN_REDUPLICATION = 5
#: Prefixes that leave their root unchanged, so that `ber` + `lipat lipat` is `berlipat lipat`: an affixed
#: reduplication missing its hyphen (`berlipat-lipat`, `diacak-acak`, `melihat-lihat`; EYD V). Not se- and ter-,
#: whose word is often followed by its root as a word of its own (`seorang orang tua`, `terbaik baik`).
PLAIN_PREFIXES = ("ber", "di", "me")
#: ... whose root has at least this many letters (`berlipat lipat`, not `bersama ma`).
MIN_REDUPLICATED_ROOT = 4
#: The verb prefix whose verb takes its own root as its object (`melawan lawan`, `menilai nilai`: the only two me- pairs
#: of the build corpus whose reduplication news never writes hyphenated, both a verb and its object): its pair is taken
#: for a reduplication only when news writes that reduplication (`melihat-lihat`).
OBJECT_PREFIX = "me"
#: Clitics that are attached without a hyphen (`performanya`, not `performa-nya`).
CLITICS = ("nya", "ku", "mu", "lah", "kah")
#: `di X` must have been seen this often ...
MIN_APART = 10
#: ... and this many times more often than `diX`, to call `diX` a glued preposition.
GLUED_RATIO = 3
#: The preposition that is no productive prefix: bare ke- makes words of only a few listed roots (`ketua`, `kekasih`:
#: `morphology.KE_ROOTS`) and ke-...-an its nouns, so `ke` glued to any other root of the lexicon is the preposition
#: (`kehadirat` is `ke hadirat`) even where news writes the phrase too seldom for MIN_APART: a rare noun makes a rare
#: phrase (`ke hadirat` 2 in the build corpus), and the slip can be as common as the phrase (`kehadirat` 5), so the
#: ratio rule never fires and the glued form was weighed as a slip of a frequent word (`kehadiran`). Not `di`, which
#: is the passive prefix too (`dibawa` is no `di bawa`). News must write the phrase apart (any pair the bigram table
#: keeps), which leaves the colloquial ke- passives alone (`kebawa`, `ketangkap`, `kejebak`: never `ke bawa`), and the
#: glued form fewer than MIN_APART times (a word of its own otherwise: `kediri`); a function word (NEVER_DOUBLED: `ke
#: dan`), a name (`kemaja` is `kemeja` more likely than `ke Maja`; a frequent one meets the ratio rule: `ke
#: Jakarta`) and a root shorter than MIN_GLUED_ROOT are left to the model. In the build corpus this takes `ke` before
#: 358 roots the ratio rule leaves (`ke leher` 8, `ke kuil` 4, `ke pasien` 2, `ke kolam` 2), of whose glued forms news
#: writes only `kehadirat`; glued in `Mereka pergi ke... kemarin.`, 87 of them were typo flags before (`kearena` ->
#: `karena` 0.95, `kepasien` -> `kepastian`, `kekolam` -> `kelola`), 78 silent, 193 already `ke ...` (a run-on).
PREPOSITION_ONLY = "ke"
#: ... glued to a root of at least this many letters: a shorter one glued to `ke` is one edit from many words (`kebar`:
#: `kabar`, `ketas`: `keras`), and the model weighs them.
MIN_GLUED_ROOT = 4
#: A listed hyphenated bound form (`semi-final`) is joined when news writes it joined this many times more often.
HYPHENATED_RATIO = 3
#: A split pair `a b` is flagged when `ab` was seen this often ...
MIN_JOINED = 20
#: ... and this many times more often than `a b`.
SPLIT_RATIO = 20
#: `-kkan` must be seen this often, and this many times more often than the word as written.
MIN_DOUBLED_K = 5
DOUBLED_K_RATIO = 3
#: A listed word one letter doubled or undoubled away from a word news writes this many times as often ...
GEMINATION_RATIO = 8
#: ... and at least this often is a slip for it (`alhamdulilah` 32, `alhamdulillah` 314; `menganggu`, `millenial`) ...
MIN_GEMINATE = 100
#: ... when it has at least this many letters (shorter ones are names and acronyms: `dedy`, `ppt`).
MIN_GEMINATE_LENGTH = 6
#: Prefixes that take -kan but leave the root's first letter alone (`diluluhlantakkan`, `terinjakkan`).
SEAM_PREFIXES = ("di", "ter")
#: Noun prefixes that take -an, never -kan (`penunjukan`, `kenaikan`); per- takes both (`peruntukkan`).
SEAM_NOUN_PREFIXES = ("pe", "ke")
#: Confixes (prefix, suffix) that close a compound into one word (EYD V: `salah paham` -> `kesalahpahaman`,
#: `tindak lanjut` -> `ditindaklanjuti`), from dictionaries/spacing_words.tsv (`ke-an`): `confix_apart`.
CONFIXES = tuple(sorted(tuple(row.split("-")) for row in SPACING_WORDS["confix"]))
#: Their prefixes and suffixes: the checker looks at a pair only when its words start and end so.
CONFIX_HEADS = tuple(sorted({prefix for prefix, _ in CONFIXES}))
CONFIX_TAILS = tuple(sorted({suffix for _, suffix in CONFIXES}))
#: `confix_apart` joins such a pair when news writes the compound apart at least this often (`salah paham` 39) ...
MIN_COMPOUND_APART = 10
#: The passive prefix, which writers split off like the preposition it is spelt as (`di alamatkan`).
PASSIVE_PREFIX = "di"
#: `prefix_apart` joins `di` to a word news writes with the prefix at least this often (the dictionary lists it)
#: and fewer times alone (it does not): in the build corpus (held-out files excluded) every one of the 35 such pairs
#: (32 words) is the prefix written apart: `di alamatkan` (`dialamatkan` 26), `di landa kekeringan`, `di kebumikan`,
#: `di taksir`, `di sponsori`; none is the preposition before a word of its own.
MIN_PREFIXED = 3
#: A word that looks like a suffix but stands alone in speech (NOT_SUFFIXES: `pasti kan`, `udah jelas kan itu`) is
#: the suffix written apart after a verb written with one of these prefixes, of at least SUFFIXED_VERB_LENGTH letters
#: (`memberi kan bantuan`, `dikirim kan`): the particle follows a root, an adjective or a clause. Joining every `X kan`
#: pair of joins.tsv flagged 8 pairs on the decision files' samples, 7 of them the particle (`jelas kan itu`, `dunia
#: kerja kan`, `Kalian sadar kan`) and `di serah kan`, none after me- or di-; joining only after them flagged none
#: there, one on the report files (`Hal ini menjadi kan Redmi 5A`, a slip), and left dev as it was.
SUFFIX_VERB_PREFIXES = (OBJECT_PREFIX, PASSIVE_PREFIX)
SUFFIXED_VERB_LENGTH = 6
#: A pair news writes joined far more often (`joins.tsv`) is left apart where the odds that it is two words of their
#: own reach 1 (`phrase_odds`: prior odds times the neighbours' likelihood ratios). A pair whose apart uses nobody
#: labelled (`join_priors.tsv`) starts from 1/this: a neighbour must stand beside its part at least this many times
#: as often, per use of each, as beside the joined word (`ya itu memang`: `itu memang` 232 of
#: 64,215 `itu`, `yaitu memang` none of 3,304 `yaitu`; `berbuat apa lagi`, 9 of 5,305 `apa` against none of 1,694
#: `apalagi`, falls short) ...
CONTEXT_RATIO = 5
#: ... and beside its part or the joined word at least this often to count as evidence. With one neighbour at a time
#: and one bar (before `phrase_odds`), in the build corpus (held-out files excluded) this left apart 164 of the 1,522
#: pairs of `joins.tsv` written apart, mostly genuine phrases (`ke dua tempat`, `Iron Man di`, `ke Las
#: Vegas`, `ya itu` 18 of 49, `apa lagi` 10 of 48); the slips among them: `pesta olah raga` 6, `bukan lah` 2, `Di
#: banding` 2, a few single ones. The same test applies to the two-word rows of `compounds.tsv` whose first word is
#: no bound form (`python -m benchmarks.compound_uses`): of the 924 apart uses of all rows it leaves apart 26, 18 of
#: them phrases (`pada hal` 16 of 17, all phrases such as `fokus pada hal ini`; `yang ada pun` 2 of 25 `ada pun`;
#: `dari pada` 2 of 61, both `dari` before a time phrase with `pada`: `26 persen, dari pada tahun 2015 yang mencapai
#: 50,2 persen`, `dikeluarkan dari pada akhir babak pertama`), 6 slips (`pesta olah raga` 4 of 56 `olah raga`; `ada
#: pun`, `atau pun` 1 each). In samples of the other rows written apart most (`atau pun` 90, `duka cita` 66, `dari
#: pada` 61, `bagaimana pun` 38, `kasat mata` 24) every apart use is a slip. A bound form apart is always one (EYD V:
#: `perilaku anti korupsi`, `migas dan non migas`, 8 uses the test alone would leave apart). A neighbour that stands
#: beside the joined word as far more often (a ratio under 1) keeps the pair joined: news writes
#: `daripada` before a time word in comparisons (`daripada sebelumnya` 14, `daripada periode`, `daripada hari`), and
#: `tinggi daripada` is 24 of 768 `daripada` against `tinggi dari` 158 of 59,609 `dari`, so `lebih tinggi dari pada
#: tahun lalu` is joined though `pada tahun` alone would leave it apart. That side never fires on the 26 corpus uses
#: above (`python -m benchmarks.compound_uses` unchanged); on dev it catches one more slip (`dari pada`, spacing R
#: 95.6 -> 96.5, P 89.4 -> 89.5).
MIN_CONTEXT_PAIR = 5
#: `phrase_odds` weighs the most telling neighbour only: the two neighbours of a pair are no independent evidence (both
#: lean to the parts where the pair is a construction of its own, `menit ke empat babak`, `menit ke` being mostly
#: `menit ke 45`), and multiplied they outvote the pair's own odds. A neighbour's ratio tells as far as its counts make
#: it sure: its logarithm less this many standard errors (`neighbour_ratio`), so `menit ke empat babak` (`menit ke`
#: 473 against 5 beside `keempat`, `empat babak` 12 against none) is joined while `baik dari pada tahun` (`baik
#: daripada` 44, a sure lean to the joined word) is joined and `dikeluarkan dari pada akhir` (`pada akhir` 821
#: against none) stays apart. Set on dev (`benchmarks.tune --set NEIGHBOUR_DOUBT=0,0.3,0.5,0.7,0.9`: spacing R/P
#: 96.5/89.5 from 0.3 to 0.9, 95.6/89.4 at 0, the most telling neighbour undoubted losing `baik dari pada tahun`); the
#: middle of the range that passes the phrase tests (0.3 to 0.95).
NEIGHBOUR_DOUBT = 0.5
#: `mark_ratio` reads a pair's share of apart uses beside a mark as if this many more uses had the joined word's share:
#: a pair is seldom written apart (`di lansir` 5 times, once after a comma: with one added to each count that was 1 in
#: 3 against 230 of 2,151 `, dilansir`, a lean of 3.1 from one use, which left `, di lansir dari` apart). Set on dev
#: (`benchmarks.tune --set MARK_PRIOR_USES=1,2,5,10,20,50`: spacing R/P 96.5/89.5 at each) and on the phrase tests:
#: 2 to 50 keep them all (0 leaves `, di perlukan pencerahan` apart, 100 leaves `Ia pintar, apa lagi adiknya` apart).
MARK_PRIOR_USES = 10.0
#: The hand-labelled apart uses of a few pairs (`dictionaries/join_priors.tsv`): pair -> (phrases, slips).
#: With them and `phrase_odds`, `python -m benchmarks.compound_uses --joins` leaves apart 195 of the 1,138 apart uses
#: of joins.tsv pairs (145 with one bar per neighbour: `apa lagi` 10 -> 32 of 48, `ke dua` 17 -> 22 of 53, all 22
#: 'to two'; `ya itu` 26 -> 29; new slips left apart: `Apa lagi, jika`, `di lansir`, `di perlukan`), and of the 924 of
#: compounds.tsv 20 (26: `olah raga` 4 -> 0, `atau pun` 1 -> 0). With the most telling neighbour only (NEIGHBOUR_DOUBT),
#: MARK_PRIOR_USES and the labels of `ke dua`, `ke tiga`, `ke empat` (all their apart uses): 194 of the 1,138 (`ke dua`
#: 22 -> 40 of 53, 35 of them 'to two'; `ke tiga` 6 -> 14 of 26, 13 'to three'; `ya itu` 29 -> 26; `ada lah` 10 -> 4,
#: each `pasti ada lah .`, which the sentence's end the checker reads and that count does not keeps apart; `di lansir`,
#: `di perlukan` joined), and of the 924 still 20. On the labelled uses of `ke dua` and `ke empat`, 44 of 53 and 22 of
#: 26 are decided right (45 and 21 with both neighbours multiplied, undoubted).
PHRASE_LABELS = {row[0]: (int(row[1]), int(row[2])) for row in rows("join_priors.tsv")}
#: A pair of `joins.tsv` (not a curated compound) is left apart right after a comma where news writes it apart there
#: at least this many times (`dictionaries/join_uses.tsv`) ...
MIN_APART_AFTER_COMMA = 5
#: ... and at least 1/this as often as the joined word opens a clause there, and the word after leans to the parts
#: (`apart_after_comma`). News slips a frequent word apart rarely: over the 839 words of `joins.tsv` used 1,000 times
#: or more in the build corpus (held-out files, wowkeren and tribunnews left out), once in about 8,000 uses. `ya itu`
#: opens a clause after a comma 9 times against 1,471 `, yaitu` (1 in 163, some 50 times that rate), each the
#: interjection `ya` and `itu` (`kalau ada, ya itu kesempatan kita`; of its 37 apart uses none is a slip). Of the
#: other pairs of `joins.tsv` only `pasti kan` (NOT_SUFFIXES) is written apart 5 times or more after a comma; the
#: curated compounds are (`, dari pada` 10 of 33 `, daripada`, `, atau pun` 10 of 77), but their apart uses are slips
#: (EYD V), so the rule leaves them out. At a sentence's start the same bar would leave slips apart (`Apa lagi kalau`
#: 13 of 907 `Apalagi`, `Itu lah` 7 of 219, `Di lansir` 3 of 456), so only the comma counts.
#: This rule and `mark_ratio` both read the comma, but they cannot be one: for `ya itu` the comma's own ratio leans to
#: the joined word (14 of 49 apart uses after a comma against 1,537 of 3,304 `yaitu`: 0.68), while this rule leaves
#: `betul, ya itu kenapa` apart on the comma together with the word after (`itu kenapa` 11, `yaitu kenapa` none), a
#: lean `neighbour_ratio` weighs at 0.62 (one added to each count); the join uses hold no count of the comma and the
#: word after at once, which the two together would need.
COMMA_APART_RATIO = 200
#: The parts of a root written as two roots together are at least this long (`luluh` + `lantak`; not `teta` + `wak`).
MIN_COMPOUND_PART = 4
#: Both halves of a run-on must have been seen this often, and together this often.
MIN_PART = 20
MIN_RUN_ON_PAIR = 3
#: A word news never writes that splits in one way only into two lowercase words news writes at least this often ...
MIN_RUN_ON_WORD = 100
#: ... each at least this long, is two words run together even when news never wrote the pair (`samamulai`,
#: `beralihfungsi`; not `banyakin`, `ban` + `yakin`). In build-corpus words seen fewer than 3 times (okezone,
#: wowkeren, detik-2025, kompas) with no word one edit away, 48 of a sample of 50 such words are run-ons (the two
#: others are names of programs: `siberkreasi`, `detiksore`).
MIN_RUN_ON_LETTERS = 4


def glued_preposition(d: Dictionary, word: str) -> str | None:
    """`di rumah` for `dirumah`, and `di dekatku` for `didekatku` (lowercase), when the corpus says so; else None.

    A word with a possessive clitic is judged by its stem, as news seldom writes the phrase with the clitic often
    enough to count (`di dekat` 349 times, `di dekatku` under MIN_APART), while a passive keeps its glued stem far
    more often than apart (`dibuatnya`: `dibuat` against `di buat`)."""
    if word in d.closed_compounds:
        return None
    for prep in PREPOSITIONS:
        rest = word[len(prep) :]
        if not word.startswith(prep) or len(rest) < 3:
            continue
        if rest in d.counts and _written_apart(d, prep, rest, d.count(word)):
            return f"{prep} {rest}"
        if prep == PREPOSITION_ONLY and _glued_to_root(d, word, rest):
            return f"{prep} {rest}"
        for clitic in POSSESSIVES:
            stem = rest[: -len(clitic)]
            if (
                rest.endswith(clitic)
                and len(stem) >= 3
                and stem in d.counts
                and _written_apart(d, prep, stem, d.count(word) + d.count(prep + stem))
            ):
                return f"{prep} {rest}"
    return None


def glued_to_capital(word: str) -> str | None:
    """`di Kementerian` for `diKementerian`: a preposition in lowercase glued to a capitalized word (`keBandung`,
    `diDPR`), put apart with the word's case as written; None for other mixed case (`iPhone`). Whether the pair is
    one `glued_preposition` judges."""
    for prep in PREPOSITIONS:
        rest = word[len(prep) :]
        if word.startswith(prep) and rest[:1].isupper() and (rest[1:].islower() or rest.isupper()):
            return f"{prep} {rest}"
    return None


def _glued_to_root(d: Dictionary, word: str, rest: str) -> bool:
    """`word` is PREPOSITION_ONLY glued to the root `rest`, which takes no bare ke- (see PREPOSITION_ONLY)."""
    if len(rest) < MIN_GLUED_ROOT or rest in NEVER_DOUBLED or rest in KE_ROOTS or rest not in d.roots:
        return False
    if is_name(d.count(rest), d.lower_count(rest)):
        return False  # a name: a slip of a word more often than news's rare `ke Maja` (`kemaja` is `kemeja`)
    if word in d.roots or d.count(word) >= MIN_APART:
        return False
    if rest.endswith("an") and rest[:-2] in d.roots:
        return False  # a ke-...-an noun (`kelautan`), not `ke lautan`
    return not is_name(d.count(word), d.lower_count(word)) and d.bigram(PREPOSITION_ONLY, rest) > 0


def _written_apart(d: Dictionary, prep: str, rest: str, glued: int) -> bool:
    """News writes `prep rest` apart at least MIN_APART times and GLUED_RATIO times as often as `glued`."""
    apart = d.bigram(prep, rest)
    return apart >= MIN_APART and glued * GLUED_RATIO < apart


def hyphenated_bound(d: Dictionary, word: str, fixed_rest: Callable[[str], str | None]) -> str | None:
    """`nonbendaharawan` for `non-bendaharawan` (as written): a bound form takes a hyphen only before a capital or a
    number (EYD V: `non-Muslim`, `pasca-2020`), so it is joined to a lowercase Indonesian word. `fixed_rest` gives
    the word after the hyphen as it should be written (itself, or its fix: `interfensi` -> `intervensi`), or None
    for a word that is not Indonesian (`non-performing`). A hyphenated form news uses is left alone unless news
    writes the joined form far more often (`semi-final` 18, `semifinal` 307; not `non-tunai` 13, `nontunai` 18)."""
    head, sep, rest = word.partition("-")
    if not sep or head.lower() not in BOUND_FORMS or len(rest) < 3 or not (rest.isalpha() and rest.islower()):
        return None
    fixed = fixed_rest(rest)
    if not fixed:
        return None
    hyphenated, joined = d.count(word.lower()), d.count(head.lower() + fixed)
    return head + fixed if not hyphenated or hyphenated * HYPHENATED_RATIO < joined else None


def bound_form_base(word: str, known) -> str | None:  # noqa: ANN001 - a predicate
    """The base of a bound-form compound (`subsidi` in `nonsubsidi`) when it is known; else None."""
    for bound in _BOUND_BY_FIRST.get(word[:1], ()):
        rest = word[len(bound) :]
        if word.startswith(bound) and len(rest) >= 3 and known(rest.lstrip("-")):
            return rest
    return None


#: BOUND_FORMS by their first letter, each group in the set's order: `bound_form_base` tries only those a word can
#: start with.
_BOUND_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(b for b in BOUND_FORMS if b[0] == first) for first in {b[0] for b in BOUND_FORMS}
}


def detached_particle(
    d: Dictionary, word: str, known: Callable[[str], bool], analyses: Callable[[str], Iterable[Analysis]]
) -> str | None:
    """`siapa pun` for `siapapun`; None for the closed forms such as `meskipun`, and for a word a reading of which
    (`analyses`) ends in a root of the lexicon holding the letters of the particle (`rumpun`, se+rumpun, ber+himpun;
    a closed form with the particle, as `sekalipun`, holds the particle itself: `sesekali pun`)."""
    stem = word[: -len(PARTICLE)]
    if (
        word.endswith(PARTICLE)
        and word not in d.closed_compounds
        and d.count(stem) >= MIN_PART
        and known(stem)
        and not any(_particle_in_root(d, a) for a in analyses(word))
    ):
        return f"{stem} {PARTICLE}"
    return None


def _particle_in_root(d: Dictionary, reading: Analysis) -> bool:
    """Whether the reading ends in a root of the lexicon whose last letters spell the particle but are no particle
    (`rumpun`, `himpun`; not `sekalipun`, a closed form of sekali + pun)."""
    root = reading.root
    return not reading.suffixes and root.endswith(PARTICLE) and root in d.roots and root not in d.closed_compounds


def hyphenated_clitic(word: str, known) -> str | None:  # noqa: ANN001 - a predicate
    """`performanya` for `performa-nya` as written (case kept).

    Clitics take no hyphen after an Indonesian word; the hyphen stays after a name or a
    foreign word (`Facebook-nya`, `income-nya`) and before the capital `-Nya` of God.
    """
    head, _, tail = word.rpartition("-")
    if head and tail in CLITICS and "-" not in head and head.islower() and known(head):
        return head + tail
    return None


def hyphenated_name(d: Dictionary, word: str) -> tuple[str, float] | None:
    """`DPRD-nya` for `dprd-nya`: a clitic after a hyphen on a name written in lowercase (`casing.lowercase_name` of
    any length: before a clitic's hyphen a short one is an acronym, no roman numeral), the hyphen kept as EYD V keeps
    it after a name; with the name's `casing.lowercase_share`. None for any other word."""
    head, _, tail = word.rpartition("-")
    if not head or tail not in CLITICS or "-" in head:
        return None
    named = lowercase_name(d, head, min_length=1)
    return None if named is None else (f"{named[0]}-{tail}", named[1])


def hyphenated_acronym(d: Dictionary, word: str, other_word: Callable[[str], bool]) -> str | None:
    """`TV-nya` for `tv-nya`: a clitic after a hyphen on an acronym written in lowercase, one that news writes in
    capitals (a CASES_FILE row: `tv` -> `TV`, `hp` -> `HP`) but that is no name by `casing.lowercase_name` (news
    writes it alone in lowercase too often: `tv` 5% of its uses, `hp` 31%). The hyphen shows the writer took it for
    one, and EYD V writes an acronym of initials in capitals. None for a head of one letter, and for one that is
    also a word of its own (`other_word`: a root, English: `sop`, soup; `who`), whose clitic the writer may have
    meant on that word."""
    head, _, tail = word.rpartition("-")
    if not head or tail not in CLITICS or len(head) < 2 or not head.isalpha() or not head.islower():
        return None
    form = d.written_form(head)
    if not form.isupper() or other_word(head):
        return None
    return f"{form}-{tail}"


def is_name_head(d: Dictionary, word: str) -> bool:
    """The (lowercase) word is one news writes as a name or an acronym (`Dictionary.proper`, or a CASES_FILE row:
    `hp` -> `HP`), after which a clitic keeps its hyphen (`hyphenated_clitic`)."""
    return word in d.proper or d.written_form(word) != capitalized(word)


def written_apart(counts: Mapping[str, int], bigram: Callable[[str, str], int]) -> Iterator[tuple[str, str, str]]:
    """(left, right, joined) for every frequent word that news almost never writes as two words.

    The builder writes these pairs into `joins.tsv`, so the checker needs one lookup per pair.
    """
    for joined, together in counts.items():
        if together < MIN_JOINED or "-" in joined:
            continue
        for i in range(2, len(joined) - 1):
            left, right = joined[:i], joined[i:]
            if left in counts and right in counts and bigram(left, right) * SPLIT_RATIO < together:
                yield left, right, joined


def doubled_k(d: Dictionary, word: str) -> str | None:
    """`menunjukkan` for `menunjukan`: a root ending in k keeps it before -kan, when news agrees."""
    if not word.endswith("kan") or word.endswith("kkan") or len(word) < 7:
        return None
    fixed = word[:-3] + "kkan"
    if d.count(fixed) >= MIN_DOUBLED_K and d.count(fixed) >= DOUBLED_K_RATIO * d.count(word):
        return fixed
    return None


def geminate_rival(d: Dictionary, word: str) -> str | None:
    """The word, one letter doubled or undoubled away from `word` (lowercase, listed), that news writes
    GEMINATION_RATIO times as often and at least MIN_GEMINATE times (`alhamdulillah` for `alhamdulilah`), or None.
    Whether `word` is nonetheless right (a root, a derivation, English, a name) is the caller's question."""
    count = d.count(word)
    if not count or len(word) < MIN_GEMINATE_LENGTH or not word.isalpha():
        return None
    rivals = {word[:i] + word[i + 1 :] for i in range(1, len(word)) if word[i] == word[i - 1]}
    rivals.update(word[:i] + word[i] + word[i:] for i in range(len(word)))
    best = max(rivals, key=d.count)
    best_count = d.count(best)
    return best if best_count >= MIN_GEMINATE and best_count >= GEMINATION_RATIO * count else None


def seam_k(d: Dictionary, word: str) -> str | None:
    """`diluluhlantakkan` for `diluluhlantakan` (an unlisted word): di-/ter- + a root ending in k + -kan, the k
    written once. The root may be a compound of two roots (`luluh lantak`), which closes under a prefix and a
    suffix (EYD V); the word as written splits into no root + -kan (`luluhlanta`), nor, where the root is read as
    such a compound, into a listed word + -kan (`persentasi` in `dipersentasikan`, not `persen` + `tasik`). The
    checker lets a far more frequent candidate outweigh the fix (`dilaukan`: `dilakukan`, `Speller._outweighed`)."""
    if not word.endswith("kan") or word.endswith("kkan") or d.count(word):
        return None
    for prefix in SEAM_PREFIXES:
        root = word[len(prefix) : -2]
        if (
            word.startswith(prefix)
            and root.endswith("k")
            and _rootlike(d, root)
            and not _rootlike(d, root[:-1])  # `luluhlanta`
            and (_root_in_use(d, root) or not d.count(root[:-1]))  # `persentasi` + -kan, not `persen` + `tasik`
            and word[:-3] not in d.roots  # `terima` + -kan
            and not d.count(word[len(prefix) :])  # `dipelukan`: `di pelukan` glued
        ):
            return word[:-3] + "kkan"
    return None


def _rootlike(d: Dictionary, root: str) -> bool:
    """A root news uses, or two roots of MIN_COMPOUND_PART letters or more written together (`luluhlantak`); not two
    short rare roots that only spell the stem (`teta` + `wak` in `ditetawakan`, a slip for `ditertawakan`)."""
    roots = d.roots
    parts = range(MIN_COMPOUND_PART, len(root) - MIN_COMPOUND_PART + 1)
    return _root_in_use(d, root) or any(root[:i] in roots and root[i:] in roots for i in parts)


def _root_in_use(d: Dictionary, root: str) -> bool:
    """A root of the lexicon that news writes."""
    return root in d.roots and d.count(root) > 0


def peN_kan(d: Dictionary, word: str) -> str | None:  # noqa: N802 - named for the affix
    """`penunjukan` for `penunjukkan`: peN-/ke- + a root ending in k + -an, written as if the suffix were -kan, which
    neither prefix takes (a confix peN-...-kan or ke-...-kan does not exist; per-...-kan does: `peruntukkan`), when
    news writes the -an form at least as often. A root that itself starts with pe/ke takes -kan (`ketikkan`)."""
    if not word.endswith("kkan") or not word.startswith(SEAM_NOUN_PREFIXES) or word.startswith("per"):
        return None
    fixed = word[:-3] + "an"
    if word[:-3] in d.roots or d.count(fixed) < max(d.count(word), MIN_DOUBLED_K):
        return None
    return fixed


def prefix_apart(d: Dictionary, left: str, right: str) -> str | None:
    """`dialamatkan` for `di alamatkan`: the prefix di- written apart from a (lowercase) word that news writes with it
    (`MIN_PREFIXED` times or more) but not alone (the dictionary does not list it: so the joined word is no
    preposition glued to a word, `dirumah`); else None."""
    if left != PASSIVE_PREFIX or len(right) < 3 or not right.isalpha() or d.count(right):
        return None
    joined = left + right
    return joined if d.count(joined) >= MIN_PREFIXED else None


def ends_sentence(close: str) -> bool:
    """The text right after a pair or a run of words (`? ` of `Tunggu apa lagi? Ya.`) ends a sentence there: its first
    character past spaces and tabs is one of SENTENCE_ENDS. The builder counts join uses by it; the checker reads it."""
    return close.lstrip(" \t")[:1] in SENTENCE_ENDS


def confix_apart(d: Dictionary, left: str, right: str) -> str | None:
    """`kesalahpahaman` for `kesalah pahaman`: a compound news writes apart (MIN_COMPOUND_APART times or more: `salah
    paham`) under a confix (CONFIXES: ke-...-an), split where the compound is, when news writes the joined word
    (MIN_PREFIXED times or more); else None. EYD V writes a compound apart alone, under a prefix or a suffix alone
    (`bertanggung jawab`, `tanggung jawabnya`), and as one word under both. Also when news writes neither half
    alone (`keaneka ragaman`: `aneka ragam` is seldom written apart, but `keaneka` and `ragaman` are no words)."""
    joined = left + right
    if d.count(joined) < MIN_PREFIXED:
        return None
    for prefix, suffix in CONFIXES:
        if not (left.startswith(prefix) and right.endswith(suffix)):
            continue
        first, second = left[len(prefix) :], right[: -len(suffix)]
        if first and second and d.bigram(first, second) >= MIN_COMPOUND_APART:
            return joined
        if first and second and not d.count(left) and not d.count(right):
            return joined
    return None


def split_word(
    d: Dictionary,
    left: str,
    right: str,
    negated: bool = False,
    before: str | None = None,
    after: str | None = None,
    after_comma: bool = False,
    at_end: bool = False,
) -> str | None:
    """`dilakukan` for `di lakukan`, `nonsubsidi` for `non subsidi`, `kawan-kawan` for `kawan kawan`, `harinya` for
    `hari nya`; else None. `negated`: a negation stands just before the pair (`tidak sekali pun` stays apart);
    `before`, `after`: the (lowercase) words just beside the pair, if any (`ya itu memang` stays apart);
    `after_comma`: the pair opens a clause right after a comma (`betul, ya itu kenapa` stays apart); `at_end`: a
    sentence's end follows the pair (`Tunggu apa lagi?` stays apart)."""
    listed = d.compounds.get(f"{left} {right}")  # curated: `dari pada` -> `daripada`
    if listed:
        if " " not in listed and left not in BOUND_FORMS and after is not None and f"{right} {after}" in d.apart_forms:
            return None  # `suka cita rasa`: `cita rasa` is itself a listed compound's standard form, `suka` a verb
        # the joined word as the corpus counts it (`Idulfitri`: a name the table writes with its capital)
        if (
            " " not in listed
            and left not in BOUND_FORMS
            and phrase_odds(d, left, right, listed.lower(), before, after) >= 1
        ):
            return None  # two words of their own here: `fokus pada hal ini`, `tantangan yang ada pun`
        return listed
    if left in BOUND_FORMS and len(right) >= 3 and d.count(right) and right not in NEVER_DOUBLED:
        # a bound form attaches to a content word, never to a function word (`sine qua non terhadap`)
        together = d.count(left + right)
        if not together and right in d.english and right not in d.roots:
            return None  # an English phrase: `non performing`, `multi purpose`
        if left in BOUND_ONLY or (together and together * FREE_BOUND_SHARE >= d.bigram(left, right)):
            return left + right
        if left in BOUND_OR_VERB and not together and right not in NEVER_DOUBLED and right not in FREE_AFTER:
            return left + right  # `antar kampung`: a bound form before a word news never wrote it joined to
    if right == PARTICLE and left + right in d.closed_compounds and (left not in PUN_APART or not negated):
        return left + right  # `atau pun` -> `ataupun`, `keras sekali pun` -> `keras sekalipun`
    if right == DETACHED_CLITIC and _clitic_host(d, left):
        return left + right  # `pencairan nya` -> `pencairannya`, `anak-anak nya` -> `anak-anaknya`
    if left != right and left.endswith(right) and len(right) >= 3 and d.count(f"{left}-{right}") >= MIN_REDUPLICATION:
        return f"{left}-{right}"  # `berlipat lipat` -> `berlipat-lipat` (`kawan kawan`: `model.doubled_readings`)
    if (
        len(right) >= MIN_REDUPLICATED_ROOT
        and left.endswith(right)
        and left[: -len(right)] in PLAIN_PREFIXES
        and right in d.roots
        and (left[: -len(right)] != OBJECT_PREFIX or d.count(f"{left}-{right}"))
    ):
        if glued := glued_preposition(d, left):  # `dipasar pasar`: a place's noun reduplicated after `di`
            return f"{glued}-{right}"
        return f"{left}-{right}"  # `diacak acak`: a prefix on a reduplicated root, whatever the corpus saw
    if prefixed := prefix_apart(d, left, right):
        return prefixed  # `di alamatkan` -> `dialamatkan`: the word news never writes alone
    if confixed := confix_apart(d, left, right):
        return confixed  # `kesalah pahaman` -> `kesalahpahaman`: a compound under a confix is one word
    joined = d.joins.get(f"{left} {right}")
    if joined is None or joined in d.compounds or (right in NOT_SUFFIXES and not prefixed_verb(left)):
        return None
    if after_comma and apart_after_comma(d, left, right, joined, after):
        return None
    return None if phrase_odds(d, left, right, joined, before, after, after_comma, at_end) >= 1 else joined


def _clitic_host(d: Dictionary, word: str) -> bool:
    """Whether the (lowercase) `word` takes a clitic written apart after it (`pencairan nya`): a word of three letters
    or more that news writes MIN_PART times, not English, with no clitic of its own; or its reduplication
    (`anak-anak nya`)."""
    base, hyphen, copy = word.partition("-")
    if hyphen and copy != base:
        return False
    return (
        len(base) >= 3
        and base.isalpha()
        and d.count(base) >= MIN_PART
        and base not in d.english
        and not base.endswith(CLITICS)
    )


def prefixed_verb(word: str) -> bool:
    """`word` (lowercase) is written like a verb with a prefix that takes a suffix (SUFFIX_VERB_PREFIXES): after it a
    word that looks like a suffix is the suffix (`memberi kan`), not the particle of speech (`jelas kan`)."""
    return word.startswith(SUFFIX_VERB_PREFIXES) and len(word) >= SUFFIXED_VERB_LENGTH


def apart_after_comma(d: Dictionary, left: str, right: str, joined: str, after: str | None) -> bool:
    """News writes `left right` apart right after a comma often against `joined` there (MIN_APART_AFTER_COMMA,
    COMMA_APART_RATIO; `dictionaries/join_uses.tsv`), and the word `after` the pair leans to the parts: it stands
    beside `right` at least MIN_CONTEXT_PAIR times and, per use, at least as often as beside `joined` (the comma's
    evidence stands in for CONTEXT_RATIO): `betul, ya itu kenapa` (`itu kenapa` 11, `yaitu kenapa` none), not `tiga
    hal, ya itu kerja` (neither seen) nor `tiga kota, ya itu Jakarta` (`yaitu Jakarta` 9 of 3,304, `itu Jakarta` 5
    of 64,215)."""
    uses = d.join_uses(f"{left} {right}")
    if after is None or uses is None or uses.apart_after_comma < MIN_APART_AFTER_COMMA:
        return False
    if uses.apart_after_comma * COMMA_APART_RATIO < uses.joined_after_comma:
        return False
    beside_part = d.bigram(right, after)
    return beside_part >= MIN_CONTEXT_PAIR and beside_part * d.count(joined) >= d.bigram(joined, after) * d.count(right)


def prior_odds(pair: str, after: str | None = None) -> float:
    """The odds that `pair` written apart is two words of their own rather than one word split, before its
    neighbours are read: (phrases + 1) / (slips + 1) over its hand-labelled apart uses (`PHRASE_LABELS`: `apa lagi`
    28 of 48 'what else', `atau pun` none of 25), those before `after` when a row names that next word (`barang kali
    ini`: even odds), else 1 / CONTEXT_RATIO (the bar a neighbour had to clear alone)."""
    labels = PHRASE_LABELS.get(f"{pair} {after}") if after else None
    labels = PHRASE_LABELS.get(pair) if labels is None else labels
    return 1 / CONTEXT_RATIO if labels is None else (labels[0] + 1) / (labels[1] + 1)


def often_a_phrase(pair: str) -> bool:
    """True when the hand-labelled apart uses of `pair` (lowercase) are more often two words of their own than the
    joined word written apart (`apa lagi` 28 of 48, `ke dua` 35 of 53; not `ke empat`, 6 of 26)."""
    labels = PHRASE_LABELS.get(pair)
    return labels is not None and labels[0] > labels[1]


def held_phrase(d: Dictionary, left: str, right: str, joined: str, before: str | None, after: str | None) -> bool:
    """A join of a pair often written as a phrase (`often_a_phrase`) that no neighbour makes sure of: its most telling
    neighbour does not lean to the joined word (`Ia pintar, apa lagi adiknya`; not `dari posisi ke dua ke posisi`,
    `posisi kedua` 182 times against `posisi ke` 32). Such a join is less sure (`speller.calibration.PHRASE`)."""
    return often_a_phrase(f"{left} {right}") and most_telling(d, left, right, joined, before, after) >= 1


def phrase_odds(
    d: Dictionary,
    left: str,
    right: str,
    joined: str,
    before: str | None,
    after: str | None,
    after_comma: bool | None = None,
    at_end: bool = False,
) -> float:
    """The odds that `left right` is two words of their own here rather than `joined` split: the pair's prior odds
    (`prior_odds`) times the likelihood ratio of its most telling neighbour (`neighbour_ratio`: `berbuat apa lagi`, 9
    of 5,305 `apa` against none of 1,694 `apalagi`) and, for a pair of `joins.tsv` (`after_comma` not None), of the
    marks around it: a comma right before it or none, a sentence's end right after it or none (`mark_ratio`).
    `split_word` leaves the pair apart at odds 1 or more."""
    odds = prior_odds(f"{left} {right}", after) * most_telling(d, left, right, joined, before, after)
    uses = None if after_comma is None else d.join_uses(f"{left} {right}")
    if after_comma is not None and uses is not None:
        odds *= mark_ratio(uses.apart, uses.apart_after_comma, uses.joined, uses.joined_after_comma, after_comma)
        odds *= mark_ratio(uses.apart, uses.apart_at_end, uses.joined, uses.joined_at_end, at_end)
    return odds


def most_telling(d: Dictionary, left: str, right: str, joined: str, before: str | None, after: str | None) -> float:
    """The likelihood ratio (`neighbour_ratio`) of the neighbour of `left right` that tells most, either way, or 1
    without one (see NEIGHBOUR_DOUBT)."""
    together = d.count(joined)
    ratios = [1.0]
    if before:
        ratios.append(neighbour_ratio(d.bigram(before, left), d.count(left), d.bigram(before, joined), together))
    if after:
        ratios.append(neighbour_ratio(d.bigram(right, after), d.count(right), d.bigram(joined, after), together))
    return max(ratios, key=lambda ratio: abs(log(ratio)))


def neighbour_ratio(beside: int, uses: int, beside_joined: int, joined_uses: int) -> float:
    """How much likelier a neighbour is beside the part (`beside` times of its `uses`) than beside the joined word
    (`beside_joined` of `joined_uses`), one added to each count, as far as the counts make it sure: its logarithm moved
    NEIGHBOUR_DOUBT standard errors toward 0 (no further); 1 (no evidence) where neither count reaches
    MIN_CONTEXT_PAIR: a neighbour news seldom writes beside either says little."""
    if max(beside, beside_joined) < MIN_CONTEXT_PAIR or not uses or not joined_uses:
        return 1.0
    log_ratio = log((beside + 1) * joined_uses / ((beside_joined + 1) * uses))
    doubt = NEIGHBOUR_DOUBT * sqrt(1 / (beside + 1) + 1 / (beside_joined + 1))  # a Poisson count's log: 1/sqrt(n)
    return exp(copysign(max(0.0, abs(log_ratio) - doubt), log_ratio))


def mark_ratio(apart: int, apart_marked: int, joined: int, joined_marked: int, marked: bool) -> float:
    """How much likelier the pair's apart uses than the joined word's uses stand beside a mark (`marked`: a comma
    right before, a sentence's end right after; else, elsewhere): `, apalagi` opens 369 of 1,694 uses, `, apa lagi` 4
    of 48; `apa lagi` ends 8 sentences of 48 (`Tunggu apa lagi?`), `apalagi` 4 of 1,694. The joined word's share
    (one added to each count) is the pair's too until its apart uses say otherwise: they weigh against MARK_PRIOR_USES
    uses at that share, so one `, di lansir` of 5 is no lean."""
    joined_share = (joined_marked + 1) / (joined + 2)
    apart_share = (apart_marked + MARK_PRIOR_USES * joined_share) / (apart + MARK_PRIOR_USES)
    if marked:
        return apart_share / joined_share
    return (1 - apart_share) / (1 - joined_share)


def may_be_one_word(d: Dictionary, left: str, right: str) -> bool:
    """A cheap test of two (lowercase) neighbours written apart: True when `split_word` may join them.

    The checker's fast path looks closely only at the pairs this lets through.
    """
    if left in d.join_lefts and (f"{left} {right}" in d.joins or f"{left} {right}" in d.compounds):
        return True
    if left in BOUND_FORMS or right in ENCLITICS or (left.endswith(right) and len(right) >= 3):
        return True
    if left.startswith(CONFIX_HEADS) and right.endswith(CONFIX_TAILS) and confix_apart(d, left, right):
        return True
    return prefix_apart(d, left, right) is not None


def run_on_splits(d: Dictionary, word: str) -> list[tuple[str, str, int]]:
    """(left, right, pair count) for each split of an unknown word into two words often seen together."""
    out = []
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if d.count(left) >= MIN_PART and d.count(right) >= MIN_PART:
            pair = d.bigram(left, right)
            if pair >= MIN_RUN_ON_PAIR:
                out.append((left, right, pair))
    out.sort(key=lambda s: -s[2])
    return out


def unseen_run_on(d: Dictionary, word: str) -> str | None:
    """`sama mulai` for `samamulai`: a (lowercase) word news never writes that splits in one way only into two words
    of MIN_RUN_ON_LETTERS or more letters that news writes at least MIN_RUN_ON_WORD times, mostly in lowercase (no
    names), the first no bound form (EYD V writes `mikro` + `plastik` as one word, `split_word` joins it); else None.
    Whether a slip of one word explains it better is the caller's question."""
    if d.count(word) or not word.isalpha() or len(word) < 2 * MIN_RUN_ON_LETTERS:
        return None

    def frequent(part: str) -> bool:
        count = d.count(part)
        return count >= MIN_RUN_ON_WORD and not is_name(count, d.lower_count(part))

    splits = [
        (word[:i], word[i:])
        for i in range(MIN_RUN_ON_LETTERS, len(word) - MIN_RUN_ON_LETTERS + 1)
        if frequent(word[:i]) and frequent(word[i:]) and word[:i] not in BOUND_FORMS  # `mikroplastik` is standard
    ]
    return " ".join(splits[0]) if len(splits) == 1 else None
