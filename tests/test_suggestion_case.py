"""benchmarks.suggestion_case: where a line puts a capitalized word."""

from __future__ import annotations

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
