"""Slips that read as well-formed words (issue #10): a derivation of a rare root one slip from a frequent word, a
bound form before a word (`mahasisa`: maha + sisa). `suggest` weighs their candidates whatever the detection decides,
and a bound-form reading is only as likely as news writes such compounds (`speller.model.LOG_BOUND_COMPOUND`)."""

from __future__ import annotations

import pytest

from speller.model import outweighed


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("kujungannya", "kunjungannya"),  # kujung + an + nya, a root the corpus never shows
        ("Mahasisa", "Mahasiswa"),  # maha + sisa
        ("akuran", "akurat"),  # akur + an: the meant word is among the offers, not first alone
    ],
)
def test_suggest_weighs_the_candidates_of_a_well_formed_slip(speller, word: str, meant: str) -> None:
    assert meant in speller.suggest(word)


def test_suggest_puts_the_frequent_word_first(speller) -> None:
    assert speller.suggest("kujungannya")[0] == "kunjungannya"
    assert speller.suggest("Mahasisa")[0] == "Mahasiswa"


@pytest.mark.parametrize("word", ["ditanganinya", "keserakahannya", "terbengkalainya", "rumah", "pengujung"])
def test_suggest_leaves_a_word_the_model_holds_as_meant(speller, word: str) -> None:
    assert speller.suggest(word) == []


def test_suggest_offers_only_words_in_use_for_a_well_formed_word(speller) -> None:
    got = speller.suggest("kujungannya")
    assert got and all(speller._offerable(w) for w in got)


def test_outweighed_compares_the_written_share_with_the_candidates_together() -> None:
    assert outweighed(0.25, [("kunjungannya", 0.73), ("dukungannya", 0.02)])
    assert not outweighed(0.64, [("menyala", 0.25), ("menyalip", 0.09)])
    assert not outweighed(0.1, [])


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        ("Kata Rina, mahasisa tingkat akhir.", "mahasisa", "mahasiswa"),
        ("Budi Santoso, Mahasisa Pascasarjana Universitas Gadjah Mada.", "Mahasisa", "Mahasiswa"),
        ("Ujar Dodi, Mahasisa Fakultas Hukum.", "Mahasisa", "Mahasiswa"),
    ],
)
def test_a_bound_form_before_a_word_one_slip_from_a_frequent_word_is_flagged(speller, text, word, meant) -> None:
    # read as maha + `sisa` (422), these were silent: a bound form goes before few of the words it could
    assert (word, meant) in [(i.word, i.suggestion) for i in speller.check(text)]


@pytest.mark.parametrize("word", ["antarkecamatan", "pascabanjir", "superketat", "pascapelantikan", "antardesa"])
def test_a_genuine_bound_form_compound_stays_silent(speller, word: str) -> None:
    assert speller._bound_reading(word)
    assert speller.check(f"Mereka membahas soal {word} pada rapat itu.") == []


@pytest.mark.parametrize(
    "text", ["Serangan itu dilancarkan pascaserangan terhadap kilang minyak.", "Ia menolak sikap nonkooperatif itu."]
)
def test_a_bound_form_is_not_split_off_as_a_fix(speller, text: str) -> None:
    # EYD V writes `pasca` and `non` joined: a split reading is the spacing error `split_word` joins, never a fix
    assert speller.check(text) == []


def test_bound_apart_reads_only_forms_eyd_binds() -> None:
    from speller.candidates import bound_apart

    assert bound_apart("pasca serangan")
    assert not bound_apart("antar jemput")  # also a verb
    assert not bound_apart("sama mulai")
