"""The spell checker: find issues in a text, suggest and apply fixes."""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from typing import Iterable

from .casing import match_case
from .categories import CATEGORY_NAMES, DEFAULT_CATEGORIES, FIX_CONFIDENCE, MIN_CONFIDENCE, Category
from .context import context_support, error_cost
from .dictionary import Dictionary
from .realword import real_word_rival
from .spacing import (
    BOUND_FORMS,
    PARTICLE,
    bound_form_base,
    detached_particle,
    doubled_k,
    glued_preposition,
    hyphenated_clitic,
    run_on_splits,
    split_word,
)
from .tokenize import WORD, Token, is_acronym, is_all_caps, is_mixed_case, opens_sentence, tokenize, word_spans

TYPO, NONSTANDARD, SPACING, REAL_WORD = Category.TYPO, Category.NONSTANDARD, Category.SPACING, Category.REAL_WORD
CATEGORIES = CATEGORY_NAMES
#: Slips costing more than this (nats, see `speller.context.EDIT_COST`) need the context's backing ...
CHEAP_SLIP = 4.5
#: ... of at least this much (nats) to be reported with confidence; both set on the dev split.
CONTEXT_EVIDENCE = 5.0
#: A capitalized unknown word that opens a sentence is taken for a slip, not a name, only when it is
#: this long and this cheap a slip (nats) from a word seen this often.
NAME_SLIP_MIN_LENGTH = 6
NAME_SLIP_COST = 3.0
NAME_SLIP_MIN_COUNT = 100
#: Suffixes a writer may drop together with a slip; frequent words with them join the candidates.
DROPPED_SUFFIXES = ("an", "nya", "kan")
MIN_SUFFIXED_COUNT = 20
#: Only words opening with these can break the KPST rule (`mengkonfirmasi`, `pengkajian`).
KPST_PREFIXES = ("mengk", "memp", "ment", "mens", "pengk", "pemp", "pent", "pens")
#: Unknown words shorter than this are abbreviations more often than typos.
MIN_LENGTH = 3

#: How far around a suspect word the checker looks for its neighbours (characters).
CONTEXT_CHARS = 40
#: Verdicts on a word by itself (see `Speller._verdict`).
KNOWN, UNKNOWN, SKIP = ("known",), ("unknown",), ("skip",)

#: (start, end, suggestions, category, confidence) of one finding.
_Found = tuple[int, int, list[str], str, float]


@dataclass(frozen=True, slots=True)
class Issue:
    """A flagged span of the text: `text[start:end] == word`.

    `line` and `column` are 1-based; `column` counts characters (code points) from the line start.
    `suggestions` are replacements for the whole span, best first, in the case of the original.
    """

    start: int
    end: int
    word: str
    suggestions: tuple[str, ...]
    category: str
    confidence: float
    line: int = 0
    column: int = 0

    @property
    def suggestion(self) -> str | None:
        """The best suggestion, or None."""
        return self.suggestions[0] if self.suggestions else None

    def to_dict(self) -> dict:
        """A JSON-ready dict with the keys of a `speller check --format json` row but `path`
        (confidence rounded to 3 places), plus `column`, an alias of `col` kept for older callers."""
        return {"line": self.line, "col": self.column, "start": self.start, "end": self.end, "word": self.word,
                "suggestions": list(self.suggestions), "category": self.category,
                "confidence": round(self.confidence, 3), "column": self.column}


