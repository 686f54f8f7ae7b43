//! The changes a user makes to an assessment, and the one function that makes them,
//! [`Assessment::apply`]. The app's reducer only routes an [`Edit`] here, so the rules of
//! an edit (what it changes, what an emptied entry leaves behind) live, and are tested, in
//! one place.
//!
//! Edits name criteria, objectives, questions and SecNumCloud requirements by their ids as
//! `String`s, so that they can be built from parsed data as well as from the content. An
//! edit that names an id the content does not know changes nothing, and so does one the
//! format would refuse (a rung beyond the ladder, an approver beyond
//! [`MAX_APPROVERS`]): `apply` keeps the ids and counts of an
//! assessment valid. Texts are taken as given; their length is the caller's to bound
//! ([`MAX_TEXT_CHARS`](crate::format::MAX_TEXT_CHARS)).
//!
//! An entry that an edit empties is removed (an answer with nothing left, a due-diligence
//! answer, a plan item, a SecNumCloud requirement answer with neither status nor note), so
//! that clearing a field gives back the assessment it was before the field was filled.

use crate::content;
use crate::format::MAX_APPROVERS;
use crate::model::{
    Aggregation, Answer, Approver, Assessment, Choice, Date, Decision, EvidenceLevel, Override,
    PlanItem, PlanStatus, Sensitivity, ServiceModel, SncStatus, Stage, Weights,
};
use crate::seal::Seal;

/// One change to an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Sets a criterion's state: a rung, "I don't know", or open again.
    Choose(String, Choice),
    /// Changes a criterion's evidence.
    Evidence(String, EvidenceEdit),
    /// Changes who and what is assessed, or how it is scored.
    Meta(MetaEdit),
    /// Changes the SecNumCloud findings.
    Snc(SncEdit),
    /// Changes the management body's sign-off.
    SignOff(SignOffEdit),
    /// Sets (`Some`) or removes (`None`) an objective's expert override. An override
    /// without a justification removes it (the format requires one).
    Override(String, Option<Override>),
    /// Changes the provider's answer to a due-diligence question (`q1` to `q8`).
    DueDiligence(String, DueDiligenceEdit),
    /// Changes the action plan's item for a criterion or an objective.
    Plan(String, PlanEdit),
    /// Marks every listed criterion that is open (no rung, not unknown) as unknown; the
    /// others are left as they are.
    UnknownForOpen(Vec<String>),
}

/// A change to a criterion's evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceEdit {
    /// The free-text note.
    Note(String),
    /// Where the evidence comes from.
    Source(String),
    /// How strong it is.
    Level(Option<EvidenceLevel>),
    /// Until when it holds.
    ValidUntil(Option<Date>),
}

/// A change to the metadata, the weights or the aggregation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetaEdit {
    /// The user's name for the assessment.
    Title(String),
    /// The provider.
    Provider(String),
    /// The offer.
    Offer(String),
    /// The assessor.
    Assessor(String),
    /// The assessment date.
    Date(Option<Date>),
    /// Turns one service model on (`true`) or off; the list stays in
    /// [`ServiceModel::ALL`] order, without repeats.
    ServiceModels(ServiceModel, bool),
    /// The data's sensitivity.
    Sensitivity(Option<Sensitivity>),
    /// The SEAL the data needs.
    TargetSeal(Option<Seal>),
    /// The weight profile.
    Weights(Weights),
    /// The aggregation policy.
    Aggregation(Aggregation),
}

