//! What a caller that checks one document version after version (the
//! language server) keeps between checks: the answers of the rules' read-back
//! tests, which parse a fix's stretch of text on its own to see that it
//! reads as intended (M104's marker after its commitment, M201's definition
//! in its paragraph). Each answer is a function of its key alone, the text
//! parsed and the question asked of it, so an edit parses again only the
//! stretches it changed. The rules themselves keep nothing.

use std::cell::RefCell;
use std::collections::HashMap;

/// See the module's documentation.
#[derive(Debug, Default)]
pub struct Memo {
    answers: RefCell<Answers>,
}

/// The answers of the checks before this one, and those this one asked
/// for: what a check does not ask for is forgotten when it ends, so the
/// memo holds no more than the stretches of the latest version.
#[derive(Debug, Default)]
struct Answers {
    last: HashMap<Box<str>, bool>,
    this: HashMap<Box<str>, bool>,
}

impl Memo {
    /// The answer for `key` (everything `answer` reads), from an earlier
    /// check or from `answer`.
    pub(super) fn recall(&self, key: String, answer: impl FnOnce() -> bool) -> bool {
        let mut answers = self.answers.borrow_mut();
        if let Some(&known) = answers.this.get(key.as_str()) {
            return known;
        }
        let known = match answers.last.remove(key.as_str()) {
            Some(known) => known,
            // not held across the parse: a panic in it leaves the memo usable
            None => {
                drop(answers);
                let found = answer();
                answers = self.answers.borrow_mut();
                found
            }
        };
        answers.this.insert(key.into(), known);
        known
    }

    /// The check ended. One that did not (it was cancelled) leaves
    /// answers that still hold: each is kept with its key.
    pub fn end(&self) {
        let mut answers = self.answers.borrow_mut();
        answers.last = std::mem::take(&mut answers.this);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_kept_while_checks_ask_for_it() {
        let memo = Memo::default();
        let asked = std::cell::Cell::new(0);
        let ask = |key: &str| {
            memo.recall(key.to_string(), || {
                asked.set(asked.get() + 1);
                key.len() > 1
            })
        };
        assert!(ask("ab") && !ask("a") && ask("ab"));
        assert_eq!(asked.get(), 2, "asked once per key within a check");
        memo.end();
        assert!(ask("ab"));
        assert_eq!(asked.get(), 2, "kept from the check before");
        memo.end();
        memo.end();
        assert!(!ask("a"));
        assert_eq!(asked.get(), 3, "forgotten by a check that did not ask for it");
    }
}
