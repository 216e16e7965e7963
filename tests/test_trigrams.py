"""The letter-trigram table: the builder writes `trigrams.txt`, the checker reads it or computes the same set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import speller.model as model
from speller.build import write_trigrams
from speller.dictionary import TRIGRAMS_FILE, Dictionary, trigrams_header
from speller.model import TRIGRAM_MIN_COUNT, computed_trigrams, odd_trigrams, trigrams

SHIPPED = Path(__file__).resolve().parent.parent / "dictionaries"


@pytest.fixture(scope="module")
def shipped() -> Dictionary:
    return Dictionary(SHIPPED)


def test_the_shipped_table_is_the_set_the_counts_give(shipped):
    """Fails when TRIGRAM_MIN_COUNT or words.tsv changed without `trigrams.txt` being written again."""
    loaded = shipped.trigrams(TRIGRAM_MIN_COUNT)
    assert loaded is not None, f"{TRIGRAMS_FILE} missing or made for another TRIGRAM_MIN_COUNT: rebuild it"
    assert loaded == computed_trigrams(shipped.counts)
    assert trigrams(shipped) == loaded


def test_the_shipped_table_lints():
    header, *rows = (SHIPPED / TRIGRAMS_FILE).read_text(encoding="utf-8").split("\n")
    assert header == trigrams_header(TRIGRAM_MIN_COUNT)
    assert rows.pop() == "", "the file ends with a line break"
    assert rows == sorted(set(rows)), "sorted and unique"
    assert rows, "not empty"
    for t in rows:
        assert len(t) == 3 and t == t.lower() and not any(c.isspace() for c in t), t
        assert "^" not in t[1:] and "$" not in t[:2], f"{t!r}: an edge mark inside"
        assert all(c.isalpha() or c in "'-" for c in t.removeprefix("^").removesuffix("$")), t


def test_a_folder_without_the_table_computes_it(tmp_path, shipped):
    shutil.copy(SHIPPED / "words.tsv", tmp_path / "words.tsv")
    d = Dictionary(tmp_path)
    assert d.trigrams(TRIGRAM_MIN_COUNT) is None
    assert trigrams(d) == computed_trigrams(shipped.counts)


def test_a_table_is_read_only_for_the_count_it_names(tmp_path, monkeypatch):
    (tmp_path / "words.tsv").write_text("abcd\t9\t9\n", encoding="utf-8")
    (tmp_path / TRIGRAMS_FILE).write_text(f"{trigrams_header(TRIGRAM_MIN_COUNT)}\n^xy\nxyz\n", encoding="utf-8")
    d = Dictionary(tmp_path)
    assert trigrams(d) == {"^xy", "xyz"}  # read, not computed: the file is trusted as the builder wrote it
    monkeypatch.setattr(model, "TRIGRAM_MIN_COUNT", TRIGRAM_MIN_COUNT + 1)
    assert d.trigrams(TRIGRAM_MIN_COUNT + 1) is None
    assert trigrams(d) == {"^ab", "abc", "bcd", "cd$"}


def test_the_builder_writes_what_is_computed(tmp_path):
    counts = {"ab": TRIGRAM_MIN_COUNT, "a": 99, "ba": TRIGRAM_MIN_COUNT - 1}
    assert write_trigrams(counts, tmp_path) == 3
    text = (tmp_path / TRIGRAMS_FILE).read_text(encoding="utf-8")
    assert text == f"{trigrams_header(TRIGRAM_MIN_COUNT)}\n^a$\n^ab\nab$\n"


@given(st.dictionaries(st.text("abcé-'", min_size=1, max_size=6), st.integers(0, 2 * TRIGRAM_MIN_COUNT)))
def test_computed_trigrams_are_those_of_each_frequent_word(counts):
    each = {f"^{w}$"[i : i + 3] for w, n in counts.items() if n >= TRIGRAM_MIN_COUNT for i in range(len(w))}
    assert computed_trigrams(counts) == each
    for w, n in counts.items():
        if n >= TRIGRAM_MIN_COUNT:
            assert odd_trigrams(w, computed_trigrams(counts)) == 0
