"""Throughput of `Speller.check` on the held-out news, in CPU time: the per-text loop's benchmark.

    python -m benchmarks.throughput [--runs N] [--cli K]

Prints `benchmarks.speed.bench_throughput` (the speed benchmark's own measure: wall-clock first and warm
pass, warm CPU), then, for a fresh checker (every cache empty), the CPU time (`time.process_time`) of a
first pass over the three held-out files and the median of N warm passes, with and without the window memo
(`Speller._windows`, emptied before each pass: a warm model on windows it has not seen). CPU time, not
wall-clock, because the machine is shared; still noisy under load.

With `--cli K`, also the median CPU time (user + system, the kernel's) of K runs of `speller check` on the
file of about 550k words `benchmarks.speed` times (the held-out files repeated), as the console script runs
it (`speller.shell.main`, imported from this checkout), output discarded.
"""

from __future__ import annotations

import argparse
import statistics
import time

from .environment import shared_corpus
from .speed import REPO, _fresh_speller, bench_throughput, held_out_texts, run, text_of_words, word_tokens

#: The words of the file `speller check` is timed on (as `benchmarks.speed.bench_cli_big` makes it).
CLI_WORDS = 550_000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm passes (median)")
    parser.add_argument("--cli", type=int, default=0, metavar="K", help="also time K runs of `speller check`")
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
    if args.cli:
        cli(texts, args.cli)


def cli(texts: dict[str, str], runs: int) -> None:
    """Print the median CPU time of `runs` runs of `speller check` on a file of about CLI_WORDS words."""
    import sys
    import tempfile
    from pathlib import Path

    base = "".join(t if t.endswith("\n") else t + "\n" for t in texts.values())
    text = text_of_words(base, CLI_WORDS)
    tokens = word_tokens(text)
    with tempfile.TemporaryDirectory(prefix="speller-throughput-") as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-c", "from speller.shell import main; main()", "check", str(path)]
        cpu = statistics.median(run(cmd, cwd=REPO, rss=False)[3] for _ in range(runs))
    words = len(text.split())
    print(f"CLI, {words} words, {tokens} tokens: {cpu:.2f} s CPU, {tokens / cpu:,.0f} tokens/s (median of {runs})")


if __name__ == "__main__":
    main()
