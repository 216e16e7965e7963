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


def test_blindspots_silent_lines_give_each_slip_its_door_and_count_the_doors(speller):
    from benchmarks.blindspots import Case, silent_lines

    silent = [
        Case("frequent words", 1, "dulu", "duku", "duku", 0),
        Case("inflected forms", 1, "seolah", "sehlah", "sehlah", 0),
        Case("frequent words", 1, "situs", "sits", "sits", 0),
        Case("frequent names", 1, "Kompol", "Komop", "ujar Komop kemarin.", 5),
    ]
    out = silent_lines(speller, silent)
    assert out[0] == "silent | frequent words | 1 | duku <- dulu | lexicon root"
    assert out[1] == "silent | inflected forms | 1 | sehlah <- seolah | unseen root"
    assert out[3] == "silent | frequent names | 1 | Komop <- Kompol | name"
    assert "doors | frequent words | 1 | lexicon root 1, word list 1" in out
    assert "doors | inflected forms | 1 | unseen root 1" in out
