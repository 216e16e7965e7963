"""The compiled delete table (`speller.hashindex`) against the sorted text index it is compiled from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller import Dictionary, Speller, hashindex
from speller.errors import DictionaryError
from speller.hashindex import SOURCE_FILE, TABLE_FILE, HashIndex, compile_index
from speller.runs import write_lines
from speller.sortedfile import SortedFile
from speller.symspell import DeleteIndex

KEYS = st.text(alphabet="aeiknrsé日'-", min_size=1, max_size=6)
WORDS = st.text(alphabet="aeiknrstué-", min_size=1, max_size=9)


def write_index(folder: Path, index: dict[str, list[str]]) -> Path:
    """A deletes.tsv as the builder writes it: keys sorted by UTF-8 bytes, each key's words sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    keys = sorted(index, key=lambda k: k.encode())
    write_lines(folder / SOURCE_FILE, (f"{k}\t{' '.join(sorted(set(index[k])))}" for k in keys))
    return folder / SOURCE_FILE


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, st.lists(WORDS, min_size=1, max_size=5), max_size=40), st.lists(KEYS, max_size=10))
def test_table_answers_what_the_sorted_file_answers(tmp_path_factory, index, others):
    folder = tmp_path_factory.mktemp("t")
    source = write_index(folder, index)
    size = compile_index(source, folder / TABLE_FILE)
    table = HashIndex(folder / TABLE_FILE, size=size, keys=len(index))
    plain = SortedFile(source)
    for key in [*index, *others]:  # read one by one first (`words_of`), then from the split list
        assert table.words_of(table.ids(key)) == (plain.get(key) or "").split(" ") * (key in index)
    longest = max(map(len, table.words), default=0)
    assert table.length_starts == [sum(len(w) < n for w in table.words) for n in range(longest + 2)]
    for key in [*index, *others]:
        assert table.get(key) == plain.get(key)
        assert [table.words[i] for i in table.ids(key)] == (plain.get(key) or "").split(" ") * (key in index)
    everything = [*index, *others]
    assert {table.words[i] for i in table.ids_of(everything)} == {w for k in index for w in index[k]}
    table.close()
    assert table.get(next(iter(index), "x")) == plain.get(next(iter(index), "x"))  # reopens after close


def test_words_read_one_by_one_then_from_the_split_list_are_the_words(tmp_path, monkeypatch):
    monkeypatch.setattr(hashindex, "MAX_WORDS_READ", 4)
    source = write_index(tmp_path, {"ab": ["abc", "abd", "a"], "b": ["abc", "bé"], "é": ["éé", "ébé"]})
    table = HashIndex(tmp_path / TABLE_FILE, size=compile_index(source, tmp_path / TABLE_FILE))
    everything = ["a", "bé", "éé", "abc", "abd", "ébé"]  # by length, then alphabetically
    assert table.words_of([0, 2, 5]) == ["a", "éé", "ébé"] and table._words is None  # not split yet
    assert table.words_of(range(6)) == everything and table._words is None  # 3 read: under the limit
    assert table.words_of([5, 1]) == ["ébé", "bé"] and table._words == everything  # 9 read: split
    with pytest.raises(IndexError):
        table.words_of([6])


def test_a_table_whose_word_starts_do_not_match_its_words_is_refused(tmp_path):
    source = write_index(tmp_path, {"ab": ["abc", "abd"], "b": ["abc"]})
    path = tmp_path / TABLE_FILE
    compile_index(source, path)
    data = bytearray(path.read_bytes())
    at = data.rfind((8).to_bytes(4, "little"))  # the last start: "abc\nabd" is 7 characters, plus one
    data[at] = 9
    path.write_bytes(bytes(data))
    with pytest.raises(DictionaryError, match="word starts"):
        HashIndex(path).get("ab")


def test_compiling_twice_gives_the_same_bytes(tmp_path):
    source = write_index(tmp_path, {"ab": ["abc", "abd"], "b": ["abc"], "é": ["éé"]})
    compile_index(source, tmp_path / "one.idx")
    compile_index(source, tmp_path / "two.idx")
    assert (tmp_path / "one.idx").read_bytes() == (tmp_path / "two.idx").read_bytes()


