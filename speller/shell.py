"""The `speller` console script, and what its commands share that needs no click.

`speller check PATH...` and `speller fix PATH...` with no option, as the pre-commit hooks call them, run here
without importing click (click, with the `typing`, `inspect`, `uuid` and `datetime` it imports, is about a fifth of
a cold check); every other command line goes to the click CLI in `speller.cli`, whose `check` and `fix` run the same
`check_paths` and `fix_paths`. Errors are one line on stderr; exit codes:
0 nothing found (or everything fixed), 1 issues found (or left unfixed), 2 usage error, unreadable
input or dictionary.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .records import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

    from .checker import Issue, Speller
    from .config import Config, Shown
    from .textfile import Piece, Source

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
#: Stopped by Ctrl-C (or a build by SIGTERM): 128 + SIGINT, as a shell reports it, not 1 ("issues found").
EXIT_STOPPED = 130

#: Container allocations between two collections of the youngest generation in a `speller` process (CPython's
#: default is 700). Importing, loading the dictionary and checking allocate many containers that live as long as
#: the process (modules, the loaded tables, the caches) and almost no cycles, so at the default the collector
#: traverses the same survivors again and again. Measured (`python -m benchmarks.collector --big`, CPU time by
#: gc.callbacks, one run each, 2026-11-30): a cold `speller check` of one seed article collects 14-17 times for
#: 3.0-3.8 ms at the default, once for 0.1-0.2 ms at this setting; a check of 550k words 420 times for 224 ms (the
#: oldest generation 3 times, 125 ms) at the default, 6 times for 54 ms (the youngest only) at this setting. Garbage
#: cycles are still collected, after at most this many new containers, so a long run's memory stays bounded.
GC_YOUNG_THRESHOLD = 50_000


def tune_collector() -> None:
    """Set the collector for a short-lived or single-purpose `speller` process (the console script: every command,
    the language server and the HTTP server included): the youngest generation at GC_YOUNG_THRESHOLD.

    The process's entry point calls it, before the checker is imported; the library never does (a plugin loads it
    into an editor's or a server's process, whose collector is theirs to set)."""
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


class Failure(Exception):
    """An error shown as one line on stderr (`speller: error: ...`) with exit code 2."""


def echo(message: str) -> None:
    """Print a line on stdout at once (as click.echo does)."""
    print(message, flush=True)


def output_failure(error: OSError) -> Failure:
    """The one-line error for an OSError no command handled: writing the output (a full disk, `> /dev/full`)."""
    if error.filename:
        return Failure(f"{error.filename}: {error.strerror or error}")
    return Failure(f"cannot write the output ({error.strerror or error})")


def echo_err(message: str) -> None:
    """Print a line on stderr at once."""
    print(message, file=sys.stderr, flush=True)


def warn(message: str) -> None:
    echo_err(f"speller: warning: {message}")


def sources(
    paths: tuple[str, ...], encoding: str, errors: list[str], configs: Configs | None = None, digest: bool = True
) -> Iterator[tuple[Source, bool]]:
    """(input opened for reading in pieces, named) for each input; closed when the next one is asked for.

    `named` is False for files found by walking a folder. A problem with one input is reported
    and counted, the others still run. `digest=False` opens them without hashing (for a check,
    which never rewrites them). Files outside the `include` or inside the `exclude` globs
    of their config are skipped unread; a folder with nothing to check is said so on stderr.
    """
    from .errors import InputError
    from .pathnames import normal
    from .textfile import TEXT_SUFFIXES, Source, check_encoding, walk

    try:
        check_encoding(encoding)
    except InputError as e:
        raise Failure(str(e)) from None

    def unreadable(error: InputError) -> None:  # a folder it cannot read leaves files unchecked: an error
        report_error(errors, str(error))

    seen: set[str] = set()  # each file once, however often it is named or reached (`check a.txt a.txt`, `check .`)
    bad_configs: set[str] = set()  # each bad config said once
    for raw in paths:
        if raw != "-" and not os.path.exists(normal(raw)):
            report_error(errors, f"{raw}: no such file or folder")
            continue
        found = 0
        for path, named in [("-", True)] if raw == "-" else walk([raw], unreadable):
            if raw != "-":
                real = os.path.realpath(path)
                if real in seen:
                    found += 1
                    continue
                seen.add(real)
            try:
                if configs is not None and raw != "-" and not configs.for_file(path).is_included(path):
                    continue
            except Failure as e:  # a bad config leaves its files unchecked, and the others are checked
                found += 1
                if str(e) not in bad_configs:
                    bad_configs.add(str(e))
                    report_error(errors, str(e))
                continue
            found += 1
            try:
                source = Source(path, encoding, digest=digest)
            except InputError as e:
                report_unreadable(errors, e, named)
                continue
            try:
                yield source, named
            finally:
                source.close()
        if not found and os.path.isdir(normal(raw)):
            listed = ", ".join(TEXT_SUFFIXES[:-1]) + " or " + TEXT_SUFFIXES[-1]
            warn(f"{raw}: nothing to check (no {listed} files, or all excluded)")


def report_error(errors: list[str], message: str) -> None:
    errors.append(message)
    echo_err(f"speller: error: {message}")


def report_unreadable(errors: list[str], error: Exception, named: bool) -> None:
    """Report an input that cannot be read: a binary or special file, or a link to nothing (an editor's lock file,
    `.#draft.txt`), found by walking a folder is only a warning."""
    if not named and any(why in str(error) for why in ("binary", "not a regular file", "no such file")):
        warn(str(error))
    else:
        report_error(errors, str(error))


class Configs:
    """The config of each input (or the one named by --config) and a Speller per distinct setting."""

    def __init__(
        self,
        config_file: str | None,
        dictionary: str | None,
        categories: tuple[str, ...],
        disable: tuple[str, ...],
        min_confidence: float | None,
        words: tuple[str, ...] = (),
        picky: bool | None = None,
        markup: str | None = None,
    ) -> None:
        """`words`: the --ignore-words-list values, each a comma-separated list of words to accept; `min_confidence`
        and `picky` (None: not given) win over the config's keys as `Config.shown` says; `markup` (one of
        `speller.markup.MARKUPS`; None: each file's suffix says) is what every input is written in."""
        from .config import ConfigCache, load_config
        from .errors import SpellerError
        from .workspace import SpellerCache

        self.cache = ConfigCache()
        self.spellers = SpellerCache()
        self.warned: set[Path | None] = set()
        self.dictionary = dictionary
        self.categories = categories
        self.disable = disable
        self.min_confidence = min_confidence
        self.picky = picky
        self.markup = markup
        self.words = tuple(w.strip() for item in words for w in item.split(",") if w.strip())
        try:
            self.fixed = load_config(config_file) if config_file else None
        except SpellerError as e:
            raise Failure(str(e)) from None

    def for_file(self, path: str) -> Config:
        """The config of a file (of the current folder for stdin); a bad config is an error (exit 2)."""
        from .errors import SpellerError

        try:
            config = self.fixed or self.cache.for_path(os.getcwd() if path == "-" else path)
        except SpellerError as e:
            raise Failure(str(e)) from None
        if config.path not in self.warned:
            self.warned.add(config.path)
            for warning in config.warnings:
                warn(warning)
        return config

    def shown(self, config: Config) -> Shown:
        """What a check of a file under `config` shows, the command-line options winning (`Config.shown`)."""
        return config.shown(self.min_confidence, self.picky)

    def speller(self, config: Config, everything: bool = False) -> Speller:
        """The Speller for a config, the command-line options winning; with `everything`, one that finds every issue,
        each `flagged` as `shown` shows it (`shows(issue, self.shown(config).min_confidence)`). A dictionary that fails
        is exit 2."""
        from .errors import SpellerError

        try:
            return self.spellers.for_config(
                config,
                dictionary=self.dictionary,
                categories=self.categories,
                disable=self.disable,
                min_confidence=self.min_confidence,
                words=self.words,
                picky=self.picky,
                everything=everything,
            )
        except SpellerError as e:
            raise Failure(str(e)) from None

    def speller_or_report(self, config: Config, errors: list[str], everything: bool = False) -> Speller | None:
        """`speller`, or None after reporting its error (once per message: every file of a folder whose config names
        a broken dictionary fails alike): that folder's files are left unchecked, the others are checked."""
        try:
            return self.speller(config, everything)
        except Failure as e:
            if str(e) not in errors:
                report_error(errors, str(e))
            return None

    def check(self, speller: Speller, config: Config, piece: Piece, name: str) -> list[Issue]:
        """Issues starting in one piece of a file (some may end in the next), with offsets, lines and columns in the
        whole file.

        Markdown and HTML are masked by suffix, or as --markup says; ignore-regex and inline markers are applied. A
        dictionary file that fails when first used, or a regex over its time limit, is an error (exit 2).
        """
        from .errors import SpellerError
        from .textfile import last_line_start, line_ends
        from .workspace import check_text

        before, after = piece.before, piece.after
        try:
            text = before + piece.text + after
            issues = check_text(speller, config, text, None if self.markup else name, self.markup)
        except (SpellerError, ValueError) as e:
            raise Failure(str(e)) from None
        if not (piece.start or piece.line or piece.column or after):
            return issues
        lo, hi = len(before), len(before) + len(piece.text)
        before_lines = line_ends(before)
        partial = len(before) - last_line_start(before)  # characters of `before` on the piece's first line
        out = []
        for i in issues:
            if not lo <= i.start < hi:
                continue  # a neighbouring piece's (each issue is the piece's where it starts, though it ends past it)
            rel = i.line - 1 - before_lines  # lines after the piece's first line
            column = piece.column + i.column - partial if rel == 0 else i.column
            out.append(
                i._replace(
                    start=i.start - lo + piece.start,
                    end=i.end - lo + piece.start,
                    line=piece.line + 1 + rel,
                    column=column,
                )
            )
        return out


