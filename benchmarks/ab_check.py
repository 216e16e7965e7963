"""First and warm pass of `Speller.check` in one checkout against another's, and whether both answer alike.

    git worktree add --detach ../speller-base main                     # the checkout to compare with
    ln -sfn "$PWD/dictionaries" ../speller-base/speller/dictionaries    # its dictionary (a worktree has none built)
    python -m benchmarks.ab_check --base ../speller-base                # 3 slices of 200,000 tokens, 5 rounds
    python -m benchmarks.ab_check --base ../speller-base --file clickid-fimela.txt --tokens 50000 --rounds 3

Each round runs each checkout in a fresh process (its code on `PYTHONPATH`, the same Python), which of them first
alternating (the machine's noise falls on both alike). A process loads the dictionary, then for each slice (the first
N word tokens of a build-corpus file, `benchmarks.first_pass.slices`, in the order given) checks it once (the first
pass) and WARM times more (the warm pass: their median), in CPU time, and digests every field of every issue of every
pass. Prints each side's median first and warm pass per slice, and whether the two checkouts' digests agree: a change
made for speed must leave them equal.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from .first_pass import ab_parser, slices

#: Warm passes per slice and process (their median is the warm figure).
WARM = 3

#: The worker: reads the slices (a JSON list of texts) from stdin, prints the JSON of the path of the `speller` it
#: runs, each slice's first and warm CPU seconds, and the digest of every issue of every pass.
WORKER = """
import hashlib, json, statistics, sys, time
import speller as package
from speller import Speller
texts = json.load(sys.stdin)
speller = Speller()
speller.dictionary.count("dan")  # loaded
digest = hashlib.sha256()
times = []
for text in texts:
    passes = []
    for _ in range(1 + WARM):
        start = time.process_time()
        issues = speller.check(text)
        passes.append(time.process_time() - start)
        digest.update(json.dumps([list(i) for i in issues], ensure_ascii=False).encode())
    times.append((passes[0], statistics.median(passes[1:])))
print(json.dumps([package.__file__, times, digest.hexdigest()]))
""".replace("WARM", str(WARM))


def run_worker(checkout: Path, worker: str, payload: object) -> list[Any]:
    """What the `worker` script prints last (a JSON list), run in a fresh process on `checkout`'s code with `payload`
    as JSON on stdin, less its first item: the path of the `speller` it ran, which must lie in `checkout`."""
    done = subprocess.run(  # noqa: S603 - this interpreter, the worker code of the caller
        [sys.executable, "-c", worker],
        cwd=checkout,
        env=dict(os.environ, PYTHONPATH=str(checkout)),
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        said = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"the worker for {checkout} exited {done.returncode}: {said}")
    code, *answer = json.loads(done.stdout.strip().splitlines()[-1])
    if not code.startswith(str(checkout)):
        raise SystemExit(f"the worker for {checkout} runs {code}, not its checkout's code")
    return answer


def _run(checkout: Path, texts: list[str]) -> tuple[list[tuple[float, float]], str]:
    """(first, warm) CPU seconds per text and the digest of the answers, from a fresh process running `checkout`."""
    times, digest = run_worker(checkout, WORKER, texts)
    return [tuple(t) for t in times], digest


def main(argv: list[str] | None = None) -> None:
    parser = ab_parser(__doc__, 200_000)
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes per checkout")
    args = parser.parse_args(argv)
    named = slices(args)
    texts = [text for _, text in named]
    checkouts = {"base": args.base.resolve(), "this": Path(__file__).resolve().parent.parent}
    figures: dict[str, list[list[tuple[float, float]]]] = {side: [] for side in checkouts}
    digests: dict[str, set[str]] = {side: set() for side in checkouts}
    for r in range(args.rounds):
        for side in list(checkouts)[:: 1 if r % 2 == 0 else -1]:
            times, digest = _run(checkouts[side], texts)
            figures[side].append(times)
            digests[side].add(digest)
    for k, (name, _) in enumerate(named):
        for side, rounds in figures.items():
            first = statistics.median(times[k][0] for times in rounds)
            warm = statistics.median(times[k][1] for times in rounds)
            print(
                f"{name:26} {side:4}  first {first:6.3f} s ({args.tokens / first:9,.0f} tokens/s)"
                f"  warm {warm:6.3f} s ({args.tokens / warm:9,.0f} tokens/s)  (CPU, median of {args.rounds})"
            )
    same = len(digests["base"]) == 1 and digests["base"] == digests["this"]
    shown = ", ".join(f"{side} {' '.join(sorted(found))}" for side, found in digests.items())
    print(f"answers: {'identical' if same else 'DIFFERENT'} ({shown})")


if __name__ == "__main__":
    main()
