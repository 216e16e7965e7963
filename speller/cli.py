"""The `speller` command: a thin shell over the library.

Exit codes: 0 nothing found (or everything fixed), 1 issues found (or left unfixed),
2 usage error, unreadable input or dictionary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import click

from .categories import CATEGORY_NAMES

if TYPE_CHECKING:
    from .checker import Issue, Speller
    from .config import Config
    from .textfile import TextFile

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


class Failure(click.ClickException):
    """An error shown as one line on stderr with exit code 2."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"speller: error: {self.message}", err=True)


def _warn(message: str) -> None:
    click.echo(f"speller: warning: {message}", err=True)


def _load(dictionary: str | None, categories: tuple[str, ...], disable: tuple[str, ...], min_confidence: float) -> "Speller":
    from .checker import DEFAULT_CATEGORIES, Speller
    from .errors import SpellerError

    enabled = set(categories) if categories else set(DEFAULT_CATEGORIES)
    enabled -= set(disable)
    try:
        return Speller(dictionary, categories=enabled, min_confidence=min_confidence)
    except SpellerError as e:
        raise Failure(str(e)) from None


def _inputs(paths: tuple[str, ...], encoding: str, errors: list[str],
            configs: "_Configs | None" = None) -> Iterator["TextFile"]:
    """Decoded inputs; a problem with one is reported and counted, the others still run.

    Files outside the `include` or inside the `exclude` globs of their config are skipped unread.
    """
    from .errors import InputError
    from .textfile import TextFile, decode, looks_binary, read, walk

    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            try:
                if looks_binary(data):
                    raise InputError("<stdin>: binary input, not checked")
                text, bom = decode(data, "<stdin>", encoding)
            except InputError as e:
                errors.append(str(e))
                click.echo(f"speller: error: {e}", err=True)
                continue
            yield TextFile(Path("-"), text, encoding, bom)
            continue
        if not Path(raw).exists():
            errors.append(f"{raw}: no such file or folder")
            click.echo(f"speller: error: {raw}: no such file or folder", err=True)
            continue
        for path, named in walk([raw]):
            if configs is not None and not configs.for_file(path).is_included(path):
                continue
            try:
                yield read(path, encoding)
            except InputError as e:
                if not named and "binary" in str(e):
                    _warn(str(e))
                    continue
                errors.append(str(e))
                click.echo(f"speller: error: {e}", err=True)


def _display(path: Path) -> str:
    return "<stdin>" if str(path) == "-" else str(path)


class _Configs:
    """The config of each input (or the one named by --config) and a Speller per distinct setting."""

    def __init__(self, config_file: str | None, dictionary: str | None, categories: tuple[str, ...],
                 disable: tuple[str, ...], min_confidence: float | None) -> None:
        from .config import ConfigCache, SpellerCache, load_config
        from .errors import SpellerError

        self.cache = ConfigCache()
        self.spellers = SpellerCache()
        self.dictionary = dictionary
        self.categories = categories
        self.disable = disable
        self.min_confidence = min_confidence
        try:
            self.fixed = load_config(config_file) if config_file else None
        except SpellerError as e:
            raise Failure(str(e)) from None

    def for_file(self, path: Path) -> "Config":
        """The config of a file (of the current folder for stdin); a bad config is an error (exit 2)."""
        from .errors import SpellerError

        if self.fixed is not None:
            return self.fixed
        try:
            return self.cache.for_path(Path.cwd() if str(path) == "-" else path)
        except SpellerError as e:
            raise Failure(str(e)) from None

    def check(self, tf: "TextFile") -> tuple["Config", list["Issue"]]:
        """The file's config and issues: Markdown masked by suffix, ignore-regex and inline markers applied.

        The command-line options win over the config. A dictionary that fails to load, or fails
        when a lazily read file is first used, is an error (exit 2).
        """
        from .config import check_text
        from .errors import SpellerError

        config = self.for_file(tf.path)
        try:
            speller = self.spellers.for_config(config, dictionary=self.dictionary, categories=self.categories,
                                               disable=self.disable, min_confidence=self.min_confidence)
            return config, check_text(speller, config, tf.text, tf.path)
        except (SpellerError, ValueError) as e:
            raise Failure(str(e)) from None


_config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, exists=True), default=None,
    help="Use this config file (.speller.toml or pyproject.toml) instead of the nearest one.")

_common = [
    click.option("--dictionary", "-d", type=click.Path(file_okay=False), default=None,
                 help="Dictionary folder (default: the bundled one, or $SPELLER_DICTIONARY)."),
    click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the input files."),
    click.option("--category", "-c", "categories", multiple=True, type=click.Choice(CATEGORY_NAMES),
                 help="Report only these categories (repeatable). Default: typo, nonstandard, spacing."),
    click.option("--disable", multiple=True, type=click.Choice(CATEGORY_NAMES),
                 help="Do not report this category (repeatable)."),
]


