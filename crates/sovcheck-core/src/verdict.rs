//! The verdict a board can trust: why the result is a range, what holds each end, whether
//! the target SEAL is met, and what to do about it. Pure data (ids, levels, numbers), derived
//! from an assessment and its [`Evaluation`]; the words come from the text layer.
//!
//! [`verdict`] and [`plan`] are separate from [`crate::evaluate()`] so that the evaluation
//! done on every click does not pay for them; each is one pass over the 48 criteria (plus, for
//! an undecided target under the weighted mean, a small knapsack over the eight objectives).
//! Both take the evaluation of the same assessment; `docs/METHOD.md` ("The verdict") states
//! the definitions below in prose.
//!
//! Notation: an objective `o` has weight `w(o)`, lower bound `L(o)` and upper bound `U(o)`
//! (its SEAL range, an override's level for both when overridden); the offer has `L` and
//! `U`. An **open** criterion is unanswered or "I don't know", in an objective without an
//! override (an override replaces its objective's criteria, which are then neither open nor
//! answered here). Every criterion's best rung grants SEAL-4, so `U < 4` always comes from
//! answers or overrides.
//!
//! 1. **Open criteria** ([`OpenCriterion`]): worst- and best-rung SEAL and `alone_worst`, the
//!    offer's SEAL when this criterion alone is at its worst rung and every other open
//!    criterion at its best. Its objective then sits at `min(U(o), worst)`, every other at its
//!    upper bound, so under the weakest link `alone_worst = min(U, worst)` and under the
//!    weighted mean `alone_worst = ⌊(Σ w·U − w(o)·(U(o) − min(U(o), worst))) / Σ w⌋`.
//! 2. **Low end** ([`LowEnd`]): empty ([`LowEnd::Exact`]) when `L = U`. Otherwise the open
//!    criteria whose `alone_worst` is `L` ([`LowEnd::Any`]: any one of them at its worst puts
//!    the result at the low end); under the weakest link there always is one. Under the
//!    weighted mean it can take several: then [`LowEnd::Together`] lists the open criteria,
//!    in objectives of non-zero weight, whose worst-rung SEAL is their objective's lower bound
//!    `L(o) < U(o)`: all of them at their worst (the others at their best) give exactly `L`.
//!    That set is sufficient, not necessarily minimal.
//! 3. **High end** ([`Cap`], `capped_by`): empty when `U` is SEAL-4. Weakest link: the
//!    answered criteria whose rung grants exactly `U`, and the overridden objectives whose
//!    level is `U`. Weighted mean: in objectives of non-zero weight with `U(o) < 4`, the
//!    answered criteria whose rung grants `U(o)` and the overridden objectives. Criterion
//!    order; an overridden objective takes its criteria's place (`SOV-5` where `SOV-5.1`..
//!    would be: they cannot appear, the override replaces them).
//! 4. **Target** ([`TargetVerdict`]): met when `L ≥ target`, not met when `U < target`,
//!    otherwise undecided, with the deciding open criteria and for each the least rung to
//!    answer. Weakest link: the open criteria whose worst rung is below the target, each at
//!    the least rung reaching the target; exactly what meeting it takes. Weighted mean: the
//!    fewest open criteria whose answers guarantee the target whatever the other open answers
//!    turn out to be (each objective lifted to a level `v` between its bounds by answering its
//!    open criteria below `v` with the least rung reaching `v`; ties go to the smallest
//!    overshoot). Sufficient, and the smallest such set of that shape, but other sets can
//!    work too.
//! 5. **Binding answers** ([`Verdict::binds_lower`], [`Verdict::binds_upper`]): the low end,
//!    plus, under the weakest link when `L < 4`, the answers and overrides at `L`; and
//!    `capped_by`.
//! 6. **Plan** ([`Plan`]): what to ask the provider (open criteria; answers whose evidence is
//!    only the provider's declaration) and what the provider would have to change (answers and
//!    overrides below the target), each ordered by SEAL at stake, then score at stake, then
//!    criterion order. Scores at stake are integers: centi-points × weight percent
//!    ([`PlanEntry::score_percent`] turns them into percentage points of the score).

use crate::content::{self, Criterion};
use crate::evaluate::{Evaluation, CENTI_POINTS_PER_OVERRIDE_LEVEL, SCORE_DIVISOR};
use crate::model::{Aggregation, Assessment, Choice, EvidenceLevel};
use crate::seal::{Seal, SealRange};

