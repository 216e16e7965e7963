"""Issue 14 and 15, library side: each hostile case that once crashed, hung or lost data is a test here.

The CLI cases run `speller` in a subprocess with a bounded wait (see tests/test_hardening_cli.py).
"""

from __future__ import annotations

import json
import re

import pytest

from speller.output import json_row


def test_cr_only_line_endings_count_lines(picky):
    # three different slips: the model trusts a form written again between other neighbours (speller.model.repeated)
    text = "baris satu\rdi luar angksa\r\ndan angkasaa lagi\nlalu\r\rangkaza"
    lines = [(i.line, i.column) for i in picky.check(text) if i.word.startswith("angk")]
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


@pytest.mark.parametrize(
    "content, fragment",
    [
        ('exclude = ["[z-a]"]\n', "glob '[z-a]'"),
        (b'words = ["\xff"]\n', "not valid UTF-8 at byte"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "not valid TOML"),
        ("ignore-regex = ['[z-a]']\n", "ignore-regex"),
        ('words = ["a\\u0000b"]\n', "words must be a list of strings"),
        ("min-confidence = nan\n", "min-confidence"),
    ],
)
def test_bad_speller_toml_is_one_config_error(tmp_path: Path, content: str | bytes, fragment: str):
    path = _config(tmp_path, content)
    with pytest.raises(ConfigError, match=re.escape(fragment)) as e:
        load_config(path)
    assert "\n" not in str(e.value) and str(path) in str(e.value)


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("tool = 5\n", "tool must be a table"),
        ('tool = "speller"\n', "tool must be a table"),
        ("[tool]\nspeller = 5\n", "tool.speller must be a table"),
    ],
)
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
    path = _config(tmp_path, '\ufeffwords = ["angksa"]\n')
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
    assert len(config.warnings) == 1 and "word list" in config.warnings[0] and "outside" in config.warnings[0]
    config = load_config(_config(tmp_path / "p", 'dictionary = "/usr/share"\n'))
    assert len(config.warnings) == 1 and "dictionary /usr/share is outside" in config.warnings[0]


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


# -- large files in pieces ------------------------------------------------------------------------

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from click.testing import CliRunner  # noqa: E402
from slips import MEANT, SLIP  # noqa: E402

import speller.textfile as textfile  # noqa: E402
from speller.cli import main  # noqa: E402
from speller.errors import OutputError  # noqa: E402
from speller.textfile import Source, rewrite  # noqa: E402

TYPO_LINE = "di luar angksa beberapa kali."
NEWS = "Presiden bertemu pemimpin Korea di luar angksa pada hari Rabu. "
FIXED_NEWS = f"Presiden bertemu pemimpin Korea dan {SLIP} daerah pada hari Rabu. "  # the stock slip, fixed


@pytest.mark.parametrize(
    "text",
    [
        (NEWS * 3 + "\n") * 40,
        (NEWS * 3 + "\r\n") * 40 + "\r\n\r\n" + NEWS,
        (NEWS + "\r") * 80,
        NEWS * 100,
        "x" * 1000 + " " + NEWS * 20,
    ],
    ids=["lf", "crlf", "cr", "one-line", "long-token"],
)
def test_pieces_cover_the_text_and_know_where_they_are(tmp_path: Path, text: str):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    source = Source(path, piece_chars=300)
    pieces = list(source.pieces())
    source.close()
    assert len(pieces) > 1 and "".join(p.text for p in pieces) == text
    for p in pieces:
        before = text[: p.start]
        assert p.line == textfile.line_ends(before)
        assert p.column == p.start - textfile.last_line_start(before)
        assert not (before.endswith("\r") and p.text.startswith("\n"))  # never splits a CRLF


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "text", [(NEWS * 2 + "\n") * 60, NEWS * 120, (NEWS + "\r\n") * 90], ids=["lf", "one-line", "crlf"]
)
def test_checking_in_pieces_reports_what_checking_whole_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    whole = _run("check", "--format", "json", str(path))
    monkeypatch.setattr(textfile, "PIECE_CHARS", 700)
    pieced = _run("check", "--format", "json", str(path))
    assert pieced.exit_code == whole.exit_code == 1
    rows = json.loads(pieced.stdout)
    assert rows == json.loads(whole.stdout) and len(rows) == text.count("angksa")
    assert all(text[r["start"] : r["end"]] == r["word"] for r in rows)


