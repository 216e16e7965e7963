"""Hide the parts of a marked-up file that are not prose, keeping every offset in place.

`mask_markdown` blanks code, URLs, HTML and front matter with spaces; `mask_html` blanks an HTML
page's tags, comments, scripts, styles and character references. The result has the same length
and the same line breaks as the input, so an issue found in the masked text has the same offsets,
line and column in the original file.
"""

from __future__ import annotations

import bisect
import re

from .pathnames import suffix
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from os import PathLike
    from typing import Any

#: Suffixes of files that are masked as Markdown before checking.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
#: LSP languageIds treated as Markdown.
MARKDOWN_LANGUAGES = frozenset({"markdown", "mdx"})
#: Suffixes of files that are masked as HTML before checking (a page a CMS exports or a writer saves).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: LSP languageIds treated as HTML.
HTML_LANGUAGES = frozenset({"html", "xhtml"})
#: What a text can be written in, as a caller names it (the server's `markup`): each masks as its languageId does.
MARKUPS = ("text", "markdown", "html")


class _Lazy:
    """A regex compiled on first use: text that is not Markdown never pays for compiling these."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        method = getattr(re.compile(*self._args), name)
        setattr(self, name, method)  # found directly from now on
        return method


_FENCE = _Lazy(r"^([ \t]*)(`{3,}|~{3,})")
_LIST_ITEM = _Lazy(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_BLANK = _Lazy(r"^[ \t]*$")
_NOT_BREAK = _Lazy(r"[^\r\n]")
_SOFT_HYPHEN = "\u00ad"
_BOM = "\ufeff"  # the byte order mark a file may open with (the CLI drops it, a library caller may not)

_HTML_COMMENT = _Lazy(r"<!--.*?(?:-->|\Z)", re.S)
# A code span: a run of backticks, then anything up to the next run of the same length, within one paragraph
# (`_code_spans`, linear however many runs of different lengths a paragraph holds).
_BACKTICKS = _Lazy(r"`+")
# A blank line, whatever ends the lines (`\n`, `\r\n` or a lone `\r`).
_PARAGRAPH_BREAK = _Lazy(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")
_AUTOLINK = _Lazy(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.%+-]+@[\w-]+(?:\.[\w-]+)+)>")
# Tags as CommonMark defines them (attribute names start with a letter, `_` or `:`), declarations
# and processing instructions; bounded so that text full of `<` stays linear.
_HTML_TAG = _Lazy(
    r"</?[A-Za-z][A-Za-z0-9-]*"
    r"(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]{0,2000}\"|'[^']{0,2000}'|[^\s\"'=<>`]+))?){0,64}\s*/?>"
    r"|<![A-Za-z][^>]{0,500}>|<\?(?:[^?]|\?(?!>)){0,500}\?>",
    re.S,
)
# A tag of an HTML page (`_html_tags`): every character but `>` is taken, so a match fails only where no `>` follows;
# a quoted value runs to its quote (possessive: never read twice), and an unclosed one reads as a stray quote.
_PAGE_TAG = _Lazy(
    r"""</?(?P<name>[A-Za-z][^\s/>]*+)(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+')?|["'])*+>"""
    r"|<![A-Za-z][^>]{0,500}>|<\?(?:[^?]|\?(?!>)){0,500}\?>",
    re.S,
)
# What an HTML page holds besides prose, in one pattern so that whichever starts first wins (a `<!--` inside a script
# is the script's): a comment, a CDATA section, a script or style element or one of code (`code`, `pre`, `kbd`,
# `samp`, `var`: what Markdown's code is) to its end tag (or the text's end), and a character reference (`&amp;`,
# `&nbsp;`, `&#8220;`, `&#x2014;`); tags are `_HTML_TAG`'s.
_REFERENCE_PATTERN = r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_RAW_NAMES = "script|style|code|pre|kbd|samp|var"  # the elements whose content is code, not prose
_HTML_MARKUP = _Lazy(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    rf"|<(?P<raw>{_RAW_NAMES})(?=[\s/>])[^>]{{0,2000}}>.*?(?:</(?P=raw)\s*>|\Z)"
    rf"|{_REFERENCE_PATTERN}",
    re.S | re.I,
)
# The opening and end tags of an element of code (`_RAW_NAMES`) in Markdown, whose content `_raw_elements` blanks.
_RAW_OPEN = _Lazy(rf"<(?P<name>{_RAW_NAMES})(?=[\s/>])[^>]{{0,2000}}>", re.I)
_RAW_CLOSE = _Lazy(rf"</(?P<name>{_RAW_NAMES})\s*>", re.I)
# Emphasis marks against a word (`**angksa**`, `_kata_`), but not inside one (`snake_case`, `2*3`): blanked, the
# words they mark keep their neighbours. A run of `*` between two letters (`**prak**tek`: `_` never marks emphasis
# inside a word) is read as an inline tag there is (`_in_word`): as nothing, the word is one; a lone `*` in a word is
# no emphasis (`b*ngsat`: `_paired`).
_EMPHASIS = _Lazy(
    r"(?<![\w*])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*])|(?P<inside>(?<=[^\W\d_])\*{1,3}(?=[^\W\d_]))"
)
_LINE_BREAK = _Lazy(r"[\r\n]")
# The element name of a tag `_HTML_TAG` finds (none for a declaration).
_TAG_NAME = _Lazy(r"</?([A-Za-z][A-Za-z0-9-]*)")
# A stretch between white space holding what a URL, an e-mail address, a mention or a hashtag holds (`://`, `www.`,
# `mailto:`, `@`, `#`: `speller.tokenize.ADDRESS`): only there may such a token, and the marks of emphasis it holds,
# stand. Linear: each stretch is read once, from its start.
_HANDLE_STRETCH = _Lazy(r"(?<!\S)\S*?(?:#|@|://|www\.|(?<![^\W\d_])(?:mailto|tel):)\S*")
# A character reference, which Markdown reads as HTML does (`caf&eacute;`).
_REFERENCE = _Lazy(_REFERENCE_PATTERN)
# An attribute whose value is prose a reader sees (an image's `alt`, a tooltip's `title`), inside a tag.
_PROSE_ATTRIBUTE = _Lazy(r"""\s(?:alt|title)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.I)
# `](destination "title")` of an inline link or image: the text in brackets stays.
# Possessive quantifiers and bounded titles keep it linear on text such as `](x (` repeated.
_LINK_DEST = _Lazy(
    r"\]\(\s*+(?:<[^<>\n]*+>|[^\s()]*+(?:\([^\s()]*+\)[^\s()]*+)*+)"
    r"(?:\s++(?:\"[^\"]{0,1000}+\"|'[^']{0,1000}+'|\([^)]{0,1000}+\)))?\s*+\)"
)
# `][label]` of a full reference link.
_LINK_REF = _Lazy(r"\]\[[^\]\n]*\]")
# `[label]: destination "title"` link reference definitions, on a line of its own whatever ends it (`\n`, `\r\n` or a
# lone `\r`: `^` and `$` see only `\n`); not a footnote's (`[^1]: Tempo, "..."`, GFM), whose text is prose.
_LINK_DEF = _Lazy(
    r"(?<![^\r\n]) {0,3}\[(?!\^)[^\]\r\n]+\]:[ \t]*\S+"
    r"(?:[ \t]+(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^)\r\n]*\)))?[ \t]*(?![^\r\n])"
)


