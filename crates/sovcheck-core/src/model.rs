//! The user's assessment: answers, evidence, overrides, SecNumCloud answers, metadata and
//! sign-off. This is the only data sovcheck stores, exports or imports; every figure shown
//! is derived from it by [`crate::evaluate`].
//!
//! The serde attributes here define the wire shape of `formatVersion` 2 (camelCase keys,
//! unknown fields rejected, every field optional with a documented default); the envelope,
//! validation and migrations (from versions 0 and 1) live in [`crate::format`].

use crate::seal::Seal;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// A calendar date, `YYYY-MM-DD`, compared as (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A checked date (years 1000-9999, real month lengths, leap years).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1000..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(
            num(0..4)?,
            u8::try_from(num(5..7)?).ok()?,
            u8::try_from(num(8..10)?).ok()?,
        )
    }

    /// Year, month (1-12) and day (1-31).
    pub fn parts(self) -> (u16, u8, u8) {
        (self.year, self.month, self.day)
    }

    /// The date from a count of days since 1970-01-01 (for clocks that give seconds).
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Civil-from-days (proleptic Gregorian), after Howard Hinnant's algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The same day `months` months earlier (clamped to the month's last day).
    pub fn months_before(self, months: u32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(months);
        let year = u16::try_from(total.div_euclid(12)).unwrap_or(1000);
        let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
        (1..=self.day)
            .rev()
            .find_map(|d| Date::new(year, month, d))
            .unwrap_or(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| de::Error::custom(format_args!("invalid date {s:?}")))
    }
}

/// What serde says a weight profile should be (translated by the format's messages).
pub(crate) const WEIGHTS_EXPECTING: &str = "a weight profile name or an object of eight weights";

/// How much weight each objective carries in the score.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Weights {
    /// Framework v1.2.1 §5: 15/10/10/15/20/15/10/5 (the default).
    #[default]
    Framework,
    /// The calculator's example weights: 20/10/10/15/10/15/15/5.
    Calculator,
    /// Custom whole-number weights for SOV-1..SOV-8, summing to 100 (checked by the format).
    Custom([u32; 8]),
}

impl Weights {
    /// The wire name of the framework set.
    pub const FRAMEWORK: &'static str = "framework-v1.2.1";
    /// The wire name of the calculator set.
    pub const CALCULATOR: &'static str = "calculator-2026-06";

    /// The eight weights in percent, SOV-1 first.
    pub fn values(&self) -> [u32; 8] {
        let pick = |f: fn(&crate::content::Objective) -> u32| {
            let mut out = [0; 8];
            for (slot, o) in out.iter_mut().zip(crate::content::objectives()) {
                *slot = f(o);
            }
            out
        };
        match self {
            Weights::Framework => pick(|o| o.weight_framework),
            Weights::Calculator => pick(|o| o.weight_calculator),
            Weights::Custom(w) => *w,
        }
    }
}

