//! What changed between two versions of an assessment, and what each change does to the
//! SEAL.
//!
//! Every criterion whose answer differs is listed, in content order, with its old and new
//! state and the evidence fields that changed. Each change carries its **effect**: the
//! overall and objective SEAL of the old assessment, against the same with only that one
//! answer replaced by the new one. Effects are measured one change at a time from the old
//! assessment, so they do not add up when several changes touch the same objective; the
//! [`Summary`] gives the combined result. See `docs/METHOD.md`.

use crate::content;
use crate::evaluate::{evaluate, ScoreRange};
use crate::model::{Aggregation, Answer, Assessment, Choice, Override, Stage};
use crate::seal::SealRange;

/// A value before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delta<T> {
    /// In the old assessment.
    pub old: T,
    /// In the new assessment (for an effect: the old one with the single change applied).
    pub new: T,
}

impl<T: PartialEq> Delta<T> {
    /// Whether the value moved.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// A part of an answer that can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The rung, "I don't know" or no answer.
    Choice,
    /// The free-text note.
    Note,
    /// The evidence source.
    Source,
    /// The evidence level.
    EvidenceLevel,
    /// The evidence's validity date.
    ValidUntil,
    /// Who gave or accepted the answer, or when it was received.
    Provenance,
}

/// What one change does to the SEAL, measured on the old assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effect {
    /// Overall SEAL range: the old assessment's, then with only this change applied.
    pub seal: Delta<SealRange>,
    /// The objective's SEAL range, likewise.
    pub objective_seal: Delta<SealRange>,
}

/// A criterion whose answer differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Criterion id.
    pub criterion: &'static str,
    /// Its objective's id.
    pub objective: &'static str,
    /// The answer's state before and after.
    pub choice: Delta<Choice>,
    /// Which parts differ, in [`Field`] order (`Choice` first when it changed).
    pub fields: Vec<Field>,
    /// The whole answer before and after (empty when absent).
    pub answer: Delta<Answer>,
    /// Whether the answer rests only on the provider's declaration, before and after (see
    /// [`Answer::provider_declared`]): a comparison tells a declared answer from a verified
    /// one by it.
    pub declared: Delta<bool>,
    /// What this change alone does to the SEAL (no movement when only evidence changed).
    pub effect: Effect,
}

impl Change {
    /// Whether this change moves a SEAL: either end of the overall or of the objective's
    /// range (its effect alone), or the SEAL the criterion's answer grants (a rung granting
    /// another level; a rung against "I don't know" or no answer). Evidence-only changes and
    /// "I don't know" against no answer move none.
    pub fn moves_seal(&self) -> bool {
        let granted = |choice: Choice| match choice {
            Choice::Rung(i) => content::criterion(self.criterion)
                .and_then(|c| c.rung(i))
                .map(|r| r.seal),
            Choice::Open | Choice::Unknown => None,
        };
        self.effect.seal.changed()
            || self.effect.objective_seal.changed()
            || granted(self.choice.old) != granted(self.choice.new)
    }
}

/// The changes of one objective, as a difference view groups them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// Objective id, `SOV-1`..`SOV-8`.
    pub objective: &'static str,
    /// Its changes shown, in content order.
    pub changes: Vec<&'a Change>,
    /// Its changes in all, shown or not.
    pub total: usize,
}

/// `changes` grouped by objective, SOV-1 first; with `moving_only`, only the changes that
/// [move a SEAL](Change::moves_seal). An objective with no change shown is left out.
pub fn groups(changes: &[Change], moving_only: bool) -> Vec<Group<'_>> {
    content::objectives()
        .iter()
        .filter_map(|o| {
            let all: Vec<&Change> = changes.iter().filter(|c| c.objective == o.id).collect();
            let total = all.len();
            let shown: Vec<&Change> = all
                .into_iter()
                .filter(|c| !moving_only || c.moves_seal())
                .collect();
            (!shown.is_empty()).then_some(Group {
                objective: o.id,
                changes: shown,
                total,
            })
        })
        .collect()
}

/// An expert override added, removed or changed (level or justification).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideChange {
    /// Objective id.
    pub objective: &'static str,
    /// The override before and after; `None` when there is none.
    pub overrides: Delta<Option<Override>>,
    /// What this change alone does to the SEAL.
    pub effect: Effect,
}

/// The overall result of each version.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Overall SEAL range, old and new.
    pub seal: Delta<SealRange>,
    /// Score range in percent, old and new.
    pub score: Delta<ScoreRange>,
}

/// Everything that differs between two versions of an assessment, as far as results go.
/// Metadata, sign-off and SecNumCloud requirement answers are not compared: they do not
/// move the SEAL or the score (the fingerprint tells whether anything at all differs).
#[derive(Clone, Debug, PartialEq)]
pub struct Diff {
    /// Criteria whose answer differs, in content order.
    pub changes: Vec<Change>,
    /// Objectives whose override differs, SOV-1 first.
    pub overrides: Vec<OverrideChange>,
    /// The weights in percent, when the profile's values differ.
    pub weights: Option<Delta<[u32; 8]>>,
    /// The aggregation policy, when it differs.
    pub aggregation: Option<Delta<Aggregation>>,
    /// The SecNumCloud qualification stage, when it differs.
    pub secnumcloud_stage: Option<Delta<Option<Stage>>>,
    /// Overall results of both versions.
    pub summary: Summary,
}

