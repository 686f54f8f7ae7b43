//! The exchange format: the one versioned boundary through which assessments leave and
//! enter sovcheck (export, import, local storage, the CLI). See `docs/FORMAT.md`.
//!
//! A document is an envelope `{"formatVersion": 2, "contentVersion": "...", "assessment":
//! {...}}` or, for a workspace, `{"formatVersion": 2, "assessments": [...]}`. Parsing never
//! panics and never guesses: unknown fields, unknown ids, wrong types, duplicate keys,
//! out-of-range values, files over the limits and truncated files each give a
//! [`FormatError`] naming the path and the [`Problem`] as data (`sovcheck-text` puts it into
//! words). Older versions are migrated: `formatVersion` 1 (read with its own frozen types,
//! `format/v1.rs`) and 0, the draft shorthand.

mod v1;

use crate::content;
use crate::model::{Answer, Assessment};
use crate::questionnaire::{self, Questionnaire, Response};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

#[doc(hidden)]
pub use v1::EnvelopeV1;

/// The format version this build writes.
pub const FORMAT_VERSION: u64 = 2;

/// Files larger than this are refused before parsing (16 MiB: room for long evidence notes,
/// far above any real assessment, small enough for a browser tab to parse at once).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The most approvers a sign-off may list.
pub const MAX_APPROVERS: usize = 100;

/// The most entries an assessment's log may hold.
pub const MAX_LOG_ENTRIES: usize = 10_000;

/// The most assessments a workspace may hold.
pub const MAX_ASSESSMENTS: usize = 1_000;

/// The most questionnaires an assessment may record.
pub const MAX_QUESTIONNAIRES: usize = 1_000;

/// The most characters (Unicode scalar values) any one text of a document may hold: a note,
/// a source, a title, a rationale, a log entry's text, every string alike.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A parsed exchange document.
// One document is parsed at a time and unpacked at once: boxing the single assessment
// would only make every caller's pattern clumsier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    /// One assessment.
    Single(Assessment),
    /// A workspace of several assessments.
    Workspace(Vec<Assessment>),
    /// A questionnaire: part of an assessment, handed to one respondent.
    Questionnaire(Box<Questionnaire>),
    /// A response to a questionnaire.
    Response(Box<Response>),
}

/// What a document holds, for messages that say "this file is a questionnaire".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// One assessment.
    Assessment,
    /// A workspace.
    Workspace,
    /// A questionnaire.
    Questionnaire,
    /// A response.
    Response,
}

impl Document {
    /// The assessments it holds (none in a questionnaire or a response).
    pub fn into_assessments(self) -> Vec<Assessment> {
        match self {
            Document::Single(a) => vec![a],
            Document::Workspace(v) => v,
            Document::Questionnaire(_) | Document::Response(_) => Vec::new(),
        }
    }

    /// What it holds.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Document::Single(_) => DocumentKind::Assessment,
            Document::Workspace(_) => DocumentKind::Workspace,
            Document::Questionnaire(_) => DocumentKind::Questionnaire,
            Document::Response(_) => DocumentKind::Response,
        }
    }
}

