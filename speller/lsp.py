"""The speller language server: LSP over stdin/stdout, on the standard library alone.

Diagnostics are published when a document is opened or saved, and 300 ms after the last
change. Each carries `source="speller"`, the category as `code`, the confidence in its message
and `{"word", "suggestions", "confidence"}` as `data`. Code actions offer one quick fix per
suggestion and "Add 'word' to project dictionary", which runs the `speller.addWord` command
(the same as `speller add`, but writing only inside the document's workspace folder) and then
checks the open documents again. Documents are checked with the configuration nearest their
file, Markdown (by languageId or suffix) without its code, URLs and HTML, and HTML without its
markup (`speller.markup.markup_of`).

The editor's settings are the `speller` object of `initializationOptions`, of the `settings` of
`workspace/didChangeConfiguration`, or of the client's answer to `workspace/configuration`, which
the server asks after `initialized` and after a didChangeConfiguration without that object (when
the client says it answers it; a client that takes dynamic registrations is asked on `initialized` to
send didChangeConfiguration for the `speller` section, as VS Code's sends it only then); the latest
received wins, and none received changes nothing.
`minConfidence` and `picky` win over the config file's `min-confidence` and `picky`, as command-line
options do (`speller.config.Config.shown`); other keys are left alone. A bad value is shown as an
error and the editor's settings are dropped until the next good ones. A finding less sure than
FLAG_CONFIDENCE (what `picky` adds) is published with severity Information instead of Warning.

The server answers `initialize` before it loads anything heavy; the dictionary loads on a
worker thread meanwhile. It never stops on bad input: framing problems (see `speller.jsonrpc`)
and bad messages get a JSON-RPC error, requests after `shutdown` get InvalidRequest.
"""

from __future__ import annotations

import bisect
import codecs
import os
import queue
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from . import __version__
from .categories import CATEGORY_INFO, severity, shown
from .jsonrpc import (
    INTERNAL_ERROR,
    INVALID_PARAMS,
    INVALID_REQUEST,
    METHOD_NOT_FOUND,
    PARSE_ERROR,
    REQUEST_FAILED,
    SERVER_NOT_INITIALIZED,
    FrameError,
    Framer,
    encode,
)

if TYPE_CHECKING:
    from .checker import Issue

#: Seconds of quiet after a change before the document is checked again.
DEBOUNCE = 0.3
#: Seconds of quiet on stdin after which a body shorter than its header says is taken as it is.
STALL = 0.2
ADD_WORD = "speller.addWord"
#: LSP DiagnosticSeverity of each `speller.categories.severity`: Warning, Information.
SEVERITY = {"warning": 2, "note": 3}
_WHAT = {c.value: i.what for c, i in CATEGORY_INFO.items()}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Per encoding, the characters that take more than one code unit in it.
_WIDE = {"utf-16": re.compile("[\U00010000-\U0010ffff]"), "utf-8": re.compile("[^\x00-\x7f]")}
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONFIG_NAMES = (".speller.toml", "pyproject.toml")
_ENCODINGS = ("utf-16", "utf-8", "utf-32")
# Checked once at start-up: a misspelling makes the checker open its suggestion index and bigrams.
_WARM_UP = "di luar angksa"


