"""`speller.pathnames` spells file names as `pathlib` does, so what a check prints is what `Path` printed."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speller.pathnames import join, normal, parent_of, sort_key, suffix
from speller.textfile import TEXT_SUFFIXES, walk

pytestmark = pytest.mark.skipif(os.sep != "/", reason="the plain names are POSIX names")

NAMES = st.text(alphabet="/.ab-", max_size=12)
PLAIN = st.text(alphabet=".ab-", min_size=1, max_size=6).filter(lambda s: s not in (".", ".."))


@given(NAMES)
def test_a_name_is_spelled_as_path_spells_it(name):
    assert normal(name) == str(PurePosixPath(name))
    assert parent_of(normal(name)) == str(PurePosixPath(name).parent)
    assert suffix(name) == PurePosixPath(name).suffix


@given(NAMES, PLAIN)
def test_a_name_joined_to_a_folder_is_spelled_as_path_joins_it(folder, name):
    assert join(normal(folder), name) == str(PurePosixPath(folder) / name)


def _root(name: str) -> str:
    return name[: len(name) - len(name.lstrip("/"))]


@given(NAMES, NAMES)
def test_names_sort_as_paths_do(a, b):
    x, y = normal(a), normal(b)
    if "." not in (x, y) and _root(x) == _root(y):  # as the names found under one folder are
        assert (sort_key(x) < sort_key(y)) == (PurePosixPath(a) < PurePosixPath(b))


def test_examples():
    assert [normal(n) for n in ("./x", "a//b", "-", "", "a/./b/", "//a", "///a", "/")] == [
        "x",
        "a/b",
        "-",
        ".",
        "a/b",
        "//a",
        "/a",
        "/",
    ]
    assert [suffix(n) for n in ("a.md", ".md", "a.", "a.MD/", "x/a.b.txt")] == [".md", "", "", ".MD", ".txt"]


def _path_walk(paths: list[str]) -> list[tuple[str, bool]]:
    """What `walk` yielded when it walked `Path` objects (before it named files by `speller.pathnames`)."""
    out: list[tuple[str, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if f.lower().endswith(TEXT_SUFFIXES))
            out.extend((str(f), False) for f in sorted(found))
        else:
            out.append((str(p), True))
    return out


def test_walk_names_and_orders_files_as_a_walk_of_paths_did(tmp_path, monkeypatch):
    for name in ("a/b.txt", "a-c.txt", "a/z/y.md", "a.txt", "B.txt", "a/b/c.txt", ".h/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for args in (["."], ["./"], ["a//"], ["./a/b.txt", "a"], [str(tmp_path)], [str(tmp_path) + "//a/"], [""]):
        assert list(walk(args)) == _path_walk(args), args
