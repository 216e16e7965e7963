"""Issue 14 and 15, library side: each hostile case that once crashed, hung or lost data is a test here.

The CLI cases run `speller` in a subprocess with a bounded wait (see tests/test_hardening_cli.py).
"""

from __future__ import annotations

import json
import re

import pytest

from speller.output import json_row


def test_cr_only_line_endings_count_lines(speller):
    text = "baris satu\rdi luar angksa\r\ndan angksa lagi\nlalu\r\rangksa"
    lines = [(i.line, i.column) for i in speller.check(text) if i.word == "angksa"]
    assert lines == [(2, 9), (3, 5), (6, 1)]


def test_issue_to_dict_has_the_keys_of_a_json_row(speller):
    issue = speller.check("di luar angksa")[0]
    row = json_row("a.txt", issue)
    d = issue.to_dict()
    assert set(d) - {"column"} == set(row) - {"path"}
    assert {k: d[k] for k in row if k != "path"} == {k: v for k, v in row.items() if k != "path"}
    assert d["column"] == d["col"] == 9
    assert json.loads(json.dumps(d)) == d


# -- config files ------------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

from speller.config import Config, ConfigError, config_for, find_config, load_config, marked_lines  # noqa: E402


def _config(folder: Path, text: str | bytes, name: str = ".speller.toml") -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize("content, fragment", [
    ('exclude = ["[z-a]"]\n', "glob '[z-a]'"),
    (b'words = ["\xff"]\n', "not valid UTF-8 at byte"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "not valid TOML"),
    ("ignore-regex = ['[z-a]']\n", "ignore-regex"),
    ('words = ["a\\u0000b"]\n', "words must be a list of strings"),
    ("min-confidence = nan\n", "min-confidence"),
])
def test_bad_speller_toml_is_one_config_error(tmp_path: Path, content: str | bytes, fragment: str):
    path = _config(tmp_path, content)
    with pytest.raises(ConfigError, match=re.escape(fragment)) as e:
        load_config(path)
    assert "\n" not in str(e.value) and str(path) in str(e.value)


@pytest.mark.parametrize("content, fragment", [
    ("tool = 5\n", "tool must be a table"),
    ('tool = "speller"\n', "tool must be a table"),
    ("[tool]\nspeller = 5\n", "tool.speller must be a table"),
])
def test_odd_pyproject_tables(tmp_path: Path, content: str, fragment: str):
    path = _config(tmp_path, content, "pyproject.toml")
    assert find_config(tmp_path) in (None, path)
    with pytest.raises(ConfigError, match=fragment):
        load_config(path)


def test_broken_pyproject_above_is_passed_over_unless_it_mentions_speller(tmp_path: Path):
    _config(tmp_path, "[project\nname = 1\n", "pyproject.toml")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub" / "a.txt") is None
    assert config_for(tmp_path / "sub" / "a.txt") == Config()
    _config(tmp_path, "[tool.speller\nwords = 1\n", "pyproject.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config(tmp_path / "sub" / "a.txt")


def test_config_with_a_bom_is_read(tmp_path: Path):
    path = _config(tmp_path, "\ufeffwords = [\"angksa\"]\n")
    assert load_config(path).words == ("angksa",)


def test_catastrophic_ignore_regex_stops_with_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import speller.config as config_module

    monkeypatch.setattr(config_module, "REGEX_TIMEOUT", 0.2)
    config = load_config(_config(tmp_path, "ignore-regex = ['(a+)+$']\n"))  # hung stdlib re forever
    assert config.ignored_spans("a" * 40 + "b") == []
    config = load_config(_config(tmp_path, "ignore-regex = ['(a|aa)+$']\n"))  # exponential in `regex` too
    with pytest.raises(ConfigError, match="ran longer than"):
        config.ignored_spans("a" * 60 + "!")


def test_many_star_glob_answers(monkeypatch: pytest.MonkeyPatch):
    """Globs run under the same time limit; this one is polynomial of degree 12 for a backtracking matcher."""
    config = Config(path=Path("/p/.speller.toml"), exclude=("*a*a*a*a*a*a*a*a*a*a*a*a*b",))
    assert config.is_included("/p/" + "a" * 200)
    assert not config.is_included("/p/" + "a" * 20 + "b")


def test_word_list_outside_the_project_is_a_warning(tmp_path: Path):
    (tmp_path / "shared.txt").write_text("angksa\n", encoding="utf-8")
    (tmp_path / "p").mkdir()
    config = load_config(_config(tmp_path / "p", 'word-lists = ["../shared.txt", "own.txt"]\n'), read_lists=False)
    assert len(config.warnings) == 1 and "outside the project folder" in config.warnings[0]


def test_filter_issues_with_many_spans_keeps_the_right_ones(speller):
    text = "di luar angksa. " * 200
    config = Config(ignore_regex=(r"luar",))
    issues = speller.check(text)
    assert config.filter_issues(text, issues) == issues
    config = Config(ignore_regex=(r"angk\w+",))
    assert config.filter_issues(text, issues) == []
    config = Config(ignore_regex=(r"^di luar angksa\. (?:di luar angksa\. ){99}",))
    assert len(config.filter_issues(text, issues)) == 100


def test_markers_with_cr_only_lines():
    text = "a speller: ignore\rb\r// speller: ignore-next-line\r\nc\rd"
    assert [text[s:e] for s, e in marked_lines(text)] == ["a speller: ignore", "// speller: ignore-next-line", "c"]
