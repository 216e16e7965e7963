"""Split Indonesian text into tokens with character offsets.

A *word* is a run of letters with internal hyphens or apostrophes (`negara-negara`, `Jum'at`).
Everything a spell checker must leave alone gets its own kind: URLs, e-mail addresses,
@mentions, #hashtags, and chunks that hold a digit or a dot (`Su-35`, `14/8/2023`, `1950-an`,
`Viva.co.id`). The same tokenizer serves the dictionary builder and the checker, so both see
the same words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

WORD = "word"
NUMBER = "number"  # any chunk holding a digit: 2023, Su-35, 14/8, 1950-an
URL = "url"
EMAIL = "email"
MENTION = "mention"
HASHTAG = "hashtag"
OTHER = "other"  # dotted or slashed chunks: Viva.co.id, a.n., dan/atau

_URL = r"""(?P<url>(?:https?://|www\.)[^\s<>"'”’)\]]*[^\s<>"'”’)\].,;:!?])"""
_EMAIL = r"(?P<email>(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]++@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)"
_TAGS = r"(?P<mention>(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+)|(?P<hashtag>(?<![\p{L}\p{N}])\#[\p{L}\p{N}_]+)"
#: Invisible characters that may stand inside a word (pasted web text): soft hyphen, zero-width space,
#: zero-width non-joiner, zero-width joiner. They stay inside the token and `fold` removes them.
INVISIBLE = "\u00ad\u200b\u200c\u200d"
_RUN = rf"[\p{{L}}\p{{M}}\p{{N}}]++(?:[{INVISIBLE}]++[\p{{L}}\p{{M}}\p{{N}}]++)*+"
_CHUNK = rf"(?P<chunk>{_RUN}(?:['’\-./]{_RUN})*+)"


@functools.cache
def _full_pattern() -> regex.Pattern[str]:
    """The token pattern with URLs and e-mail addresses, compiled when first needed (text without `@`, `://`
    or `www.` never needs it)."""
    return regex.compile("|".join((_URL, _EMAIL, _TAGS, _CHUNK)))


#: The same tokens for text with no `@`, `://` or `www.`: three times faster, as no URL or e-mail can start anywhere.
_PLAIN_TOKEN = regex.compile("|".join((_TAGS, _CHUNK)))
#: What every URL, e-mail address (and @mention) holds.
_MARKERS = ("@", "://", "www.")
#: Characters no token holds: a token never crosses one, so text can be scanned in pieces cut at them.
_BREAKS = " \t\n\r"


def _marks(text: str, pos: int, end: int) -> list[int]:
    """Offsets of every `@`, `://` and `www.` in `text[pos:end]`, in order."""
    found = []
    for marker in _MARKERS:
        i = text.find(marker, pos, end)
        while i >= 0:
            found.append(i)
            i = text.find(marker, i + 1, end)
    return sorted(found)


def _matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
    """The token matches of `text[pos:endpos]`: the full pattern (URLs, e-mail) only over the runs between
    spaces or line breaks that hold `@`, `://` or `www.`, the plain one elsewhere; the same tokens as the full
    pattern over all of it, as no token crosses a space or a line break and no URL or e-mail lacks a marker."""
    end = len(text) if endpos is None else endpos
    at = pos
    for i in _marks(text, pos, end):
        if i < at:
            continue  # inside the run just scanned
        start = max(max(text.rfind(ch, at, i) for ch in _BREAKS) + 1, at)
        stop = min([j for j in (text.find(ch, i, end) for ch in _BREAKS) if j >= 0] or [end])
        if start > at:
            yield from _PLAIN_TOKEN.finditer(text, at, start)
        yield from _full_pattern().finditer(text, start, stop)
        at = stop
    if at < end:
        yield from _PLAIN_TOKEN.finditer(text, at, end)


#: Words longer than this (characters) are not checked: no Indonesian word comes close, and the
#: checker's per-word work grows faster than linearly with the word's length.
MAX_WORD_LENGTH = 64
_FOLD = str.maketrans({"’": "'", **{ch: None for ch in INVISIBLE}})


def fold(word: str) -> str:
    """`word` as dictionaries store it: lowercase, curly apostrophe made straight, invisible characters
    (soft hyphen, zero-width space, non-joiner, joiner) removed."""
    return word.lower().translate(_FOLD)


_HAS_DIGIT = regex.compile(r"\p{N}")
# What may stand between a sentence end and the first word of the next sentence.
_OPENERS = set(" \t\"'“‘([«*•-–—")
_SENTENCE_END = set(".!?…:;")


@dataclass(frozen=True, slots=True)
class Token:
    """A token: its text, its [start, end) character offsets, its kind, and whether it opens a sentence."""

    text: str
    start: int
    end: int
    kind: str
    sentence_start: bool


def _kind(groupname: str, text: str) -> str:
    if groupname != "chunk":
        return groupname
    if len(text) > MAX_WORD_LENGTH:
        return OTHER
    if _HAS_DIGIT.search(text):
        return NUMBER
    if "." in text or "/" in text:
        return OTHER
    return WORD


def opens_sentence(text: str, start: int) -> bool:
    """True when only openers (spaces, quotes, brackets, bullets) stand between a line start or sentence end and
    `start`."""
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            return True
        if ch in _SENTENCE_END:
            return True
        if ch not in _OPENERS:
            return False
        i -= 1
    return True


def tokenize(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Token]:
    """Yield the tokens of `text[pos:endpos]` in order; offsets index into `text`.

    Costs the length of the span, not of `text`.
    """
    for m in _matches(text, pos, endpos):
        kind = _kind(m.lastgroup or "chunk", m.group())
        start = m.start()
        yield Token(m.group(), start, m.end(), kind, opens_sentence(text, start))


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of each word token: the same words as `tokenize`, found faster."""
    for m in _matches(text):
        if m.lastgroup == "chunk":
            word = m.group()
            if (word.isalpha() and len(word) <= MAX_WORD_LENGTH) or _kind("chunk", word) == WORD:
                yield word, m.start(), m.end()


#: All-caps words up to this long are acronyms (`DPR`, `DPRK`, `ASEAN`); longer ones are shouted words.
ACRONYM_MAX = 5


def is_all_caps(word: str) -> bool:
    """Two or more letters, all capitals."""
    return len(word) >= 2 and word.isupper()


def is_acronym(word: str) -> bool:
    """All-caps words of two to five letters (`DPR`, `KTT`, `DPRK`) are acronyms, not typos."""
    return is_all_caps(word) and len(word) <= ACRONYM_MAX


def is_mixed_case(word: str) -> bool:
    """Capitals after the first letter of a part (`KimJongUn`, `iPhone`): names and brands."""
    if word[1:].islower() or is_all_caps(word):
        return False
    parts = word.replace("’", "-").replace("'", "-").split("-")
    return any(part[1:] != part[1:].lower() for part in parts if part)


def runs(line: str) -> Iterator[list[str]]:
    """Yield runs of words (as written) that stand next to each other separated only by spaces.

    A run breaks at punctuation, at a non-word token and at the end of the line, so
    bigrams counted inside a run never cross a sentence end, a comma seam or a line break.
    Every word of the line is in exactly one run.
    """
    run: list[str] = []
    last_end = 0
    for m in _matches(line):
        word = m.group()
        is_word = m.lastgroup == "chunk" and _kind("chunk", word) == WORD
        if run and (not is_word or line[last_end : m.start()].strip(" \t")):
            yield run
            run = []
        if is_word:
            run.append(word)
        last_end = m.end()
    if run:
        yield run


def word_runs(line: str) -> Iterator[list[str]]:
    """`runs` folded (see `fold`)."""
    for run in runs(line):
        yield [fold(w) for w in run]
