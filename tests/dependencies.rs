//! Every dependency declared in Cargo.toml is used: a crate nobody imports
//! costs build time and trust for nothing.

use std::path::Path;

fn all_sources(dir: &Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries {
        let p = entry.unwrap().path();
        if p.is_dir() {
            all_sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&p).unwrap());
        }
    }
}

#[test]
fn every_declared_dependency_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).unwrap().parse().unwrap();
    let mut code = String::new();
    for dir in ["src", "tests", "benches", "fuzz/fuzz_targets"] {
        all_sources(&root.join(dir), &mut code);
    }
    code.push_str(&std::fs::read_to_string(root.join("build.rs")).unwrap());
    let mut unused = Vec::new();
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(deps) = manifest.get(section).and_then(|d| d.as_table()) else { continue };
        for (name, spec) in deps {
            let krate = spec.get("package").and_then(|p| p.as_str()).unwrap_or(name).replace('-', "_");
            let used = [format!("{krate}::"), format!("use {krate}"), format!("extern crate {krate}"), format!("{krate}!")]
                .iter()
                .any(|needle| code.contains(needle.as_str()));
            if !used {
                unused.push(format!("[{section}] {name}"));
            }
        }
    }
    assert!(unused.is_empty(), "declared but never used: {unused:?}");
}
