"""Load the dictionary files written by the builder, plus the curated tables beside them.

Only what every check needs is read at load time: the word counts, from `words.bin` (WORD_INDEX_FILE, the
builder's binary copy of words.tsv: arrays of numbers and the words, no text to parse) when it matches
words.tsv, else from words.tsv itself. The bundled words.tsv with its words.bin is not even split: its rows
are read by bisection as words are asked (`speller.sortedlines.CountRows`) until a text asks many. The
bigram counts and the SymSpell delete index are large; they are memory-mapped on first use, so checking clean text never
pays for them. Every file is plain data: nothing is unpickled, so pointing the loader at a file from
elsewhere cannot run code.
"""

from __future__ import annotations

import errno
import mmap
import os
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from functools import cached_property
from itertools import chain, compress, repeat
from operator import and_, itemgetter, lt, mul

from .errors import DictionaryError
from .records import TYPE_CHECKING, NamedTuple
from .samples import below_comments, made_samples
from .sortedfile import SortedFile
from .sortedlines import AskedSet, CountRows, Lines, SampledLines, SortedRows, sorted_lines, sorted_words

if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

    from .hashindex import HashIndex
    from .sortedlines import Buffer
from .pathnames import join, normal, parent_of
from .tables import bundled_folder
from .verdicts import capitalized

FORMAT_VERSION = 1
#: Bounds on the SymSpell options a dictionary may ask for (larger ones make a lookup explode).
MAX_EDIT_DISTANCE = 3
MAX_PREFIX_LENGTH = 16
MAX_META_BYTES = 16 * 1024 * 1024
#: The meta.json key holding the line count of each mapped file (a shorter file was truncated).
_LINE_COUNTS = {"bigrams.tsv": "bigrams", "deletes.tsv": "delete_keys"}
#: The meta.json key holding the size in bytes of each mapped file; with it a file is checked block by
#: block as it is read, instead of in a whole pass when it is first mapped.
_SIZES = "file_bytes"
#: The builder's table of letter trigrams (see `speller.model.trigrams`), opened by `trigrams_header`.
TRIGRAMS_FILE = "trigrams.txt"
#: Words written in lowercase less often than this share are treated as names.
NAME_LOWER_SHARE = 0.2
#: Names written in lowercase less often than this share keep their capital in suggestions.
PROPER_LOWER_SHARE = 0.1
#: The builder's table of affix patterns (`speller.model.affix_odds`): `pattern<TAB>words` under `affixes_header`.
AFFIXES_FILE = "affixes.tsv"
#: The builder's counts of what stands beside each kept word: `word<TAB>after<TAB>after once<TAB>before<TAB>before
#: once`, sorted by word: how many within-run bigrams (`speller.tokenize.runs`) have the word on the left, how many
#: distinct words followed it exactly once, and the same mirrored for the words before it. The pairs counted are every
#: pair of the corpus, not only those of two kept words (so a name the builder did not keep counts after `Sri`); a
#: word never beside another has no row, and the first row, `FOLLOWERS_TOTAL`, sums every row. N1/N of a word is the
#: Good-Turing estimate that the word after it is one never seen there (`speller.model.unseen_beside_gain`).
FOLLOWERS_FILE = "followers.tsv"
#: The builder's counts of how news writes the pairs that may be one word, the rows of `joins.tsv` and the two-word
#: rows of the curated `compounds.tsv` joining into one word: `left right<TAB>apart<TAB>joined<TAB>apart after a
#: comma<TAB>joined after a comma<TAB>apart at a sentence's end<TAB>joined at a sentence's end`, sorted by pair: how
#: often the pair stands in a run of words (`speller.tokenize.runs`), how often the joined word is used, how often each
#: opens a run right after a comma (`betul, ya itu`, `tiga hal, yaitu`) and how often each closes a run right before
#: `.`, `?`, `!` or an ellipsis (`Tunggu apa lagi?`). Read by `Dictionary.join_uses` (`speller.spacing.phrase_odds`,
#: `speller.spacing.apart_after_comma`).
JOIN_USES_FILE = "join_uses.tsv"
#: The builder's counts of the full reduplications news writes as one token: `word<TAB>uses of word-word`, sorted by
#: word (the REDUPLICATION_SHARE_KEY row first), one row per kept word whose reduplication the corpus writes at least
#: once (`kawan-kawan`, and the forms the
#: word table leaves out, seen fewer than `min_count` times or in one source only: `asumsi-asumsi` 2). Read by
#: `Dictionary.reduplicated` (`speller.model.doubled_readings`: `menjadi menjadi` is a word written twice, `anak anak`
#: a reduplication missing its hyphen).
REDUPLICATIONS_FILE = "reduplications.tsv"
#: The builder's table of the names news writes otherwise than with one capital inside a sentence: `word<TAB>form`,
#: sorted by word, the form most often written inside a run of words holding a lowercase word (not as the run's first
#: word, whose capital may be the sentence's), when that form is not the word with a capital first letter (`dprd
#: DPRD`, `iphone iPhone`, `motogp MotoGP`). A name without a row is written with one capital (`jakarta`: Jakarta).
#: Read by `Dictionary.written_form` (`speller.casing`: the case of a name in a suggestion).
CASES_FILE = "cases.tsv"
#: The words whose shares `mean_reduplication_share` averages are seen this often or more, reduplicated or not: a
#: word seen a few times and written reduplicated once would count a share of a third or more, a selection's accident
#: (a word enters the average because it was written reduplicated).
REDUPLICATION_CLASS_USES = 20
#: The key of REDUPLICATIONS_FILE's row holding `mean_reduplication_share` of its other rows, in millionths (sorts
#: before any word): `Dictionary.reduplication_share`.
REDUPLICATION_SHARE_KEY = "*"
#: The key of FOLLOWERS_FILE's row of totals (sorts before any word).
FOLLOWERS_TOTAL = "*"
#: The builder's letter-gram counts of the names (`speller.model.name_shape_counts`), read on first use.
NAME_SHAPE_FILE = "name_shape.tsv"
#: The builder's tables of the names' letter model (`speller.model.NameShape.tables`) made of NAME_SHAPE_FILE, one
#: row per gram or context, sorted: `string<TAB>gram count<TAB>context count` under `name_model_header`.
NAME_MODEL_FILE = "name_model.tsv"
#: The builder's tables of the words' letter model (`speller.model.word_shape`), as NAME_MODEL_FILE's, under
#: `word_model_header`.
WORD_MODEL_FILE = "word_model.tsv"
#: The builder's list of the frequent Indonesian words of a second source (wordfreq) that the build corpus does not
#: list, `word<TAB>frequency per billion words` under a header naming the source, its version and its licence, sorted:
#: read on first use by `Dictionary.attested` (`speller.model.written_prior`, `LOG_ATTESTED`).
ATTESTED_FILE = "wordfreq_id.tsv"
#: The builder's binary copy of words.tsv (see `write_word_index`), read instead of parsing words.tsv.
WORD_INDEX_FILE = "words.bin"
#: How many answers of `Dictionary.lower_count` are remembered (a search costs ~2 us, a remembered answer ~50 ns).
LOWER_CACHE_SIZE = 100_000
#: First bytes of WORD_INDEX_FILE; a change of its layout changes them.
_WORD_INDEX_MAGIC = b"speller words 4\n"
#: After the magic: words, byte length of the words, size and CRC-32 of the words.tsv it copies (uint64 each),
#: then NAME_LOWER_SHARE and PROPER_LOWER_SHARE (float64) its name flags were computed with, then the sum and the
#: largest of the counts (uint64 each: a load needs them, and adding up every count costs more than the rest of it).
_WORD_INDEX_HEADER = 8


class JoinUses(NamedTuple):
    """A pair's row of JOIN_USES_FILE."""

    apart: int
    joined: int
    apart_after_comma: int
    joined_after_comma: int
    apart_at_end: int
    joined_at_end: int


class Beside(NamedTuple):
    """A word's row of FOLLOWERS_FILE: how many pairs have it on the left, how many words followed it once; the same
    for the words before it."""

    after: int
    after_once: int
    before: int
    before_once: int


