"""Whether the English-list door of the written word's prior is fair: how likely an English-list word the corpus
never shows is where the checker judges it, against `speller.model.LOG_LEXICON_ROOT`, the prior it gets there.

    python -m benchmarks.english_alone

Over the build-corpus files (the held-out news files left out), every lowercase sighting of a word of english.txt
that is neither a root of the lexicon nor seen more than `MAX_COUNT` times (the words nearest to those the corpus
never shows) is counted, and whether one of its `ENGLISH_REACH` word neighbours on either side is an English word
(english.txt or english_short.txt, no root of the lexicon), as `Speller._english_stretch` asks: the checker leaves
a word with an English neighbour alone, so only the share standing apart reaches the prior. Before it, Good-Turing
for one unseen English-list word (no root of the lexicon), as LOG_LEXICON_ROOT's comment computes it for the roots:
the words seen 3 times, times 6 for those seen once (Zipf's law), over the unseen words and the corpus's tokens.
The sum of the two logs is what LOG_LEXICON_ROOT should be for such a word. About 30 s.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence

from .environment import HELD_OUT, shared_corpus

#: The rare words counted are seen at least 3 times (the builder keeps no fewer) and at most this often.
MAX_COUNT = 10


def main(argv: Sequence[str] | None = None) -> int:
    """Print the sightings of rare English-list words, those with no English neighbour, and the log of their share."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-count", type=int, default=MAX_COUNT)
    args = parser.parse_args(argv)

    from speller import Speller  # noqa: PLC0415
    from speller.checker import ENGLISH_REACH, _word_neighbours  # noqa: PLC0415
    from speller.tokenize import WORD, fold, tokenize  # noqa: PLC0415

    speller = Speller()
    d = speller.dictionary
    short = speller._short_english
    rare = {w for w in d.english if w not in d.roots and 3 <= d.count(w) <= args.max_count}
    english = {w for w in (d.english | short) if w not in d.roots}
    unlisted = [w for w in d.english if w not in d.roots]
    unseen = sum(not d.count(w) for w in unlisted)
    thrice = sum(d.count(w) == 3 for w in unlisted)
    good_turing = math.log(6 * thrice / unseen / d.total) if thrice and unseen else -math.inf
    print(f"English-list words, no lexicon root: {len(unlisted)}, unseen {unseen}, seen 3 times {thrice}")
    print(f"Good-Turing, ln P of one unseen: {good_turing:.2f}")
    seen = alone = 0
    words_alone: set[str] = set()
    for path in sorted(shared_corpus().iterdir()):
        if path.name in HELD_OUT or path.suffix != ".txt":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            tokens = list(tokenize(line))
            for i, tok in enumerate(tokens):
                if tok.kind != WORD or tok.text not in rare:
                    continue
                seen += 1
                if not any(fold(n.text) in english for n in _word_neighbours(line, tokens, i, ENGLISH_REACH)):
                    alone += 1
                    words_alone.add(tok.text)
    print(f"rare English-list words (seen 3-{args.max_count} times, no lexicon root): {len(rare)}")
    print(
        f"lowercase sightings: {seen}; with no English word within {ENGLISH_REACH}: {alone} ({len(words_alone)} words)"
    )
    if seen and alone:
        share = math.log(alone / seen)
        print(f"ln share alone: {share:.2f}; ln P where the checker judges it: {good_turing + share:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
