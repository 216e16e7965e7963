"""Tune the detection model on the dev split only: how the parameters of speller/model.py were set.

    python -m benchmarks.tune                                  # the shipped parameters on dev
    python -m benchmarks.tune --set FLAG_SHARE=0.01,0.03 --set LOG_SLIP=-7   # a grid over dev
    python -m benchmarks.tune --why                            # each dev false alarm with its competing scores
    python -m benchmarks.tune --bands                          # reported-confidence bands per category
    python -m benchmarks.tune --capitalized                    # typo flags on capitalized words, with what may tell
    python -m benchmarks.tune --calibration refit.tsv          # with a table `benchmarks.calibrate --out` wrote

The dev documents and gold spans are loaded once (benchmarks/run.py's loaders), the dictionary once; for
each setting a fresh `Speller` checks the dev texts with no confidence floor, and the flags are scored with
benchmarks/metrics.py as shipped (the flags the model flags: `Issue.flagged`): P, R, false alarms /1k, P/R of typo,
nonstandard (ns) and spacing (sp), and the share
of real errors among flags at or above FIX_CONFIDENCE (what `speller fix` applies; fixP, of fixN flags), leaving
out the flags the gold cannot judge (`benchmarks.metrics.judged_flags`: a doubled word or phrase that hits no gold
error, which the labels leave out by rule, and which the other figures leave out too), as
benchmarks/calibrate.py does. Parameters are module
globals of speller.model (and the names speller.checker imports from it); a setting patches them and puts
them back afterwards. This script never reads the test split: it keeps only the dev articles.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from .metrics import Flag, judged_flags, match, score
from .run import DATA, DataSet, build_sets, calibration, load_data


def dev_set() -> DataSet:
    """The dev split (held-out dev articles); the test split is dropped before anything is checked."""
    problems: list[str] = []
    errors, scope = load_data(DATA, problems)
    errors = [r for r in errors if r.get("split", "dev") != "test"]
    scope = [r for r in scope if r.get("split") != "test"]
    ds = build_sets(errors, scope, problems)["dev"]
    assert not any(g.split == "test" for g in ds.gold), "tune.py must never read the test split"
    return ds


@contextmanager
def patched(values: dict[str, float]) -> Iterator[None]:
    """speller.model's, speller.spacing's and speller.morphology's parameters (and speller.checker's copies of them)
    set to `values`, restored after."""
    import speller.checker as checker
    import speller.model as model
    import speller.morphology as morphology
    import speller.spacing as spacing

    saved = []
    for name, value in values.items():
        owner = next((mod for mod in (model, spacing, morphology) if hasattr(mod, name)), None)
        if owner is None:
            raise SystemExit(f"none of speller.model, speller.spacing, speller.morphology has a parameter {name}")
        for mod in (owner, checker):
            if hasattr(mod, name):
                saved.append((mod, name, getattr(mod, name)))
                setattr(mod, name, type(getattr(owner, name))(value))
    try:
        yield
    finally:
        for mod, name, value in reversed(saved):
            setattr(mod, name, value)


def setting(ap: argparse.ArgumentParser, sets: Sequence[str]) -> AbstractContextManager[None]:
    """`patched` for the `--set NAME=VALUE` options of a command that runs one setting (`ap` reports a second value)."""
    settings = grid(sets)
    if len(settings) != 1:
        ap.error("--set takes one value per parameter")
    return patched(settings[0])


def check_dev(ds: DataSet, dictionary, calibration=None) -> list[Flag]:  # noqa: ANN001
    """Every default-category flag of a fresh Speller on the dev texts, no confidence floor, inside scope
    (`calibration`: the table it reports with, default the bundled one)."""
    from speller.checker import DEFAULT_CATEGORIES, Speller

    sp = Speller(dictionary, categories=DEFAULT_CATEGORIES, min_confidence=0.0, calibration=calibration)
    flags = [
        Flag(f, i.start, i.end, i.word, tuple(i.suggestions), i.category, i.confidence, i.flagged)
        for f, text in ds.texts.items()
        for i in sp.check(text)
    ]
    return ds.in_scope(flags)


def summary(ds: DataSet, flags: list[Flag], floor: float | None, fix: float) -> dict[str, float]:
    """The figures the tuning looks at, for the flags at or above `floor` (None: those the model flags)."""
    kept = [f for f in flags if (f.flagged if floor is None else f.confidence >= floor)]
    s = score(ds.gold, kept, ds.tokens)
    rates = {}
    for short, category in (("typo", "typo"), ("ns", "nonstandard"), ("sp", "spacing")):
        r, p = s.recall_by_category.get(category), s.precision_by_category.get(category)
        rates[f"{short}R"], rates[f"{short}P"] = 100 * (r.rate if r else 0), 100 * (p.rate if p else 0)
    sure = judged_flags(ds.gold, [f for f in kept if f.confidence >= fix])
    hits, _ = match(ds.gold, sure)
    real = {(f.file, f.start) for fs in hits.values() for f in fs}
    return {
        "P": 100 * s.precision,
        "R": 100 * s.recall,
        "FA/1k": s.fa_per_1k,
        **rates,
        "fixP": 100 * (sum((f.file, f.start) in real for f in sure) / len(sure) if sure else 0),
        "fixN": len(sure),
    }


def capitalized(ds: DataSet, flags: list[Flag], dictionary) -> list[str]:  # noqa: ANN001
    """One line per typo flag (any confidence) on a capitalized word: real or false by the gold, its calibration kind,
    raw confidence, whether a capitalized word stands right before / after it, the best suggestion's corpus count and
    lowercase share, its edit distance and the word's name-shape log probability: the facts that might tell a new
    name from a slip, to measure before building on one."""
    from editdistpy import damerau_osa

    from speller.calibration import after_capital, before_capital
    from speller.checker import Finding, Speller
    from speller.model import name_shape
    from speller.tokenize import fold

    sp, shape = Speller(dictionary), name_shape(dictionary)
    hits, _ = match(ds.gold, flags)
    real = {(f.file, f.start) for fs in hits.values() for f in fs}
    lines = []
    for f in sorted(flags, key=lambda f: -f.confidence):
        if f.category != "typo" or not f.word[:1].isupper() or not f.suggestions:
            continue
        text, best = ds.texts[f.file], fold(f.suggestions[0])
        kind = sp._kind(text, Finding(f.start, f.end, list(f.suggestions), "typo", 0.0))
        n = dictionary.count(best)
        lines.append(
            f"  {'REAL' if (f.file, f.start) in real else 'FA  '} {kind:7} {f.confidence:.3f} "
            f"{'C' if after_capital(text, f.start) else '-'}{'C' if before_capital(text, f.end) else '-'} "
            f"{f.word!r} -> {f.suggestions[0]!r} n={n} lower={dictionary.lower_count(best) / max(n, 1):.2f} "
            f"edits={damerau_osa.distance(fold(f.word), best, 3)} shape={shape.log_p(fold(f.word)):.1f}"
        )
    return lines


def grid(sets: Sequence[str]) -> list[dict[str, float]]:
    """`NAME=v1,v2` options -> every combination."""
    axes = []
    for item in sets:
        name, _, values = item.partition("=")
        axes.append([(name.strip(), float(v)) for v in values.split(",")])
    return [dict(combo) for combo in itertools.product(*axes)] if axes else [{}]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.tune", description=__doc__.split("\n")[0])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=V1,V2", help="model parameter values to try")
    ap.add_argument("--why", action="store_true", help="list each false alarm and its confidence")
    ap.add_argument("--bands", action="store_true", help="calibration bands of the flags (no floor)")
    ap.add_argument("--capitalized", action="store_true", help="typo flags on capitalized words, with their facts")
    ap.add_argument("--calibration", type=Path, help="report with this table (`benchmarks.calibrate --out`)")
    args = ap.parse_args(argv)

    from speller.categories import FIX_CONFIDENCE, MIN_CONFIDENCE
    from speller.dictionary import Dictionary

    ds = dev_set()
    dictionary = Dictionary()
    print(f"dev: {len(ds.gold)} gold errors, {ds.tokens} word tokens", file=sys.stderr)
    cols = ["P", "R", "FA/1k", "typoR", "typoP", "nsR", "nsP", "spR", "spP", "fixP", "fixN"]
    print("setting | " + " | ".join(cols))
    table = None
    if args.calibration is not None:
        from .calibrate import read_table  # noqa: PLC0415 - benchmarks.calibrate imports this module at its top

        table = read_table(args.calibration)
    for values in grid(args.set):
        with patched(values):
            flags = check_dev(ds, dictionary, table)
        row = summary(ds, flags, MIN_CONFIDENCE, FIX_CONFIDENCE)
        label = ", ".join(f"{k}={v:g}" for k, v in values.items()) or "shipped"
        print(f"{label} | " + " | ".join(f"{row[c]:.1f}" if c != "fixN" else f"{row[c]:.0f}" for c in cols), flush=True)
        if args.why:
            s = score(ds.gold, [f for f in flags if f.flagged], ds.tokens)
            for f in sorted(s.false_alarms, key=lambda f: (f.category or "", -f.confidence)):
                print(f"  FA {f.category:11} {f.confidence:.3f} {f.word!r} -> {list(f.suggestions[:3])}")
            for g in s.misses:
                print(f"  MISS {g.category:11} {g.wrong!r} -> {g.correct!r}")
        if args.capitalized:
            print("\n".join(capitalized(ds, flags, dictionary)))
        if args.bands:
            by_cat: dict[str, list[Flag]] = {}
            for f in flags:
                by_cat.setdefault(f.category or "", []).append(f)
            for cat, fs in sorted(by_cat.items()):
                bands = calibration(ds.gold, fs)
                print(f"  {cat}: " + "  ".join(f"{e:.1f}:{g}/{n}" for e, (n, g) in sorted(bands.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
