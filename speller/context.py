"""Noisy-channel ranking: how likely a candidate is in its context, times how likely the typo is given it.

score(c) = log P(c | left) + log P(right | c) + log P(typo | c)

The language model uses the corpus bigram counts, smoothed towards the unigram probability
(Dirichlet smoothing with weight `SMOOTHING`), so an unseen pair backs off to plain frequency.
The error model is a weighted Damerau edit distance: each edit costs `EDIT_COST[kind]`
nats (a cost is -log of the edit's probability); keyboard neighbours, doubled or dropped
letters, vowel slips and swaps are cheaper than arbitrary edits. Weights were set on the
development split of `benchmarks/data` (see `benchmarks/README.md`).
"""

from __future__ import annotations

import math
from functools import lru_cache

from .morphology import VOWELS
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .dictionary import Dictionary

#: How many candidates (nearest first, then most frequent) the channel scores.
MAX_SCORED = 12
#: Dirichlet prior weight of the unigram distribution in the bigram estimates.
SMOOTHING = 20.0
#: Cost in nats of one edit, by kind.
EDIT_COST = {
    "double": 2.0,  # a doubled or undoubled letter: giliranya/gilirannya
    "vowel": 3.0,  # one vowel for another
    "neighbour": 3.0,  # a QWERTY neighbour key
    "swap": 3.0,  # two letters swapped
    "insert": 4.0,
    "delete": 4.0,
    # a vowel left out between two consonants (`smpit`: sempit, `angksa`: angkasa, `negra`: negara): fast typing skips
    # the vowel the ear supplies; at 4.0 a rarer one-edit word lost to a frequent two-edit one (`sangat smpit sekali`
    # -> `sulit`). At 3.0: dev typo recall 85.5 -> 84.2 (`kenaiknya` 0.568 -> 0.499, its first suggestion wrong either
    # way), blind spots seed 1 up or even in every group; on clickid-tempo, detik-2025 and clickid-kapanlagi 8 flags
    # more shown, all errors (`Makssar`, `satlet`, `kripik`, `Tournment`; `klam` -> kolam for klab and `almunium` ->
    # alumunium with a wrong first suggestion), 2 false alarms fewer (`pastri`)
    "vowel_dropped": 3.0,
    "substitute": 5.0,
}
#: The cheapest edit (nats): no candidate can be a likelier intent than a word this much more frequent.
MIN_EDIT_COST = min(EDIT_COST.values())
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, set[str]]:
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    out: dict[str, set[str]] = {ch: set() for ch in pos}
    for a, (ra, ca) in pos.items():
        for b, (rb, cb) in pos.items():
            if a != b and abs(ra - rb) <= 1 and abs((ca + 0.5 * ra) - (cb + 0.5 * rb)) <= 1.0:
                out[a].add(b)
    return out


_NEIGHBOURS = _neighbours()


def _sub_cost(a: str, b: str) -> float:
    if a in VOWELS and b in VOWELS:
        return EDIT_COST["vowel"]
    if b in _NEIGHBOURS.get(a, ()):
        return EDIT_COST["neighbour"]
    return EDIT_COST["substitute"]


def _left_out_cost(word: str, j: int) -> float:
    """Cost (nats) of leaving out `word[j]`, a letter that does not repeat the one before it."""
    if 0 < j < len(word) - 1 and word[j] in VOWELS and _consonant(word[j - 1]) and _consonant(word[j + 1]):
        return EDIT_COST["vowel_dropped"]
    return EDIT_COST["delete"]


def _consonant(letter: str) -> bool:
    """True when `letter` is a letter and no vowel."""
    return letter.isalpha() and letter not in VOWELS


#: `_sub_cost` of each (meant, written) letter pair met so far, by the written letter (so a row of the table reads
#: one dict); emptied when it holds more than `MAX_SUB_COSTS` written letters.
MAX_SUB_COSTS = 1_000
_SUB_COSTS: dict[str, dict[str, float]] = {}


