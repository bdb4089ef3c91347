//! Abbreviations: reading the long form of `Long Form (SHORT)` back from the
//! words before the bracket, finding every use, and finding a long form
//! written elsewhere without its abbreviation.

use std::collections::HashMap;

use super::*;

/// Words allowed inside a long form without counting towards the initials.
fn is_joining_word(w: &str) -> bool {
    matches!(w, "of" | "and" | "the" | "for" | "with" | "in" | "on" | "to" | "&" | "at" | "by")
}

/// What a short form spells: its capitals and its numbers. "DoE" → [D, E],
/// "O&S" → [O, S], "TC3" → [T, C, 3].
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Letter(char),
    Number(String),
}

fn pieces(short: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut number = String::new();
    for c in short.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            out.push(Piece::Number(std::mem::take(&mut number)));
        }
        if c.is_uppercase() {
            out.push(Piece::Letter(c));
        }
    }
    if !number.is_empty() {
        out.push(Piece::Number(number));
    }
    out
}

/// What one word of a long form may spell: "Children’s" → [C];
/// "Multi-Agency" → [M, A] or [M]; "3" → [3]; a joining word nothing.
/// `None` for a word that cannot be part of a long form.
fn spells(word: &str) -> Option<Vec<Vec<Piece>>> {
    let bare = strip_punct(word);
    let first = bare.chars().next()?;
    if bare.chars().all(|c| c.is_ascii_digit()) {
        return Some(vec![vec![Piece::Number(bare.to_string())]]);
    }
    if first.is_uppercase() {
        let parts: Vec<Piece> = bare
            .split('-')
            .filter_map(|p| p.chars().next())
            .filter(|c| c.is_uppercase())
            .map(Piece::Letter)
            .collect();
        let mut options = vec![vec![Piece::Letter(first)]];
        if parts.len() > 1 {
            options.insert(0, parts);
        }
        // a word may give more than its initial: "Commission" gives "CO"
        // in "Local Agency Formation Commission (LAFCO)"
        let mut letters = bare.chars().take_while(|c| c.is_alphabetic());
        letters.next();
        let mut spelt = vec![Piece::Letter(first)];
        for c in letters.take(2) {
            spelt.push(Piece::Letter(c.to_uppercase().next().unwrap_or(c)));
            options.push(spelt.clone());
        }
        return Some(options);
    }
    is_joining_word(bare).then(|| vec![Vec::new()])
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
/// before `paren` that spell `short`, read backwards. Joining words ("of",
/// "and", "&"), numbers the short form holds (`Test Compose 3 (TC3)`) and
/// hyphenated words (`Multi-Agency`) are read as a reader reads them.
pub(super) fn long_form_before(text: &str, block_start: usize, paren: usize, short: &str) -> Option<Span> {
    let want = pieces(short);
    if want.iter().filter(|p| matches!(p, Piece::Letter(_))).count() < 2 {
        return None;
    }
    let mut from = block_start.max(paren.saturating_sub(300));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..paren];
    let words = words_with_offsets(before);
    let end = words.last().map(|(o, w)| from + o + w.len())?;
    if let Some(first) = match_backwards(&words, words.len(), &want) {
        return Some(from + words[first].0..end.min(paren));
    }
    // one extra word closing the long form: "… Policies Document (SADMP)"
    let (last_at, last) = *words.last()?;
    if !strip_punct(last).starts_with(char::is_uppercase) {
        return None;
    }
    let shorter = &words[..words.len() - 1];
    if let Some(first) = match_backwards(shorter, shorter.len(), &want) {
        return Some(from + words[first].0..from + last_at + last.len());
    }
    person_before(&words, &want).map(|first| from + words[first].0..end.min(paren))
}

/// For `Eric Rescorla (EKR)`: a person's name, two or three words in title
/// case, that starts with the first initial and ends with the last, the
/// initials between standing for names the text leaves out. The index of
/// its first word.
fn person_before(words: &[(usize, &str)], want: &[Piece]) -> Option<usize> {
    let (Some(Piece::Letter(first)), Some(Piece::Letter(last))) = (want.first(), want.last()) else { return None };
    if !(2..=4).contains(&want.len()) {
        return None;
    }
    let title_case = |w: &str| {
        let mut c = strip_punct(w).chars();
        c.next().is_some_and(char::is_uppercase) && c.all(|c| c.is_lowercase() || c == '-' || c == '’' || c == '\'')
    };
    let (_, surname) = words.last()?;
    if !title_case(surname) || !strip_punct(surname).starts_with(*last) {
        return None;
    }
    (2..=3.min(words.len())).map(|n| words.len() - n).find(|&at| {
        let name = &words[at..];
        strip_punct(name[0].1).starts_with(*first) && name.iter().all(|(_, w)| title_case(w) || is_initial(w))
    })
}

