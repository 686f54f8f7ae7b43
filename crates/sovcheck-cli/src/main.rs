//! `sovcheck`: score and validate sovcheck assessment files from the command line.
//!
//! ```text
//! sovcheck score [--json] [--lang fr|en] FILE...
//! sovcheck validate [--lang fr|en] FILE...
//! sovcheck fingerprint [--lang fr|en] FILE
//! sovcheck csv [--lang fr|en] FILE
//! sovcheck diff [--lang fr|en] OLD NEW
//! sovcheck verify [--lang fr|en] FILE FINGERPRINT
//! ```
//!
//! `score` evaluates every assessment of every file (a workspace file holds several) and
//! prints an aligned table, or one JSON object per assessment per line with `--json`.
//! Each JSON object has: `file`, `id`, `provider`, `offer`; `seal` and `score` (`lower`,
//! `upper`; SEAL levels 0-4, scores in percent, unrounded); `calculatorReading` (`seal`, null
//! when nothing is answered, and `score`); `objectives` (per objective `id`, `weight`,
//! `seal`, `score`, `open` criteria, `overridden` level or null); `binding`, `bindingOpen`
//! and `bindingOverrides` (what holds the lower bound down); `weights`, `aggregation`
//! (`weakest-link` or `weighted-mean`); the counts `answered`, `unknown`, `unanswered`;
//! `cappedBy`: the answered criteria and overridden objectives (as `SOV-5`) that hold the
//! best case below SEAL-4, in criterion order, empty when the best case is SEAL-4; `target`:
//! null without a target SEAL, else `{"seal": N, "verdict": "met" | "not-met" |
//! "undecided"}` (met: the lower bound reaches it; not met: the upper bound is below it);
//! and `contentVersion`. See docs/METHOD.md ("The verdict").
//! `validate` says, per file, whether it is a valid sovcheck document.
//! `fingerprint` prints, per assessment of the file, the SHA-256 of its canonical export
//! and its id (`-` when it has none). `csv` writes the answers of the file's one assessment
//! as CSV (RFC 4180, CRLF) to standard output. `diff` lists what changed between two
//! versions of an assessment (one assessment per file) and what each change does to the
//! SEAL. `verify` checks FILE against a printed fingerprint (64 hexadecimal characters;
//! spaces and capitals are ignored, so the groups of eight can be typed as printed, even
//! unquoted): a match is the exported file unchanged, or the same assessment in a re-saved
//! file; a PDF or HTML file is recognised as a report, not the assessment file. It exits 0 on
//! a match, 1 on a mismatch or a bad file, 2 on a usage error (a malformed fingerprint too).
//!
//! Exit status: 0 when every file was read and is valid, 1 when a file is unreadable or
//! invalid (the valid ones are still scored), 2 on a usage error (including a workspace of
//! several assessments given to `csv` or `diff`).

