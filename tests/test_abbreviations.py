"""Two slips no generator offered (issue #10), each priced as one act of the writer: texting's consonant
abbreviations (`blm` for belum, offered by `speller.candidates.abbreviation_offers`) and a repeated syllable written
once (`kelehan` for kelelahan, brought among the slips one edit away by `speller.candidates.one_act`)."""

from __future__ import annotations

import pytest

from speller import Speller
from speller.candidates import abbreviation_offers
from speller.context import (
    ABBREVIATED_CONSONANT_COST,
    ABBREVIATED_VOWEL_COST,
    ABBREVIATION_COST,
    HAPLOLOGY_COST,
    abbreviation_cost,
    error_cost,
    haplology_cost,
)
from speller.model import further_edits


def test_an_abbreviation_costs_one_act_and_its_letters() -> None:
    assert abbreviation_cost("blm", "belum") == ABBREVIATION_COST + 2 * ABBREVIATED_VOWEL_COST
    assert abbreviation_cost("yg", "yang") == ABBREVIATION_COST + 2 * ABBREVIATED_VOWEL_COST  # ng: one sound
    assert abbreviation_cost("lsng", "langsung") == ABBREVIATION_COST + 4 * ABBREVIATED_VOWEL_COST  # a, ng, u
    assert (
        abbreviation_cost("spt", "seperti")
        == ABBREVIATION_COST + 3 * ABBREVIATED_VOWEL_COST + ABBREVIATED_CONSONANT_COST
    )
    assert abbreviation_cost("utk", "untuk") is not None  # a first vowel stays
    assert error_cost("blm", "belum") == abbreviation_cost("blm", "belum")
    assert further_edits("blm", "belum") == 0


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("blm", "bom"),  # one plain edit: priced as such
        ("bgsi", "bagus"),  # out of order
        ("blum", "belum"),  # a vowel kept after the first letter: a slip, not an abbreviation
        ("lm", "belum"),  # the first letter differs
        ("bs", "bersinar"),  # three consonants left out (r, n, r)
    ],
)
def test_what_is_no_abbreviation(typo: str, word: str) -> None:
    assert abbreviation_cost(typo, word) is None


def test_offers_for_an_unlisted_skeleton_only(speller: Speller) -> None:
    d = speller.dictionary
    offers = abbreviation_offers(d, "blm")
    assert "belum" in offers and all(dist == 1 for dist in offers.values())
    listed = next(w for w in ("yg", "tdk", "utk") if w in d.counts)
    assert abbreviation_offers(d, listed) == {}  # a listed form keeps its own count: no new rivals
    assert abbreviation_offers(d, "blum") == {}  # a vowel after the first letter: SymSpell's slip, not ours


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        ("Anak itu blm makan sejak pagi.", "blm", "belum"),
        ("Hasil ujian adikku bgs sekali.", "bgs", "bagus"),
        ("Saya mau plg ke rumah sekarang.", "plg", "pulang"),
        ("Mereka lsng pergi ke kantor polisi.", "lsng", "langsung"),
    ],
)
def test_an_abbreviation_in_a_sentence_is_expanded(speller: Speller, text: str, word: str, meant: str) -> None:
    found = {i.word: i.suggestions for i in Speller(speller.dictionary, picky=True).check(text)}  # the model's flags
    assert found[word][0] == meant


@pytest.mark.parametrize(
    ("typo", "word", "priced"),
    [
        ("kelehan", "kelelahan", True),  # `la` after `le`: the same consonant
        ("penterjemah", "penterterjemah", True),  # `ter` after `ter`: the same rhyme (a made-up word)
        ("berspektif", "berperspektif", False),  # `per` after `ber`, the word's first syllable: a prefix's place
        ("meluk", "memeluk", False),  # casual speech's bare form, no slip
        ("mengakan", "mengatakan", False),  # `ta` after `ga`: only the vowel repeats
        ("pemerintah", "pemerintahan", False),  # a suffix left out, no repeat
        ("dilakan", "dilakukan", False),
    ],
)
def test_a_skipped_repeat_is_one_act(typo: str, word: str, priced: bool) -> None:
    assert (haplology_cost(typo, word) == HAPLOLOGY_COST) is priced
    if priced:
        assert error_cost(typo, word) == HAPLOLOGY_COST
        assert further_edits(typo, word) == 0


def test_a_skipped_repeat_is_weighed_beside_slips_one_edit_away(speller: Speller) -> None:
    fresh = Speller(speller.dictionary)
    assert ("kelelahan", 1) in fresh._weighed("kelehan")  # one of many words one edit away, yet weighed
    found = {i.word: i.suggestions for i in fresh.check("Pemain itu jatuh karena kelehan setelah berlari jauh.")}
    assert found["kelehan"][0] == "kelelahan"
