"""Misfixes on the decision files: is the first suggestion now the word meant? (issue #10)

    python -m benchmarks.misfixes [--wrong]

Reads benchmarks/misfixes_judged.tsv (the decision files' flags once labelled `misfix` in unseen_judged.tsv, each
with the word meant and why it lost), checks each decision file's seeded sample on the build without that file (as
`python -m benchmarks.unseen_file --judged` does; a file's first run builds its dictionary, about 1 min) and counts,
per cause, how many of those flags now have the meant word as their first suggestion, how many put it lower among
the ranked candidates, and how many are no longer flagged. `--wrong` lists the rest with their first suggestion.
Decision files only: report files are measured, never tuned to, and have no rows here.

At main 999ca9e, 107 rows with a meant word: 10 right (8 of them doubled words a later change had already fixed),
54 with the meant word ranked lower, 43 where it is no candidate. By cause: outranked 53 (1 right), missing 22,
shifted 14 (a space one letter off: `d idalam`, `dil uar`, `masyara kat`, `denga npasal`; the checker weighs one
token at a time), rule 7 (`dijalan` -> `di jalan` for dijalankan, `kepimpinan` -> `ke pimpinan`, `mengkuti` ->
`menguti` for mengikuti: a rule's fix is applied before the model weighs any typo candidate), reduplication 11 (8
right). Of the 52 outranked still wrong, the meant word is one left-out letter away in 32, the first two edits or more
away in 27: hence `speller.model.FURTHER_EDIT_COST` (1: 18 right, 1 flag no longer shown).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from speller.records import NamedTuple

#: The judged misfixes: file, line, word, meant, cause.
JUDGED = Path(__file__).with_name("misfixes_judged.tsv")
#: The meant word could not be judged.
UNCLEAR = "?"


class Misfix(NamedTuple):
    """One judged misfix: where it stands, the word as flagged, the word meant and why it lost at first."""

    file: str
    line: int
    word: str
    meant: str
    cause: str


def read_misfixes(path: Path = JUDGED) -> list[Misfix]:
    """The rows of `path` (comments skipped)."""
    rows = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            file, line, word, meant, cause = row.split("\t")
            rows.append(Misfix(file, int(line), word, meant, cause))
    return rows


def outcomes(file: str, rows: list[Misfix]) -> dict[tuple[int, str], tuple[str, int | None]]:
    """Per (line, word) of `rows` flagged in `file`'s sample: the first suggestion and the meant word's place among
    the ranked candidates (1-based; None when it is not among them)."""
    from speller import Speller

    from . import unseen_file as uf
    from .ranking import recording

    wanted = {(r.line, r.word): r.meant.lower() for r in rows if r.meant != UNCLEAR}
    path = uf.shared_corpus() / file
    lines = path.read_text(encoding="utf-8").splitlines()
    texts = uf.sample(uf.blocks(lines), uf.DEFAULT_TOKENS, 1)
    speller = Speller(str(uf.built_dictionary(file, quiet=True)))
    seen = recording(speller, True)
    corpus_text = "\n".join(lines)
    found: dict[tuple[int, str], tuple[str, int | None]] = {}
    for text in texts:
        for issue in speller.check(text):
            context = uf._context(text, issue.start, issue.end)
            flag = uf.Flag(issue.word, issue.suggestion or "", issue.category, "", issue.confidence, context)
            line = uf.line_of(corpus_text, flag)
            # a finding over two words (`dil uar` -> `di luar`) answers the row of each
            for key in dict.fromkeys([(line, issue.word), *((line, part) for part in issue.word.split(" "))]):
                if key not in wanted or key in found:
                    continue
                ranked = [c for c, _ in seen.get((id(text), issue.end), ())]
                place = ranked.index(wanted[key]) + 1 if wanted[key] in ranked else None
                found[key] = (issue.suggestion or "", place)
    return found


def main(argv: list[str] | None = None) -> int:
    from .calibrate import DECISION_FILES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the flags not fixed to the meant word")
    args = parser.parse_args(argv)
    rows = [r for r in read_misfixes() if r.meant != UNCLEAR]
    tally: Counter[tuple[str, str]] = Counter()
    wrong = []
    for file in DECISION_FILES:
        mine = [r for r in rows if r.file == file]
        found = outcomes(file, mine)
        for r in mine:
            hit = found.get((r.line, r.word))
            if hit is None:
                tally[(r.cause, "unflagged")] += 1
                wrong.append(f"{file}\t{r.line}\t{r.word}\t{r.meant}\t{r.cause}\t(not flagged)\t-")
                continue
            first, place = hit
            outcome = "right" if first.lower() == r.meant.lower() else "ranked" if place else "absent"
            tally[(r.cause, outcome)] += 1
            if outcome != "right":
                wrong.append(f"{file}\t{r.line}\t{r.word}\t{r.meant}\t{r.cause}\t{first}\t{place or '-'}")
    kinds = ("right", "ranked", "absent", "unflagged")
    print("cause | judged | " + " | ".join(kinds))
    for cause in sorted({r.cause for r in rows}):
        counts = [tally[(cause, k)] for k in kinds]
        print(f"{cause} | {sum(counts)} | " + " | ".join(map(str, counts)))
    total = [sum(tally[(c, k)] for c in {r.cause for r in rows}) for k in kinds]
    print(f"all | {sum(total)} | " + " | ".join(map(str, total)))
    print("(right: first suggestion is the meant word; ranked: meant word ranked lower; absent: not a candidate)")
    if args.wrong:
        print("file\tline\tword\tmeant\tcause\tfirst\tmeant's place")
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
