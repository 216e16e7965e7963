"""The tables of the names' letter model that the builder writes (name_model.tsv) beside the counts they are made of
(name_shape.tsv): loaded, they are the model made of those counts; the shipped file is what the current code writes
(a change of `NameShape`, of NAME_SHAPE_ORDER or of the counts without a rebuild fails here); a file made of other
counts or for another order is passed over for the counts, and a broken one is refused."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speller.model as model
from speller.build import write_name_model, write_name_shape
from speller.dictionary import NAME_MODEL_FILE, NAME_SHAPE_FILE, Dictionary, DictionaryError, NameCounts
from speller.model import NAME_SHAPE_ORDER, NameShape, name_shape

DICTIONARIES = Path(__file__).resolve().parents[1] / "dictionaries"
NAMES = st.sets(st.text(alphabet="abcdeé'-ñz", min_size=1, max_size=8), max_size=12)


def _whole(table: Mapping[str, int]) -> dict[str, int]:
    """A table as a dict: all of a table read from the file as asked (`NameCounts`)."""
    return table.whole() if isinstance(table, NameCounts) else dict(table)


def _same(a: NameShape, b: NameShape) -> None:
    assert a.order == b.order
    assert [_whole(t) for t in a.tables()] == [_whole(t) for t in b.tables()]
    assert a._unseen == b._unseen
    for word in ("andi", "zzq", "hendra", "ñ'-é", ""):
        assert a.log_p(word) == b.log_p(word)


def _folder(tmp_path: Path, names: list[str]) -> Path:
    (tmp_path / "words.tsv").write_text("".join(f"{n}\t10\t0\n" for n in names) or "kata\t5\t5\n", encoding="utf-8")
    write_name_shape(tmp_path, names)
    return tmp_path


def test_the_shipped_file_is_what_the_builder_writes_from_the_shipped_counts(tmp_path):
    shipped = Dictionary(DICTIONARIES)
    (tmp_path / NAME_SHAPE_FILE).write_bytes((DICTIONARIES / NAME_SHAPE_FILE).read_bytes())
    write_name_model(tmp_path, shipped.name_shape_counts or {})
    assert (tmp_path / NAME_MODEL_FILE).read_bytes() == (DICTIONARIES / NAME_MODEL_FILE).read_bytes(), (
        "dictionaries/name_model.tsv is stale: rebuild, or run write_name_model on dictionaries/name_shape.tsv"
    )


def test_the_shipped_model_is_read_from_the_file_and_is_the_one_made_of_the_counts():
    shipped = Dictionary(DICTIONARIES)
    assert shipped.name_model(NAME_SHAPE_ORDER) is not None
    _same(name_shape(shipped), NameShape.from_counts(shipped.name_shape_counts or {}, NAME_SHAPE_ORDER))


@settings(max_examples=60, deadline=None)
@given(NAMES)
def test_the_loaded_tables_are_those_of_the_counted_names(tmp_path_factory, names):
    folder = _folder(tmp_path_factory.mktemp("d"), sorted(names))
    d = Dictionary(folder)
    assert d.name_model(NAME_SHAPE_ORDER) is not None
    _same(name_shape(d), NameShape(names))


def test_a_model_of_other_counts_or_of_another_order_is_passed_over(tmp_path, monkeypatch):
    folder = _folder(tmp_path, ["andi", "budi", "hendra"])
    model_file = (folder / NAME_MODEL_FILE).read_bytes()
    write_name_shape(folder, ["suharto", "zz"])
    (folder / NAME_MODEL_FILE).write_bytes(model_file)  # made of the first counts: stale
    d = Dictionary(folder)
    assert d.name_model(NAME_SHAPE_ORDER) is None
    _same(name_shape(d), NameShape({"suharto", "zz"}))
    write_name_shape(folder, ["suharto", "zz"])
    assert Dictionary(folder).name_model(NAME_SHAPE_ORDER + 1) is None
    monkeypatch.setattr(model, "NAME_SHAPE_ORDER", NAME_SHAPE_ORDER + 1)
    shape = name_shape(Dictionary(folder))
    assert shape.order == NAME_SHAPE_ORDER + 1
    _same(shape, NameShape({"andi", "budi", "hendra"}))  # counts of another order too: made of the names


def test_a_folder_without_the_model_makes_it_from_the_counts(tmp_path):
    folder = _folder(tmp_path, ["andi", "budi"])
    (folder / NAME_MODEL_FILE).unlink()
    d = Dictionary(folder)
    assert d.name_model(NAME_SHAPE_ORDER) is None
    _same(name_shape(d), NameShape({"andi", "budi"}))


@pytest.mark.parametrize("rows", ["ab\t2\n", "ab\t1\t2\t3\n", "b\t1\t2\na\t1\t2\n", "a\t1\t2"])
def test_broken_or_unsorted_rows_are_refused(tmp_path, rows):
    folder = _folder(tmp_path, ["andi"])
    header = (folder / NAME_MODEL_FILE).read_text(encoding="utf-8").partition("\n")[0]
    (folder / NAME_MODEL_FILE).write_text(f"{header}\n{rows}", encoding="utf-8")
    with pytest.raises(DictionaryError, match=NAME_MODEL_FILE):
        Dictionary(folder).name_model(NAME_SHAPE_ORDER)


def test_a_count_that_is_not_a_number_is_refused_when_asked(tmp_path):
    folder = _folder(tmp_path, ["andi"])
    header = (folder / NAME_MODEL_FILE).read_text(encoding="utf-8").partition("\n")[0]
    (folder / NAME_MODEL_FILE).write_text(f"{header}\na\t1\t2\nb\tx\t1\n", encoding="utf-8")
    tables = Dictionary(folder).name_model(NAME_SHAPE_ORDER)
    assert tables is not None
    grams, contexts, letters = tables
    assert (grams["a"], contexts["a"], grams["c"], contexts["b"], letters) == (1, 2, 0, 1, letters)
    with pytest.raises(DictionaryError, match=NAME_MODEL_FILE):
        grams["b"]


def test_a_model_of_the_old_layout_is_passed_over(tmp_path):
    folder = _folder(tmp_path, ["andi", "budi"])
    old = f"# The names' letter model of order {NAME_SHAPE_ORDER}, made by speller build of the name_shape.tsv.\n"
    (folder / NAME_MODEL_FILE).write_text(old + "1\t2\ta\n", encoding="utf-8")
    d = Dictionary(folder)
    assert d.name_model(NAME_SHAPE_ORDER) is None
    _same(name_shape(d), NameShape({"andi", "budi"}))
