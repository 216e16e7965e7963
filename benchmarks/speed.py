"""Speed and memory benchmark of speller, side by side with Hunspell id_ID: the measuring step.

    python -m benchmarks.speed [--quick] [--json PATH] [--no-render]

Measures and writes every figure to benchmarks/speed.json (raw numbers, paths made portable) and
the cProfile output to benchmarks/profile.txt; then renders benchmarks/SPEED.md and
benchmarks/growth.png from that JSON with `benchmarks.speed_report` (run that module alone to
render again without measuring). Every figure comes from this one run on this machine. Held-out
text: antara-2025.txt, detik-sentimen.txt, scrapy-news-2020.txt from the shared corpus (not in the
dictionary build). The shared corpus is `<repo>/../shared/corpus`, or $SPELLER_SHARED (a folder
holding `corpus/`, or the corpus folder itself).

--quick skips the -j 1 build (so no -j 1 / -j 2 identity check) and stops growth at 10 MB.
Growth points whose projected time (last time x size ratio) exceeds --point-budget seconds are
skipped and marked as such, so a full run stays under 15 minutes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import filecmp
import gc
import io
import json
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .environment import HELD_OUT, REPO, machine_facts, portable, shared_corpus, speller_bin

OUT = Path(__file__).resolve().parent
JSON = OUT / "speed.json"
SEED_REL = "corpus/seeds/000_67e3d4a227abfabd.txt"
SEED = REPO / SEED_REL
RNG_SEED = 20251122
GROWTH_SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000)
BUILD_SUBSETS = (1, 2, 4, 8)  # plus every non-held-out file (the main -j 2 build)
ALPHABET = "abcdefghijklmnopqrstuvwxyz"
#: The cold-start rows logged as they are measured.
COLD_SUMMARY = ("speller", "speller, wheel install", "hunspell", "codespell")
#: Functions listed from each profile, by cumulative and by own time.
TOP_CUMULATIVE = 15
TOP_OWN = 10


# -- measuring -----------------------------------------------------------------------------


TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None
# ru_maxrss survives execve, so a child forked from this (large) process would report this process's
# RSS; the peak is read from a small launcher instead: GNU time, else a bare Python interpreter.
_LAUNCH = (
    "import resource,subprocess,sys;r=subprocess.run(sys.argv[2:]).returncode;"
    "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
    "open(sys.argv[1],'w').write(f'{u.ru_maxrss} {u.ru_utime} {u.ru_stime}');sys.exit(r)"
)


def _measured(cmd: list[str], rss_file: str) -> list[str]:
    if TIME:
        return [TIME, "-f", "%M %U %S", "-o", rss_file, *cmd]
    return [sys.executable, "-S", "-c", _LAUNCH, rss_file, *cmd]


def _rss_cpu(rss_file: str) -> tuple[float, float]:
    """(peak RSS MiB, user + system CPU seconds) written by the launcher."""
    try:
        rss, user, system = Path(rss_file).read_text().split()[-3:]
        return int(rss) / 1024, float(user) + float(system)
    except (OSError, ValueError, IndexError):
        return float("nan"), float("nan")


def run(cmd: list[str], cwd: Path = REPO, rss: bool = True) -> tuple[float, float, int, float]:
    """(wall seconds, peak RSS MiB of the largest process, exit code, CPU seconds); output discarded.

    CPU time (user + system) is the kernel's, to the microsecond, from wait4 on the process started:
    with GNU time that includes GNU time's own start (about 1 ms, measured as `GNU time alone` in the
    cold start). With rss=False the command is started directly (no launcher) and RSS is nan."""
    with tempfile.NamedTemporaryFile(prefix="rss-") as f:
        full = _measured(cmd, f.name) if rss else cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(
            full, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        peak = float("nan")
        if rss:
            peak, launched_cpu = _rss_cpu(f.name)
            if not TIME:  # the Python launcher's own start is not the command's: take what it measured
                cpu = launched_cpu
        return wall, peak, p.returncode, cpu


class TreeRss:
    """Samples the summed RSS of a process and all its descendants (for multi-process builds)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._stop.is_set():
            parent: dict[int, int] = {}
            rss: dict[int, int] = {}
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                    fields = stat[stat.rindex(")") + 2 :].split()
                    parent[int(entry)] = int(fields[1])
                    rss[int(entry)] = int(fields[21]) * page
                except (OSError, ValueError, IndexError):
                    continue
            tree, frontier = {self.pid}, [self.pid]
            while frontier:
                p = frontier.pop()
                for child, par in parent.items():
                    if par == p and child not in tree:
                        tree.add(child)
                        frontier.append(child)
            self.peak = max(self.peak, sum(rss.get(p, 0) for p in tree) / 2**20)
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def run_tree(cmd: list[str]) -> tuple[float, float, float, int, float]:
    """Like run(), plus the sampled peak of the summed RSS of the whole process tree."""
    with tempfile.NamedTemporaryFile(prefix="rss-") as f:
        t0 = time.perf_counter()
        p = subprocess.Popen(
            _measured(cmd, f.name),
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        sampler = TreeRss(p.pid)
        err = p.communicate()[1]
        wall = time.perf_counter() - t0
        tree_peak = sampler.stop()
        if p.returncode != 0:
            print(err.decode(errors="replace")[-2000:], file=sys.stderr)
        peak, cpu = _rss_cpu(f.name)
        return wall, peak, tree_peak, p.returncode, cpu


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# -- text ------------------------------------------------------------------------------------


def held_out_texts(corpus: Path) -> dict[str, str]:
    return {name: (corpus / name).read_text(encoding="utf-8") for name in HELD_OUT}


def text_of_size(base: str, size: int) -> str:
    """`base` repeated and cut to about `size` UTF-8 bytes, at a line break (or a space) before the limit."""
    raw = base.encode("utf-8")
    reps = size // len(raw) + 1
    data = (raw * reps)[:size]
    cut = data.rfind(b"\n")
    if cut < size // 2:
        cut = data.rfind(b" ")
    return data[: cut + 1].decode("utf-8", errors="ignore")


def text_of_words(base: str, words: int) -> str:
    """`base` repeated, cut at the first line break after `words` whitespace-separated words."""
    out, n = [], 0
    lines = base.splitlines(keepends=True)
    while n < words:
        for line in lines:
            out.append(line)
            n += len(line.split())
            if n >= words:
                break
    return "".join(out)


def word_tokens(text: str) -> int:
    from speller.tokenize import WORD, tokenize

    return sum(1 for t in tokenize(text) if t.kind == WORD)


# -- misspellings -----------------------------------------------------------------------------


def _edit(word: str, rng: random.Random) -> str:
    kind = rng.choice(("delete", "insert", "substitute", "transpose"))
    i = rng.randrange(len(word))
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "insert":
        return word[:i] + rng.choice(ALPHABET) + word[i:]
    if kind == "substitute":
        return word[:i] + rng.choice(ALPHABET.replace(word[i], "")) + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def misspellings(speller, texts: dict[str, str], n: int) -> list[tuple[str, str, str]]:
    """(typo, original, one-typo sentence): seeded single edits of held-out lowercase words (len >= 5,
    known) that the dictionary does not know; the sentence is a held-out sentence holding the
    original word in which speller flags nothing, with the word replaced by the typo."""
    import regex

    from speller.tokenize import WORD, tokenize

    sentences: dict[str, str] = {}
    words: set[str] = set()
    for text in texts.values():
        for line in text.splitlines():
            for sent in regex.split(r"(?<=[.!?])\s+", line):
                if not 5 <= len(sent.split()) <= 30:
                    continue
                for tok in tokenize(sent):
                    w = tok.text
                    if tok.kind == WORD and len(w) >= 5 and w.isascii() and w.isalpha() and w.islower():
                        words.add(w)
                        sentences.setdefault(w, sent)
    pool = sorted(w for w in words if speller.is_known(w))
    rng = random.Random(RNG_SEED)
    rng.shuffle(pool)
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    clean_sentence: dict[str, bool] = {}
    for w in pool:
        typo = _edit(w, rng)
        if typo in seen or len(typo) < 4 or speller.is_known(typo):
            continue
        sent = sentences[w]
        if sent not in clean_sentence:
            clean_sentence[sent] = not speller.check(sent)
        if not clean_sentence[sent]:
            continue
        seen.add(typo)
        out.append((typo, w, regex.sub(rf"(?<!\p{{L}}){w}(?!\p{{L}})", typo, sent, count=1)))
        if len(out) >= n:
            break
    return out


def _fresh_speller(dictionary):
    """A Speller over an already loaded Dictionary with every per-instance and module cache empty."""
    from speller import Speller, context
    from speller import tokenize as tokmod

    cache_clear = getattr(getattr(context, "error_cost", None), "cache_clear", None)
    if cache_clear:
        cache_clear()
    _forget_lines(tokmod)
    # the dictionary's own answers remembered for earlier checkers (bigrams, lowercase counts): a first pass starts
    # without them, as in a new process
    for memo in ("_bigram_cache", "_lower_cache"):
        getattr(dictionary, memo, {}).clear()
    return Speller(dictionary)


def _forget_lines(tokmod) -> None:
    """Empty the scan's memo of lines seen (`speller.tokenize._LINES`, when the library has it): a text is then
    scanned as the first time."""
    lines = getattr(tokmod, "_LINES", None)
    if lines is not None:
        lines.clear()


def time_calls(fn, args: list) -> list[float]:
    out = []
    for a in args:
        t0 = time.perf_counter_ns()
        fn(a)
        out.append((time.perf_counter_ns() - t0) / 1000)
    return out


class HunspellPipe:
    """`hunspell -a` (ispell pipe mode): one line in, one block of results out."""

    def __init__(self) -> None:
        self.p = subprocess.Popen(
            ["hunspell", "-d", "id_ID", "-a", "-i", "utf-8"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
            encoding="utf-8",
            errors="replace",
        )
        assert self.p.stdin is not None and self.p.stdout is not None
        self.stdin, self.stdout = self.p.stdin, self.p.stdout
        self.stdout.readline()  # banner

    def ask(self, line: str) -> list[str]:
        self.stdin.write("^" + line + "\n")  # ^: the line is text, never a command
        self.stdin.flush()
        out: list[str] = []
        while True:
            r = self.stdout.readline()
            if r in ("\n", ""):
                return out
            out.append(r)

    def close(self) -> None:
        self.stdin.close()
        self.p.wait()


# -- sections ---------------------------------------------------------------------------------


def _peer(name: str) -> str | None:
    """A peer's command beside this interpreter, else on PATH, else None."""
    here = Path(sys.executable).parent / name
    return str(here) if here.is_file() else shutil.which(name)


def compile_bytecode() -> bool:
    """Write the speller package's bytecode, as every regular install does (pip compiles at install):
    with PYTHONDONTWRITEBYTECODE set, an editable checkout would otherwise compile its source at
    every start, which no user's install does."""
    import compileall

    import speller

    return compileall.compile_dir(str(Path(speller.__file__).parent), quiet=1, force=False)


#: What a fresh interpreter spends, in CPU time, on imports, `Speller()` and the first check of the seed; the
#: imports are those of `speller check PATH` (the console script's `speller.shell`, which runs it without click),
#: with the collector tuned as the console script tunes it before it imports the checker (an install older than
#: `tune_collector` tuned it on importing speller.shell).
_PROBE = (
    "import time;t0=time.process_time();import speller.shell;"
    "getattr(speller.shell,'tune_collector',lambda:None)();import speller.checker;t1=time.process_time();"
    "s=speller.checker.Speller();t2=time.process_time();"
    f"s.check(open({str(SEED)!r},encoding='utf-8').read());t3=time.process_time();"
    "print(t1-t0,t2-t1,t3-t2)"
)
_PARTS = ("import", "Speller() load", "check(seed), first")
#: Modules listed from `python -X importtime` of a cold check, by cumulative time.
TOP_IMPORTS = 15


def breakdown(pythons: dict[str, str], runs: int) -> dict[str, dict[str, float]]:
    """Median CPU ms of each part of a cold check (`_PROBE`) in `runs` fresh interpreters of each of
    `pythons` (name -> interpreter), interleaved; an interpreter whose probe never succeeds is left out.

    `-P` keeps the checkout (the working directory) off sys.path, so a wheel install imports its own copy."""
    parts: dict[str, list[list[float]]] = {name: [] for name in pythons}
    for _ in range(runs):
        for name, python in pythons.items():
            done = subprocess.run([python, "-P", "-c", _PROBE], cwd=REPO, capture_output=True, text=True)
            if done.returncode == 0:
                parts[name].append([float(x) for x in done.stdout.split()])
    return {
        name: {part: statistics.median(p[i] for p in got) * 1000 for i, part in enumerate(_PARTS)}
        for name, got in parts.items()
        if got
    }


def import_times(cmd: list[str], runs: int) -> list[list[Any]]:
    """[module, median cumulative ms, median own ms] of the TOP_IMPORTS slowest imports of `cmd` (wall time)."""
    own: dict[str, list[int]] = {}
    total: dict[str, list[int]] = {}
    for _ in range(runs):
        done = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], cwd=REPO, capture_output=True, text=True)
        for line in done.stderr.splitlines():
            fields = line.removeprefix("import time:").split("|")
            if len(fields) != 3 or not fields[0].strip().isdigit():
                continue
            name = fields[2].strip()
            own.setdefault(name, []).append(int(fields[0]))
            total.setdefault(name, []).append(int(fields[1]))
    slowest = sorted(total, key=lambda k: -statistics.median(total[k]))[:TOP_IMPORTS]
    return [[k, statistics.median(total[k]) / 1000, statistics.median(own[k]) / 1000] for k in slowest]


