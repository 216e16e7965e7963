"""Sorted run files: tables spilled to disk in key order and merged back by key.

A run is a UTF-8 text file of `key<TAB>value` lines sorted by key (code point order, which is
the order of the keys' UTF-8 bytes). Keys hold no tab, line break or other control character,
so a line sorts exactly as its key. Merging reads every run once, in order, whatever the number
of runs (more than `FAN_IN` are merged in rounds), so memory does not grow with the data.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

FAN_IN = 64


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write `lines` to `path`, one a line, atomically: a partly written file is never seen (runs and outputs)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)


def _read(path: Path, index: int) -> Iterator[tuple[str, int, str]]:
    with open(path, encoding="utf-8", newline="\n") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            yield key, index, value


def grouped(paths: list[Path]) -> Iterator[tuple[str, list[str]]]:
    """(key, values) in key order; the values of a key come in the order of `paths`."""
    key: str | None = None
    values: list[str] = []
    for k, _, v in heapq.merge(*(_read(p, i) for i, p in enumerate(paths))):
        if k != key:
            if key is not None:
                yield key, values
            key, values = k, []
        values.append(v)
    if key is not None:
        yield key, values


def merge_runs(
    paths: Iterable[Path], combine: Callable[[list[str]], str], tmp_dir: Path, name: str, fan_in: int | None = None
) -> Iterator[tuple[str, str]]:
    """(key, combined value) over all runs in key order; `combine` folds the values of one key.

    `combine` must be associative (runs are merged `fan_in` at a time, in rounds written to `tmp_dir`
    as files named after `name`).
    """
    paths = list(paths)
    fan_in = fan_in or FAN_IN
    made: list[Path] = []
    level = 0
    while len(paths) > fan_in:
        merged = []
        for i in range(0, len(paths), fan_in):
            out = tmp_dir / f"{name}-{level}-{i // fan_in}.merge"
            write_lines(out, (f"{k}\t{combine(vs)}" for k, vs in grouped(paths[i : i + fan_in])))
            merged.append(out)
        for p in made:
            p.unlink()
        made, paths, level = merged, merged, level + 1
    try:
        for k, vs in grouped(paths):
            yield k, combine(vs)
    finally:
        for p in made:
            p.unlink(missing_ok=True)
