//! `minutes actions --format ics`: the open actions as an iCalendar file
//! (RFC 5545), one VTODO each, so each owner can subscribe to theirs.

use icalendar::{Calendar, Component, Todo, TodoStatus};

use crate::model::Date;
use crate::workspace::{RegisterEntry, Status};

/// The calendar of the open actions among `entries` (done and withdrawn
/// ones are left out). `today` stamps each VTODO (DTSTAMP), so the same
/// minutes give the same file.
pub fn calendar(entries: &[RegisterEntry], today: Date) -> String {
    let stamp = chrono::NaiveDate::from_ymd_opt(today.year().into(), today.month() as u32, today.day() as u32)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc());
    let mut cal = Calendar::new();
    cal.name("Minutes: open actions");
    for e in entries.iter().filter(|e| e.status.is_open()) {
        let mut todo = Todo::new();
        todo.uid(&uid(e))
            .summary(&summary(e))
            .description(&description(e))
            .status(match e.status {
                Status::InProgress => TodoStatus::InProcess,
                _ => TodoStatus::NeedsAction,
            })
            .add_property("CATEGORIES", e.owners.join(","));
        if let Some(t) = stamp {
            todo.timestamp(t);
        }
        if let Some(due) = e.due.as_deref().and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
            todo.due(due);
        }
        cal.push(todo.done());
    }
    cal.done().to_string()
}

/// What to do, with the clerk's reference: "A12: circulate the letter".
fn summary(e: &RegisterEntry) -> String {
    let task = if e.task.is_empty() { "(no task written)" } else { &e.task };
    match &e.reference {
        Some(r) => format!("{r}: {task}"),
        None => task.to_string(),
    }
}

fn description(e: &RegisterEntry) -> String {
    let owners = if e.owners.is_empty() { "nobody named".to_string() } else { e.owners.join(", ") };
    let mut d = format!("Owner: {owners}\nStatus: {}\nSource: {}:{}", e.status.as_str(), e.file, e.line);
    if let Some(m) = &e.meeting_date {
        d.push_str(&format!("\nSet at the meeting of {m}"));
    }
    if let Some(t) = &e.due_text {
        d.push_str(&format!("\nDue as written: {t}"));
    }
    if !e.history.is_empty() {
        d.push_str(&format!("\nLast recorded: {}:{}", e.recorded.file, e.recorded.line));
    }
    d
}

/// Stable across runs and edits elsewhere in the file: the action's
/// identity (meeting date, owners, task), hashed (FNV-1a).
fn uid(e: &RegisterEntry) -> String {
    let key = format!("{}\u{1f}{}\u{1f}{}", e.meeting_date.as_deref().unwrap_or(&e.file), e.owners.join(","), e.task);
    let mut h: u64 = 0xcbf29ce484222325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}@minutes")
}
