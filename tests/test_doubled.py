"""A word written twice (issue 10): a slip for one word, or a reduplication missing its hyphen, as the corpus counts
say (`speller.model.doubled_readings`); and the case of a suggestion whose first letter undoes an l/I mix-up."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller.casing import lookalike_initial, position_case
from speller.categories import FIX_CONFIDENCE
from speller.model import doubled_readings, reduplication_odds
from speller.morphology import POSSESSIVES
from speller.spacing import NEVER_DOUBLED


class _Counts:
    """The counts `doubled_readings` reads, as a dictionary gives them."""

    total = 6_000_000
    reduplication_share = 0.036  # the build corpus's: the words it writes reduplicated at all

    def __init__(self, count: int, bigram: int, reduplicated: int) -> None:
        self._count, self._bigram, self._reduplicated = count, bigram, reduplicated

    def count(self, word: str) -> int:
        return self._count

    def bigram(self, left: str, right: str) -> int:
        return self._bigram

    def reduplicated(self, word: str) -> int:
        return self._reduplicated


def _doubled(speller, text: str, span: str):
    [issue] = [i for i in speller.check(text) if i.word == span]
    return issue


def test_the_readings_share_the_posterior():
    readings = doubled_readings(_Counts(5_000, 3, 40), "x")
    assert sum(readings) == pytest.approx(1.0)


def test_a_word_the_corpus_never_writes_reduplicated_is_a_slip():
    assert doubled_readings(_Counts(20_000, 0, 0), "x").slip > 0.95


def test_a_word_the_corpus_often_writes_reduplicated_is_a_reduplication():
    assert doubled_readings(_Counts(6_000, 16, 1_600), "x").reduplication > 0.9


def test_more_reduplicated_uses_lean_to_the_reduplication():
    shares = [doubled_readings(_Counts(5_000, 0, n), "x").reduplication for n in (0, 5, 50, 500)]
    assert shares == sorted(shares) and shares[0] < 0.5 < shares[-1]


def test_a_word_that_takes_reduplication_reads_its_rare_hyphen_under_the_prior():
    """`bulan-bulan` 30 beside 4,939 `bulan`: a word news writes reduplicated at all takes reduplication, and so many
    uses of it alone say little more (REDUPLICATION_PRIOR_USES); a word it never writes so stays a slip."""
    assert doubled_readings(_Counts(4_939, 2, 30), "x").reduplication > 0.5
    assert doubled_readings(_Counts(4_939, 2, 0), "x").slip > 0.9


def test_a_frequent_word_seldom_hyphenated_keeps_its_own_counts():
    """`itu-itu` 13 beside 64,215 `itu`: own counts far past the prior's strength decide."""
    assert doubled_readings(_Counts(64_215, 0, 13), "x").slip > 0.9


@given(
    count=st.integers(min_value=3, max_value=200_000),
    reduplicated=st.integers(min_value=1, max_value=20_000),
    more=st.integers(min_value=1, max_value=1_000),
)
def test_more_own_evidence_moves_the_reduplication_its_way(count, reduplicated, more):
    """One word's share reduplicated: more hyphenated uses never lower it, more uses alone never raise it."""
    odds = reduplication_odds(_Counts(count, 0, reduplicated), "x")
    assert reduplication_odds(_Counts(count, 0, reduplicated + more), "x") >= odds
    assert reduplication_odds(_Counts(count + more, 0, reduplicated), "x") <= odds


def test_the_shipped_prior_is_the_mean_of_its_table(speller):
    """The builder's row of the mean share reduplicated is what the table's rows give (`mean_reduplication_share`)."""
    from pathlib import Path

    from speller.dictionary import REDUPLICATION_SHARE_KEY, REDUPLICATIONS_FILE, mean_reduplication_share

    d = speller.dictionary
    lines = Path(d.folder, REDUPLICATIONS_FILE).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line[:1] != "#"]
    counts = [(d.count(word), int(uses)) for word, uses in rows if word != REDUPLICATION_SHARE_KEY]
    assert d.reduplication_share == pytest.approx(mean_reduplication_share(counts), abs=1e-6)
    assert 0.01 < d.reduplication_share < 0.1


def test_a_pair_the_corpus_writes_often_is_meant_unless_a_function_word():
    assert doubled_readings(_Counts(250, 22, 1), "x").pair > 0.5  # `ha ha`
    assert doubled_readings(_Counts(250, 22, 1), "x", function_word=True).pair == 0.0


