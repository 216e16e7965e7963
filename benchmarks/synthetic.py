"""Synthetic errors injected into clean held-out sentences, seeded and reproducible.

One error goes into each sentence, into a lowercase word of at least 4 letters (the first
letter of a word is never touched: real typos rarely hit it). Kinds of error:

* ``typo``: a QWERTY neighbour substitution, a dropped, doubled or swapped letter, a vowel slip,
  a nasal-prefix slip (meng/men/mem/meny), a ``-nya`` slip (``rumahnnya``, ``giliranya``).
  By default a typo that happens to spell a known word is rejected, so every typo is a non-word.
* ``spacing``: ``di``/``ke`` glued to the next word (``di rumah`` -> ``dirumah``), or a ``di-``
  verb split (``dilakukan`` -> ``di lakukan``).

The result is kept in memory in the gold format of benchmarks/data/errors.jsonl; nothing is
written under benchmarks/data/.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from speller.tokenize import WORD, tokenize

from .metrics import GoldError

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_POS = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
VOWELS = "aeiou"
NASALS = ("meng", "meny", "mem", "men")
#: operation -> weight; typos dominate as they do in real text
WEIGHTS = {
    "qwerty": 3,
    "drop": 2,
    "double": 1,
    "swap": 2,
    "vowel": 2,
    "nasal": 1,
    "nya": 1,
    "join": 1,
    "split": 1,
}
CATEGORY = {op: "spacing" if op in ("join", "split") else "typo" for op in WEIGHTS}


def neighbours(c: str) -> str:
    """Letters touching `c` on a staggered QWERTY keyboard (w -> qeasd, a -> qwsz)."""
    if c not in _POS:
        return ""
    r, i = _POS[c]
    spots = [(r, i - 1), (r, i + 1), (r - 1, i), (r - 1, i + 1), (r + 1, i - 1), (r + 1, i)]
    return "".join(_ROWS[rr][j] for rr, j in spots if 0 <= rr < len(_ROWS) and 0 <= j < len(_ROWS[rr]))


def eligible(word: str) -> bool:
    """Lowercase ASCII letters only, length >= 4."""
    return len(word) >= 4 and word.isascii() and word.isalpha() and word.islower()


def _typo(op: str, word: str, rng: random.Random) -> str | None:
    """`word` with one error of kind `op`, or None when the op does not apply."""
    n = len(word)
    if op == "qwerty":
        i = rng.randrange(1, n)
        options = neighbours(word[i])
        return word[:i] + rng.choice(options) + word[i + 1 :] if options else None
    if op == "drop":
        i = rng.randrange(1, n)
        return word[:i] + word[i + 1 :]
    if op == "double":
        i = rng.randrange(1, n)
        return word[: i + 1] + word[i] + word[i + 1 :]
    if op == "swap":
        spots = [i for i in range(1, n - 1) if word[i] != word[i + 1]]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "vowel":
        spots = [i for i in range(1, n) if word[i] in VOWELS]
        if not spots:
            return None
        i = rng.choice(spots)
        return word[:i] + rng.choice([v for v in VOWELS if v != word[i]]) + word[i + 1 :]
    if op == "nasal":
        for p in NASALS:  # longest first: meng before men
            if word.startswith(p) and len(word) > len(p) + 2:
                return rng.choice([q for q in NASALS if q != p]) + word[len(p) :]
        return None
    if op == "nya":
        if not word.endswith("nya") or len(word) < 6:
            return None
        stem = word[:-3]
        return stem[:-1] + "nya" if stem.endswith("n") else stem + "nnya"
    raise ValueError(op)


@dataclass(slots=True)
class SyntheticSet:
    """Sentences with injected errors, one per line, and their gold rows."""

    file: str
    text: str
    gold: list[GoldError] = field(default_factory=list)
    ops: dict[str, int] = field(default_factory=dict)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[A-Z])")


def clean_sentences(
    text: str,
    spans: Sequence[tuple[int, int]],
    bad: Sequence[tuple[int, int]],
    *,
    min_words: int = 6,
    max_words: int = 60,
) -> list[str]:
    """Sentences inside `spans` of `text` that overlap none of the `bad` spans (labelled errors)."""
    bad = sorted(bad)
    out: list[str] = []
    for s0, s1 in spans:
        pos = s0
        for para in text[s0:s1].split("\n"):
            p0 = pos
            pos += len(para) + 1
            last = 0
            pieces = [m.start() for m in _SENTENCE_END.finditer(para)] + [len(para)]
            for cut in pieces:
                raw = para[last:cut]
                a = p0 + last + (len(raw) - len(raw.lstrip()))
                sent = raw.strip()
                last = cut
                b = a + len(sent)
                if not sent or any(x < b and a < y for x, y in bad):
                    continue
                words = sum(1 for t in tokenize(sent) if t.kind == WORD)
                if min_words <= words <= max_words:
                    out.append(sent)
    return out


def inject(
    sentences: Sequence[str],
    seed: int,
    *,
    file: str = "synthetic",
    split: str = "",
    known: Callable[[str], bool] | None = None,
    max_sentences: int | None = None,
    tries: int = 30,
) -> SyntheticSet:
    """One error in each of (a seeded sample of) `sentences`.

    `known(lowercase_word)` rejects typos that spell a real word; without it any change is kept.
    """
    rng = random.Random(seed)
    pool = list(sentences)
    if max_sentences is not None and len(pool) > max_sentences:
        pool = rng.sample(pool, max_sentences)
    ops = list(WEIGHTS)
    lines: list[str] = []
    gold: list[GoldError] = []
    counts: dict[str, int] = {}
    offset = 0
    for sent in pool:
        toks = [t for t in tokenize(sent) if t.kind == WORD]
        made = None
        fails: dict[str, int] = {}
        for _ in range(tries):
            live = [o for o in ops if fails.get(o, 0) < 3]  # an op that keeps failing does not apply here
            if not live:
                break
            op = rng.choices(live, [WEIGHTS[o] for o in live])[0]
            made = _apply(op, sent, toks, rng, known)
            if made is not None:
                break
            fails[op] = fails.get(op, 0) + 1
        if made is None:
            continue
        new_sent, start, end, correct = made
        lines.append(new_sent)
        gold.append(GoldError(file, offset + start, offset + end, new_sent[start:end], correct, CATEGORY[op], split))
        counts[op] = counts.get(op, 0) + 1
        offset += len(new_sent) + 1
    return SyntheticSet(file, "\n".join(lines) + ("\n" if lines else ""), gold, counts)


def _apply(op, sent, toks, rng, known):  # noqa: ANN001, ANN202 - internal
    """(new sentence, start, end, correct) or None."""
    if op == "join":
        pairs = [
            (a, b)
            for a, b in zip(toks, toks[1:])
            if a.text in ("di", "ke") and sent[a.end : b.start] == " " and eligible(b.text)
        ]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        wrong = a.text + b.text
        return sent[: a.start] + wrong + sent[b.end :], a.start, a.start + len(wrong), sent[a.start : b.end]
    if op == "split":
        cands = [
            t
            for t in toks
            if eligible(t.text)
            and t.text.startswith("di")
            and len(t.text) >= 7
            and (known is None or known(t.text[2:]))
        ]
        if not cands:
            return None
        t = rng.choice(cands)
        wrong = "di " + t.text[2:]
        return sent[: t.start] + wrong + sent[t.end :], t.start, t.start + len(wrong), t.text
    cands = [t for t in toks if eligible(t.text)]
    if not cands:
        return None
    t = rng.choice(cands)
    wrong = _typo(op, t.text, rng)
    if wrong is None or wrong == t.text or (known is not None and known(wrong)):
        return None
    return sent[: t.start] + wrong + sent[t.end :], t.start, t.start + len(wrong), t.text
