//! An open document: its text in a rope, its version, its syntax tree
//! (edited as changes arrive, reparsed incrementally when analysed) and its
//! analysis.
//!
//! Changes are cheap: they edit the rope and the tree and nothing else.
//! The parse, the model and the rules run in an analysis [`Job`], outside
//! the session's lock, and give up as soon as a newer version arrives (or
//! the server is exiting): only the latest version is ever finished.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ropey::Rope;
use tree_sitter::{InputEdit, ParseOptions, ParseState, Point, Tree};

use crate::analysis::{self, Setup};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, Memo};
use crate::rules::Selection;
use crate::text::{rope_offset, Encoding, LineCol, LineIndex};
use crate::workspace::{track, InSeries, Minute, Roster};

/// Set when the server is exiting: every analysis in flight gives up.
pub static EXITING: AtomicBool = AtomicBool::new(false);

/// What the features read: a snapshot of the text with its tree and model.
pub struct Analysis {
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub tree: Tree,
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
    /// The tree and the model are those of the analysis before the
    /// workspace changed (the same text, the same configuration): only the
    /// findings were computed again.
    pub reused_model: bool,
    /// How long the analysis took.
    pub took: Duration,
    /// The [`OpenDocument::generation`] of the workspace and configuration
    /// it was computed with.
    generation: u64,
}

pub struct OpenDocument {
    pub version: i32,
    rope: Rope,
    /// The last tree parsed, edited by every change since; `None` after a
    /// change that replaced the whole text.
    tree: Option<Tree>,
    pub analysis: Option<Arc<Analysis>>,
    /// The analysis of this very text made before the rest of the
    /// workspace changed: its tree and model still hold, only its findings
    /// (which read the workspace's roster and series) are out of date.
    /// Dropped by any change of the text or of the configuration.
    kept: Option<Arc<Analysis>>,
    /// How long the last analysis that built a model took: what waiting
    /// for a pause in typing can save ([`OpenDocument::pause`]).
    cost: Option<Duration>,
    /// Counts the changes of the workspace and of the configuration: an
    /// analysis computed with an earlier one is out of date even when its
    /// version is current (a scan that ended while it ran).
    generation: u64,
    /// The analysis of this version failed (a defect: it panicked); it is
    /// not tried again until the next change.
    pub failed: bool,
    /// The latest version, shared with the jobs in flight so that they can
    /// tell they are out of date.
    latest: Arc<AtomicI32>,
    /// Held while an analysis of this document runs: whoever asks for the
    /// same version meanwhile waits for it instead of computing it again.
    turn: Arc<Mutex<()>>,
    /// What the models of earlier versions found per block, for the next
    /// model to take where its blocks are unchanged (the model itself is a
    /// function of its text and keeps nothing).
    memo: Arc<Mutex<Memo>>,
    /// What the rules' read-back tests of fixes answered for earlier
    /// versions ([`crate::rules::Memo`]), for the next check.
    rules_memo: Arc<Mutex<crate::rules::Memo>>,
}

