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

    /// Every node of a tree: kind and byte range.
    fn nodes(tree: &Tree) -> Vec<(&'static str, usize, usize)> {
        let mut out = Vec::new();
        walk(tree, |n| {
            out.push((n.kind(), n.start_byte(), n.end_byte()));
            true
        });
        out
    }

    /// Applies the edits (byte range, new text) one by one, reparsing after
    /// each as the server does, and checks the tree against a fresh parse.
    fn assert_reparse_equals_fresh(text: &str, edits: &[(std::ops::Range<usize>, &str)]) {
        let mut p = parser();
        let mut text = text.to_string();
        let mut tree = parse(&mut p, &text, None);
        for (range, new) in edits {
            edit_tree(&mut tree, &text, range.clone(), new);
            text.replace_range(range.clone(), new);
            tree = parse(&mut p, &text, Some(&tree));
            let fresh = parse_text(&text);
            assert_eq!(tree.root_node().to_sexp(), fresh.root_node().to_sexp(), "{text:?}");
            assert_eq!(nodes(&tree), nodes(&fresh), "{text:?}");
        }
    }

    #[test]
    fn incremental_reparse_equals_fresh_parse() {
        let text = "1. Title\n\nThe DCS presented the report.\n\n2. Next\n\nText.\n";
        let at = text.find("presented").unwrap();
        assert_reparse_equals_fresh(text, &[(at..at, "briefly ")]);
    }

    /// Found by tests/properties.rs (seed 2). The edit turns the item heading
    /// into prose; tree-sitter reuses the last attendee whole and lexes the
    /// " – " after it where no role may come. The scanner read a dash there
    /// as a name; where a role may come (a fresh parse), as a column rule
    /// before the line end. A token must not depend on whether a role may
    /// come: a dash never opens a name.
    #[test]
    fn an_attendee_reused_after_an_edit_is_followed_by_the_same_tokens() {
        assert_reparse_equals_fresh("2. Next\n\nPresent: Ann James (Chair)\nA(Action – ", &[(1..2, "")]);
        assert_reparse_equals_fresh("Present: Ann James (Chair)\nJo Bruce –\n\nText.\n", &[(0..0, "1. Item\n\n")]);
    }

    /// The case of issue 16: a combining mark alone on its line, an edit
    /// above it and one below.
    #[test]
    fn edits_around_a_combining_mark_alone_on_its_line() {
        assert_reparse_equals_fresh("t\n\n\u{301}\n\nv)", &[(0..1, ""), (7..7, "x")]);
    }
}
