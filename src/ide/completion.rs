//! Completion: who can own an action, and the shapes of lines.
//!
//! In an owner slot (`(Action – |`, `ACTION: |`, `Action by: |`) and after a
//! sentence-initial `The |`, it offers people, roles and abbreviations: the
//! meeting's own first (attendance, definitions, earlier owners), then the
//! other minutes of the workspace, most used first within each. The
//! built-in catalogue (BBC, TV, Monitoring Officer…) only comes in once
//! something is typed that it completes: an empty slot is the meeting's. At the
//! start of a line it offers snippets: a RESOLVED block, an ACTION line, an
//! agenda item, attendance lines.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::Peer;
use crate::model::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    Person,
    Role,
    Abbreviation,
    Snippet,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    /// What it is: a person's role, an abbreviation's long form, "role".
    pub detail: String,
    /// The text to insert (with a leading space when the slot has none
    /// yet); a snippet (`$1`, `${1:owner}`) when `snippet`.
    pub insert: String,
    pub snippet: bool,
    /// Replaced by the insertion: what was typed of the name so far.
    pub replace: Range<usize>,
    /// Sorts the list: the meeting's first, then most frequent first.
    pub sort: String,
    pub frequency: usize,
    pub source: Source,
}

/// Where a name comes from; the list is sorted by it first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// This meeting: its attendance, definitions and owners.
    Meeting,
    /// Other minutes of the workspace.
    Workspace,
    /// The built-in catalogue only.
    Catalogue,
}

/// Where the cursor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// An action's owner; `typed` is what is already written of it.
    Owner { typed: Range<usize> },
    /// After a sentence-initial "The ".
    The { typed: Range<usize> },
    /// The start of a line.
    LineStart { typed: Range<usize> },
}

fn owner_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?x)
            (?: \( \s* (?i:action) \s* [–—:\-]? | (?:^|\s) (?:ACTION|Action|ACTIONS|Actions) \s*(?:[–—\-]|:) | (?i:action\s+by) \s*: )
            (?: [^()\n]*? (?:,|\band\b|/|&) )?
            [\s\u{a0}]* (?P<typed> [\p{L}\p{N}.’'\-]* (?:\ [\p{L}\p{N}.’'\-]+){0,3} ) $")
        .expect("owner pattern")
    })
}

fn the_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"(?:^\s*|[.!?:;]\s+|\)\s+)The[\s\u{a0}]+(?P<typed>[\p{L}\p{N}&’'\-]*)$").expect("the pattern"))
}

fn line_start_pattern() -> &'static Regex {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| Regex::new(r"^[ \t]*(?P<typed>[\p{L}]*)$").expect("line start pattern"))
}

/// The slot at `offset`, read from its line up to the cursor.
pub fn slot_at(text: &str, offset: usize) -> Option<Slot> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    // a very long line: look at its last 400 bytes only
    let mut from = line_start.max(offset.saturating_sub(400));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..offset];
    let typed = |c: regex::Captures| {
        let m = c.name("typed").expect("group");
        from + m.start()..from + m.end()
    };
    if let Some(c) = owner_pattern().captures(before) {
        return Some(Slot::Owner { typed: typed(c) });
    }
    if let Some(c) = the_pattern().captures(before) {
        return Some(Slot::The { typed: typed(c) });
    }
    if from == line_start {
        if let Some(c) = line_start_pattern().captures(before) {
            return Some(Slot::LineStart { typed: typed(c) });
        }
    }
    None
}

#[derive(Default)]
struct Candidates {
    /// key (lower case) → item
    items: HashMap<String, Item>,
}

impl Candidates {
    fn add(&mut self, label: &str, kind: ItemKind, detail: String, weight: usize, source: Source) {
        let label = label.trim().trim_end_matches(['.', ',', ';', ':']);
        if label.is_empty() || label.len() > 80 {
            return;
        }
        let key = label.to_lowercase();
        let e = self.items.entry(key).or_insert_with(|| Item {
            label: label.to_string(),
            kind,
            detail: detail.clone(),
            insert: label.to_string(),
            snippet: false,
            replace: 0..0,
            sort: String::new(),
            frequency: 0,
            source,
        });
        e.frequency += weight;
        e.source = e.source.min(source);
        // a person's or abbreviation's description wins over a bare "owner"
        if e.detail.is_empty() || (e.kind == ItemKind::Role && kind != ItemKind::Role && !detail.is_empty()) {
            e.kind = kind;
            e.detail = detail;
        }
    }

