//! Derived exports of one assessment: its fingerprint and its answers as CSV.
//!
//! The **fingerprint** is the SHA-256 of the canonical export ([`format::export_assessment`]),
//! so two files with the same fingerprint hold the same assessment, whatever their layout.
//! The **CSV** lists the 48 criteria, one row each, in content order, for a spreadsheet; it is
//! RFC 4180 text with every cell neutralised against formula injection. See `docs/FORMAT.md`.

use crate::content;
use crate::format;
use crate::lang::Lang;
use crate::model::{Answer, Assessment, Choice};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The lowercase hexadecimal SHA-256 (64 characters) of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest.iter() {
        // Writing to a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The assessment's fingerprint: [`sha256_hex`] of exactly the bytes of
/// [`format::export_assessment`]. The same assessment always has the same fingerprint;
/// any change to what is stored (an answer, a note, the metadata, the sign-off) changes it.
pub fn fingerprint(a: &Assessment) -> String {
    sha256_hex(format::export_assessment(a).as_bytes())
}

/// The CSV columns, in order, in English and French.
const HEADERS: [(&str, &str); 10] = [
    ("Objective", "Objectif"),
    ("Criterion", "Critère"),
    ("Title", "Intitulé"),
    ("State", "État"),
    ("Rung", "Niveau"),
    ("Answer", "Réponse"),
    ("Note", "Note"),
    ("Source", "Source"),
    ("Evidence level", "Niveau de preuve"),
    ("Valid until", "Valable jusqu'au"),
];

/// A criterion's answer state in words: answered, unknown ("I don't know") or unanswered.
pub fn state_label(choice: Choice, lang: Lang) -> &'static str {
    match choice {
        Choice::Rung(_) => lang.pick("answered", "répondu"),
        Choice::Unknown => lang.pick("unknown", "inconnu"),
        Choice::Open => lang.pick("unanswered", "sans réponse"),
    }
}

/// The answer in words: the chosen rung's label, "I don't know", or nothing when unanswered
/// (or when the rung does not exist, which a validated assessment never has).
pub fn answer_label(criterion: &content::Criterion, choice: Choice, lang: Lang) -> &'static str {
    match choice {
        Choice::Rung(r) => criterion.rung(r).map_or("", |rung| rung.label.get(lang)),
        Choice::Unknown => lang.pick("I don't know", "Je ne sais pas"),
        Choice::Open => "",
    }
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return; plus line feed and NUL, which some readers
/// strip before looking at the next character).
const FORMULA_TRIGGERS: [char; 8] = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/// One CSV field: a leading apostrophe when it starts with a formula trigger, then quoted
/// (quotes doubled) when it holds a comma, a quote, CR or LF.
pub fn csv_field(text: &str) -> String {
    let mut cell = String::with_capacity(text.len() + 3);
    if text.starts_with(FORMULA_TRIGGERS) {
        cell.push('\'');
    }
    cell.push_str(text);
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// Appends one CSV record (fields joined by commas, CRLF at the end).
fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(field));
    }
    out.push_str("\r\n");
}

/// The answers as RFC 4180 CSV: a header row in `lang`, then one row per criterion (all 48,
/// answered or not) in content order: objective, criterion, title, state, rung index (empty
/// unless answered), the answer in words, note, source, evidence level (wire id) and valid
/// until (`YYYY-MM-DD`). Lines end in CRLF; every cell goes through [`csv_field`].
pub fn answers_csv(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    push_record(&mut out, HEADERS.iter().map(|(en, fr)| lang.pick(*en, *fr)));
    let none = Answer::default();
    for o in content::objectives() {
        for c in o.criteria {
            let answer = a.answers.get(c.id).unwrap_or(&none);
            let choice = answer.choice();
            let rung = match choice {
                Choice::Rung(r) => r.to_string(),
                Choice::Unknown | Choice::Open => String::new(),
            };
            let valid_until = answer
                .valid_until
                .map(|d| d.to_string())
                .unwrap_or_default();
            push_record(
                &mut out,
                [
                    o.id,
                    c.id,
                    c.title.get(lang),
                    state_label(choice, lang),
                    &rung,
                    answer_label(c, choice, lang),
                    &answer.note,
                    &answer.source,
                    answer.evidence_level.map_or("", |l| l.id()),
                    &valid_until,
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_fips_180_vectors() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain text"), "plain text");
        assert_eq!(csv_field(""), "");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn formula_triggers_get_an_apostrophe() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+1"), "'+1");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
        assert_eq!(csv_field("\n=1"), "\"'\n=1\"");
        assert_eq!(csv_field("\0=1"), "'\0=1");
        // Only the first character matters.
        assert_eq!(csv_field("a=1"), "a=1");
        assert_eq!(csv_field(" =1"), " =1");
        // Trigger and quoting together: apostrophe inside the quotes.
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
    }

    #[test]
    fn labels_exist_in_both_languages() {
        for choice in [Choice::Rung(0), Choice::Unknown, Choice::Open] {
            assert_ne!(state_label(choice, Lang::En), state_label(choice, Lang::Fr));
        }
        for (en, fr) in HEADERS {
            assert!(!en.is_empty() && !fr.is_empty());
        }
    }
}
