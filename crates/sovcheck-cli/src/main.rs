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
use sovcheck_core::export::{self, answers_csv, fingerprint};
use sovcheck_core::format::{self, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_core::model::{Aggregation, Assessment, Choice, Date, Override, Stage};
use sovcheck_core::verdict::{verdict, Cap};
use sovcheck_core::verify::{check_bytes, Fingerprint, FingerprintError, ReportKind, Verdict};
use sovcheck_core::{content, Lang, Seal, SealRange};
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The one-line usage, printed by `--help` and after a usage error.
const USAGE: &str = "usage: sovcheck score [--json] [--lang fr|en] FILE...
       sovcheck validate [--lang fr|en] FILE...
       sovcheck fingerprint [--lang fr|en] FILE
       sovcheck csv [--lang fr|en] FILE
       sovcheck diff [--lang fr|en] OLD NEW
       sovcheck verify [--lang fr|en] FILE FINGERPRINT
       sovcheck --help";

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
        Ok(Command::Fingerprint { lang, file }) => exit(fingerprints(&file, lang)),
        Ok(Command::Verify {
            lang,
            file,
            expected,
        }) => verify(&file, &expected, lang),
        Ok(Command::Csv { lang, file }) => match load_one(&file, lang) {
            Ok(a) => {
                print!("{}", answers_csv(&a, lang));
                ExitCode::SUCCESS
            }
            Err(failure) => failure.report(),
        },
        Ok(Command::Diff { lang, old, new }) => {
            match (load_one(&old, lang), load_one(&new, lang)) {
                (Ok(a), Ok(b)) => {
                    print!("{}", diff_text(&sovcheck_core::diff(&a, &b), lang));
                    ExitCode::SUCCESS
                }
                (a, b) => {
                    let failures: Vec<Failure> = [a.err(), b.err()].into_iter().flatten().collect();
                    // A usage error (exit 2) wins over unreadable files (exit 1), which are
                    // all reported.
                    match failures.iter().find(|f| matches!(f, Failure::Usage(_))) {
                        Some(usage) => usage.report(),
                        None => {
                            for f in &failures {
                                f.report();
                            }
                            ExitCode::FAILURE
                        }
                    }
                }
            }
        }
        Err(message) => usage_error(&message),
    }
}

/// Prints a usage error and the usage; exit status 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("sovcheck: {message}\n{USAGE}");
    ExitCode::from(2)
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
    fn report(&self) -> ExitCode {
        match self {
            Failure::File(message) => {
                eprintln!("{message}");
                ExitCode::FAILURE
            }
            Failure::Usage(message) => usage_error(message),
        }
    }
}

