//! Snippet edits (LSP 3.18 `SnippetTextEdit`) for the clients that take
//! them: "Mark as action" then leaves the cursor in the owner slot in any
//! such editor, not only in one that runs our `minutes.openBlank` command.
//!
//! The types crate has no `SnippetTextEdit` and drops the client
//! capability that allows it (`workspace.workspaceEdit.snippetEditSupport`),
//! so this layer reads the capability from the raw `initialize` request and
//! writes the snippet into the raw `textDocument/codeAction` response. The
//! handler marks which edit becomes a snippet, and its text, in the code
//! action's `data` ([`SNIPPET_DATA`]); only this layer reads that mark, and
//! it never reaches the client.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Request, Response};
use tower_service::Service;

/// The key under a code action's `data` that names the edit to send as a
/// snippet: `{"edit": index in the document's edits, "value": snippet}`.
pub const SNIPPET_DATA: &str = "minutesSnippetEdit";

/// Whether the client takes snippet edits, as the layer read it from
/// `initialize`; shared with the server, which asks before it marks one.
#[derive(Clone, Default)]
pub struct SnippetSupport(Arc<AtomicBool>);

impl SnippetSupport {
    pub fn get(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Wraps the server's service.
pub struct SnippetEdits<S> {
    inner: S,
    support: SnippetSupport,
}

impl<S> SnippetEdits<S> {
    pub fn new(inner: S, support: SnippetSupport) -> Self {
        SnippetEdits { inner, support }
    }
}

impl<S> Service<Request> for SnippetEdits<S>
where
    S: Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        if request.method() == "initialize" {
            // before the server reads its own (typed) copy of the request
            let takes = request.params().is_some_and(takes_snippet_edits);
            self.support.0.store(takes, Ordering::SeqCst);
        }
        let code_actions = request.method() == "textDocument/codeAction";
        let answer = self.inner.call(request);
        Box::pin(async move {
            let response = answer.await?;
            Ok(if code_actions { response.map(with_snippet_edits) } else { response })
        })
    }
}

/// A client takes snippet edits when it says so and takes document changes
/// (a snippet edit may only stand in a `TextDocumentEdit`).
fn takes_snippet_edits(params: &Value) -> bool {
    let edit = params.pointer("/capabilities/workspace/workspaceEdit");
    let flag = |name: &str| edit.and_then(|e| e.get(name)).and_then(Value::as_bool) == Some(true);
    flag("snippetEditSupport") && flag("documentChanges")
}

fn with_snippet_edits(response: Response) -> Response {
    let (id, result) = response.into_parts();
    let result = result.map(|mut actions| {
        for action in actions.as_array_mut().into_iter().flatten() {
            rewrite(action);
        }
        actions
    });
    Response::from_parts(id, result)
}

/// `{"edit": {"changes": {uri: [edits]}}, "data": {SNIPPET_DATA: …}}` becomes
/// `{"edit": {"documentChanges": [{"textDocument": …, "edits": [… snippet …]}]}}`.
fn rewrite(action: &mut Value) {
    let Some(mark) = action.get_mut("data").and_then(|d| d.as_object_mut()).and_then(|d| d.remove(SNIPPET_DATA)) else { return };
    if action["data"].as_object().is_some_and(|d| d.is_empty()) {
        action.as_object_mut().map(|a| a.remove("data"));
    }
    let (Some(index), Some(value)) = (mark["edit"].as_u64(), mark["value"].as_str()) else { return };
    let Some(changes) = action.pointer_mut("/edit/changes").and_then(|c| c.as_object_mut()).map(std::mem::take) else { return };
    let documents: Vec<Value> = changes
        .into_iter()
        .map(|(uri, mut edits)| {
            if let Some(edit) = edits.as_array_mut().and_then(|e| e.get_mut(index as usize)) {
                *edit = json!({ "range": edit["range"].clone(), "snippet": { "kind": "snippet", "value": value } });
            }
            json!({ "textDocument": { "uri": uri, "version": null }, "edits": edits })
        })
        .collect();
    action["edit"] = json!({ "documentChanges": documents });
}

/// `text` as a snippet with the final cursor (`$0`) at byte `cursor`: the
/// characters a snippet treats as syntax are escaped.
pub fn snippet(text: &str, cursor: usize) -> String {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('$', "\\$").replace('}', "\\}");
    let cursor = (0..=cursor.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    format!("{}$0{}", escape(&text[..cursor]), escape(&text[cursor..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_escapes_its_syntax_and_places_the_cursor() {
        let marker = " (Action – )";
        assert_eq!(snippet(marker, marker.len() - 1), " (Action – $0)");
        assert_eq!(snippet("£5 $x {y} \\", 3), "£5$0 \\$x {y\\} \\\\");
        // a cursor inside a character goes before it
        assert_eq!(snippet("£", 1), "$0£");
    }

    #[test]
    fn the_marked_edit_becomes_a_snippet_in_a_document_change() {
        let mut action = json!({
            "title": "Mark as action",
            "edit": { "changes": { "file:///m.minutes": [
                { "range": { "start": { "line": 1, "character": 0 }, "end": { "line": 1, "character": 0 } }, "newText": "x" },
                { "range": { "start": { "line": 2, "character": 5 }, "end": { "line": 2, "character": 5 } }, "newText": " (Action – )" }
            ] } },
            "data": { SNIPPET_DATA: { "edit": 1, "value": " (Action – $0)" } }
        });
        rewrite(&mut action);
        assert!(action.get("data").is_none(), "{action}");
        let doc = &action["edit"]["documentChanges"][0];
        assert_eq!(doc["textDocument"], json!({ "uri": "file:///m.minutes", "version": null }));
        assert_eq!(doc["edits"][0]["newText"], "x");
        assert_eq!(doc["edits"][1], json!({ "range": { "start": { "line": 2, "character": 5 }, "end": { "line": 2, "character": 5 } }, "snippet": { "kind": "snippet", "value": " (Action – $0)" } }));
        assert!(action["edit"].get("changes").is_none());
    }

    #[test]
    fn only_a_client_that_takes_document_changes_takes_snippet_edits() {
        let caps = |edit: Value| json!({ "capabilities": { "workspace": { "workspaceEdit": edit } } });
        assert!(takes_snippet_edits(&caps(json!({ "snippetEditSupport": true, "documentChanges": true }))));
        assert!(!takes_snippet_edits(&caps(json!({ "snippetEditSupport": true }))));
        assert!(!takes_snippet_edits(&json!({ "capabilities": {} })));
    }
}
