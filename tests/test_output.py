"""Report formats of `speller check`: text, json, github annotations and SARIF 2.1.0."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from speller.checker import Issue
from speller.cli import main
from speller.output import format_github, format_text, json_row, sarif_log, sarif_message

ISSUE = Issue(8, 14, "angksa", ("angkasa", "angka"), "typo", 0.95, 1, 9)
TEXT = "Judul\n😀 di luar angksa\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout


def test_text_line():
    assert format_text("a.txt", ISSUE) == "a.txt:1:9: angksa -> angkasa (angka) [typo 0.95]"
    bare = Issue(0, 3, "xyz", (), "typo", 0.3, 1, 1)
    assert format_text("a.txt", bare) == "a.txt:1:1: xyz (no suggestion) [typo 0.30]"


def test_a_confidence_is_cut_not_rounded_so_a_flag_fix_leaves_never_reads_as_at_its_threshold():
    from speller.categories import FIX_CONFIDENCE
    from speller.lsp import message

    under = ISSUE._replace(confidence=FIX_CONFIDENCE - 0.001)  # a typo `fix` leaves to the writer
    assert format_text("a.txt", under).endswith("[typo 0.89]")
    assert message(under).endswith("(89% sure)")
    assert format_text("a.txt", ISSUE._replace(confidence=FIX_CONFIDENCE)).endswith("[typo 0.90]")
    assert format_text("a.txt", ISSUE._replace(confidence=0.999)).endswith("[typo 0.99]")
    assert format_text("a.txt", ISSUE._replace(confidence=0.29)).endswith("[typo 0.29]")  # not 0.28


@given(st.integers(0, 1000))
def test_a_shown_confidence_is_never_above_the_confidence_and_less_than_a_hundredth_below(thousandths: int):
    from speller.categories import shown

    confidence = round(thousandths / 1000, 3)  # confidences carry three places
    assert confidence - 0.01 < shown(confidence) <= confidence


def test_json_shape(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    code, out = _run("--format", "json", str(f))
    assert code == 1
    [row] = json.loads(out)
    assert row == {
        "path": str(f),
        "line": 2,
        "col": 11,
        "start": 16,
        "end": 22,
        "word": "angksa",
        "suggestions": row["suggestions"],
        "category": "typo",
        "confidence": row["confidence"],
    }
    assert 0.8 <= row["confidence"] <= 1.0
    assert row["suggestions"][0] == "angkasa"
    assert TEXT[row["start"] : row["end"]] == "angksa"
    assert json_row("x", ISSUE)["col"] == 9


def test_json_is_an_empty_array_when_clean(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("di luar angkasa\n", encoding="utf-8")
    assert _run("--format", "json", str(f)) == (0, "[]\n")


def test_github_annotation(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    code, out = _run("--format", "github", str(f))
    assert code == 1
    assert out == f"::warning file={f},line=2,col=11,endColumn=17,title=speller (typo)::angksa -> angkasa\n"


def test_a_word_over_a_line_break_is_reported_on_one_line_with_its_end_on_the_next():
    # a word doubled across a wrapped line: one report line, the break written `\\n`, the end where it is
    doubled = Issue(23, 33, "yang\r\nyang", ("yang",), "typo", 1.0, 2, 20)
    assert doubled.end_position == (3, 5)
    assert format_text("a.txt", doubled) == "a.txt:2:20: yang\\r\\nyang -> yang [typo 1.00]"
    assert format_github("a.txt", doubled) == (
        "::warning file=a.txt,line=2,endLine=3,col=20,endColumn=5,title=speller (typo)::yang\\r\\nyang -> yang"
    )
    region = sarif_log([("a.txt", doubled)])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (2, 20, 3, 5)
    assert ISSUE.end_position == (1, 15)


def test_a_fix_holding_a_line_break_is_written_on_one_line_too():
    # a word doubled across a wrapped line is fixed keeping the break (`yang<newline>ramai`): the suggestion holds it
    doubled = Issue(23, 34, "yang\r\nyang ", ("yang\r\n",), "typo", 1.0, 2, 20)
    assert doubled.end_position == (3, 6)
    assert format_text("a.txt", doubled) == "a.txt:2:20: yang\\r\\nyang  -> yang\\r\\n [typo 1.00]"
    assert format_github("a.txt", doubled).endswith("::yang\\r\\nyang  -> yang\\r\\n")
    assert "\n" not in sarif_message(doubled)


def test_github_escapes_properties_and_data():
    line = format_github("a,b:c%.txt", Issue(0, 2, "a%", (), "typo", 0.5, 3, 1))
    assert (
        line == "::warning file=a%2Cb%3Ac%25.txt,line=3,col=1,endColumn=3,title=speller (typo)::a%25 -> (no suggestion)"
    )
    assert re.fullmatch(r"::warning [^:]*::.*", line)


def test_sarif_log(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("Saya pergi kesana.\n" + TEXT, encoding="utf-8")
    code, out = _run("--format", "sarif", str(f))
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["typo", "nonstandard", "spacing", "real_word", "capitalization"]
    assert run["tool"]["driver"]["name"] == "speller"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) == {"spacing", "typo"}
    typo = by_rule["typo"]
    assert rules[typo["ruleIndex"]]["id"] == "typo"
    assert typo["level"] == "warning"
    location = typo["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("/a.txt")
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 11,
        "endLine": 3,
        "endColumn": 17,
        "charOffset": 35,
        "charLength": 6,
        "snippet": {"text": "angksa"},
    }
    assert "angkasa" in typo["message"]["text"]
    fix = typo["fixes"][0]
    change = fix["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"] == {"text": "angkasa"}
    assert change["deletedRegion"] == {"startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 17}
    assert typo["properties"]["suggestions"][0] == "angkasa"
    assert by_rule["spacing"]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "ke sana"
    }


def test_sarif_without_results_and_uri_quoting():
    log = sarif_log([("dir with space/a.md", ISSUE)])
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "dir%20with%20space/a.md"
    )
    assert sarif_log([])["runs"][0]["results"] == []


def test_exit_codes_kept(tmp_path: Path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    f = tmp_path / "a.txt"
    f.write_text("di luar angksa\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "--format", "github", str(f)]).exit_code == 1
