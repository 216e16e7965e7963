"""Report formats of `speller check`: text, json, github and sarif.

`json` prints one JSON array holding an object per issue, in file order then position.
This shape is stable (new keys may be added, none removed or changed)::

    [
      {
        "path": "docs/a.md",        # the path as given on the command line; "<stdin>" for -
        "line": 3,                  # 1-based line
        "col": 9,                   # 1-based column, in characters (code points)
        "start": 120,               # 0-based character offset of the word in the file
        "end": 126,                 # offset just past the word: text[start:end] == word
        "word": "angksa",
        "suggestions": ["angkasa", "angka"],   # best first; may be empty
        "category": "typo",         # typo | nonstandard | spacing | real_word
        "confidence": 0.95          # 0..1, rounded to 3 places
      }
    ]

`github` prints one GitHub Actions workflow command per issue:
`::warning file=PATH,line=L,col=C,endColumn=E,title=speller (CATEGORY)::WORD -> BEST` (with `endLine=` after `line=`
when the word runs onto the next line: a word doubled across a wrapped line; text and github write a line break
inside a word as `\\n`).
`sarif` prints one SARIF 2.1.0 log with a rule per category, columns in code points.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from .categories import CATEGORY_INFO, FLAG_CONFIDENCE, severity, shown
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from .checker import Issue

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

#: SARIF rules, one per category: (name, description, level).
RULES = {c.value: (i.title, i.description, i.severity) for c, i in CATEGORY_INFO.items()}


def format_text(path: str, issue: Issue) -> str:
    """`path:line:col: word -> best (others) [category confidence]`."""
    if issue.suggestions:
        best, *others = issue.one_line_suggestions
        rest = f" ({', '.join(others)})" if others else ""
        fix = f" -> {best}{rest}"
    else:
        fix = " (no suggestion)"
    word = issue.one_line
    return f"{path}:{issue.line}:{issue.column}: {word}{fix} [{issue.category} {shown(issue.confidence):.2f}]"


def json_row(path: str, issue: Issue) -> dict:
    """One issue as an object of the stable JSON shape (see the module docstring)."""
    row = issue.to_dict()
    del row["column"]
    return {"path": path, **row}


class JsonArray:
    """Writes the `json` format one row at a time, so a file with many issues needs no list of them."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def add(self, path: str, issue: Issue) -> None:
        """Write one row."""
        import json  # only the json format pays for it  # noqa: PLC0415

        row = json.dumps(json_row(path, issue), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(("[\n  " if not self.count else ",\n  ") + row)
        self.count += 1

    def close(self) -> None:
        """End the array (`[]` when no row was written)."""
        self.out.write("\n]\n" if self.count else "[]\n")


_HUNK = r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@"  # compiled by `re`'s own cache when a diff is shown


#: Lines of context around each change in a diff (difflib's and `diff -u`'s default).
DIFF_CONTEXT = 3


class DiffWriter:
    """A unified diff of one file, given (original, fixed) pieces in order, written as it goes, that `patch` and
    `git apply` take: lines end at `\n` only (a `\r` is part of its line, as those tools read it), a last line with
    no line end is marked so, and a file that starts with a byte order mark (`bom`) has it in its first line.

    The lines given are diffed up to a quiet stretch (2 * DIFF_CONTEXT lines alike on both sides) at their end, cut in
    its middle, so every change keeps its context on both sides wherever the pieces were cut; the hunk headers are
    moved to the lines in the whole file. Memory is bounded by the lines since the last quiet stretch.
    """

    def __init__(self, out: TextIO, name: str, bom: bool = False) -> None:
        self.out = out
        self.name = name
        self.lines = [0, 0]  # whole lines already diffed, in the original and the fixed text
        self.carry = ["\ufeff", "\ufeff"] if bom else ["", ""]  # unfinished last line of each
        self.pending: list[list[str]] = [[], []]  # whole lines given and not diffed yet, of each
        self.changed = False

    def add(self, original: str, fixed: str) -> None:
        """Take the next piece (its whole lines; an unfinished last line waits for the next piece)."""
        for side, text in enumerate((original, fixed)):
            text = self.carry[side] + text
            cut = text.rfind("\n") + 1
            self.carry[side] = text[cut:]
            self.pending[side].extend(_patch_lines(text[:cut]))
        a, b = self.pending
        quiet = 2 * DIFF_CONTEXT
        if len(a) > quiet and len(b) > quiet and a[-quiet:] == b[-quiet:]:
            self._diff(a[:-DIFF_CONTEXT], b[:-DIFF_CONTEXT])
            self.pending = [a[-DIFF_CONTEXT:], b[-DIFF_CONTEXT:]]

    def close(self) -> bool:
        """Diff what is left; True when the diff showed a change."""
        a, b = self.pending
        self._diff(a + _patch_lines(self.carry[0]), b + _patch_lines(self.carry[1]))
        self.carry, self.pending = ["", ""], [[], []]
        return self.changed

    def _diff(self, a: list[str], b: list[str]) -> None:
        import difflib  # noqa: PLC0415

        if a != b:
            for line in difflib.unified_diff(a, b, f"a/{self.name}", f"b/{self.name}", n=DIFF_CONTEXT):
                if line.startswith(("---", "+++")):
                    if not self.changed:
                        self.out.write(line)
                    continue
                if line.startswith("@@"):
                    line = re.sub(_HUNK, self._shift, line, count=1)
                self.out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
            self.changed = True
        self.lines[0] += len(a)
        self.lines[1] += len(b)

    def _shift(self, m: re.Match[str]) -> str:
        a, b = int(m.group(1)), int(m.group(3))
        a += self.lines[0] if a else 0
        b += self.lines[1] if b else 0
        return f"@@ -{a}{m.group(2) or ''} +{b}{m.group(4) or ''} @@"


def _patch_lines(text: str) -> list[str]:
    """The lines of `text` as `patch` reads them: each up to and with its `\n`, the last one with none if so."""
    *whole, last = text.split("\n")
    return [line + "\n" for line in whole] + ([last] if last else [])


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(path: str, issue: Issue) -> str:
    """A GitHub Actions annotation for the issue (columns in characters, end exclusive): `::warning`, or `::notice`
    for one less sure than FLAG_CONFIDENCE (as `speller.categories.severity` lowers it)."""
    end_line, end_column = issue.end_position
    props = ",".join(
        [
            f"file={_escape_property(path)}",
            f"line={issue.line}",
            *([f"endLine={end_line}"] if end_line != issue.line else []),
            f"col={issue.column}",
            f"endColumn={end_column}",
            f"title={_escape_property(f'speller ({issue.category})')}",
        ]
    )
    best = issue.one_line_suggestions[0] if issue.suggestions else "(no suggestion)"
    level = "notice" if issue.confidence < FLAG_CONFIDENCE else "warning"
    return f"::{level} {props}::{_escape_data(f'{issue.one_line} -> {best}')}"


def sarif_message(issue: Issue) -> str:
    """A one-line description of the issue with its suggestions."""
    name = RULES.get(issue.category, (issue.category,))[0]
    if not issue.suggestions:
        return f"{name}: '{issue.one_line}' (no suggestion)"
    return f"{name}: '{issue.one_line}'. Suggestions: {', '.join(issue.one_line_suggestions)}"


def sarif_log(results: Iterable[tuple[str, Issue]], version: str = "0") -> dict:
    """A SARIF 2.1.0 log of (path, issue) pairs: one run, a rule per category, one fix per suggestion."""
    from urllib.parse import quote  # noqa: PLC0415

    rule_ids = list(RULES)
    out = []
    for path, issue in results:
        uri = quote(os.fsencode(path).replace(b"\\", b"/"))  # a byte that is no UTF-8 as its escape, `%FF`
        location = {"uri": uri}
        end_line, end_column = issue.end_position
        region = {
            "startLine": issue.line,
            "startColumn": issue.column,
            "endLine": end_line,
            "endColumn": end_column,
            "charOffset": issue.start,
            "charLength": issue.end - issue.start,
            "snippet": {"text": issue.word},
        }
        result: dict = {
            "ruleId": issue.category,
            "level": severity(issue.category, issue.confidence),
            "message": {"text": sarif_message(issue)},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
            "properties": {
                "word": issue.word,
                "suggestions": list(issue.suggestions),
                "confidence": round(issue.confidence, 3),
            },
        }
        if issue.category in rule_ids:
            result["ruleIndex"] = rule_ids.index(issue.category)
        if issue.suggestions:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace '{issue.one_line}' with '{shown_as}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": location,
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")
                                    },
                                    "insertedContent": {"text": s},
                                }
                            ],
                        }
                    ],
                }
                for s, shown_as in zip(issue.suggestions, issue.one_line_suggestions, strict=True)
            ]
        out.append(result)
    rules = [
        {
            "id": rule_id,
            "name": name.title().replace(" ", "").replace("-", ""),
            "shortDescription": {"text": name},
            "fullDescription": {"text": description},
            "defaultConfiguration": {"level": level},
        }
        for rule_id, (name, description, level) in RULES.items()
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "speller", "version": version, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": out,
            }
        ],
    }
