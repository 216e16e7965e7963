"""The morphology's fast paths against the plain code they replace: the same suffix splits in the same order, the
same prefix spellings tried for a body, the same analyses (in order), the same inflected offers (in order)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from speller.morphology import (
    BARE_RULES,
    BLOCKED_JUNCTIONS,
    COMPOUND_HEADS,
    COMPOUND_ROOTS,
    DERIVATIONAL_SUFFIXES,
    ELIDED_LETTER,
    LONG_BODY,
    LONG_OFFER_DISTANCE,
    MIN_INTACT_ROOT,
    MIN_ROOT,
    PARTICLES,
    POSSESSIVES,
    PREFIX_RULES,
    PREFIX_SURFACES,
    SHORT_STEM,
    SPELLINGS,
    SPELLINGS_BY_OPENING,
    WRITTEN_LENGTHS,
    Analysis,
    Morphology,
    PrefixRule,
    _plausibility,
    _spellings,
    _suffix_splits,
    _syllables,
    damerau_levenshtein,
)
from tests.test_morphology import EXCEPTIONS, ROOT_LIST, ROOTS, candidate_words

#: Listed words (`is_word`) besides the roots: some derived, some not, so both readings of a listed stem are met.
LISTED = frozenset({"dilakukan", "lakukan", "pemerintah", "kopi", "terbaik", "tandatangan", "militer", "pembangunan"})

words_st = st.one_of(
    candidate_words(),
    st.text(alphabet="abdegiklmnprstuy-", min_size=0, max_size=16),
    st.sampled_from(sorted(LISTED)).map(lambda w: w + "nya"),
)


def _reference_splits(word: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for particle in ("", *PARTICLES):
        if not word.endswith(particle):
            continue
        w1 = word[: len(word) - len(particle)]
        for poss in ("", *POSSESSIVES):
            if not w1.endswith(poss):
                continue
            w2 = w1[: len(w1) - len(poss)]
            for deriv in ("", *DERIVATIONAL_SUFFIXES):
                if not w2.endswith(deriv):
                    continue
                body = w2[: len(w2) - len(deriv)]
                if len(body) >= 2:
                    yield body, deriv, tuple(s for s in (deriv, poss, particle) if s)


def _reference_readings(
    m: Morphology,
    rule: PrefixRule,
    surfaces: tuple[str, ...],
    nasal: int | None,
    stem: str,
    suffixes: tuple[str, ...],
    lenient: bool,
) -> Iterator[Analysis]:
    if not rule.classes and not suffixes:
        if "-" in stem:
            yield from m._mirrored(stem)
            for root, redup in m._roots(stem, None, derivational=False):
                if redup:
                    yield Analysis(root, reduplicated=True)
        return
    elided = nasal is not None
    root_elided = elided and nasal == len(surfaces) - 1
    suffix = suffixes[0] if suffixes and suffixes[0] in DERIVATIONAL_SUFFIXES else ""
    found: Iterable[tuple[str, bool]] = m._roots(
        stem, surfaces[-1] if root_elided else None, bool(rule.classes or suffix)
    )
    if rule.classes and suffix:
        found = (*found, *m._compound(stem))
    for root, redup in found:
        if len(root) < MIN_ROOT or (rule.roots is not None and root not in rule.roots):
            continue
        if suffix and (root[-1], suffix) in BLOCKED_JUNCTIONS:
            continue
        if m._prefixes_fit(rule.classes, surfaces, nasal, root, lenient):
            yield Analysis(root, surfaces, suffixes, redup, elided)


def _reference_analyses(m: Morphology, word: str, lenient: bool = False) -> list[Analysis]:
    def every() -> Iterator[Analysis]:
        if not word:
            return
        for body, deriv, suffixes in _reference_splits(word):
            for rule in BARE_RULES:
                if deriv in rule.suffixes:
                    yield from _reference_readings(m, rule, (), None, body, suffixes, lenient)
            spellings = SPELLINGS.get(deriv, {})
            for length in WRITTEN_LENGTHS:
                if length >= len(body):
                    break
                for sp in spellings.get(body[:length], ()):
                    stem = sp.restore + body[length:]
                    yield from _reference_readings(m, sp.rule, sp.surfaces, sp.nasal, stem, suffixes, lenient)
        if m._is_root(word) or m._is_word(word):
            yield Analysis(word)

    return sorted(set(every()), key=_plausibility)


def _reference_offers(
    m: Morphology, word: str, correct_head: Callable[[str, int | None], list[tuple[str, int]]]
) -> list[tuple[str, int]]:
    offers: dict[str, int] = {}
    shows_suffix = any(deriv for _, deriv, _ in _reference_splits(word))
    for body, _, suffixes in _reference_splits(word):
        tail = "".join(suffixes)
        for head, _ in correct_head(body, 1 if len(body) <= SHORT_STEM else None):
            candidate = head + tail
            if candidate != word and candidate not in offers:
                offers[candidate] = _distance(word, candidate)
        for cls in ("meN", "peN", "di", "ter", "ber", "ke", "se", "per"):
            for surface in PREFIX_SURFACES[cls]:
                if not body.startswith(surface):
                    continue
                rest = body[len(surface) :]
                stems = [rest]
                if surface in ELIDED_LETTER and rest[:1] in "aeiou":
                    stems.append(ELIDED_LETTER[surface] + rest)
                for stem in stems:
                    if len(stem) < MIN_ROOT:
                        continue
                    for root, _ in correct_head(stem, 1 if len(stem) <= SHORT_STEM else None):
                        if len(root) < MIN_ROOT:
                            continue
                        candidate = m.with_prefix(cls, root) + tail
                        if candidate != word and candidate not in offers:
                            offers[candidate] = _distance(word, candidate)
        if len(body) >= LONG_BODY:
            _reference_long_offers(m, word, body, shows_suffix, tail, correct_head, offers)
    return list(offers.items())


def _reference_long_offers(
    m: Morphology,
    word: str,
    body: str,
    derived: bool,
    tail: str,
    correct_head: Callable[[str, int | None], list[tuple[str, int]]],
    offers: dict[str, int],
) -> None:
    def offer(classes: tuple[str, ...], root: str, bound: int = LONG_OFFER_DISTANCE, ending: str = "") -> None:
        candidate = m._chain_form(classes, root) + ending + tail
        if candidate != word and candidate not in offers and _distance(word, candidate) <= bound:
            offers[candidate] = _distance(word, candidate)

    seen = set()
    for rule in PREFIX_RULES:
        for sp in _spellings(rule) if rule.classes else ():
            key = (sp.written, rule.classes, sp.restore, rule.roots, tuple(sorted(s for s in rule.suffixes if s)))
            if key in seen or not (sp.nasal is None or sp.nasal == len(rule.classes) - 1):
                continue
            seen.add(key)
            if not body.startswith(sp.written):
                continue
            stem = sp.restore + body[len(sp.written) :]
            suffixes = tuple(sorted(s for s in rule.suffixes if s))
            compound_endings = ("",) if derived else suffixes
            rests = [("", stem, ("",) if derived else ("", *suffixes))] if len(rule.classes) >= 2 else []
            if rule.roots is None and compound_endings:
                rests += [(h, stem[len(h) :], compound_endings) for h in COMPOUND_HEADS if stem.startswith(h)]
                for compound in sorted(c for c in COMPOUND_ROOTS if c[0] == stem[0]):
                    for ending in compound_endings:
                        if abs(len(compound) + len(ending) - len(stem)) <= LONG_OFFER_DISTANCE:
                            offer(rule.classes, compound, ending=ending)
            for head, rest, endings in rests:
                if len(rest) < MIN_ROOT:
                    continue
                if rule.roots is not None:
                    roots = [r for r in rule.roots if _distance(rest, r) <= LONG_OFFER_DISTANCE]
                else:
                    roots = [r for r, _ in correct_head(rest, 1 if len(rest) <= SHORT_STEM else None)]
                for root in roots:
                    if len(root) >= MIN_ROOT:
                        for ending in endings:
                            offer(rule.classes, head + root, ending=ending)
    chains = list(dict.fromkeys(r.classes for r in PREFIX_RULES if len(r.classes) >= 2 and r.roots is None))
    compound_chains = list(dict.fromkeys(r.classes for r in PREFIX_RULES if r.classes and r.roots is None))
    for cut in range(1, len(body) - MIN_INTACT_ROOT + 1):
        for dropped in (0,) if derived else (0, 1, 2, 3):
            rest = body[cut : len(body) - dropped]
            if len(rest) < MIN_INTACT_ROOT:
                break
            endings = ("",) if not dropped else ("kan", "an", "i")
            for classes in chains if m._is_root(rest) else ():
                for ending in endings:
                    offer(classes, rest, 1, ending)
            if (derived or dropped) and (m._is_root(rest) or rest in COMPOUND_ROOTS):
                for classes in compound_chains:
                    for ending in endings:
                        offer(classes, rest if rest in COMPOUND_ROOTS else "tidak" + rest, 1, ending)


def _distance(a: str, b: str) -> int:
    return damerau_levenshtein(a, b)


def _morphology() -> Morphology:
    return Morphology(ROOTS.__contains__, EXCEPTIONS, is_word=LISTED.__contains__)


def _near(word: str, max_distance: int | None) -> list[tuple[str, int]]:
    """A stand-in for SymSpell: roots sharing the word's first three letters, within its distance (two at most)."""
    limit = 2 if max_distance is None else max_distance
    near = ((r, _distance(word, r)) for r in ROOT_LIST if r[:3] == word[:3] and abs(len(r) - len(word)) <= limit)
    return [(r, d) for r, d in near if d <= limit][:20]


