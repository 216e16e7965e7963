"""Cold `suggest` of misspelled words and the first pass over held-out news, in CPU time, without the whole speed run.

    python -m benchmarks.cold_suggest                 # 1,000 words, 3 runs each; medians of the runs
    python -m benchmarks.cold_suggest --only suggest  # or: --only pass
    python -m benchmarks.cold_suggest --only suggest --slowest 15 --stages   # where a cold suggest spends its time

The words and the meaning of *cold* are `benchmarks.speed.bench_words`'s (seeded single-edit typos of held-out
words; a fresh `Speller` over a loaded dictionary, so each word is met for the first time); the first pass is
`bench_throughput`'s (a fresh `Speller` checking each held-out file once). Times are the calling thread's CPU
time, so other work on the machine weighs less than on the wall clock.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from functools import partial

from .environment import shared_corpus
from .speed import _fresh_speller, held_out_texts, misspellings, word_tokens


def _cpu_us(fn, arg) -> float:  # noqa: ANN001
    t0 = time.thread_time_ns()
    fn(arg)
    return (time.thread_time_ns() - t0) / 1000


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def cold_suggest(texts: dict[str, str], words: int, runs: int, slowest: int = 0) -> tuple[float, float]:
    """(median, p99) in microseconds of a cold `suggest`, each the median over `runs` fresh spellers; prints the
    `slowest` words of the last run."""
    from speller import Dictionary, Speller

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    medians, p99s = [], []
    times: list[float] = []
    for _ in range(runs):
        speller = _fresh_speller(dictionary)
        speller.suggest("pemerintahh")  # maps the delete index and builds the morphology, as bench_words does
        gc.collect()
        times = [_cpu_us(speller.suggest, t) for t in typos]
        medians.append(statistics.median(times))
        p99s.append(_p99(times))
    if slowest:
        ranked = sorted(zip(times, typos))[-slowest:]
        print("slowest cold suggests, CPU us:", ", ".join(f"{w} {t:,.0f}" for t, w in ranked))
    return statistics.median(medians), statistics.median(p99s)


def stages(texts: dict[str, str], words: int) -> None:
    """Median and p99 of each stage of a cold `suggest`'s candidates, one word after the other in one fresh speller
    (a stage reuses what the stages before it cached): SymSpell's lookup of the word, the inflected offers (their
    stems' lookups included), the lazy validation that cuts them to the weighed ones; then the whole suggest, in
    another fresh speller."""
    from speller import Dictionary, Speller
    from speller.candidates import LazyCandidates

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    found: dict[str, list[float]] = {"lookup": [], "inflected offers": [], "lazy validation": [], "suggest": []}
    speller = _fresh_speller(dictionary)
    speller.suggest("pemerintahh")
    lookup, morphology = speller._index.lookup, speller.morphology
    for t in typos:
        found["lookup"].append(_cpu_us(lookup, t))
        found["inflected offers"].append(_cpu_us(partial(morphology.inflected_offers, correct_head=lookup), t))
        found["lazy validation"].append(_cpu_us(LazyCandidates.weighed, LazyCandidates(speller, t)))
    speller = _fresh_speller(dictionary)
    speller.suggest("pemerintahh")
    found["suggest"] = [_cpu_us(speller.suggest, t) for t in typos]
    for stage, times in found.items():
        print(f"  {stage}, CPU: median {statistics.median(times):,.0f} us, p99 {_p99(times):,.0f} us")


def first_pass(texts: dict[str, str], runs: int) -> float:
    """Tokens per CPU second of a fresh `Speller`'s first check of each held-out file (median over `runs`)."""
    from speller import Speller, context

    tokens = sum(word_tokens(t) for t in texts.values())
    rates = []
    for _ in range(runs):
        context.error_cost.cache_clear()
        speller = Speller()
        cpu = 0.0
        for text in texts.values():
            c0 = time.process_time()
            speller.check(text)
            cpu += time.process_time() - c0
        rates.append(tokens / cpu)
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.cold_suggest", description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--words", type=int, default=1000, help="misspelled words (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measure (default 3)")
    ap.add_argument("--only", choices=("suggest", "pass"), help="one measure only")
    ap.add_argument("--slowest", type=int, default=0, help="list the N slowest cold suggests")
    ap.add_argument("--stages", action="store_true", help="also time the stages of a cold suggest's candidates")
    args = ap.parse_args(argv)
    texts = held_out_texts(shared_corpus())
    if args.only != "pass":
        median, p99 = cold_suggest(texts, args.words, args.runs, args.slowest)
        print(f"cold suggest, CPU: median {median:,.0f} us, p99 {p99:,.0f} us ({args.words} words, {args.runs} runs)")
        if args.stages:
            stages(texts, args.words)
    if args.only != "suggest":
        rate = first_pass(texts, args.runs)
        print(f"first pass, CPU: {rate:,.0f} tokens/s ({args.runs} runs)")


if __name__ == "__main__":
    main()
