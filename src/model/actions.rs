//! Actions the grammar does not mark: entries of an action section
//! ("Actions", "Outstanding for Action:"), per-person action blocks
//! (`Priya:` then a task a line), action tables (`| Action | Owner | Due |`),
//! entries written `@Name: …`, `- [ ] @name …`, `AI(name): …`, "Action:"
//! written inside prose (with a task, or with only an owner after it), and
//! commitments found in prose (implied actions).

use std::sync::OnceLock;

use regex::Regex;

use super::pattern::Pattern;

use super::build::{clean, heading_line};
use super::commitments::{self, clean_owner, Commitment, Detector, Form, People, Setting};
use super::inline::is_register_heading;
use super::sentences;
use super::*;
use crate::catalogue::lexicon::{self, Class, Inflection};

/// `memo`: what the caller kept of the commitments found in earlier
/// versions of this document.
pub(super) fn analyse(text: &str, doc: &mut Document, mut memo: Option<&mut Memo>) {
    let sections = action_sections(text, doc, memo.as_deref_mut());
    // the people, and the detector that reads commitments with them
    let people = Detector::new(document_people(doc), memo);
    let mut found = tables(text, doc);
    let tables = Reach::new(found.iter().map(|a| a.span.clone()));
    // the owner of the list items that follow, and the indent they must be deeper than
    // the owner of the lines that follow, the indent of the list item naming
    // them (its deeper items are theirs), and the agenda item it is in
    let mut person_block: Option<PersonBlock> = None;
    let marked = ByStart::new(&doc.actions);
    let in_sections = Reach::new(sections.iter().cloned());
    let mut list = ListRun::default();
    // the agenda listed under its heading: its entries are topics ("Review
    // agenda (2m, Lee)", "Determine volunteers for note taking"), not tasks
    let agenda = super::inline::listed_agenda(text, doc).and_then(|(entries, end)| Some(entries.first()?.span.start..end));
    for block in &doc.blocks {
        if block.kind != BlockKind::ListItem {
            list.close(&mut found);
        }
        let unattributed = Block { text: block.text.start..block.text.start + without_attribution(&text[block.text.clone()]).len(), ..block.clone() };
        let block = &unattributed;
        let addressed = addressed_entries(text, block, &people);
        if addressed.first().is_some_and(|a| a.span.start == block.text.start) {
            found.extend(addressed);
            continue;
        }
        found.extend(addressed);
        if matches!(block.kind, BlockKind::Heading | BlockKind::Attendance) || underlined(text, block) {
            PersonBlock::close(&mut person_block, &mut found, text, &people);
            continue;
        }
        if tables.overlaps(&block.text) {
            continue;
        }
        if block.kind == BlockKind::ActionLine {
            // "ACTION: … ACTION: Clerk to follow up": a second marker inside the line
            let inline = inline_action_markers(text, block, &people);
            found.extend(more_owners_in_line(text, block, &marked, &inline, &people));
            found.extend(inline);
            continue;
        }
        let body = &text[block.text.clone()];
        // `Priya:` on a line of its own: the lines (or list items) after it are hers
        let indent = column(text, block.span.start);
        // a person's block ends with the agenda item it is in
        let item = doc.item_at(block.span.start);
        if person_block.as_ref().is_some_and(|b| b.item != item) {
            PersonBlock::close(&mut person_block, &mut found, text, &people);
        }
        let in_section = in_sections.holds(block.span.start);
        if let Some((owner, rest, named)) = person_heading(text, block, &people, in_section) {
            PersonBlock::close(&mut person_block, &mut found, text, &people);
            let list = (block.kind == BlockKind::ListItem).then_some(ListHead { indent, nested: None });
            let mut opened = PersonBlock { owner, named, list, item, in_section, lines: Vec::new(), held: Vec::new() };
            opened.add(text, block.kind, rest, &people);
            person_block = Some(opened);
            continue;
        }
        if let Some(open) = person_block.as_mut() {
            if block.kind == BlockKind::ListItem && open.heads(indent) {
                open.add(text, block.kind, block.text.clone(), &people);
                continue;
            }
        }
        // "* nirik" over "  * update the wiki" in an action section: a list
        // item naming only a person heads their tasks (elsewhere such a list
        // is as likely a round of updates)
        if let Some(owner) = (in_section && block.kind == BlockKind::ListItem).then(|| person_item(text, block, &people)).flatten() {
            PersonBlock::close(&mut person_block, &mut found, text, &people);
            let list = Some(ListHead { indent, nested: Some(true) });
            person_block = Some(PersonBlock { owner, named: true, list, item, in_section, lines: Vec::new(), held: Vec::new() });
            continue;
        }
        PersonBlock::close(&mut person_block, &mut found, text, &people);
        let mut inline = inline_action_markers(text, block, &people);
        let run_in = run_in_action_markers(text, block, &people, &inline);
        inline.extend(run_in);
        let columns = owner_columns(text, block, &people, &inline);
        inline.extend(columns);
        let inline_spans: Vec<Span> = inline.iter().map(|a| a.span.clone()).collect();
        found.extend(inline);
        // "- [ ] Ann: chase the caterer": a task-list checkbox marks an action
        if let Some(after) = checkbox(body).filter(|_| block.kind == BlockKind::ListItem) {
            let entry = Block { text: block.text.start + after..block.text.end, ..block.clone() };
            let task = &text[entry.text.clone()];
            let commitments = people.find(task, Setting { entry: true });
            found.extend(section_entry(text, &entry, &commitments, &people));
            continue;
        }
        let setting = Setting { entry: in_section || block.kind == BlockKind::ListItem };
        let commitments = people.find(body, setting);
        // an entry with its own marker ("- ACTION: MitchK: …") is that marker's action
        if in_section && inline_spans.is_empty() && matches!(block.kind, BlockKind::ListItem | BlockKind::NumberedParagraph | BlockKind::Paragraph) {
            found.extend(section_entry(text, block, &commitments, &people));
            continue;
        }
        if block.kind == BlockKind::ListItem && agenda.as_ref().is_some_and(|a| a.contains(&block.span.start)) {
            continue;
        }
        if block.kind == BlockKind::ListItem {
            let (imperatives, tasks): (Vec<Commitment>, Vec<Commitment>) = commitments.into_iter().partition(|c| c.form == Form::Imperative);
            list.entry(&mut found, indent, implied(text, block, tasks, &inline_spans), implied(text, block, imperatives, &inline_spans), !inline_spans.is_empty());
            continue;
        }
        found.extend(implied(text, block, commitments, &inline_spans));
    }
    list.close(&mut found);
    PersonBlock::close(&mut person_block, &mut found, text, &people);
    // a commitment inside an explicit action is that action
    let mut explicit: Vec<Span> = doc.actions.iter().chain(found.iter().filter(|a| a.kind == ActionKind::Explicit)).map(|a| a.span.clone()).collect();
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
    owner_fields(text, doc, &mut found);
    doc.actions.extend(found);
    for a in doc.actions.iter_mut().filter(|a| a.kind == ActionKind::Explicit) {
        if a.owners.len() == 1 && a.owners[0].span.as_ref().is_some_and(|s| verb_not_owner(&text[s.clone()], &people)) {
            // "ACTION: Moved to the next meeting": the verb opens the task
            let from = a.owners[0].span.as_ref().map_or(a.span.start, |s| s.start);
            a.task = task_from(text, a, from);
            a.owners.clear();
            a.owner_slot = from;
            a.owner_slot_prefix = "";
        }
        if a.owners.is_empty() {
            owners_opening_the_task(text, a, &people);
        }
        let kept = without_attribution(&a.task).len();
        a.task.truncate(kept);
        // "ACTION: nirik to update the wiki" read from its sentence: the task is what follows the owner
        if a.kind == ActionKind::Explicit && !a.owners.is_empty() {
            if let Some((named, start)) = commitments::leading_owners(&a.task, &people) {
                let same = named.len() == a.owners.len() && named.iter().zip(&a.owners).all(|(r, o)| clean_owner(&a.task[r.clone()]) == o.name);
                if same {
                    a.task = a.task[start..].to_string();
                }
            }
        }
    }
    meeting_records(text, doc);
    drop_repeats(&mut doc.actions, &sections);
}

/// How an action line that records what the meeting itself did with an
/// item ends it.
#[derive(Debug, PartialEq)]
enum Record {
    /// "Approved 5-0", "Motion … carried": a decision.
    Carried,
    /// "Received and filed", "Motion failed", "None": no decision, no task.
    Disposed,
}

/// "ACTION: Approved 5-0", "Action: Received and filed", "ACTION: Motion by
/// X, seconded by Y … Motion carried": boards (US boards above all) head
/// the record of what the meeting did with an item "Action", where others
/// write "Resolved". Such a line names the meeting's own act at the
/// meeting, not a task for anyone after it: an action with no owner whose
/// task reads so is no action, and a decision when the motion carried.
fn meeting_records(text: &str, doc: &mut Document) {
    let mut carried = Vec::new();
    doc.actions.retain(|a| {
        if a.kind != ActionKind::Explicit || !a.owners.is_empty() {
            return true;
        }
        let Some(record) = meeting_record(&a.task) else { return true };
        if record == Record::Carried {
            carried.push((a.span.clone(), a.task.clone()));
        }
        false
    });
    for (span, task) in carried {
        // the marker is what opens the line: "ACTION:", "Board Action:"
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let task_at = text[span.clone()].find(task.split_whitespace().next().unwrap_or("")).map_or(span.start, |i| span.start + i);
        let marker_span = line_start..line_start + text[line_start..task_at].trim_end().len();
        let block = line_start..span.end;
        doc.resolved_blocks.push(ResolvedBlock {
            marker: clean(&text[marker_span.clone()]).trim_end_matches(':').trim().to_string(),
            marker_span,
            resolutions: vec![Resolution { marker: None, text: task, span: task_at..span.end }],
            span: block,
            inline: true,
        });
    }
}

/// Whether `task` records the meeting's own act rather than a task: a
/// participle of how a motion ends ("Approved unanimously", "Received and
/// filed", "Tabled"), a motion with its outcome, or nothing done ("None",
/// "No action").
fn meeting_record(task: &str) -> Option<Record> {
    let words: Vec<String> = task.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).filter(|w| !w.is_empty()).collect();
    let first = words.first()?;
    let outcome = |w: &str| lexicon::verb(w).filter(|v| v.inflection == lexicon::Inflection::Past).map(|v| v.lemma);
    let carried = |lemma: &str| lexicon::is(Class::MotionCarried, lemma);
    let failed = |lemma: &str| lexicon::is(Class::MotionNotCarried, lemma);
    if first == "motion" || (matches!(first.as_str(), "upon" | "on") && words.get(1).is_some_and(|w| w == "motion")) {
        let outcomes: Vec<&str> = words.iter().filter_map(|w| outcome(w)).collect();
        let ended = outcomes.iter().any(|l| failed(l)) || !outcomes.iter().any(|l| carried(l));
        return Some(if ended { Record::Disposed } else { Record::Carried });
    }
    if first == "none" || first == "no" && words.get(1).is_some_and(|w| matches!(w.as_str(), "action" | "further" | "decision" | "vote")) {
        return Some(Record::Disposed);
    }
    // "Agreed to write to the school": a decision with a task in it
    if words.get(1).is_some_and(|w| w == "to" || w == "that") {
        return None;
    }
    let lemma = outcome(first)?;
    if carried(lemma) {
        Some(Record::Carried)
    } else if failed(lemma) || lexicon::is(Class::MeetingAct, lemma) {
        Some(Record::Disposed)
    } else {
        None
    }
}

/// "* ACTION: nirik to update the wiki (kevin, 16:22:03)": who minuted the
/// line and when, as chat-meeting bots write it. Returns `s` without it.
fn without_attribution(s: &str) -> &str {
    static P: Pattern = Pattern::new(r"\s*\((?:[^()\n]{1,40},\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|[ap]\.?m\.?))?\)\s*$");
    let p = &P;
    p.find(s).map_or(s, |m| &s[..m.start()])
}

/// A paragraph that is a heading over a rule (`Action Items` over `----`).
fn underlined(text: &str, block: &Block) -> bool {
    let body = &text[block.text.clone()];
    block.kind == BlockKind::Paragraph && body.trim().contains('\n') && heading_line(body).is_some()
}

/// The task of `a` written from `from` to its due date (or its end).
fn task_from(text: &str, a: &Action, from: usize) -> String {
    let end = a.due.as_ref().map_or(a.span.end, |d| d.span.start).clamp(from, a.span.end);
    clean(&text[from..end]).trim_end_matches(['.', ';']).trim().to_string()
}

