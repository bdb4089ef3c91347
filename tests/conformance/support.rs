//! The real-minutes corpus: where it is, which files are held out, how
//! labels are read, and the one-to-one matching every score uses.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use minutes::analysis::{self, Setup};
use minutes::config::Config;
use minutes::diagnostic::Diagnostic;
use minutes::model::Document;
use minutes::rules::Selection;
use minutes::text::LineIndex;
use minutes::workspace::Roster;
use serde_json::Value;

/// Labelled files of `more/` set aside: nobody tunes a rule, a pattern or
/// the grammar while looking at them or at their misses. Their figures are
/// printed separately and only in aggregate.
pub const HELD_OUT: &[&str] = &["09", "16", "21", "25"];

/// The held-out files of this run: `$MINUTES_HELD_OUT` (names separated by
/// commas, for a corpus of other files set aside), else `HELD_OUT`.
pub fn held_out() -> Vec<String> {
    match std::env::var("MINUTES_HELD_OUT") {
        Ok(names) => names.split(',').map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect(),
        Err(_) => HELD_OUT.iter().map(|n| n.to_string()).collect(),
    }
}

/// The corpus root: `$MINUTES_CORPUS`, else `../shared/corpus` beside the
/// repository. The conformance suite cannot run without it.
pub fn corpus_root() -> PathBuf {
    let root = match std::env::var_os("MINUTES_CORPUS") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
    };
    assert!(
        root.join("more").is_dir(),
        "the conformance suite needs the real-minutes corpus: set MINUTES_CORPUS to its folder (not found: {})",
        root.display()
    );
    root
}

/// One labelled file.
pub struct Labelled {
    /// `003_608219fdeaed274c` or `07`.
    pub name: String,
    pub path: PathBuf,
    pub labels: Value,
    /// `NN.findings.json` (files of `more/` only).
    pub findings: Option<Value>,
    /// A seed file of `expected/` (exact labels) rather than `more/`.
    pub seed: bool,
    pub held_out: bool,
}

impl Labelled {
    pub fn text(&self) -> String {
        std::fs::read_to_string(&self.path).unwrap_or_else(|e| panic!("{}: {e}", self.path.display()))
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seeds (`expected/*.json`), then `more/NN.json`, each sorted by name.
pub fn labelled_files() -> Vec<Labelled> {
    let held_out = held_out();
    let root = corpus_root();
    let mut out = Vec::new();
    for (dir, seed) in [(root.join("expected"), true), (root.join("more"), false)] {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".json") && !n.ends_with(".findings.json"))
            .map(|n| n.trim_end_matches(".json").to_string())
            .collect();
        names.sort();
        for name in names {
            let text_dir = if seed { root.clone() } else { dir.clone() };
            let findings = dir.join(format!("{name}.findings.json"));
            out.push(Labelled {
                path: text_dir.join(format!("{name}.txt")),
                labels: read_json(&dir.join(format!("{name}.json"))),
                findings: findings.is_file().then(|| read_json(&findings)),
                seed,
                held_out: !seed && held_out.contains(&name),
                name,
            });
        }
    }
    assert!(out.len() >= 17, "expected 5 seeds and 12 labelled files in {}", root.display());
    out
}

/// A file read and analysed.
pub struct Parsed {
    pub text: String,
    pub doc: Document,
    pub index: LineIndex,
}

impl Parsed {
    pub fn new(text: String) -> Parsed {
        let doc = analysis::read(&text, &Config::default());
        let index = LineIndex::new(&text);
        Parsed { text, doc, index }
    }

    /// What `minutes check` finds in the file read alone (the default
    /// rules, no configuration).
    pub fn findings(&self) -> Vec<Diagnostic> {
        let config = Config::default();
        let roster = analysis::roster(Roster::default(), &self.doc, &config);
        analysis::check(&self.text, &self.doc, Setup { roster: &roster, series: None, config: &config, selection: &Selection::default() })
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.index.line_number(offset)
    }
}

/// Whitespace folded to single spaces.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A label's 1-based line (`line`, else `heading_line`).
pub fn line_of(v: &Value) -> usize {
    v["line"].as_u64().or(v["heading_line"].as_u64()).expect("a label has a line") as usize
}

/// Precision, recall and (where owners are scored) owner accuracy.
#[derive(Default, Clone, Copy, Debug)]
pub struct Score {
    pub found: usize,
    pub labelled: usize,
    pub true_found: usize,
    pub matched_labels: usize,
    pub owners_right: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.found == 0 { 1.0 } else { self.true_found as f64 / self.found as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.labelled == 0 { 1.0 } else { self.matched_labels as f64 / self.labelled as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn owner_accuracy(&self) -> f64 {
        if self.matched_labels == 0 { 1.0 } else { self.owners_right as f64 / self.matched_labels as f64 }
    }
    pub fn add(&mut self, o: &Score) {
        self.found += o.found;
        self.labelled += o.labelled;
        self.true_found += o.true_found;
        self.matched_labels += o.matched_labels;
        self.owners_right += o.owners_right;
    }
}

/// One-to-one matching of found things to labels by line (within
/// `tolerance` lines): each label, in order, takes the best unused found
/// thing that `fits`, ranked by `rank` (higher is better; e.g. text overlap
/// and a right owner), then by line distance. Returns, per label, the
/// found index it took, and per found thing whether it was taken.
pub fn match_one_to_one(
    found_lines: &[usize],
    label_lines: &[usize],
    tolerance: usize,
    fits: impl Fn(usize, usize) -> bool,
    rank: impl Fn(usize, usize) -> i64,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; found_lines.len()];
    let mut matches = Vec::with_capacity(label_lines.len());
    for (l, &line) in label_lines.iter().enumerate() {
        let pick = (0..found_lines.len())
            .filter(|&f| !used[f] && found_lines[f].abs_diff(line) <= tolerance && fits(f, l))
            .max_by_key(|&f| (rank(f, l), std::cmp::Reverse(found_lines[f].abs_diff(line)), std::cmp::Reverse(f)));
        if let Some(f) = pick {
            used[f] = true;
        }
        matches.push(pick);
    }
    (matches, used)
}
