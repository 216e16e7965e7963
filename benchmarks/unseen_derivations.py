"""How often news writes a derivation the dictionary lacks: the Good-Turing figures behind speller.model's priors.

    python -m benchmarks.unseen_derivations
    python -m benchmarks.unseen_derivations --judge 100   # sightings of listed slips' kin, to judge by hand

For every root of the lexicon, its commonest derivations (`Morphology.family`) that the dictionary does not list
(seen at most twice: the builder keeps words seen 3 times or more) are grouped by how often the corpus shows the
root's family. Good-Turing gives the expected count, in a corpus of the same size, of one derivation of a group:
the sightings of the group's derivations seen 1 to 3 times (each less its expected slips of a far more frequent
word one edit away, `speller.model.slip_discount`) over the number seen at most twice. Printed as ln, per family
size: `LOG_UNSEEN_ROOT_DERIVATION` is the first row (roots the corpus never shows), `LOG_WELL_FORMED` and
`MAX_UNSEEN_COUNT` are weighed against the others.

Then the same sightings split other ways, each as ln(sightings / those the family-size rate expects), so 0 is the
average unseen derivation of a family that size: by affix pattern (beside `speller.model.affix_odds`, what the
builder's dictionaries/affixes.tsv gives it), by how many of the family's derivations the dictionary lists (its
breadth), and, for di- and meN- forms, by whether the dictionary lists the form's partner (`dibuta` and
`membuta`). Last, the rival's side: how often the corpus writes a frequent word (seen 1,000 times or more) with two
of its letters swapped, a form the dictionary lacks, per token of the word and per swap (`speller.model.LOG_SLIP`
less `error_cost` is the decision's figure for it). Reads the build corpus only (the held-out news files are left
out, as `speller build --exclude` leaves them out); about 40 s.

`--judge N` prints instead N sightings (seeded) of the listed words `speller.model.LOG_CORPUS_SLIP` discounts: seen
at most `JUDGE_MAX_COUNT` times, built by the morphology on another word, no names nor words of a list, with a word
ten times as frequent one edit away, each in its build-corpus line, to judge by hand (a slip of that word or not),
and the slips among them that the discount expects at several rates (`expected_slips`): the figures of
LOG_CORPUS_SLIP's comment (about 3 min).

`--near N` prints instead N (seeded) of the derivations a slip most often hides behind: lowercase words the corpus
shows once or twice and the dictionary lacks, well formed on a root whose family it shows, with a listed word seen
`NEAR_RIVAL_COUNT` times or more one edit away (`near_derivations`), each with that word, the kind of edit, the
written word's share of the model's posterior alone (`Speller._decide`, no neighbours) and its build-corpus line;
then, for the ones benchmarks/near_judged.tsv labels, the errors against the shares' expected errors, by the rival's
count against the family's and by the kind of edit, and the log likelihood of the labels (`near_summary`): the
figures of `speller.model.RIVAL_FAMILY_SHARE` and `LOG_OMITTED_RIVAL` (about 1 min).

`--door` draws `--near` from another door of the written word's prior: `unseen root` (well formed on a root of the
lexicon whose family the corpus never shows: `kancungan`, `sehlah`) or `lexicon root` (a root of the lexicon the
corpus never shows: `abtar`, `gecar`), judged in benchmarks/near_unseen_root_judged.tsv and
benchmarks/near_lexicon_root_judged.tsv (120 and 80 draws, branch silent19): 73 errors in 97 judged where the
shares expected 85.5, 17 in 53 where they expected 22.2: neither door lets in more slips than its shares say. The
last line gives the labels' log likelihood with the written shares' log odds moved by `NEAR_OFFSETS` (main 2e8e469, -1 /
0 / +1 nats): unseen root -74.5 / -58.7 / -50.6, lexicon root -35.1 / -25.4 / -24.5, the derivations of near_judged.tsv
-119.1 / -95.0 / -96.7. Narrowing any of the three doors by a nat, as flagging more of the blind-spot benchmark's
silent slips would ask (issue #10), fits what news writes worse: there the words behind them are genuine too often.

`--truncated` prints instead every such derivation that is a listed verb (seen `NEAR_RIVAL_COUNT` times or more) cut
short of its suffix (`Speller._truncates`: `diserta` beside disertai), each with its share alone and its line, then,
for the ones benchmarks/truncated_judged.tsv labels, the errors against the shares' expected errors and the log
likelihood of the labels with the shares' log odds moved by a few offsets: the figures of
`speller.model.LOG_TRUNCATED_VERB` (about 1 min).
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from .blindspots import HELD_OUT
from .environment import shared_corpus

#: Upper edges of the family-size groups (a family seen 0 times, 1-2, 3-9, ...).
EDGES = (1, 3, 10, 30, 100, 300, 1000, 3000, 10000)
WORD = re.compile(r"[a-z]+")
#: The di- form of a verb and its meN- partner, both ways.
PARTNERS = {"di-_": "meN-_", "di-_-kan": "meN-_-kan", "di-_-i": "meN-_-i"}
PARTNERS |= {b: a for a, b in PARTNERS.items()}
#: A split shows only groups with at least this many unlisted derivations.
MIN_UNSEEN = 50
#: The rival's side counts the words seen at least this often.
FREQUENT = 1000
#: `--judge` draws from the listed words seen at most this often.
JUDGE_MAX_COUNT = 30
#: The rates `--judge` gives the expected slips of its sample at.
JUDGE_RATES = (-2.0, -2.5, -3.0, -3.5)
#: `--near` draws derivations with a listed word seen at least this often one edit away.
NEAR_RIVAL_COUNT = 100
#: The judged draws of `--near` (seed 1): word, label (NEAR_LABELS).
NEAR_JUDGED = Path(__file__).with_name("near_judged.tsv")
#: The doors `--near --door` draws from (`near_derivations`), each with the file of its judged draws (seed 1).
NEAR_DOORS = {
    "derivation": NEAR_JUDGED,
    "unseen root": Path(__file__).with_name("near_unseen_root_judged.tsv"),
    "lexicon root": Path(__file__).with_name("near_lexicon_root_judged.tsv"),
}
#: The offsets (nats) `--near` gives the labels' log likelihood at, the written shares' log odds moved by each
#: (positive: the written word likelier meant, fewer flags): how far a door's prior would move to fit its judged draws.
NEAR_OFFSETS = (-2.0, -1.0, 0.0, 1.0, 2.0)
#: The judged draws of `--truncated`: word, label (NEAR_LABELS).
TRUNCATED_JUDGED = Path(__file__).with_name("truncated_judged.tsv")
#: The offsets (nats) `--truncated` moves the shares' log odds by.
TRUNCATED_OFFSETS = (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)
#: A drawn derivation is a slip, another real error (a word split apart), genuine, or none of them (a name, a foreign
#: word: left out of the figures).
NEAR_LABELS = ("slip", "other", "genuine", "none")


class Derivation(NamedTuple):
    """One derivation of a family the corpus shows at most 3 times and the dictionary does not list."""

    word: str
    root: str
    pattern: str
    group: int
    """Its root's family-size group (`EDGES`)."""
    unseen: bool
    """Seen at most twice: one of the derivations Good-Turing spreads the sightings over."""
    sightings: float
    """Its corpus count less its expected slips."""