/// One open criterion and what it can do to the result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenCriterion {
    /// Criterion id.
    pub criterion: &'static str,
    /// Answered "I don't know" (else unanswered).
    pub unknown: bool,
    /// The SEAL its worst rung grants.
    pub worst: Seal,
    /// The SEAL its best rung grants.
    pub best: Seal,
    /// The offer's SEAL with this criterion alone at its worst rung and every other open
    /// criterion at its best.
    pub alone_worst: Seal,
}

/// The open criteria that would put the result at its lower bound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LowEnd {
    /// The range is one level: nothing is left to chance.
    Exact,
    /// Any one of these, alone at its worst rung, puts the result at the lower bound.
    Any(Vec<&'static str>),
    /// No single open criterion does (weighted mean only); these together, at their worst
    /// rungs, do.
    Together(Vec<&'static str>),
}

impl LowEnd {
    /// The criteria, in criterion order (empty when exact).
    pub fn criteria(&self) -> &[&'static str] {
        match self {
            LowEnd::Exact => &[],
            LowEnd::Any(c) | LowEnd::Together(c) => c,
        }
    }

    /// A stable word: `exact`, `any`, `together`.
    pub fn id(&self) -> &'static str {
        match self {
            LowEnd::Exact => "exact",
            LowEnd::Any(_) => "any",
            LowEnd::Together(_) => "together",
        }
    }
}

/// An answer or an override that holds the best case below SEAL-4.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    /// An answered criterion.
    Answer {
        /// Criterion id.
        criterion: &'static str,
        /// The rung chosen.
        rung: u8,
        /// The SEAL that rung grants.
        seal: Seal,
    },
    /// An expert override.
    Override {
        /// Objective id (`SOV-5`).
        objective: &'static str,
        /// Its level.
        level: Seal,
    },
}

impl Cap {
    /// The criterion or objective id.
    pub fn id(&self) -> &'static str {
        match *self {
            Cap::Answer { criterion, .. } => criterion,
            Cap::Override { objective, .. } => objective,
        }
    }

    /// The SEAL it grants.
    pub fn seal(&self) -> Seal {
        match *self {
            Cap::Answer { seal, .. } => seal,
            Cap::Override { level, .. } => level,
        }
    }
}

/// An open criterion that decides an undecided target, and the least answer that does it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decider {
    /// Criterion id.
    pub criterion: &'static str,
    /// The SEAL its worst rung grants.
    pub worst: Seal,
    /// The least rung to answer.
    pub least_rung: u8,
    /// The SEAL that rung grants.
    pub grants: Seal,
}

/// Whether the target SEAL is reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetVerdict {
    /// The lower bound reaches it: met whatever the open answers turn out to be.
    Met,
    /// The upper bound is below it: not met even if every open answer is at its best.
    NotMet,
    /// It depends on open answers.
    Undecided {
        /// The open criteria that decide it, in criterion order, with the least rung each.
        deciding: Vec<Decider>,
    },
}

impl TargetVerdict {
    /// The wire word: `met`, `not-met`, `undecided`.
    pub fn id(&self) -> &'static str {
        match self {
            TargetVerdict::Met => "met",
            TargetVerdict::NotMet => "not-met",
            TargetVerdict::Undecided { .. } => "undecided",
        }
    }

    /// The deciding criteria (empty unless undecided).
    pub fn deciding(&self) -> &[Decider] {
        match self {
            TargetVerdict::Undecided { deciding } => deciding,
            _ => &[],
        }
    }

    /// The least answers that meet the target: `(criterion, rung)` per deciding criterion.
    pub fn least_answers(&self) -> impl Iterator<Item = (&'static str, u8)> + '_ {
        self.deciding().iter().map(|d| (d.criterion, d.least_rung))
    }
}

/// The assessment's target SEAL and whether it is met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The target.
    pub seal: Seal,
    /// Met, not met or undecided.
    pub verdict: TargetVerdict,
}

