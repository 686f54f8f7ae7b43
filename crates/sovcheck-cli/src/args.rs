//! The command line: the commands, reading the arguments, and usage errors as data (worded
//! in the language asked for, even when `--lang` comes after the error).

use sovcheck_core::verify::Fingerprint;
use sovcheck_core::Lang;
use sovcheck_text::{fill, texts, Catalog};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// The usage, in `lang`, printed by `--help` and after a usage error.
pub(crate) fn usage(lang: Lang) -> String {
    fill(texts(lang).cli.usage, &[("tags", &lang_tags())])
}

/// The language tags `--lang` takes, as `en|fr|de`.
pub(crate) fn lang_tags() -> String {
    Lang::ALL.map(Lang::tag).join("|")
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub(crate) enum Command {
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
    /// Land responses (or other copies) in a base assessment.
    Merge {
        /// One JSON object instead of lines of text.
        json: bool,
        /// Language of the output.
        lang: Lang,
        /// The base assessment.
        base: PathBuf,
        /// The responses, in order.
        responses: Vec<PathBuf>,
        /// Where to write the merged assessment.
        out: PathBuf,
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

/// The language of the messages: the `--lang` given (anywhere on the line, so that an
/// error before it is in that language too), English otherwise.
pub(crate) fn lang_of(args: &[OsString]) -> Lang {
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

/// The `--passphrase-file` given anywhere on the line, if any (read before the command
/// runs, so that every command reads encrypted files alike).
pub(crate) fn passphrase_file_of(args: &[OsString]) -> Option<PathBuf> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let arg = arg.to_string_lossy();
        match arg.strip_prefix("--passphrase-file") {
            Some("") => return iter.next().map(PathBuf::from),
            Some(rest) => {
                if let Some(v) = rest.strip_prefix('=') {
                    return Some(PathBuf::from(v));
                }
            }
            None => {}
        }
    }
    None
}

/// Prints a usage error and the usage; exit status 2.
pub(crate) fn usage_error(message: &str, lang: Lang) -> ExitCode {
    eprintln!("sovcheck: {}\n{}", crate::safe::text(message), usage(lang));
    ExitCode::from(2)
}

/// What is wrong with the command line.
#[derive(Debug, PartialEq)]
pub(crate) enum UsageError {
    /// No command.
    MissingCommand,
    /// No file.
    NoFile,
    /// A command that does not exist.
    UnknownCommand(String),
    /// `--json` with another command than `score` or `merge`.
    JsonOnlyScore,
    /// `merge` without `--out`.
    OutRequired,
    /// `--out` with another command than `merge`.
    OutOnlyMerge,
    /// `merge` without a response.
    NoResponse,
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
    pub(crate) fn message(&self, t: &Catalog) -> String {
        let c = &t.cli;
        match self {
            UsageError::MissingCommand => c.missing_command.to_owned(),
            UsageError::NoFile => c.no_file.to_owned(),
            UsageError::UnknownCommand(name) => {
                fill(c.unknown_command, &[("name", &t.quote(name))])
            }
            UsageError::JsonOnlyScore => c.json_only_score.to_owned(),
            UsageError::OutRequired => t.merge.out_required.to_owned(),
            UsageError::OutOnlyMerge => t.merge.out_only_merge.to_owned(),
            UsageError::NoResponse => t.merge.no_response.to_owned(),
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

/// Reads the command line (without the program name).
pub(crate) fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut json = false;
    let mut lang = Lang::En;
    let mut files = Vec::new();
    let mut out: Option<PathBuf> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Long("json") => json = true,
            Long("out") => out = Some(PathBuf::from(parser.value()?)),
            // Read by `passphrase_file_of` before the command runs.
            Long("passphrase-file") => {
                parser.value()?;
            }
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
    let known = [
        "score",
        "validate",
        "fingerprint",
        "csv",
        "diff",
        "verify",
        "merge",
    ];
    if !known.contains(&subcommand.as_str()) {
        return Err(UsageError::UnknownCommand(subcommand));
    }
    if files.is_empty() {
        return Err(UsageError::NoFile);
    }
    if json && subcommand != "score" && subcommand != "merge" {
        return Err(UsageError::JsonOnlyScore);
    }
    if out.is_some() && subcommand != "merge" {
        return Err(UsageError::OutOnlyMerge);
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
        "merge" => {
            let mut files = files.into_iter();
            let base = files.next().ok_or(UsageError::NoFile)?;
            let responses: Vec<PathBuf> = files.collect();
            if responses.is_empty() {
                return Err(UsageError::NoResponse);
            }
            let out = out.ok_or(UsageError::OutRequired)?;
            Ok(Command::Merge {
                json,
                lang,
                base,
                responses,
                out,
            })
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
pub(crate) fn exactly<const N: usize>(
    files: Vec<PathBuf>,
    command: &str,
) -> Result<[PathBuf; N], UsageError> {
    files.try_into().map_err(|given: Vec<PathBuf>| {
        if N == 1 {
            UsageError::TakesOne(command.to_owned(), given.len())
        } else {
            UsageError::TakesTwo(command.to_owned(), given.len())
        }
    })
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
        assert!(args(&["score", "--lang", "es", "a.json"]).is_err());
        assert_eq!(
            args(&["score", "--lang", "de", "a.json"]),
            Ok(Command::Score {
                json: false,
                lang: Lang::De,
                files: vec!["a.json".into()]
            })
        );
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
        assert_eq!(
            args(&["merge", "--json", "b.json", "r1.json", "r2.json", "--out", "o.json"]),
            Ok(Command::Merge {
                json: true,
                lang: Lang::En,
                base: "b.json".into(),
                responses: vec!["r1.json".into(), "r2.json".into()],
                out: "o.json".into(),
            })
        );
        assert_eq!(
            args(&["merge", "b.json", "r.json"]),
            Err(UsageError::OutRequired)
        );
        assert_eq!(
            args(&["merge", "b.json", "--out", "o.json"]),
            Err(UsageError::NoResponse)
        );
        assert_eq!(
            args(&["score", "a.json", "--out", "o.json"]),
            Err(UsageError::OutOnlyMerge)
        );
        // The passphrase comes from a file, read before the command; never an argument.
        let line = ["validate", "--passphrase-file", "pass.txt", "a.json"];
        assert_eq!(
            args(&line),
            Ok(Command::Validate {
                lang: Lang::En,
                files: vec!["a.json".into()]
            })
        );
        let line: Vec<OsString> = line.iter().map(OsString::from).collect();
        assert_eq!(passphrase_file_of(&line), Some(PathBuf::from("pass.txt")));
        assert_eq!(
            passphrase_file_of(&["--passphrase-file=p".into()]),
            Some(PathBuf::from("p"))
        );
        assert_eq!(passphrase_file_of(&["a.json".into()]), None);
        assert!(args(&["validate", "--passphrase", "secret", "a.json"]).is_err());
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
            Err("unknown language “es” (use en|fr|de)".to_owned())
        );
    }
}
