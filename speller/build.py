"""Build the dictionary files from a corpus of any size, in bounded memory.

`build()` streams the corpus (see `speller.sources`: folders of text, compressed files, JSON
Lines) on every core, counts words and within-run bigrams, spills partial counts to sorted run
files whenever they outgrow the memory budget, merges the runs by key (`speller.runs`), keeps the
words that pass the rules below and writes plain, sorted, diffable files:

- `words.tsv`   `word<TAB>count<TAB>lower`: every kept word (lowercased), how often it occurs, and
  how often it was written all in lowercase (a low share marks names such as `putin`).
- `words.bin`   the same words and counts as arrays, with the name flags, for the loader to read without
  parsing (`speller.dictionary.write_word_index`).
- `bigrams.tsv` `left right<TAB>count`: pairs of kept words that stood next to each other with
  only spaces between them (never across a line break, a sentence end or any punctuation).
- `joins.tsv`   `left right<TAB>joined`: frequent words that news almost never writes as two
  words (`di lakukan` -> `dilakukan`), by the rule in `speller.spacing.written_apart`.
- `join_uses.tsv` how often the corpus writes each pair of `joins.tsv` and each two-word row of the curated
  `compounds.tsv` apart and joined, how often right after a comma and right before a sentence's end
  (`speller.dictionary.JOIN_USES_FILE`).
- `deletes.tsv` `delete<TAB>word word ...`: the SymSpell delete index of every kept word seen at
  least `suggest_min_count` times (names included, so `Jakrta` can get `Jakarta`), so a checker maps
  it instead of rebuilding it at every start.
- `deletes.idx` the same index compiled into a hashed, mapped table (`speller.hashindex`), which the checker
  reads: a key is found without a search and its words come back without decoding.
- `name_shape.tsv` `gram<TAB>count`: the letter-gram counts of the names among the kept words, of which
  the checker makes its model of new names (`speller.model.NameShape`) instead of counting them at start.
- `name_model.tsv` `string<TAB>gram count<TAB>context count`: that model's tables, made of name_shape.tsv
  (`speller.dictionary.name_model_header` names which), so the checker reads them instead of making them.
- `word_model.tsv` the same tables of the words' letter model (`speller.model.word_shape`: how probable a string is as
  a new lowercase word), made of every word in letters and every English word.
- `followers.tsv` per kept word, how many words stood after it and before it, and how many of those pairs were
  seen once (`speller.dictionary.FOLLOWERS_FILE`): how often a word never seen beside it follows or precedes it.
- `cases.tsv`   the names news writes otherwise than with one capital inside a sentence, with that form (`dprd DPRD`,
  `iphone iPhone`; `speller.dictionary.CASES_FILE`): the case a name takes in a suggestion.
- `reduplications.tsv` per kept word, how often the corpus writes it reduplicated as one token (`kawan-kawan`),
  however rarely (`speller.dictionary.REDUPLICATIONS_FILE`): whether `X X` is a reduplication or a word written twice.
- `trigrams.txt` the letter trigrams of the frequent words (`speller.model.trigrams`), so a checker
  reads them instead of making them at every start.
- `roots.txt`   the root lexicon, when one is given.
- `affixes.tsv` `pattern<TAB>words`: how many rarely seen words each affix pattern makes (`speller.model.affix_odds`:
  how productive a pattern is), so the checker reads them instead of counting them.
- `meta.json`   format version, sources, sizes and the thresholds used.
- `verdicts.tsv` what each listed word says by itself, when that is not "plainly fine" (see
  `speller.verdicts`): computed from the files above, so the checker need not compute it.
- `samples.idx` where the sorted tables a check bisects (bigrams, words, verdicts, joins, roots, English words, the
  letter models, followers) have their sampled lines (`speller.samples`), so a load reads them instead of sampling
  each table.

A word is kept when it is made of Latin letters (with internal hyphens or apostrophes) and occurs
at least `min_count` times in at least `min_sources` different files. Every corpus holds typos
(`sepeti` 9 times beside `seperti` 14,910), but the builder keeps their real counts instead of
guessing: the checker's model weighs a rare word against its frequent look-alikes when it reads a
text. `max_words` / `max_bigrams` cap the output at the most frequent entries (ties broken by the
key), so a web-scale corpus still gives a dictionary small enough for a pre-commit hook.

Counts are exact and every file is sorted, so the same inputs give byte-identical files whatever
the number of processes, the memory budget, the engine (local or Dask, `speller.dask_build`), or
an interruption in between (finished work is kept in the work folder and reused on the next run).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import queue
import secrets
import shutil
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import regex

from .dictionary import (
    AFFIXES_FILE,
    ATTESTED_FILE,
    CASES_FILE,
    FOLLOWERS_FILE,
    FOLLOWERS_TOTAL,
    JOIN_USES_FILE,
    NAME_MODEL_FILE,
    NAME_SHAPE_FILE,
    REDUPLICATION_SHARE_KEY,
    REDUPLICATIONS_FILE,
    TRIGRAMS_FILE,
    UNFINISHED_FILE,
    WORD_INDEX_FILE,
    WORD_MODEL_FILE,
    Dictionary,
    affixes_header,
    is_name,
    mean_reduplication_share,
    name_model_header,
    trigrams_header,
    word_model_header,
    write_word_index,
)
from .hashindex import TABLE_FILE, compile_index
from .model import (
    AFFIX_RARE_COUNT,
    NAME_SHAPE_ORDER,
    TRIGRAM_MIN_COUNT,
    WORD_SHAPE_ORDER,
    NameShape,
    computed_trigrams,
    name_shape_counts,
    rare_patterns,
    word_shape_words,
)
from .runs import merge_runs, write_lines
from .sources import Segment, Source, SourceError, find_sources, read_texts, segment_id, segments
from .spacing import ends_sentence, written_apart
from .symspell import deletes
from .tokenize import closed_runs
from .verdicts import capitalized, write_table

FORMAT_VERSION = 1
RUNS_VERSION = 5  # of the run files in the work folder; change it when their content changes (5: file ids)
#: The key prefix, in the bigram runs, of the first word and the first two words of a run right after a comma
#: (`, ya`, `, ya itu`): counted for JOIN_USES_FILE, never written to bigrams.tsv (`,` is no word).
COMMA_KEY = ", "
#: The key prefix, in the bigram runs, of the last word and the last two words of a run right before a sentence's end
#: (`. lagi`, `. apa lagi` of `Tunggu apa lagi?`): counted for JOIN_USES_FILE, never written to bigrams.tsv.
END_KEY = ". "
#: The key prefix, in the bigram runs, of a word written with a capital inside a run of words that holds a lowercase
#: word (not as the run's first word, whose capital may be the sentence's), followed by the word as written
#: (`^ Jakarta`, `^ DPRD`, `^ iPhone`): counted for CASES_FILE, never written to bigrams.tsv. A run all in capitals (a
#: headline) or of one word (a dateline, `JAKARTA,`) says nothing of a name's case.
CASE_KEY = "^ "
DEFAULT_MEMORY = 1 << 30
#: Estimated bytes a partial count holds per distinct word / bigram (Python dicts and strings, measured).
WORD_BYTES = 400
BIGRAM_BYTES = 200
#: Bytes of the memory budget kept for the main process, the interpreter and the merge.
RESERVED_BYTES = 160 << 20
#: The share of a counting process's budget its counts may fill before they spill (writing a run takes some too).
SPILL_SHARE = 0.8
#: The smallest share of the budget a counting process gets (it spills at least this often).
MIN_BUDGET = 8 << 20
WORK_FOLDER = ".speller-build-work"
_LATIN_WORD = regex.compile(r"^\p{Latin}+(?:['-]\p{Latin}+)*$")
_TRIPLE = regex.compile(r"(.)\1\1")


@dataclass(frozen=True)
class BuildOptions:
    """Thresholds of a build; they are written into `meta.json` (the size caps only when set)."""

    min_count: int = 3
    min_sources: int = 2
    bigram_min_count: int = 2
    suggest_min_count: int = 3
    max_edit_distance: int = 2
    prefix_length: int = 7
    max_word_length: int = 30
    max_words: int = 0  # keep at most this many words, the most frequent (0: no cap)
    max_bigrams: int = 0  # keep at most this many bigrams, the most frequent (0: no cap)


def parse_size(text: str) -> int:
    """Bytes from `1G`, `512M`, `800k` or a plain number of bytes."""
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    t = text.strip().lower().removesuffix("b").removesuffix("i")
    try:
        value = int(float(t[:-1]) * units[t[-1]]) if t and t[-1] in units else int(t)
    except (ValueError, OverflowError):  # OverflowError: infinite (`infG`, `1e400k`)
        raise ValueError(f"{text!r} is not a size such as 1G or 512M") from None
    if value <= 0:
        raise ValueError(f"{text!r} is not a size such as 1G or 512M")
    return value


def may_keep(word: str, opts: BuildOptions) -> bool:
    """The rules a word must pass whatever its counts: Latin letters, not too long, no letter three times in a row."""
    return len(word) <= opts.max_word_length and bool(_LATIN_WORD.match(word)) and not _TRIPLE.search(word)


@dataclass
class Partial:
    """Counts of some text: words, their all-lowercase uses, bigrams (`left right`), the first sources of each word.

    `sources[w]` holds the smallest `min_sources` ids (`speller.sources.file_id`) of the files `w` was seen in:
    enough to apply the rule, and the same whatever order the text is counted in and whatever other files a
    reused work folder's runs were counted with.
    """

    words: Counter = field(default_factory=Counter)
    lower: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tokens: int = 0

    def add_text(self, text: str, source: str, keep_sources: int) -> None:
        """Count the words and within-run bigrams of `text`, read from the file of id `source`."""
        all_words: list[str] = []
        all_lower: list[str] = []
        all_bigrams: list[str] = []
        for line in text.splitlines():
            for gap, run, close in closed_runs(line):
                lowered = [w.lower().replace("’", "'") for w in run]
                all_words += lowered
                lowercase = [w for w, low in zip(run, lowered) if w == low]
                all_lower += lowercase
                if lowercase and len(run) > 1:  # a name's case, where no sentence or headline sets it
                    all_bigrams += [CASE_KEY + w.replace("’", "'") for w, low in zip(run[1:], lowered[1:]) if w != low]
                if len(lowered) > 1:
                    all_bigrams += map(" ".join, zip(lowered, lowered[1:]))
                if gap.strip() == ",":  # counted with the bigrams under their own key (`, ya`, `, ya itu`)
                    all_bigrams.append(COMMA_KEY + lowered[0])
                    if len(lowered) > 1:
                        all_bigrams.append(f"{COMMA_KEY}{lowered[0]} {lowered[1]}")
                if ends_sentence(close):  # `. lagi`, `. apa lagi` of `Tunggu apa lagi?`
                    all_bigrams.append(END_KEY + lowered[-1])
                    if len(lowered) > 1:
                        all_bigrams.append(f"{END_KEY}{lowered[-2]} {lowered[-1]}")
        words = Counter(all_words)
        self.words.update(words)
        self.lower.update(all_lower)
        self.bigrams.update(all_bigrams)
        self.tokens += len(all_words)
        known = self.sources
        for w in words:
            had = known.get(w)
            if had is None:
                known[w] = (source,)
            elif source not in had and (len(had) < keep_sources or source < had[-1]):
                known[w] = tuple(sorted((*had, source)))[:keep_sources]

    def size(self) -> int:
        """Estimated bytes held."""
        return WORD_BYTES * len(self.words) + BIGRAM_BYTES * len(self.bigrams)

    def run_lines(self) -> tuple[Iterator[str], Iterator[str]]:
        """The sorted run lines of the word table and of the bigram table (made as they are read)."""
        counts, lower, sources, bigrams = self.words, self.lower, self.sources, self.bigrams
        words = (f"{w}\t{counts[w]}\t{lower[w]}\t{','.join(sources[w])}" for w in sorted(counts))
        return words, (f"{k}\t{bigrams[k]}" for k in sorted(bigrams))


def count_segments(segs: Iterable[Segment], opts: BuildOptions, text_field: str = "text") -> tuple[str, str, int]:
    """The word run, bigram run (as text) and token count of some segments, counted in memory.

    This is the task the Dask engine maps over the corpus.
    """
    p = Partial()
    for seg in segs:
        for text in read_texts(seg, text_field):
            p.add_text(text, seg.source, opts.min_sources)
    words, bigrams = p.run_lines()
    return "".join(f"{line}\n" for line in words), "".join(f"{line}\n" for line in bigrams), p.tokens


# -- the work folder: finished counts, kept across runs --------------------------------------------


class WorkFolder:
    """Run files of finished segments, each group with a manifest (`*.json`) naming its segments and tokens.

    A group is written before its manifest, so a manifest means its counts are complete; a
    build that stops (an unreadable file, a crash, Ctrl-C) keeps every finished group, and the
    next build with the same sources, options and work folder counts only what is missing.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)

    def new_name(self) -> str:
        return f"g{os.getpid()}-{secrets.token_hex(6)}"

    def write_runs(self, name: str, words: Iterable[str], bigrams: Iterable[str]) -> list[str]:
        write_lines(self.path / f"{name}.words", words)
        write_lines(self.path / f"{name}.bigrams", bigrams)
        return [name]

    def write_text_runs(self, name: str, words: str, bigrams: str) -> list[str]:
        for suffix, text in ((".words", words), (".bigrams", bigrams)):
            tmp = self.path / f"{name}{suffix}.tmp"
            with open(tmp, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.replace(tmp, self.path / f"{name}{suffix}")
        return [name]

    def commit(self, segment_ids: list[str], runs_: list[str], tokens: int) -> None:
        manifest = {"segments": segment_ids, "runs": runs_, "tokens": tokens}
        tmp = self.path / f"{runs_[0] if runs_ else self.new_name()}.json.tmp"
        tmp.write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(tmp, tmp.with_suffix(""))

    def finished(self, planned: set[str]) -> tuple[set[str], list[str], int]:
        """(segments done, run names, tokens) of the manifests whose segments are all `planned` (no overlaps)."""
        done: set[str] = set()
        names: list[str] = []
        tokens = 0
        for m in sorted(self.path.glob("*.json")):
            manifest = json.loads(m.read_text(encoding="utf-8"))
            segs = set(manifest["segments"])
            if segs <= planned and not segs & done:
                done |= segs
                names += manifest["runs"]
                tokens += manifest["tokens"]
        return done, names, tokens


class Progress:
    """The count on a tqdm bar (when `show`): bytes read and ETA, files finished, tokens per second."""

    def __init__(self, plan: list[tuple[str, Segment]], done: set[str], files: int, show: bool) -> None:
        self.left = Counter(seg.source for sid, seg in plan if sid not in done)
        self.files, self.files_done = files, files - len(self.left)
        self.tokens, self.start = 0, time.monotonic()
        self.bar = None
        if show:
            from tqdm import tqdm  # noqa: PLC0415 - only with a progress bar

            self.bar = tqdm(
                total=sum(seg.size for _, seg in plan),
                unit="B",
                unit_scale=True,
                desc="counting",
                initial=sum(seg.size for sid, seg in plan if sid in done),
            )

    def read(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def counted(self, tokens: int) -> None:
        self.tokens += tokens
        if self.bar is not None:
            rate = self.tokens / max(1e-9, time.monotonic() - self.start)
            self.bar.set_postfix_str(f"{self.files_done}/{self.files} files, {rate / 1e3:.0f}k tokens/s", refresh=False)

    def finished(self, source: str) -> None:
        self.left[source] -= 1
        if self.left[source] == 0:
            self.files_done += 1
            self.counted(0)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# -- the local engine: processes that count and spill --------------------------------------------


class _Counter:
    """Counts segments into one `Partial`, spilling it as a run group when it outgrows `budget` bytes."""

    def __init__(self, work: WorkFolder, budget: int, opts: BuildOptions, text_field: str) -> None:
        self.work, self.budget, self.opts, self.text_field = work, budget, opts, text_field
        self.partial = Partial()
        self.done: list[str] = []  # finished segments whose counts are in `partial`
        self.clean = True  # `partial` holds no count of an unfinished segment

    def _spill(self) -> list[str]:
        name = self.work.new_name()
        words, bigrams = self.partial.run_lines()
        self.partial = Partial()
        return self.work.write_runs(name, words, bigrams)

    def flush(self) -> None:
        """Write what is counted and commit the finished segments in it."""
        if self.done:
            tokens = self.partial.tokens
            self.work.commit(self.done, self._spill(), tokens)
        self.done = []
        self.partial = Partial()

    def save(self) -> None:
        """After an error: keep the finished segments, unless their counts are mixed with the failed one's."""
        if self.clean:
            self.flush()

    def count(self, sid: str, seg: Segment, on_bytes: Callable[[int], None], on_tokens: Callable[[int], None]) -> None:
        """Count one segment; a compressed one (any size) spills as often as needed, into runs of its own."""
        if seg.compression:
            self.flush()
        own: list[str] = []
        tokens = 0
        for text in read_texts(seg, self.text_field, on_bytes):
            self.clean = False
            before = self.partial.tokens
            self.partial.add_text(text, seg.source, self.opts.min_sources)
            on_tokens(self.partial.tokens - before)
            if seg.compression and self.partial.size() > self.budget:
                tokens += self.partial.tokens
                own += self._spill()
        if seg.compression:
            tokens += self.partial.tokens
            own += self._spill()
            self.work.commit([sid], own, tokens)
            self.clean = True
            return
        self.done.append(sid)
        self.clean = True
        if self.partial.size() > self.budget:
            self.flush()


def _worker(tasks: Any, results: Any, stop: Any, work: Path, budget: int, opts: BuildOptions, text_field: str) -> None:
    """A counting process: segments from `tasks` until None or `stop`; reports progress and errors on `results`.
    Ctrl-C reaches every process of the terminal: this one leaves it to the main process, which sets `stop`, and
    ends the segment it counts, so what it finished is kept. SIGTERM to the whole process group (`timeout`, systemd,
    a CI job cancelled) likewise."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    counter = _Counter(WorkFolder(work), budget, opts, text_field)
    try:
        while not stop.is_set():
            item = tasks.get()
            if item is None:
                break
            sid, seg = item
            counter.count(sid, seg, lambda n: results.put(("bytes", n)), lambda n: results.put(("tokens", n)))
            results.put(("segment", seg.source))
        counter.flush()
    except SourceError as e:
        counter.save()
        results.put(("error", str(e)))
    except BaseException as e:  # noqa: BLE001 - reported to the main process, which stops the build
        results.put(("error", f"{type(e).__name__}: {e}"))
    finally:
        results.put(("exit", None))


#: Seconds a counting process is given to end its segment and keep its counts once the build is stopped.
STOP_WAIT = 30


@contextmanager
def stopped_by_term() -> Iterator[None]:
    """While inside, SIGTERM (a CI job cancelled, `timeout`, `kill`) stops the build as Ctrl-C does, so the counting
    processes are stopped with it rather than left counting on their own; the handler before is put back after.
    Only the main thread may set a handler: elsewhere this does nothing."""

    def interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the stopping short
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        if before is not None:  # None: a handler not set from Python, which cannot be put back
            signal.signal(signal.SIGTERM, before)


def count_local(
    todo: list[tuple[str, Segment]],
    work: WorkFolder,
    opts: BuildOptions,
    *,
    jobs: int,
    memory: int,
    text_field: str,
    progress: Progress,
) -> None:
    """Count `todo` on `jobs` processes into `work`, each holding at most its share of `memory`."""
    jobs = max(1, min(jobs, len(todo)))
    budget = max(MIN_BUDGET, int(SPILL_SHARE * (memory - RESERVED_BYTES) / jobs))

    resume = f"finished work is kept in {work.path}: fix or --exclude the file and run the same command to resume"
    if jobs == 1:
        counter = _Counter(work, budget, opts, text_field)
        try:
            for sid, seg in todo:
                counter.count(sid, seg, progress.read, progress.counted)
                progress.finished(seg.source)
        except SourceError as e:
            counter.save()
            raise SourceError(f"{e} ({resume})") from None
        counter.flush()
        return
    ctx: Any = get_context("fork" if hasattr(os, "fork") else "spawn")  # typeshed's BaseContext lacks Process
    tasks, results, stop = ctx.Queue(), ctx.Queue(), ctx.Event()
    for item in todo:
        tasks.put(item)
    for _ in range(jobs):
        tasks.put(None)
    procs = [
        ctx.Process(target=_worker, args=(tasks, results, stop, work.path, budget, opts, text_field))
        for _ in range(jobs)
    ]
    error = None
    running = jobs
    with stopped_by_term():  # before the processes start: a SIGTERM at any time stops the build as Ctrl-C does
        try:
            for p in procs:
                p.start()
            while running:
                try:
                    kind, value = results.get(timeout=1.0)
                except queue.Empty:
                    dead = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
                    if dead:
                        raise RuntimeError(
                            f"a counting process died (exit code {dead[0]}); finished work is kept "
                            f"in {work.path}, run the same command to resume"
                        ) from None
                    continue
                if kind == "bytes":
                    progress.read(value)
                elif kind == "tokens":
                    progress.counted(value)
                elif kind == "segment":
                    progress.finished(value)
                elif kind == "error":
                    error = error or value
                    stop.set()
                elif kind == "exit":
                    running -= 1
        finally:
            stop.set()
            for p in procs:
                if p.pid is None:
                    continue  # never started
                p.join(timeout=STOP_WAIT)
                if p.is_alive():
                    p.kill()  # it ignores SIGTERM
                    p.join(timeout=5)
    if error:
        raise SourceError(f"{error} ({resume})")


# -- merging and writing ---------------------------------------------------------------------------


def _combine_words(keep_sources: int) -> Callable[[list[str]], str]:
    def combine(values: list[str]) -> str:
        if len(values) == 1:
            return values[0]
        n = lower = 0
        srcs: set[str] = set()
        for v in values:
            a, b, s = v.split("\t")
            n += int(a)
            lower += int(b)
            srcs.update(s.split(","))
        return f"{n}\t{lower}\t{','.join(sorted(srcs)[:keep_sources])}"

    return combine


def _combine_counts(values: list[str]) -> str:
    return values[0] if len(values) == 1 else str(sum(map(int, values)))


def _combine_lists(values: list[str]) -> str:
    return " ".join(values)


def _top(items: Iterable[tuple[str, int]], cap: int) -> Iterable[tuple[str, int]]:
    """The `cap` items of highest count (ties: the smaller key), back in key order; all of them when cap is 0."""
    if not cap:
        return items
    return sorted(heapq.nsmallest(cap, items, key=lambda kv: (-kv[1], kv[0])))


def select_words(
    merged: Iterable[tuple[str, str]],
    opts: BuildOptions,
    seen: list[int],
    reduplicated: dict[str, int] | None = None,
) -> dict[str, tuple[int, int]]:
    """Kept words -> (count, lowercase count) from the merged word table; `seen[0]` counts the distinct words read, and
    `reduplicated` (when given) gets the count of every full reduplication read (`kawan` -> uses of `kawan-kawan`),
    kept or not."""

    def passing() -> Iterator[tuple[str, tuple[int, int]]]:
        for w, value in merged:
            seen[0] += 1
            n, low, srcs = value.split("\t")
            count = int(n)
            if reduplicated is not None and "-" in w:
                left, _, right = w.partition("-")
                if left == right:
                    reduplicated[left] = count
            if count >= opts.min_count and srcs.count(",") + 1 >= opts.min_sources and may_keep(w, opts):
                yield w, (count, int(low))

    if not opts.max_words:
        return dict(passing())
    return dict(sorted(heapq.nsmallest(opts.max_words, passing(), key=lambda kv: (-kv[1][0], kv[0]))))


def _delete_index(words: list[str], opts: BuildOptions, work: Path, budget: int) -> Iterator[tuple[str, str]]:
    """(delete, words) of the SymSpell index of `words` (sorted), spilled in runs when it outgrows `budget` entries."""
    spilled: list[Path] = []
    index: dict[str, list[str]] = {}
    entries = 0
    for w in words:
        for d in deletes(w, opts.max_edit_distance, opts.prefix_length):
            index.setdefault(d, []).append(w)
        entries += 1
        if entries * 4000 > budget:  # about 40 deletes of about 100 bytes each per word
            spilled.append(work / f"deletes-{len(spilled)}.run")
            write_lines(spilled[-1], (f"{k}\t{' '.join(index[k])}" for k in sorted(index)))
            index, entries = {}, 0
    if not spilled:
        for k in sorted(index):
            yield k, " ".join(index[k])
        return
    spilled.append(work / f"deletes-{len(spilled)}.run")
    write_lines(spilled[-1], (f"{k}\t{' '.join(index[k])}" for k in sorted(index)))
    del index
    yield from merge_runs(spilled, _combine_lists, work, "deletes")
    for p in spilled:
        p.unlink()


def write_dictionary(
    work: WorkFolder,
    run_names: list[str],
    tokens: int,
    sources: list[Source],
    out_dir: Path,
    opts: BuildOptions,
    roots: Path | None,
    english: bool,
    memory: int,
) -> dict:
    """Merge the runs in `work` and write the dictionary files into `out_dir`; returns the metadata."""
    root_set = read_roots(roots) if roots else frozenset()
    word_runs = [work.path / f"{n}.words" for n in run_names]
    bigram_runs = [work.path / f"{n}.bigrams" for n in run_names]
    seen = [0]
    reduplicated: dict[str, int] = {}
    merged_words = merge_runs(word_runs, _combine_words(opts.min_sources), work.path, "words")
    words = select_words(merged_words, opts, seen, reduplicated)
    if not words:
        raise SourceError(
            f"no word passed the rules (seen {opts.min_count}+ times in {opts.min_sources}+ files) "
            f"in {len(sources)} files, {tokens} words: the corpus is empty or too small"
        )
    # From here the folder's files are replaced one by one: until the last is written it is no dictionary to load
    # (UNFINISHED_FILE); a build that fails before (no word kept, a bad root list) leaves the one there as it was.
    (out_dir / UNFINISHED_FILE).write_text(str(os.getpid()), encoding="ascii")
    # An earlier build's facts (its word count) go first: the folder is loaded below, and held this build's words.tsv
    # to them (QA: a rebuild keeping fewer words was "cut short", and the folder unusable).
    for name in ("meta.json", WORD_INDEX_FILE):
        (out_dir / name).unlink(missing_ok=True)
    for name, kept in (("roots.txt", roots), ("english.txt", english), (ATTESTED_FILE, english)):
        if not kept:  # written by an earlier build with other options: this one's output must not read it
            (out_dir / name).unlink(missing_ok=True)
    write_lines(out_dir / "words.tsv", (f"{w}\t{n}\t{low}" for w, (n, low) in words.items()))
    kept_reduplicated = sorted((w, n) for w, n in reduplicated.items() if w in words)
    header = "# The kept words written reduplicated as one token (word-word): word<TAB>uses; see REDUPLICATIONS_FILE."
    share = round(1e6 * mean_reduplication_share((words[w][0], n) for w, n in kept_reduplicated))
    rows = [f"{REDUPLICATION_SHARE_KEY}\t{share}", *(f"{w}\t{n}" for w, n in kept_reduplicated)]
    write_lines(out_dir / REDUPLICATIONS_FILE, [header, *rows])

    counts = {w: n for w, (n, _) in words.items()}
    asked: set[str] = set()

    def ask(a: str, b: str) -> int:
        asked.add(f"{a} {b}")
        return 0

    list(written_apart(counts, ask))
    apart_counts: dict[str, int] = {}
    spaced = curated_pairs(Dictionary(out_dir).compounds)
    joined_words = {k.replace(" ", "") for k in asked} | set(spaced.values())
    after_comma: dict[str, int] = {}  # JOIN_USES_FILE's counts after a comma, of the pairs and words it may list
    at_end: dict[str, int] = {}  # ... and right before a sentence's end

    beside: dict[str, list[int]] = {w: [0, 0, 0, 0] for w in words}  # FOLLOWERS_FILE's counts, per kept word
    forms: dict[str, tuple[int, str]] = {}  # CASES_FILE's: per kept name, its most written form and that form's uses

    def kept_bigrams() -> Iterator[tuple[str, int]]:
        for key, value in merge_runs(bigram_runs, _combine_counts, work.path, "bigrams"):
            n = int(value)
            if key.startswith(CASE_KEY):
                form = key[len(CASE_KEY) :]
                low = form.lower()
                if low in words and is_name(*words[low]) and n > forms.get(low, (0, ""))[0]:
                    forms[low] = (n, form)  # ties: the first in sorted order, capitals before lowercase letters
                continue
            if key.startswith((COMMA_KEY, END_KEY)):
                rest = key[len(COMMA_KEY) :]
                if rest in asked or rest in spaced or rest in joined_words:
                    (after_comma if key.startswith(COMMA_KEY) else at_end)[rest] = n
                continue
            left, _, right = key.partition(" ")
            row = beside.get(left)
            if row is not None:
                row[0] += n
                row[1] += n == 1
            row = beside.get(right)
            if row is not None:
                row[2] += n
                row[3] += n == 1
            if left not in words or right not in words:
                continue
            if key in asked or key in spaced:
                apart_counts[key] = n
            if n >= opts.bigram_min_count:
                yield key, n

    pairs = 0
    with open(out_dir / "bigrams.tsv.tmp", "w", encoding="utf-8", newline="\n") as f:
        for key, n in _top(kept_bigrams(), opts.max_bigrams):
            f.write(f"{key}\t{n}\n")
            pairs += 1
    os.replace(out_dir / "bigrams.tsv.tmp", out_dir / "bigrams.tsv")
    write_followers(out_dir, beside)
    write_cases(out_dir, {w: form for w, (_, form) in forms.items()})

    apart = sorted(
        (f"{left} {right}", joined)
        for left, right, joined in written_apart(counts, lambda a, b: apart_counts.get(f"{a} {b}", 0))
    )
    write_lines(out_dir / "joins.tsv", (f"{k}\t{joined}" for k, joined in apart))
    write_join_uses(out_dir, {**dict(apart), **spaced}, counts, apart_counts, after_comma, at_end)

    suggest = [w for w, n in counts.items() if n >= opts.suggest_min_count]
    keys = 0
    with open(out_dir / "deletes.tsv.tmp", "w", encoding="utf-8", newline="\n") as f:
        for k, listed in _delete_index(suggest, opts, work.path, max(MIN_BUDGET, (memory - RESERVED_BYTES) // 2)):
            f.write(f"{k}\t{listed}\n")
            keys += 1
    os.replace(out_dir / "deletes.tsv.tmp", out_dir / "deletes.tsv")
    compile_index(out_dir / "deletes.tsv", out_dir / TABLE_FILE)

    name_grams = write_name_shape(out_dir, (w for w, (n, low) in words.items() if is_name(n, low)))
    write_trigrams(counts, out_dir)

    if roots:
        header = "# Root lexicon (one lowercase root per line); source and licence: see README.md."
        write_lines(out_dir / "roots.txt", [header, *sorted(root_set)])

    if english:
        header = "# Frequent English words (wordfreq 3, zipf >= 3.0, 4+ letters); data licence CC BY-SA 4.0."
        write_lines(out_dir / "english.txt", [header, *english_words()])
        write_lines(out_dir / ATTESTED_FILE, [attested_header(), *(f"{w}\t{n}" for w, n in attested_words(counts))])

    meta = {
        "format_version": FORMAT_VERSION,
        "english": english,
        "sources": [{"name": s.label, "bytes": s.path.stat().st_size, "sha256": _sha256(s.path)} for s in sources],
        "roots": {"name": Path(roots).name, "words": len(root_set)} if roots else None,
        "options": {k: v for k, v in asdict(opts).items() if v or k not in ("max_words", "max_bigrams")},
        "tokens": tokens,
        "distinct_words_seen": seen[0],
        "words": len(words),
        "bigrams": pairs,
        "joins": len(apart),
        "suggestion_words": len(suggest),
        "delete_keys": keys,
        "name_grams": name_grams,
        # sizes let the loader refuse a truncated file at once and check blocks as it reads them
        "file_bytes": {name: (out_dir / name).stat().st_size for name in ("bigrams.tsv", "deletes.tsv", TABLE_FILE)},
    }
    write_lines(out_dir / "meta.json", [json.dumps(meta, indent=2, sort_keys=True)])
    write_affixes(out_dir)  # reads the words and roots written above
    write_word_index(out_dir)  # the binary copy of words.tsv (and of meta.json's facts) that the loader reads
    write_word_model(out_dir)  # reads the words and English words written above
    write_table(
        out_dir
    )  # reads the files written above, so it comes last (and writes their samples, `speller.samples`)
    return meta


def curated_pairs(compounds: Mapping[str, str]) -> dict[str, str]:
    """The rows of the curated compounds (`compounds.tsv`) that join two words into one (`dari pada` -> `daripada`),
    the joined word in lowercase, as the corpus counts it (`Idulfitri`: a name the table capitalizes)."""
    return {k: v.lower() for k, v in compounds.items() if k.count(" ") == 1 and " " not in v}


def write_join_uses(
    out_dir: Path,
    pairs: Mapping[str, str],
    counts: Mapping[str, int],
    apart: Mapping[str, int],
    after_comma: Mapping[str, int],
    at_end: Mapping[str, int],
) -> None:
    """Write JOIN_USES_FILE (its format: `speller.dictionary.JOIN_USES_FILE`) for `pairs` (`left right` -> joined),
    from the kept words' `counts`, the pairs' counts written `apart` and the counts `after_comma` and `at_end` (right
    before a sentence's end) of pairs and words."""

    def marked(counted: Mapping[str, int], joined: str) -> int:
        return counted.get(joined, 0) if joined in counts else 0  # a word not kept has no uses to count

    rows = (
        f"{k}\t{apart.get(k, 0)}\t{counts.get(j, 0)}\t{after_comma.get(k, 0)}\t{marked(after_comma, j)}"
        f"\t{at_end.get(k, 0)}\t{marked(at_end, j)}"
        for k, j in sorted(pairs.items())
    )
    write_lines(out_dir / JOIN_USES_FILE, rows)


def write_cases(out_dir: Path, forms: Mapping[str, str]) -> None:
    """Write CASES_FILE (its format: `speller.dictionary.CASES_FILE`) from `forms`: name -> its most written form
    inside a sentence, keeping the forms that are not the name with a capital first letter."""
    header = "# Names written otherwise than with one capital inside a sentence: word<TAB>form (see CASES_FILE)."
    rows = (f"{w}\t{form}" for w, form in sorted(forms.items()) if form != capitalized(w))
    write_lines(out_dir / CASES_FILE, [header, *rows])


def write_followers(out_dir: Path, beside: Mapping[str, Sequence[int]]) -> None:
    """Write FOLLOWERS_FILE (its format: `speller.dictionary.FOLLOWERS_FILE`) from `beside`: word -> (followers,
    followers seen once, predecessors, predecessors seen once), in the words' sorted order; words never beside
    another are left out, and the row `FOLLOWERS_TOTAL` sums every word's."""
    rows = sorted((w, c) for w, c in beside.items() if c[0] or c[2])
    total = [sum(c[i] for _, c in rows) for i in range(4)]
    lines = (f"{w}\t{a}\t{a1}\t{b}\t{b1}" for w, (a, a1, b, b1) in [(FOLLOWERS_TOTAL, total), *rows])
    write_lines(out_dir / FOLLOWERS_FILE, lines)


def write_name_shape(out_dir: Path, names: Iterable[str]) -> int:
    """Write the letter-gram counts of `names` (NAME_SHAPE_FILE, sorted by gram) and the tables of the model made of
    them (NAME_MODEL_FILE, see `write_name_model`); returns how many grams."""
    counts = name_shape_counts(names)
    write_lines(out_dir / NAME_SHAPE_FILE, (f"{gram}\t{counts[gram]}" for gram in sorted(counts)))
    write_name_model(out_dir, counts)
    return len(counts)


def write_name_model(out_dir: Path, counts: Mapping[str, int]) -> None:
    """Write NAME_MODEL_FILE: the tables of the `NameShape` of order NAME_SHAPE_ORDER made of `counts` (the counts
    in the NAME_SHAPE_FILE of `out_dir`), sorted by string, under a header naming that file."""
    order = int(NAME_SHAPE_ORDER)
    header = name_model_header(order, (out_dir / NAME_SHAPE_FILE).read_bytes())
    _write_letter_model(out_dir / NAME_MODEL_FILE, header, NameShape.from_counts(counts, order))


def write_word_model(out_dir: Path) -> None:
    """Write WORD_MODEL_FILE: the tables of the words' letter model (`speller.model.word_shape`, of order
    WORD_SHAPE_ORDER) made of the dictionary in `out_dir`, sorted by string, under `word_model_header`."""
    d = Dictionary(out_dir)
    order = int(WORD_SHAPE_ORDER)
    shape = NameShape.from_counts(name_shape_counts(word_shape_words(d), order), order)
    _write_letter_model(out_dir / WORD_MODEL_FILE, word_model_header(order), shape)


def _write_letter_model(path: Path, header: str, shape: NameShape) -> None:
    """Write the tables of `shape` (`NameShape.tables`) to `path`, one row per string, under `header` and how many
    letters the model has."""
    grams, contexts = shape.tables()
    letters = len([g for g in grams if len(g) == 1])
    rows = (f"{k}\t{grams.get(k, 0)}\t{contexts.get(k, 0)}" for k in sorted(grams.keys() | contexts.keys()))
    write_lines(path, [f"{header}{letters} letters.", *rows])


def write_affixes(out_dir: Path) -> int:
    """Write AFFIXES_FILE: how many genuine rare words of the dictionary in `out_dir` each affix pattern makes
    (`speller.model.rare_patterns`, to two decimals), sorted by pattern, under `affixes_header`; returns how many
    patterns."""
    from .checker import Speller  # noqa: PLC0415

    speller = Speller(str(out_dir))
    found = rare_patterns(speller.dictionary, speller.morphology, lambda w: speller._index.lookup(w, 1))
    rows = (f"{pattern}\t{round(found[pattern], 2)}" for pattern in sorted(found))
    write_lines(out_dir / AFFIXES_FILE, [affixes_header(AFFIX_RARE_COUNT), *rows])
    return len(found)


def write_trigrams(counts: Mapping[str, int], out_dir: Path) -> int:
    """Write `trigrams.txt`: the letter trigrams `speller.model.computed_trigrams` makes of `counts`, sorted,
    one a line under a header naming TRIGRAM_MIN_COUNT; returns how many."""
    found = sorted(computed_trigrams(counts))
    write_lines(out_dir / TRIGRAMS_FILE, [trigrams_header(TRIGRAM_MIN_COUNT), *found])
    return len(found)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_roots(path: Path) -> frozenset[str]:
    """A root list: one word per line, `#` comments ignored, lowercased; SourceError naming the file it cannot read."""
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(w.strip().lower() for w in f if w.strip() and not w.startswith("#"))
    except UnicodeDecodeError as e:
        raise SourceError(f"{path}: not valid UTF-8 at byte {e.start} (a root list is UTF-8 text)") from None
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror or e})") from None


def sastrawi_roots_path() -> Path:
    """The KBBI root list shipped inside the `Sastrawi` package (install `speller[build]`)."""
    import Sastrawi  # noqa: PLC0415 - optional build dependency

    return Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"


def english_words(min_zipf: float = 3.0, min_length: int = 4) -> list[str]:
    """Frequent English words from `wordfreq` (install `speller[build]`): quoted English in news is not a typo."""
    import wordfreq  # noqa: PLC0415 - optional build dependency

    return sorted(
        w
        for w in wordfreq.top_n_list("en", 100_000)
        if len(w) >= min_length and w.isascii() and w.isalpha() and wordfreq.zipf_frequency(w, "en") >= min_zipf
    )


def attested_header() -> str:
    """The first line of ATTESTED_FILE: what it holds, its source and version, the data's licence."""
    from importlib.metadata import version  # noqa: PLC0415

    return (
        f"# Indonesian words the build corpus does not list, from wordfreq {version('wordfreq')} (zipf >= 3.0): "
        "word<TAB>frequency per billion words; data licence CC BY-SA 4.0."
    )


def attested_words(listed: Mapping[str, int], min_zipf: float = 3.0) -> list[tuple[str, int]]:
    """(word, frequency per billion words) of the frequent Indonesian words of `wordfreq` (install `speller[build]`)
    that `listed` (the kept words) lacks, sorted: a second witness, drawn from subtitles, Wikipedia, web and social
    text, of words news seldom writes (`ngapain`, `alhamdulillah`), slips of frequent words among them (`sepeti`)."""
    import wordfreq  # noqa: PLC0415 - optional build dependency

    out = []
    for w in wordfreq.top_n_list("id", 100_000):
        zipf = wordfreq.zipf_frequency(w, "id")
        if zipf >= min_zipf and w not in listed and _LATIN_WORD.match(w) and w == w.lower():
            out.append((w, round(10**zipf)))  # zipf is log10 of the frequency per billion words
    return sorted(out)


@contextmanager
def one_build(out_dir: Path) -> Iterator[None]:
    """Hold the lock on the folder `out_dir` (`speller.textfile.folder_lock`) while inside; RuntimeError when another
    build holds it. Two builds of one folder at once shared its work folder and replaced each other's files, and both
    failed, leaving it unusable (QA)."""
    from .textfile import folder_lock  # noqa: PLC0415

    with ExitStack() as held:
        try:
            held.enter_context(folder_lock(out_dir, wait=False))
        except BlockingIOError:
            raise RuntimeError(f"{out_dir}: another build is writing this folder; wait for it to end") from None
        yield


def build(
    sources: list[Path],
    out_dir: Path,
    *,
    exclude: Iterable[str] = (),
    roots: Path | None = None,
    options: BuildOptions = BuildOptions(),
    jobs: int = 0,
    progress: bool = False,
    english: bool = False,
    memory: int = DEFAULT_MEMORY,
    text_field: str = "text",
    engine: str = "local",
    scheduler: str | None = None,
    work_dir: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> dict:
    """Build the dictionary files from `sources` into `out_dir`; returns the metadata written.

    `engine` is "local" (processes on this machine, `jobs` of them, 0: every core) or "dask" (a
    Dask cluster at `scheduler`, or a `LocalCluster` of `jobs` workers when None). `memory` caps
    the bytes held by this machine's processes. Finished counts are kept in `work_dir` (default:
    a hidden folder in `out_dir`) until the build succeeds, so a failed build resumes. `warn` is told of each of
    `exclude` that left no file out.
    """
    out_dir = Path(out_dir)
    files = find_sources(sources, exclude, output=out_dir, warn=warn)
    if not files:
        raise SourceError("no text files found in the sources given")
    if roots:
        read_roots(roots)  # an unreadable root list fails before the long part
    out_dir.mkdir(parents=True, exist_ok=True)
    with one_build(out_dir):  # from here the folder's work and files are this build's alone
        jobs = jobs or os.cpu_count() or 1
        work = WorkFolder(Path(work_dir) if work_dir else out_dir / WORK_FOLDER)
        salt = f"{RUNS_VERSION}\0{options.min_sources}\0{text_field}"
        plan = [(segment_id(seg, salt), seg) for seg in segments(files)]
        done, _, _ = work.finished({sid for sid, _ in plan})
        todo = [(sid, seg) for sid, seg in plan if sid not in done]
        shown = Progress(plan, done, len(files), progress)
        try:
            if todo and engine == "dask":
                from .dask_build import count_dask  # noqa: PLC0415 - optional dependency

                count_dask(
                    todo,
                    work,
                    options,
                    scheduler=scheduler,
                    workers=jobs,
                    text_field=text_field,
                    progress=shown,
                    memory=memory,
                )
            elif todo:
                count_local(todo, work, options, jobs=jobs, memory=memory, text_field=text_field, progress=shown)
        finally:
            shown.close()
        done, names, tokens = work.finished({sid for sid, _ in plan})
        if len(done) != len(plan):
            raise RuntimeError(f"{len(plan) - len(done)} parts of the corpus were not counted; run again to resume")
        meta = write_dictionary(work, names, tokens, files, out_dir, options, roots, english, memory)
        (out_dir / UNFINISHED_FILE).unlink()
        if not work_dir:
            shutil.rmtree(work.path, ignore_errors=True)
        return meta
