//! The verdict (`verdict.rs`): what each end of the range rests on, the target, the plan.
//!
//! Every case is worked by hand from the rungs in `content/objectives/*.json` (points in
//! hundredths, "centi-points", and the SEAL each rung grants); the arithmetic is in the
//! comments. Framework weights unless said otherwise: SOV-1..8 = 15/10/10/15/20/15/10/5.
//! Scores at stake are centi-points × weight percent.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_core::model::{Aggregation, Answer, Assessment, EvidenceLevel, Override, Weights};
use sovcheck_core::verdict::{
    plan, verdict, Cap, Decider, LowEnd, PlanEntry, PlanKind, TargetVerdict, Verdict,
};
use sovcheck_core::{criteria, criterion, evaluate, Seal, SealRange};

fn seal(n: u8) -> Seal {
    Seal::new(n).unwrap()
}

fn rung(r: u8) -> Answer {
    Answer {
        rung: Some(r),
        ..Answer::default()
    }
}

fn unknown() -> Answer {
    Answer {
        unknown: true,
        ..Answer::default()
    }
}

fn declared(r: u8) -> Answer {
    Answer {
        rung: Some(r),
        evidence_level: Some(EvidenceLevel::Declared),
        ..Answer::default()
    }
}

/// Every criterion at its best rung (SEAL-4 each), then `changes` (`None` removes the
/// answer: unanswered).
fn all_best_but(changes: &[(&str, Option<Answer>)]) -> Assessment {
    let mut a = Assessment::default();
    for c in criteria() {
        a.answers.insert(
            c.id.to_owned(),
            rung(u8::try_from(c.rungs.len() - 1).unwrap()),
        );
    }
    for (id, answer) in changes {
        assert!(criterion(id).is_some(), "{id}");
        match answer {
            Some(x) => a.answers.insert((*id).to_owned(), x.clone()),
            None => a.answers.remove(*id),
        };
    }
    a
}

fn with_target(mut a: Assessment, target: u8) -> Assessment {
    a.meta.target_seal = Some(seal(target));
    a
}

fn override_of(a: &mut Assessment, objective: &str, level: u8) {
    a.overrides.insert(
        objective.to_owned(),
        Override {
            level: seal(level),
            justification: "Expert view".to_owned(),
        },
    );
}

fn judge(a: &Assessment) -> Verdict {
    verdict(a, &evaluate(a, None))
}

fn answer_cap(criterion: &'static str, rung: u8, level: u8) -> Cap {
    Cap::Answer {
        criterion,
        rung,
        seal: seal(level),
    }
}

fn ids(entries: &[PlanEntry]) -> Vec<&'static str> {
    entries.iter().map(|e| e.id).collect()
}

/// `(id, SEAL at stake, score at stake)` per entry.
fn keys(entries: &[PlanEntry]) -> Vec<(&'static str, u8, u64)> {
    entries
        .iter()
        .map(|e| (e.id, e.seal_at_stake, e.score_at_stake))
        .collect()
}

/// The board trial's S3NS assessment (trial-ux-2026-12 §1): 27 answers, 21 "I don't know",
/// target SEAL-3. Eight of the unknowns have a worst rung granting SEAL-0; the other 13
/// have a worst rung at SEAL-1 or SEAL-2. SOV-5.5 at rung 1 and SOV-7.7 at rung 3 both
/// grant SEAL-1; every other answer grants SEAL-3 or SEAL-4.
fn trial() -> Assessment {
    const UNKNOWN_AT_SEAL_0: [&str; 8] = [
        "SOV-1.8", "SOV-2.4", "SOV-3.1", "SOV-3.2", "SOV-3.3", "SOV-4.5", "SOV-7.4", "SOV-8.2",
    ];
    const UNKNOWN_ABOVE_0: [&str; 13] = [
        "SOV-1.1", "SOV-1.3", "SOV-2.1", "SOV-2.2", "SOV-3.5", "SOV-4.1", "SOV-4.2", "SOV-5.1",
        "SOV-5.2", "SOV-6.3", "SOV-6.4", "SOV-7.1", "SOV-8.1",
    ];
    let mut changes: Vec<(&str, Option<Answer>)> = UNKNOWN_AT_SEAL_0
        .iter()
        .chain(&UNKNOWN_ABOVE_0)
        .map(|id| (*id, Some(unknown())))
        .collect();
    changes.extend([
        // Rung 1 of SOV-5.5 (35.75 points) grants SEAL-1; the provider's word only.
        ("SOV-5.5", Some(declared(1))),
        // Rung 3 of SOV-7.7 (107.25 points) still grants SEAL-1: only rung 4 grants more.
        ("SOV-7.7", Some(rung(3))),
        // SEAL-3 answers: at the target, not below it.
        ("SOV-5.6", Some(rung(3))),
        ("SOV-2.6", Some(rung(2))),
        // The best rung (SEAL-4, 200 points), on the provider's word only.
        ("SOV-3.4", Some(declared(4))),
    ]);
    with_target(all_best_but(&changes), 3)
}

