//! Commitment detection: sentences and resolutions that commit someone to act
//! after the meeting, written as prose rather than marked as actions.
//!
//! "It was noted that a briefing would be provided to members in due course",
//! "The Director and Cabinet Member agreed to look into this",
//! "That a further report be presented to the next meeting."
//!
//! The language knowledge (regexes, verb lists, role nouns, abbreviations) is
//! data, in `commitment_patterns.toml`, loaded once.  This module does the
//! mechanics: whitespace folding with exact byte offsets, sentence splitting,
//! subject finding (walking left from the verb), pronoun and elided-subject
//! resolution, "by X" agents of passives, and due dates.
//!
//! Self-contained: depends only on `regex`, `serde` and `toml`.

use regex::{Captures, Regex, RegexBuilder};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// A sentence (or resolution) that commits someone to act after the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// Byte range in the input text of the committing sentence (list markers
    /// and labels such as "Resolved: (1)" excluded).
    pub span: Range<usize>,
    /// Who must act, cleaned ("Director", "Cabinet Member", "Cllr Storey",
    /// "HR").  Empty when nobody is named: the "missing owner" case.
    pub owners: Vec<String>,
    /// Where the owner is written; `None` when inferred from a pronoun or an
    /// elided subject, or absent.
    pub owner_span: Option<Range<usize>>,
    /// When it is due, as written.
    pub due: Option<Due>,
    /// Name of the pattern that matched (from `commitment_patterns.toml`).
    pub pattern: String,
}

/// A due date as written: "by 10 February 2020", "before 22 February",
/// "at the next meeting", "in due course" (vague).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub text: String,
    pub span: Range<usize>,
    /// True when no date, month, weekday or meeting is named.
    pub vague: bool,
}

/// Find the commitments in one block of minutes (a paragraph, possibly
/// hard-wrapped, a list item, a numbered paragraph or a resolution).
///
/// Never panics; runs in time roughly linear in the length of `text`.
pub fn find_commitments(text: &str) -> Vec<Commitment> {
    // Detection is a pure function of the block's text, and after an edit in
    // an editor every block but one is unchanged: remember recent answers.
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        (h.finish(), text.len())
    };
    if let Some(hit) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let found = engine().find(text);
    if let Ok(mut c) = cache().lock() {
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, found.clone());
    }
    found
}

/// How many blocks' answers are remembered (a few 1 MB documents' worth).
const CACHE_LIMIT: usize = 50_000;

type Cache = std::sync::Mutex<std::collections::HashMap<(u64, usize), Vec<Commitment>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// Names of the patterns in the data file, in order.
pub fn pattern_names() -> Vec<&'static str> {
    engine().patterns.iter().map(|p| p.name.as_str()).collect()
}

// ---------------------------------------------------------------------------
// Data file

const PATTERNS_TOML: &str = include_str!("commitment_patterns.toml");

#[derive(Deserialize)]
struct RawFile {
    macros: BTreeMap<String, String>,
    due: RawDue,
    lexicon: RawLexicon,
    pattern: Vec<RawPattern>,
}

#[derive(Deserialize)]
struct RawDue {
    regex: String,
    vague_words: Vec<String>,
}

#[derive(Deserialize)]
struct RawLexicon {
    roles: Vec<String>,
    titles: Vec<String>,
    pronouns: Vec<String>,
    collective_pronouns: Vec<String>,
    stop_words: Vec<String>,
    thing_stop: Vec<String>,
    skip_left: Vec<String>,
    capital_stop: Vec<String>,
    caps_stop: Vec<String>,
    mention_verbs: Vec<String>,
    abbreviations: Vec<String>,
    reject_task: Vec<String>,
    decision_context: String,
    prefix: String,
}

