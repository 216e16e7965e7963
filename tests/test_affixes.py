"""The affix-pattern table: the builder writes `affixes.tsv`, the checker reads it (or counts it) and scales the prior
of an unseen derivation by how productive its pattern is (`speller.model.affix_odds`)."""

from __future__ import annotations

import itertools
import math
import re
import shutil
from pathlib import Path

import pytest

import speller.model as model
from speller.build import write_affixes
from speller.checker import Speller
from speller.dictionary import AFFIXES_FILE, Dictionary, affixes_header
from speller.errors import DictionaryError
from speller.model import AFFIX_RARE_COUNT, BARE_PATTERN, affix_odds, rare_patterns
from speller.morphology import DERIVATIONAL_SUFFIXES, POOLED_CLASSES, PREFIX_RULES, PREFIX_SURFACES, derivation

SHIPPED = Path(__file__).resolve().parent.parent / "dictionaries"
PATTERN = re.compile(r"((?:[A-Za-z]+-)*)_(~_)?(?:-([a-z]+))?")


@pytest.fixture(scope="module")
def shipped() -> Speller:
    return Speller(Dictionary(SHIPPED))


def test_the_shipped_table_is_what_the_builder_counts_in_the_shipped_dictionary(shipped):
    """Fails when words.tsv, the roots, the morphology or AFFIX_RARE_COUNT changed without `affixes.tsv` being
    written again (`python -c "from pathlib import Path; from speller.build import write_affixes;
    write_affixes(Path('dictionaries'))"`, then the verdict table)."""
    d = shipped.dictionary
    loaded = d.affix_patterns(AFFIX_RARE_COUNT)
    assert loaded is not None, f"{AFFIXES_FILE} missing or made for another AFFIX_RARE_COUNT: rebuild it"
    counted = rare_patterns(d, shipped.morphology, lambda w: shipped._index.lookup(w, 1))
    assert loaded == {p: round(n, 2) for p, n in counted.items()}


