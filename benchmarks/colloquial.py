"""Casual nasal forms (`ngopi`, `nyari`, `nulis`, `ngegas`): what the build corpus shows of them, and how many of
the ones it barely shows the checker reads as meant.

    python -m benchmarks.colloquial

First, per row of dictionaries/colloquial_prefixes.tsv, the words the dictionary lists seen at most
AFFIX_RARE_COUNT times that the row reads as a casual form of a root of the lexicon in use and the morphology
reads no other way (the table's last column), and the words seen more often. Then the words the build corpus
writes once or twice (the builder keeps words seen 3 times or more, so the dictionary never saw them; the held-out
news files are left out) that the table reads so, checked in their first build-corpus sentence between two
lowercase words, with the table and without it: how many are flagged. Not every such word is genuine (a slip of a
standard word can look casual): the flagged and the cleared words are listed to judge by hand. About 30 s.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence

from .slips_in_context import contexts, corpus_lines


def made_words(speller) -> Counter[tuple[str, str, bool]]:  # noqa: ANN001 - a Speller
    """(prefix, replaced letter or "", vowel after it) -> the rare words of the dictionary the row makes (the table's
    last column)."""
    return _made(speller)[0]


def _made(speller) -> tuple[Counter[tuple[str, str, bool]], dict[tuple[str, str, bool], list[str]]]:  # noqa: ANN001
    """`made_words`, and the commoner words (`word:count`) each row makes: lowercase words the dictionary lists that
    are no names nor roots and that the morphology reads no other way, each counted for its first row only."""
    from speller.model import AFFIX_RARE_COUNT

    d = speller.dictionary
    rare: Counter[tuple[str, str, bool]] = Counter()
    common: dict[tuple[str, str, bool], list[str]] = {}
    for word, n in d.counts.items():
        if not (word[:1] in "mn" and word.isalpha() and word.islower()) or word in d.names or word in d.roots:
            continue
        for (written, restored, vowel, _, _), _root in speller._colloquial_roots(word):
            if speller._stems(word):
                break
            key = (written, restored, vowel)
            if n <= AFFIX_RARE_COUNT:
                rare[key] += 1
            else:
                common.setdefault(key, []).append(f"{word}:{n}")
            break
    return rare, common


def table_counts(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """Per row: rare words the row makes (and the table's count), and the commonest words it makes."""
    rare, common = _made(speller)
    out = ["| prefix | replaces | before | rare words | commoner words (first 12) |", "|---|---|---|---:|---|"]
    for written, restored, vowel, _, listed in speller._colloquial_prefixes:
        key = (written, restored, vowel)
        shown = " ".join(sorted(common.get(key, []), key=lambda s: -int(s.split(":")[1]))[:12])
        before = "vowel" if vowel else "consonant"
        out.append(f"| {written} | {restored or '-'} | {before} | {rare[key]} (table {listed:g}) | {shown} |")
    return out


def barely_seen(speller) -> tuple[list[str], dict[str, list[tuple[str, str]]]]:  # noqa: ANN001 - a Speller
    """The lowercase words the build corpus writes once or twice that the table reads as casual forms, and their
    first sentence each."""
    seen: Counter[str] = Counter()
    for line in corpus_lines():
        seen.update(t for t in line.split() if t.isalpha() and t.islower() and t[0] == "n")
    d = speller.dictionary
    words = sorted(
        w
        for w, n in seen.items()
        if n <= 2 and not d.count(w) and not speller._stems(w) and next(speller._colloquial_roots(w), None)
    )
    return words, contexts(corpus_lines(), set(words), 1)


def flagged(speller, places: dict[str, list[tuple[str, str]]]) -> set[str]:  # noqa: ANN001 - a Speller
    """The words flagged in their sentence."""
    found = set()
    for word, [(left, right), *_] in ((w, p) for w, p in places.items() if p):
        at = len(left) + 1
        if any(i.start <= at < i.end for i in speller.check(f"{left} {word} {right}")):
            found.add(word)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from speller import Speller

    del argv
    speller = Speller()
    print("\n".join(table_counts(speller)))
    words, places = barely_seen(speller)
    with_table = flagged(speller, places)
    plain = Speller(speller.dictionary)
    plain.__dict__["_colloquial_prefixes"] = ()  # the checker without the table
    without = flagged(plain, places)
    n = sum(1 for p in places.values() if p)
    print(f"\nwords the build corpus writes once or twice read as casual forms: {len(words)}, in a sentence: {n}")
    print(f"flagged without the table: {len(without)} ({100 * len(without) / max(n, 1):.1f}%)")
    print(f"flagged with it:           {len(with_table)} ({100 * len(with_table) / max(n, 1):.1f}%)")
    print("cleared by the table:", " ".join(sorted(without - with_table)))
    print("still flagged:", " ".join(sorted(with_table)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
