//! The LanguageServer: each method runs a handler on the locked session
//! in a blocking thread (so a long analysis never stalls the runtime, and
//! `shutdown` and `exit` are answered while it runs), and only then awaits
//! (publishing, logging). Analyses run outside the lock; diagnostics are
//! published after a pause in typing, for the latest version only.

use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::{self as lsp, Uri};
use tower_lsp_server::{Client, LanguageServer};

use super::document::Analysis;
use super::handlers;
use super::session::{panic_message, Session};
use super::snippets::SnippetSupport;
use crate::text::Encoding;

/// The longest the server waits after a change before it analyses and
/// publishes: a burst of typing is analysed once, at its end. A document
/// analysed faster than this waits only as long as its analysis takes
/// ([`super::document::OpenDocument::pause`]). Short, because starting an
/// analysis that typing then overtakes wastes little: it is cancelled at
/// the parse and between rules, and what its model found per block is kept
/// for the next version's (the document's memo).
const DEBOUNCE: Duration = Duration::from_millis(50);

/// The session behind its lock, shared with the tasks that publish.
#[derive(Clone)]
struct State(Arc<Mutex<Session>>);

impl State {
    /// Runs `f` on the locked session in a blocking thread; a panic
    /// becomes an internal error (and the lock is recovered), never the
    /// end of the server.
    async fn with<T: Send + 'static>(&self, f: impl FnOnce(&mut Session) -> T + Send + 'static) -> Result<T> {
        let session = self.0.clone();
        let run = move || {
            let mut guard = session.lock().unwrap_or_else(|e| e.into_inner());
            std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut guard)))
        };
        match tokio::task::spawn_blocking(run).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => {
                let what = panic_message(&*e);
                eprintln!("minutes lsp: internal error: {what}");
                Err(Error { code: ErrorCode::InternalError, message: format!("internal error: {what}").into(), data: None })
            }
            Err(e) => Err(Error { code: ErrorCode::InternalError, message: format!("internal error: {e}").into(), data: None }),
        }
    }

    /// Runs `f` on the locked session here and now, on the runtime's
    /// thread: for the notifications that change the text (open, change,
    /// close), which must apply in the order they came, before any
    /// `.await` lets a later one run first. They only edit (no parse, no
    /// analysis), and the lock is never held for long, so this does not
    /// stall the runtime. A panic becomes an internal error.
    fn now<T>(&self, f: impl FnOnce(&mut Session) -> T) -> Result<T> {
        let mut guard = self.0.lock().unwrap_or_else(|e| e.into_inner());
        std::panic::catch_unwind(AssertUnwindSafe(|| f(&mut guard))).map_err(|e| {
            let what = panic_message(&*e);
            eprintln!("minutes lsp: internal error: {what}");
            Error { code: ErrorCode::InternalError, message: format!("internal error: {what}").into(), data: None }
        })
    }

    /// The current analysis of an open document, computed without the
    /// lock; `None` when it is not open or a newer version overtook it.
    /// Two asking at once (the first publish and the outline after an
    /// open) share one analysis: the second waits for the document's turn
    /// and then finds it done. An analysis that panics is a defect: it is
    /// logged, and that version has no analysis (nothing is published for
    /// it); the next change is analysed afresh.
    async fn analyse(&self, uri: Uri) -> Option<Arc<Analysis>> {
        let session = self.0.clone();
        let run = move || {
            let lock = || session.lock().unwrap_or_else(|e| e.into_inner());
            let turn = lock().open.get(&uri)?.turn();
            let _turn = turn.lock().unwrap_or_else(|e| e.into_inner());
            let job = match lock().job(&uri)? {
                Ok(a) => return Some(a),
                Err(job) => job,
            };
            let version = job.version;
            match std::panic::catch_unwind(AssertUnwindSafe(|| job.run())) {
                Ok(a) => {
                    let a = Arc::new(a?);
                    lock().store(&uri, &a).then_some(a)
                }
                Err(panic) => {
                    let why = panic_message(&*panic);
                    eprintln!("minutes lsp: internal error: the analysis of {} (version {version}) failed: {why}", uri.as_str());
                    lock().failed(&uri, version, &why);
                    None
                }
            }
        };
        tokio::task::spawn_blocking(run).await.ok().flatten()
    }

    /// The version of an open document.
    async fn version(&self, uri: Uri) -> Option<i32> {
        self.with(move |s| s.open.get(&uri).map(|d| d.version)).await.ok().flatten()
    }
}

