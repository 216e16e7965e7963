"""Whether two checkouts give the same answers to `suggest` and `check`: a change made for speed must leave them equal.

    git worktree add --detach ../speller-base main                     # the checkout to compare with
    ln -sfn "$PWD/dictionaries" ../speller-base/speller/dictionaries    # its dictionary (a worktree has none built)
    python -m benchmarks.ab_answers --base ../speller-base              # blind spots (seed 1), held-out typos, seeds

Each checkout runs in a fresh process (its code on `PYTHONPATH`, the same Python) and answers, in one fresh `Speller`
each: `suggest` of every blind-spot typo (`benchmarks.blindspots`, the tuning seed) and of `benchmarks.speed`'s
seeded held-out typos, each word met cold (a fresh speller per word would take too long; the words come in one order
in both, so the caches are alike); `check` of every blind-spot text and of every seed article. Prints how many answers
each kind holds and, for each kind, whether the two checkouts agree (with the first words that differ). `ab_check`
compares `check` over long corpus slices.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .ab_check import run_worker
from .blindspots import TUNING_SEED, speller_cases
from .environment import shared_corpus
from .speed import held_out_texts, misspellings

#: The worker: reads {"words": [...], "texts": [...]} from stdin, prints the JSON of the path of the `speller` it
#: runs, each word's suggestions and each text's issues.
WORKER = """
import json, sys
import speller as package
from speller import Speller
asked = json.load(sys.stdin)
speller = Speller()
suggested = [speller.suggest(w) for w in asked["words"]]
speller = Speller()
checked = [[list(i) for i in speller.check(t)] for t in asked["texts"]]
print(json.dumps([package.__file__, suggested, checked], ensure_ascii=False))
"""


def _answers(checkout: Path, words: list[str], texts: list[str]) -> tuple[list[object], list[object]]:
    """(suggestions per word, issues per text) from a fresh process running `checkout`."""
    suggested, checked = run_worker(checkout, WORKER, {"words": words, "texts": texts})
    return suggested, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="the other checkout (e.g. a worktree of main)")
    parser.add_argument("--words", type=int, default=1000, help="seeded held-out typos (`benchmarks.speed`)")
    args = parser.parse_args()
    from speller import Dictionary, Speller

    speller = Speller(Dictionary())
    cases = speller_cases(speller, TUNING_SEED)
    typos = [c[0] for c in misspellings(speller, held_out_texts(shared_corpus()), args.words)]
    seeds = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))
    words = [c.typo for c in cases] + typos
    texts = [c.text for c in cases] + [p.read_text(encoding="utf-8") for p in seeds]
    here = Path(__file__).resolve().parent.parent
    base = _answers(args.base.resolve(), words, texts)
    this = _answers(here, words, texts)
    for kind, asked, theirs, ours in (("suggest", words, base[0], this[0]), ("check", texts, base[1], this[1])):
        differ = [a for a, b, t in zip(asked, theirs, ours) if b != t]
        print(f"{kind}: {len(asked)} answers, {'identical' if not differ else f'{len(differ)} differ'}", end="")
        print(f" (first: {', '.join(repr(a[:60]) for a in differ[:5])})" if differ else "")


if __name__ == "__main__":
    main()
