//! The format's fuzz target, run for a bounded time on stable Rust (cargo-fuzz needs
//! nightly): mutated exports and hostile shapes go through `parse_document`, which must never
//! panic, must answer every error in both languages (without a word of the parser's
//! English), and must read back whatever it accepts identically after a re-export. The
//! inputs include the same exports in UTF-16 and Latin-1, and encrypted envelopes. A second
//! target merges random edits of two tabs (`sync::merge`): never a panic, always a valid
//! document, theirs on every conflict, and ours back with `take`.
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
use sovcheck_core::edit::{
    DueDiligenceEdit, EvidenceEdit, MetaEdit, PlanEdit, SignOffEdit, SncEdit,
};
use sovcheck_core::format::{export_assessment, export_workspace, parse_document, Document};
use sovcheck_core::model::Choice;
use sovcheck_core::model::{
    Answer, Assessment, Date, LogEntry, LogEvent, Override, PlanItem, PlanStatus, Provenance, Role,
    ServiceModel, SncAnswer, SncStatus,
};
use sovcheck_core::sync::{merge, take, value};
use sovcheck_core::Edit;
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

/// The seed in another encoding than UTF-8 (the parse names it, however mutated after).
fn other_encodings(doc: &str) -> Vec<Vec<u8>> {
    let utf16 = |big: bool, bom: bool| {
        let mut out: Vec<u8> = match (bom, big) {
            (false, _) => Vec::new(),
            (true, true) => vec![0xFE, 0xFF],
            (true, false) => vec![0xFF, 0xFE],
        };
        for u in doc.encode_utf16() {
            out.extend_from_slice(&if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    };
    // Latin-1 where it can be (the seed's accents), '?' elsewhere.
    let latin1: Vec<u8> = doc
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    vec![
        utf16(false, true),
        utf16(true, true),
        utf16(false, false),
        latin1,
    ]
}

/// An encrypted envelope, as the app writes it (its data is not decrypted here).
const ENVELOPE: &str = r#"{"sovcheckEncrypted": 1, "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "c2FsdHNhbHRzYWx0c2FsdA=="}, "cipher": {"name": "AES-GCM", "iv": "aXZpdml2aXZpdml2"}, "data": "AAECAwQFBgcICQoLDA0ODw=="}"#;

/// English words of serde_json's and serde's messages, which must never reach a user.
const PARSER_ENGLISH: &[&str] = &[
    "hex escape",
    "surrogate",
    "EOF while",
    "invalid type",
    "invalid value",
    "expected `",
    "recursion limit",
    "trailing",
];

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
    let encoded = other_encodings(&single);
    let (mut runs, mut accepted) = (0u64, 0u64);
    while Instant::now() < deadline {
        let input = match rng.random_range(0..10) {
            0 => {
                // Another encoding, perhaps cut or with a byte changed.
                let mut b = encoded[rng.random_range(0..encoded.len())].clone();
                if rng.random() && b.len() > 1 {
                    let i = rng.random_range(0..b.len());
                    b[i] = rng.random();
                }
                if rng.random() {
                    b.truncate(rng.random_range(1..=b.len()));
                }
                b
            }
            1 => mutate(&mut rng, ENVELOPE),
            2..=5 => mutate(&mut rng, &single),
            _ => mutate(&mut rng, &workspace),
        };
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
                    let message = sovcheck_text::texts(lang).format_error(&e);
                    assert!(!message.trim().is_empty(), "empty message for:\n{replay}");
                    if lang != Lang::En {
                        for english in PARSER_ENGLISH {
                            assert!(
                                !message.contains(english),
                                "{english:?} in {message:?} for:\n{replay}"
                            );
                        }
                    }
                }
            }
        }
        runs += 1;
    }
    println!("fuzz: {runs} inputs, {accepted} accepted");
    assert!(runs > 100, "the fuzz loop ran only {runs} inputs");
}

