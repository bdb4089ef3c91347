//! A regular expression compiled first with its large Unicode classes
//! widened, which is what a cold check of a small file pays for: a
//! pattern's `\p{L}`, `\p{Lu}`, `\p{Ll}`, `\d` and `\w` compile to
//! automata of hundreds of states each, forwards and in reverse (the lazy
//! DFA's), and compiling them was most of the set-up of `minutes check` on
//! one file. The widened pattern keeps each class's ASCII members and
//! accepts any non-ASCII character in its place (`[A-Z\x{80}-\x{10FFFF}]`
//! for `\p{Lu}`), which compiles to a few states.
//!
//! The widened pattern matches every string the exact one does, and the
//! same way on ASCII. So where it finds nothing, the exact pattern finds
//! nothing; where its leftmost-first match is all ASCII, that is the exact
//! pattern's match too, captures included (no match of the exact pattern
//! starts earlier, since the widened one would have found it, and at the
//! same start the widened pattern preferred this path over every path of
//! the exact pattern, all of which it has). Only a match with a non-ASCII
//! character in it needs the exact pattern, compiled then.
//!
//! A pattern with a Unicode word boundary (`\b`) cannot run on the lazy
//! DFA over text with a non-ASCII character (the DFA gives up, and the
//! search runs again from the start on the slower engines), which is most
//! paragraphs of real minutes (’, –, “) and all of a long text. Once a
//! pattern has searched enough such text to pay for compiling two more
//! patterns, its searches of such text are guided: the widened pattern
//! without its word boundaries, which the DFA runs and which matches
//! wherever the widened pattern does, finds where a match may start, and
//! the widened pattern, anchored there, says whether one does. A match of
//! the widened pattern starts at the first of these places where it
//! matches, since none can start before the guide's.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::{Captures, Match, Regex};
use regex_automata::{meta, Anchored, Input};

pub(crate) struct Pattern {
    source: &'static str,
    wide: OnceLock<Regex>,
    exact: OnceLock<Regex>,
    /// `None` for a pattern that can match the empty string, whose matches
    /// are found one after another by rules a guide would have to copy.
    guide: OnceLock<Option<Guide>>,
    /// The bytes of non-ASCII text searched so far.
    searched: AtomicUsize,
}

struct Guide {
    /// The widened pattern without word boundaries.
    loose: Regex,
    /// The widened pattern, for searches anchored where the guide found
    /// a match: short, so without the lazy DFA, which costs more to build.
    anchored: meta::Regex,
}

/// How much non-ASCII text a pattern searches before it is guided:
/// compiling the largest guide costs about what searching 30 kB of such
/// text without it does.
const GUIDE_AFTER: usize = 32 * 1024;

impl Pattern {
    pub(crate) const fn new(source: &'static str) -> Self {
        Pattern { source, wide: OnceLock::new(), exact: OnceLock::new(), guide: OnceLock::new(), searched: AtomicUsize::new(0) }
    }

    /// The guide for a search of `hay`, once this pattern has searched
    /// enough non-ASCII text; none for ASCII, which the DFA runs through.
    fn guide(&self, hay: &str) -> Option<&Guide> {
        if hay.is_ascii() {
            return None;
        }
        match self.guide.get() {
            Some(guide) => guide.as_ref(),
            None if self.searched.fetch_add(hay.len(), Ordering::Relaxed) + hay.len() < GUIDE_AFTER => None,
            None => self.guide.get_or_init(|| Guide::new(self.source)).as_ref(),
        }
    }

    fn wide(&self) -> &Regex {
        self.wide.get_or_init(|| compile(&widen(self.source, false)))
    }

    fn exact(&self) -> &Regex {
        self.exact.get_or_init(|| compile(self.source))
    }

