"""Indonesian derivational morphology for the spelling checker.

A word is accepted when it is a known root, or when it can be read as

    [proclitic] prefixes* root [suffix] [possessive] [particle]

with the root known to the lexicon (at least ``MIN_ROOT`` letters when affixed)
and every affix in the form the rules below demand:

* meN- and peN- assimilate to the root:  me- before l m n r w y, mem- before
  b f v, men- before c d j z and clusters of t and s (``mentransfer``,
  ``menstabilkan``), meng- before vowels, g, h and clusters of k, and menge-
  before one-syllable roots (``mengecat``).  The initial k, p, t, s of a root
  followed by a vowel is dropped: ``kirim`` > ``mengirim``, ``pantau`` >
  ``memantau``, ``tulis`` > ``menulis``, ``sapa`` > ``menyapa``.  Roots listed
  as KPST exceptions keep it (``mempunyai``, ``mengkaji``).
* ber-, per- and ter- lose their r before roots in r and before a few roots
  such as ``kerja`` (``berenang``, ``bekerja``, ``peternak``); ber- and per-
  become bel-/pel- before ``ajar``.
* Only the prefix sequences and prefix/suffix pairings in ``PREFIX_RULES`` are
  allowed: no ``di-...-an``, no ``meN-...-an``, ``ber-...-kan`` only for the
  roots in ``BER_KAN_ROOTS``, bare ``ke-`` only for ``KE_ROOTS``, and so on.
* Reduplication: ``negara-negara``, ``ber+kali-kali``, ``kejar-kejar+an``,
  ``me+nari-nari`` (the copy takes the nasal), ``tolong-menolong`` (the prefix
  sits on the copy).  Irregular ones (``sayur-mayur``) must be in the lexicon.
* Compounds written solid only between a prefix and a suffix
  (``ditandatangani``, ``ketidakadilan``) come from ``COMPOUND_ROOTS`` and
  ``tidak`` + root; -wan/-wati only from ``WAN_ROOTS``.
* Words from a corpus list (``is_word``) take clitics freely but derivational
  affixes only when they do not look derived themselves.

Non-standard spellings that keep the k, p, t, s after meN-/peN-
(``mengkonfirmasi``) are rejected; ``Morphology.standard_form`` names the
standard spelling.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator

from editdistpy import damerau_osa

from .records import TYPE_CHECKING, NamedTuple
from .tables import word_classes

if TYPE_CHECKING:
    from os import PathLike

MIN_ROOT = 3
#: A root of at most this many letters after a prefix, or a body of at most this many before a suffix (`pka` of
#: `pkai`), is corrected within one edit, not two: two edits would replace 40% of it or more, so its candidates are
#: near anything (a 2-edit lookup of a 5-letter stem gathers 60-250 words and takes 170-260 us in the slowest cold
#: suggests, of a 3-4 letter one 1,000-1,800 words: `python -m benchmarks.cold_suggest --tail --breakdown`).
#: 4 against none (0), stems only: dev the same (`python -m benchmarks.tune`), blind-spot seed 1 the same but two-edit
#: slips of inflected forms accepted silently 7.0 -> 6.8%; 26 of the 2,400 seed-1 slips' suggestion lists change, one
#: first suggestion (`terbg`: terbb -> terang); cold suggest p99 6.6 -> 3.8-4.0 ms.
#: 5 against 4 (speed22), bodies too: dev the same at 4, 5, 6 and even 20 (`benchmarks.tune --set SHORT_STEM=...`),
#: blind-spot seed 1 and `benchmarks.misfixes` the same; of 3,400 suggests (`benchmarks.ab_answers`) 18 change, none
#: in its first suggestion nor in the meant word's place (a far derivation left out, or another word shown after the
#: meant one). 6 changed 35, and on news made a false alarm surer (`teflonnya` -> telfonnya 0.77 -> 0.97, which `fix`
#: would apply) and put `pengolahan` before `penelaahan` for `penelahaan`: benchmarks/COLD.md.
SHORT_STEM = 5
#: A root read intact after a slipped prefix or before a slipped suffix (`_long_offers`) has at least this many
#: letters: a shorter one is found inside too many long words. (SHORT_STEM's value when the two were one constant.)
MIN_INTACT_ROOT = 4
#: `correct_head(string, max_distance)`: known words close to a string, each with its distance to it (optimal string
#: alignment, as `damerau_levenshtein`: `inflected_offers` takes it as its offers' own): SymSpell's lookup.
CorrectHead = Callable[[str, int | None], list[tuple[str, int]]]
CACHE_SIZE = 1 << 17  # words whose analyses are remembered
PREFIXED_CACHE_SIZE = 1 << 14  # (prefix class, root) pairs whose prefixed form is remembered
VOWELS = frozenset("aeiou")

DERIVATIONAL_SUFFIXES = ("kan", "an", "i", "wan", "wati")
POSSESSIVES = ("nya", "ku", "mu")
PARTICLES = ("lah", "kah", "pun")

# Surface forms each prefix class can take, longest first.
PREFIX_SURFACES: dict[str, tuple[str, ...]] = {
    "meN": ("menge", "meny", "meng", "mem", "men", "me"),
    "peN": ("penge", "peny", "peng", "pem", "pen", "pe"),
    "ber": ("ber", "bel", "be"),
    "per": ("per", "pel", "pe"),
    "ter": ("ter", "te"),
    "di": ("di",),
    "ke": ("ke",),
    "se": ("se",),
    "pe": ("pe",),  # agent noun without nasal: petani, pedagang, pegolf
    "ku": ("ku",),
    "kau": ("kau",),
}
NASAL_CLASSES = frozenset({"meN", "peN"})
#: Prefix classes an affix pattern names as another, so that the prior weighs them as one (`Analysis.pattern`,
#: `speller.model.affix_odds`): the pronoun proclitics kau- (engkau) and ku- (aku) take the same bare verb forms by the
#: same rules, and news writes too few of either joined to weigh them apart. The build corpus shows 14 rare ku- words
#: and no kau- word (it writes `kau lakukan` apart): weighed alone, every kau- form lost 5 nats more than its ku- twin,
#: and `kaulakukan`, the standard spelling, was a spacing error of `kau lakukan` at 0.98 (dev and blind-spot seed 1 did
#: not move either way).
POOLED_CLASSES = {"kau": "ku"}
# The class each surface form names in an affix pattern (`Analysis.pattern`): its own class when it is one (`pe`, `di`),
# else the first class that writes it (`pem` is peN, `be` ber); a pooled class (`POOLED_CLASSES`) names its pool.
SURFACE_CLASS: dict[str, str] = {
    surface: POOLED_CLASSES.get(named, named)
    for cls, surfaces in reversed(PREFIX_SURFACES.items())
    for surface in surfaces
    for named in (surface if surface in PREFIX_SURFACES else cls,)
}
# What a prefix looks like to the prefix in front of it (meN + per > memper).
PREFIX_CITATION = {"ber": "ber", "per": "per", "ter": "ter", "ke": "ke", "peN": "pen", "se": "se"}

# Nasal ending by root-initial letter when the letter stays.
NASAL_KEEPING = {
    **dict.fromkeys("lmnrwy", ""),
    **dict.fromkeys("bfvp", "m"),
    **dict.fromkeys("cdjzts", "n"),
    **dict.fromkeys("aeioughkqx", "ng"),
}
# Root-initial letters dropped before a vowel, with the nasal that replaces them.
NASAL_ELIDING = {"k": "ng", "p": "m", "t": "n", "s": "ny"}
# Letter restored to the root when a nasal surface form has swallowed it.
ELIDED_LETTER = {"mem": "p", "men": "t", "meng": "k", "meny": "s", "pem": "p", "pen": "t", "peng": "k", "peny": "s"}
# Prefixes after meN-/peN- that keep their own first letter (memper-, not memer-).
PREFIXES_KEEPING_INITIAL = frozenset({"per"})

# The root lexicons below are data: dictionaries/root_classes.tsv (root, class, basis).
ROOT_CLASSES = word_classes("root_classes.tsv")

# Roots before which ber-/per-/ter- drop their r although the root has no r.
R_DROPPING_ROOTS = ROOT_CLASSES["r_dropping"]
# Roots before which ber-/per- become bel-/pel-.
L_ROOTS = ROOT_CLASSES["bel_pel"]

# Roots taking ber-...-kan ("having X as"): berdasarkan, berlandaskan.
BER_KAN_ROOTS = ROOT_CLASSES["ber_kan"]
# Roots taking a bare ke-: ordinals and a few lexicalised nouns.
KE_ROOTS = ROOT_CLASSES["ke"]
# Roots of the ke- stems used under meN-/di-/peN-/ter-: mengetahui, terkemuka.
KE_STEMS = ROOT_CLASSES["ke_stem"]
# Roots of the se- stems used under meN-/di-/peN-/per-: menyetujui, persetujuan.
SE_STEMS = ROOT_CLASSES["se_stem"]
# Compounds written as one word only between a prefix and a suffix
# (tanda tangan > ditandatangani); tidak + root also counts (ketidakadilan).
COMPOUND_ROOTS = ROOT_CLASSES["compound"]
COMPOUND_HEADS = ("tidak",)
# (last letter of the root, derivational suffix) pairs that never occur: no sari+i.
BLOCKED_JUNCTIONS = frozenset({("i", "i")})
# Roots taking -wan/-wati: wartawan, ilmuwan.
WAN_ROOTS = ROOT_CLASSES["wan"]


class PrefixRule(NamedTuple):
    """A permitted prefix sequence, the derivational suffixes it takes
    ('' for none) and, when limited, the roots it applies to."""

    classes: tuple[str, ...]
    suffixes: frozenset[str]
    roots: frozenset[str] | None = None


def _rule(classes: str, suffixes: str, roots: frozenset[str] | None = None) -> PrefixRule:
    """Build a rule from space-separated classes and suffixes ('-' = none)."""
    return PrefixRule(
        tuple(classes.split()),
        frozenset("" if s == "-" else s for s in suffixes.split()),
        roots,
    )


PREFIX_RULES: tuple[PrefixRule, ...] = (
    _rule("", "- kan i an"),
    _rule("", "wan wati", WAN_ROOTS),
    _rule("meN", "- kan i"),
    _rule("di", "- kan i"),
    _rule("ter", "- kan i"),
    _rule("ber", "- an"),
    _rule("ber", "kan", BER_KAN_ROOTS),
    _rule("peN", "- an"),
    _rule("pe", "-"),
    _rule("per", "- an kan i"),
    _rule("ke", "-", KE_ROOTS),
    _rule("ke", "an"),
    _rule("se", "- an"),
    _rule("ku", "- kan i"),
    _rule("kau", "- kan i"),
    _rule("meN per", "- kan i"),
    _rule("di per", "- kan i"),
    _rule("meN ber", "kan"),
    _rule("di ber", "kan"),
    _rule("peN ber", "an"),
    _rule("ke ber", "an"),
    _rule("ke ter", "an"),
    _rule("ke peN", "an"),
    _rule("ke se", "an"),
    _rule("ber peN", "- an"),
    _rule("ber ke", "an"),
    _rule("se peN", "- an"),
    _rule("se peN ke", "an", KE_STEMS),
    _rule("meN ke", "- kan i", KE_STEMS),
    _rule("di ke", "kan i", KE_STEMS),
    _rule("peN ke", "an", KE_STEMS),
    _rule("ter ke", "-", KE_STEMS),
    _rule("meN se", "- kan i", SE_STEMS),
    _rule("di se", "kan i", SE_STEMS),
    _rule("peN se", "- an", SE_STEMS),
    _rule("per se", "an", SE_STEMS),
    # the pronoun proclitics stand before a verb's bare form, prefixed too: kuperjuangkan, kauketahui, kusetujui
    _rule("ku per", "- kan i"),
    _rule("kau per", "- kan i"),
    _rule("ku ke", "kan i", KE_STEMS),
    _rule("kau ke", "kan i", KE_STEMS),
    _rule("ku se", "kan i", SE_STEMS),
    _rule("kau se", "kan i", SE_STEMS),
)
NASAL_SURFACES = frozenset(PREFIX_SURFACES["meN"] + PREFIX_SURFACES["peN"])
# The commonest derivations of a root, (prefix class or '', suffixes): its family (`Morphology.family`).
FAMILY_AFFIXES: tuple[tuple[str, str], ...] = (
    ("", "an kan i nya"),
    ("meN", "- kan i"),
    ("di", "- kan i"),
    ("ber", "- an"),
    ("peN", "- an"),
    ("ter", "-"),
    ("per", "an"),
    ("ke", "an"),
)

#: `FAMILY_AFFIXES` with each class's suffixes split, `-` (none) as "".
_FAMILY_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (cls, tuple("" if s == "-" else s for s in suffixes.split())) for cls, suffixes in FAMILY_AFFIXES
)


class PrefixSpelling(NamedTuple):
    """One way to write a rule's prefixes: the written text, each prefix's
    surface form, the index of the nasal that swallowed the next morpheme's
    first letter, and the letter to put back on the root."""

    rule: PrefixRule
    written: str
    surfaces: tuple[str, ...]
    nasal: int | None
    restore: str


def _spellings(rule: PrefixRule) -> Iterator[PrefixSpelling]:
    """Every written form of the rule's prefixes, with and without elision."""
    for surfaces in itertools.product(*(PREFIX_SURFACES[c] for c in rule.classes)):
        yield PrefixSpelling(rule, "".join(surfaces), surfaces, None, "")
        for i, (cls, surface) in enumerate(zip(rule.classes, surfaces)):
            letter = ELIDED_LETTER.get(surface)
            if cls not in NASAL_CLASSES or letter is None:
                continue
            if i == len(surfaces) - 1:
                yield PrefixSpelling(rule, "".join(surfaces), surfaces, i, letter)
            elif surfaces[i + 1].startswith(letter):  # meng+(k)e+tahu
                written = "".join(surfaces[: i + 1]) + "".join(surfaces[i + 1 :])[1:]
                yield PrefixSpelling(rule, written, surfaces, i, "")


