"""The candidates the model weighs for one unknown word, with the costly checks done only where they can matter.

`Speller._find_candidates` gathers every candidate: SymSpell's words, every inflected form the morphology
offers that is well formed, frequent words with a dropped suffix after the nearest three, run-on splits; the
model then weighs the `MAX_WEIGHED` nearest (then most frequent). Validating the inflected offers was most of
the cost of a cold `suggest`; here they are validated in order of those keys, and only while one could still
enter the nearest three or the weighed ones, so the list is the same (tests/test_candidates.py checks it).
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Mapping
from weakref import WeakKeyDictionary

from .checker import MAX_WEIGHED
from .context import abbreviation_cost, haplology_cost, is_consonant_skeleton
from .model import DROPPED_SUFFIXES
from .records import TYPE_CHECKING
from .shifted import split_readings
from .spacing import BOUND_ONLY

if TYPE_CHECKING:
    from .checker import Speller
    from .dictionary import Dictionary

#: Only words news writes this often are read as what an abbreviation stands for: texting shortens the words it
#: writes most (`yg`, `blm`, `tdk`). Set on the decision files and dev (`python -m benchmarks.misfixes`).
MIN_ABBREVIATED_COUNT = 100
#: How many words, most frequent first, an abbreviation is offered as.
MAX_ABBREVIATION_OFFERS = 5
#: The words an abbreviation may stand for, per dictionary: (word, count) of each lowercase word of
#: MIN_ABBREVIATED_COUNT or more, by first letter, most frequent first (built on first use).
_ABBREVIATED: WeakKeyDictionary[Dictionary, dict[str, list[tuple[str, int]]]] = WeakKeyDictionary()


def _abbreviated(d: Dictionary) -> dict[str, list[tuple[str, int]]]:
    """The words of `d` an abbreviation may stand for, by first letter (`_ABBREVIATED`)."""
    found = _ABBREVIATED.get(d)
    if found is None:
        found = {}
        frequent = [(w, n) for w, n in d.counts.items() if n >= MIN_ABBREVIATED_COUNT]
        for word, n in sorted(frequent, key=lambda item: -item[1]):
            if word.isalpha() and word.islower():
                found.setdefault(word[0], []).append((word, n))
        _ABBREVIATED[d] = found
    return found


def one_act(word: str, found: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """`found` (candidate, edit distance) with a candidate `word` writes by leaving out a repeated syllable
    (`speller.context.haplology_cost`: `kelehan` for kelelahan) brought to distance 1: one act of the writer, to be
    weighed among the slips one edit away rather than cut after them."""
    grown = len(word) + 2, len(word) + 3
    return [(c, 1 if k > 1 and len(c) in grown and haplology_cost(word, c) is not None else k) for c, k in found]


def abbreviation_offers(d: Dictionary, word: str) -> dict[str, int]:
    """The words an unlisted consonant skeleton may abbreviate (`blm`: belum, `bgs`: bagus), most frequent first, up
    to MAX_ABBREVIATION_OFFERS, each at edit distance 1: one act of the writer, whose letters
    `speller.context.abbreviation_cost` prices. None for a word `d` lists or any other word."""
    if not is_consonant_skeleton(word) or word in d.counts:
        return {}
    offers: dict[str, int] = {}
    for cand, _n in _abbreviated(d).get(word[0], ()):
        if abbreviation_cost(word, cand) is not None:
            offers[cand] = 1
            if len(offers) >= MAX_ABBREVIATION_OFFERS:
                break
    return offers


def plain_offers(speller: Speller, word: str) -> dict[str, int]:
    """The candidates of `word` by edit distance before the morphology's: SymSpell's (a skipped repeat brought to one
    act, `one_act`) and the words an abbreviation may stand for (`abbreviation_offers`)."""
    found = dict(one_act(word, speller._index.lookup(word)))
    for cand, dist in abbreviation_offers(speller.dictionary, word).items():  # nearer than SymSpell's distance
        found[cand] = min(dist, found.get(cand, dist))
    return found


def two_word_offers(speller: Speller, word: str) -> list[str]:
    """The two-word readings of `word` (`speller.shifted.split_readings`, a glued word's rest one edit away), but
    none that writes a bound form apart (`bound_apart`)."""
    readings = split_readings(speller.dictionary, word, lambda rest: speller._index.lookup(rest, 1))
    return [r for r in readings if not bound_apart(r)]


def bound_apart(reading: str) -> bool:
    """The two-word `reading` writes a form EYD V only binds (`speller.spacing.BOUND_ONLY`: `pasca`, `non`) apart
    from the word after it: `pasca serangan` is no fix of `pascaserangan` but the spacing error `split_word` joins."""
    first, _, rest = reading.partition(" ")
    return bool(rest) and first in BOUND_ONLY


#: A suffix left off (DROPPED_SUFFIXES) is tried on this many of a word's candidates: the nearest, then most frequent.
SUFFIXED_NEAREST = 3
#: A candidate with a suffix added joins them only when news writes it at least this often.
MIN_SUFFIXED_COUNT = 20


def suffix_bases(found: Mapping[str, int], count: Callable[[str, int], int]) -> list[tuple[str, int]]:
    """The SUFFIXED_NEAREST candidates of `found` (candidate: edit distance) nearest, then most frequent by `count`
    (`counts.get`), ties in the order of `found`: those `dropped_suffix_offers` adds a suffix to."""
    items = list(found.items())
    ranked = sorted([(k, -count(c, 0), i) for i, (c, k) in enumerate(items)])[:SUFFIXED_NEAREST]
    return [items[i] for *_, i in ranked]


def dropped_suffix_offers(
    bases: Iterable[tuple[str, int]], count: Callable[[str, int], int], taken: Callable[[str], bool]
) -> dict[str, int]:
    """A slip plus a suffix left off (`angakat` (laut) -> angkatan): each of `bases` (`suffix_bases`) with a suffix
    of DROPPED_SUFFIXES that news writes MIN_SUFFIXED_COUNT times or more, at the base's distance plus the suffix's
    letters, in order, but none `taken` (already a candidate)."""
    offers: dict[str, int] = {}
    for cand, dist in bases:
        for suffix in DROPPED_SUFFIXES:
            longer = cand + suffix
            if longer not in offers and not taken(longer) and count(longer, 0) >= MIN_SUFFIXED_COUNT:
                offers[longer] = dist + len(suffix)
    return offers


class LazyCandidates:
    """The candidates of one unknown word as `Speller._find_candidates` gathers them, but with the inflected forms
    the morphology offers validated lazily: only those that can change the nearest three (which take dropped
    suffixes) or the `MAX_WEIGHED` the model weighs."""

    def __init__(self, speller: Speller, word: str) -> None:
        self.speller = speller
        self.word = word
        self.count = speller.dictionary.counts.get  # `Dictionary.count` without its call: the sort keys' hot path
        self.plain = plain_offers(speller, word)
        try:
            offers = dict(one_act(word, speller.morphology.inflected_offers(word, speller._index.lookup).items()))
        except AttributeError:
            offers = {}
        plain = self.plain
        #: Offers not validated yet that would add a word or bring one nearer.
        self.pending = {c: k for c, k in offers.items() if c not in plain or k < plain[c]}
        self.valid: dict[str, int] = {}

    def _validate(self, cand: str) -> bool:
        """Validate a pending offer; True when it turns out valid."""
        dist = self.pending.pop(cand, None)
        if dist is not None and self.speller.morphology.is_valid(cand):
            self.valid[cand] = dist
            return True
        return False

    def _known(self) -> dict[str, int]:
        """SymSpell's words and the valid offers so far, each at its nearest distance (in no particular order)."""
        found = dict(self.plain)
        for cand, dist in self.valid.items():
            if cand not in found or dist < found[cand]:
                found[cand] = dist
        return found

    def _near_keys(self, items: Iterable[tuple[str, int]]) -> list[tuple[int, int]]:
        """The key the nearest three are chosen by, of each of `items`: nearest, then most frequent (made in one
        comprehension: sorting by them calls no key function)."""
        count = self.count
        return [(k, -count(c, 0)) for c, k in items]

    def _weigh_keys(self, items: Iterable[tuple[str, int]]) -> list[tuple[int, int, str]]:
        """The key the weighed candidates are sorted by, of each of `items`: nearest, then most frequent (a phrase:
        its first word), then alphabetical (a total order: sorting the keys sorts the items)."""
        count = self.count
        return [(k, -count(c if " " not in c else c[: c.index(" ")], 0), c) for c, k in items]

    def _merged(self) -> dict[str, int]:
        """SymSpell's words, then the valid offers in `suggest_inflected`'s order, as `_find_candidates` merges them."""
        found = dict(self.plain)
        affixes = self.speller.morphology.affix_count
        for cand, dist in sorted(self.valid.items(), key=lambda item: (item[1], affixes(item[0]), item[0])):
            if cand not in found or dist < found[cand]:
                found[cand] = dist
        return found

    def weighed(self) -> list[tuple[str, int]]:
        pending, near_keys, count = self.pending, self._near_keys, self.count
        # 1. the nearest three (`suffix_bases`): every offer that can rank among them (ties included) is validated;
        # offers of one key are all validated or none (validating one leaves the third key at least theirs), so their
        # order, alphabetical here, does not matter
        # the near keys of `_known()`, sorted and kept so as each validation changes them: a valid offer's entry
        # replaces the word's SymSpell entry, if any (pending offers are new words or nearer ones)
        near = sorted(near_keys(self._known().items()))
        third = near[SUFFIXED_NEAREST - 1] if len(near) >= SUFFIXED_NEAREST else None
        if third is None:
            offered = [(k, -count(c, 0), c) for c, k in pending.items()]
        else:  # validating only lowers the third key: an offer past it now is past it at every step, never reached
            farthest, most = third
            offered = [
                (k, m, c) for c, k in pending.items() if k <= farthest and ((m := -count(c, 0)) <= most or k < farthest)
            ]
        plain = self.plain
        for dist, minus_count, cand in sorted(offered):
            if third is not None and (dist, minus_count) > third:
                break
            if self._validate(cand):
                if cand in plain:
                    del near[bisect_left(near, (plain[cand], minus_count))]
                insort(near, (dist, minus_count))
                third = near[SUFFIXED_NEAREST - 1] if len(near) >= SUFFIXED_NEAREST else None
        found = self._merged()
        bases = suffix_bases(found, count)  # ties in `_merged`'s order
        for cand, _ in bases:  # the inflected offers a suffix makes, validated: they come before a dropped suffix
            for suffix in DROPPED_SUFFIXES:
                if cand + suffix in pending:
                    self._validate(cand + suffix)
        valid = self.valid
        extra = dropped_suffix_offers(bases, count, lambda w: w in found or w in valid)
        splits = two_word_offers(self.speller, self.word)
        for split in splits:
            if split in pending:
                self._validate(split)
        # 2. the words the model weighs: offers validated while they can still enter the first MAX_WEIGHED
        # the weigh keys of `_everything(..., False)`, sorted and kept so as each validation changes them: a valid
        # offer's entry replaces the one its word had (SymSpell's, a dropped suffix's or a split's), if any
        weigh_keys = self._weigh_keys
        known = self._everything(extra, splits, False)
        ranked = sorted(weigh_keys(known))
        entries = dict(known)
        last = ranked[MAX_WEIGHED - 1] if len(ranked) > MAX_WEIGHED else None
        reach = last[0] if last is not None else math.inf
        weighable = weigh_keys([(c, k) for c, k in pending.items() if k <= reach])
        if last is not None:  # as above: validating only lowers the last key, so one past it now is never reached
            weighable = [key for key in weighable if key <= last]
        for key in sorted(weighable):
            if last is not None and key > last:
                break
            cand = key[2]
            if self._validate(cand) and cand != self.word:
                old = entries.get(cand)
                if old is not None:
                    del ranked[bisect_left(ranked, (old, key[1], cand))]
                entries[cand] = key[0]
                insort(ranked, key)
                last = ranked[MAX_WEIGHED - 1] if len(ranked) > MAX_WEIGHED else None
        if len(ranked) > MAX_WEIGHED:  # `ranked` holds the keys of every candidate, in the order that cuts them
            return [(c, k) for k, _, c in ranked[:MAX_WEIGHED]]
        return self._everything(extra, splits)

    def _everything(self, extra: dict[str, int], splits: list[str], ordered: bool = True) -> list[tuple[str, int]]:
        """Every candidate known so far, in `_find_candidates`' order."""
        found = self._merged() if ordered else self._known()
        for cand, dist in extra.items():
            if cand not in found:
                found[cand] = dist
        for split in splits:
            found.setdefault(split, 1)
        found.pop(self.word, None)
        return list(found.items())
