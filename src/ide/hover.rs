//! Hover: what the thing under the cursor is. An abbreviation shows its
//! long form and where it is defined; a person their role and attendance;
//! an action its owners, due date and whether it is overdue.

use std::ops::Range;

use super::navigation::{target_at, Target};
use super::Peer;
use crate::model::{ActionKind, Attendance, Date, Document};
use crate::text::LineIndex;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: Range<usize>,
    /// Markdown.
    pub markdown: String,
}

/// The help of every rule whose finding covers `offset`: what the rule
/// catches, why, an example and its fix (the rule's doc comment).
pub fn findings_help(diagnostics: &[crate::diagnostic::Diagnostic], offset: usize) -> Option<String> {
    let mut codes: Vec<&str> = diagnostics.iter().filter(|d| d.range.start <= offset && offset <= d.range.end).map(|d| d.code).collect();
    codes.dedup();
    let help: Vec<String> = codes
        .iter()
        .filter_map(|c| crate::rules::find(c))
        .map(|r| format!("**{}** {}", r.code, r.help_markdown()))
        .collect();
    (!help.is_empty()).then(|| help.join("\n\n---\n\n"))
}

pub fn hover(text: &str, doc: &Document, offset: usize, today: Date, peers: &[Peer]) -> Option<Hover> {
    if let Some((target, range)) = target_at(text, doc, offset) {
        let markdown = match &target {
            Target::Abbreviation(short) => abbreviation(text, doc, short, peers),
            Target::Person(name) => person(doc, name),
        };
        return Some(Hover { range, markdown });
    }
    // an abbreviation the document uses but does not define
    let word = super::word_at(text, offset);
    let w = &text[word.clone()];
    if !w.is_empty() && doc.abbreviation_uses.iter().any(|u| u.span == word) {
        return Some(Hover { markdown: abbreviation(text, doc, w, peers), range: word });
    }
    let a = doc.actions.iter().rev().find(|a| super::contains(&a.span, offset))?;
    let mut md = String::new();
    md.push_str(if a.kind == ActionKind::Implied { "**Implied action**" } else { "**Action**" });
    md.push_str("\n\n");
    if a.owners.is_empty() {
        md.push_str("Owner: *nobody named*\n\n");
    } else {
        let names: Vec<&str> = a.owners.iter().map(|o| o.name.as_str()).collect();
        md.push_str(&format!("Owner: {}\n\n", names.join(", ")));
    }
    if !a.task.is_empty() {
        md.push_str(&format!("Task: {}\n\n", a.task));
    }
    match &a.due {
        Some(d) => match d.date {
            Some(date) if date < today => md.push_str(&format!("Due: {date} (“{}”) — **overdue**\n", d.text)),
            Some(date) => md.push_str(&format!("Due: {date} (“{}”) — open\n", d.text)),
            None => md.push_str(&format!("Due: “{}” (no date that can be read)\n", d.text)),
        },
        None => md.push_str("Due: no date given\n"),
    }
    Some(Hover { range: a.span.clone(), markdown: md })
}

fn abbreviation(text: &str, doc: &Document, short: &str, peers: &[Peer]) -> String {
    if let Some(a) = doc.definition(short) {
        let line = LineIndex::new(text).line_number(a.span.start);
        let long = a.long.as_deref().unwrap_or("(long form not read)");
        let how = if a.form == crate::model::DefinitionForm::Attendance { "initials in the attendance" } else { "defined" };
        return format!("**{short}** — {long}\n\n{how} on line {line}");
    }
    for p in peers {
        if let Some(a) = p.doc.definition(short) {
            let line = LineIndex::new(p.text).line_number(a.span.start);
            let long = a.long.as_deref().unwrap_or("(long form not read)");
            return format!("**{short}** — {long}\n\ndefined in {} on line {line}", p.name);
        }
    }
    match crate::catalogue::abbreviation(short) {
        Some(long) => format!("**{short}** — {long}\n\nfrom the built-in catalogue; not defined in these minutes"),
        None => format!("**{short}**\n\nnot defined in these minutes"),
    }
}

fn person(doc: &Document, name: &str) -> String {
    let Some(p) = doc.people.iter().find(|p| p.name == name) else { return format!("**{name}**") };
    let mut md = format!("**{}**", p.name);
    if let Some(r) = &p.role {
        md.push_str(&format!(" — {r}"));
    }
    if let Some(i) = &p.initials {
        md.push_str(&format!(" ({i})"));
    }
    let att = match p.attendance {
        Attendance::Present => "present",
        Attendance::Apologies => "sent apologies",
        Attendance::InAttendance => "in attendance",
        Attendance::Absent => "absent",
    };
    md.push_str(&format!("\n\nAttendance: {att}"));
    let owned = doc.actions.iter().filter(|a| a.owners.iter().any(|o| o.name == p.name)).count();
    if owned > 0 {
        md.push_str(&format!("\n\nOwns {owned} action{}", if owned == 1 { "" } else { "s" }));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Present: Ann James (Chair), Bob Smith\n\nApologies: Carol White\n\n1. Report\nThe Director of Children’s Services (DCS) presented.\n\nACTION: Ann James – circulate the letter by 20 November 2020\n\nACTION: Bob Smith – write to the school by 1 December 2099\n\nThe NHS and the GARAS were noted.\n";

    fn today() -> Date {
        Date::constant(2026, 1, 1)
    }

    fn at(needle: &str) -> usize {
        TEXT.find(needle).unwrap()
    }

    #[test]
    fn abbreviation_shows_long_form_and_line() {
        let doc = Document::parse(TEXT);
        let h = hover(TEXT, &doc, at("DCS)") + 1, today(), &[]).unwrap();
        assert!(h.markdown.contains("Director of Children’s Services"), "{}", h.markdown);
        assert!(h.markdown.contains("line 6"), "{}", h.markdown);
        let h = hover(TEXT, &doc, at("NHS") + 1, today(), &[]).unwrap();
        assert!(h.markdown.contains("National Health Service"), "{}", h.markdown);
    }

    #[test]
    fn action_shows_owner_due_and_overdue() {
        let doc = Document::parse(TEXT);
        let h = hover(TEXT, &doc, at("circulate"), today(), &[]).unwrap();
        assert!(h.markdown.contains("Owner: Ann James") && h.markdown.contains("2020-11-20") && h.markdown.contains("overdue"), "{}", h.markdown);
        let h = hover(TEXT, &doc, at("write to"), today(), &[]).unwrap();
        assert!(h.markdown.contains("open") && !h.markdown.contains("overdue"), "{}", h.markdown);
    }

    #[test]
    fn person_shows_role_and_attendance() {
        let doc = Document::parse(TEXT);
        let h = hover(TEXT, &doc, at("Ann James") + 1, today(), &[]).unwrap();
        assert!(h.markdown.contains("Chair") && h.markdown.contains("present") && h.markdown.contains("Owns 1 action"), "{}", h.markdown);
        let h = hover(TEXT, &doc, at("Carol") + 1, today(), &[]).unwrap();
        assert!(h.markdown.contains("apologies"), "{}", h.markdown);
    }
}