/// The same action written again (a summary repeating the actions minuted
/// above it, "Action items, by person"): one row, the first written; an
/// implied action repeating an explicit one goes. An action without an
/// owner repeats one only in an action section: "Revisit next week" minuted
/// under two topics is two actions.
fn drop_repeats(actions: &mut Vec<Action>, sections: &[Span]) {
    let sections = Reach::new(sections.iter().cloned());
    let in_section = |a: &Action| sections.holds(a.span.start);
    let key = |a: &Action| {
        let mut owners: Vec<String> = a.owners.iter().map(|o| o.name.to_lowercase()).collect();
        // "nirik to update the wiki" repeats "update the wiki" owned by nirik
        let mut task = a.task.to_lowercase();
        for o in &owners {
            if let Some(rest) = task.strip_prefix(o.as_str()) {
                task = rest.trim_start_matches([',', ' ']).trim_start_matches("and ").to_string();
            }
        }
        let task = task.strip_prefix("to ").or_else(|| task.strip_prefix("will ")).unwrap_or(&task).to_string();
        owners.sort();
        (owners, task)
    };
    actions.sort_by_key(|a| (a.kind != ActionKind::Explicit, a.span.start));
    let mut seen = std::collections::HashSet::new();
    // ownerless repeats ("ACTION: Revisit next week.") are separate actions
    actions.retain(|a| {
        let first = seen.insert(key(a));
        first || a.task.is_empty() || a.owners.is_empty() && !in_section(a)
    });
    actions.sort_by_key(|a| a.span.start);
}

/// An explicit action as the markers and sections of this module find it:
/// no due date read, and the owner slot right where the owner is written.
fn explicit_action(owners: Vec<Owner>, task: String, span: Span, owner_slot: usize) -> Action {
    Action { owners, task, due: None, span, kind: ActionKind::Explicit, owner_slot, owner_slot_prefix: "", tentative: false }
}

/// What the grammar took for an owner by its capital but reads as a verb:
/// a past or -ing form ("Moved", "Bumped", "Following"), or a verb followed
/// by a preposition or article ("Discuss during the F2F", "Need the key"):
/// a name is neither. A person the document names stays an owner.
fn verb_not_owner(written: &str, people: &People) -> bool {
    let words: Vec<String> = written.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    let Some(first) = words.first() else { return false };
    let role = crate::catalogue::is_role(written) || crate::catalogue::is_role_word(first) || lexicon::is_agent_noun(first);
    if role || people.knows(first) || written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return false; // "Head of HR", "Chair", "DCS"
    }
    let Some(verb) = lexicon::verb(first) else { return false };
    match verb.inflection {
        lexicon::Inflection::Past | lexicon::Inflection::Ing => true,
        _ => words.get(1).is_some_and(|w| lexicon::is(Class::Preposition, w) || lexicon::is(Class::Determiner, w)),
    }
}

/// "ACTION: alice to update the list", "ACTION: bob file a ticket": an
/// action whose task opens with its owners in a form the grammar does not
/// split (a nickname, a name before a bare verb).
fn owners_opening_the_task(text: &str, a: &mut Action, people: &People) {
    let from = a.owner_slot.min(a.span.end);
    let region = &text[from..a.span.end];
    let start = from + (region.len() - region.trim_start().len());
    let written = &text[start..a.span.end];
    // only a task written after its marker, not the sentence before an inline marker
    let Some(first) = a.task.split_whitespace().next() else { return };
    if !written.starts_with(first) {
        return;
    }
    // "ACTION: Scrap metal: DO'M will organise the pickup": a topic, then the owner
    let topic_end = written[..written.floor_char_boundary(40)]
        .find(": ")
        .filter(|&c| (1..=3).contains(&written[..c].split_whitespace().count()))
        .map(|c| c + 2);
    // the owner after the topic first: "Pond: Clerk to contact the Trust" is the Clerk's
    let after_topic = topic_end.and_then(|t| owners_at(&written[t..], people).map(|(o, k)| (o.into_iter().map(|(n, r)| (n, t + r.start..t + r.end)).collect(), t + k)));
    let found = after_topic.or_else(|| owners_at(written, people));
    let Some((owners, task_start)) = found else { return };
    a.owners = owners.into_iter().map(|(name, r)| Owner { name, span: Some(start + r.start..start + r.end) }).collect();
    a.task = task_from(text, a, start + task_start);
}

/// The owners opening `written` and where its task starts: "TimG: pay the
/// rent", "TG/DO'M: update the list", "alice to update the wiki".
fn owners_at(written: &str, people: &People) -> Option<(Vec<(String, Span)>, usize)> {
    if let Some(r) = name_before_colon(written, people) {
        let owners = split_owner_cell(&written[r.clone()]).into_iter().map(|n| (n, r.clone())).collect();
        let after = r.end + 1;
        return Some((owners, after + (written[after..].len() - written[after..].trim_start().len())));
    }
    let (owners, task_start) = commitments::leading_owners(written, people)?;
    Some((owners.into_iter().map(|r| (clean_owner(&written[r.clone()]), r)).collect(), task_start))
}

/// The people, initials and roles the document names: its attendance,
/// and the full names it gives as owners of marked actions ("Paolo
/// Melchiorre: Share plans …" names Paolo for "Paolo to make a proposal").
fn document_people(doc: &Document) -> People {
    let names = doc.people.iter().flat_map(|p| [Some(p.name.as_str()), p.initials.as_deref(), p.role.as_deref()]).flatten();
    let initials = doc.abbreviations.iter().filter(|a| a.form == DefinitionForm::Attendance).map(|a| a.short.as_str());
    let full_name = |n: &&str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (2..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "'’-".contains(c)))
    };
    let owners = doc.actions.iter().flat_map(|a| a.owners.iter().map(|o| o.name.as_str())).filter(full_name);
    People::new(names.chain(initials).chain(owners))
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Actions by where they start, to find those a span overlaps without
/// reading them all: once per action line, that made 100,000 action
/// lines quadratic.
struct ByStart<'a> {
    sorted: Vec<&'a Action>,
    /// The longest action: one starting further back cannot reach a span.
    longest: usize,
}

impl<'a> ByStart<'a> {
    fn new(actions: &'a [Action]) -> ByStart<'a> {
        let mut sorted: Vec<&Action> = actions.iter().collect();
        sorted.sort_by_key(|a| a.span.start);
        let longest = sorted.iter().map(|a| a.span.len()).max().unwrap_or(0);
        ByStart { sorted, longest }
    }

    fn overlapping(&self, span: &Span) -> Vec<&'a Action> {
        let from = self.sorted.partition_point(|a| a.span.start + self.longest <= span.start);
        let to = self.sorted.partition_point(|a| a.span.start < span.end).max(from);
        self.sorted[from..to].iter().copied().filter(|a| overlaps(&a.span, span)).collect()
    }
}

/// How a block marks an action section ([`action_sections`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SectionMark {
    /// A heading or a short line ("Outstanding actions:") that opens one.
    Opens,
    /// A label line ("Actions") over the list that is one.
    Labels,
}

/// Whether `b` opens an action section or labels one: a function of its
/// kind and its text alone, which the caller's memo keeps by them.
fn section_mark(text: &str, b: &Block) -> Option<SectionMark> {
    static OUTSTANDING: OnceLock<Regex> = OnceLock::new();
    let outstanding = OUTSTANDING.get_or_init(|| {
        Regex::new(r"(?i)^(?:outstanding(?:\s+for\s+action|\s+actions?)?|actions?\s+(?:arising|outstanding|agreed|log)|matters\s+for\s+action)\s*:").unwrap()
    });
    let t = clean(&text[b.text.clone()]);
    let underlined = underlined(text, b) && heading_line(&text[b.text.clone()]).is_some_and(is_register_heading);
    // "**Actions**", "Action items:" on a line of their own over a list
    let bare = t.trim_matches(|c: char| c == '*' || c == '_').trim();
    let heading = b.kind == BlockKind::Heading && (is_register_heading(&t) || is_register_heading(bare)) || underlined;
    let short_line = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) && t.len() <= 80 && outstanding.is_match(&t);
    let label_line = b.kind == BlockKind::Paragraph
        && !text[b.text.clone()].trim().contains('\n')
        && !bare.to_lowercase().contains("decision")
        && is_register_heading(bare.trim_end_matches(['*', '_']));
    if heading || short_line {
        Some(SectionMark::Opens)
    } else if label_line {
        Some(SectionMark::Labels)
    } else {
        None
    }
}

/// The spans of action sections: from a heading (or a short line, or an
/// agenda item) named like a register of actions, to the next item,
/// heading (a deeper Markdown heading groups its entries) or decision.
fn action_sections(text: &str, doc: &Document, mut memo: Option<&mut Memo>) -> Vec<Span> {
    let mut starts: Vec<usize> = Vec::new();
    // sections under a label line, which end with the list after it
    let mut labelled: Vec<usize> = Vec::new();
    for item in &doc.items {
        if is_register_heading(&item.title) || item.title.to_lowercase().contains("action items") {
            starts.push(item.heading_span.start);
        }
    }
    for b in &doc.blocks {
        let mark = match memo.as_deref_mut() {
            Some(memo) => {
                let kept = memo.section_marks.entry(&text[b.text.clone()]);
                match kept.iter().find(|(kind, _)| *kind == b.kind) {
                    Some(&(_, mark)) => mark,
                    None => {
                        let mark = section_mark(text, b);
                        kept.push((b.kind, mark));
                        mark
                    }
                }
            }
            None => section_mark(text, b),
        };
        match mark {
            Some(SectionMark::Opens) => starts.push(b.span.start),
            Some(SectionMark::Labels) => labelled.push(b.span.start),
            None => {}
        }
    }
    starts.sort_unstable();
    let mut boundaries: Vec<usize> = doc.items.iter().map(|i| i.heading_span.start).collect();
    let heading = |b: &&Block| b.kind == BlockKind::Heading || underlined(text, b);
    boundaries.extend(doc.blocks.iter().filter(heading).map(|b| b.span.start));
    boundaries.extend(doc.resolved_blocks.iter().filter(|r| !r.inline).map(|r| r.span.start));
    boundaries.extend(doc.labels.iter().map(|l| l.start));
    boundaries.sort_unstable();
    // "## Action Items" over "#### 2. Update Github IO" and its tasks: a
    // deeper Markdown heading groups the section's entries, it does not end it
    let hashes = |at: usize| text[at..].bytes().take_while(|&c| c == b'#').count();
    let next_boundary = |s: usize| {
        let level = hashes(s);
        let after = boundaries.partition_point(|&b| b <= s);
        boundaries[after..].iter().copied().find(|&b| !(level > 0 && hashes(b) > level)).unwrap_or(text.len())
    };
    let mut sections: Vec<Span> = starts.into_iter().map(|s| s..next_boundary(s)).collect();
    // where the blocks that end a labelled list start, in order
    let mut list_ends: Vec<usize> = doc.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::ListItem | BlockKind::NumberedParagraph | BlockKind::ActionLine)).map(|b| b.span.start).collect();
    list_ends.sort_unstable();
    for s in labelled {
        let list_end = list_ends.get(list_ends.partition_point(|&e| e <= s)).copied().unwrap_or(text.len());
        sections.push(s..list_end.min(next_boundary(s)));
    }
    sections.sort_by_key(|r| r.start);
    sections
}

/// The implied actions of the commitments found in `block`, but for those
/// inside an action already found there (`taken`).
fn implied(text: &str, block: &Block, commitments: Vec<Commitment>, taken: &[Span]) -> Vec<Action> {
    let body = &text[block.text.clone()];
    let mut found = Vec::new();
    for mut c in commitments {
        let span = block.text.start + c.span.start..block.text.start + c.span.end;
        if taken.iter().any(|s| overlaps(s, &span)) {
            continue;
        }
        // "… will be asked (JR).": initials in brackets name who does it
        if c.owners.is_empty() {
            c.owners = trailing_owners(&body[c.span.clone()]).unwrap_or_default();
        }
        found.push(from_commitment(text, block, c, ActionKind::Implied));
    }
    found
}

/// The entries of lists outside an action section, read with their
/// siblings. A bare imperative entry ("Turn on recording", "Revise the
/// 3-hour rule") in notes of a discussion is as often a point or a
/// suggestion noted as a task set; it is a task when the entries beside it
/// read as a list of tasks: one of them gives a task in words ("Board to
/// discuss", "Ann will chase") or by a marker.
#[derive(Default)]
struct ListRun {
    /// The open levels of the list, shallowest first.
    levels: Vec<Siblings>,
}

/// The entries of one level under one parent.
struct Siblings {
    indent: usize,
    /// The imperative entries, until the level shows what it is.
    imperatives: Vec<Action>,
    sets_tasks: bool,
}

impl ListRun {
    /// One entry at `indent`: the tasks it gives in words, its bare
    /// imperatives, and whether it holds an action marker.
    fn entry(&mut self, found: &mut Vec<Action>, indent: usize, tasks: Vec<Action>, imperatives: Vec<Action>, marked: bool) {
        while self.levels.last().is_some_and(|l| l.indent > indent) {
            self.levels.pop().unwrap().close(found);
        }
        if self.levels.last().is_none_or(|l| l.indent < indent) {
            self.levels.push(Siblings { indent, imperatives: Vec::new(), sets_tasks: false });
        }
        let level = self.levels.last_mut().unwrap();
        level.sets_tasks |= marked || !tasks.is_empty();
        found.extend(tasks);
        for a in imperatives {
            // "Make sure the cars are moved (bodhi)": an owner named after it
            if a.owners.is_empty() {
                level.imperatives.push(a);
            } else {
                level.sets_tasks = true;
                found.push(a);
            }
        }
    }