def raw_counts() -> Counter[str]:
    """Every lowercase run of letters of the build corpus (its held-out files and SOURCES.md left out), counted."""
    counts: Counter[str] = Counter()
    for path in sorted(shared_corpus().glob("*.txt")):
        if path.name not in HELD_OUT:
            counts.update(WORD.findall(path.read_text(encoding="utf-8").lower()))
    return counts


def derivations(speller, raw: Counter[str], roots: Iterable[str] | None = None) -> list[Derivation]:  # noqa: ANN001 - a Speller
    """The family derivations of `roots` (default: every root of the lexicon; 3 letters or more) that the corpus
    shows at most 3 times, unlisted."""
    from speller.model import slip_discount
    from speller.morphology import derivation

    d, morphology = speller.dictionary, speller.morphology
    found = []
    for root in d.roots if roots is None else roots:
        if len(root) < 3 or not root.isalpha():
            continue
        family = d.count(root) + speller._family_count(root, d.count(root))
        group = sum(family >= edge for edge in EDGES)
        for word in morphology.family(root)[1:]:
            n = raw[word]
            reading = derivation(morphology, word)
            if n > 3 or (n == 3 and not d.count(word)) or reading is None or reading.root != root:
                continue
            genuine = 0.0
            if n:
                rivals = [(c, k) for c, k in speller._index.lookup(word, 1) if c != root]
                genuine = max(n - slip_discount(d, word, rivals), 0.0)
            found.append(Derivation(word, root, reading.pattern, group, n <= 2, genuine))
    return found


