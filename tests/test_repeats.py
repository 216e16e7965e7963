"""A phrase written twice in a row (`speller.repeats`): found with its case, one space apart, never in English;
reported as sure as the judged repeats of the build corpus were slips, and that figure is the judged table's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speller.calibration import DOUBLED, held, kind_of, shrunk
from speller.categories import FIX_CONFIDENCE, FLAG_CONFIDENCE
from speller.repeats import (
    MAX_REPEATED_WORDS,
    REPEATED_JUDGED,
    REPEATED_SLIPS,
    is_repeat,
    phrase_length,
    repeated_phrase,
)

JUDGED = Path(__file__).resolve().parent.parent / "benchmarks" / "repeated_judged.tsv"
SHARE = round(held(shrunk(REPEATED_SLIPS, REPEATED_JUDGED)), 3)


def _found(words: list[str], i: int = 0, apart: frozenset[int] = frozenset()) -> tuple[int, int]:
    return repeated_phrase(words, lambda j: j not in apart, i)


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("Ia datang pada saat pada saat itu juga.", "pada saat pada saat", "pada saat"),
        ("Tim itu terdiri yang terdiri yang terdiri dari tiga orang.", "terdiri yang terdiri yang", "terdiri yang"),
        (
            "Trump menarik diri dari menarik diri dari kesepakatan.",
            "menarik diri dari menarik diri dari",
            "menarik diri dari",
        ),
        (
            "Menteri Senior Singapura, Teo Chee Hean Teo Chee Hean, hadir.",
            "Teo Chee Hean Teo Chee Hean",
            "Teo Chee Hean",
        ),
        ("Mereka ke rumah ke rumah ke rumah duka.", "ke rumah ke rumah ke rumah", "ke rumah"),  # every copy
    ],
)
def test_a_phrase_written_twice_is_reported_once_with_the_phrase(speller, text, span, fixed):
    [issue] = [i for i in speller.check(text) if " " in i.word]
    assert (issue.word, issue.suggestions[0], issue.category, issue.confidence) == (span, fixed, "typo", SHARE)
    assert issue.flagged


@pytest.mark.parametrize(
    "text",
    [
        "Dalam surat pemberitahuan Surat Pemberitahuan nomor 1 itu.",  # another case: a name after its noun
        "Ia berkata makin lama, makin lama ia lelah.",  # a comma parts them
        "Ia berkata makin lama\nmakin lama ia lelah.",  # so does a line break
        "2. Deposito syariah Deposito syariah adalah simpanan.",  # a heading run into its text opens the sentence
        "Ukurannya 50 x 50 x 50 cm.",  # numbers
        'Ia berkata, "We speak frankly, calling a spade a spade," katanya.',  # English
        "Ia pergi di di pasar.",  # one word written twice: `doubled`, judged by its own readings
    ],
)
def test_what_is_not_a_repeated_phrase(speller, text):
    spans = [i.word for i in speller.check(text)]
    assert not any(len(set(s.split(" "))) > 1 and is_repeat(s.split(" ")) for s in spans), spans


def test_fix_leaves_a_repeat_to_the_writer_unless_asked():
    # 47 slips of 51 judged read 0.906, held under FIX_CONFIDENCE (the meant ones were a speaker's emphasis in a
    # quote): shown, not applied
    assert round(shrunk(REPEATED_SLIPS, REPEATED_JUDGED), 3) >= FIX_CONFIDENCE
    assert FLAG_CONFIDENCE <= SHARE < FIX_CONFIDENCE


def test_correcting_a_repeat_leaves_the_phrase_once_and_is_stable(speller):
    text = "Tim itu yang terdiri yang terdiri dari tiga orang."
    once = speller.correct(text, min_confidence=SHARE)
    assert once == "Tim itu yang terdiri dari tiga orang."
    assert speller.correct(once, min_confidence=SHARE) == once


def test_the_kind_of_a_repeated_phrase_is_doubled():
    text = "Ia datang pada saat pada saat itu."
    start = text.index("pada")
    assert kind_of(text, start, start + len("pada saat pada saat"), frozenset()) == DOUBLED


@given(
    st.lists(
        st.sampled_from(["yang", "pada", "saat", "ke", "rumah", "Wakil", "Ketua", "dari"]), min_size=2, max_size=4
    ),
    st.lists(st.sampled_from(["itu", "juga", "baru"]), max_size=3),
)
def test_a_phrase_of_distinct_words_written_twice_is_found_and_its_length_is_the_shortest(phrase, after):
    words = [*phrase, *phrase, *after]
    n, copies = _found(words)
    if len(set(phrase)) == 1:
        assert (n, copies) == (0, 0) or n > 1  # one word written over is `doubled`; a longer cycle may still repeat
        return
    assert 2 <= n <= len(phrase) and len(phrase) % n == 0 and copies * n >= 2 * len(phrase)
    assert words[:n] == words[n : 2 * n]


@given(st.integers(min_value=2, max_value=MAX_REPEATED_WORDS), st.data())
def test_a_gap_or_a_change_of_case_breaks_a_repeat(n, data):
    phrase = [f"kata{chr(97 + k)}" for k in range(n)]
    gap = data.draw(st.integers(min_value=0, max_value=2 * n - 2))
    assert _found([*phrase, *phrase], apart=frozenset({gap})) == (0, 0)
    cased = [phrase[0].capitalize(), *phrase[1:]]
    assert _found([*phrase, *cased]) == (0, 0)
    assert _found([*phrase, *phrase]) == (n, 2)


def test_the_judged_repeats_give_the_figures_in_the_module():
    labels = [row.split("\t")[3] for row in JUDGED.read_text(encoding="utf-8").splitlines() if not row.startswith("#")]
    assert set(labels) <= {"slip", "genuine", "unsure"}
    assert (labels.count("slip"), labels.count("slip") + labels.count("genuine")) == (REPEATED_SLIPS, REPEATED_JUDGED)


def test_the_judged_table_has_one_label_per_repeat():
    rows = [tuple(row.split("\t")[:3]) for row in JUDGED.read_text(encoding="utf-8").splitlines() if row[:1] != "#"]
    assert len(rows) == len(set(rows))
    assert all(is_repeat(span.split(" ")) for _, _, span in rows)


def test_a_phrase_is_found_without_reading_the_whole_run():
    """`_pair_starts` asks at every start of a run (`ha hi ha hi ...`): counting the copies to its end each time made
    a check of 24 KB of it take 29 s (QA); `phrase_length` reads at most 2 * MAX_REPEATED_WORDS words."""
    words = ["ha", "hi"] * 5000
    asked: list[int] = []

    def spaced(j: int) -> bool:
        asked.append(j)
        return True

    assert phrase_length(words, spaced, 0) == 2
    assert len(asked) <= 2 * MAX_REPEATED_WORDS
    assert repeated_phrase(words, lambda j: True, 0) == (2, 5000)


@given(st.lists(st.sampled_from(["ha", "hi", "di", "5"]), max_size=14), st.integers(0, 13), st.integers(0, 13))
def test_phrase_length_is_the_phrase_repeated_phrase_counts(words: list[str], i: int, gap: int):
    if i >= len(words):
        return
    spaced = lambda j: j != gap  # noqa: E731 - one pair of words apart by more than a space
    assert phrase_length(words, spaced, i) == repeated_phrase(words, spaced, i)[0]
