"""The SymSpell delete index compiled into a hashed, memory-mapped table: a key is found without a search and
its words come back as integers, with nothing decoded per hit.

`deletes.tsv` (`delete<TAB>word word ...`, sorted) stays the index's readable form; the builder compiles it into
`deletes.idx` (`compile_index`), whose bytes depend only on those of `deletes.tsv`. The file, little-endian:

- a header of `HEADER_WORDS` unsigned 32-bit words: `MAGIC`, `VERSION`, the number of slots (a power of two), keys,
  words and word ids, the bytes of the key blob and of the word blob, the width in bytes of a word id (2 or 4),
  and the size in bytes of the `deletes.tsv` it was compiled from;
- the slots: open addressing over `zlib.crc32` of the key's UTF-8 bytes, linear probing; a slot holds a key's
  number plus one (0: empty);
- the keys' start offsets into the key blob (one more than there are keys), the same for their word ids, the
  word ids (numbers into the word list, which is sorted by length, then alphabetically: the ids of the words of
  one length are a range), padded to four bytes; the words' start offsets, in characters, into the word blob
  decoded (one more than there are words: the last is the blob's length plus one), so that a word is read
  without splitting the list; the key blob and the word blob (the words joined by newlines).

A table whose header disagrees with meta.json or with the size of `deletes.tsv` beside it is stale, and refused.
"""

from __future__ import annotations

import bisect
import mmap
import os
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence

from .errors import DictionaryError
from .pathnames import join, normal, parent_of
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path

MAGIC = 0x58445053  # "SPDX"
VERSION = 2
HEADER_WORDS = 10
#: Words read one by one (a slice of the decoded word blob each) before the whole list is split: a cold check of
#: an article reads ~4k, where splitting all ~46k costs about as much as reading ~15k one by one.
MAX_WORDS_READ = 20_000
#: The table is at most this full: probes stay short.
MAX_LOAD = 0.5
#: The name of the compiled table beside `deletes.tsv`.
TABLE_FILE = "deletes.idx"
SOURCE_FILE = "deletes.tsv"


def _rows(source: Path) -> Iterator[tuple[str, list[str]]]:
    with open(source, encoding="utf-8") as f:
        for line in f:
            key, _, words = line.rstrip("\n").partition("\t")
            yield key, words.split(" ") if words else []


