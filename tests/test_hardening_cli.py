"""Issue 14 and 15 through the `speller` command: hostile files, configs and encodings.

Each case runs `speller` in a subprocess with a bounded wait, and asserts one `speller: error:`
line and exit 2 for errors, and that nothing the user wrote is lost.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from slips import MEANT, SLIP

TYPO_LINE = f"menurut {SLIP} daerah itu."  # the stock slip (tests/slips.py), fixed
FIXED_LINE = f"menurut {MEANT} daerah itu."
CLEAN_LINE = "Kim berterima kasih kepada Putin karena mengundangnya berkunjung."
WAIT = 120  # seconds: a bound on every run, far above the normal few


def speller(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SPELLER_DICTIONARY"}
    return subprocess.run(
        [sys.executable, "-m", "speller.cli", *args], cwd=cwd, input=input, capture_output=True, timeout=WAIT, env=env
    )


def one_error(proc: subprocess.CompletedProcess, *fragments: str) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("speller: error: "), err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def put(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# -- special files -------------------------------------------------------------------------


def test_dev_zero_is_refused_at_once(tmp_path: Path):
    one_error(speller("check", "/dev/zero", cwd=tmp_path), "/dev/zero", "not a regular file")


def test_fifo_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    one_error(speller("check", str(fifo), cwd=tmp_path), "not a regular file")
    one_error(speller("fix", str(fifo), cwd=tmp_path), "not a regular file")


def test_word_list_on_a_device_is_refused(tmp_path: Path):
    put(tmp_path / ".speller.toml", 'word-lists = ["/dev/zero"]\n')
    f = put(tmp_path / "a.txt", TYPO_LINE)
    one_error(speller("check", str(f), cwd=tmp_path), "/dev/zero", "not a regular file")


# -- fix keeps what it must ------------------------------------------------------------------


def test_fix_refuses_a_read_only_file(tmp_path: Path):
    f = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    os.chmod(f, 0o444)
    one_error(speller("fix", str(f), cwd=tmp_path), str(f), "read-only")
    assert f.read_text() == TYPO_LINE + "\n" and stat.S_IMODE(f.stat().st_mode) == 0o444


def test_fix_writes_through_a_symlink(tmp_path: Path):
    target = put(tmp_path / "asli" / "a.txt", TYPO_LINE + "\n")
    link = tmp_path / "tautan.txt"
    link.symlink_to(target)
    proc = speller("fix", str(link), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED_LINE + "\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]


def test_fix_keeps_extended_attributes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file's extended attributes (an ACL is one) survive `fix`: copied to the new file, or, where one cannot be
    set on it, the file is written in place. The attributes live in a table by inode, as the kernel keeps them, so
    the test runs on any file system (tmpfs and overlay lack `user.` attributes on some kernels)."""
    from speller.shell import fix_paths

    table: dict[int, dict[str, bytes]] = {}

    def listxattr(path: object) -> list[str]:
        return list(table.get(os.stat(path).st_ino, {}))  # type: ignore[arg-type]

    def getxattr(path: object, name: str) -> bytes:
        return table[os.stat(path).st_ino][name]  # type: ignore[arg-type]

    def setxattr(path: object, name: str, value: bytes) -> None:
        table.setdefault(os.stat(path).st_ino, {})[name] = value  # type: ignore[arg-type]

    monkeypatch.setattr(os, "listxattr", listxattr, raising=False)
    monkeypatch.setattr(os, "getxattr", getxattr, raising=False)
    monkeypatch.setattr(os, "setxattr", setxattr, raising=False)
    path = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    setxattr(path, "user.desk", b"politik")
    assert fix_paths((str(path),)) == 0
    assert path.read_text() == FIXED_LINE + "\n" and getxattr(path, "user.desk") == b"politik"

    path.write_text(TYPO_LINE + "\n")
    inode = path.stat().st_ino

    def refused(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "setxattr", refused)  # an attribute only its owner or root may set
    assert fix_paths((str(path),)) == 0
    assert path.read_text() == FIXED_LINE + "\n" and path.stat().st_ino == inode  # written in place
    assert getxattr(path, "user.desk") == b"politik"


