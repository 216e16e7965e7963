"""Speed and memory benchmark of speller, side by side with Hunspell id_ID, plus a profile.

    python -m benchmarks.speed [--quick]

Writes benchmarks/SPEED.md (figures, targets, MET / NOT MET), benchmarks/growth.png (time and
peak RSS against input size, log-log) and benchmarks/profile.txt (cProfile, top 25 functions by
cumulative time). Every figure comes from this one run on this machine; nothing is copied from
elsewhere. Held-out text: antara-2025.txt, detik-sentimen.txt, scrapy-news-2020.txt from the
shared corpus (not in the dictionary build). The shared corpus is `<repo>/../shared/corpus`, or
$SPELLER_SHARED (a folder holding `corpus/`, or the corpus folder itself).

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
import hashlib
import io
import json
import math
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent
SEED_REL = "corpus/seeds/000_67e3d4a227abfabd.txt"
SEED = REPO / SEED_REL
HELD_OUT = ("antara-2025.txt", "detik-sentimen.txt", "scrapy-news-2020.txt")
RNG_SEED = 20251122
GROWTH_SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000)
BUILD_SUBSETS = (1, 2, 4, 8)  # plus every non-held-out file (the main -j 2 build)
ALPHABET = "abcdefghijklmnopqrstuvwxyz"

# Targets
COLD_MS = 150.0
COLD_RATIO = 5.0
TOKENS_PER_S = 1_000_000
CLI_SPEEDUP = 3.0
MEDIAN_US = 50.0
P99_US = 1000.0
RSS_MB = 80.0
BUILD_S = 60.0


# -- environment ---------------------------------------------------------------------------


def shared_corpus() -> Path:
    env = os.environ.get("SPELLER_SHARED")
    if env:
        p = Path(env)
        return p / "corpus" if (p / "corpus").is_dir() else p
    return REPO.parent / "shared" / "corpus"


def speller_bin() -> str:
    """The console script installed beside this interpreter (not a pyenv shim)."""
    here = Path(sys.executable).parent / "speller"
    if here.is_file():
        return str(here)
    found = shutil.which("speller")
    if not found:
        raise SystemExit("speller console script not found; pip install -e .")
    return found


def _read(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine_facts() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    hun = _read(["hunspell", "-v"]).splitlines()
    dpkg = _read(["dpkg-query", "-W", "-f", "${Version}", "hunspell-id"])
    dict_dir = REPO / "dictionaries"
    meta = {}
    try:
        meta = json.loads((dict_dir / "meta.json").read_text())
    except (OSError, ValueError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "hunspell": hun[0] if hun else "?",
        "hunspell_id": dpkg,
        "git": _read(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]),
        "dirty": bool(_read(["git", "-C", str(REPO), "status", "--porcelain", "--", "speller"])),
        "dict_words": meta.get("words"),
        "dict_words_sha": _sha(dict_dir / "words.tsv")[:12],
        "dict_deletes_sha": _sha(dict_dir / "deletes.tsv")[:12],
    }


def _sha(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "?"


# -- measuring -----------------------------------------------------------------------------


TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None
# ru_maxrss survives execve, so a child forked from this (large) process would report this process's
# RSS; the peak is read from a small launcher instead: GNU time, else a bare Python interpreter.
_LAUNCH = ("import resource,subprocess,sys;r=subprocess.run(sys.argv[2:]).returncode;"
           "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
           "open(sys.argv[1],'w').write(f'{u.ru_maxrss} {u.ru_utime} {u.ru_stime}');sys.exit(r)")


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

    With rss=False the command is started directly (no launcher in the timing); RSS and CPU are nan."""
    with tempfile.NamedTemporaryFile(prefix="rss-") as f:
        full = _measured(cmd, f.name) if rss else cmd
        t0 = time.perf_counter()
        p = subprocess.run(full, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        peak, cpu = _rss_cpu(f.name) if rss else (float("nan"), float("nan"))
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
                    fields = stat[stat.rindex(")") + 2:].split()
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
        p = subprocess.Popen(_measured(cmd, f.name), cwd=REPO, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        sampler = TreeRss(p.pid)
        err = p.communicate()[1]
        wall = time.perf_counter() - t0
        tree_peak = sampler.stop()
        if p.returncode != 0:
            print(err.decode(errors="replace")[-2000:], file=sys.stderr)
        peak, cpu = _rss_cpu(f.name)
        return wall, peak, tree_peak, p.returncode, cpu


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, math.ceil(q / 100 * len(s)) - 1)]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def status(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**MET**" if ok else "**NOT MET**")


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
        return word[:i] + word[i + 1:]
    if kind == "insert":
        return word[:i] + rng.choice(ALPHABET) + word[i:]
    if kind == "substitute":
        return word[:i] + rng.choice(ALPHABET.replace(word[i], "")) + word[i + 1:]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


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
    from speller import Speller
    from speller import context

    cache_clear = getattr(getattr(context, "error_cost", None), "cache_clear", None)
    if cache_clear:
        cache_clear()
    return Speller(dictionary)


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
        self.p = subprocess.Popen(["hunspell", "-d", "id_ID", "-a", "-i", "utf-8"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1,
                                  encoding="utf-8", errors="replace")
        self.p.stdout.readline()  # banner

    def ask(self, line: str) -> list[str]:
        self.p.stdin.write("^" + line + "\n")  # ^: the line is text, never a command
        self.p.stdin.flush()
        out = []
        while True:
            r = self.p.stdout.readline()
            if r in ("\n", ""):
                return out
            out.append(r)

    def close(self) -> None:
        self.p.stdin.close()
        self.p.wait()


# -- sections ---------------------------------------------------------------------------------


def bench_cold(runs: int) -> dict:
    sp = speller_bin()
    cmds = {
        "speller": [sp, "check", SEED_REL],
        "python -m speller.cli": [sys.executable, "-m", "speller.cli", "check", SEED_REL],
        "hunspell": ["hunspell", "-d", "id_ID", "-l", SEED_REL],
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import speller.cli'": [sys.executable, "-c", "import speller.cli"],
    }
    shim = shutil.which("speller")
    if shim and Path(shim).resolve() != Path(sp).resolve():
        cmds["speller via PATH shim"] = [shim, "check", SEED_REL]
    times: dict[str, list[float]] = {k: [] for k in cmds}
    rss: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(2):  # warm the page cache
        for k, cmd in cmds.items():
            rss[k].append(run(cmd)[1])
    for i in range(runs):
        for k, cmd in cmds.items():
            if k == "speller via PATH shim" and i >= 5:
                continue
            times[k].append(run(cmd, rss=False)[0] * 1000)
    out = {k: {"median": statistics.median(v), "min": min(v), "n": len(v), "rss": statistics.median(rss[k])}
           for k, v in times.items()}
    out["cmds"] = {k: " ".join(Path(c[0]).name if j == 0 else c_ for j, c_ in enumerate(c)) for k, c in cmds.items()}
    # where the cold start goes, measured inside a fresh interpreter
    probe = (
        "import time,json;t0=time.perf_counter();import speller.cli,speller.checker;t1=time.perf_counter();"
        "s=speller.checker.Speller();t2=time.perf_counter();"
        f"s.check(open({str(SEED)!r},encoding='utf-8').read());t3=time.perf_counter();"
        "print(json.dumps([t1-t0,t2-t1,t3-t2]))"
    )
    parts = []
    for _ in range(5):
        r = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True)
        if r.returncode == 0:
            parts.append(json.loads(r.stdout))
    if parts:
        out["breakdown"] = {name: statistics.median(p[i] for p in parts) * 1000
                            for i, name in enumerate(("import", "Speller() load", "check(seed), first"))}
    return out


def bench_throughput(texts: dict[str, str]) -> dict:
    from speller import Speller
    from speller import tokenize as tokmod
    from speller.tokenize import tokenize

    word_spans = getattr(tokmod, "word_spans", None)
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
        if word_spans is not None:  # the scanner check's fast path uses, when the library has one
            t0 = time.perf_counter()
            for _ in word_spans(text):
                pass
            spans = time.perf_counter() - t0
        # the same text with every flagged span cut out: only known words are left
        clean, pos = [], 0
        for i in issues:
            clean.append(text[pos:i.start])
            pos = i.end
        clean.append(text[pos:])
        clean_text = "".join(clean)
        clean_tokens = word_tokens(clean_text)
        speller.check(clean_text)
        t0 = time.perf_counter()
        left = speller.check(clean_text)
        clean_t = time.perf_counter() - t0
        rows[name] = {"tokens": tokens, "issues": len(issues), "first": first, "warm": warm, "warm_cpu": warm_cpu,
                      "tokenize": tok, "spans": spans,
                      "clean_tokens": clean_tokens, "clean": clean_t, "clean_left": len(left)}
    tot = {k: sum(r[k] for r in rows.values()) for k in ("tokens", "issues", "first", "warm", "warm_cpu", "tokenize", "spans",
                                                       "clean_tokens", "clean", "clean_left")}
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
    return {"words": words, "tokens": tokens, "mb": path.stat().st_size / 1e6, "speller": s_wall,
            "speller_rss": s_rss, "hunspell": h_wall, "hunspell_rss": h_rss, "speller_cpu": s_cpu, "hunspell_cpu": h_cpu, "rc": (s_rc, h_rc)}


def bench_words(texts: dict[str, str], n: int) -> dict:
    from speller import Dictionary, Speller

    dictionary = Dictionary()
    gen = Speller(dictionary)
    cases = misspellings(gen, texts, n)
    typos = [c[0] for c in cases]
    sentences = [c[2] for c in cases]
    log(f"  {len(cases)} misspellings, e.g. {', '.join(f'{c[1]}>{c[0]}' for c in cases[:5])}")

    out: dict = {"n": len(cases), "examples": [(c[1], c[0]) for c in cases[:8]]}
    # very first suggestion in a fresh Speller: maps deletes.tsv, builds the sparse index and morphology
    sp = _fresh_speller(dictionary)
    dictionary.__dict__.pop("deletes", None)  # unmap, so the first call pays for mapping again
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

    def echo(line: str) -> None:
        cat.stdin.write(line + "\n")
        cat.stdin.flush()
        cat.stdout.readline()

    out["pipe_rtt_us"] = statistics.median(time_calls(echo, typos[:200]))
    cat.stdin.close()
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
        out["identical"] = {n: (d1 / n).is_file() and (d2 / n).is_file() and filecmp.cmp(d1 / n, d2 / n, shallow=False)
                            for n in names}
    shipped = REPO / "dictionaries"
    out["vs_shipped"] = {p.name: (shipped / p.name).is_file() and filecmp.cmp(p, shipped / p.name, shallow=False)
                         for p in sorted(d2.iterdir())}
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
        growth.append({"files": k, "mb": sum(f.stat().st_size for f in chosen) / 1e6, "wall": wall, "rss": rss,
                       "tree": tree, "rc": rc, "cpu": cpu})
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
        row = {"size": size, "bytes": real, "words": words}
        for tool, cmd in (("speller", [speller_bin(), "check", str(path)]),
                          ("hunspell", ["hunspell", "-d", "id_ID", "-l", str(path)])):
            if tool in last:
                prev_t, prev_b = last[tool]
                projected = prev_t * real / prev_b
                if projected > budget or time.time() + projected > deadline:
                    row[tool] = None
                    row[tool + "_projected"] = projected
                    log(f"  {size:>11,} B {tool}: skipped, projected {projected:.0f}s (budget {budget:.0f}s, "
                        f"{deadline - time.time():.0f}s left before the run's time limit)")
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


# -- profile ------------------------------------------------------------------------------------


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


HOTSPOTS = (  # label, file suffix, function
    ("imports (all modules)", "<frozen importlib._bootstrap>", "_find_and_load"),
    ("Speller() / Dictionary load", "dictionary.py", "__init__"),
    ("Speller.check", "checker.py", "check"),
    ("  Speller._check_suspects (fast path)", "checker.py", "_check_suspects"),
    ("  word_spans", "tokenize.py", "word_spans"),
    ("  Speller._verdict (per distinct form)", "checker.py", "_verdict"),
    ("  Speller.morphology (lazy build)", "checker.py", "morphology"),
    ("  Dictionary.roots (lazy load)", "dictionary.py", "roots"),
    ("tokenize", "tokenize.py", "tokenize"),
    ("Speller.is_known", "checker.py", "is_known"),
    ("Morphology.is_valid", "morphology.py", "is_valid"),
    ("Speller.standard_form", "checker.py", "standard_form"),
    ("Morphology.standard_form", "morphology.py", "standard_form"),
    ("Speller.suggest", "checker.py", "suggest"),
    ("Speller._candidates", "checker.py", "_candidates"),
    ("DeleteIndex.lookup", "symspell.py", "lookup"),
    ("  SortedFile.get", "sortedfile.py", "get"),
    ("  SortedFile._open (mmap + sparse index)", "sortedfile.py", "_open"),
    ("  build.deletes", "build.py", "deletes"),
    ("Morphology.suggest_inflected", "morphology.py", "suggest_inflected"),
    ("Speller._rank / context.rank", "context.py", "rank"),
    ("  context.error_cost", "context.py", "error_cost"),
    ("  Dictionary.bigram", "dictionary.py", "bigram"),
)


def _hotspots(stats: pstats.Stats, total: float) -> list[tuple[str, float, float, int]]:
    rows = []
    for label, suffix, func in HOTSPOTS:
        cum, calls = 0.0, 0
        for (fname, _, fn), (cc, nc, tt, ct, callers) in stats.stats.items():
            if fn == func and (fname.endswith(suffix) or fname == suffix):
                cum = max(cum, ct)  # cumulative of the outermost, avoid double counting recursion
                calls += nc
        if calls:
            rows.append((label, cum, 100 * cum / total if total else 0, calls))
    return rows


def _top_tottime(stats: pstats.Stats, k: int) -> list[tuple[str, float, int]]:
    items = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:k]
    out = []
    for (fname, line, fn), (cc, nc, tt, ct, callers) in items:
        short = fname.replace(str(REPO) + "/", "")
        if "site-packages/" in short:
            short = short.split("site-packages/")[1]
        out.append((f"{short}:{line}({fn})", tt, nc))
    return out


