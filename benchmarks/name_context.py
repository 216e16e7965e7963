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
`speller.model.CONTEXT_WEIGHT` (0.5) the gain `speller.model.unseen_beside_gains` gives moves about as much.

    python -m benchmarks.name_context --scales   # new names vs made-up slips after a first name, on either scale

After a first name (a name followed by 20+ pairs, 3,129 of them), 1,421 capitalized words seen once with a name one
edit away (genuine, though a few are slips) against 7,989 made-up one-edit slips of the names written there twice or
more (seed 1), each pair left out of the counts. Mean margin the first name gives the written word over its best
rival (nats, times CONTEXT_WEIGHT), and the chance that a genuine event's margin beats a slip's (AUC):

    events      n  rival seen after it  smoothed    Good-Turing
    genuine  1421               29.7%     -1.63          -1.29
    slip     7989              100.0%     -4.85          -3.65
    AUC                                    0.786          0.793

Where the rival was never seen after the first name (70% of the genuine events: `Gal Gadot` beside `Gatot`), both
readings are alike unseen and the margin is 0 on either scale: no context tells them apart, only the priors do.
Where it was, the Good-Turing scale (the written word gets what the first name says of any word never seen after
it) charges the written word less and ranks the events a little better; `speller.model.decide` scores a new name and
all its candidates on it (except before a title's word, see there).
"""

from __future__ import annotations

import argparse
import math
import os
import random
from collections import Counter, defaultdict
from collections.abc import Iterator, Set
from pathlib import Path
from typing import NamedTuple

from editdistpy import damerau_osa

from speller.context import SMOOTHING, error_cost
from speller.model import CONTEXT_WEIGHT, LOG_SLIP, UNSEEN_BESIDE_SMOOTHING
from speller.tokenize import runs

HELD_OUT = {"antara-2025.txt", "detik-sentimen.txt", "scrapy-news-2020.txt", "clickid-sindonews.txt", "indosum-dev.txt"}
#: A name must be seen this often, and written in lowercase less than NAME_LOWER of its uses, to be a rival.
NAME_MIN = 3
NAME_LOWER = 0.2
BINS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 1.01)
#: `--scales`: a first word is a name followed by this many pairs or more.
FIRST_MIN = 20
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


def _slip(word: str, rng: random.Random) -> str:
    """One random edit of `word` inside it (its first letter kept): a letter replaced, left out, added or swapped."""
    i = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + rng.choice(LETTERS) + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + rng.choice(LETTERS) + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :] if i < len(word) else word


def _auc(high: list[float], low: list[float]) -> float:
    """The chance that a value drawn from `high` exceeds one drawn from `low` (ties half)."""
    ranked = sorted([(v, 0) for v in low] + [(v, 1) for v in high])
    wins, seen_low, i = 0.0, 0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        tied_low = sum(1 for _, c in ranked[i:j] if c == 0)
        wins += sum(seen_low + tied_low / 2 for _, c in ranked[i:j] if c == 1)
        seen_low += tied_low
        i = j
    return wins / (len(high) * len(low)) if high and low else float("nan")


def corpus_runs(folder: str | Path, left_out: Set[str]) -> Iterator[tuple[list[str], list[str]]]:
    """Each run of words (`speller.tokenize.runs`) of the corpus files in `folder` but those `left_out`, with the same
    run in lowercase."""
    for path in sorted(Path(folder).glob("*.txt")):
        if path.name in left_out:
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                for run in runs(line):
                    yield run, [w.lower() for w in run]


class SurnameEvents(NamedTuple):
    """Genuine new names and made-up slips of names, each right after a first name (see `surname_events`)."""

    events: list[tuple[str, str, str, str | None]]  # (kind, first name, written, the name it replaced)
    firsts: set[str]
    by_delete: dict[str, set[str]]


def follower_counts(pairs: Counter[tuple[str, str]]) -> tuple[Counter[str], Counter[str], float]:
    """Per word, the pairs it opens and those seen once; and the share of pairs seen once over all words."""
    after: Counter[str] = Counter()
    once: Counter[str] = Counter()
    for (a, _b), n in pairs.items():
        after[a] += n
        once[a] += n == 1
    return after, once, sum(once.values()) / sum(after.values())


def surname_events(
    words: Counter[str],
    pairs: Counter[tuple[str, str]],
    capital_after: list[tuple[str, str]],
    is_name: Set[str],
    after: Counter[str],
    rng: random.Random,
) -> SurnameEvents:
    """Each capitalized word seen once right after a first name (a name followed by FIRST_MIN pairs or more:
    genuine), and one made-up slip (`_slip`) of each name of 4 letters or more written after such a first name twice
    or more (slip)."""
    by_delete: dict[str, set[str]] = defaultdict(set)
    for w in is_name:
        for k in _deletes(w):
            by_delete[k].add(w)
    firsts = {a for a in is_name if after[a] >= FIRST_MIN}
    events: list[tuple[str, str, str, str | None]] = []
    events += [("genuine", a, b, None) for a, b in capital_after if a in firsts and words[b] == 1]
    for (a, b), n in sorted(pairs.items()):
        if a in firsts and n >= 2 and b in is_name and len(b) >= 4:
            slip = _slip(b, rng)
            if slip != b and slip not in words:
                events.append(("slip", a, slip, b))
    return SurnameEvents(events, firsts, by_delete)


def name_rivals(word: str, by_delete: dict[str, set[str]]) -> set[str]:
    """The names one edit from `word` (`surname_events`' index)."""
    rivals = {r for k in _deletes(word) for r in by_delete.get(k, ()) if r != word}
    return {r for r in rivals if 0 <= damerau_osa.distance(word, r, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.environ.get("SPELLER_SHARED", "../shared"), "corpus"))
    parser.add_argument("--scales", action="store_true", help="new names vs slips after a first name, both scales")
    parser.add_argument("--seed", type=int, default=1, help="`--scales`: the slips' seed")
    args = parser.parse_args()
    words: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    capital_after: list[tuple[str, str]] = []
    for run, low in corpus_runs(args.corpus, HELD_OUT):
        words.update(low)
        lower.update(w for w, lw in zip(run, low) if w == lw)
        pairs.update(zip(low, low[1:]))
        capital_after += [(a, b) for a, b, w in zip(low, low[1:], run[1:]) if w[:1].isupper()]
    after, once, g = follower_counts(pairs)
    name_after: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (a, b), n in pairs.items():
        if n >= 2 and words[b] >= NAME_MIN and lower[b] < NAME_LOWER * words[b]:
            for k in _deletes(b):
                name_after[a][k].add(b)
    print(f"build corpus: {sum(words.values()):,} tokens; unseen-follower rate over all words {g:.4f}")
    if args.scales:
        _scales(words, lower, pairs, capital_after, after, once, g, random.Random(args.seed))
        return
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


def _scales(
    words: Counter[str],
    lower: Counter[str],
    pairs: Counter[tuple[str, str]],
    capital_after: list[tuple[str, str]],
    after: Counter[str],
    once: Counter[str],
    g: float,
    rng: random.Random,
) -> None:
    """How the context after a first name `a` tells a new name from a slip of a name, on either scale.

    Events: each capitalized word seen once right after a first name (a name followed by FIRST_MIN pairs or more) that
    has a name one edit away (`Gal Gadot`, `Gatot`: genuine), and one made-up slip (`_slip`) of each name written after
    such a first name twice or more (`Sri Mulayani`: slip), each with that one pair left out of the counts. Margin:
    what `a` adds to the written word minus what it adds to its best rival (the name one edit away with the highest
    log P(r) + CONTEXT_WEIGHT * gain + LOG_SLIP - error_cost), times CONTEXT_WEIGHT. Smoothed: the bigrams' estimate
    for every pair (log(SMOOTHING / (N + SMOOTHING)) for one never seen); Good-Turing: a pair never seen gets a's
    (N1 + k * rate) / (N + k) / rate, as `speller.model.unseen_beside_gains` gives it. AUC: the chance that a genuine
    event's margin exceeds a slip's."""
    total = sum(words.values())
    is_name = {w for w, n in words.items() if n >= NAME_MIN and lower[w] < NAME_LOWER * n}
    events, firsts, by_delete = surname_events(words, pairs, capital_after, is_name, after, rng)
    margins: dict[str, dict[str, list[float]]] = {kind: {"smoothed": [], "gt": []} for kind in ("genuine", "slip")}
    seen_rival: Counter[str] = Counter()
    for kind, a, w, meant in events:
        rivals = name_rivals(w, by_delete)
        if not rivals:
            continue
        n_a = after[a] - 1  # the event's own pair left out
        n1_a = once[a] - (kind == "genuine")
        unseen_gt = math.log((n1_a + UNSEEN_BESIDE_SMOOTHING * g) / (n_a + UNSEEN_BESIDE_SMOOTHING) / g)
        unseen_smoothed = math.log(SMOOTHING / (n_a + SMOOTHING))
        any_seen = False
        for scale, unseen in (("smoothed", unseen_smoothed), ("gt", unseen_gt)):
            best = -math.inf
            for r in rivals:
                c = pairs[(a, r)] - (r == meant)
                p = (words[r] + 0.5) / total
                gain = math.log((c + SMOOTHING * p) / (n_a + SMOOTHING)) - math.log(p) if c > 0 else unseen
                any_seen |= c > 0
                full = math.log(p) + CONTEXT_WEIGHT * gain + LOG_SLIP - error_cost(w, r)
                if full > best:
                    best, best_gain = full, gain
            margins[kind][scale].append(CONTEXT_WEIGHT * (unseen - best_gain))
        seen_rival[kind] += any_seen
    print(f"first names (followed by {FIRST_MIN}+ pairs): {len(firsts):,}")
    print(f"{'events':>8} {'n':>6} {'rival seen':>10} {'smoothed':>9} {'GT':>6}   (mean margin, nats)")
    for kind in ("genuine", "slip"):
        m = margins[kind]
        n = len(m["gt"])
        print(
            f"{kind:>8} {n:>6} {seen_rival[kind] / max(n, 1):>10.1%} {sum(m['smoothed']) / max(n, 1):>9.2f} "
            f"{sum(m['gt']) / max(n, 1):>6.2f}"
        )
    for scale in ("smoothed", "gt"):
        print(f"AUC ({scale}): {_auc(margins['genuine'][scale], margins['slip'][scale]):.3f}")


if __name__ == "__main__":
    main()
