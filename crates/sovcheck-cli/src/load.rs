//! Reading files: one bounded read, decryption of an encrypted file (the passphrase from
//! `--passphrase-file` or typed at the terminal, never from an argument), the engine's
//! parse, and failures worded with the file's name.

use sovcheck_core::envelope::{self, EnvelopeError};
use sovcheck_core::format::{
    self, Document, DocumentKind, FormatError, Problem, MAX_DOCUMENT_BYTES,
};
use sovcheck_core::model::Assessment;
use sovcheck_core::Lang;
use sovcheck_text::{fill, texts, Catalog};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use crate::args::usage_error;

/// Why a file could not be used.
pub(crate) enum FileError {
    /// It could not be read.
    Io(std::io::Error),
    /// It is not a valid sovcheck document.
    Format(FormatError),
    /// It is encrypted and could not be decrypted.
    Encrypted(Locked),
    /// It is a valid document of another kind than the command reads.
    Kind(DocumentKind),
    /// It is not a regular file (a pipe, a device, a socket): reading it could wait
    /// forever, or never end.
    NotRegular,
}

/// Why an encrypted file could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Locked {
    /// No passphrase: no `--passphrase-file`, and standard input is not a terminal.
    NoPassphrase,
    /// The passphrase file is empty.
    EmptyPassphrase,
    /// Wrong passphrase, or an altered file (GCM cannot tell which).
    WrongPassphrase,
    /// Parameters this version does not read.
    Unsupported,
}

impl FileError {
    /// The error in words, without the file name.
    pub(crate) fn message(&self, t: &Catalog) -> String {
        match self {
            FileError::Format(e) => t.format_error(e),
            FileError::Io(e) => t.io_error(e.kind()),
            FileError::Encrypted(Locked::NoPassphrase) => t.merge.passphrase_needed.to_owned(),
            FileError::Encrypted(Locked::EmptyPassphrase) => t.merge.passphrase_empty.to_owned(),
            FileError::Encrypted(Locked::WrongPassphrase) => {
                t.merge.crypto_wrong_passphrase.to_owned()
            }
            FileError::Encrypted(Locked::Unsupported) => t.merge.crypto_unsupported.to_owned(),
            FileError::Kind(k) => fill(
                t.exchange.not_an_assessment,
                &[("kind", &t.document_kind(*k))],
            ),
            FileError::NotRegular => {
                fill(t.errors.cannot_read, &[("reason", &t.files.not_regular)])
            }
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

/// Reads and parses one file into its assessments (a questionnaire or a response is an
/// error here: it holds none).
pub(crate) fn load(path: &Path) -> Result<Vec<Assessment>, FileError> {
    match load_document(path)? {
        doc @ (Document::Single(_) | Document::Workspace(_)) => Ok(doc.into_assessments()),
        other => Err(FileError::Kind(other.kind())),
    }
}

/// Reads, decrypts when it is encrypted, and parses one file.
pub(crate) fn load_document(path: &Path) -> Result<Document, FileError> {
    let bytes = read(path)?;
    let bytes = match envelope::parse(&bytes) {
        None => bytes,
        Some(Err(EnvelopeError::Unsupported)) => {
            return Err(FileError::Encrypted(Locked::Unsupported))
        }
        Some(Err(EnvelopeError::Damaged)) => {
            return Err(FileError::Encrypted(Locked::WrongPassphrase))
        }
        Some(Ok(env)) => {
            let passphrase = passphrase(path)?;
            decrypt(&env, &passphrase).ok_or(FileError::Encrypted(Locked::WrongPassphrase))?
        }
    };
    format::parse_document(&bytes).map_err(FileError::Format)
}

/// The `--passphrase-file` of the command line and the language of the prompt, set once by
/// `main` before any file is read.
static OPTIONS: OnceLock<(Option<PathBuf>, Lang)> = OnceLock::new();

/// Records the `--passphrase-file` given (or none) and the language of the prompt.
pub(crate) fn set_options(passphrase_file: Option<PathBuf>, lang: Lang) {
    let _ = OPTIONS.set((passphrase_file, lang));
}

/// The passphrase for encrypted `path`: the first line of the passphrase file (its line
/// ending is not part of it), else typed at the terminal without echo when standard input
/// is one. Never from an argument: arguments are visible to other users of the machine.
fn passphrase(path: &Path) -> Result<String, FileError> {
    let (file, lang) = OPTIONS.get().cloned().unwrap_or((None, Lang::En));
    if let Some(file) = file {
        let text = std::fs::read_to_string(&file).map_err(FileError::Io)?;
        let line = text.lines().next().unwrap_or_default().to_owned();
        return if line.is_empty() {
            Err(FileError::Encrypted(Locked::EmptyPassphrase))
        } else {
            Ok(line)
        };
    }
    if !std::io::stdin().is_terminal() {
        return Err(FileError::Encrypted(Locked::NoPassphrase));
    }
    let t = texts(lang);
    let prompt = fill(
        t.merge.passphrase_prompt,
        &[("file", &path.display().to_string())],
    );
    let typed = rpassword::prompt_password(prompt).map_err(FileError::Io)?;
    if typed.is_empty() {
        Err(FileError::Encrypted(Locked::EmptyPassphrase))
    } else {
        Ok(typed)
    }
}

/// AES-256-GCM with a key from PBKDF2-HMAC-SHA-256 over the passphrase, with the envelope's
/// salt and iterations, as the browser's WebCrypto encrypts; `None` when the tag does not
/// match (wrong passphrase, or altered file).
pub(crate) fn decrypt(env: &envelope::Envelope, passphrase: &str) -> Option<Vec<u8>> {
    use aes_gcm::aead::{Aead, KeyInit};
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2_pbkdf2::Sha256>(
        passphrase.as_bytes(),
        &env.salt,
        env.iterations,
        &mut key,
    );
    let cipher = aes_gcm::Aes256Gcm::new_from_slice(&key).ok()?;
    let nonce = aes_gcm::Nonce::from_slice(&env.iv);
    cipher.decrypt(nonce, env.data.as_slice()).ok()
}

/// Reads one file's bytes, refusing one larger than a sovcheck document can be, and
/// anything but a regular file before opening it: opening a named pipe waits for a writer,
/// and a device may never end.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    let kind = |m: &std::fs::Metadata| {
        if m.is_dir() {
            Err(FileError::Io(std::io::ErrorKind::IsADirectory.into()))
        } else if m.is_file() {
            Ok(())
        } else {
            Err(FileError::NotRegular)
        }
    };
    kind(&std::fs::metadata(path).map_err(FileError::Io)?)?;
    let file = std::fs::File::open(path).map_err(FileError::Io)?;
    // Checked again on what was opened, in case the path changed in between.
    let meta = file.metadata().map_err(FileError::Io)?;
    kind(&meta)?;
    let size = meta.len();
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

/// `FILE: message`, with the language's colon; shown safely (see [`crate::safe`]), since
/// both the name and the message may carry text from the file.
pub(crate) fn file_line(path: &Path, message: &str, t: &Catalog) -> String {
    crate::safe::text(&t.label_value(&path.display().to_string(), message))
}
