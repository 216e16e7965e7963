"""A frequent name with a letter added at its end is a new name (`speller.model.LOG_NAME_EXTENDED`), and the
measurement behind it (`benchmarks.name_endings`)."""

from __future__ import annotations

import math

import pytest

from benchmarks.name_endings import BANDS, LETTERS, case_counts, doubled_once, extended_once, fit
from speller.model import NAME_EXTENDED_MIN_COUNT, NAME_EXTENDED_MIN_LENGTH, extends_name


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("andin", "andi", True),
        ("kemenkop", "kemenko", True),
        ("andii", "andi", False),  # the last letter doubled: the channel's cheap slip
        ("pold", "pol", False),  # too short a name to grow others
        ("andi", "andi", False),
        ("xandi", "andi", False),  # added at the start
        ("andni", "andi", False),  # inside
        ("andin", "andy", False),
        ("andi1", "andi", False),
    ],
)
def test_extends_name(word, name, expected):
    assert extends_name(word, name) is expected


def test_the_reading_needs_a_name_of_at_least_four_letters_written_often():
    assert NAME_EXTENDED_MIN_LENGTH == 4
    assert NAME_EXTENDED_MIN_COUNT >= BANDS[0]  # never below the names measured


@pytest.mark.parametrize(
    "text",
    [
        "Ia dilantik sebagai Wamenag oleh presiden.",  # Wamena (a town) + g: the deputy minister of religion
        "Hadir pula Presidente Hugo Chavez.",  # President + e
    ],
)
def test_a_frequent_name_with_a_letter_added_at_its_end_is_left_alone(speller, text, monkeypatch):
    import speller.model as model
    from speller import Speller

    assert speller.check(text) == []
    monkeypatch.setattr(model, "LOG_NAME_EXTENDED", -math.inf)
    assert len(Speller().check(text)) == 1  # without the reading the same word is flagged


@pytest.mark.parametrize(
    ("text", "slip", "meant"),
    [
        ("ujar Wamenaa kemarin.", "Wamenaa", "Wamena"),  # the last letter doubled
        ("ujar Jakartar kemarin.", "Jakartar", "Jakarta"),  # a name written so often its slips outnumber new names
        ("ujar Patrioj kemarin.", "Patrioj", "Patriot"),  # `Patrio` is too rare a name to grow others
    ],
)
def test_slips_at_a_name_s_end_are_still_flagged(picky, text, slip, meant):
    assert [(i.word, i.suggestion) for i in picky.check(text)] == [(slip, meant)]


def test_the_measurement_counts_the_forms_written_once_that_add_a_letter_to_a_name():
    names = ["Andika"] * 25 + ["Bimasakti"] * 60 + ["Cakrawala"] * 160 + ["andika"]  # `andika`: still a name
    text = " ".join([*names, "Andikas", "Andikaa", "Bimasaktis", "Bimasaktis", "Andikat", "andikat", "Bimasaktio"])
    caps, low = case_counts([text, "Kata"])
    assert caps["andika"] == 25 and low["andika"] == 1 and caps["kata"] == 1
    bands = extended_once(caps, low)
    assert [b.low for b in bands] == list(BANDS)
    assert (bands[0].names, bands[0].tokens, bands[0].forms) == (1, 25, ["andikas"])  # `andikat` is written lowercase
    assert (bands[1].names, bands[1].forms) == (1, ["bimasaktio"])  # `bimasaktis` twice
    assert (bands[2].names, bands[2].forms) == (1, [])
    assert all(not b.names for b in bands[3:])
    assert bands[0].log_rate(1000) == pytest.approx(math.log(1 / LETTERS / 1000))
    assert bands[2].log_rate(1000) == pytest.approx(math.log(0.5 / LETTERS / 1000))  # no form: half of one
    assert bands[1].log_share(1000) == pytest.approx(math.log(60 / 1000))
    assert doubled_once(caps, low) == [] and doubled_once(caps, low, 20) == ["andikaa"]


def test_the_fit_is_the_least_squares_line():
    assert fit([(0.0, 1.0, 1), (1.0, 3.0, 1), (2.0, 5.0, 2)]) == pytest.approx((1.0, 2.0))
