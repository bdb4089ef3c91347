//! What a minute says about the actions of earlier meetings: the entries of
//! a "Matters arising" or "Actions from the last meeting" item (`A12 –
//! done`, `Clerk had circulated the letter (complete)`, `Status: in
//! progress`, `carried forward`), prose that cites a reference (`[A12]`),
//! and action lines that restate a referenced action.
//!
//! One document cannot know which action a report is about: the workspace
//! links reports to the actions of earlier minutes (by reference, or by
//! owner and task). Here we only read what each report says.

use std::sync::OnceLock;

use regex::Regex;

use super::pattern::Pattern;
use serde::Serialize;

use super::build::clean;
use super::*;

/// Where an action stands, as a later minute reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// "done", "complete", "closed", "actioned"
    Done,
    /// "in progress", "ongoing", "under way", "in hand"
    InProgress,
    /// "carried forward", "carried over", "c/f", "deferred"
    CarriedForward,
    /// "outstanding", "not yet started", "open"
    Outstanding,
    /// "withdrawn", "cancelled", "no longer required"
    Withdrawn,
}

impl Progress {
    pub fn as_str(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::InProgress => "in progress",
            Progress::CarriedForward => "carried forward",
            Progress::Outstanding => "outstanding",
            Progress::Withdrawn => "withdrawn",
        }
    }

    /// Whether the action needs nothing more.
    pub fn closes(self) -> bool {
        matches!(self, Progress::Done | Progress::Withdrawn)
    }
}

/// One report on an earlier action (or what may be one: the workspace
/// decides).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    /// The block that reports (with a `Status:` line that follows it).
    pub span: Span,
    /// The reference it cites, without brackets: `A12`.
    pub reference: Option<String>,
    pub progress: Option<Progress>,
    /// Where the progress is written.
    pub progress_span: Option<Span>,
    /// The date of the meeting that set the action, where the report says
    /// so ("(set 14 November 2026)", as `minutes new` writes it).
    pub set_on: Option<Date>,
    /// The report's words, white space folded, for matching by owner and task.
    pub text: String,
}

/// Titles of the items (or headings) under which a minute reviews earlier
/// actions.
pub fn is_review_heading(title: &str) -> bool {
    // every title the pattern takes holds "action" or "matter" in some
    // case (no letter of theirs folds from a non-ASCII one, as `k` and `s`
    // do), and most titles hold neither: the pattern, a twentieth of a small
    // file's check to compile, is compiled for a title that may match
    let lower = title.to_ascii_lowercase();
    if !lower.contains("action") && !lower.contains("matter") {
        return false;
    }
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(
            r"(?ix)^(?:
                matters\s+arising\b.*
              | (?:review\s+of\s+|progress\s+on\s+|update\s+on\s+)?(?:the\s+)?(?:outstanding\s+|open\s+)?actions?(?:\s+(?:items?|points|log|list))?
                \s+(?:from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous|prior)\s+meeting\b.*
              | (?:review\s+of\s+)?(?:outstanding|open|carried[\s-]+forward)\s+actions?(?:\s+(?:items?|points|log|list))?
              | (?:review\s+of\s+)?(?:the\s+)?action\s+(?:log|tracker|list)(?:\s+review)?
              | review\s+of\s+(?:the\s+)?actions?
            )\s*:?$",
        )
        .unwrap()
    })
    .is_match(title.trim())
}

pub(super) fn analyse(text: &str, doc: &mut Document) {
    let sections = review_sections(text, doc);
    let mut reports: Vec<StatusReport> = Vec::new();
    // the section the previous report came from: a `Status:` line joins it
    let mut previous_section: Option<usize> = None;
    for block in &doc.blocks {
        let body = &text[block.text.clone()];
        // a short "Status: carried forward" set off by blank lines reads as a heading
        let status_heading = block.kind == BlockKind::Heading && status_line(body);
        if !status_heading && !matches!(block.kind, BlockKind::Paragraph | BlockKind::NumberedParagraph | BlockKind::ListItem | BlockKind::ActionLine) {
            continue;
        }
        let section = sections.iter().position(|s| s.start <= block.span.start && block.span.start < s.end);
        let restated = doc.references.iter().find(|r| block.span.start <= r.span.start && r.span.end <= block.span.end);
        let cited = bracketed_reference(body);
        if section.is_none() && restated.is_none() && cited.is_none() {
            previous_section = None;
            continue;
        }
        let (progress, progress_span) = match progress(body) {
            Some((p, r)) => (Some(p), Some(block.text.start + r.start..block.text.start + r.end)),
            None => (None, None),
        };
        // "Status: in progress" on its own line, under the entry it reports on
        if section.is_some() && section == previous_section && status_line(body) {
            if let Some(last) = reports.last_mut().filter(|r| r.progress.is_none()) {
                last.progress = progress;
                last.progress_span = progress_span;
                last.span.end = block.span.end;
                continue;
            }
        }
        if status_heading {
            continue;
        }
        let reference = restated
            .map(|r| r.id.clone())
            .or(cited)
            .or_else(|| section.and_then(|_| bare_reference(body)));
        reports.push(StatusReport {
            span: block.span.clone(),
            reference,
            progress,
            progress_span,
            set_on: set_on(body),
            text: clean(body),
        });
        previous_section = section;
    }
    doc.reports = reports;
}

