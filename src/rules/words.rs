//! Where a few words are written in a text, each as a whole word: a run of
//! letters and digits, as `split(|c| !c.is_alphanumeric())` cuts the text.
//! One pass for all of them (aho-corasick): a table of every word of the
//! text, which M102 and M201 each built before, hashed every word of a long
//! document on every check to look up a few.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

/// The offsets where each word asked for is written, in text order.
pub(super) struct Written {
    at: HashMap<String, Vec<usize>>,
}

impl Written {
    pub(super) fn find<'w>(text: &str, words: impl IntoIterator<Item = &'w str>) -> Written {
        // a word with other characters is never written as a whole word
        let mut words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric)).collect();
        words.sort_unstable();
        words.dedup();
        let mut at: HashMap<String, Vec<usize>> = words.iter().map(|w| (w.to_string(), Vec::new())).collect();
        if words.is_empty() {
            return Written { at };
        }
        // the longest word at the leftmost start: every word is letters and
        // digits, so a shorter one at the same start, or one starting inside
        // the match, is part of a longer run and no whole word
        match AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&words) {
            Ok(ac) => {
                let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                for m in ac.find_iter(text) {
                    if !letter(text[..m.start()].chars().next_back()) && !letter(text[m.end()..].chars().next()) {
                        at.get_mut(words[m.pattern().as_usize()]).expect("every word has an entry").push(m.start());
                    }
                }
            }
            // too many words for an automaton: every word of the text looked up
            Err(_) => by_runs(text, &mut at),
        }
        Written { at }
    }

    /// Where `word` is written, in text order (nothing for a word not asked for).
    pub(super) fn at(&self, word: &str) -> &[usize] {
        self.at.get(word).map_or(&[], Vec::as_slice)
    }
}

/// `text.to_lowercase()`, sooner: the standard one maps every character
/// one by one after the first that is not ASCII (in minutes, the first
/// curly quote), which cost M102 a twentieth of an edit of a 1 MB
/// document; here runs of ASCII are copied and lowered in one step. Only
/// 'Σ' is lowered by what surrounds it, so a text that holds one is left
/// to the standard one.
pub(super) fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            out.extend(c.to_lowercase());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// [`Written::find`] word by word of the text.
fn by_runs(text: &str, at: &mut HashMap<String, Vec<usize>>) {
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if let Some(v) = at.get_mut(w) {
            v.push(w.as_ptr() as usize - text.as_ptr() as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_as_the_text_cuts_them() {
        let text = "The FFD met. FFDs and the ffd; MASH-FFD, é FFDé 2FFD FFD";
        let asked = ["FFD", "ffd", "MASH", "é", "FF", "F.D", "", "FFDs", "FFDé", "2FFD", "FFDé2"];
        let found = Written::find(text, asked);
        let mut each: HashMap<String, Vec<usize>> = asked.iter().filter(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric)).map(|w| (w.to_string(), Vec::new())).collect();
        by_runs(text, &mut each);
        for w in asked {
            assert_eq!(found.at(w), each.get(w).map_or(&[][..], Vec::as_slice), "{w}");
        }
        assert_eq!(found.at("FFD"), [4, 36, 55]);
        assert_eq!(found.at("F.D"), [] as [usize; 0]);
    }

    #[test]
    fn lowercase_is_the_standard_ones() {
        for text in ["", "The HEAD of Finance", "The Director’s ÉCOLE · İstanbul K Ⅻ 😀 ǅ", "ΟΔΟΣ ΟΔΟΣ. Σ", "ß ẞ ＡＢＣ\r\nABC"] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }
}