/// One change of a didChange: a range (line and column in the negotiated
/// encoding) and its new text; no range replaces the whole text.
pub struct Change {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// Tells a job whether its version is still wanted.
#[derive(Clone)]
pub struct Cancel {
    latest: Arc<AtomicI32>,
    version: i32,
}

impl Cancel {
    pub fn is_cancelled(&self) -> bool {
        EXITING.load(Ordering::Relaxed) || self.latest.load(Ordering::Relaxed) != self.version
    }
}

/// An analysis to compute outside the lock.
/// The other minutes of the workspace, shared with a job.
#[derive(Default)]
pub struct SeriesPeers {
    /// The document's own name (its URI).
    pub name: String,
    pub open: Vec<(tower_lsp_server::ls_types::Uri, Arc<Analysis>)>,
    pub disk: Vec<Arc<super::session::DiskFile>>,
    pub today: crate::model::Date,
}

pub struct Job {
    pub version: i32,
    /// The text of the version, shared with the document (a rope clone is
    /// a reference count, not a copy).
    rope: Rope,
    old_tree: Option<Tree>,
    /// An analysis of the same text and configuration whose model still
    /// holds ([`OpenDocument::workspace_changed`]).
    kept: Option<Arc<Analysis>>,
    /// The document's [`OpenDocument::memo`].
    memo: Arc<Mutex<Memo>>,
    /// The document's [`OpenDocument::rules_memo`].
    rules_memo: Arc<Mutex<crate::rules::Memo>>,
    generation: u64,
    /// Everyone the other documents of the workspace know.
    roster: Roster,
    /// The document's `minutes.toml` (or the defaults).
    config: Arc<Config>,
    /// The workspace's other minutes, for the series of meetings.
    series: SeriesPeers,
    selection: Selection,
    pub cancel: Cancel,
}

impl Job {
    /// Parses (reusing the edited tree), builds the model and runs the
    /// rules; `None` when cancelled on the way.
    ///
    /// Tree-sitter reads the rope chunk by chunk; the model and the
    /// features read one string, the one copy of the text an analysis
    /// makes, here and not under the session's lock (nor per keystroke:
    /// changes only edit the rope).
    pub fn run(self) -> Option<Analysis> {
        let Job { version, rope, old_tree, kept, memo, rules_memo, generation, roster, config, series, selection, cancel } = self;
        let started = Instant::now();
        let reused_model = kept.is_some();
        let (text, tree, doc) = match kept {
            Some(k) => (k.text.clone(), k.tree.clone(), k.doc.clone()),
            None => {
                let mut parser = crate::syntax::parser();
                let mut stop = |_: &ParseState| cancel.is_cancelled();
                let tree = parser.parse_with_options(&mut |i, _| rope_bytes(&rope, i), old_tree.as_ref(), Some(ParseOptions::new().progress_callback(&mut stop)))?;
                if cancel.is_cancelled() {
                    return None;
                }
                let text = String::from(&rope);
                // a job that panicked left results that still hold (model::Memo::end)
                let mut memo = memo.lock().unwrap_or_else(|e| e.into_inner());
                let doc = analysis::remodel(&text, &tree, &config, &mut memo);
                (text, tree, doc)
            }
        };
        drop(rope);
        if cancel.is_cancelled() {
            return None;
        }
        let roster = analysis::roster(roster, &doc, &config);
        let mut minutes = vec![Minute { name: &series.name, text: &text, doc: &doc }];
        minutes.extend(series.open.iter().map(|(u, a)| Minute { name: u.as_str(), text: &a.text, doc: &a.doc }));
        minutes.extend(series.disk.iter().map(|f| Minute { name: f.uri.as_str(), text: &f.text, doc: &f.doc }));
        let meetings = track(&minutes, || series.today);
        let setup = Setup { roster: &roster, series: Some(InSeries { series: &meetings, minute: 0 }), config: &config, selection: &selection };
        // a check that panicked left answers that still hold (rules::Memo::recall)
        let rules_memo = rules_memo.lock().unwrap_or_else(|e| e.into_inner());
        let diagnostics = analysis::check_until(&text, &doc, setup, Some(&rules_memo), &|| cancel.is_cancelled())?;
        drop(rules_memo);
        let index = LineIndex::new(&text);
        Some(Analysis { version, text, index, tree, doc, diagnostics, reused_model, took: started.elapsed(), generation })
    }
}

/// The rope's bytes from `byte` to the end of the chunk that holds it
/// (none at or past the end): what tree-sitter reads next.
fn rope_bytes(rope: &Rope, byte: usize) -> &[u8] {
    if byte >= rope.len_bytes() {
        return &[];
    }
    let (chunk, start, _, _) = rope.chunk_at_byte(byte);
    chunk.as_bytes().get(byte - start..).unwrap_or_default()
}

/// How a change's range was read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Positions outside the text, clamped to it.
    pub clamped: usize,
    /// Ranges whose end came before their start, read the other way round.
    pub reversed: usize,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> OpenDocument {
        OpenDocument { version, rope: Rope::from_str(text), tree: None, analysis: None, kept: None, cost: None, generation: 0, failed: false, latest: Arc::new(AtomicI32::new(version)), turn: Arc::default(), memo: Arc::default(), rules_memo: Arc::default() }
    }

    /// The lock an analysis of this document holds while it runs.
    pub fn turn(&self) -> Arc<Mutex<()>> {
        self.turn.clone()
    }

    /// Tree-sitter's point of a byte offset. Its row counts the rope's
    /// lines; tree-sitter reuses subtrees by byte offsets.
    fn point(&self, byte: usize) -> Point {
        let row = self.rope.byte_to_line(byte);
        Point { row, column: byte - self.rope.line_to_byte(row) }
    }

