"""How often news writes a name with a letter added at its end: the figures behind `LOG_NAME_EXTENDED`.

    python -m benchmarks.name_endings [--exclude clickid-sindonews.txt --exclude indosum-dev.txt] [--shown 12]

Counts the capitalized words (`Andi`: a capital, then lowercase letters) and the lowercase words of the build corpus
(the held-out news files and the `--exclude`d ones left out). A name is a form of `NAME_EXTENDED_MIN_LENGTH` letters or
more written capitalized at least 20 times that the corpus seldom writes in lowercase (`speller.dictionary.is_name`).
For each band of the names' counts (`BANDS`), the forms that add another letter at a name's end (`extends_name`:
`andin`, not `andii`) written capitalized once and never in lowercase are those a Good-Turing estimate puts beside
the forms never written: per name, per letter that could be added and per token of the corpus, as ln, the chance of
a given such form (`speller.model.LOG_NAME_EXTENDED` is its share that are names; a one-edit slip of the name has
exp(LOG_SLIP - 4) times the name's own share). A seeded draw of each band's forms is shown to judge which are names
and which slips, and the least-squares line of the bands' rates against ln of their names' mean share. About 10 s.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import string
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .environment import HELD_OUT, shared_corpus

#: The files left out besides the held-out ones unless `--exclude` names others: the proxy files of issue 10's round
#: 7 (decided on, reported on).
DEFAULT_EXCLUDED = ("clickid-sindonews.txt", "indosum-dev.txt")
#: Words as counted: runs of ASCII letters.
WORD = re.compile(r"\b[A-Za-z]+\b")


def case_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(how often each lowercase form is written capitalized, how often written all in lowercase) over `texts`."""
    caps: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for text in texts:
        for word in WORD.findall(text):
            if word.islower():
                low[word] += 1
            elif word[0].isupper() and word[1:].islower():
                caps[word.lower()] += 1
    return caps, low


#: The bands of a name's capitalized count the rate is measured in (the last open-ended).
BANDS = (20, 50, 150, 500, 2000)


class Band(NamedTuple):
    """The names whose count lies in one band of `BANDS`, and the forms seen once that add a letter to one of them."""

    low: int
    names: int
    tokens: int
    forms: list[str]

    def log_rate(self, corpus_tokens: int) -> float:
        """ln of the forms seen once per name, per letter that could be added, per token of the corpus: the
        Good-Turing probability of a given such form the corpus never shows."""
        return math.log(max(len(self.forms), 0.5) / self.names / LETTERS / corpus_tokens)

    def log_share(self, corpus_tokens: int) -> float:
        """ln of the band's mean name count as a share of the corpus's tokens."""
        return math.log(self.tokens / self.names / corpus_tokens)


#: How many letters may be added at a name's end (not its last letter again).
LETTERS = len(string.ascii_lowercase) - 1


def extended_once(caps: Counter[str], low: Counter[str], least: int = BANDS[0]) -> list[Band]:
    """The names of `NAME_EXTENDED_MIN_LENGTH` letters or more written capitalized `least` times or more (and seldom in
    lowercase: `is_name`), by band of `BANDS`, each with the forms one of its names with another letter added at its
    end (`extends_name`) that are written capitalized once and never in lowercase."""
    from speller.dictionary import is_name
    from speller.model import NAME_EXTENDED_MIN_LENGTH, extends_name

    names = [
        w for w, n in caps.items() if n >= least and len(w) >= NAME_EXTENDED_MIN_LENGTH and is_name(n + low[w], low[w])
    ]
    bands = []
    for lo, hi in zip(BANDS, [*BANDS[1:], math.inf], strict=True):
        inside = [w for w in names if lo <= caps[w] < hi]
        forms = [
            w + x
            for w in inside
            for x in string.ascii_lowercase
            if extends_name(w + x, w) and caps[w + x] == 1 and not low[w + x]
        ]
        bands.append(Band(lo, len(inside), sum(caps[w] for w in inside), forms))
    return bands


def doubled_once(caps: Counter[str], low: Counter[str], least: int = BANDS[1]) -> list[str]:
    """The forms that double the last letter of a name (as `extended_once` finds them) written `least` times or more,
    written capitalized once and never in lowercase (`andii`): the slip the channel makes cheap (`double`)."""
    from speller.dictionary import is_name
    from speller.model import NAME_EXTENDED_MIN_LENGTH

    return [
        w + w[-1]
        for w, n in caps.items()
        if n >= least and len(w) >= NAME_EXTENDED_MIN_LENGTH and is_name(n + low[w], low[w])
        if caps[w + w[-1]] == 1 and not low[w + w[-1]]
    ]


def fit(points: Sequence[tuple[float, float, int]]) -> tuple[float, float]:
    """(intercept, slope) of the least-squares line through the points (x, y, weight)."""
    total = sum(w for _, _, w in points)
    mx = sum(x * w for x, _, w in points) / total
    my = sum(y * w for _, y, w in points) / total
    sxy = sum(w * (x - mx) * (y - my) for x, y, w in points)
    sxx = sum(w * (x - mx) ** 2 for x, _, w in points)
    slope = sxy / sxx
    return my - slope * mx, slope


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", action="append", help="a build-corpus file to leave out (repeatable)")
    parser.add_argument("--shown", type=int, default=12, help="how many forms of each band to show")
    parser.add_argument("--seed", type=int, default=1, help="the seed of the forms shown")
    args = parser.parse_args(argv)
    skip = {*HELD_OUT, "SOURCES.md", *(args.exclude or DEFAULT_EXCLUDED)}
    files = sorted(p for p in shared_corpus().iterdir() if p.is_file() and p.name not in skip)
    caps, low = case_counts(Path(p).read_text(encoding="utf-8") for p in files)
    tokens = sum(caps.values()) + sum(low.values())
    print(f"{len(files)} files ({tokens} words): {', '.join(p.name for p in files)}")
    print("names from\tnames\tforms seen once\tln share of the name\tln P(a given form)\tsome forms")
    bands = [band for band in extended_once(caps, low) if band.names]
    rng = random.Random(args.seed)
    for band in bands:
        shown = " ".join(sorted(rng.sample(band.forms, min(args.shown, len(band.forms)))))
        print(
            f"{band.low}\t{band.names}\t{len(band.forms)}\t{band.log_share(tokens):.2f}\t"
            f"{band.log_rate(tokens):.2f}\t{shown}"
        )
    doubled = doubled_once(caps, low)
    print(
        f"the last letter doubled, names from {BANDS[1]}: {len(doubled)} forms seen once: {' '.join(sorted(doubled))}"
    )
    intercept, slope = fit([(b.log_share(tokens), b.log_rate(tokens), len(b.forms)) for b in bands])
    print(f"ln P(a given form) = {intercept:.2f} + {slope:.2f} * ln(share of the name), weighed by forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
