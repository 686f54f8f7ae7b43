//! `validate`: one line per file, whether it is a valid sovcheck document.

use crate::load::{file_line, load_document};
use sovcheck_core::format::Document;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use std::path::PathBuf;

/// `validate`: one line per file; returns whether every file is valid.
pub(crate) fn validate(files: &[PathBuf], lang: Lang) -> bool {
    let t = texts(lang);
    let mut all_valid = true;
    for path in files {
        match load_document(path) {
            Ok(doc @ (Document::Questionnaire(_) | Document::Response(_))) => {
                let kind = t.document_kind(doc.kind());
                println!(
                    "{}",
                    file_line(
                        path,
                        &sovcheck_text::fill(t.merge.valid_kind, &[("kind", &kind)]),
                        t
                    )
                );
            }
            Ok(doc) => {
                let list = doc.into_assessments();
                println!("{}", file_line(path, &t.count(list.len(), &t.cli.valid), t));
            }
            Err(e) => {
                all_valid = false;
                println!("{}", file_line(path, &e.message(t), t));
            }
        }
    }
    all_valid
}