def test_a_function_word_is_written_twice_more_often():
    counts = _Counts(5_000, 0, 20)
    assert doubled_readings(counts, "x", function_word=True).slip > doubled_readings(counts, "x").slip


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Ia mengatakan hal itu menjadi menjadi masalah.", "menjadi menjadi", "menjadi"),
        ("Artinya artinya sama saja.", "Artinya artinya", "Artinya"),
        ("Mereka bakal bakal datang.", "bakal bakal", "bakal"),
        ("Hal itu terus terus terjadi.", "terus terus", "terus"),
        ("Ia bermain bermain bola.", "bermain bermain", "bermain"),
    ],
)
def test_a_word_whose_reduplication_news_never_writes_written_twice_is_one_word(speller, text, span, fix):
    issue = _doubled(speller, text, span)
    assert (issue.suggestions, issue.category) == ((fix,), "typo")  # no `menjadi-menjadi`: the corpus never writes it
    assert issue.confidence >= FIX_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Anak anak bermain.", "Anak anak", "Anak-anak"),
        ("Kami sama sama pergi.", "sama sama", "sama-sama"),
        ("Mereka kawan kawan lama.", "kawan kawan", "kawan-kawan"),
        ("Masing masing orang membawa bekal.", "Masing masing", "Masing-masing"),
        ("Mereka bermain main saja.", "bermain main", "bermain-main"),  # a prefixed reduplication: the spacing rule's
        # news seldom hyphenates these (`bulan-bulan` 30 of 4,939 `bulan`), but they take reduplication: plurals
        ("Harga naik dalam bulan bulan terakhir.", "bulan bulan", "bulan-bulan"),
        ("Petugas petugas mengevakuasi warga.", "Petugas petugas", "Petugas-petugas"),
    ],
)
def test_a_reduplication_missing_its_hyphen_gets_it(speller, text, span, fix):
    issue = _doubled(speller, text, span)
    assert (issue.suggestions[0], issue.category) == (fix, "spacing")


class _ByWord:
    """Counts by word (`counts`) and by pair (`pairs`), as a dictionary gives them; `X-X` is counted as a word."""

    total = 6_000_000
    reduplication_share = 0.036

    def __init__(self, counts: dict[str, int], pairs: dict[tuple[str, str], int]) -> None:
        self._counts, self._pairs = counts, pairs

    def count(self, word: str) -> int:
        return self._counts.get(word, 0)

    def bigram(self, left: str, right: str) -> int:
        return self._pairs.get((left, right), 0)

    def reduplicated(self, word: str) -> int:
        return self.count(f"{word}-{word}")


@given(
    count=st.integers(min_value=0, max_value=50_000),
    bigram=st.integers(min_value=0, max_value=50),
    reduplicated=st.integers(min_value=0, max_value=5_000),
    clitic=st.sampled_from(POSSESSIVES),
)
def test_a_copy_with_a_clitic_is_read_as_the_word_twice_when_its_counts_are_the_same(
    count, bigram, reduplicated, clitic
):
    """`teman temannya` is read by the model of `teman teman`: with the clitic form counted as the word is, the
    readings are the same."""
    plain = _ByWord({"x": count, "x-x": reduplicated}, {("x", "x"): bigram})
    cliticized = _ByWord({"x": count, f"x{clitic}": count, f"x-x{clitic}": reduplicated}, {("x", f"x{clitic}"): bigram})
    assert doubled_readings(cliticized, "x", clitic=clitic) == pytest.approx(doubled_readings(plain, "x"))


