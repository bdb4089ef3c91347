//! One document from text to findings: parse, model (as its configuration
//! reads it), rules (as its configuration selects and grades them), with
//! the roster and the series of meetings the caller gathered. The one path
//! the CLI, the language server, the benchmarks and the tests take, so that
//! the editor, CI and the measurements cannot disagree.
//!
//! Pure: callers read the files and gather the workspace; nothing here
//! touches the disk or the clock.
//!
//! Two steps, because the facts across files need every document first: a
//! roster is folded from the documents of a workspace, a series of meetings
//! is tracked across them. [`read`] (or [`model`] for a tree the caller
//! parsed) is the first step, [`check`] the second; [`analyse`] does both
//! for one document read alone.

use tree_sitter::Tree;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, Memo};
use crate::rules::{self, Context, Selection};
use crate::workspace::{InSeries, Roster};

/// A document's model and findings.
#[derive(Debug)]
pub struct Analysis {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// The model of `text`, parsed into `tree`, as `config` reads it (the
/// order of numeric dates).
pub fn model(text: &str, tree: &Tree, config: &Config) -> Document {
    let mut doc = Document::new(text, tree);
    config.prepare(text, &mut doc);
    doc
}

/// [`model`] for a caller that reads one document version after version
/// (the language server) and keeps `memo` between them
/// ([`Document::with_memo`]): the same model, sooner.
pub fn remodel(text: &str, tree: &Tree, config: &Config, memo: &mut Memo) -> Document {
    let mut doc = Document::with_memo(text, tree, memo);
    config.prepare(text, &mut doc);
    doc
}

/// [`model`] of a fresh parse of `text`.
pub fn read(text: &str, config: &Config) -> Document {
    model(text, &crate::syntax::parse_text(text), config)
}

/// The roster a document is checked with: everyone `known` knows (the rest
/// of its workspace), the document's own people and the configuration's.
pub fn roster(known: Roster, doc: &Document, config: &Config) -> Roster {
    let mut roster = known;
    roster.add(doc);
    config.extend_roster(&mut roster);
    roster
}

/// What [`check`] reads besides the document.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    /// Everyone the document's workspace knows, the document's own people
    /// included ([`roster`]).
    pub roster: &'a Roster,
    /// The document's place in its series of meetings; `None` when it is
    /// read alone.
    pub series: Option<InSeries<'a>>,
    /// Which rules run and how loud, as the file's `minutes.toml` says.
    pub config: &'a Config,
    /// The rules asked for on top of the configuration (the command line's
    /// `--enable`/`--disable`, the editor's settings).
    pub selection: &'a Selection,
}

/// The findings on `doc`, read from `text` by [`read`] or [`model`].
pub fn check(text: &str, doc: &Document, setup: Setup) -> Vec<Diagnostic> {
    check_until(text, doc, setup, None, &|| false).unwrap_or_default()
}

/// [`check`] that gives up (`None`) when `cancelled` says so between rules:
/// the language server's analysis of a version the editor has moved past.
/// `memo`: what a caller that checks one document version after version
/// keeps between checks ([`rules::Memo`]): the same findings, sooner.
pub fn check_until(text: &str, doc: &Document, setup: Setup, memo: Option<&rules::Memo>, cancelled: &dyn Fn() -> bool) -> Option<Vec<Diagnostic>> {
    let Setup { roster, series, config, selection } = setup;
    let found = config.check_until(&Context { text, doc, roster, series, memo }, selection, cancelled);
    if let (Some(memo), Some(_)) = (memo, &found) {
        memo.end();
    }
    found
}

/// One document read alone: its model and its findings, with `known`
/// (people the rest of its workspace names) and the configuration's roster.
pub fn analyse(text: &str, known: &Roster, config: &Config, selection: &Selection) -> Analysis {
    let doc = read(text, config);
    let roster = roster(known.clone(), &doc, config);
    let diagnostics = check(text, &doc, Setup { roster: &roster, series: None, config, selection });
    Analysis { doc, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::DateOrder;

    #[test]
    fn the_configuration_reads_dates_and_grades_findings() {
        let text = "Date: 12/1/2026\n\n1. Report\nMembers asked for a breakdown. (Action)\n";
        let plain = analyse(text, &Roster::default(), &Config::default(), &Selection::default());
        assert_eq!(plain.doc.meeting.date.map(|d| d.to_string()).as_deref(), Some("2026-01-12"));
        let m101 = plain.diagnostics.iter().find(|d| d.code == "M101").expect("M101 without a configuration");
        let mut config = Config { date_order: Some(DateOrder::MonthDay), ..Config::default() };
        config.rules.severity.insert("M101", crate::diagnostic::Severity::Hint);
        let configured = analyse(text, &Roster::default(), &config, &Selection::default());
        assert_eq!(configured.doc.meeting.date.map(|d| d.to_string()).as_deref(), Some("2026-12-01"));
        let graded = configured.diagnostics.iter().find(|d| d.code == "M101").expect("M101 with a configuration");
        assert_eq!(graded.severity, crate::diagnostic::Severity::Hint);
        assert_ne!(m101.severity, graded.severity);
    }

    #[test]
    fn a_known_owner_is_known_through_the_roster() {
        let text = "1. Report\nMembers asked for a breakdown. (Action – Ann James)\n";
        let alone = analyse(text, &Roster::default(), &Config::default(), &Selection::default());
        assert!(alone.diagnostics.iter().any(|d| d.code == "M102"), "{:?}", alone.diagnostics);
        let known = Roster::from_documents([&read("Present: Ann James (Clerk)\n", &Config::default())]);
        let with_peers = analyse(text, &known, &Config::default(), &Selection::default());
        assert!(!with_peers.diagnostics.iter().any(|d| d.code == "M102"), "{:?}", with_peers.diagnostics);
    }
}
