//! Attendance written as a list under its label: "Attendees:" or a heading
//! "Participants", "People present (lines said)", "Regrets", then one
//! person a list item ("- Dana Scully (chair)", "* alice (23)"). The
//! grammar reads `Present: A, B, C` on one line; a list under the label is
//! read here, once the blocks are known.

use super::abbreviations::looks_like_initials;
use super::build::{clean, heading_line};
use super::commitments::is_nickname;
use super::*;
use crate::catalogue;

pub(super) fn analyse(text: &str, doc: &mut Document) {
    let mut people = Vec::new();
    let before = Before::new(doc);
    let mut items = doc.list_items.iter().peekable();
    while let Some(first) = items.next() {
        let list = first.list;
        let mut members = vec![first];
        while let Some(next) = items.next_if(|i| i.list == list) {
            members.push(next);
        }
        let attendance = label_before(text, doc, &before, first.span.start);
        for item in members {
            let body_start = item.marker_span.end.max(item.span.start);
            let body = &text[body_start..item.span.end];
            // "- Observers: TC, Santiago": a label, then the people it lists;
            // in any list, "* Meeting attendees: Dustin, Craig" by its label
            if let Some((label, names)) = labelled_names(body) {
                let Some(kind) = catalogue::attendance_label(label).map(attendance_of).or(attendance) else { continue };
                let mut at = body_start + label.len() + 1;
                for name in names.split([',', ';']) {
                    if let Some(p) = person(text, at..at + name.len(), kind) {
                        people.push(p);
                    }
                    at += name.len() + 1;
                }
                continue;
            }
            let Some(attendance) = attendance else { continue };
            if let Some(p) = person(text, body_start..item.span.end, attendance) {
                people.push(p);
            }
        }
    }
    doc.people.extend(people);
}

/// The attendance recorded by the label right before `at`: an attendance
/// line with nobody after its label, or a heading or a line of its own
/// naming attendance.
fn label_before(text: &str, doc: &Document, before: &Before, at: usize) -> Option<Attendance> {
    // "## Attendance" read as an item (or one made a sub-heading) right before the list
    let heading = before.heading(text, doc, at);
    if let Some(kind) = heading.and_then(|i| catalogue::attendance_label(&i.title)) {
        return Some(attendance_of(kind));
    }
    let block = before.block(doc, at)?;
    if !text[block.span.end..at].trim().is_empty() {
        return None;
    }
    let title = heading.map(|i| i.title.as_str());
    let written = match block.kind {
        BlockKind::Attendance if text[block.text.clone()].trim().is_empty() => &text[block.span.start..block.text.start],
        BlockKind::Attendance => return None,
        BlockKind::Heading | BlockKind::Paragraph => heading_line(&text[block.text.clone()])?.trim_start_matches('#').trim(),
        _ => return None,
    };
    let kind = catalogue::attendance_label(written).or_else(|| title.and_then(catalogue::attendance_label))?;
    Some(attendance_of(kind))
}

/// What comes right before a list, found by binary search: a look at
/// every item and block for every list grew with the square of the text.
struct Before {
    /// Where each item's heading ends, with the item's index, in order.
    heading_ends: Vec<(usize, usize)>,
    /// Whether the blocks are in text order (then a binary search finds
    /// those that start before a point).
    blocks_in_order: bool,
}

impl Before {
    fn new(doc: &Document) -> Before {
        let mut heading_ends: Vec<(usize, usize)> = doc.items.iter().enumerate().map(|(i, item)| (item.heading_span.end, i)).collect();
        heading_ends.sort_unstable();
        Before { heading_ends, blocks_in_order: doc.blocks.is_sorted_by_key(|b| b.span.start) }
    }

    /// The first item (in the document's order) whose heading ends right
    /// before `at`, with nothing but white space between.
    fn heading<'d>(&self, text: &str, doc: &'d Document, at: usize) -> Option<&'d AgendaItem> {
        // the headings that end in the white space before `at`
        let from = text[..at].trim_end().len();
        let first = self.heading_ends.partition_point(|&(end, _)| end < from);
        self.heading_ends[first..].iter().take_while(|&&(end, _)| end <= at).map(|&(_, i)| i).min().map(|i| &doc.items[i])
    }

    /// The last block that ends by `at`, of those before the first that
    /// starts at or after it.
    fn block<'d>(&self, doc: &'d Document, at: usize) -> Option<&'d Block> {
        if !self.blocks_in_order {
            return doc.blocks.iter().take_while(|b| b.span.start < at).filter(|b| b.span.end <= at).last();
        }
        doc.blocks[..doc.blocks.partition_point(|b| b.span.start < at)].iter().rev().find(|b| b.span.end <= at)
    }
}