def group_name(group: int) -> str:
    """The family sizes a group (`EDGES`) holds."""
    names = ["0", *(f"{lo}-{hi - 1}" for lo, hi in zip(EDGES, EDGES[1:])), f"{EDGES[-1]}+"]
    return names[group]


def by_group(found: list[Derivation]) -> tuple[Counter[int], dict[int, float]]:
    """Per family-size group: the unlisted derivations, and the sightings of its derivations."""
    unseen = Counter(x.group for x in found if x.unseen)
    sightings: defaultdict[int, float] = defaultdict(float)
    for x in found:
        sightings[x.group] += x.sightings
    return unseen, sightings


def table(found: list[Derivation]) -> list[tuple[str, int, float]]:
    """(family group, unlisted derivations, ln expected count of one) for each family-size group."""
    unseen, sightings = by_group(found)
    return [(group_name(g), unseen[g], math.log(sightings[g] / unseen[g])) for g in sorted(unseen) if sightings[g]]


def odds_by(found: list[Derivation], key: Callable[[Derivation], str | None]) -> dict[str, tuple[int, float]]:
    """key -> (unlisted derivations, ln of their sightings over those their family-size groups' rates expect), for
    the keys with at least MIN_UNSEEN of them (half a group-0 sighting added: a key with none is not -inf)."""
    unseen, sightings = by_group(found)
    rate = {g: sightings[g] / unseen[g] for g in unseen}
    seen: defaultdict[str, float] = defaultdict(float)
    expected: defaultdict[str, float] = defaultdict(float)
    count = Counter[str]()
    for x in found:
        k = key(x)
        if k is None:
            continue
        seen[k] += x.sightings
        if x.unseen:
            expected[k] += rate[x.group]
            count[k] += 1
    floor = 0.5 * rate.get(0, min(rate.values()))
    return {k: (count[k], math.log((seen[k] + floor) / expected[k])) for k in count if count[k] >= MIN_UNSEEN}


def listed_family(speller, root: str) -> set[str]:  # noqa: ANN001 - a Speller
    """The affix patterns of the derivations of `root` in its family that the dictionary lists."""
    from speller.morphology import derivation

    d, morphology = speller.dictionary, speller.morphology
    patterns = set()
    for word in morphology.family(root)[1:]:
        reading = derivation(morphology, word) if d.count(word) else None
        if reading is not None and reading.root == root:
            patterns.add(reading.pattern)
    return patterns


def breadth(n: int) -> str:
    """A group of family breadths (derivations listed)."""
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n < 4 else "4-7" if n < 8 else "8+"


