"""Errors the library raises; the CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations


class SpellerError(Exception):
    """Base class of every error speller raises on purpose (the CLI exits 2 on each)."""


class ConfigError(SpellerError):
    """A configuration file or word list is unreadable or holds a bad value."""


class DictionaryError(SpellerError):
    """A dictionary folder or file is missing, unreadable or malformed."""


class InputError(SpellerError):
    """A text to check cannot be read: missing, binary, or not in the expected encoding."""


class OutputError(SpellerError):
    """A fixed file cannot be written back safely: read-only, changed meanwhile, or not round-trippable."""
