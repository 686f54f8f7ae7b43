//! The evaluation: one pure function from the content and an assessment to a result that
//! explains itself (ranges, the criteria that bind them, gaps, hints and warnings).
//!
//! Method (see `docs/METHOD.md`): per objective, points are the sum of the chosen rungs'
//! points and the score is points / 1000 (the workbook's nominal divisor); the objective SEAL
//! is the lowest SEAL its answered criteria grant. Open criteria (unknown or unanswered)
//! turn both into ranges: worst rung for the lower bound, best rung for the upper bound.
//! Overall: score = Σ points/1000 × weight; SEAL = the lowest objective SEAL (weakest link)
//! or, on request, the floor of the weight-averaged levels (non-official).

use crate::content::{self, Criterion, Step};
use crate::model::{Aggregation, Assessment, Choice, Date, SncStatus, Stage};
use crate::seal::{Seal, SealRange};

/// Points granted per override level: level / 4 × 1000 points, in hundredths.
pub(crate) const CENTI_POINTS_PER_OVERRIDE_LEVEL: u64 = 25_000;
/// Centi-points × weight-percent → score percent: /100 (centi) /1000 (divisor) ×100 (%)
/// /100 (weight percent).
pub(crate) const SCORE_DIVISOR: f64 = 100_000.0;

/// A score range in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreRange {
    /// Every open criterion at its worst answer.
    pub lower: f64,
    /// Every open criterion at its best answer.
    pub upper: f64,
}

/// The result for one objective.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveResult {
    /// `SOV-1`..`SOV-8`.
    pub id: &'static str,
    /// Weight in percent under the assessment's profile.
    pub weight: u32,
    /// Points in hundredths, lower and upper bound.
    pub centi_points: (u64, u64),
    /// Points / 1000, in percent.
    pub score: ScoreRange,
    /// SEAL range.
    pub seal: SealRange,
    /// Criteria still open (unknown or unanswered), in order.
    pub open: Vec<&'static str>,
    /// The expert override level, when one replaces the criteria.
    pub overridden: Option<Seal>,
}

/// What the Commission's workbook prints for the same answers: unanswered and unknown rows
/// count 0 points and are left out of the minimum; overrides do not exist there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CalculatorReading {
    /// Minimum SEAL over answered criteria; `None` when nothing is answered.
    pub seal: Option<Seal>,
    /// Score in percent.
    pub score: f64,
}

/// A criterion that holds the overall SEAL down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Criterion id.
    pub criterion: &'static str,
    /// Whether it binds only because it is open (its worst answer is assumed).
    pub open: bool,
}

/// A criterion below the target SEAL, and what it would take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Criterion id.
    pub criterion: &'static str,
    /// Its current state.
    pub choice: Choice,
    /// The least rung that reaches the target, or `None` if no rung does.
    pub least_rung: Option<u8>,
}

/// Something in the answers that contradicts itself, to check (never changed silently).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// Qualified (or 19.2.b met), so data should stay in the EU, but SOV-3.4 says otherwise.
    QualifiedDataOutsideEu {
        /// The SOV-3.4 rung chosen.
        rung: u8,
    },
    /// The 24 % / 39 % capital caps (19.6.b) are met, yet SOV-1.1 says control is mostly
    /// or entirely outside the EU.
    CapitalCapsButForeignControl {
        /// The SOV-1.1 rung chosen.
        rung: u8,
    },
    /// Administration from the EU (19.2.c) is met, yet SOV-4.2 says critical operations are
    /// run by non-EU teams.
    EuAdministrationButForeignOperations {
        /// The SOV-4.2 rung chosen.
        rung: u8,
    },
    /// The contract is under a Member State's law (19.1.c), yet SOV-2.1 says non-EU law only.
    EuContractButForeignLaw,
    /// An expert override sets an objective far from what its answered criteria give.
    OverrideDiffers {
        /// Objective id.
        objective: &'static str,
        /// The override level.
        level: Seal,
        /// The lower bound the criteria give.
        criteria_lower: Seal,
    },
}

/// Evidence that needs attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The evidence's validity date has passed.
    EvidenceExpired {
        /// Criterion id.
        criterion: &'static str,
        /// Its validity date.
        valid_until: Date,
    },
    /// The SecNumCloud qualification has lapsed.
    QualificationLapsed,
    /// The SecNumCloud qualification's recorded expiry date has passed (and its stage is
    /// not already recorded as lapsed).
    QualificationExpired {
        /// The expiry date.
        expires_on: Date,
    },
    /// The last surveillance audit is more than 12 months old.
    AuditOverdue {
        /// Its date.
        last_audit: Date,
    },
    /// The offer is said to be qualified but no surveillance audit date is recorded.
    AuditDateMissing,
}