#[derive(Deserialize)]
struct RawPattern {
    name: String,
    #[allow(dead_code)]
    comment: String,
    regex: String,
    owner: String,
    #[serde(default)]
    task_check: Option<String>,
    #[serde(default)]
    thing_check: Option<String>,
    #[serde(default)]
    decision_context: bool,
    #[serde(default)]
    strict_owner: bool,
    #[serde(default)]
    reject_task: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum OwnerMode {
    Subject,
    Group,
    Agent,
    Nobody,
}

struct Pattern {
    name: String,
    re: Regex,
    owner: OwnerMode,
    bare_verb: bool,
    thing_check: bool,
    decision_context: bool,
    strict_owner: bool,
    reject_task: HashSet<String>,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

struct Lexicon {
    roles: HashSet<String>,
    titles: HashSet<String>,
    pronouns: HashSet<String>,
    collective: HashSet<String>,
    stop: HashSet<String>,
    thing_stop: HashSet<String>,
    skip_left: HashSet<String>,
    capital_stop: HashSet<String>,
    caps_stop: HashSet<String>,
    abbreviations: HashSet<String>,
    reject_task: HashSet<String>,
}

struct Engine {
    patterns: Vec<Pattern>,
    lex: Lexicon,
    due_re: Regex,
    vague_words: Vec<String>,
    datey_re: Regex,
    decision_re: Regex,
    prefix_re: Regex,
    mention_re: Regex,
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| match Engine::load(PATTERNS_TOML) {
        Ok(e) => e,
        // The data file is compiled in and covered by tests; an invalid file
        // is a build defect, not an input error.
        Err(msg) => panic!("commitment_patterns.toml: {msg}"),
    })
}

fn expand(src: &str, macros: &BTreeMap<String, String>) -> String {
    let mut out = src.to_string();
    for _ in 0..8 {
        let mut changed = false;
        for (k, v) in macros {
            let key = format!("{{{k}}}");
            if out.contains(&key) {
                out = out.replace(&key, &format!("(?:{v})"));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    out
}

fn build(re: &str) -> Result<Regex, String> {
    RegexBuilder::new(re)
        .size_limit(64 << 20)
        .dfa_size_limit(16 << 20)
        .build()
        .map_err(|e| e.to_string())
}

impl Engine {
    fn load(src: &str) -> Result<Engine, String> {
        let raw: RawFile = toml::from_str(src).map_err(|e| e.to_string())?;
        let mut macros = raw.macros.clone();
        let roles: Vec<String> = raw.lexicon.roles.iter().map(|r| regex::escape(r)).collect();
        macros.insert("ROLE".into(), format!("(?:{})s?", roles.join("|")));
        let mut patterns = Vec::new();
        for p in &raw.pattern {
            let re = build(&expand(&p.regex, &macros)).map_err(|e| format!("pattern {}: {e}", p.name))?;
            let owner = match p.owner.as_str() {
                "subject" => OwnerMode::Subject,
                "group" => OwnerMode::Group,
                "agent" => OwnerMode::Agent,
                "none" => OwnerMode::Nobody,
                other => return Err(format!("pattern {}: unknown owner mode {other}", p.name)),
            };
            patterns.push(Pattern {
                name: p.name.clone(),
                re,
                owner,
                bare_verb: p.task_check.as_deref() == Some("bare_verb"),
                thing_check: p.thing_check.is_some(),
                decision_context: p.decision_context,
                strict_owner: p.strict_owner,
                reject_task: set(&p.reject_task),
            });
        }
        let l = &raw.lexicon;
        let lex = Lexicon {
            roles: set(&l.roles),
            titles: set(&l.titles),
            pronouns: set(&l.pronouns),
            collective: set(&l.collective_pronouns),
            stop: set(&l.stop_words),
            thing_stop: set(&l.thing_stop),
            skip_left: set(&l.skip_left),
            capital_stop: set(&l.capital_stop),
            caps_stop: l.caps_stop.iter().cloned().collect(),
            abbreviations: set(&l.abbreviations),
            reject_task: set(&l.reject_task),
        };
        let mention = format!(r"\b(?:{})\b", l.mention_verbs.iter().map(|v| regex::escape(v)).collect::<Vec<_>>().join("|"));
        Ok(Engine {
            patterns,
            lex,
            due_re: build(&expand(&raw.due.regex, &macros))?,
            vague_words: raw.due.vague_words.iter().map(|s| s.to_lowercase()).collect(),
            datey_re: build(&expand(r"(?i:\d|{MONTH}|{WEEKDAY}|meeting|\bAGM\b)", &macros))?,
            decision_re: build(&expand(&l.decision_context, &macros))?,
            prefix_re: build(&expand(&l.prefix, &macros))?,
            mention_re: build(&mention)?,
        })
    }
}

// ---------------------------------------------------------------------------
// Text helpers

/// Whitespace (line breaks, TAB, U+00A0, ...) becomes ASCII spaces of the
/// same byte length, so every offset in the result is an offset in the input.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_whitespace() {
            for _ in 0..ch.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(ch);
        }
    }
    out
}

fn trim_punct(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

fn lower_word(w: &str) -> String {
    trim_punct(w).to_lowercase()
}

fn is_capitalised(w: &str) -> bool {
    trim_punct(w).chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_all_caps(w: &str) -> bool {
    let t = trim_punct(w);
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_alphabetic() || c == '&' || c == '-')
}

#[derive(Clone, Copy)]
struct Sentence {
    body: usize,
    end: usize,
}

#[derive(Debug)]
enum Subj {
    Np(Range<usize>),
    Pronoun(String),
    Elided,
    Empty,
    Invalid,
}

struct Mention {
    end: usize,
    owners: Vec<String>,
}

struct Cand {
    pos: usize,
    order: usize,
    owners: Vec<String>,
    owner_span: Option<Range<usize>>,
    pattern: String,
}

const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"];

impl Engine {
    fn find(&self, text: &str) -> Vec<Commitment> {
        let norm = normalize(text);
        let sentences = self.split_sentences(text, &norm);
        // Tokens of every sentence body: (start, end) byte ranges.
        let toks: Vec<Vec<(usize, usize)>> = sentences.iter().map(|s| tokens(&norm, s.body, s.end)).collect();

        // Actors named as subjects of verbs, for pronoun resolution.
        let mut mentions: Vec<Mention> = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let body = &norm[s.body..s.end];
            for m in self.mention_re.find_iter(body) {
                let p = s.body + m.start();
                if let Subj::Np(r) = self.walk_left(&norm, &toks[si], p) {
                    let (owners, person) = self.clean_owner(&norm[r.clone()]);
                    if person && !owners.is_empty() {
                        mentions.push(Mention { end: r.end, owners });
                    }
                }
            }
        }
        // sentence-initial subjects: "Members remained concerned ..."
        for si in 0..sentences.len() {
            if let Some(r) = self.initial_subject(&norm, &toks[si]) {
                let (owners, person) = self.clean_owner(&norm[r.clone()]);
                if person && !owners.is_empty() {
                    mentions.push(Mention { end: r.end, owners });
                }
            }
        }
        mentions.sort_by_key(|m| m.end);

        // Where a decision is first recorded ("It was agreed", "RESOLVED"):
        // found once, so that asking "was there a decision before this
        // sentence?" stays linear in the text.
        let first_decision_end = self.decision_re.find_iter(&norm).map(|m| m.end()).min();
        let mut out = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let body = &norm[s.body..s.end];
            let mut cands: Vec<Cand> = Vec::new();
            for (order, pat) in self.patterns.iter().enumerate() {
                if pat.decision_context && !first_decision_end.is_some_and(|e| e <= s.body) {
                    continue;
                }
                for caps in pat.re.captures_iter(body) {
                    if let Some(c) = self.candidate(&norm, s, &toks[si], &mentions, pat, order, &caps) {
                        cands.push(c);
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            cands.sort_by_key(|c| (c.pos, c.order));
            let mut owners: Vec<String> = Vec::new();
            let mut owner_span = None;
            for c in &cands {
                for o in &c.owners {
                    if !owners.iter().any(|x| x.eq_ignore_ascii_case(o)) {
                        owners.push(o.clone());
                    }
                }
                if owner_span.is_none() && !c.owners.is_empty() {
                    owner_span = c.owner_span.clone();
                }
            }
            let first = cands.iter().min_by_key(|c| (c.order, c.pos)).map(|c| c.pattern.clone()).unwrap_or_default();
            let due_from = cands.iter().map(|c| c.pos).min().unwrap_or(s.body);
            let due = self.find_due(&norm, text, due_from, s.end);
            let owners = owners.into_iter().map(|o| self.expand_first_name(&norm, s.body, o)).collect();
            out.push(Commitment { span: s.body..s.end, owners, owner_span, due, pattern: first });
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        norm: &str,
        s: &Sentence,
        toks: &[(usize, usize)],
        mentions: &[Mention],
        pat: &Pattern,
        order: usize,
        caps: &Captures,
    ) -> Option<Cand> {
        if caps.name("reject").is_some() {
            return None;
        }
        let m = caps.get(0)?;
        if pat.thing_check {
            // `task` is a noun phrase (the thing to be done); the reject list
            // applies to the participle
            if let Some(t) = caps.name("task") {
                if !self.thing_ok(t.as_str()) {
                    return None;
                }
            }
            if let Some(pp) = caps.name("pp") {
                if pat.reject_task.contains(&lower_word(pp.as_str())) {
                    return None;
                }
            }
        } else if let Some(t) = caps.name("task") {
            let first = t.as_str().split_whitespace().next().unwrap_or("");
            let w = lower_word(first);
            if self.lex.reject_task.contains(&w) || pat.reject_task.contains(&w) {
                return None;
            }
            if pat.bare_verb && !self.is_bare_verb(first) {
                return None;
            }
        }
        let verb_pos = s.body + caps.name("verb").map(|v| v.start()).unwrap_or(m.start());
        let mut owners = Vec::new();
        let mut owner_span = None;
        match pat.owner {
            OwnerMode::Nobody => {}
            OwnerMode::Group => {
                let g = caps.name("owner")?;
                let lw = lower_word(g.as_str());
                if self.lex.pronouns.contains(&lw) {
                    if !self.lex.collective.contains(&lw) {
                        owners = resolve(mentions, s.body + g.start());
                    }
                } else {
                    let (o, person) = self.clean_owner(g.as_str());
                    if !person || o.is_empty() || (pat.strict_owner && !self.is_strict_person(g.as_str())) {
                        return None;
                    }
                    owners = o;
                    owner_span = Some(s.body + g.start()..s.body + g.end());
                }
            }
            OwnerMode::Subject => match self.walk_left(norm, toks, verb_pos) {
                Subj::Np(r) => {
                    let (o, person) = self.clean_owner(&norm[r.clone()]);
                    if !person || o.is_empty() {
                        return None;
                    }
                    owners = o;
                    owner_span = Some(r);
                }
                Subj::Pronoun(p) => {
                    if p == "it" {
                        return None;
                    }
                    if !self.lex.collective.contains(&p) {
                        owners = resolve(mentions, verb_pos);
                    }
                }
                Subj::Elided => owners = resolve(mentions, verb_pos),
                Subj::Empty => {}
                Subj::Invalid => return None,
            },
            OwnerMode::Agent => {
                if let Some(r) = self.agent_after(norm, s.body + m.end(), s.end) {
                    let (o, person) = self.clean_owner(&norm[r.clone()]);
                    if person && !o.is_empty() {
                        owners = o;
                        owner_span = Some(r);
                    }
                }
            }
        }
        Some(Cand { pos: s.body + m.start(), order, owners, owner_span, pattern: pat.name.clone() })
    }

    fn is_bare_verb(&self, w: &str) -> bool {
        let t = trim_punct(w);
        if t.is_empty() || !t.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return false;
        }
        let lw = t.to_string();
        if self.lex.stop.contains(&lw) || self.lex.thing_stop.contains(&lw) || lw == "be" {
            return false;
        }
        if lw.ends_with("ed") || (lw.ends_with("ing") && !matches!(lw.as_str(), "bring" | "ring" | "sing")) {
            return false;
        }
        if lw.ends_with('s') && !lw.ends_with("ss") {
            return false;
        }
        // nouns, not verbs: "Prior to consideration", "a plan to improvement"
        !["tion", "sion", "ment", "ness", "ance", "ence", "ity", "ship"].iter().any(|suf| lw.ends_with(suf))
    }

    fn thing_ok(&self, t: &str) -> bool {
        let words: Vec<&str> = t.split_whitespace().collect();
        // a lower-case "-ed" word right before "to be" / "be" is a verb: "Staff needed to be ..."
        let last_is_verb = words.last().is_some_and(|w| w.chars().next().is_some_and(|c| c.is_lowercase()) && w.ends_with("ed"));
        !words.is_empty() && words.len() <= 14 && !last_is_verb && words.iter().all(|w| !self.lex.thing_stop.contains(&lower_word(w)))
    }

    // -- sentences ----------------------------------------------------------

    fn split_sentences(&self, orig: &str, norm: &str) -> Vec<Sentence> {
        let bytes = norm.as_bytes();
        let ob = orig.as_bytes();
        let n = bytes.len();
        let mut raw: Vec<(usize, usize)> = Vec::new();
        let mut cur = 0usize;
        let mut i = 0usize;
        while i < n {
            let b = bytes[i];
            // line break followed by a list marker or a "Label:" line
            if ob[i] == b'\n' {
                let mut k = i + 1;
                while k < n && bytes[k] == b' ' {
                    k += 1;
                }
                if k < n && k > cur && starts_list_item(&norm[k..]) {
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
                if norm[j..].starts_with('’') || norm[j..].starts_with('”') {
                    j += 3;
                }
                if j >= n || bytes[j] == b' ' {
                    let mut k = j;
                    while k < n && bytes[k] == b' ' {
                        k += 1;
                    }
                    let next = norm[k..].chars().next();
                    let starts = match next {
                        None => true,
                        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "•·(\"“‘'*-–".contains(c),
                    };
                    if starts && (b != b'.' || self.period_ends_sentence(norm, cur, i)) {
                        raw.push((cur, j.min(n)));
                        cur = k;
                        i = k;
                        continue;
                    }
                }
            }
            let ch = norm[i..].chars().next().unwrap_or(' ');
            if (ch == '•' || ch == '·') && i > cur {
                raw.push((cur, i));
                cur = i;
            }
            if ch == '(' {
                if let Some(close) = paren_clause(norm, i) {
                    raw.push((cur, i));
                    raw.push((i + 1, close));
                    cur = close + 1;
                    i = close + 1;
                    continue;
                }
            }
            i += ch.len_utf8();
        }
        raw.push((cur, n));
        let mut out = Vec::new();
        for (a, b) in raw {
            let (a, b) = trim_range(norm, a, b);
            if b <= a || !norm[a..b].chars().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let mut body = a;
            for _ in 0..8 {
                match self.prefix_re.find(&norm[body..b]) {
                    Some(m) if m.end() > 0 && body + m.end() < b => body += m.end(),
                    _ => break,
                }
            }
            out.push(Sentence { body, end: b });
        }
        out
    }

    fn period_ends_sentence(&self, norm: &str, cur: usize, dot: usize) -> bool {
        let before = &norm[cur..dot];
        let word = before.rsplit(' ').next().unwrap_or("");
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            return true;
        }
        let lw = word.to_lowercase();
        if self.lex.abbreviations.contains(&lw) {
            return false;
        }
        let is_first = before.trim_start().len() == word.len();
        let chars: Vec<char> = word.chars().collect();
        if chars.len() == 1 && chars[0].is_alphabetic() {
            return false; // initial: "R. Crisp", or a list letter "a."
        }
        if is_first && (ROMAN.contains(&lw.as_str()) || (chars.len() <= 3 && chars.iter().all(|c| c.is_ascii_digit()))) {
            return false; // list marker "iv." / "12."
        }
        if word.contains('.') && word.split('.').all(|p| p.len() <= 2 && p.chars().all(|c| c.is_alphabetic())) {
            return false; // "p.m", "e.g"
        }
        true
    }

    // -- subjects -------------------------------------------------------------

    /// The subject noun phrase ending just before byte `p`.
    fn walk_left(&self, norm: &str, toks: &[(usize, usize)], p: usize) -> Subj {
        let mut i = toks.partition_point(|t| t.1 <= p);
        while i > 0 && self.lex.skip_left.contains(&lower_word(tok(norm, toks[i - 1]))) {
            i -= 1;
        }
        if i == 0 {
            return Subj::Empty;
        }
        let last = tok(norm, toks[i - 1]);
        let lw = lower_word(last);
        if lw == "and" || lw == "but" || last == "&" {
            return Subj::Elided;
        }
        if last.ends_with(':') || last.ends_with(';') || is_dash(last) {
            return Subj::Empty;
        }
        if last.ends_with(',') {
            return Subj::Invalid;
        }
        if self.lex.pronouns.contains(&lw) && !last.ends_with(')') {
            return Subj::Pronoun(lw);
        }
        let end_idx = i;
        let mut j = i;
        let mut count = 0;
        while j > 0 && count < 10 {
            let t = tok(norm, toks[j - 1]);
            let lw = lower_word(t);
            let rightmost = j == end_idx;
            if !rightmost && (t.ends_with(',') || t.ends_with(';') || t.ends_with(':')) {
                break;
            }
            if t.ends_with(')') && !t.starts_with('(') {
                // consume back to the opening parenthesis
                let mut k = j - 1;
                let mut found = None;
                while k > 0 && j - k < 7 {
                    k -= 1;
                    let tk = tok(norm, toks[k]);
                    if tk.starts_with('(') {
                        found = Some(k);
                        break;
                    }
                    if tk.contains(')') {
                        break;
                    }
                }
                match found {
                    Some(k) => {
                        count += j - k;
                        j = k;
                        continue;
                    }
                    None => break,
                }
            }
            if t.starts_with('(') && !t.ends_with(')') {
                if self.np_word(t) {
                    j -= 1;
                }
                break;
            }
            if t.starts_with('(') && t.ends_with(')') {
                j -= 1;
                count += 1;
                continue;
            }
            if matches!(lw.as_str(), "the" | "a" | "an" | "our" | "their" | "his" | "her" | "my" | "your") {
                j -= 1;
                if j > 0 && matches!(lower_word(tok(norm, toks[j - 1])).as_str(), "of" | "for") {
                    count += 1;
                    continue;
                }
                // "KL and the Secretary"
                if j >= 2 && matches!(lower_word(tok(norm, toks[j - 1])).as_str(), "and" | "&") {
                    let l = tok(norm, toks[j - 2]);
                    if (is_capitalised(l) || self.is_role(l)) && self.np_word(l) && !l.ends_with(',') {
                        count += 1;
                        continue;
                    }
                }
                break;
            }
            if lw == "of" || lw == "for" || t == "&" {
                j -= 1;
                count += 1;
                continue;
            }
            if lw == "and" {
                let left_ok = j >= 2 && {
                    let l = tok(norm, toks[j - 2]);
                    is_capitalised(l) || self.is_role(l)
                };
                if !left_ok {
                    break;
                }
                j -= 1;
                count += 1;
                continue;
            }
            if !self.np_word(t) {
                break;
            }
            j -= 1;
            count += 1;
        }
        // drop leading connectors
        while j < end_idx && matches!(lower_word(tok(norm, toks[j])).as_str(), "of" | "for" | "and" | "&") {
            j += 1;
        }
        if j >= end_idx {
            return Subj::Invalid;
        }
        let mut a = toks[j].0;
        if norm[a..].starts_with('(') {
            a += 1;
        }
        let mut b = toks[end_idx - 1].1;
        while b > a && norm[..b].ends_with(|c: char| matches!(c, ',' | '.' | ';' | ':')) {
            b -= 1;
        }
        if b <= a {
            return Subj::Invalid;
        }
        Subj::Np(a..b)
    }

    /// The noun phrase opening a sentence when a lower-case word (its verb)
    /// follows: "Members remained concerned" -> "Members".
    fn initial_subject(&self, norm: &str, toks: &[(usize, usize)]) -> Option<Range<usize>> {
        let mut k = 0;
        while k < toks.len() && k < 8 {
            let t = tok(norm, toks[k]);
            let lw = lower_word(t);
            let det_or_link = matches!(lw.as_str(), "the" | "a" | "an" | "our" | "of" | "and" | "&" | "for");
            if t.ends_with(',') || t.ends_with(':') || t.ends_with(';') {
                return None;
            }
            if !(det_or_link || is_capitalised(t) || self.is_role(t)) || !self.np_word(t) && !det_or_link {
                break;
            }
            k += 1;
        }
        if k == 0 || k >= toks.len() {
            return None;
        }
        let next = tok(norm, toks[k]);
        if !next.chars().next().is_some_and(|c| c.is_lowercase()) || lower_word(next) == "of" {
            return None;
        }
        Some(toks[0].0..toks[k - 1].1)
    }

    fn np_word(&self, t: &str) -> bool {
        let w = trim_punct(t);
        if w.is_empty() || is_dash(t) || w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        let lw = w.to_lowercase();
        if self.lex.titles.contains(&lw) || self.lex.titles.contains(&format!("{lw}.")) {
            return true;
        }
        if self.lex.stop.contains(&lw) || self.lex.pronouns.contains(&lw) {
            return false;
        }
        if w.chars().next().is_some_and(|c| c.is_lowercase()) && lw.ends_with("ed") {
            return false;
        }
        true
    }

    fn is_role(&self, w: &str) -> bool {
        let mut lw = lower_word(w);
        for suffix in ["'s", "’s", "s'", "s’"] {
            if let Some(x) = lw.strip_suffix(suffix) {
                lw = x.to_string();
                break;
            }
        }
        if self.lex.roles.contains(&lw) {
            return true;
        }
        if let Some(x) = lw.strip_suffix('s') {
            if self.lex.roles.contains(x) {
                return true;
            }
        }
        if let Some(x) = lw.strip_suffix("ies") {
            if self.lex.roles.contains(&format!("{x}y")) {
                return true;
            }
        }
        false
    }

    /// Clean an owner phrase; returns the owners (split at "and" when both
    /// sides stand alone) and whether it names a person, role or group.
    fn clean_owner(&self, raw: &str) -> (Vec<String>, bool) {
        let mut words: Vec<&str> = raw.split_whitespace().collect();
        // heading text before a titled name: "Handyman Job List Cllr Janet Taylor"
        if let Some(k) = words.iter().skip(1).position(|w| self.lex.titles.contains(&lower_word(w))) {
            let k = k + 1;
            if k + 1 < words.len() && !matches!(lower_word(words[k - 1]).as_str(), "and" | "&") {
                words.drain(..k);
            }
        }
        // capitalised heading before the subject: "MRS JA TAYLOR Councillors"
        let caps: Vec<bool> = words.iter().map(|w| is_all_caps(w)).collect();
        if let Some(last_caps) = (0..words.len().saturating_sub(1)).rev().find(|&i| {
            caps[i] && !caps[i + 1] && !matches!(lower_word(words[i + 1]).as_str(), "and" | "&" | "of" | "for") && !words[i + 1].starts_with('(')
        }) {
            if caps[..=last_caps].iter().filter(|&&c| c).count() >= 2 {
                words.drain(..=last_caps);
            }
        }
        while let Some(f) = words.first() {
            if matches!(lower_word(f).as_str(), "the" | "our" | "their" | "for" | "of" | "and" | "that") {
                words.remove(0);
            } else {
                break;
            }
        }
        if words.is_empty() {
            return (vec![], false);
        }
        let person = self.is_person(&words);
        let text = words.join(" ");
        let text = text.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '"' | '“' | '”')).to_string();
        let text = balance_parens(&text);
        // split "X and Y" when the left side is not an "of" phrase
        let parts: Vec<&str> = text.split(" and ").flat_map(|p| p.split(" & ")).collect();
        let owners = if parts.len() > 1 && !parts[..parts.len() - 1].iter().any(|p| p.contains(" of ") || p.contains('(')) && parts.iter().all(|p| !p.trim().is_empty()) {
            parts
                .iter()
                .map(|p| {
                    let p = p.trim();
                    let p = p.strip_prefix("the ").or_else(|| p.strip_prefix("The ")).unwrap_or(p);
                    p.to_string()
                })
                .collect()
        } else {
            vec![text]
        };
        (owners, person)
    }

    fn is_person(&self, words: &[&str]) -> bool {
        if words.is_empty() {
            return false;
        }
        if words.len() == 1 && self.lex.pronouns.contains(&lower_word(words[0])) {
            return false;
        }
        if self.lex.titles.contains(&lower_word(words[0])) || self.lex.titles.contains(&format!("{}.", lower_word(words[0]))) {
            return true;
        }
        let head = words.iter().find(|w| !matches!(lower_word(w).as_str(), "a" | "an" | "the")).copied().unwrap_or(words[0]);
        if self.lex.capital_stop.contains(&lower_word(head)) {
            return false;
        }
        if words.iter().any(|w| self.is_role(w)) {
            return true;
        }
        if words.iter().any(|w| is_all_caps(w) && !self.lex.caps_stop.contains(trim_punct(w))) {
            return true;
        }
        words.len() <= 4
            && !self.lex.capital_stop.contains(&lower_word(words[0]))
            && !self.lex.capital_stop.contains(&lower_word(words[words.len() - 1]))
            && words.iter().all(|w| is_capitalised(w) || matches!(lower_word(w).as_str(), "and" | "&"))
    }

    /// A role, a titled name or initials (not just capitalised words).
    fn is_strict_person(&self, raw: &str) -> bool {
        raw.split_whitespace().any(|w| {
            self.is_role(w) || self.lex.titles.contains(&lower_word(w)) || (is_all_caps(w) && !self.lex.caps_stop.contains(trim_punct(w)))
        })
    }

    /// Agent of a passive: "by X" within the next few words.
    fn agent_after(&self, norm: &str, from: usize, end: usize) -> Option<Range<usize>> {
        let toks = tokens(norm, from, end);
        let by = toks.iter().take(5).position(|&t| tok(norm, t) == "by")?;
        let mut k = by + 1;
        let mut last = None;
        while k < toks.len() && k - by <= 7 {
            let t = tok(norm, toks[k]);
            let lw = lower_word(t);
            let is_link = matches!(lw.as_str(), "the" | "of" | "and" | "&" | "for");
            if !is_link && !self.np_word(t) {
                break;
            }
            if !is_link {
                last = Some(k);
            }
            if t.ends_with(',') || t.ends_with('.') || t.ends_with(';') {
                break;
            }
            k += 1;
        }
        let last = last?;
        let a = toks[by + 1].0;
        let mut b = toks[last].1;
        while b > a && norm[..b].ends_with(|c: char| matches!(c, ',' | '.' | ';' | ':' | ')')) {
            b -= 1;
        }
        let phrase = &norm[a..b];
        if self.datey_re.is_match(phrase) || phrase.split_whitespace().any(|w| matches!(lower_word(w).as_str(), "end" | "email" | "e-mail" | "post" | "phone" | "letter" | "hand" | "then" | "now" | "next")) {
            return None;
        }
        Some(a..b)
    }

    fn expand_first_name(&self, norm: &str, before: usize, owner: String) -> String {
        let w: Vec<&str> = owner.split_whitespace().collect();
        if w.len() != 1 || !is_capitalised(w[0]) || is_all_caps(w[0]) || self.is_role(w[0]) || self.lex.titles.contains(&owner.to_lowercase()) {
            return owner;
        }
        let hay = &norm[..before.min(norm.len())];
        let mut from = 0;
        while let Some(off) = hay[from..].find(owner.as_str()) {
            let at = from + off;
            let after = &hay[at + owner.len()..];
            let boundary_before = hay[..at].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
            if boundary_before && after.starts_with(' ') {
                let next = after[1..].split(' ').next().unwrap_or("");
                let surname = trim_punct(next);
                if !surname.is_empty()
                    && surname.chars().next().is_some_and(|c| c.is_uppercase())
                    && surname.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '’' || c == '\'')
                    && !self.is_role(surname)
                    && !self.lex.capital_stop.contains(&surname.to_lowercase())
                {
                    return format!("{owner} {surname}");
                }
            }
            from = at + owner.len();
        }
        owner
    }

