"""The editor's settings reach `speller lsp` (pytest-lsp, a real client over stdio, every wait bounded).

`initializationOptions` and `workspace/didChangeConfiguration` carry a `speller` object; its `picky` and
`minConfidence` win over the config file's `picky` and `min-confidence` (`speller.config.Config.shown`), and what
`picky` adds reaches the editor as Information, with its confidence.
"""

from __future__ import annotations

import asyncio
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsp_client import answer_registrations
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from speller.categories import FLAG_CONFIDENCE

#: Seconds any one wait may take; reached only when something is wrong.
WAIT = 60.0
#: A slip two edits from its suggestion: the model flags it, but under half sure (tests/test_shown.py).
FAR_SLIP = "Anak dapat berfikit dengan jernih.\n"
#: A slip the checker is sure of.
SURE_SLIP = "di luar angksa\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "speller.cli", "lsp"]))
async def client(lsp_client: LanguageClient):
    lsp_client.registrations = answer_registrations(lsp_client)  # type: ignore[attr-defined]
    yield  # each test starts the session with the initializationOptions it needs
    await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


async def _start(client: LanguageClient, folder: Path, options: Any = None) -> None:
    await asyncio.wait_for(
        client.initialize_session(
            types.InitializeParams(
                capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
                root_uri=folder.as_uri(),
                workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="project")],
                initialization_options=options,
            )
        ),
        WAIT,
    )


