"""The LanguageTool translation (speller.languagetool) and the server under generated bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from speller.categories import CATEGORY_INFO, CATEGORY_NAMES, DEFAULT_CATEGORIES, Category
from speller.checker import Issue
from speller.languagetool import (
    PICKY_ADDS,
    SENTENCE_REACH,
    RequestError,
    Utf16,
    check_response,
    context,
    parse_check,
    parse_data,
    plain_text,
    select_categories,
    sentence_spans,
    utf16_len,
)
from speller.markup import MARKUPS

# -- pure translation --------------------------------------------------------------------------


@given(st.text(max_size=60))
def test_utf16_offsets_agree_with_the_encoding(text: str) -> None:
    utf16 = Utf16(text)
    for i in range(len(text) + 1):
        assert utf16(i) == len(text[:i].encode("utf-16-le")) // 2
    assert utf16_len(text) == len(text.encode("utf-16-le")) // 2


def test_context_is_cut_with_dots_and_keeps_the_offset() -> None:
    text = "a" * 100 + " angksa\n" + "b" * 100
    start = text.index("angksa")
    ctx = context(text, start, start + 6, size=10)
    assert ctx["text"].startswith("...") and ctx["text"].endswith("...")
    assert "\n" not in ctx["text"]
    assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == "angksa"
    assert context("di angksa", 3, 9) == {"text": "di angksa", "offset": 3, "length": 6}


def test_sentences_split_at_ends_and_line_breaks() -> None:
    text = "Satu dua. Tiga empat!\nLima enam"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Satu dua.", "Tiga empat!", "Lima enam"]


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_end_ends_a_sentence(end: str) -> None:
    # a lone CR (old Mac text) left a heading and its text one sentence
    text = f"Judul{end}Pemerintah Indoensia itu."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Judul", "Pemerintah Indoensia itu."]


def test_a_long_run_without_a_sentence_end_is_cut_around_each_match() -> None:
    """`😀 angksa ` 3,000 times is one "sentence": copied whole into each match it made a 72 KB request answer
    110 MB (QA), and a 150,000-character one take the server down. Each match keeps its part of it."""
    text = "😀 angksa " * 3000
    starts = [i for i in range(len(text)) if text.startswith("angksa", i)]
    issues = [Issue(i, i + 6, "angksa", ("angkasa",), "typo", 0.97) for i in starts]
    answer = check_response(issues, plain_text(text), "id", "1")
    assert len(answer["matches"]) == 3000
    end = len(text.rstrip())
    for m, start in zip(answer["matches"], starts, strict=True):
        assert m["sentence"] == text[max(0, start - SENTENCE_REACH) : min(end, start + 6 + SENTENCE_REACH)].strip()
    assert len(json.dumps(answer)) < 3000 * 4 * (2 * SENTENCE_REACH + 200)
    one = Issue(8, 14, "angksa", ("angkasa",), "typo", 0.97)
    whole = check_response([one], plain_text("Di luar angksa. Lalu"), "id", "1")["matches"][0]["sentence"]
    assert whole == "Di luar angksa."


def test_annotated_text_maps_plain_offsets_to_the_markup() -> None:
    doc = {"annotation": [{"text": "a "}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "bc"}]}
    annotated = parse_data(json.dumps(doc))
    assert annotated.original == "a <br/>bc"
    assert annotated.plain == "a \nbc"
    assert annotated.span(3, 5) == (7, 9)
    assert annotated.span(0, 1) == (0, 1)
    assert annotated.span(2, 3) == (2, 7)  # the interpretation stands for the whole markup


@pytest.mark.parametrize("markup", ["", "<b>J</b>"])
def test_a_span_ending_in_an_interpretation_stays_inside_the_original(markup: str) -> None:
    # found by the hypothesis test below: an empty markup's interpretation mapped one character past the text
    doc = {"annotation": [{"text": "a"}, {"markup": markup, "interpretAs": "'A"}]}
    annotated = parse_data(json.dumps(doc))
    assert annotated.span(0, 3) == (0, 1 + len(markup))
    assert annotated.span(2, 3) == (1, 1 + len(markup))


@pytest.mark.parametrize(
    "fields",
    [
        {"level": "picky"},
        {"enabledRules": "SPELLER_REAL_WORD"},
        {"enabledRules": "real_word"},
    ],
)
def test_real_word_errors_are_turned_on_like_languagetool_rules(fields: dict) -> None:
    assert select_categories(fields) == frozenset(CATEGORY_NAMES)


def test_picky_turns_on_what_is_off_by_default_not_what_the_server_turned_off() -> None:
    """A server whose config disables spacing answers `level=picky` without spacing findings (QA found them back)."""
    server_default = DEFAULT_CATEGORIES - {"spacing"}
    chosen = select_categories({"level": "picky"}, server_default, PICKY_ADDS)
    assert chosen == server_default | {"real_word"}
    assert parse_check(
        {"text": "x", "language": "id", "level": "picky"}, server_default, PICKY_ADDS - {"real_word"}
    ).categories == (server_default)


def test_a_level_asked_for_is_kept_and_none_is_left_to_the_config() -> None:
    assert parse_check({"text": "x", "language": "id"}).picky is None  # `Config.shown` then reads the config's
    assert parse_check({"text": "x", "language": "id", "level": " Picky "}).picky is True
    assert parse_check({"text": "x", "language": "id", "level": "default"}).picky is False


def test_category_selection() -> None:
    assert select_categories({}) == DEFAULT_CATEGORIES
    assert select_categories({"disabledCategories": "TYPOS,TYPOGRAPHY"}) == {"nonstandard", "capitalization"}
    assert select_categories({"disabledCategories": "TYPOS,TYPOGRAPHY,CASING"}) == {"nonstandard"}
    assert select_categories({"enabledOnly": "true", "enabledCategories": "TYPOS"}) == {"typo"}
    assert select_categories({"enabledOnly": "true", "enabledRules": "NOT_OURS"}) == frozenset()
    assert select_categories({"disabledRules": "MORFOLOGIK_RULE_EN_US"}) == DEFAULT_CATEGORIES
    with pytest.raises(RequestError):
        select_categories({"level": "loud"})
    with pytest.raises(RequestError, match="enabledOnly"):  # as LanguageTool answers
        select_categories({"enabledOnly": "true"})
    with pytest.raises(RequestError, match="enabledOnly"):
        select_categories({"enabledOnly": "yes", "enabledRules": "SPELLER_TYPO", "disabledCategories": "STYLE"})


def test_every_category_has_a_distinct_rule_id() -> None:
    rules = [info.lt_rule for info in CATEGORY_INFO.values()]
    assert len(set(rules)) == len(rules)
    assert all(info.issue_type in ("misspelling", "typographical", "style") for info in CATEGORY_INFO.values())


_WORDS = ["di", "luar", "angksa", "praktek", "rumah", "yang", "😀", "👍🏽", "tdk", "ke", "mana", "dimana", "\n", "."]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.booleans())
def test_match_offsets_point_at_the_flagged_word(speller, words: list[str], as_data: bool) -> None:
    text = " ".join(words)
    if as_data:
        parts = [{"markup": "<p>", "interpretAs": "\n\n"}, {"text": text}, {"markup": "</p>"}]
        request = parse_check({"data": json.dumps({"annotation": parts}), "language": "id"})
    else:
        request = parse_check({"text": text, "language": "auto"})
    issues = speller.check(request.text.plain)
    answer = check_response(issues, request.text, request.language, "0")
    units = request.text.original.encode("utf-16-le")
    assert len(answer["matches"]) == len(issues)
    for issue, m in zip(issues, answer["matches"]):
        assert units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le") == issue.word
        assert m["replacements"] == [{"value": s} for s in issue.suggestions]


# -- the running server under generated bad input ----------------------------------------------

if TYPE_CHECKING:
    import httpx
else:
    httpx = pytest.importorskip("httpx")

from test_server import running_server  # noqa: E402 - after the skip


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with running_server("--max-chars", "2000") as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c
        assert c.get("/v2/healthcheck").status_code == 200  # still standing after all of it


#: Fields a `/v2/check` request may add to its `text` and `language` (`data` too: sent with `text`, it is refused).
_EXTRA_FIELDS = [
    "data",
    "level",
    "enabledOnly",
    "enabledCategories",
    "disabledCategories",
    "enabledRules",
    "disabledRules",
    "apiKey",
    "username",
    "motherTongue",
]
_VALUES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        ["id", "id-ID", "auto", "true", "picky", "TYPOS", '{"annotation": []}', '{"annotation": [{"text": "x"}]}']
    ),
)
#: `language` values the server takes (`speller.languagetool.LANGUAGE_CODES`, as clients write them).
_LANGUAGES = st.sampled_from(["id", "id-ID", "auto", "in-ID", " ID "])


@dataclass(frozen=True)
class _Slip:
    """A sentence holding one slip the default checker flags whatever text stands around it on other lines: seven
    plain words or more on each side of the slip keep the generated text out of the reach of the checks that weigh a
    word by its neighbours across a line end (`calibration.among_unknown`: two unknown words after `angksa` read it as
    part of an unreadable passage, confidence 0.124; `checker.LETTERED_REACH`: three words with foreign letters leave
    it alone)."""

    sentence: str
    word: str
    first: str  # the first suggestion
    category: str


_SLIPS = [
    _Slip(
        "Sarung tangan yang telah berada di luar angksa beberapa kali itu kini disimpan di museum negara.",
        "angksa",
        "angkasa",
        "typo",
    ),
    _Slip(
        "Mereka sudah lama tinggal bersama keluarga besar dirumah itu sejak anak pertama mereka lahir dulu.",
        "dirumah",
        "di rumah",
        "spacing",
    ),
]


def _framed(before: str, slip: _Slip, after: str) -> tuple[str, int]:
    """The slip's sentence on a line of its own between generated text, and where its word starts."""
    return f"{before}\n{slip.sentence}\n{after}", len(before) + 1 + slip.sentence.index(slip.word)


