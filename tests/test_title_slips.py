"""Tests for the made-up probe of benchmarks.title_slips: the title pairs it draws and the slips it checks."""

from __future__ import annotations

import pytest

from benchmarks.environment import shared_corpus
from benchmarks.title_slips import MIN_PAIR_COUNT, OPENING_FRAME, detection, openings, title_pairs
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


def test_the_shortest_slips_have_three_letters_and_come_from_four_letter_openers(speller):
    from speller.checker import MIN_LENGTH

    assert all(len(first) == MIN_ALONE_NAME_LENGTH for first, _ in title_pairs(speller, 10, shortest=True))
    head, *rows = detection(speller, 1, 10, OPENING_FRAME, shortest=True)
    assert rows
    for row in rows:
        slip = row.split(" | ")[1].split(" <- ")[0]
        assert MIN_LENGTH <= len(slip) < MIN_ALONE_NAME_LENGTH and not speller.dictionary.count(slip.lower())


@pytest.mark.skipif(not shared_corpus().is_dir(), reason="needs the shared corpus beside the repository")
def test_opening_slips_are_unlisted_edits_of_frequent_words_opening_corpus_sentences(speller):
    head, *rows = openings(speller, 1, 10)
    assert head.startswith(f"sentence-opening slips: {len(rows)};") and rows
    for row in rows:
        outcome, pair, text = row.split(" | ")
        slip, source = pair.split(" <- ")
        assert outcome in ("FLAG", "silent") and text.startswith(slip + " ")
        assert not speller.dictionary.count(slip.lower()) and speller.dictionary.count(source.lower())
