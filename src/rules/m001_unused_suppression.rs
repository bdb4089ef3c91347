//! M001 unused-suppression: a suppression comment that silences nothing.

use super::Context;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// A suppression comment silences nothing.
    ///
    /// What it catches: a rule named in `<!-- minutes: ignore … -->`, `ignore-item` or
    /// `ignore-file` that has no finding there to silence, or a name that is no rule.
    ///
    /// Why it matters: a suppression left behind after the text was corrected would silence
    /// the next, real finding without anyone deciding it should.
    ///
    /// Example: `<!-- minutes: ignore M201 -->` above a line whose abbreviations are all defined.
    pub const RULE = {
        code: "M001",
        name: "unused-suppression",
        severity: Warning,
        default_enabled: true,
        fixable: false,
        check,
    }
}

/// Nothing to do on its own: which suppressions were used is known only
/// once the other rules have run, so [`super::check`] reports them.
fn check(_: &Context) -> Vec<Diagnostic> {
    Vec::new()
}
