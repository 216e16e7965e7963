"""Scoring a spell checker against hand-labelled error spans.

Pure functions over plain records; nothing here reads files or runs a checker.

Definitions (see benchmarks/README.md for the reasoning):

* A *flag* is a span a system marks, with ranked suggestions. A flag *hits* a gold error when
  their character spans overlap (same file). Each gold error counts once however many flags hit
  it, and those flags are neither extra true positives nor false positives.
* ``tp`` = gold errors hit, ``fp`` = flags that hit no gold error (false alarms).
  precision = tp / (tp + fp), recall = tp / gold, F1 their harmonic mean. With no flags precision
  is defined as 0 (not 1), with no gold errors recall is 0, and F1 is 0 when P + R = 0.
* Correction: a detected gold error is corrected at top-k when one of the flags that hit it has,
  among its first k suggestions, one that turns the text into the gold correction. When the flag
  and gold spans differ (``di lakukan`` flagged as two words, say) the comparison is made over the
  union of both spans: the flag's suggestion replaces the flag span, the gold correction the gold
  span, and the two resulting strings must be equal. Comparison is exact (case-sensitive); a
  case-insensitive variant is reported beside it.
  ``top1``/``top3`` are over detected gold errors, ``top1_all``/``top3_all`` over all gold errors.
* False alarms per 1,000 word tokens = fp / tokens * 1000, where tokens are the word tokens
  (speller.tokenize kind ``word``) in the scored scope.
* A flag the labels cannot judge (``judged``: a word or phrase written twice, which the labelling rules leave
  out) that hits no gold error is no false alarm (``unjudged`` counts such flags); one that hits a gold error (a
  reduplication missing its hyphen, ``Surut surut``, which the labels do judge) hits it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from speller.repeats import is_repeat


@dataclass(frozen=True, slots=True)
class GoldError:
    """A labelled error: ``text[start:end] == wrong`` should read ``correct``."""

    file: str
    start: int
    end: int
    wrong: str
    correct: str
    category: str
    split: str = ""


@dataclass(frozen=True, slots=True)
class Flag:
    """A span a system flagged: ``text[start:end] == word``; suggestions replace that span, best first."""

    file: str
    start: int
    end: int
    word: str
    suggestions: tuple[str, ...] = ()
    category: str | None = None
    confidence: float = 1.0
    #: Whether the system shows it by default (`speller.checker.Issue.flagged`), whatever its confidence.
    flagged: bool = True


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hit`` of ``total``; the rate is 0 when total is 0."""

    hit: int
    total: int

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 0.0


@dataclass(slots=True)
class Scores:
    """Detection and correction scores of one system on one data set."""

    gold: int
    flags: int
    tp: int
    fp: int
    tokens: int
    precision: float
    recall: float
    f1: float
    top1: float
    top3: float
    top1_all: float
    top3_all: float
    top1_nocase: float
    fa_per_1k: float
    recall_by_category: dict[str, Ratio] = field(default_factory=dict)
    precision_by_category: dict[str, Ratio] = field(default_factory=dict)
    false_alarms: list[Flag] = field(default_factory=list)
    misses: list[GoldError] = field(default_factory=list)
    wrong_fixes: list[tuple[GoldError, tuple[str, ...]]] = field(default_factory=list)
    #: Flags left out because the labels cannot judge them (`judged`).
    unjudged: int = 0


def judged(flag: Flag) -> bool:
    """False for a flag the labels cannot judge: a typo finding on a word or a phrase written twice or more over
    (`di di`, `berasal dari berasal dari`), which the labelling rules leave out (benchmarks/data/README.md, "Not
    labelled"); a reduplication missing its hyphen (`sama sama`, a spacing finding) is labelled."""
    words = flag.word.lower().split()
    return not (flag.category == "typo" and len(words) > 1 and (len(set(words)) == 1 or is_repeat(words)))


