"""Cold `suggest` of misspelled words and the first pass over held-out news, in CPU time, without the whole speed run.

    python -m benchmarks.cold_suggest                 # 1,000 words, 3 runs each; medians of the runs
    python -m benchmarks.cold_suggest --only suggest  # or: --only pass
    python -m benchmarks.cold_suggest --only suggest --slowest 15 --stages   # where a cold suggest spends its time
    python -m benchmarks.cold_suggest --only suggest --breakdown             # its parts, for typical and slow words
    python -m benchmarks.cold_suggest --only suggest --runs 1 --tail         # the slowest 2%, each with its parts
    python -m benchmarks.cold_suggest --only suggest --runs 1 --own          # own time of the functions it runs

The words and the meaning of *cold* are `benchmarks.speed.bench_words`'s (seeded single-edit typos of held-out
words; a fresh `Speller` over a loaded dictionary, so each word is met for the first time); the first pass is
`bench_throughput`'s (a fresh `Speller` checking each held-out file once). Times are the calling thread's CPU
time, so other work on the machine weighs less than on the wall clock.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial, wraps
from typing import Any

from .environment import shared_corpus
from .speed import _fresh_speller, held_out_texts, misspellings, word_tokens


def _cpu_us(fn, arg) -> float:  # noqa: ANN001
    t0 = time.thread_time_ns()
    fn(arg)
    return (time.thread_time_ns() - t0) / 1000


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


def cold_suggest(texts: dict[str, str], words: int, runs: int, slowest: int = 0) -> tuple[float, float]:
    """(median, p99) in microseconds of a cold `suggest`, each the median over `runs` fresh spellers; prints the
    `slowest` words of the last run."""
    from speller import Dictionary, Speller

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    medians, p99s = [], []
    times: list[float] = []
    for _ in range(runs):
        speller = _fresh_speller(dictionary)
        speller.suggest("pemerintahh")  # maps the delete index and builds the morphology, as bench_words does
        gc.collect()
        times = [_cpu_us(speller.suggest, t) for t in typos]
        medians.append(statistics.median(times))
        p99s.append(_p99(times))
    if slowest:
        ranked = sorted(zip(times, typos))[-slowest:]
        print("slowest cold suggests, CPU us:", ", ".join(f"{w} {t:,.0f}" for t, w in ranked))
    return statistics.median(medians), statistics.median(p99s)


def stages(texts: dict[str, str], words: int) -> None:
    """Median and p99 of each stage of a cold `suggest`'s candidates, one word after the other in one fresh speller
    (a stage reuses what the stages before it cached): SymSpell's lookup of the word, the inflected offers (their
    stems' lookups included), the lazy validation that cuts them to the weighed ones; then the whole suggest, in
    another fresh speller."""
    from speller import Dictionary, Speller
    from speller.candidates import LazyCandidates

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    found: dict[str, list[float]] = {"lookup": [], "inflected offers": [], "lazy validation": [], "suggest": []}
    speller = _fresh_speller(dictionary)
    speller.suggest("pemerintahh")
    lookup, morphology = speller._index.lookup, speller.morphology
    for t in typos:
        found["lookup"].append(_cpu_us(lookup, t))
        found["inflected offers"].append(_cpu_us(partial(morphology.inflected_offers, correct_head=lookup), t))
        found["lazy validation"].append(_cpu_us(LazyCandidates.weighed, LazyCandidates(speller, t)))
    speller = _fresh_speller(dictionary)
    speller.suggest("pemerintahh")
    found["suggest"] = [_cpu_us(speller.suggest, t) for t in typos]
    for stage, times in found.items():
        print(f"  {stage}, CPU: median {statistics.median(times):,.0f} us, p99 {_p99(times):,.0f} us")


#: The parts of a cold suggest `breakdown` times: (owner module, class or None, function, label). A part's time is
#: its own, the parts it calls left out (a lookup inside the inflected offers counts as a lookup).
PARTS = (
    ("speller.symspell", "DeleteIndex", "lookup", "candidate lookups (the word's and the stems')"),
    ("speller.morphology", "Morphology", "inflected_offers", "inflected offers, but their lookups"),
    ("speller.morphology", "Morphology", "is_valid", "validating offers (morphology analysis)"),
    ("speller.candidates", "LazyCandidates", "weighed", "cutting the candidates to the weighed ones"),
    ("speller.checker", "Speller", "_prior", "the written word's prior"),
    ("speller.checker", None, "decide", "model.decide (scores, error costs)"),
    ("speller.checker", "Speller", "_computed_verdict", "the word's and candidates' rule verdicts"),
)


class _Meter:
    """CPU time of each wrapped function, its own only: time spent in another wrapped function called from it goes
    to that one."""

    def __init__(self) -> None:
        self.spent: dict[str, int] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[int]] = []  # per running call: [its own time so far, start of its current stretch]

    def wrap(self, fn: Callable, label: str) -> Callable:
        stack = self._stack

        @wraps(fn)
        def timed(*args: object, **kwargs: object) -> object:
            now = time.thread_time_ns()
            if stack:  # the caller's stretch ends here
                stack[-1][0] += now - stack[-1][1]
            stack.append([0, now])
            try:
                return fn(*args, **kwargs)
            finally:
                now = time.thread_time_ns()
                own, since = stack.pop()
                self.spent[label] = self.spent.get(label, 0) + own + now - since
                self.calls[label] = self.calls.get(label, 0) + 1
                if stack:  # the caller's next stretch starts here
                    stack[-1][1] = now

        return timed


@contextmanager
def _metered(parts: tuple[tuple[str, str | None, str, str], ...]) -> Iterator[_Meter]:
    """The `parts` wrapped by one `_Meter` while the block runs, put back after."""
    import importlib

    meter = _Meter()
    saved = []
    for module_name, owner_name, name, label in parts:
        module = importlib.import_module(module_name)
        owner = getattr(module, owner_name) if owner_name else module
        saved.append((owner, name, owner.__dict__[name] if owner_name else getattr(owner, name)))
        setattr(owner, name, meter.wrap(getattr(owner, name), label))
    try:
        yield meter
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


#: The functions `own` times (same form as `PARTS`): where a cold suggest's own CPU time goes, function by function,
#: finer than `PARTS` (an offer's validation is mostly `_analyze_all`; the lookups' own time is mostly the delete
#: keys' probes and the distances).
OWN_PARTS = (
    ("speller.symspell", "DeleteIndex", "lookup", "DeleteIndex.lookup (distances, sorts)"),
    ("speller.symspell", "DeleteIndex", "_gathered", "DeleteIndex._gathered (deletes, sort)"),
    ("speller.hashindex", "HashIndex", "ids_of", "HashIndex.ids_of (delete keys' probes)"),
    ("speller.hashindex", "HashIndex", "words_of", "HashIndex.words_of"),
    ("speller.morphology", "Morphology", "inflected_offers", "Morphology.inflected_offers"),
    ("speller.morphology", "Morphology", "_analyze_all", "Morphology._analyze_all"),
    ("speller.morphology", "Morphology", "family", "Morphology.family"),
    ("speller.candidates", "LazyCandidates", "weighed", "LazyCandidates.weighed"),
    ("speller.model", None, "error_cost", "context.error_cost (cached per pair)"),
    ("speller.checker", None, "decide", "model.decide (but its error costs)"),
    ("speller.sortedlines", "SortedRows", "get", "SortedRows.get (tables by bisection)"),
    ("speller.checker", "Speller", "_prior", "Speller._prior"),
    ("speller.checker", "Speller", "_computed_verdict", "Speller._computed_verdict"),
)


#: The part `_part_rows(..., word_apart=True)` times apart from the other lookups: the suggested word's own.
WORD_LOOKUP = "the word's own lookup"


def _part_rows(
    texts: dict[str, str],
    words: int,
    word_apart: bool = False,
    parts: tuple[tuple[str, str | None, str, str], ...] = PARTS,
) -> tuple[list[str], list[tuple[int, dict[str, int], dict[str, int]]], Any]:
    """The typos; per typo, its cold suggest's CPU time (ns), the own time of each of `parts` and their calls; and
    the checker whose caches served them: one fresh speller, the words in order, the parts wrapped by a `_Meter`.
    `word_apart`: a lookup of the suggested word itself counts as `WORD_LOOKUP`, the lookup part keeps the others."""
    from speller import Dictionary, Speller
    from speller.symspell import DeleteIndex

    dictionary = Dictionary()
    typos = [c[0] for c in misspellings(Speller(dictionary), texts, words)]
    speller = _fresh_speller(dictionary)
    speller.suggest("pemerintahh")
    rows: list[tuple[int, dict[str, int], dict[str, int]]] = []  # total, own time per part, calls per part
    current = [""]  # the word being suggested
    with _metered(parts) as meter:
        if word_apart:  # the meter's lookup (the stems') and a second one for the word's, chosen per call
            others = DeleteIndex.__dict__["lookup"]
            own = meter.wrap(others.__wrapped__, WORD_LOOKUP)

            def routed(index: DeleteIndex, word: str, max_distance: int | None = None) -> Any:
                return (own if word == current[0] else others)(index, word, max_distance)

            DeleteIndex.lookup = routed  # type: ignore[method-assign,assignment]  # put back by `_metered`
        for t in typos:
            current[0] = t
            spent, calls = dict(meter.spent), dict(meter.calls)
            t0 = time.thread_time_ns()
            speller.suggest(t)
            total = time.thread_time_ns() - t0
            rows.append(
                (
                    total,
                    {k: v - spent.get(k, 0) for k, v in meter.spent.items()},
                    {k: v - calls.get(k, 0) for k, v in meter.calls.items()},
                )
            )
    return typos, rows, speller._everything


def breakdown(texts: dict[str, str], words: int) -> None:
    """Where a cold `suggest` spends its CPU time: each of `PARTS` (its own time) and the rest, in us per suggest,
    for all the words, for the middle fifth by total time (the typical suggest) and for the 96th to 99th percentile
    (the tail the p99 measures);
    with the calls of each part (lookups, validations) and the inflected offers made per suggest. One fresh speller,
    the words in order; the wrappers that time the parts add about a microsecond per call."""
    typos, rows, speller = _part_rows(texts, words)
    # the offers each word's candidates weighed (lookups cached by now: cheap)
    offers = [len(speller.morphology.inflected_offers(t, speller._index.lookup)) for t in typos]
    ranked = sorted(range(len(rows)), key=lambda i: rows[i][0])
    n = len(ranked)
    groups = {  # the tail short of its slowest 1%: those are mostly the machine's spikes, whatever the word
        "all": ranked,
        "middle fifth": ranked[2 * n // 5 : 3 * n // 5],
        "96th to 99th percentile": ranked[96 * n // 100 : 99 * n // 100],
    }
    labels = [label for *_, label in PARTS]
    for name, chosen in groups.items():
        k = len(chosen)
        whole = sum(rows[i][0] for i in chosen) / k / 1000
        print(f"  {name} ({k} words): {whole:,.0f} us per suggest, CPU")
        for label in labels:
            own = sum(rows[i][1].get(label, 0) for i in chosen) / k / 1000
            made = sum(rows[i][2].get(label, 0) for i in chosen) / k
            print(f"    {label:48} {own:7,.0f} us {100 * own / whole:5.1f}%  ({made:.1f} calls)")
        rest = whole - sum(rows[i][1].get(label, 0) for i in chosen for label in labels) / k / 1000
        print(f"    {'the rest':48} {rest:7,.0f} us {100 * rest / whole:5.1f}%")
        print(f"    inflected offers made per suggest: {sum(offers[i] for i in chosen) / k:,.0f}")


def tail(texts: dict[str, str], words: int, share: float = 0.02) -> None:
    """The slowest `share` of cold suggests, one line each: the whole suggest and each of `PARTS`' own time in us
    (its calls in brackets; the word's own lookup apart from its stems'), then the inflected offers the word makes,
    its length and whether it opens with a prefix the morphology offers; what the slow words share shows in the
    columns."""
    from speller.morphology import OFFERED_SURFACES

    typos, rows, speller = _part_rows(texts, words, word_apart=True)
    ranked = sorted(range(len(rows)), key=lambda i: rows[i][0])[-max(1, round(share * len(rows))) :]
    short = {
        WORD_LOOKUP: "word lookup",
        "candidate lookups (the word's and the stems')": "stem lookups",
        "inflected offers, but their lookups": "offers",
        "validating offers (morphology analysis)": "validate",
        "cutting the candidates to the weighed ones": "cut",
        "the written word's prior": "prior",
        "model.decide (scores, error costs)": "decide",
        "the word's and candidates' rule verdicts": "verdicts",
    }
    print(f"  the slowest {len(ranked)} cold suggests, CPU us (calls):")
    for i in ranked:
        total, own, calls = rows[i]
        word = typos[i]
        parts = ", ".join(
            f"{name} {own.get(label, 0) / 1000:,.0f} ({calls.get(label, 0)})" for label, name in short.items()
        )
        offers = len(speller.morphology.inflected_offers(word, speller._index.lookup))
        prefixed = any(word.startswith(surface) for _, surface in OFFERED_SURFACES.get(word[:2], ()))
        print(f"    {word} {total / 1000:,.0f}: {parts}; {offers} offers, {len(word)} letters, prefix {prefixed}")


def own(texts: dict[str, str], words: int) -> None:
    """Each of `OWN_PARTS`' own CPU time per cold suggest (the functions it calls that are parts left out) and its
    calls, dearest first, for all the words and for the 96th to 99th percentile by total time; then the rest (the
    functions that are no part). One fresh speller, the words in order; about a microsecond per timed call is the
    wrapper's."""
    _, rows, _ = _part_rows(texts, words, parts=OWN_PARTS)
    ranked = sorted(range(len(rows)), key=lambda i: rows[i][0])
    n = len(ranked)
    for name, chosen in (("all", ranked), ("96th to 99th percentile", ranked[96 * n // 100 : 99 * n // 100])):
        k = len(chosen)
        whole = sum(rows[i][0] for i in chosen) / k / 1000
        print(f"  {name} ({k} words): {whole:,.0f} us per suggest, CPU; own time per suggest:")
        spent = {label: sum(rows[i][1].get(label, 0) for i in chosen) / k / 1000 for *_, label in OWN_PARTS}
        for label, us in sorted(spent.items(), key=lambda item: -item[1]):
            made = sum(rows[i][2].get(label, 0) for i in chosen) / k
            print(f"    {label:48} {us:7,.0f} us {100 * us / whole:5.1f}%  ({made:.1f} calls)")
        rest = whole - sum(spent.values())
        print(f"    {'the rest':48} {rest:7,.0f} us {100 * rest / whole:5.1f}%")


def first_pass(texts: dict[str, str], runs: int) -> float:
    """Tokens per CPU second of a fresh `Speller`'s first check of each held-out file (median over `runs`)."""
    from speller import Speller, context

    tokens = sum(word_tokens(t) for t in texts.values())
    rates = []
    for _ in range(runs):
        context.error_cost.cache_clear()
        speller = Speller()
        cpu = 0.0
        for text in texts.values():
            c0 = time.process_time()
            speller.check(text)
            cpu += time.process_time() - c0
        rates.append(tokens / cpu)
    return statistics.median(rates)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.cold_suggest", description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--words", type=int, default=1000, help="misspelled words (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measure (default 3)")
    ap.add_argument("--only", choices=("suggest", "pass"), help="one measure only")
    ap.add_argument("--slowest", type=int, default=0, help="list the N slowest cold suggests")
    ap.add_argument("--stages", action="store_true", help="also time the stages of a cold suggest's candidates")
    ap.add_argument("--breakdown", action="store_true", help="also split a cold suggest's time into its parts")
    ap.add_argument("--tail", action="store_true", help="also list the slowest 2%% of cold suggests with their parts")
    ap.add_argument("--own", action="store_true", help="also split a cold suggest's time by function (own time)")
    args = ap.parse_args(argv)
    texts = held_out_texts(shared_corpus())
    if args.only != "pass":
        median, p99 = cold_suggest(texts, args.words, args.runs, args.slowest)
        print(f"cold suggest, CPU: median {median:,.0f} us, p99 {p99:,.0f} us ({args.words} words, {args.runs} runs)")
        if args.stages:
            stages(texts, args.words)
        if args.breakdown:
            breakdown(texts, args.words)
        if args.tail:
            tail(texts, args.words)
        if args.own:
            own(texts, args.words)
    if args.only != "suggest":
        rate = first_pass(texts, args.runs)
        print(f"first pass, CPU: {rate:,.0f} tokens/s ({args.runs} runs)")


if __name__ == "__main__":
    main()
