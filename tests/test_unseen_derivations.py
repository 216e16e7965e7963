"""Tests for the measuring helpers of benchmarks.unseen_derivations and benchmarks.slips_in_context."""

from __future__ import annotations

import math

import pytest

from benchmarks.slips_in_context import contexts, left_out
from benchmarks.unseen_derivations import MIN_UNSEEN, Derivation, Rival, expected_slips, judge_sample, odds_by, swapped


def test_swapped_swaps_each_pair_of_different_neighbouring_letters_once():
    assert swapped("buat") == ["ubat", "baut", "buta"]
    assert swapped("aal") == ["ala"]
    assert swapped("a") == []


def _made(key: str, n: int, sightings: float, group: int = 1) -> list[Derivation]:
    return [Derivation(f"{key}{i}", key, key, group, True, sightings / n) for i in range(n)]


def test_odds_by_weighs_sightings_against_what_the_family_size_rate_expects():
    # one family-size group: 2 * MIN_UNSEEN unseen derivations, 10 sightings in all (rate 10 / 100 a derivation)
    found = _made("a", MIN_UNSEEN, 8.0) + _made("b", MIN_UNSEEN, 2.0)
    odds = odds_by(found, lambda x: x.pattern)
    floor = 0.5 * 0.1  # half a sighting at the rate of group 0, or of the least group when none is 0
    assert odds["a"] == (MIN_UNSEEN, pytest.approx(math.log((8 + floor) / 5)))
    assert odds["b"] == (MIN_UNSEEN, pytest.approx(math.log((2 + floor) / 5)))
    assert odds_by(found, lambda x: None) == {}


def test_odds_by_leaves_out_keys_with_too_few_unseen_derivations():
    found = _made("a", MIN_UNSEEN, 5.0) + _made("b", MIN_UNSEEN - 1, 5.0)
    assert set(odds_by(found, lambda x: x.pattern)) == {"a"}


def test_contexts_are_the_first_places_a_word_stands_between_lowercase_words():
    lines = ["Aturan itu dibuat oleh pemerintah.", "Dibuat oleh", "yang dibuat Jakarta", "kami dibuat bingung lagi"]
    found = contexts(lines, {"dibuat"}, 1)
    assert found == {"dibuat": [("Aturan itu", "oleh pemerintah.")]}
    assert contexts(lines, {"dibuat"}, 5)["dibuat"][1] == ("kami", "bingung lagi")


class _Counts:
    def bigram(self, left: str, right: str) -> int:
        return 5


def test_left_out_takes_one_sighting_of_the_sentences_own_bigrams_away_and_restores_them():
    d = _Counts()
    with left_out(d, {("itu", "dibuat")}):
        assert d.bigram("itu", "dibuat") == 4
        assert d.bigram("dibuat", "oleh") == 5
    assert d.bigram("itu", "dibuat") == 5


def test_expected_slips_takes_each_sightings_share_of_its_words_discount_at_most_all_of_it():
    rate = -2.0
    cheap = [("menegah", 10, [Rival("menengah", 573, 2.0)])]  # 573 * exp(-4) = 10.5: all of the count
    dear = [("kawakan", 27, [Rival("kawasan", 3511, 8.0)])]  # 3,511 * exp(-10) = 0.16 of 27
    assert expected_slips(cheap, rate) == 1.0
    assert expected_slips(dear, rate) == pytest.approx(3511 * math.exp(rate - 8.0) / 27)
    assert expected_slips(cheap + dear, rate - 1.0) < expected_slips(cheap + dear, rate)


def test_judge_sample_draws_sightings_so_a_word_comes_as_often_as_its_count():
    found = [("a", 3, []), ("b", 1, [])]
    drawn = judge_sample(found, 4, seed=1)
    assert sorted(w for w, _, _ in drawn) == ["a", "a", "a", "b"]
    assert judge_sample(found, 4, seed=1) == drawn
    assert len(judge_sample(found, 2, seed=1)) == 2


def test_edit_kind_names_how_a_word_is_one_edit_from_its_rival():
    from benchmarks.unseen_derivations import edit_kind

    assert edit_kind("menjuara", "menjuarai") == "left out"
    assert edit_kind("terkandang", "terkadang") == "extra"
    assert edit_kind("baruan", "bauran") == "swap"
    assert edit_kind("penindak", "menindak") == "first letter"
    assert edit_kind("dicakar", "dibakar") == "in place"


