"""Look up keys in a large sorted `key<TAB>value` text file without loading it.

The file is memory-mapped; a sparse index (the first key after every 4 KiB boundary) is
built on first use, so a lookup is one bisect in memory and one search inside a single block.
Files must be sorted by the UTF-8 bytes of their keys, which is how the builder writes them.
The sampled keys must ascend (an unsorted file is refused). When the expected size in bytes is
known (meta.json records it), a file of another size is refused at once and each block is
checked when a lookup first reads it (its lines hold exactly one tab each); otherwise the whole
file is checked when first mapped, in one pass at C speed: one tab per line, and the line count
meta.json records (a truncated file is refused).
"""

from __future__ import annotations

import bisect
import mmap

from .errors import DictionaryError
from .pathnames import normal
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from os import PathLike

_BLOCK = 4 * 1024
_SCAN = 1 << 20


class SortedFile:
    """Read-only map from key to value over a sorted `key<TAB>value` file."""

    def __init__(self, path: str | PathLike[str], lines: int | None = None, size: int | None = None) -> None:
        self.path = normal(path)
        self.lines = lines
        self.size = size
        self._data: mmap.mmap | bytes | None = None
        self._keys: list[bytes] = []
        self._offsets: Sequence[int] = []
        #: Per block, whether its lines were checked (only when `size` is known: else all were at open).
        self._checked = bytearray()
        #: Per sampled key, 1 until checked against the file (None: sampled from the file, all sound).
        self._unchecked: bytearray | None = None

    def _open(self) -> mmap.mmap | bytes:
        with open(self.path, "rb") as f:
            try:
                data: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                data = b""
        if self.size is None:
            self._validate(data)
        elif len(data) != self.size:
            raise DictionaryError(
                f"{self.path}: {len(data)} bytes, meta.json says {self.size} (truncated or replaced?)"
            )
        made = _made_keys(self.path, len(data))
        if made is not None:
            self._keys, self._offsets = made
            self._unchecked = bytearray(b"\x01") * len(self._keys) + b"\x00"  # (and the end of the file)
        else:
            self._keys, self._offsets = sample_keys(data, self.path)
        self._checked = bytearray([self.size is None]) * len(self._offsets)
        self._data = data
        return data

    def _check(self, data: mmap.mmap | bytes, i: int) -> bool:
        """Whether the made keys i and i + 1 start lines where the offsets say, in order; else sample anew."""
        keys, offsets, unchecked = self._keys, self._offsets, self._unchecked
        assert unchecked is not None
        for j in (i, i + 1):
            if unchecked[j]:
                at, key = offsets[j], keys[j]
                sound = (
                    (j + 1 == len(keys) or at < offsets[j + 1])
                    and (at == 0 if j == 0 else data[at - 1 : at] == b"\n")
                    and data[at : at + len(key) + 1] == key + b"\t"
                )
                if not sound:
                    self._keys, self._offsets = sample_keys(data, self.path)
                    self._checked = bytearray([self.size is None]) * len(self._offsets)
                    self._unchecked = None
                    return False
                unchecked[j] = 0
        return True

    def _validate(self, data: mmap.mmap | bytes) -> None:
        """Refuse a file with a line without exactly one tab, or with another line count than expected."""
        lines = tabs = 0
        for at in range(0, len(data), _SCAN):
            chunk = data[at : at + _SCAN]
            lines += chunk.count(b"\n")
            tabs += chunk.count(b"\t")
        if data and data[-1:] != b"\n":
            lines += 1  # a last line without its newline
        if tabs != lines:
            raise DictionaryError(f"{self.path}: {lines} lines but {tabs} tabs; every line must be key<TAB>value")
        if self.lines is not None and lines != self.lines:
            raise DictionaryError(f"{self.path}: {lines} lines, meta.json says {self.lines} (truncated or replaced?)")

    def _check_block(self, data: mmap.mmap | bytes, start: int, end: int) -> None:
        """Refuse a block (whole lines from `start` to `end`) holding a line without exactly one tab."""
        block = data[start:end]
        lines = block.count(b"\n") + (not block.endswith(b"\n"))
        tabs = block.count(b"\t")
        if tabs != lines:
            raise DictionaryError(
                f"{self.path}: bytes {start} to {end} hold {lines} lines but {tabs} tabs; "
                f"every line must be key<TAB>value"
            )

    def get(self, key: str) -> str | None:
        """The value stored for `key`, or None."""
        data = self._data if self._data is not None else self._open()
        k = key.encode("utf-8")
        if not self._offsets:
            return None
        i = max(bisect.bisect_right(self._keys, k) - 1, 0)  # a key before the first is looked for in block 0
        unchecked = self._unchecked
        if unchecked is not None and (unchecked[i] or unchecked[i + 1]) and not self._check(data, i):
            i = max(bisect.bisect_right(self._keys, k) - 1, 0)
        start = self._offsets[i]
        end = self._offsets[i + 1] if i + 1 < len(self._offsets) else len(data)
        if not self._checked[i]:
            self._check_block(data, start, end)
            self._checked[i] = 1
        needle = k + b"\t"
        if data[start : start + len(needle)] == needle:
            pos = start
        else:
            pos = data.find(b"\n" + needle, start, end + len(needle) + 1)
            if pos < 0:
                return None
            pos += 1
        line_end = data.find(b"\n", pos)
        if line_end < 0:
            line_end = len(data)
        return data[pos + len(needle) : line_end].decode("utf-8")

    def starting(self, prefix: str) -> list[tuple[str, str]]:
        """The (key, value) rows whose key starts with `prefix` (none for an empty one), in file order."""
        data = self._data if self._data is not None else self._open()
        k = prefix.encode("utf-8")
        if not self._offsets or not k:
            return []
        i = max(bisect.bisect_left(self._keys, k) - 1, 0)  # the last block whose first key sorts before the prefix
        unchecked = self._unchecked
        if unchecked is not None and (unchecked[i] or unchecked[i + 1]) and not self._check(data, i):
            i = max(bisect.bisect_left(self._keys, k) - 1, 0)
        pos = self._offsets[i]
        rows = []
        while pos < len(data):
            line_end = data.find(b"\n", pos)
            if line_end < 0:
                line_end = len(data)
            line = data[pos:line_end]
            key, tab, value = line.partition(b"\t")
            if not tab:
                raise DictionaryError(f"{self.path}: line at byte {pos} has no tab; every line must be key<TAB>value")
            if key.startswith(k):
                rows.append((key.decode("utf-8"), value.decode("utf-8")))
            elif key > k:
                break
            pos = line_end + 1
        return rows

    def close(self) -> None:
        """Release the mapping."""
        if isinstance(self._data, mmap.mmap):
            self._data.close()
        self._data = None


