//! `sovcheck`: score and validate sovcheck assessment files from the command line.
//!
//! ```text
//! sovcheck score [--json] [--lang fr|en] FILE...
//! sovcheck validate [--lang fr|en] FILE...
//! ```
//!
//! `score` evaluates every assessment of every file (a workspace file holds several) and
//! prints an aligned table, or one JSON object per assessment per line with `--json`.
//! `validate` says, per file, whether it is a valid sovcheck document.
//!
//! Exit status: 0 when every file was read and is valid, 1 when a file is unreadable or
//! invalid (the valid ones are still scored), 2 on a usage error.

use serde_json::{json, Value};
use sovcheck_core::evaluate::{Evaluation, ObjectiveResult, ScoreRange};
use sovcheck_core::format::{self, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_core::model::{Aggregation, Assessment, Date};
use sovcheck_core::{Lang, Seal, SealRange};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The one-line usage, printed by `--help` and after a usage error.
const USAGE: &str = "usage: sovcheck score [--json] [--lang fr|en] FILE...\n       sovcheck validate [--lang fr|en] FILE...\n       sovcheck --help";

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
    fn message(&self, lang: Lang) -> String {
        match self {
            FileError::Format(e) => e.message(lang),
            FileError::Io(e) => {
                use std::io::ErrorKind;
                let reason = match e.kind() {
                    ErrorKind::NotFound => {
                        lang.pick("no such file", "fichier introuvable").to_owned()
                    }
                    ErrorKind::PermissionDenied => lang
                        .pick("permission denied", "permission refusée")
                        .to_owned(),
                    ErrorKind::IsADirectory => lang
                        .pick("it is a directory", "c'est un dossier")
                        .to_owned(),
                    _ => e.to_string(),
                };
                lang.pick(
                    format!("cannot read the file ({reason})"),
                    format!("impossible de lire le fichier ({reason})"),
                )
            }
        }
    }
}

fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Score { json, lang, files }) => exit(score(&files, json, lang)),
        Ok(Command::Validate { lang, files }) => exit(validate(&files, lang)),
        Err(message) => {
            eprintln!("sovcheck: {message}\n{USAGE}");
            ExitCode::from(2)
        }
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
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut json = false;
    let mut lang = Lang::En;
    let mut files = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("json") => json = true,
            Long("lang") => {
                let tag = parser.value().map_err(|e| e.to_string())?;
                let tag = tag.to_string_lossy();
                lang = match tag.as_ref() {
                    "en" => Lang::En,
                    "fr" => Lang::Fr,
                    other => return Err(format!("unknown language {other:?} (use fr or en)")),
                };
            }
            Value(v) if subcommand.is_none() => {
                subcommand = Some(v.to_string_lossy().into_owned());
            }
            Value(v) => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let subcommand = subcommand.ok_or("missing command")?;
    if files.is_empty() {
        return Err("no FILE given".to_owned());
    }
    match subcommand.as_str() {
        "score" => Ok(Command::Score { json, lang, files }),
        "validate" if json => Err("--json only applies to score".to_owned()),
        "validate" => Ok(Command::Validate { lang, files }),
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Reads and parses one file into its assessments.
fn load(path: &Path) -> Result<Vec<Assessment>, FileError> {
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
    format::parse_document(&bytes)
        .map(format::Document::into_assessments)
        .map_err(FileError::Format)
}

/// `FILE: message`, with the separator French typography wants.
fn file_line(path: &Path, message: &str, lang: Lang) -> String {
    format!("{}{} {message}", path.display(), lang.pick(":", " :"))
}

/// `validate`: one line per file; returns whether every file is valid.
fn validate(files: &[PathBuf], lang: Lang) -> bool {
    let mut all_valid = true;
    for path in files {
        match load(path) {
            Ok(list) => {
                let n = list.len();
                let what = match (lang, n) {
                    (Lang::En, 1) => "assessment",
                    (Lang::En, _) => "assessments",
                    (Lang::Fr, 0 | 1) => "évaluation",
                    (Lang::Fr, _) => "évaluations",
                };
                println!("{}", file_line(path, &format!("ok ({n} {what})"), lang));
            }
            Err(e) => {
                all_valid = false;
                println!("{}", file_line(path, &e.message(lang), lang));
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
    let today = today();
    let mut all_valid = true;
    let mut rows = Vec::new();
    for path in files {
        let list = match load(path) {
            Ok(list) => list,
            Err(e) => {
                all_valid = false;
                eprintln!("{}", file_line(path, &e.message(lang), lang));
                continue;
            }
        };
        for a in &list {
            let ev = sovcheck_core::evaluate(a, today);
            if json {
                println!("{}", json_line(path, a, &ev));
            } else {
                rows.push(table_row(path, a, &ev, lang));
            }
        }
    }
    if !json && !rows.is_empty() {
        print!("{}", render_table(&headers(lang), &rows));
        if rows.iter().any(|r| r[5].contains('*')) {
            println!(
                "{}",
                lang.pick(
                    "* open: binds because its worst answer is assumed",
                    "* ouvert : limitant parce que sa pire réponse est supposée",
                )
            );
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
        "contentVersion": sovcheck_core::content_version(),
    })
}

/// The table's column headers.
fn headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => [
            "File",
            "Provider",
            "Offer",
            "SEAL",
            "Score",
            "Binding criteria",
        ],
        Lang::Fr => [
            "Fichier",
            "Fournisseur",
            "Offre",
            "SEAL",
            "Score",
            "Critères limitants",
        ],
    }
}

/// A SEAL range in words: `SEAL-2` or `SEAL-1 to SEAL-3`.
fn seal_text(s: SealRange, lang: Lang) -> String {
    if s.is_exact() {
        s.lower.to_string()
    } else {
        format!("{} {} {}", s.lower, lang.pick("to", "à"), s.upper)
    }
}

/// A number with two decimals, with a decimal comma in French.
fn two_decimals(x: f64, lang: Lang) -> String {
    let s = format!("{x:.2}");
    match lang {
        Lang::En => s,
        Lang::Fr => s.replace('.', ","),
    }
}

/// A score range in words: `61.23 %` or `12.00 to 85.10 %`.
fn score_text(s: ScoreRange, lang: Lang) -> String {
    let (lo, hi) = (two_decimals(s.lower, lang), two_decimals(s.upper, lang));
    if lo == hi {
        format!("{lo} %")
    } else {
        format!("{lo} {} {hi} %", lang.pick("to", "à"))
    }
}

/// The binding criteria (`*` marks one that binds only because it is open) and
/// overridden objectives; `-` when nothing binds.
fn binding_text(ev: &Evaluation, lang: Lang) -> String {
    let mut parts: Vec<String> = ev
        .binding
        .iter()
        .map(|b| format!("{}{}", b.criterion, if b.open { "*" } else { "" }))
        .collect();
    parts.extend(
        ev.binding_overrides
            .iter()
            .map(|o| format!("{o} ({})", lang.pick("override", "dérogation"))),
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
fn table_row(path: &Path, a: &Assessment, ev: &Evaluation, lang: Lang) -> [String; 6] {
    [
        path.display().to_string(),
        or_dash(&a.meta.provider),
        or_dash(&a.meta.offer),
        seal_text(ev.seal, lang),
        score_text(ev.score, lang),
        binding_text(ev, lang),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
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
    fn ranges_read_in_both_languages() {
        let r = ScoreRange {
            lower: 1.875_15,
            upper: 97.5,
        };
        assert_eq!(score_text(r, Lang::En), "1.88 to 97.50 %");
        assert_eq!(score_text(r, Lang::Fr), "1,88 à 97,50 %");
    }
}
