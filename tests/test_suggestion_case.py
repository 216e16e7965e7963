"""benchmarks.suggestion_case: where a line puts a capitalized word."""

from __future__ import annotations

import pytest

from benchmarks.suggestion_case import free_lower_share, places


def test_places_tell_a_title_an_opening_a_headline_and_a_free_capital_apart():
    lines = [
        "Sekretaris Daerah membuka rapat.",  # opening
        "Rapat dibuka oleh Sekretaris Daerah kemarin.",  # before a capital
        "Rapat Dibuka Sekretaris Baru",  # headline
        "Rapat dihadiri sekretaris desa, lalu Sekretaris pulang.",  # lowercase, then free
        "SEKRETARIS DATANG",  # all caps: left out
    ]
    found = places(lines, {"sekretaris"})["sekretaris"]
    assert dict(found) == {"opening": 1, "before_capital": 1, "headline": 1, "lower": 1, "free": 1}
    assert free_lower_share(found) == 0.5


def test_a_suggestion_keeps_the_writers_curly_apostrophe(speller):
    # dictionaries store the straight one: `jum’st` was offered `Jum'at`, a second style in one text
    [issue] = speller.check("Hari jum’st ia datang.")
    assert issue.suggestion == "Jum’at"
    [issue] = speller.check("Hari jum'st ia datang.")
    assert issue.suggestion == "Jum'at"


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Pada bulan nopember lalu hujan.", "nopember", "November"),
        ("Nopember lalu hujan.", "Nopember", "November"),
        ("PADA BULAN NOPEMBER LALU", "NOPEMBER", "NOVEMBER"),
        ("Harga naik pada bulan pebruari ini.", "pebruari", "Februari"),
        ("Warga menyambut bulan ramadhan dengan gembira.", "ramadhan", "Ramadan"),
        ("Kalender tahun hijriyah dibagikan.", "hijriyah", "Hijriah"),
        ("Mudik pada hari raya idul fitri ramai.", "idul fitri", "Idulfitri"),
        ("Kurban pada hari raya idul adha dibagikan.", "idul adha", "Iduladha"),
    ],
)
def test_a_standard_form_that_is_a_name_keeps_its_capital_whatever_the_case_written(speller, text, word, fix):
    # baku.tsv wrote `nopember -> november`, which `check` then flagged as a month's name in lowercase
    [issue] = speller.check(text)
    assert (issue.word, issue.suggestion) == (word, fix)
    assert speller.check(text.replace(word, fix)) == []


@pytest.mark.parametrize(("word", "fix"), [("nopember", "November"), ("NOPEMBER", "NOVEMBER"), ("ramadhan", "Ramadan")])
def test_suggest_keeps_a_names_capital(speller, word, fix):
    assert speller.suggest(word)[:1] == [fix]


def test_a_derivation_of_a_name_keeps_its_capital_only_without_a_prefix(speller):
    assert speller.standard_form("ramadhannya") == "Ramadannya"
    assert speller.standard_form("seramadhan") == "seramadan"
