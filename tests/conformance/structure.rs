//! Agenda items and decision blocks against every labelled file (seeds and
//! `more/`): F1 per file and overall, held-out files reported apart.
//! (Issue 12; the scorer from the former `tests/corpus.rs` is in git history.)