def _same_run(cmd: list[str], reference: list[str]) -> bool:
    """Whether `cmd` prints and exits as `reference` does (a PATH shim may run another install, or fail)."""
    done = [subprocess.run(c, cwd=REPO, capture_output=True, text=True) for c in (cmd, reference)]
    return (done[0].returncode, done[0].stdout) == (done[1].returncode, done[1].stdout)


def bench_cold(runs: int, wheel_bin: Path | None = None) -> dict:
    """Whole-process cold start: wall (fork to exit) and CPU time (user + system) of each command, interleaved.

    The speller rows run the editable install of this checkout (the console script beside this
    interpreter) and, when `wheel_bin` is given, a regular wheel install; Hunspell and codespell run
    in the same loop. `true` measures the launcher's own share (GNU time's start)."""
    sp = speller_bin()
    cmds = {
        "speller": [sp, "check", SEED_REL],
        "python -m speller.cli": [sys.executable, "-m", "speller.cli", "check", SEED_REL],
        "hunspell": ["hunspell", "-d", "id_ID", "-l", SEED_REL],
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import speller.cli'": [sys.executable, "-c", "import speller.cli"],
        "true": ["true"],
    }
    setups: dict[str, Callable[[], object]] = {}  # run before each run of the command
    if wheel_bin:
        python = str(wheel_bin.parent / "python")
        cmds["speller, wheel install"] = [str(wheel_bin), "check", SEED_REL]
        cmds["python -c pass, wheel install"] = [python, "-c", "pass"]
        cmds["python -c 'import speller.cli', wheel install"] = [python, "-P", "-c", "import speller.cli"]
        # an option hands the command line to click; `speller fix PATH...` (the speller-fix hook) runs without it
        cmds["speller check --format github, wheel install"] = [str(wheel_bin), "check", "--format", "github", SEED_REL]
        to_fix = wheel_bin.parent.parent / "seed-to-fix.txt"  # a fresh copy of the seed for each run
        cmds["speller fix, wheel install"] = [str(wheel_bin), "fix", str(to_fix)]
        setups["speller fix, wheel install"] = lambda: shutil.copyfile(SEED, to_fix)
    codespell = _peer("codespell")
    if codespell:
        cmds["codespell"] = [codespell, SEED_REL]
    shim = shutil.which("speller")
    if shim and Path(shim).resolve() != Path(sp).resolve() and _same_run([shim, "check", SEED_REL], cmds["speller"]):
        cmds["speller via PATH shim"] = [shim, "check", SEED_REL]  # only a shim that runs this speller
    times: dict[str, list[float]] = {k: [] for k in cmds}
    cpus: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(2):  # warm the page cache
        for k, cmd in cmds.items():
            setups.get(k, tuple)()
            run(cmd)
    for i in range(runs):
        for k, cmd in cmds.items():
            if k == "speller via PATH shim" and i >= 5:
                continue
            setups.get(k, tuple)()
            wall, peak, _, cpu = run(cmd)
            times[k].append(wall * 1000)
            cpus[k].append(cpu * 1000)
            rss[k].append(peak)
    out: dict[str, Any] = {
        k: {
            "median": statistics.median(v),
            "min": min(v),
            "n": len(v),
            "rss": statistics.median(rss[k]),
            "cpu": statistics.median(cpus[k]),
            "cpu_min": min(cpus[k]),
        }
        for k, v in times.items()
    }
    out["cmds"] = {k: " ".join(Path(c[0]).name if j == 0 else c_ for j, c_ in enumerate(c)) for k, c in cmds.items()}
    # where the cold start goes, measured inside a fresh interpreter (CPU time of the process)
    pythons = {"breakdown": sys.executable}
    if wheel_bin:
        pythons["breakdown, wheel install"] = str(wheel_bin.parent / "python")
    out.update(breakdown(pythons, runs))
    if wheel_bin:
        out["importtime, wheel install"] = import_times(
            [str(wheel_bin.parent / "python"), str(wheel_bin), "check", SEED_REL], 5
        )
    return out


