//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other
//! viewers. One run; the driver lists every rule with its help text and a
//! link to its documentation; each result has its location, related
//! locations and its fix. Columns count Unicode code points, as the other
//! formats do.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{place, Report};
use crate::cli::check::Checked;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RULES;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn region(c: &Checked, start: usize, end: usize) -> Value {
    let s = place(&c.source.text, &c.index, start);
    let e = place(&c.source.text, &c.index, end);
    json!({ "startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column })
}

fn location(c: &Checked, start: usize, end: usize) -> Value {
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri(&c.source.path) }, "region": region(c, start, end) } })
}

/// A relative path as a URI reference (forward slashes, spaces escaped).
fn uri(path: &str) -> String {
    path.replace('\\', "/").replace('%', "%25").replace(' ', "%20")
}

fn result(c: &Checked, d: &Diagnostic) -> Value {
    let mut r = json!({
        "ruleId": d.code,
        "ruleIndex": RULES.iter().position(|r| r.code == d.code),
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [location(c, d.range.start, d.range.end)],
    });
    if !d.related.is_empty() {
        r["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut l = location(c, rel.range.start, rel.range.end);
                l["id"] = json!(i);
                l["message"] = json!({ "text": rel.message });
                l
            })
            .collect();
    }
    if let Some(f) = &d.fix {
        r["fixes"] = json!([{
            "description": { "text": f.title },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&c.source.path) },
                "replacements": f.edits.iter().map(|e| json!({
                    "deletedRegion": region(c, e.range.start, e.range.end),
                    "insertedContent": { "text": e.text },
                })).collect::<Vec<_>>(),
            }],
        }]);
        r["properties"] = json!({ "applicability": f.applicability });
    }
    r
}

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "text": r.documentation() },
                "help": { "text": r.documentation(), "markdown": r.help_markdown() },
                "defaultConfiguration": { "level": level(r.severity), "enabled": r.default_enabled },
            });
            if let Some(url) = report.rule_url(r.code) {
                rule["helpUri"] = json!(url);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = report.checked.iter().flat_map(|c| c.diagnostics.iter().map(move |d| result(c, d))).collect();
    let notifications: Vec<Value> = report
        .problems
        .iter()
        .map(|p| {
            json!({
                "level": "error",
                "message": { "text": p.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&p.path) } } }],
            })
        })
        .collect();
    let mut driver = json!({ "name": "minutes", "version": env!("CARGO_PKG_VERSION"), "rules": rules });
    if let Some(home) = report.docs_url.split('#').next().filter(|u| !u.is_empty()) {
        driver["informationUri"] = json!(home);
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": report.problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
