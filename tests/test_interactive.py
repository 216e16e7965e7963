"""`speller fix --interactive`: the answers a copy editor types and what each leaves in the file.

Answers come on stdin (CliRunner's `input`), as they do from a script; the expected text is built
from the findings `speller check --format json` reports, so a better model does not break these tests.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from speller.checker import Issue
from speller.cli import main
from speller.review import ADD, EDIT, QUIT, SKIP, TAKE, Answer, Review, excerpt, read_answer

ONE_TYPO = "di luar angksa beberapa kali.\n"
TWO_ON_A_LINE = "Pasukan itu berada di luar angksa dan dirumah.\n"
TWO_LINES = TWO_ON_A_LINE + "Dia mengunjugi pabrik giliranya besok.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Run every command from an empty folder, with the bundled dictionary."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SPELLER_DICTIONARY", raising=False)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def findings(path: Path) -> list[dict]:
    """What `check` shows for the file (what `fix -i` asks about), in file order."""
    result = run("check", "--format", "json", str(path))
    assert result.exit_code in (0, 1), result.output
    return sorted(json.loads(result.stdout), key=lambda row: row["start"])


def replaced(text: str, *changes: tuple[dict, str]) -> str:
    """`text` with each finding's span replaced (spans in file order, offsets of the original text)."""
    out, pos = [], 0
    for row, new in changes:
        out += [text[pos : row["start"]], new]
        pos = row["end"]
    return "".join(out) + text[pos:]


def article(tmp_path: Path, text: str) -> tuple[Path, list[dict]]:
    path = tmp_path / "berita.txt"
    path.write_bytes(text.encode())
    return path, findings(path)


def test_a_number_takes_that_suggestion(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    assert len(typo["suggestions"]) >= 2
    result = run("fix", "-i", str(path), input="2\n")
    assert result.exit_code == 0, result.output
    assert path.read_text() == replaced(ONE_TYPO, (typo, typo["suggestions"][1]))
    assert "berita.txt: fixed 1" in result.stderr


def test_the_question_shows_position_line_mark_category_and_numbered_suggestions(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    out = run("fix", "--interactive", str(path), input="n\n").stdout
    assert f"berita.txt:{typo['line']}:{typo['col']}: angksa [{typo['category']} " in out
    assert "    di luar angksa beberapa kali.\n            ^^^^^^\n" in out
    assert f"1) {typo['suggestions'][0]}  2) {typo['suggestions'][1]}" in out


def test_the_caret_stands_under_the_word_after_wide_characters(tmp_path):
    """A terminal draws CJK and most emoji two columns wide and a combining accent in none: the caret counts so."""
    path, _ = article(tmp_path, "😀 中文 Cafe\u0301 di luar angksa beberapa kali.\n")
    out = run("fix", "--interactive", str(path), input="n\n").stdout
    assert "    😀 中文 Cafe\u0301 di luar angksa beberapa kali.\n" + " " * 4 + " " * 21 + "^^^^^^\n" in out


def test_enter_takes_the_first_suggestion(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), input="\n")
    assert result.exit_code == 0, result.output
    assert path.read_text() == replaced(ONE_TYPO, (typo, typo["suggestions"][0]))


def test_enter_on_a_word_a_tag_runs_through_leaves_the_tag(tmp_path):
    # QA: Enter took the fix of `prak</b>tek` (held at 0.899, but asked about) and dropped the `</b>`: such a word
    # offers no suggestion, so Enter skips it
    page = "<p>Itu <b>prak</b>tek lama.</p>\n"
    path = tmp_path / "berita.html"
    path.write_text(page, encoding="utf-8")
    [row] = findings(path)
    assert row["word"] == "prak</b>tek" and row["suggestions"] == []
    result = run("fix", "-i", str(path), input="\n")
    assert result.exit_code == 1 and "(no suggestion)" in result.output
    assert path.read_text(encoding="utf-8") == page


def test_n_skips_and_leaves_the_file_untouched_exit_1(tmp_path):
    path, _ = article(tmp_path, ONE_TYPO)
    before = path.stat().st_mtime_ns
    result = run("fix", "-i", str(path), input="n\n")
    assert result.exit_code == 1, result.output
    assert path.read_text() == ONE_TYPO
    assert path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berita.txt"]


def test_e_writes_the_typed_replacement(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), input="e\nangkasawan\n")
    assert result.exit_code == 0, result.output
    assert path.read_text() == replaced(ONE_TYPO, (typo, "angkasawan"))