def _dependency_paths() -> list[Path]:
    """The installed top-level packages (or modules) of speller's runtime dependencies, from its metadata."""
    from importlib import metadata
    from importlib.util import find_spec

    wanted = {
        re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0].lower().replace("_", "-")
        for req in metadata.requires("speller") or []
        if "extra ==" not in req
    }
    paths = []
    for top, dists in metadata.packages_distributions().items():
        if top.startswith("_") or not any(d.lower().replace("_", "-") in wanted for d in dists):
            continue
        spec = find_spec(top)
        if spec is None or spec.origin is None:
            continue
        paths.append(Path(spec.origin).parent if spec.submodule_search_locations else Path(spec.origin))
    return paths


def wheel_install(tmp: Path) -> Path | None:
    """The speller console script of a regular (non-editable) install of a wheel built from this checkout,
    as pre-commit makes one: a fresh venv that sees nothing of this interpreter's site-packages (no .pth
    file, no editable finder) but speller's runtime dependencies, linked in. None when the wheel cannot
    be built here (the reason is logged). The wheel is built by this interpreter, else by the one this
    venv was made from (a venv's own setuptools may be too old for pyproject.toml)."""
    wheels, venv, source = tmp / "wheel", tmp / "venv", tmp / "source"
    # from a copy: a build writes build/ and *.egg-info/ into its source folder
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "benchmarks", "corpus"
        ),
    )
    builders = dict.fromkeys([sys.executable, getattr(sys, "_base_executable", sys.executable)])
    for python in builders:
        cmd = [python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(source)]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if not done.returncode:
            break
        why = [line.strip() for line in done.stderr.splitlines() if "error" in line.lower()] or ["?"]
        log(f"  wheel not built by {python}: {why[0]}")
    else:
        log("  wheel install skipped: no interpreter here builds the wheel")
        return None
    done = subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], capture_output=True, text=True)
    if done.returncode:
        log(f"  wheel install skipped: venv failed: {done.stderr.strip()[-300:]}")
        return None
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig;print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    for path in _dependency_paths():
        (site / path.name).symlink_to(path)
    wheel = next(wheels.glob("speller-*.whl"))
    # without PYTHONPATH: a checkout on it shows pip this project's egg-info, and pip installs nothing
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
        env=env,
    )
    script = venv / "bin" / "speller"
    if done.returncode or not script.is_file():
        log(f"  wheel install skipped: pip install failed: {(done.stderr.strip() or 'no speller script')[-300:]}")
        return None
    return script


