"""The tables of the words' letter model that the builder writes (word_model.tsv): the shipped file is what the
current code writes from the shipped dictionary (a change of `word_shape_words`, of WORD_SHAPE_ORDER or of the words
without a rebuild fails here); loaded, it is the model made of the words, read as asked; a file of another order is
passed over for the words."""

from __future__ import annotations

import functools
import math
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from speller.build import write_word_model
from speller.dictionary import WORD_MODEL_FILE, Dictionary, NameCounts
from speller.model import (
    WORD_SHAPE_ORDER,
    NameShape,
    name_shape,
    name_shape_counts,
    unaccented,
    word_shape,
    word_shape_words,
)

DICTIONARIES = Path(__file__).resolve().parents[1] / "dictionaries"


def test_the_shipped_file_is_what_the_builder_writes_from_the_shipped_dictionary(tmp_path):
    for path in DICTIONARIES.iterdir():
        if path.is_file() and path.name != WORD_MODEL_FILE:
            (tmp_path / path.name).symlink_to(path)
    write_word_model(tmp_path)
    assert (tmp_path / WORD_MODEL_FILE).read_bytes() == (DICTIONARIES / WORD_MODEL_FILE).read_bytes(), (
        "dictionaries/word_model.tsv is stale: rebuild, or run speller.build.write_word_model on dictionaries/"
    )


def test_the_shipped_model_is_read_as_asked_and_is_the_one_made_of_the_words():
    shipped = Dictionary(DICTIONARIES)
    shape = word_shape(shipped)
    assert isinstance(shape._grams, NameCounts)  # read from the file, row by row as asked
    made = NameShape.from_counts(name_shape_counts(word_shape_words(shipped), WORD_SHAPE_ORDER), WORD_SHAPE_ORDER)
    for word in ("berkontirbui", "beririsan", "pelanggaran", "zzq", ""):
        assert shape.log_p(word) == made.log_p(word)


def test_a_model_of_another_order_is_passed_over(tmp_path):
    (tmp_path / "words.tsv").write_text("kata\t5\t5\nkota\t7\t7\n", encoding="utf-8")
    (tmp_path / WORD_MODEL_FILE).write_text("# another model\nka\t1\t1\n", encoding="utf-8")
    d = Dictionary(tmp_path)
    assert d.word_model(WORD_SHAPE_ORDER) is None
    assert word_shape(d).log_p("kata") > word_shape(d).log_p("zzzz")  # made of the words instead


_LETTERS = "abcdeghiklmnoprstuwyzéq-"


@settings(max_examples=300, deadline=None)
@given(st.text(_LETTERS, max_size=14))
def test_log_p_is_the_sum_of_each_letters_smoothed_probability(word):
    """`NameShape.log_p` computes each letter's `_p` from the shortest context up: the same floats as the recursion
    `_p` defines, for the words' model and the names'."""
    shipped = _shipped()
    for shape in (word_shape(shipped), name_shape(shipped)):
        order = shape.order
        padded = "^" * (order - 1) + unaccented(word) + "$"
        reference = sum(
            [math.log(shape._p(padded[i - order + 1 : i], padded[i])) for i in range(order - 1, len(padded))]
        )
        assert shape.log_p(word) == reference


@functools.cache
def _shipped() -> Dictionary:
    return Dictionary(DICTIONARIES)
