"""The rule tables bundled with the package: word lists that the morphology and spacing rules read.

They are curated data (`dictionaries/root_classes.tsv`, `dictionaries/spacing_words.tsv`), not
counts from a corpus, so they are always read from the bundled dictionary package, whatever
dictionary folder the user checks with.
"""

from __future__ import annotations

import os

from .errors import DictionaryError
from .pathnames import join, normal
from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: `bundled_folder`'s answer, once found: a load asks it for every table it opens (the install does not move).
_BUNDLED: list[str] = []


def bundled_path() -> Path:
    """The dictionary folder shipped with the package (`speller.dictionaries`)."""
    from pathlib import Path  # noqa: PLC0415 - the check path asks `bundled_folder`

    return Path(bundled_folder())


def bundled_folder() -> str:
    """`bundled_path` as a plain name (`speller.pathnames.normal`), without importing `pathlib`."""
    if not _BUNDLED:
        _BUNDLED.append(_bundled_folder())
    return _BUNDLED[0]


def _bundled_folder() -> str:
    beside = join(normal(os.path.dirname(__file__)), "dictionaries")
    if os.path.isfile(join(beside, "__init__.py")):  # a regular install: found without importing importlib.resources
        return beside
    # An editable install maps the package elsewhere: its finder tells where, as it tells `importlib.resources`
    # (which a cold check would import for this alone: ~10 ms with `typing`, `zipfile` and `tempfile`; the finder
    # has imported `importlib.util` already).
    from importlib.util import find_spec  # noqa: PLC0415

    spec = find_spec("speller.dictionaries")
    if spec is None or spec.origin is None:  # an editable install made before the data became package data
        return join(normal(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))), "dictionaries")
    return normal(os.path.dirname(spec.origin))


def rows(name: str) -> list[list[str]]:
    """The tab-separated data rows of a bundled table, without its `#` comment lines."""
    return rows_at(join(bundled_folder(), name), "the bundled table")


def rows_at(path: str, what: str = "the table") -> list[list[str]]:
    """The tab-separated data rows of the table at `path` (`what` it is, for the error), without its `#` comment
    lines."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DictionaryError(f"{path}: cannot read {what} ({e})") from None
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def word_classes(name: str) -> dict[str, frozenset[str]]:
    """class -> words, from a bundled `word<TAB>class<TAB>basis` table."""
    classes: dict[str, set[str]] = {}
    for n, row in enumerate(rows(name), 1):
        if len(row) != 3:
            raise DictionaryError(f"{join(bundled_folder(), name)}: row {n} has {len(row)} columns, expected 3")
        classes.setdefault(row[1], set()).add(row[0])
    return {cls: frozenset(words) for cls, words in classes.items()}
