"""What the garbage collector costs a `speller` run, at CPython's thresholds and at the console script's.

    python -m benchmarks.collector [--big]

Times every collection by `gc.callbacks` (CPU time, per generation) in fresh interpreters: a cold `speller check`
of each seed article (the console script's `check_paths`, imports included, output discarded), at CPython's
default thresholds and as `speller.shell.tune_collector` sets them; then the library's first and warm in-process
pass over the held-out files (timed, findings never read) at the default, frozen after the load (`gc.freeze`), at
the console script's setting, and both. `--big` also checks the file of about 550k words `benchmarks.throughput
--cli` times, at both settings. One run each: CPU times on a shared machine are noisy, the collection counts are not.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from .environment import shared_corpus
from .speed import REPO, held_out_texts, text_of_words

#: Installs the timing callback; `STATS` is {generation: [collections, CPU seconds]}.
_TIMER = """
import gc, time
STATS = {0: [0, 0.0], 1: [0, 0.0], 2: [0, 0.0]}
_t = [0.0]
def _timed(phase, info):
    if phase == "start":
        _t[0] = time.process_time()
    else:
        STATS[info["generation"]][0] += 1
        STATS[info["generation"]][1] += time.process_time() - _t[0]
gc.callbacks.append(_timed)
def gc_line(cpu):
    spent = sum(s[1] for s in STATS.values())
    gens = "  ".join(f"gen{g} {n:4d}x {ms * 1000:6.1f} ms" for g, (n, ms) in STATS.items())
    return f"CPU {cpu * 1000:8.1f} ms  collector {spent * 1000:6.1f} ms ({spent / cpu:5.1%})  {gens}"
"""

#: A cold `speller check PATH` by the console script's `check_paths`, tuned (argv[1] == "tuned") or not.
_COLD = (
    _TIMER
    + """
import os, sys
start = time.process_time()
import speller.shell
if sys.argv[1] == "tuned":
    speller.shell.tune_collector()
import speller.checker
with open(os.devnull, "w") as sink:
    real, sys.stdout = sys.stdout, sink
    speller.shell.check_paths((sys.argv[2],))
    sys.stdout = real
print(gc_line(time.process_time() - start))
"""
)

#: The first and the warm in-process pass of a fresh Speller over the held-out files, in a collector mode (argv[1]).
_PASSES = (
    _TIMER
    + """
import sys
from benchmarks.environment import shared_corpus
from benchmarks.speed import _fresh_speller, held_out_texts
from speller import Speller
import speller.shell
texts = held_out_texts(shared_corpus())
checker = _fresh_speller(Speller().dictionary)
mode = sys.argv[1]
if mode in ("frozen", "both"):
    gc.freeze()
if mode in ("tuned", "both"):
    speller.shell.tune_collector()
for name in ("first", "warm"):
    for s in STATS.values():
        s[0], s[1] = 0, 0.0
    start = time.process_time()
    for text in texts.values():
        checker.check(text)
    print(f"{name:5} " + gc_line(time.process_time() - start))
"""
)


def _run(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="also check the file of about 550k words")
    args = parser.parse_args(argv)
    seeds = sorted((shared_corpus().parent / "seeds").glob("*.txt"))
    print("cold `speller check` of one seed (check_paths, imports included):")
    for seed in seeds:
        for mode in ("default", "tuned"):
            print(f"  {seed.name[:3]} {mode:8} {_run(_COLD, mode, str(seed))}")
    print("in-process passes over the held-out files (library):")
    for mode in ("default", "frozen", "tuned", "both"):
        for line in _run(_PASSES, mode).splitlines():
            print(f"  {mode:8} {line}")
    if args.big:
        texts = held_out_texts(shared_corpus())
        base = "".join(t if t.endswith("\n") else t + "\n" for t in texts.values())
        with tempfile.TemporaryDirectory(prefix="speller-collector-") as tmp:
            path = Path(tmp) / "big.txt"
            path.write_text(text_of_words(base, 550_000), encoding="utf-8")
            print("cold `speller check` of about 550k words:")
            for mode in ("default", "tuned"):
                print(f"  {mode:8} {_run(_COLD, mode, str(path))}")


if __name__ == "__main__":
    main()