    /// Ends the list.
    fn close(&mut self, found: &mut Vec<Action>) {
        for level in self.levels.drain(..) {
            level.close(found);
        }
    }
}

impl Siblings {
    /// The level's imperatives are tasks if the level sets any.
    fn close(self, found: &mut Vec<Action>) {
        if self.sets_tasks {
            found.extend(self.imperatives);
        }
    }
}

/// Whether `s` opens with a verb in its base form: "send the slides", the
/// form of a task written for someone to do.
fn opens_with_verb(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    lexicon::verb(&first).is_some_and(|v| v.inflection == lexicon::Inflection::Base)
}

/// Where the task starts after a task-list checkbox (`[ ]`, `[x]`), if the
/// entry opens with one.
fn checkbox(body: &str) -> Option<usize> {
    let rest = ["[ ]", "[x]", "[X]"].iter().find_map(|b| body.strip_prefix(b))?;
    let task = rest.trim_start();
    Some(body.len() - task.len())
}

/// An entry of an action section: the whole entry is one explicit action;
/// its owner is the one a commitment names, or the `Name:` before it.
fn section_entry(text: &str, block: &Block, commitments: &[Commitment], people: &People) -> Vec<Action> {
    let body = &text[block.text.clone()];
    let words = body.split_whitespace().count();
    if words < 3 {
        return Vec::new();
    }
    // "- Carol: send the invitations", "All: read the report": an entry of one line
    // (a paragraph, only when a verb opens the task: "Pond Boards: Andy had …" is a title)
    let after_name = |r: &Span| body[r.end..].trim_start_matches([':', ']', '-', '–', '—', ' ']);
    let imperative = |r: &Span| opens_with_verb(after_name(r));
    let named = name_before_colon(body, people)
        .filter(|r| block.kind == BlockKind::ListItem || !body.trim_end().contains('\n') && imperative(r))
        // "Michael Baentsch - review the CI", "[Douglas] draft the charter"
        .or_else(|| name_before_dash_or_in_brackets(body, people).filter(|r| imperative(r)));
    let owner = named.clone().map(|r| Owner {
        name: clean_owner(&body[r.clone()]),
        span: Some(block.text.start + r.start..block.text.start + r.end),
    });
    // owners written after the task: "- Send thank-you letters (CD)", "-
    // Add the swag to the agenda [D. Goodger]", "- Define the coding party
    // date - Kshitij": the names, where they are written, where the task ends
    let trailing = || {
        trailing_owners(body)
            .map(|names| {
                let open = body.trim_end().rfind('(').unwrap_or(body.len());
                (names, open + 1..body.trim_end().len() - 1, open)
            })
            .or_else(|| trailing_bracket_owners(body, people).map(|(names, open, close)| (names, open + 1..close - 1, open)))
            .or_else(|| trailing_paren_owners(body, people).map(|(names, open, close)| (names, open + 1..close - 1, open)))
            .or_else(|| {
                trailing_dash_owners(body, people).map(|(names, dash)| {
                    let owners_start = dash + body[dash..].find(|c: char| c.is_alphabetic()).unwrap_or(0);
                    (names, owners_start..body.trim_end().len(), dash)
                })
            })
    };
    if let Some((names, written, task_end)) = (owner.is_none() && commitments.iter().all(|c| c.owners.is_empty())).then(trailing).flatten() {
        let span = block.text.start + written.start..block.text.start + written.end;
        return vec![explicit_action(
            names.into_iter().map(|name| Owner { name, span: Some(span.clone()) }).collect(),
            clean(&body[..task_end]).trim_end_matches(['.', ';', ',', ' ']).to_string(),
            block.text.clone(),
            block.text.start,
        )];
    }
    if owner.is_none() && !commitments.is_empty() {
        return commitments.iter().map(|c| from_commitment(text, block, c.clone(), ActionKind::Explicit)).collect();
    }
    // no owner seen: an entry that opens with a verb is a task nobody owns;
    // one that opens otherwise ("Andy's quote for the fence", "jsmith
    // chasing the vendor") may name its owner in a way not read here, and
    // reporting it as ownerless would be a guess
    if owner.is_none() && commitments::leading_owners(body.trim_start(), people).is_none() && !opens_with_verb(body) {
        return Vec::new();
    }
    let task = named.map_or(body, |r| after_name(&r));
    vec![explicit_action(
        owner.into_iter().collect(),
        clean(task).trim_end_matches(['.', ';']).to_string(),
        block.text.clone(),
        block.text.start,
    )]
}

/// "Michael Baentsch - review …", "[Douglas] draft …": a person the
/// document knows (every word of the name), or a role, before a spaced
/// dash or in square brackets at the start of an entry. A dash after any
/// other words is as often a topic ("Newsletter - set up Mailchimp").
fn name_before_dash_or_in_brackets(body: &str, people: &People) -> Option<Span> {
    let (start, end) = if let Some(rest) = body.strip_prefix('[') {
        (1, 1 + rest.find(']')?)
    } else {
        let dash = [" - ", " – ", " — "].iter().filter_map(|d| body[..body.floor_char_boundary(60)].find(d)).min()?;
        (0, dash)
    };
    let name = body[start..end].trim().trim_start_matches('@');
    let words: Vec<&str> = name.split_whitespace().collect();
    let known = (1..=3).contains(&words.len())
        && (words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && people.knows(&w.to_lowercase())) || crate::catalogue::is_role(name));
    known.then(|| start + (body[start..].len() - body[start..].trim_start_matches(['@', ' ']).len())..end)
}

/// "Brett: Remind PMCs …", "@Greg: …", "nirik: …": the name before a
/// colon, one to three capitalised words or a nickname the document lists
/// (not a label such as "Update:").
fn name_before_colon(body: &str, people: &People) -> Option<Span> {
    let colon = body[..body.floor_char_boundary(60)].find(':')?;
    let head = &body[..colon];
    let lead = head.len() - head.trim_start_matches('@').len();
    let name = &head[lead..];
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 3
        // names, "TimG", initials joined by "/" ("TG/DO'M")
        && (words.iter().all(|w| {
            let name = |p: &str| p.chars().next().is_some_and(char::is_uppercase) && p.chars().all(|c| c.is_alphabetic() || "'’.-".contains(c));
            let initials = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_uppercase() || "'’".contains(c));
            name(w) || w.contains('/') && w.split('/').all(initials)
        })
            || words.len() == 1 && people.knows(words[0]))
        && !lexicon::is(Class::Label, &words[0].to_lowercase())
        && body[colon + 1..].starts_with(char::is_whitespace);
    ok.then_some(lead..colon)
}

/// `Priya:` (or `All:`) alone on the first line of a block: the owner, the
/// rest of the block, and whether the label reads as naming someone.
fn person_heading(text: &str, block: &Block, people: &People, in_section: bool) -> Option<(Owner, Span, bool)> {
    let body = &text[block.text.clone()];
    let first_line = body.lines().next()?.trim_end();
    first_line.strip_suffix(':')?;
    // "Absent:", "Apologies:" with nobody after them label attendance;
    // "Agenda:", "Notes:" a part of the minutes
    if crate::catalogue::is_part_heading(first_line) {
        return None;
    }
    let r = name_before_colon(&format!("{first_line} "), people)?;
    // "Monday:", "Next Monday:", "March:": a day or a month heads a
    // schedule; "Goal:", "Proposal:": a purpose heads what it is
    let names_no_one = first_line[r.clone()].split_whitespace().any(|w| {
        crate::catalogue::weekday_number(w).is_some() || crate::catalogue::month_number(w).is_some() || lexicon::is(Class::PurposeNoun, &w.to_lowercase())
    });
    if names_no_one {
        return None;
    }
    let span = block.text.start + r.start..block.text.start + r.end;
    let rest_start = block.text.start + first_line.len();
    // in an action section a label over tasks names their owner; elsewhere
    // it is as likely a topic ("DISCUSSION:") unless it reads as a name
    let named = in_section || label_reads_as_a_name(&first_line[r.clone()], people);
    Some((Owner { name: clean_owner(&text[span.clone()]), span: Some(span) }, rest_start..block.text.end, named))
}

/// A list item that names only someone the document knows: "nirik",
/// "Dana Scully", "@jo:example.org", "jo (@jo:example.org)".
fn person_item(text: &str, block: &Block, people: &People) -> Option<Owner> {
    let body = text[block.text.clone()].trim();
    let name = body.split_once(" (").map_or(body, |(n, _)| n).trim().trim_matches('*').trim_end_matches(':');
    let words: Vec<&str> = name.split_whitespace().collect();
    let known = |w: &&str| people.knows(&w.to_lowercase()) || w.starts_with('@') && w.len() > 1;
    if words.is_empty() || words.len() > 4 || !words.iter().all(known) {
        return None;
    }
    let start = block.text.start + (text[block.text.clone()].len() - text[block.text.clone()].trim_start().len());
    let at = start + body.find(name).unwrap_or(0);
    Some(Owner { name: clean_owner(name), span: Some(at..at + name.len()) })
}

/// Whether the label before a colon alone on its line can name whom the
/// lines after it are for: a person, a role, a group, initials. "Agenda:",
/// "DISCUSSION:", "Chairman's Report:" head what follows without naming
/// anyone: every word an ordinary English word (or a possessive), and
/// neither one of the document's people nor a role.
fn label_reads_as_a_name(label: &str, people: &People) -> bool {
    if label.contains("'s") || label.contains("’s") {
        return false;
    }
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    crate::catalogue::is_role(label)
        // "Web team:", "Comms group:": a group
        || words.last().is_some_and(|w| crate::catalogue::is_role_word(w))
        || words.iter().all(|w| people.knows(w))
        || words.len() == 1 && lexicon::is(Class::Everyone, &words[0])
        || !words.iter().all(|w| lexicon::is_word(w.trim_end_matches('.')))
}

/// The lines under someone's name (`Priya:` alone on a line, or a list
/// item naming only them), gathered until the block ends: each line a task
/// of theirs. Outside an action section a line that records what happened
/// is none, and a block whose lines mostly do ("Paul is elected as
/// Secretary", "Nominated: Margaret Wood" under `* Secretary:`) is an
/// account of the meeting that sets nobody a task.
struct PersonBlock {
    owner: Owner,
    /// Whether its label reads as naming someone; when it does not
    /// ("Agenda:", "DISCUSSION:") the block is theirs only if its lines
    /// read as tasks.
    named: bool,
    /// The list item it is, when it is one.
    list: Option<ListHead>,
    /// The agenda item it is in: the block ends with it.
    item: Option<usize>,
    /// Whether it is in an action section, where every line is a task.
    in_section: bool,
    /// Each non-empty line's action, whether it reads as a task, and
    /// whether it gives an order or says what is to come.
    lines: Vec<(Action, bool, bool)>,
    /// The text it holds, block by block: read as prose when its lines are
    /// not its tasks.
    held: Vec<Block>,
}

/// A list item that heads someone's tasks: "* Treasurer:" over deeper
/// items heads only those; over items at its own level, those.
struct ListHead {
    indent: usize,
    /// Whether its items are deeper than it, once the first is seen.
    nested: Option<bool>,
}

impl PersonBlock {
    /// Whether a list item at `indent` is one of its lines.
    fn heads(&mut self, indent: usize) -> bool {
        let Some(head) = self.list.as_mut() else { return true };
        let deeper = indent > head.indent;
        let nested = *head.nested.get_or_insert(deeper);
        if nested { deeper } else { indent >= head.indent }
    }

    fn add(&mut self, text: &str, kind: BlockKind, span: Span, people: &People) {
        self.held.push(Block { kind, span: span.clone(), text: span.clone() });
        let mut at = span.start;
        for line in text[span.clone()].split_inclusive('\n') {
            let start = at;
            at += line.len();
            let trimmed = line.trim();
            let lead = line.len() - line.trim_start().len();
            let task = trimmed.trim_start_matches(['-', '*', '•', '·']).trim();
            if task.split_whitespace().count() < 2 {
                continue;
            }
            let line_span = start + lead..start + lead + trimmed.len();
            let action = explicit_action(vec![self.owner.clone()], clean(task).trim_end_matches(['.', ';']).to_string(), line_span.clone(), line_span.start);
            // "Bob presented the accounts": a line opening with one of the
            // document's people is about them, though "bob" is also a verb
            let about_someone = task.split_whitespace().next().is_some_and(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.starts_with(char::is_uppercase) && people.knows(&w.to_lowercase())
            });
            let imperative = !about_someone && opens_with_verb(&action.task) || checkbox(&action.task).is_some() || says_what_is_to_come(&action.task);
            self.lines.push((action, self.in_section || !records_what_happened(task), imperative));
        }
    }

    /// Ends the open block, if any, keeping its tasks; when its lines are
    /// not tasks, they are prose, read for commitments like any other.
    fn close(open: &mut Option<PersonBlock>, found: &mut Vec<Action>, text: &str, people: &Detector) {
        let Some(block) = open.take() else { return };
        let tasks = block.lines.iter().filter(|(_, task, _)| *task).count();
        let imperative = block.lines.iter().filter(|(_, _, imperative)| *imperative).count();
        // outside an action section a name over lines is as often a
        // speaker over what they said ("Eric:" / "Not concerned re feedback"):
        // most of their lines must give orders or say what is to come there
        if tasks * 2 >= block.lines.len() && (block.named && block.in_section || imperative * 2 > block.lines.len()) {
            found.extend(block.lines.into_iter().filter(|(_, task, _)| *task).map(|(a, _, _)| a));
        } else {
            for held in &block.held {
                let setting = Setting { entry: block.in_section || held.kind == BlockKind::ListItem };
                found.extend(implied(text, held, people.find(&text[held.text.clone()], setting), &[]));
            }
        }
    }
}

