//! Folding ranges: agenda items, RESOLVED blocks, lists, attendance.

use std::ops::Range;

use crate::model::{BlockKind, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    Item,
    Decision,
    List,
    Attendance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fold {
    /// From the first line's start to the last line's text end.
    pub range: Range<usize>,
    pub kind: FoldKind,
}

fn trim_end(text: &str, r: Range<usize>) -> Range<usize> {
    let end = r.start + text[r.clone()].trim_end().len();
    r.start..end
}

/// Folds that span more than one line, in text order.
pub fn folding_ranges(text: &str, doc: &Document) -> Vec<Fold> {
    let mut out = Vec::new();
    for i in &doc.items {
        out.push(Fold { range: trim_end(text, i.heading_span.start..i.span.end.min(text.len())), kind: FoldKind::Item });
    }
    for b in doc.resolved_blocks.iter().filter(|b| !b.inline) {
        out.push(Fold { range: trim_end(text, b.span.clone()), kind: FoldKind::Decision });
    }
    let mut lists: Vec<(usize, Range<usize>)> = Vec::new();
    for li in &doc.list_items {
        match lists.last_mut() {
            Some((id, r)) if *id == li.list => r.end = r.end.max(li.span.end),
            _ => lists.push((li.list, li.span.clone())),
        }
    }
    out.extend(lists.into_iter().map(|(_, r)| Fold { range: trim_end(text, r), kind: FoldKind::List }));
    let mut attendance: Option<Range<usize>> = None;
    for b in doc.blocks.iter().filter(|b| b.kind == BlockKind::Attendance) {
        match &mut attendance {
            Some(r) if text[r.end..b.span.start].trim().is_empty() => r.end = b.span.end,
            _ => {
                if let Some(r) = attendance.take() {
                    out.push(Fold { range: trim_end(text, r), kind: FoldKind::Attendance });
                }
                attendance = Some(b.span.clone());
            }
        }
    }
    if let Some(r) = attendance {
        out.push(Fold { range: trim_end(text, r), kind: FoldKind::Attendance });
    }
    out.retain(|f| text[f.range.clone()].contains('\n'));
    out.sort_by_key(|f| (f.range.start, std::cmp::Reverse(f.range.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_items_decisions_and_lists() {
        let text = "Present: A B\nApologies: C D\n\n1. Report\nThe report.\n\nRESOLVED:\na) That it be noted;\nb) That it be sent.\n\nThe list:\n\n-  one\n-  two\n\n2. Next\nOne line.\n";
        let folds = folding_ranges(text, &Document::parse(text));
        let kinds: Vec<FoldKind> = folds.iter().map(|f| f.kind).collect();
        assert!(kinds.contains(&FoldKind::Item) && kinds.contains(&FoldKind::Decision) && kinds.contains(&FoldKind::List), "{folds:?}");
        let item = folds.iter().find(|f| f.kind == FoldKind::Item).unwrap();
        assert!(text[item.range.clone()].starts_with("1. Report") && text[item.range.clone()].ends_with("-  two"), "{:?}", &text[item.range.clone()]);
        let d = folds.iter().find(|f| f.kind == FoldKind::Decision).unwrap();
        assert!(text[d.range.clone()].ends_with("sent."));
    }
}
