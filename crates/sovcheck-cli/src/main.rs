//! `sovcheck`: score and validate sovcheck assessment files from the command line.
//!
//! ```text
//! sovcheck score [--json] [--lang en|fr|de] FILE...
//! sovcheck validate [--lang en|fr|de] FILE...
//! sovcheck fingerprint [--lang en|fr|de] FILE
//! sovcheck csv [--lang en|fr|de] FILE
//! sovcheck diff [--lang en|fr|de] OLD NEW
//! sovcheck verify [--lang en|fr|de] FILE FINGERPRINT
//! sovcheck merge [--json] [--lang en|fr|de] BASE RESPONSE... --out FILE
//! ```
//!
//! Every command reads encrypted files (docs/FORMAT.md, "Encrypted files") with the
//! passphrase on the first line of `--passphrase-file FILE`, or typed without echo when
//! standard input is a terminal; never from an argument, which other users of the machine
//! can see.
//!
//! `score` evaluates every assessment of every file (a workspace file holds several) and
//! prints an aligned table, or one JSON object per assessment per line with `--json`. The
//! table's columns: file, provider, offer, SEAL range, score range, the target's verdict
//! (`SEAL-3: not met`, `met`, `undecided`; `-` without a target), the counts
//! `answered/unknown/unanswered` (the words the app, the report and the CSV use), the binding
//! criteria (`*` marks one that binds only because it is open) and what caps the best case;
//! under it, for each undecided target, the least answers that would meet it. `--lang fr`
//! words all of it in French.
//! Each JSON object has: `file`, `id`, `provider`, `offer`; `seal` and `score` (`lower`,
//! `upper`; SEAL levels 0-4, scores in percent, unrounded); `calculatorReading` (`seal`, null
//! when nothing is answered, and `score`); `objectives` (per objective `id`, `weight`,
//! `seal`, `score`, `open` criteria, `overridden` level or null); `binding`, `bindingOpen`
//! and `bindingOverrides` (what holds the lower bound down); `weights`, `aggregation`
//! (`weakest-link` or `weighted-mean`); the counts `answered`, `unknown`, `unanswered`;
//! `lowEnd`: `{"kind": "exact" | "any" | "together", "criteria": [...]}`, the open criteria
//! that would put the result at its lower bound (any one of them at its worst, or, under the
//! weighted mean, all together; none when the range is one level);
//! `cappedBy`: the answered criteria and overridden objectives (as `SOV-5`) that hold the
//! best case below SEAL-4, in criterion order, empty when the best case is SEAL-4; `target`:
//! null without a target SEAL, else `{"seal": N, "verdict": "met" | "not-met" |
//! "undecided", "deciding": [...]}` (met: the lower bound reaches it; not met: the upper
//! bound is below it; `deciding`, empty unless undecided: the open criteria that decide it,
//! each `{"criterion", "rung", "seal"}` with the least rung to answer and the SEAL it grants);
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
//! `merge` lands responses to questionnaires, or other copies of the same assessment, in
//! BASE and writes the result to `--out` (docs/FORMAT.md, "Landing"): what BASE leaves open
//! is filled, with its evidence and respondent; identical answers confirm; a different
//! answer is a conflict, printed with both sides, and BASE's answer stays. It exits 0 when
//! nothing conflicts, 3 when something does (the file is written all the same), 1 when a file
//! cannot be read or belongs to another assessment (nothing is written), 2 on a usage error.
//! With `--json`, one JSON object: `out`, `conflicts` (their number) and `responses`, per
//! file: `file`, `questionnaire` (null for a copy), `respondent` (`name`, `role`), `filled`
//! and `confirmed` (ids), `conflicts` (`subject`, `base` and `response` answers in the
//! exchange format) and `alreadyLanded` (items the log shows landed before).
//!
//! Everything printed from a file is shown, never obeyed: control and bidirectional
//! characters are escaped (`safe.rs`). Only regular files are read: a named pipe or a device
//! is refused before it is opened.
//!
//! Exit status: 0 when every file was read and is valid, 1 when a file is unreadable or
//! invalid (the valid ones are still scored), 2 on a usage error (including a workspace of
//! several assessments given to `csv` or `diff`).

mod args;
mod cmd;
mod load;
mod safe;

use args::{lang_of, parse_args, passphrase_file_of, usage, usage_error, Command};
use cmd::diff::diff_text;
use cmd::exit;
use cmd::fingerprint::fingerprints;
use cmd::score::score;
use cmd::validate::validate;
use cmd::verify::verify;
use load::{load_one, Failure};
use sovcheck_text::texts;
use std::ffi::OsString;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let lang = lang_of(&args);
    load::set_options(passphrase_file_of(&args), lang);
    match parse_args(args) {
        Ok(Command::Help) => {
            println!("{}", usage(lang));
            ExitCode::SUCCESS
        }
        Ok(Command::Score { json, lang, files }) => exit(score(&files, json, lang)),
        Ok(Command::Validate { lang, files }) => exit(validate(&files, lang)),
        Ok(Command::Fingerprint { lang, file }) => exit(fingerprints(&file, lang)),
        Ok(Command::Merge {
            json,
            lang,
            base,
            responses,
            out,
        }) => cmd::merge::merge(&base, &responses, &out, json, lang),
        Ok(Command::Verify {
            lang,
            file,
            expected,
        }) => verify(&file, &expected, lang),
        Ok(Command::Csv { lang, file }) => match load_one(&file, lang) {
            Ok(a) => {
                print!("{}", safe::csv(&texts(lang).answers_csv(&a)));
                ExitCode::SUCCESS
            }
            Err(failure) => failure.report(lang),
        },
        Ok(Command::Diff { lang, old, new }) => {
            match (load_one(&old, lang), load_one(&new, lang)) {
                (Ok(a), Ok(b)) => {
                    let text = diff_text(&sovcheck_core::diff(&a, &b), texts(lang));
                    print!("{}", safe::lines(&text));
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
