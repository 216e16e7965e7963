"""dictionaries/casual_endings.tsv and its reading: a listed word written as casual speech writes it is in use."""

from __future__ import annotations

from pathlib import Path

import pytest

TABLE = Path(__file__).resolve().parent.parent / "dictionaries" / "casual_endings.tsv"


def _rows() -> list[tuple[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [(standard, casual) for standard, casual in (ln.split("\t") for ln in lines)]


def test_the_table_is_sorted_lowercase_and_read_by_the_checker(speller):
    rows = _rows()
    assert rows == sorted(set(rows))
    assert len({s for s, _ in rows}) == len(rows)
    for standard, casual in rows:  # the last syllable's a, closed by consonants, written e
        assert standard.isalpha() and standard.islower() and standard.startswith("a")
        assert casual == "e" + standard[1:] and not set(standard[1:]) & set("aeiou")
    assert speller._casual_endings == dict(rows)


def test_each_ending_is_written_casually_of_words_the_corpus_shows(speller):
    """Each row makes a listed word of a listed word 20 times as frequent (`dapet`, `temen`; -ap only `tetep`)."""
    d = speller.dictionary
    for standard, casual in _rows():
        made = [
            word
            for word in d.counts
            if word.isalpha()
            and word.islower()
            and word.endswith(casual)
            and any(d.count(s) >= 20 * d.count(word) for s in speller._casual_standards(word) if s.endswith(standard))
        ]
        assert made, standard


@pytest.mark.parametrize(
    ("word", "standards"),
    [
        ("dapet", {"dapat"}),
        ("temennya", {"temannya"}),  # before -nya
        ("sebenernya", {"sebenarnya"}),
        ("sepekat", set()),  # another syllable's a
        ("areh", set()),  # a coda the table leaves out
        ("tek", set()),  # no consonant and letter before the vowel
        ("naet", set()),  # a vowel before it
    ],
)
def test_casual_standards(speller, word, standards):
    assert speller._casual_standards(word) == frozenset(standards)


@pytest.mark.parametrize(
    "text",
    [
        '"Jadi kita baru dapet sekali uang itu."',
        "Di mana mereka dateng mereka telah diberitakan.",
        "Rumahnya deket sekali dari sini.",
        "Kalau jalan cepet pasti sampai.",
    ],
)
def test_a_casual_form_the_corpus_shows_is_silent_and_flagged_without_the_table(speller, text, monkeypatch):
    from speller import Speller

    assert [i.word for i in speller.check(text)] == []
    # nor the pairs of its own that vouch for some of its count (`dapet uang`): the table alone is under test
    monkeypatch.setattr("speller.model.COLLOCATION_ALLOWANCE", float("inf"))
    plain = Speller()
    plain.__dict__["_casual_endings"] = {}  # without the table its count is all slips of the standard word
    plain.__dict__["_verdict_table"] = None  # (the built verdicts have the table's reading)
    assert len(plain.check(text)) == 1


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        ("Kami sudah sepekat soal itu.", "sepekat", "sepakat"),  # an a of another syllable
        ("Ia tinggal di negera tetangga.", "negera", "negara"),  # listed, yet its count is slips
        ("Ini tempet yang bagus.", "tempet", "tempat"),  # the casual shape, but the corpus never shows it
    ],
)
def test_a_slip_of_the_same_shape_is_still_flagged(speller, text, slip, meant):
    assert [(i.word, i.suggestion) for i in speller.check(text)] == [(slip, meant)]


def test_a_casual_form_the_corpus_shows_is_known_alone(speller):
    """Its count is no slips of the standard word, so it needs no weighing in context (`bener`: benar)."""
    assert speller._prior("bener", False).genuine == 1.0
    assert speller._verdict("bener").kind == "known"
    assert speller.check("Kamu bener juga soal itu.") == []