def sample_keys(data: mmap.mmap | bytes, path: str) -> tuple[list[bytes], list[int]]:
    """The key of the first line after every _BLOCK bytes of `data` (the file at `path`) and where each line starts;
    a line without a tab or keys out of order are refused."""
    keys: list[bytes] = []
    offsets: list[int] = []
    pos = 0
    size = len(data)
    while pos < size:
        if pos:
            nl = data.find(b"\n", pos)
            if nl < 0:
                break
            pos = nl + 1
        if pos >= size:
            break
        tab = data.find(b"\t", pos)
        if tab < 0:
            raise DictionaryError(f"{path}: line at byte {pos} has no tab")
        if not offsets or pos != offsets[-1]:
            key = data[pos:tab]
            if keys and key < keys[-1]:
                raise DictionaryError(
                    f"{path}: not sorted (key at byte {pos} comes before the one above); "
                    f"rebuild the dictionary with `speller build`"
                )
            keys.append(key)
            offsets.append(pos)
        pos += _BLOCK
    return keys, offsets


def _made_keys(path: str, size: int) -> tuple[list[bytes], Sequence[int]] | None:
    """The sampled keys of the file at `path` (`sample_keys`) that the build wrote beside it (`speller.samples`), when
    they may be those of a file of `size` bytes; else None."""
    from .samples import made_samples  # noqa: PLC0415 - only a mapped table reads them

    made = made_samples(path, size, 0)
    if made is None:
        return None
    offsets, keys = made
    return (keys, offsets) if keys and len(offsets) == len(keys) and offsets[0] == 0 else None
