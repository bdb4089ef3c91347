//! The conformance suite: the model, the detector and the rules against the
//! hand labels of real minutes (`$MINUTES_CORPUS`, see `support.rs`).
//!
//! Runs only with the `conformance` feature (`scripts/test` turns it on when
//! the corpus is there; `.ci/run` requires it).

mod actions;
mod expected;
mod findings;
mod structure;
mod support;

#[test]
fn every_corpus_file_parses_without_errors() {
    let root = support::corpus_root();
    let mut paths = Vec::new();
    for dir in [root.clone(), root.join("more")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    assert!(paths.len() >= 17, "{paths:?}");
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let tree = minutes::syntax::parse_text(&text);
        assert!(!tree.root_node().has_error(), "{}: {}", p.display(), tree.root_node().to_sexp());
    }
}
