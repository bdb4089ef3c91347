//! M201 undefined-abbreviation: an abbreviation used but never defined.

use std::collections::HashSet;

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Edit, Fix, Related};
use crate::model::LongForms;

declare_rule! {
    /// An abbreviation is used but never defined.
    ///
    /// What it catches: an abbreviation (`FFD`, `WSCB`, `PIs`) that the minutes use without
    /// defining it, and that is not common knowledge (the built-in catalogue lists those: NHS,
    /// HR, IT…).
    ///
    /// Why it matters: minutes are read by people who were not in the room, often years later.
    ///
    /// Example: `A fourth team had been created to increase capacity at the FFD.`
    ///
    /// Fix: where the long form appears elsewhere in the text (`Family Front Door`), the fix
    /// writes the definition there: `Family Front Door (FFD)`. Otherwise define it at its first
    /// use.
    pub const RULE = {
        code: "M201",
        name: "undefined-abbreviation",
        severity: Warning,
        default_enabled: true,
        fixable: true,
        check,
    }
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let doc = ctx.doc;
    let defined: HashSet<&str> = doc.abbreviations.iter().map(|a| a.short.as_str()).collect();
    let mut reported = HashSet::new();
    let mut out = Vec::new();
    let mut long_forms: Option<LongForms> = None;
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for u in &doc.abbreviation_uses {
        *counts.entry(u.short.as_str()).or_default() += 1;
    }
    for u in &doc.abbreviation_uses {
        let short = u.short.as_str();
        if defined.contains(short)
            || crate::catalogue::abbreviation(short).is_some()
            || ctx.roster.is_initials(short)
            || !reported.insert(short)
        {
            continue;
        }
        let uses = *counts.get(u.short.as_str()).unwrap_or(&1);
        // name it as written ("PIs"), look it up by its short form ("PI")
        let written = &ctx.text[u.span.clone()];
        let possessive = written.ends_with("’s") || written.ends_with("'s");
        let short = if possessive { short } else { written };
        let long_forms = long_forms.get_or_insert_with(|| LongForms::new(ctx.text));
        let mut d = match long_forms.find(short) {
            Some(long) => {
                let long_text = &ctx.text[long.clone()];
                let mut d = diagnostic(
                    &RULE,
                    u.range(),
                    format!("“{short}” is never defined, but “{long_text}” appears in the text: define it there as “{long_text} ({short})”"),
                );
                d.related.push(Related { range: long.clone(), message: format!("the long form of {short}") });
                d.fix = Some(Fix {
                    title: format!("Define {short} as “{long_text}”"),
                    edits: vec![Edit { range: long.end..long.end, text: format!(" ({short})") }],
                });
                d
            }
            None => diagnostic(&RULE, u.range(), format!("“{short}” is used but never defined: write its long form at its first use, e.g. “Long Form ({short})”")),
        };
        if uses > 1 {
            d.message.push_str(&format!(" ({uses} uses)"));
        }
        out.push(d);
    }
    out
}

impl crate::model::AbbreviationUse {
    fn range(&self) -> std::ops::Range<usize> {
        self.span.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::{apply, run};

    #[test]
    fn offers_the_long_form_seen_elsewhere() {
        let text = "Contacts at the Family Front Door had gone up.\n\nA team was created at the FFD.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("Family Front Door"));
        assert_eq!(apply(text, &found[0]), "Contacts at the Family Front Door (FFD) had gone up.\n\nA team was created at the FFD.\n");
    }

    #[test]
    fn defined_and_common_abbreviations_pass() {
        let text = "The Director of Children’s Services (DCS) spoke.\n\nThe DCS and HR agreed. The NHS too.\n\nMASH (Multi Agency Safeguarding Hub) noted.\n\nThe MASH met.\n";
        assert_eq!(run(&RULE, text), vec![]);
    }

    #[test]
    fn reports_each_abbreviation_once_with_plurals_folded() {
        let text = "In terms of PIs, the Board would look.\n\nThe PI was met.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("“PIs”"), "{}", found[0].message);
    }
}
