"""Rare listed words of unseen news, judged: does a far more frequent word one slip away tell the slips apart?

    python -m benchmarks.listed_slips --file clickid-fimela.txt   # one file (its build cached under $SPELLER_CACHE)
    python -m benchmarks.listed_slips --file A --file B           # pooled
    python -m benchmarks.listed_slips --flags --file A            # the shown typo flags on listed words, by evidence
    python -m benchmarks.listed_slips --flags --set COLLOCATION_ALLOWANCE=1e9 --file A   # ... with vouching off

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

`--flags`: every typo flag the model shows (any confidence) on a lowercase word the left-out build lists, with its
label (slip and misfix real, genuine false; `benchmarks/unseen_judged.tsv`), the word's count c, its suggestion's
count N, ln(N / c), the slip's cost, the share of c written in lowercase, how many of the build corpus's files show it,
the repeats of its own right-hand pairs (`speller.model.own_pair_repeats`, what `vouched_uses` reads: the
repeats of its pairs in `bigrams.tsv` that slips of the suggestion, landing in the suggestion's contexts, do not
explain, the pair that repeats most left out) and the share of c the prior keeps; then real / false flags by those
repeats and by files showing. Decision files (listed20 on main 999ca9e; each its left-out build), with the rule off
(`--set COLLOCATION_ALLOWANCE=1e9`): 190 real, 127 false flags; own repeats under 0.5: 160 / 55, 0.5-2: 10 / 6,
2-5: 3 / 19, 5 or more: 17 / 47 (gitu, gini, setelan, duo: words with neighbours of their own; the slips there,
`menunjukan`, `penegakkan`, are habits, and stay flagged with the rule). Files
showing: 9 or more 37 / 56 (a slip of a frequent word recurs in every source, and so does casual speech), so spread
tells them apart no better than the count. With the rule: 188 real, 59 false (repeats 2 or more: 19 / 1).

Left repeats (`left_pair_repeats`: the same reading of the pairs `bigrams.tsv` shows before the word, `ke sana`,
adjectives after nouns) were measured for a left-hand vouching (fa21, main 2e8e469, the five decision files): of 247
flags, left repeats 2 or more 22 real / 4 false; where the right-hand pairs vouch for less than 2, the ones it would
add, 5 real (`karna` for karena, a habit with neighbours of its own) / 3 false (`pre`, `sajam` x2). Vouching by
either side (the larger) moved the typo flags of the five files from 1,184 real / 373 false to 1,180 / 370 (the sum
of both sides, on fimela and posmetro-medan: mahasiwa x2 lost too): the pairs on the left do not tell habits from
words, and no left-hand index was built.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .silent_judged import read_labels

if TYPE_CHECKING:
    from speller.dictionary import Dictionary
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
    from speller.model import listed_slips

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
        discount = 0.0 if lexicon else listed_slips(d, word, rivals, formed)
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


class FlagRow(NamedTuple):
    """A shown typo flag on a listed lowercase word, with the evidence on the word."""

    file: str
    label: str
    word: str
    suggestion: str
    listed: int
    rival_count: int
    log_ratio: float
    cost: float
    lowercase: float
    files: int
    repeats: float
    left_repeats: float
    genuine: float


def flag_rows(file: str, values: dict[str, float] | None = None) -> list[FlagRow]:
    """The typo flags the model shows on `file`'s sample (`benchmarks.unseen_file`, seed 1) whose written word is
    lowercase, one word, and listed by the build without `file`, with their labels (unlabelled and unsure: left out);
    `values`: model parameters to check with (`benchmarks.tune --set`)."""
    from speller import Speller
    from speller.context import error_cost
    from speller.model import listed_slips, own_pair_repeats

    from .tune import patched
    from .unseen_file import blocks, check, line_of, sample, shared_corpus

    text = (shared_corpus() / file).read_text(encoding="utf-8")
    corpus_text = "\n".join(text.splitlines())
    labels = read_flag_labels(file)
    folder = built_dictionary(file, quiet=True)
    sp = Speller(str(folder))
    d = sp.dictionary
    spread = _files_showing(file)
    before = pairs_before(folder)
    rows = []
    with patched(values or {}):
        flags = check(folder, sample(blocks(text.splitlines()), 100_000, 1))
    for f in flags:
        word, fix = f.word.lower(), f.suggestion.lower()
        own = d.count(word)
        judged = labels.get((line_of(corpus_text, f), f.word), "")
        label = {"slip": "real", "misfix": "real", "genuine": "false"}.get(judged)
        if f.category != "typo" or not f.word[:1].islower() or " " in word or not own or label is None:
            continue
        n = d.count(fix) if fix and " " not in fix else 0
        cost = error_cost(word, fix) if n else math.nan
        stems, casual = sp._stems(word), sp._casual_standards(word)
        rivals = [(c, k) for c, k in sp._index.lookup(word, 1) if c not in stems and c not in casual]
        formed = bool(stems) or sp._explained(word)
        lexicon = word in d.roots or word in d.english
        discount = 0.0 if lexicon else listed_slips(d, word, rivals, formed)
        repeats = own_pair_repeats(d, word, fix, own) if n > own else 0.0
        left = left_pair_repeats(d, before.get(word, []), fix, own) if n > own else 0.0
        rows.append(
            FlagRow(
                file,
                label,
                word,
                fix,
                own,
                n,
                math.log(n / own) if n else math.nan,
                cost,
                d.lower_count(word) / own,
                spread.get(word, 0),
                repeats,
                left,
                max(own - discount, 0.0) / own,
            )
        )
    return rows


def left_pair_repeats(d: Dictionary, before: list[tuple[str, int]], rival: str, own: float) -> float:
    """`speller.model.own_pair_repeats` on the other side: the repeats of the pairs `before` (the words before a
    listed word seen `own` times, each pair's count) that slips of `rival` landing after the same words do not
    explain."""
    from speller.model import pair_repeats

    if own < 4:
        return 0.0
    share = own / max(d.count(rival), 1)
    return pair_repeats((n, share * d.bigram(left, rival)) for left, n in before)


def pairs_before(folder: Path) -> dict[str, list[tuple[str, int]]]:
    """The pairs of the build's bigrams.tsv by their right word: word -> [(the word before it, the pair's count)]."""
    found: dict[str, list[tuple[str, int]]] = {}
    with open(folder / "bigrams.tsv", encoding="utf-8") as f:
        for line in f:
            key, _, n = line.rstrip("\n").partition("\t")
            left, _, right = key.partition(" ")
            found.setdefault(right, []).append((left, int(n)))
    return found


def _files_showing(left_out: str) -> dict[str, int]:
    """How many of the build corpus's files (all but `left_out`) show each lowercase word (letters only)."""
    import re

    from .unseen_file import shared_corpus, sources

    files: dict[str, int] = {}
    for path in sources(shared_corpus(), left_out):
        seen = set(re.findall(r"[a-z]+", Path(path).read_text(encoding="utf-8", errors="replace").lower()))
        for w in seen:
            files[w] = files.get(w, 0) + 1
    return files


