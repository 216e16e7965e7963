"""The language server end to end over stdio (pytest-lsp), and its position arithmetic."""

from __future__ import annotations

import ast
import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from hypothesis import given
from hypothesis import strategies as st
from lsp_client import answer_registrations
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from test_lsp_settings import WAIT  # seconds any one wait may take (pytest-lsp bounds none)

from speller.categories import shown
from speller.lsp import ADD_WORD, Positions

TEXT = "Judul “baru” 😀\n😀 di luar angksa.\n"
# "angksa" is at line 1; the emoji before it is 1 code point but 2 UTF-16 code units.
ANGKSA = types.Range(start=types.Position(line=1, character=11), end=types.Position(line=1, character=17))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "speller.cli", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    answer_registrations(lsp_client)
    await asyncio.wait_for(
        lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
                root_uri=tmp_path.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")],
            )
        ),
        WAIT,
    )
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


def _open(client: LanguageClient, path: Path, text: str, language_id: str = "plaintext") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
        )
    )
    return uri


async def _published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The diagnostics of `uri` once the server has published some since they were last dropped, waiting at most
    WAIT seconds."""

    async def wait() -> None:
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await asyncio.wait_for(wait(), WAIT)
    return list(client.diagnostics[uri])


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (those already received are dropped first)."""
    client.diagnostics.pop(uri, None)
    return await _published(client, uri)


def _command(action: types.CodeAction | types.Command) -> types.Command:
    """The command of a code action.

    lsprotocol's client-side parser turns every code action that holds a `command` into a bare
    Command whose `command` is the repr of the nested object; undo that here.
    """
    if isinstance(action, types.CodeAction):
        assert action.command is not None
        return action.command
    nested = ast.literal_eval(action.command)
    return types.Command(title=nested["title"], command=nested["command"], arguments=nested.get("arguments"))


def _project(tmp_path: Path) -> Path:
    (tmp_path / ".speller.toml").write_text('word-lists = ["kata.txt"]\n', encoding="utf-8")
    (tmp_path / "kata.txt").write_text("zebra\n", encoding="utf-8")
    return tmp_path


@pytest.mark.asyncio
async def test_diagnostic_at_utf16_range(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", TEXT)
    diagnostics = await _diagnostics(client, uri)
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert d.range == ANGKSA
    assert d.source == "speller"
    assert d.code == "typo"
    assert d.severity == types.DiagnosticSeverity.Warning
    assert "angkasa" in d.message
    data = d.data
    assert isinstance(data, dict)
    assert data["suggestions"][0] == "angkasa"
    assert 0.5 <= data["confidence"] <= 1
    assert f"({shown(data['confidence']):.0%} sure)" in d.message  # cut, as every report shows it


@pytest.mark.asyncio
async def test_quick_fix_replaces_the_range(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", TEXT)
    diagnostics = await _diagnostics(client, uri)
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=types.Position(line=1, character=13), end=types.Position(line=1, character=13)),
                context=types.CodeActionContext(diagnostics=diagnostics),
            )
        ),
        WAIT,
    )
    assert actions
    first = actions[0]
    assert isinstance(first, types.CodeAction)
    assert first.title == "Replace with 'angkasa'"
    assert first.kind == types.CodeActionKind.QuickFix
    assert first.is_preferred
    assert first.edit is not None and first.edit.changes is not None
    expected = {uri: [types.TextEdit(range=ANGKSA, new_text="angkasa")]}
    assert {k: list(v) for k, v in first.edit.changes.items()} == expected
    titles = [a.title for a in actions]
    assert titles[-1] == "Add 'angksa' to project dictionary"
    assert isinstance(diagnostics[0].data, dict)
    assert len(titles) == len(diagnostics[0].data["suggestions"]) + 1


@pytest.mark.asyncio
async def test_no_actions_away_from_issues(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", TEXT)
    await _diagnostics(client, uri)
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=3)),
                context=types.CodeActionContext(diagnostics=[]),
            )
        ),
        WAIT,
    )
    assert not actions


@pytest.mark.asyncio
async def test_add_word_writes_word_list_and_clears_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", TEXT)
    diagnostics = await _diagnostics(client, uri)
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=ANGKSA,
                context=types.CodeActionContext(diagnostics=diagnostics),
            )
        ),
        WAIT,
    )
    assert actions is not None
    [add] = [a for a in actions if a.title == "Add 'angksa' to project dictionary"]
    command = _command(add)
    assert command.command == ADD_WORD and command.arguments == [uri, "angksa"]
    client.diagnostics.pop(uri, None)
    await asyncio.wait_for(
        client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
        ),
        WAIT,
    )
    assert (tmp_path / "kata.txt").read_text(encoding="utf-8") == "angksa\nzebra\n"
    assert await _published(client, uri) == []


@pytest.mark.asyncio
async def test_change_is_checked_again(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", "di luar angkasa\n")
    assert await _diagnostics(client, uri) == []
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=0, character=8), end=types.Position(line=0, character=15)
                    ),
                    text="angksa",
                )
            ],
        )
    )
    [d] = await _published(client, uri)
    assert d.range == types.Range(start=types.Position(line=0, character=8), end=types.Position(line=0, character=14))


@pytest.mark.asyncio
async def test_markdown_code_is_not_checked(client: LanguageClient, tmp_path: Path):
    text = "# Judul\n\n`angksa` dan\n\n```\nangksa\n```\n\ndi luar angksa\n"
    uri = _open(client, _project(tmp_path) / "catatan.md", text, "markdown")
    diagnostics = await _diagnostics(client, uri)
    assert [d.range.start.line for d in diagnostics] == [8]


