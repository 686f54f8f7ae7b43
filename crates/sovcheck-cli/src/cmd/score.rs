//! `score`: the evaluation of every assessment of every file, as an aligned table or as one
//! JSON object per assessment. The table gives, per assessment, the SEAL and score ranges,
//! the target's verdict, the counts (answered / unknown / unanswered, the words the app and
//! the report use), what holds the low end and what caps the best case; under it, the least
//! answers that would meet each undecided target.

use crate::load::{file_line, load};
use serde_json::{json, Value};
use sovcheck_core::evaluate::{Evaluation, ObjectiveResult, ScoreRange};
use sovcheck_core::model::{Aggregation, Assessment, Date};
use sovcheck_core::verdict::{verdict, Cap, Verdict};
use sovcheck_core::{Lang, Seal, SealRange};
use sovcheck_text::{fill, texts, Catalog};
use std::path::{Path, PathBuf};

/// Today's date from the system clock, for the evidence-expiry warnings.
pub(crate) fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_unix_days(i64::try_from(secs / 86_400).ok()?)
}

/// `score`: prints every valid assessment, reports invalid files on stderr; returns
/// whether every file was valid.
pub(crate) fn score(files: &[PathBuf], json: bool, lang: Lang) -> bool {
    let t = texts(lang);
    let today = today();
    let mut all_valid = true;
    let mut rows = Vec::new();
    let mut notes = Vec::new();
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
                println!(
                    "{}",
                    crate::safe::json(&json_line(path, a, &ev).to_string())
                );
            } else {
                let v = verdict(a, &ev);
                notes.extend(deciding_note(path, &v, t));
                rows.push(table_row(path, a, &ev, &v, t));
            }
        }
    }
    if !json && !rows.is_empty() {
        print!("{}", render_table(&t.cli.headers, &rows));
        if rows.iter().any(|r| r[7].contains('*')) {
            println!("{}", t.cli.open_footnote);
        }
        for note in notes {
            println!("{note}");
        }
    }
    all_valid
}

/// The wire name of an aggregation policy.
pub(crate) fn aggregation_name(a: Aggregation) -> &'static str {
    match a {
        Aggregation::WeakestLink => "weakest-link",
        Aggregation::WeightedMean => "weighted-mean",
    }
}

/// `{"lower": .., "upper": ..}` of a SEAL range, as levels 0-4.
pub(crate) fn seal_json(s: SealRange) -> Value {
    json!({ "lower": s.lower.level(), "upper": s.upper.level() })
}

/// `{"lower": .., "upper": ..}` of a score range, in percent, unrounded.
pub(crate) fn score_json(s: ScoreRange) -> Value {
    json!({ "lower": s.lower, "upper": s.upper })
}

/// One objective's result as JSON.
pub(crate) fn objective_json(r: &ObjectiveResult) -> Value {
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
pub(crate) fn json_line(path: &Path, a: &Assessment, ev: &Evaluation) -> Value {
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
        "lowEnd": { "kind": v.low_end.id(), "criteria": v.low_end.criteria() },
        "cappedBy": v.capped_by.iter().map(Cap::id).collect::<Vec<_>>(),
        "target": v.target.map(|t| json!({
            "seal": t.seal.level(),
            "verdict": t.verdict.id(),
            "deciding": t.verdict.deciding().iter().map(|d| json!({
                "criterion": d.criterion,
                "rung": d.least_rung,
                "seal": d.grants.level(),
            })).collect::<Vec<_>>(),
        })),
        "contentVersion": sovcheck_core::content_version(),
    })
}

/// The binding criteria (`*` marks one that binds only because it is open) and
/// overridden objectives; `-` when nothing binds.
pub(crate) fn binding_text(ev: &Evaluation, t: &Catalog) -> String {
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
pub(crate) fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "-".to_owned()
    } else {
        s.to_owned()
    }
}

/// What caps the best case: criterion ids and overridden objectives; `-` when nothing does.
pub(crate) fn capped_text(v: &Verdict, t: &Catalog) -> String {
    let parts: Vec<String> = v
        .capped_by
        .iter()
        .map(|c| match c {
            Cap::Answer { criterion, .. } => (*criterion).to_owned(),
            Cap::Override { objective, .. } => {
                fill(t.words.overridden_objective, &[("objective", objective)])
            }
        })
        .collect();
    if parts.is_empty() {
        "-".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The target's cell: `SEAL-3: not met`; `-` without a target.
pub(crate) fn target_text(v: &Verdict, t: &Catalog) -> String {
    v.target.as_ref().map_or_else(
        || "-".to_owned(),
        |x| t.label_value(&x.seal.to_string(), t.target_word(&x.verdict)),
    )
}

/// The note under the table on an undecided target: the least answers that meet it.
pub(crate) fn deciding_note(path: &Path, v: &Verdict, t: &Catalog) -> Option<String> {
    let x = v
        .target
        .as_ref()
        .filter(|x| !x.verdict.deciding().is_empty())?;
    Some(fill(
        t.verdict.cli_deciding,
        &[
            ("file", &crate::safe::text(&path.display().to_string())),
            ("target", &x.seal),
            ("verdict", &t.target_word(&x.verdict)),
            ("answers", &t.least_answers(&x.verdict)),
        ],
    ))
}

/// One table row; the cells from the file are shown safely (see [`crate::safe`]).
pub(crate) fn table_row(
    path: &Path,
    a: &Assessment,
    ev: &Evaluation,
    v: &Verdict,
    t: &Catalog,
) -> [String; 9] {
    use crate::safe::text;
    [
        text(&path.display().to_string()),
        text(&or_dash(&a.meta.provider)),
        text(&or_dash(&a.meta.offer)),
        t.seal_range(ev.seal),
        t.score_range(ev.score.lower, ev.score.upper),
        target_text(v, t),
        format!("{}/{}/{}", ev.answered, ev.unknown, ev.unanswered),
        binding_text(ev, t),
        capped_text(v, t),
    ]
}

/// The table, columns padded to their widest cell (counted in characters), two spaces
/// apart; the last column is not padded.
pub(crate) fn render_table<const N: usize>(headers: &[&str; N], rows: &[[String; N]]) -> String {
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
}
