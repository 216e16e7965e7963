"""The builder's table of how news writes each pair that may be one word (`speller.dictionary.JOIN_USES_FILE`), its
loader, its use by `speller.spacing.split_word` after a comma (issue 10), and the shipped table's freshness."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_build import build_two_files, count_rows

from speller import spacing
from speller.build import curated_pairs
from speller.dictionary import JOIN_USES_FILE, Dictionary, JoinUses
from speller.tables import bundled_path
from speller.tokenize import closed_runs, gapped_runs

#: `yaitu` 31 times, each right after a comma, once right before a sentence's end; `ya itu` once, after a comma too;
#: `ya` and `itu` apart elsewhere.
COMMON = "Ada tiga hal, yaitu satu dan dua.\n" * 15 + "ya dia datang itu saja.\n" * 3
A_TXT = COMMON + "Betul, ya itu benar.\n"
B_TXT = COMMON + "Hanya satu, yaitu?\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_two_files(tmp_path_factory, "join_uses", A_TXT, B_TXT)


def test_a_run_comes_with_the_text_before_it():
    assert list(gapped_runs("betul, ya itu kenapa. Tapi 2, ya")) == [
        ("", ["betul"]),
        (", ", ["ya", "itu", "kenapa"]),
        (". ", ["Tapi"]),
        (", ", ["ya"]),
    ]


def test_a_run_comes_with_the_text_after_it():
    assert list(closed_runs("Tunggu apa lagi? Ya, 45 kali lagi")) == [
        ("", ["Tunggu", "apa", "lagi"], "? "),
        ("? ", ["Ya"], ", "),
        (" ", ["kali", "lagi"], ""),
    ]


def test_the_builder_counts_each_pair_apart_joined_after_a_comma_and_at_an_end(built):
    rows = count_rows(built / JOIN_USES_FILE)
    assert "ya itu\tyaitu" in (built / "joins.tsv").read_text(encoding="utf-8")
    assert rows["ya itu"] == [1, 31, 1, 31, 0, 1]  # apart once (after a comma), `yaitu` 31 times, once before `?`
    assert rows["dari pada"] == [0, 0, 0, 0, 0, 0]  # a curated compound is listed though the corpus never wrote it
    bigrams = (built / "bigrams.tsv").read_text(encoding="utf-8")
    assert not any(line.startswith((",", ".")) for line in bigrams.splitlines())  # the mark counts stay out of it


def test_the_loader_reads_a_row_and_says_none_without_one(built, tmp_path):
    assert Dictionary(built).join_uses("ya itu") == JoinUses(1, 31, 1, 31, 0, 1)
    assert Dictionary(built).join_uses("ya dia") is None
    for name in built.iterdir():
        if name.name != JOIN_USES_FILE:
            (tmp_path / name.name).write_bytes(name.read_bytes())
    assert Dictionary(tmp_path).join_uses("ya itu") is None


def test_the_shipped_table_agrees_with_the_shipped_joins_words_and_bigrams():
    """The shipped table is stale when its pairs or counts disagree with the tables a rebuild writes beside it."""
    folder = bundled_path()
    rows = count_rows(folder / JOIN_USES_FILE)
    d = Dictionary(folder)
    joins = dict(line.split("\t") for line in (folder / "joins.tsv").read_text(encoding="utf-8").splitlines())
    pairs = {**joins, **curated_pairs(d.compounds)}
    stale = "dictionaries/join_uses.tsv is stale: rebuild the dictionaries"
    assert list(rows) == sorted(pairs), stale
    for key, (apart, joined, apart_comma, joined_comma, apart_end, joined_end) in rows.items():
        assert joined == d.count(pairs[key]), f"{stale} ({key})"
        listed = d.bigram(*key.split(" "))
        assert listed == (apart if apart >= 2 else 0), f"{stale} ({key})"
        assert joined_comma <= joined and (not apart or apart_comma <= apart), f"{stale} ({key})"
        assert joined_end <= joined and (not apart or apart_end <= apart), f"{stale} ({key})"


def _spacing(speller, text):
    return [(i.word, i.suggestions) for i in speller.check(text) if i.category == "spacing"]


@pytest.mark.parametrize(
    "text",
    [
        "Kalau memang sampai betul, ya itu kenapa, kata dia.",
        "Semua yang terjadi, ya itu karena Tuhan.",
        "Kalau sudah begitu, ya itu susah, ujar dia.",
    ],
)
def test_ya_itu_after_a_comma_is_left_apart(speller, text):
    """News writes `ya itu` apart after a comma 1 in 110 times `yaitu` opens a clause there (interjection and `itu`),
    and the word after leans to `itu`."""
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Ada tiga kota, ya itu Jakarta, Bandung dan Surabaya.", "ya itu", "yaitu"),  # `yaitu Jakarta` outweighs
        ("Ada tiga kota: ya itu Jakarta, Bandung dan Surabaya.", "ya itu", "yaitu"),  # a colon: no comma evidence
        ("Mereka yang datang ya itu Budi dan Ani.", "ya itu", "yaitu"),
        ("Anak itu senang, apa lagi di hari libur.", "apa lagi", "apalagi"),  # 4 of 369 `, apalagi`: too few
    ],
)
def test_the_slip_is_still_joined_where_the_corpus_joins_it(speller, text, span, fix):
    assert _spacing(speller, text) == [(span, (fix,))]


def test_the_comma_rule_leaves_curated_compounds_and_needs_its_counts(speller):
    d = speller.dictionary
    assert spacing.split_word(d, "ya", "itu", after="kenapa", after_comma=True) is None
    assert spacing.split_word(d, "ya", "itu", after="kenapa") == "yaitu"  # not after a comma
    assert spacing.split_word(d, "ya", "itu", after="jakarta", after_comma=True) == "yaitu"  # `yaitu jakarta`
    assert spacing.split_word(d, "ya", "itu", after="kerja", after_comma=True) == "yaitu"  # neither seen: no lean
    assert spacing.split_word(d, "ya", "itu", after_comma=True) == "yaitu"  # no word after
    # `, atau pun` is written 10 times against 77 `, ataupun`, but a curated compound apart is a slip (EYD V)
    assert spacing.split_word(d, "atau", "pun", after_comma=True) == "ataupun"
    uses = d.join_uses("ya itu")
    assert uses is not None and uses.apart_after_comma >= spacing.MIN_APART_AFTER_COMMA
