//! Splits the accessibility statement (`docs/ACCESSIBILITY.md`, one section per language
//! after a `<!-- lang: xx -->` marker) into one file per language, which the catalogs
//! include: the published statement and the one in the app are the same words. A language
//! without its section fails the build.

use std::path::Path;

/// The catalog languages (a test in `lib.rs` checks they are `Lang::ALL`).
const LANGS: [&str; 3] = ["en", "fr", "de"];

fn main() {
    if let Err(e) = run() {
        eprintln!("accessibility statement: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let source = Path::new(&manifest).join("../../docs/ACCESSIBILITY.md");
    println!("cargo:rerun-if-changed={}", source.display());
    let text =
        std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let out = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    for lang in LANGS {
        let marker = format!("<!-- lang: {lang} -->");
        let (_, rest) = text
            .split_once(&marker)
            .ok_or_else(|| format!("{} has no section {marker}", source.display()))?;
        let section = rest.split("<!-- lang:").next().unwrap_or_default().trim();
        if section.is_empty() {
            return Err(format!("the {lang} section is empty"));
        }
        let dest = Path::new(&out).join(format!("statement-{lang}.md"));
        std::fs::write(&dest, section).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    Ok(())
}