/// Counts of SecNumCloud answers in one pillar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PillarCoverage {
    /// Pillar id.
    pub pillar: &'static str,
    /// Requirements in the pillar.
    pub total: usize,
    /// Met.
    pub met: usize,
    /// Partly met.
    pub partly: usize,
    /// Not met.
    pub not_met: usize,
    /// Unknown.
    pub unknown: usize,
    /// Not applicable.
    pub not_applicable: usize,
}

impl PillarCoverage {
    /// Requirements with no answer yet.
    pub fn unanswered(&self) -> usize {
        self.total.saturating_sub(
            self.met + self.partly + self.not_met + self.unknown + self.not_applicable,
        )
    }
}

/// Open criteria of one walk step: the questions to send to the provider.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenQuestions {
    /// The step.
    pub step: &'static Step,
    /// Its open criteria.
    pub criteria: Vec<&'static str>,
}

/// Everything derived from an assessment. Never stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Weights used, percent, SOV-1 first.
    pub weights: [u32; 8],
    /// Aggregation used.
    pub aggregation: Aggregation,
    /// Per objective, SOV-1 first.
    pub objectives: Vec<ObjectiveResult>,
    /// Overall SEAL range.
    pub seal: SealRange,
    /// Overall sovereignty score range, percent.
    pub score: ScoreRange,
    /// The workbook's reading of the same answers.
    pub calculator: CalculatorReading,
    /// Criteria holding the lowest objective SEAL down (empty at SEAL-4).
    pub binding: Vec<Binding>,
    /// Objectives whose override holds the lowest objective SEAL down.
    pub binding_overrides: Vec<&'static str>,
    /// Criteria answered with a rung.
    pub answered: usize,
    /// Criteria answered "I don't know".
    pub unknown: usize,
    /// Criteria not answered.
    pub unanswered: usize,
    /// Gaps to the assessment's target SEAL (empty without a target).
    pub gaps: Vec<Gap>,
    /// Objectives whose override is below the target.
    pub override_gaps: Vec<&'static str>,
    /// Open questions grouped by walk step.
    pub open_questions: Vec<OpenQuestions>,
    /// SecNumCloud coverage per pillar.
    pub secnumcloud: Vec<PillarCoverage>,
    /// Consistency hints.
    pub hints: Vec<Hint>,
    /// Evidence warnings (need `today`).
    pub warnings: Vec<Warning>,
}

/// The SEAL a criterion contributes to the lower bound, and the rung it came from.
fn lower_contribution(c: &Criterion, choice: Choice) -> Option<Seal> {
    match choice {
        Choice::Rung(r) => c.rung(r).map(|r| r.seal),
        Choice::Open | Choice::Unknown => c.worst().map(|r| r.seal),
    }
}