pub struct Backend {
    client: Client,
    state: State,
    /// Whether the client takes snippet edits (read by the layer around
    /// the service, which sees `initialize` first).
    snippets: SnippetSupport,
}

const ACTIONS_COMMAND: &str = "minutes.actions";
/// `minutes rule CODE` in the editor: the rule's documentation, shown and
/// returned (arguments: the code or name).
const RULE_COMMAND: &str = "minutes.rule";

/// Did the client ask to shut down before exit?
pub static SHUTDOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl Backend {
    pub fn new(client: Client, snippets: SnippetSupport) -> Backend {
        Backend { client, state: State(Arc::new(Mutex::new(Session::default()))), snippets }
    }

    async fn with<T: Send + 'static>(&self, f: impl FnOnce(&mut Session) -> T + Send + 'static) -> Result<T> {
        self.state.with(f).await
    }

    /// Brings an open document's analysis up to date before a request
    /// reads it, so that the request holds the lock only to read.
    async fn fresh(&self, uri: &Uri) {
        self.state.analyse(uri.clone()).await;
    }

    /// Brings every open document's analysis up to date, one at a time.
    async fn all_fresh(&self) {
        let uris = self.with(|s| s.open.keys().cloned().collect::<Vec<_>>()).await.unwrap_or_default();
        for uri in uris {
            self.state.analyse(uri).await;
        }
    }

    /// Publishes the diagnostics of `version` of `uri` now, awaited (the
    /// first diagnostics of a document go out before anything else runs).
    async fn publish_now(&self, uri: Uri, version: i32) {
        publish_version(&self.client, &self.state, uri, version).await;
    }

    /// Publishes the diagnostics of `version` of `uri` after `delay`,
    /// unless a newer version arrived meanwhile (its own publish will
    /// follow) or the analysis was overtaken.
    fn publish_later(&self, uri: Uri, version: i32, delay: Duration) {
        let (client, state) = (self.client.clone(), self.state.clone());
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            publish_version(&client, &state, uri, version).await;
        });
    }

    /// Republishes after a `minutes.toml` changed (the latest version of
    /// each open document, analysed again), and says why one could not be
    /// read.
    async fn reloaded(&self, r: Option<handlers::Reloaded>) {
        let Some(r) = r else { return };
        for e in r.errors {
            self.log(format!("configuration not read, defaults used: {e}")).await;
        }
        for (uri, version) in r.reanalyse {
            self.publish_later(uri, version, Duration::ZERO);
        }
    }

    /// Reads the workspace's other minutes files, once, after the first
    /// diagnostics are out: off the session lock and bounded (see
    /// `session::ScanPlan`). The open documents are then checked again
    /// with the people and roles the other files name.
    async fn scan_workspace(&self) {
        let Ok(Some(plan)) = self.with(Session::take_scan).await else { return };
        let Ok(scanned) = tokio::task::spawn_blocking(move || plan.run()).await else { return };
        let n = scanned.len();
        let Ok(open) = self.with(move |s| s.add_scanned(scanned)).await else { return };
        self.log_notes().await;
        for (uri, version) in open {
            self.publish_later(uri, version, Duration::ZERO);
        }
        self.client.log_message(lsp::MessageType::INFO, format!("minutes: {n} minutes files in the workspace")).await;
    }

    async fn log(&self, message: String) {
        eprintln!("minutes lsp: {message}");
        self.client.log_message(lsp::MessageType::WARNING, message).await;
    }

    /// Logs the notes the session left (files skipped).
    async fn log_notes(&self) {
        let notes = self.with(|s| std::mem::take(&mut s.notes)).await.unwrap_or_default();
        for n in notes {
            self.log(n).await;
        }
    }

    pub async fn actions(&self) -> Result<Value> {
        self.all_fresh().await;
        self.with(handlers::actions).await
    }

    pub async fn debug_state(&self, p: lsp::TextDocumentIdentifier) -> Result<Value> {
        self.fresh(&p.uri).await;
        self.with(move |s| handlers::debug_state(s, &p.uri)).await
    }

    /// A frame the transport could not read (see `transport`).
    pub async fn invalid_message(&self, p: Value) -> Result<Value> {
        let code = p.get("code").and_then(Value::as_i64).unwrap_or(-32700);
        let message = p.get("message").and_then(Value::as_str).unwrap_or("invalid message").to_string();
        self.log(format!("invalid message: {message}")).await;
        Err(Error { code: ErrorCode::from(code), message: message.into(), data: None })
    }
}

