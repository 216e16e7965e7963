"""Project configuration: find it, read it, and apply what it says about ignoring text.

A project is configured in `.speller.toml` (top-level keys) or in the `[tool.speller]` table
of `pyproject.toml`. The nearest file walking up from the checked file wins; in one folder
`.speller.toml` wins over `pyproject.toml`, and a `pyproject.toml` without `[tool.speller]`
is passed over. Keys (all optional):

    words = ["kata", ...]            # extra accepted words
    word-lists = ["words.txt", ...]  # files of accepted words, one per line, relative to the config
    ignore-regex = ["...", ...]      # text matching one of these is not checked
    categories = ["typo", ...]       # categories reported (default: typo, nonstandard, spacing)
    disable = ["spacing", ...]       # categories not reported
    min-confidence = 0.5             # hide issues less sure than this
    include = ["docs/**/*.md"]       # globs relative to the config folder; only matching files are checked
    exclude = ["vendor/**"]          # globs relative to the config folder; matching files are skipped
    dictionary = "path/to/folder"    # dictionary folder, relative to the config

In the text itself a line holding `speller: ignore` is not checked, and a line holding
`speller: ignore-next-line` makes the line after it unchecked.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Iterable, Sequence

from .categories import CATEGORY_NAMES, DEFAULT_CATEGORIES, MIN_CONFIDENCE
from .errors import SpellerError

if TYPE_CHECKING:
    from .checker import Issue, Speller
    from .dictionary import Dictionary

CONFIG_NAME = ".speller.toml"
PYPROJECT = "pyproject.toml"
#: The word list `add_words` creates when the project has none.
DEFAULT_WORD_LIST = ".speller-words.txt"

_KEYS = frozenset({"words", "word-lists", "ignore-regex", "categories", "disable", "min-confidence",
                   "include", "exclude", "dictionary"})
_IGNORE_LINE = re.compile(r"speller:\s*ignore(?![\w])")
_IGNORE_NEXT = re.compile(r"speller:\s*ignore-next-line(?![\w-])")


class ConfigError(SpellerError):
    """A configuration file or word list is unreadable or holds a bad value."""


@dataclass(frozen=True)
class Config:
    """Settings of one project; `path` is the file they came from (None: defaults only).

    Paths (`word_lists`, `dictionary`) are absolute; globs stay relative to `root`.
    """

    path: Path | None = None
    words: tuple[str, ...] = ()
    word_lists: tuple[Path, ...] = ()
    ignore_regex: tuple[str, ...] = ()
    categories: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    min_confidence: float | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    dictionary: Path | None = None
    #: The words read from `word_lists` when the config was loaded.
    listed_words: frozenset[str] = frozenset()

    @cached_property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """`ignore_regex` compiled (multi-line: `^` and `$` match at each line)."""
        return tuple(re.compile(p, re.M) for p in self.ignore_regex)

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

    def all_words(self) -> frozenset[str]:
        """`words` plus every word of every word list (as read at load time)."""
        return self.listed_words.union(self.words)

    def ignored_spans(self, text: str) -> list[tuple[int, int]]:
        """[start, end) spans of `text` not to check: ignore-regex matches and marked lines, in order."""
        spans = [m.span() for p in self.patterns for m in p.finditer(text) if m.end() > m.start()]
        spans.extend(marked_lines(text))
        return sorted(spans)

    def filter_issues(self, text: str, issues: Iterable["Issue"]) -> list["Issue"]:
        """The issues that overlap no ignored span of `text`."""
        issues = list(issues)
        if not issues:
            return issues
        spans = self.ignored_spans(text)
        if not spans:
            return issues
        return [i for i in issues if not any(s < i.end and i.start < e for s, e in spans)]

    def is_included(self, path: Path | str) -> bool:
        """False when `path` is outside `include` or inside `exclude` (for files under the config folder)."""
        if self.root is None or not (self.include or self.exclude):
            return True
        try:
            rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(self.root)))
        except ValueError:
            return True
        posix = PurePosixPath(rel.as_posix())
        if any(glob_match(posix, g) for g in self.exclude):
            return False
        return not self.include or any(glob_match(posix, g) for g in self.include)


def marked_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines holding a marker (`speller: ignore`, `speller: ignore-next-line`) and of
    the lines after `speller: ignore-next-line`."""
    spans: list[tuple[int, int]] = []
    if "speller:" not in text:
        return spans
    skip_next = False
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if skip_next or _IGNORE_LINE.search(line):
            spans.append((start, end))
        skip_next = bool(_IGNORE_NEXT.search(line))
        start = end + 1
    return spans


