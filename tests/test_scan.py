"""The per-text loop: `word_scan` finds the words `word_spans` finds, and the checker's scan (one verdict per
distinct form, pairs found by whole-list passes) finds what the word-by-word loop it replaced found."""

from __future__ import annotations

import re
from itertools import accumulate, compress, filterfalse, islice
from operator import add
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller import Speller
from speller import checker as checker_module
from speller import tokenize as tk
from speller.checker import (
    _DIGIT_AN,
    _NUMBER_AN,
    CATEGORIES,
    CONTEXT_CHARS,
    KNOWN,
    SKIP,
    SPACING,
    TYPO,
    Finding,
    _Lines,
    _merge,
    _numbers_with_suffix,
    _Places,
    _repeats_weighed,
)
from speller.model import repeated
from speller.repeats import repeated_phrase
from speller.spacing import SPACED_HYPHEN, doubled_apart, doubling_gap, may_be_one_word
from speller.tokenize import WORD, _char_facts, _non_ascii, fold, scan, tokenize, word_scan, word_spans

PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)

# -- the reference: the word-by-word loop the scan replaced ------------------------------------------------


def reference_suspects(speller: Speller, text: str, spans: list[tuple[str, int, int]]) -> list[Finding]:
    """`Speller._check_suspects` as it was: a verdict look-up and a pair test per word."""
    d = speller.dictionary
    pairs = SPACING in speller.categories
    doubles = TYPO in speller.categories
    suspects: list[int] = []
    prev, prev_low, prev_start, prev_end = "", "", -1, -1
    for word, start, end in spans:
        verdict = speller._verdict(word)
        if verdict is not KNOWN and verdict is not SKIP:
            suspects.append(start)
        if pairs or doubles:
            low, gap = word.lower(), text[prev_end:start]
            if prev_start >= 0 and (
                (gap == " " and pairs and may_be_one_word(d, prev_low, low))
                or (prev_low == low and doubled_apart(prev, gap, word))  # `yang  yang`, `yang<newline>yang`
                or (pairs and prev_low == low and gap == SPACED_HYPHEN)  # `dasar - dasar`
            ):
                suspects.append(prev_start)
            prev, prev_low, prev_start, prev_end = word, low, start, end
    if pairs or doubles:  # and where a phrase is written twice (`speller.repeats`: `pada saat pada saat`)
        words = [word for word, _, _ in spans]

        def spaced(j: int) -> bool:
            return spans[j][2] + 1 == spans[j + 1][1] and text[spans[j][2]] == " "

        suspects += [spans[i][1] for i in range(len(spans)) if repeated_phrase(words, spaced, i)[0]]
    found: list[Finding] = []
    for start in sorted(set(suspects)):
        if start < 0 or (found and start < found[-1][1]):
            continue
        window = list(tokenize(text, max(0, start - CONTEXT_CHARS), min(len(text), start + 2 * CONTEXT_CHARS)))
        found.extend(speller._check_tokens(text, window, {start}))
    return found


