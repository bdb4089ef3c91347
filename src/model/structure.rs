//! Agenda items by the shape of the document.
//!
//! The grammar marks every line that could head an item. This pass reads
//! them as the document writes them: the Markdown level that holds its
//! items, the numbering scheme of its first items (see [`super::scheme`]),
//! and then each later candidate against them. Headings in another scheme
//! are sub-headings of their item; numbered paragraphs and list items that
//! continue the items' sequence in the items' scheme are items ("3. Finance
//! – the clerk reported …", "4. Apologies."); so are numbers that start in
//! the middle of a line after a sentence, and minute numbers that lost
//! their slash ("13117" for "131/17"). An item marker alone on its line
//! takes its title from the line below when that line reads as one.

use std::sync::OnceLock;

use regex::Regex;

use super::pattern::Pattern;

use super::build::{clean, run_in_title};
use super::sentences;
use super::scheme::{self, ItemNumber, Scheme};
use std::collections::HashSet;

use super::*;

pub(super) fn analyse(text: &str, doc: &mut Document) {
    doc.items.sort_by_key(|i| i.heading_span.start);
    demote_nested_in_lists(text, doc);
    markdown_level(text, doc);
    let learnt = {
        let numbers: Vec<&ItemNumber> = doc.items.iter().filter_map(|i| i.numbering.as_ref()).collect();
        scheme::learn(numbers.iter().copied())
    };
    // no numbered heading at all: a top-level run "1. Apologies: None
    // received." "2. Minutes: Approved." "3. …" is the items
    let learnt = learnt.or_else(|| first_item_of_a_run(text, doc));
    let learnt = outer_numbering(doc, learnt);
    doc.numbering = learnt;
    if let Some(scheme) = learnt {
        title_heading(text, doc, scheme);
        headings_before_the_agenda(doc, scheme);
        demote_other_schemes(text, doc, scheme);
        demote_deeper_numbers(doc, scheme);
        demote_restarted_runs(doc);
        demote_list_continuations(text, doc);
        promote_sequence(text, doc, scheme);
        mid_line_items(text, doc, scheme);
    }
    titles_below(text, doc);
    timed_entries(text, doc);
    doc.items.sort_by_key(|i| i.heading_span.start);
}

/// A run sheet: list entries that open with the time they were taken
/// ("- 11:05–11:20 Treasurer's report, Jon Chang", "- 13:10 Meeting
/// adjourned") are the items, where there are more of them than of
/// other items; the headings over them ("### Reports") group them.
fn timed_entries(text: &str, doc: &mut Document) {
    static P: Pattern = Pattern::new(r"^(?:\d{4}-\d{2}-\d{2}[ T]+)?\d{1,2}:\d{2}(?:[ \u{a0}]*(?:[-–—]|to)[ \u{a0}]*\d{1,2}:\d{2}|[-+]\d{4})?(?:[ \u{a0}]*(?:am|pm|a\.m\.|p\.m\.))?[ \u{a0}]+(?P<title>\S[^\n]*)");
    let p = &P;
    let timed: Vec<(Span, Span)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem && column(text, b.span.start) <= 1 && text[b.text.clone()].starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|b| {
            let c = p.captures(&text[b.text.clone()])?;
            let title = c.name("title")?;
            Some((b.text.start..b.text.start + title.end(), b.text.start + title.start()..b.text.start + title.end()))
        })
        .collect();
    if timed.len() < 3 || timed.len() <= doc.items.len() {
        return;
    }
    demote(doc, |_| true);
    for (heading, title) in timed {
        doc.items.push(AgendaItem {
            number: None,
            title: clean(&text[title.clone()]),
            heading_span: heading.clone(),
            title_span: Some(title),
            span: heading,
            form: ItemForm::Heading,
            numbering: None,
        });
    }
}

/// Numbered headings indented under a list entry ("* Finance" / "    *
/// Update:" / "        2. Mailing list created: …"): entries of that list
/// written with numbers, not agenda items.
fn demote_nested_in_lists(text: &str, doc: &mut Document) {
    let indent = |at: usize| {
        let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        text[start..].chars().take_while(|c| matches!(c, ' ' | '\t' | '\u{a0}')).map(|c| if c == '\t' { 4 } else { 1 }).sum::<usize>()
    };
    let nested: Vec<usize> = doc
        .items
        .iter()
        .map(|item| item.heading_span.start)
        .filter(|&at| {
            let depth = indent(at);
            // the nearest block before it indented less is a list entry
            depth >= 4 && doc.blocks.iter().filter(|b| b.span.end <= at && indent(b.span.start) < depth).max_by_key(|b| b.span.end).is_some_and(|b| b.kind == BlockKind::ListItem)
        })
        .collect();
    demote_to_entries(doc, |item| nested.contains(&item.heading_span.start));
}

/// The first of a run of numbered paragraphs (or `1)` list items) at the
/// start of their lines, numbered 1, 2, 3 and each opening with a title,
/// made an item; its scheme then promotes the rest of the run. A run that
/// does not start at 1 or stops before 3 is a list, not the agenda.
fn first_item_of_a_run(text: &str, doc: &mut Document) -> Option<Scheme> {
    let at_line_start = |at: usize| text[..at].rfind('\n').map_or(at, |n| at - n - 1) == 0;
    let value = |written: &str| scheme::read(written).filter(|n| matches!(n.scheme, Scheme::Dot | Scheme::Paren)).and_then(|n| n.value);
    let paragraphs = doc.numbered_paragraphs.iter().map(|p| (p.span.clone(), p.number_span.clone(), p.number.as_str(), Scheme::Dot));
    let list_items = doc.list_items.iter().filter_map(|l| Some((l.span.clone(), l.marker_span.clone(), l.marker.as_deref().filter(|m| m.trim().ends_with(')'))?, Scheme::Paren)));
    let mut candidates: Vec<_> = paragraphs.chain(list_items).collect();
    candidates.sort_by_key(|c| c.0.start);
    let firsts: Vec<(usize, Scheme)> = candidates.iter().filter(|c| value(c.2) == Some(1) && at_line_start(c.0.start)).map(|c| (c.0.start, c.3)).collect();
    for (span, number, written, scheme) in candidates.iter().cloned() {
        if value(written) != Some(1) || !at_line_start(span.start) {
            continue;
        }
        // "Agenda: 1) Quorum 2) Secretary …" one line each, then "1) A
        // quorum was confirmed. …": the printed agenda is not the minutes
        let second = candidates.iter().find(|c| c.0.start > span.start && value(c.2) == Some(2));
        let printed = second.is_some_and(|c| !text[span.start..c.0.start].contains("\n\n"));
        if printed && firsts.iter().any(|(at, s)| *at > span.start && *s == scheme) {
            continue;
        }
        let later: Vec<u32> = doc
            .numbered_paragraphs
            .iter()
            .map(|p| (p.span.start, p.number.as_str()))
            .chain(doc.list_items.iter().filter_map(|l| Some((l.span.start, l.marker.as_deref()?))))
            .filter(|(s, _)| *s > span.start && at_line_start(*s))
            .filter_map(|(_, w)| value(w))
            .collect();
        if !(later.contains(&2) && later.contains(&3)) {
            continue;
        }
        let block = doc.blocks.iter().find(|b| b.span.start == span.start)?;
        let (title, title_span) = title_in(text, block.text.clone()).or_else(|| first_sentence(text, block.text.clone()))?;
        doc.items.push(AgendaItem {
            number: Some("1".into()),
            title,
            heading_span: number.start..title_span.end,
            title_span: Some(title_span),
            span: span.clone(),
            form: ItemForm::Numbered,
            numbering: scheme::read(written),
        });
        return Some(scheme);
    }
    None
}

