//! Two writers of one assessment: the rules by which a browser tab takes in what another tab
//! of the same browser saved, without losing what either changed.
//!
//! [`merge`] is a three-way merge, field by field: `base` is what this writer last saved or
//! read for the assessment, `ours` what it holds now, `theirs` what the other writer saved
//! since. A field only one side changed takes that side's value, so edits to different
//! fields both survive. A field both sides changed to different values is a **conflict**:
//! the merge keeps **theirs** (it is already saved, and the other writer, which does not
//! know of ours, shows it), and reports the field, so that this writer shows both values
//! and lets the user choose; [`take`] then copies ours back. Nothing is decided silently,
//! and nothing the user typed is dropped before they choose.
//!
//! What a field is: every scalar of the metadata, the SecNumCloud findings and the
//! sign-off; each service model's being listed (two writers ticking different models both
//! count); per criterion and due-diligence question, the choice (rung or "I don't know"),
//! the note, the source, the evidence level, the validity date, the date received and the
//! provenance; per objective, its override; per SecNumCloud requirement, its status and
//! its note; per action-plan item, its owner, due date and status; the weights; the
//! aggregation. The approvers are one field (they are addressed by position, and a removal
//! shifts every one after it). The log is only ever appended to: the merge keeps theirs
//! and appends ours' new entries, never a conflict. `modified` is the later of the two.
//!
//! The result stays within the format's rules when its inputs do: an entry left empty is
//! dropped as [`Assessment::apply`] drops it, and the log stops at
//! [`MAX_LOG_ENTRIES`].

use crate::format::MAX_LOG_ENTRIES;
use crate::model::{
    Aggregation, Answer, Approver, Assessment, Choice, Date, Decision, EvidenceLevel, Override,
    PlanItem, PlanStatus, Provenance, Sensitivity, ServiceModel, SncAnswer, SncStatus, Stage,
    Weights,
};
use crate::seal::Seal;
use std::collections::{BTreeMap, BTreeSet};

/// A field of the metadata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaField {
    /// The user's name for the assessment.
    Title,
    /// The provider.
    Provider,
    /// The offer.
    Offer,
    /// The assessor.
    Assessor,
    /// The assessment date.
    Date,
    /// Whether this service model is assessed.
    ServiceModel(ServiceModel),
    /// The data's sensitivity.
    Sensitivity,
    /// The target SEAL.
    TargetSeal,
    /// The weight profile.
    Weights,
    /// The aggregation policy.
    Aggregation,
}

/// A part of a criterion's or a due-diligence question's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    /// The rung or "I don't know" (criteria only).
    Choice,
    /// The note (a question's: the provider's answer).
    Note,
    /// Where the evidence comes from.
    Source,
    /// How strong the evidence is.
    Level,
    /// Until when it holds.
    ValidUntil,
    /// When it was received.
    Received,
    /// Who gave it and who accepted it.
    Provenance,
}

/// A field of the SecNumCloud findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SncField {
    /// The qualification stage.
    Stage,
    /// The referential version.
    Version,
    /// Whether this service model is qualified.
    Model(ServiceModel),
    /// The services in scope.
    Scope,
    /// Whether the qualification is by composition.
    Composition,
    /// The qualified base it is composed on.
    CompositionBase,
    /// The last surveillance audit.
    LastAudit,
    /// The date of the qualification.
    QualifiedOn,
    /// The date it expires.
    ExpiresOn,
    /// The certificate reference.
    Certificate,
    /// A requirement's status.
    Status(String),
    /// A requirement's note.
    Note(String),
}

/// A field of the sign-off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignOffField {
    /// The decision.
    Decision,
    /// Why.
    Rationale,
    /// The conditions attached.
    Conditions,
    /// The residual risks accepted.
    ResidualRisks,
    /// The next review.
    NextReview,
    /// The approvers, as one list.
    Approvers,
}

/// A field of an action-plan item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanField {
    /// Who owns the action.
    Owner,
    /// When it is due.
    Due,
    /// Where it stands.
    Status,
}

