//! Commitment detection: clauses that commit someone to act after the
//! meeting, written as prose rather than marked as actions.
//!
//! Each block is split into sentences once (`sentences`), each sentence into
//! words once (`words`, with what the lexicon says of each), and the
//! clause's shape decides: a verb group that points after the meeting (a
//! future modal, `to` + a verb after an owner or after `agreed`, `asked X
//! to`, `That X write …`, `is still chasing`, `was deferred`), a subject
//! that names someone (`owners`), tense and mood (past narrative,
//! conditions, opinions and corrections commit nobody). Verbs are whatever
//! WordNet knows; the function words are the closed classes of
//! `catalogue/lexicon/english.toml`.
//!
//! Pure: a function of the block's text and the document's people.

mod due;
mod owners;
pub(super) mod words;

use std::cell::RefCell;
use std::ops::{Deref, Range};

use super::memo::Memo;
use super::sentences;
use crate::catalogue::lexicon::{self, Class, Inflection};
pub use due::Due;
pub use owners::{clean_owner, is_nickname, leading_owners, People};
use words::Word;

/// A clause that commits someone to act after the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// Byte range in the input of the committing clause: from its owner (or
    /// its verb) to the end of its task; the whole sentence when it holds
    /// one commitment.
    pub span: Range<usize>,
    /// Who must act, cleaned ("Director", "Cabinet Member", "Cllr Storey",
    /// "HR"). Empty when nobody is named.
    pub owners: Vec<String>,
    /// Where the owner is written; `None` when inferred from a pronoun or
    /// an elided subject, or absent.
    pub owner_span: Option<Range<usize>>,
    pub due: Option<Due>,
    /// How the clause commits.
    pub form: Form,
    /// Who acts is left for the reader to supply: a subject left out by the
    /// notes ("Will take another shot at this.", most often the speaker's
    /// own plan), a pronoun with nobody named before it, "I" with no
    /// speaker named, or "we" (the body as a whole). Whether anyone must be
    /// named is then uncertain.
    pub elided: bool,
}

/// The shape of a committing clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "The Clerk will write", "she would be happy to facilitate"
    Future,
    /// "a briefing would be provided", "That a report be presented"
    Passive,
    /// "Clerk to finalise", "HR to chase"
    Infinitive,
    /// "X agreed to", "volunteered", "I plan to"
    Undertaking,
    /// "asked the Director to", "Staff was directed to"
    Directed,
    /// "That the Clerk write to …"
    Subjunctive,
    /// "has to supply", "needs to", "is to report"
    Obligation,
    /// "is still chasing", "has been organising"
    Ongoing,
    /// "was deferred to the next meeting"
    Deferral,
    /// "DECISION: 1) To bid for …", "It was agreed to hold …"
    Decision,
    /// "Look for consulting support" as an entry of its own
    Imperative,
    /// "let's publish the findings"
    Proposal,
}

/// Where a block stands, which the words alone cannot tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Setting {
    /// An entry of a list or a line of its own: a bare imperative there is a task.
    pub entry: bool,
}

/// Finds the commitments in one block of minutes (a paragraph, a list
/// item, a numbered paragraph or a resolution). Never panics; linear in the
/// length of the text.
pub fn find_commitments(text: &str, people: &People, setting: Setting) -> Vec<Commitment> {
    if !prefilter(text) {
        return Vec::new();
    }
    let mut reader = Reader { text, people, mentions: Vec::new(), speaker: None, decided: false, entry: setting.entry, out: Vec::new() };
    let all = sentences::split(text);
    for (n, s) in all.iter().enumerate() {
        reader.sentence(s, n == 0, setting.entry && all.len() == 1);
    }
    reader.out
}

/// [`find_commitments`] with the document's people, through the caller's
/// [`Memo`] when it keeps one. Reads as the people it finds with.
pub struct Detector<'m> {
    people: People,
    memo: Option<RefCell<&'m mut Memo>>,
}

impl<'m> Detector<'m> {
    pub fn new(people: People, memo: Option<&'m mut Memo>) -> Detector<'m> {
        let memo = memo.map(|m| {
            m.people(&people);
            RefCell::new(m)
        });
        Detector { people, memo }
    }

    /// The commitments in one block's `text` ([`find_commitments`]).
    pub fn find(&self, text: &str, setting: Setting) -> Vec<Commitment> {
        let Some(memo) = &self.memo else { return find_commitments(text, &self.people, setting) };
        let mut memo = memo.borrow_mut();
        let results = memo.commitments.entry(text);
        if let Some((_, _, found)) = results.iter().find(|(s, _, _)| *s == setting) {
            return found.clone();
        }
        let (found, asked) = self.people.recording(|| find_commitments(text, &self.people, setting));
        results.push((setting, asked, found.clone()));
        found
    }
}

impl Deref for Detector<'_> {
    type Target = People;

    fn deref(&self) -> &People {
        &self.people
    }
}

/// A block with none of these holds no commitment: the one test most
/// blocks see. Case-insensitive ASCII, one pass.
fn prefilter(text: &str) -> bool {
    const CUES: &[&str] = &["to ", "ll ", "will", "would", "shall", "should", "be ", "ing", "ed ", "ed.", "ed,", "that", "volunteer", "need", "must"];
    let lower = text.to_ascii_lowercase();
    CUES.iter().any(|c| lower.contains(c)) || text.split_whitespace().count() <= 12
}

struct Mention {
    at: usize,
    owners: Vec<String>,
}

struct Reader<'a> {
    text: &'a str,
    people: &'a People,
    mentions: Vec<Mention>,
    /// "Travis: I can volunteer": who "I" is in this block.
    speaker: Option<String>,
    /// A decision was recorded earlier in the block ("RESOLVED:", "DECISION:").
    decided: bool,
    /// The block is an entry of its own (a list item, an action line).
    entry: bool,
    out: Vec<Commitment>,
}

/// Who a clause's subject is.
enum Subject {
    /// Named here: word indices.
    Named(Range<usize>),
    /// A pronoun or an elided subject: the nearest earlier owner.
    Refers,
    /// "I": the speaker of the line.
    Speaker,
    /// "we", "let's", no subject at all: the meeting itself.
    Nobody,
    /// "it", "this", a thing: no commitment.
    NotAgent,
}

struct Found {
    /// The first word of the clause (owner or verb).
    start: usize,
    owners: Vec<String>,
    owner_span: Option<Range<usize>>,
    form: Form,
    elided: bool,
}