/// The scheme of the items when more than one numbers headings: a scheme
/// that starts again at 1 under items of another ("IV. PRESENTATION" over
/// "1. Correspondence", "2. Update …", then "V. OLD BUSINESS" over "1. …"
/// again) is that other's sub-level, whichever was seen first; and a
/// numbered agenda outranks fewer Markdown headings that only frame it.
fn outer_numbering(doc: &Document, learnt: Option<Scheme>) -> Option<Scheme> {
    let numbered: Vec<(Scheme, Option<u32>)> = doc.items.iter().filter_map(|i| i.numbering.as_ref()).map(|n| (n.scheme, n.value)).collect();
    let count = |s: Scheme| numbered.iter().filter(|(x, _)| *x == s).count();
    // restarted at 1 right after an item of another numbered scheme, more than once
    let nested = |s: Scheme| {
        let first = numbered.iter().position(|(x, _)| *x == s).unwrap_or(numbered.len());
        let restarts: Vec<usize> = (first + 1..numbered.len()).filter(|&k| numbered[k] == (s, Some(1))).collect();
        restarts.len() >= 2 && restarts.iter().all(|&k| numbered[k - 1].0 != s && !matches!(numbered[k - 1].0, Scheme::Markdown(_)))
    };
    let mut schemes: Vec<Scheme> = Vec::new();
    for (s, _) in &numbered {
        if !matches!(s, Scheme::Markdown(_)) && !schemes.contains(s) {
            schemes.push(*s);
        }
    }
    let best = schemes.iter().copied().filter(|&s| count(s) >= 3 && !nested(s)).max_by_key(|&s| count(s));
    // "### 1. Updates", "### 2. Election": headings that number themselves
    // are the numbered agenda; a numbered run under one of them ("###
    // Actions" over "1. BC to issue …") is a list in that item
    match (learnt, best) {
        (Some(Scheme::Markdown(level)), Some(b)) if count(b) > count(Scheme::Markdown(level)) && !self_numbered(doc, level) => Some(b),
        (Some(l), Some(b)) if l != b && !matches!(l, Scheme::Markdown(_)) && nested(l) => Some(b),
        _ => learnt,
    }
}

/// Whether the Markdown headings of `level` number themselves ("### 1.
/// Updates", "### 2. Election"), counting on at least once.
fn self_numbered(doc: &Document, level: u8) -> bool {
    let values: Vec<Option<u32>> = doc.items.iter().filter_map(|i| i.numbering.as_ref()).filter(|n| n.scheme == Scheme::Markdown(level)).map(|n| n.value).collect();
    values.windows(2).any(|p| p[0].is_some_and(|v| p[1] == Some(v + 1)))
}

/// Markdown headings above the first numbered item ("## Regular Board
/// Meeting", "### Approved Minutes" over "I. Call to Order"): the
/// document's heading block, not items.
fn headings_before_the_agenda(doc: &mut Document, scheme: Scheme) {
    if matches!(scheme, Scheme::Markdown(_)) {
        return;
    }
    let Some(first) = doc.items.iter().find(|i| i.numbering.as_ref().is_some_and(|n| compatible(n.scheme, scheme))).map(|i| i.heading_span.start) else { return };
    demote(doc, |i| i.heading_span.start < first && i.numbering.as_ref().is_some_and(|n| matches!(n.scheme, Scheme::Markdown(_))));
}

/// Minute numbers carry a year in both of these; a document may write the
/// first with "Minute" and the rest without.
fn compatible(a: Scheme, b: Scheme) -> bool {
    a == b || matches!((a, b), (Scheme::Minute, Scheme::NumberYear) | (Scheme::NumberYear, Scheme::Minute))
}

/// Markdown headings: the items are the headings of one level, the
/// shallowest level at which at least half the headings have something of
/// their own under them (a level whose headings only group deeper ones,
/// "## Agenda:" over "### Topic", holds groups; a level used once, at the
/// top, is the document's title). Deeper headings are sub-headings.
fn markdown_level(text: &str, doc: &mut Document) {
    let level_of = |i: &AgendaItem| match i.numbering.as_ref().map(|n| n.scheme) {
        Some(Scheme::Markdown(l)) => Some(l),
        _ => None,
    };
    let mut levels: Vec<u8> = doc.items.iter().filter_map(level_of).collect();
    levels.sort_unstable();
    levels.dedup();
    if levels.is_empty() {
        return;
    }
    // where each heading (item or not) starts, to see what lies under one
    let mut heading_starts: Vec<usize> = doc.items.iter().map(|i| i.heading_span.start).collect();
    heading_starts.extend(doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| b.span.start));
    heading_starts.sort_unstable();
    let has_own_content = |item: &AgendaItem| {
        let next = heading_starts.iter().copied().find(|&s| s > item.heading_span.start).unwrap_or(text.len());
        doc.blocks.iter().any(|b| {
            b.kind != BlockKind::Heading && b.span.start >= item.heading_span.end && b.span.start < next && !text[b.text.clone()].trim().is_empty()
        })
    };
    // "## Agenda", "## Attendees", "## Action items", "## Minutes": parts
    // of the minutes, not topics; a level of nothing else holds no items
    let part = |i: &AgendaItem| is_part(&i.title) || parts_listed(&i.title);
    let mut chosen = None;
    for &level in &levels {
        let at_level: Vec<&AgendaItem> = doc.items.iter().filter(|i| level_of(i) == Some(level)).collect();
        if at_level.iter().all(|i| part(i)) {
            continue;
        }
        let first_item = doc.items.first().map(|i| i.heading_span.start);
        // a level used once, for the first heading of the file, is its title
        if at_level.len() == 1 && Some(at_level[0].heading_span.start) == first_item {
            continue;
        }
        // one or two headings above everything deeper ("# Org", "# Board
        // minutes — date", or "## 2 October 2018 / Library" under the
        // title) head the document, not its items
        let deeper: Vec<usize> =
            doc.items.iter().filter(|i| level_of(i).is_some_and(|l| l > level)).map(|i| i.heading_span.start).collect();
        let last_here = at_level.iter().map(|i| i.heading_span.start).max().unwrap_or(0);
        if at_level.len() <= 2 && deeper.len() >= 3 && deeper.iter().all(|&d| d > last_here) {
            continue;
        }
        let own = at_level.iter().filter(|i| has_own_content(i)).count();
        if own * 2 >= at_level.len() {
            chosen = Some(level);
            break;
        }
    }
    // "## Action items", "## Actions": the heading of a register, not an
    // item; "## Agenda" over a list of the items is the agenda itself
    // a part among topics keeps its place ("## Attendance" as the first of
    // an AGM's sections); where the headings of a level are all parts, or
    // no level holds items, none is an item
    let topics_at = |l: u8| doc.items.iter().any(|i| level_of(i) == Some(l) && !part(i));
    // with no level of items, a heading alone at its level at the top is the title
    let first = doc.items.first().map(|i| (i.heading_span.start, level_of(i)));
    let title = |i: &AgendaItem| {
        chosen.is_none() && first == Some((i.heading_span.start, level_of(i))) && doc.items.iter().filter(|j| level_of(j) == level_of(i)).count() == 1
    };
    let out = |i: &AgendaItem| {
        super::inline::is_register_heading(&i.title) || is_agenda_heading(&i.title) || part(i) && (chosen.is_none() || !level_of(i).is_some_and(topics_at)) || title(i)
    };
    let demoted: HashSet<usize> = doc
        .items
        .iter()
        .filter(|i| {
            // "# 9\. Next steps" keeps its place in the numbered run
            let in_run = chosen.is_some() && i.numbering.as_ref().is_some_and(|n| n.value.is_some() && n.prefix.is_empty());
            !level_of(i).is_none_or(|l| Some(l) == chosen.or(Some(l)) && (in_run || !out(i)))
        })
        .map(|i| i.heading_span.start)
        .collect();
    demote(doc, |i| demoted.contains(&i.heading_span.start));
}


/// A heading that names a part of the minutes or a register of actions or
/// decisions.
fn is_part(title: &str) -> bool {
    crate::catalogue::is_part_heading(title) || super::inline::is_register_heading(title)
}

/// "Short Version / Decisions / Action Items / Important Links": a heading
/// that lists the parts under it, two of them at least, is a part too.
fn parts_listed(title: &str) -> bool {
    let pieces: Vec<&str> = title.split(['/', '|', ',', '&']).map(str::trim).filter(|p| !p.is_empty()).collect();
    pieces.len() >= 2 && pieces.iter().filter(|p| is_part(p)).count() >= 2
}