/// One field of an assessment, as the merge tells fields apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// A field of the metadata, the weights or the aggregation.
    Meta(MetaField),
    /// A part of the answer to a criterion (by id).
    Answer(String, AnswerField),
    /// The override of an objective (by id).
    Override(String),
    /// A field of the SecNumCloud findings.
    Snc(SncField),
    /// A field of the sign-off.
    SignOff(SignOffField),
    /// A part of the provider's answer to a due-diligence question (by id).
    DueDiligence(String, AnswerField),
    /// A field of the action-plan item of a criterion or an objective (by id).
    Plan(String, PlanField),
}

/// The value of a field, for showing both sides of a conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A text.
    Text(String),
    /// A date, or none.
    Date(Option<Date>),
    /// A criterion's state.
    Choice(Choice),
    /// A service model listed (`true`) or not.
    Listed(bool),
    /// A sensitivity, or none.
    Sensitivity(Option<Sensitivity>),
    /// A SEAL, or none.
    Seal(Option<Seal>),
    /// A weight profile.
    Weights(Weights),
    /// An aggregation policy.
    Aggregation(Aggregation),
    /// An evidence level, or none.
    Level(Option<EvidenceLevel>),
    /// A provenance, or none.
    Provenance(Option<Provenance>),
    /// An override, or none.
    Override(Option<Override>),
    /// A qualification stage, or none.
    Stage(Option<Stage>),
    /// Qualified by composition (`Some(true)`), not (`Some(false)`), or not said.
    Composition(Option<bool>),
    /// A requirement's status, or none.
    SncStatus(Option<SncStatus>),
    /// A decision, or none.
    Decision(Option<Decision>),
    /// An action's status, or none.
    PlanStatus(Option<PlanStatus>),
    /// The approvers.
    Approvers(Vec<Approver>),
}

/// What [`merge`] gives: the merged assessment (theirs on every conflicting field) and the
/// conflicting fields, in the order of the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The merged assessment.
    pub assessment: Assessment,
    /// The fields both sides changed to different values.
    pub conflicts: Vec<Field>,
}

/// Merges what another writer saved (`theirs`) into what this writer holds (`ours`), both
/// changed from `base`: see the [module documentation](crate::sync). The result keeps
/// `ours`' id.
pub fn merge(base: &Assessment, ours: &Assessment, theirs: &Assessment) -> Merged {
    let mut out = ours.clone();
    let mut m = Op::Merge {
        conflicts: Vec::new(),
    };
    walk(&mut m, base, &mut out, theirs);
    let conflicts = match m {
        Op::Merge { conflicts } => conflicts,
        Op::Take { .. } | Op::Show { .. } => Vec::new(),
    };
    out.modified = if theirs.modified > ours.modified {
        theirs.modified.clone()
    } else {
        ours.modified.clone()
    };
    // The log: theirs, then the entries ours added since the base that theirs lacks.
    let mut log = theirs.log.clone();
    for entry in ours.log.iter().skip(common_prefix(&base.log, &ours.log)) {
        if log.len() >= MAX_LOG_ENTRIES {
            break;
        }
        if !log.contains(entry) {
            log.push(entry.clone());
        }
    }
    out.log = log;
    Merged {
        assessment: out,
        conflicts,
    }
}

/// Copies `field` from `from` into `into` (and nothing else): after a conflict, the user's
/// choice of the value [`merge`] did not keep.
pub fn take(into: &mut Assessment, from: &Assessment, field: &Field) {
    let mut t = Op::Take {
        field: field.clone(),
        done: false,
    };
    walk(&mut t, from, into, from);
}

/// The value of `field` in `a` (an absent entry's field has its empty value).
pub fn value(a: &Assessment, field: &Field) -> Value {
    let mut s = Op::Show {
        field: field.clone(),
        out: None,
    };
    let mut copy = a.clone();
    walk(&mut s, a, &mut copy, a);
    match s {
        Op::Show { out: Some(v), .. } => v,
        _ => empty(field),
    }
}

