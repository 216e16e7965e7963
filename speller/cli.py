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

if TYPE_CHECKING:
    from .checker import Issue, Speller
    from .textfile import TextFile

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
CATEGORY_NAMES = ("typo", "nonstandard", "spacing", "real_word")


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


def _inputs(paths: tuple[str, ...], encoding: str, errors: list[str]) -> Iterator["TextFile"]:
    """Decoded inputs; a problem with one is reported and counted, the others still run."""
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


def _format_text(path: str, issue: "Issue") -> str:
    if issue.suggestions:
        rest = f" ({', '.join(issue.suggestions[1:])})" if len(issue.suggestions) > 1 else ""
        fix = f" -> {issue.suggestions[0]}{rest}"
    else:
        fix = " (no suggestion)"
    return f"{path}:{issue.line}:{issue.column}: {issue.word}{fix} [{issue.category} {issue.confidence:.2f}]"


def _json_row(path: str, issue: "Issue") -> dict:
    return {
        "path": path,
        "line": issue.line,
        "col": issue.column,
        "start": issue.start,
        "end": issue.end,
        "word": issue.word,
        "suggestions": list(issue.suggestions),
        "category": issue.category,
        "confidence": round(issue.confidence, 3),
    }


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
    for option in reversed(_common):
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
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: path:line:col: word -> best (others) [category confidence]; json: an array of issues.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Hide issues less sure than this.")
def check(paths: tuple[str, ...], dictionary: str | None, encoding: str, categories: tuple[str, ...],
          disable: tuple[str, ...], fmt: str, min_confidence: float) -> None:
    """Report spelling issues in PATHS (files, folders, or - for stdin).

    Folders are walked for .txt and .md files. Each issue shows its position, the word, the
    suggestions best first, its category and confidence. Exits 1 when something was found.
    """
    speller = _load(dictionary, categories, disable, min_confidence)
    errors: list[str] = []
    rows: list[dict] = []
    found = 0
    for tf in _inputs(paths, encoding, errors):
        name = _display(tf.path)
        for issue in speller.check(tf.text):
            found += 1
            if fmt == "json":
                rows.append(_json_row(name, issue))
            else:
                click.echo(_format_text(name, issue))
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    sys.exit(EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_with_common
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="Apply only fixes at least this sure.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff instead of writing the files.")
def fix(paths: tuple[str, ...], dictionary: str | None, encoding: str, categories: tuple[str, ...],
        disable: tuple[str, ...], min_confidence: float, show_diff: bool) -> None:
    """Fix confident issues in PATHS in place (- reads stdin and writes stdout).

    Files are rewritten atomically with their encoding, line endings and all unflagged text
    kept. Issues below --min-confidence are listed, not applied; then the exit code is 1.
    """
    import difflib

    from .checker import apply_fixes
    from .textfile import write

    speller = _load(dictionary, categories, disable, 0.0)
    errors: list[str] = []
    left = 0
    for tf in _inputs(paths, encoding, errors):
        name = _display(tf.path)
        issues = speller.check(tf.text)
        sure = [i for i in issues if i.confidence >= min_confidence and i.suggestions]
        unsure = [i for i in issues if i not in sure and i.confidence >= 0.5]
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
            click.echo(_format_text(name, issue), err=True)
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
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), required=True, help="Folder to write into.")
@click.option("--exclude", multiple=True, help="Skip files matching this name or glob (repeatable).")
@click.option("--roots", default=None, help="Root word list to merge in, or 'sastrawi' for the KBBI list in Sastrawi.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=0, show_default=True, help="Processes (0: every core).")
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True, help="Keep words seen this often.")
@click.option("--min-sources", type=click.IntRange(1), default=2, show_default=True,
              help="Keep words seen in this many files.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(sources: tuple[str, ...], output: str, exclude: tuple[str, ...], roots: str | None, jobs: int,
          min_count: int, min_sources: int, quiet: bool) -> None:
    """Build dictionary files in OUTPUT from text files and folders in SOURCES.

    Counts words and bigrams (never across a line break or punctuation), keeps what passes the
    rules in speller/build.py and writes sorted words.tsv, bigrams.tsv, deletes.tsv, meta.json.
    """
    from .build import BuildOptions, build as run_build, sastrawi_roots_path

    roots_path: Path | None = None
    if roots == "sastrawi":
        try:
            roots_path = sastrawi_roots_path()
        except ImportError:
            raise Failure("--roots sastrawi needs the Sastrawi package: pip install 'speller[build]'") from None
    elif roots:
        roots_path = Path(roots)
    try:
        well_formed = _well_formed(roots_path)
        meta = run_build([Path(s) for s in sources], Path(output), exclude=exclude, roots=roots_path,
                         options=BuildOptions(min_count=min_count, min_sources=min_sources), jobs=jobs,
                         progress=not quiet, well_formed=well_formed)
    except (OSError, ValueError) as e:
        raise Failure(str(e)) from None
    click.echo(f"{output}: {meta['words']} words, {meta['bigrams']} bigrams from {meta['tokens']} tokens "
               f"in {len(meta['sources'])} files")


def _well_formed(roots_path: Path | None):  # noqa: ANN202
    """The morphology's validity test over a root list, to keep real derivations out of the typo filter."""
    if roots_path is None:
        return None
    from .build import read_roots
    from .morphology import Morphology

    roots = read_roots(roots_path)
    return Morphology(roots.__contains__).is_valid


if __name__ == "__main__":
    main()
