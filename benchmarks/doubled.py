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

The prior of a word's reduplication (`speller.model.REDUPLICATION_PRIOR_USES`): the class a word falls in is whether
the corpus writes its reduplication at all, the words it never writes so and the function words keeping their own
counts; the run prints that class's mean share (`Dictionary.reduplication_share`), and how well each prior strength
fits the corpus's own `X X` counts (Poisson log-likelihood against none: those counts mix slips and reduplications
nobody labelled, and the function-like frequent words the corpus seldom hyphenates, `itu-itu`, `bisa-bisa`, weigh
in them). `--judged` reads the hand-judged doubled flags of the unseen-news files (`doubled_judged.tsv`: the reading
meant) and says per file how often the model's first reading, on the build without that file, is the one meant
(decision files, then report files; a file's first run builds its dictionary, about 1 min).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from pathlib import Path

from speller.dictionary import REDUPLICATION_CLASS_USES, mean_reduplication_share
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


#: The prior strengths `strength_fit` tries (uses).
STRENGTHS = (10.0, 100.0, 300.0, 1000.0, 3000.0)
#: Judged doubled flags of the unseen-news files: file, line, the word written twice (lowercase) and the reading
#: meant, `single` or `reduplication`. Made from `unseen_judged.tsv`'s labels of the doubled flags (slip: the first
#: suggestion was meant; misfix: the other reading) and the first suggestions they judged (main 1a39f29).
JUDGED = Path(__file__).with_name("doubled_judged.tsv")


class _Counted:
    """The counts `speller.model.reduplication_odds` reads, from `count`'s counters instead of a dictionary."""

    def __init__(self, words: Counter[str], reduplicated: Counter[str]) -> None:
        self.words, self.reduplicated_uses = words, reduplicated
        self.reduplication_share = mean_reduplication_share((words[w], h) for w, h in reduplicated.items())
        self.words_averaged = sum(1 for w, h in reduplicated.items() if words[w] + h >= REDUPLICATION_CLASS_USES)

    def count(self, word: str) -> int:
        return self.words[word]

    def reduplicated(self, word: str) -> int:
        return self.reduplicated_uses[word]


def strength_fit(
    words: Counter[str], reduplicated: Counter[str], twice: Counter[str], function_words: frozenset[str]
) -> dict[float, float]:
    """Per prior strength (STRENGTHS), the Poisson log-likelihood of the `X X` counts of the words the corpus writes
    reduplicated at all (seen 5 times or more, no function word) at `uses * (slip + apart * odds)`, against the own
    counts alone (strength 0), odds as `speller.model.reduplication_odds` reads them (its prior's mean as
    `Dictionary.reduplication_share`'s, over these counts)."""
    import speller.model as model

    r = rates(words, reduplicated, twice, function_words)
    slip, apart = r["slip_other"], r["apart_net"]
    counted = _Counted(words, reduplicated)
    kept = [w for w, n in words.items() if n >= 5 and w.isalpha() and reduplicated[w] and w not in function_words]
    shipped = model.REDUPLICATION_PRIOR_USES

    def likelihood(strength: float) -> float:
        model.REDUPLICATION_PRIOR_USES = strength
        try:
            odds = [model.reduplication_odds(counted, w) for w in kept]  # type: ignore[arg-type]
        finally:
            model.REDUPLICATION_PRIOR_USES = shipped
        expected = [words[w] * (slip + apart * o) for w, o in zip(kept, odds, strict=True)]
        return sum(twice[w] * math.log(e) - e for w, e in zip(kept, expected, strict=True))

    alone = likelihood(0.0)
    return {strength: likelihood(strength) - alone for strength in STRENGTHS}


def judged(files: list[str]) -> list[str]:
    """Per file of `files`, how many of its judged doubled flags (JUDGED) the model's first reading gets right on the
    build without that file (the reduplication first when its share is above the slip's and the corpus writes it),
    and the ones it gets wrong with the share of the reading given."""
    from speller.dictionary import Dictionary
    from speller.model import doubled_readings
    from speller.spacing import NEVER_DOUBLED

    from .unseen_file import built_dictionary

    rows = [line.split("\t") for line in JUDGED.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    out = []
    for file in files:
        flags = [(word, meant) for name, _, word, meant in rows if name == file]
        if not flags:
            continue
        d = Dictionary(str(built_dictionary(file, quiet=True)))
        wrong = []
        for word, meant in flags:
            read = doubled_readings(d, word, word in NEVER_DOUBLED)
            first = "reduplication" if d.reduplicated(word) and read.reduplication > read.slip else "single"
            if first != meant:
                wrong.append(f"{word} ({meant} meant, {first} {max(read.slip, read.reduplication):.2f})")
        out.append(f"{file}: {len(flags) - len(wrong)} of {len(flags)} right; wrong: {', '.join(wrong) or '-'}")
    return out


def main() -> None:
    """Print the rates, and the readings of the words written twice most often."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shown", type=int, default=0, help="list this many words the corpus writes twice")
    parser.add_argument("--judged", action="store_true", help="the judged doubled flags of the unseen-news files")
    args = parser.parse_args()
    if args.judged:
        from .calibrate import DECISION_FILES, REPORT_FILES

        print("decision files:", *judged(list(DECISION_FILES)), sep="\n")
        print("report files:", *judged(list(REPORT_FILES)), sep="\n")
        return
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
    counted = _Counted(words, reduplicated)
    averaged, mean = counted.words_averaged, counted.reduplication_share
    print(f"words written reduplicated at all, seen {REDUPLICATION_CLASS_USES}+ times: {averaged}, ", end="")
    print(f"mean share reduplicated {mean:.2%} (the prior's mean, `Dictionary.reduplication_share`)")
    function = sorted(w for w in NEVER_DOUBLED if reduplicated[w])
    print(f"function words written reduplicated: {len(function)} of {len(NEVER_DOUBLED)} ({', '.join(function)})")
    fit = strength_fit(words, reduplicated, twice, NEVER_DOUBLED)
    print("corpus `X X` log-likelihood by prior strength, against none:", end="")
    print(", ".join(f" {strength:g} uses {gain:+.1f}" for strength, gain in fit.items()))
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
