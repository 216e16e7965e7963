"""Do the reported confidences mean what they say on unseen news? Judged flags by confidence band.

    python -m benchmarks.judged_bands --file clickid-fimela.txt            # bands 0.0 .. 0.9 (what fix leaves)
    python -m benchmarks.judged_bands --file clickid-fimela.txt --top 1.01  # every judged flag

The flags of `python -m benchmarks.unseen_file --list` (the same build less `--file`, the same seeded sample: what the
model flags, shown by default whatever their confidence, so under 0.5 too) whose
reported confidence lies in [`--floor`, `--top`) are matched to their labels in benchmarks/unseen_judged.tsv (file,
line, word). For each band of width BAND, each category and each category and kind (`speller.calibration.kind_of`) it
prints the labels (slip / genuine / unsure / misfix), the share of real errors among the judged sure ones (slips and
misfixes over slips, genuine words and misfixes: a misfix is a real error whose first suggestion is wrong, which the
calibration, fitted on dev's gold spans, counts real too), the share `fix` would fix right (slips alone), and the mean
confidence reported and the mean raw one (the model's, before `dictionaries/calibration.tsv` and the cap that keeps an
unfixed kind under FIX_CONFIDENCE). An honest band's real share is close to its mean reported confidence.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .unseen_file import LABELS, Flag, _context, add_sample_arguments, built_dictionary, read_judged, sampled_texts
from .unseen_file import line_of as _line_of

#: The width of a confidence band.
BAND = 0.1


class Judged(NamedTuple):
    """A flag of the sample with its raw confidence, its line of the file and its label ("" when not judged)."""

    flag: Flag
    raw: float
    line: int
    label: str


def check_raw(folder: Path, texts: Sequence[str]) -> list[tuple[Flag, float]]:
    """Every flag of a `Speller` on `folder` as shipped (as `benchmarks.unseen_file.check`), each with its
    raw confidence (that of an uncalibrated `Speller` with no floor on the same span and category)."""
    from speller import Speller
    from speller.checker import Finding

    class Raw(Speller):
        """A `Speller` reporting the model's own confidence: no calibration, no cap for an unfixed kind."""

        def _calibrated(self, text: str, f: Finding, writes: object = None) -> float:
            return f.confidence

    sp = Speller(str(folder))
    raw = Raw(sp.dictionary, min_confidence=0.0)
    out = []
    for text in texts:
        raws = {(i.start, i.end, i.category): i.confidence for i in raw.check(text)}
        for issue in sp.check(text):
            finding = Finding(issue.start, issue.end, list(issue.suggestions), issue.category, 0.0)
            kind = sp._kind(text, finding)
            flag = Flag(
                issue.word,
                issue.suggestion or "",
                issue.category,
                kind,
                issue.confidence,
                _context(text, issue.start, issue.end),
            )
            out.append((flag, raws.get((issue.start, issue.end, issue.category), issue.confidence)))
    return out


def band_of(confidence: float, width: float = BAND) -> float:
    """The lower edge of the band holding `confidence` (0.5 for 0.5 .. 0.6; 0.899 is in 0.8)."""
    return round(int(round(confidence / width, 9)) * width, 6)


def summary(rows: Iterable[Judged]) -> str:
    """Labels, real share and fixed-right share among the judged sure, mean reported and raw confidence."""
    rows = [r for r in rows if r.label]
    counts = {label: sum(r.label == label for r in rows) for label in LABELS}
    sure = counts["slip"] + counts["genuine"] + counts["misfix"]
    real = (counts["slip"] + counts["misfix"]) / sure if sure else 0.0
    right = counts["slip"] / sure if sure else 0.0
    said = sum(r.flag.confidence for r in rows) / len(rows) if rows else 0.0
    raw = sum(r.raw for r in rows) / len(rows) if rows else 0.0
    shown = "/".join(str(counts[label]) for label in LABELS)
    shares = f"real {100 * real:5.1f}%  right {100 * right:5.1f}%"
    return f"{len(rows):>4}  {shown:<14} {shares}  said {said:.3f}  raw {raw:.3f}"


def table(judged: Sequence[Judged]) -> list[str]:
    """The report: all, then by band, by category, by category and band, by category and kind."""
    groups: dict[str, list[Judged]] = defaultdict(list)
    for r in judged:
        groups["all"].append(r)
        band = f"{band_of(r.flag.confidence):.1f}"
        groups[f"band {band}"].append(r)
        groups[f"{r.flag.category}"].append(r)
        groups[f"{r.flag.category} band {band}"].append(r)
        groups[f"{r.flag.category}:{r.flag.kind}"].append(r)
    head = f"{'group':<26}{'n':>4}  {'/'.join(LABELS):<14}"
    order = sorted(groups, key=lambda g: (g != "all", not g.startswith("band"), ":" in g, g))
    return [head, *(f"{g:<26}{summary(groups[g])}" for g in order)]


def judged_flags(
    flags: Sequence[tuple[Flag, float]], corpus_text: str, labels: dict[tuple[int, str], str], floor: float, top: float
) -> list[Judged]:
    """The flags with reported confidence in [floor, top), each with its line and label."""
    out = []
    for flag, raw in flags:
        if floor <= flag.confidence < top:
            line = _line_of(corpus_text, flag)
            out.append(Judged(flag, raw, line, labels.get((line, flag.word), "")))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from speller.categories import FIX_CONFIDENCE

    from .environment import shared_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser)
    parser.add_argument("--floor", type=float, default=0.0, help="the lowest reported confidence counted")
    parser.add_argument("--top", type=float, default=FIX_CONFIDENCE, help="reported confidences below this counted")
    parser.add_argument("--unjudged", action="store_true", help="list the flags in the bands with no label")
    args = parser.parse_args(argv)
    texts = sampled_texts(parser, args)
    folder = built_dictionary(args.file)
    corpus_text = "\n".join((shared_corpus() / args.file).read_text(encoding="utf-8").splitlines())
    judged = judged_flags(check_raw(folder, texts), corpus_text, read_judged(args.file), args.floor, args.top)
    missing = [r for r in judged if not r.label]
    if args.unjudged:
        for r in missing:
            f = r.flag
            print(
                f"{f.confidence:.3f}\t{r.raw:.3f}\t{f.category}\t{f.kind}\t{r.line}\t{f.word}\t{f.suggestion}\t{f.context}"
            )
    print(f"{args.file}, seed {args.seed}: reported confidence in [{args.floor}, {args.top}); {len(missing)} unjudged")
    print("\n".join(table(judged)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
