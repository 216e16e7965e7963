"""Tests for speller.tokenize: token kinds, offsets, sentence starts and word runs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller import Speller
from speller.tokenize import (
    _FULL_TOKEN,
    _PLAIN_TOKEN,
    EMAIL,
    HASHTAG,
    MAX_WORD_LENGTH,
    MENTION,
    NUMBER,
    OTHER,
    URL,
    WORD,
    _compiled,
    _matches,
    fold,
    folded,
    is_acronym,
    is_mixed_case,
    runs,
    tokenize,
    word_runs,
    word_spans,
)

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def toks(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


# -- words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["negara-negara", "Jum'at", "Jum’at", "Komsomolsk-on-Amur", "bersama-sama", "terang-terangan", "Hak-kyou"],
)
def test_internal_hyphen_and_apostrophe_stay_in_one_word(word):
    assert toks(f"di {word} itu") == [("di", WORD), (word, WORD), ("itu", WORD)]


def test_plain_sentence_splits_into_words():
    assert toks("Kim Jong Un berikan senapan.") == [
        ("Kim", WORD),
        ("Jong", WORD),
        ("Un", WORD),
        ("berikan", WORD),
        ("senapan", WORD),
    ]


def test_leading_and_trailing_hyphen_or_apostrophe_is_not_part_of_the_word():
    assert toks("-kata- 'kutip' ‘senjata’") == [("kata", WORD), ("kutip", WORD), ("senjata", WORD)]


def test_spaced_dash_is_not_a_word_joiner():
    assert toks("ragu - ragu") == [("ragu", WORD), ("ragu", WORD)]


# -- numbers and other non-words ----------------------------------------------------------


@pytest.mark.parametrize("chunk", ["Su-35", "14/8/2023", "1950-an", "2023", "13/9/23", "40", "Su-57", "1950an"])
def test_chunks_holding_a_digit_are_numbers(chunk):
    assert toks(f"jet {chunk} baru") == [("jet", WORD), (chunk, NUMBER), ("baru", WORD)]


def test_date_in_brackets_is_a_number():
    assert toks("Kamis (14/8/2023).") == [("Kamis", WORD), ("14/8/2023", NUMBER)]


@pytest.mark.parametrize("chunk", ["Tuturpedia.com", "Viva.co.id", "Siap.Viva.co.id", "TEMPO.CO", "dan/atau", "a.n"])
def test_dotted_or_slashed_chunks_are_other(chunk):
    assert toks(f"lihat {chunk} kini") == [("lihat", WORD), (chunk, OTHER), ("kini", WORD)]


@pytest.mark.parametrize(
    "path", ["D:\\Arsip\\Indoensia\\2024", "C:\\", "e:\\Data\\laporan_2024.docx", "D:\\Arsip\\Indoensia\\"]
)
def test_a_windows_path_is_one_token_as_a_unix_path_is(path):
    """QA: a segment of `D:\\Arsip\\Indoensia\\2024` was a word, flagged and fixed to `Indonesia`."""
    assert toks(f"di {path} kini") == [("di", WORD), (path, OTHER), ("kini", WORD)]
    assert toks("di /Arsip/Indoensia/2024 kini") == [("di", WORD), ("Arsip/Indoensia/2024", NUMBER), ("kini", WORD)]


def test_words_joined_by_a_backslash_without_a_drive_stay_words():
    # text copied out of JSON writes its line breaks `\n`: the build corpus's `Indonesia\nDia` is two words (a first
    # reading of Windows paths took every `a\b` for one, and the shipped dictionary no longer rebuilt byte for byte)
    assert toks("Indonesia\\nDia datang") == [("Indonesia", WORD), ("nDia", WORD), ("datang", WORD)]


def test_a_backslash_no_name_follows_joins_none():
    """Markdown's escapes and line-ending backslash leave the words as they are."""
    assert toks("\\*kata\\* datang\\\nlagi\\_") == [("kata", WORD), ("datang", WORD), ("lagi", WORD)]