def check_paths(
    paths: tuple[str, ...],
    dictionary: str | None = None,
    encoding: str = "utf-8",
    categories: tuple[str, ...] = (),
    disable: tuple[str, ...] = (),
    config_file: str | None = None,
    fmt: str = "text",
    min_confidence: float | None = None,
    words: tuple[str, ...] = (),
    picky: bool | None = None,
    markup: str | None = None,
) -> int:
    """`speller check`: report the issues of PATHS in `fmt`; returns the exit code (Failure: exit 2)."""
    from .errors import InputError
    from .output import JsonArray, format_github, format_text, sarif_log

    configs = Configs(config_file, dictionary, categories, disable, min_confidence, words, picky, markup)
    errors: list[str] = []
    found = 0
    kept: list[tuple[str, Issue]] = []  # for sarif, which is one object
    rows = JsonArray(sys.stdout) if fmt == "json" else None
    try:
        for source, named in sources(paths, encoding, errors, configs, digest=False):
            config = configs.for_file(source.file)
            speller = configs.speller_or_report(config, errors)
            if speller is None:
                continue
            try:
                for piece in source.pieces():
                    for issue in configs.check(speller, config, piece, source.file):
                        found += 1
                        if fmt == "text":
                            echo(format_text(source.name, issue))
                        elif fmt == "github":
                            echo(format_github(source.name, issue))
                        elif rows is not None:
                            rows.add(source.name, issue)
                        else:
                            kept.append((source.name if source.file == "-" else source.given, issue))
            except InputError as e:
                report_unreadable(errors, e, named)
    finally:  # what was found stands as a whole document, even when an error stops the run (exit 2)
        if rows is not None:
            rows.close()
        elif fmt == "sarif":
            import json

            from . import __version__

            echo(json.dumps(sarif_log(kept, __version__), ensure_ascii=False, indent=2))
    return EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_CLEAN