def is_name(count: int, lower: int) -> bool:
    """A word seen `count` times, `lower` of them all in lowercase, is a name (`putin` 122 times, once in lowercase)."""
    return lower < count * NAME_LOWER_SHARE


def default_path() -> Path:
    """The dictionary folder used when none is given: $SPELLER_DICTIONARY, else the bundled one.

    The bundled dictionary is the resource package `speller.dictionaries` (the top-level
    `dictionaries/` folder of the checkout, installed inside the package by every kind of
    install). Its files must be real files on disk, because the large ones are memory-mapped.
    """
    from pathlib import Path  # noqa: PLC0415 - a load asks `default_folder`

    return Path(default_folder())


def default_folder() -> str:
    """`default_path` as a plain name (`speller.pathnames.normal`), without importing `pathlib`."""
    env = os.environ.get("SPELLER_DICTIONARY")
    return normal(env) if env else bundled_folder()


def trigrams_header(min_count: int) -> str:
    """The first line of `trigrams.txt`: it names the count its words were seen, so a table of another is not used."""
    return f"# Letter trigrams (^ and $ mark word edges) of the words seen {min_count}+ times; made by speller build."


def affixes_header(max_count: int) -> str:
    """The first line of AFFIXES_FILE: it names the counts of the words it counts, so a table of others is not used."""
    return (
        f"# Affix patterns (speller.morphology.Analysis.pattern) and how many words seen at most {max_count} times, no "
        "names nor roots of the lexicon, each makes, each weighed by its share that is no slip; made by speller build."
    )


def name_model_header(order: int, name_shape: bytes) -> str:
    """The first line of NAME_MODEL_FILE but its end, `N letters.` (how many one-letter grams the model has): it
    names the order, the rows' layout and the NAME_SHAPE_FILE (its bytes `name_shape`) it was made of, so tables of
    another order, layout or of other counts are not used."""
    return (
        f"# The names' letter model of order {order} (rows: string<TAB>gram count<TAB>context count, sorted), "
        f"made by speller build of the {NAME_SHAPE_FILE} of {len(name_shape)} bytes and CRC-32 "
        f"{zlib.crc32(name_shape):08x}; "
    )


def word_model_header(order: int) -> str:
    """The first line of WORD_MODEL_FILE but its end, `N letters.`: it names the order and the rows' layout, so tables
    of another order or layout are not used."""
    return (
        f"# The words' letter model of order {order} (rows: string<TAB>gram count<TAB>context count, sorted), "
        "made by speller build of the dictionary's words and English words; "
    )


def _mapped_bytes(path: str) -> Buffer:
    """`_read_bytes`, but the file mapped rather than read: nothing is copied, and only the pages asked are read."""
    found = _optional_mapped(path)
    if found is None:
        raise DictionaryError(f"{path}: cannot read ({os.strerror(errno.ENOENT)})")  # as `_read_bytes` says it
    return found


def _optional_mapped(path: str) -> Buffer | None:
    """`_optional_bytes`, but the file mapped (read where a mapped file could not be replaced while a dictionary is
    loaded: not on a POSIX system; and read when empty, as an empty file cannot be mapped)."""
    try:
        with open(path, "rb") as f:
            if os.name != "posix":
                return f.read()
            try:
                return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:
                return f.read()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read ({e.strerror or e})") from None


def _optional_bytes(path: str) -> bytes | None:
    """The bytes of a built file the dictionary can do without: None when it is missing, DictionaryError when it
    cannot be read."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read ({e.strerror or e})") from None


def _letter_model(path: str, raw: Buffer, start_text: str) -> tuple[NameCounts, NameCounts, int] | None:
    """The tables of a letter model file's bytes `raw` (NAME_MODEL_FILE, WORD_MODEL_FILE; bytes or mapped) whose
    first line is `start_text` then `N letters.`; None when it is not."""
    cut = raw.find(b"\n")
    header, body_at = (raw[:], len(raw)) if cut < 0 else (raw[:cut], cut + 1)
    start, end = start_text.encode("utf-8"), b" letters."
    letters = header[len(start) : -len(end)]
    if not (header.startswith(start) and header.endswith(end) and letters.isdigit()):
        return None
    lines: Lines | None
    if parent_of(path) == bundled_folder():  # checked by the tests (tests/test_sortedlines.py), not at each load
        lines = Lines([]) if body_at == len(raw) else _sampled(path, raw, body_at) if raw[-1:] == b"\n" else None
        if lines is None:
            raise DictionaryError(f"{path}: rows must be string<TAB>gram count<TAB>context count, sorted")
    else:
        body = raw[body_at:]
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DictionaryError(f"{path}: not valid UTF-8 at byte {len(header) + 1 + e.start}") from None
        lines = _sorted(path, body) if body else Lines([])
        if lines is None or body.count(b"\t") != 2 * len(lines):
            raise DictionaryError(f"{path}: rows must be string<TAB>gram count<TAB>context count, sorted")
    rows = SortedRows(lines, 2, str(path))
    return NameCounts(rows, 0, str(path)), NameCounts(rows, 1, str(path)), int(letters)


class ColloquialPrefix(NamedTuple):
    """A row of dictionaries/colloquial_prefixes.tsv: a casual nasal prefix as written, the root's first letter it
    replaces ("" when none), whether a vowel follows it, whether the root must be a verb, and how many rare words
    the pattern makes in the build corpus."""

    written: str
    restored: str
    vowel: bool
    verb: bool
    made: float


class NameCounts(dict[str, int]):
    """One count column of the name model's rows (NAME_MODEL_FILE), read as asked: string -> count, 0 for a string
    the rows lack (as a Counter answers). Each answer is kept, so asking again is a dict lookup."""

    def __init__(self, rows: SortedRows, column: int, where: str) -> None:
        super().__init__()
        self._rows, self._column, self._where = rows, column, where

    def __missing__(self, key: str) -> int:
        row = self._rows.get(key)
        count = 0 if row is None else self._count(row)
        self[key] = count
        return count

    def _count(self, row: str) -> int:
        try:
            return int(row.split("\t")[self._column])
        except ValueError:
            raise DictionaryError(f"{self._where}: a row is not string<TAB>gram count<TAB>context count") from None

    def whole(self) -> dict[str, int]:
        """Every string with a count above 0 (all the rows read)."""
        counts = ((key, self._count(row)) for key, row in self._rows.whole().items())
        return {key: n for key, n in counts if n}


def _body(path: str) -> tuple[str, bool]:
    """The text of a data file after its leading `#` comment lines, and whether it is plain:
    no other comment or blank line and no stray space at a line's edge, so its lines are its rows."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as e:
        raise DictionaryError(f"{path}: not valid UTF-8 at byte {e.start}") from None
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read ({e.strerror or e})") from None
    return _body_of(text)


def _body_of(text: str) -> tuple[str, bool]:
    """`_body` of a file's text."""
    while text.startswith("#"):  # leading comment lines
        text = text.partition("\n")[2]
    plain = not ("\n#" in text or "\n\n" in text or text[:1].isspace() or " \n" in text)
    return text, plain


def _lines(path: str) -> list[str]:
    """The lines of a data file, without its leading `#` comment lines and blank lines."""
    return _lines_of(*_body(path))


def mean_reduplication_share(counts: Iterable[tuple[int, int]]) -> float:
    """The mean share of its uses a word is written reduplicated, `w-w` of `w` and `w-w` together, over `counts`
    (uses of `w`, uses of `w-w`) of the words written reduplicated at all and seen REDUPLICATION_CLASS_USES times or
    more in both forms together; 0 for none."""
    shares = [twice / (once + twice) for once, twice in counts if twice and once + twice >= REDUPLICATION_CLASS_USES]
    return sum(shares) / len(shares) if shares else 0.0


def _lines_of(text: str, plain: bool) -> list[str]:
    """`_lines` of a file's text after its leading comment lines (`_body`)."""
    if not text:
        return []
    if not plain:
        return [ln.strip() for ln in text.split("\n") if ln.strip() and not ln.startswith("#")]
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def _cells(path: str) -> tuple[list[str], int]:
    """The tab-separated cells of all the lines of a data file (as `_lines`), in one list, and the line count."""
    return _cells_of(*_body(path))


