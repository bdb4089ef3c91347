//! The one sentence splitter of the model: prose blocks into sentences, with
//! exact byte ranges. Commitment detection, inline decisions and the task of
//! an inline action marker all read sentences through it.
//!
//! A full stop ends a sentence unless it ends an abbreviation (`Cllr.`,
//! `e.g.`, `p.m.`), an initial (`R. Crisp`), a list marker (`iv.`, `12.`) or
//! a decimal; a line that starts a list item (`•`, `a)`, `1.2`) or a label
//! (`Update:`) starts a sentence too.

use super::Span;
use crate::catalogue::lexicon::{self, Class};

/// A sentence of a block: its span, and where its body starts after any list
/// marker or label (`Resolved: (1)`, `ACTIONS:`, `Update:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub body: usize,
}

const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"];

/// The sentences of `text`, in order; blank stretches and runs of
/// punctuation are not sentences.
pub fn split(text: &str) -> Vec<Sentence> {
    let (raw, _) = scan(text);
    sentences_of(text, raw)
}

/// The stretches of `text` between the splitter's cuts, and the cuts: the
/// positions where the scan starts afresh (`cur`), the first being 0.
/// Nothing before a cut is read again, so scanning `text[cut..]` finds
/// the same stretches after it.
fn scan(text: &str) -> (Vec<(usize, usize)>, Vec<usize>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut cur = 0usize;
    let mut i = 0usize;
    while i < n {
        let b = bytes[i];
        if b == b'\n' {
            let k = skip_space(text, i + 1);
            // a Markdown hard line break ("See the slides\\" over "Shelly
            // asked …") ends what the line says
            if i > cur && bytes[i - 1] == b'\\' && k < n && !text[cur..i - 1].trim().is_empty() {
                raw.push((cur, i - 1));
                cur = k;
                i = k;
                continue;
            }
            if k < n && k > cur && text[cur..i].trim().len() > 0 && starts_line_unit(&text[k..]) {
                raw.push((cur, i));
                cur = k;
                i = k;
                continue;
            }
        }
        if b == b'.' || b == b'!' || b == b'?' {
            let mut j = i + 1;
            while j < n && matches!(bytes[j], b')' | b'"' | b'\'') {
                j += 1;
            }
            for close in ['’', '”'] {
                if text[j..].starts_with(close) {
                    j += close.len_utf8();
                }
            }
            let at_space = j >= n || text[j..].starts_with(char::is_whitespace);
            if at_space {
                let k = skip_space(text, j);
                let next = text[k..].chars().next();
                let starts = match next {
                    None => true,
                    // "… to buy. £300 was spent", "… noted. #42 is merged": a sum or a reference opens a sentence too
                    Some(c) => c.is_uppercase() || c.is_ascii_digit() || "•·(\"“‘'*-–@[£$€#".contains(c),
                };
                if starts && (b != b'.' || period_ends_sentence(text, cur, i)) {
                    raw.push((cur, j.min(n)));
                    cur = k;
                    i = k;
                    continue;
                }
            }
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        if (ch == '•' || ch == '·') && i > cur && !text[cur..i].trim().is_empty() {
            raw.push((cur, i));
            cur = i;
        }
        i += ch.len_utf8();
    }
    raw.push((cur, n));
    let cuts = raw.iter().map(|r| r.0).collect();
    (raw, cuts)
}

fn sentences_of(text: &str, raw: Vec<(usize, usize)>) -> Vec<Sentence> {
    raw.into_iter()
        .filter_map(|(a, b)| {
            let (a, b) = trim(text, a, b);
            if b <= a || !text[a..b].chars().any(char::is_alphanumeric) {
                return None;
            }
            Some(Sentence { span: a..b, body: body_start(text, a, b) })
        })
        .collect()
}

/// The sentences of one text, split once and then looked up: a block with
/// many markers asks for the sentence around (or before) each, and
/// splitting the whole block for each made a long block quadratic.
pub struct Sentences<'t> {
    text: &'t str,
    all: Vec<Sentence>,
    cuts: Vec<usize>,
}

/// How far past a cut the splitter may look to decide it (a label is read
/// up to 80 bytes ahead): a cut this far before the end of a prefix is a
/// cut of the prefix too.
const LOOKAHEAD: usize = 128;

