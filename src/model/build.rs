//! One pass over the syntax tree.

use super::commitments::clean_owner;
use super::*;
use crate::syntax::kind;
use super::sentences::Sentences;
use tree_sitter::Node;

pub(super) fn from_tree(text: &str, tree: &tree_sitter::Tree) -> Document {
    let mut b = Builder { text, doc: Document::default(), attendance: Attendance::Present, lists: 0, read: Vec::new() };
    let root = tree.root_node();
    b.walk(root);
    if root.has_error() || root.end_byte() < text.trim_end().len() {
        b.read_what_no_node_holds();
    }
    b.doc
}

struct Builder<'t> {
    text: &'t str,
    doc: Document,
    attendance: Attendance,
    lists: usize,
    /// The spans of the nodes read as constructs: after a parse that
    /// recovered, the lines outside them are read as paragraphs.
    read: Vec<Span>,
}

fn trimmed(text: &str, range: Span) -> Span {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Clean text of a span: white space (U+00A0, tabs, line breaks) folded.
pub(super) fn clean(text: &str) -> String {
    // written as it goes, not collected and joined: every block, task and
    // report is cleaned on every edit (4% of an edit of a 1 MB document)
    let mut out = String::with_capacity(text.len());
    for w in text.split(|c: char| c.is_whitespace() || c == '\u{feff}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// What a reader of rendered Markdown sees of a heading's number or title:
/// escapes undone ("1\." reads "1."), a link's text for the link, and a
/// hard line break ("Roadmap\") and strong emphasis around the whole
/// ("**1\. Welcome**") dropped.
pub fn rendered(written: &str) -> String {
    let mut s = written.trim();
    for mark in ["**", "__"] {
        s = s.strip_prefix(mark).unwrap_or(s);
        s = s.strip_suffix(mark).unwrap_or(s);
    }
    let s = s.strip_suffix('\\').unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // "[Web Share Target API](https://…)": the link's text
        if c == '[' {
            if let Some((text, after)) = rest[1..].split_once("](").and_then(|(t, a)| a.find(')').map(|close| (t, &a[close + 1..]))) {
                if !text.contains(['[', ']']) {
                    out.push_str(text);
                    rest = after;
                    continue;
                }
            }
        }
        rest = &rest[c.len_utf8()..];
        if c == '\\' && rest.chars().next().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// A block that is one line of text, or a line over a rule of `-`, `=`,
/// `_` or `~` (the Markdown "setext" heading chat bots and plain-text
/// minutes write): that line.
pub(super) fn heading_line(body: &str) -> Option<&str> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next()?;
    let is_rule = |l: &str| l.len() >= 3 && l.chars().all(|c| matches!(c, '-' | '=' | '_' | '~'));
    match (lines.next(), lines.next()) {
        (None, _) => Some(title),
        (Some(rule), None) if is_rule(rule) => Some(title),
        _ => None,
    }
}

impl<'t> Builder<'t> {
    fn slice(&self, n: Node) -> &'t str {
        &self.text[n.byte_range()]
    }

    fn walk(&mut self, node: Node) {
        if node.is_error() || node.is_missing() {
            // tree-sitter recovered here: say so, and read what is inside
            self.doc.recoveries.push(node.byte_range());
            self.children(node);
            return;
        }
        if matches!(
            node.kind(),
            kind::MEETING_HEADER | kind::ITEM_HEADING | kind::HEADING | kind::PARAGRAPH | kind::NUMBERED_PARAGRAPH | kind::LIST_ITEM | kind::RESOLVED_BLOCK | kind::ACTION_LINE | kind::ATTENDANCE | kind::LABEL_LINE | kind::SIGNATURE_LINE
        ) {
            self.read.push(node.byte_range());
        }
        match node.kind() {
            kind::MEETING_HEADER => self.meeting_header(node),
            kind::AGENDA_ITEM => {
                if let Some(h) = node.child_by_field_name("heading") {
                    self.item_heading(h);
                }
                self.children(node);
            }
            kind::ITEM_HEADING => {}
            kind::HEADING => self.heading(node),
            kind::PARAGRAPH => self.paragraph(node),
            kind::NUMBERED_PARAGRAPH => {
                let number = node.child_by_field_name("number");
                let number_span = number.map(|n| trimmed(self.text, n.byte_range())).unwrap_or(node.start_byte()..node.start_byte());
                self.doc.numbered_paragraphs.push(NumberedParagraph {
                    number: self.text[number_span.clone()].to_string(),
                    number_span: number_span.clone(),
                    span: node.byte_range(),
                });
                self.block(BlockKind::NumberedParagraph, node, number_span.end);
                self.inline_children(node);
            }
            kind::LIST_ITEM => {
                let marker = node.child_by_field_name("marker");
                let written = marker.map(|m| self.slice(m).trim()).unwrap_or("");
                let text_start = marker.map_or(node.start_byte(), |m| m.end_byte());
                let marker_span = marker.map(|m| trimmed(self.text, m.byte_range())).unwrap_or(node.start_byte()..node.start_byte());
                self.doc.list_items.push(ListItem {
                    marker: (!written.is_empty()).then(|| written.to_string()),
                    marker_span,
                    span: node.byte_range(),
                    list: self.lists,
                });
                self.block(BlockKind::ListItem, node, text_start);
                self.inline_children(node);
            }
            kind::LIST => {
                self.lists += 1;
                self.children(node);
            }
            kind::RESOLVED_BLOCK => self.resolved_block(node),
            kind::ACTION_LINE => self.action_line(node),
            kind::ATTENDANCE => self.attendance(node),
            kind::LABEL_LINE => self.doc.labels.push(trimmed(self.text, node.byte_range())),
            kind::SIGNATURE_LINE => self.doc.signature = Some(trimmed(self.text, node.byte_range())),
            kind::COMMENT => self.doc.comments.push(trimmed(self.text, node.byte_range())),
            _ => self.children(node),
        }
    }

    /// After a parse that recovered (or a tree that ends before the text):
    /// every run of lines no construct holds is a paragraph, and a recovery
    /// where it starts, so no text is lost to the model.
    fn read_what_no_node_holds(&mut self) {
        let mut read = std::mem::take(&mut self.read);
        read.sort_by_key(|r| r.start);
        let text = self.text;
        let held = |at: usize| read.iter().take_while(|r| r.start <= at).any(|r| at < r.end);
        // runs of lost lines, each a paragraph; `true` where the run follows
        // text that was read (a recovery starts there)
        let mut run: Option<(Span, bool)> = None;
        let mut runs = Vec::new();
        let mut start = 0;
        let mut after_read = true;
        for line in text.split_inclusive('\n') {
            let span = start..start + line.len();
            start = span.end;
            let content = trimmed(text, span.clone());
            if content.is_empty() {
                runs.extend(run.take());
                continue;
            }
            if held(content.start) {
                runs.extend(run.take());
                after_read = true;
            } else if let Some((r, _)) = run.as_mut() {
                r.end = span.end;
            } else {
                run = Some((span, after_read));
                after_read = false;
            }
        }
        runs.extend(run);
        for (r, starts_recovery) in runs {
            let content = trimmed(text, r.clone());
            let reported = self.doc.recoveries.iter().any(|e| e.start <= content.start && content.start < e.end.max(e.start + 1));
            if starts_recovery && !reported {
                self.doc.recoveries.push(content.start..content.start);
            }
            self.doc.blocks.push(Block { kind: BlockKind::Paragraph, span: r, text: content });
        }
        self.doc.blocks.sort_by_key(|b| b.span.start);
        self.doc.recoveries.sort_by_key(|r| r.start);
    }

    fn children(&mut self, node: Node) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            self.walk(child);
        }
    }

    /// Inline constructs of a block: action markers, abbreviation
    /// definitions, page breaks.
    fn inline_children(&mut self, node: Node) {
        let mut cursor = node.walk();
        let mut sentences = None;
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                kind::ACTION_MARKER => {
                    let text = self.text;
                    let sentences = sentences.get_or_insert_with(|| Sentences::new(&text[node.byte_range()]));
                    self.action_marker(child, node, sentences)
                }
                kind::ABBREVIATION_DEFINITION => self.abbreviation_definition(child, node),
                kind::PAGE_BREAK => self.doc.page_breaks.push(PageBreak {
                    span: child.byte_range(),
                    paragraph: node.byte_range(),
                }),
                kind::ACTION => self.action(child, node, true),
                _ => {}
            }
        }
    }

    fn block(&mut self, kind: BlockKind, node: Node, text_start: usize) {
        self.doc.blocks.push(Block {
            kind,
            span: node.byte_range(),
            text: trimmed(self.text, text_start.max(node.start_byte())..node.end_byte()),
        });
    }

    fn meeting_header(&mut self, node: Node) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                kind::MEETING_TITLE => {
                    self.doc.meeting.title = Some(clean(self.slice(child)));
                    self.doc.meeting.title_span = Some(child.byte_range());
                }
                kind::HEADER_FIELD => {
                    let name = child.child_by_field_name("name").map(|n| self.slice(n)).unwrap_or("");
                    let name = name.trim().trim_end_matches(':').to_ascii_lowercase();
                    let Some(value) = child.child_by_field_name("value") else { continue };
                    match name.as_str() {
                        "meeting" | "title" => {
                            self.doc.meeting.title = Some(clean(self.slice(value)));
                            self.doc.meeting.title_span = Some(value.byte_range());
                        }
                        "date" => {
                            if let Some(d) = dates::parse(self.slice(value), None) {
                                self.doc.meeting.date = Some(d);
                                self.doc.meeting.date_span = Some(value.byte_range());
                            }
                        }
                        "chair" | "chairman" | "clerk" | "minute taker" => {
                            let role = if name == "minute taker" { "Minute Taker".to_string() } else { capitalise(&name) };
                            for person in split_people(self.slice(value)) {
                                self.doc.people.push(Person {
                                    name: person,
                                    role: Some(role.clone()),
                                    initials: None,
                                    span: value.byte_range(),
                                    attendance: Attendance::Present,
                                });
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    fn item_heading(&mut self, h: Node) {
        let number = h.child_by_field_name("number");
        let title = h.child_by_field_name("title");
        let marker = h.named_child(0).filter(|c| c.kind() == kind::ITEM_MARKER);
        let number_written = number.map(|n| rendered(self.slice(n)));
        let number_text = number_written.as_deref().map(normalise_item_number);
        // "Attendance" over "----------": the underline is no part of the title
        let title_range = title.map(|t| {
            let written = self.slice(t);
            let line = heading_line(written).filter(|_| written.contains('\n')).unwrap_or(written);
            let start = t.start_byte() + written.find(line).unwrap_or(0);
            start..start + line.len()
        });
        let mut title_text = title_range.clone().map(|r| rendered(&clean(&self.text[r]))).unwrap_or_default();
        if let Some(t) = title.filter(|_| marker.is_none() && title_text.len() > 100) {
            // "124/17 Apologies and Welcome There were apologies received…":
            // the minute runs on after its title on the same line; the line
            // is prose to read, and the title its first words
            self.block(BlockKind::Paragraph, t, t.start_byte());
            title_text = run_in_title(&title_text);
        }
        let heading_span = match (marker, number) {
            (Some(m), _) => m.byte_range(),
            (None, Some(n)) => trimmed(self.text, n.start_byte()..title_range.as_ref().map_or(n.end_byte(), |t| t.end)),
            _ => h.byte_range(),
        };
        self.doc.items.push(AgendaItem {
            number: number_text.filter(|n| !n.is_empty()),
            title: title_text,
            heading_span,
            title_span: title_range,
            span: h.byte_range(),
            form: if marker.is_some() { ItemForm::Marker } else { ItemForm::Numbered },
            numbering: number_written.as_deref().and_then(scheme::read),
        });
        if let Some(run_in) = h.child_by_field_name("run_in") {
            self.paragraph(run_in);
        }
    }

    fn heading(&mut self, node: Node) {
        self.block(BlockKind::Heading, node, node.start_byte());
        // "Budget" over "------": the underline is no part of the title
        if let Some(block) = self.doc.blocks.last_mut() {
            if let Some(title) = heading_line(&self.text[block.text.clone()]) {
                let start = block.text.start + self.text[block.text.clone()].find(title).unwrap_or(0);
                block.text = start..start + title.len();
            }
        }
    }

    fn paragraph(&mut self, node: Node) {
        self.block(BlockKind::Paragraph, node, node.start_byte());
        self.inline_children(node);
        // the text lines of a paragraph hold its inline nodes directly
    }

    fn resolved_block(&mut self, node: Node) {
        let marker = node.child_by_field_name("marker");
        let marker_span = marker.map(|m| trimmed(self.text, m.byte_range())).unwrap_or(node.start_byte()..node.start_byte());
        let mut resolutions: Vec<Resolution> = Vec::new();
        let mut under_colon = false;
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            if child.kind() != kind::RESOLUTION {
                continue;
            }
            let m = child.child_by_field_name("marker");
            let text_start = m.map_or(child.start_byte(), |m| m.end_byte());
            let text_span = trimmed(self.text, text_start..child.end_byte());
            // bullets under a resolution that ends in a colon ("the persons
            // listed below be appointed:") are its list, not resolutions
            let bullet = m.is_some_and(|m| self.slice(m).trim().chars().all(|c| !c.is_alphanumeric() && c != '(' && c != ')'));
            if !bullet {
                under_colon = text_span.end > text_span.start && self.text[text_span.clone()].ends_with(':');
            } else if under_colon {
                if let Some(last) = resolutions.last_mut() {
                    last.text = format!("{} {}", last.text, clean(&self.text[child.byte_range()]));
                    last.span.end = child.end_byte();
                    self.block(BlockKind::ListItem, child, text_start);
                    self.inline_children(child);
                    continue;
                }
            }
            resolutions.push(Resolution {
                marker: m.map(|m| self.slice(m).trim().to_string()).filter(|m| !m.is_empty()),
                text: clean(&self.text[text_span.clone()]),
                span: child.byte_range(),
            });
            self.block(BlockKind::Resolution, child, text_start);
            self.inline_children(child);
        }
        self.doc.resolved_blocks.push(ResolvedBlock {
            marker: clean(&self.text[marker_span.clone()]),
            marker_span,
            span: trimmed(self.text, node.byte_range()),
            resolutions,
            inline: false,
        });
    }

    fn action_line(&mut self, node: Node) {
        self.reference(node);
        let keyword = node.child_by_field_name("keyword");
        let text_start = keyword.map_or(node.start_byte(), |k| k.end_byte());
        self.block(BlockKind::ActionLine, node, text_start);
        let before = self.doc.actions.len();
        self.inline_children(node);
        if self.doc.actions.len() == before {
            // "ACTION:" with nothing the grammar could split: no owner
            let task = clean(&self.text[text_start..node.end_byte()]);
            let slot = keyword.map_or(node.start_byte(), |k| trimmed(self.text, k.byte_range()).end);
            self.doc.actions.push(Action {
                owners: Vec::new(),
                task,
                due: None,
                span: trimmed(self.text, node.byte_range()),
                kind: ActionKind::Explicit,
                owner_slot: slot,
                owner_slot_prefix: " ",
                tentative: false,
            });
        }
    }

    /// An `action` node (in an ACTION line or a marker).
    fn action(&mut self, node: Node, container: Node, in_line: bool) {
        let mut owners = Vec::new();
        let mut cursor = node.walk();
        for o in node.children_by_field_name("owner", &mut cursor) {
            let span = trimmed(self.text, o.byte_range());
            let name = clean_owner(&self.text[span.clone()]);
            if !name.is_empty() {
                owners.push(Owner { name, span: Some(span) });
            }
        }
        let mut task = node.child_by_field_name("task").map(|t| clean(self.slice(t))).unwrap_or_default();
        // "The footpath sign is missing.\nACTION: Clerk / Cllr Evans": an
        // owner-only line marks the sentence just above it
        if task.is_empty() && !owners.is_empty() && container.kind() == kind::ACTION_LINE {
            let above = &self.text[..container.start_byte()];
            let paragraph_start = above.trim_end_matches('\n').rfind("\n\n").map_or(0, |i| i + 2);
            let paragraph = above[paragraph_start..].trim_end();
            if !paragraph.is_empty() && above.ends_with('\n') && !above.ends_with("\n\n") {
                let last = clean(&paragraph[super::sentences::last(paragraph)]);
                if !last.to_lowercase().starts_with("action") {
                    task = last.trim_end_matches(['.', ';']).to_string();
                }
            }
        }
        let due = node.child_by_field_name("due").map(|d| self.due(d));
        let span = if in_line && container.kind() == kind::ACTION_LINE {
            trimmed(self.text, node.byte_range())
        } else {
            trimmed(self.text, container.byte_range())
        };
        let slot = node.start_byte();
        self.doc.actions.push(Action {
            owners,
            task: task.trim_end_matches(['.', ';']).trim().to_string(),
            due,
            span,
            kind: ActionKind::Explicit,
            owner_slot: slot,
            owner_slot_prefix: "",
            tentative: false,
        });
    }

    /// The date is resolved in `Document::finish`, once the meeting's date
    /// (which a missing year comes from) is known.
    fn due(&self, d: Node) -> Due {
        let text = clean(self.slice(d)).trim_start_matches([',', ' ']).to_string();
        Due { text, span: d.byte_range(), date: None, vague: false, problem: None }
    }

    /// `[A12]` in an action line or marker.
    fn reference(&mut self, container: Node) {
        if let Some(r) = container.child_by_field_name("reference") {
            let span = trimmed(self.text, r.byte_range());
            let id = self.text[span.clone()].trim_matches(['[', ']']).to_string();
            self.doc.references.push(ActionReference { id, span, container: trimmed(self.text, container.byte_range()) });
        }
    }

    /// An inline action marker of `block`, whose sentences are `sentences`.
    fn action_marker(&mut self, node: Node, block: Node, sentences: &Sentences) {
        self.reference(node);
        let action = {
            let mut cursor = node.walk();
            let found = node.named_children(&mut cursor).find(|c| c.kind() == kind::ACTION);
            found
        };
        let before = self.doc.actions.len();
        if let Some(a) = action {
            self.action(a, node, false);
        }
        // the task of an inline marker is the sentence before it
        let preceding = block.start_byte()..node.start_byte();
        let last = sentences.last_before(preceding.len());
        let sentence = preceding.start + last.start..preceding.start + last.end;
        if self.doc.actions.len() == before {
            // the owner goes after "(Action – ", or after "(Action" with a dash
            let written = self.slice(node);
            let lower = written.to_lowercase();
            let word = lower.find("action").map_or(1, |i| i + "action".len());
            let word = if lower[word..].starts_with('s') { word + 1 } else { word };
            let rest = &written[word..];
            let after_space = word + (rest.len() - rest.trim_start().len());
            let has_separator = written[after_space..].starts_with(['–', '-', ':', '—']);
            let slot = if has_separator {
                let sep_len = written[after_space..].chars().next().map_or(0, char::len_utf8);
                let tail = &written[after_space + sep_len..];
                node.start_byte() + after_space + sep_len + (tail.len() - tail.trim_start().len())
            } else {
                node.start_byte() + word
            };
            self.doc.actions.push(Action {
                owners: Vec::new(),
                task: clean(&self.text[sentence]),
                due: None,
                span: node.byte_range(),
                kind: ActionKind::Explicit,
                owner_slot: slot,
                owner_slot_prefix: if has_separator { "" } else { " – " },
                tentative: false,
            });
        } else if let Some(last) = self.doc.actions.last_mut() {
            if last.task.is_empty() {
                last.task = clean(&self.text[sentence]);
            }
            last.span = node.byte_range();
        }
    }

    fn abbreviation_definition(&mut self, node: Node, block: Node) {
        let Some(short) = node.child_by_field_name("short") else { return };
        let short_text = self.slice(short).to_string();
        if let Some(long) = node.child_by_field_name("long") {
            self.doc.abbreviations.push(Abbreviation {
                short: short_text,
                long: Some(clean(self.slice(long))),
                span: short.byte_range(),
                long_span: Some(long.byte_range()),
                form: DefinitionForm::ShortLong,
            });
            return;
        }
        let long_span = abbreviations::long_form_before(self.text, block.start_byte(), node.start_byte(), &short_text);
        self.doc.abbreviations.push(Abbreviation {
            short: short_text,
            long: long_span.clone().map(|s| clean(&self.text[s])),
            span: short.byte_range(),
            long_span,
            form: DefinitionForm::LongShort,
        });
    }

    fn attendance(&mut self, node: Node) {
        let label = node.child_by_field_name("label").map(|l| self.slice(l).to_ascii_lowercase()).unwrap_or_default();
        self.attendance = if label.contains("apolog") {
            Attendance::Apologies
        } else if label.contains("absent") {
            Attendance::Absent
        } else if label.contains("attendance") && !label.starts_with("attendance") || label.contains("officer") || label.contains("also") || label.contains("guest") {
            Attendance::InAttendance
        } else {
            Attendance::Present
        };
        self.block(BlockKind::Attendance, node, node.child_by_field_name("label").map_or(node.start_byte(), |l| l.end_byte()));
        let mut cursor = node.walk();
        for attendee in node.named_children(&mut cursor) {
            if attendee.kind() != kind::ATTENDEE {
                continue;
            }
            let Some(name_node) = attendee.child_by_field_name("name") else { continue };
            let name = clean(self.slice(name_node)).trim_end_matches(['.', ',']).to_string();
            if name.is_empty() {
                continue;
            }
            let mut role = None;
            let mut initials = None;
            let mut c2 = attendee.walk();
            for r in attendee.children_by_field_name("role", &mut c2) {
                let written = clean(self.slice(r));
                if abbreviations::looks_like_initials(&written) && initials.is_none() {
                    self.doc.abbreviations.push(Abbreviation {
                        short: written.clone(),
                        long: Some(name.clone()),
                        span: r.byte_range(),
                        long_span: Some(name_node.byte_range()),
                        form: DefinitionForm::Attendance,
                    });
                    initials = Some(written);
                } else if role.is_none() && !written.is_empty() {
                    role = Some(written);
                }
            }
            // "Observers: TC, Santiago": someone the attendance names by initials
            if initials.is_none() && abbreviations::is_initials_name(&name) {
                initials = Some(name.clone());
            }
            self.doc.people.push(Person {
                name,
                role,
                initials,
                span: attendee.byte_range(),
                attendance: self.attendance,
            });
        }
    }
}

/// The title at the head of a minute that runs on as prose: the leading
/// words in title case ("Apologies and Welcome There were…" → "Apologies
/// and Welcome"), cut before the capitalised word that starts the prose.
pub(super) fn run_in_title(line: &str) -> String {
    const SMALL: &[&str] = &["of", "and", "the", "for", "on", "in", "to", "a", "an", "&", "–", "-", "/", "by", "with", "at"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut end = 0;
    for (i, w) in words.iter().enumerate() {
        let capital = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(capital || SMALL.contains(w)) {
            // the capitalised word before the first lower-case one starts the prose
            end = if i >= 2 && words[i - 1].chars().next().is_some_and(char::is_uppercase) { i - 1 } else { i };
            break;
        }
        end = i + 1;
        if w.ends_with([':', '.', ';']) || i >= 14 {
            break;
        }
    }
    while end > 1 && SMALL.contains(&words[end - 1]) {
        end -= 1;
    }
    words[..end.max(1)].join(" ").trim_end_matches([':', '-', '–', ',', ';']).trim().to_string()
}

/// "1." → "1", "Item 4:" → "4", "Minute 26/19 –" → "26/19", "##" → "".
pub(super) fn normalise_item_number(written: &str) -> String {
    let w = written.trim();
    let w = w.trim_start_matches('#').trim();
    let w = strip_agenda(w);
    let lower = w.to_ascii_lowercase();
    let w = if lower.starts_with("item") { &w[4..] } else if lower.starts_with("minute") { &w[6..] } else { w };
    w.trim().trim_end_matches(|c: char| c == '.' || c == ':' || c == ')' || c == '–' || c == '-' || c.is_whitespace()).to_string()
}

/// "Agenda Item 4" → "Item 4".
pub(super) fn strip_agenda(w: &str) -> &str {
    match w.get(..6) {
        Some(head) if head.eq_ignore_ascii_case("agenda") && w[6..].starts_with(char::is_whitespace) => w[6..].trim_start(),
        _ => w,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn split_people(value: &str) -> Vec<String> {
    value
        .split([',', ';'])
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_folds_white_space_and_byte_order_marks_into_single_spaces() {
        for text in ["", "  ", "one", " The\u{a0}Clerk\twrote\r\n\r\n to\u{feff}us. ", "\u{feff}a  b\u{2003}c\n"] {
            let joined = text.split(|c: char| c.is_whitespace() || c == '\u{feff}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            assert_eq!(clean(text), joined, "{text:?}");
        }
        assert_eq!(clean(" The\u{a0}Clerk\twrote\r\n\r\n to\u{feff}us. "), "The Clerk wrote to us.");
    }
}
