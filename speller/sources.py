"""Find and stream the text of a corpus: folders of `.txt`, compressed files, JSON Lines.

A source is a file read by the builder. Its *kind* comes from its name: `.txt` / `.md` (plain
text) or `.jsonl` / `.ndjson` (one JSON object per line, text in a field), each optionally
compressed as `.gz`, `.bz2`, `.xz` or `.zst`. Plain uncompressed files are cut into byte ranges
that end at a line break (so several processes share one big file); a compressed file is one
segment, decompressed as a stream. Nothing is ever read whole.

Every problem with an input is a `SourceError` whose one-line message starts with the file.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import json
import lzma
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

CHUNK_BYTES = 1 << 20
#: A line of plain text longer than this is counted in pieces of at most this many bytes (`_cut`), so that a file
#: without line breaks, or with old Mac ones (CR alone), is never held whole: `--memory` holds whatever the lines.
LONG_LINE_BYTES = 1 << 20
#: The longest JSON Lines record read: a record is parsed whole, so a longer one stops the build (naming it).
MAX_RECORD_BYTES = 16 << 20
#: The line breaks other than LF that `str.splitlines` (the counting's line breaks) knows, one byte each in UTF-8.
_OTHER_BREAKS = (b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e")
TEXT_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}


class SourceError(ValueError):
    """An input that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Source:
    """A corpus file: where it is, the name it is known by (no absolute path), how to read it."""

    path: Path
    label: str
    compression: str | None  # None, "gzip", "bz2", "xz" or "zstd"
    jsonl: bool


@dataclass(frozen=True)
class Segment:
    """A part of a source read by one task: bytes [start, end) of a plain file, or all of a compressed one."""

    source: str  # the file's `file_id`: the same in every build, whatever other files the corpus holds
    path: str
    label: str
    compression: str | None
    jsonl: bool
    start: int
    end: int  # for a compressed file: its size on disk

    @property
    def size(self) -> int:
        return self.end - self.start


def kind_of(name: str) -> tuple[str | None, bool] | None:
    """(compression, is_jsonl) for a corpus file name, or None when the name is not one the builder reads."""
    lower = name.lower()
    compression = None
    for suffix, codec in COMPRESSIONS.items():
        if lower.endswith(suffix):
            compression, lower = codec, lower[: -len(suffix)]
            break
    if lower.endswith(TEXT_SUFFIXES):
        return compression, False
    if lower.endswith(JSONL_SUFFIXES):
        return compression, True
    return None


def is_text_file(path: Path) -> bool:
    """A file is text when its first 8 KiB hold no NUL byte."""
    with open(path, "rb") as f:
        return b"\0" not in f.read(8192)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def find_sources(
    paths: Iterable[Path],
    exclude: Iterable[str] = (),
    output: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Source]:
    """The corpus files named or found under the folders named, minus `exclude` globs or paths, sorted by label.

    A label names a file relative to the source it was found in (`corpus/tempo.txt`), so two files
    of the same name in different folders stay two sources and no absolute path is kept. Two
    sources with the same label, the same file given twice, a binary file, or an `output` folder
    that is or lies inside a source folder (the build would read its own outputs) are errors.
    `warn` (when given) is told of each of `exclude` that left no file out.
    """
    excluded = list(exclude)
    matched: set[str] = set()
    out = output.resolve() if output is not None else None
    found: dict[str, Path] = {}
    seen: dict[Path, str] = {}

    def kept(f: Path, *inside: Path | str) -> bool:
        hits = _excluded(f, excluded, *inside)
        matched.update(hits)
        return not hits

    def add(label: str, f: Path) -> None:
        if label in found:
            raise SourceError(f"{f}: two sources are named {label!r} ({found[label]} and {f}); rename one folder")
        real = f.resolve()
        if real in seen:
            raise SourceError(f"{f}: given twice (as {seen[real]!r} and {label!r})")
        found[label], seen[real] = f, label

    for p in map(Path, paths):
        if p.is_dir():
            if out is not None and _inside(out, p.resolve()):
                raise SourceError(
                    f"{p}: the output folder {output} is inside this source (the build would read "
                    "its own outputs); write the dictionary elsewhere"
                )
            for f in _files_under(p):
                label = f"{p.resolve().name}/{f.relative_to(p).as_posix()}"
                if f.is_file() and kind_of(f.name) is not None and kept(f, f.relative_to(p), label):
                    add(label, f)
        elif p.is_file():
            if kept(p, Path(p.name)):
                add(p.name, p)
        else:
            raise SourceError(f"{p}: no such file or folder")
    for glob in excluded:
        if warn is not None and glob not in matched:  # QA: a path it could not match excluded nothing, silently
            warn(f"--exclude {glob!r} matched no source file")
    sources = []
    for label in sorted(found):
        f = found[label]
        compression, jsonl = kind_of(f.name) or (None, False)
        if compression is None and not is_text_file(f):
            with open(f, "rb") as head:
                raise _not_text(f, head.read(4))
        sources.append(Source(f, label, compression, jsonl))
    return sources


