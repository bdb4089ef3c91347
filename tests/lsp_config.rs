//! The language server reads `minutes.toml` like the CLI, and picks up an
//! edited one without restarting: over stdio, against the real binary.

mod lsp_support;

use lsp_support::{uri_of, Client};
use serde_json::{json, Value};

const MINUTES: &str = "1. Referrals\n\nMembers noted that the FFD had more referrals.\n\nACTION: Ann James – circulate the figures\n";

fn codes(publish: &Value) -> Vec<String> {
    let mut v: Vec<String> = publish["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap_or("").to_string()).collect();
    v.sort();
    v
}

#[test]
fn an_edited_configuration_is_picked_up_and_diagnostics_republished() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("minutes.toml");
    std::fs::write(&config, "[abbreviations.known]\nFFD = \"Family Front Door\"\n").unwrap();
    let file = dir.path().join("referrals.minutes");
    std::fs::write(&file, MINUTES).unwrap();
    let uri = uri_of(&file);

    let (mut c, _) = Client::initialized(false, Some(dir.path()), Value::Null);
    let first = c.open(&uri, MINUTES);
    assert_eq!(codes(&first), ["M102"], "FFD is known from minutes.toml; Ann James is not: {first}");
    // the workspace scan that follows the first diagnostics republishes them
    let scanned = c.notification("window/logMessage", |p| p["message"].as_str().is_some_and(|m| m.contains("files in the workspace")));
    assert!(scanned["message"].as_str().unwrap().starts_with("minutes: 1 minutes files"), "{scanned}");
    let rescan = c.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri.as_str());
    assert_eq!(codes(&rescan), ["M102"], "{rescan}");

    // the roster gains Ann James; FFD is no longer defined, M102 becomes an error elsewhere
    std::fs::write(
        &config,
        "[rules.severity]\nundefined-abbreviation = \"error\"\n[roster.people]\n\"Ann James\" = { role = \"Clerk\" }\n",
    )
    .unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri_of(&config), "type": 2}]}));
    let second = c.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri.as_str());
    assert_eq!(codes(&second), ["M201"], "{second}");
    assert_eq!(second["diagnostics"][0]["severity"], 1, "severity from minutes.toml: error");

    // a broken file: the defaults, and the server goes on
    std::fs::write(&config, "[rules\n").unwrap();
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri_of(&config)}}));
    let third = c.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri.as_str());
    assert_eq!(codes(&third), ["M102", "M201"], "{third}");
    let log = c.notification("window/logMessage", |p| p["message"].as_str().is_some_and(|m| m.contains("minutes.toml:1:")));
    assert!(log["message"].as_str().unwrap().contains("defaults used"), "{log}");
    assert_eq!(c.stop(), Some(0));
}

#[test]
fn completion_and_hover_offer_the_configured_roster() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("minutes.toml"),
        "[roster]\ngroups = [\"Neighbourhood Forum\"]\n[roster.people]\n\"Ann James\" = { role = \"Democratic Services Officer\" }\n[abbreviations.known]\nFFD = \"Family Front Door\"\n",
    )
    .unwrap();
    let file = dir.path().join("a.minutes");
    let text = "1. Referrals\n\nThe FFD reported.\n\nACTION: \n";
    std::fs::write(&file, text).unwrap();
    let uri = uri_of(&file);
    let (mut c, _) = Client::initialized(false, Some(dir.path()), Value::Null);
    c.open(&uri, text);
    let items = c.request("textDocument/completion", json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 8}}));
    let labels: Vec<&str> = items["items"].as_array().unwrap().iter().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"Ann James") && labels.contains(&"Neighbourhood Forum"), "{labels:?}");
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 5}}));
    assert!(hover["contents"]["value"].as_str().is_some_and(|v| v.contains("Family Front Door")), "{hover}");
    assert_eq!(c.stop(), Some(0));
}
