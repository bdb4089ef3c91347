//! `minutes actions`: the action register across files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::files;
use crate::model::{dates, Date, Document};
use crate::workspace::{register, sort_register, RegisterEntry, Status};

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

/// The register of the files under `paths`, filtered and sorted.
pub fn collect(args: &Args) -> (Vec<RegisterEntry>, Vec<files::Problem>) {
    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let (found, mut problems) = files::collect(&args.paths);
    let mut entries = Vec::new();
    for path in found {
        match files::read(&path) {
            Ok(source) => {
                let doc = Document::parse(&source.text);
                entries.extend(register(&source.path, &source.text, &doc, today));
            }
            Err(p) => problems.push(p),
        }
    }
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
    match e.status {
        Status::Open => "open",
        Status::Overdue => "overdue",
    }
}

pub fn render(entries: &[RegisterEntry], format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(entries).expect("the register serialises");
            out.push('\n');
        }
        Format::Csv => {
            out.push_str("file,line,owners,task,due,due_text,status,kind\r\n");
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
                ];
                out.push_str(&row.join(","));
                out.push_str("\r\n");
            }
        }
        Format::Markdown => {
            out.push_str("| Where | Owner | Action | Due | Status | Kind |\n|---|---|---|---|---|---|\n");
            for e in entries {
                let cell = |s: &str| s.replace('|', "\\|");
                out.push_str(&format!(
                    "| {}:{} | {} | {} | {} | {} | {} |\n",
                    cell(&e.file),
                    e.line,
                    if e.owners.is_empty() { "**nobody**".into() } else { cell(&owners(e)) },
                    cell(&e.task),
                    cell(e.due.as_deref().or(e.due_text.as_deref()).unwrap_or("")),
                    status(e),
                    e.kind
                ));
            }
        }
        Format::Table => {
            let rows: Vec<[String; 5]> = entries
                .iter()
                .map(|e| {
                    let task: String = if e.task.chars().count() > 70 { e.task.chars().take(69).collect::<String>() + "…" } else { e.task.clone() };
                    [
                        format!("{}:{}", e.file, e.line),
                        if e.owners.is_empty() { "(nobody)".into() } else { owners(e) },
                        e.due.clone().or(e.due_text.clone()).unwrap_or_default(),
                        format!("{}{}", status(e), if e.kind == "implied" { ", implied" } else { "" }),
                        task,
                    ]
                })
                .collect();
            let head = ["WHERE", "OWNER", "DUE", "STATUS", "ACTION"];
            let widths: Vec<usize> = (0..4)
                .map(|i| rows.iter().map(|r| r[i].chars().count()).chain([head[i].len()]).max().unwrap_or(0).min(40))
                .collect();
            let line = |cells: [&str; 5]| {
                let mut s = String::new();
                for (i, c) in cells.iter().enumerate().take(4) {
                    s.push_str(&format!("{:<w$}  ", c, w = widths[i]));
                }
                s.push_str(cells[4]);
                s.trim_end().to_string() + "\n"
            };
            out.push_str(&line(head));
            for r in &rows {
                out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
            }
            out.push_str(&format!("{} action{}\n", entries.len(), if entries.len() == 1 { "" } else { "s" }));
        }
    }
    out
}

pub fn run(args: Args) -> ExitCode {
    let (entries, problems) = collect(&args);
    print!("{}", render(&entries, args.format));
    for p in &problems {
        eprintln!("error: {p}");
    }
    if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}
