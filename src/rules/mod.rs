//! The rules: one file per rule, each with a stable code, a kebab-case
//! name, a default severity, its documentation and its check. [`RULES`] is
//! the registry; adding a rule touches its file and one row here.
//!
//! Rules read the model (and the workspace roster); they know nothing of
//! the command line or the language server.

mod m101_missing_owner;
mod m102_unknown_owner;
mod m103_implied_action_without_owner;
mod m104_implied_action;
mod m201_undefined_abbreviation;
mod m202_abbreviation_redefined;
mod m301_numbering;
mod m401_empty_resolution;
mod m501_invalid_due_date;
mod m601_split_paragraph;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::workspace::Roster;

/// What a rule reads.
pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    /// People, roles and abbreviations known across the workspace.
    pub roster: &'a Roster,
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub severity: Severity,
    /// Whether `minutes check` runs it unless asked not to.
    pub default_enabled: bool,
    /// What it catches, why it matters, an example, and its fix.
    pub doc: &'static str,
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    m101_missing_owner::RULE,
    m102_unknown_owner::RULE,
    m103_implied_action_without_owner::RULE,
    m104_implied_action::RULE,
    m201_undefined_abbreviation::RULE,
    m202_abbreviation_redefined::RULE,
    m301_numbering::RULE,
    m401_empty_resolution::RULE,
    m501_invalid_due_date::RULE,
    m601_split_paragraph::RULE,
];

/// A rule by code (`M101`) or name (`missing-owner`).
pub fn find(key: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// Which rules run.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Run these in addition to the defaults (codes or names; "all").
    pub enable: Vec<String>,
    /// Never run these.
    pub disable: Vec<String>,
}

impl Selection {
    pub fn everything() -> Selection {
        Selection { enable: vec!["all".into()], disable: Vec::new() }
    }

    pub fn includes(&self, rule: &Rule) -> bool {
        let named = |list: &[String]| {
            list.iter().any(|k| k == "all" || k.eq_ignore_ascii_case(rule.code) || k == rule.name)
        };
        if named(&self.disable) {
            return false;
        }
        rule.default_enabled || named(&self.enable)
    }
}

/// Runs the selected rules, findings in text order.
pub fn check(ctx: &Context, selection: &Selection) -> Vec<Diagnostic> {
    check_until(ctx, selection, &|| false).unwrap_or_default()
}

/// [`check`] that gives up (`None`) when `cancelled` says so before a rule:
/// the language server's analysis of a version the editor has moved past.
pub fn check_until(ctx: &Context, selection: &Selection, cancelled: &dyn Fn() -> bool) -> Option<Vec<Diagnostic>> {
    let mut out = Vec::new();
    for rule in RULES.iter().filter(|r| selection.includes(r)) {
        if cancelled() {
            return None;
        }
        out.extend((rule.check)(ctx));
    }
    out.sort_by(|a, b| (a.range.start, a.code).cmp(&(b.range.start, b.code)));
    Some(out)
}

pub(crate) fn diagnostic(rule: &Rule, range: std::ops::Range<usize>, message: String) -> Diagnostic {
    Diagnostic {
        code: rule.code,
        name: rule.name,
        severity: rule.severity,
        message,
        range,
        related: Vec::new(),
        fix: None,
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// Runs one rule on `text` (with the roster of that text alone).
    pub fn run(rule: &Rule, text: &str) -> Vec<Diagnostic> {
        let doc = Document::parse(text);
        let roster = Roster::from_documents([&doc]);
        (rule.check)(&Context { text, doc: &doc, roster: &roster })
    }

    /// Applies a finding's fix to `text`.
    pub fn apply(text: &str, d: &Diagnostic) -> String {
        let fix = d.fix.as_ref().expect("the finding has a fix");
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
        let mut out = text.to_string();
        for e in edits {
            out.replace_range(e.range.clone(), &e.text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        for r in RULES {
            assert!(r.code.len() == 4 && r.code.starts_with('M'), "{}", r.code);
            assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.name);
            assert!(!r.doc.is_empty() && !r.summary.is_empty());
        }
    }

    #[test]
    fn selection_defaults_and_overrides() {
        let implied = find("implied-action").unwrap();
        let missing = find("M101").unwrap();
        assert!(!Selection::default().includes(implied));
        assert!(Selection::default().includes(missing));
        assert!(Selection { enable: vec!["M104".into()], ..Default::default() }.includes(implied));
        assert!(!Selection { disable: vec!["missing-owner".into()], ..Default::default() }.includes(missing));
    }
}
