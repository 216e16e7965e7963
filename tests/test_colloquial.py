"""Casual nasal forms of verbs (`ngukur`, `nyusun`, `nembak`, `ngeluh`): dictionaries/colloquial_prefixes.tsv."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

TABLE = Path(__file__).resolve().parent.parent / "dictionaries" / "colloquial_prefixes.tsv"


def _rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


def test_table_is_sorted_and_well_formed(speller):
    rows = _rows()
    assert rows == sorted(rows) and len({tuple(r[:3]) for r in rows}) == len(rows)
    for written, restored, before, root, made in rows:
        assert written in {"m", "n", "ng", "nge", "ny"}, written
        assert restored == "-" or (len(restored) == 1 and restored.isalpha() and restored not in "aeiou"), restored
        assert before in {"vowel", "consonant"} and root in {"verb", "any"} and made.isdigit()
    assert len(speller._colloquial_prefixes) == len(rows)


def test_each_pattern_makes_the_rare_words_its_row_counts(speller):
    """The last column is measured: the rare words each row makes in the dictionary (as `benchmarks.colloquial`
    counts them), within half of it either way after a rebuild; a row making fewer than 5 is no pattern in use."""
    from benchmarks.colloquial import made_words

    counted = made_words(speller)
    for written, restored, before, _, made in _rows():
        n = counted[(written, "" if restored == "-" else restored, before == "vowel")]
        assert n >= 3 and 0.5 * n <= int(made) <= 1.5 * n, (written, restored, n, made)


@pytest.mark.parametrize(
    ("text", "word"),
    [  # words the build corpus writes once or twice, in made-up sentences: each was flagged before the table
        ("Polisi terpaksa nembak ke udara.", "nembak"),  # tembak
        ("Petani mulai nanam padi bulan ini.", "nanam"),  # tanam
        ("Kami ngukur jalan itu kemarin.", "ngukur"),  # ukur
        ("Dia lagi nyusun laporan akhir tahun.", "nyusun"),  # susun
        ("Warga ngeluh soal jalan rusak.", "ngeluh"),  # ng- for k: keluh
        ("Sore itu kami ngeteh di teras.", "ngeteh"),  # nge- + teh
        ("Mereka nyontoh cara negara lain.", "nyontoh"),  # contoh
        ("Pemain itu nerusin kariernya di Eropa.", "nerusin"),  # terus + -in
        ("Dia suka nyalahin orang lain.", "nyalahin"),  # salah + -in
        ("Warga nuntut ganti rugi.", "nuntut"),  # tuntut
        ("Warga terpaksa ngungsi ke masjid.", "ngungsi"),  # ungsi: the corpus writes only mengungsi, pengungsi
        ("Preman itu nodong sopir angkot.", "nodong"),  # todong, seen only prefixed
        ("Dia ngusik tetangganya.", "ngusik"),  # usik, seen only prefixed
    ],
)
def test_a_casual_form_of_a_root_in_use_is_accepted(speller, text, word, monkeypatch):
    from speller import Speller, model

    assert speller.dictionary.count(word) == 0
    assert speller._colloquial_count(word) is not None
    assert [i.word for i in speller.check(text)] == []
    monkeypatch.setattr(model, "LOG_ATTESTED", -math.inf)  # nor the second witness (wordfreq knows `nembak`)
    monkeypatch.setattr(model, "FAR_LETTER_COST", 0.0)  # nor a short word's far reading (`ngukur`: mengukur, two edits)
    plain = Speller(speller.dictionary, picky=True)  # what the model flags, under FLAG_CONFIDENCE too
    plain.__dict__["_colloquial_prefixes"] = ()  # without the table, the word is a slip
    assert word in [i.word for i in plain.check(text)]


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Dia nidak datang kemarin.", "nidak", "tidak"),  # one letter from a frequent word: a slip
        ("Warga negar ini bangga.", "negar", "negara"),  # `teri` is in use, `negara` far more
        ("Dia nenjadi ketua partai.", "nenjadi", "menjadi"),  # `tenjadi` is no root
        ("Dia ngatakan hal itu.", "ngatakan", "mengatakan"),  # `katakan` is no root: kata + -kan
        # `ini` takes no meN-: no verb a casual nasal stands for; `gini` (one edit, seen after `jadinya`, a word the
        # checker leaves) is read before `ini` (two edits) when the candidates are ranked among themselves (rank24)
        ("Jadinya ngini saja.", "ngini", "gini"),
        ("Saya ngoleh uang itu.", "ngoleh", "boleh"),  # nor does `oleh`
    ],
)
def test_a_slip_that_looks_casual_stays_a_slip(picky, text, word, fix):
    assert (word, fix) in [(i.word, i.suggestion) for i in picky.check(text)]


def test_a_nasal_form_needs_a_verb_nge_takes_a_noun(speller):
    """ng-/ny-/n- stand for meN-, so their root is one the corpus shows with meN- or di-; nge- makes casual verbs of
    nouns (`ngeteh`: teh, `ngegas`: gas)."""
    assert speller._is_verb("ukur") and not speller._is_verb("ini")
    assert speller._colloquial_count("ngini") is None
    assert [root for _, root in speller._colloquial_roots("ngeteh")] == ["teh"]


def test_a_casual_form_needs_a_root_of_the_lexicon_in_use(speller):
    """`ngatakan` reads no root; `nyapu` reads `sapu`, counted with its family, and `ngomongin` omong + -in; a verb's
    root counts its family even if the corpus never shows it bare (`ngungsi`: mengungsi, pengungsi)."""
    d = speller.dictionary
    assert speller._colloquial_count("ngatakan") is None
    assert speller._colloquial_count("nyapu") is not None and speller._colloquial_count("nyapu")[0] >= d.count("sapu")
    assert any(root == "omong" for _, root in speller._colloquial_roots("ngomongin"))
    assert d.count("ungsi") == 0 and speller._colloquial_count("ngungsi")[0] >= d.count("mengungsi")


def test_a_malformed_row_is_a_dictionary_error(tmp_path):
    """A row whose count is no number is one clear error naming the file and row, not a traceback."""
    from speller.build import BuildOptions, build
    from speller.dictionary import Dictionary
    from speller.errors import DictionaryError

    (tmp_path / "src").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "src" / name).write_text("di luar angkasa beberapa kali\n" * 5, encoding="utf-8")
    build([tmp_path / "src"], tmp_path / "dict", options=BuildOptions(min_count=2, min_sources=2), jobs=1)
    (tmp_path / "dict" / "colloquial_prefixes.tsv").write_text("ng\t-\tvowel\tverb\tmany\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="colloquial_prefixes.tsv: row 1"):
        _ = Dictionary(tmp_path / "dict").colloquial_prefixes