/// The spans of review sections: an item (or a heading) titled like
/// "Matters arising", to the next item or heading.
fn review_sections(text: &str, doc: &Document) -> Vec<Span> {
    let mut starts: Vec<usize> = doc.items.iter().filter(|i| is_review_heading(&i.title)).map(|i| i.heading_span.start).collect();
    starts.extend(
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading && is_review_heading(&clean(&text[b.text.clone()])))
            .map(|b| b.span.start),
    );
    let mut boundaries: Vec<usize> = doc.items.iter().map(|i| i.heading_span.start).collect();
    boundaries.extend(
        doc.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading && !status_line(&text[b.text.clone()]))
            .map(|b| b.span.start),
    );
    boundaries.sort_unstable();
    starts.sort_unstable();
    starts
        .into_iter()
        .map(|s| s..boundaries.iter().copied().find(|&b| b > s).unwrap_or(text.len()))
        .collect()
}

const REFERENCE: &str = r"[A-Za-z]{0,4}\d{1,6}(?:[./-]\d{1,6})*";

/// `[A12]` anywhere in the text.
fn bracketed_reference(body: &str) -> Option<String> {
    // most blocks hold no bracket: the pattern, whose Unicode `\d`s cost a
    // twentieth of a small file's check to compile, is compiled for one
    if !body.contains('[') {
        return None;
    }
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| Regex::new(&format!(r"\[({REFERENCE})\]")).unwrap());
    p.captures(body).and_then(|c| c.get(1)).map(|m| m.as_str().to_string())
}

/// `A12 – done`, `Action A12: …`: a reference written without brackets at
/// the start of an entry, or after the word "action".
fn bare_reference(body: &str) -> Option<String> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"(?:^(?:(?:Action|Ref\.?|Re:?)\s+)?|\b[Aa]ction\s+)([A-Z]{1,4}\d{1,6}(?:[./-]\d{1,6})*)\b").unwrap()
    });
    p.captures(body).and_then(|c| c.get(1)).map(|m| m.as_str().to_string())
}

/// Whether the block is a `Status: …` line.
fn status_line(body: &str) -> bool {
    body.trim_start().get(..7).is_some_and(|s| s.eq_ignore_ascii_case("status:"))
}

const WORDS: &str = r"(done|complete|completed|closed|actioned|discharged|achieved|finished|in\s+progress|on-?going|under\s*way|in\s+hand|progressing|carried\s+(?:forward|over)|c/f|deferred|outstanding|open|not\s+(?:yet\s+)?(?:done|started|complete|completed|actioned)|withdrawn|cancell?ed|no\s+longer\s+(?:required|needed))";

fn word_progress(w: &str) -> Option<Progress> {
    let w = w.to_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "done" | "complete" | "completed" | "closed" | "actioned" | "discharged" | "achieved" | "finished" => Progress::Done,
        "in progress" | "ongoing" | "on-going" | "underway" | "under way" | "in hand" | "progressing" => Progress::InProgress,
        "carried forward" | "carried over" | "c/f" | "deferred" => Progress::CarriedForward,
        "outstanding" | "open" => Progress::Outstanding,
        "withdrawn" | "cancelled" | "canceled" | "no longer required" | "no longer needed" => Progress::Withdrawn,
        _ if w.starts_with("not ") => Progress::Outstanding,
        _ => return None,
    })
}

/// Where a ticked box opens `s` ("- [x] Setup mailing list"): the entry is done.
pub fn ticked_box(s: &str) -> Option<usize> {
    let lead = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+')).len();
    (s[lead..].starts_with("[x]") || s[lead..].starts_with("[X]")).then_some(lead)
}

