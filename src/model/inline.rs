//! Structure written inside prose, which the line-level grammar leaves as
//! text: decisions written inline ("This was AGREED.", motions that carry),
//! unnumbered headings that head items, and the meeting date. (Items that
//! start mid-line are read with the numbering scheme, in `structure`.)

use std::sync::OnceLock;

use regex::Regex;

use super::pattern::Pattern;

use super::build::clean;
use super::*;

/// `memo`: the decisions and where motions start in the blocks of earlier
/// versions of this document, kept by the caller.
pub(super) fn analyse(text: &str, doc: &mut Document, mut memo: Option<&mut Memo>) {
    promote_headings(text, doc);
    agenda_repeated(text, doc);
    agenda_list(text, doc);
    inline_decisions(text, doc, memo.as_deref_mut());
    trailing_resolution_labels(text, doc);
    motions(text, doc, memo);
    headings_over_decided_lists(text, doc);
    decided_bullets(text, doc);
    meeting(text, doc);
}

/// Short lines set off by blank lines head items in minutes that have no
/// numbered items (a board's "e-Prescribing", "Any other business"). The
/// first block of the file is its title, not an item; "Actions" and
/// "Decisions" head registers, "Notes" and "Agenda" parts of the minutes,
/// not items.
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
        if Some(h.span.start) == first_block || h.span.start < first_content || is_register_heading(&title) || crate::catalogue::is_part_heading(&title) {
            continue;
        }
        doc.items.push(AgendaItem {
            number: None,
            title,
            heading_span: h.text.clone(),
            title_span: Some(h.text.clone()),
            span: h.span.clone(),
            form: ItemForm::Heading,
            numbering: None,
        });
    }
}

/// The agenda listed at the top ("Agenda:" over "* Nominate a minute
/// taker", "* Review outstanding actions", …), then each part of the notes
/// headed by its entry's words again, in whatever marker the notes use
/// ("** Review outstanding actions", "-- Finance", "Finance:"): those lines
/// are the items. Most of the entries must come back for the
/// lines to be read so; items the structure found in another way stay
/// when they are numbered or Markdown headings.
fn agenda_repeated(text: &str, doc: &mut Document) {
    let Some((entries, list_end)) = listed_agenda(text, doc) else { return };
    if entries.len() < 3 {
        return;
    }
    let keys: Vec<String> = entries.iter().map(|b| title_key(&text[b.text.clone()])).collect();
    // no line much longer than the longest entry can repeat one
    let longest = entries.iter().map(|b| b.text.len()).max().unwrap_or(0) + 16;
    // a list after it that repeats the entries is another agenda (the next
    // meeting's), not headings
    let mut blocks: Vec<&Block> = doc.blocks.iter().filter(|b| b.span.start >= list_end && b.kind != BlockKind::ListItem).collect();
    blocks.sort_by_key(|b| b.span.start);
    // each entry's words met again, the first time after the list (a
    // meeting may take its items out of order)
    let mut met = vec![false; keys.len()];
    let mut found: Vec<(Span, String)> = Vec::new();
    for b in blocks {
        let line = text[b.span.clone()].lines().next().unwrap_or("");
        if line.len() > longest {
            continue;
        }
        let key = title_key(line);
        let Some(k) = keys.iter().enumerate().position(|(k, t)| !met[k] && !t.is_empty() && *t == key) else { continue };
        met[k] = true;
        let lead = line.len() - line.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let heading = b.span.start + lead..b.span.start + line.trim_end().len();
        found.push((heading.clone(), clean(&text[heading])));
    }
    if found.len() < 3 || found.len() * 3 < keys.len() * 2 {
        return;
    }
    let already = |at: &Span| doc.items.iter().any(|i| i.heading_span.start <= at.start && at.start < i.heading_span.end.max(i.heading_span.start + 1));
    if found.iter().all(|(at, _)| already(at)) {
        return;
    }
    doc.items.retain(|i| i.heading_span.start < list_end || i.form == ItemForm::Numbered && !already_matched(i, &found));
    // the line heads the item: it is no prose (nor an entry of a register
    // the item may hold); lines after it in its block are
    for (heading, _) in &found {
        let Some(k) = doc.blocks.iter().position(|b| b.span.contains(&heading.start)) else { continue };
        let block = doc.blocks[k].clone();
        let line_end = text[heading.end..block.span.end].find('\n').map_or(block.span.end, |n| heading.end + n + 1);
        doc.blocks[k] = Block { kind: BlockKind::Heading, span: block.span.start..line_end, text: heading.clone() };
        let rest = line_end..block.text.end.max(line_end);
        if !text[rest.clone()].trim().is_empty() {
            let lead = text[rest.clone()].len() - text[rest.clone()].trim_start().len();
            doc.blocks.push(Block { kind: block.kind, span: line_end..block.span.end, text: rest.start + lead..rest.end });
        }
    }
    for (heading, title) in found {
        doc.items.push(AgendaItem { number: None, title, heading_span: heading.clone(), title_span: Some(heading.clone()), span: heading, form: ItemForm::Heading, numbering: None });
    }
}

/// Whether `item` heads the same line as one of the agenda's repeated entries.
fn already_matched(item: &AgendaItem, found: &[(Span, String)]) -> bool {
    found.iter().any(|(at, _)| item.heading_span.start <= at.end && at.start <= item.heading_span.end)
}

/// An agenda entry's words as compared: lower case, letters and digits,
/// without the marker or number before them.
fn title_key(line: &str) -> String {
    let t = line.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "1. Welcome", "2) Apologies"
    let t = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(k) if k > 0 && t[k..].starts_with(['.', ')']) => &t[k + 1..],
        _ => t,
    };
    t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The top-level entries of the agenda listed under an "Agenda" label or
/// heading, and where the list ends.
pub(super) fn listed_agenda<'d>(text: &str, doc: &'d Document) -> Option<(Vec<&'d Block>, usize)> {
    let mut blocks: Vec<&Block> = doc.blocks.iter().collect();
    blocks.sort_by_key(|b| b.span.start);
    let is_agenda = |b: &Block| {
        let title = text[b.text.clone()].trim_matches(|c: char| c == '#' || c == '*' || c.is_whitespace());
        matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph) && (super::structure::is_agenda_heading(title) || title.trim_end_matches(':').eq_ignore_ascii_case("agenda items"))
    };
    let at = blocks.iter().position(|b| is_agenda(b))?;
    let entries: Vec<&Block> = blocks[at + 1..].iter().take_while(|b| b.kind == BlockKind::ListItem).copied().collect();
    let end = entries.last()?.span.end;
    let indent = |b: &Block| column(text, b.span.start);
    let top = entries.iter().map(|b| indent(b)).min()?;
    Some((entries.into_iter().filter(|b| indent(b) == top).collect(), end))
}

