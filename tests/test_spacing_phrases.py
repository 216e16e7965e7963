"""Spacing flags on genuine phrases (issue 10): a bound form that is also a word (`pro dan kontra`), a bound form
before a function word (`sine qua non terhadap`). Sentences are made up; the slips beside them are still joined."""

from __future__ import annotations

import pytest

from speller import spacing


def _spacing(speller, text):
    return [(i.word, i.suggestions) for i in speller.check(text) if i.category == "spacing"]


@pytest.mark.parametrize(
    "text",
    [
        "Sikap pro kontra hadir di tengah warga.",
        "Kelompok kontra kepemimpinan ketua itu menolak.",
        "Warga pro dan kontra karena aturan baru itu.",
        "Syarat itu sine qua non terhadap hasilnya.",
    ],
)
def test_a_genuine_phrase_with_a_bound_form_is_left_alone(speller, text):
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Sikap itu kontra produktif bagi tim.", "kontra produktif", "kontraproduktif"),
        ("Harga BBM non subsidi naik lagi.", "non subsidi", "nonsubsidi"),
        ("Pegawai non kementerian ikut rapat.", "non kementerian", "nonkementerian"),
    ],
)
def test_a_bound_form_written_apart_is_still_joined(speller, text, span, fix):
    assert (span, (fix,)) in _spacing(speller, text)


def test_kontra_is_read_as_a_bound_form_that_is_also_a_word():
    assert "kontra" in spacing.BOUND_OR_FREE and "kontra" not in spacing.BOUND_ONLY
    assert {"terhadap", "karena"} <= spacing.NEVER_DOUBLED  # the function words no bound form is joined to