def test_a_windows_path_is_never_fixed(speller):
    text = "Berkas ada di D:\\Arsip\\Indoensia\\2024 sekarang."
    assert speller.check(text) == []
    assert speller.correct(text) == text


def test_domain_at_text_start_is_one_token():
    tokens = list(tokenize("Tuturpedia.com – Kehadiran Kim"))
    assert [(t.text, t.kind) for t in tokens] == [("Tuturpedia.com", OTHER), ("Kehadiran", WORD), ("Kim", WORD)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.idntimes.com/news/world/kim-jong-un",
        "http://viva.co.id/berita?id=12&x=y",
        "www.tempo.co/read/1",
        # QA: the query of a `mailto:` link was read as words (`subject=dirumah` fixed to `subject=di rumah`)
        "mailto:redaksi@tempo.co.id?subject=dirumah",
        "mailto:?subject=dirumah",
        "tel:+62-21-5360409",
        "ftp://arsip.tempo.co/dirumah",
        "sftp://x.id/praktek",
    ],
)
def test_urls(url):
    assert toks(f"baca {url} sekarang") == [("baca", WORD), (url, URL), ("sekarang", WORD)]


def test_a_link_s_query_is_not_checked(speller):
    text = "Kirim ke mailto:redaksi@x.id?subject=dirumah kemarin, lalu ftp://x.id/dirumah dan tel:praktek."
    assert speller.check(text) == []
    assert speller.correct(text, 0.0) == text
    assert toks("Hotel:Jakarta") == [("Hotel", WORD), ("Jakarta", WORD)]  # `tel:` inside a word opens no link


def test_url_in_brackets_stops_at_the_bracket():
    assert toks("(https://tempo.co/a)") == [("https://tempo.co/a", URL)]


def test_url_at_sentence_end_leaves_the_full_stop_out():
    text = "Baca di https://tempo.co/berita. Lalu"
    assert toks(text) == [("Baca", WORD), ("di", WORD), ("https://tempo.co/berita", URL), ("Lalu", WORD)]


@pytest.mark.parametrize("email", ["redaksi@tempo.co", "nur.agus+idn@idntimes.co.id", "a_b@mail-x.com"])
def test_emails(email):
    assert toks(f"kirim ke {email} ya") == [("kirim", WORD), ("ke", WORD), (email, EMAIL), ("ya", WORD)]


def test_mentions_and_hashtags():
    assert toks("kata @kimjongun_1 soal #KTT2023 dan #perang") == [
        ("kata", WORD),
        ("@kimjongun_1", MENTION),
        ("soal", WORD),
        ("#KTT2023", HASHTAG),
        ("dan", WORD),
        ("#perang", HASHTAG),
    ]


def test_a_hash_inside_a_word_is_not_a_hashtag():
    assert toks("bahasa C# dan x#y") == [("bahasa", WORD), ("C", WORD), ("dan", WORD), ("x", WORD), ("y", WORD)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Instagram@gisel_la)", [("Instagram", WORD), ("@gisel_la", MENTION)]),
        ("akun@Yuni", [("akun", WORD), ("@Yuni", MENTION)]),
        ("abc@def", [("abc", WORD), ("@def", MENTION)]),
        ("IG:@najwashihab", [("IG", WORD), ("@najwashihab", MENTION)]),
    ],
)
def test_a_handle_glued_to_the_word_before_it_is_a_mention(text, expected):
    # news credits a picture so; the handle is never a word to check, the word before it still is
    assert toks(text) == expected


# -- sentence starts ----------------------------------------------------------------------


def starts(text: str) -> dict[str, bool]:
    return {t.text: t.sentence_start for t in tokenize(text)}


def test_first_token_opens_a_sentence():
    assert starts("Presiden bertemu")["Presiden"] is True


def test_token_after_full_stop_question_and_exclamation_opens_a_sentence():
    s = starts("Satu dua. Tiga empat? Lima enam! Tujuh")
    assert s == {"Satu": True, "dua": False, "Tiga": True, "empat": False, "Lima": True, "enam": False, "Tujuh": True}


