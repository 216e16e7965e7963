"""What is shown and what a confidence says: by default a finding more likely a real error than not, by its calibrated
confidence (`Issue.flagged`, `speller.calibration.flagged`); `picky` adds the typos the model flags under that;
`min_confidence` is an explicit threshold on the confidence (`speller.checker.shows`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from speller.calibration import FLOOR_KEPT, flagged
from speller.categories import FLAG_CONFIDENCE, MIN_CONFIDENCE, severity, shown
from speller.checker import Issue, shows
from speller.cli import main
from speller.lsp import SEVERITY, Positions, diagnostic
from speller.output import format_github, sarif_log

#: A slip two edits from its suggestion (`far`): the model flags it, but such flags are seldom real (its share < 0.5).
FAR_SLIP = "Anak dapat berfikit dengan jernih."
#: A slip of a name (`name`) the model flags under the floor: shown all the same (FLOOR_KEPT).
NAME_SLIP = "Rapat digelar di kantor Nadem kemarin."
#: A slip toward a rare name (`rare`) and a glossed term (`gloss`): fitted under the floor, hidden.
HIDDEN = {
    "Seergey": "Kekayaan Larry Page dan Seergey Brin dengan kekayaan 62 miliar.",
    "rahn": "Produk pegadaian syariah (rahn) makin diminati.",
}


def test_the_default_is_what_is_more_likely_real_than_not():
    assert MIN_CONFIDENCE is None and FLAG_CONFIDENCE == 0.5


def test_a_flag_under_half_sure_is_hidden_by_default_and_shown_when_picky(speller, lenient):
    from speller import Speller

    assert speller.check(FAR_SLIP) == []
    (issue,) = Speller(speller.dictionary, picky=True).check(FAR_SLIP)
    assert (issue.word, issue.suggestion, issue.category) == ("berfikit", "berpikir", "typo")
    assert issue.flagged and issue.confidence < FLAG_CONFIDENCE  # shown with its honest confidence
    assert [i for i in lenient.check(FAR_SLIP) if i.word == "berfikit"] == [issue._replace(flagged=False)]
    assert speller.correct(FAR_SLIP) == FAR_SLIP  # `fix` applies only at FIX_CONFIDENCE or more


def test_min_confidence_is_a_threshold_on_the_honest_confidence(speller):
    from speller import Speller

    assert Speller(speller.dictionary, min_confidence=0.5).check(FAR_SLIP) == []
    (issue,) = Speller(speller.dictionary, min_confidence=0.2).check(FAR_SLIP)
    assert issue.word == "berfikit"


@pytest.mark.parametrize(("word", "text"), sorted(HIDDEN.items()))
def test_a_kind_the_calibration_hides_stays_hidden(speller, lenient, word, text):
    assert word not in {i.word for i in speller.check(text)}
    (issue,) = [i for i in lenient.check(text) if i.word == word]  # found, under the floor, not flagged
    assert not issue.flagged and issue.confidence < FLAG_CONFIDENCE


def test_flagged_is_more_likely_real_than_not_and_picky_is_what_the_model_flags():
    far = lambda: "far"  # noqa: E731
    assert flagged("typo", 0.6, 0.7, far) and flagged("typo", 0.6, 0.7, far, picky=True)  # sure enough by its share
    assert not flagged("typo", 0.3, 0.7, far, picky=True)  # a share fitted on flags, but the model does not flag it
    assert not flagged("typo", 0.9, 0.2, far)  # the model flags it, but such flags are mostly right words
    assert flagged("typo", 0.9, 0.2, far, picky=True)
    assert not flagged("typo", 0.4, 0.2, far, picky=True)  # the model does not flag it
    assert not flagged("nonstandard", 0.9, 0.2, far, picky=True)  # a rule finding is shown by its share
    assert flagged("nonstandard", 0.3, 0.6, far)
    assert not flagged("real_word", 0.9, 0.14, far) and flagged("real_word", 0.9, 0.14, far, picky=True)


def test_a_name_the_model_flags_is_shown_under_the_floor():
    name = lambda: "name"  # noqa: E731
    assert "name" in FLOOR_KEPT and "far" not in FLOOR_KEPT
    assert flagged("typo", 0.9, 0.3, name)  # a name printed wrong: its miss weighs more than a false alarm
    assert not flagged("typo", 0.4, 0.3, name)  # the model does not flag it
    assert not flagged("nonstandard", 0.9, 0.3, name)


def test_a_name_slip_under_the_floor_is_shown_by_default(speller, lenient):
    found = [i for i in lenient.check(NAME_SLIP) if i.category == "typo"]
    assert found and all(i.confidence < FLAG_CONFIDENCE for i in found)
    assert [i.word for i in speller.check(NAME_SLIP)] == [i.word for i in found if i.flagged]
    assert speller.check(NAME_SLIP)


def _check(*args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_cli_picky_shows_the_typos_the_model_flags_under_the_floor(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(FAR_SLIP + "\n", encoding="utf-8")
    assert _check(str(f)) == []  # under half sure: hidden by default
    (row,) = _check("--picky", str(f))
    assert row["word"] == "berfikit" and row["confidence"] < FLAG_CONFIDENCE
    assert _check("--picky", "--min-confidence", "0.5", str(f)) == []  # a threshold asked for wins


def test_config_picky_and_its_command_line_options(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(FAR_SLIP + "\n", encoding="utf-8")
    config = tmp_path / ".speller.toml"
    config.write_text("picky = true\n", encoding="utf-8")
    (row,) = _check(str(f))  # the config's picky
    assert row["word"] == "berfikit" and row["confidence"] < FLAG_CONFIDENCE
    assert _check("--no-picky", str(f)) == []  # the option wins
    assert _check("--min-confidence", "0.5", str(f)) == []  # a confidence given wins over picky
    config.write_text("picky = true\nmin-confidence = 0.5\n", encoding="utf-8")
    assert _check(str(f)) == []  # so does one beside it in the config
    config.write_text("min-confidence = 0.9\n", encoding="utf-8")
    assert [r["word"] for r in _check("--picky", str(f))] == ["berfikit"]  # every suspicion, whatever the config's
    config.write_text(f"min-confidence = {row['confidence'] / 2:.3f}\n", encoding="utf-8")
    assert [r["word"] for r in _check("--no-picky", str(f))] == ["berfikit"]  # --no-picky leaves the config's threshold


def test_config_picky_reaches_the_hook_path_and_fix(tmp_path: Path):
    """`speller check PATH` as a pre-commit hook runs it (no option: no click) and `fix` (which lists what `check`
    shows and does not apply) read the config's picky too."""
    f = tmp_path / "a.txt"
    f.write_text(FAR_SLIP + "\n", encoding="utf-8")
    (tmp_path / ".speller.toml").write_text("picky = true\n", encoding="utf-8")
    hook = subprocess.run(
        [sys.executable, "-m", "speller", "check", "a.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert hook.returncode == 1 and "a.txt:1:12: berfikit -> berpikir" in hook.stdout
    result = CliRunner().invoke(main, ["fix", str(f)])
    assert result.exit_code == 1 and "berfikit" in result.stderr
    assert f.read_text(encoding="utf-8") == FAR_SLIP + "\n"  # listed, not applied


def test_cli_and_config_min_confidence_round_trip(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(FAR_SLIP + "\n", encoding="utf-8")
    assert _check(str(f)) == []  # under half sure: hidden by default
    (row,) = _check("--min-confidence", "0.1", str(f))
    assert row["word"] == "berfikit" and row["confidence"] < FLAG_CONFIDENCE
    (tmp_path / ".speller.toml").write_text("min-confidence = 0.1\n", encoding="utf-8")
    assert [r["word"] for r in _check(str(f))] == ["berfikit"]
    assert _check("--min-confidence", "0.5", str(f)) == []  # the option wins


def test_fix_lists_a_low_flag_it_shows_and_does_not_apply(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(FAR_SLIP + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["fix", str(f)]).exit_code == 0  # hidden by default: nothing to list
    (tmp_path / ".speller.toml").write_text("min-confidence = 0.1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(f)])
    assert result.exit_code == 1 and "berfikit" in result.stderr
    assert f.read_text(encoding="utf-8") == FAR_SLIP + "\n"


def test_a_flag_under_half_sure_is_a_note_not_a_warning(lenient):
    (low,) = [i for i in lenient.check(FAR_SLIP) if i.word == "berfikit"]
    sure = low._replace(confidence=0.95)
    assert severity("typo", low.confidence) == "note" and severity("typo", 0.95) == "warning"
    assert severity("nonstandard", 0.95) == "note"  # a category's own severity is kept above the floor
    positions = Positions(FAR_SLIP)
    assert diagnostic(low, positions)["severity"] == SEVERITY["note"] == 3
    assert diagnostic(sure, positions)["severity"] == SEVERITY["warning"] == 2
    assert f"({round(shown(low.confidence) * 100)}% sure)" in diagnostic(low, positions)["message"]
    assert low.confidence < 0.5
    assert format_github("a.txt", low).startswith("::notice ") and format_github("a.txt", sure).startswith("::warning ")
    levels = [r["level"] for r in sarif_log([("a.txt", low), ("a.txt", sure)])["runs"][0]["results"]]
    assert levels == ["note", "warning"]


WORDS = [
    "Anak",
    "dapat",
    "berfikit",
    "dengan",
    "jernih.",
    "Seergey",
    "Brin",
    "(rahn)",
    "menetri",
    "Jakrta",
    "sepeti",
    "angksa",
    "di",
    "luar",
    "kesana",
    "aktifitas",
    "gegara",
    "duo",
    "dil",
    "uar",
    "kota.",
    '"Kalau',
    'belun",',
    "katanya.",
]


@settings(max_examples=40)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_default_is_the_flagged_findings_and_min_confidence_a_threshold(speller, lenient, words):
    """Every finding (min_confidence=0.0) carries whether the model flags it: the default shows exactly those, and a
    number shows exactly the findings that sure; what is flagged is at least FLAG_CONFIDENCE sure (a name the model
    flags aside), and `picky` shows more."""
    from speller import Speller

    text = " ".join(words)
    everything = lenient.check(text)
    assert speller.check(text) == [i for i in everything if i.flagged]
    under = [i for i in everything if i.flagged and i.confidence < FLAG_CONFIDENCE]
    assert all(i.category == "typo" and i.word[:1].isupper() for i in under)  # only names (FLOOR_KEPT)
    assert [i for i in everything if i.confidence >= FLAG_CONFIDENCE and not i.flagged] == []
    assert set(speller.check(text)) <= set(Speller(speller.dictionary, picky=True).check(text))
    strict = Speller(speller.dictionary, min_confidence=0.5)
    assert strict.check(text) == [i for i in everything if shows(i, 0.5)]


def test_shows_reads_an_issue_as_a_speller_would():
    low = Issue(0, 3, "abc", ("abd",), "typo", 0.3, 1, 1, True)
    assert shows(low, None) and not shows(low, 0.5) and shows(low, 0.3)
    assert not shows(low._replace(flagged=False), None)


def test_the_results_calibration_table_counts_every_flag_shown_under_half_too():
    from benchmarks.metrics import Flag, GoldError
    from benchmarks.run import calibration

    gold = [GoldError("a", 0, 8, "berfikit", "berpikir", "typo")]
    flags = [
        Flag("a", 0, 8, "berfikit", ("berpikir",), "typo", 0.25),  # shown: the model flags it
        Flag("a", 20, 24, "rahn", ("dan",), "typo", 0.1, flagged=False),  # found, not shown
        Flag("a", 30, 35, "supir", ("sopir",), "nonstandard", 0.99),
    ]
    assert calibration(gold, flags, flagged=True) == {0.2: (1, 1), 0.9: (1, 0)}
    assert calibration(gold, flags) == {0.2: (1, 1), 0.1: (1, 0), 0.9: (1, 0)}
