"""Slips of short words opening a title run (`Badn Pusat Statistik`, `Wakl Presiden`), both sides.

    python -m benchmarks.title_slips [--seed 1] [--pairs 150]
    python -m benchmarks.title_slips --rates     # the build-corpus rates behind LOG_NEW_NAME_BEFORE_TITLE
    python -m benchmarks.title_slips --shortest [--opening] [--rates]   # slips of 3 letters (`Kot Bandung`)
    python -m benchmarks.title_slips --sentences 400 [--opening-flags]  # slips of words opening sentences

Detection: the commonest pairs of a short word that is no name (4 or 5 letters) and a capitalized word that the
corpus writes as a title (both mostly capitalized, seen together `MIN_PAIR_COUNT` times or more, `opens_title`); one
random edit (`benchmarks.blindspots.edit`) of the first word that leaves it unlisted and shorter than
`MIN_NAME_LENGTH`, but not shorter than `MIN_ALONE_NAME_LENGTH` (a shorter capitalized word the dictionary lacks is
skipped as an abbreviation or a short name before any model sees it: `Kot Bandung`), checked in
`Ia bertemu {slip} {Next} kemarin.`. Detected, and corrected first (the first suggestion is the word, capitalized).

False alarms: the build corpus (the shared corpus without the held-out files) shows unlisted capitalized words of
4 letters or more before a capitalized word; those are seen at most twice, so they are what new text brings. Each one
whose slip may open a title (`Speller._opens_title_slip`) is checked in its line's words around it, and every flag on
it is listed to judge (a slip or a name).

Rates (`--rates`): how often an unlisted capitalized word (4 letters or more) stands before a capitalized word, after
a lowercase word or a sentence's end, split by what the corpus writes before that capitalized word: a title opener
that is no name (`opens_title`), only openers that are names, or neither; the log of each rate against that before
any capitalized word is the odds a new name gains there (`speller.model.LOG_NEW_NAME_BEFORE_TITLE`; with
`--shortest`, of 3 letters: `LOG_NEW_SHORT_NAME_BEFORE_TITLE`).

`--shortest`: the slips are of 3 letters (`Kot Bandung`, weighed only there: `MIN_ALONE_NAME_LENGTH`), of the pairs
whose first word has 4; `--opening`: the slip opens the sentence (`{Slip} {Next} kemarin.`).

Sentence openings (`--sentences N`): a one-edit slip of the frequent word (`blindspots.TOP_WORDS`) opening each of N
build-corpus sentences (one per word), checked in the sentence's first words: detected and corrected first;
`--opening-flags`: every flag on the build corpus's unlisted capitalized words opening a sentence, to judge.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections.abc import Iterable, Iterator, Sequence

from .blindspots import HELD_OUT, edit

#: A pair opens a title when the corpus writes it this often at least (and `opens_title` holds).
MIN_PAIR_COUNT = 30
#: The first word's and the next word's occurrences written capitalized, at least this share.
MIN_CAPITALIZED = 0.5
FRAME = "Ia bertemu {} {} kemarin."
#: The frame of `--opening`: the slip opens the sentence.
OPENING_FRAME = "{} {} kemarin."
#: A capitalized word of 4 letters or more before a capitalized word (the words around it are read from its line).
SHORT_BEFORE_CAPITAL = re.compile(r"\b([A-Z][a-z]{3,})\s+([A-Z][a-z]+)")
#: Characters of the line kept on each side of the pair.
REACH = 60
#: A capitalized word of 4 letters or more opening a sentence (a line's start or after its end mark).
OPENING = re.compile(r"(?:^|[.!?]\s+)([A-Z][a-z]{3,})\b")
#: The words and the single marks of a line, for `rates`.
TOKEN = re.compile(r"[A-Za-z]+|[^\sA-Za-z]")


def build_lines() -> Iterator[str]:
    """The lines of the build corpus (its held-out files left out)."""
    from .environment import shared_corpus

    for path in sorted(shared_corpus().glob("*.txt")):
        if path.name not in HELD_OUT:
            yield from path.read_text(encoding="utf-8").splitlines()


def title_pairs(speller, n: int, shortest: bool = False) -> list[tuple[str, str]]:  # noqa: ANN001 - a Speller
    """The `n` commonest (first, next) title pairs (lowercase), most frequent first; `shortest`: pairs whose first
    word has `MIN_ALONE_NAME_LENGTH` letters (one slip from a shorter one)."""
    from speller.checker import MIN_ALONE_NAME_LENGTH
    from speller.model import opens_title

    d = speller.dictionary

    def capitalized(w: str) -> float:
        total = d.count(w)
        return (total - d.lower_count(w)) / total if total else 0.0

    found = []
    with open(d.path / "bigrams.tsv", encoding="utf-8") as f:
        for line in f:
            key, _, count = line.rstrip("\n").rpartition("\t")
            first, _, after = key.partition(" ")
            lengths = (MIN_ALONE_NAME_LENGTH,) if shortest else (4, 5)
            if not (len(first) in lengths and first.isalpha() and after.isalpha()) or first in d.names:
                continue
            if int(count) < MIN_PAIR_COUNT or min(capitalized(first), capitalized(after)) < MIN_CAPITALIZED:
                continue
            if opens_title(d, first, after):
                found.append((int(count), first, after))
    return [(a, b) for _, a, b in sorted(found, key=lambda p: (-p[0], p[1], p[2]))[:n]]


def detection(speller, seed: int, n: int, frame: str = FRAME, shortest: bool = False) -> list[str]:  # noqa: ANN001
    """Detected and corrected first among the slips of the pairs' first words, checked in `frame`; `shortest`: slips
    of MIN_LENGTH letters, shorter than `MIN_ALONE_NAME_LENGTH` (`Kot Bandung`), in place of the longer ones."""
    from speller.checker import MIN_ALONE_NAME_LENGTH, MIN_LENGTH, MIN_NAME_LENGTH

    d = speller.dictionary
    rng = random.Random(seed)
    lengths = range(MIN_LENGTH, MIN_ALONE_NAME_LENGTH) if shortest else range(MIN_ALONE_NAME_LENGTH, MIN_NAME_LENGTH)

    def cases() -> Iterator[tuple[str, str, str, str]]:
        for word, after in title_pairs(speller, n, shortest):
            for _ in range(20):  # a slip that is short, unlisted and new
                slip = edit(word.capitalize(), rng)
                if len(slip) in lengths and slip[1:].islower() and not d.count(slip.lower()):
                    break
            else:
                continue
            yield slip, word.capitalize(), frame.format(slip, after.capitalize()), after.capitalize()

    return probed(speller, "title-opening slips", cases(), " ")


def false_alarms(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """The flags on unlisted capitalized words (4 letters or more) before a capitalized word in the build corpus."""
    d = speller.dictionary
    seen, weighed, rows = 0, 0, []
    for line in build_lines():
        for m in SHORT_BEFORE_CAPITAL.finditer(line):
            word = m.group(1)
            if d.count(word.lower()):
                continue
            seen += 1
            if not speller._opens_title_slip(word.lower(), m.group(2).lower()):
                continue
            weighed += 1
            a, b = max(0, m.start() - REACH), min(len(line), m.end() + REACH)
            text = " ".join(line[a:b].split(" ")[1 if a else 0 : -1 if b < len(line) else None])
            for i in speller.check(text):
                if i.word == word:
                    rows.append(f"FLAG | {word} -> {i.suggestion} | {text}")
    head = f"build corpus: {seen} unlisted capitals (4+ letters) before a capital, {weighed} weighed, {len(rows)} flags"
    return [head, *rows]


def opening_sentences(speller, n: int) -> list[tuple[str, str]]:  # noqa: ANN001 - a Speller
    """(first word, the rest) of the first `n` build-corpus sentences (up to `REACH` characters after the first word)
    that open with a frequent word (`TOP_WORDS`, no name) written capitalized before a lowercase word, one per word."""
    from .blindspots import TOP_WORDS

    d = speller.dictionary
    by_count = sorted(d.counts.items(), key=lambda p: (-p[1], p[0]))
    plain = [w for w, _ in by_count if w.isalpha() and w.isascii() and len(w) >= 4 and w not in d.names]
    frequent = set(plain[:TOP_WORDS])
    found: dict[str, str] = {}
    for line in build_lines():
        for m in OPENING.finditer(line):
            word = m.group(1)
            if word.lower() in frequent and word.lower() not in found:
                found[word.lower()] = line[m.end(1) : m.end(1) + REACH].rsplit(" ", 1)[0]
                if len(found) >= n:
                    return list(found.items())
    return list(found.items())


def openings(speller, seed: int, n: int) -> list[str]:  # noqa: ANN001 - a Speller
    """Detected and corrected first among one-edit slips of frequent words opening build-corpus sentences."""
    d = speller.dictionary
    rng = random.Random(seed)

    def cases() -> Iterator[tuple[str, str, str, str]]:
        for word, rest in opening_sentences(speller, n):
            slip = edit(word.capitalize(), rng)
            if not d.count(slip.lower()) and slip[1:].islower():
                yield slip, word.capitalize(), slip + rest, slip + rest

    return probed(speller, "sentence-opening slips", cases(), " | ")


def probed(speller, what: str, cases: Iterable[tuple[str, str, str, str]], sep: str) -> list[str]:  # noqa: ANN001
    """Detected and corrected first among `cases` (slip, word meant, text to check, what to show after the word), a
    head line and one row per case."""
    rows, detected, first = [], 0, 0
    for slip, meant, text, shown in cases:
        hits = [i for i in speller.check(text) if i.word == slip]
        detected += bool(hits)
        first += bool(hits) and hits[0].suggestion == meant
        rows.append(f"{'FLAG' if hits else 'silent'} | {slip} <- {meant}{sep}{shown}")
    total = len(rows)
    head = f"{what}: {total}; detected {100 * detected / total:.1f}%, first {100 * first / total:.1f}%"
    return [head, *rows]


def opening_flags(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """The flags on the unlisted capitalized words (4 letters or more) opening build-corpus sentences, each checked in
    its sentence's first words (most are names and new words, seen at most twice: what new text brings)."""
    d = speller.dictionary
    seen, rows = 0, []
    for line in build_lines():
        for m in OPENING.finditer(line):
            word = m.group(1)
            if d.count(word.lower()):
                continue
            seen += 1
            text = line[m.start(1) : m.end(1) + REACH]
            for i in speller.check(text):
                if i.word == word:
                    rows.append(f"FLAG | {word} -> {i.suggestion} | {text}")
    return [f"build corpus: {seen} unlisted capitals (4+ letters) opening a sentence, {len(rows)} flags", *rows]