impl<'a> Reader<'a> {
    fn sentence(&mut self, s: &sentences::Sentence, first: bool, entry: bool) {
        let head = &self.text[s.span.start..s.body];
        let label = head.trim().trim_end_matches(':').trim();
        let label_lower = label.to_lowercase();
        if ["resolved", "decision", "decisions", "agreed", "resolution"].iter().any(|k| label_lower.contains(k)) {
            self.decided = true;
        }
        let ws = words::words(self.text, s.body..s.span.end);
        // "13:11 <+bla> jrandom: I'll post the screenshots": the line is the
        // nick's, whoever it speaks to
        if let Some((_, nick)) = sentences::chat_prefix(head.trim_start()) {
            self.speaker = Some(nick.to_string());
        } else if first && head.trim_end().ends_with(':') {
            let lw = words::words(self.text, s.span.start..s.body);
            let refs: Vec<&Word> = lw.iter().collect();
            if !refs.is_empty() && refs.len() <= 3 && refs.iter().all(|w| w.capital && !w.caps && !w.is(Class::Label)) {
                self.speaker = Some(owners::clean_owner(label));
            }
        }
        if ws.is_empty() {
            return;
        }
        // sentence-initial subject, for pronouns in later clauses
        if let Some(end) = self.np_end(&ws, 0) {
            if ws.get(end).is_some_and(|w| w.verb.is_some() || w.is(Class::Be) || w.is(Class::Have) || w.is(Class::ModalFuture)) {
                self.mention(&ws, 0..end);
            }
        }
        let sentence_lower = self.text[s.span.clone()].to_lowercase();
        let correction = sentence_lower.contains("should read") || sentence_lower.contains("amended to read") || sentence_lower.contains("to read:");
        let conditional = ws[0].is(Class::Conditional) && !ws[0].is(Class::ModalObligation) || ws[0].lower == "should" && ws.len() > 1 && !ws[1].is(Class::ModalFuture);
        if ws.iter().any(|w| w.caps && matches!(w.lower.as_str(), "resolved" | "agreed" | "decision" | "decided")) || ws.first().is_some_and(|w| w.lower == "agreed" || w.lower == "resolved") {
            self.decided = true;
        }
        let question = self.text[s.span.clone()].trim_end().ends_with('?');
        // "that should at any time the grass become …, it would be removed": a condition
        let inverted = ws.windows(2).any(|p| p[0].lower == "should" && (p[1].is(Class::Preposition) || p[1].is(Class::Determiner)));
        let conditional = conditional || inverted;
        // "be and hereby is established": the resolution does it itself
        let performative = ws.iter().any(|w| w.lower == "hereby");
        if correction || conditional || question || performative {
            return;
        }
        // "The following actions would be taken:": a lead-in names the
        // tasks in the list after it, not one of its own
        let lead_in = self.text[s.span.clone()].trim_end().ends_with(':');
        let mut found: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if let Some(f) = self.at(&ws, i) {
                if !f.owners.is_empty() {
                    self.mentions.push(Mention { at: ws[i].span.start, owners: f.owners.clone() });
                }
                found.push(f);
            }
            i += 1;
        }
        if lead_in {
            found.retain(|f| !f.owners.is_empty());
        }
        if found.is_empty() && entry {
            if let Some(f) = self.imperative(&ws) {
                found.push(f);
            }
        }
        self.emit(&ws, s, found);
    }

    /// One commitment per owner (or set of owners) in the sentence; clauses
    /// that repeat the owner before them belong to it.
    fn emit(&mut self, ws: &[Word], s: &sentences::Sentence, found: Vec<Found>) {
        let mut groups: Vec<Found> = Vec::new();
        for f in found {
            match groups.last() {
                Some(g) if g.owners == f.owners => {}
                Some(g) if g.owners.is_empty() && matches!(g.form, Form::Passive | Form::Deferral | Form::Decision) && !f.owners.is_empty() && f.form == Form::Future => {
                    // "there would be a report … for the Council to consider": one
                    let last = groups.len() - 1;
                    groups[last] = f;
                }
                // "HR would be creating a list …, and the list would be
                // placed on the noticeboard": the passive names no one new,
                // it goes on with the task of the owner before it
                Some(g) if !g.owners.is_empty() && f.owners.is_empty() && f.form == Form::Passive => {}
                _ => groups.push(f),
            }
        }
        let n = groups.len();
        for (k, g) in groups.iter().enumerate() {
            let start = if n == 1 { s.body } else { ws[g.start].span.start };
            let end = if k + 1 < n { clause_end(ws, groups[k + 1].start) } else { s.span.end };
            let start = if k == 0 && n > 1 { s.body.min(start) } else { start };
            let due = due::find(self.text, ws[g.start].span.start.max(start)..end);
            self.out.push(Commitment { span: start..end.max(start), owners: g.owners.clone(), owner_span: g.owner_span.clone(), due, form: g.form, elided: g.elided });
        }
    }

    /// A commitment whose verb group is at word `i`.
    fn at(&self, ws: &[Word], i: usize) -> Option<Found> {
        let w = &ws[i];
        let next = |k: usize| skip_adverbs(ws, k);
        // future modals, and "should" where a decision or the speaker says it
        let should = w.is(Class::ModalObligation) && w.lower != "ought";
        // "I can volunteer": a speaker offering
        let can_offer = w.is(Class::ModalPossibility) && i > 0 && ws[i - 1].is(Class::PronounFirstSingular) && ws.get(next(i + 1)).is_some_and(|v| v.verb_in(Class::CommissiveVerb));
        if w.is(Class::ModalFuture) || should || can_offer {
            let j = next(i + 1);
            let v = ws.get(j)?;
            if v.is(Class::Negation) {
                return None;
            }
            let subject = self.subject(ws, i);
            let first_person = matches!(subject, Subject::Speaker) || matches!(subject, Subject::Nobody) && i == 1 && ws[0].is(Class::PronounFirstPlural);
            if should && !(self.decided || self.decision_before(ws, i) || first_person) {
                return None;
            }
            if should && !first_person && self.opinion_before(ws, i) && !self.decision_before(ws, i) {
                return None;
            }
            // "if something happened … the residents would have to": a condition
            if ws[..i].iter().any(|w| matches!(w.lower.as_str(), "if" | "unless" | "whether")) {
                return None;
            }
            // "it is expected that … will be hosted", "it looks like we
            // will make a surplus": a forecast, not a task
            if !matches!(subject, Subject::Speaker) && self.forecast_before(ws, i) {
                return None;
            }
            // "an interest in the payment that she would be requesting": a
            // relative clause describes the noun before it, it sets no task
            if matches!(subject, Subject::Named(_) | Subject::Refers) && self.relative(ws, i) {
                return None;
            }
            let form = self.modal_tail(ws, j)?;
            // "as to … when the code would be made available": a question
            // asked, not a thing to be done
            let asked = i > 0 && self.np_start(ws, i - 1).is_some_and(|s| s > 0 && ws[s - 1].is(Class::QuestionWord) && ws[s - 1].lower != "which");
            if asked {
                return None;
            }
            if form == Form::Passive {
                let found = self.passive(ws, i, j);
                // "its property shall be distributed to …": a standing rule
                // (a constitution, standing orders), not a task for anyone
                if w.lower == "shall" && found.owners.is_empty() {
                    return None;
                }
                return Some(found);
            }
            // "The committee would receive a further report": the meeting's own
            // act at a later meeting; whoever brings the report is not named
            // — unless the subject also does something itself: "the Board
            // would endorse the approach and provide any assistance"
            if matches!(subject, Subject::NotAgent) {
                return None;
            }
            if ws[j].lemma().is_some_and(|l| lexicon::is(Class::MeetingAct, l)) && !coordinated_act(ws, j + 1) {
                let elided = matches!(subject, Subject::Nobody) && (subject_left_out(ws, i) || collective_subject(ws, i));
                return Some(Found { start: i, owners: Vec::new(), owner_span: None, form: Form::Future, elided });
            }
            return self.with_subject(ws, i, subject, Form::Future);
        }
        if w.lower == "to" {
            return self.infinitive(ws, i);
        }
        // "let's publish the findings"
        if (w.lower == "let's" || w.lower == "let’s") && ws.get(i + 1).is_some_and(|v| v.is_verb(Inflection::Base) || v.is_adverb()) {
            return Some(Found { start: i, owners: Vec::new(), owner_span: None, form: Form::Proposal, elided: false });
        }
        // "That the Clerk write to …", "RESOLVED that a report be presented"
        // ("Fred proposed that the social be held on campus" is one
        // person's proposal: nothing is decided yet)
        let proposed_by_someone = |k: usize| k > 0 && ws[k - 1].capital && ws[k].lemma().is_some_and(|l| l == "propose" || l == "suggest");
        let decided_that = ws[..i]
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .any(|(k, p)| p.verb_in(Class::DecisionVerb) && p.is_verb(Inflection::Past) && !(k > 0 && ws[k - 1].lower == "had") && !proposed_by_someone(k));
        if w.lower == "that" && (i == 0 || decided_that && self.decision_before(ws, i)) {
            return self.subjunctive(ws, i + 1);
        }
        let lemma = w.lemma()?;
        // "was deferred to the next meeting"
        let put_off_to = ws.get(i + 1).is_some_and(|n| n.lower == "to" || n.lower == "until");
        // "The meeting was adjourned." closes it; "adjourned to 5 May" puts it off
        let closed = lemma == "adjourn" && !put_off_to;
        if w.verb_in(Class::DeferralVerb) && w.is_verb(Inflection::Past) && i > 0 && (ws[i - 1].is(Class::Be) || put_off_to) && !closed {
            return Some(Found { start: i, owners: self.agent_after(ws, i + 1).unwrap_or_default(), owner_span: None, form: Form::Deferral, elided: false });
        }
        // "Laura and Amy have volunteered", "TD volunteered too"
        // "Dan: I volunteer.": the speaker offering, in the present
        let offered = w.is_verb(Inflection::Past) || w.is_verb(Inflection::Base) && i > 0 && (ws[i - 1].is(Class::ModalFuture) || ws[i - 1].is(Class::ModalPossibility) || ws[i - 1].is(Class::PronounFirstSingular) || ws[i - 1].is(Class::PronounFirstPlural));
        if lemma == "volunteer" && offered && ws.get(i + 1).is_none_or(|n| n.lower != "to") {
            if i > 0 && ws[i - 1].is(Class::Be) {
                return None;
            }
            let subject = self.subject(ws, i);
            return self.with_subject(ws, i, subject, Form::Undertaking);
        }
        // "is still chasing", "has been organising"
        if w.is_verb(Inflection::Ing) && w.verb.is_some_and(|v| v.class.is_act()) && i > 0 {
            let mut k = i - 1;
            while k > 0 && ws[k].is_adverb() {
                k -= 1;
            }
            let aux = &ws[k];
            let present = matches!(aux.lower.as_str(), "is" | "are" | "am") || aux.lower == "been" && k > 0 && matches!(ws[k - 1].lower.as_str(), "has" | "have");
            // "was still chasing": work in hand when minuted ("was buying" is narrative)
            let past = matches!(aux.lower.as_str(), "was" | "were") && ws[k + 1..i].iter().any(|w| w.lower == "still");
            // "Esports is moving", "is progressing steadily": a verb with
            // nothing after it but an adverb reports how things stand; work
            // in hand acts on something ("is still chasing the contractor",
            // "is following up")
            let next = ws.get(i + 1).filter(|n| !ends_clause(&ws[i]) && !n.is_adverb());
            if (present || past) && next.is_some_and(|n| n.lower != "to") {
                let at = if aux.lower == "been" { k - 1 } else { k };
                let subject = self.subject(ws, at);
                if !matches!(subject, Subject::Named(_) | Subject::Refers) {
                    return None; // "I have been making progress": a report, not a task
                }
                return self.with_subject(ws, at, subject, Form::Ongoing);
            }
        }
        None
    }

    /// After a modal and its adverbs, at word `j`: the form of the verb group.
    fn modal_tail(&self, ws: &[Word], j: usize) -> Option<Form> {
        let v = &ws[j];
        if v.lower == "be" {
            let k = skip_adverbs(ws, j + 1);
            let x = ws.get(k)?;
            if x.is_verb(Inflection::Ing) && x.verb.is_some_and(|v| v.class.is_act()) {
                return Some(Form::Future);
            }
            if x.is(Class::WillingAdjective) {
                if x.lower == "available" {
                    return Some(Form::Passive);
                }
                return ws.get(k + 1).filter(|t| t.lower == "to").map(|_| Form::Future);
            }
            if x.is_verb(Inflection::Past) {
                // "will be held at the hall on 28 July": an event, not a task
                return x.verb.filter(|v| v.class.is_act() && !lexicon::is(Class::MeetingAct, v.lemma) && !lexicon::is(Class::EventVerb, v.lemma) || v.lemma == "approve").map(|_| Form::Passive);
            }
            // "would be a topic of discussion at the next meeting"
            let rest = &ws[k..];
            if x.is(Class::Determiner) && rest.iter().take(6).any(|w| w.is(Class::AgendaNoun)) {
                return Some(Form::Passive);
            }
            return None;
        }
        if v.is(Class::Have) || v.lower == "need" || v.lower == "like" || v.lower == "want" {
            let to = ws.get(j + 1)?;
            let verb = ws.get(j + 2)?;
            // a first sense is a weak guide here ("invite" is first an emotion): only states are out
            let acts = verb.verb.is_some_and(|x| x.class != lexicon::VerbClass::Stative) && !verb.is(Class::Have) && !verb.is(Class::Be);
            return (to.lower == "to" && verb.is_verb(Inflection::Base) && acts).then_some(Form::Future);
        }
        let verb = v.verb?;
        (verb.inflection == Inflection::Base && verb.class.is_act() && !v.capital).then_some(Form::Future)
    }

    /// "to" at word `i` followed by a verb.
    fn infinitive(&self, ws: &[Word], i: usize) -> Option<Found> {
        let v = ws.get(i + 1)?;
        // "no need to vote for …", "had not been available for the public to view"
        let clause_start = ws[..i].iter().rposition(ends_clause).map_or(0, |k| k + 1);
        if ws[clause_start..i].iter().any(|w| w.is(Class::Negation)) {
            return None;
        }
        let passive = v.lower == "be" && ws.get(i + 2).is_some_and(|p| p.is_verb(Inflection::Past));
        // "HR to action.": a word used as a verb that the lexicon has only as a noun
        let coined = v.verb.is_none() && !v.capital && !v.caps && ends_clause(v) && !lexicon::is_agent_noun(&v.lower) && v.lower.chars().all(char::is_alphabetic)
            && !(v.is(Class::Determiner) || v.is(Class::Preposition) || v.is(Class::NonAgent) || v.is(Class::PronounPlural) || v.is(Class::PronounSingular));
        if !passive && !(v.is_verb(Inflection::Base) && !v.capital) && !coined {
            return None;
        }
        let task_lemma = if passive { ws[i + 2].lemma() } else { v.lemma() };
        if passive && task_lemma.is_some_and(|l| lexicon::is(Class::MeetingAct, l) || lexicon::is(Class::EventVerb, l)) {
            return None;
        }
        // at the head of a clause: "To bid for …", "To be revisited"
        if i == 0 || ends_clause(&ws[i - 1]) {
            if i > 0 {
                return None;
            }
            if passive {
                return Some(Found { start: i, owners: Vec::new(), owner_span: None, form: Form::Passive, elided: false });
            }
            let act = task_lemma.is_some_and(|l| lexicon::is(Class::MeetingAct, l));
            return (self.decided && !act).then_some(Found { start: i, owners: Vec::new(), owner_span: None, form: Form::Decision, elided: false });
        }
        let mut p = i - 1;
        while p > 0 && ws[p].is_adverb() && ws[p].stop_after.is_none() {
            p -= 1;
        }
        let gov = &ws[p];
        // "is to be removed": nobody named but the "by" agent
        if passive && matches!(gov.lower.as_str(), "is" | "are") {
            let start = self.np_start(ws, p.saturating_sub(1)).unwrap_or(p);
            // "advice on how the teaching is to be done": an indirect
            // question describes the matter, it sets no task
            if start > 0 && ws[start - 1].is(Class::QuestionWord) && ws[start - 1].lower != "which" {
                return None;
            }
            return Some(Found { start, owners: self.agent_after(ws, i + 3).unwrap_or_default(), owner_span: None, form: Form::Passive, elided: false });
        }
        // "agreed to", "has offered to", "is still trying to", "I plan to"
        if gov.verb_in(Class::CommissiveVerb) && !gov.capital || gov.lower == "agreed" {
            let mut k = p;
            // "is still trying to": the subject is before the auxiliary
            if gov.is_verb(Inflection::Ing) {
                let mut still = false;
                let mut past = false;
                while k > 0 && (ws[k - 1].is_adverb() || ws[k - 1].is(Class::Be)) && !ends_clause(&ws[k - 1]) {
                    still |= ws[k - 1].lower == "still";
                    past |= matches!(ws[k - 1].lower.as_str(), "was" | "were");
                    k -= 1;
                }
                if past && !still {
                    return None; // "he was continuing to …": told, not promised
                }
                let subject = self.subject(ws, k);
                return self.with_subject(ws, k, subject, Form::Ongoing);
            }
            let be_before = k > 0 && ws[k - 1].is(Class::Be);
            if be_before {
                // "It was agreed to hold …"; "had been agreed to" is narrative
                if k >= 2 && ws[k - 2].lower == "had" || k >= 3 && ws[k - 3].lower == "had" {
                    return None;
                }
                if !gov.verb_in(Class::DecisionVerb) && !gov.is_verb(Inflection::Ing) {
                    return None;
                }
                if gov.is_verb(Inflection::Ing) {
                    let subject = self.subject(ws, k - 1);
                    return self.with_subject(ws, k - 1, subject, Form::Undertaking);
                }
                return Some(Found { start: 0, owners: Vec::new(), owner_span: None, form: Form::Decision, elided: false });
            }
            while k > 0 && (ws[k - 1].is(Class::Have) || ws[k - 1].is_adverb() && ws[k - 1].stop_after.is_none()) {
                k -= 1;
            }
            if passive {
                return None;
            }
            let subject = self.subject(ws, k);
            if matches!(subject, Subject::Nobody) && k == 0 {
                return Some(Found { start: 0, owners: Vec::new(), owner_span: None, form: Form::Decision, elided: false });
            }
            return self.with_subject(ws, k, subject, Form::Undertaking);
        }
        // "was asked to", "were reminded to" (be may be elided)
        if gov.verb_in(Class::DirectiveVerb) && gov.is_verb(Inflection::Past) {
            // "The meeting was called to order": the idiom opens a meeting, it directs nobody
            if gov.lemma() == Some("call") && v.lower == "order" {
                return None;
            }
            let mut k = p;
            if k > 0 && ws[k - 1].is(Class::Be) {
                if matches!(ws[k - 1].lower.as_str(), "is" | "are" | "am") {
                    return None; // a paper's request to the meeting itself
                }
                k -= 1;
            } else if matches!(gov.lemma(), Some("ask" | "request" | "call")) {
                // "The PCN asked to use the library": a request, not a task;
                // "Meeting called to order": the meeting opening
                return None;
            }
            if task_lemma.is_some_and(|l| lexicon::is(Class::MeetingAct, l)) {
                return None;
            }
            let subject = self.subject(ws, k);
            return self.with_subject(ws, k, subject, Form::Directed);
        }
        // "is to report", "has to supply", "needs to", "happy to"
        if gov.is(Class::Be) && matches!(gov.lower.as_str(), "is" | "are" | "am") || matches!(gov.lower.as_str(), "has" | "have" | "need" | "needs") {
            // "if they had items to add, they need to submit them": a condition
            if ws[..p].iter().any(|w| matches!(w.lower.as_str(), "if" | "unless" | "whether")) {
                return None;
            }
            let subject = self.subject(ws, p);
            // "The point of a committee is to …", "One of the goals is to …": what it is for
            let clause_start = ws[..p].iter().rposition(ends_clause).map_or(0, |k| k + 1);
            if gov.is(Class::Be) && ws[clause_start..p].iter().any(|w| w.is(Class::PurposeNoun)) {
                return None;
            }
            let named_thing = matches!(&subject, Subject::Named(r) if !self.agents(ws, r.clone(), false));
            if named_thing && gov.is(Class::Be) {
                // "The plan is to update this": to be done, by nobody named
                return Some(Found { start: p, owners: Vec::new(), owner_span: None, form: Form::Obligation, elided: false });
            }
            return self.with_subject(ws, p, subject, Form::Obligation);
        }
        if gov.is(Class::WillingAdjective) && p > 0 && matches!(ws[p - 1].lower.as_str(), "is" | "are" | "am") {
            let subject = self.subject(ws, p - 1);
            return self.with_subject(ws, p - 1, subject, Form::Obligation);
        }
        // "Meeting called to order", "the hall used to flood": a verb before "to" is no owner
        if gov.is_verb(Inflection::Past) && !gov.capital && !gov.caps {
            return None;
        }
        // "for Jason to be a board member": a state, not a task
        if v.lower == "be" && !passive {
            return None;
        }
        // an owner right before "to": "Clerk to finalise", "asked the Director to", "for X to"
        let np_start = self.np_start(ws, p)?;
        let np = np_start..p + 1;
        let before = np_start.checked_sub(1).map(|b| &ws[b]);
        // "The bench and the sign to be added to the register"
        if passive && before.is_none_or(|b| ends_clause(b) || b.lower == "that") {
            return Some(Found { start: np_start, owners: self.agent_after(ws, i + 3).unwrap_or_default(), owner_span: None, form: Form::Passive, elided: false });
        }
        if !self.agents(ws, np.clone(), np_start == 0) {
            return None;
        }
        match before {
            // "called the meeting to order": the idiom opens a meeting, it directs nobody
            Some(b) if b.lemma() == Some("call") && v.lower == "order" => None,
            Some(b) if !ends_clause(b) && b.verb_in(Class::DirectiveVerb) => {
                // "would like to invite X to join": the task of the one inviting
                if np_start >= 2 && ws[np_start - 2].lower == "to" {
                    return None;
                }
                if b.lower == "has" || np_start >= 2 && ws[np_start - 2].is(Class::Have) {
                    return None; // "had asked …": reported, done
                }
                if task_lemma.is_some_and(|l| lexicon::is(Class::MeetingAct, l)) {
                    return None;
                }
                Some(self.named(ws, np, Form::Directed))
            }
            Some(b) if !ends_clause(b) && b.lower == "for" && (ws[np_start].is(Class::Determiner) || ws[np_start].capital || ws[np_start].caps) => Some(self.named(ws, np, if passive { Form::Passive } else { Form::Infinitive })),
            // in an entry of its own a name may follow a word with no stop: "… emails Clerk to respond"
            Some(b) if !ends_clause(b) && !(b.lower == "that" || b.is(Class::Coordinator) || b.verb_in(Class::DecisionVerb)) && !(self.entry && (ws[np_start].capital || ws[np_start].caps) && !b.is(Class::Preposition) && !b.capital) => None,
            _ if passive => Some(Found { start: np_start, owners: self.agent_after(ws, i + 3).unwrap_or_default(), owner_span: None, form: Form::Passive, elided: false }),
            _ => Some(self.named(ws, np, Form::Infinitive)),
        }
    }

    /// "That" then an owner and a verb in the base form, or "be" + participle.
    fn subjunctive(&self, ws: &[Word], from: usize) -> Option<Found> {
        let end = self.np_end(ws, from)?;
        let v = ws.get(end)?;
        let refs: Vec<&Word> = ws[from..end].iter().collect();
        if v.lower == "be" {
            let mut k = skip_adverbs(ws, end + 1);
            // "be and hereby is tasked with"
            // "be and hereby is tasked with …": only a task given is for later;
            // what "hereby" creates or appoints is done by the resolution itself
            if ws.get(k).is_some_and(|w| w.lower == "and") && ws.get(k + 1).is_some_and(|w| w.lower == "hereby") {
                k = skip_adverbs(ws, k + 3);
                let tasked = ws.get(k).is_some_and(|p| p.verb_in(Class::DirectiveVerb))
                    && ws.get(k + 1).is_some_and(|t| t.lower == "with" || t.lower == "to" && ws.get(k + 2).is_some_and(|v| v.is_verb(Inflection::Base)));
                return (tasked && self.agents(ws, from..end, false)).then(|| self.named(ws, from..end, Form::Directed));
            }
            let p = ws.get(k)?;
            let lemma = p.lemma()?;
            if !p.is_verb(Inflection::Past) {
                return None;
            }
            if p.verb_in(Class::DirectiveVerb) && ws.get(k + 1).is_some_and(|t| t.lower == "to") && ws.get(k + 2).is_some_and(|t| t.is_verb(Inflection::Base)) {
                return self.agents(ws, from..end, false).then(|| self.named(ws, from..end, Form::Directed));
            }
            if lexicon::is(Class::MeetingAct, lemma) || refs.iter().any(|w| w.is(Class::NonAgent)) {
                return None;
            }
            return Some(Found { start: from, owners: self.agent_after(ws, k + 1).unwrap_or_default(), owner_span: None, form: Form::Passive, elided: false });
        }
        let verb = v.verb?;
        let base = verb.inflection == Inflection::Base || v.lower == "to" && ws.get(end + 1).is_some_and(|n| n.is_verb(Inflection::Base));
        // "That Members note the report": done at the meeting
        let act = if v.lower == "to" { ws.get(end + 1).and_then(|n| n.lemma()) } else { v.lemma() };
        if !base || v.capital || act.is_some_and(|l| lexicon::is(Class::MeetingAct, l)) {
            return None;
        }
        self.agents(ws, from..end, false).then(|| self.named(ws, from..end, Form::Subjunctive))
    }

    /// Whether the subject of the modal at `i` opens a relative clause:
    /// "that" or "which" right before it follows a noun that follows a
    /// determiner or a preposition ("for payment that she would …", "the
    /// hall which they will …"), where after a verb ("agreed that she
    /// would …") or "be" ("was clear that he would …") it opens what was said.
    fn relative(&self, ws: &[Word], i: usize) -> bool {
        let start = match self.np_start(ws, i - 1) {
            Some(s) if !ws[i - 1].is(Class::PronounSingular) && !ws[i - 1].is(Class::PronounPlural) => s,
            _ => i - 1,
        };
        start >= 3 && matches!(ws[start - 1].lower.as_str(), "that" | "which") && ws[start - 1].stop_after.is_none() && {
            let noun = &ws[start - 2];
            let before = &ws[start - 3];
            noun.stop_after.is_none() && noun.verb.is_none_or(|v| v.inflection == Inflection::Base) && !noun.is(Class::Be) && (before.is(Class::Determiner) || before.is(Class::Preposition)) && !before.is(Class::Be)
        }
    }

    /// A bare imperative opening an entry: "Look for consulting support".
    fn imperative(&self, ws: &[Word]) -> Option<Found> {
        let v = &ws[0];
        let verb = v.verb?;
        if verb.inflection != Inflection::Base || v.is(Class::Label) || ws.len() < 3 || ws.len() > 25 || ws[1].is(Class::Coordinator) {
            return None;
        }
        // "AGREED: move the list to the new host": what was decided, not a task
        if lexicon::is(Class::MeetingAct, verb.lemma) || self.decided {
            return None;
        }
        let object = &ws[1];
        let phrasal = lexicon::verb_lemma(&format!("{} {}", verb.lemma, object.lower));
        if !phrasal.map_or(verb.class, |p| p.1).is_act() {
            return None;
        }
        let phrasal = phrasal.is_some();
        if !phrasal && (object.is(Class::Preposition) || object.is(Class::Be) || object.is(Class::ModalFuture) || object.verb.is_some_and(|x| x.inflection == Inflection::Past)) {
            return None;
        }
        // a title in capitals, or a sentence with a finite verb, is not an order
        let capitals = ws.iter().filter(|w| w.capital).count();
        if capitals * 2 > ws.len() + 1 || ws[1..].iter().any(|w| w.is(Class::Be) || w.is(Class::Have) || w.is(Class::ModalFuture)) {
            return None;
        }
        // "General Manager Gray provided an overview": a name that opens with
        // a word that is also a verb, then its own verb in the past or the
        // third person
        let told = ws.windows(2).skip(1).any(|p| p[0].capital && (p[1].is_verb(Inflection::Past) || p[1].is_verb(Inflection::ThirdPerson)));
        if ws[1].capital && told {
            return None;
        }
        Some(Found { start: 0, owners: Vec::new(), owner_span: None, form: Form::Imperative, elided: false })
    }

    fn passive(&self, ws: &[Word], modal: usize, j: usize) -> Found {
        let start = self.np_start(ws, modal.saturating_sub(1)).unwrap_or(modal);
        Found { start: start.min(modal), owners: self.agent_after(ws, j + 1).unwrap_or_default(), owner_span: None, form: Form::Passive, elided: false }
    }

    /// The owner of a passive: "by X" within a few words.
    fn agent_after(&self, ws: &[Word], from: usize) -> Option<Vec<String>> {
        let by = (from..ws.len().min(from + 6)).find(|&k| ws[k].lower == "by")?;
        let end = self.np_end(ws, by + 1)?;
        if ws[by + 1..end].iter().any(|w| w.is(Class::Month) || w.is(Class::Weekday) || w.lower == "end" || w.lower.chars().any(|c| c.is_ascii_digit())) {
            return None;
        }
        if !self.agents(ws, by + 1..end, false) {
            return None;
        }
        Some(self.owner_names(ws, by + 1..end))
    }

    fn named(&self, ws: &[Word], np: Range<usize>, form: Form) -> Found {
        let owners = self.owner_names(ws, np.clone());
        let span = ws[np.start].span.start..ws[np.end - 1].span.end;
        Found { start: np.start, owners, owner_span: Some(span), form, elided: false }
    }

    fn with_subject(&self, ws: &[Word], at: usize, subject: Subject, form: Form) -> Option<Found> {
        let start = at;
        match subject {
            Subject::Named(r) => {
                // an undertaking or a future act says its subject is someone
                let strong = matches!(form, Form::Undertaking | Form::Directed | Form::Future | Form::Ongoing);
                if !self.agents(ws, r.clone(), r.start == 0 && !strong) {
                    return None;
                }
                Some(self.named(ws, r, form))
            }
            Subject::Refers => {
                let owners = self.refer(ws[at].span.start);
                // "They are happy to …" with nobody named before: the text
                // refers to someone the reader knows, it does not leave the
                // task unowned; it is as unsure as a subject left out
                let elided = owners.is_empty();
                Some(Found { start, owners, owner_span: None, form, elided })
            }
            // "I will …" where no speaker is named: someone in the room
            Subject::Speaker => Some(Found { start, owners: self.speaker.iter().cloned().collect(), owner_span: None, form, elided: self.speaker.is_none() }),
            // "Will take another shot at this": a subject the notes leave
            // out; "We will renew the licence": the whole body, which may be
            // all the owner it needs
            Subject::Nobody => Some(Found { start, owners: Vec::new(), owner_span: None, form, elided: subject_left_out(ws, at) || collective_subject(ws, at) }),
            Subject::NotAgent => None,
        }
    }

    /// The subject of the verb group that starts at word `at`.
    fn subject(&self, ws: &[Word], at: usize) -> Subject {
        let mut j = at;
        // "Unanimously agreed to …": an adverb capitalised for opening the
        // sentence is no name
        let opening_adverb = |w: &Word| w.lower.ends_with("ly") && lexicon::is_word(&w.lower) && !self.people.knows(&w.lower);
        while j > 0 && (ws[j - 1].is_adverb() || j == 1 && opening_adverb(&ws[0]) || ws[j - 1].is(Class::Have) && at - j < 2) && ws[j - 1].stop_after.is_none() {
            j -= 1;
        }
        if j == 0 {
            // "Will have to read the notes." on a speaker's line
            return if self.speaker.is_some() { Subject::Speaker } else { Subject::Nobody };
        }
        let last = &ws[j - 1];
        if ends_clause(last) {
            return Subject::Nobody;
        }
        // "unclear on who would approve": a question, not a relative clause
        if last.lower == "who" && j >= 2 && (ws[j - 2].is(Class::Preposition) || ws[j - 2].verb.is_some() && ws[j - 2].stop_after.is_none()) {
            return Subject::NotAgent;
        }
        if last.is(Class::PronounSingular) || last.is(Class::PronounPlural) || last.lower == "who" {
            return Subject::Refers;
        }
        if last.is(Class::PronounFirstSingular) {
            return Subject::Speaker;
        }
        if last.is(Class::PronounFirstPlural) || last.is(Class::Everyone) && last.lower != "all" {
            return Subject::Nobody;
        }
        if last.is(Class::NonAgent) {
            return Subject::NotAgent;
        }
        if last.is(Class::Coordinator) {
            // "… and would discuss": the subject of the clause before, which
            // is no one in "It does not have to …, but would still get …"
            if ws[0].is(Class::NonAgent) {
                return Subject::NotAgent;
            }
            return Subject::Refers;
        }
        if last.is(Class::Subordinator) || last.is(Class::Preposition) || last.is(Class::Be) || last.is(Class::ModalFuture) || last.is(Class::ModalPossibility) {
            return Subject::NotAgent;
        }
        match self.np_start(ws, j - 1) {
            // "unclear when the plan would be …": an indirect question
            Some(start) if start > 0 && ws[start - 1].is(Class::QuestionWord) => Subject::NotAgent,
            // "Additionally Nate will add …": the adverb opening the sentence is not the name's
            Some(0) if j > 1 && opening_adverb(&ws[0]) => Subject::Named(1..j),
            Some(start) => Subject::Named(start..j),
            None => Subject::NotAgent,
        }
    }

    /// Where the noun phrase ending at word `end` (inclusive) starts.
    fn np_start(&self, ws: &[Word], end: usize) -> Option<usize> {
        let mut k = end;
        loop {
            let w = &ws[k];
            if k != end {
                let closes_bracket = w.stop_after.is_some_and(|c| c == ')' || c == ']');
                // "Dan, Travis, Sangwhan": a list of names
                let name_list = w.stop_after == Some(',') && (w.capital || w.caps) && (ws[k + 1].capital || ws[k + 1].caps);
                if w.stop_after.is_some() && !closes_bracket && !name_list {
                    k += 1;
                    break;
                }
            }
            // "KL and the Secretary", not "reported and the resident"
            let joins = (w.lower == "and" || w.lower == "&") && k > 0 && joinable(&ws[k - 1]);
            let adjective = k > 0 && ws[k - 1].is(Class::Determiner) && w.is_verb(Inflection::Past);
            if !(np_word(w) || adjective) || (w.lower == "and" || w.lower == "&") && !joins || w.lower == "for" {
                k += 1;
                break;
            }
            // a determiner opens the phrase, unless "of" or "and" links it to more
            if w.is(Class::Determiner) && !(k > 0 && (ws[k - 1].lower == "of" || (ws[k - 1].lower == "and" || ws[k - 1].lower == "&") && k > 1 && joinable(&ws[k - 2]))) {
                break;
            }
            if k == 0 || end - k >= 10 {
                break;
            }
            k -= 1;
        }
        // drop connectors at the front
        while k <= end && (ws[k].lower == "of" || ws[k].lower == "for" || ws[k].is(Class::Coordinator)) {
            k += 1;
        }
        (k <= end).then_some(k)
    }

    /// Where the noun phrase starting at word `from` ends (exclusive).
    fn np_end(&self, ws: &[Word], from: usize) -> Option<usize> {
        let mut k = from;
        while k < ws.len() && k - from < 10 {
            let w = &ws[k];
            let adjective = k > from && ws[k - 1].is(Class::Determiner) && w.is_verb(Inflection::Past);
            // a lower-case verb after the head noun is the phrase's verb
            let head_before = k > from && (ws[k - 1].capital || ws[k - 1].caps || lexicon::is_agent_noun(&ws[k - 1].lower) || ws[k - 1].stop_after == Some(')'));
            let verb_after_head = head_before && !w.capital && !w.caps && w.verb.is_some() && !lexicon::is_agent_noun(&w.lower);
            if !(np_word(w) || adjective) || verb_after_head {
                break;
            }
            k += 1;
            if ends_clause(w) && w.stop_after != Some(',') {
                break;
            }
        }
        while k > from && (ws[k - 1].lower == "of" || ws[k - 1].is(Class::Coordinator) || ws[k - 1].is(Class::Determiner)) {
            k -= 1;
        }
        (k > from).then_some(k)
    }

    fn owner_names(&self, ws: &[Word], np: Range<usize>) -> Vec<String> {
        let refs: Vec<&Word> = ws[np].iter().collect();
        let mut out = Vec::new();
        for part in owners::split_owners(&refs) {
            let p = &refs[part];
            let (Some(a), Some(b)) = (p.first(), p.last()) else { continue };
            let mut end = b.span.end;
            if b.opens || self.text[end..].starts_with(')') {
                end += usize::from(self.text[end..].starts_with(')'));
            }
            let written = &self.text[a.span.start..end];
            // "David and I": the speaker of the line
            let name = if p.len() == 1 && a.lower == "i" { self.speaker.clone().unwrap_or_default() } else { owners::clean_owner(written) };
            // "TD/KL": initials joined by a slash are two owners
            if name.contains('/') && name.split('/').all(|x| !x.is_empty() && x.chars().all(|c| c.is_uppercase())) {
                out.extend(name.split('/').map(str::to_string));
            } else if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// Whether every owner the phrase `np` names is someone.
    fn agents(&self, ws: &[Word], np: Range<usize>, initial: bool) -> bool {
        let refs: Vec<&Word> = ws[np].iter().collect();
        let parts = owners::split_owners(&refs);
        let speaker = |p: &[&Word]| p.len() == 1 && p[0].lower == "i" && self.speaker.is_some();
        !parts.is_empty() && parts.into_iter().all(|p| speaker(&refs[p.clone()]) || owners::is_agent(&refs[p.clone()], self.people, initial && p.start == 0))
    }

    fn mention(&mut self, ws: &[Word], np: Range<usize>) {
        if self.agents(ws, np.clone(), false) {
            let owners = self.owner_names(ws, np.clone());
            self.mentions.push(Mention { at: ws[np.start].span.start, owners });
        }
    }

    /// The nearest owner named before byte `at`.
    fn refer(&self, at: usize) -> Vec<String> {
        self.mentions.iter().filter(|m| m.at < at).max_by_key(|m| m.at).map(|m| m.owners.clone()).unwrap_or_default()
    }

    /// A decision verb before word `i` in the sentence ("It was agreed that").
    fn decision_before(&self, ws: &[Word], i: usize) -> bool {
        ws[..i].iter().any(|w| w.verb_in(Class::DecisionVerb) && w.is_verb(Inflection::Past) && !w.verb_in(Class::OpinionVerb) || matches!(w.lower.as_str(), "agreed" | "resolved" | "decided"))
    }

    /// Whether the future at word `i` is what a verb of forecasting or
    /// believing says ("expected that the meeting will …", "estimating we
    /// will …", "looks like we will …"): the verb stands right before the
    /// modal's subject, or before "that" / "like" and the subject, and the
    /// sentence records no decision.
    fn forecast_before(&self, ws: &[Word], i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else { return false };
        let pronoun = [Class::PronounFirstPlural, Class::PronounFirstSingular, Class::PronounPlural, Class::PronounSingular, Class::NonAgent].iter().any(|&c| ws[before].is(c));
        let Some(start) = (if pronoun { Some(before) } else { self.np_start(ws, before) }) else { return false };
        let Some(mut k) = start.checked_sub(1) else { return false };
        if matches!(ws[k].lower.as_str(), "that" | "like" | "as") && k > 0 {
            k -= 1;
        }
        let looks_like = ws[k].lemma() == Some("look") && ws.get(k + 1).is_some_and(|n| n.lower == "like" || n.lower == "as");
        (ws[k].verb_in(Class::PredictionVerb) || looks_like) && !self.decision_before(ws, i)
    }

    fn opinion_before(&self, ws: &[Word], i: usize) -> bool {
        ws[..i].iter().any(|w| w.verb_in(Class::OpinionVerb) && !matches!(w.lower.as_str(), "agreed" | "noted"))
    }
}

/// Whether the verb group at word `at` has no subject written before it:
/// it opens its sentence or clause ("Will take another shot at this.",
/// "…; will report back").
fn subject_left_out(ws: &[Word], at: usize) -> bool {
    let j = verb_group_start(ws, at);
    j == 0 || ends_clause(&ws[j - 1])
}

/// Where the verb group at word `at` starts, its adverbs and "have" included.
fn verb_group_start(ws: &[Word], at: usize) -> usize {
    let mut j = at;
    while j > 0 && (ws[j - 1].is_adverb() || ws[j - 1].is(Class::Have)) && ws[j - 1].stop_after.is_none() {
        j -= 1;
    }
    j
}

/// Whether the verb group at word `at` has "we", "us" or "everyone" for its
/// subject: the meeting itself, not nobody.
fn collective_subject(ws: &[Word], at: usize) -> bool {
    let j = verb_group_start(ws, at);
    j > 0 && (ws[j - 1].is(Class::PronounFirstPlural) || ws[j - 1].is(Class::Everyone))
}

/// A word that can end the owner before "and": a name, initials, a person noun.
fn joinable(l: &Word) -> bool {
    l.capital || l.caps || lexicon::agent_noun(&l.lower) == Some(true) || l.stop_after == Some(')')
}

/// A word that can be part of an owner's noun phrase.
fn np_word(w: &Word) -> bool {
    if w.is(Class::Be) || w.is(Class::Have) || w.is(Class::ModalFuture) || w.is(Class::ModalObligation) || w.is(Class::ModalPossibility) || w.is(Class::Negation) || w.is(Class::Subordinator) && w.lower != "as" {
        return false;
    }
    if w.lower == "of" || w.lower == "for" || w.lower == "and" || w.lower == "&" || w.is(Class::Determiner) || w.is(Class::Title) {
        return true;
    }
    if w.is(Class::Preposition) || w.is(Class::Coordinator) || w.lower == "to" {
        return false;
    }
    if w.capital || w.caps || w.opens || w.lower.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // lower-case: nouns and adjectives, not verbs in a finite form
    !w.verb.is_some_and(|v| matches!(v.inflection, Inflection::Past | Inflection::ThirdPerson) && !lexicon::is_agent_noun(&w.lower))
}

/// Whether the clause from word `from` goes on with "and" + a verb of an
/// act the meeting does not do by meeting ("and provide", "and write").
fn coordinated_act(ws: &[Word], from: usize) -> bool {
    let end = ws[from.min(ws.len())..].iter().position(|w| w.stop_after.is_some_and(|c| c == '.' || c == ';')).map_or(ws.len(), |k| from + k + 1);
    ws[from.min(end)..end].windows(2).any(|p| {
        p[0].lower == "and"
            && p[1].is_verb(Inflection::Base)
            && p[1].verb.is_some_and(|v| v.class.is_act() && !lexicon::is(Class::MeetingAct, v.lemma))
    })
}

fn skip_adverbs(ws: &[Word], mut k: usize) -> usize {
    while k < ws.len() && ws[k].is_adverb() && !ws[k].is(Class::Negation) {
        k += 1;
    }
    k
}

/// Where the clause before word `next` ends: before the comma, "and" or
/// semicolon that joins them.
fn clause_end(ws: &[Word], next: usize) -> usize {
    let mut k = next;
    if k > 0 && ws[k - 1].is(Class::Coordinator) {
        k -= 1;
    }
    if k == 0 {
        return ws[0].span.start;
    }
    ws[k - 1].span.end
}

/// Punctuation after the word ends its clause (a closing bracket does not).
fn ends_clause(w: &Word) -> bool {
    w.stop_after.is_some_and(|c| c != ')' && c != ']')
}

#[cfg(test)]
mod tests;
