"""How often a new name sits two edits from a frequent name: the figures behind `FAR_NAME_COST`.

    python -m benchmarks.far_names [--cost 6] [--min-count 150] [--shown 40]

A new name inside a sentence is weighed against a name written `NAME_FAR_MIN_COUNT` times or more two edits away
(`speller.model.far_name`) when no name lies one edit away, nor a word one edit from that name. Two groups are read
with the shipped dictionary (built without the held-out files):

- the rare names of the build corpus: forms of 5 letters or more seen 3 or 4 times, never in lowercase, that the
  dictionary takes for names. Nearly all are genuine names; as new names they stand for the names a text brings;
- the two-edit slips of frequent names of blind-spot seed 1 (`benchmarks.blindspots`, the tuning seed).

For each form two edits from such a name, standing alone between two lowercase words and context aside, the score of
its best two-edit reading (log P(name) + LOG_SLIP - edits) against its prior as a new name (the floor of a new word
given back, `far_name_odds`): the form is flagged when that reading beats the prior by more than the flag's odds
(`FLAG_SHARE`) after `--cost` (FAR_NAME_COST). The flagged rare names are listed to judge. About 10 s.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from collections.abc import Iterable
from typing import NamedTuple


class Reading(NamedTuple):
    """A form two edits from a frequent name, its best such name and how far that reading beats its prior (nats)."""

    form: str
    name: str
    margin: float


def far_readings(speller, forms: Iterable[str]) -> list[Reading]:  # noqa: ANN001 - a Speller
    """The forms with a name `far_name` allows two edits away, no name one edit away and no word one edit away that is
    one edit from that name, each with its best reading."""
    from editdistpy import damerau_osa

    from speller.context import error_cost
    from speller.model import LOG_NEW_WORD, LOG_SLIP, far_name, name_shape, new_name_prior

    d = speller.dictionary
    shape = name_shape(d)
    out = []
    for form in forms:
        near = speller._index.lookup(form, 2)
        if any(k == 1 and c in d.names for c, k in near if c != form):
            continue
        far = [c for c, k in near if k == 2 and c in d.names and far_name(d, form, c)]
        far = [c for c in far if damerau_osa.distance(form, c, 2) == 2]
        ones = [c for c, k in near if k == 1 and c != form]
        far = [c for c in far if all(damerau_osa.distance(n, c, 1) < 0 for n in ones)]
        if not far:
            continue
        letters = new_name_prior(shape, form, False, named_next=False)
        prior = max(letters, LOG_NEW_WORD)
        score, name = max((math.log((d.count(c) + 0.5) / d.total) + LOG_SLIP - error_cost(form, c), c) for c in far)
        out.append(Reading(form, name, score + (prior - letters) - prior))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cost", type=float, default=None, help="FAR_NAME_COST to apply (default: the model's)")
    ap.add_argument("--min-count", type=int, default=None, help="NAME_FAR_MIN_COUNT (default: the model's)")
    ap.add_argument("--shown", type=int, default=40, help="how many flagged rare names to list")
    args = ap.parse_args(argv)

    import speller.model as model
    from speller.checker import Speller

    from .blindspots import TUNING_SEED, speller_cases

    if args.min_count is not None:
        model.NAME_FAR_MIN_COUNT = args.min_count
    cost = model.FAR_NAME_COST if args.cost is None else args.cost
    flag_odds = math.log((1 - model.FLAG_SHARE) / model.FLAG_SHARE)
    speller = Speller()
    d = speller.dictionary
    rare = [
        w
        for w, n in d.counts.items()
        if n <= 4 and len(w) >= 5 and w.isalpha() and w.isascii() and w in d.names and not d.lower_count(w)
    ]
    cases = speller_cases(speller, TUNING_SEED)
    slips = [c.typo.lower() for c in cases if c.group == "frequent names" and c.edits == 2]
    counts = f"NAME_FAR_MIN_COUNT {model.NAME_FAR_MIN_COUNT}, NAME_FAR_MIN_LENGTH {model.NAME_FAR_MIN_LENGTH}"
    print(f"{counts}, cost {cost}")
    flagged_rare: list[Reading] = []
    for label, forms in (("rare names of the build corpus", rare), ("blind-spot seed 1, two-edit name slips", slips)):
        readings = far_readings(speller, forms)
        flagged = [r for r in readings if r.margin - cost > flag_odds]
        margins = [r.margin for r in readings]
        median = f"{statistics.median(margins):.1f}" if margins else "-"
        print(
            f"{label}: {len(forms)} forms, {len(readings)} two edits from such a name (median margin {median} nats), "
            f"{len(flagged)} flagged standing alone"
        )
        if forms is rare:
            flagged_rare = flagged
    for r in sorted(flagged_rare, key=lambda r: -r.margin)[: args.shown]:
        print(f"  {r.form}\t{d.count(r.form)}\t{r.name}\t{d.count(r.name)}\t{r.margin:+.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
