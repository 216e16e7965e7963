"""SymSpell candidate lookup over the builder's prebuilt delete index.

The index maps every delete of a suggestion word's prefix to the words that produce it (see
`speller.build.deletes`). A lookup generates the deletes of the input the same way, collects
the words they point to, and keeps those within the edit distance (Damerau, optimal string
alignment) - the algorithm of symspellpy, but the index is mapped from a file instead of
being rebuilt in memory at every start.

Words that share their first `prefix_length` letters share every delete key, so the words
gathered for a prefix are kept (bounded): the inflected forms the morphology tries for one
typo (`pemerintahh`, `pemerintah`, `pemerin`...) read the file once.
"""

from __future__ import annotations

from editdistpy import damerau_osa

from .sortedfile import SortedFile

#: Prefixes whose gathered words are kept; the cache is emptied when it grows past this.
MAX_CACHED_PREFIXES = 20_000
#: Lookup results kept (word, limit); emptied when it grows past this.
MAX_CACHED_LOOKUPS = 50_000


def deletes(word: str, max_distance: int, prefix_length: int) -> set[str]:
    """SymSpell deletes: `word` cut to `prefix_length`, with up to `max_distance` letters removed."""
    key = word[:prefix_length]
    out = {key}
    level = {key}
    for _ in range(min(max_distance, len(key) - 1)):
        nxt = set()
        for w in level:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        level = nxt
    return out


class DeleteIndex:
    """Candidate words within an edit distance of a (lowercase) input."""

    def __init__(self, index: SortedFile, max_distance: int = 2, prefix_length: int = 7) -> None:
        self.index = index
        self.max_distance = max_distance
        self.prefix_length = prefix_length
        self._cache: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._by_prefix: dict[tuple[str, int], tuple[str, ...]] = {}

    def _gathered(self, prefix: str, limit: int) -> tuple[str, ...]:
        """Every distinct word stored under a delete (up to `limit` letters) of `prefix`, cached."""
        key = (prefix, limit)
        hit = self._by_prefix.get(key)
        if hit is not None:
            return hit
        get = self.index.get
        values = [v for v in map(get, deletes(prefix, limit, self.prefix_length)) if v]
        words = tuple(dict.fromkeys(" ".join(values).split(" "))) if values else ()
        if len(self._by_prefix) >= MAX_CACHED_PREFIXES:
            self._by_prefix.clear()
        self._by_prefix[key] = words
        return words

    def lookup(self, word: str, max_distance: int | None = None) -> list[tuple[str, int]]:
        """(candidate, distance) pairs with distance <= max_distance, nearest first, then alphabetical."""
        limit = self.max_distance if max_distance is None else min(max_distance, self.max_distance)
        key = (word, limit)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        n = len(word)
        lo, hi = n - limit, n + limit
        distance = damerau_osa.distance
        found: list[tuple[str, int]] = []
        for cand in self._gathered(word[: self.prefix_length], limit):
            if lo <= len(cand) <= hi:
                dist = distance(word, cand, limit)
                if 0 <= dist <= limit:
                    found.append((cand, dist))
        found.sort(key=lambda p: (p[1], p[0]))
        if len(self._cache) >= MAX_CACHED_LOOKUPS:
            self._cache.clear()
        self._cache[key] = found
        return found
