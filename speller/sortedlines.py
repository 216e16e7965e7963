"""Sorted tables asked about a few keys: answered by binary search over the file's lines, with no set or dict built.

A check of one article asks the root lexicon (30k lines) or the verdict table (11k rows) a few hundred questions; a
set or dict of all their rows costs more to build than those questions cost by bisection. `SortedRows` (`key<TAB>rest`
rows) and `sorted_words` (a word list) keep the file's lines as bytes, checked sorted (in C, no hashing), and bisect
them per question. An `AskedSet` answers by such a question until MAX_LOOKUPS of them, then builds its frozenset
once, so a long run pays one hash lookup per question again. Lines sort by their UTF-8 bytes, which is code-point
order: the order the builder writes and the table tests require. A file whose lines are not sorted gets no such
table (`sorted_lines` says None) and is read whole, as before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Set

from .errors import DictionaryError

#: Questions answered one by one before the whole set or dict is built (a bisection costs ~1 us more than a hash
#: lookup; the whole roots set ~3 ms to build).
MAX_LOOKUPS = 4096


def sorted_lines(body: bytes) -> list[bytes] | None:
    """The lines of `body` (every one ended by a line break) when they are sorted by their bytes, else None."""
    if not body.endswith(b"\n"):
        return None
    lines = body[:-1].split(b"\n")
    return lines if lines == sorted(lines) else None


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
        self._whole: frozenset[str] | None = None

    def whole(self) -> frozenset[str]:
        """Every member, as a frozenset (built on first use)."""
        if self._whole is None:
            self._whole = self._build()
            if self._built is not None:
                self._built(self._whole)
        return self._whole

    def __contains__(self, word: object) -> bool:
        whole = self._whole
        if whole is not None:
            return word in whole
        if not isinstance(word, str):
            return False
        self._asked += 1
        if self._asked > MAX_LOOKUPS:
            return word in self.whole()
        return self._ask(word)

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        """What the set operators (`&`, `|`, `-`, `^`) make: a frozenset."""
        return frozenset(it)


def sorted_words(lines: list[bytes], built: Callable[[frozenset[str]], object] | None = None) -> AskedSet:
    """The set of `lines` (words in UTF-8, sorted: `sorted_lines`), asked by bisection."""

    def ask(word: str) -> bool:
        key = _key(word)
        i = bisect_left(lines, key)
        return i < len(lines) and lines[i] == key

    def build() -> frozenset[str]:
        return frozenset(b"\n".join(lines).decode("utf-8").split("\n")) if lines else frozenset()

    return AskedSet(ask, build, built)


class SortedRows(Mapping[str, str]):
    """Key -> the rest of its row, over the sorted `key<TAB>rest` rows of a table whose rows hold `tabs` tabs each.

    Each key is listed once (the builder writes it so); a row with another number of tabs is refused when asked."""

    def __init__(self, lines: list[bytes], tabs: int, where: str) -> None:
        """`lines`: the rows in UTF-8, sorted (`sorted_lines`); `where`: the file, for errors."""
        self._lines = lines
        self._tabs = tabs
        self._where = where
        self._asked = 0
        self._whole: dict[str, str] | None = None

    def whole(self) -> dict[str, str]:
        """Every row, as a dict (built on first use)."""
        if self._whole is None:
            rows = b"\n".join(self._lines).decode("utf-8").split("\n") if self._lines else []
            if any(row.count("\t") != self._tabs for row in rows):
                raise self._bad()
            self._whole = dict(row.split("\t", 1) for row in rows)  # type: ignore[misc]  # two cells a row
        return self._whole

    def _bad(self) -> DictionaryError:
        return DictionaryError(f"{self._where}: every line must hold {self._tabs} tabs")

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        """The rest of the row of `key` (after its tab), else `default`."""
        whole = self._whole
        if whole is not None:
            return whole.get(key, default)
        if "\t" in key:  # no key holds one
            return default
        self._asked += 1
        if self._asked > MAX_LOOKUPS:
            return self.whole().get(key, default)
        needle, lines = _key(key) + b"\t", self._lines
        i = bisect_left(lines, needle)
        if i == len(lines) or not lines[i].startswith(needle):
            return default
        row = lines[i]
        if row.count(b"\t") != self._tabs:
            raise self._bad()
        return row[len(needle) :].decode("utf-8")

    def has_prefix(self, prefix: str) -> bool:
        """Whether a key starts with `prefix` (which holds no tab): one bisection, whatever was asked before."""
        needle, lines = _key(prefix), self._lines
        i = bisect_left(lines, needle)
        return i < len(lines) and lines[i].startswith(needle)

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self._lines) if self._whole is None else len(self._whole)
