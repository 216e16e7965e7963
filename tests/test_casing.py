"""Tests for speller.casing.match_case, directly and through Speller.check / suggest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slips import MEANT, SLIP

from speller.casing import match_case


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("Angksa", "angkasa", "Angkasa"),
        ("ANGKSA", "angkasa", "ANGKASA"),
        ("angksa", "angkasa", "angkasa"),
        ("Giliranya", "gilirannya", "Gilirannya"),
        ("MENGONFRIMASI", "mengonfirmasi", "MENGONFIRMASI"),
        ("Negara-negra", "negara-negara", "Negara-negara"),
        ("NEGARA-NEGRA", "negara-negara", "NEGARA-NEGARA"),
        ("Jum'at", "jumat", "Jumat"),
        ("kerjasama", "kerja sama", "kerja sama"),
        ("Kerjasama", "kerja sama", "Kerja sama"),
        ("KERJASAMA", "kerja sama", "KERJA SAMA"),
    ],
)
def test_match_case(original, replacement, expected):
    assert match_case(original, replacement) == expected


def test_single_capital_letter_is_capitalised_not_upper_cased():
    # One capital letter says "capitalised", not "all caps".
    assert match_case("A", "ada") == "Ada"


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz -", min_size=1, max_size=15),
)
def test_property_lowercase_original_keeps_replacement_unchanged(original, replacement):
    assert match_case(original, replacement) == replacement


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=15),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15),
)
def test_property_case_patterns(original, replacement):
    assert match_case(original.upper(), replacement) == replacement.upper()
    assert match_case(original.capitalize(), replacement) == replacement.capitalize()


# -- through the checker ------------------------------------------------------------------


def _first(speller, text):
    issues = speller.check(text)
    assert len(issues) == 1, issues
    return issues[0]


def test_lowercase_typo_gets_lowercase_suggestion(speller):
    issue = _first(speller, "di luar angksa beberapa kali")
    assert (issue.word, issue.suggestion) == ("angksa", "angkasa")


def test_capitalised_typo_at_sentence_start_gets_capitalised_suggestion(lenient):
    issue = _first(lenient, "Mereka pergi. Mengonfrimasi bahwa Putin datang.")
    assert issue.word == "Mengonfrimasi"
    assert issue.suggestion == "Mengonfirmasi"
    assert all(s[:1].isupper() for s in issue.suggestions)


def test_capitalised_typo_after_line_break_gets_capitalised_suggestion(lenient):
    issue = _first(lenient, "Kim datang.\nSelanjunya, Putin memberi hadiah.")
    assert (issue.word, issue.suggestion) == ("Selanjunya", "Selanjutnya")


def test_all_caps_typo_gets_all_caps_suggestion(speller):
    issue = _first(speller, "Di luar ANGKSA")
    assert issue.word == "ANGKSA"
    assert issue.suggestion == "ANGKASA"


def test_all_caps_headline_typo(speller):
    issues = speller.check("MOSKOW MENGONFRIMASI KUNJUNGAN PUTIN")
    assert [(i.word, i.suggestion) for i in issues] == [("MENGONFRIMASI", "MENGONFIRMASI")]


def test_suggest_keeps_the_case_of_the_word(speller):
    assert speller.suggest("angksa")[:3] == [s.lower() for s in speller.suggest("ANGKSA")[:3]]
    assert "ANGKASA" in speller.suggest("ANGKSA")
    assert "Angkasa" in speller.suggest("Angksa")
    assert "angkasa" in speller.suggest("angksa")
    assert speller.suggest("mengonfrimasi")[0] == "mengonfirmasi"
    assert speller.suggest("Mengonfrimasi")[0] == "Mengonfirmasi"
    assert speller.suggest("MENGONFRIMASI")[0] == "MENGONFIRMASI"


def test_correct_keeps_case(speller):
    assert speller.correct(f"menurut {SLIP} daerah itu") == f"menurut {MEANT} daerah itu"  # the stock slip
    assert speller.correct(f"{SLIP.capitalize()} daerah itu") == f"{MEANT.capitalize()} daerah itu"
    assert speller.correct(f"MENURUT {SLIP.upper()} DAERAH") == f"MENURUT {MEANT.upper()} DAERAH"


@pytest.mark.parametrize(
    ("original", "replacement", "cased"),
    [
        ("Seokarno-Hatta", "soekarno-hatta", "Soekarno-Hatta"),  # a hyphenated name keeps both capitals
        ("Rumah-rumah", "rumah-rumah", "Rumah-rumah"),  # a reduplication opening a sentence
        ("e-KTP", "e-ktp", "e-KTP"),  # each part its own case
        ("Tengah-malam", "tengah malam", "Tengah malam"),  # parts that do not match: the first letter's case
    ],
)
def test_hyphenated_words_are_cased_part_by_part(original, replacement, cased):
    assert match_case(original, replacement) == cased


def test_a_hyphenated_name_slip_keeps_its_capitals(speller):
    assert speller.correct("di Bandara Seokarno-Hatta kemarin") == "di Bandara Soekarno-Hatta kemarin"


# -- names against common nouns news capitalizes as titles -----------------------------------


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        ("Rapat itu dihadiri sektretaris daerah dan para camat.", "sektretaris", "sekretaris"),
        ("Surat itu ditandatangani sekretris desa kemarin.", "sekretris", "sekretaris"),
        ("Menurut sektretaris itu, rapat ditunda.", "sektretaris", "sekretaris"),
        ("Ia tinggal di jakrta sejak kecil.", "jakrta", "Jakarta"),
        ("Rapat itu dihadiri bupati dan kapolir.", "kapolir", "Kapolri"),
    ],
)
def test_a_lowercase_slip_gets_a_capital_only_for_a_name(speller, text, word, suggestion):
    # `sekretaris` is capitalized in 92% of its uses, but as a title before a name or opening a sentence: where the
    # case is the writer's, news writes it in lowercase (`casing.INSIDE_LOWER_SHARE`); `Jakarta` and `Kapolri` are names
    issue = _first(speller, text)
    assert (issue.word, issue.suggestion) == (word, suggestion)


def test_fix_writes_no_capital_mid_sentence_for_a_common_noun(speller):
    assert speller.correct("Rapat itu dihadiri sektretaris daerah.") == "Rapat itu dihadiri sekretaris daerah."


def test_a_capitalized_slip_of_a_title_keeps_its_capital(speller):
    assert speller.suggest("Sektretaris")[0] == "Sekretaris"


def test_keeps_capital_separates_names_from_titles_and_openers(speller):
    from speller.casing import keeps_capital

    d = speller.dictionary
    assert [w for w in ("jakarta", "kapolri", "allah", "tuhan") if not keeps_capital(d, w)] == []
    # a title before a name, and words news writes mostly opening a sentence (`Alhasil, ...`)
    assert [w for w in ("sekretaris", "direktur", "alhasil", "adapun") if keeps_capital(d, w)] == []
    assert not keeps_capital(d, "rumah")  # no name at all


def test_a_word_seen_too_seldom_to_call_a_name_follows_the_written_case(speller):
    from speller.casing import keeps_capital

    # `sinematografi`: 3 uses, never in lowercase, but each capital its place's (a sentence's start, a title)
    assert not keeps_capital(speller.dictionary, "sinematografi")
    assert speller.suggest("sineematografi")[0] == "sinematografi"