#: Each rule with prefixes, with its written forms (`_spellings`): made once for the tables below.
_RULE_SPELLINGS: tuple[tuple[PrefixRule, tuple[PrefixSpelling, ...]], ...] = tuple(
    (rule, tuple(_spellings(rule))) for rule in PREFIX_RULES if rule.classes
)


def _index_spellings() -> dict[str, dict[str, tuple[PrefixSpelling, ...]]]:
    """Prefix spellings by derivational suffix, then by written form."""
    index: dict[str, dict[str, list[PrefixSpelling]]] = {}
    for rule, spellings in _RULE_SPELLINGS:
        for spelling in spellings:
            for suffix in rule.suffixes:
                by_written = index.setdefault(suffix, {})
                by_written.setdefault(spelling.written, []).append(spelling)
    return {
        suffix: {written: tuple(found) for written, found in by_written.items()} for suffix, by_written in index.items()
    }


BARE_RULES = tuple(rule for rule in PREFIX_RULES if not rule.classes)
SPELLINGS = _index_spellings()
WRITTEN_LENGTHS = sorted({len(w) for by_written in SPELLINGS.values() for w in by_written})
#: Letters every prefix spelling starts with: a body starting otherwise can carry no prefix (most words).
_OPENING = 2


def _spellings_by_opening() -> dict[tuple[str, str], tuple[tuple[int, ...], dict[str, tuple[PrefixSpelling, ...]]]]:
    """`SPELLINGS` by (derivational suffix, first _OPENING letters): the lengths of its written forms, shortest
    first, and the spellings by written form; what `_analyze_all` tries for a body."""
    grouped: dict[tuple[str, str], dict[str, tuple[PrefixSpelling, ...]]] = {}
    for suffix, by_written in SPELLINGS.items():
        for written, found in by_written.items():
            grouped.setdefault((suffix, written[:_OPENING]), {})[written] = found
    return {key: (tuple(sorted({len(w) for w in group})), group) for key, group in grouped.items()}


