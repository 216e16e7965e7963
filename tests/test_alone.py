"""A word checked alone (a one-word text, a word on its own line) is judged as in a sentence (issue #10).

Having no neighbour is no evidence for a word: an unseen derivation pays on a side with no word beside it what it pays
beside a word its bigrams never saw it with (`Speller._edge_prior`), and a word on its own line has no neighbour on the
lines around it, as in the bigrams, which the builder counts line by line (`Speller._neighbour`).
"""

from __future__ import annotations

import pytest

SLIPS = [("sehlah", "seolah"), ("finali", "final"), ("berbain", "bermain"), ("mahasisa", "mahasiswa")]
FINE = ["seolah", "final", "bermain", "mahasiswa", "pengukuran", "diserahkan", "hasilnya"]
NAMES = ["Prabowo", "Indonesia", "Sukabumi", "Arkani", "Franki"]  # the last two: names the morphology builds


def _flags(speller, text: str) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(i.word, i.suggestions[0]) for i in speller.check(text) if i.suggestions]


@pytest.mark.parametrize(("typo", "word"), SLIPS)
def test_a_slip_alone_is_flagged(speller, typo, word):
    assert _flags(speller, typo) == [(typo, word)]


@pytest.mark.parametrize(("typo", "word"), SLIPS)
def test_a_slip_on_its_own_line_is_flagged_as_alone(speller, typo, word):
    text = f"Judul\n\n{typo}\n\nIsi berita ini."
    assert _flags(speller, text) == [(typo, word)]
    assert [i.confidence for i in speller.check(text)] == [i.confidence for i in speller.check(typo)]


def test_a_word_on_its_own_line_has_no_neighbour_on_the_lines_around_it(speller):
    from speller.tokenize import tokenize

    text = "judul\nsehlah\r\nisi"
    tokens = list(tokenize(text))
    assert speller._neighbour(text, tokens, 1, 0) is None
    assert speller._neighbour(text, tokens, 1, 2) is None
    spaced = "judul sehlah isi"
    assert speller._neighbour(spaced, list(tokenize(spaced)), 1, 0) == "judul"


@pytest.mark.parametrize("word", FINE)
def test_a_correct_word_alone_is_silent(speller, word):
    assert speller.check(word) == []
    assert speller.check(f"Judul\n\n{word}\n\nIsi berita ini.") == []


@pytest.mark.parametrize("name", NAMES)
def test_a_name_alone_at_the_start_of_a_text_is_silent(speller, name):
    assert speller.check(name) == []
    assert speller.check(f"{name}\n\nIsi berita ini.") == []


@pytest.mark.parametrize("word", [w for pair in SLIPS for w in pair] + FINE + NAMES + ["cbir"])
def test_suggest_and_check_agree_on_a_word(speller, word):
    """`suggest(word)` offers what `check(word)` shows for it, and nothing for a known word `check` leaves silent."""
    shown = speller.check(word)
    if shown:
        assert speller.suggest(word) == list(shown[0].suggestions)
    elif speller.is_known(word.lower()):
        assert speller.suggest(word) == []
