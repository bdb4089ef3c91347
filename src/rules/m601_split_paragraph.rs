//! M601 split-paragraph: a paragraph broken by a page break of the PDF it
//! was copied from.

use super::{diagnostic, Context};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

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

/// How the text before a blank run ends.
#[derive(PartialEq)]
enum Before {
    /// Running prose without closing punctuation: the sentence goes on.
    MidSentence,
    /// Running prose after a full stop: maybe a split, maybe a new
    /// paragraph that starts in lower case.
    SentenceEnd,
    /// A sub-heading ("b) Playground"), a label ("Present:") or a title
    /// block ("MINUTES OF THE ANNUAL MEETING"): not a split.
    NotProse,
}

/// Reads the last line before a blank run: prose has four words or more,
/// most of them in lower case.
fn before_break(before: &str) -> Before {
    let before = before.trim_end();
    let last_line = before.rsplit('\n').next().unwrap_or(before);
    let words: Vec<&str> = last_line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let lower = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    if words.len() < 4 || lower * 2 <= words.len() || before.ends_with([':', ';', ')', ']']) {
        Before::NotProse
    } else if before.ends_with(['.', '!', '?']) {
        Before::SentenceEnd
    } else {
        Before::MidSentence
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text;
    ctx.doc
        .page_breaks
        .iter()
        .filter_map(|pb| {
            let kind = before_break(&text[pb.paragraph.start.min(pb.span.start)..pb.span.start]);
            (kind != Before::NotProse).then_some((pb, kind))
        })
        .map(|(pb, kind)| {
            let before = text[..pb.span.start].trim_end();
            let start = before.len();
            let rest = &text[pb.span.end..];
            let end = pb.span.end + (rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len());
            // point at the first word of the line that continues the sentence
            let word_end = end + text[end..].find(|c: char| c.is_whitespace()).unwrap_or(text.len() - end);
            let mut d = diagnostic(&RULE, end..word_end, "this line continues the sentence before the blank lines (a page break): join them".into());
            // after a full stop the lower-case line may start a paragraph: a hint
            if kind == Before::SentenceEnd {
                d.severity = crate::diagnostic::Severity::Hint;
            }
            let applicability = if kind == Before::SentenceEnd { Applicability::Unsafe } else { Applicability::Safe };
            d.fix = Some(Fix { title: "Join the split paragraph".into(), edits: vec![Edit { range: start..end, text: " ".into() }], applicability });
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
    fn a_lower_case_line_after_a_full_stop_is_only_a_hint() {
        let found = run(&RULE, "Members asked whether the library would serve the villages.\n\n\nand whether volunteers could run it.\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, crate::diagnostic::Severity::Hint);
    }

    #[test]
    fn a_sub_heading_or_a_title_block_is_not_a_split() {
        assert_eq!(run(&RULE, "2. Finance\n\nb) Playground\n\nthe equipment was inspected.\n"), vec![]);
        assert_eq!(run(&RULE, "MINUTES OF THE ANNUAL MEETING OF THE PARISH\n\nheld on 4 May 2026 at the Hall\n"), vec![]);
    }

    #[test]
    fn a_new_paragraph_is_not_a_split() {
        assert_eq!(run(&RULE, "First paragraph.\n\nSecond paragraph.\n"), vec![]);
    }
}
