"""Slips left silent in news the dictionary never saw, by the door that let them in: the judged silent words again.

    python -m benchmarks.silent_judged                                  # clickid-kompas.txt, seed 1, 100,000 tokens
    python -m benchmarks.silent_judged --file clickid-okezone.txt       # a file with no labels: every word unjudged

`python -m benchmarks.unseen_file --silent` lists the unlisted words (the left-out build counts them fewer than
`SILENT_BELOW` times) that get no finding, each with its door (`benchmarks.doors.door`, or `context` when the word
alone is flagged). Judging them by hand says how many slips the checker misses there, the other half of recall on
unseen news (the flags judged by `--judged` are the half it finds). The lowercase ones judged are kept in
benchmarks/silent_judged.tsv (file, word as written, label, the category a slip belongs to), so a model change is
measured against them without judging them again: this checks the same sample and prints, per door, the silent
words by label (tokens: a word silent twice counts twice), the judged slips still silent, the judged words no longer
silent (now flagged, or listed), and the silent words not judged yet (judge and add them).

clickid-kompas.txt (main f81e91f, seed 1, 100,036 tokens): 618 lowercase words left silent (535 forms); 30 of them
slips (27 forms: 0.30 per 1,000 tokens; typo 21, spacing 7, nonstandard 1, real word 1), 10 unsure. By door (slips /
silent words): derivation 9 / 213 (`membatakan`, `peruntukkan`, `pengundang`, `dibiar`, `mengizin`, `kenakannya`,
`insiatifnya`; `dikantong`, `pastian` of `ketidak pastian`), new word 8 / 60 (`disubsitusi` twice, `didesiminasi`,
`jhomogen`, `persengkokolan`, `wiranaga`; run-ons `diselimutiperasaan`, `dimintaagunan`), context 4 / 29
(`pembangian` before a parenthesis, `sibesar` twice, `sikecil`), unseen root 3 / 23 (`membenakan`, `subsitusi`
twice), listed 3 / 182 (`dikuasi`, `dipersilahkan`, `inventor`), lexicon root 2 / 79 (`hulur`, `mutih`), below the
floor 1 / 3 (`menimpis`). Beside the typo flags at 0.5 or more (318, about 266 of them slips), the 21 typo slips left
silent put typo recall on this file near 93%.

clickid-okezone.txt (report only; 100,171 tokens): 965 lowercase words left silent; of the 70 lowercase forms among 100
drawn from its `--silent` list (seed 1; the others Arabic script), 4 slips (`arransment`, `cocokan` for cocokkan; the
spacing slips `kebelakangnya`, `di alamatkan`), 3 unsure: about 0.27 missed typo slips per 1,000 tokens against
about 2.7 flagged (3.28 typo flags per 1,000, 82% of them slips), typo recall near 90% (a wide estimate: 2 in 70).
`di alamatkan` is now joined (`speller.spacing.prefix_apart`).

clickid-sindonews.txt (main caf4181, seed 1, 100,279 tokens): 983 lowercase words left silent (783 forms), 61 of them
slips (0.61 per 1,000: typo 40, spacing 19, nonstandard 2), 11 unsure. By door: derivation 22 / 279 (12 of them words
split apart, `menggaris bawahi`, `diguna kan`, `dilipat gandakan`; typo 9: `mengaman`, `bersambar`, `udangan`,
`penikahan`, `penyimpang`, `memulangkah`), new word 13 / 117 (`menyederhakan`, `homescholing`, run-ons
`menggodoksejumlah`), listed 8 / 255 (`assesment`, `berhadap`, `kehausan` for keausan), lexicon root 8 / 121
(`automotif` 4 times, `jelak`, `milir`), unseen root 5 / 25 (`terbayak`, `penyulihan`), context 2 / 44, word list 2 /
116 (`suspense` for suspensi), below the floor 1 / 9. The derivation reading beside a far more frequent word
(`speller.model.RIVAL_FAMILY_SHARE`, `LOG_OMITTED_RIVAL`) then caught `penikahan` and flagged the genuine `penaikan`
(beside kenaikan): 60 slips left silent. indosum-dev.txt (report only, branch derive2, 100,065 tokens): 1,107
lowercase words left silent (866 forms), 25 slips (0.25 per 1,000: typo 20, spacing 3, nonstandard 2), 4 unsure; by
door derivation 8 / 318 (`dimain`, `memarkan`, `menggitari`, `ketidak - hadiran`), new word 7 / 150 (`distrupt`,
`flaship`, `nonivasif`), listed 4 / 254 (`menyangkan`, `gadung` for gedung), context 2, one each for the others.

clickid-wowkeren.txt (branch silent10, seed 1, 100,174 tokens; entertainment news): 1,150 words left silent (751
forms), 11 slips (0.11 per 1,000: typo 8, spacing 3), 7 unsure. By door: derivation 5 / 373 (`diserta`,
`peruntukkannya`; spacing `kitakan`, `disangkut pautkan`), unseen root 3 / 44 (`penyeludupan`, `tikenya`,
`berlabang`), listed 1 / 473 (`menjijikan`), lexicon root 1 / 102 (`pengang` in `pegang-pengang`), new word 1 / 66
(`piayama`). Most silent words are colloquial (`ngelakuin`, `gapapa`) or halves of reduplications (`terangan`).
clickid-tribunnews.txt (report only, branch silent10, seed 1, 100,072 tokens): 764 words left silent (619 forms),
39 slips (0.39 per 1,000: typo 28, spacing 6, nonstandard 5), 8 unsure. By door: derivation 12 / 257 (`dibintang`,
`diwarna`, `mengantarakan`, `disuntikannya`; spacing `dibelantika`, `kepolisiannyapun`), new word 12 / 97
(`abstrud`, `ketidaksempuraan`, `odentiknya`; `enggaktega`), listed 6 / 229 (`kontigensi`, `dikarunia`, `terbesit`;
nonstandard `intelegensia`, `karirmu`), unseen root 4 / 20 (`mengambar`, `kicuan`, `bertungan`; `ketemannya`),
new-word reading 2, below the floor 2 (`krikil`), context 1 (`meyebut`). A new word ending in a possessive clitic
rarer than its letters say (`speller.model.LOG_NEW_POSSESSIVE`, branch newword11): tribunnews 38 slips (`diterangkanya`
flagged), wowkeren the same 11; the rest of the new-word door there is out of its reach: `ketidaksempuraan` and
`handycratf` have no candidate at all, `abstrud` and `piayama` sit at the ceiling of the new-word prior.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .unseen_file import Silent, add_sample_arguments, built_dictionary, check_silent, sampled_texts, token_count

#: The judged silent words: file, word as written, label (LABELS), the category of a slip (CATEGORIES) or nothing.
JUDGED = Path(__file__).with_name("silent_judged.tsv")
#: A silent word is a slip (a real error), a genuine word, or unsure.
LABELS = ("slip", "genuine", "unsure")
#: The category a slip belongs to (as `speller.categories` names them).
CATEGORIES = ("typo", "spacing", "nonstandard", "real_word")
#: The label of a silent word the table does not judge.
UNJUDGED = "unjudged"


def read_labels(file: str, path: Path = JUDGED) -> dict[str, tuple[str, str]]:
    """`file`'s judged silent words: word as written -> (label, category of a slip or '')."""
    labels = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            name, word, label, category = row.split("\t")
            assert label in LABELS and category in ("", *CATEGORIES), row
            assert (category != "") == (label == "slip"), row
            if name == file:
                labels[word] = (label, category)
    return labels