/// What the result means, as data (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The offer's SEAL range (the evaluation's).
    pub seal: SealRange,
    /// The aggregation it was computed with.
    pub aggregation: Aggregation,
    /// Every open criterion, in criterion order.
    pub open: Vec<OpenCriterion>,
    /// The open criteria behind the lower bound.
    pub low_end: LowEnd,
    /// The answers and overrides that hold the best case below SEAL-4, in criterion order.
    pub capped_by: Vec<Cap>,
    /// The target and its verdict, when the assessment sets one.
    pub target: Option<Target>,
    /// Under the weakest link, below SEAL-4: the answered criteria and overridden objectives
    /// at the lower bound (they set it; the range is then exact).
    pub lower_set_by: Vec<&'static str>,
}

impl Verdict {
    /// Whether this criterion's answer (or this objective's override) binds the lower bound:
    /// it is in the low end, or set it under the weakest link.
    pub fn binds_lower(&self, id: &str) -> bool {
        self.low_end.criteria().contains(&id) || self.lower_set_by.contains(&id)
    }

    /// Whether this criterion's answer (or this objective's override) caps the upper bound.
    pub fn binds_upper(&self, id: &str) -> bool {
        self.capped_by.iter().any(|c| c.id() == id)
    }
}

/// The offer's SEAL from a weighted sum of levels, as [`crate::evaluate()`] computes it.
fn mean(sum: u64, total_weight: u64) -> Seal {
    Seal::new(u8::try_from(sum / total_weight).unwrap_or(4)).unwrap_or(Seal::MAX)
}

/// The SEAL granted by an answered criterion's rung (`None` for a rung that does not exist,
/// which the evaluation ignores too).
fn answered(c: &Criterion, choice: Choice) -> Option<(u8, &'static content::Rung)> {
    match choice {
        Choice::Rung(i) => c.rung(i).map(|r| (i, r)),
        Choice::Open | Choice::Unknown => None,
    }
}

/// The verdict on an assessment, given its evaluation.
pub fn verdict(a: &Assessment, ev: &Evaluation) -> Verdict {
    let weakest = ev.aggregation == Aggregation::WeakestLink;
    let (lower, upper) = (ev.seal.lower, ev.seal.upper);
    let total_weight: u64 = ev
        .objectives
        .iter()
        .map(|r| u64::from(r.weight))
        .sum::<u64>()
        .max(1);
    let upper_sum: u64 = ev
        .objectives
        .iter()
        .map(|r| u64::from(r.seal.upper.level()) * u64::from(r.weight))
        .sum();

    let mut open = Vec::new();
    let mut together = Vec::new();
    let mut capped_by = Vec::new();
    let mut lower_set_by = Vec::new();
    for (o, r) in content::objectives().iter().zip(&ev.objectives) {
        let (lo, hi) = (r.seal.lower, r.seal.upper);
        let weight = u64::from(r.weight);
        let caps = upper < Seal::MAX
            && if weakest {
                hi == upper
            } else {
                hi < Seal::MAX && weight > 0
            };
        if let Some(level) = r.overridden {
            if caps {
                capped_by.push(Cap::Override {
                    objective: o.id,
                    level,
                });
            }
            if weakest && level == lower && lower < Seal::MAX {
                lower_set_by.push(o.id);
            }
            continue;
        }
        for c in o.criteria {
            let choice = a.choice(c.id);
            if let Choice::Rung(_) = choice {
                // A rung that does not exist counts for nothing, as in the evaluation.
                let Some((rung, granted)) = answered(c, choice) else {
                    continue;
                };
                if caps && granted.seal == hi {
                    capped_by.push(Cap::Answer {
                        criterion: c.id,
                        rung,
                        seal: granted.seal,
                    });
                }
                if weakest && granted.seal == lower && lower < Seal::MAX {
                    lower_set_by.push(c.id);
                }
                continue;
            }
            let (Some(worst), Some(best)) = (c.worst(), c.best()) else {
                continue;
            };
            let alone_worst = if weakest {
                upper.min(worst.seal)
            } else {
                let drop = u64::from(hi.level() - hi.min(worst.seal).level()) * weight;
                mean(upper_sum.saturating_sub(drop), total_weight)
            };
            if !weakest && worst.seal == lo && lo < hi && weight > 0 {
                together.push(c.id);
            }
            open.push(OpenCriterion {
                criterion: c.id,
                unknown: choice == Choice::Unknown,
                worst: worst.seal,
                best: best.seal,
                alone_worst,
            });
        }
    }

    let low_end = if lower == upper {
        LowEnd::Exact
    } else {
        let any: Vec<&'static str> = open
            .iter()
            .filter(|c| c.alone_worst == lower)
            .map(|c| c.criterion)
            .collect();
        if any.is_empty() {
            LowEnd::Together(together)
        } else {
            LowEnd::Any(any)
        }
    };

    let target = a.meta.target_seal.map(|t| Target {
        seal: t,
        verdict: if lower >= t {
            TargetVerdict::Met
        } else if upper < t {
            TargetVerdict::NotMet
        } else if weakest {
            TargetVerdict::Undecided {
                deciding: deciding_weakest(a, ev, t),
            }
        } else {
            TargetVerdict::Undecided {
                deciding: deciding_mean(a, ev, t, total_weight),
            }
        },
    });

    Verdict {
        seal: ev.seal,
        aggregation: ev.aggregation,
        open,
        low_end,
        capped_by,
        target,
        lower_set_by,
    }
}