def test_fixing_and_diffing_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    text = (FIXED_NEWS * 2 + "\n") * 30 + FIXED_NEWS * 40 + "\n" + "akhir\n"
    expected = text.replace(SLIP, MEANT)
    monkeypatch.setattr(textfile, "PIECE_CHARS", 500)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    diff = _run("fix", "--diff", str(path))
    assert diff.exit_code == 1 and path.read_bytes() == text.encode()
    patched = subprocess.run(
        ["patch", "-s", "-o", "-", str(path)], input=diff.stdout.encode(), capture_output=True, timeout=60
    )
    assert patched.returncode == 0, patched.stderr
    assert patched.stdout.decode() == expected
    assert _run("fix", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("piece_chars", [None, 60, 120])
def test_fix_lists_what_it_leaves_where_it_stands_in_the_fixed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece_chars: int | None
):
    """QA: what `fix` leaves was listed on its line before a fix took out a line break (`yang<newline>yang` on a
    line of its own): each is listed where `check` then finds it, in a file read in pieces too."""
    text = "Warga yang\nyang\nlain datang.\nAda pro akontra itu biasa.\n\n" * 3  # pieces cut at the blank lines
    if piece_chars is not None:
        monkeypatch.setattr(textfile, "PIECE_CHARS", piece_chars)
    path = tmp_path / "w.txt"
    path.write_bytes(text.encode())
    listed = [line for line in _run("fix", str(path)).stderr.splitlines() if "akontra" in line]
    assert path.read_text(encoding="utf-8") == text.replace("yang\nyang\n", "yang\n")
    assert len(listed) == 3 and listed == _run("check", str(path)).stdout.splitlines()


