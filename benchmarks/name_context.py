"""Does the share of a word's followers seen once (N1/N) tell a new name after it from a slip of a name it has?

    python -m benchmarks.name_context            # the build corpus less clickid-sindonews and indosum-dev

On the build corpus (the held-out files, clickid-sindonews.txt and indosum-dev.txt left out), every capitalized word
seen once in the corpus and standing after a word `left` is an event. It is called slip-like when a name the corpus
writes after `left` (twice or more) is one edit from it (`Sri Mulayani` beside `Sri Mulyani`), else new (`Gal
Gadot`). The proxy is rough (some slip-like events are genuine variants, a few new ones are slips of names never
seen after `left`) but it needs no labels. For each event, `left`'s rate of unseen followers is counted leaving the
event out, (N1 - 1) / (N - 1), and the events are binned by it: if N1/N carries the signal, the slip-like share
falls as the rate rises.

Measured (4,639,428 tokens; the rate over all words 0.204): it does, steadily.

    N1/N of left     events  slip-like  share  log(rate / all)
    0.00 - 0.02        199        44  22.1%  -3.0
    0.02 - 0.05        591       116  19.6%  -1.8
    0.05 - 0.10       1421       232  16.3%  -1.0
    0.10 - 0.20       2858       301  10.5%  -0.3
    0.20 - 0.40       3939       259   6.6%   0.4
    0.40 - 1.00       3529        95   2.7%   1.2

The slip-like odds fall about 2.3 nats from the first bin to the last while log(rate / all) rises 4.2: at
`speller.model.CONTEXT_WEIGHT` (0.5) the gain `speller.model.unseen_beside_gains` gives moves about as much. The
model uses it where the likeliest name candidate was seen beside the neighbour (`speller.model._new_name_gain`):
only there do the two readings differ in what the neighbour says (where neither was seen, both are alike unseen).
"""

from __future__ import annotations

import argparse
import math
import os
from collections import Counter, defaultdict
from pathlib import Path

from speller.tokenize import runs

HELD_OUT = {"antara-2025.txt", "detik-sentimen.txt", "scrapy-news-2020.txt", "clickid-sindonews.txt", "indosum-dev.txt"}
#: A name must be seen this often, and written in lowercase less than NAME_LOWER of its uses, to be a rival.
NAME_MIN = 3
NAME_LOWER = 0.2
BINS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 1.01)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.environ.get("SPELLER_SHARED", "../shared"), "corpus"))
    args = parser.parse_args()
    words: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    capital_after: list[tuple[str, str]] = []
    for path in sorted(Path(args.corpus).glob("*.txt")):
        if path.name in HELD_OUT:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                for run in runs(line):
                    low = [w.lower() for w in run]
                    words.update(low)
                    lower.update(w for w, lw in zip(run, low) if w == lw)
                    pairs.update(zip(low, low[1:]))
                    capital_after += [(a, b) for a, b, w in zip(low, low[1:], run[1:]) if w[:1].isupper()]
    after: Counter[str] = Counter()
    once: Counter[str] = Counter()
    name_after: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (a, b), n in pairs.items():
        after[a] += n
        once[a] += n == 1
        if n >= 2 and words[b] >= NAME_MIN and lower[b] < NAME_LOWER * words[b]:
            for k in _deletes(b):
                name_after[a][k].add(b)
    g = sum(once.values()) / sum(after.values())
    print(f"build corpus: {sum(words.values()):,} tokens; unseen-follower rate over all words {g:.4f}")
    bins: dict[int, Counter[str]] = defaultdict(Counter)
    for a, b in capital_after:
        if words[b] != 1 or after[a] < 2:
            continue
        rate = (once[a] - 1) / (after[a] - 1)
        near = name_after.get(a, {})
        slip = any(c != b for k in _deletes(b) for c in near.get(k, ()))
        i = next(i for i, top in enumerate(BINS[1:]) if rate < top)
        bins[i][("slip" if slip else "new")] += 1
    print(f"{'N1/N of left':>16} {'events':>7} {'slip-like':>9} {'share':>6} {'log(rate/g)':>11}")
    for i in sorted(bins):
        c = bins[i]
        n = c["slip"] + c["new"]
        mid = (BINS[i] + min(BINS[i + 1], 1.0)) / 2
        print(
            f"{BINS[i]:>7.2f} - {min(BINS[i + 1], 1.0):<6.2f} {n:>7} {c['slip']:>9} {c['slip'] / n:>6.1%} "
            f"{math.log(mid / g):>11.2f}"
        )


if __name__ == "__main__":
    main()
