"""The `speller` command: a thin shell over the library.

The console script enters at `speller.shell.main`, which runs `speller check PATH...` (no option)
itself and hands every other command line to `main` here (having tuned the garbage collector for the
process: `speller.shell.tune_collector`). Exit codes: 0 nothing found (or everything
fixed), 1 issues found (or left unfixed), 2 usage error, unreadable input or dictionary.
"""

from __future__ import annotations

# ruff: noqa: E402 - run as `python -m speller.cli` (as benchmarks.speed and benchmarks/lsp_timing.py run it), this
# module is the process's entry point: it runs as the console script does (`speller.shell.main`, which tunes the
# collector, checks and fixes plain paths without click, and hands every other command line to `main` below, of
# this module imported as `speller.cli`) before the imports below, so a plain check does not import click
if __name__ == "__main__":
    from .shell import main as console_script

    console_script()

# isort: split
import os
import sys
from typing import TYPE_CHECKING

import click

from .categories import CATEGORY_NAMES, DEFAULT_CATEGORIES, FIX_CONFIDENCE
from .markup import MARKUPS
from .shell import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_STOPPED,
    Configs,
    Failure,
    check_paths,
    fix_paths,
    output_failure,
    report_error,
    report_unreadable,
    sources,
    warn,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from .checker import Issue, Speller
    from .workspace import Added


class _Shown(click.ClickException):
    """A `Failure` as click shows it: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"speller: error: {self.message}", err=True)


class _Confidence(click.FloatRange):
    """A confidence: a number from 0 to 1 (a NaN, which every comparison lets through, is refused)."""

    def __init__(self) -> None:
        super().__init__(0, 1)

    def convert(self, value: float, param: click.Parameter | None, ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if number != number:  # noqa: PLR0124 - NaN is the one float unequal to itself
            self.fail(f"{value!r} is not a number from 0 to 1.", param, ctx)
        return number


class _Stopped(click.ClickException):
    """Ctrl-C: click's `Aborted!`, with exit code EXIT_STOPPED, which says nothing of issues found."""

    exit_code = EXIT_STOPPED

    def __init__(self) -> None:
        super().__init__("Aborted!")

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo("Aborted!", err=True)


class _Usage(click.UsageError):
    """A usage error as one line on stderr (exit code 2), naming the help to read: errors are one line."""

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        where = f" (see '{self.ctx.command_path} --help')" if self.ctx is not None else ""
        click.echo(f"speller: error: {self.message}{where}", err=True)


class _Group(click.Group):
    """The command group; a `Failure` raised by a command is shown as `_Shown`, a usage error as `_Usage`."""

    def make_context(self, *args, **kwargs) -> click.Context:  # noqa: ANN002, ANN003 - click's signature
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # bare `speller` shows its help (click 8.2 and later)
                raise
            raise _Usage(e.format_message(), e.ctx) from None

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except Failure as e:
            raise _Shown(str(e)) from None
        except KeyboardInterrupt:
            raise _Stopped from None
        except OSError as e:
            if isinstance(e, BrokenPipeError):  # click ends quietly when the reader went away
                raise
            raise _Shown(str(output_failure(e))) from None
        except click.UsageError as e:
            if isinstance(e, _Usage):
                raise
            raise _Usage(e.format_message(), e.ctx) from None


_config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Use this config file (.speller.toml or pyproject.toml) instead of the nearest one.",
)

_common = [
    click.option(
        "--dictionary",
        "-d",
        type=click.Path(file_okay=False),
        default=None,
        help="Dictionary folder (default: the bundled one, or $SPELLER_DICTIONARY).",
    ),
    click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files."),
    click.option(
        "--category",
        "-c",
        "categories",
        multiple=True,
        type=click.Choice(CATEGORY_NAMES),
        help="Report only these categories (repeatable). Default: "
        + ", ".join(c for c in CATEGORY_NAMES if c in DEFAULT_CATEGORIES)
        + ".",
    ),
    click.option(
        "--disable", multiple=True, type=click.Choice(CATEGORY_NAMES), help="Do not report this category (repeatable)."
    ),
    click.option(
        "--ignore-words-list",
        "-L",
        "words",
        multiple=True,
        metavar="WORDS",
        help="Accept these comma-separated words (never flagged), as the config's `words` do (repeatable).",
    ),
    click.option(
        "--markup",
        type=click.Choice(MARKUPS),
        default=None,
        help="Read every input as this (markdown, html: their markup is not checked) instead of by its suffix; "
        "for - (stdin), which is text otherwise.",
    ),
]