/// Whether the first words of a line look ahead: "will chase", "venue to
/// be confirmed", "going to ask".
fn ahead(ws: &[commitments::words::Word]) -> bool {
    ws.iter().enumerate().any(|(i, w)| {
        w.is(Class::ModalFuture) || w.is(Class::ModalObligation) || w.lower == "going" || w.lower == "to" && ws.get(i + 1).is_some_and(|n| n.is_verb(Inflection::Base))
    })
}

/// Whether a line is a task written in the future: it opens with "will"
/// or "to" ("will chase the invoice"), or says what is to be done ("venue
/// to be confirmed").
fn says_what_is_to_come(line: &str) -> bool {
    let ws: Vec<commitments::words::Word> = commitments::words::first_words(line, 0..line.len(), 11).into_iter().take(10).collect();
    let opens = ws.first().is_some_and(|w| w.is(Class::ModalFuture) || w.lower == "to") && ws.get(1).is_some_and(|v| v.is_verb(Inflection::Base));
    let to_be_done = ws.windows(3).any(|w| w[0].lower == "to" && w[1].lower == "be" && w[2].is_verb(Inflection::Past));
    opens || to_be_done
}

/// Whether a line reads as a record of what happened rather than a task: a
/// finite verb in the past ("6 people said yes", "Paul nominated by
/// Alastair"), a form of "be" or "have" ("Paul is elected"), a third-person
/// verb after a name or pronoun ("Nick nominates himself"), or a past
/// tense first ("Nominated: Margaret Wood", "emailed the vendor"). A task
/// opens with its verb ("book the room"), is a noun phrase ("website
/// update"), or says what is to come ("will chase", "venue to be confirmed").
fn records_what_happened(line: &str) -> bool {
    let ws: Vec<commitments::words::Word> = commitments::words::first_words(line, 0..line.len(), 11).into_iter().take(10).collect();
    let Some(first) = ws.first().filter(|_| !ahead(&ws)) else { return false };
    if first.verb.is_some() {
        // "Nominated: X", "emailed the vendor" record; "Book the room" sets a task
        return first.is_verb(Inflection::Past);
    }
    ws.iter().enumerate().skip(1).any(|(i, w)| {
        let finite_be = w.is(Class::Be) && !matches!(w.lower.as_str(), "be" | "being");
        let finite_have = w.is(Class::Have) && !matches!(w.lower.as_str(), "have" | "having");
        let before = &ws[i - 1];
        let after_subject = before.capital || before.is(Class::PronounSingular) || before.is(Class::PronounPlural);
        finite_be || finite_have || w.is_verb(Inflection::Past) || w.is_verb(Inflection::ThirdPerson) && after_subject
    })
}

/// Whether `line` opens with "@" or "AI", after a task box if it has one,
/// as every addressed entry does: other lines are not searched, and a
/// document without one does not compile the pattern.
fn may_address(line: &str) -> bool {
    let after_box = ["[ ]", "[x]", "[X]", "[]"].iter().find_map(|b| line.strip_prefix(b)).map_or(line, str::trim_start);
    after_box.starts_with('@') || after_box.starts_with("AI") || after_box.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("action "))
}

/// Whether the words between "Action" and a colon ("Action FK, GB:",
/// "action all:", "Action Ann James:") name who is to act, rather than
/// say what the label is ("Action taken:", "Action Items:"): each of them
/// initials, everyone, one of the document's people or roles, or a name
/// that is no ordinary word.
fn names_owners(label: &str, people: &People) -> bool {
    let owners: Vec<&str> = label.split([',', '/', '&']).flat_map(|n| n.split(" and ")).map(str::trim).collect();
    owners.iter().all(|o| {
        let initials = (2..=3).contains(&o.len()) && o.chars().all(|c| c.is_ascii_uppercase());
        let capitalised = o.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        !o.is_empty() && (initials || (capitalised || o.eq_ignore_ascii_case("all")) && label_reads_as_a_name(o, people))
    })
}

/// `@Greg: Is it time to retire the project?`, `- [ ] @sam update the
/// docs`, `AI(priya): book the room`, `action FK, GB: set up the
/// meeting`: entries addressed to someone, at the
/// start of the block or of any line of it (a scribe's `AI(dave): …` line
/// runs on from the action line before it). Each runs to the next such line.
fn addressed_entries(text: &str, block: &Block, people: &People) -> Vec<Action> {
    static P: OnceLock<Regex> = OnceLock::new();
    let p = || {
        P.get_or_init(|| Regex::new(r"^(?:\[[ xX]?\]\s*)?(?:@(?P<at>[\p{L}][\p{L}\d'’._\-]*(?:\s[A-Z][\p{L}'’\-]*)?)(?::[\w.\-]+\.[\w\-]+)?\s*:?|AI\s*\((?P<ai>[^()]{1,40})\)\s*:|(?i:action)[ \t]+(?P<act>[^:\n]{1,40}?)[ \t]*:[ \t])\s*(?P<task>.*)").unwrap())
    };
    let mut starts = Vec::new();
    let mut at = block.text.start;
    for line in text[block.text.clone()].split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let rest = &line[lead..];
        if may_address(rest) && p().captures(rest).is_some_and(|c| c.name("act").is_none_or(|o| names_owners(o.as_str(), people))) {
            starts.push(at + lead);
        }
        at += line.len();
    }
    let mut out = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(block.text.end);
        let entry = text[start..end].trim_end();
        let Some(c) = p().captures(entry) else { continue };
        let Some(name) = c.name("at").or_else(|| c.name("ai")).or_else(|| c.name("act")) else { continue };
        let task = c.name("task").map_or("", |m| m.as_str());
        let name_span = start + name.start()..start + name.end();
        let owners = name
            .as_str()
            .split([',', '/', '&'])
            .flat_map(|n| n.split(" and "))
            .map(clean_owner)
            .filter(|n| !n.is_empty())
            .map(|n| Owner { name: n, span: Some(name_span.clone()) })
            .collect();
        out.push(Action {
            owners,
            task: clean(task),
            due: None,
            span: start..start + entry.len(),
            kind: ActionKind::Explicit,
            owner_slot: name_span.start,
            owner_slot_prefix: "",
            tentative: false,
        });
    }
    out
}

/// Rows of Markdown action tables: a header row naming a task column and an
/// owner column (`| Action | Owner | Due |`, `| Actions | Who | By When |`),
/// then one action per row; rows with one cell are group titles.
fn tables(text: &str, doc: &Document) -> Vec<Action> {
    let mut out = Vec::new();
    let mut columns: Option<(usize, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim();
        // a Markdown table, or cells set apart by TABs (a table pasted from
        // a word processor or flattened from HTML)
        let tabbed = line.trim_end_matches(['\n', '\r']).trim_start_matches(' ');
        let cells: Vec<&str> = if t.starts_with('|') {
            t.trim_matches('|').split('|').map(str::trim).collect()
        } else if tabbed.contains('\t') {
            tabbed.split('\t').map(str::trim).collect()
        } else {
            columns = None;
            continue;
        };
        if let Some((task_col, owner_col)) = columns {
            if cells.iter().all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                continue; // the rule under the header
            }
            let task = cells.get(task_col).copied().unwrap_or("");
            let owner = cells.get(owner_col).copied().unwrap_or("");
            // a row of one cell is a group title ("| General |", "| Tools |"),
            // unless it is a task of several words opening with a verb
            let a_task = task.split_whitespace().nth(1).is_some() && opens_with_verb(task);
            if task.is_empty() || cells.iter().filter(|c| !c.is_empty()).count() < 2 && owner.is_empty() && !a_task {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let span = start + lead..start + lead + t.len();
            let owner_start = start + line.find(owner).unwrap_or(0);
            let owners: Vec<Owner> = split_owner_cell(owner)
                .into_iter()
                .map(|n| Owner { name: n, span: (!owner.is_empty()).then(|| owner_start..owner_start + owner.len()) })
                .collect();
            out.push(Action { owners, task: clean(task), due: None, span: span.clone(), kind: ActionKind::Explicit, owner_slot: span.start, owner_slot_prefix: "", tentative: false });
            continue;
        }
        // "Resp.", "Owner:": the header's word without its stop
        let lower: Vec<String> = cells.iter().map(|c| c.trim_end_matches(['.', ':']).to_lowercase()).collect();
        let task_col = lower.iter().position(|c| lexicon::is(Class::TableTask, c));
        let owner_col = lower.iter().position(|c| lexicon::is(Class::TableOwner, c));
        if let (Some(a), Some(o)) = (task_col, owner_col) {
            columns = Some((a, o));
        }
    }
    let _ = doc;
    out
}

/// "* Annual Report" over "    * Assigned: Communications Committee" and
/// "    * In progress": an entry whose deeper items hold an owner field
/// (`Assigned:`, `Owner:`, `Who:`, the headings of an action table's owner
/// column) is an action of that owner, as a tracker exports it; the deeper
/// items are its fields and notes, not actions of their own.
fn owner_fields(text: &str, doc: &Document, found: &mut Vec<Action>) {
    let blocks = &doc.blocks;
    for (k, entry) in blocks.iter().enumerate() {
        if entry.kind != BlockKind::ListItem {
            continue;
        }
        let indent = column(text, entry.span.start);
        let children: Vec<&Block> = blocks[k + 1..].iter().take_while(|c| c.kind == BlockKind::ListItem && column(text, c.span.start) > indent).collect();
        let field = children.iter().find_map(|c| {
            let body = &text[c.text.clone()];
            let (label, value) = body.split_once(':')?;
            let label = label.trim().trim_matches(['*', '_']).trim().to_lowercase();
            lexicon::is(Class::TableOwner, &label).then(|| split_owner_cell(value))
        });
        let Some(names) = field.filter(|n| !n.is_empty()) else { continue };
        let notes = children.first().map_or(0, |c| c.span.start)..children.last().map_or(0, |c| c.span.end);
        found.retain(|a| !(a.span.start >= notes.start && a.span.start < notes.end));
        let owners: Vec<Owner> = names.into_iter().map(|name| Owner { name, span: None }).collect();
        let own: Vec<usize> = (0..found.len()).filter(|&i| found[i].span.start >= entry.text.start && found[i].span.start < entry.text.end).collect();
        if own.is_empty() {
            let task = clean(&text[entry.text.clone()]);
            found.push(explicit_action(owners, task, entry.text.clone(), entry.text.end));
        } else {
            for i in own {
                let a = &mut found[i];
                a.kind = ActionKind::Explicit;
                a.tentative = false;
                if a.owners.is_empty() {
                    a.owners = owners.clone();
                }
            }
        }
    }
}

/// "Danielle (Deputy Head)/JR, SW & TD": one owner per name.
fn split_owner_cell(cell: &str) -> Vec<String> {
    cell.split(['/', ',', '&', ';']).flat_map(|p| p.split(" and ")).map(clean_owner).filter(|n| !n.is_empty() && n.chars().any(char::is_alphabetic)).collect()
}