def _assert_lt_matches(body: dict[str, Any], original: str, slip: _Slip, start: int, on: bool) -> None:
    """Every match of a `/v2/check` answer lies inside `original`; the slip (its word at `start` of `original`) is
    matched, with its first suggestion and its category's rule, when its category is `on`, else not at all."""
    units = original.encode("utf-16-le")
    for m in body["matches"]:
        assert 0 <= m["offset"] and m["length"] > 0
        assert m["offset"] + m["length"] <= utf16_len(original)
    at = [m for m in body["matches"] if m["offset"] == utf16_len(original[:start])]
    if not on:
        event("the slip's category is off")
        assert at == [], at
        return
    event("the slip is matched")
    assert len(at) == 1, body["matches"]
    [m] = at
    assert units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le") == slip.word
    assert m["replacements"][0] == {"value": slip.first}
    assert m["rule"]["id"] == CATEGORY_INFO[Category(slip.category)].lt_rule


def _json_error_or_answer(response: httpx.Response) -> dict[str, Any]:
    """A JSON answer, or {} for a clear error: plain text `Error: ...` on LanguageTool's routes (as LanguageTool sends
    it: its clients take any JSON answer for a result), `{"error": ...}` on the native ones."""
    assert response.status_code in (200, 400, 401, 404, 405, 413, 415), response.text
    if response.status_code != 200 and response.url.path.startswith("/v2/"):
        assert response.headers["content-type"].startswith("text/plain")
        assert response.text.startswith("Error: ") and response.text[len("Error: ") :].strip()
        return {}
    body: dict[str, Any] = response.json()
    if response.status_code != 200:
        assert isinstance(body["error"], str) and body["error"]
    return body


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.text(max_size=80),
    slip=st.sampled_from(_SLIPS),
    after=st.text(max_size=80),
    language=_LANGUAGES,
    extras=st.dictionaries(st.sampled_from(_EXTRA_FIELDS), _VALUES, max_size=4),
)
@example(before="", slip=_SLIPS[0], after="", language="id", extras={})
def test_generated_form_fields_never_break_the_server(
    client, before: str, slip: _Slip, after: str, language: str, extras: dict[str, str]
) -> None:
    """Generated fields around a valid `text` and `language`: the server refuses what `parse_check` refuses, with a
    plain-text error, and otherwise matches the slip in the text where it stands (unless the fields turn its
    category off)."""
    text, start = _framed(before, slip, after)
    fields = {**extras, "text": text, "language": language}
    response = client.post("/v2/check", data=fields)
    body = _json_error_or_answer(response)
    try:
        parsed = parse_check(fields, DEFAULT_CATEGORIES, PICKY_ADDS)
    except RequestError:
        event("refused")
        assert response.status_code == 400, response.text
        return
    assert response.status_code == 200, response.text
    _assert_lt_matches(body, text, slip, start, slip.category in parsed.categories)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.binary(max_size=300),
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "application/json",
            "text/plain",
            "multipart/form-data",
            "",
            "application/x-www-form-urlencoded; charset=latin-1",
        ]
    ),
    st.sampled_from(["/v2/check", "/api/check", "/v2/languages", "/"]),
)
def test_generated_bodies_never_break_the_server(client, body: bytes, kind: str, path: str) -> None:
    headers = {"content-type": kind} if kind else {}
    response = client.post(path, content=body, headers=headers)
    assert response.status_code != 500
    if path != "/":
        _json_error_or_answer(response)


_ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=30)  # lone surrogates included
#: An annotation part: mostly well formed (text, or markup with its interpretation), sometimes not.
_PART = st.one_of(
    st.fixed_dictionaries({"text": _ANY_TEXT}),
    st.fixed_dictionaries({"markup": _ANY_TEXT}, optional={"interpretAs": _ANY_TEXT}),
    st.fixed_dictionaries({"text": _ANY_TEXT}),
    st.fixed_dictionaries({"markup": _ANY_TEXT}, optional={"interpretAs": _ANY_TEXT}),
    st.dictionaries(
        st.sampled_from(["text", "markup", "interpretAs", "x"]),
        st.none() | st.integers() | _ANY_TEXT,
        max_size=3,
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(_PART, max_size=3),
    slip=st.sampled_from(_SLIPS),
    after=st.lists(_PART, max_size=3),
    language=_LANGUAGES,
)
@example(before=[{"markup": "<p>", "interpretAs": "\n\n"}], slip=_SLIPS[1], after=[{"markup": "</p>"}], language="id")
def test_generated_annotations_never_break_the_server(
    client, before: list[dict], slip: _Slip, after: list[dict], language: str
) -> None:
    """Generated annotation parts around a text part holding a slip on a line of its own: the server refuses what
    `parse_data` refuses, and otherwise matches the slip where it stands in the original (markup included)."""
    parts = [*before, {"text": f"\n{slip.sentence}\n"}, *after]
    data = json.dumps({"annotation": parts})
    response = client.post("/v2/check", data={"data": data, "language": language})
    body = _json_error_or_answer(response)
    try:
        annotated = parse_data(data)
    except RequestError:
        event("refused")
        assert response.status_code == 400, response.text
        return
    assert response.status_code == 200, response.text
    # each part well formed: its `text`, or else its `markup`, stands in the original
    start = sum(len(p["markup"] if p.get("text") is None else p["text"]) for p in before)
    start += 1 + slip.sentence.index(slip.word)
    assert annotated.original[start : start + len(slip.word)] == slip.word
    _assert_lt_matches(body, annotated.original, slip, start, True)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | _ANY_TEXT,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "categories", "x"]), inner, max_size=3)
    ),
    max_leaves=10,
)