/// The value of `field` in an entry that is absent.
fn empty(field: &Field) -> Value {
    match field {
        Field::Answer(_, part) | Field::DueDiligence(_, part) => match part {
            AnswerField::Choice => Value::Choice(Choice::Open),
            AnswerField::Note | AnswerField::Source => Value::Text(String::new()),
            AnswerField::Level => Value::Level(None),
            AnswerField::ValidUntil | AnswerField::Received => Value::Date(None),
            AnswerField::Provenance => Value::Provenance(None),
        },
        Field::Override(_) => Value::Override(None),
        Field::Snc(SncField::Status(_)) => Value::SncStatus(None),
        Field::Plan(_, PlanField::Owner) => Value::Text(String::new()),
        Field::Plan(_, PlanField::Due) => Value::Date(None),
        Field::Plan(_, PlanField::Status) => Value::PlanStatus(None),
        // Every other field is always visited; a requirement's note is text.
        _ => Value::Text(String::new()),
    }
}

/// How many leading entries two lists share.
fn common_prefix<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// What is done with each field as [`walk`] visits it with its three values: one type for
/// the three operations, so that the walk over every field is compiled once.
enum Op {
    /// One side's change is taken; both sides' different changes keep theirs and are
    /// listed.
    Merge { conflicts: Vec<Field> },
    /// `field` is copied from `theirs` into `ours`.
    Take { field: Field, done: bool },
    /// `field`'s value (in `ours`) is found.
    Show { field: Field, out: Option<Value> },
}

impl Op {
    /// Visits one field; `ours` may be changed; `show` words its value as a [`Value`].
    fn visit<T: Clone + PartialEq>(
        &mut self,
        field: Field,
        base: &T,
        ours: &mut T,
        theirs: &T,
        show: fn(&T) -> Value,
    ) {
        match self {
            Op::Merge { conflicts } => {
                if ours == theirs || theirs == base {
                    return;
                }
                if *ours != *base {
                    conflicts.push(field);
                }
                *ours = theirs.clone();
            }
            Op::Take { field: f, done } => {
                if !*done && field == *f {
                    *ours = theirs.clone();
                    *done = true;
                }
            }
            Op::Show { field: f, out } => {
                if out.is_none() && field == *f {
                    *out = Some(show(ours));
                }
            }
        }
    }
}

// A `fn(&String)`, as `Op::visit` takes the field's own type.
#[allow(clippy::ptr_arg)]
fn text(s: &String) -> Value {
    Value::Text(s.clone())
}

fn date(d: &Option<Date>) -> Value {
    Value::Date(*d)
}

/// Visits each of the four service models' being listed in `get`'s list, keeping the list in
/// [`ServiceModel::ALL`] order.
fn models(
    v: &mut Op,
    field: fn(ServiceModel) -> Field,
    b: &[ServiceModel],
    o: &mut Vec<ServiceModel>,
    t: &[ServiceModel],
) {
    for m in ServiceModel::ALL {
        let mut on = o.contains(&m);
        let before = on;
        v.visit(field(m), &b.contains(&m), &mut on, &t.contains(&m), |x| {
            Value::Listed(*x)
        });
        if on != before {
            o.retain(|x| *x != m);
            if on {
                o.push(m);
            }
            *o = ServiceModel::sorted(o);
        }
    }
}

/// Visits every entry of three maps, by key: `entry` visits one entry's fields (absent
/// entries read as the default); an entry left equal to the default is removed.
fn map<T: Clone + PartialEq + Default>(
    v: &mut Op,
    b: &BTreeMap<String, T>,
    o: &mut BTreeMap<String, T>,
    t: &BTreeMap<String, T>,
    entry: &mut dyn FnMut(&mut Op, &str, &T, &mut T, &T),
    empty: fn(&T) -> bool,
) {
    // Inserted one by one: `collect` into a set sorts first, and would pull a sort routine
    // into the web build.
    let mut keys = BTreeSet::new();
    keys.extend(b.keys().chain(o.keys()).chain(t.keys()).cloned());
    for key in keys {
        let get = |m: &BTreeMap<String, T>| m.get(&key).cloned().unwrap_or_default();
        let before = o.get(&key).cloned();
        let mut mine = before.clone().unwrap_or_default();
        entry(v, &key, &get(b), &mut mine, &get(t));
        if before.as_ref() != Some(&mine) {
            if empty(&mine) {
                o.remove(&key);
            } else {
                o.insert(key, mine);
            }
        }
    }
}

