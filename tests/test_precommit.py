"""The pre-commit hooks end to end: a real `git commit` in a temporary repository runs them.

The hooks repository is a snapshot of this checkout's working tree (package, pyproject.toml,
.pre-commit-hooks.yaml) committed to a temporary git repository, so the test covers the files
as they are on disk, committed or not. pre-commit installs the package from it with pip
(PyPI must be reachable). HOME and PRE_COMMIT_HOME point into the test's temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE", "speller")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def _git_repo(path: Path, env: dict[str, str]) -> None:
    path.mkdir()
    _run(["git", "init", "-q", "-b", "main"], path, env)


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Commit the hook-relevant files of this checkout to a new repository at `dest`; returns the commit."""
    _git_repo(dest, env)
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    _run(["git", "add", "-A"], dest, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], dest, env)
    return _run(["git", "rev-parse", "HEAD"], dest, env).stdout.strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A git repository with the speller hooks installed; the hooks' environment is built once."""
    base = tmp_path_factory.mktemp("precommit")
    home = base / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV"))}
    env.update(
        HOME=str(home),
        PRE_COMMIT_HOME=str(base / "cache"),
        XDG_CACHE_HOME=str(base / "xdg-cache"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.com",
        # The package does not install the dictionary data; use this checkout's.
        SPELLER_DICTIONARY=str(ROOT / "dictionaries"),
    )
    rev = _snapshot(base / "hooks", env)
    repo = base / "project"
    _git_repo(repo, env)
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {(base / 'hooks').as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: speller\n"
        "      - id: speller-fix\n"
        "        stages: [manual]\n",
        encoding="utf-8",
    )
    _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    _run([sys.executable, "-m", "pre_commit", "install-hooks"], repo, env)
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    _run(["git", "commit", "-q", "-m", "config"], repo, env)
    return repo, env


def test_commit_with_typo_fails_clean_commit_passes(project: tuple[Path, dict[str, str]]):
    repo, env = project
    (repo / "berita.txt").write_text("Roket itu terbang di luar angksa.\n", encoding="utf-8")
    (repo / "kode.py").write_text("angksa = 1\n", encoding="utf-8")  # not a text file for the hook
    _run(["git", "add", "berita.txt", "kode.py"], repo, env)
    failed = _run(["git", "commit", "-m", "typo"], repo, env, check=False)
    out = failed.stdout + failed.stderr
    assert failed.returncode != 0, out
    assert "berita.txt:1:27: angksa -> angkasa" in out
    assert "kode.py" not in out

    (repo / "berita.txt").write_text("Roket itu terbang di luar angkasa.\n", encoding="utf-8")
    (repo / "CATATAN.md").write_text("# Catatan\n\nKode `angksa` tidak diperiksa.\n", encoding="utf-8")
    _run(["git", "add", "berita.txt", "CATATAN.md"], repo, env)
    passed = _run(["git", "commit", "-m", "clean"], repo, env, check=False)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "speller (Indonesian spelling)" in passed.stdout + passed.stderr


def test_fix_hook_rewrites_the_file(project: tuple[Path, dict[str, str]]):
    repo, env = project
    target = repo / "salah.md"
    target.write_text("# Judul\n\nDi luar angksa ada `angksa`.\n", encoding="utf-8")
    _run(["git", "add", "salah.md"], repo, env)
    done = _run([sys.executable, "-m", "pre_commit", "run", "--hook-stage", "manual", "speller-fix",
                 "--files", "salah.md"], repo, env, check=False)
    assert done.returncode != 0  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in done.stdout
    assert target.read_text(encoding="utf-8") == "# Judul\n\nDi luar angkasa ada `angksa`.\n"
