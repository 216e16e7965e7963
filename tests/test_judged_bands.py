"""The fitted kinds `far`, `long` and `speech` (benchmarks.calibrate.CALIBRATED), the fit's judged unseen-news flags
and the held kinds' estimate (benchmarks.calibrate), and the band report of judged flags (benchmarks.judged_bands), on
made-up sentences, made-up flags and made-up labels."""

from __future__ import annotations

import pytest

from benchmarks.calibrate import (
    CALIBRATED,
    DECISION_FILES,
    REPORT_FILES,
    add_judged,
    fit_kind,
    judged_points,
    raw_speller,
    reported,
    rows_for,
    shown,
)
from benchmarks.calibrate import Judged as CalibJudged
from benchmarks.judged_bands import Judged, band_of, judged_flags, summary, table
from benchmarks.unseen_file import Flag, read_judged
from speller.calibration import (
    AFFIX,
    CALIBRATION_FILE,
    FAR,
    INITIAL,
    LISTED,
    LONG,
    SPEECH,
    STRETCH,
    UNFIXED,
    kind_of,
    parse,
    shrunk,
)
from speller.categories import CATEGORY_NAMES, FIX_CONFIDENCE, FLAG_CONFIDENCE
from speller.checker import Finding
from speller.tables import rows


def test_far_and_speech_are_fitted_by_name_though_fix_leaves_them():
    assert {FAR, LONG, AFFIX, SPEECH} <= UNFIXED
    assert {"typo:far", "typo:long", "typo:affix", "typo:speech"} <= CALIBRATED
    assert fit_kind("typo", FAR) == FAR
    assert fit_kind("typo", LONG) == LONG
    assert fit_kind("typo", AFFIX) == AFFIX
    assert fit_kind("typo", SPEECH) == SPEECH


@pytest.mark.parametrize(
    ("written", "suggestion", "kind"),
    [
        ("berfikit", "berpikir", FAR),  # 8 letters, two edits
        ("menyelidi", "menyelidiki", LONG),  # 9 letters (LONG_LETTERS), two edits
        ("kemimpinan", "kepemimpinan", LONG),  # 10 letters, two edits
        ("non-interfensi", "nonintervensi", LONG),  # letters counted, not the hyphen
        ("pengumumann", "pengumuman", "word"),  # one edit: long or not, `word`
        ("prinsipil", "prinsip", AFFIX),  # an ending put on the suggestion
        ("dititipin", "dititipkan", AFFIX),  # an ending swapped: the last 2 letters written for 3
        ("kukeluarkan", "dikeluarkan", AFFIX),  # a prefix swapped
        ("tanggapanina", "tanggapan", AFFIX),  # 3 letters put on the end (END_LETTERS) ...
        ("tanggapaninya", "tanggapan", LONG),  # ... and 4: more than an ending
        ("keamananan", "keamanan", LONG),  # a piece written twice: a stutter, not an ending
        ("dilakukakan", "dilakukan", LONG),  # so, inside the last 3 letters
        ("menyelidi", "menyelidiki", LONG),  # letters only dropped at the end
        ("kemimpinan", "kepemimpinan", LONG),  # and near the start
        ("berfikitin", "berpikir", LONG),  # edits at both ends
    ],
)
def test_a_far_slip_of_a_long_word_is_long(written, suggestion, kind):
    text = f"ia {written} lagi"
    assert kind_of(text, 3, 3 + len(written), frozenset(), suggestion) == kind


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        ("Kami menunggu kemimpinan yang baru.", "kemimpinan", "kepemimpinan"),  # raw 0.899, `far` would read 0.27
        ("Program itu diproriataskan untuk semua orang.", "diproriataskan", "diprioritaskan"),
    ],
)
def test_a_long_word_two_edits_from_its_suggestion_is_shown_but_not_fixed(speller, text, word, meant):
    """Judged, such flags are mostly real errors where a short far word's are not (`speller.calibration.LONG`): the
    slip is shown by default at a share of one half or more, under FIX_CONFIDENCE, and `fix` leaves it."""
    [issue] = [i for i in speller.check(text) if i.word == word]
    assert issue.suggestion == meant
    assert FLAG_CONFIDENCE <= issue.confidence < FIX_CONFIDENCE
    assert speller.correct(text) == text