    fn find_due(&self, norm: &str, orig: &str, from: usize, end: usize) -> Option<Due> {
        let m = self.due_re.find(&norm[from..end])?;
        let mut a = from + m.start();
        let mut b = from + m.end();
        while b > a && norm[..b].ends_with(' ') {
            b -= 1;
        }
        while a < b && norm[a..].starts_with(' ') {
            a += 1;
        }
        let text = orig.get(a..b)?.to_string();
        let lt = norm[a..b].to_lowercase();
        let vague = self.vague_words.iter().any(|v| lt.contains(v.as_str())) || !self.datey_re.is_match(&norm[a..b]);
        Some(Due { text, span: a..b, vague })
    }
}

fn resolve(mentions: &[Mention], p: usize) -> Vec<String> {
    let k = mentions.partition_point(|m| m.end <= p);
    if k == 0 {
        return vec![];
    }
    mentions[k - 1].owners.clone()
}

fn tokens(norm: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = norm.as_bytes();
    let mut i = a;
    while i < b {
        while i < b && bytes[i] == b' ' {
            i += 1;
        }
        let s = i;
        while i < b && bytes[i] != b' ' {
            i += 1;
        }
        if i > s {
            out.push((s, i));
        }
    }
    out
}

fn tok(norm: &str, t: (usize, usize)) -> &str {
    &norm[t.0..t.1]
}

