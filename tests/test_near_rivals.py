"""Issue 10: an unattested derivation one edit from a far more frequent listed word (`speller.model.rival_bounded`,
`LOG_OMITTED_RIVAL`): slips read as derivations are caught, genuine derivations beside such a word stay accepted."""

from __future__ import annotations

import math

import pytest

from speller.model import DISCOUNT_RATIO, RIVAL_FAMILY_SHARE, rival_bounded


def _typos(speller, text: str) -> list[tuple[str, str | None]]:
    return [(i.word, i.suggestion) for i in speller.check(text) if i.category == "typo"]


def test_a_family_is_bounded_by_a_share_of_a_far_more_frequent_rival_only():
    assert rival_bounded(5000.0, 0) == 5000.0
    assert rival_bounded(5000.0, DISCOUNT_RATIO - 1) == 5000.0  # no far more frequent word one edit away
    assert rival_bounded(5000.0, 1000) == pytest.approx(RIVAL_FAMILY_SHARE * 1000)
    assert rival_bounded(20.0, 1000) == 20.0  # a family smaller than the share keeps its count
    assert rival_bounded(0.0, 1000) == 0.0  # an unseen root's derivation stays one


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Sinetron itu dibintang aktor terkenal.", "dibintang", "dibintangi"),  # a letter left out
        ("Ia bekerja untuk meyakinkah pemerintah daerah.", "meyakinkah", "meyakinkan"),
        ("Ia membuat kepulaian itu terkenal.", "kepulaian", "kepulauan"),
        ("Di ruang itu terapat banyak buku lama.", "terapat", "terdapat"),
        ("Ia memuka pintu rumahnya.", "memuka", "membuka"),
    ],
)
def test_a_slip_read_as_a_derivation_beside_a_frequent_word_is_caught(speller, text, word, fix):
    assert (word, fix) in _typos(speller, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jaksa berperan sebagai penindak pelanggaran.",  # beside menindak
        "Ia ingin menjadi penyentuh garis pertama.",  # beside menyentuh
        "Salad itu didinginkan dahulu.",  # beside diinginkan
        "Ia dicakar kucing tetangga.",  # beside dibakar
        "Semangatnya tidak meluntur sedikit pun.",  # beside meluncur
        "Mereka melatih pelangkah muda.",  # beside melangkah
    ],
)
def test_a_genuine_derivation_beside_a_frequent_word_stays_accepted(speller, text):
    assert _typos(speller, text) == []


def test_a_left_out_letter_of_a_near_rival_lowers_the_derivation_reading(speller):
    from speller.model import LOG_OMITTED_RIVAL

    assert speller._rival_odds("memuka") == LOG_OMITTED_RIVAL  # membuka
    assert speller._rival_odds("penindak") == 0.0  # menindak: another letter in place of one
    near = [w for w, _ in speller._near_rivals("finali")]
    assert "finalis" in near and "final" not in near  # its own root is no rival
    assert speller._rival_odds("finali") == LOG_OMITTED_RIVAL


def test_the_derivation_reading_of_a_big_family_beside_a_smaller_rival_is_bounded(speller):
    d = speller.dictionary
    family = speller._base_count("didagangkan")
    rival = d.count("didatangkan")
    assert family is not None and rival >= DISCOUNT_RATIO and family > RIVAL_FAMILY_SHARE * rival
    assert speller._root_count("didagangkan", False) == pytest.approx(RIVAL_FAMILY_SHARE * rival)
    assert speller._root_count("didagangkan", True) == family  # a capitalized word may be a name: left alone
    assert math.isfinite(speller._prior("didagangkan", False).log_p)


def test_a_verb_cut_short_of_its_suffix_loses_more_than_a_letter_left_out(speller):
    from speller.model import LOG_OMITTED_RIVAL, LOG_TRUNCATED_VERB

    assert speller._truncates("dibintang", "dibintangi") and speller._truncates("menjuara", "menjuarai")
    assert speller._rival_odds("dibintang") == LOG_OMITTED_RIVAL + LOG_TRUNCATED_VERB
    assert not speller._truncates("terapat", "terdapat")  # a letter left out inside the word
    assert not speller._truncates("finali", "finalis")  # -s is no verb suffix
    assert not speller._truncates("sesua", "sesuai")  # sesuai is no suffixed verb of `sua`
    assert speller._rival_odds("terapat") == LOG_OMITTED_RIVAL


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Rambutnya diwarna pirang.", "diwarna", "diwarnai"),
        ("Ia ditugaskan mewakil presiden.", "mewakil", "mewakili"),
        ("Ia ingin melindung keluarganya.", "melindung", "melindungi"),
    ],
)
def test_a_verb_cut_short_of_its_suffix_is_caught(speller, text, word, fix):
    assert (word, fix) in _typos(speller, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ia diaku sebagai anak angkat oleh keluarga itu.",  # beside diakui
        "Gaya mengendara yang terlalu cepat berbahaya.",  # beside mengendarai
    ],
)
def test_a_genuine_bare_verb_beside_its_suffixed_form_stays_accepted(speller, text):
    assert _typos(speller, text) == []
