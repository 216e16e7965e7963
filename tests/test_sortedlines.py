"""Sorted tables answered by bisection (`speller.sortedlines`) give what the whole set or dict gives, before and after
they build it, and the dictionary uses them only where reading the file whole would give the same answers."""

from __future__ import annotations

import mmap
import random
from itertools import chain, repeat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speller import sortedlines
from speller.dictionary import (
    NAME_LOWER_SHARE,
    NAME_MODEL_FILE,
    PROPER_LOWER_SHARE,
    TRIGRAMS_FILE,
    WORD_MODEL_FILE,
    Dictionary,
    _lines,
    _pairs_of,
    _parse_words,
    _sorted_rows,
    _sorted_words,
    _word_list,
    trigrams_header,
)
from speller.errors import DictionaryError
from speller.model import TRIGRAM_MIN_COUNT
from speller.sortedlines import AskedSet, CountRows, Lines, SampledLines, SortedRows, sorted_lines, sorted_words
from speller.tables import bundled_path

WORDS = st.text(alphabet="abcé -'\t", min_size=0, max_size=6)


def _body(lines: list[str]) -> bytes:
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


#: How lines are asked: split and bisected (None), or sampled every so many bytes (`SampledLines`).
BLOCKS = st.sampled_from([None, 1, 3, 8, 1024])


def _asked_lines(body: bytes, block: int | None) -> Lines:
    """The sorted lines of `body` as `Lines` (block None) or `SampledLines`."""
    if block is not None:
        return SampledLines(body, block)
    lines = sorted_lines(body)
    assert lines is not None
    return Lines(lines)


@settings(max_examples=200, deadline=None)
@given(
    st.sets(WORDS.filter(lambda w: "\n" not in w and "\t" not in w), min_size=1, max_size=30),
    st.lists(WORDS, max_size=30),
    BLOCKS,
)
def test_sorted_words_answer_as_the_set_of_their_lines(words, asked, block):
    body = _body(sorted(words, key=lambda w: w.encode("utf-8")))
    table = sorted_words(_asked_lines(body, block))
    assert [w in table for w in asked] == [w in words for w in asked]
    assert table.whole() == frozenset(words) and len(table) == len(words) and set(table) == words


@settings(max_examples=100, deadline=None)
@given(
    st.sets(WORDS, min_size=1, max_size=30),
    st.lists(WORDS, max_size=30),
    st.sampled_from([1, 3, 8, 1024]),
    st.sampled_from(["", "# header\n", "# one\n# two\n"]),
)
def test_sampled_lines_below_a_header_and_in_a_mapped_file_answer_as_the_lines_alone(
    tmp_path_factory, words, asked, block, header
):
    """The loader samples a bundled table where it lies (below its header, in the mapped file): nothing copied, the
    same answers, the first line included."""
    body = _body(sorted(words, key=lambda w: w.encode("utf-8")))
    alone = SampledLines(body, block)
    top = header.encode("utf-8")
    path = tmp_path_factory.mktemp("mapped") / "t.txt"
    path.write_bytes(top + body)
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    needles = {w.encode("utf-8")[:k] for w in [*asked, *words] for k in range(len(w.encode("utf-8")) + 2)}
    for lines in (SampledLines(top + body, block, start=len(top)), SampledLines(mapped, block, start=len(top))):
        assert [lines.starting(n) for n in sorted(needles)] == [alone.starting(n) for n in sorted(needles)]
        assert lines.body() == alone.body() == body[:-1] and len(lines) == len(alone) == len(words)
    mapped.close()


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(WORDS.filter(lambda w: "\t" not in w), WORDS, min_size=1, max_size=30),
    st.lists(WORDS, max_size=30),
    BLOCKS,
)
def test_sorted_rows_answer_as_the_dict_of_their_rows(rows, asked, block):
    rows = {k: v.replace("\t", " ") + "\tx" for k, v in rows.items()}  # every row: key, then two tabs' worth
    text = sorted((f"{k}\t{v}" for k, v in rows.items()), key=lambda r: r.encode("utf-8"))
    table = SortedRows(_asked_lines(_body(text), block), 2, "t.tsv")
    assert [table.get(k) for k in asked] == [rows.get(k) for k in asked]
    assert [k in table for k in asked] == [k in rows for k in asked]
    assert dict(table.items()) == rows == table.whole()
    assert SortedRows(_asked_lines(_body(text), block), 2, "t.tsv").keys_listed() == sorted(rows, key=str.encode)
    pairs = SortedRows(_asked_lines(_body([r.rpartition("\t")[0] for r in text]), block), 1, "t.tsv")
    assert pairs.whole() == {k: v.rpartition("\t")[0] for k, v in rows.items()}


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(alphabet="ab \x01\x0b!", max_size=5), st.text(alphabet="ab", max_size=3), max_size=20),
    st.lists(st.text(alphabet="ab\x01\x0b!", max_size=4), max_size=20),
    BLOCKS,
    st.booleans(),
)
def test_a_key_listed_or_followed_by_a_space_is_found_as_the_plain_dict_finds_it(rows, asked, block, whole):
    """`SortedRows.listed_or_spaced` (one bisection) answers as a plain dict of the rows: the key itself, or a key
    that starts with it and a space, with bytes sorting below the tab and the space in the keys."""
    text = sorted((f"{k}\t{v}" for k, v in rows.items()), key=lambda r: r.encode("utf-8"))
    table = SortedRows(_asked_lines(_body(text), block) if text else Lines([]), 1, "t.tsv")
    if whole:
        table.whole()
    expected = [w in rows or any(k.startswith(w + " ") for k in rows) for w in asked]
    assert [table.listed_or_spaced(w) for w in asked] == expected
    assert [table.get(w) for w in asked] == [rows.get(w) for w in asked]


