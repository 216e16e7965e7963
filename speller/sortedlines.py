"""Sorted tables asked about a few keys: answered by binary search over the file's lines, with no set or dict built.

A check of one article asks the root lexicon (30k lines) or the verdict table (11k rows) a few hundred questions; a
set or dict of all their rows costs more to build than those questions cost by bisection. `SortedRows` (`key<TAB>rest`
rows) and `sorted_words` (a word list) ask `Lines`: a file's lines as bytes, checked sorted (in C, no hashing), or,
for a file known sorted (the bundled tables, which the tests check), `SampledLines`: the file's bytes and its first
line after every _BLOCK bytes, so that nothing is split but the bytes a question searches. An `AskedSet` answers by
such a question until MAX_LOOKUPS of them, then builds its frozenset once, so a long run pays one hash lookup per
question again. Lines sort by their UTF-8 bytes, which is code-point order: the order the builder writes and the
table tests require. A file whose lines are not sorted gets no such table (`sorted_lines` says None) and is read
whole, as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, Sequence, Set, ValuesView
from itertools import repeat

from .errors import DictionaryError
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from mmap import mmap

    Buffer = bytes | mmap

#: Questions answered one by one before the whole set or dict is built: a one-page article asks each table fewer
#: (the roots ~550, the first words of joins ~500), a longer text builds it early (a question by bisection costs
#: ~1.5 us more than a hash lookup; the whole roots set ~3 ms to build).
MAX_LOOKUPS = 1024


#: A `SortedRows` answers up to one question per this many of its rows by bisection (and at least MAX_LOOKUPS)
#: before it builds its whole dict: a question costs ~2.2 us, the dict ~0.42 us a row (the word model's 55k rows:
#: 23 ms, built for a one-file first pass that asks it ~5,600 questions, ~12 ms of them).
ROWS_PER_LOOKUP = 5


#: Every byte but the tab and the line break: what `SortedRows` deletes from a table to check its rows' tabs in C.
_NOT_SEPARATORS = bytes(b for b in range(256) if b not in b"\t\n")

#: Bytes between two sampled lines of `SampledLines`: a lookup searches one such block for its line (a 1,024-byte
#: block took ~1.1 us of a ~2 us lookup, a 256-byte one ~0.6 us; the bundled tables' samples grow ~110 -> ~300 kB).
_BLOCK = 256


def sorted_lines(body: bytes) -> list[bytes] | None:
    """The lines of `body` (every one ended by a line break) when they are sorted by their bytes, else None."""
    if not body.endswith(b"\n"):
        return None
    lines = body[:-1].split(b"\n")
    return lines if lines == sorted(lines) else None


class Lines:
    """Sorted lines (bytes, without their line breaks), asked for the first that starts with some bytes."""

    def __init__(self, lines: list[bytes]) -> None:
        """`lines`: sorted (`sorted_lines`)."""
        self._lines = lines

    def starting(self, needle: bytes) -> bytes | None:
        """The first line that starts with `needle`, or None."""
        lines = self._lines
        i = bisect_left(lines, needle)
        return lines[i] if i < len(lines) and lines[i].startswith(needle) else None

    def body(self) -> bytes:
        """The lines joined by line breaks (none after the last)."""
        return b"\n".join(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def sample_lines(data: Buffer, block: int = _BLOCK, start: int = 0) -> tuple[list[int], list[bytes]]:
    """`SampledLines`' samples of `data[start:]`: where the line break before each sampled line is (-1: the first
    line of `data`), then the last line break; and the sampled lines (the first after every `block` bytes)."""
    offsets: list[int] = []
    samples: list[bytes] = []
    last = len(data) - 1  # the last line break: the end of the last block
    at = start - 1
    while at < last:
        offsets.append(at)
        samples.append(data[at + 1 : data.find(b"\n", at + 1)])
        at = data.find(b"\n", at + block)
        if at < 0:
            break
    offsets.append(last)
    return offsets, samples


class SampledLines(Lines):
    """The lines of a text known to be sorted, found through its first line after every _BLOCK bytes: one bisection
    of those, then one search of the bytes up to the next (nothing is split, nothing copied: the text may be a
    mapped file). The samples may come made (`speller.samples`): each is then checked against the text when a
    question first reads up to it, and the text is sampled anew if one is not a line where it says."""

    def __init__(
        self,
        data: Buffer,
        block: int = _BLOCK,
        *,
        start: int = 0,
        samples: tuple[Sequence[int], list[bytes]] | None = None,
    ) -> None:
        """`data[start:]`: sorted lines, each ended by a line break (`start`: 0, or just after a line break: below a
        header); `data`: bytes or a read-only `mmap`; `block`: bytes between two sampled lines; `samples`: those
        `sample_lines` gives (of this text or, stale, of another)."""
        self._data, self._start, self._block = data, start, block
        self._unchecked: bytearray | None = None  # per sample, 1 until checked (None: sampled here, all sound)
        if samples is not None and _may_fit(samples, len(data), start):
            self._offsets, self._samples = samples
            self._unchecked = bytearray(b"\x01") * len(samples[1]) + b"\x00"  # (and the end, checked by `_may_fit`)
        else:
            self._offsets, self._samples = sample_lines(data, block, start)

    def _check(self, i: int) -> bool:
        """Whether samples i and i + 1 (or the end) are lines where the offsets say, in order; else sample anew."""
        data, offsets, samples, unchecked = self._data, self._offsets, self._samples, self._unchecked
        assert unchecked is not None
        for j in (i, i + 1):
            if unchecked[j]:
                at, sample = offsets[j], samples[j]
                if j:  # the line break before it, it, and the line break after it, in one compare
                    sound = offsets[j] < offsets[j + 1] and data[at : at + 2 + len(sample)] == b"\n" + sample + b"\n"
                else:
                    sound = at == self._start - 1 < offsets[1] and data[at + 1 : at + 2 + len(sample)] == sample + b"\n"
                if not sound:
                    self._offsets, self._samples = sample_lines(data, self._block, self._start)
                    self._unchecked = None
                    return False
                unchecked[j] = 0
        return True

    def starting(self, needle: bytes) -> bytes | None:
        # the first line from `needle` on is in the block of the last sample up to it, or is the next sample
        i = bisect_right(self._samples, needle) - 1
        if i < 0:
            i = 0
        unchecked = self._unchecked
        if unchecked is not None and (unchecked[i] or unchecked[i + 1]) and not self._check(i):
            i = max(bisect_right(self._samples, needle) - 1, 0)
        data = self._data
        offsets = self._offsets
        at = offsets[i]
        if at < 0:  # the first line of `data`, with no line break before it
            if data[: len(needle)] == needle:
                return data[: data.find(b"\n")]
            at = 0
        at = data.find(b"\n" + needle, at, offsets[i + 1] + 1 + len(needle))
        return None if at < 0 else data[at + 1 : data.find(b"\n", at + 1)]

    def body(self) -> bytes:
        return self._data[self._start : len(self._data) - 1]

    def __len__(self) -> int:
        return self._data[self._start :].count(b"\n")


def _may_fit(samples: tuple[Sequence[int], list[bytes]], size: int, start: int) -> bool:
    """Whether made samples may be those of a text of `size` bytes whose lines start at `start`: as many offsets as
    samples and one, the first where the lines start, the last the text's last line break (each sample is checked
    when first used)."""
    offsets, lines = samples
    return bool(lines) and len(offsets) == len(lines) + 1 and offsets[0] == start - 1 and offsets[-1] == size - 1


def _key(word: str) -> bytes:
    # a lone surrogate (text decoded with surrogateescape) encodes to bytes no UTF-8 line holds: no match
    return word.encode("utf-8", "surrogatepass")


class AskedSet(Set[str]):
    """A set of strings answered by `ask` per question until MAX_LOOKUPS questions, then by the frozenset `build`
    makes (once); `built` is then handed that frozenset (so an owner can give it out instead of this)."""

    def __init__(
        self,
        ask: Callable[[str], bool],
        build: Callable[[], frozenset[str]],
        built: Callable[[frozenset[str]], object] | None = None,
    ) -> None:
        self._ask, self._build, self._built = ask, build, built
        self._asked = 0
        self._answers: dict[str, bool] = {}  # each question asked so far: a text asks most of its words again
        self._whole: frozenset[str] | None = None

    def whole(self) -> frozenset[str]:
        """Every member, as a frozenset (built on first use)."""
        if self._whole is None:
            self._whole = self._build()
            self._answers = {}  # the whole set answers from now on
            if self._built is not None:
                self._built(self._whole)
        return self._whole

    def __contains__(self, word: object) -> bool:
        whole = self._whole
        if whole is not None:
            return word in whole
        if not isinstance(word, str):
            return False
        answer = self._answers.get(word)
        if answer is not None:
            return answer
        self._asked += 1
        if self._asked > MAX_LOOKUPS:
            return word in self.whole()
        answer = self._answers[word] = self._ask(word)
        return answer

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        """What the set operators (`&`, `|`, `-`, `^`) make: a frozenset."""
        return frozenset(it)


def sorted_words(lines: Lines, built: Callable[[frozenset[str]], object] | None = None) -> AskedSet:
    """The set of `lines` (words in UTF-8), asked by bisection."""

    starting = lines.starting

    def ask(word: str) -> bool:
        key = word.encode("utf-8", "surrogatepass")  # (`_key`, in line: asked per word)
        return starting(key) == key

    def build() -> frozenset[str]:
        return frozenset(lines.body().decode("utf-8").split("\n")) if len(lines) else frozenset()

    return AskedSet(ask, build, built)


#: What `SortedRows` finds in its rows read for a key not read yet.
_UNREAD_ROW = object()


class SortedRows(Mapping[str, str]):
    """Key -> the rest of its row, over the sorted `key<TAB>rest` rows of a table whose rows hold `tabs` tabs each.

    Each key is listed once (the builder writes it so); a row with another number of tabs is refused when asked."""

    def __init__(self, lines: Lines, tabs: int, where: str) -> None:
        """`lines`: the rows in UTF-8; `where`: the file, for errors."""
        self._lines = lines
        self._tabs = tabs
        self._where = where
        self._asked = 0
        self._most = 0  # questions it answers by bisection (`_most_asked`; 0: not counted yet)
        self._read: dict[str, str | None] = {}  # the rows asked so far (None: no row): a text asks keys again
        self._whole: dict[str, str] | None = None

    def whole(self) -> dict[str, str]:
        """Every row, as a dict (built on first use)."""
        if self._whole is None:
            cells = self._cells()
            self._whole = dict(zip(cells[::2], cells[1::2]))
            self._read = {}  # the whole dict answers from now on
        return self._whole

    def keys_listed(self) -> list[str]:
        """Every key, in the table's order, without building the whole dict."""
        return list(self._whole) if self._whole is not None else self._cells()[::2]

    def _cells(self) -> list[str]:
        """The rows' cells in order, each row's key then the rest of its row (key, rest, key, rest...); a row
        holding another number of tabs than `tabs` is refused. Split and checked in C, not per row."""
        if not len(self._lines):
            return []
        body = self._lines.body()
        rows = body.count(b"\n") + 1
        if body.translate(None, _NOT_SEPARATORS) != (b"\t" * self._tabs + b"\n") * (rows - 1) + b"\t" * self._tabs:
            raise self._bad()
        text = body.decode("utf-8")
        if self._tabs == 1:
            return text.replace("\t", "\n").split("\n")
        return [cell for key, _, rest in map(str.partition, text.split("\n"), repeat("\t")) for cell in (key, rest)]

    def _bad(self) -> DictionaryError:
        return DictionaryError(f"{self._where}: every line must hold {self._tabs} tabs")

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The rest of the row of `key` (after its tab), else `default`."""
        whole = self._whole
        if whole is not None:
            return whole.get(key, default)
        read = self._read
        if key in read:
            found = read[key]
            return default if found is None else found
        if "\t" in key:  # no key holds one
            return default
        self._asked += 1
        if self._asked > MAX_LOOKUPS and self._asked > self._most_asked():
            return self.whole().get(key, default)
        needle = key.encode("utf-8", "surrogatepass") + b"\t"  # (`_key`, in line)
        row = self._lines.starting(needle)
        if row is None:
            read[key] = None
            return default
        if row.count(b"\t") != self._tabs:
            raise self._bad()
        found = read[key] = row[len(needle) :].decode("utf-8")
        return found

    def _most_asked(self) -> int:
        """Questions answered by bisection before the whole dict: MAX_LOOKUPS, or more for a large table
        (ROWS_PER_LOOKUP)."""
        if not self._most:
            self._most = max(MAX_LOOKUPS, len(self._lines) // ROWS_PER_LOOKUP)
        return self._most

    def has_prefix(self, prefix: str) -> bool:
        """Whether a key starts with `prefix` (which holds no tab): one bisection, whatever was asked before."""
        return self._lines.starting(_key(prefix)) is not None

    def listed_or_spaced(self, key: str) -> bool:
        """`self.has_prefix(key + " ") or key in self` (`key` holding no tab): in one bisection when the first row
        that starts with `key` tells (it is `key`'s own, or goes on with a space or a byte that sorts above it)."""
        if self._whole is None:
            needle = key.encode("utf-8", "surrogatepass")
            row = self._lines.starting(needle)
            if row is None:  # no row starts with `key`
                return False
            follows = row[len(needle) : len(needle) + 1]
            if follows == b" " or (follows == b"\t" and row.count(b"\t") == self._tabs):
                return True
            if follows > b" ":  # the rows of `key` itself and of `key` and a space would sort before this one
                return False
        return self.has_prefix(key + " ") or key in self

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        whole = self._whole
        if whole is not None:
            return key in whole
        found = self._read.get(key, _UNREAD_ROW)  # a row read before, answered here (no call of `get`)
        return (self.get(key) if found is _UNREAD_ROW else found) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self._lines) if self._whole is None else len(self._whole)