def blank(text: str) -> str:
    """`text` with every character but line breaks replaced by a space."""
    return _NOT_BREAK.sub(" ", text)


def mask_markdown(text: str) -> str:
    """`text` with code, URLs, HTML and front matter replaced by spaces; length and line breaks kept.

    Blanked: YAML (`---`) or TOML (`+++`) front matter, fenced and indented code blocks,
    inline code, HTML comments and tags, elements of code whole (`<code>`, `<pre>`, `<kbd>`, `<script>`, `<style>`:
    `_raw_elements`), autolinks, the destination of inline links and
    images (`[text](url)` keeps `text`), reference labels, link reference definitions and the marks of emphasis
    (`**angksa**` reads `angksa` beside its neighbours); character references outside code are read as in HTML
    (`_reference`), and so are an inline tag and marks of emphasis inside a word (`pemerin<wbr>tahan`,
    `**prak**tek`: `_in_word`).
    """
    if text.startswith(_BOM):  # no part of the first line: `\ufeff```` opens a fence, `\ufeff    kode` is code
        return _BOM + mask_markdown(text[len(_BOM) :])
    masked = _HTML_COMMENT.sub(lambda m: blank(m.group()), _mask_blocks(text))
    masked = _blank_spans(masked, _code_spans(masked))
    masked = _blank_spans(masked, _raw_elements(masked))
    masked = _AUTOLINK.sub(lambda m: blank(m.group()), masked)
    masked = _HTML_TAG.sub(_markdown_tag, masked)
    masked = _LINK_DEF.sub(lambda m: blank(m.group()), masked)
    masked = _LINK_DEST.sub(lambda m: "]" + blank(m.group()[1:]), masked)
    masked = _LINK_REF.sub(lambda m: "]" + blank(m.group()[1:]), masked)
    masked = _REFERENCE.sub(_read_reference, masked)
    return _blank_emphasis(masked)


