"""Tests for the made-up probe of benchmarks.title_slips: the title pairs it draws and the slips it checks."""

from __future__ import annotations

from benchmarks.title_slips import MIN_PAIR_COUNT, detection, title_pairs
from speller.checker import MIN_ALONE_NAME_LENGTH, MIN_NAME_LENGTH
from speller.model import opens_title


def test_title_pairs_are_frequent_title_openers_that_are_no_names(speller):
    d = speller.dictionary
    pairs = title_pairs(speller, 40)
    assert len(pairs) == 40
    assert ("wakil", "presiden") in pairs
    for first, after in pairs:
        assert 4 <= len(first) <= 5 and first not in d.names
        assert d.bigram(first, after) >= MIN_PAIR_COUNT and opens_title(d, first, after)
    counts = [d.bigram(a, b) for a, b in pairs]
    assert counts == sorted(counts, reverse=True)


def test_detection_checks_short_unlisted_slips_of_the_first_word(speller):
    head, *rows = detection(speller, 1, 10)
    assert head.startswith(f"title-opening slips: {len(rows)};") and rows
    for row in rows:
        slip, source = row.split(" | ")[1].split(" <- ")
        assert MIN_ALONE_NAME_LENGTH <= len(slip) < MIN_NAME_LENGTH
        assert not speller.dictionary.count(slip.lower())
        assert slip[0] == source[0]  # the first letter is kept
