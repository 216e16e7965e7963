"""LanguageTool's HTTP API (`/v2/check`, `/v2/languages`) in terms of speller's issues: no I/O.

Clients of LanguageTool (the browser extension, LTeX, Obsidian, `language_tool_python`) send
form fields and read back matches. This module turns those fields into a `CheckRequest` and a
list of `Issue`s into LanguageTool's JSON answer:

- `text` is plain text; `data` is LanguageTool's annotated text,
  `{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}`: markup is not checked
  (an `interpretAs` stands in for it) but it counts in every offset.
- `offset`, `length` and the context's `offset` count UTF-16 code units, as Java (LanguageTool)
  does: a character outside the Basic Multilingual Plane (most emoji) counts 2.
- Every match carries `message`, `shortMessage`, `replacements` (best first), `context`
  (40 characters each side, `...` where cut, line breaks as spaces), `sentence` (up to
  SENTENCE_REACH characters each side), `type`, and a
  `rule` with an id per category, `issueType` and `category`, all from `speller.categories`.

Category selection follows LanguageTool: `disabledCategories` and `disabledRules` remove,
`enabledRules` adds, `enabledOnly=true` keeps only what `enabledCategories` / `enabledRules`
name, and `level=picky` adds the categories that are off by default and the typo and real-word findings the model flags
under FLAG_CONFIDENCE (`speller.calibration.flagged`: more often right words than errors, hidden by
default). A LanguageTool category id (`TYPOS`) names the default categories filed under it; a rule id
(`SPELLER_REAL_WORD`) or a speller category name (`real_word`) names exactly one. Unknown ids are
ignored, as LanguageTool does.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .categories import CATEGORY_INFO, DEFAULT_CATEGORIES, Category

if TYPE_CHECKING:
    from .checker import Issue

#: The one language served, as `/v2/languages` lists it.
LANGUAGE = {"name": "Indonesian", "code": "id", "longCode": "id-ID"}
#: Values of `language` accepted (lowercase, `_` read as `-`); `in` is the old ISO code.
LANGUAGE_CODES = frozenset({"id", "id-id", "in", "in-id", "auto"})
#: Characters of context on each side of a match (LanguageTool's default).
CONTEXT_SIZE = 40
#: Characters of a match's `sentence` kept on each side of it: a longer sentence (a run of text with no sentence end,
#: a pasted table) is cut there, so an answer grows with its matches, not with matches times sentence length.
SENTENCE_REACH = 300
#: Where LanguageTool's routes are served.
V2_PREFIX = "/v2/"
#: Values of `level`.
LEVELS = ("default", "picky")
#: Values of `mode`, as LanguageTool takes them (the first is the default).
MODES = ("all", "textLevelOnly", "allButTextLevelOnly")

#: Characters outside the Basic Multilingual Plane: two UTF-16 code units each.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Halves of UTF-16 surrogate pairs standing alone: JSON can carry them, UTF-8 cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Where a sentence ends: its closing marks (and quotes or brackets after them), or a line's end (`\n`, `\r\n`, `\r`).
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\r\n?|\n")


class RequestError(ValueError):
    """A request LanguageTool would refuse: the message says what is wrong (HTTP 400)."""


@dataclass(frozen=True, slots=True)
class Annotated:
    """A text to check and where its characters stand in the text the client sent.

    `original` is the client's text (markup included); `plain` is what gets checked.
    `positions[i]` is the offset in `original` of `plain[i]`, plus one entry for the end, and
    `ends[i]` the end of what stands for `plain[i]` there (a character of an `interpretAs` stands
    for its whole markup, which may be empty); both None when the two texts are the same.
    """

    original: str
    plain: str
    positions: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that holds `plain[start:end]`."""
        if self.positions is None or self.ends is None:
            return start, end
        if end <= start:
            return self.positions[start], self.positions[start]
        return self.positions[start], self.ends[end - 1]


def plain_text(text: str) -> Annotated:
    """A plain `text` parameter."""
    return Annotated(text, text)


