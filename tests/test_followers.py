"""The builder's table of what stands beside each word (`speller.dictionary.FOLLOWERS_FILE`), its loader, the gain
it gives a new name's context (`speller.model.unseen_beside_gains`), and the shipped table's freshness."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from small_build import build_two_files, count_rows

from speller.dictionary import FOLLOWERS_FILE, FOLLOWERS_TOTAL, Beside, Dictionary
from speller.model import FLAG_SHARE, Prior, decide, unseen_beside_gains
from speller.tables import bundled_path

#: `sri` is followed by one name only; `ujar` by a new name each time (in a.txt only: seen once each).
COMMON = "Menteri Sri Mulyani hadir hari ini.\n" * 5 + "kata mereka, ujar Budi hari ini.\n" * 2
A_TXT = COMMON + "ujar Gal Gadot\nujar Tono hari ini\nujar Adi, kata mereka\n"
B_TXT = COMMON


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_two_files(tmp_path_factory, "followers", A_TXT, B_TXT)


def test_the_builder_counts_the_pairs_beside_each_kept_word_kept_or_not(built):
    rows = count_rows(built / FOLLOWERS_FILE)
    assert rows["sri"] == [10, 0, 10, 0]  # Menteri Sri, Sri Mulyani: 10 each way, no pair seen once
    # ujar: Budi 4 times, then Gal, Tono, Adi once each (none of them kept); before it a comma or a line's start
    assert rows["ujar"] == [7, 3, 0, 0]
    assert "gal" not in rows and "gadot" not in rows  # seen in one file: not kept, so no row of their own
    assert rows[FOLLOWERS_TOTAL] == [sum(r[i] for w, r in rows.items() if w != FOLLOWERS_TOTAL) for i in range(4)]


def test_the_table_is_sorted_by_word_with_the_totals_first(built):
    keys = [line.partition("\t")[0].encode() for line in (built / FOLLOWERS_FILE).read_text().splitlines()]
    assert keys[0] == FOLLOWERS_TOTAL.encode() and keys == sorted(keys) and len(keys) == len(set(keys))


def test_the_loader_reads_a_row_and_says_none_without_one(built):
    d = Dictionary(built)
    assert d.beside("ujar") == Beside(7, 3, 0, 0)
    assert d.beside("gadot") is None


def test_a_new_name_is_likelier_after_a_word_followed_by_many_rare_words(built):
    d = Dictionary(built)
    assert unseen_beside_gains(d, "sri", None)[0] < 0.0 < unseen_beside_gains(d, "ujar", None)[0]
    assert unseen_beside_gains(d, "kata", "sri")[1] < 0.0  # `Menteri Sri` only: before `sri` the same
    assert unseen_beside_gains(d, None, None) == (0.0, 0.0)
    assert unseen_beside_gains(d, "never", "seen") == pytest.approx((0.0, 0.0))  # no row: the rate over all words


def test_without_the_table_the_gain_is_not_known(built, tmp_path):
    for name in built.iterdir():
        if name.name != FOLLOWERS_FILE:
            (tmp_path / name.name).write_bytes(name.read_bytes())
    assert unseen_beside_gains(Dictionary(tmp_path), "sri", None) is None


def test_the_shipped_table_agrees_with_the_shipped_words_and_bigrams():
    """The shipped table is stale when its counts cannot hold the shipped bigrams (a rebuild writes both)."""
    folder = bundled_path()
    rows = count_rows(folder / FOLLOWERS_FILE)
    words = {line.partition("\t")[0] for line in (folder / "words.tsv").read_text(encoding="utf-8").splitlines()}
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for line in (folder / "bigrams.tsv").read_text(encoding="utf-8").splitlines():
        key, _, n = line.partition("\t")
        left, _, right = key.partition(" ")
        after[left] += int(n)
        before[right] += int(n)
    stale = "dictionaries/followers.tsv is stale: rebuild the dictionaries"
    assert set(rows) - {FOLLOWERS_TOTAL} <= words, stale
    assert set(after) | set(before) <= set(rows), stale
    for w, (a, a1, b, b1) in rows.items():
        if w != FOLLOWERS_TOTAL:  # the listed pairs were seen twice or more: never among those seen once
            assert a >= after[w] + a1 and b >= before[w] + b1, f"{stale} ({w})"
    assert rows[FOLLOWERS_TOTAL] == [sum(r[i] for w, r in rows.items() if w != FOLLOWERS_TOTAL) for i in range(4)]


def test_a_new_name_after_a_first_name_with_one_follower_is_flagged_and_after_a_rare_one_not(speller):
    """`Sri` is followed by `Mulyani` thousands of times: a new name there is unlikely. A rarer first name says less."""
    flagged = {f.word for f in speller.check("Hal ini diumumkan Menteri Keuangan Sri Mulayani Indrawati.")}
    assert "Mulayani" in flagged


def _written_share(folder: Path, left: str) -> float:
    """The share `decide` leaves to `mulayani`, a new name, after `left` against the name `mulyani`."""
    d = Dictionary(folder)
    prior = Prior(-12.0, 1.0, new_name=True)
    names = {"mulyani", "sri", "budi"}
    return decide(d, "mulayani", prior, ["mulyani"], left, None, None, names.__contains__, lambda w, n: False).written


def test_a_new_name_does_not_borrow_the_bigram_of_a_name_it_resembles(built, tmp_path):
    """`Sri Mulayani`: without the table the written word borrows `Sri Mulyani`'s context; with it, only what `Sri`
    says of any word never seen after it (nothing seen once: little). Where neither was seen (`ujar`), no change."""
    for name in built.iterdir():
        if name.name != FOLLOWERS_FILE:
            (tmp_path / name.name).write_bytes(name.read_bytes())
    assert _written_share(built, "sri") < _written_share(tmp_path, "sri")
    assert _written_share(built, "ujar") == _written_share(tmp_path, "ujar")


#: `laut` stands before `tengah` (`Laut Tengah`); `tengah` also follows many words once each, and `sri` is followed by
#: `mulyani` only: a new name before `tengah` is unsurprising, a new name after `sri` is not. `Kota Bandung` is a title.
SCALE_COMMON = (
    "Menteri Sri Mulyani hadir hari ini.\n" * 5
    + "kapal di Laut Tengah hari ini.\n" * 3
    + "di Kota Bandung ini.\n" * 6
    + "mereka datang ke sana pagi tadi.\n" * 10
)
SCALE_A = SCALE_COMMON + "".join(
    f"kata {w} tengah hari ini.\nkata {w} Bandung.\n" for w in ("ia", "kami", "mereka", "dia", "kita", "anda")
)


@pytest.fixture(scope="module")
def scale_built(tmp_path_factory) -> Path:
    return build_two_files(tmp_path_factory, "scale", SCALE_A, SCALE_COMMON)


def _scaled(
    folder: Path, word: str, cands: list[str], left: str | None, right: str | None, log_p: float = -12.0
) -> tuple[float, str]:
    """The share `decide` leaves to `word`, a new name of prior `log_p` between `left` and `right`, and its first
    candidate (the corpus is tiny: its words' priors are high, so is a new name's here)."""
    names = {"mulyani", "sri"}
    prior = Prior(log_p, 1.0, new_name=True)
    decision = decide(Dictionary(folder), word, prior, cands, left, right, None, names.__contains__, lambda w, n: False)
    return decision.written, decision.ranked[0][0]


def _without_table(folder: Path, tmp_path: Path) -> Path:
    for name in folder.iterdir():
        if name.name != FOLLOWERS_FILE:
            (tmp_path / name.name).write_bytes(name.read_bytes())
    return tmp_path


def test_a_new_surname_before_a_word_its_rival_stands_beside_is_scored_as_an_unseen_pair(scale_built, tmp_path):
    """`Brigitta Lasut tengah`: `laut` was seen before `tengah`, `lasut` never was. Without the table `tengah` charges
    `lasut` as if the corpus had looked for it there; with it, `lasut` gets what `tengah` says of words never seen
    before it (many: little cost), and the new surname is no longer taken for `Laut`."""
    with_table, _ = _scaled(scale_built, "lasut", ["laut"], "brigitta", "tengah", -13.0)
    without, first = _scaled(_without_table(scale_built, tmp_path), "lasut", ["laut"], "brigitta", "tengah", -13.0)
    assert first == "laut"
    assert without < 0.5 < with_table


def test_a_slip_of_the_surname_the_corpus_writes_after_that_first_name_is_still_flagged_name_first(scale_built):
    """`Sri Mulayani`: `sri` is followed by `mulyani` and nothing new: the slip stays flagged, `Mulyani` first."""
    written, first = _scaled(scale_built, "mulayani", ["mulyani", "mulia"], "sri", "hadir", -16.0)
    assert first == "mulyani"
    assert written < FLAG_SHARE


def test_where_neither_a_new_name_nor_its_rival_was_seen_the_table_changes_nothing_between_them(scale_built, tmp_path):
    """`Gal Gadot` beside `Gatot`: both unseen after `gal` and before `kapal`, alike on either scale."""
    with_table, _ = _scaled(scale_built, "gadot", ["mulyani"], "gal", "kapal")
    without, _ = _scaled(_without_table(scale_built, tmp_path), "gadot", ["mulyani"], "gal", "kapal")
    assert with_table == pytest.approx(without)


def test_before_a_word_a_candidate_opens_a_title_with_the_smoothed_estimate_stays(scale_built, tmp_path):
    """`Kora Bandung` beside `Kota Bandung`: the title's side keeps the scale LOG_NEW_NAME_BEFORE_TITLE was set with,
    though `bandung` follows many words once each."""
    with_table, first = _scaled(scale_built, "kora", ["kota"], None, "bandung")
    without, _ = _scaled(_without_table(scale_built, tmp_path), "kora", ["kota"], None, "bandung")
    assert first == "kota"
    assert with_table == pytest.approx(without)
