"""End-to-end: a pytest-lsp client and the real server, on the fixtures."""

import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import FIXTURES

COUNTY = FIXTURES / "county-scrutiny.minutes"
PDF = FIXTURES / "pdf-export.minutes"


async def open_doc(client: LanguageClient, path, text=None) -> str:
    uri = path.resolve().as_uri() if text is None else f"file:///tmp/{path}"
    text = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="minutes", version=1, text=text)))
    for _ in range(100):
        if uri in client.diagnostics:
            break
        await asyncio.sleep(0.05)
    return uri


@pytest.mark.asyncio
async def test_diagnostics_on_open(client: LanguageClient):
    uri = await open_doc(client, COUNTY)
    codes = {d.code for d in client.diagnostics[uri]}
    assert {"M103", "M201"} <= codes
    ffd = next(d for d in client.diagnostics[uri] if d.code == "M201")
    assert ffd.code_description.href == "https://example.org/minutes/README.md#m201"


@pytest.mark.asyncio
async def test_outline_lists_the_items(client_utf8: LanguageClient):
    uri = await open_doc(client_utf8, PDF)
    symbols = await client_utf8.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    items = [s.name for s in symbols[0].children if s.kind == types.SymbolKind.Namespace]
    assert items == ["1. Welcome and Apologies", "2. Library Service Review", "3. Any Other Business"]


@pytest.mark.asyncio
async def test_owner_completion(client: LanguageClient):
    text = COUNTY.read_text(encoding="utf-8") + "\nA report would follow. (Action – "
    uri = await open_doc(client, "owner.minutes", text)
    lines = text.split("\n")
    line = len(lines) - 1
    col = len(lines[-1].encode("utf-16-le")) // 2
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=col)))
    labels = {i.label: i for i in result.items}
    assert "DCS" in labels and "Director of Children’s Services" in labels["DCS"].detail
    # the catalogue comes in only when typed for: an empty slot is the meeting's
    assert "BBC" not in labels and "Monitoring Officer" not in labels


@pytest.mark.asyncio
async def test_hover_and_rename(client: LanguageClient):
    uri = await open_doc(client, COUNTY)
    text = COUNTY.read_text(encoding="utf-8")
    # the attendance defines "(DCS)"; hover a later use
    line_no = next(i for i, l in enumerate(text.split("\n")) if l.startswith("The DCS presented"))
    pos = types.Position(line=line_no, character=5)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos))
    assert "Director of Children’s Services" in hover.contents.value
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=pos, new_name="DoCS"))
    assert len(edit.changes[uri]) == text.count("DCS")


@pytest.mark.asyncio
async def test_incremental_edits_and_debug_state(client: LanguageClient):
    uri = await open_doc(client, "edits.minutes", "1. Title\nThe DCS’s £5 report 😀.\r\n")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=1, character=22), end=types.Position(line=1, character=22)),
            text=" noted")]))
    state = await client.protocol.send_request_async("minutes/debugState", {"uri": uri})
    text = state["text"] if isinstance(state, dict) else state.text
    assert text == "1. Title\nThe DCS’s £5 report 😀 noted.\r\n"
