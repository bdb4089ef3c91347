//! Abbreviations: reading the long form of `Long Form (SHORT)` back from the
//! words before the bracket, finding every use, and finding a long form
//! written elsewhere without its abbreviation.

use super::*;

/// Words allowed inside a long form without counting towards the initials.
fn is_joining_word(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "for" | "with" | "in" | "on" | "to" | "&" | "at" | "by")
}

/// The capitals of a short form: "DoE" → [D, E], "O&S" → [O, S].
fn initials(short: &str) -> Vec<char> {
    short.chars().filter(|c| c.is_uppercase()).collect()
}

fn words_with_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

fn strip_punct(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

/// For `Director of Children’s Services (DCS)`: the span of the words
/// before `paren` whose capitals spell `short`, read backwards.
pub(super) fn long_form_before(text: &str, block_start: usize, paren: usize, short: &str) -> Option<Span> {
    let want = initials(short);
    if want.len() < 2 {
        return None;
    }
    let from = block_start.max(paren.saturating_sub(300));
    let mut from = from;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..paren];
    let words = words_with_offsets(before);
    let mut need = want.len();
    let mut first = None;
    let end = words.last().map(|(o, w)| from + o + w.len())?;
    for (o, w) in words.iter().rev() {
        let bare = strip_punct(w);
        if bare.is_empty() {
            return None;
        }
        let c = bare.chars().next()?;
        if c.is_uppercase() {
            if c != want[need - 1] {
                return None;
            }
            need -= 1;
            first = Some(from + o);
            if need == 0 {
                break;
            }
        } else if !(is_joining_word(bare) && first.is_some()) {
            return None;
        }
    }
    if need > 0 {
        return None;
    }
    let start = first?;
    Some(start..end.min(paren))
}

/// Initials in an attendance list: "MW", "AWa", "JB".
pub(super) fn looks_like_initials(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n)
        && s.chars().all(|c| c.is_alphabetic())
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// Capitalised words that are emphasis or keywords, not abbreviations.
const NOT_ABBREVIATIONS: &[&str] = &[
    "RESOLVED", "AGREED", "APPROVED", "NOTED", "ACTION", "ACTIONS", "DECISION", "DECISIONS",
    "RECOMMENDED", "NOT", "ALL", "AND", "THE", "FOR", "ANY", "NO", "YES", "DRAFT", "NB", "OR",
    "MINUTES", "AGENDA", "ITEM", "NOW", "THEREFORE", "BE", "IT", "WHEREAS", "FURTHER", "COMPLETE",
    "TO", "OF", "IN", "ON", "AT", "BY", "IS", "WAS", "WE", "AM", "PM", "THAT",
];

fn is_roman(w: &str) -> bool {
    w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// Normalises a written abbreviation to its short form: "PIs" → "PI",
/// "YA’s" → "YA". Returns `None` when the word is not an abbreviation.
pub(crate) fn short_form_of(word: &str) -> Option<String> {
    let w = word.trim_end_matches(['’', '\'']);
    let w = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
    let first = w.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let lower = w.chars().filter(|c| c.is_lowercase()).count();
    if upper < 2 || w.chars().count() > 10 {
        return None;
    }
    // a plural: "PIs", "PMCs"
    let w = if w.ends_with('s') && lower == 1 && upper >= 2 { &w[..w.len() - 1] } else { w };
    let lower = w.chars().filter(|c| c.is_lowercase()).count();
    if lower * 2 > upper {
        return None; // "McDonald"
    }
    if !w.chars().all(|c| c.is_alphanumeric() || c == '&') || w.ends_with('&') {
        return None;
    }
    if NOT_ABBREVIATIONS.contains(&w) || (is_roman(w) && w.len() <= 4) {
        return None;
    }
    Some(w.to_string())
}

fn is_caps_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !w.chars().any(char::is_lowercase)
}

/// Every use of an abbreviation in the prose blocks. Words inside a run of
/// capitals ("PUBLIC FORUM", "MATTERS ARISING") are headings, not uses.
fn find_uses(text: &str, doc: &Document) -> Vec<AbbreviationUse> {
    let mut uses = Vec::new();
    let mut definition_spans: Vec<Span> = doc.abbreviations.iter().map(|a| a.span.clone()).collect();
    definition_spans.sort_by_key(|s| s.start);
    for block in &doc.blocks {
        if matches!(block.kind, BlockKind::Heading | BlockKind::Attendance) {
            continue;
        }
        let body = &text[block.text.clone()];
        let words: Vec<(usize, &str)> = words_with_offsets(body)
            .into_iter()
            .map(|(o, w)| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '’' && c != '\'');
                let bare = bare.trim_start_matches(['’', '\'']);
                let lead = w.find(bare).unwrap_or(0);
                (o + lead, bare)
            })
            .collect();
        for (i, (o, w)) in words.iter().enumerate() {
            let Some(short) = short_form_of(w) else { continue };
            let caps_neighbour = |j: Option<usize>| {
                j.and_then(|j| words.get(j)).is_some_and(|(_, n)| is_caps_word(n) && short_form_of(n).is_none_or(|s| s.len() >= 3) && n.len() >= 3)
            };
            if is_caps_word(w) && (caps_neighbour(i.checked_sub(1)) || caps_neighbour(Some(i + 1))) {
                continue;
            }
            let start = block.text.start + o;
            let span = start..start + w.len();
            // a definition's own short form is not a use
            let i = definition_spans.partition_point(|d| d.start <= span.start);
            if i > 0 && span.end <= definition_spans[i - 1].end {
                continue;
            }
            uses.push(AbbreviationUse { short, span });
        }
    }
    uses
}