/// What is wrong with a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The file exceeds [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// The file is empty.
    Empty,
    /// Not valid JSON.
    Syntax {
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
        /// What serde_json found wrong.
        detail: SyntaxDetail,
    },
    /// The JSON stops before its end: the file was cut.
    Truncated {
        /// Line where it stops.
        line: usize,
        /// Column where it stops.
        column: usize,
    },
    /// Nested deeper than any sovcheck file can be.
    TooDeep,
    /// Valid JSON, but the top level is not an object (the kind found).
    NotAnObject(JsonKind),
    /// A list where the format has none (only `assessments`, `serviceModels`, `approvers`,
    /// `log`, `questionnaires` and a scope's `questions`, `steps` and `criteria` hold lists).
    ListNotAllowed,
    /// `formatVersion` is absent.
    MissingVersion,
    /// `formatVersion` is not a version this build knows.
    UnsupportedVersion(String),
    /// Written by a newer sovcheck.
    NewerVersion(u64),
    /// Not exactly one of `assessment`, `assessments`, `questionnaire` and `response`.
    NoAssessment,
    /// A field this version does not define.
    UnknownField(String),
    /// A required field is absent.
    MissingField(String),
    /// A key appears twice in one object.
    DuplicateKey(String),
    /// A value of the wrong kind.
    WrongType {
        /// What was found.
        found: JsonKind,
        /// What was expected.
        expected: JsonKind,
    },
    /// A name outside the allowed set.
    UnknownVariant {
        /// What was found.
        found: String,
        /// The allowed names.
        expected: String,
    },
    /// Not a `YYYY-MM-DD` date.
    InvalidDate(String),
    /// Not one of the 48 criteria.
    UnknownCriterion(String),
    /// Not one of SOV-1..SOV-8.
    UnknownObjective(String),
    /// Not one of the SecNumCloud criteria.
    UnknownSncCriterion(String),
    /// A rung index beyond the criterion's ladder.
    RungOutOfRange {
        /// The index given.
        rung: u64,
        /// The highest index.
        max: usize,
    },
    /// A SEAL level above 4.
    SealOutOfRange(u64),
    /// Both `rung` and `unknown: true`.
    RungAndUnknown,
    /// An override without a justification.
    JustificationRequired,
    /// Custom weights that do not sum to 100.
    WeightsSum(u64),
    /// Custom weights missing an objective.
    MissingWeight(String),
    /// A weight profile name that does not exist.
    UnknownWeights(String),
    /// Two assessments of one workspace share an id.
    DuplicateId(String),
    /// A service model listed twice in `meta.serviceModels`.
    RepeatedServiceModel(String),
    /// A `dueDiligence` key that is not a due-diligence question id.
    UnknownQuestion(String),
    /// A `rung` on a due-diligence answer.
    RungOnDueDiligence,
    /// `unknown: true` on a due-diligence answer.
    UnknownOnDueDiligence,
    /// A `validUntil` on a due-diligence answer.
    ValidUntilOnDueDiligence,
    /// An `actionPlan` key that is neither a criterion nor an objective.
    UnknownPlanKey(String),
    /// A log entry's `subject` that is neither a criterion nor a due-diligence question.
    UnknownLogSubject(String),
    /// A sign-off with more than [`MAX_APPROVERS`] approvers (the count found).
    TooManyApprovers(usize),
    /// A log with more than [`MAX_LOG_ENTRIES`] entries (the count found).
    TooManyLogEntries(usize),
    /// A workspace with more than [`MAX_ASSESSMENTS`] assessments (the count found).
    TooManyAssessments(usize),
    /// A text longer than [`MAX_TEXT_CHARS`] characters (its length in characters).
    TextTooLong(usize),
    /// A scope's step id that is not a step of the walk.
    UnknownStep(String),
    /// An id listed twice in a scope.
    RepeatedScopeId(String),
    /// A questionnaire or response whose scope covers nothing.
    EmptyScope,
    /// An answer to a criterion or question outside the questionnaire's scope.
    OutsideScope(String),
    /// An assessment recording more than [`MAX_QUESTIONNAIRES`] questionnaires.
    TooManyQuestionnaires(usize),
    /// The file is UTF-16 text (a byte-order mark, or the zero bytes of UTF-16 around ASCII
    /// characters): sovcheck files are UTF-8.
    Utf16,
    /// Bytes that are not UTF-8 text, the first of them at this line and column (counted
    /// in bytes from the start of the line, 1-based, as serde_json counts).
    NotUtf8 {
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
    },
    /// An encrypted sovcheck file (`{"sovcheckEncrypted": ...}`): it is read only with its
    /// passphrase, by the app.
    Encrypted,
    /// Anything else serde reports (its English message, kept for diagnostics: the text
    /// layer never shows it to users).
    Other(String),
}

/// What serde_json found wrong in the syntax, as data (its English wording never reaches a
/// user: the text layer words each case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxDetail {
    /// A value was expected.
    ExpectedValue,
    /// A key is not in double quotes.
    KeyMustBeString,
    /// Text follows the end of the document.
    TrailingCharacters,
    /// A comma is followed by nothing.
    TrailingComma,
    /// `,` or `}` was expected.
    ExpectedCommaOrBrace,
    /// `,` or `]` was expected.
    ExpectedCommaOrBracket,
    /// `:` was expected.
    ExpectedColon,
    /// A bad escape sequence in a string.
    InvalidEscape,
    /// A malformed number.
    InvalidNumber,
    /// A number too large.
    NumberOutOfRange,
    /// A raw control character inside a string.
    ControlCharacter,
    /// An escape naming no Unicode character.
    InvalidCodePoint,
    /// A broken `\u` escape (a lone surrogate, or cut short).
    InvalidUnicodeEscape,
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// Anything else (serde_json's English message, for diagnostics only).
    Other(String),
}

impl SyntaxDetail {
    /// Classifies serde_json's syntax message.
    fn from_message(msg: &str) -> SyntaxDetail {
        use SyntaxDetail::*;
        match msg {
            "expected value" | "expected ident" => ExpectedValue,
            "key must be a string" => KeyMustBeString,
            "trailing characters" => TrailingCharacters,
            "trailing comma" => TrailingComma,
            "expected `,` or `}`" => ExpectedCommaOrBrace,
            "expected `,` or `]`" => ExpectedCommaOrBracket,
            "expected `:`" => ExpectedColon,
            "invalid escape" => InvalidEscape,
            "invalid number" => InvalidNumber,
            "number out of range" => NumberOutOfRange,
            "control character (\\u0000-\\u001F) found while parsing a string" => ControlCharacter,
            "invalid unicode code point" => InvalidCodePoint,
            "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
                InvalidUnicodeEscape
            }
            "invalid UTF-8" => InvalidUtf8,
            other => Other(other.to_owned()),
        }
    }
}

/// A kind of JSON value, as serde names what it expected or found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// A whole number from 0 to 255.
    SmallWholeNumber,
    /// A whole number.
    WholeNumber,
    /// A string.
    Text,
    /// `true` or `false`.
    Bool,
    /// An object.
    Object,
    /// A list.
    List,
    /// `null`.
    Null,
    /// A number.
    Number,
    /// A weight profile (a name or an object of weights).
    WeightProfile,
    /// A format-0 answer (a rung or "unknown").
    V0Answer,
    /// This string value.
    TextValue(String),
    /// This number value.
    NumberValue(String),
    /// This boolean value.
    BoolValue(String),
    /// Anything else (serde's English words, for diagnostics only).
    Other(String),
}