SPELLINGS_BY_OPENING = _spellings_by_opening()
#: The prefix classes whose standard form `Morphology.inflected_offers` puts on a corrected root, in its order.
OFFERED_CLASSES = ("meN", "peN", "di", "ter", "ber", "ke", "se", "per")
#: (class, surface form) of OFFERED_CLASSES by the surface's first _OPENING letters, in the order offered.
OFFERED_SURFACES: dict[str, tuple[tuple[str, str], ...]] = {
    opening: tuple((c, s) for c in OFFERED_CLASSES for s in PREFIX_SURFACES[c] if s[:_OPENING] == opening)
    for opening in {s[:_OPENING] for c in OFFERED_CLASSES for s in PREFIX_SURFACES[c]}
}


#: Farthest a long derivation's offer may be from the word (`Morphology._long_offers`): a slip or two.
LONG_OFFER_DISTANCE = 2
#: Shortest body (the word less its suffixes) whose prefixes `Morphology._long_offers` reads as slipped.
LONG_BODY = 8


class LongSpelling(NamedTuple):
    """One written form of a rule's prefixes, for the offers of long derivations: the classes it stands for, the
    letter a final nasal took from the root, the roots the rule is limited to (None: any) and the derivational
    suffixes it takes (none left out)."""

    written: str
    classes: tuple[str, ...]
    restore: str
    roots: frozenset[str] | None
    suffixes: tuple[str, ...]


def _long_spellings() -> dict[str, tuple[LongSpelling, ...]]:
    """Every prefix rule's written forms (`_spellings`), by their first _OPENING letters: what
    `Morphology._long_offers` strips before correcting a root, a compound or a `tidak` compound."""
    grouped: dict[str, dict[LongSpelling, None]] = {}
    for rule, spellings in _RULE_SPELLINGS:
        suffixes = tuple(sorted(s for s in rule.suffixes if s))
        for sp in spellings:
            if sp.nasal is None or sp.nasal == len(rule.classes) - 1:  # a melted inner prefix is a KPST matter
                entry = LongSpelling(sp.written, rule.classes, sp.restore, rule.roots, suffixes)
                grouped.setdefault(sp.written[:_OPENING], {})[entry] = None
    return {opening: tuple(found) for opening, found in grouped.items()}


