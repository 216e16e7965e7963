"""Ablation of the candidate ranker on the labeled typos: noisy channel vs frequency only.

    python -m benchmarks.ranking [--split dev|test]
    python -m benchmarks.ranking --offers [--all] [--sample 40]   # the suggestions shown, dev and blind-spot seed 1

For every labeled `typo` error of the split whose correct form is among speller's candidates,
rank the candidates three ways and count how often the correct word comes first:
- frequency: nearest edit distance first, then the most frequent word (plain SymSpell's order);
- channel, no context: the error model times unigram frequency;
- channel with context: the error model times the bigram context (what speller uses).
Tune on dev only; the test split is for measuring.

`--offers` measures the suggestions a flag SHOWS (`Speller._offers`), by position, over the dev flags (at the
shipped floor) and the slips of blind-spot seed 1 (`benchmarks.blindspots`, the tuning seed): how many are listed
words, derivations the corpus never shows (`formed`), derivations of a root that is mostly a name or only English,
or neither; how their posterior share compares with the first's; where the right word stands when it is not first;
and dev top-1/3/5 (over detected gold errors). `--all` shows the lists as they were before the step (every candidate
offerable, no share floor); `--sample N` prints N lists to judge by hand. It never reads the test split.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path

import regex

from speller import Speller
from speller.checker import DEFAULT_CATEGORIES, OFFERS
from speller.context import rank
from speller.records import NamedTuple

_LEFT = regex.compile(r"([\p{L}'-]+) +$")
_RIGHT = regex.compile(r" +([\p{L}'-]+)")
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPELLER_SHARED", REPO.parent / "shared"))


def source_path(name: str) -> Path:
    """Where a labeled file lives: `seeds/...` in the repo's corpus, `corpus/...` in the shared folder."""
    return REPO / "corpus" / name if name.startswith("seeds/") else SHARED / name


def neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The lowercase words right before and after [start, end), if only spaces separate them."""
    left = _LEFT.search(text, max(0, start - 60), start)
    right = _RIGHT.match(text, end, end + 60)
    return (left.group(1).lower() if left else None), (right.group(1).lower() if right else None)


#: The bands of a shown suggestion's share relative to the first's.
RATIO_BANDS = (0.1, 0.01, 0.001, 0.0001)


class Shown(NamedTuple):
    """One flag's shown suggestions (lowercase, as the model ranked them), their shares and the word meant."""

    source: str
    word: str
    shown: tuple[str, ...]
    shares: tuple[float, ...]
    meant: str | None
    ranked: tuple[tuple[str, float], ...] = ()


def recording(speller: Speller, unfiltered: bool) -> dict[tuple[int, int], tuple[tuple[str, float], ...]]:
    """Make `speller` remember, per (text id, end) of each word it flags, the ranked list it chose its offers from;
    `unfiltered`: offer as before the step (the first five, none left out)."""
    seen: dict[tuple[int, int], tuple[tuple[str, float], ...]] = {}
    last: list[tuple[tuple[str, float], ...]] = []
    offers, check_token = speller._offers, speller._check_token

    def _offers(ranked, n=OFFERS):  # noqa: ANN001, ANN202
        last.append(tuple(ranked))
        return [c for c, _ in ranked[:n]] if unfiltered else offers(ranked, n)

    def _check_token(source, tokens, i):  # noqa: ANN001, ANN202
        last.clear()
        found = check_token(source, tokens, i)
        if found is not None and last:
            seen[(id(source), found.end)] = last[-1]
        return found

    speller._offers = _offers  # type: ignore[method-assign]
    speller._check_token = _check_token  # type: ignore[method-assign]
    return seen


