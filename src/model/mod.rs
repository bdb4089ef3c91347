//! The document model: what one minutes file says, as plain data with byte
//! ranges into its text.
//!
//! [`Document::new`] reads a syntax tree in one pass and then runs the
//! analyses that need more than one node (abbreviation uses, items that
//! start mid-line, decisions written inline, action sections, commitments).
//! It never fails and does no I/O; rules and editor features read it.

mod abbreviations;
mod actions;
mod attendance;
mod build;
pub mod commitments;
pub mod dates;
mod inline;
mod memo;
mod pattern;
pub mod reports;
pub mod scheme;
pub mod sentences;
mod structure;
pub mod suppressions;

use std::ops::Range;

pub use abbreviations::{find_long_form, LongForms};
pub use build::rendered;
pub use memo::Memo;
pub use dates::{Date, DateProblem};
pub use reports::{Progress, StatusReport};
pub use suppressions::Suppression;

/// A byte range into the document's text.
pub type Span = Range<usize>;

/// Everything the model knows about one minutes file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub meeting: Meeting,
    pub people: Vec<Person>,
    pub abbreviations: Vec<Abbreviation>,
    pub abbreviation_uses: Vec<AbbreviationUse>,
    pub items: Vec<AgendaItem>,
    pub numbered_paragraphs: Vec<NumberedParagraph>,
    pub list_items: Vec<ListItem>,
    pub resolved_blocks: Vec<ResolvedBlock>,
    pub actions: Vec<Action>,
    /// The clerk's references to actions: `[A12]` after an action marker.
    pub references: Vec<ActionReference>,
    /// What this document says about actions of earlier meetings.
    pub reports: Vec<StatusReport>,
    pub labels: Vec<Span>,
    pub signature: Option<Span>,
    pub page_breaks: Vec<PageBreak>,
    /// The numbering scheme of the document's items, learnt from its first
    /// numbered items.
    pub numbering: Option<scheme::Scheme>,
    /// Where the parser recovered from text it could not read (an ERROR or
    /// MISSING node, or text no node holds). The text there is still read,
    /// as paragraphs.
    pub recoveries: Vec<Span>,
    /// Prose blocks (paragraphs, list items, resolutions…) in text order:
    /// what the inline analyses read.
    pub blocks: Vec<Block>,
    /// Comment lines (`<!-- … -->`), in text order.
    pub comments: Vec<Span>,
    /// The comments that silence rules (`<!-- minutes: ignore M201 -->`).
    pub suppressions: Vec<Suppression>,
}

#[derive(Clone, Debug, Default)]
pub struct Meeting {
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub date: Option<Date>,
    pub date_span: Option<Span>,
}

/// Whether someone was there, sent apologies, or attended as an officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attendance {
    Present,
    Apologies,
    InAttendance,
    Absent,
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub initials: Option<String>,
    pub span: Span,
    pub attendance: Attendance,
}

/// How an abbreviation was defined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefinitionForm {
    /// `Director of Children’s Services (DCS)`
    LongShort,
    /// `MASH (Multi Agency Safeguarding Hub)`
    ShortLong,
    /// `Mark Wardle (MW)` in an attendance list
    Attendance,
}

#[derive(Clone, Debug)]
pub struct Abbreviation {
    pub short: String,
    /// The long form, when it could be read: for `(SHORT)` it is the words
    /// before the bracket whose capitals spell the short form.
    pub long: Option<String>,
    pub span: Span,
    pub long_span: Option<Span>,
    pub form: DefinitionForm,
}

#[derive(Clone, Debug)]
pub struct AbbreviationUse {
    /// The short form as defined: `PI` for `PIs`, `YA` for `YA’s`.
    pub short: String,
    pub span: Span,
    /// In running prose, rather than a table row, a line in capitals or a
    /// name ("K&M Lighting Services").
    pub prose: bool,
}

/// How an agenda item was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemForm {
    /// `1. Title`, `26/19 Title`, `Item 4: Title`, `## Title`
    Numbered,
    /// `Agenda item` then the title on its own line
    Marker,
    /// A short line set off by blank lines, in minutes with no numbered items
    Heading,
    /// `… accepted by all. 4. DECLARATIONS OF INTEREST …`
    MidLine,
}

#[derive(Clone, Debug)]
pub struct AgendaItem {
    pub number: Option<String>,
    pub title: String,
    pub heading_span: Span,
    pub title_span: Option<Span>,
    /// From the heading to the next item.
    pub span: Span,
    pub form: ItemForm,
    /// The number read into its scheme (`None` for unnumbered items).
    pub numbering: Option<scheme::ItemNumber>,
}