fn attendance_of(kind: &str) -> Attendance {
    match kind {
        "apologies" => Attendance::Apologies,
        "absent" => Attendance::Absent,
        "in-attendance" => Attendance::InAttendance,
        _ => Attendance::Present,
    }
}

/// "Council: Josh, Mark, Eric Holk", "Apologies: Mara": a short label and
/// the names after it, set apart by commas (one name after an attendance
/// label).
fn labelled_names(body: &str) -> Option<(&str, &str)> {
    let (label, names) = body.split_once(':')?;
    let short_label = (1..=3).contains(&label.split_whitespace().count()) && label.trim_start().starts_with(char::is_uppercase);
    (short_label && (names.contains(',') || catalogue::attendance_label(label).is_some())).then_some((label, names))
}

/// One entry of an attendance list: "Dana Scully (chair)", "Fox Mulder –
/// Secretary", "alice (23)", "Walter Skinner, Treasurer". The name is one
/// to four capitalised words (or a chat nickname); what follows in
/// brackets or after a dash or comma is a role, or initials.
fn person(text: &str, span: Span, attendance: Attendance) -> Option<Person> {
    let written = text[span.clone()].trim();
    let lead = text[span.clone()].len() - text[span.clone()].trim_start().len();
    let cut = written.find(['(', ',', '–', '—', ':']).or_else(|| written.find(" - ")).unwrap_or(written.len());
    let name = written[..cut].trim();
    let rest = written[cut..].trim_start_matches(['(', ',', '–', '—', ':', '-', ' ']).trim_end_matches([')', ' ', '.']);
    let words: Vec<&str> = name.split_whitespace().collect();
    let nickname = words.len() == 1 && is_nickname(words[0]);
    let capitalised = (1..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c)));
    if !(nickname || capitalised) {
        return None;
    }
    let (role, initials) = if super::abbreviations::is_initials_name(name) && rest.is_empty() {
        (None, Some(name.to_string()))
    } else if rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit()) {
        (None, None)
    } else if looks_like_initials(rest) {
        (None, Some(rest.to_string()))
    } else {
        (Some(clean(rest)), None)
    };
    let start = span.start + lead;
    Some(Person { name: clean(name), role, initials, span: start..start + written.len(), attendance })
}

#[cfg(test)]
mod tests {
    use crate::syntax;

    fn people(text: &str) -> Vec<(String, Option<String>, super::Attendance)> {
        let tree = syntax::parse_text(text);
        let doc = super::Document::new(text, &tree);
        doc.people.into_iter().map(|p| (p.name, p.role, p.attendance)).collect()
    }

    #[test]
    fn a_list_under_an_attendance_label() {
        let found = people("Minutes of the meeting\n\nAttendees:\n- Dana Scully (chair)\n- fox\n\nRegrets:\n- Walter Skinner\n\n1. Budget\n\nThe budget was discussed.\n");
        assert_eq!(
            found,
            [
                ("Dana Scully".to_string(), Some("chair".to_string()), super::Attendance::Present),
                ("fox".to_string(), None, super::Attendance::Present),
                ("Walter Skinner".to_string(), None, super::Attendance::Apologies),
            ]
        );
    }

    #[test]
    fn a_list_under_a_heading_with_counts() {
        let found = people("Meeting summary\n\nPeople present (lines said)\n---------------------------\n* alice (23)\n* bob_w (12)\n");
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["alice", "bob_w"]);
        assert!(found.iter().all(|p| p.1.is_none()), "a count of lines said is not a role");
    }

    #[test]
    fn entries_that_label_several_people() {
        let text = "# 2024-06-21\n\n## Attendance\n\n- Council: Josh, Mark, Eric Holk\n- Observers: TC, Santiago\n- Apologies: Mara (RustFest)\n\n## Notes\n\nDone.\n";
        let found = people(text);
        let names: Vec<&str> = found.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Josh", "Mark", "Eric Holk", "TC", "Santiago", "Mara"]);
        assert_eq!(found[3].2, super::Attendance::InAttendance);
        assert_eq!(found[5].2, super::Attendance::Apologies);
        let tree = syntax::parse_text(text);
        let doc = super::Document::new(text, &tree);
        assert_eq!(doc.people[3].initials.as_deref(), Some("TC"), "a person named by initials");
    }

    #[test]
    fn other_lists_name_nobody() {
        let found = people("Meeting summary\n\nThe clerk reported:\n- Grass cutting\n- Dog bins\n\nTopics\n- Budget Review\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
