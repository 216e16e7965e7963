"""The package as users get it: metadata declared once, and a built wheel that works outside the checkout.

The wheel test builds the wheel from this checkout (no build isolation, so no network), installs it
with `pip install --target` into a temporary folder and runs its `speller check` on a seed article
from a folder outside the checkout, with $SPELLER_DICTIONARY unset: the dictionary must come from
the wheel. .ci/run does the same with a fresh virtual environment and the wheel's dependencies.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "seeds" / "000_67e3d4a227abfabd.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_declared_once():
    import speller

    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "speller.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", speller.__version__)


def test_licence_and_typing_marker_ship():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license-files"] == ["LICENSE"]
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # SPDX expression instead
    assert (ROOT / "speller" / "py.typed").is_file()
    assert "data-files" not in PYPROJECT["tool"]["setuptools"]


def test_readme_and_metadata_name_the_same_repository():
    home = PYPROJECT["project"]["urls"]["Source"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"repo: {home}" in readme


def test_extras_refer_to_each_other_instead_of_copying_pins():
    extras = PYPROJECT["project"]["optional-dependencies"]
    names = {re.split(r"[<>=\[ ]", req, maxsplit=1)[0].lower() for req in extras["test"]}
    assert "speller" in names
    for other in ("build", "lsp"):
        for req in extras[other]:
            assert re.split(r"[<>=\[ ]", req, maxsplit=1)[0].lower() not in names, req
    runtime = {re.split(r"[<>=\[ ]", req, maxsplit=1)[0].lower() for req in PYPROJECT["project"]["dependencies"]}
    assert "symspellpy" not in runtime  # only the benchmark's peer uses it


def test_default_dictionary_is_the_resource_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from speller.dictionary import default_path

    monkeypatch.delenv("SPELLER_DICTIONARY", raising=False)
    assert (default_path() / "words.tsv").is_file()
    monkeypatch.setenv("SPELLER_DICTIONARY", str(tmp_path))
    assert default_path() == tmp_path


def _setuptools_can_build() -> bool:
    try:
        from importlib.metadata import version

        return int(version("setuptools").split(".")[0]) >= 77
    except Exception:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _setuptools_can_build(), reason="needs setuptools>=77 to build without network")
def test_wheel_installed_elsewhere_checks_a_seed_article(tmp_path: Path):
    dist, target, elsewhere = tmp_path / "dist", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Build from a copy: a build writes build/ and *.egg-info/ into its source folder.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "benchmarks", "corpus"
        ),
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SPELLER_DICTIONARY", "PYTHONPATH")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("speller-*.whl")

    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "speller/py.typed",
        "speller/dictionaries/words.tsv",
        "speller/dictionaries/words.bin",
        "speller/dictionaries/name_model.tsv",
        "speller/dictionaries/deletes.tsv",
        "speller/dictionaries/deletes.idx",
        "speller/dictionaries/samples.idx",
        "speller/dictionaries/README.md",
    } <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "benchmarks/")) or ".data/" in n for n in names)

    installed = subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    shutil.copy(SEED, elsewhere / "berita.txt")
    env["PYTHONPATH"] = str(target)  # the wheel first; its dependencies come from this environment
    where = subprocess.run(
        [sys.executable, "-c", "from speller.dictionary import default_path; print(default_path())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert Path(where.stdout.strip()) == target / "speller" / "dictionaries", where.stderr
    checked = subprocess.run(
        [sys.executable, str(target / "bin" / "speller"), "check", "berita.txt"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert checked.returncode == 1, checked.stdout + checked.stderr  # the seeds hold real typos
    assert "berita.txt:7:172: angksa -> angkasa" in checked.stdout


def test_a_dictionary_without_curated_tables_falls_back_to_the_bundled_ones(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    from speller.dictionary import Dictionary
    from speller.tables import bundled_path

    for name in ("words.tsv", "meta.json"):  # a built dictionary: counts, no curated tables
        shutil.copy(bundled_path() / name, tmp_path / name)
    monkeypatch.setenv("SPELLER_DICTIONARY", str(tmp_path))
    d = Dictionary(tmp_path)
    assert not (tmp_path / "baku.tsv").exists()
    assert d.baku["praktek"] == "praktik"
