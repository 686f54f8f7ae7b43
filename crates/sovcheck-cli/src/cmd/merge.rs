//! `merge BASE RESPONSE... --out FILE`: lands responses to questionnaires, or other copies
//! of the same assessment, in BASE with the core's rules ([`sovcheck_core::merge`]). What
//! BASE leaves open is filled (with the evidence and the respondent: the response's, or the
//! copy's `meta.assessor`), identical answers confirm, different answers are conflicts:
//! BASE's answer stays, both sides are printed, nothing of them is logged (deciding is a
//! person's job, in the app), and the exit status is 3. The log records every landing.

use crate::load::{file_line, load_document, load_one, Failure, FileError};
use sovcheck_core::format::{self, Document};
use sovcheck_core::merge::{self, Acceptance, Incoming, Landing, Outcome};
use sovcheck_core::model::{Answer, Assessment, Date, Respondent};
use sovcheck_core::Lang;
use sovcheck_text::{fill, texts, Catalog};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The exit status when a conflict was found (the file is written all the same).
const CONFLICTS: u8 = 3;

/// The incoming answers of one file, or why the file cannot be merged.
fn incoming(path: &Path, t: &Catalog) -> Result<Incoming, Failure> {
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let fail = |e: FileError| Failure::File(file_line(path, &e.message(t), t));
    match load_document(path).map_err(fail)? {
        Document::Response(r) => Ok(Incoming::from_response(&r, &source)),
        Document::Single(a) => Ok(Incoming::from_assessment(&a, &source)),
        Document::Workspace(list) if list.len() == 1 => Ok(list
            .first()
            .map(|a| Incoming::from_assessment(a, &source))
            .unwrap_or_default()),
        Document::Workspace(list) => Err(Failure::Usage(file_line(
            path,
            &t.count(list.len(), &t.cli.one_assessment_only),
            t,
        ))),
        other => Err(fail(FileError::Kind(other.kind()))),
    }
}

/// Now, as RFC 3339 text, and today, from the system clock.
fn now() -> (String, Option<Date>) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or_default();
    let today = Date::from_unix_days(days);
    let s = secs % 86_400;
    let at = match today {
        Some(d) => format!("{d}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60),
        None => String::new(),
    };
    (at, today)
}

/// One side of a conflict in words: the answer, and who gave it when known.
fn side(subject: &str, a: &Answer, t: &Catalog) -> String {
    let words = t.given_answer(subject, a);
    match &a.provenance {
        Some(p) if !p.respondent.trim().is_empty() || p.role.is_some() => {
            let who = t.respondent(&Respondent {
                name: p.respondent.clone(),
                role: p.role,
            });
            format!("{words} ({who})")
        }
        _ => words,
    }
}

/// The lines printed for one file's landing.
fn landing_text(path: &Path, l: &Landing, t: &Catalog) -> String {
    let m = &t.merge;
    let what = if l.is_empty() {
        m.nothing_new.to_owned()
    } else {
        t.clauses([
            t.count(l.count(Outcome::Filled), &m.filled),
            t.count(l.count(Outcome::Confirmed), &m.confirmed),
            t.count(l.count(Outcome::Conflict), &m.conflicts),
        ])
    };
    let mut out = fill(
        m.summary,
        &[("file", &path.display().to_string()), ("what", &what)],
    );
    out.push('\n');
    for c in l.conflicts() {
        out.push_str("  ");
        out.push_str(&fill(
            m.conflict,
            &[
                ("subject", &c.subject),
                ("ours", &side(&c.subject, &c.ours, t)),
                ("theirs", &side(&c.subject, &c.theirs, t)),
            ],
        ));
        out.push('\n');
    }
    out
}

/// One file's landing for machines.
fn landing_json(path: &Path, l: &Landing) -> serde_json::Value {
    let ids = |o: Outcome| -> Vec<&str> {
        l.items
            .iter()
            .filter(|i| i.outcome == o)
            .map(|i| i.subject.as_str())
            .collect()
    };
    let conflicts: Vec<serde_json::Value> = l
        .conflicts()
        .map(|c| {
            serde_json::json!({
                "subject": c.subject,
                "base": c.ours,
                "response": c.theirs,
            })
        })
        .collect();
    serde_json::json!({
        "file": path.display().to_string(),
        "questionnaire": l.questionnaire,
        "respondent": l.respondent,
        "filled": ids(Outcome::Filled),
        "confirmed": ids(Outcome::Confirmed),
        "conflicts": conflicts,
        "alreadyLanded": l.already_landed,
    })
}

/// Runs `merge`; the exit status: 0 without conflicts, 3 with, 1 when a file cannot be
/// read or merged (nothing is written then), 2 on a usage error.
pub(crate) fn merge(
    base_path: &Path,
    responses: &[PathBuf],
    out: &Path,
    json: bool,
    lang: Lang,
) -> ExitCode {
    let t = texts(lang);
    let mut base: Assessment = match load_one(base_path, lang) {
        Ok(a) => a,
        Err(f) => return f.report(lang),
    };
    let (at, today) = now();
    let by = base.meta.assessor.clone();
    let mut text = String::new();
    let mut reports = Vec::new();
    let mut conflicts = 0;
    for path in responses {
        let landed = incoming(path, t).and_then(|inc| {
            merge::plan(&base, &inc)
                .map_err(|e| Failure::File(file_line(path, &t.landing_error(&e), t)))
        });
        let landing = match landed {
            Ok(l) => l,
            // Nothing is written when a file cannot be merged.
            Err(f) => return f.report(lang),
        };
        let who = Acceptance {
            by: &by,
            at: &at,
            on: today,
        };
        merge::land(&mut base, &landing, &BTreeMap::new(), who);
        conflicts += landing.count(Outcome::Conflict);
        text.push_str(&landing_text(path, &landing, t));
        reports.push(landing_json(path, &landing));
    }
    if let Err(e) = std::fs::write(out, format::export_assessment(&base)) {
        eprintln!("{}", file_line(out, &t.io_error(e.kind()), t));
        return ExitCode::FAILURE;
    }
    if json {
        let all = serde_json::json!({
            "out": out.display().to_string(),
            "conflicts": conflicts,
            "responses": reports,
        });
        println!("{all}");
    } else {
        print!("{text}");
        println!(
            "{}",
            fill(t.merge.written, &[("file", &out.display().to_string())])
        );
    }
    if conflicts > 0 {
        ExitCode::from(CONFLICTS)
    } else {
        ExitCode::SUCCESS
    }
}
