"""speller: find and fix spelling errors in Indonesian text.

    >>> from speller import Speller
    >>> speller = Speller()                      # load the bundled dictionary once
    >>> [(i.word, i.suggestion) for i in speller.check("di luar angksa")]
    [('angksa', 'angkasa')]

Public API: `Speller` (check, correct, suggest), `Issue`, `Dictionary`, the category names,
and the errors `SpellerError`, `DictionaryError`, `InputError`.
"""

from __future__ import annotations

from .records import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = [
    "CATEGORIES",
    "Category",
    "DEFAULT_CATEGORIES",
    "Dictionary",
    "DictionaryError",
    "InputError",
    "Issue",
    "Speller",
    "SpellerError",
    "apply_fixes",
]

if TYPE_CHECKING:
    from typing import Any

    from .categories import Category
    from .checker import CATEGORIES, DEFAULT_CATEGORIES, Issue, Speller, apply_fixes
    from .dictionary import Dictionary
    from .errors import DictionaryError, InputError, SpellerError

_WHERE = {
    "CATEGORIES": "checker",
    "Category": "categories",
    "DEFAULT_CATEGORIES": "categories",
    "Issue": "checker",
    "Speller": "checker",
    "apply_fixes": "checker",
    "Dictionary": "dictionary",
    "DictionaryError": "errors",
    "InputError": "errors",
    "SpellerError": "errors",
}


if not TYPE_CHECKING:  # hidden from type checkers, which would read any name of the module as `Any` through it

    def __getattr__(name: str) -> Any:
        """Import the public names on first use, so `speller --help` starts fast."""
        module = _WHERE.get(name)
        if module is None:
            raise AttributeError(f"module 'speller' has no attribute {name!r}")
        # `__import__`, not `importlib.import_module`: `importlib` (with `warnings`) costs a cold start ~0.5 ms
        return getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