@given(
    alone=st.integers(min_value=0, max_value=50_000),
    cliticized=st.integers(min_value=0, max_value=5_000),
    reduplicated=st.integers(min_value=0, max_value=5_000),
    cliticized_reduplicated=st.integers(min_value=0, max_value=5_000),
)
def test_a_copy_with_a_clitic_is_a_reduplication_as_often_as_either_form_says(
    alone, cliticized, reduplicated, cliticized_reduplicated
):
    """`syarat syaratnya`: news writes `syarat-syarat` 40 times and `syarat-syaratnya` never; either form's counts
    are evidence that the word takes reduplication."""
    counts = _ByWord({"x": alone, "xnya": cliticized, "x-x": reduplicated, "x-xnya": cliticized_reduplicated}, {})
    odds = reduplication_odds(counts, "x", clitic="nya")
    assert odds >= reduplication_odds(counts, "x")
    assert odds >= reduplication_odds(_ByWord({"x": cliticized, "x-x": cliticized_reduplicated}, {}), "x")


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Dia menemui teman temannya.", "teman temannya", "teman-temannya"),
        ("Ia mengawasi anak anaknya.", "anak anaknya", "anak-anaknya"),
        ("Ia mengawasi anak anakku.", "anak anakku", "anak-anakku"),
        ("Kawan kawannya datang.", "Kawan kawannya", "Kawan-kawannya"),
        ("Itu satu satunya jalan.", "satu satunya", "satu-satunya"),
        ("Ada syarat syaratnya.", "syarat syaratnya", "syarat-syaratnya"),  # `syarat-syarat` says it
        ("Ia mengawasi anak-anak nya.", "anak-anak nya", "anak-anaknya"),
        ("Ia menjual rumah-rumah nya.", "rumah-rumah nya", "rumah-rumahnya"),
    ],
)
def test_a_reduplication_missing_its_hyphen_before_a_clitic_gets_it(speller, text, span, fix):
    """QA: nothing was found once a clitic stood on the copy (`teman temannya`) or stood apart (`anak-anak nya`)."""
    issue = _doubled(speller, text, span)
    assert (issue.suggestions[0], issue.category) == (fix, "spacing")
    assert issue.confidence >= FIX_CONFIDENCE
    assert speller.correct(text) == text.replace(span, fix)


def test_a_copy_with_a_clitic_is_no_slip_of_one_word(speller):
    """`ada adanya` (for `apa adanya`): the copy with a clitic is flagged only as a reduplication, which news never
    writes here; a word written twice is no reading that takes a clitic on its second copy only."""
    assert speller.check("Ia tampil ada adanya.") == []


def test_the_single_word_comes_second_only_when_it_is_a_real_option(speller):
    assert _doubled(speller, "Anak anak bermain.", "Anak anak").suggestions == ("Anak-anak", "Anak")  # slip 0.04
    assert _doubled(speller, "Masing masing orang datang.", "Masing masing").suggestions == ("Masing-masing",)


@pytest.mark.parametrize("word", sorted(NEVER_DOUBLED))
def test_the_counts_read_every_function_word_written_twice_as_one_word(speller, word):
    """The hand list only rules out the pair as written; slip or reduplication, the counts decide, and say slip."""
    issue = _doubled(speller, f"kata ketua {word} {word} rumah itu", f"{word} {word}")
    assert (issue.suggestions[0], issue.category) == (word, "typo")
    assert issue.confidence >= FIX_CONFIDENCE


def test_di_di_stays_one_word(speller):
    issue = _doubled(speller, "Di di rumah", "Di di")
    assert (issue.suggestions, issue.category) == (("Di",), "typo")


def test_a_word_news_writes_both_ways_offers_both_and_is_not_fixed(speller):
    """`kata kata`: the corpus writes `kata-kata` 232 times beside 20,548 `kata`: either reading may be meant."""
    issue = _doubled(speller, "Ia mengulang kata kata itu.", "kata kata")
    assert set(issue.suggestions) == {"kata", "kata-kata"}
    assert issue.confidence < FIX_CONFIDENCE


#: Words of each kind: function words, words whose reduplication news writes often, now and then, and never.
_RUN_WORDS = ["yang", "di", "dari", "anak", "sama", "kawan", "kata", "tahun", "menjadi", "artinya", "bakal", "rumah"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    word=st.sampled_from(_RUN_WORDS),
    times=st.integers(min_value=2, max_value=4),
    frame=st.sampled_from(["Mereka {} datang.", "{} itu penting.", "Kata ketua, {} sudah dibahas."]),
)
def test_a_repeated_run_is_one_finding_whose_fix_leaves_one_copy_or_the_reduplication(speller, word, times, frame):
    run = " ".join([word] * times)
    text = frame.format(run)
    if text.startswith(word):  # as it opens the sentence
        run = run[:1].upper() + run[1:]
        text = frame.format(run)
    start = text.index(run)
    [issue] = [i for i in speller.check(text) if i.start <= start < i.end]
    assert (issue.start, issue.end) == (start, start + len(run))  # the whole run
    first = run.split(" ")[0]
    assert set(issue.suggestions) <= {first, f"{first}-{word}"}
    fixed = speller.correct(text, 0.0)
    assert fixed in (text.replace(run, first), text.replace(run, f"{first}-{word}"))


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("Harga Iebih mahal.", "lebih"),  # a capital I typed for l inside a sentence: the word's case is lowercase
        ("Iebih mahal harganya.", "Lebih"),  # opening a sentence
        ("Harga iebih mahal.", "lebih"),
        ("lni mahal.", "Ini"),  # an l typed for a capital I opening a sentence
        ("Harga lni mahal.", "ini"),
    ],
)
def test_a_suggestion_undoing_an_l_i_mix_up_takes_the_case_of_its_place(speller, text, fix):
    [issue] = speller.check(text)
    assert issue.suggestions[0] == fix