#[test]
fn the_trial_range_comes_from_eight_unknowns_and_two_answers_cap_it_at_seal_1() {
    let a = trial();
    let ev = evaluate(&a, None);
    assert_eq!((ev.answered, ev.unknown, ev.unanswered), (27, 21, 0));
    let v = verdict(&a, &ev);
    // Lower: the eight unknowns' worst rungs grant SEAL-0. Upper: the unknowns' best rungs
    // grant SEAL-4, so the answers decide: min(SEAL-1 (5.5), SEAL-1 (7.7), 3, 3, 4...) = 1.
    assert_eq!(
        v.seal,
        SealRange {
            lower: seal(0),
            upper: seal(1)
        }
    );
    // Weakest link: alone_worst = min(U, worst) = min(1, 0) = 0 = L for exactly those eight.
    assert_eq!(
        v.low_end,
        LowEnd::Any(vec![
            "SOV-1.8", "SOV-2.4", "SOV-3.1", "SOV-3.2", "SOV-3.3", "SOV-4.5", "SOV-7.4", "SOV-8.2"
        ])
    );
    assert_eq!(v.low_end.id(), "any");
    // The other 13 unknowns: min(1, worst ≥ 1) = 1, the upper bound.
    assert_eq!(v.open.len(), 21);
    for o in &v.open {
        assert!(o.unknown);
        assert_eq!(o.best, seal(4));
        assert_eq!(o.alone_worst, o.worst.min(seal(1)), "{}", o.criterion);
    }
    assert_eq!(
        v.capped_by,
        [answer_cap("SOV-5.5", 1, 1), answer_cap("SOV-7.7", 3, 1)]
    );
    // Upper bound SEAL-1 < target SEAL-3: not met even at best.
    let target = v.target.as_ref().unwrap();
    assert_eq!(target.seal, seal(3));
    assert_eq!(target.verdict, TargetVerdict::NotMet);
    assert_eq!(target.verdict.id(), "not-met");
    assert!(target.verdict.deciding().is_empty());
    // The answer table: the eight unknowns bind the low end, the two answers the high end.
    assert!(v.binds_lower("SOV-4.5") && !v.binds_upper("SOV-4.5"));
    assert!(v.binds_upper("SOV-5.5") && v.binds_upper("SOV-7.7"));
    assert!(!v.binds_lower("SOV-5.5") && !v.binds_lower("SOV-1.1"));
    assert!(!v.binds_upper("SOV-5.6") && !v.binds_lower("SOV-5.6"));
    assert!(v.lower_set_by.is_empty());
}

