"""Where a first pass spends its CPU time: the stages of `Speller.check` and the model's parts inside them, on slices
of build-corpus files (nothing held out is read).

    python -m benchmarks.first_pass [--file NAME ...] [--tokens N] [--runs N]

For each file (default clickid-fimela.txt, clickid-kompas.txt, clickid-okezone.txt) the first N word tokens (default
200,000) are checked by a fresh `Speller` over a loaded dictionary (`benchmarks.speed._fresh_speller`: every cache
empty), once per run, each part timed by its own CPU time (that of the parts it calls left out, as
`benchmarks.throughput --stages` times a warm pass); the median of the runs per part. The wrappers cost time too
(about a fifth more here), so read the shares, not the sum, as the pass's. Then the plain first and warm pass of the
same slice (no wrappers, CPU time, median of the runs).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from .decide_bound import _slice
from .environment import shared_corpus
from .speed import _fresh_speller
from .throughput import STAGES, _timed_stages

#: The model's parts timed beside `benchmarks.throughput.STAGES`: (module, owner in it or "", function), each where
#: its callers look it up.
PARTS = (
    ("speller.checker", "Speller", "_verdict"),
    ("speller.checker", "Speller", "_rivals"),
    ("speller.checker", "Speller", "_prior"),
    ("speller.checker", "", "decide"),
    ("speller.model", "", "error_cost"),
    ("speller.candidates", "LazyCandidates", "__init__"),
    ("speller.candidates", "LazyCandidates", "weighed"),
    ("speller.morphology", "Morphology", "inflected_offers"),
    ("speller.morphology", "Morphology", "is_valid"),
    ("speller.symspell", "DeleteIndex", "lookup"),
)


#: The build-corpus files whose slices are timed when none is named.
SLICED = ("clickid-fimela.txt", "clickid-kompas.txt", "clickid-okezone.txt")


def slice_arguments(doc: str, runs: str, argv: list[str] | None) -> argparse.Namespace:
    """The command line of a benchmark over slices of build-corpus files: --file (repeatable), --tokens, --runs."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--file", action="append", help="a build-corpus file of the shared corpus (repeatable)")
    parser.add_argument("--tokens", type=int, default=200_000, help="word tokens checked from each file's start")
    parser.add_argument("--runs", type=int, default=3, help=runs)
    return parser.parse_args(argv)


def ab_parser(doc: str, tokens: int) -> argparse.ArgumentParser:
    """The command line of a benchmark of this checkout against another over slices of build-corpus files: --base,
    --file (repeatable), --tokens (`tokens` by default)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of main)")
    default = ", ".join(SLICED)
    parser.add_argument("--file", action="append", help=f"a build-corpus file (repeatable; default {default})")
    parser.add_argument("--tokens", type=int, default=tokens, help="word tokens checked from each file's start")
    return parser


def slices(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(file name, its first `args.tokens` word tokens) of each file `args` names, else of SLICED."""
    return [(name, _slice(shared_corpus() / name, args.tokens)) for name in args.file or SLICED]


def main(argv: list[str] | None = None) -> None:
    args = slice_arguments(__doc__, "fresh checkers per file (median)", argv)
    from speller import Speller

    dictionary = Speller().dictionary
    for name, text in slices(args):
        passes: list[dict[str, float]] = []
        for _ in range(args.runs):
            speller = _fresh_speller(dictionary)
            spent: dict[str, float] = {}
            with _timed_stages(spent, STAGES + PARTS):
                start = time.process_time()
                speller.check(text)
                spent["check"] = time.process_time() - start - sum(spent.values())
            passes.append(spent)
        parts = {part: statistics.median(p.get(part, 0.0) for p in passes) for part in passes[0]}
        total = sum(parts.values())
        plain: list[tuple[float, float]] = []
        for _ in range(args.runs):
            speller = _fresh_speller(dictionary)
            start = time.process_time()
            speller.check(text)
            first = time.process_time() - start
            start = time.process_time()
            speller.check(text)
            plain.append((first, time.process_time() - start))
        first, warm = (statistics.median(p[i] for p in plain) for i in (0, 1))
        print(
            f"{name}, {args.tokens:,} tokens: first pass {first:.2f} s CPU ({args.tokens / first:,.0f} tokens/s), warm "
            f"{warm:.2f} s ({args.tokens / warm:,.0f}/s); by part, wrapped ({total:.2f} s), median of {args.runs}:"
        )
        for part, took in sorted(parts.items(), key=lambda item: -item[1]):
            print(f"  {part:34} {took:7.3f} s  {took / total:6.1%}")


if __name__ == "__main__":
    main()
