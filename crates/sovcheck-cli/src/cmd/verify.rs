//! `verify`: a file against a printed fingerprint, in the words of the app's check.

use crate::cmd::exit;
use crate::load::{file_line, read};
use sovcheck_core::verify::{check_bytes, Fingerprint, ReportKind, Verdict};
use sovcheck_core::Lang;
use sovcheck_text::{texts, Catalog};
use std::path::Path;
use std::process::ExitCode;

/// The outcome of `verify` in words (the words of the app's fingerprint check).
pub(crate) fn verify_text(v: &Verdict, t: &Catalog) -> String {
    let w = &t.verify;
    match v {
        Verdict::Match => w.matched.to_owned(),
        Verdict::ContentMatch { .. } => w.content_matched.to_owned(),
        Verdict::Mismatch => w.mismatch.to_owned(),
        Verdict::NotSovcheck(e) => t.not_sovcheck(e),
        Verdict::ReportNotAssessment { kind } => match kind {
            ReportKind::Pdf => w.report_pdf.to_owned(),
            ReportKind::Html => w.report_html.to_owned(),
        },
        Verdict::BadFingerprint(e) => t.fingerprint_error(*e),
        Verdict::Unreadable => t.io_error(std::io::ErrorKind::Other),
    }
}

/// `verify`: one line on the outcome; exit 0 on a match, 1 otherwise.
pub(crate) fn verify(path: &Path, expected: &Fingerprint, lang: Lang) -> ExitCode {
    let t = texts(lang);
    match read(path) {
        Ok(bytes) => {
            let v = check_bytes(expected, &bytes);
            println!("{}", file_line(path, &verify_text(&v, t), t));
            exit(v.is_match())
        }
        Err(e) => {
            eprintln!("{}", file_line(path, &e.message(t), t));
            ExitCode::FAILURE
        }
    }
}
