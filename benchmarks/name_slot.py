"""Does a name candidate's share of uses right after another name tell a new surname from a slip of a surname?

    python -m benchmarks.name_slot            # the build corpus less the held-out files, wowkeren and tribunnews

`Gal Gadot` is flagged as `Gatot`: where neither was seen after `Gal` the context says nothing and the priors decide,
but `Gatot` is mostly a first name, seldom written right after another name. On the build corpus, for every name
(NAME_MIN uses or more, lowercase in less than NAME_LOWER of them) its slot share is the part of its uses written
capitalized right after a capitalized name; smoothed, (slot + SHARE_SMOOTHING * s0) / (uses + SHARE_SMOOTHING), with
s0 the share over all names. The events are `benchmarks.name_context --scales`'s (genuine: a capitalized word seen
once after a first name with a name one edit away; slip: a made-up one-edit slip of a name written after that first
name twice or more, the pair left out of every count). A candidate's prior scaled by its share, in nats log(share /
s0), is added to the Good-Turing context margin of `name_context`; the written new word gets its own slot term,
log(s1 / s0), with s1 the share over names seen once. AUC: the chance a genuine event's margin beats a slip's.
`--last` counts a name after a name only where the capitalized chain ends there (the surname itself: `Jenderal Gatot
Nurmantyo` is not); `--cold` leaves every use of a slip's pair out and keeps only the genuine events with no rival
ever seen after the first name (the 70% where the context says nothing: `Gal Gadot` beside `Gatot`).

Measured (5,652,415 tokens, seed 1; 22,281 names, 3,839 first names; 1,965 genuine events, 10,940 slips):

    share counted                    s0     AUC without   AUC with the slot term
    after a name, smoothing 5       0.235      0.807         0.781
    after a name, smoothing 1       0.235      0.807         0.778
    after a name, smoothing 50      0.235      0.807         0.789
    --last, smoothing 5             0.167      0.807         0.750
    --last, smoothing 1             0.167      0.807         0.732
    --cold (1,422 genuine)          0.235      0.506         0.474
    --cold --last                   0.167      0.506         0.435

It does not separate: every variant ranks the events worse. `Gatot` itself is mostly a first name (`--last`: 10
of 835 uses close a chain after a name, `Gadot` 7 of 10), but (likely) the rivals of genuine new surnames are as
often surnames as the names that slips are made of: a new surname's neighbours one edit away are mostly other
surnames, while the names written after a first name include middle names and first names after a title. Where the
context is silent the term even favours the slips (mean margin genuine +0.22, slips +0.56 with `--cold --last`).
So `speller.model.decide` keeps a name candidate's whole count as its prior.
"""

from __future__ import annotations

import argparse
import math
import os
import random
from collections import Counter

from benchmarks.name_context import (
    FIRST_MIN,
    NAME_LOWER,
    NAME_MIN,
    _auc,
    corpus_runs,
    follower_counts,
    name_rivals,
    surname_events,
)
from speller.context import SMOOTHING, error_cost
from speller.model import CONTEXT_WEIGHT, LOG_SLIP, UNSEEN_BESIDE_SMOOTHING

