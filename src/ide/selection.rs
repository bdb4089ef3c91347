//! Selection ranges: the word under the cursor, then each enclosing
//! construct of the syntax tree, up to the whole document.

use std::ops::Range;

/// Ranges around `offset`, innermost first, each strictly larger.
pub fn selection_ranges(text: &str, tree: &tree_sitter::Tree, offset: usize) -> Vec<Range<usize>> {
    let offset = offset.min(text.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    let word = super::word_at(text, offset);
    if !word.is_empty() {
        out.push(word);
    }
    let mut node = tree.root_node().descendant_for_byte_range(offset, offset);
    let mut chain = Vec::new();
    while let Some(n) = node {
        chain.push(n.byte_range());
        node = n.parent();
    }
    chain.push(0..text.len());
    for r in chain {
        let r = trim(text, r);
        let grows = out.last().is_none_or(|last| r.start <= last.start && last.end <= r.end && r != *last);
        if grows && r.start <= offset && offset <= r.end {
            out.push(r);
        }
    }
    out
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let r = r.start.min(text.len())..r.end.min(text.len());
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_from_word_to_document() {
        let text = "1. Report\nThe DCS presented the report.\n\n2. Next\nText.\n";
        let tree = crate::syntax::parse_text(text);
        let at = text.find("presented").unwrap() + 2;
        let r = selection_ranges(text, &tree, at);
        assert_eq!(&text[r[0].clone()], "presented");
        assert_eq!(r.last().unwrap().clone(), 0..text.trim_end().len());
        for w in r.windows(2) {
            assert!(w[1].start <= w[0].start && w[0].end <= w[1].end && w[0] != w[1]);
        }
        assert!(r.len() >= 3, "{r:?}");
    }
}
