//! `minutes check`: every rule over every file, as each file's
//! `minutes.toml` says; `--fix` and `--diff` apply or show the fixes.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::files::{self, Problem, Source};
use super::output::{self, Report};
use super::CheckFormat;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{self, Allow};
use crate::model::Document;
use crate::rules::{self, Context, Selection};
use crate::text::LineIndex;

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
    /// Use this configuration for every file instead of the nearest minutes.toml
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Apply the safe fixes, then report what is left
    #[arg(long)]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing them (exit 1 when there are some)
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// With --fix or --diff, apply the unsafe fixes too
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print how many findings each rule has instead of the findings
    #[arg(long)]
    statistics: bool,
    /// Print the findings only: no summary, no fix counts
    #[arg(long, short)]
    quiet: bool,
    /// Exit 0 even when there are errors (files that cannot be read still exit 2)
    #[arg(long)]
    exit_zero: bool,
    /// Apply minutes.toml's files.include/exclude to files named on the command line too (for pre-commit)
    #[arg(long)]
    force_exclude: bool,
    /// Write the report to this file instead of standard output
    #[arg(long, value_name = "PATH")]
    output_file: Option<PathBuf>,
    /// Where the rules' documentation is, for links in SARIF (the rule's code is appended)
    #[arg(long, value_name = "URL", default_value = rules::DOCS_URL)]
    rule_docs_url: String,
}