/// The progress a report states, and where: after `Status:`, alone in
/// brackets (`(complete)`), after a dash or colon at the end (`A12 –
/// done`), in "this action was completed", or "carried forward" anywhere.
/// A status word elsewhere in prose ("the work to be done") is not one.
pub fn progress(body: &str) -> Option<(Progress, Span)> {
    static P: OnceLock<[Regex; 5]> = OnceLock::new();
    let ps = P.get_or_init(|| {
        [
            Regex::new(&format!(r"(?i)\bstatus\s*[:\-–—]\s*{WORDS}\b")).unwrap(),
            Regex::new(&format!(r"(?i)\(\s*{WORDS}\s*\)")).unwrap(),
            Regex::new(&format!(r"(?i)(?:^|[–—:]|\s-)\s*{WORDS}\s*[.;!]?\s*$")).unwrap(),
            Regex::new(&format!(r"(?i)\b(?:action|this|it|which)\s+(?:was|is|has\s+been|had\s+been|is\s+now|was\s+now)\s+(?:now\s+)?{WORDS}\b")).unwrap(),
            Regex::new(r"(?i)\b(carried\s+(?:forward|over)|c/f)\b").unwrap(),
        ]
    });
    if let Some(at) = ticked_box(body) {
        return Some((Progress::Done, at..at + 3));
    }
    ps.iter().find_map(|p| {
        let m = p.captures(body)?.get(1)?;
        Some((word_progress(m.as_str())?, m.range()))
    })
}

/// "(set 14 November 2026)": the meeting that set the action.
fn set_on(body: &str) -> Option<Date> {
    static P: Pattern = Pattern::new(r"(?i)\bset\s+(?:on\s+|at\s+the\s+meeting\s+(?:of|on)\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2})");
    let p = &P;
    let m = p.captures(body)?.get(1)?;
    dates::parse(m.as_str(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(body: &str) -> Option<Progress> {
        progress(body).map(|(p, _)| p)
    }

    #[test]
    fn reads_progress_the_ways_clerks_write_it() {
        assert_eq!(report("A12 – done"), Some(Progress::Done));
        assert_eq!(report("Clerk had circulated the letter (complete)"), Some(Progress::Done));
        assert_eq!(report("Status: in progress"), Some(Progress::InProgress));
        assert_eq!(report("Bob Smith to write to the school – carried forward to the next meeting."), Some(Progress::CarriedForward));
        assert_eq!(report("The survey was under way: ongoing."), Some(Progress::InProgress));
        assert_eq!(report("It was reported that this action had been completed."), Some(Progress::Done));
        assert_eq!(report("A3: no longer required"), Some(Progress::Withdrawn));
        assert_eq!(report("A4 - not yet started"), Some(Progress::Outstanding));
    }

    #[test]
    fn status_words_in_prose_are_not_progress() {
        assert_eq!(report("Members noted the work still to be done on the park."), None);
        assert_eq!(report("The complete report was circulated."), None);
        assert_eq!(report("The office would be closed over Christmas"), None);
        assert_eq!(report("Status: …"), None);
    }

    #[test]
    fn reads_references() {
        assert_eq!(bracketed_reference("Further to [A12], the letter went"), Some("A12".into()));
        assert_eq!(bare_reference("A12 – done"), Some("A12".into()));
        assert_eq!(bare_reference("Action AP3.2 carried forward"), Some("AP3.2".into()));
        assert_eq!(bare_reference("The A12 road was resurfaced"), None);
    }

    #[test]
    fn review_headings() {
        for t in ["Matters arising", "MATTERS ARISING FROM THE MINUTES", "Actions from the last meeting", "Review of actions", "Outstanding actions", "Action log"] {
            assert!(is_review_heading(t), "{t}");
        }
        // the long s folds onto `s`, which neither word checked first holds
        assert!(is_review_heading("Matter\u{17f} arising"));
        for t in ["Actions", "Planning applications", "Minutes of the last meeting"] {
            assert!(!is_review_heading(t), "{t}");
        }
    }

    const SECOND: &str = "Date: 12 December 2026\n\n1. Matters arising\n\n1.1 A12 – done\n\n1.2 The Clerk had circulated the letter (complete)\n\n1.3 Bob Smith – write to the school (set 14 November 2026)\nStatus: in progress\n\n1.4 The survey of the park.\n\nStatus: carried forward\n\n2. Parks\n\nThe work to be done was noted.\n\nACTION: [A12] Ann James – circulate the letter again (carried forward)\n";

    #[test]
    fn reports_of_a_matters_arising_item() {
        let doc = Document::parse(SECOND);
        let got: Vec<(Option<&str>, Option<Progress>, Option<Date>)> =
            doc.reports.iter().map(|r| (r.reference.as_deref(), r.progress, r.set_on)).collect();
        assert_eq!(
            got,
            vec![
                (Some("A12"), Some(Progress::Done), None),
                (None, Some(Progress::Done), None),
                (None, Some(Progress::InProgress), Some(Date::constant(2026, 11, 14))),
                (None, Some(Progress::CarriedForward), None),
                (Some("A12"), Some(Progress::CarriedForward), None),
            ]
        );
        // the Status: line joins the entry it follows
        assert!(SECOND[doc.reports[2].span.clone()].ends_with("in progress\n") || SECOND[doc.reports[2].span.clone()].ends_with("in progress"));
    }
}
