//! M601 split-paragraph: a paragraph broken by a page break of the PDF it
//! was copied from.

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Edit, Fix};

declare_rule! {
    /// A paragraph is split by blank lines (a page break).
    ///
    /// What it catches: blank lines inside a sentence, where text copied from a PDF kept its
    /// page break: the next line starts in lower case and continues the sentence.
    ///
    /// Why it matters: readers and tools take the two halves for separate paragraphs.
    ///
    /// Example: `The committee considered the report and` / (blank lines) / `agreed to defer
    /// the decision.`
    ///
    /// Fix: join the lines (the blank run becomes a single space).
    pub const RULE = {
        code: "M601",
        name: "split-paragraph",
        severity: Warning,
        default_enabled: true,
        fixable: true,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text;
    ctx.doc
        .page_breaks
        .iter()
        .map(|pb| {
            let before = text[..pb.span.start].trim_end();
            let start = before.len();
            let rest = &text[pb.span.end..];
            let end = pb.span.end + (rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len());
            // point at the first word of the line that continues the sentence
            let word_end = end + text[end..].find(|c: char| c.is_whitespace()).unwrap_or(text.len() - end);
            let mut d = diagnostic(&RULE, end..word_end, "this line continues the sentence before the blank lines (a page break): join them".into());
            d.fix = Some(Fix { title: "Join the split paragraph".into(), edits: vec![Edit { range: start..end, text: " ".into() }] });
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn joins_a_paragraph_split_by_a_page_break() {
        let text = "It was more likely that this related to churn and that\n\n\n\nthere were cultural factors.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(apply(text, &found[0]), "It was more likely that this related to churn and that there were cultural factors.\n");
    }

    #[test]
    fn a_new_paragraph_is_not_a_split() {
        assert_eq!(run(&RULE, "First paragraph.\n\nSecond paragraph.\n"), vec![]);
    }
}