def test_fix_keeps_hard_links(tmp_path: Path):
    first = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    second = tmp_path / "b.txt"
    os.link(first, second)
    inode = first.stat().st_ino
    assert speller("fix", str(first), cwd=tmp_path).returncode == 0
    assert first.stat().st_ino == second.stat().st_ino == inode and first.stat().st_nlink == 2
    assert second.read_text() == FIXED_LINE + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")
def test_fix_keeps_owner_and_group(tmp_path: Path):
    f = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    os.chown(f, 4321, 4322)
    os.chmod(f, 0o664)
    assert speller("fix", str(f), cwd=tmp_path).returncode == 0
    info = f.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o664)
    assert f.read_text() == FIXED_LINE + "\n"


def test_fix_on_a_long_file_name(tmp_path: Path):
    f = put(tmp_path / ("n" * 240 + ".txt"), TYPO_LINE + "\n")
    proc = speller("fix", str(f), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f.read_text() == FIXED_LINE + "\n"


def test_fix_keeps_words_with_invisible_characters(tmp_path: Path):
    text = "Pemerin\u00adtah dan pemerin\u200dtah bekerja.\n"
    f = put(tmp_path / "a.txt", text)
    speller("fix", str(f), cwd=tmp_path)
    fixed = f.read_text(encoding="utf-8")
    assert "Pemeran" not in fixed and "pemeran" not in fixed
    assert fixed.replace("\u00ad", "").replace("\u200d", "") == text.replace("\u00ad", "").replace("\u200d", "")


def test_fix_refuses_an_encoding_that_does_not_round_trip(tmp_path: Path):
    original = f"{TYPO_LINE} +AGE-\n".encode()  # +AGE- is UTF-7 for `a`, which UTF-7 writes back as `a`
    f = put(tmp_path / "a.txt", original)
    one_error(speller("fix", "--encoding", "utf-7", str(f), cwd=tmp_path), "utf-7", "not fixed")
    assert f.read_bytes() == original


@pytest.mark.parametrize("encoding", ["punycode", "idna", "rot13", "base64"])
def test_odd_encodings_are_one_line(tmp_path: Path, encoding: str):
    f = put(tmp_path / "a.txt", b"menurut \xff " + SLIP.encode() + b"\n")
    proc = speller("check", "--encoding", encoding, str(f), cwd=tmp_path)
    one_error(proc)
    assert f.read_bytes() == b"menurut \xff " + SLIP.encode() + b"\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le"])