def glob_match(path: PurePosixPath, pattern: str) -> bool:
    """Whether `path` or a folder above it matches the glob (`*`, `?`, `[...]`, `**` for any folders).

    A pattern without `/` matches a file or folder name at any depth, like .gitignore.
    """
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if not pattern:
        return False
    regex = _glob_regex(pattern if "/" in pattern else "**/" + pattern)
    parts = path.parts
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(len(parts), 0, -1))


def _glob_regex(pattern: str) -> re.Pattern[str]:
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
                inner = pattern[i + 1:close].replace("\\", "\\\\")
                out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
                i = close
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out))


# -- finding and reading ---------------------------------------------------------------


def find_config(start: Path | str) -> Path | None:
    """The nearest config file at or above `start` (a file or a folder), or None."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_speller_table(pyproject):
            return pyproject
    return None


def _has_speller_table(path: Path) -> bool:
    try:
        return "speller" in _read_toml(path).get("tool", {})
    except ConfigError:
        return False


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None


def load_config(path: Path | str, read_lists: bool = True) -> Config:
    """Read one config file (`.speller.toml`, or `pyproject.toml` with `[tool.speller]`); raises ConfigError.

    With `read_lists`, the word lists are read too (a missing one is an error).
    """
    path = Path(os.path.abspath(path))
    data = _read_toml(path)
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("speller", {})
    where = f"{path}: "
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(_KEYS))})")
    root = path.parent
    ignore_regex = _strings(data, "ignore-regex", where)
    for expr in ignore_regex:
        try:
            re.compile(expr)
        except re.error as e:
            raise ConfigError(f"{where}ignore-regex {expr!r}: {e}") from None
    categories = _categories(data, "categories", where) if "categories" in data else None
    min_confidence = data.get("min-confidence")
    if min_confidence is not None and (isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float))
                                       or not 0 <= min_confidence <= 1):
        raise ConfigError(f"{where}min-confidence must be a number from 0 to 1")
    dictionary = data.get("dictionary")
    if dictionary is not None and not isinstance(dictionary, str):
        raise ConfigError(f"{where}dictionary must be a string")
    word_lists = tuple(root / p for p in _strings(data, "word-lists", where))
    return Config(
        path=path,
        words=_strings(data, "words", where),
        word_lists=word_lists,
        listed_words=frozenset(w for p in word_lists for w in read_word_list(p)) if read_lists else frozenset(),
        ignore_regex=ignore_regex,
        categories=categories,
        disable=_categories(data, "disable", where),
        min_confidence=float(min_confidence) if min_confidence is not None else None,
        include=_strings(data, "include", where),
        exclude=_strings(data, "exclude", where),
        dictionary=root / dictionary if dictionary else None,
    )


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
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

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}
        self._loaded: dict[Path, Config] = {}

    def for_path(self, start: Path | str) -> Config:
        """The config that applies to a file or folder (read once per config file)."""
        here = Path(os.path.abspath(start))
        folder = here if here.is_dir() else here.parent
        if folder not in self._found:
            self._found[folder] = find_config(folder)
        found = self._found[folder]
        if found is None:
            return Config()
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


def read_word_list(path: Path) -> list[str]:
    """The words of a word list: one per line; blank lines and `#` comments skipped."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            return [w for w in (ln.strip() for ln in f) if w and not w.startswith("#")]
    except FileNotFoundError:
        raise ConfigError(f"{path}: word list not found") from None
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not valid UTF-8 at byte {e.start}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None


# -- adding words ----------------------------------------------------------------------


