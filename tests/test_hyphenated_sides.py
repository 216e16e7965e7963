"""A slip inside a capitalized word joined by a hyphen or a slash to a name or a clitic (`Prabowo-Gibrna`,
`Jokwi-nya`): each side is judged as a word of its own (`Speller._side_findings`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller.categories import Category

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
