"""One noisy-channel decision per written word: did the writer mean it, or one of its candidates?

The written word `w` and each candidate `c` compete on one scale (log-probabilities, nats):

    score(w) = log P(w | left) + log P(right | w) + log P(w as written is meant)
    score(c) = log P(c | left) + log P(right | c) + LOG_SLIP - error_cost(w, c)

The context terms are the smoothed bigram model of `speller.context`; `error_cost` is its
weighted edit distance (the channel). What differs between words is the *prior* of the
written word, its unigram probability (`written_prior`):

- an attested word has its corpus count, discounted by the occurrences that are themselves
  slips of a far more frequent word one cheap edit away (`sepeti` 9 beside `seperti` 14,910);
- a word that is only well formed (morphology, no attestation) gets a small share of its
  root's frequency (`LOG_WELL_FORMED`), far below an attested word. The root's frequency is that of its
  family (the root and its commonest derivations, `Morphology.family`), the root's own count discounted as
  above (`berlangusng` is built on the corpus slip `langusng`); a root the corpus never shows lends the
  prior of an unseen root of the lexicon (`LOG_LEXICON_ROOT`): `teradap` (ter + `adap`) is far less
  likely than `terhadap` mistyped; and however common its root, an unseen derivation is no likelier than a
  word seen `MAX_UNSEEN_COUNT` times (`penjalan`, pen + `jalan`, is `penjualan` mistyped);
- a capitalized word may be a new name (`LOG_NEW_NAME`), a lowercase one a new word (`LOG_NEW_WORD`),
  the less likely the more of its letter trigrams no known word has (`LOG_ODD_TRIGRAM`).

The posterior share of each hypothesis is its softmax at `TEMPERATURE`. A flagged form that the same text
writes between several different pairs of neighbours loses `LOG_REPEAT` log odds per further context
(`repeated`): slips seldom recur, words the lexicon lacks do. The checker flags a word
when the written word's share falls below `FLAG_SHARE`; the confidence of a flag is the share
of its best candidate. Every parameter was set on the dev split of `benchmarks/data` and the
tuning seed of the blind-spot benchmark (see benchmarks/README.md) with `python -m benchmarks.tune`;
none was set on test.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .context import SMOOTHING, error_cost

if TYPE_CHECKING:
    from .dictionary import Dictionary

#: log prior odds that a written word is a slip for another (nats), before the edit's own cost.
LOG_SLIP = -6.0
#: log prior that a word is written twice by accident (`di di`): edits and pastes repeat words more than keys slip.
LOG_DOUBLED = -4.0
#: A corpus count is discounted by count(c) * exp(LOG_CORPUS_SLIP - error_cost(w, c)) for each far more
#: frequent word c one edit away: the expected number of times c was mistyped as w in the corpus.
LOG_CORPUS_SLIP = -2.0
SOFT_DISCOUNT = False
#: Only words this many times more frequent discount a count.
DISCOUNT_RATIO = 10
#: log share of its root's frequency (its family's, see `written_prior`) that a well-formed but unattested
#: derivation gets (set on dev: -2 beat -2.5..-4 on P, R and false alarms once the root's family is counted).
LOG_WELL_FORMED = -2.0
#: log unigram probability of an unattested capitalized word (a name news has not seen yet).
LOG_NEW_NAME = -16.0
#: ... and of one that opens a sentence, where any word is capitalized.
LOG_NEW_NAME_AT_START = -22.0
#: log unigram probability of an unattested lowercase word that is not well formed (a loan, a coinage).
LOG_NEW_WORD = -25.0
#: An unattested derivation is at most as likely as a word the corpus shows this many times, however common its
#: root: had it been in use, 6.7M words of news would show it (dev: 1 caught `penjalan`; 0.3 added false alarms).
MAX_UNSEEN_COUNT = 1.0
#: A new word's letter trigrams (its edges marked) are looked up among those of the words seen this often.
TRIGRAM_MIN_COUNT = 5
#: log probability a new lowercase word (neither attested nor well formed) loses for each letter trigram that no
#: word seen TRIGRAM_MIN_COUNT times has: `kobbpetitif` (`bbp`, `bpe`) is a slip, not a coinage.
LOG_ODD_TRIGRAM = -3.0
#: log unigram probability of a root of the lexicon that the corpus never shows (nor any of its family);
#: a derivation of it gets LOG_WELL_FORMED more (dev: -19 and below add false alarms, `mengampu`).
LOG_LEXICON_ROOT = -18.0
#: Cost (nats) of writing a name that is almost always capitalized in lowercase (`selasai` is not `Selasa`).
CASE_SLIP = 4.0
#: Weight of the neighbours' evidence (log P(c | left) / P(c) and log P(right | c) / P(right)) against the prior.
CONTEXT_WEIGHT = 0.5
#: Posterior shares are softmax(score / TEMPERATURE): the calibration of the confidences.
TEMPERATURE = 1.0
#: A word is flagged when the written word's share of the posterior falls below this.
FLAG_SHARE = 0.03
#: A word whose share without context is at least this is plainly fine: it is not looked at in context.
PLAIN_SHARE = 0.98
#: The cheapest edit (nats): no candidate can be a likelier intent than a word this much more frequent.
MIN_EDIT_COST = 2.0
#: log odds a slip loses for each further context (other neighbours) in which the same text writes the same form:
#: a writer seldom makes one slip again and again, while a word the lexicon lacks (`porang`, `prokes`) recurs
#: in its article among other words. A passage pasted twice repeats its neighbours too, and adds nothing.
LOG_REPEAT = -3.0
#: Repeats beyond this many add no more evidence (a copied-in misspelling recurs too).
MAX_REPEATS = 2


def plain_count(d: Dictionary) -> float:
    """A word seen at least this often is plainly fine without context, whatever its neighbours in the lexicon."""
    return (d.max_count + 0.5) * math.exp(LOG_SLIP - MIN_EDIT_COST) * PLAIN_SHARE / (1 - PLAIN_SHARE)


@dataclass(frozen=True, slots=True)
class Prior:
    """The written word's unigram prior and how much of its corpus evidence is genuine."""

    log_p: float
    """log P(word) as meant, in nats."""
    genuine: float
    """Share (0..1) of the word's corpus count that is not explained as slips of another word."""


