//! `minutes.toml`: which rules run and how loud, the committee's roster,
//! abbreviations everyone knows, the order of numeric dates, and the files
//! to check. The CLI and the server read it the same way: [`Config::find`]
//! walks up from a checked file, [`Config::load`] reads one file.
//!
//! Every key is declared (`deny_unknown_fields`), so a typo is an error
//! with the file, line and column toml reports for the key, never a setting
//! silently ignored.
//!
//! ```toml
//! [rules]
//! select = ["M101", "unknown-owner"]   # instead of the default rules
//! extend-select = ["implied-action"]    # as well as them
//! ignore = ["M601"]
//! severity = { M102 = "error", split-paragraph = "hint" }
//!
//! [roster]
//! groups = ["Planning Committee"]
//! [roster.people]
//! "Ann James" = { role = "Democratic Services Officer", aliases = ["Ann"], initials = "AJ" }
//!
//! [abbreviations]
//! accept = ["CCTV"]                     # everyday here: never report them
//! [abbreviations.known]
//! FFD = "Family Front Door"             # defined for every file
//!
//! [dates]
//! order = "month-day"                   # 12/1/2026 is 1 December; unset: the order the document's own dates show, else day first
//!
//! [files]
//! include = ["**/*.minutes"]
//! exclude = ["drafts/**"]
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::dates::DateOrder;
use crate::model::Document;
use crate::rules::{self, Context, Rule, Selection};
use crate::text::LineIndex;
use crate::workspace::Roster;

/// The file name looked for in a checked file's directory and its parents.
pub const FILE_NAME: &str = "minutes.toml";

/// A configuration as read, with where it came from.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    pub rules: RuleSettings,
    pub roster: RosterSettings,
    pub abbreviations: AbbreviationSettings,
    /// How numeric dates are read; `None` leaves it to the document's own
    /// dates (day first when they show no order).
    pub date_order: Option<DateOrder>,
    pub files: FileSettings,
}

#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    /// The rules that run instead of the defaults (codes as `M101`).
    pub select: Option<Vec<&'static str>>,
    pub extend_select: Vec<&'static str>,
    pub ignore: Vec<&'static str>,
    pub severity: BTreeMap<&'static str, Severity>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub initials: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct RosterSettings {
    pub people: Vec<Person>,
    pub groups: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct AbbreviationSettings {
    /// Short form → long form, defined for every file.
    pub known: BTreeMap<String, String>,
    /// Abbreviations everyone here knows, never reported as undefined.
    pub accept: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct FileSettings {
    /// Globs (relative to the configuration's directory) a walked file must
    /// match; every `*.minutes` file when `None`.
    pub include: Option<GlobSet>,
    /// Globs of files never checked when walking directories.
    pub exclude: Option<GlobSet>,
}

/// A configuration that could not be read: the file, the place, the
/// message (toml's, or ours for a value toml cannot judge).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// One-based line and column, when the error has a place.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.column, self.message)
    }
}

impl std::error::Error for ConfigError {}

