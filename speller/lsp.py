"""The speller language server (LSP over stdin/stdout), built on pygls.

Diagnostics are published when a document is opened or saved, and 300 ms after the last
change. Each carries `source="speller"`, the category as `code` and `{"word", "suggestions"}`
as `data`. Code actions offer one quick fix per suggestion and "Add 'word' to project
dictionary", which runs the `speller.addWord` command (the same as `speller add`) and then
checks the open documents again. Documents are checked with the configuration nearest their
file, and Markdown (by languageId or suffix) without its code, URLs and HTML.
"""

from __future__ import annotations

import asyncio
import bisect
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__
from .categories import CATEGORY_INFO
from .config import ConfigCache
from .workspace import SpellerCache, add_words, check_text
from .errors import SpellerError

if TYPE_CHECKING:
    from .checker import Issue

#: Seconds of quiet after a change before the document is checked again.
DEBOUNCE = 0.3
ADD_WORD = "speller.addWord"
_LEVELS = {"warning": types.DiagnosticSeverity.Warning, "note": types.DiagnosticSeverity.Information}
SEVERITY = {c.value: _LEVELS[i.severity] for c, i in CATEGORY_INFO.items()}
_WHAT = {c.value: i.what for c, i in CATEGORY_INFO.items()}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONFIG_NAMES = (".speller.toml", "pyproject.toml")
# Checked once at start-up: a misspelling makes the checker open its suggestion index and bigrams.
_WARM_UP = "di luar angksa"