class _Lines:
    """Map character offsets to 1-based (line, column); `\n`, `\r\n` and a lone `\r` end a line (as in LSP)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        if "\r" in text:
            self.starts.extend(m.end() for m in re.finditer(r"\r\n?|\n", text))
            return
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


#: A number with -an glued on (`1950an`, `300an`): EYD V writes `1950-an`.
_NUMBER_AN = re.compile(r"(?<![\w.,-])(\d[\d.,]*\d|\d)an\b")


def _numbers_with_suffix(text: str) -> list[_Found]:
    """Findings for numbers written with a glued -an."""
    return [(m.start(), m.end(), [f"{m.group(1)}-an"], NONSTANDARD, 0.9) for m in _NUMBER_AN.finditer(text)]


def _probable_name(text: str, word: str, start: int) -> bool:
    """A capitalized (not shouted) word inside a sentence: taken for a name when unknown."""
    return word[:1].isupper() and not is_all_caps(word) and not opens_sentence(text, start)


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


class Speller:
    """Indonesian spell checker over one loaded dictionary.

    Load once and reuse: `check` is safe to call from several threads.
    """

    def __init__(
        self,
        dictionary: Dictionary | str | None = None,
        *,
        categories: Iterable[str] | None = None,
        min_confidence: float = MIN_CONFIDENCE,
        words: Iterable[str] = (),
    ) -> None:
        self.dictionary = dictionary if isinstance(dictionary, Dictionary) else Dictionary(dictionary)
        self.categories = frozenset(categories) if categories is not None else DEFAULT_CATEGORIES
        unknown = self.categories - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {', '.join(sorted(unknown))}")
        self.min_confidence = min_confidence
        self.extra_words = frozenset(_normal(w) for w in words)
        self._verdicts: dict[str, tuple[str, ...]] = {}
        self._candidate_cache: dict[str, list[tuple[str, int]]] = {}

    # -- lexicon -----------------------------------------------------------------------

    @cached_property
    def _index(self):
        from .symspell import DeleteIndex

        d = self.dictionary
        return DeleteIndex(d.deletes, d.max_edit_distance, d.prefix_length)

    @cached_property
    def morphology(self):
        """The morphology analyser over this dictionary's roots and words."""
        from .morphology import Morphology

        d = self.dictionary
        return Morphology(d.roots.__contains__, kpst_exceptions=d.kpst_exceptions, is_word=self._listed)

    def _listed(self, word: str) -> bool:
        return word in self.dictionary.counts or word in self.extra_words

    def is_known(self, word: str) -> bool:
        """True when the (lowercase) word is accepted: listed, foreign, or well formed from a known root."""
        d = self.dictionary
        if word in d.counts or word in self.extra_words or word in d.foreign or word in d.roots:
            return True
        if "-" in word and all(self._part_known(p) for p in word.split("-") if p):
            return True
        if self.morphology.is_valid(word) or word in d.english:
            return True
        return bound_form_base(word, self._plain_known) is not None

    def _indonesian(self, word: str) -> bool:
        """Listed or well formed, and not only an English word."""
        d = self.dictionary
        return (word in d.counts or word in d.roots or self.morphology.is_valid(word)) and word not in d.english

    def _plain_known(self, word: str) -> bool:
        return self._part_known(word) or self.morphology.is_valid(word)

    def _part_known(self, part: str) -> bool:
        d = self.dictionary
        return part in d.counts or part in d.roots or part in d.foreign or part in self.extra_words

    # -- candidates ----------------------------------------------------------------------

    def _candidates(self, word: str) -> list[tuple[str, int]]:
        """Known words near `word` with their edit distance, from SymSpell and the morphology (cached)."""
        hit = self._candidate_cache.get(word)
        if hit is None:
            if len(self._candidate_cache) > 50_000:
                self._candidate_cache.clear()
            hit = self._candidate_cache[word] = self._find_candidates(word)
        return hit

    def _find_candidates(self, word: str) -> list[tuple[str, int]]:
        found = dict(self._index.lookup(word))
        try:
            inflected = self.morphology.suggest_inflected(word, self._index.lookup)
        except AttributeError:
            inflected = []
        for cand, dist in inflected:
            if cand not in found or dist < found[cand]:
                found[cand] = dist
        nearest = sorted(found.items(), key=lambda p: (p[1], -self.dictionary.count(p[0])))[:3]
        for cand, dist in nearest:  # a slip plus a dropped suffix: angakat (laut) -> angkatan
            for suffix in DROPPED_SUFFIXES:
                longer = cand + suffix
                if longer not in found and self.dictionary.count(longer) >= MIN_SUFFIXED_COUNT:
                    found[longer] = dist + len(suffix)
        for left, right, _pair in run_on_splits(self.dictionary, word)[:3]:
            found.setdefault(f"{left} {right}", 1)
        return list(found.items())

    def _rank(
        self, word: str, candidates: list[tuple[str, int]], left: str | None, right: str | None
    ) -> list[tuple[str, float]]:
        """Candidates with a noisy-channel score (higher is better), best first."""
        from .context import rank

        return rank(self.dictionary, candidates, left, right, typo=word)

    def suggest(self, word: str, n: int = 5) -> list[str]:
        """Up to `n` corrections for a single word, best first, in its case; [] when it is known."""
        low = _normal(word)
        if self.is_known(low):
            standard = self.standard_form(low)
            return [match_case(word, standard)] if standard else []
        ranked = self._rank(low, self._candidates(low), None, None)
        return [match_case(word, c) for c, _ in ranked[:n]]

    def standard_form(self, word: str) -> str | None:
        """The baku form of a non-standard (lowercase) word, or None."""
        d = self.dictionary
        if word in d.baku:
            return d.baku[word]
        morph = self.morphology
        if word.startswith(KPST_PREFIXES):
            kpst = morph.standard_form(word)
            if kpst:
                return kpst
        if not self._holds_baku_key(word):
            return None
        for analysis in morph.analyses(word):
            if analysis.root in d.baku and analysis.root != word:
                return replace(analysis, root=d.baku[analysis.root]).surface()
        return None

    def _standard_ending(self, word: str) -> str | None:
        """`kondusivitas` for `kondusifitas`: a non-standard ending whose standard form gives a known word."""
        for ending, standard in self.dictionary.baku_endings.items():
            if word.endswith(ending):
                fixed = word[: -len(ending)] + standard
                if self.is_known(fixed):
                    return fixed
        return None

    def _holds_baku_key(self, word: str) -> bool:
        """True when a non-standard root stands inside a longer word (`praktek` in `dipraktekkan`)."""
        baku = self.dictionary.baku
        n = len(word)
        return any(word[i:j] in baku for i in range(n) for j in range(i + MIN_LENGTH, n + 1))

    # -- checking ------------------------------------------------------------------------

    def check(self, text: str) -> list[Issue]:
        """Issues in `text`, in order of position, restricted to the enabled categories and confidence."""
        if REAL_WORD in self.categories:  # every word is second-guessed: look at each in context
            found = self._check_tokens(text, list(tokenize(text)))
        else:  # only the few words that are not plainly fine get a closer look
            found = self._check_suspects(text)
        if NONSTANDARD in self.categories and "an" in text:
            found = sorted(found + _numbers_with_suffix(text))
        lines: _Lines | None = None
        issues: list[Issue] = []
        for start, end, suggestions, category, confidence in found:
            if category not in self.categories or confidence < self.min_confidence:
                continue
            if lines is None:
                lines = _Lines(text)
            line, column = lines.position(start)
            issues.append(Issue(start, end, text[start:end], tuple(suggestions), category, confidence, line, column))
        return issues

    def _check_tokens(self, text: str, tokens: list[Token], targets: set[int] | None = None) -> list[_Found]:
        """Findings on the word tokens (those starting at `targets` only, when given)."""
        found: list[_Found] = []
        skip = -1
        for i, tok in enumerate(tokens):
            if tok.kind != WORD or i <= skip or (targets is not None and tok.start not in targets):
                continue
            hit = self._check_split(text, tokens, i) if SPACING in self.categories else None
            if hit is not None:
                skip = i + 1
            else:
                hit = self._check_token(tokens, i)
            if hit is not None:
                found.append(hit)
        return found

    def _check_suspects(self, text: str) -> list[_Found]:
        """Findings, looking closely only at words whose verdict is not plainly fine, and at pairs that may be one word."""
        d = self.dictionary
        verdicts = self._verdicts
        pairs = SPACING in self.categories
        joins, compounds, lefts = (d.joins, d.compounds, d.join_lefts) if pairs else ({}, {}, frozenset())
        suspects: list[int] = []
        prev_low, prev_start, prev_end = "", -1, -1
        for word, start, end in word_spans(text):
            verdict = verdicts.get(word) or self._verdict(word)
            if verdict is not KNOWN and verdict is not SKIP:
                if not (verdict is UNKNOWN and _probable_name(text, word, start)):
                    suspects.append(start)
            if pairs:
                low = word.lower()
                if prev_end + 1 == start and text[prev_end] == " " and (
                    (prev_low in lefts and (f"{prev_low} {low}" in joins or f"{prev_low} {low}" in compounds))
                    or prev_low in BOUND_FORMS
                    or low == PARTICLE
                    or (prev_low.endswith(low) and len(low) >= 3)
                ):
                    suspects.append(prev_start)
                prev_low, prev_start, prev_end = low, start, end
        found: list[_Found] = []
        for start in sorted(set(suspects)):
            if found and start < found[-1][1]:
                continue  # already inside a finding that spans two words
            window = list(tokenize(text, max(0, start - CONTEXT_CHARS), min(len(text), start + 2 * CONTEXT_CHARS)))
            found.extend(self._check_tokens(text, window, {start}))
        return found

    def _neighbour(self, tokens: list[Token], i: int) -> str | None:
        if 0 <= i < len(tokens) and tokens[i].kind == WORD:
            return _normal(tokens[i].text)
        return None

    def _check_split(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        """A word written apart (`di lakukan`) spanning tokens i and i+1."""
        if i + 1 >= len(tokens):
            return None
        first, second = tokens[i], tokens[i + 1]
        if second.kind != WORD or text[first.end:second.start] != " " or second.text[:1].isupper():
            return None
        if first.text[:1].isupper() and not first.sentence_start:
            return None  # part of a name: Shell Super, Badan Kerja
        joined = split_word(self.dictionary, _normal(first.text), _normal(second.text))
        if joined is None:
            return None
        return first.start, second.end, [match_case(first.text, joined)], SPACING, 0.85

    def _verdict(self, text: str) -> tuple[str, ...]:
        """What a word says by itself, whatever its neighbours (cached per written form).

        (SPACING | NONSTANDARD, replacement, confidence) for a finding; else KNOWN, UNKNOWN or SKIP.
        """
        hit = self._verdicts.get(text)
        if hit is not None:
            return hit
        low = _normal(text)
        d = self.dictionary
        if is_acronym(text) or is_mixed_case(text):
            self._verdicts[text] = SKIP
            return SKIP
        spaced = d.compounds.get(low) if low not in d.closed_compounds else None
        respaced = (
            hyphenated_clitic(text.replace("’", "'"), self._indonesian)
            or glued_preposition(d, low)
            or detached_particle(d, low, self._plain_known)
        )
        verdict: tuple[str, ...]
        if spaced:
            verdict = (SPACING, spaced, 0.9)
        elif respaced:
            verdict = (SPACING, respaced, 0.85)
        elif low in d.baku:
            verdict = (NONSTANDARD, d.baku[low], 0.9)
        elif self._standard_ending(low):
            verdict = (NONSTANDARD, self._standard_ending(low), 0.9)
        elif doubled_k(d, low):
            verdict = (TYPO, doubled_k(d, low), 0.85)
        elif self.is_known(low):
            standard = self.standard_form(low)
            verdict = (NONSTANDARD, standard, 0.9) if standard and standard != low else KNOWN
        else:
            verdict = UNKNOWN
        if len(self._verdicts) > 200_000:
            self._verdicts.clear()
        self._verdicts[text] = verdict
        return verdict

    def _check_token(self, tokens: list[Token], i: int) -> _Found | None:
        tok = tokens[i]
        text = tok.text
        verdict = self._verdicts.get(text) or self._verdict(text)
        if verdict is SKIP or (verdict is KNOWN and REAL_WORD not in self.categories):
            return None
        kind = verdict[0]
        if kind in (SPACING, NONSTANDARD, TYPO):
            return tok.start, tok.end, [match_case(text, verdict[1])], kind, verdict[2]
        low = _normal(text)
        d = self.dictionary
        capitalized = text[:1].isupper() and not is_all_caps(text)  # a shouted headline is not a name
        if kind == "known":
            if REAL_WORD in self.categories and not capitalized:
                rival = real_word_rival(d, low, self._neighbour(tokens, i - 1), self._neighbour(tokens, i + 1),
                                        self._index.lookup)
                if rival:
                    return tok.start, tok.end, [match_case(text, rival[0])], REAL_WORD, rival[1]
            return None
        if capitalized and not tok.sentence_start:
            return None  # a capitalized word inside a sentence is probably a name (as `_probable_name`)
        if low in d.names or len(low) < MIN_LENGTH:
            return None
        left = self._neighbour(tokens, i - 1)
        right = self._neighbour(tokens, i + 1)
        ranked = self._rank(low, self._candidates(low), left, right)
        suggestions = [match_case(text, c) for c, _ in ranked[:5]]
        confidence = self._confidence(ranked, low, left, right)
        if capitalized and not self._plain_slip(low, ranked):
            confidence = min(confidence, 0.4)  # may be a name that opens a sentence
        elif is_all_caps(text) and confidence < 0.85:
            confidence = min(confidence, 0.45)  # a long acronym (AKABRI) unless the slip is plain
        category = SPACING if suggestions and " " in suggestions[0] else TYPO
        return tok.start, tok.end, suggestions, category, confidence

    def _plain_slip(self, word: str, ranked: list[tuple[str, float]]) -> bool:
        """The best candidate is a frequent word one cheap slip away (`Selanjunya` -> `Selanjutnya`)."""
        if not ranked or len(word) < NAME_SLIP_MIN_LENGTH:
            return False
        best = ranked[0][0]
        return error_cost(word, best) <= NAME_SLIP_COST and self.dictionary.count(best) >= NAME_SLIP_MIN_COUNT

    def _confidence(self, ranked: list[tuple[str, float]], word: str, left: str | None, right: str | None) -> float:
        """How sure the best suggestion is the fix.

        High when it is a cheap slip (one likely edit) that clearly beats the runner-up; a costly
        slip (two edits, or unusual ones) is believed only when the neighbours call for the word,
        since an unknown word that far from every known word is more often a name or a loan.
        """
        if not ranked:
            return 0.3  # nothing known is near: more likely a name or a foreign word than a typo
        best = ranked[0][0]
        cost = error_cost(word, best)
        if cost > CHEAP_SLIP:
            return 0.7 if context_support(self.dictionary, best, left, right) >= CONTEXT_EVIDENCE else 0.45
        if len(ranked) == 1:
            return 0.95
        margin = ranked[0][1] - ranked[1][1]  # scores are log-probabilities
        if margin >= 2.0:
            return 0.95
        if margin >= 0.7:
            return 0.85
        return 0.6

    def correct(self, text: str, min_confidence: float = FIX_CONFIDENCE) -> str:
        """`text` with every issue at least `min_confidence` sure replaced by its best suggestion."""
        return apply_fixes(text, [i for i in self.check(text) if i.confidence >= min_confidence and i.suggestions])


def apply_fixes(text: str, issues: Iterable[Issue]) -> str:
    """Replace each issue's span by its best suggestion; text outside the spans is kept as is."""
    out: list[str] = []
    pos = 0
    for issue in sorted(issues, key=lambda i: i.start):
        if issue.start < pos or not issue.suggestions:
            continue
        out.append(text[pos:issue.start])
        out.append(issue.suggestions[0])
        pos = issue.end
    out.append(text[pos:])
    return "".join(out)