def test_spellings_by_opening_hold_every_spelling_once() -> None:
    assert min(WRITTEN_LENGTHS) >= 2  # every written prefix has its opening letters
    regrouped = {
        (suffix, written): found
        for (suffix, _), (_, by_written) in SPELLINGS_BY_OPENING.items()
        for written, found in by_written.items()
    }
    assert regrouped == {(s, w): f for s, by_written in SPELLINGS.items() for w, f in by_written.items()}
    for (_, opening), (lengths, by_written) in SPELLINGS_BY_OPENING.items():
        assert all(w.startswith(opening) for w in by_written)
        assert lengths == tuple(sorted({len(w) for w in by_written}))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aeioubkstnAÉé-", max_size=10))
def test_syllables_as_the_vowel_count(word: str) -> None:
    vowels = sum(map(frozenset("aeiou").__contains__, word))
    assert _syllables(word) == (vowels - 1 if word.endswith(("ai", "au", "oi", "ei")) else vowels)


@settings(max_examples=500, deadline=None)
@given(words_st)
def test_suffix_splits_as_the_plain_loops(word: str) -> None:
    assert _suffix_splits(word) == list(_reference_splits(word))


@settings(max_examples=500, deadline=None)
@given(words_st)
def test_analyses_as_the_plain_enumeration(word: str) -> None:
    m = _morphology()
    assert m.analyses(word) == _reference_analyses(m, word)
    assert sorted(set(m._analyze_all(word, lenient=True)), key=_plausibility) == _reference_analyses(m, word, True)
    assert m.is_valid(word) == bool(_reference_analyses(m, word))


@settings(max_examples=150, deadline=None)
@given(words_st)
def test_inflected_offers_as_the_plain_loops(word: str) -> None:
    m = _morphology()
    assert list(m.inflected_offers(word, _near).items()) == _reference_offers(m, word, _near)


def test_known_words_analyse_as_before() -> None:
    m = _morphology()
    for word in ("menulis", "ditandatangani", "ketidakadilan", "berkali-kali", "tolong-menolong", "mengetahui"):
        assert m.analyses(word) == _reference_analyses(m, word) != []
    for word in ("pemerintahnya", "dilakukannya", "dilakukanan"):
        assert m.analyses(word) == _reference_analyses(m, word)
