"""Does the role of a name (first name or surname) tell a new surname after a first name from a slip of a surname?

    python -m benchmarks.name_role            # the build corpus less the held-out files, fimela and kapanlagi
    python -m benchmarks.name_role --cold     # only where the context is silent

`Gal Gadot` is flagged as `Gatot`: `Gatot` opens runs of names (a first name), while a slip of a surname follows
a first name of that surname's bearers. On the build corpus, each capitalized use of a name (NAME_MIN uses or more,
lowercase in less than NAME_LOWER of them) is counted by its role in its run of words (`speller.tokenize.runs`):
it opens a run of names (the word before it is lowercase or absent, the word after it capitalized) or it follows a
capitalized word. A name's first-name share is opens / (opens + follows), smoothed towards the share over all names
(r0) with ROLE_SMOOTHING pseudo-uses. The events are `benchmarks.name_context --scales`'s (genuine: a capitalized
word seen once right after a first name with a name one edit away; slip: a made-up one-edit slip of a name written
after that first name twice or more, the pair left out of every count, its role counts too). For each event the best
rival is the one `name_context` picks (prior, Good-Turing context, edit cost), and three role features are read,
each signed so that a high value says "genuine":

    candidate   log(first share of the rival / r0): the rival is a first name (`Gatot`), so not what was meant
    left        -log(first share of the left word / r0): the left word is less of a first name
    product     -(log first(left) + log(1 - first(rival))): not "a first name followed by one of its surnames"

AUC (the chance a genuine event's value beats a slip's; 0.5 says nothing) of each feature alone, and of the context
margin of `name_context` (Good-Turing) plus WEIGHT times the feature. `--cold` leaves every use of a slip's pair out
and keeps only genuine events with no rival ever seen after the first name: there the context margin is 0 and only
the priors (and a role term) could speak.

`odds` is the written word's Good-Turing context against the rival's whole score (its prior, context, LOG_SLIP and
edit cost): what `speller.model.decide` weighs but the written word's own prior.

Measured (6,147,637 tokens, seed 1; 22,997 names, r0 0.357; 4,138 first names; `Gatot` first share 0.28, lead
share 0.80, `Gadot` 0.14 / 0.17, `Mulyani` 0.003 / 0.21, `Potter` 0.03 / 0.02):

    AUC                      all events (2,096 genuine, 11,804 slips)   --cold (1,504 genuine, 11,804 slips)
    margin / odds            0.804 / 0.804                               0.506 / 0.601
    feature alone            candidate 0.554, left 0.487, leads 0.471,   candidate 0.533, left 0.507, leads 0.456,
                             product 0.510                               product 0.514
    odds + 0.5 * feature     candidate 0.798, left 0.798, leads 0.795,   candidate 0.604, left 0.596, leads 0.591,
                             product 0.798                               product 0.600
    odds + 1.0 * feature     0.788, 0.785, 0.782, 0.784                  0.602, 0.586, 0.578, 0.591

By the rival's first share the genuine/slip log odds (against all events) run -0.17 -0.28 -0.05 -0.01 0.26 0.30 0.19
0.59 from share 0-0.05 to 0.8-1 (--cold: -0.72 -0.25 0.27 0.27 -0.34 0.26 0.09 0.33): a rival that is mostly a
first name makes a genuine event at most 1.8 times likelier, far from the 4 nats between `Gadot` and `Gatot`, and
the log share ratio the feature adds overstates it (-2.7 nats at share 0.025 where -0.2 is measured). No role
separates genuine new surnames from slips, alone or on top of the context or the whole odds, where the context
speaks or where it is silent; `leads` (a rival usually followed by a capitalized word, `Gatot` 0.80) even points the
other way. So `speller.model.decide` takes no role term and `Gal Gadot` stays flagged as `Gatot`.

    python -m benchmarks.name_role --followed                            # dev, by the gold
    python -m benchmarks.name_role --followed --file clickid-fimela.txt  # a file left out, to judge by hand

The `Harry Pogter` kind: a typo flag (any confidence) on a capitalized word right after a capitalized word `left`
(only spaces between) whose first suggestion the bigrams write right after `left`. Each is printed with its
confidence, its calibration kind, the pair's count and, on dev, whether the gold calls it real.

Measured (main c621b5c, seed 1). Dev: 7 flags; shown (kind `name`): 2, both real (`Akhir Desemner`, `Dalam
Perusahaana`); hidden by the calibrated `rare` kind (0.05) or `name` under the floor: 5, none real (`Rudi Hartoko`
0.058, `Gunung Marapi` 4 times). clickid-fimela.txt (100,062 tokens), judged by hand: shown (`name`, 0.98-1.0): 9,
8 real (`Kim Karadashian`, `BJ Habbie`, `Bunga Citr`, `Ibu Aninun`, `Yale Uniersity`, `Oxford Universityi`, `Hit
Entertaintment`, `WOW Concer`), 1 genuine (`Bahkan Niall` -> `Nia`, after a sentence's first word); hidden (`rare`,
0.05): 9, 4 real (`South Eeast`, `Kota Kasanblanka`, `Marsha Tmothy`, `Justin Beiber`), 5 genuine (`The Weeknd`, 5
times). Showing the hidden ones would add 4 real flags and 10 false ones over the two: the `rare` kind stays. (The
genuine hidden names but `Rudi Hartoko` are written 4-5 times, each real slip once: a lead for the kinds,
measured on 14 flags only.)
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

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
    "clickid-fimela.txt",
    "clickid-kapanlagi.txt",
}
#: Pseudo-uses of the average first-name share added to each name's own.
ROLE_SMOOTHING = 5.0
#: Weights of a role feature added to the context margin.
WEIGHTS = (0.5, 1.0, 2.0)
#: `rival first share` bins of the printed table.
SHARE_BINS = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 1.01)
FEATURES = ("candidate", "left", "leads", "product")


class Role(NamedTuple):
    """A capitalized word's place in its run: it opens a run of names (the word before it lowercase or absent, the
    word after it capitalized), follows a capitalized word, and/or leads one (the word after it is capitalized)."""

    opens: bool
    follows: bool
    leads: bool


def roles(run: Sequence[str]) -> list[tuple[str, Role]]:
    """Each capitalized word of a run of words (as written), in lowercase, with its `Role`."""
    up = [w[:1].isupper() for w in run] + [False]
    return [
        (w.lower(), Role(not (i and up[i - 1]) and up[i + 1], bool(i and up[i - 1]), up[i + 1]))
        for i, w in enumerate(run)
        if up[i]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.environ.get("SPELLER_SHARED", "../shared"), "corpus"))
    parser.add_argument("--seed", type=int, default=1, help="the slips' seed")
    parser.add_argument("--cold", action="store_true", help="only events where the context is silent")
    parser.add_argument("--smoothing", type=float, default=ROLE_SMOOTHING, help="pseudo-uses of the average share")
    parser.add_argument("--followed", action="store_true", help="the flags whose rival the bigrams write after left")
    parser.add_argument("--file", default=None, help="`--followed`: a build-corpus file left out (default: dev)")
    parser.add_argument("--tokens", type=int, default=100_000, help="`--followed --file`: tokens of it checked")
    args = parser.parse_args()
    if args.followed:
        print("\n".join(followed(args.file, args.tokens, args.seed)))
        return
    words: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    opens: Counter[str] = Counter()
    follows: Counter[str] = Counter()
    leads: Counter[str] = Counter()  # capitalized uses followed by a capitalized word
    capitalized: Counter[str] = Counter()
    capital_after: list[tuple[str, str]] = []
    for run, low in corpus_runs(args.corpus, HELD_OUT):
        words.update(low)
        lower.update(w for w, lw in zip(run, low) if w == lw)
        pairs.update(zip(low, low[1:]))
        for w, role in roles(run):
            capitalized[w] += 1
            opens[w] += role.opens
            follows[w] += role.follows
            leads[w] += role.leads
        capital_after += [(a, b) for a, b, w in zip(low, low[1:], run[1:]) if w[:1].isupper()]
    total = sum(words.values())
    is_name = {w for w, n in words.items() if n >= NAME_MIN and lower[w] < NAME_LOWER * n}
    r0 = sum(opens[w] for w in is_name) / max(sum(opens[w] + follows[w] for w in is_name), 1)
    k = args.smoothing
    l0 = sum(leads[w] for w in is_name) / max(sum(capitalized[w] for w in is_name), 1)

    def lead(w: str, less: int = 0) -> float:
        return (leads[w] + k * l0) / (max(capitalized[w] - less, leads[w]) + k)

    def first(w: str, less_follows: int = 0) -> float:
        return (opens[w] + k * r0) / (opens[w] + max(follows[w] - less_follows, 0) + k)

    print(f"build corpus: {total:,} tokens; {len(is_name):,} names; first-name share r0 {r0:.3f}, lead share {l0:.3f}")
    for w in ("gatot", "gadot", "gal", "sri", "mulyani", "joko", "widodo", "harry", "potter"):
        print(
            f"  {w:<9} uses {words[w]:>6} opens {opens[w]:>5} follows {follows[w]:>5} first share {first(w):.3f} "
            f"lead share {lead(w):.3f}"
        )
    after, followed_once, g = follower_counts(pairs)
    events, firsts, by_delete = surname_events(words, pairs, capital_after, is_name, after, random.Random(args.seed))
    values: dict[str, dict[str, list[float]]] = {kind: defaultdict(list) for kind in ("genuine", "slip")}
    for kind, a, w, meant in events:
        rivals = name_rivals(w, by_delete)
        if not rivals:
            continue
        if args.cold and kind == "genuine" and any(pairs[(a, r)] for r in rivals):
            continue
        n_a = after[a] - 1
        n1_a = followed_once[a] - (kind == "genuine")
        unseen = math.log((n1_a + UNSEEN_BESIDE_SMOOTHING * g) / (n_a + UNSEEN_BESIDE_SMOOTHING) / g)
        best, margin, rival, rival_own = -math.inf, 0.0, "", 0
        for r in sorted(rivals):
            own = 0 if r != meant else pairs[(a, r)] if args.cold else 1
            c = pairs[(a, r)] - own
            p = (words[r] - own + 0.5) / total
            gain = math.log((c + SMOOTHING * p) / (n_a + SMOOTHING)) - math.log(p) if c > 0 else unseen
            full = math.log(p) + CONTEXT_WEIGHT * gain + LOG_SLIP - error_cost(w, r)
            if full > best:
                best, margin, rival, rival_own = full, CONTEXT_WEIGHT * (unseen - gain), r, own
        cand_first = first(rival, rival_own)
        left_first = first(a)
        feature = {
            "candidate": math.log(cand_first / r0),
            "left": -math.log(left_first / r0),
            "leads": math.log(lead(rival, rival_own) / l0),
            "product": -(math.log(left_first) + math.log(1.0 - cand_first)),
        }
        odds = CONTEXT_WEIGHT * unseen - best  # the written word's context against the rival's whole score
        values[kind]["margin"].append(margin)
        values[kind]["odds"].append(odds)
        values[kind]["rival first share"].append(cand_first)
        for name, v in feature.items():
            values[kind][name].append(v)
            for weight in WEIGHTS:
                values[kind][f"{name}+{weight}"].append(margin + weight * v)
                values[kind][f"odds {name}+{weight}"].append(odds + weight * v)
    n_gen, n_slip = len(values["genuine"]["margin"]), len(values["slip"]["margin"])
    print(f"first names (followed by {FIRST_MIN}+ pairs): {len(firsts):,}; events: {n_gen:,} genuine, {n_slip:,} slip")
    print(f"{'rival first share':>18} {'genuine':>8} {'slip':>6} {'log odds genuine/slip vs all':>29}")
    for bottom, top in zip(SHARE_BINS, SHARE_BINS[1:]):
        n_g = sum(bottom <= v < top for v in values["genuine"]["rival first share"])
        n_s = sum(bottom <= v < top for v in values["slip"]["rival first share"])
        odds = math.log((n_g + 0.5) / n_gen) - math.log((n_s + 0.5) / n_slip)
        print(f"{bottom:>8.2f} - {min(top, 1.0):<7.2f} {n_g:>8} {n_s:>6} {odds:>29.2f}")
    print(f"{'score':>18} {'AUC':>6} {'mean genuine':>13} {'mean slip':>10}")
    for name in [
        "margin",
        "odds",
        *FEATURES,
        *(f"{f}+{w}" for f in FEATURES for w in WEIGHTS),
        *(f"odds {f}+{w}" for f in FEATURES for w in WEIGHTS),
    ]:
        gen, slip = values["genuine"][name], values["slip"][name]
        print(
            f"{name:>18} {_auc(gen, slip):>6.3f} {sum(gen) / max(len(gen), 1):>13.2f} "
            f"{sum(slip) / max(len(slip), 1):>10.2f}"
        )


#: A capitalized word and the spaces right before a flagged span.
LEFT_WORD = re.compile(r"([A-Z][\w-]*) +$")


def followed(file: str | None, tokens: int, seed: int) -> list[str]:
    """Each typo flag on a capitalized word whose first suggestion the bigrams write right after the capitalized word
    before it (`--followed`), on dev (with the gold's verdict) or on a seeded sample of `file` left out of a build."""
    from speller.checker import Finding, Speller
    from speller.tokenize import fold

    real: set[tuple[str, int]] | None = None
    if file is None:
        from benchmarks.metrics import match
        from benchmarks.tune import check_dev, dev_set
        from speller.dictionary import Dictionary

        ds = dev_set()
        dictionary = Dictionary()
        texts = ds.texts
        flags = check_dev(ds, dictionary)
        hits, _ = match(ds.gold, flags)
        real = {(f.file, f.start) for fs in hits.values() for f in fs}
        found = [(f.file, f.start, f.end, f.word, f.suggestions, f.category, f.confidence) for f in flags]
        sp = Speller(dictionary)
    else:
        from benchmarks.unseen_file import blocks, built_dictionary, sample, shared_corpus

        folder = built_dictionary(file)
        picked = sample(blocks((shared_corpus() / file).read_text(encoding="utf-8").splitlines()), tokens, seed)
        texts = {str(i): t for i, t in enumerate(picked)}
        sp = Speller(str(folder), min_confidence=0.0)
        found = [
            (key, i.start, i.end, i.word, tuple(i.suggestions), i.category, i.confidence)
            for key, text in texts.items()
            for i in sp.check(text)
        ]
    d = sp.dictionary
    rows = []
    for key, start, end, word, suggestions, category, confidence in sorted(found, key=lambda f: -f[6]):
        text = texts[key]
        m = LEFT_WORD.search(text[max(0, start - 40) : start])
        if category != "typo" or not word[:1].isupper() or " " in word or not suggestions or m is None:
            continue
        pair = d.bigram(fold(m.group(1)), fold(suggestions[0]))
        if not pair:
            continue
        kind = sp._kind(text, Finding(start, end, list(suggestions), "typo", 0.0))
        verdict = "" if real is None else "REAL " if (key, start) in real else "FA   "
        rows.append(
            f"{verdict}{confidence:.3f}\t{kind}\t{m.group(1)} {word} -> {suggestions[0]}\tpair {pair}\t"
            f"{text[max(0, start - 50) : end + 30].replace(chr(10), ' ')}"
        )
    return rows


if __name__ == "__main__":
    main()