use serde_json::{json, Value};
use sovcheck_core::diff::{Delta, Diff, Effect, Field};
use sovcheck_core::evaluate::{Evaluation, ObjectiveResult, ScoreRange};
use sovcheck_core::export::fingerprint;
use sovcheck_core::format::{self, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_core::model::{Aggregation, Assessment, Date};
use sovcheck_core::verdict::{verdict, Cap};
use sovcheck_core::verify::{check_bytes, Fingerprint, ReportKind, Verdict};
use sovcheck_core::{Lang, Seal, SealRange};
use sovcheck_text::{fill, texts, Catalog};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The usage, in `lang`, printed by `--help` and after a usage error.
fn usage(lang: Lang) -> String {
    fill(texts(lang).cli.usage, &[("tags", &lang_tags())])
}

/// The language tags `--lang` takes, as `en|fr`.
fn lang_tags() -> String {
    Lang::ALL.map(Lang::tag).join("|")
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    /// Print the usage.
    Help,
    /// Evaluate files.
    Score {
        /// JSON Lines instead of a table.
        json: bool,
        /// Language of headers and messages.
        lang: Lang,
        /// The files, in order.
        files: Vec<PathBuf>,
    },
    /// Check files.
    Validate {
        /// Language of messages.
        lang: Lang,
        /// The files, in order.
        files: Vec<PathBuf>,
    },
    /// Print the fingerprint of each assessment of a file.
    Fingerprint {
        /// Language of messages.
        lang: Lang,
        /// The file.
        file: PathBuf,
    },
    /// Write one assessment's answers as CSV.
    Csv {
        /// Language of the header and of the cells in words.
        lang: Lang,
        /// The file.
        file: PathBuf,
    },
    /// List what changed between two versions of an assessment.
    Diff {
        /// Language of the list.
        lang: Lang,
        /// The old version.
        old: PathBuf,
        /// The new version.
        new: PathBuf,
    },
    /// Check a file against a printed fingerprint.
    Verify {
        /// Language of the outcome.
        lang: Lang,
        /// The file.
        file: PathBuf,
        /// The printed fingerprint.
        expected: Fingerprint,
    },
}

/// Why a file could not be used.
enum FileError {
    /// It could not be read.
    Io(std::io::Error),
    /// It is not a valid sovcheck document.
    Format(FormatError),
}

impl FileError {
    /// The error in words, without the file name.
    fn message(&self, t: &Catalog) -> String {
        match self {
            FileError::Format(e) => t.format_error(e),
            FileError::Io(e) => t.io_error(e.kind()),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let lang = lang_of(&args);
    match parse_args(args) {
        Ok(Command::Help) => {
            println!("{}", usage(lang));
            ExitCode::SUCCESS
        }
        Ok(Command::Score { json, lang, files }) => exit(score(&files, json, lang)),
        Ok(Command::Validate { lang, files }) => exit(validate(&files, lang)),
        Ok(Command::Fingerprint { lang, file }) => exit(fingerprints(&file, lang)),
        Ok(Command::Verify {
            lang,
            file,
            expected,
        }) => verify(&file, &expected, lang),
        Ok(Command::Csv { lang, file }) => match load_one(&file, lang) {
            Ok(a) => {
                print!("{}", texts(lang).answers_csv(&a));
                ExitCode::SUCCESS
            }
            Err(failure) => failure.report(lang),
        },
        Ok(Command::Diff { lang, old, new }) => {
            match (load_one(&old, lang), load_one(&new, lang)) {
                (Ok(a), Ok(b)) => {
                    print!("{}", diff_text(&sovcheck_core::diff(&a, &b), texts(lang)));
                    ExitCode::SUCCESS
                }
                (a, b) => {
                    let failures: Vec<Failure> = [a.err(), b.err()].into_iter().flatten().collect();
                    // A usage error (exit 2) wins over unreadable files (exit 1), which are
                    // all reported.
                    match failures.iter().find(|f| matches!(f, Failure::Usage(_))) {
                        Some(usage) => usage.report(lang),
                        None => {
                            for f in &failures {
                                f.report(lang);
                            }
                            ExitCode::FAILURE
                        }
                    }
                }
            }
        }
        Err(e) => usage_error(&e.message(texts(lang)), lang),
    }
}

/// The language of the messages: the `--lang` given (anywhere on the line, so that an
/// error before it is in that language too), English otherwise.
fn lang_of(args: &[OsString]) -> Lang {
    let mut iter = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        let tag = match arg.strip_prefix("--lang") {
            Some("") => iter.next().map(|t| t.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = tag.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    Lang::En
}

/// Prints a usage error and the usage; exit status 2.
fn usage_error(message: &str, lang: Lang) -> ExitCode {
    eprintln!("sovcheck: {message}\n{}", usage(lang));
    ExitCode::from(2)
}

/// What is wrong with the command line.
#[derive(Debug, PartialEq)]
enum UsageError {
    /// No command.
    MissingCommand,
    /// No file.
    NoFile,
    /// A command that does not exist.
    UnknownCommand(String),
    /// `--json` with another command than `score`.
    JsonOnlyScore,
    /// `--lang` with a language sovcheck does not speak.
    UnknownLanguage(String),
    /// An option that does not exist.
    UnknownOption(String),
    /// An option without its value.
    MissingValue(String),
    /// A value given to an option that takes none.
    UnexpectedValue(String),
    /// A command that takes one file, given `n`.
    TakesOne(String, usize),
    /// A command that takes two files, given `n`.
    TakesTwo(String, usize),
    /// `verify` without its fingerprint.
    NoFingerprint,
    /// `verify` with a malformed fingerprint.
    BadFingerprint(sovcheck_core::verify::FingerprintError),
}

impl UsageError {
    /// The error in words.
    fn message(&self, t: &Catalog) -> String {
        let c = &t.cli;
        match self {
            UsageError::MissingCommand => c.missing_command.to_owned(),
            UsageError::NoFile => c.no_file.to_owned(),
            UsageError::UnknownCommand(name) => {
                fill(c.unknown_command, &[("name", &t.quote(name))])
            }
            UsageError::JsonOnlyScore => c.json_only_score.to_owned(),
            UsageError::UnknownLanguage(tag) => fill(
                c.unknown_language,
                &[("tag", &t.quote(tag)), ("tags", &lang_tags())],
            ),
            UsageError::UnknownOption(o) => fill(c.unknown_option, &[("option", o)]),
            UsageError::MissingValue(o) => fill(c.missing_value, &[("option", o)]),
            UsageError::UnexpectedValue(o) => fill(c.unexpected_value, &[("option", o)]),
            UsageError::TakesOne(command, n) => fill(
                t.form(*n, &c.takes_one_file),
                &[("command", command as &dyn std::fmt::Display), ("n", n)],
            ),
            UsageError::TakesTwo(command, n) => fill(
                t.form(*n, &c.takes_two_files),
                &[("command", command as &dyn std::fmt::Display), ("n", n)],
            ),
            UsageError::NoFingerprint => c.no_fingerprint.to_owned(),
            UsageError::BadFingerprint(e) => {
                t.label_value(c.fingerprint_arg, &t.fingerprint_error(*e))
            }
        }
    }
}

impl From<lexopt::Error> for UsageError {
    fn from(e: lexopt::Error) -> Self {
        use lexopt::Error as E;
        match e {
            E::MissingValue { option } => UsageError::MissingValue(option.unwrap_or_default()),
            E::UnexpectedOption(o) => UsageError::UnknownOption(o),
            E::UnexpectedArgument(a) => UsageError::UnknownOption(a.to_string_lossy().into_owned()),
            E::UnexpectedValue { option, .. } => UsageError::UnexpectedValue(option),
            E::ParsingFailed { value, .. } => UsageError::UnknownOption(value),
            E::NonUnicodeValue(v) => UsageError::UnknownOption(v.to_string_lossy().into_owned()),
            E::Custom(e) => UsageError::UnknownOption(e.to_string()),
        }
    }
}

/// Why a command that takes one assessment per file cannot run.
enum Failure {
    /// The file is unreadable or invalid (exit 1); the message names the file.
    File(String),
    /// The file is valid but holds not exactly one assessment (exit 2).
    Usage(String),
}

impl Failure {
    /// Prints the failure on standard error and returns its exit status.
    fn report(&self, lang: Lang) -> ExitCode {
        match self {
            Failure::File(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
            Failure::Usage(message) => usage_error(message, lang),
        }
    }
}

/// Loads a file that must hold exactly one assessment.
fn load_one(path: &Path, lang: Lang) -> Result<Assessment, Failure> {
    let t = texts(lang);
    let mut list = load(path).map_err(|e| Failure::File(file_line(path, &e.message(t), t)))?;
    match list.len() {
        1 => Ok(list.remove(0)),
        n => Err(Failure::Usage(file_line(
            path,
            &t.count(n, &t.cli.one_assessment_only),
            t,
        ))),
    }
}

/// Exit status 0 when everything was valid, 1 otherwise.
fn exit(all_valid: bool) -> ExitCode {
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Reads the command line (without the program name).
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut json = false;
    let mut lang = Lang::En;
    let mut files = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("json") => json = true,
            Long("lang") => {
                let tag = parser.value()?;
                let tag = tag.to_string_lossy();
                lang = Lang::parse(&tag)
                    .filter(|l| l.tag() == tag.to_ascii_lowercase())
                    .ok_or_else(|| UsageError::UnknownLanguage(tag.into_owned()))?;
            }
            Value(v) if subcommand.is_none() => {
                subcommand = Some(v.to_string_lossy().into_owned());
            }
            Value(v) => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().into()),
        }
    }
    let subcommand = subcommand.ok_or(UsageError::MissingCommand)?;
    let known = ["score", "validate", "fingerprint", "csv", "diff", "verify"];
    if !known.contains(&subcommand.as_str()) {
        return Err(UsageError::UnknownCommand(subcommand));
    }
    if files.is_empty() {
        return Err(UsageError::NoFile);
    }
    if json && subcommand != "score" {
        return Err(UsageError::JsonOnlyScore);
    }
    match subcommand.as_str() {
        "score" => Ok(Command::Score { json, lang, files }),
        "validate" => Ok(Command::Validate { lang, files }),
        "fingerprint" => {
            let [file] = exactly(files, &subcommand)?;
            Ok(Command::Fingerprint { lang, file })
        }
        "csv" => {
            let [file] = exactly(files, &subcommand)?;
            Ok(Command::Csv { lang, file })
        }
        "verify" => {
            // FILE, then the fingerprint, possibly in several words (groups of eight).
            let mut values = files.into_iter();
            let file = values.next().ok_or(UsageError::NoFile)?;
            let words: Vec<String> = values
                .map(|v| v.into_os_string().to_string_lossy().into_owned())
                .collect();
            if words.is_empty() {
                return Err(UsageError::NoFingerprint);
            }
            let expected =
                Fingerprint::parse(&words.join(" ")).map_err(UsageError::BadFingerprint)?;
            Ok(Command::Verify {
                lang,
                file,
                expected,
            })
        }
        _ => {
            let [old, new] = exactly(files, &subcommand)?;
            Ok(Command::Diff { lang, old, new })
        }
    }
}

/// The files of a command that takes exactly `N` (1: FILE, 2: OLD and NEW).
fn exactly<const N: usize>(files: Vec<PathBuf>, command: &str) -> Result<[PathBuf; N], UsageError> {
    files.try_into().map_err(|given: Vec<PathBuf>| {
        if N == 1 {
            UsageError::TakesOne(command.to_owned(), given.len())
        } else {
            UsageError::TakesTwo(command.to_owned(), given.len())
        }
    })
}

/// Reads and parses one file into its assessments.
fn load(path: &Path) -> Result<Vec<Assessment>, FileError> {
    let bytes = read(path)?;
    format::parse_document(&bytes)
        .map(format::Document::into_assessments)
        .map_err(FileError::Format)
}

/// Reads one file's bytes, refusing one larger than a sovcheck document can be.
fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    let file = std::fs::File::open(path).map_err(FileError::Io)?;
    let size = file.metadata().map_err(FileError::Io)?.len();
    if size > MAX_DOCUMENT_BYTES as u64 {
        return Err(FileError::Format(FormatError {
            path: String::new(),
            problem: Problem::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
            },
        }));
    }
    // Bounded read, in case the file grows meanwhile: the parser refuses the excess.
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(FileError::Io)?;
    Ok(bytes)
}

/// `FILE: message`, with the language's colon.
fn file_line(path: &Path, message: &str, t: &Catalog) -> String {
    t.label_value(&path.display().to_string(), message)
}

/// `validate`: one line per file; returns whether every file is valid.
fn validate(files: &[PathBuf], lang: Lang) -> bool {
    let t = texts(lang);
    let mut all_valid = true;
    for path in files {
        match load(path) {
            Ok(list) => {
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

/// Today's date from the system clock, for the evidence-expiry warnings.
fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_unix_days(i64::try_from(secs / 86_400).ok()?)
}

/// `score`: prints every valid assessment, reports invalid files on stderr; returns
/// whether every file was valid.
fn score(files: &[PathBuf], json: bool, lang: Lang) -> bool {
    let t = texts(lang);
    let today = today();
    let mut all_valid = true;
    let mut rows = Vec::new();
    for path in files {
        let list = match load(path) {
            Ok(list) => list,
            Err(e) => {
                all_valid = false;
                eprintln!("{}", file_line(path, &e.message(t), t));
                continue;
            }
        };
        for a in &list {
            let ev = sovcheck_core::evaluate(a, today);
            if json {
                println!("{}", json_line(path, a, &ev));
            } else {
                rows.push(table_row(path, a, &ev, t));
            }
        }
    }
    if !json && !rows.is_empty() {
        print!("{}", render_table(&t.cli.headers, &rows));
        if rows.iter().any(|r| r[5].contains('*')) {
            println!("{}", t.cli.open_footnote);
        }
    }
    all_valid
}

/// The wire name of an aggregation policy.
fn aggregation_name(a: Aggregation) -> &'static str {
    match a {
        Aggregation::WeakestLink => "weakest-link",
        Aggregation::WeightedMean => "weighted-mean",
    }
}

/// `{"lower": .., "upper": ..}` of a SEAL range, as levels 0-4.
fn seal_json(s: SealRange) -> Value {
    json!({ "lower": s.lower.level(), "upper": s.upper.level() })
}

/// `{"lower": .., "upper": ..}` of a score range, in percent, unrounded.
fn score_json(s: ScoreRange) -> Value {
    json!({ "lower": s.lower, "upper": s.upper })
}

/// One objective's result as JSON.
fn objective_json(r: &ObjectiveResult) -> Value {
    json!({
        "id": r.id,
        "weight": r.weight,
        "seal": seal_json(r.seal),
        "score": score_json(r.score),
        "open": r.open,
        "overridden": r.overridden.map(Seal::level),
    })
}

/// One assessment's evaluation as one JSON object.
fn json_line(path: &Path, a: &Assessment, ev: &Evaluation) -> Value {
    let v = verdict(a, ev);
    json!({
        "file": path.display().to_string(),
        "id": a.id,
        "provider": a.meta.provider,
        "offer": a.meta.offer,
        "seal": seal_json(ev.seal),
        "score": score_json(ev.score),
        "calculatorReading": {
            "seal": ev.calculator.seal.map(Seal::level),
            "score": ev.calculator.score,
        },
        "objectives": ev.objectives.iter().map(objective_json).collect::<Vec<_>>(),
        "binding": ev.binding.iter().map(|b| b.criterion).collect::<Vec<_>>(),
        "bindingOpen": ev.binding.iter().filter(|b| b.open).map(|b| b.criterion).collect::<Vec<_>>(),
        "bindingOverrides": ev.binding_overrides,
        "weights": ev.weights,
        "aggregation": aggregation_name(ev.aggregation),
        "answered": ev.answered,
        "unknown": ev.unknown,
        "unanswered": ev.unanswered,
        "cappedBy": v.capped_by.iter().map(Cap::id).collect::<Vec<_>>(),
        "target": v.target.map(|t| json!({ "seal": t.seal.level(), "verdict": t.verdict.id() })),
        "contentVersion": sovcheck_core::content_version(),
    })
}

/// The binding criteria (`*` marks one that binds only because it is open) and
/// overridden objectives; `-` when nothing binds.
fn binding_text(ev: &Evaluation, t: &Catalog) -> String {
    let mut parts: Vec<String> = ev
        .binding
        .iter()
        .map(|b| format!("{}{}", b.criterion, if b.open { "*" } else { "" }))
        .collect();
    parts.extend(
        ev.binding_overrides
            .iter()
            .map(|o| fill(t.words.overridden_objective, &[("objective", o)])),
    );
    if parts.is_empty() {
        "-".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A text cell, `-` when empty.
fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".to_owned()
    } else {
        s.to_owned()
    }
}

/// One table row.
fn table_row(path: &Path, a: &Assessment, ev: &Evaluation, t: &Catalog) -> [String; 6] {
    [
        path.display().to_string(),
        or_dash(&a.meta.provider),
        or_dash(&a.meta.offer),
        t.seal_range(ev.seal),
        t.score_range(ev.score.lower, ev.score.upper),
        binding_text(ev, t),
    ]
}

/// The table, columns padded to their widest cell (counted in characters), two spaces
/// apart; the last column is not padded.
fn render_table(headers: &[&str; 6], rows: &[[String; 6]]) -> String {
    let mut widths = headers.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        let padded: Vec<String> = cells
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&mut headers.iter().copied());
    for row in rows {
        out.push_str(&line(&mut row.iter().map(String::as_str)));
    }
    out
}

/// `fingerprint`: one line per assessment, `HEX  ID` (`-` for an assessment without id);
/// returns whether the file was valid.
fn fingerprints(path: &Path, lang: Lang) -> bool {
    let t = texts(lang);
    match load(path) {
        Ok(list) => {
            for a in &list {
                let id = if a.id.is_empty() { "-" } else { a.id.as_str() };
                println!("{}  {id}", fingerprint(a));
            }
            true
        }
        Err(e) => {
            eprintln!("{}", file_line(path, &e.message(t), t));
            false
        }
    }
}

/// The outcome of `verify` in words (the words of the app's fingerprint check).
fn verify_text(v: &Verdict, t: &Catalog) -> String {
    let w = &t.verify;
    match v {
        Verdict::Match => w.matched.to_owned(),
        Verdict::ContentMatch { .. } => w.content_matched.to_owned(),
        Verdict::Mismatch => w.mismatch.to_owned(),
        Verdict::NotSovcheck(e) => format!("{} {}", w.not_sovcheck, t.format_error(e)),
        Verdict::ReportNotAssessment { kind } => match kind {
            ReportKind::Pdf => w.report_pdf.to_owned(),
            ReportKind::Html => w.report_html.to_owned(),
        },
        Verdict::BadFingerprint(e) => t.fingerprint_error(*e),
        Verdict::Unreadable => t.io_error(std::io::ErrorKind::Other),
    }
}

/// `verify`: one line on the outcome; exit 0 on a match, 1 otherwise.
fn verify(path: &Path, expected: &Fingerprint, lang: Lang) -> ExitCode {
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

/// The effect line of one change: overall SEAL, then the objective's.
fn effect_text(objective: &str, effect: &Effect, t: &Catalog) -> String {
    let seal = |d: Delta<SealRange>| t.change(&t.seal_range(d.old), &t.seal_range(d.new));
    format!(
        "  {}",
        t.clauses([
            t.label_value(t.cli.seal_with_this_change, &seal(effect.seal)),
            t.label_value(objective, &seal(effect.objective_seal)),
        ])
    )
}

/// The diff in words, one item per line, changes in content order.
fn diff_text(d: &Diff, t: &Catalog) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let s = d.summary;
    line(t.label_value(
        "SEAL",
        &t.change(&t.seal_range(s.seal.old), &t.seal_range(s.seal.new)),
    ));
    line(t.label_value(
        t.cli.score_label,
        &t.change(
            &t.score_range(s.score.old.lower, s.score.old.upper),
            &t.score_range(s.score.new.lower, s.score.new.upper),
        ),
    ));
    if d.is_empty() {
        line(t.cli.no_difference.to_owned());
        return out;
    }
    for c in &d.changes {
        let mut parts = Vec::new();
        if c.choice.changed() {
            parts.push(fill(
                t.typo.change,
                &[
                    ("old", &t.choice_short(c.choice.old)),
                    ("new", &t.choice_short(c.choice.new)),
                ],
            ));
        }
        let evidence: Vec<&str> = c
            .fields
            .iter()
            .filter(|f| **f != Field::Choice)
            .map(|f| t.diff_field(*f))
            .collect();
        if !evidence.is_empty() {
            parts.push(fill(t.cli.evidence_changed, &[("what", &t.list(evidence))]));
        }
        line(t.label_value(c.criterion, &t.clauses(parts)));
        if c.choice.changed() {
            line(effect_text(c.objective, &c.effect, t));
        }
    }
    for o in &d.overrides {
        let (old, new) = (o.overrides.old.as_ref(), o.overrides.new.as_ref());
        let what = match (old, new) {
            (Some(a), Some(b)) if a.level == b.level => {
                t.clauses([a.level.to_string(), t.cli.justification_changed.to_owned()])
            }
            _ => t.change(&t.override_level(old), &t.override_level(new)),
        };
        line(t.label_value(
            &fill(t.cli.override_label, &[("objective", &o.objective)]),
            &what,
        ));
        if o.effect.objective_seal.changed() || o.effect.seal.changed() {
            line(effect_text(o.objective, &o.effect, t));
        }
    }
    if let Some(w) = d.weights {
        line(t.label_value(
            t.cli.weights_label,
            &fill(
                t.typo.change,
                &[
                    ("old", &sovcheck_text::words::weights_values(&w.old)),
                    ("new", &sovcheck_text::words::weights_values(&w.new)),
                ],
            ),
        ));
    }
    if let Some(a) = d.aggregation {
        line(t.label_value(
            t.cli.aggregation_label,
            &fill(
                t.typo.change,
                &[
                    ("old", &t.aggregation(a.old)),
                    ("new", &t.aggregation(a.new)),
                ],
            ),
        ));
    }
    if let Some(st) = d.secnumcloud_stage {
        line(t.label_value(
            t.cli.stage_label,
            &fill(
                t.typo.change,
                &[("old", &t.stage(st.old)), ("new", &t.stage(st.new))],
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, UsageError> {
        parse_args(list.iter().map(OsString::from))
    }

    #[test]
    fn the_command_line_is_read() {
        assert_eq!(
            args(&["score", "--json", "--lang", "fr", "a.json", "b.json"]),
            Ok(Command::Score {
                json: true,
                lang: Lang::Fr,
                files: vec!["a.json".into(), "b.json".into()]
            })
        );
        assert_eq!(
            args(&["validate", "--lang=en", "a.json"]),
            Ok(Command::Validate {
                lang: Lang::En,
                files: vec!["a.json".into()]
            })
        );
        assert_eq!(args(&["score", "--help"]), Ok(Command::Help));
        assert!(args(&[]).is_err());
        assert!(args(&["score"]).is_err());
        assert!(args(&["frobnicate", "a.json"]).is_err());
        assert!(args(&["score", "--lang", "de", "a.json"]).is_err());
        assert!(args(&["validate", "--json", "a.json"]).is_err());
        assert!(args(&["score", "--colour", "a.json"]).is_err());
        assert_eq!(
            args(&["fingerprint", "a.json"]),
            Ok(Command::Fingerprint {
                lang: Lang::En,
                file: "a.json".into()
            })
        );
        assert_eq!(
            args(&["csv", "a.json", "--lang", "fr"]),
            Ok(Command::Csv {
                lang: Lang::Fr,
                file: "a.json".into()
            })
        );
        assert_eq!(
            args(&["diff", "old.json", "new.json"]),
            Ok(Command::Diff {
                lang: Lang::En,
                old: "old.json".into(),
                new: "new.json".into()
            })
        );
        assert!(args(&["csv", "a.json", "b.json"]).is_err());
        assert!(args(&["diff", "a.json"]).is_err());
        assert!(args(&["fingerprint", "--json", "a.json"]).is_err());
        let sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let verify = Ok(Command::Verify {
            lang: Lang::Fr,
            file: "a.json".into(),
            expected: Fingerprint::parse(sha).unwrap(),
        });
        assert_eq!(args(&["verify", "--lang", "fr", "a.json", sha]), verify);
        // As printed: groups of eight, in capitals, unquoted.
        let groups: Vec<String> = sha
            .as_bytes()
            .chunks(8)
            .map(|c| String::from_utf8_lossy(c).to_uppercase())
            .collect();
        let mut list = vec!["verify", "--lang", "fr", "a.json"];
        list.extend(groups.iter().map(String::as_str));
        assert_eq!(args(&list), verify);
        assert!(args(&["verify", "a.json"]).is_err());
        assert!(args(&["verify", "a.json", "abc"]).is_err());
        assert!(args(&["verify", "--json", "a.json", sha]).is_err());
    }

    #[test]
    fn the_table_aligns_columns_by_characters() {
        let headers = ["A", "B", "C", "D", "E", "F"];
        let rows = [[
            "é".into(),
            "xx".into(),
            "".into(),
            "1".into(),
            "2".into(),
            "3".into(),
        ]];
        assert_eq!(
            render_table(&headers, &rows),
            "A  B   C  D  E  F\né  xx     1  2  3\n"
        );
    }

    #[test]
    fn usage_errors_are_in_the_language_asked_for_even_before_it_is_read() {
        let fr = || texts(Lang::Fr);
        let lang = lang_of(&[
            "score".into(),
            "--colour".into(),
            "--lang".into(),
            "fr".into(),
        ]);
        assert_eq!(lang, Lang::Fr);
        assert_eq!(lang_of(&["--lang=fr".into()]), Lang::Fr);
        assert_eq!(lang_of(&["--lang".into(), "xx".into()]), Lang::En);
        assert_eq!(
            args(&["score", "--colour", "a.json"]).map_err(|e| e.message(fr())),
            Err("option invalide --colour".to_owned())
        );
        assert_eq!(
            args(&["score"]).map_err(|e| e.message(fr())),
            Err("aucun FICHIER indiqué".to_owned())
        );
        assert_eq!(
            args(&["csv", "a", "b"]).map_err(|e| e.message(fr())),
            Err("csv prend exactement un FICHIER\u{202f}; 2 donnés".to_owned())
        );
        assert_eq!(
            args(&["score", "--lang", "es", "a"]).map_err(|e| e.message(texts(Lang::En))),
            Err("unknown language “es” (use en|fr)".to_owned())
        );
    }
}
