//! `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure)
//! show as test results. One test suite per file; a file without findings
//! is one passing test case, each finding a failing one.

use std::io::{self, Write};

use super::{place, Report};

/// Escapes text for XML attributes and content.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // characters XML 1.0 cannot hold
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let findings: usize = report.checked.iter().map(|c| c.diagnostics.len()).sum();
    let tests: usize = report.checked.iter().map(|c| c.diagnostics.len().max(1)).sum::<usize>() + report.problems.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="minutes check" tests="{tests}" failures="{findings}" errors="{}">"#,
        report.problems.len()
    )?;
    for c in report.checked {
        let path = xml(&c.source.path);
        let n = c.diagnostics.len();
        writeln!(out, r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0">"#, n.max(1))?;
        if n == 0 {
            writeln!(out, r#"    <testcase name="minutes check" classname="{path}" file="{path}"/>"#)?;
        }
        for d in &c.diagnostics {
            let p = place(&c.source.text, &c.index, d.range.start);
            writeln!(
                out,
                r#"    <testcase name="{} {} at {}:{}" classname="{path}" file="{path}" line="{}">"#,
                d.code, d.name, p.line, p.column, p.line
            )?;
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{path}:{}:{}: {}[{}] {}</failure>"#,
                xml(&d.message),
                d.severity.as_str(),
                p.line,
                p.column,
                d.severity.as_str(),
                d.code,
                xml(&d.message)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    if !report.problems.is_empty() {
        writeln!(out, r#"  <testsuite name="unreadable files" tests="{0}" failures="0" errors="{0}">"#, report.problems.len())?;
        for p in report.problems {
            let path = xml(&p.path);
            writeln!(out, r#"    <testcase name="read {path}" classname="{path}" file="{path}">"#)?;
            writeln!(out, r#"      <error message="{}">{path}: {}</error>"#, xml(&p.message), xml(&p.message))?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