def judged_flags(gold: Sequence[GoldError], flags: Sequence[Flag]) -> list[Flag]:
    """`flags` but those the labels cannot judge (`judged`) that hit no gold error."""
    _, unmatched = match(gold, flags)
    unjudged = {id(f) for f in unmatched if not judged(f)}
    return [f for f in flags if id(f) not in unjudged]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open spans share a character (an empty span overlaps nothing)."""
    return a_start < b_end and b_start < a_end


def _union_text(gold: GoldError, flag: Flag) -> tuple[int, str]:
    """Start and text of the union of two overlapping spans, built from their own strings."""
    if gold.start <= flag.start:
        base = gold.wrong + (flag.word[gold.end - flag.start :] if flag.end > gold.end else "")
        return gold.start, base
    base = flag.word + (gold.wrong[flag.end - gold.start :] if gold.end > flag.end else "")
    return flag.start, base


def fixes(gold: GoldError, flag: Flag, suggestion: str, *, ignore_case: bool = False) -> bool:
    """True when replacing the flag span by `suggestion` gives the text the gold correction gives."""
    if (flag.start, flag.end) == (gold.start, gold.end):
        got, want = suggestion, gold.correct
    else:
        u0, base = _union_text(gold, flag)
        want = base[: gold.start - u0] + gold.correct + base[gold.end - u0 :]
        got = base[: flag.start - u0] + suggestion + base[flag.end - u0 :]
    if ignore_case:
        return got.casefold() == want.casefold()
    return got == want


def corrected_at(gold: GoldError, flags: Iterable[Flag], k: int, *, ignore_case: bool = False) -> bool:
    """True when any of `flags` fixes `gold` with one of its first `k` suggestions."""
    return any(fixes(gold, f, s, ignore_case=ignore_case) for f in flags for s in f.suggestions[:k])


def match(gold: Sequence[GoldError], flags: Sequence[Flag]) -> tuple[dict[int, list[Flag]], list[Flag]]:
    """Gold index -> the flags that hit it, and the flags that hit nothing."""
    by_file: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_file[g.file].append((g.start, g.end, i))
    starts: dict[str, list[int]] = {}
    longest: dict[str, int] = {}
    for file, rows in by_file.items():
        rows.sort()
        starts[file] = [r[0] for r in rows]
        longest[file] = max(r[1] - r[0] for r in rows)
    hits: dict[int, list[Flag]] = defaultdict(list)
    unmatched: list[Flag] = []
    for f in flags:
        file_rows = by_file.get(f.file)
        found = False
        if file_rows:
            # gold spans starting before the flag end and not more than `longest` before its start
            lo = bisect.bisect_left(starts[f.file], f.start - longest[f.file])
            hi = bisect.bisect_left(starts[f.file], f.end)
            for g_start, g_end, i in file_rows[lo:hi]:
                if overlaps(g_start, g_end, f.start, f.end):
                    hits[i].append(f)
                    found = True
        if not found:
            unmatched.append(f)
    return dict(hits), unmatched


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def score(gold: Sequence[GoldError], flags: Sequence[Flag], tokens: int) -> Scores:
    """Scores of `flags` against `gold` over a scope of `tokens` word tokens.

    Callers pass only flags inside the scored scope; every gold error is assumed inside it. Flags the labels cannot
    judge (`judged`) that hit no gold error are left out and counted.
    """
    every = len(flags)
    flags = judged_flags(gold, flags)
    hits, unmatched = match(gold, flags)
    tp, fp = len(hits), len(unmatched)
    precision = _div(tp, tp + fp)
    recall = _div(tp, len(gold))
    f1 = _div(2 * precision * recall, precision + recall)
    top1 = sum(corrected_at(gold[i], fs, 1) for i, fs in hits.items())
    top3 = sum(corrected_at(gold[i], fs, 3) for i, fs in hits.items())
    top1_nocase = sum(corrected_at(gold[i], fs, 1, ignore_case=True) for i, fs in hits.items())

    cats = sorted({g.category for g in gold})
    recall_by_category = {
        c: Ratio(sum(1 for i in hits if gold[i].category == c), sum(1 for g in gold if g.category == c)) for c in cats
    }
    precision_by_category: dict[str, Ratio] = {}
    sys_cats = sorted({f.category for f in flags if f.category is not None})
    for c in sys_cats:
        hit_gold = {i for i, fs in hits.items() if any(f.category == c for f in fs)}
        false = sum(1 for f in unmatched if f.category == c)
        precision_by_category[c] = Ratio(len(hit_gold), len(hit_gold) + false)

    return Scores(
        gold=len(gold),
        flags=len(flags),
        tp=tp,
        fp=fp,
        tokens=tokens,
        precision=precision,
        recall=recall,
        f1=f1,
        top1=_div(top1, tp),
        top3=_div(top3, tp),
        top1_all=_div(top1, len(gold)),
        top3_all=_div(top3, len(gold)),
        top1_nocase=_div(top1_nocase, tp),
        fa_per_1k=_div(fp * 1000, tokens),
        recall_by_category=recall_by_category,
        precision_by_category=precision_by_category,
        false_alarms=list(unmatched),
        misses=[g for i, g in enumerate(gold) if i not in hits],
        wrong_fixes=[
            (gold[i], fs[0].suggestions) for i, fs in sorted(hits.items()) if not corrected_at(gold[i], fs, 1)
        ],
        unjudged=every - len(flags),
    )


def pr_curve(
    gold: Sequence[GoldError], flags: Sequence[Flag], thresholds: Iterable[float] | None = None
) -> list[tuple[float, float, float]]:
    """(threshold, precision, recall) keeping only flags with confidence >= threshold.

    Without `thresholds`, every distinct confidence is tried, highest first. Flags the labels cannot judge (`judged`)
    that hit no gold error are left out.
    """
    flags = judged_flags(gold, flags)
    if thresholds is None:
        thresholds = sorted({f.confidence for f in flags}, reverse=True)
    out = []
    for t in thresholds:
        kept = [f for f in flags if f.confidence >= t]
        hits, unmatched = match(gold, kept)
        out.append((t, _div(len(hits), len(hits) + len(unmatched)), _div(len(hits), len(gold))))
    return out
