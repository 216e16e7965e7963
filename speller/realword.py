"""Real-word errors: a valid word where a close variant is far more likely in its context.

`yang dinginkan` is made of real words, but `yang diinginkan` is what news writes. For a word
with at least one word neighbour, every known word one edit away competes with it under the
noisy channel (see `speller.context`); the word is flagged when the best rival beats it by
more than `MARGIN` nats, which stands for the prior odds against an error.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

from .context import error_cost, log_context

if TYPE_CHECKING:
    from .dictionary import Dictionary

#: How many nats a rival must win by (the log prior odds of a real-word slip); tuned on dev data.
MARGIN = 10.0
#: Words shorter than this are not second-guessed (too many short rivals).
MIN_LENGTH = 5
#: Rivals must be at least this frequent.
MIN_RIVAL_COUNT = 20


def real_word_rival(
    d: "Dictionary",
    word: str,
    left: str | None,
    right: str | None,
    neighbours: Callable[[str, int], list[tuple[str, int]]],
) -> tuple[str, float] | None:
    """(rival, confidence) when a close variant of the (lowercase, known) `word` fits its context far better."""
    if len(word) < MIN_LENGTH or (left is None and right is None):
        return None
    own = log_context(d, word, left, right)
    best: tuple[str, float] | None = None
    for cand, _dist in neighbours(word, 1):
        if cand == word or d.count(cand) < MIN_RIVAL_COUNT:
            continue
        score = log_context(d, cand, left, right) - error_cost(word, cand)
        if best is None or score > best[1]:
            best = (cand, score)
    if best is None:
        return None
    margin = best[1] - own - MARGIN
    if margin <= 0:
        return None
    confidence = 0.5 + 0.45 * (1 - math.exp(-margin / 4))
    return best[0], round(confidence, 3)
