//! What every editor client relies on, over the real `minutes lsp`: only
//! standard LSP unless the client declares more, kinds that read as
//! minutes, no completion on space, the workspace scan after the first
//! diagnostics. Uses tests/fixtures/editors/ only.

mod lsp_support;

use lsp_support::{uri_of, Client};
use minutes::text::{Encoding, LineIndex};
use serde_json::{json, Value};

fn fixture() -> (String, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editors/county-council.minutes");
    (uri_of(&path), std::fs::read_to_string(&path).expect("fixture"))
}

fn pos(text: &str, at: usize) -> Value {
    let p = LineIndex::new(text).position(text, at, Encoding::Utf16);
    json!({"line": p.line, "character": p.col})
}

fn actions_at(c: &mut Client, uri: &str, diagnostics: &Value, code: &str) -> Vec<Value> {
    let d = diagnostics.as_array().unwrap().iter().find(|d| d["code"] == code).cloned().unwrap_or_else(|| panic!("{code}: {diagnostics}"));
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}));
    r.as_array().unwrap().clone()
}

#[test]
fn capabilities_trigger_completion_without_space_and_list_the_rule_command() {
    let (_, init) = Client::initialized(false, None, Value::Null);
    let triggers = init["capabilities"]["completionProvider"]["triggerCharacters"].as_array().unwrap();
    assert!(!triggers.contains(&json!(" ")), "{triggers:?}");
    assert!(triggers.contains(&json!("–")));
    let commands = &init["capabilities"]["executeCommandProvider"]["commands"];
    assert!(commands.as_array().unwrap().contains(&json!("minutes.rule")), "{commands}");
}

#[test]
fn the_rule_command_answers_with_the_rules_help() {
    let (mut c, _) = Client::initialized(false, None, Value::Null);
    let r = c.request("workspace/executeCommand", json!({"command": "minutes.rule", "arguments": ["M101"]}));
    let help = r.as_str().unwrap_or_default();
    assert!(help.starts_with("M101 (error)") && help.contains(&minutes::rules::find("M101").unwrap().help_markdown()), "{r}");
}

#[test]
fn fixes_are_plain_edits_unless_the_client_declares_open_blank() {
    let (uri, text) = fixture();
    // a client that declares nothing: edits only
    let (mut plain, _) = Client::initialized(false, None, Value::Null);
    let d = plain.open(&uri, &text);
    for code in ["M101", "M103"] {
        for a in actions_at(&mut plain, &uri, &d["diagnostics"], code) {
            assert!(a.get("command").is_none_or(Value::is_null), "{a}");
            assert!(!a["edit"]["changes"][&uri].as_array().unwrap().is_empty(), "{a}");
        }
    }
    // "Mark as action" is offered once
    let marks: Vec<_> = actions_at(&mut plain, &uri, &d["diagnostics"], "M103").into_iter().filter(|a| a["title"] == "Mark as action").collect();
    assert_eq!(marks.len(), 1, "{marks:?}");
    // a client that runs minutes.openBlank: the cursor goes into the owner slot
    let (mut vscode, _) = Client::initialized(false, None, json!({"clientCommands": ["minutes.openBlank"]}));
    let d = vscode.open(&uri, &text);
    let mark = actions_at(&mut vscode, &uri, &d["diagnostics"], "M103").into_iter().find(|a| a["title"] == "Mark as action").expect("mark as action");
    assert_eq!(mark["command"]["command"], "minutes.openBlank");
    assert_eq!(mark["command"]["arguments"][0], json!(uri));
    let edit = &mark["edit"]["changes"][&uri][0];
    let at = LineIndex::new(&text).offset(&text, minutes::text::LineCol { line: edit["range"]["start"]["line"].as_u64().unwrap() as u32, col: edit["range"]["start"]["character"].as_u64().unwrap() as u32 }, Encoding::Utf16);
    let mut after = text.clone();
    after.insert_str(at, edit["newText"].as_str().unwrap());
    let cursor = after.find("(Action – )").unwrap() + "(Action – ".len();
    assert_eq!(mark["command"]["arguments"][1], pos(&after, cursor));
}