    /// Applies changes in order to the rope and the tree. Positions outside
    /// the text are clamped to it, as every other request's are.
    pub fn apply(&mut self, version: i32, changes: Vec<Change>, enc: Encoding) -> Applied {
        let mut applied = Applied::default();
        for change in changes {
            match change.range {
                None => {
                    self.rope = Rope::from_str(&change.text);
                    self.tree = None;
                }
                Some((from, to)) => {
                    let (a, clamped_a) = rope_offset(&self.rope, from, enc);
                    let (b, clamped_b) = rope_offset(&self.rope, to, enc);
                    applied.clamped += usize::from(clamped_a) + usize::from(clamped_b);
                    if b < a {
                        applied.reversed += 1;
                    }
                    let (start, end) = (a.min(b), a.max(b));
                    let start_position = self.point(start);
                    let old_end_position = self.point(end);
                    let (cs, ce) = (self.rope.byte_to_char(start), self.rope.byte_to_char(end));
                    self.rope.remove(cs..ce);
                    self.rope.insert(cs, &change.text);
                    let new_end_byte = start + change.text.len();
                    let edit = InputEdit {
                        start_byte: start,
                        old_end_byte: end,
                        new_end_byte,
                        start_position,
                        old_end_position,
                        new_end_position: self.point(new_end_byte),
                    };
                    if let Some(tree) = &mut self.tree {
                        tree.edit(&edit);
                    }
                }
            }
        }
        self.version = version;
        self.latest.store(version, Ordering::Relaxed);
        self.analysis = None;
        self.kept = None;
        self.failed = false;
        applied
    }

    /// How long to wait after a change for typing to pause before
    /// analysing: at most `longest`, and no longer than an analysis of
    /// this document takes: the pause saves the analyses of versions a
    /// burst of typing overtakes, which on a small document cost less
    /// than the wait (a change that comes within the pause still defers
    /// the analysis: a storm of changes is analysed once, at its end).
    pub fn pause(&self, longest: Duration) -> Duration {
        self.cost.map_or(longest, |c| c.min(longest))
    }

    /// The rest of the workspace changed (people, meetings): the findings
    /// are analysed again, the tree and the model of this text are kept.
    pub fn workspace_changed(&mut self) {
        self.generation += 1;
        if let Some(a) = self.analysis.take() {
            self.kept = Some(a);
        }
    }

    /// The configuration changed: the model, which it reads, is built
    /// again too.
    pub fn configuration_changed(&mut self) {
        self.generation += 1;
        self.analysis = None;
        self.kept = None;
    }

    /// The analysis of this version, or the job that computes it.
    pub fn job(&self, roster: Roster, config: Arc<Config>, series: SeriesPeers, selection: Selection) -> Result<Arc<Analysis>, Job> {
        if let Some(a) = &self.analysis {
            return Ok(a.clone());
        }
        Err(Job {
            version: self.version,
            rope: self.rope.clone(),
            old_tree: self.tree.clone(),
            kept: self.kept.clone().filter(|k| k.version == self.version),
            memo: self.memo.clone(),
            rules_memo: self.rules_memo.clone(),
            generation: self.generation,
            roster,
            config,
            series,
            selection,
            cancel: Cancel { latest: self.latest.clone(), version: self.version },
        })
    }

    /// Keeps a finished analysis when it is of the current version, and
    /// of the current workspace and configuration.
    pub fn store(&mut self, a: &Arc<Analysis>) -> bool {
        if a.version != self.version || a.generation != self.generation {
            return false;
        }
        self.tree = Some(a.tree.clone());
        self.analysis = Some(a.clone());
        self.kept = None;
        if !a.reused_model {
            self.cost = Some(a.took);
        }
        true
    }