impl Serialize for Weights {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Weights::Framework => s.serialize_str(Self::FRAMEWORK),
            Weights::Calculator => s.serialize_str(Self::CALCULATOR),
            Weights::Custom(w) => {
                // SOV-1..SOV-8 in index order is already the sorted key order of a map.
                let mut map = s.serialize_map(Some(w.len()))?;
                for (i, v) in w.iter().enumerate() {
                    map.serialize_entry(&format!("SOV-{}", i + 1), v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Weights {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Weights;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(WEIGHTS_EXPECTING)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Weights, E> {
                match v {
                    Weights::FRAMEWORK => Ok(Weights::Framework),
                    Weights::CALCULATOR => Ok(Weights::Calculator),
                    other => Err(E::custom(format_args!(
                        "unknown weight profile {other:?}, expected \"{}\" or \"{}\"",
                        Weights::FRAMEWORK,
                        Weights::CALCULATOR
                    ))),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Weights, A::Error> {
                let mut out: [Option<u32>; 8] = [None; 8];
                while let Some(key) = map.next_key::<String>()? {
                    let slot = key
                        .strip_prefix("SOV-")
                        .and_then(|n| n.parse::<usize>().ok())
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| out.get_mut(i))
                        .ok_or_else(|| {
                            de::Error::custom(format_args!("unknown objective {key:?}"))
                        })?;
                    if slot.is_some() {
                        return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
                    }
                    *slot = Some(map.next_value()?);
                }
                let mut w = [0; 8];
                for (i, (dst, src)) in w.iter_mut().zip(out).enumerate() {
                    *dst = src.ok_or_else(|| {
                        de::Error::custom(format_args!("missing weight for \"SOV-{}\"", i + 1))
                    })?;
                }
                // Summed as u64: eight u32 weights cannot overflow it, whereas a u32 sum of
                // hostile values would overflow (a panic in debug builds, and in release a
                // wrap-around that could land on exactly 100).
                let sum: u64 = w.iter().copied().map(u64::from).sum();
                if sum != 100 {
                    return Err(de::Error::custom(format_args!(
                        "weights sum to {sum}, they must sum to 100"
                    )));
                }
                Ok(Weights::Custom(w))
            }
        }
        d.deserialize_any(V)
    }
}

/// How objective SEALs combine into the overall SEAL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregation {
    /// The lowest objective SEAL (the Commission's guidance, June 2026). Official; default.
    #[default]
    WeakestLink,
    /// Floor of the weight-averaged objective levels: a labelled, non-official reading.
    WeightedMean,
}

/// Cloud service models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceModel {
    /// Infrastructure.
    Iaas,
    /// Containers.
    Caas,
    /// Platform.
    Paas,
    /// Software.
    Saas,
}

impl ServiceModel {
    /// All models in order (their `Ord` order).
    pub const ALL: [ServiceModel; 4] = [Self::Iaas, Self::Caas, Self::Paas, Self::Saas];

    /// `models` sorted, repeats kept: what `sort()` gives (equal models are
    /// indistinguishable), by walking [`Self::ALL`] instead of pulling a sort routine into
    /// the web build.
    pub fn sorted(models: &[ServiceModel]) -> Vec<ServiceModel> {
        let mut out = Vec::with_capacity(models.len());
        for m in Self::ALL {
            out.extend(models.iter().filter(|x| **x == m));
        }
        out
    }
    /// The wire id, also the content id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Iaas => "iaas",
            Self::Caas => "caas",
            Self::Paas => "paas",
            Self::Saas => "saas",
        }
    }
}

/// How sensitive the data entrusted to the offer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    /// Public or low-impact data.
    Low,
    /// Internal data.
    Moderate,
    /// Sensitive data (personal, commercial, regulated).
    High,
    /// Critical or restricted data.
    Critical,
}

impl Sensitivity {
    /// All levels, lowest first.
    pub const ALL: [Sensitivity; 4] = [Self::Low, Self::Moderate, Self::High, Self::Critical];
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }
}

/// How strong a piece of evidence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceLevel {
    /// The provider says so.
    Declared,
    /// A document or contract clause says so.
    Documented,
    /// An independent audit found so.
    Audited,
    /// We tested it ourselves.
    Tested,
}

impl EvidenceLevel {
    /// All levels, weakest first.
    pub const ALL: [EvidenceLevel; 4] = [
        Self::Declared,
        Self::Documented,
        Self::Audited,
        Self::Tested,
    ];
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Declared => "declared",
            Self::Documented => "documented",
            Self::Audited => "audited",
            Self::Tested => "tested",
        }
    }
}

/// The state of one criterion's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Not answered yet.
    Open,
    /// Answered "I don't know".
    Unknown,
    /// A rung index, worst (0) to best.
    Rung(u8),
}

/// The function of whoever gave an answer: the provider, or one of our own teams.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The provider itself.
    Provider,
    /// Our legal team.
    Legal,
    /// Our architects.
    Architecture,
    /// Our purchasing team.
    Purchasing,
    /// Our security team.
    Security,
    /// Anyone else.
    Other,
}