def test_utf16_and_utf32_files_are_checked(tmp_path: Path, encoding: str):
    text = f"{CLEAN_LINE}\n{TYPO_LINE}\n"
    f = put(tmp_path / "a.txt", text.encode(encoding))
    proc = speller("check", "--format", "json", "--encoding", encoding, str(f), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    [row] = json.loads(proc.stdout)
    assert (row["word"], row["line"], row["col"]) == (SLIP, 2, 9)
    assert text[row["start"] : row["end"]] == SLIP
    proc = speller("fix", "--encoding", encoding, str(f), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f.read_bytes() == text.replace(SLIP, MEANT).encode(encoding)


def test_utf16_without_the_option_is_binary(tmp_path: Path):
    f = put(tmp_path / "a.txt", f"menurut {SLIP}\n".encode("utf-16"))
    one_error(speller("check", str(f), cwd=tmp_path), "binary")


def test_cr_only_file_reports_real_lines(tmp_path: Path):
    f = put(tmp_path / "a.txt", f"{CLEAN_LINE}\r\r{TYPO_LINE}\r")
    proc = speller("check", str(f), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith(f"{f}:3:9: {SLIP} -> {MEANT}")


# -- configs through the command ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        (".speller.toml", 'exclude = ["[z-a]"]\n'),
        (".speller.toml", b'words = ["\xff"]\n'),
        (".speller.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n"),
        ("pyproject.toml", "[tool.speller\n"),
        ("pyproject.toml", "[tool]\nspeller = 5\n"),
    ],
)
def test_bad_configs_are_one_line_exit_2(tmp_path: Path, name: str, content: str | bytes):
    put(tmp_path / name, content)
    f = put(tmp_path / "a.txt", TYPO_LINE)
    one_error(speller("check", str(f), cwd=tmp_path), name)


@pytest.mark.parametrize("content", ["[project\n", "tool = 5\n", 'tool = "speller"\n'])
def test_pyproject_without_a_speller_table_is_passed_over(tmp_path: Path, content: str):
    put(tmp_path / "pyproject.toml", content)
    f = put(tmp_path / "sub" / "a.txt", TYPO_LINE)
    proc = speller("check", str(f), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b""


def test_config_with_bom_and_outside_word_list_warns(tmp_path: Path):
    put(tmp_path / "kata.txt", SLIP + "\n")
    put(tmp_path / "p" / ".speller.toml", '\ufeffword-lists = ["../kata.txt"]\n')
    f = put(tmp_path / "p" / "a.txt", TYPO_LINE)
    proc = speller("check", str(f), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith("speller: warning: ") and "outside the project folder" in line


def test_add_refuses_a_word_list_outside_the_project(tmp_path: Path):
    bashrc = put(tmp_path / "home" / ".bashrc", "# mine\nexport A=1\n")
    put(tmp_path / "repo" / ".speller.toml", 'word-lists = ["../home/.bashrc"]\n')
    one_error(speller("add", SLIP, "--path", str(tmp_path / "repo"), cwd=tmp_path), "outside the project")
    assert bashrc.read_text() == "# mine\nexport A=1\n"
    one_error(speller("add", "dua\nbaris", "--path", str(tmp_path), cwd=tmp_path), "cannot add")


# -- issue 15: exit codes and messages ------------------------------------------------------------


def test_fix_diff_exits_1_with_changes_and_0_without(tmp_path: Path):
    f = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    proc = speller("fix", "--diff", str(f), cwd=tmp_path)
    assert proc.returncode == 1 and b"+" + FIXED_LINE.encode() in proc.stdout
    assert f.read_text() == TYPO_LINE + "\n"
    clean = put(tmp_path / "b.txt", CLEAN_LINE + "\n")
    proc = speller("fix", "--diff", str(clean), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""


def test_check_on_a_folder_with_nothing_to_check_says_so(tmp_path: Path):
    put(tmp_path / "kosong" / "gambar.png", b"\x89PNG")
    proc = speller("check", str(tmp_path / "kosong"), cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith("speller: warning: ") and "nothing to check" in line


def test_fifo_found_by_walking_is_skipped_with_a_warning(tmp_path: Path):
    os.mkfifo(tmp_path / "pipa.txt")
    good = put(tmp_path / "berita.txt", TYPO_LINE + "\n")
    proc = speller("check", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.decode().startswith(f"{good}:1:9: {SLIP}")
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith("speller: warning: ") and "pipa.txt" in line


def test_a_link_to_nothing_found_by_walking_is_skipped_with_a_warning(tmp_path: Path):
    """Emacs keeps a lock beside each draft it edits: a symlink `.#berita.txt` to no file."""
    os.symlink("editor@host.123:456", tmp_path / ".#berita.txt")
    good = put(tmp_path / "berita.txt", TYPO_LINE + "\n")
    proc = speller("check", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.decode().startswith(f"{good}:1:9: {SLIP}")
    [line] = proc.stderr.decode().splitlines()
    assert line.startswith("speller: warning: ") and ".#berita.txt: no such file" in line
    named = speller("check", str(tmp_path / ".#berita.txt"), cwd=tmp_path)
    assert named.returncode == 2  # named on the command line, it is still an error


def test_utf16_text_is_named_in_the_binary_error(tmp_path: Path):
    path = put(tmp_path / "windows.txt", codecs.BOM_UTF16_LE + (TYPO_LINE + "\n").encode("utf-16-le"))
    proc = speller("check", str(path), cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.decode().splitlines()
    assert line.endswith("binary file, not checked (it starts like UTF-16 text: try --encoding utf-16)")
    assert speller("check", "--encoding", "utf-16", str(path), cwd=tmp_path).returncode == 1


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("check", "--min-confidence", "nan", "a.txt"), ("'nan' is not a number from 0 to 1", "check --help')")),
        (("fix", "--min-confidence", "1.5", "a.txt"), ("--min-confidence", "fix --help')")),
        (("check", "--category", "tipo", "a.txt"), ("'tipo' is not one of", "check --help')")),
        (("chek", "a.txt"), ("No such command 'chek'", "--help')")),
        (("check",), ("Missing argument", "check --help')")),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(tmp_path: Path, args: tuple[str, ...], fragments: tuple[str, ...]):
    put(tmp_path / "a.txt", TYPO_LINE + "\n")
    proc = speller(*args, cwd=tmp_path)
    assert proc.stdout == b""
    one_error(proc, *fragments)


def entry(*args: str, cwd: Path, env: dict[str, str] | None = None, **streams: Any) -> subprocess.CompletedProcess:
    """`python -m speller ARGS` (the console script's entry point, `speller.shell.main`) with the given streams."""
    base = {k: v for k, v in os.environ.items() if k != "SPELLER_DICTIONARY"}
    io = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **streams}
    return subprocess.run(
        [sys.executable, "-m", "speller", *args], cwd=cwd, timeout=WAIT, env={**base, **(env or {})}, **io
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("options", [(), ("--format", "json")])
def test_a_full_output_is_one_line_and_exit_2(tmp_path: Path, options: tuple[str, ...]):
    good = put(tmp_path / "berita.txt", TYPO_LINE + "\n")
    with open("/dev/full", "w") as full:
        proc = entry("check", *options, str(good), cwd=tmp_path, stdout=full)
    one_error(proc, "cannot write the output")


@pytest.mark.skipif(os.name != "posix", reason="closes a descriptor before the program starts")
def test_closed_streams_are_no_traceback(tmp_path: Path):
    """Started with stdout closed (`>&-`) the report goes nowhere and the exit code still says what was found; with
    stdin closed (`<&-`), `-` is a one-line error."""
    good = put(tmp_path / "berita.txt", TYPO_LINE + "\n")
    shut = entry("check", str(good), cwd=tmp_path, stdout=None, preexec_fn=lambda: os.close(1))
    assert shut.returncode == 1 and shut.stderr == b"", shut.stderr
    one_error(entry("check", "-", cwd=tmp_path, stdin=None, preexec_fn=lambda: os.close(0)), "standard input is closed")


def test_output_in_a_narrow_encoding_escapes_what_it_lacks(tmp_path: Path):
    good = put(tmp_path / "berita-ā.txt", TYPO_LINE + "\n")
    proc = entry("check", good.name, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and proc.stdout.decode("ascii").startswith("berita-\\u0101.txt:1:9: "), proc.stderr
    proc = entry("check", "--format", "json", good.name, cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and json.loads(proc.stdout)[0]["path"] == "berita-ā.txt"


def test_an_encoding_that_reads_nothing_is_refused(tmp_path: Path):
    good = put(tmp_path / "berita.txt", TYPO_LINE + "\n")
    one_error(speller("check", "--encoding", "undefined", str(good), cwd=tmp_path), "not a usable text encoding")


def test_a_second_fix_finds_nothing_the_first_did_not_list(tmp_path: Path):
    """Two fixes side by side can write a word twice (`di lakukan di lakukan`): the first `fix` mends that too, and
    lists what it made and left (a phrase written twice), so `check` afterwards shows only what `fix` listed."""
    path = put(tmp_path / "a.txt", "Pekerjaan itu di lakukan di lakukan oleh mereka.\nDia dirumah dirumah saja.\n")
    first = speller("fix", str(path), cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "Pekerjaan itu dilakukan oleh mereka.\nDia di rumah di rumah saja.\n"
    listed = [line for line in first.stderr.decode().splitlines() if not line.endswith("fixed 5")]
    assert first.returncode == 1 and len(listed) == 1
    assert listed[0].startswith(f"{path}:2:5: di rumah di rumah -> di rumah [typo ")
    after = speller("check", str(path), cwd=tmp_path)
    assert after.stdout.decode().splitlines() == listed
    again = speller("fix", str(path), cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.decode().splitlines() == listed


@pytest.mark.parametrize(
    "text",
    [
        f"Awal berita.\n{TYPO_LINE}",  # no line end at the end
        f"Satu.\nDua.\nTiga.\nEmpat.\n{TYPO_LINE}\nMereka pulang.",  # the fix just before a last line with none
        f"Awal berita.\r\n{TYPO_LINE}\r\nAkhir.\r\n",
        f"Awal berita.\r{TYPO_LINE}\rAkhir.\r",  # lone CR: one line to patch
        f"Awal\r\nberita.\n{TYPO_LINE}\rAkhir. {TYPO_LINE}",
        f"\ufeff{TYPO_LINE}\nAkhir.\n",  # a byte order mark in the first line
        f"Awal\u2028berita.\x0c\n{TYPO_LINE}\n",  # line separators that are no line end to patch
    ],
)
@pytest.mark.parametrize("tool", ["git", "patch"])
def test_fix_diff_applies_as_fix_writes(tmp_path: Path, text: str, tool: str):
    """What `fix --diff` prints, applied by `git apply` or `patch`, gives the file `fix` writes (.ci/run installs
    both when missing)."""
    put(tmp_path / "draft.txt", text.encode("utf-8"))
    diff = speller("fix", "--diff", "draft.txt", cwd=tmp_path)
    assert diff.returncode == 1 and diff.stdout, diff.stderr
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    put(fixed / "draft.txt", text.encode("utf-8"))
    assert speller("fix", "draft.txt", cwd=fixed).returncode == 0
    put(tmp_path / "change.diff", diff.stdout)
    command = ["git", "apply", "change.diff"] if tool == "git" else ["patch", "-p1", "-s", "-i", "change.diff"]
    applied = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=WAIT)
    assert applied.returncode == 0, (applied.stderr, diff.stdout)
    assert (tmp_path / "draft.txt").read_bytes() == (fixed / "draft.txt").read_bytes() != text.encode("utf-8")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("tool", ["git", "patch"])
def test_a_diff_of_a_file_in_another_encoding_applies_to_its_bytes(tmp_path: Path, encoding: str, tool: str):
    """The diff of a Latin-1 file was printed in UTF-8: its lines matched no line of the file (`patch` refused it)."""
    text = f"Kafe Café di kota.\n{TYPO_LINE}\nAkhir é.\n"
    put(tmp_path / "draft.txt", text.encode(encoding))
    diff = speller("fix", "--encoding", encoding, "--diff", "draft.txt", cwd=tmp_path)
    assert diff.returncode == 1 and "é".encode(encoding) + b" di kota" in diff.stdout, diff.stderr
    put(tmp_path / "change.diff", diff.stdout)
    command = ["git", "apply", "change.diff"] if tool == "git" else ["patch", "-p1", "-s", "-i", "change.diff"]
    applied = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=WAIT)
    assert applied.returncode == 0, (applied.stderr, diff.stdout)
    assert (tmp_path / "draft.txt").read_bytes() == text.replace(SLIP, MEANT).encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", (TYPO_LINE + " café\n").encode()),
        ("utf-8", codecs.BOM_UTF8 + (TYPO_LINE + "\n").encode()),
        ("latin-1", (TYPO_LINE + " café\n").encode("latin-1")),
        ("utf-16", (TYPO_LINE + " café\n").encode("utf-16")),
    ],
)
def test_fix_stdin_answers_in_the_input_encoding(tmp_path: Path, encoding: str, data: bytes):
    proc = speller("fix", "--encoding", encoding, "-", cwd=tmp_path, input=data)
    assert proc.returncode == 0, proc.stderr
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom) :].decode(encoding)
    assert proc.stdout == bom + text.replace(SLIP, MEANT).encode(encoding)


def test_fix_stdin_gives_back_what_it_cannot_read(tmp_path: Path):
    """A filter (`:%!speller fix -`) whose input has a bad byte gets it back as it came, with the error on stderr."""
    data = (TYPO_LINE + "\n").encode() * 2000 + b"\xff\xfe tail\n"
    proc = speller("fix", "-", cwd=tmp_path, input=data)
    assert proc.stdout == data
    one_error(proc, "not valid utf-8 at byte")


def test_a_file_named_twice_is_checked_once(tmp_path: Path):
    good = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    proc = speller("check", "a.txt", "a.txt", ".", "./a.txt", str(good), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b""
    assert len(proc.stdout.decode().splitlines()) == 1


def test_a_folder_it_cannot_read_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    """A CI gate must not pass while a folder's drafts go unchecked: an unreadable folder is reported, exit 2, and the
    rest is still checked."""
    from speller.shell import check_paths

    put(tmp_path / "ok.txt", TYPO_LINE + "\n")
    put(tmp_path / "inner" / "x.txt", TYPO_LINE + "\n")
    from walks import refuse_listing

    refuse_listing(monkeypatch, "inner")
    assert check_paths((str(tmp_path),)) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"speller: error: {tmp_path / 'inner'}: cannot read (Permission denied)"]
    assert out.startswith(f"{tmp_path / 'ok.txt'}:1:9: {SLIP}")


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_a_bad_config_in_one_folder_leaves_the_others_checked(tmp_path: Path, fmt: str):
    """`check B A` with a broken B/.speller.toml: one error line (exit 2), A still checked, and the report on stdout
    is still one whole JSON document a tool can read."""
    for folder in ("A", "B"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{SLIP}.txt").write_text(f"Di luar {SLIP}.\n", encoding="utf-8")
    (tmp_path / "B" / ".speller.toml").write_text("words = [\n", encoding="utf-8")
    proc = speller("check", "--format", fmt, "B", "A", cwd=tmp_path)
    one_error(proc, "B/.speller.toml", "not valid TOML")
    report = json.loads(proc.stdout)
    rows = report if fmt == "json" else report["runs"][0]["results"]
    assert len(rows) == 1 and "A" in json.dumps(rows) and "B/" not in json.dumps(rows)


def test_a_stricter_house_confidence_holds_for_fix_too(tmp_path: Path):
    """A config showing only what is 0.99 sure: `fix` applies only that too (`dirumah`, not `angksa` at 0.97),
    unless `--min-confidence` asks otherwise (QA: check hid angksa and fix rewrote it)."""
    put(tmp_path / ".speller.toml", b"min-confidence = 0.99\n")
    path = put(tmp_path / "a.txt", b"Dia tinggal dirumah di luar angksa.\n")
    assert speller("check", "a.txt", cwd=tmp_path).stdout.decode().count("\n") == 1
    speller("fix", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "Dia tinggal di rumah di luar angksa.\n"
    speller("fix", "--min-confidence", "0.9", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "Dia tinggal di rumah di luar angkasa.\n"


def test_fix_interactive_with_stdin_closed_is_one_line_and_keeps_the_file(tmp_path: Path):
    """QA: `speller fix -i a.txt <&-` ended in a traceback (exit 1)."""
    path = put(tmp_path / "a.txt", TYPO_LINE + "\n")
    proc = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m speller.cli fix -i a.txt <&-'],
        cwd=tmp_path,
        capture_output=True,
        timeout=WAIT,
    )
    one_error(proc, "standard input is closed")
    assert path.read_text(encoding="utf-8") == TYPO_LINE + "\n"


def test_a_folder_walk_takes_xhtml_pages_as_html(tmp_path: Path):
    """`.xhtml` is an HTML suffix (its tags are not checked), and a folder walk takes it, as the README says."""
    put(tmp_path / "site" / "a.xhtml", b'<p class="angksa">Di luar angksa.</p>\n')
    proc = speller("check", "site", cwd=tmp_path)
    [line] = proc.stdout.decode().splitlines()
    assert proc.returncode == 1 and "a.xhtml:1:27: angksa -> " in line


# -- names, configs and modes the QA of session 34 found wrong ---------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is no UTF-8 needs a byte file system")
@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_a_file_name_that_is_no_utf8_keeps_the_output_valid(tmp_path: Path, fmt: str):
    # sarif crashed with a traceback and printed nothing; json wrote the raw byte (no UTF-8, no JSON)
    put(Path(os.fsdecode(bytes(tmp_path) + b"/bad\xffname.txt")), TYPO_LINE + "\n")
    proc = speller("check", "--format", fmt, ".", cwd=tmp_path)
    assert proc.returncode == 1 and not proc.stderr, proc.stderr
    out = proc.stdout.decode("utf-8")  # strict: valid UTF-8
    assert "bad\\xffname.txt" in out.replace("\\\\", "\\") or "bad%FFname.txt" in out
    if fmt == "json":
        assert json.loads(out)[0]["path"] == "bad\\xffname.txt"
    if fmt == "sarif":
        location = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "bad%FFname.txt"


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_config_naming_a_missing_dictionary_stops_only_its_folder(tmp_path: Path, command: str):
    put(tmp_path / "a" / ".speller.toml", 'dictionary = "nope"\n')
    put(tmp_path / "a" / "x.txt", TYPO_LINE + "\n")
    put(tmp_path / "a" / "z.txt", TYPO_LINE + "\n")
    put(tmp_path / "b" / "y.txt", TYPO_LINE + "\n")
    proc = speller(command, "a", "b", cwd=tmp_path)
    errors = [line for line in proc.stderr.decode().splitlines() if line.startswith("speller: error:")]
    assert proc.returncode == 2 and len(errors) == 1 and "nope" in errors[0], proc.stderr
    if command == "check":
        assert proc.stdout.decode().startswith("b/y.txt:1:")
    else:
        assert (tmp_path / "b" / "y.txt").read_text() == FIXED_LINE + "\n"
        assert (tmp_path / "a" / "x.txt").read_text() == TYPO_LINE + "\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root keeps set-ID bits by chown")
@pytest.mark.parametrize("mode", [0o6755, 0o2775, 0o1777])
def test_fix_as_root_keeps_the_set_id_and_sticky_bits(tmp_path: Path, mode: int):
    # the chown after the chmod cleared them: 6755 became 755
    path = put(tmp_path / "draft.txt", TYPO_LINE + "\n")
    path.chmod(mode)
    assert speller("fix", "draft.txt", cwd=tmp_path).returncode == 0
    assert stat.S_IMODE(path.stat().st_mode) == mode and path.read_text() == FIXED_LINE + "\n"


def test_fix_stopped_by_sigterm_exits_130_and_leaves_every_file_whole(tmp_path: Path):
    """`timeout`, a cancelled CI job or pre-commit send SIGTERM: it stops `fix` as Ctrl-C does (it killed the process
    outright, leaving a `.speller-*.tmp` behind)."""
    body = (TYPO_LINE + " " + CLEAN_LINE + "\n") * 40
    for n in range(300):
        put(tmp_path / f"d{n:03}.txt", body)
    env = {k: v for k, v in os.environ.items() if k != "SPELLER_DICTIONARY"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "speller", "fix", "."], cwd=tmp_path, stderr=subprocess.PIPE, env=env
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # the first file fixed: the run is under way
    assert b"fixed" in first, first
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=WAIT)
    assert proc.returncode == 130 and b"Traceback" not in err, err
    assert not list(tmp_path.glob(".speller-*"))
    texts = {p.read_text() for p in tmp_path.glob("d*.txt")}
    assert texts <= {body, body.replace(SLIP, MEANT)} and body.replace(SLIP, MEANT) in texts


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_diff_that_cannot_be_written_is_one_error_about_the_output(tmp_path: Path):
    # each file was blamed in turn: `one.txt: cannot write (No space left on device)`
    for name in ("one.txt", "two.txt"):
        put(tmp_path / name, TYPO_LINE + "\n")
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "speller.cli", "fix", "--diff", "one.txt", "two.txt"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=WAIT,
        )
    assert proc.returncode == 2 and proc.stderr.decode().splitlines() == [
        "speller: error: cannot write the output (No space left on device)"
    ]
    assert (tmp_path / "one.txt").read_text() == TYPO_LINE + "\n"


def test_fix_diff_lists_what_it_leaves_where_it_stands_in_the_file(tmp_path: Path):
    # a diff writes nothing: its leftovers were listed at their columns in the fixed text (1:23 for check's 1:24)
    put(tmp_path / "k.txt", "Ia bilang dirumah saja karna hujan.\n")
    checked = speller("check", "k.txt", cwd=tmp_path).stdout.decode().splitlines()
    left = [line for line in checked if "karna" in line]
    assert len(left) == 1 and left[0].startswith("k.txt:1:24:")
    diff = speller("fix", "--diff", "k.txt", cwd=tmp_path)
    assert diff.returncode == 1 and diff.stderr.decode().splitlines() == left
