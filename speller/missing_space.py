"""Missing spaces: a word glued to the punctuation before it or to a number.

- After sentence punctuation (EYD V: a space follows `.`, `,`, `;`, `:`, `!`, `?`): `kemarin.Dia` -> `kemarin. Dia`,
  `hari ini,lalu` -> `hari ini, lalu`, `tahun 2025.Diketahui` -> `2025. Diketahui`. Scraped news loses these spaces
  at line and paragraph seams. A colon is taken only before a lowercase word (`berikut:dihadiri`): before a
  capital it mostly ends a heading or a label run into the next line (`Baca juga:Judul`), where a line break, not a
  space, is missing. Left alone: decimals and thousands (`2,5`, `1.000`) and times (`10.30`), as a digit
  follows the mark; web addresses and file names (`detik.com`, `laporan.pdf`), as a period is taken only before a
  capitalized word (`Kompas.Com` is a listed domain ending); initials and abbreviations (`S.H.`, `a.n.`, `J.K.
  Rowling`, `dr.`, `Prof.Andi`, `H.Muh.Jafar`, `Jkt.Sel`), as a period is taken only after a word of three letters or
  more that is not a listed abbreviation, has a vowel, and that no other mark precedes unless a space is missing
  there too (`kemarin,dia,lalu`); ellipses, as the mark must follow a letter or digit; a `?` or `!` before a
  lowercase word (`otot?otot`, a mangled character), as a new sentence opens with a capital.
- A word glued to a number: `tambang5 miliar` -> `tambang 5 miliar`, `pukul10.00` -> `pukul 10.00`, `5juta` ->
  `5 juta` (EYD V writes a number apart from the word before or after it; a currency symbol is the exception:
  `Rp5.000`). Left alone: model numbers and codes (`G20`, `B20`, `MH370`, `COVID-19`, `iPhone15`, `4G`), as only
  a lowercase word of three letters or more that the dictionary knows is taken to be glued; unit symbols
  (`5mbps`) and the suffix `-an` (`1950an`, another rule's).

The word lists are data: dictionaries/spacing_glued.tsv (word, class, basis).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

from .morphology import VOWELS
from .records import NamedTuple
from .tables import word_classes
from .tokenize import ADDRESS

_ADDRESS = re.compile(ADDRESS, re.I)

#: The word lists below are data: dictionaries/spacing_glued.tsv (word, class, basis).
GLUED_WORDS = word_classes("spacing_glued.tsv")
#: Abbreviations written with a period right before a name or a number (`Prof.Andi`, `Kab.Bogor`).
ABBREVIATIONS = GLUED_WORDS["abbreviation"]
#: Ends of web addresses that some publishers capitalize (`Kompas.Com`).
DOMAINS = GLUED_WORDS["domain"]
#: Company forms written after a name with a period of their own (`Google Inc.`, `Pte. Ltd.`).
COMPANIES = GLUED_WORDS["company"]
#: Brands written with `!` or `?` inside them (`Yahoo!News`).
KEEPS_MARK = GLUED_WORDS["keeps_mark"]
#: Words glued to a number in a code (`covid19`).
CODES = GLUED_WORDS["code"]
#: Unit symbols news glues to their number (`5mbps`), left to the style guide.
UNITS = GLUED_WORDS["unit"]
#: Currency symbols written right before their number (`Rp5.000`).
CURRENCIES = GLUED_WORDS["currency"]
#: The raw confidence of a missing space after punctuation and beside a number: the share of real missing spaces among
#: the findings read in a seeded sample of build-corpus files (sindonews, tempo, panl-bppt, fimela, kapanlagi,
#: posmetro-medan; 260 and 51 findings), pulled toward one half by one of each (`speller.calibration.shrunk`): 47 of
#: 50 (`Plt.Bupati`, an abbreviation since listed; `otot?otot` and `da;am`, a mangled character and a slip, since a
#: `?` or `!` is taken only before a capital) and 49 of 51 (`karya22`, `lagu22nya`: informal reduplications).
PUNCTUATION_SHARE = 0.923
NUMBER_SHARE = 0.943
#: Punctuation a space must follow.
MARKS = ".,;:!?"
#: A word glued to each mark but the period before it: (mark, pattern) per mark, each found by a fast search for its
#: first character (a class of marks is tried at every position, twice the time); compiled when a text first holds
#: the mark (most news holds no `;`, `!` or `?`), and kept in `re`'s own cache.
_MARK_SEAMS = tuple((mark, re.escape(mark) + r"(?=[^\W\d_])") for mark in ",;:!?")
#: A word glued to the period before it: a period between token characters stays inside a run of token characters
#: (`kemarin.Dia`), so only the runs that hold one are looked for in the text (periods are the commonest mark).
_PERIOD_SEAM = re.compile(r"\.(?=[^\W\d_])")
#: A number glued to the word before it, or a word to the number before it.
_NUMBER_SEAM = re.compile(r"[^\W\d_](?=\d)|\d(?=[^\W\d_])")
#: A run of token characters where a lowercase word of MIN_GLUED_WORD letters meets a number: only these are looked
#: for in the text (a whole-text search for number seams costs about a tenth of a check).
_NUMBER_SEAM_RUN = re.compile(r"[a-z]{3}\d|\d[a-z]{3}")
#: A run of token characters that may hold a missing space: a period before a letter, or a number seam as above.
_SEAM_RUN = re.compile(r"\.[^\W\d_]|[a-z]{3}\d|\d[a-z]{3}")
#: What may stand right before a word or number that opens a glued pair: nothing, a space, an opening bracket or quote.
OPENERS = "([{\"'\u201c\u2018"
#: A word glued to punctuation or to a number has at least this many letters (`ini,lalu`; not `a,b`) ...
MIN_WORD = 2
#: ... and one before a period or a number at least this many (`kemarin.Dia`, `tambang5`; not `dr.Andi`, `G20`).
MIN_GLUED_WORD = 3
#: The digit informal writing puts for a reduplication (`bersama2`, `anak2`: `bersama-sama`, `anak-anak`).
REDUPLICATION = "2"
#: A number of at most this many digits right before `.` or `)` numbers a list item (`3.`, `12)`).
MAX_ITEM_DIGITS = 2
#: Suffixes glued to a number that another rule or nobody flags (`1950an`, `2nya`).
NUMBER_SUFFIXES = ("an", "nya")


class Glued(NamedTuple):
    """Missing spaces: `text[start:end]` should read its `parts` with a space between each two."""

    start: int
    end: int
    parts: tuple[str, ...]


#: One missing space: the stretch `text[start:end]` that lacks it, and where it goes.
_Seam = tuple[int, int, int]


def _letters_from(text: str, i: int) -> int:
    """The end of the run of letters starting at i."""
    n = len(text)
    while i < n and text[i].isalpha():
        i += 1
    return i


def _letters_to(text: str, i: int) -> int:
    """The start of the run of letters ending at i (exclusive)."""
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def _digits_to(text: str, i: int) -> int:
    """The start of the number (digits, with `.` or `,` between digits) ending at i (exclusive)."""
    while i > 0 and (text[i - 1].isdigit() or (text[i - 1] in ".," and i > 1 and text[i - 2].isdigit())):
        i -= 1
    return i


def _number_from(text: str, i: int) -> int:
    """The end of the number (digits, with `.` or `,` between digits) starting at i."""
    n = len(text)
    while i < n and (text[i].isdigit() or (text[i] in ".," and i + 1 < n and text[i + 1].isdigit())):
        i += 1
    return i


def _opens(text: str, i: int, known: Callable[[str], bool], plain: Callable[[str], bool]) -> bool:
    """True when a glued pair may start at i: at the start, after white space or an opening bracket or quote, or
    where another space is missing (after a mark, or between a letter and a digit: `kemarin,dia,lalu` and
    `5tahun2020` hold two missing spaces each, found at once, so that `fix` needs one pass; but `H.Muh.Jafar` none)."""
    if i == 0 or text[i - 1].isspace() or text[i - 1] in OPENERS:
        return True
    if text[i - 1] in MARKS:
        return _after_mark(text, i - 1, known, plain) is not None
    if _turns(text, i):
        seam = _before_number if text[i].isdigit() else _after_number
        return seam(text, i, known, plain) is not None
    return False


def _turns(text: str, i: int) -> bool:
    """True when a letter and a digit meet at i."""
    a, b = text[i - 1], text[i]
    return (a.isalpha() and b.isdigit()) or (a.isdigit() and b.isalpha())


def _closes(text: str, i: int) -> bool:
    """True when a glued pair may end at i: at the end, before white space, a mark, or punctuation that is no part of
    a word or an address (`tambang5,` but not `tambang5-a`, `abc/x`), or where a letter and a digit meet."""
    if i == len(text) or text[i].isspace() or text[i] in MARKS:
        return True
    return _turns(text, i) if text[i].isalnum() else text[i] not in "-_/@'\u2019"


def _address(text: str, start: int, end: int) -> bool:
    """True when the run of non-space characters around start..end looks like a web or e-mail address."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = len(text)
    for stop in (" ", "\n"):
        at = text.find(stop, end)
        if at >= 0:
            right = min(right, at)
    return _ADDRESS.search(text, left, right) is not None