impl Role {
    /// All roles in display order.
    pub const ALL: [Role; 6] = [
        Self::Provider,
        Self::Legal,
        Self::Architecture,
        Self::Purchasing,
        Self::Security,
        Self::Other,
    ];
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Provider => "provider",
            Self::Legal => "legal",
            Self::Architecture => "architecture",
            Self::Purchasing => "purchasing",
            Self::Security => "security",
            Self::Other => "other",
        }
    }
}

/// Where an answer came from: who gave it, and who accepted it into the assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provenance {
    /// Who answered (a person or a team, free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub respondent: String,
    /// The respondent's function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Who accepted the answer into the assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accepted_by: String,
    /// When it was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_on: Option<Date>,
}

/// The answer to one calculator criterion, with its evidence. The provider's answer to a
/// due-diligence question has the same shape, without `rung`, `unknown` and `validUntil`
/// (see [`Assessment::due_diligence`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// The chosen rung; absent when unknown or not yet chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rung: Option<u8>,
    /// "I don't know"; exclusive with `rung`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unknown: bool,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the evidence comes from (a reference, never fetched).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// How strong the evidence is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_level: Option<EvidenceLevel>,
    /// Until when the evidence holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// When this answer or its evidence was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
    /// Who gave the answer and who accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

impl Answer {
    /// The answer's state.
    pub fn choice(&self) -> Choice {
        match (self.rung, self.unknown) {
            (Some(r), false) => Choice::Rung(r),
            (_, true) => Choice::Unknown,
            (None, false) => Choice::Open,
        }
    }

    /// Whether the answer holds nothing at all (and can be dropped).
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }

    /// Whether the answer rests only on the provider's own word: its evidence is
    /// "declared", or the provider gave it and no evidence level says more.
    pub fn provider_declared(&self) -> bool {
        match self.evidence_level {
            Some(EvidenceLevel::Declared) => true,
            Some(_) => false,
            None => self
                .provenance
                .as_ref()
                .is_some_and(|p| p.role == Some(Role::Provider)),
        }
    }
}

/// An expert's level for a whole objective, replacing its criteria in the evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Override {
    /// The level, 0-4.
    pub level: Seal,
    /// Why (required, non-empty).
    pub justification: String,
}

/// SecNumCloud qualification stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// No qualification process.
    NotEngaged,
    /// Request filed with ANSSI.
    J0,
    /// Evaluation strategy accepted.
    J1,
    /// Audits done, report sent.
    J2,
    /// Qualified.
    J3,
    /// Qualification lost or expired.
    Lapsed,
}

impl Stage {
    /// All stages in order.
    pub const ALL: [Stage; 6] = [
        Self::NotEngaged,
        Self::J0,
        Self::J1,
        Self::J2,
        Self::J3,
        Self::Lapsed,
    ];
    /// The wire id, also the content id.
    pub fn id(self) -> &'static str {
        match self {
            Self::NotEngaged => "not-engaged",
            Self::J0 => "j0",
            Self::J1 => "j1",
            Self::J2 => "j2",
            Self::J3 => "j3",
            Self::Lapsed => "lapsed",
        }
    }
}

/// Status of one SecNumCloud requirement as the assessor found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SncStatus {
    /// Met.
    Met,
    /// Partly met.
    Partly,
    /// Not met.
    NotMet,
    /// Unknown.
    Unknown,
    /// Not applicable to this offer.
    NotApplicable,
}

impl SncStatus {
    /// All statuses in display order.
    pub const ALL: [SncStatus; 5] = [
        Self::Met,
        Self::Partly,
        Self::NotMet,
        Self::Unknown,
        Self::NotApplicable,
    ];
}

