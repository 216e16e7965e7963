"""The measurement of rare listed words against their rivals (benchmarks.listed_slips), on made-up rows."""

from __future__ import annotations

import math

import pytest

from benchmarks.listed_slips import Row, bands


def _row(listed: int, rival_count: int, cost: float, label: str, genuine: float = 1.0) -> Row:
    return Row(
        "kata", listed, "kita" if rival_count else "", rival_count, cost, "inner", True, genuine, label, "silent"
    )


def test_evidence_is_the_log_ratio_less_the_cost():
    assert _row(4, 400, 3.0, "slip").evidence == pytest.approx(math.log(100) - 3.0)
    assert _row(4, 0, 0.0, "genuine").evidence == -math.inf


def test_bands_count_each_word_once_in_its_band_and_in_every_band_below():
    rows = [_row(4, 4000, 3.0, "slip", 0.0), _row(4, 40, 3.0, "genuine"), _row(4, 0, 0.0, "genuine", 0.5)]
    lines = bands(rows)
    first = lines[1].split()
    assert first[:3] == ["-inf", "0", "1"]  # the word with no rival
    assert lines[1].endswith("1 / 2")  # every word is at or above -inf
    top = next(line for line in lines if line.startswith("3.0"))
    assert top.split()[1:3] == ["1", "0"]  # ln(1000) - 3 = 3.9
    assert [line.split() for line in lines[-3:]] == [
        ["discounted", "to", "0", "1", "slip", "0", "genuine"],
        ["discounted", "0", "slip", "1", "genuine"],
        ["not", "discounted", "0", "slip", "1", "genuine"],
    ]
