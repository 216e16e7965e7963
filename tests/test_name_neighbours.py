"""The measurement of how often news writes a new name one edit from a known name, by that name's count
(`benchmarks.name_neighbours`): the figures that keep a new name's prior free of its neighbour's count."""

from __future__ import annotations

import math

from editdistpy import damerau_osa
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.name_neighbours import BANDS, band_of, neighbour_bands, one_edit


@given(st.text(alphabet="abcdeh", min_size=1, max_size=7))
def test_one_edit_gives_exactly_the_strings_one_edit_away(word):
    near = one_edit(word, "abcdeh")
    assert word not in near
    assert all(damerau_osa.distance(word, e, 1) == 1 for e in near)
    # a letter added at the end, the first dropped, the first replaced: each is among them
    for e in one_edit(word, "abcdeh") | {word + "a", word[1:], "h" + word[1:]}:
        if e != word and damerau_osa.distance(word, e, 1) == 1:
            assert e in near


def test_band_of():
    assert band_of(BANDS[0] - 1) is None
    assert band_of(BANDS[0]) == 0
    assert band_of(BANDS[1] - 1) == 0
    assert band_of(BANDS[-1] * 10) == len(BANDS) - 1


def test_neighbour_bands_put_each_new_form_beside_its_most_frequent_name():
    counts = {"jakarta": 5000, "jakarti": 40, "budi": 200, "yang": 90000}
    names = {"jakarta", "jakarti", "budi"}
    text = "ujar Jakartu kemarin, Budy dan Jakarta, kata Yangg. Bidu pergi ke Jakarta Utara."
    bands = neighbour_bands(counts, names, lambda w: -10.0 * len(w), [text])
    by_low = {b.low: b for b in bands}
    assert by_low[3000].forms == {"jakartu"}  # one edit from jakarta (5000) and jakarti (40): the former
    assert by_low[100].forms == {"budy"}  # `Bidu` opens a sentence; `Yangg` is beside no name
    assert by_low[3000].names == 1 and by_low[30].names == 1
    assert by_low[3000].mass > 0 and math.isnan(by_low[3].log_rate())  # no name of 3 to 29 counts
