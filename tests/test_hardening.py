"""Issue 14 and 15, library side: each hostile case that once crashed, hung or lost data is a test here.

The CLI cases run `speller` in a subprocess with a bounded wait (see tests/test_hardening_cli.py).
"""

from __future__ import annotations

import json

import pytest

from speller.output import json_row


def test_cr_only_line_endings_count_lines(speller):
    text = "baris satu\rdi luar angksa\r\ndan angksa lagi\nlalu\r\rangksa"
    lines = [(i.line, i.column) for i in speller.check(text) if i.word == "angksa"]
    assert lines == [(2, 9), (3, 5), (6, 1)]


def test_issue_to_dict_has_the_keys_of_a_json_row(speller):
    issue = speller.check("di luar angksa")[0]
    row = json_row("a.txt", issue)
    d = issue.to_dict()
    assert set(d) - {"column"} == set(row) - {"path"}
    assert {k: d[k] for k in row if k != "path"} == {k: v for k, v in row.items() if k != "path"}
    assert d["column"] == d["col"] == 9
    assert json.loads(json.dumps(d)) == d
