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
from collections.abc import Callable, Iterable

from .context import error_cost
from .dictionary import Dictionary
from .model import LOG_SLIP, Decision, _score, posterior
from .spacing import MIN_APART, MIN_PART, MIN_RUN_ON_PAIR, NEVER_DOUBLED, PREPOSITIONS, run_on_splits

#: The fewest letters a word of a shifted reading has: a one-letter word is no Indonesian word (`s ebuah`).
MIN_PART_LENGTH = 2
#: How many of a doubted token's own best candidates stand as rivals of the shifted readings (its fix alone).
SHIFT_RIVALS = 3
#: The fewest letters of a function word, and of the word it is glued to, read apart by `glued_readings`: shorter
#: ones (`di`, `ke`, `ia`) end or open too many words (`mulia`, `kedai`).
MIN_GLUED_FUNCTION = 3


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
    """`shifted_readings` of the pair whose every word the corpus lists; the pair joined only when the corpus does not
    list one of its words (`masyara kat`): two listed words written apart are the spacing rules' to join (on
    clickid-fimela `summa cum laude` -> `cumlaude` was fixed, the pair's words each read as a slip)."""
    joinable = not (d.count(left) and d.count(right))
    return [
        r for r in shifted_readings(left, right) if all(d.count(w) for w in r.split(" ")) and (" " in r or joinable)
    ]


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
    `right`. `priors`: the log prior the model gives each written word (`speller.model.written_prior`); a pair the
    corpus writes MIN_RUN_ON_PAIR times or more is at least as likely as its counts say, whatever its words' priors
    (the prior may read each of `cum` and `laude` as a slip)."""
    pair = " ".join(written)
    shifted = listed_readings(d, *written)
    if not shifted:
        return Decision(1.0, ())
    readings = list(dict.fromkeys(r for r in (*shifted, *rivals) if r != pair))
    scores = [_reading_score(d, r, written, priors, left, right) for r in (pair, *readings)]
    if d.bigram(*written) >= MIN_RUN_ON_PAIR:  # a pair news writes (`summa cum laude`) is as likely as its counts say
        scores[0] = max(scores[0], _score(d, pair, _count_log_p(d, written[0]), left, right))
    shares = posterior(scores)
    ranked = sorted(zip(readings, shares[1:]), key=lambda p: (-p[1], p[0]))
    return Decision(shares[0], tuple(ranked))


def is_shift(written: tuple[str, str], reading: str) -> bool:
    """`reading` is one of `shifted_readings` of the pair `written` (not a fix of one token alone)."""
    return reading in shifted_readings(*written)


def split_readings(d: Dictionary, word: str, near: Callable[[str], Iterable[tuple[str, int]]]) -> list[str]:
    """The two-word readings of a (lowercase) word the candidates add: its three likeliest run-on splits
    (`speller.spacing.run_on_splits`), then `glued_readings`."""
    splits = [f"{left} {right}" for left, right, _pair in run_on_splits(d, word)[:3]]
    readings = dict.fromkeys([*splits, *glued_readings(d, word, near)])
    return [r for r in readings if not _doubled(r)]


def _doubled(reading: str) -> bool:
    """`reading` writes one word twice (`di di`): never what a single token meant, and the doubled-word reading
    would take it away again, so `fix` would not be idempotent (`di'di` -> `di di` -> `di`)."""
    left, _, right = reading.partition(" ")
    return left == right


def glued_readings(d: Dictionary, word: str, near: Callable[[str], Iterable[tuple[str, int]]]) -> list[str]:
    """Two-word readings of a (lowercase) word written without its space: a function word of MIN_GLUED_FUNCTION
    letters or more glued to a word the corpus writes MIN_PART times or more (`amatirdan` -> `amatir dan`), or a
    preposition glued to a slip of a word news writes after it MIN_APART times or more (`dikanca` -> `di kancah`:
    `near(rest)` gives the words one edit from the rest). The model weighs them as any candidate;
    `speller.spacing.glued_preposition` reads a preposition glued to a listed word."""
    out = []
    for function in NEVER_DOUBLED:
        if len(function) < MIN_GLUED_FUNCTION or len(word) - len(function) < MIN_GLUED_FUNCTION:
            continue
        if word.endswith(function) and d.count(word[: -len(function)]) >= MIN_PART:
            out.append(f"{word[: -len(function)]} {function}")
        if word.startswith(function) and d.count(word[len(function) :]) >= MIN_PART:
            out.append(f"{function} {word[len(function) :]}")
    for prep in PREPOSITIONS:
        rest = word[len(prep) :]
        if word.startswith(prep) and len(rest) >= MIN_GLUED_FUNCTION and not d.count(rest):
            out.extend(f"{prep} {c}" for c, k in near(rest) if k == 1 and d.bigram(prep, c) >= MIN_APART)
    return out
