//! The server in process, without stdio or tokio: what the fuzz target
//! and the property tests drive. Each method does what the server does for
//! one message (the same handlers on the same session), and
//! [`Harness::check`] compares the server's state with a fresh analysis of
//! its text.

use serde_json::{json, Value};
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::handlers;
use super::session::{selection, DiskFile, Scanned, Session};
use crate::analysis::{self, Setup};
use crate::config::Config;
use crate::text::Encoding;
use crate::workspace::{track, InSeries, Minute, Roster};

pub struct Harness {
    session: Session,
}

/// A request at a position, as the fuzz target picks them.
#[derive(Clone, Copy, Debug)]
pub enum Request {
    Hover,
    Definition,
    References,
    PrepareRename,
    Rename,
    Completion,
    CodeActions,
    Symbols,
    Folding,
    SelectionRange,
    SemanticTokens,
    WorkspaceSymbols,
    Actions,
}

impl Request {
    pub const ALL: [Request; 13] = [
        Request::Hover,
        Request::Definition,
        Request::References,
        Request::PrepareRename,
        Request::Rename,
        Request::Completion,
        Request::CodeActions,
        Request::Symbols,
        Request::Folding,
        Request::SelectionRange,
        Request::SemanticTokens,
        Request::WorkspaceSymbols,
        Request::Actions,
    ];
}

fn params<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("the harness builds well-formed params")
}

fn uri(s: &str) -> Uri {
    s.parse().expect("the harness is given a well-formed URI")
}

impl Harness {
    pub fn new(encoding: Encoding) -> Harness {
        let mut session = Session::default();
        session.encoding = encoding;
        Harness { session }
    }

    pub fn open(&mut self, u: &str, text: &str, version: i32) {
        handlers::did_open(&mut self.session, params(json!({"textDocument": {"uri": u, "languageId": "minutes", "version": version, "text": text}})));
    }