impl Diff {
    /// Whether nothing that this diff compares differs.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.overrides.is_empty()
            && self.weights.is_none()
            && self.aggregation.is_none()
            && self.secnumcloud_stage.is_none()
    }
}

/// The parts of two answers that differ.
fn changed_fields(old: &Answer, new: &Answer) -> Vec<Field> {
    let mut out = Vec::new();
    if old.choice() != new.choice() {
        out.push(Field::Choice);
    }
    if old.note != new.note {
        out.push(Field::Note);
    }
    if old.source != new.source {
        out.push(Field::Source);
    }
    if old.evidence_level != new.evidence_level {
        out.push(Field::EvidenceLevel);
    }
    if old.valid_until != new.valid_until {
        out.push(Field::ValidUntil);
    }
    if old.provenance != new.provenance || old.received != new.received {
        out.push(Field::Provenance);
    }
    out
}

/// The overall and objective SEAL of `changed`, against those of the old assessment.
fn effect(base: &crate::Evaluation, changed: &Assessment, objective: usize) -> Effect {
    let after = evaluate(changed, None);
    let objective_seal = |ev: &crate::Evaluation| {
        ev.objectives
            .get(objective)
            .map_or(SealRange::exact(crate::Seal::MIN), |r| r.seal)
    };
    Effect {
        seal: Delta {
            old: base.seal,
            new: after.seal,
        },
        objective_seal: Delta {
            old: objective_seal(base),
            new: objective_seal(&after),
        },
    }
}

/// No movement: the old SEALs on both sides.
fn no_effect(base: &crate::Evaluation, objective: usize) -> Effect {
    let objective_seal = base
        .objectives
        .get(objective)
        .map_or(SealRange::exact(crate::Seal::MIN), |r| r.seal);
    Effect {
        seal: Delta {
            old: base.seal,
            new: base.seal,
        },
        objective_seal: Delta {
            old: objective_seal,
            new: objective_seal,
        },
    }
}

/// `Some(Delta)` when the two values differ.
fn delta_if_changed<T: PartialEq>(old: T, new: T) -> Option<Delta<T>> {
    (old != new).then_some(Delta { old, new })
}

/// Compares two versions of an assessment (see the module documentation). Effects are
/// computed without the clock (`evaluate(.., None)`).
pub fn diff(old: &Assessment, new: &Assessment) -> Diff {
    let base = evaluate(old, None);
    let latest = evaluate(new, None);
    let none = Answer::default();

    let mut changes = Vec::new();
    for o in content::objectives() {
        for c in o.criteria {
            let before = old.answers.get(c.id).unwrap_or(&none);
            let after = new.answers.get(c.id).unwrap_or(&none);
            let fields = changed_fields(before, after);
            if fields.is_empty() {
                continue;
            }
            let effect = if fields.contains(&Field::Choice) {
                let mut one = old.clone();
                one.answers.insert(c.id.to_owned(), after.clone());
                effect(&base, &one, o.index)
            } else {
                no_effect(&base, o.index)
            };
            changes.push(Change {
                criterion: c.id,
                objective: o.id,
                choice: Delta {
                    old: before.choice(),
                    new: after.choice(),
                },
                fields,
                answer: Delta {
                    old: before.clone(),
                    new: after.clone(),
                },
                declared: Delta {
                    old: before.provider_declared(),
                    new: after.provider_declared(),
                },
                effect,
            });
        }
    }

    let mut overrides = Vec::new();
    for o in content::objectives() {
        let before = old.overrides.get(o.id);
        let after = new.overrides.get(o.id);
        if before == after {
            continue;
        }
        let effect = if before.map(|x| x.level) == after.map(|x| x.level) {
            no_effect(&base, o.index)
        } else {
            let mut one = old.clone();
            match after {
                Some(ov) => one.overrides.insert(o.id.to_owned(), ov.clone()),
                None => one.overrides.remove(o.id),
            };
            effect(&base, &one, o.index)
        };
        overrides.push(OverrideChange {
            objective: o.id,
            overrides: Delta {
                old: before.cloned(),
                new: after.cloned(),
            },
            effect,
        });
    }

    Diff {
        changes,
        overrides,
        weights: delta_if_changed(old.weights.values(), new.weights.values()),
        aggregation: delta_if_changed(old.aggregation, new.aggregation),
        secnumcloud_stage: delta_if_changed(old.secnumcloud.stage, new.secnumcloud.stage),
        summary: Summary {
            seal: Delta {
                old: base.seal,
                new: latest.seal,
            },
            score: Delta {
                old: base.score,
                new: latest.score,
            },
        },
    }
}
