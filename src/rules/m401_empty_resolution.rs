//! M401 empty-resolution: a RESOLVED block that resolves nothing.

use super::{diagnostic, Context};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// A RESOLVED block has no resolution.
    ///
    /// What it catches: `RESOLVED:` (or `AGREED:`, `DECISION:`) followed by nothing the meeting
    /// decided.
    ///
    /// Why it matters: a decision that is not recorded cannot be acted on or challenged.
    ///
    /// Example: a line `RESOLVED:` followed by a blank line and the next agenda item.
    ///
    /// Fix: write the resolution after the marker: `RESOLVED: That the report be noted.`
    pub const RULE = {
        code: "M401",
        name: "empty-resolution",
        severity: Error,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .resolved_blocks
        .iter()
        .filter(|b| !b.inline && b.resolutions.iter().all(|r| r.text.trim().is_empty()))
        .map(|b| diagnostic(&RULE, b.marker_span.clone(), format!("“{}” is followed by no resolution: write what was decided", b.marker)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn flags_an_empty_block_only() {
        assert_eq!(run(&RULE, "RESOLVED:\n\n").len(), 1);
        assert_eq!(run(&RULE, "RESOLVED:\n\na) That the report be noted;\n").len(), 0);
        assert_eq!(run(&RULE, "RESOLVED – That the report be noted.\n").len(), 0);
    }
}
