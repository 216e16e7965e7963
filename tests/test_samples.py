"""Tests for speller.samples: the tables' samples made at build time answer as the tables sampled at load, fresh or
stale, and the shipped ones are fresh."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speller import Speller, samples, sortedfile, sortedlines
from speller.samples import SAMPLES_FILE, TABLES, made_samples, samples_bytes, table_samples, write_samples
from speller.sortedfile import SortedFile
from speller.sortedlines import Lines, SampledLines, sorted_lines
from speller.tables import bundled_folder, bundled_path

SEED = Path(__file__).resolve().parents[1] / "corpus" / "seeds" / "000_67e3d4a227abfabd.txt"
WORDS = st.text(alphabet="abcdé\t", min_size=1, max_size=6)


def test_the_shipped_samples_are_those_of_the_shipped_tables():
    """Stale samples cost a load its time (each table is sampled again): rebuild with `speller build`, or regenerate
    the verdicts (`speller.verdicts.write_table`), which writes them, or `speller.samples.write_samples` alone."""
    assert (bundled_path() / SAMPLES_FILE).read_bytes() == samples_bytes(bundled_folder())


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_load_takes_the_shipped_samples_of_each_table(name):
    path = str(bundled_path() / name)
    data = Path(path).read_bytes()
    start, offsets, sampled = table_samples(data, TABLES[name])
    made = made_samples(path, len(data), start)
    assert made is not None and list(made[0]) == offsets and made[1] == sampled
    assert made_samples(path, len(data) + 1, start) is None and made_samples(path, len(data), start + 1) is None


def _lines(words: list[str]) -> bytes:
    return "".join(f"{w}\n" for w in sorted(set(words), key=str.encode)).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=40),
    st.lists(WORDS, min_size=1, max_size=40),
    st.lists(WORDS, max_size=20),
    st.sampled_from([1, 3, 8]),
    st.integers(-3, 3),
)
def test_sampled_lines_answer_alike_with_their_own_samples_stale_ones_or_none(text, other, asked, block, shift):
    """Samples made of another text (stale), or shifted off their lines, are checked when a question reads them: the
    answers are those of the lines alone."""
    body, stale = _lines(text), _lines(other)
    alone = Lines(sorted_lines(body) or [])
    offsets, found = sortedlines.sample_lines(stale, block)
    offsets = [*offsets[:-1], len(body) - 1]  # made to fit `body`, so that each is checked as asked
    offsets[1:-1] = [max(0, min(len(body) - 2, at + shift)) for at in offsets[1:-1]]
    needles = sorted({w.encode("utf-8")[:k] for w in [*asked, *text] for k in range(len(w.encode("utf-8")) + 2)})
    for made in (sortedlines.sample_lines(body, block), (offsets, found), None):
        lines = SampledLines(body, block, samples=made)
        assert [lines.starting(n) for n in needles] == [alone.starting(n) for n in needles]


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(WORDS.filter(lambda w: "\t" not in w), WORDS, min_size=1, max_size=60), st.integers(-5, 5))
def test_a_mapped_table_answers_alike_with_stale_samples_beside_it(tmp_path_factory, rows, shift):
    with patch.object(sortedfile, "_BLOCK", 8):  # many blocks
        _mapped_table_answers_alike_with_stale_samples(tmp_path_factory, rows, shift)


def _mapped_table_answers_alike_with_stale_samples(tmp_path_factory, rows, shift):
    folder = tmp_path_factory.mktemp("d")
    path = folder / "bigrams.tsv"
    keys = sorted(rows, key=str.encode)
    path.write_bytes("".join(f"{k}\t{rows[k].replace(chr(9), ' ')}\n" for k in keys).encode("utf-8"))
    data = path.read_bytes()
    packed = samples_bytes(str(folder))
    (folder / SAMPLES_FILE).write_bytes(packed)
    asked = [*keys, *(k + "a" for k in keys), "", "zz"]
    expected = [rows[k].replace("\t", " ") if k in rows else None for k in asked]
    made = made_samples(str(path), len(data), 0)
    assert made is not None
    table = SortedFile(path, size=len(data))
    assert [table.get(k) for k in asked] == expected
    assert table._unchecked is not None  # answered through the made samples
    table.close()
    # the same table with its rows' values changed in length: the made samples are stale (their size still fits)
    longer = {k: (v.replace("\t", " ") + "x" * (abs(shift) + 1))[: abs(shift) + 1] for k, v in rows.items()}
    path.write_bytes("".join(f"{k}\t{longer[k]}\n" for k in keys).encode("utf-8"))
    offsets, found = made
    packed = packed.replace(b"\t%d\t" % len(data), b"\t%d\t" % path.stat().st_size, 1)  # as if made of this one
    (folder / SAMPLES_FILE).write_bytes(packed)
    stale = SortedFile(path, size=path.stat().st_size)
    assert [stale.get(k) for k in asked] == [longer.get(k) for k in asked]
    stale.close()


def test_a_rebuilt_folder_writes_its_samples_anew(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "joins.tsv").write_text("di lakukan\tdilakukan\n", encoding="utf-8")
    write_samples(folder)
    first = (folder / SAMPLES_FILE).read_bytes()
    made = made_samples(str(folder / "joins.tsv"), 21, 0)
    assert made is not None and list(made[0]) == [-1, 20] and made[1] == [b"di lakukan\tdilakukan"]
    (folder / "joins.tsv").write_text("di lakukan\tdilakukan\nke mana\tkemana\n", encoding="utf-8")
    write_samples(folder)
    assert (folder / SAMPLES_FILE).read_bytes() != first
    assert made_samples(str(folder / "joins.tsv"), 21, 0) is None and made_samples(str(folder / "joins.tsv"), 36, 0)


def test_an_empty_or_headless_samples_file_gives_no_samples(tmp_path):
    """A samples file is mapped when it can be: an empty one (which cannot be) or one without its header gives none."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "joins.tsv").write_text("di lakukan\tdilakukan\n", encoding="utf-8")
    for body in (b"", b"speller table samples 0\njoins.tsv\t21\t0\t2\t1\t20\n\n", b"no break at all"):
        (folder / SAMPLES_FILE).write_bytes(body)
        assert made_samples(str(folder / "joins.tsv"), 21, 0) is None
    write_samples(folder)
    assert made_samples(str(folder / "joins.tsv"), 21, 0) is not None


def test_a_check_samples_no_table_and_finds_what_a_check_sampling_them_finds(monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(samples, "made_samples", lambda *args: None)
        m.setattr("speller.dictionary.made_samples", lambda *args: None)
        sampled = Speller().check(text)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("sampled at load")

    monkeypatch.setattr(sortedlines, "sample_lines", refused)
    monkeypatch.setattr(sortedfile, "sample_keys", refused)
    assert Speller().check(text) == sampled


def test_a_folder_without_samples_is_sampled_at_load(tmp_path):
    folder = tmp_path / "d"
    shutil.copytree(bundled_path(), folder)
    (folder / SAMPLES_FILE).unlink()
    assert made_samples(str(folder / "bigrams.tsv"), (folder / "bigrams.tsv").stat().st_size, 0) is None
    assert Speller(str(folder)).dictionary.bigrams.get("di sana") == Speller().dictionary.bigrams.get("di sana")
