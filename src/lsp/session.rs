//! The server's one state value: open documents, the workspace's other
//! minutes files read from disk, the configurations, and settings. It sits
//! behind one lock that is never held across an `.await`, and never for
//! more than one analysis: the server computes analyses outside it
//! ([`Session::job`], [`Session::store`]); [`Session::analysis`] computes
//! one inside it only when an edit came in between.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tower_lsp_server::ls_types::Uri;

use super::document::{Analysis, Job, OpenDocument, SeriesPeers};
use crate::config::{Config, ConfigError};
use crate::files::{Bounds, Problem};
use crate::ide::Peer;
use crate::model::{Date, Document};
use crate::rules::Selection;
use crate::text::{Encoding, LineIndex};
use crate::workspace::{Minute, Roster};

/// A minutes file of the workspace that is not open.
pub struct DiskFile {
    pub uri: Uri,
    pub text: String,
    pub index: LineIndex,
    pub doc: Document,
}

impl DiskFile {
    /// Reads and parses a minutes file when it is a regular file under the
    /// size limit ([`crate::files::read`]).
    fn read(p: &Path, max_size: u64) -> Result<DiskFile, Problem> {
        let uri = Uri::from_file_path(p).ok_or_else(|| Problem { path: p.display().to_string(), message: "not a file URI".into() })?;
        let text = crate::files::read(p, max_size)?.text;
        Ok(DiskFile::new(uri, text))
    }

    /// A minutes file of the workspace and its text.
    pub fn new(uri: Uri, text: String) -> DiskFile {
        let doc = Document::parse(&text);
        let index = LineIndex::new(&text);
        DiskFile { uri, text, index, doc }
    }
}

/// Bounds of the workspace scan: a root such as `/usr` or `$HOME` must not
/// hold the server up.
pub const SCAN_BOUNDS: Bounds = Bounds { max_files: Some(2_000), max_depth: Some(8), max_time: Some(Duration::from_secs(2)) };

/// The workspace scan to run: which roots, which extensions, what limit.
pub struct ScanPlan {
    roots: Vec<PathBuf>,
    extensions: Vec<String>,
    max_file_size: u64,
    /// The files open when the scan was planned: not read (their text is
    /// the editor's; closing one reads it from disk then).
    open: HashSet<PathBuf>,
}

/// What a scan read, and what it could not.
pub struct Scanned {
    pub(super) files: Vec<(PathBuf, DiskFile)>,
    pub(super) problems: Vec<Problem>,
    /// Minutes files found that were open, and so not read.
    pub(super) open: usize,
}

impl Scanned {
    /// The minutes files found, open or read.
    pub fn len(&self) -> usize {
        self.files.len() + self.open
    }
}

