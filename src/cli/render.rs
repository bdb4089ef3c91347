//! Rendering findings for people (source line with the span underlined)
//! and for CI (one line per finding, JSON, GitHub annotations).

use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Encoding, LineIndex};

/// A one-based line and character column, as people and CI count them.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

pub fn place(text: &str, index: &LineIndex, offset: usize) -> Place {
    let p = index.position(text, offset, Encoding::Utf8);
    let line_start = index.line_range(text, p.line as usize).start;
    let col_chars = text[line_start..line_start + p.col as usize].chars().count();
    Place { line: p.line as usize + 1, column: col_chars + 1 }
}

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Help,
    }
}

/// Widest piece of a long line shown around a finding.
const WINDOW: usize = 160;

/// The lines holding `range`, cut to a window around it on very long lines.
fn excerpt(text: &str, index: &LineIndex, range: &Range<usize>) -> (usize, Range<usize>) {
    let first = index.line_of(range.start);
    let last = index.line_of(range.end.max(range.start + 1) - 1).max(first).min(first + 3);
    let mut start = index.line_range(text, first).start;
    let mut end = index.line_range(text, last).end;
    if range.start.saturating_sub(start) > WINDOW {
        start = range.start - WINDOW;
    }
    if end.saturating_sub(range.end) > WINDOW {
        end = range.end + WINDOW;
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (first + 1, start..end.max(start))
}

pub fn human(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let (line_start, window) = excerpt(text, index, &d.range);
    let source = &text[window.clone()];
    let span = d.range.start.max(window.start) - window.start..d.range.end.min(window.end).max(d.range.start.max(window.start)) - window.start;
    let label = format!("{} {}", d.code, d.name);
    let mut message = level(d.severity).title(&d.message).id(&label).snippet(
        Snippet::source(source).line_start(line_start).origin(path).fold(false).annotation(level(d.severity).span(span)),
    );
    let related: Vec<String> = d
        .related
        .iter()
        .map(|r| {
            let p = place(text, index, r.range.start);
            format!("{}: {}:{}:{}", r.message, path, p.line, p.column)
        })
        .collect();
    for r in &related {
        message = message.footer(Level::Note.title(r));
    }
    let fix_title = d.fix.as_ref().map(|f| format!("fix available: {}", f.title));
    if let Some(f) = &fix_title {
        message = message.footer(Level::Help.title(f));
    }
    let rendered = Renderer::plain().render(message).to_string();
    rendered
}

pub fn short(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let p = place(text, index, d.range.start);
    format!("{path}:{}:{}: {}[{}] {}", p.line, p.column, d.severity.as_str(), d.code, d.message)
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn github(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let p = place(text, index, d.range.start);
    let e = place(text, index, d.range.end);
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "notice",
    };
    format!(
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(path),
        p.line,
        p.column,
        e.line,
        e.column,
        escape_property(&format!("{} {}", d.code, d.name)),
        escape_data(&d.message)
    )
}

#[derive(Serialize)]
pub struct JsonEdit {
    pub start: Place,
    pub end: Place,
    pub text: String,
}

#[derive(Serialize)]
pub struct JsonFix {
    pub title: String,
    pub edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
pub struct JsonRelated {
    pub start: Place,
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub file: String,
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub start: Place,
    pub end: Place,
    pub related: Vec<JsonRelated>,
    pub fix: Option<JsonFix>,
}

pub fn json(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> JsonDiagnostic {
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
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit { start: place(text, index, e.range.start), end: place(text, index, e.range.end), text: e.text.clone() })
                .collect(),
        }),
    }
}
