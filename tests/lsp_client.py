"""What the tests' LSP client does beyond pytest-lsp's: answer the server's requests a real editor answers."""

from __future__ import annotations

from typing import Any

from lsprotocol import types


def answer_registrations(client: Any) -> list[types.Registration]:
    """Answer `client/registerCapability` as VS Code's client does (the capabilities the tests declare take dynamic
    registrations, so a client must); the registrations the server asked for, in order."""
    asked: list[types.Registration] = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        asked.extend(params.registrations)

    return asked