/// "Agenda", "Order of business": the heading of the agenda, not one of its
/// items.
pub(super) fn is_agenda_heading(title: &str) -> bool {
    let t = title.trim().trim_end_matches(':').trim().to_lowercase();
    t == "agenda" || t == "order of business"
}

/// The Markdown heading that opens a document whose items are numbered in
/// another way ("# Steering Group Meeting #3" over "1\. Welcome", "2\.
/// Actions"): the document's title, not an item.
fn title_heading(text: &str, doc: &mut Document, scheme: Scheme) {
    let Some(first) = doc.items.first() else { return };
    if matches!(scheme, Scheme::Markdown(_)) {
        // "# CSAF TC Meeting #13" over "# 1\. Call to Order", "# 2\. Roll
        // call": the one unnumbered heading first is the document's title
        let numbered = |i: &AgendaItem| i.numbering.as_ref().is_some_and(|n| n.scheme == scheme && n.value.is_some());
        let first_unnumbered = first.numbering.as_ref().is_some_and(|n| n.scheme == scheme) && !numbered(first);
        if first_unnumbered && doc.items[1..].iter().filter(|i| numbered(i)).count() >= 2 && text[..first.heading_span.start].trim().is_empty() {
            let item = doc.items.remove(0);
            as_sub_headings(doc, vec![item]);
        }
        return;
    }
    let Some(Scheme::Markdown(level)) = first.numbering.as_ref().map(|n| n.scheme) else { return };
    let alone = !doc.items[1..].iter().any(|i| i.numbering.as_ref().is_some_and(|n| n.scheme == Scheme::Markdown(level)));
    if alone && text[..first.heading_span.start].trim().is_empty() {
        let item = doc.items.remove(0);
        as_sub_headings(doc, vec![item]);
    }
}

/// The items `demoted` picks out made sub-headings of the items they are in.
fn demote(doc: &mut Document, demoted: impl Fn(&AgendaItem) -> bool) {
    demote_as(doc, demoted, None);
}

/// The items `entries` picks out made numbered entries of the list they
/// are in: no heading of anything, so nothing later reads them as one.
fn demote_to_entries(doc: &mut Document, entries: impl Fn(&AgendaItem) -> bool) {
    demote_as(doc, entries, Some(BlockKind::NumberedParagraph));
}

/// The items `picked` picks out taken from the items, as sub-headings, or
/// as blocks of `kind` where one is given.
fn demote_as(doc: &mut Document, picked: impl Fn(&AgendaItem) -> bool, kind: Option<BlockKind>) {
    let (out, keep): (Vec<AgendaItem>, Vec<AgendaItem>) = std::mem::take(&mut doc.items).into_iter().partition(|i| picked(i));
    doc.items = keep;
    // one block pushed at the end for each
    let count = out.len();
    as_sub_headings(doc, out);
    if let Some(kind) = kind {
        let first = doc.blocks.len() - count;
        for b in &mut doc.blocks[first..] {
            b.kind = kind;
        }
    }
}

/// Item headings that are not items: sub-headings of the items they are in
/// — or, when prose runs on after a heading's first words on the same line
/// ("1. BC to issue all applications …", which the grammar split into a
/// title and a run-in paragraph), numbered paragraphs, read whole. One pass
/// over the blocks for them all: a long document demotes thousands.
fn as_sub_headings(doc: &mut Document, items: Vec<AgendaItem>) {
    if items.is_empty() {
        return;
    }
    let text_of = |i: &AgendaItem| i.title_span.clone().unwrap_or(i.heading_span.clone());
    // where each title ends, to meet the paragraph that runs on after it
    let mut ends: Vec<(usize, usize)> = items.iter().enumerate().map(|(k, i)| (text_of(i).end, k)).collect();
    // the run-in paragraph is part of the heading the grammar read
    let heading_ends: Vec<usize> = items.iter().map(|i| i.span.end).collect();
    ends.sort_unstable();
    let mut run_in: Vec<Option<Block>> = vec![None; items.len()];
    doc.blocks.retain(|b| {
        if b.kind != BlockKind::Paragraph {
            return true;
        }
        // the nearest title ending before the paragraph, on its line
        let at = ends.partition_point(|(end, _)| *end < b.span.start);
        let Some(&(end, k)) = at.checked_sub(1).map(|a| &ends[a]) else { return true };
        let same_line = b.span.start < heading_ends[k] && b.text.start > end;
        if same_line && run_in[k].is_none() {
            run_in[k] = Some(b.clone());
            return false;
        }
        true
    });
    for (item, prose) in items.into_iter().zip(run_in) {
        let title = text_of(&item);
        if let Some(prose) = prose {
            doc.blocks.push(Block { kind: BlockKind::NumberedParagraph, span: item.heading_span.start..prose.span.end, text: title.start..prose.text.end });
            continue;
        }
        // "2. Team to communicate the voting process": a line that sets someone
        // a task is an entry of a list, not the heading of what follows
        let sets_task = item.numbering.is_some() && commitments::find_commitments(&item.title, &commitments::People::default(), commitments::Setting::default()).iter().any(|c| !c.owners.is_empty());
        let kind = if sets_task { BlockKind::NumberedParagraph } else { BlockKind::Heading };
        doc.blocks.push(Block { kind, span: item.heading_span.clone(), text: title });
    }
}

/// Numbered headings in a scheme other than the items': sub-headings
/// ("i. Highways", "1. i) Highways" among "6/16" minutes).
///
/// Under items that are Markdown headings, numbers that never count on
/// ("15. Special provisions" quoted twice, before and after an amendment)
/// are no numbering of items: sub-headings too. Numbers that count on
/// ("1. Welcome", "2. Apologies") may still be the agenda under headings
/// that only frame it, which [`outer_numbering`] has weighed.
fn demote_other_schemes(_text: &str, doc: &mut Document, scheme: Scheme) {
    if let Scheme::Markdown(level) = scheme {
        // headings that number themselves: any other number is a list's
        if self_numbered(doc, level) {
            demote(doc, |i| i.numbering.as_ref().is_some_and(|n| !matches!(n.scheme, Scheme::Markdown(_))));
            return;
        }
        // each scheme's last number, and the schemes seen counting on
        let mut last: Vec<(Scheme, u32)> = Vec::new();
        let mut counting: Vec<Scheme> = Vec::new();
        for n in doc.items.iter().filter_map(|i| i.numbering.as_ref()).filter(|n| !matches!(n.scheme, Scheme::Markdown(_))) {
            let Some(v) = n.value else { continue };
            match last.iter_mut().find(|(s, _)| *s == n.scheme) {
                Some((_, before)) => {
                    if v == *before + 1 && !counting.contains(&n.scheme) {
                        counting.push(n.scheme);
                    }
                    *before = v;
                }
                None => last.push((n.scheme, v)),
            }
        }
        demote(doc, |i| i.numbering.as_ref().is_some_and(|n| !matches!(n.scheme, Scheme::Markdown(_)) && n.value.is_some() && !counting.contains(&n.scheme)));
        return;
    }
    demote(doc, |i| !i.numbering.as_ref().is_none_or(|n| compatible(n.scheme, scheme) || matches!(n.scheme, Scheme::Markdown(_))));
    // "Item #2: Goals …", "## Page 2", "Item #3: …": a Markdown heading
    // between two items that count on breaks no topic; it frames the
    // text (a page of the printed minutes, a part), so it is not an item
    let value = |i: &AgendaItem| i.numbering.as_ref().filter(|n| compatible(n.scheme, scheme) && n.prefix.is_empty()).and_then(|n| n.value);
    let mut framing = HashSet::new();
    for k in 1..doc.items.len().saturating_sub(1) {
        let markdown = doc.items[k].numbering.as_ref().is_some_and(|n| matches!(n.scheme, Scheme::Markdown(_)));
        let counts_on = value(&doc.items[k - 1]).zip(value(&doc.items[k + 1])).is_some_and(|(a, b)| b == a + 1);
        if markdown && counts_on {
            framing.insert(doc.items[k].heading_span.start);
        }
    }
    demote(doc, |i| framing.contains(&i.heading_span.start));
}

