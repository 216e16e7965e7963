"""Tests for speller.verdicts: the build-time verdict table agrees with the verdicts the checker computes."""

from __future__ import annotations

import random
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller import Speller
from speller.checker import KNOWN
from speller.dictionary import Dictionary
from speller.tables import bundled_path
from speller.verdicts import TABLE, capitalized, is_tabled, table_rows, tabled_forms

SAMPLE = 3000


@pytest.fixture(scope="module")
def shipped() -> Dictionary:
    return Dictionary(bundled_path())


def test_the_shipped_dictionary_has_a_table(shipped):
    assert shipped.verdicts, f"{TABLE} missing or empty: rebuild the dictionary (see dictionaries/README.md)"


def test_table_matches_computed_verdicts_on_a_sample(shipped):
    """A model or rule change without a rebuild of dictionaries/ fails here: rebuild with `speller build`."""
    computing = Speller(shipped)
    table = shipped.verdicts
    assert table is not None
    forms = list(tabled_forms(shipped.counts))
    curated = set(shipped.baku) | set(shipped.compounds) | shipped.closed_compounds | shipped.foreign
    edited = [f for f in forms if f.lower() in curated]  # a table edit changes exactly these
    sample = random.Random(13).sample(forms, SAMPLE) + sorted(table)[::20] + edited
    stale = []
    for form in sample:
        verdict = computing._computed_verdict(form)
        row = table.get(form)
        expected = None if verdict is KNOWN else f"{verdict.kind}\t{verdict.replacement}\t{verdict.confidence!r}"
        if row != expected:
            stale.append((form, row, expected))
    assert not stale, f"{len(stale)} stale verdicts, e.g. {stale[:5]}: rebuild dictionaries/ with `speller build`"


def test_a_table_answers_as_the_model_would(speller, shipped):
    table = shipped.verdicts
    assert table is not None
    checker = Speller(shipped)
    for form in sorted(table)[::50] + ["seperti", "Seperti", "sepeti", "Jakarta", "yg"]:
        assert checker._verdict(form) == checker._computed_verdict(form), form


def test_tabled_forms_are_the_lowercase_and_capitalized_listed_words():
    listed = {"jakarta": 1, "di": 2, "kawan-kawan": 3}
    assert list(tabled_forms(listed)) == ["jakarta", "Jakarta", "di", "Di", "kawan-kawan", "Kawan-kawan"]
    for form in tabled_forms(listed):
        assert is_tabled(form, listed)
    for form in ("JAKARTA", "jaKarta", "Kawan-Kawan", "dI", "jakart", "Jakarta’"):
        assert not is_tabled(form, listed), form
    assert capitalized("éclair") == "Éclair"