def parse_data(data: str) -> Annotated:
    """The `data` parameter (annotated text as JSON); RequestError when it is not well formed."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        raise RequestError("'data' is not valid JSON") from None
    if isinstance(doc, dict) and "text" in doc:  # `{"text": ..., "metaData": {...}}`, from LanguageTool's web editor
        if "annotation" in doc:
            raise RequestError("'data' takes 'text' or 'annotation', not both")
        if not isinstance(doc["text"], str):
            raise RequestError("'text' of 'data' must be a string")
        require_unicode(doc["text"], "'data'")
        return plain_text(doc["text"])
    parts = doc.get("annotation") if isinstance(doc, dict) else None
    if not isinstance(parts, list):
        raise RequestError("'data' needs an 'annotation' list or a 'text' string")
    original: list[str] = []
    plain: list[str] = []
    positions: list[int] = []
    ends: list[int] = []
    at = 0
    for part in parts:
        if not isinstance(part, dict):
            raise RequestError("each annotation must be an object with 'text' or 'markup'")
        text, markup = part.get("text"), part.get("markup")
        if (text is None) == (markup is None):
            raise RequestError("each annotation needs either 'text' or 'markup'")
        if text is not None:
            if not isinstance(text, str):
                raise RequestError("'text' of an annotation must be a string")
            original.append(text)
            plain.append(text)
            positions.extend(range(at, at + len(text)))
            ends.extend(range(at + 1, at + len(text) + 1))
            at += len(text)
            continue
        interpret = part.get("interpretAs", "")
        if not isinstance(markup, str) or not isinstance(interpret, str):
            raise RequestError("'markup' and 'interpretAs' of an annotation must be strings")
        original.append(markup)
        plain.append(interpret)
        positions.extend([at] * len(interpret))
        ends.extend([at + len(markup)] * len(interpret))
        at += len(markup)
    positions.append(at)
    annotated = Annotated("".join(original), "".join(plain), tuple(positions), tuple(ends))
    require_unicode(annotated.original, "'data'")
    require_unicode(annotated.plain, "the text of 'data' with its interpretAs")
    return annotated


def require_unicode(text: str, what: str) -> None:
    """RequestError when `text` holds a lone surrogate (`\\ud800` in JSON): it is no character."""
    found = _SURROGATE.search(text)
    if found:
        raise RequestError(f"{what} holds a lone UTF-16 surrogate (U+{ord(found.group()):04X}) at {found.start()}")


class Utf16:
    """Code point offsets of one text as UTF-16 code units."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    def __call__(self, offset: int) -> int:
        """The UTF-16 offset of the code point offset `offset`."""
        return offset + bisect.bisect_left(self.astral, offset) if self.astral else offset


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units."""
    return len(text) + len(_ASTRAL.findall(text)) if not text.isascii() else len(text)


def language_code(value: str | None) -> str:
    """The code answered for a `language` value; RequestError when missing or not Indonesian."""
    if value is None or not value.strip():
        raise RequestError("missing 'language' parameter (use 'id', 'id-ID' or 'auto')")
    if value.strip().lower().replace("_", "-") not in LANGUAGE_CODES:
        raise RequestError(f"{value[:40]!r} is not a language this server knows (use 'id', 'id-ID' or 'auto')")
    return LANGUAGE["longCode"]


def _names(value: str | None) -> set[str]:
    return {v.strip() for v in value.split(",") if v.strip()} if value else set()


def _selected(names: set[str], lt_categories: bool) -> set[str]:
    """Speller categories named by rule ids, speller names and (when `lt_categories`) LanguageTool category ids."""
    out: set[str] = set()
    for category, info in CATEGORY_INFO.items():
        if info.lt_rule in names or category.value in names:
            out.add(category.value)
        elif lt_categories and info.lt_category in names and info.default:
            out.add(category.value)
    return out


#: The categories `level=picky` adds: those off by default.
PICKY_ADDS: frozenset[str] = frozenset(c.value for c, info in CATEGORY_INFO.items() if not info.default)


def select_categories(
    params: Mapping[str, str], default: Iterable[str] = DEFAULT_CATEGORIES, picky_adds: Iterable[str] = PICKY_ADDS
) -> frozenset[str]:
    """The categories a request asks for, starting from `default`, `level=picky` adding `picky_adds` (a server's
    config may keep some of PICKY_ADDS off; see the module docstring)."""
    level = (params.get("level") or "default").strip().lower()
    if level not in LEVELS:
        raise RequestError(f"'level' must be 'default' or 'picky', not {params['level'][:40]!r}")
    enabled_categories = _names(params.get("enabledCategories"))
    enabled_rules = _names(params.get("enabledRules"))
    disabled_rules = _names(params.get("disabledRules"))
    disabled = _names(params.get("disabledCategories"))
    if (params.get("enabledOnly") or "").strip().lower() in ("true", "yes"):
        if not enabled_categories and not enabled_rules:
            raise RequestError("with enabledOnly=true, name enabled rules or categories")
        if disabled_rules or disabled:
            raise RequestError("with enabledOnly=true, name no disabled rules or categories")
        chosen = _selected(enabled_categories, True) | _selected(enabled_rules, False)
    else:
        chosen = set(default) | _selected(enabled_rules, False)
        if level == "picky":
            chosen |= set(picky_adds)
    chosen -= _selected(disabled_rules, False)
    chosen -= {c.value for c, info in CATEGORY_INFO.items() if info.lt_category in disabled or c.value in disabled}
    return frozenset(chosen)


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What a `/v2/check` request asks for."""

    text: Annotated
    language: str
    categories: frozenset[str]
    api_key: str | None = None
    #: `level=picky` (True) or `level=default` (False); None when the request names no level (the config decides).
    picky: bool | None = None
    #: `mode=textLevelOnly`: only the rules that need the whole text, of which speller has none apart (a client
    #: that checks paragraphs with `allButTextLevelOnly` and the whole text with `textLevelOnly` gets each match once).
    text_level_only: bool = False


