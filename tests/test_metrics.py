"""benchmarks.metrics on tiny hand-made cases."""

from __future__ import annotations

import pytest

from benchmarks.metrics import Flag, GoldError, fixes, judged, match, pr_curve, score

TEXT = "di luar angksa dan dinginkan giliranya di lakukan"
#       0123456789...


def gold(wrong: str, correct: str, category: str = "typo", file: str = "a") -> GoldError:
    start = TEXT.index(wrong)
    return GoldError(file, start, start + len(wrong), wrong, correct, category)


def flag(word: str, *suggestions: str, category: str | None = None, confidence: float = 1.0, file: str = "a") -> Flag:
    start = TEXT.index(word)
    return Flag(file, start, start + len(word), word, tuple(suggestions), category, confidence)


GOLD = [
    gold("angksa", "angkasa"),
    gold("dinginkan", "diinginkan", "real_word"),
    gold("giliranya", "gilirannya"),
    gold("di lakukan", "dilakukan", "spacing"),
]


def test_perfect_system_scores_one() -> None:
    flags = [flag(g.wrong, g.correct) for g in GOLD]
    s = score(GOLD, flags, tokens=9)
    assert (s.precision, s.recall, s.f1, s.top1, s.top3) == (1.0, 1.0, 1.0, 1.0, 1.0)
    assert (s.top1_all, s.top3_all, s.fa_per_1k) == (1.0, 1.0, 0.0)
    assert s.tp == 4 and s.fp == 0 and not s.misses and not s.false_alarms