def _with_common(f):  # noqa: ANN001, ANN202 - decorator
    for option in reversed([*_common, _config_option]):
        f = option(f)
    return f


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="speller")
def main() -> None:
    """Find and fix spelling errors in Indonesian text.

    Exit codes: 0 clean, 1 issues found, 2 usage or input error, 130 stopped (Ctrl-C).
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_common
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="text: path:line:col: word -> best (others) [category confidence]; json: an array of issues; "
    "github: workflow annotations; sarif: a SARIF 2.1.0 log.",
)
@click.option(
    "--min-confidence",
    type=_Confidence(),
    default=None,
    help="Show the issues at least this sure (the share of such issues that were real errors) instead of those "
    "more likely real than not.  [default: min-confidence of the config, else those more likely real than not]",
)
@click.option(
    "--picky/--no-picky",
    default=None,
    help="Also show the typos the model flags that are less likely real than not (as notes), as LanguageTool's "
    "level=picky, whatever the config's min-confidence; --no-picky: not, whatever its picky. A --min-confidence "
    "wins.  [default: picky of the config, else not]",
)
def check(
    paths: tuple[str, ...],
    dictionary: str | None,
    encoding: str,
    categories: tuple[str, ...],
    disable: tuple[str, ...],
    words: tuple[str, ...],
    markup: str | None,
    config_file: str | None,
    fmt: str,
    min_confidence: float | None,
    picky: bool | None,
) -> None:
    """Report spelling issues in PATHS (files, folders, or - for stdin).

    Folders are walked for text, Markdown and HTML files. Markdown is checked without its code,
    URLs and HTML, and HTML between its tags. Each file uses the nearest .speller.toml or
    pyproject.toml [tool.speller] above it. Each issue shows its position, the word, the
    suggestions best first, its category and confidence. Exits 1 when something was found.
    """
    sys.exit(
        check_paths(
            paths, dictionary, encoding, categories, disable, config_file, fmt, min_confidence, words, picky, markup
        )
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_common
@click.option(
    "--min-confidence",
    type=_Confidence(),
    default=None,
    help=f"Apply only fixes at least this sure; with --interactive, ask about the issues at least this sure "
    f"instead of those more likely real than not.  [default: {FIX_CONFIDENCE}, or the config's min-confidence when "
    f"higher; with --interactive, what check shows: "
    f"min-confidence of the config, else those more likely real than not (and with its picky, the typos flagged "
    f"under that)]",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print a unified diff instead of writing the files; exit 1 when it shows changes.",
)
@click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Ask about each issue in turn (number: that suggestion, Enter: the first, n: skip, a: add the word "
    "to the word list, e: type the replacement, q: quit, writing what was decided). Not with --diff or -.",
)
def fix(
    paths: tuple[str, ...],
    dictionary: str | None,
    encoding: str,
    categories: tuple[str, ...],
    disable: tuple[str, ...],
    words: tuple[str, ...],
    markup: str | None,
    config_file: str | None,
    min_confidence: float | None,
    show_diff: bool,
    interactive: bool,
) -> None:
    """Fix confident issues in PATHS in place (- reads stdin and writes stdout).

    Files are replaced in one step with their encoding, line endings, mode, owner, links and
    all unflagged text kept. A read-only file, a file changed while it was checked, or an
    encoding that does not give back the file's bytes is an error (exit 2), the file untouched.
    Issues below --min-confidence are listed, not applied; then the exit code is 1, as it is
    when --diff shows a change.

    With --interactive each issue `check` shows is asked about, in file order, and each file
    is written once its issues are decided. Answers are read from stdin (the end of it
    quits); Ctrl-C stops without writing the file under review. Exit 1 when an issue was
    skipped or left unasked.
    """
    if not interactive:
        sys.exit(
            fix_paths(
                paths, dictionary, encoding, categories, disable, config_file, min_confidence, show_diff, words, markup
            )
        )
    configs = Configs(config_file, dictionary, categories, disable, min_confidence, words, markup=markup)
    if show_diff or "-" in paths:
        raise Failure("--interactive reads its answers from stdin: not with --diff, nor - as a path")
    sys.exit(_review_paths(paths, encoding, configs))


def _review_paths(paths: tuple[str, ...], encoding: str, configs: Configs) -> int:
    """`fix --interactive`: ask about each issue of PATHS, write each file's choices; returns the exit code."""
    from .checker import shows
    from .errors import InputError, OutputError
    from .review import ADD, QUIT, SKIP, Review
    from .textfile import rewrite, writable
    from .tokenize import fold

    if sys.stdin is None or sys.stdin.closed:
        raise Failure("standard input is closed: fix --interactive reads the answers there")
    errors: list[str] = []
    left = 0  # issues skipped, or never asked after a quit
    added: set[tuple[str, str]] = set()  # (where, word) added to a word list: not asked about again under that config
    stop = False
    for source, named in sources(paths, encoding, errors, configs):
        config = configs.for_file(source.file)
        speller = configs.speller_or_report(config, errors, everything=True)
        if speller is None:
            continue
        shown = configs.shown(config).min_confidence
        texts: list[str] = []
        issues: list[Issue] = []
        try:
            writable(source)  # before a question is asked: the answers would be lost
        except OutputError as e:
            report_error(errors, str(e))
            continue
        try:
            for piece in source.pieces():
                texts.append(piece.text)
                issues.extend(i for i in configs.check(speller, config, piece, source.file) if shows(i, shown))
        except InputError as e:
            report_unreadable(errors, e, named)
            continue
        review = Review("".join(texts))
        # the words `a` adds go to the list of the config nearest the file: they count where that config rules
        where = str(config.path) if config.path is not None else os.path.dirname(os.path.abspath(source.file))
        for n, issue in enumerate(sorted(issues, key=lambda i: i.start)):
            if (where, fold(issue.word)) in added or review.clashes(issue):
                continue
            action, replacement = _ask(source.name, source.path, review.text, issue, configs.fixed is None)
            if action == QUIT:
                left += len(issues) - n
                stop = True
                break
            if action == ADD:
                added.add((where, fold(issue.word)))
            elif action == SKIP or replacement is None or replacement == issue.word:
                left += 1
            else:
                review.take(issue, replacement)
        try:
            if review.chosen and rewrite(source, [(review.text, review.fixed())]):
                click.echo(f"{source.name}: fixed {len(review.chosen)}", err=True)
        except OutputError as e:
            report_error(errors, str(e))
        except OSError as e:
            report_error(errors, f"{source.name}: cannot write ({e.strerror or e})")
        if stop:
            break
    return EXIT_ERROR if errors else EXIT_FOUND if left else EXIT_CLEAN


