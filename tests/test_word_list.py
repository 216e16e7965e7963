"""The word-list reader gives the same words on its fast path (plain ASCII lists) as line by line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from speller.workspace import read_word_list


def _uncommented(line: str) -> str:
    """The line up to a `#` that follows white space (a comment after a word)."""
    cut = next((i for i in range(1, len(line)) if line[i] == "#" and line[i - 1].isspace()), len(line))
    return line[:cut]


def _line_by_line(text: str) -> list[str]:
    return [w for w in (_uncommented(ln).strip() for ln in text.splitlines()) if w and not w.startswith("#")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab#é\t \n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028", max_size=30))
def test_fast_path_gives_the_words_of_the_line_by_line_reading(text):
    with tempfile.TemporaryDirectory() as td:
        path = Path(td) / "words.txt"
        path.write_bytes(text.encode("utf-8"))
        assert read_word_list(path) == _line_by_line(text)


def test_header_comment_and_words(tmp_path):
    path = tmp_path / "w.txt"
    path.write_bytes(b"\xef\xbb\xbf# header\r\n# more\nangkasa\r\nluar\n\nkata\n")
    assert read_word_list(path) == ["angkasa", "luar", "kata"]
