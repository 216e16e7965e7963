"""Run the spelling benchmark: speller and its peers on the labelled data, plus speed.

    python -m benchmarks.run            # full run, writes benchmarks/RESULTS.md and benchmarks/precision_recall.png
    python -m benchmarks.run --quick    # smaller synthetic set, fewer timing repeats

Data sets (see benchmarks/README.md):
  dev / test           held-out news articles of benchmarks/data/scope.jsonl (seeds excluded)
  test (full-read)     the test articles a person read in full: the most trustworthy precision
  seeds                the 5 seed articles in corpus/seeds (all labelled dev; the developers have seen them)
  synthetic dev/test   seeded errors injected into clean sentences of the dev / test articles
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO

from speller.tokenize import WORD, Token, tokenize

from .environment import machine_facts, shared_dir, speller_bin
from .metrics import Flag, GoldError, Scores, judged_flags, match, pr_curve, score
from .synthetic import SyntheticSet, clean_sentences, inject

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
DATA = BENCH / "data"
SEED_FILE = "corpus/seeds/000_67e3d4a227abfabd.txt"
SYNTHETIC_SEED = 20251122


def resolve(rel: str) -> Path:
    """`seeds/x` -> <repo>/corpus/seeds/x; `corpus/x` -> <shared>/corpus/x."""
    if rel.startswith("seeds/"):
        return REPO / "corpus" / rel
    return shared_dir() / rel


_TEXTS: dict[str, str] = {}


def text_of(rel: str) -> str:
    if rel not in _TEXTS:
        with open(resolve(rel), encoding="utf-8", newline="") as f:
            _TEXTS[rel] = f.read()
    return _TEXTS[rel]


# -- data ------------------------------------------------------------------------------------


@dataclass(slots=True)
class DataSet:
    """Texts, the scored spans in them, and the gold errors inside those spans."""

    name: str
    texts: dict[str, str]
    scopes: dict[str, list[tuple[int, int]]]
    gold: list[GoldError]
    note: str = ""
    words: dict[str, list[Token]] = field(default_factory=dict)  # word tokens in scope, per file

    def __post_init__(self) -> None:
        for file, spans in self.scopes.items():
            spans.sort()
            self.words[file] = _inside([t for t in _tokens(file, self.texts[file]) if t.kind == WORD], spans)

    @property
    def tokens(self) -> int:
        return sum(len(v) for v in self.words.values())

    def in_scope(self, flags: Iterable[Flag]) -> list[Flag]:
        out = []
        for f in flags:
            spans = self.scopes.get(f.file)
            if spans and any(a < f.end and f.start < b for a, b in spans):
                out.append(f)
        return out


_TOKENS: dict[tuple[str, int], list[Token]] = {}


def _tokens(file: str, text: str) -> list[Token]:
    key = (file, len(text))
    if key not in _TOKENS:
        _TOKENS[key] = list(tokenize(text))
    return _TOKENS[key]


def _inside(tokens: list[Token], spans: list[tuple[int, int]]) -> list[Token]:
    """Tokens wholly inside one of the sorted spans (a sweep)."""
    out, j = [], 0
    for t in tokens:
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        if j < len(spans) and spans[j][0] <= t.start and t.end <= spans[j][1]:
            out.append(t)
    return out


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_data(data_dir: Path, problems: list[str]) -> tuple[list[dict], list[dict]]:
    """errors.jsonl and scope.jsonl rows; rows whose offsets do not slice to `wrong` are dropped and reported."""
    errors = read_jsonl(data_dir / "errors.jsonl")
    scope_file = data_dir / "scope.jsonl"
    scope = read_jsonl(scope_file) if scope_file.is_file() else []
    good = []
    for r in errors:
        try:
            t = text_of(r["file"])
        except OSError as e:
            problems.append(f"{r['file']}: cannot read ({e})")
            continue
        if t[r["start"] : r["end"]] != r["wrong"]:
            problems.append(f"offsets do not slice to `wrong`, row dropped: {r}")
            continue
        good.append(r)
    return good, scope


def build_sets(errors: list[dict], scope: list[dict], problems: list[str]) -> dict[str, DataSet]:
    """dev, test, test (full-read) and seeds."""
    gold_rows = [
        GoldError(r["file"], r["start"], r["end"], r["wrong"], r["correct"], r["category"], r.get("split", ""))
        for r in errors
    ]
    seed_files = sorted(
        {g.file for g in gold_rows if g.file.startswith("seeds/")}
        | {r["file"] for r in scope if r["file"].startswith("seeds/")}
    )
    scoped_seed = {r["file"] for r in scope if r["file"].startswith("seeds/")}
    rows = [r for r in scope if not r["file"].startswith("seeds/")]
    for f in seed_files:
        if f not in scoped_seed:  # a seed without a scope row is labelled in full
            rows.append({"file": f, "start": 0, "end": len(text_of(f)), "split": "dev", "method": "full-read"})
    rows += [r for r in scope if r["file"].startswith("seeds/")]

    def make(name: str, keep: Callable[[dict], bool], note: str) -> DataSet:
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for r in rows:
            if keep(r):
                spans[r["file"]].append((r["start"], r["end"]))
        gold = [g for g in gold_rows if any(a <= g.start and g.end <= b for a, b in spans.get(g.file, ()))]
        return DataSet(name, {f: text_of(f) for f in spans}, dict(spans), gold, note)

    held = lambda r: not r["file"].startswith("seeds/")  # noqa: E731
    sets = {
        "dev": make("dev", lambda r: held(r) and r["split"] == "dev", "held-out articles, dev split (tune here)"),
        "test": make(
            "test", lambda r: held(r) and r["split"] == "test", "held-out articles, test split (measure only)"
        ),
        "test-full": make(
            "test (full-read)",
            lambda r: held(r) and r["split"] == "test" and r.get("method") == "full-read",
            "test articles a person read in full: every error labelled, so precision is exact",
        ),
        "seeds": make("seeds", lambda r: not held(r), "the 5 seed articles (known to the developers)"),
    }
    placed = {id(g) for s in ("dev", "test", "seeds") for g in sets[s].gold}
    for g in gold_rows:
        if id(g) not in placed:
            problems.append(f"gold row outside every scope span, not scored: {g}")
    for s in ("dev", "test"):
        for g in sets[s].gold:
            if g.split and g.split != s:
                problems.append(f"gold row split {g.split} inside a {s} article: {g}")
    return sets


def synthetic_sets(sets: dict[str, DataSet], known: Callable[[str], bool], max_sentences: int) -> dict[str, DataSet]:
    out = {}
    for i, split in enumerate(("dev", "test")):
        base = sets[split]
        sentences: list[str] = []
        for file in sorted(base.scopes):
            bad = [(g.start, g.end) for g in base.gold if g.file == file]
            sentences += clean_sentences(base.texts[file], base.scopes[file], bad)
        syn: SyntheticSet = inject(
            sentences,
            SYNTHETIC_SEED + i,
            file=f"synthetic/{split}",
            split=split,
            known=known,
            max_sentences=max_sentences,
        )
        ops = ", ".join(f"{k} {v}" for k, v in sorted(syn.ops.items()))
        out[f"syn-{split}"] = DataSet(
            f"synthetic ({split} articles)",
            {syn.file: syn.text},
            {syn.file: [(0, len(syn.text))]},
            syn.gold,
            f"{len(syn.gold)} sentences from clean {split} articles, one injected error each (seed "
            f"{SYNTHETIC_SEED + i}; {ops})",
        )
    return out


# -- systems ---------------------------------------------------------------------------------


class SpellerSystem:
    """speller's Speller.check on whole files, flags kept inside the scope."""

    def __init__(self, name: str, speller) -> None:  # noqa: ANN001
        self.name = name
        self.speller = speller
        self._cache: dict[tuple[str, int], list[Flag]] = {}

    def run(self, ds: DataSet) -> list[Flag]:
        flags: list[Flag] = []
        for file, text in ds.texts.items():
            key = (file, len(text))
            if key not in self._cache:
                self._cache[key] = [
                    Flag(file, i.start, i.end, i.word, tuple(i.suggestions), i.category, i.confidence, i.flagged)
                    for i in self.speller.check(text)
                ]
            flags += self._cache[key]
        return ds.in_scope(flags)