def bench_profile(typos: list[str], tmp: Path) -> dict:
    tf = tmp / "typos.json"
    tf.write_text(json.dumps(typos[:200]))
    base = str(tmp / "prof")
    subprocess.run([sys.executable, "-m", "benchmarks.speed", "--profile-worker", str(tf), base], cwd=REPO, check=True)
    walls = json.loads(Path(base + ".json").read_text())
    buf = io.StringIO()
    result: dict = {"walls": walls}
    for part, title in (("check", f"Cold check of {SEED_REL} in a fresh interpreter (import + Speller() + check)"),
                        ("suggest", f"{walls['n']} suggestions (Speller.suggest, cold per-word caches, index mapped)")):
        stats = pstats.Stats(base + "." + part, stream=buf)
        total = stats.total_tt
        buf.write(f"{'=' * 100}\n{title}\nwall {walls[part] * 1000:.1f} ms (profiled; cProfile inflates "
                  f"Python-heavy code), profiler total {total * 1000:.1f} ms\n{'=' * 100}\n")
        stats.sort_stats("cumulative").print_stats(25)
        buf.write("Top 15 by own time (tottime):\n")
        for name, tt, nc in _top_tottime(stats, 15):
            buf.write(f"  {tt * 1000:9.2f} ms  {nc:>9} calls  {name}\n")
        buf.write("\n")
        result[part] = {"hot": _hotspots(stats, total), "tottime": _top_tottime(stats, 10), "total": total}
    text = portable(buf.getvalue().replace(str(REPO) + "/", ""))
    (OUT / "profile.txt").write_text(f"# speller profile, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M UTC}"
                                     f" - written by python -m benchmarks.speed\n\n" + text, encoding="utf-8")
    return result


