//! Checking a file against a printed fingerprint, as data (the words are the interface's).
//!
//! The report prints the assessment's fingerprint: the SHA-256 of its canonical export
//! ([`crate::export::fingerprint`]). A file is checked in two ways: first its raw bytes (the
//! exported file, unchanged), then the canonical re-export of each assessment it holds (the
//! same assessment in a re-saved or re-formatted file). A file that is not a sovcheck
//! document but looks like a PDF or an HTML page is most likely the report itself, whose
//! fingerprint is that of the exported assessment, not its own: the outcome says so
//! ([`Verdict::ReportNotAssessment`]).

use crate::export::{fingerprint, sha256_hex};
use crate::format::{parse_document, FormatError, Problem};
use crate::model::Assessment;
use std::fmt;
use std::str::FromStr;

/// A SHA-256 as the engine writes it: 64 lowercase hexadecimal characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint(String);

/// Why a typed fingerprint is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FingerprintError {
    /// Nothing but white space.
    Empty,
    /// A character other than 0-9, a-f (either case) or white space.
    NotHex(char),
    /// Not 64 hexadecimal characters; the count found.
    Length(usize),
}

impl Fingerprint {
    /// A typed or pasted fingerprint: white space (anywhere, including no-break spaces and
    /// line breaks) is dropped and capitals are lowered; what remains must be exactly 64
    /// hexadecimal characters.
    pub fn parse(text: &str) -> Result<Fingerprint, FingerprintError> {
        let mut out = String::with_capacity(64);
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            if !c.is_ascii_hexdigit() {
                return Err(FingerprintError::NotHex(c));
            }
            out.push(c.to_ascii_lowercase());
        }
        match out.len() {
            0 => Err(FingerprintError::Empty),
            64 => Ok(Fingerprint(out)),
            n => Err(FingerprintError::Length(n)),
        }
    }

    /// The SHA-256 of `bytes`.
    pub fn of_bytes(bytes: &[u8]) -> Fingerprint {
        Fingerprint(sha256_hex(bytes))
    }

    /// The fingerprint of an assessment (of its canonical export).
    pub fn of(a: &Assessment) -> Fingerprint {
        Fingerprint(fingerprint(a))
    }

    /// The 64 lowercase hexadecimal characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of eight, as printed: see [`grouped`].
    pub fn grouped(&self) -> String {
        grouped(&self.0)
    }
}

impl FromStr for Fingerprint {
    type Err = FingerprintError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Fingerprint::parse(s)
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Fingerprint {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Hexadecimal for people: groups of eight characters separated by spaces, so that it reads
/// like the printed fingerprint.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A kind of document that is a report, not an assessment file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    /// Starts with `%PDF-`.
    Pdf,
    /// Starts with `<!doctype html` or `<html` (any case).
    Html,
}

impl ReportKind {
    /// A stable word: `pdf`, `html`.
    pub fn id(self) -> &'static str {
        match self {
            ReportKind::Pdf => "pdf",
            ReportKind::Html => "html",
        }
    }
}

/// Whether `bytes` start (after an optional UTF-8 byte-order mark and white space) like a
/// PDF (`%PDF-`) or an HTML page (`<!doctype html` or `<html`, any case, followed by white
/// space, `>` or the end).
pub fn report_kind(bytes: &[u8]) -> Option<ReportKind> {
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let rest = rest.get(start..)?;
    if rest.starts_with(b"%PDF-") {
        return Some(ReportKind::Pdf);
    }
    let tag = |name: &[u8]| {
        rest.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
            && rest
                .get(name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>')
    };
    (tag(b"<!doctype html") || tag(b"<html")).then_some(ReportKind::Html)
}

/// One assessment found in a file, with the fingerprint of its canonical export.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The assessment.
    pub assessment: Assessment,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
}

/// Why a file holds no assessment.
#[derive(Clone, Debug, PartialEq)]
pub enum NotSovcheck {
    /// It looks like a report (PDF or HTML), not the exported assessment.
    Report(ReportKind),
    /// It is not a valid sovcheck document.
    Invalid(FormatError),
}

/// A file as read.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    /// Being read.
    Reading {
        /// File name.
        name: String,
    },
    /// It could not be read.
    Unreadable {
        /// File name.
        name: String,
    },
    /// Read (or refused for its size, then `sha` is `None`).
    Loaded {
        /// File name.
        name: String,
        /// SHA-256 of the raw bytes.
        sha: Option<Fingerprint>,
        /// The assessments it holds, or why it holds none.
        content: Result<Vec<Found>, NotSovcheck>,
    },
}

impl FileState {
    /// A file's state from its bytes.
    pub fn from_bytes(name: String, bytes: &[u8]) -> FileState {
        FileState::Loaded {
            name,
            sha: Some(Fingerprint::of_bytes(bytes)),
            content: content_of(bytes),
        }
    }