def _ask(name: str, path: Path, text: str, issue: Issue, may_add: bool = True) -> tuple[str, str | None]:
    """Show one issue and read the writer's answer: (action, replacement for TAKE); the end of stdin is QUIT.

    `a` adds the word to the word list of the file's nearest config, as `speller add` does;
    when that fails (or not `may_add`: a run under --config, whose list is not that one) the reason is shown and
    the question asked again.
    """
    from .categories import shown
    from .errors import SpellerError
    from .review import ADD, EDIT, QUIT, TAKE, excerpt, read_answer
    from .workspace import add_words, word_problem

    line = excerpt(text, issue)
    click.echo()
    marked = line.text[: line.start] + click.style(line.text[line.start : line.end], bold=True) + line.text[line.end :]
    pad = "".join("\t" if c == "\t" else " " * _columns(c) for c in line.text[: line.start])
    click.echo(f"{name}:{issue.line}:{issue.column}: {issue.one_line} [{issue.category} {shown(issue.confidence):.2f}]")
    click.echo(f"    {marked}")
    click.echo(f"    {pad}{'^' * max(sum(map(_columns, line.text[line.start : line.end])), 1)}")
    count = len(issue.suggestions)
    if count:
        click.echo("   " + "".join(f" {k}) {s} " for k, s in enumerate(issue.one_line_suggestions, 1)).rstrip())
    else:
        click.echo("    (no suggestion)")
    numbers = f"1-{count}, Enter=1" if count > 1 else "1, Enter=1" if count else "Enter=skip"
    problem = word_problem(issue.word)  # `di perbolehkan` is no word to add: `a` is not offered
    question = f"[{numbers}] n skip, {'' if problem else 'a add, '}e edit, q quit? "
    while True:
        typed = _read_line(question)
        if typed is None:
            return QUIT, None
        answer = read_answer(typed, count)
        if answer is None:
            click.echo(_ANSWERS)
        elif answer.action == TAKE:
            return TAKE, issue.suggestions[answer.choice]
        elif answer.action == EDIT:
            typed = _read_line(f"replace {issue.word} with (empty: ask again): ")
            if typed is None:
                return QUIT, None
            if typed.strip():
                return TAKE, typed.strip()
        elif answer.action == ADD and problem:
            warn(f"cannot add {issue.word!r}: {problem}")
        elif answer.action == ADD and not may_add:  # the nearest config's list is not the one --config names
            warn("with --config, add the word to that config's `words` or word list yourself; not added")
        elif answer.action == ADD:
            try:
                added = add_words(path, [issue.word])
            except SpellerError as e:
                warn(str(e))
                continue
            click.echo(_added_line(added, [issue.word]))
            return ADD, None
        else:
            return answer.action, None  # SKIP or QUIT