/// A change to the SecNumCloud findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SncEdit {
    /// The qualification stage.
    Stage(Option<Stage>),
    /// The referential version.
    Version(String),
    /// Turns one qualified service model on (`true`) or off; the list stays sorted.
    Model(ServiceModel, bool),
    /// The services in scope.
    Scope(String),
    /// Whether the qualification is by composition.
    Composition(Option<bool>),
    /// The qualified base it is composed on.
    CompositionBase(String),
    /// The last surveillance audit.
    LastAudit(Option<Date>),
    /// The date the qualification was granted.
    QualifiedOn(Option<Date>),
    /// The date it expires.
    ExpiresOn(Option<Date>),
    /// The ANSSI certificate or attestation reference.
    Certificate(String),
    /// A requirement's status (`None` clears it; a note stays).
    Criterion(String, Option<SncStatus>),
    /// A requirement's note (the status stays).
    Note(String, String),
    /// Several requirements' statuses at once, each as [`SncEdit::Criterion`].
    SetMany(Vec<(String, Option<SncStatus>)>),
    /// Every requirement without a status gets this one (answered ones are left alone).
    /// [`SncStatus::Met`] is refused unless the stage is [`Stage::J3`] (qualified): only a
    /// qualification covers every requirement at once.
    FillUnset(SncStatus),
}

/// A change to the management body's sign-off. Approvers are addressed by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOffEdit {
    /// The decision.
    Decision(Option<Decision>),
    /// Why.
    Rationale(String),
    /// The conditions attached.
    Conditions(String),
    /// The residual risks accepted.
    ResidualRisks(String),
    /// The next review.
    NextReview(Option<Date>),
    /// Appends an empty approver (none beyond [`MAX_APPROVERS`]).
    AddApprover,
    /// Removes an approver.
    RemoveApprover(usize),
    /// An approver's name.
    ApproverName(usize, String),
    /// An approver's role.
    ApproverRole(usize, String),
    /// An approver's date.
    ApproverDate(usize, Option<Date>),
}

/// A change to the provider's answer to a due-diligence question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueDiligenceEdit {
    /// The provider's answer, in words (the answer's `note`).
    Answer(String),
    /// Where the answer comes from.
    Source(String),
    /// How strong the evidence is.
    Level(Option<EvidenceLevel>),
    /// When the answer was received.
    Received(Option<Date>),
}

/// A change to one item of the action plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEdit {
    /// Who owns the action.
    Owner(String),
    /// When it is due.
    Due(Option<Date>),
    /// Where it stands.
    Status(Option<PlanStatus>),
}