def _cells_of(text: str, plain: bool) -> tuple[list[str], int]:
    """`_cells` of a file's text after its leading comment lines (`_body`)."""
    if not plain:
        lines = _lines_of(text, plain)
        return "\t".join(lines).split("\t"), len(lines)
    if text.endswith("\n"):
        text = text[:-1]
    return text.replace("\n", "\t").split("\t"), text.count("\n") + 1 if text else 0


def _option(options: dict, key: str, default: int, where: str) -> int:
    value = options.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise DictionaryError(f"{where}: {key} must be a whole number, not {value!r}")
    return value


def _word_list(path: str) -> list[str]:
    """The words of a one-word-per-line table, read by the project's one word-list reader."""
    from .workspace import read_word_list  # noqa: PLC0415

    return read_word_list(path, DictionaryError)


#: What `str.split()` splits at but a line break, in UTF-8 (and any of U+2000 to U+203F): a file of trigrams holding
#: none of them, nor a blank line, has its lines for its trigrams.
_SPACES = (
    *(b"\n\n", b" ", b"\t", b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\x1f", b"\xc2\x85", b"\xc2\xa0"),
    *(b"\xe1\x9a\x80", b"\xe2\x80", b"\xe2\x81\x9f", b"\xe3\x80\x80"),
)
#: Word lists up to this size may be answered by bisection (`_sorted_words`).
MAX_SORTED_BYTES = 16 * 1024 * 1024
#: The bytes a plain word list holds below its header: printable ASCII but `#`, and line breaks.
_WORD_BYTES = bytes(range(0x20, 0x7F)).replace(b"#", b"") + b"\n"
#: Line breaks of `str.splitlines` other than `\n`: a header line holding one is read otherwise by the word-list reader.
_OTHER_BREAKS = (b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e")


def _sorted(path: str, body: bytes) -> Lines | None:
    """`body` (the lines of `path` below its header) for bisection: a bundled table, which the tests check sorted
    (tests/test_sortedlines.py), through `SampledLines` (nothing split); any other split and checked sorted, None
    when it is not (then it is read whole)."""
    if body.endswith(b"\n") and parent_of(path) == bundled_folder():
        return SampledLines(body)
    lines = sorted_lines(body)
    return Lines(lines) if lines is not None else None


def _bundled_lines(path: str) -> Lines | None:
    """The lines below the `#` header of a bundled table, as they are (the file mapped, not read): the tests check
    that each passes the checks that `_sorted_words` and `_sorted_rows` make of any other file (plain, sorted;
    tests/test_sortedlines.py)."""
    data = _mapped_bytes(path)
    start = below_comments(data)
    return _sampled(path, data, start) if start < len(data) and data[-1:] == b"\n" else None


def _sampled(path: str, data: Buffer, start: int) -> SampledLines:
    """The sorted lines of the table `data` (the file at `path`) from `start` on, through the samples the build made
    of it (`speller.samples`) when there are some."""
    return SampledLines(data, start=start, samples=made_samples(path, len(data), start))


def _sorted_words(path: str, lowercase: bool) -> Lines | None:
    """The word list at `path` answered by bisection (`speller.sortedlines`) when the word-list reader would give its
    lines as they are: ASCII, nothing below its `#` header but words of printable characters one a line (no comment,
    blank line or space at a line's edge), sorted, and in lowercase when `lowercase`; else None (then read whole)."""
    if parent_of(path) == bundled_folder():
        return _bundled_lines(path)
    from .errors import InputError  # noqa: PLC0415
    from .textfile import read_regular  # noqa: PLC0415

    try:
        raw = read_regular(path, MAX_SORTED_BYTES)
    except InputError:
        return None  # the word-list reader says why (or reads a larger list whole)
    body = raw
    while body.startswith(b"#"):
        body = body.partition(b"\n")[2]
    header = raw[: len(raw) - len(body)]
    if not raw.isascii() or body.translate(None, _WORD_BYTES) or any(b in header for b in _OTHER_BREAKS):
        return None
    if body[:1].isspace() or b"\n\n" in body or b" \n" in body or b"\n " in body:
        return None
    if lowercase and body.lower() != body:
        return None
    return _sorted(path, body)


def _cut_short(path: str) -> bool:
    """Whether a table the builder writes (never empty, each line ended) is empty or ends inside a line: a copy cut
    short, which read as it is would answer that most forms are fine."""
    with open(path, "rb") as f:
        if f.seek(0, os.SEEK_END) == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b"\n"


def _sorted_rows(path: str, tabs: int) -> SortedRows | None:
    """The `key<TAB>rest` rows of a data file answered by bisection (`speller.sortedlines`) when `_lines` would give
    them as they are (valid UTF-8, plain below its `#` header) and they are sorted; else None (then read whole)."""
    if parent_of(path) == bundled_folder():
        lines = _bundled_lines(path)
        return SortedRows(lines, tabs, str(path)) if lines is not None else None
    raw = _read_bytes(path)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    body = raw
    while body.startswith(b"#"):
        body = body.partition(b"\n")[2]
    first = body[:4].decode("utf-8", "ignore")[:1]
    if b"\n#" in body or b"\n\n" in body or b" \n" in body or first.isspace():
        return None
    lines = _sorted(path, body)
    if lines is None or body.count(b"\t") != tabs * len(lines):  # another column count: read whole
        return None
    return SortedRows(lines, tabs, str(path))


def _count_rows(path: str, raw: Buffer) -> Lines | None:
    """The rows of the bundled words.tsv (its bytes `raw`) for bisection (`CountRows`): the tests check that they are
    plain rows of two tabs each, sorted, each word listed once (so that `_parse_words` reads them as they are); None
    for another words.tsv (then the words are read whole)."""
    if parent_of(path) != bundled_folder() or raw[-1:] != b"\n":
        return None
    return _sampled(path, raw, 0)


#: Every byte but the space and the line break: what `Dictionary._join_sides` deletes to see one space a key.
_NOT_SPACE_OR_BREAK = bytes(b for b in range(256) if b not in b" \n")


def _lefts(keys: Iterable[str]) -> frozenset[str]:
    """What comes before the first space of each key."""
    return frozenset(map(itemgetter(0), map(str.partition, keys, repeat(" "))))


def _pairs_of(path: str) -> dict[str, str]:
    """First column -> second column of a tab-separated file (further columns are notes)."""
    cells, rows = _cells(path)
    if len(cells) == 2 * rows:  # the usual case: exactly two columns everywhere
        return dict(zip(cells[0::2], cells[1::2]))
    lines = _lines(path)
    pairs = {}
    for n, line in enumerate(lines, 1):
        parts = line.split("\t")
        if len(parts) < 2:
            raise DictionaryError(f"{path}: row {n} has {len(parts)} columns, expected 2 or more")
        pairs[parts[0]] = parts[1]
    return pairs


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read ({e.strerror or e})") from None


def _parse_words(path: str, raw: bytes) -> tuple[list[str], list[int], list[int]]:
    """(words, counts, lowercase counts) of words.tsv (its bytes `raw`), a word listed twice keeping its last row."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DictionaryError(f"{path}: not valid UTF-8 at byte {e.start}") from None
    cells = _cells_of(*_body_of(text))[0]
    words, counts, lowers = cells[0::3], cells[1::3], cells[2::3]
    try:
        if not (len(words) == len(counts) == len(lowers)):
            raise ValueError
        numbers, lowered = list(map(int, counts)), list(map(int, lowers))
    except ValueError:
        cols = [line.split("\t") for line in _lines(path)]
        bad = next(
            (n for n, r in enumerate(cols, 1) if len(r) != 3 or not (r[1].isdigit() and r[2].isdigit())), len(cols)
        )
        raise DictionaryError(f"{path}: line {bad} is not word<TAB>count<TAB>lower") from None
    last = dict(zip(words, zip(numbers, lowered)))
    if len(last) != len(words):  # a word listed twice: its last row counts, as in a dict
        words = list(last)
        numbers, lowered = [n for n, _ in last.values()], [low for _, low in last.values()]
    return words, numbers, lowered


def _name_flags(numbers: list[int], lowered: list[int]) -> tuple[list[bool], list[bool]]:
    """Whether each word is a name (`is_name`) and whether it is a proper name (almost never in lowercase)."""
    # compared in C (map) rather than a Python loop
    named = list(map(lt, lowered, map(mul, numbers, repeat(NAME_LOWER_SHARE))))
    proper = list(map(lt, lowered, map(mul, numbers, repeat(PROPER_LOWER_SHARE))))
    return named, list(map(and_, named, proper))


def _parsed_meta(meta_file: str, raw: bytes) -> dict:
    """The metadata in `raw` (the bytes of `meta_file`), checked (`_checked_meta`)."""
    import json  # noqa: PLC0415 - only when the word index holds no copy of the facts (`_facts_of`)

    try:
        meta = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as e:
        raise DictionaryError(f"{meta_file}: unreadable metadata ({e})") from None
    return _checked_meta(meta, meta_file)


def _checked_meta(meta: object, meta_file: str) -> dict:
    """`meta` when it is metadata this speller reads (format version, SymSpell options in bounds, counts and sizes
    that are whole numbers); DictionaryError otherwise."""
    if not isinstance(meta, dict):
        raise DictionaryError(f"{meta_file}: metadata must be a JSON object")
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise DictionaryError(f"{meta_file}: format version {version!r}, this speller reads {FORMAT_VERSION}")
    options = meta.get("options", {})
    if not isinstance(options, dict):
        raise DictionaryError(f"{meta_file}: options must be a JSON object")
    distance = _option(options, "max_edit_distance", 2, meta_file)
    prefix = _option(options, "prefix_length", 7, meta_file)
    if not 1 <= distance <= MAX_EDIT_DISTANCE:
        raise DictionaryError(f"{meta_file}: max_edit_distance {distance}, expected 1 to {MAX_EDIT_DISTANCE}")
    if not distance < prefix <= MAX_PREFIX_LENGTH:
        raise DictionaryError(f"{meta_file}: prefix_length {prefix}, expected {distance + 1} to {MAX_PREFIX_LENGTH}")
    for key in _LINE_COUNTS.values():
        count = meta.get(key)
        if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
            raise DictionaryError(f"{meta_file}: {key} must be a count, not {count!r}")
    sizes = meta.get(_SIZES, {})
    if not isinstance(sizes, dict) or any(
        isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in sizes.values()
    ):
        raise DictionaryError(f"{meta_file}: {_SIZES} must map file names to sizes in bytes")
    return meta


#: The facts of meta.json the loader uses (key paths), copied into WORD_INDEX_FILE (`_facts_section`) so that a load
#: parses no JSON: the format version, the SymSpell options, the line counts and the sizes of the mapped files.
_FACTS = (
    ("format_version",),
    ("options", "max_edit_distance"),
    ("options", "prefix_length"),
    *((key,) for key in _LINE_COUNTS.values()),
    *((_SIZES, name) for name in ("bigrams.tsv", "deletes.tsv", "deletes.idx")),
)


def _meta_line(meta_json: bytes) -> bytes:
    """The first line of the facts section: the size and CRC-32 of the meta.json it copies."""
    return f"meta.json\t{len(meta_json)}\t{zlib.crc32(meta_json):08x}".encode()


def _facts_section(meta_json: bytes, meta_file: str) -> bytes:
    """The facts section of WORD_INDEX_FILE: `_meta_line`, then `path/of/key<TAB>value` per fact of `_FACTS` that
    meta.json (its bytes `meta_json`, empty when there is none) holds; nothing when meta.json is not readable."""
    try:
        meta = _parsed_meta(meta_file, meta_json) if meta_json else {}
    except DictionaryError:
        return b""  # the loader reads meta.json, and says what is wrong with it
    lines = [_meta_line(meta_json)]
    for path in _FACTS:
        value: object = meta
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            lines.append(f"{'/'.join(path)}\t{value}".encode())
    return b"\n".join([*lines, b"end"])


def _facts_of(section: bytes, meta_json: bytes, meta_file: str) -> dict | None:
    """The metadata facts in the facts section of WORD_INDEX_FILE (`_facts_section`) when it copies `meta_json`,
    checked as meta.json is (`_checked_meta`); None when it copies another (stale) or there is none."""
    lines = section.split(b"\n")
    if lines[0] != _meta_line(meta_json) or lines[-1] != b"end":  # another meta.json, or cut short
        return None
    facts: dict = {}
    for line in lines[1:-1]:
        path, _, value = line.decode("ascii", "replace").partition("\t")
        *parents, key = path.split("/")
        place = facts
        for parent in parents:
            place = place.setdefault(parent, {})
        try:
            place[key] = int(value)
        except ValueError:
            return None
    return _checked_meta(facts, meta_file) if meta_json else facts  # no meta.json: nothing to check, as at load


def _facts_at(data: Buffer) -> int:
    """Where the facts section of the bytes of a WORD_INDEX_FILE that `_word_index_of` read starts."""
    at = len(_WORD_INDEX_MAGIC)
    n, size = int.from_bytes(data[at : at + 8], "little"), int.from_bytes(data[at + 8 : at + 16], "little")
    return at + 8 * _WORD_INDEX_HEADER + 21 * n + size + 1


def _word_index_header(count: int, words_bytes: int, words_tsv: Buffer) -> bytes:
    """The header of WORD_INDEX_FILE (with its magic) but the totals at its end (`_word_totals`)."""
    sizes = array("Q", [count, words_bytes, len(words_tsv), zlib.crc32(words_tsv)])
    shares = array("d", [NAME_LOWER_SHARE, PROPER_LOWER_SHARE])
    if sys.byteorder == "big":
        sizes.byteswap()
        shares.byteswap()
    return _WORD_INDEX_MAGIC + sizes.tobytes() + shares.tobytes()


def write_word_index(folder: str | PathLike[str]) -> None:
    """Write WORD_INDEX_FILE beside the words.tsv (and the meta.json) of `folder`: what `Dictionary` loads, ready
    to use. The builder writes it after meta.json.

    Layout (little-endian): the magic, the header (see `_WORD_INDEX_HEADER`), the counts and the
    lowercase counts (uint64 each), one byte of flags per word (1: a name, 2: a proper name), the
    positions of the words in sorted order (uint32 each: `Dictionary.lower_count` searches them, so no
    table of lowercase counts is built), the words in UTF-8, one a line, in the order of words.tsv, then
    a line break and the facts of meta.json the loader uses (`_facts_section`)."""
    folder = normal(folder)
    words_file = join(folder, "words.tsv")
    raw = _read_bytes(words_file)
    words, numbers, lowered = _parse_words(words_file, raw)
    named, proper = _name_flags(numbers, lowered)
    text = "\n".join(words).encode("utf-8")
    arrays = array("Q", numbers), array("Q", lowered), _sorted_order(words)
    if sys.byteorder == "big":
        for a in arrays:
            a.byteswap()
    flags = bytes(n + 2 * p for n, p in zip(named, proper))
    tmp = join(folder, WORD_INDEX_FILE + ".tmp")
    numbers_bytes = arrays[0].tobytes() + arrays[1].tobytes()
    meta_file = join(folder, "meta.json")
    meta_json = _read_bytes(meta_file) if os.path.isfile(meta_file) else b""
    body = numbers_bytes + flags + arrays[2].tobytes() + text + b"\n" + _facts_section(meta_json, meta_file)
    totals = array("Q", [sum(numbers), max(numbers, default=0)])
    if sys.byteorder == "big":
        totals.byteswap()
    with open(tmp, "wb") as f:
        f.write(_word_index_header(len(words), len(text), raw) + totals.tobytes() + body)
    os.replace(tmp, join(folder, WORD_INDEX_FILE))


def _sorted_order(words: list[str]) -> array:
    """The positions of `words` in sorted order (uint32), for a binary search of them."""
    return array("I", sorted(range(len(words)), key=words.__getitem__))


def _read_word_index(path: str, words_tsv: bytes) -> tuple[list[str], array, array, bytes, bytes, array] | None:
    """(words, counts, lowercase counts, name flags, proper-name flags, sorted order) from WORD_INDEX_FILE, or None when
    there is none or it is not the copy of `words_tsv` (stale, truncated, another layout): then words.tsv is parsed."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    return _word_index_of(data, words_tsv)


def _word_index_of(data: Buffer, words_tsv: Buffer) -> tuple[list[str], array, array, bytes, bytes, array] | None:
    """`_read_word_index` of the bytes of WORD_INDEX_FILE."""
    if not _is_word_index(data, words_tsv):
        return None
    start = len(_WORD_INDEX_MAGIC) + 8 * _WORD_INDEX_HEADER
    n = int.from_bytes(data[len(_WORD_INDEX_MAGIC) : len(_WORD_INDEX_MAGIC) + 8], "little")
    end = _facts_at(data) - 1
    numbers, lowered, order = array("Q"), array("Q"), array("I")
    numbers.frombytes(data[start : start + 8 * n])
    lowered.frombytes(data[start + 8 * n : start + 16 * n])
    order.frombytes(data[start + 17 * n : start + 21 * n])
    if sys.byteorder == "big":
        numbers.byteswap()
        lowered.byteswap()
        order.byteswap()
    flags = data[start + 16 * n : start + 17 * n]
    try:
        words = data[start + 21 * n : end].decode("utf-8").split("\n") if n else []
    except UnicodeDecodeError:
        return None
    if len(words) != n:
        return None
    return words, numbers, lowered, flags.translate(_NAME_BIT), flags.translate(_PROPER_BIT), order


def _is_word_index(data: Buffer, words_tsv: Buffer) -> bool:
    """Whether `data` is a whole WORD_INDEX_FILE of this layout made from `words_tsv` (its words not read)."""
    start = len(_WORD_INDEX_MAGIC) + 8 * _WORD_INDEX_HEADER
    if data[: len(_WORD_INDEX_MAGIC)] != _WORD_INDEX_MAGIC or len(data) < start:
        return False
    n = int.from_bytes(data[len(_WORD_INDEX_MAGIC) : len(_WORD_INDEX_MAGIC) + 8], "little")
    size = int.from_bytes(data[len(_WORD_INDEX_MAGIC) + 8 : len(_WORD_INDEX_MAGIC) + 16], "little")
    end = start + 21 * n + size  # the facts section follows, after a line break
    if data[: start - 16] != _word_index_header(n, size, words_tsv) or data[end : end + 1] != b"\n":
        return False
    return data[-4:] == b"\nend"  # else cut short


def _word_totals(data: Buffer) -> tuple[int, int]:
    """(sum, largest) of the counts in the bytes of a WORD_INDEX_FILE (`_is_word_index`), from its header."""
    start = len(_WORD_INDEX_MAGIC) + 8 * _WORD_INDEX_HEADER
    totals = array("Q", data[start - 16 : start])
    if sys.byteorder == "big":
        totals.byteswap()
    return totals[0], totals[1]


#: Byte translations picking one flag of WORD_INDEX_FILE (a non-zero byte is a word with the flag).
_NAME_BIT = bytes(b & 1 for b in range(256))
_PROPER_BIT = bytes(b & 2 for b in range(256))


#: A file `speller build` puts in a dictionary folder while it writes the folder's files, and takes away once every
#: one is written: a folder holding it mixes files of two builds (or lacks some), and is not loaded but by the
#: process building it (its process id is the file's text), which reads back what it has written.
UNFINISHED_FILE = ".speller-unfinished"


def _unfinished(folder: str) -> bool:
    """Whether another process's build of `folder` did not finish (`UNFINISHED_FILE`)."""
    try:
        with open(join(folder, UNFINISHED_FILE), encoding="ascii", errors="replace") as f:
            return f.read().strip() != str(os.getpid())
    except FileNotFoundError:
        return False
    except OSError:
        return True


class Dictionary:
    """Word counts, names, roots and curated tables of one dictionary folder."""

    def __init__(self, path: str | PathLike[str] | None = None) -> None:
        #: The dictionary folder as a plain name (`speller.pathnames.normal`); `path` is it as a `Path`.
        self.folder = normal(path) if path is not None else default_folder()
        words_file = join(self.folder, "words.tsv")
        if not os.path.isfile(words_file):
            raise DictionaryError(f"{self.folder}: no dictionary here (words.tsv missing); run `speller build`")
        if _unfinished(self.folder):
            raise DictionaryError(f"{self.folder}: its build did not finish (stopped half way?); build it again")
        meta_file = join(self.folder, "meta.json")
        meta_json = self._meta_json(meta_file)
        raw = _mapped_bytes(words_file)  # mapped, not read: a load reads only the rows and the facts it asks
        try:
            index = _mapped_bytes(join(self.folder, WORD_INDEX_FILE))
        except DictionaryError:
            index = b""
        indexed = _is_word_index(index, raw)
        facts = _facts_of(index[_facts_at(index) :], meta_json, meta_file) if indexed else None
        if facts is None:
            facts = _parsed_meta(meta_file, meta_json) if meta_json else {}
        #: The facts of meta.json the loader uses (`_FACTS`): its copy in WORD_INDEX_FILE, else all of meta.json.
        self.meta: dict = facts
        self._words_tsv, self._index = raw, index  # until `_word_table` reads them
        #: Word -> count: a dict, or, for the bundled words.tsv with its index, its rows read as asked (`CountRows`).
        self.counts: Mapping[str, int]
        #: Words written in lowercase less than NAME_LOWER_SHARE of the time: names such as `putin`.
        self.names: Set[str]
        #: Names almost never written in lowercase (`jakarta`): a suggestion of one is capitalized.
        self.proper: Set[str]
        self._count_rows: CountRows | None = None
        self._max_count: int | None = None  # known at load when the counts are read row by row
        rows = _count_rows(words_file, raw) if indexed else None
        if rows is not None:  # nothing split until asked often: the rows of the words asked are read
            self._count_rows = CountRows(rows, str(words_file), self._whole_counts, self._counted)
            self.counts = self._count_rows
            self.names = self._asked("names", self._named(NAME_LOWER_SHARE), lambda: self._flag_set(proper=False))
            self.proper = self._asked("proper", self._named(PROPER_LOWER_SHARE), lambda: self._flag_set(proper=True))
            total, self._max_count = _word_totals(index)
            self.total = total or 1
        else:
            words, numbers, _, named, proper, order = self._word_table
            self.counts = dict(zip(words, numbers))
            if order is None:  # no sorted order to search the flags by: the sets at once
                self.names, self.proper = frozenset(compress(words, named)), frozenset(compress(words, proper))
            else:  # asked by the word's flag (its place found as `lower_count` finds it) until asked often
                self.names = self._asked("names", self._flagged(named), lambda: frozenset(compress(words, named)))
                self.proper = self._asked("proper", self._flagged(proper), lambda: frozenset(compress(words, proper)))
            self.total = sum(numbers) or 1
        self._bigram_cache: dict[str, int] = {}
        self._lower_cache: dict[str, int] = {}  # `lower_count` of the words asked about, up to LOWER_CACHE_SIZE

    @property
    def path(self) -> Path:
        """The dictionary folder."""
        from pathlib import Path  # noqa: PLC0415 - a check uses `folder`

        return Path(self.folder)

    def _meta_json(self, meta_file: str) -> bytes:
        """The bytes of meta.json (empty when there is none)."""
        if not os.path.isfile(meta_file):
            return b""
        from .errors import InputError  # noqa: PLC0415
        from .textfile import read_regular  # noqa: PLC0415

        try:
            return read_regular(meta_file, MAX_META_BYTES)
        except InputError as e:
            raise DictionaryError(f"{meta_file}: unreadable metadata ({e})") from None

    def _curated(self, name: str) -> str | None:
        """A curated table from this folder, else from the bundled one (a built dictionary without curated tables
        keeps them); never from another folder the environment names, so a build's output depends on its inputs
        alone."""
        for folder in (self.folder, bundled_folder()):
            if os.path.isfile(join(folder, name)):
                return join(folder, name)
        return None

    def _word_set(self, name: str) -> frozenset[str]:
        path = self._curated(name)
        if path is None:
            return frozenset()
        words = _word_list(path)
        joined = "\n".join(words)  # a word never holds a line break
        lowered = joined.lower()
        # a list already in lowercase (roots.txt) is taken as it is: no new string per word
        return frozenset(words if lowered == joined else lowered.split("\n"))

    @cached_property
    def colloquial_prefixes(self) -> tuple[ColloquialPrefix, ...]:
        """The rows of the curated colloquial_prefixes.tsv (none without the file); a malformed row is an error."""
        path = self._curated("colloquial_prefixes.tsv")
        rows = []
        for n, line in enumerate(_lines(path) if path else [], 1):
            cells = line.split("\t")
            try:
                written, restored, follows, root, made = cells
                rows.append(
                    ColloquialPrefix(
                        written, "" if restored == "-" else restored, follows == "vowel", root == "verb", float(made)
                    )
                )
            except ValueError:
                raise DictionaryError(
                    f"{path}: row {n} is not `prefix<TAB>letter<TAB>vowel|consonant<TAB>verb|any<TAB>count`"
                ) from None
        return tuple(rows)

    def _pairs(self, name: str) -> dict[str, str]:
        path = self._curated(name)
        return _pairs_of(path) if path else {}

    def _asked(self, name: str, ask: Callable[[str], bool], build: Callable[[], frozenset[str]]) -> AskedSet:
        """The set of attribute `name` answered by `ask` (`speller.sortedlines`) until it is built whole: from then
        on the attribute is that frozenset (a lookup in C, for callers that read it per text)."""
        return AskedSet(ask, build, lambda whole: self.__dict__.__setitem__(name, whole))

    def _sorted_word_set(self, name: str, path: str | None, lowercase: bool) -> AskedSet | None:
        """The word list at `path` as attribute `name`, answered by bisection when it is plain and sorted, else None."""
        lines = _sorted_words(path, lowercase) if path is not None else None
        if lines is None:
            return None
        return sorted_words(lines, lambda whole: self.__dict__.__setitem__(name, whole))  # as `_asked` makes it

    @cached_property
    def roots(self) -> Set[str]:
        """The root lexicon (KBBI roots) of this folder, built in with `speller build --roots` (CC BY-NC-SA: a
        dictionary built without it has none, and its morphology reads corpus words alone); a plain sorted list is
        answered by bisection until asked often."""
        path = join(self.folder, "roots.txt")
        if not os.path.isfile(path):
            return frozenset()
        words = self._sorted_word_set("roots", path, lowercase=True)
        return words if words is not None else self._word_set("roots.txt")

    @cached_property
    def foreign(self) -> frozenset[str]:
        """Foreign words common in Indonesian news that are not errors."""
        return self._word_set("foreign.txt")

    @cached_property
    def english(self) -> Set[str]:
        """Frequent English words (quoted English is not a typo); read on first use, a sorted list answered by
        bisection (`speller.sortedlines`)."""
        path = join(self.folder, "english.txt")
        if not os.path.isfile(path):
            return frozenset()
        words = self._sorted_word_set("english", path, lowercase=False)
        return words if words is not None else frozenset(_word_list(path))

    @cached_property
    def _attested_rows(self) -> Mapping[str, str]:
        """ATTESTED_FILE's rows, word -> frequency as written; sorted rows (as the builder writes them) are answered by
        bisection (`speller.sortedlines`), so a check pays only for the words it asks about; empty without the file."""
        path = join(self.folder, ATTESTED_FILE)
        if not os.path.isfile(path):
            return {}
        rows = _sorted_rows(path, tabs=1)
        return rows if rows is not None else _pairs_of(path)

    def attested(self, word: str) -> int:
        """The frequency per billion words of `word` in a second source (ATTESTED_FILE: words the corpus does not
        list), 0 when it is not there or the dictionary was built without the list."""
        n = self._attested_rows.get(word)
        if n is None:
            return 0
        if not n.isdigit():
            where = join(self.folder, ATTESTED_FILE)
            raise DictionaryError(f"{where}: every line must be word<TAB>frequency per billion")
        return int(n)

    @cached_property
    def baku(self) -> dict[str, str]:
        """Non-standard form -> standard (baku) form."""
        return self._pairs("baku.tsv")

    @cached_property
    def baku_standards(self) -> frozenset[str]:
        """The standard forms baku.tsv recommends, in lowercase (`duha`, `kalbu`): words however seldom news writes
        them, since the checker writes them itself (`dhuha` -> `duha` must not then be a slip of `dua`)."""
        return frozenset(v.lower() for v in self.baku.values())

    @cached_property
    def baku_endings(self) -> dict[str, str]:
        """Non-standard word ending -> standard ending (`ifitas` -> `ivitas`)."""
        return self._pairs("baku_endings.tsv")

    @cached_property
    def compounds(self) -> dict[str, str]:
        """Wrongly joined or split form -> right spacing."""
        return self._pairs("compounds.tsv")

    @cached_property
    def apart_forms(self) -> frozenset[str]:
        """The right forms of compounds.tsv written as several words, in lowercase (`cita rasa`, `kerja sama`)."""
        return frozenset(v.lower() for v in self.compounds.values() if " " in v)

    @cached_property
    def closed_compounds(self) -> frozenset[str]:
        """Words that look like two but are rightly written as one."""
        return self._word_set("closed_compounds.txt")

    @cached_property
    def kind_names(self) -> frozenset[str]:
        """Pairs of a kind and a place naming it, written in lowercase (`kacang bogor`: dictionaries/kind_names.txt)."""
        return self._word_set("kind_names.txt")

    @cached_property
    def name_particles(self) -> frozenset[str]:
        """Words that join a person's names, written in lowercase between them (dictionaries/name_particles.txt)."""
        return self._word_set("name_particles.txt")

    @cached_property
    def calendar_names(self) -> frozenset[str]:
        """Names of months and days, capitalized wherever they stand (dictionaries/calendar_names.txt)."""
        return self._word_set("calendar_names.txt")

    @cached_property
    def kpst_exceptions(self) -> frozenset[str]:
        """Words and roots that keep k, p, t, s after meN-/peN-."""
        return self._word_set("kpst_exceptions.txt")

    @cached_property
    def joins(self) -> Mapping[str, str]:
        """`left right` -> the word news writes joined (`di lakukan` -> `dilakukan`); sorted rows (as the builder
        writes them) are answered by bisection (`speller.sortedlines`)."""
        path = join(self.folder, "joins.tsv")
        if not os.path.isfile(path):
            return {}
        rows = _sorted_rows(path, tabs=1)
        return rows if rows is not None else _pairs_of(path)

    @cached_property
    def join_keys(self) -> Set[str]:
        """`left right` of the pairs that may be one word: the `joins` and the curated two-word compounds. Kept as the
        tables' own key strings (no pair of strings made per key), so loading it costs little; asked of the joins
        table one by one (`_asked`) when it is answered by bisection."""
        joins, spaced = self.joins, frozenset(k for k in self.compounds if " " in k)
        if not isinstance(joins, SortedRows):
            return frozenset(chain(joins, spaced))
        return self._asked("join_keys", lambda k: k in spaced or k in joins, lambda: frozenset(self._join_key_list))

    @cached_property
    def _join_key_list(self) -> list[str]:
        """Every key of `join_keys` (a key may come twice): the joins table's keys read without its values."""
        joins = self.joins
        keys = joins.keys_listed() if isinstance(joins, SortedRows) else list(joins)
        return keys + [k for k in self.compounds if " " in k]

    @cached_property
    def join_pairs(self) -> frozenset[tuple[str, str]]:
        """(left, right) of each key of `join_keys`: what comes before and after its first space (a three-word key's
        right holds a space); for a text long enough to ask it of each pair of neighbours (`Speller._scan`)."""
        return frozenset(zip(*self._join_sides))

    @cached_property
    def _join_sides(self) -> tuple[list[str], list[str]]:
        """The lefts and the rights of `join_pairs`, key by key: split in C when each key holds one space (as the
        builder writes them), else key by key."""
        keys = self._join_key_list
        text = "\n".join(keys)
        one_space_each = b" \n" * (len(keys) - 1) + b" "  # the spaces and line breaks of `text` when each key holds one
        if not keys or text.encode("utf-8", "surrogatepass").translate(None, _NOT_SPACE_OR_BREAK) != one_space_each:
            return [k.partition(" ")[0] for k in keys], [k.partition(" ")[2] for k in keys]
        words = text.replace(" ", "\n").split("\n")  # left, right, left, right...
        return words[::2], words[1::2]

    @cached_property
    def join_lefts(self) -> Set[str]:
        """First words of the pairs that may be one word (`join_keys`): what comes before the first space of each;
        asked of the joins table one by one (`_asked`) when it is answered by bisection."""
        joins = self.joins
        if not isinstance(joins, SortedRows):
            return _lefts(self.join_keys)
        spaced = _lefts(k for k in self.compounds if " " in k)

        def ask(word: str) -> bool:
            if " " in word or "\t" in word:  # a first word holds neither
                return False
            return word in spaced or joins.listed_or_spaced(word)  # (a key without a space counts too)

        return self._asked("join_lefts", ask, lambda: frozenset(self._join_sides[0]))

    @cached_property
    def verdicts(self) -> Mapping[str, str] | None:
        """The builder's verdict table (see `speller.verdicts`): tabled form -> `kind<TAB>replacement<TAB>confidence`
        for the forms that are not plainly fine; None when the folder has none. Read on first use; sorted rows (as
        the builder writes them) are answered by bisection (`speller.sortedlines`)."""
        path = join(self.folder, "verdicts.tsv")
        if not os.path.isfile(path):
            return None
        if _cut_short(path):
            raise DictionaryError(f"{path}: empty or cut short; build the dictionary again (or delete the file)")
        rows = _sorted_rows(path, tabs=3)
        if rows is not None:
            return rows
        lines = _lines(path)
        if set(map(str.count, lines, repeat("\t"))) - {3}:
            raise DictionaryError(f"{path}: every line must be form<TAB>kind<TAB>replacement<TAB>confidence")
        return dict(map(str.split, lines, repeat("\t"), repeat(1)))  # type: ignore[arg-type]  # two cells a line

    @cached_property
    def bigrams(self) -> SortedFile:
        """Bigram counts, memory-mapped on first use."""
        return self._mapped("bigrams.tsv")

    @cached_property
    def deletes(self) -> SortedFile:
        """SymSpell delete index, memory-mapped on first use."""
        return self._mapped("deletes.tsv")

    @cached_property
    def delete_table(self) -> HashIndex | None:
        """The delete index compiled into a hashed table (`speller.hashindex`), memory-mapped on first use; None
        when the folder has none (an older build, or a copy of its text files only: `deletes.tsv` serves then)."""
        from .hashindex import TABLE_FILE, HashIndex  # noqa: PLC0415

        size = self.meta.get(_SIZES, {}).get(TABLE_FILE)
        if size is None or not os.path.isfile(join(self.folder, TABLE_FILE)):
            return None
        return HashIndex(join(self.folder, TABLE_FILE), size=size, keys=self.meta.get(_LINE_COUNTS["deletes.tsv"]))

    def trigrams(self, min_count: int) -> Set[str] | None:
        """The letter trigrams of this folder's `trigrams.txt`, one a line after `trigrams_header(min_count)`;
        None when there is no such file or it was built for another `min_count` (then they are computed). Sorted
        lines with no other white space (as the builder writes them) are answered by bisection until asked often."""
        path = join(self.folder, TRIGRAMS_FILE)
        raw = _optional_bytes(path)
        if raw is None:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise DictionaryError(f"{path}: not valid UTF-8 at byte {e.start}") from None
        header, _, body = text.partition("\n")
        if header != trigrams_header(min_count):
            return None
        data = raw.partition(b"\n")[2]
        lines = None if data[:1] == b"\n" or any(s in data for s in _SPACES) else _sorted(path, data)
        return sorted_words(lines) if lines is not None else frozenset(body.split())

    def affix_patterns(self, max_count: int) -> dict[str, float] | None:
        """pattern -> how many genuine rare words it makes, from this folder's AFFIXES_FILE (see `affixes_header`); None
        when there is no such file or it counts the words of another `max_count` (then the checker counts them)."""
        path = join(self.folder, AFFIXES_FILE)
        if not os.path.isfile(path):
            return None
        with open(path, encoding="utf-8", errors="replace") as f:
            if f.readline().rstrip("\n") != affixes_header(max_count):
                return None
        table = {}
        for n, line in enumerate(_lines(path), 1):
            pattern, _, words = line.partition("\t")
            try:
                table[pattern] = float(words)
            except ValueError:
                raise DictionaryError(f"{path}: row {n} is not `pattern<TAB>words`") from None
        return table

    @cached_property
    def _followers(self) -> Mapping[str, str] | None:
        return self._counts_table(FOLLOWERS_FILE)

    def _counts_table(self, name: str, width: int = 4) -> Mapping[str, str] | None:
        """The `key<TAB>counts` rows (`width` counts) of the builder's table `name`, by key (by bisection when sorted);
        None without the file."""
        path = join(self.folder, name)
        if not os.path.isfile(path):
            return None
        rows = _sorted_rows(path, width)
        return rows if rows is not None else dict(line.partition("\t")[::2] for line in _lines(path))

    def _counts_of(
        self, table: Mapping[str, str] | None, name: str, key: str, width: int = 4
    ) -> tuple[int, ...] | None:
        """The `width` counts of `key`'s row in `table` (read from the file `name`); None without the table or the
        row."""
        row = None if table is None else table.get(key)
        if row is None:
            return None
        try:
            counts = tuple(map(int, row.split("\t")))
        except ValueError:
            counts = ()
        if len(counts) != width:
            raise DictionaryError(f"{join(self.folder, name)}: row of {key!r} is not {width} counts")
        return counts

    @cached_property
    def _join_uses(self) -> Mapping[str, str] | None:
        return self._counts_table(JOIN_USES_FILE, len(JoinUses._fields))

    def join_uses(self, pair: str) -> JoinUses | None:
        """How news writes `pair` (`ya itu`), apart and joined (JOIN_USES_FILE): None when the folder has no such
        table or the pair no row."""
        counts = self._counts_of(self._join_uses, JOIN_USES_FILE, pair, len(JoinUses._fields))
        return None if counts is None else JoinUses(*counts)

    @cached_property
    def _case_forms(self) -> dict[str, str]:
        path = join(self.folder, CASES_FILE)
        if not os.path.isfile(path):
            return {}
        return dict(line.partition("\t")[::2] for line in _lines(path))

    def written_form(self, word: str) -> str:
        """How news writes the (lowercase) name `word` inside a sentence: its CASES_FILE form (`DPRD`, `iPhone`), else
        with a capital first letter (`Jakarta`); a folder without the table gives the latter."""
        return self._case_forms.get(word) or capitalized(word)

    @cached_property
    def _reduplications(self) -> Mapping[str, str] | None:
        return self._counts_table(REDUPLICATIONS_FILE, 1)

    @cached_property
    def reduplication_share(self) -> float:
        """The mean share of its uses a word the corpus writes reduplicated at all is written so
        (`mean_reduplication_share`; 3.6% in the shipped table: `python -m benchmarks.doubled`), the prior of such a
        word's own share (`speller.model.reduplication_odds`): REDUPLICATIONS_FILE's REDUPLICATION_SHARE_KEY row,
        computed from its rows when a table built before that row lacks it; 0 without the table."""
        table = self._reduplications
        if table is None:
            return 0.0
        row = self._counts_of(table, REDUPLICATIONS_FILE, REDUPLICATION_SHARE_KEY, 1)
        if row is not None:
            return row[0] / 1e6
        rows = (line.partition("\t") for line in _lines(join(self.folder, REDUPLICATIONS_FILE)))
        return mean_reduplication_share((self.count(word), int(uses)) for word, _, uses in rows)

    def reduplicated(self, word: str) -> int:
        """How often the corpus writes the (lowercase) `word` reduplicated as one token, `word-word`
        (REDUPLICATIONS_FILE, which has the kept words; for another word, or without that table, the word table's
        count of `word-word`: `kura` is no kept word, `kura-kura` is)."""
        table = self._reduplications
        counts = None if table is None else self._counts_of(table, REDUPLICATIONS_FILE, word, 1)
        return self.count(f"{word}-{word}") if counts is None else counts[0]

    def beside(self, word: str) -> Beside | None:
        """What stands beside `word` in the corpus (FOLLOWERS_FILE; `FOLLOWERS_TOTAL` for all words together): None
        when the folder has no such table or the word no row."""
        counts = self._counts_of(self._followers, FOLLOWERS_FILE, word)
        return None if counts is None else Beside(*counts)

    def _mapped(self, name: str) -> SortedFile:
        path = join(self.folder, name)
        if not os.path.isfile(path):
            raise DictionaryError(f"{path}: missing; rebuild the dictionary with `speller build`")
        return SortedFile(path, lines=self.meta.get(_LINE_COUNTS[name]), size=self.meta.get(_SIZES, {}).get(name))

    def name_model(self, order: int) -> tuple[Mapping[str, int], Mapping[str, int], int] | None:
        """(gram counts, context counts, how many one-letter grams) of the names' letter model of `order` that the
        builder wrote (NAME_MODEL_FILE); None without the file or when it was made for another order or layout or
        another NAME_SHAPE_FILE (then the model is made from that file's counts). The counts are read as asked
        (`NameCounts`: one bisection of the sorted rows per string, kept); rows not sorted, or without two tabs
        each, are refused, and so is a count that is not a number when it is asked."""
        path = join(self.folder, NAME_MODEL_FILE)
        raw = _optional_mapped(path)
        counts = None if raw is None else _optional_bytes(join(self.folder, NAME_SHAPE_FILE))
        if raw is None or counts is None:
            return None
        return _letter_model(path, raw, name_model_header(order, counts))

    def word_model(self, order: int) -> tuple[Mapping[str, int], Mapping[str, int], int] | None:
        """(gram counts, context counts, how many one-letter grams) of the words' letter model of `order` that the
        builder wrote (WORD_MODEL_FILE), read as `name_model` reads the names'; None without the file or when it was
        made for another order or layout."""
        path = join(self.folder, WORD_MODEL_FILE)
        raw = _optional_mapped(path)
        return None if raw is None else _letter_model(path, raw, word_model_header(order))

    @cached_property
    def name_shape_counts(self) -> dict[str, int] | None:
        """The letter-gram counts of the names that the builder wrote (NAME_SHAPE_FILE), None without the file."""
        path = join(self.folder, NAME_SHAPE_FILE)
        if not os.path.isfile(path):
            return None
        cells, rows = _cells(path)
        if not rows:
            return {}
        try:
            if len(cells) != 2 * rows:
                raise ValueError
            return dict(zip(cells[0::2], map(int, cells[1::2])))
        except ValueError:
            raise DictionaryError(f"{path}: a row is not gram<TAB>count") from None

    @cached_property
    def max_count(self) -> int:
        """The count of the most frequent word."""
        if self._max_count is not None:
            return self._max_count
        return max(self.counts.values(), default=0)

    def count(self, word: str) -> int:
        """How often `word` (lowercase) occurred in the corpus."""
        return self.counts.get(word, 0)

    @cached_property
    def _word_order(self) -> array:
        """The positions of the words in sorted order: read from WORD_INDEX_FILE, else sorted on first use."""
        order = self._word_table[5]
        return order if order is not None else _sorted_order(self._words)

    def _place(self, word: str) -> int | None:
        """Where `word` is in the word list, or None: a binary search of the sorted words."""
        order, words = self._word_order, self._words
        i = bisect_left(order, word, key=words.__getitem__)
        return order[i] if i < len(order) and words[order[i]] == word else None

    @cached_property
    def _word_table(self) -> tuple[list[str], Sequence[int], Sequence[int], Sequence[int], Sequence[int], array | None]:
        """(words, counts, lowercase counts, name flags, proper-name flags, sorted order) from WORD_INDEX_FILE, else
        parsed from words.tsv (then no sorted order: None)."""
        loaded = _word_index_of(self._index, self._words_tsv)
        if loaded is None:
            words_file = join(self.folder, "words.tsv")
            raw = self._words_tsv[:]
            words, numbers, lowered = _parse_words(words_file, raw)
            built = self.meta.get("words")
            if (raw and not raw.endswith(b"\n")) or (type(built) is int and len(words) < built):
                raise DictionaryError(f"{words_file}: cut short (its build wrote {built} words); build it again")
            named, proper = _name_flags(numbers, lowered)
        # the inputs are kept: blanking them here let a second thread that entered this property at once (Python 3.12
        # drops cached_property's lock) read no table and refuse a sound words.tsv (QA)
        return loaded if loaded is not None else (words, numbers, lowered, named, proper, None)

    @cached_property
    def _words(self) -> list[str]:
        """The words, in the order of words.tsv (`lower_count` searches them)."""
        return self._word_table[0]

    @cached_property
    def _lowered(self) -> Sequence[int]:
        """The lowercase count of each of `_words`."""
        return self._word_table[2]

    def _whole_counts(self) -> dict[str, int]:
        """Every word's count, read whole."""
        return dict(zip(self._words, self._word_table[1]))

    def _counted(self, counts: dict[str, int]) -> None:
        """Give out `counts`, every word's count, as the attribute (a lookup in C from then on)."""
        self.counts = counts

    def _flag_set(self, proper: bool) -> frozenset[str]:
        """The names (`proper`: the proper names) as flagged in `_word_table`."""
        table = self._word_table
        return frozenset(compress(table[0], table[4] if proper else table[3]))

    def _named(self, share: float) -> Callable[[str], bool]:
        """Whether a listed word is written in lowercase less than NAME_LOWER_SHARE and `share` of the time (as
        `_name_flags` flags it), from its row (`CountRows`): the names with NAME_LOWER_SHARE, the proper names with
        PROPER_LOWER_SHARE."""

        def ask(word: str) -> bool:
            row = self._count_rows.row(word)  # type: ignore[union-attr]  # set when asked
            return row is not None and row[1] < row[0] * NAME_LOWER_SHARE and row[1] < row[0] * share

        return ask

    def _flagged(self, flags: Sequence[int]) -> Callable[[str], bool]:
        """Whether a word's flag among `flags` (one a word, in the order of the word list) is set."""
        return lambda word: word in self.counts and bool(flags[self._place(word)])  # type: ignore[index]

    def lower_count(self, word: str) -> int:
        """How often `word` (lowercase) occurred written all in lowercase."""
        hit = self._lower_cache.get(word)
        if hit is not None:
            return hit
        rows = self._count_rows
        if rows is not None and self.counts is rows:  # the words' rows read as asked (`CountRows`): from its row
            row = rows.row(word)
            return row[1] if row is not None else 0
        # a binary search of the sorted words rather than a table of all of them (building one costs ~5 ms)
        place = self._place(word)
        count = self._lowered[place] if place is not None else 0
        if len(self._lower_cache) > LOWER_CACHE_SIZE:
            self._lower_cache.clear()
        self._lower_cache[word] = count
        return count

    def bigram(self, left: str, right: str) -> int:
        """How often `left right` occurred next to each other."""
        key = f"{left} {right}"
        hit = self._bigram_cache.get(key)
        if hit is not None:
            return hit
        value = self.bigrams.get(key)
        try:
            count = int(value) if value else 0
        except ValueError:
            raise DictionaryError(f"{self.bigrams.path}: count of '{key}' is not a number") from None
        if len(self._bigram_cache) > 100_000:
            self._bigram_cache.clear()
        self._bigram_cache[key] = count
        return count

    def pairs_after(self, left: str) -> list[tuple[str, int]]:
        """The words `bigrams.tsv` shows right after `left` (each pair seen twice or more), with the pair's count."""
        try:
            return [(key[len(left) + 1 :], int(value)) for key, value in self.bigrams.starting(left + " ")]
        except ValueError:
            raise DictionaryError(f"{self.bigrams.path}: a count after '{left}' is not a number") from None

    @property
    def max_edit_distance(self) -> int:
        """SymSpell's largest edit distance (checked at load: 1 to MAX_EDIT_DISTANCE)."""
        return int(self.meta.get("options", {}).get("max_edit_distance", 2))

    @property
    def prefix_length(self) -> int:
        """SymSpell's prefix length (checked at load: above the edit distance, at most MAX_PREFIX_LENGTH)."""
        return int(self.meta.get("options", {}).get("prefix_length", 7))
