"""The cheap candidate path against brute force, on the bundled dictionary.

`DeleteIndex.lookup` (cached per delete key, grouped by length, distance 1 cut from distance 2) must give
what a scan of every indexed word gives; `Speller._rivals` (inflected forms validated lazily) must give what
the full `_find_candidates` list cut to `MAX_WEIGHED` gives.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from editdistpy import damerau_osa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speller import Speller
from speller.checker import CATEGORY_NAMES, MAX_WEIGHED, NO_RIVAL
from speller.model import Prior, decide
from speller.symspell import DeleteIndex, deletes

PROPERTY = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
LETTERS = "abcdeghijklmnoprstuwy"
AFFIXES = ("", "nya", "kan", "an", "lah", "me", "di", "ber", "pe", "ter")


@pytest.fixture(scope="module")
def indexed(speller: Speller) -> list[str]:
    """Every word the delete index points to, read from the file itself."""
    words: set[str] = set()
    with open(speller.dictionary.path / "deletes.tsv", encoding="utf-8") as f:
        for line in f:
            words.update(line.rstrip("\n").split("\t", 1)[1].split(" "))
    return sorted(words)


@st.composite
def typos(draw: st.DrawFn, words: list[str]) -> str:
    """A word of the dictionary with an affix, then up to two slips (or, sometimes, random letters)."""
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.text(alphabet=LETTERS, min_size=1, max_size=14))
    word = draw(st.sampled_from(words))
    affix = draw(st.sampled_from(AFFIXES))
    word = affix + word if affix in ("me", "di", "ber", "pe", "ter") else word + affix
    for _ in range(draw(st.integers(0, 2))):
        i = draw(st.integers(0, max(len(word) - 1, 0)))
        kind = draw(st.sampled_from(("delete", "insert", "substitute", "swap")))
        letter = draw(st.sampled_from(LETTERS))
        if kind == "delete" and len(word) > 1:
            word = word[:i] + word[i + 1 :]
        elif kind == "insert":
            word = word[:i] + letter + word[i:]
        elif kind == "substitute":
            word = word[:i] + letter + word[i + 1 :]
        elif i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def _brute_lookup(word: str, words: list[str], index: DeleteIndex, limit: int) -> list[tuple[str, int]]:
    """Every indexed word within `limit` edits that shares a delete of its prefix with the word's (what SymSpell
    with a prefix length promises), nearest first, then alphabetical."""
    mine = deletes(word, limit, index.prefix_length)
    found = []
    for w in words:
        dist = damerau_osa.distance(word, w, limit)
        if 0 <= dist <= limit and mine & deletes(w, index.max_distance, index.prefix_length):
            found.append((w, dist))
    return sorted(found, key=lambda p: (p[1], p[0]))


def test_lookup_matches_brute_force_on_the_dictionary(speller: Speller, indexed: list[str]) -> None:
    short = [w for w in indexed if len(w) <= 9]

    @PROPERTY
    @given(typos(short))
    def check(word: str) -> None:
        index = DeleteIndex(speller.dictionary.deletes, speller.dictionary.max_edit_distance, 7)
        for limit in (2, 1, 0):  # distance 1 and 0 are cut from the cached distance-2 answer
            assert index.lookup(word, limit) == _brute_lookup(word, indexed, index, limit)
        fresh = DeleteIndex(speller.dictionary.deletes, speller.dictionary.max_edit_distance, 7)
        assert fresh.lookup(word, 1) == _brute_lookup(word, indexed, fresh, 1)  # and computed directly

    check()


def _reference_weighed(speller: Speller, word: str) -> list[tuple[str, int]]:
    """What the model weighs for an unknown word, from every candidate (every inflected form validated), as
    `_rivals` cut it before the lazy path."""
    found = speller._find_candidates(word)
    if len(found) > MAX_WEIGHED:
        found = sorted(found, key=lambda c: (c[1], -speller.dictionary.count(c[0].split(" ")[0]), c[0]))
        found = found[:MAX_WEIGHED]
    return found


def test_lazy_rivals_match_the_full_candidate_list(speller: Speller) -> None:
    words = sorted(w for w, n in speller.dictionary.counts.items() if n >= 50 and w.isalpha() and len(w) >= 4)

    @PROPERTY
    @given(typos(words))
    def check(word: str) -> None:
        fresh = Speller(speller.dictionary)  # empty caches: the lazy path runs
        assert fresh._weighed(word) == _reference_weighed(fresh, word)
        if not speller.dictionary.count(word):
            meant = [c for c, _ in _reference_weighed(fresh, word) if fresh._meant_rival(c)]
            assert fresh._rivals(word) == meant  # less the candidates no writer means (tests/test_rivals.py)

    check()


@pytest.mark.parametrize(
    "word",
    ["pemerintahh", "mengonfrimasi", "rencanannya", "dilakukanya", "angksa", "blm", "lsng", "kelehan", "berspektif"],
)
def test_lazy_rivals_on_known_slips(speller: Speller, word: str) -> None:
    assert Speller(speller.dictionary)._weighed(word) == _reference_weighed(Speller(speller.dictionary), word)


def test_lazy_rivals_on_seeded_slips_of_affixed_words(speller: Speller) -> None:
    """The lazy path keeps the sorted keys of the nearest three and of the weighed ones and updates them per valid
    offer (`LazyCandidates.weighed`); over seeded slips of affixed frequent words it gives the reference list, and
    among them are words with valid offers (the keys updated) whose candidates are more than the weighed ones (the
    list cut from the kept keys)."""
    import random

    from speller.candidates import LazyCandidates

    rng = random.Random(13)
    frequent = sorted(w for w, n in speller.dictionary.counts.items() if n >= 200 and w.isalpha() and len(w) >= 4)
    updated = 0
    for _ in range(120):
        word = rng.choice(frequent) + rng.choice(("nya", "kan", "an", "lah", ""))
        if rng.random() < 0.5:
            word = rng.choice(("me", "di", "ber", "ter", "pe")) + word
        i = rng.randrange(len(word))
        word = word[:i] + rng.choice(LETTERS) + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i + 1 :]
        fresh = Speller(speller.dictionary)  # empty caches: the lazy path runs
        lazy = LazyCandidates(fresh, word)
        assert lazy.weighed() == _reference_weighed(Speller(speller.dictionary), word), word
        updated += bool(lazy.valid) and len(lazy._known()) > MAX_WEIGHED
    assert updated >= 10


#: Slow cold suggests (`python -m benchmarks.cold_suggest --tail`): slips offering 40-800 inflected forms, or with
#: hundreds of SymSpell words, many of them tied with the third nearest key or the last weighed one; then the 20
#: slowest of a run with stems of up to 6 letters looked up within one edit (`speller.morphology.SHORT_STEM` 6; it
#: is 5), which offer fewer.
SLOW_SUGGESTS = (
    "mengerjtakan",
    "menyramkan",
    "terxpetakan",
    "kealsiannya",
    "caanya",
    "menarki",
    "pengemuzi",
    "pendqidikan",
    "menyusuktan",
    "inslah",
    "waar",
    "mengmbangi",
    "meainkan",
    "memengarduhi",
    "penggundaannya",
    "akab",
    "mengoentari",
    "mempesrilakan",
    "mewmenangkan",
    "menganitongi",
    "mengerahsan",
    "mengamaknan",
    "memeintahkan",
    "mengetmbangkan",
    "pemberitahan",
    "pengendadian",
    "mengalahan",
    "penybelidikan",
    "menperingati",
    "pengelesaiannya",
    "wrld",
    "meneuankan",
)


def test_lazy_rivals_on_the_slowest_cold_suggests(speller: Speller) -> None:
    """The offers `LazyCandidates.weighed` leaves out before sorting (past the third nearest key or the last weighed
    one when its loop starts) change nothing: the reference list for every slow word, and most of them leave offers
    that were never validated."""
    from speller.candidates import LazyCandidates

    unvalidated = 0
    for word in SLOW_SUGGESTS:
        lazy = LazyCandidates(Speller(speller.dictionary), word)
        assert lazy.weighed() == _reference_weighed(Speller(speller.dictionary), word), word
        unvalidated += bool(lazy.pending)
    assert unvalidated >= len(SLOW_SUGGESTS) // 2


def test_a_lone_word_gets_what_check_finds(speller: Speller) -> None:
    """`suggest`'s shortcut (`_alone`: only the per-word checks) finds what the whole `check` finds."""
    everything = Speller(speller.dictionary, categories=CATEGORY_NAMES, min_confidence=0.0)
    words = sorted(w for w, n in speller.dictionary.counts.items() if n >= 50 and w.isalpha() and len(w) >= 4)
    fixed = ["dirumah", "kerjasama", "Jakrta", "praktek", "rumah", "Putin", "giliranya", "mengkonfirmasi", "yg"]

    @PROPERTY
    @given(st.one_of(typos(words), st.sampled_from(fixed)), st.sampled_from([str, str.capitalize, str.upper]))
    def check(word: str, case: Callable[[str], str]) -> None:
        word = case(word)
        expected = [(i.start, i.end, i.suggestions, i.confidence, i.flagged) for i in everything.check(word)]
        assert everything._alone(word) == expected

    check()


