"""Tests for benchmarks.silent_judged: the judged silent words, tallied by door and label."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.silent_judged import (
    JUDGED,
    UNJUDGED,
    no_longer_silent,
    read_labels,
    report,
    tally,
)
from benchmarks.unseen_file import Silent


def _row(word: str, gate: str) -> tuple[Silent, str, str]:
    return Silent(word, 0, f"[{word}]"), gate, ""


def _table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "judged.tsv"
    path.write_text("# file\tword\tlabel\tcategory\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_read_labels_keeps_the_files_rows_and_checks_them(tmp_path: Path):
    path = _table(tmp_path, ["a.txt\tmembatakan\tslip\ttypo", "a.txt\tsekoci\tgenuine\t", "b.txt\tdibiar\tslip\ttypo"])
    assert read_labels("a.txt", path) == {"membatakan": ("slip", "typo"), "sekoci": ("genuine", "")}
    with pytest.raises(AssertionError):  # a slip names its category
        read_labels("a.txt", _table(tmp_path, ["a.txt\tdibiar\tslip\t"]))
    with pytest.raises(AssertionError):  # and a genuine word none
        read_labels("a.txt", _table(tmp_path, ["a.txt\tsekoci\tgenuine\ttypo"]))


def test_the_shipped_table_reads_and_judges_kompas():
    labels = read_labels("clickid-kompas.txt", JUDGED)
    assert labels["membatakan"] == ("slip", "typo")
    assert labels["sibesar"] == ("slip", "spacing")
    assert labels["sekoci"] == ("genuine", "")


def test_tally_counts_each_lowercase_word_each_time_by_door_and_label():
    labels = {"membatakan": ("slip", "typo"), "sekoci": ("genuine", "")}
    rows = [_row("membatakan", "derivation"), _row("sekoci", "lexicon root"), _row("sekoci", "lexicon root")]
    rows += [_row("jhomogen", "new word"), _row("Pandapotan", "new word")]  # a capitalized word is not tallied
    counts = tally(rows, labels)
    assert counts[("derivation", "slip")] == 1
    assert counts[("lexicon root", "genuine")] == 2
    assert counts[("new word", UNJUDGED)] == 1
    assert sum(counts.values()) == 4


def test_report_lists_slips_left_judged_words_gone_and_the_rate():
    labels = {"membatakan": ("slip", "typo"), "dibiar": ("slip", "typo"), "sekoci": ("genuine", "")}
    rows = [_row("membatakan", "derivation"), _row("sekoci", "lexicon root"), _row("jhomogen", "new word")]
    assert no_longer_silent(rows, labels) == ["dibiar"]  # flagged now
    lines = report(rows, labels, 2000)
    assert lines[0].split() == ["door", "slip", "genuine", "unsure", "unjudged"]
    assert any(line.startswith("slip\tderivation\ttypo\tmembatakan") for line in lines)
    assert "no longer silent\tslip\tdibiar" in lines
    assert any(line.startswith("unjudged\tnew word\tjhomogen") for line in lines)
    assert lines[-1] == "1 judged slips left silent in 2000 tokens: 0.50 per 1,000"