def missing_spaces(
    text: str, runs: Mapping[str, Iterable[int]], known: Callable[[str], bool], plain: Callable[[str], bool]
) -> Iterator[Glued]:
    """Every missing space of `text`, given the start offsets of each run of token characters in it that is not one
    word token (`placed` of `speller.tokenize.scan`: where a number or a period may be glued, as a word token holds
    neither), `known`: True for a lowercase word the dictionary lists or the morphology forms, and `plain`: True for
    one that is a plain Indonesian word (mostly lowercase, not English)."""
    found: list[_Seam | None] = [
        _after_mark(text, m.start(), known, plain)
        for mark, pattern in _MARK_SEAMS
        if mark in text
        for m in re.finditer(pattern, text)
    ]
    for run in filter(_SEAM_RUN.search, runs):
        periods = [m.start() for m in _PERIOD_SEAM.finditer(run)]
        numbers = [m.start() + 1 for m in _NUMBER_SEAM.finditer(run)] if _NUMBER_SEAM_RUN.search(run) else []
        for at in runs[run]:
            found.extend(_after_mark(text, at + i, known, plain) for i in periods)
            for i in numbers:
                rule = _before_number if text[at + i].isdigit() else _after_number
                found.append(rule(text, at + i, known, plain))
    if not any(found):
        return
    seams = sorted(set(filter(None, found)))
    k = 0
    while k < len(seams):  # seams whose stretches overlap are one finding (`tambang5juta`: `tambang 5 juta`)
        start, end, space = seams[k]
        spaces = {space}
        while k + 1 < len(seams) and seams[k + 1][0] < end:
            k += 1
            end = max(end, seams[k][1])
            spaces.add(seams[k][2])
        k += 1
        if not _address(text, start, end):
            cuts = [start, *sorted(spaces), end]
            yield Glued(start, end, tuple(text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)))


