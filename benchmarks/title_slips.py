"""Slips of short words opening a title run (`Badn Pusat Statistik`, `Wakl Presiden`), both sides.

    python -m benchmarks.title_slips [--seed 1] [--pairs 150]

Detection: the commonest pairs of a short word that is no name (4 or 5 letters) and a capitalized word that the
corpus writes as a title (both mostly capitalized, seen together `MIN_PAIR_COUNT` times or more, `opens_title`); one
random edit (`benchmarks.blindspots.edit`) of the first word that leaves it unlisted and shorter than
`MIN_NAME_LENGTH`, but not shorter than `MIN_ALONE_NAME_LENGTH` (a shorter capitalized word the dictionary lacks is
skipped as an abbreviation or a short name before any model sees it: `Kot Bandung`), checked in
`Ia bertemu {slip} {Next} kemarin.`. Detected, and corrected first (the first suggestion is the word, capitalized).

False alarms: the build corpus (the shared corpus without the held-out files) shows unlisted capitalized words of
4 letters or more before a capitalized word; those are seen at most twice, so they are what new text brings. Each one
whose slip may open a title (`Speller._opens_title_slip`) is checked in its line's words around it, and every flag on
it is listed to judge (a slip or a name).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Sequence

from .blindspots import HELD_OUT, edit

#: A pair opens a title when the corpus writes it this often at least (and `opens_title` holds).
MIN_PAIR_COUNT = 30
#: The first word's and the next word's occurrences written capitalized, at least this share.
MIN_CAPITALIZED = 0.5
FRAME = "Ia bertemu {} {} kemarin."
#: A capitalized word of 4 letters or more before a capitalized word (the words around it are read from its line).
SHORT_BEFORE_CAPITAL = re.compile(r"\b([A-Z][a-z]{3,})\s+([A-Z][a-z]+)")
#: Characters of the line kept on each side of the pair.
REACH = 60


def title_pairs(speller, n: int) -> list[tuple[str, str]]:  # noqa: ANN001 - a Speller
    """The `n` commonest (first, next) title pairs (lowercase), most frequent first."""
    from speller.model import opens_title

    d = speller.dictionary

    def capitalized(w: str) -> float:
        total = d.count(w)
        return (total - d.lower_count(w)) / total if total else 0.0

    found = []
    with open(d.path / "bigrams.tsv", encoding="utf-8") as f:
        for line in f:
            key, _, count = line.rstrip("\n").rpartition("\t")
            first, _, after = key.partition(" ")
            if not (4 <= len(first) <= 5 and first.isalpha() and after.isalpha()) or first in d.names:
                continue
            if int(count) < MIN_PAIR_COUNT or min(capitalized(first), capitalized(after)) < MIN_CAPITALIZED:
                continue
            if opens_title(d, first, after):
                found.append((int(count), first, after))
    return [(a, b) for _, a, b in sorted(found, key=lambda p: (-p[0], p[1], p[2]))[:n]]


def detection(speller, seed: int, n: int) -> list[str]:  # noqa: ANN001 - a Speller
    """Detected and corrected first among the slips of the pairs' first words."""
    from speller.checker import MIN_ALONE_NAME_LENGTH, MIN_NAME_LENGTH

    d = speller.dictionary
    rng = random.Random(seed)
    rows, detected, first = [], 0, 0
    for word, after in title_pairs(speller, n):
        for _ in range(20):  # a slip that is short, unlisted and new
            slip = edit(word.capitalize(), rng)
            short = MIN_ALONE_NAME_LENGTH <= len(slip) < MIN_NAME_LENGTH
            if short and slip[1:].islower() and not d.count(slip.lower()):
                break
        else:
            continue
        text = FRAME.format(slip, after.capitalize())
        hits = [i for i in speller.check(text) if i.word == slip]
        detected += bool(hits)
        first += bool(hits) and hits[0].suggestion == word.capitalize()
        rows.append(f"{'FLAG' if hits else 'silent'} | {slip} <- {word.capitalize()} {after.capitalize()}")
    total = len(rows)
    head = f"title-opening slips: {total}; detected {100 * detected / total:.1f}%, first {100 * first / total:.1f}%"
    return [head, *rows]


def false_alarms(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """The flags on unlisted capitalized words (4 letters or more) before a capitalized word in the build corpus."""
    from .environment import shared_corpus

    d = speller.dictionary
    seen, weighed, rows = 0, 0, []
    for path in sorted(shared_corpus().glob("*.txt")):
        if path.name in HELD_OUT:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            for m in SHORT_BEFORE_CAPITAL.finditer(line):
                word = m.group(1)
                if d.count(word.lower()):
                    continue
                seen += 1
                if not speller._opens_title_slip(word.lower(), m.group(2).lower()):
                    continue
                weighed += 1
                a, b = max(0, m.start() - REACH), min(len(line), m.end() + REACH)
                text = " ".join(line[a:b].split(" ")[1 if a else 0 : -1 if b < len(line) else None])
                for i in speller.check(text):
                    if i.word == word:
                        rows.append(f"FLAG | {word} -> {i.suggestion} | {text}")
    head = f"build corpus: {seen} unlisted capitals (4+ letters) before a capital, {weighed} weighed, {len(rows)} flags"
    return [head, *rows]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.title_slips", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=150)
    args = ap.parse_args(argv)
    from speller import Speller

    speller = Speller()
    print("\n".join(detection(speller, args.seed, args.pairs)))
    print("\n".join(false_alarms(speller)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