impl Assessment {
    /// Makes one edit (see the [module documentation](crate::edit) for what is refused and what
    /// is pruned). `modified` is left alone: stamping the time is the caller's.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Choose(id, choice) => {
                let fits = match (content::criterion(&id), choice) {
                    (None, _) => false,
                    (Some(c), Choice::Rung(r)) => usize::from(r) < c.rungs.len(),
                    (Some(_), _) => true,
                };
                if fits {
                    let entry = self.answers.entry(id.clone()).or_default();
                    (entry.rung, entry.unknown) = match choice {
                        Choice::Rung(r) => (Some(r), false),
                        Choice::Unknown => (None, true),
                        Choice::Open => (None, false),
                    };
                    self.prune_answer(&id);
                }
            }
            Edit::Evidence(id, edit) => {
                if content::criterion(&id).is_some() {
                    let entry = self.answers.entry(id.clone()).or_default();
                    match edit {
                        EvidenceEdit::Note(s) => entry.note = s,
                        EvidenceEdit::Source(s) => entry.source = s,
                        EvidenceEdit::Level(l) => entry.evidence_level = l,
                        EvidenceEdit::ValidUntil(d) => entry.valid_until = d,
                    }
                    self.prune_answer(&id);
                }
            }
            Edit::Meta(edit) => self.apply_meta(edit),
            Edit::Snc(edit) => self.apply_snc(edit),
            Edit::SignOff(edit) => self.apply_signoff(edit),
            Edit::Override(id, ov) => {
                if content::objective(&id).is_some() {
                    match ov.filter(|o| !o.justification.trim().is_empty()) {
                        Some(ov) => {
                            self.overrides.insert(id, ov);
                        }
                        None => {
                            self.overrides.remove(&id);
                        }
                    }
                }
            }
            Edit::DueDiligence(id, edit) => {
                if content::question(&id).is_some() {
                    let entry = self.due_diligence.entry(id.clone()).or_default();
                    match edit {
                        DueDiligenceEdit::Answer(s) => entry.note = s,
                        DueDiligenceEdit::Source(s) => entry.source = s,
                        DueDiligenceEdit::Level(l) => entry.evidence_level = l,
                        DueDiligenceEdit::Received(d) => entry.received = d,
                    }
                    if entry.is_empty() {
                        self.due_diligence.remove(&id);
                    }
                }
            }
            Edit::Plan(id, edit) => {
                if content::criterion(&id).is_some() || content::objective(&id).is_some() {
                    let entry = self.action_plan.entry(id.clone()).or_default();
                    match edit {
                        PlanEdit::Owner(s) => entry.owner = s,
                        PlanEdit::Due(d) => entry.due = d,
                        PlanEdit::Status(s) => entry.status = s,
                    }
                    if *entry == PlanItem::default() {
                        self.action_plan.remove(&id);
                    }
                }
            }
            Edit::UnknownForOpen(ids) => {
                for id in ids {
                    if content::criterion(&id).is_some() && self.choice(&id) == Choice::Open {
                        self.answers.entry(id).or_default().unknown = true;
                    }
                }
            }
        }
    }

    /// Drops the answer to `id` when nothing is left in it.
    fn prune_answer(&mut self, id: &str) {
        if self.answers.get(id).is_some_and(Answer::is_empty) {
            self.answers.remove(id);
        }
    }

    fn apply_meta(&mut self, edit: MetaEdit) {
        let m = &mut self.meta;
        match edit {
            MetaEdit::Title(s) => m.title = s,
            MetaEdit::Provider(s) => m.provider = s,
            MetaEdit::Offer(s) => m.offer = s,
            MetaEdit::Assessor(s) => m.assessor = s,
            MetaEdit::Date(d) => m.date = d,
            MetaEdit::ServiceModels(model, on) => toggle(&mut m.service_models, model, on),
            MetaEdit::Sensitivity(s) => m.sensitivity = s,
            MetaEdit::TargetSeal(s) => m.target_seal = s,
            MetaEdit::Weights(w) => self.weights = w,
            MetaEdit::Aggregation(g) => self.aggregation = g,
        }
    }

    fn apply_snc(&mut self, edit: SncEdit) {
        let s = &mut self.secnumcloud;
        match edit {
            SncEdit::Stage(v) => s.stage = v,
            SncEdit::Version(v) => s.referential_version = v,
            SncEdit::Model(model, on) => toggle(&mut s.service_models, model, on),
            SncEdit::Scope(v) => s.services_in_scope = v,
            SncEdit::Composition(v) => s.composition = v,
            SncEdit::CompositionBase(v) => s.composition_base = v,
            SncEdit::LastAudit(v) => s.last_audit = v,
            SncEdit::QualifiedOn(v) => s.qualified_on = v,
            SncEdit::ExpiresOn(v) => s.expires_on = v,
            SncEdit::Certificate(v) => s.certificate = v,
            SncEdit::Criterion(id, status) => self.snc_requirement(id, |a| a.status = status),
            SncEdit::Note(id, note) => self.snc_requirement(id, |a| a.note = note),
            SncEdit::SetMany(list) => {
                for (id, status) in list {
                    self.snc_requirement(id, |a| a.status = status);
                }
            }
            SncEdit::FillUnset(status) => {
                if status == SncStatus::Met && s.stage != Some(Stage::J3) {
                    return;
                }
                for id in crate::evaluate::unset_requirements(self) {
                    self.snc_requirement(id.to_owned(), |a| a.status = Some(status));
                }
            }
        }
    }

    /// Changes the answer to SecNumCloud requirement `id` with `f`, dropping it when it is
    /// left with neither status nor note.
    fn snc_requirement(&mut self, id: String, f: impl FnOnce(&mut crate::model::SncAnswer)) {
        if content::secnumcloud::criterion(&id).is_none() {
            return;
        }
        let criteria = &mut self.secnumcloud.criteria;
        let entry = criteria.entry(id.clone()).or_default();
        f(entry);
        if entry.status.is_none() && entry.note.is_empty() {
            criteria.remove(&id);
        }
    }

    fn apply_signoff(&mut self, edit: SignOffEdit) {
        let s = &mut self.signoff;
        match edit {
            SignOffEdit::Decision(d) => s.decision = d,
            SignOffEdit::Rationale(v) => s.rationale = v,
            SignOffEdit::Conditions(v) => s.conditions = v,
            SignOffEdit::ResidualRisks(v) => s.residual_risks = v,
            SignOffEdit::NextReview(d) => s.next_review = d,
            SignOffEdit::AddApprover => {
                if s.approvers.len() < MAX_APPROVERS {
                    s.approvers.push(Approver::default());
                }
            }
            SignOffEdit::RemoveApprover(i) => {
                if i < s.approvers.len() {
                    s.approvers.remove(i);
                }
            }
            SignOffEdit::ApproverName(i, v) => {
                if let Some(a) = s.approvers.get_mut(i) {
                    a.name = v;
                }
            }
            SignOffEdit::ApproverRole(i, v) => {
                if let Some(a) = s.approvers.get_mut(i) {
                    a.role = v;
                }
            }
            SignOffEdit::ApproverDate(i, d) => {
                if let Some(a) = s.approvers.get_mut(i) {
                    a.date = d;
                }
            }
        }
    }
}

