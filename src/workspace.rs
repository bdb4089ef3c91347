//! Many documents: which files make one workspace, the roster of people,
//! roles and abbreviations they define, and the action register across
//! them. Pure: callers hand it documents they have read, and a way to ask
//! whether a directory holds `minutes.toml`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::model::{ActionKind, Date, Document};
use crate::text::LineIndex;

/// The file that marks the root of a workspace.
pub const MARKER: &str = "minutes.toml";

/// The root of the workspace a minutes file belongs to. The editor and
/// `minutes check` both ask this, so they read the same roster:
///
/// - the nearest directory at or above the file that holds `minutes.toml`
///   (`has_marker` answers for a directory);
/// - else `checked`, the directory being checked (the directory given to
///   `minutes check`, the editor's workspace folder), when it holds the
///   file;
/// - else the file's own directory.
///
/// The files of one workspace are the minutes files with the same root.
pub fn root_of(file: &Path, checked: Option<&Path>, has_marker: impl Fn(&Path) -> bool) -> PathBuf {
    let dir = file.parent().unwrap_or(Path::new(""));
    if let Some(marked) = dir.ancestors().find(|d| has_marker(d)) {
        return marked.to_path_buf();
    }
    match checked {
        Some(c) if file.starts_with(c) => c.to_path_buf(),
        _ => dir.to_path_buf(),
    }
}

/// Who and what the minutes of a workspace know.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    /// Lower-cased names, surnames, initials and roles.
    names: HashSet<String>,
    initials: HashSet<String>,
    /// Short forms defined or accepted outside the minutes (`minutes.toml`).
    abbreviations: HashSet<String>,
}

fn normal(name: &str) -> String {
    let lower = name.trim().trim_end_matches(['.', ',', ';']).to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).to_string();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_title(n: &str) -> &str {
    match n.split_once(' ') {
        Some((first, rest)) if crate::catalogue::is_title(first) => rest,
        _ => n,
    }
}

impl Roster {
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Roster {
        let mut r = Roster::default();
        for doc in docs {
            r.add(doc);
        }
        r
    }

    pub fn add(&mut self, doc: &Document) {
        for p in &doc.people {
            let n = normal(&p.name);
            let bare = without_title(&n).to_string();
            if let Some(surname) = bare.split_whitespace().last() {
                self.names.insert(surname.to_string());
            }
            if let Some(first) = bare.split_whitespace().next() {
                self.names.insert(first.to_string());
            }
            // "PM" for Paolo Melchiorre: initials a reader derives from the name
            let derived: String = bare.split([' ', '-']).filter_map(|w| w.chars().next()).filter(|c| c.is_alphabetic()).collect();
            if derived.chars().count() >= 2 {
                self.names.insert(derived);
            }
            self.names.insert(bare);
            self.names.insert(n);
            if let Some(role) = &p.role {
                self.names.insert(normal(role));
            }
            if let Some(i) = &p.initials {
                self.initials.insert(i.clone());
                self.names.insert(i.to_lowercase());
            }
        }
        for a in &doc.abbreviations {
            self.names.insert(a.short.to_lowercase());
            if a.form == crate::model::DefinitionForm::Attendance {
                self.initials.insert(a.short.clone());
            }
            if let Some(long) = &a.long {
                self.names.insert(normal(long));
            }
        }
    }

    /// A person the minutes do not list (from `minutes.toml`): known by
    /// name, surname, first name, aliases, initials and role.
    pub fn add_person(&mut self, name: &str, role: Option<&str>, aliases: &[String], initials: Option<&str>) {
        let n = normal(name);
        let bare = without_title(&n).to_string();
        self.names.extend(bare.split_whitespace().next().map(str::to_string));
        self.names.extend(bare.split_whitespace().last().map(str::to_string));
        self.names.insert(bare);
        self.names.insert(n);
        self.names.extend(role.map(normal));
        self.names.extend(aliases.iter().map(|a| normal(a)));
        if let Some(i) = initials {
            self.initials.insert(i.to_string());
            self.names.insert(i.to_lowercase());
        }
    }

    /// A group that can own an action ("Planning Committee").
    pub fn add_group(&mut self, name: &str) {
        self.names.insert(normal(name));
    }

    /// An abbreviation defined (with its long form) or accepted as everyday
    /// for every document.
    pub fn add_abbreviation(&mut self, short: &str, long: Option<&str>) {
        self.abbreviations.insert(short.to_string());
        self.names.insert(short.to_lowercase());
        self.names.extend(long.map(normal));
    }