/// Visits the parts of an answer.
fn answer(
    v: &mut Op,
    field: &dyn Fn(AnswerField) -> Field,
    b: &Answer,
    o: &mut Answer,
    t: &Answer,
) {
    let mut choice = o.choice();
    v.visit(
        field(AnswerField::Choice),
        &b.choice(),
        &mut choice,
        &t.choice(),
        |c| Value::Choice(*c),
    );
    if choice != o.choice() {
        (o.rung, o.unknown) = match choice {
            Choice::Rung(r) => (Some(r), false),
            Choice::Unknown => (None, true),
            Choice::Open => (None, false),
        };
    }
    v.visit(
        field(AnswerField::Note),
        &b.note,
        &mut o.note,
        &t.note,
        text,
    );
    v.visit(
        field(AnswerField::Source),
        &b.source,
        &mut o.source,
        &t.source,
        text,
    );
    v.visit(
        field(AnswerField::Level),
        &b.evidence_level,
        &mut o.evidence_level,
        &t.evidence_level,
        |l| Value::Level(*l),
    );
    v.visit(
        field(AnswerField::ValidUntil),
        &b.valid_until,
        &mut o.valid_until,
        &t.valid_until,
        date,
    );
    v.visit(
        field(AnswerField::Received),
        &b.received,
        &mut o.received,
        &t.received,
        date,
    );
    v.visit(
        field(AnswerField::Provenance),
        &b.provenance,
        &mut o.provenance,
        &t.provenance,
        |p| Value::Provenance(p.clone()),
    );
}

/// Visits every field of an assessment, in the order of the assessment.
fn walk(v: &mut Op, b: &Assessment, o: &mut Assessment, t: &Assessment) {
    use MetaField as M;
    let meta = Field::Meta;
    let (bm, tm, om) = (&b.meta, &t.meta, &mut o.meta);
    v.visit(meta(M::Title), &bm.title, &mut om.title, &tm.title, text);
    v.visit(
        meta(M::Provider),
        &bm.provider,
        &mut om.provider,
        &tm.provider,
        text,
    );
    v.visit(meta(M::Offer), &bm.offer, &mut om.offer, &tm.offer, text);
    v.visit(
        meta(M::Assessor),
        &bm.assessor,
        &mut om.assessor,
        &tm.assessor,
        text,
    );
    v.visit(meta(M::Date), &bm.date, &mut om.date, &tm.date, date);
    models(
        v,
        |m| Field::Meta(M::ServiceModel(m)),
        &bm.service_models,
        &mut om.service_models,
        &tm.service_models,
    );
    v.visit(
        meta(M::Sensitivity),
        &bm.sensitivity,
        &mut om.sensitivity,
        &tm.sensitivity,
        |s| Value::Sensitivity(*s),
    );
    v.visit(
        meta(M::TargetSeal),
        &bm.target_seal,
        &mut om.target_seal,
        &tm.target_seal,
        |s| Value::Seal(*s),
    );
    v.visit(
        meta(M::Weights),
        &b.weights,
        &mut o.weights,
        &t.weights,
        |w| Value::Weights(w.clone()),
    );
    v.visit(
        meta(M::Aggregation),
        &b.aggregation,
        &mut o.aggregation,
        &t.aggregation,
        |g| Value::Aggregation(*g),
    );
    map(
        v,
        &b.answers,
        &mut o.answers,
        &t.answers,
        &mut |v, id, b, o, t| answer(v, &|f| Field::Answer(id.to_owned(), f), b, o, t),
        Answer::is_empty,
    );
    overrides(v, b, o, t);
    snc(v, b, o, t);
    signoff(v, b, o, t);
    map(
        v,
        &b.due_diligence,
        &mut o.due_diligence,
        &t.due_diligence,
        &mut |v, id, b, o, t| answer(v, &|f| Field::DueDiligence(id.to_owned(), f), b, o, t),
        Answer::is_empty,
    );
    map(
        v,
        &b.action_plan,
        &mut o.action_plan,
        &t.action_plan,
        &mut |v, id, b, o, t| {
            let f = |p| Field::Plan(id.to_owned(), p);
            v.visit(f(PlanField::Owner), &b.owner, &mut o.owner, &t.owner, text);
            v.visit(f(PlanField::Due), &b.due, &mut o.due, &t.due, date);
            v.visit(
                f(PlanField::Status),
                &b.status,
                &mut o.status,
                &t.status,
                |s| Value::PlanStatus(*s),
            );
        },
        |p: &PlanItem| *p == PlanItem::default(),
    );
}

