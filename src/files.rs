//! Finding and reading minutes files, for the command line and the
//! language server alike.
//!
//! One walker ([`walk`], the `ignore` crate: `.gitignore` and hidden files
//! honoured, symbolic links not followed) and one reader ([`read`]): a file
//! is opened only when it is a regular file under the size limit, so a
//! FIFO, a socket, a device (`/dev/zero`) or a symbolic link to one is
//! skipped with a message instead of blocking or filling memory. Text must
//! be UTF-8 without NUL bytes; a message names the line and column where
//! it is not.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The size limit unless configured (`--max-file-size`, `maxFileSize`).
pub const DEFAULT_MAX_SIZE: u64 = 64 << 20;

/// A file read as text.
pub struct Source {
    pub path: String,
    pub text: String,
}

/// Why a file was not read.
#[derive(Debug)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Whether `path` ends in one of `extensions` (without the dot).
pub fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| extensions.iter().any(|e| e == x))
}

/// Limits of a walk; the command line walks without any, the language
/// server's workspace scan within some (a root of `/usr` must not hold up
/// the editor).
#[derive(Clone, Copy, Debug, Default)]
pub struct Bounds {
    pub max_files: Option<usize>,
    pub max_depth: Option<usize>,
    pub max_time: Option<std::time::Duration>,
}

impl Bounds {
    pub const NONE: Bounds = Bounds { max_files: None, max_depth: None, max_time: None };
}

/// The files with one of `extensions` under `root`, sorted, within
/// `bounds` (a walk that reaches one stops there). What is not a directory
/// is listed whatever its type: [`read`] says why it cannot be read. Walk
/// errors (a directory that cannot be read, a link loop) are problems; the
/// walk goes on.
pub fn walk(root: &Path, extensions: &[String], bounds: &Bounds) -> (Vec<PathBuf>, Vec<Problem>) {
    let started = std::time::Instant::now();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for entry in ignore::WalkBuilder::new(root).max_depth(bounds.max_depth).build() {
        if bounds.max_files.is_some_and(|n| found.len() >= n) || bounds.max_time.is_some_and(|t| started.elapsed() > t) {
            break;
        }
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| !t.is_dir()) && has_extension(e.path(), extensions) {
                    found.push(e.into_path());
                }
            }
            Err(err) => problems.push(Problem { path: root.display().to_string(), message: format!("cannot walk: {err}") }),
        }
    }
    found.sort();
    (found, problems)
}

/// Whether `root` may hold a file with one of `extensions` that is not
/// `known`: a plain listing, which reads no `.gitignore` and follows no
/// link, so what [`walk`] finds it lists too; `false` only when it listed
/// everything within `budget` entries and found no such file, in which case
/// the walk would find none either. A check of one file in a directory of
/// its own asks this instead of walking for peers, whose `.gitignore`
/// globs cost as much to compile as a tenth of the file's check.
pub fn may_hold_others(root: &Path, extensions: &[String], known: impl Fn(&Path) -> bool, budget: usize) -> bool {
    let mut dirs = vec![root.to_path_buf()];
    let mut left = budget;
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { return true };
        for entry in entries {
            let Some((entry, kind)) = entry.ok().and_then(|e| Some((e.path(), e.file_type().ok()?))) else { return true };
            if left == 0 {
                return true;
            }
            left -= 1;
            if kind.is_dir() {
                dirs.push(entry);
            } else if has_extension(&entry, extensions) && !known(&entry) {
                return true;
            }
        }
    }
    false
}

/// The files `paths` name: files as given, directories walked for
/// `extensions`; no paths means the current directory.
pub fn collect(paths: &[PathBuf], extensions: &[String]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &defaults[..] } else { paths };
    for p in paths {
        if p.is_dir() {
            let (found, walk_problems) = walk(p, extensions, &Bounds::NONE);
            files.extend(found);
            problems.extend(walk_problems);
        } else if p.exists() || p.symlink_metadata().is_ok() {
            files.push(p.clone());
        } else {
            problems.push(Problem { path: p.display().to_string(), message: "no such file or directory".into() });
        }
    }
    (files, problems)
}