impl JsonKind {
    /// Classifies serde's words for a kind or a value.
    fn from_serde(s: &str) -> JsonKind {
        use JsonKind::*;
        match s {
            "u8" => return SmallWholeNumber,
            "u16" | "u32" | "u64" => return WholeNumber,
            "a string" => return Text,
            "a boolean" | "a boolean value" => return Bool,
            "a map" | "map" => return Object,
            "a sequence" | "sequence" => return List,
            "null" | "unit value" => return Null,
            "a number" => return Number,
            crate::model::WEIGHTS_EXPECTING => return WeightProfile,
            V0_ANSWER_EXPECTING => return V0Answer,
            _ => {}
        }
        if s.starts_with("struct ") {
            return Object;
        }
        let value = |rest: &str| rest.replace('`', "");
        if let Some(rest) = s.strip_prefix("string ") {
            TextValue(value(rest))
        } else if let Some(rest) = s
            .strip_prefix("integer ")
            .or_else(|| s.strip_prefix("floating point "))
        {
            NumberValue(value(rest))
        } else if let Some(rest) = s.strip_prefix("boolean ") {
            BoolValue(value(rest))
        } else {
            Other(s.to_owned())
        }
    }
}

/// An error in a document, at a path such as `assessment.answers["SOV-3.1"].rung`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem:?}")]
pub struct FormatError {
    /// Where, in JavaScript-like notation; empty for the whole document.
    pub path: String,
    /// What.
    pub problem: Problem,
}

impl FormatError {
    fn at(path: impl Into<String>, problem: Problem) -> FormatError {
        FormatError {
            path: path.into(),
            problem,
        }
    }
}

/// The text between the first pair of backticks (serde quotes names this way).
fn quoted(s: &str, open: char, close: char) -> Option<String> {
    let start = s.find(open)? + open.len_utf8();
    let rest = s.get(start..)?;
    let end = rest.find(close)?;
    rest.get(..end).map(str::to_owned)
}

/// Turns serde's English message into a [`Problem`].
fn classify(msg: &str) -> Problem {
    let backticked = || quoted(msg, '`', '`').unwrap_or_default();
    let dquoted = || quoted(msg, '"', '"').unwrap_or_default();
    if msg.starts_with("unknown field") {
        Problem::UnknownField(backticked())
    } else if msg.starts_with("missing field") {
        Problem::MissingField(backticked())
    } else if msg.starts_with("duplicate field") {
        Problem::DuplicateKey(backticked())
    } else if msg.starts_with("duplicate key") {
        Problem::DuplicateKey(dquoted())
    } else if msg.starts_with("unknown variant") {
        // serde writes "expected `a` or `b`" / "expected one of `a`, `b`, `c`": keep the names.
        let expected = msg.split_once("expected ").map_or("", |(_, e)| e);
        let names: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|n| format!("\"{n}\""))
            .collect();
        Problem::UnknownVariant {
            found: backticked(),
            expected: names.join(", "),
        }
    } else if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        match rest.split_once(", expected ") {
            Some((found, expected)) => Problem::WrongType {
                found: JsonKind::from_serde(found),
                expected: JsonKind::from_serde(expected),
            },
            None => Problem::Other(msg.to_owned()),
        }
    } else if msg.starts_with("invalid date") {
        Problem::InvalidDate(dquoted())
    } else if msg.starts_with("unknown objective") {
        Problem::UnknownObjective(dquoted())
    } else if msg.starts_with("unknown weight profile") {
        Problem::UnknownWeights(dquoted())
    } else if msg.starts_with("missing weight for") {
        Problem::MissingWeight(dquoted())
    } else if let Some(rest) = msg.strip_prefix("weights sum to ") {
        let n = rest
            .split(',')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        Problem::WeightsSum(n)
    } else if let Some(n) = msg.strip_suffix(" is out of range 0..4") {
        Problem::SealOutOfRange(n.parse().unwrap_or(0))
    } else if msg.starts_with("recursion limit exceeded") {
        Problem::TooDeep
    } else {
        Problem::Other(msg.to_owned())
    }
}

// Where an error is. The typed read below does not wrap serde_json's deserializer to
// track the path, as serde_path_to_error did: that wrapper is instantiated for every
// visitor and cost 25.4 KB raw, 9.9 KB gzipped of the app's wasm (after wasm-opt -Oz).
// Instead the path is recovered after the fact from the byte position serde_json reports,
// by re-reading the (already syntax-checked) bytes up to that position: the open objects
// and arrays, each object's current key and each array's current index give the path.
// This costs 2.9 KB raw, 1.6 KB gzipped: a net saving of 22.5 KB raw, 8.3 KB gzipped.
// Which value a position designates depends on how serde_json places each kind of error
// (worked out from its source, see `error_path`). `tests/error_paths.rs` checks that the
// recovered path (and the error) equal what serde_path_to_error reports on the same bytes
// and envelope types, on hand-written cases for every kind of error at several depths and
// layouts and on a bounded-time mutation loop over real exports; serde_path_to_error stays
// a dev-dependency for that. A new Deserialize impl that refuses a value after reading it
// (as `Date` and `Seal` do) must be added to `error_path`'s list; those tests tell.

