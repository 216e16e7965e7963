"""Rare listed words of unseen news, judged: does a far more frequent word one slip away tell the slips apart?

    python -m benchmarks.listed_slips --file clickid-fimela.txt   # one file (its build cached under $SPELLER_CACHE)
    python -m benchmarks.listed_slips --file A --file B           # pooled

For each judged lowercase word of the file's sample (`benchmarks/silent_judged.tsv`: the words left silent;
`benchmarks/unseen_judged.tsv`: the words flagged) that the build without the file lists at most `MAX_COUNT` times,
this prints its count, the most frequent word one edit from it that `speller.model.slip_discount` would read as a
rival (its own roots and casual standards aside, as `Speller._prior` does), that word's count, the slip's cost
(`error_cost`) and where it lies (`benchmarks.unseen_file.edit_place`), the word's evidence of being that word
mistyped, `ln(rival / own) - cost`, the share of its count today's discount leaves it (`genuine`), and its label
(slip or genuine; unsure words are left out). Then, by evidence band, how many of them are slips and genuine: the
question is whether the ratio and the slip's cost separate slips from words better than the discount does today.

Decision files fimela, wowkeren, sindonews, kompas (main 94b1c4c; a word per file, silent and flagged together): 959
judged rare listed words, 137 slips. Today's discount took the whole count of 86 (60 slips), part of 103 (25 slips),
none of 770 (52 slips; most are roots of the lexicon, which it never discounts, or have no rival ten times as
frequent). Evidence alone does not tell them apart where the discount leaves them: from -1.5 to 2, formed words
(`speller.model.slip_discount`'s `formed`) were 14 slips and 124 genuine, unformed words under 8 letters 9 slips and
15 genuine (`kupu` beside kpu, `nawar` beside anwar, colloquial `ajarin`, `laper`), but unformed words of 8 letters or
more 20 slips and no genuine word (`tradisonal`, `mengonsumi`, `kehadirat`, `assesment`): a short string lies one
edit from many words, a long one from few (`speller.model.LOG_CORPUS_SLIP_LONG`). On the report files kapanlagi and
tribunnews, measured once after: unformed words of 8 letters or more in that band 4 slips, 2 genuine (colloquial
`keluarin`, `ditanyain`, left silent all the same).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import NamedTuple

from .silent_judged import read_labels
from .unseen_file import built_dictionary
from .unseen_file import read_judged as read_flag_labels

#: The listed words measured: those the left-out build counts at most this many times.
MAX_COUNT = 14
#: The evidence bands printed (lower edges, ln).
BANDS = (-math.inf, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0)


class Row(NamedTuple):
    """One judged rare listed word and its strongest rival."""

    word: str
    listed: int
    rival: str
    rival_count: int
    cost: float
    place: str
    formed: bool
    genuine: float
    label: str
    source: str

    @property
    def evidence(self) -> float:
        """ln of the rival's count over the word's, less the slip's cost: how many of the word's sightings the rival
        mistyped would explain, on a log scale, at a slip rate of one."""
        if not self.rival_count:
            return -math.inf
        return math.log(self.rival_count / self.listed) - self.cost


def judged_words(file: str) -> dict[str, str]:
    """The file's judged lowercase words: word -> slip or genuine (silent ones and flagged ones; a misfix is a slip;
    a word judged both ways, or unsure, is left out)."""
    found: dict[str, set[tuple[str, str]]] = {}
    for word, (label, _) in read_labels(file).items():
        found.setdefault(word.lower(), set()).add((label, "silent"))
    for (_, word), label in read_flag_labels(file).items():
        if word[:1].islower():
            found.setdefault(word.lower(), set()).add(("slip" if label == "misfix" else label, "flagged"))
    words = {}
    for word, seen in found.items():
        labels = {label for label, _ in seen}
        if len(labels) == 1 and labels <= {"slip", "genuine"}:
            words[word] = f"{labels.pop()}\t{'/'.join(sorted({s for _, s in seen}))}"
    return words


def rows_of(file: str) -> list[Row]:
    """The judged lowercase words of `file` its left-out build lists 1 to MAX_COUNT times, with their rivals."""
    from speller import Speller
    from speller.context import error_cost
    from speller.model import slip_discount

    from .unseen_file import edit_place

    sp = Speller(str(built_dictionary(file, quiet=True)))
    d = sp.dictionary
    rows = []
    for word, tag in sorted(judged_words(file).items()):
        label, source = tag.split("\t")
        own = d.count(word)
        if not 1 <= own <= MAX_COUNT or not word.isalpha():
            continue
        stems = sp._stems(word)
        casual = sp._casual_standards(word)
        rivals = [(c, k) for c, k in sp._index.lookup(word, 1) if c not in stems and c not in casual]
        formed = bool(stems) or sp._explained(word)
        lexicon = word in d.roots or word in d.english
        discount = 0.0 if lexicon else slip_discount(d, word, rivals, formed)
        near = [(c, d.count(c)) for c, k in rivals if k == 1 and c != word]
        best = max(near, key=lambda cn: math.log(cn[1]) - error_cost(word, cn[0]), default=("", 0))
        cost = error_cost(word, best[0]) if best[0] else 0.0
        place = edit_place(word, best[0]) if best[0] else ""
        genuine = max(own - discount, 0.0) / own
        rows.append(Row(word, own, best[0], best[1], cost, place, formed, genuine, label, source))
    return rows


def bands(rows: Sequence[Row]) -> list[str]:
    """Slips and genuine words per evidence band, and the same for today's discount (genuine share 0, under 1, 1)."""
    lines = [f"{'evidence >=':<12}{'slip':>6}{'genuine':>9}   (words at or above the band's edge: slip / genuine)"]
    for i, low in enumerate(BANDS):
        high = BANDS[i + 1] if i + 1 < len(BANDS) else math.inf
        inside = [r for r in rows if low <= r.evidence < high]
        above = [r for r in rows if r.evidence >= low]
        slips = sum(r.label == "slip" for r in inside)
        lines.append(
            f"{low:<12.1f}{slips:>6}{len(inside) - slips:>9}   "
            f"{sum(r.label == 'slip' for r in above)} / {sum(r.label == 'genuine' for r in above)}"
        )
    for name, test in (
        ("discounted to 0", lambda r: r.genuine == 0),
        ("discounted", lambda r: 0 < r.genuine < 1),
        ("not discounted", lambda r: r.genuine == 1),
    ):
        chosen = [r for r in rows if test(r)]
        slips = sum(r.label == "slip" for r in chosen)
        lines.append(f"{name:<18}{slips:>6} slip {len(chosen) - slips:>6} genuine")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.listed_slips", description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", required=True, help="a corpus file with judged words (repeatable)")
    args = parser.parse_args(argv)
    rows = []
    for file in args.file:
        found = rows_of(file)
        rows += found
        for r in sorted(found, key=lambda r: -r.evidence):
            print(
                f"{file}\t{r.label}\t{r.source}\t{r.word}\t{r.listed}\t{r.rival}\t{r.rival_count}\t{r.cost:.2f}\t"
                f"{r.place}\t{'formed' if r.formed else 'unformed'}\t{r.evidence:.2f}\t{r.genuine:.2f}"
            )
    print("\n".join(bands(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
