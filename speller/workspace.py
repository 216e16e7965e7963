"""What the CLI and the language server share about a project: its Spellers, checking a text
with its config, and its word lists (reading them, and adding words to them).

`speller add` and the language server's "add to dictionary" write only inside a project's
root folder: a cloned repository's config cannot make them write anywhere else.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

from .config import CONFIG_NAME, PYPROJECT, Config, find_config, load_config
from .errors import ConfigError, InputError
from .records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from .checker import Issue, Speller
    from .dictionary import Dictionary

#: The word list `add_words` creates when the project has none.
DEFAULT_WORD_LIST = ".speller-words.txt"
#: Largest word list read (bytes); a bigger file is refused, not read.
MAX_WORD_LIST_BYTES = 16 * 1024 * 1024


# -- word lists ------------------------------------------------------------------------


def read_word_list(path: Path | str, error: type[Exception] = ConfigError) -> list[str]:
    """The words of a one-word-per-line file: blank lines and `#` comments skipped (a whole line, or the rest of a
    line after whitespace: `Jokowi  # presiden`), BOM stripped.

    Special files (devices, pipes) and files over MAX_WORD_LIST_BYTES are refused; every
    problem raises `error` (ConfigError by default) with a one-line message naming the file.
    """
    from .textfile import read_regular  # noqa: PLC0415

    try:
        data = read_regular(path, MAX_WORD_LIST_BYTES)
    except InputError as e:
        message = str(e).replace(": no such file", ": word list not found")
        raise error(message) from None
    try:  # as `data.decode("utf-8-sig")`, without importing that codec at every start
        text = data[3:].decode("utf-8") if data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{path}: not valid UTF-8 at byte {e.start}") from None
    body: str | None = text
    while body and body.startswith("#"):  # a header of comment lines
        head, _, body = body.partition("\n")
        if len(head.splitlines()) > 1:  # another line break inside: leave it to the general case
            body = None
    if body is not None and body.isascii() and not any(ch in body for ch in "# \t\x1f"):
        return body.split()  # only words and line breaks left: the same words, at C speed
    if body is not None and "#" not in body:  # no comment below the header: only blank lines to drop, in C
        return list(filter(None, map(str.strip, body.splitlines())))
    return [w for w in map(_word_of, text.splitlines()) if w and w[0] != "#"]


def _word_of(line: str) -> str:
    """The word a line of a word list holds (or a whole-line comment, or nothing), its inline comment cut off."""
    return _INLINE_COMMENT.sub("", line).strip()


#: A comment after a word: whitespace, `#`, and the rest of the line (a word holds no whitespace: `valid_word`).
_INLINE_COMMENT = re.compile(r"\s#.*")


#: Invisible characters a word may hold (soft hyphen, zero-width non-joiner and joiner).
_INVISIBLE_OK = frozenset("\u00ad\u200c\u200d")


def valid_word(word: str) -> bool:
    """Whether `word` can be one line of a word list: non-empty, not a `#` comment, and without
    whitespace, control or other invisible format characters."""
    if not word or word.startswith("#"):
        return False
    import unicodedata  # noqa: PLC0415 - only words added are asked, not a check's

    return not any(
        ch.isspace() or (unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _INVISIBLE_OK)
        for ch in word
    )


def project_root(start: Path | str) -> Path:
    """The folder `add_words` may write in: the config's folder found from `start`, else `start`'s folder."""
    found = find_config(start)
    if found is not None:
        return found.parent
    from pathlib import Path  # noqa: PLC0415 - only commands that write word lists ask

    here = Path(os.path.abspath(start))
    return here if here.is_dir() else here.parent


class Added(NamedTuple):
    """What `add_words` did: the word list it wrote to, and the words it added (the others were listed already)."""

    path: Path
    new: tuple[str, ...]


def add_words(start: Path | str, words: Iterable[str], *, root: Path | None = None) -> Added:
    """Add words to the project word list of the config nearest `start`; returns the list's path and the words that
    were not listed yet.

    The list is the first `word-lists` entry of that config. Without one, `.speller-words.txt`
    is created beside the config (or in `start` when there is no config, with a new
    `.speller.toml` naming it) and registered. Comments and blank lines of the list are kept;
    its last run of words gets the new ones, sorted and without duplicates. Nothing is written
    outside `root` (default: `project_root(start)`), and words holding whitespace or control
    characters are refused: both raise ConfigError before anything is written.
    """
    new = [w.strip() for w in words]
    bad = next((w for w in new if not valid_word(w)), None)
    if bad is not None:
        raise ConfigError(f"cannot add {bad!r}: a word must be non-empty, without spaces or control characters")
    from pathlib import Path  # noqa: PLC0415 - only commands that write word lists ask

    limit = Path(os.path.realpath(root if root is not None else project_root(start)))
    found = find_config(start)
    if found is not None:
        _inside(found, limit)
        config = load_config(found, read_lists=False)
        if config.word_lists:
            target = config.word_lists[0]
            _inside(target, limit)
        else:
            target = found.parent / DEFAULT_WORD_LIST
            _inside(target, limit)
            _register_word_list(found, DEFAULT_WORD_LIST)
    else:
        here = Path(os.path.abspath(start))
        folder = here if here.is_dir() else here.parent
        target = folder / DEFAULT_WORD_LIST
        _inside(target, limit)
        _inside(folder / CONFIG_NAME, limit)
        _write_text(folder / CONFIG_NAME, f'word-lists = ["{DEFAULT_WORD_LIST}"]\n')
    return Added(target, _merge_into(target, new))


def _inside(path: Path, root: Path) -> None:
    """Raise ConfigError unless `path` (links followed) is inside `root`."""
    from pathlib import Path  # noqa: PLC0415 - only commands that write word lists ask

    real = Path(os.path.realpath(path))
    if real != root and root not in real.parents:
        raise ConfigError(f"{path}: outside the project folder {root}; not written")


def _merge_into(target: Path, words: list[str]) -> tuple[str, ...]:
    """Write `words` into the list at `target`, keeping its comments, blank lines and BOM; returns those that were
    not listed yet, in their order, once each (nothing is written when there is none)."""
    from .textfile import read_regular  # noqa: PLC0415

    lines: list[str] = []
    bom = ""
    if os.path.lexists(target):
        try:
            data = read_regular(target, MAX_WORD_LIST_BYTES)
            text = data.decode("utf-8")
        except InputError as e:
            raise ConfigError(str(e)) from None
        except UnicodeDecodeError as e:
            raise ConfigError(f"{target}: not valid UTF-8 at byte {e.start}") from None
        if text.startswith("\ufeff"):
            bom, text = "\ufeff", text[1:]
        lines = text.splitlines()
    known = {_word_of(ln) for ln in lines}
    tail = len(lines)  # the last run of word lines starts here
    while tail > 0 and lines[tail - 1].strip() and not lines[tail - 1].lstrip().startswith("#"):
        tail -= 1
    new = tuple(dict.fromkeys(w for w in words if w not in known))
    if not new and os.path.lexists(target):
        return new
    merged = sorted({ln.strip() for ln in lines[tail:]} | set(new), key=lambda ln: (_word_of(ln).casefold(), ln))
    _write_text(target, bom + "".join(ln + "\n" for ln in lines[:tail] + merged))
    return new


def _register_word_list(config_path: Path, name: str) -> None:
    """Add `word-lists = [name]` to a config file that has no word list."""
    from .textfile import read_regular  # noqa: PLC0415

    try:
        text = read_regular(config_path, MAX_WORD_LIST_BYTES).decode("utf-8-sig")
    except (InputError, UnicodeDecodeError) as e:
        raise ConfigError(f"{config_path}: cannot read ({e})") from None
    line = f'word-lists = ["{name}"]\n'
    if config_path.name == PYPROJECT:
        match = re.search(r"^\[tool\.speller\][ \t]*(?:#.*)?\n", text, re.M)
        if match is None:  # e.g. written as a dotted key or an inline table: do not guess
            raise ConfigError(f"{config_path}: add `{line.strip()}` to [tool.speller], then try again")
        text = text[: match.end()] + line + text[match.end() :]
    else:
        text = line + text  # top-level keys must precede any table
    _write_text(config_path, text)


def _write_text(path: Path, text: str) -> None:
    """Atomically replace `path` (through a symlink, to its target) with `text` in UTF-8, keeping its mode; a new
    file gets the mode the umask leaves of 0666, as any editor would make it (a temporary file's 0600 would keep a
    project's config from colleagues and CI)."""
    import tempfile  # noqa: PLC0415 - only commands that write files pay for it
    from pathlib import Path  # noqa: PLC0415

    real = Path(os.path.realpath(path))
    try:
        mode = os.stat(real).st_mode & 0o7777 if real.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=".speller-", suffix=".tmp", dir=real.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(text.encode("utf-8"))
            os.chmod(tmp, mode)
            os.replace(tmp, real)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError as e:
        raise ConfigError(f"{path}: cannot write ({e.strerror or e})") from None


def _umask() -> int:
    """The process's umask: from /proc where the system has it, else read by setting it and putting it back at once
    (a moment in which another thread's new file would get 022)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# -- checking with a config ---------------------------------------------------------------


def check_text(
    speller: Speller, config: Config, text: str, name: Path | str | None = None, language_id: str | None = None
) -> list[Issue]:
    """Issues of `text` (read as Markdown or HTML when its name or languageId says so) minus the ignored ones.

    Offsets, lines and columns of the issues are positions in `text` itself.
    """
    from .markup import markup_of  # noqa: PLC0415

    return config.filter_issues(text, speller.check(text, markup_of(name, language_id)))


# -- spellers per config ---------------------------------------------------------------


class SpellerCache:
    """One loaded dictionary per folder and one Speller per distinct setting, shared by many files."""

    def __init__(self) -> None:
        self._dictionaries: dict[str | None, Dictionary] = {}
        self._spellers: dict[tuple, Speller] = {}

    def for_config(
        self,
        config: Config,
        *,
        dictionary: Path | str | None = None,
        categories: Sequence[str] = (),
        disable: Sequence[str] = (),
        min_confidence: float | None = None,
        words: Sequence[str] = (),
        picky: bool | None = None,
        everything: bool = False,
    ) -> Speller:
        """The Speller a config asks for; arguments given (from the command line or the editor) replace its keys
        (`min_confidence` and `picky` as `Config.shown` combines them), and `words` are accepted besides the config's.
        With `everything`, it finds every issue (`min_confidence` 0), each `flagged` as this setting shows it."""
        shown = config.shown(min_confidence, picky)
        return self.get(
            dictionary or config.dictionary,
            config.enabled(categories, disable),
            0.0 if everything else shown.min_confidence,
            [*config.all_words(), *words],
            shown.picky,
        )

    def get(
        self,
        dictionary: Path | str | None,
        categories: Iterable[str],
        min_confidence: float | None,
        words: Iterable[str] = (),
        picky: bool = False,
    ) -> Speller:
        """The Speller for these settings, built on first use; raises SpellerError if the dictionary fails."""
        from .checker import Speller  # noqa: PLC0415
        from .dictionary import Dictionary  # noqa: PLC0415

        where = str(dictionary) if dictionary is not None else None
        key = (where, frozenset(categories), min_confidence, frozenset(words), picky)
        speller = self._spellers.get(key)
        if speller is None:
            loaded = self._dictionaries.get(where)
            if loaded is None:
                loaded = self._dictionaries[where] = Dictionary(where)
            speller = self._spellers[key] = Speller(
                loaded, categories=key[1], min_confidence=min_confidence, words=key[3], picky=picky
            )
        return speller

    def clear_spellers(self) -> None:
        """Forget the Spellers (after a word list changed); loaded dictionaries are kept."""
        self._spellers.clear()
