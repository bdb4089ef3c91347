//! A progress bar on standard error while many files are read and checked:
//! only on a terminal and only for a run of many files, so that a pipe, a
//! CI log or a quick run shows nothing but the results. The bar is drawn
//! over the results' stream, never in it (they go to standard output).

use std::io::IsTerminal;

/// From this many files a run shows its progress.
pub const MANY_FILES: usize = 50;

/// Counts the steps of a run; draws nothing unless [`Progress::new`] chose to.
pub struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    /// A bar of `steps` steps for a run over `files` files, when standard
    /// error is a terminal and the files are many.
    pub fn new(files: usize, steps: usize) -> Progress {
        if files < MANY_FILES || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new(steps as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg:>9} [{bar:30}] {pos}/{len} ({eta} left)") {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress(Some(bar))
    }

    /// Says what the steps that follow are ("reading", "checking").
    pub fn stage(&self, what: &'static str) {
        if let Some(bar) = &self.0 {
            bar.set_message(what);
        }
    }

    /// One step done; called from any thread.
    pub fn step(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}

impl Drop for Progress {
    /// The bar leaves no line behind.
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
