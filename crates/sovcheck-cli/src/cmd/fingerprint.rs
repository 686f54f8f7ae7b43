//! `fingerprint`: the SHA-256 of each assessment's canonical export, with its id.

use crate::load::{file_line, load};
use sovcheck_core::export::fingerprint;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use std::path::Path;

/// `fingerprint`: one line per assessment, `HEX  ID` (`-` for an assessment without id);
/// returns whether the file was valid.
pub(crate) fn fingerprints(path: &Path, lang: Lang) -> bool {
    let t = texts(lang);
    match load(path) {
        Ok(list) => {
            for a in &list {
                let id = if a.id.is_empty() { "-" } else { a.id.as_str() };
                println!("{}  {}", fingerprint(a), crate::safe::text(id));
            }
            true
        }
        Err(e) => {
            eprintln!("{}", file_line(path, &e.message(t), t));
            false
        }
    }
}