/// A middle initial: "A." in "Matthew A. Miller".
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.as_str() == "."
}

/// The index of the first word when `words[..upto]` end by spelling
/// `want`; a joining word cannot end the long form, nor start it.
fn match_backwards(words: &[(usize, &str)], upto: usize, want: &[Piece]) -> Option<usize> {
    if want.is_empty() {
        return None;
    }
    let i = upto.checked_sub(1)?;
    for option in spells(words[i].1)? {
        if option.is_empty() {
            // a joining word, inside the long form only
            if upto == words.len() {
                return None;
            }
            if let Some(start) = match_backwards(words, i, want) {
                return Some(start);
            }
            continue;
        }
        if want.ends_with(&option) {
            let rest = &want[..want.len() - option.len()];
            if rest.is_empty() {
                return Some(i);
            }
            if let Some(start) = match_backwards(words, i, rest) {
                return Some(start);
            }
        }
    }
    None
}

/// Initials in an attendance list: "MW", "AWa", "JB".
pub(super) fn looks_like_initials(s: &str) -> bool {
    let n = s.chars().count();
    (2..=4).contains(&n)
        && s.chars().all(|c| c.is_alphabetic())
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// An attendee written by initials alone: "TC", "JMW".
pub(super) fn is_initials_name(name: &str) -> bool {
    looks_like_initials(name) && !name.chars().any(char::is_lowercase)
}

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
    // a word with a lower-case run is a name: "WebRTC", "PyCon", "JMeter"
    let lower_run = w.chars().zip(w.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_lowercase());
    // a code: a path, road, unit or document number ("FP5", "A134", "LAIS1389")
    let code = w.ends_with(|c: char| c.is_ascii_digit());
    if lower_run || code {
        return None;
    }
    let calendar = crate::catalogue::month_number(w).is_some() || crate::catalogue::weekday_number(w).is_some();
    if crate::catalogue::is_emphasis(w) || calendar || (is_roman(w) && w.len() <= 4) {
        return None;
    }
    Some(w.to_string())
}

fn is_caps_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !w.chars().any(char::is_lowercase)
}

/// The byte range of the line of `text` around `at`.
fn line_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// A row of a table: cells set apart by TABs, pipes or runs of spaces (a
/// list marker set off by a TAB is not a cell), or a flattened list of
/// payments (three amounts of money or more).
fn is_table_row(line: &str) -> bool {
    let body = line.trim();
    let mut cells: Vec<&str> = body.split(['\t', '|']).flat_map(|c| c.split("   ")).map(str::trim).filter(|c| !c.is_empty()).collect();
    if cells.first().is_some_and(|c| c.chars().count() <= 4) {
        cells.remove(0);
    }
    let money = body.matches(['£', '$', '€']).count();
    cells.len() >= 2 || body.starts_with('|') || money >= 3
}

/// A line written in capitals (a heading, a title, a column of a table):
/// most of its words, and at least two, are in capitals.
fn is_capitals_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let caps = words.iter().filter(|w| is_caps_word(w)).count();
    caps >= 2 && caps * 4 >= words.len() * 3
}

/// Whether the use at `at..end` of `text` is inside a name or a label
/// rather than running prose: initials joined by `&` before a word in
/// title case ("K&M Lighting Services": a firm), alone in square brackets
/// (`[ ACE ]`, a project tag; not a Markdown link `[BAVS](…)`), or a
/// reference number.
fn in_name_or_tag(text: &str, at: usize, end: usize) -> bool {
    let after = &text[end..];
    let next = after.strip_prefix([' ', '\u{a0}']).and_then(|r| r.split_whitespace().next()).unwrap_or("");
    let title_case = {
        let mut c = next.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
    };
    // only blanks between the word and its brackets (read locally: a long
    // line holds many uses)
    let open = text[..at].trim_end_matches([' ', '\t', '\u{a0}']).ends_with('[');
    let close = after.trim_start_matches([' ', '\t', '\u{a0}']);
    let tag = open
        && close.starts_with(']')
        && !close[1..].starts_with('(');
    // a reference number: a bill, a site or a form ("SB 360", "MIN 32")
    let reference = after.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    (title_case && text[at..end].contains('&')) || tag || reference
}