#[derive(Clone, Debug)]
pub struct NumberedParagraph {
    pub number: String,
    pub number_span: Span,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct ListItem {
    /// `None` where a PDF lost the bullet glyph.
    pub marker: Option<String>,
    pub marker_span: Span,
    pub span: Span,
    /// Which list of the document it belongs to (items of one list share it).
    pub list: usize,
}

#[derive(Clone, Debug)]
pub struct ResolvedBlock {
    pub marker: String,
    pub marker_span: Span,
    pub span: Span,
    pub resolutions: Vec<Resolution>,
    /// Written inside prose ("It was AGREED that …"), not as a block.
    pub inline: bool,
}

#[derive(Clone, Debug)]
pub struct Resolution {
    pub marker: Option<String>,
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ActionKind {
    /// Written with a marker: `ACTION:`, `(Action – …)`, an action section.
    Explicit,
    /// A commitment found in prose.
    Implied,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    pub name: String,
    /// Where the owner is written; `None` when inferred (a pronoun).
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub text: String,
    pub span: Span,
    /// The date, resolved against the meeting date; `None` for "in due
    /// course", "at the next meeting" or a date that cannot be read.
    pub date: Option<Date>,
    pub vague: bool,
    pub problem: Option<DateProblem>,
}

#[derive(Clone, Debug)]
pub struct Action {
    pub owners: Vec<Owner>,
    pub task: String,
    pub due: Option<Due>,
    /// The whole action (the marker, the line, or the committing sentence).
    pub span: Span,
    pub kind: ActionKind,
    /// Where an owner could be written: after `(Action` or `ACTION:`, or at
    /// the end of the sentence for an implied action.
    pub owner_slot: usize,
    /// The inserted text that completes `owner_slot` (e.g. " – " after
    /// "(Action"), for the "add owner" fix.
    pub owner_slot_prefix: &'static str,
    /// The reading may be wrong (an imperative list entry outside an action
    /// section, a "let's"): rules report what it lacks as a hint.
    pub tentative: bool,
}

/// `[A12]` after `ACTION:` or `(Action`: the clerk's short reference to
/// an action, which later minutes report on ("A12 – done").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionReference {
    /// As written inside the brackets: `A12`.
    pub id: String,
    /// The reference with its brackets.
    pub span: Span,
    /// The action line or marker it belongs to.
    pub container: Span,
}

/// A blank run inside a paragraph before a line that starts in lower case:
/// a page break of the PDF the text came from.
#[derive(Clone, Debug)]
pub struct PageBreak {
    pub span: Span,
    /// The paragraph it splits.
    pub paragraph: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    NumberedParagraph,
    ListItem,
    Resolution,
    ActionLine,
    Heading,
    Attendance,
}

/// A block of prose, with the span of its text (after any marker).
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    pub text: Span,
}

impl Document {
    /// Where each heading naming a part of the minutes starts ("## Agenda",
    /// "## Notes"): a part may number its items afresh.
    pub fn part_heading_starts(&self, text: &str) -> Vec<usize> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading && crate::catalogue::is_part_heading(text[b.text.clone()].trim_matches(|c: char| c == '#' || c == '*' || c.is_whitespace())))
            .map(|b| b.span.start)
            .collect()
    }
}

/// Spans asked, for each block of a document, whether one of them holds a
/// point, overlaps a range or holds it: one binary search a question, where
/// a look at every span for every block grew with the square of the text
/// (a 10 MB file of minutes has thousands of each).
pub(super) struct Reach {
    starts: Vec<usize>,
    /// The furthest end of the spans up to each start, in order of start.
    ends: Vec<usize>,
}

impl Reach {
    pub(super) fn new(spans: impl IntoIterator<Item = Span>) -> Reach {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let ends = spans.iter().map(|s| {
            furthest = furthest.max(s.end);
            furthest
        });
        Reach { ends: ends.collect(), starts: spans.iter().map(|s| s.start).collect() }
    }

    /// The furthest end of the spans whose start passes `starts`.
    fn furthest(&self, starts: impl Fn(usize) -> bool) -> Option<usize> {
        self.starts.partition_point(|&s| starts(s)).checked_sub(1).map(|i| self.ends[i])
    }

    /// Whether a span holds `at`.
    pub(super) fn holds(&self, at: usize) -> bool {
        self.furthest(|s| s <= at).is_some_and(|end| end > at)
    }

    /// Whether a span overlaps `range`.
    pub(super) fn overlaps(&self, range: &Span) -> bool {
        self.furthest(|s| s < range.end).is_some_and(|end| end > range.start)
    }

    /// Whether a span holds all of `range`.
    pub(super) fn contains(&self, range: &Span) -> bool {
        self.furthest(|s| s <= range.start).is_some_and(|end| end >= range.end)
    }
}

/// The column `at` is written in (bytes from the start of its line).
pub(super) fn column(text: &str, at: usize) -> usize {
    at - text[..at].rfind('\n').map_or(0, |i| i + 1)
}

impl Document {
    /// Reads a parsed minutes file.
    pub fn new(text: &str, tree: &tree_sitter::Tree) -> Document {
        Document::read(text, tree, None)
    }

    /// [`Document::new`] for a caller that reads one document version
    /// after version and keeps `memo` between them: the same document,
    /// with what unchanged blocks hold taken from the memo.
    pub fn with_memo(text: &str, tree: &tree_sitter::Tree, memo: &mut Memo) -> Document {
        Document::read(text, tree, Some(memo))
    }

