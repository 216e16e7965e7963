"""`ke` glued to a root of the lexicon that takes no bare ke- is the preposition, even before a rare noun
(`kehadirat` is `ke hadirat`, not a slip of `kehadiran`): `speller.spacing.PREPOSITION_ONLY`."""

from __future__ import annotations

import pytest

from speller.spacing import glued_preposition


def test_kehadirat_is_ke_hadirat_and_fix_writes_it_apart(speller):
    text = "Kami memanjatkan puji syukur kehadirat Allah atas rahmat-Nya."
    [issue] = speller.check(text)
    assert (issue.word, issue.suggestion, issue.category) == ("kehadirat", "ke hadirat", "spacing")
    assert speller.correct(text) == "Kami memanjatkan puji syukur ke hadirat Allah atas rahmat-Nya."


@pytest.mark.parametrize(
    ("word", "apart"), [("kehadirat", "ke hadirat"), ("keleher", "ke leher"), ("kekuil", "ke kuil")]
)
def test_ke_glued_to_a_rare_noun_is_the_preposition(speller, word, apart):
    assert glued_preposition(speller.dictionary, word) == apart


@pytest.mark.parametrize(
    "word",
    [
        "ketua",  # a root that takes bare ke- (root_classes.tsv)
        "kelautan",  # a ke-...-an noun
        "kebawa",  # a colloquial ke- passive: news never writes `ke bawa`
        "ketangkap",
        "kediri",  # a name news writes glued
        "keluar",  # a root of its own
        "kehadiran",
        "kedan",  # a function word after `ke` by chance
        "kebar",  # a short root: `kabar` is one edit away, the model weighs it
        "kemaja",  # a name after `ke` (`ke Maja`): left to the model, which reads `kemeja`
    ],
)
def test_words_made_with_ke_are_not_glued_prepositions(speller, word):
    assert glued_preposition(speller.dictionary, word) is None


def test_di_before_a_rare_root_stays_a_passive(speller):
    # `di` is the passive prefix too: only news's own counts make `diX` a glued preposition
    assert glued_preposition(speller.dictionary, "dihadirat") is None
    assert glued_preposition(speller.dictionary, "dibawa") is None


def test_a_slip_of_a_ke_word_before_a_rare_name_is_no_glued_preposition(speller):
    [issue] = speller.check("Ia datang menggunakan kemaja batik.")
    assert (issue.word, issue.suggestion, issue.category) == ("kemaja", "kemeja", "typo")
