//! The LanguageServer: each method locks the session, calls a handler,
//! unlocks, and only then awaits (publishing, logging).

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use tower_lsp_server::{Client, LanguageServer};

use super::handlers::{self, Publish};
use super::session::Session;
use crate::text::Encoding;

pub struct Backend {
    client: Client,
    session: Arc<Mutex<Session>>,
}

const ACTIONS_COMMAND: &str = "minutes.actions";
/// `minutes rule CODE` in the editor: the rule's documentation, shown and
/// returned (arguments: the code or name).
const RULE_COMMAND: &str = "minutes.rule";

/// Did the client ask to shut down before exit?
pub static SHUTDOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend { client, session: Arc::new(Mutex::new(Session::default())) }
    }

    /// Runs `f` on the locked session; a panic becomes an internal error
    /// (and the lock is recovered), never the end of the server.
    fn with<T>(&self, f: impl FnOnce(&mut Session) -> T) -> Result<T> {
        let mut guard = self.session.lock().unwrap_or_else(|e| e.into_inner());
        std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut guard))).map_err(|e| {
            let what = e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_default();
            eprintln!("minutes lsp: internal error: {what}");
            Error { code: ErrorCode::InternalError, message: format!("internal error: {what}").into(), data: None }
        })
    }

    async fn publish(&self, p: Option<Publish>) {
        if let Some(p) = p {
            self.client.publish_diagnostics(p.uri, p.diagnostics, Some(p.version)).await;
        }
    }

    /// Republishes after a `minutes.toml` changed, and says why one could
    /// not be read.
    async fn reloaded(&self, r: Option<handlers::Reloaded>) {
        let Some(r) = r else { return };
        for e in r.errors {
            self.log(format!("configuration not read, defaults used: {e}")).await;
        }
        for p in r.publish {
            self.publish(Some(p)).await;
        }
    }

    async fn log(&self, message: String) {
        eprintln!("minutes lsp: {message}");
        self.client.log_message(lsp::MessageType::WARNING, message).await;
    }

    /// Reads the workspace's other minutes files, once, after the first
    /// diagnostics are out: off the session lock and bounded (see
    /// `session::ScanPlan`). The open documents are then checked again
    /// with the people and roles the other files name.
    async fn scan_workspace(&self) {
        let Ok(Some(plan)) = self.with(Session::take_scan) else { return };
        let Ok(files) = tokio::task::spawn_blocking(move || plan.run()).await else { return };
        let n = files.len();
        let Ok(republish) = self.with(|s| {
            s.add_scanned(files);
            let uris: Vec<Uri> = s.open.keys().cloned().collect();
            uris.iter().filter_map(|u| handlers::diagnostics(s, u)).collect::<Vec<_>>()
        }) else {
            return;
        };
        for p in republish {
            self.publish(Some(p)).await;
        }
        self.client.log_message(lsp::MessageType::INFO, format!("minutes: {n} minutes files in the workspace")).await;
    }

    pub async fn actions(&self) -> Result<Value> {
        self.with(handlers::actions)
    }

    pub async fn debug_state(&self, p: lsp::TextDocumentIdentifier) -> Result<Value> {
        self.with(|s| handlers::debug_state(s, &p.uri))
    }

    /// A frame the transport could not read (see `transport`).
    pub async fn invalid_message(&self, p: Value) -> Result<Value> {
        let code = p.get("code").and_then(Value::as_i64).unwrap_or(-32700);
        let message = p.get("message").and_then(Value::as_str).unwrap_or("invalid message").to_string();
        self.log(format!("invalid message: {message}")).await;
        Err(Error { code: ErrorCode::from(code), message: message.into(), data: None })
    }
}

fn invalid_params(e: String) -> Error {
    Error::invalid_params(e)
}