def reference_repeats(found: list[Finding], spans: list[tuple[str, int, int]], intended) -> list[Finding]:  # noqa: ANN001
    """`_repeats_weighed` as it was: over every word span."""
    at = {start: i for i, (_, start, _) in enumerate(spans)}
    typos = {
        fold(spans[at[f.start]][0])
        for f in found
        if f.category == TYPO and f.start in at and spans[at[f.start]][2] == f.end
    }
    if not typos:
        return found
    contexts: dict[str, set[tuple[str, str]]] = {w: set() for w in typos}
    taken: set[int] = set()
    for f in found:
        first = at.get(f.start)
        if first is None or spans[first][2] == f.end:
            continue
        k = first
        while k < len(spans) and spans[k][1] < f.end:
            taken.add(spans[k][1])
            k += 1
    for i in range(1, len(spans) - 1):
        low = fold(spans[i][0])
        if low in contexts and spans[i][1] not in taken:
            contexts[low].add((intended(spans[i - 1][0], True), intended(spans[i + 1][0], False)))
    weighed = []
    least: dict[str, float] = {}
    least_pooled: dict[str, float] = {}  # the share before the hold of a pooled flag (`Finding.pooled`), alike
    for f in found:
        at_word = at.get(f.start)
        form = None
        if f.category == TYPO and at_word is not None and spans[at_word][2] == f.end:
            form = fold(spans[at_word][0])
            times = len(contexts[form])
            if times > 1:
                f = f._replace(confidence=round(repeated(f.confidence, times), 3), pooled=None)
            least[form] = min(least.get(form, 1.0), f.confidence)
            share = f.confidence if f.pooled is None else f.pooled
            least_pooled[form] = min(least_pooled.get(form, 1.0), share)
        weighed.append((f, form))
    return [
        f
        if form is None
        else f._replace(
            confidence=least[form], pooled=None if least_pooled[form] == least[form] else least_pooled[form]
        )
        for f, form in weighed
    ]


def reference_scan(text: str) -> tk.Scan:
    """`scan` as it was before the text was cut at spaces: the whole text cut into runs by a `re` split, and the runs
    that are not one word spliced out (with `placed` then holding every run that is not one word token)."""
    tokens: list[str] = []
    starts: list[int] = []
    others: set[str] = set()
    placed: dict[str, list[int]] = {}
    in_table = tk._in_table(text)
    missed, agree = ("", True) if in_table else tk._missed(text)
    runs_pattern = tk._runs_pattern(missed)
    for marked, start, stop in tk._pieces(text, 0, len(text)):
        if marked:
            others.add(text[start:stop])
            placed.setdefault(text[start:stop], []).append(start)
            for m in tk._compiled(tk._FULL_TOKEN, in_table).finditer(text, start, stop):
                if m.lastgroup == "chunk" and tk._kind("chunk", m.group()) == WORD:
                    tokens.append(m.group())
                    starts.append(m.start())
            continue
        parts = runs_pattern.split(text[start:stop])
        runs = parts[1::2]
        run_starts = list(islice(accumulate(map(len, parts), initial=start), 1, len(parts), 2))
        distinct = set(runs)
        if agree:
            odd = set(filterfalse(str.isalpha, distinct))
        else:
            odd = {r for r in distinct if not (r.isalpha() and tk._compiled(tk._SIMPLE_RUN, False).fullmatch(r))}
        if distinct and max(map(len, distinct)) > tk.MAX_WORD_LENGTH:
            odd.update(r for r in distinct if len(r) > tk.MAX_WORD_LENGTH)
        others |= odd
        chunks = {r: tk._word_chunks(r, in_table) for r in odd}
        other = {r for r, c in chunks.items() if c != [(r, 0)]}
        out: list[str] = []
        out_starts: list[int] = []
        done = 0
        for i in compress(range(len(runs)), map(other.__contains__, runs)):
            out += runs[done:i]
            out_starts += run_starts[done:i]
            placed.setdefault(runs[i], []).append(run_starts[i])
            out += (chunk for chunk, _ in chunks[runs[i]])
            out_starts += (run_starts[i] + offset for _, offset in chunks[runs[i]])
            done = i + 1
        tokens += out + runs[done:]
        starts += out_starts + run_starts[done:]
    return tk.Scan(tokens, starts, others, placed)


# -- texts ------------------------------------------------------------------------------------------------