def test_e_with_an_empty_line_asks_again(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), input="e\n\n1\n")
    assert result.exit_code == 0, result.output
    assert path.read_text() == replaced(ONE_TYPO, (typo, typo["suggestions"][0]))


def test_a_adds_the_word_and_the_next_check_is_clean(tmp_path):
    path, _ = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), input="a\n")
    assert result.exit_code == 0, result.output
    assert path.read_text() == ONE_TYPO
    assert (tmp_path / ".speller-words.txt").read_text() == "angksa\n"  # where `speller add` puts it
    assert run("check", str(path)).exit_code == 0


def test_an_added_word_is_not_asked_about_again(tmp_path):
    text = ONE_TYPO + "Lagi-lagi angksa.\n"
    path, rows = article(tmp_path, text)
    assert [r["word"] for r in rows] == ["angksa", "angksa"]
    result = run("fix", "-i", str(path), input="a\n")  # a second question would read the end of input: exit 1
    assert result.exit_code == 0, result.output
    assert result.stdout.count("angksa [") == 1


def test_a_word_added_under_one_config_is_asked_again_under_another(tmp_path):
    """QA: `a` on sub/b.txt wrote to sub/'s list, then c.txt (another config) was never asked and still failed
    `check`, yet the run said exit 0."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".speller.toml").write_text("words = []\n", encoding="utf-8")
    b, c = tmp_path / "sub" / "b.txt", tmp_path / "c.txt"
    for path in (b, c):
        path.write_text(ONE_TYPO, encoding="utf-8")
    result = run("fix", "-i", str(b), str(c), input="a\nn\n")
    assert result.stdout.count("angksa [") == 2 and result.exit_code == 1
    assert run("check", str(b)).exit_code == 0 and run("check", str(c)).exit_code == 1


def test_a_under_config_is_refused_and_asked_again(tmp_path):
    """With --config the nearest config's list is not the one the run reads: `a` says so, nothing is written."""
    house = tmp_path / "house.toml"
    house.write_text("words = []\n", encoding="utf-8")
    path, _ = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", "--config", str(house), str(path), input="a\nn\n")
    assert result.exit_code == 1 and "not added" in result.output
    assert not (tmp_path / ".speller-words.txt").exists() and not (tmp_path / ".speller.toml").exists()


def test_q_writes_the_earlier_choices_and_nothing_else(tmp_path):
    path, rows = article(tmp_path, TWO_LINES)
    assert len(rows) >= 3
    result = run("fix", "-i", str(path), input="\nq\n")
    assert result.exit_code == 1, result.output
    assert path.read_bytes() == replaced(TWO_LINES, (rows[0], rows[0]["suggestions"][0])).encode()
    assert result.stdout.count("? ") == 2  # nothing asked after q


def test_two_findings_on_one_line(tmp_path):
    path, rows = article(tmp_path, TWO_ON_A_LINE)
    assert len(rows) == 2 and rows[0]["line"] == rows[1]["line"] == 1
    assert len(rows[0]["suggestions"]) >= 2
    result = run("fix", "-i", str(path), input="2\n\n")
    assert result.exit_code == 0, result.output
    want = replaced(TWO_ON_A_LINE, (rows[0], rows[0]["suggestions"][1]), (rows[1], rows[1]["suggestions"][0]))
    assert path.read_text() == want


def test_crlf_and_bom_are_kept(tmp_path):
    text = "Baris pertama.\r\n" + ONE_TYPO.replace("\n", "\r\n")
    path = tmp_path / "berita.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    (typo,) = findings(path)
    result = run("fix", "-i", str(path), input="\n")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == codecs.BOM_UTF8 + replaced(text, (typo, typo["suggestions"][0])).encode()
    assert "berita.txt:2:9: angksa" in result.stdout


@pytest.mark.parametrize("extra", [["--diff"], ["-"]])
def test_not_with_diff_or_stdin(tmp_path, extra):
    path, _ = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), *extra, input="\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "speller: error: --interactive reads its answers from stdin: not with --diff, nor - as a path"
    ]
    assert path.read_text() == ONE_TYPO


