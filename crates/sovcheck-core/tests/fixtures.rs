//! Fixture documents evaluated against expectations computed by hand.
//!
//! Each `tests/fixtures/NAME.json` is a sovcheck document; `NAME.expect.json` holds the
//! expected figures and, under `"arithmetic"`, how they were computed from the calculator's
//! points and SEALs (DOMAIN.md §1.4, calculator.json). Points are compared in calculator
//! points (not hundredths), scores in percent, both with a tolerance of 1e-9.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::format::parse_document;
use sovcheck_core::model::{Aggregation, Assessment, Choice};
use sovcheck_core::{evaluate, Seal};
use std::path::PathBuf;

const TOLERANCE: f64 = 1e-9;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[track_caller]
fn load(name: &str) -> (Assessment, Value) {
    let dir = fixtures_dir();
    let doc = std::fs::read(dir.join(format!("{name}.json"))).unwrap();
    let mut list = parse_document(&doc)
        .unwrap_or_else(|e| {
            panic!(
                "{name}: {}",
                sovcheck_text::texts(sovcheck_core::Lang::En).format_error(&e)
            )
        })
        .into_assessments();
    assert_eq!(list.len(), 1, "{name} holds one assessment");
    let expect = std::fs::read(dir.join(format!("{name}.expect.json"))).unwrap();
    (list.remove(0), serde_json::from_slice(&expect).unwrap())
}

#[track_caller]
fn assert_close(what: &str, actual: f64, expected: &Value) {
    let e = expected
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expectation {expected} is not a number"));
    assert!((actual - e).abs() < TOLERANCE, "{what}: {actual} != {e}");
}

#[track_caller]
fn assert_seal(what: &str, lower: Seal, upper: Seal, expected: &Value) {
    let e = [expected[0].as_u64().unwrap(), expected[1].as_u64().unwrap()];
    assert_eq!(
        [u64::from(lower.level()), u64::from(upper.level())],
        e,
        "{what} SEAL"
    );
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

/// Checks every figure the expectation file states.
#[track_caller]
fn check(name: &str) -> Evaluation {
    let (a, x) = load(name);
    assert!(
        !x["arithmetic"].as_array().unwrap().is_empty(),
        "{name}: write the arithmetic down"
    );
    let ev = evaluate(&a, None);

    assert_seal(name, ev.seal.lower, ev.seal.upper, &x["seal"]);
    assert_close(
        &format!("{name} score lower"),
        ev.score.lower,
        &x["score"][0],
    );
    assert_close(
        &format!("{name} score upper"),
        ev.score.upper,
        &x["score"][1],
    );

    let calc_seal = ev.calculator.seal.map(|s| u64::from(s.level()));
    assert_eq!(
        calc_seal,
        x["calculator"]["seal"].as_u64(),
        "{name} calculator SEAL"
    );
    assert_close(
        &format!("{name} calculator score"),
        ev.calculator.score,
        &x["calculator"]["score"],
    );

    let objectives = x["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 8);
    for (r, o) in ev.objectives.iter().zip(objectives) {
        let what = format!("{name} {}", r.id);
        assert_eq!(r.id, o["id"].as_str().unwrap());
        assert_seal(&what, r.seal.lower, r.seal.upper, &o["seal"]);
        let (lo, hi) = r.centi_points;
        assert_close(
            &format!("{what} points lower"),
            lo as f64 / 100.0,
            &o["points"][0],
        );
        assert_close(
            &format!("{what} points upper"),
            hi as f64 / 100.0,
            &o["points"][1],
        );
        // The objective score is its points / 1000, in percent.
        assert_close(
            &format!("{what} score lower"),
            r.score.lower,
            &(o["points"][0].as_f64().unwrap() / 10.0).into(),
        );
        assert_close(
            &format!("{what} score upper"),
            r.score.upper,
            &(o["points"][1].as_f64().unwrap() / 10.0).into(),
        );
    }

    let binding: Vec<&str> = ev.binding.iter().map(|b| b.criterion).collect();
    assert_eq!(binding, strings(&x["binding"]), "{name} binding");
    let open: Vec<&str> = ev
        .binding
        .iter()
        .filter(|b| b.open)
        .map(|b| b.criterion)
        .collect();
    assert_eq!(open, strings(&x["bindingOpen"]), "{name} open binding");
    assert_eq!(
        ev.binding_overrides,
        strings(&x["bindingOverrides"]),
        "{name} binding overrides"
    );

    let counts = &x["counts"];
    assert_eq!(
        ev.answered as u64,
        counts["answered"].as_u64().unwrap(),
        "{name} answered"
    );
    assert_eq!(
        ev.unknown as u64,
        counts["unknown"].as_u64().unwrap(),
        "{name} unknown"
    );
    assert_eq!(
        ev.unanswered as u64,
        counts["unanswered"].as_u64().unwrap(),
        "{name} unanswered"
    );
    assert_eq!(
        ev.hints.len() as u64,
        x["hints"].as_u64().unwrap(),
        "{name} hints: {:?}",
        ev.hints
    );

    if let Some(gaps) = x.get("gaps") {
        let actual: Vec<(&str, Option<u8>)> = ev
            .gaps
            .iter()
            .map(|g| (g.criterion, g.least_rung))
            .collect();
        let expected: Vec<(&str, Option<u8>)> = gaps
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g[0].as_str().unwrap(),
                    g[1].as_u64().map(|n| u8::try_from(n).unwrap()),
                )
            })
            .collect();
        assert_eq!(actual, expected, "{name} gaps");
    }
    ev
}

