//! Actions across meetings in the editor: the history of a carried-over
//! action on hover, its status from later minutes as an inlay hint, and
//! go to definition from a report ("A12 – done") to the action it is
//! about. Reads the series the workspace linked ([`crate::workspace::track`]).

use std::ops::Range;

use super::hover::Hover;
use crate::workspace::{InSeries, RegisterEntry};

/// A label shown after an action: its status as later minutes report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusHint {
    /// Where the label goes (the end of the action's first line).
    pub offset: usize,
    pub label: String,
    /// Markdown: the history.
    pub tooltip: String,
}

/// Markdown: where the action was set, each later report, its status.
pub fn history(e: &RegisterEntry) -> String {
    let mut md = String::from("**Across meetings**");
    if let Some(r) = &e.reference {
        md.push_str(&format!(" — {r}"));
    }
    md.push_str(&format!("\n\nStatus: **{}**\n\n", e.status.as_str()));
    md.push_str(&format!("- {}: set ({}:{})\n", e.meeting_date.as_deref().unwrap_or("undated"), e.file, e.line));
    for m in &e.history {
        md.push_str(&format!(
            "- {}: {} ({}:{})\n",
            m.meeting_date.as_deref().unwrap_or("undated"),
            m.progress.map_or("listed, no status", |p| p.as_str()),
            m.file,
            m.line
        ));
    }
    md
}

/// The history of the action (or the report on one) at `offset`, when
/// other minutes say something about it.
pub fn hover(here: InSeries, offset: usize) -> Option<Hover> {
    let (e, span) = here
        .series
        .in_minute(here.minute)
        .filter(|(e, s)| s.start <= offset && offset <= s.end && (!e.history.is_empty() || e.place.minute != here.minute))
        .last()?;
    Some(Hover { range: span.clone(), markdown: history(e) })
}

/// A hint after each action of this minute that later minutes report on,
/// and after each report, naming the action's status.
pub fn status_hints(here: InSeries, text: &str) -> Vec<StatusHint> {
    let mut out: Vec<StatusHint> = here
        .series
        .in_minute(here.minute)
        .filter(|(e, _)| !e.history.is_empty())
        .map(|(e, span)| {
            let end_of_line = text[span.start.min(text.len())..].find('\n').map_or(text.len(), |i| span.start + i);
            let offset = end_of_line.min(span.end.max(span.start)).max(span.start);
            let set_here = e.place.minute == here.minute && e.place.span == *span;
            let label = match (set_here, e.history.last()) {
                (true, Some(last)) => format!("{} ({})", e.status.as_str(), last.meeting_date.as_deref().unwrap_or(&last.file)),
                _ => format!("{} · set {}", e.status.as_str(), e.meeting_date.as_deref().unwrap_or(&e.file)),
            };
            StatusHint { offset: trim_back(text, offset), label, tooltip: history(e) }
        })
        .collect();
    out.sort_by_key(|h| h.offset);
    out.dedup_by_key(|h| h.offset);
    out
}

/// Before the white space that ends a line.
fn trim_back(text: &str, offset: usize) -> usize {
    offset - text[..offset].len() + text[..offset].trim_end().len()
}

/// The original of the action a report at `offset` is about: its minute
/// (an index among those handed to `track`) and span.
pub fn definition(here: InSeries, offset: usize) -> Option<(usize, Range<usize>)> {
    here.series.entries.iter().find_map(|e| {
        e.history
            .iter()
            .find(|m| m.place.minute == here.minute && super::contains(&m.place.span, offset))
            .map(|_| (e.place.minute, e.place.span.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Document};
    use crate::workspace::{track, Minute};

    const FIRST: &str = "Date: 1 March 2026\n\n1. Parks\n\nACTION: [A7] Bob Smith – obtain quotes for the benches\n";
    const SECOND: &str = "Date: 5 April 2026\n\n1. Matters arising\n\n1.1 A7 – done\n";

    #[test]
    fn history_hint_and_definition() {
        let docs = [Document::parse(FIRST), Document::parse(SECOND)];
        let minutes = [Minute { name: "first", text: FIRST, doc: &docs[0] }, Minute { name: "second", text: SECOND, doc: &docs[1] }];
        let series = track(&minutes, || Date::constant(2026, 1, 1));
        let first = InSeries { series: &series, minute: 0 };
        let second = InSeries { series: &series, minute: 1 };
        // hover on the action, and on the report
        let h = hover(first, FIRST.find("quotes").unwrap()).unwrap();
        assert!(h.markdown.contains("Status: **done**") && h.markdown.contains("2026-04-05: done (second:5)"), "{}", h.markdown);
        assert!(hover(second, SECOND.find("done").unwrap()).is_some());
        // the status after the action's line
        let hints = status_hints(first, FIRST);
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].label, "done (2026-04-05)");
        assert_eq!(hints[0].offset, FIRST.trim_end().len());
        // from "A7" in the second minute to the action in the first
        let (minute, span) = definition(second, SECOND.find("A7").unwrap()).unwrap();
        assert_eq!(minute, 0);
        assert!(FIRST[span].starts_with("Bob Smith"));
        assert!(definition(first, FIRST.find("quotes").unwrap()).is_none());
    }
}
