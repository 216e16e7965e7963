"""The measurement of rare listed words against their rivals (benchmarks.listed_slips), on made-up rows."""

from __future__ import annotations

import math
from typing import cast

import pytest
from fake_counts import Counts

from benchmarks.listed_slips import Row, bands
from speller.dictionary import Dictionary
from speller.model import Prior, written_prior


def _row(listed: int, rival_count: int, cost: float, label: str, genuine: float = 1.0) -> Row:
    return Row(
        "kata", listed, "kita" if rival_count else "", rival_count, cost, "inner", True, genuine, label, "silent"
    )


def test_evidence_is_the_log_ratio_less_the_cost():
    assert _row(4, 400, 3.0, "slip").evidence == pytest.approx(math.log(100) - 3.0)
    assert _row(4, 0, 0.0, "genuine").evidence == -math.inf


def test_bands_count_each_word_once_in_its_band_and_in_every_band_below():
    rows = [_row(4, 4000, 3.0, "slip", 0.0), _row(4, 40, 3.0, "genuine"), _row(4, 0, 0.0, "genuine", 0.5)]
    lines = bands(rows)
    first = lines[1].split()
    assert first[:3] == ["-inf", "0", "1"]  # the word with no rival
    assert lines[1].endswith("1 / 2")  # every word is at or above -inf
    top = next(line for line in lines if line.startswith("3.0"))
    assert top.split()[1:3] == ["1", "0"]  # ln(1000) - 3 = 3.9
    assert [line.split() for line in lines[-3:]] == [
        ["discounted", "to", "0", "1", "slip", "0", "genuine"],
        ["discounted", "0", "slip", "1", "genuine"],
        ["not", "discounted", "0", "slip", "1", "genuine"],
    ]


def _prior(d: Counts, word: str, rivals: list[tuple[str, int]], formed: bool = False) -> Prior:
    """The prior of a lowercase word the morphology gives no root, on the made-up counts `d`."""
    counts = cast("Dictionary", d)  # it reads only what a Dictionary gives: count, total, max_count
    return written_prior(counts, word, rivals, root_count=lambda: None, capitalized=False, formed=formed)


def test_a_long_unformed_listed_word_one_slip_from_a_far_more_frequent_one_is_no_word():
    """`kalumbnata` 4 beside `kalumbinata` 400 (made up, one dropped letter): a long string the morphology does not
    explain, one cheap slip from a word a hundred times as frequent, is that word mistyped; its count says nothing."""
    from speller.model import LOG_CORPUS_SLIP_LONG, LOG_CORPUS_SLIP_UNFORMED, LONG_UNFORMED, slip_discount

    d = Counts({"kalumbnata": 4, "kalumbinata": 400})
    rivals = [("kalumbinata", 1)]
    assert len("kalumbnata") >= LONG_UNFORMED and LOG_CORPUS_SLIP_LONG > LOG_CORPUS_SLIP_UNFORMED
    assert slip_discount(d, "kalumbnata", rivals, formed=False) >= 4
    assert _prior(d, "kalumbnata", rivals).genuine == 0.0
    formed = _prior(d, "kalumbnata", rivals, formed=True).genuine
    assert formed > 0  # a derivation keeps part of its count ...
    consonant = Counts({"kalubinata": 4, "kalumbinata": 400})  # ... more than half when the slip is dearer than a
    assert _prior(consonant, "kalubinata", rivals, formed=True).genuine > max(0.5, formed)  # vowel left out


def test_a_short_unformed_listed_word_beside_a_far_more_frequent_one_keeps_some_of_its_count():
    """`kalbi` 4 beside `kalbit` 400, the same ratio and cost: short strings lie one edit from many words (`kupu`
    beside kpu, `nawar` beside anwar), so the count still says something."""
    d = Counts({"kalbi": 4, "kalbit": 400})
    assert 0 < _prior(d, "kalbi", [("kalbit", 1)]).genuine < 1


@pytest.mark.parametrize(
    ("counts", "rivals"),
    [
        ({"kalumbnata": 4}, []),  # no word one edit away
        ({"kalumbnata": 4, "kalumbinata": 30}, [("kalumbinata", 1)]),  # a rival, not ten times as frequent
    ],
)
def test_a_long_listed_word_with_no_far_more_frequent_neighbour_keeps_its_count(counts, rivals):
    assert _prior(Counts(counts), "kalumbnata", rivals).genuine == 1.0


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Harga naik sepeti biasa.", "sepeti", "seperti"),
        ("Ia suka makanan tradisonal itu.", "tradisonal", "tradisional"),
    ],
)
def test_rare_listed_slips_are_flagged(speller, text, word, fix):
    assert [(i.word, i.suggestion) for i in speller.check(text)] == [(word, fix)]