impl<'t> Sentences<'t> {
    pub fn new(text: &'t str) -> Sentences<'t> {
        let (raw, cuts) = scan(text);
        Sentences { text, all: sentences_of(text, raw), cuts }
    }

    /// The sentence holding byte `at`, or else the last one starting
    /// before it (the whole text if none does).
    pub fn around(&self, at: usize) -> Span {
        let after = self.all.partition_point(|s| s.span.start <= at);
        after.checked_sub(1).map_or(0..self.text.len(), |i| self.all[i].span.clone())
    }

    /// The last sentence of `text[..end]`, as `last` finds it, splitting
    /// only from a cut safely before `end`.
    pub fn last_before(&self, end: usize) -> Span {
        let from = self.cuts.partition_point(|&c| c + LOOKAHEAD <= end).checked_sub(1).map_or(0, |i| self.cuts[i]);
        match split(&self.text[from..end]).pop() {
            Some(s) => from + s.span.start..from + s.span.end,
            // the sentences before the cut are the prefix's own
            None => self.all.iter().rev().find(|s| s.span.start < from).map_or(0..0, |s| s.span.clone()),
        }
    }
}

/// The sentence of `text` holding byte `at` (the whole text if none does).
pub fn around(text: &str, at: usize) -> Span {
    Sentences::new(text).around(at)
}

/// The last sentence of `text` (the one that ends where an inline action
/// marker follows it).
pub fn last(text: &str) -> Span {
    split(text).pop().map(|s| s.span).unwrap_or(0..0)
}

fn skip_space(text: &str, mut k: usize) -> usize {
    while let Some(c) = text[k..].chars().next().filter(|c| c.is_whitespace()) {
        k += c.len_utf8();
    }
    k
}

fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let a2 = a + (s.len() - s.trim_start().len());
    let b2 = b - (s.len() - s.trim_end().len());
    (a2, b2.max(a2))
}

fn period_ends_sentence(text: &str, cur: usize, dot: usize) -> bool {
    let before = &text[cur..dot];
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return true;
    }
    let lw = word.to_lowercase();
    if lexicon::is(Class::Abbreviation, &lw) || lexicon::is(Class::Title, &lw) {
        return false;
    }
    let is_first = before.trim_start().len() == word.len();
    let mut chars = word.chars();
    let (first, second) = (chars.next(), chars.next());
    if first.is_some_and(char::is_alphabetic) && second.is_none() {
        return false; // an initial, "R. Crisp", or a list letter "a."
    }
    if is_first && (ROMAN.contains(&lw.as_str()) || (word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()))) {
        return false; // a list marker "iv." / "12."
    }
    if word.contains('.') && word.split('.').all(|p| p.len() <= 2 && p.chars().all(char::is_alphabetic)) {
        return false; // "p.m", "e.g"
    }
    true
}

/// A line that starts a unit of its own: a list marker, a table row, or a
/// `Label:` with nothing but a few capitalised words before the colon.
fn starts_line_unit(s: &str) -> bool {
    let (marker, _) = list_marker(s);
    marker > 0 || s.starts_with('|') || label_end(s).is_some() || chat_prefix(s).is_some()
}

/// A line of a chat log: "13:11 <+bla> text", "[13:14] <alice> text",
/// "<@alice> text". Returns where the text starts and the speaker's nick
/// (without the "+" or "@" of their channel mode). A nick in angle
/// brackets with neither a time nor a mode before it ("<br> text") is as
/// likely an HTML tag left in the text: not read as one.
pub fn chat_prefix(s: &str) -> Option<(usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    // the time: "13:11", "13:11:05", "[13:11]"
    let bracket = b.first() == Some(&b'[');
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let t = i + usize::from(bracket);
    let h = digits(t);
    if (1..=2).contains(&h) && b.get(t + h) == Some(&b':') && digits(t + h + 1) == 2 {
        i = t + h + 3;
        if b.get(i) == Some(&b':') && digits(i + 1) == 2 {
            i += 3;
        }
        if bracket {
            if b.get(i) != Some(&b']') {
                return None;
            }
            i += 1;
        }
        while b.get(i) == Some(&b' ') || b.get(i) == Some(&b'\t') {
            i += 1;
        }
    }
    let timed = i > 0;
    if b.get(i) != Some(&b'<') {
        return None;
    }
    let close = i + s[i..].find('>')?;
    let nick = s[i + 1..close].trim_start_matches([' ', '+', '@', '%', '&', '~']);
    if !timed && nick.len() + 1 == close - i {
        return None;
    }
    let is_nick = !nick.is_empty() && nick.len() <= 32 && nick.bytes().all(|c| c.is_ascii_alphanumeric() || b"_-|^`[]{}\\.".contains(&c));
    let after = &s[close + 1..];
    (is_nick && after.starts_with([' ', '\t'])).then(|| (close + 1 + (after.len() - after.trim_start().len()), nick))
}

/// The length of a list marker at the start of `s` and of the space after it.
fn list_marker(s: &str) -> (usize, usize) {
    let mut it = s.char_indices();
    let Some((_, c)) = it.next() else { return (0, 0) };
    let marker_end = if "•·*‣◦▪●○■□➢➤►–-".contains(c) {
        c.len_utf8()
    } else {
        // "(a)", "a)", "iv.", "12.", "1.2", "26/19", "(1)"
        let open = usize::from(c == '(');
        let rest = &s[open..];
        let token_len = rest.find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '.' || ch == '/')).unwrap_or(rest.len());
        let token = &rest[..token_len];
        let close = rest[token_len..].starts_with(')');
        let numbered = !token.is_empty()
            && token.len() <= 9
            && (token.chars().all(|ch| ch.is_ascii_digit() || ch == '.' || ch == '/') && token.chars().next().is_some_and(|c| c.is_ascii_digit())
                || (token.trim_end_matches('.').len() == 1 && (token.ends_with('.') || close))
                || (ROMAN.contains(&token.trim_end_matches('.').to_lowercase().as_str()) && (token.ends_with('.') || close)));
        if !numbered || (!close && !token.ends_with('.') && !token.contains(['.', '/'])) {
            return (0, 0);
        }
        open + token_len + usize::from(close)
    };
    let after = &s[marker_end..];
    if !after.starts_with(char::is_whitespace) {
        return (0, 0);
    }
    (marker_end, after.len() - after.trim_start().len())
}

