//! `minutes actions`: the action register across files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use rayon::prelude::*;

use super::files;
use super::progress::Progress;
use crate::model::{dates, Date, Document};
use crate::workspace::{sort_register, track, Minute, RegisterEntry, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// RFC 4180 CSV, for spreadsheets
    Csv,
    /// A JSON array of actions (schema in README)
    Json,
    /// A Markdown table
    Markdown,
    /// An iCalendar file (RFC 5545): a VTODO per open action, to subscribe to
    Ics,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (directories are searched for *.minutes)
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// The date actions are overdue against (default: today), e.g. 2026-11-23
    #[arg(long, value_parser = parse_date)]
    today: Option<Date>,
    /// Only actions this owner shares (case-insensitive, part of a name is enough)
    #[arg(long)]
    owner: Option<String>,
    /// Only overdue actions
    #[arg(long)]
    overdue: bool,
    /// Only actions nobody owns
    #[arg(long)]
    missing_owner: bool,
    /// Only actions from meetings on or after this date
    #[arg(long, value_parser = parse_date)]
    since: Option<Date>,
}

fn parse_date(s: &str) -> Result<Date, String> {
    dates::parse(s, None).ok_or_else(|| format!("“{s}” is not a date: write it as 2026-11-23"))
}

/// The minutes under `paths`, read and parsed (in parallel, kept in the
/// order of the files); and the files that could not be.
pub fn read_all(paths: &[PathBuf]) -> (Vec<(files::Source, Document)>, Vec<files::Problem>) {
    let (found, mut problems) = files::collect(paths);
    let progress = Progress::new(found.len(), found.len());
    progress.stage("reading");
    let results: Vec<Result<(files::Source, Document), files::Problem>> = found
        .par_iter()
        .map(|path| {
            let source = files::read(path)?;
            let doc = Document::parse(&source.text);
            progress.step();
            Ok((source, doc))
        })
        .collect();
    let mut read = Vec::new();
    for r in results {
        match r {
            Ok(pair) => read.push(pair),
            Err(p) => problems.push(p),
        }
    }
    (read, problems)
}

/// The register of the files under `paths`, followed across meetings,
/// filtered and sorted.
pub fn collect(args: &Args) -> (Vec<RegisterEntry>, Vec<files::Problem>) {
    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let (read, problems) = read_all(&args.paths);
    let minutes: Vec<Minute> = read.iter().map(|(s, doc)| Minute { name: &s.path, text: &s.text, doc }).collect();
    let mut entries = track(&minutes, || today).entries;
    entries.retain(|e| {
        let owner_ok = args.owner.as_ref().is_none_or(|o| {
            let o = o.to_lowercase();
            e.owners.iter().any(|x| x.to_lowercase().contains(&o))
        });
        let since_ok = args.since.is_none_or(|s| e.meeting_date.as_ref().is_none_or(|m| m.as_str() >= s.to_string().as_str()));
        owner_ok && since_ok && (!args.overdue || e.status == Status::Overdue) && (!args.missing_owner || e.owners.is_empty())
    });
    sort_register(&mut entries);
    (entries, problems)
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn owners(e: &RegisterEntry) -> String {
    e.owners.join("; ")
}

fn status(e: &RegisterEntry) -> &'static str {
    e.status.as_str()
}

/// Where the status was last recorded, when a later minute did.
fn recorded(e: &RegisterEntry) -> String {
    if e.history.is_empty() {
        String::new()
    } else {
        format!("{}:{}", e.recorded.file, e.recorded.line)
    }
}

pub fn render(entries: &[RegisterEntry], format: Format, today: Date) -> String {
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(entries).expect("the register serialises");
            out.push('\n');
        }
        Format::Csv => {
            out.push_str("file,line,owners,task,due,due_text,status,kind,reference,recorded\r\n");
            for e in entries {
                let row = [
                    csv_field(&e.file),
                    e.line.to_string(),
                    csv_field(&owners(e)),
                    csv_field(&e.task),
                    csv_field(e.due.as_deref().unwrap_or("")),
                    csv_field(e.due_text.as_deref().unwrap_or("")),
                    status(e).into(),
                    e.kind.into(),
                    csv_field(e.reference.as_deref().unwrap_or("")),
                    csv_field(&recorded(e)),
                ];
                out.push_str(&row.join(","));
                out.push_str("\r\n");
            }
        }
        Format::Markdown => {
            out.push_str("| Where | Ref | Owner | Action | Due | Status | Recorded | Kind |\n|---|---|---|---|---|---|---|---|\n");
            for e in entries {
                let cell = |s: &str| s.replace('|', "\\|");
                out.push_str(&format!(
                    "| {}:{} | {} | {} | {} | {} | {} | {} | {} |\n",
                    cell(&e.file),
                    e.line,
                    cell(e.reference.as_deref().unwrap_or("")),
                    if e.owners.is_empty() { "**nobody**".into() } else { cell(&owners(e)) },
                    cell(&e.task),
                    cell(e.due.as_deref().or(e.due_text.as_deref()).unwrap_or("")),
                    status(e),
                    cell(&recorded(e)),
                    e.kind
                ));
            }
        }
        Format::Table => {
            let rows: Vec<[String; 7]> = entries
                .iter()
                .map(|e| {
                    let task: String = if e.task.chars().count() > 70 { e.task.chars().take(69).collect::<String>() + "…" } else { e.task.clone() };
                    [
                        format!("{}:{}", e.file, e.line),
                        e.reference.clone().unwrap_or_default(),
                        if e.owners.is_empty() { "(nobody)".into() } else { owners(e) },
                        e.due.clone().or(e.due_text.clone()).unwrap_or_default(),
                        format!("{}{}", status(e), if e.kind == "implied" { ", implied" } else { "" }),
                        recorded(e),
                        task,
                    ]
                })
                .collect();
            let head = ["WHERE", "REF", "OWNER", "DUE", "STATUS", "RECORDED", "ACTION"];
            // REF and RECORDED only when some action has one
            let shown: Vec<usize> = (0..7).filter(|&i| !matches!(i, 1 | 5) || rows.iter().any(|r| !r[i].is_empty())).collect();
            let widths: Vec<usize> = (0..7)
                .map(|i| rows.iter().map(|r| r[i].chars().count()).chain([head[i].len()]).max().unwrap_or(0).min(64))
                .collect();
            let line = |cells: [&str; 7]| {
                let mut s = String::new();
                for &i in &shown[..shown.len() - 1] {
                    s.push_str(&format!("{:<w$}  ", cells[i], w = widths[i]));
                }
                s.push_str(cells[6]);
                s.trim_end().to_string() + "\n"
            };
            out.push_str(&line(head));
            for r in &rows {
                out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]]));
            }
            out.push_str(&format!("{} action{}\n", entries.len(), if entries.len() == 1 { "" } else { "s" }));
        }
        Format::Ics => out = super::ics::calendar(entries, today),
    }
    out
}

pub fn run(args: Args) -> ExitCode {
    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let (entries, problems) = collect(&args);
    print!("{}", render(&entries, args.format, today));
    for p in &problems {
        eprintln!("error: {p}");
    }
    if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}
