"""`fix_rounds`' bookkeeping (speller.checker._beside, _moved) against its definition, issue by issue and fix by fix:
the bisections that made it linear (QA: a text with many fixes and many unfixed issues took 22 s at 160 KB) must
answer as the pairwise definition does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from speller.checker import Issue, _applied, _beside, _moved

ALPHABET = "ab ,.\n"


def _issue(text: str, start: int, end: int, fix: str = "x") -> Issue:
    line_start = text.rfind("\n", 0, start) + 1
    line = text.count("\n", 0, start) + 1
    return Issue(start, end, text[start:end], (fix,), "typo", 0.95, line, start - line_start + 1)


@st.composite
def texts_with_issues(draw: st.DrawFn) -> tuple[str, list[Issue], list[Issue]]:
    text = draw(st.text(ALPHABET, min_size=1, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12, unique=True)))
    fixed, at = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= at and text[a:b].count("\n") == 0:
            fixed.append(_issue(text, a, b, draw(st.sampled_from(["", "y", "zz,", "w w"]))))
            at = b
    others = []
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 5)))
        if "\n" not in text[a:b]:
            others.append(_issue(text, a, b))
    return text, fixed, others


def _beside_by_definition(text: str, issue: Issue, spans: list[tuple[int, int]]) -> bool:
    for a, b in spans:
        gap = text[issue.end : a] if issue.end <= a else text[b : issue.start] if issue.start >= b else ""
        if not any(c.isalnum() or c in "\n\r" for c in gap):
            return True
    return False


def _moved_by_definition(issue: Issue, fixed: list[Issue]) -> Issue | None:
    if any(issue.start < j.end and j.start < issue.end for j in fixed):
        return None
    moved = sum(len(f.suggestions[0]) - (f.end - f.start) for f in fixed if f.end <= issue.start)
    return issue._replace(start=issue.start + moved, end=issue.end + moved)  # placed on its line by `fix_rounds`


@given(texts_with_issues())
def test_issues_beside_a_fix_are_those_the_definition_finds(case):
    text, fixed, others = case
    after, spans, done = _applied(text, fixed)
    assert done == fixed
    found = [_issue(after, i.start, i.end) for i in others if i.end <= len(after)]
    assert _beside(after, found, spans) == [i for i in found if _beside_by_definition(after, i, spans)]


@given(texts_with_issues())
def test_issues_move_with_the_fixes_as_the_definition_moves_them(case):
    text, fixed, others = case
    after, _, done = _applied(text, fixed)
    expected = [m for i in others if (m := _moved_by_definition(i, done)) is not None]
    assert _moved(others, done) == expected
    for old, new in zip([i for i in others if _moved_by_definition(i, done)], expected):
        assert after[new.start : new.end] == text[old.start : old.end]