def test_the_end_of_input_quits_and_writes_what_was_decided(tmp_path):
    path, rows = article(tmp_path, TWO_LINES)
    result = run("fix", "-i", str(path), input="2")  # no line end: the end of input comes at the next question
    assert result.exit_code == 1, result.output
    assert path.read_text() == replaced(TWO_LINES, (rows[0], rows[0]["suggestions"][1]))


def test_no_input_at_all_writes_nothing(tmp_path):
    path, _ = article(tmp_path, TWO_LINES)
    result = run("fix", "-i", str(path), input="")
    assert result.exit_code == 1, result.output
    assert path.read_text() == TWO_LINES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berita.txt"]


def test_an_answer_not_understood_is_asked_again(tmp_path):
    path, (typo,) = article(tmp_path, ONE_TYPO)
    result = run("fix", "-i", str(path), input="x\n99\n1\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("answer a suggestion's number") == 2
    assert path.read_text() == replaced(ONE_TYPO, (typo, typo["suggestions"][0]))


def test_min_confidence_sets_what_is_asked(tmp_path):
    path, rows = article(tmp_path, TWO_ON_A_LINE)  # a typo (1.00) and a spacing finding (0.94)
    high = max(r["confidence"] for r in rows)
    sure = [r for r in rows if r["confidence"] >= high]
    assert len(sure) < len(rows), "the text must hold findings of two confidences"
    result = run("fix", "-i", "--min-confidence", str(high), str(path), input="n\n" * len(sure))
    assert result.stdout.count("? ") == len(sure)
    assert all(f": {r['word']} [" in result.stdout for r in sure)
    assert not any(f": {r['word']} [" in result.stdout for r in rows if r not in sure)


def test_each_file_in_turn_and_q_leaves_later_files_unread(tmp_path):
    first, (typo,) = article(tmp_path, ONE_TYPO)
    second = tmp_path / "z.txt"
    second.write_text(ONE_TYPO)
    result = run("fix", "-i", str(first), str(second), input="\nq\n")
    assert result.exit_code == 1, result.output
    assert first.read_text() == replaced(ONE_TYPO, (typo, typo["suggestions"][0]))
    assert second.read_text() == ONE_TYPO


# -- the pieces the command line is built from ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "choices", "answer"),
    [
        ("3", 5, Answer(TAKE, 2)),
        (" 1 ", 1, Answer(TAKE, 0)),
        ("", 2, Answer(TAKE, 0)),
        ("Y", 2, Answer(TAKE, 0)),
        ("", 0, Answer(SKIP)),
        ("N", 2, Answer(SKIP)),
        ("a", 0, Answer(ADD)),
        ("e", 2, Answer(EDIT)),
        ("q", 2, Answer(QUIT)),
        ("0", 5, None),
        ("6", 5, None),
        ("1", 0, None),
        ("yes", 2, None),
    ],
)
def test_read_answer(typed, choices, answer):
    assert read_answer(typed, choices) == answer


def issue_at(text: str, word: str, replacement: str = "x") -> Issue:
    start = text.index(word)
    return Issue(start, start + len(word), word, (replacement,), "typo", 0.9)


def test_excerpt_is_the_line_of_the_word():
    text = "baris satu\r\ndi luar angksa sekali\nbaris tiga"
    cut = excerpt(text, issue_at(text, "angksa"))
    assert cut.text == "di luar angksa sekali"
    assert cut.text[cut.start : cut.end] == "angksa"


def test_excerpt_cuts_a_long_line_around_the_word():
    text = "a" * 100 + " angksa " + "b" * 100
    cut = excerpt(text, issue_at(text, "angksa"), chars=10)
    assert cut.text == "…aaaaaaaaa angksa bbbbbbbbb…"
    assert cut.text[cut.start : cut.end] == "angksa"


def test_review_applies_choices_and_knows_what_they_cover():
    text = "di luar angksa dan dirumah"
    review = Review(text)
    typo, spacing = issue_at(text, "angksa"), issue_at(text, "dirumah")
    review.take(spacing, "di rumah")
    review.take(typo, "angkasa")
    assert review.fixed() == "di luar angkasa dan di rumah"
    assert review.clashes(issue_at(text, "angksa dan"))
    assert not review.clashes(issue_at(text, "luar"))


