//! Editor features: each reads the analysis and converts an `ide` result.

use serde_json::Value;
use tower_lsp_server::ls_types::{self as lsp, Uri};

use super::super::convert::{self, Pos};
use super::super::session::{as_peers, minutes, Session};
use super::super::snippets::{snippet, SNIPPET_DATA};
use crate::ide::{self, outline::SymbolKind as Kind};

fn pos_of<'a>(s: &Session, a: &'a super::super::document::Analysis) -> Pos<'a> {
    Pos { text: &a.text, index: &a.index, enc: s.encoding }
}

pub fn document_symbols(s: &mut Session, uri: &Uri) -> Option<lsp::DocumentSymbolResponse> {
    let a = s.analysis(uri)?;
    let pos = pos_of(s, &a);
    let symbols = ide::outline::outline(&a.text, &a.doc);
    Some(lsp::DocumentSymbolResponse::Nested(symbols.iter().map(|x| symbol(pos, x)).collect()))
}

/// LSP has no kinds for minutes; these read right in every outline (VS
/// Code's icons, Neovim's and Emacs's imenu group names): the meeting is
/// the file, an agenda item a namespace (a section that holds the rest), a
/// decision and a resolution events (what happened), an action a key (what
/// to pick up). Never "Function" or "Module", which read as code.
fn symbol_kind(k: Kind) -> lsp::SymbolKind {
    match k {
        Kind::Meeting => lsp::SymbolKind::FILE,
        Kind::Item => lsp::SymbolKind::NAMESPACE,
        Kind::Decision => lsp::SymbolKind::EVENT,
        Kind::Resolution => lsp::SymbolKind::EVENT,
        Kind::Action => lsp::SymbolKind::KEY,
    }
}

#[allow(deprecated)]
fn symbol(pos: Pos, x: &ide::outline::Symbol) -> lsp::DocumentSymbol {
    let range = pos.range(&x.range);
    let mut selection = pos.range(&x.selection);
    if selection.start < range.start || selection.end > range.end {
        selection = lsp::Range { start: range.start, end: range.start };
    }
    lsp::DocumentSymbol {
        name: if x.name.trim().is_empty() { "(untitled)".into() } else { x.name.clone() },
        detail: x.detail.clone(),
        kind: symbol_kind(x.kind),
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: Some(x.children.iter().map(|c| symbol(pos, c)).collect()),
    }
}

#[allow(deprecated)]
pub fn workspace_symbols(s: &mut Session, query: &str) -> Vec<lsp::SymbolInformation> {
    s.ensure_scanned();
    let uris: Vec<Uri> = s.open.keys().cloned().collect();
    for u in &uris {
        s.analysis(u);
    }
    let open = s.peers(None);
    let disk = s.disk_peers(None);
    let peers = as_peers(&open, &disk);
    let found = ide::symbols::workspace_symbols(&peers, query, 1000);
    found
        .into_iter()
        .filter_map(|w| {
            let (uri, text, index) = match open.iter().find(|(u, _)| u.as_str() == w.file) {
                Some((u, a)) => (u.clone(), a.text.as_str(), &a.index),
                None => disk.iter().find(|f| f.uri.as_str() == w.file).map(|f| (f.uri.clone(), f.text.as_str(), &f.index))?,
            };
            let pos = Pos { text, index, enc: s.encoding };
            Some(lsp::SymbolInformation {
                name: if w.implied { format!("{} (implied)", w.name) } else { w.name },
                kind: symbol_kind(w.kind),
                tags: None,
                deprecated: None,
                location: lsp::Location { uri, range: pos.range(&w.range) },
                container_name: w.container,
            })
        })
        .collect()
}

/// The configuration's roster and abbreviations, read like another
/// minutes file of the workspace.
fn config_peer<'a>(config: &'a crate::config::Config, doc: &'a crate::model::Document) -> ide::Peer<'a> {
    let name = config.path.as_deref().and_then(|p| p.to_str()).unwrap_or(crate::config::FILE_NAME);
    ide::Peer { name, text: "", doc }
}

