"""Spacing errors: words glued together or split apart, decided by corpus evidence.

- A preposition glued to its noun (`dirumah`, `kesana`): `di`/`ke` + a known word, when news
  writes `di rumah` far more often than `dirumah`.
- A word split in two (`di lakukan`, `olah raga`): two neighbours whose joined form is a
  frequent word that news almost never writes apart.
- A run-on of two words (`bahwapemerintah`): an unknown word that splits into two known words
  which often stand together.
- Fixed forms from the curated table `dictionaries/compounds.tsv` (`kerjasama` -> `kerja sama`).

The thresholds below are the rules; the evidence is the corpus counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dictionary import Dictionary

#: Prepositions written apart from the word they govern.
PREPOSITIONS = ("di", "ke")
#: `di X` must have been seen this often ...
MIN_APART = 10
#: ... and this many times more often than `diX`, to call `diX` a glued preposition.
GLUED_RATIO = 3
#: A split pair `a b` is flagged when `ab` was seen this often ...
MIN_JOINED = 20
#: ... and this many times more often than `a b`.
SPLIT_RATIO = 20
#: Both halves of a run-on must have been seen this often, and together this often.
MIN_PART = 20
MIN_RUN_ON_PAIR = 3


def glued_preposition(d: "Dictionary", word: str) -> str | None:
    """`di rumah` for `dirumah` (lowercase), when the corpus says so; else None."""
    if word in d.closed_compounds:
        return None
    for prep in PREPOSITIONS:
        rest = word[len(prep):]
        if word.startswith(prep) and len(rest) >= 3 and rest in d.counts:
            apart = d.bigram(prep, rest)
            if apart >= MIN_APART and d.count(word) * GLUED_RATIO < apart:
                return f"{prep} {rest}"
    return None


def split_word(d: "Dictionary", left: str, right: str) -> str | None:
    """`dilakukan` for `di lakukan` (lowercase), when the corpus says so; else None."""
    joined = left + right
    if joined in d.compounds or len(left) < 2 or len(right) < 2:
        return None
    together = d.count(joined)
    if together >= MIN_JOINED and d.bigram(left, right) * SPLIT_RATIO < together:
        return joined
    return None


def run_on_splits(d: "Dictionary", word: str) -> list[tuple[str, str, int]]:
    """(left, right, pair count) for each split of an unknown word into two words often seen together."""
    out = []
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if d.count(left) >= MIN_PART and d.count(right) >= MIN_PART:
            pair = d.bigram(left, right)
            if pair >= MIN_RUN_ON_PAIR:
                out.append((left, right, pair))
    out.sort(key=lambda s: -s[2])
    return out
