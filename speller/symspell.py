"""SymSpell candidate lookup over the builder's prebuilt delete index.

The index maps every delete of a suggestion word's prefix to the words that produce it (see
`speller.build.deletes`). A lookup generates the deletes of the input the same way, collects
the words they point to, and keeps those within the edit distance (Damerau, optimal string
alignment) - the algorithm of symspellpy, but the index is mapped from a file instead of
being rebuilt in memory at every start.
"""

from __future__ import annotations

from itertools import combinations

from editdistpy import damerau_osa

from .sortedfile import SortedFile


def deletes(word: str, max_distance: int, prefix_length: int) -> set[str]:
    """SymSpell deletes: `word` cut to `prefix_length`, with up to `max_distance` letters removed."""
    key = word[:prefix_length]
    out = {key}
    for d in range(1, min(max_distance, len(key) - 1) + 1):
        for idx in combinations(range(len(key)), d):
            out.add("".join(ch for i, ch in enumerate(key) if i not in idx))
    return out


class DeleteIndex:
    """Candidate words within an edit distance of a (lowercase) input."""

    def __init__(self, index: SortedFile, max_distance: int = 2, prefix_length: int = 7) -> None:
        self.index = index
        self.max_distance = max_distance
        self.prefix_length = prefix_length
        self._cache: dict[tuple[str, int], list[tuple[str, int]]] = {}

    def lookup(self, word: str, max_distance: int | None = None) -> list[tuple[str, int]]:
        """(candidate, distance) pairs with distance <= max_distance, nearest first, then alphabetical."""
        limit = self.max_distance if max_distance is None else min(max_distance, self.max_distance)
        key = (word, limit)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        seen: set[str] = set()
        found: list[tuple[str, int]] = []
        for d in deletes(word, limit, self.prefix_length):
            value = self.index.get(d)
            if not value:
                continue
            for cand in value.split(" "):
                if cand in seen:
                    continue
                seen.add(cand)
                if abs(len(cand) - len(word)) > limit:
                    continue
                dist = damerau_osa.distance(word, cand, limit)
                if 0 <= dist <= limit:
                    found.append((cand, dist))
        found.sort(key=lambda p: (p[1], p[0]))
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = found
        return found
