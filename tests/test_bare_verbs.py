"""The bare (object-focus) form of a verb the corpus shows with meN- and di- is a word in use (`_verb_count`)."""

from __future__ import annotations

import pytest

from speller.model import BARE_VERB_SUFFIXES, rival_bounded


def test_a_bare_form_counts_the_verb_it_stands_for(speller):
    """`habisi` is unlisted, but menghabisi and dihabisi are listed: the verb's count backs it."""
    d = speller.dictionary
    assert d.count("habisi") == 0 < d.count("dihabisi") and d.count("menghabisi")
    assert speller._verb_count("habisi") == d.count("dihabisi") + d.count("menghabisi")


@pytest.mark.parametrize(
    ("word", "with_di", "with_men"),
    [
        ("atakan", "diatakan", "mengatakan"),  # katakan missing its k: meN- makes mengatakan, di- makes nothing
        ("gitalisasi", "digitalisasi", "menggitalisasi"),  # digitalisasi missing di-: a noun, no verb
    ],
)
def test_a_slip_that_meets_one_prefixed_form_only_is_no_bare_verb(speller, word, with_di, with_men):
    d = speller.dictionary
    assert d.count(word) == 0 and (d.count(with_di) == 0) != (d.count(with_men) == 0)
    assert speller._verb_count(word) == 0


def test_only_the_verb_endings_make_a_bare_form(speller):
    """`habis` ends in neither -kan nor -i: no verb reading, whatever its meN- form."""
    assert not "habis".endswith(BARE_VERB_SUFFIXES)
    assert speller._verb_count("habis") == 0


def test_a_bare_form_is_read_on_its_verb_not_bounded_by_a_near_rival(speller):
    """A near rival bounds a derivation's family (`rival_bounded`), but not the verb count of a bare form."""
    near = max((n for _, n in speller._near_rivals("habisi")), default=0)
    verb = speller._verb_count("habisi")
    assert speller._root_count("habisi", False) >= verb > 0
    assert speller._root_count("habisi", False) >= rival_bounded(speller._base_count("habisi", False), near)


def test_a_bare_form_the_morphology_cannot_read_is_a_new_word_reading(speller):
    """`berdayakan` (memberdayakan, diberdayakan) is no derivation the morphology makes: the verb is its reading."""
    assert speller._base_count("berdayakan", False) is None
    assert speller._new_word_reading("berdayakan")[0] == speller._verb_count("berdayakan") > 0
    assert [i.word for i in speller.check("Koperasi itu harus kita berdayakan bersama warga.")] == []


def test_a_slip_missing_a_root_letter_is_still_flagged(picky):
    assert ("atakan", "katakan") in [(i.word, i.suggestion) for i in picky.check("Mereka atakan hal itu kemarin.")]