/// Minutes with no item headings of their own, only the agenda listed at
/// the top ("# Agenda" over "- Actions from meeting 80 (Steve)", "- ICAT
/// development (Steve)", …) and notes after it: the agenda's entries are
/// the items.
fn agenda_list(text: &str, doc: &mut Document) {
    if !doc.items.is_empty() {
        return;
    }
    let Some((top_level, _)) = listed_agenda(text, doc) else { return };
    if top_level.len() < 2 {
        return;
    }
    let top_level: Vec<Block> = top_level.into_iter().cloned().collect();
    for b in &top_level {
        let body = text[b.text.clone()].trim_end();
        doc.items.push(AgendaItem {
            number: None,
            title: clean(body),
            heading_span: b.text.start..b.text.start + body.len(),
            title_span: Some(b.text.start..b.text.start + body.len()),
            span: b.span.clone(),
            form: ItemForm::Heading,
            numbering: None,
        });
    }
}

/// "Actions", "Action items", "Decisions", "Outstanding actions": headings
/// of a register of actions or decisions.
pub(super) fn is_register_heading(title: &str) -> bool {
    static P: OnceLock<Regex> = OnceLock::new();
    P.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:review(?:\s+of)?\s+)?(?:outstanding|open|new|summary\s+of)?\s*(?:actions?|action\s+(?:items?|points|log|list|tracker)|decisions?)(?:\s+(?:arising|agreed|taken|items?|log))?|matters\s+for\s+action|next\s+steps|ais|follow[\s-]*ups?|to[\s-]?dos?)\s*:?$").unwrap()
    })
    .is_match(title.trim())
}

/// Whether `text` holds a word every inline decision marker is written
/// with (the marker pattern is case-sensitive): a block without one is not
/// searched, and a document without one does not compile the pattern.
fn may_decide(text: &str) -> bool {
    ["AGREED", "APPROVED", "RESOLVED", "DECISION:", "DECIDED", "Agreed", "Approved", "Resolved", "Resolution", "Decided", "Decision", "Conclusion", "Consensus", "Outcome", "OUTCOME", "Result", "RESULT", "carried", "passed", "adopted", "approved", "Unanimously", "resolved", "decided", "elected", "ratified", "endorsed", "voted"]
        .iter()
        .any(|w| text.contains(w))
}

/// Decisions recorded inside prose: "This was AGREED.", "It was AGREED
/// that …", "The Council APPROVED …", "… DECISION: 1) … 2) …", "Decided to
/// …" or "Unanimously agreed to …" opening a sentence, the body deciding
/// at a sentence's start ("The Board approved the budget", "The members
/// elected Ann Lee", "The committee voted 5-0 to …"), a label opening a
/// block ("- Consensus: ship in March"), and a marker in bold,
/// "**Decision:** adopt the logo".
fn inline_decisions(text: &str, doc: &mut Document, mut memo: Option<&mut Memo>) {
    let existing = Reach::new(doc.resolved_blocks.iter().map(|b| b.span.clone()));
    let mut found = Vec::new();
    for block in &doc.blocks {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedParagraph) {
            continue;
        }
        if existing.contains(&block.span) {
            continue;
        }
        let body = &text[block.text.clone()];
        let decided = match memo.as_deref_mut() {
            Some(memo) => memo.decisions.entry(body).get_or_insert_with(|| decisions_in(body)).clone(),
            None => decisions_in(body),
        };
        let at = |r: &Span| block.text.start + r.start..block.text.start + r.end;
        found.extend(decided.into_iter().map(|d| {
            let span = at(&d.sentence);
            let resolutions = (0..d.count).map(|_| Resolution { marker: None, text: clean(&text[span.clone()]), span: span.clone() }).collect();
            ResolvedBlock { marker: body[d.marker.clone()].to_string(), marker_span: at(&d.marker), span, resolutions, inline: true }
        }));
    }
    doc.resolved_blocks.extend(found);
}

/// A decision [`decisions_in`] found in a block, by offsets into it.
#[derive(Clone, Debug)]
pub(super) struct Decided {
    marker: Span,
    sentence: Span,
    /// How many resolutions it makes ("1) … 2) …"), at least one.
    count: usize,
}

/// A decision's keyword: group 1 an earlier decision reported ("had been
/// AGREED"), group 2 the keyword, group 3 the subject of "The Board
/// approved".
pub(super) static DECIDES: Pattern = Pattern::new(
    r"(?:\b(had[\s\u{a0}]+been[\s\u{a0}]+)|\balso[\s\u{a0}]+)?(\bAGREED|\bAPPROVED|\bRESOLVED|\bDECISION:|\bDECIDED|\b(?:Agreed|Resolved|Decided)[\s\u{a0}]+that\b|\bDecided[\s\u{a0}]+to\b|\bAgreed[\s\u{a0}]+to[\s\u{a0}]+\p{Ll}|\bUnanimously[\s\u{a0}]+(?:agreed|approved|resolved|decided)\b|\bThe[\s\u{a0}]+((?:[\p{L}-]+[\s\u{a0}]+)?\p{L}+)[\s\u{a0}]+(?:unanimously[\s\u{a0}]+)?(?:approved|adopted|resolved|decided|elected|ratified|endorsed|voted[\s\u{a0}]+(?:unanimously[\s\u{a0}]+|\d+[\s\u{a0}]*[-–:][\s\u{a0}]*\d+[\s\u{a0}]+)?(?:to|in[\s\u{a0}]+favou?r))\b|\bAgreed(?:[\s\u{a0}]+(?:unanimously|by[\s\u{a0}]+all))?[\s\u{a0}]*[.!](?:[\s\u{a0}]|$)|^(?:Decisions?|Resolution|Conclusions?|Consensus|Agreed|Resolved|Approved)[\s\u{a0}]*:|[\s\u{a0}][–—-][\s\u{a0}]*(?:passed|carried|agreed|approved|adopted)[.!]?[\s\u{a0}]*(?m:$)|(?m:^)[\s\u{a0}]*\p{Lu}[^\n.:;]{0,30}?[\s\u{a0}](?:carried|passed|adopted)[.!]?[\s\u{a0}]*(?m:$)|^Resolution[\s\u{a0}]+to[\s\u{a0}]+\p{Ll}|(?m:^)[\s\u{a0}]*(?:Outcome|Result|OUTCOME|RESULT)[\s\u{a0}]*:[\s\u{a0}]*(?:\*\*|__)?(?i:approved|agreed|carried|passed|adopted|accepted)\b|(?:\*\*|__)(?:Decision|Resolution|Resolved|Agreed|Approved|Conclusion|Consensus)s?(?::(?:\*\*|__)|(?:\*\*|__):))",
);