/// Evaluates an assessment. `today` enables the date warnings (expired evidence, old
/// audits); pass `None` for a result that does not depend on the clock.
pub fn evaluate(a: &Assessment, today: Option<Date>) -> Evaluation {
    let weights = a.weights.values();
    let mut objectives = Vec::with_capacity(8);
    let (mut answered, mut unknown, mut unanswered) = (0, 0, 0);
    let mut calc_centi_weighted: u64 = 0;
    let mut calc_seal: Option<Seal> = None;

    for (o, weight) in content::objectives().iter().zip(weights) {
        let mut lo_pts = 0u64;
        let mut hi_pts = 0u64;
        let mut seal = SealRange::exact(Seal::MAX);
        let mut open = Vec::new();
        let mut calc_pts = 0u64;
        for c in o.criteria {
            let choice = a.choice(c.id);
            match choice {
                Choice::Rung(r) => {
                    answered += 1;
                    if let Some(rung) = c.rung(r) {
                        let p = u64::from(rung.centi_points);
                        lo_pts += p;
                        hi_pts += p;
                        calc_pts += p;
                        seal = seal.min(SealRange::exact(rung.seal));
                        calc_seal = Some(calc_seal.map_or(rung.seal, |s| s.min(rung.seal)));
                    }
                }
                Choice::Unknown | Choice::Open => {
                    if choice == Choice::Unknown {
                        unknown += 1;
                    } else {
                        unanswered += 1;
                    }
                    open.push(c.id);
                    if let (Some(w), Some(b)) = (c.worst(), c.best()) {
                        lo_pts += u64::from(w.centi_points);
                        hi_pts += u64::from(b.centi_points);
                        seal = seal.min(SealRange {
                            lower: w.seal,
                            upper: b.seal,
                        });
                    }
                }
            }
        }
        calc_centi_weighted += calc_pts * u64::from(weight);
        let overridden = a.overrides.get(o.id).map(|ov| ov.level);
        if let Some(level) = overridden {
            let p = u64::from(level.level()) * CENTI_POINTS_PER_OVERRIDE_LEVEL;
            lo_pts = p;
            hi_pts = p;
            seal = SealRange::exact(level);
            open.clear();
        }
        let pct = |centi: u64| centi as f64 / 1000.0;
        objectives.push(ObjectiveResult {
            id: o.id,
            weight,
            centi_points: (lo_pts, hi_pts),
            score: ScoreRange {
                lower: pct(lo_pts),
                upper: pct(hi_pts),
            },
            seal,
            open,
            overridden,
        });
    }

    let weighted = |f: fn(&ObjectiveResult) -> u64| -> f64 {
        let sum: u64 = objectives.iter().map(|r| f(r) * u64::from(r.weight)).sum();
        sum as f64 / SCORE_DIVISOR
    };
    let score = ScoreRange {
        lower: weighted(|r| r.centi_points.0),
        upper: weighted(|r| r.centi_points.1),
    };

    let weakest = objectives
        .iter()
        .map(|r| r.seal)
        .fold(SealRange::exact(Seal::MAX), SealRange::min);
    let seal = match a.aggregation {
        Aggregation::WeakestLink => weakest,
        Aggregation::WeightedMean => {
            let mean = |f: fn(&SealRange) -> Seal| {
                // u64: `Weights::Custom` built in code is not range-checked like a parsed one.
                let sum: u64 = objectives
                    .iter()
                    .map(|r| u64::from(f(&r.seal).level()) * u64::from(r.weight))
                    .sum();
                let total: u64 = objectives
                    .iter()
                    .map(|r| u64::from(r.weight))
                    .sum::<u64>()
                    .max(1);
                Seal::new(u8::try_from(sum / total).unwrap_or(4)).unwrap_or(Seal::MAX)
            };
            SealRange {
                lower: mean(|s| s.lower),
                upper: mean(|s| s.upper),
            }
        }
    };

    let (binding, binding_overrides) = binding(a, &objectives, weakest.lower);
    let (gaps, override_gaps) = match a.meta.target_seal {
        Some(target) => gaps_to(a, target),
        None => (Vec::new(), Vec::new()),
    };

    Evaluation {
        weights,
        aggregation: a.aggregation,
        seal,
        score,
        calculator: CalculatorReading {
            seal: calc_seal,
            score: calc_centi_weighted as f64 / SCORE_DIVISOR,
        },
        binding,
        binding_overrides,
        answered,
        unknown,
        unanswered,
        gaps,
        override_gaps,
        open_questions: open_questions(a),
        secnumcloud: coverage(a),
        hints: hints(a, &objectives),
        warnings: today.map(|t| warnings(a, t)).unwrap_or_default(),
        objectives,
    }
}

/// The criteria (and overridden objectives) that set the lowest objective SEAL.
fn binding(
    a: &Assessment,
    objectives: &[ObjectiveResult],
    lowest: Seal,
) -> (Vec<Binding>, Vec<&'static str>) {
    let mut criteria = Vec::new();
    let mut overrides = Vec::new();
    if lowest == Seal::MAX {
        return (criteria, overrides);
    }
    for (o, r) in content::objectives().iter().zip(objectives) {
        if r.seal.lower != lowest {
            continue;
        }
        if r.overridden.is_some() {
            overrides.push(o.id);
            continue;
        }
        for c in o.criteria {
            let choice = a.choice(c.id);
            if lower_contribution(c, choice) == Some(lowest) {
                criteria.push(Binding {
                    criterion: c.id,
                    open: !matches!(choice, Choice::Rung(_)),
                });
            }
        }
    }
    (criteria, overrides)
}

/// Every criterion below `target` (answered below it, or open with a worst answer below it),
/// with the least rung that would reach it; and overridden objectives below it.
pub fn gaps_to(a: &Assessment, target: Seal) -> (Vec<Gap>, Vec<&'static str>) {
    let mut gaps = Vec::new();
    let mut overrides = Vec::new();
    for o in content::objectives() {
        if let Some(ov) = a.overrides.get(o.id) {
            if ov.level < target {
                overrides.push(o.id);
            }
            continue;
        }
        for c in o.criteria {
            let choice = a.choice(c.id);
            if lower_contribution(c, choice).is_some_and(|s| s < target) {
                gaps.push(Gap {
                    criterion: c.id,
                    choice,
                    least_rung: c.least_rung_reaching(target),
                });
            }
        }
    }
    (gaps, overrides)
}

