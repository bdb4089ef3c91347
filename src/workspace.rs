//! Many documents: which files make one workspace, the roster of people,
//! roles and abbreviations they define, and the action register across
//! them. Pure: callers hand it documents they have read, and a way to ask
//! whether a directory holds `minutes.toml`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{ActionKind, Date, Document};
use crate::text::line_numbers;

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


// ---- the action register, across meetings ----------------------------------

/// One minutes file handed to the workspace.
#[derive(Clone, Copy)]
pub struct Minute<'a> {
    /// Its path or URI, as the caller names it.
    pub name: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing reported, not past its due date.
    Open,
    /// Reported as in progress.
    InProgress,
    /// Reported as carried forward to a later meeting.
    CarriedForward,
    /// Not reported done, and past its due date.
    Overdue,
    Done,
    /// Reported as withdrawn or no longer required.
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in progress",
            Status::CarriedForward => "carried forward",
            Status::Overdue => "overdue",
            Status::Done => "done",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Still to do (open, in progress, carried forward or overdue).
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Done | Status::Withdrawn)
    }
}

/// A place in one of the minutes handed to [`track`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Index into the minutes handed to [`track`].
    pub minute: usize,
    pub span: crate::model::Span,
}

/// Where an action was last recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recorded {
    pub file: String,
    /// One-based.
    pub line: usize,
    pub meeting_date: Option<String>,
}

/// A later minute's report on an action.
#[derive(Clone, Debug, Serialize)]
pub struct Mention {
    pub file: String,
    /// One-based.
    pub line: usize,
    pub meeting_date: Option<String>,
    /// What it reports; `None` when it lists the action without a status.
    pub progress: Option<crate::model::Progress>,
    /// The report as written.
    pub text: String,
    #[serde(skip)]
    pub place: Place,
}

/// One row of the action register: an action, where it was set, and what
/// later minutes said about it.
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
    /// The clerk's reference (`A12` for `[A12]`), when written.
    pub reference: Option<String>,
    /// The latest minute that reports on the action; where it was set when
    /// none does.
    pub recorded: Recorded,
    /// Later minutes' reports, oldest first.
    pub history: Vec<Mention>,
    #[serde(skip)]
    pub place: Place,
}

impl RegisterEntry {
    /// The last progress reported, if any.
    pub fn progress(&self) -> Option<crate::model::Progress> {
        self.history.iter().rev().find_map(|m| m.progress)
    }

    /// How many meetings (the one that set it included) have listed the
    /// action since its last status, or since it was set when it never had
    /// one.
    pub fn meetings_without_status(&self) -> usize {
        let since = match self.history.iter().rposition(|m| m.progress.is_some()) {
            Some(i) => &self.history[i + 1..],
            None => &self.history[..],
        };
        let mut minutes: Vec<usize> = since.iter().map(|m| m.place.minute).collect();
        minutes.dedup();
        minutes.len() + usize::from(self.history.iter().all(|m| m.progress.is_none()))
    }

    /// Open, and listed at three meetings or more without a status.
    pub fn is_stale(&self) -> bool {
        self.status.is_open() && self.meetings_without_status() >= STALE_AFTER
    }
}

/// Meetings an action may be listed at without a status before
/// `stale-action` reports it.
pub const STALE_AFTER: usize = 3;

/// The register of many minutes: every action with its status across them.
#[derive(Clone, Debug, Default)]
pub struct Series {
    pub entries: Vec<RegisterEntry>,
}

/// One document's place in a series, for the rules and editor features.
#[derive(Clone, Copy)]
pub struct InSeries<'a> {
    pub series: &'a Series,
    /// The document's index among the minutes handed to [`track`].
    pub minute: usize,
}

impl Series {
    /// The entries whose action was set in `minute`, or that `minute`
    /// reports on, with the span there.
    pub fn in_minute(&self, minute: usize) -> impl Iterator<Item = (&RegisterEntry, &crate::model::Span)> {
        self.entries.iter().flat_map(move |e| {
            let origin = (e.place.minute == minute).then_some((e, &e.place.span));
            origin.into_iter().chain(e.history.iter().filter(move |m| m.place.minute == minute).map(move |m| (e, &m.place.span)))
        })
    }