#[test]
fn all_best_under_calculator_weights_scores_100_0756() {
    let ev = check("all-best-calculator");
    assert!(ev.binding.is_empty());
    assert_eq!(ev.seal.lower, Seal::MAX);
    assert!(ev.seal.is_exact());
}

#[test]
fn all_worst_under_framework_weights_is_seal_0_bound_by_every_seal_0_worst_rung() {
    let ev = check("all-worst-framework");
    // Cross-check the fixture's list against the content: exactly the criteria whose worst
    // rung grants SEAL-0.
    let expected: Vec<&str> = sovcheck_core::criteria()
        .filter(|c| c.worst().map(|r| r.seal) == Some(Seal::MIN))
        .map(|c| c.id)
        .collect();
    let binding: Vec<&str> = ev.binding.iter().map(|b| b.criterion).collect();
    assert_eq!(binding, expected);
}

#[test]
fn a_mixed_secnumcloud_iaas_with_unknowns_gives_exact_ranges() {
    let ev = check("mixed-secnumcloud-iaas");
    // The workbook's SEAL-1 lies inside our range: it is what one gets by ignoring the
    // open rows, not a bound.
    assert!(ev
        .calculator
        .seal
        .is_some_and(|s| s >= ev.seal.lower && s <= ev.seal.upper));
    // No date given, so no date warnings.
    assert!(ev.warnings.is_empty());
}

#[test]
fn an_expert_override_replaces_the_objective_with_level_over_4_times_1000_points() {
    let (a, _) = load("override-sov5");
    let ev = check("override-sov5");
    let sov5 = &ev.objectives[4];
    assert_eq!(sov5.overridden, Seal::new(2));
    assert_eq!(sov5.centi_points, (50_000, 50_000));
    assert!(sov5.open.is_empty());
    // The criteria are still answered: removing the override brings them back.
    let mut without = a.clone();
    without.overrides.clear();
    let ev = evaluate(&without, None);
    assert_eq!(ev.seal.lower, Seal::MIN);
    assert_eq!(
        ev.binding.iter().map(|b| b.criterion).collect::<Vec<_>>(),
        ["SOV-5.4"]
    );
}

#[test]
fn the_weighted_mean_reading_differs_from_the_weakest_link() {
    let (a, _) = load("weighted-mean");
    check("weighted-mean");
    let weakest = Assessment {
        aggregation: Aggregation::WeakestLink,
        ..a
    };
    let ev = evaluate(&weakest, None);
    assert_eq!(ev.seal.lower, Seal::MIN);
    assert_eq!(ev.seal.upper, Seal::MIN);
}

#[test]
fn custom_weights_weigh_the_score_but_not_the_seal() {
    let ev = check("custom-weights");
    assert_eq!(ev.weights, [40, 0, 30, 0, 0, 0, 0, 30]);
    assert_eq!(ev.objectives[1].weight, 0);
}

#[test]
fn every_fixture_document_has_an_expectation() {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        if let Some(name) = file
            .strip_suffix(".json")
            .filter(|n| !n.ends_with(".expect"))
        {
            assert!(
                fixtures_dir().join(format!("{name}.expect.json")).exists(),
                "{name} has no expectation"
            );
            names.push(name.to_owned());
        }
    }
    names.sort();
    assert_eq!(
        names,
        [
            "all-best-calculator",
            "all-worst-framework",
            "custom-weights",
            "mixed-secnumcloud-iaas",
            "override-sov5",
            "weighted-mean"
        ]
    );
}

#[test]
fn the_minimal_document_leaves_everything_but_sov_1_1_open() {
    let doc = br#"{"formatVersion": 1, "assessment": {"weights": "framework-v1.2.1", "answers": {"SOV-1.1": {"rung": 3}, "SOV-2.2": {"unknown": true}}}}"#;
    let a = parse_document(doc).unwrap().into_assessments().remove(0);
    assert_eq!(a.choice("SOV-1.1"), Choice::Rung(3));
    assert_eq!(a.choice("SOV-2.2"), Choice::Unknown);
    assert_eq!(a.choice("SOV-2.3"), Choice::Open);
    let ev = evaluate(&a, None);
    // 125.01 / 1000 × 15 = 1.87515; upper: every objective at its maximum, / 1000 × weight:
    // 15.00045 + 10.02 + 10 + 15.03 + 20.02 + 15 + 10.01 + 5 = 100.08045.
    assert!((ev.score.lower - 1.875_15).abs() < TOLERANCE);
    assert!((ev.score.upper - 100.080_45).abs() < TOLERANCE);
    assert_eq!((ev.answered, ev.unknown, ev.unanswered), (1, 1, 46));
}