/// Markdown headings of the items' level numbered one level deeper than
/// the items ("# 2. Roll call" over "# 2.1 Participants"): sections of
/// the item before them, not items.
fn demote_deeper_numbers(doc: &mut Document, scheme: Scheme) {
    if !matches!(scheme, Scheme::Markdown(_)) {
        return;
    }
    let numbered = |i: &AgendaItem, top: bool| i.numbering.as_ref().is_some_and(|n| n.scheme == scheme && n.value.is_some() && n.prefix.is_empty() == top);
    if doc.items.iter().filter(|i| numbered(i, true)).count() < 2 {
        return;
    }
    demote(doc, |i| numbered(i, false));
}

/// A run of numbered headings that starts again at 1 after item N and is
/// followed by item N + 1 ("7. Correspondence:", "1. Register of electors",
/// "2. Standards Committee agenda", "8. Planning"): a list inside item N
/// written as headings, so its entries are sub-headings of item N.
fn demote_restarted_runs(doc: &mut Document) {
    let value = |i: &AgendaItem| i.numbering.as_ref().filter(|n| n.prefix.is_empty() && !matches!(n.scheme, Scheme::Markdown(_))).and_then(|n| n.value);
    let mut nested = Vec::new();
    let mut k = 1;
    while k < doc.items.len() {
        let (Some(outer), Some(1)) = (value(&doc.items[k - 1]), value(&doc.items[k])) else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        while end < doc.items.len() && value(&doc.items[end]) == Some(end - k + 1).map(|v| v as u32) {
            end += 1;
        }
        let resumes = doc.items.get(end).and_then(value) == Some(outer + 1);
        if outer >= 2 && resumes {
            nested.extend(k..end);
        }
        k = end;
    }
    let nested: HashSet<usize> = nested.into_iter().map(|k| doc.items[k].heading_span.start).collect();
    demote(doc, |i| nested.contains(&i.heading_span.start));
}

/// Numbered headings that carry on a numbered list inside the item before
/// them, where the items' own count has already gone past their number
/// ("### Actions arising" over "1. …" to "9. …" read as paragraphs, then
/// "10. Action GSoC …", "11. …" after the notes' item 11): entries of that
/// list that the grammar read as headings, not items. A heading that
/// carries the items' count on (item 4 after "1. 2. 3." inside item 3)
/// stays an item.
fn demote_list_continuations(text: &str, doc: &mut Document) {
    let value = |i: &AgendaItem| i.numbering.as_ref().filter(|n| n.prefix.is_empty() && !matches!(n.scheme, Scheme::Markdown(_))).and_then(|n| n.value);
    let digits = |n: &str| n.trim_matches(|c: char| !c.is_ascii_digit()).parse::<u32>().ok();
    let mut entries: Vec<(usize, u32)> = doc.numbered_paragraphs.iter().filter_map(|p| Some((p.span.start, digits(&p.number)?))).collect();
    entries.extend(doc.list_items.iter().filter_map(|l| Some((l.span.start, digits(l.marker.as_deref()?)?))));
    entries.sort_unstable();
    let mut demoted = HashSet::new();
    // the highest number the items have reached, where the item before
    // starts, and the number of the list entry last demoted
    let mut reached: Option<u32> = None;
    let mut previous_start = 0;
    let mut run: Option<u32> = None;
    // a part of the minutes ("## Agenda" 1 to 10, then "## Notes" 1 to 11)
    // numbers its items afresh
    let parts = doc.part_heading_starts(text);
    for item in &doc.items {
        let start = item.heading_span.start;
        if parts.iter().any(|&p| p > previous_start && p < start) {
            reached = None;
        }
        let Some(v) = value(item) else {
            previous_start = start;
            run = None;
            continue;
        };
        // the entries between the item before and this one, found by
        // position: a long document has thousands of each
        let carries_on = |from: usize| {
            let (lo, hi) = (entries.partition_point(|&(at, _)| at <= from), entries.partition_point(|&(at, _)| at < start));
            entries[lo..hi.max(lo)].iter().any(|&(_, n)| Some(n) == v.checked_sub(1))
        };
        // a number the items have not reached may be an item the grammar
        // read as a paragraph and the next one after it ("3. The minutes
        // were agreed." "4. Matters arising")
        let behind = reached.is_some_and(|r| v <= r);
        if v > 1 && (run == Some(v - 1) || behind && carries_on(previous_start)) {
            demoted.insert(start);
            run = Some(v);
            // the list's next entry follows this one's own entries
            previous_start = start;
            continue;
        }
        reached = Some(reached.map_or(v, |r| r.max(v)));
        previous_start = start;
        run = None;
    }
    demote(doc, |i| demoted.contains(&i.heading_span.start));
}

/// Something numbered that might be an item.
enum Candidate {
    /// A numbered paragraph or list item: its number as written and the block.
    Numbered { number: Span, block: Span, text: Span },
    /// A paragraph that starts with digits: a minute number that lost its slash.
    Digits { number: Span, block: Span },
}

/// Numbered paragraphs and list items in the items' scheme that continue
/// the items' sequence are items; a sequence that restarted inside the
/// item ("1. … 2. … 3." under item 3) keeps its own numbers.
fn promote_sequence(text: &str, doc: &mut Document, scheme: Scheme) {
    let candidates = numbered_candidates(text, doc, scheme);
    if candidates.is_empty() {
        return;
    }
    let candidates = promote_run_before_first(text, doc, scheme, candidates);
    promote_after(text, doc, scheme, candidates);
}

/// The numbered paragraphs and list items (or, for minute numbers, the
/// paragraphs that open with digits) that might be items of `scheme`, in
/// text order.
fn numbered_candidates(text: &str, doc: &Document, scheme: Scheme) -> Vec<(usize, Candidate)> {
    let year = scheme::common_year(doc.items.iter().filter_map(|i| i.numbering.as_ref()));
    let mut candidates: Vec<(usize, Candidate)> = Vec::new();
    // the first block that starts at each offset: one look-up a paragraph or
    // list item, where a look at every block grew with the square of the text
    let mut block_at: std::collections::HashMap<usize, &Block> = std::collections::HashMap::new();
    for b in &doc.blocks {
        block_at.entry(b.span.start).or_insert(b);
    }
    match scheme {
        Scheme::Dot => {
            for p in &doc.numbered_paragraphs {
                if let Some(block) = block_at.get(&p.span.start) {
                    candidates.push((p.span.start, Candidate::Numbered { number: p.number_span.clone(), block: p.span.clone(), text: block.text.clone() }));
                }
            }
        }
        Scheme::Paren => {
            for li in doc.list_items.iter().filter(|l| l.marker.as_deref().is_some_and(|m| m.ends_with(')') && m.trim_end_matches(')').parse::<u32>().is_ok())) {
                if let Some(block) = block_at.get(&li.span.start) {
                    candidates.push((li.span.start, Candidate::Numbered { number: li.marker_span.clone(), block: li.span.clone(), text: block.text.clone() }));
                }
            }
        }
        Scheme::NumberYear | Scheme::Minute if year.is_some() => {
            for b in doc.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
                let body = &text[b.text.clone()];
                let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits >= 3 && body[digits..].starts_with([' ', '\u{a0}', '\t']) {
                    candidates.push((b.text.start, Candidate::Digits { number: b.text.start..b.text.start + digits, block: b.span.clone() }));
                }
            }
        }
        _ => {}
    }
    candidates.sort_by_key(|(at, _)| *at);
    candidates
}

