"""A stand-in for a Dictionary's word counts, for tests of the model's priors on made-up words."""

from __future__ import annotations


class Counts:
    """The corpus counts `written_prior` and `slip_discount` read, as a dictionary would give them (`pairs`: the
    bigram counts, `left right` -> count, none unless given)."""

    def __init__(self, counts: dict[str, int], pairs: dict[str, int] | None = None) -> None:
        self.counts = counts
        self.pairs = pairs or {}
        self.total = 6_000_000
        self.max_count = max(counts.values())

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def bigram(self, left: str, right: str) -> int:
        return self.pairs.get(f"{left} {right}", 0)

    def pairs_after(self, left: str) -> list[tuple[str, int]]:
        return [(k.split(" ", 1)[1], n) for k, n in sorted(self.pairs.items()) if k.split(" ", 1)[0] == left]
