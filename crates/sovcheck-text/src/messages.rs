//! The core's data in words: format errors, consistency hints, evidence warnings and the
//! comparison's limits. The core names what is wrong; this module says it.

use crate::{fill, Catalog};
use sovcheck_core::compare::{CompareError, MAX_COMPARED, MIN_COMPARED};
use sovcheck_core::evaluate::{Hint, Warning};
use sovcheck_core::format::{FormatError, JsonKind, Problem, SyntaxDetail, MAX_DOCUMENT_BYTES};

impl Catalog {
    /// A format error with its path (`assessment.answers["SOV-3.1"].rung: …`).
    pub fn format_error(&self, e: &FormatError) -> String {
        let problem = self.problem(&e.problem);
        if e.path.is_empty() {
            problem
        } else {
            fill(
                self.errors.at_path,
                &[("path", &e.path), ("message", &problem)],
            )
        }
    }

    /// What is wrong with a document.
    pub fn problem(&self, p: &Problem) -> String {
        let e = &self.errors;
        match p {
            Problem::TooLarge { size } => fill(
                e.too_large,
                &[
                    ("size", size),
                    ("max", &(MAX_DOCUMENT_BYTES / (1024 * 1024))),
                ],
            ),
            Problem::Empty => e.empty.to_owned(),
            Problem::Syntax {
                line,
                column,
                detail,
            } => fill(
                e.syntax,
                &[
                    ("line", line),
                    ("column", column),
                    ("detail", &self.syntax_detail(detail)),
                ],
            ),
            Problem::Truncated { line, column } => {
                fill(e.truncated, &[("line", line), ("column", column)])
            }
            Problem::TooDeep => e.too_deep.to_owned(),
            Problem::NotAnObject(kind) => fill(e.not_an_object, &[("kind", &self.json_kind(kind))]),
            Problem::ListNotAllowed => e.list_not_allowed.to_owned(),
            Problem::MissingVersion => e.missing_version.to_owned(),
            Problem::UnsupportedVersion(v) => fill(e.unsupported_version, &[("version", v)]),
            Problem::NewerVersion(v) => fill(
                e.newer_version,
                &[
                    ("version", v),
                    ("max", &sovcheck_core::format::FORMAT_VERSION),
                ],
            ),
            Problem::NoAssessment => e.no_assessment.to_owned(),
            Problem::UnknownField(name) => fill(e.unknown_field, &[("name", name)]),
            Problem::MissingField(name) => fill(e.missing_field, &[("name", name)]),
            Problem::DuplicateKey(key) => fill(e.duplicate_key, &[("key", key)]),
            Problem::WrongType { found, expected } => fill(
                e.wrong_type,
                &[
                    ("expected", &self.json_kind(expected)),
                    ("found", &self.json_kind(found)),
                ],
            ),
            Problem::UnknownVariant { found, expected } => fill(
                e.unknown_variant,
                &[("found", found), ("expected", expected)],
            ),
            Problem::InvalidDate(d) => fill(e.invalid_date, &[("date", d)]),
            Problem::UnknownCriterion(id) => {
                let mut all = sovcheck_core::criteria();
                let first = all.next().map_or("", |c| c.id);
                let last = all.last().map_or(first, |c| c.id);
                fill(
                    e.unknown_criterion,
                    &[
                        ("id", id),
                        ("count", &sovcheck_core::criteria().count()),
                        ("first", &first),
                        ("last", &last),
                    ],
                )
            }
            Problem::UnknownObjective(id) => fill(e.unknown_objective, &[("id", id)]),
            Problem::UnknownSncCriterion(id) => fill(e.unknown_snc_criterion, &[("id", id)]),
            Problem::RungOutOfRange { rung, max } => {
                fill(e.rung_out_of_range, &[("rung", rung), ("max", max)])
            }
            Problem::SealOutOfRange(n) => fill(e.seal_out_of_range, &[("n", n)]),
            Problem::RungAndUnknown => e.rung_and_unknown.to_owned(),
            Problem::JustificationRequired => e.justification_required.to_owned(),
            Problem::WeightsSum(sum) => fill(e.weights_sum, &[("sum", sum)]),
            Problem::MissingWeight(o) => fill(e.missing_weight, &[("objective", o)]),
            Problem::UnknownWeights(name) => fill(e.unknown_weights, &[("name", name)]),
            Problem::DuplicateId(id) => fill(e.duplicate_id, &[("id", id)]),
            Problem::RepeatedServiceModel(m) => fill(e.repeated_service_model, &[("model", m)]),
            Problem::UnknownQuestion(q) => fill(e.unknown_question, &[("id", q)]),
            Problem::RungOnDueDiligence => e.rung_on_due_diligence.to_owned(),
            Problem::UnknownOnDueDiligence => e.unknown_on_due_diligence.to_owned(),
            Problem::ValidUntilOnDueDiligence => e.valid_until_on_due_diligence.to_owned(),
            Problem::UnknownPlanKey(k) => fill(e.unknown_plan_key, &[("key", k)]),
            Problem::UnknownLogSubject(s) => fill(e.unknown_log_subject, &[("subject", s)]),
            Problem::TooManyApprovers(n) => fill(
                e.too_many_approvers,
                &[("n", n), ("max", &sovcheck_core::format::MAX_APPROVERS)],
            ),
            Problem::TooManyLogEntries(n) => fill(
                e.too_many_log_entries,
                &[("n", n), ("max", &sovcheck_core::format::MAX_LOG_ENTRIES)],
            ),
            Problem::TooManyAssessments(n) => fill(
                e.too_many_assessments,
                &[("n", n), ("max", &sovcheck_core::format::MAX_ASSESSMENTS)],
            ),
            Problem::TextTooLong(n) => fill(
                e.text_too_long,
                &[("n", n), ("max", &sovcheck_core::format::MAX_TEXT_CHARS)],
            ),
            Problem::UnknownStep(id) => {
                fill(self.exchange.unknown_step, &[("id", &self.quote(id))])
            }
            Problem::RepeatedScopeId(id) => {
                fill(self.exchange.repeated_scope_id, &[("id", &self.quote(id))])
            }
            Problem::EmptyScope => self.exchange.empty_scope.to_owned(),
            Problem::OutsideScope(id) => {
                fill(self.exchange.outside_scope, &[("id", &self.quote(id))])
            }
            Problem::TooManyQuestionnaires(n) => fill(
                self.exchange.too_many_questionnaires,
                &[
                    ("n", n),
                    ("max", &sovcheck_core::format::MAX_QUESTIONNAIRES),
                ],
            ),
            Problem::Utf16 => self.files.utf16.to_owned(),
            Problem::NotUtf8 { line, column } => {
                fill(self.files.not_utf8, &[("line", line), ("column", column)])
            }
            Problem::Encrypted => self.files.encrypted.to_owned(),
            Problem::Other(_) => e.other.to_owned(),
        }
    }