// ---- the file as written ----

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    roster: RawRoster,
    #[serde(default)]
    abbreviations: RawAbbreviations,
    #[serde(default)]
    dates: RawDates,
    #[serde(default)]
    files: RawFiles,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    #[serde(default)]
    people: BTreeMap<String, RawPerson>,
    #[serde(default)]
    groups: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    role: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    initials: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAbbreviations {
    #[serde(default)]
    known: BTreeMap<String, String>,
    #[serde(default)]
    accept: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDates {
    order: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

impl Config {
    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(path, &text)
    }

    /// Reads a configuration from its text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let index = LineIndex::new(text);
        let error = |span: Option<Range<usize>>, message: String| {
            let (line, column) = span.map_or((1, 1), |s| place(text, &index, s.start));
            ConfigError { path: path.to_path_buf(), line, column, message }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| error(e.span(), e.message().trim().to_string()))?;
        let rule = |key: &Spanned<String>| -> Result<&'static Rule, ConfigError> {
            rules::find(key.get_ref()).ok_or_else(|| {
                error(Some(key.span()), format!("no rule “{}”; `minutes rule` lists them", key.get_ref()))
            })
        };
        let codes = |keys: &[Spanned<String>]| -> Result<Vec<&'static str>, ConfigError> {
            keys.iter().map(|k| rule(k).map(|r| r.code)).collect()
        };
        let mut severity = BTreeMap::new();
        for (key, value) in &raw.rules.severity {
            let level = match value.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "info" => Severity::Info,
                "hint" => Severity::Hint,
                other => {
                    return Err(error(
                        Some(value.span()),
                        format!("severity “{other}” for {}: expected error, warning, info or hint", key.get_ref()),
                    ))
                }
            };
            severity.insert(rule(key)?.code, level);
        }
        let date_order = match raw.dates.order.as_ref().map(|o| (o.get_ref().as_str(), o.span())) {
            None => None,
            Some(("day-month", _)) => Some(DateOrder::DayMonth),
            Some(("month-day", _)) => Some(DateOrder::MonthDay),
            Some((other, span)) => {
                return Err(error(Some(span), format!("date order “{other}”: expected \"day-month\" or \"month-day\"")))
            }
        };
        let globs = |key: &str, globs: &[Spanned<String>]| -> Result<Option<GlobSet>, ConfigError> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut set = GlobSetBuilder::new();
            for g in globs {
                let glob = Glob::new(g.get_ref())
                    .map_err(|e| error(Some(g.span()), format!("files.{key}: bad pattern “{}”: {}", g.get_ref(), e.kind())))?;
                set.add(glob);
            }
            set.build().map(Some).map_err(|e| error(None, format!("files.{key}: {e}")))
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            rules: RuleSettings {
                select: raw.rules.select.as_deref().map(codes).transpose()?,
                extend_select: codes(&raw.rules.extend_select)?,
                ignore: codes(&raw.rules.ignore)?,
                severity,
            },
            roster: RosterSettings {
                people: raw
                    .roster
                    .people
                    .into_iter()
                    .map(|(name, p)| Person { name, role: p.role, aliases: p.aliases, initials: p.initials })
                    .collect(),
                groups: raw.roster.groups,
            },
            abbreviations: AbbreviationSettings { known: raw.abbreviations.known, accept: raw.abbreviations.accept },
            date_order,
            files: FileSettings { include: globs("include", &raw.files.include)?, exclude: globs("exclude", &raw.files.exclude)? },
        })
    }

    /// The nearest `minutes.toml` in `dir` or a parent of it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// The directory the file's globs are relative to.
    pub fn root(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// Which rules run: the configuration's choice, then the command line's
    /// `--enable`/`--disable` (or the editor's) on top.
    pub fn selection(&self, base: &Selection) -> Selection {
        let mut s = base.clone();
        if let Some(select) = &self.rules.select {
            // `select` replaces the defaults: every other rule is off
            let off = rules::RULES.iter().filter(|r| !select.contains(&r.code) && !base.enable.iter().any(|e| rules::find(e).is_some_and(|f| f.code == r.code)));
            s.disable.extend(off.map(|r| r.code.to_string()));
            s.enable.extend(select.iter().map(|c| c.to_string()));
        }
        s.enable.extend(self.rules.extend_select.iter().map(|c| c.to_string()));
        // the command line's --enable wins over the file's ignore
        let enabled_here = |c: &&&str| base.enable.iter().any(|e| rules::find(e).is_some_and(|r| r.code == **c));
        s.disable.extend(self.rules.ignore.iter().filter(|c| !enabled_here(c)).map(|c| c.to_string()));
        s
    }

    /// Runs the rules on one document as configured: which rules run (the
    /// file's choice with `base` on top) and how loud their findings are.
    pub fn check(&self, ctx: &Context, base: &Selection) -> Vec<Diagnostic> {
        self.check_until(ctx, base, &|| false).unwrap_or_default()
    }

    /// [`Config::check`] that gives up (`None`) when `cancelled` says so
    /// ([`rules::check_until`]).
    pub fn check_until(&self, ctx: &Context, base: &Selection, cancelled: &dyn Fn() -> bool) -> Option<Vec<Diagnostic>> {
        let mut out = rules::check_until(ctx, &self.selection(base), cancelled)?;
        for d in &mut out {
            d.severity = self.severity(d.code, d.severity);
        }
        Some(out)
    }

    /// Reads a document's numeric dates in the configured order.
    pub fn prepare(&self, text: &str, doc: &mut Document) {
        if let Some(order) = self.date_order {
            doc.set_date_order(text, order);
        }
    }

    /// The roster of `docs` and of this configuration.
    pub fn roster<'a>(&self, docs: impl IntoIterator<Item = &'a Document>) -> Roster {
        let mut roster = Roster::from_documents(docs);
        self.extend_roster(&mut roster);
        roster
    }

    /// The severity a finding of `code` is reported with.
    pub fn severity(&self, code: &str, default: Severity) -> Severity {
        self.rules.severity.get(code).copied().unwrap_or(default)
    }

    /// Adds the configured people, groups and abbreviations to a roster.
    pub fn extend_roster(&self, roster: &mut Roster) {
        for p in &self.roster.people {
            roster.add_person(&p.name, p.role.as_deref(), &p.aliases, p.initials.as_deref());
        }
        for g in &self.roster.groups {
            roster.add_group(g);
        }
        for (short, long) in &self.abbreviations.known {
            roster.add_abbreviation(short, Some(long));
        }
        for short in &self.abbreviations.accept {
            roster.add_abbreviation(short, None);
        }
    }

    /// The roster and known abbreviations as a document of their own, for
    /// the editor features that read other documents (completion, hover).
    pub fn roster_document(&self) -> Document {
        use crate::model::{Abbreviation, Attendance, DefinitionForm, Person as Attendee};
        let mut doc = Document::default();
        let attendee = |name: &str, role: Option<&str>, initials: Option<&str>| Attendee {
            name: name.to_string(),
            role: role.map(str::to_string),
            initials: initials.map(str::to_string),
            span: 0..0,
            attendance: Attendance::InAttendance,
        };
        doc.people.extend(self.roster.people.iter().map(|p| attendee(&p.name, p.role.as_deref(), p.initials.as_deref())));
        doc.people.extend(self.roster.groups.iter().map(|g| attendee(g, None, None)));
        doc.abbreviations.extend(self.abbreviations.known.iter().map(|(short, long)| Abbreviation {
            short: short.clone(),
            long: Some(long.clone()),
            span: 0..0,
            long_span: None,
            form: DefinitionForm::LongShort,
        }));
        doc
    }

    /// Whether a file found by walking a directory is to be checked.
    pub fn includes_file(&self, file: &Path) -> bool {
        let Some(root) = self.root() else { return true };
        let relative = file.strip_prefix(root).unwrap_or(file);
        self.files.include.as_ref().is_none_or(|g| g.is_match(relative)) && !self.files.exclude.as_ref().is_some_and(|g| g.is_match(relative))
    }
}

