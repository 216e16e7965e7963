"""A writer's review of one text's findings, decided one at a time (`speller fix --interactive`).

The command line asks and prints; this module only says what to show for a finding, what an
answer means, and what the text becomes with the replacements chosen so far.
"""

from __future__ import annotations

from .checker import Issue, apply_fixes
from .records import NamedTuple

#: Characters of the finding's line shown on each side of the word; a longer line is cut, marked `…`.
EXCERPT_CHARS = 40

#: What an answer asks for (`Answer.action`).
TAKE, SKIP, ADD, EDIT, QUIT = "take", "skip", "add", "edit", "quit"

#: The letters (any case) that answer a finding; a number, Enter or `y` takes a suggestion.
LETTERS = {"n": SKIP, "a": ADD, "e": EDIT, "q": QUIT}


class Answer(NamedTuple):
    """What the writer decided for a finding; `choice` is the suggestion's index for TAKE."""

    action: str
    choice: int = 0


class Excerpt(NamedTuple):
    """The finding's line (cut around the word) and where the word stands in it: `text[start:end]`."""

    text: str
    start: int
    end: int


def read_answer(typed: str, choices: int) -> Answer | None:
    """What a typed line means for a finding with `choices` suggestions; None when it means nothing.

    A number from 1 to `choices` takes that suggestion; an empty line (Enter) or `y` takes the
    first, or skips when there is none; `n` skips, `a` adds the word, `e` edits, `q` quits.
    """
    typed = typed.strip().lower()
    if typed.isdecimal():
        number = int(typed)
        return Answer(TAKE, number - 1) if 1 <= number <= choices else None
    if typed in ("", "y"):
        return Answer(TAKE) if choices else Answer(SKIP)
    action = LETTERS.get(typed)
    return Answer(action) if action else None


def excerpt(text: str, issue: Issue, chars: int = EXCERPT_CHARS) -> Excerpt:
    """The line of `text` holding `issue`, at most `chars` characters each side of the word."""
    line_start = max(text.rfind("\n", 0, issue.start), text.rfind("\r", 0, issue.start)) + 1
    ends = [i for i in (text.find("\n", issue.start), text.find("\r", issue.start)) if i >= 0]
    line_end = min(ends, default=len(text))
    end = min(issue.end, line_end)
    left = max(line_start, issue.start - chars)
    right = min(line_end, end + chars)
    head = "…" if left > line_start else ""
    tail = "…" if right < line_end else ""
    start = len(head) + issue.start - left
    return Excerpt(head + text[left:right] + tail, start, start + end - issue.start)


class Review:
    """One text and the replacements chosen for its findings so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chosen: list[Issue] = []

    def take(self, issue: Issue, replacement: str) -> None:
        """Replace the finding's span by `replacement` (when the text is `fixed`)."""
        self.chosen.append(issue._replace(suggestions=(replacement,)))

    def clashes(self, issue: Issue) -> bool:
        """Whether `issue` overlaps a span already chosen for a replacement."""
        return any(issue.start < c.end and c.start < issue.end for c in self.chosen)

    def fixed(self) -> str:
        """The text with the chosen replacements; everything else kept as it is."""
        return apply_fixes(self.text, self.chosen)