def test_past_max_lookups_the_whole_set_answers(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 3)
    table = sorted_words(Lines([b"abad", b"abadi", b"zebra"]))
    assert ["abad" in table, "x" in table, "zebra" in table] == [True, False, True]
    assert table._whole is None
    assert "abadi" in table and "y" not in table
    assert table._whole == frozenset({"abad", "abadi", "zebra"})


def test_a_large_table_answers_more_questions_by_bisection_before_its_whole_dict(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 3)
    monkeypatch.setattr(sortedlines, "ROWS_PER_LOOKUP", 4)
    rows = {f"k{i:03}": f"{i}\tx" for i in range(40)}  # 40 rows: 10 questions by bisection
    table = SortedRows(Lines([f"{k}\t{v}".encode() for k, v in sorted(rows.items())]), 2, "t.tsv")
    asked = [f"k{i:03}" for i in range(0, 60, 6)]  # ten questions, the last four for rows not there
    assert [table.get(k) for k in asked] == [rows.get(k) for k in asked]
    assert table._whole is None
    assert table.get("k001") == rows["k001"] and table._whole == rows
    small = SortedRows(Lines([b"a\t1\t2", b"b\t3\t4"]), 2, "s.tsv")  # fewer rows than MAX_LOOKUPS questions
    assert [small.get(k) for k in ("a", "x", "b")] == ["1\t2", None, "3\t4"] and small._whole is None
    assert small.get("y") is None and small._whole == {"a": "1\t2", "b": "3\t4"}


def test_unsorted_unended_or_empty_lines_give_no_table():
    assert sorted_lines(b"b\na\n") is None
    assert sorted_lines(b"a\nb") is None
    assert sorted_lines(b"") is None
    assert sorted_lines(b"a\nb\n") == [b"a", b"b"]


def test_a_row_with_other_tabs_is_refused_when_asked():
    table = SortedRows(Lines([b"a\tx\ty", b"b\tx"]), 2, "t.tsv")
    assert table.get("a") == "x\ty"
    with pytest.raises(DictionaryError, match="t.tsv"):
        table.get("b")
    with pytest.raises(DictionaryError, match="t.tsv"):
        table.whole()
    for rows in ([b"a\tx\ty", b"b"], [b"a", b"b\tx\ty"], [b"a\tx", b"b\tx\ty", b"c"]):  # the tabs the rows should hold
        table = SortedRows(Lines(rows), 1, "t.tsv")
        with pytest.raises(DictionaryError, match="t.tsv"):
            table.whole()
        with pytest.raises(DictionaryError, match="t.tsv"):
            table.keys_listed()