/// The decisions written inside one block's text (a function of that text
/// alone, so the caller's memo can keep it by the text).
fn decisions_in(body: &str) -> Vec<Decided> {
    static N: OnceLock<Regex> = OnceLock::new();
    let numbered = || N.get_or_init(|| Regex::new(r"(?:^|[\s\u{a0}])\(?\d{1,2}\)[\s\u{a0}]").unwrap());
    static S: OnceLock<Regex> = OnceLock::new();
    let numbered_start = || S.get_or_init(|| Regex::new(r"^[\s\u{a0}]*\(?\d{1,2}\)[\s\u{a0}]").unwrap());
    // a block in capitals is a heading, not a decision
    if !body.chars().any(char::is_lowercase) || !may_decide(body) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut index = None;
    for c in DECIDES.captures_iter(body) {
        if c.get(1).is_some() {
            continue; // "It had been AGREED": an earlier decision, reported
        }
        // "The Board approved …", "The Board unanimously adopted …": only a
        // body that decides as one
        let deciding_body = |subject: &str| {
            let noun = subject.split_whitespace().rfind(|w| *w != "unanimously").unwrap_or("");
            crate::catalogue::lexicon::is(crate::catalogue::lexicon::Class::DecidingBody, &noun.to_lowercase())
        };
        if c.get(3).is_some_and(|subject| !deciding_body(subject.as_str())) {
            continue;
        }
        let index = index.get_or_insert_with(|| sentences::Sentences::new(body));
        let m = c.get(2).expect("group 2 always matches");
        let at = m.start();
        // the keyword must stand in a sentence of ordinary case
        let sentence = index.around(at);
        // "Agreed that" in ordinary case decides only at a sentence's start
        // ("Discussion: … Agreed that the PFA will pay …")
        let ordinary_case = m.as_str().chars().nth(1).is_some_and(char::is_lowercase);
        if ordinary_case && !(sentence.start == at || body[..at].trim_end().ends_with(':')) {
            continue;
        }
        let sentence_text = &body[sentence.clone()];
        if !sentence_text.chars().any(char::is_lowercase) {
            continue;
        }
        // "DECISION: 1) To bid … 2) To bid …": the numbered resolutions
        // after a colon run on over the sentences that start with one
        let mut sentence = sentence;
        if m.as_str().ends_with(':') {
            while sentence.end < body.len() && numbered_start().is_match(&body[sentence.end..]) {
                let next = index.around((sentence.end + 1 + (body[sentence.end..].len() - body[sentence.end..].trim_start().len())).min(body.len() - 1));
                if next.end <= sentence.end {
                    break;
                }
                sentence.end = next.end;
            }
        }
        let resolutions_text = &body[m.end()..sentence.end.max(m.end())];
        let count = numbered().find_iter(resolutions_text).count().max(1);
        found.push(Decided { marker: m.range(), sentence, count });
    }
    found
}

/// A decision written as a label after its motion: "… agreed unanimously.
/// Resolved 22/11/6/15.ii." The block is the paragraph the motion is in.
fn trailing_resolution_labels(text: &str, doc: &mut Document) {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = || P.get_or_init(|| Regex::new(r"[.!?][\s\u{a0}]+(Resolved|RESOLVED)[\s\u{a0}]+\(?\d[\w./()]*\.?[\s\u{a0}]*$").unwrap());
    let mut found = Vec::new();
    let resolved = Reach::new(doc.resolved_blocks.iter().map(|r| r.span.start..r.span.end.max(r.span.start + 1)));
    for block in doc.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::NumberedParagraph | BlockKind::ListItem)) {
        if resolved.holds(block.text.start) {
            continue;
        }
        let body = &text[block.text.clone()];
        // the label is one of these two words: a block without them is not searched
        if !body.contains("Resolved") && !body.contains("RESOLVED") {
            continue;
        }
        let Some(c) = p().captures(body) else { continue };
        let Some(m) = c.get(1) else { continue };
        let label_start = block.text.start + m.start();
        let span = block.text.clone();
        found.push(ResolvedBlock {
            marker: clean(&text[label_start..block.text.end]),
            marker_span: label_start..block.text.end,
            resolutions: vec![Resolution { marker: None, text: clean(&text[block.text.start..label_start]), span: block.text.start..label_start }],
            span,
            inline: true,
        });
    }
    doc.resolved_blocks.extend(found);
}

/// Whether `text` holds a word every motion start is written with: the
/// start pattern has Unicode word boundaries, which the regex crate's fast
/// engines cannot take past the first non-ASCII character, so on a long
/// block of prose it runs at a few MB/s; a block without these words
/// cannot match it.
fn may_start_motion(text: &str) -> bool {
    // every way the pattern starts holds one of these ("moved", not
    // "move": "remove" and "movement" are common and start nothing)
    ["otion", "OTION", "moves", "moved", "MOVED", "Moved", "M/S/", "Vote:", "VOTE:", "Vote to", "Vote on", "VOTE TO", "VOTE ON", "VOTED", "roposed", "ROPOSED", "Proposal:", "PROPOSAL:"].iter().any(|w| text.contains(w))
}

/// "Vote: all in favour", "Moved by Ames, seconded by Bell.": the vote on,
/// or the movers of, the motion before it, when that motion's outcome is
/// read on.
fn records_motion_before(block: &str) -> bool {
    let t = block.trim_start_matches(|c: char| c.is_whitespace() || c == '*' || c == '_');
    ["Vote:", "VOTE:", "Moved", "MOVED"].iter().any(|w| t.starts_with(w)) || names_mover_only(t)
}

/// "KC0HIG moved", "Jane Doe moved.": a line that names who moved and
/// nothing of what: under "Motion to approve …" it records that motion's
/// mover; alone, with its seconder and outcome after it, it is the motion.
fn names_mover_only(line: &str) -> bool {
    let t = line.trim().trim_end_matches('.').trim_end();
    // a name or a call sign: every word capitalised ("The furniture was moved" is prose)
    t.strip_suffix("moved").is_some_and(|who| {
        who.ends_with([' ', '\u{a0}']) && (1..=4).contains(&who.split_whitespace().count()) && who.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
    })
}