HELD_OUT = {
    "antara-2025.txt",
    "detik-sentimen.txt",
    "scrapy-news-2020.txt",
    "clickid-wowkeren.txt",
    "clickid-tribunnews.txt",
}
#: Pseudo-uses of the average share added to each name's own.
SHARE_SMOOTHING = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.environ.get("SPELLER_SHARED", "../shared"), "corpus"))
    parser.add_argument("--seed", type=int, default=1, help="the slips' seed")
    parser.add_argument("--last", action="store_true", help="count a name after a name only where its chain ends")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="slips with every use of their pair left out; genuine events with no rival seen",
    )
    parser.add_argument("--smoothing", type=float, default=SHARE_SMOOTHING, help="pseudo-uses of the average share")
    args = parser.parse_args()
    words: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    capital_pairs: Counter[tuple[str, str]] = Counter()  # both words written capitalized
    capital_after: list[tuple[str, str]] = []
    for run, low in corpus_runs(args.corpus, HELD_OUT):
        words.update(low)
        lower.update(w for w, lw in zip(run, low) if w == lw)
        pairs.update(zip(low, low[1:]))
        up = [w[:1].isupper() for w in run] + [False]
        caps = [
            (low[i], low[i + 1]) for i in range(len(run) - 1) if up[i] and up[i + 1] and not (args.last and up[i + 2])
        ]
        capital_pairs.update(caps)
        capital_after += [(a, b) for a, b, w in zip(low, low[1:], run[1:]) if w[:1].isupper()]
    total = sum(words.values())
    is_name = {w for w, n in words.items() if n >= NAME_MIN and lower[w] < NAME_LOWER * n}
    slot: Counter[str] = Counter()
    for (a, b), n in capital_pairs.items():
        if a in is_name:
            slot[b] += n
    s0 = sum(slot[w] for w in is_name) / sum(words[w] for w in is_name)
    once = [w for w, n in words.items() if n == 1 and w not in lower]
    s1 = sum(slot[w] for w in once) / max(len(once), 1)
    print(f"build corpus: {total:,} tokens; {len(is_name):,} names, slot share {s0:.3f}; words seen once {s1:.3f}")
    _share_table(words, slot, is_name, s0)
    after, followed_once, g = follower_counts(pairs)
    events, firsts, by_delete = surname_events(words, pairs, capital_after, is_name, after, random.Random(args.seed))
    k = args.smoothing
    new_term = math.log(s1 / s0)
    margins: dict[str, dict[str, list[float]]] = {kind: {"base": [], "slot": []} for kind in ("genuine", "slip")}
    for kind, a, w, meant in events:
        rivals = name_rivals(w, by_delete)
        if not rivals:
            continue
        n_a = after[a] - 1
        n1_a = followed_once[a] - (kind == "genuine")
        unseen = math.log((n1_a + UNSEEN_BESIDE_SMOOTHING * g) / (n_a + UNSEEN_BESIDE_SMOOTHING) / g)
        best_base, best_slot = -math.inf, -math.inf
        base_margin = slot_margin = 0.0
        if args.cold and kind == "genuine" and any(pairs[(a, r)] for r in rivals):
            continue
        for r in rivals:
            own = 0 if r != meant else pairs[(a, r)] if args.cold else 1
            c = pairs[(a, r)] - own
            p = (words[r] - own + 0.5) / total
            gain = math.log((c + SMOOTHING * p) / (n_a + SMOOTHING)) - math.log(p) if c > 0 else unseen
            share = (max(slot[r] - own, 0) + k * s0) / (words[r] - own + k)
            term = math.log(share / s0)
            full = math.log(p) + CONTEXT_WEIGHT * gain + LOG_SLIP - error_cost(w, r)
            if full > best_base:
                best_base, base_margin = full, CONTEXT_WEIGHT * (unseen - gain)
            if full + term > best_slot:
                best_slot, slot_margin = full + term, CONTEXT_WEIGHT * (unseen - gain) + new_term - term
        margins[kind]["base"].append(base_margin)
        margins[kind]["slot"].append(slot_margin)
    print(f"first names (followed by {FIRST_MIN}+ pairs): {len(firsts):,}; new word's slot term {new_term:+.2f}")
    print(f"{'events':>8} {'n':>6} {'base':>7} {'slot':>7}   (mean margin over the best rival, nats)")
    for kind in ("genuine", "slip"):
        m = margins[kind]
        n = max(len(m["base"]), 1)
        print(f"{kind:>8} {len(m['base']):>6} {sum(m['base']) / n:>7.2f} {sum(m['slot']) / n:>7.2f}")
    for scale in ("base", "slot"):
        print(f"AUC ({scale}): {_auc(margins['genuine'][scale], margins['slip'][scale]):.3f}")


def _share_table(words: Counter[str], slot: Counter[str], is_name: set[str], s0: float) -> None:
    """A few names' slot shares, first names and surnames, to read."""
    for w in ("gatot", "gadot", "joko", "widodo", "sri", "mulyani", "budi", "gunadi", "ahmad", "prabowo"):
        if w in is_name:
            print(f"  {w:<10} uses {words[w]:>6} after a name {slot[w]:>6} share {slot[w] / words[w]:.3f}")


if __name__ == "__main__":
    main()