class PeerSystem:
    """A word-level peer on the same word tokens; suggestions are asked for flags that hit a gold error.

    Suggestions on false alarms enter no metric, and pyspellchecker spends ~0.3 s on each
    unknown long word at distance 2, so they are not computed.
    """

    def __init__(self, peer) -> None:  # noqa: ANN001
        self.peer = peer
        self.name = peer.name

    def run(self, ds: DataSet) -> list[Flag]:
        tokens = [(f, t) for f, ts in ds.words.items() for t in ts]
        verdict = self.peer.flagged(t.text for _, t in tokens)
        flagged = [(f, t) for f, t in tokens if verdict[t.text]]
        bare = [Flag(f, t.start, t.end, t.text) for f, t in flagged]
        hits, _ = match(ds.gold, bare)
        want = {(fl.file, fl.start) for fs in hits.values() for fl in fs}
        sugg = self.peer.suggestions(dict.fromkeys(t.text for f, t in flagged if (f, t.start) in want))
        return [
            Flag(f, t.start, t.end, t.text, sugg.get(t.text, ()) if (f, t.start) in want else ()) for f, t in flagged
        ]


def calibration(
    gold: Sequence[GoldError], flags: Sequence[Flag], flagged: bool = False
) -> dict[float, tuple[int, int]]:
    """Lower band edge (0.0, 0.1, ... 0.9) -> (flags in the band, flags among them that hit a gold error); with
    `flagged`, only the flags the model flags (`Flag.flagged`: those shown by default, whatever their confidence); the
    flags the labels cannot judge (`judged_flags`) are left out."""
    flags = judged_flags(gold, flags)
    hits, _ = match(gold, flags)
    hit = {(f.file, f.start, f.end) for fs in hits.values() for f in fs}
    out: dict[float, tuple[int, int]] = {}
    for f in flags:
        if flagged and not f.flagged:
            continue
        edge = min(int(f.confidence * 10 + 1e-9), 9) / 10
        n, good = out.get(edge, (0, 0))
        out[edge] = (n + 1, good + ((f.file, f.start, f.end) in hit))
    return out


