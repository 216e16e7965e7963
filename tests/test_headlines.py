"""A headline in Title Case: its capitals are its style, so a rule error in it (a word written apart or joined, a
nonstandard spelling) is reported as in a body line, while a name in it (`Barito Putera`, `Dwi Novianto`) is left as
a name is anywhere (`speller.tokenize.title_line`, `Speller._headline`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speller.spacing import NEVER_DOUBLED
from speller.tokenize import TITLE_MIN_WORDS, title_line


@pytest.mark.parametrize(
    ("text", "markup", "word", "fix"),
    [
        ("Hal Itu Di Lakukan Polisi", "text", "Di Lakukan", "Dilakukan"),
        ("BBM Non Subsidi Naik", "text", "Non Subsidi", "Nonsubsidi"),
        ("Sebagai Mana Mestinya", "text", "Sebagai Mana", "Sebagaimana"),
        ("Warga Dirumah Saja", "text", "Dirumah", "Di Rumah"),  # each word capitalized, as the headline writes
        ("Warga Menelpon Polisi", "text", "Menelpon", "Menelepon"),
        ("Hal Itu Mempengaruhi Harga", "text", "Mempengaruhi", "Memengaruhi"),
        ("Perluas Akses Produk Bergizi ke Pasar Global Pasca Pandemi", "text", "Pasca Pandemi", "Pascapandemi"),
        ("# Hal Itu Di Lakukan Polisi", "markdown", "Di Lakukan", "Dilakukan"),
        ("<h1>Hal Itu Mempengaruhi Harga</h1>", "html", "Mempengaruhi", "Memengaruhi"),
    ],
)
def test_a_rule_error_in_a_title_case_headline_is_reported(speller, text, markup, word, fix):
    found = [(i.word, i.suggestion) for i in speller.check(text, markup=markup)]
    assert found == [(word, fix)]
    assert speller.correct(text, markup=markup) == text.replace(word, fix)


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("Warga Dirumah Saja Selama Libur", "Di Rumah"),  # every word capitalized: so is the split's
        ("Warga Dirumah Saja dan Belajar ke Sekolah", "di Rumah"),  # function words in lowercase: so is `di`
        ("Dirumah Saja dan Belajar ke Sekolah", "Di Rumah"),  # the line's first word keeps its capital
    ],
)
def test_a_word_split_in_a_headline_is_cased_as_the_headline_writes_its_words(speller, text, fix):
    [issue] = speller.check(text)
    assert issue.word == "Dirumah" and issue.suggestion == fix


@pytest.mark.parametrize(
    "text",
    [
        "Rumah Sakit Harapan Kita Buka Layanan Baru",
        "Barito Putera Kalahkan Persija Di Kandang",
        "Raka Dwi Novianto Juara Lagi",
        "Kata Ustadz Yusuf Mansur Soal Zakat",
        "Promo Mie Sedaap Rasa Baru",
        "Peneliti Pusat Kajian Anti Korupsi Universitas Gadjah Mada",
        "Antivirus Security - Security Scan",
        "Pegawai Non ASN Dihapus Tahun Depan",  # a bound form before an acronym: `non-ASN` (EYD V), never joined
        "Pertemuan Pra KTT ASEAN Digelar di Bali",
        "Agen LPG Non PSO Ditutup Sementara",
        "Warga Non Muslim Ikut Merayakan Lebaran",  # a word news writes capitalized often: a name's, maybe
        "Suasana Pasca Lebaran Di Jakarta",
        "Komedian Soleh Solihun Akhirnya Menikah",  # a word the dictionary does not list beside it: a new name
        "Wisata Goa Pindul Ramai Dikunjungi",
        "Pameran World Press Photo Digelar di Erasmus Huis Jakarta",  # English beside it: a name's
        "Via Digital Trends & The Photo Blographer.",
    ],
)
def test_a_name_in_a_title_case_headline_is_left_alone(speller, text):
    assert [i.word for i in speller.check(text) if i.category in ("spacing", "nonstandard")] == []
    assert speller.correct(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "PRESIDEN TEMUI MUHAMMAD SOLEH DI ISTANA",
        "MIE SEDAAP LUNCURKAN VARIAN BARU",
        "WISATA KE GOA INDIA",
    ],
)
def test_a_name_in_a_headline_in_capitals_is_not_fixed(speller, text):
    assert speller.correct(text) == text


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Liga Champions Rabu 18/9/2019 Dinihari", "Liga Champions Rabu 18/9/2019 Dini Hari"),  # a number: no name
        ("Warga Dibebaskan dari Pasungan Non Fisik", "Warga Dibebaskan dari Pasungan Nonfisik"),  # a word formed
        ("WARGA MEMBAYAR HUTANG", "WARGA MEMBAYAR UTANG"),
    ],
)
def test_a_headline_word_beside_a_number_or_a_formed_word_is_still_fixed(speller, text, fixed):
    assert speller.correct(text) == fixed


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Ia bertemu Dwi Novianto di pasar.", "Dwi Novianto"),  # a body line: a capital inside it is a name's
        ("Warga Menelpon polisi kemarin", "Menelpon"),  # a lowercase content word: no headline
    ],
)
def test_outside_a_headline_a_capitalized_word_is_still_read_as_a_name(lenient, text, word):
    assert all(not i.flagged for i in lenient.check(text) if i.word == word)


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("Hal Itu Di Lakukan Polisi", True),
        ("Perluas Akses Produk Bergizi ke Pasar Global", True),  # a function word may stay in lowercase
        ("Dasar\nHal Itu Di Lakukan Polisi\nlalu pergi", True),  # the line, not the text
        ("Hal Itu dilakukan Polisi", False),  # a content word in lowercase
        ("Warga Polisi", False),  # too short
        ("HAL ITU DI LAKUKAN POLISI", False),  # shouted, not titled
        ("Hal Itu Di Lakukan Polisi " * 20, False),  # a paragraph of capitalized words: a line-up, not a headline
    ],
)
def test_title_line(text, titled):
    assert title_line(text, text.index("Di") if "Di" in text else 0, NEVER_DOUBLED) == titled


_CAPITALIZED = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True)


@given(st.lists(_CAPITALIZED, min_size=TITLE_MIN_WORDS, max_size=12), st.data())
def test_a_title_line_is_one_for_every_word_of_it_and_a_lowercase_content_word_ends_it(words, data):
    line = " ".join(words)
    at = data.draw(st.sampled_from([i for i, c in enumerate(line) if c.isupper()]))
    assert title_line(f"isi berita.\n{line}\nisi berita.", at + len("isi berita.\n"), NEVER_DOUBLED)
    plain = data.draw(st.from_regex(r"[a-z]{2,8}", fullmatch=True).filter(lambda w: w not in NEVER_DOUBLED))
    spot = data.draw(st.integers(0, len(words)))
    assert not title_line(" ".join([*words[:spot], plain, *words[spot:]]), 0, NEVER_DOUBLED)
