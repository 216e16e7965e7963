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
    # the wheel ships the data, so the expression names its licences too (a scanner reading `MIT` alone would let a
    # commercial user miss the root list's non-commercial term), and the data licences ship as a licence file
    assert project["license"] == "MIT AND CC-BY-NC-SA-3.0 AND CC-BY-SA-4.0 AND CC0-1.0"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license-files"] == ["LICENSE", "dictionaries/README.md"]
    data_licences = (ROOT / "dictionaries" / "README.md").read_text(encoding="utf-8")
    assert all(name in data_licences for name in ("CC BY-NC-SA 3.0", "CC BY-SA 4.0", "CC0"))
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
    assert any(n.endswith(".dist-info/licenses/dictionaries/README.md") for n in names)
    assert {"speller/static/index.html", "speller/static/app.js"} <= names
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


@pytest.mark.slow
def test_a_consumer_type_checks_against_the_public_api(tmp_path: Path):
    # the lazy module `__getattr__` is hidden from type checkers: through it every misspelt name read as `Any`
    api = pytest.importorskip("mypy.api")
    consumer = tmp_path / "consumer.py"
    consumer.write_text(
        "from pathlib import Path\n"
        "import speller\n"
        "from speller import Speller\n"
        "checker = Speller(Path('dictionaries'))\n"  # a folder as a path, as Dictionary takes it
        "issue: speller.Issue | None = None\n"
        "wrong = speller.Isue\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    out, _, status = api.run([str(consumer), "--cache-dir", str(cache), "--follow-imports", "silent"])
    assert status == 1
    errors = [line for line in out.splitlines() if line.startswith(str(consumer))]
    assert len(errors) == 1 and 'has no attribute "Isue"' in errors[0], out