    /// One didChange; a range is (start line, start column, end line, end
    /// column) in the harness's encoding; `None` replaces the text.
    pub fn change(&mut self, u: &str, version: i32, changes: &[(Option<[u32; 4]>, String)]) -> Result<Option<String>, String> {
        let changes: Vec<Value> = changes
            .iter()
            .map(|(range, text)| match range {
                Some([l0, c0, l1, c1]) => json!({"range": {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}}, "text": text}),
                None => json!({"text": text}),
            })
            .collect();
        handlers::did_change(&mut self.session, params(json!({"textDocument": {"uri": u, "version": version}, "contentChanges": changes})))
    }

    /// The workspace scan reads `files` (path and text) from disk, as the
    /// server does after the first diagnostics: the open documents are
    /// analysed again with the people and meetings those files add.
    pub fn scanned(&mut self, files: &[(&str, &str)]) {
        let files = files.iter().filter_map(|(p, t)| Some((std::path::PathBuf::from(p), DiskFile::new(Uri::from_file_path(p)?, t.to_string())))).collect();
        self.session.add_scanned(Scanned { files, problems: Vec::new(), open: 0 });
    }

    /// Whether the analysis of `u` kept the model of the one before (the
    /// workspace changed, not the text).
    pub fn reused_model(&mut self, u: &str) -> Option<bool> {
        Some(self.session.analysis(&uri(u))?.reused_model)
    }

    pub fn close(&mut self, u: &str) {
        handlers::did_close(&mut self.session, params(json!({"textDocument": {"uri": u}})));
    }

    /// The text the server holds for `u`.
    pub fn text(&mut self, u: &str) -> Option<String> {
        Some(self.session.analysis(&uri(u))?.text.clone())
    }

    /// The diagnostics the server would publish for `u`.
    pub fn diagnostics(&mut self, u: &str) -> Option<Vec<lsp::Diagnostic>> {
        let u = uri(u);
        let a = self.session.analysis(&u)?;
        Some(handlers::diagnostics(&self.session, &u, &a).diagnostics)
    }

    /// Runs one request at a position; the answer as JSON.
    pub fn request(&mut self, u: &str, r: Request, line: u32, character: u32) -> Value {
        let s = &mut self.session;
        let at = json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}});
        let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": line, "character": character}});
        let answer = match r {
            Request::Hover => json!(handlers::hover(s, params(at))),
            Request::Definition => json!(handlers::definition(s, params(at))),
            Request::References => json!(handlers::references(s, params(json!({"textDocument": {"uri": u}, "position": at["position"], "context": {"includeDeclaration": true}})))),
            Request::PrepareRename => json!(handlers::prepare_rename(s, params(at)).ok()),
            Request::Rename => json!(handlers::rename(s, params(json!({"textDocument": {"uri": u}, "position": at["position"], "newName": "Ann Other"}))).ok()),
            Request::Completion => json!(handlers::completion(s, params(at))),
            Request::CodeActions => json!(handlers::code_actions(s, params(json!({"textDocument": {"uri": u}, "range": range, "context": {"diagnostics": []}})))),
            Request::Symbols => json!(handlers::document_symbols(s, &uri(u))),
            Request::Folding => json!(handlers::folding(s, &uri(u))),
            Request::SelectionRange => json!(handlers::selection_ranges(s, params(json!({"textDocument": {"uri": u}, "positions": [at["position"]]})))),
            Request::SemanticTokens => json!(handlers::semantic_tokens(s, &uri(u), Some(params(range)))),
            Request::WorkspaceSymbols => json!(handlers::workspace_symbols(s, "a")),
            Request::Actions => handlers::actions(s),
        };
        answer
    }

    /// Compares the server's analysis of `u` with a fresh one of the same
    /// text: the same tree (kinds and byte ranges), the same model and the
    /// same findings, with the people and meetings of the files the scan
    /// read beside it, read afresh too. `Err` says what differs.
    pub fn check(&mut self, u: &str) -> Result<(), String> {
        let Some(a) = self.session.analysis(&uri(u)) else { return Err(format!("{u} has no analysis")) };
        let fresh_tree = crate::syntax::parse_text(&a.text);
        let (edited, fresh) = (nodes(&a.tree), nodes(&fresh_tree));
        if edited != fresh {
            let at = edited.iter().zip(&fresh).position(|(x, y)| x != y).unwrap_or(edited.len().min(fresh.len()));
            return Err(format!(
                "the incremental tree differs from a fresh parse of {:?} at node {at}: {:?} vs {:?}",
                a.text,
                edited.get(at),
                fresh.get(at)
            ));
        }
        let config = Config::default();
        let doc = analysis::model(&a.text, &fresh_tree, &config);
        if format!("{:?}", a.doc) != format!("{doc:?}") {
            return Err(format!("the model differs from a fresh one for {:?}", a.text));
        }
        // the files read from disk, read afresh: all of them are meetings
        // of the series; those of the same folder (the harness has no
        // workspace markers) add their people
        let me = uri(u);
        let folder = me.to_file_path().and_then(|p| p.parent().map(std::path::Path::to_path_buf));
        let disk: Vec<(bool, &str, &str, crate::model::Document)> = self
            .session
            .disk
            .iter()
            .map(|(p, f)| (p.parent() == folder.as_deref(), f.uri.as_str(), f.text.as_str(), crate::model::Document::parse(&f.text)))
            .collect();
        let roster = analysis::roster(Roster::from_documents(disk.iter().filter(|d| d.0).map(|d| &d.3)), &doc, &config);
        let mut minutes = vec![Minute { name: me.as_str(), text: &a.text, doc: &doc }];
        minutes.extend(disk.iter().map(|(_, name, text, doc)| Minute { name, text, doc }));
        let meetings = track(&minutes, || self.session.today());
        let setup = Setup { roster: &roster, series: Some(InSeries { series: &meetings, minute: 0 }), config: &config, selection: &selection() };
        let findings = analysis::check(&a.text, &doc, setup);
        if format!("{:?}", a.diagnostics) != format!("{findings:?}") {
            return Err(format!("the findings differ from a fresh check of {:?}", a.text));
        }
        Ok(())
    }
}

/// Every node of a tree in order: kind, byte range, and whether it is an
/// error or missing.
fn nodes(tree: &tree_sitter::Tree) -> Vec<(&'static str, usize, usize, bool)> {
    let mut out = Vec::new();
    crate::syntax::walk(tree, |n| {
        out.push((n.kind(), n.start_byte(), n.end_byte(), n.is_error() || n.is_missing()));
        true
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(h: &mut Harness, u: &str) -> Vec<String> {
        h.diagnostics(u).unwrap_or_default().into_iter().filter_map(|d| match d.code {
            Some(lsp::NumberOrString::String(c)) => Some(c),
            _ => None,
        }).collect()
    }

    #[test]
    fn a_scan_recomputes_the_findings_and_keeps_the_model() {
        let u = "file:///meetings/2026-03.minutes";
        let mut h = Harness::new(Encoding::Utf16);
        h.open(u, "1. Report\nMembers asked for a breakdown. (Action – Ann James)\n", 1);
        assert!(codes(&mut h, u).contains(&"M102".to_string()), "an owner nobody names is unknown");
        assert_eq!(h.reused_model(u), Some(false));
        // the scan reads an earlier meeting of the same folder that names her
        h.scanned(&[("/meetings/2026-02.minutes", "Present: Ann James (Clerk)\n\n1. Minutes\nAgreed.\n")]);
        assert_eq!(h.reused_model(u), Some(true));
        assert!(!codes(&mut h, u).contains(&"M102".to_string()), "{:?}", codes(&mut h, u));
        assert_eq!(h.check(u), Ok(()));
        // an edit builds the model again
        h.change(u, 2, &[(Some([0, 3, 0, 9]), "Budget".into())]).ok();
        assert_eq!(h.reused_model(u), Some(false));
        assert_eq!(h.check(u), Ok(()));
    }
}
