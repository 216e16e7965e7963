"""The judged misfixes table (benchmarks/misfixes_judged.tsv) and the ranking charge for further edits."""

from __future__ import annotations

import math

import pytest

from benchmarks.calibrate import DECISION_FILES
from benchmarks.misfixes import UNCLEAR, read_misfixes
from benchmarks.unseen_file import read_judged
from speller import model
from speller.model import further_edit_odds, further_edits

CAUSES = {"outranked", "missing", "shifted", "rule", "reduplication"}


def test_every_row_is_a_judged_misfix_of_a_decision_file() -> None:
    rows = read_misfixes()
    assert len(rows) >= 100
    labels = {file: read_judged(file) for file in DECISION_FILES}
    for row in rows:
        assert row.file in DECISION_FILES, row
        assert labels[row.file].get((row.line, row.word)) == "misfix", row
        assert row.cause in CAUSES, row
        assert row.meant and (row.meant == UNCLEAR or row.meant.lower() != row.word.lower()), row


def test_further_edits_counts_edits_past_the_first() -> None:
    assert further_edits("keracunan", "keracunan") == 0
    assert further_edits("kercunan", "keracunan") == 0
    assert further_edits("kercunan", "kerutan") == 1
    assert further_edits("kebijakanya", "kebijakan") == 1


def test_further_edits_weigh_the_order_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "FURTHER_EDIT_COST", 1.0)
    assert further_edit_odds("kercunan", "keracunan") == 1.0
    assert further_edit_odds("kercunan", "kerutan") == pytest.approx(math.exp(-1.0))
    monkeypatch.setattr(model, "FURTHER_EDIT_COST", 0.0)
    assert further_edit_odds("kercunan", "kerutan") == 1.0


def test_a_dropped_suffix_is_no_further_edit() -> None:
    assert further_edits("angakat", "angkatan") == 0
    assert further_edits("angakat", "angkat") == 0
    assert further_edits("kebijakanya", "kebijakan") == 1
