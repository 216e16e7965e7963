"""The inflected offers take their distance from the stem lookup where they may (`Morphology.inflected_offers`):
optimal string alignment distance keeps its value when both strings gain the same letters at either end, and the
offers with the lookup's distance carry exactly the distance computed afresh."""

from __future__ import annotations

from itertools import product

from editdistpy import damerau_osa
from hypothesis import given
from hypothesis import strategies as st

from speller import Speller
from tests.test_candidates import PROPERTY, typos


def _strings(alphabet: str, longest: int) -> list[str]:
    return ["".join(letters) for n in range(longest + 1) for letters in product(alphabet, repeat=n)]


def test_common_ends_leave_the_distance_unchanged() -> None:
    """Every pair of strings of up to four letters over three (transpositions, repeats, empty strings among them),
    with every common suffix and prefix of up to two letters: `d(xz, yz) = d(zx, zy) = d(x, y)`."""
    short = _strings("abc", 4)
    ends = _strings("abc", 2)
    distance = damerau_osa.distance
    for x, y in product(short, short):
        d = distance(x, y, 99)
        for z in ends:
            assert distance(x + z, y + z, 99) == d, (x, y, z)
            assert distance(z + x, z + y, 99) == d, (x, y, z)


def _offers_measured_afresh(speller: Speller, word: str) -> dict[str, int]:
    offers = speller.morphology.inflected_offers(word, speller._index.lookup)
    return {c: damerau_osa.distance(word, c, len(word) + len(c)) for c in offers}


def test_offers_carry_their_own_distance(speller: Speller) -> None:
    words = sorted(w for w, n in speller.dictionary.counts.items() if n >= 50 and w.isalpha() and len(w) >= 4)

    @PROPERTY
    @given(st.one_of(typos(words), st.sampled_from(["mengerjtakan", "menyramkan", "terxpetakan", "kealsiannya"])))
    def check(word: str) -> None:
        offers = speller.morphology.inflected_offers(word, speller._index.lookup)
        assert offers == _offers_measured_afresh(speller, word)

    check()


def test_offers_of_affixed_slips_carry_their_own_distance(speller: Speller) -> None:
    """Slips where the prefix's elided letter, a changed prefix and a corrected head all occur (the slowest cold
    suggests among them): their offers, many, each carry the distance measured afresh."""
    words = ["mengerjtakan", "menyramkan", "terxpetakan", "kealsiannya", "menylis", "pemerintahh", "dilakukanya"]
    made = 0
    for word in words:
        offers = speller.morphology.inflected_offers(word, speller._index.lookup)
        assert offers == _offers_measured_afresh(speller, word), word
        made += len(offers)
    assert made > 100