def _after_mark(text: str, i: int, known: Callable[[str], bool], plain: Callable[[str], bool]) -> _Seam | None:
    """`kemarin.Dia`, `ini,lalu`: the mark at i with the word after it."""
    mark, end = text[i], _letters_from(text, i + 1)
    after = text[i + 1 : end]
    if len(after) < MIN_WORD or not _closes(text, end) or not known(after.lower()):
        return None
    start = _letters_to(text, i)
    if start == i:  # a number before the mark (`2025.Diketahui`), or nothing that is a word (`...Dia`)
        start = _digits_to(text, i)
        if start == i or mark == ":" or not _opens(text, start, known, plain) or not text[start:i].isdigit():
            return None  # `10:30`, `1.000.Dia`
    elif not _opens(text, start, known, plain):
        return None  # `a/b,c`, `x-y.Dia`, `H.Muh.Jafar`
    before = text[start:i]
    if before.isalpha():
        if len(before) < MIN_WORD or before.lower() in KEEPS_MARK:
            return None
        if mark == "." and (
            len(before) < MIN_GLUED_WORD
            or before.isupper()
            or before.lower() in ABBREVIATIONS
            # A word with no vowel is an abbreviation, so a period after it ends no sentence: in the build
            # corpus the 17 such words of three letters or more glued by a period to a capitalized word
            # (Jkt 9, Plt 3, Pdt 3, drg, Khr) are all abbreviations.
            or VOWELS.isdisjoint(before.lower())
        ):
            return None  # `dr.Andi`, `PT.Bank`, `Prof.Andi`, `Jkt.Sel`
        if not known(before.lower()) and not before[:1].isupper():
            return None
    if mark == "." and (not after[:1].isupper() or after.isupper() or after.lower() in DOMAINS | COMPANIES):
        return None  # `detik.com`, `Node.JS`, `Kompas.Com`, `Google.Inc`
    if text[end : end + 1] == "." and text[end + 1 : _letters_from(text, end + 1)].lower() in DOMAINS:
        return None  # `Nakita.Grid.id`
    if mark in "!?" and not after[:1].isupper():
        return None  # `otot?otot`: a mangled character; a new sentence opens with a capital
    if mark == ":" and (before.isupper() or not after.islower()):
        return None  # `CS:GO`, a name; `Baca juga:Judul`, a heading or list run on (a line break is missing)
    return i, end, i + 1


def _before_number(text: str, i: int, known: Callable[[str], bool], plain: Callable[[str], bool]) -> _Seam | None:
    """`tambang5`, `pukul10.00`: a lowercase word glued to the number starting at i."""
    start = _letters_to(text, i)
    before = text[start:i]
    end = _number_from(text, i)
    if not before.islower() or len(before) < MIN_GLUED_WORD or before in CODES or before in CURRENCIES:
        return None
    if not _closes(text, end) or not plain(before) or not _opens(text, start, known, plain):
        return None
    number = text[i:end]
    if number == REDUPLICATION or (end < len(text) and text[end] in ".)" and len(number) <= MAX_ITEM_DIGITS):
        return None  # `bersama2` (`bersama-sama`), `ganda3. Next` (a numbered list run on: a line break is missing)
    return start, end, i


def _after_number(text: str, i: int, known: Callable[[str], bool], plain: Callable[[str], bool]) -> _Seam | None:
    """`5juta`, `Rp5juta`: a lowercase word glued to the number ending at i."""
    end = _letters_from(text, i)
    after = text[i:end]
    if not _closes(text, end) or not after.islower() or len(after) < MIN_GLUED_WORD or after in UNITS:
        return None
    if after in NUMBER_SUFFIXES or not plain(after):
        return None
    start = _digits_to(text, i)
    symbol = _letters_to(text, start)
    if symbol == start or text[symbol:start].lower() in CURRENCIES:
        return (start, end, i) if _opens(text, symbol, known, plain) else None  # `Rp5juta`: the span leaves it out
    return (start, end, i) if _before_number(text, start, known, plain) else None  # `tambang5juta`; not `B20juta`