@lru_cache(maxsize=65536)
def error_cost(typo: str, word: str) -> float:
    """Cost (nats) of writing `typo` when `word` was meant: weighted optimal-string-alignment distance.

    An extra letter in the typo is cheap when it doubles its neighbour; a letter of the word left out is cheap
    when it was a doubled letter. Computed in a band around the diagonal when the band is narrower than the word
    (`_banded_cost`), else in full (`_full_cost`): the same value either way. Most candidates are one edit from
    the typo, and that edit's cost is the answer whenever no two edits cost less (`_one_edit_cost`). Two acts of a
    writer that take several letters at once cost less than their edits: an abbreviation (`abbreviation_cost`:
    `blm` for belum) and a repeated syllable written once (`haplology_cost`: `kelehan` for kelelahan).
    """
    cost = _one_edit_cost(typo, word)
    cost = _banded_cost(typo, word) if cost is None else cost
    if cost > ABBREVIATION_COST:
        short = abbreviation_cost(typo, word)
        if short is not None:
            cost = min(cost, short)
    if cost > HAPLOLOGY_COST:
        skipped = haplology_cost(typo, word)
        if skipped is not None:
            cost = min(cost, skipped)
    return cost


#: A syllable written once where the word says it twice (`kelehan` for kelelahan): the eye skips the repeat, one act
#: of the writer, priced as one letter left out (EDIT_COST["delete"]).
HAPLOLOGY_COST = EDIT_COST["delete"]


def skipped_repeat(word: str, at: int, size: int) -> bool:
    """True when the `size` letters of `word` from `at` repeat the syllable before them, not the word's first: two
    letters with its consonant (`lela` in kelelahan), three with its rhyme (`terper`). A repeat of the first
    syllable is mostly a prefix before a root that opens alike, and leaving it out is casual speech's bare form,
    not a slip (`meluk`, `megang` for memeluk, memegang: clickid-wowkeren's quotes)."""
    if at <= size:
        return False
    chunk, before = word[at : at + size], word[at - size : at]
    return chunk[0] == before[0] not in VOWELS if size == 2 else chunk[1:] == before[1:]


def haplology_cost(typo: str, word: str) -> float | None:
    """HAPLOLOGY_COST when `typo` is `word` with a repeated syllable of two or three letters left out
    (`skipped_repeat`), else None."""
    size = len(word) - len(typo)
    if size not in (2, 3):
        return None
    p = 0  # the first letter where they differ
    while p < len(typo) and typo[p] == word[p]:
        p += 1
    # the letters left out are word[at : at + size] for some at <= p with the rest equal
    for at in range(p, max(p - size, 0) - 1, -1):
        if word[at + size :] == typo[at:] and word[:at] == typo[:at] and skipped_repeat(word, at, size):
            return HAPLOLOGY_COST
    return None


#: Texting's abbreviation of a word as its consonants (`blm` for belum, `bgs` for bagus, `yg` for yang): one act
#: of the writer, priced as one edit (the cheapest, EDIT_COST["double"]) plus what each letter left out adds below.
#: Set on the decision files' judged flags and dev (`python -m benchmarks.misfixes`, `benchmarks.tune`).
ABBREVIATION_COST = 2.0
#: Nats each vowel left out of an abbreviation adds, and each nasal that closes a syllable before a consonant (the
#: n of `nt`, `nd`, and `ng`, one sound: `yg` for yang, `utk` for untuk, `lsng` for langsung), which texting drops
#: as freely (set with ABBREVIATION_COST).
ABBREVIATED_VOWEL_COST = 0.5
#: Nats each other consonant left out of an abbreviation adds (set with ABBREVIATION_COST).
ABBREVIATED_CONSONANT_COST = 2.0
#: An abbreviation leaves out at least this many letters (fewer is one plain edit, priced as such) and at most
#: MAX_ABBREVIATED_CONSONANTS consonants other than such nasals.
MIN_ABBREVIATED_LETTERS = 2
MAX_ABBREVIATED_CONSONANTS = 2


def is_consonant_skeleton(typo: str) -> bool:
    """True when `typo` may be an abbreviation: two letters or more, no vowel after the first letter."""
    return len(typo) >= 2 and typo.isalpha() and VOWELS.isdisjoint(typo[1:])


