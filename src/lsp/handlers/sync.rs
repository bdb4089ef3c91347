//! Document synchronisation and diagnostics.

use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::super::convert::{self, Pos};
use super::super::document::{Change, OpenDocument};
use super::super::session::Session;

/// Diagnostics to publish for one document at one version.
pub struct Publish {
    pub uri: Uri,
    pub version: i32,
    pub diagnostics: Vec<lsp::Diagnostic>,
}

pub fn diagnostics(s: &mut Session, uri: &Uri) -> Option<Publish> {
    let a = s.analysis(uri)?;
    let pos = Pos { text: &a.text, index: &a.index, enc: s.encoding };
    let diagnostics = a.diagnostics.iter().map(|d| convert::diagnostic(pos, uri, d, &s.rule_docs)).collect();
    Some(Publish { uri: uri.clone(), version: a.version, diagnostics })
}

pub fn did_open(s: &mut Session, p: lsp::DidOpenTextDocumentParams) -> Option<Publish> {
    let uri = p.text_document.uri;
    s.open.insert(uri.clone(), OpenDocument::new(&p.text_document.text, p.text_document.version));
    diagnostics(s, &uri)
}

/// Applies a didChange; `Err` says why it was ignored.
pub fn did_change(s: &mut Session, p: lsp::DidChangeTextDocumentParams) -> Result<Option<Publish>, String> {
    let uri = p.text_document.uri;
    let enc = s.encoding;
    let Some(d) = s.open.get_mut(&uri) else { return Err(format!("didChange for {} which is not open", uri.as_str())) };
    if p.text_document.version <= d.version {
        return Err(format!("stale didChange for {}: version {} after {}", uri.as_str(), p.text_document.version, d.version));
    }
    let changes = p
        .content_changes
        .into_iter()
        .map(|c| Change { range: c.range.map(|r| (convert::line_col(r.start), convert::line_col(r.end))), text: c.text })
        .collect();
    d.apply(p.text_document.version, changes, enc);
    Ok(diagnostics(s, &uri))
}

pub fn did_close(s: &mut Session, p: lsp::DidCloseTextDocumentParams) -> Publish {
    let uri = p.text_document.uri;
    s.open.remove(&uri);
    if let Some(path) = uri.to_file_path() {
        let path = path.into_owned();
        if s.is_minutes(&path) {
            s.read_disk(&path);
        }
    }
    Publish { uri, version: 0, diagnostics: Vec::new() }
}

fn is_config(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| n == crate::config::FILE_NAME)
}

/// After a `minutes.toml` changed: the diagnostics of every open document,
/// checked again with it, and the errors of configurations that cannot be
/// read.
pub struct Reloaded {
    pub publish: Vec<Publish>,
    pub errors: Vec<String>,
}

fn reload(s: &mut Session) -> Reloaded {
    let publish = s.reload_configs().iter().filter_map(|uri| diagnostics(s, uri)).collect();
    Reloaded { publish, errors: s.config_errors() }
}

/// A save: a minutes file is read again; a saved `minutes.toml` is
/// reloaded and the open documents checked again with it.
pub fn did_save(s: &mut Session, p: lsp::DidSaveTextDocumentParams) -> Option<Reloaded> {
    let path = p.text_document.uri.to_file_path()?.into_owned();
    if s.is_minutes(&path) {
        s.read_disk(&path);
    }
    is_config(&path).then(|| reload(s))
}

pub fn watched_files(s: &mut Session, p: lsp::DidChangeWatchedFilesParams) -> Option<Reloaded> {
    let mut config_changed = false;
    for c in p.changes {
        if let Some(path) = c.uri.to_file_path() {
            let path = path.into_owned();
            if s.is_minutes(&path) {
                s.read_disk(&path);
            }
            config_changed |= is_config(&path);
        }
    }
    config_changed.then(|| reload(s))
}
