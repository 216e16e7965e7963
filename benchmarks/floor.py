"""The floor of pure Python for the first pass: what a decision's candidate lookup alone costs, at its cheapest.

    python -m benchmarks.floor [--runs 3]

A first pass is a warm pass plus the decisions a fresh checker must make (the warm pass makes none: every form is
decided and cached). This counts, over one first pass of the held-out news files, the calls of `Speller._decide`,
the distinct forms they decide and the CPU time spent in them; then times, per decided form, the cheapest
candidate lookups pure Python offers for this design (max edit distance 2, prefix 7, the dictionary's own words):

- `minimal`: a delete-dict lookup in a dozen lines over an in-memory dict (the delete index read from
  `deletes.tsv` into a dict of tuples): deletes of the prefix, their words, a length filter, `editdistpy`'s
  distance, a sort; no morphology, no model;
- `symspellpy`: `SymSpell.lookup(word, Verbosity.ALL, 2)` over the same words and counts, when it is installed;
- `DeleteIndex`: the project's own lookup over the mapped table, with every cache empty.

A cold `suggest` computes the lookup of its word and of the stems the morphology tries; those lookups alone, each
done by `minimal`, give the floor of a cold suggest in pure Python for this design.

Then `best rate = tokens / (warm pass CPU + distinct forms x floor)`: the most a first pass can reach while each
decided form costs at least one such lookup (a form decided again in another context reuses its candidates) and
nothing else: no morphology, no model; and the time a decided form may take for the 500k tokens/s target. It
prints counts and times only, never a finding (the held-out files may be timed, not read). CPU time of the calling
thread; medians over `--runs`.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from itertools import combinations, repeat
from pathlib import Path

from .environment import shared_corpus
from .speed import _fresh_speller, held_out_texts, word_tokens

#: The first-pass target of issue 13, tokens per CPU second.
TARGET = 500_000


def minimal_lookup(index: dict[str, tuple[str, ...]], word: str, limit: int = 2, prefix: int = 7) -> list[str]:
    """The cheapest SymSpell lookup: words within `limit` edits (OSA) of `word`, nearest first, then alphabetical."""
    from editdistpy import damerau_osa

    key = word[:prefix]
    keys = {key}
    for removed in range(1, min(limit, len(key) - 1) + 1):
        keys.update(map("".join, combinations(key, len(key) - removed)))
    n = len(word)
    near = {w for k in keys for w in index.get(k, ()) if abs(len(w) - n) <= limit}
    found = [(d, w) for w, d in zip(near, map(damerau_osa.distance, repeat(word), near, repeat(limit))) if d >= 0]
    found.sort()
    return [w for _, w in found]


def read_deletes(path: Path) -> dict[str, tuple[str, ...]]:
    """deletes.tsv as an in-memory dict: delete key -> the words stored under it."""
    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, words = line.rstrip("\n").partition("\t")
            out[key] = tuple(words.split(" ")) if words else ()
    return out


def first_pass_decisions(texts: dict[str, str]) -> dict[str, float]:
    """One first pass of a fresh checker with `Speller._decide` counted and timed, then one warm pass."""
    from speller import Dictionary, Speller
    from speller.tokenize import fold

    speller = _fresh_speller(Dictionary())
    calls: list[str] = []
    spent = [0]
    decide = Speller._decide

    def counted(self: Speller, text: str, *args: object, **kwargs: object):  # noqa: ANN202
        t0 = time.thread_time_ns()
        try:
            return decide(self, text, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            spent[0] += time.thread_time_ns() - t0
            calls.append(fold(text))

    Speller._decide = counted  # type: ignore[method-assign]
    try:
        gc.collect()
        t0 = time.thread_time()
        for text in texts.values():
            speller.check(text)
        first = time.thread_time() - t0
    finally:
        Speller._decide = decide  # type: ignore[method-assign]
    t0 = time.thread_time()
    for text in texts.values():
        speller.check(text)
    warm = time.thread_time() - t0
    return {"first": first, "warm": warm, "decisions": len(calls), "forms": len(set(calls)), "decide": spent[0] / 1e9}


def decided_forms(texts: dict[str, str]) -> list[str]:
    """The distinct (lowercase) forms a fresh checker's first pass decides, in the order first met."""
    from speller import Dictionary, Speller
    from speller.tokenize import fold

    speller = _fresh_speller(Dictionary())
    seen: dict[str, None] = {}
    decide = Speller._decide

    def noted(self: Speller, text: str, *args: object, **kwargs: object):  # noqa: ANN202
        seen.setdefault(fold(text))
        return decide(self, text, *args, **kwargs)  # type: ignore[arg-type]

    Speller._decide = noted  # type: ignore[method-assign]
    try:
        for text in texts.values():
            speller.check(text)
    finally:
        Speller._decide = decide  # type: ignore[method-assign]
    return list(seen)


def per_call_us(fn: Callable[[str], object], words: list[str]) -> tuple[float, float]:
    """(median, mean) CPU microseconds of `fn` over `words`, one call each."""
    times = []
    for w in words:
        t0 = time.thread_time_ns()
        fn(w)
        times.append((time.thread_time_ns() - t0) / 1000)
    return statistics.median(times), statistics.fmean(times)