def _not_text(path: Path | str, head: bytes) -> SourceError:
    """The error for a source holding NUL bytes (`head`: its first bytes), with a hint for UTF-16 or UTF-32 text (a
    Windows editor's), which the builder reads only as UTF-8."""
    import codecs  # noqa: PLC0415

    wide = "UTF-32" if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) else "UTF-16"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SourceError(f"{path}: {wide} text, which the builder does not read; save it as UTF-8 or --exclude it")
    return SourceError(f"{path}: not a text file (it holds NUL bytes); remove it or --exclude it")


def _files_under(folder: Path) -> list[Path]:
    """Every file under `folder`, sorted; SourceError for a folder in it that cannot be read (a dictionary built
    without its files would say nothing of them)."""

    def refuse(e: OSError) -> None:
        raise SourceError(f"{e.filename}: cannot read ({e.strerror or e})")

    found = [Path(root, name) for root, _, files in os.walk(folder, onerror=refuse) for name in files]
    return sorted(found)


def _excluded(f: Path, globs: list[str], *inside: Path | str) -> list[str]:
    """The globs that exclude file `f`, found at each of `inside` (its place under the source folder, its label): as
    a config's `exclude` does (a folder name, `drafts/`, `**`: `speller.config.glob_match`), matched from the right
    (`sub/*.md`), or naming an existing path that is `f` or a folder holding it (`news/drafts`, `/data/news/a.txt`)."""
    from pathlib import PurePosixPath  # noqa: PLC0415

    from .config import glob_match  # noqa: PLC0415 - the globs a config's `exclude` takes

    places = [PurePosixPath(Path(p).as_posix()) for p in inside]
    return [g for g in globs if f.match(g) or f.name == g or any(glob_match(p, g) for p in places) or _names_path(g, f)]


def _names_path(path: str, f: Path) -> bool:
    """Whether `path` names an existing file or folder that is `f` or holds it (as written, or through symlinks)."""
    if not os.path.exists(path):
        return False
    return any(_inside(Path(way(f)), Path(way(path))) for way in (os.path.abspath, os.path.realpath))


def file_id(path: Path | str) -> str:
    """A name for a source file that stays the same from build to build (a hash of its real path): the runs record
    in which files each word was seen by it. A file's place in the sorted source list would not do: a work folder
    reused after a file was added or removed held runs whose numbers named other files (QA: `--min-sources` then
    counted two files as one)."""
    return hashlib.sha256(os.path.realpath(path).encode()).hexdigest()[:16]


def segments(sources: list[Source], chunk_bytes: int | None = None) -> list[Segment]:
    """Every source cut into segments: byte ranges of about `chunk_bytes` ending at a line break (plain files)."""
    size_goal = chunk_bytes or CHUNK_BYTES
    out = []
    for s in sources:
        i = file_id(s.path)
        size = s.path.stat().st_size
        if s.compression:
            out.append(Segment(i, str(s.path), s.label, s.compression, s.jsonl, 0, size))
            continue
        start = 0
        with open(s.path, "rb") as f:
            while start < size:
                end = _after_next_lf(f, min(start + size_goal, size), size)
                out.append(Segment(i, str(s.path), s.label, None, s.jsonl, start, end))
                start = end
    return out