    /// What serde_json found wrong in the syntax.
    pub fn syntax_detail(&self, d: &SyntaxDetail) -> &'static str {
        let e = &self.errors;
        match d {
            SyntaxDetail::ExpectedValue => e.syntax_expected_value,
            SyntaxDetail::KeyMustBeString => e.syntax_key_must_be_string,
            SyntaxDetail::TrailingCharacters => e.syntax_trailing_characters,
            SyntaxDetail::TrailingComma => e.syntax_trailing_comma,
            SyntaxDetail::ExpectedCommaOrBrace => e.syntax_expected_comma_or_brace,
            SyntaxDetail::ExpectedCommaOrBracket => e.syntax_expected_comma_or_bracket,
            SyntaxDetail::ExpectedColon => e.syntax_expected_colon,
            SyntaxDetail::InvalidEscape => e.syntax_invalid_escape,
            SyntaxDetail::InvalidNumber => e.syntax_invalid_number,
            SyntaxDetail::NumberOutOfRange => e.syntax_number_out_of_range,
            SyntaxDetail::ControlCharacter => e.syntax_control_character,
            SyntaxDetail::InvalidCodePoint => e.syntax_invalid_code_point,
            SyntaxDetail::InvalidUnicodeEscape => e.syntax_invalid_unicode_escape,
            SyntaxDetail::InvalidUtf8 => e.syntax_invalid_utf8,
            SyntaxDetail::Other(_) => e.syntax_other,
        }
    }

    /// A kind of JSON value, or a value.
    pub fn json_kind(&self, k: &JsonKind) -> String {
        let e = &self.errors;
        match k {
            JsonKind::SmallWholeNumber => e.kind_small_whole_number.to_owned(),
            JsonKind::WholeNumber => e.kind_whole_number.to_owned(),
            JsonKind::Text => e.kind_text.to_owned(),
            JsonKind::Bool => e.kind_bool.to_owned(),
            JsonKind::Object => e.kind_object.to_owned(),
            JsonKind::List => e.kind_list.to_owned(),
            JsonKind::Null => e.kind_null.to_owned(),
            JsonKind::Number => e.kind_number.to_owned(),
            JsonKind::WeightProfile => e.kind_weight_profile.to_owned(),
            JsonKind::V0Answer => e.kind_v0_answer.to_owned(),
            JsonKind::TextValue(v) => fill(e.kind_text_value, &[("value", v)]),
            JsonKind::NumberValue(v) => fill(e.kind_number_value, &[("value", v)]),
            JsonKind::BoolValue(v) => v.clone(),
            JsonKind::Other(_) => e.kind_other.to_owned(),
        }
    }

    /// A consistency hint.
    pub fn hint(&self, h: &Hint) -> String {
        let t = &self.hints;
        match *h {
            Hint::QualifiedDataOutsideEu { rung } => {
                fill(t.qualified_data_outside_eu, &[("rung", &rung)])
            }
            Hint::CapitalCapsButForeignControl { rung } => {
                fill(t.capital_caps_but_foreign_control, &[("rung", &rung)])
            }
            Hint::EuAdministrationButForeignOperations { rung } => fill(
                t.eu_administration_but_foreign_operations,
                &[("rung", &rung)],
            ),
            Hint::EuContractButForeignLaw => t.eu_contract_but_foreign_law.to_owned(),
            Hint::OverrideDiffers {
                objective,
                level,
                criteria_lower,
            } => fill(
                t.override_differs,
                &[
                    ("objective", &objective),
                    ("level", &level),
                    ("criteria", &criteria_lower),
                ],
            ),
        }
    }

    /// An evidence warning.
    pub fn warning(&self, w: &Warning) -> String {
        let t = &self.hints;
        match *w {
            Warning::EvidenceExpired {
                criterion,
                valid_until,
            } => fill(
                t.evidence_expired,
                &[("criterion", &criterion), ("date", &self.date(valid_until))],
            ),
            Warning::QualificationLapsed => t.qualification_lapsed.to_owned(),
            Warning::QualificationExpired { expires_on } => fill(
                self.snc_record.expired_warning,
                &[("date", &self.date(expires_on))],
            ),
            Warning::AuditOverdue { last_audit } => {
                fill(t.audit_overdue, &[("date", &self.date(last_audit))])
            }
            Warning::AuditDateMissing => t.audit_date_missing.to_owned(),
        }
    }

    /// Why a list of assessments cannot be compared.
    pub fn compare_error(&self, e: &CompareError) -> String {
        match *e {
            CompareError::TooFew(n) => fill(
                self.form(n, &self.errors.compare_too_few),
                &[("min", &MIN_COMPARED), ("n", &n)],
            ),
            CompareError::TooMany(n) => fill(
                self.form(n, &self.errors.compare_too_many),
                &[("max", &MAX_COMPARED), ("n", &n)],
            ),
        }
    }

    /// A checked file that is no sovcheck document: no match, and why. An encrypted export
    /// is named for what it is (its fingerprint is not the printed one: that is of the file
    /// before encryption).
    pub fn not_sovcheck(&self, e: &FormatError) -> String {
        if e.problem == Problem::Encrypted {
            format!(
                "{} {}",
                self.verify.mismatch,
                crate::words::sentence(self.files.encrypted)
            )
        } else {
            format!("{} {}", self.verify.not_sovcheck, self.format_error(e))
        }
    }

    /// Why a typed fingerprint is not one.
    pub fn fingerprint_error(&self, e: sovcheck_core::verify::FingerprintError) -> String {
        use sovcheck_core::verify::FingerprintError as F;
        match e {
            F::Empty => self.errors.fingerprint_empty.to_owned(),
            F::NotHex(c) => fill(self.errors.fingerprint_not_hex, &[("char", &c)]),
            F::Length(n) => fill(self.errors.fingerprint_length, &[("n", &n)]),
        }
    }

    /// Why a file could not be read, from the system's error kind.
    pub fn io_error(&self, kind: std::io::ErrorKind) -> String {
        use std::io::ErrorKind;
        let e = &self.errors;
        let reason = match kind {
            ErrorKind::NotFound => e.no_such_file,
            ErrorKind::PermissionDenied => e.permission_denied,
            ErrorKind::IsADirectory => e.is_directory,
            _ => e.io_other,
        };
        fill(e.cannot_read, &[("reason", &reason)])
    }
}