_PAIRS = [
    "di lakukan",
    "di di",
    "di di di",
    "yang yang",
    "Di di",
    "kawan kawan",
    "berlipat lipat",
    "siapa pun",
    "atau pun",
    "non subsidi",
    "olah raga",
    "dari pada",
    "angksa angksa",
    "menetri menetri menetri menetri",
    "di dirumah",
    "dirumah dirumah",
    "pada ada",
    "terjadi di",
    "sepeti",
    "kerjasama",
    "resiko",
    "Hendarwan Hendrawan Hendrawan",
]
_NOISE = [
    ",",
    ".",
    "-",
    "—",
    "’",
    "'",
    "\n",
    "\t",
    "  ",
    "\u00a0",
    "(",
    "12",
    "1950an",
    "e\u0301",
    "\u00adkata",
    "ka\u200bta",
    "Jum’at",
    "negara-negara",
    "Viva.co.id",
    "#ktt",
    "@kim",
    "a@b.id",
    "www.x.id",
    "https://tempo.co/x",
    "\U000105c0",
    "_",
]
_WORD = st.text(alphabet="aaabdeegiiklmmnnoprrsttuuy", min_size=1, max_size=9)
_PIECE = st.one_of(st.sampled_from(_PAIRS), st.sampled_from(_NOISE), _WORD, _WORD.map(str.capitalize))
TEXTS = st.lists(_PIECE, min_size=1, max_size=16).map(" ".join)
_GLUE = st.sampled_from(["", " ", " ", " ", "\n", "-", ".", "'"])
GLUED = st.lists(st.tuples(_PIECE, _GLUE), min_size=1, max_size=12).map(lambda ps: "".join(a + b for a, b in ps))


def _spans(text: str) -> list[tuple[str, int, int]]:
    words, starts = word_scan(text)
    return list(zip(words, starts, map(add, starts, map(len, words)), strict=True))


# -- word_scan ----------------------------------------------------------------------------------------------


@PROPERTY
@given(st.text(max_size=300))
def test_word_scan_finds_the_words_of_word_spans_in_any_text(text):
    assert _spans(text) == list(word_spans(text))


@PROPERTY
@given(st.one_of(TEXTS, GLUED))
def test_word_scan_finds_the_words_of_word_spans_in_news_like_text(text):
    assert _spans(text) == list(word_spans(text))


#: Pieces between spaces that hold one word not as it stands (`ke-19`, `Rp26`, `'receh'`), no word (`5G`, `2025`), or
#: several (`Fajar/Rian`): `_split_pieces` replaces the first in place and rebuilds the list for the others.
_SPLICED = st.sampled_from(["ke-19", "Rp26", "'receh'", "US$", "5G", "2025", "1990an", "Fajar/Rian", "dan/atau", "A.B"])
MIXED = st.lists(st.one_of(_SPLICED, _WORD, _WORD.map(str.capitalize)), min_size=1, max_size=40).map(" ".join)


@PROPERTY
@given(MIXED)
def test_word_scan_splices_pieces_that_hold_one_word_none_or_several(text):
    assert _spans(text) == list(word_spans(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "kata.",
        "ke-19 kata 5G Fajar/Rian Rp26 kata 'receh' 2025 US$",
        "-kata- .kata. ’kata’ 'kata'",
        "a@b.id www.x.id http://x.y/z kata",
        "#tag @kim kata_lain x#y",
        "Pemerin\u00adtah \u00adkata\u200d",
        "e\u0301 ke\u0301ju cafe\u0301.",
        "1950an 14/8/2023 Su-35 dan/atau a.n.",
        "\U000105c0abc abc\U000105c0",
    ],
)
def test_word_scan_on_edge_cases(text):
    assert _spans(text) == list(word_spans(text))


def test_word_scan_on_the_seeds(seed_texts):
    for text in seed_texts.values():
        assert _spans(text) == list(word_spans(text))


def test_no_ascii_character_is_missed_or_told_apart():
    """`word_scan` asks only about characters outside ASCII: each ASCII character a token may hold is in the `re`
    class of runs, and `str.isalnum` agrees with `regex` on every one."""
    assert [chr(c) for c in range(128) if _char_facts(chr(c)) != (False, False)] == []


@PROPERTY
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=200))
def test_non_ascii_finds_every_character_outside_ascii(text):
    assert _non_ascii(text) == {ch for ch in text if ord(ch) > 127}


def test_non_ascii_keeps_a_lone_surrogate():
    assert _non_ascii("ka\ud800ta é") == {"\ud800", "é"}


