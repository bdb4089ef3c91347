//! The server's one state value: open documents, the workspace's other
//! minutes files read from disk, and settings. It sits behind one lock
//! that is never held across an `.await`, and never for more than one
//! analysis: the server computes analyses outside it ([`Session::job`],
//! [`Session::store`]); [`Session::analysis`] computes one inside it only
//! when an edit came in between.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use super::document::{Analysis, Job, OpenDocument};
use crate::ide::Peer;
use crate::model::{Date, Document};
use crate::rules::Selection;
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
    /// Files larger than this are not read from disk.
    pub max_file_size: u64,
    scanned: bool,
    /// Messages for the client's log (files skipped), taken by the server.
    pub notes: Vec<String>,
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
            max_file_size: crate::files::DEFAULT_MAX_SIZE,
            scanned: false,
            notes: Vec::new(),
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

    /// Reads every minutes file under the workspace roots (the walker
    /// the command line uses).
    pub fn scan(&mut self) {
        for root in self.roots.clone() {
            let (found, problems) = crate::files::walk(&root, &self.extensions);
            self.notes.extend(problems.iter().map(ToString::to_string));
            for p in found {
                self.read_disk(&p);
            }
        }
    }

    pub fn is_minutes(&self, p: &Path) -> bool {
        crate::files::has_extension(p, &self.extensions)
    }

    /// (Re)reads one file from disk, when it is a regular file under the
    /// size limit; forgets it (with a note saying why) otherwise.
    pub fn read_disk(&mut self, p: &Path) {
        let Some(uri) = Uri::from_file_path(p) else { return };
        match crate::files::read(p, self.max_file_size) {
            Ok(source) => {
                let text = source.text;
                let doc = Document::parse(&text);
                let index = LineIndex::new(&text);
                self.disk.insert(p.to_path_buf(), DiskFile { uri, text, index, doc });
            }
            Err(problem) => {
                if p.exists() {
                    self.notes.push(problem.to_string());
                }
                self.disk.remove(p);
            }
        }
    }

    fn is_open_path(&self, p: &Path) -> bool {
        Uri::from_file_path(p).is_some_and(|u| self.open.contains_key(&u))
    }

    /// The roster of every document but `uri`.
    fn roster_without(&self, uri: &Uri) -> Roster {
        let mut r = Roster::default();
        for (p, f) in &self.disk {
            if !self.is_open_path(p) && &f.uri != uri {
                r.add(&f.doc);
            }
        }
        for (u, d) in &self.open {
            if let (true, Some(a)) = (u != uri, &d.analysis) {
                r.add(&a.doc);
            }
        }
        r
    }

    /// The analysis of an open document when it is current, or the job
    /// that computes it (to run without the lock).
    pub fn job(&mut self, uri: &Uri) -> Option<Result<Arc<Analysis>, Job>> {
        self.ensure_scanned();
        let roster = self.roster_without(uri);
        Some(self.open.get(uri)?.job(roster, selection()))
    }

    /// Keeps a finished analysis if its document is still at its version.
    pub fn store(&mut self, uri: &Uri, a: &Arc<Analysis>) -> bool {
        self.open.get_mut(uri).is_some_and(|d| d.store(a))
    }

    /// The analysis of an open document, computed when stale.
    pub fn analysis(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        match self.job(uri)? {
            Ok(a) => Some(a),
            Err(job) => {
                let a = Arc::new(job.run()?);
                self.store(uri, &a);
                Some(a)
            }
        }
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