def test_near_summary_counts_errors_against_the_shares_expected_errors_and_leaves_out_none():
    from benchmarks.unseen_derivations import Near, near_summary

    sample = [
        Near("menjuara", 1, "juara", 2000.0, Rival("menjuarai", 135, 4.0), 0.75),
        Near("penindak", 1, "tindak", 3000.0, Rival("menindak", 170, 5.0), 0.5),
        Near("kubar", 1, "bar", 95.0, Rival("kabar", 1719, 3.0), 0.1),
    ]
    out = near_summary(sample, {"menjuara": "slip", "penindak": "genuine", "kubar": "none"})
    assert "| all | 2 | 1 | 0.8 |" in out
    assert "| rival below the family | 2 | 1 | 0.8 |" in out
    assert "| left out | 1 | 1 | 0.2 |" in out
    assert out[-2] == f"\nlog likelihood of the labels: {math.log(0.25) + math.log(0.5):.1f}"
    # moved by +1, the slip's share 0.75 -> 1 / (1 + e^-(ln 3 + 1)), the genuine word's 0.5 -> 1 / (1 + e^-1)
    plus_one = math.log(1 - 1 / (1 + math.exp(-(math.log(3) + 1)))) + math.log(1 / (1 + math.exp(-1)))
    assert out[-1].startswith("log likelihood, written log odds moved by: -2 ")
    assert f"+0 {math.log(0.25) + math.log(0.5):.1f}" in out[-1] and f"+1 {plus_one:.1f}," in out[-1]


def test_near_judged_labels_are_valid_and_unique():
    from benchmarks.unseen_derivations import NEAR_JUDGED, read_near_labels

    rows = [r for r in NEAR_JUDGED.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    labels = read_near_labels()
    assert len(labels) == len(rows) == 180
    assert sum(label in ("slip", "other") for label in labels.values()) == 58


@pytest.mark.parametrize(("door", "draws", "errors"), [("unseen root", 120, 73), ("lexicon root", 80, 17)])
def test_each_doors_judged_draws_are_valid_and_unique(door, draws, errors):
    from benchmarks.unseen_derivations import NEAR_DOORS, read_near_labels

    path = NEAR_DOORS[door]
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    labels = read_near_labels(path)
    assert len(labels) == len(rows) == draws
    assert sum(label in ("slip", "other") for label in labels.values()) == errors


def test_truncated_judged_labels_are_valid_and_unique():
    from benchmarks.unseen_derivations import TRUNCATED_JUDGED, read_near_labels

    rows = [r for r in TRUNCATED_JUDGED.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    labels = read_near_labels(TRUNCATED_JUDGED)
    assert len(labels) == len(rows)
    assert labels["dilengkap"] == "slip" and labels["diaku"] == "genuine"


def test_offset_likelihood_moves_the_shares_log_odds():
    from benchmarks.unseen_derivations import offset_likelihood

    judged = [(0.5, True), (0.5, False)]
    assert offset_likelihood(judged, 0.0) == pytest.approx(2 * math.log(0.5))
    assert offset_likelihood([(0.5, True)], -1.0) > offset_likelihood([(0.5, True)], 0.0)  # an error: lower is likelier
    assert offset_likelihood([(0.5, False)], 1.0) > offset_likelihood([(0.5, False)], 0.0)


def test_slips_in_context_lists_the_sentences_a_slip_passes_in_as_its_table_counts_them(speller, monkeypatch):
    import benchmarks.slips_in_context as sic
    from benchmarks.blindspots import Case

    lines = ["kami makan dulu sebelum berangkat", "mereka pulang dulu ke rumah", "anak itu dibuat bingung oleh soal"]
    monkeypatch.setattr(sic, "corpus_lines", lambda: lines)
    cases = [
        Case("frequent words", 1, "dulu", "duku", "duku", 0),
        Case("inflected forms", 1, "dibuat", "dibaut", "dibaut", 0),
    ]
    silent: list[tuple[Case, str]] = []
    table = sic.run(speller, cases, silent)
    passed = {(c.typo, text) for c, text in silent}
    assert passed <= {("duku", "kami makan duku sebelum berangkat"), ("duku", "mereka pulang duku ke rumah")}
    assert ("dibaut", "anak itu dibaut bingung oleh soal") not in passed
    share = 100 * sum(c.typo == "duku" for c, _ in silent) / 2
    assert "| frequent words | 1 | " in table[2] and table[2].endswith(f"| 2 | {share:.1f} |")