def test_the_bundled_tables_are_answered_by_bisection_with_the_answers_of_the_whole_files():
    folder = bundled_path()
    d = Dictionary(folder)
    assert isinstance(d.roots, AskedSet) and isinstance(d.english, AskedSet)
    assert isinstance(d.verdicts, SortedRows) and isinstance(d.joins, SortedRows)
    assert isinstance(d.join_keys, AskedSet) and isinstance(d.join_lefts, AskedSet)
    assert d.roots.whole() == frozenset(_word_list(folder / "roots.txt"))
    assert d.english.whole() == frozenset(_word_list(folder / "english.txt"))
    rows = _lines(folder / "verdicts.tsv")
    assert d.verdicts.whole() == dict(map(str.split, rows, repeat("\t"), repeat(1)))


@pytest.mark.parametrize("name", [NAME_MODEL_FILE, WORD_MODEL_FILE])
def test_the_bundled_letter_models_pass_the_checks_a_load_skips_for_them(name):
    """A bundled letter model is not decoded nor counted at each load (`_letter_model`): valid UTF-8, sorted, each row
    string<TAB>gram count<TAB>context count, as a load checks of any other."""
    header, _, body = (bundled_path() / name).read_bytes().partition(b"\n")
    assert header.endswith(b" letters.")
    rows = body.decode("utf-8").split("\n")
    assert rows.pop() == ""  # each row ends with a line break
    assert rows == sorted(rows) and body == _body(rows)
    assert all(row.count("\t") == 2 and all(c.isdigit() for c in row.split("\t")[1:]) for row in rows)
    assert sorted_lines(body) is not None


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "d"
    folder.mkdir()
    for name in ("words.tsv", "meta.json"):
        (folder / name).write_bytes((bundled_path() / name).read_bytes())
    return folder


@pytest.mark.parametrize(
    "roots",
    [
        "# header\nb\na\n",  # unsorted
        "# header\na\n# note\nb\n",  # a comment below the header
        "# header\na\n\nb\n",  # a blank line
        "# header\n a\nb\n",  # padded
        "# header\nA\nb\n",  # not in lowercase
        "# header\nabé\nb\n",  # not ASCII
        "a\nb",  # no final line break
    ],
)
def test_a_word_list_not_plain_and_sorted_is_read_whole_with_the_same_words(tmp_path, roots):
    folder = _copy(tmp_path)
    (folder / "roots.txt").write_text(roots, encoding="utf-8")
    (folder / "english.txt").write_text(roots, encoding="utf-8")
    d = Dictionary(folder)
    assert isinstance(d.roots, frozenset)
    assert isinstance(d.english, frozenset) == (roots != "# header\nA\nb\n")  # English words keep their capitals
    assert d.roots == {w.lower() for w in _word_list(folder / "roots.txt")}
    assert d.english == set(_word_list(folder / "english.txt"))


def test_a_plain_sorted_word_list_keeps_inner_spaces_as_the_reader_does(tmp_path):
    folder = _copy(tmp_path)
    (folder / "roots.txt").write_text('# header\na\noper "v,"\nz\n', encoding="utf-8")
    d = Dictionary(folder)
    assert isinstance(d.roots, AskedSet)
    assert 'oper "v,"' in d.roots and "oper" not in d.roots and set(d.roots) == set(_word_list(folder / "roots.txt"))


