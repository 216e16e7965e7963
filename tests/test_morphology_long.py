"""Long derivations through the whole checker: a slip in one is flagged with its intended form first, the genuine
ones (tidak compounds, two prefixes, compound roots) stay silent, whether the dictionary lists them or not."""

from __future__ import annotations

import pytest

SENTENCE = "Dia menunjukkan {} sistem itu."


@pytest.mark.parametrize(
    ("slip", "intended"),
    [
        ("ketidaksempuraan", "ketidaksempurnaan"),  # the issue's case: no candidate before
        ("ketidaksempurnaaan", "ketidaksempurnaan"),
        ("ketdaksempurnaan", "ketidaksempurnaan"),
    ],
)
def test_a_slip_in_a_long_derivation_is_flagged_with_its_form_first(lenient, slip: str, intended: str) -> None:
    issues = [i for i in lenient.check(SENTENCE.format(slip)) if i.category == "typo"]
    assert [i.word for i in issues] == [slip]
    assert issues[0].suggestions[0] == intended


@pytest.mark.parametrize(
    "word",
    [
        "ketidaksempurnaan",
        "ketidakmenentuan",
        "ketidakberpihakan",
        "ketidakterbukaan",
        "ketidakpastiannya",
        "diperlengkapi",
        "memperkenalkan",
        "ditandatangani",
        "keberhasilannya",
    ],
)
def test_genuine_long_derivations_stay_silent(speller, word: str) -> None:
    assert speller.check(SENTENCE.format(word)) == []
