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