pub fn completion(s: &mut Session, p: lsp::CompletionParams) -> Option<lsp::CompletionResponse> {
    let uri = p.text_document_position.text_document.uri;
    let a = s.analysis(&uri)?;
    let config = s.config(&uri);
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.text_document_position.position);
    let open = s.peers(Some(&uri));
    let disk = s.disk_peers(Some(&uri));
    let mut peers = as_peers(&open, &disk);
    let configured = config.roster_document();
    peers.push(config_peer(&config, &configured));
    let items = ide::completion::complete(&a.text, &a.doc, offset, &peers);
    let items = items
        .into_iter()
        .map(|i| lsp::CompletionItem {
            label: i.label.clone(),
            kind: Some(match i.kind {
                ide::completion::ItemKind::Person => lsp::CompletionItemKind::VARIABLE,
                ide::completion::ItemKind::Role => lsp::CompletionItemKind::CLASS,
                ide::completion::ItemKind::Abbreviation => lsp::CompletionItemKind::CONSTANT,
                ide::completion::ItemKind::Snippet => lsp::CompletionItemKind::SNIPPET,
            }),
            detail: Some(i.detail.clone()),
            label_details: Some(lsp::CompletionItemLabelDetails { detail: None, description: Some(i.detail.clone()) }),
            sort_text: Some(i.sort.clone()),
            // what the client matches typing against: the text it inserts
            filter_text: Some(if i.snippet { i.label.clone() } else { i.insert.clone() }),
            insert_text_format: Some(if i.snippet { lsp::InsertTextFormat::SNIPPET } else { lsp::InsertTextFormat::PLAIN_TEXT }),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit { range: pos.range(&i.replace), new_text: i.insert.clone() })),
            ..Default::default()
        })
        .collect();
    // a list of names is asked for again as the writer types on: a client
    // that filters what it has would drop "DPH" once a space follows "–"
    let is_incomplete = matches!(ide::completion::slot_at(&a.text, offset), Some(ide::completion::Slot::Owner { .. } | ide::completion::Slot::The { .. }));
    Some(lsp::CompletionResponse::List(lsp::CompletionList { is_incomplete, items }))
}

pub fn hover(s: &mut Session, p: lsp::HoverParams) -> Option<lsp::Hover> {
    let uri = p.text_document_position_params.text_document.uri;
    let a = s.analysis(&uri)?;
    let config = s.config(&uri);
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.text_document_position_params.position);
    let open = s.peers(Some(&uri));
    let disk = s.disk_peers(Some(&uri));
    let mut peers = as_peers(&open, &disk);
    let configured = config.roster_document();
    peers.push(config_peer(&config, &configured));
    let help = ide::hover::findings_help(&a.diagnostics, offset);
    let here = match (ide::hover::hover(&a.text, &a.doc, offset, s.today(), &peers), help) {
        (Some(mut h), Some(help)) => {
            h.markdown = format!("{}\n\n---\n\n{help}", h.markdown);
            Some(h)
        }
        (Some(h), None) => Some(h),
        (None, Some(help)) => a
            .diagnostics
            .iter()
            .find(|d| d.range.start <= offset && offset <= d.range.end)
            .map(|d| ide::hover::Hover { range: d.range.clone(), markdown: help }),
        (None, None) => None,
    };
    // what later (or earlier) minutes say about the action here
    let series = crate::workspace::track(&minutes(crate::workspace::Minute { name: uri.as_str(), text: &a.text, doc: &a.doc }, &peers), || s.today());
    let across = ide::history::hover(crate::workspace::InSeries { series: &series, minute: 0 }, offset);
    let h = match (here, across) {
        (Some(mut h), Some(across)) => {
            h.markdown = format!("{}\n\n---\n\n{}", h.markdown.trim_end(), across.markdown);
            h
        }
        (h, across) => h.or(across)?,
    };
    Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent { kind: lsp::MarkupKind::Markdown, value: h.markdown }),
        range: Some(pos.range(&h.range)),
    })
}