def _markdown_tag(m: re.Match[str]) -> str:
    """A tag of Markdown as `mask_html` reads one (`_in_word`): nothing inside a word (`pemerin<wbr>tahan`), else
    blanked."""
    name = _TAG_NAME.match(m.group())
    in_word = name is not None and _in_word(m.string, m.start(), m.end(), name.group(1).lower())
    return _SOFT_HYPHEN * len(m.group()) if in_word else blank(m.group())


def _blank_emphasis(text: str) -> str:
    """`text` with the marks of emphasis (`_EMPHASIS`) blanked, but those inside a URL, an e-mail address, a mention
    or a hashtag as the tokenizer reads them (`@_dirumah`, `#_kata`, `https://x.id/_mengkonfirmasi/`): the token's
    own characters."""
    handles = [span for m in _HANDLE_STRETCH.finditer(text) for span in _handles(text, m.start(), m.end())]
    starts = [start for start, _ in handles]

    def marks(m: re.Match[str]) -> str:
        k = bisect.bisect_left(starts, m.end()) - 1  # the last handle starting before the marks end
        if k >= 0 and handles[k][1] > m.start():
            return m.group()
        if m.group("inside"):  # `**prak**tek`: read as an inline tag there, when it marks emphasis
            return _SOFT_HYPHEN * len(m.group()) if _paired(text, m.start(), m.end()) else m.group()
        return blank(m.group())

    return _EMPHASIS.sub(marks, text)


def _paired(text: str, start: int, end: int) -> bool:
    """Whether the run of `*` `text[start:end]` has another on its line, so it may mark emphasis (`**prak**tek`): a
    lone one is the text's own (`b*ngsat`). Linear: each run reads only to its neighbours."""
    run = text[start:end]
    before, after = text.rfind(run, 0, start), text.find(run, end)
    return (before >= 0 and _LINE_BREAK.search(text, before, start) is None) or (
        after >= 0 and _LINE_BREAK.search(text, end, after) is None
    )


def _handles(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """[start, end) of each URL, e-mail address, mention and hashtag token of `text[start:stop]`."""
    from .tokenize import EMAIL, HASHTAG, MENTION, URL, tokenize  # noqa: PLC0415 - only text with `@`, `#`, URLs

    return [(t.start, t.end) for t in tokenize(text, start, stop) if t.kind in (URL, EMAIL, MENTION, HASHTAG)]


def _code_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each inline code span of `text`: a run of backticks, at least one character that starts no
    blank line, and the next run of the same length (as CommonMark reads them, the first such run closing)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    following: list[int | None] = [None] * len(runs)  # the next run of the same length, by index
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        following[i] = last.get(length)
        last[length] = i
    spans, i = [], 0
    while i < len(runs):
        start, end = runs[i]
        j = following[i]
        if j is not None:
            close_start, close_end = runs[j]
            k = bisect.bisect_left(breaks, end)  # the first blank line starting in or after the content
            if k == len(breaks) or breaks[k] >= close_start:
                spans.append((start, close_end))
                i = j + 1
                continue
        i += 1
    return spans


def _raw_elements(text: str) -> list[tuple[int, int]]:
    """[start, end) of each element of code (`<code>`, `<pre>`, `<kbd>`, `<script>`, `<style>`...: `_RAW_NAMES`, what
    `mask_html` blanks whole) of `text`: an opening tag to the first end tag of its name after it, the outermost
    (`<pre><code>`) only. An opening tag no end tag follows opens none: Markdown prose may name a tag (`tag <pre>`)."""
    closes: dict[str, tuple[list[int], list[int]]] = {}  # per element name: where its end tags start and end
    for m in _RAW_CLOSE.finditer(text):
        starts, ends = closes.setdefault(m.group("name").lower(), ([], []))
        starts.append(m.start())
        ends.append(m.end())
    spans: list[tuple[int, int]] = []
    for m in _RAW_OPEN.finditer(text):
        starts, ends = closes.get(m.group("name").lower(), ([], []))
        k = bisect.bisect_left(starts, m.end())
        if k < len(starts) and (not spans or m.start() >= spans[-1][1]):
            spans.append((m.start(), ends[k]))
    return spans


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each of `spans` (in order, none overlapping) blanked."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], blank(text[start:end])]
        at = end
    out.append(text[at:])
    return "".join(out)


def mask_html(text: str) -> str:
    """`text` with an HTML page's markup replaced by spaces; length and line breaks kept.

    Blanked: comments, CDATA sections, `<script>` and `<style>` elements and code (`<code>`, `<pre>`, `<kbd>`,
    `<samp>`, `<var>`) whole, every tag with its
    attributes but the text of an `alt` or `title` (a photo's description, a tooltip: prose a reader
    sees), declarations such as `<!DOCTYPE html>`, and character references (`&amp;`, `&nbsp;`,
    `&#8220;`) but those to a letter or an invisible character, which read as it (`_reference`: `caf&eacute;`,
    `ke&shy;menterian`). The text between the tags stays.
    """
    masked = _HTML_MARKUP.sub(lambda m: _read_reference(m) if m.group().startswith("&") else blank(m.group()), text)
    out, at = [], 0
    for start, end, name in _html_tags(masked):
        out += [masked[at:start], _masked_tag(masked, start, end, name)]
        at = end
    return "".join(out) + masked[at:]


#: Elements a word may run through (`pemerin<wbr>tahan`, `<b>prak</b>tek`): such a tag between two letters is
#: read as nothing (soft hyphens, invisible inside a word), any other tag as a space.
INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "del", "mark", "q", "s", "small",
     "span", "strong", "sub", "sup", "time", "u", "wbr"}
)  # fmt: skip


