//! `minutes lsp` as a client sees it: the real binary over stdio, on the
//! fixtures (minutes in the styles of real councils and PDF exports).

mod lsp_support;

use lsp_support::{fixture, uri_of, Client};
use minutes::text::{Encoding, LineIndex};
use serde_json::{json, Value};

/// A county council's export: attendance with roles and abbreviations,
/// "Agenda item" headings, curly quotes and £ before findings.
const COUNTY: &str = "county-scrutiny.minutes";
/// A PDF export: numbered items, CRLF, a page break, lost bullet glyphs.
const PDF: &str = "pdf-export.minutes";

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("a fixture of tests/fixtures")
}

/// The LSP position of the `nth` occurrence of `needle` (plus `delta` bytes).
fn pos(text: &str, needle: &str, nth: usize, delta: usize, enc: Encoding) -> Value {
    let at = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle} #{nth}")).0 + delta;
    let p = LineIndex::new(text).position(text, at, enc);
    json!({"line": p.line, "character": p.col})
}

fn td(uri: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": p})
}

#[test]
fn initialize_negotiates_the_encoding_and_publishes_diagnostics() {
    for (utf8, want) in [(true, "utf-8"), (false, "utf-16")] {
        let (mut c, init) = Client::initialized(utf8, None, json!({ "ruleDocsUrl": "https://example.org/minutes/README.md#" }));
        assert_eq!(init["capabilities"]["positionEncoding"], want);
        assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
        let text = read(COUNTY);
        let uri = uri_of(&fixture(COUNTY));
        let d = c.open(&uri, &text);
        let diags = d["diagnostics"].as_array().unwrap();
        let codes: Vec<&str> = diags.iter().filter_map(|d| d["code"].as_str()).collect();
        // the same findings as `minutes check` (M103, M201 FFD and LSCP), plus M104 hints
        assert!(codes.contains(&"M103") && codes.contains(&"M201"), "{codes:?}");
        let m201 = diags.iter().find(|d| d["code"] == "M201" && d["message"].as_str().unwrap().contains("LSCP")).unwrap();
        assert_eq!(m201["codeDescription"]["href"], "https://example.org/minutes/README.md#m201");
        assert_eq!(m201["source"], "minutes");
        // LSCP sits after ’ and £ on its line: columns differ by encoding
        let (n, line) = text.lines().enumerate().find(|(_, l)| l.contains("LSCP")).unwrap();
        let at = line.find("LSCP").unwrap();
        let col = if utf8 { at } else { line[..at].encode_utf16().count() };
        assert_ne!(at, line[..at].encode_utf16().count(), "the fixture has multi-byte characters before LSCP");
        assert_eq!(m201["range"]["start"], json!({"line": n, "character": col}));
        if let Some(h) = diags.iter().find(|d| d["code"] == "M104") {
            assert_eq!(h["severity"], 4, "implied actions are hints");
        }
        assert_eq!(c.stop(), Some(0));
    }
}