def bench_lsp(runs: int) -> dict:
    """`speller lsp` from spawn (benchmarks/lsp_timing.py): medians of `runs` sessions on the seed article."""
    from .lsp_timing import one_run

    try:
        sessions = [one_run(SEED, None) for _ in range(runs)]
    except (OSError, RuntimeError, subprocess.SubprocessError) as e:
        return {"error": str(e)}
    return {k: statistics.median(s[k] for s in sessions) for k in sessions[0]} | {"n": runs}


def bench_throughput(texts: dict[str, str]) -> dict:
    from speller import Speller
    from speller import tokenize as tokmod
    from speller.tokenize import tokenize

    word_scan = getattr(tokmod, "word_scan", None)
    speller = Speller()
    rows = {}
    for name, text in texts.items():
        tokens = word_tokens(text)
        t0 = time.perf_counter()
        issues = speller.check(text)  # warm-up (first pass: cold suggestion caches)
        first = time.perf_counter() - t0
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        speller.check(text)
        warm, warm_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0 = time.perf_counter()
        for _ in tokenize(text):
            pass
        tok = time.perf_counter() - t0
        spans = float("nan")
        if word_scan is not None:  # the whole-text scanner `check` uses, when the library has one
            _forget_lines(tokmod)  # scanned as the first time, not from the lines the checks above left
            t0 = time.perf_counter()
            word_scan(text)
            spans = time.perf_counter() - t0
        # the same text with every flagged span cut out: only known words are left
        clean, pos = [], 0
        for i in issues:
            clean.append(text[pos : i.start])
            pos = i.end
        clean.append(text[pos:])
        clean_text = "".join(clean)
        clean_tokens = word_tokens(clean_text)
        speller.check(clean_text)
        t0 = time.perf_counter()
        left = speller.check(clean_text)
        clean_t = time.perf_counter() - t0
        rows[name] = {
            "tokens": tokens,
            "issues": len(issues),
            "first": first,
            "warm": warm,
            "warm_cpu": warm_cpu,
            "tokenize": tok,
            "spans": spans,
            "clean_tokens": clean_tokens,
            "clean": clean_t,
            "clean_left": len(left),
        }
    tot = {
        k: sum(r[k] for r in rows.values())
        for k in (
            "tokens",
            "issues",
            "first",
            "warm",
            "warm_cpu",
            "tokenize",
            "spans",
            "clean_tokens",
            "clean",
            "clean_left",
        )
    }
    return {"files": rows, "total": tot}


