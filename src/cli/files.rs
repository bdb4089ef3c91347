//! Reading the files a command is given: walking directories for
//! `*.minutes`, and refusing binary or non-UTF-8 files with a message that
//! names the file, line and column, while the other files go on.

use std::path::{Path, PathBuf};

/// A file read as text.
pub struct Source {
    pub path: String,
    pub text: String,
}

/// Why a file was not checked.
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The files under `paths` (files as given; directories walked for
/// `*.minutes`, honouring .gitignore), in a stable order.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &defaults[..] } else { paths };
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(p)
                .build()
                .filter_map(|e| match e {
                    Ok(e) => Some(e),
                    Err(err) => {
                        problems.push(Problem { path: p.display().to_string(), message: format!("cannot walk: {err}") });
                        None
                    }
                })
                .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|x| x == "minutes"))
                .collect();
            found.sort();
            files.extend(found);
        } else if p.exists() {
            files.push(p.clone());
        } else {
            problems.push(Problem { path: p.display().to_string(), message: "no such file or directory".into() });
        }
    }
    (files, problems)
}

/// Reads a file as UTF-8 text.
pub fn read(path: &Path) -> Result<Source, Problem> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Problem { path: shown.clone(), message: format!("cannot read: {e}") })?;
    decode(shown, bytes)
}

/// Checks bytes are text: no NUL byte, valid UTF-8.
pub fn decode(path: String, bytes: Vec<u8>) -> Result<Source, Problem> {
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        let (line, col) = line_col(&bytes, at);
        return Err(Problem { path, message: format!("{line}:{col}: binary file (NUL byte), not checked") });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Source { path, text }),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let (line, col) = line_col(bytes, at);
            Err(Problem {
                path,
                message: format!("{line}:{col}: not valid UTF-8 (byte 0x{:02X}), not checked: save the file as UTF-8", bytes[at]),
            })
        }
    }
}

/// One-based line and character column of byte `at` (counting the valid
/// UTF-8 before it).
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}
