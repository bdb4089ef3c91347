//! Owners: whether a noun phrase names a person, a role, a group or
//! initials — by its shape, by WordNet's nouns for people and groups, by the
//! catalogue's roles and by the people the document names — and how a
//! phrase naming several is split.

use std::cell::RefCell;
use std::collections::HashSet;

use super::words::{first_words, Word};
use crate::catalogue::{self, lexicon::{self, Class, Inflection}};

/// The people a document names (attendance, header fields, initials it
/// defines): a word of one of their names makes a phrase a person.
#[derive(Clone, Debug, Default)]
pub struct People {
    words: HashSet<String>,
    /// While [`People::recording`]: the words asked about and the answers.
    asked: RefCell<Option<Vec<(String, bool)>>>,
}

/// People are the same when they know the same words.
impl PartialEq for People {
    fn eq(&self, other: &People) -> bool {
        self.words == other.words
    }
}

impl Eq for People {}

impl People {
    /// From names as written: "Ann James", "Cllr A. Patel", "KL".
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> People {
        let mut words = HashSet::new();
        for name in names {
            for w in name.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',') {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                // a name's words, not its particles or single initials
                if w.chars().count() >= 2 && w.chars().next().is_some_and(char::is_uppercase) {
                    words.insert(w.to_lowercase());
                }
            }
            // a chat nickname listed as a name of its own: "alice", "bob_w", "jsmith2"
            let name = name.trim();
            if is_nickname(name) {
                words.insert(name.to_string());
            }
        }
        People { words, asked: RefCell::default() }
    }

    pub fn knows(&self, word: &str) -> bool {
        let known = self.words.contains(word);
        if let Some(asked) = self.asked.borrow_mut().as_mut() {
            asked.push((word.to_string(), known));
        }
        known
    }

    /// What `read` gives, and every word it asked these people about with
    /// the answer: what it read of them. Other people who answer the same
    /// ([`People::answer`]) would have given the same result, so a memo
    /// keeps it when the document's people change (an edit of the
    /// attendance made the server find every commitment of the text again).
    pub(in crate::model) fn recording<T>(&self, read: impl FnOnce() -> T) -> (T, Vec<(String, bool)>) {
        let outer = self.asked.replace(Some(Vec::new()));
        let found = read();
        let mut asked = self.asked.replace(outer).unwrap_or_default();
        asked.sort_unstable();
        asked.dedup();
        (found, asked)
    }

    /// Whether these people answer every question as `asked` records.
    pub(in crate::model) fn answer(&self, asked: &[(String, bool)]) -> bool {
        asked.iter().all(|(word, known)| self.words.contains(word.as_str()) == *known)
    }
}

/// A nickname as chat-based meetings write people (`alice`, `bob_w`,
/// `jsmith2`): one lower-case token of letters, digits, `_` or `-`, not a
/// function word of English.
pub fn is_nickname(word: &str) -> bool {
    let mut chars = word.chars();
    let first_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    first_letter
        && (2..=24).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
        && !is_function_word(word)
}