def fix_share(gold: Sequence[GoldError], flags: Sequence[Flag], threshold: float) -> tuple[int, float]:
    """(flags at or above `threshold`, the share of them that hit a gold error): what `fix` would apply, but the flags
    the labels cannot judge (`judged_flags`)."""
    sure = judged_flags(gold, [f for f in flags if f.confidence >= threshold])
    hits, _ = match(gold, sure)
    hit = {(f.file, f.start, f.end) for fs in hits.values() for f in fs}
    return len(sure), (sum((f.file, f.start, f.end) in hit for f in sure) / len(sure) if sure else 0.0)


# -- speed -----------------------------------------------------------------------------------


def _wall(cmd: list[str], stdin_path: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process.

    The RSS comes from /usr/bin/time when present: a child forked straight from this (large)
    Python process inherits its high-water mark across exec, which would inflate the figure.
    """
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    stdin: IO[bytes] | int = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
            full = [timer, "-o", rss.name, "-f", "%M", *cmd] if timer else cmd
            t0 = time.perf_counter()
            p = subprocess.Popen(full, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
            _, status, usage = os.wait4(p.pid, 0)
            dt = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss
            if timer:
                lines = [ln for ln in Path(rss.name).read_text().split() if ln.isdigit()]
                peak = int(lines[-1]) if lines else peak
    finally:
        if not isinstance(stdin, int):
            stdin.close()
    return dt, peak


def speed(speller, sets: dict[str, DataSet], repeats: int) -> dict[str, str]:  # noqa: ANN001
    out: dict[str, str] = {}
    # warm: load the lazily mapped index and bigrams before timing
    speller.check(text_of("seeds/" + Path(SEED_FILE).name))
    clean = []
    for key in ("dev", "test"):
        ds = sets[key]
        for file, spans in ds.scopes.items():
            for a, b in spans:
                if not any(g.file == file and a <= g.start < b for g in ds.gold):
                    clean.append(ds.texts[file][a:b])
    ntok = sum(1 for t in clean for tok in tokenize(t) if tok.kind == WORD)
    t0 = time.perf_counter()
    for t in clean:
        speller.check(t)
    dt = time.perf_counter() - t0
    out["check"] = (
        f"{ntok / dt:,.0f} word tokens/s ({ntok:,} tokens in {len(clean)} clean scope articles, "
        f"{dt:.2f} s, one thread, dictionary preloaded)"
    )
    wrong = [g.wrong for k in ("dev", "test", "seeds") for g in sets[k].gold]
    t0 = time.perf_counter()
    for w in wrong:
        speller.suggest(w)
    dt = time.perf_counter() - t0
    out["suggest"] = (
        f"{len(wrong) / dt:,.0f} words/s (`Speller.suggest` on the {len(wrong)} gold wrong strings, {dt:.2f} s)"
    )
    exe = speller_bin()
    runs = [_wall([exe, "check", SEED_FILE]) for _ in range(repeats)]
    out["cold"] = (
        f"{statistics.median(r[0] for r in runs):.3f} s median of {repeats} "
        f"(`speller check {SEED_FILE}`, new process each time)"
    )
    out["rss"] = f"{max(r[1] for r in runs) / 1024:.0f} MiB (peak RSS of that process, `/usr/bin/time -f %M`)"
    hun = shutil.which("hunspell")
    if hun:
        runs = [_wall([hun, "-d", "id_ID", "-l"], REPO / SEED_FILE) for _ in range(repeats)]
        out["hunspell_cold"] = (
            f"{statistics.median(r[0] for r in runs):.3f} s median of {repeats} "
            f"(`hunspell -d id_ID -l < {SEED_FILE}`), peak RSS {max(r[1] for r in runs) / 1024:.0f} MiB"
        )
    return out


# -- machine ---------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    """The machine, the peers' versions and the commit, as (label, value) rows."""
    facts = machine_facts()
    versions = []
    for pkg in ("speller", "symspellpy", "pyspellchecker", "editdistpy", "regex", "matplotlib"):
        try:
            versions.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{pkg} (missing)")
    hunspell = facts["hunspell"] if facts["hunspell"] != "?" else "missing"
    if "really" in hunspell:
        hunspell = hunspell.split("(but really ")[-1].rstrip(")")
    return [
        ("CPU", f"{facts['cpu']}, {facts['cores']} logical cores"),
        ("RAM", facts["ram"]),
        ("OS", facts["os"]),
        ("Python", facts["python"]),
        ("hunspell", f"{hunspell}, hunspell-id {facts['hunspell_id'] or '?'}"),
        ("packages", ", ".join(versions)),
        ("repo", f"commit {facts['git'] or '?'}{' + uncommitted changes in speller/' if facts['dirty'] else ''}"),
    ]


# -- report ----------------------------------------------------------------------------------


def pct(x: float) -> str:
    return f"{100 * x:.1f}"


def table(ds: DataSet, results: list[tuple[str, Scores]]) -> list[str]:
    lines = [
        f"### {ds.name}",
        "",
        f"{ds.note}. {len(ds.gold)} gold errors, {ds.tokens:,} word tokens, "
        f"{sum(len(v) for v in ds.scopes.values())} scope spans in {len(ds.scopes)} files.",
        "",
        "| system | P | R | F1 | top-1 | top-3 | top-1 of all | top-1 any case | false alarms /1k tokens | flags "
        "| not judged | tokens |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in results:
        lines.append(
            f"| {name} | {pct(s.precision)} | {pct(s.recall)} | {pct(s.f1)} | {pct(s.top1)} | {pct(s.top3)} | "
            f"{pct(s.top1_all)} | {pct(s.top1_nocase)} | {s.fa_per_1k:.2f} | {s.flags} | {s.unjudged} | "
            f"{s.tokens:,} |"
        )
    lines += _by_category("Recall by gold category (hit / total):", [(n, s.recall_by_category) for n, s in results])
    lines += _by_category(
        "Precision by speller's category (gold hit / flags of that category that hit or missed):",
        [(n, s.precision_by_category) for n, s in results if s.precision_by_category],
    )
    return lines + [""]


def _by_category(title: str, rows: list[tuple[str, dict]]) -> list[str]:
    """A table of rates (`rate (hit/total)`) with one row per system and one column per category."""
    cats = sorted({c for _, by in rows for c in by})
    if not cats:
        return []
    lines = ["", title, "", "| system | " + " | ".join(cats) + " |", "|---|" + "---:|" * len(cats)]
    for name, by in rows:
        cells = [f"{pct(by[c].rate)} ({by[c].hit}/{by[c].total})" if c in by else "" for c in cats]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def error_lists(s: Scores, top: int = 30) -> list[str]:
    fa: dict[str, list[Flag]] = defaultdict(list)
    for f in s.false_alarms:
        fa[f.word].append(f)
    lines = [
        f"#### False alarms on test, by word (top {top} of {len(fa)} words, {len(s.false_alarms)} flags)",
        "",
        "| word | count | category | confidence | first suggestion |",
        "|---|---:|---|---:|---|",
    ]
    for word, fs in sorted(fa.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))[:top]:
        f = fs[0]
        lines.append(
            f"| {word} | {len(fs)} | {f.category} | {f.confidence:.2f} | {f.suggestions[0] if f.suggestions else ''} |"
        )
    miss = Counter((g.wrong, g.correct, g.category) for g in s.misses)
    lines += [
        "",
        f"#### Misses on test (top {top} of {len(miss)} distinct, {len(s.misses)} errors)",
        "",
        "| wrong | correct | category | count |",
        "|---|---|---|---:|",
    ]
    for (w, c, cat), n in sorted(miss.items(), key=lambda kv: (-kv[1], kv[0][0].lower()))[:top]:
        lines.append(f"| {w} | {c} | {cat} | {n} |")
    wrong = Counter((g.wrong, g.correct, sug[0] if sug else "(none)") for g, sug in s.wrong_fixes)
    lines += [
        "",
        f"#### Detected but top-1 suggestion wrong on test ({len(s.wrong_fixes)} errors)",
        "",
        "| wrong | correct | speller's top-1 | count |",
        "|---|---|---|---:|",
    ]
    for (w, c, got), n in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0][0].lower()))[:top]:
        lines.append(f"| {w} | {c} | {got} | {n} |")
    return lines + [""]


