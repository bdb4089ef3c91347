"""pytest-lsp fixtures: a client talking to the real `minutes lsp`.

The binary is $MINUTES_BIN, else $CARGO_TARGET_DIR/debug/minutes, else
target/debug/minutes relative to the repository root. Build it first
(`cargo build`)."""

import os
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def minutes_bin() -> str:
    if os.environ.get("MINUTES_BIN"):
        return os.environ["MINUTES_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return str(target / "debug" / "minutes")


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
