"""Tests for benchmarks.hidden_flags: the typos the shown floor hides though the written word is ruled out."""

from __future__ import annotations

from collections import Counter

from benchmarks.hidden_flags import SHARE, _labels, hidden
from speller.dictionary import default_folder


def test_a_hidden_typo_whose_written_word_is_ruled_out_is_listed_and_a_shown_one_is_not():
    text = "Pemain itu mencetak satu gol dan satu asis di luar angksa."
    found = {flag.word: written for flag, written in hidden(default_folder(), [text], SHARE)}
    assert list(found) == ["asis"]  # not shown (no suggestion likely enough), its share alone under SHARE
    assert 0.0 <= found["asis"] < SHARE  # `angksa` is shown, so it is no hidden flag
    assert not list(hidden(default_folder(), [text], 0.0))  # no share is under 0


def test_labels_count_misfixes_as_real_and_leave_unjudged_and_unsure_out_of_the_share():
    line = _labels(Counter({"slip": 1, "misfix": 1, "genuine": 2, "unsure": 3, "?": 4}))
    assert line == "slip 1, misfix 1, genuine 2, unsure 3, ? 4 (50.0% real of 4 judged)"
    assert _labels(Counter({"?": 2})).endswith("(none judged)")
