//! The command line's files: the library's walker and reader
//! ([`crate::files`], shared with the language server) for `*.minutes`,
//! with the size limit given by `--max-file-size`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use crate::files::{Problem, Source};

static MAX_SIZE: OnceLock<u64> = OnceLock::new();

/// Sets the size limit for this run (once, from the command line).
pub fn set_max_size(bytes: u64) {
    let _ = MAX_SIZE.set(bytes);
}

/// The files under `paths` (files as given; directories walked for
/// `*.minutes`, honouring .gitignore), in a stable order.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    crate::files::collect(paths, &["minutes".to_string()])
}

/// Whether `root` may hold a `*.minutes` file that is not `known`
/// ([`crate::files::may_hold_others`]), listing at most 1,000 entries: a
/// directory larger than that is walked, as it would have been.
pub fn may_hold_others(root: &Path, known: impl Fn(&Path) -> bool) -> bool {
    crate::files::may_hold_others(root, &["minutes".to_string()], known, 1000)
}

/// Reads a file as UTF-8 text: only a regular file under the size limit.
pub fn read(path: &Path) -> Result<Source, Problem> {
    crate::files::read(path, *MAX_SIZE.get().unwrap_or(&crate::files::DEFAULT_MAX_SIZE))
}
