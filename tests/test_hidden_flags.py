"""Tests for benchmarks.hidden_flags: the typos the shown floor hides though the written word is ruled out."""

from __future__ import annotations

from collections import Counter

from benchmarks.hidden_flags import HIDDEN_JUDGED, SHARE, _labels, hidden, labels_of
from benchmarks.unseen_file import JUDGED, LABELS
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


def test_hidden_judged_holds_valid_labels_once_and_none_the_calibration_already_has():
    rows = [r.split("\t") for r in HIDDEN_JUDGED.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    assert rows and all(len(r) == 4 and r[1].isdigit() and r[3] in LABELS for r in rows)
    keys = [tuple(r[:3]) for r in rows]
    assert len(keys) == len(set(keys))
    judged = {tuple(r.split("\t")[:3]) for r in JUDGED.read_text(encoding="utf-8").splitlines() if r[:1] != "#"}
    assert not judged & set(keys)  # a flag is judged in one file only
    assert labels_of("clickid-fimela.txt")[(1040, "imamku")] == "genuine"