def test_an_issue_over_a_cut_between_pieces_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file read in pieces cut at a space (one long line): a doubled word whose space is the cut is the issue of
    the piece it starts in (QA: one `yang yang` of 50,000 lost past 1 MiB); `fix` lists it rather than half-fix it."""
    text = "Dia datang yang yang tadi. " * 40
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    for piece_chars in range(30, 60):
        monkeypatch.setattr(textfile, "PIECE_CHARS", piece_chars)
        rows = json.loads(_run("check", "--format", "json", str(path)).stdout)
        assert [r["word"] for r in rows] == ["yang yang"] * 40, piece_chars
        fixed = _run("fix", str(path))
        assert fixed.exit_code in (0, 1) and path.read_text(encoding="utf-8").count("yang yang") == len(
            [line for line in fixed.stderr.splitlines() if "yang yang" in line]
        )
        path.write_bytes(text.encode())


@pytest.mark.parametrize("piece_chars", [40, 97, 300])
def test_a_diff_of_pieces_keeps_the_context_git_apply_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece_chars: int
):
    """Fixes near the cuts between pieces keep three lines of context on each side: `git apply`, which takes no
    hunk without it (no fuzz, unlike `patch`), gives what `fix` writes (QA: a 1 MiB cut next to a fix)."""
    lines = [f"Baris {i} {SLIP}." if i % 7 in (0, 3) else f"Baris {i} biasa." for i in range(120)]
    text = "\n".join(lines)  # and no line end at the end
    monkeypatch.setattr(textfile, "PIECE_CHARS", piece_chars)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, timeout=60)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    monkeypatch.chdir(tmp_path)
    diff = _run("fix", "--diff", "a.txt")
    assert diff.exit_code == 1
    (tmp_path / "change.diff").write_text(diff.stdout, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "change.diff"], cwd=tmp_path, capture_output=True, timeout=60)
    assert applied.returncode == 0, applied.stderr
    assert path.read_text(encoding="utf-8") == text.replace(SLIP, MEANT)


def test_rewrite_refuses_a_file_changed_while_checked(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(TYPO_LINE + "\n", encoding="utf-8")
    source = Source(path)

    def pieces():
        for piece in source.pieces():
            with open(path, "a", encoding="utf-8") as f:
                f.write("tambahan penulis\n")  # an edit made while speller was checking
            yield piece.text, piece.text.replace("angksa", "angkasa")

    with pytest.raises(OutputError, match="changed while it was being checked"):
        rewrite(source, pieces())
    source.close()
    assert path.read_text(encoding="utf-8") == TYPO_LINE + "\ntambahan penulis\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


# -- dictionary folders ----------------------------------------------------------------------------

import shutil  # noqa: E402

from speller.dictionary import Dictionary  # noqa: E402
from speller.errors import DictionaryError  # noqa: E402


@pytest.fixture(scope="module")
def small_dictionary(tmp_path_factory) -> Path:
    from speller.build import BuildOptions, build

    root = tmp_path_factory.mktemp("dict")
    for name in ("a.txt", "b.txt"):
        (root / "src").mkdir(exist_ok=True)
        (root / "src" / name).write_text("di luar angkasa beberapa kali kata mereka bertemu\n" * 40, encoding="utf-8")
    build([root / "src"], root / "dict", options=BuildOptions(min_count=2, min_sources=2), jobs=1, progress=False)
    return root / "dict"


def _broken(small_dictionary: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(small_dictionary, tmp_path / "dict"))


def _set_meta(folder: Path, change) -> None:  # noqa: ANN001
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta = change(meta)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.mark.parametrize(
    "change, fragment",
    [
        (lambda m: [m], "must be a JSON object"),
        (lambda m: {**m, "options": [1, 2]}, "options must be a JSON object"),
        (
            lambda m: {**m, "options": {**m["options"], "max_edit_distance": 12, "prefix_length": 40}},
            "max_edit_distance 12",
        ),
        (lambda m: {**m, "options": {**m["options"], "max_edit_distance": 0}}, "max_edit_distance 0"),
        (lambda m: {**m, "options": {**m["options"], "prefix_length": -1}}, "prefix_length -1"),
        (lambda m: {**m, "options": {**m["options"], "prefix_length": "7"}}, "whole number"),
        (lambda m: {**m, "delete_keys": -3}, "delete_keys must be a count"),
        (lambda m: {**m, "file_bytes": {"deletes.tsv": "12"}}, "file_bytes must map"),
    ],
)
def test_bad_meta_is_refused_at_load(small_dictionary: Path, tmp_path: Path, change, fragment: str):  # noqa: ANN001
    folder = _broken(small_dictionary, tmp_path)
    _set_meta(folder, change)
    with pytest.raises(DictionaryError, match=re.escape(fragment)) as e:
        Dictionary(folder)
    assert "\n" not in str(e.value)


def _lines_of(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


@pytest.mark.parametrize(
    "damage, fragment",
    [
        (lambda lines: lines[::-1], "not sorted"),
        (lambda lines: lines[:-5], "meta.json says"),
        (lambda lines: [lines[0].replace(b"\t", b" ")] + lines[1:], "tabs"),
    ],
)
def test_damaged_delete_index_is_refused_on_first_use(
    small_dictionary: Path,
    tmp_path: Path,
    damage,  # noqa: ANN001
    fragment: str,
    monkeypatch: pytest.MonkeyPatch,
):
    import speller.sortedfile as sortedfile

    monkeypatch.setattr(sortedfile, "_BLOCK", 64)  # sample keys often enough for a small file
    folder = _broken(small_dictionary, tmp_path)
    deletes = folder / "deletes.tsv"
    first_key = _lines_of(deletes)[0].split(b"\t")[0].decode()
    deletes.write_bytes(b"".join(damage(_lines_of(deletes))))
    with pytest.raises(DictionaryError, match=fragment):
        index = Dictionary(folder).deletes
        index.get("angkasa")
        index.get(first_key)  # a damaged block is refused when a lookup reads it (meta.json gives the size)


def test_damaged_dictionary_through_the_command_is_one_line(small_dictionary: Path, tmp_path: Path):
    folder = _broken(small_dictionary, tmp_path)
    (folder / "deletes.tsv").write_bytes(b"".join(_lines_of(folder / "deletes.tsv")[:-3]))
    text = tmp_path / "a.txt"
    text.write_text("di luar angksa\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "speller.cli", "check", "-d", str(folder), str(text)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    [line] = proc.stderr.splitlines()
    assert line.startswith("speller: error: ") and "deletes.tsv" in line


def test_failed_in_place_write_keeps_the_fixed_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A hard-linked file is written in place; if that fails half way, the fixed text is not lost."""
    path = tmp_path / "a.txt"
    path.write_text(TYPO_LINE + "\n", encoding="utf-8")
    os.link(path, tmp_path / "b.txt")
    source = Source(path)
    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the first fsync is the temporary file's, the second the in-place write's
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError, match="the fixed text is in"):
        rewrite(source, ((p.text, p.text.replace("angksa", "angkasa")) for p in source.pieces()))
    source.close()
    [kept] = [p for p in tmp_path.iterdir() if p.name.startswith("a.txt.speller-fixed-")]
    assert kept.read_text(encoding="utf-8") == TYPO_LINE.replace("angksa", "angkasa") + "\n"
    assert not kept.name.endswith(textfile.TEXT_SUFFIXES)  # a folder walk does not check it


