"""A window's tokens between its first and last break are the whole text's there.

The checker tokenizes each window (`Speller._check_window`: `tokenize(text, begin, end)`). No token crosses a space,
tab or line break (`speller.tokenize._BREAKS`), so only the runs a window's edges cut (`Indon|esia`, half a URL) can
be tokenized differently from the whole text; the tokens between its first and last break are the whole text's. Any
scheme that tokenizes a text once and hands windows their slice relies on this (`benchmarks.window_bound` measures
one), so it is proved here on random texts: words, punctuation, URLs, e-mails, mentions, line breaks, characters
outside the `re` table, texts long enough to hold several windows.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from speller import tokenize as tk

#: What texts are built from: words, the odd tokens, what stands between them, and characters `regex` must scan.
PIECES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "kata",
                "Indonesia",
                "Jum’at",
                "1950-an",
                "a@b.co.id",
                "budi.santoso@mail.com",
                "https://www.x.id/berita/1.html",
                "www.x.id",
                "#tag",
                "@budi",
                "a.n.",
                "negara-negara",
                "kemarin.Dia",
                "5juta",
            ]
        ),
        st.sampled_from([" ", " ", " ", "\n", "\t", "\r\n", ". ", ", ", "(", ")", '"', "“", "”", "-", "/", ".", "@"]),
        st.sampled_from(["é", "ß", "\u00ad", "\u200b", "—", "ā", "中", "\u0301"]),
    ),
    max_size=120,
).map("".join)


def _window_from_whole(text: str, begin: int, end: int, whole: list[tk.Token]) -> list[tk.Token] | None:
    """The tokens of `text[begin:end]` built from the whole text's between its first and last break, the runs at
    its edges tokenized alone; None when it holds no break."""
    breaks = [i for i in range(begin, end) if text[i] in tk._BREAKS]
    if not breaks:
        return None
    head, tail = breaks[0], breaks[-1]
    inside = [t for t in whole if head <= t.start < tail]
    return list(tk.tokenize(text, begin, head)) + inside + list(tk.tokenize(text, tail, end))


@settings(max_examples=400, deadline=None)
@given(PIECES, st.data())
def test_property_a_window_between_its_breaks_holds_the_whole_texts_tokens(text, data):
    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    whole = list(tk.tokenize(text))
    built = _window_from_whole(text, begin, end, whole)
    if built is not None:
        assert list(tk.tokenize(text, begin, end)) == built


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, min_size=2, max_size=6).map(" ".join), st.data())
def test_property_every_window_of_a_long_text_holds_the_whole_texts_tokens(text, data):
    whole = list(tk.tokenize(text))
    step = data.draw(st.integers(1, 60))
    for start in range(0, len(text), step):  # the checker's windows: 40 characters before a word, 80 after
        begin, end = max(0, start - 40), min(len(text), start + 80)
        built = _window_from_whole(text, begin, end, whole)
        if built is not None:
            assert list(tk.tokenize(text, begin, end)) == built


def test_a_window_cutting_a_word_and_a_url_keeps_its_own_edge_tokens():
    text = "Presiden di Indonesia membaca https://www.x.id/berita/1.html hari ini"
    begin, end = text.index("donesia"), text.index("x.id")
    got = list(tk.tokenize(text, begin, end))
    assert [(t.text, t.kind) for t in got] == [("donesia", tk.WORD), ("membaca", tk.WORD), ("https://www", tk.URL)]
    assert "https://www.x.id/berita/1.html" in [t.text for t in tk.tokenize(text)]  # the whole text's differ there
    assert got == _window_from_whole(text, begin, end, list(tk.tokenize(text)))