/// The open criteria of a non-overridden objective, with their worst rung.
fn open_criteria<'a>(
    a: &'a Assessment,
    o: &'static content::Objective,
) -> impl Iterator<Item = (&'static Criterion, Seal)> + 'a {
    o.criteria.iter().filter_map(move |c| match a.choice(c.id) {
        Choice::Open | Choice::Unknown => c.worst().map(|w| (c, w.seal)),
        Choice::Rung(_) => None,
    })
}

/// The decider lifting `c` to `level`, if a rung reaches it.
fn decider(c: &'static Criterion, worst: Seal, level: Seal) -> Option<Decider> {
    let least_rung = c.least_rung_reaching(level)?;
    let grants = c.rung(least_rung)?.seal;
    Some(Decider {
        criterion: c.id,
        worst,
        least_rung,
        grants,
    })
}

/// Weakest link: every open criterion whose worst rung is below the target, at the least
/// rung reaching it.
fn deciding_weakest(a: &Assessment, ev: &Evaluation, target: Seal) -> Vec<Decider> {
    let mut out = Vec::new();
    for (o, r) in content::objectives().iter().zip(&ev.objectives) {
        if r.overridden.is_some() {
            continue;
        }
        out.extend(
            open_criteria(a, o)
                .filter(|(_, worst)| *worst < target)
                .filter_map(|(c, worst)| decider(c, worst, target)),
        );
    }
    out
}

/// The largest weighted-sum deficit solved exactly; beyond it (weights summing to more than
/// 1000, which a parsed file never has) every objective is lifted to its upper bound.
const MAX_DEFICIT: u64 = 4_000;

/// An objective the weighted-mean target search can lift.
struct Free {
    objective: &'static content::Objective,
    weight: u64,
    lo: u8,
    hi: u8,
}

/// Weighted mean: the fewest open criteria whose least answers lift the objectives enough
/// for the floor of the weighted mean of lower bounds to reach the target.
fn deciding_mean(a: &Assessment, ev: &Evaluation, target: Seal, total_weight: u64) -> Vec<Decider> {
    // Objectives that can move: not overridden, weighted, with a range.
    let free: Vec<Free> = content::objectives()
        .iter()
        .zip(&ev.objectives)
        .filter(|(_, r)| r.overridden.is_none() && r.weight > 0 && r.seal.lower < r.seal.upper)
        .map(|(o, r)| Free {
            objective: o,
            weight: u64::from(r.weight),
            lo: r.seal.lower.level(),
            hi: r.seal.upper.level(),
        })
        .collect();
    let base: u64 = ev
        .objectives
        .iter()
        .map(|r| u64::from(r.seal.lower.level()) * u64::from(r.weight))
        .sum();
    let deficit = (u64::from(target.level()) * total_weight).saturating_sub(base);

    // The level each free objective is lifted to: the least lifts when the search is small
    // enough, else every upper bound (sufficient, since the upper bound reaches the target).
    let levels = usize::try_from(deficit)
        .ok()
        .filter(|_| deficit <= MAX_DEFICIT)
        .and_then(|d| least_lifts(a, &free, d))
        .unwrap_or_else(|| free.iter().map(|f| f.hi).collect());

    let mut out = Vec::new();
    for (f, level) in free.iter().zip(levels) {
        let Some(level) = Seal::new(level).filter(|l| l.level() > f.lo) else {
            continue;
        };
        out.extend(
            open_criteria(a, f.objective)
                .filter(|(_, worst)| *worst < level)
                .filter_map(|(c, worst)| decider(c, worst, level)),
        );
    }
    out
}

/// A multiple-choice knapsack over the free objectives: each is lifted from its lower bound
/// `lo` to a level `v ≤ hi`, at the cost of its open criteria whose worst rung is below `v`
/// and for a gain of `weight × (v − lo)`; the total gain must reach `deficit`. Minimises the
/// cost, then the gain (least overshoot). `None` if the deficit cannot be reached.
fn least_lifts(a: &Assessment, free: &[Free], deficit: usize) -> Option<Vec<u8>> {
    // best[x]: (criteria to answer, total gain) of the best choice so far whose gain, capped
    // at the deficit, is x.
    let mut best: Vec<Option<(usize, u64)>> = vec![None; deficit + 1];
    if let Some(first) = best.first_mut() {
        *first = Some((0, 0));
    }
    // Per objective, per state: (previous state, level chosen).
    let mut back: Vec<Vec<Option<(usize, u8)>>> = Vec::with_capacity(free.len());
    for f in free {
        // cost[v]: the open criteria whose worst rung is below level v.
        let mut cost = [0usize; 5];
        for (_, worst) in open_criteria(a, f.objective) {
            for slot in cost.iter_mut().skip(usize::from(worst.level()) + 1) {
                *slot += 1;
            }
        }
        let mut next: Vec<Option<(usize, u64)>> = vec![None; deficit + 1];
        let mut from: Vec<Option<(usize, u8)>> = vec![None; deficit + 1];
        for (x, state) in best.iter().enumerate() {
            let Some((spent, gain)) = *state else {
                continue;
            };
            for v in f.lo..=f.hi {
                let lift = f.weight * u64::from(v - f.lo);
                let extra = cost.get(usize::from(v)).copied().unwrap_or(0);
                let candidate = (spent + extra, gain + lift);
                let to = usize::try_from(lift)
                    .ok()
                    .and_then(|l| x.checked_add(l))
                    .map_or(deficit, |y| y.min(deficit));
                if let (Some(slot), Some(src)) = (next.get_mut(to), from.get_mut(to)) {
                    if slot.is_none_or(|s| candidate < s) {
                        *slot = Some(candidate);
                        *src = Some((x, v));
                    }
                }
            }
        }
        best = next;
        back.push(from);
    }
    best.get(deficit).copied().flatten()?;
    let mut levels = vec![0u8; free.len()];
    let mut x = deficit;
    for (slot, from) in levels.iter_mut().zip(&back).rev() {
        let (prev, v) = from.get(x).copied().flatten()?;
        *slot = v;
        x = prev;
    }
    Some(levels)
}

/// Why an item is in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// An open criterion: ask for the answer.
    Open {
        /// Answered "I don't know" (else unanswered).
        unknown: bool,
    },
    /// An answer whose evidence is only the provider's declaration: ask for proof.
    DeclaredOnly {
        /// The rung chosen.
        rung: u8,
    },
    /// An answer below the target: the provider would have to change.
    BelowTarget {
        /// The rung chosen.
        rung: u8,
        /// The least rung reaching the target; `None` when no rung does (the score at stake
        /// is then 0).
        least_rung: Option<u8>,
    },
    /// An expert override below the target.
    OverrideBelowTarget {
        /// Its level.
        level: Seal,
    },
}