def swapped(word: str) -> list[str]:
    """`word` with two neighbouring (different) letters swapped, each way once."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]]


def swap_rate(speller, raw: Counter[str]) -> tuple[float, float, float]:  # noqa: ANN001 - a Speller
    """(sightings, exposure, median error cost) of the swaps of the words seen FREQUENT times or more (no names,
    4 letters or more) that the dictionary lacks: exposure is each word's count times its swaps."""
    from speller.context import error_cost

    d = speller.dictionary
    seen = exposure = 0.0
    costs = []
    for word, n in d.counts.items():
        if n < FREQUENT or len(word) < 4 or not word.isalpha() or word in d.names:
            continue
        for slip in swapped(word):
            if d.count(slip) or raw[slip] > 2:
                continue
            seen += raw[slip]
            exposure += n
            costs.append(error_cost(slip, word))
    return seen, exposure, sorted(costs)[len(costs) // 2] if costs else 0.0


class Rival(NamedTuple):
    """A far more frequent word one edit away from a listed word."""

    word: str
    seen: int
    """Its corpus count."""
    cost: float
    """`speller.context.error_cost` of the slip."""


def discounted_words(speller) -> list[tuple[str, int, list[Rival]]]:  # noqa: ANN001 - a Speller
    """(word, count, rivals) of each listed lowercase word seen at most JUDGE_MAX_COUNT times that the morphology
    builds on another word, no name nor word of a list, with rivals (not its own roots) at least DISCOUNT_RATIO times
    as frequent one edit away: the words `LOG_CORPUS_SLIP` discounts."""
    from speller.context import error_cost
    from speller.model import DISCOUNT_RATIO

    d = speller.dictionary
    found = []
    for word, own in d.counts.items():
        if own > JUDGE_MAX_COUNT or not word.isalpha() or not word.islower() or word in d.roots or word in d.english:
            continue
        stems = speller._stems(word)
        if not stems or word in d.names or speller._explained(word):
            continue
        rivals = [
            Rival(c, d.count(c), error_cost(word, c))
            for c, k in speller._index.lookup(word, 1)
            if k == 1 and c != word and c not in stems and d.count(c) >= DISCOUNT_RATIO * own
        ]
        if rivals:
            found.append((word, own, rivals))
    return found


def judge_sample(found: list[tuple[str, int, list[Rival]]], n: int, seed: int) -> list[tuple[str, int, list[Rival]]]:
    """`n` sightings drawn (with `seed`) from all the sightings of `found`, each as its word's row."""
    import random

    sightings = [row for row in found for _ in range(row[1])]
    random.Random(seed).shuffle(sightings)
    return sightings[:n]


def expected_slips(sample: list[tuple[str, int, list[Rival]]], log_slip: float) -> float:
    """The slips among the sightings of `sample` that the discount at rate `log_slip` expects: each sighting is a
    slip with the share of its word's count the discount takes, at most all of it."""
    return sum(min(1.0, sum(r.seen * math.exp(log_slip - r.cost) for r in rivals) / own) for _, own, rivals in sample)


def judge(speller, n: int, seed: int = 4) -> list[str]:  # noqa: ANN001 - a Speller
    """The `--judge` report: the sample's sightings in their lines, then the slips the discount expects."""
    sample = judge_sample(discounted_words(speller), n, seed)
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(shared_corpus().glob("*.txt")) if p.name not in HELD_OUT
    )
    out, seen = [], Counter[str]()
    for i, (word, own, rivals) in enumerate(sample):
        places = list(re.finditer(rf"(?<![A-Za-z]){word}(?![A-Za-z])", text, re.IGNORECASE))
        k = seen[word]
        seen[word] += 1
        top = max(rivals, key=lambda r: r.seen)
        line = text[max(0, places[k].start() - 50) : places[k].end() + 30] if k < len(places) else "?"
        out.append(f"{i}\t{word} ({own}) <{top.word} {top.seen}>\t" + line.replace("\n", " / "))
    out.append("")
    out.extend(f"LOG_CORPUS_SLIP {rate}: {expected_slips(sample, rate):.1f} slips expected" for rate in JUDGE_RATES)
    return out


class Near(NamedTuple):
    """A derivation the corpus shows once or twice beside a far more frequent listed word one edit away."""

    word: str
    seen: int
    root: str
    family: float
    """What its prior is built on (`Speller._base_count`: its root's genuine count and family's)."""
    rival: Rival
    """The most frequent listed word one edit away, its root aside."""
    written: float
    """The written word's share of the model's posterior alone (no neighbours)."""