    /// The widened pattern's first match at or after `from`, guided or not.
    fn wide_find_at<'h>(&self, guide: Option<&Guide>, hay: &'h str, from: usize) -> Option<Match<'h>> {
        match guide {
            Some(guide) => self.wide().find_at(hay, guide.start(hay, from)?),
            None => self.wide().find_at(hay, from),
        }
    }

    pub(crate) fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        match self.wide_find_at(self.guide(hay), hay, 0) {
            Some(m) if !m.as_str().is_ascii() => self.exact().find(hay),
            found => found,
        }
    }

    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.find(hay).is_some()
    }

    pub(crate) fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let found = match self.guide(hay) {
            Some(guide) => self.wide().captures_at(hay, guide.start(hay, 0)?),
            None => self.wide().captures(hay),
        };
        match found {
            Some(c) if !c[0].is_ascii() => self.exact().captures(hay),
            found => found,
        }
    }

    /// The matches of `find_iter`: the widened pattern's while they are
    /// ASCII; from the first that is not, the exact pattern's, whose
    /// earlier matches are the ones already given.
    pub(crate) fn find_iter<'p, 'h>(&'p self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + use<'p, 'h> {
        let guide = self.guide(hay);
        let mut plain = guide.is_none().then(|| self.wide().find_iter(hay));
        let (mut given, mut from) = (0, 0);
        let mut exact = None;
        std::iter::from_fn(move || {
            if exact.is_none() {
                let next = match plain.as_mut() {
                    Some(it) => it.next(),
                    // a guided pattern's matches are never empty: the next
                    // starts where the last ended, as `find_iter`'s do
                    None => self.wide_find_at(guide, hay, from),
                };
                match next {
                    Some(m) if m.as_str().is_ascii() => {
                        (given, from) = (given + 1, m.end());
                        return Some(m);
                    }
                    None => return None,
                    Some(_) => exact = Some(self.exact().find_iter(hay).skip(given)),
                }
            }
            exact.as_mut()?.next()
        })
    }

    /// As `find_iter`, with the groups.
    pub(crate) fn captures_iter<'p, 'h>(&'p self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + use<'p, 'h> {
        let guide = self.guide(hay);
        let mut plain = guide.is_none().then(|| self.wide().captures_iter(hay));
        let (mut given, mut from) = (0, 0);
        let mut exact = None;
        std::iter::from_fn(move || {
            if exact.is_none() {
                let next = match (plain.as_mut(), guide) {
                    (Some(it), _) => it.next(),
                    (None, Some(guide)) => guide.start(hay, from).and_then(|at| self.wide().captures_at(hay, at)),
                    (None, None) => None,
                };
                match next {
                    Some(c) if c[0].is_ascii() => {
                        (given, from) = (given + 1, c.get(0).map_or(from, |m| m.end()));
                        return Some(c);
                    }
                    None => return None,
                    Some(_) => exact = Some(self.exact().captures_iter(hay).skip(given)),
                }
            }
            exact.as_mut()?.next()
        })
    }
}

impl Guide {
    /// None for a pattern that can match the empty string.
    fn new(source: &str) -> Option<Guide> {
        let wide = widen(source, false);
        let hir = regex_automata::util::syntax::parse(&wide).ok()?;
        if hir.properties().minimum_len().is_none_or(|n| n == 0) {
            return None;
        }
        let anchored = meta::Regex::builder().configure(meta::Regex::config().hybrid(false).dfa(false)).build(&wide).ok()?;
        Some(Guide { loose: compile(&widen(source, true)), anchored })
    }

    /// Where the widened pattern's first match at or after `from` starts.
    fn start(&self, hay: &str, mut from: usize) -> Option<usize> {
        loop {
            let at = self.loose.find_at(hay, from)?.start();
            if self.anchored.is_match(Input::new(hay).range(at..).anchored(Anchored::Yes)) {
                return Some(at);
            }
            from = at + hay[at..].chars().next()?.len_utf8();
        }
    }
}

fn compile(source: &str) -> Regex {
    match Regex::new(source) {
        Ok(r) => r,
        // the patterns are constants, each tested: one that does not
        // compile is a defect of the build
        Err(e) => panic!("pattern {source}: {e}"),
    }
}

