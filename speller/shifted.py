"""A space typed one letter off between two words, or typed inside one word (issue #10).

`dala mrumah` (dalam rumah), `dil uar` (di luar), `d isana` (di sana), `masyara kat` (masyarakat): each token alone
reads as a slip, and fixing each alone mends neither (`dil` -> `di`, `uar` -> `luar` leaves `di luar` only by luck;
`masyara` -> `maskara`). The pair is weighed as one span in the noisy-channel model of `speller.model.decide`: the
pair as written (each word at the prior the model gives it), the readings with the space moved one letter either
way or taken out, and the single-word fixes of either token, each scored by its words' prior, its bigram inside the
pair and with the neighbours, and the edit that turns it into what was written (`speller.context.error_cost`, where
a space moved one letter is one swap).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .context import error_cost
from .dictionary import Dictionary
from .model import LOG_SLIP, Decision, _score, posterior

#: The fewest letters a word of a shifted reading has: a one-letter word is no Indonesian word (`s ebuah`).
MIN_PART_LENGTH = 2
#: How many of a doubted token's own best candidates stand as rivals of the shifted readings (its fix alone).
SHIFT_RIVALS = 3


def shifted_readings(left: str, right: str) -> list[str]:
    """The readings of the (lowercase) pair `left right` with its space moved one letter to the left (`dil uar` ->
    `di luar`), to the right (`denga npasal` -> `dengan pasal`) or taken out (`masyara kat` -> `masyarakat`)."""
    readings = []
    if len(left) > 1:
        readings.append(f"{left[:-1]} {left[-1]}{right}")
    if len(right) > 1:
        readings.append(f"{left}{right[0]} {right[1:]}")
    readings.append(left + right)
    return [r for r in readings if all(len(w) >= MIN_PART_LENGTH for w in r.split(" "))]


def listed_readings(d: Dictionary, left: str, right: str) -> list[str]:
    """`shifted_readings` of the pair whose every word the corpus lists."""
    return [r for r in shifted_readings(left, right) if all(d.count(w) for w in r.split(" "))]


def _count_log_p(d: Dictionary, word: str) -> float:
    """log P(word) from its corpus count, as `speller.model.decide` weighs a candidate."""
    return math.log((d.count(word) + 0.5) / d.total)


def _reading_score(
    d: Dictionary,
    reading: str,
    written: tuple[str, str],
    priors: tuple[float, float],
    left: str | None,
    right: str | None,
) -> float:
    """The score (nats) of `reading` meant where the pair `written` stands between `left` and `right`: its words at
    their corpus counts, but a written word it keeps in its place at the prior the model gives it (`priors`)."""
    words = reading.split(" ")
    score = _score(d, reading, _count_log_p(d, words[0]), left, right)
    if len(words) == 2:
        for k in (0, 1):
            if words[k] == written[k]:
                score += priors[k] - _count_log_p(d, words[k])
    if reading != " ".join(written):
        score += LOG_SLIP - error_cost(" ".join(written), reading)
    return score


def shift_decision(
    d: Dictionary,
    written: tuple[str, str],
    priors: tuple[float, float],
    rivals: Iterable[str],
    left: str | None,
    right: str | None,
) -> Decision:
    """The posterior over the (lowercase) pair `written` as written, its shifted readings whose words the corpus
    lists (`shifted_readings`) and `rivals` (the pair with one token fixed alone), between the words `left` and
    `right`. `priors`: the log prior the model gives each written word (`speller.model.written_prior`)."""
    pair = " ".join(written)
    shifted = listed_readings(d, *written)
    if not shifted:
        return Decision(1.0, ())
    readings = list(dict.fromkeys(r for r in (*shifted, *rivals) if r != pair))
    scores = [_reading_score(d, r, written, priors, left, right) for r in (pair, *readings)]
    shares = posterior(scores)
    ranked = sorted(zip(readings, shares[1:]), key=lambda p: (-p[1], p[0]))
    return Decision(shares[0], tuple(ranked))


def is_shift(written: tuple[str, str], reading: str) -> bool:
    """`reading` is one of `shifted_readings` of the pair `written` (not a fix of one token alone)."""
    return reading in shifted_readings(*written)