@dataclass(frozen=True, slots=True)
class Decision:
    """The posterior over the written word and its candidates, candidates best first."""

    written: float
    """Share of the posterior that the written word was meant."""
    ranked: tuple[tuple[str, float], ...]
    """(candidate, share), best first."""

    @property
    def best(self) -> str | None:
        """The most likely intended candidate, or None."""
        return self.ranked[0][0] if self.ranked else None

    @property
    def confidence(self) -> float:
        """Share of the best candidate: how sure a fix to it is right."""
        return self.ranked[0][1] if self.ranked else 0.0


def slip_discount(d: Dictionary, word: str, rivals: list[tuple[str, int]]) -> float:
    """Expected corpus occurrences of `word` that are slips of far more frequent rivals one edit away."""
    own = d.count(word)
    expected = 0.0
    for cand, dist in rivals:
        if dist != 1 or cand == word:
            continue
        n = d.count(cand)
        if n < DISCOUNT_RATIO * max(own, 1):
            continue
        expected += n * math.exp(LOG_CORPUS_SLIP - error_cost(word, cand))
    return expected


def written_prior(
    d: Dictionary,
    word: str,
    rivals: list[tuple[str, int]],
    *,
    root_count: Callable[[], float | None],
    capitalized: bool,
    lexicon_root: bool = False,
    opens: bool = False,
    oddity: Callable[[], int] | None = None,
) -> Prior:
    """The prior of the (lowercase) written word; `root_count()` is its root's genuine count when well formed, else
    None (asked only when it can matter: a well-formed word gets far less than an attested one). A root the corpus
    never shows (or shows only as slips) has the prior of an unseen root of the lexicon, `LOG_LEXICON_ROOT`.

    `capitalized`: written with a capital, so it may be a name; `opens`: it opens a sentence; `oddity()`: how many
    of its letter trigrams no known word has (`odd_trigrams`; asked only when the new-word prior decides).
    """
    log_total = math.log(d.total)
    own = d.count(word)
    genuine = 1.0
    log_p = -math.inf
    if own:  # a word of the lexicon has evidence of its own: its count is not discounted
        slips = 0.0 if lexicon_root else slip_discount(d, word, rivals)
        genuine = own / (own + slips) if SOFT_DISCOUNT else max(own - slips, 0.0) / own
        if genuine > 0:
            log_p = math.log(genuine * own + 0.5) - log_total
    if log_p < LOG_WELL_FORMED + math.log(d.max_count + 1) - log_total:
        base = root_count()
        if base is not None:
            log_root = max(math.log(base) - log_total, LOG_LEXICON_ROOT) if base > 0 else LOG_LEXICON_ROOT
            log_p = max(log_p, min(LOG_WELL_FORMED + log_root, math.log(MAX_UNSEEN_COUNT) - log_total))
    if lexicon_root:
        log_p = max(log_p, LOG_LEXICON_ROOT)
    if capitalized:
        log_p = max(log_p, LOG_NEW_NAME_AT_START if opens else LOG_NEW_NAME)
    elif log_p < LOG_NEW_WORD:
        log_p = LOG_NEW_WORD + (LOG_ODD_TRIGRAM * oddity() if oddity is not None else 0.0)
    return Prior(log_p, genuine)


