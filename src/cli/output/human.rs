//! `--format human` (the default): each finding with its source line and
//! the span underlined, then a summary line.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{place, Report};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::text::LineIndex;

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for c in report.checked {
        for d in &c.diagnostics {
            writeln!(out, "{}\n", render(&c.source.path, &c.source.text, &c.index, d))?;
        }
    }
    if !report.quiet {
        let files = report.checked.len();
        let s = report.summary();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        writeln!(
            out,
            "Checked {files} file{}: {} error{}, {} warning{}{}",
            plural(files),
            s.errors,
            plural(s.errors),
            s.warnings,
            plural(s.warnings),
            if report.problems.is_empty() { String::new() } else { format!("; {} file(s) could not be checked", report.problems.len()) }
        )?;
        let fixable = report.fixable();
        if fixable > 0 {
            writeln!(out, "{fixable} fixable with `minutes check --fix`")?;
        }
    }
    Ok(())
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

fn render(path: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> String {
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
    let fix_title = d.fix.as_ref().map(|f| match f.applicability {
        Applicability::Safe => format!("fix available (--fix): {}", f.title),
        Applicability::Unsafe => format!("fix available (--fix --unsafe-fixes): {}", f.title),
    });
    if let Some(f) = &fix_title {
        message = message.footer(Level::Help.title(f));
    }
    let rendered = Renderer::plain().render(message).to_string();
    rendered
}