/// One-based line and character column of a byte offset.
fn place(text: &str, index: &LineIndex, offset: usize) -> (usize, usize) {
    let line = index.line_of(offset);
    let start = index.line_range(text, line).start;
    (line + 1, text[start..offset.min(text.len())].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("minutes.toml"), text)
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let c = read("").unwrap();
        assert_eq!(c.rules.select, None);
        assert_eq!(c.date_order, None);
        assert!(c.roster.people.is_empty() && c.files.include.is_none());
    }

    #[test]
    fn rules_select_replaces_the_defaults() {
        let c = read("[rules]\nselect = [\"M101\", \"unknown-owner\"]\n").unwrap();
        assert_eq!(c.rules.select, Some(vec!["M101", "M102"]));
        let s = c.selection(&Selection::default());
        let on: Vec<_> = rules::RULES.iter().filter(|r| s.includes(r)).map(|r| r.code).collect();
        assert_eq!(on, ["M101", "M102"]);
    }

    #[test]
    fn rules_extend_select_adds_to_the_defaults() {
        let c = read("[rules]\nextend-select = [\"implied-action\"]\n").unwrap();
        let s = c.selection(&Selection::default());
        assert!(s.includes(rules::find("M104").unwrap()));
        assert!(s.includes(rules::find("M101").unwrap()));
    }

    #[test]
    fn rules_ignore_turns_rules_off() {
        let c = read("[rules]\nignore = [\"M601\", \"numbering\"]\n").unwrap();
        let s = c.selection(&Selection::default());
        assert!(!s.includes(rules::find("M601").unwrap()));
        assert!(!s.includes(rules::find("M301").unwrap()));
        assert!(s.includes(rules::find("M101").unwrap()));
    }

    #[test]
    fn rules_severity_by_code_or_name() {
        let c = read("[rules.severity]\nM102 = \"error\"\nsplit-paragraph = \"hint\"\n").unwrap();
        assert_eq!(c.severity("M102", Severity::Warning), Severity::Error);
        assert_eq!(c.severity("M601", Severity::Warning), Severity::Hint);
        assert_eq!(c.severity("M101", Severity::Error), Severity::Error);
    }

    #[test]
    fn roster_people_and_groups() {
        let c = read(
            "[roster]\ngroups = [\"Planning Committee\"]\n[roster.people]\n\"Ann James\" = { role = \"Democratic Services Officer\", aliases = [\"Ann\"], initials = \"AJ\" }\n",
        )
        .unwrap();
        assert_eq!(
            c.roster.people,
            [Person { name: "Ann James".into(), role: Some("Democratic Services Officer".into()), aliases: vec!["Ann".into()], initials: Some("AJ".into()) }]
        );
        assert_eq!(c.roster.groups, ["Planning Committee"]);
        let mut roster = Roster::default();
        c.extend_roster(&mut roster);
        for known in ["Ann James", "Ann", "AJ", "Democratic Services Officer", "Planning Committee"] {
            assert!(roster.knows(known), "{known}");
        }
        assert!(roster.is_initials("AJ"));
        assert!(!roster.knows("Bob Smith"));
    }

    #[test]
    fn abbreviations_known_and_accepted() {
        let c = read("[abbreviations]\naccept = [\"CCTV\"]\n[abbreviations.known]\nFFD = \"Family Front Door\"\n").unwrap();
        assert_eq!(c.abbreviations.known.get("FFD").map(String::as_str), Some("Family Front Door"));
        let mut roster = Roster::default();
        c.extend_roster(&mut roster);
        assert!(roster.knows_abbreviation("FFD") && roster.knows_abbreviation("CCTV"));
        assert!(roster.knows("Family Front Door"));
        assert!(!roster.knows_abbreviation("WSCB"));
    }

    #[test]
    fn dates_order() {
        assert_eq!(read("[dates]\norder = \"month-day\"\n").unwrap().date_order, Some(DateOrder::MonthDay));
        assert_eq!(read("[dates]\norder = \"day-month\"\n").unwrap().date_order, Some(DateOrder::DayMonth));
        let e = read("[dates]\norder = \"sideways\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 9), "{e}");
    }

    #[test]
    fn files_include_and_exclude() {
        let c = Config::parse(Path::new("/c/minutes.toml"), "[files]\ninclude = [\"committee/**\"]\nexclude = [\"**/draft-*\"]\n").unwrap();
        assert!(c.includes_file(Path::new("/c/committee/2026-01.minutes")));
        assert!(!c.includes_file(Path::new("/c/committee/draft-2026-02.minutes")));
        assert!(!c.includes_file(Path::new("/c/other/2026-01.minutes")));
        let e = read("[files]\nexclude = [\"a/[b\"]\n").unwrap_err();
        assert!(e.message.contains("a/[b"), "{e}");
        assert_eq!((e.line, e.column), (2, 12), "{e}");
    }

    #[test]
    fn unknown_key_is_an_error_with_its_place() {
        let e = read("[rules]\nselect = [\"M101\"]\nignored = [\"M102\"]\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        assert!(e.message.contains("unknown field `ignored`"), "{e}");
        assert!(e.to_string().starts_with("minutes.toml:3:1: "), "{e}");
        let e = read("[roster.people]\n\"Ann James\" = { rol = \"Clerk\" }\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 17), "{e}");
        let e = read("[colours]\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }

    #[test]
    fn broken_file_is_an_error_with_its_place() {
        // the unclosed array is found where the next key starts
        let e = read("[rules]\nselect = [\"M101\"\nignore = []\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = read("[rules]\nignore = [\"M999\"]\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 11), "{e}");
        assert!(e.message.contains("M999"));
        let e = read("[rules.severity]\nM101 = \"loud\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 8), "{e}");
    }

    #[test]
    fn found_by_walking_up() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(Config::find(&sub), None);
        std::fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(Config::find(&sub), Some(dir.path().join("a").join(FILE_NAME)));
    }
}
