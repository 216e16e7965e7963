"""Which candidates compete with a written word: no derivation the corpus never shows of a root that is a name or
only English (no writer means `masbagikkannya`), while an unseen derivation of an Indonesian root still does."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("sentence", "word", "junk", "lenient_offers"),
    [
        # the town Masbagik: flagged only under FLAG_CONFIDENCE, for `membagikannya`, two edits away (such slips of
        # long words are mostly real, the `long` kind) ...
        ("Ia masbagikannya dan kemudian pergi.", "masbagikannya", "masbagikkannya", [("membagikannya",)]),
        # ... or not at all
        ("Warga masbagikannya kemarin.", "masbagikannya", "masbagikkannya", []),
    ],
)
def test_a_derivation_of_a_name_is_not_flagged_for_another_of_the_same_name(
    speller, lenient, sentence: str, word: str, junk: str, lenient_offers: list[tuple[str, ...]]
) -> None:
    assert [i.suggestions for i in speller.check(sentence) if i.word == word] == []
    # what the least confident findings offer: never the junk, which was first at 0.88
    assert [i.suggestions for i in lenient.check(sentence) if i.word == word] == lenient_offers
    assert junk not in speller._rivals(word)
    assert junk not in speller.suggest(word)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("disederhnakannya", "disederhanakannya"),  # sederhana: a root of the lexicon; the corpus never shows the form
        ("ditenggelmkannya", "ditenggelamkannya"),
    ],
)
def test_a_slip_of_an_unseen_derivation_of_an_indonesian_root_is_still_corrected(
    speller, typo: str, meant: str
) -> None:
    d = speller.dictionary
    assert meant not in d.counts and speller.morphology.is_valid(meant)  # unseen, well formed
    (issue,) = speller.check(f"Mereka {typo} kemarin.")
    assert issue.word == typo
    assert issue.suggestions[0] == meant


@pytest.mark.parametrize(
    ("root", "buildable"),
    [
        ("sederhana", True),  # a root of the lexicon
        ("bagi", True),
        ("masbagik", False),  # a town: mostly capitalized in the corpus
        ("massage", False),  # only English
    ],
)
def test_may_build(speller, root: str, buildable: bool) -> None:
    assert speller._may_build(root) is buildable


@pytest.mark.parametrize(
    ("cand", "meant"),
    [
        ("membagikannya", True),  # a listed word
        ("disederhanakannya", True),  # unseen, on a root of the lexicon
        ("di rumah", True),  # a phrase
        ("masbagikkannya", False),  # unseen, on the town Masbagik
        ("massagekannya", False),  # unseen, on English `massage`
    ],
)
def test_meant_rival(speller, cand: str, meant: bool) -> None:
    assert speller._meant_rival(cand) is meant


def test_rivals_keep_their_order_less_those_no_writer_means(speller) -> None:
    weighed = [c for c, _ in speller._weighed("masbagikannya")]
    assert "masbagikkannya" in weighed  # the morphology still offers it ...
    rivals = speller._rivals("masbagikannya")
    assert "masbagikkannya" not in rivals  # ... but it does not compete
    assert rivals == [c for c in weighed if speller._meant_rival(c)]