#: What `CountRows` finds in its rows read for a word not read yet (no row reads as this very tuple).
_UNREAD: tuple[int, int] = (-1, -1)

#: Words whose counts `CountRows` reads one by one (each kept) before it builds the whole dict: a one-page article
#: asks ~1,200 words; a row costs ~2 us to read, the dict of every word (~45k) ~8 ms to build, so a longer text pays
#: at most ~4 ms more than building it at once.
MAX_COUNTED_WORDS = 2048


class CountRows(Mapping[str, int]):
    """Word -> count over the sorted `word<TAB>count<TAB>lowercase count` rows of a word list, each word's row read
    once (by bisection) and kept, until MAX_COUNTED_WORDS words were read: then by the dict `build` makes (once),
    which `built` is handed (so an owner can give it out instead of this)."""

    def __init__(
        self, lines: Lines, where: str, build: Callable[[], dict[str, int]], built: Callable[[dict[str, int]], object]
    ) -> None:
        """`lines`: the word list's rows, two tabs each; `where`: the file, for errors."""
        self._lines, self._where, self._build, self._built = lines, where, build, built
        self._read: dict[str, tuple[int, int] | None] = {}
        self._whole: dict[str, int] | None = None

    def whole(self) -> dict[str, int]:
        """Every word's count, as a dict (built on first use)."""
        if self._whole is None:
            self._whole = self._build()
            self._built(self._whole)
        return self._whole

    def row(self, word: str) -> tuple[int, int] | None:
        """(count, lowercase count) of `word`, None when it is not listed."""
        read = self._read
        counts = read.get(word, _UNREAD)
        if counts is not _UNREAD:
            return counts
        needle = word.encode("utf-8", "surrogatepass") + b"\t"  # (`_key`, in line)
        row = None if "\t" in word else self._lines.starting(needle)  # no word holds a tab
        counts = None
        if row is not None:
            count, _, lower = row[len(needle) :].partition(b"\t")
            try:
                counts = int(count), int(lower)  # (a third tab in `lower` is no number)
            except ValueError:
                raise DictionaryError(f"{self._where}: a row is not word<TAB>count<TAB>lowercase count") from None
        if len(read) < MAX_COUNTED_WORDS:
            read[word] = counts
        elif self._whole is None:
            self.whole()
        return counts

    def __contains__(self, word: object) -> bool:
        whole = self._whole
        if whole is not None:
            return word in whole
        if not isinstance(word, str):
            return False
        counts = self._read.get(word, _UNREAD)  # a row read before, answered here (no call of `row`)
        return (self.row(word) if counts is _UNREAD else counts) is not None

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        """The count of `word`, else `default`."""
        whole = self._whole
        if whole is not None:
            return whole.get(word, default)
        if not isinstance(word, str):
            return default
        counts = self._read.get(word, _UNREAD)  # a row read before, answered here (no call of `row`)
        if counts is _UNREAD:
            counts = self.row(word)
        return default if counts is None else counts[0]

    def __getitem__(self, word: str) -> int:
        row = self.get(word)
        if row is None:
            raise KeyError(word)
        return row

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    def keys(self) -> KeysView[str]:
        return self.whole().keys()

    def items(self) -> ItemsView[str, int]:
        return self.whole().items()

    def values(self) -> ValuesView[int]:
        return self.whole().values()