/// Where a motion starts.
pub(super) static MOTION_START: Pattern = Pattern::new(
    r"(?:\b(?:makes?|made)[\s\u{a0}]+(?:a|the)[\s\u{a0}]+motion\b|\b[Mm]otion[\s\u{a0}]+(?:by|from|made[\s\u{a0}]+by)[\s\u{a0}]+\p{Lu}|(?:^|[.!?][\s\u{a0}]+)Motion[\s\u{a0}]+to[\s\u{a0}]|\b\p{Lu}\p{L}+[\s\u{a0}]+(?:moves|moved)[\s\u{a0}]+(?:to|that|the)[\s\u{a0}]|\b\p{Lu}\p{L}+[\s\u{a0}]+proposed[\s\u{a0}]+(?:that|the)[\s\u{a0}]|(?:^|\n)[\s\u{a0}]*(?:[-*+][\s\u{a0}]+)?(?:MOVED|VOTED)\b|(?:^|\n)[\s\u{a0}]*(?:Proposed|PROPOSED|Moved)[\s\u{a0}]*:?[\s\u{a0}]+\p{Lu}\p{Ll}+[\s\u{a0}]+\p{Lu}\p{Ll}+[\s\u{a0}]*(?:\n|$)|\b(?:[Aa]|[Tt]he)[\s\u{a0}]+motion[\s\u{a0}]+(?:to[\s\u{a0}]+\p{Ll}+[\s\u{a0}]+)?(?:was[\s\u{a0}]+)?(?:made|moved|offered|put)\b|\b(?:[Oo]n|[Uu]pon)[\s\u{a0}]+(?:(?:a|the)[\s\u{a0}]+)?motion\b|(?:^|[.!?\n][\s\u{a0}]*)(?:VOTE|Vote):|(?:^|[.!?\n][\s\u{a0}]*)(?:VOTE|Vote)[\s\u{a0}]+(?:to|on)[\s\u{a0}]|\b[Pp]roposed[\s\u{a0}]+by[\s\u{a0}]+\p{Lu}|\b[Ii]t[\s\u{a0}]+was[\s\u{a0}]+(?:duly[\s\u{a0}]+)?moved\b|\b(?:[Aa]sk(?:ing|ed)?|[Cc]all(?:ing|ed)?)[\s\u{a0}]+for[\s\u{a0}]+a[\s\u{a0}]+motion\b|\bso[\s\u{a0}]+moved\b|\bM/S/[CPA]\b|(?:^|[.!?\n][\s\u{a0}]*)(?:\*\*|__)?(?:MOTION|Motion)(?:\*\*|__)?:|(?:^|[.!?\n][\s\u{a0}]*)(?:MOTION|Motion)[\s\u{a0}]*\(\p{Lu}|(?:^|[.!?\n][\s\u{a0}]*)(?:Moved|MOVED)[\s\u{a0}]+(?:by[\s\u{a0}]+)?\p{Lu}\p{L}*[\s\u{a0}]*[,;(/]|(?:^|\n)[\s\u{a0}]*(?:\*\*|__)?(?:Proposal|PROPOSAL)(?:\*\*|__)?:|\([Pp]roposed:[\s\u{a0}]*\p{Lu}|(?m:^[\s\u{a0}]*(?:[-*+][\s\u{a0}]+)?\p{Lu}[\p{L}\p{N}.'’-]*(?:[ \u{a0}]+\p{Lu}[\p{L}\p{N}.'’-]*){0,3}[ \u{a0}]+moved[ \u{a0}]*\.?[ \u{a0}]*$))",
);