_NUMBERS = st.lists(
    st.sampled_from(
        [
            "1950an",
            "1950-an",
            "1.950an",
            "1,950an",
            "x1950an",
            "-20an",
            "(20an)",
            "20an.",
            "2an",
            "2anak",
            "\u0663,5an",
            "@1950an",
            "www.x/20an",
        ]
    )
    | _PIECE,
    min_size=1,
    max_size=10,
)


@PROPERTY
@given(st.one_of(_NUMBERS.map(" ".join), _NUMBERS.map("".join), st.text(alphabet="0129an .,-_@#xw:/\n", max_size=40)))
def test_every_token_that_is_not_a_word_lies_in_an_other_run(text):
    """`scan` gives `word_scan`'s words, and each token of another kind (and each number with a glued -an) lies
    inside one of its other runs, so the checker looks for such numbers only when a run holds a digit and `an`."""
    words, starts, others, placed = scan(text)
    assert (words, starts) == word_scan(text)
    for run, places in placed.items():  # the runs that are not one word, each where it stands
        assert run in others and places == sorted(places) and all(text.startswith(run, at) for at in places)
    for tok in tokenize(text):
        if tok.kind != WORD:
            assert any(tok.text in run for run in others), tok
    if not any(map(_DIGIT_AN.search, others)):
        assert _numbers_with_suffix(text, placed) == []
    # the numbers with a glued -an found in the runs where they stand are those of a search of the whole text
    assert [(f.start, f.end, f.suggestions) for f in _numbers_with_suffix(text, placed)] == [
        (m.start(), m.end(), [f"{m.group(1)}-an"]) for m in re.finditer(_NUMBER_AN, text)
    ]


def _same_as_reference_scan(text: str) -> None:
    """`scan` gives what `reference_scan` gives, `placed` restricted to the runs that hold a letter (`Scan.placed`)."""
    words, starts, others, placed = scan(text)
    ref = reference_scan(text)
    assert (words, starts, others) == (ref.words, ref.starts, ref.others)
    marked = {run for run in ref.placed if any(mark in run for mark in tk._MARKERS)}
    assert placed == {run: at for run, at in ref.placed.items() if run in marked or tk._LETTER.search(run)}
    assert list(placed) == [run for run in ref.placed if run in placed]  # in the order the text first writes them


#: Text cut at spaces and at the separators made spaces, with pieces that are a word, a word beside punctuation,
#: numbers, and runs of several tokens.
_SPACED = st.lists(
    st.one_of(
        _PIECE,
        st.sampled_from(["kata.", "kata,", "'kata'", "(kata)", "“Kata”", "2025", "10/9/2019", "5%", "Rp5juta"]),
        st.sampled_from(["kemarin.Dia", "x#y", "a.n.", "kata-", "-kata", "kata..", ". .", "a" * 70, "1950an."]),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "\n\n", "\t", "\u00a0", ":", "?", "!", ";", '"']),
    ),
    max_size=30,
).map("".join)


@PROPERTY
@given(st.one_of(_SPACED, TEXTS, GLUED, _NUMBERS.map(" ".join), _NUMBERS.map("".join)))
def test_scan_finds_what_the_scan_of_runs_found_in_news_like_text(text):
    _same_as_reference_scan(text)


@PROPERTY
@given(st.text(max_size=200))
def test_scan_finds_what_the_scan_of_runs_found_in_any_text(text):
    _same_as_reference_scan(text)


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list("ab1. ,-'’@#/\n\u00ad\u0301\u00b2é") + ["\U000105c0", "α"]), max_size=60))
def test_scan_finds_what_the_scan_of_runs_found_in_text_of_few_characters(text):
    _same_as_reference_scan(text)


def test_scan_finds_what_the_scan_of_runs_found_in_the_seeds(seed_texts):
    for text in seed_texts.values():
        _same_as_reference_scan(text)