def fix_paths(
    paths: tuple[str, ...],
    dictionary: str | None = None,
    encoding: str = "utf-8",
    categories: tuple[str, ...] = (),
    disable: tuple[str, ...] = (),
    config_file: str | None = None,
    min_confidence: float | None = None,
    show_diff: bool = False,
    words: tuple[str, ...] = (),
    markup: str | None = None,
) -> int:
    """`speller fix` (not --interactive): apply the fixes at least `min_confidence` sure (None: as each file's config
    says, `Config.fix_confidence`) to PATHS in place (`-`: stdin to stdout), or print their diff (`show_diff`); list
    the rest on stderr. Returns the exit code (Failure: exit 2)."""
    from .checker import fix_rounds, fixes, left_unfixed, shows
    from .errors import InputError, OutputError
    from .output import DiffWriter, format_text
    from .textfile import Piece, rewrite

    configs = Configs(config_file, dictionary, categories, disable, None, words, markup=markup)
    errors: list[str] = []
    left = 0
    changed = 0
    for source, named in sources(paths, encoding, errors, configs):
        config = configs.for_file(source.file)
        speller = configs.speller_or_report(config, errors, everything=True)
        if speller is None:
            continue
        shown = configs.shown(config).min_confidence
        floor = config.fix_confidence(min_confidence)
        unsure: list[Issue] = []
        applied = 0
        written = Piece("", 0, 0, 0)  # where the next piece's fixed text stands in the fixed file

        def fixed_pieces() -> Iterator[tuple[str, str]]:
            nonlocal applied, written
            for piece in source.pieces():  # noqa: B023 - the generator is consumed within its loop turn
                found = configs.check(speller, config, piece, source.file)  # noqa: B023 - used within its loop turn
                end = piece.start + len(piece.text)  # an issue over the cut to the next piece is listed, not fixed
                issues = [i for i in found if i.end <= end]
                sure = fixes(issues, floor)  # noqa: B023
                over = [i for i in found if i.end > end and shows(i, shown)]  # noqa: B023
                listed = _shifted(left_unfixed(issues, sure, shown) + over, -piece.start)  # noqa: B023

                def again(text: str, piece: Piece = piece) -> list[Issue]:
                    found = configs.check(speller, config, piece._replace(text=text), source.file)  # noqa: B023
                    return _shifted(found, -piece.start)

                rounds = fix_rounds(piece.text, _shifted(sure, -piece.start), again, floor, shown, listed)  # noqa: B023
                applied += rounds.applied
                # a diff writes nothing: what it leaves is listed where it stands in the file as it is
                unsure.extend(_shifted(listed, piece.start) if show_diff else _placed(rounds.left, written))  # noqa: B023
                written = _after(written, rounds.text)
                yield piece.text, rounds.text

        try:
            if show_diff:
                try:
                    with _diff_stream(source.encoding) as out:
                        diff = DiffWriter(out, source.name, source.bom)
                        for original, fixed in fixed_pieces():
                            diff.add(original, fixed)
                        if diff.close():
                            changed += 1
                except OSError as e:  # stdout, not the file: one error for the run (`> /dev/full`)
                    raise output_failure(e) from None
            elif source.file == "-":  # all or nothing: a bad byte late in stdin gives back the input as it came
                try:
                    fixed = "".join(fixed for _, fixed in fixed_pieces())
                except InputError:
                    _write_bytes(source.passed())
                    raise
                _write_bytes(source.encoded(fixed))
            elif rewrite(source, fixed_pieces()):
                echo_err(f"{source.name}: fixed {applied}")
        except (InputError, OutputError) as e:
            report_unreadable(errors, e, named)
            continue
        except OSError as e:
            report_error(errors, f"{source.name}: cannot write ({e.strerror or e})")
            continue
        for issue in unsure:
            left += 1
            echo_err(format_text(source.name, issue))
    return EXIT_ERROR if errors else EXIT_FOUND if left or changed else EXIT_CLEAN