    fn document(&mut self, doc: &Document, weight: usize, source: Source) {
        for p in &doc.people {
            let detail = match &p.role {
                Some(r) => format!("person, {r}"),
                None => "person".to_string(),
            };
            self.add(&p.name, ItemKind::Person, detail, weight, source);
            if let Some(r) = &p.role {
                self.add(r, ItemKind::Role, "role".into(), weight, source);
            }
        }
        // initials from the attendance too: owners are often written so
        // ("MW to circulate the paper")
        for a in &doc.abbreviations {
            let long = a.long.clone().unwrap_or_default();
            self.add(&a.short, ItemKind::Abbreviation, format!("abbreviation: {long}"), weight, source);
        }
        for u in &doc.abbreviation_uses {
            if let Some(e) = self.items.get_mut(&u.short.to_lowercase()) {
                e.frequency += weight;
            }
        }
        for a in &doc.actions {
            for o in &a.owners {
                let kind = if doc.people.iter().any(|p| p.name == o.name) {
                    ItemKind::Person
                } else if doc.definition(&o.name).is_some() || crate::catalogue::abbreviation(&o.name).is_some() {
                    ItemKind::Abbreviation
                } else {
                    ItemKind::Role
                };
                let detail = if kind == ItemKind::Role { "owner of earlier actions".to_string() } else { String::new() };
                self.add(&o.name, kind, detail, 2 * weight, source);
            }
        }
    }

    /// Catalogue entries that complete `typed` (case-insensitively).
    fn catalogue(&mut self, typed: &str) {
        let typed = typed.to_lowercase();
        let completes = |label: &str| !typed.is_empty() && label.to_lowercase().starts_with(&typed);
        for r in crate::catalogue::roles() {
            if completes(r) {
                self.add(r, ItemKind::Role, "role (catalogue)".into(), 0, Source::Catalogue);
            }
        }
        for (s, l) in crate::catalogue::abbreviations() {
            if completes(s) || completes(l) {
                self.add(s, ItemKind::Abbreviation, format!("abbreviation: {l} (catalogue)"), 0, Source::Catalogue);
            }
        }
    }
}

/// Completion items at `offset`.
pub fn complete(text: &str, doc: &Document, offset: usize, peers: &[Peer]) -> Vec<Item> {
    let Some(slot) = slot_at(text, offset) else { return Vec::new() };
    match slot {
        Slot::LineStart { typed } => snippets(typed),
        Slot::Owner { typed } => names(text, doc, peers, typed, true),
        Slot::The { typed } => names(text, doc, peers, typed, false),
    }
}

fn names(text: &str, doc: &Document, peers: &[Peer], typed: Range<usize>, with_people: bool) -> Vec<Item> {
    // asked for right after "–" or ":" (their trigger characters): the name
    // brings its space, so "(Action –" becomes "(Action – DPH"
    let space = if text[..typed.start].ends_with(|c: char| c.is_whitespace()) || typed.start == 0 { "" } else { " " };
    let mut c = Candidates::default();
    c.document(doc, 10, Source::Meeting);
    for p in peers {
        c.document(p.doc, 1, Source::Workspace);
    }
    c.catalogue(text.get(typed.clone()).unwrap_or_default());
    let mut items: Vec<Item> = c
        .items
        .into_values()
        .filter(|i| with_people || i.kind != ItemKind::Person)
        .map(|mut i| {
            i.replace = typed.clone();
            i.insert = format!("{space}{}", i.insert);
            i
        })
        .collect();
    items.sort_by(|a, b| a.source.cmp(&b.source).then(b.frequency.cmp(&a.frequency)).then_with(|| a.label.cmp(&b.label)));
    for (rank, i) in items.iter_mut().enumerate() {
        i.sort = format!("{rank:05}");
    }
    items
}

