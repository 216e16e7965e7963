"""Regression and negative tests of the rule findings added for issue 10's third round of missed rule classes: the
non-standard forms `nampak` and `projek`, and compounds written with a hyphen where EYD V writes them apart
(`gotong-royong`). The missing-space rules have their own file (test_missing_space.py). Made-up sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speller import spacing


def _found(speller, text):
    return [(i.word, i.suggestions[0], i.category) for i in speller.check(text)]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Nampaknya dia tidak datang.", "Nampaknya", "Tampaknya"),
        ("Rumah itu nampak sepi.", "nampak", "tampak"),
        ("Dana projek itu belum cair.", "projek", "proyek"),
    ],
)
def test_nonstandard_forms_of_kbbi_are_found(speller, text, span, fix):
    assert (span, fix, "nonstandard") in _found(speller, text)


@pytest.mark.parametrize("text", ["Rumah itu tampak sepi.", "Tampaknya dia tidak datang.", "Proyek itu selesai."])
def test_the_standard_forms_are_left_alone(speller, text):
    assert not speller.check(text)


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Warga bekerja secara gotong-royong.", "gotong-royong", "gotong royong"),
        ("Transaksi jual-beli tanah itu sah.", "jual-beli", "jual beli"),
        ("Arus lalu-lintas padat.", "lalu-lintas", "lalu lintas"),
        ("Kasus itu belum ada tindak-lanjut.", "tindak-lanjut", "tindak lanjut"),
    ],
)
def test_a_compound_written_apart_is_not_hyphenated(speller, text, span, fix):
    assert (span, fix, "spacing") in _found(speller, text)


@pytest.mark.parametrize(
    "text",
    [
        "Warga bekerja secara gotong royong.",
        "Asal-usul dan seluk-beluk aturan itu tumpang-tindih.",  # KBBI writes these with a hyphen
        "Keputusan itu diambil serta-merta.",
        "Kasus itu segera ditindaklanjuti.",
    ],
)
def test_hyphenated_compounds_of_kbbi_are_left_alone(speller, text):
    assert not [i for i in speller.check(text) if i.category == "spacing"]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Mereka samamulai bekerja.", "samamulai", "sama mulai"),  # dev; news never wrote the pair
        ("Lahan itu beralihfungsi menjadi kebun.", "beralihfungsi", "beralih fungsi"),
        ("Soal latarbelakang itu belum jelas.", "latarbelakang", "latar belakang"),
    ],
)
def test_an_unseen_word_of_two_frequent_words_is_a_run_on(speller, text, span, fix):
    assert (span, fix, "spacing") in _found(speller, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jangan banyakin gula.",  # `ban` + `yakin`: a part under four letters
        "Warga Sukamaju datang.",  # a capitalized word: a place or a person may be named so
        "Pemerintahh baru dilantik.",  # a slip one edit from a word, not two words
    ],
)
def test_no_run_on_where_a_part_is_short_a_name_may_stand_or_a_slip_is_nearer(speller, text):
    assert not [i for i in speller.check(text) if i.category == "spacing"]


def test_a_run_on_splits_one_way_only(speller):
    from speller.spacing import unseen_run_on

    d = speller.dictionary
    assert unseen_run_on(d, "samamulai") == "sama mulai"
    assert unseen_run_on(d, "sama") is None and unseen_run_on(d, "pemerintah") is None  # short, or a listed word


def test_a_bound_form_before_a_word_is_no_run_on(speller):
    """EYD V writes a bound form attached (`mikroplastik`), and `split_word` joins `mikro plastik`: never split it."""
    from speller.spacing import BOUND_FORMS, split_word, unseen_run_on

    d = speller.dictionary
    assert {"mikro", "makro"} <= BOUND_FORMS
    assert unseen_run_on(d, "mikroplastikku") is None
    assert not [i for i in speller.check("Peneliti menemukan mikroplastik di laut.") if i.category == "spacing"]
    assert split_word(d, "mikro", "plastik") in (None, "mikroplastik")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([*sorted(spacing.BOUND_FORMS), "", "a", "s", "x"]),
    st.text("abeiknorstu-", max_size=8),
)
def test_bound_form_base_is_the_first_bound_form_the_word_starts_with(head, tail):
    """`bound_form_base` tries the bound forms by their first letter: the answer of trying them all, in order."""
    from speller.spacing import BOUND_FORMS, bound_form_base

    def known(word: str) -> bool:
        return word.startswith(("ko", "su")) or word == "tani"

    word = head + tail
    reference = next(
        (
            word[len(b) :]
            for b in BOUND_FORMS
            if word.startswith(b) and len(word[len(b) :]) >= 3 and known(word[len(b) :].lstrip("-"))
        ),
        None,
    )
    assert bound_form_base(word, known) == reference


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("WARGA MINTA IJIN", "IJIN", "IZIN"),  # a headline: short words in capitals are words too
        ("HARGA CABE NAIK", "CABE", "CABAI"),
        ("ISYU ITU BEREDAR", "ISYU", "ISU"),
        ("MERK ITU TERKENAL", "MERK", "MEREK"),  # a capital after it says nothing of a name in a headline
        ("JAMAN DULU", "JAMAN", "ZAMAN"),
        ("DPR MINTA IJIN", "IJIN", "IZIN"),
    ],
)
def test_a_short_nonstandard_word_in_a_headline_is_fixed(speller, text, span, fix):
    assert (span, fix, "nonstandard") in _found(speller, text)
    assert speller.correct(text) == text.replace(span, fix)


@pytest.mark.parametrize(
    "text",
    [
        "Warga minta IJIN ke RT.",  # capitals among lowercase words: an acronym's place
        "IJIN",
        "Tanpa IJIN DPR, proyek jalan.",
        '"IBT G. P. CABE", kata dia.',  # no word beside it with only spaces between
        "KPK MINTA DPR HADIR",  # acronyms news writes so (cases.tsv) stay acronyms
    ],
)
def test_a_short_word_in_capitals_outside_a_headline_is_an_acronym(speller, text):
    assert [f for f in _found(speller, text) if f[2] == "nonstandard"] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jalur jakarta-bogor macet.", [("jakarta", "Jakarta"), ("bogor", "Bogor")]),
        ("Bulan nopember-desember lalu.", [("nopember", "November"), ("desember", "Desember")]),
        ("Bulan November-desember lalu.", [("desember", "Desember")]),  # a month is a name anywhere
        ("Kerja sama indonesia-Malaysia", [("indonesia", "Indonesia")]),
        ("Soal teori/praktek itu.", [("praktek", "praktik")]),  # as with spaces around the slash
        ("Warga bermukim/beraktifitas di sana.", [("beraktifitas", "beraktivitas")]),
        ("Dia tinggal diJakarta.", [("diJakarta", "di Jakarta")]),  # a preposition glued to a capitalized word
        ("Rapat diKementerian ESDM.", [("diKementerian", "di Kementerian")]),  # its case as written
    ],
)
def test_each_word_of_a_pair_or_a_glued_capital_is_checked(speller, text, found):
    assert [(w, fix) for w, fix, _ in _found(speller, text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "Rumah-rumah itu sepi.",  # a reduplication has rules of its own
        "Suara saut-sautan terdengar.",  # one word inside the other: a reduplication too
        "Sayur-mayur murah.",
        "Kim Hong-joong datang.",  # a given name's syllables after a capital
        "Lulusan pre-university itu.",  # a name in lowercase beside a word that is none
        "Dia membeli iPhone baru.",  # mixed case that is no glued preposition
        "Pasal itu berlaku dan/atau diubah.",
    ],
)
def test_pairs_that_are_no_two_words_are_left_alone(speller, text):
    assert _found(speller, text) == []