def _reference_standard(speller: Speller, candidate: str) -> str:
    """`_standard` as it was: the rule fix of the candidate's whole verdict (model included); where a rule yields the
    word to the model (KPST, the k seam: `_outweighed`), the rule's fix still stands for a candidate."""
    if " " in candidate:
        return candidate
    verdict = speller._verdict(candidate)
    if verdict.kind == "suspect":
        verdict = speller._computed_verdict(candidate, model=False)
    return verdict.replacement if verdict.kind in ("spacing", "nonstandard", "typo") else candidate


def test_standard_form_of_candidates_needs_only_the_rule_verdicts(speller: Speller) -> None:
    """`_standard` skips the model's weighing of a candidate the table does not hold; the fix is the same."""
    words = sorted(w for w, n in speller.dictionary.counts.items() if n >= 50 and w.isalpha() and len(w) >= 4)
    fixed = ["kesana", "resiko", "dirumah", "sepeti", "pemerintahnya", "dipermasalahkannya", "mengkritisi", "Jakrta"]

    @PROPERTY
    @given(st.one_of(typos(words), st.sampled_from(fixed)))
    def check(word: str) -> None:
        fresh, reference = Speller(speller.dictionary), Speller(speller.dictionary)
        candidates = [word, *(c for c, _ in fresh._weighed(word.lower()))]
        assert [fresh._standard(c) for c in candidates] == [_reference_standard(reference, c) for c in candidates]

    check()


def test_a_word_without_rivals_keeps_the_whole_posterior(speller: Speller) -> None:
    """`_decide` skips the prior of a word with no rival (`NO_RIVAL`): `decide` gives such a word everything,
    whatever its prior and its neighbours."""
    d = speller.dictionary
    words = sorted(w for w, n in d.counts.items() if n >= 50 and w.isalpha() and len(w) >= 4)
    neighbours = st.sampled_from([None, "yang", "di", "presiden", "tidak", "zzzq"])
    priors = st.builds(
        Prior,
        st.floats(min_value=-60.0, max_value=0.0),
        st.floats(min_value=0.0, max_value=1.0),
        new_name=st.booleans(),
    )

    @PROPERTY
    @given(st.one_of(typos(words), st.sampled_from(words)), neighbours, neighbours, priors, st.booleans())
    def check(word: str, left: str | None, right: str | None, prior: Prior, opens: bool) -> None:
        assert decide(d, word.lower(), prior, [], left, right, None, d.names.__contains__) == NO_RIVAL
        fresh = Speller(d)
        if not fresh._rivals(word.lower()):
            assert fresh._decide(word.capitalize() if opens else word, left, right, opens=opens) == NO_RIVAL

    check()
