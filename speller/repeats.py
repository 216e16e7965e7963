"""A phrase written twice in a row: `pada saat pada saat itu`, `yang terdiri yang terdiri dari`.

An edit that pastes a phrase back in, or a writer who loses their place, leaves the same two to four words twice
over; the checker reports the run and suggests the phrase once (a single word written twice is `doubled`, judged by
`speller.model.doubled_readings`). A repeat is one only when its copies are the same characters, case included,
one space apart: a copy in another case is a heading run into its text (`family office Family office`), a name
after its common noun (`di rumah duka di Rumah Duka Oasis`) or emphasis (`Enggak boleh enggak boleh`), and a line
break or a comma parts what may be meant twice. The checker also leaves a repeat that opens a sentence (a heading
run into its paragraph by a scraper: `2. Deposito syariah Deposito syariah adalah`, four on dev) and English (`a
spade a spade`).

How sure such a finding is comes from the build corpus: every repeat this rule finds in it was judged by hand
(`benchmarks/repeated_judged.tsv`, `python -m benchmarks.repeated`); a finding is as sure as the share of them that
were slips (REPEATED_SLIPS of REPEATED_JUDGED). No I/O here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: The longest phrase looked for (words): the build corpus's longest repeat has four (`dan Solidaritas Mahasiswa
#: Salatiga dan Solidaritas Mahasiswa Salatiga`).
MAX_REPEATED_WORDS = 4
#: The repeats this rule finds in the build corpus that were judged slips, and all it finds that were judged slips or
#: right as written (unsure ones left out): `python -m benchmarks.repeated` counts them from the judged table. A
#: finding is as sure as their share, pulled toward one half by one of each (`speller.calibration.shrunk`), held under
#: FIX_CONFIDENCE: the meant ones were a speaker's emphasis in a quote (`sebentar jadi sebentar jadi`), which `fix`
#: must not take out, so it leaves every repeat to the writer.
REPEATED_SLIPS, REPEATED_JUDGED = 47, 51


def _plain(word: str) -> bool:
    """A word of letters, with hyphens inside it (`V-Power`), not a number or a symbol."""
    return word.replace("-", "").isalpha() and not word.startswith("-") and not word.endswith("-")


def phrase_length(words: Sequence[str], spaced: Callable[[int], bool], i: int) -> int:
    """How many words (two to MAX_REPEATED_WORDS) the shortest phrase has that starts at `words[i]` and is written
    twice in a row; 0 when there is none. `spaced(j)`: words j and j + 1 stand one space apart. A phrase of one word
    written over (`di di`) is not one. Reads at most 2 * MAX_REPEATED_WORDS words."""
    first = words[i]
    for n in range(2, MAX_REPEATED_WORDS + 1):
        end = i + 2 * n
        if end > len(words) or words[i + n] != first:
            continue
        phrase = words[i : i + n]
        if words[i + n : end] != phrase or len(set(phrase)) == 1:
            continue
        if all(map(_plain, phrase)) and all(map(spaced, range(i, end - 1))):
            return n
    return 0


def repeated_phrase(words: Sequence[str], spaced: Callable[[int], bool], i: int) -> tuple[int, int]:
    """(words in the phrase, copies written) of the phrase `phrase_length` finds at `words[i]`, written twice or more
    in a row; (0, 0) when there is none."""
    n = phrase_length(words, spaced, i)
    if not n:
        return 0, 0
    phrase = words[i : i + n]
    copies = 2
    while words[i + copies * n : i + (copies + 1) * n] == phrase and all(
        map(spaced, range(i + copies * n - 1, i + (copies + 1) * n - 1))
    ):
        copies += 1
    return n, copies


def is_repeat(words: Sequence[str]) -> bool:
    """Whether `words` are one phrase of two words or more written twice or more over (a finding's span)."""
    for n in range(2, len(words) // 2 + 1):
        if len(words) % n == 0 and all(words[k] == words[k % n] for k in range(len(words))):
            return True
    return False