def parse_check(
    params: Mapping[str, str], default: Iterable[str] = DEFAULT_CATEGORIES, picky_adds: Iterable[str] = PICKY_ADDS
) -> CheckRequest:
    """A `/v2/check` request from its fields (`default`, `picky_adds`: as `select_categories` takes them);
    RequestError when LanguageTool would refuse it."""
    text, data = params.get("text"), params.get("data")
    if text is not None and data is not None:
        raise RequestError("set only one of 'text' and 'data'")
    if text is None and data is None:
        raise RequestError("missing 'text' or 'data' parameter")
    language = language_code(params.get("language"))
    annotated = plain_text(text) if text is not None else parse_data(data or "")
    level = (params.get("level") or "").strip().lower()
    picky = level == "picky" if level else None
    mode = params.get("mode") or MODES[0]
    if mode not in MODES:
        raise RequestError(f"'mode' must be one of: {', '.join(MODES)}")
    categories = select_categories(params, default, picky_adds)
    return CheckRequest(annotated, language, categories, params.get("apiKey"), picky, mode == "textLevelOnly")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, surrounding spaces excluded, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add_sentence(spans, text, start, m.end())
        start = m.end()
    _add_sentence(spans, text, start, len(text))
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def context(text: str, start: int, end: int, size: int = CONTEXT_SIZE) -> dict:
    """LanguageTool's `context` of `text[start:end]`: `size` characters each side, `...` where cut."""
    left = max(0, start - size)
    right = min(len(text), end + size)
    prefix = "..." if left > 0 else ""
    suffix = "..." if right < len(text) else ""
    shown = text[left:right].replace("\n", " ")
    return {
        "text": prefix + shown + suffix,
        "offset": len(prefix) + utf16_len(text[left:start]),
        "length": utf16_len(text[start:end]),
    }


def match(issue: Issue, text: Annotated, utf16: Utf16, sentences: list[tuple[int, int]]) -> dict:
    """One issue (offsets into `text.plain`) as a LanguageTool match (offsets into `text.original`)."""
    info = CATEGORY_INFO[Category(issue.category)]
    start, end = text.span(issue.start, issue.end)
    # the sentences holding its first and its last character: a word doubled across a line break spans two
    i = max(0, bisect.bisect_right(sentences, (issue.start, len(text.plain) + 1)) - 1)
    j = max(i, bisect.bisect_right(sentences, (issue.end - 1, len(text.plain) + 1)) - 1)
    sentence = ""
    if sentences:
        first = max(min(sentences[i][0], issue.start), issue.start - SENTENCE_REACH)
        last = min(max(sentences[j][1], issue.end), issue.end + SENTENCE_REACH)
        sentence = text.plain[first:last]
    suggestions = ", ".join(issue.one_line_suggestions[:3])
    message = f"'{issue.one_line}' {info.what}." + (f" Suggestions: {suggestions}." if suggestions else "")
    return {
        "message": message,
        "shortMessage": info.title,
        "replacements": [{"value": s} for s in issue.suggestions],
        "offset": utf16(start),
        "length": utf16(end) - utf16(start),
        "context": context(text.original, start, end),
        "sentence": sentence.strip(),
        "type": {"typeName": "UnknownWord" if issue.category == Category.TYPO else "Other"},
        "rule": {
            "id": info.lt_rule,
            "description": info.title,
            "issueType": info.issue_type,
            "category": {"id": info.lt_category, "name": info.lt_category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
        "confidence": round(issue.confidence, 3),
    }


def check_response(
    issues: Iterable[Issue], text: Annotated, request_language: str, version: str, auto: bool = False
) -> dict:
    """LanguageTool's answer to `/v2/check` for `issues` found in `text.plain`."""
    utf16 = Utf16(text.original)
    sentences = sentence_spans(text.plain)
    language = {"name": LANGUAGE["name"], "code": request_language}
    detected = {**language, "confidence": 1.0 if not auto else 0.9, "source": "speller"}
    ranges = []
    for s, e in sentences:
        start, end = text.span(s, e)
        ranges.append([utf16(start), utf16(end)])
    return {
        "software": software(version),
        "warnings": {"incompleteResults": False},
        "language": {**language, "detectedLanguage": detected},
        "matches": [match(i, text, utf16, sentences) for i in issues],
        "sentenceRanges": ranges,
    }


def software(version: str) -> dict:
    """LanguageTool's `software` object, of a check's answer and of `/v2/info`."""
    return {"name": "speller", "version": version, "buildDate": None, "apiVersion": 1, "premium": False, "status": ""}


def languages() -> list[dict]:
    """The answer to `/v2/languages`."""
    return [dict(LANGUAGE)]
