"""Small dictionaries built for a test from a corpus of two made-up files, and their count tables read back."""

from __future__ import annotations

from pathlib import Path

import pytest


def build_two_files(tmp_path_factory: pytest.TempPathFactory, name: str, a_text: str, b_text: str) -> Path:
    """The dictionary folder built (one job) from a corpus of two files, a.txt and b.txt, with small thresholds (every
    word and pair seen twice is kept), in a fresh temporary folder called after `name`."""
    from speller.build import BuildOptions, build

    root = tmp_path_factory.mktemp(name)
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(a_text, encoding="utf-8")
    (corpus / "b.txt").write_text(b_text, encoding="utf-8")
    options = BuildOptions(min_count=2, min_sources=2, bigram_min_count=2, suggest_min_count=2)
    build([corpus], root / "out", options=options, jobs=1)
    return root / "out"


def count_rows(path: Path) -> dict[str, list[int]]:
    """A table of `key<TAB>count<TAB>count...` lines, by key."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {key: list(map(int, rest)) for key, *rest in (line.split("\t") for line in lines)}