def plot(
    curves: dict[str, list[tuple[float, float, float]]],
    points: dict[str, dict[str, Scores]],
    path: Path,
    shipped: dict[str, Scores],
) -> None:
    """The precision-recall curves of `min_confidence` thresholds, the shipped default (what is shown by default) as a
    star and the peers' `points`, per split, drawn to `path`."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 5.5))
    colors = {"dev": "tab:blue", "test": "tab:red"}
    for split, curve in curves.items():
        rs = [r for _, _, r in curve]
        ps = [p for _, p, _ in curve]
        ax.plot(rs, ps, "-o", color=colors[split], label=f"speller, {split} (confidence threshold)", markersize=4)
        for t, p, r in curve:
            ax.annotate(f"{t:.2f}", (r, p), textcoords="offset points", xytext=(4, 4), fontsize=7, color=colors[split])
        if split in shipped:
            ax.scatter(
                [shipped[split].recall],
                [shipped[split].precision],
                marker="*",
                s=160,
                color=colors[split],
                zorder=5,
                label=f"speller default (what is shown by default), {split}",
            )
    markers = ["s", "^", "D", "v", "P"]
    for split, systems in points.items():
        for (name, s), m in zip(systems.items(), markers):
            ax.scatter(
                [s.recall],
                [s.precision],
                marker=m,
                color=colors[split],
                facecolors="none" if split == "dev" else colors[split],
                s=60,
                label=f"{name}, {split}",
            )
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.grid(alpha=0.3)
    ax.set_title("Detection precision vs recall, held-out news (speller default categories)")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(0.01, 0.33), framealpha=0.9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# -- main ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller synthetic set and 3 timing repeats")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with errors.jsonl and scope.jsonl")
    ap.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    ap.add_argument("--png", type=Path, default=BENCH / "precision_recall.png")
    args = ap.parse_args(argv)
    began = time.perf_counter()
    started = datetime.now(UTC)

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f}s] {msg}", file=sys.stderr, flush=True)

    from speller.calibration import FLOOR_KEPT, UNFIXED
    from speller.checker import CATEGORIES, DEFAULT_CATEGORIES, FIX_CONFIDENCE, Speller
    from speller.dictionary import Dictionary

    from .calibrate import CALIBRATED, DECISION_FILES
    from .peers import Hunspell, PlainSymSpell, PySpell, read_counts

    problems: list[str] = []
    errors, scope = load_data(args.data, problems)
    sets = build_sets(errors, scope, problems)
    log(f"loaded {len(errors)} gold rows, {len(scope)} scope rows")

    dictionary = Dictionary()
    default = Speller(dictionary, categories=DEFAULT_CATEGORIES)
    everything = Speller(dictionary, categories=CATEGORIES)
    counts = read_counts(dictionary.path / "words.tsv")
    # a synthetic typo that spells a word of the shared word list would be a real-word error: rejected
    sets.update(synthetic_sets(sets, counts.__contains__, 150 if args.quick else 600))
    log("built data sets: " + ", ".join(f"{k} {len(v.gold)}/{v.tokens}" for k, v in sets.items()))

    shown = ", ".join(c for c in CATEGORIES if c in DEFAULT_CATEGORIES)
    systems = [
        SpellerSystem(f"speller (default: {shown}; what is shown by default)", default),
        SpellerSystem("speller (all categories incl. real_word; what is shown by default)", everything),
    ]
    peers: list = []
    try:
        peers.append(PeerSystem(Hunspell()))
    except RuntimeError as e:
        problems.append(f"Hunspell skipped: {e}")
    peers += [PeerSystem(PlainSymSpell(counts)), PeerSystem(PySpell(counts))]
    systems += peers

    order = ["test", "test-full", "dev", "seeds", "syn-test", "syn-dev"]
    results: dict[str, list[tuple[str, Scores]]] = {}
    flags_of: dict[tuple[str, str], list[Flag]] = {}
    for key in order:
        ds = sets[key]
        results[key] = []
        for sysm in systems:
            t0 = time.perf_counter()
            flags = sysm.run(ds)
            flags_of[(key, sysm.name)] = flags
            results[key].append((sysm.name, score(ds.gold, flags, ds.tokens)))
            log(f"{key}: {sysm.name} {len(flags)} flags in {time.perf_counter() - t0:.1f}s")

    # the curve needs every issue, so one more speller with no confidence floor (default categories)
    unfloored = SpellerSystem(
        "speller (no confidence floor)", Speller(dictionary, categories=DEFAULT_CATEGORIES, min_confidence=0.0)
    )
    every = {k: unfloored.run(sets[k]) for k in ("dev", "test")}
    curves = {k: pr_curve(sets[k].gold, every[k]) for k in ("dev", "test")}
    bands = {k: calibration(sets[k].gold, every[k], flagged=True) for k in ("dev", "test")}
    log("curves")
    from .blindspots import measure as blind_spots

    blind = blind_spots(default, hunspell=peers[0].peer if peers and peers[0].name.startswith("Hunspell") else None)
    log("blind spots")
    from .blindspots import REPORT_SEED, speller_cases
    from .slips_in_context import run as slips_in_context

    # a fresh checker: the slips' sentences take their own bigrams out of the dictionary while checked
    in_context = Speller(dictionary, categories=DEFAULT_CATEGORIES)
    slips = slips_in_context(in_context, speller_cases(in_context, REPORT_SEED))
    log("slips in context")
    points = {k: {n: s for n, s in results[k][1:]} for k in ("dev", "test")}
    plot(curves, points, args.png, {k: results[k][0][1] for k in ("dev", "test")})
    log("plotted")
    # a fresh checker over the loaded dictionary: the one above has already seen these texts
    spd = speed(Speller(dictionary, categories=DEFAULT_CATEGORIES), sets, 3 if args.quick else 10)
    log("timed")

    elapsed = time.perf_counter() - began
    command = "python -m benchmarks.run" + ("" if not sys.argv[1:] else " " + " ".join(sys.argv[1:]))
    out = [
        "# Benchmark results",
        "",
        f"Generated by `{command}` on {started:%Y-%m-%d %H:%M} UTC in {elapsed:.0f} s"
        f"{' (quick mode: smaller synthetic sets, 3 timing repeats)' if args.quick else ''}. "
        "Do not edit by hand; see benchmarks/README.md for what each number means.",
        "",
        "All numbers are percentages except false alarms per 1,000 word tokens, flags and tokens. "
        "P/R/F1 = detection precision/recall/F1 over gold error spans; top-1/top-3 = share of *detected* errors "
        "whose first (first three) suggestions give the exact, case-sensitive correction; top-1 of all = the same "
        "over all gold errors; top-1 any case = top-1 ignoring case.",
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in machine()],
        "",
        "## Speed (same run)",
        "",
        f"- check throughput: {spd['check']}",
        f"- suggestions: {spd['suggest']}",
        f"- cold start: {spd['cold']}",
        f"- peak memory: {spd['rss']}",
    ]
    if "hunspell_cold" in spd:
        out.append(f"- hunspell cold start: {spd['hunspell_cold']}")
    out += ["", "## Real errors (hand-labelled)", ""]
    for key in ("test", "test-full", "dev", "seeds"):
        out += table(sets[key], results[key])
    out += ["## Synthetic errors (injected; report apart from the real errors)", ""]
    for key in ("syn-test", "syn-dev"):
        out += table(sets[key], results[key])
    out += [
        "## Precision vs recall",
        "",
        f"![precision vs recall]({args.png.name})",
        "",
        "speller (default categories) keeping only issues with confidence >= threshold: what `min_confidence` "
        "would give (the default shows instead the findings at least 0.5 sure and the names the model flags: the first "
        "speller row of the tables above):",
        "",
        "| threshold | dev P | dev R | test P | test R |",
        "|---:|---:|---:|---:|---:|",
    ]
    dev_c = {t: (p, r) for t, p, r in curves["dev"]}
    test_c = {t: (p, r) for t, p, r in curves["test"]}
    for t in sorted(set(dev_c) | set(test_c), reverse=True):
        d = dev_c.get(t)
        s = test_c.get(t)
        out.append(
            f"| {t:.2f} | {pct(d[0]) if d else ''} | {pct(d[1]) if d else ''} | "
            f"{pct(s[0]) if s else ''} | {pct(s[1]) if s else ''} |"
        )
    out += [
        "",
        "## Calibration",
        "",
        "Flags of speller (default categories, what is shown by default: every flag a user sees) by reported "
        "confidence band, those under 0.50 too: the share that hit a real (gold) error. The reported confidence of "
        "nonstandard, spacing and real_word findings is "
        "calibrated on dev and on the judged flags of the unseen-news decision files "
        f"({', '.join(DECISION_FILES)}; dictionaries/calibration.tsv, `python -m benchmarks.calibrate`); typo "
        "findings keep the model's posterior, except the kinds fitted too (`benchmarks.calibrate.CALIBRATED`: "
        f"{', '.join(sorted(c for c in CALIBRATED if c.startswith('typo:')))}). A finding is shown when its "
        "reported confidence reaches 0.50 (a typo's posterior too); a typo the model flags (posterior 0.50 or more) "
        "under that is shown only when it is of a kind the calibration keeps "
        f"({', '.join(sorted(FLOOR_KEPT))}: `speller.calibration.flagged`), and reports what its steps say. The kinds "
        f"`fix` leaves to the writer ({', '.join(sorted(UNFIXED))}) are held just under its threshold "
        f"(`speller.calibration`). `fix` applies flags at or above its threshold ({FIX_CONFIDENCE:.2f}).",
        "",
        "| confidence | dev flags | dev real errors | test flags | test real errors |",
        "|---|---:|---:|---:|---:|",
    ]
    for low_edge in sorted(set(bands["dev"]) | set(bands["test"]), reverse=True):
        dv, tv = bands["dev"].get(low_edge, (0, 0)), bands["test"].get(low_edge, (0, 0))
        out.append(
            f"| {low_edge:.1f}-{low_edge + 0.1:.1f} | {dv[0]} | {pct(dv[1] / dv[0]) if dv[0] else ''} | "
            f"{tv[0]} | {pct(tv[1] / tv[0]) if tv[0] else ''} |"
        )
    applied = {k: fix_share(sets[k].gold, every[k], FIX_CONFIDENCE) for k in ("dev", "test")}
    out.append(
        f"| applied by `fix` (>= {FIX_CONFIDENCE:.2f}) | {applied['dev'][0]} | {pct(applied['dev'][1])} | "
        f"{applied['test'][0]} | {pct(applied['test'][1])} |"
    )
    out += [
        "",
        "## Blind spots",
        "",
        "Random slips of frequent words, names and inflected forms "
        "(`python -m benchmarks.blindspots`; see its docstring).",
        "",
    ] + blind
    out += [
        "",
        f"The single-edit slips of frequent words and inflected forms above (seed {REPORT_SEED}), each also put "
        "into up to three build-corpus sentences where its word stands between lowercase words, the sentence's own "
        "bigrams taken out while it is checked (`python -m benchmarks.slips_in_context`; see its docstring):",
        "",
    ] + slips
    out += ["", f"## Where speller goes wrong on the test split ({systems[0].name})", ""]
    out += error_lists(results["test"][0][1])
    if problems:
        out += ["## Data problems", ""] + [f"- {p}" for p in problems[:50]]
        if len(problems) > 50:
            out.append(f"- ... and {len(problems) - 50} more")
        out.append("")
    args.out.write_text("\n".join(out), encoding="utf-8")
    log(f"wrote {args.out} and {args.png} in {elapsed:.0f}s")
    # headline on stdout
    for key in ("test", "test-full", "seeds", "syn-test"):
        print(f"== {sets[key].name}")
        for name, sc in results[key]:
            print(
                f"  {name[:45]:45s} P {pct(sc.precision):>5} R {pct(sc.recall):>5} F1 {pct(sc.f1):>5} "
                f"top1 {pct(sc.top1):>5} top3 {pct(sc.top3):>5} FA/1k {sc.fa_per_1k:6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