def _placed(issues: list[Issue], piece: Piece) -> list[Issue]:
    """`issues` of a piece's text (offsets, lines and columns in it) where they stand in the whole file, the piece
    starting where `piece` says."""
    return [
        i._replace(
            start=i.start + piece.start,
            end=i.end + piece.start,
            line=piece.line + i.line,
            column=piece.column + i.column if i.line == 1 else i.column,
        )
        for i in issues
    ]


def _after(piece: Piece, text: str) -> Piece:
    """Where a piece starts that follows `text` written where `piece` says (`Piece` without its text)."""
    from .textfile import Piece, last_line_start, line_ends

    ends = line_ends(text)
    column = len(text) - last_line_start(text) if ends else piece.column + len(text)
    return Piece("", piece.start + len(text), piece.line + ends, column)


def _shifted(issues: list[Issue], by: int) -> list[Issue]:
    """`issues` with their offsets moved `by` characters (between a piece's text and the whole file's)."""
    return [i._replace(start=i.start + by, end=i.end + by) for i in issues]


@contextmanager
def _diff_stream(encoding: str) -> Iterator[TextIO]:
    """Where a diff of a file in `encoding` is written: stdout, in that encoding when it writes ASCII as ASCII
    (`latin-1`, `cp1252`), since `patch` and `git apply` match the file's bytes; stdout as it is for UTF-8, UTF-16 and
    UTF-32 (which those tools cannot patch in any encoding)."""
    import codecs  # noqa: PLC0415

    name = codecs.lookup(encoding).name
    if name.startswith(("utf-8", "utf-16", "utf-32")) or "a\n".encode(name) != b"a\n":
        yield sys.stdout
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(sys.stdout.buffer, encoding=name, errors="backslashreplace", newline="", write_through=True)
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # stdout's buffer stays open


