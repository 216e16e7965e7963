"""Carry the case of a written word over to its replacement."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Container

from .records import TYPE_CHECKING
from .tokenize import line_bounds

if TYPE_CHECKING:
    from .dictionary import Dictionary

#: A proper name (`Dictionary.proper`) keeps its capital in the suggestion for a word written in lowercase only when
#: the corpus writes it in lowercase fewer times than this share of its uses inside a run of words (after another
#: word: `Beside.before`), where a sentence's opening capital does not count. A common noun that news capitalizes
#: as a title before a name (`Sekretaris Daerah`) or at a sentence's start is written in lowercase where its case is
#: the writer's: build corpus (`python -m benchmarks.suggestion_case`), `sekretaris` 69 lowercase of 925 (7.5%, under
#: PROPER_LOWER_SHARE) but 228 opening a sentence and 609 before a capitalized word, so 69 per 573 uses inside a run
#: (0.120), and 69 lowercase against 13 capitalized uses anywhere else; `direktur` 0.149, `sekjen` 0.112, `alhasil`
#: and `adapun` (almost always opening a sentence) 12 and 9 per use. Names stay below: `kapolri` 0.054 (117 free
#: capitals), `kapolda` 0.050, `tuhan` 0.045, `allah` 0.015, `jakarta` 0.001. Of the 3,888 proper names seen 30 times
#: or more, this bar drops 209 (0.05 would drop 709, `kapolri` and `kapolda` among them; 0.12 130, keeping `sekjen`),
#: and 10,264 of all 16,711, most of them rare. One lowercase use is added to the count, so a word
#: seen inside a run fewer than 1/INSIDE_LOWER_SHARE times, never in lowercase, is not yet a name: its capitals may
#: all be its place's (`sinematografi`, 3 uses in the build corpus: 1 opening a sentence, 2 in a title; `sineematografi`
#: got `Sinematografi` mid-sentence in clickid-fimela).
INSIDE_LOWER_SHARE = 0.1


def match_case(original: str, replacement: str) -> str:
    """`replacement` in the case pattern of `original`: ANGKSA -> ANGKASA, Angksa -> Angkasa, angksa -> angkasa; part
    by part when both are hyphenated alike (Seokarno-Hatta -> Soekarno-Hatta, Rumah-rumah -> Rumah-rumah)."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    parts, new = original.split("-"), replacement.split("-")
    if len(parts) > 1 and len(parts) == len(new):
        return "-".join(map(match_case, parts, new))
    return _first_case(original, replacement)