def _masked_tag(masked: str, start: int, end: int, name: str) -> str:
    """The tag `masked[start:end]` (element `name`) as `mask_html` reads it: soft hyphens inside a word (`_in_word`),
    else blanked but for its prose attributes (`_blank_tag`)."""
    if _in_word(masked, start, end, name):
        return _SOFT_HYPHEN * (end - start)
    return _blank_tag(masked[start:end])


def _in_word(text: str, start: int, end: int, name: str) -> bool:
    """Whether the tag `text[start:end]` of element `name` stands inside a word, read as nothing there (soft hyphens):
    an inline element's, between two letters, on one line (line breaks stay where they are). The one rule of HTML
    and Markdown, whose emphasis inside a word is read so too."""
    if name not in INLINE_ELEMENTS or not (text[start - 1 : start].isalpha() and text[end : end + 1].isalpha()):
        return False
    return "\n" not in text[start:end] and "\r" not in text[start:end]


def _html_tags(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, element name in lowercase, `""` for a declaration) of each tag of `text`, as a browser reads them:
    to the first `>` outside a quoted attribute value, whatever the tag holds (values of any length, names such as
    `@click`, attributes with no space between them). Linear: every match runs to a `>`, and no `<` after the last
    `>` is tried."""
    last = text.rfind(">")
    for m in _PAGE_TAG.finditer(text, 0, last + 1):
        yield m.start(), m.end(), (m.group("name") or "").lower()


def _read_reference(m: re.Match[str]) -> str:
    """The character reference `m` found, masked (`_reference`): between two letters, one to an apostrophe is the
    word's (`Jum&#8217;at`)."""
    text, start, end = m.string, m.start(), m.end()
    return _reference(m.group(), in_word=text[start - 1 : start].isalpha() and text[end : end + 1].isalpha())


#: The apostrophes a word holds (`Jum'at`, `Jum’at`): a reference to one inside a word reads as it.
_APOSTROPHES = "'\u2019"