/// An object or array that is open at the scanned position.
enum Frame {
    /// An object, with the key last read (its bytes, quotes included, from the key to the
    /// next comma) and whether its colon has been passed.
    Object {
        key: Option<(usize, usize)>,
        colon: bool,
    },
    /// An array, with the number of elements begun.
    Array { begun: usize },
}

impl Frame {
    /// Appends the step to this container's current member: the last key read, or the
    /// index of the last element begun.
    fn current(&self, bytes: &[u8], out: &mut String) {
        match self {
            Frame::Object {
                key: Some((start, end)),
                ..
            } => {
                // serde_json itself decodes the key's escapes.
                let raw = bytes.get(*start..*end).unwrap_or_default();
                push_key(
                    out,
                    &serde_json::from_slice::<String>(raw).unwrap_or_default(),
                );
            }
            Frame::Array { begun } if *begun > 0 => out.push_str(&format!("[{}]", begun - 1)),
            _ => {}
        }
    }
}

/// The last token read before the scanned position (whitespace aside).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Nothing,
    /// `{` or `[`.
    Open,
    /// An object key.
    Key,
    Colon,
    Comma,
    /// A string, number, `true`, `false` or `null` in value position.
    Scalar,
    /// `}` or `]`.
    Close,
}

/// The reading state of a JSON text at a byte position.
struct Scan<'a> {
    bytes: &'a [u8],
    /// The containers open at the position, outermost first.
    stack: Vec<Frame>,
    last: Token,
    /// After a `Close`: the container just closed.
    closed: Option<Frame>,
}

impl Scan<'_> {
    /// Reads the tokens of `bytes` that start before `end`. The bytes are valid JSON (the
    /// untyped read has checked them), but nothing here relies on it to stay in bounds.
    fn to(bytes: &[u8], end: usize) -> Scan<'_> {
        let mut s = Scan {
            bytes,
            stack: Vec::new(),
            last: Token::Nothing,
            closed: None,
        };
        let mut i = 0;
        while i < end {
            let Some(&b) = bytes.get(i) else { break };
            let start = i;
            i += 1;
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => {}
                b'{' | b'[' => {
                    s.begin_value();
                    s.stack.push(if b == b'{' {
                        Frame::Object {
                            key: None,
                            colon: false,
                        }
                    } else {
                        Frame::Array { begun: 0 }
                    });
                    s.last = Token::Open;
                }
                b'}' | b']' => {
                    s.closed = s.stack.pop();
                    s.last = Token::Close;
                }
                b',' => {
                    if let Some(Frame::Object { key, colon }) = s.stack.last_mut() {
                        *key = None;
                        *colon = false;
                    }
                    s.last = Token::Comma;
                }
                b':' => {
                    if let Some(Frame::Object { colon, .. }) = s.stack.last_mut() {
                        *colon = true;
                    }
                    s.last = Token::Colon;
                }
                b'"' => {
                    while let Some(&c) = bytes.get(i) {
                        i += if c == b'\\' { 2 } else { 1 };
                        if c == b'"' {
                            break;
                        }
                    }
                    if let Some(Frame::Object { key, colon: false }) = s.stack.last_mut() {
                        *key = Some((start, i));
                        s.last = Token::Key;
                    } else {
                        s.begin_value();
                        s.last = Token::Scalar;
                    }
                }
                _ => {
                    while bytes.get(i).is_some_and(|c| {
                        !matches!(c, b' ' | b'\n' | b'\t' | b'\r' | b',' | b':' | b'}' | b']')
                    }) {
                        i += 1;
                    }
                    s.begin_value();
                    s.last = Token::Scalar;
                }
            }
        }
        s
    }

    fn begin_value(&mut self) {
        if let Some(Frame::Array { begun }) = self.stack.last_mut() {
            *begun += 1;
        }
    }

    /// The path through the first `depth` open containers.
    fn through(&self, depth: usize) -> String {
        let mut out = String::new();
        for frame in self.stack.iter().take(depth) {
            frame.current(self.bytes, &mut out);
        }
        out
    }

    /// The path of the innermost container's current member (of the value just read, after
    /// a `Scalar` or a `Close`; with the key, after a `Key`).
    fn current(&self) -> String {
        self.through(self.stack.len())
    }

    /// The path of the innermost open container.
    fn open(&self) -> String {
        self.through(self.stack.len().saturating_sub(1))
    }

    /// The path of the value that starts at the position.
    fn next_value(&self) -> String {
        match self.stack.last() {
            Some(Frame::Array { begun }) => format!("{}[{begun}]", self.open()),
            _ => self.current(),
        }
    }

    /// After a `Close`: the path of the closed container's last member.
    fn last_of_closed(&self) -> String {
        let mut out = self.current();
        if let Some(frame) = &self.closed {
            frame.current(self.bytes, &mut out);
        }
        out
    }
}

/// The byte offset of serde_json's (line, column): line is 1 + the newlines before the
/// start of the line, column the bytes from that start.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let start = match line.checked_sub(2) {
        None => 0,
        Some(newlines) => bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(newlines)
            .map_or(bytes.len(), |(i, _)| i + 1),
    };
    start.saturating_add(column).min(bytes.len())
}