def bench_cli_big(base: str, tmp: Path) -> dict:
    text = text_of_words(base, 550_000)
    path = tmp / "big-550k.txt"
    path.write_text(text, encoding="utf-8")
    words = len(text.split())
    tokens = word_tokens(text)
    log(f"  550k file: {words} words, {tokens} word tokens, {path.stat().st_size / 1e6:.1f} MB")
    s_wall, s_rss, s_rc, s_cpu = run([speller_bin(), "check", str(path)])
    log(f"  speller {s_wall:.1f}s")
    h_wall, h_rss, h_rc, h_cpu = run(["hunspell", "-d", "id_ID", "-l", str(path)])
    log(f"  hunspell {h_wall:.1f}s")
    return {
        "words": words,
        "tokens": tokens,
        "mb": path.stat().st_size / 1e6,
        "speller": s_wall,
        "speller_rss": s_rss,
        "hunspell": h_wall,
        "hunspell_rss": h_rss,
        "speller_cpu": s_cpu,
        "hunspell_cpu": h_cpu,
        "rc": (s_rc, h_rc),
    }


def bench_words(texts: dict[str, str], n: int) -> dict:
    from speller import Dictionary, Speller

    dictionary = Dictionary()
    gen = Speller(dictionary)
    cases = misspellings(gen, texts, n)
    typos = [c[0] for c in cases]
    sentences = [c[2] for c in cases]
    log(f"  {len(cases)} misspellings, e.g. {', '.join(f'{c[1]}>{c[0]}' for c in cases[:5])}")

    out: dict = {"n": len(cases), "examples": [(c[1], c[0]) for c in cases[:8]]}
    # very first suggestion in a fresh Speller: maps the delete index, builds the sparse index and morphology
    sp = _fresh_speller(dictionary)
    for mapped in ("deletes", "delete_table"):  # unmap, so the first call pays for mapping again
        dictionary.__dict__.pop(mapped, None)
    t0 = time.perf_counter_ns()
    sp.suggest("pemerintahh")
    out["first_call_us"] = (time.perf_counter_ns() - t0) / 1000
    gc.collect()
    cold = time_calls(sp.suggest, typos)
    warm = time_calls(sp.suggest, typos)
    out["suggest"] = {"cold": cold, "warm": warm}

    sp = _fresh_speller(dictionary)
    sp.suggest("pemerintahh")
    sp.check("Presiden meresmikan jembatan baru kemarin.")
    gc.collect()
    cold = time_calls(sp.check, sentences)
    warm = time_calls(sp.check, sentences)
    out["sentence"] = {"cold": cold, "warm": warm}
    out["sentence_words"] = statistics.mean(len(s.split()) for s in sentences)

    hun = HunspellPipe()
    hun.ask("rumah")
    out["hunspell_suggest"] = time_calls(hun.ask, typos)
    out["hunspell_sentence"] = time_calls(hun.ask, sentences)
    out["hunspell_clean_word"] = time_calls(hun.ask, [c[1] for c in cases])
    hun.close()
    # pipe round trip with no work: what the hunspell figures include beyond hunspell itself
    cat = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert cat.stdin is not None and cat.stdout is not None
    cat_in, cat_out = cat.stdin, cat.stdout

    def echo(line: str) -> None:
        cat_in.write(line + "\n")
        cat_in.flush()
        cat_out.readline()

    out["pipe_rtt_us"] = statistics.median(time_calls(echo, typos[:200]))
    cat_in.close()
    cat.wait()
    return out