/// What kind of file a non-regular file is, for messages.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

fn too_big(size: u64, max: u64) -> String {
    format!("{size} bytes, over the size limit of {max} bytes (raise it with --max-file-size or the server's maxFileSize); not checked")
}

/// Opens `path` without waiting on it: a FIFO without a writer must not
/// block the open (regular files ignore the flag).
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a regular file of at most `max_size` bytes as UTF-8 text.
pub fn read(path: &Path, max_size: u64) -> Result<Source, Problem> {
    let shown = path.display().to_string();
    let problem = |message: String| Problem { path: shown.clone(), message };
    let meta = std::fs::metadata(path).map_err(|e| problem(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(problem(format!("{}, not a file of minutes; skipped", kind(&meta))));
    }
    if meta.len() > max_size {
        return Err(problem(too_big(meta.len(), max_size)));
    }
    let file = open(path).map_err(|e| problem(format!("cannot read: {e}")))?;
    // the path may have changed between the look and the open
    let meta = file.metadata().map_err(|e| problem(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(problem(format!("{}, not a file of minutes; skipped", kind(&meta))));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max_size) as usize);
    file.take(max_size + 1).read_to_end(&mut bytes).map_err(|e| problem(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max_size {
        return Err(problem(too_big(bytes.len() as u64, max_size)));
    }
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

/// Reads a size: bytes, or a number with `K`, `M` or `G` (binary units).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&s[..i], s[i..].trim()),
        None => (s, ""),
    };
    let n: u64 = digits.parse().map_err(|_| format!("“{s}” is not a size (bytes, or a number with K, M or G)"))?;
    let shift = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("“{s}” is not a size (bytes, or a number with K, M or G)")),
    };
    n.checked_mul(1 << shift).ok_or_else(|| format!("“{s}” is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes() -> Vec<String> {
        vec!["minutes".into()]
    }

    #[test]
    fn sizes_read_with_units() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
    }

    #[test]
    fn devices_are_refused_without_reading() {
        let p = read(Path::new("/dev/zero"), DEFAULT_MAX_SIZE).err().expect("a device is refused");
        assert!(p.message.contains("a device"), "{p}");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_links_to_devices_are_skipped_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.minutes");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.minutes")).unwrap();
        std::fs::write(dir.path().join("ok.minutes"), "1. Title\n").unwrap();
        let (found, problems) = walk(dir.path(), &minutes(), &Bounds::NONE);
        assert!(problems.is_empty());
        assert_eq!(found.len(), 3);
        let results: Vec<_> = found.iter().map(|p| read(p, DEFAULT_MAX_SIZE)).collect();
        assert!(results[0].is_ok(), "ok.minutes");
        assert!(results[1].as_ref().err().unwrap().message.contains("a FIFO"));
        assert!(results[2].as_ref().err().unwrap().message.contains("a device"));
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.minutes");
        std::fs::write(&p, "x".repeat(2000)).unwrap();
        let err = read(&p, 1000).err().unwrap();
        assert!(err.message.contains("over the size limit of 1000 bytes"), "{err}");
        assert!(read(&p, 2000).is_ok());
    }

    #[test]
    fn a_directory_of_one_file_holds_no_others() {
        let dir = tempfile::tempdir().unwrap();
        let given = dir.path().join("a.minutes");
        std::fs::write(&given, "1. Title\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let known = |p: &Path| p == given;
        assert!(!may_hold_others(dir.path(), &minutes(), known, 100));
        // too many entries to list: it cannot tell
        assert!(may_hold_others(dir.path(), &minutes(), known, 1));
        // a peer deep down, even one the walk would skip as hidden
        std::fs::create_dir_all(dir.path().join("x/.y")).unwrap();
        std::fs::write(dir.path().join("x/.y/b.minutes"), "").unwrap();
        assert!(may_hold_others(dir.path(), &minutes(), known, 100));
    }
}
