//! Structure written inside prose, which the line-level grammar leaves as
//! text: agenda items that start mid-line, decisions written inline ("This
//! was AGREED."), unnumbered headings that head items, and the meeting date.

use std::sync::OnceLock;

use regex::Regex;

use super::build::clean;
use super::*;

pub(super) fn analyse(text: &str, doc: &mut Document) {
    promote_headings(text, doc);
    mid_line_items(text, doc);
    inline_decisions(text, doc);
    meeting(text, doc);
}

/// Short lines set off by blank lines head items in minutes that have no
/// numbered items (a board's "e-Prescribing", "Any other business"). The
/// first block of the file is its title, not an item; "Actions" and
/// "Decisions" head registers, not items.
fn promote_headings(text: &str, doc: &mut Document) {
    if !doc.items.is_empty() {
        return;
    }
    let first_block = doc.blocks.iter().map(|b| b.span.start).min();
    let first_content = doc
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| b.span.start)
        .min()
        .unwrap_or(usize::MAX);
    let headings: Vec<Block> = doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading).cloned().collect();
    for h in headings {
        let title = clean(&text[h.text.clone()]);
        if Some(h.span.start) == first_block || h.span.start < first_content || is_register_heading(&title) {
            continue;
        }
        doc.items.push(AgendaItem {
            number: None,
            title,
            heading_span: h.text.clone(),
            title_span: Some(h.text.clone()),
            span: h.span.clone(),
            form: ItemForm::Heading,
        });
    }
}

/// "Actions", "Action items", "Decisions", "Outstanding actions": headings
/// of a register of actions or decisions.
pub(super) fn is_register_heading(title: &str) -> bool {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:review(?:\s+of)?\s+)?(?:outstanding|open|new|summary\s+of)?\s*(?:actions?|action\s+(?:items?|points|log|list|tracker)|decisions?)(?:\s+(?:arising|agreed|taken|items?|log))?|matters\s+for\s+action)\s*:?$").unwrap()
    })
    .is_match(title.trim())
}

/// "… This was accepted by all. 4. MEMBERS’ DECLARATION OF INTERESTS …":
/// an item number and a title in capitals after the end of a sentence,
/// when the number follows on from the item before it.
fn mid_line_items(text: &str, doc: &mut Document) {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"[\s\u{a0}](\d{1,3})\.[\s\u{a0}]+((?:[A-Z][A-Z’'&/\-]*[A-Z’'](?:[\s\u{a0}]+|$))+)").unwrap()
    });
    if !doc.items.iter().any(|i| i.form == ItemForm::Numbered && i.number.as_deref().is_some_and(|n| n.parse::<u32>().is_ok())) {
        return;
    }
    let mut found = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ActionLine | BlockKind::ListItem | BlockKind::NumberedParagraph) {
            continue;
        }
        let body = &text[block.span.clone()];
        for c in p.captures_iter(body) {
            let (Some(num), Some(title)) = (c.get(1), c.get(2)) else { continue };
            let at = block.span.start + num.start();
            let previous = doc
                .items
                .iter()
                .chain(found.iter())
                .filter(|i: &&AgendaItem| i.heading_span.start < at)
                .max_by_key(|i| i.heading_span.start)
                .and_then(|i| i.number.as_deref())
                .and_then(|n| n.parse::<u32>().ok());
            let n: u32 = num.as_str().parse().unwrap_or(0);
            let title_text = clean(title.as_str());
            // the number must follow on, and the title be more than a word
            if previous.map(|p| p + 1) != Some(n) || title_text.chars().filter(|c| c.is_alphabetic()).count() < 6 {
                continue;
            }
            let title_span = block.span.start + title.start()..block.span.start + title.start() + title.as_str().trim_end().len();
            found.push(AgendaItem {
                number: Some(n.to_string()),
                title: title_text,
                heading_span: at..title_span.end,
                title_span: Some(title_span),
                span: at..block.span.end,
                form: ItemForm::MidLine,
            });
        }
    }
    doc.items.extend(found);
}

/// Decisions recorded inside prose: "This was AGREED.", "It was AGREED
/// that …", "The Council APPROVED …", "… DECISION: 1) … 2) …".
fn inline_decisions(text: &str, doc: &mut Document) {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"\b(?:(had[\s\u{a0}]+been[\s\u{a0}]+)|(?:also[\s\u{a0}]+))?(AGREED|APPROVED|RESOLVED|DECISION:|DECIDED)").unwrap()
    });
    static N: OnceLock<Regex> = OnceLock::new();
    let numbered = N.get_or_init(|| Regex::new(r"(?:^|[\s\u{a0}])\(?\d{1,2}\)[\s\u{a0}]").unwrap());
    let existing: Vec<Span> = doc.resolved_blocks.iter().map(|b| b.span.clone()).collect();
    let mut found = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedParagraph) {
            continue;
        }
        if existing.iter().any(|e| e.start <= block.span.start && block.span.end <= e.end) {
            continue;
        }
        let body = &text[block.text.clone()];
        // a block in capitals is a heading, not a decision
        if !body.chars().any(char::is_lowercase) {
            continue;
        }
        for c in p.captures_iter(body) {
            if c.get(1).is_some() {
                continue; // "It had been AGREED": an earlier decision, reported
            }
            let m = c.get(2).expect("group 2 always matches");
            let at = m.start();
            // the keyword must stand in a sentence of ordinary case
            let sentence = sentences::around(body, at);
            let sentence_text = &body[sentence.clone()];
            if !sentence_text.chars().any(char::is_lowercase) {
                continue;
            }
            let resolutions_text = &body[m.end()..sentence.end.max(m.end())];
            let count = numbered.find_iter(resolutions_text).count().max(1);
            let span = block.text.start + sentence.start..block.text.start + sentence.end;
            let resolutions = (0..count)
                .map(|_| Resolution { marker: None, text: clean(&text[span.clone()]), span: span.clone() })
                .collect();
            found.push(ResolvedBlock {
                marker: m.as_str().to_string(),
                marker_span: block.text.start + m.start()..block.text.start + m.end(),
                span,
                resolutions,
                inline: true,
            });
        }
    }
    doc.resolved_blocks.extend(found);
}

/// The meeting's title and date, when the header did not give them: the
/// first line of the file, and the first full date before the first item.
fn meeting(text: &str, doc: &mut Document) {
    let first_item = doc.items.iter().map(|i| i.heading_span.start).min().unwrap_or(text.len());
    if doc.meeting.date.is_none() {
        // the meeting's date is written before its first item; a date
        // further down is a deadline or a reference
        let search_end = if doc.items.is_empty() { text.len().min(4000) } else { first_item };
        let mut end = search_end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let Some((d, r)) = dates::find_first(&text[..end]) {
            doc.meeting.date = Some(d);
            doc.meeting.date_span = Some(r);
        }
    }
    if doc.meeting.title.is_none() {
        if let Some(b) = doc.blocks.iter().min_by_key(|b| b.span.start) {
            if b.span.start < first_item || doc.items.is_empty() {
                let line_end = text[b.text.clone()].find('\n').map_or(b.text.end, |i| b.text.start + i);
                let title = clean(&text[b.text.start..line_end]);
                if !title.is_empty() && title.len() <= 200 {
                    doc.meeting.title = Some(title);
                    doc.meeting.title_span = Some(b.text.start..line_end);
                }
            }
        }
    }
}