def _native_refuses(doc: dict[str, Any]) -> bool:
    """`/api/check` answers 400 to this object with a `text` string (the rules of `json_text` and `api_check`)."""
    categories, picky, markup = doc.get("categories"), doc.get("picky"), doc.get("markup")
    return (
        any(0xD800 <= ord(c) <= 0xDFFF for c in doc["text"])
        or not (
            categories is None
            or (isinstance(categories, list) and all(isinstance(c, str) and c in CATEGORY_NAMES for c in categories))
        )
        or not (picky is None or isinstance(picky, bool))
        or not (markup is None or markup in MARKUPS)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=_ANY_TEXT,
    slip=st.sampled_from(_SLIPS),
    after=_ANY_TEXT,
    extras=st.fixed_dictionaries(
        {},
        optional={
            "categories": st.lists(st.sampled_from(sorted(CATEGORY_NAMES)), unique=True) | _JSON,
            "picky": st.none() | st.booleans() | _JSON,
            "markup": st.sampled_from([None, "text"]) | _JSON,
            "x": _JSON,
        },
    ),
)
@example(before="", slip=_SLIPS[0], after="", extras={})
def test_generated_json_never_breaks_the_native_api(
    client, before: str, slip: _Slip, after: str, extras: dict[str, Any]
) -> None:
    """Generated fields beside a `text` holding a slip on a line of its own: the server refuses a bad field with
    `{"error": ...}`, and otherwise reports the slip where it stands when its category is asked for."""
    text, start = _framed(before, slip, after)
    doc = {**extras, "text": text}
    response = client.post("/api/check", content=json.dumps(doc), headers={"content-type": "application/json"})
    body = _json_error_or_answer(response)
    if _native_refuses(doc):
        event("refused")
        assert response.status_code == 400, response.text
        return
    assert response.status_code == 200, response.text
    assert isinstance(body["issues"], list)
    for row in body["issues"]:
        assert text[row["start"] : row["end"]] == row["word"]
    at = [row for row in body["issues"] if row["start"] == start]
    if doc.get("categories") is not None and slip.category not in doc["categories"]:
        event("the slip's category is off")
        assert at == [], at
        return
    event("the slip is reported")
    assert [(r["word"], r["suggestions"][0], r["category"]) for r in at] == [(slip.word, slip.first, slip.category)]


def test_a_match_over_a_line_break_has_both_sentences() -> None:
    # a word doubled across a line break spans two sentences (each line ends one): its `sentence` was empty
    text = plain_text("Orang yang\nyang datang itu.")
    doubled = Issue(6, 15, "yang\nyang", ("yang",), "typo", 1.0, 1, 7)
    [m] = check_response([doubled], text, "id", "0")["matches"]
    assert m["sentence"] == "Orang yang\nyang datang itu."
