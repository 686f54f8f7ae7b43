//! Reading files: one bounded read, the engine's parse, and failures worded with the file's
//! name.

use sovcheck_core::format::{self, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_core::model::Assessment;
use sovcheck_core::Lang;
use sovcheck_text::{texts, Catalog};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use crate::args::usage_error;

/// Why a file could not be used.
pub(crate) enum FileError {
    /// It could not be read.
    Io(std::io::Error),
    /// It is not a valid sovcheck document.
    Format(FormatError),
}

impl FileError {
    /// The error in words, without the file name.
    pub(crate) fn message(&self, t: &Catalog) -> String {
        match self {
            FileError::Format(e) => t.format_error(e),
            FileError::Io(e) => t.io_error(e.kind()),
        }
    }
}

/// Why a command that takes one assessment per file cannot run.
pub(crate) enum Failure {
    /// The file is unreadable or invalid (exit 1); the message names the file.
    File(String),
    /// The file is valid but holds not exactly one assessment (exit 2).
    Usage(String),
}

impl Failure {
    /// Prints the failure on standard error and returns its exit status.
    pub(crate) fn report(&self, lang: Lang) -> ExitCode {
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
pub(crate) fn load_one(path: &Path, lang: Lang) -> Result<Assessment, Failure> {
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

/// Reads and parses one file into its assessments.
pub(crate) fn load(path: &Path) -> Result<Vec<Assessment>, FileError> {
    let bytes = read(path)?;
    format::parse_document(&bytes)
        .map(format::Document::into_assessments)
        .map_err(FileError::Format)
}

/// Reads one file's bytes, refusing one larger than a sovcheck document can be.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, FileError> {
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
pub(crate) fn file_line(path: &Path, message: &str, t: &Catalog) -> String {
    t.label_value(&path.display().to_string(), message)
}
