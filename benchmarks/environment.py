"""Where a benchmark runs: the checkout, the shared corpus, the installed command and the machine.

Shared by `benchmarks.run` (accuracy) and `benchmarks.speed` (speed), so both describe the
machine the same way and find the same files.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared folder that holds corpus/: $SPELLER_SHARED, else `shared/` beside the checkout."""
    env = os.environ.get("SPELLER_SHARED")
    return Path(env) if env else REPO.parent / "shared"


#: Corpus files the shipped dictionary is built without (README: `speller build ... --exclude`): the dev and test
#: articles come from them.
HELD_OUT = ("antara-2025.txt", "detik-sentimen.txt", "scrapy-news-2020.txt")


def shared_corpus() -> Path:
    """The shared news corpus ($SPELLER_SHARED may also name the corpus folder itself)."""
    env = os.environ.get("SPELLER_SHARED")
    if env and not (Path(env) / "corpus").is_dir():
        return Path(env)
    return shared_dir() / "corpus"


def speller_bin() -> str:
    """The console script installed beside this interpreter (not a pyenv shim)."""
    here = Path(sys.executable).parent / "speller"
    if here.is_file():
        return str(here)
    found = shutil.which("speller")
    if not found:
        raise SystemExit("speller console script not found; pip install -e .")
    return found


def command_output(cmd: list[str]) -> str:
    """Stripped standard output of `cmd` run in the checkout; "?" when it cannot run."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30, cwd=REPO, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return "?"
    return done.stdout.strip()


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file, "?" when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "?"


def machine_facts() -> dict:
    """CPU, cores, RAM, OS, Python, Hunspell, the checkout's commit and the dictionary it checks with."""
    mem = _proc_field("/proc/meminfo", "MemTotal")
    hunspell = command_output(["hunspell", "-v"]).splitlines()
    dictionary = REPO / "dictionaries"
    try:
        meta = json.loads((dictionary / "meta.json").read_text())
    except (OSError, ValueError):
        meta = {}
    return {
        "cpu": _proc_field("/proc/cpuinfo", "model name") or "?",
        "cores": os.cpu_count(),
        "ram": f"{int(mem.split()[0]) / 1024 / 1024:.1f} GiB" if mem else "?",
        "os": platform.platform(),
        "python": platform.python_version(),
        "hunspell": hunspell[0] if hunspell else "?",
        "hunspell_id": command_output(["dpkg-query", "-W", "-f", "${Version}", "hunspell-id"]),
        "git": command_output(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]),
        "dirty": bool(command_output(["git", "-C", str(REPO), "status", "--porcelain", "--", "speller"])),
        "dict_words": meta.get("words"),
        "dict_words_sha": sha256_of(dictionary / "words.tsv")[:12],
        "dict_deletes_sha": sha256_of(dictionary / "deletes.tsv")[:12],
    }


def portable(text: str) -> str:
    """`text` with this machine's paths replaced by ones that mean something on any checkout."""
    for path, short in (
        (shared_corpus(), "../shared/corpus"),
        (REPO, "."),
        (Path(sys.prefix), "$PREFIX"),
        (Path(sys.base_prefix), "$BASE_PREFIX"),  # the standard library, outside a virtual environment
        (Path(tempfile.gettempdir()), "$TMP"),
    ):
        text = text.replace(str(path), short)
    return text
