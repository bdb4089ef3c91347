//! The formats of `minutes check`: one file per format, each writing a
//! [`Report`] to any output (standard output or `--output-file`).

mod github;
mod gitlab;
mod human;
mod json;
mod junit;
mod sarif;
mod short;
mod statistics;

use std::io::{self, Write};

use serde::Serialize;

use super::check::Checked;
use super::files::Problem;
use super::CheckFormat;
use crate::diagnostic::Severity;
use crate::text::{Encoding, LineIndex};

/// What a run of `minutes check` found.
pub struct Report<'a> {
    pub checked: &'a [Checked],
    pub problems: &'a [Problem],
    /// Where the rules' documentation lives; a rule's code in lower case is
    /// appended (`…README.md#m101`).
    pub docs_url: &'a str,
    /// Findings only: no summary.
    pub quiet: bool,
}

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

#[derive(Serialize, Default, Clone, Copy)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
}

impl Report<'_> {
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for d in self.checked.iter().flat_map(|c| &c.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
                Severity::Hint => s.hints += 1,
            }
        }
        s
    }

    /// How many findings `--fix` would fix (safe fixes).
    pub fn fixable(&self) -> usize {
        self.checked
            .iter()
            .flat_map(|c| &c.diagnostics)
            .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe))
            .count()
    }

    /// The link to a rule's documentation; none when no documentation URL
    /// is known (`--rule-docs-url`, or the package's repository).
    fn rule_url(&self, code: &str) -> Option<String> {
        (!self.docs_url.is_empty()).then(|| format!("{}{}", self.docs_url, code.to_lowercase()))
    }
}

/// Writes the report in `format`.
pub fn write(out: &mut dyn Write, format: CheckFormat, report: &Report) -> io::Result<()> {
    match format {
        CheckFormat::Human => human::write(out, report),
        CheckFormat::Short => short::write(out, report),
        CheckFormat::Json => json::write(out, report),
        CheckFormat::Github => github::write(out, report),
        CheckFormat::Sarif => sarif::write(out, report),
        CheckFormat::Junit => junit::write(out, report),
        CheckFormat::Gitlab => gitlab::write(out, report),
    }
}

/// Writes counts per rule instead of the findings (`--statistics`).
pub fn write_statistics(out: &mut dyn Write, format: CheckFormat, report: &Report) -> io::Result<()> {
    statistics::write(out, format == CheckFormat::Json, report)
}
