"""Names written in lowercase (`di jakarta`, `17 agustus`, `valentino Rossi`): how often is such a use a slip?

    python -m benchmarks.lowercase_names [--file NAME] [--list] [--top 0.05]

A word news writes capitalized inside a sentence is a name (or a day, a month, a people); written in lowercase there it
breaks EYD V's capital-letter rule, the error Hunspell reports for `jakarta`. The corpus says how often a word stands
inside a sentence (`Dictionary.beside`: its uses after another word of the same run) and how often it is written
in lowercase (`Dictionary.lower_count`); their ratio, `speller.casing.lowercase_share`, is near 0 for `jakarta`
(13 of 8,757) and large for a word that opens sentences (`adapun`, 27 lowercase uses against 3 inside a run).

For each decision file (default all of `benchmarks.calibrate.DECISION_FILES`) its seeded sample is read on the build
without it (as `benchmarks.unseen_file`; a file's first run builds its dictionary, about 1 min) and each finding of
kind `case` (`speller.casing.lowercase_name`, shown or not) whose share is below `--top` is matched to its label in
`benchmarks/lowercase_judged.tsv`
(slip: the capitalized word was meant; genuine: the lowercase word is right here; unsure). Prints, per band of the
share, the uses and the real share among those judged; `--list` lists each use (file, line, share, label, context).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from .calibrate import DECISION_FILES
from .environment import shared_corpus
from .unseen_file import LOWERCASE_JUDGED as JUDGED
from .unseen_file import Flag, _context, add_sample_arguments, built_dictionary, line_of, read_judged, sampled_texts

#: The labels, and the label of a use nobody judged.
LABELS = ("slip", "genuine", "unsure")
UNJUDGED = "?"
#: The bands of the share the table counts uses in.
BANDS = (0.0, 0.002, 0.005, 0.01, 0.02)


def uses(folder: str, texts: Sequence[str], top: float) -> Iterator[tuple[Flag, float]]:
    """Each `capitalization` finding (a name written in lowercase) of a `Speller` on `folder` over `texts`, shown or
    not, whose word's lowercase share is under `top`, with that share."""
    from speller import Speller
    from speller.casing import lowercase_share
    from speller.categories import Category

    speller = Speller(folder, min_confidence=0.0)
    d = speller.dictionary
    for text in texts:
        for issue in speller.check(text):
            if issue.category == Category.CAPITALIZATION and (share := lowercase_share(d, issue.word)) < top:
                context = _context(text, issue.start, issue.end)
                yield Flag(issue.word, issue.suggestion or "", issue.category, "", issue.confidence, context), share


def band(share: float) -> str:
    """The band of BANDS holding `share`, as `lo-hi`."""
    lo = max(b for b in BANDS if share >= b)
    i = BANDS.index(lo)
    return f"{lo:g}-{BANDS[i + 1]:g}" if i + 1 < len(BANDS) else f"{lo:g}+"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser)
    parser.set_defaults(file=None)
    parser.add_argument("--top", type=float, default=BANDS[-1], help="the largest lowercase share listed")
    parser.add_argument("--list", action="store_true", help="list each use with its label")
    args = parser.parse_args(argv)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for file in [args.file] if args.file else list(DECISION_FILES):
        args.file = file
        texts = sampled_texts(parser, args)
        corpus_text = "\n".join((shared_corpus() / file).read_text(encoding="utf-8").splitlines())
        labels = read_judged(file, JUDGED)
        for flag, share in uses(str(built_dictionary(file, quiet=True)), texts, args.top):
            line = line_of(corpus_text, flag)
            label = labels.get((line, flag.word), UNJUDGED)
            counts[band(share)][label] += 1
            if args.list:
                print(f"{file}\t{line}\t{share:.4f}\t{label}\t{flag.context}")
    for name in sorted(counts, key=lambda b: float(b.split("-")[0].rstrip("+"))):
        c = counts[name]
        sure = c["slip"] + c["genuine"]
        real = f"{100 * c['slip'] / sure:.1f}% slips of {sure} judged" if sure else "none judged"
        shown = ", ".join(f"{label} {c[label]}" for label in (*LABELS, UNJUDGED))
        print(f"share {name}: {sum(c.values())} uses: {shown} ({real})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
