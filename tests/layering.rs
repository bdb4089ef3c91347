//! The flow of the code runs one way (ARCHITECTURE.md): text → syntax →
//! model → workspace → rules → config → analysis → ide → cli / lsp. A
//! module may use the ones before it, never one after it; only `lsp` names
//! LSP or tokio types.

use std::path::{Path, PathBuf};

/// Each layer and the crate modules it must not use.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("text.rs", &["syntax", "model", "catalogue", "workspace", "rules", "ide", "cli", "lsp"]),
    ("syntax", &["model", "catalogue", "workspace", "rules", "ide", "cli", "lsp"]),
    ("catalogue", &["syntax", "model", "workspace", "rules", "ide", "cli", "lsp"]),
    ("model", &["workspace", "rules", "ide", "cli", "lsp"]),
    ("workspace.rs", &["rules", "ide", "cli", "lsp"]),
    ("diagnostic.rs", &["rules", "ide", "cli", "lsp"]),
    ("rules", &["config", "analysis", "ide", "cli", "lsp"]),
    ("config.rs", &["analysis", "ide", "cli", "lsp"]),
    ("analysis.rs", &["ide", "cli", "lsp"]),
    ("ide", &["cli", "lsp"]),
    // cli and lsp are siblings; the `minutes lsp` command in cli/mod.rs
    // only starts the server.
];

fn sources(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

#[test]
fn modules_use_only_the_layers_before_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (layer, forbidden) in FORBIDDEN {
        let path = src.join(layer);
        assert!(path.exists(), "{} is gone: update FORBIDDEN", path.display());
        for file in sources(&path) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                for module in *forbidden {
                    if line.contains(&format!("crate::{module}::")) || line.contains(&format!("crate::{module}}}")) || line.contains(&format!("crate::{module};")) {
                        wrong.push(format!("{}:{}: {layer} uses {module}: {}", file.display(), n + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports that run up the diagram:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_server_names_lsp_or_tokio() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for file in sources(&src) {
        if file.starts_with(src.join("lsp")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // text.rs is the one place positions are converted, the rope of an
        // open document's included (behind the `lsp` feature)
        let names: &[&str] = if file == src.join("text.rs") { &["tower_lsp_server", "tokio::"] } else { &["tower_lsp_server", "tokio::", "ropey::"] };
        for (n, line) in text.lines().enumerate() {
            if names.iter().any(|k| line.contains(k)) {
                wrong.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