/// Every use of an abbreviation in the prose blocks. Words inside a run of
/// capitals ("PUBLIC FORUM", "MATTERS ARISING") are headings, not uses.
/// A use that is not running prose (a table row, a line in capitals, part
/// of a name) is kept, marked `prose: false`.
fn find_uses(text: &str, doc: &Document, mut memo: Option<&mut Memo>) -> Vec<AbbreviationUse> {
    let mut uses = Vec::new();
    let mut definition_spans: Vec<Span> = doc.abbreviations.iter().map(|a| a.span.clone()).collect();
    definition_spans.sort_by_key(|s| s.start);
    // the last line read, and whether it is prose
    let mut line_seen: Option<(Span, bool)> = None;
    for block in &doc.blocks {
        if matches!(block.kind, BlockKind::Heading | BlockKind::Attendance) {
            continue;
        }
        let body = &text[block.text.clone()];
        let candidates = match memo.as_deref_mut() {
            Some(memo) => memo.short_forms.entry(body).get_or_insert_with(|| short_forms_in(body)).clone(),
            None => short_forms_in(body),
        };
        for ShortForm { at: o, len, short, emphasised } in candidates {
            let start = block.text.start + o;
            let span = start..start + len;
            // a definition's own short form is not a use
            let i = definition_spans.partition_point(|d| d.start <= span.start);
            if i > 0 && span.end <= definition_spans[i - 1].end {
                continue;
            }
            // whether the line is a table row or in capitals, read once per
            // line: a long line holds many uses
            let line_is_prose = match &line_seen {
                Some((range, prose)) if range.contains(&span.start) => *prose,
                _ => {
                    let range = line_around(text, span.start);
                    let line = &text[range.clone()];
                    let prose = !(is_table_row(line) || is_capitals_line(line));
                    line_seen = Some((range.start..range.end + 1, prose));
                    prose
                }
            };
            let prose = line_is_prose && !emphasised && !in_name_or_tag(text, span.start, span.end);
            uses.push(AbbreviationUse { short, span, prose });
        }
    }
    uses
}

/// A word of a block that may use an abbreviation ([`short_forms_in`]).
#[derive(Clone, Debug)]
pub(super) struct ShortForm {
    /// Where the word starts in the block, and its length.
    at: usize,
    len: usize,
    short: String,
    /// In Markdown emphasis ("**UNASSIGNED**") or a code span ("`PCA`"):
    /// written for form or as code, not as a short form.
    emphasised: bool,
}

/// The words of one block's text that read as short forms, outside runs
/// of words in capitals: a function of that text alone, so the caller's
/// memo can keep it by the text (what else makes a use, the definitions
/// and the line around it, is read by [`find_uses`]).
fn short_forms_in(body: &str) -> Vec<ShortForm> {
    let words: Vec<(usize, &str)> = words_with_offsets(body)
        .into_iter()
        .map(|(o, w)| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '’' && c != '\'');
            let bare = bare.trim_start_matches(['’', '\'']);
            // the text of a Markdown link: "[BAVS](https://…)"
            let bare = bare.split([']', '(']).next().unwrap_or(bare);
            let lead = w.find(bare).unwrap_or(0);
            (o + lead, bare)
        })
        .collect();
    // "**UNASSIGNED**", "__NOTE__": capitals in Markdown emphasis are
    // emphasis; "`PCA`": a word in a code span (an odd number of backticks
    // before it on its line) is code, a class or a command
    // the backticks are counted as the words are read, in order: a long
    // line holds many words
    let mut ticks = (0, false);
    let mut emphasised = |at: usize| {
        let (read, open) = &mut ticks;
        for c in body[*read..at].chars() {
            match c {
                '`' => *open = !*open,
                '\n' => *open = false,
                _ => {}
            }
        }
        *read = at;
        let before = &body[..at];
        before.ends_with("**") || before.ends_with("__") || *open
    };
    // runs of words in capitals, through small words ("DECLARATION OF
    // INTERESTS"): a run with two long words is a heading or emphasis
    let mut in_heading = vec![false; words.len()];
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && is_caps_word(words[j].1) {
            j += 1;
        }
        let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
        let long = words[i..j].iter().filter(|(_, w)| letters(w) >= 3).count();
        for k in i..j {
            // "SNOMED CT": a short word in capitals after a long one is part of its name
            in_heading[k] = long >= 2 || (k > i && letters(words[k].1) <= 2);
        }
        i = j.max(i + 1);
    }
    let mut found = Vec::new();
    for (i, (o, w)) in words.iter().enumerate() {
        let Some(short) = short_form_of(w) else { continue };
        if in_heading[i] {
            continue;
        }
        found.push(ShortForm { at: *o, len: w.len(), short, emphasised: emphasised(*o) });
    }
    found
}

