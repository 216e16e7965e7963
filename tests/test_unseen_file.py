"""Tests for the pure parts of benchmarks.unseen_file: the seeded sample, the rates, the cache keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.blindspots import HELD_OUT
from benchmarks.unseen_file import (
    Flag,
    blocks,
    counts_key,
    per_thousand,
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