#[test]
fn the_trial_plan_asks_the_unknowns_and_the_declarations_first_by_seal_then_score() {
    let a = trial();
    let p = plan(&a, &evaluate(&a, None));
    // Open: SEAL at stake = 4 − worst SEAL; score at stake = best rung's centi-points (the
    // worst rung has 0) × weight. Declared only: its SEAL − worst SEAL, its centi-points ×
    // weight.
    assert_eq!(
        keys(&p.ask),
        [
            // Four levels at stake.
            ("SOV-4.5", 4, 16_700 * 15), // 250,500
            ("SOV-3.1", 4, 20_000 * 10), // 200,000: ties in criterion order
            ("SOV-3.2", 4, 20_000 * 10),
            ("SOV-3.3", 4, 20_000 * 10),
            ("SOV-3.4", 4, 20_000 * 10), // declared: rung 4 (SEAL-4) − rung 0 (SEAL-0)
            ("SOV-1.8", 4, 12_500 * 15), // 187,500
            ("SOV-2.4", 4, 16_700 * 10), // 167,000
            ("SOV-7.4", 4, 14_300 * 10), // 143,000
            ("SOV-8.2", 4, 25_000 * 5),  // 125,000
            // Three (worst rung SEAL-1).
            ("SOV-5.1", 3, 14_300 * 20), // 286,000
            ("SOV-5.2", 3, 14_300 * 20),
            ("SOV-4.1", 3, 16_700 * 15), // 250,500
            ("SOV-4.2", 3, 16_700 * 15),
            ("SOV-1.1", 3, 12_501 * 15), // 187,515
            ("SOV-2.1", 3, 16_700 * 10), // 167,000
            ("SOV-2.2", 3, 16_700 * 10),
            ("SOV-7.1", 3, 14_300 * 10), // 143,000
            ("SOV-8.1", 3, 25_000 * 5),  // 125,000
            // Two (worst rung SEAL-2).
            ("SOV-6.3", 2, 20_000 * 15), // 300,000
            ("SOV-6.4", 2, 20_000 * 15),
            ("SOV-3.5", 2, 20_000 * 10), // 200,000
            ("SOV-1.3", 2, 12_501 * 15), // 187,515
            // SOV-5.5 declared at rung 1: SEAL-1 − SEAL-1 (its worst) = 0; 3,575 × 20.
            ("SOV-5.5", 0, 3_575 * 20),
        ]
    );
    assert_eq!(p.ask[0].kind, PlanKind::Open { unknown: true });
    assert_eq!(p.ask[4].kind, PlanKind::DeclaredOnly { rung: 4 });
    assert_eq!(p.ask[4].kind.id(), "declared-only");
    // Below target SEAL-3: SEAL gain = 3 − 1 = 2 for both; score gain = (least rung
    // reaching SEAL-3 − its rung) × weight: SOV-5.5 rung 2 (7,150) − rung 1 (3,575) = 3,575
    // × 20 = 71,500; SOV-7.7 rung 4 (14,300) − rung 3 (10,725) = 3,575 × 10 = 35,750.
    assert_eq!(
        keys(&p.change),
        [("SOV-5.5", 2, 71_500), ("SOV-7.7", 2, 35_750)]
    );
    assert_eq!(
        p.change[1].kind,
        PlanKind::BelowTarget {
            rung: 3,
            least_rung: Some(4)
        }
    );
    assert_eq!(p.change[1].kind.id(), "below-target");
    // 35,750 / 100,000 = 0.3575 percentage points of the score.
    assert!((p.change[1].score_percent() - 0.3575).abs() < 1e-12);
}

#[test]
fn an_exact_result_has_no_low_end_and_its_answers_bind_both_ends() {
    // SOV-2.6 rung 0 and SOV-6.4 rung 2 grant SEAL-3; everything else SEAL-4.
    let a = with_target(
        all_best_but(&[("SOV-2.6", Some(rung(0))), ("SOV-6.4", Some(rung(2)))]),
        3,
    );
    let v = judge(&a);
    assert_eq!(v.seal, SealRange::exact(seal(3)));
    assert_eq!(v.low_end, LowEnd::Exact);
    assert_eq!(v.low_end.id(), "exact");
    assert!(v.open.is_empty());
    assert_eq!(
        v.capped_by,
        [answer_cap("SOV-2.6", 0, 3), answer_cap("SOV-6.4", 2, 3)]
    );
    // Weakest link: they set the lower bound too.
    assert_eq!(v.lower_set_by, ["SOV-2.6", "SOV-6.4"]);
    assert!(v.binds_lower("SOV-2.6") && v.binds_upper("SOV-2.6"));
    // L = 3 ≥ target 3.
    assert_eq!(v.target.as_ref().unwrap().verdict, TargetVerdict::Met);
    assert_eq!(v.target.unwrap().verdict.id(), "met");
    let p = plan(&a, &evaluate(&a, None));
    assert!(p.ask.is_empty() && p.change.is_empty());

    // Target SEAL-4: not met; both answers are below it, one level each. Score gains:
    // SOV-6.4 rung 4 (20,000) − rung 2 (10,000) = 10,000 × 15 = 150,000; SOV-2.6 rung 3
    // (12,525, the least granting SEAL-4) − rung 0 (0) = 12,525 × 10 = 125,250.
    let a = with_target(a, 4);
    assert_eq!(judge(&a).target.unwrap().verdict, TargetVerdict::NotMet);
    let p = plan(&a, &evaluate(&a, None));
    assert_eq!(
        keys(&p.change),
        [("SOV-6.4", 1, 150_000), ("SOV-2.6", 1, 125_250)]
    );
}

