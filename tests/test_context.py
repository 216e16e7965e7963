"""Context ranking, spacing, standard forms and real-word errors, on the default dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from speller import Speller
from speller.context import EDIT_COST, error_cost, rank
from speller.repeats import repeated_phrase

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def first(speller: Speller, text: str, word: str) -> str | None:
    """The best suggestion for the issue on `word` in `text` (None when it is not flagged)."""
    for issue in speller.check(text):
        if issue.word == word:
            return issue.suggestion
    return None


# -- the noisy channel picks the word the sentence needs -------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected", "plain_symspell_pick"),
    [
        ("sarung tangan yang telah berada di luar angksa beberapa kali", "angksa", "angkasa", "angka"),
        ("fasilitas yang memproduksi jet temuput Su-35", "temuput", "tempur", "tempat"),
        ("untuk memodernisasi angakat laut dan udaranya", "angakat", "angkatan", "angkat"),
    ],
)
def test_context_beats_frequency(picky, text, word, expected, plain_symspell_pick):
    from speller.morphology import damerau_levenshtein

    d = picky.dictionary

    # plain SymSpell orders by edit distance, then frequency: it would pick the wrong word
    def plain(c: str) -> tuple[int, int]:
        return damerau_levenshtein(word, c), -d.count(c)

    assert plain(plain_symspell_pick) < plain(expected)
    assert first(picky, text, word) == expected


def test_without_context_the_channel_falls_back_to_frequency_and_edits(speller):
    d = speller.dictionary
    ranked = rank(d, [("angka", 1), ("angkasa", 1)], None, None, typo="angksa")
    # angka needs a delete, angkasa an insert: with no neighbours, frequency decides
    assert [c for c, _ in ranked][0] == "angka"
    ranked = rank(d, [("angka", 1), ("angkasa", 1)], "luar", None, typo="angksa")
    assert [c for c, _ in ranked][0] == "angkasa"


def test_error_model_prefers_likely_slips():
    assert error_cost("giliranya", "gilirannya") == EDIT_COST["double"]  # an undoubled letter
    assert error_cost("kerena", "karena") == EDIT_COST["vowel"]
    assert error_cost("daftat", "daftar") == EDIT_COST["neighbour"]  # t is next to r
    assert error_cost("presepsi", "persepsi") == EDIT_COST["swap"]
    assert error_cost("angksa", "angkasa") < error_cost("angksa", "angsa") + EDIT_COST["insert"]
    assert error_cost("kata", "kata") == 0


@given(st.text(alphabet="abcdeiknorstu", min_size=1, max_size=8), st.text(alphabet="abcdeiknorstu", max_size=8))
def test_error_cost_is_zero_only_for_the_same_word(a, b):
    cost = error_cost(a, b)
    assert cost >= 0
    assert (cost == 0) == (a == b)


def _reference_error_cost(typo: str, word: str) -> float:
    """The weighted optimal-string-alignment distance written plainly, cell by cell."""
    from speller.context import _sub_cost

    n, m = len(typo), len(word)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        d[0][j] = j * EDIT_COST["insert"]
    for i in range(1, n + 1):
        d[i][0] = i * EDIT_COST["delete"]
        for j in range(1, m + 1):
            a, b = typo[i - 1], word[j - 1]
            best = d[i - 1][j - 1] + (0.0 if a == b else _sub_cost(b, a))
            doubles = (i >= 2 and typo[i - 2] == a) or (j < m and word[j] == a)
            best = min(best, d[i - 1][j] + EDIT_COST["double" if doubles else "insert"])
            undoubled = j >= 2 and word[j - 2] == b
            between = (
                2 <= j < m and b in "aeiou" and all(c.isalpha() and c not in "aeiou" for c in word[j - 2 : j + 1 : 2])
            )
            left_out = "double" if undoubled else "vowel_dropped" if between else "delete"
            best = min(best, d[i][j - 1] + EDIT_COST[left_out])
            if i >= 2 and j >= 2 and a == word[j - 2] and typo[i - 2] == b:
                best = min(best, d[i - 2][j - 2] + EDIT_COST["swap"])
            d[i][j] = best
    return d[n][m]


@settings(max_examples=500)
@given(st.text(alphabet="aeiknrstuyé'\0", max_size=10), st.text(alphabet="aeiknrstuyé'\0", max_size=10))
def test_error_cost_matches_the_plain_recurrence(a, b):
    assert error_cost(a, b) == _reference_channel_cost(a, b)


def _reference_channel_cost(typo: str, word: str) -> float:
    """The recurrence, or one act of the writer where it is cheaper: an abbreviation (`blm` for belum), a skipped
    repeat (`kelehan` for kelelahan)."""
    from speller.context import abbreviation_cost, haplology_cost

    acts = [c for c in (abbreviation_cost(typo, word), haplology_cost(typo, word)) if c is not None]
    return min([_reference_error_cost(typo, word), *acts])


def test_one_edit_cost_is_the_recurrence_wherever_it_answers():
    """Every pair of strings of up to four letters over a vowel pair, a doubled-letter-prone consonant and a
    keyboard neighbour: the one-edit shortcut answers exactly the recurrence, or leaves the pair to it."""
    from itertools import product

    from speller.context import _one_edit_cost

    words = ["".join(p) for n in range(5) for p in product("aebv", repeat=n)]
    answered = 0
    for typo in words:
        for word in words:
            cost = _one_edit_cost(typo, word)
            if cost is not None:
                answered += 1
                assert cost == _reference_error_cost(typo, word), (typo, word)
    assert answered > len(words)  # not only the identical pairs


def test_one_edit_cost_answers_cheap_single_edits_only():
    from speller.context import _one_edit_cost

    assert _one_edit_cost("giliranya", "gilirannya") == EDIT_COST["double"]
    assert _one_edit_cost("pemerintahh", "pemerintah") == EDIT_COST["double"]
    assert _one_edit_cost("presepsi", "persepsi") == EDIT_COST["swap"]
    assert _one_edit_cost("xata", "kata") == EDIT_COST["substitute"]  # no doubled letter in the word to leave out
    assert _one_edit_cost("aab", "abb") is None  # a dear substitution: two doubling edits cost less
    assert error_cost("aab", "abb") == 2 * EDIT_COST["double"]
    assert _one_edit_cost("kta", "kata") == EDIT_COST["vowel_dropped"]  # a vowel between consonants
    assert _one_edit_cost("kat", "kata") == EDIT_COST["delete"]  # the last letter
    assert _one_edit_cost("kaa", "kata") == EDIT_COST["delete"]  # a consonant
    assert _one_edit_cost("ata", "kata") == EDIT_COST["insert"]  # the word's first letter left out
    assert _one_edit_cost("kaat", "kata") is not None
    assert _one_edit_cost("kt", "kata") is None  # two edits: the full recurrence


@given(
    st.text(alphabet="bkmnprst", min_size=1, max_size=5),
    st.sampled_from("aeiou"),
    st.text(alphabet="aeiknrst", max_size=6),
)
def test_a_vowel_left_out_between_consonants_costs_less_than_other_letters_left_out(head, vowel, tail):
    word = f"{head}{vowel}t{tail}"
    at = len(head)
    assert error_cost(word[:at] + word[at + 1 :], word) == EDIT_COST["vowel_dropped"] < EDIT_COST["delete"]
    assume(word[at + 1] != word[at + 2 : at + 3])  # the t is no doubled letter
    assert error_cost(word[: at + 1] + word[at + 2 :], word) == EDIT_COST["delete"]


def test_a_dropped_vowel_outweighs_a_frequent_word_two_slips_away(speller):
    """`sempit` less a vowel, not `sulit` with two letters changed, though `sangat sulit sekali` is frequent."""
    [issue] = speller.check("Jalan itu sangat smpit sekali.")
    assert (issue.word, issue.suggestions[0], issue.flagged) == ("smpit", "sempit", True)


@st.composite
def _slipped(draw: st.DrawFn) -> tuple[str, str]:
    """A word and a typo of it: up to four slips (doubled, dropped, swapped or other letters), so most pairs are
    near, as a candidate and its typo are, and the banded computation is the one used."""
    word = draw(st.text(alphabet="aeiknrstuy", min_size=1, max_size=14))
    typo = word
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(typo)))
        kind = draw(st.sampled_from(("double", "drop", "swap", "insert", "substitute")))
        letter = draw(st.sampled_from("aeiknrstuy"))
        if kind == "double" and i < len(typo):
            typo = typo[: i + 1] + typo[i:]
        elif kind == "drop" and i < len(typo):
            typo = typo[:i] + typo[i + 1 :]
        elif kind == "swap" and i + 1 < len(typo):
            typo = typo[:i] + typo[i + 1] + typo[i] + typo[i + 2 :]
        elif kind == "insert":
            typo = typo[:i] + letter + typo[i:]
        elif i < len(typo):
            typo = typo[:i] + letter + typo[i + 1 :]
    return typo, word


@settings(max_examples=1500)
@given(_slipped())
def test_error_cost_of_near_words_matches_the_plain_recurrence(pair):
    typo, word = pair
    assert error_cost(typo, word) == _reference_channel_cost(typo, word)
    assert error_cost(word, typo) == _reference_channel_cost(word, typo)


# -- spacing both ways ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Saya menunggu dirumah sejak pagi.", "dirumah", "di rumah"),
        ("Mereka pergi kesana kemarin.", "kesana", "ke sana"),
        ("Kegiatan itu di lakukan setiap tahun.", "di lakukan", "dilakukan"),
        ("Peningkatan kerjasama kedua negara.", "kerjasama", "kerja sama"),
        ("Ia gemar olah raga setiap pagi.", "olah raga", "olahraga"),
        ("Harga BBM non subsidi naik.", "non subsidi", "nonsubsidi"),
        ("Siapapun boleh datang.", "Siapapun", "Siapa pun"),
        ("Lihat performa-nya kemarin.", "performa-nya", "performanya"),
        ("Kami bahwapemerintah tahu.", "bahwapemerintah", "bahwa pemerintah"),
        ("Mereka kawan kawan lama.", "kawan kawan", "kawan-kawan"),
        ("Ia sudah berkali kali datang.", "berkali kali", "berkali-kali"),
        ("Lebih baik diam dari pada bicara.", "dari pada", "daripada"),
        ("Hujan atau pun panas, ia datang.", "atau pun", "ataupun"),
        ("Kerja sama antar negara diperkuat.", "antar negara", "antarnegara"),
    ],
)
def test_spacing_errors_are_flagged(speller, text, word, expected):
    issues = [i for i in speller.check(text) if i.word == word]
    assert issues, f"{word!r} not flagged"
    assert issues[0].category == "spacing"
    assert issues[0].suggestion == expected
    assert text[issues[0].start : issues[0].end] == word


@pytest.mark.parametrize(
    "text",
    [
        "Ia tinggal di rumah itu.",
        "Kegiatan itu dilakukan setiap tahun.",
        "Kerja sama kedua negara ditandatangani kemarin.",
        "Mereka keluar dari ruangan dan pergi ke sana.",
        "Meskipun hujan, ia tetap datang; apa pun yang terjadi.",
        "Harga BBM nonsubsidi naik, kata pemerintah kepada wartawan.",
        "Ia membaca halaman Facebook-nya dan berdoa kepada-Nya.",
        "Bahasa itu berasal dari rumpun Melayu.",
        "Indonesia dan Malaysia negara serumpun.",  # se+rumpun, not serum + pun (QA)
        "Kedua negara itu sama-sama membutuhkan bantuan.",
        "Ia tidak sekali pun datang; layanan antar jemput tersedia.",
        "Harga Shell Super hingga kemarin tetap.",
        "Terima kasih atas masukan Anda.",
        "Musim semi sangat indah di sana.",  # `semi` is a free word here: no `semisangat` in news
    ],
)
def test_right_spacing_is_not_flagged(speller, text):
    assert [(i.word, i.category) for i in speller.check(text)] == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Warga dipropinsi itu.", "dipropinsi", "di provinsi"),  # glued preposition
        ("Dia bilang bahwaresiko itu besar.", "bahwaresiko", "bahwa risiko"),  # a run-on of two words
        # the divine -Nya is written apart, capitalized: no clitic to join (QA: `di sisinya`)
        ("Semoga almarhum ditempatkan disisi-Nya.", "disisi-Nya", "di sisi-Nya"),
    ],
)
def test_a_spacing_suggestion_writes_each_word_in_its_standard_form(speller, text, word, expected):
    """QA: `dipropinsi` suggested `di propinsi`, flagged again once applied, while `fix` wrote `di provinsi`: an editor
    applying the suggestion writes what `fix` writes."""
    [issue] = [i for i in speller.check(text) if i.word == word]
    assert issue.suggestions[0] == expected
    applied = text[: issue.start] + expected + text[issue.end :]
    assert applied == speller.correct(text)
    assert speller.check(applied) == []


def test_an_affixed_root_ending_in_pun_is_not_split_at_the_particle(speller):
    """`serumpun` is se+rumpun, not `serum pun`: the pun of a root (`rumpun`, `himpun`) is no particle under any prefix;
    that of a closed form (`sekalipun`) is (`sesekali pun`)."""
    from speller.spacing import PARTICLE, detached_particle

    d, morph = speller.dictionary, speller.morphology
    roots = sorted(r for r in d.roots if r.endswith(PARTICLE) and r != PARTICLE and r not in d.closed_compounds)
    assert {"rumpun", "himpun"} <= set(roots)
    split = [
        (word, apart)
        for root in roots
        for cls in ("se", "ber", "meN", "peN", "ter", "di", "ke", "per")
        if (apart := detached_particle(d, word := morph.with_prefix(cls, root), speller._plain_known, morph.analyses))
    ]
    assert split == []
    assert detached_particle(d, "sesekalipun", speller._plain_known, morph.analyses) == "sesekali pun"
    assert detached_particle(d, "siapapun", speller._plain_known, morph.analyses) == "siapa pun"


# -- standard forms ---------------------------------------------------------------------------


def test_baku_table_loads(speller):
    baku = speller.dictionary.baku
    assert len(baku) >= 300
    assert baku["praktek"] == "praktik" and baku["resiko"] == "risiko" and baku["sekedar"] == "sekadar"
    assert all(k != v for k, v in baku.items())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("praktek", "praktik"),
        ("dipraktekkan", "dipraktikkan"),
        ("resiko", "risiko"),
        ("aktifitas", "aktivitas"),
        ("mengkonfirmasi", "mengonfirmasi"),
        ("mempengaruhi", "memengaruhi"),
        ("mempengaruhinya", "memengaruhinya"),
        ("mentaatinya", "menaatinya"),
        ("mengkonsumsinya", "mengonsumsinya"),
        ("mempesonanya", "memesonanya"),
        ("respon", "respons"),
    ],
)
def test_nonstandard_forms_and_their_inflections(speller, word, expected):
    issues = speller.check(f"Kami melihat {word} itu kemarin.")
    assert [(i.word, i.suggestion, i.category) for i in issues] == [(word, expected, "nonstandard")]


@pytest.mark.parametrize(("word", "expected"), [("Aktifitas", "Aktivitas"), ("Respon", "Respons")])
def test_a_capitalized_nonstandard_form_opening_a_sentence_keeps_its_capital(speller, word, expected):
    issues = speller.check(f"Kemarin hujan. {word} itu kami lihat.")
    assert [(i.word, i.suggestion, i.category) for i in issues] == [(word, expected, "nonstandard")]


def test_a_capitalized_nonstandard_form_inside_a_sentence_is_a_name_and_not_reported(speller):
    # On dev, none of the capitalized baku words inside a sentence was an error (bulan Ramadhan, Goa Rangko).
    assert speller.check("Mereka berpuasa selama bulan Ramadhan tahun ini.") == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Sejak tahun 1950an ia bekerja.", "1950an", "1950-an"),
        ("Sekitar 13.000an orang datang.", "13.000an", "13.000-an"),
        ("Kondusifitas wilayah terjaga.", "Kondusifitas", "Kondusivitas"),
        ("Para pengrajin batik datang.", "pengrajin", "perajin"),
    ],
)
def test_standard_endings_and_numbers_with_an(speller, text, word, expected):
    assert [(i.word, i.suggestion, i.category) for i in speller.check(text)] == [(word, expected, "nonstandard")]


def test_numbers_written_right_are_left_alone(speller):
    assert speller.check("Pada 1950-an, 2020 dan Su-35 serta 14/8/2023 dicatat.") == []


def test_root_ending_in_k_keeps_it_before_kan(speller):
    issues = speller.check("Data itu menunjukan kenaikan harga.")
    assert [(i.word, i.suggestion, i.category) for i in issues] == [("menunjukan", "menunjukkan", "typo")]


def test_kpst_exceptions_are_standard(speller):
    assert speller.check("Ia mempunyai waktu untuk mengkaji dan memproduksi laporan.") == []


# -- real-word errors -------------------------------------------------------------------------


def test_rare_listed_slip_is_caught_by_default(speller):
    # `dinginkan` is listed (a rare word), but the model weighs it against `diinginkan` in its context
    text = "Kunjungan itu mengisyaratkan apa yang dinginkan Kim dari Rusia."
    issues = [i for i in speller.check(text) if i.word == "dinginkan"]
    assert [i.suggestion for i in issues] == ["diinginkan"]


@pytest.fixture(scope="module")
def real_word(speller) -> Speller:
    """The default categories and real_word, down to the least confident issue (real_word findings read 0.143)."""
    return Speller(speller.dictionary, categories=["typo", "nonstandard", "spacing", "real_word"], min_confidence=0.0)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # slips of news articles (clickid-posmetro-medan) into another listed word, which only the neighbours doubt
        ("Ia tidak meneruskan pendidikan ke sekolah menegah atas.", "menegah", "menengah"),
        ("Ia pernah penjabat sebagai ketua panitia.", "penjabat", "menjabat"),
        ("Rapat besok digelar untuk menyikap perkembangan itu.", "menyikap", "menyikapi"),
    ],
)
def test_real_word_slip_of_a_known_word_needs_the_real_word_category(real_word, lenient, picky, text, word, expected):
    # the word is plainly fine alone: the default categories leave it, however unsure an issue they show
    assert lenient.check(text) == []
    assert picky.check(text) == []
    # the real_word category weighs it against its neighbours
    start = text.index(word)
    issues = real_word.check(text)
    assert [(i.start, i.end, i.word, i.suggestion, i.category) for i in issues] == [
        (start, start + len(word), word, expected, "real_word")
    ]


# -- a correct sentence from the corpus stays unflagged ---------------------------------------


def _clean_sentences() -> list[str]:
    """Sentences of a held-out news file that the labelers found no error in and that hold only plain words."""
    path = SHARED / "antara-2025.txt"
    if not path.is_file():
        return []
    import json

    errors = [
        json.loads(line) for line in open(Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "errors.jsonl")
    ]
    spans = [(e["start"], e["end"]) for e in errors if e["file"] == "corpus/antara-2025.txt"]
    text = path.read_text(encoding="utf-8")
    out, pos = [], 0
    for line in text.split("\n"):
        for sentence in line.split(". "):
            start = text.find(sentence, pos)
            end = start + len(sentence)
            if 40 <= len(sentence) <= 200 and not any(s < end and start < e for s, e in spans):
                out.append(sentence)
        pos += len(line) + 1
    return out


CLEAN = _clean_sentences()


@pytest.mark.skipif(not CLEAN, reason="needs the shared corpus beside the repository")
def test_correct_news_sentences_are_rarely_flagged(speller):
    # Held-out sentences with no labeled error (the labels cover every article of the file):
    # the measured false-alarm rate is about 1.4 per 1,000 tokens; guard it at 3.
    from speller.tokenize import WORD, tokenize

    tokens = sum(1 for s in CLEAN for t in tokenize(s) if t.kind == WORD)
    flagged = [i.word for s in CLEAN for i in speller.check(s)]
    assert tokens > 5_000
    assert len(flagged) / tokens * 1000 <= 3.0, flagged


@pytest.fixture(scope="module")
def plain_words(speller) -> list[str]:
    """Frequent lowercase words that no rule is about: not names, tables, bound forms or join halves."""
    from speller.spacing import BOUND_FORMS

    d = speller.dictionary
    return sorted(
        w
        for w, n in d.counts.items()
        if n >= 2000
        and w.isalpha()
        and w not in d.names
        and w not in d.baku
        and w not in d.compounds
        and w not in d.join_lefts
        and w not in BOUND_FORMS
        and not w.endswith("pun")
    )


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_sentence_of_plain_known_words_is_never_flagged(speller, plain_words, data):
    words = data.draw(st.lists(st.sampled_from(plain_words), min_size=1, max_size=25))
    words = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]  # no doubled words
    sentence = " ".join(words).capitalize() + "."
    written = sentence[:-1].split(" ")  # nor a phrase written twice (`adalah yang adalah yang`), a slip too
    assume(not any(repeated_phrase(written, lambda _: True, i)[0] for i in range(len(written))))
    assert speller.check(sentence) == []


@st.composite
def _slipped_pair(draw: st.DrawFn) -> tuple[str, str]:
    """A word over few letters (doubled letters are common) and a typo of it: a few letters doubled, dropped, changed
    or swapped, so the two are near, as a candidate and its typo are."""
    word = draw(st.text(alphabet="aek", min_size=2, max_size=12))
    typo = list(word)
    for _ in range(draw(st.integers(1, 3))):
        if not typo:
            break
        at = draw(st.integers(0, len(typo) - 1))
        slip = draw(st.sampled_from(["double", "drop", "change", "swap"]))
        if slip == "double":
            typo.insert(at, typo[at])
        elif slip == "drop":
            del typo[at]
        elif slip == "change":
            typo[at] = draw(st.sampled_from("aek"))
        elif at + 1 < len(typo):
            typo[at], typo[at + 1] = typo[at + 1], typo[at]
    return "".join(typo), word


@settings(max_examples=500)
@given(_slipped_pair())
def test_banded_cost_is_the_whole_recurrence(pair: tuple[str, str]) -> None:
    """The band `_banded_cost` computes (narrower for a word without a doubled letter, whose letters left out cost at
    least a deletion) holds a cheapest alignment: the same cost as the plain recurrence, on long pairs too."""
    from speller.context import _banded_cost

    typo, word = pair
    assert _banded_cost(typo, word) == _reference_error_cost(typo, word)