/// Where `short`'s long form is written in `text`, without the short form.
pub fn find_long_form(text: &str, short: &str) -> Option<Span> {
    LongForms::new(text).find(short)
}

/// Long forms of abbreviations ("Family Front Door" for FFD) looked for in
/// one text: capitalised words whose initials spell the short form, with
/// "of", "and", "the"… allowed inside, the first in the text.
///
/// Only the words that start with the short form's first letter and are
/// followed by a capital with its second are read: found by one search for
/// the first letter, and kept by both letters for the next short form that
/// starts with the same first letter. The words of the whole text, listed
/// on every check, cost M201 a tenth of an edit of a 1 MB document; every
/// word starting with the first letter, read for each short form, 6%.
pub struct LongForms<'t> {
    text: &'t str,
    /// For each first letter asked about, where the words that start with
    /// it start, in text order, by the capital that follows them
    /// ([`second_capital`]).
    starting_with: HashMap<char, HashMap<char, Vec<usize>>>,
}

impl<'t> LongForms<'t> {
    pub fn new(text: &'t str) -> Self {
        LongForms { text, starting_with: HashMap::new() }
    }

    pub fn find(&mut self, short: &str) -> Option<Span> {
        let want: Vec<char> = pieces(short)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Letter(c) => Some(c),
                Piece::Number(_) => None,
            })
            .collect();
        // "J&M" stands for "J… and M…", not for "Jenny Mason"
        let needs_and = short.contains('&');
        if want.len() < 2 {
            return None;
        }
        let text = self.text;
        let by_second = self.starting_with.entry(want[0]).or_insert_with(|| {
            let mut by_second: HashMap<char, Vec<usize>> = HashMap::new();
            for first in words_starting_with(text, want[0]) {
                if let Some(second) = second_capital(text, first) {
                    by_second.entry(second).or_default().push(first);
                }
            }
            by_second
        });
        'start: for &first in by_second.get(&want[1]).map_or(&[][..], Vec::as_slice) {
            let mut joined = false;
            let mut k = 0;
            let mut end = 0;
            for (o, w) in words_from(text, first) {
                if k == want.len() {
                    break;
                }
                let bare = strip_punct(w);
                let Some(c) = bare.chars().next() else { continue 'start };
                if c.is_uppercase() {
                    if c != want[k] || bare.chars().filter(|c| c.is_uppercase()).count() > 1 {
                        continue 'start;
                    }
                    k += 1;
                    end = o + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                } else if k > 0 && is_joining_word(bare) {
                    joined |= matches!(bare, "and" | "&");
                } else {
                    continue 'start;
                }
                // a long form does not run across a sentence
                if k < want.len() && w.ends_with(['.', ',', ';', ':']) {
                    continue 'start;
                }
            }
            if k == want.len() && (joined || !needs_and) {
                let lead = text[first..].len() - text[first..].trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                let span = first + lead..end;
                // a long form is written on one line
                if !text[span.clone()].contains('\n') {
                    return Some(span);
                }
            }
        }
        None
    }
}

/// The capital that starts the second capitalised word of a long form
/// starting at `first`, as [`LongForms::find`] reads the words up to it
/// (none when it would stop before one): a long form spells at least two
/// letters, so only the words followed by the short form's second are read
/// further.
fn second_capital(text: &str, first: usize) -> Option<char> {
    let mut capitals = 0;
    for (_, w) in words_from(text, first) {
        let bare = strip_punct(w);
        let c = bare.chars().next()?;
        if c.is_uppercase() {
            if bare.chars().filter(|c| c.is_uppercase()).count() > 1 {
                return None;
            }
            if capitals == 1 {
                return Some(c);
            }
            capitals = 1;
        } else if capitals == 0 || !is_joining_word(bare) {
            return None;
        }
        // a long form does not run across a sentence
        if w.ends_with(['.', ',', ';', ':']) {
            return None;
        }
    }
    None
}

