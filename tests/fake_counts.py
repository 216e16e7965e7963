"""A stand-in for a Dictionary's word counts, for tests of the model's priors on made-up words."""

from __future__ import annotations


class Counts:
    """The corpus counts `written_prior` and `slip_discount` read, as a dictionary would give them."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.total = 6_000_000
        self.max_count = max(counts.values())

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)