def bench_memory() -> dict:
    s = [run([speller_bin(), "check", SEED_REL])[1] for _ in range(5)]
    h = [run(["hunspell", "-d", "id_ID", "-l", SEED_REL])[1] for _ in range(5)]
    return {"speller": statistics.median(s), "hunspell": statistics.median(h)}


def _build_cmd(sources: list[str], out: Path, jobs: int) -> list[str]:
    cmd = [speller_bin(), "build", *sources]
    for name in (*HELD_OUT, "SOURCES.md"):
        cmd += ["--exclude", name]
    return cmd + ["--roots", "sastrawi", "--english", "-o", str(out), "-j", str(jobs), "-q"]  # as corpus/MANIFEST.md


def bench_build(corpus: Path, tmp: Path, quick: bool) -> dict:
    out: dict = {}
    d2 = tmp / "build-j2"
    wall, rss, tree, rc, cpu = run_tree(_build_cmd([str(corpus)], d2, 2))
    out["j2"] = {"wall": wall, "rss": rss, "tree": tree, "rc": rc, "cpu": cpu}
    log(f"  -j 2: {wall:.1f}s rc={rc}")
    out["cmd"] = " ".join(["speller", *_build_cmd([str(corpus)], Path("OUT"), 2)[1:]])
    if not quick:
        d1 = tmp / "build-j1"
        wall, rss, tree, rc, cpu = run_tree(_build_cmd([str(corpus)], d1, 1))
        out["j1"] = {"wall": wall, "rss": rss, "tree": tree, "rc": rc, "cpu": cpu}
        log(f"  -j 1: {wall:.1f}s rc={rc}")
        names = sorted({p.name for p in d1.iterdir()} | {p.name for p in d2.iterdir()})
        out["identical"] = {
            n: (d1 / n).is_file() and (d2 / n).is_file() and filecmp.cmp(d1 / n, d2 / n, shallow=False) for n in names
        }
    shipped = REPO / "dictionaries"
    out["vs_shipped"] = {
        p.name: (shipped / p.name).is_file() and filecmp.cmp(p, shipped / p.name, shallow=False)
        for p in sorted(d2.iterdir())
    }
    try:
        out["meta"] = json.loads((d2 / "meta.json").read_text())
    except (OSError, ValueError):
        out["meta"] = {}
    # build time against corpus size
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and p.name not in HELD_OUT)
    growth = []
    for k in BUILD_SUBSETS:
        if k >= len(files):
            continue
        chosen = files[:k]
        d = tmp / f"build-{k}"
        wall, rss, tree, rc, cpu = run_tree(_build_cmd([str(f) for f in chosen], d, 2))
        growth.append(
            {
                "files": k,
                "mb": sum(f.stat().st_size for f in chosen) / 1e6,
                "wall": wall,
                "rss": rss,
                "tree": tree,
                "rc": rc,
                "cpu": cpu,
            }
        )
        log(f"  {k} files: {wall:.1f}s")
        shutil.rmtree(d, ignore_errors=True)
    growth.append({"files": len(files), "mb": sum(f.stat().st_size for f in files) / 1e6, **out["j2"]})
    out["growth"] = growth
    return out


