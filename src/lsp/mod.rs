//! The language server (placeholder; see issue 3).
pub fn run() -> std::process::ExitCode {
    eprintln!("minutes lsp: not built yet");
    std::process::ExitCode::from(2)
}
