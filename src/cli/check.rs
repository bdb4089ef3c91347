//! `minutes check`: every rule over every file, as each file's
//! `minutes.toml` says; `--fix` and `--diff` apply or show the fixes.
//!
//! The work of each file (reading, parsing, the model, the rules, the
//! fixes) runs in parallel (rayon, one thread a core; `RAYON_NUM_THREADS`
//! sets how many); what spans files (the workspace's roster, the series of
//! meetings) is gathered in between, and every result is kept in the order
//! of the files, so the output is the same on any number of cores.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use super::files::{self, Problem, Source};
use super::output::{self, Report};
use super::progress::Progress;
use super::CheckFormat;
use crate::analysis::{self, Setup};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{self, Allow};
use crate::model::Document;
use crate::rules::{self, Selection};
use crate::text::LineIndex;
use crate::workspace::{self, track, InSeries, Minute, Roster};

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
    #[arg(long, value_name = "URL")]
    rule_docs_url: Option<String>,
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
    let mut chosen = Vec::new();
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
        chosen.push((path, config));
    }
    let read: Vec<(Result<Source, Problem>, usize)> = chosen.into_par_iter().map(|(path, config)| (files::read(&path), config)).collect();
    let mut sources = Vec::new();
    for (source, config) in read {
        match source {
            Ok(s) => sources.push((s, config)),
            Err(p) => problems.push(p),
        }
    }
    Ok(Plan { configs, sources, problems })
}

/// The findings of every file, and the rosters they were found with.
struct Analysed {
    checked: Vec<Checked>,
    rosters: Vec<Roster>,
    /// The index in `rosters` of each file's roster.
    roster_of: Vec<usize>,
}

