"""Where a first pass spends its CPU time by the kind of form it meets: listed (the verdict table answers) or not, and
by the verdict the form gets, on slices of build-corpus files (nothing held out is read).

    python -m benchmarks.first_types [--file NAME ...] [--tokens N] [--runs N]

For each file (default those of `benchmarks.first_pass`) the first N word tokens (default 200,000) are checked by a
fresh `Speller` over a loaded dictionary, once per run. Each distinct form's verdict (`Speller._verdict`, asked first
by `_suspect_forms`) and each window looked at closely (`Speller._check_window`, one per suspect occurrence or pair
start) is timed by its own CPU time and counted under its form's class: `tabled` (a listed form, or a listed lowercase
word capitalized: the table's answer is final) or `unlisted`, and its verdict (known, skip, suspect, or a rule's
category); a window also by whether it found something. What is left (the scans of the whole text, names, pairs,
calibration) is `rest`. Medians of the runs. The wrappers cost a little time too.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from typing import Any

from .first_pass import slice_arguments, slices
from .speed import _fresh_speller


def _kind(verdict: Any, known: Any, skip: Any) -> str:
    """A verdict's name: known, skip, suspect, or its rule category."""
    if verdict is None:
        return "?"
    if verdict is known:
        return "known"
    if verdict is skip:
        return "skip"
    return str(getattr(verdict.kind, "value", verdict.kind))


def _one_pass(speller: Any, text: str) -> tuple[float, dict[str, float], Counter[str]]:
    """The CPU seconds of a first pass of `speller` over `text`, and the seconds and counts per class."""
    from speller import checker
    from speller.tokenize import scan

    spent: dict[str, float] = {}
    counts: Counter[str] = Counter()
    clock = time.process_time
    words, starts, _, _ = scan(text)
    form_at = dict(zip(starts, words, strict=True))
    verdict, window = checker.Speller._verdict, checker.Speller._check_window
    depth = [0]

    def where(form: str) -> str:
        return "tabled" if speller._tabled(form) else "unlisted"

    def timed_verdict(self: Any, form: str) -> Any:
        if depth[0]:  # asked inside a timed verdict or window: part of its time
            return verdict(self, form)
        start = clock()
        found = verdict(self, form)
        key = f"verdict  {where(form):8} {_kind(found, checker.KNOWN, checker.SKIP)}"
        spent[key] = spent.get(key, 0.0) + clock() - start
        counts[key] += 1
        return found

    def timed_window(self: Any, source: str, at: int) -> Any:
        depth[0] += 1
        start = clock()
        try:
            found = window(self, source, at)
        finally:
            depth[0] -= 1
        form = form_at.get(at, "")
        kind = _kind(self._verdicts.get(form), checker.KNOWN, checker.SKIP)
        key = f"window   {where(form):8} {kind} {'found' if found else 'none'}"
        spent[key] = spent.get(key, 0.0) + clock() - start
        counts[key] += 1
        return found

    setattr(checker.Speller, "_verdict", timed_verdict)  # noqa: B010 - patched for the pass, as throughput does
    setattr(checker.Speller, "_check_window", timed_window)  # noqa: B010
    try:
        start = clock()
        speller.check(text)
        total = clock() - start
    finally:
        setattr(checker.Speller, "_verdict", verdict)  # noqa: B010
        setattr(checker.Speller, "_check_window", window)  # noqa: B010
    spent["rest"] = total - sum(spent.values())
    return total, spent, counts


def main(argv: list[str] | None = None) -> None:
    args = slice_arguments(__doc__ or "", "fresh checkers per file (median)", argv)
    from speller import Speller

    dictionary = Speller().dictionary
    for name, text in slices(args):
        runs = [_one_pass(_fresh_speller(dictionary), text) for _ in range(args.runs)]
        total = statistics.median(r[0] for r in runs)
        keys = {k for r in runs for k in r[1]}
        took = {k: statistics.median(r[1].get(k, 0.0) for r in runs) for k in keys}
        print(f"{name}, {args.tokens:,} tokens: first pass {total:.2f} s CPU, wrapped (median of {args.runs}):")
        for key in sorted(took, key=lambda k: -took[k]):
            n = runs[0][2].get(key, 0)
            each = f"{1e6 * took[key] / n:7.0f} us each" if n else ""
            print(f"  {key:42} {n:6} {took[key]:7.3f} s {took[key] / total:6.1%}  {each}")


if __name__ == "__main__":
    main()