def test_token_after_line_break_opens_a_sentence():
    tokens = list(tokenize("akhir kata\nawal lagi\r\nketiga pula"))
    assert [(t.text, t.sentence_start) for t in tokens] == [
        ("akhir", True),
        ("kata", False),
        ("awal", True),
        ("lagi", False),
        ("ketiga", True),
        ("pula", False),
    ]


def test_quotes_brackets_and_bullets_before_a_sentence_start_are_skipped():
    tokens = list(tokenize("Ia pergi. “Kami datang. (Mereka juga. • Dia"))
    assert [(t.text, t.sentence_start) for t in tokens] == [
        ("Ia", True),
        ("pergi", False),
        ("Kami", True),
        ("datang", False),
        ("Mereka", True),
        ("juga", False),
        ("Dia", True),
    ]


def test_comma_does_not_open_a_sentence():
    tokens = list(tokenize("Moskow, Rusia dan Pyongyang"))
    assert [t.sentence_start for t in tokens] == [True, False, False, False]


@pytest.mark.parametrize("quote", ['"', "“", "«"])
def test_a_quotation_after_a_comma_opens_a_sentence(quote):
    # `mengatakan, "Resiko itu ...`: the quotation's first word was weighed as a name (its finding hidden)
    tokens = {t.text: t.sentence_start for t in tokenize(f"Kapolres mengatakan, {quote}Resiko itu, 'Kami' tahu")}
    assert tokens["Resiko"] is True and tokens["Kami"] is False and tokens["itu"] is False


def test_a_direct_quotation_is_checked_as_a_sentence(speller):
    text = 'Kapolres mengatakan, "Resiko itu kami tanggung." Ia bilang, “Dirumah saja.”'
    assert [(i.word, i.suggestion) for i in speller.check(text)] == [("Resiko", "Risiko"), ("Dirumah", "Di rumah")]


def test_word_after_spaced_dash_mid_sentence_is_not_a_sentence_start():
    tokens = {t.text: t.sentence_start for t in tokenize("Jakarta, IDN Times - Presiden Rusia")}
    assert tokens["Presiden"] is False


# -- helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["DPR", "KTT", "DPRK", "IDN", "AS"])
def test_acronyms(word):
    assert is_acronym(word)


@pytest.mark.parametrize("word", ["A", "Dpr", "kim", "Kim", "dpR"])
def test_not_acronyms(word):
    assert not is_acronym(word)


@pytest.mark.parametrize("word", ["KimJongUn", "iPhone", "Rusia-DPRK", "LainnyaSindobatam"])
def test_mixed_case(word):
    assert is_mixed_case(word)


@pytest.mark.parametrize("word", ["Kim", "kim", "Komsomolsk-on-Amur", "Jum'at", "negara-negara"])
def test_not_mixed_case(word):
    assert not is_mixed_case(word)


# -- word runs ----------------------------------------------------------------------------


def test_word_runs_break_at_punctuation():
    assert list(word_runs("Presiden Rusia, Vladimir Putin. Dan kemudian")) == [
        ["presiden", "rusia"],
        ["vladimir", "putin"],
        ["dan", "kemudian"],
    ]


def test_word_runs_break_at_non_words_and_brackets():
    assert list(word_runs("jet Su-35 dan (kami) pergi ke tempo.co hari")) == [
        ["jet"],
        ["dan"],
        ["kami"],
        ["pergi", "ke"],
        ["hari"],
    ]


def test_word_runs_normalise_curly_apostrophe_and_case():
    assert list(word_runs("Hari Jum’at ini")) == [["hari", "jum'at", "ini"]]


def test_word_runs_break_at_emoji_and_quotes():
    assert list(word_runs("kata 😀 lain “kutip” akhir")) == [["kata"], ["lain"], ["kutip"], ["akhir"]]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_word_runs_never_cross_a_line_break(newline):
    assert list(word_runs(f"satu dua{newline}tiga empat")) == [["satu", "dua"], ["tiga", "empat"]]