#[test]
fn a_client_that_takes_snippet_edits_gets_the_cursor_in_the_owner_slot_from_the_edit() {
    let (uri, text) = fixture();
    let caps = json!({ "workspace": { "workspaceEdit": { "documentChanges": true, "snippetEditSupport": true } } });
    let (mut c, _) = Client::initialized_with(caps, None, json!({"clientCommands": ["minutes.openBlank"]}));
    let d = c.open(&uri, &text);
    let mark = actions_at(&mut c, &uri, &d["diagnostics"], "M103").into_iter().find(|a| a["title"] == "Mark as action").expect("mark as action");
    // the snippet says where the cursor goes: no command, no private data
    assert!(mark.get("command").is_none_or(Value::is_null), "{mark}");
    assert!(mark.get("data").is_none_or(Value::is_null), "{mark}");
    let doc = &mark["edit"]["documentChanges"][0];
    assert_eq!(doc["textDocument"]["uri"], json!(uri));
    let edits = doc["edits"].as_array().unwrap();
    let snippets: Vec<&Value> = edits.iter().filter(|e| e.get("snippet").is_some()).collect();
    assert_eq!(snippets.len(), 1, "{edits:?}");
    assert_eq!(snippets[0]["snippet"]["kind"], "snippet");
    assert_eq!(snippets[0]["snippet"]["value"], " (Action – $0)");
    // the owner left out of an action marker: the cursor goes after the dash
    let owner = actions_at(&mut c, &uri, &d["diagnostics"], "M101").into_iter().find(|a| a["edit"].get("documentChanges").is_some()).expect("a fix with a blank");
    assert_eq!(owner["edit"]["documentChanges"][0]["edits"][0]["snippet"]["value"], " – $0");
    assert!(owner.get("command").is_none_or(Value::is_null), "{owner}");
}

#[test]
fn outline_kinds_read_as_minutes_not_code() {
    let (uri, text) = fixture();
    let (mut c, _) = Client::initialized(false, None, Value::Null);
    c.open(&uri, &text);
    let r = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let mut kinds = std::collections::BTreeMap::new();
    fn walk(v: &Value, kinds: &mut std::collections::BTreeMap<String, u64>) {
        for s in v.as_array().into_iter().flatten() {
            kinds.insert(s["name"].as_str().unwrap().to_string(), s["kind"].as_u64().unwrap());
            walk(&s["children"], kinds);
        }
    }
    walk(&r, &mut kinds);
    const NAMESPACE: u64 = 3;
    const EVENT: u64 = 24;
    const KEY: u64 = 20;
    assert_eq!(kinds["2. Public Health Annual Report"], NAMESPACE, "{kinds:?}");
    assert_eq!(kinds["RESOLVED"], EVENT, "{kinds:?}");
    let ann = kinds.iter().find(|(n, _)| n.starts_with("Ann James: ")).expect("Ann James's action");
    assert_eq!(*ann.1, KEY);
    assert!(!kinds.values().any(|k| *k == 12 || *k == 2), "no Function or Module: {kinds:?}");
}

#[test]
fn a_huge_workspace_root_is_scanned_after_the_first_diagnostics() {
    let (uri, text) = fixture();
    let (mut c, _) = Client::initialized(false, Some(std::path::Path::new("/usr")), Value::Null);
    let d = c.open(&uri, &text);
    assert!(!d["diagnostics"].as_array().unwrap().is_empty());
    // the server logs the scan's result when it is done: not before the
    // first diagnostics, whatever the machine's speed
    let scanned = |m: &Value| m["method"] == "window/logMessage" && m["params"]["message"].as_str().is_some_and(|t| t.contains("minutes files in the workspace"));
    assert!(!c.queue.iter().any(scanned), "the scan ran before the first diagnostics: {:?}", c.queue);
    // the scan is bounded: the server goes on answering
    let r = c.request("workspace/symbol", json!({"query": "Ann"}));
    assert!(r.as_array().is_some_and(|a| !a.is_empty()), "{r}");
}
