"""How readily a word of each kind takes affixes it is never seen with: the Good-Turing figures behind
`speller.model.LOG_ENGLISH_ROOT_AFFIXED` and its kin.

    python -m benchmarks.root_kinds

`benchmarks.unseen_derivations` measures the derivations of the roots of the lexicon; the morphology also builds on
any listed word (`se` + `rig`, `vlog` + `nya`). Here the commonest derivations (`Morphology.family`) of three kinds of
word are gathered the same way (unlisted, seen at most 3 times in the build corpus, each sighting less its expected
slips): the roots of the lexicon, the listed words of the English list that are none (English), and `SAMPLE` of the
other listed words (seeded; no names): loans, slang, abbreviations. Each kind's sightings, with clitics only (-nya,
-lah, ...) or with other affixes, are weighed against those its families' size groups' rates expect
(`benchmarks.unseen_derivations.odds_by`, the groups' rates taken over all three kinds), and printed beside the
lexicon's: the model's prior is the lexicon's (`LOG_WELL_FORMED`), so a kind's odds less the lexicon's are what a
derivation of that kind gains. Reads the build corpus only (the held-out news files are left out); about 2 min.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence

from .unseen_derivations import Derivation, derivations, odds_by, raw_counts

#: Other listed words drawn (seed `SEED`): all of them would take several minutes.
SAMPLE = 15_000
SEED = 1
#: The kinds, the lexicon's first.
KINDS = ("lexicon", "english", "listed")


def main(argv: Sequence[str] | None = None) -> int:
    """Print each kind's odds, with clitics only and with other affixes, and the same less the lexicon's."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.root_kinds", description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=SAMPLE, help="other listed words drawn")
    args = parser.parse_args(argv)

    from speller import Speller  # noqa: PLC0415
    from speller.model import BARE_PATTERN  # noqa: PLC0415

    speller = Speller()
    d = speller.dictionary
    listed = sorted(w for w in d.counts if w.isalpha() and w not in d.roots and w not in d.names)
    others = [w for w in listed if w not in d.english]
    roots = {
        "lexicon": sorted(d.roots),
        "english": [w for w in listed if w in d.english],
        "listed": random.Random(SEED).sample(others, min(args.sample, len(others))),
    }
    raw = raw_counts()
    kind_of: dict[int, str] = {}
    found: list[Derivation] = []
    for kind in KINDS:
        for x in derivations(speller, raw, roots[kind]):
            kind_of[id(x)] = kind
            found.append(x)

    def key(x: Derivation) -> str | None:
        return f"{kind_of[id(x)]}, {'clitics' if x.pattern == BARE_PATTERN else 'affixed'}" if x.group else None

    odds = odds_by(found, key)
    print("| kind, affixes | words | unlisted derivations | odds | less the lexicon's |")
    print("|---|---:|---:|---:|---:|")
    for kind in KINDS:
        for added in ("affixed", "clitics"):
            n, o = odds.get(f"{kind}, {added}", (0, float("nan")))
            base = odds.get(f"lexicon, {added}", (0, float("nan")))[1]
            print(f"| {kind}, {added} | {len(roots[kind])} | {n} | {o:+.2f} | {o - base:+.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
