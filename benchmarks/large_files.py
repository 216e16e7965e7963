"""Time and peak memory of `speller check` on large files: 1, 10, 100 MB and a 50 MB single line.

The files are generated from the seed articles with a fixed random seed (paragraphs shuffled,
one word in two hundred given a typo), written to a temporary folder and deleted afterwards; nothing
is committed. Each file is checked by `speller check --format json` in its own process; the
process's CPU time and peak RSS come from `os.wait4`, wall time from a monotonic clock.

    nice python -m benchmarks.large_files                 # writes benchmarks/LARGE_FILES.md
    python -m benchmarks.large_files --sizes 1 10 --line 0 --out -
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
MB = 1_000_000
#: Share of words given a typo (news copy before editing has well under one in a hundred).
TYPO_RATE = 0.005


def _paragraphs() -> list[str]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        sys.exit(f"no seed articles under {SEEDS}")
    return [p.strip() for f in files for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swap two letters


def generate(path: Path, size: int, rng: random.Random, one_line: bool = False) -> None:
    """Write about `size` bytes of seed paragraphs (typos added) to `path`; one line when `one_line`."""
    paragraphs = _paragraphs()
    written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        while written < size:
            words = [(_typo(w, rng) if rng.random() < TYPO_RATE else w) for w in rng.choice(paragraphs).split(" ")]
            chunk = " ".join(words) + (" " if one_line else "\n\n")
            f.write(chunk)
            written += len(chunk.encode("utf-8"))


def measure(path: Path) -> dict:
    """Run `speller check --format json` on `path`: wall seconds, CPU seconds, peak RSS (MB), issues, exit code."""
    start = time.monotonic()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "speller.cli", "check", "--format", "json", str(path)],
            stdout=subprocess.PIPE,
            stderr=sink,
        )
        issues = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            issues += line.startswith(b'    "path"')
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": usage.ru_maxrss / 1024,
        "issues": issues,
        "exit": proc.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100], help="File sizes in MB (multi-line).")
    parser.add_argument("--line", type=int, default=50, help="Size in MB of the single-line file (0: none).")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "LARGE_FILES.md"), help="Markdown file, or -.")
    args = parser.parse_args()
    cases = [(f"{n} MB, paragraphs", n, False) for n in args.sizes]
    if args.line:
        cases.append((f"{args.line} MB, one line", args.line, True))
    rows = []
    with tempfile.TemporaryDirectory(prefix="speller-large-") as tmp:
        for label, size, one_line in cases:
            path = Path(tmp) / f"{size}mb{'-line' if one_line else ''}.txt"
            generate(path, size * MB, random.Random(args.seed), one_line)
            result = measure(path)
            path.unlink()
            rows.append((label, size, result))
            print(
                f"{label}: {result['cpu']:.1f} s CPU, {result['wall']:.1f} s wall, {result['rss']:.0f} MB peak RSS, "
                f"{result['issues']} issues, exit {result['exit']}",
                file=sys.stderr,
                flush=True,
            )
    lines = [
        "# Large files",
        "",
        "`speller check --format json` on generated news text (seed articles, shuffled paragraphs, two",
        f"letters swapped in one word of {round(1 / TYPO_RATE)}, random seed {args.seed}). CPU time and peak RSS",
        "of the checking process from `os.wait4`; wall time is noisy on a shared machine (2 cores, about six",
        "users). Made by `nice python -m benchmarks.large_files`.",
        "",
        "| file | CPU s | wall s | CPU s per MB | peak RSS MB | issues | exit |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, size, r in rows:
        lines.append(
            f"| {label} | {r['cpu']:.1f} | {r['wall']:.1f} | {r['cpu'] / size:.2f} | {r['rss']:.0f} "
            f"| {r['issues']} | {r['exit']} |"
        )
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