impl PlanKind {
    /// A stable word: `open`, `declared-only`, `below-target`, `override-below-target`.
    pub fn id(&self) -> &'static str {
        match self {
            PlanKind::Open { .. } => "open",
            PlanKind::DeclaredOnly { .. } => "declared-only",
            PlanKind::BelowTarget { .. } => "below-target",
            PlanKind::OverrideBelowTarget { .. } => "override-below-target",
        }
    }
}

/// One item of the action plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanEntry {
    /// Criterion id, or objective id for an override.
    pub id: &'static str,
    /// Why it is there.
    pub kind: PlanKind,
    /// SEAL levels at stake, between the SEALs of two rungs of the criterion: best − worst
    /// (open); its rung − worst (declared only: what is lost if the declaration is false);
    /// target − its SEAL (below target); target − its level (override below target).
    pub seal_at_stake: u8,
    /// Score at stake in centi-points × the objective's weight percent, between the same
    /// two rungs' points: best − worst; its rung − worst; the least rung reaching the target
    /// − its rung (0 when none does); for an override, 250 points per level up to the
    /// target. See [`Self::score_percent`].
    pub score_at_stake: u64,
}

impl PlanEntry {
    /// The score at stake in percentage points of the Sovereignty Score.
    pub fn score_percent(&self) -> f64 {
        self.score_at_stake as f64 / SCORE_DIVISOR
    }
}

