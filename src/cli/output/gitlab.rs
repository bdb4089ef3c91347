//! `--format gitlab`: a GitLab Code Quality report (a JSON array of
//! issues: `description`, `check_name`, `fingerprint`, `severity`,
//! `location.path`, `location.lines.begin`), shown on merge requests when a
//! job saves it as `artifacts:reports:codequality`.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{place, Report};
use crate::diagnostic::Severity;

#[derive(Serialize)]
struct Issue {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// FNV-1a: a fingerprint stable across runs and machines.
fn fnv1a(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let mut issues = Vec::new();
    for c in report.checked {
        // the same finding twice in a file gets its own fingerprint; lines
        // are left out, so a finding keeps its fingerprint when text moves
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for d in &c.diagnostics {
            let n = seen.entry((d.code, &d.message)).or_default();
            *n += 1;
            let start = place(&c.source.text, &c.index, d.range.start);
            let end = place(&c.source.text, &c.index, d.range.end);
            issues.push(Issue {
                kind: "issue",
                description: format!("{} {}: {}", d.code, d.name, d.message),
                check_name: d.name,
                fingerprint: fnv1a(&[&c.source.path, d.code, &d.message, &n.to_string()]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info | Severity::Hint => "info",
                },
                location: Location { path: c.source.path.clone(), lines: Lines { begin: start.line, end: end.line.max(start.line) } },
            });
        }
    }
    for p in report.problems {
        issues.push(Issue {
            kind: "issue",
            description: format!("not checked: {}", p.message),
            check_name: "unreadable-file",
            fingerprint: fnv1a(&[&p.path, "unreadable-file"]),
            severity: "blocker",
            location: Location { path: p.path.clone(), lines: Lines { begin: 1, end: 1 } },
        });
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