/// Visits each objective's override (absent or present).
fn overrides(v: &mut Op, b: &Assessment, o: &mut Assessment, t: &Assessment) {
    let mut keys = BTreeSet::new();
    keys.extend(
        b.overrides
            .keys()
            .chain(o.overrides.keys())
            .chain(t.overrides.keys())
            .cloned(),
    );
    for key in keys {
        let before = o.overrides.get(&key).cloned();
        let mut mine = before.clone();
        v.visit(
            Field::Override(key.clone()),
            &b.overrides.get(&key).cloned(),
            &mut mine,
            &t.overrides.get(&key).cloned(),
            |x| Value::Override(x.clone()),
        );
        if mine != before {
            match mine {
                Some(x) => o.overrides.insert(key, x),
                None => o.overrides.remove(&key),
            };
        }
    }
}

/// Visits the SecNumCloud findings.
fn snc(v: &mut Op, b: &Assessment, o: &mut Assessment, t: &Assessment) {
    use SncField as S;
    let f = Field::Snc;
    let (b, o, t) = (&b.secnumcloud, &mut o.secnumcloud, &t.secnumcloud);
    v.visit(f(S::Stage), &b.stage, &mut o.stage, &t.stage, |s| {
        Value::Stage(*s)
    });
    v.visit(
        f(S::Version),
        &b.referential_version,
        &mut o.referential_version,
        &t.referential_version,
        text,
    );
    models(
        v,
        |m| Field::Snc(S::Model(m)),
        &b.service_models,
        &mut o.service_models,
        &t.service_models,
    );
    v.visit(
        f(S::Scope),
        &b.services_in_scope,
        &mut o.services_in_scope,
        &t.services_in_scope,
        text,
    );
    v.visit(
        f(S::Composition),
        &b.composition,
        &mut o.composition,
        &t.composition,
        |c| Value::Composition(*c),
    );
    v.visit(
        f(S::CompositionBase),
        &b.composition_base,
        &mut o.composition_base,
        &t.composition_base,
        text,
    );
    v.visit(
        f(S::LastAudit),
        &b.last_audit,
        &mut o.last_audit,
        &t.last_audit,
        date,
    );
    v.visit(
        f(S::QualifiedOn),
        &b.qualified_on,
        &mut o.qualified_on,
        &t.qualified_on,
        date,
    );
    v.visit(
        f(S::ExpiresOn),
        &b.expires_on,
        &mut o.expires_on,
        &t.expires_on,
        date,
    );
    v.visit(
        f(S::Certificate),
        &b.certificate,
        &mut o.certificate,
        &t.certificate,
        text,
    );
    map(
        v,
        &b.criteria,
        &mut o.criteria,
        &t.criteria,
        &mut |v, id, b, o, t| {
            v.visit(
                Field::Snc(S::Status(id.to_owned())),
                &b.status,
                &mut o.status,
                &t.status,
                |s| Value::SncStatus(*s),
            );
            v.visit(
                Field::Snc(S::Note(id.to_owned())),
                &b.note,
                &mut o.note,
                &t.note,
                text,
            );
        },
        |a: &SncAnswer| a.status.is_none() && a.note.is_empty(),
    );
}