/// The action plan: what to ask, what would have to change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// To ask the provider: open criteria, and answers resting only on its declaration.
    pub ask: Vec<PlanEntry>,
    /// What the provider would have to change: answers and overrides below the target
    /// (empty without a target).
    pub change: Vec<PlanEntry>,
}

/// Whether `a` goes before `b`: more SEAL at stake, then more score at stake.
fn ranks_before(a: &PlanEntry, b: &PlanEntry) -> bool {
    (a.seal_at_stake, a.score_at_stake) > (b.seal_at_stake, b.score_at_stake)
}

/// Inserts `e` after every entry that ranks with or before it: entries pushed in criterion
/// order stay in criterion order among equals. (A hand-written stable insertion keeps a sort
/// routine out of the web build; the lists hold at most 48 entries.)
fn insert(list: &mut Vec<PlanEntry>, e: PlanEntry) {
    let at = list
        .iter()
        .position(|x| ranks_before(&e, x))
        .unwrap_or(list.len());
    list.insert(at, e);
}

/// The action plan for an assessment, given its evaluation.
pub fn plan(a: &Assessment, ev: &Evaluation) -> Plan {
    let target = a.meta.target_seal;
    let mut out = Plan::default();
    for (o, r) in content::objectives().iter().zip(&ev.objectives) {
        let weight = u64::from(r.weight);
        if let Some(level) = r.overridden {
            if let Some(t) = target.filter(|t| level < *t) {
                let gap = t.level() - level.level();
                insert(
                    &mut out.change,
                    PlanEntry {
                        id: o.id,
                        kind: PlanKind::OverrideBelowTarget { level },
                        seal_at_stake: gap,
                        score_at_stake: u64::from(gap) * CENTI_POINTS_PER_OVERRIDE_LEVEL * weight,
                    },
                );
            }
            continue;
        }
        for c in o.criteria {
            let Some(worst) = c.worst() else { continue };
            let choice = a.choice(c.id);
            let Some((rung, granted)) = answered(c, choice) else {
                if let (Choice::Open | Choice::Unknown, Some(best)) = (choice, c.best()) {
                    insert(
                        &mut out.ask,
                        PlanEntry {
                            id: c.id,
                            kind: PlanKind::Open {
                                unknown: choice == Choice::Unknown,
                            },
                            seal_at_stake: best.seal.level()
                                - worst.seal.level().min(best.seal.level()),
                            score_at_stake: u64::from(
                                best.centi_points.saturating_sub(worst.centi_points),
                            ) * weight,
                        },
                    );
                }
                continue;
            };
            let declared = a
                .answers
                .get(c.id)
                .is_some_and(|x| x.evidence_level == Some(EvidenceLevel::Declared));
            if declared {
                insert(
                    &mut out.ask,
                    PlanEntry {
                        id: c.id,
                        kind: PlanKind::DeclaredOnly { rung },
                        seal_at_stake: granted.seal.level().saturating_sub(worst.seal.level()),
                        score_at_stake: u64::from(
                            granted.centi_points.saturating_sub(worst.centi_points),
                        ) * weight,
                    },
                );
            }
            if let Some(t) = target.filter(|t| granted.seal < *t) {
                let least_rung = c.least_rung_reaching(t);
                let gain = least_rung
                    .and_then(|i| c.rung(i))
                    .map_or(0, |r| r.centi_points.saturating_sub(granted.centi_points));
                insert(
                    &mut out.change,
                    PlanEntry {
                        id: c.id,
                        kind: PlanKind::BelowTarget { rung, least_rung },
                        seal_at_stake: t.level() - granted.seal.level(),
                        score_at_stake: u64::from(gain) * weight,
                    },
                );
            }
        }
    }
    out
}