def _table_finding_raw_kind(speller, text, word):
    """The bundled table, `word`'s finding with no floor, its raw (uncalibrated) finding, and the kind it is read as."""
    table = parse(rows(CALIBRATION_FILE), CATEGORY_NAMES)
    unfloored = type(speller)(speller.dictionary, min_confidence=0.0)
    raw = raw_speller(speller.dictionary)
    [issue] = [i for i in unfloored.check(text) if i.word == word]
    [sure] = [i for i in raw.check(text) if i.word == word]
    finding = Finding(issue.start, issue.end, list(issue.suggestions), issue.category, 0.0)
    return table, issue, sure, speller._kind(text, finding)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Barang itu dititipin ke tetangga.", "dititipin"),
        ("Dia tidak mau berhentiin mobilnya.", "berhentiin"),
        pytest.param(
            "Itu sangat prinsipil bagi kami.",
            "prinsipil",
            # rank24: `prinsipal` (one vowel off, 26 in the corpus, never beside either neighbour where chance would
            # not have shown it) now comes before `prinsip` (two letters off, seen after `sangat`), so the finding
            # is kind `word`, not `affix`, and shown by default (0.742 after the refit; main 0.216): a false alarm
            marks=pytest.mark.xfail(strict=True, reason="rank24 ranks prinsipal first: kind word, shown (issue #10)"),
        ),
    ],
)
def test_a_long_word_with_an_ending_put_on_or_swapped_is_reported_under_the_floor(speller, text, word):
    """A word of its own more often than a slip (`speller.calibration.AFFIX`): it reports the `affix` steps' share, not
    `long`'s, under FLAG_CONFIDENCE, so it is not shown by default."""
    table, issue, sure, kind = _table_finding_raw_kind(speller, text, word)
    assert kind == AFFIX
    assert issue.confidence == table("typo", AFFIX, sure.confidence) < table("typo", LONG, sure.confidence)
    assert issue.confidence < FLAG_CONFIDENCE
    assert word not in {i.word for i in speller.check(text)}


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Anak dapat berfikit dengan jernih.", "berfikit", FAR),
        ('"Kalau belun bisa, ya sudah," katanya.', "belun", SPEECH),
    ],
)
def test_a_far_or_quoted_slip_reports_its_fitted_share_held_between_the_floor_and_the_fix(speller, text, word, kind):
    """The slip reports the share the bundled table gives its kind at its raw confidence (held under FIX_CONFIDENCE),
    not the raw posterior, even under FLAG_CONFIDENCE; shown by default only when that share reaches FLAG_CONFIDENCE
    (`speller.calibration.flagged`)."""
    table, issue, sure, found_kind = _table_finding_raw_kind(speller, text, word)
    assert found_kind == kind
    assert issue.confidence == min(table("typo", kind, sure.confidence), FIX_CONFIDENCE - 0.001)
    # well under the raw posterior (`far` at a raw 1.0 reads 0.74 fitted on five decision files: on the report files
    # such flags were 22 real of 33, tempo, kapanlagi and detik-2025; it read 0.61 fitted on two)
    assert issue.confidence <= sure.confidence - 0.2 or kind == SPEECH
    assert (word in {i.word for i in speller.check(text)}) == (issue.confidence >= FLAG_CONFIDENCE)
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


def test_judged_points_fit_sure_labels_and_count_what_is_left_out():
    flags = [
        CalibJudged("typo", "word", 0.95, "slip"),
        CalibJudged("typo", "word", 0.6, "genuine"),
        CalibJudged("typo", "far", 0.7, "misfix"),  # a real error, its suggestion wrong: real, but not fixed right
        CalibJudged("typo", "word", 0.8, "unsure"),
        CalibJudged("typo", "word", 0.3, ""),  # reported under the floor when judged: never labelled
    ]
    points, left_out = judged_points(flags)
    assert points == [
        ("typo", "word", (0.95, True, True)),
        ("typo", "word", (0.6, False, False)),
        ("typo", "far", (0.7, True, False)),
    ]
    assert left_out == {"unsure": 1, "unjudged": 1}


