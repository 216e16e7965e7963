"""How often news writes a derivation the dictionary lacks: the Good-Turing figures behind speller.model's priors.

    python -m benchmarks.unseen_derivations

For every root of the lexicon, its commonest derivations (`Morphology.family`) that the dictionary does not list
(seen at most twice: the builder keeps words seen 3 times or more) are grouped by how often the corpus shows the
root's family. Good-Turing gives the expected count, in a corpus of the same size, of one derivation of a group:
the sightings of the group's derivations seen 1 to 3 times (each less its expected slips of a far more frequent
word one edit away, `speller.model.slip_discount`) over the number seen at most twice. Printed as ln, per family
size: `LOG_UNSEEN_ROOT_DERIVATION` is the first row (roots the corpus never shows), `LOG_WELL_FORMED` and
`MAX_UNSEEN_COUNT` are weighed against the others. Reads the build corpus only (the held-out news files are left
out, as `speller build --exclude` leaves them out); about 30 s.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence

from .blindspots import HELD_OUT
from .environment import shared_corpus

#: Upper edges of the family-size groups (a family seen 0 times, 1-2, 3-9, ...).
EDGES = (1, 3, 10, 30, 100, 300, 1000, 3000, 10000)
WORD = re.compile(r"[a-z]+")


def raw_counts() -> Counter[str]:
    """Every lowercase run of letters of the build corpus (its held-out files and SOURCES.md left out), counted."""
    counts: Counter[str] = Counter()
    for path in sorted(shared_corpus().glob("*.txt")):
        if path.name not in HELD_OUT:
            counts.update(WORD.findall(path.read_text(encoding="utf-8").lower()))
    return counts


def table(speller, raw: Counter[str]) -> list[tuple[str, int, float]]:  # noqa: ANN001 - a Speller
    """(family group, unlisted derivations, ln expected count of one) for each family-size group."""
    from speller.model import slip_discount
    from speller.morphology import derivation

    d, morphology = speller.dictionary, speller.morphology
    unseen = Counter[int]()
    sightings: defaultdict[int, float] = defaultdict(float)
    for root in d.roots:
        if len(root) < 3 or not root.isalpha():
            continue
        family = d.count(root) + speller._family_count(root, d.count(root))
        group = sum(family >= edge for edge in EDGES)
        for word in morphology.family(root)[1:]:
            n = raw[word]
            reading = derivation(morphology, word)
            if n > 3 or (n == 3 and not d.count(word)) or reading is None or reading.root != root:
                continue
            if n <= 2:
                unseen[group] += 1
            if n:
                rivals = [(c, k) for c, k in speller._index.lookup(word, 1) if c != root]
                sightings[group] += max(n - slip_discount(d, word, rivals), 0.0)
    names = ["0", *(f"{lo}-{hi - 1}" for lo, hi in zip(EDGES, EDGES[1:])), f"{EDGES[-1]}+"]
    return [(names[g], unseen[g], math.log(sightings[g] / unseen[g])) for g in sorted(unseen) if sightings[g]]


def main(argv: Sequence[str] | None = None) -> int:
    from speller import Speller

    del argv
    rows = table(Speller(), raw_counts())
    print("| root's family seen | unlisted derivations | ln expected count of one |")
    print("|---|---:|---:|")
    for name, n, log_e in rows:
        print(f"| {name} | {n} | {log_e:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