def bench_growth(base: str, tmp: Path, quick: bool, budget: float, deadline: float) -> list[dict]:
    """Growth points; one whose projected time exceeds `budget` s or would end after `deadline` (epoch) is skipped."""
    sizes = [s for s in GROWTH_SIZES if not quick or s <= 10_000_000]
    rows = []
    last: dict[str, tuple[float, int]] = {}
    for size in sizes:
        path = tmp / f"growth-{size}.txt"
        text = text_of_size(base, size)
        path.write_text(text, encoding="utf-8")
        real = path.stat().st_size
        words = len(text.split())
        del text
        row: dict[str, Any] = {"size": size, "bytes": real, "words": words}
        for tool, cmd in (
            ("speller", [speller_bin(), "check", str(path)]),
            ("hunspell", ["hunspell", "-d", "id_ID", "-l", str(path)]),
        ):
            if tool in last:
                prev_t, prev_b = last[tool]
                projected = prev_t * real / prev_b
                if projected > budget or time.time() + projected > deadline:
                    row[tool] = None
                    row[tool + "_projected"] = projected
                    log(
                        f"  {size:>11,} B {tool}: skipped, projected {projected:.0f}s (budget {budget:.0f}s, "
                        f"{deadline - time.time():.0f}s left before the run's time limit)"
                    )
                    continue
            if real <= 100_000:  # short: median of 3 direct runs, RSS from a 4th through the launcher
                wall = statistics.median(run(cmd, rss=False)[0] for _ in range(3))
                peak = run(cmd)[1]
            else:
                wall, peak, _, cpu = run(cmd)
                row[tool + "_cpu"] = cpu
            row[tool] = wall
            row[tool + "_rss"] = peak
            last[tool] = (wall, real)
            log(f"  {size:>11,} B {tool}: {wall:.2f}s {row[tool + '_rss']:.0f} MiB")
        rows.append(row)
        path.unlink()
    return rows


# -- profile ---------------------------------------------------------------------------------------


def profile_worker(args: list[str]) -> None:
    """Run in a fresh interpreter: profile a cold check of the seed (import + load + check), then 200 suggestions."""
    typos_file, out_file = args
    typos = json.loads(Path(typos_file).read_text())
    seed_text = SEED.read_text(encoding="utf-8")
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    from speller.checker import Speller

    speller = Speller()
    speller.check(seed_text)
    prof.disable()
    cold_wall = time.perf_counter() - t0
    prof.dump_stats(out_file + ".check")
    speller.suggest("pemerintahh")  # map the delete index outside the profile
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for t in typos:
        speller.suggest(t)
    prof.disable()
    sugg_wall = time.perf_counter() - t0
    prof.dump_stats(out_file + ".suggest")
    Path(out_file + ".json").write_text(json.dumps({"check": cold_wall, "suggest": sugg_wall, "n": len(typos)}))


def _function_name(func: tuple[str, int, str]) -> str:
    """`file:line(function)` with the file relative to the checkout or site-packages."""
    fname, line, name = func
    short = fname.replace(str(REPO) + "/", "")
    if "site-packages/" in short:
        short = short.split("site-packages/")[1]
    return portable(f"{short}:{line}({name})")


def top_functions(stats: pstats.Stats, key: int, k: int) -> list[list[Any]]:
    """pstats' top `k` functions by column `key` (2 own time, 3 cumulative): [name, own s, cumulative s, calls]."""
    table = stats.stats  # type: ignore[attr-defined]  # pstats' documented-by-use raw table
    items = sorted(table.items(), key=lambda kv: -kv[1][key])[:k]
    return [[_function_name(func), tt, ct, nc] for func, (_, nc, tt, ct, _) in items]


def bench_profile(typos: list[str], tmp: Path) -> dict:
    """Profile a cold check and 200 cold suggestions in a fresh interpreter; writes profile.txt, returns the top-N."""
    tf = tmp / "typos.json"
    tf.write_text(json.dumps(typos[:200]))
    base = str(tmp / "prof")
    subprocess.run([sys.executable, "-m", "benchmarks.speed", "--profile-worker", str(tf), base], cwd=REPO, check=True)
    walls = json.loads(Path(base + ".json").read_text())
    buf = io.StringIO()
    result: dict = {"walls": walls}
    for part, title in (
        ("check", f"Cold check of {SEED_REL} in a fresh interpreter (import + Speller() + check)"),
        ("suggest", f"{walls['n']} suggestions (Speller.suggest, cold per-word caches, index mapped)"),
    ):
        stats = pstats.Stats(base + "." + part, stream=buf)
        total = stats.total_tt  # type: ignore[attr-defined]
        buf.write(
            f"{'=' * 100}\n{title}\nwall {walls[part] * 1000:.1f} ms (profiled; cProfile inflates "
            f"Python-heavy code), profiler total {total * 1000:.1f} ms\n{'=' * 100}\n"
        )
        stats.sort_stats("cumulative").print_stats(25)
        buf.write("Top 15 by own time (tottime):\n")
        for name, tt, _, nc in top_functions(stats, 2, 15):
            buf.write(f"  {tt * 1000:9.2f} ms  {nc:>9} calls  {name}\n")
        buf.write("\n")
        result[part] = {
            "total": total,
            "cumulative": top_functions(stats, 3, TOP_CUMULATIVE),
            "own": top_functions(stats, 2, TOP_OWN),
        }
    text = portable(buf.getvalue().replace(str(REPO) + "/", ""))
    (OUT / "profile.txt").write_text(
        f"# speller profile, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M UTC}"
        f" - written by python -m benchmarks.speed\n\n" + text,
        encoding="utf-8",
    )
    return result


