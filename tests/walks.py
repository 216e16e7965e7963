"""A folder whose listing is refused, as `os.walk` meets one (a test runs as root, where chmod 000 refuses nothing)."""

from __future__ import annotations

import os

import pytest


def refuse_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make `os.walk` meet every folder called `name` as one it may not list: reported to `onerror`, not entered."""
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):  # noqa: ANN001, ANN003, ANN202 - os.walk's own
        for root, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            if name in dirs:
                dirs.remove(name)
                onerror(PermissionError(13, "Permission denied", os.path.join(root, name)))
            yield root, dirs, files

    monkeypatch.setattr(os, "walk", walk)
