"""The README's pre-commit snippets, run as written: a real `git commit` in a temporary repository.

- The repository snippet: its `repo:` address is replaced by a snapshot of this checkout's working
  tree (package, dictionary, pyproject.toml, .pre-commit-hooks.yaml) committed to a temporary git
  repository and tagged as the release the snippet names. pre-commit installs the package from it
  with pip, so the package index must be reachable: marked `network`, skipped within seconds when
  the index host does not answer.
- The `repo: local` snippet uses the `speller` installed beside this Python (`language: system`)
  and needs no network.

HOME and PRE_COMMIT_HOME point into the test's temporary folder; every command has a time limit.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from slips import MEANT, SLIP

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE", "speller", "dictionaries")
#: Seconds allowed for pre-commit to build the hooks' environment (pip install from the snapshot).
INSTALL_TIMEOUT = 600
#: Seconds allowed for any other command.
TIMEOUT = 120

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="needs git")]


def _readme_snippets() -> list[str]:
    """The YAML blocks of the README's pre-commit section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, flags=re.S)


def _package_index() -> str | None:
    """The index pip installs from here: $PIP_INDEX_URL, pip's configured index-url, or pip's default."""
    url = os.environ.get("PIP_INDEX_URL")
    if not url:
        listed = subprocess.run(
            [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, timeout=30
        ).stdout
        found = re.search(r"^[\w:.]*\bindex-url='([^']+)'", listed, flags=re.M)
        url = found.group(1) if found else None
    if not url:
        try:
            from pip._internal.models.index import PyPI  # pip's own default, so no host is written here

            url = PyPI.simple_url
        except ImportError:
            return None
    return url


def _offline_reason() -> str | None:
    """Why the package index cannot be reached (a 3 s connection attempt), or None when it can."""
    url = _package_index()
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None  # a local index
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=3).close()
    except OSError as e:
        return f"package index {parts.hostname} unreachable ({e})"
    return None


def _run(
    args: list[str], cwd: Path, env: dict[str, str], check: bool = True, timeout: int = TIMEOUT
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def _git_repo(path: Path, env: dict[str, str]) -> None:
    path.mkdir()
    _run(["git", "init", "-q", "-b", "main"], path, env)


def _environment(base: Path) -> dict[str, str]:
    home = base / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "VIRTUAL_ENV", "SPELLER_"))}
    env.update(
        HOME=str(home),
        PRE_COMMIT_HOME=str(base / "cache"),
        XDG_CACHE_HOME=str(base / "xdg-cache"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
        # The `speller` installed beside this Python, for `language: system`.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        # A pip that lost the network gives up quickly instead of retrying for minutes.
        PIP_DEFAULT_TIMEOUT="20",
        PIP_RETRIES="1",
    )
    return env


def _project(base: Path, env: dict[str, str], config: str) -> Path:
    """A git repository with `config` as its .pre-commit-config.yaml and the hooks installed."""
    repo = base / "project"
    _git_repo(repo, env)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    _run([sys.executable, "-m", "pre_commit", "install-hooks"], repo, env, timeout=INSTALL_TIMEOUT)
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    _run(["git", "commit", "-q", "-m", "config"], repo, env)
    return repo


def _release(dest: Path, env: dict[str, str]) -> str:
    """Commit the hook-relevant files of this checkout to a new repository at `dest`, tagged as the release."""
    import speller

    _git_repo(dest, env)
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    _run(["git", "add", "-A"], dest, env)
    _run(["git", "commit", "-q", "-m", "snapshot"], dest, env)
    tag = f"v{speller.__version__}"
    _run(["git", "tag", tag], dest, env)
    return tag


@pytest.fixture(scope="module")
def remote_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A project using the README's repository snippet, pointed at a tagged snapshot of this checkout."""
    reason = _offline_reason()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("precommit")
    env = _environment(base)
    tag = _release(base / "hooks", env)
    snippet = _readme_snippets()[0]
    assert f"rev: {tag} " in snippet, f"the README's snippet must name the release tag {tag}"
    config = re.sub(r"repo: \S+", f"repo: {(base / 'hooks').as_posix()}", snippet, count=1)
    # The fix hook too, on the manual stage only, from the same repository and tag.
    config += (
        f"  - repo: {(base / 'hooks').as_posix()}\n    rev: {tag}\n    hooks:\n"
        "      - id: speller-fix\n        stages: [manual]\n"
    )
    return _project(base, env, config), env


def _commit_with_typo_fails_clean_commit_passes(repo: Path, env: dict[str, str]) -> None:
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


@pytest.mark.network
def test_repository_snippet_commit_with_typo_fails_clean_commit_passes(remote_project):
    _commit_with_typo_fails_clean_commit_passes(*remote_project)


@pytest.mark.network
def test_fix_hook_rewrites_the_file(remote_project):
    repo, env = remote_project
    target = repo / "salah.md"
    target.write_text(f"# Judul\n\nMenurut {SLIP} ada `{SLIP}`.\n", encoding="utf-8")
    _run(["git", "add", "salah.md"], repo, env)
    done = _run(
        [sys.executable, "-m", "pre_commit", "run", "--hook-stage", "manual", "speller-fix", "--files", "salah.md"],
        repo,
        env,
        check=False,
    )
    assert done.returncode != 0  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in done.stdout
    assert target.read_text(encoding="utf-8") == f"# Judul\n\nMenurut {MEANT} ada `{SLIP}`.\n"


def test_local_snippet_uses_the_installed_command(tmp_path: Path):
    # The README's test command installs the package, so its `speller` command stands beside this Python.
    assert shutil.which("speller", path=str(Path(sys.executable).parent)), "no `speller` command beside this Python"
    env = _environment(tmp_path)
    snippet = _readme_snippets()[1]
    assert "repo: local" in snippet
    _commit_with_typo_fails_clean_commit_passes(_project(tmp_path, env, snippet), env)