_WORDS = st.sampled_from(["kata", "Rusia", "jum'at", "negara-negara", "di", "luar", "angkasa", "Kim"])
_SEPS = st.sampled_from([" ", "  ", ", ", ". ", "\n", " - ", " (", ") ", "; ", " “", "” ", "\t", "! "])


@PROPERTY
@given(st.lists(st.tuples(_WORDS, _SEPS), min_size=1, max_size=30))
def test_property_word_run_pairs_are_only_space_separated(parts):
    text = "".join(w + s for w, s in parts)
    words = [w.lower() for w, _ in parts]
    allowed = set()
    for i in range(len(parts) - 1):
        if parts[i][1].strip(" \t") == "":
            allowed.add((words[i], words[i + 1]))
    for run in word_runs(text):
        for pair in zip(run, run[1:]):
            assert pair in allowed, (text, run, pair)


# -- offsets property ---------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdefgiklmnoprstuyABKRSZ0123456789") + list(" \n\r\t.,;:!?-'’/@#()“”\"_%+") + ["é", "ñ", "😀", "\u00a0", "ö"]
)
_PIECES = st.one_of(
    st.text(_ALPHABET, max_size=12),
    st.sampled_from(
        ["https://tempo.co/a.b", "www.viva.co.id", "x@y.co", "@kim", "#ktt", "Su-35", "14/8/2023", "Jum'at", "a-b-"]
    ),
)


@PROPERTY
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_property_offsets_slice_back_in_order_without_overlap(text):
    last_end = 0
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.end > tok.start
        assert tok.start >= last_end
        last_end = tok.end


@PROPERTY
@given(st.text(max_size=200))
def test_property_offsets_on_arbitrary_unicode(text):
    last_end = 0
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.start >= last_end
        assert tok.kind in {WORD, NUMBER, URL, EMAIL, MENTION, HASHTAG, OTHER}
        last_end = tok.end


# -- invisible characters, fold, long words, windows -------------------------------------------


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d"])
def test_invisible_characters_stay_inside_one_word(invisible: str):
    text = f"kata Pemerin{invisible}tah baru"
    words = [t for t in tokenize(text) if t.kind == WORD]
    assert [w.text for w in words] == ["kata", f"Pemerin{invisible}tah", "baru"]
    assert [w for w, _, _ in word_spans(text)] == [w.text for w in words]
    assert fold(words[1].text) == "pemerintah"


def test_invisible_characters_may_follow_a_separator_inside_a_word():
    """A masked reference to an apostrophe (`Jum&#8217;at`) is the apostrophe padded with soft hyphens."""
    assert toks("tiap Jum’\u00ad\u00adat dan Al-\u200bQur'\u00adan") == [
        ("tiap", WORD),
        ("Jum’\u00ad\u00adat", WORD),
        ("dan", WORD),
        ("Al-\u200bQur'\u00adan", WORD),
    ]
    assert toks("kata’\u00ad lain") == [("kata", WORD), ("lain", WORD)]


def test_invisible_character_at_a_word_edge_is_not_part_of_it():
    assert [t.text for t in tokenize("\u00adkata\u200d lain")] == ["kata", "lain"]


def test_fold():
    assert fold("Jum’at") == "jum'at"
    assert fold("PEMERIN\u00adTAH") == "pemerintah"
    assert fold("zero\u200bwidth\u200c\u200d") == "zerowidth"
    assert fold("") == ""


def test_word_runs_are_folded():
    assert list(word_runs("Jum’at Pemerin\u00adtah")) == [["jum'at", "pemerintah"]]


def test_overlong_chunks_are_not_words():
    long = "a" * (MAX_WORD_LENGTH + 1)
    assert [t.kind for t in tokenize(f"kata {long} kata")] == [WORD, OTHER, WORD]
    assert [w for w, _, _ in word_spans(f"kata {long}")] == ["kata"]
    assert list(runs(f"satu {long} dua")) == [["satu"], ["dua"]]
    assert [t.kind for t in tokenize("a" * MAX_WORD_LENGTH)] == [WORD]


