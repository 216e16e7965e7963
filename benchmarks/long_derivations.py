"""Whether a slip in a long derivation still gets its intended form offered: the reach of `inflected_offers`.

    python -m benchmarks.long_derivations [--seed 1] [--per-group 200]

Long derivations (confixes over a `tidak` compound, `ketidaksempurnaan`; over a compound root, `ditandatangani`;
two prefixes, `memperbaiki`, `diperkenalkan`, `keberhasilan`) are taken from the build corpus (its held-out files
left out), split by whether the dictionary lists them (a listed one SymSpell finds itself; an unlisted one only the
morphology's offers can reach). Each gets one seeded slip (`benchmarks.blindspots.edit`); printed per group: how
often the intended form is among the candidates (SymSpell's words and the well-formed offers) and how often it is
`Speller.suggest`'s first. About 1 min.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence

from .blindspots import edit
from .unseen_derivations import raw_counts

PER_GROUP = 200
MIN_LENGTH = 9
MIN_COUNT = 1
OPENINGS = ("ke", "me", "di", "pe", "be", "se", "te")


def group(speller, word: str) -> str | None:  # noqa: ANN001 - a Speller
    """The kind of long derivation `word` is ('tidak', 'compound', 'two prefixes'), or None."""
    from speller.morphology import COMPOUND_ROOTS, derivation

    reading = derivation(speller.morphology, word)
    if reading is None or reading.reduplicated or reading.prefix_on_copy:
        return None
    if reading.root.startswith("tidak") and not speller.morphology._is_root(reading.root):
        return "tidak"
    if reading.root in COMPOUND_ROOTS:
        return "compound"
    if len(reading.prefixes) >= 2:
        return "two prefixes"
    return None


def long_derivations(speller) -> dict[str, list[str]]:  # noqa: ANN001 - a Speller
    """Long derivations of the build corpus (seen `MIN_COUNT` times or more) by group and listed/unlisted."""
    found: dict[str, list[str]] = {}
    count = speller.dictionary.count
    for word, n in sorted(raw_counts().items()):
        if n < MIN_COUNT or len(word) < MIN_LENGTH or not word.startswith(OPENINGS):
            continue
        kind = group(speller, word)
        if kind is not None:
            found.setdefault(f"{kind}, {'listed' if count(word) else 'unlisted'}", []).append(word)
    return found


def measure(speller, seed: int = 1, per_group: int = PER_GROUP) -> list[str]:  # noqa: ANN001 - a Speller
    """One table row per group: words, slips whose intended form is a candidate, and is suggested first."""
    rng = random.Random(seed)
    lookup = speller._index.lookup
    morphology = speller.morphology
    lines = [f"{'group':<24} {'words':>6} {'sampled':>7} {'offered':>8} {'first':>7}"]
    misses: list[str] = []
    for kind, words in sorted(long_derivations(speller).items()):
        sample = rng.sample(words, min(per_group, len(words)))
        offered = first = 0
        for word in sample:
            slip = edit(word, rng)
            if slip == word:
                continue
            candidates = {c for c, _ in lookup(slip)} | {c for c, _ in morphology.suggest_inflected(slip, lookup)}
            if word in candidates:
                offered += 1
            elif len(misses) < 40 and "unlisted" in kind:
                misses.append(f"  {slip} ({word})")
            suggested = speller.suggest(slip, 1)
            first += bool(suggested) and suggested[0] == word
        k = len(sample) or 1
        lines.append(f"{kind:<24} {len(words):>6} {len(sample):>7} {100 * offered / k:>7.1f}% {100 * first / k:>6.1f}%")
    return [*lines, "unlisted slips whose form is not offered (first 40):", *misses]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-group", type=int, default=PER_GROUP)
    args = ap.parse_args(argv)
    from speller import Speller

    print("\n".join(measure(Speller(), args.seed, args.per_group)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