# -- plot ---------------------------------------------------------------------------------------


def plot(growth: list[dict], build: dict, path: Path, stamp: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 5))
    ax_t, ax_m, ax_b = axes
    for tool, style in (("speller", "o-"), ("hunspell", "s-")):
        pts = [(r["bytes"] / 1e6, r[tool]) for r in growth if r.get(tool)]
        if pts:
            ax_t.plot(*zip(*pts), style, label=f"{tool} check" if tool == "speller" else "hunspell -l")
        proj = [(r["bytes"] / 1e6, r[tool + "_projected"]) for r in growth if r.get(tool + "_projected")]
        if proj and pts:
            ax_t.plot([pts[-1][0], *[p[0] for p in proj]], [pts[-1][1], *[p[1] for p in proj]], style[0] + ":",
                      color=ax_t.lines[-1].get_color(), alpha=0.6, label=f"{tool} (projected, not run)")
        mem = [(r["bytes"] / 1e6, r[tool + "_rss"]) for r in growth if r.get(tool + "_rss")]
        if mem:
            ax_m.plot(*zip(*mem), style, label=tool)
    ax_t.set(xscale="log", yscale="log", xlabel="text size (MB)", ylabel="wall time (s), whole process",
             title="Check time vs text size")
    ax_m.axhline(RSS_MB, color="grey", ls="--", lw=1, label=f"{RSS_MB:.0f} MB target")
    ax_m.set(xscale="log", yscale="log", xlabel="text size (MB)", ylabel="peak RSS (MiB)",
             title="Peak RSS vs text size")
    g = build.get("growth", [])
    if g:
        ax_b.plot([r["mb"] for r in g], [r["wall"] for r in g], "o-", label="speller build -j 2 (time)")
        ax_b.axhline(BUILD_S, color="grey", ls="--", lw=1, label=f"{BUILD_S:.0f} s target")
        ax_b2 = ax_b.twinx()
        ax_b2.plot([r["mb"] for r in g], [r["tree"] for r in g], "^--", color="tab:red", label="peak RSS, tree sum")
        ax_b2.set(yscale="log", ylabel="peak RSS of all build processes (MiB)")
        ax_b2.legend(loc="lower right", fontsize=8)
    ax_b.set(xscale="log", yscale="log", xlabel="corpus size (MB)", ylabel="wall time (s)",
             title="Build time vs corpus size (hunspell: no build step)")
    from matplotlib.ticker import NullFormatter

    for ax in (ax_t, ax_m, ax_b):
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(loc="upper left", fontsize=8)
    fig.suptitle(f"speller vs hunspell id_ID - {stamp}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# -- report -------------------------------------------------------------------------------------


def _ms(s: float) -> str:
    return f"{s * 1000:.0f} ms"


def _us(values: list[float], q: float | None = None) -> str:
    v = statistics.median(values) if q is None else pct(values, q)
    return f"{v:,.0f} µs"


def summary(r: dict) -> str:
    """Plain-language reading of the figures of this run."""
    cold, thr, words, prof = r["cold"], r["throughput"]["total"], r["words"], r["profile"]
    out = []
    b = cold.get("breakdown")
    if b:
        out.append(f"- **Cold start** ({cold['speller']['median']:.0f} ms): the interpreter alone takes "
                   f"{cold['python -c pass']['median']:.0f} ms; inside the process, imports take {b['import']:.0f} ms, "
                   f"loading the dictionary (`Speller()`) {b['Speller() load']:.0f} ms and checking the 522-word seed "
                   f"{b['check(seed), first']:.0f} ms. Hunspell does all of it in {cold['hunspell']['median']:.0f} ms.")
    hot = {label.strip(): (cum, share) for label, cum, share, _ in prof["check"]["hot"]}
    if "Speller.standard_form" in hot and "Speller.check" in hot:
        out.append(f"- In the cold check, `Speller.standard_form` (asked once per distinct known form) is "
                   f"{hot['Speller.standard_form'][1]:.0f}% of the profile (it triggers the lazy morphology and roots "
                   f"load: {hot.get('Speller.morphology (lazy build)', (0, 0))[1]:.0f}%) against "
                   f"{hot.get('tokenize', (0, 0))[1]:.0f}% for tokenizing; the dictionary load is "
                   f"{hot.get('Speller() / Dictionary load', (0, 0))[1]:.0f}% and imports "
                   f"{hot.get('imports (all modules)', (0, 0))[1]:.0f}%.")
    scan = thr["spans"] if thr.get("spans") == thr.get("spans") and thr.get("spans") else thr["tokenize"]
    scan_name = "`word_spans` (the scanner of the fast path)" if scan is thr.get("spans") else "`tokenize`"
    per_tok = 1e6 * (thr["clean"] / thr["clean_tokens"] - scan / thr["tokens"])
    out.append(f"- **Per token**: {scan_name} alone runs at {thr['tokens'] / scan:,.0f} tokens/s"
               + (", below the 1M tokens/s target by itself" if thr["tokens"] / scan < TOKENS_PER_S else "")
               + f"; the rest of the known-word path adds about {per_tok:.1f} µs per token "
               f"({thr['clean_tokens'] / thr['clean']:,.0f} tokens/s with no suggestion to make), and the "
               f"{thr['issues']} flagged words bring the held-out text to {thr['tokens'] / thr['warm']:,.0f} tokens/s.")
    hot = {label.strip(): (cum, share) for label, cum, share, _ in prof["suggest"]["hot"]}
    if hot:
        parts = [f"`{k}` {hot[k][1]:.0f}%" for k in ("Morphology.suggest_inflected", "context.error_cost",
                                                     "Morphology.is_valid", "DeleteIndex.lookup", "SortedFile.get")
                 if k in hot]
        out.append(f"- **Suggestions** (cold median {statistics.median(words['suggest']['cold']):,.0f} µs, warm "
                   f"{statistics.median(words['suggest']['warm']):,.0f} µs): of the profiled time, " + ", ".join(parts)
                   + " (cumulative shares overlap). The warm figure is what remains once `DeleteIndex` has cached "
                   "the lookup: ranking and the morphology's inflected candidates are recomputed every call.")
    return "\n".join(out) + "\n"


def report(r: dict) -> str:
    m, cold, thr, big, words, mem, build, growth, prof = (r[k] for k in (
        "machine", "cold", "throughput", "cli", "words", "memory", "build", "growth", "profile"))
    L: list[str] = []
    w = L.append
    w("# speller speed and memory benchmark\n")
    w(f"Generated by `{r['command']}` (in `{REPO}`), started {r['started']}, finished {r['finished']} "
      f"({r['elapsed'] / 60:.1f} min). Every figure below was measured in this run on this machine; "
      "the library was being changed by others meanwhile, so a later run may differ.\n")
    if "load_start" in r:
        busy = max(r["load_start"][0], r["load_end"][0]) > 0.5
        w(f"Load average (1, 5, 15 min) at start {', '.join(f'{x:.2f}' for x in r['load_start'])}, at end "
          f"{', '.join(f'{x:.2f}' for x in r['load_end'])}"
          + (" - other jobs shared the CPUs during this run, so wall times are inflated; CPU times (user + system) "
             "are given where they help.\n" if busy else ".\n"))
    w("## Machine\n")
    w("| | |\n|---|---|")
    w(f"| CPU | {m['cpu']} |\n| cores | {m['cores']} |\n| RAM | {m['ram']} |\n| OS | {m['os']} |")
    w(f"| Python | {m['python']} |\n| Hunspell | {m['hunspell']}; dictionary hunspell-id {m['hunspell_id']} (id_ID) |")
    w(f"| speller | git {m['git']}{' + uncommitted changes in speller/' if m['dirty'] else ''}; dictionary "
      f"{m['dict_words']} words, words.tsv sha256 {m['dict_words_sha']}…, deletes.tsv {m['dict_deletes_sha']}… |")
    w(f"| speller command | `{speller_bin()}` (the console script; the pyenv shim on PATH is measured separately) |\n")

    # ---- summary table
    rows = []
    s_med, h_med = cold["speller"]["median"], cold["hunspell"]["median"]
    rows.append(("Cold start, `speller check` seed (median of %d)" % cold["speller"]["n"],
                 f"{s_med:.0f} ms (min {cold['speller']['min']:.0f})",
                 f"{h_med:.1f} ms (min {cold['hunspell']['min']:.1f})", f"<= {COLD_MS:.0f} ms", status(s_med <= COLD_MS)))
    rows.append(("Cold start vs Hunspell", f"{s_med / h_med:.1f}x Hunspell", "1x", f"<= {COLD_RATIO:.0f}x",
                 status(s_med <= COLD_RATIO * h_med)))
    pm = cold["python -m speller.cli"]
    rows.append(("Cold start, `python -m speller.cli check` seed", f"{pm['median']:.0f} ms (min {pm['min']:.0f})",
                 f"{h_med:.1f} ms", f"<= {COLD_MS:.0f} ms, <= {COLD_RATIO:.0f}x",
                 status(pm["median"] <= COLD_MS and pm["median"] <= COLD_RATIO * h_med)))
    t = thr["total"]
    tps = t["tokens"] / t["warm"]
    hun_tps = big["tokens"] / max(big["hunspell"] - h_med / 1000, 1e-9)
    rows.append(("Throughput, `Speller.check` in-process, held-out text, after warm-up",
                 f"{tps:,.0f} tokens/s", f"{hun_tps:,.0f} tokens/s (`-l` on the 550k file, start-up subtracted)",
                 f">= {TOKENS_PER_S:,}", status(tps >= TOKENS_PER_S)))
    ratio = big["hunspell"] / big["speller"]
    rows.append((f"CLI on {big['words']:,}-word file ({big['mb']:.1f} MB)", f"{big['speller']:.1f} s",
                 f"{big['hunspell']:.1f} s", f"speller >= {CLI_SPEEDUP:.0f}x faster",
                 f"{status(ratio >= CLI_SPEEDUP)} ({ratio:.2f}x)"))
    per_word = (
        ("suggest", "hunspell_suggest", f"`Speller.suggest(word)`, {{}}, median / p99 (n={words['n']})", " (`-a`, no cache)"),
        ("sentence", "hunspell_sentence", "`Speller.check` of a one-typo sentence, {}, median / p99", " (`-a`)"),
    )
    for key, peer_key, label, peer_note in per_word:
        peer = words[peer_key]
        for kind in ("cold", "warm"):
            v = words[key][kind]
            rows.append((label.format(kind), f"{_us(v)} / {_us(v, 99)}", f"{_us(peer)} / {_us(peer, 99)}{peer_note}",
                         f"<= {MEDIAN_US:.0f} µs / <= {P99_US:,.0f} µs",
                         status(statistics.median(v) <= MEDIAN_US and pct(v, 99) <= P99_US)))
    rows.append(("Peak RSS, `speller check` seed", f"{mem['speller']:.1f} MiB", f"{mem['hunspell']:.1f} MiB",
                 f"<= {RSS_MB:.0f} MB", status(mem["speller"] <= RSS_MB)))
    j2 = build["j2"]
    rows.append((f"Build, `-j 2`, {build['growth'][-1]['files']} files ({build['growth'][-1]['mb']:.0f} MB)", f"{j2['wall']:.1f} s (CPU {j2.get('cpu', float('nan')):.1f} s)"
                 + ("" if j2["rc"] == 0 else f" (exit {j2['rc']})"),
                 "no build step (ships a compiled .dic/.aff)", f"<= {BUILD_S:.0f} s",
                 status(j2["rc"] == 0 and j2["wall"] <= BUILD_S)))
    if "j1" in build:
        j1 = build["j1"]
        rows.append(("Build, `-j 1`", f"{j1['wall']:.1f} s (CPU {j1.get('cpu', float('nan')):.1f} s)", "", f"<= {BUILD_S:.0f} s",
                     status(j1["rc"] == 0 and j1["wall"] <= BUILD_S)))
        same = all(build["identical"].values())
        rows.append(("Build output `-j 1` == `-j 2`, every file byte for byte",
                     "identical" if same else "DIFFERENT: " + ", ".join(k for k, v in build["identical"].items() if not v),
                     "", "identical", status(same)))
    else:
        rows.append(("Build `-j 1` and identity check", "skipped (--quick)", "", f"<= {BUILD_S:.0f} s", "n/a"))
    rows.append(("Peak RSS of the build (`-j 2`)",
                 f"{j2['rss']:.0f} MiB largest process, {j2['tree']:.0f} MiB all processes", "", "(reported)", "n/a"))
    w("## Results\n")
    w("| Measure | speller | Hunspell id_ID | Target | Status |\n|---|---|---|---|---|")
    for row in rows:
        w("| " + " | ".join(row) + " |")
    met = sum("**MET**" in row[4] for row in rows)
    notmet = sum("NOT MET" in row[4] for row in rows)
    w(f"\n{met} targets met, {notmet} not met.\n")

    # ---- details
    w("## Details\n")
    w("### Cold start\n")
    w(f"Whole-process wall time (fork to exit), {cold['speller']['n']} interleaved runs after 2 warm-up runs "
      f"each, output to /dev/null. Input: `{SEED_REL}` ({len(SEED.read_text(encoding='utf-8').split())} words).\n")
    w("| Command | median | min | peak RSS |\n|---|---|---|---|")
    for k, v in cold.items():
        if k in ("cmds", "breakdown"):
            continue
        w(f"| `{cold['cmds'][k]}` | {v['median']:.1f} ms | {v['min']:.1f} ms | {v['rss']:.1f} MiB |")
    if "breakdown" in cold:
        b = cold["breakdown"]
        w("\nInside a fresh interpreter (median of 5): " + ", ".join(f"{k} {v:.0f} ms" for k, v in b.items())
          + f"; the interpreter itself starts in {cold['python -c pass']['median']:.0f} ms.\n")
    w("### Throughput (in-process)\n")
    w("`Speller()` loaded once; each file checked once as warm-up (the first pass), then timed once. "
      "Tokens are word tokens of `speller.tokenize`. *Known words only* is the same text with every flagged span cut "
      "out, so no suggestion is computed: the cost of the per-token path alone. *tokenize only* iterates "
      "`speller.tokenize.tokenize`; *word_spans only* iterates `speller.tokenize.word_spans`, the scanner of "
      "`check`'s fast path (when the library has it).\n")
    w("| File | word tokens | issues | first pass | after warm-up | known words only | tokenize only | "
      "word_spans only |\n|---|---|---|---|---|---|---|---|")
    for name, v in {**thr["files"], "**all**": t}.items():
        cpu = f" ({v['tokens'] / v['warm_cpu']:,.0f}/s CPU)" if v.get("warm_cpu") else ""
        w(f"| {name} | {v['tokens']:,} | {v['issues']} | {v['tokens'] / v['first']:,.0f}/s | "
          f"{v['tokens'] / v['warm']:,.0f}/s{cpu} | {v['clean_tokens'] / v['clean']:,.0f}/s | "
          f"{v['tokens'] / v['tokenize']:,.0f}/s | "
          + (f"{v['tokens'] / v['spans']:,.0f}/s |" if v.get("spans") == v.get("spans") and v.get("spans") else "- |"))
    w("")
    w("### CLI on a large file\n")
    w(f"The three held-out files concatenated and repeated to {big['words']:,} words ({big['tokens']:,} word tokens, "
      f"{big['mb']:.1f} MB), written to a temp dir. `speller check FILE` {big['speller']:.2f} s "
      f"({big['tokens'] / big['speller']:,.0f} tokens/s, peak RSS {big['speller_rss']:.0f} MiB); "
      f"`hunspell -d id_ID -l FILE` {big['hunspell']:.2f} s ({big['tokens'] / big['hunspell']:,.0f} tokens/s, "
      f"peak RSS {big['hunspell_rss']:.0f} MiB). Speller is {ratio:.2f}x as fast"
      + (f" (CPU time: speller {big['speller_cpu']:.2f} s, hunspell {big['hunspell_cpu']:.2f} s, "
         f"{big['hunspell_cpu'] / big['speller_cpu']:.2f}x)" if big.get("speller_cpu") else "")
      + f". Note the file repeats the same "
      "text about 4 times, so speller's suggestion cache is hit after the first copy; Hunspell has no such cache. "
      "Hunspell prints `iconv` errors on characters outside ISO-8859-1 (its dictionary's encoding) and goes on.\n")
    w("### Per misspelled word\n")
    w(f"{words['n']} misspellings: seeded (seed {RNG_SEED}) random single edits (delete, insert, substitute, "
      "transpose) of known lowercase held-out words of length >= 5, kept when the dictionary does not know the result. "
      "Examples: " + ", ".join(f"{a} > {b}" for a, b in words["examples"]) + ". Each sentence is a held-out sentence "
      f"(5-30 words, mean {words['sentence_words']:.0f}) in which speller flags nothing, with the word replaced.\n")
    w("*Cold* is the first lookup of that word in a fresh `Speller` (dictionary loaded, delete index mapped, "
      "per-instance and `context.error_cost` caches empty); *warm* is the same call again. Hunspell (`hunspell -a -i "
      f"utf-8`, one line per round trip through a pipe; a bare pipe round trip costs {words['pipe_rtt_us']:.0f} µs) has "
      "no cache, so it is measured once. The very first suggestion in a fresh `Speller` (maps deletes.tsv and builds "
      f"its sparse index) took {words['first_call_us'] / 1000:.1f} ms.\n")
    w("| Call | median | p90 | p99 | max |\n|---|---|---|---|---|")
    for label, v in (("speller suggest, cold", words["suggest"]["cold"]), ("speller suggest, warm", words["suggest"]["warm"]),
                     ("speller check sentence, cold", words["sentence"]["cold"]),
                     ("speller check sentence, warm", words["sentence"]["warm"]),
                     ("hunspell -a, misspelled word", words["hunspell_suggest"]),
                     ("hunspell -a, one-typo sentence", words["hunspell_sentence"]),
                     ("hunspell -a, the original (speller-known) word", words["hunspell_clean_word"])):
        w(f"| {label} | {_us(v)} | {_us(v, 90)} | {_us(v, 99)} | {max(v):,.0f} µs |")
    w("")
    w("### Memory\n")
    w(f"Peak RSS (`/usr/bin/time -f %M`, i.e. `ru_maxrss` of the command's own process, median of 5) checking `{SEED_REL}`: speller "
      f"{mem['speller']:.1f} MiB, hunspell {mem['hunspell']:.1f} MiB.\n")
    w("### Build\n")
    w(f"`{build['cmd']}` (OUT is a temp dir; SOURCES.md is excluded as it is not news text, like the shipped "
      "dictionary). Peak RSS: `ru_maxrss` of the largest single process, and the summed RSS of the whole process tree "
      "sampled every 50 ms.\n")
    w("| Run | wall | CPU (all processes) | largest process RSS | all processes RSS | exit |\n|---|---|---|---|---|---|")
    for k in ("j2", "j1"):
        if k in build:
            v = build[k]
            w(f"| -j {k[1]} | {v['wall']:.1f} s | {v.get('cpu', float('nan')):.1f} s | {v['rss']:.0f} MiB | "
              f"{v['tree']:.0f} MiB | {v['rc']} |")
    if "identical" in build:
        w("\n-j 1 vs -j 2: " + ", ".join(f"{k} {'identical' if v else 'DIFFERENT'}" for k, v in build["identical"].items()) + ".")
    w("\n-j 2 output vs the shipped `dictionaries/`: " + ", ".join(
        f"{k} {'identical' if v else 'differs'}" for k, v in build["vs_shipped"].items())
      + " (informational: the shipped files may come from an older library).\n")
    w("### Growth\n")
    w("Whole-process wall time and peak RSS of `speller check FILE` and `hunspell -d id_ID -l FILE`; FILE is the "
      "held-out text repeated and cut to the size (so beyond ~1 MB it repeats; speller's suggestion cache helps it "
      "there). Median of 3 runs up to 100 KB, 1 run above. A point whose projected time exceeds the "
      f"per-point budget ({r['budget']:.0f} s) or would push the run past its time limit is not run; its "
      "projection (linear in size) is shown. "
      "See `growth.png`.\n")
    w("| Size | words | speller | speller RSS | hunspell | hunspell RSS | hunspell / speller |\n|---|---|---|---|---|---|---|")
    for g in growth:
        def cell(tool: str) -> str:
            if g.get(tool) is not None:
                cpu = f" (CPU {g[tool + '_cpu']:.2f})" if g.get(tool + "_cpu") else ""
                return f"{g[tool]:.2f} s{cpu}"
            return f"not run (projected {g[tool + '_projected']:.0f} s)"

        rel = f"{g['hunspell'] / g['speller']:.2f}x" if g.get("speller") and g.get("hunspell") else ""
        def rss(tool: str) -> str:
            return f"{g[tool + '_rss']:.0f} MiB" if g.get(tool + "_rss") else "-"

        w(f"| {g['bytes'] / 1e6:g} MB | {g['words']:,} | {cell('speller')} | {rss('speller')} | "
          f"{cell('hunspell')} | {rss('hunspell')} | {rel} |")
    w("\nBuild time against corpus size (`-j 2`, the first k non-held-out files by name):\n")
    w("| files | MB | wall | CPU | largest process RSS | all processes RSS |\n|---|---|---|---|---|---|")
    for g in build["growth"]:
        w(f"| {g['files']} | {g['mb']:.1f} | {g['wall']:.1f} s | {g.get('cpu', float('nan')):.1f} s | "
          f"{g['rss']:.0f} MiB | {g['tree']:.0f} MiB |")
    w("")

    # ---- profile
    w("## Where the time goes\n")
    w("cProfile, written in full to `profile.txt` (top 25 by cumulative time). cProfile adds overhead to "
      "every Python call, so shares matter more than absolute times.\n")
    w(summary(r) + "\n")
    for part, title in (("check", "Cold check of the seed article (fresh interpreter: imports + `Speller()` + `check`)"),
                        ("suggest", f"{prof['walls']['n']} cold suggestions")):
        p = prof[part]
        w(f"**{title}**: wall {prof['walls'][part] * 1000:.0f} ms under the profiler.\n")
        w("| Function (cumulative, includes callees) | time | share | calls |\n|---|---|---|---|")
        for label, cum, share, calls in p["hot"]:
            w(f"| {label} | {cum * 1000:.1f} ms | {share:.0f}% | {calls:,} |")
        w("\nMost own time (tottime): " + "; ".join(f"`{n}` {tt * 1000:.1f} ms" for n, tt, _ in p["tottime"][:6]) + ".\n")
    return "\n".join(L) + "\n"


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--profile-worker":
        profile_worker(argv[1:])
        return
    if argv and argv[0] == "--render-only":  # re-render SPEED.md / growth.png from a saved run
        render(json.loads(Path(argv[1]).read_text()))
        return
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="skip the -j 1 build; growth stops at 10 MB")
    ap.add_argument("--runs", type=int, default=20, help="cold-start runs per command (default 20, min 15)")
    ap.add_argument("--words", type=int, default=1000, help="misspelled words to time (default 1000)")
    ap.add_argument("--point-budget", type=float, default=420.0,
                    help="skip a growth point projected to take longer than this many seconds (default 420)")
    ap.add_argument("--max-minutes", type=float, default=14.5,
                    help="skip growth points that would end the run later than this (default 14.5)")
    args = ap.parse_args(argv)
    args.runs = max(15, args.runs)
    os.chdir(REPO)
    corpus = shared_corpus()
    missing = [n for n in HELD_OUT if not (corpus / n).is_file()]
    if missing or not SEED.is_file() or not shutil.which("hunspell"):
        raise SystemExit(f"need {corpus}/{{{','.join(HELD_OUT)}}}, {SEED} and hunspell on PATH")
    t_start = time.time()
    r: dict = {"command": "python -m benchmarks.speed" + (" " + " ".join(argv) if argv else ""),
               "started": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
               "budget": args.point_budget}
    r["machine"] = machine_facts()
    r["load_start"] = os.getloadavg()
    texts = held_out_texts(corpus)
    base = "".join(t if t.endswith("\n") else t + "\n" for t in texts.values())
    with tempfile.TemporaryDirectory(prefix="speller-speed-") as td:
        tmp = Path(td)
        log("cold start")
        r["cold"] = bench_cold(args.runs)
        log(f"  speller {r['cold']['speller']['median']:.0f} ms, hunspell {r['cold']['hunspell']['median']:.1f} ms")
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
    r["finished"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    r["elapsed"] = time.time() - t_start
    r["load_end"] = os.getloadavg()
    raw = Path(tempfile.gettempdir()) / "speller-speed-last.json"
    raw.write_text(json.dumps(r))  # the raw figures, to re-render with --render-only
    render(r)


def portable(text: str) -> str:
    """`text` with this machine's paths replaced by ones that mean something on any checkout."""
    for path, short in ((shared_corpus(), "../shared/corpus"), (REPO, "."), (Path(sys.prefix), "$PREFIX"),
                        (Path(tempfile.gettempdir()), "$TMP")):
        text = text.replace(str(path), short)
    return text


def render(r: dict) -> None:
    stamp = f"{r['started']}, {r['machine']['cpu']}, git {r['machine']['git']}"
    plot(r["growth"], r["build"], OUT / "growth.png", stamp)
    (OUT / "SPEED.md").write_text(portable(report(r)), encoding="utf-8")
    log(f"wrote {OUT / 'SPEED.md'}, growth.png, profile.txt in {r['elapsed'] / 60:.1f} min")


if __name__ == "__main__":
    main()