/// The due-diligence questions (`q1` to `q8`, in walk order) the provider has not answered
/// yet: no answer text recorded. They belong in the questions sent to the provider.
pub fn unanswered_questions(a: &Assessment) -> Vec<&'static content::Step> {
    content::steps()
        .iter()
        .filter(|s| s.kind == content::StepKind::DueDiligence)
        .filter(|s| {
            a.due_diligence
                .get(s.id)
                .is_none_or(|ans| ans.note.trim().is_empty())
        })
        .collect()
}

/// The SecNumCloud requirements without a status, in pillar order (a note alone does not
/// count as an answer).
pub fn unset_requirements(a: &Assessment) -> Vec<&'static str> {
    content::secnumcloud::pillars()
        .iter()
        .flat_map(|p| p.criteria.iter())
        .filter(|c| {
            a.secnumcloud
                .criteria
                .get(c.id)
                .and_then(|s| s.status)
                .is_none()
        })
        .map(|c| c.id)
        .collect()
}

/// How far a walk step is answered: the criteria with a rung or "I don't know", and all
/// of its criteria.
pub fn step_progress(a: &Assessment, step: &content::Step) -> (usize, usize) {
    let done = step
        .criteria
        .iter()
        .filter(|id| a.choice(id) != Choice::Open)
        .count();
    (done, step.criteria.len())
}

fn open_questions(a: &Assessment) -> Vec<OpenQuestions> {
    content::steps()
        .iter()
        .filter_map(|step| {
            let criteria: Vec<&'static str> = step
                .criteria
                .iter()
                .copied()
                .filter(|id| !matches!(a.choice(id), Choice::Rung(_)))
                .collect();
            (!criteria.is_empty()).then_some(OpenQuestions { step, criteria })
        })
        .collect()
}

fn coverage(a: &Assessment) -> Vec<PillarCoverage> {
    content::secnumcloud::pillars()
        .iter()
        .map(|p| {
            let mut cov = PillarCoverage {
                pillar: p.id,
                total: p.criteria.len(),
                ..Default::default()
            };
            for c in p.criteria {
                match a.secnumcloud.criteria.get(c.id).and_then(|s| s.status) {
                    Some(SncStatus::Met) => cov.met += 1,
                    Some(SncStatus::Partly) => cov.partly += 1,
                    Some(SncStatus::NotMet) => cov.not_met += 1,
                    Some(SncStatus::Unknown) => cov.unknown += 1,
                    Some(SncStatus::NotApplicable) => cov.not_applicable += 1,
                    None => {}
                }
            }
            cov
        })
        .collect()
}

fn snc_met(a: &Assessment, id: &str) -> bool {
    a.secnumcloud
        .criteria
        .get(id)
        .is_some_and(|s| s.status == Some(SncStatus::Met))
}

fn hints(a: &Assessment, objectives: &[ObjectiveResult]) -> Vec<Hint> {
    let qualified = a.secnumcloud.stage == Some(Stage::J3);
    let rung = |id: &str| match a.choice(id) {
        Choice::Rung(r) => Some(r),
        _ => None,
    };
    let mut out = Vec::new();
    if qualified || snc_met(a, "SNC-19.2.b") {
        if let Some(r) = rung("SOV-3.4").filter(|r| *r < 4) {
            out.push(Hint::QualifiedDataOutsideEu { rung: r });
        }
    }
    if qualified || snc_met(a, "SNC-19.6.b") {
        if let Some(r) = rung("SOV-1.1").filter(|r| *r <= 1) {
            out.push(Hint::CapitalCapsButForeignControl { rung: r });
        }
    }
    if qualified || snc_met(a, "SNC-19.2.c") {
        if let Some(r) = rung("SOV-4.2").filter(|r| *r == 0) {
            out.push(Hint::EuAdministrationButForeignOperations { rung: r });
        }
    }
    if (qualified || snc_met(a, "SNC-19.1.c")) && rung("SOV-2.1") == Some(0) {
        out.push(Hint::EuContractButForeignLaw);
    }
    for (o, r) in content::objectives().iter().zip(objectives) {
        let Some(level) = r.overridden else { continue };
        let criteria_lower = o
            .criteria
            .iter()
            .filter_map(|c| match a.choice(c.id) {
                Choice::Rung(i) => c.rung(i).map(|r| r.seal),
                _ => None,
            })
            .min();
        if let Some(criteria_lower) = criteria_lower {
            if level.level().abs_diff(criteria_lower.level()) >= 2 {
                out.push(Hint::OverrideDiffers {
                    objective: o.id,
                    level,
                    criteria_lower,
                });
            }
        }
    }
    out
}