def test_an_empty_index_finds_nothing(tmp_path):
    source = write_index(tmp_path, {})
    table = HashIndex(tmp_path / TABLE_FILE, size=compile_index(source, tmp_path / TABLE_FILE), keys=0)
    assert table.get("a") is None and table.words == []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    source = write_index(tmp_path / "d", {"ab": ["abc", "abd"], "b": ["abc"]})
    compile_index(source, source.with_name(TABLE_FILE))
    return source.parent


def test_table_older_than_its_source_is_refused(folder):
    table = HashIndex(folder / TABLE_FILE)
    (folder / SOURCE_FILE).write_text("ab\tabc abd abe\nb\tabc\n", encoding="utf-8")  # rebuilt, table not
    with pytest.raises(DictionaryError, match="deletes.tsv.*stale"):
        table.get("ab")


def test_table_without_its_source_is_refused(folder):
    (folder / SOURCE_FILE).unlink()
    with pytest.raises(DictionaryError, match="deletes.tsv: missing"):
        HashIndex(folder / TABLE_FILE).get("ab")


@pytest.mark.parametrize(
    ("size", "keys", "cut", "fragment"),
    [
        (1, None, 0, "meta.json says 1"),
        (None, 5, 0, "meta.json says 5"),
        (None, None, 3, "do not add up"),
        (None, None, 10_000, "too short|cannot be mapped"),
    ],
    ids=["size", "keys", "truncated", "empty"],
)
def test_table_that_disagrees_with_meta_or_itself_is_refused(folder, size, keys, cut, fragment):
    path = folder / TABLE_FILE
    if cut:
        path.write_bytes(path.read_bytes()[:-cut])
    with pytest.raises(DictionaryError, match=fragment):
        HashIndex(path, size=size, keys=keys).get("ab")


def test_built_dictionary_records_and_uses_its_table(tmp_path, speller: Speller):
    d = speller.dictionary
    table = d.delete_table
    assert isinstance(table, HashIndex), "the shipped dictionary has a compiled delete table"
    assert isinstance(speller._index.index, HashIndex)
    for word in ("luar", "angkasa", "pemerintah"):
        assert table.get(word[: d.prefix_length]) == d.deletes.get(word[: d.prefix_length])
    # a copy whose meta.json no longer lists the table falls back to the sorted file
    copy = Path(shutil.copytree(d.path, tmp_path / "d"))
    meta = json.loads((copy / "meta.json").read_text(encoding="utf-8"))
    del meta["file_bytes"][TABLE_FILE]
    (copy / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    old = Dictionary(copy)
    assert old.delete_table is None
    assert DeleteIndex(old.delete_table or old.deletes).lookup("pemerinth") == speller._index.lookup("pemerinth")


def test_stale_table_in_a_dictionary_is_one_error_naming_the_file(tmp_path, speller: Speller):
    copy = Path(shutil.copytree(speller.dictionary.path, tmp_path / "d"))
    with open(copy / SOURCE_FILE, "a", encoding="utf-8") as f:
        f.write("zzzzzzz\tzzzzzzz\n")
    with pytest.raises(DictionaryError, match="deletes.tsv"):
        Speller(str(copy)).suggest("pemerinth")


def test_a_copy_without_the_table_uses_the_sorted_file(tmp_path, speller: Speller):
    copy = Path(shutil.copytree(speller.dictionary.path, tmp_path / "d"))
    (copy / TABLE_FILE).unlink()
    d = Dictionary(copy)
    assert d.delete_table is None
    assert Speller(d).suggest("pemerinth") == speller.suggest("pemerinth")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="abdeghikmnprstuy", min_size=1, max_size=13), st.sampled_from([2, 1, 0]))
def test_lookups_over_the_table_equal_those_over_the_sorted_file(speller: Speller, word: str, limit: int):
    d = speller.dictionary
    assert d.delete_table is not None
    hashed = DeleteIndex(d.delete_table, d.max_edit_distance, d.prefix_length)
    plain = DeleteIndex(d.deletes, d.max_edit_distance, d.prefix_length)
    for typo in (word, "pe" + word, word + "nya", "kesehatan"[: len(word)] + word[:2]):
        assert hashed.lookup(typo, limit) == plain.lookup(typo, limit)