/// Checks every source with its configuration. The roster of a file is
/// that of its workspace ([`workspace::root_of`]) among the files sharing
/// its configuration: the files given, the workspace's other minutes files
/// (not checked, but who they name is known), and the configuration's.
/// The files checked together are one series of meetings.
///
/// Three steps: every file's model (in parallel), the rosters and the
/// series across them (in order), every file's findings (in parallel).
fn analyse(configs: &[Config], sources: Vec<(Source, usize)>, paths: &[PathBuf], base: &Selection) -> Analysed {
    let progress = Progress::new(sources.len(), 2 * sources.len());
    progress.stage("parsing");
    let docs: Vec<Document> = sources
        .par_iter()
        .map(|(s, c)| {
            let doc = analysis::read(&s.text, &configs[*c]);
            progress.step();
            doc
        })
        .collect();
    let given: Vec<PathBuf> = sources.iter().map(|(s, _)| absolute(Path::new(&s.path))).collect();
    let given_set: HashSet<&Path> = given.iter().map(PathBuf::as_path).collect();
    let mut groups: HashMap<(usize, PathBuf), usize> = HashMap::new();
    let mut rosters: Vec<Roster> = Vec::new();
    let mut roster_of = Vec::with_capacity(sources.len());
    for (((_, c), path), doc) in sources.iter().zip(&given).zip(&docs) {
        let root = root_of(path, paths);
        let i = *groups.entry((*c, root.clone())).or_insert_with(|| {
            let mut roster = peers_roster(&root, &given_set, paths, &configs[*c]);
            configs[*c].extend_roster(&mut roster);
            rosters.push(roster);
            rosters.len() - 1
        });
        rosters[i].add(doc);
        roster_of.push(i);
    }
    // the files checked together are one series of meetings: actions
    // carried from one to the next (stale-action)
    let series = {
        let minutes: Vec<Minute> = sources.iter().zip(&docs).map(|((s, _), doc)| Minute { name: &s.path, text: &s.text, doc }).collect();
        track(&minutes, || jiff::Zoned::now().date())
    };
    progress.stage("checking");
    // each model is dropped by the thread that checked it, not one by one
    // on this thread at the end
    let checked = sources
        .into_par_iter()
        .zip(docs.into_par_iter())
        .zip(roster_of.par_iter())
        .enumerate()
        .map(|(minute, (((source, c), doc), &r))| {
            let setup = Setup { roster: &rosters[r], series: Some(InSeries { series: &series, minute }), config: &configs[c], selection: base };
            let diagnostics = analysis::check(&source.text, &doc, setup);
            let index = LineIndex::new(&source.text);
            progress.step();
            Checked { source, index, diagnostics }
        })
        .collect();
    Analysed { checked, rosters, roster_of }
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
fn peers_roster(root: &Path, given: &HashSet<&Path>, paths: &[PathBuf], config: &Config) -> Roster {
    // a file in a directory of its own has no peer, which a listing of a
    // few entries tells for less than the walk's .gitignore globs cost
    if !files::may_hold_others(root, |p| given.contains(absolute(p).as_path())) {
        return Roster::default();
    }
    let (peers, _) = files::collect(&[root.to_path_buf()]);
    let peers: Vec<PathBuf> = peers.iter().map(|p| absolute(p)).filter(|p| !given.contains(p.as_path()) && root_of(p, paths) == root).collect();
    let docs: Vec<Document> = peers.par_iter().filter_map(|p| files::read(p).ok()).map(|source| analysis::read(&source.text, config)).collect();
    Roster::from_documents(&docs)
}

/// Applies the fixes to each file until it is stable ([`fix::converge`]),
/// writing them or printing a diff. Returns the sources as fixed and how
/// many findings and files changed.
fn apply_fixes(analysed: Analysed, configs: &[Config], config_of: &[usize], base: &Selection, args: &Args, out: &mut dyn Write) -> std::io::Result<(Vec<Source>, usize, usize, Vec<Problem>)> {
    let allow = if args.unsafe_fixes { Allow::SafeAndUnsafe } else { Allow::Safe };
    let (mut fixes, mut files) = (0, 0);
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    let Analysed { checked, rosters, roster_of } = analysed;
    // the fixes of every file in parallel; written or shown in order
    let converged: Vec<(Checked, fix::Converged)> = checked
        .into_par_iter()
        .zip(config_of.par_iter())
        .zip(roster_of.par_iter())
        .map(|((c, &config), &roster)| {
            let (config, roster) = (&configs[config], &rosters[roster]);
            // the series is not read again: no series rule has a fix
            let fixed = fix::converge(&c.source.text, &c.diagnostics, allow, |text| analysis::analyse(text, roster, config, base).diagnostics);
            (c, fixed)
        })
        .collect();
    for (c, fixed) in converged {
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
            eprintln!("minutes: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn run_plan(plan: Plan, base: &Selection, args: &Args, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    let Plan { configs, sources, mut problems } = plan;
    let config_of: Vec<usize> = sources.iter().map(|(_, c)| *c).collect();
    let mut analysed = analyse(&configs, sources, &args.paths, base);
    if args.fix || args.diff {
        let (fixed_sources, fixes, files, write_problems) = apply_fixes(analysed, &configs, &config_of, base, args, out)?;
        problems.extend(write_problems);
        if !args.quiet {
            let verb = if args.diff { "would fix" } else { "fixed" };
            eprintln!("minutes: {verb} {fixes} finding{} in {files} file{}", if fixes == 1 { "" } else { "s" }, if files == 1 { "" } else { "s" });
        }
        if args.diff {
            return Ok(ExitCode::from(if !problems.is_empty() { 2 } else { u8::from(fixes > 0) }));
        }
        // report what is left, in the fixed text
        analysed = analyse(&configs, fixed_sources.into_iter().zip(config_of).collect(), &args.paths, base);
    }
    let checked = analysed.checked;
    let report = Report { checked: &checked, problems: &problems, docs_url: &args.rule_docs_url.clone().unwrap_or_else(rules::default_docs_url), quiet: args.quiet };
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
