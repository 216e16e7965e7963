"""The spell checker: find issues in a text, suggest and apply fixes."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence, Set
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress, filterfalse, repeat
from operator import add, contains, is_, not_
from types import ModuleType

from editdistpy import damerau_osa

from .calibration import CASE as CASE_KIND
from .calibration import (
    DERIVED_SUFFIXES,
    HEADLINE_LOWER_SHARE,
    LEXICON_MIN_LETTERS,
    OPENER_LOWER_SHARE,
    UNFIXED,
    Writes,
    after_capital,
    among_unknown,
    before_capital,
    flagged,
    held,
    hyphenated_acronym_confidence,
    in_handle,
    kind_of,
    lowercase_name_confidence,
    moved_space,
    next_word,
    opens_on_name,
    preposition_apart,
    previous_word,
    reported,
    shrunk,
    stretch,
    written_inside,
)
from .calibration import LISTED as LISTED_KIND
from .calibration import MOVED as MOVED_KIND
from .calibration import NAME as NAME_KIND
from .calibration import OPENER as OPENER_KIND
from .calibration import PAIR as PAIR_KIND
from .calibration import PHRASE as PHRASE_KIND
from .calibration import PREPOSITION as PREPOSITION_KIND
from .calibration import RARE as RARE_KIND
from .calibration import SHIFTED as SHIFTED_KIND
from .calibration import STRETCH as STRETCH_KIND
from .calibration import TITLE as TITLE_KIND
from .calibration import WORD as WORD_KIND
from .casing import headline_case, kept_form, lowercase_name, lowercase_share, match_case, name_case
from .categories import (
    CATEGORY_NAMES,
    DEFAULT_CATEGORIES,
    FIX_CONFIDENCE,
    FLAG_CONFIDENCE,
    MIN_CONFIDENCE,
    Category,
    rule_confidence,
)
from .dictionary import ColloquialPrefix, Dictionary, is_name
from .model import (
    AFFIX_RARE_COUNT,
    BARE_PATTERN,
    BARE_VERB_SUFFIXES,
    CAPITAL_SLIP,
    CASE_SLIP,
    CONFIDENCE_PLACES,
    CONTEXT_WEIGHT,
    DISCOUNT_RATIO,
    FLAG_SHARE,
    LOG_BOUND_COMPOUND,
    LOG_DATED_UNLISTED,
    LOG_NEW_NAME_BEFORE_TITLE,
    LOG_NEW_SHORT_NAME_BEFORE_TITLE,
    LOG_OMITTED_RIVAL,
    LOG_TRUNCATED_VERB,
    LOG_UNSEEN_CONTEXT,
    MAJORITY_LOWER_SHARE,
    NAME_MAX_EDITS,
    OFFER_SHARE,
    PLAIN_SHARE,
    POOLED_SHARE,
    REAL_READING,
    TITLE_ASSOCIATION,
    TRUNCATED_VERB_MIN_COUNT,
    Decision,
    NameShape,
    Prior,
    affix_mean,
    affix_odds_at,
    decide,
    doubled_readings,
    far_name,
    far_name_odds,
    is_name_variant,
    left_vouched_uses,
    loan_ending_odds,
    name_family_odds,
    name_shape,
    new_name_prior,
    new_reading_odds,
    odd_trigrams,
    offered,
    opening_case_cost,
    opens_title,
    outweighed,
    rare_patterns,
    rival_bounded,
    rival_slips,
    root_kind_odds,
    slip_discount,
    titled_case_cost,
    titled_pair_case_cost,
    unseen_variant_odds,
    word_shape,
    written_prior,
)
from .morphology import (
    DERIVATIONAL_SUFFIXES,
    ELIDED_LETTER,
    MIN_ROOT,
    POSSESSIVES,
    PREFIX_SURFACES,
    VOWELS,
    derivation,
    particle_siblings,
)
from .records import TYPE_CHECKING, NamedTuple
from .repeats import MAX_REPEATED_WORDS, REPEATED_JUDGED, REPEATED_SLIPS, phrase_length, repeated_phrase
from .spacing import (
    BOUND_FORMS,
    BOUND_OR_VERB,
    CLITICS,
    CONFIX_HEADS,
    CONFIX_TAILS,
    ENCLITICS,
    HYPHENATED_RATIO,
    MIN_REDUPLICATION,
    NEGATION_REACH,
    NEGATIONS,
    NEVER_DOUBLED,
    PASSIVE_PREFIX,
    PREPOSITIONS,
    PUN_APART,
    SPACED_HYPHEN,
    WRAPPED_GAP,
    bound_form_base,
    copy_clitic,
    detached_particle,
    doubled_apart,
    doubled_k,
    doubling_gap,
    ends_sentence,
    geminate_rival,
    glued_preposition,
    glued_to_capital,
    held_phrase,
    hyphenated_acronym,
    hyphenated_bound,
    hyphenated_clitic,
    hyphenated_name,
    is_name_head,
    may_be_one_word,
    often_a_phrase,
    peN_kan,
    prefix_apart,
    seam_k,
    split_word,
    unseen_run_on,
    wrapped_doubles,
)
from .tokenize import (
    NUMBER,
    OTHER,
    WORD,
    Token,
    fold,
    folded,
    is_acronym,
    is_all_caps,
    is_mixed_case,
    opens_sentence,
    parts_paragraphs,
    scan,
    title_line,
    tokenize,
)
from .verdicts import is_tabled

if TYPE_CHECKING:
    from collections import Counter
    from os import PathLike
    from typing import TypeVar

    from .calibration import Calibration
    from .morphology import Morphology
    from .symspell import DeleteIndex

    K = TypeVar("K")
    V = TypeVar("V")

TYPO, NONSTANDARD, SPACING, REAL_WORD = Category.TYPO, Category.NONSTANDARD, Category.SPACING, Category.REAL_WORD
CAPITALIZATION = Category.CAPITALIZATION
CATEGORIES = CATEGORY_NAMES
#: Characters before `sekali pun` read for the clause it stands in (`Speller._negated_pun`).
NEGATED_CLAUSE_CHARS = 200
#: Only words opening with these can break the KPST rule (`mengkonfirmasi`, `pengkajian`), or melt the p of per- after
#: meN- as if it were a root's (`memerlihatkan` for memperlihatkan; `memeriksa` is meN + `periksa`).
KPST_PREFIXES = ("mengk", "memp", "ment", "mens", "pengk", "pemp", "pent", "pens", "memer")
#: Unattested words shorter than this are abbreviations more often than typos.
MIN_LENGTH = 3
#: A lowercase side of a slashed run shorter than this is an abbreviation or an editor's initials (`tgl/bln`, `dok/ist`,
#: `(rul/imk)`, `(adv/eth)`), never judged as a word: on the lines of the news corpus holding a slashed run (2,106),
#: judging 3-letter sides made 23 flags (14 of them at 0.5 or more), none of a slip: initials, abbreviations and one
#: English word (`pipis/pup`); 4 letters and more made 12, 8 of slips (`Speller._slashed_findings`).
MIN_SLASHED_SIDE = 4
#: How many candidates (nearest first, then most frequent) the model weighs.
MAX_WEIGHED = 12
#: A Speller remembers what it computed per word form (or per form in its place) in memos that are emptied when
#: they hold more than so many entries: answers that are a number, a flag or a verdict ...
MEMO_SIZE = 200_000
#: ... answers that are lists (candidates, rivals, a window's findings, a name's spellings) ...
LIST_MEMO_SIZE = 50_000
#: ... and decisions (a form with its neighbours).
DECISION_MEMO_SIZE = 100_000
#: ... and whether a finding stands among unknown words, per stretch of text it reads (about 800 characters each).
STRETCH_MEMO_SIZE = 10_000
#: `speller.model.decide` of a written word with no candidate: the whole posterior is its own, whatever its prior
#: and its neighbours (tests/test_candidates.py checks it), so `_decide` skips the prior.
NO_RIVAL = Decision(1.0, ())
#: Names shorter than this are not compared for consistency within a text, nor weighed unless `MIN_ALONE_NAME_LENGTH`.
MIN_NAME_LENGTH = 5
#: A capitalized word the corpus never shows, shorter than MIN_NAME_LENGTH but this long, is weighed only standing
#: alone between two lowercase words inside a sentence (`ujar Kevi kemarin`), where a new name is rarest
#: (`LOG_NEW_NAME_ALONE`): at a sentence start or beside another capital a short new name (`Kila`, `Gleb`) is as
#: likely as a slip of the many frequent short words one edit away. Beside another capital it is weighed only when a
#: word one edit away makes with that capital a pair the corpus writes far more than chance (`_completes_name_pair`:
#: `Jawa Timr`, `Jaww Tengah`): on the whole corpus (6.9M words) that makes 14 flags, all of slips (`Eopa Timur`,
#: `Timor Lese`, `Ahmd Athallah`, `Penuntut Umun`, `Rumah Skit`), and 3-letter ones would add abbreviations (`Prof
#: Drh`). A shorter one (MIN_LENGTH letters or more) is weighed only before a capitalized word that its slip would open
#: a title with (`Kot Bandung`, `Imu Pengetahuan`: `_opens_title_slip`): in the build corpus 303 unlisted 3-letter
#: capitals stand before a capital, 1 of them so (`Imu Pengetahuan`, a slip); the 79 listed ones that would be so are
#: names and abbreviations but 2 (`Duo Lipa`). Before punctuation or the text's end (`pasar modal Erpa.`) it is not
#: weighed: there rare capitals are 1.2% of words against 0.19% between two lowercase words (clickid-tempo,
#: detik-2025, clickid-sindonews), and weighing them flagged 9 new names and no slip on the whole corpus.
MIN_ALONE_NAME_LENGTH = 4
#: How many word neighbours on each side may show that a word stands in an English stretch.
ENGLISH_REACH = 2
#: How many word neighbours on each side may show that a word stands in a passage spelt with letters Indonesian does
#: not use (`_lettered_stretch`: an Arabic-Latin transliteration, `kullu nafsim mā kasabat`, often with its accents
#: broken by the source's encoding, `tuwaffÄ kullu`) ...
LETTERED_REACH = 6
#: ... and how many of them (the word itself counted) must be so spelt. Indonesian writes accented letters only in
#: foreign names, rarely three within six words of each other (see benchmarks/unseen_file.py).
MIN_LETTERED = 3
#: The letter a curly quote, dash or apostrophe leaves in Indonesian text whose UTF-8 was read as Latin-1 (`â€œ`,
#: `Januariâ`): no sign of a foreign passage.
QUOTE_MOJIBAKE = "â"
#: A word shorter than this is not read as an English word respelt (`_adapted_count`): a short string is one or two
#: edits from many words (blind-spot seed 1, two-edit slips: 3 letters or more let `mis` (misi, as miss) and `trad`
#: (trade) through; from 5 none, and `remot` is still read as remote on dev).
MIN_ADAPTED_LENGTH = 5
#: A word read as a listed loan with another ending (`_loan_count`) keeps a stem of at least this many letters: the
#: shorter stems end native words as often as loans (`tangis`: `tangik` is `tangki` with two letters swapped).
LOAN_STEM = 5

#: How many suggestions a finding lists at most.
OFFERS = 5

#: How far around a suspect word the checker looks for its neighbours (characters).
CONTEXT_CHARS = 40


class Verdict(NamedTuple):
    """What a word says by itself, whatever its neighbours (see `Speller._verdict`)."""

    kind: str
    """`known` (plainly fine), `suspect` (the model needs its context), `skip`, or the `Category` of a finding."""
    replacement: str = ""
    """The replacement of a finding."""
    confidence: float = 0.0
    """The confidence of a finding."""


KNOWN, SUSPECT, SKIP = Verdict("known"), Verdict("suspect"), Verdict("skip")


class Finding(NamedTuple):
    """One finding before it becomes an `Issue`: span, suggestions (best first), category, confidence; `pooled`: for a
    pooled flag held under FIX_CONFIDENCE (`Speller._flag_confidence`), its share before it was held, which a kind `fix`
    leaves is calibrated on (`Speller._raw`); `clitic`: for a name's slip with a clitic glued on (`Jakrtanya` ->
    `Jakartanya`), the clitic ending both the span and each suggestion, the finding calibrated as its stem's."""

    start: int
    end: int
    suggestions: list[str]
    category: str
    confidence: float
    pooled: float | None = None
    clitic: str = ""


class Issue(NamedTuple):
    """A flagged span of the text: `text[start:end] == word`.

    `line` and `column` are 1-based; `column` counts characters (code points) from the line start.
    `suggestions` are replacements for the whole span, best first, in the case of the original.
    `confidence` is the share of such issues that were real errors (`speller.calibration`); `flagged` says whether a
    `Speller` asked for no `min_confidence` shows it (`speller.calibration.flagged`: at least FLAG_CONFIDENCE sure, or
    with `picky` a typo the model flags).
    """

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]
    category: str
    confidence: float
    line: int = 0
    column: int = 0
    flagged: bool = True

    @property
    def suggestion(self) -> str | None:
        """The best suggestion, or None."""
        return self.suggestions[0] if self.suggestions else None

    @property
    def one_line(self) -> str:
        """`word` as line-based reports print it: a line break inside it (a word doubled across a wrapped line,
        `yang<newline>yang`) written `\\n` (a CR `\\r`)."""
        return _on_one_line(self.word)

    @property
    def one_line_suggestions(self) -> tuple[str, ...]:
        """`suggestions` as line-based reports print them, as `one_line` (the fix of a word doubled across a wrapped
        line keeps the line break: `yang\\n`)."""
        return tuple(map(_on_one_line, self.suggestions))

    @property
    def end_position(self) -> tuple[int, int]:
        """The 1-based line and column just past `word`: on `line` unless a line break (`\\n`, `\\r\\n` or a lone
        `\\r`) stands inside it."""
        word = self.word
        if "\n" not in word and "\r" not in word:
            return self.line, self.column + len(word)
        breaks = word.count("\n") + word.count("\r") - word.count("\r\n")
        last = max(word.rfind("\n"), word.rfind("\r"))
        return self.line + breaks, len(word) - last

    def to_dict(self) -> dict:
        """A JSON-ready dict with the keys of a `speller check --format json` row but `path`
        (confidence rounded to 3 places), plus `column`, an alias of `col` kept for older callers."""
        return {
            "line": self.line,
            "col": self.column,
            "start": self.start,
            "end": self.end,
            "word": self.word,
            "suggestions": list(self.suggestions),
            "category": self.category,
            "confidence": round(self.confidence, 3),
            "column": self.column,
        }


def _on_one_line(text: str) -> str:
    """`text` with its line breaks written `\\n` (a CR `\\r`)."""
    return text if "\n" not in text and "\r" not in text else text.replace("\r", "\\r").replace("\n", "\\n")


#: The blanks after a word doubled across a line break and the rest of its line (`yang<newline>yang ramai`).
_BLANKS_THEN_TEXT = re.compile(r"[ \t\u00a0]+(?=\S)")


def _line_kept(text: str, start: int, end: int, suggestions: list[str]) -> tuple[int, list[str]]:
    """The end and suggestions of a finding `text[start:end]` that keep the line break it holds (a word doubled across
    a wrapped line): the copy opening the next line goes with the blanks after it, and each suggestion ends in the
    break as written, so `fix` leaves the line before as it was and the next opens on the word after the copy
    (`yang<newline>yang ramai` -> `yang<newline>ramai`; a news file's line is a paragraph). A copy that ends its line
    (that line goes) or that punctuation follows (`yang<newline>yang, ramai` -> `yang, ramai`) is left as it is."""
    gap = WRAPPED_GAP.search(text, start, end)
    after = _BLANKS_THEN_TEXT.match(text, end) if gap is not None else None
    if gap is None or after is None:
        return end, suggestions
    return after.end(), [s + gap.group() for s in suggestions]


def confidence_floor(value: float | None, name: str = "min_confidence") -> float | None:
    """`value` when it is None or a number from 0 to 1; ValueError otherwise (a NaN, which every comparison lets
    through, would show nothing and fix nothing without a word)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a number from 0 to 1, not {value!r}")
    return float(value)


def _text_of(text: object) -> str:
    """`text` when it is a str; TypeError naming what it is otherwise (bytes are to be decoded first)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return text


def shows(issue: Issue, min_confidence: float | None) -> bool:
    """Whether a `Speller` with `min_confidence` shows `issue` (found with `min_confidence=0.0`): None shows what the
    model flags, a number what is at least that sure."""
    return _shown(issue.flagged, issue.confidence, min_confidence)


def _shown(flagged: bool, confidence: float, min_confidence: float | None) -> bool:
    """See `shows`."""
    return flagged if min_confidence is None else confidence >= min_confidence