#[test]
fn completion_in_the_owner_slot_offers_document_owners_then_the_catalogue_when_typed_for() {
    let (mut c, _) = Client::initialized(false, None, Value::Null);
    let text = read(COUNTY) + "\nA report would follow. (Action – ";
    let uri = "file:///tmp/owner-slot.minutes";
    c.open(uri, &text);
    let end = LineIndex::new(&text).position(&text, text.len(), Encoding::Utf16);
    let r = c.request("textDocument/completion", td(uri, json!({"line": end.line, "character": end.col})));
    let items = r["items"].as_array().unwrap();
    let label = |l: &str| items.iter().find(|i| i["label"] == l).cloned();
    let dcs = label("DCS").expect("the document's abbreviation");
    assert!(dcs["detail"].as_str().unwrap().contains("Director of Children’s Services"), "{dcs}");
    // an empty slot is the meeting's: catalogue-only names come when typed for
    assert!(label("Monitoring Officer").is_none() && label("BBC").is_none(), "{items:?}");
    let typed = text.clone() + "Mon";
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": typed}]}));
    let e = LineIndex::new(&typed).position(&typed, typed.len(), Encoding::Utf16);
    let r = c.request("textDocument/completion", td(uri, json!({"line": e.line, "character": e.col})));
    assert!(r["items"].as_array().unwrap().iter().any(|i| i["label"] == "Monitoring Officer"), "a catalogue role, typed for: {r}");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": text}]}));
    // after a sentence-initial "The "
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [
        {"range": {"start": {"line": end.line, "character": end.col}, "end": {"line": end.line, "character": end.col}}, "text": ")\nIt was noted. The "}]}));
    let t2 = text.clone() + ")\nIt was noted. The ";
    let e2 = LineIndex::new(&t2).position(&t2, t2.len(), Encoding::Utf16);
    let r = c.request("textDocument/completion", td(uri, json!({"line": e2.line, "character": e2.col})));
    assert!(r["items"].as_array().unwrap().iter().any(|i| i["label"] == "DCS"));
    // a snippet at the start of a line
    let r = c.request("textDocument/completion", td(uri, json!({"line": e2.line, "character": 0})));
    assert!(r["items"].as_array().unwrap().iter().any(|i| i["label"] == "RESOLVED" && i["insertTextFormat"] == 2), "{r}");
}

#[test]
fn outline_of_a_pdf_export_lists_its_items() {
    let (mut c, _) = Client::initialized(true, None, Value::Null);
    let text = read(PDF);
    let uri = uri_of(&fixture(PDF));
    c.open(&uri, &text);
    let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let meeting = &r.as_array().unwrap()[0];
    let items: Vec<&str> = meeting["children"].as_array().unwrap().iter().filter(|s| s["kind"] == 3).map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(items, ["1. Welcome and Apologies", "2. Library Service Review", "3. Any Other Business"]);
    // the same value as `minutes outline`
    let doc = minutes::model::Document::parse(&text);
    let outline = minutes::ide::outline::outline(&text, &doc);
    assert_eq!(outline[0].children.len(), meeting["children"].as_array().unwrap().len());
}

#[test]
fn hover_definition_references_rename_on_real_text() {
    let (mut c, _) = Client::initialized(false, None, json!({"today": "2026-01-01"}));
    let text = read(COUNTY);
    let uri = uri_of(&fixture(COUNTY));
    c.open(&uri, &text);
    let enc = Encoding::Utf16;
    // "The DCS presented the letter" uses DCS defined in the attendance, line 6
    let use_at = pos(&text, "DCS", 1, 1, enc);
    let h = c.request("textDocument/hover", td(&uri, use_at.clone()));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Director of Children’s Services") && md.contains("line 6"), "{md}");
    let d = c.request("textDocument/definition", td(&uri, use_at.clone()));
    assert_eq!(d["range"]["start"], pos(&text, "DCS", 0, 0, enc));
    let refs = c.request("textDocument/references", json!({"textDocument": {"uri": uri}, "position": use_at, "context": {"includeDeclaration": true}}));
    let n = text.matches("DCS").count();
    assert_eq!(refs.as_array().unwrap().len(), n, "{refs}");
    let prep = c.request("textDocument/prepareRename", td(&uri, use_at.clone()));
    assert_eq!(prep["placeholder"], "DCS");
    let edit = c.request("textDocument/rename", json!({"textDocument": {"uri": uri}, "position": use_at, "newName": "DoCS"}));
    assert_eq!(edit["changes"][&uri].as_array().unwrap().len(), n);
    // renaming plain prose is refused with an error, and the server goes on
    let id = c.send_request("textDocument/rename", json!({"textDocument": {"uri": uri}, "position": pos(&text, "monitoring visit", 0, 2, enc), "newName": "x"}));
    assert!(c.response(&json!(id)).get("error").is_some());
    // hover on an action: owner, due, overdue
    let text2 = "1. Report\nACTION: Ann James – circulate the letter by 20 November 2020\n";
    c.open("file:///tmp/a.minutes", text2);
    let h = c.request("textDocument/hover", td("file:///tmp/a.minutes", pos(text2, "circulate", 0, 0, enc)));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("Ann James") && md.contains("2020-11-20") && md.contains("overdue"), "{md}");
}

