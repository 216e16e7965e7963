"""The blind-spot slips of frequent words and inflected forms, checked inside sentences rather than alone.

    python -m benchmarks.slips_in_context --seed 1
    python -m benchmarks.slips_in_context --seed 1 --silent   # also list the sentences a slip passes in, by door

`benchmarks.blindspots` checks each slip alone, where nothing but the priors speaks: `dibuta` is then about as
likely a new derivation of `buta` as `dibuat` mistyped (see `speller.model.LOG_SLIP`). Here each one-edit slip
replaces its word in up to `CONTEXTS` sentences of the build corpus where the word stands between two lowercase
words (the held-out news files are left out), and the table gives the share of those sentences where the slip is
accepted silently, beside the share of slips accepted alone. The dictionary's bigrams were counted on these very
sentences: while one is checked, the two bigrams it adds (the word and each neighbour) are taken away (leave one
out), so its neighbours speak as they would in new text, but for copies of the same sentence elsewhere in the
corpus. Tune on seed 1 only; about 10 s.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from .blindspots import HELD_OUT, Case, speller_cases
from .environment import shared_corpus

#: Sentences tried per slip.
CONTEXTS = 3
#: Words kept on each side of the slip.
SPAN = 6
GROUPS = ("frequent words", "inflected forms")


def contexts(lines: Iterable[str], words: set[str], per_word: int) -> dict[str, list[tuple[str, str]]]:
    """word -> up to `per_word` (left text, right text): the first places `lines` write it, between two lowercase
    words, with SPAN words on each side at most (fewer at a line's edge)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in lines:
        tokens = line.split()
        for i in range(1, len(tokens) - 1):
            word = tokens[i]
            if word in words and len(found[word]) < per_word and _lower(tokens[i - 1]) and _lower(tokens[i + 1]):
                found[word].append((" ".join(tokens[max(i - SPAN, 0) : i]), " ".join(tokens[i + 1 : i + 1 + SPAN])))
    return found


def _lower(token: str) -> bool:
    return token.isalpha() and token.islower()


def corpus_lines() -> Iterable[str]:
    """The lines of the build corpus (its held-out files left out)."""
    for path in sorted(shared_corpus().glob("*.txt")):
        if path.name not in HELD_OUT:
            with path.open(encoding="utf-8") as f:
                yield from f


@contextmanager
def left_out(d, pairs: set[tuple[str, str]]) -> Iterator[None]:  # noqa: ANN001 - a Dictionary
    """`d.bigram` with one sighting of each of `pairs` taken away, restored after."""
    counted = d.bigram

    def bigram(left: str, right: str) -> int:
        n = counted(left, right)
        return max(n - 1, 0) if (left, right) in pairs else n

    d.bigram = bigram
    try:
        yield
    finally:
        del d.bigram


def run(speller, all_cases: list[Case], silent: list[tuple[Case, str]] | None = None) -> list[str]:  # noqa: ANN001
    """The table: per group, slips, share accepted silently alone, sentences, share accepted silently in them. Each
    (slip, sentence) accepted silently is appended to `silent` when it is given."""
    chosen = [c for c in all_cases if c.edits == 1 and c.group in GROUPS]
    places = contexts(corpus_lines(), {c.word for c in chosen}, CONTEXTS)
    rows: dict[str, list[int]] = {g: [0, 0, 0, 0] for g in GROUPS}
    for c in chosen:
        row = rows[c.group]
        row[0] += 1
        row[1] += not any(i.start <= c.start < i.end for i in speller.check(c.text))
        for left, right in places.get(c.word, []):
            text = f"{left} {c.typo} {right}"
            at = len(left) + 1
            row[2] += 1
            own = {(left.rsplit(" ", 1)[-1], c.word), (c.word, right.split(" ", 1)[0])}
            with left_out(speller.dictionary, own):
                passed = not any(i.start <= at < i.end for i in speller.check(text))
            row[3] += passed
            if passed and silent is not None:
                silent.append((c, text))
    out = [
        "| group | slips | accepted silently alone | sentences | accepted silently in them |",
        "|---|---:|---:|---:|---:|",
    ]
    for g, (n, alone, m, inside) in rows.items():
        out.append(f"| {g} | {n} | {100 * alone / max(n, 1):.1f} | {m} | {100 * inside / max(m, 1):.1f} |")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from speller import Speller

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1, help="random seed (tuning: 1)")
    ap.add_argument("--per-group", type=int, default=400)
    ap.add_argument("--silent", action="store_true", help="list the sentences a slip is accepted in, with its door")
    args = ap.parse_args(argv)
    speller = Speller()
    silent: list[tuple[Case, str]] | None = [] if args.silent else None
    print("\n".join(run(speller, speller_cases(speller, args.seed, args.per_group), silent)))
    if silent:
        from .doors import door  # noqa: PLC0415

        for c, text in silent:
            print(f"silent | {c.group} | {c.typo} <- {c.word} | {door(speller, c.typo)[0]} | {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
