//! The server's one state value: open documents, the workspace's other
//! minutes files read from disk, and settings. It sits behind one lock
//! that is never held across an `.await`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tower_lsp_server::ls_types::Uri;

use super::document::{Analysis, OpenDocument};
use crate::config::{Config, ConfigError};
use crate::ide::Peer;
use crate::model::{Date, Document};
use crate::rules::{Context, Selection};
use crate::text::{Encoding, LineIndex};
use crate::workspace::{track, InSeries, Minute, Roster};

/// A minutes file of the workspace that is not open.
pub struct DiskFile {
    pub uri: Uri,
    pub text: String,
    pub index: LineIndex,
    pub doc: Document,
}

impl DiskFile {
    /// Reads and parses a minutes file; `None` when it cannot be read.
    pub fn read(p: &Path) -> Option<DiskFile> {
        let uri = Uri::from_file_path(p)?;
        let text = std::fs::read(p).ok().and_then(|b| String::from_utf8(b).ok()).filter(|t| t.len() <= 16 << 20)?;
        let doc = Document::parse(&text);
        let index = LineIndex::new(&text);
        Some(DiskFile { uri, text, index, doc })
    }
}

/// The workspace scan to run: which roots, which extensions.
pub struct ScanPlan {
    roots: Vec<PathBuf>,
    extensions: Vec<String>,
}

impl ScanPlan {
    /// Reads the minutes files under the roots (.gitignore respected),
    /// within [`SCAN_MAX_FILES`], [`SCAN_MAX_DEPTH`] and [`SCAN_MAX_TIME`].
    pub fn run(self) -> Vec<(PathBuf, DiskFile)> {
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        for root in &self.roots {
            for entry in ignore::WalkBuilder::new(root).max_depth(Some(SCAN_MAX_DEPTH)).build().flatten() {
                if out.len() >= SCAN_MAX_FILES || started.elapsed() > SCAN_MAX_TIME {
                    return out;
                }
                let p = entry.path();
                let minutes = p.extension().and_then(|x| x.to_str()).is_some_and(|x| self.extensions.iter().any(|e| e == x));
                if minutes && entry.file_type().is_some_and(|t| t.is_file()) {
                    if let Some(f) = DiskFile::read(p) {
                        out.push((p.to_path_buf(), f));
                    }
                }
            }
        }
        out
    }
}

pub struct Session {
    pub encoding: Encoding,
    pub roots: Vec<PathBuf>,
    /// File extensions of minutes files in the workspace.
    pub extensions: Vec<String>,
    pub open: HashMap<Uri, OpenDocument>,
    pub disk: BTreeMap<PathBuf, DiskFile>,
    /// Where rule links point (the code, `m101`, is appended); empty: no
    /// link.
    pub rule_docs: String,
    /// Commands the client runs itself (`clientCommands` initialization
    /// option), e.g. `minutes.openBlank`.
    pub client_commands: Vec<String>,
    pub today: Option<Date>,
    /// The client watches files for us when asked (`minutes.toml`).
    pub watch_configs: bool,
    scanned: bool,
    /// Each `minutes.toml` read so far (or why it could not be), by path;
    /// forgotten when one changes.
    configs: HashMap<PathBuf, Result<Arc<Config>, ConfigError>>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            encoding: Encoding::Utf16,
            roots: Vec::new(),
            extensions: vec!["minutes".into()],
            open: HashMap::new(),
            disk: BTreeMap::new(),
            rule_docs: crate::rules::default_docs_url(),
            client_commands: Vec::new(),
            today: None,
            watch_configs: false,
            scanned: false,
            configs: HashMap::new(),
        }
    }
}

/// The project README's rule anchors (`#m101`…) in the repository the
/// package names (`repository` in Cargo.toml), which every user can open;
/// no link when it names none. Never a path on the machine that built the
/// binary. A client can point elsewhere with the `ruleDocsUrl`
/// initialization option.
/// Bounds of the workspace scan: a root such as `/usr` or `$HOME` must not
/// hold the server up.
pub const SCAN_MAX_FILES: usize = 2_000;
pub const SCAN_MAX_DEPTH: usize = 8;
pub const SCAN_MAX_TIME: std::time::Duration = std::time::Duration::from_secs(2);