#[test]
fn a_seal_4_best_case_caps_nothing() {
    let v = judge(&Assessment::default());
    // Nothing answered: L = 0 (15 criteria have a worst rung at SEAL-0), U = 4.
    assert_eq!(
        v.seal,
        SealRange {
            lower: seal(0),
            upper: seal(4)
        }
    );
    assert!(v.capped_by.is_empty());
    assert_eq!(v.open.len(), 48);
    assert_eq!(v.low_end.criteria().len(), 15);
    assert!(v.target.is_none());
    // Everything at its best: exact SEAL-4, nothing binds.
    let v = judge(&all_best_but(&[]));
    assert_eq!(v.seal, SealRange::exact(seal(4)));
    assert!(v.capped_by.is_empty() && v.lower_set_by.is_empty());
    assert_eq!(v.low_end, LowEnd::Exact);
}

#[test]
fn an_undecided_target_names_the_deciding_criteria_and_their_least_rungs() {
    // Open: SOV-1.3 (rungs 2,2,3,4), SOV-2.2 (1,1,1,2,4), SOV-3.4 (0,0,1,1,4), SOV-6.3
    // (2,2,3,4,4), SOV-2.6 (3,3,3,4,4). L = 0 (SOV-3.4), U = 4. Target 3.
    let a = with_target(
        all_best_but(&[
            ("SOV-1.3", Some(unknown())),
            ("SOV-2.2", None),
            ("SOV-2.6", None),
            ("SOV-3.4", Some(unknown())),
            ("SOV-6.3", Some(unknown())),
        ]),
        3,
    );
    let v = judge(&a);
    assert_eq!(v.low_end, LowEnd::Any(vec!["SOV-3.4"]));
    assert!(v.capped_by.is_empty());
    let target = v.target.unwrap();
    assert_eq!(target.verdict.id(), "undecided");
    // Worst rung below SEAL-3: all but SOV-2.6 (worst SEAL-3). Least rung reaching SEAL-3:
    // SOV-1.3 rung 2, SOV-2.2 rung 4, SOV-3.4 rung 4, SOV-6.3 rung 2.
    let d = |criterion, worst, least_rung, grants| Decider {
        criterion,
        worst: seal(worst),
        least_rung,
        grants: seal(grants),
    };
    assert_eq!(
        target.verdict,
        TargetVerdict::Undecided {
            deciding: vec![
                d("SOV-1.3", 2, 2, 3),
                d("SOV-2.2", 1, 4, 4),
                d("SOV-3.4", 0, 4, 4),
                d("SOV-6.3", 2, 2, 3),
            ]
        }
    );
    // Answering them so meets the target, with SOV-2.6 still open: L = min(3, 4, 4, 3, 3).
    let mut met = a.clone();
    for (id, r) in target.verdict.least_answers() {
        met.answers.insert(id.to_owned(), rung(r));
    }
    let v = judge(&met);
    assert_eq!(v.seal.lower, seal(3));
    assert_eq!(v.target.unwrap().verdict, TargetVerdict::Met);
    // One rung less on any of them and it is not met.
    let mut short = met.clone();
    short.answers.insert("SOV-6.3".to_owned(), rung(1));
    assert_eq!(evaluate(&short, None).seal.lower, seal(2));
}

#[test]
fn a_range_whose_lower_bound_reaches_the_target_meets_it() {
    // SOV-2.6 open: worst SEAL-3, best SEAL-4. L = 3 ≥ 3.
    let v = judge(&with_target(all_best_but(&[("SOV-2.6", None)]), 3));
    assert_eq!(
        v.seal,
        SealRange {
            lower: seal(3),
            upper: seal(4)
        }
    );
    assert_eq!(v.target.unwrap().verdict, TargetVerdict::Met);
    // min(U = 4, worst 3) = 3 = L.
    assert_eq!(v.low_end, LowEnd::Any(vec!["SOV-2.6"]));
}

