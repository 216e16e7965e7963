"""What the CLI and the language server share about a project: its Spellers, checking a text
with its config, and its word lists (reading them, and adding words to them).

`speller add` and the language server's "add to dictionary" write only inside a project's
root folder: a cloned repository's config cannot make them write anywhere else.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from contextlib import nullcontext

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


#: A comment after a word: whitespace, `#`, and the rest of the line (a word holds no whitespace: `word_problem`).
_INLINE_COMMENT = re.compile(r"\s#.*")


#: Invisible characters a word may hold (soft hyphen, zero-width non-joiner and joiner).
_INVISIBLE_OK = frozenset("\u00ad\u200c\u200d")


def word_problem(word: str) -> str | None:
    """Why `word` cannot be added to a word list, or None when it can: it must be non-empty, not a `#` comment, hold
    no whitespace, control or other invisible format characters, and be one word as the checker reads text (not
    `praktek.` or `angksa,Jakrta`, which it reads as `praktek`, and as two words)."""
    if not word or word.startswith("#"):
        return "a word must be non-empty and not start with #"
    import unicodedata  # noqa: PLC0415 - only words added are asked, not a check's

    if any(
        ch.isspace() or (unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch not in _INVISIBLE_OK)
        for ch in word
    ):
        return "a word must be without spaces or control characters"
    from .tokenize import tokenize  # noqa: PLC0415

    read = [t.text for t in tokenize(word)]
    if read == [word]:
        return None
    if len(read) == 1:
        return f"the checker reads it as {read[0]!r}; add that"
    return f"the checker reads it as {len(read)} words ({', '.join(read)}); add each" if read else "it holds no word"


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
    `.speller.toml` naming it) and registered. Comments, blank lines, BOM and line endings of the
    list are kept; its last run of words gets the new ones, sorted and without duplicates. Nothing
    is written outside `root` (default: `project_root(start)`), nor when a word cannot be added
    (`word_problem`), the list or the config cannot be read, or the list is read-only: each raises
    ConfigError before anything is written. Adds to one folder's list are made one at a time.
    """
    new = [w.strip() for w in words]
    for word in new:
        problem = word_problem(word)
        if problem is not None:
            raise ConfigError(f"cannot add {word!r}: {problem}")
    from pathlib import Path  # noqa: PLC0415 - only commands that write word lists ask

    from .textfile import folder_lock  # noqa: PLC0415

    limit = Path(os.path.realpath(root if root is not None else project_root(start)))
    here = Path(os.path.abspath(start))
    found = find_config(start)
    folder = found.parent if found is not None else here if here.is_dir() else here.parent
    # the config is read under the lock too: two adds that both found no list must not both register one (a
    # duplicate `word-lists` key, and every later check refused)
    with folder_lock(folder):  # adds at once (a command's and an editor's) each keep the other's word
        target, register = _destination(start, here, limit)
        same = os.path.realpath(target.parent) == os.path.realpath(folder)
        with nullcontext() if same else folder_lock(target.parent):
            listed = _WordList.read(target)  # every read and check before the first write
            added = listed.adding(new)
            if register is not None:
                if os.path.lexists(register):
                    _writable(register)
                configured = _registered(register, DEFAULT_WORD_LIST)
                _write_text(register, configured)
            if added or not os.path.lexists(target):
                _write_text(target, listed.text_with(added))
    return Added(target, added)


def _destination(start: Path | str, here: Path, limit: Path) -> tuple[Path, Path | None]:
    """The word list `add_words` writes to, and the config it registers that list in (None when the config names it
    already): the first `word-lists` entry of the config nearest `start`, else `.speller-words.txt` beside it (or in
    `here`'s folder, with a new `.speller.toml`); ConfigError when either is outside `limit`."""
    found = find_config(start)
    if found is not None:
        _inside(found, limit)
        config = load_config(found, read_lists=False)
        target = config.word_lists[0] if config.word_lists else found.parent / DEFAULT_WORD_LIST
        register = None if config.word_lists else found
    else:
        folder = here if here.is_dir() else here.parent
        target, register = folder / DEFAULT_WORD_LIST, folder / CONFIG_NAME
    _inside(target, limit)
    if register is not None:
        _inside(register, limit)
    return target, register


