"""Read text files for checking and write fixed files back without losing anything.

A file is read as bytes and decoded strictly, so line endings (`\\n`, `\\r\\n`) and every other
character stay exactly as they were; a UTF-8 byte-order mark is remembered and written back.
Writing goes to a temporary file in the same folder that then replaces the original in one
step, keeping its permission bits, so an interrupted `fix` never leaves half a file.
"""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError

_SNIFF = 8192
#: Suffixes checked when a folder is walked.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".rst")


@dataclass(frozen=True)
class TextFile:
    """A decoded text file: its text and what is needed to write it back the same way."""

    path: Path
    text: str
    encoding: str
    bom: bool


def read_regular(path: Path | str, limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` of them; raises InputError otherwise.

    Devices, FIFOs and sockets are refused without blocking (`/dev/zero`, a named pipe),
    and a file larger than `limit` is refused rather than read.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{p}: is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{p}: not a regular file (device, pipe or socket), not read")
        if limit is not None and info.st_size > limit:
            raise InputError(f"{p}: {info.st_size} bytes, more than the {limit} allowed")
        try:
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as e:
            raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    if limit is not None and len(data) > limit:
        raise InputError(f"{p}: more than the {limit} bytes allowed")
    return data


def looks_binary(data: bytes) -> bool:
    """A NUL byte in the first 8 KiB marks a binary file (as git and grep decide)."""
    return b"\0" in data[:_SNIFF]


def decode(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, bool]:
    """(text, had_bom) of `data`; raises InputError naming `name` and the byte offset of bad input."""
    bom = encoding.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode(encoding), bom
    except UnicodeDecodeError as e:
        offset = e.start + (3 if bom else 0)
        raise InputError(f"{name}: not valid {encoding} at byte {offset} (use --encoding to name another)") from None
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None


def read(path: Path | str, encoding: str = "utf-8") -> TextFile:
    """Read and decode a file; raises InputError if it is missing, unreadable, binary or mis-encoded."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    if looks_binary(data):
        raise InputError(f"{p}: binary file, not checked")
    text, bom = decode(data, str(p), encoding)
    return TextFile(p, text, encoding, bom)


def write(original: TextFile, text: str) -> None:
    """Atomically replace `original.path` with `text` in the original's encoding, BOM and permissions."""
    data = text.encode(original.encoding)
    if original.bom:
        data = codecs.BOM_UTF8 + data
    path = original.path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".speller-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def walk(paths: list[str]) -> Iterator[tuple[Path, bool]]:
    """(path, named) for each file named, and each text-suffixed file under each folder named, sorted.

    `named` is False for files found by walking a folder (a binary one is skipped with a warning
    rather than an error). Hidden folders such as `.git` are not entered.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in files if f.lower().endswith(TEXT_SUFFIXES))
            for f in sorted(found):
                yield f, False
        else:
            yield p, True
