"""Throughput of `Speller.check` on the held-out news, in CPU time: the per-text loop's benchmark.

    python -m benchmarks.throughput [--runs N] [--cli K]

Prints `benchmarks.speed.bench_throughput` (the speed benchmark's own measure: wall-clock first and warm
pass, warm CPU), then, for a fresh checker (every cache empty), the CPU time (`time.process_time`) of a
first pass over the three held-out files and the median of N warm passes, with and without the window memo
(`Speller._windows`, emptied before each pass: a warm model on windows it has not seen). CPU time, not
wall-clock, because the machine is shared; still noisy under load.

With `--stages`, also where the CPU time of a warm pass goes: the time spent in each stage of `Speller.check` (its
own time: a stage called inside another counts for itself only), per token, the median of N warm passes; `check`
is what is left (the word counts, the findings made issues). The wrappers that time the stages cost some time too.

With `--cli K`, also the median CPU time (user + system, the kernel's) of K runs of `speller check` on the
file of about 550k words `benchmarks.speed` times (the held-out files repeated), as the console script runs
it (`speller.shell.main`, imported from this checkout), output discarded.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .environment import shared_corpus
from .speed import REPO, _fresh_speller, bench_throughput, held_out_texts, run, text_of_words, word_tokens

#: The words of the file `speller check` is timed on (as `benchmarks.speed.bench_cli_big` makes it).
CLI_WORDS = 550_000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm passes (median)")
    parser.add_argument("--cli", type=int, default=0, metavar="K", help="also time K runs of `speller check`")
    parser.add_argument("--stages", action="store_true", help="also the CPU time of each stage of a warm pass")
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
    if args.stages:
        stages(speller, texts, tokens, args.runs)
    if args.cli:
        cli(texts, args.cli)


#: The stages of `Speller.check` timed by `--stages`: (module, owner in it or "", function), as `check` calls them.
STAGES = (
    ("speller.checker", "", "scan"),
    ("speller.checker", "Speller", "_name_pairs"),
    ("speller.checker", "Speller", "_suspect_forms"),
    ("speller.checker", "_Places", "of"),
    ("speller.checker", "Speller", "_pair_starts"),
    ("speller.checker", "Speller", "_check_window"),
    ("speller.checker", "Speller", "_check_suspects"),
    ("speller.checker", "", "_repeats_weighed"),
    ("speller.checker", "Speller", "_name_findings"),
    ("speller.checker", "", "_name_slips_everywhere"),
    ("speller.checker", "", "_numbers_with_suffix"),
    ("speller.checker", "Speller", "_missing_spaces"),
    ("speller.checker", "", "_merge"),
    ("speller.checker", "Speller", "_calibrated"),
    ("speller.checker", "_Lines", "position"),
)


@contextmanager
def _timed_stages(spent: dict[str, float], timed: tuple[tuple[str, str, str], ...] = STAGES) -> Iterator[None]:
    """Each of `timed` (as STAGES) wrapped while inside: its own CPU time (that of the stages it calls left out) added
    to `spent`."""
    import importlib

    clock = time.process_time
    inner = [0.0]  # the time of the stages called by the one running
    saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            outer, inner[0] = inner[0], 0.0
            start = clock()
            try:
                return function(*args, **kwargs)
            finally:
                took = clock() - start
                spent[name] = spent.get(name, 0.0) + took - inner[0]
                inner[0] = outer + took

        return timed

    for module_name, owner_name, name in timed:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        function = owner.__dict__[name]
        saved.append((owner, name, function))
        setattr(owner, name, wrap(f"{owner_name}.{name}" if owner_name else name, function))
    try:
        yield
    finally:
        for owner, name, function in saved:
            setattr(owner, name, function)


def stages(speller: Any, texts: dict[str, str], tokens: int, runs: int) -> None:
    """Print the CPU time of each stage of a warm pass of `speller` over `texts` (median of `runs`), per token."""
    passes: list[dict[str, float]] = []
    spent: dict[str, float] = {}
    with _timed_stages(spent):
        for _ in range(runs):
            spent.clear()
            start = time.process_time()
            for text in texts.values():
                speller.check(text)
            spent["check"] = time.process_time() - start - sum(spent.values())
            passes.append(dict(spent))
    median = {name: statistics.median(p.get(name, 0.0) for p in passes) for name in passes[0]}
    total = sum(median.values())
    print(
        f"warm pass by stage (CPU, median of {runs}, wrapped): {total * 1e3:.1f} ms, {total / tokens * 1e6:.3f} us/tok"
    )
    for name, took in sorted(median.items(), key=lambda item: -item[1]):
        print(f"  {name:28} {took * 1e3:7.1f} ms  {took / tokens * 1e6:6.3f} us/token  {took / total:6.1%}")


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