def test_suggest_reads_a_lone_word_as_opening_a_sentence(speller):
    assert speller.suggest("Iebih")[0] == "Lebih"


@pytest.mark.parametrize(
    ("original", "replacement", "opening", "expected"),
    [
        ("Iebih", "lebih", False, "xebih"),
        ("Iebih", "lebih", True, "Xebih"),
        ("IEBIH", "lebih", False, "XEBIH"),
        ("lni", "ini", True, "Xni"),
        ("Angksa", "angkasa", False, "Angksa"),  # no mix-up: the case written stands
        ("Ilmu", "ilmu", False, "Ilmu"),
    ],
)
def test_position_case(original, replacement, opening, expected):
    assert position_case(original, replacement, opening) == expected


def test_lookalike_initial():
    assert lookalike_initial("Iebih", "lebih") and lookalike_initial("lni", "Ini")
    assert not lookalike_initial("lebih", "lebih") and not lookalike_initial("Iimu", "ilmu")


def test_a_reduplication_written_as_one_word_is_offered_so(speller):
    """Found by tests/test_detection.py's idempotence property: `was was` got `was-was`, which `fix` then made
    `waswas` (KBBI, `dictionaries/baku.tsv`); the reduplication reading is offered in its standard spelling."""
    issue = _doubled(speller, "Ia tetap was was saja.", "was was")
    assert issue.suggestions[0] == "waswas"
    once = speller.correct("Ia tetap was was saja.", 0.0)
    assert speller.correct(once, 0.0) == once


@pytest.mark.parametrize(
    ("text", "span", "fix"),
    [
        ("Penasihat Presiden Presiden Xi Jinping hadir.", "Presiden Presiden", "Presiden"),  # a slip
        ("Revisi Undang Undang KPK disahkan.", "Undang Undang", "Undang-Undang"),  # each half keeps its capital
        ("Perserikatan Bangsa Bangsa bersidang.", "Bangsa Bangsa", "Bangsa-Bangsa"),
    ],
)
def test_a_capitalized_word_written_twice_is_read_like_any_other_unless_a_name(speller, text, span, fix):
    assert _doubled(speller, text, span).suggestions[0] == fix


@pytest.mark.parametrize(
    "text",
    [
        "Lagu Ayu Ting Ting laris.",  # a name: the corpus writes `ting` capitalized
        "Mereka berlibur ke Bora Bora.",
        "Ia menyebut mantan presiden Presiden Jokowi.",  # a capital only on the second: a name or title begins
    ],
)
def test_a_name_written_twice_is_left_alone(speller, text):
    assert [i.word for i in speller.check(text) if " " in i.word] == []


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("Ia membeli kupu kupu.", "kupu kupu", "kupu-kupu"),  # was `kubu`, shown at 0.67
        ("Ia melihat kura kura.", "kura kura", "kura-kura"),  # `kura` is no kept word: was never flagged
        ("Ia melihat ubur ubur.", "ubur ubur", "ubur-ubur"),
    ],
)
def test_a_root_the_corpus_writes_reduplicated_gets_its_hyphen(speller, text, word, fix):
    assert [(i.word, i.suggestion) for i in speller.check(text)] == [(word, fix)]


@pytest.mark.parametrize("text", ["Ia bertemu Yang Yang kemarin.", "Yang Yang datang lagi."])
def test_a_function_word_capitalized_twice_outside_a_title_is_a_name(speller, text):
    # `fix` deleted the actor's name: `Yang Yang -> Yang [typo 1.00]`
    assert speller.check(text) == [] and speller.correct(text) == text


def test_a_function_word_doubled_in_a_title_is_still_a_slip(speller):
    assert [i.word for i in speller.check("Ia Pergi Ke Ke Pasar Baru.")] == ["Ke Ke"]


@pytest.mark.parametrize("text", ['Lagu "Sayang Sayang" dinyanyikan lagi.', "Kata Presiden Presiden Xi kemarin."])
def test_a_word_doubled_in_capitals_is_shown_not_fixed(speller, text):
    # a title or a name may write it so: `fix` wrote `Lagu "Sayang" dinyanyikan` (0.91)
    [issue] = speller.check(text)
    assert issue.confidence < FIX_CONFIDENCE and speller.correct(text) == text
