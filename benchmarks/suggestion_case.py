"""Where the build corpus writes its mostly capitalized words capitalized, and how often in lowercase.

    python -m benchmarks.suggestion_case [--min-count 50] [--show 40] [--word sekretaris ...]

For every word the dictionary takes for a name (`Dictionary.names`: written in lowercase less than
`NAME_LOWER_SHARE` of the time) and seen at least `--min-count` times, each occurrence in the build corpus (the
shared corpus without the held-out files) is put in one place: lowercase; capitalized opening a sentence (a line's
start or after `.`, `!`, `?`, `:` or a quote); capitalized in a headline (a line of at least three words, each
capitalized); capitalized before a capitalized word (a title before a name: `Sekretaris Daerah`, `Kapolri Jenderal
Tito`); capitalized elsewhere inside a sentence ("free": `kata Kapolri.`, `di Jakarta`). All-caps uses are left out.

A capital at a sentence's start, in a headline or before a name is the position's, not the word's: only the free
capitals say that the word is a name. Per word (sorted by the lowercase share of lowercase and free uses together, the
`--word` ones first): its lowercase share of all uses (the dictionary's measure, `PROPER_LOWER_SHARE`), of lowercase
and free uses, and the dictionary's lowercase uses per use inside a run of words, the measure `speller.casing`
keeps a capital by (`keeps_capital`, INSIDE_LOWER_SHARE): a common noun used as a title (`sekretaris`) against a name
(`jakarta`, `kapolri`).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable

from speller.records import TYPE_CHECKING

from .blindspots import HELD_OUT

if TYPE_CHECKING:
    from speller.dictionary import Dictionary

#: The words and single marks of a line.
TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[^\s\w]")
#: Marks after which a capital opens a sentence (or a quote).
OPENERS = frozenset('.!?:"“”(')
#: A line of at least this many words, all capitalized, is a headline.
HEADLINE_WORDS = 3
PLACES = ("lower", "opening", "headline", "before_capital", "free")


def places(lines: Iterable[str], words: set[str]) -> dict[str, Counter[str]]:
    """word -> Counter of PLACES over `lines`, for the lowercase `words`."""
    found: dict[str, Counter[str]] = {w: Counter() for w in words}
    for line in lines:
        tokens = TOKEN.findall(line)
        alpha = [t for t in tokens if t[0].isalpha()]
        headline = len(alpha) >= HEADLINE_WORDS and all(t[0].isupper() for t in alpha)
        for i, tok in enumerate(tokens):
            low = tok.lower()
            if low not in found or not tok[0].isalpha():
                continue
            if tok == low:
                found[low]["lower"] += 1
                continue
            if len(tok) > 1 and tok.isupper():
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if i == 0 or tokens[i - 1] in OPENERS:
                place = "opening"
            elif headline:
                place = "headline"
            elif nxt[:1].isalpha() and nxt[:1].isupper():
                place = "before_capital"
            else:
                place = "free"
            found[low][place] += 1
    return found


def free_lower_share(c: Counter[str]) -> float:
    """The lowercase share of a word's uses where its case is the writer's choice: lowercase and free capitals."""
    return c["lower"] / max(1, c["lower"] + c["free"])


def inside_lower_share(d: Dictionary, word: str) -> float:
    """The dictionary's lowercase uses of `word` per use inside a run of words (after another word)."""
    beside = d.beside(word)
    return d.lower_count(word) / max(1, beside.before if beside else 0)


def main(argv: list[str] | None = None) -> None:
    """Print the table."""
    from speller import Speller
    from speller.casing import keeps_capital
    from speller.dictionary import PROPER_LOWER_SHARE

    from .environment import shared_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-count", type=int, default=50)
    ap.add_argument("--show", type=int, default=60)
    ap.add_argument("--word", nargs="*", default=[])
    args = ap.parse_args(argv)
    d = Speller().dictionary
    words = {w for w in d.names if d.count(w) >= args.min_count and w.isalpha()} | set(args.word)
    files = sorted(p for p in shared_corpus().glob("*.txt") if p.name not in HELD_OUT)
    total: dict[str, Counter[str]] = {w: Counter() for w in words}
    for path in files:
        with path.open(encoding="utf-8", errors="replace") as f:
            for w, c in places(f, words).items():
                total[w].update(c)
    print(f"{len(words)} words (names seen {args.min_count}+ times), {len(files)} build-corpus files")
    print(
        "word | count | lower | opening | headline | before capital | free | lower share | free lower share | "
        "lower per use inside a run (`casing.keeps_capital`) | kept"
    )
    rows = sorted(total.items(), key=lambda p: -free_lower_share(p[1]))
    shown = [w for w in args.word] + [w for w, _ in rows[: args.show] if w not in args.word]
    for w in shown:
        c = total[w]
        n = sum(c.values())
        print(
            f"{w} | {n} | {c['lower']} | {c['opening']} | {c['headline']} | {c['before_capital']} | {c['free']} | "
            f"{c['lower'] / max(1, n):.3f} | {free_lower_share(c):.3f} | {inside_lower_share(d, w):.3f} | "
            f"{keeps_capital(d, w)}"
        )
    for bar in (0.05, 0.1, 0.2, 0.3, 0.5):
        proper = sum(total[w]["lower"] < PROPER_LOWER_SHARE * sum(total[w].values()) for w in words)
        kept = sum(free_lower_share(total[w]) < bar for w in words)
        print(f"free lower share < {bar}: {kept} words keep a capital (lower share < {PROPER_LOWER_SHARE}: {proper})")


if __name__ == "__main__":
    main()