/// The answer to one SecNumCloud requirement: a status, a note, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SncAnswer {
    /// Status; absent only on an answer with a note (the format checks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SncStatus>,
    /// Note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What the assessor found about the offer's SecNumCloud qualification.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecNumCloud {
    /// Qualification stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    /// Referential version (e.g. "3.2").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referential_version: String,
    /// Qualified service models.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_models: Vec<ServiceModel>,
    /// The exact services in scope.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub services_in_scope: String,
    /// Whether the qualification is by composition on another qualified base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition: Option<bool>,
    /// On which qualified base.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub composition_base: String,
    /// Date of the last surveillance audit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_audit: Option<Date>,
    /// Date the qualification was granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified_on: Option<Date>,
    /// Date the qualification expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    /// The ANSSI certificate or attestation reference.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub certificate: String,
    /// Requirement answers by `SNC-` id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub criteria: BTreeMap<String, SncAnswer>,
}

/// Who the assessment is about and for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meta {
    /// The user's name for this assessment (e.g. "Acme IaaS, 2027 review"); the workspace
    /// list shows it, falling back to provider and offer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Provider.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// Offer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub offer: String,
    /// Service models assessed, in [`ServiceModel::ALL`] order, without repeats (the format
    /// refuses a repeat; [`crate::edit`] keeps the order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_models: Vec<ServiceModel>,
    /// Assessor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    /// Assessment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Data sensitivity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Sensitivity>,
    /// The SEAL the data needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_seal: Option<Seal>,
}

/// The management body's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Approved.
    Approve,
    /// Approved with conditions.
    ApproveWithConditions,
    /// Rejected.
    Reject,
}

/// One approver on the sign-off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Approver {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Date of approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// The NIS2 management body's sign-off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOff {
    /// Decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// Rationale.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// Conditions attached to the approval.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub conditions: String,
    /// Residual risks the body accepts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub residual_risks: String,
    /// Approvers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvers: Vec<Approver>,
    /// Next review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
}

/// Where an action of the plan stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// Agreed, not started.
    Planned,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
}

impl PlanStatus {
    /// All statuses in order.
    pub const ALL: [PlanStatus; 3] = [Self::Planned, Self::InProgress, Self::Done];
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in-progress",
            Self::Done => "done",
        }
    }
}

/// One action of the plan: who closes a gap on a criterion or an objective, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanItem {
    /// Who owns the action.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
}

/// What a log entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogEvent {
    /// A response was landed.
    Landed,
    /// A response filled an open answer.
    Filled,
    /// A response confirmed the same answer.
    Confirmed,
    /// A conflict was decided by keeping our answer.
    ConflictKept,
    /// A conflict was decided by taking theirs.
    ConflictTaken,
    /// A conflict was decided by marking the answer unknown.
    ConflictUnknown,
    /// Two browser tabs edited the same field.
    TabConflict,
}

impl LogEvent {
    /// All events in order.
    pub const ALL: [LogEvent; 7] = [
        Self::Landed,
        Self::Filled,
        Self::Confirmed,
        Self::ConflictKept,
        Self::ConflictTaken,
        Self::ConflictUnknown,
        Self::TabConflict,
    ];
    /// The wire id.
    pub fn id(self) -> &'static str {
        match self {
            Self::Landed => "landed",
            Self::Filled => "filled",
            Self::Confirmed => "confirmed",
            Self::ConflictKept => "conflict-kept",
            Self::ConflictTaken => "conflict-taken",
            Self::ConflictUnknown => "conflict-unknown",
            Self::TabConflict => "tab-conflict",
        }
    }
}

/// One entry of an assessment's log: who landed or decided what, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogEntry {
    /// When (RFC 3339 text, informational).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// Who.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// What happened (required).
    pub event: LogEvent,
    /// Where the response came from (a file name, a reference).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The criterion id or due-diligence question id concerned; empty for the whole
    /// assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subject: String,
    /// The answer kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Answer>,
    /// The other answer, the one not kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<Answer>,
    /// Why it was decided so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// Who a questionnaire is addressed to, or who answered it: a person or a team, and their
