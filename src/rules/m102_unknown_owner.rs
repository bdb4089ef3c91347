//! M102 unknown-owner: an owner who is not a known person, role or
//! abbreviation.
//!
//! The minutes know everyone they name anywhere: the attendance (full
//! names, first names, surnames, initials given or derived from the names),
//! roles, defined abbreviations, people named in the text (a report
//! heading `[… / Greg]`, a sentence), and the workspace roster. Only an
//! owner written like a name is reported: a word the text also uses in
//! lower case ("Action", "Moved", "Need") is an ordinary word that a
//! marker happened to be followed by, not somebody to look up.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use super::words::{lowercase, Written};
use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ActionKind, Span};

declare_rule! {
    /// An action's owner is not a known person, role or abbreviation.
    ///
    /// What it catches: an explicit action whose owner is written like a name but is named
    /// nowhere else in the minutes or their workspace: not in the attendance (by full name, first
    /// name, surname or initials), not in the text, not a role the minutes or the built-in
    /// catalogue know, and not a defined abbreviation. A lone word that is not set off as an owner
    /// (`Bumped to next week`) is only a hint: it may be the first word of the task.
    ///
    /// Why it matters: a misspelt or unknown owner (`Ann Jmaes`, `the DSC`) leaves the action
    /// without anyone who recognises it as theirs.
    ///
    /// Example: `(Action – Ann Jmaes)` where the attendance lists Ann James.
    ///
    /// Fix: use the name, role or abbreviation as the minutes define it; add the person to the
    /// attendance, or define the abbreviation.
    pub const RULE = {
        code: "M102",
        name: "unknown-owner",
        severity: Warning,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let explicit = || ctx.doc.actions.iter().filter(|a| a.kind == ActionKind::Explicit);
    // owners the roster does not know, the only ones the text is read for
    let unknown: Vec<(&str, Span)> = explicit()
        .flat_map(|a| &a.owners)
        .filter_map(|o| Some((o.name.as_str(), o.span.clone()?)))
        .filter(|(name, _)| !ctx.roster.knows(name))
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    // where owners of explicit actions are written: a name seen only there
    // is not known from anywhere else
    let mut owner_spans: Vec<Span> = explicit().flat_map(|a| a.owners.iter().filter_map(|o| o.span.clone())).collect();
    owner_spans.sort_by_key(|s| s.start);
    let text = Text::new(ctx.text, &owner_spans, unknown.iter().map(|(name, _)| *name));
    let parts: Vec<Option<Vec<&str>>> = unknown.iter().map(|(name, _)| name_parts(name, &text)).collect();
    let candidates = unknown.iter().map(|(name, _)| *name).chain(parts.iter().flatten().flatten().copied());
    let known = DocNames::new(ctx, candidates);
    let mut out = Vec::new();
    for ((name, span), parts) in unknown.into_iter().zip(parts) {
        if known.knows(name) {
            continue;
        }
        let Some(parts) = parts else { continue };
        let unknown: Vec<&str> = parts.into_iter().filter(|p| !(ctx.roster.knows(p) || known.knows(p) || text.names_elsewhere(p) || surname_initialled(p, ctx.text))).collect();
        if unknown.is_empty() {
            continue;
        }
        // one capitalised word that is not set off as an owner ("Ross:")
        // may be the first word of the task ("Bumped to next week"):
        // a hint, not a warning
        let single_word = unknown.len() == 1 && !unknown[0].contains(' ') && unknown[0].chars().any(char::is_lowercase);
        let set_off = ctx.text[span.end..].starts_with(':');
        let mut d = diagnostic(
            &RULE,
            span,
            format!(
                "“{}” is named nowhere else in these minutes (not in the attendance, the text or the workspace): check the spelling, or add them to the attendance",
                unknown.join("”, “")
            ),
        );
        if single_word && !set_off {
            d.severity = Severity::Hint;
        }
        out.push(d);
    }
    out
}

/// What the document itself makes known: its defined abbreviations (short
/// and long forms), and the role titles its prose uses ("The Head of
/// Strategic Infrastructure advised…"). The titles of every candidate are
/// looked for in one pass over the text (aho-corasick): one search per
/// owner made 100,000 action lines take 36 s.
struct DocNames<'a> {
    abbreviations: HashSet<&'a str>,
    roles_in_prose: HashSet<String>,
}

