//! M001 parse-recovery: the parser could not read some text as minutes and
//! recovered; the text there is read as plain paragraphs.

use super::{diagnostic, Context};
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// The parser recovered from text it could not read.
    ///
    /// What it catches: a place where the grammar could not read the text as minutes (an
    /// ERROR or MISSING node in the syntax tree, or text no construct holds) and tree-sitter
    /// recovered. The grammar is written so that any text parses; this finding means it met a
    /// form it does not know.
    ///
    /// Why it matters: nothing is lost (every line after the place is still read, as
    /// paragraphs), but the structure there (items, decisions, actions) may be missed, so the
    /// other findings near it may be incomplete.
    ///
    /// Example: a line the grammar cannot place, such as a list marker where only a list item
    /// can stand.
    pub const RULE = {
        code: "M001",
        name: "parse-recovery",
        severity: Warning,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    ctx.doc
        .recoveries
        .iter()
        .map(|r| {
            // a zero-width recovery underlines the line it is on
            let end = if r.is_empty() { ctx.text[r.start..].find('\n').map_or(ctx.text.len(), |i| r.start + i) } else { r.end };
            diagnostic(&RULE, r.start..end, "the parser recovered here: this text is read as plain paragraphs, and structure in it may be missed".to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::rules::test_support::run;

    /// A tree that ends before the text (the parser stopped) forces the
    /// model to recover: every later paragraph is still read.
    fn recovered(text: &str, parsed_bytes: usize) -> Document {
        let mut parser = crate::syntax::parser();
        let tree = crate::syntax::parse(&mut parser, &text[..parsed_bytes], None);
        Document::new(text, &tree)
    }

    #[test]
    fn every_paragraph_after_a_recovery_is_in_the_model() {
        let text = "1. Finance\n\nThe accounts were noted.\n\n2. Planning\n\nNo applications had been received.\n\nThe clerk would write to the owner.\n";
        let cut = text.find("2. Planning").unwrap();
        let doc = recovered(text, cut);
        assert_eq!(doc.recoveries.len(), 1, "{:?}", doc.recoveries);
        assert_eq!(doc.recoveries[0].start, cut);
        for paragraph in ["2. Planning", "No applications had been received.", "The clerk would write to the owner."] {
            let at = text.find(paragraph).unwrap();
            assert!(doc.blocks.iter().any(|b| b.span.start <= at && at < b.span.end), "{paragraph:?} is not in the model: {:?}", doc.blocks);
        }
        // the commitment in the recovered text is still found
        assert!(doc.actions.iter().any(|a| text[a.span.clone()].contains("would write")), "{:?}", doc.actions);
    }

    #[test]
    fn a_clean_parse_reports_nothing() {
        assert_eq!(run(&RULE, "1. Finance\n\nThe accounts were noted.\n\n2)\nPlanning\n\nNone.\n"), vec![]);
    }

    #[test]
    fn inputs_that_once_forced_recovery_parse_cleanly() {
        for text in [
            "Decisions\n2) \n\nItem 4\n\nThe clerk reported.\n",
            "- first point\n\n(ii)\n\nThe rest of the minutes.\n",
            "Present:\nCllr Ann Adams (Chair\nCllr Ben Baker ()\n\nThe meeting opened.\n",
            "Present:\r\n\rSECONDED by Y\r\nThe date was 1 May 2020\rand more.\r\n",
            "BE IT",
        ] {
            let tree = crate::syntax::parse_text(text);
            assert!(!crate::syntax::has_errors(&tree), "{text:?}: {}", tree.root_node().to_sexp());
            assert_eq!(run(&RULE, text), vec![], "{text:?}");
        }
    }
}