/// Loads a file that must hold exactly one assessment.
fn load_one(path: &Path, lang: Lang) -> Result<Assessment, Failure> {
    let mut list =
        load(path).map_err(|e| Failure::File(file_line(path, &e.message(lang), lang)))?;
    match list.len() {
        1 => Ok(list.remove(0)),
        n => Err(Failure::Usage(file_line(
            path,
            &lang.pick(
                format!("the file holds {n} assessments; this command takes a file with exactly one (export the assessment on its own)"),
                format!("le fichier contient {n} évaluation{} ; cette commande attend un fichier qui n'en contient qu'une (exportez l'évaluation seule)", if n > 1 { "s" } else { "" }),
            ),
            lang,
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
    let known = ["score", "validate", "fingerprint", "csv", "diff", "verify"];
    if !known.contains(&subcommand.as_str()) {
        return Err(format!("unknown command {subcommand:?}"));
    }
    if json && subcommand != "score" {
        return Err("--json only applies to score".to_owned());
    }
    match subcommand.as_str() {
        "score" => Ok(Command::Score { json, lang, files }),
        "validate" => Ok(Command::Validate { lang, files }),
        "fingerprint" => {
            let [file] = exactly(files, &subcommand, lang)?;
            Ok(Command::Fingerprint { lang, file })
        }
        "csv" => {
            let [file] = exactly(files, &subcommand, lang)?;
            Ok(Command::Csv { lang, file })
        }
        "verify" => {
            // FILE, then the fingerprint, possibly in several words (groups of eight).
            let mut values = files.into_iter();
            let file = values.next().ok_or("no FILE given")?;
            let words: Vec<String> = values
                .map(|v| v.into_os_string().to_string_lossy().into_owned())
                .collect();
            if words.is_empty() {
                return Err(lang
                    .pick(
                        "verify takes a FILE and a FINGERPRINT; no FINGERPRINT given",
                        "verify prend un fichier et une empreinte ; aucune empreinte donnée",
                    )
                    .to_owned());
            }
            let expected = Fingerprint::parse(&words.join(" ")).map_err(|e| {
                format!(
                    "FINGERPRINT{} {}",
                    lang.pick(":", " :"),
                    fingerprint_error_text(e, lang)
                )
            })?;
            Ok(Command::Verify {
                lang,
                file,
                expected,
            })
        }
        _ => {
            let [old, new] = exactly(files, &subcommand, lang)?;
            Ok(Command::Diff { lang, old, new })
        }
    }
}

/// The files of a command that takes exactly `N` (1: FILE, 2: OLD and NEW).
fn exactly<const N: usize>(
    files: Vec<PathBuf>,
    command: &str,
    lang: Lang,
) -> Result<[PathBuf; N], String> {
    files.try_into().map_err(|given: Vec<PathBuf>| {
        let n = given.len();
        let (what_en, what_fr) = if N == 1 {
            ("one FILE", "un fichier")
        } else {
            ("two files, OLD and NEW", "deux fichiers, OLD et NEW")
        };
        lang.pick(
            format!("{command} takes exactly {what_en}; {n} given"),
            format!(
                "{command} prend exactement {what_fr} ; {n} donné{}",
                if n > 1 { "s" } else { "" }
            ),
        )
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

/// `fingerprint`: one line per assessment, `HEX  ID` (`-` for an assessment without id);
/// returns whether the file was valid.
fn fingerprints(path: &Path, lang: Lang) -> bool {
    match load(path) {
        Ok(list) => {
            for a in &list {
                let id = if a.id.is_empty() { "-" } else { a.id.as_str() };
                println!("{}  {id}", fingerprint(a));
            }
            true
        }
        Err(e) => {
            eprintln!("{}", file_line(path, &e.message(lang), lang));
            false
        }
    }
}

/// Why a typed fingerprint is not one, in words.
fn fingerprint_error_text(e: FingerprintError, lang: Lang) -> String {
    match e {
        FingerprintError::Empty => lang
            .pick("nothing was given", "rien n'a été donné")
            .to_owned(),
        FingerprintError::NotHex(c) => lang.pick(
            format!("“{c}” is not a hexadecimal character (0-9, a-f)"),
            format!("« {c} » n'est pas un caractère hexadécimal (0-9, a-f)"),
        ),
        FingerprintError::Length(n) => lang.pick(
            format!("a fingerprint has 64 characters; this one has {n}"),
            format!("une empreinte compte 64 caractères ; celle-ci en compte {n}"),
        ),
    }
}

/// The outcome of `verify` in words.
fn verify_text(v: &Verdict, lang: Lang) -> String {
    match v {
        Verdict::Match => lang
            .pick(
                "match: this is exactly the file whose fingerprint was printed",
                "concordance : c'est exactement le fichier dont l'empreinte a été imprimée",
            )
            .to_owned(),
        Verdict::ContentMatch { index, of } => lang.pick(
            format!("match: the same assessment ({} of {of}), in a re-saved or re-formatted file", index + 1),
            format!("concordance : la même évaluation ({} sur {of}), dans un fichier réenregistré ou reformaté", index + 1),
        ),
        Verdict::Mismatch => lang
            .pick(
                "no match: this is not the file whose fingerprint was printed, or it was changed after the export",
                "pas de concordance : ce n'est pas le fichier dont l'empreinte a été imprimée, ou il a été modifié après l'export",
            )
            .to_owned(),
        Verdict::NotSovcheck(e) => lang.pick(
            format!("no match, and this is not a sovcheck document: {}", e.message(lang)),
            format!("pas de concordance, et ce n'est pas un document sovcheck : {}", e.message(lang)),
        ),
        Verdict::ReportNotAssessment { kind } => {
            let what = match kind {
                ReportKind::Pdf => "PDF",
                ReportKind::Html => "HTML",
            };
            lang.pick(
                format!("no match: this is a {what} report, not the assessment file; check the exported assessment (.json), whose fingerprint the report prints"),
                format!("pas de concordance : c'est un rapport {what}, pas le fichier d'évaluation ; vérifiez l'évaluation exportée (.json), dont le rapport imprime l'empreinte"),
            )
        }
        Verdict::BadFingerprint(e) => fingerprint_error_text(*e, lang),
        Verdict::Unreadable => lang.pick("cannot read the file", "impossible de lire le fichier").to_owned(),
    }
}

/// `verify`: one line on the outcome; exit 0 on a match, 1 otherwise.
fn verify(path: &Path, expected: &Fingerprint, lang: Lang) -> ExitCode {
    match read(path) {
        Ok(bytes) => {
            let v = check_bytes(expected, &bytes);
            println!("{}", file_line(path, &verify_text(&v, lang), lang));
            exit(v.is_match())
        }
        Err(e) => {
            eprintln!("{}", file_line(path, &e.message(lang), lang));
            ExitCode::FAILURE
        }
    }
}

/// `old → new`, or `old (unchanged)` when they are equal.
fn delta_text(old: &str, new: &str, lang: Lang) -> String {
    if old == new {
        format!("{old} ({})", lang.pick("unchanged", "inchangé"))
    } else {
        format!("{old} → {new}")
    }
}

/// A criterion's answer in a few words: unanswered, I don't know, rung N.
fn choice_text(choice: Choice, lang: Lang) -> String {
    match choice {
        Choice::Rung(r) => format!("{} {r}", lang.pick("rung", "niveau")),
        Choice::Unknown => lang.pick("I don't know", "je ne sais pas").to_owned(),
        Choice::Open => export::state_label(choice, lang).to_owned(),
    }
}

/// An answer field's name.
fn field_name(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Choice => lang.pick("answer", "réponse"),
        Field::Note => lang.pick("note", "note"),
        Field::Source => lang.pick("source", "source"),
        Field::EvidenceLevel => lang.pick("evidence level", "niveau de preuve"),
        Field::ValidUntil => lang.pick("valid until", "date de validité"),
    }
}

/// An override in words: `SEAL-2` or `none`.
fn override_text(o: Option<&Override>, lang: Lang) -> String {
    o.map_or_else(
        || lang.pick("none", "aucune").to_owned(),
        |o| o.level.to_string(),
    )
}

/// A SecNumCloud stage's name in `lang`.
fn stage_text(stage: Option<Stage>, lang: Lang) -> String {
    let Some(stage) = stage else {
        return lang.pick("not recorded", "non renseignée").to_owned();
    };
    content::secnumcloud::stages()
        .iter()
        .find(|d| d.id == stage.id())
        .map_or_else(|| stage.id().to_owned(), |d| d.name.get(lang).to_owned())
}

/// An aggregation policy in words.
fn aggregation_text(a: Aggregation, lang: Lang) -> &'static str {
    match a {
        Aggregation::WeakestLink => lang.pick("weakest link", "maillon faible"),
        Aggregation::WeightedMean => lang.pick(
            "weighted mean (non-official)",
            "moyenne pondérée (non officielle)",
        ),
    }
}

/// The effect line of one change: overall SEAL, then the objective's.
fn effect_text(objective: &str, effect: &Effect, lang: Lang) -> String {
    let seal =
        |d: Delta<SealRange>| delta_text(&seal_text(d.old, lang), &seal_text(d.new, lang), lang);
    let colon = lang.pick(":", " :");
    format!(
        "  {}{colon} {}{} {objective}{colon} {}",
        lang.pick("SEAL with only this change", "SEAL avec ce seul changement"),
        seal(effect.seal),
        lang.pick(";", " ;"),
        seal(effect.objective_seal),
    )
}

/// The diff in words, one item per line, changes in content order.
fn diff_text(d: &Diff, lang: Lang) -> String {
    let colon = lang.pick(":", " :");
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let s = d.summary;
    line(format!(
        "SEAL{colon} {}",
        delta_text(
            &seal_text(s.seal.old, lang),
            &seal_text(s.seal.new, lang),
            lang
        )
    ));
    line(format!(
        "{}{colon} {}",
        lang.pick("Score", "Score"),
        delta_text(
            &score_text(s.score.old, lang),
            &score_text(s.score.new, lang),
            lang
        )
    ));
    if d.is_empty() {
        line(
            lang.pick(
                "No difference in answers, overrides, weights, aggregation or SecNumCloud stage.",
                "Aucune différence de réponses, de dérogations, de poids, d'agrégation ni d'étape SecNumCloud.",
            )
            .to_owned(),
        );
        return out;
    }
    for c in &d.changes {
        let mut text = format!("{}{colon} ", c.criterion);
        if c.choice.changed() {
            text.push_str(&format!(
                "{} → {}",
                choice_text(c.choice.old, lang),
                choice_text(c.choice.new, lang)
            ));
        }
        let evidence: Vec<&str> = c
            .fields
            .iter()
            .filter(|f| **f != Field::Choice)
            .map(|f| field_name(*f, lang))
            .collect();
        if !evidence.is_empty() {
            if c.choice.changed() {
                text.push_str(lang.pick("; ", " ; "));
            }
            text.push_str(&format!(
                "{}{colon} {}",
                lang.pick("evidence changed", "preuve modifiée"),
                evidence.join(", ")
            ));
        }
        line(text);
        if c.choice.changed() {
            line(effect_text(c.objective, &c.effect, lang));
        }
    }
    for o in &d.overrides {
        let (old, new) = (o.overrides.old.as_ref(), o.overrides.new.as_ref());
        let what = match (old, new) {
            (Some(a), Some(b)) if a.level == b.level => format!(
                "{}{} {}",
                a.level,
                lang.pick(";", " ;"),
                lang.pick("justification changed", "justification modifiée")
            ),
            _ => delta_text(&override_text(old, lang), &override_text(new, lang), lang),
        };
        line(format!(
            "{} {}{colon} {what}",
            lang.pick("Override", "Dérogation"),
            o.objective,
        ));
        if o.effect.objective_seal.changed() || o.effect.seal.changed() {
            line(effect_text(o.objective, &o.effect, lang));
        }
    }
    if let Some(w) = d.weights {
        let join = |w: [u32; 8]| w.map(|x| x.to_string()).join("/");
        line(format!(
            "{}{colon} {} → {}",
            lang.pick("Weights", "Poids"),
            join(w.old),
            join(w.new)
        ));
    }
    if let Some(a) = d.aggregation {
        line(format!(
            "{}{colon} {} → {}",
            lang.pick("Aggregation", "Agrégation"),
            aggregation_text(a.old, lang),
            aggregation_text(a.new, lang)
        ));
    }
    if let Some(st) = d.secnumcloud_stage {
        line(format!(
            "{}{colon} {} → {}",
            lang.pick("SecNumCloud stage", "Étape SecNumCloud"),
            stage_text(st.old, lang),
            stage_text(st.new, lang)
        ));
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
    fn ranges_read_in_both_languages() {
        let r = ScoreRange {
            lower: 1.875_15,
            upper: 97.5,
        };
        assert_eq!(score_text(r, Lang::En), "1.88 to 97.50 %");
        assert_eq!(score_text(r, Lang::Fr), "1,88 à 97,50 %");
    }
}
