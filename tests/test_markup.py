"""Markdown and HTML masking: non-prose parts become spaces, every offset and line break stays put."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speller.markup import _code_spans, markup_of, mask, mask_html, mask_markdown


def _kept(text: str) -> str:
    """The words left after masking, space-joined."""
    return " ".join(mask_markdown(text).split())


def test_plain_prose_is_unchanged_but_its_emphasis_marks():
    text = "# Judul\n\nDi luar *angkasa* ada **bintang**.\n- satu\n- dua\n"
    assert mask_markdown(text) == text.replace("*", " ")


def test_fenced_code_block():
    text = "Awal\n\n```python\nangksa = 1\n```\nAkhir\n~~~~\nx\n~~~~\n"
    assert _kept(text) == "Awal Akhir"


def test_unclosed_fence_runs_to_the_end():
    assert _kept("Awal\n```\nangksa\nlagi\n") == "Awal"


def test_longer_closing_fence_and_other_char_do_not_close_early():
    text = "````\n```\nangksa\n~~~\n````\nAkhir\n"
    assert _kept(text) == "Akhir"


def test_indented_code_block_after_blank_line():
    text = "Paragraf satu\n\n    angksa = 1\n\tlagi()\n\nParagraf dua\n"
    assert _kept(text) == "Paragraf satu Paragraf dua"


def test_indented_continuation_of_a_paragraph_or_list_is_prose():
    text = "Paragraf\n    lanjutan\n\n- butir\n\n    masih butir\n"
    assert _kept(text) == "Paragraf lanjutan - butir masih butir"


def test_inline_code():
    assert _kept("Pakai `angksa` dan ``a ` b`` saja") == "Pakai dan saja"


def test_inline_code_does_not_cross_a_blank_line():
    text = "Satu `buka\n\ntutup` dua"
    assert mask_markdown(text) == text


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_stray_backtick_pairs_with_none_past_a_blank_line(eol: str):
    """QA: with CRLF line ends no blank line was seen, so one stray backtick paired with one paragraphs later and
    hid every paragraph between."""
    text = eol.join(["Tekan tombol ` untuk membuka menu.", "", "Dia menadi guru.", "", "Kode `x` di sini.", ""])
    assert _kept(text) == "Tekan tombol ` untuk membuka menu. Dia menadi guru. Kode di sini."


def test_link_keeps_text_drops_url():
    assert _kept('Lihat [peta angkasa](https://x.id/angksa "judul") ya') == "Lihat [peta angkasa] ya"
    assert _kept("Gambar ![foto langit](img/angksa_1.png) ini") == "Gambar ![foto langit] ini"
    assert _kept("Rujukan [teks][angksa] saja") == "Rujukan [teks] saja"


def test_link_reference_definition():
    assert _kept('Teks\n\n[1]: https://angksa.example/x "Judul"\n') == "Teks"


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_link_reference_definition_with_any_line_end(speller, eol: str):
    """QA: in a CRLF or lone-CR file the definition was not masked (`$` sees only `\\n`), and `fix` renamed its label,
    breaking the link."""
    text = eol.join(["Lihat [laman][sepeti] ini.", "", '[sepeti]: https://x.id/a "Judul"', "[2]: /b", ""])
    assert _kept(text) == "Lihat [laman] ini."
    assert speller.correct(text, markup="markdown") == text


def test_a_footnote_definition_is_prose(speller):
    """QA: `[^1]: ...` was masked as a link reference definition; in GFM it is a footnote, whose text is checked."""
    text = 'Kata Tempo.[^1]\n\n[^1]: Tempo, "Pemerintah Indoensia sepeti biasa"\n'
    assert _kept(text) == 'Kata Tempo.[^1] [^1]: Tempo, "Pemerintah Indoensia sepeti biasa"'
    assert [i.word for i in speller.check(text, markup="markdown")] == ["Indoensia", "sepeti"]


def test_autolinks():
    assert _kept("Lihat <https://angksa.id/a> atau <redaksi@angksa.id>.") == "Lihat atau ."


def test_html_tags_and_comments():
    text = 'Satu <span class="angksa">dua</span> tiga\n<!-- angksa\nlagi -->\n<br/>empat'
    assert _kept(text) == "Satu dua tiga empat"


def test_yaml_and_toml_front_matter():
    assert _kept("---\ntitle: angksa\ntags: [a]\n---\nIsi\n") == "Isi"
    assert _kept("+++\ntitle = 'angksa'\n+++\nIsi\n") == "Isi"
    assert _kept("Isi\n---\nangksa\n---\n") == "Isi --- angksa ---"  # only at the very start


def test_front_matter_opened_by_a_line_with_trailing_spaces(speller):
    """QA: an opening `--- ` was compared exactly (its closer was stripped), so the YAML values were checked and
    fixed."""
    text = '--- \ntitle: "Pemerintah Indoensia"\n---\n\nDia datang.\n'
    assert _kept(text) == "Dia datang."
    assert _kept("+++\t\r\ntitle = 'angksa'\r\n+++\r\nIsi\r\n") == "Isi"
    assert speller.correct(text, markup="markdown") == text


@pytest.mark.parametrize(
    "opening", ["```\nkode sepeti menadi\n```\n", "    kode sepeti menadi\n\n", "---\na: sepeti\n---\n"]
)
def test_a_byte_order_mark_hides_no_block(speller, opening: str):
    """QA: a leading BOM defeated the fence and the indented code of the first line in the library (the CLI drops
    it first); front matter after it is still front matter."""
    text = "\ufeff" + opening + "Dia menadi guru.\n"
    assert mask_markdown(text).split() == ["\ufeff", "Dia", "menadi", "guru."]
    assert [i.word for i in speller.check(text, markup="markdown")] == ["menadi"]


def test_offsets_point_into_the_original():
    text = "---\na: b\n---\nKode `x` lalu angksa\r\n"
    masked = mask_markdown(text)
    start = masked.index("angksa")
    assert text[start : start + 6] == "angksa"


def test_crlf_line_endings_are_kept():
    text = "```\r\nangksa\r\n```\r\nIsi\r\n"
    masked = mask_markdown(text)
    assert masked == "   \r\n      \r\n   \r\nIsi\r\n"


def test_suffix_and_language_id():
    assert markup_of("a/b.md") == markup_of("README.MARKDOWN") == markup_of(None, "markdown") == "markdown"
    assert markup_of("a.txt") == markup_of("x.txt", "plaintext") == markup_of() == "text"
    assert mask("`x`", "text") == "`x`"
    assert mask("`x`", "markdown") == "   "


_MARKDOWN_BITS = st.sampled_from(
    [
        "kata",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "    ",
        "\t",
        "`",
        "``",
        "```",
        "~~~",
        "---",
        "+++",
        "<",
        ">",
        "<!--",
        "-->",
        "[",
        "]",
        "(",
        ")",
        "![",
        "http://x.id",
        "<a href='x'>",
        "</a>",
        "- ",
        "1. ",
        "😀",
        "“",
        "é",
    ]
)


def _blanked_in_place(text: str, masked: str) -> None:
    """`masked` is `text` with some characters turned to spaces (or soft hyphens: a tag inside a word), every line
    break kept."""
    assert len(masked) == len(text)
    for original, new in zip(text, masked):
        assert new == original or (new in " \u00ad" and original not in "\r\n")


@given(st.lists(_MARKDOWN_BITS, max_size=40).map("".join))
def test_length_and_line_breaks_are_kept(text: str):
    _blanked_in_place(text, mask_markdown(text))


@pytest.mark.parametrize(
    "text",
    [
        "](x (" * 40000,  # once 8.8 s: the title group scanned to the end from every `](`
        "](" + " " * 20000,  # once 4.7 s: nested whitespace quantifiers
        '](x "' * 40000,
        "`a``" * 50000,
        "<!--" * 50000,
        "<code>" * 50000,  # openings no end tag follows
        "<pre " * 40000,
    ],
)
def test_hostile_markdown_is_masked_in_one_pass(text: str):
    """Inputs that were quadratic: the mask keeps length and line breaks (speed is in benchmarks/)."""
    masked = mask_markdown(text)
    assert len(masked) == len(text)


def test_link_destination_with_title_still_masked():
    text = 'Lihat [laman](https://x.id/a_(b) "Judul panjang") dan [lain](<y z> (catatan)).'
    masked = mask_markdown(text)
    assert "laman" in masked and "lain" in masked
    assert "https" not in masked and "Judul" not in masked and "catatan" not in masked


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_fenced_code_is_masked_with_any_line_end(eol: str):
    text = eol.join(["Teks angksa", "```", "kode angksa", "```", "akhir", ""])
    masked = mask_markdown(text)
    assert len(masked) == len(text) and masked.count("angksa") == 1 and masked.count(eol) == text.count(eol)


# -- HTML ----------------------------------------------------------------------------------


def _html_kept(text: str) -> str:
    """The words left after HTML masking, space-joined."""
    return " ".join(mask_html(text).split())


def test_html_keeps_the_text_between_tags():
    page = (
        "<!DOCTYPE html>\n<html><head><title>Berita angksa</title>\n"
        "<style>.angksa { color: red; }</style></head>\n"
        '<body><p class="angksa">Di luar <a href="https://x.id/angksa" data-title="angksa">angksa</a>.</p>\n'
        "<script>var angksa = '</p>';</script><!-- angksa --></body></html>\n"
    )
    assert _html_kept(page) == "Berita angksa Di luar angksa ."


def test_html_alt_and_title_text_is_prose():
    page = '<img src="a.jpg" ALT="Foto angksa" width=3><a title=\'Kata &amp; angksa\' href="/x">b</a><p title>c</p>'
    masked = mask_html(page)
    assert " ".join(masked.split()) == "Foto angksa Kata angksa b c"
    assert masked.index("Foto") == page.index("Foto") and masked.index("Kata") == page.index("Kata")


def test_html_character_references_are_blanked():
    assert _html_kept("Harga&nbsp;naik &amp; turun &#8220;kutip&#x201D; &amp") == "Harga naik turun kutip &amp"


def _words_read(text: str, markup: str) -> list[str]:
    """The words the checker reads in `text` once masked (its soft hyphens are invisible inside a word); the mask
    keeps the length."""
    masked = mask(text, markup)
    assert len(masked) == len(text)
    return masked.replace("\u00ad", "").split()


def test_html_references_inside_words_read_as_their_characters(speller):
    """A reference to a letter or an invisible character is the character a reader sees, padded with soft hyphens
    (invisible inside a word): `caf&eacute;` is `café`, `ke&shy;menterian` one word, not `ke` and `menterian`."""
    page = "<p>ke&shy;menterian caf&eacute; Erdo&#287;an pra&#x6b;tek Ja&shy;krta</p>"
    assert _words_read(page, "html") == ["kementerian", "café", "Erdoğan", "praktek", "Jakrta"]
    issues = speller.check(page, markup="html")
    assert [(i.word, i.suggestion) for i in issues] == [("pra&#x6b;tek", "praktik"), ("Ja&shy;krta", "Jakarta")]
    assert all(page[i.start : i.end] == i.word for i in issues)
    assert speller.correct(page, markup="html") == "<p>ke&shy;menterian caf&eacute; Erdo&#287;an praktik Jakarta</p>"


@pytest.mark.parametrize("markup", ["html", "markdown"])
def test_a_reference_to_an_apostrophe_inside_a_word_is_the_words(speller, markup):
    """QA: `berdo&#8217;a` was split at a blanked apostrophe and flagged (`berdo -> berdoa`, `ruf -> run`); it reads as
    `berdo’a`, clean as it is with a literal ’. A quotation mark outside a word is blanked as before."""
    text = "<p>Al-Qur&#8217;an dibaca tiap Jum&#8217;at, berdo&#8217;a dan Ma&rsquo;ruf, Jum&#39;at &#39;Dia&#39;.</p>"
    assert _words_read(text, markup) == [
        "Al-Qur’an",
        "dibaca",
        "tiap",
        "Jum’at,",
        "berdo’a",
        "dan",
        "Ma’ruf,",
        "Jum'at",
        "Dia",
        ".",
    ]
    assert speller.check(text, markup=markup) == []
    assert speller.correct(text, markup=markup) == text


def test_markdown_reads_references_as_html_does_but_not_in_code(speller):
    text = "Di ke&shy;menterian caf&eacute; &amp; `caf&eacute;` Ja&shy;krta.\n"
    assert _words_read(text, "markdown") == ["Di", "kementerian", "café", "Jakrta."]
    assert [(i.word, i.suggestion) for i in speller.check(text, markup="markdown")] == [("Ja&shy;krta", "Jakarta")]


def test_markdown_emphasis_keeps_the_words_neighbours(speller):
    """`**angksa**` is read beside `luar`, as the plain text is (emphasis marks broke its context), and marks inside
    a word or standing alone are left."""
    plain = [(i.word, i.suggestions[0]) for i in speller.check("Di luar angksa.")]
    for marked in ("Di luar **angksa**.", "Di luar _angksa_.", "Di luar ***angksa***."):
        assert [(i.word, i.suggestions[0]) for i in speller.check(marked, markup="markdown")] == plain
    assert mask_markdown("snake_case 2*3 * butir") == "snake_case 2*3 * butir"
    assert mask_markdown("kata b*ngsat itu") == "kata b*ngsat itu"  # a lone `*` in a word marks nothing


@pytest.mark.parametrize(
    "text", ["Kebijakan pemerin<wbr>tahan itu baik.", "Itu <b>prak</b>tek lama.", "Itu **prak**tek lama."]
)
def test_markdown_reads_a_word_markup_runs_through_as_html_does(speller, text):
    # QA: Markdown blanked an inline tag or emphasis between two letters, so `fix` rewrote half the word
    # (`pemeran<wbr>tahan`, `**prak**tak`); now it joins the word, which a fix leaves to the writer
    assert _words_read(text, "markdown") == _words_read(text.replace("**", "<b>", 1).replace("**", "</b>"), "html")
    for floor in (0.0, 0.5, 0.9):
        assert speller.correct(text, floor, markup="markdown") == text
    assert [i.suggestions for i in speller.check(text, markup="markdown") if "prak" in i.word] in ([], [()])


def test_emphasis_marks_a_handle_or_url_holds_are_its_own(speller):
    """QA: `_` opening a URL's path segment, an @mention or a #hashtag was blanked as emphasis, so the rest read as
    a word and `fix` rewrote `@_dirumah` to `@_di rumah`; emphasis around a handle is still emphasis."""
    text = "Foto diunggah akun @_dirumah, lalu @_praktek_ #_angksa dan https://www.instagram.com/_mengkonfirmasi/.\n"
    assert mask_markdown(text) == text
    assert speller.check(text, markup="markdown") == []
    assert speller.correct(text, markup="markdown") == text
    assert mask_markdown("**@budi** dan _angksa_") == "  @budi   dan  angksa "


def test_html_code_is_not_checked():
    """Code in a page (what Markdown's code spans and blocks become) is not prose: `<code>`, `<pre>`, `<kbd>`,
    `<samp>`, `<var>` are blanked whole; a custom element whose name starts so is not."""
    page = "<p>Kode <code>dirumah</code> dan <pre class=x>angksa\nlagi</pre> di <kbd>Ctrl</kbd> <var>x</var></p>"
    assert _html_kept(page) == "Kode dan di"
    assert _html_kept("<code-block>angksa</code-block> sini") == "angksa sini"


def test_markdown_html_code_elements_are_not_checked(speller):
    """QA: in Markdown only the tags of `<code>`, `<pre>`, `<kbd>`, `<script>`, `<style>` were blanked, so their code
    was checked and fixed; now their content is blanked as the HTML mode does. A tag no end tag follows opens none."""
    text = (
        "Jalankan perintah <code>cek_praktek --mengkonfirmasi</code> di terminal.\n\n"
        "<pre class=x>\nangksa sepeti\n\nmenadi\n</PRE>\n\n"
        "Tekan <kbd>Ctrl</kbd> <script>var angksa;</script><style>.angksa {}</style> lalu <pre> sini.\n"
    )
    assert _kept(text) == "Jalankan perintah di terminal. Tekan lalu sini."
    assert speller.check(text, markup="markdown") == []
    assert _kept("<pre><code>angksa</code> lagi</pre> akhir") == "akhir"


def test_html_comment_or_script_whichever_opens_first_wins():
    assert _html_kept("<script>s = '<!--';</script> teks <!-- <script> --> lagi") == "teks lagi"
    assert _html_kept("awal <!-- tidak ditutup\nangksa") == "awal"  # to the end, as a browser reads it
    assert _html_kept("awal <SCRIPT type='x'>angksa") == "awal"
    assert _html_kept("a <![CDATA[ angksa ]]> b") == "a b"


def test_html_suffix_and_language_id():
    assert markup_of("a/b.html") == markup_of("B.HTM") == markup_of("c.xhtml") == markup_of(None, "html") == "html"
    assert markup_of("a.html") == markup_of("a.md", "html") == "html"  # an editor's languageId wins over the suffix
    assert mask("<b>x</b>", "html") == "   x    "
    with pytest.raises(ValueError, match="markup must be one of: text, markdown, html"):
        mask("<b>x</b>", "xml")


_HTML_BITS = st.sampled_from(
    [" ", "\n", "\r\n", "<a href='x\ny'>", "<style a=b>"]
    + "kata < > / <p> </p> \" ' & ; &amp; &# <!-- --> <script> </script> </style> <![CDATA[ ]]> 😀 é".split(" ")
)


@given(st.lists(_HTML_BITS, max_size=40).map("".join))
def test_html_mask_keeps_length_and_line_breaks(text: str):
    _blanked_in_place(text, mask_html(text))


@pytest.mark.parametrize(
    "text",
    [
        "<style" * 50000,
        "<script " * 40000,
        "<!--" * 50000,
        "&#" * 100000,
        "<a " * 50000,
        "<a b='" * 50000 + ">",  # quoted values that never close, then one `>`
        '<a b="x' * 50000 + ">",
        "<a " * 50000 + ">" + "<b " * 50000,
    ],
)
def test_hostile_html_is_masked(text: str):
    """Text full of openings that never close: each is bounded (speed is in benchmarks/)."""
    assert len(mask_html(text)) == len(text)


# -- HTML a CMS sends (QA: fixes that broke the page) -------------------------------------------------


@pytest.mark.parametrize(
    ("page", "fixed"),
    [
        # a reference at a word's end is the span's whole: no `#105;` left in the article
        ("<p>Mereka mengkonfirmas&#105; dan prakte&#107; itu.</p>", "<p>Mereka mengonfirmasi dan praktik itu.</p>"),
        # tags the old pattern missed are still tags: a Word paste's long style, `@click`, attributes run together
        ('<div style="' + "color:red;" * 300 + '">Di luar angksa</div>', None),
        ('<div x-data @click="praktek = true">Di luar angksa</div>', None),
        ('<p><a href="/dirumah"class="x">Di luar angksa</a></p>', None),
        # an inline tag inside a word leaves it one word: a right word stays right
        ("<p>Kantor pemerin<wbr>tahan kota.</p>", "<p>Kantor pemerin<wbr>tahan kota.</p>"),
    ],
)
def test_fixing_a_page_changes_its_words_and_never_its_markup(speller, page: str, fixed: str | None):
    expected = fixed if fixed is not None else page.replace("angksa", "angkasa")
    assert speller.correct(page, markup="html") == expected
    assert speller.correct(expected, markup="html") == expected


def test_a_word_a_tag_runs_through_is_flagged_but_left_to_the_writer(speller):
    """`<span>prak</span>tek`: one word to a reader (flagged), but a fix over it would drop the `</span>`."""
    page = "<p>Dokter <span>prak</span>tek di sini.</p>"
    [issue] = speller.check(page, markup="html")
    assert issue.word == "prak</span>tek" and issue.suggestions == ()
    assert speller.correct(page, markup="html") == page


@pytest.mark.parametrize(
    "page",
    [
        "<p>Itu <b>prak</b>tek lama, di luar <i>ang</i>ksa.</p>",
        "<p>Dia tinggal <b>di</b>rumah itu.</p>",
    ],
)
def test_no_fix_at_any_threshold_writes_over_a_tag(speller, page):
    # QA: held at 0.899, such a span was fixed, its `</b>` dropped, by `fix --min-confidence 0.8` (as the README
    # suggests), `correct(min_confidence=0.5)` and an accept in `fix -i`: it now offers no replacement, which every fix
    # (`correct`, `fixes`, `apply_fixes`, `fix -i`, an editor's quick fix, the page's) takes from
    from speller.checker import Speller, apply_fixes, fixes

    tags = re.findall(r"<[^>]*>", page)
    everything = Speller(speller.dictionary, min_confidence=0.0)
    through = [i for i in everything.check(page, markup="html") if "<" in i.word]
    assert through and all(i.suggestions == () for i in through)
    for floor in (0.0, 0.5, 0.8, 0.9):
        assert re.findall(r"<[^>]*>", speller.correct(page, floor, markup="html")) == tags
    fixed = apply_fixes(page, fixes(everything.check(page, markup="html"), 0.0))
    assert re.findall(r"<[^>]*>", fixed) == tags


@pytest.mark.parametrize("markup", ["html", "markdown"])
def test_a_word_on_each_side_of_markup_is_no_doubled_word(speller, markup):
    # masked markup reads as blanks, which may part a doubled word (`yang  yang`): across a comment or a tag the fix
    # would have deleted the markup with the second word
    page = "<p>Ia tinggal di <!-- catatan --> di Bogor dan <b>di</b> <i>di</i> rumah.</p>"
    assert speller.check(page, markup=markup) == []
    assert speller.correct(page, markup=markup) == page
    assert [i.word for i in speller.check("<p>Ia tinggal di  di Bogor.</p>", markup=markup)] == ["di  di"]


_CODE_SPAN_DEFINITION = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)


@given(st.text(alphabet=st.sampled_from("`a \n\t"), max_size=60))
def test_code_spans_are_those_the_pattern_finds(text):
    """`_code_spans` scans the runs of backticks once (QA: the pattern was n^1.5 on runs of many lengths in one
    paragraph, 45 s for 1 MB); it finds what the pattern defines."""
    assert _code_spans(text) == [m.span() for m in _CODE_SPAN_DEFINITION.finditer(text)]