def _reference(ref: str, in_word: bool = False) -> str:
    """A character reference masked: one that stands for a letter or an invisible character (`speller.tokenize.
    INVISIBLE`), or for an apostrophe when `in_word` (between two letters), gives that character, padded to the
    reference's length with soft hyphens (invisible inside a word), so `caf&eacute;`, `Erdo&#287;an`,
    `ke&shy;menterian` and `Jum&#8217;at` read as the words a reader sees; any other is blanked (`&nbsp;`, `&amp;`,
    `&#8220;`, `&#39;` opening a quotation)."""
    import html  # noqa: PLC0415 - only HTML pages have references

    from .tokenize import INVISIBLE  # noqa: PLC0415 - not on the start-up path of the CLI

    char = html.unescape(ref)
    if len(char) == 1 and (char.isalpha() or char in INVISIBLE or (in_word and char in _APOSTROPHES)):
        return char + _SOFT_HYPHEN * (len(ref) - 1)
    return blank(ref)


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The span `text[start:end]` of a masked text's issue widened to the whole of a character reference it starts
    or ends inside (`mengkonfirmas&#105;`, whose `i` reads at the reference's start): a fix then replaces the
    reference with the rest, never leaving `#105;` behind."""
    for m in _REFERENCE.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if m.start() < start < m.end():
            start = m.start()
        if m.start() < end < m.end():
            end = m.end()
    return start, end


def holds_markup(text: str, masked: str, start: int, end: int) -> bool:
    """Whether the span `text[start:end]` of an issue holds markup that masking (`masked`) read as nothing inside a
    word (an inline tag, `prak</b>tek`): a character masking changed that is no part of a character reference, which
    is the text's own (`caf&eacute;`). A fix over such a span would write over the markup."""
    references = [m.span() for m in _REFERENCE.finditer(text, start, end)]
    return any(masked[i] != text[i] and not any(a <= i < b for a, b in references) for i in range(start, end))


def _blank_tag(tag: str) -> str:
    """`tag` blanked but for the values of its prose attributes (`_PROSE_ATTRIBUTE`)."""
    kept, at = [], 0
    for m in _PROSE_ATTRIBUTE.finditer(tag):
        value = "dq" if m.group("dq") is not None else "sq"
        kept += [blank(tag[at : m.start(value)]), m.group(value)]
        at = m.end(value)
    return "".join(kept) + blank(tag[at:])


def markup_of(name: str | PathLike[str] | None = None, language_id: str | None = None) -> str:
    """The markup (`MARKUPS`) an LSP languageId says, else a file name's suffix: markdown, html, or text."""
    language = (language_id or "").lower()
    if language in MARKDOWN_LANGUAGES:
        return "markdown"
    if language in HTML_LANGUAGES:
        return "html"
    end = suffix(name).lower() if name is not None else ""
    return "markdown" if end in MARKDOWN_SUFFIXES else "html" if end in HTML_SUFFIXES else "text"


def mask(text: str, markup: str) -> str:
    """`text` with the markup of `markup` (one of `MARKUPS`) blanked; raises ValueError for another markup."""
    if markup == "markdown":
        return mask_markdown(text)
    if markup == "html":
        return mask_html(text)
    if markup != "text":
        raise ValueError(f"markup must be one of: {', '.join(MARKUPS)} (not {markup!r})")
    return text


def _mask_blocks(text: str) -> str:
    """Blank front matter, fenced code and indented code, line by line."""
    lines = _split_lines(text)
    out: list[str] = []
    i = _front_matter_end(lines)
    out.extend(blank(line) for line in lines[:i])
    fence: str | None = None
    previous_blank = True
    in_list = False
    in_code = False
    while i < len(lines):
        line = lines[i]
        body = line.rstrip("\r\n")
        i += 1
        if fence is not None:
            out.append(blank(line))
            close = _FENCE.match(body)
            if (
                close
                and close.group(2)[0] == fence[0]
                and len(close.group(2)) >= len(fence)
                and not body[close.end() :].strip()
            ):
                fence = None
                previous_blank = False
            continue
        opening = _FENCE.match(body)
        if (
            opening
            and (in_list or len(opening.group(1).expandtabs(4)) <= 3)
            and not (opening.group(2)[0] == "`" and "`" in body[opening.end() :])
        ):
            fence = opening.group(2)
            out.append(blank(line))
            in_code = False
            continue
        if _BLANK.match(body):
            out.append(line)
            previous_blank = True
            continue
        indented = body.startswith(("    ", "\t"))
        if indented and not in_list and (previous_blank or in_code):
            out.append(blank(line))
            in_code = True
            previous_blank = False
            continue
        in_code = False
        if _LIST_ITEM.match(body):
            in_list = True
        elif not indented and previous_blank:
            in_list = False
        out.append(line)
        previous_blank = False
    return "".join(out)


_LINE = _Lazy(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def _split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line end (`\\n`, `\\r\\n` or a lone `\\r`, as in the checker)."""
    return _LINE.findall(text)


def _front_matter_end(lines: list[str]) -> int:
    """How many leading lines are YAML (`---`) or TOML (`+++`) front matter; 0 when there is none."""
    if not lines:
        return 0
    first = lines[0].rstrip()  # `--- ` with trailing spaces opens it, as it closes it
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for n, line in enumerate(lines[1:], 2):
        if line.rstrip("\r\n").rstrip() in closers:
            return n
    return 0
