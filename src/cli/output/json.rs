//! `--format json`: the whole report as one JSON document (its schema is in
//! the README).

use std::io::{self, Write};

use serde::Serialize;

use super::{place, Place, Report, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::text::LineIndex;

#[derive(Serialize)]
struct JsonReport {
    version: u32,
    files: usize,
    diagnostics: Vec<JsonDiagnostic>,
    problems: Vec<JsonProblem>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    message: String,
}

#[derive(Serialize)]
struct JsonEdit {
    start: Place,
    end: Place,
    text: String,
}

#[derive(Serialize)]
struct JsonFix {
    title: String,
    applicability: Applicability,
    edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
struct JsonRelated {
    start: Place,
    message: String,
}

#[derive(Serialize)]
struct JsonDiagnostic {
    file: String,
    code: &'static str,
    name: &'static str,
    severity: Severity,
    message: String,
    start: Place,
    end: Place,
    related: Vec<JsonRelated>,
    fix: Option<JsonFix>,
}

fn diagnostic(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> JsonDiagnostic {
    JsonDiagnostic {
        file: path.to_string(),
        code: d.code,
        name: d.name,
        severity: d.severity,
        message: d.message.clone(),
        start: place(text, index, d.range.start),
        end: place(text, index, d.range.end),
        related: d.related.iter().map(|r| JsonRelated { start: place(text, index, r.range.start), message: r.message.clone() }).collect(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            title: f.title.clone(),
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit { start: place(text, index, e.range.start), end: place(text, index, e.range.end), text: e.text.clone() })
                .collect(),
        }),
    }
}

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let json = JsonReport {
        version: 1,
        files: report.checked.len(),
        diagnostics: report
            .checked
            .iter()
            .flat_map(|c| c.diagnostics.iter().map(|d| diagnostic(&c.source.path, &c.source.text, &c.index, d)))
            .collect(),
        problems: report.problems.iter().map(|p| JsonProblem { file: p.path.clone(), message: p.message.clone() }).collect(),
        summary: report.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}