fn snippets(typed: Range<usize>) -> Vec<Item> {
    let s = |label: &str, detail: &str, insert: &str| Item {
        label: label.to_string(),
        kind: ItemKind::Snippet,
        detail: detail.to_string(),
        insert: insert.to_string(),
        snippet: true,
        replace: typed.clone(),
        sort: String::new(),
        frequency: 0,
        source: Source::Catalogue,
    };
    let mut v = vec![
        s("RESOLVED", "a RESOLVED block", "RESOLVED:\na) That ${1:the report be noted};\nb) That ${2};$0"),
        s("ACTION", "an ACTION line: owner, task, due date", "ACTION: ${1:owner} – ${2:task} by ${3:date}$0"),
        s("Item", "an agenda item", "${1:1}. ${2:Title}\n$0"),
        s("Present", "attendance: who was present", "Present: ${1:Name} (${2:Chair}), ${3:Name}$0"),
        s("Apologies", "attendance: apologies", "Apologies: ${1:Name}$0"),
        s("In attendance", "attendance: officers in attendance", "In attendance: ${1:Name} (${2:role})$0"),
    ];
    for (i, item) in v.iter_mut().enumerate() {
        item.sort = format!("{i:05}");
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Present: Ann James (Chair), Bob Smith (Clerk)\n\n1. Report\nThe Director of Children’s Services (DCS) presented.\nThe report would be circulated. (Action – DCS)\nThe DCS noted it. (Action – \nACTION: \nThe \n";

    fn labels(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.label.as_str()).collect()
    }

    #[test]
    fn owner_slots_are_recognised() {
        for (line, typed) in [("(Action – ", ""), ("(Action – Ann J", "Ann J"), ("ACTION: ", ""), ("ACTION: Cl", "Cl"), ("Action by: ", ""), ("(Action – Ann James, B", "B"), ("ACTION: Ann James and ", "")] {
            match slot_at(line, line.len()) {
                Some(Slot::Owner { typed: r }) => assert_eq!(&line[r], typed, "{line}"),
                other => panic!("{line}: {other:?}"),
            }
        }
        assert!(matches!(slot_at("It was noted. The ", 18), Some(Slot::The { .. })));
        assert!(matches!(slot_at("RES", 3), Some(Slot::LineStart { .. })));
        assert_eq!(slot_at("said that the ", 14), None);
    }

    #[test]
    fn offers_document_roles_people_and_catalogue_in_owner_slot() {
        let doc = Document::parse(TEXT);
        let at = TEXT.find("(Action – \n").unwrap() + "(Action – ".len();
        let items = complete(TEXT, &doc, at, &[]);
        let l = labels(&items);
        assert!(l.contains(&"Ann James") && l.contains(&"Chair") && l.contains(&"DCS"), "{l:?}");
        // an empty slot is the meeting's: nothing from the catalogue alone
        assert!(items.iter().all(|i| i.source == Source::Meeting), "{l:?}");
        assert!(!l.contains(&"BBC") && !l.contains(&"Monitoring Officer"), "{l:?}");
        // the most used comes first: DCS (defined, used, owner)
        assert_eq!(l[0], "DCS");
        let ann = items.iter().find(|i| i.label == "Ann James").unwrap();
        assert_eq!(ann.detail, "person, Chair");
        let dcs = items.iter().find(|i| i.label == "DCS").unwrap();
        assert!(dcs.detail.contains("Director of Children’s Services"), "{}", dcs.detail);
    }

    #[test]
    fn catalogue_entries_come_when_typed_for_and_after_the_meeting() {
        let text = format!("{TEXT}The report was noted. (Action – Mon");
        let doc = Document::parse(&text);
        let items = complete(&text, &doc, text.len(), &[]);
        let mo = items.iter().find(|i| i.label == "Monitoring Officer").expect("typed for");
        assert_eq!(mo.source, Source::Catalogue);
        assert!(items.iter().all(|i| i.label.to_lowercase().starts_with("mon") || i.source != Source::Catalogue));
    }

    #[test]
    fn the_meetings_names_come_before_the_workspaces() {
        let other = "Present: Zoe Brown (Clerk)\n\n1. Item\nACTION: Zoe Brown – write. ACTION: Zoe Brown – call.\n";
        let other_doc = Document::parse(other);
        let peers = [Peer { name: "other", text: other, doc: &other_doc }];
        let doc = Document::parse(TEXT);
        let at = TEXT.find("(Action – \n").unwrap() + "(Action – ".len();
        let items = complete(TEXT, &doc, at, &peers);
        let zoe = items.iter().position(|i| i.label == "Zoe Brown").expect("workspace name");
        assert!(items[..zoe].iter().all(|i| i.source == Source::Meeting) && zoe > 0);
    }

    #[test]
    fn a_name_asked_for_right_after_the_dash_brings_its_space() {
        let text = "Present: Ann James (Chair)\n\n1. Report\nIt was noted. (Action –";
        let doc = Document::parse(text);
        let items = complete(text, &doc, text.len(), &[]);
        let ann = items.iter().find(|i| i.label == "Ann James").expect("Ann James");
        assert_eq!(ann.insert, " Ann James");
        let text = format!("{text} ");
        let items = complete(&text, &Document::parse(&text), text.len(), &[]);
        assert!(items.iter().all(|i| !i.insert.starts_with(' ')), "{items:?}");
    }

    #[test]
    fn the_offers_roles_and_abbreviations_not_people() {
        let doc = Document::parse(TEXT);
        let at = TEXT.rfind("The \n").unwrap() + 4;
        let l: Vec<String> = complete(TEXT, &doc, at, &[]).into_iter().map(|i| i.label).collect();
        assert!(l.contains(&"DCS".to_string()) && !l.contains(&"Ann James".to_string()));
    }

    #[test]
    fn snippets_at_line_start() {
        let text = "1. Report\n\nRES";
        let items = complete(text, &Document::parse(text), text.len(), &[]);
        assert!(items.iter().any(|i| i.label == "RESOLVED" && i.snippet && i.replace == (text.len() - 3..text.len())));
    }
}
