//! The outline: meeting → agenda items → decisions and actions. It reads
//! like an action list: each action is named by its owner, task and due
//! date. `minutes outline` prints it; the server sends it as document
//! symbols.

use serde::Serialize;

use crate::model::{ActionKind, Document};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SymbolKind {
    Meeting,
    Item,
    Decision,
    Resolution,
    Action,
}

#[derive(Clone, Debug, Serialize)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole construct.
    pub range: std::ops::Range<usize>,
    /// Where to put the cursor: the heading, the marker, the owner.
    pub selection: std::ops::Range<usize>,
    pub implied: bool,
    pub children: Vec<Symbol>,
}

/// How an action reads in a list: "Ann James: circulate the report (by 1
/// December 2026)"; "(no owner)" when nobody is named.
pub fn action_label(a: &crate::model::Action) -> String {
    let owners = if a.owners.is_empty() {
        "(no owner)".to_string()
    } else {
        a.owners.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    let mut task = a.task.clone();
    if task.chars().count() > 80 {
        task = task.chars().take(80).collect::<String>().trim_end().to_string() + "…";
    }
    let mut s = if task.is_empty() { owners } else { format!("{owners}: {task}") };
    if let Some(due) = &a.due {
        s.push_str(&format!(" ({})", due.text));
    }
    s
}

pub fn outline(text: &str, doc: &Document) -> Vec<Symbol> {
    let mut items: Vec<Symbol> = doc
        .items
        .iter()
        .map(|i| Symbol {
            name: match &i.number {
                Some(n) => format!("{n}. {}", i.title).replace("..", "."),
                None => i.title.clone(),
            },
            detail: None,
            kind: SymbolKind::Item,
            range: i.span.clone(),
            selection: i.heading_span.clone(),
            implied: false,
            children: Vec::new(),
        })
        .collect();
    let mut loose = Vec::new();
    let place = |at: usize, s: Symbol, items: &mut Vec<Symbol>, loose: &mut Vec<Symbol>| match doc.item_at(at) {
        Some(i) => items[i].children.push(s),
        None => loose.push(s),
    };
    let mut entries: Vec<(usize, Symbol)> = Vec::new();
    for b in &doc.resolved_blocks {
        let children = if b.inline {
            Vec::new()
        } else {
            b.resolutions
                .iter()
                .map(|r| Symbol {
                    name: short(&r.text, 80),
                    detail: r.marker.clone(),
                    kind: SymbolKind::Resolution,
                    range: r.span.clone(),
                    selection: r.span.start..r.span.start + r.text.len().min(r.span.len()),
                    implied: false,
                    children: Vec::new(),
                })
                .collect()
        };
        // an inline decision is named by what it resolved, not by the
        // outcome lines its block runs on to ("* Passed")
        let name = if b.inline { short(b.resolutions.first().map_or(&text[b.span.clone()], |r| r.text.as_str()), 80) } else { b.marker.trim_end_matches([':', ',', '–', '-', ' ']).to_string() };
        entries.push((b.span.start, Symbol {
            name,
            detail: None,
            kind: SymbolKind::Decision,
            range: b.span.clone(),
            selection: b.marker_span.clone(),
            implied: false,
            children,
        }));
    }
    for a in &doc.actions {
        let selection = a.owners.first().and_then(|o| o.span.clone()).unwrap_or_else(|| a.span.clone());
        entries.push((a.span.start, Symbol {
            name: action_label(a),
            detail: Some(if a.kind == ActionKind::Implied { "implied action".into() } else { "action".into() }),
            kind: SymbolKind::Action,
            range: a.span.clone(),
            selection,
            implied: a.kind == ActionKind::Implied,
            children: Vec::new(),
        }));
    }
    entries.sort_by_key(|(at, _)| *at);
    for (at, s) in entries {
        place(at, s, &mut items, &mut loose);
    }
    let title = doc.meeting.title.clone().unwrap_or_else(|| "Minutes".into());
    let end = text.len();
    loose.extend(items);
    vec![Symbol {
        name: title,
        detail: doc.meeting.date.map(|d| d.to_string()),
        kind: SymbolKind::Meeting,
        range: 0..end,
        selection: doc.meeting.title_span.clone().unwrap_or(0..0),
        implied: false,
        children: loose,
    }]
}

fn short(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        s
    } else {
        s.chars().take(max).collect::<String>().trim_end().to_string() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_motion_carried_in_the_entry_after_it_is_named_by_the_motion() {
        let text = "* Revise the rule\n\n    * **Motion: Reject the change.**\n\n    * Passed\n";
        let doc = Document::parse(text);
        fn decisions(symbols: &[Symbol], out: &mut Vec<String>) {
            for s in symbols {
                if s.kind == SymbolKind::Decision {
                    out.push(s.name.clone());
                }
                decisions(&s.children, out);
            }
        }
        let mut names = Vec::new();
        decisions(&outline(text, &doc), &mut names);
        assert_eq!(names, ["**Motion: Reject the change.**"]);
    }
}