/// Motions that carry: "X makes a motion to …, Y seconds the motion. …
/// Motion approved.", "Motion by X, seconded by Y … carried 4-0", "MOVED by
/// X / THAT … / SECONDED by Y", "Upon motion duly made and seconded, the
/// Board approved the budget", "Vote: … Passed.". Each is a block of one resolution where the
/// motion starts; a motion that fails, or whose outcome is not written, is
/// not a decision.
fn motions(text: &str, doc: &mut Document, mut memo: Option<&mut Memo>) {
    static CARRIED: OnceLock<Regex> = OnceLock::new();
    static FAILED: OnceLock<Regex> = OnceLock::new();
    static SECONDED: OnceLock<Regex> = OnceLock::new();
    let carried = || {
        CARRIED.get_or_init(|| Regex::new(r"(?i)\b(?:motion|it|proposal|amendment|resolution|recommendation)[\s\u{a0}]+(?:was[\s\u{a0}]+)?(?:unanimously[\s\u{a0}]+)?(?:approved|carried|passed|adopted|accepted|agreed|carries|passes)\b|\bwas[\s\u{a0}]+(?:duly[\s\u{a0}]+|unanimously[\s\u{a0}]+)?carried\b|\belected[\s\u{a0}]+unanimously\b|\bunanimously[\s\u{a0}]+elected\b|\bunanimously[\s\u{a0}]+(?:approved|adopted|carried|passed|accepted|agreed)\b|\ball[\s\u{a0}]+(?:were[\s\u{a0}]+)?in[\s\u{a0}]+favou?r\b|\bunanimous[\s\u{a0}]+(?:vote|decision|approval|consent|agreement)\b|\bvote[\s\u{a0}]+was[\s\u{a0}]+unanimous\b|\bmaking[\s\u{a0}]+it[\s\u{a0}]+unanimous\b|\b(?:carried|approved|passed|adopted|accepted|agreed)[\s\u{a0}]+(?:unanimously|\d+[\s\u{a0}]*[-–:][\s\u{a0}]*\d+)|\bdeclared[\s\u{a0}]+adopted\b|\b(?:approved|adopted)[\s\u{a0}]+(?:the|a|an|this|these|its|their)[\s\u{a0}]|(?m:^)[\s\u{a0}]*(?:carried|approved|accepted|passed|elected)\b|\bseconded[\s\u{a0}]+and[\s\u{a0}]+(?:unanimously[\s\u{a0}]+)?carried\b|\bvoted[\s\u{a0}]+(?:unanimously[\s\u{a0}]+|\d+[\s\u{a0}]*[-–:][\s\u{a0}]*\d+[\s\u{a0}]+)?to\b|\bM/S/[CPA]\b|(?:^|[.!?:][\s\u{a0}]+)(?:Passed|Carried|PASSED|CARRIED)\b|(?:^|\n)[\s\u{a0}]*(?:[-*+][\s\u{a0}]+)?(?-i:VOTED)\b").unwrap())
    };
    let failed = || FAILED.get_or_init(|| Regex::new(r"(?i)\bmotion[\s\u{a0}]+(?:was[\s\u{a0}]+)?(?:failed|fails|defeated|lost|withdrawn|tabled)\b").unwrap());
    let seconded = || SECONDED.get_or_init(|| Regex::new(r"(?i)\bseconded\b|\bseconds\b").unwrap());
    let mut found = Vec::new();
    // a short line alone reads as a heading: "Proposed Ann Lee" over
    // "Seconded Bob Stone" over "Accepted by all" is a motion all the same
    let names_a_mover = |b: &Block| {
        let line = &text[b.text.clone()];
        ["proposed", "moved", "voted", "seconded", "carried", "accepted", "approved", "passed", "agreed"].iter().any(|w| line.get(..w.len()).is_some_and(|start| start.eq_ignore_ascii_case(w)))
            // "Approval of Agenda and Minutes: M/S/C": moved, seconded, carried
            || line.contains("M/S/")
    };
    let blocks: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::NumberedParagraph | BlockKind::ListItem) || b.kind == BlockKind::Heading && names_a_mover(b))
        .collect();
    // each motion found, from its start to its outcome
    let mut reaches: Vec<Span> = Vec::new();
    // the end of the blocks the last motion read its outcome from: a
    // "Vote: all in favour" entry there records that motion, not one of its own
    let mut outcome_read_to = 0;
    let resolved = Reach::new(doc.resolved_blocks.iter().filter(|r| !r.inline).map(|r| r.span.clone()));
    for (k, block) in blocks.iter().enumerate() {
        if block.text.start < outcome_read_to {
            continue;
        }
        if resolved.holds(block.text.start) {
            continue;
        }
        let body = &text[block.text.clone()];
        if !may_start_motion(body) {
            continue;
        }
        let find = || MOTION_START.find_iter(body).map(|m| m.start() + (m.as_str().len() - m.as_str().trim_start_matches(['.', '!', '?', '\n', ' ', '\u{a0}']).len())).collect::<Vec<usize>>();
        let mut starts = match memo.as_deref_mut() {
            Some(memo) => memo.motion_starts.entry(body).get_or_insert_with(find).clone(),
            None => find(),
        };
        // "Motion to buy a bench. Moved by Ames, seconded by Bell. Carried.":
        // the movers or the vote of a motion still open are part of it
        let mut open: Option<usize> = None;
        starts.retain(|&at| {
            let part_of_open = open.is_some_and(|from| records_motion_before(&body[at..]) && !carried().is_match(&body[from..at]));
            if !part_of_open {
                open = Some(at);
            }
            !part_of_open
        });
        let mut index = None;
        for (j, &at) in starts.iter().enumerate() {
            // the outcome: before the next motion in this block, or in the
            // next block or two (MOVED / THAT / SECONDED / CARRIED lines)
            let end = starts.get(j + 1).copied().unwrap_or(body.len());
            let mut outcome = &body[at..end];
            // the blocks after it, each with where it ends in the text
            let mut following = Vec::new();
            if j + 1 == starts.len() {
                for next in blocks.iter().skip(k + 1).take(3) {
                    let t = &text[next.text.clone()];
                    if may_start_motion(t) && MOTION_START.is_match(t) && !records_motion_before(t) {
                        break;
                    }
                    following.push((t, next.text.end));
                }
            }
            // where the decision ends: its sentence, or the block that
            // records its outcome ("**Motion:** Reject PR #13" / "Passed"),
            // which is then no decision of its own
            let mut outcome_end = None;
            let combined;
            if !following.is_empty() && !carried().is_match(outcome) {
                let mut joined = outcome.to_string();
                for (t, end) in &following {
                    joined.push('\n');
                    joined.push_str(t);
                    if carried().is_match(&joined) {
                        outcome_end = Some(*end);
                        break;
                    }
                }
                combined = joined;
                outcome = &combined;
            }
            // a motion moved and seconded in its own block, whose failure
            // is not written, stands ("MOVED: CF SECONDED: SW"): minutes
            // that name the seconder record the motions that passed
            // "Motion to approve X as President" over "W0CZ moved" and
            // "KC0HIG seconded": seconded in the lines that record it
            let seconded_after = outcome_end.is_none() && following.iter().any(|(t, _)| records_motion_before(t)) && seconded().is_match(outcome);
            if failed().is_match(outcome) || !(carried().is_match(outcome) || seconded().is_match(&body[at..end]) || seconded_after) {
                continue;
            }
            if seconded_after {
                // the lines read are this motion's, not motions of their own
                outcome_read_to = outcome_read_to.max(following.last().map_or(0, |(_, end)| *end));
            }
            // where its outcome is written, in its block or after it
            let outcome_at = outcome_end.unwrap_or_else(|| block.text.start + at + carried().find(outcome).map_or(0, |c| c.end()));
            let sentence = index.get_or_insert_with(|| sentences::Sentences::new(body)).around(at);
            // the motion is its sentence: "With these corrections, Member
            // Kattouw moved to approve …" starts at "With"
            let span = block.text.start + title_lines_skipped(body, sentence.start.min(at), at)..block.text.start + sentence.end.max(at + 1).min(body.len());
            if doc.resolved_blocks.iter().any(|r| r.span.start == span.start) {
                continue;
            }
            // "It was proposed by X, seconded by Y, all were in favour.
            // DECISION: 1) … 2) …": the marker after the motion records it
            let (motion_from, motion_to) = (block.text.start + at, block.text.start + end);
            if doc.resolved_blocks.iter().any(|r| r.span.start > motion_from && r.span.start < motion_to && !r.marker.chars().any(char::is_lowercase)) {
                continue;
            }
            outcome_read_to = outcome_read_to.max(outcome_end.unwrap_or(0));
            reaches.push(span.start..outcome_at.max(span.end));
            found.push(ResolvedBlock {
                marker: clean(&body[at..at + body[at..].find([' ', '\u{a0}', ',']).unwrap_or(body.len() - at)]).trim_matches(['*', '_']).to_string(),
                marker_span: block.text.start + at..block.text.start + at + body[at..].find([' ', '\u{a0}', ',']).unwrap_or(body.len() - at),
                resolutions: vec![Resolution { marker: None, text: clean(&text[span.clone()]), span: span.clone() }],
                span: span.start..outcome_end.unwrap_or(span.end),
                inline: true,
            });
        }
    }
    // a motion found here replaces an inline keyword block on its sentence
    // or its outcome ("Motion APPROVED", "This proposal was approved"): one
    // decision, where the motion starts
    let replaced: Vec<usize> = doc
        .resolved_blocks
        .iter()
        .enumerate()
        .filter(|(_, r)| r.inline && reaches.iter().any(|m| r.span.start > m.start && r.span.start <= m.end))
        .map(|(i, _)| i)
        .collect();
    let mut index = 0;
    doc.resolved_blocks.retain(|_| {
        index += 1;
        !replaced.contains(&(index - 1))
    });
    doc.resolved_blocks.extend(found);
}

/// Where a motion's sentence starts, from `from`, past the title lines
/// above the motion at `at` that no full stop ends: "**Minutes Approved
/// (D)**" over "It was moved by …" in one paragraph. A line in strong
/// emphasis or ending in a Markdown line break is a line of its own.
fn title_lines_skipped(body: &str, from: usize, at: usize) -> usize {
    let mut start = from;
    while let Some(nl) = body[start..at].find('\n') {
        let line = &body[start..start + nl];
        let bare = line.trim();
        let bold = bare.len() > 4 && (bare.starts_with("**") && bare.ends_with("**") || bare.starts_with("__") && bare.ends_with("__"));
        if !(bold || line.ends_with("  ")) || bare.ends_with(['.', '!', '?', ',', ';']) {
            break;
        }
        start += nl + 1;
    }
    start
}

