"""Tests for speller.symspell: the delete generator and the delete-index lookup against brute force."""

from __future__ import annotations

from itertools import combinations

from editdistpy import damerau_osa
from hypothesis import given, settings
from hypothesis import strategies as st

from speller.sortedfile import SortedFile
from speller.symspell import DeleteIndex, deletes

WORDS = [
    "angkasa",
    "angsa",
    "pemerintah",
    "pemerintahan",
    "merintih",
    "rintah",
    "perintah",
    "luar",
    "lua",
    "kafe",
    "café",
    "jum'at",
    "negara-negara",
]


def _reference_deletes(word: str, max_distance: int, prefix_length: int) -> set[str]:
    """The definition: every way of removing up to max_distance letters from the prefix."""
    key = word[:prefix_length]
    out = {key}
    for d in range(1, min(max_distance, len(key) - 1) + 1):
        for idx in combinations(range(len(key)), d):
            out.add("".join(ch for i, ch in enumerate(key) if i not in idx))
    return out


@settings(deadline=None)
@given(st.text(alphabet="abcdeé'-", max_size=10), st.integers(1, 3), st.integers(4, 9))
def test_deletes_match_the_definition(word, distance, prefix):
    assert deletes(word, distance, prefix) == _reference_deletes(word, distance, prefix)


def _index(tmp_path, words, distance=2, prefix=7) -> DeleteIndex:
    table: dict[str, list[str]] = {}
    for w in words:
        for d in deletes(w, distance, prefix):
            table.setdefault(d, []).append(w)
    path = tmp_path / "deletes.tsv"
    rows = sorted((k.encode(), " ".join(v).encode()) for k, v in table.items())
    path.write_bytes(b"".join(k + b"\t" + v + b"\n" for k, v in rows))
    return DeleteIndex(SortedFile(path), distance, prefix)


def _brute(word: str, words: list[str], limit: int) -> list[tuple[str, int]]:
    found = [(w, damerau_osa.distance(word, w, limit)) for w in dict.fromkeys(words)]
    return sorted(((w, d) for w, d in found if 0 <= d <= limit), key=lambda p: (p[1], p[0]))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aeginmprtsuhkl'", min_size=3, max_size=14), st.sampled_from([None, 0, 1, 2]))
def test_lookup_finds_what_brute_force_finds(tmp_path_factory, word, limit):
    """Every word within the distance is found (words of 3 to 7 letters: up to the prefix length, where
    SymSpell is exact, and long enough that a delete reaches them)."""
    short = [w for w in WORDS if 3 <= len(w) <= 7]
    index = _index(tmp_path_factory.mktemp("idx"), short)
    got = index.lookup(word, limit)
    assert got == _brute(word, short, 2 if limit is None else limit)
    assert index.lookup(word, limit) == got  # the cached answer is the same


def test_lookup_long_words_and_shared_prefixes(tmp_path):
    index = _index(tmp_path, WORDS)
    assert index.lookup("pemerintahh") == [("pemerintah", 1), ("pemerintahan", 2)]
    assert index.lookup("pemerintahn") == [("pemerintah", 1), ("pemerintahan", 1)]
    assert index.lookup("angksa") == [("angkasa", 1), ("angsa", 1)]
    assert index.lookup("angkaas", 1) == [("angkasa", 1)]
    assert index.lookup("cafe") == [("café", 1), ("kafe", 1)]
    assert index.lookup("zzzzzz") == []
