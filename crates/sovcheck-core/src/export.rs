//! Derived exports of one assessment: its fingerprint and its answers as CSV.
//!
//! The **fingerprint** is the SHA-256 of the canonical export ([`format::export_assessment`]),
//! so two files with the same fingerprint hold the same assessment, whatever their layout.
//! The **CSV** writer here is the format of the answers table (`sovcheck-text` fills it with
//! words): RFC 4180 records with every cell neutralised against formula injection. See
//! `docs/FORMAT.md`.

use crate::format;
use crate::model::Assessment;
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

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return; plus line feed and NUL, which some readers
/// strip before looking at the next character).
const FORMULA_TRIGGERS: [char; 8] = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/// One CSV field: a leading apostrophe when it starts with a formula trigger, then quoted
/// (quotes doubled) when it holds the separator, a quote, CR or LF.
pub fn csv_field(text: &str, separator: char) -> String {
    let mut cell = String::with_capacity(text.len() + 3);
    if text.starts_with(FORMULA_TRIGGERS) {
        cell.push('\'');
    }
    cell.push_str(text);
    if cell.contains([separator, '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

/// Appends one CSV record: fields through [`csv_field`], joined by `separator`, CRLF at
/// the end (RFC 4180; the separator is a comma, or a semicolon for spreadsheets that read
/// the comma as the decimal mark).
pub fn push_csv_record<'a>(
    out: &mut String,
    separator: char,
    fields: impl IntoIterator<Item = &'a str>,
) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        out.push_str(&csv_field(field, separator));
    }
    out.push_str("\r\n");
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
        assert_eq!(csv_field("plain text", ','), "plain text");
        assert_eq!(csv_field("", ','), "");
        assert_eq!(csv_field("a,b", ','), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines", ','), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere", ','), "\"cr\rhere\"");
    }

    #[test]
    fn formula_triggers_get_an_apostrophe() {
        assert_eq!(csv_field("=1+1", ','), "'=1+1");
        assert_eq!(csv_field("+1", ','), "'+1");
        assert_eq!(csv_field("-1", ','), "'-1");
        assert_eq!(csv_field("@SUM(A1)", ','), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1", ','), "'\t=1");
        assert_eq!(csv_field("\r=1", ','), "\"'\r=1\"");
        assert_eq!(csv_field("\n=1", ','), "\"'\n=1\"");
        assert_eq!(csv_field("\0=1", ','), "'\0=1");
        // Only the first character matters.
        assert_eq!(csv_field("a=1", ','), "a=1");
        assert_eq!(csv_field(" =1", ','), " =1");
        // Trigger and quoting together: apostrophe inside the quotes.
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"y\")", ','),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
    }

    #[test]
    fn a_semicolon_separated_field_is_quoted_for_semicolons_not_commas() {
        assert_eq!(csv_field("a;b", ';'), "\"a;b\"");
        assert_eq!(csv_field("a,b", ';'), "a,b");
        let mut out = String::new();
        push_csv_record(&mut out, ';', ["x", "1,5", "=y"]);
        assert_eq!(out, "x;1,5;'=y\r\n");
    }
}
