"""Tests for the measuring helpers of benchmarks.unseen_derivations and benchmarks.slips_in_context."""

from __future__ import annotations

import math

import pytest

from benchmarks.slips_in_context import contexts, left_out
from benchmarks.unseen_derivations import MIN_UNSEEN, Derivation, odds_by, swapped


def test_swapped_swaps_each_pair_of_different_neighbouring_letters_once():
    assert swapped("buat") == ["ubat", "baut", "buta"]
    assert swapped("aal") == ["ala"]
    assert swapped("a") == []


def _made(key: str, n: int, sightings: float, group: int = 1) -> list[Derivation]:
    return [Derivation(f"{key}{i}", key, key, group, True, sightings / n) for i in range(n)]


def test_odds_by_weighs_sightings_against_what_the_family_size_rate_expects():
    # one family-size group: 2 * MIN_UNSEEN unseen derivations, 10 sightings in all (rate 10 / 100 a derivation)
    found = _made("a", MIN_UNSEEN, 8.0) + _made("b", MIN_UNSEEN, 2.0)
    odds = odds_by(found, lambda x: x.pattern)
    floor = 0.5 * 0.1  # half a sighting at the rate of group 0, or of the least group when none is 0
    assert odds["a"] == (MIN_UNSEEN, pytest.approx(math.log((8 + floor) / 5)))
    assert odds["b"] == (MIN_UNSEEN, pytest.approx(math.log((2 + floor) / 5)))
    assert odds_by(found, lambda x: None) == {}


def test_odds_by_leaves_out_keys_with_too_few_unseen_derivations():
    found = _made("a", MIN_UNSEEN, 5.0) + _made("b", MIN_UNSEEN - 1, 5.0)
    assert set(odds_by(found, lambda x: x.pattern)) == {"a"}


def test_contexts_are_the_first_places_a_word_stands_between_lowercase_words():
    lines = ["Aturan itu dibuat oleh pemerintah.", "Dibuat oleh", "yang dibuat Jakarta", "kami dibuat bingung lagi"]
    found = contexts(lines, {"dibuat"}, 1)
    assert found == {"dibuat": [("Aturan itu", "oleh pemerintah.")]}
    assert contexts(lines, {"dibuat"}, 5)["dibuat"][1] == ("kami", "bingung lagi")


class _Counts:
    def bigram(self, left: str, right: str) -> int:
        return 5


def test_left_out_takes_one_sighting_of_the_sentences_own_bigrams_away_and_restores_them():
    d = _Counts()
    with left_out(d, {("itu", "dibuat")}):
        assert d.bigram("itu", "dibuat") == 4
        assert d.bigram("dibuat", "oleh") == 5
    assert d.bigram("itu", "dibuat") == 5