LONG_SPELLINGS = _long_spellings()
#: Prefix sequences whose standard form `Morphology._long_offers` puts on a root it finds intact in a long body: the
#: rules of two prefixes or more, and each class before a `tidak` compound (with a derivational suffix only).
LONG_CHAINS = tuple(dict.fromkeys(r.classes for r in PREFIX_RULES if len(r.classes) >= 2 and r.roots is None))
#: Letters of a body with no derivational suffix that `Morphology._long_offers` reads as a slipped suffix after an
#: intact root (0: none; `diperkenalkna`), and the suffixes it then puts on.
LONG_SLIPPED_ENDS = (0, 1, 2, 3)
LONG_ENDINGS = ("kan", "an", "i")
COMPOUND_CHAINS = tuple(dict.fromkeys(r.classes for r in PREFIX_RULES if r.classes and r.roots is None))


def _written_lengths() -> dict[tuple[str, ...], frozenset[int]]:
    """How many letters each prefix sequence adds to a root, over its written forms (an elided letter counts
    against it): `Morphology._long_offers` skips the sequences whose offer is too long or short to be near."""
    found: dict[tuple[str, ...], set[int]] = {}
    for rule, spellings in _RULE_SPELLINGS:
        found.setdefault(rule.classes, set()).update(len(sp.written) - bool(sp.restore) for sp in spellings)
    return {classes: frozenset(lengths) for classes, lengths in found.items()}


CHAIN_LENGTHS = _written_lengths()
#: `COMPOUND_ROOTS` by first letter, each group sorted.
COMPOUNDS_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(sorted(c for c in COMPOUND_ROOTS if c[0] == first)) for first in {c[0] for c in COMPOUND_ROOTS}
}


class Analysis(NamedTuple):
    """One reading of a word: root, prefixes and suffixes as written.

    ``elided`` means the morpheme after the nasal prefix lost its first letter
    (mem+pantau is written ``memantau``); ``prefix_on_copy`` marks
    ``tolong-menolong``, where the prefixes belong to the second copy.
    """

    root: str
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    reduplicated: bool = False
    elided: bool = False
    prefix_on_copy: bool = False

    def surface(self) -> str:
        """The written word this analysis stands for."""
        morphemes = list(self.prefixes)
        nasal = next((i for i, p in enumerate(morphemes) if p in NASAL_SURFACES), None)
        root_first = self.elided and nasal == len(morphemes) - 1
        if self.elided and not root_first and nasal is not None:
            morphemes[nasal + 1] = morphemes[nasal + 1][1:]
        stem = self.root[1:] if root_first else self.root
        affixed = "".join(morphemes) + stem
        if self.prefix_on_copy:
            body = f"{self.root}-{affixed}"
        elif self.reduplicated:
            copy = _nasal_consonant(morphemes[-1]) + stem if root_first else stem
            body = f"{affixed}-{copy}"
        else:
            body = affixed
        return body + "".join(self.suffixes)

    @property
    def pattern(self) -> str:
        """The affix pattern: prefix classes and derivational suffix around `_`, the root (`meN-_-kan`, `se-_`,
        `_-i`, `ber-_~_` reduplicated); clitics (-nya, -lah, ...) are left out: `_` alone is a root with clitics."""
        before = "".join(f"{SURFACE_CLASS.get(p, p)}-" for p in self.prefixes)
        after = "".join(f"-{s}" for s in self.suffixes if s in DERIVATIONAL_SUFFIXES)
        return f"{before}_{'~_' if self.reduplicated or self.prefix_on_copy else ''}{after}"

    def __str__(self) -> str:
        root = f"{self.root}-{self.root}" if self.reduplicated else self.root
        if self.prefix_on_copy:
            return f"{self.root}-" + "+".join((*self.prefixes, self.root, *self.suffixes))
        return "+".join((*self.prefixes, root, *self.suffixes))


def _nasal_consonant(prefix: str) -> str:
    """The nasal a meN-/peN- surface form ends in ('n' for 'men')."""
    return prefix[2:]


def _syllables(root: str) -> int:
    """Syllable count: one per vowel, a final diphthong counting once (sa-ing, kau)."""
    vowels = len(root) - len(root.translate(_NO_VOWELS))
    return vowels - 1 if root.endswith(_DIPHTHONGS) else vowels


#: Deletes the VOWELS (`str.translate`).
_NO_VOWELS = str.maketrans("", "", "".join(VOWELS))
#: The diphthongs a final syllable may end in.
_DIPHTHONGS = ("ai", "au", "oi", "ei")


def load_exceptions(path: str | PathLike[str]) -> frozenset[str]:
    """Read a KPST exception list: one root per line, '#' starts a comment."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return frozenset(s for line in lines if (s := line.split("#", 1)[0].strip()))


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting adjacent transpositions (optimal string alignment)."""
    return damerau_osa.distance(a, b, len(a) + len(b))


def stem_distance(stem: str) -> int | None:
    """The edit distance within which a stem (a root after a prefix, a body before suffixes) is corrected: one for
    a short one (`SHORT_STEM`), else as far as the lookup goes (None)."""
    return 1 if len(stem) <= SHORT_STEM else None


def _stems(surface: str, rest: str) -> tuple[str, ...]:
    """The stems a body read as `surface` + `rest` may hold: `rest`, and, where the surface elides a root's first
    letter (`ELIDED_LETTER`), `rest` with that letter back when a vowel follows it: the letter is elided only before
    a vowel (`NASAL_ELIDING`; `mentraktir`, `memproduksi` keep it), so `pen` + `gamatan` holds no `tgamatan`."""
    letter = ELIDED_LETTER.get(surface)
    return (rest, letter + rest) if letter and rest[:1] in VOWELS else (rest,)