/// Publishes the diagnostics of `version` of `uri`, unless a newer version
/// arrived meanwhile (its own publish will follow) or the analysis was
/// overtaken.
async fn publish_version(client: &Client, state: &State, uri: Uri, version: i32) {
    if state.version(uri.clone()).await != Some(version) {
        return;
    }
    let Some(a) = state.analyse(uri.clone()).await else {
        // a failed analysis left a note saying so
        for note in state.with(|s| std::mem::take(&mut s.notes)).await.unwrap_or_default() {
            client.log_message(lsp::MessageType::ERROR, note).await;
        }
        return;
    };
    if a.version != version {
        return;
    }
    if let Ok(p) = state.with(move |s| handlers::diagnostics(s, &uri, &a)).await {
        client.publish_diagnostics(p.uri, p.diagnostics, Some(p.version)).await;
    }
}

fn invalid_params(e: String) -> Error {
    Error::invalid_params(e)
}

impl LanguageServer for Backend {
    async fn initialize(&self, p: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        let snippet_edits = self.snippets.get();
        let encoding = self.with(move |s| {
            s.snippet_edits = snippet_edits;
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
                if let Some(n) = o.get("maxFileSize").and_then(Value::as_u64) {
                    s.max_file_size = n;
                }
            }
            s.encoding
        })
        .await?;
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
        if self.with(|s| s.watch_configs).await.unwrap_or(false) {
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
        let (uri, version) = (p.text_document.uri.clone(), p.text_document.version);
        if self.state.now(move |s| handlers::did_open(s, p)).is_ok() {
            // the first diagnostics, then the workspace's other files
            self.publish_now(uri, version).await;
            self.scan_workspace().await;
        }
    }

    async fn did_change(&self, p: lsp::DidChangeTextDocumentParams) {
        let (uri, version) = (p.text_document.uri.clone(), p.text_document.version);
        match self.state.now(move |s| handlers::did_change(s, p)) {
            Ok(Ok(warning)) => {
                if let Some(w) = warning {
                    self.log(w).await;
                }
                let pause = self.state.now(|s| s.open.get(&uri).map(|d| d.pause(DEBOUNCE))).ok().flatten().unwrap_or(DEBOUNCE);
                self.publish_later(uri, version, pause);
            }
            Ok(Err(why)) => self.log(why).await,
            Err(e) => self.log(e.message.into_owned()).await,
        }
    }

    async fn did_save(&self, p: lsp::DidSaveTextDocumentParams) {
        let r = self.with(move |s| handlers::did_save(s, p)).await;
        self.log_notes().await;
        self.reloaded(r.ok().flatten()).await;
    }