/// A heading that says what was decided over a list ("## Grants
/// approved" over the grants): a block with a resolution per list item.
fn headings_over_decided_lists(text: &str, doc: &mut Document) {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = P.get_or_init(|| Regex::new(r"(?i)[\s\u{a0}](?:approved|agreed|adopted|decided|resolved|accepted|passed)[\s\u{a0}:]*$").unwrap());
    let headings: Vec<Span> = doc
        .items
        .iter()
        .filter(|i| !i.title.is_empty())
        .map(|i| i.heading_span.clone())
        .chain(doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| b.span.clone()))
        .collect();
    let mut found = Vec::new();
    for h in headings {
        let title = clean(&text[h.clone()]);
        if !p.is_match(&format!(" {title}")) || title.split_whitespace().count() < 2 {
            continue;
        }
        // the first block after the heading must be a list
        let Some(first) = doc.blocks.iter().filter(|b| b.span.start >= h.end).min_by_key(|b| b.span.start) else { continue };
        if first.kind != BlockKind::ListItem {
            continue;
        }
        let Some(list) = doc.list_items.iter().find(|l| l.span.start == first.span.start).map(|l| l.list) else { continue };
        let resolutions: Vec<Resolution> = doc
            .list_items
            .iter()
            .filter(|l| l.list == list)
            .map(|l| Resolution { marker: l.marker.clone(), text: clean(&text[l.span.clone()]), span: l.span.clone() })
            .collect();
        let end = resolutions.last().map_or(h.end, |r| r.span.end);
        let heading_start = h.start;
        found.push(ResolvedBlock { marker: title, marker_span: h, span: heading_start..end, resolutions, inline: false });
    }
    doc.resolved_blocks.extend(found);
}