    /// A file refused before reading, for its size.
    pub fn too_large(name: String, size: usize) -> FileState {
        FileState::Loaded {
            name,
            sha: None,
            content: Err(NotSovcheck::Invalid(FormatError {
                path: String::new(),
                problem: Problem::TooLarge { size },
            })),
        }
    }
}

/// The outcome of a check.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The file's bytes have the printed SHA-256: the exported file, unchanged.
    Match,
    /// The bytes differ, but the assessment at `index` (of `of` in the file) re-exports to
    /// the printed fingerprint: the same assessment in a re-saved or re-formatted file.
    ContentMatch {
        /// Its position in the file, from 0.
        index: usize,
        /// How many assessments the file holds.
        of: usize,
    },
    /// Neither the bytes nor any assessment in the file match.
    Mismatch,
    /// The bytes do not match and the file is not a sovcheck document.
    NotSovcheck(FormatError),
    /// The bytes do not match and the file is a report (PDF or HTML), not the exported
    /// assessment whose fingerprint the report prints.
    ReportNotAssessment {
        /// PDF or HTML.
        kind: ReportKind,
    },
    /// What was typed is not a fingerprint.
    BadFingerprint(FingerprintError),
    /// The file could not be read.
    Unreadable,
}

impl Verdict {
    /// Whether the file holds what was fingerprinted (exactly, or re-saved).
    pub fn is_match(&self) -> bool {
        matches!(self, Verdict::Match | Verdict::ContentMatch { .. })
    }

    /// A stable word for tests and styles.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Match => "bytes",
            Verdict::ContentMatch { .. } => "content",
            Verdict::Mismatch => "mismatch",
            Verdict::NotSovcheck(_) => "not-sovcheck",
            Verdict::ReportNotAssessment { .. } => "report-not-assessment",
            Verdict::BadFingerprint(_) => "bad-fingerprint",
            Verdict::Unreadable => "unreadable",
        }
    }
}

/// Why a file is not usable, as an outcome.
fn not_sovcheck(reason: &NotSovcheck) -> Verdict {
    match reason {
        NotSovcheck::Report(kind) => Verdict::ReportNotAssessment { kind: *kind },
        NotSovcheck::Invalid(e) => Verdict::NotSovcheck(e.clone()),
    }
}

/// The check of `file` against what was typed; `None` while something is missing (no file
/// yet, a file still being read, or a valid file and nothing typed). An invalid fingerprint
/// is reported once it is not empty; without a fingerprint, only a file that is no sovcheck
/// document is worth an answer.
pub fn verdict(expected: &str, file: Option<&FileState>) -> Option<Verdict> {
    let expected = if expected.trim().is_empty() {
        None
    } else {
        match Fingerprint::parse(expected) {
            Ok(e) => Some(e),
            Err(e) => return Some(Verdict::BadFingerprint(e)),
        }
    };
    match file? {
        FileState::Reading { .. } => None,
        FileState::Unreadable { .. } => Some(Verdict::Unreadable),
        FileState::Loaded { sha, content, .. } => match expected {
            None => content.as_ref().err().map(not_sovcheck),
            Some(expected) => Some(check(&expected, sha.as_ref(), content)),
        },
    }
}

/// The check of a read file against a fingerprint.
fn check(
    expected: &Fingerprint,
    sha: Option<&Fingerprint>,
    content: &Result<Vec<Found>, NotSovcheck>,
) -> Verdict {
    if sha == Some(expected) {
        return Verdict::Match;
    }
    match content {
        Err(reason) => not_sovcheck(reason),
        Ok(list) => match list.iter().position(|f| f.fingerprint == *expected) {
            Some(index) => Verdict::ContentMatch {
                index,
                of: list.len(),
            },
            None => Verdict::Mismatch,
        },
    }
}

/// The check of a file's bytes against a fingerprint (what the command line does).
pub fn check_bytes(expected: &Fingerprint, bytes: &[u8]) -> Verdict {
    check(
        expected,
        Some(&Fingerprint::of_bytes(bytes)),
        &content_of(bytes),
    )
}

/// The assessments a file holds, each with its fingerprint, or why it holds none.
fn content_of(bytes: &[u8]) -> Result<Vec<Found>, NotSovcheck> {
    match parse_document(bytes) {
        Ok(doc) => Ok(doc
            .into_assessments()
            .into_iter()
            .map(|assessment| Found {
                fingerprint: Fingerprint::of(&assessment),
                assessment,
            })
            .collect()),
        Err(e) => Err(report_kind(bytes).map_or(NotSovcheck::Invalid(e), NotSovcheck::Report)),
    }
}
