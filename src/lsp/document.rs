//! An open document: its text in a rope, its version, its syntax tree
//! (edited and reparsed incrementally) and its analysis.

use std::sync::Arc;

use ropey::Rope;
use tree_sitter::{InputEdit, Parser, Point, Tree};

use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::text::{Encoding, LineCol, LineIndex};

/// What the features read: a snapshot of the text with its tree and model.
pub struct Analysis {
    pub version: i32,
    pub text: String,
    pub index: LineIndex,
    pub tree: Tree,
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct OpenDocument {
    pub version: i32,
    rope: Rope,
    parser: Parser,
    tree: Tree,
    pub analysis: Option<Arc<Analysis>>,
}

/// One change of a didChange: a range (line and column in the negotiated
/// encoding) and its new text; no range replaces the whole text.
pub struct Change {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> OpenDocument {
        let mut parser = crate::syntax::parser();
        let tree = crate::syntax::parse(&mut parser, text, None);
        OpenDocument { version, rope: Rope::from_str(text), parser, tree, analysis: None }
    }

    /// The byte offset of a line and column, clamped to the text (the
    /// conversion is `text::LineIndex`'s, on the line's own text).
    fn offset(&self, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.rope.len_lines() {
            return self.rope.len_bytes();
        }
        let start = self.rope.line_to_byte(line);
        let content: String = self.rope.line(line).chunks().collect();
        let index = LineIndex::new(&content);
        start + index.offset(&content, LineCol { line: 0, col: pos.col }, enc)
    }

    fn point(&self, byte: usize) -> Point {
        let row = self.rope.byte_to_line(byte);
        Point { row, column: byte - self.rope.line_to_byte(row) }
    }

    /// Applies changes in order to the rope and the tree, then reparses
    /// once, reusing the edited tree.
    pub fn apply(&mut self, version: i32, changes: Vec<Change>, enc: Encoding) {
        for change in changes {
            match change.range {
                None => {
                    self.rope = Rope::from_str(&change.text);
                    let text = self.rope.to_string();
                    self.tree = crate::syntax::parse(&mut self.parser, &text, None);
                }
                Some((from, to)) => {
                    let start = self.offset(from, enc);
                    let end = self.offset(to, enc).max(start);
                    let start_position = self.point(start);
                    let old_end_position = self.point(end);
                    let (cs, ce) = (self.rope.byte_to_char(start), self.rope.byte_to_char(end));
                    self.rope.remove(cs..ce);
                    self.rope.insert(cs, &change.text);
                    let new_end_byte = start + change.text.len();
                    self.tree.edit(&InputEdit {
                        start_byte: start,
                        old_end_byte: end,
                        new_end_byte,
                        start_position,
                        old_end_position,
                        new_end_position: self.point(new_end_byte),
                    });
                }
            }
        }
        self.version = version;
        let text = self.rope.to_string();
        self.tree = crate::syntax::parse(&mut self.parser, &text, Some(&self.tree));
        self.analysis = None;
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_in_utf16_on_multibyte_crlf_text() {
        let text = "The Director’s £15k · budget\u{a0}was 😀 noted.\r\nsecond line\r\n";
        let mut d = OpenDocument::new(text, 1);
        // replace "noted" (after the emoji, UTF-16 columns) with "agreed"
        let idx = LineIndex::new(text);
        let at = text.find("noted").unwrap();
        let from = idx.position(text, at, Encoding::Utf16);
        let to = LineCol { line: 0, col: from.col + 5 };
        d.apply(2, vec![Change { range: Some((from, to)), text: "agreed".into() }, Change { range: Some((LineCol { line: 1, col: 0 }, LineCol { line: 1, col: 6 })), text: "2nd".into() }], Encoding::Utf16);
        let want = text.replace("noted", "agreed").replace("second", "2nd");
        assert_eq!(d.text(), want);
        assert_eq!(d.tree().root_node().to_sexp(), crate::syntax::parse_text(&want).root_node().to_sexp());
        // a position past the end is clamped
        d.apply(3, vec![Change { range: Some((LineCol { line: 99, col: 9 }, LineCol { line: 120, col: 0 })), text: "end".into() }], Encoding::Utf8);
        assert!(d.text().ends_with("\r\nend"));
    }
}