/// A random edit of the kinds two tabs make, on real ids.
fn random_edit(rng: &mut TestRng) -> Edit {
    let all: Vec<&str> = criteria().map(|c| c.id).collect();
    let criterion = all[rng.random_range(0..all.len())].to_owned();
    let text = |rng: &mut TestRng| {
        ["", "a", "b", "note \u{202e}x", "c"][rng.random_range(0..5)].to_owned()
    };
    let objective = format!("SOV-{}", rng.random_range(1..=8));
    let snc: Vec<&str> = sovcheck_core::content::secnumcloud::criteria()
        .map(|c| c.id)
        .collect();
    let requirement = snc[rng.random_range(0..snc.len())].to_owned();
    match rng.random_range(0..12) {
        0 => Edit::Choose(
            criterion,
            match rng.random_range(0..3) {
                0 => Choice::Open,
                1 => Choice::Unknown,
                _ => Choice::Rung(rng.random_range(0..4)),
            },
        ),
        1 => Edit::Evidence(criterion, EvidenceEdit::Note(text(rng))),
        2 => Edit::Evidence(criterion, EvidenceEdit::Source(text(rng))),
        3 => Edit::Meta(MetaEdit::Provider(text(rng))),
        4 => Edit::Meta(MetaEdit::ServiceModels(
            ServiceModel::ALL[rng.random_range(0..4)],
            rng.random(),
        )),
        5 => Edit::Snc(SncEdit::Criterion(
            requirement,
            [None, Some(SncStatus::Met), Some(SncStatus::NotMet)][rng.random_range(0..3)],
        )),
        6 => Edit::Snc(SncEdit::Note(requirement, text(rng))),
        7 => Edit::SignOff(if rng.random() {
            SignOffEdit::AddApprover
        } else {
            SignOffEdit::ApproverName(rng.random_range(0..3), text(rng))
        }),
        8 => Edit::Override(
            objective,
            rng.random::<bool>().then(|| Override {
                level: Seal::new(rng.random_range(0..5)).unwrap(),
                justification: text(rng),
            }),
        ),
        9 => Edit::DueDiligence(
            format!("q{}", rng.random_range(1..=8)),
            DueDiligenceEdit::Answer(text(rng)),
        ),
        10 => Edit::Plan(criterion, PlanEdit::Owner(text(rng))),
        _ => Edit::Meta(MetaEdit::Offer(text(rng))),
    }
}

#[test]
fn merges_of_two_tabs_edits_stay_valid_and_lose_nothing() {
    let (deadline, mut rng, _seed) = common::budget("fuzz-merge", 2);
    let Document::Single(seed) = parse_document(seed_document().as_bytes()).unwrap() else {
        panic!("the seed is a single assessment");
    };
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let mut base = seed.clone();
        for _ in 0..rng.random_range(0..5) {
            base.apply(random_edit(&mut rng));
        }
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for _ in 0..rng.random_range(0..6) {
            ours.apply(random_edit(&mut rng));
        }
        for _ in 0..rng.random_range(0..6) {
            theirs.apply(random_edit(&mut rng));
        }
        let m = merge(&base, &ours, &theirs);
        // A valid document, read back identically.
        let text = export_assessment(&m.assessment);
        let back = parse_document(text.as_bytes())
            .unwrap_or_else(|e| panic!("merged document refused: {e}\n{text}"));
        assert_eq!(back, Document::Single(m.assessment.clone()));
        // Theirs on every conflict; ours, once taken back, on every one.
        let mut mine = m.assessment.clone();
        for f in &m.conflicts {
            assert_eq!(value(&m.assessment, f), value(&theirs, f), "{f:?}");
            assert_ne!(value(&ours, f), value(&theirs, f), "{f:?}");
            take(&mut mine, &ours, f);
            assert_eq!(value(&mine, f), value(&ours, f), "{f:?}");
        }
        // Without conflicts the order of the two tabs does not matter.
        if m.conflicts.is_empty() {
            assert_eq!(merge(&base, &theirs, &ours).assessment, m.assessment);
        }
        // A side that changed nothing gives the other.
        assert_eq!(merge(&base, &base, &theirs).assessment, theirs);
        assert_eq!(merge(&base, &ours, &base).assessment, ours);
        runs += 1;
    }
    println!("fuzz-merge: {runs} merges");
    assert!(runs > 100, "the merge loop ran only {runs} merges");
}