#: Shown after an answer `fix --interactive` does not understand.
_ANSWERS = (
    "answer a suggestion's number, Enter (the first), n (skip), a (add the word to the word list), "
    "e (type the replacement) or q (quit, writing what was decided)"
)


def _columns(c: str) -> int:
    """Terminal columns a character takes: two for a wide one (CJK, most emoji), none for a combining mark or an
    invisible one (a soft hyphen), else one: the caret under an issue stands under it."""
    import unicodedata  # noqa: PLC0415 - only `fix -i` draws carets

    if unicodedata.combining(c) or unicodedata.category(c) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def _read_line(question: str) -> str | None:
    """Ask `question` and read one line of stdin (the keyboard, or what a script pipes in); None at its end."""
    click.echo(question, nl=False)
    typed = sys.stdin.readline()
    if not sys.stdin.isatty():
        click.echo(typed.rstrip("\r\n"))  # as a terminal would have shown it
    return typed.rstrip("\r\n") if typed else None


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--dictionary", "-d", type=click.Path(file_okay=False), default=None, help="Dictionary folder.")
@click.option("-n", "count", type=click.IntRange(1, 50), default=5, show_default=True, help="How many suggestions.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of stdin, for a WORD `-`.")
def suggest(words: tuple[str, ...], dictionary: str | None, count: int, encoding: str) -> None:
    """Print suggestions for each WORD: `word: best, next, ...` (`word: ok` when it is known).

    A WORD `-` reads words from stdin (separated by white space), as a pipe from another tool.
    The current folder's config applies: its accepted words are ok, its dictionary is used.
    """
    from .errors import SpellerError

    configs = Configs(None, dictionary, CATEGORY_NAMES, (), 0.0)
    speller = configs.speller(configs.for_file("-"))
    try:
        for word in _words_of(words, encoding):
            _print_suggestions(speller, word, count)
    except SpellerError as e:
        raise Failure(str(e)) from None


def _words_of(words: tuple[str, ...], encoding: str) -> Iterator[str]:
    """`words` in order, `-` replaced by the words of stdin in `encoding` (read in pieces, each cut at white space)."""
    for word in words:
        if word != "-":
            yield word
            continue
        from .textfile import Source  # noqa: PLC0415 - only a `-` reads stdin

        source = Source("-", encoding, digest=False)
        try:
            for piece in source.pieces():
                yield from piece.text.split()
        finally:
            source.close()


def _print_suggestions(speller: Speller, word: str, count: int) -> None:
    """One line of `suggest` for `word`."""
    from .tokenize import fold

    found = speller.suggest(word, count)
    if found:
        click.echo(f"{word}: {', '.join(found)}")
    elif speller.is_known(fold(word)):
        click.echo(f"{word}: ok")
    else:
        click.echo(f"{word}: (no suggestion)")


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--path",
    "start",
    type=click.Path(exists=True),
    default=".",
    show_default=True,
    help="File or folder whose nearest config gets the words.",
)
def add(words: tuple[str, ...], start: str) -> None:
    """Accept WORDS in this project: append them to its word list.

    The list is the first `word-lists` file of the nearest config; without one,
    .speller-words.txt is created and registered in the config (or in a new .speller.toml).
    The list is kept sorted, without duplicates.
    """
    from .errors import SpellerError
    from .workspace import add_words

    try:
        added = add_words(start, words)
    except SpellerError as e:
        raise Failure(str(e)) from None
    click.echo(_added_line(added, words))


