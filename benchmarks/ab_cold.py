"""Cold start of one checkout against another's, in fresh processes alternating: the CLI's check of a seed article and
a cold `suggest`, in CPU time.

    git worktree add --detach ../speller-base main                     # the checkout to compare with
    ln -sfn "$PWD/dictionaries" ../speller-base/speller/dictionaries    # its dictionary (a worktree has none built)
    python -m compileall -q speller ../speller-base/speller            # as an install does
    env -u PYTHONDONTWRITEBYTECODE python -m benchmarks.ab_cold --base ../speller-base --rounds 20

Each round runs, for each checkout (which first alternating), `python -m speller.cli check SEED` (its code on
`PYTHONPATH`; CPU time of the whole process, user + system, from the kernel) and a worker that times a cold `suggest`
of each of `--words` seeded held-out typos (`benchmarks.cold_suggest`'s words and its meaning of cold: a fresh
`Speller` over a loaded dictionary), giving that process's median and p99. Prints each side's median over the rounds
of the check's CPU time and of the suggest median and p99.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from .ab_check import run_worker
from .cold_suggest import _p99
from .environment import shared_corpus
from .speed import held_out_texts, misspellings

#: The suggest worker: reads the words (a JSON list) from stdin, prints the JSON of the path of the `speller` it runs
#: and the CPU microseconds of each word's cold suggest.
WORKER = """
import json, sys, time
import speller as package
from speller import Dictionary
from benchmarks.speed import _fresh_speller
words = json.load(sys.stdin)
speller = _fresh_speller(Dictionary())
speller.suggest("pemerintahh")
times = []
for word in words:
    t0 = time.thread_time_ns()
    speller.suggest(word)
    times.append((time.thread_time_ns() - t0) / 1000)
print(json.dumps([package.__file__, times]))
"""


def _check_cpu(checkout: Path, seed: Path) -> float:
    """CPU milliseconds (user + system) of `python -m speller.cli check seed` running `checkout`'s code."""
    proc = subprocess.Popen(  # noqa: S603 - this interpreter
        [sys.executable, "-m", "speller.cli", "check", str(seed)],
        cwd=checkout,
        env=dict(os.environ, PYTHONPATH=str(checkout)),
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{checkout}: speller check exited {proc.returncode}")
    return 1000 * (usage.ru_utime + usage.ru_stime)


def _suggest_times(checkout: Path, words: list[str]) -> list[float]:
    """CPU microseconds of each word's cold suggest in a fresh process running `checkout`'s code."""
    (times,) = run_worker(checkout, WORKER, words)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of main)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--words", type=int, default=200, help="seeded held-out typos per suggest process")
    parser.add_argument("--seed-file", type=Path, default=None, help="the article checked (default: the first seed)")
    args = parser.parse_args()
    from speller import Dictionary, Speller

    here = Path(__file__).resolve().parent.parent
    seed = (args.seed_file or sorted((here / "corpus" / "seeds").glob("*.txt"))[0]).resolve()
    words = [c[0] for c in misspellings(Speller(Dictionary()), held_out_texts(shared_corpus()), args.words)]
    checkouts = {"base": args.base.resolve(), "this": here}
    found: dict[str, dict[str, list[float]]] = {side: {"check": [], "median": [], "p99": []} for side in checkouts}
    for r in range(args.rounds):
        for side in ("base", "this") if r % 2 == 0 else ("this", "base"):
            found[side]["check"].append(_check_cpu(checkouts[side], seed))
            times = _suggest_times(checkouts[side], words)
            found[side]["median"].append(statistics.median(times))
            found[side]["p99"].append(_p99(times))
    print(f"seed {seed.name}; {len(words)} words; {args.rounds} rounds (medians over the rounds, CPU)")
    for side, figures in found.items():
        check, median, p99 = (statistics.median(figures[k]) for k in ("check", "median", "p99"))
        print(f"{side}: cold check {check:.1f} ms, cold suggest median {median:,.0f} us, p99 {p99:,.0f} us")


if __name__ == "__main__":
    main()