def test_unsorted_verdicts_are_read_whole_and_a_bad_row_is_refused(tmp_path):
    folder = _copy(tmp_path)
    (folder / "verdicts.tsv").write_text("b\tskip\t\t0.0\na\tskip\t\t0.0\n", encoding="utf-8")
    d = Dictionary(folder)
    assert d.verdicts == {"a": "skip\t\t0.0", "b": "skip\t\t0.0"} and not isinstance(d.verdicts, SortedRows)
    (folder / "verdicts.tsv").write_text("a\tskip\t\t0.0\nb\tskip\t0.0\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="verdicts.tsv: every line must be"):
        _ = Dictionary(folder).verdicts


def _old_join_sets(d: Dictionary) -> tuple[frozenset[str], frozenset[str]]:
    """`join_keys` and `join_lefts` as the dictionary built them before: from the whole tables."""
    folder = bundled_path()
    keys = frozenset(chain(_pairs_of(str(folder / "joins.tsv")), (k for k in d.compounds if " " in k)))
    return keys, frozenset(k.partition(" ")[0] for k in keys)


def test_join_keys_and_lefts_asked_one_by_one_answer_as_the_whole_sets(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 10**6)
    d = Dictionary(bundled_path())
    keys, lefts = _old_join_sets(d)
    rng = random.Random(5)
    asked = (
        rng.sample(sorted(keys), 300)
        + rng.sample(sorted(lefts), 300)
        + ["", " ", "di", "di ", "a\tb", "zzz", "di lakukan"]
    )
    asked += [k[:-1] for k in asked if k] + [k + "x" for k in asked]
    assert [w in d.join_keys for w in asked] == [w in keys for w in asked]
    assert [w in d.join_lefts for w in asked] == [w in lefts for w in asked]
    assert isinstance(d.join_lefts, AskedSet) and isinstance(d.join_keys, AskedSet)
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 10)
    fresh = Dictionary(bundled_path())
    assert [w in fresh.join_lefts for w in asked] == [w in lefts for w in asked]
    assert fresh.join_lefts == lefts and type(fresh.join_lefts) is frozenset  # built whole: the attribute is the set
    assert [w in fresh.roots for w in asked] == [w in d.roots for w in asked] and type(fresh.roots) is frozenset


def test_names_and_proper_names_asked_by_their_flags_answer_as_the_whole_sets(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 10**6)
    d = Dictionary(bundled_path())
    words = list(d.counts)
    asked = random.Random(7).sample(words, 2000) + ["", "zzzq", "Jakarta", "jakarta", "putin"]
    names, proper = d.names, d.proper
    assert isinstance(names, AskedSet) and isinstance(proper, AskedSet)
    answers = [(w in names, w in proper) for w in asked]
    whole = Dictionary(bundled_path())
    all_names, all_proper = whole.names.whole(), whole.proper.whole()  # type: ignore[attr-defined]
    assert answers == [(w in all_names, w in all_proper) for w in asked]
    counts, lowered = d.counts, dict(zip(d._words, d._lowered))
    assert all_names == {w for w in words if lowered[w] < NAME_LOWER_SHARE * counts[w]}
    assert type(whole.names) is frozenset and whole.names is all_names  # built whole: the attribute is the set


def test_set_operators_on_an_asked_set_give_frozensets():
    table = sorted_words(Lines([b"abad", b"abadi", b"zebra"]))
    assert table & {"abad", "x"} == frozenset({"abad"}) and type(table & {"abad"}) is frozenset
    assert {"abad", "x"} - table == {"x"} and table | {"x"} == {"abad", "abadi", "zebra", "x"}
    assert table.isdisjoint({"x", "y"}) and not table.isdisjoint({"zebra"})


@pytest.mark.parametrize(
    "body",
    ["^xy\nxyz\n", "xyz\n^xy\n", "^xy xyz\n", "^xy\n\nxyz\n", "^xy\nx\u00a0z\n", "^xy\nxyz", "\n^xy\n"],
)
def test_trigrams_read_as_asked_are_those_the_whole_file_gives(tmp_path, body):
    (tmp_path / "words.tsv").write_text("abcd\t9\t9\n", encoding="utf-8")
    (tmp_path / TRIGRAMS_FILE).write_text(f"{trigrams_header(TRIGRAM_MIN_COUNT)}\n{body}", encoding="utf-8")
    table = Dictionary(tmp_path).trigrams(TRIGRAM_MIN_COUNT)
    assert table is not None and set(table) == set(body.split())
    assert isinstance(table, AskedSet) == (body == "^xy\nxyz\n")
    assert ["^xy" in table, "xyz" in table, "x" in table] == [w in body.split() for w in ("^xy", "xyz", "x")]


def test_the_shipped_trigrams_are_read_as_asked():
    table = Dictionary(bundled_path()).trigrams(TRIGRAM_MIN_COUNT)
    assert isinstance(table, AskedSet)
    assert table.whole() == frozenset(
        (bundled_path() / TRIGRAMS_FILE).read_text(encoding="utf-8").split("\n", 1)[1].split()
    )


