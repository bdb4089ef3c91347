//! M001 unused-suppression: a suppression comment that silences nothing.

use super::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "M001",
    name: "unused-suppression",
    summary: "A suppression comment silences nothing",
    severity: Severity::Warning,
    default_enabled: true,
    doc: "What it catches: a rule named in `<!-- minutes: ignore … -->`, `ignore-item` or \
`ignore-file` that has no finding there to silence, or a name that is no rule.\n\n\
Why it matters: a suppression left behind after the text was corrected would silence the next, \
real finding without anyone deciding it should.\n\n\
Example: `<!-- minutes: ignore M201 -->` above a line whose abbreviations are all defined.\n\n\
Fix: remove the rule from the comment, or the comment.",
    check,
};

/// Nothing to do on its own: which suppressions were used is known only
/// once the other rules have run, so [`super::check`] reports them.
fn check(_: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