fn is_dash(t: &str) -> bool {
    matches!(t, "-" | "–" | "—" | "--" | "---")
}

fn trim_range(norm: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let bytes = norm.as_bytes();
    while a < b && bytes[a] == b' ' {
        a += 1;
    }
    while b > a && bytes[b - 1] == b' ' {
        b -= 1;
    }
    (a, b)
}

fn balance_parens(s: &str) -> String {
    let open = s.matches('(').count();
    let close = s.matches(')').count();
    if close > open {
        s.trim_end_matches(')').to_string()
    } else if open > close {
        s.trim_start_matches('(').to_string()
    } else {
        s.to_string()
    }
}

/// A line starting a new list item or a "Label:" line.
fn starts_list_item(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:[•·*‣◦▪●○■□➢➤►–-]\s|\(?(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,5}|[a-zA-Z])[.)]\s|\d{1,3}(?:\.\d{1,3})+\s|\d{1,4}/\d{1,4}\s|@\w+:|[A-Z][a-z]+:\s)")
            .unwrap_or_else(|_| Regex::new("$^").expect("trivial regex"))
    });
    re.is_match(s)
}

/// A parenthesised clause that reads as a sentence of its own:
/// "(Hannah promised to forward details of Police contacts ...)".
fn paren_clause(norm: &str, open: usize) -> Option<usize> {
    let rest = &norm[open + 1..];
    let limit = rest.char_indices().take_while(|(i, _)| *i < 400).last().map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
    let window = &rest[..limit];
    let close_rel = window.find(')')?;
    let inner = &window[..close_rel];
    if inner.contains('(') {
        return None;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 6 || !words[0].chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    let lower = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase())).count();
    if lower * 2 < words.len() {
        return None;
    }
    Some(open + 1 + close_rel)
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Commitment {
        let found = find_commitments(text);
        assert_eq!(found.len(), 1, "expected one commitment in {text:?}, got {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn none(text: &str) {
        let found = find_commitments(text);
        assert!(found.is_empty(), "expected no commitment in {text:?}, got {found:#?}");
    }

    fn owners(c: &Commitment) -> Vec<&str> {
        c.owners.iter().map(|s| s.as_str()).collect()
    }

    #[test]
    fn data_file_loads() {
        assert!(pattern_names().len() >= 20);
    }

    // -- one test per pattern, sentences from the corpus -------------------

    #[test]
    fn resolution_task() {
        let c = one("Resolved:        (1) That HR contact Albanwise of Barton Bendish and Maurice Mason of Fincham.");
        assert_eq!(owners(&c), ["HR"]);
        assert_eq!(c.pattern, "resolution_task");
        assert_eq!(owners(&one("That the Clerk write to the landowner.")), ["Clerk"]);
        let c = one("Resolved:        (1) That JH will progress the application, and HR will provide support for submission of the application to the lottery by the meeting in July.");
        assert_eq!(owners(&c), ["JH", "HR"]);
        assert_eq!(c.due.as_ref().unwrap().text, "by the meeting in July");
        assert!(!c.due.unwrap().vague);
        assert_eq!(owners(&one("It was also AGREED that the AGM formally appoint a number of those contributing to our work as ASSOCIATE members.")), ["AGM"]);
    }

    #[test]
    fn resolution_passive() {
        let t = "b)    That a further report and action plan be presented to the meeting of the Committee on 21 January 2020.";
        let c = one(t);
        assert!(c.owners.is_empty());
        assert_eq!(c.pattern, "resolution_passive");
        assert_eq!(&t[c.span.clone()], "That a further report and action plan be presented to the meeting of the Committee on 21 January 2020.");
        assert!(c.due.unwrap().text.contains("21 January 2020"));
        let c = one("It was requested that the report and its findings be distributed to the YA’s, in an effort to share with the actual service users.");
        assert!(c.owners.is_empty());
        none("a)    That the report be noted;");
        none("(1) That John Cross be appointed as internal auditor for Year end 2015/16.");
    }

    #[test]
    fn agreed_to() {
        let c = one("The Director and Cabinet Member agreed to look into this, although it was acknowledged that information was often shared on an informal basis.");
        assert_eq!(owners(&c), ["Director", "Cabinet Member"]);
        assert_eq!(c.pattern, "agreed_to");
        assert_eq!(owners(&one("The clerk agreed to keep a copy of the deed on file.")), ["clerk"]);
        assert_eq!(owners(&one("Cllr Eglington volunteered to undertake an internal audit of the Councils finances for 2016-17.")), ["Cllr Eglington"]);
        assert_eq!(owners(&one("A streetlight had been reported and the resident of the neighbouring property had agreed to fund CGM to cut back the tree nearby.")), ["resident of the neighbouring property"]);
        let c = one("Agreed to comeback to this issue.");
        assert!(c.owners.is_empty());
        none("It had previously been agreed to bid for a double dropped kerb.");
    }

    #[test]
    fn undertook_offered_promised() {
        assert_eq!(owners(&one("The Chief Executive undertook to circulate the figures to all Members.")), ["Chief Executive"]);
        assert_eq!(owners(&one("Cllr Shirley Cordner offered to discuss a design plan for the area with a local expert she knew.")), ["Cllr Shirley Cordner"]);
    }

    #[test]
    fn parenthetical_clause_is_its_own_sentence() {
        let found = find_commitments("It was agreed that we should continue with our representations (Hannah promised to forward details of Police contacts now that Inspector Bob Anderson had moved on). It was also noted that rain fell.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].owners.is_empty());
        assert_eq!(owners(&found[1]), ["Hannah"]);
    }

    #[test]
    fn it_was_agreed_to() {
        let c = one("It was agreed to hold it as a separate meeting in March at least a week after the Ordinary Parish Council meeting.");
        assert!(c.owners.is_empty());
        assert_eq!(c.pattern, "it_was_agreed_to");
        assert_eq!(c.due.unwrap().text, "in March");
        assert!(one("It was AGREED to invite a representative of STP after the summer.").due.unwrap().vague);
    }

    #[test]
    fn agreed_for_x_to() {
        assert_eq!(owners(&one("It was agreed for the Parish Council to review it and discuss as an item agenda in February.")), ["Parish Council"]);
        let c = one("The Parish Council asked for the Clerk to write to land owners off Indigo Road.");
        assert_eq!(owners(&c), ["Clerk"]);
    }

    #[test]
    fn asked_x_to() {
        let c = one("Members asked the Director to circulate the staffing figures.");
        assert_eq!(owners(&c), ["Director"]);
        assert_eq!(c.pattern, "asked_x_to");
        none("Update: The Clerk had asked the administrator to action.");
        none("The Chair asked the Committee to note the report.");
    }

    #[test]
    fn was_asked_to() {
        let t = "10. FREEDOM OF INFORMATION REQUEST – MRS JA TAYLOR Councillors were asked to provide any emails which relate to the FOI request by the end of the week (9th April) to enable the Clerk to respond.";
        let c = one(t);
        assert_eq!(owners(&c), ["Councillors"]);
        assert_eq!(c.due.unwrap().text, "by the end of the week (9th April)");
        assert_eq!(owners(&one("The residents were asked to contact the Planning Authority directly with their comments.")), ["residents"]);
        assert_eq!(owners(&one("Members were urged to sign and get others to do so.")), ["Members"]);
        assert_eq!(owners(&one("The contract was otherwise accepted and the Clerk was authorised to sign this once the frequency was updated.")), ["Clerk"]);
        none("The Committee is asked to discuss the report and suggest areas for its work plan.");
        none("Before the meeting the public present were asked to highlight any areas of concern.");
    }

    #[test]
    fn hereby_tasked() {
        let c = one("RESOLVED, that the Apache Samza Project be and hereby is tasked with\n       the migration and rationalization of the Apache Incubator Samza\n       podling; and be it further");
        assert_eq!(owners(&c), ["Apache Samza Project"]);
        none("RESOLVED, that the persons listed immediately below be and hereby are\n appointed to serve as the initial members of the Project:");
    }

    #[test]
    fn modal_action() {
        let c = one("iv)           Six recommendations had been set out in the report and the Department would need to submit an action plan to Ofsted by 10 February 2020.");
        assert_eq!(owners(&c), ["Department"]);
        assert_eq!(c.pattern, "modal_action");
        let d = c.due.unwrap();
        assert_eq!(d.text, "by 10 February 2020");
        assert!(!d.vague);
        assert_eq!(owners(&one("Cllr Storey will contact Highways about this.")), ["Cllr Storey"]);
        assert_eq!(owners(&one("It was agreed that committee members would visit the children’s centre in their division.")), ["committee members"]);
        let c = one("Once responses had been received from the two Housing Associations we should seek a meeting.");
        assert!(c.owners.is_empty(), "'we' names nobody");
        let c = one("The CMR informed the Panel that, in order to be inclusive and open, he would like to invite the lead spokespersons of opposition parties to join the Improvement Board.");
        assert_eq!(owners(&c), ["CMR"]);
        assert_eq!(c.owner_span, None);
    }

    #[test]
    fn pronoun_resolves_to_nearest_person() {
        let t = "The Assistant Director (Safeguarding Services) advised Members that it was clear when she came to the role that there were a number of challenges.  The solution would be very complex and it would be difficult to tackle everything at once.  She confirmed that she would be more than happy to facilitate a session for Members before 22 February giving them the detail.";
        let c = one(t);
        assert_eq!(owners(&c), ["Assistant Director (Safeguarding Services)"]);
        assert_eq!(c.pattern, "happy_to");
        let d = c.due.unwrap();
        assert_eq!(d.text, "before 22 February");
        assert_eq!(&t[d.span.clone()], "before 22 February");
        let c = one("The Head of Strategic Infrastructure and Financial Recovery agreed that she would be able to bring these details back to the Panel once the budget had been agreed at full Council on 9 February.");
        assert_eq!(owners(&c), ["Head of Strategic Infrastructure and Financial Recovery"]);
        let c = one("The Parish Council thanked Mr Gott for pressure washing the playground recently, they also agreed to pass thanks to Tom.");
        assert_eq!(owners(&c), ["Parish Council"]);
    }

    #[test]
    fn elided_subject() {
        let c = one("Members remained concerned with the data relating to some schools and would discuss these with the Regional Schools Commissioner.");
        assert_eq!(owners(&c), ["Members"]);
        assert_eq!(c.owner_span, None);
    }

    #[test]
    fn modal_progressive() {
        let c = one("Update: The Clerk would be chasing the Environment Agency as no response had been received to date.");
        assert_eq!(owners(&c), ["Clerk"]);
        assert_eq!(c.pattern, "modal_progressive");
        let c = one("13. Key Contacts List: HR and NC would be creating a list of key contacts, and the list would be placed on the noticeboard.");
        assert_eq!(owners(&c), ["HR", "NC"]);
    }

    #[test]
    fn ongoing_work() {
        let c = one("The Clerk had emailed Andy Wallace, Manager of Highways on his views and she was still chasing a response.");
        assert_eq!(owners(&c), ["Clerk"]);
        assert_eq!(c.pattern, "ongoing_work");
        none("Discussions with the property owner were continuing and work was progressing well.");
    }

    #[test]
    fn modal_passive() {
        let t = "Members wondered what the position was.  The Director of Safeguarding and care explained that an update would be provided by public Health in relation to Ukrainian families as those arrangements were ongoing.";
        let c = one(t);
        assert_eq!(owners(&c), ["public Health"]);
        assert_eq!(&t[c.owner_span.clone().unwrap()], "public Health");
        let c = one("It was noted that a briefing would be provided to members in due course.");
        assert!(c.owners.is_empty());
        let d = c.due.unwrap();
        assert_eq!(d.text, "in due course");
        assert!(d.vague);
        assert_eq!(owners(&one("11. Audit: An update on audit arrangements would be emailed round by HR.")), ["HR"]);
        none("The report had been provided to all staff within the directorate.");
        none("The monitoring would not be taking any additional samples and it could be seen on the website.");
    }

    #[test]
    fn is_to_be_done() {
        let c = one("The budget line for Constables Charity is to be removed and also the line for Pride in Norfolk.");
        assert!(c.owners.is_empty());
        assert_eq!(c.pattern, "is_to_be_done");
        none("It is to be noted that the figures were provisional.");
    }

    #[test]
    fn x_to_be_done() {
        let c = one("iv. The Whittington Defibrillator and the Jubilee bench to be added to the Asset Register.");
        assert!(c.owners.is_empty());
        assert_eq!(c.pattern, "x_to_be_done");
        none("Staff needed to be motivated and supported as part of an open culture.");
    }

    #[test]
    fn x_to_verb() {
        let c = one("ACTION: Clerk to instruct works.");
        assert_eq!(owners(&c), ["Clerk"]);
        assert_eq!(c.pattern, "x_to_verb");
        let t = "4. Pond Boards: It had been raised with the relevant persons and was waiting to attend the site.  HR to chase Andy.";
        let found = find_commitments(t);
        assert_eq!(found.len(), 1);
        assert_eq!(&t[found[0].span.clone()], "HR to chase Andy.");
        assert_eq!(owners(&one("Resolved:        (1) That HR to contact Alex Laver about start date of the work.")), ["HR"]);
        assert_eq!(owners(&one("(decision September meeting. Minute Secretary to confirm.")), ["Minute Secretary"]);
        none("Prior to consideration of the report, the Director provided an update.");
        none("16/00081/F, Extension to dwelling and erection of garage, The Croft, Flegg Green:");
    }

    #[test]
    fn x_to_verb_clause() {
        let c = one("5. Sunken Drain: This work was currently outstanding, HR to chase.");
        assert_eq!(owners(&c), ["HR"]);
        assert_eq!(c.pattern, "x_to_verb_clause");
        none("The Clerk met Steve Lively, Regulatory Compliance Officer of the Environment Agency to discuss it.");
    }

    #[test]
    fn decision_infinitive() {
        let found = find_commitments("It was proposed by Cllr Daphne Clements, all were in favour. DECISION: 1) To bid for a double dropped kerb outside the school. 2) To bid for eight white village gates.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().all(|c| c.pattern == "decision_infinitive" && c.owners.is_empty()));
        none("3. To receive apologies for absence.");
        none("To bid for the grant was considered too risky by some.");
    }

    #[test]
    fn imperative_action() {
        let c = one("RESOLVED: That the Head of Finance prepare a revised budget for the March meeting.");
        assert_eq!(owners(&c), ["Head of Finance"]);
        let c = one("It was resolved that the Chief Executive be authorised to sign the lease.");
        assert_eq!(owners(&c), ["Chief Executive"]);
        assert_eq!(c.pattern, "resolution_authorised");
        assert_eq!(owners(&one("It was agreed that KL and the Secretary would draft a response to the consultation.")), ["KL", "Secretary"]);
        assert_eq!(owners(&one("Governors were reminded to complete their safeguarding training before the end of term.")), ["Governors"]);
        assert!(one("Officers will report back to the Board in the autumn with options.").due.unwrap().vague);
        let c = one("Arrange meeting with HAs for September.");
        assert_eq!(c.pattern, "imperative_action");
        assert_eq!(c.due.unwrap().text, "for September");
        none("Draft Minutes Subject to the Approval at the next Meeting");
        none("Contact details were circulated.");
    }

    #[test]
    fn will_receive_report() {
        let c = one("The committee would also receive a further broader report on this matter later in the year following on from the planned review.");
        assert!(c.owners.is_empty());
        assert_eq!(c.pattern, "will_receive_report");
        assert!(c.due.unwrap().vague);
    }

    #[test]
    fn there_will_be_report() {
        let c = one("The Clerk shared that she had attended training, and there would be a report, draft policy and audit for the Parish Council to consider at the February meeting.");
        assert!(c.owners.is_empty());
        assert_eq!(c.due.unwrap().text, "at the February meeting");
    }

    #[test]
    fn future_agenda_item() {
        let c = one("It was also noted that the architecture review would be a topic of discussion at the next Board meeting.");
        assert_eq!(c.pattern, "future_agenda_item");
        assert_eq!(c.due.unwrap().text, "at the next Board meeting");
    }

    #[test]
    fn next_meeting_to_consider() {
        let c = one("Our September meeting should discuss themes");
        assert_eq!(c.pattern, "next_meeting_to_consider");
        assert!(c.owners.is_empty());
    }

    #[test]
    fn for_consideration_at_meeting() {
        let c = one("The Clerk had presented draft papers to the Parish Council for consideration at the January meeting.");
        assert_eq!(c.pattern, "for_consideration_at_meeting");
        none("DRAFT – FOR APPROVAL AT THE NEXT MEETING");
    }

    #[test]
    fn agreed_for_publication() {
        let c = one("The minutes of the previous meeting were agreed for publication.");
        assert_eq!(c.pattern, "agreed_for_publication");
        assert!(c.owners.is_empty());
    }

    #[test]
    fn first_name_expanded_from_block() {
        let c = one("Andre Videla had now taken over responsibility and purchased a fresh domain name.  Andre would continue to develop the site and come back on developments to the September meeting.");
        assert_eq!(owners(&c), ["Andre Videla"]);
    }

    // -- negatives ----------------------------------------------------------

    #[test]
    fn not_commitments() {
        none("The Committee recognised the efforts of the team and wished to congratulate them on their efforts.");
        none("The DCS appreciated the sentiment and he felt it would help to boost morale.");
        none("The DCS advised the Committee that the report had been circulated to all staff within the directorate.");
        none("The Parish Council thanked NC for success in the application of the Transparency Fund.");
        none("It was noted that the application had been permitted through delegated decision.");
        none("However, embedding improvements was like turning round an oil tanker and would require time.");
        none("JR shared that the pipe was blocked but it would not provide a long term solution.");
        none("The Parish Council must respond to planning applications within a 21day consultation period.");
        none("If the weather was poor the event would be cancelled.");
        none("Members were advised that many Ukrainian refugees spoke English.");
        none("The minutes of the meeting held on 7 March were approved as a true record.");
        none("That the report be noted.");
        none("Apologies were received from Cllr A Collins.");
        none("The new system will provide better reports for officers.");
        none("Officers could suggest other files if they felt there were better examples.");
    }

    // -- text handling --------------------------------------------------------

    #[test]
    fn crlf_and_nbsp_offsets() {
        let t = "The Director explained the position.\r\nThe Clerk\u{a0}agreed to\r\ncirculate the\u{a0}figures by\u{a0}Friday.";
        let c = one(t);
        assert_eq!(owners(&c), ["Clerk"]);
        assert!(t[c.span.clone()].starts_with("The Clerk"));
        assert!(t[c.span.clone()].ends_with("Friday."));
        let d = c.due.unwrap();
        assert_eq!(&t[d.span.clone()], d.text);
        assert_eq!(d.text, "by\u{a0}Friday");
        // the owner span is the subject as written
        let o = c.owner_span.unwrap();
        assert_eq!(&t[o], "The Clerk");
    }

    #[test]
    fn sentence_splitting_abbreviations() {
        // "Cllr.", "No.", "p.m.", "e.g." and decimals do not end sentences
        let t = "Cllr. A. Jenkinson said Footpath No. 6 was open until 7 p.m. on weekdays, e.g. in summer, at a cost of 2.5 units. The Clerk agreed to write to the owner.";
        let c = one(t);
        assert_eq!(&t[c.span.clone()], "The Clerk agreed to write to the owner.");
        let c = one("Cllr. Storey will contact Highways about this.");
        assert_eq!(owners(&c), ["Cllr. Storey"]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let samples = [
            "", " ", "\u{a0}\u{a0}", ".", "...", "(", ")", "((((", "That", "That be", "to", "to be", "will", "would be",
            "é", "日本語のテキスト。", "agreed to", " agreed to", "and would seek", "\r\n\r\n", "• ·", "1) 2) 3)",
            "HR to", "That HR", "by", "would be provided by", "The Clerk (agreed to write", "x)y(z", "’’’", "\u{200b}",
            "RESOLVED, that", "she would contact", "It was agreed to", "Arrange", "DECISION: To", "1.", "a.", "iv.",
        ];
        for s in samples {
            for c in find_commitments(s) {
                assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end));
                assert!(c.span.end <= s.len());
            }
        }
        // pseudo-random mixes of tricky characters
        let alphabet: Vec<char> = "aZ .,;:()'’\u{a0}\n\r\t•·–-1é日Tthat would be by agreed to HR Clerk ".chars().collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..80 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            for c in find_commitments(&s) {
                assert!(s.is_char_boundary(c.span.start) && s.is_char_boundary(c.span.end));
                if let Some(o) = &c.owner_span {
                    assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
                }
            }
        }
    }

    /// Cost per MB is measured by `scripts/bench` (1 MB and 10 MB); here only
    /// that repeated text gives repeated answers and that a long line with no
    /// full stop comes back.
    #[test]
    fn repeated_text_gives_repeated_commitments() {
        let unit = "The Clerk agreed to circulate the latest draft by 10 February 2020. It was noted that a briefing would be provided in due course. Members (who attended the visit) felt it was useful and that, HR to chase, ";
        let a = find_commitments(&unit.repeat(50)).len();
        let b = find_commitments(&unit.repeat(400)).len();
        assert!(a > 0 && b > a);
        let long = "and the Clerk would ".repeat(5000);
        let _ = find_commitments(&long);
    }
}