# -- the checker's scan against the word-by-word loop -----------------------------------------------------


@pytest.fixture(scope="module")
def everything(speller):
    return Speller(speller.dictionary, categories=CATEGORIES, min_confidence=0.0)


def _same_as_reference(checker: Speller, text: str) -> None:
    words, starts = word_scan(text)
    spans = list(word_spans(text))
    found = checker._check_suspects(text, words, starts)
    assert found == reference_suspects(checker, text, spans)
    weighed = reference_repeats(found, spans, checker._intended)
    assert _repeats_weighed(found, words, starts, checker._intended) == weighed
    # as `check` calls them: where the words stand, found once for the suspects, answers the later questions
    places = _Places(words)
    assert checker._check_suspects(text, words, starts, None, places) == found
    assert _repeats_weighed(found, words, starts, checker._intended, None, None, places) == weighed
    # and with the lowercase of each distinct form made once for both
    distinct = set(words)
    lows = {w: w.lower() for w in distinct}
    assert checker._check_suspects(text, words, starts, distinct, _Places(words), lows) == found
    assert _repeats_weighed(found, words, starts, checker._intended, distinct, None, _Places(words), lows) == weighed


@PROPERTY
@given(st.one_of(TEXTS, GLUED))
def test_the_scan_finds_what_the_word_by_word_loop_found(speller, text):
    _same_as_reference(speller, text)


def test_the_suspects_pass_finds_where_their_case_variants_stand(speller):
    # `_repeats_weighed` asks where every form written like a typo's but for case stands: the first pass finds them
    text = "Dia pulang ke rumha. Rumha itu besar, RUMHA kami juga."
    words, starts = word_scan(text)
    places = _Places(words)
    assert "rumha" in speller._suspect_forms({"rumha"})
    speller._check_suspects(text, words, starts, None, places)
    assert {"rumha", "Rumha", "RUMHA"} <= places.asked
    assert places.of({"Rumha", "RUMHA"}) == [words.index("Rumha"), words.index("RUMHA")]


@PROPERTY
@given(TEXTS, st.sets(st.sampled_from(sorted(c for c in CATEGORIES if c != "real_word"))))
def test_the_scan_agrees_whatever_the_categories(speller, text, categories):
    _same_as_reference(Speller(speller.dictionary, categories=categories), text)


def test_the_scan_agrees_on_the_seeds(speller, seed_texts):
    for text in seed_texts.values():
        _same_as_reference(speller, text)


def test_pairs_that_may_be_one_word_are_looked_at(speller):
    text = "Mereka di lakukan kawan kawan siapa pun non subsidi di di rumah."
    words, starts = word_scan(text)
    looked = speller._pair_starts(text, words, starts, True)
    assert [text[s : s + 5] for s in looked] == ["di la", "kawan", "siapa", "non s", "di di"]
    doubled = [text.index("kawan kawan"), text.index(" di di ") + 1]
    assert speller._pair_starts(text, words, starts, False) == doubled


@PROPERTY
@given(st.one_of(TEXTS, GLUED))
def test_listed_pairs_are_found_alike_by_key_strings_and_by_the_pair_set(speller, text):
    """A short text's listed pairs (`di lakukan`) are found by a key string per word, a long one's (or any, once the
    checker has made the pair set) through `Speller._join_pairs`: the same starts either way."""
    words, starts = word_scan(text)
    speller.__dict__.pop("_join_pairs", None)  # not made yet: a short text makes key strings
    by_strings = speller._pair_starts(text, words, starts, True)
    assert "_join_pairs" not in speller.__dict__ or len(words) >= checker_module.JOIN_PAIRS_WORDS
    with patch.object(checker_module, "JOIN_PAIRS_WORDS", 0):
        assert speller._pair_starts(text, words, starts, True) == by_strings
    assert speller._join_pairs  # made (when not yet): a short text asks it too
    assert speller._pair_starts(text, words, starts, True) == by_strings