def _readings(classes: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The prefix classes a pattern's classes may stand for: `pe` is also what peN- and per- write (`berpelatihan`)."""
    return list(itertools.product(*([k for k, forms in PREFIX_SURFACES.items() if c in (k, *forms)] for c in classes)))


def test_the_shipped_table_lints():
    header, *rows = (SHIPPED / AFFIXES_FILE).read_text(encoding="utf-8").split("\n")
    assert header == affixes_header(AFFIX_RARE_COUNT)
    assert rows.pop() == "", "the file ends with a line break"
    patterns = [row.split("\t")[0] for row in rows]
    assert patterns == sorted(set(patterns)), "sorted by pattern, each once"
    allowed = {(rule.classes, suffix) for rule in PREFIX_RULES for suffix in rule.suffixes}
    for row in rows:
        pattern, words = row.split("\t")
        assert float(words) >= 0, row
        match = PATTERN.fullmatch(pattern)
        assert match, f"{pattern!r}: not prefixes-_-suffix"
        classes = tuple(c for c in match.group(1).split("-") if c)
        assert all(c in PREFIX_SURFACES for c in classes), pattern
        assert not POOLED_CLASSES.keys() & set(classes), f"{pattern}: a pooled class is named by its pool"
        suffix = match.group(3) or ""
        assert suffix in ("", *DERIVATIONAL_SUFFIXES), pattern
        assert any((r, suffix) in allowed for r in _readings(classes)), f"{pattern}: no rule of PREFIX_RULES"
    assert BARE_PATTERN in patterns


@pytest.mark.parametrize(
    ("word", "pattern"),
    [
        ("serig", "se-_"),
        ("finali", "_-i"),
        ("dilakukan", "di-_-kan"),
        ("dilakukannya", BARE_PATTERN),  # a listed word with a clitic
        ("memperlihatkan", "meN-per-_-kan"),
        ("pemadam", "pe-_"),
        ("pengukuran", "peN-_-an"),
        ("berlari-lari", "ber-_~_"),
        ("tolong-menolong", "meN-_~_"),
        ("bekerja", "ber-_"),
        ("rumahnya", BARE_PATTERN),
    ],
)
def test_a_derivation_has_the_pattern_of_its_affixes(shipped, word, pattern):
    reading = derivation(shipped.morphology, word)
    assert reading is not None and reading.pattern == pattern


def test_affix_odds_rank_patterns_by_their_rare_words_around_the_average_rare_derivation():
    table = {BARE_PATTERN: 1000.0, "di-_": 200.0, "se-_": 50.0, "_-i": 40.0}
    assert affix_odds(table, BARE_PATTERN) == 0.0  # clitics attach to anything
    assert affix_odds(table, "di-_") > 0 > affix_odds(table, "se-_") > affix_odds(table, "_-i")
    assert affix_odds(table, "ke-_-i") < affix_odds(table, "_-i")  # a pattern the table lacks: half a word
    mean = sum(n * affix_odds(table, p) for p, n in table.items() if p != BARE_PATTERN) / 290
    assert mean == pytest.approx(0.0)  # the average rare derivation neither gains nor loses
    assert affix_odds({}, "se-_") == 0.0


def test_affix_odds_scale_with_the_weight(monkeypatch):
    table = {"di-_": 200.0, "se-_": 50.0}
    one = affix_odds(table, "se-_")
    monkeypatch.setattr(model, "AFFIX_WEIGHT", 2.0)
    assert affix_odds(table, "se-_") == pytest.approx(2 * one)
    monkeypatch.setattr(model, "AFFIX_WEIGHT", 0.0)
    assert affix_odds(table, "se-_") == 0.0


def test_se_and_a_bare_i_make_fewer_rare_words_than_men_and_di(shipped):
    """The shipped table says what the issue says: se- + root and -i alone are rarer derivations than meN-, di-."""
    table = shipped._affix_patterns
    assert affix_odds(table, "se-_") < 0 and affix_odds(table, "_-i") < 0
    assert affix_odds(table, "meN-_") > 0 and affix_odds(table, "di-_") > 0


def test_an_unseen_derivation_of_a_rare_pattern_is_less_likely_than_of_a_common_one(shipped):
    """`serig` (se + rig) and `disusu` (di + susu) are both unseen derivations of roots common enough to reach
    MAX_UNSEEN_COUNT; the rarer pattern makes the lower prior."""
    assert shipped._prior("serig", False).log_p < shipped._prior("disusu", False).log_p


def test_a_written_prior_without_productivity_keeps_the_flat_share(shipped):
    import math

    from speller.model import MAX_UNSEEN_COUNT, written_prior

    d = shipped.dictionary
    flat = written_prior(d, "serig", [], root_count=lambda: 10**4, capitalized=False)
    assert flat.log_p == pytest.approx(math.log(MAX_UNSEEN_COUNT / d.total))
    scaled = written_prior(d, "serig", [], root_count=lambda: 10**4, capitalized=False, productivity=lambda: -1.5)
    assert scaled.log_p == pytest.approx(flat.log_p - 1.5)


def test_sekuli_alone_is_a_slip_of_sekali(shipped):
    """Blind-spot seed 1: `sekuli` (sekul + i, a root the corpus never shows, and -i alone makes few words)."""
    found = shipped.check("sekuli")
    assert found and found[0].suggestions[0] == "sekali"


def test_a_folder_without_the_table_counts_it(tmp_path, shipped):
    for name in ("words.tsv", "roots.txt", "deletes.tsv", "deletes.idx", "meta.json"):
        shutil.copy(SHIPPED / name, tmp_path / name)
    d = Dictionary(tmp_path)
    assert d.affix_patterns(AFFIX_RARE_COUNT) is None
    counted = Speller(d)._affix_patterns
    assert {p: round(n, 2) for p, n in counted.items()} == shipped.dictionary.affix_patterns(AFFIX_RARE_COUNT)


def test_a_table_is_read_only_for_the_count_it_names(tmp_path):
    (tmp_path / "words.tsv").write_text("dibaca\t9\t9\n", encoding="utf-8")
    (tmp_path / AFFIXES_FILE).write_text(f"{affixes_header(AFFIX_RARE_COUNT)}\ndi-_\t3.5\n_\t7\n", encoding="utf-8")
    d = Dictionary(tmp_path)
    assert d.affix_patterns(AFFIX_RARE_COUNT) == {"di-_": 3.5, "_": 7.0}
    assert d.affix_patterns(AFFIX_RARE_COUNT + 1) is None


def test_a_broken_table_is_an_error(tmp_path):
    (tmp_path / "words.tsv").write_text("dibaca\t9\t9\n", encoding="utf-8")
    (tmp_path / AFFIXES_FILE).write_text(f"{affixes_header(AFFIX_RARE_COUNT)}\ndi-_\tmany\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="row 1"):
        Dictionary(tmp_path).affix_patterns(AFFIX_RARE_COUNT)


def test_the_builder_writes_the_table_the_checker_counts(tmp_path, shipped):
    for name in ("words.tsv", "roots.txt", "deletes.tsv", "deletes.idx", "meta.json"):
        shutil.copy(SHIPPED / name, tmp_path / name)
    assert write_affixes(tmp_path) == len(shipped.dictionary.affix_patterns(AFFIX_RARE_COUNT) or {})
    assert (tmp_path / AFFIXES_FILE).read_bytes() == (SHIPPED / AFFIXES_FILE).read_bytes()


def test_a_root_the_corpus_never_shows_is_not_lent_the_derivations_of_another_root(shipped):
    """`kujung` (dev: `kujungannya` for kunjungannya) is a root of the lexicon the corpus never shows; its family form
    `pengujung` is peng + `ujung`, a root the corpus shows, so it says nothing of `kujung`. `tangkal` keeps the
    family only it explains (`menangkal`, `penangkal`)."""
    d = shipped.dictionary
    assert d.count("kujung") == 0 and d.count("pengujung") > 0
    assert shipped._base_count("kujungannya") == 0
    assert shipped._base_count("tangkal") == d.count("menangkal") + d.count("ditangkal") + d.count("penangkal")


@pytest.mark.parametrize("table", ["shipped", {}, {model.BARE_PATTERN: 4.0}, {"meN-": 0.0, "di-": 2.0}])
def test_affix_odds_from_a_mean_worked_out_once_are_the_same_numbers(table):
    """`Speller` works `affix_mean` out once and asks `affix_odds_at`: the very floats the mean worked out per pattern
    gave (`_odds_per_pattern`, the formula as it was)."""
    speller = Speller()
    patterns = speller._affix_patterns if table == "shipped" else table
    asked = [*patterns, model.BARE_PATTERN, "ke-an", "no-such-pattern"]
    mean = model.affix_mean(patterns)
    expected = [_odds_per_pattern(patterns, p) for p in asked]
    assert [model.affix_odds_at(patterns, p, mean) for p in asked] == expected
    assert [model.affix_odds(patterns, p) for p in asked] == expected
    if table == "shipped":
        mean = speller._affix_mean  # the mean the speller works out once and asks with
        assert {p: model.affix_odds_at(patterns, p, mean) for p in patterns} == {
            p: _odds_per_pattern(patterns, p) for p in patterns
        }


def _odds_per_pattern(patterns: dict[str, float], pattern: str) -> float:
    made = [(n, math.log(n + 0.5)) for p, n in patterns.items() if p != model.BARE_PATTERN and n]
    if not made or pattern == model.BARE_PATTERN:
        return 0.0
    mean = sum(n * log_n for n, log_n in made) / sum(n for n, _ in made)
    return model.AFFIX_WEIGHT * (math.log(patterns.get(pattern, 0) + 0.5) - mean)
