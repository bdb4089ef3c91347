//! `--statistics`: how many findings of each rule, most first, and how many
//! `--fix` can fix.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::diagnostic::Applicability;

#[derive(Serialize)]
struct Count {
    code: &'static str,
    name: &'static str,
    count: usize,
    fixable: usize,
}

pub fn write(out: &mut dyn Write, json: bool, report: &Report) -> io::Result<()> {
    let mut counts: BTreeMap<&'static str, Count> = BTreeMap::new();
    for d in report.checked.iter().flat_map(|c| &c.diagnostics) {
        let c = counts.entry(d.code).or_insert(Count { code: d.code, name: d.name, count: 0, fixable: 0 });
        c.count += 1;
        if d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe) {
            c.fixable += 1;
        }
    }
    let mut counts: Vec<Count> = counts.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    if json {
        serde_json::to_writer_pretty(&mut *out, &counts)?;
        return writeln!(out);
    }
    let width = counts.iter().map(|c| c.count.to_string().len()).max().unwrap_or(1);
    for c in &counts {
        let fixable = if c.fixable == c.count { " [*]".to_string() } else if c.fixable > 0 { format!(" [{} fixable]", c.fixable) } else { String::new() };
        writeln!(out, "{:>width$}  {}  {}{fixable}", c.count, c.code, c.name)?;
    }
    Ok(())
}