def tally(rows: Sequence[tuple[Silent, str, str]], labels: dict[str, tuple[str, str]]) -> Counter[tuple[str, str]]:
    """The silent lowercase words (`check_silent`'s rows) by (door, label), each time it is written; UNJUDGED for a
    word `labels` lacks."""
    counts: Counter[tuple[str, str]] = Counter()
    for s, gate, _ in rows:
        if s.word[:1].islower():
            counts[(gate, labels.get(s.word, (UNJUDGED, ""))[0])] += 1
    return counts


def no_longer_silent(rows: Sequence[tuple[Silent, str, str]], labels: dict[str, tuple[str, str]]) -> list[str]:
    """The judged words (lowercase) that none of `rows` leaves silent any more: flagged now, or listed."""
    silent = {s.word for s, _, _ in rows}
    return sorted(w for w in labels if w[:1].islower() and w not in silent)


def report(rows: Sequence[tuple[Silent, str, str]], labels: dict[str, tuple[str, str]], tokens: int) -> list[str]:
    """The table of silent lowercase words by door and label, the slips still silent, the judged words no longer
    silent, the silent words not judged, and the missed slips per 1,000 tokens."""
    counts = tally(rows, labels)
    shown = (*LABELS, UNJUDGED)
    doors = sorted({gate for gate, _ in counts}, key=lambda g: -sum(counts[(g, x)] for x in shown))
    lines = [f"{'door':<18}" + "".join(f"{x:>10}" for x in shown)]
    lines += [f"{g:<18}" + "".join(f"{counts[(g, x)]:>10}" for x in shown) for g in doors]
    lines.append(f"{'(all)':<18}" + "".join(f"{sum(counts[(g, x)] for g in doors):>10}" for x in shown))
    slips = [(s, gate) for s, gate, _ in rows if s.word[:1].islower() and labels.get(s.word, ("",))[0] == "slip"]
    lines += [f"slip\t{gate}\t{labels[s.word][1]}\t{s.word}\t{s.context}" for s, gate in slips]
    lines += [f"no longer silent\t{labels[w][0]}\t{w}" for w in no_longer_silent(rows, labels)]
    lines += [
        f"unjudged\t{gate}\t{s.word}\t{nearest}\t{s.context}"
        for s, gate, nearest in rows
        if s.word[:1].islower() and s.word not in labels
    ]
    rate = 1000 * len(slips) / tokens if tokens else 0.0
    lines.append(f"{len(slips)} judged slips left silent in {tokens} tokens: {rate:.2f} per 1,000")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser, "clickid-kompas.txt")
    args = parser.parse_args(argv)
    texts = sampled_texts(parser, args)
    rows = check_silent(built_dictionary(args.file), texts)
    print("\n".join(report(rows, read_labels(args.file), sum(map(token_count, texts)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