/// A chat handle: `@alice`, `@alice:example.org`.
fn is_handle(word: &str) -> bool {
    word.strip_prefix('@').is_some_and(|rest| rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// A word of English's closed classes (and the labels of minutes): never a
/// name by itself.
fn is_function_word(lower: &str) -> bool {
    use Class::*;
    [Determiner, Indefinite, Preposition, Coordinator, Subordinator, Conditional, ModalFuture, ModalObligation, ModalPossibility, Be, Have, Do, Negation, Adverb, PronounSingular, PronounPlural, PronounFirstSingular, PronounFirstPlural, NonAgent, QuestionWord, Label]
        .into_iter()
        .any(|c| lexicon::is(c, lower))
}

/// The owners an action line opens with, and where its task starts:
/// "alice to update the list", "bob file a ticket", "Carol and bob review
/// the draft", "mattdm will ask legal". On a line already marked as an
/// action, the words before its first verb name who does it when they name
/// someone: a person, role, group or initials as in prose, a nickname the
/// document lists, or, before "to" and a verb, any nickname-shaped word.
/// Returns the owners' byte ranges in `text` and the task's start.
pub fn leading_owners(text: &str, people: &People) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
    // the loop below reads the first eight words at most
    let ws = first_words(text, 0..text.len(), 9);
    let joiner = |w: &Word| w.lower == "and" || w.lower == "&";
    for p in 1..ws.len().min(7) {
        let w = &ws[p];
        let before = &ws[p - 1];
        if before.stop_after.is_some_and(|c| c != ',') {
            return None; // "Update: bob …", "(pending) …": no owner opens the line
        }
        if joiner(before) || people.knows(&w.lower) {
            continue;
        }
        let to_verb = w.lower == "to" && ws.get(p + 1).is_some_and(|v| v.is_verb(Inflection::Base) && !v.is(Class::Be));
        let modal_verb = w.is(Class::ModalFuture) && ws.get(p + 1).is_some_and(|v| v.is_verb(Inflection::Base) && !v.is(Class::Be));
        // a capitalised verb only after a listed name: "jflory7 Write the post"
        let after_known = p == 1 && (people.knows(&ws[0].lower) || is_handle(&ws[0].lower));
        let bare_verb = (w.is_verb(Inflection::Base) || w.is_verb(Inflection::ThirdPerson)) && (!w.capital || after_known) && !is_function_word(&w.lower);
        if !(to_verb || modal_verb || bare_verb) {
            continue;
        }
        let head: Vec<&Word> = ws[..p].iter().collect();
        // "update docs to match the release": a line opening with a verb is a task
        let listed = head[0].stop_after == Some(',') || joiner(head[1.min(p - 1)]);
        if p >= 2 && head[0].is_verb(Inflection::Base) && !people.knows(&head[0].lower) && !listed {
            return None;
        }
        let parts = split_owners(&head);
        let names_someone = |part: &[&Word]| {
            if let [one] = part {
                if is_handle(&one.lower) {
                    return true; // "@alice", "@alice:example.org"
                }
                if people.knows(&one.lower) || to_verb && is_nickname(&one.lower) && one.lower == text[one.span.clone()] && one.verb.is_none() {
                    return true;
                }
            }
            is_agent(part, people, !to_verb)
        };
        if parts.is_empty() || !parts.iter().all(|r| names_someone(&head[r.clone()])) {
            return None;
        }
        let owners = parts.into_iter().map(|r| head[r.start].span.start..head[r.end - 1].span.end).collect();
        let task = if to_verb || modal_verb { &ws[p + 1] } else { w };
        return Some((owners, task.span.start));
    }
    None
}

/// An owner as written, cleaned: "the Clerk." → "Clerk",
/// "Priya (pk401)" → "Priya". The one cleaner of owners in the model.
pub fn clean_owner(written: &str) -> String {
    let w = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut w = w.trim().trim_end_matches(['.', ',', ';', ':']).trim().to_string();
    // an alias in brackets after a name: one word, lower case or digits
    if let Some(open) = w.rfind(" (") {
        let inner = w[open + 2..].trim_end_matches(')');
        if w.ends_with(')') && !inner.contains(' ') && inner.chars().any(|c| c.is_ascii_digit() || c.is_lowercase()) {
            w.truncate(open);
        }
    }
    let w = w.trim_start_matches(['(', '@']);
    // "@alice:example.org": the handle, without its server
    let w = match w.split_once(':') {
        Some((handle, server)) if written.trim_start().starts_with('@') && server.contains('.') && !server.contains(char::is_whitespace) => handle,
        _ => w,
    };
    let w = w.strip_prefix("The ").or_else(|| w.strip_prefix("the ")).unwrap_or(w);
    w.trim().to_string()
}

fn role_words() -> &'static HashSet<String> {
    static R: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        catalogue::roles()
            .iter()
            .flat_map(|r| r.split_whitespace())
            .map(str::to_lowercase)
            .filter(|w| !lexicon::is(Class::Preposition, w) && !lexicon::is(Class::Determiner, w) && !lexicon::is(Class::Coordinator, w))
            .collect()
    })
}

/// A word that by itself names someone: initials, a role word, a noun for
/// people or groups, a word of a known person's name.
fn names_someone(w: &Word, people: &People) -> bool {
    if w.is(Class::NonAgent) || w.is(Class::Label) && !people.knows(&w.lower) {
        return false;
    }
    if w.caps && w.lower.len() <= 6 && w.lower != "i" {
        return !w.is(Class::Determiner) && !w.is(Class::Preposition) && !w.is(Class::Coordinator) && !w.is(Class::Be) && !w.is(Class::ModalFuture);
    }
    let plural_title = w.lower.strip_suffix('s').is_some_and(|t| lexicon::is(Class::Title, t));
    people.knows(&w.lower) || role_words().contains(&w.lower) || lexicon::is_agent_noun(&w.lower) || w.is(Class::Everyone) || plural_title
}