impl LanguageServer for Backend {
    async fn initialize(&self, p: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let encoding = self.with(|s| {
            let offers_utf8 = p
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_ref())
                .is_some_and(|e| e.contains(&lsp::PositionEncodingKind::UTF8));
            s.encoding = if offers_utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            #[allow(deprecated)]
            let roots: Vec<Uri> = match (&p.workspace_folders, &p.root_uri) {
                (Some(f), _) if !f.is_empty() => f.iter().map(|f| f.uri.clone()).collect(),
                (_, Some(r)) => vec![r.clone()],
                _ => Vec::new(),
            };
            s.roots = roots.iter().filter_map(|u| u.to_file_path().map(|p| p.into_owned())).collect();
            s.watch_configs = p
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|w| w.dynamic_registration)
                .unwrap_or(false);
            if let Some(o) = &p.initialization_options {
                if let Some(x) = o.get("extensions").and_then(Value::as_array) {
                    s.extensions = x.iter().filter_map(Value::as_str).map(|e| e.trim_start_matches('.').to_string()).collect();
                }
                if let Some(u) = o.get("ruleDocsUrl").and_then(Value::as_str) {
                    s.rule_docs = u.to_string();
                }
                if let Some(c) = o.get("clientCommands").and_then(Value::as_array) {
                    s.client_commands = c.iter().filter_map(Value::as_str).map(str::to_string).collect();
                }
                if let Some(d) = o.get("today").and_then(Value::as_str) {
                    s.today = d.parse().ok();
                }
            }
            s.encoding
        })?;
        let sync = lsp::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
            save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        };
        Ok(lsp::InitializeResult {
            server_info: Some(lsp::ServerInfo { name: "minutes".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
                    Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(sync)),
                completion_provider: Some(lsp::CompletionOptions {
                    // after "(Action –", "ACTION:", "Action by:" and between
                    // owners; never space, or every "The " pops a list up
                    trigger_characters: Some(vec!["–".into(), ":".into(), ",".into()]),
                    ..Default::default()
                }),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                definition_provider: Some(lsp::OneOf::Left(true)),
                references_provider: Some(lsp::OneOf::Left(true)),
                rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions { prepare_provider: Some(true), work_done_progress_options: Default::default() })),
                document_symbol_provider: Some(lsp::OneOf::Left(true)),
                workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
                    code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(lsp::SelectionRangeProviderCapability::Simple(true)),
                semantic_tokens_provider: Some(lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(lsp::SemanticTokensOptions {
                    legend: handlers::legend(),
                    range: Some(true),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    work_done_progress_options: Default::default(),
                })),
                inlay_hint_provider: Some(lsp::OneOf::Left(true)),
                execute_command_provider: Some(lsp::ExecuteCommandOptions { commands: vec![ACTIONS_COMMAND.into(), RULE_COMMAND.into()], ..Default::default() }),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        // the workspace is scanned after the first diagnostics, not here
        if self.with(|s| s.watch_configs).unwrap_or(false) {
            // a changed minutes.toml is reloaded and the documents checked again
            let watchers = lsp::DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![lsp::FileSystemWatcher { glob_pattern: lsp::GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)), kind: None }],
            };
            let registration = lsp::Registration {
                id: "minutes-config".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(watchers).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                self.log(format!("cannot watch {}: {e}", crate::config::FILE_NAME)).await;
            }
        }
    }

    async fn shutdown(&self) -> Result<()> {
        SHUTDOWN.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, p: lsp::DidOpenTextDocumentParams) {
        let r = self.with(|s| handlers::did_open(s, p));
        self.publish(r.ok().flatten()).await;
        self.scan_workspace().await;
    }

    async fn did_change(&self, p: lsp::DidChangeTextDocumentParams) {
        match self.with(|s| handlers::did_change(s, p)) {
            Ok(Ok(r)) => self.publish(r).await,
            Ok(Err(why)) => self.log(why).await,
            Err(e) => self.log(e.message.into_owned()).await,
        }
    }

    async fn did_save(&self, p: lsp::DidSaveTextDocumentParams) {
        let r = self.with(|s| handlers::did_save(s, p));
        self.reloaded(r.ok().flatten()).await;
    }

    async fn did_close(&self, p: lsp::DidCloseTextDocumentParams) {
        if let Ok(r) = self.with(|s| handlers::did_close(s, p)) {
            self.client.publish_diagnostics(r.uri, r.diagnostics, None).await;
        }
    }

    async fn did_change_watched_files(&self, p: lsp::DidChangeWatchedFilesParams) {
        let r = self.with(|s| handlers::watched_files(s, p));
        self.reloaded(r.ok().flatten()).await;
    }

    async fn document_symbol(&self, p: lsp::DocumentSymbolParams) -> Result<Option<lsp::DocumentSymbolResponse>> {
        self.with(|s| handlers::document_symbols(s, &p.text_document.uri))
    }

    async fn symbol(&self, p: lsp::WorkspaceSymbolParams) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        tokio::task::yield_now().await; // a cancellation sent meanwhile wins
        self.with(|s| Some(lsp::WorkspaceSymbolResponse::Flat(handlers::workspace_symbols(s, &p.query))))
    }

    async fn completion(&self, p: lsp::CompletionParams) -> Result<Option<lsp::CompletionResponse>> {
        tokio::task::yield_now().await;
        self.with(|s| handlers::completion(s, p))
    }

    async fn hover(&self, p: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        self.with(|s| handlers::hover(s, p))
    }

    async fn goto_definition(&self, p: lsp::GotoDefinitionParams) -> Result<Option<lsp::GotoDefinitionResponse>> {
        self.with(|s| handlers::definition(s, p))
    }

    async fn references(&self, p: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        self.with(|s| handlers::references(s, p))
    }

    async fn prepare_rename(&self, p: lsp::TextDocumentPositionParams) -> Result<Option<lsp::PrepareRenameResponse>> {
        self.with(|s| handlers::prepare_rename(s, p))?.map_err(invalid_params)
    }

    async fn rename(&self, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        self.with(|s| handlers::rename(s, p))?.map_err(invalid_params)
    }

    async fn code_action(&self, p: lsp::CodeActionParams) -> Result<Option<lsp::CodeActionResponse>> {
        self.with(|s| handlers::code_actions(s, p))
    }

    async fn folding_range(&self, p: lsp::FoldingRangeParams) -> Result<Option<Vec<lsp::FoldingRange>>> {
        self.with(|s| handlers::folding(s, &p.text_document.uri))
    }

    async fn selection_range(&self, p: lsp::SelectionRangeParams) -> Result<Option<Vec<lsp::SelectionRange>>> {
        self.with(|s| handlers::selection_ranges(s, p))
    }

    async fn semantic_tokens_full(&self, p: lsp::SemanticTokensParams) -> Result<Option<lsp::SemanticTokensResult>> {
        self.with(|s| handlers::semantic_tokens(s, &p.text_document.uri, None).map(lsp::SemanticTokensResult::Tokens))
    }

    async fn semantic_tokens_range(&self, p: lsp::SemanticTokensRangeParams) -> Result<Option<lsp::SemanticTokensRangeResult>> {
        self.with(|s| handlers::semantic_tokens(s, &p.text_document.uri, Some(p.range)).map(lsp::SemanticTokensRangeResult::Tokens))
    }

    async fn inlay_hint(&self, p: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        self.with(|s| handlers::inlay_hints(s, p))
    }

    async fn execute_command(&self, p: lsp::ExecuteCommandParams) -> Result<Option<lsp::LSPAny>> {
        match p.command.as_str() {
            ACTIONS_COMMAND => self.with(handlers::actions).map(Some),
            RULE_COMMAND => {
                let code = p.arguments.first().and_then(Value::as_str).unwrap_or_default();
                let doc = handlers::rule_doc(code).ok_or_else(|| Error::invalid_params(format!("no rule “{code}”")))?;
                self.client.show_message(lsp::MessageType::INFO, doc.clone()).await;
                Ok(Some(Value::String(doc)))
            }
            other => Err(Error::invalid_params(format!("no command “{other}”"))),
        }
    }
}