    /// The entry whose action (or a report on it) is written at `offset` of `minute`.
    pub fn at(&self, minute: usize, offset: usize) -> Option<&RegisterEntry> {
        self.in_minute(minute).find(|(_, s)| s.start <= offset && offset <= s.end).map(|(e, _)| e)
    }
}

/// The register of one document alone.
pub fn register(file: &str, text: &str, doc: &Document, today: Date) -> Vec<RegisterEntry> {
    track(&[Minute { name: file, text, doc }], || today).entries
}

/// Follows every action across `minutes`, in meeting order (by date; files
/// without one last, by name): each report of a later minute is linked to
/// the action it cites by reference, or else to the one still open whose
/// owner and task it names; actions a later minute only restates are not
/// new actions. Statuses are then read from the reports, overdue against
/// `today`, which is asked only when an entry has a due date (finding the
/// local time zone reads the system's time-zone database).
pub fn track(minutes: &[Minute], today: impl FnOnce() -> Date) -> Series {
    let today = std::cell::LazyCell::new(today);
    let mut order: Vec<usize> = (0..minutes.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (minutes[i].doc.meeting.date.is_none(), minutes[i].doc.meeting.date, minutes[i].name);
        key(a).cmp(&key(b))
    });
    // what each minute gives alone, for all at once: the pass below, in
    // meeting order, is the one step of `minutes check` that no other core
    // can share
    let read: Vec<Read> = minutes.par_iter().map(|m| Read::new(m.text, m.doc)).collect();
    let mut entries: Vec<RegisterEntry> = Vec::new();
    let mut tasks = TaskIndex::default();
    let mut by_reference: HashMap<String, usize> = HashMap::new();
    for m in order {
        let Minute { name, doc, .. } = minutes[m];
        let Read { lines, reports, actions } = &read[m];
        let (report_lines, action_lines) = lines.split_at(reports.len());
        let meeting_date = doc.meeting.date.map(|d| d.to_string());
        let mut restated: Vec<crate::model::Span> = Vec::new();
        for ((report, words), &line) in doc.reports.iter().zip(reports).zip(report_lines) {
            let target = match &report.reference {
                Some(r) => by_reference.get(&r.to_lowercase()).copied(),
                None => by_owner_and_task(&entries, &mut tasks, report, words),
            };
            let Some(e) = target else { continue };
            entries[e].history.push(Mention {
                file: name.to_string(),
                line,
                meeting_date: meeting_date.clone(),
                progress: report.progress,
                text: report.text.clone(),
                place: Place { minute: m, span: report.span.clone() },
            });
            restated.push(report.span.clone());
        }
        for ((a, (stems, owners)), &line) in doc.actions.iter().zip(actions).zip(action_lines) {
            if restated.iter().any(|s| s.start < a.span.end && a.span.start < s.end) {
                continue;
            }
            let reference = doc.reference_of(a).map(|r| r.id.clone());
            if let Some(r) = &reference {
                by_reference.entry(r.to_lowercase()).or_insert(entries.len());
            }
            tasks.add(stems.clone(), owners.clone());
            entries.push(RegisterEntry {
                file: name.to_string(),
                line,
                owners: a.owners.iter().map(|o| o.name.clone()).collect(),
                task: a.task.clone(),
                due: a.due.as_ref().and_then(|d| d.date).map(|d| d.to_string()),
                due_text: a.due.as_ref().map(|d| d.text.clone()),
                status: Status::Open,
                kind: match a.kind {
                    ActionKind::Explicit => "explicit",
                    ActionKind::Implied => "implied",
                },
                meeting_date: meeting_date.clone(),
                reference,
                recorded: Recorded { file: name.to_string(), line, meeting_date: meeting_date.clone() },
                history: Vec::new(),
                place: Place { minute: m, span: a.span.clone() },
            });
        }
    }
    for e in &mut entries {
        e.status = status(e, &today);
        if let Some(last) = e.history.last() {
            e.recorded = Recorded { file: last.file.clone(), line: last.line, meeting_date: last.meeting_date.clone() };
        }
    }
    Series { entries }
}

