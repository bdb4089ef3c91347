//! Many documents: the roster of people, roles and abbreviations they
//! define, and the action register across them. Pure: callers hand it
//! documents they have read.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{ActionKind, Date, Document};
use crate::text::LineIndex;

/// Who and what the minutes of a workspace know.
#[derive(Clone, Debug, Default)]
pub struct Roster {
    /// Lower-cased names, surnames, initials and roles.
    names: HashSet<String>,
    initials: HashSet<String>,
    /// Short forms defined or accepted outside the minutes (`minutes.toml`).
    abbreviations: HashSet<String>,
}

/// Words that make a phrase a role or a group: "Head of Strategic
/// Infrastructure", "committee members", "the Department".
const ROLE_WORDS: &[&str] = &[
    "director", "head", "officer", "officers", "manager", "clerk", "chair", "chairman",
    "chairperson", "member", "members", "councillor", "councillors", "committee", "board",
    "council", "team", "department", "service", "services", "panel", "group", "secretary",
    "treasurer", "trustees", "governors", "lead", "coordinator", "executive", "leader", "mayor",
    "auditor", "directorate", "residents", "staff", "president", "partnership", "authority",
    "agency", "health", "police", "highways", "project", "inspector", "commissioner",
];

const TITLES: &[&str] = &["cllr", "cllr.", "councillor", "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mr.", "mrs.", "dr."];

fn normal(name: &str) -> String {
    let lower = name.trim().trim_end_matches(['.', ',', ';']).to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower).to_string();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_title(n: &str) -> &str {
    match n.split_once(' ') {
        Some((first, rest)) if TITLES.contains(&first) => rest,
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
        n.split(|c: char| !c.is_alphanumeric()).any(|w| ROLE_WORDS.contains(&w))
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
