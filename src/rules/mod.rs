//! The rules: one file per rule, each with a stable code, a kebab-case
//! name, a default severity, its documentation and its check. [`RULES`] is
//! the registry; adding a rule touches its file and one row here.
//!
//! Rules read the model (and the workspace roster); they know nothing of
//! the command line or the language server.

/// Declares a rule: its documentation is the doc comment (first line the
/// summary, then "What it catches", "Why it matters", "Example" and, for a
/// rule with a fix, "Fix" paragraphs), written once and shown by `minutes
/// rule`, the README, hover and the server's code descriptions.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        $vis:vis const $const:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $severity:ident,
            default_enabled: $on:literal,
            fixable: $fixable:literal,
            check $(: $check:path)? $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        $vis const $const: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            name: $name,
            severity: $crate::diagnostic::Severity::$severity,
            default_enabled: $on,
            fixable: $fixable,
            docs: concat!($($doc, "\n"),+),
            check: declare_rule!(@check $($check)?),
        };
    };
    (@check) => { check };
    (@check $check:path) => { $check };
}

mod memo;
mod words;
mod m001_parse_recovery;
mod m002_unused_suppression;
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
mod m701_stale_action;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::workspace::{InSeries, Roster};

pub use memo::Memo;

/// What a rule reads.
pub struct Context<'a> {
    pub text: &'a str,
    pub doc: &'a Document,
    /// People, roles and abbreviations known across the workspace.
    pub roster: &'a Roster,
    /// The other minutes of the series and what they say about this one's
    /// actions; `None` when the document is read alone.
    pub series: Option<InSeries<'a>>,
    /// What the caller kept of earlier checks of the same document (the
    /// language server); `None` for a document checked once.
    pub memo: Option<&'a Memo>,
}

impl Context<'_> {
    /// `answer()`, a read-back test of a fix, or its answer kept from an
    /// earlier check; `key` names everything the answer reads.
    pub(crate) fn recall(&self, key: impl FnOnce() -> String, answer: impl FnOnce() -> bool) -> bool {
        match self.memo {
            Some(memo) => memo.recall(key(), answer),
            None => answer(),
        }
    }
}

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Whether `minutes check` runs it unless asked not to.
    pub default_enabled: bool,
    /// Whether its findings carry a fix.
    pub fixable: bool,
    /// The rule's doc comment, one source line per line (see
    /// [`Rule::summary`] and [`Rule::documentation`]).
    docs: &'static str,
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

impl Rule {
    /// The doc comment's lines, without the one space rustdoc keeps.
    fn doc_lines(&self) -> impl Iterator<Item = &'static str> {
        self.docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l))
    }

    /// One line: what the rule reports.
    pub fn summary(&self) -> &'static str {
        self.doc_lines().next().unwrap_or("").trim_end_matches('.')
    }

    /// What it catches, why it matters, an example and its fix, as
    /// Markdown paragraphs (wrapped source lines joined).
    pub fn documentation(&self) -> String {
        let mut out = String::new();
        for line in self.doc_lines().skip(1).skip_while(|l| l.trim().is_empty()) {
            if line.trim().is_empty() {
                out.push_str("\n\n");
            } else {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push(' ');
                }
                out.push_str(line.trim());
            }
        }
        out.trim_end().to_string()
    }

    /// The rule's help as Markdown: name, summary and documentation. The
    /// README's section for the rule, `minutes rule` and the editor's
    /// hover over a finding all show this text.
    pub fn help_markdown(&self) -> String {
        format!("`{}` — {}\n\n{}", self.name, self.summary(), self.documentation())
    }

    /// The documentation section that starts with `heading` ("Example").
    pub fn section(&self, heading: &str) -> Option<String> {
        self.documentation()
            .split("\n\n")
            .find(|p| p.strip_prefix(heading).is_some_and(|rest| rest.starts_with(':')))
            .map(|p| p[heading.len() + 1..].trim().to_string())
    }
}

/// Every rule, in code order.
pub static RULES: &[Rule] = &[
    m001_parse_recovery::RULE,
    m002_unused_suppression::RULE,
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
    m701_stale_action::RULE,
];