    /// Jobs of this document stop: it is closed.
    pub fn close(&self) {
        self.latest.store(i32::MIN, Ordering::Relaxed);
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(d: &mut OpenDocument) -> Arc<Analysis> {
        let a = match d.job(Roster::default(), Arc::default(), SeriesPeers::default(), Selection::default()) {
            Ok(a) => a,
            Err(job) => Arc::new(job.run().unwrap()),
        };
        d.store(&a);
        a
    }

    #[test]
    fn edits_in_utf16_on_multibyte_crlf_text() {
        let text = "The Director’s £15k · budget\u{a0}was 😀 noted.\r\nsecond line\r\n";
        let mut d = OpenDocument::new(text, 1);
        analyse(&mut d);
        // replace "noted" (after the emoji, UTF-16 columns) with "agreed"
        let idx = LineIndex::new(text);
        let at = text.find("noted").unwrap();
        let from = idx.position(text, at, Encoding::Utf16);
        let to = LineCol { line: 0, col: from.col + 5 };
        let applied = d.apply(2, vec![Change { range: Some((from, to)), text: "agreed".into() }, Change { range: Some((LineCol { line: 1, col: 0 }, LineCol { line: 1, col: 6 })), text: "2nd".into() }], Encoding::Utf16);
        assert_eq!(applied, Applied::default());
        let want = text.replace("noted", "agreed").replace("second", "2nd");
        assert_eq!(d.rope.to_string(), want);
        assert_eq!(analyse(&mut d).tree.root_node().to_sexp(), crate::syntax::parse_text(&want).root_node().to_sexp());
        // a position past the end is clamped, and counted
        let applied = d.apply(3, vec![Change { range: Some((LineCol { line: 99, col: 9 }, LineCol { line: 120, col: 0 })), text: "end".into() }], Encoding::Utf8);
        assert_eq!(applied.clamped, 2);
        assert!(d.rope.to_string().ends_with("\r\nend"));
    }

    #[test]
    fn the_parse_reads_a_rope_of_many_chunks() {
        // tens of kilobytes: the rope holds the text in many chunks, and
        // characters of two to four bytes and line ends sit at their edges
        let item = |n: usize| format!("{n}. Budget £{n}k · item\u{a0}{n}\r\nThe Director’s report 😀 was noted. Clerk to write by 1 May 2026.\r\n\r\n");
        let text: String = (1..400).map(item).collect();
        let mut d = OpenDocument::new(&text, 1);
        assert!(d.rope.chunks().count() > 20, "{} chunks", d.rope.chunks().count());
        let first = analyse(&mut d);
        assert_eq!(first.text, text);
        assert_eq!(first.tree.root_node().to_sexp(), crate::syntax::parse_text(&text).root_node().to_sexp());
        // an edit in the middle, then the incremental parse from the rope
        let at = text.len() / 2 + text[text.len() / 2..].find('£').unwrap_or(0);
        let from = LineIndex::new(&text).position(&text, at, Encoding::Utf16);
        d.apply(2, vec![Change { range: Some((from, from)), text: "’".into() }], Encoding::Utf16);
        let mut want = text.clone();
        want.insert(at, '’');
        let second = analyse(&mut d);
        assert_eq!(second.text, want);
        assert_eq!(second.tree.root_node().to_sexp(), crate::syntax::parse_text(&want).root_node().to_sexp());
    }

    #[test]
    fn the_pause_after_a_change_is_no_longer_than_an_analysis() {
        let longest = Duration::from_millis(150);
        let mut d = OpenDocument::new("1. Title\n\nText.\n", 1);
        assert_eq!(d.pause(longest), longest, "nothing analysed yet");
        let took = analyse(&mut d).took;
        assert!(took < longest, "{took:?}");
        assert_eq!(d.pause(longest), took);
        // a document whose analysis takes longer waits the longest
        assert_eq!(d.pause(took / 2), took / 2);
    }

    #[test]
    fn an_analysis_from_before_a_workspace_change_is_not_kept() {
        let mut d = OpenDocument::new("1. Title\n\nText.\n", 1);
        analyse(&mut d);
        d.workspace_changed();
        let Err(job) = d.job(Roster::default(), Arc::default(), SeriesPeers::default(), Selection::default()) else { panic!("the workspace changed: the findings are out of date") };
        // the workspace changes again while that job runs: its findings
        // read the roster of before
        d.workspace_changed();
        let stale = Arc::new(job.run().unwrap());
        assert!(!d.store(&stale));
        let fresh = analyse(&mut d);
        assert!(fresh.reused_model && d.store(&fresh));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_for_edits() {
        let mut d = OpenDocument::new("one\rtwo\nthree", 1);
        d.apply(2, vec![Change { range: Some((LineCol { line: 1, col: 0 }, LineCol { line: 1, col: 3 })), text: "2".into() }], Encoding::Utf16);
        assert_eq!(d.rope.to_string(), "one\r2\nthree");
    }

    #[test]
    fn a_newer_version_cancels_the_job_of_an_older_one() {
        let mut d = OpenDocument::new("1. Title\n\nText.\n", 1);
        let Err(job) = d.job(Roster::default(), Arc::default(), SeriesPeers::default(), Selection::default()) else { panic!("no analysis yet") };
        d.apply(2, vec![Change { range: None, text: "2. Other\n".into() }], Encoding::Utf16);
        assert!(job.cancel.is_cancelled());
        assert!(job.run().is_none());
        assert_eq!(analyse(&mut d).version, 2);
    }
}
