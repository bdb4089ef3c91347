//! Actions the grammar does not mark: entries of an action section ("Actions",
//! "Outstanding for Action:", "Review Outstanding Action Items"), board
//! actions written `@Name: …`, "Action:" written inside prose, and
//! commitments found in prose (implied actions).

use std::sync::OnceLock;

use regex::Regex;

use super::build::{clean, clean_owner};
use super::commitments::{self, Commitment};
use super::inline::{is_register_heading, sentence_around};
use super::*;

pub(super) fn analyse(text: &str, doc: &mut Document) {
    let sections = action_sections(text, doc);
    let mut found = Vec::new();
    for block in &doc.blocks {
        if matches!(block.kind, BlockKind::Heading | BlockKind::Attendance) {
            continue;
        }
        if block.kind == BlockKind::ActionLine {
            // "ACTION: … ACTION: Clerk to follow up": a second marker inside the line
            found.extend(inline_action_markers(text, block));
            continue;
        }
        let body = &text[block.text.clone()];
        let in_section = sections.iter().any(|s| s.start <= block.span.start && block.span.start < s.end);
        let board = board_action(text, block);
        if let Some(a) = board {
            found.push(a);
            continue;
        }
        let inline = inline_action_markers(text, block);
        let inline_spans: Vec<Span> = inline.iter().map(|a| a.span.clone()).collect();
        found.extend(inline);
        let commitments = commitments::find_commitments(body);
        if in_section && matches!(block.kind, BlockKind::ListItem | BlockKind::NumberedParagraph | BlockKind::Paragraph) {
            found.extend(section_entry(text, block, &commitments));
            continue;
        }
        for c in commitments {
            let span = block.text.start + c.span.start..block.text.start + c.span.end;
            if inline_spans.iter().any(|s| overlaps(s, &span)) {
                continue;
            }
            found.push(from_commitment(text, block, c, ActionKind::Implied));
        }
    }
    // a commitment inside an explicit action is that action
    let mut explicit: Vec<Span> = doc.actions.iter().map(|a| a.span.clone()).collect();
    explicit.sort_by_key(|s| s.start);
    // the longest explicit span reaching back, so one binary search finds overlaps
    let mut reach = Vec::with_capacity(explicit.len());
    let mut max_end = 0;
    for e in &explicit {
        max_end = max_end.max(e.end);
        reach.push(max_end);
    }
    found.retain(|a| {
        if a.kind == ActionKind::Explicit {
            return true;
        }
        let i = explicit.partition_point(|e| e.start < a.span.end);
        // every explicit span before `i` starts before this one ends: it
        // overlaps when the furthest of them reaches past this one's start
        !(i > 0 && reach[i - 1] > a.span.start)
    });
    doc.actions.extend(found);
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The spans of action sections: from a heading (or a short line, or an
/// agenda item) named like a register of actions, to the next item,
/// heading or decision.
fn action_sections(text: &str, doc: &Document) -> Vec<Span> {
    static OUTSTANDING: OnceLock<Regex> = OnceLock::new();
    let outstanding = OUTSTANDING.get_or_init(|| {
        Regex::new(r"(?i)^(?:outstanding(?:\s+for\s+action|\s+actions?)?|actions?\s+(?:arising|outstanding|agreed|log)|matters\s+for\s+action)\s*:").unwrap()
    });
    let mut starts: Vec<usize> = Vec::new();
    for item in &doc.items {
        if is_register_heading(&item.title) || item.title.to_lowercase().contains("action items") {
            starts.push(item.heading_span.start);
        }
    }
    for b in &doc.blocks {
        let t = clean(&text[b.text.clone()]);
        let heading = b.kind == BlockKind::Heading && is_register_heading(&t);
        let short_line = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) && t.len() <= 80 && outstanding.is_match(&t);
        if heading || short_line {
            starts.push(b.span.start);
        }
    }
    starts.sort_unstable();
    let mut boundaries: Vec<usize> = doc.items.iter().map(|i| i.heading_span.start).collect();
    boundaries.extend(doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| b.span.start));
    boundaries.extend(doc.resolved_blocks.iter().filter(|r| !r.inline).map(|r| r.span.start));
    boundaries.extend(doc.labels.iter().map(|l| l.start));
    boundaries.sort_unstable();
    starts
        .into_iter()
        .map(|s| {
            let end = boundaries.iter().copied().find(|&b| b > s).unwrap_or(text.len());
            s..end
        })
        .collect()
}