impl<'a> DocNames<'a> {
    fn new<'n>(ctx: &Context<'a>, candidates: impl Iterator<Item = &'n str>) -> DocNames<'a> {
        let abbreviations = ctx.doc.abbreviations.iter().flat_map(|a| [Some(a.short.as_str()), a.long.as_deref()]).flatten().collect();
        let phrases: Vec<String> = candidates.filter_map(role_phrase).collect::<HashSet<_>>().into_iter().collect();
        let mut roles_in_prose = HashSet::new();
        if !phrases.is_empty() {
            if let Ok(ac) = AhoCorasick::new(&phrases) {
                let lower = lowercase(ctx.text);
                roles_in_prose = ac.find_overlapping_iter(&lower).map(|m| phrases[m.pattern().as_usize()].clone()).collect();
            }
        }
        DocNames { abbreviations, roles_in_prose }
    }

    fn knows(&self, name: &str) -> bool {
        let n = name.trim();
        self.abbreviations.contains(n) || role_phrase(n).is_some_and(|p| self.roles_in_prose.contains(&p))
    }
}

/// "the head of strategic infrastructure" for a name of two words or more:
/// how prose names a role; `None` for one word, which prose cannot confirm.
fn role_phrase(name: &str) -> Option<String> {
    let n = name.trim();
    (n.split_whitespace().count() >= 2).then(|| format!("the {}", n.to_lowercase()))
}

/// The words of the unknown owners' names, looked up in the text once: how
/// often each is written, and how often inside the owner slot of an
/// explicit action.
struct Text<'s> {
    written: Written,
    /// Where owners of explicit actions are written, in text order.
    owner_spans: &'s [Span],
}

impl<'s> Text<'s> {
    /// Only the words of `names` (and the same in lower case) are looked
    /// up: all that [`Text::names_elsewhere`] and [`Text::uses_in_lower_case`]
    /// are asked about.
    fn new<'n>(text: &str, owner_spans: &'s [Span], names: impl Iterator<Item = &'n str>) -> Text<'s> {
        let words: Vec<&str> = names.flat_map(|n| alphanumeric_runs(n).map(|(_, w)| w)).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        Text { written: Written::find(text, words.iter().copied().chain(lower.iter().map(String::as_str))), owner_spans }
    }

    /// How often `word` is written, and how often inside an owner slot.
    fn counts(&self, word: &str) -> (usize, usize) {
        let at = self.written.at(word);
        let spans = self.owner_spans;
        let in_owner = |&at: &usize| {
            let i = spans.partition_point(|s| s.start <= at);
            i > 0 && at < spans[i - 1].end
        };
        (at.len(), at.iter().filter(|a| in_owner(a)).count())
    }

    /// Whether a name is written elsewhere than in an owner slot: its
    /// surname (or its one word).
    fn names_elsewhere(&self, name: &str) -> bool {
        alphanumeric_runs(name).last().is_some_and(|(_, w)| {
            let (all, owners) = self.counts(w);
            all > owners
        })
    }

    /// Whether the text uses `word` in lower case: then it is an ordinary
    /// word, not a name.
    fn uses_in_lower_case(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        lower != word && !self.written.at(&lower).is_empty()
    }
}

/// The runs of letters and digits of `s`, with their offsets.
/// "Robert J" for a "Robert Jackson" the text names: a first name and the
/// initial of a surname written in full elsewhere.
fn surname_initialled(name: &str, text: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first @ .., initial] = words.as_slice() else { return false };
    let initial = initial.trim_end_matches('.');
    if first.is_empty() || initial.chars().count() != 1 || !initial.chars().all(char::is_uppercase) {
        return false;
    }
    let stem = format!("{} {initial}", first.join(" "));
    text.match_indices(&stem).any(|(at, _)| text[at + stem.len()..].starts_with(char::is_lowercase))
}

