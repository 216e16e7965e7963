"""The verdict table: what each listed word says by itself, computed once at build time.

For a word of `words.tsv` written in lowercase or with a capital first letter, `Speller._verdict`
(the word's verdict whatever its neighbours) depends on the dictionary alone. The builder computes
it for every such form and writes the ones that are not plainly fine to `verdicts.tsv`
(`form<TAB>kind<TAB>replacement<TAB>confidence`, sorted); the checker then answers a listed form
with one lookup: its row, else plainly fine. A folder without the file (an older or a hand-made
dictionary) makes the checker compute every verdict, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from .checker import Speller

#: The table's file name in a dictionary folder.
TABLE = "verdicts.tsv"


def capitalized(word: str) -> str:
    """`word` (lowercase) with a capital first letter, the other tabled form."""
    return word[:1].upper() + word[1:]


def tabled_forms(words: Iterable[str]) -> Iterator[str]:
    """The forms the table covers: each (lowercase) listed word, and its capitalized form."""
    for word in words:
        yield word
        cap = capitalized(word)
        if cap != word:
            yield cap


def is_tabled(form: str, listed: Mapping[str, int]) -> bool:
    """True when `form` is one of `tabled_forms(listed)`: the table's answer for it is final."""
    if form in listed:
        return True
    low = form[:1].lower() + form[1:]
    return low != form and low in listed and capitalized(low) == form


def table_rows(speller: Speller) -> list[str]:
    """The table's lines for `speller`'s dictionary (sorted): every tabled form whose verdict is not `known`.

    `speller` must have no extra words and must not itself read a table (see `Speller._computed_verdict`).
    """
    rows = []
    for form in tabled_forms(speller.dictionary.counts):
        kind, replacement, confidence = speller._computed_verdict(form)
        if kind != "known":
            rows.append(f"{form}\t{kind}\t{replacement}\t{confidence!r}")
    return sorted(rows)


def write_table(folder: Path) -> int:
    """Compute the table of the dictionary in `folder` and write it there; returns its number of rows."""
    from .checker import Speller  # noqa: PLC0415
    from .runs import write_lines  # noqa: PLC0415
    from .samples import write_samples  # noqa: PLC0415

    path = folder / TABLE
    path.unlink(missing_ok=True)  # a stale table must not answer while the new one is computed
    rows = table_rows(Speller(str(folder)))
    write_lines(path, rows)
    write_samples(folder)  # the samples of the tables a load bisects, this one's too
    return len(rows)
