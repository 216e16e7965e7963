"""Dictionary loading: names and proper names as defined, whatever the order or repetition of the rows; the
builder's word index (words.bin) loads the same as words.tsv, and a stale or broken one is passed over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speller.dictionary import (
    NAME_LOWER_SHARE,
    PROPER_LOWER_SHARE,
    WORD_INDEX_FILE,
    Dictionary,
    DictionaryError,
    _read_word_index,
    write_word_index,
)
from speller.tables import bundled_path

ROWS = st.lists(
    st.tuples(
        st.sampled_from(["jakarta", "putin", "rumah", "kata", "budi", "luar"]), st.integers(1, 50), st.integers(0, 50)
    ),
    min_size=1,
    max_size=12,
)


def _words_tsv(tmp_path_factory, rows: list) -> tuple[Path, list]:
    """A fresh folder whose words.tsv holds `rows` (a lowercase count never above the count), and those rows."""
    folder: Path = tmp_path_factory.mktemp("d")
    rows = [(w, c, min(low, c)) for w, c, low in rows]
    (folder / "words.tsv").write_text("".join(f"{w}\t{c}\t{low}\n" for w, c, low in rows), encoding="utf-8")
    return folder, rows


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_names_and_proper_follow_the_last_row_of_each_word(tmp_path_factory, rows):
    folder, rows = _words_tsv(tmp_path_factory, rows)
    d = Dictionary(folder)
    counts = {w: c for w, c, _ in rows}
    lowered = {w: low for w, _, low in rows}
    names = {w for w in counts if lowered[w] < NAME_LOWER_SHARE * counts[w]}
    assert d.counts == counts
    assert d.names == names
    assert d.proper == {w for w in names if lowered[w] < PROPER_LOWER_SHARE * counts[w]}


WORDS = st.lists(st.text(st.sampled_from("aAbBİıΣσς é-"), min_size=1, max_size=6).map(str.strip).filter(bool))


@settings(max_examples=40, deadline=None)
@given(WORDS)
def test_word_sets_are_the_lowercased_words(tmp_path_factory, words):
    folder: Path = tmp_path_factory.mktemp("d")
    (folder / "words.tsv").write_text("kata\t5\t5\n", encoding="utf-8")
    (folder / "roots.txt").write_text("# roots\n" + "".join(w + "\n" for w in words), encoding="utf-8")
    assert Dictionary(folder).roots == {w.lower() for w in words}


#: Words not in the ROWS, sorting before, between and after them: their lowercase count is 0.
UNLISTED = ["", "a", "jakart", "jakartaa", "kat", "zzz", "Rumah"]


def _loaded(d: Dictionary) -> tuple:
    lowered = [d.lower_count(w) for w in [*d.counts, *UNLISTED]]
    return list(d.counts.items()), d.names, d.proper, d.total, lowered


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_the_word_index_loads_what_words_tsv_says(tmp_path_factory, rows):
    folder, rows = _words_tsv(tmp_path_factory, rows)
    parsed = _loaded(Dictionary(folder))
    assert parsed[-1][-len(UNLISTED) :] == [0] * len(UNLISTED)
    write_word_index(folder)
    assert _read_word_index(folder / WORD_INDEX_FILE, (folder / "words.tsv").read_bytes()) is not None
    assert _loaded(Dictionary(folder)) == parsed


def test_the_shipped_word_index_is_read_and_matches_words_tsv():
    folder = bundled_path()
    index = _read_word_index(folder / WORD_INDEX_FILE, (folder / "words.tsv").read_bytes())
    assert index is not None, f"{folder / WORD_INDEX_FILE} is stale: rebuild, or run write_word_index on the folder"
    words, numbers, lowered, _, _, order = index
    assert [words[i] for i in order] == sorted(words)
    d = Dictionary(folder)
    assert list(d.counts) == words and list(d.counts.values()) == list(numbers)
    with_index = _loaded(d)
    assert with_index[1] == {w for w, n, low in zip(words, numbers, lowered) if low < NAME_LOWER_SHARE * n}
    assert with_index[2] == {w for w in with_index[1] if d.lower_count(w) < PROPER_LOWER_SHARE * d.counts[w]}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda folder: (folder / "words.tsv").write_text("kata\t5\t5\nbaru\t9\t0\n", encoding="utf-8"),  # stale
        lambda folder: (folder / WORD_INDEX_FILE).write_bytes((folder / WORD_INDEX_FILE).read_bytes()[:-3]),
        lambda folder: (folder / WORD_INDEX_FILE).write_bytes(b"garbage"),
        lambda folder: (folder / WORD_INDEX_FILE).write_bytes(
            (folder / WORD_INDEX_FILE).read_bytes().replace(b"rumah", b"\xff\xffmah")
        ),
    ],
)
def test_a_stale_or_broken_word_index_is_passed_over_for_words_tsv(tmp_path, spoil):
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nrumah\t7\t7\nputin\t40\t1\n", encoding="utf-8")
    write_word_index(tmp_path)
    spoil(tmp_path)
    d = Dictionary(tmp_path)
    assert _read_word_index(tmp_path / WORD_INDEX_FILE, (tmp_path / "words.tsv").read_bytes()) is None
    assert _loaded(d) == _loaded(Dictionary(_copy_without_index(tmp_path)))


def test_a_words_tsv_cut_short_is_refused(tmp_path):
    """QA: half of words.tsv (its index then stale) was read as the dictionary. Fewer words than its build wrote
    (meta.json), or a last line cut inside, is an error; a stale index alone is not."""
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nrumah\t7\t7\nputin\t40\t1\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text('{"format_version": 1, "words": 3}', encoding="utf-8")
    assert len(Dictionary(tmp_path).counts) == 3
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nrumah\t7\t7\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="cut short"):
        Dictionary(tmp_path).counts  # noqa: B018 - the words are read on first use
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nrumah\t7\t7\nputin\t40\t1", encoding="utf-8")
    with pytest.raises(DictionaryError, match="cut short"):
        Dictionary(tmp_path).counts  # noqa: B018


@pytest.mark.parametrize("table", [b"", b"kata\tskip\t\t0.0\nrum"])
def test_a_verdict_table_empty_or_cut_short_is_refused(tmp_path, table):
    """An empty verdicts.tsv read every form as plainly fine (QA); the builder always ends its lines."""
    (tmp_path / "words.tsv").write_text("kata\t5\t5\n", encoding="utf-8")
    (tmp_path / "verdicts.tsv").write_bytes(table)
    with pytest.raises(DictionaryError, match="empty or cut short"):
        Dictionary(tmp_path).verdicts  # noqa: B018


def _copy_without_index(folder: Path) -> Path:
    other = folder / "plain"
    other.mkdir()
    (other / "words.tsv").write_bytes((folder / "words.tsv").read_bytes())
    return other


PAIR_WORDS = st.lists(st.sampled_from(["di", "lakukan", "olah", "raga", "non", "subsidi", "a"]), min_size=1, max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(PAIR_WORDS, max_size=6), st.lists(PAIR_WORDS, max_size=6))
def test_the_pairs_that_may_be_one_word_are_the_spaced_keys_of_joins_and_compounds(tmp_path_factory, joins, compounds):
    """`join_keys`, `join_lefts` and `join_pairs` hold what the tables say, pair by pair, whether each key has one space
    or more (a compound of three words) or none."""
    folder: Path = tmp_path_factory.mktemp("d")
    (folder / "words.tsv").write_text("di\t5\t5\n", encoding="utf-8")
    (folder / "joins.tsv").write_text("".join(f"{' '.join(k)}\tx\n" for k in joins), encoding="utf-8")
    (folder / "compounds.tsv").write_text("".join(f"{' '.join(k)}\tx\n" for k in compounds), encoding="utf-8")
    d = Dictionary(folder)
    keys = {" ".join(k) for k in joins} | {" ".join(k) for k in compounds if len(k) > 1}
    assert d.join_keys == keys
    assert d.join_lefts == {k.partition(" ")[0] for k in keys}
    assert d.join_pairs == {(k.partition(" ")[0], k.partition(" ")[2]) for k in keys}
    for left in ["di", "olah", "non", "a"]:
        for right in ["lakukan", "raga", "subsidi", "a"]:
            listed = any(k.partition(" ")[::2] == (left, right) for k in keys)
            assert (f"{left} {right}" in d.join_keys) == listed


def test_the_shipped_word_index_copies_the_facts_of_meta_json_so_a_load_reads_no_json():
    folder = bundled_path()
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    d = Dictionary(folder)
    assert d.meta == {
        "format_version": meta["format_version"],
        "options": {k: meta["options"][k] for k in ("max_edit_distance", "prefix_length")},
        "bigrams": meta["bigrams"],
        "delete_keys": meta["delete_keys"],
        "file_bytes": meta["file_bytes"],
    }, f"{folder / WORD_INDEX_FILE} is stale: rebuild, or run write_word_index on the folder"


def test_facts_of_another_meta_json_are_passed_over_and_a_bad_meta_json_is_refused(tmp_path):
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nrumah\t7\t7\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text('{"format_version": 1, "options": {"prefix_length": 5}}', encoding="utf-8")
    write_word_index(tmp_path)
    assert Dictionary(tmp_path).prefix_length == 5
    (tmp_path / "meta.json").write_text('{"format_version": 1, "options": {"prefix_length": 6}}', encoding="utf-8")
    assert Dictionary(tmp_path).prefix_length == 6  # the copy is of another meta.json: meta.json is read
    (tmp_path / "meta.json").write_text('{"format_version": 1, "options": {"prefix_length": 99}}', encoding="utf-8")
    with pytest.raises(DictionaryError, match="prefix_length 99"):
        Dictionary(tmp_path)
    write_word_index(tmp_path)  # a bad meta.json is not copied: the load still refuses it
    with pytest.raises(DictionaryError, match="prefix_length 99"):
        Dictionary(tmp_path)
    (tmp_path / "meta.json").unlink()
    write_word_index(tmp_path)
    assert Dictionary(tmp_path).meta == {} and Dictionary(tmp_path).prefix_length == 7


def test_the_word_table_can_be_built_twice_at_once():
    """Python 3.12 runs a cached_property's function in each thread that finds it missing: the second run must find
    its inputs whole (QA: a false `words.tsv: line 45720 is not word<TAB>count<TAB>lower` under concurrent checks)."""
    d = Dictionary()
    build = type(d).__dict__["_word_table"].func
    first, second = build(d), build(d)
    assert len(first[0]) == len(second[0]) > 0 and first[0][:10] == second[0][:10]
