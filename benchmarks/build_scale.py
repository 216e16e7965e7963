"""Build throughput and peak memory against corpus size: local engine and Dask (issue 12).

A synthetic corpus with Zipf word frequencies and a vocabulary that keeps growing (new words
keep appearing as it grows, as in real text; a fixed seed) is written at several multiples of
the shared corpus (6.6M tokens), then built with `speller build --memory 1G` by the local engine
and by `--engine dask` (a LocalCluster). For every build the benchmark records wall and CPU
seconds (user + system of the build and every process it waited for, from wait4), tokens per CPU
second, and the peak of the summed RSS of the process tree (sampled by psutil every 50 ms; shared
pages are counted once per process, so this overstates the true footprint). Results go to
BUILD_SCALE.md and build_scale.png.

    python benchmarks/build_scale.py --sizes 1 4 16 --engines local dask
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SHARED_TOKENS = 6_574_272  # tokens the shared corpus build counts (dictionaries/meta.json)
HERE = Path(__file__).resolve().parent
_CONSONANTS = "bcdfghjklmnprstwy"
_VOWELS = "aiueo"


def pseudo_word(rank: int) -> str:
    """A distinct Latin-letter word for each rank (consonant-vowel syllables, like Indonesian)."""
    syllables = []
    n = rank
    while True:
        n, i = divmod(n, len(_CONSONANTS) * len(_VOWELS))
        syllables.append(_CONSONANTS[i // len(_VOWELS)] + _VOWELS[i % len(_VOWELS)])
        if n == 0:
            break
    if len(syllables) == 1:
        syllables.append("n")
    return "".join(syllables)


def zipf_corpus(folder: Path, tokens: int, *, files: int = 8, seed: int = 12, exponent: float = 1.15) -> int:
    """Write `files` text files holding about `tokens` words drawn from an unbounded Zipf vocabulary.

    Lines hold 6-24 words with an occasional comma or full stop (bigrams break there). Returns
    the number of words written. The same arguments always give the same bytes.
    """
    import numpy as np  # noqa: PLC0415 - benchmark dependency

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    cache: dict[int, str] = {}
    written = 0
    per_file = tokens // files
    for f in range(files):
        with open(folder / f"zipf-{f:03d}.txt", "w", encoding="utf-8", newline="\n") as out:
            left = per_file
            while left > 0:
                n = min(left, 200_000)
                ranks = rng.zipf(exponent, n)
                lengths = rng.integers(6, 25, size=n // 6 + 2)
                punct = rng.random(n)
                words = []
                for r, p in zip(ranks.tolist(), punct.tolist()):
                    w = cache.get(r)
                    if w is None:
                        w = pseudo_word(r)
                        if r < 100_000:
                            cache[r] = w
                    words.append(w + ("," if p < 0.04 else "." if p < 0.07 else ""))
                lines, i, k = [], 0, 0
                while i < n:
                    step = int(lengths[k % len(lengths)])
                    line = words[i : i + step]
                    line[0] = line[0].capitalize()
                    lines.append(" ".join(line))
                    i, k = i + step, k + 1
                out.write("\n".join(lines) + "\n")
                left -= n
                written += n
    return written


class TreeSampler:
    """Peak summed RSS (bytes) of a process and its descendants, sampled by psutil."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import psutil  # noqa: PLC0415 - benchmark dependency

        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)
        self._thread.start()

    def _loop(self, interval: float) -> None:
        import psutil  # noqa: PLC0415

        while not self._stop.is_set():
            total = 0
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._stop.wait(interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(timeout=5)
        return self.peak


def run_build(corpus: Path, out: Path, engine: str, memory: str, jobs: int) -> dict:
    """Run `speller build` on `corpus`; wall, CPU and peak tree RSS, plus the meta written."""
    cmd = [
        sys.executable,
        "-m",
        "speller.cli",
        "build",
        str(corpus),
        "-o",
        str(out),
        "-q",
        "--jobs",
        str(jobs),
        "--memory",
        memory,
        "--engine",
        engine,
    ]
    t0 = time.perf_counter()
    with open(out.with_suffix(".err"), "w+b") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        sampler = TreeSampler(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)  # CPU of the build and every descendant it waited for
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        peak = sampler.stop()
        cpu = usage.ru_utime + usage.ru_stime
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed: {err.read().decode()[-500:]}")
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    return {
        "engine": engine,
        "jobs": jobs,
        "memory": memory,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "peak_rss_mb": round(peak / 2**20),
        "tokens": meta["tokens"],
        "words": meta["words"],
        "bigrams": meta["bigrams"],
        "distinct_words_seen": meta["distinct_words_seen"],
        "tokens_per_cpu_s": round(meta["tokens"] / cpu) if cpu else None,
        "cmd": " ".join(["speller", *cmd[3:]]).replace(str(corpus), "CORPUS").replace(str(out), "OUT"),
    }


def plot(results: list[dict], path: Path) -> None:
    import matplotlib  # noqa: PLC0415 - benchmark dependency

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for engine, marker in (("local", "o-"), ("dask", "s--")):
        rows = sorted((r for r in results if r["engine"] == engine), key=lambda r: r["tokens"])
        if not rows:
            continue
        x = [r["tokens"] / 1e6 for r in rows]
        ax1.plot(x, [r["tokens_per_cpu_s"] / 1e3 for r in rows], marker, label=f"{engine} engine")
        ax2.plot(x, [r["peak_rss_mb"] for r in rows], marker, label=f"{engine} engine")
    ax2.axhline(1024, color="red", lw=1, ls=":", label="--memory 1G cap")
    ax1.set(
        xscale="log",
        xlabel="corpus size (million tokens, synthetic Zipf)",
        ylabel="thousand tokens per CPU second",
        title="Build throughput per core",
    )
    ax2.set(
        xscale="log",
        xlabel="corpus size (million tokens, synthetic Zipf)",
        ylabel="peak RSS of process tree (MB)",
        title="Peak memory (sum of RSS, 50 ms samples)",
    )
    ax1.set_ylim(bottom=0)
    ax2.set_ylim(bottom=0)
    ax1.legend(loc="lower left")
    ax2.legend(loc="lower right")
    for ax in (ax1, ax2):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def write_markdown(results: list[dict], path: Path) -> None:
    """The results as a table, one row per build."""
    rows = sorted(results, key=lambda r: (r["engine"], r["tokens"]))
    lines = [
        "# Build scale (issue 12)",
        "",
        "Written by `benchmarks/build_scale.py`: synthetic Zipf corpora (fixed seed, vocabulary growing with size)",
        "built with `speller build --memory 1G --jobs 2`. CPU = user + system of the build and all its processes",
        "(wait4); peak RSS = highest sum of RSS over the process tree (psutil, 50 ms samples; shared pages counted",
        "once per process). The machine has 2 cores shared with other jobs, so wall time is not a measure here.",
        "",
        "| engine | size | tokens | distinct words | CPU s | wall s | tokens / CPU s | peak RSS MB | command |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['engine']} | {r['size_x']:g}x | {r['tokens']:,} | {r['distinct_words_seen']:,} | {r['cpu_s']} "
            f"| {r['wall_s']} | {r['tokens_per_cpu_s']:,} | {r['peak_rss_mb']} | `{r['cmd']}` |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="multiples of the shared corpus")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    ap.add_argument("--memory", default="1G")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tmp", type=Path, default=None, help="where to write the synthetic corpora (default: a temp dir)")
    ap.add_argument("--out", type=Path, default=HERE / "build_scale.json")
    ap.add_argument("--report-only", action="store_true", help="only redraw the plot and table from --out")
    args = ap.parse_args()
    results = json.loads(args.out.read_text()) if args.out.exists() else []
    if args.report_only:
        plot(results, HERE / "build_scale.png")
        write_markdown(results, HERE / "BUILD_SCALE.md")
        return
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"zipf-{size:g}x"
            words = zipf_corpus(corpus, int(SHARED_TOKENS * size))
            print(f"{size:g}x: {words} words written", file=sys.stderr)
            for engine in args.engines:
                r = run_build(corpus, Path(tmp) / f"out-{size:g}-{engine}", engine, args.memory, args.jobs)
                r["size_x"] = size
                print(json.dumps(r), file=sys.stderr)
                results = [x for x in results if (x["size_x"], x["engine"]) != (size, engine)] + [r]
                args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
            subprocess.run(["rm", "-rf", str(corpus)], check=False)
    plot(results, HERE / "build_scale.png")
    write_markdown(results, HERE / "BUILD_SCALE.md")


if __name__ == "__main__":
    main()
