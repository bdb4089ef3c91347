//! Commitments written as prose (placeholder until the detector lands).

use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Commitment {
    pub span: Range<usize>,
    pub owners: Vec<String>,
    pub owner_span: Option<Range<usize>>,
    pub due: Option<Due>,
    pub pattern: String,
}

#[derive(Clone, Debug)]
pub struct Due {
    pub text: String,
    pub span: Range<usize>,
    pub vague: bool,
}

impl Due {
    /// The date part of the due phrase ("10 February 2020" of "by 10
    /// February 2020"), when there is one.
    pub fn date_text(&self) -> Option<&str> {
        let t = self.text.trim();
        for kw in ["by ", "before ", "due ", "on ", "until "] {
            if let Some(rest) = t.strip_prefix(kw) {
                return Some(rest);
            }
        }
        None
    }
}

pub fn find_commitments(_text: &str) -> Vec<Commitment> {
    Vec::new()
}
