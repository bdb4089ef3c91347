//! `minutes check`: every rule over every file.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::files::{self, Problem, Source};
use super::render;
use super::CheckFormat;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{self, Context, Selection};
use crate::text::LineIndex;
use crate::workspace::{track, InSeries, Minute, Roster};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or directories (directories are searched for *.minutes)
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Also run these rules (codes or names, comma-separated; "all")
    #[arg(long, value_delimiter = ',')]
    enable: Vec<String>,
    /// Do not run these rules (codes or names, comma-separated)
    #[arg(long, value_delimiter = ',')]
    disable: Vec<String>,
}

/// One checked file.
pub struct Checked {
    pub source: Source,
    pub index: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and checks files; the CLI's and the tests' entry point.
pub fn check_paths(paths: &[PathBuf], selection: &Selection) -> (Vec<Checked>, Vec<Problem>) {
    let (found, mut problems) = files::collect(paths);
    let mut sources = Vec::new();
    for path in found {
        match files::read(&path) {
            Ok(s) => sources.push(s),
            Err(p) => problems.push(p),
        }
    }
    let docs: Vec<Document> = sources.iter().map(|s| Document::parse(&s.text)).collect();
    let roster = Roster::from_documents(&docs);
    let minutes: Vec<Minute> = sources.iter().zip(&docs).map(|(s, doc)| Minute { name: &s.path, text: &s.text, doc }).collect();
    let series = track(&minutes, jiff::Zoned::now().date());
    let diagnostics: Vec<Vec<Diagnostic>> = minutes
        .iter()
        .enumerate()
        .map(|(minute, m)| rules::check(&Context { text: m.text, doc: m.doc, roster: &roster, series: Some(InSeries { series: &series, minute }) }, selection))
        .collect();
    let checked = sources
        .into_iter()
        .zip(diagnostics)
        .map(|(source, diagnostics)| {
            let index = LineIndex::new(&source.text);
            Checked { source, index, diagnostics }
        })
        .collect();
    (checked, problems)
}

#[derive(Serialize)]
struct JsonReport {
    version: u32,
    files: usize,
    diagnostics: Vec<render::JsonDiagnostic>,
    problems: Vec<JsonProblem>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    message: String,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    hints: usize,
}

pub fn run(args: Args) -> ExitCode {
    for key in args.enable.iter().chain(&args.disable) {
        if key != "all" && rules::find(key).is_none() {
            eprintln!("minutes: no rule “{key}”; `minutes rule` lists them");
            return ExitCode::from(2);
        }
    }
    let selection = Selection { enable: args.enable, disable: args.disable };
    let (checked, problems) = check_paths(&args.paths, &selection);
    let mut summary = Summary::default();
    for c in &checked {
        for d in &c.diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
                Severity::Hint => summary.hints += 1,
            }
        }
    }
    match args.format {
        CheckFormat::Json => {
            let report = JsonReport {
                version: 1,
                files: checked.len(),
                diagnostics: checked
                    .iter()
                    .flat_map(|c| c.diagnostics.iter().map(|d| render::json(&c.source.path, &c.source.text, &c.index, d)))
                    .collect(),
                problems: problems.iter().map(|p| JsonProblem { file: p.path.clone(), message: p.message.clone() }).collect(),
                summary,
            };
            println!("{}", serde_json::to_string_pretty(&report).expect("the report serialises"));
        }
        format => {
            for c in &checked {
                for d in &c.diagnostics {
                    let line = match format {
                        CheckFormat::Human => render::human(&c.source.path, &c.source.text, &c.index, d),
                        CheckFormat::Short => render::short(&c.source.path, &c.source.text, &c.index, d),
                        _ => render::github(&c.source.path, &c.source.text, &c.index, d),
                    };
                    println!("{line}");
                    if format == CheckFormat::Human {
                        println!();
                    }
                }
            }
            for p in &problems {
                match format {
                    CheckFormat::Github => println!("::error file={}::{}", p.path, p.message),
                    _ => eprintln!("error: {p}"),
                }
            }
            if format == CheckFormat::Human {
                let files = checked.len();
                println!(
                    "Checked {files} file{}: {} error{}, {} warning{}{}",
                    if files == 1 { "" } else { "s" },
                    summary.errors,
                    if summary.errors == 1 { "" } else { "s" },
                    summary.warnings,
                    if summary.warnings == 1 { "" } else { "s" },
                    if problems.is_empty() { String::new() } else { format!("; {} file(s) could not be checked", problems.len()) }
                );
            }
        }
    }
    if !problems.is_empty() {
        ExitCode::from(2)
    } else if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
