"""Cold `suggest` of misspelled words and the first pass over held-out news, in CPU time, without the whole speed run.

    python -m benchmarks.cold_suggest                 # 1,000 words, 3 runs each; medians of the runs
    python -m benchmarks.cold_suggest --only suggest  # or: --only pass

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

from .environment import shared_corpus
from .speed import _fresh_speller, held_out_texts, misspellings, word_tokens


def _cpu_us(fn, arg) -> float:  # noqa: ANN001
    t0 = time.thread_time_ns()
    fn(arg)
    return (time.thread_time_ns() - t0) / 1000


def cold_suggest(texts: dict[str, str], words: int, runs: int) -> tuple[float, float]:
    """(median, p99) in microseconds of a cold `suggest`, each the median over `runs` fresh spellers."""
    from speller import Dictionary, Speller

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    medians, p99s = [], []
    for _ in range(runs):
        speller = _fresh_speller(dictionary)
        speller.suggest("pemerintahh")  # maps the delete index and builds the morphology, as bench_words does
        gc.collect()
        times = sorted(_cpu_us(speller.suggest, t) for t in typos)
        medians.append(statistics.median(times))
        p99s.append(times[min(len(times) - 1, int(0.99 * len(times)))])
    return statistics.median(medians), statistics.median(p99s)


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
    args = ap.parse_args(argv)
    texts = held_out_texts(shared_corpus())
    if args.only != "pass":
        median, p99 = cold_suggest(texts, args.words, args.runs)
        print(f"cold suggest, CPU: median {median:,.0f} us, p99 {p99:,.0f} us ({args.words} words, {args.runs} runs)")
    if args.only != "suggest":
        rate = first_pass(texts, args.runs)
        print(f"first pass, CPU: {rate:,.0f} tokens/s ({args.runs} runs)")


if __name__ == "__main__":
    main()
