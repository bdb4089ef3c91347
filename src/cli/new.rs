//! `minutes new`: the next meeting's draft minutes, from the last ones:
//! title and date, the attendance as a template, "Apologies", "Minutes of
//! the last meeting", and "Matters arising" listing every action still
//! open (the last meeting's and older ones), each with its reference,
//! owner, task, due date and a status to fill in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use regex::Regex;

use super::actions::read_all;
use crate::model::{dates, Attendance, Date, Document};
use crate::workspace::{track, Minute, RegisterEntry};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The last meeting's minutes (default: the latest *.minutes here, by
    /// meeting date). Open actions are read from every *.minutes beside it.
    #[arg(long)]
    from: Option<PathBuf>,
    /// The next meeting's date (default: today), e.g. 2026-12-12
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    /// Write the draft here (default: print it)
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace --out when it holds something else
    #[arg(long)]
    force: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    dates::parse(s, None).ok_or_else(|| format!("“{s}” is not a date: write it as 2026-12-12"))
}

pub fn run(args: Args) -> ExitCode {
    match draft_for(&args) {
        Ok(text) => write(&args, &text),
        Err(why) => {
            eprintln!("minutes new: {why}");
            ExitCode::from(2)
        }
    }
}

fn write(args: &Args, text: &str) -> ExitCode {
    let Some(out) = &args.out else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    match std::fs::read_to_string(out) {
        Ok(existing) if existing == text => {
            eprintln!("minutes new: {} is up to date", out.display());
            return ExitCode::SUCCESS;
        }
        Ok(_) if !args.force => {
            eprintln!("minutes new: {} exists and differs from the draft; not overwritten (use --force)", out.display());
            return ExitCode::from(1);
        }
        _ => {}
    }
    match std::fs::write(out, text) {
        Ok(()) => {
            eprintln!("minutes new: wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("minutes new: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// Reads the series and writes the draft.
fn draft_for(args: &Args) -> Result<String, String> {
    let dir = match &args.from {
        Some(f) => f.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => PathBuf::from("."),
    };
    let (mut read, problems) = read_all(&[dir]);
    if let Some(from) = &args.from {
        if !read.iter().any(|(s, _)| Path::new(&s.path) == from.as_path()) {
            // a file named otherwise than *.minutes: read it too
            let (extra, more) = read_all(std::slice::from_ref(from));
            if extra.is_empty() {
                return Err(more.first().map_or_else(|| format!("cannot read {}", from.display()), ToString::to_string));
            }
            read.extend(extra);
        }
    }
    for p in &problems {
        eprintln!("minutes new: skipped {p}");
    }
    let last = match &args.from {
        Some(f) => read.iter().position(|(s, _)| Path::new(&s.path) == f.as_path()),
        // the latest meeting, by date
        None => (0..read.len()).filter(|&i| read[i].1.meeting.date.is_some()).max_by_key(|&i| read[i].1.meeting.date),
    };
    let Some(last) = last else { return Err("no minutes with a meeting date here: name the last ones with --from".into()) };
    let today = jiff::Zoned::now().date();
    let date = args.date.unwrap_or(today);
    let minutes: Vec<Minute> = read.iter().map(|(s, doc)| Minute { name: &s.path, text: &s.text, doc }).collect();
    let series = track(&minutes, || date);
    Ok(draft(&read[last].1, &series.entries, date))
}

/// The draft of the meeting on `date` after `last`, listing the open
/// actions among `entries` set at or before the last meeting.
pub fn draft(last: &Document, entries: &[RegisterEntry], date: Date) -> String {
    let mut out = String::new();
    let body = last.meeting.title.as_deref().map(body_of).unwrap_or_default();
    if !body.is_empty() {
        out.push_str(&format!("Meeting: {body}\n"));
    }
    out.push_str(&format!("Date: {}\n\n", long_date(date)));

    let names = |which: &[Attendance]| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for p in last.people.iter().filter(|p| which.contains(&p.attendance)) {
            let written = match (&p.role, &p.initials) {
                (Some(r), _) => format!("{} ({r})", p.name),
                (None, Some(i)) => format!("{} ({i})", p.name),
                (None, None) => p.name.clone(),
            };
            if !v.contains(&written) {
                v.push(written);
            }
        }
        v
    };
    // everyone expected: those present last time and those who sent apologies
    out.push_str(&format!("Present: {}\n", names(&[Attendance::Present, Attendance::Apologies, Attendance::Absent]).join(", ")));
    let officers = names(&[Attendance::InAttendance]);
    if !officers.is_empty() {
        out.push_str(&format!("In attendance: {}\n", officers.join(", ")));
    }
    out.push('\n');

    out.push_str("1. Apologies\n\nApologies:\n\n");
    out.push_str("2. Minutes of the last meeting\n\n");
    match last.meeting.date {
        Some(d) => out.push_str(&format!("The minutes of the meeting held on {} were presented.\n\n", long_date(d))),
        None => out.push_str("The minutes of the last meeting were presented.\n\n"),
    }
    out.push_str("3. Matters arising\n\n");
    let last_date = last.meeting.date.map(|d| d.to_string());
    let mut open: Vec<&RegisterEntry> = entries
        .iter()
        .filter(|e| e.status.is_open())
        .filter(|e| match (&e.meeting_date, &last_date) {
            (Some(m), Some(l)) => m <= l,
            _ => true,
        })
        .collect();
    open.sort_by(|a, b| (&a.meeting_date, &a.file, a.line).cmp(&(&b.meeting_date, &b.file, b.line)));
    if open.is_empty() {
        out.push_str("There were no actions outstanding.\n");
    }
    for (i, e) in open.iter().enumerate() {
        out.push_str(&format!("3.{} {}\n\n", i + 1, entry(e)));
    }
    out
}

/// One line of matters arising: "[A12] Ann James – circulate the letter;
/// due 20 November 2026; set 14 November 2026. Status: …". The set date
/// (or the reference) is what links the report to the action.
fn entry(e: &RegisterEntry) -> String {
    let mut s = String::new();
    if let Some(r) = &e.reference {
        s.push_str(&format!("[{r}] "));
    }
    s.push_str(&if e.owners.is_empty() { "No owner named".to_string() } else { e.owners.join(", ") });
    s.push_str(" – ");
    s.push_str(e.task.trim_end_matches(['.', ';']));
    if let Some(d) = e.due.as_deref().and_then(|d| d.parse::<Date>().ok()) {
        s.push_str(&format!("; due {}", long_date(d)));
    } else if let Some(t) = &e.due_text {
        s.push_str(&format!("; {t}"));
    }
    if let Some(m) = e.meeting_date.as_deref().and_then(|d| d.parse::<Date>().ok()) {
        s.push_str(&format!("; set {}", long_date(m)));
    }
    s.push_str(". Status: …");
    s
}

/// "14 November 2026".
fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    format!("{} {} {}", d.day(), MONTHS[(d.month() - 1) as usize], d.year())
}

/// The body a meeting title names: "MINUTES of a meeting of the Children
/// and Families Scrutiny Committee held on 14 November 2026 at Shire Hall"
/// → "Children and Families Scrutiny Committee".
fn body_of(title: &str) -> String {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"(?i)^(?:minutes\s+of\s+(?:an?\s+|the\s+)?(?:[\p{L}]+\s+){0,2}?meeting\s+of\s+(?:the\s+)?)?(.*?)(?:,?\s+(?:held|on|at)\b.*)?$").unwrap()
    });
    p.captures(title.trim()).and_then(|c| c.get(1)).map_or_else(|| title.to_string(), |m| m.as_str().trim_end_matches([',', ' ']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_of_a_title() {
        assert_eq!(body_of("MINUTES of a meeting of the Children and Families Scrutiny Committee held on 14 November 2026 at Shire Hall"), "Children and Families Scrutiny Committee");
        assert_eq!(body_of("Minutes of the Annual Meeting of Ashby Parish Council"), "Ashby Parish Council");
        assert_eq!(body_of("Parks Committee"), "Parks Committee");
    }
}
