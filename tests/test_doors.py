"""Tests for benchmarks.doors: which door the checker lets a slip in by."""

from __future__ import annotations

import pytest

from benchmarks.doors import DOORS, door


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("duku", "lexicon root"),  # a root of the lexicon the corpus never shows
        ("sits", "word list"),  # an English word
        ("diulangkan", "derivation"),  # di- + ulang + -kan, a family in use
        ("sehlah", "unseen root"),  # seh + -lah, a root neither it nor its family seen
        ("cbir", "below the floor"),  # flagged, under the confidence floor
        ("dulu", "listed"),
    ],
)
def test_each_slip_goes_behind_the_door_the_checker_explains_it_by(speller, typo, expected):
    kind, count = door(speller, typo)
    assert kind == expected and kind in DOORS
    assert (count is not None) == (expected in ("derivation", "unseen root", "listed"))
    if expected == "derivation":
        assert count and count > 100  # `ulang` and its derivations are common
