//! The core's two-tab merge in words: the name of a field both tabs changed, and each
//! side's value (`sovcheck_core::sync`).

use crate::{fill, Catalog};
use sovcheck_core::model::PlanStatus;
use sovcheck_core::sync::{
    AnswerField, Field, MetaField, PlanField, SignOffField, SncField, Value,
};

impl Catalog {
    /// The name of a field, as a form labels it (`Provider`, `SOV-3.1, Note`).
    pub fn sync_field(&self, f: &Field) -> String {
        let part = |id: &str, part: &str| fill(self.tabs.part, &[("id", &id), ("part", &part)]);
        let answer = |p: &AnswerField| match p {
            AnswerField::Choice => self.tabs.field_answer,
            AnswerField::Note => self.evidence.note,
            AnswerField::Source => self.evidence.source,
            AnswerField::Level => self.evidence.level,
            AnswerField::ValidUntil => self.evidence.valid_until,
            AnswerField::Received => self.tabs.field_received,
            AnswerField::Provenance => self.tabs.field_provenance,
        };
        let c = &self.context;
        match f {
            Field::Meta(m) => match m {
                MetaField::Title => self.tabs.field_title.to_owned(),
                MetaField::Provider => c.provider.to_owned(),
                MetaField::Offer => c.offer.to_owned(),
                MetaField::Assessor => c.assessor.to_owned(),
                MetaField::Date => c.date.to_owned(),
                MetaField::ServiceModel(m) => part(c.service_model, self.service_model(*m)),
                MetaField::Sensitivity => c.sensitivity.to_owned(),
                MetaField::TargetSeal => c.target_seal.to_owned(),
                MetaField::Weights => c.weights.to_owned(),
                MetaField::Aggregation => c.aggregation.to_owned(),
            },
            Field::Answer(id, p) | Field::DueDiligence(id, p) => part(id, answer(p)),
            Field::Override(id) => part(id, self.tabs.field_override),
            Field::Snc(s) => {
                let n = &self.snc;
                match s {
                    SncField::Stage => n.stage.to_owned(),
                    SncField::Version => n.version.to_owned(),
                    SncField::Model(m) => part(n.models, self.service_model(*m)),
                    SncField::Scope => n.scope.to_owned(),
                    SncField::Composition => n.composition.to_owned(),
                    SncField::CompositionBase => n.composition_base.to_owned(),
                    SncField::LastAudit => n.last_audit.to_owned(),
                    SncField::QualifiedOn => self.tabs.field_qualified_on.to_owned(),
                    SncField::ExpiresOn => self.tabs.field_expires_on.to_owned(),
                    SncField::Certificate => self.tabs.field_certificate.to_owned(),
                    SncField::Status(id) => part(id, self.tabs.field_status),
                    SncField::Note(id) => part(id, self.evidence.note),
                }
            }
            Field::SignOff(s) => {
                let g = &self.signoff;
                match s {
                    SignOffField::Decision => g.decision,
                    SignOffField::Rationale => g.rationale,
                    SignOffField::Conditions => g.conditions,
                    SignOffField::ResidualRisks => g.residual_risks,
                    SignOffField::NextReview => g.next_review,
                    SignOffField::Approvers => g.approvers,
                }
                .to_owned()
            }
            Field::Plan(id, p) => part(
                id,
                match p {
                    PlanField::Owner => self.tabs.field_plan_owner,
                    PlanField::Due => self.tabs.field_plan_due,
                    PlanField::Status => self.tabs.field_plan_status,
                },
            ),
        }
    }

    /// A field's value in words; an empty one is a dash.
    pub fn sync_value(&self, v: &Value) -> String {
        let dash = || self.typo.dash.to_owned();
        let or_dash = |s: Option<String>| s.unwrap_or_else(dash);
        match v {
            Value::Text(s) => self.or_dash(s),
            Value::Date(d) => or_dash(d.map(|d| self.date(d))),
            Value::Choice(c) => self.choice_short(*c),
            Value::Listed(on) => if *on { self.common.yes } else { self.common.no }.to_owned(),
            Value::Sensitivity(s) => or_dash(s.map(|s| self.sensitivity(s).to_owned())),
            Value::Seal(s) => self.opt_seal(*s),
            Value::Weights(w) => self.weights_name(w),
            Value::Aggregation(a) => self.aggregation(*a).to_owned(),
            Value::Level(l) => or_dash(l.map(|l| self.evidence_level(l).to_owned())),
            Value::Provenance(p) => self.or_dash(p.as_ref().map_or("", |p| p.respondent.as_str())),
            Value::Override(o) => self.override_level(o.as_ref()),
            Value::Stage(s) => self.stage(*s).to_owned(),
            Value::Composition(c) => {
                or_dash(c.map(|c| if c { self.common.yes } else { self.common.no }.to_owned()))
            }
            Value::SncStatus(s) => or_dash(s.map(|s| self.snc_status(s).to_owned())),
            Value::Decision(d) => or_dash(d.map(|d| self.decision(d).to_owned())),
            Value::PlanStatus(s) => or_dash(s.map(|s| {
                match s {
                    PlanStatus::Planned => self.tabs.plan_planned,
                    PlanStatus::InProgress => self.tabs.plan_in_progress,
                    PlanStatus::Done => self.tabs.plan_done,
                }
                .to_owned()
            })),
            Value::Approvers(list) => {
                if list.is_empty() {
                    dash()
                } else {
                    self.list(list.iter().map(|a| self.or_dash(&a.name)))
                }
            }
        }
    }
}

#[cfg(all(test, feature = "embedded"))]
mod tests {
    use crate::texts;
    use sovcheck_core::model::{Approver, Choice, ServiceModel};
    use sovcheck_core::sync::{AnswerField, Field, MetaField, Value};
    use sovcheck_core::Lang;

    #[test]
    fn fields_and_values_are_worded() {
        let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
        assert_eq!(en.sync_field(&Field::Meta(MetaField::Provider)), "Provider");
        assert_eq!(
            fr.sync_field(&Field::Answer("SOV-3.1".into(), AnswerField::Choice)),
            "SOV-3.1, réponse"
        );
        assert_eq!(
            en.sync_field(&Field::Answer("SOV-3.1".into(), AnswerField::Note)),
            "SOV-3.1, Note"
        );
        assert_eq!(
            en.sync_field(&Field::Meta(MetaField::ServiceModel(ServiceModel::Iaas))),
            format!("Service model, {}", en.service_model(ServiceModel::Iaas))
        );
        assert_eq!(en.sync_value(&Value::Choice(Choice::Rung(2))), "rung 2");
        assert_eq!(en.sync_value(&Value::Text(String::new())), "—");
        let two = vec![
            Approver {
                name: "A. Dupont".into(),
                ..Approver::default()
            },
            Approver::default(),
        ];
        assert_eq!(en.sync_value(&Value::Approvers(two)), "A. Dupont, —");
    }
}