#[test]
fn code_actions_folding_selection_and_semantic_tokens_on_real_text() {
    let (mut c, init) = Client::initialized(false, None, Value::Null);
    let legend = init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].as_array().unwrap().clone();
    let text = read(COUNTY) + "\nMembers asked for a breakdown of agency staff. (Action)\n";
    let uri = "file:///tmp/actions.minutes";
    let d = c.open(uri, &text);
    let m101 = d["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "M101").cloned().expect("M101");
    // hovering the finding shows the rule's doc comment, as `minutes rule M101` does
    let h = c.request("textDocument/hover", td(uri, m101["range"]["start"].clone()));
    let help = minutes::rules::find("M101").unwrap().help_markdown();
    assert!(h["contents"]["value"].as_str().unwrap().contains(&help), "{h}");
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": m101["range"], "context": {"diagnostics": [m101]}}));
    let add = r.as_array().unwrap().iter().find(|a| a["title"] == "Add owner").cloned().expect("add owner");
    // standard LSP only: a plain edit, no command the client did not declare
    assert!(add.get("command").is_none_or(Value::is_null), "{add}");
    let e = &add["edit"]["changes"][uri][0];
    assert_eq!(e["newText"], " – ");
    // no link to a path on the machine that built the server
    assert!(m101.get("codeDescription").is_none_or(|c| !c["href"].as_str().unwrap_or_default().starts_with("file:")), "{m101}");
    // M201 has a fix that defines FFD where its long form is written
    let t3 = read(COUNTY);
    let u3 = uri_of(&fixture(COUNTY));
    let d3 = c.open(&u3, &t3);
    let ffd = d3["diagnostics"].as_array().unwrap().iter().find(|d| d["message"].as_str().unwrap().contains("FFD")).cloned().unwrap();
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": u3}, "range": ffd["range"], "context": {"diagnostics": [ffd]}}));
    assert!(r.as_array().unwrap().iter().any(|a| a["kind"] == "quickfix" && a["edit"]["changes"][&u3].as_array().is_some_and(|e| !e.is_empty())), "{r}");
    // folding: the three items of the PDF export
    let t4 = read(PDF);
    let u4 = uri_of(&fixture(PDF));
    c.open(&u4, &t4);
    let f = c.request("textDocument/foldingRange", json!({"textDocument": {"uri": u4}}));
    let starts: Vec<u64> = f.as_array().unwrap().iter().map(|f| f["startLine"].as_u64().unwrap()).collect();
    for line in [0, 3, 22] {
        assert!(starts.contains(&line), "no fold at line {line}: {starts:?}");
    }
    // selection ranges grow
    let s = c.request("textDocument/selectionRange", json!({"textDocument": {"uri": u4}, "positions": [pos(&t4, "Visits had fallen", 0, 3, Encoding::Utf16)]}));
    assert!(s[0]["parent"]["parent"].is_object(), "{s}");
    // semantic tokens: the first is the item number "1." at the start of line 0, a number
    let t = c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": u4}}));
    let data: Vec<u64> = t["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(data.len() >= 5 * 5 && data.len() % 5 == 0);
    assert_eq!(legend[data[3] as usize], "number");
    assert_eq!((data[0], data[1]), (0, 0));
    let tr = c.request("textDocument/semanticTokens/range", json!({"textDocument": {"uri": u4}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 5, "character": 0}}}));
    let n = tr["data"].as_array().unwrap().len();
    assert!(n > 0 && n < data.len());
}

