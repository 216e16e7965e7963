"""Cold `suggest` of one checkout against another's, word by word: the machine's noise falls on both alike.

    git worktree add --detach ../speller-base main                     # the checkout to compare with
    python -m benchmarks.ab_suggest --base ../speller-base              # 1,000 words, 3 runs
    python -m benchmarks.ab_suggest --base ../speller-base --words 300 --runs 5

Each checkout runs in its own worker process (its code on `PYTHONPATH`, the same Python); the words are
`benchmarks.cold_suggest`'s (seeded typos of held-out words) and *cold* means the same: a fresh `Speller` per run
over a loaded dictionary. Each word goes to both workers, in turn first and second, and each worker times only its
own `suggest` in CPU time. Prints each side's median, p99 and mean over the runs (median of the runs' figures) and the
median and p99 of the per-word ratio of this checkout's time to the base's. A worker runs the base's own code: only
`benchmarks.speed`'s `_fresh_speller` is asked of it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from .cold_suggest import _p99
from .environment import shared_corpus
from .speed import held_out_texts, misspellings

#: The worker: a line "reset" makes a fresh speller (and warms what bench_words warms), answering with the path of
#: the `speller` it runs; any other line is a word whose cold suggest it times, answering with the CPU microseconds.
WORKER = """
import sys, time
import speller as package
from speller import Dictionary
from benchmarks.speed import _fresh_speller
dictionary = Dictionary()
speller = None
for line in sys.stdin:
    word = line.rstrip("\\n")
    if word == "reset":
        speller = _fresh_speller(dictionary)
        speller.suggest("pemerintahh")
        print(package.__file__, flush=True)
        continue
    t0 = time.thread_time_ns()
    speller.suggest(word)
    print((time.thread_time_ns() - t0) / 1000, flush=True)
"""


class _Worker:
    def __init__(self, checkout: Path, code: str = WORKER) -> None:
        """A worker running `code` (a script that answers each line with one) on `checkout`'s code."""
        env = dict(os.environ, PYTHONPATH=str(checkout))
        self.proc = subprocess.Popen(  # noqa: S603 - this interpreter, the worker code given
            [sys.executable, "-c", code],
            cwd=checkout,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of main)")
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from speller import Dictionary, Speller

    typos = [c[0] for c in misspellings(Speller(Dictionary()), held_out_texts(shared_corpus()), args.words)]
    here = Path(__file__).resolve().parent.parent
    checkouts = {"base": args.base.resolve(), "this": here}
    workers = {side: _Worker(path) for side, path in checkouts.items()}
    figures: dict[str, list[tuple[float, float, float]]] = {"base": [], "this": []}
    ratios: list[float] = []
    try:
        for _ in range(args.runs):
            times: dict[str, list[float]] = {"base": [], "this": []}
            for side, w in workers.items():
                code = w.ask("reset")
                if not code.startswith(str(checkouts[side])):
                    raise SystemExit(f"the {side} worker runs {code}, not its checkout's code")
            for i, typo in enumerate(typos):
                order = ("base", "this") if i % 2 == 0 else ("this", "base")
                for side in order:
                    times[side].append(float(workers[side].ask(typo)))
            for side, found in times.items():
                figures[side].append((statistics.median(found), _p99(found), statistics.fmean(found)))
            ratios.extend(t / b for t, b in zip(times["this"], times["base"]) if b > 0)
    finally:
        for w in workers.values():
            w.close()
    for side, runs in figures.items():
        median = statistics.median(m for m, _, _ in runs)
        p99 = statistics.median(p for _, p, _ in runs)
        mean = statistics.median(a for _, _, a in runs)
        print(f"{side}: cold suggest CPU median {median:,.0f} us, p99 {p99:,.0f} us, mean {mean:,.0f} us", end=" ")
        print(f"({len(typos)} words, {args.runs} runs)")
    print(f"this / base per word: median {statistics.median(ratios):.3f}, p99 {_p99(ratios):.3f}")


if __name__ == "__main__":
    main()