def trigrams(d: Dictionary) -> frozenset[str]:
    """The letter trigrams of the words seen at least TRIGRAM_MIN_COUNT times, `^` and `$` marking their edges."""
    text = "^" + "$^".join(w for w, n in d.counts.items() if n >= TRIGRAM_MIN_COUNT) + "$"
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))


def odd_trigrams(word: str, known: frozenset[str]) -> int:
    """How many letter trigrams of `word` (edges marked as in `trigrams`) are not `known`."""
    marked = f"^{word}$"
    return sum(marked[i : i + 3] not in known for i in range(len(marked) - 2))


def _log_next(d: Dictionary, prev: str, word: str, p_word: float, genuine: float = 1.0) -> float:
    """log P(word | prev), smoothed towards P(word) = `p_word`."""
    return math.log((genuine * d.bigram(prev, word) + SMOOTHING * p_word) / (d.count(prev) + SMOOTHING))


def _log_before(d: Dictionary, word: str, right: str, p_word: float, genuine: float = 1.0) -> float:
    """log P(word | the next word is `right`), smoothed towards P(word) = `p_word`: the left context mirrored."""
    return math.log((genuine * d.bigram(word, right) + SMOOTHING * p_word) / (d.count(right) + SMOOTHING))


def _score(
    d: Dictionary, phrase: str, log_p: float, left: str | None, right: str | None, genuine: float = 1.0
) -> float:
    """log P(phrase) + CONTEXT_WEIGHT * (what the neighbours add), for a word or a two-word phrase."""
    words = phrase.split(" ")
    p = math.exp(log_p)
    gain = 0.0
    if left is not None:
        gain += _log_next(d, left, words[0], p, genuine) - log_p
    for a, b in zip(words, words[1:]):  # inside a phrase: P(b | a) is part of its prior
        log_p += math.log((d.bigram(a, b) + SMOOTHING * (d.count(b) + 0.5) / d.total) / (d.count(a) + SMOOTHING))
    if right is not None:
        last = log_p if len(words) == 1 else math.log((d.count(words[-1]) + 0.5) / d.total)
        gain += _log_before(d, words[-1], right, math.exp(last), genuine if len(words) == 1 else 1.0) - last
    return log_p + CONTEXT_WEIGHT * gain


def decide(
    d: Dictionary,
    word: str,
    prior: Prior,
    candidates: list[str],
    left: str | None,
    right: str | None,
    case_cost: Callable[[str], float] | None = None,
) -> Decision:
    """The posterior over `word` (lowercase, as written) and its candidates (words or two-word phrases).

    `case_cost(candidate)`: nats the case as written costs if the candidate was meant (a name written in
    lowercase, a common word capitalized inside a sentence); none when not given.
    """
    scores = [_score(d, word, prior.log_p, left, right, prior.genuine)]
    names = []
    for cand in candidates:
        if cand == word or cand == left or cand == right:
            continue  # a fix that writes its neighbour again makes a doubled word, itself a finding
        names.append(cand)
        log_p = math.log((d.count(cand.split(" ")[0]) + 0.5) / d.total)
        case = case_cost(cand) if case_cost is not None else 0.0
        scores.append(_score(d, cand, log_p, left, right) + LOG_SLIP - error_cost(word, cand) - case)
    top = max(scores)
    weights = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(weights)
    ranked = sorted(zip(names, (w / total for w in weights[1:])), key=lambda p: (-p[1], p[0]))
    return Decision(weights[0] / total, tuple(ranked))


def repeated(confidence: float, times: int) -> float:
    """The confidence of a flag on a form the same text writes `times` times, from its confidence alone."""
    extra = min(times, MAX_REPEATS + 1) - 1
    if extra <= 0 or confidence <= 0.0:
        return confidence
    if confidence >= 1.0:
        confidence = 1.0 - 1e-6
    odds = math.log(confidence / (1.0 - confidence)) + LOG_REPEAT * extra
    return 1.0 / (1.0 + math.exp(-odds))


def _share(written: float, other: float) -> float:
    """The written hypothesis' share of two scores (nats) at `TEMPERATURE`."""
    return 1.0 / (1.0 + math.exp((other - written) / TEMPERATURE))


def doubled_share(d: Dictionary, word: str) -> float:
    """Share of the posterior that `word word` (written twice in a row) was meant, against a doubling slip."""
    p = (d.count(word) + 0.5) / d.total
    meant = math.log((d.bigram(word, word) + SMOOTHING * p) / (d.count(word) + SMOOTHING))
    return _share(meant, LOG_DOUBLED)


def name_slip_share(d: Dictionary, word: str, prior: Prior, name: str, share_in_text: float) -> float:
    """Share of the posterior that a capitalized `word` is a slip of `name`, written more often in the same text.

    The text itself is the language model here: `name` is as likely as its share of the text's words.
    """
    return 1.0 - _share(prior.log_p, math.log(share_in_text) + LOG_SLIP - error_cost(word, name))