async def _published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (those already received are dropped first)."""

    async def wait() -> list[types.Diagnostic]:
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(client.diagnostics[uri])

    return await asyncio.wait_for(wait(), WAIT)


async def _open(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """Open `path` holding `text`; its first diagnostics."""
    path.write_text(text, encoding="utf-8")
    client.diagnostics.pop(path.as_uri(), None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="plaintext", version=1, text=text)
        )
    )
    return await _published(client, path.as_uri())


async def _change_settings(client: LanguageClient, settings: Any, uri: str) -> list[types.Diagnostic]:
    """Send `settings` as workspace/didChangeConfiguration; the diagnostics then published for `uri`."""
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
    return await _published(client, uri)


def _data(diagnostic: types.Diagnostic) -> dict[str, Any]:
    assert isinstance(diagnostic.data, dict)
    return diagnostic.data


def _words(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [_data(d)["word"] for d in diagnostics]


@pytest.mark.asyncio
async def test_picky_from_initialization_options_shows_a_low_flag_as_information(
    client: LanguageClient, tmp_path: Path
):
    await _start(client, tmp_path, {"speller": {"picky": True}})
    (low,) = await _open(client, tmp_path / "rendah.txt", FAR_SLIP)
    assert _data(low)["word"] == "berfikit" and _data(low)["confidence"] < FLAG_CONFIDENCE
    assert low.severity == types.DiagnosticSeverity.Information
    percent = re.search(r"\((\d+)% sure\)$", low.message)  # the confidence in the message, cut to a whole percent
    assert percent is not None and abs(int(percent.group(1)) - 100 * _data(low)["confidence"]) < 1.01
    (sure,) = await _open(client, tmp_path / "yakin.txt", SURE_SLIP)
    assert sure.severity == types.DiagnosticSeverity.Warning and _data(sure)["confidence"] >= FLAG_CONFIDENCE


@pytest.mark.asyncio
async def test_changed_settings_check_the_open_documents_again(client: LanguageClient, tmp_path: Path):
    await _start(client, tmp_path)
    path = tmp_path / "artikel.txt"
    assert await _open(client, path, FAR_SLIP) == []  # hidden by default
    uri = path.as_uri()
    assert _words(await _change_settings(client, {"speller": {"picky": True}}, uri)) == ["berfikit"]
    assert await _change_settings(client, {"speller": {"picky": True, "minConfidence": 0.9}}, uri) == []
    assert _words(await _change_settings(client, {"speller": {"minConfidence": 0.1}}, uri)) == ["berfikit"]
    # settings without a `speller` object change nothing: the next edit is checked with minConfidence 0.1 still
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"other": {"x": 1}}))
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="Lalu " + FAR_SLIP)],
        )
    )
    assert _words(await _published(client, uri)) == ["berfikit"]
    assert await _change_settings(client, {"speller": {}}, uri) == []  # an empty object: the defaults again


@pytest.mark.asyncio
async def test_the_editor_s_settings_win_over_the_config_file(client: LanguageClient, tmp_path: Path):
    config = tmp_path / ".speller.toml"
    config.write_text("picky = true\n", encoding="utf-8")
    await _start(client, tmp_path)
    path = tmp_path / "artikel.txt"
    assert _words(await _open(client, path, FAR_SLIP)) == ["berfikit"]  # the file's picky
    uri = path.as_uri()
    assert await _change_settings(client, {"speller": {"picky": False}}, uri) == []  # the editor's wins
    config.write_text("min-confidence = 0.9\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
    )
    assert await _published(client, uri) == []  # picky false leaves the file's min-confidence
    assert _words(await _change_settings(client, {"speller": {"picky": True}}, uri)) == ["berfikit"]


@pytest.mark.asyncio
async def test_a_bad_setting_is_shown_and_dropped(client: LanguageClient, tmp_path: Path):
    (tmp_path / ".speller.toml").write_text("picky = true\n", encoding="utf-8")
    await _start(client, tmp_path, {"speller": {"picky": "yes", "minConfidence": 0.9}})

    async def message() -> str:
        while not client.messages:
            await asyncio.sleep(0.05)
        return client.messages[-1].message

    text = await asyncio.wait_for(message(), WAIT)
    assert text == "speller: editor settings: speller.picky must be true or false"
    assert client.messages[-1].type == types.MessageType.Error
    path = tmp_path / "artikel.txt"
    assert _words(await _open(client, path, FAR_SLIP)) == ["berfikit"]  # the file's picky: minConfidence was dropped
    client.messages.clear()
    assert _words(await _change_settings(client, {"speller": {"minConfidence": 2}}, path.as_uri())) == ["berfikit"]
    assert [m.message for m in client.messages] == [
        "speller: editor settings: speller.minConfidence must be a number from 0 to 1"
    ]


@pytest.mark.asyncio
async def test_settings_are_asked_of_a_client_that_answers_workspace_configuration(
    client: LanguageClient, tmp_path: Path
):
    client.set_configuration({"picky": True}, section="speller")  # what VS Code's client answers from its settings
    await _start(client, tmp_path)
    path = tmp_path / "artikel.txt"
    uri = path.as_uri()

    async def until(words: list[str]) -> None:
        """Wait for `words` to be published for `uri` (the settings are asked after `initialized`: a check may run
        before they come)."""
        while uri not in client.diagnostics or _words(list(client.diagnostics[uri])) != words:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    await _open(client, path, FAR_SLIP)
    await asyncio.wait_for(until(["berfikit"]), WAIT)
    client.set_configuration({"picky": True, "minConfidence": 0.9}, section="speller")
    assert await _change_settings(client, None, uri) == []  # settings null: asked again
    client.set_configuration({"minConfidence": 0.1}, section="speller")
    assert _words(await _change_settings(client, {}, uri)) == ["berfikit"]  # no `speller` object: asked again


@pytest.mark.asyncio
async def test_a_client_that_takes_dynamic_registrations_is_asked_for_changed_settings(
    client: LanguageClient, tmp_path: Path
):
    # VS Code's client sends workspace/didChangeConfiguration only to a server that registers for it
    await _start(client, tmp_path)
    registrations = client.registrations  # type: ignore[attr-defined]

    async def registered() -> None:
        while not registrations:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(registered(), WAIT)
    (registration,) = registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_CONFIGURATION
    assert registration.register_options == {"section": "speller"}
