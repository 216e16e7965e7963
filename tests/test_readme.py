"""The README's examples are what the code does: its sample `speller check` output and its library example.

A README that shows output the checker no longer gives misleads the writer who compares; these run the examples on
the bundled dictionary and compare.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from speller import Speller
from speller.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(opening: str) -> str:
    """The fenced code block of the README whose text begins with `opening`."""
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.S):
        if block.startswith(opening):
            return block
    raise AssertionError(f"no README block opens with {opening!r}")


def test_readme_check_example_is_the_output(monkeypatch: pytest.MonkeyPatch) -> None:
    block = _block("$ speller check ")
    command, *shown = block.splitlines()
    shown = [line for line in shown if line != "..."]
    path = command.split()[-1]
    assert shown, "the example shows no output"
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SPELLER_DICTIONARY", raising=False)
    result = CliRunner().invoke(main, command.split()[2:])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[: len(shown)] == shown, f"README shows the first issues of {path} wrong"


def test_readme_library_example_says_what_it_does() -> None:
    block = _block("from speller import Speller")
    quoted = re.search(r'text = "(.*?)"', block)
    suggested = re.search(r'speller\.suggest\("(\w+)"\)\)  # (\[.*?\])', block)
    assert quoted and suggested, "the library example lost its text or its suggest line"
    text = quoted.group(1)
    speller = Speller()
    issues = speller.check(text)
    assert [i.word for i in issues] == ["angksa", "dirumah"]
    assert speller.correct(text) == "Pasukan itu berada di luar angkasa dan di rumah."
    assert str(speller.suggest(suggested.group(1))) == suggested.group(2)


def _opening_list() -> str:
    """The README's opening list: what `speller` does, with its examples."""
    return README[README.index("ranks corrections by context, so it:") : README.index("Every issue has a category")]


def _fixed(text: str, speller: Speller) -> str:
    """`text` with the first suggestion of each issue `speller` shows applied."""
    for issue in sorted(speller.check(text), key=lambda i: -i.start):
        text = text[: issue.start] + issue.suggestions[0] + text[issue.end :]
    return text


def test_readme_opening_examples_are_what_check_finds() -> None:
    """Each `written` -> `fixed` pair in the README's opening list is found: the first suggestions of what `check`
    shows by default (with `picky` where the README says `--picky`) turn the written phrase into one holding the
    fixed form. An opening claim the checker no longer makes is the first thing a writer tries and finds false."""
    intro = _opening_list()
    pairs = re.findall(r"`([^`]+)` ->\s+`([^`]+)`(\s\([^)]*`--picky`)?", intro)
    assert len(pairs) >= 30, "the README's opening list lost its examples"
    plain, picky = Speller(), Speller(picky=True)
    wrong = []
    for written, meant, note in pairs:
        written, meant = " ".join(written.split()), " ".join(meant.split())
        fixed = _fixed(written, picky if note else plain)
        if fixed == written or meant not in fixed:
            wrong.append(f"{written!r} -> {fixed!r}, README says {meant!r}")
    assert not wrong, wrong


def test_readme_opening_words_left_alone_are_left_alone() -> None:
    """The words the README's opening list says `check` does not flag (`militernya`, `Su-35`, ...) are not flagged,
    alone or in a sentence."""
    intro = _opening_list()
    bullet = re.search(r"\*\*does not flag[^*]*\*\*(.*?)\n- ", intro, re.S)
    assert bullet, "the README's opening list lost its `does not flag` item"
    words = re.findall(r"`([^`]+)`", bullet.group(1))
    assert len(words) >= 5, words
    speller = Speller()
    flagged = [w for w in words if speller.check(w) or speller.check(f"Ia melihat {w} kemarin.")]
    assert not flagged, flagged