    /// Whether `short` is defined or accepted outside the minutes.
    pub fn knows_abbreviation(&self, short: &str) -> bool {
        self.abbreviations.contains(short)
    }

    /// Whether `short` is someone's initials from an attendance list.
    pub fn is_initials(&self, short: &str) -> bool {
        self.initials.contains(short)
    }

    /// Whether an owner is a known person, role, group or abbreviation.
    pub fn knows(&self, owner: &str) -> bool {
        let n = normal(owner);
        if n.is_empty() {
            return false;
        }
        let bare = without_title(&n);
        if self.names.contains(&n) || self.names.contains(bare) {
            return true;
        }
        if crate::catalogue::is_role(owner) || crate::catalogue::abbreviation(owner.trim()).is_some() {
            return true;
        }
        // "Cllr Storey" for Cllr Martin Storey
        if bare != n {
            if let Some(surname) = bare.split_whitespace().last() {
                return self.names.contains(surname);
            }
        }
        n.split(|c: char| !c.is_alphanumeric() && c != '-').any(crate::catalogue::is_role_word)
    }

    /// Every name and role known, as written in lower case (for completion).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }
}

/// Whether an action is still to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Overdue,
}

/// One row of the action register.
#[derive(Clone, Debug, Serialize)]
pub struct RegisterEntry {
    pub file: String,
    /// One-based.
    pub line: usize,
    pub owners: Vec<String>,
    pub task: String,
    /// ISO date, when the due date could be read.
    pub due: Option<String>,
    /// The due date as written ("by 10 February 2020", "in due course").
    pub due_text: Option<String>,
    pub status: Status,
    pub kind: &'static str,
    pub meeting_date: Option<String>,
}

/// The register of one document's actions.
pub fn register(file: &str, text: &str, doc: &Document, today: Date) -> Vec<RegisterEntry> {
    let index = LineIndex::new(text);
    doc.actions
        .iter()
        .map(|a| {
            let due = a.due.as_ref().and_then(|d| d.date);
            RegisterEntry {
                file: file.to_string(),
                line: index.line_number(a.span.start),
                owners: a.owners.iter().map(|o| o.name.clone()).collect(),
                task: a.task.clone(),
                due: due.map(|d| d.to_string()),
                due_text: a.due.as_ref().map(|d| d.text.clone()),
                status: if due.is_some_and(|d| d < today) { Status::Overdue } else { Status::Open },
                kind: match a.kind {
                    ActionKind::Explicit => "explicit",
                    ActionKind::Implied => "implied",
                },
                meeting_date: doc.meeting.date.map(|d| d.to_string()),
            }
        })
        .collect()
}

/// Sorts a register by due date (undated last), then file order.
pub fn sort_register(entries: &mut [RegisterEntry]) {
    entries.sort_by(|a, b| {
        let key = |e: &RegisterEntry| (e.due.is_none(), e.due.clone());
        key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file)).then(a.line.cmp(&b.line))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_marker_wins_then_the_checked_directory_then_the_file_s_own() {
        let marked = |d: &Path| d == Path::new("/w") || d == Path::new("/w/sub");
        assert_eq!(root_of(Path::new("/w/a/x.minutes"), None, marked), Path::new("/w"));
        assert_eq!(root_of(Path::new("/w/sub/b/y.minutes"), Some(Path::new("/w")), marked), Path::new("/w/sub"));
        let none = |_: &Path| false;
        assert_eq!(root_of(Path::new("/d/a/x.minutes"), Some(Path::new("/d")), none), Path::new("/d"));
        assert_eq!(root_of(Path::new("/d/a/x.minutes"), Some(Path::new("/e")), none), Path::new("/d/a"));
        assert_eq!(root_of(Path::new("/d/a/x.minutes"), None, none), Path::new("/d/a"));
        assert_eq!(root_of(Path::new("x.minutes"), None, none), Path::new(""));
    }

    #[test]
    fn the_roster_knows_first_names_surnames_and_derived_initials() {
        let doc = crate::model::Document::parse("Present: Cllr Paolo Melchiorre, Sarah Boyce (Treasurer)\n\nThe meeting opened.\n");
        let r = Roster::from_documents([&doc]);
        for known in ["Paolo Melchiorre", "Cllr Melchiorre", "Sarah", "Boyce", "PM", "SB", "Treasurer", "the Clerk", "Parish Council"] {
            assert!(r.knows(known), "{known}");
        }
        assert!(!r.knows("Ann Jmaes"));
    }
}