# -- main ---------------------------------------------------------------------------------------


def measure(args: argparse.Namespace, argv: list[str]) -> dict:
    """Every figure of one run, as a JSON-ready dict."""
    corpus = shared_corpus()
    missing = [n for n in HELD_OUT if not (corpus / n).is_file()]
    if missing or not SEED.is_file() or not shutil.which("hunspell"):
        raise SystemExit(f"need {corpus}/{{{','.join(HELD_OUT)}}}, {SEED} and hunspell on PATH")
    t_start = time.time()
    r: dict = {
        "command": "python -m benchmarks.speed" + (" " + " ".join(argv) if argv else ""),
        "started": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "budget": args.point_budget,
        "speller_bin": speller_bin(),
        "seed": SEED_REL,
        "seed_words": len(SEED.read_text(encoding="utf-8").split()),
        "rng_seed": RNG_SEED,
    }
    r["machine"] = machine_facts()
    r["load_start"] = os.getloadavg()
    texts = held_out_texts(corpus)
    base = "".join(t if t.endswith("\n") else t + "\n" for t in texts.values())
    with tempfile.TemporaryDirectory(prefix="speller-speed-") as td:
        tmp = Path(td)
        log("bytecode")
        r["bytecode_compiled"] = compile_bytecode()
        log("wheel install")
        wheel_bin = wheel_install(tmp)
        log("cold start")
        r["cold"] = bench_cold(args.runs, wheel_bin)
        log("  " + ", ".join(f"{k} {v['cpu']:.0f} ms CPU" for k, v in r["cold"].items() if k in COLD_SUMMARY))
        if args.cold_only:
            return r
        log("language server")
        r["lsp"] = bench_lsp(7)
        log("throughput")
        r["throughput"] = bench_throughput(texts)
        log(f"  {r['throughput']['total']['tokens'] / r['throughput']['total']['warm']:,.0f} tokens/s")
        log("CLI on ~550k words")
        r["cli"] = bench_cli_big(base, tmp)
        log("per misspelled word")
        r["words"] = bench_words(texts, args.words)
        log("memory")
        r["memory"] = bench_memory()
        log("profile")
        from speller import Speller

        typos = [c[0] for c in misspellings(Speller(), texts, 200)]
        r["profile"] = bench_profile(typos, tmp)
        log("build")
        r["build"] = bench_build(corpus, tmp, args.quick)
        log("growth")
        r["growth"] = bench_growth(base, tmp, args.quick, args.point_budget, t_start + 60 * args.max_minutes)
    r["finished"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    r["elapsed"] = time.time() - t_start
    r["load_end"] = os.getloadavg()
    return r


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--profile-worker":
        profile_worker(argv[1:])
        return
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the -j 1 build; growth stops at 10 MB")
    ap.add_argument("--runs", type=int, default=20, help="cold-start runs per command (default 20, min 15)")
    ap.add_argument("--words", type=int, default=1000, help="misspelled words to time (default 1000)")
    ap.add_argument(
        "--point-budget",
        type=float,
        default=420.0,
        help="skip a growth point projected to take longer than this many seconds (default 420)",
    )
    ap.add_argument(
        "--max-minutes",
        type=float,
        default=14.5,
        help="skip growth points that would end the run later than this (default 14.5)",
    )
    ap.add_argument("--json", type=Path, default=JSON, help=f"where to write the figures (default {JSON.name})")
    ap.add_argument("--no-render", action="store_true", help="measure only; render later with benchmarks.speed_report")
    ap.add_argument(
        "--cold-only",
        action="store_true",
        help="measure the cold start only and log its figures (to --json only when given; SPEED.md untouched)",
    )
    args = ap.parse_args(argv)
    args.runs = max(15, args.runs)
    os.chdir(REPO)
    r = measure(args, argv)
    if args.cold_only:
        cold = r["cold"]
        for k, v in cold.items():
            if "cpu" in v:
                log(f"  {k}: CPU median {v['cpu']:.1f} ms (min {v['cpu_min']:.1f}), RSS {v['rss']:.1f} MiB, n={v['n']}")
            elif k.startswith("breakdown"):
                log(f"  {k}: " + ", ".join(f"{part} {ms:.1f} ms" for part, ms in v.items()))
        if args.json != JSON:
            args.json.write_text(portable(json.dumps(cold, indent=1)) + "\n", encoding="utf-8")
        return
    args.json.write_text(portable(json.dumps(r, indent=1)) + "\n", encoding="utf-8")
    log(f"wrote {args.json} and profile.txt in {r['elapsed'] / 60:.1f} min")
    if not args.no_render:
        from .speed_report import render

        render(r)


if __name__ == "__main__":
    main()
