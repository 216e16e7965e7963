"""A space typed one letter off, or inside a word: one finding over both tokens (`speller.shifted`, issue #10)."""

from __future__ import annotations

import pytest

from speller.checker import TYPO
from speller.shifted import is_shift, shifted_readings


def test_shifted_readings_move_the_space_either_way_or_take_it_out():
    assert shifted_readings("dil", "uar") == ["di luar", "dilu ar", "diluar"]
    assert shifted_readings("denga", "npasal") == ["deng anpasal", "dengan pasal", "denganpasal"]
    assert shifted_readings("d", "isana") == ["di sana", "disana"]  # no reading leaves a one-letter word
    assert is_shift(("masyara", "kat"), "masyarakat")
    assert not is_shift(("dala", "mrumah"), "dalam mrumah")  # one token fixed alone is no shift


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("Ia duduk dala mrumah itu sejak pagi.", "dala mrumah", "dalam rumah"),  # space one letter left
        ("Tersangka dijerat denga npasal penipuan.", "denga npasal", "dengan pasal"),  # one letter right
        ("Warga tinggal d isana sejak lama.", "d isana", "di sana"),
        ("Tidak ada keluhan dari masyara kat sekitar.", "masyara kat", "masyarakat"),  # a space inside a word
        ("Kantor itu berada dil uar kota.", "dil uar", "di luar"),
    ],
)
def test_a_shifted_space_is_one_finding_over_both_words(speller, text, span, fixed):
    issues = [i for i in speller.check(text) if i.category == TYPO]
    assert [(i.word, i.suggestions[0]) for i in issues] == [(span, fixed)]
    # its own calibration kind (`shifted`: 16 real errors of 19 judged flags) reports under FIX_CONFIDENCE, so plain
    # `fix` leaves it to the writer; taken at its confidence, both tokens are replaced at once
    assert speller.correct(text) == text
    corrected = speller.correct(text, min_confidence=issues[0].confidence)
    assert corrected == text.replace(span, fixed)
    assert speller.correct(corrected, min_confidence=issues[0].confidence) == corrected  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "Ia pergi ke mana saja hari itu.",  # two words as meant
        "Ana pergi ke pasar pagi tadi.",
        "Mereka bekerja sama dengan Ana sejak lama.",  # a name is no shifted `sana`
        "Saya makan nasi goreng di warung itu.",
        "Rapat itu membahas anggaran di dalam negeri.",
    ],
)
def test_words_as_meant_are_not_read_as_a_shifted_space(speller, text):
    assert [i.word for i in speller.check(text) if " " in i.word and i.category == TYPO] == []


@pytest.mark.parametrize(
    ("text", "span", "fixed", "category"),
    [
        # a KPST rule's fix the corpus never writes yields to a typo candidate the model is sure of
        ("Saya tidak pernah mengkuti acara itu.", "mengkuti", "mengikuti", "typo"),
        # a rule's fix is written in its own standard form, so `fix` needs one pass
        ("Semua barang di masukan ke gudang.", "di masukan", "dimasukkan", "spacing"),
        ("Dinas itu mengkordinasikan semua pihak.", "mengkordinasikan", "mengoordinasikan", "nonstandard"),
        # the rule still wins where its fix is the word meant
        ("Pemerintah mengkonsolidasi anggaran daerah.", "mengkonsolidasi", "mengonsolidasi", "nonstandard"),
        ("Mereka mempengaruhi pemilih muda.", "mempengaruhi", "memengaruhi", "nonstandard"),
    ],
)
def test_a_rule_fix_competes_with_typo_candidates(speller, text, span, fixed, category):
    issues = speller.check(text)
    assert [(i.word, i.suggestions[0], i.category) for i in issues] == [(span, fixed, category)]
    corrected = speller.correct(text)
    assert speller.correct(corrected) == corrected


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        pytest.param(  # a glued function word
            "Klub itu menerima pemain amatirdan keluarga mereka.",
            "amatirdan",
            "amatir dan",
            # rank24: among the candidates `amatiran` (3 in the corpus, never beside either neighbour, where chance
            # would not have shown it) outweighs `amatir` and `dan` (0.65 to 0.35) with the phrase's inside pair
            # priced as a word's neighbour is (`speller.model._log_inside`); main's flat charge on unseen pairs had
            # put the phrase first. A miss: the channel prices a lost space as any letter left out.
            marks=pytest.mark.xfail(strict=True, reason="rank24 ranks amatiran before amatir dan (issue #10)"),
        ),
        ("Ia mulai dikenal dikanca musik nasional.", "dikanca", "di kancah"),  # a glued preposition and a slip
    ],
)
def test_a_glued_word_with_its_space_lost_is_read_apart(speller, text, span, fixed):
    issues = speller.check(text)
    assert [(i.word, i.suggestions[0]) for i in issues] == [(span, fixed)]


def test_a_pair_the_corpus_writes_is_not_joined_as_a_shifted_space(speller):
    # `cum` and `laude` alone read as slips to the prior, but news writes `cum laude` apart
    text = "Ia lulus dengan predikat summa cum laude tahun lalu."
    assert [i.word for i in speller.check(text) if " " in i.word] == []


def test_a_reading_never_writes_one_word_twice(speller):
    # `di'di`: the preposition glued to a slip of `di` would read `di di`, which the doubled-word reading takes
    # away again, so `fix` was not idempotent (CI's hypothesis property, tests/test_fuzz.py).
    from speller.shifted import split_readings

    d = speller.dictionary
    assert "di di" not in split_readings(d, "di'di", lambda rest: speller._index.lookup(rest, 1))
    once = speller.correct("Ia bilang di'di rumah.")
    assert "di di" not in once
    assert speller.correct(once) == once