def test_without_a_table_verdicts_are_computed(tmp_path, shipped):
    folder = tmp_path / "dict"
    shutil.copytree(bundled_path(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py", TABLE))
    plain = Dictionary(folder)
    assert plain.verdicts is None
    checker = Speller(plain)
    tabled = Speller(shipped)
    for form in ("sepeti", "Sepeti", "dirumah", "kerjasama", "seperti", "resiko"):
        assert checker._verdict(form) == tabled._verdict(form), form


def test_extra_words_bypass_the_table(shipped):
    """A user's word changes its own verdict; an unlisted one (which can change any word's) turns the table off."""
    table = shipped.verdicts
    assert table is not None
    suspect = next(f for f, row in sorted(table.items()) if row.startswith("suspect\t") and f.islower())
    assert Speller(shipped)._verdict(suspect).kind == "suspect"
    assert Speller(shipped, words=[suspect])._verdict(suspect) is KNOWN
    assert Speller(shipped, words=[suspect])._verdict(capitalized(suspect)) is KNOWN
    assert Speller(shipped, words=[suspect])._verdict_table is table
    assert Speller(shipped, words=[suspect, "zebraku"])._verdict_table is None


def _computing(checker: Speller) -> Speller:
    """`checker` made to compute every verdict (its table switched off)."""
    checker.__dict__["_verdict_table"] = None
    return checker


def _derivations(word: str) -> list[str]:
    """A few affixed forms of `word` (whether listed or not)."""
    return [word + "nya", word + "kan", "di" + word, "ber" + word, "meng" + word, "pe" + word + "an", word + "-" + word]


@st.composite
def _lists_and_forms(draw: st.DrawFn, listed: list[str], roots: list[str], baku: list[str], rows: list[str]):
    pools = [listed, roots, baku, rows]
    words = draw(
        st.lists(
            st.one_of(
                *(st.sampled_from(pool) for pool in pools),
                st.builds(lambda w, d: _derivations(w)[d], st.sampled_from(roots), st.integers(0, 6)),
                st.text("abcdegikmnrstu", min_size=3, max_size=9),
            ),
            min_size=1,
            max_size=4,
        )
    )
    if draw(st.booleans()):  # the case the table serves: every extra word listed
        words = [w for w in words if w in listed] or [draw(st.sampled_from(listed))]
    near = [f for w in words for f in (w, capitalized(w), *_derivations(w), *map(capitalized, _derivations(w)))]
    forms = draw(st.lists(st.one_of(st.sampled_from(near), *(st.sampled_from(pool) for pool in pools)), max_size=6))
    return words, forms


@pytest.fixture(scope="module")
def pools(shipped) -> tuple[list[str], list[str], list[str], list[str]]:
    table = shipped.verdicts
    assert table is not None
    listed = sorted(shipped.counts)
    rng = random.Random(13)
    return (
        rng.sample(listed, 2000) + [f for f in sorted(table) if f.islower()][::40],
        sorted(shipped.roots),
        sorted(shipped.baku),
        sorted(table)[::7],
    )


def test_with_extra_words_the_table_answers_as_computing_would(shipped, pools):
    """Whatever the user's words, a table-backed verdict is the verdict a checker with those words computes."""

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_lists_and_forms(*pools))
    def check(case: tuple[list[str], list[str]]) -> None:
        words, forms = case
        tabled, computing = Speller(shipped, words=words), _computing(Speller(shipped, words=words))
        for form in forms:
            assert tabled._verdict(form) == computing._computed_verdict(form), (words, form)

    check()


def test_with_listed_extra_words_checking_the_seeds_is_unchanged(shipped, seed_texts):
    """End to end: a word list of listed words (some the table flags) gives the findings of a computing checker."""
    table = shipped.verdicts
    assert table is not None
    written = {w.lower() for text in seed_texts.values() for w in re.findall(r"\w+", text)}
    # listed words the table flags; an accepted non-standard root (baku.tsv) clears its derivations, so it turns the
    # table off (below)
    flagged = sorted(w for w in written if w in table and w in shipped.counts and w not in shipped.baku)
    assert flagged
    words = ["jakarta", "presiden", *flagged]
    tabled, computing = Speller(shipped, words=words), _computing(Speller(shipped, words=words))
    assert tabled._verdict_table is table
    for name, text in seed_texts.items():
        assert tabled.check(text) == computing.check(text), name
    assert Speller(shipped, words=[*words, "praktek"])._verdict_table is None


def test_a_malformed_table_is_refused(tmp_path):
    folder = tmp_path / "dict"
    shutil.copytree(bundled_path(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / TABLE).write_text("sepeti\tsuspect\n", encoding="utf-8")
    from speller.errors import DictionaryError

    with pytest.raises(DictionaryError, match=TABLE):
        _ = Dictionary(folder).verdicts


def test_the_shipped_table_is_sorted_and_holds_only_non_plain_forms(shipped):
    lines = (bundled_path() / TABLE).read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert all(line.split("\t")[1] != "known" and is_tabled(line.split("\t")[0], shipped.counts) for line in lines)


def test_table_rows_of_a_small_dictionary_equal_the_computed_verdicts(tmp_path, shipped):
    folder = tmp_path / "small"
    folder.mkdir()
    words = ["seperti", "sepeti", "di", "rumah", "dirumah", "kerjasama", "jakarta", "resiko"]
    (folder / "words.tsv").write_text("".join(f"{w}\t{shipped.count(w)}\t{shipped.count(w)}\n" for w in words))
    for name in ("bigrams.tsv", "deletes.tsv"):
        (folder / name).write_text("", encoding="utf-8")
    checker = Speller(str(folder))
    rows = table_rows(checker)
    assert rows == sorted(rows)
    by_form = {r.split("\t", 1)[0]: r.split("\t", 1)[1] for r in rows}
    for form in tabled_forms(words):
        verdict = checker._computed_verdict(form)
        assert by_form.get(form, "known\t\t0.0") == f"{verdict.kind}\t{verdict.replacement}\t{verdict.confidence!r}"