fn status(e: &RegisterEntry, today: &std::cell::LazyCell<Date, impl FnOnce() -> Date>) -> Status {
    use crate::model::Progress;
    let overdue = e.due.as_deref().and_then(|d| d.parse::<Date>().ok()).is_some_and(|d| d < **today);
    match e.progress() {
        Some(Progress::Done) => Status::Done,
        Some(Progress::Withdrawn) => Status::Withdrawn,
        _ if overdue => Status::Overdue,
        Some(Progress::InProgress) => Status::InProgress,
        Some(Progress::CarriedForward) => Status::CarriedForward,
        Some(Progress::Outstanding) | None => Status::Open,
    }
}

/// What [`track`] reads of one minute alone.
struct Read {
    /// The line of each report, then of each action: an index of every
    /// line, built for these few, was 2% of an edit of a 1 MB document.
    lines: Vec<usize>,
    /// Each report's words: the stems of its text and the text in lower case.
    reports: Vec<ReportWords>,
    /// Each action's: the stems of its task, and its owners as a report
    /// would name them ([`owner_name`]).
    actions: Vec<(Vec<String>, Vec<String>)>,
}

struct ReportWords {
    stems: Vec<String>,
    lower: String,
}

impl Read {
    fn new(text: &str, doc: &Document) -> Read {
        Read {
            lines: line_numbers(text, &doc.reports.iter().map(|r| r.span.start).chain(doc.actions.iter().map(|a| a.span.start)).collect::<Vec<_>>()),
            // a report that cites a reference is not compared by its words
            reports: doc.reports.iter().map(|r| if r.reference.is_some() { ReportWords { stems: Vec::new(), lower: String::new() } } else { ReportWords { stems: stems(&r.text), lower: r.text.to_lowercase() } }).collect(),
            actions: doc.actions.iter().map(|a| (stems(&a.task), a.owners.iter().map(|o| owner_name(&o.name)).collect())).collect(),
        }
    }
}

/// The stems of every entry's task ([`stems`]), in the order of the
/// entries, and the entries each stem is in: a report is compared only with
/// the entries whose task shares two stems with it (no fit needs fewer), so
/// a register of many meetings is not read in full for every report.
#[derive(Default)]
struct TaskIndex {
    stems: Vec<Vec<String>>,
    /// Each entry's owners, as [`owner_name`] gives them.
    owners: Vec<Vec<String>>,
    entries_of: HashMap<String, Vec<usize>>,
    /// For one report: how many stems each entry shares with it (zero
    /// again after each report).
    shared: Vec<usize>,
}

impl TaskIndex {
    /// The entry added next: the stems of its task, its owners.
    fn add(&mut self, stems: Vec<String>, owners: Vec<String>) {
        let entry = self.stems.len();
        for w in &stems {
            self.entries_of.entry(w.clone()).or_default().push(entry);
        }
        self.stems.push(stems);
        self.owners.push(owners);
        self.shared.push(0);
    }

    /// The entries whose task shares at least two of `stems`, in order,
    /// with how many they share.
    fn sharing_two(&mut self, stems: &[String]) -> Vec<(usize, usize)> {
        let mut touched = Vec::new();
        for w in stems {
            for &i in self.entries_of.get(w).map_or(&[][..], Vec::as_slice) {
                if self.shared[i] == 0 {
                    touched.push(i);
                }
                self.shared[i] += 1;
            }
        }
        // most entries touched share one stem: they are dropped before the
        // sort, which is what orders the rest
        let mut two: Vec<(usize, usize)> = touched.into_iter().filter_map(|i| Some((i, std::mem::take(&mut self.shared[i]))).filter(|&(_, n)| n >= 2)).collect();
        two.sort_unstable();
        two
    }
}