def near_derivations(speller, raw: Counter[str], door: str = "derivation") -> list[Near]:  # noqa: ANN001 - a Speller
    """The words of `raw` (in its order) seen at most twice that the dictionary lacks, with a listed word seen
    NEAR_RIVAL_COUNT times or more one edit away, behind one door of the written word's prior (NEAR_DOORS): of 5 letters
    or more and no root nor word of a list, well formed (`speller.morphology.derivation`) on a root whose family the
    corpus shows (`derivation`) or never shows (`unseen root`), that root not counted as a rival; or, of 3 letters or
    more, a root of the lexicon (`lexicon root`, its family 0)."""
    from speller.context import error_cost
    from speller.morphology import derivation

    d = speller.dictionary
    found = []
    for word, n in raw.items():
        if n > 2 or d.count(word):
            continue
        if door == "lexicon root":
            if len(word) < 3 or word not in d.roots:
                continue
        elif len(word) < 5 or word in d.roots or word in d.english or word in d.foreign:
            continue
        near = [(c, d.count(c)) for c, k in speller._index.lookup(word, 1) if k == 1 and d.count(c) >= NEAR_RIVAL_COUNT]
        if door == "lexicon root":
            root, family = word, 0.0
        else:
            reading = derivation(speller.morphology, word) if near else None
            base = speller._base_count(word) if reading is not None else None
            if reading is None or base is None or (base > 0) != (door == "derivation"):
                continue
            root, family = reading.root, base
            near = [(c, k) for c, k in near if c != root]
        if not near:
            continue
        top, seen = max(near, key=lambda p: p[1])
        written = speller._decide(word, None, None, opens=False).written
        found.append(Near(word, n, root, family, Rival(top, seen, error_cost(word, top)), written))
    return found


def near_sample(found: list[Near], n: int, seed: int = 1) -> list[Near]:
    """`n` of `found` drawn with `seed`."""
    import random

    drawn = list(found)
    random.Random(seed).shuffle(drawn)
    return drawn[:n]


def edit_kind(word: str, rival: str) -> str:
    """How `word` is one edit from `rival`: a letter of it left out, an extra letter, two letters swapped, the first
    letter written for another (`penindak`, menindak: a prefix's), another letter written for another."""
    if len(word) != len(rival):
        return "left out" if len(word) < len(rival) else "extra"
    if sorted(word) == sorted(rival):
        return "swap"
    return "first letter" if word[0] != rival[0] else "in place"


def read_near_labels(path: Path = NEAR_JUDGED) -> dict[str, str]:
    """word -> label of the judged `--near` draws."""
    labels = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            word, label = row.split("\t")
            assert label in NEAR_LABELS, row
            labels[word] = label
    return labels


def near_summary(sample: list[Near], labels: dict[str, str]) -> list[str]:
    """Per group of the judged draws (none left out): how many, the errors (slip or other) and the errors the
    written shares expect; then the log likelihood of the labels under those shares, and with the shares' log odds
    moved by each of NEAR_OFFSETS (`offset_likelihood`)."""
    judged = [(x, labels[x.word] != "genuine") for x in sample if labels.get(x.word, "none") != "none"]
    groups: dict[str, list[tuple[Near, bool]]] = defaultdict(list)
    for x, error in judged:
        groups["all"].append((x, error))
        groups["rival below the family" if x.rival.seen < x.family else "rival above the family"].append((x, error))
        groups[edit_kind(x.word, x.rival.word)].append((x, error))
    out = ["| group | judged | errors | expected |", "|---|---:|---:|---:|"]
    for name, rows in groups.items():
        expected = sum(1.0 - x.written for x, _ in rows)
        out.append(f"| {name} | {len(rows)} | {sum(e for _, e in rows)} | {expected:.1f} |")
    clipped = [(min(max(x.written, 1e-3), 1 - 1e-3), e) for x, e in judged]
    likelihood = sum(math.log(1.0 - w) if e else math.log(w) for w, e in clipped)
    out.append(f"\nlog likelihood of the labels: {likelihood:.1f}")
    shares = [(x.written, e) for x, e in judged]
    moved = ", ".join(f"{o:+.0f} {offset_likelihood(shares, o):.1f}" for o in NEAR_OFFSETS)
    out.append(f"log likelihood, written log odds moved by: {moved}")
    return out


