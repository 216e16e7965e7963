"""Tests for the pure parts of benchmarks.unseen_file: the seeded sample, the rates, the cache keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.blindspots import HELD_OUT
from benchmarks.unseen_file import (
    JUDGED,
    LABELS,
    Flag,
    blocks,
    counts_key,
    judged_categories,
    judged_report,
    line_of,
    per_thousand,
    read_judged,
    report,
    sample,
    silent_words,
    sources,
    token_count,
)


def test_blocks_join_runs_of_consecutive_non_empty_lines():
    lines = ["satu", "", "dua", "tiga", "empat", "  ", "lima"]
    assert blocks(lines, 2) == ["satu\ndua", "tiga\nempat", "lima"]
    assert blocks([], 3) == []


def test_token_count_counts_runs_of_letters_not_numbers_or_marks():
    assert token_count("Harga naik 2,5 persen (dari Rp 10.000) di Jakarta.") == 7


def test_sample_stops_once_it_holds_the_tokens_and_the_same_seed_draws_the_same():
    texts = [f"kata{i} lain" for i in range(20)]  # 2 tokens each
    drawn = sample(texts, 7, seed=3)
    assert len(drawn) == 4  # 8 tokens: the fourth text passes 7
    assert len(set(drawn)) == 4 and set(drawn) <= set(texts)
    assert sample(texts, 7, seed=3) == drawn
    assert {tuple(sample(texts, 7, seed=s)) for s in range(5)} != {tuple(drawn)}  # the seed matters
    assert sorted(sample(texts, 1000, seed=3)) == sorted(texts)  # too few tokens: all of them


def _flag(category: str, kind: str, confidence: float) -> Flag:
    return Flag("w", "s", category, kind, confidence, "[w]")


def test_per_thousand_counts_flags_at_the_floor_by_category_and_kind():
    flags = [_flag("typo", "word", 0.95), _flag("typo", "far", 0.6), _flag("spacing", "word", 0.9)]
    at_half = per_thousand(flags, 2000, 0.5)
    assert at_half[("all", "")] == 1.5
    assert at_half[("typo", "")] == 1.0
    assert at_half[("typo", "far")] == 0.5
    at_fix = per_thousand(flags, 2000, 0.9)
    assert at_fix[("typo", "")] == 0.5 and at_fix[("typo", "far")] == 0 and at_fix[("spacing", "word")] == 0.5
    assert per_thousand(flags, 0, 0.5) == {}


def test_report_has_a_row_per_category_and_kind_and_a_column_per_band():
    lines = report([_flag("typo", "word", 0.95), _flag("typo", "far", 0.6)], 1000)
    assert lines[0].startswith("1000 tokens")
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in lines[2:]}
    assert rows[("all", "(all)")] == ["2.00", "1.00"]
    assert rows[("typo", "far")] == ["1.00", "0.00"]


def test_sources_leave_out_the_held_out_files_and_the_one_checked(tmp_path: Path):
    for name in (*HELD_OUT, "a.txt", "b.txt", "SOURCES.md"):
        (tmp_path / name).write_text("kata\n", encoding="utf-8")
    assert [p.name for p in sources(tmp_path, "b.txt")] == ["a.txt"]
    assert counts_key(tmp_path, "b.txt") == counts_key(tmp_path, "b.txt")
    assert counts_key(tmp_path, "b.txt") != counts_key(tmp_path, "a.txt")
    before = counts_key(tmp_path, "b.txt")
    (tmp_path / "a.txt").write_text("kata lain\n", encoding="utf-8")
    assert counts_key(tmp_path, "b.txt") != before  # a changed corpus file is counted again


@pytest.mark.parametrize("name", HELD_OUT)
def test_a_held_out_file_is_never_checked(name: str):
    from benchmarks.unseen_file import main

    with pytest.raises(SystemExit):
        main(["--file", name])


def test_silent_words_are_the_unlisted_words_no_finding_covers_in_either_case():
    text = "Warga Cibubur mengeluhkan jalam rusak di kampungnya."
    counts = {"warga": 900, "mengeluhkan": 40, "rusak": 300, "di": 9000, "kampungnya": 4, "jalam": 1}
    spans = [(text.index("jalam"), text.index("jalam") + 5)]  # flagged: not silent
    found = silent_words(text, spans, lambda w: counts.get(w, 0))
    assert [(s.word, s.listed) for s in found] == [("Cibubur", 0), ("kampungnya", 4)]
    assert found[0].context.startswith("Warga [Cibubur] mengeluhkan")
    assert [s.word for s in silent_words(text, [], lambda w: counts.get(w, 0), below=2)] == ["Cibubur", "jalam"]


def test_line_of_finds_a_flag_by_its_context():
    corpus = "Judul\nHarga naik gegara data.\nLain"
    flag = Flag("gegara", "negara", "typo", "initial", 0.899, "Harga naik [gegara] data.")
    assert line_of(corpus, flag) == 2
    assert line_of(corpus, flag._replace(context="tidak ada [gegara]")) == 0


def test_judged_report_counts_what_fix_applies_by_label_and_kind(tmp_path):
    path = tmp_path / "judged.tsv"
    path.write_text("# comment\na.txt\t2\tsalah\tslip\na.txt\t3\tgegara\tgenuine\nb.txt\t2\tsalah\tgenuine\n")
    labels = read_judged("a.txt", path)
    assert labels == {(2, "salah"): "slip", (3, "gegara"): "genuine"}
    flags = [
        Flag("salah", "salah", "typo", "word", 0.95, ""),
        Flag("gegara", "negara", "typo", "initial", 0.899, ""),
        Flag("baru", "baru", "typo", "word", 0.97, ""),
        Flag("dimana", "di mana", "spacing", "word", 0.95, ""),
    ]
    applied, held, unjudged = judged_report(flags, [2, 3, 9, 4], labels)
    assert applied.startswith("typo flags fix applies (slip/genuine/unsure/misfix): 2: 1/0/0/0, 1 unjudged (100.0%")
    assert held.endswith("1: 0/1/0/0 (0.0% fixed right of the judged sure); initial 0/1/0/0")
    assert unjudged.startswith("unjudged\t9\tbaru")
    assert judged_categories(flags, [2, 3, 9, 4], labels) == ["typo"]
    labels[(4, "dimana")] = "misfix"
    assert judged_categories(flags, [2, 3, 9, 4], labels) == ["typo", "spacing"]
    every, _, _ = judged_report(flags, [2, 3, 9, 4], labels, None)
    assert every.startswith("all flags fix applies (slip/genuine/unsure/misfix): 3: 1/0/0/1, 1 unjudged (50.0% fixed")


def test_the_judged_labels_are_well_formed():
    rows = [r.split("\t") for r in JUDGED.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
    assert rows and all(len(r) == 4 and r[1].isdigit() and r[3] in LABELS for r in rows)
    files = {
        "detik-2025.txt",
        "clickid-tempo.txt",
        "clickid-kompas.txt",
        "clickid-okezone.txt",
        "clickid-sindonews.txt",
        "indosum-dev.txt",
        "clickid-wowkeren.txt",
        "clickid-tribunnews.txt",
        "clickid-fimela.txt",
        "clickid-kapanlagi.txt",
        "clickid-posmetro-medan.txt",
        "panl-bppt.txt",
    }
    assert {r[0] for r in rows} == files
    assert not {r[0] for r in rows} & set(HELD_OUT)