def floors(words: list[str]) -> dict[str, tuple[float, float]]:
    """(median, mean) CPU microseconds per word of each cheapest lookup."""
    from speller import Dictionary
    from speller.symspell import DeleteIndex

    d = Dictionary()
    out: dict[str, tuple[float, float]] = {}
    index = read_deletes(Path(d.path) / "deletes.tsv")
    fresh = DeleteIndex(d.delete_table or d.deletes, d.max_edit_distance, d.prefix_length)
    fresh.lookup("pemerintahh")  # maps the table (and so reads its word list)
    out["minimal"] = per_call_us(lambda w: minimal_lookup(index, w, d.max_edit_distance, d.prefix_length), words)
    try:
        from symspellpy import SymSpell, Verbosity
    except ImportError:
        pass
    else:
        sym = SymSpell(d.max_edit_distance, d.prefix_length)
        table = d.delete_table
        vocabulary = table.words if table is not None and table.words else list(d.counts)
        for w in vocabulary:
            sym.create_dictionary_entry(w, max(d.count(w), 1))
        out["symspellpy"] = per_call_us(lambda w: sym.lookup(w, Verbosity.ALL, d.max_edit_distance), words)
    out["DeleteIndex"] = per_call_us(fresh.lookup, words)
    return out


def suggest_lookups(texts: dict[str, str], words: int) -> list[list[tuple[str, int]]]:
    """For each of `words` cold suggests (`benchmarks.cold_suggest`'s words, one fresh checker), the lookups
    (string, max distance) it computes: the word's own and those of the stems the morphology tries."""
    from speller import Dictionary, Speller
    from speller.symspell import DeleteIndex

    from .speed import misspellings

    d = Dictionary()
    typos = [c[0] for c in misspellings(Speller(d), texts, words)]
    speller = _fresh_speller(d)
    speller.suggest("pemerintahh")
    found: list[tuple[str, int]] = []
    lookup = DeleteIndex.lookup

    def noted(self: DeleteIndex, word: str, max_distance: int | None = None) -> list[tuple[str, int]]:
        limit = self.max_distance if max_distance is None else min(max_distance, self.max_distance)
        if (word, limit) not in self._cache and (word, self.max_distance) not in self._cache:
            found.append((word, limit))
        return lookup(self, word, max_distance)

    out = []
    DeleteIndex.lookup = noted  # type: ignore[method-assign]
    try:
        for t in typos:
            found = []
            speller.suggest(t)
            out.append(found)
    finally:
        DeleteIndex.lookup = lookup  # type: ignore[method-assign]
    return out


def suggest_floor(texts: dict[str, str], words: int) -> tuple[float, float, float]:
    """(lookups a cold suggest computes, median, p99 CPU microseconds of those lookups done by `minimal_lookup`):
    what a cold suggest's candidate lookups alone cost at the cheapest, before any morphology or model."""
    from speller import Dictionary

    d = Dictionary()
    index = read_deletes(Path(d.path) / "deletes.tsv")
    per_suggest = suggest_lookups(texts, words)
    times = []
    for lookups in per_suggest:
        t0 = time.thread_time_ns()
        for word, limit in lookups:
            minimal_lookup(index, word, limit, d.prefix_length)
        times.append((time.thread_time_ns() - t0) / 1000)
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.fmean(len(x) for x in per_suggest), statistics.median(times), p99


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="first passes and lookup runs (median; default 3)")
    ap.add_argument("--words", type=int, default=1000, help="cold suggests (default 1000, as cold_suggest)")
    args = ap.parse_args(argv)
    texts = held_out_texts(shared_corpus())
    floors_of_suggest = [suggest_floor(texts, args.words) for _ in range(args.runs)]
    lookups, median, p99 = (statistics.median(f[i] for f in floors_of_suggest) for i in range(3))
    print(
        f"cold suggest ({args.words} words): {lookups:.1f} lookups computed a suggest; those lookups alone, done by "
        f"the minimal lookup: median {median:,.0f} us, p99 {p99:,.0f} us (targets for the whole suggest: 100 / 2,000)"
    )
    tokens = sum(word_tokens(t) for t in texts.values())
    passes = [first_pass_decisions(texts) for _ in range(args.runs)]
    row = {k: statistics.median(p[k] for p in passes) for k in passes[0]}
    print(
        f"first pass, {tokens:,} word tokens: {row['first']:.3f} s CPU ({tokens / row['first']:,.0f} tok/s); "
        f"warm pass {row['warm']:.3f} s ({tokens / row['warm']:,.0f} tok/s)"
    )
    print(
        f"  _decide: {row['decisions']:,.0f} calls, {row['forms']:,.0f} distinct forms, {row['decide']:.3f} s CPU "
        f"({1e6 * row['decide'] / max(row['decisions'], 1):,.0f} us a call)"
    )
    words = decided_forms(texts)
    runs = [floors(words) for _ in range(args.runs)]
    forms = row["forms"]  # a form met again in another context reuses its candidates: one lookup a form
    for name in runs[0]:
        median = statistics.median(r[name][0] for r in runs)
        mean = statistics.median(r[name][1] for r in runs)
        best = tokens / (row["warm"] + forms * mean / 1e6)
        print(
            f"  floor {name:12} median {median:6,.1f} us, mean {mean:6,.1f} us a form -> best first pass "
            f"{best:,.0f} tok/s (warm + {forms:,.0f} forms x mean)"
        )
    budget = (tokens / TARGET - row["warm"]) / forms * 1e6
    print(
        f"  {TARGET:,} tok/s leaves {budget:,.1f} us a decided form at this warm pass ({tokens / row['warm']:,.0f} "
        f"tok/s); at a warm pass of 1M tok/s, {(tokens / TARGET - tokens / 1e6) / forms * 1e6:,.1f} us"
    )


if __name__ == "__main__":
    main()