def headline_case(replacement: str, text: str, start: int, small: Container[str]) -> str:
    """`replacement` for a capitalized span at `start` of a line of `text` written in Title Case (`Warga Dirumah Saja`):
    each of its words capitalized (`Di Rumah`), as the headline writes its words, but a word of `small` (function
    words: `di`, `ke`) when the line writes such words in lowercase (`ke Pasar Global`, as EYD V's titles do) and it is
    not the line's first word."""
    line_start, line_end = line_bounds(text, start)
    line = text[line_start:line_end]
    lower_small = any(w in small for w in re.findall(r"\w+", line) if w.islower())
    first = not text[line_start:start].strip(" \t#*>-")
    words = replacement.split(" ")
    return " ".join(
        w.lower() if lower_small and w.lower() in small and not (first and i == 0) else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _first_case(original: str, replacement: str) -> str:
    """`replacement` with a capital first letter when the first letter of `original` is one."""
    first = next((c for c in original if c.isalpha()), "")
    return replacement[:1].upper() + replacement[1:] if first.isupper() else replacement


def keeps_capital(d: Dictionary, word: str) -> bool:
    """`word` (lowercase) is a name a suggestion capitalizes even for a word written in lowercase (`jakarta`), not a
    word news also writes in lowercase where the case is the writer's (`sekretaris`): see INSIDE_LOWER_SHARE."""
    return word in d.proper and lowercase_share(d, word) < INSIDE_LOWER_SHARE


#: A name written in lowercase inside a sentence (`di jakarta`, `17 agustus`, `bapak teknologi indonesia`) breaks
#: EYD V's capital-letter rule, as Hunspell reports it; news writes such a word in lowercase less than this share of
#: its uses inside a run of words (`lowercase_share`) ... Judged on the decision files' samples
#: (benchmarks/lowercase_judged.tsv, `python -m benchmarks.lowercase_names`): under 0.005, 14 slips of 14; 0.005 to
#: 0.01, 16 of 22; 0.01 to 0.02, 23 of 42 (`gula jawa`, `salim`, `mahkamah`, `Huawei nova` beside `anggota polri`):
#: a coin's toss, so the bar stands at 0.01.
MAX_LOWERCASE_NAME_SHARE = 0.01
#: ... and it has at least this many letters (shorter ones are acronyms news writes in capitals, `kpk`, `uu`, or
#: roman numerals, `ii`).
MIN_LOWERCASE_NAME_LENGTH = 4


def lowercase_name(d: Dictionary, word: str, min_length: int = MIN_LOWERCASE_NAME_LENGTH) -> tuple[str, float] | None:
    """The name `word` (as written, all lowercase letters) stands for, as news writes it (`Dictionary.written_form`:
    `Jakarta`, `DPRD`), and its `lowercase_share`, when news writes it as a name (MAX_LOWERCASE_NAME_SHARE) and it
    has `min_length` letters or more; else None. A month's or a day's name (`Dictionary.calendar_names`) is a name
    however often news writes it in lowercase, its share none."""
    if word in d.calendar_names:
        return d.written_form(word), 0.0
    if len(word) < min_length or word not in d.proper or not word.isalpha() or word != word.lower():
        return None
    share = lowercase_share(d, word)
    return (d.written_form(word), share) if share < MAX_LOWERCASE_NAME_SHARE else None


def lowercase_share(d: Dictionary, word: str) -> float:
    """How often news writes `word` (lowercase) in lowercase per use inside a run of words (after another word, where
    a sentence's opening capital does not count), one lowercase use added: `jakarta` 0.002, `sekretaris` 0.12, `adapun`
    9; infinite for a word never seen inside a run."""
    beside = d.beside(word)
    inside = beside.before if beside else 0
    return (d.lower_count(word) + 1) / inside if inside else math.inf


#: Pairs of letters that look alike across case, (written, meant): a capital I typed for a lowercase l (`Iebih` for
#: `lebih`) and a lowercase l for a capital I (`lni` for `Ini`). When a suggestion's first letter undoes such a slip,
#: the case written there says nothing of the case meant.
CASE_LOOKALIKES = frozenset({("I", "l"), ("l", "I")})


def lookalike_initial(original: str, replacement: str) -> bool:
    """The first letter of `original` is a look-alike of another case (CASE_LOOKALIKES) of `replacement`'s first letter,
    whatever case the replacement gives it (`Iebih`, `lebih`; `lni`, `ini`)."""
    written, meant = original[:1], replacement[:1]
    return any(written == a and meant.lower() == b.lower() for a, b in CASE_LOOKALIKES)


def position_case(original: str, replacement: str, opening: bool) -> str:
    """`original` with its first letter in the case its place needs when that letter is a look-alike slip of the
    replacement's (`lookalike_initial`): a capital opening a sentence or in an all-capital word, else lowercase (`Harga
    Iebih mahal` -> `lebih`; `Iebih mahal` -> `Lebih`); else `original` as it stands."""
    if not original[1:] or not lookalike_initial(original, replacement):
        return original
    rest = original[1:]
    capital = opening or (rest.isupper() and len([c for c in rest if c.isalpha()]) > 1)
    return ("X" if capital else "x") + rest


def name_case(original: str, replacement: str, named: Callable[[str], str | None], opening: bool | None = None) -> str:
    """`match_case`, then each word of the replacement that is a name as news writes it (`named` of its lowercase: its
    form, or None for a word that is none: `di jakarta` -> `di Jakarta`, `didprd` -> `di DPRD`). With `opening` known
    (whether the word opens a sentence), a first letter written as a look-alike of the replacement's takes the case of
    its place (`position_case`)."""
    if opening is not None:
        original = position_case(original, replacement, opening)
    out = match_case(original, replacement)
    if out.isupper():
        return out
    return " ".join(named(w.lower()) or w for w in out.split(" "))


def kept_form(d: Dictionary, word: str) -> str | None:
    """The form of the (lowercase) `word` in a suggestion when it is a name that keeps its capital (`keeps_capital`):
    as news writes it (`Dictionary.written_form`: `Jakarta`, `DPRD`); else None."""
    return d.written_form(word) if keeps_capital(d, word) else None
