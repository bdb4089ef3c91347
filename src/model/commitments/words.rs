//! Words of a sentence, with their byte ranges and what the lexicon says of
//! them: one pass over the text, no regular expression.

use crate::catalogue::lexicon::{self, Class, Classes, Inflection, Verb};
use std::ops::Range;

#[derive(Clone, Debug)]
pub(in crate::model) struct Word {
    /// The word without the punctuation around it.
    pub span: Range<usize>,
    pub lower: String,
    /// First letter upper case.
    pub capital: bool,
    /// Two or more letters, all upper case: initials or an abbreviation.
    pub caps: bool,
    /// Opened by "(" or "[".
    pub opens: bool,
    /// Punctuation that follows it and ends a clause: `,` `;` `:` `)` `.` or a dash.
    pub stop_after: Option<char>,
    pub verb: Option<Verb>,
    /// The closed classes of `lower`, looked up once.
    classes: Classes,
}

impl Word {
    pub fn is(&self, class: Class) -> bool {
        self.classes.has(class)
    }

    pub fn is_verb(&self, inflection: Inflection) -> bool {
        self.verb.is_some_and(|v| v.inflection == inflection)
    }

    /// A lemma of the given verb class: "agreed" is a commissive verb.
    pub fn verb_in(&self, class: Class) -> bool {
        self.verb.is_some_and(|v| lexicon::is(class, v.lemma))
    }

    pub fn lemma(&self) -> Option<&'static str> {
        self.verb.map(|v| v.lemma)
    }

    /// An adverb between a subject or a modal and its verb.
    pub fn is_adverb(&self) -> bool {
        // "-ly" words are adverbs but for adjectives such as "unlikely"
        self.is(Class::Adverb) || (self.lower.len() > 4 && self.lower.ends_with("ly") && !self.lower.ends_with("likely") && !self.capital && !lexicon::is_agent_noun(&self.lower))
    }
}

/// Splits `text[range]` into words; "I'll" is two words ("I", "'ll"),
/// "don't" two ("do", "n't").
pub(in crate::model) fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    first_words(text, range, usize::MAX)
}

/// The first `count` words of [`words`] (or all, when there are fewer),
/// for callers that look at the first few words of a long text: the words
/// of a whole 1 MB action section, read to look at its first eight, were a
/// thirtieth of an edit. Each word but the last is what [`words`] gives;
/// the last may yet lack its `stop_after` (set by a dash or punctuation
/// written apart after it), so a caller asks for one more than it reads.
pub(in crate::model) fn first_words(text: &str, range: Range<usize>, count: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = range.start;
    let end = range.end;
    while i < end && out.len() < count {
        let rest = &text[i..end];
        let Some(start_rel) = rest.find(|c: char| !c.is_whitespace()) else { break };
        let start = i + start_rel;
        let stop_rel = text[start..end].find(char::is_whitespace).unwrap_or(end - start);
        let raw_end = start + stop_rel;
        i = raw_end;
        let raw = &text[start..raw_end];
        if matches!(raw, "-" | "–" | "—" | "--" | "---") {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                last.stop_after.get_or_insert('–');
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(['(', '[', '"', '“', '‘', '\'', '*', '_']).len();
        let core = raw[lead..].trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '&' || c == '%'));
        if core.is_empty() {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                if raw.contains([',', ';', ':', '.', ')']) {
                    last.stop_after.get_or_insert(',');
                }
            }
            continue;
        }
        let core_start = start + lead;
        let trail = &raw[lead + core.len()..];
        let mut stop_after = trail.chars().find(|c| matches!(c, ',' | ';' | ':' | ')' | ']' | '.' | '!' | '?'));
        if stop_after == Some('.') && trail.starts_with('.') && is_abbreviation(core) {
            stop_after = None; // "Cllr.", "Cllrs.", "R."
        }
        let opens = raw[..lead].contains(['(', '[']);
        // contractions: the clitic is a word of its own
        let lower_core = core.to_lowercase();
        let clitic = ["'ll", "’ll", "n't", "n’t", "'d", "’d", "'ve", "’ve", "'re", "’re", "'m", "’m"]
            .into_iter()
            .find(|c| lower_core.ends_with(c) && lower_core.len() > c.len());
        match clitic {
            Some(c) => {
                let split = core.len() - c.len();
                let (host, tail) = (&core[..split], &core[split..]);
                let host = if c.starts_with('n') && host.eq_ignore_ascii_case("ca") { "can" } else if c.starts_with('n') && host.eq_ignore_ascii_case("wo") { "will" } else { host };
                out.push(make(host, host.to_lowercase(), core_start..core_start + split, opens, None));
                let tail_lower = match tail.to_lowercase().replace('’', "'").as_str() {
                    "'ll" => "will".to_string(),
                    "'d" => "would".to_string(),
                    "n't" => "not".to_string(),
                    "'ve" => "have".to_string(),
                    "'re" => "are".to_string(),
                    "'m" => "am".to_string(),
                    other => other.to_string(),
                };
                let mut w = make(&tail_lower, tail_lower.clone(), core_start + split..core_start + core.len(), false, stop_after);
                w.capital = false;
                out.push(w);
            }
            // the word lower-cased once, here
            None => out.push(make(core, lower_core, core_start..core_start + core.len(), opens, stop_after)),
        }
    }
    out
}

/// A word whose full stop marks an abbreviation, not the end of a clause.
pub(super) fn is_abbreviation(core: &str) -> bool {
    let lower = core.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    core.chars().count() == 1 || lexicon::is(Class::Abbreviation, &lower) || lexicon::is(Class::Title, &lower) || lexicon::is(Class::Title, singular)
}

/// The word `core`, written `lower` in lower case.
fn make(core: &str, lower: String, span: Range<usize>, opens: bool, stop_after: Option<char>) -> Word {
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let capital = core.chars().next().is_some_and(char::is_uppercase);
    let caps = letters >= 2 && core.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    // function words are not verbs ("to", "as", "up"), and neither is a word
    // in capitals that spells initials
    let classes = lexicon::classes(&lower);
    let closed = [Class::Determiner, Class::Preposition, Class::Subordinator, Class::Coordinator, Class::ModalFuture, Class::ModalObligation, Class::ModalPossibility]
        .into_iter()
        .any(|c| classes.has(c));
    let verb = if closed || (caps && letters <= 4) || !core.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’') {
        None
    } else {
        lexicon::verb(&lower)
    };
    Word { span, lower, capital, caps, opens, stop_after, verb, classes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_spans_and_punctuation() {
        let t = "The Clerk (pk401), I'll write – soon.";
        let w = words(t, 0..t.len());
        let lowers: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lowers, ["the", "clerk", "pk401", "i", "will", "write", "soon"]);
        assert!(w[2].opens && w[2].stop_after == Some(')'));
        assert_eq!(&t[w[1].span.clone()], "Clerk");
        assert_eq!(w[5].stop_after, Some('–'));
        assert_eq!(w[5].verb.unwrap().lemma, "write");
        assert!(w[0].verb.is_none());
        // the first words are those of the whole, the last asked for but one
        for count in 0..w.len() + 2 {
            let first = first_words(t, 0..t.len(), count);
            assert_eq!(first.len(), count.min(w.len()) + usize::from(count == 4), "{count}: a clitic gives two words");
            for (a, b) in first.iter().zip(&w).take(count.saturating_sub(1)) {
                assert_eq!(format!("{a:?}"), format!("{b:?}"));
            }
        }
    }
}