@pytest.mark.parametrize(
    "name",
    [
        "roots.txt",
        "english.txt",
        "verdicts.tsv",
        "joins.tsv",
        "trigrams.txt",
        "name_model.tsv",
        "word_model.tsv",
        "words.tsv",
    ],
)
def test_the_bundled_tables_asked_by_samples_are_sorted(name):
    """The loader asks the bundled tables through `SampledLines` without checking their order: this checks it."""
    raw = (bundled_path() / name).read_bytes()
    body = raw
    while body.startswith(b"#"):
        body = body.partition(b"\n")[2]
    if name == "trigrams.txt":
        body = raw.partition(b"\n")[2]
    assert sorted_lines(body) is not None, f"dictionaries/{name} is not sorted by the bytes of its lines"


def test_the_bundled_words_are_plain_rows_listed_once_each():
    """`CountRows` reads the bundled words.tsv row by row without checking it: each word listed once, in rows of two
    tabs, with nothing the word-list reader would read otherwise (a comment, a blank line, spaces at an edge)."""
    raw = (bundled_path() / "words.tsv").read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("\n") and not text[:1].isspace() and text[:1] != "#"
    assert not any(s in text for s in ("\n#", "\n\n", " \n", "\n ", " \t", "\t ", "\r"))
    rows = text[:-1].split("\n")
    assert all(row.count("\t") == 2 for row in rows)
    words = [row.partition("\t")[0].encode("utf-8") for row in rows]
    assert all(a < b for a, b in zip(words, words[1:]))
    assert text.splitlines() == rows  # no other line break