/// Where each rule's documentation is, with its code in lower case
/// appended (`…#m101`): the README of the repository named in Cargo.toml,
/// which holds every rule's documentation under its code. Empty when the
/// package names no repository: no link is better than a path on the
/// machine that built the binary.
pub fn default_docs_url() -> String {
    match env!("CARGO_PKG_REPOSITORY").trim_end_matches('/') {
        "" => String::new(),
        repo => format!("{repo}/blob/HEAD/README.md#"),
    }
}

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

/// Runs the selected rules, drops the findings the document's
/// suppressions silence (and reports those that silence nothing), findings
/// in text order.
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
    let suppressions = &ctx.doc.suppressions;
    let mut used: Vec<Vec<bool>> = suppressions.iter().map(|s| vec![false; s.rules.len()]).collect();
    out.retain(|d| {
        let mut silenced = false;
        for (s, used) in suppressions.iter().zip(&mut used) {
            if let Some(i) = s.silences(d.code, d.name, d.range.start) {
                used[i] = true;
                silenced = true;
            }
        }
        !silenced
    });
    let unused = &m002_unused_suppression::RULE;
    if selection.includes(unused) {
        for (s, used) in suppressions.iter().zip(&used) {
            for (r, _) in s.rules.iter().zip(used).filter(|(_, used)| !**used) {
                let message = match find(&r.name) {
                    None => format!("“{}” is not a rule; `minutes rule` lists them", r.name),
                    // a rule that did not run could not have been silenced
                    Some(rule) if !selection.includes(rule) => continue,
                    Some(rule) => format!("nothing here to silence for {} {}: remove it from the comment", rule.code, rule.name),
                };
                out.push(diagnostic(unused, r.span.clone(), message));
            }
        }
    }
    out.sort_by(|a, b| (a.range.start, a.code).cmp(&(b.range.start, b.code)));
    one_of_each(&mut out);
    Some(out)
}

/// The same finding twice at the same place (two readings of one line that
/// reach the same owner) is one finding: a reader is told once.
fn one_of_each(out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    out.retain(|d| seen.insert((d.code, d.range.start, d.range.end, d.message.clone())));
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
        blank: None,
    }
}

/// How far back the line of a commitment is read for [`marker_reads_back_at`]:
/// a commitment on a longer line is read from its own start, so that a
/// long line's many findings do not each parse the whole line.
const LINE_CONTEXT: usize = 512;

