//! `minutes parse FILE`: the syntax tree, one node a line, with positions.

use std::path::PathBuf;
use std::process::ExitCode;

use super::files;

#[derive(clap::Args, Debug)]
pub struct Args {
    file: PathBuf,
}

/// The tree as an indented S-expression with field names and positions
/// (zero-based rows and byte columns, as tree-sitter reports them).
pub fn sexp(tree: &tree_sitter::Tree) -> String {
    let mut out = String::new();
    let mut cursor = tree.walk();
    let mut depth = 0usize;
    let mut first = true;
    loop {
        let node = cursor.node();
        if node.is_named() {
            if !first {
                out.push('\n');
            }
            first = false;
            out.push_str(&"  ".repeat(depth));
            if let Some(field) = cursor.field_name() {
                out.push_str(field);
                out.push_str(": ");
            }
            let (s, e) = (node.start_position(), node.end_position());
            out.push_str(&format!("({} [{}, {}] - [{}, {}]", node.kind(), s.row, s.column, e.row, e.column));
        }
        if cursor.goto_first_child() {
            if node.is_named() {
                depth += 1;
            }
            continue;
        }
        if node.is_named() {
            out.push(')');
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                out.push('\n');
                return out;
            }
            if cursor.node().is_named() {
                out.push(')');
                depth = depth.saturating_sub(1);
            }
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    match files::read(&args.file) {
        Ok(source) => {
            print!("{}", sexp(&crate::syntax::parse_text(&source.text)));
            ExitCode::SUCCESS
        }
        Err(p) => {
            eprintln!("error: {p}");
            ExitCode::from(2)
        }
    }
}
