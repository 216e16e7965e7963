"""Build the dictionary files from plain-text news.

`build()` streams text files (in chunks, on several processes), counts words and within-run
bigrams, keeps the words that pass the rules below and writes plain, sorted, diffable files:

- `words.tsv`   `word<TAB>count<TAB>lower`: every kept word (lowercased), how often it occurs, and
  how often it was written all in lowercase (a low share marks names such as `putin`).
- `bigrams.tsv` `left right<TAB>count`: pairs of kept words that stood next to each other with
  only spaces between them (never across a line break, a sentence end or any punctuation).
- `joins.tsv`   `left right<TAB>joined`: frequent words that news almost never writes as two
  words (`di lakukan` -> `dilakukan`), by the rule in `speller.spacing.written_apart`.
- `deletes.tsv` `delete<TAB>word word ...`: the SymSpell delete index of every kept word seen at
  least `suggest_min_count` times (names included, so `Jakrta` can get `Jakarta`), so a checker maps
  it instead of rebuilding it at every start.
- `roots.txt`   the root lexicon, when one is given.
- `meta.json`   format version, sources, sizes and the thresholds used.

A word is kept when it is made of Latin letters (with internal hyphens or apostrophes) and occurs
at least `min_count` times in at least `min_sources` different files. Every corpus holds typos
(`sepeti` 9 times beside `seperti` 14,910), but the builder keeps their real counts instead of
guessing: the checker's model weighs a rare word against its frequent look-alikes when it reads a
text. Output is sorted, so the same inputs give byte-identical files whatever the number of processes.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterable, Iterator

import regex

from .spacing import written_apart
from .symspell import deletes
from .tokenize import runs

FORMAT_VERSION = 1
CHUNK_BYTES = 1 << 20
_LATIN_WORD = regex.compile(r"^\p{Latin}+(?:['-]\p{Latin}+)*$")
_TRIPLE = regex.compile(r"(.)\1\1")


@dataclass(frozen=True)
class BuildOptions:
    """Thresholds of a build; they are written into `meta.json`."""

    min_count: int = 3
    min_sources: int = 2
    bigram_min_count: int = 2
    suggest_min_count: int = 3
    max_edit_distance: int = 2
    prefix_length: int = 7
    max_word_length: int = 30


@dataclass
class Counts:
    """Counts gathered from some text."""

    words: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    sources: dict[str, set[str]] = field(default_factory=dict)
    tokens: int = 0

    def merge(self, other: "Counts") -> None:
        self.words.update(other.words)
        self.lower.update(other.lower)
        self.bigrams.update(other.bigrams)
        for w, s in other.sources.items():
            self.sources.setdefault(w, set()).update(s)
        self.tokens += other.tokens


def is_text_file(path: Path) -> bool:
    """A file is text when its first 8 KiB hold no NUL byte."""
    with open(path, "rb") as f:
        return b"\0" not in f.read(8192)


def find_sources(paths: Iterable[Path], exclude: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """(file, label) for the text files named or found under the folders named, minus `exclude` globs.

    A label names a file relative to the source it was found in (`corpus/tempo.txt`), so two
    files of the same name in different folders stay two sources, and no absolute path is kept.
    """
    excluded = list(exclude)
    found: dict[str, Path] = {}
    for p in map(Path, paths):
        if p.is_dir():
            for f in p.rglob("*"):
                if f.is_file() and f.suffix in (".txt", ".md"):
                    found[f"{p.resolve().name}/{f.relative_to(p).as_posix()}"] = f
        elif p.is_file():
            found[p.name] = p
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    keep = {label: f for label, f in found.items() if not any(f.match(g) or f.name == g for g in excluded)}
    return [(keep[label], label) for label in sorted(keep)]


def _chunks(path: Path, label: str) -> Iterator[tuple[str, str, int, int]]:
    """Byte ranges of about CHUNK_BYTES that end at a line break."""
    size = path.stat().st_size
    start = 0
    with open(path, "rb") as f:
        while start < size:
            f.seek(min(start + CHUNK_BYTES, size))
            f.readline()
            end = min(f.tell(), size)
            yield str(path), label, start, end
            start = end


def count_text(text: str, source: str) -> Counts:
    """Count words (with their lowercase share) and within-run bigrams of `text`."""
    c = Counts()
    for line in text.splitlines():
        for run in runs(line):
            lowered = [w.lower().replace("’", "'") for w in run]
            c.tokens += len(run)
            c.words.update(lowered)
            c.lower.update(w for w, low in zip(run, lowered) if w == low)
            c.bigrams.update(zip(lowered, lowered[1:]))
    for w in c.words:
        c.sources[w] = {source}
    return c


def _count_chunk(job: tuple[str, str, int, int]) -> Counts:
    path, label, start, end = job
    with open(path, "rb") as f:
        f.seek(start)
        text = f.read(end - start).decode("utf-8", errors="replace")
    return count_text(text, label)


def count_sources(files: list[tuple[Path, str]], jobs: int = 0, progress: bool = False) -> Counts:
    """Count all (file, label) pairs on `jobs` processes (0 = every core); the result does not depend on `jobs`."""
    work = [c for f, label in files for c in _chunks(f, label)]
    jobs = jobs or os.cpu_count() or 1
    total = Counts()
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(e - s for _, _, s, e in work), unit="B", unit_scale=True, desc="counting")
    if jobs == 1 or len(work) <= 1:
        results: Iterable[Counts] = map(_count_chunk, work)
        pool = None
    else:
        pool = get_context("fork" if hasattr(os, "fork") else "spawn").Pool(jobs)
        results = pool.imap(_count_chunk, work, chunksize=1)
    try:
        for job, counts in zip(work, results):
            total.merge(counts)
            if bar:
                bar.update(job[3] - job[2])
    finally:
        if pool:
            pool.close()
            pool.join()
        if bar:
            bar.close()
    return total


def select_words(counts: Counts, opts: BuildOptions) -> dict[str, int]:
    """The words that pass the rules in the module docstring, with their counts."""
    return dict(
        {
            w: n
            for w, n in counts.words.items()
            if n >= opts.min_count
            and len(counts.sources.get(w, ())) >= opts.min_sources
            and len(w) <= opts.max_word_length
            and _LATIN_WORD.match(w)
            and not _TRIPLE.search(w)
        }
    )


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_roots(path: Path) -> frozenset[str]:
    """A root list: one word per line, `#` comments ignored, lowercased."""
    with open(path, encoding="utf-8") as f:
        return frozenset(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))


def sastrawi_roots_path() -> Path:
    """The KBBI root list shipped inside the `Sastrawi` package (install `speller[build]`)."""
    import Sastrawi  # noqa: PLC0415 - optional build dependency

    return Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"


def english_words(min_zipf: float = 3.0, min_length: int = 4) -> list[str]:
    """Frequent English words from `wordfreq` (install `speller[build]`): quoted English in news is not a typo."""
    import wordfreq  # noqa: PLC0415 - optional build dependency

    return sorted(
        w
        for w in wordfreq.top_n_list("en", 100_000)
        if len(w) >= min_length and w.isascii() and w.isalpha() and wordfreq.zipf_frequency(w, "en") >= min_zipf
    )


def build(
    sources: list[Path],
    out_dir: Path,
    *,
    exclude: Iterable[str] = (),
    roots: Path | None = None,
    options: BuildOptions = BuildOptions(),
    jobs: int = 0,
    progress: bool = False,
    english: bool = False,
) -> dict:
    """Build the dictionary files from `sources` into `out_dir`; returns the metadata written."""
    files = find_sources(sources, exclude)
    if not files:
        raise FileNotFoundError("no text files found in the sources given")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    root_set = read_roots(roots) if roots else frozenset()
    counts = count_sources(files, jobs=jobs, progress=progress)
    words = select_words(counts, options)

    _write_lines(out_dir / "words.tsv", (f"{w}\t{n}\t{counts.lower[w]}" for w, n in sorted(words.items())))

    pairs = sorted(
        (f"{a} {b}".encode(), n)
        for (a, b), n in counts.bigrams.items()
        if n >= options.bigram_min_count and a in words and b in words
    )
    _write_lines(out_dir / "bigrams.tsv", (f"{k.decode()}\t{n}" for k, n in pairs))

    apart = sorted(
        (f"{left} {right}".encode(), joined)
        for left, right, joined in written_apart(words, lambda a, b: counts.bigrams.get((a, b), 0))
    )
    _write_lines(out_dir / "joins.tsv", (f"{k.decode()}\t{joined}" for k, joined in apart))

    index: dict[str, list[str]] = {}
    suggest = [w for w, n in words.items() if n >= options.suggest_min_count]
    for w in sorted(suggest):
        for d in deletes(w, options.max_edit_distance, options.prefix_length):
            index.setdefault(d, []).append(w)
    keys = sorted(index, key=lambda k: k.encode())
    _write_lines(out_dir / "deletes.tsv", (f"{k}\t{' '.join(index[k])}" for k in keys))

    if roots:
        header = "# Root lexicon (one lowercase root per line); source and licence: see README.md."
        _write_lines(out_dir / "roots.txt", [header, *sorted(root_set)])

    if english:
        header = "# Frequent English words (wordfreq 3, zipf >= 3.0, 4+ letters); data licence CC BY-SA 4.0."
        _write_lines(out_dir / "english.txt", [header, *english_words()])

    meta = {
        "format_version": FORMAT_VERSION,
        "english": english,
        "sources": [
            {"name": label, "bytes": f.stat().st_size, "sha256": _sha256(f)} for f, label in files
        ],
        "roots": {"name": Path(roots).name, "words": len(root_set)} if roots else None,
        "options": asdict(options),
        "tokens": counts.tokens,
        "distinct_words_seen": len(counts.words),
        "words": len(words),
        "bigrams": len(pairs),
        "joins": len(apart),
        "suggestion_words": len(suggest),
        "delete_keys": len(keys),
        # sizes let the loader refuse a truncated file at once and check blocks as it reads them
        "file_bytes": {name: (out_dir / name).stat().st_size for name in ("bigrams.tsv", "deletes.tsv")},
    }
    _write_lines(out_dir / "meta.json", [json.dumps(meta, indent=2, sort_keys=True)])
    return meta