pub fn definition(s: &mut Session, p: lsp::GotoDefinitionParams) -> Option<lsp::GotoDefinitionResponse> {
    let uri = p.text_document_position_params.text_document.uri;
    let a = s.analysis(&uri)?;
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.text_document_position_params.position);
    if let Some(location) = original_action(s, &uri, &a, offset) {
        return Some(lsp::GotoDefinitionResponse::Scalar(location));
    }
    let (target, _) = ide::navigation::target_at(&a.text, &a.doc, offset).or_else(|| {
        // an abbreviation used here but defined in another file
        let w = ide::word_at(&a.text, offset);
        a.doc.abbreviation_uses.iter().find(|u| u.span == w).map(|u| (ide::navigation::Target::Abbreviation(u.short.clone()), w))
    })?;
    if let Some(r) = ide::navigation::definition(&a.text, &a.doc, &target) {
        return Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location { uri, range: pos.range(&r) }));
    }
    let open = s.peers(Some(&uri));
    let disk = s.disk_peers(Some(&uri));
    for peer in as_peers(&open, &disk) {
        if let Some(r) = ide::navigation::definition(peer.text, peer.doc, &target) {
            let index = crate::text::LineIndex::new(peer.text);
            let ppos = Pos { text: peer.text, index: &index, enc: s.encoding };
            let peer_uri: Uri = peer.name.parse().ok()?;
            return Some(lsp::GotoDefinitionResponse::Scalar(lsp::Location { uri: peer_uri, range: ppos.range(&r) }));
        }
    }
    None
}

/// From a report on an action of an earlier meeting ("A12 – done") to
/// that action.
fn original_action(s: &Session, uri: &Uri, a: &super::super::document::Analysis, offset: usize) -> Option<lsp::Location> {
    let open = s.peers(Some(uri));
    let disk = s.disk_peers(Some(uri));
    let peers = as_peers(&open, &disk);
    let all = minutes(crate::workspace::Minute { name: uri.as_str(), text: &a.text, doc: &a.doc }, &peers);
    let series = crate::workspace::track(&all, || s.today());
    let (minute, span) = ide::history::definition(crate::workspace::InSeries { series: &series, minute: 0 }, offset)?;
    let target = all.get(minute)?;
    let index = crate::text::LineIndex::new(target.text);
    let tpos = Pos { text: target.text, index: &index, enc: s.encoding };
    Some(lsp::Location { uri: target.name.parse().ok()?, range: tpos.range(&span) })
}

/// The status of each action from later minutes, after the action.
pub fn inlay_hints(s: &mut Session, p: lsp::InlayHintParams) -> Option<Vec<lsp::InlayHint>> {
    let uri = p.text_document.uri;
    let a = s.analysis(&uri)?;
    let pos = pos_of(s, &a);
    let range = pos.range_in(p.range);
    let open = s.peers(Some(&uri));
    let disk = s.disk_peers(Some(&uri));
    let peers = as_peers(&open, &disk);
    let series = crate::workspace::track(&minutes(crate::workspace::Minute { name: uri.as_str(), text: &a.text, doc: &a.doc }, &peers), || s.today());
    let hints = ide::history::status_hints(crate::workspace::InSeries { series: &series, minute: 0 }, &a.text);
    Some(
        hints
            .into_iter()
            .filter(|h| range.start <= h.offset && h.offset <= range.end)
            .map(|h| lsp::InlayHint {
                position: pos.position(h.offset),
                label: lsp::InlayHintLabel::String(h.label),
                kind: None,
                text_edits: None,
                tooltip: Some(lsp::InlayHintTooltip::MarkupContent(lsp::MarkupContent { kind: lsp::MarkupKind::Markdown, value: h.tooltip })),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect(),
    )
}

pub fn references(s: &mut Session, p: lsp::ReferenceParams) -> Option<Vec<lsp::Location>> {
    let uri = p.text_document_position.text_document.uri;
    let a = s.analysis(&uri)?;
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.text_document_position.position);
    let (target, _) = ide::navigation::target_at(&a.text, &a.doc, offset)?;
    let refs = ide::navigation::references(&a.text, &a.doc, &target, p.context.include_declaration);
    Some(refs.iter().map(|r| lsp::Location { uri: uri.clone(), range: pos.range(r) }).collect())
}

pub fn prepare_rename(s: &mut Session, p: lsp::TextDocumentPositionParams) -> Result<Option<lsp::PrepareRenameResponse>, String> {
    let Some(a) = s.analysis(&p.text_document.uri) else { return Ok(None) };
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.position);
    match ide::navigation::prepare_rename(&a.text, &a.doc, offset) {
        Ok((r, t)) => Ok(Some(lsp::PrepareRenameResponse::RangeWithPlaceholder { range: pos.range(&r), placeholder: t.name().to_string() })),
        Err(e) => Err(e.0),
    }
}

