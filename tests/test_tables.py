"""The curated data tables under dictionaries/, checked as codespell checks its dictionaries.

Each table: UTF-8, `\\n` line ends, a header comment, no blank or padded lines, lowercase (but a right form that is
a name EYD V capitalizes: `November`), sorted by key in code-point order, unique keys, every row with all its
columns (the basis too). Across
tables: no wrong form that another table accepts, no chains (a right form that is itself listed
as wrong), compounds that differ only in spacing, and the word lists the rules read
(`root_classes.tsv`, `spacing_words.tsv`) agree with the tables that use the same words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speller import morphology, spacing
from speller.tables import word_classes

DICTIONARIES = Path(__file__).resolve().parents[1] / "dictionaries"
#: Curated tab-separated tables: name -> (columns, columns forming the key).
TABLES = {
    "baku.tsv": (3, 1),
    "baku_endings.tsv": (3, 1),
    "compounds.tsv": (3, 1),
    "join_priors.tsv": (4, 1),
    "root_classes.tsv": (3, 2),
    "spacing_words.tsv": (3, 2),
    "spacing_glued.tsv": (3, 2),
}
#: Curated one-word-per-line lists; kpst_exceptions.txt is grouped under explaining comments, not sorted.
WORD_LISTS = {"closed_compounds.txt": True, "foreign.txt": True, "kpst_exceptions.txt": False}
#: The classes the code reads from each class table.
CLASSES = {
    "root_classes.tsv": {"r_dropping", "bel_pel", "ber_kan", "ke", "ke_stem", "se_stem", "compound", "wan"},
    "spacing_words.tsv": {
        "bound",
        "bound_or_free",
        "bound_or_verb",
        "free_after",
        "apart_from_pun",
        "negation",
        "not_suffix",
        "never_doubled",
        "confix",
    },
    "spacing_glued.tsv": {"abbreviation", "domain", "company", "keeps_mark", "code", "unit", "currency"},
}


def _text(name: str) -> str:
    return (DICTIONARIES / name).read_bytes().decode("utf-8")


def _data(name: str) -> list[str]:
    return [line for line in _text(name).split("\n") if line and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _data(name)]


def _pairs(name: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(name)}


def _words(name: str) -> set[str]:
    return set(_data(name))


@pytest.mark.parametrize("name", [*TABLES, *WORD_LISTS, "name_variants.tsv"])
def test_plain_text_layout(name: str):
    text = _text(name)
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
    assert text.startswith("#"), "opens with a header comment naming its columns"
    for n, line in enumerate(text.split("\n")[:-1], 1):
        assert line, f"{name}:{n}: blank line"
        assert line == line.strip(), f"{name}:{n}: padded line"
        assert line.startswith("#") or "  " not in line, f"{name}:{n}: double space in a data row"


@pytest.mark.parametrize("name", TABLES)
def test_rows_are_complete_sorted_and_unique(name: str):
    columns, key_width = TABLES[name]
    rows = _rows(name)
    assert rows
    for row in rows:
        assert len(row) == columns and all(cell.strip() for cell in row), f"{name}: incomplete row {row}"
        assert all(cell == cell.lower() for cell in row[:key_width]) and row[0] == row[0].lower(), row
    keys = [tuple(row[:key_width]) for row in rows]
    assert keys == sorted(keys), f"{name}: not sorted by key (code points)"
    assert len(keys) == len(set(keys)), f"{name}: duplicate keys"
    if key_width == 2:  # a class table: one class per word
        words = [row[0] for row in rows]
        assert len(words) == len(set(words)), f"{name}: a word in two classes"


def test_name_variants_are_sorted_unique_letter_pairs():
    rows = _rows("name_variants.tsv")
    assert rows
    for row in rows:
        assert len(row) == 3 and row[2].strip(), f"incomplete row {row}"
        one, other = row[:2]
        assert re.fullmatch("[a-z]+", one) and re.fullmatch("[a-z]+", other), row
        assert one < other, f"the first spelling sorts first: {row}"
    pairs = [tuple(row[:2]) for row in rows]
    assert pairs == sorted(pairs) and len(pairs) == len(set(pairs))


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_are_lowercase_sorted_and_unique(name: str):
    words = _data(name)
    assert words
    assert all(w == w.lower() and "\t" not in w and " " not in w for w in words)
    assert len(words) == len(set(words)), f"{name}: duplicates"
    if WORD_LISTS[name]:
        assert words == sorted(words), f"{name}: not sorted (code points)"


@pytest.mark.parametrize("name", ["baku.tsv", "baku_endings.tsv", "compounds.tsv"])
def test_no_row_maps_a_form_to_itself_or_into_a_chain(name: str):
    pairs = _pairs(name)
    assert not [w for w, r in pairs.items() if w == r]
    assert not [r for r in pairs.values() if r.lower() in pairs], "a right form is listed as wrong"


@pytest.mark.parametrize("name", ["baku.tsv", "compounds.tsv"])
def test_a_right_form_is_capitalized_exactly_when_it_is_a_name_eyd_capitalizes(name: str):
    """A month's name, a holiday's: `nopember -> November` (a lowercase `november` was flagged by `check` once `fix`
    wrote it); its basis says so. Every other right form is lowercase, and the wrong forms always are."""
    calendar = _words("calendar_names.txt")
    for wrong, right, basis in _rows(name):
        named = "capitalized" in basis
        assert right == (right[:1].upper() + right[1:].lower() if named else right.lower()), (wrong, right, basis)
        assert named or right.lower() not in calendar, f"{name}: {wrong} -> {right}: a month or a day is capitalized"


def test_no_wrong_form_is_accepted_elsewhere():
    accepted = _words("closed_compounds.txt") | _words("foreign.txt")
    for name in ("baku.tsv", "compounds.tsv"):
        wrong = set(_pairs(name))
        assert not wrong & accepted, f"{name}: listed as wrong but accepted: {sorted(wrong & accepted)}"
    assert not set(_pairs("baku.tsv")) & set(_pairs("compounds.tsv")), "one form, two corrections"


def test_compounds_differ_only_in_spacing():
    """Only spaces differ, or a hyphen the wrong form holds where the right one has a space (`gotong-royong`)."""
    for wrong, right in _pairs("compounds.tsv").items():
        right = right.lower()  # a name's capital (`Idulfitri`): test_a_right_form_is_capitalized_exactly_...
        assert wrong.replace("-", "").replace(" ", "") == right.replace("-", "").replace(" ", ""), (wrong, right)
        assert right.count("-") <= wrong.count("-") and [c for c in wrong if c in " -"] != [
            c for c in right if c in " -"
        ]
        assert wrong.count(" ") + right.count(" ") >= 1 and "  " not in wrong + right


#: EYD V's -pun conjunctions, written closed (every other `pun` is written apart: `apa pun`, `siapa pun`).
PUN_CONJUNCTIONS = {
    "adapun", "andaipun", "ataupun", "bagaimanapun", "biarpun", "kalaupun",
    "kendatipun", "maupun", "meskipun", "sekalipun", "sungguhpun", "walaupun",
}  # fmt: skip


def test_every_pun_conjunction_of_eyd_is_closed():
    """All twelve are accepted closed; written apart each is joined, but `sekali pun` ('even once'), a rule's."""
    assert _words("closed_compounds.txt") >= PUN_CONJUNCTIONS
    joined = {right for wrong, right, basis in _rows("compounds.tsv") if "-pun conjunction" in basis}
    assert joined == PUN_CONJUNCTIONS - {"sekalipun"}