def shown_of(
    ranked: tuple[tuple[str, float], ...], suggestions: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The candidates of `ranked` behind a flag's `suggestions`, with their shares (those `_standard` rewrote are
    matched by their place)."""
    share = dict(ranked)
    folded = [s.lower() for s in suggestions]
    picked = [s if s in share else "" for s in folded]
    return tuple(picked), tuple(share.get(s, float("nan")) for s in picked)


def kind_of_offer(speller: Speller, cand: str) -> str:
    """`listed`, `formed`, `name-root`, `english-root` (an unseen derivation of such a root) or `other`."""
    from speller.morphology import derivation

    d = speller.dictionary
    if not cand:
        return "other"
    if cand in d.counts or cand in d.roots or (" " in cand and all(p in d.counts for p in cand.split(" "))):
        return "listed"
    analysis = derivation(speller.morphology, cand)
    if analysis is None:
        return "formed" if speller.is_known(cand) else "other"
    root = analysis.root
    if root not in d.roots and root in d.names:
        return "name-root"
    if root not in d.roots and root in d.english:
        return "english-root"
    return "formed"


def dev_shown(speller: Speller, unfiltered: bool) -> tuple[list[Shown], dict[str, float]]:
    """The dev flags' shown lists (those the model flags, in scope) and dev top-1/3/5 over the detected gold errors."""
    from .metrics import Flag, corrected_at, match
    from .tune import dev_set

    ds = dev_set()
    seen = recording(speller, unfiltered)
    flags: list[Flag] = []
    ranked_of: dict[Flag, tuple[tuple[str, float], ...] | None] = {}
    for file, text in ds.texts.items():
        for i in speller.check(text):
            if i.flagged:
                flag = Flag(file, i.start, i.end, i.word, tuple(i.suggestions), i.category, i.confidence)
                flags.append(flag)
                ranked_of[flag] = seen.get((id(text), i.end))
    flags = ds.in_scope(flags)
    hits, _ = match(ds.gold, flags)
    meant = {f: ds.gold[g].correct.lower() for g, fs in hits.items() for f in fs}
    out = []
    for flag in flags:
        ranked = ranked_of.get(flag)
        if ranked is not None:
            out.append(Shown("dev", flag.word, *shown_of(ranked, flag.suggestions), meant.get(flag), ranked))
    n = max(len(hits), 1)
    tops = {f"top{k}": 100 * sum(corrected_at(ds.gold[g], fs, k) for g, fs in hits.items()) / n for k in (1, 3, 5)}
    return out, tops


def seed_shown(speller: Speller, unfiltered: bool) -> list[Shown]:
    """The shown lists of the flags on the slips of blind-spot seed 1."""
    from .blindspots import TUNING_SEED, speller_cases

    seen = recording(speller, unfiltered)
    out = []
    for c in speller_cases(speller, TUNING_SEED):
        for i in speller.check(c.text):
            ranked = seen.get((id(c.text), i.end))
            if i.start <= c.start < i.end and ranked is not None:
                out.append(Shown("seed1", c.typo, *shown_of(ranked, tuple(i.suggestions)), c.word.lower(), ranked))
    return out


def offers_report(rows: list[Shown], speller: Speller, label: str) -> list[str]:
    """Per position: how many shown, of what kind, in which band of share relative to the first, and right."""
    kinds = ("listed", "formed", "name-root", "english-root", "other")
    lines = [f"{label}: {len(rows)} flags, {sum(len(r.shown) for r in rows)} suggestions shown"]
    lines.append("  pos | shown | " + " | ".join(kinds) + " | ratio>=" + " | ".join(map(str, RATIO_BANDS)) + " | right")
    for pos in range(OFFERS):
        at = [(r, r.shown[pos], r.shares[pos]) for r in rows if len(r.shown) > pos]
        if not at:
            continue
        count = {k: 0 for k in kinds}
        for _, cand, _ in at:
            count[kind_of_offer(speller, cand)] += 1
        bands = [sum(share / r.shares[0] >= b for r, _, share in at if r.shares[0]) for b in RATIO_BANDS]
        right = sum(cand == r.meant for r, cand, _ in at)
        lines.append(
            f"  {pos + 1} | {len(at)} | "
            + " | ".join(str(count[k]) for k in kinds)
            + " | "
            + " | ".join(map(str, bands))
            + f" | {right}"
        )
    tail = [(r, c, s) for r in rows for c, s in list(zip(r.shown, r.shares))[1:]]
    words = sum(kind_of_offer(speller, c) in ("listed", "formed") for _, c, _ in tail)
    lines.append(
        f"  after the first: {len(tail)} shown, {words} listed or formed on an attested root "
        f"({100 * words / max(len(tail), 1):.1f}%)"
    )
    ratios = sorted(s / r.shares[0] for r, c, s in tail if c == r.meant and r.shares[0])
    lines.append(
        f"  the right word after the first: {len(ratios)}, share / first's lowest: "
        + ", ".join(f"{x:.2g}" for x in ratios[:8])
    )
    return lines


