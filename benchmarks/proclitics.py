"""How often the checker flags a proclitic form (ku-, kau-) of a verb news writes with di-.

    python -m benchmarks.proclitics [--seed 1] [--words 300]

Draws `--words` di- verbs of the shipped dictionary (seen at least `MIN_COUNT` times, read by the morphology as
di- + a root), writes each with ku- and with kau- in place of di- (`dipertimbangkan`: `kupertimbangkan`,
`kaupertimbangkan`), and checks each form the dictionary does not list inside `Yang {} itu.`: how many are flagged,
how many of those at the confidence `fix` applies, and the flags of the diper- verbs apart. Most such forms are
genuine (a writer can put ku- or kau- before any bare verb form), so a flag here is mostly a false alarm; a few
are not Indonesian (di- also begins nouns). Reads the shipped dictionary only; about a minute.
"""

from __future__ import annotations

import argparse
import random

#: Fewest corpus sightings of a di- verb drawn.
MIN_COUNT = 50
#: The confidence `fix` applies a finding at.
FIX_CONFIDENCE = 0.9


def main(argv: list[str] | None = None) -> int:
    """Print, for ku- and kau-, the forms checked and flagged (all, at FIX_CONFIDENCE, of diper- verbs)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="the sample's seed")
    parser.add_argument("--words", type=int, default=300, help="how many di- verbs to draw")
    parser.add_argument("--list", action="store_true", help="list the flagged forms")
    args = parser.parse_args(argv)

    from speller.checker import Speller

    speller = Speller()
    d, morphology = speller.dictionary, speller.morphology
    verbs = sorted(
        w
        for w in d.counts
        if w.startswith("di")
        and d.count(w) >= MIN_COUNT
        and any(a.prefixes[:1] == ("di",) for a in morphology.analyses(w))
    )
    sample = random.Random(args.seed).sample(verbs, min(args.words, len(verbs)))
    print(f"{len(sample)} di- verbs seen {MIN_COUNT} times or more, seed {args.seed}; checked in `Yang {{}} itu.`")
    print("proclitic | forms | flagged | at fix | diper- forms | flagged")
    for proclitic in ("ku", "kau"):
        checked = flagged = fixed = per = per_flagged = 0
        shown = []
        for verb in sample:
            form = proclitic + verb[2:]
            if d.count(form):
                continue
            checked += 1
            per += verb.startswith("diper")
            hits = [i for i in speller.check(f"Yang {form} itu.") if i.word == form]
            if hits:
                flagged += 1
                fixed += hits[0].confidence >= FIX_CONFIDENCE
                per_flagged += verb.startswith("diper")
                shown.append(f"{form} -> {hits[0].suggestions[0] if hits[0].suggestions else '?'} {hits[0].confidence}")
        print(f"{proclitic} | {checked} | {flagged} | {fixed} | {per} | {per_flagged}")
        if args.list:
            print("\n".join(f"    {line}" for line in shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