class _Lines:
    """Map character offsets to 1-based (line, column); `\n`, `\r\n` and a lone `\r` end a line (as in LSP)."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]
            return
        lines = text.split("\n")
        lines.pop()  # the last line ends no line
        self.starts = list(accumulate(map((1).__add__, map(len, lines)), initial=0))  # each line and its `\n`

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


#: A number with -an glued on (`1950an`, `300an`): EYD V writes `1950-an` (compiled when a text first holds one
#: that may be, `_DIGIT_AN`: most texts never pay for compiling it).
_NUMBER_AN = r"(?<![\w.,-])(\d[\d.,]*\d|\d)an\b"


#: What each number with a glued -an holds, inside one run of token characters that is not a word (see
#: `speller.tokenize.Scan.placed`): only such runs are searched for them.
_DIGIT_AN = re.compile(r"\dan")
#: Two words of letters written with a hyphen or a slash between them (`jakarta-bogor`, `teori/praktek`).
_PAIR = re.compile(r"([^\W\d_]+)([-/])([^\W\d_]+)")
#: Words of letters written with slashes between them, or a number and the words after its slash (`kabupaten/kota`,
#: `guru/dosen/peneliti`, `18.300/liter`): each word is a side of its own (`Speller._slashed_findings`).
_SLASHED = re.compile(r"(?:[^\W\d_]+|\d[\d.]*)(?:/[^\W\d_]+)+")
#: A side of a `_SLASHED` run: a word of letters or a number.
_SLASHED_SIDE = re.compile(r"[^\W\d_]+|\d[\d.]*")
#: Characters that, touching a slashed run, make it part of a path or a handle (`~/data/berkas`, `/usr/lokal`,
#: `folder_lama/baru`): no words of a sentence.
_PATH_MARKS = frozenset("/\\~_")


def _numbers_with_suffix(text: str, placed: Mapping[str, list[int]]) -> list[Finding]:
    """Findings for numbers written with a glued -an, given where each run of token characters that is not one word
    stands (`speller.tokenize.Scan.placed`): each such number ends inside one that holds a digit and `an`, so only
    they are searched, each where it stands, from the start of the number it may end (`1,950an`: a comma is no
    token character) to its end (the pattern's look-behind sees the character before)."""
    confidence = rule_confidence(NONSTANDARD)
    spans = sorted(
        (_digits_before(text, at), at + len(run)) for run in filter(_DIGIT_AN.search, placed) for at in placed[run]
    )
    if not spans:
        return []
    number_an = re.compile(_NUMBER_AN)  # (kept in `re`'s own cache once compiled)
    return [
        Finding(m.start(), m.end(), [f"{m.group(1)}-an"], NONSTANDARD, confidence)
        for at, end in spans
        for m in number_an.finditer(text, at, end)
    ]


def _digits_before(text: str, at: int) -> int:
    """The start of the digits, periods and commas (as `[\\d.,]*` matches them) that end at `at` in `text`."""
    while at and (text[at - 1].isdecimal() or text[at - 1] in ".,"):
        at -= 1
    return at


_PLAIN_VERDICTS = {v.kind: v for v in (KNOWN, SUSPECT, SKIP)}


def _verdict_of_row(row: str) -> Verdict:
    """The `Verdict` of a verdict-table row (`kind<TAB>replacement<TAB>confidence`; see `speller.verdicts`)."""
    kind, replacement, confidence = row.split("\t")
    plain = _PLAIN_VERDICTS.get(kind)
    if plain is not None:
        return plain
    return Verdict(Category(kind), replacement, float(confidence))


class _NameForm(NamedTuple):
    """What `Speller._inconsistent_names` asks of a form shaped like a name, by itself."""

    low: str
    """The form in lowercase, folded (`speller.tokenize.fold`)."""
    name_like: bool
    """The corpus never writes it or writes it mostly capitalized: it may be the name another form slips from."""
    plain: bool
    """The corpus writes it often enough to be plainly fine (`Speller._plain_count`): never a slip."""
    keys: frozenset[str]
    """Its lowercase spelling and every string `NAME_MAX_EDITS` deletions make of it (see `_deletions`)."""


#: A text of this many words or more finds its listed pairs (`di lakukan`) through `Speller._join_pairs`, made once
#: per checker (some 5 ms), and a shorter one through a key string made per word that may open a pair, unless the
#: checker has made the pair set already (a third of the cost per word).
JOIN_PAIRS_WORDS = 20_000
#: The lowercase words that make the pair around them worth a look: bound forms open one, `pun` and `nya` close one.
_OPENS_OR_CLOSES_PAIR = frozenset((*BOUND_FORMS, *ENCLITICS))
#: The same and the passive prefix written apart (`di alamatkan`): the forms `Speller._check_suspects` looks for.
_OPENS_OR_PASSIVE = _OPENS_OR_CLOSES_PAIR | {PASSIVE_PREFIX}


#: A word in its place, as `Speller._decide` weighs it: (text, left, right, opens, titled, named_next, dated).
_Place = tuple[str, str | None, str | None, bool, bool, bool | None, bool]
#: A day of a month and a year, written in figures: the numbers a date writes around its month's name (`_dated`).
_DAY = re.compile(r"0?[1-9]|[12]\d|3[01]")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")

#: What `Speller._name_forms` gives for a form it has not seen yet.
_UNSEEN = _NameForm("", False, False, frozenset())
#: Of the names a text writes that share one deletion key, the most written this many are weighed against a form one
#: slip from them (`_initial_pairs`): a real text never writes a slip beside more names written more often, and each
#: is a model call (QA: a text of 2,000 spellings of one name sharing a key took 12.6 s, quadratic).
NAME_RIVALS = 8


def _capitalized(word: str) -> bool:
    """A capital first letter: the word may be a name (a shouted headline word counts too)."""
    return word[:1].isupper()


class _Places:
    """Where forms stand in a text's words (their indices), found for a set of forms at a time. Every set asked is
    remembered with the indices of each of its forms: a later set within those asked before (`check` asks first for
    every form it will look at closely) is answered from them, without another pass over the words. Forms a later ask
    will want can be announced (`expect`): the next pass over the words looks for them too."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.asked: frozenset[str] = frozenset()
        self.at: dict[str, list[int]] = {}  # the indices of each form of `asked` the words hold, in order
        self.expected: set[str] = set()

    def expect(self, forms: Iterable[str]) -> None:
        """Look for `forms` too in the next pass over the words."""
        self.expected.update(forms)

    def of(self, forms: Set[str]) -> list[int]:
        """The indices of the words in `forms`, in order."""
        words = self.words
        new = set(forms).difference(self.asked)
        if new:  # one pass over the words for the forms not asked before (and those expected)
            whole = len(new) == len(forms) and not self.expected  # every form asked is new, and only they
            new.update(self.expected.difference(self.asked))
            self.expected = set()
            at = list(compress(range(len(words)), map(new.__contains__, words)))
            self.asked = self.asked.union(new)
            places = self.at
            for i in at:
                places.setdefault(words[i], []).append(i)
            if whole:
                return at
        found = [self.at[form] for form in set(forms) if form in self.at]
        if len(found) == 1:
            return list(found[0])
        return sorted(chain.from_iterable(found))  # sorted runs, disjoint: merged by the sort


def _spaced_word(text: str, tokens: list[Token], i: int, j: int) -> Token | None:
    """Token j when it is a word next to token i with only spaces between them (as the bigrams read a pair), a line
    break of a wrapped paragraph too but no blank line (`speller.tokenize.parts_paragraphs`)."""
    if not (0 <= j < len(tokens) and tokens[j].kind == WORD):
        return None
    a, b = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
    return None if text[a.end : b.start].strip() or parts_paragraphs(text, a.end, b.start) else tokens[j]


def _across_markup(masked: str, written: str, start: int, end: int) -> bool:
    """Whether the span `start:end` runs across markup that masking blanked (a tag, a comment, a reference that is
    no letter): a blank in `masked` where `written` has none."""
    return any(m.isspace() and not w.isspace() for m, w in zip(masked[start:end], written[start:end]))


class Speller:
    """Indonesian spell checker over one loaded dictionary.

    Load once and reuse: `check` is safe to call from several threads.
    """

    def __init__(
        self,
        dictionary: Dictionary | str | PathLike[str] | None = None,
        *,
        categories: Iterable[str] | None = None,
        min_confidence: float | None = MIN_CONFIDENCE,
        words: Iterable[str] = (),
        calibration: Calibration | None = None,
        picky: bool = False,
    ) -> None:
        """`min_confidence`: None shows the findings more likely real errors than not (`speller.calibration.flagged`);
        a number shows instead every finding whose confidence (the calibrated share of real errors) reaches it.
        `picky` (with `min_confidence` None): shows also the typo and real-word findings the model flags under that.
        `calibration`: raw confidence -> share of real errors (default: the bundled table, read on first use)."""
        self.dictionary = dictionary if isinstance(dictionary, Dictionary) else Dictionary(dictionary)
        self.categories = frozenset(categories) if categories is not None else DEFAULT_CATEGORIES
        unknown = self.categories - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {', '.join(sorted(unknown))}")
        self.min_confidence = confidence_floor(min_confidence)
        self.picky = picky
        if isinstance(words, str):  # a string is letters: `words=["angksa"]` is meant
            raise TypeError("words must be an iterable of words, not a str")
        self._words = tuple(words)  # as given, for a checker made from this one
        self.extra_words = frozenset(fold(w) for w in self._words)
        # accepted capitalized only, as Hunspell takes a personal word: `Jakarta` leaves `jakarta` a lowercase name
        self._extra_capitalized = self.extra_words - {fold(w) for w in self._words if not _capitalized(w)}
        self._given_calibration = calibration
        self._verdicts: dict[str, Verdict] = {}
        self._plain_forms: set[str] = set()
        self._candidate_cache: dict[str, list[tuple[str, int]]] = {}
        self._weighed_cache: dict[str, list[tuple[str, int]]] = {}
        self._rival_cache: dict[tuple[str, bool], list[str]] = {}
        self._priors: dict[tuple[str, bool, bool, bool, bool, bool | None], Prior] = {}
        self._base_counts: dict[tuple[str, bool], float | None] = {}
        self._new_word_readings: dict[str, tuple[float | None, float]] = {}
        self._decisions: dict[_Place, Decision] = {}
        self._windows: dict[tuple[str, int, bool, bool], list[Finding]] = {}
        self._intentions: dict[str, tuple[str, str]] = {}  # see `_intended`
        self._looked_pairs: dict[tuple[str, str, bool], bool] = {}  # see `_pair_starts`
        self._line_pairs: dict[tuple[str, bool], tuple[int, ...]] = {}  # see `_pair_starts_by_line`
        self._name_forms: dict[str, _NameForm | None] = {}
        self._name_likes: dict[str, bool] = {}  # `_name_like` of each lowercase word asked
        self._derived_slips: dict[str, bool] = {}  # `_derived_slip` of each word asked, folded
        self._text_variants: dict[tuple[str, str], bool] = {}  # `_is_text_variant` of each (word, name) asked
        self._name_pairs_memo: dict[tuple[int, tuple[str, ...], tuple[int, ...]], list[tuple[str, int, str, int]]] = {}
        self._calibrations: dict[tuple[str, str, float], float] = {}  # see `_calibrated`
        self._stretches: dict[tuple[str, int, int], bool] = {}  # see `_among_unknown`
        self._calibrations_by: Calibration | None = None  # the calibration `_calibrations` holds the answers of

    @cached_property
    def calibration(self) -> Calibration:
        """The mapping from a finding's raw confidence to the share of such findings that are real errors."""
        from .calibration import load  # noqa: PLC0415

        return self._given_calibration if self._given_calibration is not None else load()

    # -- lexicon -----------------------------------------------------------------------

    @cached_property
    def _index(self) -> DeleteIndex:
        from .symspell import DeleteIndex  # noqa: PLC0415

        d = self.dictionary
        return DeleteIndex(d.delete_table or d.deletes, d.max_edit_distance, d.prefix_length)

    @cached_property
    def morphology(self) -> Morphology:
        """The morphology analyser over this dictionary's roots and words."""
        from .morphology import Morphology  # noqa: PLC0415

        d = self.dictionary
        return Morphology(d.roots.__contains__, kpst_exceptions=d.kpst_exceptions, is_word=self._listed)

    def _listed(self, word: str) -> bool:
        return word in self.dictionary.counts or word in self.extra_words

    def is_known(self, word: str) -> bool:
        """True when the (lowercase) word is accepted: listed, foreign, or well formed from a known root."""
        d = self.dictionary
        if word in d.counts or word in self.extra_words or word in d.foreign or word in d.roots:
            return True
        if "-" in word and all(self._part_known(p) for p in word.split("-") if p):
            return True
        if self.morphology.is_valid(word) or word in d.english:
            return True
        return bound_form_base(word, self._plain_known) is not None

    def _indonesian(self, word: str) -> bool:
        """Listed or well formed, and not only an English word."""
        d = self.dictionary
        return (word in d.counts or word in d.roots or self.morphology.is_valid(word)) and word not in d.english

    def _plain_known(self, word: str) -> bool:
        return self._part_known(word) or self.morphology.is_valid(word)

    def _part_known(self, part: str) -> bool:
        d = self.dictionary
        return part in d.counts or part in d.roots or part in d.foreign or part in self.extra_words

    def _base_count(self, word: str, capitalized: bool = False) -> float | None:
        """`_counted_base`, remembered: a word decided in several kinds of place (opening a sentence, after a
        capital, ...) has its prior computed for each, and its base count is the same in all."""
        key = (word, capitalized)
        try:
            return self._base_counts[key]
        except KeyError:
            return _remember(self._base_counts, key, self._counted_base(word, capitalized))

    def _counted_base(self, word: str, capitalized: bool = False) -> float | None:
        """The corpus count of what a well-formed (lowercase) word is built on, or None when it is not well formed.

        That is the root's family (`Morphology.family`: `pengaliran` is built on `alir`, `mengalir`, `aliran`, ...),
        the root itself counted without its expected slips (`speller.model.slip_discount`), even a root of the
        lexicon: a root that is itself a corpus slip of a far more frequent word (`langusng`, `denggan`, most
        `basa`) lends its derivations (`basanya`) nothing, and a word that is no root of the lexicon and whose
        count is all slips (`langusng`, `denggan`) is no root at all: `berlangusng` is not well formed. Nor does a
        name take Indonesian affixes in lowercase (`berdairi` is not ber + `Dairi`, `selasai` not `Selasa` + i); a
        `capitalized` word built on a name may be a new name (`Usmani`): the name lends it nothing."""
        d = self.dictionary
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            if parts and all(self._part_known(p) for p in parts):
                return min(d.count(p) for p in parts)

        # a listed word is not built on itself (`sepeti`), but it may be built on another (`dalami`: dalam + i)
        analysis = derivation(self.morphology, word)
        if analysis is not None:
            root = analysis.root  # nor on a name (`Selasa`: `selasai`; `Dairi`: `berdairi`)
            if root in d.names:
                return 0 if capitalized else None
            own = d.count(root)  # even a root of the lexicon: `basa` is mostly `biasa` mistyped
            family = self._family_count(root, own, word)
            slips = slip_discount(d, root, self._index.lookup(root, 1)) if own else 0.0
            genuine = max(own - slips, 0.0) + family
            return None if not genuine and root not in d.roots else genuine
        if word in d.roots:  # an unseen root of the lexicon whose derivations are seen (`tangkal`: `menangkal`)
            return self._family_count(word, 0) or None
        base = bound_form_base(word, self._plain_known)
        return d.count(base.lstrip("-")) if base is not None else None

    def _family_count(self, root: str, own: int, word: str = "") -> int:
        """The corpus count of the derivations of `root` in its family (`Morphology.family`) but `word`, and but the
        forms that are words of their own, a root of the lexicon or a name (`badai` is no bada + i, `hasan` no has +
        an: they lent `badanya` and `hasinya` their counts). For a root the corpus never shows (`own` 0) only those
        that are no derivation of another root it shows: the family is then all that says the root is in use, and
        `pengujung` is peng + `ujung`, not `kujung`."""
        d = self.dictionary
        forms = [
            w
            for w in self.morphology.family(root)[1:]
            if w != word and d.count(w) and w not in d.roots and w not in d.names
        ]
        if not own:
            forms = [
                w
                for w in forms
                if not any(a.root not in (root, w) and d.count(a.root) for a in self.morphology.analyses(w))
            ]
        return sum(d.count(w) for w in forms)

    def _productivity(self, word: str) -> float:
        """The log odds a well-formed (lowercase) word gains from how productive the affix pattern of the reading
        `_base_count` counts is (`speller.model.affix_odds`); none for a compound of known parts."""
        if "-" in word and all(self._part_known(p) for p in word.split("-") if p):
            return 0.0

        analysis = derivation(self.morphology, word)
        if analysis is None:
            return LOG_BOUND_COMPOUND if self._bound_reading(word) else 0.0
        return affix_odds_at(self._affix_patterns, analysis.pattern, self._affix_mean)

    def _bound_reading(self, word: str) -> bool:
        """`_counted_base` reads the (lowercase) word as a bound form before a known word (`mahasisa`: maha + sisa),
        not as a derivation or a root of the lexicon."""

        if word in self.dictionary.roots or derivation(self.morphology, word) is not None:
            return False
        return bound_form_base(word, self._plain_known) is not None

    @cached_property
    def _affix_mean(self) -> float | None:
        """`affix_mean` of `_affix_patterns`: what `affix_odds` weighs every pattern against, worked out once."""
        return affix_mean(self._affix_patterns)

    @cached_property
    def _affix_patterns(self) -> dict[str, float]:
        """How many genuine rare words each affix pattern makes (`speller.model.rare_patterns`): the builder's table
        (dictionaries/affixes.tsv) when it counts the words seen AFFIX_RARE_COUNT times or fewer, else counted here."""
        d = self.dictionary
        built = d.affix_patterns(AFFIX_RARE_COUNT)
        return built if built is not None else rare_patterns(d, self.morphology, lambda w: self._index.lookup(w, 1))

    # -- the model ---------------------------------------------------------------------

    @cached_property
    def _variant_pairs(self) -> list[tuple[str, str]]:
        """The variations of dictionaries/name_variants.tsv."""
        from .dictionary import _lines  # noqa: PLC0415

        path = self.dictionary._curated("name_variants.tsv")
        if path is None:
            return []
        return [(row[0], row[1]) for row in (line.split("\t") for line in _lines(path)) if len(row) >= 2]

    @cached_property
    def _variations_by_growth(self) -> dict[int, list[tuple[str, str]]]:
        """The variations of name_variants.tsv both ways, by how many letters they add (`variations_by_growth`)."""
        from .model import variations_by_growth  # noqa: PLC0415 - made once, as `_variant_pairs` is

        return variations_by_growth(self._variant_pairs)

    @cached_property
    def _undoubled_variations(self) -> dict[int, list[tuple[str, str]]]:
        """`_variations_by_growth` without the variations that double a letter (`Hasan`/`Hassan`)."""
        from .model import variations_by_growth  # noqa: PLC0415 - made once, as `_variant_pairs` is

        return variations_by_growth((a, b) for a, b in self._variant_pairs if b != a * 2 and a != b * 2)

    def _is_text_variant(self, word: str, name: str) -> bool:
        """`word` (lowercase) is a spelling the text that writes the (lowercase) name `name` more often may also write
        for it: one variation of name_variants.tsv, but no doubled or undoubled letter when the corpus writes `name`
        more often than `word` (`Dennpasar` beside `Denpasar`). In the corpus, of 79 forms written beside a name the
        same article writes more often, one listed doubling away, 72 spell one person or place two ways (`Dilon`
        beside `HS Dillon`); the others are spellings the corpus writes often (`Muhamad`), kept by their prior. Where
        the corpus knows the name no better than the form (`Makio` beside `Makkio`), either may be the slip."""
        asked = (word, name)
        variant = self._text_variants.get(asked)
        if variant is None:
            d = self.dictionary
            if d.count(name) > d.count(word):
                variant = is_name_variant(word, name, self._undoubled_variations)
            else:
                variant = self._is_name_variant(word, name)
            _remember(self._text_variants, asked, variant)
        return variant

    def _is_name_variant(self, word: str, name: str) -> bool:
        """`word` (lowercase) is a spelling of the (lowercase) name `name` by one variation of name_variants.tsv."""
        return is_name_variant(word, name, self._variations_by_growth)

    @property
    def _name_shape(self) -> NameShape:
        """The letter model of this dictionary's names: how probable a string is as a new name."""
        return name_shape(self.dictionary)

    def _prior(
        self,
        low: str,
        capitalized: bool,
        opens: bool = False,
        titled: bool = False,
        shouted: bool = False,
        named_next: bool | None = None,
    ) -> Prior:
        """The prior of the written (lowercase) word, as `speller.model.written_prior` (cached).

        `shouted`: written in capitals, where its letters may be an acronym's, so odd trigrams say nothing."""
        key = (low, capitalized, opens, titled, shouted, named_next)
        hit = self._priors.get(key)
        if hit is None:
            d = self.dictionary
            attested = d.attested(low)  # a second source's frequency of a word the corpus does not list
            rivals, stems = self._prior_rivals(low, attested)
            hit = written_prior(
                d,
                low,
                rivals,
                root_count=lambda: self._root_count(low, capitalized),
                capitalized=capitalized,
                lexicon_root=low in d.roots or low in d.english,
                opens=opens,
                name_shape=self._name_shape if capitalized else None,
                titled=titled,
                oddity=None if shouted else lambda: odd_trigrams(low, self._trigrams),
                formed=bool(stems) or self._explained(low),
                shouted=shouted,
                named_next=named_next,
                productivity=lambda: self._new_word_odds(low, capitalized),
                word_shape=None if capitalized else lambda: word_shape(d),
                attested=attested,
            )
            _remember(self._priors, key, hit)
        return hit

    def _prior_rivals(self, low: str, attested: float) -> tuple[list[tuple[str, int]], frozenset[str]]:
        """The words one edit from a listed or attested (lowercase) word whose slips its prior may hold, with
        their edit distance, and the word's stems (none of them a rival)."""
        rivals = self._index.lookup(low, 1) if self.dictionary.count(low) or attested else []
        stems = self._stems(low) if rivals else frozenset()
        if stems:  # a word's own root is no rival: `dalami` is dalam + i, not `dalam` mistyped
            rivals = [(c, k) for c, k in rivals if c not in stems]
        if rivals and (casual := self._casual_standards(low)):  # `dapet` in use is dapat said casually
            rivals = [(c, k) for c, k in rivals if c not in casual]
        if rivals and (siblings := particle_siblings(low)):  # `adakah` in use is no `adalah` mistyped
            rivals = [(c, k) for c, k in rivals if c not in siblings]
        return rivals, stems

    def _left_vouched_prior(self, low: str, prior: Prior, left: str) -> Prior:
        """The prior of a listed lowercase word, raised by the uses the word written before it vouches for
        (`speller.model.left_vouched_uses`, against the rival whose slips its prior expects most): `babak belur`."""
        d = self.dictionary
        own = d.count(low)
        rivals, stems = self._prior_rivals(low, 0.0)
        slips = rival_slips(d, low, rivals, bool(stems) or self._explained(low))
        if not slips:
            return prior
        vouched = left_vouched_uses(d, low, max(slips, key=slips.__getitem__), own, left)
        if vouched <= prior.genuine * own:
            return prior
        log_p = max(prior.log_p, math.log(vouched + 0.5) - math.log(d.total))
        return prior._replace(log_p=log_p, genuine=vouched / own)

    def _root_count(self, low: str, capitalized: bool) -> float | None:
        """What the prior of a (lowercase) word the corpus does not show is built on: `_base_count` (for a lowercase
        word at most a share of a far more frequent word one edit away, `speller.model.rival_bounded`), else, for a
        lowercase word, what its reading as a new word counts (`_new_word_reading`)."""
        base = self._base_count(low, capitalized)
        if base is not None and not capitalized:
            bounded = rival_bounded(base, max((n for _, n in self._near_rivals(low)), default=0))
            return max(bounded, self._verb_count(low))
        if base is not None or capitalized:
            return base
        return self._new_word_reading(low)[0]

    def _verb_count(self, low: str) -> int:
        """The corpus count of the verb whose bare (object-focus) form a (lowercase) word ending in -kan or -i is: the
        word with meN- and with di- (`habisi` in `motif Rinto habisi korban` is menghabisi, dihabisi; `berdayakan` in
        `harus kita berdayakan` memberdayakan, diberdayakan), 0 unless the corpus shows both: meN- drops the first
        letter of many roots, so `atakan` (katakan missing its k) makes mengatakan, but no `diatakan`, and di- begins
        nouns too (`gitalisasi` makes digitalisasi, but no `menggitalisasi`; see `speller.model.BARE_VERB_SUFFIXES`)."""
        if not low.endswith(BARE_VERB_SUFFIXES) or not low.isalpha():
            return 0
        d = self.dictionary
        passive, active = d.count("di" + low), d.count(self.morphology.with_prefix("meN", low))
        return passive + active if passive and active else 0

    def _near_rivals(self, low: str) -> list[tuple[str, int]]:
        """(word, count) of the listed words one edit from the (lowercase) word, DISCOUNT_RATIO times as frequent as
        an unseen word or more, its own roots (`_stems`) and its other particle forms (`particle_siblings`) aside:
        the words a derivation the corpus does not show may be a slip of (`speller.model.rival_bounded`,
        `LOG_OMITTED_RIVAL`)."""
        d = self.dictionary
        own = self._stems(low) | particle_siblings(low)
        near = ((c, d.count(c)) for c, k in self._index.lookup(low, 1) if k == 1 and c != low and c not in own)
        return [(c, n) for c, n in near if n >= DISCOUNT_RATIO]

    def _root_kind_odds(self, low: str) -> float:
        """The log odds an unattested lowercase derivation gains from the kind of word its reading (`_base_count`'s)
        is built on (`speller.model.root_kind_odds`); none for a compound of known parts or a bound form."""

        analysis = None if "-" in low else derivation(self.morphology, low)
        if analysis is None:
            return 0.0
        d, root = self.dictionary, analysis.root
        return root_kind_odds(root in d.roots, root in d.english, analysis.pattern == BARE_PATTERN)

    def _rival_odds(self, low: str) -> float:
        """The log odds an unattested lowercase derivation gains from the kind of slip its near rivals
        (`_near_rivals`) would be: `LOG_OMITTED_RIVAL` when one of them is the word with a letter it left out, and
        `LOG_TRUNCATED_VERB` more when that one is the same verb with its suffix (`_truncates`)."""
        longer = [c for c, _ in self._near_rivals(low) if len(c) == len(low) + 1]
        if not longer:
            return 0.0
        return LOG_OMITTED_RIVAL + (LOG_TRUNCATED_VERB if any(self._truncates(low, c) for c in longer) else 0.0)

    def _truncates(self, low: str, verb: str) -> bool:
        """The (lowercase) word is the `verb`, listed TRUNCATED_VERB_MIN_COUNT times or more, without its suffix
        (`speller.model.BARE_VERB_SUFFIXES`): both built on the same root with the same prefixes, the word with no
        suffix (`diserta`: disertai, `menjuara`: menjuarai)."""

        suffix = verb[len(low) :]
        if not verb.startswith(low) or suffix not in BARE_VERB_SUFFIXES:
            return False
        if self.dictionary.count(verb) < TRUNCATED_VERB_MIN_COUNT:
            return False
        short, full = derivation(self.morphology, low), derivation(self.morphology, verb)
        if short is None or full is None or short.suffixes or not short.prefixes:
            return False
        return full.root == short.root and full.prefixes == short.prefixes and full.suffixes == (suffix,)

    def _new_word_odds(self, low: str, capitalized: bool) -> float:
        """The log odds the reading `_root_count` counts gains: for a derivation, its affix pattern's productivity
        (`_productivity`), for a lowercase one with what its near rivals add (`_rival_odds`); else that of its reading
        as a new word (`_new_word_reading`), with what such a reading gains over a derivation of a root that frequent
        (`speller.model.new_reading_odds`)."""
        if capitalized:
            return self._productivity(low)
        if self._base_count(low, capitalized) is not None:
            return self._productivity(low) + self._rival_odds(low) + self._root_kind_odds(low)
        count, odds = self._new_word_reading(low)
        return odds + new_reading_odds(count) if count is not None else odds

    def _new_word_reading(self, low: str) -> tuple[float | None, float]:
        """(count, log odds) of a new lowercase word read as meant, or (None, 0.0): the genuine count of its root's
        other derivations (`_sibling_count`) or of the word a new-word suffix is added to (`_suffixed_count`), at even
        odds; else the count of the English word it respells (`_adapted_count`), at the chance that the corpus shows
        so little of the respelling if it were in use beside the English word (`speller.model.unseen_variant_odds`:
        `remot` beside remote, 22, may be in use, `onlin` beside online, 1,239, is not). Remembered: the prior asks
        for both halves."""
        hit = self._new_word_readings.get(low)
        if hit is None:
            found = self._sibling_count(low) or self._suffixed_count(low) or self._verb_count(low) or None
            casual = None if found else self._colloquial_count(low)
            adapted = None if found or casual else self._adapted_count(low)
            loan = None if found or casual or adapted is not None else self._loan_count(low)
            if casual is not None:
                hit = casual
            elif loan is not None:
                hit = (loan, loan_ending_odds(loan))
            else:
                count = found if found is not None else adapted
                hit = (count, unseen_variant_odds(adapted) if adapted is not None else 0.0)
            _remember(self._new_word_readings, low, hit)
        return hit

    def _adapted_count(self, low: str) -> int | None:
        """The corpus count (maybe 0) of the English word (english.txt) that a (lowercase) word respells by one change
        of dictionaries/english_adaptations.tsv (`remot` is remote, written as Indonesian borrows it), or None."""
        english = self.dictionary.english
        if len(low) < MIN_ADAPTED_LENGTH:
            return None
        for source, written in self._english_adaptations:
            if written not in low:
                continue  # no change of this row can apply
            if source.endswith("$"):  # a change at the word's end
                spelt = [low[: len(low) - len(written)] + source[:-1]] if low.endswith(written) else []
            else:
                spelt = [low[:i] + source + low[i + len(written) :] for i in _occurrences(low, written)]
            for word in spelt:
                if word != low and word in english:
                    return self.dictionary.count(word)
        return None

    @cached_property
    def _english_adaptations(self) -> tuple[tuple[str, str], ...]:
        """(English spelling, Indonesian spelling) of each change of dictionaries/english_adaptations.tsv."""
        return tuple(self.dictionary._pairs("english_adaptations.tsv").items())

    def _suffixed_count(self, low: str) -> int | None:
        """The corpus count of the word a (lowercase) word makes with a suffix that makes new words
        (dictionaries/new_word_suffixes.txt: `laporin` is `lapor` + casual -in, `doktriner` is `doktrin` + -er), or
        None: writers and the people they quote derive such words freely. The word must be one the corpus shows that
        the morphology builds on no other (a root: `lapor`, `bantu`), at least MIN_ROOT letters, and counts only the
        occurrences that are no slips of a far more frequent word (`Prior.genuine`: `menjadin` is no `menjad` + -in)."""

        d = self.dictionary
        for suffix in self._new_word_suffixes:
            if not low.endswith(suffix):
                continue
            stem = low[: -len(suffix)]
            if len(stem) < MIN_ROOT or not d.count(stem) or self._stems(stem):
                continue
            own = d.count(stem) * self._prior(stem, False).genuine  # `menjad` (3) is all `menjadi` mistyped
            if own:
                return round(own) + self._family_count(stem, d.count(stem))
        return None

    def _loan_count(self, low: str) -> float | None:
        """The genuine corpus count of the listed loan a (lowercase) word writes with another ending
        (dictionaries/loan_endings.tsv: `rekreatif` is rekreasi with -atif, `asimetrik` asimetris with -ik), or None:
        the stem left at least LOAN_STEM letters, the loan's occurrences that are no slips (`Prior.genuine`). A word the
        corpus shows has its own count (and two listed forms must not lean on each other)."""
        d = self.dictionary
        if d.count(low):
            return None
        for written, listed in self._loan_endings.items():
            if not low.endswith(written):
                continue
            stem = low[: -len(written)]
            loan = stem + listed
            if len(stem) >= LOAN_STEM and (count := d.count(loan)):
                if own := count * self._prior(loan, False).genuine:
                    return own
        return None

    def _casual_standards(self, low: str) -> frozenset[str]:
        """The words a (lowercase) word writes as casual speech does, its last syllable's a written e before the
        consonants that close it (dictionaries/casual_endings.tsv: `dapet` is dapat, `temennya` temannya): a
        consonant before that vowel, maybe -nya after the syllable. Not asked whether they are listed."""

        base, clitic = (low[:-3], "nya") if low.endswith("nya") else (low, "")
        found = []
        for standard, casual in self._casual_endings.items():
            stem = base[: -len(casual)]
            if base.endswith(casual) and len(stem) >= 2 and stem[-1] not in VOWELS:
                found.append(stem + standard + clitic)
        return frozenset(found)

    @cached_property
    def _casual_endings(self) -> dict[str, str]:
        """Standard ending -> its casual spelling (dictionaries/casual_endings.tsv)."""
        return self.dictionary._pairs("casual_endings.tsv")

    @cached_property
    def _loan_endings(self) -> dict[str, str]:
        """Written ending -> ending of the listed loan it stands for (dictionaries/loan_endings.tsv)."""
        return self.dictionary._pairs("loan_endings.tsv")

    def _colloquial_count(self, low: str) -> tuple[float, float] | None:
        """(count, log odds) of a (lowercase) word read as a casual nasal form of a root in use
        (dictionaries/colloquial_prefixes.tsv: `ngopi` is kopi, `nyari` cari, `ngegas` gas, `ngomongin` omong + -in),
        or None: the root's genuine count and its family's, as `_suffixed_count` counts a stem, at the odds its
        pattern's rare words give (`speller.model.affix_odds`); the likeliest reading when there are several."""
        d = self.dictionary
        best: tuple[float, float] | None = None
        for (written, _, _, _, made), root in self._colloquial_roots(low):
            seen = d.count(root)
            own = seen * self._prior(root, False).genuine if seen else 0.0
            if seen and not own:
                continue  # a root whose count is all slips is none
            count = round(own) + self._family_count(root, seen)  # `ungsi` is in use only as mengungsi, pengungsi
            if count and (best is None or count > best[0]):
                best = (count, affix_odds_at({written: made}, written, self._affix_mean))
        return best

    def _colloquial_roots(self, low: str) -> Iterator[tuple[ColloquialPrefix, str]]:
        """(row of dictionaries/colloquial_prefixes.tsv, root) of each reading of a (lowercase) word as a casual nasal
        form, maybe with casual -in: the root is one of the lexicon, at least MIN_ROOT letters (`kopi` and `cari` are
        roots though the morphology could read them kop + -i, car + -i); for a row that wants a verb, one the corpus
        shows with meN- or di- (`_is_verb`: `ngini` is no form of `ini`), bare or not (`ngungsi`: the corpus writes
        mengungsi, never `ungsi`); for another, one the corpus shows bare."""

        d = self.dictionary
        casual_in = "in" in self._new_word_suffixes
        for row in self._colloquial_prefixes:
            written, restored, vowel, verb, _ = row
            if not low.startswith(written):
                continue
            rest = low[len(written) :]
            if not rest or (rest[0] in VOWELS) != vowel:
                continue
            stem = restored + rest
            for root in (stem, stem[:-2] if casual_in and stem.endswith("in") else ""):
                if len(root) >= MIN_ROOT and root in d.roots and (self._is_verb(root) if verb else d.count(root)):
                    yield row, root

    def _is_verb(self, root: str) -> bool:
        """The corpus shows the root with meN- or di- (alone, with -kan or -i): a verb a casual nasal can stand for."""
        with_prefix = self.morphology.with_prefix
        return any(self.dictionary.count(with_prefix(c, root) + s) for c in ("meN", "di") for s in ("", "kan", "i"))

    @cached_property
    def _colloquial_prefixes(self) -> tuple[ColloquialPrefix, ...]:
        """The rows of dictionaries/colloquial_prefixes.tsv (`Dictionary.colloquial_prefixes`)."""
        return self.dictionary.colloquial_prefixes

    @cached_property
    def _new_word_suffixes(self) -> frozenset[str]:
        """Suffixes that make new words from words in use (dictionaries/new_word_suffixes.txt)."""
        return self.dictionary._word_set("new_word_suffixes.txt")

    @cached_property
    def _open_morphology(self) -> Morphology:
        """A morphology that takes any stem for a root: how a word may be built on a root the lexicon lacks."""
        from .morphology import Morphology  # noqa: PLC0415

        return Morphology(_any_stem, kpst_exceptions=self.dictionary.kpst_exceptions)

    def _sibling_count(self, low: str) -> float | None:
        """The corpus count of the root a new (lowercase) derivation is built on when the corpus shows that root
        only with a prefix and no suffix (`mendapuk`: `dapuk` is unseen, `didapuk` seen 75 times), or None: a writer
        derives freely from a root in use. Only a prefixed form that no word ten times as frequent one edit away
        could have produced counts (`speller.model.slip_discount`: `menggangu` is `mengganggu` mistyped, so
        `ganguan` is no derivation of `gangu`), nor a root of the lexicon or a name (`penggawa` makes no root `gawa`
        of `pegawa`), nor one built on another root the corpus shows; a form with a suffix would make any word
        missing its last letter a root (`deteksi`: `terdeteks`)."""
        d = self.dictionary
        best = 0
        for root in dict.fromkeys(a.root for a in self._open_morphology.analyses(low)):  # each root's total once
            if root == low or d.count(root) or root in d.roots:
                continue  # a root the lexicon or the corpus knows is `_base_count`'s
            total = 0
            end = root[1:]
            for form in self.morphology.family(root)[1:]:
                if form == low or form.startswith(root) or not form.endswith(end):
                    continue  # the word itself, or no bare prefixed form (asked before its count: most are not)
                own = d.count(form)
                if not own:
                    continue  # unseen
                if form in d.roots or form in d.names or self._stems(form) - {root}:
                    continue  # a word of its own (`penggawa`, `dinar`), a name or another root's derivation
                if slip_discount(d, form, self._index.lookup(form, 1)):
                    continue
                total += own
            best = max(best, total)
        return best or None

    def _stems(self, low: str) -> frozenset[str]:
        """The other words the morphology builds the (lowercase) word on: the roots of its derivations."""
        return frozenset(a.root for a in self.morphology.analyses(low) if a.root != low)

    def _unexplained(self, low: str) -> bool:
        """The (lowercase) word is listed, yet neither the morphology (`_stems`) nor a list (`_explained`) says it is
        a word: only its corpus count does."""
        return bool(self.dictionary.count(low)) and not self._stems(low) and not self._explained(low)

    def _explained(self, low: str) -> bool:
        """Something besides its corpus count and the morphology says the (lowercase) word is one: it is a root of
        the lexicon, a name, an English or a foreign word."""
        d = self.dictionary
        return low in d.roots or low in d.names or low in d.english or low in d.foreign or low in self._short_english

    def _rivals(self, low: str, full: bool = True) -> list[str]:
        """The candidates the model weighs against the written word: the nearest, then the most frequent.

        `full`: also inflected forms, dropped suffixes and run-on splits (in context); else SymSpell's only.
        """
        key = (low, full)
        hit = self._rival_cache.get(key)
        if hit is not None:
            return hit
        count = self.dictionary.counts.get  # `Dictionary.count`, without its call
        own = count(low, 0)
        if own:  # an attested word competes with words one edit away that are more frequent
            found = [(c, dist) for c, dist in self._index.lookup(low, 1) if count(c, 0) > own]
        elif full:  # the weighed candidates less those no writer means: the others keep the shares they had
            found = [p for p in self._weighed(low) if self._meant_rival(p[0])]
        else:
            found = [p for p in self._index.lookup(low) if p[0] != low]
        if len(found) > MAX_WEIGHED:  # sorted by keys made in one comprehension (a candidate is there once)
            hit = [c for *_, c in sorted([(k, -count(c.split(" ", 1)[0], 0), c) for c, k in found])[:MAX_WEIGHED]]
        else:
            hit = [c for c, _ in found]
        if len(self._rival_cache) > LIST_MEMO_SIZE:
            self._rival_cache.clear()
        self._rival_cache[key] = hit
        return hit

    def _meant_rival(self, cand: str) -> bool:
        """A candidate a writer may have meant: a listed word, a root, a phrase, or a derivation the corpus never
        shows of a root that `_may_build` allows. Over dev's flags and blind-spot seed 1's, none of the 584 unseen
        derivations of a name or English-only root shown was the word meant (benchmarks/ranking.py --offers --all),
        yet as rivals they flagged real words (`masbagikannya`, the town Masbagik + -kan -nya, for
        `masbagikkannya`). Leaving them out changed nothing on dev; seed 1: 2-edit slips of frequent words accepted
        silently 10.5 -> 11.0% (`aaeinya`, `sefib`: flagged only for `aasinya`, `sedib`), of inflected forms
        6.8 -> 6.5%; on unseen news (benchmarks/unseen_file.py, detik-2025 and clickid-tempo) the same flags. Taking
        them out before the `MAX_WEIGHED` cut instead let frequent words two edits away take their places: seed 1
        silent 10.0% / 6.2%, but new false alarms on genuine derivations (`beririsan` for `berurusan`)."""
        d = self.dictionary
        if " " in cand or cand in d.counts or cand in d.roots or cand in self.extra_words:
            return True
        stems = [a.root for a in self.morphology.analyses(cand) if a.root != cand]
        return not stems or any(self._may_build(root) for root in stems)

    def _may_build(self, root: str) -> bool:
        """A writer may mean a derivation the corpus never shows of the (lowercase) root: a root of the lexicon, or a
        word that is neither mostly a name nor only English."""
        d = self.dictionary
        return root in d.roots or (root not in d.names and root not in d.english)

    def _decide(
        self,
        text: str,
        left: str | None,
        right: str | None,
        opens: bool = True,
        titled: bool = False,
        named_next: bool | None = None,
        dated: bool = False,
        full: bool = True,
        rank: bool = True,
    ) -> Decision:
        """The model's posterior for a written word between its neighbours.

        `opens`: it opens a sentence; `titled`: the word before it is capitalized too (`Kota Surabya`), so a
        capital is no sign of a name; `named_next`: the word right after it is capitalized (True) or lowercase
        (False), None when no word follows it directly; `dated`: it stands between a day's number and a year (`_dated`);
        `full`: see `_rivals`; `rank`: see `speller.model.decide`.
        """
        low = fold(text)
        shouted = is_all_caps(text)  # a headline word longer than an acronym: no sign of a name
        capitalized = _capitalized(text) and not shouted
        names = self.dictionary.names
        proper = self.dictionary.proper

        def case_cost(cand: str) -> float:
            first = cand.split(" ", 1)[0]
            if shouted:
                return 0.0
            if not capitalized:
                return CASE_SLIP if first in proper else 0.0
            if opens or first in names:
                return 0.0
            if titled:
                if left is not None and " " not in cand:
                    return titled_pair_case_cost(self.dictionary, left, first)
                return titled_case_cost(self.dictionary, first)
            if named_next and right is not None and " " not in cand:
                return opening_case_cost(self.dictionary, first, right)
            return CAPITAL_SLIP

        rivals = self._rivals(low, full)
        if not rivals:  # the written word alone: `decide` gives it the whole posterior, whatever its prior
            return NO_RIVAL
        prior = self._prior(low, capitalized, opens, titled, shouted, named_next if capitalized else None)
        if left is not None and not capitalized and prior.genuine < 1.0 and self.dictionary.count(low):
            prior = self._left_vouched_prior(low, prior, left)
        if prior.formed and opens and left is None and right is not None:
            prior = self._opening_prior(prior, low, capitalized, named_next)
        far: dict[str, float] = {}
        if prior.new_name:
            if not opens:  # near words, and frequent names two edits away when no name is one edit away (`far_name`)
                near_only = [c for c in rivals if 0 <= damerau_osa.distance(low, c, NAME_MAX_EDITS)]
                far_only = (
                    []
                    if any(c in names for c in near_only)
                    else [c for c in rivals if c not in near_only and c in names and far_name(self.dictionary, low, c)]
                )
                # a name one edit from a word one edit away is read through that word (`Yotubers`: youtubers)
                far_only = [c for c in far_only if all(damerau_osa.distance(n, c, 1) < 0 for n in near_only)]
                if far_only:  # `Sigaprua` for `Singapura`
                    letters = new_name_prior(self._name_shape, low, opens, titled, named_next)
                    far = dict.fromkeys(far_only, far_name_odds(prior.log_p, letters))
                rivals = near_only + far_only
            near = sum(c in names and damerau_osa.distance(low, c, 1) == 1 for c in rivals)
            odds = name_family_odds(near)
            if named_next and not titled and self._opens_title_slip(low, right):
                short = len(low) < MIN_ALONE_NAME_LENGTH
                odds += LOG_NEW_SHORT_NAME_BEFORE_TITLE if short else LOG_NEW_NAME_BEFORE_TITLE  # a title's capital
            prior = prior._replace(log_p=prior.log_p + odds)
        if dated and not self.dictionary.count(low):  # a month's place (`23 Jni 2020`)
            prior = prior._replace(log_p=prior.log_p + LOG_DATED_UNLISTED)

        def personal(cand: str) -> bool:
            return cand in names and not self._titles(cand, right)

        return decide(
            self.dictionary, low, prior, rivals, left, right, case_cost, personal, self._is_name_variant, far, rank
        )

    def _written_share(self, text: str) -> float:
        """The share of the posterior the written word keeps alone, weighed against SymSpell's candidates only
        (`_decide(text, None, None, full=False)`), all a verdict reads of that decision: its candidates are not
        ranked."""
        return self._decide(text, None, None, full=False, rank=False).written

    # -- candidates ----------------------------------------------------------------------

    def _candidates(self, word: str) -> list[tuple[str, int]]:
        """Known words near `word` with their edit distance, from SymSpell and the morphology (cached)."""
        hit = self._candidate_cache.get(word)
        if hit is None:
            if len(self._candidate_cache) > LIST_MEMO_SIZE:
                self._candidate_cache.clear()
            hit = self._candidate_cache[word] = self._find_candidates(word)
        return hit

    def _weighed(self, word: str) -> list[tuple[str, int]]:
        """`_candidates(word)` cut as `_rivals` cuts it (cached): the `MAX_WEIGHED` nearest, then most frequent,
        in that order (all of them, in their own order, when they are no more). The same list, but the inflected
        forms are validated only as far as they can enter it."""
        hit = self._weighed_cache.get(word)
        if hit is None:
            if len(self._weighed_cache) > LIST_MEMO_SIZE:
                self._weighed_cache.clear()
            from .candidates import LazyCandidates  # noqa: PLC0415

            hit = self._weighed_cache[word] = LazyCandidates(self, word).weighed()
        return hit

    def _find_candidates(self, word: str) -> list[tuple[str, int]]:
        from .candidates import dropped_suffix_offers, one_act, plain_offers, suffix_bases, two_word_offers  # noqa: PLC0415

        found = plain_offers(self, word)
        try:
            inflected = self.morphology.suggest_inflected(word, self._index.lookup)
        except AttributeError:
            inflected = []
        # `suggest_inflected`'s order again, for the distances `one_act` lowers
        for cand, dist in sorted(one_act(word, inflected), key=self.morphology.offer_order):
            if cand not in found or dist < found[cand]:
                found[cand] = dist
        count = self.dictionary.counts.get
        found.update(dropped_suffix_offers(suffix_bases(found, count), count, found.__contains__))
        for split in two_word_offers(self, word):
            found.setdefault(split, 1)
        found.pop(word, None)
        return list(found.items())

    def _cased(self, original: str, replacement: str, opening: bool | None = None) -> str:
        """`replacement` in the case `original` needs, names capitalized (`dijakarta` -> `di Jakarta`); `opening`,
        when known, whether `original` opens a sentence (`Harga Iebih mahal` -> `lebih`: `casing.position_case`); with
        the writer's curly apostrophe (`jum’st` -> `Jum’at`: dictionaries store it straight, `fold`)."""
        cased = name_case(original, replacement, self._kept_form, opening)
        return cased.replace("'", "’") if "’" in original and "'" in cased else cased

    def _kept_form(self, word: str) -> str | None:
        """`casing.kept_form` in this checker's dictionary."""
        return kept_form(self.dictionary, word)

    @cached_property
    def _everything(self) -> Speller:
        """This checker with every category a word alone can show on (all but `real_word`, which weighs a listed word
        against its neighbours: alone it has none, so it only offered slips of right words, `ketidakjujuran` ->
        `ketidakbujuran`) and no confidence floor (for `suggest`), made once: its caches (candidates, morphology,
        decisions) then serve every later word."""
        alone = frozenset(CATEGORIES) - {Category.REAL_WORD.value}
        if self.categories == alone:
            return self
        return Speller(
            self.dictionary,
            categories=alone,
            min_confidence=0.0,
            words=self._words,
            calibration=self._given_calibration,
        )

    def suggest(self, word: str, n: int = 5) -> list[str]:
        """Up to `n` corrections for a single word, best first, in its case: what `check` suggests for it alone.

        [] when the word is fine by itself; an unknown word that the checker would not flag still gets the
        model's best candidates, and so does a word no list has that is accepted only as well formed when the model
        holds it likelier a slip than meant (`speller.model.outweighed`: `kujungannya` -> kunjungannya).
        """
        _text_of(word)
        if n < 0:
            raise ValueError(f"n must be 0 or more, not {n}")
        if not word or any(ch.isspace() for ch in word):
            return []
        everything = self._everything
        for start, end, suggestions, confidence, flag in everything._alone(word):
            if start == 0 and end == len(word) and suggestions and _shown(flag, confidence, everything.min_confidence):
                return list(suggestions[:n])
        low = fold(word)
        formed_only = everything._formed_only(low)
        if everything.is_known(low) and not formed_only:
            return []
        key: _Place = (word, None, None, True, False, None, False)  # as `check` decided it alone, when it did
        decision = everything._meant(key, everything._decisions.get(key) or everything._decide(*key))
        ranked = decision.ranked
        if formed_only:  # only words in use, and only when they outweigh the written word
            ranked = tuple(p for p in ranked if self._offerable(p[0]))
            if not outweighed(decision.written, ranked):
                return []
        return [self._cased(word, c, True) for c in self._offers(ranked, n)]  # decided as a sentence opener

    def _formed_only(self, low: str) -> bool:
        """The (lowercase) word is accepted by its form alone: no list has it, but the morphology builds it
        (`kujungannya`: kujung + an + nya) or it joins known parts (`mahasisa`: maha + sisa). Such a word may still be
        a slip of a far more frequent word one edit away (kunjungannya), which `suggest` then offers when such words
        (`_offerable`) outweigh it (`speller.model.outweighed`)."""
        d = self.dictionary
        listed = low in d.counts or low in self.extra_words or low in d.foreign or low in d.roots or low in d.english
        return not listed and self.is_known(low)

    def _offers(self, ranked: Sequence[tuple[str, float]], n: int = OFFERS) -> list[str]:
        """The candidates of a decision's `ranked` list shown as suggestions, best first (`speller.model.offered`):
        the first always, then those the model still holds likely that are `_offerable`."""
        return offered(ranked, n, self._offerable)

    def _offerable(self, cand: str) -> bool:
        """A candidate may be offered after the first: a word the corpus shows, a root of the lexicon, a word of the
        project or a phrase of such words, not a derivation the corpus never shows. Over dev's flags and blind-spot seed
        1's, none of the 1,585 such derivations shown second to fifth was the word meant (1,001 on a root in use, 584
        on a name or an English root), and most are no word an editor would write (`masbagikkannya`: the town Masbagik
        + -kan -nya; `massagekannya`: English `massage` + -kan -nya; `menetei`: men- + the name `tete` + -i;
        `kekakakannya`, `atuapun`): benchmarks/ranking.py --offers --all."""
        return all(self._part_known(part) for part in cand.replace("-", " ").split(" ") if part)

    def _alone(self, word: str) -> list[tuple[int, int, tuple[str, ...], float, bool]]:
        """(start, end, suggestions, confidence, flagged) of what `check(word)` finds, any category: a word of letters
        is one token, and none of the checks across words (repeats, names, numbers) can touch it alone (every finding,
        shown or not); any other `word` is checked whole (what `check` shows)."""
        tokens = list(tokenize(word)) if word.isalpha() else []
        if len(tokens) == 1 and tokens[0].kind == WORD and tokens[0].end == len(word) and tokens[0].start == 0:
            rated = ((f, self._calibrated(word, f)) for f in self._check_tokens(word, tokens))
            return [(f.start, f.end, tuple(f.suggestions), c, self._flagged(word, f, c)) for f, c in rated]
        return [(i.start, i.end, i.suggestions, i.confidence, i.flagged) for i in self.check(word)]

    def standard_form(self, word: str) -> str | None:
        """The baku form of a non-standard (lowercase) word, or None."""
        d = self.dictionary
        if word in d.baku:
            return d.baku[word]
        morph = self.morphology
        if word.startswith(KPST_PREFIXES):
            kpst = morph.standard_form(word)
            if kpst:
                return kpst
        if not self._holds_baku_key(word):
            return None
        # a root of the lexicon first; then one it lacks because it is not standard (`himbau` in `menghimbau`,
        # `silahkan`), whose derivation is the standard root's when that is a word; a root the house accepts stays
        if any(a.root in d.baku_standards and (a.prefixes or a.suffixes) for a in morph.analyses(word)):
            return None  # a standard derivation already (`menampakkan`: meN- + tampak + -kan, not me- + nampak)
        for lexicon, analyses in ((True, morph.analyses), (False, self._open_morphology.analyses)):
            for analysis in analyses(word):
                if analysis.root in d.baku and analysis.root != word and analysis.root not in self.extra_words:
                    standard = d.baku[analysis.root]  # a name keeps its capital before a suffix (`Ramadannya`)
                    standard = standard.lower() if analysis.prefixes else standard  # not after a prefix (`seRamadan`)
                    fixed = analysis._replace(root=standard).surface()
                    if lexicon or self.is_known(fold(fixed)):
                        return fixed
        return None

    def _unhyphenated(self, text: str) -> str | None:
        """The word with its clitic hyphen taken out (`speller.spacing.hyphenated_clitic`: `rumah-nya` -> `rumahnya`),
        and a preposition glued to it put apart (`dirumah-nya` -> `di rumahnya`, as `fix` writes it in two rounds)."""
        joined = hyphenated_clitic(
            text.replace("’", "'"), lambda w: self._indonesian(w) and not is_name_head(self.dictionary, w)
        )
        if joined is None:
            return None
        return glued_preposition(self.dictionary, joined.lower()) or joined

    def _standard_ending(self, word: str) -> str | None:
        """`kondusivitas` for `kondusifitas`: a non-standard ending whose standard form gives a known word."""
        for ending, standard in self.dictionary.baku_endings.items():
            if word.endswith(ending):
                fixed = word[: -len(ending)] + standard
                if self.is_known(fixed):
                    return self._hyphenated_prefix(fixed) or fixed  # `di-aktifitas`: `diaktivitas` at once
        return None

    @cached_property
    def _apart_compounds(self) -> dict[str, str]:
        """The compounds.tsv rows of a compound wrongly closed (`tanggungjawab` -> `tanggung jawab`), not of a
        preposition glued to its noun, whose glued form reads as a ke- word (`kedalaman`, `keseluruhan`)."""
        glued = tuple(f"{p} " for p in PREPOSITIONS)
        return {
            k: v for k, v in self.dictionary.compounds.items() if " " not in k and " " in v and not v.startswith(glued)
        }

    @cached_property
    def _apart_heads(self) -> frozenset[str]:
        """`_heads` of `_apart_compounds`: what `_affixed_compound` asks a word's stretches first."""
        return _heads(self._apart_compounds)

    def _affixed_compound(self, word: str) -> str | None:
        """`bertanggung jawablah` for `bertanggungjawablah`, `tindak lanjuti` for `tindaklanjuti`: a compound written
        apart stays apart under a prefix alone or a suffix alone, and closes only under both (`ditindaklanjuti`,
        EYD V); clitics (`-nya`, `-lah`) are no suffix here."""

        apart = self._apart_compounds
        if word in apart or not _holds_key(word, apart, self._apart_heads):
            return None
        for analysis in self.morphology.analyses(word):
            spaced = apart.get(analysis.root)
            if spaced is None or analysis.reduplicated or analysis.prefix_on_copy:
                continue
            derived = any(s in DERIVATIONAL_SUFFIXES for s in analysis.suffixes)
            if analysis.prefixes and derived:
                return None  # `ditindaklanjuti`, `pertanggungjawaban`: closed
            fixed = analysis._replace(root=spaced).surface()
            return fixed if fixed.replace(" ", "") == word else None
        return None

    def _holds_baku_key(self, word: str) -> bool:
        """True when a non-standard root stands inside a longer word (`praktek` in `dipraktekkan`), also one whose
        first letter meN-/peN- melted (`telpon` in `menelpon`)."""

        baku = self.dictionary.baku
        forms = [word] + [
            letter + word[len(nasal) :] for nasal, letter in ELIDED_LETTER.items() if word.startswith(nasal)
        ]
        return any(_holds_key(w, baku, self._baku_heads) for w in forms)

    @cached_property
    def _baku_heads(self) -> frozenset[str]:
        """`_heads` of the dictionary's non-standard forms: what `_holds_baku_key` asks a word's stretches first."""
        return _heads(self.dictionary.baku)

    # -- checking ------------------------------------------------------------------------

    def check(self, text: str, markup: str = "text") -> list[Issue]:
        """Issues in `text`, in order of position, restricted to the enabled categories and confidence.

        `markup` says what `text` is written in: `text`, `markdown` or `html` (`speller.markup.MARKUPS`); the markup of
        the last two (code, tags, comments, scripts, ...) is not checked, and offsets stay positions in `text`.
        Another value raises ValueError.
        """
        return self._check(text, markup, self.min_confidence)

    def _check(self, text: str, markup: str, min_confidence: float | None) -> list[Issue]:
        """`check`, showing what `min_confidence` shows (`shows`) instead of what this checker's does."""
        from collections import Counter  # noqa: PLC0415

        written = text = _text_of(text)  # an issue's word is as written, a reference in it too (`caf&eacute;`)
        if markup != "text":
            from .markup import holds_markup, mask, widened  # noqa: PLC0415

            text = mask(text, markup)

        words, starts, others, placed = scan(text)
        counted = Counter(words)
        distinct = counted.keys()
        lows = dict(zip(distinct, map(str.lower, distinct)))
        places = _Places(words)
        name_pairs = self._name_pairs(words, counted) if TYPO in self.categories else []
        places.expect(f for x, _, y, _ in name_pairs for f in (x, y))  # found in the same pass as the suspects
        pairs = bool({NONSTANDARD, CAPITALIZATION, TYPO} & self.categories)  # each side of `a-b`, `a/b` read
        hyphened = {w for w in distinct if "-" in w} if pairs else set()
        places.expect(hyphened)
        if REAL_WORD in self.categories:  # every word is second-guessed: look at each in context
            found = self._check_tokens(text, list(tokenize(text)))
        else:  # only the few words that are not plainly fine get a closer look
            found = self._check_suspects(text, words, starts, distinct, places, lows)
        found = _repeats_weighed(found, words, starts, self._intended, distinct, self._ruled, places, lows)
        apart: set[tuple[str, str]] = set()  # (form, name): a form `fix` never renames after that name
        if TYPO in self.categories:
            in_text, apart = self._weighed_names(words, starts, name_pairs, places)
            terms = {(text[f.start : f.end], f.suggestions[0]) for f in in_text}
            terms_own = {t for t in terms if self._own_term(words, starts, places, *t)}
            own = [(text[f.start : f.end], f.suggestions[0]) in terms_own for f in in_text]
            in_text, held_apart = self._chained(text, found, in_text)
            apart |= held_apart
            found = _merge(found, list(compress(in_text, map(not_, own))))
            found = _merge(found, list(compress(in_text, own)), lend=False)
            found = _merge(found, _name_slips_everywhere(text, found, words, starts, places, self._names_a_name))
        if NONSTANDARD in self.categories:
            found = _merge(found, _numbers_with_suffix(text, placed))
        if SPACING in self.categories:
            found = _merge(found, self._missing_spaces(text, placed))
        if pairs:
            paired: dict[str, list[int]] = {run: ats for run, ats in placed.items() if "/" in run}
            for k in places.of(hyphened):
                paired.setdefault(words[k], []).append(starts[k])
            if NONSTANDARD in self.categories or CAPITALIZATION in self.categories:
                found = _merge(found, self._pair_findings(paired))
            if TYPO in self.categories:
                found = _merge(found, self._side_findings(text, paired))
        lines: _Lines | None = None
        issues: list[Issue] = []
        writes = Writes(text, counted, others)
        typos: set[int] | None = None  # where typo findings start, found when first asked
        fixed: dict[str, set[int]] = {}  # per form, where a nonstandard finding `fix` applies starts (`_fixed_at`)
        nonstandard: dict[str, list[Finding]] | None = None  # the nonstandard findings on each form, when first asked
        places.expect(  # an opener's other places (below), found in one pass
            form for f in found if f.category in (TYPO, NONSTANDARD) and (form := text[f.start : f.end]) in counted
        )
        for finding in found:
            start, end, suggestions, category = finding[:4]
            if category not in self.categories:
                continue
            confidence = self._calibrated(text, finding, writes)
            if apart and category == TYPO and (text[start:end], suggestions[0].lower()) in apart:
                confidence = held(confidence)  # `Dewi Sugiarti` beside `Agus Sugiarto`: another person
            if category in (TYPO, NONSTANDARD) and confidence >= FIX_CONFIDENCE and opens_sentence(text, start):
                typos = {f.start for f in found if f.category == TYPO} if typos is None else typos
                form = text[start:end]  # a word token's (a suspect's, whose places are known), or no place at all
                same = map(starts.__getitem__, places.of({form})) if form in counted else ()
                # the text's own name: `Pertamax turun ... Harga Pertamax`, `Azas Tigor ... Azas menyindir`
                if category != TYPO and form not in fixed:
                    if nonstandard is None:
                        nonstandard = {}
                        for g in found:
                            if g.category == NONSTANDARD:
                                nonstandard.setdefault(text[g.start : g.end], []).append(g)
                    fixed[form] = self._fixed_at(text, nonstandard.get(form, []))
                if written_inside(text, start, same, typos if category == TYPO else fixed[form]):
                    confidence = held(confidence)
            flag = self._flagged(text, finding, confidence, writes)
            if not _shown(flag, confidence, min_confidence):
                continue
            if category == SPACING and text[start : start + 1].isupper() and self._headline(text, start, end):
                suggestions = [headline_case(s, text, start, NEVER_DOUBLED) for s in suggestions]  # `Di Rumah`
            if "\n" in text[start:end] or "\r" in text[start:end]:
                end, suggestions = _line_kept(written, start, end, suggestions)
            if markup != "text":  # a reference at an end is the span's whole; a fix never writes over a tag
                if _across_markup(text, written, start, end):
                    continue  # `di <!-- x --> di`: the words are not written next to each other
                start, end = widened(written, start, end)
                if holds_markup(written, text, start, end):
                    suggestions = []  # `prak</b>tek`: the writer's to mend; every fix takes a suggestion, none here
            if lines is None:
                lines = _Lines(text)
            line, column = lines.position(start)
            word = written[start:end]
            issues.append(Issue(start, end, word, tuple(suggestions), category, confidence, line, column, flag))
        return issues

    def _fixed_at(self, text: str, findings: list[Finding]) -> set[int]:
        """Where a nonstandard finding of `findings` (all on one form) starts that `fix` applies (`Kementrian Keuangan`
        inside a sentence; not `Azas Tigor`, a name): an opener the text writes capitalized only there is no name for
        that."""
        return {f.start for f in findings if self._calibrated(text, f) >= FIX_CONFIDENCE}

    def _calibrated(self, text: str, f: Finding, writes: Writes | None = None) -> float:
        """The calibrated confidence of a finding in `text` (see `speller.calibration`): the share of such findings
        that were real errors, held below FIX_CONFIDENCE for a kind `fix` does not apply (`speller.calibration.UNFIXED`,
        `speller.calibration.reported`); `writes`: see `speller.calibration.kind_of`."""
        kind = self._kind(text, f, writes)
        raw = self._raw(f, kind)
        calibration = self.calibration
        if calibration is not self._calibrations_by:  # set anew since the answers were remembered
            self._calibrations.clear()
            self._calibrations_by = calibration
        asked = (f.category, kind, raw)
        confidence = self._calibrations.get(asked)
        if confidence is None:
            confidence = calibration(f.category, kind, raw)
            _remember(self._calibrations, asked, confidence)
        return reported(f.category, kind, raw, confidence)

    @staticmethod
    def _raw(f: Finding, kind: str) -> float:
        """The raw score a finding of `kind` is calibrated on: its confidence, or for a pooled flag of a kind `fix`
        leaves (`speller.calibration.UNFIXED`), its share before it was held under FIX_CONFIDENCE (`Finding.pooled`):
        the hold is there so `fix` never applies a guess, which such a kind is never asked to do."""
        return f.confidence if f.pooled is None or kind not in UNFIXED else f.pooled

    def _flagged(self, text: str, f: Finding, confidence: float, writes: Writes | None = None) -> bool:
        """Whether finding `f` in `text`, reporting `confidence`, is shown when no `min_confidence` is asked
        (`speller.calibration.flagged`). A held pooled flag's confidence and its share before the hold (`_raw`) are
        both over FLAG_CONFIDENCE, so the confidence answers for either."""
        return flagged(f.category, f.confidence, confidence, lambda: self._kind(text, f, writes), self.picky)

    @staticmethod
    def _shifted_reading(text: str, f: Finding) -> bool:
        """Whether typo finding `f` reads two words with their space moved or taken out (`speller.shifted.is_shift`)."""
        from .shifted import is_shift  # noqa: PLC0415

        first, space, second = fold(text[f.start : f.end]).partition(" ")
        return bool(space) and " " not in second and is_shift((first, second), fold(f.suggestions[0]))

    def _kind(self, text: str, f: Finding, writes: Writes | None = None) -> str:
        """The calibration kind of a finding in `text` (`speller.calibration.kind_of`; a typo's by its suggestion)."""
        d = self.dictionary
        if f.category == CAPITALIZATION:
            return CASE_KIND
        if f.category == TYPO and f.suggestions:
            if self._shifted_reading(text, f):
                return SHIFTED_KIND
            start, end, suggestion = f.start, f.end, f.suggestions[0]
            if f.clitic:  # `Jakrtanya` -> `Jakartanya`: as `Jakrta` -> `Jakarta`
                end, suggestion = end - len(f.clitic), suggestion[: -len(f.clitic)]
            kind = kind_of(text, start, end, d.english, suggestion, d.count, writes, d.lower_count)
            if kind == RARE_KIND and self._slips_known_pair(text, f):
                return PAIR_KIND
            if kind != WORD_KIND:
                return kind
            low = fold(text[start:end])
            if len(low) >= LEXICON_MIN_LETTERS and low in d.roots:  # a word of the lexicon: as one news writes often
                return LISTED_KIND
            if text[start : start + 1].islower() and self._among_unknown(text, start, end):
                return STRETCH_KIND  # a lowercase word: a capitalized one is no word of a run either, as `fix` needs
            after = next_word(text, f.end)
            return MOVED_KIND if moved_space(text[start:end], suggestion, after, d.count) else kind
        kind = kind_of(text, f.start, f.end, d.english)
        if kind == NAME_KIND and f.category in (NONSTANDARD, SPACING) and self._headline(text, f.start, f.end):
            kind = WORD_KIND  # judged as in a body line
        if kind == WORD_KIND and f.category == NONSTANDARD and self._shouted_name(text, f.start, f.end):
            kind = NAME_KIND  # `MUHAMMAD SOLEH`, `MIE SEDAAP`: a name in capitals; a title's slip aside
        if kind == NAME_KIND and f.category == NONSTANDARD and f.suggestions and before_capital(text, f.end):
            return TITLE_KIND if self._misspelt_title(text[f.start : f.end], f.suggestions[0], text, f.end) else kind
        if kind == NAME_KIND and f.category == NONSTANDARD and self._calendar_name(text, f):
            return WORD_KIND
        if kind == WORD_KIND and f.category in (NONSTANDARD, SPACING) and f.suggestions:
            if f.category == NONSTANDARD and (self._calendar_name(text, f) or self._derived_slip(text, f)):
                return kind  # no name, though it opens a sentence (`Nopember 2022 ada pemilu`, `Menelpon Iyus`)
            if opens_on_name(text, f.start, f.end, d.count, d.lower_count):
                return OPENER_KIND
            if f.category == NONSTANDARD and self._opens_on_name(text, f):
                return OPENER_KIND
            if f.category == SPACING and preposition_apart(text, f.start, f.end, f.suggestions[0], d.bigram):
                return PREPOSITION_KIND
            if f.category == SPACING and (
                self._held_phrase(text, f) or self._verb_joined(text, f) or self._negated_pun(text, f)
            ):
                return PHRASE_KIND
        return kind

    def _slips_known_pair(self, text: str, f: Finding) -> bool:
        """Typo finding `f` on one word suggests a word one edit from it that makes with the capitalized word right
        beside it a pair the corpus writes far more than chance (`opens_title`), and never with the written word:
        `Puan Mahrani` -> `Maharani`, `Bahlil Lahadlia` -> `Lahadalia` (see `speller.calibration.PAIR`)."""
        d = self.dictionary
        written, meant = fold(text[f.start : f.end]), fold(f.suggestions[0])
        if " " in written or " " in meant or damerau_osa.distance(written, meant, 1) != 1:
            return False
        left, right = previous_word(text, f.start), next_word(text, f.end)
        before, after = fold(left), fold(right)
        opened = _capitalized(left) and opens_title(d, before, meant) and not d.bigram(before, written)
        return opened or (_capitalized(right) and opens_title(d, meant, after) and not d.bigram(written, after))

    def _calendar_name(self, text: str, f: Finding) -> bool:
        """Nonstandard finding `f` is on a spelling of a month or day (`Dictionary.calendar_names`: `Nopember` ->
        `November`), standing between words that are not capitalized (a capital that only opens a sentence is none of a
        name's: `Sejak Pebruari 2020`), nor after a day's number after one that is not a day's name (`Kamis 10
        Nopember`): its capital is the calendar's, no sign of a name (`10 Nopember 2022`; not `Institut Teknologi
        Sepuluh Nopember`, `Institut Teknologi 10 Nopember`). Holidays (`bulan Ramadhan`) are not: their
        older spellings are names too often (`Rizky Ramadhan`); the labels leave them (benchmarks/data/README.md)."""
        standard = self.dictionary.baku.get(fold(text[f.start : f.end]), "")
        names = self.dictionary.calendar_names
        if fold(standard) not in names:
            return False
        start, number = f.start, previous_word(text, f.start)
        if number.isdigit():  # `Institut Teknologi 10 Nopember`
            start = text.rfind(number, 0, start)
            if fold(previous_word(text, start)) in names:
                start = f.start  # `Kamis 10 Nopember`: a day's capital
        return not after_capital(text, start, opening=False) and not before_capital(text, f.end)

    def _derived_slip(self, text: str, f: Finding) -> bool:
        """Nonstandard finding `f` is on a word whose non-standard reading is a derived verb or noun, no name: a
        prefix on a root baku.tsv lists (`menelpon`, `dipraktekkan`, `berfikir`; a meN-/peN- keeping the root's k, p,
        t or s, `mengkonsumsi`), a suffix of calibration.DERIVED_SUFFIXES (`fikiran`) or a noun ending of
        baku_endings.tsv (`aktifitas`). A base form listed whole (`Putera`, `Soleh`) or one with a suffix that also
        ends names (`Ramadhani`) is not."""
        low = fold(text[f.start : f.end])
        derived = self._derived_slips.get(low)
        if derived is None:
            derived = self._derived_word(low)
            _remember(self._derived_slips, low, derived)
        return derived

    def _derived_word(self, low: str) -> bool:
        """`_derived_slip` of the word `low`, folded."""
        d = self.dictionary
        if " " in low or "-" in low:
            return False
        if any(low.endswith(ending) for ending in d.baku_endings):
            return True
        if low in d.baku:
            return False
        if low.startswith(KPST_PREFIXES) and self.morphology.standard_form(low):
            return True
        for analyses in (self.morphology.analyses, self._open_morphology.analyses):
            for a in analyses(low):
                if a.root != low and a.root in d.baku:
                    return bool(a.prefixes) or any(s in DERIVED_SUFFIXES for s in a.suffixes)
        return False

    def _verb_joined(self, text: str, f: Finding) -> bool:
        """`f` joins a bound form that is also a verb (`spacing.BOUND_OR_VERB`: `antar`) to a word news never writes
        joined to it, and no row of compounds.tsv lists the pair: `Ayah antar anak ke sekolah` may be the verb and its
        object as well as `antaranak` (`speller.calibration.PHRASE`)."""
        parts = fold(text[f.start : f.end]).split(" ")
        if len(parts) != 2 or parts[0] not in BOUND_OR_VERB or " ".join(parts) in self.dictionary.compounds:
            return False
        return not self.dictionary.count(fold(f.suggestions[0]))

    def _opens_on_name(self, text: str, f: Finding) -> bool:
        """Nonstandard finding `f` opens a sentence on a word that is a name there (`speller.calibration.OPENER`):
        before a capitalized word, unless a title misspelt (`Samudera Indonesia`; not `Kementrian Keuangan`) or
        both in capitals (`MERK ITU`), or a word news writes capitalized in most of its uses inside a sentence
        (`Soleh mengaku`)."""
        written = text[f.start : f.end]
        if " " in written or not written[:1].isupper() or not opens_sentence(text, f.start):
            return False
        if before_capital(text, f.end) and not is_all_caps(written):  # in a headline every word is capitalized
            return not self._misspelt_title(written, f.suggestions[0], text, f.end)
        return lowercase_share(self.dictionary, fold(written)) < OPENER_LOWER_SHARE

    def _held_phrase(self, text: str, f: Finding) -> bool:
        """`f` joins a pair often written as a phrase that no neighbour makes sure of (`spacing.held_phrase`)."""
        parts = fold(text[f.start : f.end]).split(" ")
        if len(parts) != 2 or not often_a_phrase(" ".join(parts)):
            return False
        before, after = fold(previous_word(text, f.start)) or None, fold(next_word(text, f.end)) or None
        return held_phrase(self.dictionary, parts[0], parts[1], fold(f.suggestions[0]), before, after)

    def _among_unknown(self, text: str, start: int, end: int) -> bool:
        """`speller.calibration.among_unknown` of a finding over `text[start:end]`, remembered per stretch of text it
        reads (`speller.calibration.stretch`)."""
        key = stretch(text, start, end)
        hit = self._stretches.get(key)
        if hit is None:
            hit = among_unknown(*key, self.is_known)
            if len(self._stretches) > STRETCH_MEMO_SIZE:
                self._stretches.clear()
            self._stretches[key] = hit
        return hit

    def _misspelt_title(self, written: str, standard: str, text: str, end: int) -> bool:
        """The corpus writes the standard form before the word after `text[:end]` far more often (TITLE_ASSOCIATION
        times, plus one) than the form written (`Kementrian Keuangan`: a title misspelt; `Puteri Indonesia` is written
        so, a name of its own: see `speller.calibration.TITLE`)."""
        d = self.dictionary
        after = fold(next_word(text, end))
        if " " in standard or not after:
            return False
        return d.bigram(fold(standard), after) >= TITLE_ASSOCIATION * (d.bigram(fold(written), after) + 1)

    def _check_tokens(self, text: str, tokens: list[Token], targets: set[int] | None = None) -> list[Finding]:
        """Findings on the word tokens (those starting at `targets` only, when given)."""
        found: list[Finding] = []
        skip = -1
        for i, tok in enumerate(tokens):
            if tok.kind != WORD or i <= skip or (targets is not None and tok.start not in targets):
                continue
            hit = self._check_split(text, tokens, i) if SPACING in self.categories else None
            if hit is None and TYPO in self.categories:  # a rule's join first: `diserah terimakan` is spacing
                hit = self._check_shifted(text, tokens, i)
            if hit is None and (TYPO in self.categories or SPACING in self.categories):
                hit = self._check_doubled(text, tokens, i)
            if hit is None and TYPO in self.categories:
                hit = self._check_repeated(text, tokens, i)
            if hit is None:
                hit = self._check_token(text, tokens, i)
            if hit is not None:
                skip = i  # the finding covers the words up to its end (a shifted pair may end at i itself)
                while skip + 1 < len(tokens) and tokens[skip + 1].start < hit.end:
                    skip += 1  # a finding over a run of words
                found.append(hit)
        return found

    def _check_suspects(
        self,
        text: str,
        words: list[str],
        starts: list[int],
        distinct: Set[str] | None = None,
        places: _Places | None = None,
        lows: dict[str, str] | None = None,
    ) -> list[Finding]:
        """Findings, looking closely only at words whose verdict is not plainly fine, and at pairs that may be one
        word (`words` and their `starts` as `speller.tokenize.word_scan` gives them; `distinct`: the set of
        `words`, when the caller has it; `places`: where its forms stand, asked here first for every form looked at;
        `lows`: each form of `distinct` in lowercase, when the caller has them).

        Each distinct form is judged once; a pair is looked at only when its left word can open a join (or is a
        bound form), its right word is `pun`, or its right word ends its left one (`kawan kawan`, `di di`)."""
        distinct = set(words) if distinct is None else distinct
        places = _Places(words) if places is None else places
        suspect = self._suspect_forms(distinct)
        pairs = SPACING in self.categories
        lows = dict(zip(distinct, map(str.lower, distinct))) if lows is None else lows
        paired = self._paired_lines(text, pairs) if pairs or TYPO in self.categories else None
        # the forms `_pair_starts` asks where they stand, when a line's pairs are looked at: bound forms, `pun`, `nya`,
        # and di
        special = set()
        if pairs and paired is not None and None in paired[1]:
            special = set(compress(lows, map(_OPENS_OR_PASSIVE.__contains__, lows.values())))
        # the forms written like a suspect but for case: `_repeats_weighed` asks for them beside a typo's own form
        suspect_lows = set(map(lows.__getitem__, suspect))
        places.expect(compress(lows, map(suspect_lows.__contains__, lows.values())))
        places.of(suspect | special)  # one pass over the words finds them all
        suspects = list(map(starts.__getitem__, places.of(suspect)))
        if paired is not None:
            suspects += self._pair_starts_by_line(text, words, starts, pairs, places, lows, paired)
            suspects += wrapped_doubles(paired[0])  # `yang<newline>yang`: the line cache holds no pair across lines
        found: list[Finding] = []
        for start in sorted(set(suspects)):
            if found and start < found[-1][1]:
                continue  # already inside a finding that spans two words
            found.extend(self._check_window(text, start))
        return found

    def _suspect_forms(self, forms: Set[str]) -> set[str]:
        """The forms among `forms` whose verdict is neither `known` nor `skip`. The forms found plainly fine are
        remembered, so a form seen before costs a set difference, not a verdict look-up."""
        plain = self._plain_forms
        fresh = set(filterfalse(plain.__contains__, forms))  # one pass over `forms` (`-` may walk all of `plain`)
        if not fresh:
            return set()
        if len(plain) > MEMO_SIZE:
            plain.clear()
        verdicts = self._verdicts
        suspect = set()
        for w in fresh:
            verdict = verdicts.get(w) or self._verdict(w)
            if verdict is KNOWN or verdict is SKIP:
                plain.add(w)
            else:
                suspect.add(w)
        return suspect

    def _check_window(self, text: str, start: int) -> list[Finding]:
        """Findings on the word at `start`, judged from the tokens of the text around it (cached per window).

        The window's findings depend on its characters, the character before it (a token pattern looks behind)
        and whether a sentence opens where it starts; the cache is keyed by these, so a text checked again (an
        edited document) re-reads only the windows that changed."""
        begin, end = max(0, start - CONTEXT_CHARS), min(len(text), start + 2 * CONTEXT_CHARS)
        key = (text[max(0, begin - 1) : end], start - begin, begin == 0, opens_sentence(text, begin))
        hit = self._windows.get(key)
        if hit is None:
            window = list(tokenize(text, begin, end))
            found = self._check_tokens(text, window, {start})
            hit = [f._replace(start=f.start - begin, end=f.end - begin) for f in found]
            if len(self._windows) > LIST_MEMO_SIZE:
                self._windows.clear()
            self._windows[key] = hit
            return found
        # not `_replace`: slower
        return [Finding(s + begin, e + begin, sug, cat, conf, pld, cl) for s, e, sug, cat, conf, pld, cl in hit]

    def _paired_lines(self, text: str, pairs: bool) -> tuple[list[str], list[tuple[int, ...] | None]]:
        """The lines of `text` and the pair starts remembered of each (`_pair_starts_by_line`), None for a line not
        seen before."""
        lines = text.split("\n")
        return lines, list(map(self._line_pairs.get, zip(lines, repeat(pairs))))

    def _pair_starts_by_line(
        self,
        text: str,
        words: list[str],
        starts: list[int],
        pairs: bool,
        places: _Places,
        lows: dict[str, str],
        paired: tuple[list[str], list[tuple[int, ...] | None]] | None = None,
    ) -> list[int]:
        """`_pair_starts` of the text (`places` and `lows` as there), line by line: no pair stands across a line break,
        so the pair starts of each line seen before are remembered, and only the lines not seen are looked at
        (`paired`: `_paired_lines`, when the caller has it)."""
        lines, known = self._paired_lines(text, pairs) if paired is None else paired
        remembered = self._line_pairs
        bases = list(accumulate(map(add, map(len, lines), repeat(1)), initial=0))  # where each line starts
        new = list(compress(range(len(lines)), map(is_, known, repeat(None))))
        if new:
            if len(new) == len(lines):  # every line: the text's words as they are
                found = self._pair_starts(text, words, starts, pairs, places, lows)
            else:  # the words of the lines not seen, in order (the words of two of them are never one space apart)
                cuts = [(bisect.bisect_left(starts, bases[k]), bisect.bisect_left(starts, bases[k + 1])) for k in new]
                some = list(chain.from_iterable(words[lo:hi] for lo, hi in cuts))
                found = self._pair_starts(
                    text, some, [at for lo, hi in cuts for at in starts[lo:hi]], pairs, None, lows
                )
            if len(remembered) + len(new) > LIST_MEMO_SIZE:
                remembered.clear()
            for k in new:
                base = bases[k]
                line = found[bisect.bisect_left(found, base) : bisect.bisect_left(found, bases[k + 1])]
                known[k] = remembered[lines[k], pairs] = tuple(at - base for at in line)
        return [base + at for base, line in zip(bases, known, strict=False) if line for at in line]

    def _pair_starts(
        self,
        text: str,
        words: list[str],
        starts: list[int],
        pairs: bool,
        places: _Places | None = None,
        lows: dict[str, str] | None = None,
    ) -> list[int]:
        """Starts of the words followed by one space and a word they may form one word with (`pairs`: see
        `speller.spacing.may_be_one_word`) or that repeats them (`di di`), and of the phrases written twice
        (`speller.repeats.repeated_phrase`: `pada saat pada saat`). `places`: where they stand, and `lows`:
        each form's lowercase, when the caller has them."""
        d = self.dictionary
        if lows is None:
            forms = set(words)
            lows = dict(zip(forms, map(str.lower, forms)))
        low = list(map(lows.__getitem__, words))
        n = len(words)
        after = low[1:]
        # doubled, or `berlipat lipat`: a word that ends its left one (found among those inside it, a faster call)
        maybe = {i for i in compress(range(n - 1), map(contains, low, after)) if low[i].endswith(after[i])}
        # `teman temannya`: a copy with a possessive clitic
        maybe.update(
            i for i in compress(range(n - 1), map(str.startswith, after, low)) if copy_clitic(low[i], after[i])
        )
        places = _Places(words) if places is None else places
        if pairs:
            special = set(compress(lows, map(_OPENS_OR_CLOSES_PAIR.__contains__, lows.values())))
            for i in places.of(special) if special else ():
                if low[i] in ENCLITICS:  # `sekali pun`, `pencairan nya`
                    if i:
                        maybe.add(i - 1)
                elif i < n - 1:  # a bound form: `non blok`
                    maybe.add(i)
            lefts = d.join_lefts
            if not lefts.isdisjoint(lows.values()):  # a listed pair: `di lakukan`, `olah raga`
                if n >= JOIN_PAIRS_WORDS or "_join_pairs" in self.__dict__:  # the pair set is worth making, or made
                    maybe.update(compress(range(n - 1), map(self._join_pairs.__contains__, zip(low, after))))
                else:  # a word holds no space, so `left right` is a key exactly when the pair is listed
                    at = list(compress(range(n - 1), map(lefts.__contains__, low)))
                    keys = map("{} {}".format, map(low.__getitem__, at), map(after.__getitem__, at))
                    maybe.update(compress(at, map(d.join_keys.__contains__, keys)))
            # `kesalah pahaman`: a word that may open a confix before one that may close it (see `confix_apart`); the
            # forms that may open one are found among the distinct forms, then where they stand
            heads = set(compress(lows, map(str.startswith, lows.values(), repeat(CONFIX_HEADS))))
            opening = compress(range(n - 1), map(heads.__contains__, words))
            maybe.update(i for i in opening if after[i].endswith(CONFIX_TAILS))
            # `di alamatkan`: where the forms of di stand (found with the suspects, see `_check_suspects`)
            passive = set(compress(lows, map(PASSIVE_PREFIX.__eq__, lows.values())))
            if apart := [i for i in places.of(passive) if i < n - 1] if passive else []:
                joinable = {r for r in {after[i] for i in apart} if prefix_apart(d, PASSIVE_PREFIX, r)}  # per word
                maybe.update(i for i in apart if after[i] in joinable)

        # `pada saat pada saat`: a phrase written twice (`speller.repeats`), its first word again two to four words on
        def spaced(j: int) -> bool:
            end = starts[j] + len(words[j])
            return doubling_gap(text[end : starts[j + 1]])

        repeats = {
            starts[i]
            for k in range(2, MAX_REPEATED_WORDS + 1)
            for i in compress(range(n - k), map(str.__eq__, words, words[k:]))
            if phrase_length(words, spaced, i)  # not `repeated_phrase`: its copies to the end of a long run
        }
        out = []
        looked = self._looked_pairs  # per pair and `pairs`: whether it is looked at
        if len(looked) > MEMO_SIZE:
            looked.clear()
        for i in sorted(maybe):
            end = starts[i] + len(words[i])
            if end + 1 == starts[i + 1] and text[end] == " ":
                asked = (low[i], low[i + 1], pairs)
                hit = looked.get(asked)
                if hit is None:
                    left, right = low[i], low[i + 1]
                    hit = looked[asked] = (pairs and may_be_one_word(d, left, right)) or copy_clitic(
                        left, right
                    ) is not None
                if hit:
                    out.append(starts[i])
            elif pairs and low[i] == low[i + 1] and text[end : starts[i + 1]] == SPACED_HYPHEN:
                out.append(starts[i])  # `dasar - dasar`
            elif low[i] == low[i + 1] and doubling_gap(text[end : starts[i + 1]]):
                out.append(starts[i])  # `yang  yang`, `di<tab>di` (across a line break: `wrapped_doubles`)
        return sorted(repeats.union(out)) if repeats else out

    @cached_property
    def _join_pairs(self) -> frozenset[tuple[str, str]]:
        """(left, right) of each pair that may be one word (`Dictionary.join_keys`; a three-word key's right holds a
        space, which no word does)."""
        return self.dictionary.join_pairs

    def _neighbour(self, text: str, tokens: list[Token], i: int, j: int) -> str | None:
        """The (lowercase) word token j next to token i, when only spaces stand between them (as in the bigrams)."""
        beside = _spaced_word(text, tokens, i, j)
        return None if beside is None else self._intended(beside.text, last=j < i)

    def _intended(self, written: str, last: bool) -> str:
        """The (lowercase) word the writer meant, as far as the word alone tells: its confident fix (its last word
        when `last`, else its first: `dirumah` -> `di rumah`), else itself. Neighbours are judged by it, so fixing
        a word never changes how its neighbours are judged and `correct` is idempotent (`Hendarwan sepeti` is
        decided as `Hendarwan seperti` from the first pass)."""
        ends = self._intentions.get(written)
        if ends is None:
            ends = _remember(self._intentions, written, self._intended_ends(written))
        return ends[1] if last else ends[0]

    def _intended_ends(self, written: str) -> tuple[str, str]:
        """The first and the last word of what the writer meant by `written` (see `_intended`)."""
        low = fold(written)
        verdict = self._verdicts.get(written) or self._verdict(written)
        fixed = low
        if verdict.kind in (SPACING, NONSTANDARD, TYPO):
            fixed = fold(verdict.replacement)
        elif verdict is SUSPECT and not _capitalized(written):
            key = (written, None, None, False, False, None, False)
            decision = self._decisions.get(key)
            if decision is None:
                decision = self._decisions[key] = self._decide(*key)
            if decision.written < FLAG_SHARE and decision.ranked and decision.confidence >= FIX_CONFIDENCE:
                fixed = fold(self._standard(decision.ranked[0][0]))  # as the finding writes it: `diluar` -> `di luar`
        parts = fixed.split(" ")
        return parts[0], parts[-1]

    def _check_split(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A word written apart (`di lakukan`) spanning tokens i and i+1."""
        if i + 1 >= len(tokens):
            return None
        first, second = tokens[i], tokens[i + 1]
        if second.kind != WORD:
            return None
        capitals = is_all_caps(first.text) and is_all_caps(second.text) and len(first.text) > 1  # `NON SUBSIDI`
        named = second.text[:1].isupper() or (first.text[:1].isupper() and not first.sentence_start)
        hyphen = text[first.end : second.start] == SPACED_HYPHEN
        if not capitals and named and (hyphen or not self._headline(text, first.start, second.end)):
            return None  # part of a name: Shell Super, Badan Kerja
        if hyphen:
            return self._spaced_reduplication(first, second)
        if text[first.end : second.start] != " ":
            return None
        left = fold(first.text)
        negated = left in PUN_APART and any(
            self._neighbour(text, tokens, i - k, i - k - 1) in NEGATIONS for k in range(NEGATION_REACH)
        )
        before, after = self._neighbour(text, tokens, i, i - 1), self._neighbour(text, tokens, i + 1, i + 2)
        after_comma = text[tokens[i - 1].end if i else 0 : first.start].strip() == ","  # as the builder counts it
        close = text[second.end : tokens[i + 2].start if i + 2 < len(tokens) else len(text)]
        at_end = ends_sentence(close)  # `Tunggu apa lagi?`
        joined = split_word(self.dictionary, left, fold(second.text), negated, before, after, after_comma, at_end)
        if joined is None:
            return None
        joined = self._standard(joined)  # `di masukan` -> `dimasukkan`: the joined word in its own standard form
        share = self._standard_share(f"{fold(first.text)} {fold(second.text)}", joined)
        return Finding(first.start, second.end, [match_case(first.text, joined)], SPACING, share)

    @staticmethod
    def _negated_pun(text: str, f: Finding) -> bool:
        """Spacing finding `f` joins `sekali pun` (PUN_APART) after a negation in its clause (the words before it up to
        a punctuation mark): there it may be 'not even once' (`ia tak pernah absen sekali pun`), a negation further
        back than NEGATION_REACH, which the pair's counts cannot tell from the conjunction `sekalipun`."""
        parts = fold(text[f.start : f.end]).split(" ")
        if len(parts) != 2 or parts[0] not in PUN_APART or parts[1] != "pun":
            return False
        clause = re.split(r"[^\w\s'’-]", text[max(0, f.start - NEGATED_CLAUSE_CHARS) : f.start])[-1]
        return any(fold(word) in NEGATIONS for word in clause.split())

    def _check_shifted(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A space one letter off (`dala mrumah` -> `dalam rumah`) or inside a word (`masyara kat`) between token i, a
        word the model doubts, and the word after or before it: one finding over both tokens
        (`speller.shifted.shift_decision`), made when a shifted reading beats the pair as written and either token
        fixed alone."""
        verdict = self._verdicts.get(tokens[i].text) or self._verdict(tokens[i].text)
        if verdict is KNOWN or verdict is SKIP:
            return None
        for j in (i, i - 1):
            hit = self._shifted_pair(text, tokens, j)
            if hit is not None:
                return hit
        return None

    def _shifted_pair(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """`_check_shifted` for the pair of tokens i and i+1."""
        if i < 0 or i + 1 >= len(tokens):
            return None
        first, second = tokens[i], tokens[i + 1]
        if first.kind != WORD or second.kind != WORD or text[first.end : second.start] != " ":
            return None
        if second.text[:1].isupper() or (first.text[:1].isupper() and not first.sentence_start):
            return None  # names: `Ana` is no slip of `sana`
        # imported past the quick refusals: a pair's import costs more than they do (~5 us: `speller.shifted` is lazy)
        from .shifted import SHIFT_RIVALS, is_shift, listed_readings, shift_decision  # noqa: PLC0415

        pair = (fold(first.text), fold(second.text))
        if not all(w.isalpha() for w in pair) or not listed_readings(self.dictionary, *pair):
            return None
        if any(self._left_alone(text, tokens, k) for k in (i, i + 1)):
            return None
        left, right = self._neighbour(text, tokens, i, i - 1), self._neighbour(text, tokens, i + 1, i + 2)
        rivals = []
        for k, (own, other) in enumerate((pair, pair[::-1])):
            verdict = self._verdicts.get(tokens[i + k].text) or self._verdict(tokens[i + k].text)
            if verdict is KNOWN or verdict is SKIP:
                continue
            before, after = (left, other) if k == 0 else (other, right)
            decision = self._decide(own, before, after, tokens[i + k].sentence_start and k == 0)
            for cand, _ in decision.ranked[:SHIFT_RIVALS]:
                rivals.append(f"{cand} {other}" if k == 0 else f"{other} {cand}")
        priors = (self._prior(pair[0], False).log_p, self._prior(pair[1], False).log_p)
        decision = shift_decision(self.dictionary, pair, priors, rivals, left, right)
        best = decision.best
        if best is None or decision.written >= FLAG_SHARE or not is_shift(pair, best):
            return None
        return Finding(first.start, second.end, [match_case(first.text, best)], TYPO, round(decision.confidence, 3))

    def _spaced_reduplication(self, first: Token, second: Token) -> Finding | None:
        """`dasar-dasar` for `dasar - dasar`: a reduplication with spaces around its hyphen (a dash between a word and
        itself is no dash). Not a word the corpus does not list, nor one whose reduplication is no real reading
        (`yang - yang`: `speller.model.doubled_readings`)."""
        low = fold(first.text)
        if fold(second.text) != low or not low.isalpha() or not self.dictionary.count(low):
            return None
        if doubled_readings(self.dictionary, low, low in NEVER_DOUBLED).reduplication < REAL_READING:
            return None
        fixed = f"{low}-{low}"
        share = self._standard_share(f"{low} {low}", fixed)
        return Finding(first.start, second.end, [match_case(first.text, fixed)], SPACING, share)

    def _check_doubled(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A word written twice in a row (`di di`, `anak anak`), as `speller.model.doubled_readings` reads it. The
        likelier of the word written twice (a typo: `menjadi menjadi` -> `menjadi`) and the reduplication missing its
        hyphen (a spacing finding: `anak anak` -> `anak-anak`) is suggested first, the other second when it is a real
        option (`REAL_READING`, and a reduplication only when the corpus writes it), and the finding is as sure as its
        first reading's share. The pair is left alone when the corpus writes it as often as a real pair (`ha ha`),
        unless the corpus writes the reduplication (MIN_REDUPLICATION: `saudara saudara`), and when both copies are
        capitalized unless they are the same text of a word the corpus does not write as a name (`Presiden
        Presiden`, `Undang Undang`, not `Ting Ting`). The finding covers the whole run (`di di di`).

        A slip written twice (`angksa angksa`) is fixed at once, as the reduplication when that is likelier.

        A second copy with a possessive clitic (`teman temannya`) is read so too (`doubled_readings` with the clitic),
        and flagged only as the reduplication (`teman-temannya`): it ends the run.
        """
        if i + 1 >= len(tokens):
            return None
        first, second = tokens[i], tokens[i + 1]
        low = fold(first.text)
        clitic = copy_clitic(low, fold(second.text)) if second.kind == WORD else None
        if clitic is None:
            return None
        if not doubled_apart(first.text, text[first.end : second.start], second.text):
            return None
        d = self.dictionary
        if not low.isalpha():
            return None  # numbers are left alone
        copied = second.text[: len(first.text)] == first.text
        if second.text[:1].isupper() and (not copied or is_name(d.count(low), d.lower_count(low))):
            return None  # `Bora Bora`, `Ayu Ting Ting`: a name; but `Presiden Presiden Xi`, `Undang Undang` are not
        if second.text[:1].isupper() and low in NEVER_DOUBLED and not self._in_title(tokens, i, i + 1):
            return None  # `bertemu Yang Yang`: a function word capitalized twice outside a title is a name's
        fixed, sure = low, 1.0
        own = self._verdict(first.text)
        if own is not KNOWN and self._left_alone(text, tokens, i):
            return None  # a foreign word written twice is not judged as a slip: alone it is left alone too
        if own.replacement:
            if " " in own.replacement:
                return None  # the word's own finding comes first: `dirumah dirumah` -> `di rumah di rumah`
            fixed, sure = fold(own.replacement), own.confidence  # `aktifitas aktifitas` -> `aktivitas`
        last, end = second, i + 1
        for tok in tokens[i + 2 :] if not clitic else ():  # `di di di`: the whole run
            if (
                tok.kind != WORD
                or fold(tok.text) != low
                or not doubled_apart(last.text, text[last.end : tok.start], tok.text)
            ):
                break
            last, end = tok, end + 1
        begin = i  # a run already partly reported (`menetri menetri menetri menetri`) starts further left
        while (
            begin > 0
            and tokens[begin - 1].kind == WORD
            and fold(tokens[begin - 1].text) == low
            and doubled_apart(
                tokens[begin - 1].text, text[tokens[begin - 1].end : tokens[begin].start], tokens[begin].text
            )
        ):
            begin -= 1
        if own is SUSPECT and d.reduplicated(low) < MIN_REDUPLICATION:  # judged between the words around the run, as
            # it will stand; a root the corpus writes reduplicated is that reduplication (`kupu kupu`, not `kubu`)
            decision = self._decide(
                first.text,
                self._neighbour(text, tokens, begin, begin - 1),
                self._neighbour(text, tokens, end, end + 1),
                first.sentence_start,
            )
            if decision.written < FLAG_SHARE and decision.ranked and " " not in decision.ranked[0][0]:
                fixed, sure = decision.ranked[0][0], decision.confidence
        if fixed not in d.counts and d.reduplicated(fixed) < MIN_REDUPLICATION:
            return None
        readings = doubled_readings(d, fixed, fixed in NEVER_DOUBLED, clitic)
        reduplicated = d.reduplicated(fixed) + (d.count(f"{fixed}-{fixed}{clitic}") if clitic else 0)
        if readings.pair >= FLAG_SHARE and reduplicated < MIN_REDUPLICATION:
            if fixed == low or clitic:
                return None  # a pair news writes (`ha ha`)
            return Finding(first.start, second.end, [self._cased(first.text, f"{fixed} {fixed}")], TYPO, round(sure, 3))
        hyphenated = f"{fixed}-{fixed}"
        standard = self._verdict(hyphenated)
        if standard.kind == NONSTANDARD and standard.replacement:
            hyphenated = standard.replacement  # `was was` -> `waswas` (KBBI), not `was-was`, which `fix` changes again
        hyphenated += clitic
        options = [(hyphenated, readings.reduplication)] if reduplicated else []
        options.append((fixed + clitic, readings.slip))
        options.sort(key=lambda option: -option[1])
        best, share = options[0]
        if clitic and best != hyphenated:
            return None  # `ada adanya`: no word written twice that a clitic's copy would show
        others = [option for option, other in options[1:] if other >= REAL_READING]
        fixes = [self._cased(first.text, option) for option in (best, *others)]
        if second.text[:1].isupper():  # both capitalized: so is each half (`Undang Undang` -> `Undang-Undang`)
            fixes = ["-".join(map(match_case, repeat(first.text), fix.split("-"))) for fix in fixes]
        if fixed != low:  # `aktifitas aktifitas`, `angksa angksa`: a slip besides, fixed in one pass
            return Finding(first.start, last.end, fixes, TYPO, round(min(sure, share), 3))
        category = SPACING if best == hyphenated else TYPO
        if category not in self.categories:
            return None
        if best == fixed:  # `di di dirumah`: the word after the run says the same
            after = next((t for t in tokens[end + 1 :] if t.start >= last.end), None)
            if after is not None and after.kind == WORD and text[last.end : after.start] == " ":
                verdict = self._verdict(after.text)
                if verdict.kind == SPACING and verdict.replacement.startswith(low + " "):
                    last = after
                    fixes[0] = match_case(first.text, self._cased(after.text, verdict.replacement))
        if second.text[:1].isupper():  # capitals twice may be a title or a name (`lagu "Sayang Sayang"`): the writer's
            share = held(share)
        return Finding(first.start, last.end, fixes, category, round(share, 3))

    def _headline(self, text: str, start: int, end: int) -> bool:
        """`text[start:end]` stands in a line written in Title Case (`speller.tokenize.title_line`, function words
        NEVER_DOUBLED), and neither its words nor the words right beside it may be a name's (`_maybe_named`): its
        capitals are the headline's, so a rule reads it as in a body line (`Hal Itu Di Lakukan Polisi`, `Warga
        Menelpon Polisi`, `BBM Non Subsidi`; not `Dwi Novianto`, `Barito Putera`, `Mie Sedaap`, `Non ASN`)."""
        return title_line(text, start, NEVER_DOUBLED) and not self._maybe_named(text, start, end)

    def _maybe_named(self, text: str, start: int, end: int) -> bool:
        """A word of `text[start:end]` or one right beside it (spaces between only) in a headline may be a name's,
        whatever its capital: one news writes as a name (`speller.dictionary.is_name`) or in lowercase in fewer than
        HEADLINE_LOWER_SHARE of its uses inside a sentence (`Pasca Lebaran`, `Soleh`), an English word the lexicon
        does not hold (`Photo`, `The`), an acronym of its own (`Non ASN`; in capitals every short word looks like
        one); beside it also a word the dictionary neither lists nor forms (`Solihun`, `Pindul`; not `Pasungan`),
        though not an acronym (`BBM Non Subsidi`) nor a number."""
        d = self.dictionary
        caps = is_all_caps(text[start:end])

        def named(word: str, beside: bool) -> bool:
            if is_acronym(word) and not caps:
                return not beside
            low = fold(word)
            count = d.count(low)
            if not count:  # a new name beside it; not a number (`2019`), nor a word formed (`Pasungan`)
                return beside and not low.isdigit() and not self.morphology.is_valid(low)
            if low in d.english and low not in d.roots:
                return True
            return is_name(count, d.lower_count(low)) or lowercase_share(d, low) < HEADLINE_LOWER_SHARE

        beside = (previous_word(text, start), next_word(text, end))
        return any(named(w, False) for w in text[start:end].split()) or any(named(w, True) for w in beside if w)

    def _shouted_name(self, text: str, start: int, end: int) -> bool:
        """`text[start:end]` is written in capitals beside another word in capitals (a headline's) and may be a name's
        there (`_maybe_named`): `PRESIDEN TEMUI MUHAMMAD SOLEH`, `MIE SEDAAP`, `KE GOA INDIA`; not a month or day
        (`PADA BULAN NOPEMBER LALU`: the calendar's capital)."""
        span = text[start:end]
        d = self.dictionary
        if not is_all_caps(span) or fold(d.baku.get(fold(span), "")) in d.calendar_names:
            return False
        beside = [w for w in (previous_word(text, start), next_word(text, end)) if w]
        return any(is_all_caps(w) for w in beside) and self._maybe_named(text, start, end)

    @staticmethod
    def _in_title(tokens: list[Token], first: int, last: int) -> bool:
        """Tokens `first` to `last` stand in a title written in capitals: the word after them is capitalized, or the
        word before them is, inside the sentence (`Pergi Ke Ke Pasar`, not `bertemu Yang Yang kemarin`)."""
        after = tokens[last + 1] if last + 1 < len(tokens) and tokens[last + 1].kind == WORD else None
        before = tokens[first - 1] if first and tokens[first - 1].kind == WORD else None
        if after is not None and _capitalized(after.text):
            return True
        return before is not None and not tokens[first].sentence_start and _capitalized(before.text)

    def _check_repeated(self, text: str, tokens: list[Token], i: int) -> Finding | None:
        """A phrase written twice in a row (`speller.repeats.repeated_phrase`: `pada saat pada saat`), its words fine
        alone (a known word, or a capitalized one with no fix of its own), not opening a sentence (where a heading
        runs into its text) and not English: the run, with the phrase once, as sure as the judged repeats of the
        build corpus were slips (`speller.repeats.REPEATED_SLIPS`), held under FIX_CONFIDENCE: `fix` leaves a repeat
        to the writer (the four meant were a speaker's emphasis, which `fix` must not take out of a quote)."""
        run = tokens[i : i + 4 * MAX_REPEATED_WORDS]
        words = [t.text for t in run]

        def spaced(j: int) -> bool:
            a, b = run[j], run[j + 1]
            return a.kind == WORD and b.kind == WORD and doubling_gap(text[a.end : b.start])

        n, copies = repeated_phrase(words, spaced, 0)
        if not n or run[0].sentence_start or self._left_alone(text, tokens, i):
            return None  # `2. Deposito syariah Deposito syariah adalah`: a heading run into its text; English
        for word in words[:n]:
            verdict = self._verdict(word)
            if verdict.replacement or not (verdict is KNOWN or verdict is SKIP or word[:1].isupper()):
                return None
        sure = round(held(shrunk(REPEATED_SLIPS, REPEATED_JUDGED)), 3)
        return Finding(run[0].start, run[copies * n - 1].end, [text[run[0].start : run[n - 1].end]], TYPO, sure)

    def _verdict(self, text: str) -> Verdict:
        """What a word says by itself, whatever its neighbours (cached per written form; a listed word's from the
        dictionary's verdict table when it has one)."""
        hit = self._verdicts.get(text)
        if hit is not None:
            return hit
        table = self._verdict_table
        if table is not None and self._tabled(text):
            row = table.get(text)
            verdict = KNOWN if row is None else _verdict_of_row(row)
        else:
            verdict = self._computed_verdict(text)
        _remember(self._verdicts, text, verdict)
        return verdict

    def _tabled(self, text: str) -> bool:
        """Whether the verdict table holds the form's verdict (when there is a table)."""
        extra = self.extra_words
        return is_tabled(text, self.dictionary.counts) and (not extra or fold(text) not in extra)

    @cached_property
    def _verdict_table(self) -> Mapping[str, str] | None:
        """The dictionary's verdict table, or None: none built, or an extra word is not a listed word, or is a
        non-standard root (baku.tsv).

        An extra word that is listed changes only its own forms' verdicts (`_verdict` computes those): every other
        question the verdict asks about extra words (`_listed`, `_part_known`, `is_known`) asks first whether the
        word is listed, so its answer is the same with or without the extra words. An unlisted extra word can make
        derivations of it well formed and so change verdicts anywhere (a word built on it, a candidate's validity);
        an accepted non-standard root clears its derivations (`praktek` accepted: `dipraktekkan` stays)."""
        d = self.dictionary
        return d.verdicts if all(w in d.counts and w not in d.baku for w in self.extra_words) else None

    def _computed_verdict(self, text: str, model: bool = True, chained: bool = True) -> Verdict:
        """`_verdict` computed from the dictionary and the model (no cache, no table).

        `model`: False when only a rule verdict matters (`_standard`): a form the model would weigh is KNOWN.
        `chained`: a non-standard form's fix is itself written in its standard form (`_fix_standard`)."""
        low = fold(text)
        d = self.dictionary
        if low in self.extra_words:  # an accepted word is the writer's, whatever a rule says of it (`praktek`) ...
            named = None if _capitalized(text) or low not in self._extra_capitalized else lowercase_name(d, text)
            if named is None:
                return KNOWN
            # ... but one accepted capitalized only, as Hunspell takes it, is a name still: `jakarta` after `Jakarta`
            return Verdict(CAPITALIZATION, named[0], lowercase_name_confidence(named[1]))
        spaced = d.compounds.get(low) if low not in d.closed_compounds else None
        respaced = (
            None
            if spaced
            else (
                self._unhyphenated(text)
                or glued_preposition(d, low)
                or detached_particle(d, low, self._plain_known, self.morphology.analyses)
                or self._affixed_compound(low)
            )
        )
        verdict: Verdict
        if titled := self._case_slip(text):
            verdict = Verdict(TYPO, titled, rule_confidence(TYPO))
        elif named := lowercase_name(d, text):  # `jakarta`: a name written in lowercase
            verdict = Verdict(CAPITALIZATION, named[0], lowercase_name_confidence(named[1]))
        elif named := hyphenated_name(d, text):  # `dprd-nya`: the name's capitals back, its hyphen kept
            verdict = Verdict(CAPITALIZATION, named[0], lowercase_name_confidence(named[1]))
        elif acronym := hyphenated_acronym(d, text, self._word_besides_acronym):  # `tv-nya`, `hp-nya`
            verdict = Verdict(CAPITALIZATION, acronym, hyphenated_acronym_confidence())
        elif is_acronym(text):
            verdict = self._shouted_verdict(text)
        elif is_mixed_case(text) and not (respaced := respaced and glued_to_capital(text)):
            verdict = SKIP  # a brand (`iPhone`), not a preposition glued to a capitalized word (`diJakarta`)
        elif spaced or respaced:
            fix = spaced or respaced or ""
            fix = self._parts_standard(fix, text) if chained else fix
            verdict = Verdict(SPACING, fix, self._standard_share(low, fix))
        elif bound := hyphenated_bound(d, text, self._bound_base):
            if bound == text.replace("-", ""):  # `non-bendaharawan`: only the hyphen is wrong
                verdict = Verdict(SPACING, bound, self._standard_share(low, bound))
            else:  # `non-interfensi`: a slip in the base besides
                verdict = Verdict(TYPO, bound, rule_confidence(TYPO))
        elif prefixed := self._hyphenated_prefix(text):
            verdict = Verdict(SPACING, prefixed, self._standard_share(low, prefixed))
        elif low in d.baku:
            verdict = Verdict(NONSTANDARD, d.baku[low], self._standard_share(low, d.baku[low]))
        elif ending := self._standard_ending(low):
            verdict = Verdict(NONSTANDARD, ending, self._standard_share(low, ending))
        elif kk := doubled_k(d, low):
            verdict = Verdict(TYPO, kk, rule_confidence(TYPO))
        elif kk := seam_k(d, low):  # `dilaukan` is `dilakukan` mistyped, not di- + `lauk` + -kan
            verdict = SUSPECT if model and self._outweighed(low, kk) else Verdict(TYPO, kk, rule_confidence(TYPO))
        elif one_k := peN_kan(d, low):
            verdict = Verdict(TYPO, one_k, self._standard_share(low, one_k))
        elif low in d.foreign:
            verdict = KNOWN
        elif slip := self._gemination_slip(low):
            verdict = Verdict(TYPO, slip, self._standard_share(low, slip))
        else:
            # a KPST slip of a known root is one even when the corpus lacks the word (`mengkonsolidasi`; not a
            # reduplication, whose copy news melts either way: `pengkotak-kotakan`)
            kpst = low.startswith(KPST_PREFIXES) and "-" not in low
            standard = self.standard_form(low) if kpst or self.is_known(low) else None
            if standard and standard != low and chained:
                standard = self._fix_standard(standard)  # `mengkordinasikan`: the fix in its own standard form
            if standard and standard != low and model and kpst and self._outweighed(low, standard):
                verdict = SUSPECT  # `mengkuti`: a slip of `mengikuti` the rule reads as `menguti`
            elif standard and standard != low:
                verdict = Verdict(NONSTANDARD, standard, self._standard_share(low, standard))
            elif len(low) < MIN_LENGTH or (_capitalized(text) and len(low) < self._min_name_length(low)):
                verdict = SKIP  # abbreviations (`yg`, `Kec`, `Dra`) and short names
            elif low in d.baku_standards:
                verdict = KNOWN  # a standard form baku.tsv recommends (`duha`, `kalbu`), however seldom news writes it
            elif d.count(low) >= self._plain_count:
                verdict = KNOWN
            elif not d.count(low) and not _capitalized(text) and (run_on := self._unseen_run_on(low)):
                run_on = self._parts_standard(run_on, text) if chained else run_on
                verdict = Verdict(SPACING, run_on, self._standard_share(low, run_on))
            elif not d.count(low) and not _capitalized(text) and not self.is_known(low):
                verdict = SUSPECT  # a new lowercase word that is not well formed: only its context can clear it
            elif not model:
                verdict = KNOWN
            else:
                # a listed lowercase word that nothing but its count says is a word, and whose count is partly slips
                # of a far more frequent word (`signfikan`, 5 beside `signifikan` 553), is plainly fine alone, yet
                # its neighbours may say it is the slip
                lowercase = text == text.lower()
                doubted = lowercase and self._unexplained(low) and self._prior(low, False).genuine < 1.0 - FLAG_SHARE
                plain = not doubted and self._written_share(text) >= PLAIN_SHARE
                verdict = KNOWN if (plain and not self._doubted_stem(text)) or self._owned_name(text) else SUSPECT
        return verdict

    def _word_besides_acronym(self, low: str) -> bool:
        """The (lowercase) word is a word of its own besides an acronym: a root of the lexicon (`sop`), English
        (`who`, short English words too) or foreign."""
        d = self.dictionary
        return low in d.roots or low in d.english or low in d.foreign or low in self._short_english

    def _shouted_verdict(self, text: str) -> Verdict:
        """The verdict of an all-caps word of an acronym's length (`speller.tokenize.is_acronym`): an acronym (SKIP),
        unless news writes its lowercase form neither as a name nor as an acronym (`spacing.is_name_head`) and
        baku.tsv lists it (`IJIN` -> `IZIN`, `CABE`, `JAMAN`): that finding, which `_check_token` reports only among
        capitals (a headline, `_among_capitals`)."""
        low = fold(text)
        d = self.dictionary
        if not low.isalpha() or low not in d.baku or is_name_head(d, low):
            return SKIP
        return Verdict(NONSTANDARD, d.baku[low], self._standard_share(low, d.baku[low]))

    @staticmethod
    def _among_capitals(source: str, tokens: list[Token], i: int) -> bool:
        """The word at i stands among all-caps words: a word next to it with only spaces between, and every such
        word in capitals (`HARGA CABE NAIK`; not `Warga minta IJIN`, nor `IJIN` alone on its line)."""
        beside = [w for w in (_spaced_word(source, tokens, i, i - 1), _spaced_word(source, tokens, i, i + 1)) if w]
        return bool(beside) and all(w.text.isupper() for w in beside)

    def _fix_standard(self, fix: str) -> str:
        """A rule's `fix` in its own standard form, one step (`mengordinasikan` -> `mengoordinasikan`): its rule
        verdict's fix, taken as it stands, whatever model or table."""
        if " " in fix:
            return fix
        verdict = self._computed_verdict(fix, model=False, chained=False)
        return verdict.replacement if verdict.kind in (SPACING, NONSTANDARD, TYPO) else fix

    def _parts_standard(self, fix: str, written: str) -> str:
        """A spacing fix of the word `written` with each of its words in its own standard form (`_fix_standard`):
        `di provinsi` for `dipropinsi`, as `fix` writes it in two rounds, so that the suggestion is the text `fix`
        leaves. A word is read in the case `written` gives it, as `fix` leaves it: `di sisi-Nya` for `disisi-Nya`
        (the divine `-Nya` is no clitic to join, as `sisi-nya` is)."""
        if " " not in fix:
            return fix
        parts = fix.split(" ")
        cased = match_case(written, fix).split(" ")
        if len(cased) != len(parts):
            cased = parts
        return " ".join(p if (std := self._fix_standard(c)) == c else std for p, c in zip(parts, cased, strict=True))

    def _outweighed(self, low: str, fix: str) -> bool:
        """A rule's `fix` of the (lowercase) word `low` that the corpus never writes loses to a typo candidate: weighed
        as one more candidate of the model (at its corpus count, as any candidate), another takes at least
        FIX_CONFIDENCE of the posterior (`mengkuti`: `mengikuti`, not `menguti`), no more edits from the word than the
        fix. The word is then the model's to judge in its context."""
        if self.dictionary.count(fix):
            return False
        rivals = self._rivals(low)
        if not rivals:
            return False

        prior = self._prior(low, False)
        decision = decide(self.dictionary, low, prior, [*rivals, fix], None, None)
        best = decision.best
        if best is None or best == fix or decision.confidence < FIX_CONFIDENCE:
            return False
        # a rival further from what was written than the fix is only more frequent (`mensalatkan`: `mendapatkan`)
        reach = len(low) + len(fix)
        return damerau_osa.distance(low, best, reach) <= damerau_osa.distance(low, fix, reach)

    def _case_slip(self, text: str) -> str | None:
        """`Diketahui` for `DIketahui`: two capitals, then only lowercase letters, where the word with one capital is a
        listed lowercase word (the shift key held a letter too long). Acronyms (`DKI`), acronyms with a clitic
        written on (`PDIPnya` has three capitals) and mixed-case brands (`iPhone`, `McDonald`) are not of this shape."""
        if len(text) < MIN_LENGTH + 2 or not (text[:2].isupper() and text[2:].isalpha() and text[2:].islower()):
            return None
        low = fold(text)
        if self.dictionary.count(low) < self._plain_count or not self._indonesian(low):
            return None
        return text[0] + text[1:].lower()

    def _pair_findings(self, runs: Mapping[str, list[int]]) -> list[Finding]:
        """Nonstandard and capitalization findings on the two words of a pair written with a hyphen or a slash
        (`jakarta-bogor`, `nopember-desember`, `teori/praktek`), given each run and where it stands, each word judged
        as alone (`_verdict`). A reduplication (one word inside the other: `rumah-rumah`, `saut-sautan`; it has rules
        of its own) is no pair, nor is a hyphenated word with a verdict of its own (`rumah-nya`). A name in lowercase
        is one only beside another name: one in lowercase too (`jakarta-bogor`) or a capitalized one after it
        (`indonesia-Malaysia`); not after a capitalized one (a given name's syllables: `Hong-joong`, `Hee-chan`) nor
        beside a word (`pre-university`). A month or a day is a name anywhere (`November-desember`)."""
        found = []
        for run, ats in runs.items():
            if (parts := _pair_of(run)) is None:
                continue
            pair = parts[0]
            if pair[2] == "-" and self._verdict(run) not in (KNOWN, SKIP):
                continue
            verdicts = [self._verdicts.get(part) or self._verdict(part) for part in (pair[1], pair[3])]
            for k, verdict in zip((1, 3), verdicts, strict=True):
                part = pair[k]
                if verdict.kind not in (NONSTANDARD, CAPITALIZATION):
                    continue
                if verdict.kind == CAPITALIZATION and fold(part) not in self.dictionary.calendar_names:
                    other = verdicts[k == 1]
                    named = other.kind in (CAPITALIZATION, NONSTANDARD) and other.replacement[:1].isupper()
                    if not named and not (k == 1 and pair[3][:1].isupper()):
                        continue
                fix = match_case if verdict.kind == NONSTANDARD else self._cased
                start, end, suggestion = pair.start(k), pair.end(k), fix(part, verdict.replacement)
                found += [Finding(at + start, at + end, [suggestion], verdict.kind, verdict.confidence) for at in ats]
        return found

    def _side_findings(self, text: str, runs: Mapping[str, list[int]]) -> list[Finding]:
        """Typo findings on a side of a pair of capitalized words written with a hyphen or a slash
        (`Prabowo-Gibrna`, `Jakarta/Bandugn`) or of a capitalized word and its clitic (`Jokwi-nya`), given each run
        and where it stands: a side that is not plainly fine alone (`_verdict`) is judged as `_check_token` judges a
        word standing there alone, the hyphen or slash no space (so nothing across it is its neighbour). A
        reduplication (`Rumah-rumah`) is no pair, nor is a foreign particle and its name (`Al-Jabbar`)."""
        found: list[Finding] = []
        for run, ats in runs.items():
            if (parts := _pair_of(run)) is None:
                continue
            pair, first, second = parts
            clitic = pair[2] == "-" and second in CLITICS
            sides = (1,) if clitic else (1, 3)
            if not all(pair[k][:1].isupper() and pair[k][1:].islower() for k in sides):
                continue  # `ke-Indonesiaan`, `Hong-joong`, `KPK-nya`: no two names, nor a name and its clitic
            if first in self._foreign_particles or second in self._foreign_particles:
                continue  # `Al-Jabbar`: a name of a foreign phrase (dictionaries/foreign_particles.txt)
            for k in sides:
                side = pair[k]
                verdict = self._verdicts.get(side) or self._verdict(side)
                if verdict is SUSPECT or verdict.kind == TYPO:
                    spans = [pair.span(1), pair.span(3)]
                    found += filter(None, (self._side_finding(text, at, spans, k == 3) for at in ats))
        return found + self._slashed_findings(text, runs)

    def _slashed_findings(self, text: str, runs: Mapping[str, list[int]]) -> list[Finding]:
        """Typo findings on a lowercase side of words written with slashes between them (`kabupaten/kofa`,
        `bqapak/ibu`) or of a unit after a number and a slash (`Rp 18.300/litesr`), given each run and where it
        stands: a side that is not plainly fine alone (`_verdict`) is judged as `_side_finding` judges it. A run
        touching a path's or a handle's marks (`_PATH_MARKS`: `~/data/berkas`) or that the tokenizer reads as no
        slashed token (a URL, an e-mail, a Windows path) is left alone; a side shorter than MIN_SLASHED_SIDE is an
        abbreviation or initials (`s/d`, `a/n`, `(rul/imk)`), and a listed one (`km/jam`, `dan/atau`, `and/or`) is
        fine alone."""
        found: list[Finding] = []
        for run, ats in runs.items():
            if _SLASHED.fullmatch(run) is None:
                continue
            ats = [at for at in ats if not _in_path(text, at, at + len(run))]
            spans = [m.span() for m in _SLASHED_SIDE.finditer(run)]
            for k, (start, end) in enumerate(spans):
                side = run[start:end]
                if len(side) < MIN_SLASHED_SIDE or not (side.isalpha() and side.islower()):
                    continue
                verdict = self._verdicts.get(side) or self._verdict(side)
                if verdict is SUSPECT or verdict.kind == TYPO:
                    found += filter(None, (self._side_finding(text, at, spans, k) for at in ats))
        return found

    def _side_finding(self, text: str, at: int, spans: Sequence[tuple[int, int]], k: int) -> Finding | None:
        """`_check_token`'s typo finding on side `k` of the run standing at `at` of `text` whose sides (words, or a
        number) stand at `spans` of it, its sides taken for tokens of their own among the tokens around it; None when
        it finds none on that side alone, or when the tokenizer reads the run as no word or slashed token (a URL)."""
        length = spans[-1][1]
        begin, end = max(0, at - CONTEXT_CHARS), min(len(text), at + length + CONTEXT_CHARS)
        tokens = list(tokenize(text, begin, end))
        i = next((j for j, tok in enumerate(tokens) if tok.start == at and tok.end == at + length), None)
        if i is None or tokens[i].kind not in (WORD, OTHER, NUMBER):
            return None
        opens = tokens[i].sentence_start
        sides = []
        for j, (s, e) in enumerate(spans):
            part = text[at + s : at + e]
            sides.append(Token(part, at + s, at + e, WORD if part.isalpha() else NUMBER, opens and not j))
        tokens[i : i + 1] = sides
        finding = self._check_token(text, tokens, i + k)
        side = sides[k]
        if finding is None or finding.category != TYPO or (finding.start, finding.end) != (side.start, side.end):
            return None
        return finding

    @staticmethod
    def _clitic_split(text: str) -> tuple[str, str] | None:
        """A capitalized word read as a stem and a clitic glued to it (`Jakartanya`: `Jakarta` + `nya`; CLITICS), the
        stem at least MIN_LENGTH letters; None for a word of another shape."""
        if not (_capitalized(text) and text[1:].islower() and text.isalpha()):
            return None
        low = fold(text)
        clitic = next((c for c in CLITICS if low.endswith(c) and len(low) - len(c) >= MIN_LENGTH), None)
        return None if clitic is None else (text[: -len(clitic)], clitic)

    def _doubted_stem(self, text: str) -> bool:
        """The capitalized word, which no list has, is a stem and a clitic (`_clitic_split`) whose stem is not plainly
        fine alone (`Jakrtanya`, `Prabwonya`): its neighbours may say the stem is a name's slip (`_glued_finding`). A
        listed word (`Alhamdulillah`, `Sepuasnya`) is one news writes whole."""
        split = self._clitic_split(text)
        if split is None or self.dictionary.count(fold(text)):
            return False
        return (self._verdicts.get(split[0]) or self._verdict(split[0])) is SUSPECT

    def _owned_name(self, text: str) -> bool:
        """The capitalized word is a listed name, plainly fine alone, with a possessive clitic glued on (`Jakartamu`,
        `Indonesiaku`: POSSESSIVES): a name the writer owns, no slip of the name. Not `-lah` and `-kah`, which end names
        of their own (`Abdullah`, `Fatahillah`)."""
        split = self._clitic_split(text)
        if split is None or split[1] not in POSSESSIVES or fold(split[0]) not in self.dictionary.names:
            return False
        return (self._verdicts.get(split[0]) or self._verdict(split[0])) is KNOWN

    def _glued_finding(self, source: str, tokens: list[Token], i: int, split: tuple[str, str]) -> Finding | None:
        """The typo finding on a capitalized word with a glued clitic (`_clitic_split`) whose stem `_check_token` flags
        as a slip of a listed name where the word stands, the clitic taken for a token of its own as in `Jokwi-nya`
        (`_side_finding`): the whole word, each of the stem's suggestions with the clitic (`Jakrtanya` ->
        `Jakartanya`), at the stem's confidence; None when the word has no such stem. `split`: the word's
        `_clitic_split`."""
        tok = tokens[i]
        stem, clitic = split
        seam = tok.start + len(stem)
        sides = [Token(stem, tok.start, seam, WORD, tok.sentence_start), Token(clitic, seam, tok.end, WORD, False)]
        finding = self._check_token(source, [*tokens[:i], *sides, *tokens[i + 1 :]], i)
        if finding is None or finding.category != TYPO or (finding.start, finding.end) != (tok.start, seam):
            return None
        if fold(finding.suggestions[0]) not in self.dictionary.names:
            return None  # `Sayanganya`: the stem's slip is a word's, which the whole word's own reading weighs
        return finding._replace(end=tok.end, suggestions=[s + clitic for s in finding.suggestions], clitic=clitic)

    def _missing_spaces(self, text: str, runs: Mapping[str, list[int]]) -> list[Finding]:
        """Findings for the spaces missing after punctuation or beside a number (`speller.missing_space`): the word
        after the gap as its own finding would write it (`2025.DIketahui` -> `2025. Diketahui`), at the share of such
        findings that were real in a sample of the build corpus."""
        rules = self._missing_space
        found = []
        for glued in rules.missing_spaces(text, runs, self._listed_or_formed, self._plain_word):
            parts = [self._own_fix(part) for part in glued.parts]
            share = rules.PUNCTUATION_SHARE if any(p[0] in rules.MARKS for p in parts) else rules.NUMBER_SHARE
            found.append(Finding(glued.start, glued.end, [" ".join(parts)], SPACING, share))
        return found

    @cached_property
    def _missing_space(self) -> ModuleType:
        """`speller.missing_space`, imported at the first check (it reads its table when imported)."""
        from . import missing_space  # noqa: PLC0415 - lazy: the command line starts without it

        return missing_space

    def _own_fix(self, part: str) -> str:
        """A word as its own finding would write it (`Diketahui` for `DIketahui`), else `part` as it stands."""
        if not part.isalpha():
            return part
        verdict = self._verdict(part)
        if verdict.kind in (TYPO, NONSTANDARD) and " " not in verdict.replacement:
            return self._cased(part, verdict.replacement)
        return part

    def _listed_or_formed(self, low: str) -> bool:
        """A (lowercase) word the dictionary lists or the morphology forms, names included."""
        d = self.dictionary
        return low in d.counts or low in d.roots or self.morphology.is_valid(low)

    def _plain_word(self, low: str) -> bool:
        """A (lowercase) word news writes as a plain Indonesian word: a root, or listed, not a name, not English."""
        d = self.dictionary
        if low in d.english:
            return False
        return low in d.roots or (d.count(low) > 0 and not is_name(d.count(low), d.lower_count(low)))

    def _unseen_run_on(self, low: str) -> str | None:
        """`sama mulai` for `samamulai` (`speller.spacing.unseen_run_on`): a new lowercase word, not well formed, not
        English or foreign, with no listed word one edit away (a slip of which it would more likely be)."""
        d = self.dictionary
        if low in d.english or low in d.foreign or low in self.extra_words:
            return None
        run_on = unseen_run_on(d, low)
        if run_on is None or self.is_known(low):
            return None
        return None if any(dist <= 1 and " " not in c for c, dist in self._candidates(low)) else run_on

    def _ruled(self, word: str) -> bool:
        """True when a rule, not the model, finds the word a typo by itself (its verdict is a typo finding)."""
        return (self._verdicts.get(word) or self._verdict(word)).kind == TYPO

    def _gemination_slip(self, low: str) -> str | None:
        """`alhamdulillah` for `alhamdulilah`, `mengganggu` for `menganggu`: a listed word that news writes far less
        often than its form with one letter doubled or undoubled (`speller.spacing.geminate_rival`), which its count
        alone would protect. Not a root, a derivation of another word (`temanya`, `mengenakkan`), an English word
        (`stress`), or a name (never written in lowercase: `abdurahman`), nor a slip for a name (`muhamad`)."""
        rival = geminate_rival(self.dictionary, low)
        if rival is None:
            return None
        d = self.dictionary
        if (
            low in d.roots
            or low in d.english
            or not d.lower_count(low)
            or is_name(d.count(rival), d.lower_count(rival))
        ):
            return None
        if any(a.prefixes or a.suffixes or a.root != low for a in self.morphology.analyses(low)):
            return None
        return rival

    def _hyphenated_prefix(self, text: str) -> str | None:
        """`beribu` for `ber-ibu`, `ketiga` for `ke-tiga`, `per hari` for `per-hari`: a prefix takes a hyphen only
        before a capital, a number or a foreign word (EYD V: `di-PHK`, `ke-2`, `di-upload`), so before a lowercase
        Indonesian word (a KBBI root, or one news writes joined) it is joined to it, or written apart when it is a
        preposition glued to it."""
        head, sep, rest = text.partition("-")
        if not sep or not rest.isalpha() or not rest.islower() or not head.islower() or len(rest) < MIN_LENGTH:
            return None

        if not any(head in surfaces for surfaces in PREFIX_SURFACES.values()) or not self._indonesian(rest):
            return None
        d, joined = self.dictionary, head + rest
        if rest not in d.roots and not d.count(joined):
            return None  # a foreign word the corpus lists (`mem-fuchsia`)
        if d.count(text) * HYPHENATED_RATIO >= d.count(joined) and d.count(text):
            return None  # a form news writes hyphenated about as often (`se-kabupaten`)
        return glued_preposition(self.dictionary, joined) or (joined if self.is_known(joined) else None)

    def _bound_base(self, rest: str) -> str | None:
        """The word after a bound form's hyphen as it should be written (`bendaharawan`; `intervensi` for
        `interfensi`), or None when it is English or foreign (`non-performing`)."""
        d = self.dictionary
        if self._indonesian(rest):
            return rest
        if rest in d.english or rest in d.foreign:
            return None
        fixed = self._intended(rest, last=False)  # its confident fix, else itself (`bendaharawan`, unlisted)
        return None if " " in fixed else fixed

    def _opens_title_slip(self, low: str, right: str | None) -> bool:
        """The (lowercase) word before the capitalized word `right` is one slip from a word that is no name and opens
        a title there (`opens_title`: `Badn Pusat` badan, `Dewn Pengawas` dewan): the corpus writes that word
        capitalized before `right` far more than chance, so a short capital there may be its slip, not only a name."""
        d = self.dictionary
        return right is not None and any(
            c not in d.names and opens_title(d, c, right) for c in self._one_edit_rivals(low)
        )

    def _completes_name_pair(self, low: str, left: str | None, right: str | None) -> bool:
        """A one-edit rival of the (lowercase) word makes with the capitalized word `left` before it, or `right` after
        it, a pair the corpus writes far more than chance (`opens_title`: `Jawa Timr` timur, `Jaww Tengah` jawa)."""
        d = self.dictionary
        return any(
            (left is not None and opens_title(d, left, c)) or (right is not None and opens_title(d, c, right))
            for c in self._one_edit_rivals(low)
        )

    def _one_edit_rivals(self, low: str) -> Iterator[str]:
        """The rivals of the (lowercase) word (`_rivals`) that are one word, one edit from it."""
        return (c for c in self._rivals(low, False) if " " not in c and damerau_osa.distance(low, c, 1) == 1)

    def _opening_prior(self, prior: Prior, low: str, capitalized: bool, named_next: bool | None) -> Prior:
        """The prior of a word the corpus never shows but the morphology builds (`Prior.formed`), opening a sentence
        before a word: the opening is a side its bigrams never saw it on too, and costs it what each neighbour does
        (`LOG_UNSEEN_CONTEXT`), so `Mahasisa itu` weighs as `para mahasisa itu` does. A capitalized one that a new
        name would then outweigh (`Franki Raden`, `Arkani yakin`) keeps its prior: read as a new name at a sentence
        start, it would be weighed against words two edits away (`akan`), where its derivation's reading shields it."""
        log_p = prior.log_p + CONTEXT_WEIGHT * LOG_UNSEEN_CONTEXT
        if capitalized and new_name_prior(self._name_shape, low, True, False, named_next) >= log_p:
            return prior
        return prior._replace(log_p=log_p)

    def _titles(self, cand: str, right: str | None) -> bool:
        """The (lowercase) name `cand` is a title word before `right`, not a person's or a place's name: the corpus
        writes it in lowercase too (it is no proper name: `bupati` 17%, `kementerian` 14%) and writes it before `right`
        far more than chance (`opens_title`: `bupati bogor`). A new name beside it gains nothing from its neighbours, as
        it would beside a name (`Bupat Bogor` is `Bupati`, not a name like `Bupati`)."""
        d = self.dictionary
        return right is not None and cand not in d.proper and opens_title(d, cand, right)

    def _names_a_name(self, suggestion: str) -> bool:
        """A capitalized suggestion is a name: the dictionary lists it as one, or does not list it (a name the text
        writes), not a common word capitalized where it stands."""
        low = fold(suggestion)
        return low in self.dictionary.names or not self.dictionary.count(low)

    def _min_name_length(self, low: str) -> int:
        """The shortest capitalized (lowercase) word weighed at all: an unlisted one may be weighed where it stands
        (`MIN_ALONE_NAME_LENGTH`; from MIN_LENGTH before a title's word), a listed one only from MIN_NAME_LENGTH."""
        return MIN_NAME_LENGTH if self.dictionary.count(low) else MIN_LENGTH

    def _standard_share(self, written: str, standard: str) -> float:
        """The raw confidence of a rule finding: how often the corpus writes the (lowercase) standard form, as a
        share of both forms, each pulled toward one half by one use (a word's count, a two-word form's bigram)."""
        usage = self._usage(standard)
        return round(shrunk(usage, usage + self._usage(written)), 3)

    def _usage(self, form: str) -> int:
        """How often the corpus writes a one- or two-word lowercase form (0 for longer ones)."""
        words = fold(form).split(" ")
        if len(words) == 1:
            return self.dictionary.count(words[0])
        return self.dictionary.bigram(words[0], words[1]) if len(words) == 2 else 0

    def _english_stretch(self, source: str, tokens: list[Token], i: int) -> bool:
        """The word at i and one of its near word neighbours in its paragraph (`_word_neighbours`), another word and no
        name, are English (`The deal was signed`; not `Jakarta dan jakarta`, where the English list's `jakarta` would
        vouch for itself)."""
        english, short, roots = self.dictionary.english, self._short_english, self.dictionary.roots
        own = fold(tokens[i].text)
        if own not in english and own not in short:
            return False
        for tok in _word_neighbours(source, tokens, i, ENGLISH_REACH):
            low = fold(tok.text)
            if tok.text[:1].isupper() and not tok.sentence_start:
                continue  # a capitalized word inside a sentence is a name's (`jakarta, IDN Times`), not English
            if (low in english or low in short) and low not in roots and low != own and not is_all_caps(tok.text):
                return True
        return False

    def _left_alone(self, source: str, tokens: list[Token], i: int) -> bool:
        """The word at i stands in English, in a foreign phrase or among foreign-lettered words: not ours to judge."""
        return (
            self._english_stretch(source, tokens, i)
            or self._foreign_phrase(source, tokens, i)
            or self._lettered_stretch(source, tokens, i)
            or self._name_particle(source, tokens, i)
        )

    def _kind_name(self, source: str, tokens: list[Token], i: int) -> bool:
        """The word at i is the place of a pair naming a kind (`Dictionary.kind_names`: `kacang bogor`), the kind right
        before it with only spaces between."""
        before = _spaced_word(source, tokens, i, i - 1)
        return before is not None and f"{fold(before.text)} {fold(tokens[i].text)}" in self.dictionary.kind_names

    def _name_particle(self, source: str, tokens: list[Token], i: int) -> bool:
        """The word at i joins two names, written in lowercase between two capitalized words with only spaces between
        (`Dictionary.name_particles`: `Tiurma boru Simanjuntak`, `Salman bin Abdulaziz`)."""
        word = tokens[i].text
        if not word.islower() or word not in self.dictionary.name_particles:
            return False
        before, after = _spaced_word(source, tokens, i, i - 1), _spaced_word(source, tokens, i, i + 1)
        return before is not None and after is not None and _capitalized(before.text) and _capitalized(after.text)

    @staticmethod
    def _lettered_stretch(source: str, tokens: list[Token], i: int) -> bool:
        """The word at i stands among words spelt with letters Indonesian does not use: at least MIN_LETTERED of it and
        its LETTERED_REACH word neighbours on each side in its paragraph (`_word_neighbours`) hold a letter outside a-z
        (but QUOTE_MOJIBAKE), as a passage transliterated from Arabic does (`kullu nafsim mā kasabat`, or `tuwaffÄ
        kullu` with its accents broken)."""
        lettered = int(_foreign_lettered(tokens[i].text))
        lettered += sum(_foreign_lettered(tok.text) for tok in _word_neighbours(source, tokens, i, LETTERED_REACH))
        return lettered >= MIN_LETTERED

    def _foreign_phrase(self, source: str, tokens: list[Token], i: int) -> bool:
        """The word at i is a foreign particle (dictionaries/foreign_particles.txt) or stands right beside one, only
        spaces between them: part of a foreign phrase or name (`de jure`, `Generale de`, `Abdullah ibn Saiyid`)."""
        particles = self._foreign_particles
        if fold(tokens[i].text) in particles:
            return True
        beside = (_spaced_word(source, tokens, i, j) for j in (i - 1, i + 1))
        return any(tok is not None and fold(tok.text) in particles for tok in beside)

    @cached_property
    def _foreign_particles(self) -> frozenset[str]:
        """Function words of foreign phrases and names (dictionaries/foreign_particles.txt)."""
        return self.dictionary._word_set("foreign_particles.txt")

    @cached_property
    def _plain_count(self) -> float:
        """See `speller.model.plain_count`."""
        from .model import plain_count  # noqa: PLC0415

        return plain_count(self.dictionary)

    @cached_property
    def _trigrams(self) -> Set[str]:
        """See `speller.model.trigrams` (read or made on the first new lowercase word)."""
        from .model import trigrams  # noqa: PLC0415

        return trigrams(self.dictionary)

    @cached_property
    def _short_english(self) -> frozenset[str]:
        """Short English words (dictionaries/english_short.txt), which english.txt leaves out."""
        return self.dictionary._word_set("english_short.txt")

    def _check_token(self, source: str, tokens: list[Token], i: int) -> Finding | None:
        tok = tokens[i]
        text = tok.text
        verdict = self._verdicts.get(text) or self._verdict(text)
        if verdict is SKIP:
            return None
        if verdict is KNOWN and (REAL_WORD not in self.categories or fold(text) in self.extra_words):
            return None  # an accepted word is never second-guessed, by its neighbours either
        if self._left_alone(source, tokens, i):
            return None
        if verdict.kind == CAPITALIZATION and in_handle(source, tok.start, tok.end):
            return None  # `tanggal_januari`, `C:\\data\\jakarta`: a name's case is its own
        if verdict.kind == CAPITALIZATION and self._kind_name(source, tokens, i):
            return None  # `kacang bogor`: a place naming a kind is written in lowercase (EYD V)
        if verdict.kind == NONSTANDARD and is_acronym(text) and not self._among_capitals(source, tokens, i):
            return None  # `Warga minta IJIN`: an all-caps word of an acronym's length outside a headline is one
        if verdict.kind in (SPACING, NONSTANDARD, TYPO, CAPITALIZATION):
            # a standard form and a compound the table writes apart are common words, cased as written (`indera` ->
            # `indra`, not the name `Indra`; `baratdaya` -> `barat daya`, though `barat` heads names: Jawa Barat)
            common = verdict.kind == NONSTANDARD or verdict.replacement == self.dictionary.compounds.get(fold(text))
            cased = match_case if common else self._cased
            start, end, fixes = self._absorbed(source, tokens, i, [cased(text, verdict.replacement)])
            return Finding(start, end, fixes, verdict.kind, verdict.confidence)
        if verdict is KNOWN and _capitalized(text):
            return None  # a capitalized word is not second-guessed by its neighbours
        if verdict is SUSPECT and (split := self._clitic_split(text)) is not None and self._doubted_stem(text):
            # `Jakrtanya`: the name's slip, its clitic kept; a word plainly fine alone but for its stem weighed so only
            own = None if self._written_share(text) >= PLAIN_SHARE else self._weighed_token(source, tokens, i, verdict)
            if own is not None and fold(own.suggestions[0]).endswith(split[1]):
                return own  # `Eekolah` -> `Sekolah`, not the name `Eko`'s slip
            return self._glued_finding(source, tokens, i, split) or own  # `Surabyanya` -> `Surabayanya`, not `Surabaya`
        return self._weighed_token(source, tokens, i, verdict)

    def _weighed_token(self, source: str, tokens: list[Token], i: int, verdict: Verdict) -> Finding | None:
        """The model's finding on word token i (whose verdict alone is `verdict`: known or suspect) weighed among its
        neighbours, or None when it keeps the word."""
        tok = tokens[i]
        text = tok.text
        before = tokens[i - 1] if i > 0 and tokens[i - 1].kind == WORD else None
        titled = before is not None and _capitalized(before.text)
        right = self._neighbour(source, tokens, i, i + 1)
        named_next = None if right is None or not _capitalized(text) else _capitalized(tokens[i + 1].text)
        alone = not tok.sentence_start and not titled and named_next is False
        dated = _capitalized(text) and _dated(source, tokens, i)
        if _capitalized(text) and len(low := fold(text)) < MIN_NAME_LENGTH:
            alone = (alone or dated) and len(low) >= MIN_ALONE_NAME_LENGTH  # a month's place is no name's (`Jnui`)
            before_name = self._neighbour(source, tokens, i, i - 1) if titled else None
            after_name = right if named_next else None
            if not (
                alone
                or (named_next and self._opens_title_slip(low, right))
                or (len(low) >= MIN_ALONE_NAME_LENGTH and self._completes_name_pair(low, before_name, after_name))
            ):
                return None  # a short capitalized word is weighed only alone, or as a title's or a known pair's slip
        key = (text, self._neighbour(source, tokens, i, i - 1), right, tok.sentence_start, titled, named_next, dated)
        decision = self._decided(key)
        if decision.written >= FLAG_SHARE or not decision.ranked:
            return None
        next_capitalized = None if right is None else _capitalized(tokens[i + 1].text)
        decision = self._meant(key, decision, next_capitalized)
        offers = self._offers(decision.ranked)
        suggestions = list(dict.fromkeys(self._cased(text, self._standard(c), tok.sentence_start) for c in offers))
        suggestions = [s for s in suggestions if s != text]  # `hisap` written in its standard form is `isap` again
        if not suggestions:
            return None
        start, end, suggestions = self._absorbed(source, tokens, i, suggestions)
        low = fold(text)
        if self._real_word(verdict, low):
            category = REAL_WORD  # a genuine word of the corpus, wrong only here
        else:
            category = SPACING if " " in decision.ranked[0][0] else TYPO
        pooled = text == text.lower() and decision.written < POOLED_SHARE
        confidence = self._flag_confidence(decision, pooled)
        share = round(decision.suggested, CONFIDENCE_PLACES) if pooled else confidence
        return Finding(start, end, suggestions, category, confidence, share if share != confidence else None)

    def _decided(self, key: _Place) -> Decision:
        """`_decide` of the word in the place `key` (text, left, right, opens, titled, named_next, dated), decided
        once per form and neighbours; a capitalized word inside a sentence against SymSpell's candidates only."""
        decision = self._decisions.get(key)
        if decision is None:
            decision = self._decide(*key, full=key[3] or not _capitalized(key[0]))
            if len(self._decisions) > DECISION_MEMO_SIZE:
                self._decisions.clear()
            self._decisions[key] = decision
        return decision

    def _real_word(self, verdict: Verdict, low: str) -> bool:
        """A flag on the (lowercase) word with this verdict is a real-word error: the word is plainly fine alone, or
        listed with a count the prior holds genuine (not partly slips of a far more frequent word)."""
        return verdict is KNOWN or bool(
            self.dictionary.count(low) and self._prior(low, False).genuine >= 1.0 - FLAG_SHARE
        )

    def _slip_in_place(self, cand: str, key: _Place, next_capitalized: bool | None = None) -> str | None:
        """The word the checker would flag `cand` as a typo of, written (in the case the place gives it) where the word
        of `key` stands (`_decided`): a listed corpus slip (`mejadi` 11 beside menjadi, its count all slips of
        menjadi by the written word's prior, `speller.model.listed_slips`) or any other word that may be offered
        (`_offerable`: listed, a root, a word of the project: `kanya`, a root the corpus never writes) the model doubts
        there; None when it would not be flagged there as a typo. An unlisted derivation is not asked: it is offered
        only first. `next_capitalized`: the word after the place is capitalized (True) or lowercase (False), which
        `check` weighs a capitalized word by (`named_next`), so a name offered for a lowercase slip is asked as `check`
        would ask it written there (`yang semiin dan`: `Semin` before lowercase `dan`)."""
        if " " in cand or (cand not in self.dictionary.counts and not self._offerable(cand)):
            return None
        text, left, right, opens, titled, named_next, dated = key
        written = self._cased(text, cand, opens)
        verdict = self._verdicts.get(written) or self._verdict(written)
        if verdict is not SUSPECT:
            return None  # plainly fine, skipped, or a rule's (the offer is written in its standard form: `_standard`)
        if named_next is None and _capitalized(written):
            named_next = next_capitalized
        decision = self._decided((written, left, right, opens, titled, named_next, dated))
        if decision.written >= FLAG_SHARE or not decision.ranked or self._real_word(verdict, fold(written)):
            return None
        return decision.ranked[0][0]

    def _meant_word(self, cand: str, key: _Place, next_capitalized: bool | None = None) -> str | None:
        """The word `cand` is a slip of in the place `key` (`_slip_in_place`), followed while that word is itself one
        there (`perahsan`: perasan, a corpus slip of perasaan), or None when `cand` is none; a chain that comes back
        stops before it does."""
        meant = self._slip_in_place(cand, key, next_capitalized)
        seen = {cand}
        while meant is not None and meant not in seen:
            seen.add(meant)
            further = self._slip_in_place(meant, key, next_capitalized)
            if further is None or further in seen:
                break
            meant = further
        return meant

    def _meant(self, key: _Place, decision: Decision, next_capitalized: bool | None = None) -> Decision:
        """`decision` on the word in the place `key` with each candidate the checker would flag there as a slip of
        another word (`_slip_in_place`) read as that word: its share goes to that word, which stands at the better of
        their two places (`sepri`: seperti where seperi, its corpus slip, stood). Only candidates that may be shown are
        asked (`OFFER_SHARE` of the first's share or more, until `OFFERS` words `_offers` may show stand), so a
        `suggest` asks a few decisions more, not one per candidate. The written word's share, and so what is flagged,
        stays: only what is offered, in what order and how sure the first is, may change. `next_capitalized`: as
        `_slip_in_place` takes it."""
        low = fold(key[0])
        floor = OFFER_SHARE * decision.confidence
        shares: dict[str, float] = {}  # in the order of the places taken
        shown = 0  # places taken by words `_offers` may show (the first, then `_offerable` ones)
        moved = False
        for cand, share in decision.ranked:
            meant = self._meant_word(cand, key, next_capitalized) if share >= floor and shown < OFFERS else None
            if meant is not None:
                moved = True
                if meant == low:
                    continue  # a slip of the written word itself says nothing for another candidate
            word = cand if meant is None else meant
            if shown < OFFERS and word not in shares and (not shares or self._offerable(word)):
                shown += 1
            shares[word] = shares.get(word, 0.0) + share
        if not moved or not shares:
            return decision  # nothing to read otherwise (or nothing else to offer: the model's own list)
        return Decision(decision.written, tuple(shares.items()))

    @staticmethod
    def _flag_confidence(decision: Decision, pooled: bool) -> float:
        """The raw confidence of a flag from the model's posterior: the share of its best candidate or, `pooled` (see
        `speller.model.POOLED_SHARE`), that of its first suggestions (`Decision.suggested`: one of them was meant),
        yet below `FIX_CONFIDENCE` unless the best alone reaches it, so `fix` applies only a fix it is sure of
        (`andala`: andalan 0.44, adalah 0.42)."""
        best = round(decision.confidence, CONFIDENCE_PLACES)
        if not pooled:
            return best
        suggested = round(decision.suggested, CONFIDENCE_PLACES)
        return suggested if best >= FIX_CONFIDENCE else min(suggested, FIX_CONFIDENCE - 10**-CONFIDENCE_PLACES)

    def _absorbed(self, source: str, tokens: list[Token], i: int, fixes: list[str]) -> tuple[int, int, list[str]]:
        """The start, end and replacements of a finding on token i: when the best fix begins with the word just before
        (`di dirumah` -> `di rumah`) or ends with the word just after (`di-luar luar` -> `di luar`), the finding takes
        that word in, so the fix does not write it twice (nor leave a second `fix` a doubled word to mend)."""
        tok = tokens[i]
        start, end = tok.start, tok.end
        before = tokens[i - 1] if i > 0 else None
        if fixes and before is not None and before.kind == WORD and source[before.end : tok.start] == " ":
            head = fold(before.text) + " "
            if fixes[0].lower().startswith(head):
                start = before.start
                fixes = [
                    match_case(before.text, f) if f.lower().startswith(head) else f"{before.text} {f}" for f in fixes
                ]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if fixes and after is not None and after.kind == WORD and source[tok.end : after.start] == " ":
            tail = " " + fold(after.text)
            if " " in fixes[0] and fixes[0].lower().endswith(tail):
                end = after.end
                fixes = [f if f.lower().endswith(tail) else f"{f} {after.text}" for f in fixes]
        return start, end, fixes

    def _standard(self, candidate: str) -> str:
        """A candidate as it should be written: its own rule fix when it has one (`kesana` -> `ke sana`)."""
        if " " in candidate:
            return candidate
        verdict = self._verdicts.get(candidate)
        if verdict is None:  # only a rule verdict matters here: the model's weighing of the form is left out
            table = self._verdict_table
            tabled = table is not None and self._tabled(candidate)
            verdict = self._verdict(candidate) if tabled else self._computed_verdict(candidate, model=False)
        return verdict.replacement if verdict.kind in (SPACING, NONSTANDARD, TYPO) else candidate

    def _name_form(self, written: str) -> _NameForm | None:
        """What `_inconsistent_names` asks of a written form, by itself (cached per form): None unless it is shaped
        like a name (`MIN_NAME_LENGTH` letters or more, a capital and then lowercase)."""
        if written in self._name_forms:
            return self._name_forms[written]
        form = None
        if len(written) >= MIN_NAME_LENGTH and written[:1].isupper() and written[1:].islower():
            d = self.dictionary
            low = fold(written)  # as dictionaries store it: `Rofi’i` and `Rofi'i` are one name
            count = d.count(low)
            form = _NameForm(
                low,
                not count or d.lower_count(low) < MAJORITY_LOWER_SHARE * count,  # no `Senada`
                count >= self._plain_count,
                frozenset(_deletions(low, NAME_MAX_EDITS)),
            )
        _remember(self._name_forms, written, form)
        return form

    def _inconsistent_names(
        self, words: list[str], starts: list[int], counted: Counter[str] | None = None, places: _Places | None = None
    ) -> list[Finding]:
        """A capitalized word `NAME_MAX_EDITS` slips or fewer from a name written more often in the same text
        (`Hendarwan`; `words` and their `starts` as `speller.tokenize.word_scan` gives them; `counted`: the `Counter`
        of `words`, `places`: where they stand, when the caller has them)."""
        from collections import Counter  # noqa: PLC0415

        pairs = self._name_pairs(words, Counter(words) if counted is None else counted)
        return self._name_findings(words, starts, pairs, places)

    def _name_pairs(self, words: list[str], counted: Counter[str]) -> list[tuple[str, int, str, int]]:
        """(form, times, name, times) of each capitalized form of `words` (`counted`: their `Counter`) `NAME_MAX_EDITS`
        slips or fewer from a name the text writes more often: the pairs `_inconsistent_names` weighs. Found from the
        distinct forms and their counts alone, so `check` looks for where they stand in its first pass over the words.
        Slips rarely touch the first letter: the forms of each initial are paired among themselves (`_initial_pairs`),
        and a text checked again, or changed in a few forms, finds the pairs of each initial whose forms it still
        writes as often remembered.
        """
        forms = list(filterfalse(str.islower, counted))  # a lowercase word is never one
        known = list(map(self._name_forms.get, forms, repeat(_UNSEEN)))
        for i in compress(range(len(forms)), map(is_, known, repeat(_UNSEEN))):  # the forms not seen before
            known[i] = self._name_form(forms[i])
        # the forms shaped like a name (the others' facts are None) with their counts, by initial, in the order the
        # text first writes them; the most written name-like form's count
        groups: dict[str, tuple[list[str], list[int]]] = {}  # per initial: its forms and their counts
        shaped: dict[str, _NameForm] = {}
        top = 0
        for form, facts in zip(forms, known, strict=True):
            if facts is not None:
                shaped[form] = facts
                times = counted[form]
                group = groups.get(form[0])
                if group is None:
                    groups[form[0]] = ([form], [times])
                else:
                    group[0].append(form)
                    group[1].append(times)
                if facts.name_like and times > top:
                    top = times
        if top < 2:  # no name written twice: none written more often than another form
            return []
        remembered = self._name_pairs_memo
        found: dict[str, list[tuple[str, int, str, int]]] = {}  # per form paired, its pairs
        for names, counts in groups.values():
            asked = (top, tuple(names), tuple(counts))  # no pair made per form: a text checked again is answered here
            pairs = remembered.get(asked)
            if pairs is None:
                pairs = self._initial_pairs(list(zip(names, counts, strict=True)), top, shaped)
                if len(remembered) > LIST_MEMO_SIZE:
                    remembered.clear()
                remembered[asked] = pairs
            for pair in pairs:
                found.setdefault(pair[0], []).append(pair)
        if not found:
            return []
        return [pair for form in forms if form in found for pair in found[form]]  # in the order the text writes them

    @staticmethod
    def _initial_pairs(
        group: list[tuple[str, int]], top: int, facts: dict[str, _NameForm]
    ) -> list[tuple[str, int, str, int]]:
        """The pairs of `_name_pairs` among the forms shaped like a name of one initial (`group`: each with its count,
        in the order the text first writes them; `top`: the count of the text's most written name-like form; `facts`:
        `_name_form` of each)."""

        # The names written twice or more (only those can be written more often than another form), with their rank.
        listed = [(y, ny) for y, ny in group if facts[y].name_like]
        listed.sort(key=lambda p: -p[1])  # most written first (stable: ties keep their order)
        if not listed or listed[0][1] < 2:
            return []
        names = [(rank, y, ny) for rank, (y, ny) in enumerate(listed) if ny >= 2]
        named = {y for _, y, _ in names}
        # Two strings one edit apart share their form or a single deletion of it (`keys`): the forms that share one
        # with a name, and those names by each key they share.
        name_keys: set[str] = set()  # every key of the names
        shared_keys: set[str] = set()  # the keys two names or more hold (a name's other names)
        for _, y, _ in names:
            keys = facts[y].keys
            shared_keys |= name_keys.intersection(keys)
            name_keys |= keys
        slips = [
            (x, nx, form)
            for x, nx in group
            if nx < top
            and not (form := facts[x]).plain
            and not form.keys.isdisjoint(shared_keys if x in named else name_keys)
        ]
        if not slips:
            return []
        shared = set().union(*(form.keys for _, _, form in slips)) & name_keys
        index: dict[str, list[tuple[int, str, int]]] = {}
        for name in names:  # most written first: a key keeps its NAME_RIVALS most written names
            for key in facts[name[1]].keys & shared:
                bucket = index.setdefault(key, [])
                if len(bucket) < NAME_RIVALS:
                    bucket.append(name)
        pairs: list[tuple[str, int, str, int]] = []  # (form, times, name written more often, times)
        for x, nx, form in slips:
            lx = form.low
            near = {hit for key in form.keys for hit in index.get(key, ())}
            for _, y, ny in sorted(near):  # in the order of the group: most written first
                if ny <= nx or abs(len(x) - len(y)) > NAME_MAX_EDITS:
                    continue
                if not 0 < damerau_osa.distance(lx, facts[y].low, NAME_MAX_EDITS) <= NAME_MAX_EDITS:
                    continue
                pairs.append((x, nx, y, ny))
        return pairs

    def _name_findings(
        self, words: list[str], starts: list[int], pairs: list[tuple[str, int, str, int]], places: _Places | None = None
    ) -> list[Finding]:
        """The findings of `_inconsistent_names` on the pairs `_name_pairs` found in `words` (standing at `starts`):
        each form's slip where the text writes it, when the model weighs it a slip of its name."""
        return self._weighed_names(words, starts, pairs, places)[0]

    def _weighed_names(
        self, words: list[str], starts: list[int], pairs: list[tuple[str, int, str, int]], places: _Places | None = None
    ) -> tuple[list[Finding], set[tuple[str, str]]]:
        """`_name_findings`, and the pairs (form, name in lowercase) whose form keeps company of its own
        (`_kept_apart`: `Dewi Sugiarti` beside `Agus Sugiarto`): another name, which `fix` never renames after the
        name, whatever finding suggests it (`check` holds such findings under FIX_CONFIDENCE)."""
        from .model import name_slip_share  # noqa: PLC0415

        apart: set[tuple[str, str]] = set()
        if not pairs:
            return [], apart
        total = len(words)
        paired = {f for x, _, y, _ in pairs for f in (x, y)}
        at = (_Places(words) if places is None else places).of(paired)  # where the paired forms stand
        # A form's company matters only where it keeps some (`_other_company`): the names' (often frequent) company is
        # gathered only for the names of forms that keep some.
        slipped = {x for x, _, _, _ in pairs}
        company = self._name_company(words, starts, [i for i in at if words[i] in slipped])
        alone: tuple[set[str], set[str]] = (set(), set())
        asked = {y for x, _, y, _ in pairs if y not in slipped and any(side - {x, y} for side in company.get(x, alone))}
        if asked:
            company.update(self._name_company(words, starts, [i for i in at if words[i] in asked]))
        d = self.dictionary
        wrong: dict[str, tuple[str, float]] = {}
        for x, nx, y, ny in pairs:
            if fold(x) in self.extra_words:
                continue  # an accepted word is never flagged, beside a name it resembles either (`-L Hendarwan`)
            lx, ly = x.lower(), y.lower()
            variant = self._is_text_variant(lx, ly)
            other = self._other_company(company, x, y, ny)
            if other and self._kept_apart(company, x, y, ny):
                apart.add((x, ly))
            share = name_slip_share(d, lx, self._prior(lx, True), ly, ny / total, (nx - 1) / total, variant, other)
            if share >= 1.0 - FLAG_SHARE and share > wrong.get(x, ("", 0.0))[1]:
                wrong[x] = (y, share)
        if not wrong:
            return [], apart
        return [
            Finding(starts[i], starts[i] + len(words[i]), [wrong[words[i]][0]], TYPO, round(wrong[words[i]][1], 3))
            for i in at
            if words[i] in wrong
        ], apart

    def _name_company(self, words: list[str], starts: list[int], at: list[int]) -> dict[str, tuple[set[str], set[str]]]:
        """Per form standing at the positions `at` (all capitalized): the capitalized words that stand right before it
        and right after it (one space apart) somewhere in the text."""
        company: dict[str, tuple[set[str], set[str]]] = {}
        last = len(words) - 1
        for i in at:  # `_spaced_neighbours` read inline: a text writes its names at many places
            word, start = words[i], starts[i]
            before, after = company.get(word) or company.setdefault(word, (set(), set()))
            if i and (a := words[i - 1])[:1].isupper() and start - starts[i - 1] - len(a) == 1:
                before.add(a)
            if i < last and (c := words[i + 1])[:1].isupper() and starts[i + 1] - start - len(word) == 1:
                after.add(c)
        return company

    def _other_company(self, company: dict[str, tuple[set[str], set[str]]], x: str, name: str, times: int) -> bool:
        """True when `x` stands beside a name-like word (capitalized, seldom lowercase) on a side where `name`, written
        `times` times, never has it, keeps no company it shares with `x`, and keeps fixed company or none (its
        distinct neighbours on that side at most half its occurrences: a head like `Forkopimda` that takes a new
        neighbour each time says nothing): `x` is then part of another, longer name (neither form is company)."""

        other = False
        for mine, theirs in self._company_sides(company, x, name):
            if mine & theirs:
                return False
            other = other or (bool(mine) and 2 * len(theirs - {x}) <= times)
        return other

    def _kept_apart(self, company: dict[str, tuple[set[str], set[str]]], x: str, name: str, times: int) -> bool:
        """True when `x` keeps company of its own against `name`, written `times` times: on a side where both keep
        some, `name`'s fixed company (as `_other_company` asks) and `x`'s name-like neighbours (no acronym: `Ketua KPU
        Affifuddin` is a title) differ (`Dewi Sugiarti` beside `Agus Sugiarto`), and no side shares any. Two names
        of two people, not one spelt two ways: `fix` renames neither after the other. A form whose name keeps no
        company there says less (`Jakata Barat` beside `di Jakarta` is a slip) and is left to the model's weighing."""
        kept = False
        for mine, theirs in self._company_sides(company, x, name):
            if mine & theirs:
                return False
            theirs = theirs - {x}
            named = any(not is_all_caps(w) for w in mine)
            kept = kept or (named and bool(theirs) and 2 * len(theirs) <= times)
        return kept

    def _own_term(self, words: list[str], starts: list[int], places: _Places, form: str, name: str) -> bool:
        """True when `form`, which the text's majority reads as a slip of `name`, may be a term of its own, so that
        reading lends the word's own finding no confidence (`_merge`): `name` stands beside the same acronym at each of
        its places, twice or more, and `form` never does there (`Satpel` beside `Satpol PP`: Satuan Pelaksana), or
        `form` stands beside a capitalized English word news writes in lowercase (`Papuan Behind Bars`: a name in an
        English phrase may be spelt in English)."""
        d = self.dictionary
        mine = [_spaced_neighbours(words, starts, i) for i in places.of({form})]
        theirs = places.of({name})
        for side in (0, 1):
            company = _fixed_neighbour(words, starts, theirs, side)
            if company and is_acronym(company) and all(n[side] != company for n in mine):
                return True
        return any(
            w[:1].isupper() and (low := w.lower()) in d.english and low not in d.roots and not self._name_like(w)
            for n in mine
            for w in n
        )

    def _chained(
        self, text: str, found: list[Finding], in_text: list[Finding]
    ) -> tuple[list[Finding], set[tuple[str, str]]]:
        """The in-text name findings (`_weighed_names`) where the name the text writes more often is a typo too, and
        the pairs (form, name in lowercase) `fix` must not rename so: a name `found` flags at FLAG_CONFIDENCE or more
        (`Maddinah` -> `Madinah`, 0.98) gives its fix to the form's finding, no surer than its own (`Maddina` ->
        `Madinah`, not one slip written over another); a name flagged only as a note under it (`Sakhti` -> `Sakti`,
        0.39: a person's name, or a slip) keeps the form's suggestion, which `fix` then leaves to the writer; a name
        flagged under the floor (`Afnan` -> `Adnan`, 0.001) changes nothing."""
        judged: dict[str, tuple[Finding, float] | None] = {}  # per name: its typo finding and calibrated confidence
        chained, held_apart = [], set()
        names = {f.suggestions[0] for f in in_text}
        typos: dict[str, Finding] = {}  # the first typo finding on each name
        for g in found:
            if g.category == TYPO and g.suggestions and (written := text[g.start : g.end]) in names:
                typos.setdefault(written, g)
        for f in in_text:
            name = f.suggestions[0]
            if name not in judged:
                on_name = typos.get(name)
                judged[name] = None if on_name is None else (on_name, self._calibrated(text, on_name))
            if (named := judged[name]) is not None and named[0].suggestions[0] != text[f.start : f.end]:
                g, confidence = named
                if confidence >= FLAG_CONFIDENCE:
                    surer = min(f.confidence, g.confidence)
                    f = f._replace(suggestions=[g.suggestions[0]], confidence=surer, pooled=None)
                elif self._flagged(text, g, confidence):
                    held_apart.add((text[f.start : f.end], name.lower()))
            chained.append(f)
        return chained, held_apart

    def _name_like(self, w: str) -> bool:
        """Whether `w` is name-like: a word the corpus never shows, or writes in lowercase less than
        MAJORITY_LOWER_SHARE of its uses, both in all of them and inside a run of words (`_company_sides`)."""
        lw = w.lower()
        named = self._name_likes.get(lw)
        if named is None:
            d = self.dictionary
            count = d.count(lw)
            named = not count or (
                d.lower_count(lw) < MAJORITY_LOWER_SHARE * count and lowercase_share(d, lw) < MAJORITY_LOWER_SHARE
            )
            _remember(self._name_likes, lw, named)
        return named

    def _company_sides(
        self, company: dict[str, tuple[set[str], set[str]]], x: str, name: str
    ) -> Iterator[tuple[set[str], set[str]]]:
        """Per side of a form (before, after): the name-like words `x` keeps there, `x` and `name` aside, and the
        words `name` keeps there (`_name_company`). A name-like word is one the corpus never shows, or writes in
        lowercase less than MAJORITY_LOWER_SHARE of its uses, both in all of them and inside a run of words
        (`speller.casing.lowercase_share`): a word news capitalizes only where it opens a sentence is none (`Menurut
        Zulhsa`: `menurut` is lowercase in 28% of all its uses, as most open sentences, but in nearly every use
        inside one)."""
        named = self._name_like
        none: tuple[set[str], set[str]] = (set(), set())
        for mine, theirs in zip(company.get(x, none), company.get(name, none), strict=True):
            yield {w for w in mine - {x, name} if named(w)}, theirs

    def correct(self, text: str, min_confidence: float = FIX_CONFIDENCE, markup: str = "text") -> str:
        """`text` with every issue at least `min_confidence` sure replaced by its best suggestion (`fixes`); `markup`
        as `check` takes it."""
        floor = confidence_floor(min_confidence)
        if floor is None:
            raise ValueError("min_confidence must be a number from 0 to 1, not None")
        asked = min(floor, FLAG_CONFIDENCE)  # what `fixes` reads: the issues that sure, and the flagged ones

        def issues(t: str) -> list[Issue]:
            return self._check(t, markup, asked)

        return fix_rounds(text, fixes(issues(text), floor), issues, floor).text


def _repeats_weighed(
    found: list[Finding],
    words: list[str],
    starts: list[int],
    intended: Callable[[str, bool], str],
    distinct: Set[str] | None = None,
    ruled: Callable[[str], bool] | None = None,
    places: _Places | None = None,
    lows: dict[str, str] | None = None,
) -> list[Finding]:
    """One-word typo findings with the confidence `speller.model.repeated` gives a form the text writes between
    several different pairs of neighbours (`words` and their `starts` as `speller.tokenize.word_scan` gives them;
    `distinct`: the set of `words`, `places`: where they stand, `lows`: each distinct form in lowercase, when the
    caller has them). A form `ruled` says a
    rule found (`alhamdulilah`, `menunjukan`: the corpus, not the model, says it is wrong) keeps its confidence: a
    writer repeats a slip he does not know is one."""
    from .model import repeated  # noqa: PLC0415

    def word_at(start: int) -> int | None:
        i = bisect.bisect_left(starts, start)
        return i if i < len(starts) and starts[i] == start else None

    def end_of(i: int) -> int:
        return starts[i] + len(words[i])

    one_word: list[int | None] = []  # per finding: its word, for a one-word typo finding
    for f in found:
        i = word_at(f.start)
        if f.category == TYPO and i is not None and end_of(i) == f.end and not (ruled and ruled(words[i])):
            one_word.append(i)
        else:
            one_word.append(None)
    typos = {fold(words[i]) for i in one_word if i is not None}
    if not typos:
        return found
    contexts: dict[str, set[tuple[str, str]]] = {w: set() for w in typos}
    # Words inside a finding over several words (`dïrumah dïrumah`) are that finding's: fixing it removes them.
    taken: set[int] = set()
    for f in found:
        first = word_at(f.start)
        if first is None or end_of(first) == f.end:
            continue
        k = first
        while k < len(starts) and starts[k] < f.end:
            taken.add(starts[k])
            k += 1
    if lows is None:
        forms = set(words) if distinct is None else distinct
        lows = dict(zip(forms, map(str.lower, forms)))
    # `fold` is `lower` but for curly apostrophes and invisible characters, which a fold never holds: a form whose
    # lowercase is one of `contexts` is that fold, and only a form that is not letters alone may hold them
    written = set(compress(lows, map(contexts.__contains__, lows.values())))
    other = list(filterfalse(str.isalpha, lows))
    written.update(compress(other, map(contexts.__contains__, folded(other))))
    for i in (_Places(words) if places is None else places).of(written):
        if 0 < i < len(words) - 1 and starts[i] not in taken:  # the first and last words have one neighbour
            contexts[fold(words[i])].add((intended(words[i - 1], True), intended(words[i + 1], False)))
    weighed: list[tuple[Finding, str | None]] = []
    least: dict[str, float] = {}  # a form's occurrences are fixed together or not at all, so `fix` is idempotent
    least_share: dict[str, float] = {}  # and the least share before a hold under FIX_CONFIDENCE (`Finding.pooled`)
    for f, i in zip(found, one_word, strict=True):
        form = None
        if i is not None:
            form = fold(words[i])
            times = len(contexts[form])
            if times > 1:  # read on its held confidence (`Finding.pooled` dropped): LOG_REPEAT was set on that scale
                f = f._replace(confidence=round(repeated(f.confidence, times), CONFIDENCE_PLACES), pooled=None)
            least[form] = min(least.get(form, 1.0), f.confidence)
            share = f.confidence if f.pooled is None else f.pooled
            least_share[form] = min(least_share.get(form, 1.0), share)
        weighed.append((f, form))
    out = []
    for f, form in weighed:
        if form is not None:  # its other fields kept (`Finding.clitic`)
            confidence, pooled = _least(least[form], least_share[form])
            f = f._replace(confidence=confidence, pooled=pooled)
        out.append(f)
    return out


def _least(confidence: float, share: float) -> tuple[float, float | None]:
    """The confidence and `Finding.pooled` of each occurrence of a form whose least confidence is `confidence` and
    least share before any hold is `share`."""
    return confidence, None if share == confidence else share


def _word_neighbours(text: str, tokens: list[Token], i: int, reach: int) -> Iterator[Token]:
    """The word tokens of `text` before the token at i (nearest first, at most `reach`), then those after it
    (likewise), in its paragraph only: a blank line ends the reading (`speller.tokenize.parts_paragraphs`), a single
    line break (a paragraph wrapped by hand) does not. The last line of one paragraph (an English sign-off, a list of
    names in foreign letters) says nothing of the first words of the next."""
    for step in (-1, 1):
        j, words, last = i + step, 0, tokens[i]
        while 0 <= j < len(tokens) and words < reach:
            tok = tokens[j]
            a, b = (tok, last) if step < 0 else (last, tok)
            if parts_paragraphs(text, a.end, b.start):
                break
            if tok.kind == WORD:
                words += 1
                yield tok
            last = tok
            j += step


def _foreign_lettered(word: str) -> bool:
    """True when `word` holds a letter Indonesian does not use (outside a-z, but QUOTE_MOJIBAKE): `mā`, `kÄ`."""
    return not word.isascii() and any(ch.isalpha() and not ch.isascii() and ch != QUOTE_MOJIBAKE for ch in word)


def _occurrences(text: str, part: str) -> list[int]:
    """Where `part` (not empty) starts in `text`, overlaps included."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _any_stem(stem: str) -> bool:
    """Any stem of letters may be a root (`Speller._open_morphology`)."""
    return stem.isalpha()


def _deletions(word: str, edits: int) -> set[str]:
    """`word` and every string `edits` or fewer deleted letters make of it: two strings at most `edits` edits
    apart (a transposition counting one) have one of these in common."""
    out = {word}
    layer = out
    for _ in range(edits):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return out


def _name_slips_everywhere(
    text: str,
    found: list[Finding],
    words: list[str],
    starts: list[int],
    places: _Places | None = None,
    is_name: Callable[[str], bool] = lambda word: True,
) -> list[Finding]:
    """A capitalized word found to be a slip of a name in one place is that slip wherever the text writes it: a
    name's spelling belongs to the text, not to a position (`Hendrawan Hendarwan Hendarwan` is judged in context
    word by word, and would otherwise be fixed one `Hendarwan` per pass; `places`: where the words stand, when the
    caller has it). `is_name` tells a capitalized suggestion that is a name from a common word capitalized where it
    stands (`Pendapatan` opening a sentence): a new name read as a slip of a common word only at a sentence start,
    where its capital says nothing (`Pandapotan yang ...`), is judged in context elsewhere (`ucap Pandapotan saat`)."""
    slips: dict[str, Finding] = {}
    for f in found:
        form = text[f.start : f.end]
        if (
            f.category == TYPO
            and f.suggestions
            and form.istitle()
            and form.isalpha()
            and f.suggestions[0].istitle()
            and is_name(f.suggestions[0])
        ):
            if f.confidence > slips.get(form, f._replace(confidence=-1.0)).confidence:
                slips[form] = f
    if not slips:
        return []
    return [
        slips[w]._replace(start=starts[i], end=starts[i] + len(w))
        for i in (_Places(words) if places is None else places).of(slips.keys())
        if starts[i] != slips[w := words[i]].start
    ]


def _holds_key(word: str, table: Container[str], heads: Container[str]) -> bool:
    """True when a stretch of `word` at least `MIN_LENGTH` letters long (the whole word included) is in `table`.

    `heads`: `_heads` of `table`'s keys. Only a stretch whose first `MIN_LENGTH` letters are a head can be a key, so
    the longer stretches are asked only where one starts (a first pass asks this of every word it computes a verdict
    of: most start no head anywhere)."""
    n = len(word)
    return any(
        word[i:j] in table
        for i in range(n - MIN_LENGTH + 1)
        if word[i : i + MIN_LENGTH] in heads
        for j in range(i + MIN_LENGTH, n + 1)
    )


def _heads(keys: Iterable[str]) -> frozenset[str]:
    """The first `MIN_LENGTH` letters of each of `keys` that long or longer: what `_holds_key` asks first."""
    return frozenset(k[:MIN_LENGTH] for k in keys if len(k) >= MIN_LENGTH)


def _spaced_neighbours(words: list[str], starts: list[int], i: int) -> tuple[str, str]:
    """The words right before and right after word i, one space apart ("" where none stands so)."""
    before = words[i - 1] if i > 0 and starts[i] - starts[i - 1] - len(words[i - 1]) == 1 else ""
    after = words[i + 1] if i + 1 < len(words) and starts[i + 1] - starts[i] - len(words[i]) == 1 else ""
    return before, after


def _dated(text: str, tokens: list[Token], i: int) -> bool:
    """Token i stands in a date written with figures, between a day's number and a year, a space on either side
    (`23 Jni 2020`): the place of a month's name."""
    if not 0 < i < len(tokens) - 1:
        return False
    day, year = tokens[i - 1], tokens[i + 1]
    return (
        day.kind == NUMBER
        and year.kind == NUMBER
        and text[day.end : tokens[i].start] == " "
        and text[tokens[i].end : year.start] == " "
        and _DAY.fullmatch(day.text) is not None
        and _YEAR.fullmatch(year.text) is not None
    )


def _in_path(text: str, start: int, end: int) -> bool:
    """Whether a `_PATH_MARKS` character touches `text[start:end]` (`~/data/berkas`, `folder_lama/baru`)."""
    return text[start - 1 : start] in _PATH_MARKS or text[end : end + 1] in _PATH_MARKS


@lru_cache(maxsize=65_536)
def _pair_of(run: str) -> tuple[re.Match[str], str, str] | None:
    """The pair `run` writes (`_PAIR`: two words, a hyphen or a slash between them) and its two words folded; None for
    no pair, or a reduplication (one word inside the other: `rumah-rumah`, `saut-sautan`; it has rules of its own)."""
    pair = _PAIR.fullmatch(run)
    if pair is None:
        return None
    first, second = fold(pair[1]), fold(pair[3])
    return None if first in second or second in first else (pair, first, second)


def _remember(memo: dict[K, V], key: K, value: V) -> V:
    """`value`, kept in `memo` under `key`; a memo holding more than MEMO_SIZE entries is emptied first (a long-lived
    checker's memory stays bounded)."""
    if len(memo) > MEMO_SIZE:
        memo.clear()
    memo[key] = value
    return value


def _fixed_neighbour(words: list[str], starts: list[int], at: list[int], side: int) -> str:
    """The word standing one space before (`side` 0) or after (1) the word at each index of `at`, two or more, when it
    is the same word at each ("" when none is, `_spaced_neighbours`)."""
    if len(at) < 2:
        return ""
    kept = _spaced_neighbours(words, starts, at[0])[side]
    for i in at[1:]:
        if _spaced_neighbours(words, starts, i)[side] != kept:
            return ""
    return kept


def _merge(found: list[Finding], more: list[Finding], lend: bool = True) -> list[Finding]:
    """Both lists of findings in order of position; one of `more` that overlaps a finding of `found` is dropped, but
    with `lend`, one on the same span, of the same category and best suggestion, and surer, lends that finding its
    confidence: two findings that agree keep the surer evidence (`Jokwi` read alone, 0.97, and beside two `Jokowi` in
    the text, 1.0), the found one's other suggestions kept."""
    if not more:
        return found
    found = sorted(found)
    starts = [f.start for f in found]
    reach = list(accumulate((f.end for f in found), max, initial=0))  # reach[k]: the furthest end of found[:k]
    extra = []
    for m in more:
        k = bisect.bisect_left(starts, m.end)
        if reach[k] <= m.start:
            extra.append(m)
            continue
        if not lend:
            continue
        k = bisect.bisect_left(starts, m.start)
        while k < len(found) and found[k].start == m.start:
            f = found[k]
            if (f.end, f.category, f.suggestions[:1]) == (m.end, m.category, m.suggestions[:1]) and (
                m.confidence > f.confidence
            ):
                found[k] = f._replace(confidence=m.confidence, pooled=None)
            k += 1
    return sorted(found + extra)


def fixes(issues: Sequence[Issue], min_confidence: float = FIX_CONFIDENCE) -> list[Issue]:
    """The issues `fix` applies: each at least `min_confidence` sure with a suggestion, and each other place the text
    writes the same word flagged as the same error (category and best suggestion) at FLAG_CONFIDENCE or more. A word
    written the same way twice is the same slip twice: `fix` leaves no text half fixed, nor a second `fix` anything
    of it to do (`Hendarwan` is fixed where it opens the text, 0.82, as after `di`, 0.99)."""

    def error(i: Issue) -> tuple[str, str, str]:
        return i.word, i.category, i.suggestions[0]

    sure = [i for i in issues if i.confidence >= min_confidence and i.suggestions]
    fixed = set(map(error, sure))
    return [
        i
        for i in issues
        if i.suggestions
        and (i.confidence >= min_confidence or (i.flagged and i.confidence >= FLAG_CONFIDENCE and error(i) in fixed))
    ]


def left_unfixed(issues: Sequence[Issue], fixed: Sequence[Issue], min_confidence: float | None) -> list[Issue]:
    """The issues a `Speller` with `min_confidence` shows (`shows`) that are not among the `fixed` ones: what `fix`
    lists for the writer."""
    done = set(fixed)
    return [i for i in issues if i not in done and shows(i, min_confidence)]


def apply_fixes(text: str, issues: Iterable[Issue]) -> str:
    """Replace each issue's span by its best suggestion; text outside the spans is kept as is. An issue whose span
    does not hold its word in `text` (found in another text, or before the text was edited), or that overlaps one
    applied before it, is left out: the text is never mangled."""
    return _applied(text, issues)[0]


def _applied(text: str, issues: Iterable[Issue]) -> tuple[str, list[tuple[int, int]], list[Issue]]:
    """`apply_fixes`, the spans of the fixed text its replacements fill, and the issues it applied (in order)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    applied: list[Issue] = []
    pos = at = 0
    for issue in sorted(issues, key=lambda i: i.start):
        if issue.start < pos or not issue.suggestions or text[issue.start : issue.end] != issue.word:
            continue
        out.append(text[pos : issue.start])
        at += issue.start - pos
        out.append(issue.suggestions[0])
        spans.append((at, at + len(issue.suggestions[0])))
        applied.append(issue)
        at += len(issue.suggestions[0])
        pos = issue.end
    out.append(text[pos:])
    return "".join(out), spans, applied


#: How many times `fix_rounds` checks again what a fix wrote.
FIX_ROUNDS = 2


class Rounds(NamedTuple):
    """What `fix_rounds` did: the fixed text, how many fixes it applied, and the errors it made of what a fix wrote and
    the text beside it that it left to the writer (offsets, line and column in the fixed text)."""

    text: str
    applied: int
    left: list[Issue]


def fix_rounds(
    text: str,
    sure: Sequence[Issue],
    check: Callable[[str], Sequence[Issue]],
    min_confidence: float = FIX_CONFIDENCE,
    shown: float | None = None,
    unsure: Sequence[Issue] = (),
) -> Rounds:
    """`text` with the `sure` issues fixed, then checked again (`check`: the issues of a text, offsets in it) and
    fixed again while a fix changed what the checker reads, up to FIX_ROUNDS times, so a second `fix` finds nothing
    to do: `di lakukan di lakukan` fixed twice reads `dilakukan dilakukan`, a word written twice; `presidensiapapun`
    split reads `presiden siapapun`; `Dewwan Keeamanan`, once `Keamanan` is fixed, shows `Dewwan` in a context it
    knows; a slip held back by other unknown words near it (`speller.calibration.among_unknown`) is sure once they
    are fixed. A round that would write a text seen before (a fix undoing one) is not taken. The `unsure` issues of
    `text` (those a `Speller` with `shown` shows under `min_confidence`) and those the rounds find over or beside
    what a fix wrote are listed, where they stand in the fixed text, unless a later round fixed them."""
    fixed, spans, done = _applied(text, sure)
    applied = len(done)
    left = _moved(unsure, done)
    seen = {hash(text), hash(fixed)}
    for _ in range(FIX_ROUNDS):
        if not spans:
            break
        found = check(fixed)
        again = fixes(found, min_confidence)
        left += left_unfixed(_beside(fixed, found, spans), again, shown)
        if not again:
            break
        after, after_spans, done = _applied(fixed, again)
        if hash(after) in seen:
            break
        seen.add(hash(after))
        applied += len(done)
        left = _moved(left, done)
        fixed, spans = after, after_spans
    lines = _Lines(fixed)  # a fix may have taken out or written a line break before an issue: placed anew
    placed = [i._replace(line=line, column=column) for i in left for line, column in [lines.position(i.start)]]
    return Rounds(fixed, applied, list(dict.fromkeys(placed)))


#: A letter, a digit or a line end: what parts a word from a fix beside it (see `_beside`).
_NOT_BESIDE = re.compile(r"[^\W_]|[\n\r]")


def _beside(text: str, issues: Sequence[Issue], spans: Sequence[tuple[int, int]]) -> list[Issue]:
    """The `issues` of `text` that overlap one of the `spans` (in order, none overlapping) or are the word next to one
    on its line (nothing but spaces and punctuation between): where a fix changed what the checker reads. Only the
    nearest span on each side can be beside an issue, so each issue costs a bisection and its gaps to those two."""
    starts = [a for a, _ in spans]
    out = []
    for issue in issues:
        k = bisect.bisect_left(starts, issue.end)  # spans[:k] start before the issue ends
        if k and spans[k - 1][1] > issue.start:
            out.append(issue)  # overlaps it
        elif k and _NOT_BESIDE.search(text, spans[k - 1][1], issue.start) is None:
            out.append(issue)
        elif k < len(spans) and _NOT_BESIDE.search(text, issue.end, spans[k][0]) is None:
            out.append(issue)
    return out


def _moved(issues: Sequence[Issue], fixed: Sequence[Issue]) -> list[Issue]:
    """The `issues` that overlap none of the `fixed` ones (applied, in order, none overlapping), at the offsets where
    they stand once those are applied (their line and column are `fix_rounds`' to place)."""
    starts = [f.start for f in fixed]
    ends = [f.end for f in fixed]
    shifts = list(accumulate((len(f.suggestions[0]) - (f.end - f.start) for f in fixed), initial=0))
    out = []
    for issue in issues:
        k = bisect.bisect_right(ends, issue.start)  # fixed[:k] end at or before it starts
        if k < len(fixed) and starts[k] < issue.end:
            continue  # overlaps fixed[k]
        out.append(issue._replace(start=issue.start + shifts[k], end=issue.end + shifts[k]))
    return out