/// An entry of an action section: the whole entry is one explicit action;
/// its owner is the one a commitment names, or the `Name:` before it.
fn section_entry(text: &str, block: &Block, commitments: &[Commitment]) -> Vec<Action> {
    let body = &text[block.text.clone()];
    let words = body.split_whitespace().count();
    if words < 3 {
        return Vec::new();
    }
    // "* Brett: Remind PMCs to report on dates": the name before the colon
    static NAME: OnceLock<Regex> = OnceLock::new();
    let name = NAME.get_or_init(|| Regex::new(r"^@?([A-Z][\p{L}'’.\-]+(?:\s[A-Z][\p{L}'’.\-]+)?):\s").unwrap());
    let owner = (block.kind == BlockKind::ListItem)
        .then(|| name.captures(body))
        .flatten()
        .and_then(|c| c.get(1))
        .map(|m| Owner { name: m.as_str().to_string(), span: Some(block.text.start + m.start()..block.text.start + m.end()) });
    if owner.is_none() && !commitments.is_empty() {
        return commitments
            .iter()
            .map(|c| from_commitment(text, block, c.clone(), ActionKind::Explicit))
            .collect();
    }
    vec![Action {
        owners: owner.into_iter().collect(),
        task: clean(body),
        due: None,
        span: block.text.clone(),
        kind: ActionKind::Explicit,
        owner_slot: block.text.start,
        owner_slot_prefix: "",
    }]
}

/// `@Greg: Is it time to retire the project?`: an action the board gives
/// one of its members.
fn board_action(text: &str, block: &Block) -> Option<Action> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| Regex::new(r"^@([A-Z][\p{L}'’\-]*(?:\s[A-Z][\p{L}'’\-]*)?):\s*(.*)").unwrap());
    let body = &text[block.text.clone()];
    let c = p.captures(body)?;
    let name = c.get(1)?;
    Some(Action {
        owners: vec![Owner { name: name.as_str().to_string(), span: Some(block.text.start + name.start()..block.text.start + name.end()) }],
        task: clean(c.get(2).map_or("", |m| m.as_str())),
        due: None,
        span: block.text.clone(),
        kind: ActionKind::Explicit,
        owner_slot: block.text.start + 1,
        owner_slot_prefix: "",
    })
}

/// "1) Action: The phone number … to go on the website.", "Further Action
/// Agreed: That the Clerk contact …": an action marker inside prose, up to
/// the end of its sentence.
fn inline_action_markers(text: &str, block: &Block) -> Vec<Action> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| Regex::new(r"\b(?:Further\s+)?(?:Action|ACTION)S?(?:\s+(?:Agreed|AGREED))?:[\s\u{a0}]+").unwrap());
    let body = &text[block.text.clone()];
    let mut out = Vec::new();
    for m in p.find_iter(body) {
        if m.start() == 0 && block.kind == BlockKind::ActionLine {
            continue;
        }
        let sentence = sentence_around(body, m.end());
        let task_span = m.end()..sentence.end.max(m.end());
        let task_text = &body[task_span.clone()];
        let owners = commitments::find_commitments(task_text)
            .into_iter()
            .find(|c| !c.owners.is_empty())
            .map(|c| c.owners.into_iter().map(|n| Owner { name: n, span: None }).collect())
            .or_else(|| leading_person(task_text).map(|(n, r)| vec![Owner { name: n, span: Some(block.text.start + m.end() + r.start..block.text.start + m.end() + r.end) }]))
            .unwrap_or_default();
        out.push(Action {
            owners,
            task: clean(task_text),
            due: None,
            span: block.text.start + m.start()..block.text.start + task_span.end,
            kind: ActionKind::Explicit,
            owner_slot: block.text.start + m.end(),
            owner_slot_prefix: "",
        });
    }
    out
}

/// A person named at the start of a clause: "Cllr Shirley Cordner offered…",
/// "Gavin Berry agreed…".
fn leading_person(s: &str) -> Option<(String, Span)> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| {
        Regex::new(r"^(?:(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z][\p{L}'’\-]+(?:\s+[A-Z][\p{L}'’\-]+)?|[A-Z][a-z]+\s+[A-Z][a-z]+)\s+[a-z]").unwrap()
    });
    let m = p.find(s)?;
    let end = s[..m.end()].trim_end_matches(|c: char| c.is_lowercase()).trim_end().len();
    let name = &s[..end];
    if name.split_whitespace().next().is_some_and(|w| matches!(w, "The" | "This" | "It" | "There" | "A" | "An")) {
        return None;
    }
    Some((name.to_string(), 0..end))
}

fn from_commitment(text: &str, block: &Block, c: Commitment, kind: ActionKind) -> Action {
    let base = block.text.start;
    let span = base + c.span.start..base + c.span.end;
    let owner_spans: Vec<Option<Span>> = match &c.owner_span {
        Some(s) if c.owners.len() == 1 => vec![Some(base + s.start..base + s.end)],
        _ => vec![None; c.owners.len()],
    };
    // the date is resolved in `Document::finish`, against the meeting date
    let due = c.due.map(|d| Due { text: d.text, span: base + d.span.start..base + d.span.end, date: None, vague: d.vague, problem: None });
    let sentence = &text[span.clone()];
    let end_trim = sentence.trim_end().trim_end_matches(['.', ';', ',']).len();
    Action {
        owners: c.owners.into_iter().zip(owner_spans).map(|(name, span)| Owner { name: clean_owner(&name), span }).collect(),
        task: clean(sentence).trim_end_matches(['.', ';']).to_string(),
        due,
        span: span.clone(),
        kind,
        owner_slot: span.start + end_trim,
        owner_slot_prefix: " ",
    }
}
