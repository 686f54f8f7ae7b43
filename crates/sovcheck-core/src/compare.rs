//! Side-by-side comparison of 2 to 10 assessments: one [`Column`] each, with the figures a
//! comparison table shows (overall and per-objective SEAL and score ranges, SecNumCloud
//! stage). Everything is recomputed from the assessments, without the clock.

use crate::evaluate::{evaluate, ScoreRange};
use crate::model::{Aggregation, Assessment, Stage};
use crate::seal::SealRange;
use crate::verdict::{verdict, Target, TargetVerdict};
use std::cmp::Ordering;

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
    /// Criteria answered with a rung (the verdict's counts: answered, unknown, unanswered).
    pub answered: usize,
    /// Criteria answered "I don't know".
    pub unknown: usize,
    /// Criteria not answered.
    pub unanswered: usize,
    /// The assessment's target SEAL and whether it is met, when it sets one.
    pub target: Option<Target>,
}

/// A row of the comparison table on which one value is better than another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// Overall SEAL: the higher lower end is better (the level guaranteed whatever the open
    /// answers turn out to be).
    Seal,
    /// Overall score: the higher lower end is better, then the higher upper end.
    Score,
    /// More criteria answered is better.
    Answered,
    /// Fewer "I don't know" is better.
    Unknown,
    /// Fewer unanswered criteria is better.
    Unanswered,
    /// Target met, then undecided, then not met. Only compared when the columns that set a
    /// target all set the same one; a column without a target is not ranked.
    Target,
}

/// How a cell stands in its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// It holds the best value of the row, alone.
    Best,
    /// It holds the best value of the row, with other columns (but not all of them).
    TiedBest,
    /// Every ranked column of the row holds the same value.
    Equal,
    /// Not the best, or not ranked.
    None,
}

impl Mark {
    /// A stable word: `best`, `tied-best`, `equal`, `none`.
    pub fn id(&self) -> &'static str {
        match self {
            Mark::Best => "best",
            Mark::TiedBest => "tied-best",
            Mark::Equal => "equal",
            Mark::None => "none",
        }
    }
}

/// The marks of a row, given each column's key (higher is better; `None` is not ranked).
/// Fewer than two ranked columns: nothing is marked.
pub fn marks_by<K: Ord>(keys: &[Option<K>]) -> Vec<Mark> {
    let ranked: Vec<&K> = keys.iter().flatten().collect();
    let Some(best) = ranked.iter().copied().max() else {
        return vec![Mark::None; keys.len()];
    };
    if ranked.len() < 2 {
        return vec![Mark::None; keys.len()];
    }
    let at_best = ranked.iter().filter(|k| **k == best).count();
    keys.iter()
        .map(|k| match k {
            Some(k) if k == best && at_best == ranked.len() => Mark::Equal,
            Some(k) if k == best && at_best == 1 => Mark::Best,
            Some(k) if k == best => Mark::TiedBest,
            _ => Mark::None,
        })
        .collect()
}

/// A score range ordered by its lower end, then its upper end (scores are finite).
#[derive(Clone, Copy, Debug, PartialEq)]
struct ScoreKey(ScoreRange);

impl Eq for ScoreKey {}

impl PartialOrd for ScoreKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ScoreKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .lower
            .total_cmp(&other.0.lower)
            .then(self.0.upper.total_cmp(&other.0.upper))
    }
}

/// A target verdict's rank: met 2, undecided 1, not met 0.
fn target_rank(v: &TargetVerdict) -> u8 {
    match v {
        TargetVerdict::Met => 2,
        TargetVerdict::Undecided { .. } => 1,
        TargetVerdict::NotMet => 0,
    }
}

/// How the compared assessments are named on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// Different assessments (offers): neutral letters, "Offer A", "Offer B"…
    Offers,
    /// Versions of one assessment: "before" and "after".
    Versions,
}

/// Whether `id` is `root` or a copy of it kept beside it: `root-2`, `root-3`… (the id a
/// workspace gives an imported assessment kept beside one of the same id, see
/// [`crate::workspace::fresh_id`]).
fn version_of(id: &str, root: &str) -> bool {
    id == root
        || id
            .strip_prefix(root)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|n| n.parse::<u32>().ok())
            .is_some_and(|n| n >= 2)
}

/// How assessments with these ids are named: versions when they all have one id, or all are
/// that id and copies of it kept beside it on import (`x`, `x-2`…); offers otherwise. Empty
/// ids are never versions of anything.
pub fn naming(ids: &[&str]) -> Naming {
    let Some(root) = ids.iter().copied().min_by_key(|id| id.len()) else {
        return Naming::Offers;
    };
    if !root.is_empty() && ids.len() >= 2 && ids.iter().all(|id| version_of(id, root)) {
        Naming::Versions
    } else {
        Naming::Offers
    }
}