/// "1) Action: The phone number … to go on the website.", "Further Action
/// Agreed: That the Clerk contact …": an action marker inside prose, up to
/// the end of its sentence; "… contact them again. Action: Clerk.": a
/// marker naming only an owner, whose task is the sentence before it.
fn inline_action_markers(text: &str, block: &Block, people: &Detector) -> Vec<Action> {
    static P: OnceLock<Regex> = OnceLock::new();
    let body = &text[block.text.clone()];
    // the marker is one of these words: a block without them is not
    // searched, and a document without them does not compile the pattern
    if !body.contains("Action") && !body.contains("ACTION") && !body.contains("TODO") && !body.contains("ToDo") {
        return Vec::new();
    }
    // Markdown emphasis around the marker is the marker: "**Action:**",
    // "__Action__:", "*Action*:"; so are brackets, "[ACTION]", and a
    // programmer's "TODO:"; the owner
    // may stand in brackets before the colon, "Action (BS):"
    let p = P.get_or_init(|| {
        Regex::new(r"(?:\*\*|__|\*|\b_|\b|\[(?:\*\*|__)?)(?:Further\s+)?(?:(?:Action|ACTION)S?|TODO|ToDo)(?:\s+(?:Agreed|AGREED|by|BY|[Ii]tems?|ITEMS?|[Pp]oints?|POINTS?))?(?:[\s\u{a0}]*\(([^()\n]{1,40})\))?(?:\*\*|__|\*|_)?(?:[\s\u{a0}]+[-–—][\s\u{a0}]+([^\[\]()\n]{1,40}?)[\s\u{a0}]*\])?(?::|\])?(?:\*\*|__|\*|_)?[\s\u{a0}]+(?:[-–—][\s\u{a0}]+)?").unwrap()
    });
    let mut out = Vec::new();
    let mut index = None;
    for caps in p.captures_iter(body) {
        let m = caps.get(0).expect("the whole match");
        if m.start() == 0 && block.kind == BlockKind::ActionLine {
            continue;
        }
        // "(Action: Chair)": the grammar reads a bracketed action whole
        if body[..m.start()].ends_with('(') {
            continue;
        }
        // "[ACTION" needs its "]", "Action:" no "[" before it; "[ACTION - Lee]"
        // names its owner after a dash inside the brackets
        let closed = m.as_str().trim_end().trim_end_matches(['-', '–', '—']).trim_end().trim_end_matches(['*', '_']).ends_with(']');
        let marked = m.as_str().trim_end().trim_end_matches(['-', '–', '—']).trim_end().trim_end_matches(['*', '_']).ends_with([':', ']']);
        if m.as_str().starts_with('[') != closed || !marked || caps.get(2).is_some() && !m.as_str().starts_with('[') {
            continue;
        }
        // "[ACTION - Lee]": inside the marker's brackets a name is the owner, known or not
        let dashed = caps.get(2).and_then(|o| names_in(o.as_str(), &People::new([o.as_str()])).or_else(|| names_in(o.as_str(), people)).map(|n| (n, o)));
        let bracketed = caps
            .get(1)
            .and_then(|o| owner_only(o.as_str(), people).map(|n| (n, o)))
            .or(dashed)
            .map(|(n, o)| (n, block.text.start + o.start()..block.text.start + o.end()));
        let index = index.get_or_insert_with(|| sentences::Sentences::new(body));
        let task_span = marked_span(body, m.end(), index, people);
        let task_text = &body[task_span.clone()];
        if let Some(owners) = owner_only(task_text, people) {
            // the task is the sentence before the marker
            let before = index.last_before(m.start());
            let owner_span = block.text.start + task_span.start..block.text.start + task_span.start + task_text.trim_end().trim_end_matches('.').len();
            out.push(explicit_action(
                owners.into_iter().map(|n| Owner { name: n, span: Some(owner_span.clone()) }).collect(),
                clean(&body[before.clone()]).trim_end_matches(['.', ';']).to_string(),
                block.text.start + before.start.min(m.start())..block.text.start + task_span.end,
                block.text.start + m.end(),
            ));
            continue;
        }
        let found = people.find(task_text, Setting { entry: true });
        // "ACTION: Raj - update the events page": a name, a spaced dash, an order
        let dashed = owner_before_dash(task_text, people);
        let task_text = dashed.as_ref().map_or(task_text, |(_, _, rest)| &task_text[*rest..]);
        let owners = bracketed
            .map(|(names, span)| names.into_iter().map(|name| Owner { name, span: Some(span.clone()) }).collect())
            .or_else(|| dashed.map(|(names, r, _)| names.into_iter().map(|name| Owner { name, span: Some(block.text.start + task_span.start + r.start..block.text.start + task_span.start + r.end) }).collect()))
            .or_else(|| found.iter().find(|c| !c.owners.is_empty()).map(|c| c.owners.iter().map(|n| Owner { name: n.clone(), span: None }).collect()))
            .or_else(|| leading_person(task_text).map(|(n, r)| vec![Owner { name: n, span: Some(block.text.start + m.end() + r.start..block.text.start + m.end() + r.end) }]))
            .or_else(|| trailing_owners(task_text).map(|n| n.into_iter().map(|name| Owner { name, span: None }).collect()))
            .unwrap_or_default();
        out.push(Action {
            owners,
            task: clean(task_text.trim_end().trim_end_matches(['*', '_'])),
            due: None,
            span: block.text.start + m.start()..block.text.start + task_span.end,
            kind: ActionKind::Explicit,
            owner_slot: block.text.start + m.end(),
            owner_slot_prefix: "",
            tentative: false,
        });
    }
    out
}

/// "The swings need painting.<TAB><TAB>Clerk": a line whose last column,
/// set apart by TABs or a wide gap, names only an owner. Minutes typed in a
/// word processor keep their "Action" column this way.
fn owner_columns(text: &str, block: &Block, people: &People, taken: &[Action]) -> Vec<Action> {
    let body = &text[block.text.clone()];
    let mut out = Vec::new();
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let start = block.text.start + at;
        at += line.len();
        let content = line.trim_end();
        let Some(gap) = content.rfind('\t').map(|i| (i, i + 1)).or_else(|| content.rfind("   ").map(|i| (i, i + 3))) else { continue };
        let (task, owner) = (content[..gap.0].trim_end(), content[gap.1..].trim());
        if owner.is_empty() || task.split_whitespace().count() < 3 || owner.split_whitespace().count() > 4 {
            continue;
        }
        let Some(names) = owner_only(owner, people) else { continue };
        let span = start..start + content.len();
        if taken.iter().any(|a| overlaps(&a.span, &span)) {
            continue;
        }
        let owner_start = start + content.len() - owner.len();
        out.push(Action {
            owners: names.into_iter().map(|name| Owner { name, span: Some(owner_start..owner_start + owner.len()) }).collect(),
            task: clean(task.trim_start_matches(|c: char| c == '-' || c == '*' || c.is_whitespace())).trim_end_matches(['.', ';']).to_string(),
            due: None,
            span,
            kind: ActionKind::Explicit,
            owner_slot: owner_start,
            owner_slot_prefix: "",
            tentative: false,
        });
    }
    out
}

/// What a marker ending at `at` marks: the rest of its sentence, or only
/// the rest of its line when that names only an owner ("… the footpath.
/// Action: Cllr Jones" over a line that starts a new paragraph).
fn marked_span(body: &str, at: usize, index: &sentences::Sentences, people: &People) -> Span {
    let sentence_end = index.around(at).end.max(at);
    let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    if line_end < sentence_end && owner_only(body[at..line_end].trim_end_matches(['*', '_', ' ', '?']), people).is_some() {
        return at..line_end;
    }
    at..sentence_end
}

/// "… to transfer payments. **Action Greg to get the completed form**",
/// "- Action Mike will work on this", "Action - Greg?": the word "Action"
/// run into the sentence it marks, with no colon. Without the colon the
/// word is as often a noun ("Action Plan was approved"), so the marker
/// counts only when an owner follows it: a commitment whose owner opens
/// the sentence, or an owner alone (whose task is the sentence before).
fn run_in_action_markers(text: &str, block: &Block, people: &Detector, taken: &[Action]) -> Vec<Action> {
    static P: Pattern = Pattern::new(r"(?:^|\n[ \t\u{a0}]*|\*\*|__|[.;!?][\s*_]+|[-–][\s*_]*)(?:(?:Action|ACTION)(?:[\s\u{a0}]+\d{4}-\d{2}-\d{2}:?)?|AI:)(?:[\s\u{a0}]+(?:[-–]|by|BY))?[\s\u{a0}]+");
    let body = &text[block.text.clone()];
    // as for inline_action_markers: the marker is one of these words (at
    // the start of the block, of a line, or after a sentence)
    if !body.contains("Action") && !body.contains("ACTION") && !body.contains("AI:") {
        return Vec::new();
    }
    // "AI: Richard to create instructions …": the action item's initials,
    // which as often mean something else, so only with an owner after them
    // as well; "ACTION 2006-03-16 Andrew: …": a register's entry dated
    // when it was raised
    let p = &P;
    let mut out = Vec::new();
    let mut index = None;
    for m in p.find_iter(body) {
        let at = block.text.start + m.end();
        if !body[m.end()..].starts_with(|c: char| c.is_uppercase()) || taken.iter().any(|a| a.span.contains(&at)) {
            continue;
        }
        let index = index.get_or_insert_with(|| sentences::Sentences::new(body));
        let task_span = marked_span(body, m.end(), index, people);
        let task_text = body[task_span.clone()].trim_end().trim_end_matches(['*', '_', ' ']);
        let marker_start = block.text.start + m.start() + (m.as_str().len() - m.as_str().trim_start_matches(|c: char| !c.is_alphabetic()).len());
        if let Some(owners) = owner_only(task_text.trim_end_matches('?'), people) {
            let before = index.last_before(m.start());
            let owner_span = at..at + task_text.trim_end_matches(['?', '.']).len();
            out.push(explicit_action(
                owners.into_iter().map(|n| Owner { name: n, span: Some(owner_span.clone()) }).collect(),
                clean(&body[before.clone()]).trim_end_matches(['.', ';', '*', '_', ' ']).to_string(),
                block.text.start + before.start.min(m.start())..block.text.start + task_span.end,
                at,
            ));
            continue;
        }
        let all = people.find(task_text, Setting { entry: true });
        let Some(first) = all.iter().position(|c| c.span.start == 0 && !c.owners.is_empty() && c.owner_span.as_ref().is_some_and(|s| s.start == 0)) else {
            // "Action Board investigate the costs": an owner, then the task's verb
            if let Some((owners, owner_end)) = owner_then_verb(task_text, people) {
                out.push(explicit_action(
                    owners.into_iter().map(|n| Owner { name: n, span: Some(at..at + owner_end) }).collect(),
                    clean(&task_text[owner_end..]),
                    marker_start..block.text.start + task_span.end,
                    at,
                ));
            } else if let Some((owners, owner, rest)) = owner_before_dash(task_text, people) {
                // "ACTION 2006-03-23: Andy - post a discussion …"
                out.push(explicit_action(
                    owners.into_iter().map(|n| Owner { name: n, span: Some(at + owner.start..at + owner.end) }).collect(),
                    clean(&task_text[rest..]),
                    marker_start..block.text.start + task_span.end,
                    at,
                ));
            }
            continue;
        };
        // "Action Ross to set up the account, Social team to write the first
        // issue": one action per owner the marker's sentence names
        let owned: Vec<&Commitment> = all[first..].iter().filter(|c| !c.owners.is_empty()).collect();
        let last = owned.len() - 1;
        for (k, c) in owned.into_iter().enumerate() {
            let end = if k == last { task_text.len() } else { c.span.end.min(task_text.len()) };
            let owner_end = c.owner_span.as_ref().map_or(c.span.start, |s| s.end);
            out.push(Action {
                owners: c.owners.iter().map(|n| Owner { name: n.clone(), span: c.owner_span.clone().filter(|_| c.owners.len() == 1).map(|s| at + s.start..at + s.end) }).collect(),
                // the task without its owner, as after "Action:"
                task: clean(task_text[owner_end.min(end)..end].trim_start().trim_start_matches("to ")).trim_end_matches([',', ';', '.']).to_string(),
                due: c.due.clone().map(|d| Due { text: d.text, span: at + d.span.start..at + d.span.end, date: None, vague: d.vague, problem: None }),
                span: if k == 0 { marker_start } else { at + c.span.start }..if k == last { block.text.start + task_span.end } else { at + end },
                kind: ActionKind::Explicit,
                owner_slot: at + c.span.start,
                owner_slot_prefix: "",
                tentative: false,
            });
        }
    }
    out
}

/// "Board investigate the costs", "KL chase the contractor": up to three
/// words naming owners, then a verb in its base form. Returns the owners
/// and where they end.
///
/// With a colon after the owners ("Andrew: Wordsmith the justifications"),
/// the verb may open with a capital, as a sentence after a label does.
fn owner_then_verb(s: &str, people: &People) -> Option<(Vec<String>, usize)> {
    let words: Vec<(usize, &str)> = s.split_whitespace().map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w)).collect();
    (1..=3.min(words.len().saturating_sub(1))).find_map(|n| {
        let end = words[n - 1].0 + words[n - 1].1.len();
        let labelled = s[..end].ends_with(':');
        // "Tom: to ask Andy whether …"
        let verb = match words[n].1 {
            "to" if labelled => words.get(n + 1)?.1,
            w => w,
        };
        let lower = if labelled { verb.to_lowercase() } else { verb.to_string() };
        let base = (labelled || verb.chars().next().is_some_and(char::is_lowercase))
            && lexicon::verb(&lower).is_some_and(|v| v.inflection == lexicon::Inflection::Base);
        base.then(|| owner_only(s[..end].trim_end_matches(':'), people)).flatten().map(|o| (o, end))
    })
}

