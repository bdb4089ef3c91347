//! `--format github`: GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's files.

use std::io::{self, Write};

use super::{place, Report};
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for c in report.checked {
        for d in &c.diagnostics {
            let p = place(&c.source.text, &c.index, d.range.start);
            let e = place(&c.source.text, &c.index, d.range.end);
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "notice",
            };
            writeln!(
                out,
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&c.source.path),
                p.line,
                p.column,
                e.line,
                e.column,
                escape_property(&format!("{} {}", d.code, d.name)),
                escape_data(&d.message)
            )?;
        }
    }
    for p in report.problems {
        writeln!(out, "::error file={}::{}", escape_property(&p.path), escape_data(&p.message))?;
    }
    Ok(())
}
