//! Properties of the evaluation and of the format, over random assessments.
//!
//! Assessments are drawn as: for each of the 48 criteria, no answer (open), "unknown", or a
//! random valid rung; a random weight profile (framework, calculator or custom weights
//! summing to 100) and aggregation. Case counts are modest so the suite stays fast.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::format::{export_assessment, parse_document, Document};
use sovcheck_core::model::{
    Aggregation, Answer, Assessment, Date, EvidenceLevel, Override, Weights,
};
use sovcheck_core::verdict::{verdict, LowEnd, TargetVerdict};
use sovcheck_core::{criteria, criterion, evaluate, Seal};

const CASES: u32 = 256;

/// Per criterion: 0 = open, 1 = unknown, 2 = a rung (the byte picks which).
type Draw = Vec<(u8, u8)>;

fn rung_count(index: usize) -> u8 {
    let c = criteria().nth(index).unwrap();
    u8::try_from(c.rungs.len()).unwrap()
}

fn criterion_id(index: usize) -> &'static str {
    criteria().nth(index).unwrap().id
}

/// Eight whole weights summing to 100, from seven cut points in 0..=100.
fn custom_weights() -> impl Strategy<Value = Weights> {
    proptest::collection::vec(0u32..=100, 7).prop_map(|mut cuts| {
        cuts.sort_unstable();
        let mut w = [0u32; 8];
        let mut previous = 0;
        for (slot, cut) in w.iter_mut().zip(cuts.iter().copied().chain([100])) {
            *slot = cut - previous;
            previous = cut;
        }
        Weights::Custom(w)
    })
}

fn weights() -> impl Strategy<Value = Weights> {
    prop_oneof![
        Just(Weights::Framework),
        Just(Weights::Calculator),
        custom_weights()
    ]
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::WeakestLink),
        Just(Aggregation::WeightedMean)
    ]
}

fn set_answer(a: &mut Assessment, index: usize, kind: u8, pick: u8) {
    let id = criterion_id(index).to_owned();
    match kind % 3 {
        0 => {
            a.answers.remove(&id);
        }
        1 => {
            a.answers.insert(
                id,
                Answer {
                    unknown: true,
                    ..Answer::default()
                },
            );
        }
        _ => {
            let rung = pick % rung_count(index);
            a.answers.insert(
                id,
                Answer {
                    rung: Some(rung),
                    ..Answer::default()
                },
            );
        }
    }
}

fn build(draw: &Draw, weights: Weights, aggregation: Aggregation) -> Assessment {
    let mut a = Assessment {
        weights,
        aggregation,
        ..Assessment::default()
    };
    for (i, (kind, pick)) in draw.iter().enumerate() {
        set_answer(&mut a, i, *kind, *pick);
    }
    a
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        proptest::collection::vec((0u8..3, any::<u8>()), 48),
        weights(),
        aggregation(),
    )
        .prop_map(|(draw, w, agg)| build(&draw, w, agg))
}

/// An assessment with free text, evidence, dates and overrides too, for round trips.
fn rich_assessment() -> impl Strategy<Value = Assessment> {
    // Any char, control characters and astral planes included: JSON must escape them.
    let text = || proptest::collection::vec(any::<char>(), 0..16).prop_map(String::from_iter);
    let extras = proptest::collection::vec((0usize..48, text(), text(), 0u8..5, 0u16..3000), 0..12);
    let overrides = proptest::collection::vec((0u8..8, 0u8..5, "[A-Za-z][A-Za-z ]{0,20}"), 0..3);
    (assessment(), extras, overrides, text(), text()).prop_map(
        |(mut a, extras, overrides, provider, id)| {
            for (i, note, source, level, days) in extras {
                if let Some(ans) = a.answers.get_mut(criterion_id(i)) {
                    ans.note = note;
                    ans.source = source;
                    ans.evidence_level = EvidenceLevel::ALL.get(usize::from(level)).copied();
                    ans.valid_until = (days % 2 == 0)
                        .then(|| Date::from_unix_days(20_000 + i64::from(days)).unwrap());
                }
            }
            for (objective, level, justification) in overrides {
                a.overrides.insert(
                    format!("SOV-{}", objective + 1),
                    Override {
                        level: Seal::new(level % 5).unwrap(),
                        justification,
                    },
                );
            }
            a.meta.provider = provider;
            a.id = id;
            a
        },
    )
}

/// A rich assessment with a random target SEAL (or none).
fn targeted() -> impl Strategy<Value = Assessment> {
    (rich_assessment(), 0u8..6).prop_map(|(mut a, t)| {
        a.meta.target_seal = Seal::new(t);
        a
    })
}

