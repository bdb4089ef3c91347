//! M002 unused-suppression: a suppression comment that silences nothing.

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
        code: "M002",
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

#[cfg(test)]
mod tests {
    use crate::rules::test_support::findings;
    use crate::rules::Selection;

    #[test]
    fn unused_suppression_is_reported() {
        let text = "1. First\n\n<!-- minutes: ignore M201 M999 -->\nAll words here are plain.\n";
        let found = findings(text, &Selection::default());
        let messages: Vec<_> = found.iter().map(|d| (d.code, &text[d.range.clone()])).collect();
        assert_eq!(messages, [("M002", "M201"), ("M002", "M999")]);
        assert!(found[1].message.contains("not a rule"));
        // a rule that does not run is not reported as unused
        let off = Selection { disable: vec!["M201".into()], ..Default::default() };
        let found = findings(text, &off);
        assert_eq!(found.len(), 1);
    }
}