/// Whether the words of one owner (no "and" inside) name a person, a role,
/// a group or initials. `initial` is true when the phrase opens its
/// sentence, where a capital letter says nothing.
pub(super) fn is_agent(ws: &[&Word], people: &People, initial: bool) -> bool {
    if ws.first().is_some_and(|w| w.is(Class::Indefinite)) {
        return false; // "any parent"
    }
    let the = ws.first().is_some_and(|w| w.lower == "the");
    // "Priya (pk401)": a name with an alias in brackets is a person
    if ws.len() >= 2 && ws[0].capital && ws.last().is_some_and(|w| w.opens && w.stop_after == Some(')')) && !ws[ws.len() - 2].opens {
        return true;
    }
    // words in brackets qualify the phrase ("Director (Safeguarding)"); they do not head it
    let mut inside = false;
    let ws: Vec<&&Word> = ws
        .iter()
        .filter(|w| {
            let skip = inside || w.opens;
            inside = (inside || w.opens) && w.stop_after != Some(')');
            !skip && !w.is(Class::Determiner)
        })
        .collect();
    let Some(first) = ws.first() else { return false };
    if first.is(Class::Title) && ws.len() >= 2 {
        return true;
    }
    // "empower people to do more": a phrase opening with a word that is
    // only a verb is an order and its object, not an owner ("review team"
    // opens with a noun too; "Sue" in capitals may be a name)
    if !first.capital && first.verb.is_some() && !lexicon::is_other_than_a_verb(&first.lower) && !people.knows(&first.lower) {
        return false;
    }
    // the head: the last word before "of" ("Head of Finance", "resident of …")
    let head_end = ws.iter().position(|w| w.lower == "of" || w.lower == "for").unwrap_or(ws.len());
    if head_end == 0 {
        return false;
    }
    let head = &ws[..head_end];
    let pronoun = |w: &Word| w.is(Class::PronounSingular) || w.is(Class::PronounPlural) || w.is(Class::PronounFirstSingular) || w.is(Class::PronounFirstPlural);
    if head.iter().any(|w| w.is(Class::NonAgent) || w.is(Class::Be) || w.is(Class::ModalFuture) || pronoun(w)) {
        return false;
    }
    // the head noun is the last word ("Cabinet Member", "family photography")
    if head.last().is_some_and(|w| names_someone(w, people)) || head.iter().any(|w| w.caps && names_someone(w, people)) {
        return true;
    }
    // a proper name: capitalised words, not at the head of the sentence
    // unless there are two of them ("Tony Hunt")
    let all_capital = head.iter().all(|w| w.capital && !w.is(Class::Label));
    // "the Wellness Program", "the Change Order": ordinary words in capitals
    // after "the", headed by a thing, name a thing (a person's name takes
    // no "the"; "the Parish Council" is headed by a group)
    let thing = the && head.iter().all(|w| !people.knows(&w.lower) && lexicon::is_word(&w.lower));
    all_capital && !thing && head.len() <= 4 && (!initial || head.len() >= 2) && head.iter().all(|w| w.verb.is_none() || head.len() >= 2)
}

/// Splits an owner phrase at "and", "&", "/" and commas, unless a part is
/// the complement of a role ("Head of Strategic Infrastructure and Financial
/// Recovery"). Returns the parts as index ranges into `ws`.
pub(super) fn split_owners(ws: &[&Word]) -> Vec<std::ops::Range<usize>> {
    let has_of = ws.iter().any(|w| w.lower == "of");
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        let joiner = w.lower == "and" || w.lower == "&";
        if joiner && !has_of {
            if i > start {
                parts.push(start..i);
            }
            start = i + 1;
        } else if w.stop_after == Some(',') && !has_of && i + 1 < ws.len() {
            parts.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < ws.len() {
        parts.push(start..ws.len());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn agent(phrase: &str, people: &People, initial: bool) -> bool {
        let w = words(phrase, 0..phrase.len());
        let refs: Vec<&Word> = w.iter().collect();
        is_agent(&refs, people, initial)
    }

    #[test]
    fn owners_by_shape_lexicon_and_people() {
        let none = People::default();
        for p in ["the Clerk", "HR", "Cllr M Storey", "committee members", "the resident of the neighbouring property", "Tony Hunt", "Staff", "the Parish Council", "Head of Finance"] {
            assert!(agent(p, &none, true), "{p}");
        }
        for p in ["Nothing", "Payments", "It", "the report", "The streetlight", "Update"] {
            assert!(!agent(p, &none, true), "{p}");
        }
        let people = People::new(["Paolo Melchiorre", "Priya Kaur"]);
        assert!(agent("Paolo", &people, true));
        assert!(!agent("Paolo", &none, true), "one unknown capitalised word opening a sentence says nothing");
        assert!(agent("Paolo", &none, false), "inside a sentence a capital names someone");
    }

    #[test]
    fn clean_owner_drops_articles_aliases_and_stops() {
        assert_eq!(clean_owner("the Clerk."), "Clerk");
        assert_eq!(clean_owner("Priya (pk401)"), "Priya");
        assert_eq!(clean_owner("Assistant Director (Safeguarding Services)"), "Assistant Director (Safeguarding Services)");
        assert_eq!(clean_owner("Cllrs."), "Cllrs");
        assert_eq!(clean_owner("@jo:example.org"), "jo");
        assert_eq!(clean_owner("@jo:example.org to renew it"), "jo:example.org to renew it");
    }

    #[test]
    fn several_owners_split_but_not_a_role_complement() {
        let split = |p: &str| {
            let w = words(p, 0..p.len());
            let refs: Vec<&Word> = w.iter().collect();
            split_owners(&refs).into_iter().map(|r| refs[r].iter().map(|w| w.lower.clone()).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>()
        };
        assert_eq!(split("KL and the Secretary"), ["kl", "the secretary"]);
        assert_eq!(split("Dan, Travis, Sangwhan"), ["dan", "travis", "sangwhan"]);
        assert_eq!(split("Head of Infrastructure and Recovery"), ["head of infrastructure and recovery"]);
    }
}