def truncated_derivations(speller, raw: Counter[str]) -> list[tuple[str, int, str, float]]:  # noqa: ANN001
    """(word, sightings, verb, the word's share alone) of the words of `raw` seen at most twice that the dictionary
    lacks, of 5 letters or more and no root nor word of a list, that a listed verb seen NEAR_RIVAL_COUNT times or more
    one edit away is, cut short of its suffix (`Speller._truncates`), sorted."""
    d = speller.dictionary
    found = []
    for word, n in raw.items():
        if n > 2 or d.count(word) or len(word) < 5 or word in d.roots or word in d.english or word in d.foreign:
            continue
        verbs = [c for c, k in speller._near_rivals(word) if k >= NEAR_RIVAL_COUNT and speller._truncates(word, c)]
        if verbs:
            found.append((word, n, verbs[0], speller._decide(word, None, None, opens=False).written))
    return sorted(found)


def offset_likelihood(judged: list[tuple[float, bool]], offset: float) -> float:
    """log likelihood of the labels (True: an error) under the written shares with their log odds moved by `offset`
    (shares clipped to 0.001..0.999 as `near_summary` clips them)."""
    total = 0.0
    for share, error in judged:
        p = min(max(share, 1e-3), 1 - 1e-3)
        q = 1.0 / (1.0 + math.exp(-(math.log(p / (1.0 - p)) + offset)))
        total += math.log(1.0 - q) if error else math.log(q)
    return total


def truncated(speller) -> list[str]:  # noqa: ANN001 - a Speller
    """The `--truncated` report: the words in their lines, then the errors against those the shares expect and the
    log likelihood of the labels at each of TRUNCATED_OFFSETS."""
    found = truncated_derivations(speller, raw_counts())
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(shared_corpus().glob("*.txt")) if p.name not in HELD_OUT
    )
    labels = read_near_labels(TRUNCATED_JUDGED) if TRUNCATED_JUDGED.exists() else {}
    out = []
    for word, n, verb, written in found:
        place = re.search(rf"(?<![A-Za-z]){word}(?![A-Za-z])", text, re.IGNORECASE)
        line = text[max(0, place.start() - 60) : place.end() + 40].replace("\n", " / ") if place else "?"
        seen = speller.dictionary.count(verb)
        out.append(f"{word} ({n}) <{verb} {seen}> {written:.2f} {labels.get(word, '?')}\t{line}")
    judged = [(w, labels[x] != "genuine") for x, _, _, w in found if labels.get(x, "none") != "none"]
    errors, expected = sum(e for _, e in judged), sum(1.0 - w for w, _ in judged)
    out.append(f"\n{len(found)} words, {len(judged)} judged: {errors} errors, {expected:.1f} expected")
    out.extend(f"log likelihood, offset {o:+.0f}: {offset_likelihood(judged, o):.1f}" for o in TRUNCATED_OFFSETS)
    return out