def sweep(rows: list[Shown], speller: Speller, floors: list[float], label: str) -> list[str]:
    """Each floor (a share relative to the first's) with each rule of what may be shown after the first (any
    candidate; no derivation of a name or English root; `Speller._offerable`, the shipped rule), applied to the
    ranked lists behind `rows`: the suggestions after the first it shows, the shares of them that are listed words
    and listed or formed on an attested root, how many right words it shows after the first and at top-3 / top-5."""
    rules: dict[str, Callable[[str], bool]] = {
        "any": lambda c: True,
        "no name/English root": lambda c: kind_of_offer(speller, c) not in ("name-root", "english-root"),
        "shipped": speller._offerable,
    }
    lines = [
        f"{label}: floor rule | after the first | listed | listed or attested root | right after first | top3 | top5"
    ]
    for floor in floors:
        for name, rule in rules.items():
            kinds: list[str] = []
            right, top3, top5 = 0, 0, 0
            for r in rows:
                if not r.ranked:
                    continue
                first = r.ranked[0][1]
                keep = (c for c, x in r.ranked[1:] if x >= floor * first and rule(c))
                shown = [r.ranked[0][0], *itertools.islice(keep, OFFERS - 1)]
                kinds += [kind_of_offer(speller, c) for c in shown[1:]]
                right += r.meant in shown[1:]
                top3 += r.meant in shown[:3]
                top5 += r.meant in shown[:5]
            n = max(len(kinds), 1)
            listed, words = kinds.count("listed"), kinds.count("listed") + kinds.count("formed")
            lines.append(
                f"  {floor:g} {name:20} | {len(kinds)} | {100 * listed / n:.1f}% | {100 * words / n:.1f}% | "
                f"{right} | {top3} | {top5}"
            )
    return lines


def offers_main(unfiltered: bool, sample: int, floors: list[float]) -> None:
    """`--offers`: the report of the shown suggestions on dev and blind-spot seed 1."""
    import random

    speller = Speller(categories=DEFAULT_CATEGORIES, min_confidence=0.0)
    dev, tops = dev_shown(speller, unfiltered)
    print("dev " + " ".join(f"{k} {v:.1f}" for k, v in tops.items()) + " (over detected gold errors)")
    print("\n".join(offers_report(dev, speller, "dev")))
    if floors:
        print("\n".join(sweep(dev, speller, floors, "dev")))
    speller = Speller()
    seed = seed_shown(speller, unfiltered)
    print("\n".join(offers_report(seed, speller, "blind-spot seed 1")))
    if floors:
        print("\n".join(sweep(seed, speller, floors, "blind-spot seed 1")))
    rng = random.Random(0)
    for r in rng.sample(dev + seed, min(sample, len(dev) + len(seed))):
        items = ", ".join(
            f"{c}({kind_of_offer(speller, c)[:4]} {s / r.shares[0]:.2g})" for c, s in zip(r.shown, r.shares)
        )
        print(f"  {r.source} {r.word} [{r.meant}]: {items}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--offers", action="store_true", help="measure the suggestions shown (dev, seed 1)")
    parser.add_argument("--all", action="store_true", help="with --offers: the lists as before the step")
    parser.add_argument("--sample", type=int, default=0, help="with --offers: print this many lists to judge")
    parser.add_argument("--sweep", default="", help="with --offers --all: share floors to try, e.g. 0,0.001,0.01")
    args = parser.parse_args()
    if args.offers:
        offers_main(args.all, args.sample, [float(x) for x in args.sweep.split(",") if x])
        return
    speller = Speller()
    d = speller.dictionary
    rows = [json.loads(line) for line in open(REPO / "benchmarks" / "data" / "errors.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["split"] == args.split and r["category"] == "typo" and " " not in r["wrong"]]
    texts: dict[str, str] = {}
    wins = {"frequency": 0, "channel": 0, "channel+context": 0}
    covered = 0
    for r in rows:
        text = texts.setdefault(r["file"], source_path(r["file"]).read_text(encoding="utf-8"))
        wrong, correct = r["wrong"].lower(), r["correct"].lower()
        cands = speller._candidates(wrong)
        if correct not in {c for c, _ in cands}:
            continue
        covered += 1
        left, right = neighbours(text, r["start"], r["end"])
        by_freq = sorted(cands, key=lambda c: (c[1], -d.count(c[0]), c[0]))
        wins["frequency"] += by_freq[0][0] == correct
        wins["channel"] += rank(d, cands, None, None, typo=wrong)[0][0] == correct
        wins["channel+context"] += rank(d, cands, left, right, typo=wrong)[0][0] == correct
    print(f"split {args.split}: {len(rows)} labeled one-word typos, correct word among candidates for {covered}")
    for name, n in wins.items():
        print(f"  top-1 {name:16s} {n}/{covered} = {n / max(covered, 1):.3f}")


if __name__ == "__main__":
    main()
