"""How often a phrase written twice in a row is a slip: the figures behind `speller.repeats.REPEATED_SLIPS`.

    python -m benchmarks.repeated            # the judged repeats, and any the checker finds that are not judged
    python -m benchmarks.repeated --list     # every repeat the checker reports, with its line and label

Checks every line of the build corpus (the held-out news files left out) in which a word comes again two to
`speller.repeats.MAX_REPEATED_WORDS` words on, with the shipped dictionary, and keeps the findings over a phrase
of two words or more written twice (`speller.repeats.is_repeat`). Each was judged by hand in its line
(`benchmarks/repeated_judged.tsv`: file, line, the span, and slip, genuine or unsure): a slip is a phrase written
twice by accident (`pemilik klub pemilik klub`, a speaker's stumble kept in a quote, `bukan yang bukan yang`);
genuine is meant twice (`lebih baik dan lebih baik dan lebih baik`, `tambah lagi tambah lagi`) or a heading run
into its text by the corpus. It prints the slips and the judged (unsure left out), which REPEATED_SLIPS and
REPEATED_JUDGED must equal (a test checks the table against them), and the findings with no label, which must be
judged before the figures are read. About a minute.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from speller.repeats import MAX_REPEATED_WORDS, REPEATED_JUDGED, REPEATED_SLIPS, is_repeat

from .environment import HELD_OUT, shared_corpus

#: The hand labels.
JUDGED = Path(__file__).with_name("repeated_judged.tsv")
LABELS = ("slip", "genuine", "unsure")


def read_judged(path: Path = JUDGED) -> dict[tuple[str, int, str], str]:
    """(file, line, span) -> label."""
    out = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            file, line, span, label = row.split("\t")
            assert label in LABELS, row
            out[(file, int(line), span)] = label
    return out


def may_repeat(line: str) -> bool:
    """A word of the line comes again two to MAX_REPEATED_WORDS words on (a cheap test before the checker's)."""
    words = line.split()
    return any(a == b for k in range(2, MAX_REPEATED_WORDS + 1) for a, b in zip(words, words[k:], strict=False))


def repeats(corpus: Path) -> Iterator[tuple[str, int, str, str]]:
    """(file, line number, span, line) of every repeated phrase the checker reports in the build corpus."""
    from speller.checker import Speller

    speller = Speller()
    for path in sorted(corpus.glob("*.txt")):
        if path.name in HELD_OUT:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if not may_repeat(line):
                continue
            for issue in speller.check(line):
                words = issue.word.split(" ")
                if len(set(words)) > 1 and is_repeat(words):
                    yield path.name, number, issue.word, line


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", action="store_true", help="list every repeat with its line and label")
    args = ap.parse_args(argv)
    labels = read_judged()
    counts: Counter[str] = Counter()
    unjudged = []
    for file, number, span, line in repeats(shared_corpus()):
        label = labels.get((file, number, span))
        counts[label or "unjudged"] += 1
        if label is None:
            unjudged.append(f"{file}\t{number}\t{span}\t?\t{line.strip()[:160]}")
        if args.list:
            print(f"{file}\t{number}\t{span}\t{label}\t{line.strip()[:160]}")
    slips, judged = counts["slip"], counts["slip"] + counts["genuine"]
    print(f"repeats found: {sum(counts.values())}; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"slips {slips} of {judged} judged ({100 * slips / max(judged, 1):.1f}%); unsure left out")
    print(f"speller.repeats: REPEATED_SLIPS {REPEATED_SLIPS}, REPEATED_JUDGED {REPEATED_JUDGED}")
    for row in unjudged:
        print("unjudged:", row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