def _after_next_lf(f: BinaryIO, pos: int, size: int) -> int:
    """Where the line holding byte `pos` of `f` ends (past its LF; `size` when none follows), read in blocks: a
    `readline` there held a file without line breaks whole."""
    f.seek(pos)
    while pos < size:
        block = f.read(1 << 16)
        if not block:
            break
        lf = block.find(b"\n")
        if lf >= 0:
            return pos + lf + 1
        pos += len(block)
    return size


def segment_id(seg: Segment, salt: str) -> str:
    """A name for a segment's work that changes when the file, the range or `salt` (options) changes."""
    st = os.stat(seg.path)
    key = f"{os.path.realpath(seg.path)}\0{st.st_size}\0{st.st_mtime_ns}\0{seg.start}\0{seg.end}\0{salt}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _open_compressed(raw: BinaryIO, compression: str) -> BinaryIO:
    if compression == "gzip":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if compression == "bz2":
        return bz2.BZ2File(raw)  # type: ignore[return-value]
    if compression == "xz":
        return lzma.LZMAFile(raw)  # type: ignore[return-value]
    return _ZstdReader(raw)  # type: ignore[return-value]


#: Compressed bytes a `_ZstdReader` decompresses at a time (text compresses to about a tenth of its size).
ZSTD_READ_BYTES = 1 << 16


class _ZstdReader:
    """The text of a `.zst` file's frames, one after another (as the `zstd` tool reads them), with EOFError when the
    file ends inside a frame, as gzip, bz2 and xz raise it: zstandard's `stream_reader` ended a cut file as if it were
    whole (QA). A `read` returns what the next compressed bytes hold, whatever size is asked."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard  # noqa: PLC0415 - optional build dependency

        self._raw, self._new = raw, zstandard.ZstdDecompressor().decompressobj
        self._frame: Any = None  # the frame being read; None between frames

    def read(self, size: int = -1) -> bytes:
        while True:
            data = self._raw.read(ZSTD_READ_BYTES)
            if not data:
                if self._frame is not None:
                    raise EOFError("Compressed file ended before the end of its last frame")
                return b""
            out = []
            while data:
                if self._frame is None:
                    self._frame = self._new()
                out.append(self._frame.decompress(data))
                data = b""
                if self._frame.eof:  # the next frame starts in what it left
                    data, self._frame = self._frame.unused_data, None
            text = b"".join(out)
            if text:
                return text


def _reads(seg: Segment, raw: BinaryIO, progress: Callable[[int], None]) -> Iterator[bytes]:
    """The segment's bytes in blocks as read (a block may end inside a line)."""
    if not seg.compression:
        raw.seek(seg.start)
        left = seg.end - seg.start
        while left > 0:
            block = raw.read(min(CHUNK_BYTES, left))
            if not block:
                raise SourceError(f"{seg.path}: shorter than when the build started")
            left -= len(block)
            progress(len(block))
            yield block
        return
    stream = _open_compressed(raw, seg.compression)
    done = 0
    while True:
        try:
            block = stream.read(CHUNK_BYTES)
        except ImportError:
            raise
        except Exception as e:  # each codec raises its own error type for damaged data
            raise SourceError(f"{seg.path}: cannot decompress ({seg.compression}): {e}") from None
        if done == 0 and b"\0" in block[:8192]:
            raise _not_text(seg.path, block[:4])
        pos = raw.tell()
        progress(pos - done)
        done = pos
        if not block:
            return
        yield block


