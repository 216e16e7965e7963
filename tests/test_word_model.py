"""The tables of the words' letter model that the builder writes (word_model.tsv): the shipped file is what the
current code writes from the shipped dictionary (a change of `word_shape_words`, of WORD_SHAPE_ORDER or of the words
without a rebuild fails here); loaded, it is the model made of the words, read as asked; a file of another order is
passed over for the words."""

from __future__ import annotations

from pathlib import Path

from speller.build import write_word_model
from speller.dictionary import WORD_MODEL_FILE, Dictionary, NameCounts
from speller.model import WORD_SHAPE_ORDER, NameShape, name_shape_counts, word_shape, word_shape_words

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