class Positions:
    """Convert character offsets of a text to LSP positions and back.

    Lines end at `\\n`, `\\r\\n` or `\\r` as LSP defines; `character` counts code units of the
    negotiated encoding: UTF-16 (the LSP default), UTF-8 or UTF-32.
    """

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = str(encoding)
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def units(self, chars: str) -> int:
        """Code units of `chars` in the negotiated encoding."""
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(chars.encode("utf-8", "surrogatepass"))
        if self.encoding == types.PositionEncodingKind.Utf32:
            return len(chars)
        return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)

    def position(self, offset: int) -> types.Position:
        """The position of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self.units(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        """The range of the characters [start, end)."""
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of a position (clamped to its line, as LSP asks)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        line = self.text[start:self.starts[position.line + 1]] if position.line + 1 < len(self.starts) \
            else self.text[start:]
        line = line.rstrip("\r\n")
        units = 0
        for i, c in enumerate(line):
            if units >= position.character:
                return start + i
            units += self.units(c)
        return start + len(line)


def message(issue: "Issue") -> str:
    """The diagnostic text: what is wrong and the suggestions, best first."""
    what = _WHAT.get(issue.category, issue.category)
    if not issue.suggestions:
        return f"'{issue.word}' {what} (no suggestion)"
    return f"'{issue.word}' {what}: {', '.join(issue.suggestions)}?"


def diagnostic(issue: "Issue", positions: Positions) -> types.Diagnostic:
    """The LSP diagnostic of one issue."""
    return types.Diagnostic(
        range=positions.range(issue.start, issue.end),
        message=message(issue),
        severity=SEVERITY.get(issue.category, types.DiagnosticSeverity.Warning),
        code=issue.category,
        source="speller",
        data={"word": issue.word, "suggestions": list(issue.suggestions)},
    )


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


class SpellerServer(LanguageServer):
    """A pygls server that keeps one Speller per configuration and the last diagnostics per document."""

    def __init__(self) -> None:
        super().__init__("speller", __version__)
        self.configs = ConfigCache()
        self.spellers = SpellerCache()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speller-check")
        self.pending: dict[str, asyncio.Task] = {}
        #: uri -> (document version, diagnostics) of the last check.
        self.results: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}
        self.reported: set[str] = set()

    # -- checking -------------------------------------------------------------------------

    def _start_folder(self, path: str | None) -> Path:
        if path:
            return Path(path)
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    def diagnose(self, uri: str, path: str | None, text: str,
                 language_id: str | None) -> tuple[list[types.Diagnostic], str | None]:
        """Diagnostics of a document's text, and the message of a config or dictionary problem (then none)."""
        try:
            config = self.configs.for_path(self._start_folder(path))
            if path and not config.is_included(path):
                return [], None
            speller = self.spellers.for_config(config)
            issues = check_text(speller, config, text, path or uri, language_id)
        except SpellerError as e:
            return [], str(e)
        positions = Positions(text, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        return [diagnostic(i, positions) for i in issues], None

    def report(self, problem: str | None) -> None:
        """Show a config or dictionary problem to the user, once until the next reload."""
        if problem and problem not in self.reported:
            self.reported.add(problem)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"speller: {problem}"))

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check a document after `delay` seconds, replacing a check already waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if uri not in self.workspace.text_documents:
            return  # closed meanwhile
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        diagnostics, problem = await loop.run_in_executor(self.executor, self.diagnose, uri, doc.path, text,
                                                          doc.language_id)
        self.report(problem)
        if uri not in self.workspace.text_documents:
            return  # closed meanwhile
        self.results[uri] = (version, diagnostics)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def current(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics of the document as it is now (checked again if it changed since)."""
        doc = self.workspace.get_text_document(uri)
        version, diagnostics = self.results.get(uri, (None, None))
        if diagnostics is None or version != doc.version:
            diagnostics, problem = self.diagnose(uri, doc.path, doc.source, doc.language_id)
            self.report(problem)
            self.results[uri] = (doc.version, diagnostics)
        return diagnostics

    def reload(self) -> None:
        """Forget configs and word lists read so far and check every open document again."""
        self.configs.clear()
        self.spellers.clear_spellers()
        self.reported.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    # -- code actions -----------------------------------------------------------------------

    def code_actions(self, uri: str, where: types.Range) -> list[types.CodeAction]:
        """Quick fixes for the speller diagnostics touching `where`, then one "Add" action per word."""
        actions: list[types.CodeAction] = []
        words: list[str] = []
        for diag in self.current(uri):
            if not _overlaps(diag.range, where):
                continue
            data: dict[str, Any] = diag.data or {}
            for n, suggestion in enumerate(data.get("suggestions", [])):
                actions.append(types.CodeAction(
                    title=f"Replace with '{suggestion}'",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=n == 0,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diag.range, new_text=suggestion)]}),
                ))
            word = data.get("word")
            if word and word not in words:
                words.append(word)
                actions.append(types.CodeAction(
                    title=f"Add '{word}' to project dictionary",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    command=types.Command(title=f"Add '{word}' to project dictionary", command=ADD_WORD,
                                          arguments=[uri, word]),
                ))
        return actions

    def add_word(self, uri: str, word: str) -> str:
        """Append `word` to the word list of the project of `uri` (as `speller add`); returns the list's path."""
        doc = self.workspace.get_text_document(uri)
        target = add_words(self._start_folder(doc.path), [word])
        self.reload()
        return str(target)


def create_server() -> SpellerServer:
    """A speller language server with its features registered."""
    server = SpellerServer()

    @server.feature(types.INITIALIZED)
    def initialized(ls: SpellerServer, params: types.InitializedParams) -> None:
        # Load the workspace's dictionary now, so the first document does not wait for it.
        ls.executor.submit(ls.diagnose, "", None, _WARM_UP, None)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SpellerServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SpellerServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SpellerServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith(_CONFIG_NAMES) or _is_word_list(ls, uri):
            ls.reload()
        else:
            ls.schedule(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SpellerServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: SpellerServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    @server.command(ADD_WORD)
    def add_word(ls: SpellerServer, uri: str, word: str) -> str | None:
        try:
            return ls.add_word(uri, word)
        except SpellerError as e:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"speller: {e}"))
            return None

    return server


def _is_word_list(ls: SpellerServer, uri: str) -> bool:
    """Whether a saved file is a word list of a config read so far."""
    doc = ls.workspace.get_text_document(uri)
    if not doc.path:
        return False
    saved = os.path.abspath(doc.path)
    return any(saved == os.path.abspath(p) for c in ls.configs.loaded() for p in c.word_lists)


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit."""
    create_server().start_io()
