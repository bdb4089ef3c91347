//! `--format short`: one line per finding,
//! `path:line:column: severity[code] message`.

use std::io::{self, Write};

use super::{place, Report};

pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    for c in report.checked {
        for d in &c.diagnostics {
            let p = place(&c.source.text, &c.index, d.range.start);
            writeln!(out, "{}:{}:{}: {}[{}] {}", c.source.path, p.line, p.column, d.severity.as_str(), d.code, d.message)?;
        }
    }
    Ok(())
}