def _little(values: array) -> bytes:
    """The bytes of `values`, little-endian."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def compile_index(source: Path, target: Path) -> int:
    """Write the hashed table of the delete index `source` (deletes.tsv) to `target`; returns its size in bytes."""
    words = sorted({w for _, listed in _rows(source) for w in listed}, key=lambda w: (len(w), w))
    number = {w: i for i, w in enumerate(words)}
    width = 2 if len(words) < 1 << 16 else 4
    key_starts, id_starts = array("I", [0]), array("I", [0])
    ids = array("H" if width == 2 else "I")
    keys = bytearray()
    hashes = array("I")
    for key, listed in _rows(source):
        raw = key.encode("utf-8")
        keys += raw
        key_starts.append(len(keys))
        ids.extend(number[w] for w in listed)
        id_starts.append(len(ids))
        hashes.append(zlib.crc32(raw))
    n_slots = 1
    while n_slots * MAX_LOAD < max(len(hashes), 1):
        n_slots *= 2
    mask = n_slots - 1
    slots = array("I", bytes(4 * n_slots))
    for k, h in enumerate(hashes):
        at = h & mask
        while slots[at]:
            at = (at + 1) & mask
        slots[at] = k + 1
    text = "\n".join(words)
    blob = text.encode("utf-8")
    word_starts = array("I", [0])
    for w in words:
        word_starts.append(word_starts[-1] + len(w) + 1)
    counts = [n_slots, len(hashes), len(words), len(ids), len(keys), len(blob)]
    header = array("I", [MAGIC, VERSION, *counts, width, source.stat().st_size])
    ids_bytes = _little(ids)
    ids_bytes += bytes(-len(ids_bytes) % 4)  # the word starts after it start aligned
    parts = [
        *(_little(header), _little(slots), _little(key_starts), _little(id_starts), ids_bytes),
        *(_little(word_starts), bytes(keys), blob),
    ]
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as f:
        for part in parts:
            f.write(part)
    tmp.replace(target)
    return target.stat().st_size


class HashIndex:
    """Read-only map from a delete key to the words stored under it, over a compiled `deletes.idx`."""

    def __init__(self, path: str | PathLike[str], size: int | None = None, keys: int | None = None) -> None:
        """`size`, `keys`: what meta.json records (the table's bytes, the delete keys); a table that disagrees is
        refused when first used."""
        self.path = normal(path)
        self.size = size
        self.keys = keys
        self._data: mmap.mmap | None = None
        self._words: list[str] | None = None  # the word list split, once `words` or MAX_WORDS_READ words were asked
        self._text = ""  # the word blob decoded
        self._word_starts: Sequence[int] = ()
        self._read = 0  # words read one by one so far
        #: `length_starts[n]`: the first word id of a word of `n` letters or more (one past the longest length).
        self.length_starts: list[int] = []
        self._mask = 0
        self._slots: Sequence[int] = ()
        self._key_starts: Sequence[int] = ()
        self._id_starts: Sequence[int] = ()
        self._ids: memoryview = memoryview(b"")
        self._keys_at = 0

    def _refuse(self, why: str) -> DictionaryError:
        return DictionaryError(f"{self.path}: {why}; rebuild the dictionary with `speller build`")

    def _open(self) -> None:
        try:
            with open(self.path, "rb") as f:
                data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError) as e:  # missing, unreadable or empty
            raise self._refuse(f"cannot be mapped ({e})") from None
        if self.size is not None and len(data) != self.size:
            raise self._refuse(f"{len(data)} bytes, meta.json says {self.size} (stale or truncated)")
        if len(data) < 4 * HEADER_WORDS:
            raise self._refuse("too short for its header")
        head = array("I", data[: 4 * HEADER_WORDS])
        if sys.byteorder == "big":
            head.byteswap()
        magic, version, n_slots, n_keys, n_words, n_ids, key_bytes, word_bytes, width, source_bytes = head
        if magic != MAGIC or version != VERSION or width not in (2, 4) or n_slots & (n_slots - 1):
            raise self._refuse("not a delete table of this version")
        if self.keys is not None and n_keys != self.keys:
            raise self._refuse(f"{n_keys} keys, meta.json says {self.keys} (stale)")
        source = join(parent_of(self.path), SOURCE_FILE)
        try:
            source_size = os.stat(source).st_size
        except OSError:
            raise DictionaryError(f"{source}: missing; rebuild the dictionary with `speller build`") from None
        if source_size != source_bytes:
            raise DictionaryError(
                f"{source}: {source_size} bytes, but {os.path.basename(self.path)} was compiled from {source_bytes} "
                f"(stale or replaced); rebuild the dictionary with `speller build`"
            )
        at = 4 * HEADER_WORDS
        ids_at = at + 4 * (n_slots + 2 * (n_keys + 1))
        starts_at = ids_at + width * n_ids + (-(width * n_ids) % 4)
        keys_at = starts_at + 4 * (n_words + 1)
        if keys_at + key_bytes + word_bytes != len(data):
            raise self._refuse("its sections do not add up to its size (truncated?)")
        view = memoryview(data)
        ints = view[at:ids_at].cast("I")
        if sys.byteorder == "big":  # the file is little-endian: a big-endian machine reads a swapped copy
            ints = memoryview(_swapped(ints))
        self._slots = ints[:n_slots]
        self._key_starts = ints[n_slots : n_slots + n_keys + 1]
        self._id_starts = ints[n_slots + n_keys + 1 :]
        ids = view[ids_at : ids_at + width * n_ids].cast("H" if width == 2 else "I")
        self._ids = memoryview(_swapped(ids)) if sys.byteorder == "big" else ids
        starts = view[starts_at:keys_at].cast("I")
        if sys.byteorder == "big":
            starts = memoryview(_swapped(starts))
        try:
            text = data[keys_at + key_bytes :].decode("utf-8")
        except UnicodeDecodeError as e:
            raise self._refuse(f"word list not valid UTF-8 at byte {e.start}") from None
        end = len(text) + 1 if n_words else 0
        if starts[0] != 0 or starts[-1] != end or text.count("\n") != max(n_words - 1, 0):
            raise self._refuse(f"its word starts do not match its {n_words} words")
        self._text, self._word_starts, self._words, self._read = text, starts, None, 0

        def length(i: int) -> int:  # of word i (the words run by length: the last is the longest)
            return starts[i + 1] - starts[i] - 1

        longest = length(n_words - 1) if n_words else 0
        self.length_starts = [bisect.bisect_left(range(n_words), n, key=length) for n in range(longest + 2)]
        self._mask = n_slots - 1
        self._keys_at = keys_at
        self._data = data

    @property
    def words(self) -> list[str]:
        """The word list (split once, when first asked): the word of each number."""
        if self._data is None:
            self._open()
        if self._words is None:
            self._words = self._text.split("\n") if self._word_starts[-1] else []
        return self._words

    def words_of(self, ids: Iterable[int]) -> list[str]:
        """The words of `ids` (numbers into `words`), each read from the word blob until MAX_WORDS_READ were: a
        check of one article reads a tenth of the list, where splitting it all would cost more; IndexError for a
        number past the list."""
        if self._data is None:
            self._open()
        if self._words is None and self._read < MAX_WORDS_READ:
            text, starts = self._text, self._word_starts
            found = [text[starts[i] : starts[i + 1] - 1] for i in ids]
            self._read += len(found)
            return found
        return list(map(self.words.__getitem__, ids))

    def ids(self, key: str) -> memoryview | tuple[()]:
        """The numbers (into `words`) of the words stored under `key`; empty when there is none."""
        if self._data is None:
            self._open()
        data = self._data
        raw = key.encode("utf-8")
        slots, starts, mask, base = self._slots, self._key_starts, self._mask, self._keys_at
        at = zlib.crc32(raw) & mask
        while True:
            k = slots[at]
            if not k:
                return ()
            k -= 1
            if data[base + starts[k] : base + starts[k + 1]] == raw:  # type: ignore[index]
                return self._ids[self._id_starts[k] : self._id_starts[k + 1]]
            at = (at + 1) & mask

    def ids_of(self, keys: Iterable[str]) -> set[int]:
        """The numbers (into `words`) of the words stored under any of `keys` (`ids` for many keys at once)."""
        if self._data is None:
            self._open()
        data, slots, starts, mask, base = self._data, self._slots, self._key_starts, self._mask, self._keys_at
        id_starts, ids, crc32 = self._id_starts, self._ids, zlib.crc32
        runs: list[memoryview] = []  # each found key's word ids, joined and made a set at once (in C)
        for key in keys:
            raw = key.encode("utf-8")
            size = len(raw)
            at = crc32(raw) & mask
            while k := slots[at]:
                start, end = base + starts[k - 1], base + starts[k]
                # a key of another length is passed without copying its bytes out of the map
                if end - start == size and data[start:end] == raw:  # type: ignore[index]
                    runs.append(ids[id_starts[k - 1] : id_starts[k]])
                    break
                at = (at + 1) & mask
        return set(array(ids.format, b"".join(runs)))

    def get(self, key: str) -> str | None:
        """The words stored under `key`, space-separated as in deletes.tsv, or None (SortedFile's contract)."""
        found = self.ids(key)
        if not len(found):
            return None
        try:
            return " ".join(self.words_of(found))
        except IndexError:
            raise self._refuse("a word number past its word list") from None

    def close(self) -> None:
        """Release the mapping."""
        self._slots = self._key_starts = self._id_starts = self._word_starts = ()
        self._ids = memoryview(b"")
        self._text, self._words, self._read = "", None, 0
        data, self._data = self._data, None
        if data is not None:
            try:
                data.close()
            except BufferError:  # a view of it is still held somewhere: the collector unmaps it
                pass


def _swapped(view: memoryview) -> array:
    values = array(view.format, view.tobytes())
    values.byteswap()
    return values