def abbreviation_cost(typo: str, word: str) -> float | None:
    """Cost (nats) of writing `word` as the abbreviation `typo`, or None when `typo` is none of it: `typo` is a
    consonant skeleton (`is_consonant_skeleton`) that keeps the first letter of `word` and the rest of its letters
    in order, leaving out every vowel after the first letter, MIN_ABBREVIATED_LETTERS letters or more and
    MAX_ABBREVIATED_CONSONANTS consonants at most."""
    left_out = len(word) - len(typo)
    if left_out < MIN_ABBREVIATED_LETTERS or not typo or typo[0] != word[0] or not is_consonant_skeleton(typo):
        return None
    kept = _kept_letters(typo, word)
    if kept is None:
        return None
    cheap = sum(i not in kept and (word[i] in VOWELS or _closing_nasal(word, i)) for i in range(1, len(word)))
    consonants = left_out - cheap
    if consonants > MAX_ABBREVIATED_CONSONANTS:
        return None
    return ABBREVIATION_COST + cheap * ABBREVIATED_VOWEL_COST + consonants * ABBREVIATED_CONSONANT_COST


def _kept_letters(typo: str, word: str) -> set[int] | None:
    """The places of `word` whose letters `typo` keeps, each typo letter at its last place before the next one's
    (so a doubled consonant or a nasal is left out first: `lsng` keeps the second ng of langsung), or None when
    `typo` is no subsequence of `word` with the same first letter."""
    places = {0}
    at = len(word)
    for letter in reversed(typo[1:]):  # matched from the end: each letter as late as it can stand
        at = word.rfind(letter, 1, at)
        if at < 0:
            return None
        places.add(at)
    return places


def _closing_nasal(word: str, i: int) -> bool:
    """True when `word[i]` is a nasal closing its syllable: an n before a consonant, or the g of `ng`."""
    if word[i] == "n":
        return i + 1 < len(word) and word[i + 1] not in VOWELS
    return word[i] == "g" and word[i - 1] == "n"


_INF = float("inf")
#: The least any two edits cost: a path of one edit at most this dear is the cheapest of all.
_TWO_EDITS = 2 * MIN_EDIT_COST
#: The least a path of two or more edits that keeps the length costs when the word has no doubled letter: then a
#: letter of the word left out costs a plain insertion or deletion, never a `double`.
_TWO_EDITS_UNDOUBLED = min(
    3 * MIN_EDIT_COST,
    2 * min(EDIT_COST[k] for k in ("vowel", "neighbour", "swap", "substitute")),
    MIN_EDIT_COST + min(EDIT_COST["insert"], EDIT_COST["delete"], EDIT_COST["vowel_dropped"]),
)


def _one_edit_cost(typo: str, word: str) -> float | None:
    """`error_cost` when the typo is the word or one plain edit from it and that edit costs no more than any two
    edits (`_TWO_EDITS`), else None.

    Every step off a match costs at least the cheapest edit, so a path of two or more edits costs at least
    `_TWO_EDITS`: the cheapest one-edit path is then the answer. The one-edit paths are the recurrence's own: a
    substitution or a swap of neighbours (a dear substitution too when the word has no doubled letter: two edits
    that keep the length, one letter in and one out, cost less than it only when the one out is a doubled one
    (`_TWO_EDITS_UNDOUBLED`)); an extra typo letter anywhere in a run of that letter (deleting any of them gives
    the word), dear at the very start, cheap beside the same letter; a word letter left out anywhere
    in its run, cheap after the same letter, cheaper when a vowel between consonants, dear at the very start.
    """
    n, m = len(typo), len(word)
    p = 0  # the first letter where they differ
    shorter = min(n, m)
    while p < shorter and typo[p] == word[p]:
        p += 1
    if n == m:
        if p == n:
            return 0.0
        if typo[p + 1 :] == word[p + 1 :]:
            cost = _sub_cost(word[p], typo[p])
            if _TWO_EDITS < cost <= _TWO_EDITS_UNDOUBLED and not _has_double(word):
                return cost  # only a doubled letter left out makes two edits cost less than this substitution
        elif p + 1 < n and typo[p] == word[p + 1] and typo[p + 1] == word[p] and typo[p + 2 :] == word[p + 2 :]:
            cost = EDIT_COST["swap"]
        else:
            return None
        return cost if cost <= _TWO_EDITS else None
    if n == m + 1 and typo[p + 1 :] == word[p:]:  # typo[q] is extra, for q in the run of typo[p]'s letter up to p
        letter, at, cost = typo[p], p, _INF
        while True:
            if at == 0:
                step = EDIT_COST["delete"]
            elif typo[at - 1] == letter or (at < m and word[at] == letter):
                step = EDIT_COST["double"]
            else:
                step = EDIT_COST["insert"]
            cost = min(cost, step)
            if at == 0 or typo[at - 1] != letter:
                break
            at -= 1
        return cost if cost <= _TWO_EDITS else None
    if n == m - 1 and word[p + 1 :] == typo[p:]:  # word[q] is left out, for q in the run of word[p]'s letter up to p
        letter, at, cost = word[p], p, _INF
        while True:
            if at == 0:
                step = EDIT_COST["insert"]
            elif word[at - 1] == letter:
                step = EDIT_COST["double"]
            else:
                step = _left_out_cost(word, at)
            cost = min(cost, step)
            if at == 0 or word[at - 1] != letter:
                break
            at -= 1
        return cost if cost <= _TWO_EDITS else None
    return None