def flag_bands(rows: Sequence[FlagRow]) -> list[str]:
    """Real / false flags by the uses the word's neighbours vouch for, and by how many files show it."""
    lines = []
    for name, get in (("own repeats", lambda r: r.repeats), ("left repeats", lambda r: r.left_repeats)):
        lines.append(f"{name:<16}{'real':>6}{'false':>7}")
        for low, high in ((0.0, 0.5), (0.5, 2.0), (2.0, 5.0), (5.0, math.inf)):
            chosen = [r for r in rows if low <= get(r) < high]
            real = sum(r.label == "real" for r in chosen)
            lines.append(f"{f'{low:g}-{high:g}':<16}{real:>6}{len(chosen) - real:>7}")
    lines.append(f"{'files showing':<16}{'real':>6}{'false':>7}")
    for low, high in ((0, 3), (3, 6), (6, 9), (9, 99)):
        chosen = [r for r in rows if low <= r.files < high]
        real = sum(r.label == "real" for r in chosen)
        lines.append(f"{f'{low}-{high - 1}':<16}{real:>6}{len(chosen) - real:>7}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.listed_slips", description=__doc__.splitlines()[0])
    parser.add_argument("--file", action="append", required=True, help="a corpus file with judged words (repeatable)")
    parser.add_argument("--flags", action="store_true", help="the typo flags on listed words")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=V", help="with --flags: model parameters")
    args = parser.parse_args(argv)
    if args.flags:
        from .tune import grid

        values = grid(args.set)[0]
        flags = [row for file in args.file for row in flag_rows(file, values)]
        for flag in flags:
            print("\t".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in flag))
        print("\n".join(flag_bands(flags)))
        return 0
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
