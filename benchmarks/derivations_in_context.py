"""Rare derivations as if new: how often the checker flags a real word the corpus barely shows, in its sentences.

    python -m benchmarks.derivations_in_context

The counterpart of `benchmarks.slips_in_context` (slips that should be flagged): the words news writes but seldom
are the nearest to the new derivations a text brings. Each word the dictionary lists seen 3 to 5 times that the
morphology builds on another word and that has a word ten times as frequent one edit away (a rival a slip could
come from, not its own root) is taken out of the dictionary (its count and its bigrams: it is then unseen), and
checked in up to `CONTEXTS` build-corpus sentences where it stands between two lowercase words (the held-out news
files are left out), and alone. Grouped by whether the rival is built on the same root (`digelari` beside `digelar`,
`menunggui` beside `menunggu`) or not (`bergaung` beside `bergabung`). Most such words are genuine, not all: of 45
drawn from each group and judged by hand, 5 of the same-root ones were errors (`menjalan`, `memaksimal`, `dijalan`)
and 12 of the others (`melalaui`, `kemudan`, `sebagau`). About 10 s.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence

from .slips_in_context import CONTEXTS, contexts, corpus_lines

#: The counts a word has to be taken for one barely in use (the builder keeps words seen 3 times or more).
RARE = (3, 5)
#: A rival is this many times as frequent as the word.
RIVAL_RATIO = 10


class _Without(Mapping[str, int]):
    """`counts` without the words of `gone`."""

    def __init__(self, counts: Mapping[str, int], gone: frozenset[str]) -> None:
        self._counts, self._gone = counts, gone

    def __getitem__(self, word: str) -> int:
        if word in self._gone:
            raise KeyError(word)
        return self._counts[word]

    def __iter__(self) -> Iterator[str]:
        return (w for w in self._counts if w not in self._gone)

    def __len__(self) -> int:
        return len(self._counts) - len(self._gone)


def rare_derivations(speller) -> dict[str, bool]:  # noqa: ANN001 - a Speller
    """word -> whether its most frequent rival is built on the same root, for the words the benchmark takes."""
    from speller.morphology import derivation

    d, morph = speller.dictionary, speller.morphology
    found = {}
    for word, n in d.counts.items():
        if not (RARE[0] <= n <= RARE[1] and word.isalpha() and word.islower()):
            continue
        if word in d.names or word in d.roots or word in d.english or derivation(morph, word) is None:
            continue
        roots = {a.root for a in morph.analyses(word)}
        rivals = [
            c for c, k in speller._index.lookup(word, 1) if k == 1 and d.count(c) >= RIVAL_RATIO * n and c not in roots
        ]
        if rivals:
            rival = max(rivals, key=d.count)
            found[word] = bool(roots & ({a.root for a in morph.analyses(rival)} | {rival}))
    return found


def run() -> list[str]:
    """The table: per group, words, share flagged alone, sentences, share flagged in them."""
    from speller import Speller
    from speller.dictionary import Dictionary

    d = Dictionary()
    words = rare_derivations(Speller(d))
    places = contexts(corpus_lines(), set(words), CONTEXTS)
    gone = frozenset(words)
    d.counts = _Without(d.counts, gone)
    counted = d.bigram
    d.bigram = lambda left, right: 0 if left in gone or right in gone else counted(left, right)  # type: ignore[method-assign]
    speller = Speller(d)
    rows = {True: [0, 0, 0, 0], False: [0, 0, 0, 0]}
    flagged: dict[bool, list[str]] = {True: [], False: []}
    for word, same in sorted(words.items()):
        row = rows[same]
        row[0] += 1
        alone = any(i.word == word for i in speller.check(word))
        row[1] += alone
        for left, right in places.get(word, []):
            at = len(left) + 1
            row[2] += 1
            hit = any(i.start <= at < i.end for i in speller.check(f"{left} {word} {right}"))
            row[3] += hit
            if hit:
                flagged[same].append(word)
    out = [
        "| rival | words | flagged alone | sentences | flagged in them |",
        "|---|---:|---:|---:|---:|",
    ]
    for same, (n, alone_n, m, inside) in rows.items():
        label = "same root" if same else "other root"
        out.append(f"| {label} | {n} | {100 * alone_n / max(n, 1):.1f} | {m} | {100 * inside / max(m, 1):.1f} |")
    for same, found in flagged.items():
        out.append(f"flagged in a sentence, {'same' if same else 'other'} root: {' '.join(sorted(set(found)))}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    print("\n".join(run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