def _writable(path: Path) -> None:
    """Raise ConfigError when the file at `path` is read-only (no write bit: a house list or config locked so)."""
    if not os.stat(path).st_mode & 0o222:
        raise ConfigError(f"{path}: read-only, not changed")


def _inside(path: Path, root: Path) -> None:
    """Raise ConfigError unless `path` (links followed) is inside `root`."""
    from pathlib import Path  # noqa: PLC0415 - only commands that write word lists ask

    real = Path(os.path.realpath(path))
    if real != root and root not in real.parents:
        raise ConfigError(f"{path}: outside the project folder {root}; not written")


class _WordList(NamedTuple):
    """A word list's lines as read (none for a file not there yet), its BOM and line ending."""

    lines: list[str]
    bom: str
    newline: str

    @classmethod
    def read(cls, target: Path) -> _WordList:
        """The list at `target`; ConfigError when it cannot be read, is not UTF-8, or is read-only."""
        from .textfile import read_regular  # noqa: PLC0415

        if not os.path.lexists(target):
            return cls([], "", "\n")
        try:
            text = read_regular(target, MAX_WORD_LIST_BYTES).decode("utf-8")
        except InputError as e:
            raise ConfigError(str(e)) from None
        except UnicodeDecodeError as e:
            raise ConfigError(f"{target}: not valid UTF-8 at byte {e.start}") from None
        _writable(target)
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return cls(text[len(bom) :].splitlines(), bom, "\r\n" if "\r\n" in text else "\n")

    def adding(self, words: Iterable[str]) -> tuple[str, ...]:
        """Those of `words` the list does not hold, in their order, once each."""
        known = {_word_of(ln) for ln in self.lines}
        return tuple(dict.fromkeys(w for w in words if w not in known))

    def text_with(self, words: Iterable[str]) -> str:
        """The list's text with `words` in its last run of words, that run sorted (comments and blank lines kept)."""
        lines = self.lines
        tail = len(lines)  # the last run of word lines starts here
        while tail > 0 and lines[tail - 1].strip() and not lines[tail - 1].lstrip().startswith("#"):
            tail -= 1
        run = sorted({ln.strip() for ln in lines[tail:]} | set(words), key=lambda ln: (_word_of(ln).casefold(), ln))
        return self.bom + "".join(ln + self.newline for ln in lines[:tail] + run)


#: The header of the `[tool.speller]` table of a pyproject.toml, spaced or not, with its line ending.
_SPELLER_TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*speller[ \t]*\][ \t]*(?:#.*)?(?:\r?\n|\Z)", re.M)
#: The header of any table (where the keys of the one before end).
_TABLE = re.compile(r"^[ \t]*\[", re.M)
#: A `word-lists` key that names no file.
_EMPTY_LISTS = re.compile(r"^([ \t]*[\"']?word-lists[\"']?[ \t]*=[ \t]*)\[\s*\]", re.M)


def _registered(config_path: Path, name: str) -> str:
    """The text of the config at `config_path` (empty when there is none yet) naming the word list `name`, which it
    names no list: its empty `word-lists` filled in, or the key added where its table's keys begin. ConfigError
    when it cannot be read, or the table is written so that where is not plain (a dotted key, an inline table)."""
    from .textfile import read_regular  # noqa: PLC0415

    key = f'word-lists = ["{name}"]'
    if not os.path.lexists(config_path):
        return key + "\n"
    try:
        text = read_regular(config_path, MAX_WORD_LIST_BYTES).decode("utf-8-sig")
    except (InputError, UnicodeDecodeError) as e:
        raise ConfigError(f"{config_path}: cannot read ({e})") from None
    begin = 0
    if config_path.name == PYPROJECT:
        match = _SPELLER_TABLE.search(text)
        if match is None:  # e.g. written as a dotted key or an inline table: do not guess
            raise ConfigError(f"{config_path}: add `{key}` to [tool.speller], then try again")
        begin = match.end()
    table_end = _TABLE.search(text, begin)
    empty = _EMPTY_LISTS.search(text, begin, len(text) if table_end is None else table_end.start())
    if empty is not None:
        return text[: empty.start()] + empty.group(1) + f'["{name}"]' + text[empty.end() :]
    newline = "\r\n" if "\r\n" in text else "\n"
    before = newline if begin and not text[:begin].endswith("\n") else ""  # a header on the last line, no line end
    return text[:begin] + before + key + newline + text[begin:]


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
