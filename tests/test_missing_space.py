"""The missing-space rules (`speller/missing_space.py`): a word glued to the punctuation before it or to a number, and
what they must leave alone (decimals, times, addresses, initials, abbreviations, ellipses, codes). Made-up sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speller.checker import apply_fixes
from speller.missing_space import (
    _MARK_SEAMS,
    _NUMBER_SEAM,
    _NUMBER_SEAM_RUN,
    _PERIOD_SEAM,
    _SEAM_RUN,
    ABBREVIATIONS,
    CODES,
    CURRENCIES,
    DOMAINS,
    UNITS,
    missing_spaces,
)
from speller.tables import word_classes
from speller.tokenize import scan


def _spacing(speller, text):
    return [(i.word, i.suggestions[0]) for i in speller.check(text) if i.category == "spacing"]


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Dia pulang kemarin.Dia tidur lagi.", ".Dia", ". Dia"),
        ("Hari ini,lalu dia tidur.", ",lalu", ", lalu"),
        ("Begitu kata dia;lalu pergi.", ";lalu", "; lalu"),
        ("Gol itu dianulir wasit!Namun tim tetap menang.", "!Namun", "! Namun"),
        ("Siapa yang datang?Dia tidak tahu.", "?Dia", "? Dia"),
        ("Syaratnya sebagai berikut:dihadiri warga.", ":dihadiri", ": dihadiri"),
        ("Acara itu digelar pada 2019.Para tamu pulang.", ".Para", ". Para"),
        ("Hasilnya diumumkan 2025.DIketahui, China mendorong.", ".DIketahui", ". Diketahui"),  # its case slip too
    ],
)
def test_a_word_glued_to_punctuation_gets_its_space(speller, text, span, fix):
    assert (span, fix) in _spacing(speller, text)


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Nilai tambang5 miliar dolar.", "tambang5", "tambang 5"),
        ("Rapat dimulai pukul10.00 WIB.", "pukul10.00", "pukul 10.00"),
        ("Harganya Rp5juta per unit.", "5juta", "5 juta"),
        ("Sudah ada 5juta warga.", "5juta", "5 juta"),
        ("Pada tahun2019 itu ia lulus.", "tahun2019", "tahun 2019"),
        ("Luasnya 115hektar saja.", "115hektar", "115 hektare"),  # the word's own finding goes in too
    ],
)
def test_a_word_glued_to_a_number_gets_its_space(speller, text, span, fix):
    assert (span, fix) in _spacing(speller, text)


@pytest.mark.parametrize(
    "text",
    [
        "Inflasi naik 2,5 persen menjadi 1.000 poin pukul 10.30 WIB.",  # decimals, thousands, times
        "Baca di detik.com, kompas.id atau Kompas.Com dan kirim ke redaksi@kompas.id saja.",  # addresses
        "Lihat https://contoh.id/a,b dan www.contoh.id/Berita saja.",  # URLs
        "Unduh laporan.pdf itu.",  # file names
        "Hadir Andi, S.H., dr.Budi, a.n. Joko, J.K. Rowling dan Prof.Andi di Kab.Bogor.",  # initials, abbreviations
        "Biayanya Rp.5 juta atau Rp5.000 saja.",  # a currency symbol
        "Hadir H.Muh.Jafar, Plt.Bupati dan wakil Google.Inc di kantor.",  # abbreviations after initials, company forms
        "Putusan PN. Jkt.Sel dan Pdt.Sus itu tepat.",  # a word with no vowel is an abbreviation (a court's code)
        "Dilansir laman Nakita.Grid.id kemarin.",  # a capitalized address
        "Aliran darah ke otot?otot jantung.",  # a mangled character: a new sentence would open with a capital
        "Dia diam...Lalu pergi.",  # an ellipsis
        "Baca juga:Harga Cabai Naik",  # a heading run into the next line
        "KTT G20, COVID-19, biodiesel B20, iPhone15, MH370, jaringan 4G, covid19 dan CS:GO.",  # codes, names
        "Baterai 5000mah dan video 60fps, internet 100mbps.",  # unit symbols
        "Mereka bersama2 pergi.",  # an informal reduplication (`bersama-sama`)
        "Syaratnya: 1. jujur; 2. rajin.",  # spaced already
        "Pada 1950an dan 2nya.",  # suffixes another rule judges
    ],
)
def test_what_is_no_missing_space_is_left_alone(speller, text):
    assert not [i for i in speller.check(text) if i.category == "spacing"]


def test_the_fix_is_idempotent(speller):
    text = "Dia pulang kemarin.Dia tidur,lalu,kata dia,bangun pukul10.00 dengan Rp5juta dari tambang5juta."
    once = speller.correct(text)
    assert (
        once == "Dia pulang kemarin. Dia tidur, lalu, kata dia, bangun pukul 10.00 dengan Rp5 juta dari tambang 5 juta."
    )
    assert speller.correct(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.,;:!?5 Rpjut@/-", max_size=30))
def test_the_missing_spaces_are_found_in_one_pass(text):
    """Whatever the text, each finding covers a stretch with no space that its parts spell, and putting the spaces in
    leaves nothing to find: `fix` needs one pass."""
    found = list(missing_spaces(text, scan(text).placed, lambda w: True, lambda w: True))
    out, pos = [], 0
    for glued in found:
        span = text[glued.start : glued.end]
        assert glued.start >= pos and " " not in span and "".join(glued.parts) == span and len(glued.parts) >= 2
        out += [text[pos : glued.start], " ".join(glued.parts)]
        pos = glued.end
    fixed = "".join([*out, text[pos:]])
    assert not list(missing_spaces(fixed, scan(fixed).placed, lambda w: True, lambda w: True))


def test_the_module_reads_its_table():
    classes = word_classes("spacing_glued.tsv")
    assert ABBREVIATIONS == classes["abbreviation"] and {"prof", "kab"} <= ABBREVIATIONS
    assert DOMAINS == classes["domain"] and "com" in DOMAINS
    assert CODES == classes["code"] and "covid" in CODES
    assert UNITS == classes["unit"] and {"fps", "mbps"} <= UNITS
    assert CURRENCIES == classes["currency"] == {"rp"}


def test_apply_fixes_is_the_checker_s(speller):
    text = "kemarin.Dia"
    assert apply_fixes(text, speller.check(text)) == "kemarin. Dia"


def _seam_places(text: str, runs: dict[str, list[int]]) -> set[tuple[str, int]]:
    """Where `missing_spaces` tries a rule, given the start offsets of the runs it is told."""
    out: set[tuple[str, int]] = set()
    for run in filter(_SEAM_RUN.search, runs):
        for at in runs[run]:
            out.update(("mark", at + m.start()) for m in _PERIOD_SEAM.finditer(run))
            if _NUMBER_SEAM_RUN.search(run):
                out.update(("number", at + m.start() + 1) for m in _NUMBER_SEAM.finditer(run))
    return out


def _every_occurrence(text: str, runs: set[str]) -> dict[str, list[int]]:
    """Each of `runs` at every place `text` holds it (left to right, not overlapping): how `missing_spaces` once
    found them, a search of the whole text per run."""
    out: dict[str, list[int]] = {}
    for run in runs:
        at = text.find(run)
        while at >= 0:
            out.setdefault(run, []).append(at)
            at = text.find(run, at + len(run))
    return out


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["kemarin.Dia", "ab5", "5cd", "abc", "Dia", ".", ",", "5", "@", "www.", "://", " ", "\n", "-"]),
        max_size=16,
    ).map("".join)
    | st.text(alphabet="abcD.5 @/:w-", max_size=40)
)
def test_the_seams_are_tried_where_a_search_of_the_whole_text_tried_them(text):
    """The scan's places of the runs that are not one word give the seams a search of the whole text for every other
    run (inside longer runs too) gave: any seam of a run inside a longer run is a seam of the longer run."""
    found = scan(text)
    assert _seam_places(text, found.placed) == _seam_places(text, _every_occurrence(text, found.others))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab5_,;:!?. \u00e9\u00b2", max_size=30))
def test_the_marks_a_text_holds_are_searched_as_one_class_would_find_them(text):
    """Only the marks a text holds are searched (each pattern compiled then): the seams are those a search of the
    whole text for any mark before a letter finds."""
    per_mark = sorted(m.start() for mark, pattern in _MARK_SEAMS if mark in text for m in re.finditer(pattern, text))
    assert per_mark == [m.start() for m in re.finditer(r"[,;:!?](?=[^\W\d_])", text)]