@pytest.mark.parametrize("text", ["Harga naik seperti biasa.", "Ia suka makanan tradisional itu."])
def test_the_words_they_slip_from_are_accepted(speller, text):
    assert speller.check(text) == []


def test_a_listed_word_with_neighbours_of_its_own_keeps_the_uses_they_vouch_for():
    """`setelan` 78 beside `setelah` 11,750 (one cheap slip): the discount alone would take its whole count, but the
    corpus writes `setelan jas`, `setelan baju`, `setelan blazer` where `setelah` never stands before those words:
    slips of setelah cannot make those pairs. The pair that repeats most is left out (it may be one article
    reprinted), and `setelan itu` is what slips of `setelah itu` make."""
    from speller.model import COLLOCATION_ALLOWANCE, listed_slips, slip_discount, vouched_uses

    counts = {"setelan": 78, "setelah": 11_750}
    bare = Counts(counts)
    pairs = {"setelan jas": 36, "setelan baju": 5, "setelan blazer": 4, "setelah itu": 900, "setelan itu": 2}
    paired = Counts(counts, pairs)
    rivals = [("setelah", 1)]
    assert listed_slips(bare, "setelan", rivals) == slip_discount(bare, "setelan", rivals) >= 78  # all of it slips
    vouched = vouched_uses(paired, "setelan", "setelah", 78)
    assert vouched == pytest.approx(4 + 3 - COLLOCATION_ALLOWANCE)
    assert listed_slips(paired, "setelan", rivals) == pytest.approx(78 - vouched)
    assert slip_discount(paired, "setelan", rivals) >= 78  # a root's count for its derivations is read without them
    assert _prior(paired, "setelan", rivals, formed=True).genuine == pytest.approx(vouched / 78)


def test_a_slip_in_one_reprinted_phrase_is_vouched_for_by_none():
    """`berbetuk` 5, all of them `berbetuk tetesan` (one article, reprinted), beside `berbentuk` 247."""
    from speller.model import vouched_uses

    d = Counts({"berbetuk": 5, "berbentuk": 247}, {"berbetuk tetesan": 5, "berbentuk tetesan": 6})
    assert vouched_uses(d, "berbetuk", "berbentuk", 5) == 0.0


def test_a_slip_whose_pairs_are_its_rivals_pairs_is_vouched_for_by_none():
    """`konfrensi pers` 18, `konfrensi dalam` 6 beside `konferensi pers` 586, `konferensi dalam` 318: slips of
    `konferensi` (821) land in its contexts."""
    from speller.model import listed_slips, vouched_uses

    pairs = {"konfrensi pers": 18, "konferensi pers": 586, "konfrensi dalam": 6, "konferensi dalam": 318}
    d = Counts({"konfrensi": 18, "konferensi": 821}, pairs)
    assert vouched_uses(d, "konfrensi", "konferensi", 18) == 0.0
    assert listed_slips(d, "konfrensi", [("konferensi", 1)], formed=False) >= 18
    assert _prior(d, "konfrensi", [("konferensi", 1)]).genuine == 0.0


def test_the_rival_read_is_the_one_whose_slips_explain_most():
    """`sejam` 22 beside `sejak` (5,499, a cheap slip) and `sedam` (made up, 300): `sejam baru`, `sejam lagi` are no
    pairs of `sejak`: they vouch against the rival that explains most of the count, not against the weaker one."""
    from speller.model import listed_slips, vouched_uses

    pairs = {"sejam baru": 5, "sejam lagi": 6, "sedam baru": 200, "sedam lagi": 300}
    d = Counts({"sejam": 22, "sejak": 5_499, "sedam": 300}, pairs)
    rivals = [("sejak", 1), ("sedam", 1)]
    assert vouched_uses(d, "sejam", "sedam", 22) == 0.0  # against sedam its pairs are explained
    assert vouched_uses(d, "sejam", "sejak", 22) > 0.0
    assert listed_slips(d, "sejam", rivals, formed=True) == pytest.approx(22 - vouched_uses(d, "sejam", "sejak", 22))


def test_a_word_capitalized_inside_a_sentence_is_left_to_its_name_readings():
    """Its neighbours vouch for the lowercase word; capitalized inside a sentence (`Perpu` beside Perppu on dev) a
    few vouched sightings would outweigh its reading as a new name, so its count is discounted as before."""
    pairs = {"setelan jas": 36, "setelan baju": 25, "setelan blazer": 14}
    counts = cast("Dictionary", Counts({"setelan": 78, "setelah": 11_750}, pairs))
    rivals = [("setelah", 1)]

    def prior(capitalized: bool, opens: bool = False) -> Prior:
        return written_prior(counts, "setelan", rivals, root_count=lambda: None, capitalized=capitalized, opens=opens)

    assert prior(False).genuine > 0.3
    assert prior(True, opens=True).genuine == prior(False).genuine  # a sentence's first word
    assert prior(True).genuine == 0.0


