"""Split Indonesian text into tokens with character offsets.

A *word* is a run of letters with internal hyphens or apostrophes (`negara-negara`, `Jum'at`).
Everything a spell checker must leave alone gets its own kind: URLs, e-mail addresses,
@mentions, #hashtags, and chunks that hold a digit or a dot (`Su-35`, `14/8/2023`, `1950-an`,
`Viva.co.id`). The same tokenizer serves the dictionary builder and the checker, so both see
the same words.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator
from itertools import accumulate, compress, filterfalse, islice, repeat
from operator import add, is_

from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import regex

WORD = "word"
NUMBER = "number"  # any chunk holding a digit: 2023, Su-35, 14/8, 1950-an
URL = "url"
EMAIL = "email"
MENTION = "mention"
HASHTAG = "hashtag"
OTHER = "other"  # dotted or slashed chunks: Viva.co.id, a.n., dan/atau

#: A URL: any scheme with `//` (`https://`, `ftp://`), `www.`, or a link to write to or call (`mailto:`, `tel:`).
_URL = r"""(?P<url>(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:|tel:)[^\s<>"'”’)\]]*[^\s<>"'”’)\].,;:!?])"""
_EMAIL = r"(?P<email>(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]++@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)"
#: A mention may stand glued to the word before it (`Instagram@gisel_la`, `akun@Yuni`: news credits a handle so),
#: and a handle is never a word to check, dots inside it too (Instagram's `@pesona.indonesia`); a `#` inside a word
#: (`C#`, `x#y`) opens no hashtag.
_TAGS = r"(?P<mention>@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*)|(?P<hashtag>(?<![\p{L}\p{N}])\#[\p{L}\p{N}_]+)"
#: Invisible characters that may stand inside a word (pasted web text): soft hyphen, zero-width space,
#: zero-width non-joiner, zero-width joiner. They stay inside the token and `fold` removes them.
INVISIBLE = "\u00ad\u200b\u200c\u200d"
_RUN = rf"[\p{{L}}\p{{M}}\p{{N}}]++(?:[{INVISIBLE}]++[\p{{L}}\p{{M}}\p{{N}}]++)*+"
#: Invisible characters may follow a separator inside a chunk: a masked reference to an apostrophe is one padded with
#: soft hyphens (`Jum&#8217;at` reads `Jum’` and six of them, then `at`: `speller.markup._reference`).
_CHUNK = rf"(?P<chunk>{_RUN}(?:['’\-./][{INVISIBLE}]*+{_RUN})*+)"

#: A name of a Windows path: letters and digits, inner `-`, `.`, `_` or an apostrophe (`laporan_2024.docx`).
_PATH_NAME = r"[\p{L}\p{N}]++(?:[\-._'’][\p{L}\p{N}]++)*+"
#: A Windows path, one token that is no word as a Unix path is (`D:\Arsip\Indoensia\2024`): a drive letter and the
#: names after it. Not names joined by backslashes alone: text copied out of JSON writes its line breaks `\n`
#: (`Indonesia\nDia`: two words), and a backslash no name follows joins none (Markdown's `\*kata\*`, a line-ending
#: `kata\`).
_PATH = rf"(?P<other>(?<![\p{{L}}\p{{N}}])[A-Za-z]:\\(?:{_PATH_NAME}(?:\\{_PATH_NAME})*+\\?)?)"

#: The token pattern with URLs, e-mail addresses and Windows paths (text without `@`, `://`, `www.` or `\` never
#: needs it).
_FULL_TOKEN = "|".join((_URL, _EMAIL, _TAGS, _PATH, _CHUNK))
#: The same tokens for text with no `@`, `://`, `www.` or `\`: three times faster, as no URL, e-mail or path can
#: start anywhere.
_PLAIN_TOKEN = "|".join((_TAGS, _CHUNK))

#: Code points (inclusive ranges) of text the standard `re` module scans: ASCII, Latin-1, Latin Extended-A, General
#: Punctuation (curly quotes, dashes, invisible spaces), currency and letterlike symbols (€, ™, ℃): what news text
#: holds. On them the `re` translation of every pattern here (`_to_re`) and the `regex` pattern provably agree
#: (tests/test_tokenize_engines.py runs over every one); other text is scanned by `regex`, imported only then.
RE_TABLE = ((0x0000, 0x017F), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F))


@functools.cache
def _table() -> frozenset[str]:
    """Every character of the table (built when first non-ASCII text is scanned)."""
    return frozenset(chr(c) for lo, hi in RE_TABLE for c in range(lo, hi + 1))


#: Each class of the patterns here as `re` writes it for text of the table. There no character is a mark, and the
#: letters and digits (`\p{L}`, `\p{N}`) are those of `str.isalnum`, the `re` class `[^\W_]` (`\w` is it and `_`);
#: the numbers (`\p{N}`: digits, superscripts, fractions) and the white space (`\s`, inside classes) are listed.
_RE_CLASSES = {
    r"[\p{L}\p{M}\p{N}]": r"[^\W_]",
    r"[\p{L}\p{N}]": r"[^\W_]",
    r"[\p{L}\p{N}_]": r"\w",
    r"[\p{L}\p{N}._%+-]": r"[\w.%+-]",
    r"[\p{L}\p{N}-]": r"(?:[^\W_]|-)",
    r"[\p{N}]": r"[0-9\u00b2\u00b3\u00b9\u00bc-\u00be]",
    r"\s": r"\t\n\v\f\r \u0085\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f",
}


def _to_re(source: str) -> str:
    """`source` (a `regex` pattern of this module) for the standard `re` module, the same on text of the table."""
    for name, body in _RE_CLASSES.items():
        source = source.replace(name, body)
    if r"\p{" in source:
        raise ValueError(f"a class of {source!r} has no `re` translation")
    return source


def _in_table(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether every character of `text[pos:endpos]` is in the table (`RE_TABLE`), so `re` may scan it."""
    span = text[pos:endpos] if pos or endpos is not None else text
    return span.isascii() or _non_ascii(span) <= _table()


@functools.cache
def _compiled(source: str, in_table: bool) -> re.Pattern[str] | regex.Pattern[str]:
    """`source` compiled by `re` (for text of the table) or by `regex` (imported only then), on first use."""
    if in_table:
        return re.compile(_to_re(source))
    import regex  # noqa: PLC0415

    return regex.compile(source)


#: What every URL, e-mail address (and @mention) and Windows path holds.
_MARKERS = ("@", "://", "www.", "mailto:", "tel:", "\\")
#: What a run of text holding a URL or an e-mail address holds (`_URL`, `_EMAIL`): the rule of those that read such a
#: run without tokenizing it (a missing space, Markdown's emphasis). `mailto:` and `tel:` open a word.
ADDRESS = r"@|://|www\.|(?<![^\W\d_])(?:mailto|tel):"
#: Characters no token holds: a token never crosses one, so text can be scanned in pieces cut at them.
_BREAKS = " \t\n\r"
#: The first of `_BREAKS` from a place on (`_pieces`): a search stops there, where `str.find` of a break the text lacks
#: (`\r` in most texts) reads to the end, once per run holding a marker (`a@b ` or `a\\b ` repeated: quadratic).
_NEXT_BREAK = re.compile(f"[{_BREAKS}]")


def _marks(text: str, pos: int, end: int) -> list[int]:
    """Offsets of every `@`, `://`, `www.` and `\\` in `text[pos:end]`, in order."""
    found = []
    for marker in _MARKERS:
        i = text.find(marker, pos, end)
        while i >= 0:
            found.append(i)
            i = text.find(marker, i + 1, end)
    return sorted(found)


def _pieces(text: str, pos: int, end: int) -> Iterator[tuple[bool, int, int]]:
    """(marked, start, stop) pieces covering `text[pos:end]` in order: the runs between spaces or line breaks that
    hold `@`, `://`, `www.` or `\\` are marked (only they need the full pattern), the rest between them is not."""
    at = pos
    for i in _marks(text, pos, end):
        if i < at:
            continue  # inside the run just scanned
        start = max(max(text.rfind(ch, at, i) for ch in _BREAKS) + 1, at)
        found = _NEXT_BREAK.search(text, i, end)
        stop = found.start() if found else end
        if start > at:
            yield False, at, start
        yield True, start, stop
        at = stop
    if at < end:
        yield False, at, end


def _matches(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The token matches of `text[pos:endpos]`: the full pattern (URLs, e-mail) only over the runs between
    spaces or line breaks that hold `@`, `://`, `www.` or `\\`, the plain one elsewhere; the same tokens as the full
    pattern over all of it, as no token crosses a space or a line break and no URL, e-mail or path lacks a marker."""
    end = len(text) if endpos is None else endpos
    in_table = _in_table(text, max(pos - 1, 0), end)  # a look-behind may see the character before `pos`
    for marked, start, stop in _pieces(text, pos, end):
        yield from _compiled(_FULL_TOKEN if marked else _PLAIN_TOKEN, in_table).finditer(text, start, stop)


#: Words longer than this (characters) are not checked: no Indonesian word comes close, and the
#: checker's per-word work grows faster than linearly with the word's length.
MAX_WORD_LENGTH = 64
_FOLD = str.maketrans({"’": "'", **{ch: None for ch in INVISIBLE}})


def fold(word: str) -> str:
    """`word` as dictionaries store it: lowercase, curly apostrophe made straight, invisible characters
    (soft hyphen, zero-width space, non-joiner, joiner) removed, in Unicode's composed form (NFC: `kafe` with a
    combining acute is `kafé`, the same text)."""
    low = word.lower().translate(_FOLD)
    return low if low.isascii() else _composed(low)


def folded(words: Iterable[str]) -> Iterator[str]:
    """`fold` of each of `words`, in order."""
    return map(fold, words)


def _composed(text: str) -> str:
    """`text` in NFC (`unicodedata` imported by the first word that is no ASCII: a check of ASCII text needs none)."""
    from unicodedata import normalize  # noqa: PLC0415

    return normalize("NFC", text)


_HAS_DIGIT = r"[\p{N}]"
# What may stand between a sentence end and the first word of the next sentence.
_OPENERS = set(" \t\"'“‘([«*•-–—")
_SENTENCE_END = set(".!?…:;")
#: Quotes that open a quotation; after a comma one opens a sentence too (`mengatakan, "Risiko itu ...`).
_OPENING_QUOTES = set('"“«')


class Token(NamedTuple):
    """A token: its text, its [start, end) character offsets, its kind, and whether it opens a sentence."""

    text: str
    start: int
    end: int
    kind: str
    sentence_start: bool


def _kind(groupname: str, text: str) -> str:
    if groupname != "chunk":
        return groupname
    if text.isalpha() and len(text) <= MAX_WORD_LENGTH:
        return WORD  # the usual chunk: letters alone
    if len(text) > MAX_WORD_LENGTH:
        return OTHER
    if _compiled(_HAS_DIGIT, _in_table(text)).search(text):
        return NUMBER
    if "." in text or "/" in text:
        return OTHER
    return WORD


#: A line break (`\n`, `\r\n` or a lone `\r`), and the blanks that may stand around one without making a blank line.
_LINE_BREAK = r"(?:\r\n|\r|\n)"
_LINE_BLANKS = r"[ \t\u00a0]*"
#: The gap between two words of one paragraph wrapped by hand: one line break, blanks around it. Hard-wrapped plain
#: text and Markdown break a paragraph's lines so; its words stay neighbours (`spacing.wrapped_doubling`).
WRAPPED_GAP = re.compile(_LINE_BLANKS + _LINE_BREAK + _LINE_BLANKS)
#: What ends a paragraph: a blank line, two line breaks with only blanks between them (`parts_paragraphs`).
PARAGRAPH_BREAK = re.compile(_LINE_BREAK + _LINE_BLANKS + _LINE_BREAK)


def parts_paragraphs(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` (the gap between two words) holds a blank line (PARAGRAPH_BREAK): the words stand in
    two paragraphs, and neither is context for the other. One line break (WRAPPED_GAP) parts no paragraph."""
    return end - start > 1 and PARAGRAPH_BREAK.search(text, start, end) is not None  # a space or none: asked often


def opens_sentence(text: str, start: int) -> bool:
    """True when only openers (spaces, quotes, brackets, bullets) stand between a line start, a sentence end or a
    comma before an opening quote (a quotation: `katanya, "Kami`) and `start`."""
    i = start - 1
    quoted = False
    while i >= 0:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            return True
        if ch in _SENTENCE_END or (ch == "," and quoted):
            return True
        if ch not in _OPENERS:
            return False
        quoted = quoted or ch in _OPENING_QUOTES
        i -= 1
    return True


#: A line written in Title Case, as headlines are (`title_line`), holds at least TITLE_MIN_WORDS words and at most
#: TITLE_MAX_WORDS (a longer line is a paragraph whose words are names: a team's line-up), within TITLE_MAX_CHARS
#: characters (a line is read no further).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
TITLE_MAX_CHARS = 600


def line_bounds(text: str, at: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Where the line holding `text[at]` starts and ends (a line break `\n`, `\r` or `\r\n` before and after it),
    looked for in `text[lo:hi]` only: `lo` or `hi` where no line break stands there."""
    hi = len(text) if hi is None else hi
    start = max(text.rfind("\n", lo, at), text.rfind("\r", lo, at)) + 1 or lo
    ends = [i for i in (text.find("\n", at, hi), text.find("\r", at, hi)) if i >= 0]
    return start, min(ends, default=hi)


def title_line(text: str, at: int, lowercase: Container[str]) -> bool:
    """True when the line holding `text[at]` is written in Title Case, as a headline is (`Hal Itu Di Lakukan Polisi`,
    `Perluas Akses Produk ke Pasar Global`): TITLE_MIN_WORDS to TITLE_MAX_WORDS words, each capitalized but for the
    words of `lowercase` (function words, `ke`, `dan`), and at least one not all in capitals (an all-capital line is
    shouted, not titled). There a capital says the line's style, not that the word is a name."""
    lo, hi = max(0, at - TITLE_MAX_CHARS), min(len(text), at + TITLE_MAX_CHARS)
    start, end = line_bounds(text, at, lo, hi)
    if (start == lo and lo) or (end == hi and hi < len(text)):
        return False  # no line end within reach: a long line
    words = titled = 0
    for token in tokenize(text, start, end):
        if token.kind != WORD:
            continue
        if not token.text[:1].isupper() and fold(token.text) not in lowercase:
            return False
        words += 1
        titled += token.text[:1].isupper() and not is_all_caps(token.text)
        if words > TITLE_MAX_WORDS:
            return False
    return words >= TITLE_MIN_WORDS and titled > 0


def tokenize(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Token]:
    """Yield the tokens of `text[pos:endpos]` in order; offsets index into `text`.

    Costs the length of the span, not of `text`.
    """
    for m in _matches(text, pos, endpos):
        word, group = m.group(), m.lastgroup or "chunk"
        start, end = m.span()
        # the usual chunk, letters alone, told without a call; anything else by `_kind`
        kind = WORD if group == "chunk" and len(word) <= MAX_WORD_LENGTH and word.isalpha() else _kind(group, word)
        yield Token(word, start, end, kind, opens_sentence(text, start))


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of each word token: the same words as `tokenize`, found faster."""
    for m in _matches(text):
        if m.lastgroup == "chunk":
            word = m.group()
            if (word.isalpha() and len(word) <= MAX_WORD_LENGTH) or _kind("chunk", word) == WORD:
                yield word, m.start(), m.end()


#: Every character a token of the plain pattern may hold (letters, marks, digits, invisible characters, the
#: separators inside a chunk, and those of mentions and hashtags).
_TOKEN_CHAR = rf"[\p{{L}}\p{{M}}\p{{N}}_@\#'’\-./{INVISIBLE}]"
#: Most of `_TOKEN_CHAR` as a class of the (faster) standard `re` module: its `\w` is Python's idea of a letter.
_RUN_CLASS = rf"\w{INVISIBLE}'’\-./@\#"
#: What a token may open with besides a letter, a mark or a digit.
_TAG_SIGNS = r"@\#"
#: A run of letters, marks and digits only: a whole chunk by itself.
_SIMPLE_RUN = r"[\p{L}\p{M}\p{N}]++"
_LETTER_OR_DIGIT = r"[\p{L}\p{N}]"
#: Per character: `_TOKEN_CHAR` holds it and `_RUN_CLASS` misses it (marks; letters of a newer Unicode than
#: Python's), and whether `str.isalnum` disagrees with `_LETTER_OR_DIGIT` on it (a Unicode newer than `regex`'s).
_MISSED: dict[str, tuple[bool, bool]] = {}


@functools.lru_cache(maxsize=32)
def _runs_pattern(extra: str) -> re.Pattern[str]:
    """One group around each run of token characters (`_RUN_CLASS` and `extra`), for `split`: a maximal run without
    the characters at its ends that no token can open or close with (`kata.` gives the run `kata`)."""
    inner = rf"\w{re.escape(extra)}"  # a token opens (but for a sign) and closes with one of these
    return re.compile(f"([{_TAG_SIGNS}{inner}][{_RUN_CLASS}{re.escape(extra)}]*(?<=[{inner}]))")


def _missed(text: str, outside_ascii: set[str] | None = None) -> tuple[str, bool]:
    """The characters of `text` a token may hold that `_RUN_CLASS` misses (sorted), and whether `str.isalnum` tells
    the letters and digits of `text` as `regex` does. Only characters outside ASCII can be either (`outside_ascii`:
    those of `text`, `_non_ascii(text)`, when the caller has them)."""
    out = []
    agree = True
    for ch in _non_ascii(text) if outside_ascii is None else outside_ascii:
        hit = _MISSED.get(ch)
        if hit is None:
            hit = _MISSED[ch] = _char_facts(ch)
        if hit[0]:
            out.append(ch)
        if hit[1]:
            agree = False
    return "".join(sorted(out)), agree


def _char_facts(ch: str) -> tuple[bool, bool]:
    """Whether `_TOKEN_CHAR` holds `ch` and `_RUN_CLASS` misses it, and whether `str.isalnum` disagrees with
    `_LETTER_OR_DIGIT` on it."""
    missed = bool(_compiled(_TOKEN_CHAR, False).match(ch)) and not re.match(f"[{_RUN_CLASS}]", ch)
    return missed, ch.isalnum() != bool(_compiled(_LETTER_OR_DIGIT, False).match(ch))


#: Every ASCII byte: deleted from a text's UTF-8, they leave the bytes of its other characters, whole.
_ASCII = bytes(range(128))


def _non_ascii(text: str) -> set[str]:
    """The distinct characters of `text` outside ASCII (found at C speed: no byte of a UTF-8 sequence for such a
    character is an ASCII byte)."""
    if text.isascii():
        return set()
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass"))


#: The word chunks of each run `word_scan` could not take whole (`_word_chunks`), kept across texts.
_RUN_WORDS: dict[str, list[tuple[str, int]]] = {}
#: `_RUN_WORDS` is emptied when it holds this many runs.
_RUN_WORDS_MAX = 100_000


def _word_chunks(run: str, in_table: bool) -> list[tuple[str, int]]:
    """(word, offset) of the word tokens inside one run of token characters (cached; `in_table`: whether every
    character of the run is in the table, see `_in_table`)."""
    hit = _RUN_WORDS.get(run)
    if hit is None:
        if len(_RUN_WORDS) >= _RUN_WORDS_MAX:
            _RUN_WORDS.clear()
        hit = _RUN_WORDS[run] = [
            (m.group(), m.start())
            for m in _compiled(_PLAIN_TOKEN, in_table).finditer(run)
            if m.lastgroup == "chunk" and _kind("chunk", m.group()) == WORD
        ]
    return hit


class Scan(NamedTuple):
    """What `scan` finds in a text."""

    words: list[str]
    """The words of `word_spans`, in order."""
    starts: list[int]
    """Their start offsets."""
    others: set[str]
    """The distinct runs of token characters that are not a word of letters alone (numbers, `negara-negara`, a run
    holding a URL): every token that is not a word lies inside one of them."""
    placed: dict[str, list[int]]
    """The start offsets of each run of `others` that holds a letter (a character of `[^\\W\\d_]`, as the standard
    `re` module tells them) and is not one word token (`negara-negara` is, `kemarin.Dia`, `5juta`, `1950an` are not;
    `2025` and `10/9/2019` hold no letter), and of each run holding a URL or a backslash, in order."""


def word_scan(text: str) -> tuple[list[str], list[int]]:
    """The words of `word_spans` and their start offsets, as two lists (see `scan`)."""
    words, starts, _, _ = scan(text)
    return words, starts


#: The scan of one line (`scan`) as a stretch of the scan of the text it was last scanned in: that text's scan, the
#: index of the line's first word in its words and the index after its last, where the line started in that text,
#: the runs of `Scan.others` the line holds, and the items of `Scan.placed` in the line (offsets in that text). A plain
#: tuple: a text scanned whole makes one per line.
_Line = tuple[Scan, int, int, int, tuple[str, ...], tuple[tuple[str, list[int]], ...]]


class _LineMemo:
    """The scans of the lines of texts scanned before (`scan`), by line, holding at most `max_words` words."""

    def __init__(self, max_words: int) -> None:
        self.lines: dict[str, _Line] = {}
        self.words = 0
        self.max_words = max_words

    def keep(self, fresh: dict[str, _Line]) -> None:
        """Remember the scans of `fresh`; everything is forgotten first when they would hold too many words, and
        nothing is kept of a text with more words than the whole memo may hold."""
        n = sum(hi - lo for _, lo, hi, *_ in fresh.values())
        if n > self.max_words:
            return
        if self.words + n > self.max_words:
            self.clear()
        self.lines.update(fresh)
        self.words += n

    def clear(self) -> None:
        """Forget every line."""
        self.lines.clear()
        self.words = 0


#: The scan of each line (the text between two line breaks, `\n`) scanned before, kept across texts, so a text scanned
#: again, or edited in a few lines, is cut only where it changed. No token crosses a line break (one of `_BREAKS`) and a
#: line's tokens do not depend on the text around it. Emptied when it would hold more than so many words: about 120
#: bytes each with their offsets and lines (23 MB for a 200,000-word slice of clickid-fimela.txt, so 35 MB at most);
#: enough for the 200,000-word slices `benchmarks.first_pass` checks, and for the held-out news `benchmarks.speed` does.
_LINES = _LineMemo(300_000)


def scan(text: str) -> Scan:
    """The words of `word_spans`, their start offsets, and the other runs, found by whole-text scans; the lines seen
    before (`_LINES`) are taken from their last scan, and only the others are scanned (together, as one text)."""
    lines = text.split("\n")
    known: list[_Line | None] = list(map(_LINES.lines.get, lines))  # read once: another thread may empty the memo
    if None not in known:
        return _joined(lines, known)  # type: ignore[arg-type]  # no entry is None here
    new = list(dict.fromkeys(compress(lines, map(is_, known, repeat(None)))))
    if known.count(None) == len(known):  # no line seen before: the text is scanned whole
        odd_at: list[tuple[int, Iterable[str]]] = []
        whole = _scan_text(text, odd_at)
        if len(whole.words) <= _LINES.max_words:  # else none would be kept
            _LINES.keep(dict(zip(lines, _by_line(lines, whole, odd_at), strict=True)))
        return whole
    odd_at = []
    fresh = dict(zip(new, _by_line(new, _scan_text("\n".join(new), odd_at), odd_at), strict=True))
    _LINES.keep(fresh)
    return _joined(lines, [fresh[line] if entry is None else entry for line, entry in zip(lines, known, strict=True)])


def _by_line(lines: list[str], whole: Scan, odd_at: list[tuple[int, Iterable[str]]]) -> list[_Line]:
    """The scan of each of `lines` as a stretch of `whole`, the scan of the text that joins them with line breaks
    (`odd_at`: the start of each run of its `others` and the runs found there, in order)."""
    bases = list(accumulate(map(add, map(len, lines), repeat(1)), initial=0))
    cuts = list(map(bisect_left, repeat(whole.starts), bases))
    others: dict[int, set[str]] = {}  # per line that holds any, by index
    for at, runs in odd_at:
        others.setdefault(bisect_right(bases, at) - 1, set()).update(runs)
    placed: dict[int, dict[str, list[int]]] = {}
    for run, places in whole.placed.items():
        for at in places:
            placed.setdefault(bisect_right(bases, at) - 1, {}).setdefault(run, []).append(at)
    out: list[_Line] = list(zip(repeat(whole), cuts, cuts[1:], bases, repeat(()), repeat(())))
    for k in others.keys() | placed.keys():
        out[k] = (whole, cuts[k], cuts[k + 1], bases[k], tuple(others.get(k, ())), tuple(placed.get(k, {}).items()))
    return out


def _joined(lines: list[str], entries: list[_Line]) -> Scan:
    """The scan of the text that joins `lines` with line breaks, from the scan of each (`entries`): the words of
    neighbouring lines that stand next to each other in one earlier scan, and as far apart, are copied at once."""
    words: list[str] = []
    starts: list[int] = []
    others: set[str] = set()
    placed: dict[str, list[int]] = {}
    source: Scan | None = None  # the stretch of an earlier scan not yet copied: its scan, first and last words, shift
    lo = hi = moved = 0
    base = 0
    for line, (scanned, first, after, was, held, runs) in zip(lines, entries, strict=True):
        shift = base - was
        if after > first:
            if scanned is not source or first != hi or shift != moved:
                if source is not None:
                    words += source.words[lo:hi]
                    starts += map(moved.__add__, source.starts[lo:hi]) if moved else source.starts[lo:hi]
                source, lo, moved = scanned, first, shift
            hi = after
        if held:
            others.update(held)
        for run, at in runs:
            placed.setdefault(run, []).extend(map(shift.__add__, at) if shift else at)
        base += len(line) + 1
    if source is not None:
        words += source.words[lo:hi]
        starts += map(moved.__add__, source.starts[lo:hi]) if moved else source.starts[lo:hi]
    return Scan(words, starts, others, placed)


def _scan_text(text: str, odd_at: list[tuple[int, Iterable[str]]] | None = None) -> Scan:
    """`scan` of `text` by whole-text scans (`odd_at`: where the start of each run of `others` and the runs found
    there are added, in order, when given).

    The text is cut at single spaces by `str.split` (`_split_pieces`, with the separators around words made spaces
    first): a piece of letters alone (the usual piece) is one word, and only the other pieces are cut into maximal
    runs of characters a token may hold (a `split` by the standard `re` module), once per distinct piece. No token
    crosses a run's edge and nothing before a run changes its tokens, so a run of letters alone is one word, and
    any other run (a number, `negara-negara`, `a.n.`) is tokenized alone, once per distinct run.
    """
    tokens: list[str] = []
    starts: list[int] = []
    others: set[str] = set()
    placed: dict[str, list[int]] = {}
    outside_ascii = _non_ascii(text)
    in_table = not outside_ascii or outside_ascii <= _table()  # `_in_table`, its characters found once
    agree = in_table or _missed(text, outside_ascii)[1]  # no character of the table is told apart
    for marked, start, stop in _pieces(text, 0, len(text)):
        if marked:  # a run holding a URL, an e-mail address or a Windows path: rare and short
            others.add(text[start:stop])
            if odd_at is not None:
                odd_at.append((start, (text[start:stop],)))
            placed.setdefault(text[start:stop], []).append(start)
            for m in _compiled(_FULL_TOKEN, in_table).finditer(text, start, stop):
                if m.lastgroup == "chunk" and _kind("chunk", m.group()) == WORD:
                    tokens.append(m.group())
                    starts.append(m.start())
            continue
        words, word_starts = _split_pieces(text[start:stop], start, agree, others, placed, odd_at)
        tokens += words
        starts += word_starts
    return Scan(tokens, starts, others, placed)


#: Characters no token holds that news text often writes beside a word: each is made a space before a text is cut at
#: spaces (`_split_pieces`), so fewer pieces need cutting into runs; the runs stay the same.
_SEPARATORS = ("\n", ",", '"', "(", ")", "\t", "\r", ":", ";", "?", "!", "\u201c", "\u201d")


class _Piece(NamedTuple):
    """What a piece between spaces (`_split_pieces`) that is not one run of letters alone holds."""

    words: list[tuple[str, int]]
    """Its word tokens and their offsets in the piece."""
    odd: list[str]
    """Its runs that are not letters alone (or are too long): the runs `Scan.others` gathers."""
    placed: list[tuple[str, int]]
    """The runs of `odd` that `Scan.placed` holds, and their offsets in the piece."""


#: A letter, as the standard `re` module tells them (what `Scan.placed` asks of a run).
_LETTER = re.compile(r"[^\W\d_]")
#: What `_piece` found of each piece, kept across texts.
_PIECES: dict[str, _Piece] = {}
#: `_PIECES` is emptied when it holds this many pieces.
_PIECES_MAX = 50_000


def _piece(piece: str) -> _Piece:
    """The words and odd runs of one piece of text between spaces (cached): its runs, cut by `_runs_pattern`, each
    one word when it is letters alone, otherwise tokenized (`_word_chunks`). Only the piece's own characters count:
    one outside the table elsewhere in the text changes nothing here."""
    hit = _PIECES.get(piece)
    if hit is None:
        if len(_PIECES) >= _PIECES_MAX:
            _PIECES.clear()
        in_table = _in_table(piece)
        missed, agree = ("", True) if in_table else _missed(piece)
        parts = _runs_pattern(missed).split(piece)  # gap, run, gap, run, ..., gap
        words: list[tuple[str, int]] = []
        odd: list[str] = []
        placed: list[tuple[str, int]] = []
        for run, at in zip(parts[1::2], islice(accumulate(map(len, parts)), 0, None, 2), strict=False):
            if _one_word(run, agree):
                words.append((run, at))
                continue
            odd.append(run)
            chunks = _word_chunks(run, in_table)
            if chunks != [(run, 0)] and _LETTER.search(run):
                placed.append((run, at))
            words.extend((chunk, at + offset) for chunk, offset in chunks)
        hit = _PIECES[piece] = _Piece(words, odd, placed)
    return hit


#: How `_split_pieces` marks a piece that is one word as it stands, and one it replaces by what it holds.
_KEPT, _SPLICED = 1, 2


def _one_word(run: str, agree: bool) -> bool:
    """Whether a run of token characters is letters alone and not too long, so one word by itself (`agree`: whether
    `str.isalnum` tells the letters and digits of the run as `regex` does, see `_missed`)."""
    return (
        len(run) <= MAX_WORD_LENGTH and run.isalpha() and (agree or bool(_compiled(_SIMPLE_RUN, False).fullmatch(run)))
    )


def _split_pieces(
    segment: str,
    base: int,
    agree: bool,
    others: set[str],
    placed: dict[str, list[int]],
    odd_at: list[tuple[int, Iterable[str]]] | None = None,
) -> tuple[list[str], list[int]]:
    """The word tokens of `segment` (text holding no `@`, `://`, `www.` or `\\`, standing at `base` in its text) and
    their start offsets; its odd runs are added to `others` and `placed` (see `Scan`), and to `odd_at` (when given)
    with the start of each piece that holds them. `agree`: see `_missed`.

    The segment is cut at single spaces by `str.split`, after each of `_SEPARATORS` and each period before a space
    is made a space: none of them is inside a run (a run closes with a word character), so the runs are the same.
    A piece of letters alone (the usual piece) is one run, so one word; the rest are read by `_piece`.
    """
    for ch in _SEPARATORS:
        segment = segment.replace(ch, " ")
    pieces = segment.replace(". ", "  ").split(" ")
    piece_starts = list(accumulate(map(add, map(len, pieces), repeat(1)), initial=base))  # each piece and its space
    code = dict.fromkeys(pieces, _KEPT)  # per distinct piece: kept as it stands (one word), spliced, or dropped
    code.pop("", None)  # between two spaces: no word
    odd = set(filterfalse(str.isalpha, code))
    if code and max(map(len, code)) > MAX_WORD_LENGTH:
        odd.update(p for p in code if len(p) > MAX_WORD_LENGTH)
    if not agree:  # letters `str.isalpha` and `regex` tell apart (rare)
        odd.update(p for p in code if p not in odd and not _one_word(p, agree))
    if not odd:
        return list(compress(pieces, pieces)), list(compress(piece_starts, pieces))
    spliced: dict[str, _Piece] = {}  # the other pieces that hold a word or a run of `placed` (`'kata`, `5juta`)
    dropped = False  # a piece holds no word (`2025`, `10/9/2019`) and no run of `placed`
    if odd_at is not None:
        held = {piece: odd_runs for piece in odd if (odd_runs := _piece(piece).odd)}
        at = list(map(held.__contains__, pieces))
        odd_at.extend(zip(compress(piece_starts, at), map(held.__getitem__, compress(pieces, at))))
    for piece in odd:
        found = _piece(piece)
        others.update(found.odd)
        if found.words == [(piece, 0)]:  # `negara-negara`: one word as it stands
            continue
        if found.words or found.placed:
            spliced[piece] = found
            code[piece] = _SPLICED
        else:
            del code[piece]
            dropped = True
    if not spliced and not dropped:  # only the empty pieces are dropped
        return list(compress(pieces, pieces)), list(compress(piece_starts, pieces))
    kept = list(map(code.get, pieces))  # None for a piece dropped
    words, starts = list(compress(pieces, kept)), list(compress(piece_starts, kept))
    if not spliced:
        return words, starts
    # each spliced piece kept is replaced by what it holds: in place when that is one word, else in a second pass
    marks = list(compress(kept, kept))
    marks.append(_SPLICED)  # the end
    uneven = []  # where a piece holds no word or several
    i = marks.index(_SPLICED)
    while i < len(words):
        at = starts[i]
        found = spliced[words[i]]
        for run, offset in found.placed:
            placed.setdefault(run, []).append(at + offset)
        if len(found.words) == 1:
            words[i], offset = found.words[0]
            starts[i] = at + offset
        else:
            uneven.append(i)
        i = marks.index(_SPLICED, i + 1)
    if not uneven:
        return words, starts
    spliced_words: list[str] = []
    spliced_starts: list[int] = []
    done = 0
    for i in uneven:
        spliced_words += words[done:i]
        spliced_starts += starts[done:i]
        at = starts[i]
        for word, offset in spliced[words[i]].words:
            spliced_words.append(word)
            spliced_starts.append(at + offset)
        done = i + 1
    spliced_words += words[done:]
    spliced_starts += starts[done:]
    return spliced_words, spliced_starts


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
    for _, run in gapped_runs(line):
        yield run


def gapped_runs(line: str) -> Iterator[tuple[str, list[str]]]:
    """`runs`, each with the text before its first word since the token before it (or the line's start): `, ` for
    the run `ya itu` of `betul, ya itu`."""
    for gap, run, _ in closed_runs(line):
        yield gap, run


def closed_runs(line: str) -> Iterator[tuple[str, list[str], str]]:
    """`gapped_runs`, each also with the text after its last word up to the next token (or the line's end): `? ` for
    the run `Tunggu apa lagi` of `Tunggu apa lagi? Ya.`, ` ` before a number."""
    run: list[str] = []
    gap = ""
    last_end = 0
    for m in _matches(line):
        word = m.group()
        is_word = m.lastgroup == "chunk" and _kind("chunk", word) == WORD
        between = line[last_end : m.start()]
        if run and (not is_word or between.strip(" \t")):
            yield gap, run, between
            run = []
        if is_word:
            if not run:
                gap = between
            run.append(word)
        last_end = m.end()
    if run:
        yield gap, run, line[last_end:]


def word_runs(line: str) -> Iterator[list[str]]:
    """`runs` folded (see `fold`)."""
    for run in runs(line):
        yield [fold(w) for w in run]