/// `a` with every criterion of `best` answered at its best rung and every one of `worst` at
/// its worst (rung 0).
fn scenario(a: &Assessment, best: &[&str], worst: &[&str]) -> Assessment {
    let mut s = a.clone();
    for id in best {
        let top = u8::try_from(criterion(id).unwrap().rungs.len() - 1).unwrap();
        s.answers.insert(
            (*id).to_owned(),
            Answer {
                rung: Some(top),
                ..Answer::default()
            },
        );
    }
    for id in worst {
        s.answers.insert(
            (*id).to_owned(),
            Answer {
                rung: Some(0),
                ..Answer::default()
            },
        );
    }
    s
}

fn seal_within(inner: (Seal, Seal), outer: (Seal, Seal)) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

fn ranges(ev: &Evaluation) -> ((Seal, Seal), (f64, f64)) {
    (
        (ev.seal.lower, ev.seal.upper),
        (ev.score.lower, ev.score.upper),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn improving_one_answer_by_one_rung_never_lowers_the_lower_bounds(
        a in assessment(), index in 0usize..48, pick in any::<u8>()
    ) {
        let mut before = a;
        let rung = pick % (rung_count(index) - 1);
        let id = criterion_id(index).to_owned();
        before.answers.insert(id.clone(), Answer { rung: Some(rung), ..Answer::default() });
        let mut after = before.clone();
        after.answers.insert(id, Answer { rung: Some(rung + 1), ..Answer::default() });
        let (b, a) = (evaluate(&before, None), evaluate(&after, None));
        prop_assert!(a.score.lower >= b.score.lower, "{} < {}", a.score.lower, b.score.lower);
        prop_assert!(a.seal.lower >= b.seal.lower);
        prop_assert!(a.calculator.score >= b.calculator.score);
    }

    #[test]
    fn resolving_an_open_answer_never_widens_the_ranges(
        a in assessment(), index in 0usize..48, pick in any::<u8>(), unknown in any::<bool>()
    ) {
        let mut before = a;
        set_answer(&mut before, index, u8::from(unknown), 0);
        let mut after = before.clone();
        set_answer(&mut after, index, 2, pick);
        let (b, a) = (evaluate(&before, None), evaluate(&after, None));
        let ((bs, bscore), (as_, ascore)) = (ranges(&b), ranges(&a));
        prop_assert!(seal_within(as_, bs), "{as_:?} not within {bs:?}");
        prop_assert!(bscore.0 <= ascore.0 && ascore.1 <= bscore.1, "{ascore:?} not within {bscore:?}");
        for (ro, rb) in a.objectives.iter().zip(&b.objectives) {
            prop_assert!(seal_within((ro.seal.lower, ro.seal.upper), (rb.seal.lower, rb.seal.upper)));
        }
    }

    #[test]
    fn an_inert_criterion_never_moves_the_seal(
        a in assessment(), which in any::<prop::sample::Index>(), kind in 0u8..3, pick in any::<u8>()
    ) {
        let inert: Vec<usize> = criteria().enumerate().filter(|(_, c)| c.inert).map(|(i, _)| i).collect();
        let index = inert[which.index(inert.len())];
        let mut changed = a.clone();
        set_answer(&mut changed, index, kind, pick);
        let (b, c) = (evaluate(&a, None), evaluate(&changed, None));
        prop_assert_eq!(b.seal, c.seal);
        prop_assert_eq!(b.binding, c.binding);
        for (x, y) in b.objectives.iter().zip(&c.objectives) {
            prop_assert_eq!(x.seal, y.seal);
        }
    }

    #[test]
    fn lower_bounds_never_exceed_upper_bounds(a in rich_assessment()) {
        let ev = evaluate(&a, None);
        prop_assert!(ev.seal.lower <= ev.seal.upper);
        prop_assert!(ev.score.lower <= ev.score.upper);
        for r in &ev.objectives {
            prop_assert!(r.seal.lower <= r.seal.upper);
            prop_assert!(r.centi_points.0 <= r.centi_points.1);
            prop_assert!(r.score.lower <= r.score.upper);
        }
        // The workbook's score counts open rows as 0 points: it is the lower bound, unless
        // an override replaced an objective's points.
        if a.overrides.is_empty() {
            prop_assert!((ev.calculator.score - ev.score.lower).abs() < 1e-9);
        }
    }

    #[test]
    fn export_then_parse_is_the_identity(a in rich_assessment()) {
        let text = export_assessment(&a);
        prop_assert_eq!(parse_document(text.as_bytes()), Ok(Document::Single(a)));
    }

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_document(&bytes);
    }

    #[test]
    fn parse_never_panics_on_mangled_exports(
        a in rich_assessment(),
        edits in proptest::collection::vec((0u8..4, any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..6),
    ) {
        const JSONISH: &[u8] = br#"{}[]":,0123456789-.eE truefalsnul\SOV-_"#;
        let mut bytes = export_assessment(&a).into_bytes();
        for (op, at, what) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at.index(bytes.len());
            let byte = JSONISH[what.index(JSONISH.len())];
            match op {
                0 => bytes.truncate(at),
                1 => bytes[at] = byte,
                2 => bytes.insert(at, byte),
                _ => {
                    let end = (at + what.index(16) + 1).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
        }
        // Whatever is accepted is a real assessment: it evaluates and round-trips.
        if let Ok(doc) = parse_document(&bytes) {
            for a in doc.into_assessments() {
                let _ = evaluate(&a, Date::new(2026, 11, 22));
                let text = export_assessment(&a);
                prop_assert_eq!(parse_document(text.as_bytes()), Ok(Document::Single(a)));
            }
        }
    }

    #[test]
    fn the_target_verdict_follows_the_bounds(a in targeted()) {
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        prop_assert_eq!(v.target.is_some(), a.meta.target_seal.is_some());
        if let Some(target) = v.target {
            let t = target.seal;
            prop_assert_eq!(matches!(target.verdict, TargetVerdict::Met), ev.seal.lower >= t);
            prop_assert_eq!(matches!(target.verdict, TargetVerdict::NotMet), ev.seal.upper < t);
            if let TargetVerdict::Undecided { deciding } = &target.verdict {
                prop_assert!(!deciding.is_empty());
            }
        }
    }

    #[test]
    fn the_least_answers_meet_the_target(a in targeted()) {
        // Exactly what it takes under the weakest link; a sufficient set under the weighted
        // mean. Either way, answering them so meets the target whatever the other open
        // answers turn out to be.
        let v = verdict(&a, &evaluate(&a, None));
        let Some(target) = v.target else { return Ok(()) };
        if let TargetVerdict::Undecided { .. } = target.verdict {
            let mut met = a.clone();
            for (id, rung) in target.verdict.least_answers() {
                met.answers.insert(id.to_owned(), Answer { rung: Some(rung), ..Answer::default() });
            }
            let after = evaluate(&met, None);
            prop_assert!(after.seal.lower >= target.seal, "{:?} < {:?}", after.seal, target.seal);
            prop_assert_eq!(verdict(&met, &after).target.map(|t| t.verdict), Some(TargetVerdict::Met));
        }
    }

    #[test]
    fn nothing_caps_the_best_case_exactly_when_it_is_seal_4(a in targeted()) {
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        prop_assert_eq!(v.capped_by.is_empty(), ev.seal.upper == Seal::MAX);
        for cap in &v.capped_by {
            prop_assert!(cap.seal() < Seal::MAX);
            prop_assert!(v.binds_upper(cap.id()));
        }
    }

    #[test]
    fn alone_worst_and_the_low_end_are_what_re_evaluating_the_scenario_gives(a in targeted()) {
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        let open: Vec<&str> = v.open.iter().map(|o| o.criterion).collect();
        for o in &v.open {
            let others: Vec<&str> = open.iter().copied().filter(|id| *id != o.criterion).collect();
            let s = evaluate(&scenario(&a, &others, &[o.criterion]), None);
            prop_assert_eq!(s.seal, sovcheck_core::SealRange::exact(o.alone_worst), "{}", o.criterion);
        }
        prop_assert_eq!(v.low_end == LowEnd::Exact, ev.seal.is_exact());
        if let LowEnd::Together(set) = &v.low_end {
            prop_assert!(!set.is_empty());
            prop_assert_eq!(a.aggregation, Aggregation::WeightedMean);
            let others: Vec<&str> = open.iter().copied().filter(|id| !set.contains(id)).collect();
            let s = evaluate(&scenario(&a, &others, set), None);
            prop_assert_eq!(s.seal, sovcheck_core::SealRange::exact(ev.seal.lower));
        }
        if let LowEnd::Any(set) = &v.low_end {
            prop_assert!(!set.is_empty());
            for id in set {
                prop_assert!(v.binds_lower(id));
            }
        }
    }
}