#[test]
fn workspace_symbols_and_the_action_register() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.minutes"), "1. Budget\nACTION: Ann James – circulate the letter by 20 November 2020\n").unwrap();
    std::fs::write(dir.path().join("b.minutes"), "1. Roads\nThe Clerk will write to the council about potholes.\n").unwrap();
    let (mut c, _) = Client::initialized(false, Some(dir.path()), json!({"today": "2026-01-01"}));
    let s = c.request("workspace/symbol", json!({"query": "ann"}));
    assert!(s.as_array().unwrap().iter().any(|s| s["name"].as_str().unwrap().starts_with("Ann James") && s["location"]["uri"].as_str().unwrap().ends_with("a.minutes")), "{s}");
    let s = c.request("workspace/symbol", json!({"query": "roads"}));
    assert_eq!(s.as_array().unwrap().len(), 1, "{s}");
    // (implied actions are named "… (implied)": the model finds none yet,
    // commitments::find_commitments being a stub)
    let reg = c.request("minutes/actions", Value::Null);
    let reg = reg.as_array().unwrap();
    assert!(reg.iter().any(|e| e["owners"][0] == "Ann James" && e["status"] == "overdue"), "{reg:?}");
    let same = c.request("workspace/executeCommand", json!({"command": "minutes.actions"}));
    assert_eq!(same.as_array().unwrap().len(), reg.len());
}

#[test]
fn malformed_input_never_stops_the_server() {
    let (mut c, _) = Client::initialized(false, None, Value::Null);
    let alive = |c: &mut Client| {
        let r = c.request("workspace/symbol", json!({"query": ""}));
        assert!(r.is_array());
    };
    // garbage bytes, a frame of bad JSON, a frame of invalid UTF-8
    c.send_raw(b"hello there\r\n\r\n");
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let bad: &[u8] = b"{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"x\",\"params\":\"\xff\xfe\xfd\"}";
    let mut frame = format!("Content-Length: {}\r\n\r\n", bad.len()).into_bytes();
    frame.extend_from_slice(bad);
    c.send_raw(&frame);
    alive(&mut c);
    // each is answered with a JSON-RPC error (parse error or invalid request)
    let errors: Vec<i64> = c.queue.iter().filter(|v| v.get("error").is_some()).map(|v| v["error"]["code"].as_i64().unwrap()).collect();
    assert!(errors.len() >= 3 && errors.iter().all(|c| [-32700, -32600].contains(c)), "{errors:?}");
    // an unknown method
    let id = c.send_request("minutes/noSuchThing", json!({}));
    assert_eq!(c.response(&json!(id))["error"]["code"], -32601);
    // bad params
    let id = c.send_request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(c.response(&json!(id))["error"]["code"], -32602);
    // an unknown document: empty results
    assert!(c.request("textDocument/hover", td("file:///nowhere.minutes", json!({"line": 0, "character": 0}))).is_null());
    // positions past the end are clamped
    let uri = "file:///tmp/clamp.minutes";
    c.open(uri, "1. Title\nThe DCS’s £5 report 😀.\r\n");
    let r = c.request("textDocument/completion", td(uri, json!({"line": 999, "character": 999})));
    assert!(r.is_object() || r.is_null());
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 500}, "end": {"line": 77, "character": 3}}, "text": "!"}]}));
    let st = c.request("minutes/debugState", json!({"uri": uri}));
    assert_eq!(st["text"], "1. Title\nThe DCS’s £5 report 😀.!", "clamped to the end of line 1 and of the text");
    // a stale version is ignored
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 1}, "contentChanges": [{"text": "gone"}]}));
    assert_eq!(c.request("minutes/debugState", json!({"uri": uri}))["version"], 2);
    // a cancelled request is answered (result or RequestCancelled) and the server goes on
    let id = c.send_request("workspace/symbol", json!({"query": ""}));
    c.notify("$/cancelRequest", json!({"id": id}));
    let r = c.response(&json!(id));
    assert!(r.get("result").is_some() || r["error"]["code"] == -32800, "{r}");
    // a big single line
    let big = "The DCS noted the report. ".repeat(200_000); // 5.2 MB, one line
    let uri = "file:///tmp/big.minutes";
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "minutes", "version": 1, "text": big}}));
    let r = c.request("textDocument/hover", td(uri, json!({"line": 0, "character": 5_000_000})));
    assert!(r.is_object() || r.is_null());
    alive(&mut c);
    assert!(c.is_running());
    assert_eq!(c.stop(), Some(0));
}