class Positions:
    """Convert character offsets of a text to LSP positions and back.

    Lines end at `\\n`, `\\r\\n` or `\\r` as LSP defines; `character` counts code units of the
    negotiated encoding: "utf-16" (the LSP default), "utf-8" or "utf-32".
    """

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._wide: list[int] | None = None  # offsets of the characters of more than one code unit, found when asked
        self._extra: list[int] = [0]  # code units more than characters before each of them (and after the last)

    def units(self, chars: str) -> int:
        """Code units of `chars` in the negotiated encoding."""
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return len(chars)
        return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)

    def _units_before(self, offset: int) -> int:
        """Code units of the text before a character offset: its characters plus what its wide ones add, so that a
        long line with many issues costs a search per position, not a count over the line."""
        if self._wide is None:
            wide = _WIDE.get(self.encoding)
            found = [] if wide is None else [m.start() for m in wide.finditer(self.text)]
            for at in found:
                self._extra.append(self._extra[-1] + self.units(self.text[at]) - 1)
            self._wide = found
        return offset + self._extra[bisect.bisect_left(self._wide, offset)]

    def position(self, offset: int) -> dict[str, int]:
        """The position of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return {"line": line, "character": self._units_before(offset) - self._units_before(self.starts[line])}

    def range(self, start: int, end: int) -> dict[str, dict[str, int]]:
        """The range of the characters [start, end)."""
        return {"start": self.position(start), "end": self.position(end)}

    def offset(self, position: dict[str, int]) -> int:
        """The character offset of a position (clamped to its line, as LSP asks)."""
        line_no, character = position["line"], position["character"]
        if line_no >= len(self.starts):
            return len(self.text)
        start = self.starts[line_no]
        end = self.starts[line_no + 1] if line_no + 1 < len(self.starts) else len(self.text)
        line = self.text[start:end].rstrip("\r\n")
        if self.encoding == "utf-32" or line.isascii():
            return start + min(character, len(line))
        if _SURROGATE.search(line):  # a surrogate standing alone would pair up in the codec: count it as LSP does
            units = 0
            for i, c in enumerate(line):
                if units >= character:
                    return start + i
                units += self.units(c)
            return start + len(line)
        # the characters whose code units end at or before `character`, and the one `character` falls inside (a
        # position inside a character is the one after it): decoded at C speed, however long the line
        codec = "utf-8" if self.encoding == "utf-8" else "utf-16-le"
        size = character * (1 if codec == "utf-8" else 2)
        data = line.encode(codec, "surrogatepass")
        head = codecs.getincrementaldecoder(codec)("surrogatepass").decode(data[:size], final=False)
        n = len(head) + (len(head.encode(codec, "surrogatepass")) < min(size, len(data)))
        return start + min(n, len(line))

    def edited(self, a: int, b: int, new: str) -> Positions:
        """The positions of this text with the characters [a, b) replaced by `new`: the line starts outside the edit
        are kept (shifted), not searched for again, unless the edit splits or joins a `\r\n`."""
        old = self.text
        text = old[:a] + new + old[b:]
        seams = (old[max(a - 1, 0) : a + 1], old[max(b - 1, 0) : b + 1])
        joined = (a and old[a - 1] == "\r" and (new[:1] or old[b : b + 1]) == "\n") or (
            (new[-1:] or old[a - 1 : a]) == "\r" and old[b : b + 1] == "\n"
        )
        if "\r\n" in seams or joined:
            return Positions(text, self.encoding)
        out = Positions("", self.encoding)
        out.text = text
        shift = len(new) - (b - a)
        kept, moved = bisect.bisect_right(self.starts, a), bisect.bisect_right(self.starts, b)
        inner = [a + m.end() for m in _LINE_BREAK.finditer(new)]
        out.starts = self.starts[:kept] + inner + [at + shift for at in self.starts[moved:]]
        return out


def message(issue: Issue) -> str:
    """The diagnostic text: what is wrong, the suggestions best first, and how sure the checker is."""
    what = _WHAT.get(issue.category, issue.category)
    sure = f"({shown(issue.confidence):.0%} sure)"
    if not issue.suggestions:
        return f"'{issue.one_line}' {what} (no suggestion) {sure}"
    return f"'{issue.one_line}' {what}: {', '.join(issue.one_line_suggestions)}? {sure}"


def diagnostic(issue: Issue, positions: Positions) -> dict[str, Any]:
    """The LSP diagnostic of one issue."""
    return {
        "range": positions.range(issue.start, issue.end),
        "message": message(issue),
        "severity": SEVERITY[severity(issue.category, issue.confidence)],
        "code": issue.category,
        "source": "speller",
        "data": {"word": issue.word, "suggestions": list(issue.suggestions), "confidence": round(issue.confidence, 3)},
    }


# -- parameters ----------------------------------------------------------------------------


class RequestError(Exception):
    """A request that gets a JSON-RPC error reply."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


def _field(obj: Any, key: str, kind: type | tuple[type, ...], where: str, optional: bool = False) -> Any:
    """`obj[key]` if it is a `kind`; otherwise RequestError(InvalidParams) naming `where.key`."""
    if not isinstance(obj, dict):
        raise RequestError(INVALID_PARAMS, f"{where} must be an object")
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool) and kind in (int, (int,)):
        raise RequestError(INVALID_PARAMS, f"{where}.{key} is missing or of the wrong type")
    return value


def _position(obj: Any, where: str) -> dict[str, int]:
    """A valid LSP position at `where`, or RequestError(InvalidParams)."""
    line, character = _field(obj, "line", int, where), _field(obj, "character", int, where)
    if line < 0 or character < 0:
        raise RequestError(INVALID_PARAMS, f"{where} must not be negative")
    return {"line": line, "character": character}


def _range(obj: Any, where: str) -> tuple[dict[str, int], dict[str, int]]:
    """The (start, end) positions of a valid LSP range at `where`."""
    return (
        _position(_field(obj, "start", dict, where), f"{where}.start"),
        _position(_field(obj, "end", dict, where), f"{where}.end"),
    )


def _uri(params: Any) -> str:
    """`params.textDocument.uri`."""
    return _field(_field(params, "textDocument", dict, "params"), "uri", str, "params.textDocument")


