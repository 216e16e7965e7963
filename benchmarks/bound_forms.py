"""How often news writes a bound-form compound the dictionary lacks (`mahasisa`: maha + sisa), against what the prior
of an unseen derivation expects of it: the figure behind `speller.model.LOG_BOUND_COMPOUND`.

    python -m benchmarks.bound_forms

The checker reads a word the dictionary lacks that is a bound form (`speller.spacing.BOUND_FORMS`: `pasca`, `maha`,
`non`, ...) before a listed word as a compound of that word, and its prior is that of an unseen derivation of a root
seen as often (`speller.model.unseen_derivation_log_count`). Good-Turing as `benchmarks.unseen_derivations` does it:
every bound form before every listed word of 3 letters or more, lowercase letters only, that the dictionary does not
list and the build corpus shows at most twice, is one compound the sightings are spread over; the sightings are those
of such compounds seen 1 to 3 times (each less its expected slips of a far more frequent word one edit away,
`speller.model.slip_discount`) that the morphology reads as no derivation. Printed per group of the listed word's
count (`benchmarks.unseen_derivations.EDGES`): the compounds, their sightings and the sightings the derivation prior
expects, and ln of their ratio; then the same over all groups: the log odds a bound-form reading should gain over a
derivation's prior. Reads the build corpus only (the held-out news files are left out); about 1 min.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Sequence

from .unseen_derivations import EDGES, group_name, raw_counts


def main(argv: Sequence[str] | None = None) -> int:  # noqa: ARG001 - no options
    from speller import Speller
    from speller.model import slip_discount, unseen_derivation_log_count
    from speller.morphology import derivation
    from speller.spacing import BOUND_FORMS

    speller = Speller()
    d = speller.dictionary
    raw = raw_counts()
    unseen: defaultdict[int, int] = defaultdict(int)
    seen: defaultdict[int, float] = defaultdict(float)
    expected: defaultdict[int, float] = defaultdict(float)
    examples: defaultdict[int, list[str]] = defaultdict(list)
    for rest, count in d.counts.items():
        if len(rest) < 3 or not rest.isalpha() or not rest.islower():
            continue
        group = sum(count >= edge for edge in EDGES)
        for bound in BOUND_FORMS:
            word = bound + rest
            n = raw[word]
            if n > 3 or d.count(word) or word in d.roots:
                continue
            if n and derivation(speller.morphology, word) is not None:
                continue  # the morphology reads it first: not a bound-form reading
            if n:
                rivals = [(c, k) for c, k in speller._index.lookup(word, 1) if c != rest]
                seen[group] += max(n - slip_discount(d, word, rivals), 0.0)
                if len(examples[group]) < 6:
                    examples[group].append(word)
            if n <= 2:
                unseen[group] += 1
                expected[group] += math.exp(unseen_derivation_log_count(count))
    print("| listed word seen | compounds | sightings | derivation prior expects | ln ratio | e.g. |")
    print("|---|---:|---:|---:|---:|---|")
    for g in sorted(unseen):
        ratio = math.log(seen[g] / expected[g]) if seen[g] else -math.inf
        print(
            f"| {group_name(g)} | {unseen[g]} | {seen[g]:.1f} | {expected[g]:.1f} | {ratio:+.2f} | "
            f"{', '.join(examples[g])} |"
        )
    total_seen, total_expected = sum(seen.values()), sum(expected.values())
    print(f"\nall: {sum(unseen.values())} compounds, {total_seen:.1f} sightings, {total_expected:.1f} expected")
    print(f"ln(sightings / expected): {math.log(total_seen / total_expected):+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