def add_words(start: Path | str, words: Iterable[str]) -> Path:
    """Add words to the project word list of the config nearest `start`; returns the list's path.

    The list is the first `word-lists` entry of that config. Without one, `.speller-words.txt`
    is created beside the config (or in `start` when there is no config, with a new
    `.speller.toml` naming it) and registered. The file is kept sorted, without duplicates, UTF-8.
    """
    found = find_config(start)
    if found is not None:
        config = load_config(found, read_lists=False)
        if config.word_lists:
            target = config.word_lists[0]
        else:
            target = found.parent / DEFAULT_WORD_LIST
            _register_word_list(found, DEFAULT_WORD_LIST)
    else:
        here = Path(os.path.abspath(start))
        folder = here if here.is_dir() else here.parent
        target = folder / DEFAULT_WORD_LIST
        _write_text(folder / CONFIG_NAME, f'word-lists = ["{DEFAULT_WORD_LIST}"]\n')
    existing = read_word_list(target) if target.exists() else []
    merged = sorted(set(existing) | {w.strip() for w in words if w.strip()}, key=lambda w: (w.casefold(), w))
    _write_text(target, "".join(w + "\n" for w in merged))
    return target


def _register_word_list(config_path: Path, name: str) -> None:
    """Add `word-lists = [name]` to a config file that has no word list."""
    text = config_path.read_text(encoding="utf-8")
    line = f'word-lists = ["{name}"]\n'
    if config_path.name == PYPROJECT:
        match = re.search(r"^\[tool\.speller\][ \t]*(?:#.*)?\n", text, re.M)
        if match is None:  # e.g. written as a dotted key or an inline table: do not guess
            raise ConfigError(f"{config_path}: add `{line.strip()}` to [tool.speller], then try again")
        text = text[:match.end()] + line + text[match.end():]
    else:
        text = line + text  # top-level keys must precede any table
    _write_text(config_path, text)


def _write_text(path: Path, text: str) -> None:
    try:
        tmp = path.with_name(f".{path.name}.speller-tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    except OSError as e:
        raise ConfigError(f"{path}: cannot write ({e.strerror or e})") from None


# -- checking with a config ---------------------------------------------------------------


def check_text(speller: "Speller", config: Config, text: str, name: Path | str | None = None,
               language_id: str | None = None) -> list["Issue"]:
    """Issues of `text` (masked as Markdown when its name or languageId says so) minus the ignored ones.

    Offsets, lines and columns of the issues are positions in `text` itself.
    """
    from .markup import mask_for

    return config.filter_issues(text, speller.check(mask_for(text, name, language_id)))


# -- spellers per config ---------------------------------------------------------------


class SpellerCache:
    """One loaded dictionary per folder and one Speller per distinct setting, shared by many files."""

    def __init__(self) -> None:
        self._dictionaries: dict[str | None, "Dictionary"] = {}
        self._spellers: dict[tuple, "Speller"] = {}

    def for_config(self, config: Config, *, dictionary: Path | str | None = None, categories: Sequence[str] = (),
                   disable: Sequence[str] = (), min_confidence: float | None = None) -> "Speller":
        """The Speller a config asks for; arguments given (from the command line) replace its keys."""
        if min_confidence is None:
            min_confidence = config.min_confidence if config.min_confidence is not None else MIN_CONFIDENCE
        return self.get(dictionary or config.dictionary, config.enabled(categories, disable), min_confidence,
                        config.all_words())

    def get(self, dictionary: Path | str | None, categories: Iterable[str], min_confidence: float,
            words: Iterable[str] = ()) -> "Speller":
        """The Speller for these settings, built on first use; raises SpellerError if the dictionary fails."""
        from .checker import Speller
        from .dictionary import Dictionary

        where = str(dictionary) if dictionary is not None else None
        key = (where, frozenset(categories), min_confidence, frozenset(words))
        speller = self._spellers.get(key)
        if speller is None:
            loaded = self._dictionaries.get(where)
            if loaded is None:
                loaded = self._dictionaries[where] = Dictionary(where)
            speller = self._spellers[key] = Speller(loaded, categories=key[1], min_confidence=min_confidence,
                                                    words=key[3])
        return speller

    def clear_spellers(self) -> None:
        """Forget the Spellers (after a word list changed); loaded dictionaries are kept."""
        self._spellers.clear()