/// Where the words of `text` whose first letter or digit (after
/// punctuation, as [`strip_punct`] trims it) is `letter` start.
fn words_starting_with(text: &str, letter: char) -> Vec<usize> {
    let mut out = Vec::new();
    'found: for (at, _) in text.match_indices(letter) {
        // back to the whitespace before the word, over punctuation only
        let mut first = at;
        for (i, c) in text[..at].char_indices().rev() {
            if c.is_whitespace() {
                break;
            }
            if c.is_alphanumeric() || c == '&' {
                continue 'found;
            }
            first = i;
        }
        out.push(first);
    }
    out
}

/// The words of `text` from `from` (where a word starts) on, with their
/// offsets, as [`words_with_offsets`] reads them, one at a time.
fn words_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = from;
    std::iter::from_fn(move || {
        let start = rest + text[rest..].find(|c: char| !c.is_whitespace())?;
        let end = text[start..].find(char::is_whitespace).map_or(text.len(), |i| start + i);
        rest = end;
        Some((start, &text[start..end]))
    })
}

/// Definitions written in headings and item titles, which the grammar
/// reads as plain text: `20/16 Proposed … Policies Document (SADMP)`.
fn definitions_in_headings(text: &str, doc: &Document) -> Vec<Abbreviation> {
    let mut spans: Vec<Span> = doc.items.iter().map(|i| i.heading_span.clone()).collect();
    spans.extend(doc.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| b.span.clone()));
    let mut out: Vec<Abbreviation> = Vec::new();
    for span in spans {
        let line_end = text[span.start..].find('\n').map_or(text.len(), |i| span.start + i);
        let line = &text[span.start..line_end];
        for (open, _) in line.match_indices('(') {
            let Some(close) = line[open..].find(')').map(|c| open + c) else { continue };
            let short = &line[open + 1..close];
            let at = span.start + open + 1;
            let known = doc.abbreviations.iter().chain(&out).any(|a| a.span.start == at);
            if known || short_form_of(short).as_deref() != Some(short) {
                continue;
            }
            if let Some(long) = long_form_before(text, span.start, span.start + open, short) {
                out.push(Abbreviation {
                    short: short.to_string(),
                    long: Some(text[long.clone()].split_whitespace().collect::<Vec<_>>().join(" ")),
                    span: at..at + short.len(),
                    long_span: Some(long),
                    form: DefinitionForm::LongShort,
                });
            }
        }
    }
    out
}

/// `memo`: the short forms in the blocks of earlier versions of this
/// document, kept by the caller.
pub(super) fn analyse(text: &str, doc: &mut Document, memo: Option<&mut Memo>) {
    let found = definitions_in_headings(text, doc);
    doc.abbreviations.extend(found);
    doc.abbreviation_uses = find_uses(text, doc, memo);
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
        // the first letter after punctuation starts the word; inside a
        // word, or after '&', it does not
        let t = "see (Family Front Door) notes";
        assert_eq!(&t[find_long_form(t, "FFD").unwrap()], "Family Front Door");
        assert_eq!(find_long_form("SeeFamily Front Door", "FFD"), None);
        assert_eq!(find_long_form("&Family Front Door", "FFD"), None);
        // the first place that spells it on one line, past those that do not
        let t = "Family Front.\nFamily Front\nDoor, then Family of Front Door";
        assert_eq!(&t[find_long_form(t, "FFD").unwrap()], "Family of Front Door");
        assert_eq!(find_long_form("Family Front", "FFD"), None);
        // one reader asked about short forms that share their first letters
        let t = "the Finance Forum met; Fire and Rescue, Family Front Door and Family of Farms";
        let mut forms = LongForms::new(t);
        for (short, long) in [("FFD", Some("Family Front Door")), ("FF", Some("Finance Forum")), ("FR", Some("Fire and Rescue")), ("FD", Some("Front Door")), ("FFF", None), ("FOF", None)] {
            assert_eq!(forms.find(short).map(|s| &t[s]), long, "{short}");
        }
    }
}