def test_flag_bands_count_real_and_false_flags_by_own_repeats_left_repeats_and_files():
    from benchmarks.listed_slips import FlagRow, flag_bands

    def flag(label: str, repeats: float, left: float, files: int) -> FlagRow:
        return FlagRow("f.txt", label, "gitu", "itu", 375, 55_672, 5.0, 4.0, 0.9, files, repeats, left, 0.0)

    lines = flag_bands([flag("false", 60.0, 3.0, 10), flag("real", 0.0, 0.0, 4), flag("real", 1.0, 0.0, 4)])
    assert lines[1].split() == ["0-0.5", "1", "0"]
    assert lines[2].split() == ["0.5-2", "1", "0"]
    assert lines[4].split() == ["5-inf", "0", "1"]
    assert lines[5].split()[:2] == ["left", "repeats"]
    assert lines[6].split() == ["0-0.5", "2", "0"] and lines[8].split() == ["2-5", "0", "1"]
    assert lines[12].split() == ["3-5", "2", "0"] and lines[14].split() == ["9-98", "0", "1"]


def test_left_pair_repeats_read_the_pairs_before_a_word_as_own_pair_repeats_reads_those_after():
    """`ke sana` is no pair a slip of `sama` makes (`ke sama` is rare), `dan sana` is one it makes often: the words
    before a word vouch as the words after it do, the pair that repeats most left out."""
    from benchmarks.listed_slips import left_pair_repeats
    from speller.model import own_pair_repeats

    counts = {"sana": 400, "sama": 9_000}
    before = {"ke sana": 120, "di sana": 90, "dari sana": 30, "dan sana": 3, "dan sama": 2_000}
    after = {" ".join(reversed(k.split(" "))): n for k, n in before.items()}  # the same pairs, mirrored
    sana = [(k.split(" ")[0], n) for k, n in before.items() if k.endswith(" sana")]
    left = left_pair_repeats(Counts(counts, before), sana, "sama", 400)
    assert left == pytest.approx(own_pair_repeats(Counts(counts, after), "sana", "sama", 400))
    assert left == pytest.approx(89 + 29)  # `dan sana` explained by `dan sama`; `ke sana`, the top pair, left out


def test_the_word_before_a_listed_word_vouches_for_the_uses_it_repeats():
    """`belur` 21, all of them `babak belur` (a fixed phrase), beside `belum` 8,592, which `babak` never precedes: the
    right neighbours vary, so the right pairs vouch for nothing, but slips of belum cannot make the left pair."""
    from speller.model import COLLOCATION_ALLOWANCE, left_vouched_uses, vouched_uses

    d = Counts(
        {"belur": 21, "belum": 8_592, "babak": 2_241}, {"babak belur": 21, "belur dihajar": 3, "sudah belum": 40}
    )
    assert vouched_uses(d, "belur", "belum", 21) == 0.0
    assert left_vouched_uses(d, "belur", "belum", 21, "babak") == pytest.approx(21 - 1 - COLLOCATION_ALLOWANCE)
    assert left_vouched_uses(d, "belur", "belum", 21, "sudah") == 0.0  # a pair the text does not make with it


def test_a_reprinted_phrase_is_vouched_for_by_the_word_before_it_by_none():
    """`yang berbetuk tetesan` 5 times: one article reprinted repeats the pair after the slip as often."""
    from speller.model import left_vouched_uses

    pairs = {"yang berbetuk": 5, "berbetuk tetesan": 5, "yang berbentuk": 60}
    d = Counts({"berbetuk": 5, "berbentuk": 247, "yang": 90_000}, pairs)
    assert left_vouched_uses(d, "berbetuk", "berbentuk", 5, "yang") == 0.0


def test_a_slip_after_a_word_its_rival_stands_after_is_vouched_for_by_none():
    """`untuk menampilan` 4, all of menampilan (three sites), beside `untuk menampilkan` 31 of 946: slips bunch, so
    a pair its rival makes too vouches for nothing, however few slips the rival's share would put there."""
    from speller.model import left_vouched_uses

    d = Counts({"menampilan": 4, "menampilkan": 946}, {"untuk menampilan": 4, "untuk menampilkan": 31})
    assert left_vouched_uses(d, "menampilan", "menampilkan", 4, "untuk") == 0.0


def test_a_fixed_phrase_is_no_slip_of_a_frequent_word(speller):
    """`babak belur` (KBBI: badly beaten): the corpus writes belur after babak alone."""
    assert [i.word for i in speller.check("Saham itu tampil babak belur kemarin.") if i.flagged] == []