def _has_double(word: str) -> bool:
    """True when `word` has a letter twice in a row."""
    return any(map(str.__eq__, word, word[1:]))


#: The dearest edit: k plain edits cost at most k times this.
_DEAREST = max(EDIT_COST.values())
#: The cheapest extra typo letter (an insertion, a deletion at the very start, a doubled letter).
_EXTRA_LEAST = min(EDIT_COST["insert"], EDIT_COST["delete"], EDIT_COST["double"])
#: The cheapest word letter left out: an insertion (at the very start) or a deletion (of a vowel between consonants);
#: or an undoubling, when the word has a doubled letter.
_LEFT_OUT_LEAST = min(EDIT_COST["insert"], EDIT_COST["delete"], EDIT_COST["vowel_dropped"])
_LEFT_OUT_DOUBLED = min(_LEFT_OUT_LEAST, EDIT_COST["double"])
#: `editdistpy`'s optimal-string-alignment distance, imported when first needed.
_osa_distance: Callable[[str, str, int], int] | None = None


def _banded_cost(typo: str, word: str) -> float:
    """`_full_cost`, computing only the cells that a cheapest alignment can pass through.

    k plain edits (`editdistpy`'s optimal string alignment) turn the word into the typo, and each costs at most
    the dearest edit here, so the answer is at most U = k * dearest. A path ends `gap` = n - m diagonals off the
    main one: it takes at least max(gap, 0) extra typo letters and max(-gap, 0) word letters left out; to pass
    through a cell d diagonals beyond those between 0 and gap, d more of each. An extra letter costs at least the
    cheapest of `insert`, `delete` (at the very start) and `double`; a letter left out at least the cheapest of
    `insert` (at the very start), `delete` and `vowel_dropped`, and `double` only when the word has a doubled letter.
    Cells whose paths already cost more than U are left out (infinite). The cheapest path keeps to the band, where
    every cell is computed as in full, so the answer is the same; were U ever not a bound, the answer would exceed it,
    and the full table is computed instead.
    """
    global _osa_distance  # noqa: PLW0603
    if _osa_distance is None:
        from editdistpy import damerau_osa  # noqa: PLC0415

        _osa_distance = damerau_osa.distance
    n, m = len(typo), len(word)
    edits = _osa_distance(typo, word, n + m)
    bound = _DEAREST * edits
    extra = _EXTRA_LEAST  # the cheapest extra typo letter
    left_out = _LEFT_OUT_DOUBLED if _has_double(word) else _LEFT_OUT_LEAST  # the cheapest word letter left out
    gap = n - m
    least = max(gap, 0) * extra + max(-gap, 0) * left_out  # what reaching the last diagonal costs
    step = extra + left_out  # a diagonal further out and back
    reach = int((bound - least) // step) if step > 0 else m  # diagonals a path may stray past the gap's
    lo, hi = min(0, gap) - reach, max(0, gap) + reach  # the band: lo <= i - j <= hi
    if edits < 0 or reach < 0 or hi - lo >= m:
        return _full_cost(typo, word)
    cost = _band_cost(typo, word, lo, hi)
    return cost if cost <= bound else _full_cost(typo, word)


_INSERT, _DELETE, _DOUBLE, _SWAP = EDIT_COST["insert"], EDIT_COST["delete"], EDIT_COST["double"], EDIT_COST["swap"]


def _full_cost(typo: str, word: str) -> float:
    """`error_cost` over the whole table."""
    return _band_cost(typo, word, -len(word), len(typo))


def _band_cost(typo: str, word: str, lo: int, hi: int) -> float:
    """`error_cost` over the cells of the table with lo <= i - j <= hi (cell j of row i: word[:j] against typo[:i]),
    the others infinite; the whole table when the band holds every cell. lo <= 0 <= hi: the band holds the first
    cell."""
    insert, delete, double, swap = _INSERT, _DELETE, _DOUBLE, _SWAP
    m = len(word)
    inf = _INF
    missing = [double if x == y else _left_out_cost(word, j) for j, (x, y) in enumerate(zip((None, *word), word))]
    after = [*word[1:], ""]  # the letter after word[j]
    first = -lo if -lo < m else m  # row 0: the word's first letters left out, as far as the band reaches
    prev = [j * insert for j in range(first + 1)]
    prev += [inf] * (m - first)
    prev2 = prev
    before = ""  # the typo's previous letter
    for i, a in enumerate(typo, 1):
        extra = double if before == a else insert  # an extra letter after one like it (else see `after`)
        sub_costs = _SUB_COSTS.get(a)  # the cost of writing `a` for each meant letter
        if sub_costs is None:
            if len(_SUB_COSTS) >= MAX_SUB_COSTS:
                _SUB_COSTS.clear()
            sub_costs = _SUB_COSTS[a] = {}
        start, stop = i - hi, i - lo  # the row's cells in the band
        if stop > m:
            stop = m
        cur = [inf] * (m + 1)
        if start <= 0:
            left = cur[0] = i * delete
            start = 1
        else:
            left = inf
        for j in range(start - 1, stop):
            b = word[j]
            diag = prev[j]
            if a == b:
                best = diag
            else:
                cost = sub_costs.get(b)
                if cost is None:
                    cost = sub_costs[b] = _sub_cost(b, a)
                best = diag + cost
            step = prev[j + 1] + (double if after[j] == a else extra)  # an extra letter in the typo
            if step < best:
                best = step
            step = left + missing[j]  # a letter of the word left out
            if step < best:
                best = step
            if before == b and j and a == word[j - 1]:  # two letters swapped
                step = prev2[j - 1] + swap
                if step < best:
                    best = step
            cur[j + 1] = left = best
        prev2, prev = prev, cur
        before = a
    return prev[-1]


def _log_next(d: Dictionary, prev: str | None, word: str) -> float:
    """log P(word | prev), smoothed towards P(word); log P(word) when there is no previous word."""
    p_word = (d.count(word) + 0.5) / d.total
    if prev is None:
        return math.log(p_word)
    return math.log((d.bigram(prev, word) + SMOOTHING * p_word) / (d.count(prev) + SMOOTHING))


def log_context(d: Dictionary, phrase: str, left: str | None, right: str | None) -> float:
    """log P(phrase | left) + log P(right | phrase) for a word or a space-separated phrase."""
    score = 0.0
    prev = left
    for word in phrase.split(" "):
        score += _log_next(d, prev, word)
        prev = word
    if right is not None:
        score += _log_next(d, prev, right)
    return score


def rank(
    d: Dictionary, candidates: list[tuple[str, int]], left: str | None, right: str | None, typo: str | None = None
) -> list[tuple[str, float]]:
    """Candidates (words or two-word phrases) scored by the noisy channel, best first (ties: alphabetical).

    Only the `MAX_SCORED` nearest candidates (then most frequent) are scored.
    """
    if len(candidates) > MAX_SCORED:
        candidates = sorted(candidates, key=lambda c: (c[1], -d.count(c[0].split(" ")[0]), c[0]))[:MAX_SCORED]
    scored = []
    for cand, dist in candidates:
        err = error_cost(typo, cand) if typo is not None else dist * EDIT_COST["substitute"]
        scored.append((cand, log_context(d, cand, left, right) - err))
    scored.sort(key=lambda p: (-p[1], p[0]))
    return scored
