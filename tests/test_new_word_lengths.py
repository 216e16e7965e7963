"""Tests for the pure parts of benchmarks.new_word_lengths: drawing lengths from a letter model, their ratios."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from benchmarks.new_word_lengths import MAX_LENGTH, drawn_lengths, drawn_strings, log_ratios, possessive_ratio


def test_a_model_that_always_ends_draws_empty_strings_and_one_that_never_ends_stops_at_the_limit():
    assert drawn_lengths(lambda ctx, letter: 1.0 if letter == "$" else 0.0, 3, 50) == Counter({0: 50})
    assert drawn_lengths(lambda ctx, letter: 0.0 if letter == "$" else 1.0, 3, 5) == Counter({MAX_LENGTH: 5})


def test_drawn_lengths_follow_the_end_marks_probability_and_the_seed():
    def p(ctx: str, letter: str) -> float:  # ends with probability 1/2 after each letter, never before the first
        if ctx.endswith("^"):
            return 0.0 if letter == "$" else 1.0
        return 26.0 if letter == "$" else 1.0

    drawn = drawn_lengths(p, 2, 4000, seed=2)
    assert drawn == drawn_lengths(p, 2, 4000, seed=2)
    assert 0 not in drawn
    assert drawn[1] / 4000 == pytest.approx(0.5, abs=0.03) and drawn[2] / 4000 == pytest.approx(0.25, abs=0.03)


def test_log_ratios_compare_shares_not_counts():
    ratios = log_ratios(Counter({3: 10, 4: 30}), Counter({3: 200, 4: 200, 5: 100}))
    assert ratios == {3: pytest.approx(math.log(0.25 / 0.4)), 4: pytest.approx(math.log(0.75 / 0.4))}


def test_drawn_strings_are_what_the_lengths_count():
    def p(ctx: str, letter: str) -> float:
        return 1.0 if letter in "a$" else 0.0

    drawn = drawn_strings(p, 2, 200, seed=3)
    assert set("".join(drawn)) <= {"a"}
    assert Counter(len(s) for s in drawn) == drawn_lengths(p, 2, 200, seed=3)


def test_possessive_ratio_compares_the_shares_ending_in_a_clitic():
    corpus = Counter({"abcnya": 1, "abcde": 3})  # a quarter of the tokens
    drawn = ["abcku", "abcde", "abc", "nya"]  # one of four (`nya` alone has no stem)
    assert possessive_ratio(corpus, drawn) == pytest.approx(math.log(0.25 / 0.25))
    assert possessive_ratio(Counter({"abcmu": 1, "x": 1}), drawn) == pytest.approx(math.log(0.5 / 0.25))
