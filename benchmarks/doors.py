"""Which door lets each slip of the blind-spot benchmark in: the slips accepted silently, sorted by what the checker
takes the written word for.

    python -m benchmarks.doors            # one-edit slips of frequent words and inflected forms, tuning seed 1

Each slip the checker accepts silently (`benchmarks.blindspots`, tuning seed only: seed 2 is the report seed) is
put behind one door, by the checker's own explanation of the written word:

- `listed`: the dictionary lists it (the benchmark drops such slips, so this door stays empty there);
- `lexicon root`: a root of the lexicon the corpus never shows (`LOG_LEXICON_ROOT`: `duku`, `pacat`);
- `word list`: an English or foreign word (`sits`, `fisk`);
- `derivation`: well formed on a root whose family the corpus shows (`diulangkan`: ulang), with that count;
- `unseen root`: well formed on a root of the lexicon the corpus never shows, nor its family (`sehlah`: seh);
- `new-word reading`: read as a new word on a word in use (`_new_word_reading`);
- `below the floor`: found, but not shown (the model does not flag it: `speller.calibration.flagged`; `cbir`);
- `new word`: none of these, and yet not flagged.

Printed per door: the slips, each with the written word's share alone (`Decision.written`; flagged below
FLAG_SHARE) and the count its prior is built on; then how many slips of each group each door lets in. About 10 s.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .blindspots import TUNING_SEED, Case, run_speller, speller_cases

#: The doors, in the order they are printed.
DOORS = (
    "listed",
    "lexicon root",
    "word list",
    "derivation",
    "unseen root",
    "new-word reading",
    "below the floor",
    "new word",
)
#: The groups whose slips are sorted: lowercase words (names have doors of their own).
GROUPS = ("frequent words", "inflected forms")


def door(speller, typo: str) -> tuple[str, float | None]:  # noqa: ANN001 - a Speller
    """The door (`DOORS`) the (lowercase) slip `typo` came in by, and the count its prior is built on (None when
    no count is)."""
    d = speller.dictionary
    if d.count(typo):
        return "listed", float(d.count(typo))
    if speller.check(typo) == [] and speller._alone(typo):
        return "below the floor", None
    if typo in d.roots:
        return "lexicon root", None
    if typo in d.english or typo in d.foreign:
        return "word list", None
    base = speller._base_count(typo)
    if base is not None:
        return ("derivation" if base > 0 else "unseen root"), base
    count, _ = speller._new_word_reading(typo)
    if count is not None:
        return "new-word reading", count
    return "new word", None


def sorted_by_door(speller, silent: list[Case]) -> dict[str, list[tuple[Case, float, float | None]]]:  # noqa: ANN001
    """The silent slips by door: (case, the written word's share alone, the count its prior is built on)."""
    found: dict[str, list[tuple[Case, float, float | None]]] = {k: [] for k in DOORS}
    for c in silent:
        kind, count = door(speller, c.typo)
        share = speller._decide(c.typo, None, None, False).written
        found[kind].append((c, share, count))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.doors", description=__doc__.split("\n")[0])
    ap.add_argument("--edits", type=int, default=1, choices=(1, 2))
    args = ap.parse_args(argv)
    from speller import Speller

    speller = Speller()
    cases = [c for c in speller_cases(speller, TUNING_SEED) if c.group in GROUPS and c.edits == args.edits]
    silent: list[Case] = []
    run_speller(speller, cases, silent)
    print(f"Seed {TUNING_SEED}, {args.edits} edit(s): {len(silent)} of {len(cases)} slips accepted silently.\n")
    print("| door | group | slips | written share alone | count |")
    print("|---|---|---|---:|---:|")
    doors = sorted_by_door(speller, silent)
    for kind, rows in doors.items():
        for c, share, count in rows:
            shown = "" if count is None else f"{count:.1f}"
            print(f"| {kind} | {c.group} | {c.typo} <- {c.word} | {share:.3f} | {shown} |")
    print("\n| door | " + " | ".join(GROUPS) + " |")
    print("|---|" + "---:|" * len(GROUPS))
    for kind, rows in doors.items():
        print(f"| {kind} | " + " | ".join(str(sum(c.group == g for c, _, _ in rows)) for g in GROUPS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
