//! M202 abbreviation-redefined: one short form, two long forms.

use super::{diagnostic, Context};
use crate::diagnostic::{Diagnostic, Related};

declare_rule! {
    /// An abbreviation is defined twice with different long forms.
    ///
    /// What it catches: the same short form given two different long forms in one file
    /// (`Director of Children’s Services (DCS)` and later `Director of Corporate Services
    /// (DCS)`).
    ///
    /// Why it matters: a reader cannot tell which one a later use means.
    ///
    /// Example: `Director of Children’s Services (DCS)` in item 2 and `Director of Corporate
    /// Services (DCS)` in item 5.
    ///
    /// Fix: use a different abbreviation for one of them, or correct the long form.
    pub const RULE = {
        code: "M202",
        name: "abbreviation-redefined",
        severity: Warning,
        default_enabled: true,
        fixable: false,
        check,
    }
}

fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // the first definition of each short form, and the meanings seen so far
    let mut seen: std::collections::HashMap<&str, (usize, Vec<String>)> = std::collections::HashMap::new();
    let defs = &ctx.doc.abbreviations;
    for (i, d) in defs.iter().enumerate() {
        let Some(long) = &d.long else { continue };
        let meaning = normal(long);
        let entry = seen.entry(d.short.as_str()).or_insert_with(|| (i, Vec::new()));
        let first = &defs[entry.0];
        let known = entry.1.contains(&meaning);
        let differs = !entry.1.is_empty() && !known;
        if !known {
            entry.1.push(meaning);
        }
        if differs {
            let mut diag = diagnostic(
                &RULE,
                d.span.clone(),
                format!(
                    "“{}” was defined as “{}”; here it is “{long}”: use one meaning per abbreviation",
                    d.short,
                    first.long.as_deref().unwrap_or_default()
                ),
            );
            diag.related.push(Related { range: first.span.clone(), message: format!("{} first defined here", d.short) });
            out.push(diag);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::run;

    #[test]
    fn flags_a_second_meaning_not_a_repeat() {
        let text = "The Director of Children’s Services (DCS) spoke.\n\nThe Director of Children’s Services (DCS) again.\n\nThe Director of Corporate Services (DCS) replied.\n";
        let found = run(&RULE, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("Director of Corporate Services"));
        assert_eq!(found[0].related.len(), 1);
    }
}
