//! Format version 1, frozen: the envelope and the parts of the model that version 2
//! changed, exactly as version 1 read them, and their migration to the current model.
//!
//! Only what differs is copied: an assessment, its `meta` (one `serviceModel`), its answers
//! (no `received`, no `provenance`) and its SecNumCloud part (no qualification dates or
//! certificate; every requirement answer has a `status`). Weights, overrides and the
//! sign-off read as in version 2. Field order and serde attributes are those of version 1,
//! so that a version-1 file gets the same errors, at the same paths, as it always did.

use crate::model::{
    unique_map, Aggregation, Answer, Assessment, Date, EvidenceLevel, Meta, Override, SecNumCloud,
    Sensitivity, ServiceModel, SignOff, SncAnswer, SncStatus, Stage, Weights,
};
use crate::seal::Seal;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The envelope as written by format version 1 (public, hidden, only for
/// `tests/error_paths.rs`).
#[doc(hidden)]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvelopeV1 {
    #[allow(dead_code)]
    format_version: u64,
    #[allow(dead_code)]
    #[serde(default)]
    content_version: String,
    #[serde(default)]
    pub(super) assessment: Option<AssessmentV1>,
    #[serde(default)]
    pub(super) assessments: Option<Vec<AssessmentV1>>,
}

/// A version-1 assessment.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(super) struct AssessmentV1 {
    #[serde(default)]
    id: String,
    #[serde(default)]
    modified: String,
    #[serde(default)]
    meta: MetaV1,
    #[serde(default)]
    weights: Weights,
    #[serde(default)]
    aggregation: Aggregation,
    #[serde(default, deserialize_with = "unique_map")]
    answers: BTreeMap<String, AnswerV1>,
    #[serde(default, deserialize_with = "unique_map")]
    overrides: BTreeMap<String, Override>,
    #[serde(default)]
    secnumcloud: SecNumCloudV1,
    #[serde(default)]
    signoff: SignOff,
}

/// Version 1's `meta`: one service model.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct MetaV1 {
    #[serde(default)]
    title: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    offer: String,
    #[serde(default)]
    service_model: Option<ServiceModel>,
    #[serde(default)]
    assessor: String,
    #[serde(default)]
    date: Option<Date>,
    #[serde(default)]
    sensitivity: Option<Sensitivity>,
    #[serde(default)]
    target_seal: Option<Seal>,
}

/// Version 1's answer: no `received`, no `provenance`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AnswerV1 {
    #[serde(default)]
    rung: Option<u8>,
    #[serde(default)]
    unknown: bool,
    #[serde(default)]
    note: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    evidence_level: Option<EvidenceLevel>,
    #[serde(default)]
    valid_until: Option<Date>,
}

/// Version 1's SecNumCloud part: no qualification dates, no certificate.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SecNumCloudV1 {
    #[serde(default)]
    stage: Option<Stage>,
    #[serde(default)]
    referential_version: String,
    #[serde(default)]
    service_models: Vec<ServiceModel>,
    #[serde(default)]
    services_in_scope: String,
    #[serde(default)]
    composition: Option<bool>,
    #[serde(default)]
    composition_base: String,
    #[serde(default)]
    last_audit: Option<Date>,
    #[serde(default, deserialize_with = "unique_map")]
    criteria: BTreeMap<String, SncAnswerV1>,
}

/// Version 1's requirement answer: the status is required.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SncAnswerV1 {
    status: SncStatus,
    #[serde(default)]
    note: String,
}

/// The same assessment in the current model: `serviceModel: x` becomes
/// `serviceModels: [x]`; every field version 2 added takes its default.
pub(super) fn migrate(a: AssessmentV1) -> Assessment {
    let m = a.meta;
    let snc = a.secnumcloud;
    Assessment {
        id: a.id,
        modified: a.modified,
        meta: Meta {
            title: m.title,
            provider: m.provider,
            offer: m.offer,
            service_models: m.service_model.into_iter().collect(),
            assessor: m.assessor,
            date: m.date,
            sensitivity: m.sensitivity,
            target_seal: m.target_seal,
        },
        weights: a.weights,
        aggregation: a.aggregation,
        answers: a
            .answers
            .into_iter()
            .map(|(id, x)| {
                let answer = Answer {
                    rung: x.rung,
                    unknown: x.unknown,
                    note: x.note,
                    source: x.source,
                    evidence_level: x.evidence_level,
                    valid_until: x.valid_until,
                    ..Answer::default()
                };
                (id, answer)
            })
            .collect(),
        overrides: a.overrides,
        secnumcloud: SecNumCloud {
            stage: snc.stage,
            referential_version: snc.referential_version,
            service_models: snc.service_models,
            services_in_scope: snc.services_in_scope,
            composition: snc.composition,
            composition_base: snc.composition_base,
            last_audit: snc.last_audit,
            criteria: snc
                .criteria
                .into_iter()
                .map(|(id, x)| {
                    let answer = SncAnswer {
                        status: Some(x.status),
                        note: x.note,
                    };
                    (id, answer)
                })
                .collect(),
            ..SecNumCloud::default()
        },
        signoff: a.signoff,
        ..Assessment::default()
    }
}