/// The path serde_path_to_error would report for an error of the typed read of `bytes`
/// (valid JSON whose top level is an object): the innermost value being deserialized, plus
/// the key when a key itself is refused.
///
/// serde_json gives a data error the reader's position when it leaves the innermost
/// `deserialize_*` that sees it; a container's call first reads on to its closing bracket
/// if that comes next (skipping whitespace, and in an array a comma too). Hence:
/// - a scalar of the wrong type or value: right after it;
/// - `{` or `[` of the wrong type: at the bracket;
/// - an unknown field: after the key; a duplicate key or field, an unknown weight
///   objective or enum variant given as a key: after the key, at the map's path;
/// - a missing field, missing weight, wrong weight sum or short list: after the closing
///   bracket, at the container's path;
/// - a value refused after it was read (a date, a SEAL level): at the comma after it, or
///   after the closing bracket that follows it, or (in an array) at the next element;
/// - a kind refused by a type that reads any kind (weights, version-0 answers): at the
///   first member (or after the bracket when empty), at the container's path.
///
/// An enum given a value of the wrong kind is a syntax error at the byte after the value's
/// first byte (after the `}` for `{}`); `{"variant": null, ...}` is one at the comma;
/// a list read as a struct with too many elements is one at the byte after the first extra
/// element's first byte.
fn error_path(bytes: &[u8], e: &serde_json::Error) -> String {
    let at = offset_of(bytes, e.line(), e.column());
    let msg = error_message(e);
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    if e.classify() == serde_json::error::Category::Syntax {
        let before = at.saturating_sub(1);
        if msg.starts_with("trailing characters") || byte(before) == b'}' {
            Scan::to(bytes, before).open()
        } else if matches!(byte(before), b'n' | b't' | b'f' | b'-' | b'0'..=b'9' | b'[') {
            Scan::to(bytes, before).next_value()
        } else {
            // After a variant's value, in `{"variant": null, ...}`.
            Scan::to(bytes, at).open()
        }
    } else {
        let scan = Scan::to(bytes, at);
        // `{` or `[` refused at the bracket, as opposed to one whose members were refused
        // by a type that reads any kind.
        let bracket = match msg.split_once(", expected ") {
            Some(("invalid type: sequence", expected)) => {
                byte(at) == b'[' && !reads_any_kind(expected)
            }
            Some(("invalid type: map", expected)) => byte(at) == b'{' && !reads_any_kind(expected),
            _ => false,
        };
        match scan.last {
            Token::Key if msg.starts_with("unknown field") => scan.current(),
            Token::Key => scan.open(),
            Token::Close
                if matches!(
                    classify(&msg),
                    Problem::InvalidDate(_) | Problem::SealOutOfRange(_)
                ) =>
            {
                scan.last_of_closed()
            }
            Token::Open | Token::Comma | Token::Colon if bracket => scan.next_value(),
            Token::Open => scan.open(),
            _ => scan.current(),
        }
    }
}

/// Whether serde's "expected ..." is that of a type read with `deserialize_any`.
fn reads_any_kind(expected: &str) -> bool {
    expected == crate::model::WEIGHTS_EXPECTING || expected == V0_ANSWER_EXPECTING
}

/// Appends `key` to a path: `.key` for an identifier, `["key"]` otherwise.
pub(crate) fn push_key(out: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push_str(&format!("[{key:?}]"));
    }
}

/// serde_json's message without its " at line L column C".
fn error_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    full.strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
        .unwrap_or(&full)
        .to_owned()
}

fn from_json_error(e: &serde_json::Error) -> Problem {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    let msg = error_message(e);
    match e.classify() {
        Category::Eof => Problem::Truncated { line, column },
        Category::Syntax if msg.starts_with("recursion limit") => Problem::TooDeep,
        Category::Syntax | Category::Io => Problem::Syntax {
            line,
            column,
            detail: SyntaxDetail::from_message(&msg),
        },
        Category::Data => classify(&msg),
    }
}

/// The envelope of the current format version, 2 (public, hidden, only for
/// `tests/error_paths.rs`).
#[doc(hidden)]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvelopeV2 {
    format_version: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    content_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assessment: Option<Assessment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    assessments: Option<Vec<Assessment>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    questionnaire: Option<Questionnaire>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    response: Option<Response>,
}

/// Format version 0, the draft shorthand: answers map straight to a rung index or the
/// string "unknown", with optional `weights`, `provider` and `offer` (public, hidden, only
/// for `tests/error_paths.rs`).
#[doc(hidden)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvelopeV0 {
    #[allow(dead_code)]
    format_version: u64,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    offer: String,
    #[serde(default)]
    weights: crate::model::Weights,
    #[serde(default, deserialize_with = "crate::model::unique_map")]
    answers: BTreeMap<String, V0Answer>,
}

/// A version-0 answer: a rung index or the word `"unknown"`.
enum V0Answer {
    Rung(u8),
    Unknown,
}

/// What serde says a version-0 answer should be (recognised by `JsonKind::from_serde`).
const V0_ANSWER_EXPECTING: &str = "a rung index or \"unknown\"";