def test_empty_system_has_zero_recall_and_precision_defined_as_zero() -> None:
    s = score(GOLD, [], tokens=9)
    assert (s.precision, s.recall, s.f1, s.top1, s.top1_all, s.fa_per_1k) == (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    assert len(s.misses) == 4


def test_no_gold_and_no_flags_is_all_zero() -> None:
    s = score([], [], tokens=0)
    assert (s.precision, s.recall, s.f1, s.fa_per_1k) == (0.0, 0.0, 0.0, 0.0)


def test_overlapping_flags_on_one_gold_span_count_once() -> None:
    g = gold("di lakukan", "dilakukan", "spacing")
    flags = [flag("di lakukan", "dilakukan"), Flag("a", g.start + 3, g.end, "lakukan", ("dilakukan",))]
    s = score([g], flags, tokens=2)
    assert (s.tp, s.fp, s.flags) == (1, 0, 2)
    assert s.precision == 1.0 and s.recall == 1.0


def test_false_alarms_per_thousand_tokens() -> None:
    flags = [flag("angksa", "angkasa"), flag("luar", "lunar"), flag("dan", "dan")]
    s = score([gold("angksa", "angkasa")], flags, tokens=4000)
    assert s.fp == 2
    assert s.fa_per_1k == pytest.approx(2 / 4000 * 1000)
    assert s.precision == pytest.approx(1 / 3)
    assert [f.word for f in s.false_alarms] == ["luar", "dan"]


def test_top1_and_top3() -> None:
    flags = [
        flag("angksa", "angkasa", "angka"),  # top-1
        flag("dinginkan", "inginkan", "dingin", "diinginkan"),  # top-3 only
        flag("giliranya", "giliran", "gilir", "girang", "gilirannya"),  # 4th: neither
    ]
    s = score(GOLD, flags, tokens=9)
    assert s.tp == 3
    assert s.top1 == pytest.approx(1 / 3)
    assert s.top3 == pytest.approx(2 / 3)
    assert s.top1_all == pytest.approx(1 / 4)
    assert s.top3_all == pytest.approx(2 / 4)


def test_correction_is_case_sensitive_with_a_case_blind_variant() -> None:
    g = GoldError("a", 0, 6, "Angksa", "Angkasa", "typo")
    s = score([g], [Flag("a", 0, 6, "Angksa", ("angkasa",))], tokens=1)
    assert s.top1 == 0.0 and s.top1_nocase == 1.0


def test_partial_flag_fixes_over_the_union_of_spans() -> None:
    g = gold("di lakukan", "dilakukan", "spacing")
    part = Flag("a", g.start + 3, g.end, "lakukan", ("dilakukan",))
    assert not fixes(g, part, "dilakukan")  # gives "di dilakukan"
    first = Flag("a", g.start, g.start + 2, "di", ("dilakukan",))
    assert not fixes(g, first, "dilakukan")  # gives "dilakukan lakukan"
    space = Flag("a", g.start + 2, g.start + 3, " ", ("",))
    assert fixes(g, space, "")  # deleting the space gives "dilakukan"
    wide = flag("luar angksa", "luar angkasa")
    assert fixes(gold("angksa", "angkasa"), wide, "luar angkasa")
    assert not fixes(gold("angksa", "angkasa"), wide, "luar angka")
    s = score([g], [space], tokens=2)
    assert s.top1 == 1.0


def test_flags_in_other_files_do_not_hit() -> None:
    s = score([gold("angksa", "angkasa")], [flag("angksa", "angkasa", file="b")], tokens=9)
    assert s.tp == 0 and s.fp == 1


def test_per_category_recall_and_precision() -> None:
    flags = [
        flag("angksa", "angkasa", category="typo"),
        flag("luar", category="typo"),
        flag("di lakukan", "dilakukan", category="spacing"),
    ]
    s = score(GOLD, flags, tokens=9)
    assert s.recall_by_category["typo"].hit == 1 and s.recall_by_category["typo"].total == 2
    assert s.recall_by_category["spacing"].rate == 1.0
    assert s.recall_by_category["real_word"].rate == 0.0
    assert s.precision_by_category["typo"].rate == 0.5
    assert s.precision_by_category["spacing"].rate == 1.0


def test_match_and_pr_curve() -> None:
    flags = [flag("angksa", "angkasa", confidence=0.9), flag("luar", confidence=0.3)]
    hits, unmatched = match(GOLD, flags)
    assert list(hits) == [0] and [f.word for f in unmatched] == ["luar"]
    curve = pr_curve(GOLD, flags)
    assert curve == [(0.9, 1.0, 0.25), (0.3, 0.5, 0.25)]


def test_doubled_words_and_phrases_are_not_judged() -> None:
    def typo(word: str, category: str = "typo") -> Flag:
        return Flag("a", 0, len(word), word, (), category)

    assert not judged(typo("dan dan")) and not judged(typo("Di di"))
    assert not judged(typo("berasal dari berasal dari")) and not judged(typo("a b c a b c"))
    assert judged(typo("angksa")) and judged(typo("di lakukan")) and judged(typo("dari pada"))
    assert judged(typo("sama sama", "spacing"))  # a reduplication missing its hyphen is labelled


def test_score_and_curve_leave_out_what_the_labels_cannot_judge() -> None:
    text = "dan dan angksa"
    doubled = Flag("a", 0, 7, "dan dan", ("dan",), "typo", 0.99)
    hit = Flag("a", 8, 14, "angksa", ("angkasa",), "typo", 0.9)
    wrong = GoldError("a", 8, 14, text[8:14], "angkasa", "typo")
    s = score([wrong], [doubled, hit], tokens=3)
    assert (s.tp, s.fp, s.flags, s.unjudged, s.precision) == (1, 0, 1, 1, 1.0)
    assert pr_curve([wrong], [doubled, hit]) == [(0.9, 1.0, 1.0)]
    # a doubled flag on a span the labels do judge (a reduplication missing its hyphen) hits it
    apart = GoldError("a", 0, 7, text[:7], "dan-dan", "spacing")
    s = score([apart, wrong], [doubled, hit], tokens=3)
    assert (s.tp, s.fp, s.unjudged, s.recall) == (2, 0, 0, 1.0)
