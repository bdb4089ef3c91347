//! Workspace symbols: agenda items and actions of every minutes file,
//! matched against a query by title, owner or task.

use std::ops::Range;

use super::outline::{outline, Symbol, SymbolKind};
use super::Peer;

#[derive(Clone, Debug)]
pub struct WorkspaceSymbol {
    /// The file, as the peer names it.
    pub file: String,
    pub name: String,
    pub kind: SymbolKind,
    pub range: Range<usize>,
    pub container: Option<String>,
    pub implied: bool,
}

fn matches(query: &[String], name: &str) -> bool {
    let n = name.to_lowercase();
    query.iter().all(|w| n.contains(w.as_str()))
}

/// Items and actions whose name (number and title; owners, task and due
/// date) holds every word of `query`, case-insensitively.
pub fn workspace_symbols(peers: &[Peer], query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut out = Vec::new();
    for p in peers {
        let tree = outline(p.text, p.doc);
        let mut stack: Vec<(&Symbol, Option<String>)> = tree.iter().map(|s| (s, None)).collect();
        while let Some((s, container)) = stack.pop() {
            if matches!(s.kind, SymbolKind::Item | SymbolKind::Action) && matches(&words, &s.name) {
                out.push(WorkspaceSymbol {
                    file: p.name.to_string(),
                    name: s.name.clone(),
                    kind: s.kind,
                    range: s.selection.clone(),
                    container: container.clone(),
                    implied: s.implied,
                });
                if out.len() >= limit {
                    return out;
                }
            }
            for c in &s.children {
                stack.push((c, Some(s.name.clone())));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn finds_items_and_actions_by_owner_or_text() {
        let a = "1. Budget\nACTION: Ann James – circulate the letter by 20 November 2026\n";
        let b = "1. Roads\nThe Clerk will write to the council about potholes.\n";
        let (da, db) = (Document::parse(a), Document::parse(b));
        let peers = [Peer { name: "a", text: a, doc: &da }, Peer { name: "b", text: b, doc: &db }];
        let s = workspace_symbols(&peers, "ann", 100);
        assert!(s.iter().any(|s| s.kind == SymbolKind::Action && s.file == "a"), "{s:?}");
        let s = workspace_symbols(&peers, "roads", 100);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, SymbolKind::Item);
        let s = workspace_symbols(&peers, "potholes", 100);
        assert!(s.iter().all(|s| s.implied), "{s:?}");
        assert!(workspace_symbols(&peers, "", 100).len() >= 3);
    }
}
