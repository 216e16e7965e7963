"""Tests for speller.checker: the seed articles, offsets, and fixes that touch only flagged spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller.checker import DEFAULT_CATEGORIES, FIX_CONFIDENCE, Issue, Speller, apply_fixes, fix_rounds, fixes

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

EXPECTED_FIRST_SUGGESTION = {
    "mengonfrimasi": "mengonfirmasi",
    "rencanannya": "rencananya",
    "predikasi": "prediksi",
    "giliranya": "gilirannya",
    "menyainggi": "menyaingi",
}
NAMES = ["Putin", "Pyongyang", "Vostochny", "Komsomolsk-on-Amur", "Degtyarev"]

# Sentences of the seed articles that hold no error.
CLEAN_SENTENCES = [
    "Sebagai imbalannya, dia juga menerima senapan buatan Korea Utara,” kata Peskov, dikutip Al Jazeera.",
    "Dalam turnya di hari ketiga, Kim mengunjungi pabrik yang membuat jet tempur canggih.",
    "“Ayah dan kakek kami berjuang bersama melawan militerisme Jepang, negara kami mendukung Korea Utara dalam "
    "perjuangannya melawan ambisi imperialis Amerika Serikat pada tahun 1950-an, dan hari ini kami bersama-sama "
    "melawan tekanan kolektif Barat,” tulis Degtyarev di Telegram, dikutip The Guardian.",
    "Rusia sangat membutuhkan amunisi untuk melancarkan perangnya di Ukraina, sedangkan Korea Utara menginginkan "
    "bantuan Moskow untuk mengembangkan program rudal dan ruang angkasanya.",
    "Menanggapi hal tersebut, Peskov mengatakan, Moskow akan bersiap mengirimkan Menteri Luar Negeri Sergei Lavrov "
    "ke Pyongyang.",
    "Sebelumnya Amerika Serikat (AS) telah memperingatkan Korea Utara akan menanggung akibatnya jika mereka membantu "
    "mempersenjatai pasukan Rusia.",
    "Moskow dan Pyongyang sedang berada di bawah serangkaian sanksi internasional.",
    "Kunjungan Kim telah memicu kekhawatiran luas mengenai perjanjian senjata terlarang.",
    "Kim berterima kasih kepada Putin karena mengundangnya berkunjung.",
    "Presiden Rusia Vladimir Putin menjadi tuan rumah bagi pemimpin Korea Utara Kim Jong Un untuk melakukan "
    "pembicaraan pada hari Rabu yang dapat mengarah pada kesepakatan senjata yang menentang sanksi global.",
    "Televisi pemerintah Rusia mengutip Putin yang mengatakan bahwa dia “sangat senang” melihat Kim, setelah rekaman "
    "Kremlin menunjukkan kedua pemimpin tersebut dengan antusias berjabat tangan di pelabuhan antariksa Vostochny di "
    "timur jauh Rusia.",
    "Ketika Kim berada di Rusia, Pyongyang menembakkan dua rudal balistik pada hari Rabu, kata militer Korea "
    "Selatan, yang terbaru dari serangkaian uji coba untuk menghilangkan sanksi.",
    "Para ahli mengatakan pertemuan di pangkalan luar angkasa itu bersifat simbolis, terutama karena Pyongyang "
    "baru-baru ini gagal dua kali dalam upayanya menempatkan satelit mata-mata militer ke orbit.",
    "Gedung Putih pekan lalu memperingatkan bahwa Korea Utara “akan menanggung akibatnya” jika mereka memasok "
    "senjata yang dibutuhkan Rusia untuk konflik di Ukraina.",
    "Kim dijadwalkan akan mengunjungi pabrik-pabrik penerbangan militer dan sipil di kota Rusia, "
    "Komsomolsk-on-Amur, pada hari Kamis, dan memeriksa armada Pasifik Rusia di Vladivostok, kata Putin.",
    "Korea Utara didirikan pada September 1948 dengan dukungan Uni Soviet, dan Moskow mendukungnya selama beberapa "
    "dekade selama Perang Dingin.",
    "Dukungan tersebut memudar setelah Uni Soviet runtuh pada tahun 1991, tetapi Putin mengunjungi Pyongyang pada "
    "tahun 2000 - setahun setelah menggantikan Boris Yeltsin - untuk pertemuan dengan ayah Kim, Kim Jong Il.",
    "Tuturpedia.com – Kehadiran Kim Jong Un di Rusia pada hari Rabu (13/9/23) disambut hangat oleh Vladimir Putin "
    "dengan jabatan tangan selama 40 detik.",
    "Pertemuan pertama mereka terjadi di Vostochny Cosmodrome, sebuah fasilitas peluncuran luar angkasa modern di "
    "wilayah Amur, Rusia bagian Timur.",
    "Banyak kabar yang beredar, bahwa pertemuan antara presiden dari negara yang sangat terisolasi itu berfokus pada "
    "pembahasan ‘penjualan senjata’.",
    "Sudah menjadi rahasia umum jika Korea Utara memiliki banyak persediaan peluru artileri.",
]


@pytest.fixture(scope="module")
def seed_issues(speller, seed_texts):
    return {name: speller.check(text) for name, text in seed_texts.items()}


def test_default_categories_leave_real_word_detection_off(speller):
    assert speller.categories == DEFAULT_CATEGORIES
    assert "real_word" not in DEFAULT_CATEGORIES


#: Seed typos reported but left to the writer: `rencanannya` is listed 6 times in the corpus, so the model weighs it
#: against `rencananya` (raw 0.99), and typo flags of kind `word` at that raw score are 13 real of 15 on dev and the
#: judged unseen news (`benchmarks.calibrate`): their share, 0.824, is under FIX_CONFIDENCE.
REPORTED_NOT_FIXED = frozenset({"rencanannya"})


@pytest.mark.parametrize(("typo", "fix"), sorted(EXPECTED_FIRST_SUGGESTION.items()))
def test_seed_typos_are_reported_with_the_right_first_suggestion(seed_issues, typo, fix):
    found = [i for issues in seed_issues.values() for i in issues if i.word == typo]
    assert found, f"{typo} not reported"
    for issue in found:
        assert issue.suggestion == fix
        assert issue.category == "typo"
        assert issue.flagged and (typo in REPORTED_NOT_FIXED or issue.confidence >= FIX_CONFIDENCE)


@pytest.mark.parametrize("name", NAMES)
def test_no_issue_on_names(lenient, seed_texts, name):
    assert any(name in text for text in seed_texts.values())
    # Not even an unsure issue (the lenient checker shows every confidence).
    flagged = [i.word for text in seed_texts.values() for i in lenient.check(text)]
    assert not [w for w in flagged if name.lower() in w.lower() or w.lower() in name.lower().split("-")]


def test_seed_issues_slice_back_and_point_at_their_line(seed_issues, seed_texts):
    for name, issues in seed_issues.items():
        text = seed_texts[name]
        lines = text.split("\n")
        for issue in issues:
            assert text[issue.start : issue.end] == issue.word
            assert lines[issue.line - 1][issue.column - 1 : issue.column - 1 + len(issue.word)] == issue.word


def test_seed_issues_are_in_order(seed_issues):
    for issues in seed_issues.values():
        assert [i.start for i in issues] == sorted(i.start for i in issues)


@pytest.mark.parametrize("sentence", CLEAN_SENTENCES, ids=[s[:30] for s in CLEAN_SENTENCES])
def test_clean_sentence_yields_no_issue(speller, sentence):
    assert speller.check(sentence) == []


def test_clean_sentences_together_yield_no_issue(speller):
    text = "\n".join(CLEAN_SENTENCES)
    assert speller.check(text) == []
    assert speller.correct(text) == text


def test_correct_fixes_seed_typos_in_context(speller):
    text = "Moskow juga mengonfrimasi bahwa Putin datang. Pada giliranya, Kim memberikan hadiah."
    assert speller.correct(text) == (
        "Moskow juga mengonfirmasi bahwa Putin datang. Pada gilirannya, Kim memberikan hadiah."
    )


def test_issue_to_dict_round_trip(speller):
    issue = speller.check("di luar angksa")[0]
    d = issue.to_dict()
    assert d["word"] == "angksa" and d["start"] == 8 and d["end"] == 14
    assert d["line"] == 1 and d["column"] == 9
    assert isinstance(d["suggestions"], list) and d["suggestions"][0] == "angkasa"


def test_min_confidence_and_categories_filter(speller, lenient):
    from speller import Speller

    # Apart: one text's occurrences of a form share one confidence (they are fixed together or not at all).
    capital, lower = "Mereka pergi. Angksa itu jauh.", "Mereka di luar angksa."
    (cap,) = [i.confidence for i in lenient.check(capital)]
    (low,) = [i.confidence for i in lenient.check(lower)]
    assert cap < low, "a capitalised sentence-start typo may be a name: less sure"
    strict = Speller(speller.dictionary, min_confidence=(cap + low) / 2)
    assert strict.check(capital) == [] and [i.word for i in strict.check(lower)] == ["angksa"]
    text = capital + " " + lower
    only_spacing = Speller(speller.dictionary, categories=["spacing"], min_confidence=0.0)
    assert [i for i in only_spacing.check(text) if i.category != "spacing"] == []
    with pytest.raises(ValueError):
        Speller(speller.dictionary, categories=["nonsense"])


def test_extra_words_are_accepted(speller):
    from speller import Speller

    custom = Speller(speller.dictionary, words=["angksa"])
    assert custom.check("di luar angksa") == []


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("Praktek dokter itu ramai.", "praktek"),  # a house style's spelling: no nonstandard finding
        ("Ia tinggal dirumah itu.", "dirumah"),  # nor a spacing finding on the word
        ("Semua aktifitas warga normal.", "Aktifitas"),  # accepted whatever the case written
        # beside a name it resembles, written more often (QA: `-L Hendarwan` was still flagged, and fixed)
        ("Kepala dinas Hendrawan berkata kepada Hendrawan. Menurut Hendarwan, warga mengungsi.", "Hendarwan"),
        # an accepted non-standard root keeps its derivations (`dipraktekkan` was flagged, the table answering)
        ("Hal itu dipraktekkan warga dan mempraktekkannya lagi.", "praktek"),
    ],
)
def test_an_accepted_word_is_never_flagged(speller, text, accepted):
    from speller import Speller

    assert speller.check(text)  # flagged without it
    assert Speller(speller.dictionary, words=[accepted]).check(text) == []


def test_a_name_accepted_capitalized_is_still_caught_in_lowercase(speller):
    """`speller add Kamis DPRD Jakarta` accepts them as written (Hunspell's way), not `kamis`, `dprd`, `jakarta`:
    written so they are still names to capitalize. Accepted words are never real-word errors either."""
    from speller import Speller

    text = "Rapat pada kamis pagi bersama anggota dprd di jakarta, di luar angksa. Kamis itu DPRD di Jakarta."
    everything = ["typo", "nonstandard", "spacing", "capitalization", "real_word"]
    custom = Speller(speller.dictionary, words=["Kamis", "DPRD", "Jakarta", "angksa"], categories=everything)
    assert [(i.word, i.category, i.suggestions[0]) for i in custom.check(text)] == [
        ("kamis", "capitalization", "Kamis"),
        ("dprd", "capitalization", "DPRD"),
        ("jakarta", "capitalization", "Jakarta"),
    ]
    lowercase = Speller(speller.dictionary, words=["kamis", "dprd", "jakarta", "angksa"], categories=everything)
    assert lowercase.check(text) == []
    picky = Speller(speller.dictionary, words=["angksa"], categories=everything, picky=True)
    assert "angksa" not in [i.word for i in picky.check("Pasukan itu berada di luar angksa kemarin.")]


def test_a_suggestion_that_is_the_word_itself_is_no_finding(speller, monkeypatch):
    """QA, on a dictionary built from five files: `isap -> isap`, the best candidate `hisap` written in its standard
    form. A finding whose every suggestion is the word as written is none."""
    from speller import Speller

    custom = Speller(speller.dictionary)
    assert [i.word for i in custom.check("Di luar angksa kemarin.")] == ["angksa"]
    monkeypatch.setattr(custom, "_standard", lambda candidate: "angksa")
    custom._decisions.clear()
    assert Speller(speller.dictionary, min_confidence=0.0).check("Di luar angksa kemarin.")
    assert custom.check("Di luar angksa kemarin!") == []


def test_line_and_column_after_crlf_and_emoji(speller):
    text = "Baris satu 😀.\r\n“Kutip” dan di luar angksa\r\n"
    [issue] = speller.check(text)
    assert text[issue.start : issue.end] == "angksa"
    assert (issue.line, issue.column) == (2, text.split("\n")[1].index("angksa") + 1)


# -- offsets property ---------------------------------------------------------------------

_SEED_SENTENCES = CLEAN_SENTENCES + [
    "Pada giliranya, Kim memberikan Putin hadiah senjata produksi Korea Utara.",
    "Moskow juga mengonfrimasi bahwa Putin dengan senang hati menerima undangan Kim.",
    "Kunjungan Lavrov rencanannya akan dilakukan bulan depan.",
    "Ada banyak predikasi antara hubungan erat Putin dan Kim.",
    "Pyongyang juga membutuhkan bantuan Rusia untuk menyainggi tetangganya.",
    "Di luar angksa beberapa kali, kerjasama militer berjalan.",
]
_NOISE = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        " 😀 ",
        "👍🏽",
        "“",
        "”",
        "‘",
        "’",
        " — ",
        " – ",
        ", ",
        ". ",
        "\t",
        "\u00a0",
        "(",
        ")",
        "…",
        "🇮🇩",
        "e\u0301",
        "#ktt",
        "@kim",
        "https://tempo.co/x",
    ]
)
_RANDOM_WORD = st.text(alphabet="aaabdeegiiklmmnnoprrsttuuy", min_size=1, max_size=12)
_CAP_WORD = _RANDOM_WORD.map(str.capitalize)
_PIECE = st.one_of(st.sampled_from(_SEED_SENTENCES), _NOISE, _RANDOM_WORD, _CAP_WORD)
INDONESIAN_ISH = st.lists(_PIECE, min_size=1, max_size=14).map(lambda parts: " ".join(parts))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


@PROPERTY
@given(text=INDONESIAN_ISH)
def test_property_issue_offsets_point_at_the_word(speller, text):
    last = -1
    for issue in speller.check(text):
        assert text[issue.start : issue.end] == issue.word
        assert (issue.line, issue.column) == _line_col(text, issue.start)
        assert issue.start > last
        last = issue.start


def _outside(text: str, issues: list[Issue]) -> list[str]:
    """The pieces of `text` between the spans of `issues` (sorted, non-overlapping)."""
    pieces, pos = [], 0
    for i in issues:
        pieces.append(text[pos : i.start])
        pos = i.end
    pieces.append(text[pos:])
    return pieces


def _assert_only_spans_changed(text: str, fixed: str, applied: list[Issue]) -> None:
    """`fixed` is `text` with each applied span replaced by its best suggestion, byte for byte outside them."""
    pos = 0
    outside = _outside(text, applied)
    for piece, issue in zip(outside, applied):
        assert fixed.encode()[pos : pos + len(piece.encode())] == piece.encode()
        pos += len(piece.encode())
        repl = issue.suggestions[0].encode()
        assert fixed.encode()[pos : pos + len(repl)] == repl
        pos += len(repl)
    assert fixed.encode()[pos:] == outside[-1].encode()


@PROPERTY
@given(text=INDONESIAN_ISH)
def test_property_correct_changes_only_flagged_spans(speller, text):
    issues = speller.check(text)
    # what `fix` applies: the sure issues, and the same slip where the text writes it again (`fixes`; a hypothesis
    # example: `giliranya` inside a quotation, 0.899, is fixed as its repeat outside it, 0.968, is)
    applied = fixes(issues)
    assert all(i.confidence >= FIX_CONFIDENCE or i.flagged for i in applied)
    fixed = speller.correct(text)
    _assert_only_spans_changed(text, fixed, applied)


@st.composite
def _text_and_issues(draw):
    text = draw(st.text(min_size=0, max_size=80))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    issues = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        suggestions = tuple(draw(st.lists(st.text(max_size=6), max_size=2)))
        issues.append(Issue(a, b, text[a:b], suggestions, "typo", 0.9))
    return text, issues


@settings(max_examples=300, deadline=None)
@given(_text_and_issues(), st.randoms(use_true_random=False))
def test_property_apply_fixes_keeps_text_outside_spans(data, rnd):
    text, issues = data
    shuffled = list(issues)
    rnd.shuffle(shuffled)  # apply_fixes must not depend on the order it is given
    fixed = apply_fixes(text, shuffled)
    applied = [i for i in issues if i.suggestions]
    # Spans are non-empty and never overlap; touching ones (a.end == b.start) are both applied.
    _assert_only_spans_changed(text, fixed, applied)


def test_apply_fixes_skips_overlapping_issue_and_keeps_text():
    text = "satu dua tiga"
    a = Issue(0, 8, "satu dua", ("SATU-DUA",), "spacing", 0.9)
    b = Issue(5, 13, "dua tiga", ("X",), "typo", 0.9)
    assert apply_fixes(text, [b, a]) == "SATU-DUA tiga"


def test_apply_fixes_without_suggestion_keeps_word():
    text = "di luar angksa"
    assert apply_fixes(text, [Issue(8, 14, "angksa", (), "typo", 0.3)]) == text


def test_check_and_correct_read_markup_as_told(speller):
    """A plugin that holds a page or a Markdown draft names its markup; offsets stay the page's own."""
    page = '<p class="angksa">Di luar <a href="/angksa">angksa</a>&nbsp;kini.</p>\n'
    [issue] = speller.check(page, markup="html")
    assert (issue.word, issue.start, issue.line) == ("angksa", page.index(">angksa<") + 1, 1)
    assert speller.correct(page, markup="html") == page.replace(">angksa<", ">angkasa<")
    assert [i.word for i in speller.check("Kode `angksa` dan di luar angksa", markup="markdown")] == ["angksa"]
    assert speller.check("`angksa` di luar angksa") == speller.check("`angksa` di luar angksa", markup="text")
    with pytest.raises(ValueError, match="markup must be one of"):
        speller.check(page, markup="docx")


def _issue(text: str, word: str, suggestion: str, confidence: float, at: int = 0) -> Issue:
    start = text.index(word, at)
    return Issue(start, start + len(word), word, (suggestion,), "typo", confidence)


def test_fix_rounds_fix_what_two_fixes_made_of_a_phrase_written_twice(speller):
    text = "Pekerjaan itu di lakukan di lakukan oleh mereka. Dia dirumah dirumah saja."
    assert speller.correct(text) == "Pekerjaan itu dilakukan oleh mereka. Dia di rumah di rumah saja."
    issues = speller.check(text)
    rounds = fix_rounds(text, fixes(issues), speller.check, FIX_CONFIDENCE, speller.min_confidence)
    assert rounds.text == speller.correct(text) and rounds.applied == 5
    [left] = rounds.left  # a phrase written twice is left to the writer (speller.repeats), and said
    assert left.word == "di rumah di rumah" and rounds.text[left.start : left.end] == left.word


def test_fix_rounds_fix_what_a_second_fix_would():
    """Every sure error of the fixed text is fixed in turn (a second `fix` must find nothing: `presidensiapapun` ->
    `presiden siapapun` -> `presiden siapa pun`, and a slip anywhere that a fix made sure of); a round that would write
    a text seen before (a fix undone) is not taken; what is left and shown beside a fix is listed."""
    text = "x a a, w u y"
    first = [_issue(text, "a", "b", 0.99), _issue(text, "a", "b", 0.99, 3)]

    def check(fixed: str) -> list[Issue]:
        found = [_issue(fixed, "y", "z", 0.99)] if "y" in fixed else []  # far from the fixes, sure once they are made
        found += [_issue(fixed, "w", "v", 0.5)] if "w" in fixed else []  # beside a fix, shown, unsure: listed
        return found + ([_issue(fixed, "b b", "b", 0.99)] if "b b" in fixed else [])

    rounds = fix_rounds(text, first, check)
    assert rounds.text == "x b, w u z" and rounds.applied == 4
    assert [(i.word, rounds.text[i.start : i.end]) for i in rounds.left] == [("w", "w")]
    assert not fixes(check(rounds.text), FIX_CONFIDENCE)  # nothing left for a second fix
    assert fix_rounds("x a y", [], check) == ("x a y", 0, [])  # nothing fixed: nothing checked again

    def undoes(fixed: str) -> list[Issue]:
        return [_issue(fixed, "b", "a", 0.99)] if "b" in fixed else []

    assert fix_rounds("x a", [_issue("x a", "a", "b", 0.99)], undoes) == ("x b", 1, [])


def test_correct_replaces_every_issue_as_sure_as_asked_whatever_the_checker_shows(speller):
    """`correct(text, min_confidence=0.1)` fixes a 0.112 finding the checker does not show (QA); a checker showing only
    what is 0.99 sure still corrects at the default 0.9."""
    from speller import Speller

    text = "Pasukan itu di luar angksa dan dtang kemarin."
    assert speller.correct(text) == "Pasukan itu di luar angkasa dan dtang kemarin."
    assert speller.correct(text, min_confidence=0.1) != speller.correct(text)
    strict = Speller(speller.dictionary, min_confidence=0.99)
    assert strict.check(text) == [] and strict.correct(text) == speller.correct(text)


def test_correct_twice_is_correct_once(speller):
    """QA found 41 of 1,500 texts that a second `correct` changed: a split that writes a word with an error of its own,
    and a slip held back by other slips near it."""
    for text in ["presidensiapapun", "tidakmengkonfirmasi", "Indoensia yang dtang pemerintha"]:
        once = speller.correct(text)
        assert speller.correct(once) == once != text


def test_apply_fixes_leaves_out_what_does_not_fit_the_text(speller):
    """An editor's buffer changed since it was checked: issues whose span no longer holds their word are left out,
    never written over the wrong letters (nor past the end)."""
    text = "Pasukan itu berada di luar angksa dan dirumah."
    issues = speller.check(text)
    assert apply_fixes(text, issues) == "Pasukan itu berada di luar angkasa dan di rumah."
    assert apply_fixes("Ya, " + text, issues) == "Ya, " + text
    assert apply_fixes("abc", issues) == "abc"
    backwards = Issue(33, 27, "angksa", ("X",), "typo", 0.99)
    assert apply_fixes(text, [backwards]) == text


@pytest.mark.parametrize("bad", [float("nan"), -0.5, 1.5, float("inf"), True, "0.9"])
def test_a_confidence_that_is_no_share_is_refused(speller, bad):
    with pytest.raises(ValueError, match="min_confidence must be a number from 0 to 1"):
        Speller(speller.dictionary, min_confidence=bad)
    with pytest.raises(ValueError, match="min_confidence must be a number from 0 to 1"):
        speller.correct("di luar angksa", min_confidence=bad)


def test_arguments_of_the_wrong_kind_say_so(speller):
    for text in (None, 123, b"di luar angksa"):
        with pytest.raises(TypeError, match="text must be a str"):
            speller.check(text)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="text must be a str"):
            speller.suggest(text)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="words must be an iterable of words"):
        Speller(speller.dictionary, words="angksa")
    with pytest.raises(ValueError, match="n must be 0 or more"):
        speller.suggest("angksa", n=-1)


def test_correct_fixes_a_slip_its_neighbour_hid(speller):
    """Two slips side by side: once one is fixed the other stands in a context the checker knows, and is fixed in
    the same call, so a second `correct` has nothing to do."""
    text = "Rusia melanggar beberapa resolusi Dewwan Keeamanan PBB."
    once = speller.correct(text)
    assert once == "Rusia melanggar beberapa resolusi Dewan Keamanan PBB." == speller.correct(once)