fn warnings(a: &Assessment, today: Date) -> Vec<Warning> {
    let mut out = Vec::new();
    for c in content::criteria() {
        if let Some(valid_until) = a.answers.get(c.id).and_then(|x| x.valid_until) {
            if valid_until < today {
                out.push(Warning::EvidenceExpired {
                    criterion: c.id,
                    valid_until,
                });
            }
        }
    }
    let snc = &a.secnumcloud;
    if snc.stage == Some(Stage::Lapsed) {
        out.push(Warning::QualificationLapsed);
    } else if let Some(expires_on) = snc.expires_on.filter(|d| *d < today) {
        // Like expired evidence: the date alone says the certificate no longer holds.
        out.push(Warning::QualificationExpired { expires_on });
    }
    match snc.last_audit {
        Some(last_audit) if last_audit < today.months_before(12) => {
            out.push(Warning::AuditOverdue { last_audit });
        }
        None if snc.stage == Some(Stage::J3) => out.push(Warning::AuditDateMissing),
        _ => {}
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Answer;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn unanswered_questions_are_the_ones_without_answer_text() {
        let mut a = Assessment::default();
        let ids = |a: &Assessment| {
            unanswered_questions(a)
                .iter()
                .map(|s| s.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]);
        a.due_diligence.insert(
            "q3".into(),
            Answer {
                note: "EU staff only".into(),
                ..Answer::default()
            },
        );
        // A source without the answer itself does not answer the question; blank text neither.
        a.due_diligence.insert(
            "q5".into(),
            Answer {
                source: "Contract".into(),
                ..Answer::default()
            },
        );
        a.due_diligence.insert(
            "q8".into(),
            Answer {
                note: "  ".into(),
                ..Answer::default()
            },
        );
        assert_eq!(ids(&a), ["q1", "q2", "q4", "q5", "q6", "q7", "q8"]);
    }

    #[test]
    fn unset_requirements_and_step_progress() {
        let mut a = Assessment::default();
        assert_eq!(unset_requirements(&a).len(), 36);
        a.secnumcloud.criteria.insert(
            "SNC-19.6.b".into(),
            crate::model::SncAnswer {
                status: None,
                note: "asked".into(),
            },
        );
        assert_eq!(unset_requirements(&a).len(), 36);
        let first = unset_requirements(&a)[0];
        a.secnumcloud.criteria.insert(
            first.into(),
            crate::model::SncAnswer {
                status: Some(SncStatus::NotMet),
                note: String::new(),
            },
        );
        assert_eq!(unset_requirements(&a).len(), 35);
        assert!(!unset_requirements(&a).contains(&first));

        let q5 = content::question("q5").unwrap();
        assert_eq!(step_progress(&a, q5), (0, 10));
        a.answers.insert(
            "SOV-5.1".into(),
            Answer {
                rung: Some(1),
                ..Answer::default()
            },
        );
        a.answers.insert(
            "SOV-6.5".into(),
            Answer {
                unknown: true,
                ..Answer::default()
            },
        );
        a.answers.insert(
            "SOV-5.2".into(),
            Answer {
                note: "n".into(),
                ..Answer::default()
            },
        );
        assert_eq!(step_progress(&a, q5), (2, 10));
    }

    fn qualified(stage: Stage, expires_on: &str) -> Assessment {
        let mut a = Assessment::default();
        a.secnumcloud.stage = Some(stage);
        a.secnumcloud.expires_on = Some(date(expires_on));
        a.secnumcloud.last_audit = Some(date("2026-09-01"));
        a
    }

    #[test]
    fn a_qualification_past_its_expiry_warns_like_expired_evidence() {
        let a = qualified(Stage::J3, "2026-11-30");
        let w = |today: &str| evaluate(&a, Some(date(today))).warnings;
        // The day after the expiry date: expired. On the date itself: still valid.
        assert_eq!(
            w("2026-12-01"),
            [Warning::QualificationExpired {
                expires_on: date("2026-11-30")
            }]
        );
        assert_eq!(w("2026-11-30"), []);
        // Without the clock there is no date warning.
        assert_eq!(evaluate(&a, None).warnings, []);
    }

    #[test]
    fn a_lapsed_stage_is_warned_once_not_again_for_its_date() {
        let a = qualified(Stage::Lapsed, "2026-01-31");
        assert_eq!(
            evaluate(&a, Some(date("2026-12-02"))).warnings,
            [Warning::QualificationLapsed]
        );
    }
}
