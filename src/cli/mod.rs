//! The command line: `minutes check`, `actions`, `new`, `report`, `outline`,
//! `parse`, `rule`, `lsp`. Each command reads files, calls the library and renders; none
//! decides anything the editor would decide differently.

mod actions;
pub(crate) mod check;
mod files;
mod ics;
mod new;
mod outline;
mod output;
mod parse;
mod progress;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "minutes", version, about = "Check meeting minutes written as plain text, list their actions, and serve editors")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Files larger than this are not read (bytes, or with K, M, G: `64M`)
    #[arg(long, global = true, value_parser = crate::files::parse_size, default_value = "64M")]
    max_file_size: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check minutes for actions without owners, undefined abbreviations, numbering…
    Check(check::Args),
    /// The action register: every explicit and implied action across files
    Actions(actions::Args),
    /// The next meeting's draft minutes, with the open actions under "Matters arising"
    New(new::Args),
    /// A static HTML page of the action register across meetings
    Report(report::Args),
    /// The outline of a file: items, decisions and actions with line numbers
    Outline(outline::Args),
    /// The syntax tree of a file
    Parse(parse::Args),
    /// Explain a rule (`minutes rule M101`), or list them all
    Rule {
        /// A rule code or name; all rules when absent
        rule: Option<String>,
        /// Print the rules' documentation as Markdown (the README's rule section)
        #[arg(long)]
        markdown: bool,
    },
    /// Run the language server on standard input and output
    Lsp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Source lines with the finding underlined
    Human,
    /// One line per finding: path:line:column: severity[code] message
    Short,
    /// A JSON document (see README for the schema)
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request)
    Github,
    /// SARIF 2.1.0 (GitHub code scanning and other viewers)
    Sarif,
    /// JUnit XML (test reports in GitLab, Jenkins, Azure Pipelines)
    Junit,
    /// GitLab Code Quality JSON (artifacts:reports:codequality)
    Gitlab,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    files::set_max_size(cli.max_file_size);
    if !matches!(cli.command, Command::Lsp) {
        quiet_on_closed_output();
    }
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Actions(args) => actions::run(args),
        Command::New(args) => new::run(args),
        Command::Report(args) => report::run(args),
        Command::Outline(args) => outline::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Rule { markdown: true, .. } => {
            print!("{}", rules_markdown());
            ExitCode::SUCCESS
        }
        Command::Rule { rule, .. } => rule_doc(rule.as_deref()),
        Command::Lsp => lsp(),
    }
}

/// A command whose reader has gone (`minutes actions | head`) ends quietly
/// as the other tools of a pipe do, killed by SIGPIPE (status 141 in the
/// shell); output that cannot be written for another reason (a full disk)
/// ends it with a message and status 2 rather than a panic.
fn quiet_on_closed_output() {
    #[cfg(unix)]
    // SAFETY: restores the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.payload().downcast_ref::<String>().map(String::as_str).or_else(|| info.payload().downcast_ref::<&str>().copied());
        match message.and_then(|m| m.strip_prefix("failed printing to stdout: ")) {
            Some(why) => {
                eprintln!("minutes: cannot write the output: {why}");
                std::process::exit(2);
            }
            None => default(info),
        }
    }));
}

/// The rules as Markdown: a table, then each rule's documentation under an
/// anchor (`#m101`) that diagnostics link to. The README holds this text; a
/// test keeps it up to date.
pub fn rules_markdown() -> String {
    use crate::rules::RULES;
    let mut out = String::from("| code | name | default | summary |\n|---|---|---|---|\n");
    for r in RULES {
        let default = if r.default_enabled { r.severity.as_str().to_string() } else { format!("{} (off in `check`)", r.severity.as_str()) };
        out.push_str(&format!("| [{}](#{}) | `{}` | {} | {} |\n", r.code, r.code.to_lowercase(), r.name, default, r.summary()));
    }
    for r in RULES {
        out.push_str(&format!("\n### {}\n\n{}\n", r.code.to_lowercase(), r.help_markdown()));
    }
    out
}

fn rule_doc(key: Option<&str>) -> ExitCode {
    use crate::rules::{find, RULES};
    match key {
        Some(k) => match find(k) {
            Some(r) => {
                println!("{} {} ({})\n\n{}\n\n{}", r.code, r.name, r.severity.as_str(), r.summary(), r.documentation());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("minutes: no rule “{k}”; `minutes rule` lists them");
                ExitCode::from(2)
            }
        },
        None => {
            for r in RULES {
                let default = if r.default_enabled { "" } else { " (off by default)" };
                println!("{}  {:<30} {:<8} {}{default}", r.code, r.name, r.severity.as_str(), r.summary());
            }
            ExitCode::SUCCESS
        }
    }
}

#[cfg(feature = "lsp")]
fn lsp() -> ExitCode {
    crate::lsp::run()
}

#[cfg(not(feature = "lsp"))]
fn lsp() -> ExitCode {
    eprintln!("minutes: this build has no language server (feature `lsp` is off)");
    ExitCode::from(2)
}
