"""`speller build` through a real process: bad input is exit 2 with a one-line error naming the problem (issue 14)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = "Presiden Rusia bertemu di luar angkasa, kata mereka.\n" * 5


def speller_build(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "speller.cli", "build", "-q", "--jobs", "1", "--min-count", "2", *map(str, args)]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)


def one_line_error(p: subprocess.CompletedProcess) -> str:
    assert p.returncode == 2, (p.returncode, p.stdout, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1, p.stderr
    assert "Traceback" not in p.stderr
    return lines[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "news"


def test_a_good_build_succeeds(corpus, tmp_path):
    p = speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "8 words, 6 bigrams from 80 tokens" in p.stdout and (tmp_path / "dict" / "words.tsv").is_file()


@pytest.mark.parametrize("inside", [False, True])
def test_output_folder_in_the_input_folder_is_refused(corpus, tmp_path, inside):
    out = corpus / "dict" if inside else corpus
    line = one_line_error(speller_build(corpus, "-o", out, cwd=tmp_path))
    assert "output folder" in line and "inside this source" in line
    assert not (corpus / "words.tsv").exists() and not (corpus / "dict").exists()


def test_two_source_folders_with_the_same_name_are_refused(corpus, tmp_path):
    (tmp_path / "other" / "news").mkdir(parents=True)
    (tmp_path / "other" / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    line = one_line_error(speller_build(corpus, tmp_path / "other" / "news", "-o", tmp_path / "dict", cwd=tmp_path))
    assert "two sources are named 'news/a.txt'" in line


def test_a_binary_file_named_txt_is_refused_by_name(corpus, tmp_path):
    (corpus / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(range(256)))
    line = one_line_error(speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path))
    assert "photo.txt: not a text file" in line


@pytest.mark.parametrize(("encoding", "said"), [("utf-16", "UTF-16 text"), ("utf-32", "UTF-32 text")])
def test_a_utf16_source_is_named_as_such(corpus, tmp_path, encoding, said):
    """QA: a Windows editor's UTF-16 text was refused as 'not a text file'; it says what it is and what to do."""
    (corpus / "windows.txt").write_bytes(TEXT.encode(encoding))
    line = one_line_error(speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path))
    assert "windows.txt: " + said in line and "save it as UTF-8" in line


def test_empty_sources_are_an_error_not_a_dictionary_the_checker_refuses(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "empty" / "b.txt").write_text("2023 1.5\n", encoding="utf-8")
    line = one_line_error(speller_build(tmp_path / "empty", "-o", tmp_path / "dict", cwd=tmp_path))
    assert "no word passed the rules" in line
    assert not (tmp_path / "dict" / "words.tsv").exists()
    (tmp_path / "none").mkdir()
    assert "no text files" in one_line_error(speller_build(tmp_path / "none", "-o", tmp_path / "d2", cwd=tmp_path))


def test_a_failed_rebuild_leaves_the_dictionary_there_working(corpus, tmp_path):
    """QA: rebuilding a working dictionary from an empty corpus failed (exit 2) and left the folder marked
    unfinished, so every check with it failed too. Nothing is touched until the build has words to write."""
    from speller import Speller

    assert speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path).returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "dict").iterdir() if p.is_file()}
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "a.txt").write_text("", encoding="utf-8")
    (tmp_path / "empty" / "b.txt").write_text("2023\n", encoding="utf-8")
    assert "no word passed" in one_line_error(speller_build(tmp_path / "empty", "-o", tmp_path / "dict", cwd=tmp_path))
    assert {p.name: p.read_bytes() for p in (tmp_path / "dict").iterdir() if p.is_file()} == before
    Speller(str(tmp_path / "dict")).check("kata")