/// function.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Respondent {
    /// A person or a team (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their function: the provider, or one of our own teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// What a questionnaire covers: due-diligence questions (the provider's answer and the
/// question's criteria), walk steps (their criteria) and single criteria. A questionnaire
/// writes `criteria` expanded: every criterion it covers, in content order (see
/// [`crate::questionnaire::Scope`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scope {
    /// Due-diligence question ids (`q1` to `q8`), in content order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// Walk step ids (`q1`…, `jurisdiction`…), in content order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// Criterion ids (`SOV-3.1`), in content order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
}

/// A questionnaire an assessment sent, as the assessment records it: a response to a
/// questionnaire it does not list is refused (once it lists any), and a response's answers
/// must stay within the recorded scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SentQuestionnaire {
    /// The questionnaire's id (unique within the assessment).
    #[serde(default)]
    pub id: String,
    /// To whom it was sent.
    #[serde(default, skip_serializing_if = "is_default")]
    pub respondent: Respondent,
    /// What it covers.
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: Scope,
    /// When it was prepared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Date>,
    /// The date the answers are due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<Date>,
}

/// One assessment of one offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessment {
    /// Identifier within a workspace (the app makes one; files may omit it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// When it was last changed (RFC 3339 text, informational).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub modified: String,
    /// Who and what.
    #[serde(default, skip_serializing_if = "is_default")]
    pub meta: Meta,
    /// Weight profile.
    #[serde(default)]
    pub weights: Weights,
    /// Aggregation policy.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Answers by criterion id.
    #[serde(default, deserialize_with = "unique_map")]
    pub answers: BTreeMap<String, Answer>,
    /// Expert overrides by objective id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub overrides: BTreeMap<String, Override>,
    /// SecNumCloud answers.
    #[serde(default, skip_serializing_if = "is_default")]
    pub secnumcloud: SecNumCloud,
    /// Sign-off.
    #[serde(default, skip_serializing_if = "is_default")]
    pub signoff: SignOff,
    /// The provider's own answers to the due-diligence questions, by question id (`q1` to
    /// `q8`): the answer text in `note`, with `source`, `evidenceLevel`, `received` and
    /// `provenance` (never `rung`, `unknown` or `validUntil`; the format checks it).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub due_diligence: BTreeMap<String, Answer>,
    /// The action plan, by criterion id (`SOV-3.1`) or objective id (`SOV-3`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub action_plan: BTreeMap<String, PlanItem>,
    /// The questionnaires prepared from this assessment, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questionnaires: Vec<SentQuestionnaire>,
    /// Append-only record of who landed or decided what, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log: Vec<LogEntry>,
}

impl Assessment {
    /// The state of a criterion's answer.
    pub fn choice(&self, criterion: &str) -> Choice {
        self.answers
            .get(criterion)
            .map_or(Choice::Open, Answer::choice)
    }

