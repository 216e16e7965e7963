"""The names' letter model (`speller.model.NameShape`) made from the builder's counts (name_shape.tsv).

The loaded model must be the counted one, the shipped file must be what the current code writes from the
shipped words.tsv (a change of NAME_SHAPE_ORDER or of the names without a rebuild fails here), and a folder
without the file, or with grams of another order, counts the names as before.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speller.model as model
from speller.build import write_name_shape
from speller.dictionary import NAME_SHAPE_FILE, Dictionary, DictionaryError, NameCounts, is_name
from speller.model import NAME_SHAPE_ORDER, NameShape, name_shape, name_shape_counts, unaccented

DICTIONARIES = Path(__file__).resolve().parents[1] / "dictionaries"
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
#: Letters of names and of slips, accented ones and a few the names never hold.
LETTERS = "abcdefghijklmnopqrstuvwxyzéèöü'-ñqxzçø"


@pytest.fixture(scope="module")
def shipped() -> Dictionary:
    return Dictionary(DICTIONARIES)


@pytest.fixture(scope="module")
def counted(shipped) -> NameShape:
    return NameShape(shipped.names)


def test_the_shipped_dictionary_loads_its_model_from_the_file(shipped):
    counts = shipped.name_shape_counts
    assert counts and len(counts) > 1000
    shape = name_shape(shipped)
    assert shape.order == NAME_SHAPE_ORDER
    assert isinstance(shape._grams, NameCounts)  # read from name_model.tsv as asked
    assert shape._grams.whole().keys() >= counts.keys()


@PROPERTY
@given(st.text(alphabet=LETTERS, min_size=1, max_size=14))
def test_the_loaded_model_is_the_counted_one(shipped, counted, word):
    assert name_shape(shipped).log_p(word) == counted.log_p(word)


def _tables(names: set[str], order: int) -> tuple[Counter[str], Counter[str]]:
    """NameShape's tables as it first counted them: every gram up to the order at every letter position."""
    grams: Counter[str] = Counter()
    contexts: Counter[str] = Counter()
    for name in names:
        padded = "^" * (order - 1) + unaccented(name) + "$"
        for i in range(order - 1, len(padded)):
            for j in range(order):
                grams[padded[i - order + 1 + j : i + 1]] += 1
                contexts[padded[i - order + 1 + j : i]] += 1
    return grams, contexts


def test_the_loaded_and_counted_models_have_the_tables_of_the_names(shipped, counted):
    grams, contexts = _tables(shipped.names, NAME_SHAPE_ORDER)
    loaded = NameShape.from_counts(shipped.name_shape_counts, NAME_SHAPE_ORDER)
    for shape in (loaded, counted):
        assert shape._grams == grams
        assert shape._contexts == contexts
        assert shape._unseen == 1 / (contexts[""] + len([g for g in grams if len(g) == 1]) + 1)


def test_the_shipped_file_is_what_the_builder_writes_from_the_shipped_words(shipped, tmp_path):
    n = write_name_shape(tmp_path, shipped.names)
    assert (tmp_path / NAME_SHAPE_FILE).read_bytes() == (DICTIONARIES / NAME_SHAPE_FILE).read_bytes(), (
        "dictionaries/name_shape.tsv is stale: rebuild, or run write_name_shape on the shipped names"
    )
    assert json.loads((DICTIONARIES / "meta.json").read_text(encoding="utf-8"))["name_grams"] == n


def test_the_shipped_file_lints():
    data = (DICTIONARIES / NAME_SHAPE_FILE).read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data and b"\n\n" not in data
    rows = [line.split("\t") for line in data.decode("utf-8").splitlines()]
    assert all(len(r) == 2 for r in rows)
    grams = [g.encode() for g, _ in rows]
    assert grams == sorted(grams) and len(grams) == len(set(grams))
    for gram, count in rows:
        assert count.isdigit() and int(count) > 0, gram
        assert len(gram) == NAME_SHAPE_ORDER and not gram.endswith("^") and "$" not in gram[:-1], gram


def test_counts_are_the_padded_unaccented_grams_of_the_names():
    assert name_shape_counts(["ana", "andré"], 3) == {
        "^^a": 2,
        "^an": 2,
        "ana": 1,
        "na$": 1,
        "and": 1,
        "ndr": 1,
        "dre": 1,
        "re$": 1,
    }


def test_the_builder_and_the_loader_agree_on_names():
    assert is_name(122, 1) and not is_name(10, 2) and is_name(10, 1)


def _folder(tmp_path: Path, rows: list[str]) -> Path:
    (tmp_path / "words.tsv").write_text("".join(f"{r}\n" for r in rows), encoding="utf-8")
    return tmp_path


WORDS = ["andi\t50\t0", "budi\t40\t1", "hendra\t30\t0", "makan\t90\t90", "suharto\t20\t0"]


def test_a_folder_without_the_file_counts_its_names(tmp_path):
    d = Dictionary(_folder(tmp_path, WORDS))
    assert d.name_shape_counts is None
    assert name_shape(d).log_p("hendri") == NameShape({"andi", "budi", "hendra", "suharto"}).log_p("hendri")


def test_the_file_is_used_when_present(tmp_path):
    folder = _folder(tmp_path, WORDS)
    write_name_shape(folder, ["zzz"])  # not these names: proves the model comes from the file
    d = Dictionary(folder)
    assert name_shape(d).log_p("zzz") == NameShape(["zzz"]).log_p("zzz")
    assert name_shape(d).log_p("zzz") > NameShape(d.names).log_p("zzz")


def test_grams_of_another_order_fall_back_to_counting(tmp_path, monkeypatch):
    folder = _folder(tmp_path, WORDS)
    write_name_shape(folder, ["zzz"])
    d = Dictionary(folder)
    monkeypatch.setattr(model, "NAME_SHAPE_ORDER", NAME_SHAPE_ORDER + 1)  # as benchmarks.tune does
    shape = name_shape(d)
    assert shape.order == NAME_SHAPE_ORDER + 1
    assert shape.log_p("hendri") == NameShape(d.names).log_p("hendri")


@pytest.mark.parametrize("text", ["^^a\tx\n", "^^a\n", "^^a\t1\t2\n"])
def test_a_malformed_file_is_refused(tmp_path, text):
    folder = _folder(tmp_path, WORDS)
    (folder / NAME_SHAPE_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match="gram<TAB>count"):
        name_shape(Dictionary(folder))


def test_an_old_dictionary_copy_without_the_file_still_checks(tmp_path):
    from speller import Speller

    folder = tmp_path / "old"
    folder.mkdir()
    for name in ("words.tsv", "bigrams.tsv", "deletes.tsv", "meta.json"):
        shutil.copy(DICTIONARIES / name, folder / name)
    d = Dictionary(folder)
    assert d.name_shape_counts is None
    issues = Speller(d).check("Presiden Jokowi tiba di Jakrta kemarin.")
    assert ("Jakrta", "Jakarta") in [(i.word, i.suggestion) for i in issues]
