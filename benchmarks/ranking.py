"""Ablation of the candidate ranker on the labeled typos: noisy channel vs frequency only.

    python -m benchmarks.ranking [--split dev|test]

For every labeled `typo` error of the split whose correct form is among speller's candidates,
rank the candidates three ways and count how often the correct word comes first:
- frequency: nearest edit distance first, then the most frequent word (plain SymSpell's order);
- channel, no context: the error model times unigram frequency;
- channel with context: the error model times the bigram context (what speller uses).
Tune on dev only; the test split is for measuring.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import regex

from speller import Speller
from speller.context import rank

_LEFT = regex.compile(r"([\p{L}'-]+) +$")
_RIGHT = regex.compile(r" +([\p{L}'-]+)")
REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPELLER_SHARED", REPO.parent / "shared"))


def source_path(name: str) -> Path:
    """Where a labeled file lives: `seeds/...` in the repo's corpus, `corpus/...` in the shared folder."""
    return REPO / "corpus" / name if name.startswith("seeds/") else SHARED / name


def neighbours(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The lowercase words right before and after [start, end), if only spaces separate them."""
    left = _LEFT.search(text, max(0, start - 60), start)
    right = _RIGHT.match(text, end, end + 60)
    return (left.group(1).lower() if left else None), (right.group(1).lower() if right else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    args = parser.parse_args()
    speller = Speller()
    d = speller.dictionary
    rows = [json.loads(line) for line in open(REPO / "benchmarks" / "data" / "errors.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["split"] == args.split and r["category"] == "typo" and " " not in r["wrong"]]
    texts: dict[str, str] = {}
    wins = {"frequency": 0, "channel": 0, "channel+context": 0}
    covered = 0
    for r in rows:
        text = texts.setdefault(r["file"], source_path(r["file"]).read_text(encoding="utf-8"))
        wrong, correct = r["wrong"].lower(), r["correct"].lower()
        cands = speller._candidates(wrong)
        if correct not in {c for c, _ in cands}:
            continue
        covered += 1
        left, right = neighbours(text, r["start"], r["end"])
        by_freq = sorted(cands, key=lambda c: (c[1], -d.count(c[0]), c[0]))
        wins["frequency"] += by_freq[0][0] == correct
        wins["channel"] += rank(d, cands, None, None, typo=wrong)[0][0] == correct
        wins["channel+context"] += rank(d, cands, left, right, typo=wrong)[0][0] == correct
    print(f"split {args.split}: {len(rows)} labeled one-word typos, correct word among candidates for {covered}")
    for name, n in wins.items():
        print(f"  top-1 {name:16s} {n}/{covered} = {n / max(covered, 1):.3f}")


if __name__ == "__main__":
    main()