/// A bullet that records a decision: "- Approved unanimously", "- Agreed no
/// need to vote", "- Carlton approved unanimously". A block of one
/// resolution, unless the bullet is already a resolution of a block.
fn decided_bullets(text: &str, doc: &mut Document) {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = || P.get_or_init(|| Regex::new(r"^(?:Approved|Agreed|Adopted|Carried|Passed)\b|\b(?:approved|agreed|adopted|carried|passed)[\s\u{a0}]+unanimously\b").unwrap());
    let mut found = Vec::new();
    let resolved = Reach::new(doc.resolved_blocks.iter().map(|r| r.span.clone()));
    for block in doc.blocks.iter().filter(|b| b.kind == BlockKind::ListItem) {
        if resolved.overlaps(&block.span) {
            continue;
        }
        let body = &text[block.text.clone()];
        let Some(m) = p().find(body) else { continue };
        found.push(ResolvedBlock {
            marker: m.as_str().trim().to_string(),
            marker_span: block.text.start + m.start()..block.text.start + m.end(),
            span: block.text.clone(),
            resolutions: vec![Resolution { marker: None, text: clean(body), span: block.text.clone() }],
            inline: true,
        });
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
            // an attendance list or an action line first is no title
            let titled = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading);
            if titled && (b.span.start < first_item || doc.items.is_empty()) {
                // the first line that is not a rule ("=====" over a title)
                let mut start = b.text.start;
                for line in text[b.text.clone()].split_inclusive('\n') {
                    let t = line.trim();
                    if t.is_empty() || t.chars().all(|c| matches!(c, '=' | '-' | '~' | '*' | '_' | '#')) {
                        start += line.len();
                        continue;
                    }
                    break;
                }
                let start = start.min(b.text.end);
                let line_end = text[start..b.text.end].find('\n').map_or(b.text.end, |i| start + i);
                let title = super::build::rendered(&clean(&text[start..line_end]));
                // "**Venue:** Renaissance Center": a field in bold, not a title
                let bold_field = ["**", "__"].iter().any(|m| text[start..line_end].trim_start().strip_prefix(m).is_some_and(|r| r.find(&format!(":{m}")).is_some_and(|i| r[..i].split_whitespace().count() <= 3)));
                if !title.is_empty() && title.len() <= 200 && !bold_field {
                    doc.meeting.title = Some(title);
                    doc.meeting.title_span = Some(start..line_end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decisions(text: &str) -> Vec<String> {
        // under an item, as in minutes (a file's first line is its title)
        let text = format!("1. Business\n\n{text}");
        Document::parse(&text).resolved_blocks.iter().flat_map(|r| r.resolutions.iter().map(|x| x.text.clone())).collect()
    }

    #[test]
    fn moved_seconded_and_carried_or_approved_in_short() {
        // on a line of its own after the business, as a heading would be written
        assert_eq!(decisions("Call to Order: 7:15 pm\n\nApproval of Agenda and Minutes: M/S/C\n\nRoll call\n").len(), 1);
        assert_eq!(decisions("Janice will step down from the Board and M/S/A to commend her service.\n").len(), 1);
        assert!(decisions("The M/S ratio was discussed.\n").is_empty());
    }

    #[test]
    fn a_mover_named_alone_on_a_line_is_a_motion() {
        // the mover, the seconder and the outcome, one entry each
        let text = "### Secretary's report\n* KC0HIG moved\n* KC0DCF seconded\n* Passed\n\n### Elections\n* Motion to approve Ann as President\n    * W0CZ moved\n    * KC0HIG seconded\n* Motion to approve Bo as Treasurer\n    * W0CZ moved\n    * KC0HIG seconded\n";
        let found = decisions(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].starts_with("KC0HIG moved") && found[1].starts_with("Motion to approve Ann") && found[2].starts_with("Motion to approve Bo"), "{found:?}");
        // a sentence that ends in "moved" is no motion
        assert!(decisions("The office has moved.\n\nThe furniture was moved.\n").is_empty());
    }

    #[test]
    fn the_agenda_listed_then_its_entries_repeated_as_lines_give_the_items() {
        let text = "OTC meeting 21.03.2023\n\nAgenda:\n    * Nominate a minute taker\n    * Review outstanding actions\n    * Finance\n    * AOB\n\n** Nominate a minute taker\n\nHugo volunteered.\n\nThe agenda was agreed.\n\n** Review outstanding actions\n\nNone were done.\n\n** AOB\n\nNothing.\n\n** Finance\n\nNext meeting:\n    * Nominate a minute taker\n    * Review outstanding actions\n";
        let items: Vec<String> = Document::parse(text).items.iter().map(|i| i.title.clone()).collect();
        // taken out of order; the next meeting's list is no heading
        assert_eq!(items, ["Nominate a minute taker", "Review outstanding actions", "AOB", "Finance"]);
        // the line heads its item, it is no entry of a register of actions
        let doc = Document::parse(text);
        assert!(doc.blocks.iter().any(|b| b.kind == BlockKind::Heading && &text[b.text.clone()] == "Review outstanding actions"));
        assert!(doc.actions.iter().all(|a| a.kind == ActionKind::Implied), "{:?}", doc.actions);
        // fewer than two in three of the entries met again: not read so
        let few = "Agenda:\n    * Welcome\n    * Finance\n    * Planning\n    * Highways\n    * AOB\n\nFinance\nThe accounts were read.\n\nPlanning\nNo applications came in.\n";
        let list_end = few.find("\n\nFinance").unwrap();
        assert!(Document::parse(few).items.iter().all(|i| i.span.start < list_end), "{:?}", Document::parse(few).items);
    }

    #[test]
    fn the_agenda_listed_over_notes_without_headings_gives_the_items() {
        let text = "Meeting 81 – 18 December 2014\n\n# Agenda\n\n  - Actions from meeting 80 (Steve)\n  - ICAT development (Steve)\n    - the new release\n  - AOB (Any)\n\n# Notes\n\nPresent: Rolf, Matt\n\nThe release went out.\n";
        let items: Vec<String> = Document::parse(text).items.iter().map(|i| i.title.clone()).collect();
        assert_eq!(items, ["Actions from meeting 80 (Steve)", "ICAT development (Steve)", "AOB (Any)"]);
        // where the notes have headings of their own, those are the items
        let text = "Board notes\n\n## Agenda\n\n- Budget\n- Website\n\n## Budget\n\nApproved.\n\n## Website\n\nLaunched.\n";
        let items: Vec<String> = Document::parse(text).items.iter().map(|i| i.title.clone()).collect();
        assert_eq!(items, ["Budget", "Website"]);
    }

    #[test]
    fn headings_of_registers() {
        for t in ["Actions", "Action items:", "Outstanding actions", "Decisions taken", "Next steps"] {
            assert!(is_register_heading(t), "{t}");
        }
        // MeetBot's summary by person repeats the register: a part (parts.txt)
        for t in ["Action on climate", "Decisions about the hall", "Action Items, by person"] {
            assert!(!is_register_heading(t), "{t}");
        }
    }

    #[test]
    fn an_attendance_list_first_is_no_title() {
        assert_eq!(Document::parse("Attendees: Ann, Bob\n\n* Welcome\n").meeting.title, None);
        assert_eq!(Document::parse("Board meeting\n\nAttendees: Ann, Bob\n").meeting.title.as_deref(), Some("Board meeting"));
        assert_eq!(Document::parse("**Meeting venue:** Renaissance Center\n**Date:** June 23, 2005\n\n1. Welcome\n").meeting.title, None);
    }

    #[test]
    fn the_body_deciding_at_a_sentences_start() {
        for text in [
            "The board approved the 2024 budget.\n",
            "The Board unanimously adopted the new policy.\n",
            "The members elected Ann Lee as chair.\n",
            "The committee voted 5-0 to fund the docs grant.\n",
            "Unanimously agreed to move hosting to the new provider.\n",
            "Agreed to hold the AGM in May.\n",
            "Vote to adopt the new logo: 5 yes, 0 no. Passed.\n",
        ] {
            assert_eq!(decisions(text).len(), 1, "{text}");
        }
        // an earlier decision reported, or one inside a sentence about it
        // "agreed that" is as often agreeing with a view as deciding
        for text in ["Ann said the board approved the budget last year.\n", "The board had approved the budget in May.\n", "The board discussed the budget.\n", "The committee agreed that the park was busy.\n"] {
            assert!(decisions(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_motion_moved_and_seconded_stands_unless_its_failure_is_written() {
        assert_eq!(decisions("-   MOVED: CF SECONDED: SW\n\nBanquet\n").len(), 1);
        assert_eq!(decisions("Moved by Ames, seconded by Bell, to buy two benches.\n").len(), 1);
        assert!(decisions("Moved by Ames, seconded by Bell, to buy two benches. The motion failed 2-3.\n").is_empty());
        assert!(decisions("Moved by Ames, seconded by Bell, to buy two benches.\n\nThe motion was withdrawn.\n").is_empty());
        // moved with nobody seconding, and no outcome: not known to stand
        assert!(decisions("Ames moved to buy two benches.\n").is_empty());
    }

    #[test]
    fn motions_that_carry_are_decisions() {
        for text in [
            "Motion by Councilman Smith, seconded by Councilwoman Jones, to approve the transfer of $5,000. Motion carried 4-0.\n",
            "MOVED by Trustee Green\nTHAT the parks department buy two benches.\nSECONDED by Trustee Brown\nCARRIED\n",
            "A motion was made by Mr. Lee and seconded by Ms. Park to accept the paving bid. Motion passed unanimously.\n",
            "On a motion by Supervisor Kane, seconded by Member Ortiz, the Board voted 5-0 to adopt the library policy.\n",
            "It was moved, seconded and carried that the staff handbook be approved.\n",
            "Sam makes a motion to publish the report, Kim seconds the motion. Motion approved.\n",
            "Asking for a motion to accept the terms, Member Lee so moved, seconded by Member Park.\n\nThe vote was called and the motion carried unanimously.\n",
            "M/S/C (Lee/Stone) to adopt the 2024 budget.\n",
            "MOTION: To approve the lease renewal. Moved: Lee. Seconded: Diaz. Vote: 3-0. Passed.\n",
            "Motion (Ames/Bell) That the Society adopt the revised rules. Carried.\n",
            "Moved Ames, seconded Bell: that the treasurer's report be accepted. CARRIED\n",
            "Moved by Ames (Bell seconding) to buy two benches. Carried.\n",
            "Motion to buy two benches. Moved by Ames, seconded by Bell. Carried.\n",
            "Ann Lee proposed that Bob Stone be elected Vice Chair. This was seconded by Cy Dee and the proposal was agreed unanimously.\n",
            "- VOTED unanimously by the directors present to approve the amended articles.\n",
            "VOTED: To accept the treasurer's report.\n",
            "## 3) Minutes of the last AGM\n\nProposed Ann Lee\n\nSeconded Bob Stone\n\nAccepted by all\n",
            "Ann Lee made the motion to approve, Bob Stone second, with Cy Dee making it unanimous.\n",
            "The motion to adopt was made by Ann Lee, Bob Stone second, with Cy Dee making it unanimous.\n",
            "Peter moved the minutes be accepted as a true record. Rod seconded. Unanimous vote in favour.\n",
        ] {
            assert_eq!(decisions(text).len(), 1, "{text}");
        }
        // a motion is its sentence, from the sentence's first word
        let doc = Document::parse("Minutes were read. With these corrections, Member Lee moved to approve the minutes, Member Park seconding. The motion carried.\n");
        assert_eq!(&doc.resolved_blocks[0].resolutions[0].text[..24], "With these corrections, ");
    }


    #[test]
    fn decision_labels_opening_a_block_or_a_sentence() {
        assert_eq!(decisions("Ship date.\n\n- Consensus: ship version 2.0 in March.\n- Decision: retire the old server.\n").len(), 2);
        assert_eq!(decisions("**Conclusion**: the docs move to the wiki.\n").len(), 1);
        assert_eq!(decisions("Decided to postpone the vote until June.\n").len(), 1);
        assert_eq!(decisions("Cllr Jones proposed that a bench be bought. Agreed.\n").len(), 1);
        assert!(decisions("Agreed actions were reviewed.\n").is_empty());
        // mid-sentence, or a label later in the block, is reported speech or a note
        assert!(decisions("The chair said the committee decided to wait.\n").is_empty());
        assert!(decisions("The treasurer asked for a decision: none was taken.\n").is_empty());
    }

    #[test]
    fn a_proposal_seconded_and_passed_after_its_discussion_and_vote() {
        let text = "Ann Lee proposed the minutes were a true record. Bob Stone seconded the proposal.\n\nDISCUSSION:\nSome updates were made.\n\nVOTING:\n6 people said yes\n\nMOTION PASSED.\n";
        assert_eq!(decisions(text).len(), 1);
        // a proposal whose outcome is not written is no decision
        assert!(decisions("Ann Lee proposed that the social be held on campus. Discussion followed.\n").is_empty());
    }

    #[test]
    fn a_motion_under_its_title_in_one_paragraph_starts_on_its_own_line() {
        let text = "**Minutes Approved (D)**  \nIt was moved by Ms. Costa, seconded by Ms. Creason, that the minutes be approved.  \nMOTION CARRIED 4-0-1.\n";
        let doc = Document::parse(text);
        assert_eq!(doc.resolved_blocks.len(), 1);
        assert!(text[doc.resolved_blocks[0].span.clone()].starts_with("It was moved"), "{:?}", &text[doc.resolved_blocks[0].span.clone()]);
    }

    #[test]
    fn a_motion_made_and_seconded_and_a_vote_line() {
        assert_eq!(decisions("Upon motion duly made and seconded, the Board approved the budget for 2020.\n").len(), 1);
        assert_eq!(decisions("Vote: approve the new logo. For: 8, against: 2. Passed.\n").len(), 1);
        assert!(decisions("Vote: approve the new logo. For: 2, against: 8. The motion failed.\n").is_empty());
        assert_eq!(decisions("On motion of Commissioner Lee, seconded by Commissioner Ray, the Board unanimously approved Resolution No. 2020-01.\n").len(), 1);
        assert_eq!(decisions("Proposed by Cllr Ames, seconded by Cllr Bell, that the hedge be cut. All in favour.\n").len(), 1);
        assert!(decisions("Proposed by Cllr Ames, seconded by Cllr Bell, that the hedge be cut. Two against; the motion was lost.\n").is_empty());
        // a motion followed by the decision's own marker is one decision
        assert_eq!(decisions("It was proposed by Cllr Ames, seconded by Cllr Bell, all were in favour. DECISION: 1) To bid for a kerb. 2) To bid for gates.\n"), ["DECISION: 1) To bid for a kerb. 2) To bid for gates."; 2]);
        assert_eq!(decisions("Commissioner Lee moved to approve the lease. Commissioner Ray seconded. All in favor. Motion carries.\n").len(), 1);
    }

    #[test]
    fn a_vote_or_movers_entry_after_a_motion_records_that_motion() {
        for text in [
            "## Minutes\n\n- Motion to approve the minutes: Ames\n- Second: Bell\n- Vote: all in favour\n\n## Next\n\nNone.\n",
            "## Minutes\n\nMotion to approve the minutes.\n\nMoved by Ames, seconded by Bell.\n\nCarried.\n\n## Next\n\nNone.\n",
        ] {
            let doc = Document::parse(text);
            let starts: Vec<&str> = doc.resolved_blocks.iter().map(|r| &text[r.span.start..r.span.start + 6]).collect();
            assert_eq!(starts, ["Motion"], "{:?}", doc.resolved_blocks);
        }
    }

    #[test]
    fn motions_one_after_another_in_a_block_are_each_a_decision() {
        let text = "Moved by Ames, seconded by Bell, to buy benches. Carried. Moved by Cole, seconded by Dee, to paint the hall. Carried.\n";
        assert_eq!(decisions(text).len(), 2);
        // the movers of a motion still open belong to it: one decision, at the motion
        let text = "MOTION: To renew the lease. Moved: Lee. Seconded: Diaz. Vote: 3-0. Passed.\n";
        let doc = Document::parse(text);
        assert_eq!(doc.resolved_blocks.len(), 1);
        assert_eq!(doc.resolved_blocks[0].span.start, 0);
    }

    #[test]
    fn an_outcome_written_after_the_proposal_is_a_decision() {
        for text in [
            "Recommended to keep subs at £15 for members – passed\n",
            "Rule changes\n\nRule 11 carried\n",
            "Resolution to merge.\n",
            "A motion was made for the treasurer to approach the bank. And was carried.\n",
            "- Proposal: Allocate up to $500 for new flooring. I propose we buy vinyl. **This proposal was approved by majority vote.**\n",
            "### Chair\n\n - Ann Lee stands (proposed: Bob, seconded: Cy)\n - Elected unanimously (11)\n",
        ] {
            assert_eq!(decisions(text).len(), 1, "{text}");
        }
        for text in [
            "The chair said a similar proposal had been discussed.\n",
            // an outcome reported without its motion may be another body's
            "The requirement of two thirds was met, and the amendment was passed.\n",
            "Rule 11 was discussed and will come back in March.\n",
            "The bill passed through the Senate last year and is now law.\n",
            "- Proposal: Allocate up to $500 for new flooring. Discussion to continue.\n",
        ] {
            assert_eq!(decisions(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn an_outcome_line_that_approves_is_a_decision() {
        assert_eq!(decisions("Proposal to move the meeting to Thursdays.\nOutcome: Approved\n").len(), 1);
        assert_eq!(decisions("Proposal to move the meeting.\nResult: **carried** by 5 votes to 2\n").len(), 1);
        assert!(decisions("Proposal to move the meeting.\nOutcome: deferred to March\n").is_empty());
        assert!(decisions("The outcome: approved plans were reviewed.\n").is_empty());
    }

    #[test]
    fn decision_markers_in_bold_and_resolution_labels() {
        assert_eq!(decisions("The logo was discussed. **Decision:** Adopt the new logo.\n").len(), 1);
        assert_eq!(decisions("__Resolved__: to buy a bench.\n").len(), 1);
        assert_eq!(decisions("RESOLUTION: Publish the draft as a note.\n").len(), 1);
        assert!(decisions("Resolution of the dispute was discussed.\n").is_empty());
    }

    #[test]
    fn a_motion_in_bold_and_its_outcome_in_the_entry_after_it_are_one_decision() {
        let text = "* Revise the 3-hour rule\n\n    * **Motion: Reject the proposed change.**\n\n    * Passed\n\n* Voting rules\n\n    * **Motion:** Accept the policy as drafted.\n\n    * Motion passed.\n";
        let doc = Document::parse(text);
        let starts: Vec<&str> = doc.resolved_blocks.iter().map(|r| &text[r.span.start..r.span.start + 8]).collect();
        assert_eq!(starts, ["**Motion", "**Motion"], "{:?}", doc.resolved_blocks);
    }

    #[test]
    fn motions_that_fail_or_have_no_outcome_are_not() {
        for text in [
            "Motion by Councilman Smith, seconded by Councilwoman Jones, to approve the transfer. Motion failed 2-3.\n",
            "A motion was made by Mr. Lee to accept the bid. Discussion followed.\n",
            "The committee discussed whether to move the meeting to Thursdays.\n",
        ] {
            assert_eq!(decisions(text), Vec::<String>::new(), "{text}");
        }
    }
}