@pytest.mark.parametrize("fallocate", ["refused", "missing"])
def test_a_full_disk_leaves_a_hard_linked_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallocate: str
) -> None:
    """Room for a longer text is made before the file is overwritten in place: a full disk then changes nothing."""
    path = tmp_path / "a.txt"
    text = (TYPO_LINE + "\n") * 3
    path.write_text(text, encoding="utf-8")
    os.link(path, tmp_path / "b.txt")
    source = Source(path)

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    real_fsync, calls = os.fsync, []

    def fsync_then_full(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:  # the first fsync is the temporary file's, the second the room's
            full()
        real_fsync(fd)

    if fallocate == "refused":
        monkeypatch.setattr(os, "posix_fallocate", full)
    else:  # a system without fallocate: the room is written as zeros, and the disk fills while doing so
        monkeypatch.delattr(os, "posix_fallocate", raising=False)
        monkeypatch.setattr(os, "fsync", fsync_then_full)
    with pytest.raises(OutputError, match="the file is unchanged, the fixed text is in"):
        rewrite(source, ((p.text, p.text.replace("angksa", "angkasa")) for p in source.pieces()))
    source.close()
    assert path.read_text(encoding="utf-8") == text and (tmp_path / "b.txt").read_text(encoding="utf-8") == text
    [kept] = [p for p in tmp_path.iterdir() if ".speller-fixed-" in p.name]
    assert kept.read_text(encoding="utf-8") == text.replace("angksa", "angkasa")


def test_ignore_next_line_holds_across_a_piece_boundary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(textfile, "PIECE_CHARS", 360)
    text = (NEWS + "\n") * 5 + "# speller: ignore-next-line\n" + TYPO_LINE + "\n" + (NEWS + "\n") * 5
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode())
    source = Source(path)
    seams = [p.start for p in source.pieces()][1:]
    source.close()
    assert text.index(TYPO_LINE) in seams  # the marked line opens a piece
    result = _run("check", "--format", "json", str(path))
    rows = json.loads(result.stdout)
    assert len(rows) == 10 and all(text[r["start"] : r["end"]] == "angksa" for r in rows)
    assert text.index(TYPO_LINE) + 8 not in [r["start"] for r in rows]