/// Turns `model` on or off in `list`, which comes out sorted and without repeats.
fn toggle(list: &mut Vec<ServiceModel>, model: ServiceModel, on: bool) {
    list.retain(|x| *x != model);
    if on {
        list.push(model);
        *list = ServiceModel::sorted(list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SncAnswer;

    fn date(s: &str) -> Option<Date> {
        Date::parse(s)
    }

    #[test]
    fn fill_unset_leaves_answered_requirements_and_needs_j3_for_met() {
        let snc = |e| Edit::Snc(e);
        let set = |id: &str, st| snc(SncEdit::Criterion(id.into(), Some(st)));
        let pillars = content::secnumcloud::pillars();
        let (first, second) = (pillars[0].criteria[0].id, pillars[1].criteria[0].id);
        // Not qualified: "met" for all is refused, nothing changes.
        let a = after(vec![
            set(first, SncStatus::NotMet),
            snc(SncEdit::Stage(Some(Stage::J2))),
            snc(SncEdit::FillUnset(SncStatus::Met)),
        ]);
        assert_eq!(a.secnumcloud.criteria.len(), 1);
        // Qualified: every unset requirement is met, the answered one stays not met.
        let a = after(vec![
            set(first, SncStatus::NotMet),
            snc(SncEdit::Note(second.into(), "see audit".into())),
            snc(SncEdit::Stage(Some(Stage::J3))),
            snc(SncEdit::FillUnset(SncStatus::Met)),
        ]);
        assert_eq!(a.secnumcloud.criteria.len(), 36);
        assert_eq!(
            a.secnumcloud.criteria[first].status,
            Some(SncStatus::NotMet)
        );
        assert_eq!(
            a.secnumcloud.criteria[second],
            SncAnswer {
                status: Some(SncStatus::Met),
                note: "see audit".into()
            }
        );
        assert!(a
            .secnumcloud
            .criteria
            .iter()
            .filter(|(id, _)| *id != first)
            .all(|(_, s)| s.status == Some(SncStatus::Met)));
        // "Unknown" for all needs no stage, and also leaves answers alone.
        let a = after(vec![
            set(first, SncStatus::Partly),
            snc(SncEdit::FillUnset(SncStatus::Unknown)),
        ]);
        assert_eq!(
            a.secnumcloud.criteria[first].status,
            Some(SncStatus::Partly)
        );
        assert_eq!(
            a.secnumcloud
                .criteria
                .values()
                .filter(|s| s.status == Some(SncStatus::Unknown))
                .count(),
            35
        );
    }

    /// `edits` applied in order to an empty assessment.
    fn after(edits: Vec<Edit>) -> Assessment {
        let mut a = Assessment::default();
        for e in edits {
            a.apply(e);
        }
        a
    }

    fn answer(f: impl FnOnce(&mut Answer)) -> Answer {
        let mut a = Answer::default();
        f(&mut a);
        a
    }

    fn choose(id: &str, c: Choice) -> Edit {
        Edit::Choose(id.into(), c)
    }

    #[test]
    fn choosing_sets_the_state_and_clearing_prunes_the_answer() {
        let cases: Vec<(Vec<Edit>, Choice, bool)> = vec![
            (
                vec![choose("SOV-3.1", Choice::Rung(2))],
                Choice::Rung(2),
                true,
            ),
            (
                vec![choose("SOV-3.1", Choice::Unknown)],
                Choice::Unknown,
                true,
            ),
            (
                vec![
                    choose("SOV-3.1", Choice::Rung(2)),
                    choose("SOV-3.1", Choice::Unknown),
                ],
                Choice::Unknown,
                true,
            ),
            (
                vec![
                    choose("SOV-3.1", Choice::Unknown),
                    choose("SOV-3.1", Choice::Rung(0)),
                ],
                Choice::Rung(0),
                true,
            ),
            (
                vec![
                    choose("SOV-3.1", Choice::Rung(2)),
                    choose("SOV-3.1", Choice::Open),
                ],
                Choice::Open,
                false,
            ),
        ];
        for (edits, choice, kept) in cases {
            let a = after(edits.clone());
            assert_eq!(a.choice("SOV-3.1"), choice, "{edits:?}");
            assert_eq!(a.answers.contains_key("SOV-3.1"), kept, "{edits:?}");
        }
    }

    #[test]
    fn clearing_the_choice_keeps_an_answer_that_still_has_evidence() {
        let a = after(vec![
            choose("SOV-3.1", Choice::Rung(2)),
            Edit::Evidence("SOV-3.1".into(), EvidenceEdit::Note("asked".into())),
            choose("SOV-3.1", Choice::Open),
        ]);
        assert_eq!(
            a.answers.get("SOV-3.1"),
            Some(&answer(|x| x.note = "asked".into()))
        );
    }

    #[test]
    fn evidence_edits_set_each_field_and_emptying_them_prunes() {
        let id = || "SOV-1.1".to_owned();
        let cases = [
            (
                EvidenceEdit::Note("n".into()),
                answer(|x| x.note = "n".into()),
                EvidenceEdit::Note(String::new()),
            ),
            (
                EvidenceEdit::Source("s".into()),
                answer(|x| x.source = "s".into()),
                EvidenceEdit::Source(String::new()),
            ),
            (
                EvidenceEdit::Level(Some(EvidenceLevel::Audited)),
                answer(|x| x.evidence_level = Some(EvidenceLevel::Audited)),
                EvidenceEdit::Level(None),
            ),
            (
                EvidenceEdit::ValidUntil(date("2027-01-31")),
                answer(|x| x.valid_until = date("2027-01-31")),
                EvidenceEdit::ValidUntil(None),
            ),
        ];
        for (set, want, clear) in cases {
            let mut a = after(vec![Edit::Evidence(id(), set.clone())]);
            assert_eq!(a.answers.get("SOV-1.1"), Some(&want), "{set:?}");
            a.apply(Edit::Evidence(id(), clear));
            assert!(a.answers.is_empty(), "{set:?}");
        }
    }

    #[test]
    fn unknown_ids_and_impossible_values_change_nothing() {
        let untouched = [
            choose("SOV-9.9", Choice::Rung(0)),
            // SOV-2.1 has three rungs.
            choose("SOV-2.1", Choice::Rung(3)),
            Edit::Evidence("x".into(), EvidenceEdit::Note("n".into())),
            Edit::Override(
                "SOV-9".into(),
                Some(Override {
                    level: Seal::MIN,
                    justification: "j".into(),
                }),
            ),
            Edit::DueDiligence("q9".into(), DueDiligenceEdit::Answer("a".into())),
            Edit::Plan("SOV-1.99".into(), PlanEdit::Owner("o".into())),
            Edit::Snc(SncEdit::Criterion("SNC-99".into(), Some(SncStatus::Met))),
            Edit::Snc(SncEdit::Note("SNC-99".into(), "n".into())),
            Edit::UnknownForOpen(vec!["SOV-0.1".into()]),
        ];
        for e in untouched {
            assert_eq!(after(vec![e.clone()]), Assessment::default(), "{e:?}");
        }
    }

    #[test]
    fn unknown_for_open_marks_only_open_criteria() {
        let mut a = after(vec![
            choose("SOV-1.1", Choice::Rung(1)),
            Edit::Evidence("SOV-1.3".into(), EvidenceEdit::Note("asked".into())),
        ]);
        a.apply(Edit::UnknownForOpen(
            ["SOV-1.1", "SOV-1.2", "SOV-1.3"].map(String::from).to_vec(),
        ));
        assert_eq!(a.choice("SOV-1.1"), Choice::Rung(1));
        assert_eq!(a.choice("SOV-1.2"), Choice::Unknown);
        assert_eq!(
            a.answers.get("SOV-1.3"),
            Some(&answer(|x| {
                x.unknown = true;
                x.note = "asked".into();
            }))
        );
        assert_eq!(a.choice("SOV-1.4"), Choice::Open);
    }

    #[test]
    fn meta_edits_set_their_field() {
        type Holds = fn(&Assessment) -> bool;
        let cases: Vec<(MetaEdit, Holds)> = vec![
            (MetaEdit::Title("T".into()), |a| a.meta.title == "T"),
            (MetaEdit::Provider("P".into()), |a| a.meta.provider == "P"),
            (MetaEdit::Offer("O".into()), |a| a.meta.offer == "O"),
            (MetaEdit::Assessor("A".into()), |a| a.meta.assessor == "A"),
            (MetaEdit::Date(date("2026-11-22")), |a| {
                a.meta.date == date("2026-11-22")
            }),
            (MetaEdit::Sensitivity(Some(Sensitivity::High)), |a| {
                a.meta.sensitivity == Some(Sensitivity::High)
            }),
            (MetaEdit::TargetSeal(Seal::new(3)), |a| {
                a.meta.target_seal == Seal::new(3)
            }),
            (MetaEdit::Weights(Weights::Calculator), |a| {
                a.weights == Weights::Calculator
            }),
            (MetaEdit::Aggregation(Aggregation::WeightedMean), |a| {
                a.aggregation == Aggregation::WeightedMean
            }),
        ];
        for (edit, holds) in cases {
            assert!(holds(&after(vec![Edit::Meta(edit.clone())])), "{edit:?}");
        }
    }

    #[test]
    fn service_models_toggle_sorted_and_without_repeats() {
        use ServiceModel::*;
        let on = |m| Edit::Meta(MetaEdit::ServiceModels(m, true));
        let off = |m| Edit::Meta(MetaEdit::ServiceModels(m, false));
        let cases = [
            (vec![on(Saas), on(Iaas)], vec![Iaas, Saas]),
            (vec![on(Paas), on(Paas)], vec![Paas]),
            (vec![on(Caas), on(Iaas), off(Caas)], vec![Iaas]),
            (vec![off(Iaas)], vec![]),
        ];
        for (edits, want) in cases {
            assert_eq!(after(edits.clone()).meta.service_models, want, "{edits:?}");
        }
        let a = after(vec![
            Edit::Snc(SncEdit::Model(Saas, true)),
            Edit::Snc(SncEdit::Model(Caas, true)),
            Edit::Snc(SncEdit::Model(Saas, true)),
        ]);
        assert_eq!(a.secnumcloud.service_models, [Caas, Saas]);
    }

    #[test]
    fn secnumcloud_fields_are_set() {
        let a = after(vec![
            Edit::Snc(SncEdit::Stage(Some(Stage::J3))),
            Edit::Snc(SncEdit::Version("3.2".into())),
            Edit::Snc(SncEdit::Scope("Compute".into())),
            Edit::Snc(SncEdit::Composition(Some(false))),
            Edit::Snc(SncEdit::CompositionBase("Base".into())),
            Edit::Snc(SncEdit::LastAudit(date("2026-03-01"))),
            Edit::Snc(SncEdit::QualifiedOn(date("2025-01-15"))),
            Edit::Snc(SncEdit::ExpiresOn(date("2028-01-15"))),
            Edit::Snc(SncEdit::Certificate("ANSSI-CSPN-2025/01".into())),
        ]);
        let s = &a.secnumcloud;
        assert_eq!(s.stage, Some(Stage::J3));
        assert_eq!(s.referential_version, "3.2");
        assert_eq!(s.services_in_scope, "Compute");
        assert_eq!(s.composition, Some(false));
        assert_eq!(s.composition_base, "Base");
        assert_eq!(s.last_audit, date("2026-03-01"));
        assert_eq!(s.qualified_on, date("2025-01-15"));
        assert_eq!(s.expires_on, date("2028-01-15"));
        assert_eq!(s.certificate, "ANSSI-CSPN-2025/01");
    }

    #[test]
    fn requirement_answers_keep_a_note_without_status_and_prune_when_empty() {
        let id = || "SNC-19.2.b".to_owned();
        let status = |s| Edit::Snc(SncEdit::Criterion(id(), s));
        let note = |n: &str| Edit::Snc(SncEdit::Note(id(), n.into()));
        let snc = |status, note: &str| SncAnswer {
            status,
            note: note.into(),
        };
        let cases = [
            (
                vec![status(Some(SncStatus::Met))],
                Some(snc(Some(SncStatus::Met), "")),
            ),
            (vec![note("asked")], Some(snc(None, "asked"))),
            (
                vec![note("asked"), status(Some(SncStatus::Partly))],
                Some(snc(Some(SncStatus::Partly), "asked")),
            ),
            (
                vec![status(Some(SncStatus::Met)), note("n"), status(None)],
                Some(snc(None, "n")),
            ),
            (vec![status(Some(SncStatus::Met)), status(None)], None),
            (vec![note("n"), note("")], None),
            (
                vec![status(Some(SncStatus::NotMet)), note("n"), note("")],
                Some(snc(Some(SncStatus::NotMet), "")),
            ),
        ];
        for (edits, want) in cases {
            let a = after(edits.clone());
            assert_eq!(
                a.secnumcloud.criteria.get("SNC-19.2.b"),
                want.as_ref(),
                "{edits:?}"
            );
        }
    }

    #[test]
    fn set_many_sets_and_clears_several_requirements() {
        let mut a = after(vec![
            Edit::Snc(SncEdit::Criterion(
                "SNC-19.6.b".into(),
                Some(SncStatus::Met),
            )),
            Edit::Snc(SncEdit::Note("SNC-19.4".into(), "kept".into())),
        ]);
        a.apply(Edit::Snc(SncEdit::SetMany(vec![
            ("SNC-19.2.b".into(), Some(SncStatus::NotApplicable)),
            ("SNC-19.6.b".into(), None),
            ("SNC-19.4".into(), None),
            ("SNC-99".into(), Some(SncStatus::Met)),
        ])));
        let got: Vec<(&str, Option<SncStatus>, &str)> = a
            .secnumcloud
            .criteria
            .iter()
            .map(|(id, x)| (id.as_str(), x.status, x.note.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("SNC-19.2.b", Some(SncStatus::NotApplicable), ""),
                ("SNC-19.4", None, "kept"),
            ]
        );
    }

    #[test]
    fn sign_off_edits_add_fill_and_remove_approvers() {
        let so = |e| Edit::SignOff(e);
        let a = after(vec![
            so(SignOffEdit::AddApprover),
            so(SignOffEdit::AddApprover),
            so(SignOffEdit::ApproverName(1, "B. Board".into())),
            so(SignOffEdit::ApproverRole(1, "Chair".into())),
            so(SignOffEdit::ApproverDate(1, date("2026-11-21"))),
            so(SignOffEdit::ApproverName(7, "nobody".into())),
            so(SignOffEdit::RemoveApprover(0)),
            so(SignOffEdit::RemoveApprover(7)),
            so(SignOffEdit::Decision(Some(Decision::Reject))),
            so(SignOffEdit::Rationale("r".into())),
            so(SignOffEdit::Conditions("c".into())),
            so(SignOffEdit::ResidualRisks("rr".into())),
            so(SignOffEdit::NextReview(date("2027-11-21"))),
        ]);
        let s = &a.signoff;
        assert_eq!(
            s.approvers,
            [Approver {
                name: "B. Board".into(),
                role: "Chair".into(),
                date: date("2026-11-21"),
            }]
        );
        assert_eq!(s.decision, Some(Decision::Reject));
        assert_eq!(
            (
                s.rationale.as_str(),
                s.conditions.as_str(),
                s.residual_risks.as_str()
            ),
            ("r", "c", "rr")
        );
        assert_eq!(s.next_review, date("2027-11-21"));
    }

    #[test]
    fn approvers_stop_at_the_format_limit() {
        let a = after(vec![
            Edit::SignOff(SignOffEdit::AddApprover);
            MAX_APPROVERS + 3
        ]);
        assert_eq!(a.signoff.approvers.len(), MAX_APPROVERS);
    }

    #[test]
    fn overrides_need_a_justification() {
        let ov = |j: &str| {
            Some(Override {
                level: Seal::new(2).unwrap_or(Seal::MIN),
                justification: j.into(),
            })
        };
        let set = Edit::Override("SOV-5".into(), ov("Reviewed"));
        let a = after(vec![set.clone()]);
        assert_eq!(a.overrides.get("SOV-5"), ov("Reviewed").as_ref());
        for clear in [ov("  "), None] {
            let a = after(vec![
                set.clone(),
                Edit::Override("SOV-5".into(), clear.clone()),
            ]);
            assert!(a.overrides.is_empty(), "{clear:?}");
        }
    }

    #[test]
    fn due_diligence_answers_are_set_and_pruned() {
        let dd = |e| Edit::DueDiligence("q3".into(), e);
        let a = after(vec![
            dd(DueDiligenceEdit::Answer("EU staff only".into())),
            dd(DueDiligenceEdit::Source("Contract §4".into())),
            dd(DueDiligenceEdit::Level(Some(EvidenceLevel::Documented))),
            dd(DueDiligenceEdit::Received(date("2026-11-02"))),
        ]);
        assert_eq!(
            a.due_diligence.get("q3"),
            Some(&answer(|x| {
                x.note = "EU staff only".into();
                x.source = "Contract §4".into();
                x.evidence_level = Some(EvidenceLevel::Documented);
                x.received = date("2026-11-02");
            }))
        );
        let mut a = a;
        for e in [
            DueDiligenceEdit::Answer(String::new()),
            DueDiligenceEdit::Source(String::new()),
            DueDiligenceEdit::Level(None),
            DueDiligenceEdit::Received(None),
        ] {
            a.apply(dd(e));
        }
        assert!(a.due_diligence.is_empty());
    }

    #[test]
    fn plan_items_take_criteria_and_objectives_and_are_pruned() {
        let plan = |id: &str, e| Edit::Plan(id.into(), e);
        let mut a = after(vec![
            plan("SOV-3.1", PlanEdit::Owner("CISO".into())),
            plan("SOV-3.1", PlanEdit::Due(date("2027-03-31"))),
            plan("SOV-3.1", PlanEdit::Status(Some(PlanStatus::InProgress))),
            plan("SOV-5", PlanEdit::Status(Some(PlanStatus::Planned))),
        ]);
        assert_eq!(
            a.action_plan.get("SOV-3.1"),
            Some(&PlanItem {
                owner: "CISO".into(),
                due: date("2027-03-31"),
                status: Some(PlanStatus::InProgress),
            })
        );
        a.apply(plan("SOV-5", PlanEdit::Status(None)));
        assert_eq!(a.action_plan.keys().collect::<Vec<_>>(), ["SOV-3.1"]);
    }
}
