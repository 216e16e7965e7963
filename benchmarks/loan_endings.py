"""How often news writes a listed loan with another ending: the figures behind dictionaries/loan_endings.tsv.

    python -m benchmarks.loan_endings

For each pair of endings (`asi` and `atif`: rekreasi, rekreatif), over the words the dictionary lists with the first
ending (a stem of at least `speller.checker.LOAN_STEM` letters): how many of them the dictionary also lists with the
second (the alternation in use), and, for the others, how often the build corpus writes the stem with the second
ending all the same (seen once or twice: the builder keeps words seen 3 times), per token of the listed word, as ln:
`speller.model.LOG_LOAN_ENDING` is weighed against it, and against a one-edit slip's exp(LOG_SLIP - cost), about
exp(-9). A few of the forms written are shown, to judge whether they are words or slips. Reads the build corpus only
(the held-out news files are left out); about 15 s.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

#: The pairs of endings measured: (listed ending, written ending).
PAIRS = (
    ("asi", "atif"),
    ("asi", "ator"),
    ("is", "ik"),
    ("ik", "is"),
    ("i", "is"),
    ("is", "i"),
    ("i", "ik"),
    ("si", "sif"),
    ("is", "isme"),
    ("isme", "is"),
    ("atif", "asi"),
    ("ator", "asi"),
)
#: Forms shown per pair.
SHOWN = 8


class Alternation(NamedTuple):
    """What the dictionary and the corpus show of one pair of endings."""

    listed: str
    written: str
    pairs: int
    """Stems the dictionary lists with both endings."""
    bases: int
    """Stems it lists with the listed ending only."""
    tokens: int
    """Corpus tokens of those listed words."""
    sightings: int
    """Corpus tokens of their stems with the written ending, each seen once or twice."""
    forms: tuple[str, ...]

    @property
    def log_rate(self) -> float | None:
        """ln(sightings / tokens), None without sightings."""
        return math.log(self.sightings / self.tokens) if self.sightings and self.tokens else None


def alternation(
    listed: str,
    written: str,
    words: Iterable[str],
    count: Callable[[str], int],
    raw: Counter[str],
    min_stem: int,
) -> Alternation:
    """The figures of (`listed`, `written`) over the listed `words` (`count`: the dictionary's counts; `raw`: the
    corpus's counts of every lowercase word, those the dictionary lacks too)."""
    pairs = bases = tokens = sightings = 0
    forms = []
    for word in words:
        stem = word[: -len(listed)]
        if not word.endswith(listed) or len(stem) < min_stem:
            continue
        other = stem + written
        if count(other):
            pairs += 1
            continue
        bases += 1
        tokens += count(word)
        if 1 <= raw.get(other, 0) <= 2:
            sightings += raw[other]
            forms.append(other)
    return Alternation(listed, written, pairs, bases, tokens, sightings, tuple(sorted(forms)[:SHOWN]))


def main(argv: Sequence[str] | None = None) -> int:
    from speller import Speller
    from speller.checker import LOAN_STEM

    from .unseen_derivations import raw_counts

    d = Speller().dictionary
    words = [w for w in d.counts if w.isalpha() and w.islower()]
    raw = raw_counts()
    print("listed\twritten\tpairs\tbases\ttokens\tsightings\tln rate\tforms written")
    for listed, written in PAIRS:
        a = alternation(listed, written, words, d.count, raw, LOAN_STEM)
        rate = "-" if a.log_rate is None else f"{a.log_rate:.2f}"
        print(f"{listed}\t{written}\t{a.pairs}\t{a.bases}\t{a.tokens}\t{a.sightings}\t{rate}\t{' '.join(a.forms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
