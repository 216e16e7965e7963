"""Project configuration: find it, parse it, and apply what it says about ignoring text.

A project is configured in `.speller.toml` (top-level keys) or in the `[tool.speller]` table
of `pyproject.toml`. The nearest file walking up from the checked file wins; in one folder
`.speller.toml` wins over `pyproject.toml`, and a `pyproject.toml` without `[tool.speller]`
is passed over. Keys (all optional):

    words = ["kata", ...]            # accepted words: never flagged, whatever a rule says of them
    word-lists = ["words.txt", ...]  # files of accepted words, one per line, relative to the config
    ignore-regex = ["...", ...]      # text matching one of these is not checked
    categories = ["typo", ...]       # categories reported (default: all but real_word)
    disable = ["spacing", ...]       # categories not reported
    min-confidence = 0.7             # show the issues at least this sure (default: those at least 0.5 sure)
    picky = true                     # show also the typos the model flags under 0.5 sure, as notes (default: false)
    include = ["docs/**/*.md"]       # globs relative to the config folder; only matching files are checked
    exclude = ["vendor/**"]          # globs relative to the config folder; matching files are skipped
    dictionary = "path/to/folder"    # dictionary folder, relative to the config

`picky` and `min-confidence` both choose which findings are shown (`Config.shown`): a number from
`min-confidence` wins over `picky`; the command line's `--min-confidence` and `--picky/--no-picky`, the
language server's editor settings (`minConfidence`, `picky`) and a LanguageTool request's `level` win over
both keys (see `Config.shown` for how).

In the text itself a line holding `speller: ignore` is not checked, and a line holding
`speller: ignore-next-line` makes the line after it unchecked.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable, Sequence

from .categories import CATEGORY_NAMES, DEFAULT_CATEGORIES, FIX_CONFIDENCE, MIN_CONFIDENCE
from .errors import ConfigError
from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path, PurePosixPath

    import regex

    from .checker import Issue

CONFIG_NAME = ".speller.toml"
PYPROJECT = "pyproject.toml"

#: Largest config file read (bytes); a bigger one is refused.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
#: Seconds one `ignore-regex` pattern (or glob) may run on one text before the check fails.
REGEX_TIMEOUT = 2.0

_KEYS = frozenset(
    {
        "words",
        "word-lists",
        "ignore-regex",
        "categories",
        "disable",
        "min-confidence",
        "picky",
        "include",
        "exclude",
        "dictionary",
    }
)
_IGNORE_LINE = r"speller:\s*ignore(?![\w])"
_IGNORE_NEXT = r"speller:\s*ignore-next-line(?![\w-])"


class Shown(NamedTuple):
    """Which findings a check shows, as `speller.checker.Speller` takes it: with `min_confidence` a number, every
    finding at least that sure; with None, those more likely real than not, and with `picky` also the typo and
    real-word findings the model flags under that (as notes)."""

    min_confidence: float | None = MIN_CONFIDENCE
    picky: bool = False


class Config(NamedTuple):
    """Settings of one project; `path` is the file they came from (None: defaults only).

    Paths (`word_lists`, `dictionary`) are absolute; globs stay relative to `root`.
    """

    path: Path | None = None
    words: tuple[str, ...] = ()
    word_lists: tuple[Path, ...] = ()
    ignore_regex: tuple[str, ...] = ()
    categories: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    #: `min-confidence`: show the issues at least this sure instead of those more likely real than not (None).
    min_confidence: float | None = None
    #: `picky`: with no `min_confidence`, show also the typo and real-word findings the model flags under 0.5 sure.
    picky: bool = False
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    dictionary: Path | None = None
    #: The words read from `word_lists` when the config was loaded.
    listed_words: frozenset[str] = frozenset()
    #: Things worth telling the user about this config (e.g. a word list outside the project).
    warnings: tuple[str, ...] = ()

    @property
    def patterns(self) -> tuple[regex.Pattern[str], ...]:
        """`ignore_regex` compiled (multi-line: `^` and `$` match at each line); compiled once per process."""
        return _ignore_patterns(self.ignore_regex)

    @property
    def root(self) -> Path | None:
        """The folder globs and relative paths are resolved against."""
        return self.path.parent if self.path else None

    def enabled(self, categories: Sequence[str] = (), disable: Sequence[str] = ()) -> frozenset[str]:
        """Reported categories. Arguments (from the command line) win: `categories` replaces both
        `categories` and `disable` of the config, `disable` replaces its `disable`."""
        if categories:
            return frozenset(categories) - frozenset(disable)
        return frozenset(self.categories or DEFAULT_CATEGORIES) - frozenset(disable or self.disable)

    def shown(self, min_confidence: float | None = None, picky: bool | None = None) -> Shown:
        """What a check with this config shows, `min_confidence` and `picky` given (from the command line, the
        editor's settings or a request; None: not given) winning over the config's keys.

        A confidence given wins over everything; then `picky` given true (every suspicion asked for, whatever the
        config's `min-confidence`); then the config's `min-confidence`; then `picky`, the one given (false) or else
        the config's. In each place a confidence wins over `picky`, as `Speller` takes them.
        """
        if min_confidence is not None:
            return Shown(min_confidence, False)
        if picky:
            return Shown(None, True)
        if self.min_confidence is not None:
            return Shown(self.min_confidence, False)
        return Shown(MIN_CONFIDENCE, self.picky if picky is None else picky)

    def fix_confidence(self, asked: float | None = None) -> float:
        """What `fix` applies: issues at least `asked` sure, or when none is asked FIX_CONFIDENCE, raised to the
        config's `min-confidence` when that is higher (a house that shows only what is 0.99 sure fixes only that)."""
        if asked is not None:
            return asked
        return max(FIX_CONFIDENCE, self.min_confidence or 0.0)

    def all_words(self) -> frozenset[str]:
        """`words` plus every word of every word list (as read at load time)."""
        return self.listed_words.union(self.words)

    def ignored_spans(self, text: str) -> list[tuple[int, int]]:
        """[start, end) spans of `text` not to check: ignore-regex matches and marked lines, in order.

        Raises ConfigError when a pattern runs longer than REGEX_TIMEOUT seconds on `text`.
        """
        spans: list[tuple[int, int]] = []
        for pattern in self.patterns:
            try:
                spans.extend(m.span() for m in pattern.finditer(text, timeout=REGEX_TIMEOUT) if m.end() > m.start())
            except TimeoutError:
                raise ConfigError(
                    f"{self.path}: ignore-regex {pattern.pattern!r} ran longer than {REGEX_TIMEOUT:g} s; simplify it"
                ) from None
        spans.extend(marked_lines(text))
        return sorted(spans)

    def filter_issues(self, text: str, issues: Iterable[Issue]) -> list[Issue]:
        """The issues that overlap no ignored span of `text` (in time linear in issues plus spans)."""
        issues = list(issues)
        if not issues:
            return issues
        spans = _merge(self.ignored_spans(text))
        if not spans:
            return issues
        starts = [s for s, _ in spans]
        kept = []
        for issue in issues:
            i = bisect.bisect_left(starts, issue.end) - 1  # the last span starting before the issue ends
            if i < 0 or spans[i][1] <= issue.start:
                kept.append(issue)
        return kept

    def is_included(self, path: Path | str) -> bool:
        """False when `path` is outside `include` or inside `exclude`: globs are read from the config's folder, or for
        a file outside it (a shared config named by `--config`) from the current folder (else from the top)."""
        if self.root is None or not (self.include or self.exclude):
            return True
        from pathlib import Path, PurePosixPath  # noqa: PLC0415 - only a config with globs asks

        whole = Path(os.path.abspath(path))
        for top in (self.root, os.getcwd()):
            if whole.is_relative_to(os.path.abspath(top)):
                rel = whole.relative_to(os.path.abspath(top))
                break
        else:
            rel = whole.relative_to(whole.anchor)
        posix = PurePosixPath(rel.as_posix())
        if any(glob_match(posix, g) for g in self.exclude):
            return False
        return not self.include or any(glob_match(posix, g) for g in self.include)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


_LINE = r"[^\r\n]*"


@functools.cache
def _marker_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """`_LINE`, `_IGNORE_LINE` and `_IGNORE_NEXT` compiled: only a text that holds `speller:` pays for them."""
    return re.compile(_LINE), re.compile(_IGNORE_LINE), re.compile(_IGNORE_NEXT)


def marked_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines holding a marker (`speller: ignore`, `speller: ignore-next-line`) and of
    the lines after `speller: ignore-next-line` (lines end at `\\n`, `\\r\\n` or a lone `\\r`)."""
    spans: list[tuple[int, int]] = []
    if "speller:" not in text:
        return spans
    line_pattern, ignore_line, ignore_next = _marker_patterns()
    skip_next = False
    pos = 0
    while pos <= len(text):
        m = line_pattern.match(text, pos)
        assert m is not None  # the pattern matches the empty string
        start, end = m.span()
        line = m.group()
        if skip_next or ("speller:" in line and ignore_line.search(line)):
            spans.append((start, end))
        skip_next = "speller:" in line and bool(ignore_next.search(line))
        pos = end + (2 if text.startswith("\r\n", end) else 1)
    return spans


@functools.lru_cache(maxsize=256)
def _ignore_patterns(ignore_regex: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The `ignore_regex` of a config compiled (see `Config.patterns`)."""
    return tuple(_compile_user_regex(p, "") for p in ignore_regex)


def _compile_user_regex(expr: str, where: str, flags: int | None = None) -> regex.Pattern[str]:
    """A pattern from a config, compiled by the `regex` module (which can stop a match after a time limit)."""
    import regex  # noqa: PLC0415

    try:
        return regex.compile(expr, regex.M if flags is None else flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as e:
        raise ConfigError(f"{where}ignore-regex {expr!r}: {e}") from None


def glob_match(path: PurePosixPath, pattern: str) -> bool:
    """Whether `path` or a folder above it matches the glob (`*`, `?`, `[...]`, `**` for any folders).

    A pattern without `/` matches a file or folder name at any depth, like .gitignore; one starting with `/` is
    matched from the top of `path`, as one with a `/` inside is.
    """
    compiled = _glob_regex(pattern)
    if compiled is None:
        return False
    parts = path.parts
    try:
        return any(compiled.fullmatch("/".join(parts[:n]), timeout=REGEX_TIMEOUT) for n in range(len(parts), 0, -1))
    except TimeoutError:
        raise ConfigError(f"glob {pattern!r} ran longer than {REGEX_TIMEOUT:g} s; simplify it") from None


@functools.lru_cache(maxsize=1024)
def _glob_regex(pattern: str) -> regex.Pattern[str] | None:
    """The compiled regex of a glob (None for an empty one); raises ConfigError for a bad one."""
    import regex  # noqa: PLC0415

    pattern = pattern.strip().removeprefix("./").rstrip("/")
    anchored = pattern.startswith("/")  # `/docs/vendor`: from the config's folder, as .gitignore reads it
    pattern = pattern.lstrip("/")
    if not pattern:
        return None
    source = _glob_source(pattern if "/" in pattern or anchored else "**/" + pattern)
    try:
        return regex.compile(source)
    except (regex.error, ValueError, OverflowError, RecursionError) as e:
        raise ConfigError(f"glob {pattern!r}: {e}") from None


def _glob_source(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                out.append(re.escape(c))
            else:
                inner = pattern[i + 1 : close].replace("\\", "\\\\")
                out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
                i = close
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


# -- finding and reading ---------------------------------------------------------------


def find_config(start: Path | str) -> Path | None:
    """The nearest config file at or above `start` (a file or a folder), or None.

    A `pyproject.toml` with no text that could name the `tool.speller` table (`_MAY_NAME_TABLE`, or an escape)
    is passed over unparsed; one that cannot be parsed and mentions `speller` raises ConfigError (its settings
    cannot be known).
    """
    found = _find_config(start)
    if found is None:
        return None
    from pathlib import Path  # noqa: PLC0415 - a check without a config asks `_find_config`

    return Path(found)


def _find_config(start: str | PathLike[str]) -> str | None:
    """`find_config` as a plain absolute name, without importing `pathlib`."""
    here = os.path.abspath(start)
    folder = here if os.path.isdir(here) else os.path.dirname(here)
    while True:
        candidate = os.path.join(folder, CONFIG_NAME)
        if os.path.lexists(candidate):  # a link to nothing, a folder or a pipe is an error, not a config passed over
            return candidate
        pyproject = os.path.join(folder, PYPROJECT)
        if os.path.isfile(pyproject) and _has_speller_table(pyproject):
            return pyproject
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


#: Text without which a TOML file cannot name the table `tool.speller` (but with an escape in a quoted key):
#: `tool.speller` as a table header or dotted key (quoted or not, spaced or not), a bare `[tool]` table, or an
#: inline table `tool = {...}`. A pyproject.toml that only names `speller` elsewhere (a project or dependency name)
#: is passed over without parsing it, or importing the TOML parser.
_MAY_NAME_TABLE = rb"""tool["']?\s*\.\s*["']?speller|^\s*\[\s*["']?tool["']?\s*\]|tool["']?\s*="""


def _has_speller_table(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(MAX_CONFIG_BYTES)
    except OSError:
        return False
    escaped = b"\\u" in head or b"\\U" in head
    if not escaped and (b"speller" not in head or not re.search(_MAY_NAME_TABLE, head, re.M)):
        return False  # no key can spell `tool.speller` without this text or an escape: no TOML to parse
    try:
        data = _read_toml(path)
    except ConfigError:
        if b"speller" in head:
            raise
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "speller" in tool


def _read_toml(path: str | PathLike[str]) -> dict:
    """A TOML file parsed (UTF-8, a BOM allowed); every problem is one ConfigError."""
    import tomllib  # here, not at the top: a run with no config file never pays for it  # noqa: PLC0415

    from .errors import InputError  # noqa: PLC0415
    from .textfile import read_regular  # noqa: PLC0415

    try:
        data = read_regular(path, MAX_CONFIG_BYTES)
    except InputError as e:
        raise ConfigError(str(e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not valid UTF-8 at byte {e.start}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML (nested too deeply)") from None


def load_config(path: Path | str, read_lists: bool = True) -> Config:
    """Read one config file (`.speller.toml`, or `pyproject.toml` with `[tool.speller]`); raises ConfigError.

    With `read_lists`, the word lists are read too (a missing one is an error). Word lists and
    dictionaries outside the config's folder are allowed but noted in `Config.warnings`.
    """
    from pathlib import Path  # noqa: PLC0415 - a check without a config reads none

    from .workspace import read_word_list  # noqa: PLC0415

    path = Path(os.path.abspath(path))
    data = _read_toml(path)
    where = f"{path}: "
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{where}tool must be a table")
        data = tool.get("speller", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{where}tool.speller must be a table")
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(_KEYS))})")
    root = path.parent
    ignore_regex = _strings(data, "ignore-regex", where)
    for expr in ignore_regex:
        _compile_user_regex(expr, where)
    categories = _categories(data, "categories", where) if "categories" in data else None
    min_confidence = _min_confidence(data.get("min-confidence"), where, "min-confidence")
    picky = _flag(data.get("picky"), where, "picky")
    dictionary = data.get("dictionary")
    if dictionary is not None and (not isinstance(dictionary, str) or "\0" in dictionary):
        raise ConfigError(f"{where}dictionary must be a string")
    include, exclude = _strings(data, "include", where), _strings(data, "exclude", where)
    for glob in include + exclude:
        try:
            compiled = _glob_regex(glob)
        except ConfigError as e:
            raise ConfigError(f"{where}{e}") from None
        if compiled is None:  # matches nothing: an `include` of it would check no file, and say nothing
            raise ConfigError(f"{where}empty glob {glob!r} in include or exclude")
    word_lists = tuple(root / p for p in _strings(data, "word-lists", where))
    warnings = tuple(
        f"{where}word list {p} is outside the project folder {root}" for p in word_lists if not _is_inside(p, root)
    )
    if dictionary and not _is_inside(root / dictionary, root):
        warnings += (f"{where}dictionary {root / dictionary} is outside the project folder {root}",)
    return Config(
        path=path,
        words=_strings(data, "words", where),
        word_lists=word_lists,
        listed_words=frozenset(w for p in word_lists for w in read_word_list(p)) if read_lists else frozenset(),
        ignore_regex=ignore_regex,
        categories=categories,
        disable=_categories(data, "disable", where),
        min_confidence=min_confidence,
        picky=bool(picky),
        include=include,
        exclude=exclude,
        dictionary=root / dictionary if dictionary else None,
        warnings=warnings,
    )


def _is_inside(path: Path, root: Path) -> bool:
    """Whether `path` (links followed) is inside the folder `root`."""
    from pathlib import Path  # noqa: PLC0415 - only a config's paths are asked

    real, top = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    return real == top or top in real.parents


def _min_confidence(value: object, where: str, name: str) -> float | None:
    """A `min-confidence` setting called `name` (None: not given); ConfigError unless a number from 0 to 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"{where}{name} must be a number from 0 to 1")
    return float(value)


def _flag(value: object, where: str, name: str) -> bool | None:
    """A true-or-false setting called `name` (None: not given); ConfigError unless a boolean."""
    if value is not None and not isinstance(value, bool):
        raise ConfigError(f"{where}{name} must be true or false")
    return value


#: Where the language server finds the editor's settings: this object of `initializationOptions` and of
#: `workspace/didChangeConfiguration`'s `settings`.
EDITOR_SECTION = "speller"


def editor_settings(section: object) -> tuple[float | None, bool | None]:
    """(min_confidence, picky) of the editor's `speller` settings, each None when not given (or null), as
    `Config.shown` takes them: `minConfidence` as the config's `min-confidence`, `picky` as its `picky`. Other keys
    are left alone (an editor may keep its own there); a bad value raises ConfigError."""
    where = "editor settings: "
    if not isinstance(section, dict):
        raise ConfigError(f"{where}{EDITOR_SECTION} must be an object")
    return (
        _min_confidence(section.get("minConfidence"), where, f"{EDITOR_SECTION}.minConfidence"),
        _flag(section.get("picky"), where, f"{EDITOR_SECTION}.picky"),
    )


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and "\0" not in v for v in value):
        raise ConfigError(f"{where}{key} must be a list of strings")
    return tuple(value)


def _categories(data: dict, key: str, where: str) -> tuple[str, ...]:
    names = _strings(data, key, where)
    bad = [n for n in names if n not in CATEGORY_NAMES]
    if bad:
        raise ConfigError(f"{where}{key}: unknown category {bad[0]!r} (known: {', '.join(CATEGORY_NAMES)})")
    return names


def config_for(start: Path | str) -> Config:
    """The config that applies to a file or folder: the nearest one, or the defaults."""
    found = find_config(start)
    return load_config(found) if found else Config()


class ConfigCache:
    """`config_for` remembered per folder and per config file, for checking many files."""

    def __init__(self, remember_missing: bool = True) -> None:
        """`remember_missing`: remember that a folder has no config, too (False for a long-running server, where
        one may be created any time: a lookup that finds none is a few `stat` calls)."""
        self._found: dict[str, str | None] = {}  # folder -> its config file, as absolute names
        self._loaded: dict[str, Config] = {}
        self._remember_missing = remember_missing

    def for_path(self, start: Path | str) -> Config:
        """The config that applies to a file or folder (read once per config file)."""
        here = os.path.abspath(start)
        folder = here if os.path.isdir(here) else os.path.dirname(here)
        found = self._found[folder] if folder in self._found else _find_config(folder)
        if found is None:
            if self._remember_missing:
                self._found[folder] = None
            return Config()
        self._found[folder] = found
        if found not in self._loaded:
            self._loaded[found] = load_config(found)
        return self._loaded[found]

    def loaded(self) -> list[Config]:
        """The configs read so far."""
        return list(self._loaded.values())

    def clear(self) -> None:
        """Forget everything read (after a config or word list changed)."""
        self._found.clear()
        self._loaded.clear()