/// The words of a text, read once, for finding long forms of abbreviations
/// ("Family Front Door" for FFD) without rescanning the text per
/// abbreviation.
pub struct LongForms<'t> {
    words: Vec<(usize, &'t str)>,
    /// Indexes of the words that start with each capital letter.
    by_initial: std::collections::HashMap<char, Vec<usize>>,
}

impl<'t> LongForms<'t> {
    pub fn new(text: &'t str) -> Self {
        let words = words_with_offsets(text);
        let mut by_initial: std::collections::HashMap<char, Vec<usize>> = std::collections::HashMap::new();
        for (i, (_, w)) in words.iter().enumerate() {
            if let Some(c) = strip_punct(w).chars().next().filter(|c| c.is_uppercase()) {
                by_initial.entry(c).or_default().push(i);
            }
        }
        LongForms { words, by_initial }
    }

    /// Where `short`'s long form is written: capitalised words whose
    /// initials spell it, with "of", "and", "the"… allowed inside.
    pub fn find(&self, short: &str) -> Option<Span> {
        let want = initials(short);
        if want.len() < 2 {
            return None;
        }
        let words = &self.words;
        'start: for &i in self.by_initial.get(&want[0])? {
            let mut k = 0;
            let mut j = i;
            let mut end = 0;
            while j < words.len() && k < want.len() {
                let bare = strip_punct(words[j].1);
                let Some(c) = bare.chars().next() else { continue 'start };
                if c.is_uppercase() {
                    if c != want[k] || bare.chars().filter(|c| c.is_uppercase()).count() > 1 {
                        continue 'start;
                    }
                    k += 1;
                    end = words[j].0 + words[j].1.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                } else if !(k > 0 && is_joining_word(bare)) {
                    continue 'start;
                }
                // a long form does not run across a sentence
                if k < want.len() && words[j].1.ends_with(['.', ',', ';', ':']) {
                    continue 'start;
                }
                j += 1;
            }
            if k == want.len() {
                let first = words[i].1;
                let lead = first.len() - first.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                return Some(words[i].0 + lead..end);
            }
        }
        None
    }
}

/// Where `short`'s long form is written in `text`, without the short form.
pub fn find_long_form(text: &str, short: &str) -> Option<Span> {
    LongForms::new(text).find(short)
}

pub(super) fn analyse(text: &str, doc: &mut Document) {
    doc.abbreviation_uses = find_uses(text, doc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_long_forms_back_from_the_initials() {
        let t = "The Director of Children’s Services (DCS) presented";
        let p = t.find('(').unwrap();
        assert_eq!(&t[long_form_before(t, 0, p, "DCS").unwrap()], "Director of Children’s Services");
        let t = "the Children and Families Overview and Scrutiny (O&S) Panel";
        let p = t.find('(').unwrap();
        assert_eq!(&t[long_form_before(t, 0, p, "O&S").unwrap()], "Overview and Scrutiny");
        let t = "The Director of Education (DoE) explained";
        let p = t.find('(').unwrap();
        assert_eq!(&t[long_form_before(t, 0, p, "DoE").unwrap()], "Director of Education");
        let t = "an unrelated phrase (XYZ)";
        assert_eq!(long_form_before(t, 0, t.find('(').unwrap(), "XYZ"), None);
    }

    #[test]
    fn normalises_plurals_and_possessives() {
        assert_eq!(short_form_of("PIs").as_deref(), Some("PI"));
        assert_eq!(short_form_of("YA’s").as_deref(), Some("YA"));
        assert_eq!(short_form_of("O&S").as_deref(), Some("O&S"));
        assert_eq!(short_form_of("DoE").as_deref(), Some("DoE"));
        assert_eq!(short_form_of("Ofsted"), None);
        assert_eq!(short_form_of("McDonald"), None);
        assert_eq!(short_form_of("RESOLVED"), None);
        assert_eq!(short_form_of("IV"), None);
    }

    #[test]
    fn finds_a_long_form_written_without_its_abbreviation() {
        let t = "contacts received at the Family Front Door had gone up";
        assert_eq!(&t[find_long_form(t, "FFD").unwrap()], "Family Front Door");
        assert_eq!(find_long_form("the front door", "FFD"), None);
    }
}
