//! The static content: the calculator's 48 criteria, the walk, SecNumCloud and SEAL texts.
//!
//! The data lives in `content/*.json` and is compiled into `static` items by `build.rs`,
//! so nothing is parsed at run time. The tests at the bottom hold the content's invariants.

use crate::lang::{Lang, Text};
use crate::seal::Seal;

/// The version of the content (criteria, wording, mapping) every result is computed against.
/// Bump it whenever a number or a mapping changes; wording-only changes bump the suffix.
pub const CONTENT_VERSION: &str = "2026.11-1";

/// One answer on a criterion's ladder.
#[derive(Debug)]
pub struct Rung {
    /// The calculator's points for this answer, in hundredths (41.67 points = 4167), so that
    /// sums are exact.
    pub centi_points: u32,
    /// The SEAL level this answer grants (the calculator's primary value).
    pub seal: Seal,
    /// The higher level a second circulating copy of the workbook gives, where it differs.
    pub seal_variant: Option<Seal>,
    /// What this answer means.
    pub label: Text,
}

/// One of the calculator's 48 criteria.
#[derive(Debug)]
pub struct Criterion {
    /// Stable public id, `SOV-<objective>.<n>`.
    pub id: &'static str,
    /// Index of its objective in [`objectives`] (0 for SOV-1).
    pub objective: usize,
    /// Short title.
    pub title: Text,
    /// The question the assessor answers.
    pub question: Text,
    /// What evidence to ask the provider for.
    pub help: Text,
    /// Every rung grants SEAL-4: the criterion moves the score, never the SEAL.
    pub inert: bool,
    /// The answers, worst (index 0) to best.
    pub rungs: &'static [Rung],
}

impl Criterion {
    /// The worst rung (index 0).
    pub fn worst(&self) -> Option<&'static Rung> {
        self.rungs.first()
    }

    /// The best rung (last index).
    pub fn best(&self) -> Option<&'static Rung> {
        self.rungs.last()
    }

    /// The rung at `index`, if it exists.
    pub fn rung(&self, index: u8) -> Option<&'static Rung> {
        self.rungs.get(usize::from(index))
    }

    /// The least rung index whose SEAL reaches `target`, if any does.
    pub fn least_rung_reaching(&self, target: Seal) -> Option<u8> {
        self.rungs
            .iter()
            .position(|r| r.seal >= target)
            .and_then(|i| u8::try_from(i).ok())
    }
}

/// One of the eight sovereignty objectives.
#[derive(Debug)]
pub struct Objective {
    /// `SOV-1` .. `SOV-8`.
    pub id: &'static str,
    /// 0 for SOV-1.
    pub index: usize,
    /// Name.
    pub name: Text,
    /// What it measures.
    pub summary: Text,
    /// Weight in framework v1.2.1 §5, percent.
    pub weight_framework: u32,
    /// Weight in the calculator's example, percent.
    pub weight_calculator: u32,
    /// Its criteria in order.
    pub criteria: &'static [Criterion],
}

/// Whether a walk step is one of the eight due-diligence questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// One of the eight questions to ask a provider.
    DueDiligence,
    /// A further group of criteria the eight questions do not cover.
    Further,
}

/// A step of the guided walk, holding calculator criteria.
#[derive(Debug, PartialEq)]
pub struct Step {
    /// Stable id (`q1`..`q8`, then further steps).
    pub id: &'static str,
    /// Kind.
    pub kind: StepKind,
    /// Short title.
    pub title: Text,
    /// The question as put to the provider.
    pub question: Text,
    /// Why it matters.
    pub why: Text,
    /// What a good answer looks like.
    pub good: Text,
    /// Related SecNumCloud 3.2 clauses.
    pub secnumcloud: &'static str,
    /// Ids of the criteria answered in this step.
    pub criteria: &'static [&'static str],
}

/// An id with a name and a meaning (stages, service models, SEAL levels).
#[derive(Debug)]
pub struct Described {
    /// Stable id.
    pub id: &'static str,
    /// Name.
    pub name: Text,
    /// Meaning.
    pub meaning: Text,
}

