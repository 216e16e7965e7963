"""How the build corpus writes a word twice in a row: the figures behind `speller.model.LOG_APART_ODDS`.

    python -m benchmarks.doubled [--shown 30]

Counts, over the build corpus (the held-out news files left out), every word, every full reduplication written as one
token (`anak-anak`) and every word written twice in a row within a run of words (`anak anak`, `di di`; never across
punctuation or a line break, as the checker reads a pair). Two rates, per use:

- a word written twice by accident: `X X` per use of `X`, over the words seen 1,000 times or more whose reduplication
  the corpus never writes (function words and the rest apart);
- a reduplication written apart: `X X` per use of `X-X`, over the words whose reduplication the corpus writes 100
  times or more, raw and with the slips their own counts expect (the other words' rate) taken out.

LOG_APART_ODDS is ln of the second over the other words' first, LOG_FUNCTION_DOUBLED ln of the function words' first
(`speller.spacing.NEVER_DOUBLED`) over the other words'. `--shown N` lists the N words the corpus writes twice most
often with the model's readings of them (`speller.model.doubled_readings`, shipped dictionary). About 30 s.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter

from speller.tokenize import closed_runs

from .environment import HELD_OUT, shared_corpus

#: The words the slip rate is measured on are seen at least this often ...
MIN_SLIP_COUNT = 1000
#: ... and the words the apart rate is measured on are written reduplicated at least this often.
MIN_REDUPLICATED = 100


def count(texts: list[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(uses of each lowercase word, uses of its reduplication `w-w`, uses of `w w` within a run) over `texts`."""
    words: Counter[str] = Counter()
    reduplicated: Counter[str] = Counter()
    twice: Counter[str] = Counter()
    for text in texts:
        for line in text.splitlines():
            for _, run, _ in closed_runs(line):
                low = [w.lower().replace("’", "'") for w in run]
                words.update(low)
                for w in low:
                    left, hyphen, right = w.partition("-")
                    if hyphen and left == right:
                        reduplicated[left] += 1
                twice.update(a for a, b in zip(low, low[1:]) if a == b)
    return words, reduplicated, twice


def rates(
    words: Counter[str], reduplicated: Counter[str], twice: Counter[str], function_words: frozenset[str]
) -> dict[str, float]:
    """The slip rates (all, function words, other words), the apart rate raw and net of slips, and their log odds."""
    never = [w for w, n in words.items() if n >= MIN_SLIP_COUNT and w.isalpha() and not reduplicated[w]]

    def slip(group: list[str]) -> float:
        return sum(twice[w] for w in group) / sum(words[w] for w in group)

    often = [w for w, n in reduplicated.items() if n >= MIN_REDUPLICATED]
    apart = sum(twice[w] for w in often)
    uses = sum(reduplicated[w] for w in often)
    other = slip([w for w in never if w not in function_words])  # the words a reduplication competes with a slip on
    net = (apart - other * sum(words[w] for w in often)) / uses
    return {
        "slip": slip(never),
        "slip_function": slip([w for w in never if w in function_words]),
        "slip_other": other,
        "apart": apart / uses,
        "apart_net": net,
        "log_odds": math.log(net / other),
    }


def main() -> None:
    """Print the rates, and the readings of the words written twice most often."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shown", type=int, default=0, help="list this many words the corpus writes twice")
    args = parser.parse_args()
    from speller import Speller
    from speller.model import doubled_readings
    from speller.spacing import NEVER_DOUBLED

    files = sorted(p for p in shared_corpus().glob("*.txt") if p.name not in HELD_OUT)
    words, reduplicated, twice = count([p.read_text(encoding="utf-8") for p in files])
    r = rates(words, reduplicated, twice, NEVER_DOUBLED)
    print(f"build corpus: {len(files)} files, {sum(words.values()):,} words")
    print(f"written twice per use, words seen {MIN_SLIP_COUNT}+ times never reduplicated: {r['slip']:.3%}")
    print(f"  function words (NEVER_DOUBLED) {r['slip_function']:.3%}, other words {r['slip_other']:.3%}")
    print(f"reduplications written {MIN_REDUPLICATED}+ times, written apart per use: {r['apart']:.2%} raw, ", end="")
    print(f"{r['apart_net']:.2%} with the slips other words' rate expects taken out")
    print(f"ln(apart / other words' twice) = {r['log_odds']:.2f} (LOG_APART_ODDS)")
    print(f"ln(function words' twice / other words') = {math.log(r['slip_function'] / r['slip_other']):.2f} ", end="")
    print("(LOG_FUNCTION_DOUBLED)")
    if args.shown:
        d = Speller().dictionary
        print("\nword | uses | w-w | w w | pair | slip | reduplication")
        for w, n in twice.most_common(args.shown):
            if w not in d.counts:
                continue
            read = doubled_readings(d, w, w in NEVER_DOUBLED)
            shares = " | ".join(f"{share:.3f}" for share in read)
            print(f"{w} | {words[w]} | {reduplicated[w]} | {n} | {shares}")


if __name__ == "__main__":
    main()