/// The end of a `Label:` at the start of `s`: up to six words, the first
/// capitalised, none ending a sentence, then a colon and a space.
fn label_end(s: &str) -> Option<usize> {
    let mut limit = s.len().min(80);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let colon = s[..limit].find(':')?;
    let head = &s[..colon];
    let after = &s[colon + 1..];
    if head.is_empty() || !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    let first_capital = head.chars().next().is_some_and(|c| c.is_uppercase() || c == '@' || c == '*');
    (first_capital && !words.is_empty() && words.len() <= 6 && !head.contains(['.', ';', '!', '?'])).then_some(colon + 1)
}

/// Where the body of a sentence starts after list markers and labels,
/// peeled repeatedly: "Resolved: (1) That …", "1) Action: The …".
fn body_start(text: &str, a: usize, b: usize) -> usize {
    let mut at = a;
    for _ in 0..6 {
        let s = &text[at..b];
        let (m, space) = list_marker(s);
        let step = if m > 0 {
            m + space
        } else if let Some((text_start, _)) = chat_prefix(s) {
            text_start
        } else if let Some(end) = label_end(s) {
            let rest = &s[end..];
            end + (rest.len() - rest.trim_start().len())
        } else {
            break;
        };
        if at + step >= b {
            break;
        }
        at += step;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| &t[s.span]).collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        let t = "Cllr. A. Jenkinson said Footpath No. 6 was open until 7 p.m. on weekdays, e.g. in summer, at 2.5 units. The Clerk agreed to write.";
        assert_eq!(texts(t), ["Cllr. A. Jenkinson said Footpath No. 6 was open until 7 p.m. on weekdays, e.g. in summer, at 2.5 units.", "The Clerk agreed to write."]);
    }

    #[test]
    fn list_lines_and_labels_start_sentences() {
        let t = "Actions agreed\n• Clerk to write\n• KL to call\nUpdate: done";
        assert_eq!(texts(t), ["Actions agreed", "• Clerk to write", "• KL to call", "Update: done"]);
        let s = split("Resolved: (1) That HR contact the owner.");
        assert_eq!(&"Resolved: (1) That HR contact the owner."[s[0].body..], "That HR contact the owner.");
        let s = split("iv. The bench to be added.");
        assert_eq!(&"iv. The bench to be added."[s[0].body..], "The bench to be added.");
    }

    #[test]
    fn a_markdown_hard_break_ends_a_sentence() {
        assert_eq!(texts("See Steve's slides\\\nShelly asked about the dashboard\\\nboth will be supported."), ["See Steve's slides", "Shelly asked about the dashboard", "both will be supported."]);
    }

    #[test]
    fn a_sum_or_a_reference_after_a_stop_starts_a_sentence() {
        assert_eq!(texts("The Clerk agreed to buy. £300 was spent."), ["The Clerk agreed to buy.", "£300 was spent."]);
        assert_eq!(texts("To buy. £It had been AGREED."), ["To buy.", "£It had been AGREED."]);
        assert_eq!(texts("Reviewed. #42 is merged."), ["Reviewed.", "#42 is merged."]);
    }

    #[test]
    fn lower_case_continues_a_sentence() {
        assert_eq!(texts("It rained, e.g. on Monday. and then stopped"), ["It rained, e.g. on Monday. and then stopped"]);
    }

    #[test]
    fn around_and_last() {
        let t = "First one. This was AGREED. Third.";
        assert_eq!(&t[around(t, t.find("AGREED").unwrap())], "This was AGREED.");
        let u = "First one. Then the second";
        assert_eq!(&u[last(u)], "Then the second");
    }

    #[test]
    fn the_index_finds_what_splitting_each_time_finds() {
        let t = "Present: Ann (Clerk)\n\nCllr. A. Jones said it. (Action – Ann) e.g. on Monday. and then\n• one item\nUpdate: done. x. ... . 😀 The end. ";
        let t = t.repeat(8);
        let index = Sentences::new(&t);
        for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            assert_eq!(index.around(at.min(t.len().saturating_sub(1))), around(&t, at.min(t.len().saturating_sub(1))), "around {at}");
            assert_eq!(index.last_before(at), last(&t[..at]), "last before {at}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        for s in ["", ".", " . ", "((", "日本語。", "\u{a0}\u{a0}.", "a)", "1.", "•", "x\n• \n:"] {
            for sentence in split(s) {
                assert!(s.is_char_boundary(sentence.span.start) && s.is_char_boundary(sentence.span.end));
                assert!(sentence.span.start <= sentence.body && sentence.body <= sentence.span.end);
            }
        }
    }
}
