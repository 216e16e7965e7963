"""Read text files for checking and write fixed files back without losing anything.

A file is read as bytes and decoded strictly, so line endings (`\\n`, `\\r\\n`) and every other
character stay exactly as they were; a UTF-8 byte-order mark is remembered and written back.
Only regular files are read (a device or a pipe is refused without blocking).

Large files are read as a `Source`, in pieces of about PIECE_CHARS characters cut at a paragraph,
line or space, so memory stays bounded; each `Piece` knows where it starts (offset, line, column).
`rewrite` writes a fixed file to a temporary file beside it and then replaces the original in
one step, keeping its mode, owner, group, symlink (the target is written) and hard links; it
refuses a read-only file, a file changed since it was read, and an encoding that does not give
back the original bytes.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from .errors import InputError, OutputError
from .pathnames import join, normal, printable, sort_key
from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from hashlib import _Hash
    from os import PathLike
    from pathlib import Path
    from typing import BinaryIO

_SNIFF = 8192
#: Characters per piece when a file is checked in pieces (about 1 MB of text).
PIECE_CHARS = 1 << 20
_BLOCK = 1 << 20
#: Suffixes checked when a folder is walked (Markdown and HTML are masked: `speller.markup.markup_of`).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".rst", ".html", ".htm", ".xhtml")


class TextFile(NamedTuple):
    """A decoded text file: its text and what is needed to write it back the same way."""

    path: Path
    text: str
    encoding: str
    bom: bool


@contextmanager
def folder_lock(folder: str | PathLike[str], wait: bool = True) -> Iterator[None]:
    """Hold an exclusive lock on `folder` while inside, so two processes writing its files take turns (two adds to one
    word list, two builds of one dictionary). With `wait` False, BlockingIOError at once when another holds it. Where
    systems lack `fcntl`, or the folder cannot be opened (its writes will fail with their own message), none is held."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def read_regular(path: str | PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file, at most `limit` of them; raises InputError otherwise.

    Devices, FIFOs and sockets are refused without blocking (`/dev/zero`, a named pipe),
    and a file larger than `limit` is refused rather than read.
    """
    p = normal(path)
    with _open_regular(p) as f:
        size = os.fstat(f.fileno()).st_size
        if limit is not None and size > limit:
            raise InputError(f"{p}: {size} bytes, more than the {limit} allowed")
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


def binary(name: str, head: bytes) -> str:
    """The error for a file that looks binary, with a hint when its first bytes are a UTF-16 or UTF-32 byte order mark
    (a text saved by a Windows editor)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return f"{name}: binary file, not checked (it starts like UTF-32 text: try --encoding utf-32)"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return f"{name}: binary file, not checked (it starts like UTF-16 text: try --encoding utf-16)"
    return f"{name}: binary file, not checked"


def decode(data: bytes, name: str, encoding: str = "utf-8") -> tuple[str, bool]:
    """(text, had_bom) of `data`; raises InputError naming `name` and the byte offset of bad input."""
    bom = encoding.replace("_", "-").lower() in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode(encoding), bom
    except UnicodeDecodeError as e:
        offset = e.start + (3 if bom else 0)
        raise InputError(f"{name}: not valid {encoding} at byte {offset} (use --encoding to name another)") from None
    except UnicodeError as e:  # e.g. punycode, idna: not a UnicodeDecodeError
        raise InputError(f"{name}: not valid {encoding} ({e})") from None
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None


def check_encoding(encoding: str) -> None:
    """Raise InputError unless `encoding` is a known text encoding (not e.g. base64 or rot13)."""
    try:
        codecs.lookup(encoding)
        b"".decode(encoding)
        "".encode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding: {encoding}") from None
    except UnicodeError:  # a codec that reads and writes nothing (`undefined`)
        raise InputError(f"not a usable text encoding: {encoding}") from None


def _wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 hold NUL bytes in plain text: sniff them for NUL characters after decoding."""
    return codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def read(path: Path | str, encoding: str = "utf-8") -> TextFile:
    """Read and decode a whole file; raises InputError if it is missing, not regular, binary or mis-encoded."""
    from pathlib import Path  # noqa: PLC0415 - a check reads a `Source`

    p = Path(path)
    data = read_regular(p)
    wide = _wide(encoding) if data else False
    if not wide and looks_binary(data):
        raise InputError(binary(str(p), data))
    text, bom = decode(data, str(p), encoding)
    if wide and "\0" in text[:_SNIFF]:
        raise InputError(f"{p}: binary file, not checked")
    return TextFile(p, text, encoding, bom)


def write(original: TextFile, text: str) -> None:
    """Replace `original.path` with `text` in the original's encoding and BOM, as `rewrite` does."""
    source = Source(original.path, original.encoding)
    try:
        rewrite(source, ((p.text, p.text) for p in source.pieces()), replacement=text)
    finally:
        source.close()


