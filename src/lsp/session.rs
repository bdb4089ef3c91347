//! The server's one state value: open documents, the workspace's other
//! minutes files read from disk, and settings. It sits behind one lock
//! that is never held across an `.await`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use super::document::{Analysis, OpenDocument};
use crate::ide::Peer;
use crate::model::{Date, Document};
use crate::rules::{self, Context, Selection};
use crate::text::{Encoding, LineIndex};
use crate::workspace::Roster;

/// A minutes file of the workspace that is not open.
pub struct DiskFile {
    pub uri: Uri,
    pub text: String,
    pub index: LineIndex,
    pub doc: Document,
}

pub struct Session {
    pub encoding: Encoding,
    pub roots: Vec<PathBuf>,
    /// File extensions of minutes files in the workspace.
    pub extensions: Vec<String>,
    pub open: HashMap<Uri, OpenDocument>,
    pub disk: BTreeMap<PathBuf, DiskFile>,
    pub rule_docs: String,
    pub today: Option<Date>,
    scanned: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            encoding: Encoding::Utf16,
            roots: Vec::new(),
            extensions: vec!["minutes".into()],
            open: HashMap::new(),
            disk: BTreeMap::new(),
            // the README beside the sources this server was built from (it
            // holds every rule's documentation under `#m101`…); a client can
            // point elsewhere with the `ruleDocsUrl` initialization option
            rule_docs: concat!("file://", env!("CARGO_MANIFEST_DIR"), "/README.md#").into(),
            today: None,
            scanned: false,
        }
    }
}

/// The rules the editor runs: the defaults plus implied actions (M104),
/// shown as hints.
pub fn selection() -> Selection {
    Selection { enable: vec!["M104".into()], disable: Vec::new() }
}

impl Session {
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// Reads the workspace's minutes files once (at `initialized`, or at
    /// the first request that needs them, whichever comes first).
    pub fn ensure_scanned(&mut self) {
        if !self.scanned {
            self.scanned = true;
            self.scan();
        }
    }

    /// Reads every minutes file under the workspace roots.
    pub fn scan(&mut self) {
        for root in self.roots.clone() {
            let walk = ignore::WalkBuilder::new(&root).build();
            for entry in walk.flatten() {
                let p = entry.path();
                if entry.file_type().is_some_and(|t| t.is_file()) && self.is_minutes(p) {
                    self.read_disk(p);
                }
            }
        }
    }

    pub fn is_minutes(&self, p: &Path) -> bool {
        p.extension().and_then(|x| x.to_str()).is_some_and(|x| self.extensions.iter().any(|e| e == x))
    }

    /// (Re)reads one file from disk; forgets it when it cannot be read.
    pub fn read_disk(&mut self, p: &Path) {
        let Some(uri) = Uri::from_file_path(p) else { return };
        match std::fs::read(p).ok().and_then(|b| String::from_utf8(b).ok()) {
            Some(text) if text.len() <= 16 << 20 => {
                let doc = Document::parse(&text);
                let index = LineIndex::new(&text);
                self.disk.insert(p.to_path_buf(), DiskFile { uri, text, index, doc });
            }
            _ => {
                self.disk.remove(p);
            }
        }
    }

    fn is_open_path(&self, p: &Path) -> bool {
        Uri::from_file_path(p).is_some_and(|u| self.open.contains_key(&u))
    }

    /// The roster of `uri`'s workspace ([`crate::workspace::root_of`], as
    /// `minutes check` reads it): open documents as edited, others from disk.
    fn roster(&self, uri: &Uri) -> Roster {
        let root = |p: &Path| {
            let folder = self.roots.iter().find(|r| p.starts_with(r));
            crate::workspace::root_of(p, folder.map(PathBuf::as_path), |d| d.join(crate::workspace::MARKER).is_file())
        };
        let mine = uri.to_file_path().map(|p| root(&p));
        let same = |p: &Path| mine.as_ref().is_some_and(|m| root(p) == *m);
        let mut r = Roster::default();
        for (p, f) in &self.disk {
            if !self.is_open_path(p) && same(p) {
                r.add(&f.doc);
            }
        }
        for (u, d) in &self.open {
            if let Some(a) = d.analysis.as_ref().filter(|_| u != uri && u.to_file_path().is_some_and(|p| same(&p))) {
                r.add(&a.doc);
            }
        }
        r
    }

    /// The analysis of an open document, computed when stale.
    pub fn analysis(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        self.ensure_scanned();
        let fresh = self.open.get(uri)?.analysis.clone();
        if let Some(a) = fresh {
            return Some(a);
        }
        let d = self.open.get(uri)?;
        let text = d.text();
        let tree = d.tree().clone();
        let doc = Document::new(&text, &tree);
        let mut roster = self.roster(uri);
        roster.add(&doc);
        let diagnostics = rules::check(&Context { text: &text, doc: &doc, roster: &roster }, &selection());
        let index = LineIndex::new(&text);
        let a = Arc::new(Analysis { version: d.version, text, index, tree, doc, diagnostics });
        self.open.get_mut(uri)?.analysis = Some(a.clone());
        Some(a)
    }

    /// Every other minutes document: open ones first, then those on disk.
    /// Open documents without an analysis yet are skipped.
    pub fn peers(&self, except: Option<&Uri>) -> Vec<(Uri, Arc<Analysis>)> {
        self.open
            .iter()
            .filter(|(u, _)| Some(*u) != except)
            .filter_map(|(u, d)| d.analysis.clone().map(|a| (u.clone(), a)))
            .collect()
    }

    /// Disk files that are not open (and not `except`).
    pub fn disk_peers(&self, except: Option<&Uri>) -> Vec<&DiskFile> {
        self.disk.values().filter(|f| Some(&f.uri) != except && !self.open.contains_key(&f.uri)).collect()
    }
}

/// Borrowed peers for the ide functions.
pub fn as_peers<'a>(open: &'a [(Uri, Arc<Analysis>)], disk: &'a [&'a DiskFile]) -> Vec<Peer<'a>> {
    let mut v: Vec<Peer> = open.iter().map(|(u, a)| Peer { name: u.as_str(), text: &a.text, doc: &a.doc }).collect();
    v.extend(disk.iter().map(|f| Peer { name: f.uri.as_str(), text: &f.text, doc: &f.doc }));
    v
}
