//! Semantic tokens: the constructs the grammar knows (keywords, numbers,
//! titles, owners, people, roles, abbreviations, dates), plus abbreviation
//! uses from the model. Tokens are single-line byte ranges in text order,
//! never overlapping; the server encodes them.

use std::ops::Range;

use crate::model::Document;
use crate::syntax::kind;

/// The token types, in legend order (standard LSP names).
pub const TOKEN_TYPES: &[&str] = &["keyword", "number", "namespace", "variable", "class", "macro", "string", "comment", "event"];
/// The modifiers, in legend order (bit i = `TOKEN_MODIFIERS[i]`).
pub const TOKEN_MODIFIERS: &[&str] = &["declaration"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenType {
    Keyword,
    Number,
    Title,
    Person,
    Role,
    Abbreviation,
    LongForm,
    Comment,
    Date,
}

impl TokenType {
    pub fn index(self) -> u32 {
        self as u32
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub ty: TokenType,
    pub declaration: bool,
}

fn classify(k: &str) -> Option<(TokenType, bool)> {
    Some(match k {
        kind::ACTION_KEYWORD | kind::RESOLVED_MARKER | kind::ATTENDANCE_LABEL | kind::FIELD_NAME | kind::LABEL | kind::ITEM_MARKER => (TokenType::Keyword, false),
        kind::ITEM_NUMBER | kind::PARAGRAPH_NUMBER | kind::LIST_MARKER | kind::RESOLUTION_MARKER => (TokenType::Number, false),
        kind::TITLE | kind::MEETING_TITLE | kind::HEADING_TEXT => (TokenType::Title, false),
        kind::PERSON => (TokenType::Person, true),
        kind::OWNER => (TokenType::Person, false),
        kind::ROLE => (TokenType::Role, false),
        kind::SHORT_FORM => (TokenType::Abbreviation, true),
        kind::LONG_FORM => (TokenType::LongForm, false),
        kind::PAGE_BREAK | kind::SIGNATURE => (TokenType::Comment, false),
        kind::DATE => (TokenType::Date, false),
        _ => return None,
    })
}

/// Tokens overlapping `range` (the whole text when `None`).
pub fn tokens(text: &str, tree: &tree_sitter::Tree, doc: &Document, range: Option<Range<usize>>) -> Vec<Token> {
    let want = range.unwrap_or(0..text.len());
    let mut raw: Vec<Token> = Vec::new();
    crate::syntax::walk(tree, |node| {
        let r = node.byte_range();
        if !(r.start <= want.end && want.start <= r.end) {
            return false;
        }
        match classify(node.kind()) {
            Some((ty, declaration)) => {
                raw.push(Token { range: r, ty, declaration });
                false
            }
            None => true,
        }
    });
    for u in &doc.abbreviation_uses {
        if u.span.start <= want.end && want.start <= u.span.end {
            raw.push(Token { range: u.span.clone(), ty: TokenType::Abbreviation, declaration: false });
        }
    }
    raw.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut end = 0;
    for t in raw {
        if t.range.start < end || t.range.is_empty() {
            continue;
        }
        end = t.range.end;
        // one token per line, without surrounding white space
        let mut start = t.range.start;
        for piece in text[t.range.clone()].split('\n') {
            let r = start..start + piece.len();
            start = r.end + 1;
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let r = r.start + lead..r.start + s.trim_end().len();
            if !r.is_empty() {
                out.push(Token { range: r, ty: t.ty, declaration: t.declaration });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_keywords_people_roles_and_abbreviations() {
        let text = "Present: Ann James (Chair)\n\n1. Report\nThe Director of Children’s Services (DCS) presented. The DCS agreed.\n\nACTION: Ann James – circulate the letter by 20 November 2026\n";
        let tree = crate::syntax::parse_text(text);
        let doc = Document::parse(text);
        let toks = tokens(text, &tree, &doc, None);
        let find = |s: &str, nth: usize| toks.iter().find(|t| t.range.start == text.match_indices(s).nth(nth).unwrap().0).map(|t| (t.ty, t.declaration));
        assert_eq!(find("Present:", 0).unwrap().0, TokenType::Keyword);
        assert_eq!(find("Ann James", 0), Some((TokenType::Person, true)));
        assert_eq!(find("Chair", 0).unwrap().0, TokenType::Role);
        assert_eq!(find("DCS", 0), Some((TokenType::Abbreviation, true)));
        assert_eq!(find("DCS", 1), Some((TokenType::Abbreviation, false)));
        assert_eq!(find("ACTION", 0).unwrap().0, TokenType::Keyword);
        assert_eq!(find("20 November", 0).unwrap().0, TokenType::Date);
        for w in toks.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
        assert!(toks.iter().all(|t| !text[t.range.clone()].contains('\n')));
        // a range asks for fewer
        let some = tokens(text, &tree, &doc, Some(0..10));
        assert!(!some.is_empty() && some.len() < toks.len());
    }
}
