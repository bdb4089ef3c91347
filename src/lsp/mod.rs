//! The language server, `minutes lsp`: LSP over standard input and output.
//! The only module that names LSP or tokio types.
//!
//! - [`transport`]: guards the JSON-RPC reader against malformed frames.
//! - `server`: the LanguageServer methods, a few lines each.
//! - `session`: the one state value behind one lock.
//! - `document`: rope + version + tree (+ analysis) of an open document.
//! - `convert`: to and from LSP types; positions via `text::LineIndex`.
//! - `handlers`: one function per feature, calling `ide`.
//!
//! Custom requests: `minutes/actions` (also `workspace/executeCommand`
//! `minutes.actions`) returns the workspace's action register;
//! `minutes/debugState` returns an open document's version, text and
//! syntax tree (for tests).

mod convert;
mod document;
mod handlers;
mod server;
mod session;
pub mod transport;

use std::process::ExitCode;
use std::sync::atomic::Ordering;

use tower_lsp_server::{LspService, Server};

use server::Backend;

/// Serves one client on stdin/stdout until it exits or stdin closes.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("minutes lsp: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(serve());
    // drop any blocked reads of stdin at once
    runtime.shutdown_background();
    if server::SHUTDOWN.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

async fn serve() {
    let (reader, writer) = tokio::io::duplex(1 << 20);
    let (service, socket) = LspService::build(Backend::new)
        .custom_method("minutes/actions", Backend::actions)
        .custom_method("minutes/debugState", Backend::debug_state)
        .custom_method(transport::INVALID, Backend::invalid_message)
        .finish();
    tokio::spawn(transport::sanitize(tokio::io::stdin(), writer));
    Server::new(reader, tokio::io::stdout(), socket).serve(service).await;
}
