"""The prefix di- written apart from a word news writes only with it (`di alamatkan` -> `dialamatkan`)."""

from __future__ import annotations

import pytest

from speller.spacing import MIN_PREFIXED, may_be_one_word, prefix_apart, split_word


class _Counts:
    """A dictionary stand-in: the word counts `prefix_apart` and `split_word` ask for."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.closed_compounds: set[str] = set()
        self.compounds: dict[str, str] = {}
        self.joins: dict[str, str] = {}
        self.join_lefts: set[str] = set()

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def bigram(self, left: str, right: str) -> int:
        return 0


def test_the_prefix_is_joined_to_a_word_news_writes_only_with_it():
    d = _Counts({"dialamatkan": MIN_PREFIXED, "rumah": 8000, "dirumah": 13})
    assert prefix_apart(d, "di", "alamatkan") == "dialamatkan"
    assert split_word(d, "di", "alamatkan") == "dialamatkan"
    assert may_be_one_word(d, "di", "alamatkan")
    assert prefix_apart(d, "di", "rumah") is None  # a word of its own: the preposition before it


def test_not_when_the_joined_word_is_rare_or_the_left_word_another_preposition():
    d = _Counts({"dialamatkan": MIN_PREFIXED - 1, "kealamatkan": 50, "dikantor": 40, "kantor": 900})
    assert prefix_apart(d, "di", "alamatkan") is None  # news barely writes it joined either
    assert prefix_apart(d, "ke", "alamatkan") is None  # `ke` is the preposition, and only that
    assert prefix_apart(d, "di", "kantor") is None  # `kantor` is a word: `dikantor` is `di kantor` glued
    assert prefix_apart(d, "di", "x2") is None and prefix_apart(d, "di", "ab") is None


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Surat itu di alamatkan kepada menteri.", "di alamatkan", "dialamatkan"),
        ("Jenazahnya akan di kebumikan besok pagi.", "di kebumikan", "dikebumikan"),
        ("Di tujukan kepada warga desa.", "Di tujukan", "Ditujukan"),
    ],
)
def test_a_sentence_gets_the_prefix_joined(speller, text, span, fix):
    [issue] = [i for i in speller.check(text) if i.word == span]
    assert (issue.suggestions[0], issue.category) == (fix, "spacing")
    assert speller.correct(text) == text.replace(span, fix)


@pytest.mark.parametrize(
    "text", ["Mereka berteduh di saung sawah.", "Ia tinggal di rumah itu.", "Ia di Saung Angklung."]
)
def test_the_preposition_before_a_word_of_its_own_stays_apart(speller, text):
    assert not [i for i in speller.check(text) if i.category == "spacing"]