def test_a_damaged_file_is_named_and_the_build_resumes_after_the_fix(corpus, tmp_path):
    (corpus / "c.txt.gz").write_bytes(b"\x1f\x8b\x08 damaged")
    line = one_line_error(speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path))
    assert "c.txt.gz: cannot decompress" in line and "resume" in line
    (corpus / "c.txt.gz").write_bytes(gzip.compress(TEXT.encode()))
    p = speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "from 120 tokens in 3 files" in p.stdout
    assert not any((tmp_path / "dict").glob(".speller-build-work*"))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--memory", "lots"], "--memory: 'lots' is not a size"),
        (["--memory", "infG"], "--memory: 'infG' is not a size"),  # QA: an OverflowError traceback
        (["--memory", "1e400k"], "--memory: '1e400k' is not a size"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    ],
)
def test_bad_options_are_one_line_errors(corpus, tmp_path, args, message):
    assert message in one_line_error(speller_build(corpus, "-o", tmp_path / "dict", *args, cwd=tmp_path))


def test_a_rebuild_keeping_fewer_words_replaces_the_folder(corpus, tmp_path):
    """QA: rebuilding a folder from a corpus that keeps fewer words crashed with a traceback ("words.tsv: cut short")
    and left the folder unusable, a rerun failing the same way. The rebuilt folder is the one a fresh build writes."""
    from speller import Speller

    (tmp_path / "big").mkdir()
    more = TEXT + "Gubernur Jawa membangun jalan baru kemarin sore.\n" * 5
    for name in ("a.txt", "b.txt"):
        (tmp_path / "big" / name).write_text(more, encoding="utf-8")
    assert speller_build(tmp_path / "big", "-o", tmp_path / "dict", cwd=tmp_path).returncode == 0
    p = speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "8 words" in p.stdout
    assert speller_build(corpus, "-o", tmp_path / "fresh", cwd=tmp_path).returncode == 0
    fresh = {f.name: f.read_bytes() for f in (tmp_path / "fresh").iterdir()}
    assert {f.name: f.read_bytes() for f in (tmp_path / "dict").iterdir()} == fresh
    Speller(str(tmp_path / "dict")).check("kata")


def test_exclude_takes_a_folder_or_an_absolute_path_and_warns_when_it_matches_nothing(corpus, tmp_path):
    """QA: `--exclude news/drafts` and `--exclude /abs/news/a.txt` excluded nothing, silently; a path names what it
    names, and an exclude that leaves no file out is a one-line warning."""
    (corpus / "drafts").mkdir()
    (corpus / "drafts" / "c.txt").write_text(TEXT, encoding="utf-8")
    p = speller_build(corpus, "-o", tmp_path / "dict", "--exclude", "news/drafts", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "in 2 files" in p.stdout and not p.stderr
    p = speller_build(corpus, "-o", tmp_path / "dict", "--exclude", corpus / "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "in 2 files" in p.stdout and not p.stderr
    p = speller_build(corpus, "-o", tmp_path / "dict", "--exclude", "news/d.txt", "--exclude", "a.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "in 2 files" in p.stdout
    assert p.stderr.splitlines() == ["speller: warning: --exclude 'news/d.txt' matched no source file"]


@pytest.mark.skipif(sys.platform == "win32", reason="the lock needs fcntl")
def test_a_second_build_of_a_folder_being_built_is_refused(corpus, tmp_path):
    """QA: two builds into one folder at once both failed, one with a traceback, and left it unusable. The folder is
    locked while a build writes it (held here as a build holds it): a second build is a one-line error, exit 2,
    and leaves the folder as it was."""
    import fcntl
    import os

    from speller import Speller

    assert speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path).returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "dict").iterdir()}
    fd = os.open(tmp_path / "dict", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        line = one_line_error(speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path))
    finally:
        os.close(fd)
    assert "dict: another build is writing this folder" in line
    assert {p.name: p.read_bytes() for p in (tmp_path / "dict").iterdir()} == before
    Speller(str(tmp_path / "dict")).check("kata")
    assert speller_build(corpus, "-o", tmp_path / "dict", cwd=tmp_path).returncode == 0
