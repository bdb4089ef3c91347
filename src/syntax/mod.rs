//! The tree-sitter grammar: parsing, incremental reparsing and node kinds.
//!
//! Nothing outside this module names a node kind by string: use [`kind`].

pub mod kind;

use tree_sitter::{InputEdit, Language, Parser, Point, Tree};

unsafe extern "C" {
    fn tree_sitter_minutes() -> *const ();
}

/// The minutes language.
pub fn language() -> Language {
    let f = unsafe { tree_sitter_language::LanguageFn::from_raw(tree_sitter_minutes) };
    Language::new(f)
}

/// A parser for minutes.
pub fn parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&language())
        .expect("the bundled grammar's ABI is supported by the tree-sitter crate");
    parser
}

/// Parses `text`, reusing `old` (already edited with [`edit_tree`]) where it
/// can. Parsing never fails: any text yields a tree.
pub fn parse(parser: &mut Parser, text: &str, old: Option<&Tree>) -> Tree {
    parser
        .parse(text, old)
        .expect("a parser with a language and no timeout always returns a tree")
}

/// Parses `text` from scratch.
pub fn parse_text(text: &str) -> Tree {
    parse(&mut parser(), text, None)
}

/// Tells `tree` that `old_text[range]` was replaced by `new`, so that the
/// next parse can reuse what the edit did not touch.
pub fn edit_tree(tree: &mut Tree, old_text: &str, range: std::ops::Range<usize>, new: &str) {
    let start_position = point_at(old_text, range.start);
    let old_end_position = point_at(old_text, range.end);
    let mut new_end_position = start_position;
    for b in new.bytes() {
        if b == b'\n' {
            new_end_position.row += 1;
            new_end_position.column = 0;
        } else {
            new_end_position.column += 1;
        }
    }
    tree.edit(&InputEdit {
        start_byte: range.start,
        old_end_byte: range.end,
        new_end_byte: range.start + new.len(),
        start_position,
        old_end_position,
        new_end_position,
    });
}

/// Tree-sitter's point (row, byte column) of a byte offset.
fn point_at(text: &str, offset: usize) -> Point {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let row = before.iter().filter(|b| **b == b'\n').count();
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    Point { row, column: before.len() - line_start }
}

/// Visits the nodes of a tree in document order (a node before its
/// children); `visit` answers whether to go into the node's children.
pub fn walk<'t>(tree: &'t Tree, mut visit: impl FnMut(tree_sitter::Node<'t>) -> bool) {
    let mut cursor = tree.walk();
    'walk: loop {
        if visit(cursor.node()) && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                continue 'walk;
            }
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
}

/// Whether the tree holds an ERROR or MISSING node anywhere.
pub fn has_errors(tree: &Tree) -> bool {
    tree.root_node().has_error()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_parses_without_errors() {
        for text in ["", "\n", "plain prose", "(((", "RESOLVED:\n\n", "ACTION:\n", "1.\n", "\u{feff}\u{a0}\r\n"] {
            let tree = parse_text(text);
            assert!(!has_errors(&tree), "{text:?}: {}", tree.root_node().to_sexp());
        }
    }

    /// Every query the editors load compiles against the grammar: a renamed
    /// node or field breaks this test, not an editor.
    #[test]
    fn every_query_file_compiles() {
        let queries = [
            ("highlights", include_str!("../../grammar/queries/highlights.scm")),
            ("folds", include_str!("../../grammar/queries/folds.scm")),
            ("textobjects", include_str!("../../grammar/queries/textobjects.scm")),
            ("tags", include_str!("../../grammar/queries/tags.scm")),
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/queries");
        let on_disk = std::fs::read_dir(dir).unwrap().filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "scm")).count();
        assert_eq!(on_disk, queries.len(), "a query file in {dir} is not compiled here");
        for (name, source) in queries {
            if let Err(e) = tree_sitter::Query::new(&language(), source) {
                panic!("{name}.scm: {e}");
            }
        }
    }

    #[test]
    fn incremental_reparse_equals_fresh_parse() {
        let old_text = "1. Title\n\nThe DCS presented the report.\n\n2. Next\n\nText.\n";
        let mut p = parser();
        let mut tree = parse(&mut p, old_text, None);
        let at = old_text.find("presented").unwrap();
        edit_tree(&mut tree, old_text, at..at, "briefly ");
        let mut new_text = old_text.to_string();
        new_text.insert_str(at, "briefly ");
        let reparsed = parse(&mut p, &new_text, Some(&tree));
        assert_eq!(reparsed.root_node().to_sexp(), parse_text(&new_text).root_node().to_sexp());
    }
}