    async fn did_close(&self, p: lsp::DidCloseTextDocumentParams) {
        let r = self.state.now(move |s| handlers::did_close(s, p));
        super::release_memory();
        self.log_notes().await;
        if let Ok(r) = r {
            self.client.publish_diagnostics(r.uri, r.diagnostics, None).await;
        }
    }

    async fn did_change_watched_files(&self, p: lsp::DidChangeWatchedFilesParams) {
        let r = self.with(move |s| handlers::watched_files(s, p)).await;
        self.log_notes().await;
        self.reloaded(r.ok().flatten()).await;
    }

    async fn document_symbol(&self, p: lsp::DocumentSymbolParams) -> Result<Option<lsp::DocumentSymbolResponse>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::document_symbols(s, &p.text_document.uri)).await
    }

    async fn symbol(&self, p: lsp::WorkspaceSymbolParams) -> Result<Option<lsp::WorkspaceSymbolResponse>> {
        tokio::task::yield_now().await; // a cancellation sent meanwhile wins
        self.all_fresh().await;
        self.with(move |s| Some(lsp::WorkspaceSymbolResponse::Flat(handlers::workspace_symbols(s, &p.query)))).await
    }

    async fn completion(&self, p: lsp::CompletionParams) -> Result<Option<lsp::CompletionResponse>> {
        tokio::task::yield_now().await;
        self.fresh(&p.text_document_position.text_document.uri).await;
        self.with(move |s| handlers::completion(s, p)).await
    }

    async fn hover(&self, p: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        self.fresh(&p.text_document_position_params.text_document.uri).await;
        self.with(move |s| handlers::hover(s, p)).await
    }

    async fn goto_definition(&self, p: lsp::GotoDefinitionParams) -> Result<Option<lsp::GotoDefinitionResponse>> {
        self.fresh(&p.text_document_position_params.text_document.uri).await;
        self.with(move |s| handlers::definition(s, p)).await
    }

    async fn references(&self, p: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        self.fresh(&p.text_document_position.text_document.uri).await;
        self.with(move |s| handlers::references(s, p)).await
    }

    async fn prepare_rename(&self, p: lsp::TextDocumentPositionParams) -> Result<Option<lsp::PrepareRenameResponse>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::prepare_rename(s, p)).await?.map_err(invalid_params)
    }

    async fn rename(&self, p: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        self.fresh(&p.text_document_position.text_document.uri).await;
        self.with(move |s| handlers::rename(s, p)).await?.map_err(invalid_params)
    }

    async fn code_action(&self, p: lsp::CodeActionParams) -> Result<Option<lsp::CodeActionResponse>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::code_actions(s, p)).await
    }

    async fn folding_range(&self, p: lsp::FoldingRangeParams) -> Result<Option<Vec<lsp::FoldingRange>>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::folding(s, &p.text_document.uri)).await
    }

    async fn selection_range(&self, p: lsp::SelectionRangeParams) -> Result<Option<Vec<lsp::SelectionRange>>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::selection_ranges(s, p)).await
    }

    async fn semantic_tokens_full(&self, p: lsp::SemanticTokensParams) -> Result<Option<lsp::SemanticTokensResult>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::semantic_tokens(s, &p.text_document.uri, None).map(lsp::SemanticTokensResult::Tokens)).await
    }

    async fn semantic_tokens_range(&self, p: lsp::SemanticTokensRangeParams) -> Result<Option<lsp::SemanticTokensRangeResult>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::semantic_tokens(s, &p.text_document.uri, Some(p.range)).map(lsp::SemanticTokensRangeResult::Tokens)).await
    }

    async fn inlay_hint(&self, p: lsp::InlayHintParams) -> Result<Option<Vec<lsp::InlayHint>>> {
        self.fresh(&p.text_document.uri).await;
        self.with(move |s| handlers::inlay_hints(s, p)).await
    }

    async fn execute_command(&self, p: lsp::ExecuteCommandParams) -> Result<Option<lsp::LSPAny>> {
        match p.command.as_str() {
            ACTIONS_COMMAND => self.actions().await.map(Some),
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