/// "ACTIONS: Councillors to provide emails Clerk to respond …": tasks for
/// other owners in an action line beyond the ones the grammar split.
fn more_owners_in_line(text: &str, block: &Block, marked: &ByStart, inline: &[Action], people: &Detector) -> Vec<Action> {
    let in_line = marked.overlapping(&block.span);
    let body = &text[block.text.clone()];
    // what a second marker in the line holds is that marker's action
    let found: Vec<Commitment> = people.find(body, Setting { entry: true })
        .into_iter()
        .filter(|c| !inline.iter().any(|a| overlaps(&a.span, &(block.text.start + c.span.start..block.text.start + c.span.end))))
        .collect();
    if found.len() <= in_line.len().max(1) {
        return Vec::new();
    }
    found
        .into_iter()
        .filter(|c| !c.owners.is_empty() && !in_line.iter().any(|a| a.owners.iter().map(|o| o.name.as_str()).eq(c.owners.iter().map(String::as_str))))
        .map(|c| from_commitment(text, block, c, ActionKind::Explicit))
        .collect()
}

/// "Clerk.", "KL and MR": a marker's text that is only owners.
fn owner_only(s: &str, people: &People) -> Option<Vec<String>> {
    let t = s.trim().trim_end_matches(['.', ';']).trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let parts = split_owner_cell(t);
    let names_someone = |p: &str| {
        let lw = p.to_lowercase();
        // "Ann to ring the vicar" is a task, not an owner ending in a person noun
        if lw.split_whitespace().any(|w| w == "to" || lexicon::is(Class::ModalFuture, w)) {
            return false;
        }
        let last = lw.rsplit(' ').next().unwrap_or("");
        // "All", "Everyone": everyone present
        lexicon::is(Class::Everyone, &lw)
            || crate::catalogue::is_role(p)
            || lexicon::is_agent_noun(last)
            || p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && p.len() <= 6
            || p.split_whitespace().all(|w| people.knows(&w.to_lowercase()))
            // "Cllr Jones", "Dr Ann Lee": a title, then a name
            || p.split_once(' ').is_some_and(|(title, name)| {
                crate::catalogue::is_title(title) && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            })
    };
    (!parts.is_empty() && parts.iter().all(|p| names_someone(p))).then_some(parts)
}

/// "Review with school and share to website (MK/KL/EM)": owners in
/// brackets at the end of the task.
fn trailing_owners(s: &str) -> Option<Vec<String>> {
    let t = s.trim().trim_end_matches(['.', ';']).trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let inside = &inner[open + 1..];
    let parts = split_owner_cell(inside);
    (!parts.is_empty() && parts.iter().all(|p| p.len() <= 6 && p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))).then_some(parts)
}

/// "Open EO - Pratichhya", "Start the calendar – Aadesh, Sovas": names after
/// a spaced dash that ends an entry of an action section. Each name is one
/// to three capitalised words, none an ordinary English word unless the
/// document knows it as a name ("Done", "Ongoing" are statuses). Returns the
/// names and where the dash is.
fn trailing_dash_owners(s: &str, people: &People) -> Option<(Vec<String>, usize)> {
    let t = s.trim_end().trim_end_matches(['.', ';']);
    let dash = [" - ", " – ", " — "].iter().filter_map(|d| t.rfind(d)).max()?;
    let before = &t[..dash];
    let after = t[dash..].trim_start_matches([' ', '-', '–', '—']);
    if before.split_whitespace().count() < 2 || after.is_empty() {
        return None;
    }
    Some((names_in(after, people)?, dash))
}

/// The names a list of owners written after a task holds ("Aadesh, Sovas",
/// "D. Goodger"): each one to three capitalised words, none an ordinary
/// English word unless the document knows it as a name.
fn names_in(list: &str, people: &People) -> Option<Vec<String>> {
    let names: Vec<String> = list.split([',', '&', '/']).flat_map(|p| p.split(" and ")).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    let is_name = |n: &String| {
        let words: Vec<&str> = n.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words.iter().all(|w| {
                let lower = w.to_lowercase();
                w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '’') && (people.knows(&lower) || !lexicon::is_word(&lower))
            })
    };
    (!names.is_empty() && names.iter().all(is_name)).then_some(names)
}

/// "Raj - update the events page", "Ann, Bo – book the hall": names before
/// a spaced dash and a task that opens with its verb. Returns the names,
/// where they are written and where the task starts.
fn owner_before_dash(task: &str, people: &People) -> Option<(Vec<String>, Span, usize)> {
    let dash = [" - ", " – ", " — "].iter().filter_map(|d| task.find(d)).min()?;
    let names = names_in(&task[..dash], people)?;
    let rest = task[dash..].trim_start_matches([' ', '-', '–', '—']);
    let lead = task[..dash].len() - task[..dash].trim_start().len();
    opens_with_verb(rest).then(|| (names, lead..dash, task.len() - rest.len()))
}

/// "Add the swag to the agenda [D. Goodger] (carried forward)": owners in
/// square brackets at the end of an entry, before any note of its
/// progress. Returns the names and where the brackets open and close.
fn trailing_bracket_owners(s: &str, people: &People) -> Option<(Vec<String>, usize, usize)> {
    let mut t = s.trim_end().trim_end_matches(['.', ';']).trim_end();
    // a note of progress in brackets after the owners
    if let Some(open) = t.strip_suffix(')').and_then(|i| i.rfind('(')) {
        if super::reports::progress(&t[open..]).is_some() {
            t = t[..open].trim_end();
        }
    }
    let inner = t.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    if t[..open].split_whitespace().count() < 2 {
        return None;
    }
    Some((names_in(&inner[open + 1..], people)?, open, t.len()))
}

/// "Setup recurring meeting (Brice)", "Create a proposal (James & Craig)",
/// "Continue feedback on the PR (All)": names, or everyone, in round
/// brackets at the end of an entry of an action section, after a task of
/// two words or more. Returns the names and where the brackets open and
/// close.
fn trailing_paren_owners(s: &str, people: &People) -> Option<(Vec<String>, usize, usize)> {
    let t = s.trim_end().trim_end_matches(['.', ';']).trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    if t[..open].split_whitespace().count() < 2 {
        return None;
    }
    let inside = inner[open + 1..].trim();
    if lexicon::is(Class::Everyone, &inside.to_lowercase()) {
        return Some((vec![inside.to_string()], open, t.len()));
    }
    Some((names_in(inside, people)?, open, t.len()))
}