pub fn rename(s: &mut Session, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>, String> {
    let uri = p.text_document_position.text_document.uri;
    let Some(a) = s.analysis(&uri) else { return Ok(None) };
    let pos = pos_of(s, &a);
    let offset = pos.offset(p.text_document_position.position);
    let (_, target) = ide::navigation::prepare_rename(&a.text, &a.doc, offset).map_err(|e| e.0)?;
    let edits = ide::navigation::rename(&a.text, &a.doc, &target, &p.new_name).map_err(|e| e.0)?;
    let edits = edits.into_iter().map(|(r, t)| lsp::TextEdit { range: pos.range(&r), new_text: t }).collect();
    let mut changes = std::collections::HashMap::new();
    changes.insert(uri, edits);
    Ok(Some(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() }))
}

/// The client-side command that opens a blank (cursor there, completion
/// open); attached only for clients that declare it in the
/// `clientCommands` initialization option (the project's VS Code and
/// Neovim plugins do). Other clients get the plain edit.
pub const OPEN_BLANK_COMMAND: &str = "minutes.openBlank";

pub fn code_actions(s: &mut Session, p: lsp::CodeActionParams) -> Option<lsp::CodeActionResponse> {
    let uri = p.text_document.uri;
    let a = s.analysis(&uri)?;
    let pos = pos_of(s, &a);
    let range = pos.range_in(p.range);
    let actions = ide::code_actions::code_actions(&a.diagnostics, range);
    let open_blank = s.client_commands.iter().any(|c| c == OPEN_BLANK_COMMAND);
    Some(
        actions
            .into_iter()
            .map(|c| {
                let edits = c.edits.iter().map(|e| convert::text_edit(pos, e)).collect();
                let mut changes = std::collections::HashMap::new();
                changes.insert(uri.clone(), edits);
                let diagnostic = c.fixes.and_then(|i| a.diagnostics.get(i)).map(|d| convert::diagnostic(pos, &uri, d, &s.rule_docs));
                // a client that takes snippet edits gets the cursor in the
                // blank from the edit itself (see `snippets`)
                let snippet = c.blank.filter(|_| s.snippet_edits).and_then(|(_, cursor)| {
                    let k = c.edits.iter().position(|e| e.range.start <= cursor && cursor <= e.range.start + e.text.len())?;
                    let e = &c.edits[k];
                    Some(serde_json::json!({ SNIPPET_DATA: { "edit": k, "value": snippet(&e.text, cursor - e.range.start) } }))
                });
                // where the cursor goes, in the text as the edits leave it
                let command = c.blank.filter(|_| open_blank && snippet.is_none()).map(|(_, cursor)| {
                    let after = ide::code_actions::apply(&a.text, &c.edits);
                    let index = crate::text::LineIndex::new(&after);
                    let at = Pos { text: &after, index: &index, enc: s.encoding }.position(cursor);
                    lsp::Command {
                        title: "Name the owner".into(),
                        command: OPEN_BLANK_COMMAND.into(),
                        arguments: Some(vec![Value::String(uri.as_str().to_string()), serde_json::json!({ "line": at.line, "character": at.character })]),
                    }
                });
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: c.title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: diagnostic.map(|d| vec![d]),
                    edit: Some(lsp::WorkspaceEdit { changes: Some(changes), ..Default::default() }),
                    command,
                    is_preferred: Some(c.preferred),
                    disabled: None,
                    data: snippet,
                })
            })
            .collect(),
    )
}