def reference_pair_starts(speller: Speller, text: str, pairs: bool) -> list[int]:
    """`Speller._pair_starts` by its definition, pair by pair: the starts of the words one space before a word they may
    form one word with (`pairs`), or blanks before a word that repeats them (`speller.spacing.doubling_gap`), of a word
    before ` - ` and itself (`dasar - dasar`), and of a phrase written twice (`speller.repeats.repeated_phrase`)."""
    words, starts = word_scan(text)
    out = []
    for i in range(len(words) - 1):
        left, right = words[i].lower(), words[i + 1].lower()
        end = starts[i] + len(words[i])
        if end + 1 == starts[i + 1] and text[end] == " ":
            if (pairs and may_be_one_word(speller.dictionary, left, right)) or left == right:
                out.append(starts[i])
        elif pairs and left == right and text[end : starts[i + 1]] == SPACED_HYPHEN:
            out.append(starts[i])
        elif left == right and doubling_gap(text[end : starts[i + 1]]):
            out.append(starts[i])

    def spaced(j: int) -> bool:
        return doubling_gap(text[starts[j] + len(words[j]) : starts[j + 1]])

    repeats = [starts[i] for i in range(len(words)) if repeated_phrase(words, spaced, i)[0]]  # `pada saat pada saat`
    return sorted({*out, *repeats})


@PROPERTY
@given(st.one_of(TEXTS, GLUED), st.booleans())
def test_pair_starts_are_the_pairs_that_may_be_one_word(speller, text, pairs):
    """The whole-list passes find every pair the pair-by-pair definition finds, and no other."""
    words, starts = word_scan(text)
    assert speller._pair_starts(text, words, starts, pairs) == reference_pair_starts(speller, text, pairs)


def test_pair_starts_on_the_seeds(speller, seed_texts):
    for text in seed_texts.values():
        words, starts = word_scan(text)
        for pairs in (True, False):
            assert speller._pair_starts(text, words, starts, pairs) == reference_pair_starts(speller, text, pairs)


@PROPERTY
@given(
    st.lists(st.one_of(TEXTS, GLUED), min_size=1, max_size=5).flatmap(
        lambda pool: st.lists(st.lists(st.sampled_from(pool), min_size=1, max_size=6), min_size=1, max_size=4)
    ),
    st.booleans(),
)
def test_pair_starts_of_lines_seen_before_are_those_of_the_whole_text(speller, texts, pairs):
    """Texts that share lines (elsewhere, repeated, edited away) checked one after the other: the pair starts of the
    lines remembered and of those looked at are the text's."""
    checker = Speller(speller.dictionary)
    for lines in texts:
        text = "\n".join(lines)
        words, starts = word_scan(text)
        lows = {w: w.lower() for w in set(words)}
        found = checker._pair_starts_by_line(text, words, starts, pairs, _Places(words), lows)
        assert found == reference_pair_starts(checker, text, pairs)


def test_a_cached_window_is_used_only_where_its_surroundings_agree(speller):
    """The same characters around a suspect, once after a sentence end and once mid-sentence (`Sepeti` opens a
    sentence only in the first), or after a letter (no mention): each text gets what a fresh checker finds."""
    tail = " " * CONTEXT_CHARS + "Sepeti biasa @kim dan sepeti itu, kata dia."
    texts = [f"Ia pergi.{tail}", f"Ia pergi {tail}", f"Ia pergi,{tail}", f"Ia pergi{tail}", f"x{tail}", tail]
    checker = Speller(speller.dictionary)
    for text in texts + texts[::-1]:
        assert checker.check(text) == Speller(speller.dictionary).check(text), text


_SPANS = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=12).map(
    lambda pairs: [Finding(a, a + n, ["x"], "typo", 0.5) for a, n in pairs]
)


