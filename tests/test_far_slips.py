"""A short written word read as a slip of a word two or more edits away (`speller.model.far_slip_cost`,
`FAR_MIN_LENGTH`, `FAR_LETTER_COST`)."""

from __future__ import annotations

import pytest

from speller import Speller, model
from speller.model import FAR_LETTER_COST, FAR_MIN_LENGTH, far_slip_cost


def flags(speller: Speller, text: str) -> list[tuple[str, str | None]]:
    """(word, first suggestion) of each finding of `text`."""
    return [(i.word, i.suggestion) for i in speller.check(text)]


def test_only_a_short_word_two_edits_from_its_candidate_pays():
    assert FAR_LETTER_COST > 0
    assert far_slip_cost("eneg", ["enak", "aneh"]) == FAR_LETTER_COST * (FAR_MIN_LENGTH - 4)
    assert far_slip_cost("sist", ["saat"]) == FAR_LETTER_COST * (FAR_MIN_LENGTH - 4)
    assert far_slip_cost("orangua", ["orang tua"]) == FAR_LETTER_COST * (FAR_MIN_LENGTH - 7)
    assert far_slip_cost("enek", ["enak"]) == 0.0  # one edit
    assert far_slip_cost("ngini", ["ini", "gini"]) == 0.0  # a candidate one edit away: the edit model alone
    assert far_slip_cost("itdak", ["tidak"]) == 0.0  # a swap is one edit
    assert far_slip_cost("trisemester", ["trimester"]) == 0.0  # long enough: the edit model alone
    assert far_slip_cost("x" * FAR_MIN_LENGTH, ["y" * FAR_MIN_LENGTH]) == 0.0


def test_the_written_word_keeps_more_of_the_posterior_beside_far_candidates_only(speller, monkeypatch):
    for word in ("wefie", "dongker", "swibge"):
        assert speller.dictionary.count(word) == 0
        shares = []
        for cost in (0.0, FAR_LETTER_COST):
            monkeypatch.setattr(model, "FAR_LETTER_COST", cost)
            shares.append(Speller()._decide(word, "dia", "itu").written)
        assert shares[1] > shares[0], word


@pytest.mark.parametrize("word", ["swibge", "bolyeo", "theqoo"])
def test_a_short_new_word_with_only_far_candidates_stays_silent(monkeypatch, word):
    """Romanized Korean and a forum's name in the decision files' news."""
    text = f"Menurut dia {word} itu biasa saja."
    assert flags(Speller(picky=True), text) == []
    monkeypatch.setattr(model, "FAR_LETTER_COST", 0.0)
    assert [w for w, _ in flags(Speller(picky=True), text)] == [word]  # without the term the model flagged it


def test_a_candidate_one_edit_away_keeps_the_edit_model_alone(picky):
    # `gini` is one edit away, `ini` two: flagged, and the far candidate still offered (rank24 puts `gini` first,
    # seen after `jadinya`)
    (issue,) = [i for i in picky.check("Jadinya ngini saja.") if i.word == "ngini"]
    assert issue.suggestions[:2] == ("gini", "ini")
    (issue,) = [i for i in picky.check("Ia menilai andala itu.") if i.word == "andala"]  # andalan; adalah two edits
    assert issue.suggestions[0] == "andalan"
    assert "adalah" in [c for c, _ in picky._decided(("andala", "menilai", "itu", False, False, None)).ranked]


@pytest.mark.parametrize(
    ("slip", "word"),
    [
        ("pelaksaannanya", "pelaksanaannya"),
        ("rangakain", "rangkaian"),
        ("dilalakukan", "dilakukan"),
        ("berubahah", "berubah"),
        ("esktrim", "ekstrem"),  # seven letters: one letter short, still a slip
    ],
)
def test_a_two_edit_slip_of_a_longer_word_is_still_flagged(picky, slip, word):
    assert picky.dictionary.count(slip) == 0
    assert flags(picky, f"Menurut dia {slip} itu biasa saja.") == [(slip, word)]