/// A person named at the start of a clause: "Cllr Shirley Cordner offered…",
/// "Gavin Berry agreed…".
fn leading_person(s: &str) -> Option<(String, Span)> {
    static P: Pattern = Pattern::new(r"^(?:(?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)[ \t\u{a0}]+[A-Z][\p{L}'’\-]+(?:[ \t\u{a0}]+[A-Z][\p{L}'’\-]+)?|[A-Z][a-z]+[ \t\u{a0}]+[A-Z][a-z]+)[ \t\u{a0}]+[a-z]");
    let p = &P;
    let m = p.find(s)?;
    let end = s[..m.end()].trim_end_matches(|c: char| c.is_lowercase()).trim_end().len();
    let name = &s[..end];
    if name.split_whitespace().next().is_some_and(|w| lexicon::is(Class::Determiner, &w.to_lowercase()) || lexicon::is(Class::NonAgent, &w.to_lowercase())) {
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
        owners: c.owners.into_iter().zip(owner_spans).map(|(name, span)| Owner { name, span }).collect(),
        task: clean(sentence).trim_end_matches(['.', ';', ',']).to_string(),
        due,
        span: span.clone(),
        kind,
        owner_slot: span.start + end_trim,
        owner_slot_prefix: " ",
        // an imperative entry, a "let's" or a clause with its subject left
        // out may be the meeting's or the speaker's plan, not a task for someone
        tentative: matches!(c.form, Form::Imperative | Form::Proposal) || c.elided,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actions(text: &str) -> Vec<(ActionKind, Vec<String>, String)> {
        Document::parse(text).actions.into_iter().map(|a| (a.kind, a.owners.into_iter().map(|o| o.name).collect(), a.task)).collect()
    }

    fn explicit(text: &str) -> Vec<(Vec<String>, String)> {
        actions(text).into_iter().filter(|a| a.0 == ActionKind::Explicit).map(|a| (a.1, a.2)).collect()
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn action_item_initials_and_dated_register_entries_mark_actions_with_an_owner() {
        let t = "Present: Richard Levitte, Matt Caswell, Andy Powell, Diane Hillmann\n\n1. Review\n\nAI: Richard to create instructions on adding a member.\nNot done\n\nAI: the discussion of AI risks went on.\n\nACTION 2006-03-30 Diane: send Tom a column on RDA\n\nACTION 2006-03-23: Andy - post a discussion of the rationale.\n\nMatt has changes to the page in hand,\n   see:\n   ACTION 2006-03-30 Matt: to ask Andy about the data.\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["Richard"]), "create instructions on adding a member".to_string()),
                (names(&["Diane"]), "send Tom a column on RDA".to_string()),
                (names(&["Andy"]), "post a discussion of the rationale.".to_string()),
                (names(&["Matt"]), "to ask Andy about the data.".to_string()),
            ]
        );
        // "AI:" with nobody after it is no marker: nothing for M101 to flag
        assert!(explicit("1. Tech\n\nAI: the discussion of AI risks went on.\n").is_empty());
    }

    #[test]
    fn a_label_naming_a_part_of_the_minutes_is_nobody_s_task_list() {
        let t = "Present: Hugo Landau\n\nAgenda:\n    * Nominate a minute taker\n    * Review outstanding actions\n\n1. Minutes\n\nAgreed.\n";
        assert!(actions(t).iter().all(|a| a.1.iter().all(|o| o != "Agenda")), "{:?}", actions(t));
    }

    #[test]
    fn a_bare_imperative_entry_is_a_task_only_beside_entries_that_set_tasks() {
        let implied = |t: &str| -> Vec<String> { actions(t).into_iter().filter(|a| a.0 == ActionKind::Implied).map(|a| a.2).collect() };
        // points noted in a discussion: nothing in the list gives a task
        let notes = "1. Process\n\n- Turn on recording\n- Keep the board small\n- Make it a success, don't require heroics\n";
        assert_eq!(implied(notes), Vec::<String>::new());
        // a list that gives a task in words makes its imperatives tasks too
        let tasks = "1. Director\n\n- Board to discuss internally in the coming weeks\n- Look for consulting support to inform our search\n";
        assert_eq!(implied(tasks).len(), 2, "{:?}", implied(tasks));
        // ... but only its own level: a sub-list of notes under a task is not
        let nested = "1. Director\n\n- Board to discuss the search\n  - Turn on recording\n  - Keep the board small\n";
        assert_eq!(implied(nested).len(), 1, "{:?}", implied(nested));
        // a marker in a sibling entry sets tasks as well
        let marked = "1. Venue\n\n- Action: Ann to book the hall\n- Send the slides to the printer\n";
        assert!(implied(marked).iter().any(|t| t.starts_with("Send the slides")), "{:?}", actions(marked));
    }

    #[test]
    fn lines_that_cannot_address_anyone_are_not_searched() {
        for line in ["@sam: update the docs", "[ ] @sam update the docs", "[x]\u{a0} @sam", "[]@sam", "AI(priya): book the room", "AI (dave): chase"] {
            assert!(may_address(line), "{line}");
        }
        for line in ["The AIP was noted", "[ ] sam to update the docs", "Email sam@example.org", "[y] @sam"] {
            assert!(!may_address(line), "{line}");
        }
        // and what is searched is still found
        assert_eq!(explicit("1. Docs\n\n- [ ] @sam update the docs\n").len(), 1);
    }

    #[test]
    fn an_action_line_recording_the_boards_vote_is_a_decision_not_a_task() {
        let t = "1. Budget\n\nStaff presented the budget.\n\nACTION: Motion by Commissioner Smith, seconded by Commissioner Jones, to approve the budget. Motion carried 5-0.\n\n2. Lease\n\nACTION: Approved unanimously.\n\n3. Report\n\nAction: Received and filed.\n\n4. Fence\n\nACTION: Motion by Commissioner Lee to buy a fence. Motion failed 2-3.\n\n5. Other\n\nBoard Action: None required.\n\nACTION: Agreed to write to the school.\n\nACTION: Clerk to order the fence.\n";
        let doc = Document::parse(t);
        let decided: Vec<(String, String)> = doc.resolved_blocks.iter().map(|b| (b.marker.clone(), b.resolutions[0].text.clone())).collect();
        assert_eq!(
            decided,
            [
                ("ACTION".to_string(), "Motion by Commissioner Smith, seconded by Commissioner Jones, to approve the budget. Motion carried 5-0".to_string()),
                ("ACTION".to_string(), "Approved unanimously".to_string()),
            ]
        );
        // a decision that carries a task, and a task, are still actions
        let tasks: Vec<String> = explicit(t).into_iter().map(|(_, task)| task).collect();
        assert_eq!(tasks, ["Agreed to write to the school", "order the fence"]);
    }

    #[test]
    fn names_after_a_dash_ending_an_action_entry_own_it() {
        let t = "1. Plans\n\nWe met.\n\n## Action Items\n\n#### 1. Engineering\n\n- Define the coding party date - Kshitij\n- Start the calendar invitation - Aadesh, Sovas\n- Review the old tickets - Done\n";
        let got = explicit(t);
        assert_eq!(
            got,
            [
                (names(&["Kshitij"]), "Define the coding party date".to_string()),
                (names(&["Aadesh", "Sovas"]), "Start the calendar invitation".to_string()),
                (names(&[]), "Review the old tickets - Done".to_string()),
            ]
        );
    }

    #[test]
    fn an_entry_with_an_owner_field_below_it_is_that_owners_action() {
        let text = "Previous action items\n\n* Annual report\n\n    * Assigned: Communications Committee\n\n    * In progress\n\n* Set up a poll about the retreat\n\n    * Assigned: Greg\n\n    * We need to have a meeting among the boards after the summer.\n";
        assert_eq!(
            explicit(text),
            [(names(&["Communications Committee"]), "Annual report".to_string()), (names(&["Greg"]), "Set up a poll about the retreat".to_string())]
        );
        assert!(actions(text).iter().all(|(k, _, _)| *k == ActionKind::Explicit), "{:?}", actions(text));
    }

    #[test]
    fn markdown_action_table() {
        let t = "1. Tidy-up day\n\nWe met.\n\n| Action | Owner | Due |\n|---|---|---|\n| Hire a skip | Omar | 1 May |\n| Tools | | |\n| Print posters | Jo / KL | 3 May |\n";
        let got = explicit(t);
        assert_eq!(got, [(names(&["Omar"]), "Hire a skip".to_string()), (names(&["Jo", "KL"]), "Print posters".to_string())]);
    }

    #[test]
    fn markers_in_markdown_emphasis() {
        let t = "Present: Ann Lee, Bob Stone\n\n**Action:** Bob to send the accounts.\n\n__Action__: Ann to ring the vicar.\n\nThe treasurer reported. *Action: Ann to circulate the figures.*\n";
        let got = explicit(t);
        assert_eq!(
            got,
            [
                (names(&["Bob"]), "send the accounts.".to_string()),
                (names(&["Ann"]), "ring the vicar.".to_string()),
                (names(&["Ann"]), "circulate the figures.".to_string())
            ]
        );
        assert_eq!(explicit("Present: Ann Lee\n\nThe forms were discussed. **Action item:** Ann will prepare the forms.\n"), [(names(&["Ann"]), "prepare the forms.".to_string())]);
    }

    #[test]
    fn the_word_action_run_into_its_sentence() {
        let t = "Present: Greg Morris, Ellen Pearce, Mike Bratt, Ross Stevenson\n\nFinance: the mandate will change. **Action Greg to get the completed form**\n\nStock: budget agreed. **Action Ellen to look at a stock spreadsheet**\n\nLathe - we will buy a lock **Action - Greg?**\n\n- Action Mike will work on this\n\nAddress: a secure one is needed. **Action Board investigate office costs**\n\nNewsletter agreed. **Action Ross to set up the account, Social team to write the first issue by October**\n\nThe Action Plan was approved.\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["Greg"]), "get the completed form".to_string()),
                (names(&["Ellen"]), "look at a stock spreadsheet".to_string()),
                (names(&["Greg"]), "Lathe - we will buy a lock".to_string()),
                (names(&["Mike"]), "will work on this".to_string()),
                (names(&["Board"]), "investigate office costs".to_string()),
                (names(&["Ross"]), "set up the account".to_string()),
                (names(&["Social team"]), "write the first issue by October".to_string()),
            ]
        );
    }

    #[test]
    fn markers_with_the_owner_in_brackets_or_the_marker_in_brackets() {
        let t = "Present: Ann Lee (AL), Bob Stone (BS)\n\n1. Finance\n\nThe accounts were reviewed.\nAction (BS): renew the insurance.\n[ACTION] Bob to email the members.\nAction point: Ann to write to the school.\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["BS"]), "renew the insurance.".to_string()),
                (names(&["Bob"]), "email the members.".to_string()),
                (names(&["Ann"]), "write to the school.".to_string())
            ]
        );
    }

    #[test]
    fn a_next_steps_list_with_owners_in_brackets() {
        let t = "Present: Ann Lee (AL), Carol Diaz (CD)\n\nNext steps:\n\n- Send thank-you letters (CD)\n- AL to draft the newsletter\n\nThe meeting closed.\n";
        assert_eq!(explicit(t), [(names(&["CD"]), "Send thank-you letters".to_string()), (names(&["AL"]), "draft the newsletter".to_string())]);
    }

    #[test]
    fn an_owner_after_the_marker_ends_with_its_line() {
        let t = "Minutes\n\nThe footpath needs clearing. Action: Cllr Jones\nPlanning application noted.\n";
        assert_eq!(explicit(t), [(names(&["Cllr Jones"]), "The footpath needs clearing".to_string())]);
    }

    #[test]
    fn entries_naming_a_known_person_before_a_dash_or_in_brackets() {
        let t = "Attendees: Douglas Stebila, Michael Baentsch\n\n## Action items\n\n- Michael Baentsch - review the CI changes\n- [Douglas] draft the charter\n- Newsletter - mailchimp account\n";
        assert_eq!(explicit(t), [(names(&["Michael Baentsch"]), "review the CI changes".to_string()), (names(&["Douglas"]), "draft the charter".to_string())]);
    }

    #[test]
    fn an_action_line_naming_only_owners_marks_the_sentence_above() {
        let t = "Present: Cllr B Evans\n\n1. Highways\n\nThe footpath sign is missing.\nACTION: Clerk / Cllr Evans\n\nACTION: Chair\n";
        assert_eq!(explicit(t), [(names(&["Clerk", "Cllr Evans"]), "The footpath sign is missing".to_string()), (names(&["Chair"]), String::new())]);
    }

    #[test]
    fn a_marked_entry_in_an_action_section_is_one_action() {
        let t = "Minutes\n\n### ACTION Items Resulting\n\n-   ACTION: TimG: September rent to pay\n-   ACTION: MitchK: Fire extinguisher refresh\n";
        assert_eq!(explicit(t), [(names(&["TimG"]), "September rent to pay".to_string()), (names(&["MitchK"]), "Fire extinguisher refresh".to_string())]);
    }

    #[test]
    fn an_owner_column_at_the_end_of_a_line() {
        let t = "Present: Cllr A Jones, Cllr B Evans\n\n2. Playground\n\nThe swings need painting.\t\t\tClerk\nMembers to inspect the play area.\tAll\nThe fence was repaired last week by the contractor.\n";
        assert_eq!(explicit(t), [(names(&["Clerk"]), "The swings need painting".to_string()), (names(&["All"]), "Members to inspect the play area".to_string())]);
        let t = "Present: Cllr A Jones\n\nInvoices were approved.  Action by Clerk.\n\nBank mandate to be updated (Action: Chair)\n";
        assert_eq!(explicit(t), [(names(&["Clerk"]), "Invoices were approved".to_string()), (names(&["Chair"]), "Bank mandate to be updated".to_string())]);
    }

    #[test]
    fn a_table_whose_header_says_detail_and_resp() {
        let t = "| No. | Detail | Resp. | Status |\n| --- | --- | --- | --- |\n| 2.1 | Add the terms of reference to the website | TG | Done |\n| 2.4 | Check with CLF that they are represented | TG & BM | Not done |\n";
        assert_eq!(
            explicit(t),
            [(names(&["TG"]), "Add the terms of reference to the website".to_string()), (names(&["TG", "BM"]), "Check with CLF that they are represented".to_string())]
        );
        let t = "ACTIONS\n\nAction\tResponsible Person\nBank Mandate\tGreg\nNewsletter\tSocial Team\n";
        assert_eq!(explicit(t), [(names(&["Greg"]), "Bank Mandate".to_string()), (names(&["Social Team"]), "Newsletter".to_string())]);
    }

    #[test]
    fn a_table_with_cells_set_apart_by_tabs() {
        let t = "Action\tWho\tWhen\nSend the letter\tAnn Lee\tMay\nUpdate the website\t\t\n";
        assert_eq!(explicit(t), [(names(&["Ann Lee"]), "Send the letter".to_string()), (vec![], "Update the website".to_string())]);
    }

    #[test]
    fn a_table_row_with_a_task_and_no_owner_is_an_ownerless_action() {
        let t = "| Action | Owner | Due |\n|---|---|---|\n| Tools | | |\n| General | | |\n| Update the website | | |\n";
        assert_eq!(explicit(t), [(vec![], "Update the website".to_string())]);
    }

    #[test]
    fn action_lines_name_then_colon_then_task() {
        let got = explicit("ACTION: TimG: pay the September rent\n\nACTION: TG/DO'M: update the membership list\n");
        assert_eq!(got, [(names(&["TimG"]), "pay the September rent".to_string()), (names(&["TG", "DO'M"]), "update the membership list".to_string())]);
    }

    #[test]
    fn a_topic_before_the_owner() {
        let got = explicit("Present: Ann Lee\n\nACTION: Scrap metal: Ann will organise the pickup\n\nACTION: Bank access: TimG: visit the bank\n");
        assert_eq!(got, [(names(&["Ann"]), "organise the pickup".to_string()), (names(&["TimG"]), "visit the bank".to_string())]);
    }

    #[test]
    fn an_empty_attendance_label_heads_no_tasks() {
        let t = "### Members Present\n\n- Present: Ann Lee, Bob Stone\n- Apologies:\n- Absent:\n\n### Meeting times\n\n- Opened: 19:00\n- Next meeting: Saturdays\n";
        assert_eq!(explicit(t), []);
        // a person's block ends with its agenda item
        let t = "1. Tasks\n\nPriya:\n- send the slides\n\n2. Times\n\n- Opened: 19:00\n";
        assert_eq!(explicit(t), [(names(&["Priya"]), "send the slides".to_string())]);
    }

    /// Ann's and Bob's tasks and one nobody took, as the list tests write them.
    fn three_list_tasks() -> Vec<(Vec<String>, String)> {
        vec![
            (names(&["Ann"]), "chase the caterer".to_string()),
            (names(&["Bob"]), "pay the deposit".to_string()),
            (vec![], "write the newsletter".to_string()),
        ]
    }

    #[test]
    fn task_list_checkboxes_mark_actions() {
        let t = "Present: Ann Lee, Bob Stone\n\nNotes\n\n- [ ] Ann: chase the caterer\n- [x] Bob to pay the deposit\n- [ ] write the newsletter\n- [ ] \n- [ ] Catering budget\n";
        assert_eq!(explicit(t), three_list_tasks());
    }

    #[test]
    fn a_label_line_over_a_list_is_an_action_section() {
        let t = "Present: Ann Lee, Bob Stone\n\n1. Finance\n\n**Actions**\n\n- Ann to chase the caterer\n- Bob: pay the deposit\n- write the newsletter\n\nThe next meeting is in May.\n\n- Venue to be confirmed\n";
        assert_eq!(explicit(t), three_list_tasks());
    }

    #[test]
    fn per_person_action_block() {
        let t = "Actions\n\nPriya:\nsend the slides to the group\nbook the room for June\n\nAll:\nspeak to two new volunteers\n";
        let got = explicit(t);
        assert!(got.contains(&(names(&["Priya"]), "send the slides to the group".to_string())), "{got:?}");
        assert!(got.contains(&(names(&["Priya"]), "book the room for June".to_string())), "{got:?}");
        assert!(got.contains(&(names(&["All"]), "speak to two new volunteers".to_string())), "{got:?}");
    }

    #[test]
    fn a_speaker_over_what_they_said_sets_no_tasks() {
        let t = "Present: Ann Lee, Bob Stone\n\n1. Process\n\n- Ann Lee:\n    - Council is not supposed to be doing work ourselves\n    - Not always successful, easier to do than delegate\n    - What is the right time tradeoff here?\n- Bob Stone:\n    - Lightweight as possible\n";
        assert_eq!(explicit(t), []);
        // the same name over orders is a task list
        let t = "Present: Ann Lee, Bob Stone\n\n1. Process\n\n- Ann Lee:\n    - Create a project board with categories\n    - Populate it\n";
        assert_eq!(explicit(t).len(), 2);
    }

    #[test]
    fn a_topic_label_over_a_report_is_prose_not_tasks() {
        // "Bob" and "Carol" are verbs too: lines opening with the document's
        // people are about them; the commitment in the prose is still read
        let t = "Present: Ann Lee, Bob Day, Carol Fox\n\nTreasurer's Report:\nBob presented the accounts. Income was £400.\n\nMembership:\nCarol said numbers were up. She will write to lapsed members.\n";
        assert_eq!(explicit(t), []);
        let got = actions(t);
        assert_eq!(got, [(ActionKind::Implied, names(&["Carol"]), "She will write to lapsed members".to_string())]);
    }

    #[test]
    fn a_day_over_a_schedule_is_no_owner() {
        let t = "5. Schedule\n\n- Monday:\n  - Compost toilet meeting (Doug, Bodhi)\n- Next Tuesday:\n  - Room ventilation meeting (Matthias)\n";
        assert!(explicit(t).iter().all(|(o, _)| !o.iter().any(|n| n.contains("day"))), "{:?}", explicit(t));
    }

    #[test]
    fn a_heading_that_names_nobody_heads_no_tasks() {
        // an ordinary word, a word in capitals, a possessive: headings, not people
        let t = "Agenda:\n1) Confirmation of quorum\n2) Update on the build\n\nDISCUSSION:\nSome changes were reviewed by the members\n\n6.1 Chairman's Report:\nThe leaflet drop went out this month.\n";
        assert_eq!(explicit(t), []);
    }

    #[test]
    fn a_block_recording_an_election_sets_no_tasks() {
        let t = "Present: Ann Lee, Paul Hay, Nick Bond\n\n5. Elections\n\n* Treasurer:\n  * Nominated: Ann Lee\n  * Ann Lee is elected as Treasurer\n* Secretary:\n  * Call for nominations from the floor\n  * Paul nominated by Nick from the floor\n  * Paul is elected as Secretary\n* Ordinary members:\n  * Nick Bond nominates himself\n";
        assert_eq!(explicit(t), []);
        // a task list stays one, its lines in any tense it may take
        let t = "Priya:\n- book the hall for June\n- venue to be confirmed\n- will chase the invoice\n- emailed the vendor last week\n";
        let got = explicit(t);
        assert_eq!(got.len(), 3, "the line recording what was done is no task: {got:?}");
        assert!(got.iter().all(|(o, _)| o == &names(&["Priya"])), "{got:?}");
        // a list item heading someone's tasks heads only the items under it
        let t = "Actions\n\n* Priya:\n  * send the slides\n* Minutes were approved.\n";
        assert_eq!(explicit(t), [(names(&["Priya"]), "send the slides".to_string())]);
    }

    #[test]
    fn a_marker_then_a_name_a_dash_and_an_order() {
        let t = "1. Website\n\n- ACTION: Ngozi - update the events page\n- TODO: Tomasz Wnuk – fix the login\n- TODO: Website - it was slow\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["Ngozi"]), "update the events page".to_string()),
                (names(&["Tomasz Wnuk"]), "fix the login".to_string()),
                (names(&[]), "Website - it was slow".to_string())
            ]
        );
    }

    #[test]
    fn owners_in_square_brackets_after_the_task() {
        let t = "## Action items\n\n- Section 5, Ubuntu: Add the swag to the future agenda [D. Goodger] (carried forward).\n- Renew the domain [Ngozi Okafor, Tomasz Wnuk]\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["D. Goodger"]), "Section 5, Ubuntu: Add the swag to the future agenda".to_string()),
                (names(&["Ngozi Okafor", "Tomasz Wnuk"]), "Renew the domain".to_string())
            ]
        );
    }

    #[test]
    fn a_marker_in_brackets_with_its_owner_after_a_dash() {
        let t = "## Review\n\n* [**ACTION** - Lee] - File the actions for this meeting\n* [ACTION - anyone] - Check the spec\n";
        assert_eq!(explicit(t), [(names(&["Lee"]), "File the actions for this meeting".to_string()), (names(&[]), "Check the spec".to_string())]);
    }

    #[test]
    fn the_entries_of_the_listed_agenda_are_topics_not_tasks() {
        let t = "# WG meeting\n\n## Agenda\n\n* Review agenda (2m, Lee)\n* Determine volunteers for note taking (1m, Lee)\n* Review previous meeting's action items (5m, Lee)\n\n## Notes\n\n* Ann will send the draft.\n";
        let doc = Document::parse(t);
        let tasks: Vec<&str> = doc.actions.iter().map(|a| a.task.as_str()).collect();
        assert_eq!(tasks, ["Ann will send the draft"], "{:?}", doc.actions);
    }

    #[test]
    fn owners_in_round_brackets_after_the_task() {
        // the attendance in a bullet of the header makes "Mike" a name, not a microphone
        let t = "Minutes\n\n* Meeting attendees: Dustin, Craig, Mike G., James\n* Meeting started at: 20:15\n\n## Action Items\n\n* Create a proposal for email (James & Craig)\n* Make signs (Mike G.)\n* Continue feedback on the PR (All)\n* Post the notes (draft)\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["James", "Craig"]), "Create a proposal for email".to_string()),
                (names(&["Mike G."]), "Make signs".to_string()),
                (names(&["All"]), "Continue feedback on the PR".to_string()),
                // a note in brackets names nobody
                (names(&[]), "Post the notes (draft)".to_string()),
            ]
        );
    }

    #[test]
    fn a_purpose_over_a_list_is_nobodys_label() {
        let t = "### Topics\n- Rename the triage team\n    - Goal:\n        - empower people to do more\n        - widen the scope\n";
        assert!(explicit(t).is_empty(), "{:?}", explicit(t));
        assert!(Document::parse(t).actions.iter().all(|a| a.owners.is_empty()));
    }

    #[test]
    fn a_label_over_tasks_heads_them_even_when_it_is_an_english_word() {
        // "Frank" is also an adjective: the lines under it read as tasks
        let t = "Frank:\n- book the hall for June\n- send the agenda\n";
        assert_eq!(explicit(t).len(), 2);
    }

    #[test]
    fn addressed_entries() {
        assert_eq!(explicit("- [ ] @sam update the install guide\n"), [(names(&["sam"]), "update the install guide".to_string())]);
        assert_eq!(explicit("AI(priya): circulate the budget\n"), [(names(&["priya"]), "circulate the budget".to_string())]);
        assert_eq!(explicit("@jo:example.org: renew the certificate\n"), [(names(&["jo"]), "renew the certificate".to_string())]);
        assert_eq!(explicit("1. Certs\n\nACTION: @jo:example.org to renew the certificate\n"), [(names(&["jo"]), "renew the certificate".to_string())]);
        // "Action" then who acts, then a colon
        let t = "1. Review of actions\n\n* action FK, GB: set up a planning meeting\n* action all: review the docs\n* Action TB: meet with Shell, report back here\n";
        assert_eq!(
            explicit(t),
            [
                (names(&["FK", "GB"]), "set up a planning meeting".to_string()),
                (names(&["all"]), "review the docs".to_string()),
                (names(&["TB"]), "meet with Shell, report back here".to_string()),
            ]
        );
        // a label saying what the action is names nobody
        for t in ["1. Roads\n\nAction taken: none.\n", "1. Roads\n\nAction Items: see below.\n", "1. Roads\n\nAction required: the clerk will write.\n"] {
            assert!(explicit(t).iter().all(|(o, _)| o.is_empty() || o == &names(&["clerk"]) || o == &names(&["Clerk"])), "{t}: {:?}", explicit(t));
        }
    }

    #[test]
    fn scribe_action_lines_open_with_their_owners() {
        let t = "Present: alice, bob, Carol Jones\n\n1. Mirrors\n\nACTION: alice to update the mirror list\nACTION: bob file a ticket about the sync\nACTION: Carol and bob review the policy draft\nACTION: bob Write the announcement\nAI(dave): publish the release notes\nACTION: erin to chase the vendor by 3 May\n";
        let got = explicit(t);
        assert_eq!(
            got,
            [
                (names(&["alice"]), "update the mirror list".to_string()),
                (names(&["bob"]), "file a ticket about the sync".to_string()),
                (names(&["Carol", "bob"]), "review the policy draft".to_string()),
                (names(&["bob"]), "Write the announcement".to_string()),
                (names(&["dave"]), "publish the release notes".to_string()),
                (names(&["erin"]), "chase the vendor".to_string()),
            ]
        );
    }

    #[test]
    fn a_capitalised_verb_is_not_an_owner() {
        for (line, task) in [
            ("ACTION: Moved to the next meeting.", "Moved to the next meeting"),
            ("ACTION: Bumped to next week", "Bumped to next week"),
            ("Action: Discuss during the retreat", "Discuss during the retreat"),
        ] {
            let got = explicit(&format!("1. Item\n\n{line}\n"));
            assert_eq!(got, [(Vec::<String>::new(), task.to_string())], "{line}");
        }
        assert_eq!(explicit("1. Item\n\nACTION: Mark to send the minutes\n"), [(names(&["Mark"]), "send the minutes".to_string())]);
        assert_eq!(explicit("1. Item\n\nACTION: Grant and Sue to book the hall\n"), [(names(&["Grant", "Sue"]), "book the hall".to_string())]);
    }

    #[test]
    fn actions_listed_under_their_owner() {
        let t = "People present:\n- nirik\n- Dana Scully\n\nAction items\n\n* nirik\n  * update the mirror list\n  * check the proxies\n* Dana Scully\n  * book the venue for June\n* Budget\n  * the budget was discussed at length\n";
        let got = explicit(t);
        assert!(got.contains(&(names(&["nirik"]), "update the mirror list".to_string())), "{got:?}");
        assert!(got.contains(&(names(&["nirik"]), "check the proxies".to_string())), "{got:?}");
        assert!(got.contains(&(names(&["Dana Scully"]), "book the venue for June".to_string())), "{got:?}");
        assert!(!got.iter().any(|(o, t)| !o.is_empty() && t.contains("budget")), "an item that names nobody heads nobody's tasks: {got:?}");
        let updates = "Present: nirik\n\n1. Updates\n\n* nirik\n  * finished the migration last week\n";
        assert_eq!(explicit(updates), [], "a round of updates is not a list of actions");
    }

    #[test]
    fn a_first_name_is_known_from_a_full_name_given_as_an_owner() {
        let t = "## Sprints\n\n- Paolo to make a proposal or run a trial\n\n## Action items\n\nACTION: Paolo Melchiorre to share the plans for the conference\n";
        let got = actions(t);
        assert!(got.iter().any(|a| a.0 == ActionKind::Implied && a.1 == names(&["Paolo"])), "{got:?}");
    }

    #[test]
    fn action_lines_whose_first_words_are_not_an_owner() {
        for (line, task) in [
            ("ACTION: review the draft before Friday", "review the draft before Friday"),
            ("ACTION: update docs to match the release", "update docs to match the release"),
            ("ACTION: someone to check the logs", "someone to check the logs"),
            ("ACTION: docs to be updated", "docs to be updated"),
            ("ACTION: frank file the report", "frank file the report"),
            ("ACTION: Discuss during F2F after second pass review", "Discuss during F2F after second pass review"),
        ] {
            let got = explicit(&format!("1. Item\n\n{line}\n"));
            assert_eq!(got, [(Vec::<String>::new(), task.to_string())], "{line}");
        }
    }

    #[test]
    fn name_colon_entries_in_an_action_section() {
        let t = "Action items\n\n- Lena Berg: Draft the grant report.\n- Tom: Call the printers.\n";
        let got = explicit(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, names(&["Lena Berg"]));
        assert_eq!(got[1].0, names(&["Tom"]));
    }

    #[test]
    fn trailing_owner_only_marker() {
        let t = "The hedge still overhangs the path and the owner must be written to and contacted again. Action: Clerk.\n";
        let got = explicit(t);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, names(&["Clerk"]));
        assert!(got[0].1.starts_with("The hedge still overhangs"), "{got:?}");
        let got = explicit("Review the rota with the school (MK/KL). Action: Review with school and share it (MK/KL).\n");
        assert!(got.iter().any(|a| a.0 == names(&["MK", "KL"])), "{got:?}");
    }

    #[test]
    fn one_row_per_task_with_all_its_owners() {
        let got = actions("4. Hall\n\nThe Chair and the Treasurer agreed to meet the builder. Clerk to order the keys, KL to collect them.\n");
        let implied: Vec<_> = got.iter().filter(|a| a.0 == ActionKind::Implied).collect();
        assert_eq!(implied.len(), 3, "{got:?}");
        assert_eq!(implied[0].1, names(&["Chair", "Treasurer"]));
        assert_eq!(implied[1].1, names(&["Clerk"]));
        assert_eq!(implied[2].1, names(&["KL"]));
    }

    #[test]
    fn an_owner_keeps_its_bracketed_qualifier() {
        let owner = "Assistant Director (Safeguarding Services)";
        assert_eq!(explicit(&format!("Members asked for a breakdown. (Action – {owner})\n")), [(names(&[owner]), "Members asked for a breakdown.".to_string())]);
        assert_eq!(explicit(&format!("1. Item\n\nACTION: {owner} – to circulate the breakdown\n")), [(names(&[owner]), "to circulate the breakdown".to_string())]);
        assert_eq!(explicit(&format!("1. Item\n\nACTION: {owner}\n")), [(names(&[owner]), String::new())]);
        assert_eq!(
            explicit("A report would follow. (Action – Head of HR (People Services), Clerk, by 1 May 2027)\n"),
            [(names(&["Head of HR (People Services)", "Clerk"]), "A report would follow.".to_string())]
        );
    }

    #[test]
    fn a_long_list_entry_with_a_dash_past_sixty_bytes_does_not_split_a_character() {
        // found by tests/fix_property.rs: byte 60 fell inside "–"
        let text = "## Decisions\n- Daniel: set up the new bank mandate\nstaff by team. (Action – DCS, by 1 December 2026)\n";
        let found = actions(text);
        assert!(found.iter().any(|(_, owners, _)| owners == &["Daniel"]), "{found:?}");
    }
}
