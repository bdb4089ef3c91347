//! The language server, `minutes lsp`: LSP over standard input and output.
//! The only module that names LSP or tokio types.
//!
//! - [`transport`]: guards the JSON-RPC reader against malformed frames.
//! - `server`: the LanguageServer methods, a few lines each.
//! - `session`: the one state value behind one lock.
//! - `document`: rope + version + tree (+ analysis) of an open document.
//! - `convert`: to and from LSP types; positions via `text::LineIndex`.
//! - `handlers`: one function per feature, calling `ide`.
//! - [`harness`]: the server in process, for the fuzz target and tests.
//! - `snippets`: snippet edits, which the LSP types crate lacks, written
//!   into the JSON for the clients that take them.
//!
//! Custom requests: `minutes/actions` (also `workspace/executeCommand`
//! `minutes.actions`) returns the workspace's action register;
//! `minutes/debugState` returns an open document's version, text and
//! syntax tree (for tests).

mod convert;
mod document;
mod handlers;
pub mod harness;
mod server;
mod session;
mod snippets;
pub mod transport;

use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

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
    // drop blocked reads of stdin and analyses still running at once
    runtime.shutdown_background();
    if server::SHUTDOWN.load(Ordering::SeqCst) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// How long requests in flight may take to finish once the client has
/// gone (stdin closed) or said `exit`.
const GRACE: Duration = Duration::from_millis(300);

async fn serve() {
    let (reader, writer) = tokio::io::duplex(1 << 20);
    let support = snippets::SnippetSupport::default();
    let server_support = support.clone();
    let (service, socket) = LspService::build(move |client| Backend::new(client, server_support.clone()))
        .custom_method("minutes/actions", Backend::actions)
        .custom_method("minutes/debugState", Backend::debug_state)
        .custom_method(transport::INVALID, Backend::invalid_message)
        .finish();
    let reading = tokio::spawn(transport::sanitize(tokio::io::stdin(), writer));
    // enough requests in flight that `shutdown` is never queued behind
    // slow ones
    let service = snippets::SnippetEdits::new(service, support);
    let server = Server::new(reader, tokio::io::stdout(), socket).concurrency_level(64).serve(service);
    tokio::pin!(server);
    tokio::select! {
        _ = &mut server => {}
        _ = reading => {
            // the client has gone or said exit: whatever is still being
            // analysed is not wanted
            document::EXITING.store(true, Ordering::SeqCst);
            let _ = tokio::time::timeout(GRACE, server).await;
        }
    }
    document::EXITING.store(true, Ordering::SeqCst);
}

/// Gives the memory of closed documents back to the system: glibc keeps
/// freed small blocks (a rope's chunks, a tree's nodes) in its heap
/// otherwise, and a server that opened one 100 MB document would hold
/// its peak for good.
fn release_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