#[test]
fn overrides_cap_the_best_case_and_fall_short_of_the_target() {
    // SOV-5 overridden at SEAL-2 (its unknown SOV-5.5 no longer counts); SOV-6.4 rung 1
    // grants SEAL-2; SOV-3.1 unknown (worst SEAL-0). L = 0, U = min(2, 2, 4) = 2.
    let mut a = with_target(
        all_best_but(&[
            ("SOV-3.1", Some(unknown())),
            ("SOV-5.5", Some(unknown())),
            ("SOV-6.4", Some(rung(1))),
        ]),
        3,
    );
    override_of(&mut a, "SOV-5", 2);
    let ev = evaluate(&a, None);
    let v = verdict(&a, &ev);
    assert_eq!(
        v.seal,
        SealRange {
            lower: seal(0),
            upper: seal(2)
        }
    );
    // The override sits where SOV-5's criteria would: before SOV-6.4.
    assert_eq!(
        v.capped_by,
        [
            Cap::Override {
                objective: "SOV-5",
                level: seal(2)
            },
            answer_cap("SOV-6.4", 1, 2)
        ]
    );
    assert_eq!(v.capped_by[0].id(), "SOV-5");
    assert!(v.binds_upper("SOV-5") && !v.binds_upper("SOV-5.5"));
    assert_eq!(v.low_end, LowEnd::Any(vec!["SOV-3.1"]));
    assert_eq!(
        v.open.iter().map(|o| o.criterion).collect::<Vec<_>>(),
        ["SOV-3.1"]
    );
    assert_eq!(v.target.unwrap().verdict, TargetVerdict::NotMet);

    let p = plan(&a, &ev);
    // Only SOV-3.1 is asked (SOV-5.5 is replaced by the override): 4 levels, 20,000 × 10.
    assert_eq!(keys(&p.ask), [("SOV-3.1", 4, 200_000)]);
    // The override: 3 − 2 = 1 level; raising it one level adds 250 points (25,000
    // centi-points) × 20 = 500,000. SOV-6.4: rung 2 (10,000) − rung 1 (5,000) = 5,000 × 15.
    assert_eq!(
        keys(&p.change),
        [("SOV-5", 1, 500_000), ("SOV-6.4", 1, 75_000)]
    );
    assert_eq!(
        p.change[0].kind,
        PlanKind::OverrideBelowTarget { level: seal(2) }
    );
    assert_eq!(p.change[0].kind.id(), "override-below-target");

    // An override that alone sets an exact result sets both ends.
    let mut b = all_best_but(&[]);
    override_of(&mut b, "SOV-5", 1);
    let v = judge(&b);
    assert_eq!(v.seal, SealRange::exact(seal(1)));
    assert_eq!(v.lower_set_by, ["SOV-5"]);
    assert!(v.binds_lower("SOV-5") && v.binds_upper("SOV-5"));
    // No target: nothing to change.
    assert!(plan(&b, &evaluate(&b, None)).change.is_empty());
}

