"""The second witness of words the news corpus lacks: wordfreq's Indonesian list (`dictionaries/wordfreq_id.tsv`)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys

import pytest

from speller import Speller, model
from speller.dictionary import ATTESTED_FILE, Dictionary
from speller.errors import DictionaryError
from speller.tables import bundled_path

TABLE = bundled_path() / ATTESTED_FILE
WAIT = 120  # seconds: a bound on a fresh interpreter loading the dictionary, far above the normal second or two


def test_the_attested_list_states_its_source_version_and_licence_and_is_plain_and_sorted():
    """Linted as the other word lists: UTF-8, `\\n` line ends, one header naming wordfreq, its version and the data
    licence, then `word<TAB>frequency per billion` rows, lowercase words, sorted by code point, unique, none of them a
    word the corpus lists (a listed word's prior is its count), every frequency at Zipf 3 or more
    (1,000 per billion)."""
    text = TABLE.read_bytes().decode("utf-8")
    assert "\r" not in text and text.endswith("\n")
    header, *rows = text[:-1].split("\n")
    assert re.fullmatch(r"# .*wordfreq \d+\.\d+(\.\d+)?.*CC BY-SA 4\.0\.", header), header
    assert rows and not any(r.startswith("#") or r != r.strip() for r in rows)
    pairs = [r.split("\t") for r in rows]
    assert all(len(p) == 2 and p[1].isdigit() and int(p[1]) >= 1000 for p in pairs)
    words = [w for w, _ in pairs]
    assert words == sorted(set(words)) and all(w == w.lower() and w.isprintable() for w in words)
    counts = Dictionary(bundled_path()).counts
    assert not [w for w in words if w in counts]


def test_the_dictionary_reads_the_list_and_refuses_a_bad_row(tmp_path):
    d = Dictionary(bundled_path())
    first = TABLE.read_text(encoding="utf-8").split("\n")[1].split("\t")
    assert d.attested(first[0]) == int(first[1]) and d.attested("seperti") == 0
    folder = tmp_path / "d"
    shutil.copytree(bundled_path(), folder)
    (folder / ATTESTED_FILE).write_text("# header\nlemot\tmany\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=ATTESTED_FILE):
        _ = Dictionary(folder).attested("lemot")
    (folder / ATTESTED_FILE).unlink()
    assert Dictionary(folder).attested("lemot") == 0


def _typo(sp: Speller, word: str) -> list[str]:
    """The first suggestion of each typo finding on `word` in a plain sentence."""
    found = sp.check(f"Kata {word} itu ada di sini.")
    return [i.suggestion or "" for i in found if i.word == word and i.category == "typo"]


@pytest.mark.parametrize("word", ["lemot", "trims"])
def test_a_casual_word_the_corpus_lacks_but_wordfreq_knows_is_not_a_typo(monkeypatch, word):
    """`lemot` (slow), `trims` (thanks): unlisted, frequent in wordfreq, no far more frequent word one slip away that
    explains them; without the second witness they are flagged."""
    d = Dictionary()
    assert not d.count(word) and d.attested(word) >= 1000
    assert not _typo(Speller(d, picky=True), word)
    monkeypatch.setattr(model, "LOG_ATTESTED", -math.inf)
    assert _typo(Speller(d, picky=True), word)


def test_a_slip_wordfreq_holds_is_still_a_slip_of_a_far_more_frequent_word():
    """`sesorang` is in wordfreq (Zipf 3 or more) but one slip from `seseorang` and `seorang`, far more frequent: the
    discount takes its attestation."""
    d = Dictionary()
    assert not d.count("sesorang") and d.attested("sesorang") >= 1000 and d.count("seseorang") > 1000
    assert _typo(Speller(d), "sesorang")[0] in ("seorang", "seseorang")


def test_the_checker_never_imports_wordfreq():
    """wordfreq is a build extra: checking text reads the derived list, not the package."""
    code = (
        "import sys; from speller import Speller; Speller().check('Kata lemot itu.'); print('wordfreq' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=WAIT)
    assert done.stdout == "False\n"


def test_a_rivals_slips_are_weighed_against_more_of_the_second_sources_frequency_than_the_prior_takes(monkeypatch):
    """`ketuhanan` (godliness; 3,090 per billion in wordfreq) beside `ketahanan` (250 in a news corpus of 6 million
    words, one edit and 3 nats away): weighed against exp(LOG_ATTESTED) of its frequency there (0.9 sightings) the
    slips of ketahanan (1.7 expected) explain it all; weighed against exp(LOG_ATTESTED_WEIGHED) of it they explain a
    share, and the word keeps its prior. `denganya` (1,259 per billion), one cheap edit from `dengannya` (254),
    the habit news and the web share, stays all slips."""
    from fake_counts import Counts

    d = Counts({"ketahanan": 250, "dengannya": 254})
    assert model.LOG_ATTESTED_WEIGHED > model.LOG_ATTESTED
    assert model.attested_log_p(d, "ketuhanan", [("ketahanan", 1)], 3090, True) > -math.inf
    assert model.attested_log_p(d, "denganya", [("dengannya", 1)], 1259, True) == -math.inf
    monkeypatch.setattr(model, "LOG_ATTESTED_WEIGHED", model.LOG_ATTESTED)  # the prior's own share: all slips
    assert model.attested_log_p(d, "ketuhanan", [("ketahanan", 1)], 3090, True) == -math.inf
