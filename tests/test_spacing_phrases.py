"""Spacing flags on genuine phrases (issue 10): a bound form that is also a word (`pro dan kontra`), a bound form
before a function word (`sine qua non terhadap`). Sentences are made up; the slips beside them are still joined."""

from __future__ import annotations

import pytest

from speller import spacing


def _spacing(speller, text):
    return [(i.word, i.suggestions) for i in speller.check(text) if i.category == "spacing"]


@pytest.mark.parametrize(
    "text",
    [
        "Sikap pro kontra hadir di tengah warga.",
        "Kelompok kontra kepemimpinan ketua itu menolak.",
        "Warga pro dan kontra karena aturan baru itu.",
        "Syarat itu sine qua non terhadap hasilnya.",
    ],
)
def test_a_genuine_phrase_with_a_bound_form_is_left_alone(speller, text):
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Sikap itu kontra produktif bagi tim.", "kontra produktif", "kontraproduktif"),
        ("Harga BBM non subsidi naik lagi.", "non subsidi", "nonsubsidi"),
        ("Pegawai non kementerian ikut rapat.", "non kementerian", "nonkementerian"),
    ],
)
def test_a_bound_form_written_apart_is_still_joined(speller, text, span, fix):
    assert (span, (fix,)) in _spacing(speller, text)


def test_kontra_is_read_as_a_bound_form_that_is_also_a_word():
    assert "kontra" in spacing.BOUND_OR_FREE and "kontra" not in spacing.BOUND_ONLY
    assert {"terhadap", "karena"} <= spacing.NEVER_DOUBLED  # the function words no bound form is joined to


@pytest.mark.parametrize(
    "text",
    [
        "Kalau ada yang bilang begitu, ya itu memang benar adanya.",  # `itu memang`, not `yaitu memang`
        "Pesawat itu disiapkan untuk melawan lawan yang kuat.",  # a me- verb and its root as its object
        # curated compounds whose apart form is a phrase here
        "Ia fokus pada hal ini sejak awal.",  # `pada hal` 'on the matter', not `padahal` 'whereas'
        "Mereka percaya pada hal yang sama.",
        "Tantangan yang ada pun tak ubahnya batu loncatan.",  # `ada` + the particle `pun` 'also'
    ],
)
def test_a_genuine_phrase_that_news_writes_joined_elsewhere_is_left_alone(speller, text):
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Pekerjaan itu di lakukan oleh warga.", "di lakukan", "dilakukan"),
        ("Ada tiga hal, ya itu kerja, doa, dan usaha.", "ya itu", "yaitu"),
        ("Dia suka olah raga setiap pagi.", "olah raga", "olahraga"),
        ("Mereka hanya melihat lihat barang.", "melihat lihat", "melihat-lihat"),
        ("Data itu diacak acak oleh peretas.", "diacak acak", "diacak-acak"),
        # curated compounds
        ("Ia diam, pada hal ia tahu semuanya.", "pada hal", "padahal"),
        ("Ia tidak datang, pada hal sudah berjanji.", "pada hal", "padahal"),
        ("Warga menggelar gerakan anti korupsi di desa.", "anti korupsi", "antikorupsi"),
        ("Ekspor non migas naik tahun ini.", "non migas", "nonmigas"),
        ("Ia suka olah raga pagi.", "olah raga", "olahraga"),
    ],
)
def test_a_pair_written_apart_by_mistake_is_still_joined(speller, text, span, fix):
    assert (span, (fix,)) in _spacing(speller, text)


def test_the_neighbours_of_a_pair_decide_only_with_enough_evidence(speller):
    d = speller.dictionary
    assert spacing.split_word(d, "ya", "itu", after="memang") is None  # `itu memang` is common, `yaitu memang` is not
    assert spacing.split_word(d, "ya", "itu") == "yaitu"  # no neighbour: the pair alone
    assert spacing.split_word(d, "di", "lakukan", before="akan", after="oleh") == "dilakukan"


def test_a_curated_compound_is_left_apart_only_on_its_neighbours_and_never_for_a_bound_form(speller):
    d = speller.dictionary
    assert spacing.split_word(d, "pada", "hal", before="fokus", after="ini") is None
    assert spacing.split_word(d, "pada", "hal") == "padahal"  # no neighbour: the curated form
    # `perilaku anti korupsi` is frequent apart in news, but a bound form apart is always a slip (EYD V)
    assert spacing.split_word(d, "anti", "korupsi", before="perilaku", after="di") == "antikorupsi"


