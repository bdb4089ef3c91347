//! Document synchronisation and diagnostics. Changes only edit the
//! document; the server analyses and publishes after a pause (see
//! `server`).

use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::super::convert::{self, Pos};
use super::super::document::{Analysis, Change, OpenDocument};
use super::super::session::Session;

/// Diagnostics to publish for one document at one version.
pub struct Publish {
    pub uri: Uri,
    pub version: i32,
    pub diagnostics: Vec<lsp::Diagnostic>,
}

/// The diagnostics of an analysis, in the client's positions.
pub fn diagnostics(s: &Session, uri: &Uri, a: &Analysis) -> Publish {
    let pos = Pos { text: &a.text, index: &a.index, enc: s.encoding };
    let diagnostics = a.diagnostics.iter().map(|d| convert::diagnostic(pos, uri, d, &s.rule_docs)).collect();
    Publish { uri: uri.clone(), version: a.version, diagnostics }
}

pub fn did_open(s: &mut Session, p: lsp::DidOpenTextDocumentParams) {
    let uri = p.text_document.uri;
    if let Some(old) = s.open.insert(uri.clone(), OpenDocument::new(&p.text_document.text, p.text_document.version)) {
        old.close();
    }
}

/// Applies a didChange; `Err` says why it was ignored, `Ok` carries a
/// warning when positions had to be clamped.
pub fn did_change(s: &mut Session, p: lsp::DidChangeTextDocumentParams) -> Result<Option<String>, String> {
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
    let applied = d.apply(p.text_document.version, changes, enc);
    Ok((applied.clamped > 0 || applied.reversed > 0).then(|| {
        format!(
            "didChange for {} version {}: {} position(s) outside the text clamped to it, {} range(s) given end first read the other way round",
            uri.as_str(),
            p.text_document.version,
            applied.clamped,
            applied.reversed
        )
    }))
}

pub fn did_close(s: &mut Session, p: lsp::DidCloseTextDocumentParams) -> Publish {
    let uri = p.text_document.uri;
    if let Some(d) = s.open.remove(&uri) {
        d.close();
    }
    reread(s, &uri);
    Publish { uri, version: 0, diagnostics: Vec::new() }
}

fn is_config(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| n == crate::config::FILE_NAME)
}

/// After a `minutes.toml` changed: the open documents to analyse again
/// (their latest versions) and the errors of configurations that cannot
/// be read.
pub struct Reloaded {
    pub reanalyse: Vec<(Uri, i32)>,
    pub errors: Vec<String>,
}

fn reload(s: &mut Session) -> Reloaded {
    let reanalyse = s.reload_configs();
    // read now, so that a broken file is reported at once
    for (uri, _) in &reanalyse {
        s.config(uri);
    }
    Reloaded { reanalyse, errors: s.config_errors() }
}

/// A save: a minutes file is read again; a saved `minutes.toml` is
/// reloaded and the open documents checked again with it.
pub fn did_save(s: &mut Session, p: lsp::DidSaveTextDocumentParams) -> Option<Reloaded> {
    reread(s, &p.text_document.uri);
    let path = p.text_document.uri.to_file_path()?.into_owned();
    is_config(&path).then(|| reload(s))
}

pub fn watched_files(s: &mut Session, p: lsp::DidChangeWatchedFilesParams) -> Option<Reloaded> {
    let mut config_changed = false;
    for c in p.changes {
        reread(s, &c.uri);
        config_changed |= c.uri.to_file_path().is_some_and(|path| is_config(&path));
    }
    config_changed.then(|| reload(s))
}

/// Reads a minutes file of the workspace again (`read_disk` opens only a
/// regular file under the size limit).
fn reread(s: &mut Session, uri: &Uri) {
    if let Some(path) = uri.to_file_path() {
        let path = path.into_owned();
        if s.is_minutes(&path) {
            s.read_disk(&path);
        }
    }
}
