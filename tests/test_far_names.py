"""A new name two slips from a frequent name (`speller.model.far_name`, `FAR_NAME_COST`), and the measurement behind
it (`benchmarks.far_names`)."""

from __future__ import annotations

import random
from collections.abc import Iterator, Set

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.blindspots import edit
from speller.model import LOG_NEW_WORD, NAME_FAR_MIN_COUNT, NAME_FAR_MIN_LENGTH, far_name, far_name_odds

PROPERTY = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def flags(speller, text: str) -> list[tuple[str, str]]:
    """(word, first suggestion) of each finding of `text`."""
    return [(i.word, i.suggestion) for i in speller.check(text)]


def test_two_slips_of_frequent_names_in_a_sentence_are_flagged_with_the_name_first(speller):
    text = "Ia pergi ke Sigaprua dan Austraxi pada Oktober lalu."
    assert flags(speller, text) == [("Sigaprua", "Singapura"), ("Austraxi", "Australia")]


@pytest.mark.parametrize(
    ("slip", "name"),
    [
        ("Plaembnag", "Palembang"),  # two swaps
        ("Bnadnug", "Bandung"),
        ("Mlaysai", "Malaysia"),
        ("Kalimatnna", "Kalimantan"),
        ("Yogykarat", "Yogyakarta"),
        ("Baswdean", "Baswedan"),
        ("Mxekisko", "Meksiko"),
        ("Peramgna", "Pertamina"),
    ],
)
def test_a_name_two_slips_from_a_frequent_name_standing_alone_is_that_name(speller, slip, name):
    assert speller.dictionary.count(slip.lower()) == 0
    assert flags(speller, f"Mereka tinggal di {slip} sejak lama.") == [(slip, name)]


@pytest.mark.parametrize(
    "name",
    # names of the decision files' news (clickid-posmetro-medan, clickid-fimela) two edits from a frequent name
    # (Jakarta, Sudirman, Serikat, Pangeran, Mariana, Darmin, Kurniawan, Institut): the dictionary lacks them
    ["Sadarta", "Sadiran", "Seriwaty", "Pangguan", "Maribaya", "Baurmin", "Koerniawan", "Istituto"],
)
def test_a_new_name_two_edits_from_a_frequent_name_stays_silent(speller, name):
    assert speller.dictionary.count(name.lower()) == 0
    assert flags(speller, f"ujar {name} kemarin.") == []
    assert flags(speller, f"Ia bertemu {name} Siregar di kantor.") == []


@pytest.mark.parametrize(("word", "name"), [("Pemprovsu", "pemprov"), ("Kapoldasu", "kapolda")])
def test_a_name_grown_at_its_end_is_no_two_edit_slip_of_it(speller, word, name):
    """Pemprov and Kapolda of Sumatera Utara: a name holding a frequent name whole is a name of its own."""
    d = speller.dictionary
    assert d.count(name) >= NAME_FAR_MIN_COUNT and not far_name(d, word.lower(), name)
    assert flags(speller, f"surat dari {word} kepada warga.") == []


def test_far_name_needs_a_frequent_long_name_neither_holding_the_other(speller):
    d = speller.dictionary
    assert far_name(d, "sigaprua", "singapura")
    assert not far_name(d, "bodetabek", "jabodetabek")  # the name shortened at its start
    rare = next(w for w, n in d.counts.items() if n < NAME_FAR_MIN_COUNT and len(w) >= NAME_FAR_MIN_LENGTH)
    assert not far_name(d, "x" + rare[1:-1] + "x", rare)
    short = next(w for w, n in d.counts.items() if n >= NAME_FAR_MIN_COUNT and len(w) < NAME_FAR_MIN_LENGTH)
    assert not far_name(d, short[:-1] + "xx", short)


def test_a_slip_one_edit_from_a_name_keeps_that_name_first(speller):
    """`Naaawi` is one slip of Nawawi and two of the far more frequent Nahrawi: the nearer name is weighed alone."""
    assert flags(speller, "ujar Naaawi kemarin.") == [("Naaawi", "Nawawi")]


@given(floor_gap=st.floats(min_value=0.0, max_value=30.0))
def test_the_reading_gains_back_the_floor_the_letters_fall_below(floor_gap):
    letters = LOG_NEW_WORD - floor_gap
    assert far_name_odds(LOG_NEW_WORD, letters) == pytest.approx(far_name_odds(letters, letters) + floor_gap)


@PROPERTY
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_a_slip_with_a_name_one_edit_away_is_decided_as_without_the_far_reading(speller, seed, monkeypatch):
    """Two random edits of one of the 300 most frequent long names: where a name lies one edit from the slip, the
    decision is the one made with no name weighed at two edits."""
    import speller.model as model
    from speller import Speller

    d = speller.dictionary
    names = _frequent_names(speller)
    rng = random.Random(seed)
    name = rng.choice(names)
    slip = edit(edit(name, rng), rng)
    near = speller._index.lookup(slip, 1)
    if d.count(slip) or not any(k == 1 and c in d.names for c, k in near if c != slip):
        return
    text = f"ujar {slip.capitalize()} kemarin."
    with_far = [(i.suggestions, i.confidence) for i in Speller(d).check(text)]
    with monkeypatch.context() as patched:  # undone before the next example
        patched.setattr(model, "NAME_FAR_MIN_COUNT", 10**12)
        assert [(i.suggestions, i.confidence) for i in Speller(d).check(text)] == with_far


_NAMES: list[str] = []


def _frequent_names(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """The 300 most frequent names of `NAME_FAR_MIN_LENGTH` letters or more (made once)."""
    if not _NAMES:
        d = speller.dictionary
        ranked = sorted(
            (w for w, n in d.counts.items() if n >= NAME_FAR_MIN_COUNT and w.isalpha() and w in d.proper),
            key=lambda w: -d.count(w),
        )
        _NAMES.extend(w for w in ranked if len(w) >= NAME_FAR_MIN_LENGTH)
        del _NAMES[300:]
    return _NAMES


def test_the_measurement_reads_a_slip_and_skips_a_name_one_edit_from_another(speller):
    from benchmarks.far_names import far_readings

    readings = far_readings(speller, ["sigaprua", "naaawi"])
    assert [(r.form, r.name) for r in readings] == [("sigaprua", "singapura")]
    assert readings[0].margin > 0.0


class _NamesWithout(Set[str]):
    """A dictionary's names less some."""

    def __init__(self, names: Set[str], without: set[str]) -> None:
        self._names, self._without = names, without

    def __contains__(self, word: object) -> bool:
        return word not in self._without and word in self._names

    def __iter__(self) -> Iterator[str]:
        return (w for w in self._names if w not in self._without)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def test_a_name_one_edit_from_a_word_one_edit_away_is_read_through_that_word(speller, monkeypatch):
    """`Yotubers` is one slip of youtubers and two of the name Youtuber, one slip from youtubers: where youtubers is no
    name (a dictionary built without clickid-tribunnews), Youtuber is not weighed (it was its first suggestion)."""
    from speller import Speller

    d = speller.dictionary
    assert d.count("youtubers") and far_name(d, "yotubers", "youtuber")
    monkeypatch.setattr(d, "names", _NamesWithout(d.names, {"youtubers"}))
    decision = Speller(d)._decide("Yotubers", "sebagai", "kenamaan", opens=False, named_next=False, full=False)
    assert "youtubers" in dict(decision.ranked) and "youtuber" not in dict(decision.ranked)
