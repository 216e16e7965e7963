"""How news writes the curated compounds of dictionaries/compounds.tsv: apart or joined, and where apart.

    SPELLER_SHARED=../shared python -m benchmarks.compound_uses                  # the table
    SPELLER_SHARED=../shared python -m benchmarks.compound_uses --show "pada hal" --sample 20
    SPELLER_SHARED=../shared python -m benchmarks.compound_uses --joins --leave-out clickid-wowkeren.txt

For each two-word row (`pada hal` -> `padahal`) it counts, in the build corpus (the held-out news files
excluded, never read), the uses written apart and joined, how many of the apart uses stand right after a comma, and how
many of the apart uses `speller.spacing.split_word` leaves apart (by the odds of `phrase_odds`, and after a
comma by `apart_after_comma`). `--joins` does the same for the pairs of dictionaries/joins.tsv (those written apart
only); `--leave-out` skips more files (the unseen-news proxies). `--show` prints a seeded sample of a pair's apart uses
in their sentence (`*`: left apart), to judge by hand whether the apart form is a genuine phrase or a slip.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

from speller.dictionary import Dictionary
from speller.sortedlines import SortedRows
from speller.spacing import split_word

from .environment import HELD_OUT, shared_corpus

#: A word (letters, inner hyphens or apostrophes) or one other non-space character.
TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\S")
#: Words of context printed either side of a sampled use.
CONTEXT = 8


def build_files(leave_out: tuple[str, ...] = ()) -> list[Path]:
    """The build-corpus files, held-out files and `leave_out` left out."""
    skip = {*HELD_OUT, *leave_out}
    return sorted(p for p in shared_corpus().iterdir() if p.name not in skip and p.suffix == ".txt")


def main() -> None:
    """Print the apart/joined table of the compounds.tsv pairs, or a sample of one pair's apart uses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="a pair (`pada hal`): print a sample of its apart uses")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--joins", action="store_true", help="the pairs of joins.tsv instead of compounds.tsv")
    parser.add_argument("--leave-out", action="append", default=[], help="a corpus file to skip as well")
    args = parser.parse_args()
    d = Dictionary()
    if args.joins:
        table = d.joins.whole() if isinstance(d.joins, SortedRows) else dict(d.joins)
        pairs = {k: v for k, v in table.items() if k not in d.compounds}
    else:
        pairs = {k: v for k, v in d.compounds.items() if " " in k and " " not in v}
    lefts = {k.split()[0] for k in pairs}
    joined_words = set(pairs.values())
    apart: Counter[str] = Counter()
    left_apart: Counter[str] = Counter()
    after_comma: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    uses: dict[str, list[str]] = defaultdict(list)
    for path in build_files(tuple(args.leave_out)):
        for line in path.open(encoding="utf-8", errors="replace"):
            toks = TOKEN.findall(line)
            low = [t.lower() for t in toks]
            for i, w in enumerate(low):
                if w in joined_words:
                    joined[w] += 1
                if w not in lefts or i + 1 >= len(low):
                    continue
                key = f"{w} {low[i + 1]}"
                if key not in pairs or not toks[i + 1][:1].islower():
                    continue
                apart[key] += 1
                before = low[i - 1] if i and low[i - 1][:1].isalpha() else None
                after = low[i + 2] if i + 2 < len(low) and low[i + 2][:1].isalpha() else None
                comma = i > 0 and low[i - 1] == ","
                after_comma[key] += comma
                fits = split_word(d, w, low[i + 1], before=before, after=after, after_comma=comma) is None
                left_apart[key] += fits
                if key == args.show:
                    mark = "*" if fits else " "  # left apart by the neighbour test
                    uses[key].append(mark + " ".join(toks[max(0, i - CONTEXT) : i + 2 + CONTEXT]))
    if args.show:
        sample = uses[args.show]
        random.Random(1).shuffle(sample)
        for text in sample[: args.sample]:
            print(text)
        return
    print(f"{'pair':<24} {'joined':>18} {'apart':>6} {'after ,':>7} {'joined#':>8} {'left apart':>10}")
    for key in sorted((k for k in pairs if apart[k] or not args.joins), key=lambda k: -apart[k]):
        row = f"{key:<24} {pairs[key]:>18} {apart[key]:>6} {after_comma[key]:>7} {joined[pairs[key]]:>8}"
        print(f"{row} {left_apart[key]:>10}")


if __name__ == "__main__":
    main()
