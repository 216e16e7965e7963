"""Shared fixtures for the foundation tests: one loaded Speller per session and paths to the seeds.

Every path is relative to this file, so the suite runs from any checkout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from speller.shell import tune_collector

#: The suite's process collects garbage as a `speller` process does, as it did before the collector was tuned by the
#: entry point only (importing speller.cli, as most test files do, tuned it). Either way a collection in this process,
#: over the many dictionaries and caches the suite loads, can take 100-500 ms on a loaded machine (gc.callbacks over
#: test_cli, test_checker and test_lsp_stdio): a hypothesis deadline can still be missed under load. The tests of the
#: collector itself run in fresh interpreters (tests/test_collector.py).
tune_collector()

#: No hypothesis deadline anywhere: the suite asserts outcomes, never timings (speed is measured in benchmarks/), and a
#: collection like the above can push one example past the default 200 ms on a shared machine (seen:
#: test_framer_finds_every_valid_message_after_junk, 494 ms once, 0.19 ms on replay). Tests that set their own
#: settings still override the other fields.
#: No example database: it wrote `.hypothesis/examples` into the working folder, and within a run it is never read
#: (hypothesis gives each test, and each parametrization, a key of its own, and a test runs once), so one under the
#: run's temp folder would hold only what nothing reads. A failure still prints its falsifying example.
settings.register_profile("speller", deadline=None, database=None)
settings.load_profile("speller")

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SEEDS = ROOT / "corpus" / "seeds"


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Hypothesis's own caches (`constants/`, the Unicode tables), which it writes with or without a database, go to
    this run's pytest temp folder, not `.hypothesis/` in the working folder. Set here, before collection: the
    hypothesis plugin reads the test modules' constants (and caches them) while the tests are collected, before any
    fixture runs. `_tmp_path_factory` is where pytest keeps the session's `tmp_path_factory` (as its own
    `tmp_path_factory` fixture reads it)."""
    factory: pytest.TempPathFactory = session.config._tmp_path_factory  # type: ignore[attr-defined]
    set_hypothesis_home_dir(factory.mktemp("hypothesis", numbered=False))


@pytest.fixture(scope="session")
def speller():
    """The default dictionary, loaded once for the whole session."""
    from speller import Speller

    return Speller()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The seed articles, by file name."""
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seed articles under {SEEDS}"
    return {f.name: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="session")
def picky(speller):
    """A checker over the same dictionary that also shows the typos the model flags under FLAG_CONFIDENCE (`picky`):
    what a test of detection asks (is the slip flagged, with the meant word first), whatever its calibrated share."""
    from speller import Speller

    return Speller(speller.dictionary, picky=True)


@pytest.fixture(scope="session")
def lenient(speller):
    """A checker over the same dictionary that also reports the least confident issues."""
    from speller import Speller

    return Speller(speller.dictionary, min_confidence=0.0)
