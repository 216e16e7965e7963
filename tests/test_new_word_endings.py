"""Issue 10, the new-word door: a new lowercase word ending in a possessive clitic is rarer than its letters say
(`speller.model.LOG_NEW_POSSESSIVE`, `new_word_ending_odds`)."""

from __future__ import annotations

import pytest

from speller.model import (
    LOG_NEW_LOWERCASE,
    LOG_NEW_POSSESSIVE,
    LOG_NEW_WORD,
    LOG_NEW_WORD_MASS,
    WORD_SHAPE_WEIGHT,
    new_word_ending_odds,
    word_shape,
)


@pytest.mark.parametrize("word", ["odentiknya", "nivelnya", "bukuku", "rumahmu", "abcnya"])
def test_a_word_ending_in_a_possessive_after_a_stem_takes_its_odds(word):
    assert new_word_ending_odds(word) == LOG_NEW_POSSESSIVE < 0


@pytest.mark.parametrize("word", ["abstrud", "piayama", "nya", "anya", "abnya", "kuku", "ilmu", "handycratf"])
def test_other_endings_and_short_stems_take_none(word):
    assert new_word_ending_odds(word) == 0.0


def test_the_prior_of_a_new_word_with_a_clitic_takes_the_odds_through_the_letter_model(speller):
    """Below the ceiling the prior falls by `WORD_SHAPE_WEIGHT` of the odds; a word without a clitic keeps its own."""
    flat = LOG_NEW_WORD + LOG_NEW_LOWERCASE
    shape = word_shape(speller.dictionary)
    for word in ("odentiknya", "diterangkanya"):
        below = LOG_NEW_WORD_MASS + shape.log_p(word) - flat
        assert below < 0  # the letters alone already put it under the ceiling
        expected = flat + WORD_SHAPE_WEIGHT * (below + LOG_NEW_POSSESSIVE)
        assert speller._prior(word, False).log_p == pytest.approx(expected)
    plain = speller._prior("berkontirbui", False).log_p
    assert plain == pytest.approx(
        flat + WORD_SHAPE_WEIGHT * min(0.0, LOG_NEW_WORD_MASS + shape.log_p("berkontirbui") - flat)
    )


def test_a_slip_with_a_clitic_is_flagged_as_a_new_word_no_longer(speller):
    """`diterangkanya` (diterangkannya, one `n` left out before -nya) passed as a new word between commas."""
    hits = [
        i for i in speller.check("Menurut dia, diterangkanya, proses itu sudah selesai.") if i.word == "diterangkanya"
    ]
    assert hits and hits[0].suggestion == "diterangkannya"


@pytest.mark.parametrize(
    "text",
    [
        "Ia menyukai bluetoothnya yang cepat.",  # a loan with a clitic
        "Ia bangga akan kemaritimannya.",  # build corpus: its maritime character
        "Kami mengagumi multikulturalnya kota itu.",
        "Ia menyesali ketidaksengajaannya.",
    ],
)
def test_a_genuine_new_word_with_a_clitic_stays_silent(speller, text):
    assert speller.check(text) == []
