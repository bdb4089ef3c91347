//! Minutes: tooling for meeting minutes written as plain text.
//!
//! The code map, in the order data flows:
//!
//! - [`text`]: byte offsets ↔ lines and columns (UTF-8 and UTF-16). The only
//!   place positions are converted.
//! - [`syntax`]: the tree-sitter grammar (`grammar/`), parsing and incremental
//!   reparsing, node kinds as constants.
//! - [`model`]: one tree → one [`model::Document`]: meeting, people,
//!   abbreviations, agenda items, paragraphs, lists, decisions and actions
//!   (explicit and implied). Plain data with byte ranges; no I/O, no rules.
//! - [`catalogue`]: built-in roles and common abbreviations (data files).
//! - [`files`]: finding and reading minutes files (one walker, regular
//!   files under a size limit), for the CLI and the language server.
//! - [`workspace`]: many documents, the roster of people and roles across
//!   them, the action register.
//! - [`rules`]: checks over the model; one file per rule, a registry lists
//!   them. They return [`diagnostic::Diagnostic`]s with optional fixes;
//!   the document's suppression comments silence some.
//! - [`config`]: `minutes.toml` (rules, roster, abbreviations, date order,
//!   files), read the same way by the CLI and the server.
//! - [`analysis`]: one document from text to findings (parse, model as
//!   configured, rules with the workspace's roster and series): the one
//!   path of the CLI, the server, the benchmarks and the tests.
//! - [`fix`]: applying fixes to a text in one pass (`check --fix`).
//! - [`ide`]: editor features as plain data (outline, …), shared by the CLI
//!   and the language server.
//! - [`cli`] and `lsp`: thin layers that read files or messages, call the
//!   library and render. The editor and CI cannot disagree.
//!
//! Only `lsp` (feature `lsp`, on by default) knows LSP or tokio.

pub mod analysis;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod files;
pub mod fix;
pub mod ide;
pub mod model;
pub mod rules;
pub mod syntax;
pub mod text;
pub mod workspace;

#[cfg(feature = "lsp")]
pub mod lsp;