/// Whether `marker`, put at `slot` after the commitment `span` and what
/// precedes it on its line, is read there as an action (with an owner when
/// `owned`; M103's marker leaves the owner blank) that takes the commitment
/// in: after
/// a number ("would write to 1 (Action – Clerk).") or inside an unclosed
/// bracket the grammar does not read one, and the finding and its fix would
/// come back. Only that stretch is parsed, not the document.
pub(crate) fn marker_reads_back_at(ctx: &Context, span: &std::ops::Range<usize>, slot: usize, marker: &str, owned: bool) -> bool {
    let text = ctx.text;
    let mut window = span.start.saturating_sub(LINE_CONTEXT);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let start = match text.get(window..span.start).and_then(|t| t.rfind('\n')) {
        Some(nl) => window + nl + 1,
        None if window == 0 => 0,
        None => span.start,
    };
    let (Some(before), Some(after)) = (text.get(start..slot), text.get(slot..span.end.max(slot))) else { return false };
    let written = format!("{before}{marker}{after}\n");
    let at = slot - start;
    ctx.recall(
        || format!("marker at {at}, owned {owned}\n{written}"),
        || {
            let doc = crate::model::Document::parse(&written);
            let marked = doc.actions.iter().any(|a| a.kind == crate::model::ActionKind::Explicit && (!owned || !a.owners.is_empty()) && a.span.end > at);
            // "would write to ! (Action – Clerk)": a stop before the marker leaves the
            // commitment outside the action it marks, and the finding would stay
            let still_implied = doc.actions.iter().any(|a| a.kind == crate::model::ActionKind::Implied && a.span.start < at);
            marked && !still_implied
        },
    )
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// Runs one rule on `text` (with the roster of that text alone).
    pub fn run(rule: &Rule, text: &str) -> Vec<Diagnostic> {
        let doc = Document::parse(text);
        let roster = Roster::from_documents([&doc]);
        (rule.check)(&Context { text, doc: &doc, roster: &roster, series: None, memo: None })
    }

    /// The selected rules on `text` (with the roster of that text alone),
    /// through [`check`]: the suppressions applied.
    pub fn findings(text: &str, selection: &Selection) -> Vec<Diagnostic> {
        let doc = Document::parse(text);
        let roster = Roster::from_documents([&doc]);
        check(&Context { text, doc: &doc, roster: &roster, series: None, memo: None }, selection)
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
    fn a_finding_repeated_at_its_place_is_reported_once() {
        let rule = &m101_missing_owner::RULE;
        let mut out = vec![
            diagnostic(rule, 5..9, "no owner".into()),
            diagnostic(rule, 5..9, "no owner".into()),
            diagnostic(rule, 5..9, "another reading".into()),
            diagnostic(rule, 12..15, "no owner".into()),
        ];
        one_of_each(&mut out);
        let kept: Vec<(usize, &str)> = out.iter().map(|d| (d.range.start, d.message.as_str())).collect();
        assert_eq!(kept, [(5, "no owner"), (5, "another reading"), (12, "no owner")]);
    }

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        for r in RULES {
            assert!(r.code.len() == 4 && r.code.starts_with('M'), "{}", r.code);
            assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.name);
        }
    }

    /// The doc comment is the single source of `minutes rule`, the README
    /// and the editor: each rule says what it catches, why, gives an
    /// example, and describes its fix where it has one.
    #[test]
    fn every_rule_is_documented() {
        for r in RULES {
            assert!(!r.summary().is_empty() && !r.summary().contains('\n'), "{}: summary", r.code);
            for section in ["What it catches", "Why it matters", "Example"] {
                assert!(r.section(section).is_some_and(|s| !s.is_empty()), "{}: no “{section}:” paragraph", r.code);
            }
            if r.fixable {
                assert!(r.section("Fix").is_some(), "{}: has a fix but no “Fix:” paragraph", r.code);
            }
        }
    }

    /// Each rule's file carries tests of its own.
    #[test]
    fn every_rule_has_its_own_tests() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        for r in RULES {
            let prefix = format!("{}_", r.code.to_lowercase());
            let file = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&prefix)))
                .unwrap_or_else(|| panic!("{}: no file src/rules/{prefix}*.rs", r.code));
            let source = std::fs::read_to_string(&file).unwrap();
            assert!(source.contains("#[cfg(test)]") && source.contains("#[test]"), "{}: no tests in {}", r.code, file.display());
        }
    }

    fn codes(text: &str) -> Vec<(&'static str, usize)> {
        let doc = Document::parse(text);
        let roster = Roster::from_documents([&doc]);
        let index = crate::text::LineIndex::new(text);
        check(&Context { text, doc: &doc, roster: &roster, series: None, memo: None }, &Selection::default())
            .iter()
            .map(|d| (d.code, index.line_number(d.range.start)))
            .collect()
    }

    #[test]
    fn suppression_on_the_next_line() {
        let found = codes("1. Item\n\nThe FFD met.\n\nThe WSCB met.\n");
        assert_eq!(found, [("M201", 3), ("M201", 5)]);
        let found = codes("1. Item\n\n<!-- minutes: ignore M201 -->\nThe FFD met.\n\nThe WSCB met.\n");
        assert_eq!(found, [("M201", 6)]);
        // by name, among others
        let found = codes("1. Item\n\n<!-- minutes: ignore M102, undefined-abbreviation -->\nThe FFD met.\n");
        assert_eq!(found, [("M002", 3)]);
    }

    #[test]
    fn suppression_in_one_item() {
        let text = "1. First\n\n<!-- minutes: ignore-item M201 -->\nThe FFD met.\n\nThe WSCB met.\n\n2. Second\n\nThe LADO met.\n";
        assert_eq!(codes(text), [("M201", 10)]);
    }

    #[test]
    fn suppression_in_the_whole_file() {
        let text = "1. First\n\nThe FFD met.\n\n2. Second\n\nThe LADO met.\n\n<!-- minutes: ignore-file undefined-abbreviation -->\n";
        assert_eq!(codes(text), []);
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
