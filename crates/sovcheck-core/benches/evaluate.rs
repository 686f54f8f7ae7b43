//! Native benchmarks of the engine (issue 7, docs/PERFORMANCE.md), with `divan`:
//!
//! - `evaluate_*`: the full evaluation (`evaluate(&a, Some(today))`, date warnings on) of
//!   a fully answered assessment (each criterion's best or middle rung, evidence on every
//!   answer, an expert override, a target SEAL, SecNumCloud answers), of a half-answered
//!   one (what the live estimate evaluates during the walk) and of an empty one;
//! - `verdict_*` / `plan_*`: the verdict (what each end of the range rests on, the target)
//!   and the action plan, from an assessment and its evaluation (computed beforehand, outside
//!   the timing), for the half-answered assessment; `verdict_weighted_mean_empty` is the
//!   costliest verdict, an empty assessment read with the weighted mean against a target of
//!   SEAL-3 (the knapsack over all eight objectives);
//! - `parse_document`: reading the fully answered assessment's exported file (2,000
//!   characters of note on each of the 48 answers, about 110 KB);
//! - `fingerprint`: its canonical export and SHA-256;
//! - `export_assessment`: the canonical export alone.
//!
//! `cargo bench -p sovcheck-core --bench evaluate` runs them; `node e2e/bench.mjs` runs them
//! and prints `evaluate_best`'s median against the budget (50 µs). The bench profile is the
//! workspace's release profile (`opt-level = "z"`, LTO), the one the app ships with.

use divan::{black_box, Bencher};
use sovcheck_core::content::{self, Criterion};
use sovcheck_core::export::fingerprint;
use sovcheck_core::format::{export_assessment, parse_document};
use sovcheck_core::model::{
    Aggregation, Answer, Assessment, Date, EvidenceLevel, Override, SncAnswer, SncStatus, Stage,
};
use sovcheck_core::{evaluate, plan, verdict, Lang, Seal};

fn main() {
    // The parse benchmark must time a successful read, not an early error.
    if let Err(e) = parse_document(export_assessment(&answered(middle)).as_bytes()) {
        eprintln!(
            "the benchmark's assessment does not parse: {}",
            sovcheck_text::texts(Lang::En).format_error(&e)
        );
        std::process::exit(1);
    }
    divan::main();
}

/// A long evidence note, as a careful assessor writes them: about 2,000 characters,
/// with some non-ASCII text (French) for the JSON writer and reader.
fn note(id: &str) -> String {
    let sentence = format!(
        "{id}: contrat cadre §4.2 et annexe de sécurité relus ; the provider's answer of \
         12 March was checked against the audit report, the subprocessor list and the \
         key-management design. "
    );
    let mut out = String::with_capacity(2_100);
    while out.chars().count() < 2_000 {
        out.push_str(&sentence);
    }
    out.chars().take(2_000).collect()
}

/// Every criterion answered with the rung `pick` chooses, evidence on each, an override on
/// SOV-5, a target SEAL (so the gaps are computed) and SecNumCloud answers.
fn answered(pick: fn(&Criterion) -> u8) -> Assessment {
    let mut a = Assessment {
        id: "bench".to_owned(),
        modified: "2026-11-22T12:00:00Z".to_owned(),
        ..Assessment::default()
    };
    a.meta.provider = "Acme Cloud".to_owned();
    a.meta.offer = "Sovereign IaaS".to_owned();
    a.meta.target_seal = Seal::new(3);
    a.meta.date = Date::new(2026, 11, 22);
    let levels = EvidenceLevel::ALL;
    for (i, c) in content::criteria().enumerate() {
        a.answers.insert(
            c.id.to_owned(),
            Answer {
                rung: Some(pick(c)),
                unknown: false,
                note: note(c.id),
                source: format!("https://example.invalid/evidence/{}.pdf", c.id),
                evidence_level: levels.get(i % levels.len()).copied(),
                // Some expired (a warning each), some still valid.
                valid_until: Date::new(if i % 2 == 0 { 2025 } else { 2027 }, 6, 30),
                ..Answer::default()
            },
        );
    }
    if let Some(level) = Seal::new(2) {
        a.overrides.insert(
            "SOV-5".to_owned(),
            Override {
                level,
                justification: "Firmware rebuilt and signed in the EU".to_owned(),
            },
        );
    }
    a.secnumcloud.stage = Some(Stage::J3);
    a.secnumcloud.last_audit = Date::new(2024, 1, 15);
    let statuses = SncStatus::ALL;
    for (i, c) in content::secnumcloud::criteria().enumerate() {
        if let Some(&status) = statuses.get(i % statuses.len()) {
            a.secnumcloud.criteria.insert(
                c.id.to_owned(),
                SncAnswer {
                    status: Some(status),
                    note: String::new(),
                },
            );
        }
    }
    a
}

fn best(c: &Criterion) -> u8 {
    u8::try_from(c.rungs.len().saturating_sub(1)).unwrap_or(0)
}

fn middle(c: &Criterion) -> u8 {
    u8::try_from(c.rungs.len() / 2).unwrap_or(0)
}

/// Every other criterion answered (middle rung), the rest open: the walk's usual state.
fn half() -> Assessment {
    let mut a = answered(middle);
    let open: Vec<String> = content::criteria()
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, c)| c.id.to_owned())
        .collect();
    for id in open {
        a.answers.remove(&id);
    }
    a
}

fn today() -> Option<Date> {
    Date::new(2026, 11, 22)
}

#[divan::bench]
fn evaluate_best(bencher: Bencher) {
    let a = answered(best);
    bencher.bench(|| evaluate(black_box(&a), black_box(today())));
}

#[divan::bench]
fn evaluate_middle(bencher: Bencher) {
    let a = answered(middle);
    bencher.bench(|| evaluate(black_box(&a), black_box(today())));
}

#[divan::bench]
fn evaluate_half_open(bencher: Bencher) {
    let a = half();
    bencher.bench(|| evaluate(black_box(&a), black_box(today())));
}

#[divan::bench]
fn evaluate_empty(bencher: Bencher) {
    let a = Assessment::default();
    bencher.bench(|| evaluate(black_box(&a), black_box(today())));
}

#[divan::bench]
fn verdict_half_open(bencher: Bencher) {
    let a = half();
    let ev = evaluate(&a, today());
    bencher.bench(|| verdict(black_box(&a), black_box(&ev)));
}

#[divan::bench]
fn plan_half_open(bencher: Bencher) {
    let a = half();
    let ev = evaluate(&a, today());
    bencher.bench(|| plan(black_box(&a), black_box(&ev)));
}

#[divan::bench]
fn verdict_weighted_mean_empty(bencher: Bencher) {
    let mut a = Assessment {
        aggregation: Aggregation::WeightedMean,
        ..Assessment::default()
    };
    a.meta.target_seal = Seal::new(3);
    let ev = evaluate(&a, today());
    bencher.bench(|| verdict(black_box(&a), black_box(&ev)));
}

#[divan::bench]
fn parse_document_full(bencher: Bencher) {
    let file = export_assessment(&answered(middle));
    bencher
        .counter(divan::counter::BytesCount::of_str(&file))
        .bench(|| parse_document(black_box(file.as_bytes())));
}

#[divan::bench]
fn fingerprint_full(bencher: Bencher) {
    let a = answered(middle);
    bencher.bench(|| fingerprint(black_box(&a)));
}

#[divan::bench]
fn export_assessment_full(bencher: Bencher) {
    let a = answered(middle);
    bencher.bench(|| export_assessment(black_box(&a)));
}
