"""File names as plain strings, spelled as `pathlib` spells them, for the modules a check imports.

`pathlib` (with `urllib.parse`, `ipaddress`, `fnmatch` and a pattern it compiles) costs a cold check about 6 ms; a
plain check needs only `os.path` and the names `Path` would print. `normal(name)` is `str(Path(name))`: `./a//b/`
is `a/b`, an empty name is `.`. Public API that answers a `Path` builds it from these names when asked.
"""

from __future__ import annotations

import os

from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from os import PathLike

#: Where `Path` and these names may differ (a drive, a backslash): there `Path` itself spells them.
_POSIX = os.sep == "/" and os.altsep is None


def normal(name: str | PathLike[str]) -> str:
    """`str(Path(name))`: the name without empty or `.` parts and without a trailing slash."""
    name = os.fspath(name)
    if not _POSIX:
        from pathlib import Path  # noqa: PLC0415 - only where the rules below are not the platform's

        return str(Path(name))
    if not name:
        return "."
    root = ""
    if name[0] == "/":
        root = "//" if name[:2] == "//" and name[2:3] != "/" else "/"
    tail = "/".join(part for part in name.split("/") if part and part != ".")
    return root + tail or "."


def printable(name: str) -> str:
    """`name` as reports print it: a byte the file system holds that is no UTF-8 (read back as a lone surrogate,
    `os.fsdecode`) written as its escape, `bad\\xffname.txt`, so JSON, SARIF and text output stay valid UTF-8."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte stands for
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def join(folder: str, name: str) -> str:
    """`str(Path(folder) / name)` of a `normal` folder and a plain file name."""
    return name if folder == "." else os.path.join(folder, name)


def parent_of(name: str) -> str:
    """`str(Path(name).parent)` of a `normal` name."""
    if not _POSIX:
        from pathlib import Path  # noqa: PLC0415

        return str(Path(name).parent)
    head = os.path.dirname(name)
    return normal(head) if head else "."


def sort_key(name: str) -> tuple[str, ...]:
    """Orders `normal` names as `Path` objects sort: part by part, so `a/b` comes before `a-c`."""
    if not _POSIX:
        from pathlib import Path  # noqa: PLC0415 - there parts compare without case

        return tuple(part.lower() for part in Path(name).parts)
    return tuple(name.split("/"))


def suffix(name: str | PathLike[str]) -> str:
    """`Path(name).suffix`: the last part's ending from its last dot (`.md`), or "" (`.bashrc`, `a.`)."""
    last = os.path.basename(normal(name))
    dot = last.rfind(".")
    return last[dot:] if 0 < dot < len(last) - 1 else ""