@pytest.mark.parametrize(
    "text",
    [
        "Jumlah itu turun 26 persen, dari pada tahun 2015 yang mencapai 50 persen.",  # from (the figure) in 2015
        "Pemain itu dikeluarkan dari pada akhir babak pertama.",  # sent off at the end of the first half
    ],
)
def test_dari_before_a_time_phrase_with_pada_is_left_apart(speller, text):
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Angka itu lebih tinggi dari pada tahun lalu.", "dari pada"),  # a comparison: `tinggi daripada`
        ("Hasilnya lebih besar dari pada tahun sebelumnya.", "dari pada"),
        ("Lebih baik diam dari pada bicara.", "dari pada"),
    ],
)
def test_a_comparison_written_apart_is_joined_though_a_time_phrase_follows(speller, text, span):
    assert (span, ("daripada",)) in _spacing(speller, text)


def test_a_neighbour_of_the_joined_word_outweighs_one_of_the_parts(speller):
    d = speller.dictionary
    assert spacing.split_word(d, "dari", "pada", before="persen", after="tahun") is None  # `pada tahun` alone
    assert spacing.split_word(d, "dari", "pada", after="tahun") is None
    assert spacing.split_word(d, "dari", "pada", before="tinggi", after="tahun") == "daripada"  # `tinggi daripada`


@pytest.mark.parametrize(
    "text",
    [
        "Mau apa lagi?",  # 'what else?': `mau apa` 11 of 3,330 `mau`, `mau apalagi` none
        "Tidak ada yang bisa berbuat apa lagi.",  # `berbuat apa` 9, `berbuat apalagi` none
        "Apa lagi yang kamu mau?",  # `lagi yang` outweighs `apalagi yang` per use
        # both neighbours lean to the parts: `diberangkatkan ke` 19 of 28,501 `ke` (none before `kedua`), `dua desa`
        "Tim relawan diberangkatkan ke dua desa di lereng gunung.",
    ],
)
def test_a_phrase_whose_neighbours_outweigh_the_prior_is_left_apart(speller, text):
    assert _spacing(speller, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ia pintar, apa lagi adiknya.",  # 'let alone': `, apalagi` opens 369 of 1,694 uses, `, apa lagi` 4 of 48
        "Anak itu senang, apa lagi di hari libur.",
    ],
)
def test_apa_lagi_meaning_let_alone_is_joined(speller, text):
    assert ("apa lagi", ("apalagi",)) in _spacing(speller, text)


def test_the_prior_odds_come_from_the_labelled_uses():
    phrases, slips = spacing.PHRASE_LABELS["apa lagi"]
    assert spacing.prior_odds("apa lagi") == (phrases + 1) / (slips + 1) > 1  # more often 'what else' than a slip
    assert spacing.prior_odds("atau pun") < spacing.prior_odds("kira kira") == 1 / spacing.CONTEXT_RATIO


def test_a_neighbour_seldom_seen_beside_either_reading_is_no_evidence():
    assert spacing.neighbour_ratio(4, 5000, 0, 1700) == 1.0
    assert spacing.neighbour_ratio(9, 5305, 0, 1694) == pytest.approx(10 * 1694 / 5305)
    assert spacing.neighbour_ratio(0, 5305, 45, 1694) < 1  # `apalagi kalau` leans to the joined word


def test_a_comma_before_the_pair_weighs_by_how_often_each_reading_stands_there():
    after_comma = spacing.comma_ratio(48, 4, 1694, 369, after_comma=True)
    elsewhere = spacing.comma_ratio(48, 4, 1694, 369, after_comma=False)
    assert after_comma < 1 < elsewhere


def test_a_join_of_a_pair_often_written_as_a_phrase_says_it_is_less_sure(speller):
    """`apa lagi` is 'what else' in 28 of 48 apart uses: its join is flagged (kind `phrase`) under FIX_CONFIDENCE and
    `fix` leaves it to the writer; a pair never written as a phrase (`atau pun`) is still fixed."""
    from speller.calibration import PHRASE, UNFIXED
    from speller.categories import FIX_CONFIDENCE

    assert PHRASE in UNFIXED and spacing.often_a_phrase("apa lagi") and not spacing.often_a_phrase("atau pun")
    text = "Ia pintar, apa lagi adiknya."
    [issue] = [i for i in speller.check(text) if i.category == "spacing"]
    assert issue.suggestions == ("apalagi",) and issue.confidence < FIX_CONFIDENCE
    assert speller.correct(text) == text
    assert speller.correct("Ia membeli obat di apotek atau pun klinik.") == "Ia membeli obat di apotek ataupun klinik."
