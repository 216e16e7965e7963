"""SymSpell candidate lookup over the builder's prebuilt delete index.

The index maps every delete of a suggestion word's prefix to the words that produce it (see
`speller.build.deletes`). A lookup generates the deletes of the input the same way, collects
the words they point to, and keeps those within the edit distance (Damerau, optimal string
alignment) - the algorithm of symspellpy, but the index is mapped from a file instead of
being rebuilt in memory at every start.

Words that share their first `prefix_length` letters share every delete key, so the words
gathered for a prefix are kept (bounded): the inflected forms the morphology tries for one
typo (`pemerintahh`, `pemerintah`, `pemerin`...) read the file once.

The index is either the compiled hash table (`speller.hashindex.HashIndex`: a key's words come back as numbers
into one word list, nothing decoded) or, for a dictionary built without one, the sorted text file.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from itertools import combinations, repeat
from operator import itemgetter

from editdistpy import damerau_osa

from .errors import DictionaryError
from .hashindex import HashIndex
from .sortedfile import SortedFile

#: Prefixes whose gathered words are kept; the cache is emptied when it grows past this.
MAX_CACHED_PREFIXES = 20_000
#: Delete keys whose words are kept; emptied when it grows past this.
MAX_CACHED_KEYS = 20_000
#: Lookup results kept (word, limit); emptied when it grows past this.
MAX_CACHED_LOOKUPS = 50_000
#: The distance of a lookup's (candidate, distance) pair: its pairs are nearest first, then alphabetical.
_DISTANCE = itemgetter(1)


def deletes(word: str, max_distance: int, prefix_length: int) -> set[str]:
    """SymSpell deletes: `word` cut to `prefix_length`, with up to `max_distance` letters removed."""
    key = word[:prefix_length]
    out = {key}
    for removed in range(1, min(max_distance, len(key) - 1) + 1):  # the letters kept, in order, of each removal
        out.update(map("".join, combinations(key, len(key) - removed)))
    return out


class _Gathered:
    """The words gathered for one prefix. Over a hash table (whose word ids run by length) it holds their sorted ids
    (an array), so the words of a range of lengths are one slice of them; over the sorted file, the words by length."""

    __slots__ = ("by_length", "ids", "index")

    def __init__(self, index: HashIndex | None, ids: array[int]) -> None:
        self.index = index
        self.ids = ids
        self.by_length: dict[int, list[str]] = {}

    def within(self, shortest: int, longest: int) -> list[str]:
        """The gathered words of `shortest` to `longest` letters."""
        index = self.index
        if index is None:
            return [w for n in range(shortest, longest + 1) for w in self.by_length.get(n, ())]
        starts = index.length_starts
        top = len(starts) - 1
        ids = self.ids
        lo = bisect_left(ids, starts[min(shortest, top)])
        hi = bisect_left(ids, starts[min(longest + 1, top)], lo)
        try:
            return index.words_of(ids[lo:hi])
        except IndexError:
            raise DictionaryError(f"{index.path}: a word number past its word list; rebuild it") from None


class DeleteIndex:
    """Candidate words within an edit distance of a (lowercase) input."""

    def __init__(self, index: HashIndex | SortedFile, max_distance: int = 2, prefix_length: int = 7) -> None:
        self.index = index
        self.max_distance = max_distance
        self.prefix_length = prefix_length
        self._cache: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._by_prefix: dict[tuple[str, int], _Gathered] = {}
        self._by_key: dict[str, tuple[str, ...]] = {}

    def _words(self, key: str) -> tuple[str, ...]:
        """The words stored under one delete key, cached: nearby typos and the stems the morphology tries share
        keys."""
        hit = self._by_key.get(key)
        if hit is None:
            value = self.index.get(key)
            hit = tuple(value.split(" ")) if value else ()
            if len(self._by_key) >= MAX_CACHED_KEYS:
                self._by_key.clear()
            self._by_key[key] = hit
        return hit

    def _gathered(self, prefix: str, limit: int) -> _Gathered:
        """Every distinct word stored under a delete (up to `limit` letters) of `prefix`, by length, cached."""
        key = (prefix, limit)
        hit = self._by_prefix.get(key)
        if hit is not None:
            return hit
        index = self.index
        if isinstance(index, HashIndex):
            ids = sorted(index.ids_of(deletes(prefix, limit, self.prefix_length)))
            # kept as an array: 4 bytes an id where a list holds an int object and a pointer (~36), and the collector
            # has nothing in it to visit (a first pass of 600k tokens keeps ~1.3M ids)
            hit = _Gathered(index, array("I", ids))
        else:
            words: set[str] = set()
            for delete in deletes(prefix, limit, self.prefix_length):
                words.update(self._words(delete))
            hit = _Gathered(None, array("I"))
            for w in words:
                hit.by_length.setdefault(len(w), []).append(w)
        if len(self._by_prefix) >= MAX_CACHED_PREFIXES:
            self._by_prefix.clear()
        self._by_prefix[key] = hit
        return hit

    def lookup(self, word: str, max_distance: int | None = None) -> list[tuple[str, int]]:
        """(candidate, distance) pairs with distance <= max_distance, nearest first, then alphabetical."""
        limit = self.max_distance if max_distance is None else min(max_distance, self.max_distance)
        key = (word, limit)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        wider = self._cache.get((word, self.max_distance))
        if wider is not None:  # the same pairs, cut at the lower limit
            found = [p for p in wider if p[1] <= limit]
        else:
            n = len(word)
            gathered = self._gathered(word[: self.prefix_length], limit)
            near = gathered.within(max(n - limit, 0), n + limit)
            distances = map(damerau_osa.distance, repeat(word, len(near)), near, repeat(limit, len(near)))
            found = [(cand, dist) for cand, dist in zip(near, distances) if dist >= 0]  # -1: farther than `limit`
            found.sort()  # alphabetical (a candidate is there once), then nearest first: stable, so that stays within
            found.sort(key=_DISTANCE)  # each distance (two sorts without keys of two parts: several times cheaper)
        if len(self._cache) >= MAX_CACHED_LOOKUPS:
            self._cache.clear()
        self._cache[key] = found
        return found