def _added_line(added: Added, words: Sequence[str]) -> str:
    """What `speller add` says it did: the words added, and those the list held already."""
    listed = [w for w in dict.fromkeys(w.strip() for w in words) if w not in added.new]
    said = [f"{', '.join(added.new)} added"] if added.new else []
    said += [f"{', '.join(listed)} already listed"] if listed else []
    return f"{added.path}: {'; '.join(said)}"


@main.command()
@click.option("--stdio", is_flag=True, default=True, hidden=True, help="Talk over stdin/stdout (the only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server over stdin/stdout (for editors).

    Publishes diagnostics for opened documents and offers quick fixes and
    "Add to project dictionary" code actions. Needs nothing beyond the standard library.
    """
    from .lsp import serve

    serve()


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; the default takes requests from this machine only.",
)
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8081, show_default=True, help="Port to listen on.")
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes answering requests, each with the dictionary loaded once.",
)
@click.option(
    "--dictionary",
    "-d",
    type=click.Path(file_okay=False),
    default=None,
    help="Dictionary folder (default: the config's, the bundled one, or $SPELLER_DICTIONARY).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="Config file (.speller.toml or pyproject.toml) whose words, categories, min-confidence, picky and "
    "ignore-regex apply to every request (default: none; a request's level wins over picky).",
)
@click.option(
    "--api-key",
    envvar="SPELLER_API_KEY",
    default=None,
    help="Answer checks only with this key (LanguageTool's apiKey field or a Bearer header); "
    "also read from $SPELLER_API_KEY.",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    help="Let pages from this origin (e.g. https://cms.example.com) call the API (repeatable).",
)
@click.option(
    "--max-chars", type=click.IntRange(1), default=200_000, show_default=True, help="Refuse longer texts with 413."
)
def serve(
    host: str,
    port: int,
    workers: int,
    dictionary: str | None,
    config_file: str | None,
    api_key: str | None,
    cors_origins: tuple[str, ...],
    max_chars: int,
) -> None:
    """Serve LanguageTool's HTTP API (/v2/check), a JSON API (/api/check) and a page at /.

    Point the LanguageTool browser extension, LTeX or Obsidian at http://HOST:PORT, or open
    it in a browser to paste an article and fix it. Needs the server extra:
    pip install 'speller[server]'.
    """
    try:
        from .server import Settings
        from .server import serve as run_server
    except ImportError as e:
        raise Failure(f"the server needs starlette and uvicorn: pip install 'speller[server]' ({e})") from None
    from .errors import SpellerError

    try:
        settings = Settings(
            host=host,
            dictionary=dictionary,
            config=config_file,
            api_key=api_key or None,
            cors_origins=cors_origins,
            max_chars=max_chars,
        )
    except SpellerError as e:
        raise Failure(str(e)) from None
    if host not in ("127.0.0.1", "localhost", "::1") and not api_key:
        warn(f"listening on {host} without --api-key: anyone who can reach this machine can use the server")
    import signal

    from .shell import _term_as_interrupt

    # uvicorn takes both signals while it runs and raises them again once it has stopped: then they stop this command
    # as Ctrl-C does (exit 130), also where the shell that started it had Ctrl-C ignored (a background job)
    signal.signal(signal.SIGTERM, _term_as_interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run_server(settings, port=port, workers=workers)
    except SpellerError as e:
        raise Failure(str(e)) from None
    except SystemExit as e:  # uvicorn's own start-up failures (its message is above)
        if e.code not in (0, None):
            raise Failure("the server could not start") from None
    raise KeyboardInterrupt  # it serves until stopped: with workers, uvicorn's supervisor takes the signal and returns


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True, help="Folder to write into.")
@click.option(
    "--exclude",
    multiple=True,
    help="Skip files matching this name or glob, and the files of a folder it names (`drafts`, `drafts/**`, as a "
    "config's exclude), or this file or folder path (repeatable).",
)
@click.option("--roots", default=None, help="Root word list to merge in, or 'sastrawi' for the KBBI list in Sastrawi.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Processes, or LocalCluster workers with --engine dask (0: every core).",
)
@click.option(
    "--memory",
    default="1G",
    show_default=True,
    help="Memory cap of the build on this machine; counts beyond it spill to sorted runs on disk.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Count on this machine's cores, or on a Dask cluster.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler (tcp://host:8786) for --engine dask; without it a LocalCluster is started.",
)
@click.option(
    "--text-field",
    default="text",
    show_default=True,
    help="Field holding the text in JSON Lines sources (.jsonl, .ndjson; a.b for nested).",
)
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Keep finished counts here (default: a hidden folder in OUTPUT, removed after success).",
)
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True, help="Keep words seen this often.")
@click.option(
    "--min-sources", type=click.IntRange(1), default=2, show_default=True, help="Keep words seen in this many files."
)
@click.option(
    "--bigram-min-count", type=click.IntRange(1), default=2, show_default=True, help="Keep bigrams seen this often."
)
@click.option(
    "--max-words",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Keep at most this many words, the most frequent (0: no cap).",
)
@click.option(
    "--max-bigrams",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Keep at most this many bigrams, the most frequent (0: no cap).",
)
@click.option(
    "--english",
    is_flag=True,
    help="Also write english.txt, frequent English words from wordfreq (quoted English is not a typo), and "
    "wordfreq_id.tsv, the frequent Indonesian words of wordfreq the corpus lacks (a second witness).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(
    sources: tuple[str, ...],
    output: str,
    exclude: tuple[str, ...],
    roots: str | None,
    jobs: int,
    memory: str,
    engine: str,
    scheduler: str | None,
    text_field: str,
    work_dir: str | None,
    min_count: int,
    min_sources: int,
    bigram_min_count: int,
    max_words: int,
    max_bigrams: int,
    english: bool,
    quiet: bool,
) -> None:
    """Build dictionary files in OUTPUT from text files and folders in SOURCES.

    Reads .txt/.md and JSON Lines (.jsonl, .ndjson), plain or compressed (.gz, .bz2, .xz, .zst).
    Counts words and bigrams (never across a line break or punctuation) in bounded memory, keeps
    what passes the rules in speller/build.py and writes sorted words.tsv, bigrams.tsv, joins.tsv,
    deletes.tsv, name_shape.tsv, meta.json. A failed build keeps its finished work: run it again to resume.
    """
    from pathlib import Path

    from .build import BuildOptions, parse_size, sastrawi_roots_path, stopped_by_term
    from .build import build as run_build

    try:
        memory_bytes = parse_size(memory)
    except ValueError as e:
        raise Failure(f"--memory: {e}") from None
    if scheduler and engine != "dask":
        raise Failure("--scheduler needs --engine dask")
    roots_path: Path | None = None
    if roots == "sastrawi":
        try:
            roots_path = sastrawi_roots_path()
        except ImportError:
            raise Failure("--roots sastrawi needs the Sastrawi package: pip install 'speller[build]'") from None
    elif roots:
        roots_path = Path(roots)
    options = BuildOptions(
        min_count=min_count,
        min_sources=min_sources,
        bigram_min_count=bigram_min_count,
        max_words=max_words,
        max_bigrams=max_bigrams,
    )
    try:
        with stopped_by_term():  # SIGTERM (a CI job cancelled, `timeout`) at any stage: exit 130, finished work kept
            meta = run_build(
                [Path(s) for s in sources],
                Path(output),
                exclude=exclude,
                roots=roots_path,
                options=options,
                jobs=jobs,
                progress=not quiet,
                english=english,
                memory=memory_bytes,
                text_field=text_field,
                engine=engine,
                scheduler=scheduler,
                work_dir=Path(work_dir) if work_dir else None,
                warn=warn,
            )
    except ImportError as e:
        raise Failure(f"{e.name or e}: pip install 'speller[build]'") from None
    except OSError as e:  # the output or work folder (an input names itself: SourceError)
        raise Failure(f"{e.filename}: {e.strerror or e}" if e.filename else str(e)) from None
    except (ValueError, RuntimeError) as e:
        raise Failure(str(e)) from None
    click.echo(
        f"{output}: {meta['words']} words, {meta['bigrams']} bigrams from {meta['tokens']} tokens "
        f"in {len(meta['sources'])} files"
    )
