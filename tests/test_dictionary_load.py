"""Dictionary loading: names and proper names as defined, whatever the order or repetition of the rows."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from speller.dictionary import NAME_LOWER_SHARE, PROPER_LOWER_SHARE, Dictionary

ROWS = st.lists(
    st.tuples(
        st.sampled_from(["jakarta", "putin", "rumah", "kata", "budi", "luar"]), st.integers(1, 50), st.integers(0, 50)
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(ROWS)
def test_names_and_proper_follow_the_last_row_of_each_word(tmp_path_factory, rows):
    folder: Path = tmp_path_factory.mktemp("d")
    rows = [(w, c, min(low, c)) for w, c, low in rows]
    (folder / "words.tsv").write_text("".join(f"{w}\t{c}\t{low}\n" for w, c, low in rows), encoding="utf-8")
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