/// The still-open action a report without a reference is about: the one
/// whose owner the report names and most of whose task words it uses
/// ("The Clerk had circulated the letter" for "Clerk – circulate the
/// letter to all members"), limited to the meeting the report says set it.
/// `None` when no action fits well or two fit equally.
fn by_owner_and_task(entries: &[RegisterEntry], tasks: &mut TaskIndex, report: &crate::model::StatusReport, words: &ReportWords) -> Option<usize> {
    // every fit below needs two stems shared (both sides without repeats)
    let candidates = tasks.sharing_two(&words.stems);
    if candidates.is_empty() {
        return None;
    }
    let set_on = report.set_on.map(|d| d.to_string());
    let mut best: Option<(f32, usize)> = None;
    let mut tied = false;
    // many candidates have the same owner (the Clerk): the report's text
    // is searched once for each
    let mut named: HashMap<&str, bool> = HashMap::new();
    for (i, shared) in candidates {
        // the arithmetic first: it rules out most candidates
        let share = shared as f32 / tasks.stems[i].len() as f32;
        if share < 0.5 {
            continue; // no fit below: the owner is not looked for
        }
        let e = &entries[i];
        if e.progress().is_some_and(|p| p.closes()) {
            continue;
        }
        if let Some(set) = &set_on {
            if e.meeting_date.as_deref() != Some(set.as_str()) {
                continue;
            }
        }
        let owner_named = tasks.owners[i].iter().any(|o| *named.entry(o).or_insert_with(|| names_owner(&words.lower, o)));
        let fits = (owner_named && shared >= 2 && share >= 0.5) || (shared >= 3 && share >= 0.75);
        if !fits {
            continue;
        }
        let score = share + if owner_named { 1.0 } else { 0.0 };
        match best {
            Some((b, _)) if (score - b).abs() < f32::EPSILON => tied = true,
            Some((b, _)) if score < b => {}
            _ => {
                best = Some((score, i));
                tied = false;
            }
        }
    }
    if tied { None } else { best.map(|(_, i)| i) }
}

/// An owner as a report would name them: normalised, without a title
/// ("Cllr", "Mr").
fn owner_name(owner: &str) -> String {
    without_title(&normal(owner)).to_string()
}

/// Whether lower-cased text names an owner ([`owner_name`]): the whole
/// name, or its last word ("Smith" for "Bob Smith", "Clerk" for "the
/// Clerk").
fn names_owner(lower: &str, bare: &str) -> bool {
    let whole = |n: &str| {
        lower.match_indices(n).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + n.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    !bare.is_empty() && (whole(bare) || bare.split_whitespace().last().is_some_and(whole))
}

/// The content words of a text, cut to a stem so that "circulated" meets
/// "circulate" and "letters" meets "letter".
fn stems(text: &str) -> Vec<String> {
    const SMALL: &[&str] = &["the", "and", "for", "with", "that", "this", "from", "into", "onto", "have", "had", "has", "been", "were", "was", "will", "would", "should", "all", "any", "its", "their", "them", "they", "also", "next", "meeting", "action", "status", "set"];
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| {
            // an ASCII word is its length in characters, in lower case too:
            // it is lowered only when kept, and only its stem (every report
            // and task of a series is read on every edit)
            if w.is_ascii() {
                let kept = w.len() >= 3 && !SMALL.iter().any(|s| s.eq_ignore_ascii_case(w)) && !w.bytes().all(|b| b.is_ascii_digit());
                return kept.then(|| w[..w.len().min(6)].to_ascii_lowercase());
            }
            let w = w.to_lowercase();
            (w.chars().count() >= 3 && !SMALL.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit())).then(|| w.chars().take(6).collect())
        })
        .collect();
    out.sort();
    out.dedup();
    out
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
    fn stems_are_the_content_words_in_lower_case_cut_to_six_letters() {
        // every word lowered, then filtered and cut, as the stems read it
        let plain = |text: &str| {
            const SMALL: &[&str] = &["the", "and", "for", "with", "that", "this", "from", "into", "onto", "have", "had", "has", "been", "were", "was", "will", "would", "should", "all", "any", "its", "their", "them", "they", "also", "next", "meeting", "action", "status", "set"];
            let mut out: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .filter(|w| w.chars().count() >= 3 && !SMALL.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
                .map(|w| w.chars().take(6).collect())
                .collect();
            out.sort();
            out.dedup();
            out
        };
        for text in ["Clerk to CIRCULATE the Letters, THE Meeting notes 2026 and 12a", "Ünïcödé Straße İİ ŞEHİR café x9 Kkk", ""] {
            assert_eq!(stems(text), plain(text), "{text:?}");
        }
    }

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