    fn read(text: &str, tree: &tree_sitter::Tree, mut memo: Option<&mut Memo>) -> Document {
        let mut doc = build::from_tree(text, tree);
        attendance::analyse(text, &mut doc);
        structure::analyse(text, &mut doc);
        inline::analyse(text, &mut doc, memo.as_deref_mut());
        abbreviations::analyse(text, &mut doc, memo.as_deref_mut());
        actions::analyse(text, &mut doc, memo.as_deref_mut());
        if let Some(memo) = memo {
            memo.end();
        }
        reports::analyse(text, &mut doc);
        doc.finish();
        // only a numeric date (12/1/2026) is read differently by order: the
        // whole text is read for its order only when the meeting or a due date is one
        let numeric = |span: &Span| text.get(span.clone()).is_some_and(|t| t.contains(['/', '.']) && t.contains(|c: char| c.is_ascii_digit()));
        let depends = doc.meeting.date_span.as_ref().is_some_and(numeric) || doc.actions.iter().filter_map(|a| a.due.as_ref()).any(|d| numeric(&d.span));
        if depends && dates::infer_order(text) == Some(dates::DateOrder::MonthDay) {
            doc.set_date_order(text, dates::DateOrder::MonthDay);
        }
        suppressions::analyse(text, &mut doc);
        doc
    }

    /// Parses and reads `text`.
    pub fn parse(text: &str) -> Document {
        Document::new(text, &crate::syntax::parse_text(text))
    }

    /// Reads numeric dates (`12/1/2026`) in `order` instead of day first:
    /// the meeting date and the due dates are read again.
    pub fn set_date_order(&mut self, text: &str, order: dates::DateOrder) {
        if let Some(span) = self.meeting.date_span.clone() {
            if let Some(d) = text.get(span).and_then(|t| dates::read_in(t, order)).and_then(|w| dates::resolve(w, None).ok()) {
                self.meeting.date = Some(d);
            }
        }
        self.resolve_due_dates(order);
    }

    fn finish(&mut self) {
        self.resolve_due_dates(dates::DateOrder::DayMonth);
        self.sort_and_close_items();
    }

    fn resolve_due_dates(&mut self, order: dates::DateOrder) {
        // due dates written without a year take the meeting's
        let meeting = self.meeting.date;
        for due in self.actions.iter_mut().filter_map(|a| a.due.as_mut()) {
            if due.vague {
                continue;
            }
            let Some(written) = dates::date_part(&due.text).and_then(|t| dates::read_in(t, order)) else {
                due.date = None;
                continue;
            };
            match dates::resolve(written, meeting) {
                Ok(d) => {
                    due.date = Some(d);
                    due.problem = None;
                }
                Err(DateProblem::Impossible) => {
                    due.date = None;
                    due.problem = Some(DateProblem::Impossible);
                }
                // no year, and no meeting date to take one from
                Err(DateProblem::Unreadable) => due.date = None,
            }
        }
    }

    fn sort_and_close_items(&mut self) {
        self.items.sort_by_key(|i| i.heading_span.start);
        let ends: Vec<usize> = self.items.iter().skip(1).map(|i| i.heading_span.start).collect();
        let len = self.blocks.iter().map(|b| b.span.end).max().unwrap_or(0);
        for (i, item) in self.items.iter_mut().enumerate() {
            item.span.end = ends.get(i).copied().unwrap_or(len.max(item.span.end));
        }
        self.resolved_blocks.sort_by_key(|b| b.span.start);
        self.actions.sort_by_key(|a| (a.span.start, a.kind));
    }

    /// The index of the agenda item holding `offset`.
    pub fn item_at(&self, offset: usize) -> Option<usize> {
        // items are sorted by where their heading starts
        self.items.partition_point(|i| i.heading_span.start <= offset).checked_sub(1)
    }

    /// The clerk's reference of an action, when one is written.
    pub fn reference_of(&self, action: &Action) -> Option<&ActionReference> {
        self.references.iter().find(|r| r.container.start <= action.span.start && action.span.end <= r.container.end)
    }

    /// The definition of an abbreviation, by its short form.
    pub fn definition(&self, short: &str) -> Option<&Abbreviation> {
        self.abbreviations.iter().find(|a| a.short == short)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_answers_as_a_look_at_every_span() {
        // every set of up to three spans within 0..5, empty ones and overlaps included
        let all: Vec<Span> = (0..5).flat_map(|s| (s..5).map(move |e| s..e)).collect();
        let mut sets: Vec<Vec<Span>> = vec![Vec::new()];
        for _ in 0..3 {
            sets = sets.iter().flat_map(|set| all.iter().map(move |s| [set.clone(), vec![s.clone()]].concat())).collect();
        }
        for spans in sets {
            let reach = Reach::new(spans.clone());
            for r in &all {
                assert_eq!(reach.holds(r.start), spans.iter().any(|s| s.start <= r.start && r.start < s.end), "{spans:?} hold {}", r.start);
                assert_eq!(reach.overlaps(r), spans.iter().any(|s| s.start < r.end && r.start < s.end), "{spans:?} overlap {r:?}");
                assert_eq!(reach.contains(r), spans.iter().any(|s| s.start <= r.start && r.end <= s.end), "{spans:?} contain {r:?}");
            }
        }
    }
}