def _by_last_letter(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """'' and the suffixes ending in each letter, in their order: the ones a word ending in that letter may carry."""
    return {s[-1]: ("", *(t for t in suffixes if t[-1] == s[-1])) for s in suffixes}


_PARTICLES_BY_LAST = _by_last_letter(PARTICLES)
_POSSESSIVES_BY_LAST = _by_last_letter(POSSESSIVES)
_DERIVATIONS_BY_LAST = _by_last_letter(DERIVATIONAL_SUFFIXES)
#: The suffixes a (derivational suffix, possessive, particle) split writes, the empty ones left out.
_WRITTEN_SUFFIXES = {
    (deriv, poss, particle): tuple(s for s in (deriv, poss, particle) if s)
    for particle in ("", *PARTICLES)
    for poss in ("", *POSSESSIVES)
    for deriv in ("", *DERIVATIONAL_SUFFIXES)
}
_NONE = ("",)


def particle_siblings(word: str) -> frozenset[str]:
    """The same word with each other particle, when `word` ends in one after a base of MIN_ROOT letters or more
    (`adakah`: adalah, adapun): forms of one word, each in use, not slips of one another."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= MIN_ROOT:
            base = word[: -len(particle)]
            return frozenset(base + other for other in PARTICLES if other != particle)
    return frozenset()


def _suffix_splits(word: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every (body, derivational suffix, suffixes) split that matches literally, particles outermost, then
    possessives, then derivational suffixes, each '' first."""
    found = []
    for particle in _PARTICLES_BY_LAST.get(word[-1:], _NONE):
        if particle and not word.endswith(particle):
            continue
        w1 = word[: len(word) - len(particle)]
        for poss in _POSSESSIVES_BY_LAST.get(w1[-1:], _NONE):
            if poss and not w1.endswith(poss):
                continue
            w2 = w1[: len(w1) - len(poss)]
            for deriv in _DERIVATIONS_BY_LAST.get(w2[-1:], _NONE):
                if deriv and not w2.endswith(deriv):
                    continue
                body = w2[: len(w2) - len(deriv)]
                if len(body) >= 2:
                    found.append((body, deriv, _WRITTEN_SUFFIXES[deriv, poss, particle]))
    return found


class Morphology:
    """Accepts, analyses and repairs inflected forms of roots the lexicon knows."""

    def __init__(
        self,
        is_root: Callable[[str], bool],
        kpst_exceptions: frozenset[str] = frozenset(),
        is_word: Callable[[str], bool] | None = None,
    ) -> None:
        """``is_root`` knows the lexicon's roots.  ``is_word`` optionally knows
        further listed words (a corpus word list): they are accepted whole and
        take clitics, but take derivational affixes only when they do not look
        derived themselves, so ``dilakukan`` gives no ``dilakukanan``."""
        self._is_root = is_root
        self._is_word = is_word or _nothing
        self._exceptions = kpst_exceptions
        self._cached = functools.lru_cache(maxsize=CACHE_SIZE)(self._compute)
        self._prefixed: dict[tuple[str, str], str] = {}
        self._outer_prefixes: dict[tuple[str, ...], tuple[str, bool]] = {}

    # ----------------------------------------------------------- allomorphy
    def expected_prefix(self, cls: str, following: str, is_prefix: bool = False) -> tuple[str, bool]:
        """The surface form of prefix class ``cls`` before ``following`` (a root,
        or the citation form of the next prefix) and whether that morpheme's
        first letter is dropped."""
        if cls in NASAL_CLASSES:
            base = cls[:2]
            first = following[0]
            if is_prefix and following in PREFIXES_KEEPING_INITIAL:
                return base + NASAL_KEEPING.get(first, "ng"), False
            if not is_prefix and _syllables(following) == 1:
                return base + "nge", False
            if (
                first in NASAL_ELIDING
                and len(following) > 1
                and following[1] in VOWELS
                and following not in self._exceptions
            ):
                return base + NASAL_ELIDING[first], True
            return base + NASAL_KEEPING.get(first, "ng"), False
        if cls in ("ber", "per", "ter"):
            if cls != "ter" and following in L_ROOTS:
                return cls[:2] + "l", False
            if following[0] == "r" or following in R_DROPPING_ROOTS:
                return cls[:2], False
            return cls, False
        return cls, False

    # ------------------------------------------------------------- analysis
    def analyses(self, word: str) -> list[Analysis]:
        """All readings of word, most plausible first."""
        return list(self._cached(word))

    def _compute(self, word: str) -> tuple[Analysis, ...]:
        """Uncached analyses(), as a tuple."""
        found = self._analyze_all(word, lenient=False)
        return tuple(found) if len(found) < 2 else tuple(sorted(set(found), key=_plausibility))

    def analyze(self, word: str) -> Analysis | None:
        """The most plausible reading of word, or None when it is not well formed."""
        found = self.analyses(word)
        return found[0] if found else None

    def is_valid(self, word: str) -> bool:
        """Whether word is a known root or a well-formed derivation of one."""
        return bool(self._cached(word))

    def _analyze_all(self, word: str, lenient: bool) -> list[Analysis]:
        """Readings of word; lenient also allows a kept k/p/t/s after meN-/peN-."""
        found: list[Analysis] = []
        if not word:
            return found
        readings = self._readings
        for body, deriv, suffixes in _suffix_splits(word):
            for rule in BARE_RULES:
                if deriv in rule.suffixes:
                    readings(found, rule, (), None, body, suffixes, lenient)
            group = SPELLINGS_BY_OPENING.get((deriv, body[:_OPENING]))
            if group is None:
                continue
            lengths, spellings = group
            for length in lengths:
                if length >= len(body):
                    break
                for sp in spellings.get(body[:length], ()):
                    readings(found, sp.rule, sp.surfaces, sp.nasal, sp.restore + body[length:], suffixes, lenient)
        if self._is_root(word) or self._is_word(word):
            found.append(Analysis(word))
        return found

    def _readings(
        self,
        found: list[Analysis],
        rule: PrefixRule,
        surfaces: tuple[str, ...],
        nasal: int | None,
        stem: str,
        suffixes: tuple[str, ...],
        lenient: bool,
    ) -> None:
        """Adds to `found` the analyses for one prefix reading whose remaining stem is ``stem``."""
        hyphen = "-" in stem
        if not rule.classes and not suffixes:
            # a bare root is handled by the caller; only reduplications here
            if hyphen:
                found.extend(self._mirrored(stem))
                for root, redup in self._roots(stem, None, derivational=False):
                    if redup:
                        found.append(Analysis(root, reduplicated=True))
            return
        if len(stem) < MIN_ROOT or (not hyphen and rule.roots is not None and stem not in rule.roots):
            return  # every root it could give is refused below, unasked (a root is the stem, or part of it)
        elided = nasal is not None
        root_elided = elided and nasal == len(surfaces) - 1
        suffix = suffixes[0] if suffixes and suffixes[0] in DERIVATIONAL_SUFFIXES else ""
        roots: Iterable[tuple[str, bool]] = self._roots(
            stem, surfaces[-1] if root_elided else None, bool(rule.classes or suffix)
        )
        if rule.classes and suffix:
            roots = (*roots, *self._compound(stem))
        for root, redup in roots:
            if len(root) < MIN_ROOT or (rule.roots is not None and root not in rule.roots):
                continue
            if suffix and (root[-1], suffix) in BLOCKED_JUNCTIONS:
                continue
            if self._prefixes_fit(rule.classes, surfaces, nasal, root, lenient):
                found.append(Analysis(root, surfaces, suffixes, redup, elided))

    def _roots(self, stem: str, nasal: str | None, derivational: bool) -> list[tuple[str, bool]]:
        """Known roots ``stem`` can stand for, with whether it is reduplicated.
        ``nasal`` is the prefix that swallowed the root's first letter, if any;
        ``derivational`` says whether derivational affixes surround it."""
        is_base = self._is_base
        found = [(stem, False)] if is_base(stem, derivational) else []
        if "-" not in stem:
            return found
        left, _, right = stem.partition("-")
        if nasal is not None:
            # me+nari-nari: stem 'tari-nari' with the t restored on the left only
            left_written = left[1:]
            if right == _nasal_consonant(nasal) + left_written and is_base(left, derivational):
                found.append((left, True))
        elif left == right and is_base(left, derivational):
            found.append((left, True))
        return found

    def _is_base(self, stem: str, derivational: bool) -> bool:
        """Whether stem can carry the affixes around it: a root always, a
        listed word when only clitics surround it or it is not derived itself."""
        if self._is_root(stem):
            return True
        if not self._is_word(stem):
            return False
        return not derivational or all(a == Analysis(stem) for a in self.analyses(stem))

    def _compound(self, stem: str) -> Iterator[tuple[str, bool]]:
        """``stem`` as a compound root (tandatangan, tidakadil); after `tidak` also a word derived without a
        derivational suffix (tidakmenentu, tidakberpihak, tidakterbuka: ketidakmenentuan)."""
        if stem in COMPOUND_ROOTS:
            yield stem, False
        for head in COMPOUND_HEADS:
            if stem.startswith(head) and self._tidak_base(stem[len(head) :]):
                yield stem, False

    def _tidak_base(self, rest: str) -> bool:
        """Whether ``rest`` can follow a compound head: a base, or a word prefixed without a derivational suffix."""
        if len(rest) < MIN_ROOT:
            return False
        if self._is_base(rest, True):
            return True
        return any(a.prefixes and not any(s in DERIVATIONAL_SUFFIXES for s in a.suffixes) for a in self.analyses(rest))

    def _mirrored(self, stem: str) -> Iterator[Analysis]:
        """tolong-menolong: a root followed by its meN- form."""
        left, _, right = stem.partition("-")
        if len(left) < MIN_ROOT or not self._is_base(left, True):
            return
        surface, elided = self.expected_prefix("meN", left)
        if right == surface + (left[1:] if elided else left):
            yield Analysis(left, (surface,), (), True, elided, prefix_on_copy=True)

    def _prefixes_fit(
        self,
        classes: tuple[str, ...],
        surfaces: tuple[str, ...],
        nasal: int | None,
        root: str,
        lenient: bool,
    ) -> bool:
        """Whether every prefix has the form its right neighbour demands."""
        for i, cls in enumerate(classes):
            last = i == len(classes) - 1
            following = root if last else PREFIX_CITATION.get(classes[i + 1], classes[i + 1])
            if cls == "pe" and following[0] in VOWELS:
                return False
            expected = self.expected_prefix(cls, following, is_prefix=not last)
            actual = (surfaces[i], nasal == i)
            if actual == expected:
                continue
            if lenient and cls in NASAL_CLASSES and last and self._kept_initial(surfaces[i], root):
                continue
            if lenient and cls in NASAL_CLASSES and not last and actual == (expected[0], True):
                continue  # mem+(p)er+lihat: the p of per- melted like a root's
            return False
        return True

    def _kept_initial(self, surface: str, root: str) -> bool:
        """Whether surface+root is the non-standard form keeping k/p/t/s."""
        first = root[0]
        return first in NASAL_ELIDING and len(root) > 1 and root[1] in VOWELS and surface[2:] == NASAL_KEEPING[first]

    # ------------------------------------------------------------- family
    def family(self, root: str) -> tuple[str, ...]:
        """The root and its commonest derivations (`FAMILY_AFFIXES`) in their standard spelling: the words
        whose corpus counts show how much a root is used (`alir`: `mengalir`, `aliran`, ...)."""
        forms = [root]
        for cls, suffixes in _FAMILY_ENDINGS:
            stem = self.with_prefix(cls, root) if cls else root
            forms.extend([stem + s for s in suffixes])
        return tuple(dict.fromkeys(forms))

    # ------------------------------------------------------------- KPST
    def standard_form(self, word: str) -> str | None:
        """The standard spelling of a meN-/peN- word that wrongly keeps the
        root's k, p, t or s (mengkonfirmasi > mengonfirmasi), else None.
        Words listed whole in the lexicon are checked too (news spells them
        both ways) unless they are KPST exceptions or well-formed derivations.
        A listed word with clitics or particles (`mempengaruhinya`) takes its
        stem's standard form with them (`memengaruhinya`)."""
        if word in self._exceptions:
            return None
        strict = self.analyses(word)
        clitics = [a for a in strict if _clitics_only(a) and a.root != word]
        if any(a != Analysis(word) and a not in clitics for a in strict):
            return None
        for reading in clitics:
            stem = self.standard_form(reading.root)
            if stem is not None:
                return stem + "".join(reading.suffixes)
        if clitics:
            return None
        readings = set(self._analyze_all(word, lenient=True))
        for reading in sorted(readings, key=lambda a: (len(a.root), _plausibility(a))):
            if reading.elided and self._melted_prefix(reading):
                fixed = reading._replace(elided=False)  # memerlihatkan > memperlihatkan
                candidate = fixed.surface()
                return candidate if fixed in self.analyses(candidate) else None
            nasal = len(reading.prefixes) - 1
            if reading.elided or nasal < 0 or reading.prefixes[nasal] not in NASAL_SURFACES:
                continue
            cls = "meN" if reading.prefixes[nasal].startswith("me") else "peN"
            surface, elided = self.expected_prefix(cls, reading.root)
            if not elided:
                return None  # the shortest root decides: mensahkan is sah+kan
            prefixes = (*reading.prefixes[:nasal], surface)
            fixed = Analysis(reading.root, prefixes, reading.suffixes, reading.reduplicated, True)
            candidate = fixed.surface()
            return candidate if fixed in self.analyses(candidate) else None
        return None

    def _melted_prefix(self, reading: Analysis) -> bool:
        """Whether the reading's nasal prefix swallowed the first letter of a prefix that keeps it (`memerlihatkan`:
        mem + (p)er + lihat + kan, where per- keeps its p: `memperlihatkan`)."""
        prefixes = reading.prefixes
        return any(
            p in NASAL_SURFACES and next_p in PREFIXES_KEEPING_INITIAL for p, next_p in zip(prefixes, prefixes[1:])
        )

    # ------------------------------------------------------------- repair
    def suggest_inflected(self, word: str, correct_head: CorrectHead) -> list[tuple[str, int]]:
        """Corrections for a misspelled inflected word, as (candidate, edit
        distance to word), closest first, then fewest affixes, then
        alphabetical.  ``correct_head(string, max_distance)`` proposes known words
        close to a string, with their distance (max_distance None: as far as it goes)."""
        best = {c: dist for c, dist in self.inflected_offers(word, correct_head).items() if self.is_valid(c)}
        return sorted(best.items(), key=self.offer_order)

    def offer_order(self, offer: tuple[str, int]) -> tuple[int, int, str]:
        """The sort key of a valid (candidate, distance) offer: closest first, then fewest affixes, then alphabetical
        (`suggest_inflected`'s order)."""
        cand, dist = offer
        return dist, self.affix_count(cand), cand

    def inflected_offers(self, word: str, correct_head: CorrectHead) -> dict[str, int]:
        """Every form `suggest_inflected` weighs for word (a corrected head with word's suffixes, a corrected
        root with a prefix of word), valid or not, with its edit distance to word: validating them is the
        costly part, so a caller that needs only the nearest can validate few.

        An offer's distance is the stem lookup's own whenever the offer differs from word only where the stem
        differs from its correction: optimal string alignment (OSA) distance does not change when both strings
        gain the same suffix or prefix (`d(xz, yz) = d(x, y)`, `d(zx, zy) = d(x, y)`: in the OSA table, a cell
        and the one beside it differ by at most one, so the common letters' diagonal steps stay optimal; as
        `editdistpy` trims common ends itself, its distance obeys it literally; tests/test_offer_distances.py
        checks it exhaustively on short strings). So a corrected head `head + tail` is `d(body, head)` from word
        `body + tail`, and a prefixed root written `surface + x` is `d(stem, root)` when the stem and the root
        share the letter the prefix elided (or none): no distance is computed again for them."""
        offers: dict[str, int] = {}
        distance = damerau_osa.distance  # optimal string alignment, unbounded: `damerau_levenshtein`, inlined
        prefixed, with_prefix, offer = self._prefixed, self.with_prefix, offers.setdefault  # the first one stays
        n = len(word)
        splits = _suffix_splits(word)
        shows_suffix = any(deriv for _, deriv, _ in splits)  # then no end of it is read as a slipped suffix
        for body, _, suffixes in splits:
            tail = "".join(suffixes)
            for head, dist in correct_head(body, stem_distance(body)):
                offer(head + tail, dist)  # = distance(word, candidate): the common tail changes nothing
            for cls, surface in OFFERED_SURFACES.get(body[:_OPENING], ()):
                if not body.startswith(surface):
                    continue
                cut = len(surface)
                rest = body[cut:]
                for stem in _stems(surface, rest):
                    if len(stem) < MIN_ROOT:
                        continue
                    lead = stem[: len(stem) - len(rest)]  # "" or the letter the surface elided
                    for root, dist in correct_head(stem, stem_distance(stem)):
                        if len(root) < MIN_ROOT:
                            continue
                        form = prefixed.get((cls, root)) or with_prefix(cls, root)
                        candidate = form + tail
                        if candidate not in offers:
                            if form.startswith(surface) and lead + form[cut:] == root:
                                # word = surface + rest + tail, candidate = surface + x + tail with lead + x = root,
                                # stem = lead + rest: the distance is d(rest, x) = d(stem, root)
                                offers[candidate] = dist
                            else:
                                offers[candidate] = distance(word, candidate, n + len(candidate))
            if len(body) >= LONG_BODY:
                self._long_offers(word, body, shows_suffix, tail, correct_head, offers)
        offers.pop(word, None)  # the word itself is no offer (taken in above only to keep the loops plain)
        return offers

    def _long_offers(
        self, word: str, body: str, derived: bool, tail: str, correct_head: CorrectHead, offers: dict[str, int]
    ) -> None:
        """Adds to `offers` the long derivations near `word` (its `body` + `tail`) that one prefix and a corrected root
        cannot reach: two prefixes on a corrected root (`diperlengnkapi`: `diperlengkapi`); a prefix on a `tidak`
        compound whose root is corrected (`ketidaksempuraan`: `ketidaksempurnaan`) or on a compound root near the
        stem (`ditandatangni`), these with a derivational suffix only; when the word shows no derivational suffix
        (`derived` False; `ketidaksempuraan` shows -an), its end may be a slipped one, so the rule's suffixes are
        put on too (`mempersatukn`: `mempersatukan`); and a slip in the prefixes themselves before an intact root
        (`dpiersangkakan`, `ketdaksempurnaan`; one edit at most), or in the suffix after it (`diperkenalkna`).
        Only offers within `LONG_OFFER_DISTANCE` of word are kept."""
        distance, chain_form = damerau_osa.distance, self._chain_form

        def offer(classes: tuple[str, ...], root: str, bound: int = LONG_OFFER_DISTANCE, ending: str = "") -> None:
            candidate = chain_form(classes, root) + ending + tail
            if candidate not in offers:
                dist = distance(word, candidate, bound)
                if 0 <= dist <= bound:
                    offers[candidate] = dist

        for sp in LONG_SPELLINGS.get(body[:_OPENING], ()):
            if not body.startswith(sp.written):
                continue
            stem = sp.restore + body[len(sp.written) :]
            compound_endings = ("",) if derived else sp.suffixes
            rests: list[tuple[str, str, tuple[str, ...]]] = []
            if len(sp.classes) >= 2:
                rests.append(("", stem, ("",) if derived else ("", *sp.suffixes)))
            if sp.roots is None and compound_endings:
                rests.extend((h, stem[len(h) :], compound_endings) for h in COMPOUND_HEADS if stem.startswith(h))
                for compound in COMPOUNDS_BY_FIRST.get(stem[:1], ()):  # a slip rarely takes the first letter
                    for ending in compound_endings:
                        if abs(len(compound) + len(ending) - len(stem)) <= LONG_OFFER_DISTANCE:
                            offer(sp.classes, compound, ending=ending)
            for head, rest, endings in rests:
                if len(rest) < MIN_ROOT:
                    continue
                if sp.roots is not None:
                    roots = [r for r in sp.roots if distance(rest, r, LONG_OFFER_DISTANCE) >= 0]
                else:
                    roots = [r for r, _ in correct_head(rest, stem_distance(rest))]
                for root in roots:
                    if len(root) >= MIN_ROOT:
                        for ending in endings:
                            offer(sp.classes, head + root, ending=ending)
        for cut in range(1, len(body) - MIN_INTACT_ROOT + 1):
            for dropped in (0,) if derived else LONG_SLIPPED_ENDS:
                rest = body[cut : len(body) - dropped]
                if len(rest) < MIN_INTACT_ROOT:
                    break
                endings = ("",) if not dropped else LONG_ENDINGS
                if self._is_root(rest):
                    for classes in LONG_CHAINS:
                        for ending in endings:
                            if _near_length(classes, cut + dropped - len(ending)):
                                offer(classes, rest, 1, ending)
                if (derived or dropped) and (self._is_root(rest) or rest in COMPOUND_ROOTS):
                    head = "" if rest in COMPOUND_ROOTS else "tidak"
                    for classes in COMPOUND_CHAINS:
                        for ending in endings:
                            if _near_length(classes, cut + dropped - len(ending) - len(head)):
                                offer(classes, head + rest, 1, ending)

    def _chain_form(self, classes: tuple[str, ...], root: str) -> str:
        """root with the prefix classes in their standard form, each shaped by the next (meN+ke+tahu:
        `mengetahu`, meN+per+ringan: `memperingan`)."""
        outer = self._outer_prefixes.get(classes)
        if outer is None:
            outer = self._outer_prefixes[classes] = self._outer(classes)
        written, dropped = outer
        form = self.with_prefix(classes[-1], root)
        return written + (form[1:] if dropped else form)

    def _outer(self, classes: tuple[str, ...]) -> tuple[str, bool]:
        """The prefixes before the last one, written as the next demands, and whether they take the last one's
        first letter (meN+ke: `meng`, True; the root does not change them)."""
        parts: list[str] = []
        dropped = False
        for cls, following in zip(classes, classes[1:]):
            surface, elided = self.expected_prefix(cls, PREFIX_CITATION.get(following, following), is_prefix=True)
            parts.append(surface[1:] if dropped else surface)
            dropped = elided
        return "".join(parts), dropped

    def affix_count(self, word: str) -> int:
        """Number of affixes in the most plausible reading of a valid word."""
        analysis = self.analyses(word)[0]
        return len(analysis.prefixes) + len(analysis.suffixes)

    def with_prefix(self, cls: str, root: str) -> str:
        """root with prefix class cls in its standard form (remembered: the offers for one typo meet the same
        roots again and again)."""
        key = (cls, root)
        hit = self._prefixed.get(key)
        if hit is None:
            surface, elided = self.expected_prefix(cls, root)
            hit = surface + (root[1:] if elided else root)
            if len(self._prefixed) >= PREFIXED_CACHE_SIZE:
                self._prefixed.clear()
            self._prefixed[key] = hit
        return hit


def _near_length(classes: tuple[str, ...], letters: int) -> bool:
    """Whether the prefix sequence can add `letters` letters to a root, give or take one (`CHAIN_LENGTHS`)."""
    lengths = CHAIN_LENGTHS[classes]
    return letters in lengths or letters - 1 in lengths or letters + 1 in lengths


def derivation(morphology: Morphology, word: str) -> Analysis | None:
    """The most plausible reading of `word` built on another word (`dalami`: dalam + i), or None."""
    return next((a for a in morphology.analyses(word) if a.root != word), None)


def pattern_counts(morphology: Morphology, words: Iterable[tuple[str, float]]) -> dict[str, float]:
    """How many of `words` (word, weight) each affix pattern (`Analysis.pattern`) makes: each word adds its weight
    to the pattern of its `derivation`; a word built on no other word adds to none."""
    found: dict[str, float] = {}
    for word, weight in words:
        reading = derivation(morphology, word)
        if reading is not None:
            found[reading.pattern] = found.get(reading.pattern, 0.0) + weight
    return found


def _nothing(_: str) -> bool:
    """The empty word list."""
    return False


def _plausibility(analysis: Analysis) -> tuple[int, bool, int, bool, str, Analysis]:
    """Sort key: fewer affixes, no dropped letter, longer root, plain before
    reduplicated; then by the reading's text and fields, so that readings alike
    so far (`ter+kan`: the root ter with -kan, or kan with ter-) come in the
    same order in every process, not in the order of a set."""
    return (
        len(analysis.prefixes) + len(analysis.suffixes),
        analysis.elided,
        -len(analysis.root),
        analysis.reduplicated,
        str(analysis),
        analysis,
    )


def _clitics_only(analysis: Analysis) -> bool:
    """Whether the reading is a root with only possessives and particles after it (`mempengaruhi+nya`), if any."""
    return not (analysis.prefixes or analysis.reduplicated or analysis.prefix_on_copy) and all(
        s not in DERIVATIONAL_SUFFIXES for s in analysis.suffixes
    )
