//! Side-by-side comparison of 2 to 10 assessments: one [`Column`] each, with the figures a
//! comparison table shows (overall and per-objective SEAL and score ranges, SecNumCloud
//! stage). Everything is recomputed from the assessments, without the clock.

use crate::evaluate::{evaluate, ScoreRange};
use crate::model::{Aggregation, Assessment, Stage};
use crate::seal::SealRange;

/// The fewest assessments a comparison takes.
pub const MIN_COMPARED: usize = 2;
/// The most assessments a comparison takes (beyond that a table stops being readable).
pub const MAX_COMPARED: usize = 10;

/// One objective's figures in a column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ObjectiveFigures {
    /// `SOV-1`..`SOV-8`.
    pub id: &'static str,
    /// SEAL range.
    pub seal: SealRange,
    /// Score range (points / 1000), percent.
    pub score: ScoreRange,
}

/// One assessment's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The assessment's id (may be empty).
    pub id: String,
    /// The user's name for the assessment (may be empty).
    pub title: String,
    /// Provider (may be empty).
    pub provider: String,
    /// Offer (may be empty).
    pub offer: String,
    /// Overall SEAL range.
    pub seal: SealRange,
    /// Overall score range, percent.
    pub score: ScoreRange,
    /// Per objective, SOV-1 first.
    pub objectives: Vec<ObjectiveFigures>,
    /// SecNumCloud qualification stage, when recorded.
    pub secnumcloud_stage: Option<Stage>,
    /// The weights used, percent, SOV-1 first: scores under different weights do not compare.
    pub weights: [u32; 8],
    /// The aggregation used: a weighted-mean SEAL is a non-official reading.
    pub aggregation: Aggregation,
    /// The answered criteria (a rung chosen) that rest only on the provider's declaration
    /// ([`crate::model::Answer::provider_declared`]), in content order: a provider-declared
    /// answer weighs less than a verified one when offers are compared.
    pub declared: Vec<&'static str>,
}

/// A comparison: one column per assessment, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The columns.
    pub columns: Vec<Column>,
}

impl Comparison {
    /// Whether the columns use different weights or aggregations, so that their scores or
    /// SEALs are not computed the same way.
    pub fn mixed_rules(&self) -> bool {
        let mut iter = self.columns.iter();
        let Some(first) = iter.next() else {
            return false;
        };
        iter.any(|c| c.weights != first.weights || c.aggregation != first.aggregation)
    }
}

/// Why a list of assessments cannot be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// Fewer than [`MIN_COMPARED`].
    #[error("fewer than {MIN_COMPARED} assessments: {0}")]
    TooFew(usize),
    /// More than [`MAX_COMPARED`].
    #[error("more than {MAX_COMPARED} assessments: {0}")]
    TooMany(usize),
}

/// One assessment's column.
pub fn column(a: &Assessment) -> Column {
    let ev = evaluate(a, None);
    Column {
        id: a.id.clone(),
        title: a.meta.title.clone(),
        provider: a.meta.provider.clone(),
        offer: a.meta.offer.clone(),
        seal: ev.seal,
        score: ev.score,
        objectives: ev
            .objectives
            .iter()
            .map(|r| ObjectiveFigures {
                id: r.id,
                seal: r.seal,
                score: r.score,
            })
            .collect(),
        secnumcloud_stage: a.secnumcloud.stage,
        weights: ev.weights,
        aggregation: ev.aggregation,
        declared: crate::content::criteria()
            .filter(|c| {
                a.answers
                    .get(c.id)
                    .is_some_and(|x| x.rung.is_some() && x.provider_declared())
            })
            .map(|c| c.id)
            .collect(),
    }
}

/// Compares 2 to 10 assessments, one column each, in the order given.
pub fn compare(list: &[Assessment]) -> Result<Comparison, CompareError> {
    match list.len() {
        n if n < MIN_COMPARED => Err(CompareError::TooFew(n)),
        n if n > MAX_COMPARED => Err(CompareError::TooMany(n)),
        _ => Ok(Comparison {
            columns: list.iter().map(column).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, EvidenceLevel, Provenance, Role};

    #[test]
    fn a_column_names_the_answers_resting_on_the_providers_declaration() {
        let mut a = Assessment::default();
        let answer = |level: Option<EvidenceLevel>, role: Option<Role>| Answer {
            rung: Some(2),
            evidence_level: level,
            provenance: role.map(|r| Provenance {
                role: Some(r),
                ..Provenance::default()
            }),
            ..Answer::default()
        };
        a.answers
            .insert("SOV-3.1".into(), answer(None, Some(Role::Provider)));
        a.answers.insert(
            "SOV-1.1".into(),
            answer(Some(EvidenceLevel::Declared), None),
        );
        a.answers.insert(
            "SOV-1.2".into(),
            answer(Some(EvidenceLevel::Audited), Some(Role::Provider)),
        );
        a.answers
            .insert("SOV-1.4".into(), answer(None, Some(Role::Legal)));
        a.answers.insert(
            "SOV-2.1".into(),
            Answer {
                unknown: true,
                evidence_level: Some(EvidenceLevel::Declared),
                ..Answer::default()
            },
        );
        assert_eq!(column(&a).declared, ["SOV-1.1", "SOV-3.1"]);
    }
}