def test_a_window_is_tokenized_by_what_it_holds():
    """The URL/e-mail pattern is chosen from the window alone, so a window costs its own length."""
    text = "surel a@b.id " + "kata " * 100 + "lihat www.x.id"
    assert all(m.re is _compiled(_PLAIN_TOKEN, True) for m in _matches(text, 23, 63))  # ASCII: the `re` patterns
    assert {m.group() for m in _matches(text) if m.re is _compiled(_FULL_TOKEN, True)} == {
        "a@b.id",
        "www.x.id",
    }  # only the runs holding them
    window = list(tokenize(text, 23, 63))
    whole = [t for t in tokenize(text) if t.start >= 23 and t.end <= 63]
    assert window == whole
    tail = list(tokenize(text, len(text) - 14))
    assert [(t.text, t.kind) for t in tail] == [("lihat", WORD), ("www.x.id", URL)]


#: The full token pattern of the `regex` module, the reference.
_full_pattern = _compiled(_FULL_TOKEN, False)

_TRICKY = "ab@.:/w#'’-\u200b1 \n\t\réÉ-.\\C"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=40), st.data())
def test_property_piecewise_scan_gives_the_full_patterns_tokens(text, data):
    """The URL/e-mail/path pattern only over the runs holding `@`, `://`, `www.` or `\\` finds what it finds over
    everything."""
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    got = [(m.span(), m.lastgroup) for m in _matches(text, pos, end)]
    assert got == [(m.span(), m.lastgroup) for m in _full_pattern.finditer(text, pos, end)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "kata",
                "a@b.id",
                "@budi",
                "#tag",
                "https://x.id/a?b=c.",
                "www.y.co.id",
                "e-mail",
                "Jum'at",
                "1950-an",
                "(http://z.id)",
                "D:\\Arsip\\2024",
                "a\\b",
                "\\*kata\\*",
                "x@",
                "@",
                "://",
                "www.",
                ".",
                ",",
                "\n",
                " ",
                "  ",
                "\t",
            ]
        ),
        max_size=30,
    )
)
def test_property_piecewise_scan_on_realistic_pieces(parts):
    text = " ".join(parts)
    got = [(m.span(), m.lastgroup) for m in _matches(text)]
    assert got == [(m.span(), m.lastgroup) for m in _full_pattern.finditer(text)]


@PROPERTY
@given(st.lists(st.text(alphabet="aAbİIıΣσς’'\u00ad\u200b\u200c\u200d-k", max_size=8)))
def test_folded_folds_each_word(words):
    assert list(folded(words)) == [fold(w) for w in words]


def test_fold_reads_canonically_equivalent_spellings_as_one():
    assert fold("Kafe\u0301") == fold("kaf\u00e9") == "kaf\u00e9"
    assert list(folded(["Kafe\u0301", "KATA"])) == ["kaf\u00e9", "kata"]


def test_the_same_word_in_nfc_and_nfd_gets_the_same_verdict(speller):
    # `kafé` decomposed was one deletion (of the accent) from `kafe` and fixed to it at 0.90; composed it was 0.74
    nfc, nfd = "Mereka makan di kaf\u00e9e dekat rumah.", "Mereka makan di kafe\u0301e dekat rumah."
    assert [(i.suggestions, i.confidence) for i in speller.check(nfc)] == [
        (i.suggestions, i.confidence) for i in speller.check(nfd)
    ]
    assert Speller(speller.dictionary, words=["kafe\u0301e"]).check(nfc) == []


@pytest.mark.parametrize("inside", ["\u200b", "\u00ad"])
def test_an_invisible_character_inside_a_lowercase_word_changes_no_confidence(speller, inside):
    plain, marked = "Pemerintah memuat kebijkan baru.", f"Pemerintah memuat kebi{inside}jkan baru."
    assert [(i.suggestions, i.confidence) for i in speller.check(marked)] == [
        (i.suggestions, i.confidence) for i in speller.check(plain)
    ]
