//! The format's fuzz target, run for a bounded time on stable Rust (cargo-fuzz needs
//! nightly): mutated exports and hostile shapes go through `parse_document`, which must never
//! panic, must answer every error in both languages, and must read back whatever it accepts
//! identically after a re-export.
//!
//! `SOVCHECK_FUZZ_SECONDS` sets the time (default 5; CI runs the default). The run is
//! reproducible from the seed it prints: `SOVCHECK_FUZZ_SEED=<n>`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::TOKENS;
use proptest::prelude::RngExt;
use proptest::test_runner::TestRng;
use sovcheck_core::format::{export_assessment, export_workspace, parse_document, Document};
use sovcheck_core::model::{
    Answer, Assessment, Date, LogEntry, LogEvent, Override, PlanItem, PlanStatus, Provenance, Role,
    ServiceModel, SncAnswer, SncStatus,
};
use sovcheck_core::{criteria, Lang, Seal};
use std::time::Instant;

/// A valid export with answers, evidence, an override and every field of format version 2
/// (service models, provenance, due-diligence answers, action plan, log, SecNumCloud
/// qualification), to mutate.
fn seed_document() -> String {
    let date = |s| Date::parse(s);
    let mut a = Assessment {
        id: "fuzz".into(),
        ..Assessment::default()
    };
    a.meta.provider = "Fuzz « Cloud » 🚀".into();
    a.meta.service_models = vec![ServiceModel::Caas, ServiceModel::Saas];
    for (i, c) in criteria().enumerate().take(20) {
        let ans = Answer {
            rung: (i % 3 != 0).then_some(0),
            unknown: i % 3 == 0,
            note: format!("note {i} <b>\u{202e}"),
            received: (i % 4 == 0).then(|| date("2026-11-03")).flatten(),
            provenance: (i % 5 == 0).then(|| Provenance {
                respondent: "R".into(),
                role: Some(Role::Security),
                accepted_by: "A".into(),
                accepted_on: date("2026-11-04"),
            }),
            ..Answer::default()
        };
        a.answers.insert(c.id.to_owned(), ans);
    }
    a.overrides.insert(
        "SOV-2".into(),
        Override {
            level: Seal::new(2).unwrap(),
            justification: "board".into(),
        },
    );
    a.due_diligence.insert(
        "q2".into(),
        Answer {
            note: "their answer".into(),
            received: date("2026-11-03"),
            ..Answer::default()
        },
    );
    a.action_plan.insert(
        "SOV-3.1".into(),
        PlanItem {
            owner: "CISO".into(),
            due: date("2027-01-31"),
            status: Some(PlanStatus::InProgress),
        },
    );
    a.log.push(LogEntry {
        at: "2026-11-03T10:00:00Z".into(),
        by: "A".into(),
        event: LogEvent::ConflictTaken,
        source: "reply.json".into(),
        subject: "SOV-1.2".into(),
        kept: Some(Answer {
            rung: Some(1),
            ..Answer::default()
        }),
        other: Some(Answer {
            unknown: true,
            ..Answer::default()
        }),
        why: "newer".into(),
    });
    a.secnumcloud.qualified_on = date("2025-01-15");
    a.secnumcloud.expires_on = date("2028-01-15");
    a.secnumcloud.certificate = "ANSSI-1".into();
    a.secnumcloud.criteria.insert(
        "SNC-19.4".into(),
        SncAnswer {
            status: None,
            note: "asked".into(),
        },
    );
    a.secnumcloud.criteria.insert(
        "SNC-19.2.b".into(),
        SncAnswer {
            status: Some(SncStatus::Met),
            note: String::new(),
        },
    );
    export_assessment(&a)
}

fn mutate(rng: &mut TestRng, doc: &str) -> Vec<u8> {
    let mut bytes = doc.as_bytes().to_vec();
    for _ in 0..rng.random_range(1..6) {
        let len = bytes.len();
        match rng.random_range(0..7) {
            // Flip a byte.
            0 if len > 0 => {
                let i = rng.random_range(0..len);
                bytes[i] = rng.random();
            }
            // Insert a token.
            1 => {
                let i = rng.random_range(0..=len);
                let t = TOKENS[rng.random_range(0..TOKENS.len())].as_bytes();
                bytes.splice(i..i, t.iter().copied());
            }
            // Delete a span.
            2 if len > 1 => {
                let i = rng.random_range(0..len);
                let j = (i + rng.random_range(1..32)).min(len);
                bytes.drain(i..j);
            }
            // Truncate.
            3 if len > 1 => bytes.truncate(rng.random_range(0..len)),
            // Duplicate a span (duplicate keys, repeated members).
            4 if len > 1 => {
                let i = rng.random_range(0..len);
                let j = (i + rng.random_range(1..64)).min(len);
                let span: Vec<u8> = bytes[i..j].to_vec();
                let k = rng.random_range(0..=bytes.len());
                bytes.splice(k..k, span);
            }
            // Deep nesting.
            5 => {
                let depth = rng.random_range(1..400);
                let i = rng.random_range(0..=len);
                let open = if rng.random() { b'[' } else { b'{' };
                bytes.splice(i..i, std::iter::repeat_n(open, depth));
            }
            _ => {}
        }
    }
    bytes
}

#[test]
fn parse_document_survives_mutated_and_hostile_input() {
    let (deadline, mut rng, _seed) = common::budget("fuzz", 5);
    let single = seed_document();
    let workspace = {
        let Document::Single(a) = parse_document(single.as_bytes()).unwrap() else {
            panic!("the seed is a single assessment");
        };
        let mut b = a.clone();
        b.id = "other".into();
        export_workspace(&[a, b])
    };
    let (mut runs, mut accepted) = (0u64, 0u64);
    while Instant::now() < deadline {
        let base = if rng.random() { &single } else { &workspace };
        let input = mutate(&mut rng, base);
        let replay = String::from_utf8_lossy(&input).into_owned();
        match parse_document(&input) {
            Ok(doc) => {
                accepted += 1;
                // Whatever is accepted re-exports and reads back the same.
                let again = match &doc {
                    Document::Single(a) => export_assessment(a),
                    Document::Workspace(v) => export_workspace(v),
                    Document::Questionnaire(q) => sovcheck_core::format::export_questionnaire(q),
                    Document::Response(r) => sovcheck_core::format::export_response(r),
                };
                let back = parse_document(again.as_bytes()).unwrap_or_else(|e| {
                    panic!("re-export of an accepted input fails: {e}\n{replay}")
                });
                assert_eq!(back, doc, "round trip changed the document:\n{replay}");
            }
            Err(e) => {
                for lang in Lang::ALL {
                    assert!(
                        !sovcheck_text::texts(lang)
                            .format_error(&e)
                            .trim()
                            .is_empty(),
                        "empty message for:\n{replay}"
                    );
                }
            }
        }
        runs += 1;
    }
    println!("fuzz: {runs} inputs, {accepted} accepted");
    assert!(runs > 100, "the fuzz loop ran only {runs} inputs");
}