impl<'de> Deserialize<'de> for V0Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected, Visitor};
        struct V;
        impl Visitor<'_> for V {
            type Value = V0Answer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(V0_ANSWER_EXPECTING)
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<V0Answer, E> {
                u8::try_from(v)
                    .map(V0Answer::Rung)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<V0Answer, E> {
                if v == "unknown" {
                    Ok(V0Answer::Unknown)
                } else {
                    Err(E::invalid_value(Unexpected::Str(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

fn migrate_v0(v0: EnvelopeV0) -> Assessment {
    let mut a = Assessment {
        weights: v0.weights,
        ..Assessment::default()
    };
    a.meta.provider = v0.provider;
    a.meta.offer = v0.offer;
    for (id, ans) in v0.answers {
        let answer = match ans {
            V0Answer::Rung(r) => Answer {
                rung: Some(r),
                ..Answer::default()
            },
            V0Answer::Unknown => Answer {
                unknown: true,
                ..Answer::default()
            },
        };
        a.answers.insert(id, answer);
    }
    a
}

/// serde's word for the kind of a JSON value (the words `JsonKind::from_serde` reads).
fn kind_of(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

/// The keys whose values are lists in the format; every other list is refused.
const LIST_KEYS: [&str; 5] = [
    "assessments",
    "serviceModels",
    "approvers",
    "log",
    "questionnaires",
];

/// The keys of a `scope` object, whose values are lists of ids.
const SCOPE_KEYS: [&str; 3] = ["questions", "steps", "criteria"];

/// Refuses a list anywhere the format has none. serde's derived structs also accept a
/// list of their fields in declaration order (`{"SOV-1.1": [2]}` would read as rung 2);
/// the format never writes that, so reading it would be guessing.
fn check_lists(
    v: &serde_json::Value,
    path: &mut String,
    list_allowed: bool,
) -> Result<(), FormatError> {
    check_lists_in(v, path, list_allowed, false)
}

/// [`check_lists`] inside an object; `in_scope` when that object is a `scope`, whose
/// fields are lists.
fn check_lists_in(
    v: &serde_json::Value,
    path: &mut String,
    list_allowed: bool,
    in_scope: bool,
) -> Result<(), FormatError> {
    use serde_json::Value;
    match v {
        Value::Array(items) => {
            if !list_allowed {
                return Err(FormatError::at(path.clone(), Problem::ListNotAllowed));
            }
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_lists_in(item, path, false, false)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                push_key(path, key);
                let key = key.as_str();
                let allowed = LIST_KEYS.contains(&key) || (in_scope && SCOPE_KEYS.contains(&key));
                check_lists_in(item, path, allowed, key == "scope")?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// Refuses a text longer than [`MAX_TEXT_CHARS`]: every string value of the document,
/// whatever field holds it (keys are ids or field names, checked elsewhere).
fn check_texts(v: &serde_json::Value, path: &mut String) -> Result<(), FormatError> {
    use serde_json::Value;
    match v {
        // A string of at most MAX_TEXT_CHARS bytes cannot hold more characters: most texts
        // are not counted at all.
        Value::String(s) if s.len() > MAX_TEXT_CHARS => {
            let n = s.chars().count();
            if n > MAX_TEXT_CHARS {
                return Err(FormatError::at(path.clone(), Problem::TextTooLong(n)));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_texts(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                push_key(path, key);
                check_texts(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The typed read of a document that the untyped read accepted: the value, or serde_json's
/// error with its path (see `error_path`). Public only for `tests/error_paths.rs`.
#[doc(hidden)]
pub fn typed_with_path<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(&mut de).map_err(|e| (error_path(bytes, &e), e))?;
    de.end().map_err(|e| (String::new(), e))?;
    Ok(value)
}

fn typed<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, FormatError> {
    typed_with_path(bytes).map_err(|(path, e)| FormatError::at(path, from_json_error(&e)))
}

/// Refuses text that is not UTF-8, before the JSON parser calls it a syntax error: UTF-16
/// (with its byte-order mark, which the caller has not stripped, or without one: a zero
/// byte beside each ASCII character of the start) gets a problem of its own, since saving
/// the file as UTF-8 is the fix; other bytes get their place.
fn check_encoding(bytes: &[u8]) -> Result<(), FormatError> {
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || matches!(bytes, [0, b, ..] | [b, 0, ..] if b.is_ascii() && *b != 0);
    if utf16 {
        return Err(FormatError::at("", Problem::Utf16));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = e.valid_up_to() - start + 1;
        return Err(FormatError::at("", Problem::NotUtf8 { line, column }));
    }
    Ok(())
}

/// Parses, migrates and validates a document.
pub fn parse_document(bytes: &[u8]) -> Result<Document, FormatError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(FormatError::at("", Problem::TooLarge { size: bytes.len() }));
    }
    // Editors on Windows often save UTF-8 with a byte-order mark; it carries no meaning.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::at("", Problem::Empty));
    }
    check_encoding(bytes)?;
    // A first, untyped read: syntax, truncation and depth errors, the top level's kind and
    // the version (so that the right version's rules apply). serde_json stops at 128
    // levels of nesting, with an error rather than a stack overflow.
    let tree: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| FormatError::at("", from_json_error(&e)))?;
    let serde_json::Value::Object(top) = &tree else {
        return Err(FormatError::at(
            "",
            Problem::NotAnObject(JsonKind::from_serde(kind_of(&tree))),
        ));
    };
    let Some(version) = top.get("formatVersion") else {
        if top.contains_key("sovcheckEncrypted") {
            return Err(FormatError::at("", Problem::Encrypted));
        }
        return Err(FormatError::at("", Problem::MissingVersion));
    };
    let doc = match version.as_u64() {
        Some(0) => {
            let a = migrate_v0(typed(bytes)?);
            check_lists(&tree, &mut String::new(), false)?;
            check_texts(&tree, &mut String::new())?;
            // Version 0 has no envelope: its paths start at the top.
            validate_assessment(&a, "")?;
            return Ok(Document::Single(a));
        }
        Some(1) => {
            let env: EnvelopeV1 = typed(bytes)?;
            match (env.assessment, env.assessments) {
                (Some(a), None) => Document::Single(v1::migrate(a)),
                (None, Some(list)) => {
                    Document::Workspace(list.into_iter().map(v1::migrate).collect())
                }
                _ => return Err(FormatError::at("", Problem::NoAssessment)),
            }
        }
        Some(2) => {
            let env: EnvelopeV2 = typed(bytes)?;
            match (
                env.assessment,
                env.assessments,
                env.questionnaire,
                env.response,
            ) {
                (Some(a), None, None, None) => Document::Single(a),
                (None, Some(list), None, None) => Document::Workspace(list),
                (None, None, Some(q), None) => Document::Questionnaire(Box::new(q)),
                (None, None, None, Some(r)) => Document::Response(Box::new(r)),
                _ => return Err(FormatError::at("", Problem::NoAssessment)),
            }
        }
        Some(n) if n > FORMAT_VERSION => {
            return Err(FormatError::at("formatVersion", Problem::NewerVersion(n)))
        }
        _ => {
            return Err(FormatError::at(
                "formatVersion",
                Problem::UnsupportedVersion(version.to_string()),
            ))
        }
    };
    check_lists(&tree, &mut String::new(), false)?;
    check_texts(&tree, &mut String::new())?;
    validate(&doc)?;
    Ok(doc)
}

fn validate(doc: &Document) -> Result<(), FormatError> {
    match doc {
        Document::Single(a) => validate_assessment(a, "assessment"),
        Document::Questionnaire(q) => questionnaire::validate_questionnaire(q, "questionnaire"),
        Document::Response(r) => questionnaire::validate_response(r, "response"),
        Document::Workspace(list) => {
            if list.len() > MAX_ASSESSMENTS {
                return Err(FormatError::at(
                    "assessments",
                    Problem::TooManyAssessments(list.len()),
                ));
            }
            let mut ids = std::collections::BTreeSet::new();
            for (i, a) in list.iter().enumerate() {
                let base = format!("assessments[{i}]");
                validate_assessment(a, &base)?;
                if !a.id.is_empty() && !ids.insert(a.id.as_str()) {
                    return Err(FormatError::at(
                        format!("{base}.id"),
                        Problem::DuplicateId(a.id.clone()),
                    ));
                }
            }
            Ok(())
        }
    }
}

/// Checks what serde cannot: ids exist, rungs are in range, overrides are justified,
/// due-diligence answers carry no rung, lists stay within the limits.
pub fn validate_assessment(a: &Assessment, base: &str) -> Result<(), FormatError> {
    let dot = if base.is_empty() { "" } else { "." };
    let approvers = a.signoff.approvers.len();
    if approvers > MAX_APPROVERS {
        return Err(FormatError::at(
            format!("{base}{dot}signoff.approvers"),
            Problem::TooManyApprovers(approvers),
        ));
    }
    if a.questionnaires.len() > MAX_QUESTIONNAIRES {
        return Err(FormatError::at(
            format!("{base}{dot}questionnaires"),
            Problem::TooManyQuestionnaires(a.questionnaires.len()),
        ));
    }
    for (i, q) in a.questionnaires.iter().enumerate() {
        let at = format!("{base}{dot}questionnaires[{i}]");
        if q.id.trim().is_empty() {
            return Err(FormatError::at(
                format!("{at}.id"),
                Problem::MissingField("id".into()),
            ));
        }
        if a.questionnaires
            .get(..i)
            .is_some_and(|before| before.iter().any(|b| b.id == q.id))
        {
            return Err(FormatError::at(
                format!("{at}.id"),
                Problem::DuplicateId(q.id.clone()),
            ));
        }
        questionnaire::validate_scope(&q.scope, &format!("{at}.scope"))?;
    }
    if a.log.len() > MAX_LOG_ENTRIES {
        return Err(FormatError::at(
            format!("{base}{dot}log"),
            Problem::TooManyLogEntries(a.log.len()),
        ));
    }
    for (i, m) in a.meta.service_models.iter().enumerate() {
        if a.meta
            .service_models
            .get(..i)
            .is_some_and(|s| s.contains(m))
        {
            return Err(FormatError::at(
                format!("{base}{dot}meta.serviceModels[{i}]"),
                Problem::RepeatedServiceModel(m.id().to_owned()),
            ));
        }
    }
    for (id, ans) in &a.answers {
        criterion_answer(id, ans, &format!("{base}{dot}answers[{id:?}]"))?;
    }
    for (id, ov) in &a.overrides {
        let at = format!("{base}{dot}overrides[{id:?}]");
        if content::objective(id).is_none() {
            return Err(FormatError::at(at, Problem::UnknownObjective(id.clone())));
        }
        if ov.justification.trim().is_empty() {
            return Err(FormatError::at(
                format!("{at}.justification"),
                Problem::JustificationRequired,
            ));
        }
    }
    for (id, ans) in &a.secnumcloud.criteria {
        let at = format!("{base}{dot}secnumcloud.criteria[{id:?}]");
        if content::secnumcloud::criterion(id).is_none() {
            return Err(FormatError::at(
                at,
                Problem::UnknownSncCriterion(id.clone()),
            ));
        }
        // A requirement answer may be a note alone; with no note it needs its status.
        if ans.status.is_none() && ans.note.is_empty() {
            return Err(FormatError::at(at, Problem::MissingField("status".into())));
        }
    }
    for (id, ans) in &a.due_diligence {
        let mut at = format!("{base}{dot}dueDiligence");
        push_key(&mut at, id);
        if content::question(id).is_none() {
            return Err(FormatError::at(at, Problem::UnknownQuestion(id.clone())));
        }
        due_diligence_answer(ans, &at)?;
    }
    for id in a.action_plan.keys() {
        if content::criterion(id).is_none() && content::objective(id).is_none() {
            let mut at = format!("{base}{dot}actionPlan");
            push_key(&mut at, id);
            return Err(FormatError::at(at, Problem::UnknownPlanKey(id.clone())));
        }
    }
    for (i, entry) in a.log.iter().enumerate() {
        let at = format!("{base}{dot}log[{i}]");
        let subject = entry.subject.as_str();
        // The answers a log entry quotes are checked as answers to its subject.
        let answers = [("kept", &entry.kept), ("other", &entry.other)];
        let quoted = answers
            .iter()
            .filter_map(|(field, ans)| ans.as_ref().map(|ans| (field, ans)));
        if subject.is_empty() {
            continue;
        } else if content::criterion(subject).is_some() {
            for (field, ans) in quoted {
                criterion_answer(subject, ans, &format!("{at}.{field}"))?;
            }
        } else if content::question(subject).is_some() {
            for (field, ans) in quoted {
                due_diligence_answer(ans, &format!("{at}.{field}"))?;
            }
        } else {
            return Err(FormatError::at(
                format!("{at}.subject"),
                Problem::UnknownLogSubject(subject.to_owned()),
            ));
        }
    }
    Ok(())
}

/// Checks an answer to criterion `id`: the criterion exists, its rung is on the ladder and
/// not given with `unknown`.
pub(crate) fn criterion_answer(id: &str, ans: &Answer, at: &str) -> Result<(), FormatError> {
    let c = content::criterion(id)
        .ok_or_else(|| FormatError::at(at, Problem::UnknownCriterion(id.to_owned())))?;
    if let Some(r) = ans.rung {
        let max = c.rungs.len().saturating_sub(1);
        if usize::from(r) > max {
            return Err(FormatError::at(
                format!("{at}.rung"),
                Problem::RungOutOfRange {
                    rung: u64::from(r),
                    max,
                },
            ));
        }
        if ans.unknown {
            return Err(FormatError::at(at, Problem::RungAndUnknown));
        }
    }
    Ok(())
}

/// Checks a provider's answer to a due-diligence question: no rung, no "unknown", no
/// validity date (those belong to the criteria).
pub(crate) fn due_diligence_answer(ans: &Answer, at: &str) -> Result<(), FormatError> {
    if ans.rung.is_some() {
        Err(FormatError::at(
            format!("{at}.rung"),
            Problem::RungOnDueDiligence,
        ))
    } else if ans.unknown {
        Err(FormatError::at(
            format!("{at}.unknown"),
            Problem::UnknownOnDueDiligence,
        ))
    } else if ans.valid_until.is_some() {
        Err(FormatError::at(
            format!("{at}.validUntil"),
            Problem::ValidUntilOnDueDiligence,
        ))
    } else {
        Ok(())
    }
}

fn write(env: &EnvelopeV2) -> String {
    // Serializing plain structs and BTreeMaps cannot fail; an empty string would be caught
    // by every round-trip test.
    let mut s = serde_json::to_string_pretty(env).unwrap_or_default();
    s.push('\n');
    s
}

/// The canonical export of one assessment: the exact bytes the app downloads and whose
/// SHA-256 the report prints. Keys are in a fixed order, maps sorted, two-space indented.
pub fn export_assessment(a: &Assessment) -> String {
    write(&EnvelopeV2 {
        format_version: FORMAT_VERSION,
        content_version: content::CONTENT_VERSION.to_owned(),
        assessment: Some(a.clone()),
        assessments: None,
        questionnaire: None,
        response: None,
    })
}

/// The canonical export of a workspace.
pub fn export_workspace(list: &[Assessment]) -> String {
    write(&EnvelopeV2 {
        format_version: FORMAT_VERSION,
        content_version: content::CONTENT_VERSION.to_owned(),
        assessment: None,
        assessments: Some(list.to_vec()),
        questionnaire: None,
        response: None,
    })
}

/// The canonical export of a questionnaire.
pub fn export_questionnaire(q: &Questionnaire) -> String {
    write(&EnvelopeV2 {
        format_version: FORMAT_VERSION,
        content_version: content::CONTENT_VERSION.to_owned(),
        assessment: None,
        assessments: None,
        questionnaire: Some(q.clone()),
        response: None,
    })
}

/// The canonical export of a response.
pub fn export_response(r: &Response) -> String {
    write(&EnvelopeV2 {
        format_version: FORMAT_VERSION,
        content_version: content::CONTENT_VERSION.to_owned(),
        assessment: None,
        assessments: None,
        questionnaire: None,
        response: Some(r.clone()),
    })
}
