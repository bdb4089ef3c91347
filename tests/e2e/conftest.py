"""pytest-lsp fixtures: a client talking to the real `minutes lsp`
(the binary tests/minutes_binary.py finds; build it first)."""

import pytest_lsp
from lsprotocol import types
from minutes_binary import ROOT, minutes_bin
from pytest_lsp import ClientServerConfig, LanguageClient

FIXTURES = ROOT / "tests" / "fixtures"


def initialize_params(utf8: bool) -> types.InitializeParams:
    encodings = [types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16] if utf8 else [types.PositionEncodingKind.Utf16]
    return types.InitializeParams(
        capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(position_encodings=encodings)),
        initialization_options={"today": "2026-01-01", "ruleDocsUrl": "https://example.org/minutes/README.md#"},
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[minutes_bin(), "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(initialize_params(utf8=False))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[minutes_bin(), "lsp"]))
async def client_utf8(lsp_client: LanguageClient):
    await lsp_client.initialize_session(initialize_params(utf8=True))
    yield
    await lsp_client.shutdown_session()