/// The rules the editor runs: the defaults plus implied actions (M104),
/// shown as hints.
pub fn selection() -> Selection {
    Selection { enable: vec!["M104".into()], disable: Vec::new() }
}

impl Session {
    pub fn today(&self) -> Date {
        self.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    /// Reads the workspace's minutes files once, here and now (for the
    /// requests that need them: workspace symbols, the action register).
    pub fn ensure_scanned(&mut self) {
        if let Some(plan) = self.take_scan() {
            let files = plan.run();
            self.add_scanned(files);
        }
    }

    /// The scan still to do, once: the server runs it after the first
    /// diagnostics are published, without holding the session.
    pub fn take_scan(&mut self) -> Option<ScanPlan> {
        if self.scanned {
            return None;
        }
        self.scanned = true;
        Some(ScanPlan { roots: self.roots.clone(), extensions: self.extensions.clone() })
    }

    /// Adds what a scan read (files opened meanwhile stay as edited) and
    /// drops the open documents' analyses: their roster has grown.
    pub fn add_scanned(&mut self, files: Vec<(PathBuf, DiskFile)>) {
        for (p, f) in files {
            self.disk.entry(p).or_insert(f);
        }
        for d in self.open.values_mut() {
            d.analysis = None;
        }
    }

    pub fn is_minutes(&self, p: &Path) -> bool {
        p.extension().and_then(|x| x.to_str()).is_some_and(|x| self.extensions.iter().any(|e| e == x))
    }

    /// (Re)reads one file from disk; forgets it when it cannot be read.
    pub fn read_disk(&mut self, p: &Path) {
        match DiskFile::read(p) {
            Some(f) => {
                self.disk.insert(p.to_path_buf(), f);
            }
            None => {
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

    /// The configuration of a document: the nearest `minutes.toml` above
    /// it, or the defaults (also when that file cannot be read: the error
    /// is reported by [`Session::config_errors`]).
    pub fn config(&mut self, uri: &Uri) -> Arc<Config> {
        let dir = uri.to_file_path().and_then(|p| p.parent().map(Path::to_path_buf));
        let Some(file) = dir.as_deref().and_then(Config::find) else { return Arc::default() };
        let loaded = self.configs.entry(file.clone()).or_insert_with(|| Config::load(&file).map(Arc::new));
        loaded.as_ref().map(Arc::clone).unwrap_or_default()
    }

    /// The configurations that could not be read, for the log.
    pub fn config_errors(&self) -> Vec<String> {
        self.configs.values().filter_map(|c| c.as_ref().err()).map(ToString::to_string).collect()
    }

    /// Forgets every configuration read and every analysis made with one:
    /// a `minutes.toml` changed. Returns the open documents to check again.
    pub fn reload_configs(&mut self) -> Vec<Uri> {
        self.configs.clear();
        for d in self.open.values_mut() {
            d.analysis = None;
        }
        self.open.keys().cloned().collect()
    }

    /// The analysis of an open document, computed when stale.
    pub fn analysis(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        let fresh = self.open.get(uri)?.analysis.clone();
        if let Some(a) = fresh {
            return Some(a);
        }
        let config = self.config(uri);
        let d = self.open.get(uri)?;
        let text = d.text();
        let tree = d.tree().clone();
        let mut doc = Document::new(&text, &tree);
        config.prepare(&text, &mut doc);
        let mut roster = self.roster(uri);
        roster.add(&doc);
        config.extend_roster(&mut roster);
        let diagnostics = {
            let open = self.peers(Some(uri));
            let disk = self.disk_peers(Some(uri));
            let peers = as_peers(&open, &disk);
            let series = track(&minutes(Minute { name: uri.as_str(), text: &text, doc: &doc }, &peers), self.today());
            let ctx = Context { text: &text, doc: &doc, roster: &roster, series: Some(InSeries { series: &series, minute: 0 }) };
            config.check(&ctx, &selection())
        };
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

/// The minutes of the workspace for [`track`], `first` as minute 0.
pub fn minutes<'a>(first: Minute<'a>, peers: &[Peer<'a>]) -> Vec<Minute<'a>> {
    let mut v = vec![first];
    v.extend(peers.iter().map(|p| Minute { name: p.name, text: p.text, doc: p.doc }));
    v
}