#[test]
fn under_the_weighted_mean_it_can_take_several_open_criteria_to_reach_the_low_end() {
    // Weighted mean, framework weights (total 100). Open: SOV-4.4 (worst SEAL-1), SOV-4.5
    // and SOV-5.4 (worst SEAL-0); everything else SEAL-4.
    // U: every objective at 4: 400 / 100 = 4.
    // L: SOV-4 at 0 (weight 15), SOV-5 at 0 (weight 20): 400 − 60 − 80 = 260 → ⌊2.6⌋ = 2.
    // Alone at worst, the others at best:
    //   SOV-4.4: SOV-4 at 1: 400 − 15 × 3 = 355 → 3;
    //   SOV-4.5: SOV-4 at 0: 400 − 60 = 340 → 3;
    //   SOV-5.4: SOV-5 at 0: 400 − 80 = 320 → 3.
    // None reaches 2 alone; SOV-4.5 and SOV-5.4 (worst = their objective's lower bound 0)
    // together give 260 → 2.
    let mut a = with_target(
        all_best_but(&[
            ("SOV-4.4", Some(unknown())),
            ("SOV-4.5", Some(unknown())),
            ("SOV-5.4", None),
        ]),
        3,
    );
    a.aggregation = Aggregation::WeightedMean;
    let v = judge(&a);
    assert_eq!(
        v.seal,
        SealRange {
            lower: seal(2),
            upper: seal(4)
        }
    );
    let alone: Vec<(&str, Seal)> = v
        .open
        .iter()
        .map(|o| (o.criterion, o.alone_worst))
        .collect();
    assert_eq!(
        alone,
        [
            ("SOV-4.4", seal(3)),
            ("SOV-4.5", seal(3)),
            ("SOV-5.4", seal(3))
        ]
    );
    assert_eq!(v.low_end, LowEnd::Together(vec!["SOV-4.5", "SOV-5.4"]));
    assert_eq!(v.low_end.id(), "together");
    assert!(v.binds_lower("SOV-5.4") && !v.binds_lower("SOV-4.4"));
    assert!(v.capped_by.is_empty());
    // Target 3 needs a weighted sum of 300 from 260: 40 more. Lifting SOV-5 from 0 to 2
    // gains 20 × 2 = 40 for one answer (SOV-5.4, least rung reaching SEAL-2: rung 1);
    // SOV-4 would need two answers (4.4 and 4.5) for 45. So: SOV-5.4 at rung 1, which
    // grants only SEAL-2, below the target: the mean compensates.
    assert_eq!(
        v.target.unwrap().verdict,
        TargetVerdict::Undecided {
            deciding: vec![Decider {
                criterion: "SOV-5.4",
                worst: seal(0),
                least_rung: 1,
                grants: seal(2),
            }]
        }
    );
    let mut met = a.clone();
    met.answers.insert("SOV-5.4".to_owned(), rung(1));
    // 260 + 40 = 300 → 3.
    assert_eq!(evaluate(&met, None).seal.lower, seal(3));

    // The weakest link reads the same answers as 0 to 4, and any of the two SEAL-0 criteria
    // alone puts it at 0; SOV-4.4 (worst SEAL-1) does not.
    a.aggregation = Aggregation::WeakestLink;
    let v = judge(&a);
    assert_eq!(v.low_end, LowEnd::Any(vec!["SOV-4.5", "SOV-5.4"]));
}

#[test]
fn under_the_weighted_mean_the_objectives_below_4_cap_the_best_case() {
    // The weighted-mean fixture's answers: all SEAL-4 but SOV-8.2 rung 0 (SEAL-0).
    // Weighted mean: (400 − 5 × 4) / 100 = 3.8 → 3, exact. SOV-8 (weight 5) is at 0 < 4:
    // its answer granting 0 caps the best case. Nothing sets the lower bound as the weakest
    // link would.
    let mut a = all_best_but(&[("SOV-8.2", Some(rung(0)))]);
    a.aggregation = Aggregation::WeightedMean;
    let v = judge(&a);
    assert_eq!(v.seal, SealRange::exact(seal(3)));
    assert_eq!(v.capped_by, [answer_cap("SOV-8.2", 0, 0)]);
    assert!(v.lower_set_by.is_empty());
    assert_eq!(v.low_end, LowEnd::Exact);
    // An objective weighted 0 moves no mean, so it caps nothing; an override below 4 on a
    // weighted objective does.
    a.weights = Weights::Custom([20, 10, 10, 15, 10, 15, 20, 0]);
    override_of(&mut a, "SOV-2", 3);
    // (4 × 90 + 3 × 10) / 100 = 3.9 → 3.
    let v = judge(&a);
    assert_eq!(v.seal, SealRange::exact(seal(3)));
    assert_eq!(
        v.capped_by,
        [Cap::Override {
            objective: "SOV-2",
            level: seal(3)
        }]
    );
}

#[test]
fn a_declaration_without_a_target_is_asked_and_nothing_is_to_change() {
    // SOV-1.1 rung 2 (SEAL-3, 83.34 points) on the provider's word: 3 − 1 (worst SEAL-1) = 2
    // levels, 8,334 × 15 = 125,010 at stake. Evidence that is documented is not asked.
    let mut a = all_best_but(&[("SOV-1.1", Some(declared(2)))]);
    a.answers.get_mut("SOV-2.1").unwrap().evidence_level = Some(EvidenceLevel::Documented);
    let p = plan(&a, &evaluate(&a, None));
    assert_eq!(keys(&p.ask), [("SOV-1.1", 2, 125_010)]);
    assert_eq!(ids(&p.change), Vec::<&str>::new());
}