impl ScanPlan {
    /// Reads the minutes files under the roots with the walker the command
    /// line uses, within [`SCAN_BOUNDS`].
    pub fn run(self) -> Scanned {
        let mut out = Scanned { files: Vec::new(), problems: Vec::new(), open: 0 };
        for root in &self.roots {
            let (found, problems) = crate::files::walk(root, &self.extensions, &SCAN_BOUNDS);
            out.problems.extend(problems);
            for p in found {
                if self.open.contains(&p) {
                    out.open += 1;
                    continue;
                }
                match DiskFile::read(&p, self.max_file_size) {
                    Ok(f) => out.files.push((p, f)),
                    Err(problem) => out.problems.push(problem),
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
    pub disk: BTreeMap<PathBuf, Arc<DiskFile>>,
    /// Where rule links point (the code, `m101`, is appended); empty: no
    /// link.
    pub rule_docs: String,
    /// Commands the client runs itself (`clientCommands` initialization
    /// option), e.g. `minutes.openBlank`.
    pub client_commands: Vec<String>,
    /// The client takes snippet edits (`SnippetTextEdit`): a fix's blank
    /// is sent as one.
    pub snippet_edits: bool,
    pub today: Option<Date>,
    /// Files larger than this are not read from disk.
    pub max_file_size: u64,
    /// The client watches files for us when asked (`minutes.toml`).
    pub watch_configs: bool,
    scanned: bool,
    /// Messages for the client's log (files skipped), taken by the server.
    pub notes: Vec<String>,
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
            snippet_edits: false,
            today: None,
            max_file_size: crate::files::DEFAULT_MAX_SIZE,
            watch_configs: false,
            scanned: false,
            notes: Vec::new(),
            configs: HashMap::new(),
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

    /// Reads the workspace's minutes files once, here and now (for the
    /// requests that need them: workspace symbols, the action register).
    pub fn ensure_scanned(&mut self) {
        if let Some(plan) = self.take_scan() {
            let scanned = plan.run();
            self.add_scanned(scanned);
        }
    }

    /// The scan still to do, once: the server runs it after the first
    /// diagnostics are published, without holding the session.
    pub fn take_scan(&mut self) -> Option<ScanPlan> {
        if self.scanned {
            return None;
        }
        self.scanned = true;
        let open = self.open.keys().filter_map(|u| u.to_file_path()).map(|p| p.into_owned()).collect();
        Some(ScanPlan { roots: self.roots.clone(), extensions: self.extensions.clone(), max_file_size: self.max_file_size, open })
    }

    /// Adds what a scan read (files opened meanwhile stay as edited) and
    /// drops the open documents' findings: their roster and series have
    /// grown (their models, which read only their own text, are kept).
    /// Returns the open documents to analyse again, at their versions.
    pub fn add_scanned(&mut self, scanned: Scanned) -> Vec<(Uri, i32)> {
        for (p, f) in scanned.files {
            self.disk.entry(p).or_insert_with(|| Arc::new(f));
        }
        self.notes.extend(scanned.problems.iter().map(ToString::to_string));
        self.invalidate(OpenDocument::workspace_changed)
    }

    /// Drops what `change` says of every open document's analysis;
    /// returns them with their versions.
    fn invalidate(&mut self, change: fn(&mut OpenDocument)) -> Vec<(Uri, i32)> {
        self.open
            .iter_mut()
            .map(|(u, d)| {
                change(d);
                (u.clone(), d.version)
            })
            .collect()
    }

    pub fn is_minutes(&self, p: &Path) -> bool {
        crate::files::has_extension(p, &self.extensions)
    }

    /// (Re)reads one file from disk, when it is a regular file under the
    /// size limit; forgets it (with a note saying why) otherwise.
    pub fn read_disk(&mut self, p: &Path) {
        match DiskFile::read(p, self.max_file_size) {
            Ok(f) => {
                self.disk.insert(p.to_path_buf(), Arc::new(f));
            }
            Err(problem) => {
                if p.symlink_metadata().is_ok() {
                    self.notes.push(problem.to_string());
                }
                self.disk.remove(p);
            }
        }
    }

    fn is_open_path(&self, p: &Path) -> bool {
        Uri::from_file_path(p).is_some_and(|u| self.open.contains_key(&u))
    }

    /// The roster of `uri`'s workspace ([`crate::workspace::root_of`], as
    /// `minutes check` reads it) without `uri` itself: open documents as
    /// edited, others from disk.
    fn roster_without(&self, uri: &Uri) -> Roster {
        let root = |p: &Path| {
            let folder = self.roots.iter().find(|r| p.starts_with(r));
            crate::workspace::root_of(p, folder.map(PathBuf::as_path), |d| d.join(crate::workspace::MARKER).is_file())
        };
        let mine = uri.to_file_path().map(|p| root(&p));
        let same = |p: &Path| mine.as_ref().is_some_and(|m| root(p) == *m);
        let mut r = Roster::default();
        for (p, f) in &self.disk {
            if !self.is_open_path(p) && &f.uri != uri && same(p) {
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
    /// a `minutes.toml` changed. Returns the open documents to check
    /// again, at their versions.
    pub fn reload_configs(&mut self) -> Vec<(Uri, i32)> {
        self.configs.clear();
        self.invalidate(OpenDocument::configuration_changed)
    }

    /// The analysis of an open document when it is current, or the job
    /// that computes it (to run without the lock).
    /// `None` when it is not open, or when the analysis of its current
    /// version failed.
    pub fn job(&mut self, uri: &Uri) -> Option<Result<Arc<Analysis>, Job>> {
        let d = self.open.get(uri)?;
        if let Some(a) = d.analysis.clone() {
            return Some(Ok(a));
        }
        if d.failed {
            return None;
        }
        let config = self.config(uri);
        let roster = self.roster_without(uri);
        let series = self.series_peers(uri);
        Some(self.open.get(uri)?.job(roster, config, series, selection()))
    }

    /// The other minutes of the workspace, shared (not copied) with an
    /// analysis that runs without the lock: the series of meetings an
    /// action is followed through.
    fn series_peers(&self, uri: &Uri) -> SeriesPeers {
        SeriesPeers {
            name: uri.as_str().to_string(),
            open: self.peers(Some(uri)),
            disk: self.disk.values().filter(|f| &f.uri != uri && !self.open.contains_key(&f.uri)).cloned().collect(),
            today: self.today(),
        }
    }

    /// Keeps a finished analysis if its document is still at its version.
    pub fn store(&mut self, uri: &Uri, a: &Arc<Analysis>) -> bool {
        self.open.get_mut(uri).is_some_and(|d| d.store(a))
    }

    /// Marks the analysis of `version` of `uri` as failed, and says why.
    pub fn failed(&mut self, uri: &Uri, version: i32, why: &str) {
        if let Some(d) = self.open.get_mut(uri).filter(|d| d.version == version) {
            d.failed = true;
        }
        self.notes.push(format!("internal error: the analysis of {} (version {version}) failed: {why}", uri.as_str()));
    }

    /// The analysis of an open document, computed when stale.
    pub fn analysis(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        match self.job(uri)? {
            Ok(a) => Some(a),
            Err(job) => {
                let version = job.version;
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job.run())) {
                    Ok(a) => {
                        let a = Arc::new(a?);
                        self.store(uri, &a);
                        Some(a)
                    }
                    Err(panic) => {
                        self.failed(uri, version, &panic_message(&*panic));
                        None
                    }
                }
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
        self.disk.values().filter(|f| Some(&f.uri) != except && !self.open.contains_key(&f.uri)).map(|f| &**f).collect()
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

/// What a caught panic says.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_else(|| "a panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_reads_the_files_that_are_not_open() {
        let dir = tempfile::tempdir().unwrap();
        let (open, other) = (dir.path().join("open.minutes"), dir.path().join("other.minutes"));
        std::fs::write(&open, "1. Report\nOn disk.\n").unwrap();
        std::fs::write(&other, "Present: Ann James (Clerk)\n").unwrap();
        let mut s = Session { roots: vec![dir.path().to_path_buf()], ..Session::default() };
        let uri = Uri::from_file_path(&open).unwrap();
        s.open.insert(uri.clone(), OpenDocument::new("1. Report\nAs edited.\n", 1));
        let Some(plan) = s.take_scan() else { panic!("a first scan to do") };
        let scanned = plan.run();
        assert_eq!(scanned.files.iter().map(|(p, _)| p.as_path()).collect::<Vec<_>>(), [other.as_path()]);
        assert_eq!(scanned.len(), 2, "both are minutes files of the workspace");
        s.add_scanned(scanned);
        // closed, the file is read from disk
        crate::lsp::handlers::did_close(&mut s, serde_json::from_value(serde_json::json!({"textDocument": {"uri": uri.as_str()}})).unwrap());
        assert_eq!(s.disk.get(&open).map(|f| f.text.as_str()), Some("1. Report\nOn disk.\n"));
    }
}
