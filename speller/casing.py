"""Carry the case of a written word over to its replacement."""

from __future__ import annotations

from collections.abc import Collection


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


def _first_case(original: str, replacement: str) -> str:
    """`replacement` with a capital first letter when the first letter of `original` is one."""
    first = next((c for c in original if c.isalpha()), "")
    return replacement[:1].upper() + replacement[1:] if first.isupper() else replacement


def name_case(original: str, replacement: str, proper: Collection[str]) -> str:
    """`match_case`, then a capital on each word of the replacement that is a name (`di jakarta` -> `di Jakarta`)."""
    out = match_case(original, replacement)
    if out.isupper():
        return out
    words = out.split(" ")
    return " ".join(w[:1].upper() + w[1:] if w.lower() in proper else w for w in words)