    /// The name shown for the assessment: its title, else provider and offer joined by
    /// " — ", else `None` (blank text counts as absent).
    pub fn display_name(&self) -> Option<String> {
        let m = &self.meta;
        if !m.title.trim().is_empty() {
            return Some(m.title.clone());
        }
        let both = [m.provider.trim(), m.offer.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        (!both.is_empty()).then_some(both)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Deserializes a JSON object into a map, rejecting a key that appears twice (serde_json
/// would otherwise keep the last one silently).
pub(crate) fn unique_map<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueMap<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueMap<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(UniqueMap(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_weights_serialize_as_a_sorted_map() {
        for w in [[15, 10, 10, 15, 20, 15, 10, 5], [0; 8], [u32::MAX; 8]] {
            let sorted: BTreeMap<String, u32> = w
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("SOV-{}", i + 1), *v))
                .collect();
            let custom = Weights::Custom(w);
            assert_eq!(
                serde_json::to_string(&custom).ok(),
                serde_json::to_string(&sorted).ok()
            );
            assert_eq!(
                serde_json::to_string_pretty(&custom).ok(),
                serde_json::to_string_pretty(&sorted).ok()
            );
        }
    }

    #[test]
    fn service_models_sort_as_sort_does() {
        // Every list of up to five models, repeats included.
        let mut lists: Vec<Vec<ServiceModel>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<ServiceModel>> = lists
                .iter()
                .filter(|l| l.len() == lists.last().map_or(0, Vec::len))
                .flat_map(|l| {
                    ServiceModel::ALL.into_iter().map(move |m| {
                        let mut l = l.clone();
                        l.push(m);
                        l
                    })
                })
                .collect();
            lists.extend(longer);
        }
        assert_eq!(lists.len(), 1 + 4 + 16 + 64 + 256 + 1024);
        for list in lists {
            let mut want = list.clone();
            want.sort();
            assert_eq!(ServiceModel::sorted(&list), want, "{list:?}");
        }
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-1-01",
            "24-01-01",
            "2024-01-32",
            "２０２４-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn unix_days_convert_to_civil_dates() {
        assert_eq!(Date::from_unix_days(0), Date::new(1970, 1, 1));
        assert_eq!(Date::from_unix_days(20_779), Date::new(2026, 11, 22));
    }

    #[test]
    fn months_before_clamps_to_month_end() {
        let d = Date::new(2026, 3, 31).unwrap();
        assert_eq!(d.months_before(1), Date::new(2026, 2, 28).unwrap());
        assert_eq!(d.months_before(12), Date::new(2025, 3, 31).unwrap());
        assert_eq!(
            Date::new(2026, 1, 15).unwrap().months_before(1),
            Date::new(2025, 12, 15).unwrap()
        );
    }

    #[test]
    fn answer_choice_reflects_rung_and_unknown() {
        let a = Answer {
            rung: Some(2),
            ..Answer::default()
        };
        assert_eq!(a.choice(), Choice::Rung(2));
        let u = Answer {
            unknown: true,
            ..Answer::default()
        };
        assert_eq!(u.choice(), Choice::Unknown);
        assert_eq!(Answer::default().choice(), Choice::Open);
    }

    #[test]
    fn ids_are_the_wire_names() {
        for s in Sensitivity::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
        }
        for l in EvidenceLevel::ALL {
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.id())
            );
        }
        let wire = |v: serde_json::Result<String>, id: &str| {
            assert_eq!(v.unwrap(), format!("\"{id}\""));
        };
        for m in ServiceModel::ALL {
            wire(serde_json::to_string(&m), m.id());
        }
        for r in Role::ALL {
            wire(serde_json::to_string(&r), r.id());
        }
        for p in PlanStatus::ALL {
            wire(serde_json::to_string(&p), p.id());
        }
        for e in LogEvent::ALL {
            wire(serde_json::to_string(&e), e.id());
        }
    }

    #[test]
    fn display_name_prefers_title_then_provider_and_offer() {
        let mut a = Assessment::default();
        assert_eq!(a.display_name(), None);
        a.meta.offer = "IaaS".into();
        assert_eq!(a.display_name().as_deref(), Some("IaaS"));
        a.meta.provider = "Acme".into();
        assert_eq!(a.display_name().as_deref(), Some("Acme — IaaS"));
        a.meta.title = "  ".into();
        assert_eq!(a.display_name().as_deref(), Some("Acme — IaaS"));
        a.meta.title = "Acme 2027".into();
        assert_eq!(a.display_name().as_deref(), Some("Acme 2027"));
    }

    #[test]
    fn framework_weights_are_the_default() {
        assert_eq!(Weights::default().values(), [15, 10, 10, 15, 20, 15, 10, 5]);
        assert_eq!(
            Weights::Calculator.values(),
            [20, 10, 10, 15, 10, 15, 15, 5]
        );
    }
}
