"""The typos the shown floor hides though the written word is all but ruled out: slips or words in use? (issue #10)

    python -m benchmarks.hidden_flags [--share 0.003] [--file NAME] [--list]

The blind-spot benchmark's silent slips of frequent words are most often found but hidden (`python -m
benchmarks.doors`: `below the floor`, such as `cbir`, `daa`, `jawal` alone): the model rules the written word out (its
share alone near 0) but no one suggestion is likely enough to show (`speller.calibration.flagged`). Would showing
them, by the written word's share alone, cost precision on real news? For each decision file (default all of
`benchmarks.calibrate.DECISION_FILES`; report files are measured, never tuned to) its seeded sample is checked on the
build without it (as `benchmarks.unseen_file`; a file's first run builds its dictionary, about 1 min) with no
confidence floor. A typo finding on a lowercase word of letters that is not shown (`Issue.flagged` false) and whose
written word's share alone (`Decision.written` without neighbours) is under `--share` would be added; each is matched
to its label in `benchmarks/unseen_judged.tsv` or `benchmarks/hidden_judged.tsv` (slip / genuine / unsure / misfix;
`?`: never judged; the second holds the flags judged for this, kept apart from the calibration's data). Prints per file
and summed the labels of the flags that would be added; `--list` lists them (file, line, label, share, confidence,
flag, context). Reads no held-out file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from .calibrate import DECISION_FILES
from .environment import shared_corpus
from .unseen_file import Flag, _context, add_sample_arguments, built_dictionary, line_of, read_judged, sampled_texts

#: The written word's share alone under which a hidden typo would be shown (`speller.model.POOLED_SHARE`: a share
#: under which the model holds the word surely meant as one of its suggestions).
SHARE = 0.003
#: The label of a flag nobody judged.
UNJUDGED = "?"
#: The hidden flags judged for this benchmark (file, line, word, label), apart from `unseen_judged.tsv`, which
#: `benchmarks.calibrate` fits on (see the file's head).
HIDDEN_JUDGED = Path(__file__).with_name("hidden_judged.tsv")


def labels_of(file: str) -> dict[tuple[int, str], str]:
    """The labels of `file`'s judged flags, (line, word) -> label: unseen_judged.tsv's, then HIDDEN_JUDGED's."""
    return read_judged(file) | read_judged(file, HIDDEN_JUDGED)


def hidden(folder: str, texts: Sequence[str], share: float) -> Iterator[tuple[Flag, float]]:
    """The hidden typo findings on lowercase words whose written share alone is under `share`, each with that share."""
    from speller import Speller
    from speller.categories import Category

    speller = Speller(folder, min_confidence=0.0)
    for text in texts:
        for issue in speller.check(text):
            word = issue.word
            if issue.flagged or issue.category != Category.TYPO or not word.isalpha() or word != word.lower():
                continue
            written = speller._decided((word, None, None, False, False, None, False)).written
            if written < share:
                context = _context(text, issue.start, issue.end)
                yield Flag(word, issue.suggestion or "", issue.category, "", issue.confidence, context), written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser)
    parser.set_defaults(file=None)
    parser.add_argument("--share", type=float, default=SHARE, help="the written word's share alone under which")
    parser.add_argument("--list", action="store_true", help="list each flag that would be added, with its label")
    args = parser.parse_args(argv)
    files = [args.file] if args.file else list(DECISION_FILES)
    total: Counter[str] = Counter()
    for file in files:
        args.file = file
        texts = sampled_texts(parser, args)
        folder = built_dictionary(file, quiet=True)
        corpus_text = "\n".join((shared_corpus() / file).read_text(encoding="utf-8").splitlines())
        labels = labels_of(file)
        counts: Counter[str] = Counter()
        for flag, written in hidden(str(folder), texts, args.share):
            line = line_of(corpus_text, flag)
            label = labels.get((line, flag.word), UNJUDGED)
            counts[label] += 1
            if args.list:
                shown = f"{flag.word} -> {flag.suggestion}"
                print(f"{file}\t{line}\t{label}\t{written:.4f}\t{flag.confidence:.2f}\t{shown}\t{flag.context}")
        total.update(counts)
        print(f"{file}: {sum(counts.values())} hidden typos under share {args.share}: {_labels(counts)}")
    print(f"all: {sum(total.values())}: {_labels(total)}")
    return 0


def _labels(counts: Counter[str]) -> str:
    """The counts per label, and the share of real errors (slips and misfixes) among the judged sure."""
    sure = counts["slip"] + counts["misfix"] + counts["genuine"]
    real = f"{100 * (counts['slip'] + counts['misfix']) / sure:.1f}% real of {sure} judged" if sure else "none judged"
    shown = ", ".join(f"{label} {counts[label]}" for label in ("slip", "misfix", "genuine", "unsure", UNJUDGED))
    return f"{shown} ({real})"


if __name__ == "__main__":
    sys.exit(main())
