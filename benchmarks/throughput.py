"""Throughput of `Speller.check` on the held-out news, in CPU time: the per-text loop's benchmark.

    python -m benchmarks.throughput [--runs N]

Prints `benchmarks.speed.bench_throughput` (the speed benchmark's own measure: wall-clock first and warm
pass, warm CPU), then, for a fresh checker (every cache empty), the CPU time (`time.process_time`) of a
first pass over the three held-out files and the median of N warm passes, with and without the window memo
(`Speller._windows`, emptied before each pass: a warm model on windows it has not seen). CPU time, not
wall-clock, because the machine is shared; still noisy under load.
"""

from __future__ import annotations

import argparse
import statistics
import time

from .environment import shared_corpus
from .speed import _fresh_speller, bench_throughput, held_out_texts, word_tokens


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm passes (median)")
    args = parser.parse_args(argv)
    from speller import Speller

    texts = held_out_texts(shared_corpus())
    thr = bench_throughput(texts)
    for name, row in [*thr["files"].items(), ("total", thr["total"])]:
        n = row["tokens"]
        print(
            f"{name:22} {n:7d} tokens  first {n / row['first']:9,.0f}/s  warm {n / row['warm']:9,.0f}/s"
            f"  warm CPU {n / row['warm_cpu']:9,.0f}/s  (wall-clock but the last)"
        )
    tokens = sum(word_tokens(t) for t in texts.values())
    speller = _fresh_speller(Speller().dictionary)

    def one_pass(forget_windows: bool = False) -> float:
        if forget_windows:
            speller._windows.clear()
        start = time.process_time()
        for text in texts.values():
            speller.check(text)
        return time.process_time() - start

    first = one_pass()
    warm = statistics.median(one_pass() for _ in range(args.runs))
    fresh_windows = statistics.median(one_pass(True) for _ in range(args.runs))
    print(
        f"CPU, {tokens} tokens: first pass {tokens / first:,.0f}/s, warm {tokens / warm:,.0f}/s, "
        f"warm without the window memo {tokens / fresh_windows:,.0f}/s (median of {args.runs})"
    )


if __name__ == "__main__":
    main()
