//! Editor features as plain data with byte ranges, shared by the command
//! line and the language server. Nothing here names an LSP type.

pub mod code_actions;
pub mod completion;
pub mod folding;
pub mod history;
pub mod hover;
pub mod navigation;
pub mod outline;
pub mod selection;
pub mod semantic_tokens;
pub mod symbols;

use crate::model::Document;

/// Another minutes file of the workspace, as the features read it.
#[derive(Clone, Copy)]
pub struct Peer<'a> {
    /// Its path or URI, as the caller names it.
    pub name: &'a str,
    pub text: &'a str,
    pub doc: &'a Document,
}

/// The byte range of the word around `offset` (letters, digits, `&`, `’`,
/// `'`, `-`), or an empty range at `offset`.
pub fn word_at(text: &str, offset: usize) -> std::ops::Range<usize> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '&' | '’' | '\'' | '-');
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].char_indices().find(|(_, c)| !is_word(*c)).map_or(text.len(), |(i, _)| offset + i);
    start..end
}

pub(crate) fn contains(span: &std::ops::Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}
