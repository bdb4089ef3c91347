//! Explicit and implied actions with their owners against every labelled
//! file: recall, precision and owner accuracy, held-out files reported apart.
//! (Issue 13.)
