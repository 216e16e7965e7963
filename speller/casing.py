"""Carry the case of a written word over to its replacement."""

from __future__ import annotations


def match_case(original: str, replacement: str) -> str:
    """`replacement` in the case pattern of `original`: ANGKSA -> ANGKASA, Angksa -> Angkasa, angksa -> angkasa."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
