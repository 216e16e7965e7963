"""How long the words news writes that the dictionary lacks are, against what the words' letter model expects.

    python -m benchmarks.new_word_lengths

The prior of a new lowercase word is exp(LOG_NEW_WORD_MASS) * P_letters(w) (`speller.model.word_shape`): the letter
model spreads the mass over lengths as its letters' end marks make it. This compares, by length, the share of build
corpus tokens that reach that branch (lowercase words seen at most 3 times that the dictionary lacks and the
morphology does not build, as LOG_NEW_WORD_MASS counts them: slips and genuine words together) with the share of the
model's mass on strings of that length (`SAMPLES` strings drawn from the model, seeded), as ln(corpus / model): what a
length correction to the letter model would add; and the same for the words ending in a possessive clitic
(-nya, -ku, -mu: `speller.model.LOG_NEW_POSSESSIVE`). Reads the build corpus only; about 30 s.
"""

from __future__ import annotations

import bisect
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence

#: Strings drawn from the letter model.
SAMPLES = 20_000
#: The letters the model draws (its end mark last).
LETTERS = "abcdefghijklmnopqrstuvwxyz$"
#: Longest string drawn, and the lengths reported.
MAX_LENGTH = 30
SHOWN = range(2, 21)


def drawn_strings(p: Callable[[str, str], float], order: int, samples: int, seed: int = 1) -> list[str]:
    """`samples` strings drawn from a letter model (`p(context, letter)`, contexts of `order - 1` letters padded with
    `^`, `$` ending a string), at most MAX_LENGTH letters each."""
    rng = random.Random(seed)
    cumulative: dict[str, list[float]] = {}
    drawn: list[str] = []
    for _ in range(samples):
        context, string = "^" * (order - 1), ""
        while len(string) < MAX_LENGTH:
            key = context[len(context) - (order - 1) :] if order > 1 else ""
            if key not in cumulative:
                weights = [p(key, letter) for letter in LETTERS]
                total, running = sum(weights), list[float]()
                for w in weights:
                    running.append((running[-1] if running else 0.0) + w / total)
                cumulative[key] = running
            letter = LETTERS[min(bisect.bisect(cumulative[key], rng.random()), len(LETTERS) - 1)]
            if letter == "$":
                break
            context += letter
            string += letter
        drawn.append(string)
    return drawn


def drawn_lengths(p: Callable[[str, str], float], order: int, samples: int, seed: int = 1) -> Counter[int]:
    """How many of `samples` strings drawn from a letter model (`drawn_strings`) have each length."""
    return Counter(len(s) for s in drawn_strings(p, order, samples, seed))


def possessive_ratio(corpus: Counter[str], drawn: Sequence[str]) -> float:
    """ln(share of `corpus` tokens (word -> count) / share of `drawn` strings) ending in a possessive clitic after
    enough letters (`speller.model.new_word_ending_odds` tells them): what `LOG_NEW_POSSESSIVE` was set to."""
    from speller.model import new_word_ending_odds

    tokens = sum(n for w, n in corpus.items() if new_word_ending_odds(w)) / sum(corpus.values())
    model = sum(1 for s in drawn if new_word_ending_odds(s)) / len(drawn)
    return math.log(tokens / model)


def log_ratios(corpus: Counter[int], model: Counter[int]) -> dict[int, float]:
    """ln(share of `corpus` at each length / share of `model`), for the lengths both have."""
    a, b = sum(corpus.values()), sum(model.values())
    return {n: math.log((corpus[n] / a) / (model[n] / b)) for n in sorted(corpus) if corpus[n] and model[n]}


def main(argv: Sequence[str] | None = None) -> int:
    from speller import Speller
    from speller.model import word_shape

    from .unseen_derivations import raw_counts

    sp = Speller()
    d = sp.dictionary
    words: Counter[str] = Counter()
    for word, n in raw_counts().items():
        if n <= 3 and len(word) >= 2 and not d.count(word) and sp._root_count(word, False) is None:
            words[word] += n
    corpus: Counter[int] = Counter()
    for word, n in words.items():
        corpus[len(word)] += n
    shape = word_shape(d)
    drawn = drawn_strings(shape._p, shape.order, SAMPLES)
    model = Counter(len(s) for s in drawn)
    ratios = log_ratios(corpus, model)
    a, b = sum(corpus.values()), sum(model.values())
    print(f"{a} corpus tokens, {b} model strings")
    print("length\tcorpus\tmodel\tln ratio")
    for n in SHOWN:
        ratio = f"{ratios[n]:.2f}" if n in ratios else "-"
        print(f"{n}\t{corpus[n] / a:.4f}\t{model[n] / b:.4f}\t{ratio}")
    print(f"ending in a possessive clitic: ln ratio {possessive_ratio(words, drawn):.2f} (LOG_NEW_POSSESSIVE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
