"""What a first pass could save by tokenizing a text once instead of once per window (issue #13's lead: "the checker
tokenizes each window again"), measured before building it, on slices of build-corpus files.

    python -m benchmarks.window_bound [--file NAME ...] [--tokens N] [--runs N]

For each file (default clickid-fimela.txt, clickid-kompas.txt, clickid-okezone.txt) a fresh `Speller` checks the first
N word tokens (default 200,000), with the windows `Speller._check_window` tokenizes recorded and the CPU time of their
tokenizing taken. Then, on the same text, the CPU time of the two ways to tokenize less:

- *whole text*: `tokenize(text)` once.
- *stretches*: the windows that overlap merged into stretches, each tokenized once. A window inside a stretch gets the
  stretch's tokens between its first and last space or line break (no token crosses one: `speller.tokenize._BREAKS`)
  and still tokenizes the runs its edges cut (`Indon|esia`): those edge tokenizations are timed too. That each
  window's tokens come out the same this way is checked (an assertion).

Prints per file the pass's CPU time, the windows' tokenizing, and what each way would cost instead. Also the CPU time
`speller.model.written_prior` spends on a word it has already priced with other flags (the brief's `_prior` lead).
"""

from __future__ import annotations

import bisect
import statistics
import time
from typing import TYPE_CHECKING, NamedTuple

from .first_pass import slice_arguments, slices

if TYPE_CHECKING:
    from speller.dictionary import Dictionary
    from speller.tokenize import Token