def uri_to_path(uri: Any) -> Path | None:
    """The local path of a `file:` URI, else None."""
    if not isinstance(uri, str):
        return None
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = unquote(parts.path)
    if os.name == "nt" and re.match(r"/[A-Za-z]:", path):
        path = path[1:]
    return Path(path) if path and "\0" not in path else None


def _before(a: dict[str, int], b: dict[str, int]) -> bool:
    """Whether position `a` is at or before `b`."""
    return (a["line"], a["character"]) <= (b["line"], b["character"])


def _overlaps(a: dict[str, dict[str, int]], start: dict[str, int], end: dict[str, int]) -> bool:
    """Whether range `a` touches [start, end]."""
    return _before(a["start"], end) and _before(start, a["end"])


# -- the server ----------------------------------------------------------------------------


@dataclass
class Document:
    """An open text document."""

    uri: str
    language_id: str | None
    version: int | None
    text: str

    @property
    def path(self) -> Path | None:
        """The document's local path, or None (e.g. an `untitled:` URI)."""
        return uri_to_path(self.uri)


class Checker:
    """What runs on the worker thread: configs, loaded dictionaries, checking and adding words."""

    def __init__(self) -> None:
        from .config import ConfigCache  # noqa: PLC0415 (lazy: nothing heavy before initialize)
        from .workspace import SpellerCache  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        self.configs = ConfigCache(remember_missing=False)  # a config created while the server runs is seen
        self.spellers = SpellerCache()

    def diagnose(
        self,
        path: Path | None,
        start: Path,
        name: str,
        text: str,
        language_id: str | None,
        encoding: str,
        min_confidence: float | None = None,
        picky: bool | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """Diagnostics of a text, and the message of a config or dictionary problem (then none); `min_confidence` and
        `picky` (None: not given) are the editor's settings, winning over the config's (`Config.shown`)."""
        from .errors import SpellerError  # noqa: PLC0415 (lazy: nothing heavy before initialize)
        from .workspace import check_text  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        try:
            config = self.configs.for_path(path or start)
            if path and not config.is_included(path):
                return [], None
            speller = self.spellers.for_config(config, min_confidence=min_confidence, picky=picky)
            issues = check_text(speller, config, text, path or name, language_id)
        except SpellerError as e:
            return [], str(e)
        positions = Positions(text, encoding)
        return [diagnostic(i, positions) for i in issues], None

    def saved(self, path: Path | None) -> bool:
        """After a save: forget configs and word lists if the file was one (then True)."""
        if path is None:
            return False
        saved = os.path.abspath(path)
        if path.name in _CONFIG_NAMES or any(
            saved == os.path.abspath(p) for c in self.configs.loaded() for p in c.word_lists
        ):
            self.forget()
            return True
        return False

    def forget(self) -> None:
        """Forget configs and word lists read so far (loaded dictionaries are kept)."""
        self.configs.clear()
        self.spellers.clear_spellers()

    def add_word(self, path: Path, word: str, root: Path) -> Path:
        """Add `word` to the word list of the project of `path`, writing nothing outside `root`."""
        from .config import find_config  # noqa: PLC0415 (lazy: nothing heavy before initialize)
        from .workspace import add_words  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        found = find_config(path)
        inside = found is not None and Path(os.path.realpath(found)).is_relative_to(os.path.realpath(root))
        # A document without a config of its own inside the workspace gets one at the workspace root.
        target = add_words(path if inside else root, [word], root=root).path
        self.forget()
        return target


class Server:
    """One LSP session over a pair of file descriptors; `run` returns the exit code."""

    def __init__(self, in_fd: int, out_fd: int) -> None:
        self.in_fd, self.out_fd = in_fd, out_fd
        self.framer = Framer()
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.jobs: queue.Queue[
            tuple[Callable[..., Any], tuple[Any, ...], Callable[[Any, BaseException | None], None]]
        ] = queue.Queue()
        self.checker: Checker | None = None
        self.state = "new"  # -> "running" -> "shut down"
        self.exit_code: int | None = None
        self.encoding = "utf-16"
        self.folders: list[Path] = []
        #: The editor's settings (`speller.config.editor_settings`), None where it gives none.
        self.min_confidence: float | None = None
        self.picky: bool | None = None
        #: The client answers `workspace/configuration`; the ids of those requests not answered yet.
        self.pulls_settings = False
        #: The client takes a dynamic registration for `workspace/didChangeConfiguration` (VS Code's client sends it
        #: only to a server that registers for it).
        self.registers_settings = False
        self.pulling: set[str] = set()
        self.requests_sent = 0
        self.documents: dict[str, Document] = {}
        self.due: dict[str, float] = {}
        #: uri -> (document version, diagnostics) of the last check.
        self.results: dict[str, tuple[int | None, list[dict[str, Any]]]] = {}
        self.reported: set[str] = set()
        self.last_data = time.monotonic()
        #: The framer was told the stream is quiet since the last data (do not tell it again).
        self.stall_told = False

    # -- transport ---------------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        """Write one message; a closed stdout ends the session."""
        data = memoryview(encode({"jsonrpc": "2.0", **message}))
        try:
            while data:
                data = data[os.write(self.out_fd, data) :]
        except OSError:
            self.exit_code = 1

    def reply(self, msg_id: Any, result: Any = None, error: tuple[int, str] | None = None) -> None:
        """Answer request `msg_id` with `result`, or with `error` (code, message)."""
        if error is None:
            self.send({"id": msg_id, "result": result})
        else:
            self.send({"id": msg_id, "error": {"code": error[0], "message": error[1]}})

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self.send({"method": method, "params": params})

    def log(self, text: str) -> None:
        """A line on stderr (editors keep it in their LSP log)."""
        try:
            sys.stderr.write(f"speller lsp: {text}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass

    def _read(self) -> None:
        """Reader thread: stdin's bytes to the event queue; empty bytes at the end."""
        while True:
            try:
                data = os.read(self.in_fd, 65536)
            except OSError:
                data = b""
            self.events.put(("data", data))
            if not data:
                return

    def _work(self) -> None:
        """Worker thread: run jobs in order, hand results (or errors) back as events."""
        while True:
            fn, args, then = self.jobs.get()
            try:
                result, error = fn(*args), None
            except BaseException as e:  # reported on the main thread
                result, error = None, e if isinstance(e, Exception) else RuntimeError(repr(e))
            self.events.put(("done", (then, result, error)))

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        then: Callable[[Any, BaseException | None], None] = lambda result, error: None,
    ) -> None:
        """Run `fn(*args)` on the worker thread, then `then(result, error)` on the main thread."""
        self.jobs.put((fn, args, then))

    def run(self) -> int:
        """Serve until `exit` or the end of stdin; the exit code (0 only after `shutdown`)."""
        threading.Thread(target=self._read, name="speller-lsp-read", daemon=True).start()
        threading.Thread(target=self._work, name="speller-lsp-check", daemon=True).start()
        while self.exit_code is None:
            now = time.monotonic()
            deadlines = list(self.due.values())
            if self.framer.waiting and not self.stall_told:
                deadlines.append(self.last_data + STALL)
            try:
                kind, value = self.events.get(timeout=max(0.0, min(deadlines) - now) if deadlines else None)
            except queue.Empty:
                kind, value = "tick", None
            if kind == "data":
                if not value:
                    break
                self.last_data = time.monotonic()
                self.stall_told = False
                self.framer.feed(value)
                self._handle_all(self._frames())
            elif kind == "done":
                then, result, error = value
                self._guard(then, result, error)
            now = time.monotonic()
            if self.framer.waiting and not self.stall_told and now - self.last_data >= STALL and self.exit_code is None:
                self.stall_told = True
                self._handle_all(self._frames(stalled=True))
            for uri in [u for u, t in self.due.items() if t <= now]:
                del self.due[uri]
                self.check(uri)
        return self.exit_code if self.exit_code is not None else (0 if self.state == "shut down" else 1)

    def _frames(self, stalled: bool = False) -> list[Any]:
        """The framer's messages; should it ever fail, what it held is dropped and reading goes on."""
        try:
            return self.framer.messages(stalled)
        except Exception:
            self.log(traceback.format_exc().rstrip())
            self.framer = Framer()
            return [FrameError(PARSE_ERROR, "unreadable input dropped")]

    def _handle_all(self, messages: list[Any]) -> None:
        """Answer framing errors (id null) and dispatch the messages, in order."""
        if self.framer.skipped:
            self.log(f"skipped {self.framer.skipped} bytes outside any message")
            self.framer.skipped = 0
        for message in messages:
            if self.exit_code is not None:
                return
            if isinstance(message, FrameError):
                self.log(message.message)
                self.reply(None, error=(message.code, message.message))
            else:
                self.dispatch(message)

    def _guard(self, fn: Callable[..., None], *args: Any) -> None:
        """Call `fn`; log what it raises instead of stopping."""
        try:
            fn(*args)
        except Exception:
            self.log(traceback.format_exc().rstrip())

    # -- messages ----------------------------------------------------------------------------

    def dispatch(self, message: Any) -> None:
        """Handle one parsed message: a request gets exactly one reply, whatever it holds."""
        if not isinstance(message, dict):
            self.reply(None, error=(INVALID_REQUEST, "a message must be a JSON object"))
            return
        has_id = "id" in message
        msg_id: Any = message.get("id")
        if has_id and (not isinstance(msg_id, (int, str)) or isinstance(msg_id, bool)):
            self.reply(None, error=(INVALID_REQUEST, "id must be an integer or a string"))
            return
        method = message.get("method")
        if method is None and has_id:
            self.answered(msg_id, message)  # a reply to a request of ours
            return
        if not isinstance(method, str) or message.get("jsonrpc") != "2.0":
            if has_id:
                self.reply(msg_id, error=(INVALID_REQUEST, 'a request needs "jsonrpc": "2.0" and a string method'))
            else:
                self.log('ignored a notification without "jsonrpc": "2.0" or a string method')
            return
        params = message.get("params")
        if has_id:
            self.request(msg_id, method, params)
        else:
            self.notification(method, params)

    def request(self, msg_id: int | str, method: str, params: Any) -> None:
        """Answer one request, exactly once: lifecycle rules first, then its handler."""
        try:
            if method == "initialize":
                if self.state != "new":
                    raise RequestError(INVALID_REQUEST, "initialize was already sent")
                self.reply(msg_id, self.initialize(params))
                self.state = "running"
                self.take_settings(params.get("initializationOptions"))
                self.checker_start()
                return
            if self.state == "new":
                raise RequestError(SERVER_NOT_INITIALIZED, "the server is not initialized yet")
            if self.state == "shut down":
                raise RequestError(INVALID_REQUEST, "the server is shutting down")
            if method == "shutdown":
                self.state = "shut down"
                self.reply(msg_id, None)
                return
            handler = self.REQUESTS.get(method)
            if handler is None:
                raise RequestError(METHOD_NOT_FOUND, f"unknown method {method!r}")
            handler(self, msg_id, params)
        except RequestError as e:
            self.reply(msg_id, error=(e.code, str(e)))
        except Exception as e:
            self.log(traceback.format_exc().rstrip())
            self.reply(msg_id, error=(INTERNAL_ERROR, f"{type(e).__name__}: {e}"))

    def notification(self, method: str, params: Any) -> None:
        """Handle one notification; problems are logged, as there is no one to answer."""
        if method == "exit":
            self.exit_code = 0 if self.state == "shut down" else 1
            return
        if self.state != "running":
            return
        handler = self.NOTIFICATIONS.get(method)
        if handler is None:
            return  # `$/cancelRequest`, `$/setTrace` and others we do not use
        try:
            handler(self, params)
        except RequestError as e:
            self.log(f"{method}: {e}")
        except Exception:
            self.log(traceback.format_exc().rstrip())

    # -- lifecycle ---------------------------------------------------------------------------

    def initialize(self, params: Any) -> dict[str, Any]:
        """Read the client's workspace folders and position encodings; the server's capabilities."""
        if not isinstance(params, dict):
            raise RequestError(INVALID_PARAMS, "params must be an object")
        capabilities = params.get("capabilities")
        general = capabilities.get("general") if isinstance(capabilities, dict) else None
        offered = general.get("positionEncodings") if isinstance(general, dict) else None
        workspace = capabilities.get("workspace") if isinstance(capabilities, dict) else None
        self.pulls_settings = isinstance(workspace, dict) and workspace.get("configuration") is True
        changes = workspace.get("didChangeConfiguration") if isinstance(workspace, dict) else None
        self.registers_settings = isinstance(changes, dict) and changes.get("dynamicRegistration") is True
        if isinstance(offered, list) and offered and "utf-16" not in offered:
            self.encoding = next((e for e in offered if e in _ENCODINGS), "utf-16")
        folders = params.get("workspaceFolders")
        if isinstance(folders, list):
            self.folders = [
                p
                for f in folders
                if isinstance(f, dict) and isinstance(f.get("uri"), str)
                for p in [uri_to_path(f["uri"])]
                if p is not None
            ]
        if not self.folders and isinstance(params.get("rootUri"), str):
            root = uri_to_path(params["rootUri"])
            self.folders = [root] if root else []
        root_path = params.get("rootPath")
        if not self.folders and isinstance(root_path, str) and root_path and "\0" not in root_path:
            self.folders = [Path(root_path)]
        return {
            "capabilities": {
                "positionEncoding": self.encoding,
                "textDocumentSync": {"openClose": True, "change": 2, "save": {"includeText": False}},
                "codeActionProvider": {"codeActionKinds": ["quickfix"]},
                "executeCommandProvider": {"commands": [ADD_WORD]},
                "workspace": {"workspaceFolders": {"supported": True, "changeNotifications": True}},
            },
            "serverInfo": {"name": "speller", "version": __version__},
        }

    def checker_start(self) -> None:
        """Load the checker and the workspace's dictionary on the worker, so the first document does not wait."""

        asked = self.min_confidence, self.picky  # the editor's settings from initializationOptions

        def load() -> None:
            self.checker = Checker()
            self.checker.diagnose(None, self.start_folder(None), "", _WARM_UP, None, self.encoding, *asked)

        self.submit(load)

    def take_settings(self, holder: Any) -> bool:
        """Read the editor's settings from the `speller` object of `holder` (`initializationOptions`, or the settings
        of `workspace/didChangeConfiguration`); False when it has none (nothing changes then). A bad value is shown as
        an error and drops the editor's settings (the config's apply)."""
        from .config import EDITOR_SECTION, editor_settings  # noqa: PLC0415 (lazy: nothing heavy before initialize)
        from .errors import ConfigError  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        if not isinstance(holder, dict) or EDITOR_SECTION not in holder:
            return False
        try:
            self.min_confidence, self.picky = editor_settings(holder[EDITOR_SECTION])
        except ConfigError as e:
            self.min_confidence, self.picky = None, None
            self.show_error(str(e))
        return True

    def configuration_changed(self, params: Any) -> None:
        """workspace/didChangeConfiguration: take the editor's settings and check the open documents again; without
        them (as a client that expects to be asked sends it), ask for them."""
        if self.take_settings(_field(params, "settings", dict, "params", optional=True)):
            self.reload()
        else:
            self.pull_settings()

    def initialized(self, params: Any) -> None:
        """initialized: register for changed settings where the client takes that, and ask for the settings."""
        from .config import EDITOR_SECTION  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        if self.registers_settings:
            self.requests_sent += 1
            registration = {
                "id": "speller-settings",
                "method": "workspace/didChangeConfiguration",
                "registerOptions": {"section": EDITOR_SECTION},
            }
            params = {"registrations": [registration]}
            self.send(
                {
                    "id": f"speller-register-{self.requests_sent}",
                    "method": "client/registerCapability",
                    "params": params,
                }
            )
        self.pull_settings()

    def pull_settings(self) -> None:
        """Ask a client that answers `workspace/configuration` for the editor's settings (also on `initialized`)."""
        from .config import EDITOR_SECTION  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        if not self.pulls_settings:
            return
        self.requests_sent += 1
        msg_id = f"speller-settings-{self.requests_sent}"
        self.pulling.add(msg_id)
        params = {"items": [{"section": EDITOR_SECTION}]}
        self.send({"id": msg_id, "method": "workspace/configuration", "params": params})

    def answered(self, msg_id: int | str, message: dict[str, Any]) -> None:
        """A reply to a request of ours: the editor's settings asked by `pull_settings` are taken (a null section, an
        error or a reply to anything else changes nothing)."""
        from .config import EDITOR_SECTION  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        if msg_id not in self.pulling:
            return
        self.pulling.discard(msg_id)
        result = message.get("result")
        if self.state == "running" and isinstance(result, list) and result and result[0] is not None:
            self.take_settings({EDITOR_SECTION: result[0]})
            self.reload()

    def folders_changed(self, params: Any) -> None:
        """workspace/didChangeWorkspaceFolders: the folders add-word may write in."""
        event = _field(params, "event", dict, "params")
        removed = {uri_to_path(f.get("uri", "")) for f in event.get("removed") or [] if isinstance(f, dict)}
        added = [uri_to_path(f.get("uri", "")) for f in event.get("added") or [] if isinstance(f, dict)]
        self.folders = [f for f in self.folders if f not in removed] + [f for f in added if f is not None]

    # -- documents ---------------------------------------------------------------------------

    def did_open(self, params: Any) -> None:
        """textDocument/didOpen: remember the document and check it now."""
        item = _field(params, "textDocument", dict, "params")
        uri = _field(item, "uri", str, "params.textDocument")
        text = _field(item, "text", str, "params.textDocument")
        version = _field(item, "version", int, "params.textDocument", optional=True)
        language_id = _field(item, "languageId", str, "params.textDocument", optional=True)
        self.documents[uri] = Document(uri, language_id, version, text)
        self.schedule(uri)

    def did_change(self, params: Any) -> None:
        """textDocument/didChange: apply the changes (full or ranged) and check after a pause."""
        uri = _uri(params)
        doc = self.documents.get(uri)
        if doc is None:
            raise RequestError(INVALID_PARAMS, f"{uri} is not open")
        changes = _field(params, "contentChanges", list, "params")
        text = doc.text
        positions: Positions | None = None
        for n, change in enumerate(changes):
            new = _field(change, "text", str, f"params.contentChanges[{n}]")
            if change.get("range") is None:
                text = new
                continue
            start, end = _range(change["range"], f"params.contentChanges[{n}].range")
            if positions is None or positions.text is not text:
                positions = Positions(text, self.encoding)
            a, b = positions.offset(start), positions.offset(end)
            positions = positions.edited(a, max(a, b), new)  # the next change's range is in the edited text
            text = positions.text
        doc.text = text
        version = _field(params["textDocument"], "version", int, "params.textDocument", optional=True)
        doc.version = version if version is not None else (doc.version or 0) + 1
        self.schedule(uri, DEBOUNCE)

    def did_save(self, params: Any) -> None:
        """textDocument/didSave: recheck everything after a config or word list, else the document."""
        uri = _uri(params)
        path = uri_to_path(uri)

        def then(reloaded: bool, error: BaseException | None) -> None:
            if error is not None:
                raise error
            if reloaded:
                self.reload()
            elif uri in self.documents:
                self.schedule(uri)

        self.submit(lambda: self.checker is not None and self.checker.saved(path), then=then)

    def did_close(self, params: Any) -> None:
        """textDocument/didClose: forget the document and clear its diagnostics."""
        uri = _uri(params)
        self.documents.pop(uri, None)
        self.due.pop(uri, None)
        self.results.pop(uri, None)
        self.notify("textDocument/publishDiagnostics", {"uri": uri, "diagnostics": []})

    # -- checking ----------------------------------------------------------------------------

    def start_folder(self, path: Path | None) -> Path:
        """Where the config search of a document starts: its own path, else the first workspace folder."""
        if path is not None:
            return path
        return self.folders[0] if self.folders else Path.cwd()

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check a document after `delay` seconds, replacing a check already waiting for it."""
        self.due[uri] = time.monotonic() + delay

    def _diagnose(
        self, doc: Document, then: Callable[[list[dict[str, Any]]], None], otherwise: Callable[[], None] = lambda: None
    ) -> None:
        """Check `doc` as it is now on the worker; then `then(diagnostics)`, or `otherwise()` if the
        document was closed or changed meanwhile (a newer check follows) or the check failed."""
        version, text = doc.version, doc.text
        path = doc.path
        start = self.start_folder(path)
        min_confidence, picky = self.min_confidence, self.picky

        def run() -> tuple[list[dict[str, Any]], str | None] | None:
            if self.documents.get(doc.uri) is not doc or doc.version != version or doc.text != text:
                return None  # closed or changed while it waited: a newer check follows (a large document's edits)
            checker = self.checker or Checker()
            self.checker = checker
            return checker.diagnose(path, start, doc.uri, text, doc.language_id, self.encoding, min_confidence, picky)

        def done(result: tuple[list[dict[str, Any]], str | None] | None, error: BaseException | None) -> None:
            if error is not None:
                otherwise()
                raise error
            if result is None:  # skipped as outdated
                otherwise()
                return
            diagnostics, problem = result
            self.report(problem)
            if self.documents.get(doc.uri) is not doc or doc.version != version or doc.text != text:
                otherwise()
                return
            self.results[doc.uri] = (version, diagnostics)
            then(diagnostics)

        self.submit(run, then=done)

    def check(self, uri: str) -> None:
        """Check an open document and publish its diagnostics."""
        doc = self.documents.get(uri)
        if doc is None:
            return

        def publish(diagnostics: list[dict[str, Any]]) -> None:
            params: dict[str, Any] = {"uri": uri, "diagnostics": diagnostics}
            if doc.version is not None:
                params["version"] = doc.version
            self.notify("textDocument/publishDiagnostics", params)

        self._diagnose(doc, publish)

    def report(self, problem: str | None) -> None:
        """Show a config or dictionary problem to the user, once until the next reload."""
        if problem and problem not in self.reported:
            self.reported.add(problem)
            self.show_error(problem)

    def show_error(self, text: str) -> None:
        """Show an error message in the editor."""
        self.notify("window/showMessage", {"type": 1, "message": f"speller: {text}"})

    def reload(self) -> None:
        """Check every open document again with configs and word lists read afresh."""
        self.reported.clear()
        self.results.clear()
        for uri in self.documents:
            self.schedule(uri)

    # -- code actions and commands -----------------------------------------------------------

    def code_action(self, msg_id: int | str, params: Any) -> None:
        """textDocument/codeAction: quick fixes for the diagnostics in the range."""
        uri = _uri(params)
        start, end = _range(_field(params, "range", dict, "params"), "params.range")
        doc = self.documents.get(uri)
        if doc is None:
            self.reply(msg_id, [])
            return
        version, diagnostics = self.results.get(uri, (None, None))
        if diagnostics is not None and version == doc.version:
            self.reply(msg_id, self.actions(uri, diagnostics, start, end))
            return

        def answer(diagnostics: list[dict[str, Any]]) -> None:
            self.reply(msg_id, self.actions(uri, diagnostics, start, end))

        # Checked again for this request; if the document changes meanwhile, no actions: their
        # edits would apply to a text that is gone.
        self._diagnose(doc, answer, otherwise=lambda: self.reply(msg_id, []))

    def actions(
        self, uri: str, diagnostics: list[dict[str, Any]], start: dict[str, int], end: dict[str, int]
    ) -> list[dict[str, Any]]:
        """Quick fixes for the diagnostics touching [start, end], then one "Add" action per word that can be added."""
        from .workspace import word_problem  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        actions: list[dict[str, Any]] = []
        words: list[str] = []
        for diag in diagnostics:
            if not _overlaps(diag["range"], start, end):
                continue
            data = diag["data"]
            for n, suggestion in enumerate(data["suggestions"]):
                one_line = suggestion.replace("\r", "\\r").replace("\n", "\\n")  # a doubled word's keeps its break
                actions.append(
                    {
                        "title": f"Replace with '{one_line}'",
                        "kind": "quickfix",
                        "diagnostics": [diag],
                        "isPreferred": n == 0,
                        "edit": {"changes": {uri: [{"range": diag["range"], "newText": suggestion}]}},
                    }
                )
            word = data["word"]
            if word not in words and word_problem(word) is None:  # not `di lakukan`, `.Anak`, `yang yang`: refused
                words.append(word)
                title = f"Add '{word}' to project dictionary"
                actions.append(
                    {
                        "title": title,
                        "kind": "quickfix",
                        "diagnostics": [diag],
                        "command": {"title": title, "command": ADD_WORD, "arguments": [uri, word]},
                    }
                )
        return actions

    def workspace_root(self, path: Path) -> Path | None:
        """The innermost workspace folder holding `path` (links followed), or None."""
        real = Path(os.path.realpath(path))
        holding = [f for f in self.folders if real.is_relative_to(os.path.realpath(f))]
        return max(holding, key=lambda f: len(os.path.realpath(f)), default=None)

    def execute_command(self, msg_id: int | str, params: Any) -> None:
        """workspace/executeCommand speller.addWord(uri, word): add the word to the project's list."""
        command = _field(params, "command", str, "params")
        if command != ADD_WORD:
            raise RequestError(INVALID_PARAMS, f"unknown command {command!r}")
        args = _field(params, "arguments", list, "params")
        if len(args) != 2 or not all(isinstance(a, str) for a in args):
            raise RequestError(INVALID_PARAMS, f"{ADD_WORD} takes two strings: a document URI and a word")
        uri, word = args
        from .workspace import word_problem  # noqa: PLC0415 (lazy: nothing heavy before initialize)

        problem = word_problem(word)
        if problem is not None:
            raise RequestError(INVALID_PARAMS, f"cannot add {word!r}: {problem}")
        path = uri_to_path(uri)
        root = self.workspace_root(path) if path is not None else None
        if path is None or root is None:
            self.show_error(f"not adding {word!r}: {uri} is outside every workspace folder")
            raise RequestError(REQUEST_FAILED, f"{uri} is outside every workspace folder; nothing written")

        def run() -> Path:
            checker = self.checker or Checker()
            self.checker = checker
            return checker.add_word(path, word, root)

        def done(target: Path | None, error: BaseException | None) -> None:
            from .errors import SpellerError  # noqa: PLC0415 (lazy: nothing heavy before initialize)

            if isinstance(error, SpellerError):
                self.show_error(str(error))
                self.reply(msg_id, error=(REQUEST_FAILED, str(error)))
                return
            if error is not None:
                self.reply(msg_id, error=(INTERNAL_ERROR, f"{type(error).__name__}: {error}"))
                return
            self.reply(msg_id, str(target))
            self.reload()

        self.submit(run, then=done)

    REQUESTS: dict[str, Callable[[Server, int | str, Any], None]] = {
        "textDocument/codeAction": code_action,
        "workspace/executeCommand": execute_command,
    }
    NOTIFICATIONS: dict[str, Callable[[Server, Any], None]] = {
        "textDocument/didOpen": did_open,
        "textDocument/didChange": did_change,
        "textDocument/didSave": did_save,
        "textDocument/didClose": did_close,
        "workspace/didChangeWorkspaceFolders": folders_changed,
        "workspace/didChangeConfiguration": configuration_changed,
        "initialized": initialized,
    }


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit; exits 0 after shutdown, else 1.

    Stray writes to stdout (a library printing) would corrupt the stream, so file descriptor 1
    is pointed at stderr and the server writes to a copy of the original.
    """
    out_fd = os.dup(1)
    os.dup2(2, 1)
    code = Server(0, out_fd).run()
    # The reader and worker threads may still be inside a read or a dictionary load: tearing the interpreter down
    # under them crashed the process now and then (SIGSEGV, 2 exits in 40 on a loaded machine), so it ends here.
    sys.stderr.flush()
    os._exit(code)
