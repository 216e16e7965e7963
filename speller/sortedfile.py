"""Look up keys in a large sorted `key<TAB>value` text file without loading it.

The file is memory-mapped; a sparse index (the first key after every 4 KiB boundary) is
built on first use, so a lookup is one bisect in memory and one search inside a single block.
Files must be sorted by the UTF-8 bytes of their keys, which is how the builder writes them.
"""

from __future__ import annotations

import bisect
import mmap
from pathlib import Path

from .errors import DictionaryError

_BLOCK = 4 * 1024


class SortedFile:
    """Read-only map from key to value over a sorted `key<TAB>value` file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: mmap.mmap | bytes | None = None
        self._keys: list[bytes] = []
        self._offsets: list[int] = []

    def _open(self) -> mmap.mmap | bytes:
        with open(self.path, "rb") as f:
            try:
                data: mmap.mmap | bytes = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                data = b""
        keys, offsets = [], []
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
                raise DictionaryError(f"{self.path}: line at byte {pos} has no tab")
            if not offsets or pos != offsets[-1]:
                keys.append(data[pos:tab])
                offsets.append(pos)
            pos += _BLOCK
        self._keys, self._offsets = keys, offsets
        self._data = data
        return data

    def get(self, key: str) -> str | None:
        """The value stored for `key`, or None."""
        data = self._data if self._data is not None else self._open()
        k = key.encode("utf-8")
        i = bisect.bisect_right(self._keys, k) - 1
        if i < 0:
            return None
        start = self._offsets[i]
        end = self._offsets[i + 1] if i + 1 < len(self._offsets) else len(data)
        needle = k + b"\t"
        if data[start:start + len(needle)] == needle:
            pos = start
        else:
            pos = data.find(b"\n" + needle, start, end + len(needle) + 1)
            if pos < 0:
                return None
            pos += 1
        line_end = data.find(b"\n", pos)
        if line_end < 0:
            line_end = len(data)
        return data[pos + len(needle):line_end].decode("utf-8")

    def close(self) -> None:
        """Release the mapping."""
        if isinstance(self._data, mmap.mmap):
            self._data.close()
        self._data = None
