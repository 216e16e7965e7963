"""The measurement of rare listed words against their rivals (benchmarks.listed_slips), on made-up rows."""

from __future__ import annotations

import math
from typing import cast

import pytest
from fake_counts import Counts

from benchmarks.listed_slips import Row, bands
from speller.dictionary import Dictionary
from speller.model import Prior, written_prior


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


def _prior(d: Counts, word: str, rivals: list[tuple[str, int]], formed: bool = False) -> Prior:
    """The prior of a lowercase word the morphology gives no root, on the made-up counts `d`."""
    counts = cast("Dictionary", d)  # it reads only what a Dictionary gives: count, total, max_count
    return written_prior(counts, word, rivals, root_count=lambda: None, capitalized=False, formed=formed)


def test_a_long_unformed_listed_word_one_slip_from_a_far_more_frequent_one_is_no_word():
    """`kalumbnata` 4 beside `kalumbinata` 400 (made up, one dropped letter): a long string the morphology does not
    explain, one cheap slip from a word a hundred times as frequent, is that word mistyped; its count says nothing."""
    from speller.model import LOG_CORPUS_SLIP_LONG, LOG_CORPUS_SLIP_UNFORMED, LONG_UNFORMED, slip_discount

    d = Counts({"kalumbnata": 4, "kalumbinata": 400})
    rivals = [("kalumbinata", 1)]
    assert len("kalumbnata") >= LONG_UNFORMED and LOG_CORPUS_SLIP_LONG > LOG_CORPUS_SLIP_UNFORMED
    assert slip_discount(d, "kalumbnata", rivals, formed=False) >= 4
    assert _prior(d, "kalumbnata", rivals).genuine == 0.0
    assert _prior(d, "kalumbnata", rivals, formed=True).genuine > 0.5  # a derivation keeps its count


def test_a_short_unformed_listed_word_beside_a_far_more_frequent_one_keeps_some_of_its_count():
    """`kalbi` 4 beside `kalbit` 400, the same ratio and cost: short strings lie one edit from many words (`kupu`
    beside kpu, `nawar` beside anwar), so the count still says something."""
    d = Counts({"kalbi": 4, "kalbit": 400})
    assert 0 < _prior(d, "kalbi", [("kalbit", 1)]).genuine < 1


@pytest.mark.parametrize(
    ("counts", "rivals"),
    [
        ({"kalumbnata": 4}, []),  # no word one edit away
        ({"kalumbnata": 4, "kalumbinata": 30}, [("kalumbinata", 1)]),  # a rival, not ten times as frequent
    ],
)
def test_a_long_listed_word_with_no_far_more_frequent_neighbour_keeps_its_count(counts, rivals):
    assert _prior(Counts(counts), "kalumbnata", rivals).genuine == 1.0


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Harga naik sepeti biasa.", "sepeti", "seperti"),
        ("Ia suka makanan tradisonal itu.", "tradisonal", "tradisional"),
    ],
)
def test_rare_listed_slips_are_flagged(speller, text, word, fix):
    assert [(i.word, i.suggestion) for i in speller.check(text)] == [(word, fix)]


@pytest.mark.parametrize("text", ["Harga naik seperti biasa.", "Ia suka makanan tradisional itu."])
def test_the_words_they_slip_from_are_accepted(speller, text):
    assert speller.check(text) == []