pub fn folding(s: &mut Session, uri: &Uri) -> Option<Vec<lsp::FoldingRange>> {
    let a = s.analysis(uri)?;
    let folds = ide::folding::folding_ranges(&a.text, &a.doc);
    Some(
        folds
            .into_iter()
            .filter_map(|f| {
                let (start, end) = (a.index.line_of(f.range.start) as u32, a.index.line_of(f.range.end) as u32);
                (end > start).then(|| lsp::FoldingRange {
                    start_line: start,
                    start_character: None,
                    end_line: end,
                    end_character: None,
                    kind: Some(lsp::FoldingRangeKind::Region),
                    collapsed_text: None,
                })
            })
            .collect(),
    )
}

pub fn selection_ranges(s: &mut Session, p: lsp::SelectionRangeParams) -> Option<Vec<lsp::SelectionRange>> {
    let a = s.analysis(&p.text_document.uri)?;
    let pos = pos_of(s, &a);
    Some(
        p.positions
            .into_iter()
            .map(|at| {
                let offset = pos.offset(at);
                let ranges = ide::selection::selection_ranges(&a.text, &a.tree, offset);
                let mut out: Option<lsp::SelectionRange> = None;
                for r in ranges.iter().rev() {
                    out = Some(lsp::SelectionRange { range: pos.range(r), parent: out.map(Box::new) });
                }
                out.unwrap_or(lsp::SelectionRange { range: lsp::Range { start: at, end: at }, parent: None })
            })
            .collect(),
    )
}

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: ide::semantic_tokens::TOKEN_TYPES.iter().map(|t| lsp::SemanticTokenType::new(t)).collect(),
        token_modifiers: ide::semantic_tokens::TOKEN_MODIFIERS.iter().map(|t| lsp::SemanticTokenModifier::new(t)).collect(),
    }
}

pub fn semantic_tokens(s: &mut Session, uri: &Uri, range: Option<lsp::Range>) -> Option<lsp::SemanticTokens> {
    let a = s.analysis(uri)?;
    let pos = pos_of(s, &a);
    let range = range.map(|r| pos.range_in(r));
    let tokens = ide::semantic_tokens::tokens(&a.text, &a.tree, &a.doc, range);
    let mut data = Vec::with_capacity(tokens.len());
    let (mut line, mut col) = (0, 0);
    for t in tokens {
        let start = pos.position(t.range.start);
        let end = pos.position(t.range.end);
        let length = end.character.saturating_sub(start.character);
        if length == 0 || end.line != start.line {
            continue;
        }
        let delta_line = start.line - line;
        let delta_start = if delta_line == 0 { start.character - col } else { start.character };
        data.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: t.ty.index(),
            token_modifiers_bitset: u32::from(t.declaration),
        });
        line = start.line;
        col = start.character;
    }
    Some(lsp::SemanticTokens { result_id: None, data })
}

/// The action register of the workspace (open documents as edited).
pub fn actions(s: &mut Session) -> Value {
    s.ensure_scanned();
    let uris: Vec<Uri> = s.open.keys().cloned().collect();
    for u in &uris {
        s.analysis(u);
    }
    let today = s.today();
    let open = s.peers(None);
    let disk = s.disk_peers(None);
    let all: Vec<crate::workspace::Minute> = as_peers(&open, &disk).iter().map(|p| crate::workspace::Minute { name: p.name, text: p.text, doc: p.doc }).collect();
    let mut entries = crate::workspace::track(&all, || today).entries;
    crate::workspace::sort_register(&mut entries);
    serde_json::to_value(entries).unwrap_or(Value::Null)
}

/// Text, version and syntax tree of an open document, for tests.
pub fn debug_state(s: &mut Session, uri: &Uri) -> Value {
    let Some(a) = s.analysis(uri) else { return Value::Null };
    serde_json::json!({
        "version": a.version,
        "text": a.text,
        "tree": a.tree.root_node().to_sexp(),
    })
}

/// A rule's documentation: its help text (the README's section, the
/// hover over a finding), headed by its code and severity.
pub fn rule_doc(key: &str) -> Option<String> {
    crate::rules::find(key).map(|r| format!("{} ({})\n\n{}", r.code, r.severity.as_str(), r.help_markdown()))
}