def test_ctrl_c_leaves_the_file_under_review_untouched(tmp_path, monkeypatch):
    import speller.cli

    path, _ = article(tmp_path, TWO_LINES)
    answers = iter(["1"])

    def read_line(question: str) -> str | None:
        try:
            return next(answers)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(speller.cli, "_read_line", read_line)
    result = run("fix", "-i", str(path))
    assert result.exit_code == 130 and result.stderr == "Aborted!\n"  # as a shell reports Ctrl-C
    assert path.read_text() == TWO_LINES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berita.txt"]


def test_a_file_changed_during_the_review_is_not_overwritten(tmp_path, monkeypatch):
    import speller.cli

    path, _ = article(tmp_path, ONE_TYPO)

    def read_line(question: str) -> str | None:
        path.write_text("Diubah di editor.\n")  # the writer saved another version meanwhile
        return "1"

    monkeypatch.setattr(speller.cli, "_read_line", read_line)
    result = run("fix", "-i", str(path))
    assert result.exit_code == 2, result.output
    assert "changed while it was being checked; not fixed" in result.stderr
    assert path.read_text() == "Diubah di editor.\n"


def test_a_word_that_cannot_go_in_a_word_list_is_asked_again(tmp_path, monkeypatch):
    import speller.cli
    import speller.workspace

    path, _ = article(tmp_path, ONE_TYPO)

    def refuse(start: Path, words: list[str]) -> Path:
        assert words == ["angksa"]
        raise speller.workspace.ConfigError("angksa: outside the project folder; not written")

    answers = iter(["a", "n"])
    monkeypatch.setattr(speller.cli, "_read_line", lambda question: next(answers, None))
    monkeypatch.setattr(speller.workspace, "add_words", refuse)
    result = run("fix", "-i", str(path))
    assert result.exit_code == 1, result.output  # asked again, then skipped
    assert "speller: warning: angksa: outside the project folder" in result.stderr
    assert path.read_text() == ONE_TYPO


def test_the_config_s_picky_is_asked_about_too(tmp_path):
    """`fix -i` walks what `check` shows: with the config's `picky`, the typos the model flags under 0.5 sure."""
    path, found = article(tmp_path, "Anak dapat berfikit dengan jernih.\n")
    assert found == []
    (tmp_path / ".speller.toml").write_text("picky = true\n", encoding="utf-8")
    (typo,) = findings(path)
    assert typo["word"] == "berfikit"
    result = run("fix", "-i", str(path), input="1\n")
    assert result.exit_code == 0, result.output
    best = typo["suggestions"][0]
    assert path.read_text(encoding="utf-8") == replaced("Anak dapat berfikit dengan jernih.\n", (typo, best))


def test_a_file_it_may_not_write_is_refused_before_a_question(tmp_path):
    """The answers would be thrown away: say so first, ask nothing, and go on with the next file."""
    locked, _ = article(tmp_path, ONE_TYPO)
    locked.chmod(0o444)
    other = tmp_path / "lain.txt"
    other.write_bytes(ONE_TYPO.encode())
    result = run("fix", "-i", str(locked), str(other), input="1\n")
    assert result.exit_code == 2
    assert f"speller: error: {locked}: read-only, not fixed" in result.stderr
    assert result.stdout.count("angksa [typo") == 1  # asked about the writable file only
    assert locked.read_text() == ONE_TYPO and "angksa" not in other.read_text()


def test_a_finding_over_two_words_offers_no_add(tmp_path, monkeypatch):
    # `a` was offered on `di perbolehkan`, and answered only with a warning about spaces
    import speller.cli

    path, rows = article(tmp_path, "Hal itu tidak di perbolehkan di sini.\n")
    assert [row["word"] for row in rows] == ["di perbolehkan"]
    questions: list[str] = []
    answers = iter(["a", "n"])

    def read_line(question: str) -> str | None:
        questions.append(question)
        return next(answers, None)

    monkeypatch.setattr(speller.cli, "_read_line", read_line)
    result = run("fix", "-i", str(path))
    assert result.exit_code == 1 and "a add" not in questions[0] and len(questions) == 2, result.output
    assert "cannot add 'di perbolehkan'" in result.stderr
