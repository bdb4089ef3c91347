//! Suppressions: comments that silence named rules.
//!
//! ```text
//! <!-- minutes: ignore M201 -->                     the next line
//! <!-- minutes: ignore-item M102, split-paragraph -->   the rest of this agenda item
//! <!-- minutes: ignore-file undefined-abbreviation -->  the whole file
//! ```
//!
//! A comment is a line that starts with `<!--` (the grammar's `comment`
//! node); one whose text starts with `minutes:` is a suppression. Rules are
//! named by code or name, separated by commas or spaces. Other comments are
//! notes to the reader and silence nothing.

use super::{Document, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The next line that is not blank.
    Line,
    /// From the comment to the end of the agenda item it is in.
    Item,
    File,
}

/// A rule named in a suppression, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuppressedRule {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The comment.
    pub span: Span,
    pub scope: Scope,
    /// The text whose findings it silences.
    pub covers: Span,
    pub rules: Vec<SuppressedRule>,
}

impl Suppression {
    /// Whether it silences findings of `code` (or `name`) starting at `offset`.
    pub fn silences(&self, code: &str, name: &str, offset: usize) -> Option<usize> {
        if !(self.covers.contains(&offset) || (self.scope == Scope::File && offset == self.covers.end)) {
            return None;
        }
        self.rules.iter().position(|r| r.name.eq_ignore_ascii_case(code) || r.name == name)
    }
}

/// Reads the suppressions among the document's comments. Runs once items
/// have their final spans.
pub(super) fn analyse(text: &str, doc: &mut Document) {
    let comments = std::mem::take(&mut doc.comments);
    for span in &comments {
        if let Some(s) = read(text, doc, span.clone()) {
            doc.suppressions.push(s);
        }
    }
    doc.comments = comments;
}

fn read(text: &str, doc: &Document, span: Span) -> Option<Suppression> {
    let written = &text[span.clone()];
    let inner_start = span.start + written.find("<!--")? + 4;
    let inner = &text[inner_start..span.end];
    let inner = inner.strip_suffix("-->").unwrap_or(inner);
    let after_ws = inner.len() - inner.trim_start().len();
    let directive = inner.trim_start().strip_prefix("minutes:")?;
    let verb_start = inner_start + after_ws + "minutes:".len() + (directive.len() - directive.trim_start().len());
    let directive = directive.trim_start();
    let verb_len = directive.find(char::is_whitespace).unwrap_or(directive.len());
    let scope = match &directive[..verb_len] {
        "ignore" => Scope::Line,
        "ignore-item" => Scope::Item,
        "ignore-file" => Scope::File,
        _ => return None,
    };
    let list_start = verb_start + verb_len;
    let list = &text[list_start..inner_start + inner.len()];
    let mut rules = Vec::new();
    let mut at = 0;
    for part in list.split(|c: char| c == ',' || c.is_whitespace()) {
        if !part.is_empty() {
            rules.push(SuppressedRule { name: part.to_string(), span: list_start + at..list_start + at + part.len() });
        }
        at += part.len() + 1;
    }
    let covers = match scope {
        Scope::Line => next_line(text, span.end),
        Scope::Item => match doc.item_at(span.start) {
            Some(i) => span.start..doc.items[i].span.end.max(span.end),
            None => span.start..doc.items.first().map_or(text.len(), |i| i.heading_span.start),
        },
        Scope::File => 0..text.len(),
    };
    Some(Suppression { span, scope, covers, rules })
}

/// The first line after `from` that is not blank (empty at the end of text).
fn next_line(text: &str, from: usize) -> Span {
    let mut start = text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if !text[start..end].trim().is_empty() {
            return start..end;
        }
        start = end + 1;
    }
    text.len()..text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suppressions(text: &str) -> Vec<Suppression> {
        Document::parse(text).suppressions
    }

    #[test]
    fn reads_the_three_scopes() {
        let text = "1. Item\n\n<!-- minutes: ignore M201, split-paragraph -->\n\nThe FFD met.\n\n<!-- minutes: ignore-item M102 -->\nText.\n\n2. Next\n\nMore.\n<!-- minutes: ignore-file M601 -->\n";
        let s = suppressions(text);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(s[0].scope, Scope::Line);
        assert_eq!(&text[s[0].covers.clone()], "The FFD met.");
        let names: Vec<_> = s[0].rules.iter().map(|r| &text[r.span.clone()]).collect();
        assert_eq!(names, ["M201", "split-paragraph"]);
        assert_eq!(s[1].scope, Scope::Item);
        assert!(text[s[1].covers.clone()].starts_with("<!-- minutes: ignore-item M102 -->\nText."));
        assert!(!text[s[1].covers.clone()].contains("2. Next"));
        assert_eq!(s[2].scope, Scope::File);
        assert_eq!(s[2].covers, 0..text.len());
    }

    #[test]
    fn other_comments_are_not_suppressions() {
        let text = "1. Item\n\n<!-- draft: check with the clerk -->\n<!-- minutes: unknown M201 -->\nText.\n";
        assert!(suppressions(text).is_empty());
        let doc = Document::parse(text);
        assert_eq!(doc.comments.len(), 2);
        // a comment is not prose: nothing of it is read as a paragraph
        assert!(doc.blocks.iter().all(|b| !text[b.span.clone()].contains("<!--")));
    }
}