def _stretches(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The windows' (begin, end) spans merged where they overlap, in order."""
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def _breaks(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The first and the last space or line break in `text[begin:end]` (`speller.tokenize._BREAKS`), if any."""
    from speller.tokenize import _BREAKS

    firsts = [i for i in (text.find(ch, begin, end) for ch in _BREAKS) if i >= 0]
    if not firsts:
        return None
    return min(firsts), max(text.rfind(ch, begin, end) for ch in _BREAKS)


def _window_tokens(text: str, begin: int, end: int, stretch: tuple[int, int], own: list[Token]) -> list[Token]:
    """The tokens of the window `text[begin:end]` from those of the stretch holding it (`own`: the stretch's tokens):
    the stretch's between the window's first and last break, and at an edge the window shares with the stretch; the
    runs its other edges cut tokenized anew. No token crosses a break, so these are `tokenize(text, begin, end)`
    (tests/test_tokenize_windows.py)."""
    from speller.tokenize import tokenize

    s_begin, s_end = stretch
    found = _breaks(text, begin, end)
    if found is None:
        return list(tokenize(text, begin, end))
    head, tail = found
    lo = bisect.bisect_left(own, head, key=lambda t: t.start)
    hi = bisect.bisect_left(own, tail, key=lambda t: t.start)
    got = own[:lo] if begin == s_begin else list(tokenize(text, begin, head))
    got += own[lo:hi]
    got += own[hi:] if end == s_end else list(tokenize(text, tail, end))
    return got


def _cut_edges(text: str, begin: int, end: int, stretch: tuple[int, int]) -> int:
    """How many edges of the window `text[begin:end]` are tokenized anew by `_window_tokens`."""
    if _breaks(text, begin, end) is None:
        return 1
    return (begin != stretch[0]) + (end != stretch[1])


class _Pass(NamedTuple):
    """What a fresh checker's first pass over a text spent on tokenizing windows and on priors priced again."""

    took: float
    """The pass's CPU time."""
    spans: list[tuple[int, int]]
    """The (begin, end) of each window it tokenized, in order."""
    tokenizing: float
    """The CPU time of their tokenizing."""
    again: int
    """How many times `written_prior` priced a word it had priced before (with other flags)."""
    again_took: float
    """Their CPU time."""


def _first_pass(text: str, dictionary: Dictionary) -> _Pass:
    """A fresh checker's first pass over `text`, its windows' tokenizing and its priors priced again recorded."""
    from speller import checker
    from speller.tokenize import tokenize

    from .speed import _fresh_speller

    spans: list[tuple[int, int]] = []
    spent = [0.0, 0.0]  # tokenizing windows, pricing again
    priced: set[str] = set()
    again = [0]

    def recorded(text: str, pos: int = 0, endpos: int | None = None) -> list[Token]:
        if endpos is None:  # not a window (a word's own tokens)
            return list(tokenize(text, pos))
        start = time.process_time()
        found = list(tokenize(text, pos, endpos))
        spent[0] += time.process_time() - start
        spans.append((pos, endpos))
        return found

    def prior(d, word, *args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.process_time()
        found = written_prior(d, word, *args, **kwargs)
        if word in priced:
            spent[1] += time.process_time() - start
            again[0] += 1
        priced.add(word)
        return found

    written_prior = checker.written_prior
    checker.tokenize, checker.written_prior = recorded, prior  # type: ignore[assignment]
    try:
        speller = _fresh_speller(dictionary)
        start = time.process_time()
        speller.check(text)
        took = time.process_time() - start
    finally:
        checker.tokenize, checker.written_prior = tokenize, written_prior  # type: ignore[assignment]
    return _Pass(took, spans, spent[0], again[0], spent[1])


def _timings(text: str, spans: list[tuple[int, int]], runs: int) -> tuple[dict[str, float], int]:
    """The median CPU time (of `runs`, interleaved: the machine is shared) of tokenizing each window anew
    (`windows`), the whole text once (`whole`), and each stretch once with each window's tokens taken from it
    (`stretches`), each list let go as the checker does; and how many edge runs the windows tokenize anew then.
    Asserts that each window's tokens taken from its stretch are its own."""
    from speller.tokenize import tokenize

    stretches = _stretches(spans)
    begins = [b for b, _ in stretches]
    where = [bisect.bisect_right(begins, begin) - 1 for begin, _ in spans]
    timed: dict[str, list[float]] = {"windows": [], "whole": [], "stretches": []}
    for _ in range(runs):
        start = time.process_time()
        for begin, end in spans:
            list(tokenize(text, begin, end))
        timed["windows"].append(time.process_time() - start)
        start = time.process_time()
        list(tokenize(text))
        timed["whole"].append(time.process_time() - start)
        start = time.process_time()
        k_tokens: tuple[int, list[Token]] = (-1, [])
        for (begin, end), k in zip(spans, where, strict=True):
            if k != k_tokens[0]:
                k_tokens = (k, list(tokenize(text, *stretches[k])))
            _window_tokens(text, begin, end, stretches[k], k_tokens[1])
        timed["stretches"].append(time.process_time() - start)
    for (begin, end), k in zip(spans, where, strict=True):
        own = list(tokenize(text, *stretches[k]))
        assert _window_tokens(text, begin, end, stretches[k], own) == list(tokenize(text, begin, end)), (begin, end)
    edges = sum(_cut_edges(text, begin, end, stretches[k]) for (begin, end), k in zip(spans, where, strict=True))
    return {k: statistics.median(v) for k, v in timed.items()}, edges


def main(argv: list[str] | None = None) -> None:
    args = slice_arguments(__doc__, "timings of each way to tokenize (median)", argv)
    from speller import Speller

    dictionary = Speller().dictionary
    for name, text in slices(args):
        p = _first_pass(text, dictionary)
        t, edges = _timings(text, p.spans, args.runs)
        chars = sum(e - b for b, e in p.spans)
        union = sum(e - b for b, e in _stretches(p.spans))
        print(
            f"{name}, {args.tokens:,} tokens ({len(text):,} chars): first pass {p.took:.2f} s CPU; {len(p.spans):,} "
            f"windows tokenized ({chars:,} chars) in {p.tokenizing:.3f} s ({p.tokenizing / p.took:.1%}), alone "
            f"(median of {args.runs}) {t['windows']:.3f} s;\n  whole text once: {t['whole']:.3f} s; "
            f"{len(_stretches(p.spans)):,} stretches ({union:,} chars, {union / chars:.0%}) once, with each window's "
            f"tokens from them ({edges:,} edge runs tokenized anew): {t['stretches']:.3f} s; so stretches save "
            f"{t['windows'] - t['stretches']:+.3f} s;\n  written_prior again for a word priced before: {p.again:,} "
            f"calls, {p.again_took:.3f} s ({p.again_took / p.took:.1%})"
        )


if __name__ == "__main__":
    main()
