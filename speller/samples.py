"""The samples of the sorted tables a check bisects, made at build time so that a load reads them instead of
sampling each table it maps (`speller.sortedlines.SampledLines`, `speller.sortedfile.SortedFile`).

SAMPLES_FILE holds, for each table of TABLES in its folder: the table's size in bytes, where its sorted lines start
(below a header), and its samples as `sample_lines` or `sample_keys` makes them: where each is (8-byte little-endian
offsets) and its bytes (joined by line breaks). A load takes a table's samples only when that size and start are the
table's; each sample is checked against the table when a lookup first reads its block, and a table whose samples do
not match is sampled anew: a stale file costs a load time, never an answer. The builder writes it last
(`write_samples`, after `speller.verdicts.write_table`); tests/test_samples.py checks that the shipped one is fresh.
"""

from __future__ import annotations

import mmap
import os
import sys
from array import array

from .pathnames import join, parent_of
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import BinaryIO

    from .sortedlines import Buffer

SAMPLES_FILE = "samples.idx"
_HEADER = b"speller table samples 1"

#: The tables a check maps and bisects, by how their sorted lines start: "keys" (a `SortedFile`: its keys, from the
#: first line), "all" (a `SampledLines` from the first line), "header" (below its `#` comment lines), "titled" (below
#: its first line: a letter model's header). These are how `speller.dictionary` reads them.
TABLES = {
    "bigrams.tsv": "keys",
    "words.tsv": "all",
    "verdicts.tsv": "header",
    "joins.tsv": "header",
    "roots.txt": "header",
    "english.txt": "header",
    "word_model.tsv": "titled",
    "name_model.tsv": "titled",
    "followers.tsv": "header",
    "join_uses.tsv": "header",
    "wordfreq_id.tsv": "header",
}


def below_comments(data: Buffer) -> int:
    """Where the lines below the `#` comment lines at the top of `data` start (its length when nothing is below)."""
    start = 0
    while data[start : start + 1] == b"#":
        cut = data.find(b"\n", start)
        start = len(data) if cut < 0 else cut + 1
    return start


def _start(data: Buffer, how: str) -> int:
    if how == "header":
        return below_comments(data)
    if how == "titled":
        cut = data.find(b"\n")
        return len(data) if cut < 0 else cut + 1
    return 0


def table_samples(data: bytes, how: str) -> tuple[int, list[int], list[bytes]]:
    """(start, offsets, samples) of a table's bytes `data` sampled as TABLES says (`how`)."""
    from .sortedfile import sample_keys  # noqa: PLC0415
    from .sortedlines import sample_lines  # noqa: PLC0415

    if how == "keys":
        keys, offsets = sample_keys(data, how)
        return 0, offsets, keys
    start = _start(data, how)
    offsets, samples = sample_lines(data, start=start)
    return start, offsets, samples


def samples_bytes(folder: str) -> bytes:
    """What `write_samples` writes for the tables in `folder`."""
    heads: list[bytes] = [_HEADER]
    blobs: list[bytes] = []
    for name, how in TABLES.items():
        path = join(folder, name)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            continue
        start, offsets, samples = table_samples(data, how)
        if not samples or start >= len(data):
            continue
        packed = array("q", offsets)
        if sys.byteorder == "big":
            packed.byteswap()
        text = b"\n".join(samples)
        heads.append(
            b"%s\t%d\t%d\t%d\t%d\t%d" % (name.encode(), len(data), start, len(offsets), len(samples), len(text))
        )
        blobs += [packed.tobytes(), text]
    return b"\n".join(heads) + b"\n\n" + b"".join(blobs)


def write_samples(folder: Path) -> None:
    """Write SAMPLES_FILE for the tables in `folder` (atomically)."""
    path = folder / SAMPLES_FILE
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(samples_bytes(str(folder)))
    os.replace(tmp, path)


class _Made:
    """A folder's SAMPLES_FILE, read: each table's entry found by its name."""

    def __init__(self, raw: Buffer) -> None:
        self._raw = raw
        self._entries: dict[str, tuple[int, int, int, int, int, int]] = {}  # name -> size, start, counts, where
        cut = raw.find(b"\n\n")  # (not `partition`, which copies all below the head)
        lines = raw[: max(cut, 0)].split(b"\n")
        if cut < 0 or lines[0] != _HEADER:
            return
        at = cut + 2
        for line in lines[1:]:
            cells = line.split(b"\t")
            try:
                name = cells[0].decode()
                size, start, n_offsets, n_samples, text = map(int, cells[1:])
            except (ValueError, UnicodeDecodeError):
                self._entries = {}
                return
            self._entries[name] = (size, start, n_offsets, n_samples, text, at)
            at += 8 * n_offsets + text
        if at != len(raw):
            self._entries = {}

    def of(self, name: str, size: int, start: int) -> tuple[Sequence[int], list[bytes]] | None:
        """(offsets, samples) of table `name` when they were made of a table of `size` bytes from `start` on."""
        entry = self._entries.get(name)
        if entry is None or entry[:2] != (size, start):
            return None
        _, _, n_offsets, n_samples, text, at = entry
        offsets = array("q")
        offsets.frombytes(self._raw[at : at + 8 * n_offsets])
        if sys.byteorder == "big":
            offsets.byteswap()
        samples = self._raw[at + 8 * n_offsets : at + 8 * n_offsets + text].split(b"\n")
        return (offsets, samples) if len(samples) == n_samples else None


#: Each folder's SAMPLES_FILE read so far, with the file's size, time and inode when read (a rebuild replaces it).
_READ: dict[str, tuple[tuple[int, int, int], _Made]] = {}


def made_samples(path: str, size: int, start: int) -> tuple[Sequence[int], list[bytes]] | None:
    """(offsets, samples) that the build made of the table at `path` when they may be those of its `size` bytes
    sampled from `start` on; None when its folder holds none (then the table is sampled at load)."""
    folder = parent_of(path)
    index = join(folder, SAMPLES_FILE)
    try:
        stat = os.stat(index)
    except OSError:
        return None
    signature = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    known = _READ.get(folder)
    if known is None or known[0] != signature:
        try:
            with open(index, "rb") as f:
                known = _READ[folder] = signature, _Made(_contents(f))
        except OSError:
            return None
    return known[1].of(os.path.basename(path), size, start)


def _contents(f: BinaryIO) -> Buffer:
    """The bytes of the open file `f`: mapped on a POSIX system, so that a load copies only the samples of the tables
    it maps; read elsewhere (a mapped file could not be replaced by a rebuild there) and when empty (an empty file
    cannot be mapped)."""
    if os.name == "posix":
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # empty, or a file system that maps none
            pass
    return f.read()