/// A SecNumCloud requirement the assessor checks.
#[derive(Debug)]
pub struct SncCriterion {
    /// Stable id, `SNC-<clause>`.
    pub id: &'static str,
    /// The referential clause, e.g. `19.6.b`.
    pub clause: &'static str,
    /// Short title.
    pub title: Text,
    /// What the referential requires.
    pub requirement: Text,
    /// What evidence to ask for.
    pub help: Text,
}

/// One of SecNumCloud's four pillars.
#[derive(Debug)]
pub struct Pillar {
    /// `organisational`, `technical`, `physical` or `legal`.
    pub id: &'static str,
    /// Name.
    pub name: Text,
    /// What it covers.
    pub summary: Text,
    /// Its criteria.
    pub criteria: &'static [SncCriterion],
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The eight objectives, SOV-1 first.
pub fn objectives() -> &'static [Objective] {
    OBJECTIVES
}

/// Every criterion, in objective order.
pub fn criteria() -> impl Iterator<Item = &'static Criterion> {
    OBJECTIVES.iter().flat_map(|o| o.criteria.iter())
}

/// The criterion with this id.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    criteria().find(|c| c.id == id)
}

/// The objective with this id (`SOV-3`).
pub fn objective(id: &str) -> Option<&'static Objective> {
    OBJECTIVES.iter().find(|o| o.id == id)
}

/// The criteria steps of the walk, in order.
pub fn steps() -> &'static [Step] {
    STEPS
}

/// The due-diligence question with this id (`q1` to `q8`): a step of kind
/// [`StepKind::DueDiligence`].
pub fn question(id: &str) -> Option<&'static Step> {
    STEPS
        .iter()
        .find(|s| s.kind == StepKind::DueDiligence && s.id == id)
}

/// The step holding a criterion.
pub fn step_of(criterion_id: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.criteria.contains(&criterion_id))
}

/// The sources the content is drawn from, cited in reports and `docs/METHOD.md`.
pub fn sources() -> &'static [Text] {
    SOURCES
}

#[cfg(not(feature = "embedded-text"))]
static INSTALLED: [std::sync::OnceLock<&'static [&'static str]>; Lang::COUNT] =
    [const { std::sync::OnceLock::new() }; Lang::COUNT];

/// The content texts of `lang`, in [`Text`] index order: compiled in with the
/// `embedded-text` feature, else those given to [`install_texts`] (`None` until then).
pub fn text_table(lang: Lang) -> Option<&'static [&'static str]> {
    #[cfg(feature = "embedded-text")]
    {
        TABLES.get(lang.index()).copied()
    }
    #[cfg(not(feature = "embedded-text"))]
    {
        INSTALLED.get(lang.index()).and_then(|t| t.get().copied())
    }
}

/// Why a table of content texts was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallError {
    /// The table does not hold exactly [`TEXT_COUNT`] texts: it was made for another build.
    Count {
        /// How many it holds.
        found: usize,
    },
}

/// Installs the content texts of `lang` (a build without `embedded-text` has none until
/// then). The table must hold exactly [`TEXT_COUNT`] texts, in index order; a language
/// installed twice keeps its first table (they come from the same build).
pub fn install_texts(lang: Lang, table: &'static [&'static str]) -> Result<(), InstallError> {
    if table.len() != TEXT_COUNT {
        return Err(InstallError::Count { found: table.len() });
    }
    #[cfg(not(feature = "embedded-text"))]
    if let Some(slot) = INSTALLED.get(lang.index()) {
        let _ = slot.set(table);
    }
    #[cfg(feature = "embedded-text")]
    let _ = lang;
    Ok(())
}

/// The content version (see [`CONTENT_VERSION`]).
pub fn content_version() -> &'static str {
    CONTENT_VERSION
}

/// SEAL level names and meanings, level 0 first.
pub fn seal_level(seal: Seal) -> Option<&'static Described> {
    SEAL_LEVELS.get(usize::from(seal.level()))
}

/// SecNumCloud texts and structure.
pub mod secnumcloud {
    use super::*;