/// "1.  Kimmo Koskenniemi opened the meeting." … "5.  Dues for …" read as
/// paragraphs, then "6.  Election of the …" read as a heading: the
/// numbered run that counts up to the first item, from 1, at the start of
/// its lines with nothing else numbered between, is the agenda's first
/// items. The rest of the candidates are returned for [`promote_after`].
fn promote_run_before_first(text: &str, doc: &mut Document, scheme: Scheme, candidates: Vec<(usize, Candidate)>) -> Vec<(usize, Candidate)> {
    let first = doc.items.iter().find_map(|i| Some((i.heading_span.start, i.numbering.as_ref().filter(|n| n.scheme == scheme && n.prefix.is_empty())?.value?)));
    let Some((first_at, first_value)) = first else { return candidates };
    if first_value < 2 || !matches!(scheme, Scheme::Dot | Scheme::Paren) {
        return candidates;
    }
    let at_line_start = |at: usize| text[..at].rfind('\n').map_or(at, |n| at - n - 1) == 0;
    let value_of = |c: &Candidate| match c {
        Candidate::Numbered { number, .. } => scheme::read(text[number.clone()].trim()).filter(|n| n.prefix.is_empty()).and_then(|n| n.value),
        Candidate::Digits { .. } => None,
    };
    // the candidates just before the first item, counting down to 1
    let before = candidates.partition_point(|(at, _)| *at < first_at);
    let mut run = Vec::new();
    let mut expected = first_value - 1;
    for k in (0..before).rev() {
        let (at, candidate) = &candidates[k];
        if expected == 0 || !at_line_start(*at) || value_of(candidate) != Some(expected) {
            break;
        }
        run.push(k);
        expected -= 1;
    }
    if expected != 0 {
        return candidates;
    }
    let mut rest = Vec::new();
    for (k, (at, candidate)) in candidates.into_iter().enumerate() {
        let Candidate::Numbered { number, block, text: body } = &candidate else {
            rest.push((at, candidate));
            continue;
        };
        if !run.contains(&k) {
            rest.push((at, candidate));
            continue;
        }
        let written = text[number.clone()].trim();
        let Some((title, title_span)) = title_in(text, body.clone()).or_else(|| first_sentence(text, body.clone())) else { continue };
        doc.items.push(AgendaItem {
            number: scheme::read(written).and_then(|n| n.value).map(|v| v.to_string()),
            title,
            heading_span: number.start..title_span.end,
            title_span: Some(title_span),
            span: block.clone(),
            form: ItemForm::Numbered,
            numbering: scheme::read(written),
        });
    }
    doc.items.sort_by_key(|i| i.heading_span.start);
    rest
}

/// The candidates that carry the items' count on after an item.
fn promote_after(text: &str, doc: &mut Document, scheme: Scheme, candidates: Vec<(usize, Candidate)>) {
    let year = scheme::common_year(doc.items.iter().filter_map(|i| i.numbering.as_ref()));
    // the sequences, in text order: items, and the numbers inside them
    let mut items: Vec<(usize, Option<u32>)> = doc.items.iter().map(|i| (i.heading_span.start, i.numbering.as_ref().filter(|n| compatible(n.scheme, scheme)).and_then(|n| n.value))).collect();
    let mut found = Vec::new();
    for (at, candidate) in candidates {
        let previous = items.iter().filter(|(s, _)| *s < at).max_by_key(|(s, _)| *s).copied();
        let Some((item_start, Some(last))) = previous else { continue };
        let expected = last + 1;
        match candidate {
            Candidate::Numbered { number, block, text: body } => {
                let written = text[number.clone()].trim();
                let Some(value) = scheme::read(written).and_then(|n| n.value) else { continue };
                let whole = written.trim_end_matches(['.', ')']);
                let whole = whole.strip_suffix(".0").unwrap_or(whole);
                if value != expected || whole.contains('.') {
                    continue;
                }
                // a sequence restarted inside the item keeps its numbers
                let restarted = doc.numbered_paragraphs.iter().map(|p| (p.span.start, p.number.as_str())).chain(doc.list_items.iter().filter_map(|l| Some((l.span.start, l.marker.as_deref()?))))
                    .filter(|(s, _)| *s > item_start && *s < at)
                    .any(|(_, n)| n.trim_matches(|c: char| !c.is_ascii_digit()).parse::<u32>().ok() == Some(value - 1));
                if restarted {
                    continue;
                }
                // "3\. The Minutes of the meeting were agreed." between items 2
                // and 4: the sequence makes it an item, its sentence the title
                let next = items.iter().filter(|(s, _)| *s > at).min_by_key(|(s, _)| *s).and_then(|(_, v)| *v);
                let fills_gap = next == Some(value + 1);
                let Some((title, title_span)) = title_in(text, body.clone()).or_else(|| fills_gap.then(|| first_sentence(text, body.clone())).flatten()) else { continue };
                found.push(AgendaItem {
                    number: Some(value.to_string()),
                    title,
                    heading_span: number.start..title_span.end,
                    title_span: Some(title_span),
                    span: block,
                    form: ItemForm::Numbered,
                    numbering: scheme::read(written),
                });
                items.push((at, Some(value)));
            }
            Candidate::Digits { number, block } => {
                let Some(year) = year.as_deref() else { continue };
                let digits = &text[number.clone()];
                if !scheme::is_slash_dropped(digits, expected, year) {
                    continue;
                }
                let rest_start = number.end + (text[number.end..block.end].len() - text[number.end..block.end].trim_start().len());
                let line_end = text[rest_start..block.end].find('\n').map_or(block.end, |i| rest_start + i);
                let title = run_in_title(&clean(&text[rest_start..line_end]));
                let title_end = rest_start + find_words_end(&text[rest_start..line_end], &title);
                found.push(AgendaItem {
                    number: Some(digits.to_string()),
                    title,
                    heading_span: number.start..title_end,
                    title_span: Some(rest_start..title_end),
                    span: block,
                    form: ItemForm::Numbered,
                    // the number is kept as written: M301 reports it as breaking the scheme
                    numbering: Some(ItemNumber { scheme, prefix: String::new(), value: Some(expected), year: Some(year.to_string()), normal: digits.to_string() }),
                });
                items.push((at, Some(expected)));
            }
        }
        items.sort_by_key(|(s, _)| *s);
    }
    doc.items.extend(found);
    doc.items.sort_by_key(|i| i.heading_span.start);
}

/// Where `title` (words folded) ends in `line`.
fn find_words_end(line: &str, title: &str) -> usize {
    let mut end = 0;
    let mut rest = line;
    for word in title.split_whitespace() {
        match rest.find(word) {
            Some(i) => {
                end += i + word.len();
                rest = &line[end..];
            }
            None => break,
        }
    }
    end
}

/// The first sentence of a block, without its full stop, as a title.
fn first_sentence(text: &str, body: Span) -> Option<(String, Span)> {
    let first = sentences::split(&text[body.clone()]).into_iter().next()?;
    let written = text[body.start + first.body..body.start + first.span.end].trim_end();
    let head = written.trim_end_matches(['.', ':', ';']);
    let start = body.start + first.body;
    Some((clean(head), start..start + head.len()))
}

/// The title of a numbered block that is an item: the words before a dash
/// or colon ("Finance – the clerk reported …"), or the whole of a short
/// line ("Apologies.", "budget update"), or a run of capitals ("PUBLIC
/// FORUM The …").
fn title_in(text: &str, body: Span) -> Option<(String, Span)> {
    let s = &text[body.clone()];
    let first_line = s.split('\n').next().unwrap_or("");
    let starts_upper = first_line.trim_start().chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // notes typed in lower case ("5. budget update - TB") number their
    // items on lines of their own; a run of prose needs its capital
    let one_line = !s.trim_end().contains('\n');
    if !starts_upper && !one_line {
        return None;
    }
    // "Finance – the clerk …", "Finance: the clerk …", "Finance - the clerk …"
    for sep in [" – ", " — ", " - ", ": "] {
        if let Some(i) = first_line.find(sep) {
            let head = first_line[..i].trim();
            let words = head.split_whitespace().count();
            if (1..=10).contains(&words) && !head.ends_with(['.', ',', ';']) {
                let start = body.start + (first_line.len() - first_line.trim_start().len());
                return Some((clean(head), start..start + head.len()));
            }
        }
    }
    // "Apologies." alone: a one-line heading that ends in a full stop
    let words = first_line.split_whitespace().count();
    if one_line && (1..=10).contains(&words) {
        let head = first_line.trim().trim_end_matches(['.', ':']);
        let start = body.start + (first_line.len() - first_line.trim_start().len());
        return Some((clean(head), start..start + head.len()));
    }
    None
}

