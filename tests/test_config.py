"""Project configuration: discovery, each key's effect through the CLI, inline markers, `speller add`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from slips import MEANT, SLIP

from speller.cli import main
from speller.config import (
    Config,
    ConfigError,
    Shown,
    config_for,
    editor_settings,
    find_config,
    glob_match,
    load_config,
    marked_lines,
)
from speller.workspace import add_words, read_word_list

TYPO = "di luar angksa\n"  # angksa -> angkasa, typo 0.95
MIXED = "Saya pergi kesana untuk aktifitas di luar angksa.\n"  # spacing, nonstandard, typo


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _check(*args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _words(rows: list[dict]) -> list[str]:
    return [r["word"] for r in rows]


# -- discovery -----------------------------------------------------------------------------


def test_nearest_config_wins(tmp_path: Path):
    outer = _write(tmp_path / ".speller.toml", 'words = ["luar"]\n')
    inner = _write(tmp_path / "a" / "b" / ".speller.toml", 'words = ["dalam"]\n')
    assert find_config(tmp_path / "a" / "b" / "c.txt") == inner
    assert find_config(tmp_path / "a" / "x.txt") == outer
    assert config_for(tmp_path / "a" / "b" / "c" / "d.txt").words == ("dalam",)


def test_speller_toml_beats_pyproject_in_the_same_folder(tmp_path: Path):
    _write(tmp_path / "pyproject.toml", '[tool.speller]\nwords = ["satu"]\n')
    assert find_config(tmp_path / "f.txt") == tmp_path / "pyproject.toml"
    assert config_for(tmp_path / "f.txt").words == ("satu",)
    _write(tmp_path / ".speller.toml", 'words = ["dua"]\n')
    assert config_for(tmp_path / "f.txt").words == ("dua",)


def test_pyproject_without_table_is_passed_over(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'words = ["atas"]\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub" / "f.txt") == tmp_path / ".speller.toml"


def test_pyproject_table_found_whether_or_not_its_name_is_spelled_out(tmp_path: Path):
    # a pyproject.toml without the word is passed over unparsed, even when it is not valid TOML
    _write(tmp_path / "pyproject.toml", "[project\nname = 'x'\n")
    assert find_config(tmp_path / "f.txt") is None
    # a key written with an escape is still the speller table (the file is parsed)
    _write(tmp_path / "pyproject.toml", '[tool."sp\\u0065ller"]\nwords = ["tiga"]\n')
    assert find_config(tmp_path / "f.txt") == tmp_path / "pyproject.toml"
    assert config_for(tmp_path / "f.txt").words == ("tiga",)
    # an unparsable file that mentions speller is an error, as before
    _write(tmp_path / "pyproject.toml", "[tool.speller\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config(tmp_path / "f.txt")


def test_bad_config_is_an_error(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word_lists = ["x"]\n')
    with pytest.raises(ConfigError, match="unknown key 'word_lists'"):
        load_config(tmp_path / ".speller.toml")
    _write(tmp_path / ".speller.toml", 'categories = ["typos"]\n')
    with pytest.raises(ConfigError, match="unknown category"):
        load_config(tmp_path / ".speller.toml")
    _write(tmp_path / ".speller.toml", "ignore-regex = ['(unclosed']\n")
    with pytest.raises(ConfigError, match="ignore-regex"):
        load_config(tmp_path / ".speller.toml")
    _write(tmp_path / ".speller.toml", "min-confidence = 2\n")
    with pytest.raises(ConfigError, match="min-confidence"):
        load_config(tmp_path / ".speller.toml")
    _write(tmp_path / ".speller.toml", 'include = [""]\n')  # would check no file, and say nothing
    with pytest.raises(ConfigError, match="empty glob"):
        load_config(tmp_path / ".speller.toml")
    _write(tmp_path / ".speller.toml", "min-confidence = 2\n")
    f = _write(tmp_path / "a.txt", TYPO)
    result = CliRunner().invoke(main, ["check", str(f)])
    assert result.exit_code == 2
    assert "speller: error:" in result.stderr and "min-confidence" in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('picky = "yes"\n', "picky must be true or false"),
        ("picky = 1\n", "picky must be true or false"),
        ("picky = [true]\n", "picky must be true or false"),
        ("min-confidence = true\n", "min-confidence must be a number from 0 to 1"),
        ("min-confidence = nan\n", "min-confidence must be a number from 0 to 1"),
        ("min-confidence = -0.1\n", "min-confidence must be a number from 0 to 1"),
    ],
)
def test_a_bad_picky_or_min_confidence_is_one_line_and_exit_2(tmp_path: Path, text: str, message: str):
    config = _write(tmp_path / ".speller.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_config(config)
    f = _write(tmp_path / "a.txt", TYPO)
    for args in (["check", str(f)], ["check", "--picky", str(f)], ["fix", "--diff", str(f)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2
        assert result.stderr == f"speller: error: {config}: {message}\n"


def test_picky_is_read_from_either_file(tmp_path: Path):
    assert Config().picky is False
    assert load_config(_write(tmp_path / ".speller.toml", "picky = true\n")).picky is True
    assert load_config(_write(tmp_path / ".speller.toml", "picky = false\n")).picky is False
    assert load_config(_write(tmp_path / "pyproject.toml", "[tool.speller]\npicky = true\n")).picky is True


@pytest.mark.parametrize(
    ("keys", "given", "expected"),
    [
        # the config alone: a confidence wins over picky, as Speller takes them
        ({}, (None, None), (None, False)),
        ({"picky": True}, (None, None), (None, True)),
        ({"min_confidence": 0.7}, (None, None), (0.7, False)),
        ({"min_confidence": 0.7, "picky": True}, (None, None), (0.7, False)),
        # a confidence given wins over both keys
        ({"picky": True}, (0.3, None), (0.3, False)),
        ({"min_confidence": 0.7}, (0.3, True), (0.3, False)),
        # picky given true: every suspicion, whatever the config's min-confidence
        ({"min_confidence": 0.7}, (None, True), (None, True)),
        ({}, (None, True), (None, True)),
        # picky given false: only the config's picky is turned off
        ({"picky": True}, (None, False), (None, False)),
        ({"min_confidence": 0.7, "picky": True}, (None, False), (0.7, False)),
    ],
)
def test_what_is_shown_given_wins_over_the_config(keys: dict, given: tuple, expected: tuple):
    assert Config(**keys).shown(*given) == Shown(*expected)


def test_editor_settings_are_checked_as_the_config_keys_are():
    assert editor_settings({}) == (None, None)
    assert editor_settings({"picky": True, "minConfidence": 0.25}) == (0.25, True)
    assert editor_settings({"picky": None, "minConfidence": 1}) == (1.0, None)  # null: not given
    assert editor_settings({"trace": {"server": "off"}, "min-confidence": "x"}) == (None, None)  # not ours: left alone
    for section, message in [
        ({"picky": "true"}, "editor settings: speller.picky must be true or false"),
        ({"minConfidence": 2}, "editor settings: speller.minConfidence must be a number from 0 to 1"),
        ({"minConfidence": False}, "editor settings: speller.minConfidence must be a number from 0 to 1"),
        (["picky"], "editor settings: speller must be an object"),
    ]:
        with pytest.raises(ConfigError) as raised:
            editor_settings(section)
        assert str(raised.value) == message


# -- keys through the CLI ------------------------------------------------------------------


def test_words_accept_a_word(tmp_path: Path):
    f = _write(tmp_path / "a.txt", TYPO)
    assert _words(_check(str(f))[1]) == ["angksa"]
    _write(tmp_path / ".speller.toml", 'words = ["angksa"]\n')
    assert _check(str(f)) == (0, [])


def test_words_in_pyproject(tmp_path: Path):
    f = _write(tmp_path / "docs" / "a.txt", TYPO)
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.speller]\nwords = ["Angksa"]\n')
    assert _check(str(f)) == (0, [])


def test_word_lists_are_relative_to_the_config(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word-lists = ["kamus/istilah.txt"]\n')
    _write(tmp_path / "kamus" / "istilah.txt", "# istilah proyek\nangksa\n\n")
    f = _write(tmp_path / "docs" / "a.txt", TYPO)
    assert _check(str(f)) == (0, [])


def test_missing_word_list_is_an_error(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word-lists = ["nope.txt"]\n')
    f = _write(tmp_path / "a.txt", TYPO)
    result = CliRunner().invoke(main, ["check", str(f)])
    assert result.exit_code == 2 and "word list not found" in result.stderr


def test_ignore_regex(tmp_path: Path):
    _write(tmp_path / ".speller.toml", "ignore-regex = ['\\bang\\w+sa\\b', '\\{\\{.*?\\}\\}']\n")
    f = _write(tmp_path / "a.txt", "di luar angksa, {{ rumahh }}, lalu rumahh\n")
    assert _words(_check(str(f))[1]) == ["rumahh"]
    assert _check(str(f))[1][0]["col"] == 36


def test_categories_and_disable(tmp_path: Path):
    f = _write(tmp_path / "a.txt", MIXED)
    assert _words(_check(str(f))[1]) == ["kesana", "aktifitas", "angksa"]
    _write(tmp_path / ".speller.toml", 'categories = ["typo"]\n')
    assert _words(_check(str(f))[1]) == ["angksa"]
    _write(tmp_path / ".speller.toml", 'disable = ["spacing"]\n')
    assert _words(_check(str(f))[1]) == ["aktifitas", "angksa"]
    # a command-line option replaces the same key of the config
    assert _words(_check("-c", "spacing", str(f))[1]) == ["kesana"]


def test_min_confidence(tmp_path: Path):
    f = _write(tmp_path / "a.txt", "Angksa itu luas.\n")  # capitalized at sentence start: reported, below 0.99
    assert _words(_check(str(f))[1]) == ["Angksa"]
    _write(tmp_path / ".speller.toml", "min-confidence = 0.99\n")
    assert _check(str(f)) == (0, [])
    assert _words(_check("--min-confidence", "0.3", str(f))[1]) == ["Angksa"]


def test_dictionary_key_is_relative_to_the_config(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'dictionary = "no-such-folder"\n')
    f = _write(tmp_path / "a.txt", TYPO)
    result = CliRunner().invoke(main, ["check", str(f)])
    assert result.exit_code == 2
    assert str(tmp_path / "no-such-folder") in result.stderr


def test_include_and_exclude_when_walking_and_for_named_files(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'include = ["docs/**"]\nexclude = ["docs/vendor", "*.draft.md"]\n')
    for name in ("docs/a.txt", "docs/vendor/b.txt", "docs/c.draft.md", "notes/d.txt", "docs/sub/e.md"):
        _write(tmp_path / name, TYPO)
    rows = _check(str(tmp_path))[1]
    assert sorted(Path(r["path"]).relative_to(tmp_path).as_posix() for r in rows) == ["docs/a.txt", "docs/sub/e.md"]
    assert _check(str(tmp_path / "docs/vendor/b.txt"), str(tmp_path / "notes/d.txt")) == (0, [])


def test_glob_match():
    from pathlib import PurePosixPath as P

    assert glob_match(P("a/b/c.md"), "*.md")
    assert glob_match(P("a/b/c.md"), "b")
    assert glob_match(P("a/b/c.md"), "a/**/*.md")
    assert glob_match(P("a/c.md"), "a/**/*.md")
    assert not glob_match(P("a/b/c.md"), "a/*.md")
    assert glob_match(P("a/b/c.md"), "a/*")  # a folder above matches
    assert not glob_match(P("ab/c.md"), "a")


def test_explicit_config_option(tmp_path: Path):
    cfg = _write(tmp_path / "elsewhere.toml", 'words = ["angksa"]\n')
    f = _write(tmp_path / "p" / "a.txt", TYPO)
    assert _check("--config", str(cfg), str(f)) == (0, [])


def test_markdown_files_are_masked_text_files_are_not(tmp_path: Path):
    text = "Kode `angksa` dan di luar angksa\n"
    md = _write(tmp_path / "a.md", text)
    txt = _write(tmp_path / "a.txt", text)
    assert [r["col"] for r in _check(str(md))[1]] == [27]
    assert [r["col"] for r in _check(str(txt))[1]] == [7, 27]


def test_html_pages_are_checked_as_text_between_tags(tmp_path: Path):
    page = _write(tmp_path / "site" / "a.html", '<p class="angksa">Di luar <b>angksa</b>&nbsp;kini</p>\n')
    assert [r["col"] for r in _check(str(page))[1]] == [30]
    assert [r["col"] for r in _check(str(tmp_path / "site"))[1]] == [30]  # a folder walk takes .html too


def test_markup_option_names_what_the_input_is_written_in(tmp_path: Path):
    page = '<p class="angksa">Di luar <b>kota</b>&nbsp;pemerinath</p>\n'
    stdin = CliRunner().invoke(main, ["check", "--format", "json", "--markup", "html", "-"], input=page)
    assert stdin.exit_code == 1 and _words(json.loads(stdin.stdout)) == [SLIP]  # stdin is text unless told
    assert "angksa" in _words(_check("--markup", "text", str(_write(tmp_path / "a.html", page)))[1])
    fixed = CliRunner().invoke(main, ["fix", "--markup", "html", "-"], input=page)
    assert fixed.exit_code == 0 and fixed.stdout == page.replace(SLIP, MEANT)
    bad = CliRunner().invoke(main, ["check", "--markup", "xml", "-"], input=page)
    assert bad.exit_code == 2 and "'xml' is not one of 'text', 'markdown', 'html'" in bad.output


def test_fix_mends_an_html_page_between_its_tags(tmp_path: Path):
    page = f'<p class="{SLIP}">Kata <a href="/{SLIP}">{SLIP}</a> ini</p>\n'
    photo = f'<p class="{SLIP}"><img src="/{SLIP}.jpg" alt="Foto kantor {SLIP} baru"></p>\n'
    for name, text, mended in [("a.htm", page, f">{SLIP}<"), ("b.html", photo, f" {SLIP} ")]:
        f = _write(tmp_path / name, text)
        result = CliRunner().invoke(main, ["fix", str(f)])
        assert result.exit_code == 0, result.output
        assert f.read_text(encoding="utf-8") == text.replace(mended, mended.replace(SLIP, MEANT))


def test_fix_respects_config_and_markdown(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'words = ["rumahh"]\n')
    f = _write(tmp_path / "a.md", f"Kode `{SLIP}`, rumahh, menurut {SLIP}\n")  # the stock slip (tests/slips.py)
    result = CliRunner().invoke(main, ["fix", str(f)])
    assert result.exit_code == 0, result.output
    assert f.read_text(encoding="utf-8") == f"Kode `{SLIP}`, rumahh, menurut {MEANT}\n"


# -- inline markers ------------------------------------------------------------------------


def test_inline_markers(tmp_path: Path):
    # Three different slips: the same slip written in several contexts is trusted more (speller.model.repeated).
    text = "di luar angksa  <!-- speller: ignore -->\n# speller: ignore-next-line\njet temuput\npada giliranya\n"
    f = _write(tmp_path / "a.txt", text)
    assert [r["line"] for r in _check("--min-confidence", "0.1", str(f))[1]] == [4]  # `giliranya`: 0.13 sure


def test_marked_lines_spans():
    text = "a speller: ignore\nb\n// speller:ignore-next-line\nc\nd"
    marker = text.index("//")
    assert marked_lines(text) == [(0, 17), (marker, text.index("\nc")), (text.index("c"), text.index("c") + 1)]
    assert Config().filter_issues(text, []) == []
    assert Config(ignore_regex=(r"^b$",)).ignored_spans(text)[1] == (text.index("b"), text.index("b") + 1)


# -- speller add ---------------------------------------------------------------------------


def test_add_creates_word_list_and_config(tmp_path: Path):
    result = CliRunner().invoke(main, ["add", "zebra", "angksa", "--path", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".speller.toml").read_text(encoding="utf-8") == 'word-lists = [".speller-words.txt"]\n'
    assert (tmp_path / ".speller-words.txt").read_text(encoding="utf-8") == "angksa\nzebra\n"
    f = _write(tmp_path / "a.txt", TYPO)
    assert _check(str(f)) == (0, [])


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_add_makes_files_the_umask_allows(tmp_path: Path):
    """New config and word list are as readable as any file the user makes (not a temporary file's 0600)."""
    old = os.umask(0o027)
    try:
        add_words(tmp_path, ["zebra"])
    finally:
        os.umask(old)
    for name in (".speller.toml", ".speller-words.txt"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o640
    (tmp_path / ".speller-words.txt").chmod(0o664)
    add_words(tmp_path, ["apel"])  # an existing file keeps its own mode
    assert stat.S_IMODE((tmp_path / ".speller-words.txt").stat().st_mode) == 0o664


def test_add_keeps_list_sorted_without_duplicates(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt", "lain.txt"]\n')
    _write(tmp_path / "kata.txt", "zebra\nApel\n")
    target = add_words(tmp_path / "sub" / "x.txt", ["angksa", "zebra", "Ñandu", "apel", "angksa"]).path
    assert target == tmp_path / "kata.txt"
    assert target.read_text(encoding="utf-8") == "angksa\nApel\napel\nzebra\nÑandu\n"


def test_add_registers_a_list_in_a_config_without_one(tmp_path: Path):
    _write(
        tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.speller]\nwords = ["a"]\n\n[tool.other]\nx = 1\n'
    )
    target = add_words(tmp_path, ["angksa"]).path
    assert target == tmp_path / ".speller-words.txt"
    config = load_config(tmp_path / "pyproject.toml")
    assert config.word_lists == (tmp_path / ".speller-words.txt",)
    assert config.all_words() == {"a", "angksa"}
    _write(tmp_path / ".speller.toml", '# proyek\nwords = ["c"]\n')
    add_words(tmp_path, ["b"])
    assert load_config(tmp_path / ".speller.toml").word_lists == (tmp_path / ".speller-words.txt",)


def test_add_from_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["add", "angksa"])
    assert result.exit_code == 0
    assert (tmp_path / ".speller-words.txt").read_text(encoding="utf-8") == "angksa\n"
    assert os.path.exists(tmp_path / ".speller.toml")


def test_add_keeps_comments_and_blank_lines(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    _write(tmp_path / "kata.txt", "\ufeff# nama tempat\nzebra\n\n# istilah\nkopi\napel\n")
    add_words(tmp_path, ["bakso", "zebra"])
    assert (tmp_path / "kata.txt").read_text(encoding="utf-8") == (
        "\ufeff# nama tempat\nzebra\n\n# istilah\napel\nbakso\nkopi\n"
    )
    assert read_word_list(tmp_path / "kata.txt") == ["zebra", "apel", "bakso", "kopi"]


@pytest.mark.skipif(os.name != "posix", reason="links and pipes as POSIX makes them")
@pytest.mark.parametrize(
    ("make", "why"), [("link", "no such file"), ("folder", "is a folder"), ("pipe", "not a regular")]
)
def test_a_config_that_is_not_a_file_is_an_error_not_passed_over(tmp_path: Path, make: str, why: str):
    """A `.speller.toml` linking to nothing (or a folder, a pipe) is not skipped for the parent's config."""
    _write(tmp_path / ".speller.toml", "min-confidence = 0.99\n")
    config = tmp_path / "proj" / ".speller.toml"
    config.parent.mkdir()
    if make == "link":
        config.symlink_to(tmp_path / "gone.toml")
    elif make == "folder":
        config.mkdir()
    else:
        os.mkfifo(config)
    assert find_config(config.parent / "a.txt") == config
    with pytest.raises(ConfigError, match=why):
        load_config(config)


def test_globs_from_the_top_and_from_a_shared_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`/docs/vendor` is .gitignore's "from the top"; a house config named by --config from another folder still
    excludes `*.draft.md` and reads its path globs from the current folder."""
    root = _write(tmp_path / ".speller.toml", 'exclude = ["/docs/vendor"]\n')
    config = load_config(root)
    assert not config.is_included(tmp_path / "docs" / "vendor" / "v.txt")
    assert config.is_included(tmp_path / "sub" / "docs" / "vendor" / "v.txt")
    house = load_config(_write(tmp_path / "shared" / "house.toml", 'exclude = ["*.draft.md", "arsip/**"]\n'))
    (tmp_path / "proj").mkdir()
    monkeypatch.chdir(tmp_path / "proj")
    assert not house.is_included(tmp_path / "proj" / "berita.draft.md")
    assert not house.is_included(tmp_path / "proj" / "arsip" / "lama.txt")
    assert house.is_included(tmp_path / "proj" / "berita.txt")


def test_a_word_list_line_may_end_in_a_comment(tmp_path: Path):
    """`Jokowi  # presiden` lists Jokowi: a word holds no whitespace, so what follows ` #` is a note to colleagues."""
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    _write(tmp_path / "kata.txt", "# tokoh\nJokowi  # presiden\nangksa\t#nama kapal\nC#\n")
    assert read_word_list(tmp_path / "kata.txt") == ["Jokowi", "angksa", "C#"]
    assert add_words(tmp_path, ["Jokowi", "angksa", "bakso"]).new == ("bakso",)  # listed ones stay listed once
    assert (tmp_path / "kata.txt").read_text(encoding="utf-8") == (
        "# tokoh\nangksa\t#nama kapal\nbakso\nC#\nJokowi  # presiden\n"
    )


def test_add_says_which_words_were_listed_already(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A writer who adds a word twice is told so, and the list is not rewritten."""
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(main, ["add", "angksa"])
    assert first.exit_code == 0 and first.output.endswith(": angksa added\n")
    listed = tmp_path / ".speller-words.txt"
    before = listed.stat().st_mtime_ns
    again = CliRunner().invoke(main, ["add", "angksa"])
    assert again.exit_code == 0 and again.output.endswith(": angksa already listed\n")
    assert listed.stat().st_mtime_ns == before
    both = CliRunner().invoke(main, ["add", "bakso", "angksa", "bakso"])
    assert both.exit_code == 0 and both.output.endswith(": bakso added; angksa already listed\n")
    assert listed.read_text(encoding="utf-8") == "angksa\nbakso\n"


@pytest.mark.parametrize(
    ("config", "name"),
    [
        ("word-lists = []\nwords = []\n", ".speller.toml"),
        ('[project]\nname = "x"\n[tool.speller]\nword-lists = [ ]\n[tool.other]\nword-lists = []\n', "pyproject.toml"),
    ],
)
def test_add_fills_in_an_empty_word_lists_key(tmp_path: Path, config: str, name: str):
    """A config that names no list in `word-lists = []` gets its key filled in, not a second key (invalid TOML)."""
    _write(tmp_path / name, config)
    add_words(tmp_path, ["angksa"])
    assert load_config(tmp_path / name).word_lists == (tmp_path / ".speller-words.txt",)
    assert (tmp_path / name).read_text(encoding="utf-8").count("word-lists") == config.count("word-lists")


@pytest.mark.parametrize(
    "config",
    [
        '[project]\r\nname = "x"\r\n\r\n[tool.speller]\r\nwords = ["a"]\r\n',
        '[project]\nname = "x"\n[ tool.speller ]  # ejaan\nwords = ["a"]\n',
        '[project]\nname = "x"\n[tool.speller]',
    ],
)
def test_add_registers_its_list_in_any_plain_speller_table(tmp_path: Path, config: str):
    """Windows line endings, a spaced header, a header on the last line without a line end."""
    (tmp_path / "pyproject.toml").write_bytes(config.encode())
    add_words(tmp_path, ["angksa"])
    assert load_config(tmp_path / "pyproject.toml").word_lists == (tmp_path / ".speller-words.txt",)
    assert ("\r\n" in config) == (b"\r\n" in (tmp_path / "pyproject.toml").read_bytes())


def test_a_failed_add_writes_nothing(tmp_path: Path):
    """A list that cannot be read stops `add` before the config is touched: the project keeps checking as before."""
    _write(tmp_path / ".speller.toml", 'words = ["Jokowi"]\n')
    (tmp_path / ".speller-words.txt").write_bytes(b"\xff\xfeJ\x00a\x00\n\x00")  # UTF-16, named by no config
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        add_words(tmp_path, ["angksa"])
    assert (tmp_path / ".speller.toml").read_text(encoding="utf-8") == 'words = ["Jokowi"]\n'
    (tmp_path / ".speller.toml").unlink()
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        add_words(tmp_path, ["angksa"])
    assert not (tmp_path / ".speller.toml").exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_add_leaves_a_read_only_list_alone(tmp_path: Path):
    """A house list locked with chmod 444 is refused, as `fix` refuses a read-only file (even for root)."""
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    _write(tmp_path / "kata.txt", "kata\n")
    (tmp_path / "kata.txt").chmod(0o444)
    with pytest.raises(ConfigError, match="read-only"):
        add_words(tmp_path, ["baru"])
    assert (tmp_path / "kata.txt").read_text(encoding="utf-8") == "kata\n"


def test_add_keeps_the_lists_line_endings(tmp_path: Path):
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    (tmp_path / "kata.txt").write_bytes(b"# nama\r\nzebra\r\n")
    add_words(tmp_path, ["apel"])
    assert (tmp_path / "kata.txt").read_bytes() == b"# nama\r\napel\r\nzebra\r\n"


@pytest.mark.parametrize(
    ("word", "why"),
    [("praktek.", "reads it as 'praktek'"), ("angksa,Jakrta", "2 words"), ("...", "holds no word")],
)
def test_add_refuses_what_the_checker_would_never_match(tmp_path: Path, word: str, why: str):
    """Punctuation copied from prose, or two words run together with a comma, would be added and still flagged."""
    with pytest.raises(ConfigError, match=why):
        add_words(tmp_path, [word])
    assert not (tmp_path / ".speller.toml").exists()


def test_adds_at_once_lose_no_word(tmp_path: Path):
    """Eight `speller add` processes at the same time (an editor's and a command's): every word is in the list."""
    _write(tmp_path / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    _write(tmp_path / "kata.txt", "")
    runs = [
        subprocess.Popen([sys.executable, "-m", "speller", "add", f"kata{i}"], cwd=tmp_path, stdout=subprocess.DEVNULL)
        for i in range(8)
    ]
    assert [run.wait(timeout=60) for run in runs] == [0] * 8
    assert read_word_list(tmp_path / "kata.txt") == sorted(f"kata{i}" for i in range(8))


@pytest.mark.parametrize("config", [None, "picky = false\n"])
def test_adds_at_once_register_the_new_list_once(tmp_path: Path, config: str | None):
    """With no list yet, several adds at once each decided to register one: the config got `word-lists` twice (no
    longer TOML), a word was lost and every later check refused (QA, speller lsp and speller add side by side)."""
    if config is not None:
        _write(tmp_path / ".speller.toml", config)
    runs = [
        subprocess.Popen([sys.executable, "-m", "speller", "add", f"kata{i}"], cwd=tmp_path, stdout=subprocess.DEVNULL)
        for i in range(6)
    ]
    assert [run.wait(timeout=60) for run in runs] == [0] * 6
    text = (tmp_path / ".speller.toml").read_text(encoding="utf-8")
    assert text.count("word-lists") == 1
    assert load_config(tmp_path / ".speller.toml").word_lists == (tmp_path / ".speller-words.txt",)
    assert read_word_list(tmp_path / ".speller-words.txt") == sorted(f"kata{i}" for i in range(6))


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_add_leaves_a_read_only_config_alone(tmp_path: Path):
    """The config it would register a new list in, locked with chmod 444, is refused as a read-only list is."""
    config = _write(tmp_path / ".speller.toml", "picky = false\n")
    config.chmod(0o444)
    with pytest.raises(ConfigError, match="read-only"):
        add_words(tmp_path, ["baru"])
    assert config.read_text(encoding="utf-8") == "picky = false\n"
    assert not (tmp_path / ".speller-words.txt").exists()


@pytest.mark.parametrize("word", ["dua\nbaris", "tab\tkata", "a b", "nul\0", "", "#komentar", "rtl\u202e"])
def test_add_refuses_words_that_are_not_one_line(tmp_path: Path, word: str):
    with pytest.raises(ConfigError, match="cannot add"):
        add_words(tmp_path, ["baik", word])
    assert not (tmp_path / ".speller.toml").exists()


def test_add_writes_only_inside_the_project(tmp_path: Path):
    outside = _write(tmp_path / "home" / ".bashrc", "export A=1\n")
    project = tmp_path / "repo"
    _write(project / ".speller.toml", 'word-lists = ["../home/.bashrc"]\n')
    with pytest.raises(ConfigError, match="outside the project"):
        add_words(project, ["angksa"])
    assert outside.read_text(encoding="utf-8") == "export A=1\n"
    result = CliRunner().invoke(main, ["add", "angksa", "--path", str(project)])
    assert result.exit_code == 2 and "outside the project" in result.output
    assert outside.read_text(encoding="utf-8") == "export A=1\n"


def test_add_refuses_a_symlinked_list_pointing_outside(tmp_path: Path):
    outside = _write(tmp_path / "elsewhere.txt", "x\n")
    project = tmp_path / "repo"
    _write(project / ".speller.toml", 'word-lists = ["kata.txt"]\n')
    (project / "kata.txt").symlink_to(outside)
    with pytest.raises(ConfigError, match="outside the project"):
        add_words(project, ["angksa"])
    assert outside.read_text(encoding="utf-8") == "x\n"


def test_add_with_an_explicit_root_refuses_a_folder_above_it(tmp_path: Path):
    _write(tmp_path / ".speller.toml", "words = []\n")
    sub = tmp_path / "opened"
    sub.mkdir()
    with pytest.raises(ConfigError, match="outside the project"):
        add_words(sub, ["angksa"], root=sub)
    assert add_words(sub, ["angksa"], root=tmp_path).path == tmp_path / ".speller-words.txt"


def test_read_word_list_refuses_special_files(tmp_path: Path):
    with pytest.raises(ConfigError, match="not a regular file"):
        read_word_list(Path("/dev/zero"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        read_word_list(fifo)
    with pytest.raises(ConfigError, match="word list not found"):
        read_word_list(tmp_path / "missing.txt")
    _write(tmp_path / ".speller.toml", 'word-lists = ["/dev/zero"]\n')
    _write(tmp_path / "a.txt", TYPO)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "not a regular file" in result.output


@pytest.mark.parametrize(
    "text",
    [
        '[tool.speller]\nwords = ["satu"]\n',
        '[ tool . "speller" ]\nwords = ["satu"]\n',
        "['tool'.speller]\nwords = ['satu']\n",
        '[tool]\nspeller = { words = ["satu"] }\n',
        '[ "tool" ]\nspeller.words = ["satu"]\n',
        'tool.speller.words = ["satu"]\n',
        'tool = { speller = { words = ["satu"] } }\n',
        '"tool"."speller" = { words = ["satu"] }\n',
        '[tool.other]\nx = 1\n\n[tool.speller]\nwords = ["satu"]\n',
    ],
)
def test_every_way_of_writing_the_table_is_found(tmp_path: Path, text: str):
    _write(tmp_path / "pyproject.toml", text + '\n[project]\nname = "x"\n')
    assert find_config(tmp_path / "f.txt") == tmp_path / "pyproject.toml"
    assert config_for(tmp_path / "f.txt").words == ("satu",)


def test_a_pyproject_naming_speller_only_as_a_project_is_passed_over_unparsed(tmp_path: Path, monkeypatch):
    text = '[project]\nname = "speller"\ndependencies = ["speller>=1"]\n\n[tool.ruff]\nline-length = 99\n'
    _write(tmp_path / "pyproject.toml", text)

    def parsed(path: Path) -> dict:
        raise AssertionError(f"{path} parsed")

    monkeypatch.setattr("speller.config._read_toml", parsed)
    assert find_config(tmp_path / "f.txt") is None