def near(speller, n: int, door: str = "derivation") -> list[str]:  # noqa: ANN001 - a Speller
    """The `--near` report of one door (NEAR_DOORS): the draws in their lines, then `near_summary`."""
    sample = near_sample(near_derivations(speller, raw_counts(), door), n)
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted(shared_corpus().glob("*.txt")) if p.name not in HELD_OUT
    )
    judged = NEAR_DOORS[door]
    labels = read_near_labels(judged) if judged.exists() else {}
    out = []
    for i, x in enumerate(sample):
        place = re.search(rf"(?<![A-Za-z]){x.word}(?![A-Za-z])", text, re.IGNORECASE)
        line = text[max(0, place.start() - 60) : place.end() + 40].replace("\n", " / ") if place else "?"
        out.append(
            f"{i}\t{x.word} ({x.seen}) {x.root} {x.family:.0f} <{x.rival.word} {x.rival.seen} "
            f"{edit_kind(x.word, x.rival.word)}> {x.written:.2f} {labels.get(x.word, '?')}\t{line}"
        )
    return [*out, "", *near_summary(sample, labels)]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from speller import Speller
    from speller.model import LOG_SLIP, affix_odds_at

    ap = argparse.ArgumentParser(prog="python -m benchmarks.unseen_derivations", description=__doc__.split("\n")[0])
    ap.add_argument("--judge", type=int, default=0, help="print this many sightings of discounted words to judge")
    ap.add_argument("--near", type=int, default=0, help="print this many unlisted derivations beside a frequent word")
    ap.add_argument("--door", default="derivation", choices=list(NEAR_DOORS), help="the door `--near` draws from")
    ap.add_argument("--truncated", action="store_true", help="print the unlisted verbs cut short of their suffix")
    args = ap.parse_args(argv)
    speller = Speller()
    if args.judge:
        print("\n".join(judge(speller, args.judge)))
        return 0
    if args.near:
        print("\n".join(near(speller, args.near, args.door)))
        return 0
    if args.truncated:
        print("\n".join(truncated(speller)))
        return 0
    raw = raw_counts()
    found = derivations(speller, raw)
    print("| root's family seen | unlisted derivations | ln expected count of one |")
    print("|---|---:|---:|")
    for name, n, log_e in table(found):
        print(f"| {name} | {n} | {log_e:.2f} |")

    patterns = speller._affix_patterns
    mean = speller._affix_mean
    never = odds_by(found, lambda x: x.pattern if x.group == 0 else None)
    shown = odds_by(found, lambda x: x.pattern if x.group > 0 else None)
    print("\n| pattern | unlisted, family never seen | odds | unlisted, family seen | odds | affix_odds |")
    print("|---|---:|---:|---:|---:|---:|")
    for p in sorted(set(never) | set(shown), key=lambda p: -shown.get(p, (0, 0.0))[0]):
        a, b = never.get(p, (0, math.nan)), shown.get(p, (0, math.nan))
        print(f"| {p} | {a[0]} | {a[1]:+.2f} | {b[0]} | {b[1]:+.2f} | {affix_odds_at(patterns, p, mean):+.2f} |")

    families: dict[str, set[str]] = {}

    def listed(root: str) -> set[str]:
        if root not in families:
            families[root] = listed_family(speller, root)
        return families[root]

    print("\n| family seen, derivations listed | unlisted derivations | odds |")
    print("|---|---:|---:|")
    wide = odds_by(found, lambda x: breadth(len(listed(x.root))) if x.group else None)
    for k, (n, odds) in sorted(wide.items()):
        print(f"| {k} | {n} | {odds:+.2f} |")

    def partner(x: Derivation) -> str | None:
        if not x.group or x.pattern not in PARTNERS:
            return None
        return f"{x.pattern}, {PARTNERS[x.pattern]} {'listed' if PARTNERS[x.pattern] in listed(x.root) else 'not'}"

    print("\n| pattern, its partner | unlisted derivations | odds |")
    print("|---|---:|---:|")
    for k, (n, odds) in sorted(odds_by(found, partner).items()):
        print(f"| {k} | {n} | {odds:+.2f} |")

    seen, exposure, cost = swap_rate(speller, raw)
    print(
        f"\nswapped letters of words seen {FREQUENT}+ times, unlisted: {seen:.0f} sightings in {exposure:.0f} "
        f"exposures, ln rate {math.log(max(seen, 0.5) / exposure):.2f} per token and swap; "
        f"LOG_SLIP - error_cost (median {cost:.1f}) = {LOG_SLIP - cost:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
