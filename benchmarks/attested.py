"""Does a second witness (wordfreq's Indonesian list) tell the words news never saw from slips?

    python -m benchmarks.attested                      # dev typo flags, then fimela and posmetro-medan
    python -m benchmarks.attested --file clickid-fimela.txt --rows
    python -m benchmarks.attested --kinds --file A --file B   # judged flags by listed / wordfreq / case / kind

For each typo flag on a single word, judged real or false (dev: by the gold; an unseen-news decision file: by its
labels in benchmarks/unseen_judged.tsv, the flags of `benchmarks.unseen_file` on the build without that file): is the
written word in wordfreq's Indonesian list, at what Zipf frequency, and how far above it does its best suggestion
stand there (Zipf difference, edits)? A Zipf of 0 means the list does not have it. Needs wordfreq
(`pip install 'speller[build]'`); reads no test article.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

#: The bands of the written word's Zipf frequency in wordfreq's Indonesian list the table counts flags in.
ZIPF_BANDS = (0.0, 1.0, 2.0, 3.0, 3.5, 4.0, 5.0)
#: The bands of (suggestion's Zipf - written word's Zipf) for the words wordfreq lists.
GAP_BANDS = (-9.0, 0.0, 1.0, 2.0, 3.0)


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in Indonesian (0.0: not listed)."""
    import wordfreq

    return float(wordfreq.zipf_frequency(word, "id"))


def band(value: float, edges: Sequence[float]) -> str:
    """The band of `edges` that `value` falls in, as `lo-hi` (`lo+` for the last)."""
    lo = max((e for e in edges if value >= e), default=edges[0])
    i = edges.index(lo)
    return f"{lo:g}+" if i == len(edges) - 1 else f"{lo:g}-{edges[i + 1]:g}"


def row(word: str, suggestion: str, label: str) -> tuple[str, str, float, float, int]:
    """(label, word, its Zipf, the suggestion's Zipf less it, edits) of a flag on `word` with that suggestion."""
    from editdistpy import damerau_osa

    w, s = word.lower(), suggestion.lower()
    zw = zipf(w)
    return label, w, zw, (zipf(s) - zw if s else 0.0), damerau_osa.distance(w, s, 3) if s else -1


def table(rows: Iterable[tuple[str, str, float, float, int]]) -> list[str]:
    """Counts of real / false flags by the written word's Zipf band, and, for listed words, by the Zipf gap."""
    rows = list(rows)
    by_zipf: Counter[tuple[str, str]] = Counter((band(z, ZIPF_BANDS), lab) for lab, _, z, _, _ in rows)
    by_gap: Counter[tuple[str, str]] = Counter(
        (f"{band(z, (0.0, 2.0, 3.0, 3.5, 4.0))} gap {band(g, GAP_BANDS)} {'1 edit' if e == 1 else '2+ edits'}", lab)
        for lab, _, z, g, e in rows
        if z > 0
    )
    out = ["zipf band      real / false"]
    for b in sorted({k for k, _ in by_zipf}, key=lambda s: float(s.split("-")[0].rstrip("+"))):
        out.append(f"  {b:<12} {by_zipf[(b, 'real')]:>4} / {by_zipf[(b, 'false')]:<4}")
    out.append("listed words: zipf, suggestion's zipf - word's, edits      real / false")
    for key in sorted({k for k, _ in by_gap}):
        out.append(f"  {key:<48} {by_gap[(key, 'real')]:>4} / {by_gap[(key, 'false')]:<4}")
    return out


def dev_rows() -> list[tuple[str, str, float, float, int]]:
    """The dev typo flags on one word (what the model flags), real or false by the gold."""
    from speller.dictionary import Dictionary

    from .metrics import match
    from .tune import check_dev, dev_set

    ds = dev_set()
    flags = [f for f in check_dev(ds, Dictionary()) if f.flagged]
    flags = [f for f in flags if f.category == "typo" and " " not in f.word]
    hits, _ = match(ds.gold, flags)
    real = {(f.file, f.start) for fs in hits.values() for f in fs}
    return [
        row(f.word, f.suggestions[0] if f.suggestions else "", "real" if (f.file, f.start) in real else "false")
        for f in flags
    ]


def file_rows(file: str) -> list[tuple[str, str, float, float, int]]:
    """The judged typo flags on one word of the decision file `file` (slip, misfix: real; genuine: false)."""
    from .unseen_file import (
        blocks,
        built_dictionary,
        check,
        line_of,
        read_judged,
        sample,
        shared_corpus,
    )

    path = shared_corpus() / file
    text = path.read_text(encoding="utf-8")
    texts = sample(blocks(text.splitlines()), 100_000, 1)
    corpus_text = "\n".join(text.splitlines())
    labels = read_judged(file)
    out = []
    for f in check(built_dictionary(file, quiet=True), texts):
        if f.category != "typo" or " " in f.word:
            continue
        label = labels.get((line_of(corpus_text, f), f.word))
        if label in ("slip", "misfix", "genuine"):
            out.append(row(f.word, f.suggestion, "false" if label == "genuine" else "real"))
    return out


