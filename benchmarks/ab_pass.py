"""First pass of one checkout against another's, chunk by chunk: the machine's noise falls on both alike.

    git worktree add --detach ../speller-base main                     # the checkout to compare with
    ln -sfn "$PWD/dictionaries" ../speller-base/speller/dictionaries    # its dictionary (a worktree has none built)
    python -m benchmarks.ab_pass --base ../speller-base                 # benchmarks.speed's held-out texts
    python -m benchmarks.ab_pass --base ../speller-base --slices        # benchmarks.first_pass's build-corpus slices

Each checkout runs in its own worker process (its code on `PYTHONPATH`, the same Python) holding one fresh `Speller`
over a loaded dictionary (`benchmarks.speed._fresh_speller`) for the whole run, so every form is met first where the
texts first write it, as in one first pass. The texts are cut into chunks of about `--words` words at line breaks;
each chunk goes to both workers, in turn first and second, and each worker times only its own `check` of it in CPU
time. Prints each side's total and the median of the per-chunk ratio of this checkout's time to the base's: on a
shared machine separate runs of a whole pass swing by a fifth, the paired chunks' median by a few percent
(`benchmarks/COLD.md`).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from .ab_suggest import _Worker
from .environment import shared_corpus
from .speed import held_out_texts

#: The worker: the first line is "reset", answered with the path of the `speller` it runs once it has made its
#: speller (and warmed what bench_words warms); every later line is the JSON of a text whose check it times,
#: answered with the CPU seconds.
WORKER = """
import json, sys, time
import speller as package
from speller import Dictionary
from benchmarks.speed import _fresh_speller
dictionary = Dictionary()
speller = None
for line in sys.stdin:
    if line.strip() == "reset":
        speller = _fresh_speller(dictionary)
        speller.suggest("pemerintahh")
        print(package.__file__, flush=True)
        continue
    text = json.loads(line)
    t0 = time.thread_time()
    speller.check(text)
    print(time.thread_time() - t0, flush=True)
"""


def chunks(texts: list[str], words: int) -> list[str]:
    """`texts` cut at line breaks into pieces of at least `words` whitespace-separated words (a text's last piece may
    hold fewer)."""
    out: list[str] = []
    for text in texts:
        piece: list[str] = []
        count = 0
        for line in text.splitlines(keepends=True):
            piece.append(line)
            count += len(line.split())
            if count >= words:
                out.append("".join(piece))
                piece, count = [], 0
        if piece:
            out.append("".join(piece))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of main)")
    parser.add_argument("--words", type=int, default=5000, help="words a chunk holds at least")
    parser.add_argument("--slices", action="store_true", help="benchmarks.first_pass's slices, not the held-out texts")
    args = parser.parse_args()
    if args.slices:
        from .first_pass import slice_arguments, slices

        texts = [text for _, text in slices(slice_arguments(__doc__, "", []))]
    else:
        texts = list(held_out_texts(shared_corpus()).values())
    pieces = chunks(texts, args.words)
    here = Path(__file__).resolve().parent.parent
    checkouts = {"base": args.base.resolve(), "this": here}
    workers = {side: _Worker(path, WORKER) for side, path in checkouts.items()}
    times: dict[str, list[float]] = {"base": [], "this": []}
    try:
        for side, w in workers.items():
            code = w.ask("reset")
            if not code.startswith(str(checkouts[side])):
                raise SystemExit(f"the {side} worker runs {code}, not its checkout's code")
        for i, piece in enumerate(pieces):
            for side in ("base", "this") if i % 2 == 0 else ("this", "base"):
                times[side].append(float(workers[side].ask(json.dumps(piece))))
    finally:
        for w in workers.values():
            w.close()
    ratios = [t / b for t, b in zip(times["this"], times["base"]) if b > 0]
    print(
        f"{len(pieces)} chunks of {args.words:,}+ words; first pass, CPU: base {sum(times['base']):.2f} s, this",
        end=" ",
    )
    print(f"{sum(times['this']):.2f} s; this / base per chunk: median {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