@pytest.mark.asyncio
async def test_html_markup_is_not_checked(client: LanguageClient, tmp_path: Path):
    text = '<p class="angksa">\n<script>angksa()</script>\ndi luar <b>angksa</b></p>\n'
    uri = _open(client, _project(tmp_path) / "halaman.html", text, "html")
    diagnostics = await _diagnostics(client, uri)
    assert [(d.range.start.line, d.range.start.character) for d in diagnostics] == [(2, 11)]


@pytest.mark.asyncio
async def test_inline_marker(client: LanguageClient, tmp_path: Path):
    (tmp_path / ".speller.toml").write_text("", encoding="utf-8")
    text = "di luar angksa speller: ignore\ndi luar angksa\n"
    uri = _open(client, tmp_path / "artikel.txt", text)
    [d] = await _diagnostics(client, uri)
    assert d.range.start.line == 1


# -- positions ---------------------------------------------------------------------------


def _pos(line: int, character: int) -> dict[str, int]:
    return {"line": line, "character": character}


def test_positions_count_utf16_code_units():
    p = Positions(TEXT)
    start = TEXT.index("angksa")
    assert p.range(start, start + 6) == {"start": _pos(1, 11), "end": _pos(1, 17)}
    assert p.offset(_pos(1, 11)) == start
    assert p.offset(_pos(1, 17)) == start + 6


def test_positions_other_encodings_and_line_breaks():
    text = "a😀b\r\nc\rd"
    assert Positions(text, "utf-8").position(2) == _pos(0, 5)
    assert Positions(text, "utf-32").position(2) == _pos(0, 2)
    assert Positions(text).position(text.index("c")) == _pos(1, 0)
    assert Positions(text).position(text.index("d")) == _pos(2, 0)
    assert Positions(text).offset(_pos(0, 99)) == 3  # clamped before \r\n


@given(st.text(alphabet=st.sampled_from("ab é😀\n“”\r𝔸"), max_size=40))
def test_positions_round_trip(text: str):
    p = Positions(text)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            continue  # between \r and \n is not a position
        assert p.offset(p.position(offset)) == offset


@given(
    st.text(alphabet=st.sampled_from("ab é😀\n“”\r𝔸\ud800"), max_size=40),
    st.sampled_from(("utf-16", "utf-8", "utf-32")),
)
def test_positions_count_the_line_up_to_the_offset(text: str, encoding: str):
    """A position's character is the code units of its line up to the offset (found by search, not by a count over
    the line for each issue)."""
    p = Positions(text, encoding)
    for offset in range(len(text) + 1):
        line = max(i for i, start in enumerate(p.starts) if start <= offset)
        assert p.position(offset) == _pos(line, p.units(text[p.starts[line] : offset]))


def _offset_by_definition(p: Positions, line_no: int, character: int) -> int:
    """The first character of the line whose code units before it reach `character` (clamped to the line)."""
    if line_no >= len(p.starts):
        return len(p.text)
    start = p.starts[line_no]
    end = p.starts[line_no + 1] if line_no + 1 < len(p.starts) else len(p.text)
    line = p.text[start:end].rstrip("\r\n")
    units = 0
    for i, c in enumerate(line):
        if units >= character:
            return start + i
        units += p.units(c)
    return start + len(line)


@given(
    st.text(alphabet=st.sampled_from("ab é😀\n“”\r𝔸\ud800\udc00"), max_size=30),
    st.sampled_from(("utf-16", "utf-8", "utf-32")),
)
def test_an_offset_is_found_as_the_line_is_counted(text: str, encoding: str):
    """`offset` decodes the line at C speed (QA: a keystroke on a 1 MB line spent 0.8 s counting it in Python)."""
    p = Positions(text, encoding)
    for line_no in range(len(p.starts) + 1):
        for character in range(0, 4 * len(text) + 2):
            assert p.offset(_pos(line_no, character)) == _offset_by_definition(p, line_no, character)


@given(
    st.text(alphabet=st.sampled_from("ab\r\n"), max_size=20),
    st.data(),
)
def test_an_edited_text_has_the_line_starts_of_a_fresh_one(text: str, data: st.DataObject):
    """`edited` patches the line starts of a change instead of searching the whole text again (QA: a replace-all of
    8,000 lines took 57 s), splitting and joining `\r\n` included."""
    p = Positions(text)
    for _ in range(3):
        a = data.draw(st.integers(0, len(p.text)))
        b = data.draw(st.integers(a, len(p.text)))
        p = p.edited(a, b, data.draw(st.text(alphabet=st.sampled_from("xy\r\n"), max_size=4)))
        assert p.starts == Positions(p.text).starts


@pytest.mark.asyncio
async def test_untitled_document_is_checked(client: LanguageClient, tmp_path: Path):
    uri = "untitled:Untitled-1"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text="di luar angksa")
        )
    )
    [d] = await _diagnostics(client, uri)
    assert d.range == types.Range(start=types.Position(line=0, character=8), end=types.Position(line=0, character=14))


@pytest.mark.asyncio
async def test_saving_the_config_rechecks_open_documents(client: LanguageClient, tmp_path: Path):
    uri = _open(client, _project(tmp_path) / "artikel.txt", TEXT)
    assert len(await _diagnostics(client, uri)) == 1
    config = tmp_path / ".speller.toml"
    config.write_text('words = ["angksa"]\n', encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
    )
    assert await _published(client, uri) == []