def _blocks(seg: Segment, progress: Callable[[int], None]) -> Iterator[bytes]:
    """The segment's bytes in blocks of whole lines; `progress` gets the on-disk bytes read.

    A plain text line longer than LONG_LINE_BYTES comes in pieces (`_cut`), a JSON Lines record longer than
    MAX_RECORD_BYTES is an error: no line is held whole, whatever its length. Where a line is cut depends on the text
    from its start alone (segments start at a line's start), never on how it was read, so the counts do not either.
    """
    limit = MAX_RECORD_BYTES if seg.jsonl else LONG_LINE_BYTES
    offset = seg.start  # of `buf` in the (decompressed) text
    with open(seg.path, "rb") as raw:
        buf = b""
        for block in _reads(seg, raw, progress):
            buf += block
            start = pos = 0  # buf[start:pos]: lines to yield; `pos` starts a line, or the rest of a cut one
            while True:
                lf = buf.rfind(b"\n", pos, pos + limit)
                if lf >= 0:
                    pos = lf + 1
                    continue
                if len(buf) <= pos + limit:
                    break  # the rest is not a whole line yet, nor too long
                if seg.jsonl:
                    raise SourceError(
                        f"{seg.path}: a JSON Lines record longer than {limit >> 20} MiB at byte {offset + pos} (a "
                        "record is read whole); split it or --exclude the file"
                    )
                pos = _cut(buf, pos, pos + limit)
                yield buf[start:pos]
                start = pos
            if pos > start:
                yield buf[start:pos]
            buf = buf[pos:]
            offset += pos
        if buf:
            yield buf


def _cut(buf: bytes, lo: int, hi: int) -> int:
    """Where to end a piece of the overlong line that starts at `lo` of `buf` (at `hi` at most, `buf` holding more):
    after its last other line break (CR of old Mac files: the counting breaks lines there too, so nothing changes),
    else after its last space or tab (a run of words cut there: no bigram is counted across it), else before the
    character at `hi` (a string of 1 MiB with no space is no word anyway)."""
    at = max(buf.rfind(b, lo, hi) for b in _OTHER_BREAKS)
    if at < 0:
        at = max(buf.rfind(b" ", lo, hi), buf.rfind(b"\t", lo, hi))
    if at >= 0:
        return at + 1
    while hi > lo + 1 and buf[hi] & 0xC0 == 0x80:  # a UTF-8 continuation byte: not cut inside a character
        hi -= 1
    return hi


def read_texts(
    seg: Segment, text_field: str = "text", progress: Callable[[int], None] = lambda n: None
) -> Iterator[str]:
    """The text of a segment, in pieces that end at a line break (plain) or hold whole records (JSON Lines).

    Invalid UTF-8 is replaced (U+FFFD), never fatal. A NUL byte in a plain text, a JSON line that does not parse, or
    lacks `text_field` (a dotted path such as `meta.text` reaches into nested objects), is an error.
    """
    offset = seg.start
    for block in _blocks(seg, progress):
        if not seg.jsonl:
            nul = block.find(b"\0")
            if nul >= 0:  # found past the first 8 KiB `is_text_file` looks at: a binary file named .txt
                at = offset + nul
                raise SourceError(
                    f"{seg.path}: a NUL byte at byte {at} of its text: not a text file; remove or --exclude it"
                )
            offset += len(block)
            yield block.decode("utf-8", errors="replace")
            continue
        texts = []
        for line in io.BytesIO(block):
            if line.strip():
                texts.append(_field(line, text_field, seg.path, offset))
            offset += len(line)
        yield "\n".join(texts)


def _field(line: bytes, text_field: str, path: str, offset: int) -> str:
    try:  # invalid UTF-8 replaced (U+FFFD), as in plain text (`utf-8-sig`: a file's BOM, which json.loads took too)
        value = json.loads(line.decode("utf-8-sig", errors="replace"))
    except ValueError as e:
        raise SourceError(f"{path}: not JSON Lines at byte {offset} ({e})") from None
    for part in text_field.split("."):
        if not isinstance(value, dict) or part not in value:
            raise SourceError(f"{path}: no field {text_field!r} in the record at byte {offset}; see --text-field")
        value = value[part]
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SourceError(f"{path}: field {text_field!r} is not a string in the record at byte {offset}")
    return value