def _write_bytes(data: bytes) -> None:
    """Write `data` to stdout as they are (after what was printed before)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


#: The commands that `main` runs itself when given only paths, none of them an option (nor `-`, stdin).
_RUN_HERE: dict[str, Callable[[tuple[str, ...]], int]] = {"check": check_paths, "fix": fix_paths}


def _term_as_interrupt(signum: int, frame: object) -> None:
    """A SIGTERM handler: stop as Ctrl-C does, once (a second SIGTERM must not cut the cleanup short)."""
    import signal  # noqa: PLC0415

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    """The `speller` command: `speller check PATH...` and `speller fix PATH...` here, anything else by the click CLI
    (`speller.cli.main`), which runs those two commands with options by the same `check_paths` and `fix_paths`."""
    tune_collector()
    if sys.stdout is None:  # started with stdout closed (`>&-`): what it would print goes nowhere, as to /dev/null
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - open for the life of the process
    for stream in (sys.stdout, sys.stderr):  # a character the stream's encoding lacks is written as its escape
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":  # (`\\u0101`, JSON's too), no crash
            stream.reconfigure(errors="backslashreplace")
    args = sys.argv[1:]
    if args[:1] and args[0] in _RUN_HERE:  # SIGTERM (`timeout`, a cancelled CI job) stops as Ctrl-C: exit 130, and a
        import signal  # file being fixed is left whole, its temporary file removed

        signal.signal(signal.SIGTERM, _term_as_interrupt)
    if len(args) < 2 or args[0] not in _RUN_HERE or any(a.startswith("-") for a in args[1:]):
        from .cli import main as cli

        try:
            cli()
        except SystemExit as e:  # click ends every run so
            if args[:1] and args[0] in _ENDS_NOW:
                _end_now(e)
            raise
        return

    try:
        code = _RUN_HERE[args[0]](tuple(args[1:]))
        sys.stdout.flush()
    except Failure as e:
        echo_err(f"speller: error: {e}")
        code = EXIT_ERROR
    except KeyboardInterrupt:
        echo_err("Aborted!")  # as click says it
        code = EXIT_STOPPED
    except BrokenPipeError:  # the reader went away (`speller check ... | head`): as click, quietly, exit 1
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_FOUND
    except OSError as e:
        echo_err(f"speller: error: {output_failure(e)}")
        code = EXIT_ERROR
    sys.stderr.flush()
    # Everything is said and nothing is left to close (each file written is closed, no handler registered): end here
    # rather than free the dictionary and caches object by object, as the interpreter's exit does (a sixth of a cold
    # check).
    os._exit(code)


#: Commands that leave nothing to close when click has run them (each file written is closed, no thread runs, no
#: handler is registered), and that load a dictionary, which the interpreter's exit would free object by object.
_ENDS_NOW = frozenset({"check", "fix", "suggest"})


def _end_now(done: SystemExit) -> None:
    """End a command of `_ENDS_NOW` that click ran as `main` ends one it runs itself (`os._exit`, once stdout and
    stderr are flushed) with the exit code of `done`; return when that code is no number or a flush fails (a reader
    gone), for the interpreter to end the process as it would have."""
    code = 0 if done.code is None else done.code
    if not isinstance(code, int):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