def _with_common(f):  # noqa: ANN001, ANN202 - decorator
    for option in reversed([*_common, _config_option]):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="speller")
def main() -> None:
    """Find and fix spelling errors in Indonesian text.

    Exit codes: 0 clean, 1 issues found, 2 usage or input error.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_common
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "sarif"]), default="text",
              show_default=True,
              help="text: path:line:col: word -> best (others) [category confidence]; json: an array of issues; "
                   "github: workflow annotations; sarif: a SARIF 2.1.0 log.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Hide issues less sure than this.  [default: min-confidence of the config, else 0.5]")
def check(paths: tuple[str, ...], dictionary: str | None, encoding: str, categories: tuple[str, ...],
          disable: tuple[str, ...], config_file: str | None, fmt: str, min_confidence: float | None) -> None:
    """Report spelling issues in PATHS (files, folders, or - for stdin).

    Folders are walked for .txt and .md files. Markdown is checked without its code, URLs
    and HTML. Each file uses the nearest .speller.toml or pyproject.toml [tool.speller]
    above it. Each issue shows its position, the word, the suggestions best first, its
    category and confidence. Exits 1 when something was found.
    """
    from .output import format_github, format_text, json_row, sarif_log

    configs = _Configs(config_file, dictionary, categories, disable, min_confidence)
    errors: list[str] = []
    found: list[tuple[str, "Issue"]] = []
    for tf in _inputs(paths, encoding, errors, configs):
        name = _display(tf.path)
        for issue in configs.check(tf)[1]:
            found.append((name, issue))
            if fmt == "text":
                click.echo(format_text(name, issue))
            elif fmt == "github":
                click.echo(format_github(name, issue))
    if fmt == "json":
        click.echo(json.dumps([json_row(n, i) for n, i in found], ensure_ascii=False, indent=2))
    elif fmt == "sarif":
        from . import __version__

        click.echo(json.dumps(sarif_log(found, __version__), ensure_ascii=False, indent=2))
    sys.exit(EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_common
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="Apply only fixes at least this sure.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing the files.")
def fix(paths: tuple[str, ...], dictionary: str | None, encoding: str, categories: tuple[str, ...],
        disable: tuple[str, ...], config_file: str | None, min_confidence: float, show_diff: bool) -> None:
    """Fix confident issues in PATHS in place (- reads stdin and writes stdout).

    Files are rewritten atomically with their encoding, line endings and all unflagged text
    kept. Issues below --min-confidence are listed, not applied; then the exit code is 1.
    """
    import difflib

    from .checker import apply_fixes
    from .categories import MIN_CONFIDENCE
    from .output import format_text
    from .textfile import write

    configs = _Configs(config_file, dictionary, categories, disable, 0.0)
    errors: list[str] = []
    left = 0
    for tf in _inputs(paths, encoding, errors, configs):
        name = _display(tf.path)
        config, issues = configs.check(tf)
        shown = config.min_confidence if config.min_confidence is not None else MIN_CONFIDENCE
        sure = [i for i in issues if i.confidence >= min_confidence and i.suggestions]
        unsure = [i for i in issues if i not in sure and i.confidence >= shown]
        fixed = apply_fixes(tf.text, sure)
        if show_diff:
            diff = difflib.unified_diff(tf.text.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}")
            sys.stdout.write("".join(diff))
        elif str(tf.path) == "-":
            sys.stdout.write(fixed)
        elif fixed != tf.text:
            try:
                write(tf, fixed)
            except OSError as e:
                errors.append(str(e))
                click.echo(f"speller: error: {name}: cannot write ({e.strerror or e})", err=True)
                continue
            click.echo(f"{name}: fixed {len(sure)}", err=True)
        for issue in unsure:
            left += 1
            click.echo(format_text(name, issue), err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_FOUND if left else EXIT_CLEAN)


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--dictionary", "-d", type=click.Path(file_okay=False), default=None, help="Dictionary folder.")
@click.option("-n", "count", type=click.IntRange(1, 50), default=5, show_default=True, help="How many suggestions.")
def suggest(words: tuple[str, ...], dictionary: str | None, count: int) -> None:
    """Print suggestions for each WORD: `word: best, next, ...` (`word: ok` when it is known)."""
    speller = _load(dictionary, CATEGORY_NAMES, (), 0.0)
    for word in words:
        found = speller.suggest(word, count)
        if found:
            click.echo(f"{word}: {', '.join(found)}")
        elif speller.is_known(word.lower()):
            click.echo(f"{word}: ok")
        else:
            click.echo(f"{word}: (no suggestion)")


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--path", "start", type=click.Path(exists=True), default=".", show_default=True,
              help="File or folder whose nearest config gets the words.")
def add(words: tuple[str, ...], start: str) -> None:
    """Accept WORDS in this project: append them to its word list.

    The list is the first `word-lists` file of the nearest config; without one,
    .speller-words.txt is created and registered in the config (or in a new .speller.toml).
    The list is kept sorted, without duplicates.
    """
    from .config import add_words
    from .errors import SpellerError

    try:
        target = add_words(Path(start), words)
    except SpellerError as e:
        raise Failure(str(e)) from None
    click.echo(f"{target}: {', '.join(words)} added")


@main.command()
@click.option("--stdio", is_flag=True, default=True, hidden=True, help="Talk over stdin/stdout (the only transport).")
def lsp(stdio: bool) -> None:
    """Run the language server over stdin/stdout (for editors).

    Publishes diagnostics for opened documents and offers quick fixes and
    "Add to project dictionary" code actions. Needs pygls: pip install 'speller[lsp]'.
    """
    try:
        from .lsp import serve
    except ImportError as e:
        raise Failure(f"the language server needs pygls and lsprotocol: pip install 'speller[lsp]' ({e})") from None
    serve()


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True, help="Folder to write into.")
@click.option("--exclude", multiple=True, help="Skip files matching this name or glob (repeatable).")
@click.option("--roots", default=None, help="Root word list to merge in, or 'sastrawi' for the KBBI list in Sastrawi.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default=True,
              help="Processes, or LocalCluster workers with --engine dask (0: every core).")
@click.option("--memory", default="1G", show_default=True,
              help="Memory cap of the build on this machine; counts beyond it spill to sorted runs on disk.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Count on this machine's cores, or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786) for --engine dask; without it a LocalCluster is started.")
@click.option("--text-field", default="text", show_default=True,
              help="Field holding the text in JSON Lines sources (.jsonl, .ndjson; a.b for nested).")
@click.option("--work-dir", type=click.Path(file_okay=False), default=None,
              help="Keep finished counts here (default: a hidden folder in OUTPUT, removed after success).")
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True, help="Keep words seen this often.")
@click.option("--min-sources", type=click.IntRange(1), default=2, show_default=True,
              help="Keep words seen in this many files.")
@click.option("--bigram-min-count", type=click.IntRange(1), default=2, show_default=True,
              help="Keep bigrams seen this often.")
@click.option("--max-words", type=click.IntRange(0), default=0, show_default=True,
              help="Keep at most this many words, the most frequent (0: no cap).")
@click.option("--max-bigrams", type=click.IntRange(0), default=0, show_default=True,
              help="Keep at most this many bigrams, the most frequent (0: no cap).")
@click.option("--english", is_flag=True,
              help="Also write english.txt, frequent English words from wordfreq (quoted English is not a typo).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(sources: tuple[str, ...], output: str, exclude: tuple[str, ...], roots: str | None, jobs: int,
          memory: str, engine: str, scheduler: str | None, text_field: str, work_dir: str | None,
          min_count: int, min_sources: int, bigram_min_count: int, max_words: int, max_bigrams: int,
          english: bool, quiet: bool) -> None:
    """Build dictionary files in OUTPUT from text files and folders in SOURCES.

    Reads .txt/.md and JSON Lines (.jsonl, .ndjson), plain or compressed (.gz, .bz2, .xz, .zst).
    Counts words and bigrams (never across a line break or punctuation) in bounded memory, keeps
    what passes the rules in speller/build.py and writes sorted words.tsv, bigrams.tsv, joins.tsv,
    deletes.tsv, meta.json. A failed build keeps its finished work: run it again to resume.
    """
    from .build import BuildOptions, build as run_build, parse_size, sastrawi_roots_path

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
    options = BuildOptions(min_count=min_count, min_sources=min_sources, bigram_min_count=bigram_min_count,
                           max_words=max_words, max_bigrams=max_bigrams)
    try:
        meta = run_build([Path(s) for s in sources], Path(output), exclude=exclude, roots=roots_path,
                         options=options, jobs=jobs, progress=not quiet, english=english, memory=memory_bytes,
                         text_field=text_field, engine=engine, scheduler=scheduler,
                         work_dir=Path(work_dir) if work_dir else None)
    except ImportError as e:
        raise Failure(f"{e.name or e}: pip install 'speller[build]'") from None
    except (OSError, ValueError, RuntimeError) as e:
        raise Failure(str(e)) from None
    click.echo(f"{output}: {meta['words']} words, {meta['bigrams']} bigrams from {meta['tokens']} tokens "
               f"in {len(meta['sources'])} files")


if __name__ == "__main__":
    main()