def _whole_words(folder: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(word -> count, word -> lowercase count) of words.tsv read whole."""
    words, numbers, lowered = _parse_words(str(folder / "words.tsv"), (folder / "words.tsv").read_bytes())
    return dict(zip(words, numbers)), dict(zip(words, lowered))


ODD_WORDS = ["", "zzzq", "Jakarta", "jakarta", "putin", "a\tb", "a\nb", "yang\t", "\udcff", "yang ", " yang", "a"]


def test_the_bundled_counts_read_row_by_row_answer_as_the_whole_word_list(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_COUNTED_WORDS", 10**6)
    monkeypatch.setattr(sortedlines, "MAX_LOOKUPS", 10**6)
    d = Dictionary(bundled_path())
    counts, lowered = _whole_words(bundled_path())
    assert isinstance(d.counts, CountRows)
    asked = random.Random(11).sample(sorted(counts), 3000) + ODD_WORDS
    asked += [w[:-1] for w in asked if w] + [w + "a" for w in asked]
    assert [w in d.counts for w in asked] == [w in counts for w in asked]
    assert [d.counts.get(w) for w in asked] == [counts.get(w) for w in asked]
    assert [d.count(w) for w in asked] == [counts.get(w, 0) for w in asked]
    assert [d.lower_count(w) for w in asked] == [lowered.get(w, 0) for w in asked]
    names = {w for w in counts if lowered[w] < NAME_LOWER_SHARE * counts[w]}
    proper = {w for w in names if lowered[w] < PROPER_LOWER_SHARE * counts[w]}
    assert [(w in d.names, w in d.proper) for w in asked] == [(w in names, w in proper) for w in asked]
    assert d.total == sum(counts.values()) and d.max_count == max(counts.values())
    assert isinstance(d.counts, CountRows) and "_word_table" not in vars(d)  # nothing read whole
    rows = d.counts
    assert d.counts == counts and len(d.counts) == len(counts) and type(d.counts) is dict  # built whole
    assert dict(rows.items()) == counts and list(rows.keys()) == list(counts) and sum(rows.values()) == d.total
    assert [d.lower_count(w) for w in asked] == [lowered.get(w, 0) for w in asked]  # from the whole word list
    assert d.names == names and d.proper == proper


def test_counts_are_read_row_by_row_up_to_max_counted_words_whatever_other_tables_allow():
    d = Dictionary(bundled_path())
    counts, lowered = _whole_words(bundled_path())
    asked = random.Random(3).sample(sorted(counts), sortedlines.MAX_COUNTED_WORDS - 1)
    assert [d.count(w) for w in asked] == [counts[w] for w in asked]
    assert [d.lower_count(w) for w in asked] == [lowered[w] for w in asked]
    assert isinstance(d.counts, CountRows) and "_word_table" not in vars(d)


def test_past_max_counted_words_the_whole_dict_answers(monkeypatch):
    monkeypatch.setattr(sortedlines, "MAX_COUNTED_WORDS", 5)
    d = Dictionary(bundled_path())
    counts, _ = _whole_words(bundled_path())
    rows = d.counts
    asked = ["yang", "dan", "zzzq", "jakarta", "di", "ke", "dari", "zzzq"]
    assert [w in rows for w in asked] == [w in counts for w in asked]
    assert type(d.counts) is dict and d.counts == counts  # the attribute is the dict from then on
    assert [rows.get(w) for w in asked] == [counts.get(w) for w in asked]  # and the rows answer from it


def test_a_copied_word_list_is_read_whole_with_the_same_counts(tmp_path):
    """Only the bundled words.tsv (whose order the tests check) is read row by row; a copy elsewhere is read whole."""
    for name in ("words.tsv", "words.bin", "meta.json"):
        (tmp_path / name).write_bytes((bundled_path() / name).read_bytes())
    d = Dictionary(tmp_path)
    assert type(d.counts) is dict and d.counts == _whole_words(bundled_path())[0]
    assert d.names == Dictionary(bundled_path()).names.whole()  # type: ignore[attr-defined]


def test_a_check_reads_the_rows_of_the_words_it_asks_only():
    """A check of a short text builds no dict of every word (`CountRows`), and finds what it found before."""
    from speller.checker import Speller

    speller = Speller(Dictionary(bundled_path()))
    found = [i.word for i in speller.check("Presiden Rusia bertemu di luar angksa.\n")]
    assert found == ["angksa"]
    assert isinstance(speller.dictionary.counts, CountRows) and "_word_table" not in vars(speller.dictionary)


def test_count_rows_refuse_a_row_that_is_not_two_counts():
    rows = CountRows(SampledLines(b"a\t1\t2\nb\tx\t2\nc\t1\t2\t3\n"), "w.tsv", dict, lambda whole: None)
    assert rows.row("a") == (1, 2) and rows.get("a") == 1 and rows["a"] == 1
    assert "zz" not in rows and rows.get("zz", 0) == 0 and "a\t1" not in rows
    for word in ("b", "c"):
        with pytest.raises(DictionaryError, match="w.tsv"):
            rows.row(word)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("roots.txt", lambda path: _sorted_words(path, lowercase=True)),
        ("english.txt", lambda path: _sorted_words(path, lowercase=False)),
        ("joins.tsv", lambda path: _sorted_rows(path, tabs=1)),
        ("verdicts.tsv", lambda path: _sorted_rows(path, tabs=3)),
    ],
)
def test_the_bundled_tables_read_as_they_are_pass_the_checks_any_other_file_gets(tmp_path, name, read):
    """The loader reads a bundled table's lines without checking them (`_bundled_lines`): a copy elsewhere is checked
    (plain, sorted, one column count), and must be read by bisection too, with the same lines."""
    copy = tmp_path / name
    copy.write_bytes((bundled_path() / name).read_bytes())
    checked, bundled = read(copy), read(bundled_path() / name)
    assert checked is not None, f"dictionaries/{name} is not plain and sorted: the loader must not trust it"
    lines = checked if isinstance(checked, Lines) else checked._lines
    trusted = bundled if isinstance(bundled, Lines) else bundled._lines
    assert isinstance(trusted, SampledLines) and lines.body() == trusted.body()


def test_a_mapped_file_reads_as_its_bytes_an_empty_one_as_empty_and_a_missing_one_as_none(tmp_path):
    from speller.dictionary import _mapped_bytes, _optional_mapped, _read_bytes

    (tmp_path / "a.tsv").write_bytes(b"a\t1\nb\t2\n")
    (tmp_path / "empty.tsv").write_bytes(b"")
    assert _optional_mapped(tmp_path / "a.tsv")[:] == _read_bytes(tmp_path / "a.tsv")  # type: ignore[index]
    assert _optional_mapped(tmp_path / "empty.tsv") == b""
    assert _optional_mapped(tmp_path / "missing.tsv") is None
    for read in (_mapped_bytes, _read_bytes):
        with pytest.raises(DictionaryError, match="missing.tsv: cannot read"):
            read(tmp_path / "missing.tsv")
