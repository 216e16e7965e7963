"""Tests for speller.sortedfile.SortedFile: lookups in a sorted key<TAB>value file."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import speller.sortedfile as sf_mod
from speller.errors import DictionaryError
from speller.sortedfile import SortedFile

KEYS = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\t\n"), min_size=1, max_size=12
)


def write_sorted(path: Path, mapping: dict[str, str]) -> Path:
    keys = sorted(mapping, key=lambda k: k.encode("utf-8"))
    path.write_bytes("".join(f"{k}\t{mapping[k]}\n" for k in keys).encode("utf-8"))
    return path


def test_empty_file(tmp_path):
    f = SortedFile(write_sorted(tmp_path / "empty.tsv", {}))
    assert f.get("apa") is None
    assert f.get("") is None
    f.close()


def test_single_line_without_final_newline(tmp_path):
    p = tmp_path / "one.tsv"
    p.write_bytes(b"kata\t12")
    f = SortedFile(p)
    assert f.get("kata") == "12"
    assert f.get("kat") is None and f.get("katak") is None and f.get("a") is None and f.get("z") is None


def test_prefix_keys_are_not_confused(tmp_path):
    f = SortedFile(write_sorted(tmp_path / "p.tsv", {"luar": "1", "luar angkasa": "2", "lua": "3", "luara": "4"}))
    assert [f.get(k) for k in ("lua", "luar", "luar angkasa", "luara", "luar ")] == ["3", "1", "2", "4", None]


def test_values_may_hold_spaces_and_non_ascii(tmp_path):
    f = SortedFile(write_sorted(tmp_path / "v.tsv", {"ngksa": "angkasa angsa", "café": "kafe é"}))
    assert f.get("ngksa") == "angkasa angsa"
    assert f.get("café") == "kafe é"


def test_many_blocks_every_key_found_and_absent_keys_missing(tmp_path):
    mapping = {f"kata{i:06d}": str(i) for i in range(0, 40_000, 2)}  # spans dozens of 16 KiB blocks
    p = write_sorted(tmp_path / "big.tsv", mapping)
    assert p.stat().st_size > 10 * sf_mod._BLOCK
    f = SortedFile(p)
    for k, v in mapping.items():
        assert f.get(k) == v
    for i in range(1, 40_000, 97 * 2):
        assert f.get(f"kata{i:06d}") is None
    assert f.get("a") is None and f.get("zzz") is None and f.get("kata") is None
    f.close()


def test_keys_at_block_boundaries(tmp_path, monkeypatch):
    monkeypatch.setattr(sf_mod, "_BLOCK", 32)
    mapping = {f"k{i:03d}": "v" * (i % 7) + str(i) for i in range(300)}
    p = write_sorted(tmp_path / "b.tsv", mapping)
    data = p.read_bytes()
    # Keys whose line starts just after a block boundary, and whose line holds one.
    boundary_keys = set()
    for b in range(32, len(data), 32):
        start = data.rfind(b"\n", 0, b) + 1
        boundary_keys.add(data[start : data.index(b"\t", start)].decode())
        nxt = data.find(b"\n", b) + 1
        if nxt and nxt < len(data):
            boundary_keys.add(data[nxt : data.index(b"\t", nxt)].decode())
    f = SortedFile(p)
    assert f.get("k000") == mapping["k000"]
    assert len(f._offsets) > 5  # the sparse index really has many blocks
    for k in boundary_keys:
        assert f.get(k) == mapping[k], k
    for k, v in mapping.items():
        assert f.get(k) == v
    assert f.get("k") is None and f.get("k3000") is None


def test_line_exactly_at_block_size(tmp_path, monkeypatch):
    monkeypatch.setattr(sf_mod, "_BLOCK", 16)
    mapping = {"aaaaaaaaaaaaa": "1", "bbbbbbbbbbbbb": "2", "ccccccccccccc": "3", "d": "4"}  # lines of 16 bytes
    f = SortedFile(write_sorted(tmp_path / "x.tsv", mapping))
    for k, v in mapping.items():
        assert f.get(k) == v


@contextmanager
def blocked_file(mapping: dict[str, str], block: int) -> Iterator[SortedFile]:
    """A SortedFile of `mapping` read in blocks of `block` bytes, in a temporary directory, closed after."""
    old = sf_mod._BLOCK
    sf_mod._BLOCK = block
    try:
        with tempfile.TemporaryDirectory() as d:
            f = SortedFile(write_sorted(Path(d) / "h.tsv", mapping))
            try:
                yield f
            finally:
                f.close()
    finally:
        sf_mod._BLOCK = old


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(KEYS, st.text(alphabet="abc 123é", max_size=8), max_size=400),
    st.lists(KEYS, max_size=30),
    st.sampled_from([24, 64, 256, 16 * 1024]),
)
def test_property_get_finds_every_key(mapping, probes, block):
    with blocked_file(mapping, block) as f:
        for k, v in mapping.items():
            assert f.get(k) == v
        for k in probes:
            assert f.get(k) == mapping.get(k)


def test_builder_output_is_readable(tmp_path):
    from speller.runs import write_lines

    mapping = {"ä": "1", "z": "2", "a b": "3", "é": "4", "日本": "5"}
    keys = sorted(mapping, key=lambda k: k.encode())
    write_lines(tmp_path / "w.tsv", (f"{k}\t{mapping[k]}" for k in keys))
    f = SortedFile(tmp_path / "w.tsv")
    assert {k: f.get(k) for k in mapping} == mapping


def test_close_then_get_reopens(tmp_path):
    f = SortedFile(write_sorted(tmp_path / "c.tsv", {"a": "1"}))
    assert f.get("a") == "1"
    f.close()
    assert f.get("a") == "1"


@pytest.mark.parametrize("word", ["luar", "angkasa", "senapan"])
def test_default_dictionary_delete_index_lists_each_word_under_itself(speller, word):
    d = speller.dictionary
    listed = d.deletes.get(word[: d.prefix_length])
    assert listed is not None and word in listed.split(" ")
    assert d.deletes.get("qqqqzzzz") is None


def test_default_dictionary_bigrams(speller):
    d = speller.dictionary
    assert d.bigram("luar", "angkasa") > 0
    assert d.bigram("angkasa", "qqqq") == 0


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, st.text(alphabet="abc 123", max_size=8), max_size=60), st.lists(KEYS, max_size=20))
def test_sized_file_answers_as_the_whole_checked_one(monkeypatch, mapping, probes):
    """With its size known, a file is checked block by block as read, and every answer is the same."""
    monkeypatch.setattr(sf_mod, "_BLOCK", 32)
    with tempfile.TemporaryDirectory() as td:
        path = write_sorted(Path(td) / "s.tsv", mapping)
        whole = SortedFile(path, lines=len(mapping))
        sized = SortedFile(path, size=path.stat().st_size)
        for key in [*mapping, *probes]:
            assert sized.get(key) == whole.get(key) == mapping.get(key)
        whole.close()
        sized.close()


def test_sized_file_of_another_size_is_refused_at_once(tmp_path):
    path = write_sorted(tmp_path / "s.tsv", {"angkasa": "1", "luar": "2"})
    with pytest.raises(DictionaryError, match="meta.json says 99"):
        SortedFile(path, size=99).get("zzz")


def test_sized_file_refuses_a_damaged_block_when_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sf_mod, "_BLOCK", 16)
    mapping = {f"kata{i:02d}": "x" for i in range(40)}
    path = write_sorted(tmp_path / "s.tsv", mapping)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"kata35\tx", b"kata35 x"))  # same size, one line without its tab
    f = SortedFile(path, size=len(data))
    assert f.get("kata01") == "x"  # a block far from the damage is answered
    with pytest.raises(DictionaryError, match="tabs"):
        f.get("kata35")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(KEYS, st.text(alphabet="abc 123é", max_size=8), max_size=400),
    st.lists(st.text(alphabet="ab é", min_size=1, max_size=3), max_size=20),
    st.sampled_from([24, 64, 256, 16 * 1024]),
)
def test_property_starting_finds_every_key_with_the_prefix_in_order(mapping, prefixes, block):
    with blocked_file(mapping, block) as f:
        for prefix in [*prefixes, *(k[:2] for k in list(mapping)[:10])]:
            wanted = sorted(((k, v) for k, v in mapping.items() if k.startswith(prefix)), key=lambda kv: kv[0].encode())
            assert f.starting(prefix) == wanted


def test_starting_stops_at_the_prefix_and_not_at_longer_keys(tmp_path):
    f = SortedFile(write_sorted(tmp_path / "p.tsv", {"luar": "1", "luar angkasa": "2", "lua": "3", "luara": "4"}))
    assert f.starting("luar ") == [("luar angkasa", "2")]
    assert f.starting("lua") == [("lua", "3"), ("luar", "1"), ("luar angkasa", "2"), ("luara", "4")]
    assert f.starting("z") == [] and f.starting("") == []