/// `source` with its large Unicode classes widened (see the module's
/// documentation). A class is widened where that keeps its ASCII members:
/// not inside a negated class (which widening would narrow), and where
/// case-insensitivity holds (`(?i)`, `(?i:…)`) only `\d` and `\w` outside
/// brackets, whose ASCII members do not change with case and which are
/// written as a case-sensitive group (the non-ASCII letters that fold onto ASCII ones,
/// the Kelvin sign and the long s, would otherwise bring `k` and `s`).
/// `loose`: without its word boundaries and non-boundaries as well (`\b`
/// and `\B` outside brackets become empty groups).
pub(crate) fn widen(source: &str, loose: bool) -> String {
    const ANY: &str = r"\x{80}-\x{10FFFF}";
    // whether case-insensitivity holds here, and in each enclosing group
    let mut folds = false;
    let mut groups: Vec<bool> = Vec::new();
    let mut out = String::with_capacity(source.len() * 2);
    // the enclosing brackets, each whether it is negated
    let mut brackets: Vec<bool> = Vec::new();
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        let in_class = !brackets.is_empty();
        if loose && !in_class && (rest.starts_with(r"\b") || rest.starts_with(r"\B")) {
            out.push_str("(?:)");
            rest = &rest[2..];
            continue;
        }
        let ascii_members = if rest.starts_with(r"\p{Lu}") {
            Some((6, "A-Z", true))
        } else if rest.starts_with(r"\p{Ll}") {
            Some((6, "a-z", true))
        } else if rest.starts_with(r"\p{L}") {
            Some((5, "A-Za-z", true))
        } else if rest.starts_with(r"\d") {
            Some((2, "0-9", false))
        } else if rest.starts_with(r"\w") {
            Some((2, "0-9A-Za-z_", false))
        } else {
            None
        };
        if let Some((len, ascii, cased)) = ascii_members {
            let widened = if brackets.iter().any(|&negated| negated) {
                None
            } else if !folds {
                Some(format!("[{ascii}{ANY}]"))
            } else if !cased && !in_class {
                Some(format!("(?-i:[{ascii}{ANY}])"))
            } else {
                None
            };
            out.push_str(widened.as_deref().unwrap_or(&rest[..len]));
            rest = &rest[len..];
            continue;
        }
        let len = match c {
            // an escape, copied whole: `\p{..}`, `\x{..}` and `\u{..}` with
            // their braces
            '\\' => match rest[1..].chars().next() {
                Some('p' | 'P' | 'x' | 'u') if rest[2..].starts_with('{') => rest.find('}').map_or(rest.len(), |i| i + 1),
                Some(e) => 1 + e.len_utf8(),
                None => 1,
            },
            '[' => {
                let negated = rest[1..].starts_with('^');
                brackets.push(negated);
                let opening = if negated { 2 } else { 1 };
                // a `]` first in a class is one of its members
                opening + usize::from(rest[opening..].starts_with(']'))
            }
            ']' if in_class => {
                brackets.pop();
                1
            }
            '(' if !in_class => {
                // `(?i)` sets the flags for the rest of its group, `(?i:`
                // for the group it opens
                let flags = rest[1..].strip_prefix('?').map_or("", |f| &f[..f.find(|c: char| !c.is_ascii_alphabetic() && c != '-').unwrap_or(f.len())]);
                let setting = if flags.is_empty() { None } else { flags.split_once('-').map_or(Some((flags, "")), Some) };
                let outer = folds;
                if let Some((on, off)) = setting {
                    if on.contains('i') {
                        folds = true;
                    }
                    if off.contains('i') {
                        folds = false;
                    }
                }
                if rest[2 + flags.len()..].starts_with(')') && setting.is_some() {
                    3 + flags.len()
                } else {
                    groups.push(outer);
                    1
                }
            }
            ')' if !in_class => {
                folds = groups.pop().unwrap_or(false);
                1
            }
            c => c.len_utf8(),
        };
        out.push_str(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

    /// `wide` is `exact` with classes that keep their ASCII members and
    /// gain others: the same tree, the same literals, looks and groups.
    fn widens(exact: &Hir, wide: &Hir) -> Result<(), String> {
        let ascii = |c: &ClassUnicode| {
            let mut c = c.clone();
            c.intersect(&ClassUnicode::new([ClassUnicodeRange::new('\0', '\x7f')]));
            c
        };
        match (exact.kind(), wide.kind()) {
            (HirKind::Class(Class::Unicode(e)), HirKind::Class(Class::Unicode(w))) => {
                let mut both = e.clone();
                both.intersect(w);
                if ascii(e) != ascii(w) || both != *e {
                    return Err(format!("{e:?} became {w:?}"));
                }
                Ok(())
            }
            (HirKind::Repetition(e), HirKind::Repetition(w)) if (e.min, e.max, e.greedy) == (w.min, w.max, w.greedy) => widens(&e.sub, &w.sub),
            (HirKind::Capture(e), HirKind::Capture(w)) if (e.index, &e.name) == (w.index, &w.name) => widens(&e.sub, &w.sub),
            (HirKind::Concat(e), HirKind::Concat(w)) | (HirKind::Alternation(e), HirKind::Alternation(w)) if e.len() == w.len() => {
                e.iter().zip(w).try_for_each(|(e, w)| widens(e, w))
            }
            _ if exact == wide => Ok(()),
            _ => Err(format!("{exact:?} became {wide:?}")),
        }
    }

    #[test]
    fn widening_keeps_the_ascii_members_of_every_class() {
        for source in [
            r"\b\p{Lu}\p{L}+[\s\u{a0}]+(?:moves|moved)[\s\u{a0}]+\p{Ll}",
            r"[A-Z][\p{L}'’\-]+(?:\s[A-Z][\p{L}'’\-]*)?",
            r"(?:[^()\n]{1,40},\s*)?\d{1,2}:\d{2}\)\s*$",
            r"[^\p{L}\d]+x[\w./()]*",
            r"(?i)\b\d{1,2}(?:st|nd)?[\s\u{a0}]+(?:may|june)\s+[A-Z]\w*[\w.]",
            r"[]\p{L}][^]\d]\\d\x{41}\p{Greek}",
            r"(?:\p{Lu}|(?i:\d[a-z\w]\p{L})|(?i)\w\p{Ll}(?-i)\p{Ll})\p{Lu}",
        ] {
            let exact = regex_syntax::parse(source).unwrap();
            let wide = regex_syntax::parse(&widen(source, false)).unwrap();
            assert_ne!(exact, wide, "{source}: nothing widened");
            if let Err(e) = widens(&exact, &wide) {
                panic!("{source}: {e}");
            }
        }
    }

    /// Every pattern of the model that is compiled widened.
    #[test]
    fn the_models_patterns_widen_keeping_their_ascii_members() {
        let sources = [include_str!("inline.rs"), include_str!("structure.rs"), include_str!("actions.rs"), include_str!("dates.rs"), include_str!("reports.rs")];
        let new = Regex::new(r#"(?s)Pattern::new\(\s*r"(.*?)"\s*,?\s*\)"#).unwrap();
        let patterns: Vec<&str> = sources.iter().flat_map(|s| new.captures_iter(s).map(|c| c.get(1).unwrap().as_str())).collect();
        assert_eq!(patterns.len(), 11);
        for source in patterns {
            let exact = regex_syntax::parse(source).unwrap();
            let wide = regex_syntax::parse(&widen(source, false)).unwrap();
            assert_ne!(exact, wide, "{source}: nothing widened");
            if let Err(e) = widens(&exact, &wide) {
                panic!("{source}: {e}");
            }
            assert!(Regex::new(&widen(source, true)).is_ok(), "{source}: its gate compiles");
        }
    }

    /// The guide of a pattern matches wherever it does: it is the
    /// widened pattern with its word boundaries, and nothing else, gone.
    #[test]
    fn the_guide_drops_the_word_boundaries_alone() {
        // a backspace in brackets, an escaped backslash before a `b`
        let source = r"\bAGREED\B[\b-]\p{Lu}\\b";
        assert_eq!(widen(source, true), r"(?:)AGREED(?:)[\b-][A-Z\x{80}-\x{10FFFF}]\\b");
    }

    /// A guided search finds what an unguided one does.
    #[test]
    fn guided_searches_find_the_same() {
        let p = Pattern::new(r"\bAGREED\b|\p{Lu}\p{Ll}+ moved");
        let end = "xAGREED AGREED, AÉb moved, Ann moved, AGREEDé AGREED";
        let text = "é ".repeat(GUIDE_AFTER) + end;
        let unguided = |hay: &str| Regex::new(p.source).unwrap().find_iter(hay).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(p.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>(), unguided(&text));
        assert!(p.guide.get().is_some_and(Option::is_some), "the search was guided");
        let tail = &text[text.len() - end.len()..];
        assert_eq!(p.find_iter(tail).map(|m| m.range()).collect::<Vec<_>>(), unguided(tail));
        assert_eq!(p.captures_iter(tail).map(|c| c.get(0).unwrap().range()).collect::<Vec<_>>(), unguided(tail));
        assert_eq!(p.find(tail).map(|m| m.range()), unguided(tail).first().cloned());
        assert!(!p.is_match(&("é ".repeat(100) + "xAGREEDx")));
        // a pattern that matches the empty string is never guided
        let empty = Pattern::new(r"\bx*");
        assert_eq!(empty.find_iter(&text).count(), Regex::new(r"\bx*").unwrap().find_iter(&text).count());
        assert!(empty.guide.get().is_some_and(Option::is_none));
    }

    #[test]
    fn a_match_with_other_characters_is_the_exact_patterns() {
        let p = Pattern::new(r"\p{Lu}\p{Ll}+ moved");
        // the widened pattern reads "–" as a lower-case letter, and "AÉb"
        // as one word where the exact one starts at "É"
        let hay = "Ann moved, A– moved, AÉb moved, Zoë moved, Bob moved";
        let found: Vec<&str> = p.find_iter(hay).map(|m| m.as_str()).collect();
        assert_eq!(found, ["Ann moved", "Éb moved", "Zoë moved", "Bob moved"]);
        assert_eq!(p.captures_iter(hay).map(|c| c[0].to_string()).collect::<Vec<_>>(), found);
        assert_eq!(p.find("AÉb moved, Zoë moved").map(|m| m.as_str()), Some("Éb moved"));
        assert!(!p.is_match("A– moved"));
        assert!(p.captures("xx Ann moved").is_some_and(|c| c[0] == *"Ann moved"));
    }
}
