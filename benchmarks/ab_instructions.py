"""Instructions a first and a warm pass of `Speller.check` cost in one checkout against another's (needs valgrind).

    git worktree add --detach ../speller-base 591ec12                          # the checkout to compare with
    ln -sfn "$PWD/../speller-base/dictionaries" ../speller-base/speller/dictionaries   # its own dictionary
    python -m benchmarks.ab_instructions --base ../speller-base                # 3 slices of 30,000 tokens

CPU time on a shared machine moves by 10-30% between runs of the same code (`benchmarks.ab_check`), more than the
change a release makes. The instructions a process executes barely move, so they tell a small change apart: each
checkout runs under `valgrind --tool=callgrind` three times, each a fresh process that for each slice (the first N word
tokens of a build-corpus file, `benchmarks.first_pass.slices`) loads a fresh `Speller` and checks the slice REPEATS
times: with no text (the load), once (first pass: load + first), and 1 + WARM times (WARM warm passes more). Prints
per checkout the instructions of the load, of the three first passes and of one warm pass over the three slices, and
the ratio of this checkout's to the base's. Instructions are no time: cache misses and the collector's memory traffic
are not in them (callgrind counts the collector's instructions, though).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .first_pass import ab_parser, slices

#: Warm passes in the run that measures them.
WARM = 3
#: The worker: checks each text of the JSON list on stdin `REPEATS` times (argv[1]) with a fresh `Speller`.
WORKER = """
import json, sys
from speller import Speller
texts, repeats = json.load(sys.stdin), int(sys.argv[1])
for text in texts:
    speller = Speller()
    speller.dictionary.count("dan")  # loaded
    for _ in range(repeats):
        speller.check(text)
"""
COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(checkout: Path, texts: list[str], repeats: int) -> int:
    """Instructions callgrind counts for a fresh process on `checkout`'s code checking each of `texts` `repeats`
    times."""
    import json  # noqa: PLC0415

    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", WORKER]
    done = subprocess.run(  # noqa: S603 - valgrind on this interpreter and the worker above
        [*command, str(repeats)],
        cwd=checkout,
        env=_environment(checkout),
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=False,
    )
    found = COLLECTED.search(done.stderr)
    if done.returncode or found is None:
        said = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"callgrind on {checkout} exited {done.returncode}: {said}")
    return int(found.group(1))


def _environment(checkout: Path) -> dict[str, str]:
    """This process's environment with `checkout`'s code first on the path and compiled bytecode read and written
    (compiling is no part of a check)."""
    import os  # noqa: PLC0415

    kept = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return dict(kept, PYTHONPATH=str(checkout))


def measure(checkout: Path, texts: list[str]) -> tuple[int, int, int]:
    """(load, first passes, one warm pass) instructions of `checkout` over `texts`."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "speller")], check=True)  # noqa: S603
    load = instructions(checkout, ["" for _ in texts], 1)
    once = instructions(checkout, texts, 1)
    warm = instructions(checkout, texts, 1 + WARM)
    return load, once - load, (warm - once) // WARM


def main(argv: list[str] | None = None) -> None:
    parser = ab_parser(__doc__, 30_000)
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    texts = [text for _, text in slices(args)]
    checkouts = {"base": args.base.resolve(), "this": Path(__file__).resolve().parent.parent}
    figures = {side: measure(path, texts) for side, path in checkouts.items()}
    names = ("load", "first passes", "warm pass")
    for k, name in enumerate(names):
        base, this = figures["base"][k], figures["this"][k]
        print(f"{name:12}  base {base:15,}  this {this:15,}  ratio {this / base:.3f}")


if __name__ == "__main__":
    main()
