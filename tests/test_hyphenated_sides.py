"""A slip inside a capitalized word joined by a hyphen or a slash to a name or a clitic (`Prabowo-Gibrna`,
`Jokwi-nya`), or inside a lowercase word written with a slash (`kabupaten/kofa`, `Rp 18.300/litesr`): each side is
judged as a word of its own (`Speller._side_findings`, `Speller._slashed_findings`); a name's slip with its clitic
glued on (`Jakrtanya`) is judged as its stem (`Speller._glued_finding`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller.categories import Category
from speller.spacing import CLITICS

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

#: Names news writes often, spelt right.
NAMES = ["Prabowo", "Gibran", "Jakarta", "Bandung", "Jokowi", "Indonesia", "Surabaya", "Anies", "Malaysia", "Bali"]


def _typos(speller, text: str) -> list[tuple[str, str]]:
    return [(text[i.start : i.end], i.suggestions[0]) for i in speller.check(text) if i.category == Category.TYPO]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Pasangan Prabowo-Gibrna menang.", ("Gibrna", "Gibran")),
        ("Kereta Jakarta-Bandugn melaju cepat.", ("Bandugn", "Bandung")),
        ("Kereta Jakrta-Bandung melaju cepat.", ("Jakrta", "Jakarta")),
        ("Rute Jakarta/Bandugn dibuka.", ("Bandugn", "Bandung")),
        ("Kebijakan Jokwi-nya bagus.", ("Jokwi", "Jokowi")),
        ("Bangsa Indoensia-nya maju.", ("Indoensia", "Indonesia")),
    ],
)
def test_a_slip_on_one_side_of_a_hyphen_or_slash_is_found_as_alone(speller, text, found):
    assert _typos(speller, text) == [found]


def test_the_fix_mends_the_side_and_keeps_the_hyphen(speller):
    assert "Indonesia-nya" in speller.correct("Bangsa Indoensia-nya maju.")


@pytest.mark.parametrize(
    "text",
    [
        "Pasangan Prabowo-Gibran menang.",
        "Kebijakan Jokowi-nya bagus.",
        "Pemain Hong-joong tampil.",  # a given name's syllables: no capitalized side
        "Mobil Mercedes-Benz itu baru.",
        "Pengurus Masjid Al-Jabbar hadir.",  # a foreign particle's name (`Jabar` is a word of news, `Jabbar` rare)
    ],
)
def test_a_pair_spelt_right_is_left_alone(speller, text):
    assert _typos(speller, text) == []


@PROPERTY
@given(st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from("-/"))
def test_two_names_spelt_right_are_never_a_typo(speller, first, second, mark):
    assert _typos(speller, f"Kerja sama {first}{mark}{second} berjalan.") == []


#: Lowercase words news writes with a slash between them, spelt right.
SLASHED_WORDS = ["kabupaten", "kota", "siswa", "siswi", "bapak", "ibu", "guru", "dosen", "desa", "kelurahan", "atau"]
#: Units news writes after a price or an amount and a slash, spelt right.
UNITS = ["liter", "kilogram", "gram", "jam", "tahun", "bulan", "orang", "hektare", "batang"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Data itu dari tiap kabupaten/kofa di provinsi ini.", ("kofa", "kota")),
        ("Para bqapak/ibu guru hadir.", ("bqapak", "bapak")),
        ("Harga solar Rp 18.300/litesr kemarin.", ("litesr", "liter")),
        ("Jumlah siswa/sisiw naik.", ("sisiw", "sisi")),
        ("Pilih salah satu dan/ataau keduanya.", ("ataau", "atau")),
        ("Harga cabai Rp 60.000/kilogam di pasar.", ("kilogam", "kilogram")),
        ("Pejabat tingkat provinsi/kabupaten/kofa hadir.", ("kofa", "kota")),
    ],
)
def test_a_slip_on_a_lowercase_side_of_a_slash_is_found_as_alone(speller, text, found):
    assert _typos(speller, text) == [found]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Data itu dari tiap kabupaten/kofa di provinsi ini.", "Data itu dari tiap kabupaten/kota di provinsi ini."),
        ("Harga solar Rp 18.300/litesr kemarin.", "Harga solar Rp 18.300/liter kemarin."),
        ("Pilih salah satu dan/ataau keduanya.", "Pilih salah satu dan/atau keduanya."),
    ],
)
def test_the_fix_mends_only_the_slashed_side(speller, text, fixed):
    assert speller.correct(text, min_confidence=0.5) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Kecepatan 80 km/jam di jalan tol.",
        "Masa berlaku 1 s/d 5 Januari.",
        "Pelaku diancam denda dan/atau pidana.",
        "Kopi w/o gula, and/or teh.",
        "Protokol TCP/IP dipakai.",
        "Buka http://x/y dan http://detik.com/kabupaten/kofa sekarang.",
        "Lihat www.detik.com/kabupaten/kofa hari ini.",
        "Layanan 24/7 tersedia.",
        "Kepadatan 5 kg/m2 saja.",
        "Tanggal 14/8/2023 dan 1/2 bagian.",
        "Surat a/n kepala desa, d/h kantor lama, u/p bagian umum, c/o kantor.",
        "Berkas di ~/dokumen/kofa, /data/kofa dan folder_lama/kofa saja.",  # a path's or a handle's words
        "Arus lalu lintas kembali normal. (rul/imk)",  # an editor's initials
        "Foto: dok/ist",
        "Harga Rp 18.300/liter dan Rp 60.000/kilogram.",
    ],
)
def test_a_slashed_run_that_is_no_pair_of_words_is_left_alone(speller, text):
    assert _typos(speller, text) == []


@PROPERTY
@given(st.sampled_from(SLASHED_WORDS), st.sampled_from(SLASHED_WORDS))
def test_two_lowercase_words_spelt_right_are_never_a_typo(speller, first, second):
    assert _typos(speller, f"Data {first}/{second} itu lengkap.") == []


@PROPERTY
@given(st.integers(1, 999_999), st.sampled_from(UNITS))
def test_a_unit_spelt_right_after_a_number_is_never_a_typo(speller, amount, unit):
    assert _typos(speller, f"Harganya Rp {amount:,}/{unit} kemarin.".replace(",", ".")) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Warga Jakrtanya senang.", ("Jakrtanya", "Jakartanya")),
        ("Pemerintah Indoensianya kini berubah.", ("Indoensianya", "Indonesianya")),
        ("Ia bertemu Prabwonya kemarin.", ("Prabwonya", "Prabowonya")),
        ("Kota Surabyanya ramai.", ("Surabyanya", "Surabayanya")),  # not `Surabaya`: the clitic is the text's
    ],
)
def test_a_name_s_slip_with_a_glued_clitic_is_found_with_its_clitic(speller, text, found):
    """QA: `Jakrtanya`, `Indoensianya` and `Prabwonya` passed silently (the morphology reads an unknown capitalized stem
    + -nya as a name), `Surabyanya` was offered `Surabaya`, dropping the clitic."""
    assert _typos(speller, text) == [found]


def test_the_fix_of_a_glued_name_slip_keeps_the_clitic(speller):
    assert speller.correct("Kota Surabyanya ramai.") == "Kota Surabayanya ramai."


@pytest.mark.parametrize(
    "text",
    [
        "Ekonomi Indonesianya tumbuh.",
        "Kabinet Gibrannya sudah terbentuk.",
        "Kebijakan Jokowinya bagus.",
        "Warga Zelenskyynya ada di sana.",  # a new name: its stem is no listed name's slip
    ],
)
def test_a_name_with_a_glued_clitic_spelt_right_is_left_alone(speller, text):
    assert _typos(speller, text) == []


@PROPERTY
@given(st.sampled_from(["Jakrta", "Indoensia", "Surabya", "Bandugn", "Malaysai", "Prabwo"]), st.sampled_from(CLITICS))
def test_a_glued_name_slip_is_judged_as_its_stem(speller, stem, clitic):
    """The glued word is flagged where its stem, written with the clitic after a hyphen, is: the stem's suggestion with
    the clitic, at the stem's confidence."""
    (hyphened,) = [i for i in speller.check(f"Warga {stem}-{clitic} senang.") if i.category == Category.TYPO]
    (glued,) = [i for i in speller.check(f"Warga {stem}{clitic} senang.") if i.category == Category.TYPO]
    assert (glued.word, glued.suggestions[0]) == (stem + clitic, hyphened.suggestions[0] + clitic)
    assert glued.confidence == hyphened.confidence


@pytest.mark.parametrize(
    "text",
    ["Kerja sama Jakartaku berjalan.", "Lagu Indonesiaku dinyanyikan.", "Ia cinta Jakartamu kemarin."],
)
def test_a_listed_name_with_a_possessive_glued_on_is_left_alone(speller, text):
    """QA: `Jakartamu` -> `Jakarta` (0.88): a listed name with -ku or -mu is the name owned, no slip of it."""
    assert _typos(speller, text) == []


def test_a_possessive_keeps_a_slip_of_its_name_found(speller):
    assert _typos(speller, "Warga Jakrtamu senang.") == [("Jakrtamu", "Jakartamu")]
