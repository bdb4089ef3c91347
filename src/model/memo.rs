//! What a caller that reads one document version after version (the
//! language server) keeps between readings: the results of per-block work,
//! so that an edit does again only the work of the blocks it changed. Each
//! result is a function of a block's text and of what else its table says
//! it reads; the model itself keeps nothing ([`super::Document::with_memo`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::commitments::{Commitment, People, Setting};
use super::abbreviations::ShortForm;
use super::actions::SectionMark;
use super::inline::Decided;
use super::BlockKind;

/// The results of one function of a block's text, by the text: those of
/// the readings before this one, and those this one has asked for. What a
/// reading does not ask for is forgotten when it ends, so a table holds no
/// more than the blocks of the latest version.
///
/// Each map is keyed by the hash of the text, with the texts of that hash
/// and their results beside it: a look-up hashes the text once, where a
/// map keyed by the text hashed it again to move a result from the last
/// reading to this one (the tables were 6% of an edit of a 1 MB document).
#[derive(Debug)]
pub(super) struct Table<V> {
    last: HashMap<u64, Vec<(Box<str>, V)>, ByText>,
    this: HashMap<u64, Vec<(Box<str>, V)>, ByText>,
}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table { last: HashMap::default(), this: HashMap::default() }
    }
}

/// The tables' hash: FxHash (rustc's), eight bytes a step, of each text
/// and then of its hash in the map. Each edit hashes every block's text in
/// every table; SipHash, the default, guards against keys chosen to
/// collide, which a document being typed does not choose, and was 4% of an
/// edit of a 1 MB document.
type ByText = BuildHasherDefault<Fx>;

#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("eight bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl<V: Default> Table<V> {
    /// This reading's entry for `text`: what an earlier reading kept, or
    /// an empty one.
    pub(super) fn entry(&mut self, text: &str) -> &mut V {
        let mut hasher = Fx::default();
        hasher.write(text.as_bytes());
        let hash = hasher.finish();
        let texts = self.this.entry(hash).or_default();
        let at = match texts.iter().position(|(t, _)| **t == *text) {
            Some(at) => at,
            None => {
                // a block kept from the last reading moves with its key: an
                // analysis copies only the text of the blocks that changed;
                // the one text of its hash moves with its list
                let last = self.last.get_mut(&hash);
                match last.as_ref().and_then(|last| last.iter().position(|(t, _)| **t == *text)) {
                    Some(_) if texts.is_empty() && last.as_ref().is_some_and(|last| last.len() == 1) => *texts = self.last.remove(&hash).unwrap_or_default(),
                    Some(i) => texts.push(last.expect("found in it").swap_remove(i)),
                    None => texts.push((text.into(), V::default())),
                }
                texts.len() - 1
            }
        };
        &mut texts[at].1
    }

    /// Keeps the results that `holds` says still hold (it may drop some
    /// of those kept for one text), of the readings before and of this one.
    fn retain(&mut self, mut holds: impl FnMut(&mut V) -> bool) {
        for texts in self.last.values_mut().chain(self.this.values_mut()) {
            texts.retain_mut(|(_, v)| holds(v));
        }
    }

    /// The reading ended: what it did not ask for is forgotten. The next
    /// asks for about as many texts: room for them is made once.
    fn end(&mut self) {
        self.last = std::mem::take(&mut self.this);
        self.this.reserve(self.last.len());
    }

    #[cfg(test)]
    pub(super) fn kept(&self) -> Vec<&str> {
        self.last.values().flatten().map(|(t, _)| &**t).collect()
    }
}

/// See the module's documentation.
#[derive(Debug, Default)]
pub struct Memo {
    /// The people every commitment was found with.
    people: People,
    /// [`super::commitments::find_commitments`], by setting, with what it
    /// asked the people ([`People::recording`]).
    pub(super) commitments: Table<Vec<(Setting, Vec<(String, bool)>, Vec<Commitment>)>>,
    /// Where motions start in a block (`inline::motions`), once read.
    pub(super) motion_starts: Table<Option<Vec<usize>>>,
    /// The decisions written inside a block (`inline::decisions_in`), once read.
    pub(super) decisions: Table<Option<Vec<Decided>>>,
    /// The words of a block that read as short forms
    /// (`abbreviations::short_forms_in`), once read.
    pub(super) short_forms: Table<Option<Vec<ShortForm>>>,
    /// Whether a block opens or labels an action section
    /// (`actions::section_mark`), by the block's kind.
    pub(super) section_marks: Table<Vec<(BlockKind, Option<SectionMark>)>>,
}

impl Memo {
    /// A reading with `people` begins: commitments found with others are
    /// kept where these people answer what their reading asked as those
    /// did (an edit of the attendance changes the answers for a few
    /// names), and forgotten where not.
    pub(super) fn people(&mut self, people: &People) {
        if self.people != *people {
            self.commitments.retain(|found| {
                found.retain(|(_, asked, _)| people.answer(asked));
                !found.is_empty()
            });
            self.people = people.clone();
        }
    }

    /// The reading ended. One that did not (it panicked) leaves results
    /// that still hold: each is kept with what it was computed from.
    pub(super) fn end(&mut self) {
        self.commitments.end();
        self.motion_starts.end();
        self.decisions.end();
        self.short_forms.end();
        self.section_marks.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_of_one_hash_keep_their_own_results() {
        // the hash pads a text's last bytes with zeros: "abc" and "abc\0"
        // hash alike
        let (a, b) = ("abc", "abc\0");
        let hash = |t: &str| {
            let mut h = Fx::default();
            h.write(t.as_bytes());
            h.finish()
        };
        assert_eq!(hash(a), hash(b));
        let mut table: Table<usize> = Table::default();
        *table.entry(a) = 1;
        *table.entry(b) = 2;
        assert_eq!((*table.entry(a), *table.entry(b)), (1, 2));
        table.end();
        // kept from the reading before, each by its own text
        assert_eq!((*table.entry(b), *table.entry(a)), (2, 1));
        table.end();
        *table.entry(a) += 10;
        table.end();
        assert_eq!(table.kept(), [a], "a reading keeps only what it asked for");
        assert_eq!((*table.entry(a), *table.entry(b)), (11, 0));
    }
}