    /// The referential version the criteria cite.
    pub fn referential() -> &'static str {
        SNC_REFERENTIAL
    }
    /// What a qualification is and is not.
    pub fn intro() -> &'static Text {
        &SNC_INTRO
    }
    /// Why a qualification and a SEAL answer different questions.
    pub fn label_not_seal() -> &'static Text {
        &SNC_LABEL_NOT_SEAL
    }
    /// Qualification stages, in order.
    pub fn stages() -> &'static [Described] {
        SNC_STAGES
    }
    /// Service models.
    pub fn service_models() -> &'static [Described] {
        SNC_SERVICE_MODELS
    }
    /// The four pillars.
    pub fn pillars() -> &'static [Pillar] {
        SNC_PILLARS
    }
    /// Every SecNumCloud criterion.
    pub fn criteria() -> impl Iterator<Item = &'static SncCriterion> {
        SNC_PILLARS.iter().flat_map(|p| p.criteria.iter())
    }
    /// The SecNumCloud criterion with this id.
    pub fn criterion(id: &str) -> Option<&'static SncCriterion> {
        criteria().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const CALCULATOR_COUNTS: [usize; 8] = [8, 6, 5, 6, 7, 5, 7, 4];

    #[test]
    fn there_are_48_criteria_with_the_calculator_counts() {
        let counts: Vec<usize> = objectives().iter().map(|o| o.criteria.len()).collect();
        assert_eq!(counts, CALCULATOR_COUNTS);
        assert_eq!(criteria().count(), 48);
    }

    #[test]
    fn criterion_ids_are_unique_and_well_formed() {
        let ids: BTreeSet<&str> = criteria().map(|c| c.id).collect();
        assert_eq!(ids.len(), 48);
        for o in objectives() {
            for (n, c) in o.criteria.iter().enumerate() {
                assert_eq!(c.id, format!("{}.{}", o.id, n + 1));
                assert_eq!(c.objective, o.index);
            }
        }
    }

    #[test]
    fn every_criterion_is_in_exactly_one_step() {
        let mut seen = BTreeSet::new();
        for s in steps() {
            for id in s.criteria {
                assert!(criterion(id).is_some(), "step {} names unknown {id}", s.id);
                assert!(seen.insert(*id), "{id} is in two steps");
            }
        }
        assert_eq!(seen.len(), 48);
    }

    #[test]
    fn the_eight_due_diligence_questions_come_first() {
        let kinds: Vec<StepKind> = steps().iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == StepKind::DueDiligence)
                .count(),
            8
        );
        assert!(kinds.iter().take(8).all(|k| *k == StepKind::DueDiligence));
        let ids: Vec<&str> = steps().iter().take(8).map(|s| s.id).collect();
        assert_eq!(ids, ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]);
    }

    #[test]
    fn points_rise_strictly_from_zero_and_seals_never_fall() {
        for c in criteria() {
            assert_eq!(c.worst().map(|r| r.centi_points), Some(0), "{}", c.id);
            for pair in c.rungs.windows(2) {
                if let [a, b] = pair {
                    assert!(a.centi_points < b.centi_points, "{} points", c.id);
                    assert!(a.seal <= b.seal, "{} seal", c.id);
                }
            }
            assert!((3..=5).contains(&c.rungs.len()), "{}", c.id);
        }
    }

    #[test]
    fn criteria_in_an_objective_share_one_maximum() {
        let maxima: Vec<u32> = objectives()
            .iter()
            .map(|o| {
                o.criteria
                    .iter()
                    .filter_map(|c| c.best())
                    .map(|r| r.centi_points)
                    .sum()
            })
            .collect();
        assert_eq!(
            maxima,
            [100_003, 100_200, 100_000, 100_200, 100_100, 100_000, 100_100, 100_000]
        );
    }

    #[test]
    fn weights_sum_to_100_in_both_official_sets() {
        let f: Vec<u32> = objectives().iter().map(|o| o.weight_framework).collect();
        let c: Vec<u32> = objectives().iter().map(|o| o.weight_calculator).collect();
        assert_eq!(f, [15, 10, 10, 15, 20, 15, 10, 5]);
        assert_eq!(c, [20, 10, 10, 15, 10, 15, 15, 5]);
    }

    #[test]
    fn nine_criteria_are_inert() {
        let inert: Vec<&str> = criteria().filter(|c| c.inert).map(|c| c.id).collect();
        assert_eq!(
            inert,
            [
                "SOV-1.2", "SOV-1.4", "SOV-1.5", "SOV-1.6", "SOV-1.7", "SOV-2.5", "SOV-5.3",
                "SOV-7.2", "SOV-8.4"
            ]
        );
    }

    #[test]
    fn the_workbook_variant_is_always_higher() {
        let mut n = 0;
        for c in criteria() {
            for r in c.rungs {
                if let Some(v) = r.seal_variant {
                    assert!(v > r.seal, "{}", c.id);
                    n += 1;
                }
            }
        }
        assert_eq!(n, 21);
    }

    #[test]
    fn secnumcloud_has_four_pillars_with_unique_ids_and_the_chapter_19_essentials() {
        let pillars: Vec<&str> = secnumcloud::pillars().iter().map(|p| p.id).collect();
        assert_eq!(
            pillars,
            ["organisational", "technical", "physical", "legal"]
        );
        let ids: Vec<&str> = secnumcloud::criteria().map(|c| c.id).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len());
        for clause in [
            "19.1.h", "19.2.b", "19.2.c", "19.4", "19.6.b", "5.3", "9.6.f", "10.1",
        ] {
            assert!(
                secnumcloud::criteria().any(|c| c.clause.starts_with(clause)),
                "missing clause {clause}"
            );
        }
        for c in secnumcloud::criteria() {
            let short = c.id.strip_prefix("SNC-").unwrap_or_default();
            assert!(c.clause.starts_with(short), "{} cites {}", c.id, c.clause);
        }
        let stages: Vec<&str> = secnumcloud::stages().iter().map(|s| s.id).collect();
        assert_eq!(stages, ["not-engaged", "j0", "j1", "j2", "j3", "lapsed"]);
        let models: Vec<&str> = secnumcloud::service_models().iter().map(|s| s.id).collect();
        assert_eq!(models, ["iaas", "caas", "paas", "saas"]);
    }

    #[test]
    fn every_text_differs_between_languages_where_it_is_prose() {
        // Identical EN and FR prose would betray an untranslated string; short proper
        // names (e.g. "IaaS") are allowed to coincide.
        for c in criteria() {
            for t in [c.question, c.help] {
                assert_translated(t, c.id);
            }
            for r in c.rungs {
                assert_translated(r.label, c.id);
            }
        }
        for s in steps() {
            for t in [s.title, s.question, s.why, s.good] {
                assert_translated(t, s.id);
            }
        }
    }

    /// Every language's wording differs from English's.
    #[track_caller]
    fn assert_translated(t: Text, what: &str) {
        for lang in Lang::ALL.into_iter().skip(1) {
            assert_ne!(
                t.get(Lang::En),
                t.get(lang),
                "{what} untranslated in {lang:?}"
            );
        }
    }

    #[test]
    fn the_content_languages_are_the_languages() {
        let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(tags, LANG_TAGS);
        for lang in Lang::ALL {
            let table = text_table(lang).unwrap_or_default();
            assert_eq!(table.len(), TEXT_COUNT);
            assert!(table.iter().all(|t| !t.trim().is_empty()), "{lang:?}");
        }
    }

    #[test]
    fn french_content_never_lets_a_sign_start_a_line() {
        let fr = text_table(Lang::Fr).unwrap_or_default();
        for t in fr {
            for bad in [" ?", " !", " ;", " :", " %", " »", "« "] {
                assert!(!t.contains(bad), "{bad:?} in {t}");
            }
        }
    }

    #[test]
    fn sources_are_cited_in_every_language() {
        assert_eq!(sources().len(), 4);
        assert_eq!(
            sources()[0].get(Lang::Fr),
            "Commission européenne, Cloud Sovereignty Framework v1.2.1 (20 octobre 2025)"
        );
    }

    #[test]
    fn seal_levels_are_named_0_to_4() {
        for s in Seal::all() {
            assert!(seal_level(s).is_some());
        }
        assert_eq!(seal_level(Seal::MAX).map(|d| d.id), Some("SEAL-4"));
    }
}