/// Visits the sign-off.
fn signoff(v: &mut Op, b: &Assessment, o: &mut Assessment, t: &Assessment) {
    use SignOffField as S;
    let f = Field::SignOff;
    let (b, o, t) = (&b.signoff, &mut o.signoff, &t.signoff);
    v.visit(
        f(S::Decision),
        &b.decision,
        &mut o.decision,
        &t.decision,
        |d| Value::Decision(*d),
    );
    v.visit(
        f(S::Rationale),
        &b.rationale,
        &mut o.rationale,
        &t.rationale,
        text,
    );
    v.visit(
        f(S::Conditions),
        &b.conditions,
        &mut o.conditions,
        &t.conditions,
        text,
    );
    v.visit(
        f(S::ResidualRisks),
        &b.residual_risks,
        &mut o.residual_risks,
        &t.residual_risks,
        text,
    );
    v.visit(
        f(S::NextReview),
        &b.next_review,
        &mut o.next_review,
        &t.next_review,
        date,
    );
    v.visit(
        f(S::Approvers),
        &b.approvers,
        &mut o.approvers,
        &t.approvers,
        |a| Value::Approvers(a.clone()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{EvidenceEdit, MetaEdit, SignOffEdit, SncEdit};
    use crate::model::{LogEntry, LogEvent};
    use crate::Edit;

    fn base() -> Assessment {
        let mut a = Assessment {
            id: "a".into(),
            modified: "2026-12-01T10:00:00.000Z".into(),
            ..Assessment::default()
        };
        a.apply(Edit::Meta(MetaEdit::Provider("Acme".into())));
        a.apply(Edit::Choose("SOV-1.1".into(), Choice::Rung(1)));
        a
    }

    fn edited(edits: &[Edit]) -> Assessment {
        let mut a = base();
        for e in edits {
            a.apply(e.clone());
        }
        a
    }

    fn provider(s: &str) -> Edit {
        Edit::Meta(MetaEdit::Provider(s.into()))
    }
    fn choose(id: &str, c: Choice) -> Edit {
        Edit::Choose(id.into(), c)
    }
    fn note(id: &str, s: &str) -> Edit {
        Edit::Evidence(id.into(), EvidenceEdit::Note(s.into()))
    }

    /// `(ours' edits, theirs' edits, the merge's edits on the base, conflicting fields)`.
    type Case = (Vec<Edit>, Vec<Edit>, Vec<Edit>, Vec<Field>);

    #[test]
    fn each_side_keeps_its_changes_and_a_field_both_changed_keeps_theirs() {
        use AnswerField as A;
        let cases: Vec<Case> = vec![
            // Different fields: both survive.
            (
                vec![choose("SOV-1.1", Choice::Rung(2))],
                vec![note("SOV-2.2", "their note")],
                vec![
                    choose("SOV-1.1", Choice::Rung(2)),
                    note("SOV-2.2", "their note"),
                ],
                vec![],
            ),
            // Two parts of one answer are two fields.
            (
                vec![note("SOV-1.1", "why")],
                vec![choose("SOV-1.1", Choice::Unknown)],
                vec![note("SOV-1.1", "why"), choose("SOV-1.1", Choice::Unknown)],
                vec![],
            ),
            // The same change on both sides is no conflict.
            (
                vec![provider("Acme Cloud")],
                vec![provider("Acme Cloud")],
                vec![provider("Acme Cloud")],
                vec![],
            ),
            // The same field, two values: theirs is kept, the field is named.
            (
                vec![provider("Mine")],
                vec![provider("Theirs")],
                vec![provider("Theirs")],
                vec![Field::Meta(MetaField::Provider)],
            ),
            (
                vec![choose("SOV-1.1", Choice::Rung(3)), note("SOV-3.1", "x")],
                vec![choose("SOV-1.1", Choice::Open)],
                vec![choose("SOV-1.1", Choice::Open), note("SOV-3.1", "x")],
                vec![Field::Answer("SOV-1.1".into(), A::Choice)],
            ),
            // Service models: each one's being listed is its own field.
            (
                vec![Edit::Meta(MetaEdit::ServiceModels(
                    ServiceModel::Saas,
                    true,
                ))],
                vec![Edit::Meta(MetaEdit::ServiceModels(
                    ServiceModel::Iaas,
                    true,
                ))],
                vec![
                    Edit::Meta(MetaEdit::ServiceModels(ServiceModel::Iaas, true)),
                    Edit::Meta(MetaEdit::ServiceModels(ServiceModel::Saas, true)),
                ],
                vec![],
            ),
            // An answer one side cleared and the other annotated: cleared choice, kept note.
            (
                vec![note("SOV-1.1", "kept")],
                vec![choose("SOV-1.1", Choice::Open)],
                vec![choose("SOV-1.1", Choice::Open), note("SOV-1.1", "kept")],
                vec![],
            ),
            (
                vec![Edit::Snc(SncEdit::Note("SNC-5.3".into(), "mine".into()))],
                vec![Edit::Snc(SncEdit::Note("SNC-5.3".into(), "theirs".into()))],
                vec![Edit::Snc(SncEdit::Note("SNC-5.3".into(), "theirs".into()))],
                vec![Field::Snc(SncField::Note("SNC-5.3".into()))],
            ),
            (
                vec![Edit::SignOff(SignOffEdit::AddApprover)],
                vec![Edit::SignOff(SignOffEdit::Rationale("why".into()))],
                vec![
                    Edit::SignOff(SignOffEdit::AddApprover),
                    Edit::SignOff(SignOffEdit::Rationale("why".into())),
                ],
                vec![],
            ),
        ];
        for (i, (ours, theirs, want, conflicts)) in cases.into_iter().enumerate() {
            let got = merge(&base(), &edited(&ours), &edited(&theirs));
            assert_eq!(got.assessment, edited(&want), "case {i}");
            assert_eq!(got.conflicts, conflicts, "case {i}");
        }
    }

    #[test]
    fn one_side_unchanged_gives_the_other() {
        let theirs = edited(&[provider("T"), note("SOV-4.6", "n")]);
        assert_eq!(merge(&base(), &base(), &theirs).assessment, theirs);
        let ours = edited(&[provider("O")]);
        assert_eq!(merge(&base(), &ours, &base()).assessment, ours);
    }

    #[test]
    fn take_copies_one_field_back_and_value_shows_it() {
        let ours = edited(&[provider("Mine"), note("SOV-1.1", "mine")]);
        let theirs = edited(&[provider("Theirs"), note("SOV-1.1", "theirs")]);
        let mut m = merge(&base(), &ours, &theirs);
        assert_eq!(m.conflicts.len(), 2);
        let field = Field::Answer("SOV-1.1".into(), AnswerField::Note);
        assert_eq!(value(&ours, &field), Value::Text("mine".into()));
        assert_eq!(value(&m.assessment, &field), Value::Text("theirs".into()));
        take(&mut m.assessment, &ours, &field);
        assert_eq!(m.assessment.answers["SOV-1.1"].note, "mine");
        assert_eq!(m.assessment.meta.provider, "Theirs", "only that field");
        take(&mut m.assessment, &ours, &Field::Meta(MetaField::Provider));
        assert_eq!(m.assessment, ours);
        // A field nobody has shows its empty value.
        assert_eq!(
            value(&ours, &Field::Override("SOV-5".into())),
            Value::Override(None)
        );
        assert_eq!(
            value(&ours, &Field::Answer("SOV-8.1".into(), AnswerField::Choice)),
            Value::Choice(Choice::Open)
        );
    }

    #[test]
    fn the_log_keeps_both_sides_entries_and_modified_the_later() {
        let entry = |why: &str| LogEntry {
            at: String::new(),
            by: String::new(),
            event: LogEvent::Confirmed,
            source: String::new(),
            subject: String::new(),
            kept: None,
            other: None,
            why: why.into(),
        };
        let mut b = base();
        b.log.push(entry("old"));
        let mut ours = b.clone();
        ours.log.push(entry("mine"));
        ours.modified = "2026-12-01T10:05:00.000Z".into();
        let mut theirs = b.clone();
        theirs.log.push(entry("theirs"));
        theirs.modified = "2026-12-01T10:03:00.000Z".into();
        let m = merge(&b, &ours, &theirs).assessment;
        let whys: Vec<&str> = m.log.iter().map(|e| e.why.as_str()).collect();
        assert_eq!(whys, ["old", "theirs", "mine"]);
        assert_eq!(m.modified, "2026-12-01T10:05:00.000Z");
    }

    #[test]
    fn a_merge_of_valid_assessments_is_valid() {
        let ours = edited(&[
            choose("SOV-2.1", Choice::Rung(0)),
            Edit::Snc(SncEdit::Criterion("SNC-5.3".into(), Some(SncStatus::Met))),
        ]);
        let theirs = edited(&[
            choose("SOV-2.1", Choice::Unknown),
            Edit::Snc(SncEdit::Criterion("SNC-5.3".into(), None)),
            Edit::Snc(SncEdit::Note("SNC-5.3".into(), "n".into())),
        ]);
        let m = merge(&base(), &ours, &theirs).assessment;
        let text = crate::format::export_assessment(&m);
        assert!(
            crate::format::parse_document(text.as_bytes()).is_ok(),
            "{text}"
        );
    }
}
