"""SPEED.md is rendered from the measured figures alone (benchmarks.speed_report).

The fixture is the JSON of a `python -m benchmarks.speed --quick` run on a busy 2-core machine,
with the long per-word timing lists cut to 20 values; the figures only feed the renderer here.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from benchmarks import speed_report
from benchmarks.environment import REPO, portable

RUN = json.loads((Path(__file__).parent / "data" / "speed_quick.json").read_text(encoding="utf-8"))


def _results(text: str) -> dict[str, list[str]]:
    """Measure -> its cells, from the Results table."""
    table = text.split("## Results\n", 1)[1].strip().split("\n\n", 1)[0]
    rows = [line.strip("|").split(" | ") for line in table.splitlines()[2:]]
    return {row[0].strip(): [c.strip() for c in row[1:]] for row in rows}


@pytest.fixture
def run() -> dict:
    return copy.deepcopy(RUN)


def test_every_target_has_a_row_and_the_tally_matches(run: dict):
    text = speed_report.report(run)
    rows = _results(text)
    assert len(rows) == 13  # a --quick run: one row for the skipped -j 1 build and identity check
    met = sum(cells[3].startswith("**MET**") for cells in rows.values())
    not_met = sum(cells[3].startswith("**NOT MET**") for cells in rows.values())
    assert f"{met} targets met, {not_met} not met." in text
    assert rows["Build `-j 1` and identity check"][0] == "skipped (--quick)"  # a --quick run


def test_status_follows_the_figures(run: dict):
    rows = _results(speed_report.report(run))
    assert run["memory"]["speller"] <= speed_report.RSS_MB
    assert rows["Peak RSS, `speller check` seed"][3] == "**MET**"
    run["memory"]["speller"] = speed_report.RSS_MB + 1
    rows = _results(speed_report.report(run))
    assert rows["Peak RSS, `speller check` seed"][:4] == [
        f"{speed_report.RSS_MB + 1:.1f} MiB",
        f"{run['memory']['hunspell']:.1f} MiB",
        "<= 80 MB",
        "**NOT MET**",
    ]


def test_profile_tables_are_pstats_top_n(run: dict):
    text = speed_report.report(run).split("## Where the time goes", 1)[1]
    tables = re.findall(r"\| Function \|.*?\n\n", text, flags=re.S)
    assert len(tables) == 2
    for table, part in zip(tables, ("check", "suggest"), strict=True):
        rows = table.strip().splitlines()[2:]
        assert len(rows) == min(speed_report.PROFILE_ROWS, len(run["profile"][part]["cumulative"]))
        assert rows[0].startswith(f"| `{run['profile'][part]['cumulative'][0][0]}` |")


def test_report_names_no_path_of_this_machine(run: dict):
    text = portable(speed_report.report(run))
    assert str(REPO) not in text
    assert "Input: `corpus/seeds/000_67e3d4a227abfabd.txt` (522 words)" in text