/// The neutral letter of the `i`-th assessment (from 0): `A`..`Z`, then `AA`, `AB`…
pub fn letter(i: usize) -> String {
    let mut n = i;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A comparison: one column per assessment, in the order given.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The columns.
    pub columns: Vec<Column>,
}

impl Comparison {
    /// How each column stands in `row` (see [`Row`] for what is better).
    pub fn marks(&self, row: Row) -> Vec<Mark> {
        let cols = &self.columns;
        match row {
            Row::Seal => marks_by(&cols.iter().map(|c| Some(c.seal.lower)).collect::<Vec<_>>()),
            Row::Score => marks_by(
                &cols
                    .iter()
                    .map(|c| Some(ScoreKey(c.score)))
                    .collect::<Vec<_>>(),
            ),
            Row::Answered => marks_by(&cols.iter().map(|c| Some(c.answered)).collect::<Vec<_>>()),
            Row::Unknown => marks_by(
                &cols
                    .iter()
                    .map(|c| Some(std::cmp::Reverse(c.unknown)))
                    .collect::<Vec<_>>(),
            ),
            Row::Unanswered => marks_by(
                &cols
                    .iter()
                    .map(|c| Some(std::cmp::Reverse(c.unanswered)))
                    .collect::<Vec<_>>(),
            ),
            Row::Target => {
                let mut seals = cols
                    .iter()
                    .filter_map(|c| c.target.as_ref().map(|t| t.seal));
                let first = seals.next();
                if seals.any(|s| Some(s) != first) {
                    return vec![Mark::None; cols.len()];
                }
                marks_by(
                    &cols
                        .iter()
                        .map(|c| c.target.as_ref().map(|t| target_rank(&t.verdict)))
                        .collect::<Vec<_>>(),
                )
            }
        }
    }

    /// How the columns are named (see [`naming`]).
    pub fn naming(&self) -> Naming {
        naming(
            &self
                .columns
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
        )
    }

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
    let target = verdict(a, &ev).target;
    Column {
        answered: ev.answered,
        unknown: ev.unknown,
        unanswered: ev.unanswered,
        target,
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

    #[test]
    fn marks_name_the_best_the_tied_best_and_the_equal() {
        use Mark::{Best, Equal, TiedBest};
        assert_eq!(
            marks_by(&[Some(1), Some(3), Some(2)]),
            [Mark::None, Best, Mark::None]
        );
        assert_eq!(
            marks_by(&[Some(3), Some(1), Some(3)]),
            [TiedBest, Mark::None, TiedBest]
        );
        assert_eq!(marks_by(&[Some(2), Some(2)]), [Equal, Equal]);
        // Unranked columns take no part; fewer than two ranked: nothing to compare.
        assert_eq!(
            marks_by(&[Some(2), None, Some(2)]),
            [Equal, Mark::None, Equal]
        );
        assert_eq!(marks_by(&[Some(2), None]), [Mark::None, Mark::None]);
        assert_eq!(marks_by::<u8>(&[None, None]), [Mark::None, Mark::None]);
        assert_eq!(
            marks_by(&[Some(std::cmp::Reverse(5)), Some(std::cmp::Reverse(0))]),
            [Mark::None, Best]
        );
    }

    #[test]
    fn versions_are_one_id_or_its_copies_kept_beside_it() {
        assert_eq!(naming(&["x", "x"]), Naming::Versions);
        assert_eq!(naming(&["x-2", "x"]), Naming::Versions);
        assert_eq!(naming(&["x", "x-2", "x-10"]), Naming::Versions);
        // Two fresh ids of the app (`a-<milliseconds>`) are two assessments.
        assert_eq!(
            naming(&["a-1764700000000", "a-1764700000001"]),
            Naming::Offers
        );
        assert_eq!(naming(&["x", "x-1"]), Naming::Offers);
        assert_eq!(naming(&["x", "x-b"]), Naming::Offers);
        assert_eq!(naming(&["x", "xy-2"]), Naming::Offers);
        assert_eq!(naming(&["x-2", "x-3"]), Naming::Offers);
        assert_eq!(naming(&["", ""]), Naming::Offers);
        assert_eq!(naming(&["x"]), Naming::Offers);
        assert_eq!(naming(&[]), Naming::Offers);
    }

    #[test]
    fn letters_run_like_spreadsheet_columns() {
        let l: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].map(letter).to_vec();
        assert_eq!(l, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }
}