fn alphanumeric_runs(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// The people an owner names ("TD/KL", "Ann James and Bob", "JR, EM"),
/// without titles; `None` when any of them is not written like a name: a
/// lower-case word, a number, a keyword, a word the text uses in lower case,
/// or a phrase too long to be a name.
fn name_parts<'a>(owner: &'a str, text: &Text) -> Option<Vec<&'a str>> {
    let mut parts = Vec::new();
    for part in owner.split(['/', '&', ',', '+', ';']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" - ")) {
        let part = part.trim().trim_matches(|c: char| !c.is_alphanumeric());
        if part.is_empty() {
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        let name_words: Vec<&str> = words.iter().copied().filter(|w| !crate::catalogue::is_title(w)).collect();
        if name_words.is_empty() || name_words.len() > 4 {
            return None;
        }
        for w in &name_words {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital
                || w.chars().any(|c| c.is_ascii_digit())
                || crate::catalogue::is_emphasis(&w.to_uppercase())
                || text.uses_in_lower_case(w)
            {
                return None;
            }
        }
        let first = name_words[0];
        parts.push(&part[part.find(first).unwrap_or(0)..]);
    }
    (!parts.is_empty()).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn knows_attendance_roles_and_abbreviations() {
        let text = "Present: Cllr A. Patel (Chair), Ann James (Democratic Services Officer)\n\n\
The Director of Children’s Services (DCS) presented.\n\n\
ACTION: Ann James – circulate the letter\n\nACTION: DCS – report back\n\nACTION: Clerk – book the room\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn flags_a_misspelt_owner() {
        let text = "Present: Ann James (Clerk)\n\nACTION: Ann Jmaes – circulate the letter\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "Ann Jmaes");
    }

    #[test]
    fn flags_an_owner_named_nowhere_else_each_time() {
        let text = "Present: Ann James\n\n@Ross: chase the report.\n\n@Ross: ask the treasurer.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("Ross"));
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn knows_first_names_initials_and_people_named_in_the_text() {
        // a first name of the attendance, initials derived from a full name,
        // a name given only in a report heading
        let text = "Present: Paolo Melchiorre, Sarah Boyce\n\n\
## Reports\n\n[Jean Delfino / Greg] The report was received.\n\n\
ACTION: Sarah – book the room\n\nACTION: PM – write the post\n\nACTION: Greg – follow up\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn knows_a_first_name_with_the_initial_of_a_listed_surname() {
        let text = "## Attendees\n\n- [x] Robert Jackson\n\n## Action Items\n\n- [ ] @Robert J to merge the components RFC\n";
        assert_eq!(run(&RULE, text), vec![]);
        // an initial that is no listed surname's is still unknown
        let text = "## Attendees\n\n- [x] Robert Jackson\n\n## Action Items\n\n- [ ] @Robert K to merge the components RFC\n";
        assert_eq!(run(&RULE, text).len(), 1);
    }

    #[test]
    fn an_ordinary_word_after_a_marker_is_not_an_owner_to_flag() {
        let text = "Present: Ann James\n\nWe moved on. There is a need for volunteers.\n\n\
ACTION: Moved – to discuss at the next meeting\n\nACTION: Need – more volunteers\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn one_unknown_word_not_set_off_as_an_owner_is_a_hint() {
        let text = "Present: Ann James\n\nACTION: Bumped to next teleconference.\n";
        assert!(run(&RULE, text).iter().all(|d| d.severity == Severity::Hint));
    }

    #[test]
    fn reads_each_of_several_owners() {
        let text = "Present: Tom Dean (TD), Kim Lee (KL)\n\nACTION: TD/KL – order the signs\n\nACTION: TD/Zed – paint\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("“Zed”"), "{}", found[0].message);
    }
}
