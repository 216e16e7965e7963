"""dictionaries/loan_endings.tsv and the reading it gives: a listed loan written with another ending is a new word."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.loan_endings import alternation
from speller.checker import LOAN_STEM
from speller.model import LOG_LOAN_ENDING, LOG_NEW_READING, MAX_UNSEEN_COUNT, loan_ending_odds

TABLE = Path(__file__).resolve().parent.parent / "dictionaries" / "loan_endings.tsv"


def _rows() -> list[tuple[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [(written, listed) for written, listed in (ln.split("\t") for ln in lines)]


def test_the_table_is_sorted_lowercase_and_read_by_the_checker(speller):
    rows = _rows()
    assert rows == sorted(set(rows))
    assert all(w.isalpha() and w.islower() and x.isalpha() and x.islower() and w != x for w, x in rows)
    assert len({w for w, _ in rows}) == len(rows)  # one listed ending per written ending
    assert speller._loan_endings == dict(rows)


def test_each_alternation_is_in_use_in_the_lexicon(speller):
    """Each row's two endings stand on 20 or more stems the dictionary lists with both (`edukasi`, `edukatif`)."""
    d = speller.dictionary
    words = [w for w in d.counts if w.isalpha() and w.islower()]
    for written, listed in _rows():
        found = alternation(listed, written, words, d.count, Counter(), LOAN_STEM)
        assert found.pairs >= 20, (written, listed, found.pairs)


def test_alternation_counts_pairs_bases_and_the_sightings_of_unlisted_forms():
    counts = {"edukasi": 50, "edukatif": 5, "navigasi": 30, "ilustrasi": 20, "rasi": 9}
    raw = Counter({"navigatif": 2, "ilustratif": 7, **counts})
    found = alternation("asi", "atif", counts, lambda w: counts.get(w, 0), raw, 4)
    assert (found.pairs, found.bases, found.tokens) == (1, 2, 50)  # `rasi`: stem too short; `edukasi`: a pair
    assert (found.sightings, found.forms) == (2, ("navigatif",))  # `ilustratif` seen 7 times is no new form
    assert found.log_rate == pytest.approx(math.log(2 / 50))


def test_the_reading_prior_is_the_listed_words_count_times_the_measured_rate_at_most_an_unseen_derivations():
    for count in (3.0, 40.0, 5000.0):
        prior = min(LOG_NEW_READING + math.log(count), 0.0) + loan_ending_odds(count)
        assert prior == pytest.approx(min(math.log(count) + LOG_LOAN_ENDING, math.log(MAX_UNSEEN_COUNT)))
    assert loan_ending_odds(0) == 0.0


def test_a_loan_with_another_ending_is_accepted_and_a_slip_on_a_short_stem_is_not(speller):
    """`ergonomik` is ergonomis with -ik; `tangik` is `tangki` with two letters swapped, not `tangis` with -ik."""
    from speller import Speller

    text = "Metode ergonomik itu dipakai pabrik."
    assert speller.dictionary.count("ergonomik") == 0 and speller._loan_count("ergonomik") > 0
    assert [i.word for i in speller.check(text)] == []
    plain = Speller()
    plain.__dict__["_loan_endings"] = {}  # without the table the same word is a slip of `ergonomis`
    assert [i.word for i in plain.check(text)] == ["ergonomik"]
    assert speller._loan_count("tangik") is None
    assert [(i.word, i.suggestion) for i in speller.check("Ia mengisi tangik bensin di pom.")] == [("tangik", "tangki")]
    assert speller._loan_count("teknis") is None  # a listed word keeps its own count
