"""Whether a first pass could decide a word without its candidates: how many of its decisions a bound on what any
candidate could take would settle, on a slice of a build-corpus file (issue #13's lead: "decide without candidates
when no rival can win").

    python -m benchmarks.decide_bound [--file NAME] [--tokens N]

A fresh `Speller` checks the first N word tokens (default 200,000) of the file (default clickid-fimela.txt, a
build-corpus file: nothing held out is read). Each call of `speller.model.decide` is recorded with the share its caller
needs (`PLAIN_SHARE` for a verdict without context, `FLAG_SHARE` in context: the written word is plain, or silent, when
its share reaches it), whether it reached it, the CPU time spent finding its candidates (`Speller._rivals`, the first
time a form asks) and in `error_cost`. Two bounds are tried on each (neither is used by the checker):

- *error floor*: every candidate scored as `decide` scores it, but its error cost taken at its floor (`MIN_EDIT_COST`
  times its optimal-string-alignment distance: every edit costs at least that). It needs the candidates, so it could
  save only the error costs of the decisions it settles.
- *no candidates*: the best score a candidate could have without finding it: the dictionary's largest count, every
  neighbour at certainty (P(c | neighbour) = 1, which the bigram table does not even guarantee), the cheapest edit and
  no case cost, for each of `MAX_WEIGHED` candidates. Only the decisions it settles could skip candidate generation.

Prints, per kind of decision (verdict / in context) and outcome, the decisions, the candidates' and the error costs'
CPU time, and how many each bound settles. The bound only ever says "plain" or "silent" when `decide` says so too
(checked: an assertion).
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .environment import shared_corpus


def _slice(path: Path, tokens: int) -> str:
    """The lines of `path` from its start until they hold `tokens` word tokens."""
    from speller.tokenize import WORD, tokenize

    out: list[str] = []
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            out.append(line)
            n += sum(1 for t in tokenize(line) if t.kind == WORD)
            if n >= tokens:
                break
    return "".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", default="clickid-fimela.txt", help="a build-corpus file of the shared corpus")
    parser.add_argument("--tokens", type=int, default=200_000, help="word tokens checked from its start")
    args = parser.parse_args(argv)
    from editdistpy import damerau_osa

    from speller import Speller, checker, context, model
    from speller.checker import MAX_WEIGHED
    from speller.model import CONTEXT_WEIGHT, FLAG_SHARE, LOG_SLIP, MIN_EDIT_COST, PLAIN_SHARE

    text = _slice(shared_corpus() / args.file, args.tokens)
    dictionary = Speller().dictionary
    context.error_cost.cache_clear()
    speller = Speller(dictionary)
    clock = time.process_time
    spent = {"rivals": 0.0, "error": 0.0}
    rows: Counter[tuple[str, bool, str]] = Counter()
    times: dict[tuple[str, bool, str], float] = {}

    def timed(name: str, function: Any) -> Any:
        def wrapper(*a: Any, **k: Any) -> Any:
            start = clock()
            try:
                return function(*a, **k)
            finally:
                spent[name] += clock() - start

        return wrapper

    rivals, error_cost, decide, weigh = checker.Speller._rivals, model.error_cost, model.decide, checker.Speller._decide
    asked = [dict(spent)]  # the times when the last `Speller._decide` began: its candidates are found after it

    def weighing(*a: Any, **k: Any) -> Any:
        asked[0] = dict(spent)
        return weigh(*a, **k)

    d = dictionary
    best_log_p = math.log((d.max_count + 0.5) / d.total)

    def recorded(d: Any, word: str, prior: Any, candidates: list[str], left: Any, right: Any, *rest: Any) -> Any:
        before = asked[0]
        decision = decide(d, word, prior, candidates, left, right, *rest)
        case_cost = rest[0] if rest else None
        alone = left is None and right is None
        share = PLAIN_SHARE if alone else FLAG_SHARE
        reached = decision.written >= share
        neighbours = (left is not None) + (right is not None)
        if prior.new_name:  # its written score takes the name's variants and neighbours' gains: not bounded here
            kinds = ["new name"]
        else:
            if prior.formed:
                written = prior.log_p + CONTEXT_WEIGHT * model.LOG_UNSEEN_CONTEXT * neighbours
            else:
                written = model._score(d, word, prior.log_p, left, right, prior.genuine)
            room = 1.0 / share - 1.0  # the candidates' summed exp(score - written) that leaves the written word `share`
            beside = {
                w for w in (left, right, left and left.rpartition("-")[2], right and right.partition("-")[0]) if w
            }
            floor = 0.0
            for cand in candidates:
                if cand == word or cand in beside:
                    continue
                log_p = math.log((d.count(cand.split(" ")[0]) + 0.5) / d.total)
                score = model._score(d, cand, log_p, left, right)
                case = case_cost(cand) if case_cost is not None else 0.0
                floor += math.exp(
                    score + LOG_SLIP - MIN_EDIT_COST * damerau_osa.distance(word, cand, 99) - case - written
                )
            anyone = (1.0 - CONTEXT_WEIGHT * neighbours) * best_log_p + LOG_SLIP - MIN_EDIT_COST
            kinds = []
            if floor <= room:
                kinds.append("error floor")
            if MAX_WEIGHED * math.exp(anyone - written) <= room:
                kinds.append("no candidates")
            assert reached or not kinds, (word, left, right)  # a bound that says plain or silent must be right
        key = ("verdict" if alone else "in context", reached)
        for kind in ["all", *kinds]:
            rows[(*key, kind)] += 1
            for part in ("rivals", "error"):
                at = (*key, f"{kind} {part}")
                times[at] = times.get(at, 0.0) + spent[part] - before[part]
        return decision

    checker.Speller._rivals = timed("rivals", rivals)  # type: ignore[method-assign]
    checker.Speller._decide = weighing  # type: ignore[method-assign]
    model.error_cost = timed("error", error_cost)  # `decide` reads it from its module
    checker.decide = recorded  # type: ignore[assignment]
    start = clock()
    try:
        speller.check(text)
    finally:
        checker.Speller._rivals, checker.Speller._decide = rivals, weigh  # type: ignore[method-assign]
        model.error_cost, checker.decide = error_cost, decide  # type: ignore[attr-defined]
    total = clock() - start
    print(
        f"{args.file}, {args.tokens:,} tokens: first pass {total:.2f} s CPU (with the recording), candidates "
        f"{spent['rivals']:.2f} s, error costs {spent['error']:.2f} s"
    )
    print(f"{'decisions':12} {'outcome':9} {'settled by':14} {'n':>6} {'candidates s':>13} {'error cost s':>13}")
    for (where, reached, kind), n in sorted(rows.items()):
        outcome = ("plain" if where == "verdict" else "silent") if reached else "weighed"
        r, e = times[(where, reached, kind + " rivals")], times[(where, reached, kind + " error")]
        print(f"{where:12} {outcome:9} {kind:14} {n:6d} {r:13.3f} {e:13.3f}")


if __name__ == "__main__":
    main()
