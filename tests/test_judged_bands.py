"""The fitted kinds `far` and `speech` (benchmarks.calibrate.CALIBRATED) and the band report of judged flags
(benchmarks.judged_bands), on made-up sentences and made-up labels."""

from __future__ import annotations

import pytest

from benchmarks.calibrate import CALIBRATED, fit_kind
from benchmarks.judged_bands import Judged, band_of, judged_flags, summary, table
from benchmarks.unseen_file import Flag
from speller.calibration import CALIBRATION_FILE, FAR, SPEECH, UNFIXED, parse
from speller.categories import CATEGORY_NAMES, FIX_CONFIDENCE, MIN_CONFIDENCE
from speller.checker import Finding
from speller.tables import rows


def test_far_and_speech_are_fitted_by_name_though_fix_leaves_them():
    assert {FAR, SPEECH} <= UNFIXED
    assert {"typo:far", "typo:speech"} <= CALIBRATED
    assert fit_kind("typo", FAR) == FAR
    assert fit_kind("typo", SPEECH) == SPEECH


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Program itu diproriataskan untuk semua orang.", "diproriataskan", FAR),
        ("Anak dapat berfikit dengan jernih.", "berfikit", FAR),
        ('"Kalau belun bisa, ya sudah," katanya.', "belun", SPEECH),
    ],
)
def test_a_far_or_quoted_slip_reports_its_fitted_share_still_above_the_floor(speller, text, word, kind):
    """The slip is still reported (the step of a sure raw posterior stays at MIN_CONFIDENCE or more), with the share
    the bundled table gives its kind, not the raw posterior held just under FIX_CONFIDENCE."""
    table = parse(rows(CALIBRATION_FILE), CATEGORY_NAMES)
    [issue] = [i for i in speller.check(text) if i.word == word]
    finding = Finding(issue.start, issue.end, list(issue.suggestions), issue.category, 0.0)
    assert speller._kind(text, finding) == kind
    assert issue.confidence == table("typo", kind, 1.0)
    assert MIN_CONFIDENCE <= issue.confidence < FIX_CONFIDENCE - 0.2
    assert speller.correct(text) == text  # fix leaves it to the writer


def test_band_of_puts_a_confidence_in_its_tenth():
    assert band_of(0.5) == 0.5
    assert band_of(0.599) == 0.5
    assert band_of(0.6) == 0.6
    assert band_of(0.899) == 0.8
    assert band_of(0.7) == 0.7


def _judged(confidence: float, label: str, kind: str = "far", category: str = "typo", raw: float = 0.9) -> Judged:
    return Judged(Flag("kata", "kita", category, kind, confidence, "x [kata] y"), raw, 1, label)


def test_summary_counts_misfixes_real_and_unsure_nowhere():
    rows_ = [_judged(0.6, "slip"), _judged(0.6, "misfix"), _judged(0.6, "genuine"), _judged(0.6, "unsure")]
    line = summary(rows_)
    assert "1/1/1/1" in line
    assert "real  66.7%" in line  # slip and misfix of three sure
    assert "right  33.3%" in line  # fix right only on the slip
    assert "said 0.600" in line and "raw 0.900" in line


def test_summary_leaves_unjudged_flags_out():
    assert summary([_judged(0.6, ""), _judged(0.7, "slip")]).lstrip().startswith("1 ")


def test_table_groups_by_band_category_and_kind():
    lines = table(
        [_judged(0.55, "slip"), _judged(0.88, "genuine", kind="listed"), _judged(0.53, "slip", "doubled", "spacing")]
    )
    groups = [line.split()[0] for line in lines[1:]]
    assert groups[0] == "all"
    assert "typo:listed" in groups and "spacing:doubled" in groups and "typo" in groups
    assert any(line.startswith("band 0.8") and "0/1/0/0" in line for line in lines)
    assert any(line.startswith("band 0.5") and "2/0/0/0" in line for line in lines)


def test_judged_flags_keeps_the_band_and_finds_labels_by_line_and_word():
    corpus = "baris satu\nIa sudah menyruh kami pulang.\nbaris tiga"
    inside = Flag("menyruh", "menyuruh", "typo", "word", 0.7, "Ia sudah [menyruh] kami pulang.")
    above = inside._replace(confidence=0.95)
    below = inside._replace(confidence=0.3)
    found = judged_flags([(inside, 0.7), (above, 0.95), (below, 0.3)], corpus, {(2, "menyruh"): "slip"}, 0.5, 0.9)
    assert found == [Judged(inside, 0.7, 2, "slip")]
