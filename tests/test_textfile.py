"""Tests for speller.textfile: strict decoding, binary detection, atomic writes, folder walks."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

from speller.errors import InputError
from speller.textfile import TextFile, decode, looks_binary, read, walk, write


def test_read_keeps_crlf_and_every_character(tmp_path):
    raw = "Baris satu 😀\r\nBaris “dua”\r\n\r\nakhir tanpa baris baru".encode()
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    tf = read(p)
    assert tf.text.encode() == raw
    assert tf.encoding == "utf-8" and tf.bom is False and tf.path == p


def test_bom_is_remembered_and_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + b"di luar angkasa\n")
    tf = read(p)
    assert tf.bom is True
    assert tf.text == "di luar angkasa\n"


def test_invalid_utf8_names_file_and_byte_offset(tmp_path):
    p = tmp_path / "rusak.txt"
    p.write_bytes(b"di luar\n\xff angkasa")
    with pytest.raises(InputError) as e:
        read(p)
    msg = str(e.value)
    assert str(p) in msg and "byte 8" in msg and "\n" not in msg


def test_invalid_utf8_after_bom_counts_the_bom_bytes(tmp_path):
    p = tmp_path / "bom-rusak.txt"
    p.write_bytes(codecs.BOM_UTF8 + b"ab\xe2\x28")
    with pytest.raises(InputError, match=r"byte 5\b"):
        read(p)


def test_decode_other_encoding():
    assert decode("André di luar".encode("latin-1"), "x", "latin-1") == ("André di luar", False)
    assert decode(codecs.BOM_UTF8 + b"abc", "x", "utf_8") == ("abc", True)


def test_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x", "no-such-codec")


def test_missing_folder_and_binary(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read(tmp_path)
    b = tmp_path / "gambar.txt"
    b.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read(b)


def test_looks_binary():
    assert looks_binary(b"abc\0def")
    assert not looks_binary("teks biasa é 😀".encode())
    assert not looks_binary(b"")
    assert not looks_binary(b"a" * 9000 + b"\0")  # only the first 8 KiB are sniffed


def test_empty_file(tmp_path):
    p = tmp_path / "kosong.txt"
    p.write_bytes(b"")
    tf = read(p)
    assert tf.text == "" and tf.bom is False


@pytest.mark.parametrize(
    ("encoding", "bom", "text"),
    [
        ("utf-8", False, "satu\r\ndua 😀\r\n"),
        ("utf-8", True, "satu\ndua “tiga”\n"),
        ("latin-1", False, "André\r\ncafé\n"),
    ],
)
def test_write_round_trip_keeps_encoding_bom_line_endings_and_mode(tmp_path, encoding, bom, text):
    p = tmp_path / "f.txt"
    p.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode(encoding))
    os.chmod(p, 0o640)
    tf = read(p, encoding)
    assert tf.text == text and tf.bom is bom
    new = tf.text.replace("dua", "DUA").replace("café", "kafe")
    write(tf, new)
    assert p.read_bytes() == (codecs.BOM_UTF8 if bom else b"") + new.encode(encoding)
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.txt"]


def test_write_keeps_executable_mode(tmp_path):
    p = tmp_path / "skrip.txt"
    p.write_text("a\n")
    os.chmod(p, 0o755)
    write(read(p), "b\n")
    assert stat.S_IMODE(p.stat().st_mode) == 0o755 and p.read_text() == "b\n"


def test_failed_write_leaves_original_and_no_temp_file(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"asli\n")
    tf = read(p)
    gone = TextFile(tmp_path / "nope" / "f.txt", tf.text, "utf-8", False)  # folder does not exist
    with pytest.raises((OSError, InputError)):
        write(gone, "baru\n")
    assert p.read_bytes() == b"asli\n"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["f.txt"]


def test_walk_sorted_text_files_skipping_hidden_folders(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "c.md").write_text("x")
    (tmp_path / "b" / "d.TXT").write_text("x")
    (tmp_path / "b" / "e.py").write_text("x")
    (tmp_path / ".git" / "f.txt").write_text("x")
    found = list(walk([str(tmp_path)]))
    assert found == [  # names as `str(Path)` spells them
        (str(tmp_path / "a.txt"), False),
        (str(tmp_path / "b" / "c.md"), False),
        (str(tmp_path / "b" / "d.TXT"), False),
    ]
    named = tmp_path / "b" / "e.py"
    assert list(walk([str(named)])) == [(str(named), True)]
