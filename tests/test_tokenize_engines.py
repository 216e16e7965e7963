"""The standard `re` module scans text of the table (`RE_TABLE`) exactly as `regex` does.

Text whose every character is in the table is tokenized by the `re` translation of the token patterns, so a check
of such text never imports `regex`. These tests prove the translation: every code point of the table is told
alike by both modules' classes and patterns, and `scan`, `word_scan`, `tokenize` and `runs` give the same results
through both paths on text drawn from the table and on any Unicode text.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from speller import tokenize as tk

TABLE = [chr(c) for lo, hi in tk.RE_TABLE for c in range(lo, hi + 1)]
#: Surrounding characters a code point is tokenized between: letters, digits, token separators, markers, spaces.
CONTEXTS = [
    "",
    "a",
    "1",
    "-",
    ".",
    "'",
    "’",
    "@",
    "#",
    "_",
    "/",
    " ",
    "\n",
    "www.",
    "http://x.id/",
    "a@b",
    "\\",
    "C:\\",
]


def _regex_path():
    """Everything scanned by `regex`, with fresh run, piece and line caches (they would hand back the other path's)."""
    return mock.patch.multiple(
        tk, _in_table=lambda *args, **kwargs: False, _RUN_WORDS={}, _PIECES={}, _LINES=tk._LineMemo(10_000)
    )


def _fresh_cache():
    return mock.patch.multiple(tk, _RUN_WORDS={}, _PIECES={}, _LINES=tk._LineMemo(10_000))


@pytest.mark.parametrize("name", sorted(tk._RE_CLASSES))
def test_every_code_point_of_the_table_is_in_both_classes_or_neither(name):
    """Each class of the `regex` patterns and its `re` translation hold the same characters of the table."""
    whole = name if name.startswith("[") else f"[{name}]"  # `\\s` stands inside classes: its translation is a body
    theirs = regex.compile(whole)
    ours = re.compile(tk._to_re(whole))
    differ = [hex(ord(ch)) for ch in TABLE if bool(theirs.fullmatch(ch)) != bool(ours.fullmatch(ch))]
    assert differ == []


def test_every_class_of_the_patterns_has_a_translation():
    for source in (tk._FULL_TOKEN, tk._PLAIN_TOKEN, tk._HAS_DIGIT):
        assert "\\p{" not in tk._to_re(source)
    with pytest.raises(ValueError, match="no `re` translation"):
        tk._to_re(r"[\p{Lu}]")


def test_no_character_of_the_table_is_missed_or_told_apart():
    """`scan` skips `_missed` for text of the table: each character must be neither missed nor told apart."""
    assert [hex(ord(ch)) for ch in TABLE if tk._char_facts(ch) != (False, False)] == []


@pytest.mark.parametrize("source", ["_FULL_TOKEN", "_PLAIN_TOKEN", "_HAS_DIGIT"])
def test_every_code_point_of_the_table_gives_the_same_matches_in_every_context(source):
    pattern = getattr(tk, source)
    ours, theirs = tk._compiled(pattern, True), tk._compiled(pattern, False)
    assert isinstance(ours, re.Pattern)
    assert not isinstance(theirs, re.Pattern)
    differ = []
    for ch in TABLE:
        for left in CONTEXTS:
            for right in CONTEXTS:
                text = f"{left}{ch}{right}{ch}"
                got = [(m.span(), m.lastgroup) for m in ours.finditer(text)]
                if got != [(m.span(), m.lastgroup) for m in theirs.finditer(text)]:
                    differ.append(text)
    assert differ == []


def test_the_table_holds_the_seeds_and_what_news_text_holds(seed_texts):
    """The seeds, curly quotes, dashes, ellipses, accented names, currency and degrees all take the `re` path."""
    assert all(tk._in_table(text) for text in seed_texts.values())
    assert tk._in_table("“Kata” ‘kata’ – — … • é ñ ü ç ş ł ő € ™ ℃ ½ ² «»\u00a0\u200b\u00ad")
    assert not tk._in_table("مرحبا")
    assert not tk._in_table("Ελλάδα")
    assert not tk._in_table("a\u0301")  # a combining mark is outside the table
    assert tk._in_table("α kata", 1) and tk._in_table("kata α", 0, 5)  # only the span counts
    assert not tk._in_table("kata α", 2) and not tk._in_table("\ud800")  # a lone surrogate is outside


def _results(text: str) -> tuple[object, ...]:
    return (
        tk.scan(text),
        tk.word_scan(text),
        list(tk.tokenize(text)),
        list(tk.word_spans(text)),
        list(tk.runs(text)),
    )


def _both(text: str) -> None:
    with _fresh_cache():
        ours = _results(text)
    with _regex_path():
        assert all(not isinstance(m.re, re.Pattern) for m in tk._matches(text))
        theirs = _results(text)
    assert ours == theirs


TABLE_TEXT = st.text(alphabet=st.sampled_from(TABLE), max_size=80)
#: Text of the table built from the pieces tokens are made of.
PIECES = st.lists(
    st.one_of(
        st.sampled_from(
            ["kata", "Jum’at", "1950-an", "a@b.co.id", "www.x.id", "#tag", "@budi", "a.n.", "negara-negara"]
        ),
        st.sampled_from(TABLE),
        st.sampled_from(["é", "²", "½", "ß", "ſ", "\u00ad", "\u200b", "—", "“", " ", "\n", "."]),
    ),
    max_size=40,
).map("".join)
#: Text of the table with any Unicode text on both sides.
MIXED = st.text(max_size=20).flatmap(lambda t: PIECES.map(lambda p: t + p + t))


@settings(max_examples=400, deadline=None)
@given(st.one_of(TABLE_TEXT, PIECES))
def test_property_text_of_the_table_is_scanned_alike_by_both_paths(text):
    assert tk._in_table(text)
    _both(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.one_of(TABLE_TEXT, PIECES))
def test_property_any_unicode_text_is_scanned_alike_and_by_regex_outside_the_table(text, pieces):
    text = pieces + text
    outside = any(ch not in set(TABLE) for ch in text)
    assert tk._in_table(text) is not outside
    if outside:
        assert all(not isinstance(m.re, re.Pattern) for m in tk._matches(text))
    _both(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TABLE_TEXT, PIECES, MIXED), st.data())
def test_property_a_window_is_tokenized_alike_by_both_paths(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    ours = list(tk.tokenize(text, pos, end))
    with _regex_path():
        assert ours == list(tk.tokenize(text, pos, end))
