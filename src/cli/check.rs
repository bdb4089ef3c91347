//! `minutes check`: every rule over every file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::files::{self, Problem, Source};
use super::render;
use super::CheckFormat;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{self, Context, Selection};
use crate::text::LineIndex;
use crate::workspace::{self, Roster};

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

/// Reads and checks files; the CLI's and the tests' entry point. Each file
/// is checked with the roster of its workspace ([`workspace::root_of`]):
/// the files given, and the other minutes files of the same workspace.
pub fn check_paths(paths: &[PathBuf], selection: &Selection) -> (Vec<Checked>, Vec<Problem>) {
    let (found, mut problems) = files::collect(paths);
    let mut sources = Vec::new();
    for path in found {
        match files::read(&path) {
            Ok(s) => sources.push((path, s)),
            Err(p) => problems.push(p),
        }
    }
    let docs: Vec<Document> = sources.iter().map(|(_, s)| Document::parse(&s.text)).collect();
    let given: Vec<PathBuf> = sources.iter().map(|(p, _)| absolute(p)).collect();
    let roots: Vec<PathBuf> = given.iter().map(|p| root_of(p, paths)).collect();
    let mut rosters: HashMap<&Path, Roster> = HashMap::new();
    for (root, doc) in roots.iter().zip(&docs) {
        let roster = rosters.entry(root).or_insert_with(|| peers_roster(root, &given, paths));
        roster.add(doc);
    }
    let checked = sources
        .into_iter()
        .zip(&docs)
        .zip(&roots)
        .map(|(((_, source), doc), root)| {
            let roster = &rosters[root.as_path()];
            let diagnostics = rules::check(&Context { text: &source.text, doc, roster }, selection);
            let index = LineIndex::new(&source.text);
            Checked { source, index, diagnostics }
        })
        .collect();
    (checked, problems)
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The workspace root of a file found under `paths`.
fn root_of(file: &Path, paths: &[PathBuf]) -> PathBuf {
    let checked = paths.iter().filter(|p| p.is_dir()).map(|p| absolute(p)).find(|d| file.starts_with(d));
    workspace::root_of(file, checked.as_deref(), |d| d.join(workspace::MARKER).is_file())
}

/// The roster of the workspace's files that were not given: they are not
/// checked, but who they name is known. A file that cannot be read adds
/// nobody.
fn peers_roster(root: &Path, given: &[PathBuf], paths: &[PathBuf]) -> Roster {
    let mut roster = Roster::default();
    let (peers, _) = files::collect(&[root.to_path_buf()]);
    for peer in peers.iter().map(|p| absolute(p)) {
        if given.contains(&peer) || root_of(&peer, paths) != root {
            continue;
        }
        if let Ok(source) = files::read(&peer) {
            roster.add(&Document::parse(&source.text));
        }
    }
    roster
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