/// One checked file.
pub struct Checked {
    pub source: Source,
    pub index: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

/// The files to check, each with the index of its configuration.
struct Plan {
    configs: Vec<Config>,
    sources: Vec<(Source, usize)>,
    problems: Vec<Problem>,
}

/// Finds the files, their configurations, and reads them. A configuration
/// that cannot be read stops the run: checking with the wrong rules or
/// roster would report the wrong findings.
fn plan(paths: &[PathBuf], explicit_config: Option<&Path>, force_exclude: bool) -> Result<Plan, crate::config::ConfigError> {
    let (found, mut problems) = files::collect(paths);
    let mut configs = vec![match explicit_config {
        Some(p) => Config::load(p)?,
        None => Config::default(),
    }];
    let mut by_file: HashMap<PathBuf, usize> = HashMap::new();
    let mut sources = Vec::new();
    for path in found {
        let config = match explicit_config {
            Some(_) => 0,
            None => {
                let dir = std::fs::canonicalize(&path).ok().and_then(|p| p.parent().map(Path::to_path_buf)).unwrap_or_default();
                match Config::find(&dir) {
                    None => 0,
                    Some(file) => match by_file.get(&file) {
                        Some(i) => *i,
                        None => {
                            configs.push(Config::load(&file)?);
                            by_file.insert(file, configs.len() - 1);
                            configs.len() - 1
                        }
                    },
                }
            }
        };
        // include/exclude choose among the files a directory walk found;
        // a file named on the command line is always checked, unless
        // --force-exclude
        let named = !force_exclude && paths.iter().any(|p| p == &path);
        let absolute = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !named && !configs[config].includes_file(&absolute) {
            continue;
        }
        match files::read(&path) {
            Ok(s) => sources.push((s, config)),
            Err(p) => problems.push(p),
        }
    }
    Ok(Plan { configs, sources, problems })
}

/// Checks every source with its configuration. The roster of a file is
/// that of every file sharing its configuration, and the configuration's.
fn analyse(configs: &[Config], sources: Vec<(Source, usize)>, base: &Selection) -> Vec<Checked> {
    let docs: Vec<Document> = sources
        .iter()
        .map(|(s, c)| {
            let mut doc = Document::parse(&s.text);
            configs[*c].prepare(&s.text, &mut doc);
            doc
        })
        .collect();
    let rosters: Vec<_> = configs
        .iter()
        .enumerate()
        .map(|(i, config)| config.roster(docs.iter().zip(&sources).filter(|(_, (_, c))| *c == i).map(|(d, _)| d)))
        .collect();
    sources
        .into_iter()
        .zip(&docs)
        .map(|((source, c), doc)| {
            let ctx = Context { text: &source.text, doc, roster: &rosters[c] };
            let diagnostics = configs[c].check(&ctx, base);
            let index = LineIndex::new(&source.text);
            Checked { source, index, diagnostics }
        })
        .collect()
}

/// Applies the fixes to each file (writing them, or printing a diff).
/// Returns the sources as fixed and how many findings and files changed.
fn apply_fixes(checked: Vec<Checked>, args: &Args, out: &mut dyn Write) -> std::io::Result<(Vec<Source>, usize, usize, Vec<Problem>)> {
    let allow = if args.unsafe_fixes { Allow::SafeAndUnsafe } else { Allow::Safe };
    let (mut fixes, mut files) = (0, 0);
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for c in checked {
        let fixed = fix::apply(&c.source.text, &c.diagnostics, allow);
        if fixed.applied == 0 {
            sources.push(c.source);
            continue;
        }
        fixes += fixed.applied;
        files += 1;
        if args.diff {
            let diff = similar::TextDiff::from_lines(&c.source.text, &fixed.text);
            write!(out, "{}", diff.unified_diff().context_radius(2).header(&c.source.path, &c.source.path))?;
            sources.push(c.source);
        } else {
            if let Err(e) = std::fs::write(&c.source.path, &fixed.text) {
                problems.push(Problem { path: c.source.path.clone(), message: format!("cannot write the fixes: {e}") });
            }
            sources.push(Source { path: c.source.path, text: fixed.text });
        }
    }
    Ok((sources, fixes, files, problems))
}

pub fn run(args: Args) -> ExitCode {
    for key in args.enable.iter().chain(&args.disable) {
        if key != "all" && rules::find(key).is_none() {
            eprintln!("minutes: no rule “{key}”; `minutes rule` lists them");
            return ExitCode::from(2);
        }
    }
    let base = Selection { enable: args.enable.clone(), disable: args.disable.clone() };
    let plan = match plan(&args.paths, args.config.as_deref(), args.force_exclude) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("minutes: {e}");
            return ExitCode::from(2);
        }
    };
    let mut file: Box<dyn Write> = match &args.output_file {
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("minutes: cannot write {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    match run_plan(plan, &base, &args, &mut *file).and_then(|code| file.flush().map(|_| code)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("minutes: cannot write the report: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_plan(plan: Plan, base: &Selection, args: &Args, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let Plan { configs, sources, mut problems } = plan;
    let config_of: Vec<usize> = sources.iter().map(|(_, c)| *c).collect();
    let mut checked = analyse(&configs, sources, base);
    if args.fix || args.diff {
        let (fixed_sources, fixes, files, write_problems) = apply_fixes(checked, args, out)?;
        problems.extend(write_problems);
        if !args.quiet {
            let verb = if args.diff { "would fix" } else { "fixed" };
            eprintln!("minutes: {verb} {fixes} finding{} in {files} file{}", if fixes == 1 { "" } else { "s" }, if files == 1 { "" } else { "s" });
        }
        if args.diff {
            return Ok(ExitCode::from(if !problems.is_empty() { 2 } else { u8::from(fixes > 0) }));
        }
        // report what is left, in the fixed text
        checked = analyse(&configs, fixed_sources.into_iter().zip(config_of).collect(), base);
    }
    let report = Report { checked: &checked, problems: &problems, docs_url: &args.rule_docs_url, quiet: args.quiet };
    if args.statistics {
        output::write_statistics(out, args.format, &report)?;
    } else {
        output::write(out, args.format, &report)?;
    }
    if !matches!(args.format, CheckFormat::Json | CheckFormat::Github | CheckFormat::Sarif | CheckFormat::Junit | CheckFormat::Gitlab) || args.statistics {
        for p in &problems {
            eprintln!("error: {p}");
        }
    }
    let errors = checked.iter().flat_map(|c| &c.diagnostics).any(|d| d.severity == Severity::Error);
    Ok(if !problems.is_empty() {
        ExitCode::from(2)
    } else if errors && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