/// "… This was accepted by all. 4. MEMBERS’ DECLARATION OF INTERESTS …",
/// "… to reflect this. 135/17 Handyman Job List Cllr Taylor advised …": an
/// item number in the items' scheme after the end of a sentence, when the
/// number follows on from the item before it.
fn mid_line_items(text: &str, doc: &mut Document, scheme: Scheme) {
    static DOT: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let (pattern, caps_title) = match scheme {
        // "4. DECLARATIONS": a title in capitals, since "4." is common in prose
        Scheme::Dot => (DOT.get_or_init(|| Regex::new(r"[\s\u{a0}](\d{1,3})\.[\s\u{a0}]+((?:[A-Z][A-Z’'&/\-]*[A-Z’'](?:[\s\u{a0}]+|$))+)").unwrap()), true),
        // "135/17 Handyman Job List": a minute number is not prose
        Scheme::NumberYear | Scheme::Minute => (YEAR.get_or_init(|| Regex::new(r"[.!?:;][\s\u{a0}]+(\d{1,4})/(\d{2})[\s\u{a0}]+(\p{Lu}.*)").unwrap()), false),
        _ => return,
    };
    let year = scheme::common_year(doc.items.iter().filter_map(|i| i.numbering.as_ref()));
    let mut found: Vec<AgendaItem> = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ActionLine | BlockKind::ListItem | BlockKind::NumberedParagraph | BlockKind::Resolution) {
            continue;
        }
        let body = &text[block.span.clone()];
        for c in pattern.captures_iter(body) {
            let Some(num) = c.get(1) else { continue };
            let at = block.span.start + num.start();
            let previous = doc
                .items
                .iter()
                .chain(found.iter())
                .filter(|i| i.heading_span.start < at)
                .max_by_key(|i| i.heading_span.start)
                .and_then(|i| i.numbering.as_ref())
                .filter(|n| compatible(n.scheme, scheme))
                .and_then(|n| n.value);
            let Ok(n) = num.as_str().parse::<u32>() else { continue };
            if previous.map(|p| p + 1) != Some(n) {
                continue;
            }
            let (title_text, title_span, number_text) = if caps_title {
                let Some(title) = c.get(2) else { continue };
                let title_text = clean(title.as_str());
                // the title must be more than a word; after no sentence end
                // ("… asset register 21. ITEMS FOR AGENDA …"), two words
                let after_sentence = body[..num.start()].trim_end().ends_with(['.', '!', '?', ':', ';']);
                if title_text.chars().filter(|c| c.is_alphabetic()).count() < 6 || (!after_sentence && title_text.split_whitespace().count() < 2) {
                    continue;
                }
                let start = block.span.start + title.start();
                (title_text, start..start + title.as_str().trim_end().len(), n.to_string())
            } else {
                let (Some(y), Some(rest)) = (c.get(2), c.get(3)) else { continue };
                if year.as_deref() != Some(y.as_str()) {
                    continue;
                }
                let line = rest.as_str().split('\n').next().unwrap_or("");
                let title_text = run_in_title(&clean(line));
                let start = block.span.start + rest.start();
                (title_text.clone(), start..start + find_words_end(line, &title_text), format!("{n}/{}", y.as_str()))
            };
            found.push(AgendaItem {
                numbering: scheme::read(&number_text),
                number: Some(number_text),
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

/// An item whose heading holds no title ("2) " alone on its line): its
/// title is the line below when that line reads as a title (short, with no
/// sentence end, and the text after it starts a new sentence).
fn titles_below(text: &str, doc: &mut Document) {
    let starts: Vec<usize> = doc.items.iter().map(|i| i.heading_span.start).collect();
    for (k, item) in doc.items.iter_mut().enumerate() {
        if !item.title.is_empty() || item.form != ItemForm::Numbered {
            continue;
        }
        let next_item = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let Some(block) = doc
            .blocks
            .iter()
            .filter(|b| b.span.start >= item.heading_span.end && b.span.start < next_item)
            .min_by_key(|b| b.span.start)
        else {
            continue;
        };
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading) {
            continue;
        }
        let body = &text[block.text.clone()];
        let mut lines = body.split('\n');
        let first = lines.next().unwrap_or("").trim();
        let after = lines.find(|l| !l.trim().is_empty()).map(str::trim);
        let words = first.split_whitespace().count();
        let reads_as_title = (1..=12).contains(&words)
            && first.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            && !first.ends_with(['.', ',', ';', ':', '?', '!'])
            && after.is_none_or(|a| a.chars().next().is_some_and(|c| !c.is_lowercase()));
        if reads_as_title {
            let start = block.text.start + (body.len() - body.trim_start().len());
            item.title = clean(first);
            item.title_span = Some(start..start + first.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items of `text` as "number title".
    fn items(text: &str) -> Vec<String> {
        Document::parse(text).items.iter().map(|i| format!("{} {}", i.number.as_deref().unwrap_or("-"), i.title)).collect()
    }

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(items(text), expected, "{text}");
    }

    #[test]
    fn headings_that_number_themselves_are_the_agenda_over_a_numbered_list() {
        let text = "# Board meeting\n\n### 1. Updates\n\nText.\n\n### 2. Election\n\nMore.\n\n### Actions\n\n1. BC to issue all applications to the Board, this week\n\n2. Team to communicate the voting process\n\n3. CQ to send the pack\n\n4. Budget review\n";
        check(text, &["1 Updates", "2 Election"]);
        let doc = Document::parse(text);
        // the entries that set someone a task are read whole, as the actions they are
        let owners: Vec<String> = doc.actions.iter().map(|a| a.owners.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join("/")).collect();
        assert_eq!(owners, ["BC", "Team", "CQ"]);
        // one that sets no task stays a sub-heading
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Heading && text[b.text.clone()].starts_with("Budget review")));
        // a body on the line after a demoted heading is a paragraph of its own
        let below = "### 1. Updates\n\nText.\n\n### 2. Notes\n\n1. Welcome\nThe chair welcomed all.\n\n2. Apologies\nNone.\n";
        let doc = Document::parse(below);
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Heading && below[b.text.clone()].starts_with("Welcome")), "{:?}", doc.blocks);
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Paragraph && below[b.text.clone()].starts_with("The chair welcomed")), "{:?}", doc.blocks);
        // headings that do not count on are still outranked by a longer numbered agenda
        check("## Notes\n\n1. Welcome\n\n2. Apologies\n\n3. Minutes\n\n4. Finance\n", &["1 Welcome", "2 Apologies", "3 Minutes", "4 Finance"]);
    }

    #[test]
    fn a_numbered_list_that_runs_on_past_the_items_count_stays_a_list() {
        let mut text = String::from("Notes\n\n");
        for (k, title) in ["Welcome", "Finance", "Planning", "Grants", "Hall", "Garden", "Website", "Insurance", "Events", "Volunteers", "Any other business"].iter().enumerate() {
            text.push_str(&format!("{}. {title}\n\nNoted.\n\n", k + 1));
        }
        text.push_str("### Actions arising\n\n");
        for k in 1..=9 {
            text.push_str(&format!("{k}. action AB: write part {k} of the report\n"));
        }
        text.push_str("10. Action CD to call the hall, report back here\n11. Roll over: can the garden bench be moved?\n");
        let found = items(&text);
        assert!(!found.iter().any(|i| i.contains("Action CD") || i.contains("Roll over")), "{found:?}");
        assert!(found.iter().any(|i| i == "11 Any other business"), "{found:?}");
        // an item that carries the items' count on stays one
        check("Notes\n\n1. Welcome\n\nHello.\n\n2. Finance\n\n1. Bills.\n2. Grants.\n\n3. Planning\n\nNoted.\n", &["1 Welcome", "2 Finance", "3 Planning"]);
    }

    #[test]
    fn numbers_that_never_count_on_under_markdown_items_are_not_items() {
        let text = "# Co-op board\n\n## Notes\n\n### Amended articles\n\nArticle 15 is amended from:\n\n15. Special provisions are:\n    - The object is employment.\n\nTo:\n\n15. Special provisions are:\n    A. The object is work without gain.\n\n### Transition plan\n\nDiscussed.\n";
        check(text, &["- Amended articles", "- Transition plan"]);
    }

    #[test]
    fn a_marker_alone_on_its_line_takes_the_title_below() {
        check("1) \nApologies\n\nNone were received.\n\n2)\nMinutes of the last meeting\nThe minutes were approved.\n\n3)\n\nThe clerk reported that the accounts were in order.\n", &["1 Apologies", "2 Minutes of the last meeting", "3 "]);
    }

    #[test]
    fn a_run_of_numbered_paragraphs_is_the_agenda_when_nothing_else_is() {
        check("Minutes\n\n1. Apologies: None received.\n\n2. Minutes: Approved as a true record.\n\n3. Finance: Noted.\n", &["1 Apologies", "2 Minutes", "3 Finance"]);
        // a list that is not numbered from the top, or too short, stays a list
        check("Minutes\n\n1. We met.\n\n2. We spoke.\n", &[]);
    }

    #[test]
    fn numbered_markdown_headings_keep_their_run_and_nest_deeper_numbers() {
        let text = "# Committee Meeting #13\n\n# 1\\. Call to Order\n\nText.\n\n# 2\\. Roll call\n\n# 2.1 Participants\n\nAnn, Bob.\n\n## 2.1.1 Voting Members\n\nAnn.\n\n# 3\\. Next steps\n\nAnn to write the report.\n\n# 4\\. Adjourn\n\nDone.\n";
        check(text, &["1 Call to Order", "2 Roll call", "3 Next steps", "4 Adjourn"]);
        assert_eq!(Document::parse(text).meeting.title.as_deref(), Some("Committee Meeting #13"));
    }

    #[test]
    fn numbered_lines_indented_under_a_list_entry_are_not_items() {
        let text = "1. Reports\n\n* Finance\n\n    * Update:\n\n        1. The draft charge is ready.\n\n        2. Mailing list created: finance@lists.example.org\n\n2. Any other business\n\nNone.\n";
        check(text, &["1 Reports", "2 Any other business"]);
    }

    #[test]
    fn whole_numbers_written_as_decimals() {
        check("Minutes\n\n1.0 Apologies\n\nNone received.\n\n2.0 Minutes\n\nApproved.\n\n3.0 Finance\n\nNoted.\n", &["1 Apologies", "2 Minutes", "3 Finance"]);
    }

    #[test]
    fn agenda_item_numbers() {
        check("Minutes\n\nAgenda Item 1 - Apologies\n\nNone.\n\nAgenda item 2: Minutes\n\nApproved.\n", &["1 Apologies", "2 Minutes"]);
    }

    #[test]
    fn roman_numbers_over_titles_are_items() {
        check("Minutes\n\nI. CALL TO ORDER\n\nDone at 7pm.\n\nII. Roll Call\n\nAll present.\n\nIII. PUBLIC COMMENT\n\nNone.\n\nIV. Adjournment\n\nClosed.\n", &["I CALL TO ORDER", "II Roll Call", "III PUBLIC COMMENT", "IV Adjournment"]);
    }

    #[test]
    fn a_heading_with_its_body_on_the_same_line() {
        check("1. Apologies\n\nNone.\n\n2. Minutes\n\nApproved.\n\n3. Finance – the clerk reported that the accounts were in order.\n\n4. Apologies.\n\nNone.\n", &["1 Apologies", "2 Minutes", "3 Finance", "4 Apologies"]);
    }

    #[test]
    fn sub_headings_nest_under_their_item() {
        check("5. Reports\n\ni. Highways\n\nPotholes were reported.\n\nb) Playground\n\nThe swings were repaired.\n\n6. Close\n\nThe meeting closed.\n", &["5 Reports", "6 Close"]);
        // a heading in another scheme than the items' is a sub-heading
        check("1/16 Apologies\n\nNone.\n\n2/16 Matters arising\n\n1. i) Highways\n\nNoted.\n\n3/16 Finance\n\nNoted.\n", &["1/16 Apologies", "2/16 Matters arising", "3/16 Finance"]);
    }

    #[test]
    fn hierarchical_references_keep_numbers_and_titles() {
        check("Item 21/04/7 Planning\n\nNone.\n\nItem 21/04/8 Highways\n\nNoted.\n\nItem 22/11/6/15. Finance\n\nNoted.\n", &["21/04/7 Planning", "21/04/8 Highways", "22/11/6/15 Finance"]);
    }

    #[test]
    fn items_that_start_mid_line() {
        check("124/17 Apologies\n\nNone.\n\n125/17 Minutes\n\nThe minutes were approved. 126/17 Handyman Job List The clerk advised that the list was long.\n", &["124/17 Apologies", "125/17 Minutes", "126/17 Handyman Job List"]);
        check("1. APOLOGIES None were received.\n\n2. MINUTES These were accepted by all. 3. MEMBERS’ INTERESTS None were declared.\n", &["1 APOLOGIES", "2 MINUTES", "3 MEMBERS’ INTERESTS"]);
    }

    #[test]
    fn a_minute_number_that_lost_its_slash_is_an_item() {
        let got = items("129/17 Plan\n\nNoted.\n\n130/17 Budget\n\nNoted.\n\n13117 Village CCTV The clerk advised that crime had risen.\n\n132/17 Funding\n\nNoted.\n");
        assert_eq!(got, ["129/17 Plan", "130/17 Budget", "13117 Village CCTV", "132/17 Funding"]);
    }

    #[test]
    fn headings_numbered_again_from_one_inside_an_item_are_its_list() {
        check(
            "6. Accounts\n\nPaid.\n\n7. Correspondence:\n\n1. Register of electors\n\n2. Standards Committee agenda\n\n3. Council meeting agenda\n\n8. Planning:\n\nNone.\n",
            &["6 Accounts", "7 Correspondence:", "8 Planning:"],
        );
        // a second agenda that starts again at 1 and never returns is not a list
        check("1. Apologies\n\nNone.\n\n2. Minutes\n\nAgreed.\n\n1. Finance\n\nNoted.\n\n2. Planning\n\nNone.\n", &["1 Apologies", "2 Minutes", "1 Finance", "2 Planning"]);
    }

    #[test]
    fn arabic_numbers_starting_again_under_each_roman_item_are_its_sub_items() {
        check(
            "## Regular Board Meeting\n### Approved Minutes\n\n**I. Call to Order**\n\n1. Welcome\nThe meeting opened.\n\n2. Apologies\nNone.\n\nII. CORRESPONDENCE\n\n1. Correspondence from the insurer\nNoted.\n\nIII. OLD BUSINESS\n\n1. Update on the water transfer\nNoted.\n\n2. Update on the website\nNoted.\n\nIV. NEW BUSINESS\n\n1. The IT budget\nApproved.\n",
            &["I Call to Order", "II CORRESPONDENCE", "III OLD BUSINESS", "IV NEW BUSINESS"],
        );
    }

    #[test]
    fn the_printed_agenda_is_not_the_minuted_items() {
        check(
            "Minutes of the TSC meeting\n\nAgenda:\n\n1) Confirmation of quorum\n2) Selection of secretary\n3) Update on CMake\n\n1) A quorum was confirmed.  Nick chaired.\n\n2) Secretary - Jeff Lait\n\n3) Update on CMake from Nick\n\nThe PR is in a good place.\n",
            &["1 A quorum was confirmed. Nick chaired", "2 Secretary", "3 Update on CMake from Nick"],
        );
    }

    #[test]
    fn notes_typed_in_lower_case_number_their_items_on_lines_of_their_own() {
        check(
            "1. Review of the minutes\n\n2. Actions\n    * action FK: reminders\n\n3. budget update - TB (treasurer)\n    * monthly reports?\n\n4. numfocus application - did this get lost?\n    * none was received\n\n5. AOB\n",
            &["1 Review of the minutes", "2 Actions", "3 budget update", "4 numfocus application", "5 AOB"],
        );
        // a numbered run of lower-case prose is no item
        check("1. Apologies\n\nNone.\n\n2. Finance\n\nThe clerk reported.\n\n3. the clerk said the accounts\nwere late and would follow.\n", &["1 Apologies", "2 Finance"]);
    }

    #[test]
    fn a_numbered_sentence_between_two_items_is_the_item_between_them() {
        check(
            "1. Apologies\n\nNone.\n\n2. Declarations\n\nNone.\n\n3. The Minutes of the meeting held on 12/05/09 were agreed as a true record with a slight amendment.\n\n4. Matters Arising:\n\nNone.\n",
            &["1 Apologies", "2 Declarations", "3 The Minutes of the meeting held on 12/05/09 were agreed as a true record with a slight amendment", "4 Matters Arising:"],
        );
    }

    #[test]
    fn a_sequence_restarted_inside_an_item_is_not_promoted() {
        check("1. Reports\n\n1. The clerk reported.\n\n2. The chair reported.\n\n2. Finance\n\nNoted.\n", &["1 Reports", "2 Finance"]);
    }

    #[test]
    fn markdown_escapes_and_emphasis_around_numbered_headings() {
        check("# Steering Group Meeting #3\n\n9th December 2015\n\n1\\. Welcome\nAll welcomed.\n\n2\\. Roadmap\\\nText.\n\n## 3\\. Website\n\nNoted.\n", &["1 Welcome", "2 Roadmap", "3 Website"]);
        check("**Order of Business**\n\n**1\\. Call to Order & Roll Call**\n\nCalled to order.\n\n__2. Public Comment__\n\nNone.\n\n* a bullet\n", &["1 Call to Order & Roll Call", "2 Public Comment"]);
        assert_eq!(Document::parse("# Steering Group Meeting #3\n\n1\\. Welcome\n\n2\\. Roadmap\n").meeting.title.as_deref(), Some("Steering Group Meeting #3"));
        check("## Agenda:\n\n### [Web Share](https://example.org/221) - David\n\nDiscussed.\n\n### [Img decoding](u) - Sam\n\nDiscussed.\n", &["- Web Share - David", "- Img decoding - Sam"]);
    }

    #[test]
    fn markdown_items_are_the_headings_of_one_level() {
        // groups over topics: the topics are the items
        check("## Agenda:\n\n### Web Share\n\nDiscussed.\n\n### Img decoding\n\nDiscussed.\n\n## Backlog:\n\n### WebVR\n\nDiscussed.\n", &["- Web Share", "- Img decoding", "- WebVR"]);
        // items with sub-headings: the items are the shallower level
        // a title and a subtitle over the items head the document
        check("# Hackspace\n\n## 2 October 2018 / Library\n\nPresent: Ann, Bob\n\n### Roles\n\nAnn chairs.\n\n### Finance\n\nNoted.\n\n### Membership\n\nNoted.\n", &["- Roles", "- Finance", "- Membership"]);
        check("# RZZT CIC\n\nCompany 1234\n\n# Directors' minutes\n\n## Agenda\n\n- Welcome\n- Branding\n\n## Welcome\n\nHello.\n\n## Branding\n\nA logo.\n\n## Close\n\nClosed.\n", &["- Welcome", "- Branding", "- Close"]);
        check("# Board meeting\n\n## Finances\n\nBalance noted.\n\n### Balance\n\n$5\n\n## Grants approved\n\n- A\n- B\n\n## Ongoing business\n\n### CLA\n\n- Needs a decision\n", &["- Finances", "- Grants approved", "- Ongoing business"]);
    }

    #[test]
    fn setext_headings_are_items_and_their_underlines_no_part_of_the_title() {
        check("Meeting notes, 3 March\n\nWelcome\n-------\nEveryone said hello.\n\nBudget\n------\n\nWe agreed to buy paint.\n\nNext meeting\n============\nApril.\n", &["- Welcome", "- Budget", "- Next meeting"]);
    }

    #[test]
    fn numbered_section_titles_over_underlines_are_items() {
        // reStructuredText sections: no stop after the number, an underline below
        check(
            "Minutes of the Board\n\n1   Attendance\n--------------\n\nTim was present.\n\n2   Minutes of Past Meetings\n----------------------------\n\nApproved.\n\n2 Concerns for safety were raised.\n",
            &["1 Attendance", "2 Minutes of Past Meetings"],
        );
    }

    #[test]
    fn a_run_sheet_is_timed_entries() {
        check(
            "# Annual General Meeting\n\n## Minutes\n\n- 2021-02-26 11:00-0800 Call to order\n- 11:00–11:01 Adoption of the agenda\n\n### Reports\n\n- 11:05-11:20 Treasurer's report, Jon Chang\n\n  The accounts were received.\n- 11:20 – 11:25 Secretary's report\n- 13:10 Meeting adjourned\n",
            &["- Call to order", "- Adoption of the agenda", "- Treasurer's report, Jon Chang", "- Secretary's report", "- Meeting adjourned"],
        );
        // times inside an item's notes do not make a run sheet
        check("1. Finance\n\n- 10:00 coffee\n- 10:30 talks\n\n2. Social\n\n3. AOB\n\n4. Close\n", &["1 Finance", "2 Social", "3 AOB", "4 Close"]);
    }

    #[test]
    fn headings_that_name_parts_of_the_minutes_are_not_items() {
        // the parts of the notes over the topics: the topics are the items
        check("# Core team meeting\n\n## Agenda\n\n- Addons\n- Docs\n\n## Attendees\n\n- Ann\n- Bob\n\n## Minutes\n\n### Addons\n\nDiscussed.\n\n### Docs\n\nDiscussed.\n", &["- Addons", "- Docs"]);
        // parts and nothing else: no items
        check("# 2024-06-21\n\n## Attendance\n\n- Council: Ann, Bob\n\n## Notes\n\n- Check-in\n- Announcements\n", &[]);
        // a part among topics keeps its place
        check("# AGM\n\n## Attendance\n\nAnn, Bob\n\n## Treasurer's report\n\nNoted.\n\n## Election\n\nAnn elected.\n", &["- Attendance", "- Treasurer's report", "- Election"]);
    }

    #[test]
    fn item_numbers_with_a_number_sign() {
        check("Board notes\n\nItem #1: Introductions\n\nAll present.\n\nItem #2: Goals\n\nDiscussed.\n\nItem No. 3 – Close\n\nClosed.\n", &["#1 Introductions", "#2 Goals", "No. 3 Close"]);
    }

    #[test]
    fn a_numbered_run_up_to_the_first_item_is_the_agenda() {
        // the grammar reads the sentences as paragraphs and "3." as a heading
        let text = "Founding meeting\n\n1.  Ann Lee opened the meeting of the new association.\n2.  Bo Chan was elected chair of the meeting.\n3.  Election of the temporary Executive Committee and\n    Auditors. All were elected.\n4.  The chair closed the meeting.\n";
        assert!(Document::parse(text).items.iter().all(|i| i.form == ItemForm::Numbered));
        check(
            text,
            &["1 Ann Lee opened the meeting of the new association", "2 Bo Chan was elected chair of the meeting", "3 Election of the temporary Executive Committee and", "4 The chair closed the meeting"],
        );
        // a list inside the first item, before it, is not counted up to it
        check("Notes\n\n1. Finance\n\n- a\n\n2. Hall\n\n3. Close\n", &["1 Finance", "2 Hall", "3 Close"]);
    }

    #[test]
    fn a_markdown_heading_between_items_that_count_on_is_no_item() {
        // a PDF's page marker between "Item #2" and "Item #3"
        check("## Page 1\n\nUser group notes\n\nItem #1: Welcome\n\nHi.\n\nItem #2: Goals\n\n- Meetups\n\n## Page 2\n\n- Workshops\n\nItem #3: Next steps\n\nDone.\n", &["#1 Welcome", "#2 Goals", "#3 Next steps"]);
    }

    #[test]
    fn numbered_entries_nested_in_a_list_are_never_items() {
        check("## Notes\n\n- intro\n- CAB processes\n  - Confirmed tasks of the CAB:\n    1. Provide expert feedback on SIPs\n    2. Vote to transition SIPs\n  - How should we do it?\n", &[]);
    }

    #[test]
    fn a_heading_that_lists_parts_is_a_part() {
        check(
            "# TSC notes\n\n## Attendance\n\n- Ann\n\n## Short Version / Decisions / Action Items\n\n- none\n\n## Details\n\n### Group\n\n#### Releases\n\nShipped.\n\n#### Windows shells\n\nDiscussed.\n",
            &["- Releases", "- Windows shells"],
        );
    }
}