def kind_rows(file: str) -> list[tuple[str, str]]:
    """The judged typo flags on one word of the decision file `file` (as `file_rows`), each as (real or false, its
    group: listed or unlisted by the left-out build, with wordfreq's list or without (Zipf 0), its case, its
    calibration kind (`speller.calibration.kind_of`))."""
    from speller.dictionary import Dictionary

    from .unseen_file import blocks, built_dictionary, check, line_of, read_judged, sample, shared_corpus

    text = (shared_corpus() / file).read_text(encoding="utf-8")
    corpus_text = "\n".join(text.splitlines())
    labels = read_judged(file)
    folder = built_dictionary(file, quiet=True)
    d = Dictionary(str(folder))
    out = []
    for f in check(folder, sample(blocks(text.splitlines()), 100_000, 1)):
        label = labels.get((line_of(corpus_text, f), f.word))
        if f.category != "typo" or " " in f.word or label not in ("slip", "misfix", "genuine"):
            continue
        w = f.word.lower()
        case = "lower" if f.word[:1].islower() else "upper" if f.word.isupper() else "capital"
        group = f"{'listed' if d.count(w) else 'unlisted'} {'wordfreq' if zipf(w) else 'no-wordfreq'} {case} {f.kind}"
        out.append(("false" if label == "genuine" else "real", group))
    return out


def kind_table(rows: Iterable[tuple[str, str]]) -> list[str]:
    """Counts of real / false flags per group of `kind_rows`, the groups with most false flags first."""
    counts: Counter[tuple[str, str]] = Counter(rows)
    groups = sorted({g for _, g in counts}, key=lambda g: (-counts[("false", g)], -counts[("real", g)], g))
    out = ["listed?  wordfreq?  case  kind                      real / false"]
    out += [f"  {g:<44} {counts[('real', g)]:>4} / {counts[('false', g)]:<4}" for g in groups]
    return out


def sweep(file: str, settings: Sequence[str]) -> list[str]:
    """For each setting (`benchmarks.tune --set` syntax) of speller.model's parameters, the typo flags on the decision
    file `file` by label: slip and misfix (real), genuine (false), unsure, and flags no label covers (new)."""
    from .tune import grid, patched
    from .unseen_file import blocks, built_dictionary, check, line_of, read_judged, sample, shared_corpus

    text = (shared_corpus() / file).read_text(encoding="utf-8")
    texts = sample(blocks(text.splitlines()), 100_000, 1)
    corpus_text = "\n".join(text.splitlines())
    labels = read_judged(file)
    folder = built_dictionary(file, quiet=True)
    out = [f"{file}: typo flags  real / false / unsure / unjudged   (fix applies: real / false)"]
    first: Counter[tuple[str, str]] | None = None
    for values in grid(settings):
        with patched(values):
            flags = [f for f in check(folder, texts) if f.category == "typo"]
        found: Counter[str] = Counter()
        sure: Counter[str] = Counter()
        words: Counter[tuple[str, str]] = Counter()
        new = []
        for f in flags:
            label = labels.get((line_of(corpus_text, f), f.word))
            kind = {"slip": "real", "misfix": "real", "genuine": "false", None: "unjudged"}.get(label, "unsure")
            found[kind] += 1
            words[(kind, f.word)] += 1
            sure[kind] += f.confidence >= 0.9
            if label is None:
                new.append(f.word)
        name = ", ".join(f"{k}={v:g}" for k, v in values.items()) or "shipped"
        counts = " / ".join(str(found[k]) for k in ("real", "false", "unsure", "unjudged"))
        out.append(f"  {name:<24} {counts}   ({sure['real']} / {sure['false']})  unjudged: {' '.join(new)}")
        if first is None:
            first = words
        else:
            gone, added = first - words, words - first
            out.append(f"    cleared: {' '.join(f'{w} ({k})' for (k, w), n in sorted(gone.items()) for _ in range(n))}")
            out.append(f"    new: {' '.join(f'{w} ({k})' for (k, w), n in sorted(added.items()) for _ in range(n))}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.attested", description=__doc__.split("\n")[0])
    ap.add_argument("--file", action="append", default=[], help="a decision file (default: fimela and posmetro)")
    ap.add_argument("--no-dev", action="store_true", help="leave out the dev split")
    ap.add_argument("--rows", action="store_true", help="list every flag too")
    ap.add_argument("--kinds", action="store_true", help="the files' judged flags by group, pooled (no dev)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=V1,V2", help="sweep model parameters")
    args = ap.parse_args(argv)
    if args.set:
        for file in args.file or ["clickid-fimela.txt", "clickid-posmetro-medan.txt"]:
            print("\n".join(sweep(file, args.set)), flush=True)
        return 0
    if args.kinds:
        files = args.file or ["clickid-fimela.txt", "clickid-posmetro-medan.txt"]
        print("\n".join(kind_table(r for file in files for r in kind_rows(file))))
        return 0
    names = ([] if args.no_dev else ["dev"]) + (args.file or ["clickid-fimela.txt", "clickid-posmetro-medan.txt"])
    for name in names:
        rows = dev_rows() if name == "dev" else file_rows(name)
        print(f"{name}: {len(rows)} judged typo flags")
        print("\n".join(table(rows)))
        if args.rows:
            for lab, w, z, g, e in sorted(rows, key=lambda r: (-r[2], r[0])):
                print(f"    {lab:5} {w:<20} zipf {z:.2f} gap {g:+.2f} edits {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