@settings(max_examples=300, deadline=None)
@given(_SPANS, _SPANS)
def test_merge_keeps_the_findings_that_overlap_none_found(found, more):
    # `_merge` was quadratic (every finding of `more` against every one of `found`); the plain rule is the reference
    expected = sorted(found + [m for m in more if not any(f.start < m.end and m.start < f.end for f in found)])
    assert _merge(found, more) == (expected if more else found)


_FORM_LIST = ["di", "Di", "rumah", "pun", "x", "Hendarwan"]
_FORMS = st.sampled_from(_FORM_LIST)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FORMS, max_size=30), st.lists(st.sets(_FORMS), max_size=6))
def test_places_are_where_the_forms_stand_whatever_was_asked_before(words, asks):
    places = _Places(words)
    for forms in asks:
        assert places.of(forms) == [i for i, w in enumerate(words) if w in forms]


@settings(max_examples=300, deadline=None)
@given(st.lists(_FORMS, max_size=30), st.lists(st.tuples(st.sets(_FORMS), st.sets(_FORMS)), max_size=6))
def test_places_are_where_the_forms_stand_whatever_was_expected_before(words, asks):
    places = _Places(words)
    for expected, forms in asks:
        places.expect(expected)
        assert places.of(forms) == [i for i, w in enumerate(words) if w in forms]
    assert places.of(set(_FORM_LIST)) == list(range(len(words)))


def _line_starts_by_find(text: str) -> list[int]:
    """Where each line of `text` starts, as `_Lines` first found them: after each line break, found one at a time."""
    if "\r" in text:
        return [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \n\r\u2028", max_size=40))
def test_lines_start_after_each_line_break(text):
    lines = _Lines(text)
    assert lines.starts == _line_starts_by_find(text)
    for offset in range(len(text) + 1):
        line, column = lines.position(offset)
        assert lines.starts[line - 1] + column - 1 == offset and lines.starts[line - 1] <= offset


# -- the lines scanned before ------------------------------------------------------------------------------------

#: Lines drawn from a few, so texts share lines and repeat them: `scan` takes those from their last scan.
_LINE = st.one_of(_SPACED, TEXTS, GLUED, st.sampled_from(["", "\r", "kata www.x.id a@b.id", "ke-19 5G Fajar/Rian"]))
_LINE_POOLS = st.lists(_LINE.filter(lambda line: "\n" not in line), min_size=1, max_size=6)


@PROPERTY
@given(_LINE_POOLS.flatmap(lambda pool: st.lists(st.lists(st.sampled_from(pool), max_size=8), min_size=1, max_size=5)))
def test_scan_of_lines_seen_before_is_the_scan_of_the_whole_text(texts):
    """Texts that share lines (in other places, repeated, edited away), scanned one after the other with a memo that
    is often emptied, give the whole-text scan each time."""
    with patch.object(tk, "_LINES", tk._LineMemo(12)):
        for lines in texts:
            text = "\n".join(lines)
            assert scan(text) == tk._scan_text(text)


def test_scan_of_a_text_again_and_edited_is_the_scan_of_the_whole_text(seed_texts):
    with patch.object(tk, "_LINES", tk._LineMemo(100_000)):
        for text in seed_texts.values():
            lines = text.split("\n")
            edited = "\n".join([*lines[:2], "kata-kata baru, 5G www.x.id", *lines[3:], lines[0]])
            for again in (text, text, edited, "\n".join(lines[1:])):
                assert scan(again) == tk._scan_text(again)
        assert tk._LINES.lines  # the lines were taken from the memo


def test_scan_from_several_threads_while_the_memo_is_emptied(seed_texts):
    """`check` may run in several threads: a memo emptied by one while another reads it changes no scan."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    lines = [line for text in seed_texts.values() for line in text.split("\n")]
    texts = ["\n".join(lines[i : i + 3]) for i in range(len(lines) - 2)]  # neighbours share lines
    with patch.object(tk, "_LINES", tk._LineMemo(200)), ThreadPoolExecutor(4) as pool:
        scans = list(pool.map(scan, texts * 20))
    assert scans == [tk._scan_text(text) for text in texts] * 20
