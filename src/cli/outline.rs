//! `minutes outline FILE`: the outline an editor shows, with line numbers.

use std::path::PathBuf;
use std::process::ExitCode;

use super::files;
use crate::ide::outline::{outline, Symbol, SymbolKind};
use crate::model::Document;
use crate::text::LineIndex;

#[derive(clap::Args, Debug)]
pub struct Args {
    file: PathBuf,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

pub fn render(text: &str, symbols: &[Symbol]) -> String {
    let index = LineIndex::new(text);
    let mut out = String::new();
    fn walk(out: &mut String, index: &LineIndex, symbols: &[Symbol], depth: usize) {
        for s in symbols {
            let line = index.line_number(s.selection.start);
            let tag = match s.kind {
                SymbolKind::Meeting => "meeting",
                SymbolKind::Item => "item",
                SymbolKind::Decision => "decision",
                SymbolKind::Resolution => "resolution",
                SymbolKind::Action if s.implied => "implied action",
                SymbolKind::Action => "action",
            };
            let detail = s.detail.as_deref().filter(|_| s.kind != SymbolKind::Action).map(|d| format!(" [{d}]")).unwrap_or_default();
            out.push_str(&format!("{line:>5}  {}{tag}: {}{detail}\n", "  ".repeat(depth), s.name));
            walk(out, index, &s.children, depth + 1);
        }
    }
    walk(&mut out, &index, symbols, 0);
    out
}

pub fn run(args: Args) -> ExitCode {
    let source = match files::read(&args.file) {
        Ok(s) => s,
        Err(p) => {
            eprintln!("error: {p}");
            return ExitCode::from(2);
        }
    };
    let doc = Document::parse(&source.text);
    let symbols = outline(&source.text, &doc);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&symbols).expect("the outline serialises"));
    } else {
        print!("{}", render(&source.text, &symbols));
    }
    ExitCode::SUCCESS
}