#: Characters of the neighbouring text given with a piece, so words at its edges keep their context.
CONTEXT_CHARS = 200


class Piece(NamedTuple):
    """Part of a text: `text` starts at character `start`, after `line` line ends, at `column` characters into its line.

    `before` and `after` are up to CONTEXT_CHARS characters of the text around it (from a word start).
    """

    text: str
    start: int
    line: int
    column: int
    before: str = ""
    after: str = ""


def line_ends(text: str) -> int:
    """How many lines `text` ends (`\\n`, `\\r\\n` and a lone `\\r` each end one)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def last_line_start(text: str) -> int:
    """Offset just past the last line end of `text` (0 when it has none)."""
    return max(text.rfind("\n"), text.rfind("\r")) + 1


def _cut(text: str, limit: int) -> int:
    """Where to end a piece of at most `limit` characters: after a blank line, else a line end, else a space."""
    low = limit // 2
    for mark in ("\n\n", "\n", "\r", " ", "\t"):
        i = text.rfind(mark, low, limit)
        if i >= 0 and not (mark == "\r" and text[i + 1 : i + 2] == "\n"):
            return i + len(mark)
    return limit + 1 if text[limit - 1 : limit + 1] == "\r\n" else limit  # never between CR and LF


class Source:
    """A file (or `-` for stdin) opened for reading in pieces; call `close` when done.

    `digest()` is the SHA-256 of every byte read so far (unless opened with `digest=False`, as a
    check that never rewrites the file is); `info` the file's status when opened. Stdin opened with a digest (to be
    fixed to stdout) also keeps its bytes, for `passed` to give back.
    """

    def __init__(
        self, path: str | PathLike[str], encoding: str = "utf-8", piece_chars: int | None = None, digest: bool = True
    ) -> None:
        #: The file's name as `Path` spells it (`speller.pathnames.normal`), `-` for stdin; `path` is it as a `Path`.
        self.file = normal(path)
        self.encoding = encoding
        self.bom = False
        self.piece_chars = piece_chars or PIECE_CHARS
        self.info: os.stat_result | None = None
        self._hash: _Hash | None = None
        self._kept: list[bytes] | None = None
        if digest:
            import hashlib  # noqa: PLC0415 - only a file that may be rewritten is hashed

            self._hash = hashlib.sha256()
        check_encoding(encoding)
        self._file: BinaryIO
        #: The name as given, a byte that is no UTF-8 kept as `os.fsdecode` reads it (a SARIF URI encodes its bytes);
        #: `name` is it as reports print it (`speller.pathnames.printable`).
        self.given = str(path)
        if str(path) == "-":
            self.name = "<stdin>"
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise InputError("-: standard input is closed")
            self._file = sys.stdin.buffer
            self._own = False
            self._kept = [] if digest else None
        else:
            self.name = printable(str(path))
            self._file = _open_regular(self.file)
            self._own = True
            self.info = os.fstat(self._file.fileno())
        self._head = self._read()
        if codecs.lookup(encoding).name == "utf-8" and self._head.startswith(codecs.BOM_UTF8):
            self.bom = True

    @property
    def path(self) -> Path:
        """The file (`-` for stdin)."""
        from pathlib import Path  # noqa: PLC0415 - a check uses `file`

        return Path(self.file)

    def _read(self) -> bytes:
        try:
            block = self._file.read(_BLOCK)
        except OSError as e:
            raise InputError(f"{self.name}: cannot read ({e.strerror or e})") from None
        if self._hash is not None:
            self._hash.update(block)
        if self._kept is not None:
            self._kept.append(block)
        return block

    def passed(self) -> bytes:
        """Every byte of stdin opened with a digest, as it came (read to its end): what a filter gives back when the
        text cannot be fixed (`speller fix -` in `:%!speller fix -` must not empty the editor's buffer)."""
        if self._kept is None:
            raise ValueError(f"{self.name}: its bytes are not kept")
        while self._read():
            pass
        return b"".join(self._kept)

    def encoded(self, text: str) -> bytes:
        """`text` in the encoding the input was read in, with its byte order mark (a UTF-8 one kept as read; UTF-16
        and UTF-32 codecs write their own)."""
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode(self.encoding)

    def close(self) -> None:
        """Close the file (stdin stays open)."""
        if self._own:
            self._file.close()

    def digest(self) -> bytes:
        """SHA-256 of the bytes read so far."""
        if self._hash is None:
            raise ValueError(f"{self.name}: opened without a digest")
        return self._hash.digest()

    def pieces(self) -> Iterator[Piece]:
        """The decoded text in pieces; raises InputError for binary or mis-encoded input."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        wide = _wide(self.encoding)
        fed = 0  # bytes given to the decoder
        pending = before = ""
        start = line = column = 0
        first = True
        while True:
            block = self._head if first else self._read()
            if first:
                self._head = b""
                if not wide and looks_binary(block):
                    raise InputError(binary(self.name, block))
                if self.bom:
                    block = block[len(codecs.BOM_UTF8) :]
                    fed = len(codecs.BOM_UTF8)
            final = not block
            try:
                text = decoder.decode(block, final)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{self.name}: not valid {self.encoding} at byte {fed + e.start} (use --encoding to name another)"
                ) from None
            except UnicodeError as e:
                raise InputError(f"{self.name}: not valid {self.encoding} ({e})") from None
            fed += len(block)
            if first and wide and "\0" in text[:_SNIFF]:
                raise InputError(f"{self.name}: binary file, not checked")
            first = False
            pending += text
            while len(pending) > self.piece_chars or (final and pending):
                end = len(pending) if len(pending) <= self.piece_chars else _cut(pending, self.piece_chars)
                piece, pending = pending[:end], pending[end:]
                after = pending[:CONTEXT_CHARS]
                yield Piece(piece, start, line, column, before, after[: max(after.rfind(" "), 0)] or after)
                before = piece[-CONTEXT_CHARS:]
                before = before[before.find(" ") + 1 :]
                start += len(piece)
                ends = line_ends(piece)
                line += ends
                column = len(piece) - last_line_start(piece) if ends else column + len(piece)
            if final:
                return


def _open_regular(path: str) -> BinaryIO:
    """`path` opened for binary reading, if it is a regular file; raises InputError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a folder")
        raise InputError(f"{path}: not a regular file (device, pipe or socket), not read")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def rewrite(source: Source, pieces: Iterable[tuple[str, str]], replacement: str | None = None) -> bool:
    """Replace `source`'s file with the fixed text of each (original, fixed) piece; False when nothing changed.

    `pieces` must cover the whole file in order (it is consumed here, usually while `source` is
    read). With `replacement`, that text is written instead of the fixed pieces. Raises
    OutputError, leaving the file untouched and no temporary file behind, when the file is
    read-only, when the encoding does not give back the original bytes, or when the file
    changed since it was opened.
    """
    info = writable(source)
    from pathlib import Path  # noqa: PLC0415 - only `fix` writes files

    real = Path(os.path.realpath(source.file))
    import hashlib  # noqa: PLC0415 - only `fix` writes files
    import tempfile  # noqa: PLC0415

    encoder = codecs.getincrementalencoder(source.encoding)("strict")
    again = codecs.getincrementalencoder(source.encoding)("strict")
    check = hashlib.sha256(codecs.BOM_UTF8 if source.bom else b"")
    fd, tmp = tempfile.mkstemp(prefix=".speller-", suffix=".tmp", dir=real.parent)
    try:
        changed = False
        with os.fdopen(fd, "wb") as out:
            out.write(codecs.BOM_UTF8 if source.bom else b"")
            for original, fixed in pieces:
                check.update(again.encode(original))
                if replacement is None:
                    out.write(encoder.encode(fixed))
                changed = changed or fixed != original
            check.update(again.encode("", True))
            if replacement is not None:
                out.write(encoder.encode(replacement))
                changed = True
            out.write(encoder.encode("", True))
            out.flush()
            os.fsync(out.fileno())
        if check.digest() != source.digest():
            raise OutputError(f"{source.name}: {source.encoding} does not give back the file's own bytes; not fixed")
        if not changed:
            os.unlink(tmp)
            return False
        _commit(source, real, Path(tmp), info)
        return True
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def writable(source: Source) -> os.stat_result:
    """The status of `source`'s file, when `rewrite` may write it; OutputError when it may not: not a file, read-only,
    or in a folder where the fixed text cannot be put beside it (`fix -i` asks before any question is put)."""
    info = source.info
    if info is None:
        raise OutputError(f"{source.name}: not a file; nothing to rewrite")
    real = os.path.realpath(source.file)
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise OutputError(f"{source.name}: read-only, not fixed")
    if not os.access(os.path.dirname(real) or ".", os.W_OK | os.X_OK):
        raise OutputError(f"{source.name}: its folder is read-only, not fixed")
    return info


def _same_file_as_read(source: Source, real: Path, info: os.stat_result) -> bool:
    try:
        now = os.stat(real)
    except OSError:
        return False
    if (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns) != (
        info.st_dev,
        info.st_ino,
        info.st_size,
        info.st_mtime_ns,
    ):
        return False
    import hashlib  # noqa: PLC0415 - only `fix` writes files

    digest = hashlib.sha256()
    with open(real, "rb") as f:
        for block in iter(lambda: f.read(_BLOCK), b""):
            digest.update(block)
    return digest.digest() == source.digest()


def _commit(source: Source, real: Path, tmp: Path, info: os.stat_result) -> None:
    """Move the fixed `tmp` into place, keeping mode, owner, group, hard links and extended attributes (ACLs among
    them): a file whose attributes the temporary file cannot take is written in place instead."""
    os.chmod(tmp, stat.S_IMODE(info.st_mode))
    in_place = info.st_nlink > 1 or not _took_attributes(real, tmp)  # replacing would split the hard link
    if not in_place and hasattr(os, "chown"):
        try:
            os.chown(tmp, info.st_uid, info.st_gid)
            os.chmod(tmp, stat.S_IMODE(info.st_mode))  # a chown clears the set-user-ID and set-group-ID bits
        except OSError:
            tmp_info = os.stat(tmp)
            in_place = (tmp_info.st_uid, tmp_info.st_gid) != (info.st_uid, info.st_gid)
    if not _same_file_as_read(source, real, info):
        raise OutputError(f"{source.name}: changed while it was being checked; not fixed (run again)")
    if not in_place:
        os.replace(tmp, real)
        return
    size = os.stat(tmp).st_size
    try:
        with open(real, "r+b") as dst:
            _reserve(dst, info.st_size, size)
    except OSError as e:  # e.g. the disk is full: nothing of the file was overwritten
        raise OutputError(
            f"{source.name}: cannot write in place ({e.strerror or e}); the file is unchanged, the fixed text is in "
            f"{_kept(tmp, real)}"
        ) from None
    try:
        with open(tmp, "rb") as src, open(real, "r+b") as dst:
            for block in iter(lambda: src.read(_BLOCK), b""):
                dst.write(block)
            dst.truncate()
            dst.flush()
            os.fsync(dst.fileno())
    except OSError as e:  # the room was reserved, so this is rare (an I/O error): the fixed text survives
        raise OutputError(
            f"{source.name}: cannot write in place ({e.strerror or e}); the file may be part written, the fixed text "
            f"is in {_kept(tmp, real)}"
        ) from None
    os.unlink(tmp)


def _took_attributes(real: Path, tmp: Path) -> bool:
    """Give `tmp` the extended attributes of `real` (an ACL is one: `system.posix_acl_access`); False when one
    cannot be set, so the file is written in place and keeps its own."""
    if not hasattr(os, "listxattr"):
        return True
    try:
        names = os.listxattr(real)
    except OSError:  # no extended attributes on this file system
        return True
    try:
        for name in names:
            os.setxattr(tmp, name, os.getxattr(real, name))
    except OSError:
        return False
    return True


def _reserve(dst: BinaryIO, old: int, new: int) -> None:
    """Give the open file room for `new` bytes before any of its `old` bytes is overwritten: on an error (a full
    disk) its length is put back and its text was never touched."""
    if new <= old:
        return
    try:
        try:
            os.posix_fallocate(dst.fileno(), old, new - old)
        except (AttributeError, OSError) as e:  # no fallocate here, or not on this file system: write the room
            if isinstance(e, OSError) and e.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
            dst.seek(old)
            for at in range(old, new, _BLOCK):
                dst.write(bytes(min(_BLOCK, new - at)))
            dst.flush()
            os.fsync(dst.fileno())
    except OSError:
        dst.truncate(old)
        raise


def _kept(tmp: Path, real: Path) -> Path:
    """Keep the fixed text of a file that could not be written in place beside it, under a name a folder walk skips
    (no text suffix)."""
    kept = real.with_name(f"{real.name}.speller-fixed-{os.getpid()}")
    os.replace(tmp, kept)
    return kept


def walk(paths: list[str], unreadable: Callable[[InputError], None] | None = None) -> Iterator[tuple[str, bool]]:
    """(path, named) for each file named, and each text-suffixed file under each folder named, sorted.

    `named` is False for files found by walking a folder (a binary one is skipped with a warning
    rather than an error). Hidden folders such as `.git` are not entered. A folder that cannot be
    read is given to `unreadable` (as an InputError naming it), or raises it.
    """

    def refuse(e: OSError) -> None:
        error = InputError(f"{e.filename}: cannot read ({e.strerror or e})")
        if unreadable is None:
            raise error
        unreadable(error)

    for raw in paths:
        p = normal(raw)
        if os.path.isdir(p):
            found: list[str] = []
            for root, dirs, files in os.walk(p, onerror=refuse):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                folder = normal(root)
                found.extend(join(folder, f) for f in files if f.lower().endswith(TEXT_SUFFIXES))
            for f in sorted(found, key=sort_key):
                yield f, False
        else:
            yield p, True
