//! Findings and fixes: plain data with byte ranges. The CLI renders them
//! as text, JSON or annotations; the server turns them into LSP types.

use std::ops::Range;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// A replacement of `range` in the text by `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// Whether `minutes check --fix` may apply a fix unasked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps every word and what the text means: applied by `--fix`.
    Safe,
    /// Right most of the time, but a person should look (a guessed owner, a
    /// renumbering that citations may point at): only with `--unsafe-fixes`.
    Unsafe,
}

/// A fix the user can apply: a title and the edits it makes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// Another place that matters to a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

/// What a blank asks the writer for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlankKind {
    /// Who will do an action: a person, role or abbreviation.
    Owner,
}

/// A finding only the writer can resolve, by filling in a blank (an
/// action's owner). Editors offer it as a code action: `edit` opens the
/// blank, then the cursor goes `cursor` bytes into the inserted text and
/// completion offers what fits. `minutes check` never applies it: the text
/// is not finished until the blank is filled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Blank {
    pub kind: BlankKind,
    pub title: String,
    /// Inserts what the blank needs around it (" – " after "(Action",
    /// " (Action – )" after a sentence); empty text when it is open already.
    pub edit: Edit,
    /// Where the cursor goes, in bytes into `edit.text`.
    pub cursor: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub range: Range<usize>,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
    /// The blank that resolves it, when the writer must supply something.
    pub blank: Option<Blank>,
}