@pytest.mark.parametrize("name", CLASSES)
def test_class_tables_hold_exactly_the_classes_the_code_reads(name: str):
    assert set(word_classes(name)) == CLASSES[name]


def test_root_class_basis_is_a_derivation_of_its_root():
    for root, cls, basis in _rows("root_classes.tsv"):
        assert root in basis and root != basis, (root, cls, basis)


def test_root_classes_use_known_roots():
    assert (DICTIONARIES / "roots.txt").is_file(), "the shipped dictionary is built with --roots sastrawi"
    roots = _words("roots.txt")
    for root, cls, _ in _rows("root_classes.tsv"):
        if cls == "compound":  # written solid only when affixed: two roots side by side
            assert any(root[:i] in roots and root[i:] in roots for i in range(2, len(root) - 1)), root
        elif cls != "ke":  # ke- also takes numerals (kesepuluh, keseratus)
            assert root in roots, (root, cls)


def test_every_bound_form_the_compounds_table_names_is_a_bound_form():
    """The drift that once left manca-, nara- and maha- out of the spacing rules."""
    named = set()
    for _, _, basis in _rows("compounds.tsv"):
        found = re.search(r"\bbound form (\w+)- attached|\b(\w+)- \+ base word attached", basis)
        if found:
            named.add(found.group(1) or found.group(2))
    assert {"manca", "nara", "maha", "non", "pasca"} <= named  # the pattern still reads the table
    assert named <= spacing.BOUND_FORMS, sorted(named - spacing.BOUND_FORMS)


def test_modules_read_the_tables():
    classes = word_classes("root_classes.tsv")
    assert morphology.BER_KAN_ROOTS == classes["ber_kan"] and "dasar" in morphology.BER_KAN_ROOTS
    assert morphology.KE_ROOTS == classes["ke"] and "dua" in morphology.KE_ROOTS
    spacing_classes = word_classes("spacing_words.tsv")
    assert spacing.BOUND_ONLY == spacing_classes["bound"] and {"non", "manca", "nara"} <= spacing.BOUND_ONLY
    assert spacing.PUN_APART == spacing_classes["apart_from_pun"] == {"sekali"}
    assert not spacing.BOUND_ONLY & spacing.BOUND_OR_FREE