def followers(speller) -> tuple[set[str], set[str]]:  # noqa: ANN001 - a Speller
    """The (lowercase) words a title opens onto (`opens_title`) after a word that is no name, and those only names
    open onto."""
    from speller.model import opens_title

    d = speller.dictionary
    plain: set[str] = set()
    named: set[str] = set()
    with open(d.path / "bigrams.tsv", encoding="utf-8") as f:
        for line in f:
            first, _, after = line.rpartition("\t")[0].partition(" ")
            if first.isalpha() and after.isalpha() and opens_title(d, first, after):
                (named if first in d.names else plain).add(after)
    return plain, named - plain


def rates(speller, shortest: bool = False) -> list[str]:  # noqa: ANN001 - a Speller
    """Unlisted capitalized words before a capitalized word, by what the corpus writes before that word; `shortest`:
    those of MIN_LENGTH letters, shorter than `MIN_ALONE_NAME_LENGTH` (else those of that length or more)."""
    from speller.checker import MIN_ALONE_NAME_LENGTH, MIN_LENGTH

    d = speller.dictionary
    plain, named = followers(speller)
    seen: dict[str, list[int]] = {}  # (where, kind) -> [capitalized followers, unlisted capitals before them]
    for line in build_lines():
        tokens = TOKEN.findall(line)
        for before, word, after in zip(tokens, tokens[1:], tokens[2:]):
            if not (len(after) > 1 and after[0].isupper() and after[1:].islower()):
                continue
            if before.isalpha() and before.islower():
                where = "inside"
            elif before in ".!?":
                where = "opening"
            else:
                continue
            low = after.lower()
            kind = "title" if low in plain else "name-title" if low in named else "other"
            row = seen.setdefault(f"{where} {kind}", [0, 0])
            row[0] += 1
            sized = MIN_LENGTH <= len(word) < MIN_ALONE_NAME_LENGTH if shortest else len(word) >= MIN_ALONE_NAME_LENGTH
            row[1] += sized and word.isalpha() and word.istitle() and not d.count(word.lower())
    out = []
    for where in ("inside", "opening"):
        rows = {k.split()[1]: v for k, v in seen.items() if k.startswith(where)}
        overall = sum(v[1] for v in rows.values()) / sum(v[0] for v in rows.values())
        for kind, (n, new) in sorted(rows.items()):
            out.append(f"{where} | before {kind} | {n} | {100 * new / n:.3f}% | {math.log(new / n / overall):+.2f}")
    return ["where | capital after | positions | unlisted capitals | log odds", *out]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.title_slips", description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=150)
    ap.add_argument("--rates", action="store_true", help="the rates behind LOG_NEW_NAME_BEFORE_TITLE")
    ap.add_argument("--shortest", action="store_true", help="slips of 3 letters (`Kot Bandung`)")
    ap.add_argument("--opening", action="store_true", help="the slip opens the sentence")
    ap.add_argument(
        "--sentences", type=int, default=0, help="slips of frequent words opening this many build-corpus sentences"
    )
    ap.add_argument("--opening-flags", action="store_true", help="flags on unlisted capitals opening sentences")
    args = ap.parse_args(argv)
    from speller import Speller

    speller = Speller()
    if args.rates:
        print("\n".join(rates(speller, args.shortest)))
        return 0
    if args.sentences or args.opening_flags:
        out = openings(speller, args.seed, args.sentences) if args.sentences else []
        print("\n".join(out + (opening_flags(speller) if args.opening_flags else [])))
        return 0
    frame = OPENING_FRAME if args.opening else FRAME
    print("\n".join(detection(speller, args.seed, args.pairs, frame, args.shortest)))
    print("\n".join(false_alarms(speller)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