def test_add_judged_fits_each_point_under_the_kind_it_is_fitted_with():
    assert "typo:spelt" not in CALIBRATED and "typo:handle" not in CALIBRATED and "typo:word" in CALIBRATED
    points: dict[tuple[str, str], list[tuple[float, bool, bool]]] = {("typo", "word"): [(0.99, True, True)]}
    judged_sure = [
        ("typo", "word", (0.9, False, False)),
        ("typo", "handle", (0.95, True, True)),  # unfixed, not fitted by name: pooled with its FALLBACK kind, word
        ("typo", "initial", (0.97, False, False)),  # a held kind fitted on its own labels
        ("typo", "spelt", (0.99, True, True)),  # not fitted: keeps the raw posterior
        ("typo", "name", (0.98, False, False)),  # fitted on its own labels
        ("spacing", "word", (0.4, True, True)),
    ]
    assert add_judged(points, judged_sure) == 5
    assert points == {
        ("typo", "word"): [(0.99, True, True), (0.9, False, False), (0.95, True, True)],
        ("typo", "initial"): [(0.97, False, False)],
        ("typo", "name"): [(0.98, False, False)],
        ("spacing", "word"): [(0.4, True, True)],
    }


def test_a_held_kind_reports_its_fitted_estimate_then_the_fix_cap():
    table = parse(
        [
            ["typo", "initial", "0", "0.1", "9", "0", "0"],
            ["typo", "initial", "0.9", "0.3", "9", "2", "2"],
            ["typo", "initial", "0.99", "0.7", "9", "6", "6"],
            ["typo", "listed", "0", "0.97", "30", "29", "29"],
            ["typo", "rare", "0", "0.05", "18", "0", "0"],
            ["typo", "word", "0", "0.95", "30", "28", "28"],
        ],
        CATEGORY_NAMES,
        "test",
    )
    assert INITIAL in UNFIXED and LISTED in UNFIXED and STRETCH in UNFIXED
    assert reported(table, "typo", INITIAL, 0.995) == 0.7  # the labels' estimate, not 0.899
    assert shown(table, "typo", INITIAL, 0.95) == (False, 0.3)  # under half sure: hidden (its share is still said)
    assert shown(table, "typo", INITIAL, 0.4) == (False, 0.1)  # the model does not flag it
    assert shown(table, "typo", "rare", 0.99) == (False, 0.05)  # fitted under the floor on purpose: hidden
    # the model does not flag it: its step's share (fitted on flags) is held under the flag line, so that
    # min_confidence=FLAG_CONFIDENCE shows what the default shows
    assert shown(table, "typo", "word", 0.3) == (False, FLAG_CONFIDENCE - 0.001)
    assert reported(table, "typo", LISTED, 0.99) == FIX_CONFIDENCE - 0.001  # sure, yet held for the writer
    assert reported(table, "typo", STRETCH, 0.99) == FIX_CONFIDENCE - 0.001  # no steps of its own: word's, capped
    assert reported(table, "typo", "word", 0.99) == 0.95


def test_fitted_rows_have_the_table_format_and_count_every_point():
    points = {
        ("typo", "initial"): [(0.3, False, False)] * 9
        + [(0.95, True, True)] * 8
        + [(0.95, True, False), (0.99, False, False)],
        ("spacing", "word"): [(0.2, True, True)] * 12,
    }
    lines = rows_for(points)
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 7 for c in cells)
    assert [(c[0], c[1]) for c in cells] == sorted((c[0], c[1]) for c in cells)
    table = parse(cells, CATEGORY_NAMES, "fitted")
    assert sum(int(c[4]) for c in cells) == sum(len(v) for v in points.values())
    assert sum(int(c[5]) for c in cells) == sum(r for v in points.values() for _, r, _ in v)
    assert sum(int(c[6]) for c in cells) == sum(w for v in points.values() for _, _, w in v)
    assert table("typo", INITIAL, 0.1) < table("typo", INITIAL, 0.99)
    assert table("spacing", "word", 0.0) == round(shrunk(12, 12), 3)


def test_decision_and_report_files_are_apart_and_labelled():
    assert not set(DECISION_FILES) & set(REPORT_FILES)
    assert all(read_judged(f) for f in (*DECISION_FILES, *REPORT_FILES))
