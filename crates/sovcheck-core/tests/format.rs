//! The exchange format from the outside: accepted documents, round trips, migration, and
//! the exact error message (path and problem, English and French) for each way a file can
//! be wrong.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_core::format::{
    export_assessment, export_workspace, parse_document, Document, Problem, MAX_APPROVERS,
    MAX_ASSESSMENTS, MAX_DOCUMENT_BYTES, MAX_LOG_ENTRIES, MAX_TEXT_CHARS,
};
use sovcheck_core::model::{
    Aggregation, Answer, Approver, Assessment, Date, Decision, EvidenceLevel, LogEntry, LogEvent,
    Meta, Override, PlanItem, PlanStatus, Provenance, Role, SecNumCloud, Sensitivity, ServiceModel,
    SignOff, SncAnswer, SncStatus, Stage, Weights,
};
use sovcheck_core::{evaluate, Lang, Seal};
use std::path::{Path, PathBuf};

/// The issue's minimal document (format version 1, as the issue wrote it).
const MINIMAL: &str = r#"{"formatVersion": 1, "assessment": {"weights": "framework-v1.2.1", "answers": {"SOV-1.1": {"rung": 3}, "SOV-2.2": {"unknown": true}}}}"#;

/// Parses `doc`, expecting an error with exactly these English and French messages (the
/// French written with ordinary spaces: French typography binds some of them, see
/// `sovcheck_core::typography`).
#[track_caller]
fn assert_error(doc: &str, en: &str, fr: &str) {
    assert_error_bytes(doc.as_bytes(), en, fr);
}

#[track_caller]
fn assert_error_bytes(doc: &[u8], en: &str, fr: &str) {
    match parse_document(doc) {
        Ok(d) => panic!("accepted: {d:?}"),
        Err(e) => {
            assert_eq!(sovcheck_text::texts(Lang::En).format_error(&e), en);
            let fr = sovcheck_core::typography::bind_spaces("fr", fr).unwrap_or(fr.to_owned());
            assert_eq!(sovcheck_text::texts(Lang::Fr).format_error(&e), fr);
        }
    }
}

/// `{"formatVersion": 2, "assessment": ASSESSMENT}`.
fn single(assessment: &str) -> String {
    format!(r#"{{"formatVersion": 2, "assessment": {assessment}}}"#)
}

/// `{"formatVersion": 1, "assessment": ASSESSMENT}`.
fn single_v1(assessment: &str) -> String {
    format!(r#"{{"formatVersion": 1, "assessment": {assessment}}}"#)
}

#[track_caller]
fn parse_one(doc: &str) -> Assessment {
    match parse_document(doc.as_bytes()) {
        Ok(Document::Single(a)) => a,
        Ok(other) => panic!("not a single assessment: {other:?}"),
        Err(e) => panic!("{}", sovcheck_text::texts(Lang::En).format_error(&e)),
    }
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// An assessment with every field set.
fn rich() -> Assessment {
    let mut a = Assessment {
        id: "a-1".into(),
        modified: "2026-11-22T10:00:00Z".into(),
        meta: Meta {
            title: "Exemple IaaS, revue 2026".into(),
            provider: "Exemple Cloud SAS".into(),
            offer: "IaaS « qualifiée » — zone Paris".into(),
            service_models: vec![ServiceModel::Iaas, ServiceModel::Paas],
            assessor: "A. Assessor".into(),
            date: Some(date("2026-11-20")),
            sensitivity: Some(Sensitivity::Critical),
            target_seal: Seal::new(3),
        },
        weights: Weights::Custom([20, 10, 10, 15, 10, 15, 15, 5]),
        aggregation: Aggregation::WeightedMean,
        ..Assessment::default()
    };
    a.answers.insert(
        "SOV-1.1".into(),
        Answer {
            rung: Some(3),
            unknown: false,
            note: "Line one\nline two \"quoted\" \u{1F512}".into(),
            source: "Kbis extract, 2026-10".into(),
            evidence_level: Some(EvidenceLevel::Audited),
            valid_until: Some(date("2027-10-31")),
            received: Some(date("2026-10-15")),
            provenance: Some(Provenance {
                respondent: "Exemple Cloud, legal team".into(),
                role: Some(Role::Provider),
                accepted_by: "A. Assessor".into(),
                accepted_on: Some(date("2026-10-20")),
            }),
        },
    );
    a.answers.insert(
        "SOV-2.2".into(),
        Answer {
            unknown: true,
            note: "asked".into(),
            ..Answer::default()
        },
    );
    a.answers.insert(
        "SOV-8.4".into(),
        Answer {
            rung: Some(0),
            ..Answer::default()
        },
    );
    a.answers.insert(
        "SOV-5.1".into(),
        Answer {
            note: "to ask".into(),
            ..Answer::default()
        },
    );
    a.overrides.insert(
        "SOV-5".into(),
        Override {
            level: Seal::new(2).unwrap(),
            justification: "Reviewed".into(),
        },
    );
    a.secnumcloud = SecNumCloud {
        stage: Some(Stage::J3),
        referential_version: "3.2".into(),
        service_models: vec![ServiceModel::Iaas, ServiceModel::Caas],
        services_in_scope: "Compute".into(),
        composition: Some(true),
        composition_base: "Another qualified IaaS".into(),
        last_audit: Some(date("2026-03-01")),
        qualified_on: Some(date("2025-01-15")),
        expires_on: Some(date("2028-01-15")),
        certificate: "ANSSI-SNC-2025/01".into(),
        criteria: [
            (
                "SNC-19.2.b".to_owned(),
                SncAnswer {
                    status: Some(SncStatus::Met),
                    note: String::new(),
                },
            ),
            (
                "SNC-19.6.b".to_owned(),
                SncAnswer {
                    status: Some(SncStatus::NotApplicable),
                    note: "n/a".into(),
                },
            ),
            (
                "SNC-19.4".to_owned(),
                SncAnswer {
                    status: None,
                    note: "asked on 3 November".into(),
                },
            ),
        ]
        .into_iter()
        .collect(),
    };
    a.signoff = SignOff {
        decision: Some(Decision::ApproveWithConditions),
        rationale: "Good enough for internal data".into(),
        conditions: "Re-assess SOV-2.2".into(),
        residual_risks: "Export control".into(),
        approvers: vec![
            Approver {
                name: "B. Board".into(),
                role: "CISO".into(),
                date: Some(date("2026-11-21")),
            },
            Approver {
                name: "C. Chair".into(),
                role: String::new(),
                date: None,
            },
        ],
        next_review: Some(date("2027-11-21")),
    };
    a.due_diligence.insert(
        "q1".into(),
        Answer {
            note: "Our staff in the EU only; no access from elsewhere".into(),
            source: "Reply to our questionnaire".into(),
            evidence_level: Some(EvidenceLevel::Declared),
            received: Some(date("2026-11-03")),
            provenance: Some(Provenance {
                respondent: "Key account manager".into(),
                role: Some(Role::Provider),
                accepted_by: "A. Assessor".into(),
                accepted_on: None,
            }),
            ..Answer::default()
        },
    );
    a.due_diligence.insert(
        "q8".into(),
        Answer {
            note: "Exit plan in the contract".into(),
            ..Answer::default()
        },
    );
    a.questionnaires
        .push(sovcheck_core::model::SentQuestionnaire {
            id: "q-legal".into(),
            respondent: sovcheck_core::model::Respondent {
                name: "Legal".into(),
                role: Some(Role::Legal),
            },
            scope: sovcheck_core::model::Scope {
                questions: vec!["q4".into()],
                steps: vec!["jurisdiction".into()],
                criteria: vec!["SOV-1.1".into()],
            },
            sent: Date::new(2026, 12, 1),
            reply_by: Date::new(2026, 12, 15),
        });
    a.action_plan.insert(
        "SOV-2.2".into(),
        PlanItem {
            owner: "Purchasing".into(),
            due: Some(date("2027-03-31")),
            status: Some(PlanStatus::InProgress),
        },
    );
    a.action_plan.insert(
        "SOV-5".into(),
        PlanItem {
            owner: "CISO".into(),
            ..PlanItem::default()
        },
    );
    a.log = vec![
        LogEntry {
            at: "2026-11-03T09:12:00Z".into(),
            by: "A. Assessor".into(),
            event: LogEvent::ConflictKept,
            source: "reply-2026-11-03.json".into(),
            subject: "SOV-1.1".into(),
            kept: Some(Answer {
                rung: Some(3),
                ..Answer::default()
            }),
            other: Some(Answer {
                rung: Some(2),
                note: "their view".into(),
                ..Answer::default()
            }),
            why: "The register extract shows EU control".into(),
        },
        log_entry(LogEvent::Filled, "q1"),
        log_entry(LogEvent::TabConflict, ""),
    ];
    a
}

/// A log entry with only an event and a subject.
fn log_entry(event: LogEvent, subject: &str) -> LogEntry {
    LogEntry {
        at: String::new(),
        by: String::new(),
        event,
        source: String::new(),
        subject: subject.into(),
        kept: None,
        other: None,
        why: String::new(),
    }
}

#[test]
fn the_minimal_document_is_accepted() {
    let a = parse_one(MINIMAL);
    assert_eq!(a.weights, Weights::Framework);
    assert_eq!(a.aggregation, Aggregation::WeakestLink);
    assert_eq!(a.answers.len(), 2);
    assert_eq!(a.answers["SOV-1.1"].rung, Some(3));
    assert!(a.answers["SOV-2.2"].unknown);
}

#[test]
fn export_then_parse_is_the_identity_for_rich_assessments() {
    let mut variants = vec![rich(), Assessment::default()];
    for weights in [Weights::Framework, Weights::Calculator] {
        variants.push(Assessment {
            weights,
            aggregation: Aggregation::WeakestLink,
            ..rich()
        });
    }
    for a in variants {
        let text = export_assessment(&a);
        assert_eq!(
            parse_document(text.as_bytes()),
            Ok(Document::Single(a.clone())),
            "{text}"
        );
        // Canonical: exporting again gives the same bytes.
        assert_eq!(export_assessment(&parse_one(&text)), text);
    }
    let list = vec![
        rich(),
        Assessment {
            id: "b".into(),
            ..Assessment::default()
        },
    ];
    let text = export_workspace(&list);
    assert_eq!(
        parse_document(text.as_bytes()),
        Ok(Document::Workspace(list))
    );
}

#[test]
fn the_canonical_export_has_a_fixed_shape() {
    let text = export_assessment(&parse_one(MINIMAL));
    let expected = format!(
        "{{\n  \"formatVersion\": 2,\n  \"contentVersion\": \"{}\",\n  \"assessment\": {{\n    \"weights\": \"framework-v1.2.1\",\n    \"aggregation\": \"weakest-link\",\n    \"answers\": {{\n      \"SOV-1.1\": {{\n        \"rung\": 3\n      }},\n      \"SOV-2.2\": {{\n        \"unknown\": true\n      }}\n    }}\n  }}\n}}\n",
        sovcheck_core::content_version()
    );
    assert_eq!(text, expected);
}

#[test]
fn format_version_0_migrates_to_the_same_evaluation_as_its_current_twin() {
    let v0 = parse_one(
        r#"{"formatVersion":0,"provider":"X","answers":{"SOV-1.1":3,"SOV-2.2":"unknown"}}"#,
    );
    let v1 = parse_one(&single(
        r#"{"meta": {"provider": "X"}, "answers": {"SOV-1.1": {"rung": 3}, "SOV-2.2": {"unknown": true}}}"#,
    ));
    assert_eq!(v0, v1);
    assert_eq!(evaluate(&v0, None), evaluate(&v1, None));
    let v0 =
        parse_one(r#"{"formatVersion":0,"offer":"Y","weights":"calculator-2026-06","answers":{}}"#);
    assert_eq!(
        (v0.meta.offer.as_str(), v0.weights),
        ("Y", Weights::Calculator)
    );
}

#[test]
fn format_version_0_errors_name_its_own_paths() {
    assert_error(
        r#"{"formatVersion":0,"answers":{"SOV-1.1":"maybe"}}"#,
        r#"answers["SOV-1.1"]: expected a rung number or "unknown", found the text "maybe""#,
        r#"answers["SOV-1.1"] : il faudrait un numéro de niveau ou « unknown », pas le texte "maybe""#,
    );
    assert_error(
        r#"{"formatVersion":0,"answers":{"SOV-9.9":1}}"#,
        r#"answers["SOV-9.9"]: "SOV-9.9" is not one of the 48 criteria (SOV-1.1 to SOV-8.4)"#,
        r#"answers["SOV-9.9"] : « SOV-9.9 » n'est pas l'un des 48 critères (SOV-1.1 à SOV-8.4)"#,
    );
}

#[test]
fn a_rung_out_of_range() {
    assert_error(
        &single(r#"{"answers": {"SOV-3.1": {"rung": 7}}}"#),
        r#"assessment.answers["SOV-3.1"].rung: 7 is out of range 0..4"#,
        r#"assessment.answers["SOV-3.1"].rung : 7 est hors de l'intervalle 0..4"#,
    );
    // SOV-2.1 has three rungs.
    assert_error(
        &single(r#"{"answers": {"SOV-2.1": {"rung": 3}}}"#),
        r#"assessment.answers["SOV-2.1"].rung: 3 is out of range 0..2"#,
        r#"assessment.answers["SOV-2.1"].rung : 3 est hors de l'intervalle 0..2"#,
    );
}

#[test]
fn an_unknown_criterion_objective_or_secnumcloud_id() {
    assert_error(
        &single(r#"{"answers": {"SOV-9.1": {"rung": 1}}}"#),
        r#"assessment.answers["SOV-9.1"]: "SOV-9.1" is not one of the 48 criteria (SOV-1.1 to SOV-8.4)"#,
        r#"assessment.answers["SOV-9.1"] : « SOV-9.1 » n'est pas l'un des 48 critères (SOV-1.1 à SOV-8.4)"#,
    );
    assert_error(
        &single(r#"{"overrides": {"SOV-9": {"level": 2, "justification": "x"}}}"#),
        r#"assessment.overrides["SOV-9"]: "SOV-9" is not an objective (SOV-1 to SOV-8)"#,
        r#"assessment.overrides["SOV-9"] : « SOV-9 » n'est pas un objectif (SOV-1 à SOV-8)"#,
    );
    assert_error(
        &single(r#"{"secnumcloud": {"criteria": {"SNC-99": {"status": "met"}}}}"#),
        r#"assessment.secnumcloud.criteria["SNC-99"]: "SNC-99" is not a SecNumCloud criterion of this content version"#,
        r#"assessment.secnumcloud.criteria["SNC-99"] : « SNC-99 » n'est pas un critère SecNumCloud de cette version du contenu"#,
    );
}

#[test]
fn unknown_fields_at_every_depth() {
    let cases = [
        (
            r#"{"formatVersion": 2, "assessment": {}, "extra": 1}"#.to_owned(),
            "extra",
            "extra",
        ),
        (
            single(r#"{"colour": "blue"}"#),
            "assessment.colour",
            "colour",
        ),
        (
            single(r#"{"meta": {"vendor": "x"}}"#),
            "assessment.meta.vendor",
            "vendor",
        ),
        (
            single(r#"{"answers": {"SOV-1.1": {"rung": 1, "comment": "x"}}}"#),
            r#"assessment.answers["SOV-1.1"].comment"#,
            "comment",
        ),
        (
            single(r#"{"secnumcloud": {"criteria": {"SNC-19.4": {"status": "met", "x": 1}}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-19.4"].x"#,
            "x",
        ),
        (
            single(r#"{"signoff": {"approvers": [{"name": "a", "email": "b"}]}}"#),
            "assessment.signoff.approvers[0].email",
            "email",
        ),
    ];
    for (doc, path, field) in cases {
        assert_error(
            &doc,
            &format!("{path}: unknown field \"{field}\""),
            &format!("{path} : champ inconnu « {field} »"),
        );
    }
}

#[test]
fn values_of_the_wrong_type() {
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"rung": "3"}}}"#),
        r#"assessment.answers["SOV-1.1"].rung: expected a whole number from 0 to 255, found the text "3""#,
        r#"assessment.answers["SOV-1.1"].rung : il faudrait un entier de 0 à 255, pas le texte "3""#,
    );
    assert_error(
        &single(r#"{"answers": []}"#),
        "assessment.answers: expected an object, found a list",
        "assessment.answers : il faudrait un objet, pas une liste",
    );
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"unknown": "yes"}}}"#),
        r#"assessment.answers["SOV-1.1"].unknown: expected true or false, found the text "yes""#,
        r#"assessment.answers["SOV-1.1"].unknown : il faudrait true ou false, pas le texte "yes""#,
    );
    assert_error(
        &single(r#"{"weights": 5}"#),
        r#"assessment.weights: expected "framework-v1.2.1", "calculator-2026-06" or an object of eight weights, found the number 5"#,
        "assessment.weights : il faudrait « framework-v1.2.1 », « calculator-2026-06 » ou un objet de huit poids, pas le nombre 5",
    );
    assert_error(
        &single(r#"{"aggregation": "average"}"#),
        r#"assessment.aggregation: "average" is not allowed here; allowed: "weakest-link", "weighted-mean""#,
        r#"assessment.aggregation : « average » n'est pas admis ici ; valeurs admises : "weakest-link", "weighted-mean""#,
    );
}

#[test]
fn a_struct_written_as_a_list_is_refused() {
    // serde would read [2] as {"rung": 2}: the format never writes that, so it is refused.
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": [2]}}"#),
        r#"assessment.answers["SOV-1.1"]: a list is not allowed here (only "assessments", "serviceModels", "approvers", "log", "questionnaires" and a scope's "questions", "steps" and "criteria" hold lists)"#,
        r#"assessment.answers["SOV-1.1"] : une liste n'est pas admise ici (seuls « assessments », « serviceModels », « approvers », « log », « questionnaires » et, dans un périmètre, « questions », « steps » et « criteria » contiennent des listes)"#,
    );
    assert_error(
        r#"{"formatVersion": 2, "assessment": ["id", "2026-01-01"]}"#,
        r#"assessment: a list is not allowed here (only "assessments", "serviceModels", "approvers", "log", "questionnaires" and a scope's "questions", "steps" and "criteria" hold lists)"#,
        r#"assessment : une liste n'est pas admise ici (seuls « assessments », « serviceModels », « approvers », « log », « questionnaires » et, dans un périmètre, « questions », « steps » et « criteria » contiennent des listes)"#,
    );
}

#[test]
fn duplicate_keys_and_fields() {
    assert_error(
        &single(r#"{"answers": {"SOV-1.1":{"rung":1},"SOV-1.1":{"rung":2}}}"#),
        r#"assessment.answers: key "SOV-1.1" appears twice"#,
        "assessment.answers : la clé « SOV-1.1 » apparaît deux fois",
    );
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"rung": 1, "rung": 2}}}"#),
        r#"assessment.answers["SOV-1.1"]: key "rung" appears twice"#,
        r#"assessment.answers["SOV-1.1"] : la clé « rung » apparaît deux fois"#,
    );
    assert_error(
        r#"{"formatVersion": 1, "assessment": {}, "assessment": {}}"#,
        r#"key "assessment" appears twice"#,
        "la clé « assessment » apparaît deux fois",
    );
    assert_error(
        &single(r#"{"weights": {"SOV-1": 100, "SOV-1": 0}}"#),
        r#"assessment.weights: key "SOV-1" appears twice"#,
        "assessment.weights : la clé « SOV-1 » apparaît deux fois",
    );
}

#[test]
fn truncated_empty_and_non_json_files() {
    assert_error(
        r#"{"formatVersion": 1, "assessment": {"answers": {"SOV-1.1": {"ru"#,
        "the file ends too early (line 1, column 63): it looks truncated",
        "le fichier s'arrête trop tôt (ligne 1, colonne 63) : il semble tronqué",
    );
    assert_error("", "the file is empty", "le fichier est vide");
    assert_error(" \n\t", "the file is empty", "le fichier est vide");
    assert_error(
        "hello",
        "not valid JSON at line 1, column 1 (a value was expected)",
        "JSON invalide à la ligne 1, colonne 1 (une valeur était attendue)",
    );
    assert_error(
        "{formatVersion: 1}",
        "not valid JSON at line 1, column 2 (keys must be in double quotes)",
        "JSON invalide à la ligne 1, colonne 2 (les clés doivent être entre guillemets doubles)",
    );
    assert_error(
        "{\"formatVersion\": 1, \"assessment\": {}}\n}",
        "not valid JSON at line 2, column 1 (there is text after the end of the document)",
        "JSON invalide à la ligne 2, colonne 1 (du texte suit la fin du document)",
    );
}

#[test]
fn the_top_level_must_be_an_object() {
    assert_error(
        "[1, 2]",
        r#"a sovcheck file is a JSON object {"formatVersion": ...}; this file holds a list"#,
        r#"un fichier sovcheck est un objet JSON {"formatVersion": ...} ; ce fichier contient une liste"#,
    );
    // A list holding what would be the envelope's fields in order is still refused.
    assert_error(
        r#"[1, "", {}]"#,
        r#"a sovcheck file is a JSON object {"formatVersion": ...}; this file holds a list"#,
        r#"un fichier sovcheck est un objet JSON {"formatVersion": ...} ; ce fichier contient une liste"#,
    );
    assert_error(
        "null",
        r#"a sovcheck file is a JSON object {"formatVersion": ...}; this file holds null"#,
        r#"un fichier sovcheck est un objet JSON {"formatVersion": ...} ; ce fichier contient null"#,
    );
}

#[test]
fn versions() {
    assert_error(
        r#"{"assessment": {}}"#,
        r#""formatVersion" is missing: this is not a sovcheck file"#,
        "« formatVersion » est absent : ce n'est pas un fichier sovcheck",
    );
    // A version 3 document: written by a newer sovcheck, whatever it holds.
    for doc in [
        r#"{"formatVersion": 3, "anything": {}}"#,
        r#"{"formatVersion": 3, "assessment": {}}"#,
    ] {
        assert_error(
            doc,
            "formatVersion: format version 3 was written by a newer sovcheck (this one reads up to 2); update sovcheck to open it",
            "formatVersion : la version de format 3 vient d'un sovcheck plus récent (celui-ci lit jusqu'à la version 2) ; mettez sovcheck à jour pour l'ouvrir",
        );
    }
    assert_error(
        r#"{"formatVersion": "1", "assessment": {}}"#,
        r#"formatVersion: format version "1" is not one sovcheck knows"#,
        r#"formatVersion : la version de format "1" n'est pas connue de sovcheck"#,
    );
    for doc in [r#"{"formatVersion": 1}"#, r#"{"formatVersion": 2}"#] {
        assert_error(
            doc,
            r#"the file must hold exactly one of "assessment", "assessments", "questionnaire" and "response""#,
            "le fichier doit contenir exactement un de « assessment », « assessments », « questionnaire » et « response »",
        );
    }
}

#[test]
fn weights() {
    assert_error(
        &single(r#"{"weights": {"SOV-1":10,"SOV-2":10,"SOV-3":10,"SOV-4":10,"SOV-5":10,"SOV-6":10,"SOV-7":10,"SOV-8":10}}"#),
        "assessment.weights: the weights sum to 80; they must be whole numbers summing to 100",
        "assessment.weights : les poids totalisent 80 ; ils doivent être des entiers dont la somme vaut 100",
    );
    // Regression: a u32 sum used to overflow (a panic in debug builds; in release it wrapped,
    // and 4294967295 + 101 wrapped to exactly 100).
    assert_error(
        &single(r#"{"weights": {"SOV-1":4294967295,"SOV-2":101,"SOV-3":0,"SOV-4":0,"SOV-5":0,"SOV-6":0,"SOV-7":0,"SOV-8":0}}"#),
        "assessment.weights: the weights sum to 4294967396; they must be whole numbers summing to 100",
        "assessment.weights : les poids totalisent 4294967396 ; ils doivent être des entiers dont la somme vaut 100",
    );
    assert_error(
        &single(r#"{"weights": {"SOV-1": 100}}"#),
        "assessment.weights: the weight of SOV-2 is missing",
        "assessment.weights : le poids de SOV-2 est absent",
    );
    assert_error(
        &single(r#"{"weights": "equal"}"#),
        r#"assessment.weights: "equal" is not a weight profile; use "framework-v1.2.1", "calculator-2026-06" or an object of eight weights"#,
        "assessment.weights : « equal » n'est pas un jeu de poids ; utilisez « framework-v1.2.1 », « calculator-2026-06 » ou un objet de huit poids",
    );
}

#[test]
fn overrides_need_a_justification_and_a_level_0_to_4() {
    assert_error(
        &single(r#"{"overrides": {"SOV-5": {"level": 2}}}"#),
        r#"assessment.overrides["SOV-5"]: required field "justification" is missing"#,
        r#"assessment.overrides["SOV-5"] : le champ obligatoire « justification » est absent"#,
    );
    assert_error(
        &single(r#"{"overrides": {"SOV-5": {"level": 2, "justification": "  "}}}"#),
        r#"assessment.overrides["SOV-5"].justification: an expert override needs a justification"#,
        r#"assessment.overrides["SOV-5"].justification : un ajustement d'expert doit être justifié"#,
    );
    assert_error(
        &single(r#"{"overrides": {"SOV-5": {"level": 5, "justification": "x"}}}"#),
        r#"assessment.overrides["SOV-5"].level: 5 is out of range 0..4"#,
        r#"assessment.overrides["SOV-5"].level : 5 est hors de l'intervalle 0..4"#,
    );
}

#[test]
fn rung_and_unknown_together() {
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"rung": 1, "unknown": true}}}"#),
        r#"assessment.answers["SOV-1.1"]: "rung" and "unknown": true cannot both be given"#,
        r#"assessment.answers["SOV-1.1"] : « rung » et « unknown » : true ne peuvent pas être donnés ensemble"#,
    );
}

#[test]
fn invalid_dates() {
    assert_error(
        &single(r#"{"meta": {"date": "2026-02-30"}}"#),
        r#"assessment.meta.date: "2026-02-30" is not a date of the form YYYY-MM-DD"#,
        "assessment.meta.date : « 2026-02-30 » n'est pas une date de la forme AAAA-MM-JJ",
    );
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"validUntil": "31/12/2026"}}}"#),
        r#"assessment.answers["SOV-1.1"].validUntil: "31/12/2026" is not a date of the form YYYY-MM-DD"#,
        r#"assessment.answers["SOV-1.1"].validUntil : « 31/12/2026 » n'est pas une date de la forme AAAA-MM-JJ"#,
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = |open: &str, close: &str| {
        single(&format!(
            r#"{{"answers": {{"SOV-1.1": {{"note": {}1{}}}}}}}"#,
            open.repeat(10_000),
            close.repeat(10_000)
        ))
    };
    let too_deep = "the JSON is nested too deeply to be a sovcheck file";
    let trop = "le JSON est trop profondément imbriqué pour être un fichier sovcheck";
    assert_error(&deep("[", "]"), too_deep, trop);
    assert_error(&deep(r#"{"a":"#, "}"), too_deep, trop);
    // Unclosed as well as deep.
    assert_error(&"[".repeat(100_000), too_deep, trop);
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let mut doc = single(r#"{"meta": {"provider": "x"}}"#).into_bytes();
    doc.resize(MAX_DOCUMENT_BYTES + 1, b' ');
    let size = MAX_DOCUMENT_BYTES + 1;
    assert_error_bytes(
        &doc,
        &format!("the file is {size} bytes; files over 16 MiB are refused"),
        &format!("le fichier fait {size} octets ; les fichiers de plus de 16 Mio sont refusés"),
    );
    // Exactly at the limit is fine (trailing whitespace is allowed).
    doc.truncate(MAX_DOCUMENT_BYTES);
    assert!(parse_document(&doc).is_ok());
}

#[test]
fn workspaces() {
    for version in [1, 2] {
        let doc = format!(
            r#"{{"formatVersion": {version}, "assessments": [{{"id": "a"}}, {{"id": "b", "answers": {{"SOV-1.1": {{"rung": 0}}}}}}]}}"#
        );
        match parse_document(doc.as_bytes()) {
            Ok(Document::Workspace(list)) => assert_eq!(list.len(), 2),
            other => panic!("{other:?}"),
        }
    }
    assert_error(
        r#"{"formatVersion": 2, "assessments": [{"id": "a"}, {"id": "a"}]}"#,
        r#"assessments[1].id: id "a" is used by two assessments"#,
        "assessments[1].id : l'identifiant « a » est utilisé par deux évaluations",
    );
    assert_error(
        r#"{"formatVersion": 2, "assessments": [{}, {"answers": {"SOV-3.1": {"rung": 7}}}]}"#,
        r#"assessments[1].answers["SOV-3.1"].rung: 7 is out of range 0..4"#,
        r#"assessments[1].answers["SOV-3.1"].rung : 7 est hors de l'intervalle 0..4"#,
    );
    assert_error(
        r#"{"formatVersion": 2, "assessment": {}, "assessments": []}"#,
        r#"the file must hold exactly one of "assessment", "assessments", "questionnaire" and "response""#,
        "le fichier doit contenir exactement un de « assessment », « assessments », « questionnaire » et « response »",
    );
}

#[test]
fn problems_are_exposed_for_programs() {
    let e =
        parse_document(single(r#"{"answers": {"SOV-3.1": {"rung": 7}}}"#).as_bytes()).unwrap_err();
    assert_eq!(e.path, r#"assessment.answers["SOV-3.1"].rung"#);
    assert_eq!(e.problem, Problem::RungOutOfRange { rung: 7, max: 4 });
}

/// The `.json` files of `dir` (not of its subfolders), sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

fn examples(sub: &str) -> Vec<PathBuf> {
    json_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs/examples")
            .join(sub),
    )
}

#[test]
fn every_documented_example_parses() {
    // docs/examples holds the current version; docs/examples/v1 the version-1 examples as
    // they were published, which this build must still open.
    for (sub, version) in [("", "\"formatVersion\": 2"), ("v1", "\"formatVersion\": 1")] {
        let files = examples(sub);
        assert!(
            files.len() >= 3,
            "expected three examples in docs/examples/{sub}"
        );
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains(version), "{}: not {version}", path.display());
            if let Err(e) = parse_document(text.as_bytes()) {
                panic!(
                    "{}: {}",
                    path.display(),
                    sovcheck_text::texts(Lang::En).format_error(&e)
                );
            }
        }
    }
}

#[test]
fn a_utf8_byte_order_mark_is_ignored() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        br#"{"formatVersion": 1, "assessment": {"answers": {"SOV-1.1": {"rung": 3}}}}"#,
    );
    let doc = sovcheck_core::parse_document(&bytes).unwrap();
    assert_eq!(
        doc.into_assessments()[0].choice("SOV-1.1"),
        sovcheck_core::model::Choice::Rung(3)
    );
}

#[test]
fn utf16_other_encodings_and_encrypted_files_are_named() {
    let doc = r#"{"formatVersion": 2, "assessment": {}}"#;
    let utf16 = |big_endian: bool, bom: bool| -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for unit in doc.encode_utf16() {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    };
    for (big_endian, bom) in [(false, true), (true, true), (false, false), (true, false)] {
        assert_error_bytes(
            &utf16(big_endian, bom),
            "the file is UTF-16 text; save it as UTF-8",
            "le fichier est du texte UTF-16 ; enregistrez-le en UTF-8",
        );
    }
    // Latin-1 (the é of "Société" as one byte) on the second line.
    assert_error_bytes(
        b"{\"formatVersion\": 2,\n \"assessment\": {\"meta\": {\"provider\": \"Soci\xE9t\xE9\"}}}",
        "the file is not UTF-8 text (line 2, column 43); save it as UTF-8",
        "le fichier n'est pas du texte UTF-8 (ligne 2, colonne 43) ; enregistrez-le en UTF-8",
    );
    // An overlong encoding of "/".
    assert_error_bytes(
        b"{\"a\": \"\xC0\xAF\"}",
        "the file is not UTF-8 text (line 1, column 8); save it as UTF-8",
        "le fichier n'est pas du texte UTF-8 (ligne 1, colonne 8) ; enregistrez-le en UTF-8",
    );
    assert_error(
        r#"{"sovcheckEncrypted": 1, "kdf": {}, "cipher": {}, "data": ""}"#,
        "this is an encrypted sovcheck file: open it in the sovcheck app, with its passphrase",
        "c'est un fichier sovcheck chiffré : ouvrez-le dans l'application sovcheck, avec sa phrase secrète",
    );
}

#[test]
fn a_broken_unicode_escape_is_worded_in_each_language() {
    // serde_json's "unexpected end of hex escape" and "lone leading surrogate" never reach a
    // user: both are a broken \u escape.
    for (doc, column) in [
        (
            r#"{"formatVersion": 2, "assessment": {"meta": {"provider": "\ud800"}}}"#,
            65,
        ),
        (
            r#"{"formatVersion": 2, "assessment": {"meta": {"provider": "\ud800\n"}}}"#,
            66,
        ),
        (
            r#"{"formatVersion": 2, "assessment": {"meta": {"provider": "\ud800x"}}}"#,
            65,
        ),
    ] {
        assert_error(
            doc,
            &format!("not valid JSON at line 1, column {column} (invalid Unicode escape)"),
            &format!("JSON invalide à la ligne 1, colonne {column} (échappement Unicode invalide)"),
        );
    }
}

// ------------------------------------------------------------------- version 1

/// The version-2 twin of a version-1 text: the version number, and `"serviceModel": X`
/// written `"serviceModels": [X]`.
fn v2_twin(v1: &str) -> String {
    let mut out = v1.replacen("\"formatVersion\": 1", "\"formatVersion\": 2", 1);
    while let Some(at) = out.find("\"serviceModel\": ") {
        let value_at = at + "\"serviceModel\": ".len();
        let end = value_at + 1 + out[value_at + 1..].find('"').unwrap() + 1;
        let value = out[value_at..end].to_owned();
        out.replace_range(at..end, &format!("\"serviceModels\": [{value}]"));
    }
    out
}

#[test]
fn version_1_service_model_becomes_a_list_of_one() {
    let a = parse_one(&single_v1(
        r#"{"meta": {"provider": "P", "serviceModel": "saas"}}"#,
    ));
    assert_eq!(a.meta.service_models, [ServiceModel::Saas]);
    assert_eq!(a.meta.provider, "P");
    let a = parse_one(&single_v1(r#"{"meta": {"provider": "P"}}"#));
    assert!(a.meta.service_models.is_empty());
}

#[test]
fn every_version_1_file_reads_as_its_version_2_twin() {
    let fixtures = json_files(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .into_iter()
        .filter(|p| !p.to_string_lossy().ends_with(".expect.json"));
    let mut n = 0;
    for path in fixtures.chain(examples("v1")) {
        let v1 = std::fs::read_to_string(&path).unwrap();
        assert!(v1.contains("\"formatVersion\": 1"), "{}", path.display());
        let v2 = v2_twin(&v1);
        assert_ne!(v1, v2);
        assert_eq!(
            parse_document(v1.as_bytes()),
            parse_document(v2.as_bytes()),
            "{}",
            path.display()
        );
        n += 1;
    }
    assert!(n >= 9, "only {n} version-1 files");
}

#[test]
fn a_version_1_export_re_exports_as_version_2_with_everything_else_identical() {
    // What the version-1 writer wrote for an assessment: today's export with version 1's
    // two differences undone (every other field is written as version 1 wrote it).
    let mut a = rich();
    a.meta.service_models = vec![ServiceModel::Iaas];
    for answer in a.answers.values_mut() {
        answer.received = None;
        answer.provenance = None;
    }
    a.secnumcloud.qualified_on = None;
    a.secnumcloud.expires_on = None;
    a.secnumcloud.certificate.clear();
    a.secnumcloud.criteria.remove("SNC-19.4");
    a.due_diligence.clear();
    a.action_plan.clear();
    a.questionnaires.clear();
    a.log.clear();
    let v2 = export_assessment(&a);
    let list_of_one = "\"serviceModels\": [\n        \"iaas\"\n      ],";
    assert!(v2.contains(list_of_one), "{v2}");
    let v1 = v2
        .replacen("\"formatVersion\": 2", "\"formatVersion\": 1", 1)
        .replacen(list_of_one, "\"serviceModel\": \"iaas\",", 1);
    assert_eq!(export_assessment(&parse_one(&v1)), v2);
    // A workspace likewise.
    let v2 = export_workspace(&[a.clone(), Assessment::default()]);
    let v1 = v2
        .replacen("\"formatVersion\": 2", "\"formatVersion\": 1", 1)
        .replacen(
            "\"serviceModels\": [\n          \"iaas\"\n        ],",
            "\"serviceModel\": \"iaas\",",
            1,
        );
    assert_ne!(
        v1,
        v2.replacen("\"formatVersion\": 2", "\"formatVersion\": 1", 1)
    );
    let back = parse_document(v1.as_bytes()).unwrap().into_assessments();
    assert_eq!(export_workspace(&back), v2);
}

#[test]
fn version_1_keeps_its_own_rules() {
    let cases = [
        (
            r#"{"meta": {"serviceModels": ["iaas"]}}"#,
            "assessment.meta.serviceModels",
            "serviceModels",
        ),
        (
            r#"{"dueDiligence": {}}"#,
            "assessment.dueDiligence",
            "dueDiligence",
        ),
        (r#"{"log": []}"#, "assessment.log", "log"),
        (
            r#"{"answers": {"SOV-1.1": {"received": "2026-01-01"}}}"#,
            r#"assessment.answers["SOV-1.1"].received"#,
            "received",
        ),
        (
            r#"{"secnumcloud": {"certificate": "x"}}"#,
            "assessment.secnumcloud.certificate",
            "certificate",
        ),
    ];
    for (doc, path, field) in cases {
        assert_error(
            &single_v1(doc),
            &format!("{path}: unknown field \"{field}\""),
            &format!("{path} : champ inconnu « {field} »"),
        );
    }
    // A version-2 file may not use version 1's single model either.
    assert_error(
        &single(r#"{"meta": {"serviceModel": "iaas"}}"#),
        r#"assessment.meta.serviceModel: unknown field "serviceModel""#,
        "assessment.meta.serviceModel : champ inconnu « serviceModel »",
    );
    // In version 1 a requirement answer always has a status.
    assert_error(
        &single_v1(r#"{"secnumcloud": {"criteria": {"SNC-19.4": {"note": "asked"}}}}"#),
        r#"assessment.secnumcloud.criteria["SNC-19.4"]: required field "status" is missing"#,
        r#"assessment.secnumcloud.criteria["SNC-19.4"] : le champ obligatoire « status » est absent"#,
    );
}

// ------------------------------------------------------------ version 2 fields

#[test]
fn repeated_service_models_are_refused() {
    assert_error(
        &single(r#"{"meta": {"serviceModels": ["iaas", "saas", "iaas"]}}"#),
        r#"assessment.meta.serviceModels[2]: service model "iaas" is listed twice"#,
        "assessment.meta.serviceModels[2] : le modèle de service « iaas » figure deux fois",
    );
    // Order is not checked: the editor sorts, a file may not.
    let a = parse_one(&single(r#"{"meta": {"serviceModels": ["saas", "iaas"]}}"#));
    assert_eq!(
        a.meta.service_models,
        [ServiceModel::Saas, ServiceModel::Iaas]
    );
}

#[test]
fn due_diligence_keys_are_the_eight_questions() {
    for (key, path) in [
        ("q9", "assessment.dueDiligence.q9"),
        ("SOV-1.1", r#"assessment.dueDiligence["SOV-1.1"]"#),
    ] {
        assert_error(
            &single(&format!(
                r#"{{"dueDiligence": {{"{key}": {{"note": "x"}}}}}}"#
            )),
            &format!(r#"{path}: "{key}" is not one of the due-diligence questions (q1 to q8)"#),
            &format!("{path} : « {key} » n'est pas l'une des questions de due diligence (q1 à q8)"),
        );
    }
    let a = parse_one(&single(
        r#"{"dueDiligence": {"q1": {"note": "a"}, "q8": {"source": "s", "received": "2026-11-03"}}}"#,
    ));
    assert_eq!(a.due_diligence.len(), 2);
    assert_eq!(a.due_diligence["q8"].received, Some(date("2026-11-03")));
}

#[test]
fn a_due_diligence_answer_has_no_rung_unknown_or_validity() {
    let cases = [
        (
            r#"{"rung": 2, "note": "x"}"#,
            "rung",
            r#"a due-diligence answer has no rung: the provider's answer goes in "note""#,
            "une réponse de due diligence n'a pas de niveau : la réponse du prestataire va dans « note »",
        ),
        (
            r#"{"unknown": true}"#,
            "unknown",
            r#"a due-diligence answer cannot be "unknown": leave the question out until the provider answers"#,
            "une réponse de due diligence ne peut pas être « unknown » : omettez la question tant que le prestataire n'a pas répondu",
        ),
        (
            r#"{"note": "x", "validUntil": "2027-01-01"}"#,
            "validUntil",
            r#"a due-diligence answer has no "validUntil": give the date it was received in "received""#,
            "une réponse de due diligence n'a pas de « validUntil » : indiquez sa date de réception dans « received »",
        ),
    ];
    for (answer, field, en, fr) in cases {
        assert_error(
            &single(&format!(r#"{{"dueDiligence": {{"q4": {answer}}}}}"#)),
            &format!("assessment.dueDiligence.q4.{field}: {en}"),
            &format!("assessment.dueDiligence.q4.{field} : {fr}"),
        );
    }
    // `unknown: false` is the default, not an "unknown" answer.
    assert!(
        parse_document(single(r#"{"dueDiligence": {"q4": {"unknown": false}}}"#).as_bytes())
            .is_ok()
    );
}

#[test]
fn action_plan_keys_are_criteria_or_objectives() {
    let a = parse_one(&single(
        r#"{"actionPlan": {"SOV-3": {"owner": "CISO"}, "SOV-3.1": {"due": "2027-03-31", "status": "done"}}}"#,
    ));
    assert_eq!(a.action_plan["SOV-3.1"].status, Some(PlanStatus::Done));
    for (key, path) in [
        ("SOV-9", r#"assessment.actionPlan["SOV-9"]"#),
        ("SOV-1.9", r#"assessment.actionPlan["SOV-1.9"]"#),
        ("q1", "assessment.actionPlan.q1"),
    ] {
        assert_error(
            &single(&format!(r#"{{"actionPlan": {{"{key}": {{"owner": "x"}}}}}}"#)),
            &format!(r#"{path}: "{key}" is neither a criterion (SOV-1.1 to SOV-8.4) nor an objective (SOV-1 to SOV-8)"#),
            &format!("{path} : « {key} » n'est ni un critère (SOV-1.1 à SOV-8.4) ni un objectif (SOV-1 à SOV-8)"),
        );
    }
    assert_error(
        &single(r#"{"actionPlan": {"SOV-3": {"status": "started"}}}"#),
        r#"assessment.actionPlan["SOV-3"].status: "started" is not allowed here; allowed: "planned", "in-progress", "done""#,
        r#"assessment.actionPlan["SOV-3"].status : « started » n'est pas admis ici ; valeurs admises : "planned", "in-progress", "done""#,
    );
}

#[test]
fn log_subjects_are_criteria_or_questions() {
    let a = parse_one(&single(
        r#"{"log": [{"event": "landed"}, {"event": "filled", "subject": "q2"}, {"event": "conflict-taken", "subject": "SOV-1.1"}]}"#,
    ));
    assert_eq!(a.log.len(), 3);
    for subject in ["SOV-9.9", "SOV-1", "q9"] {
        assert_error(
            &single(&format!(r#"{{"log": [{{"event": "landed"}}, {{"event": "filled", "subject": "{subject}"}}]}}"#)),
            &format!(r#"assessment.log[1].subject: "{subject}" is neither a criterion (SOV-1.1 to SOV-8.4) nor a due-diligence question (q1 to q8)"#),
            &format!("assessment.log[1].subject : « {subject} » n'est ni un critère (SOV-1.1 à SOV-8.4) ni une question de due diligence (q1 à q8)"),
        );
    }
}

#[test]
fn a_log_entry_quotes_answers_valid_for_its_subject() {
    // SOV-2.1 has three rungs.
    assert_error(
        &single(
            r#"{"log": [{"event": "conflict-kept", "subject": "SOV-2.1", "kept": {"rung": 3}}]}"#,
        ),
        "assessment.log[0].kept.rung: 3 is out of range 0..2",
        "assessment.log[0].kept.rung : 3 est hors de l'intervalle 0..2",
    );
    assert_error(
        &single(r#"{"log": [{"event": "conflict-kept", "subject": "q1", "kept": {"note": "a"}, "other": {"rung": 1}}]}"#),
        r#"assessment.log[0].other.rung: a due-diligence answer has no rung: the provider's answer goes in "note""#,
        "assessment.log[0].other.rung : une réponse de due diligence n'a pas de niveau : la réponse du prestataire va dans « note »",
    );
}

#[test]
fn a_log_entry_needs_a_known_event() {
    assert_error(
        &single(r#"{"log": [{"by": "A"}]}"#),
        r#"assessment.log[0]: required field "event" is missing"#,
        r#"assessment.log[0] : le champ obligatoire « event » est absent"#,
    );
    assert_error(
        &single(r#"{"log": [{"event": "deleted"}]}"#),
        r#"assessment.log[0].event: "deleted" is not allowed here; allowed: "landed", "filled", "confirmed", "conflict-kept", "conflict-taken", "conflict-unknown", "tab-conflict""#,
        r#"assessment.log[0].event : « deleted » n'est pas admis ici ; valeurs admises : "landed", "filled", "confirmed", "conflict-kept", "conflict-taken", "conflict-unknown", "tab-conflict""#,
    );
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"provenance": {"role": "ceo"}}}}"#),
        r#"assessment.answers["SOV-1.1"].provenance.role: "ceo" is not allowed here; allowed: "provider", "legal", "architecture", "purchasing", "security", "other""#,
        r#"assessment.answers["SOV-1.1"].provenance.role : « ceo » n'est pas admis ici ; valeurs admises : "provider", "legal", "architecture", "purchasing", "security", "other""#,
    );
}

#[test]
fn a_requirement_answer_needs_a_status_or_a_note() {
    for answer in ["{}", r#"{"note": ""}"#] {
        assert_error(
            &single(&format!(
                r#"{{"secnumcloud": {{"criteria": {{"SNC-19.4": {answer}}}}}}}"#
            )),
            r#"assessment.secnumcloud.criteria["SNC-19.4"]: required field "status" is missing"#,
            r#"assessment.secnumcloud.criteria["SNC-19.4"] : le champ obligatoire « status » est absent"#,
        );
    }
    let a = parse_one(&single(
        r#"{"secnumcloud": {"criteria": {"SNC-19.4": {"note": "asked"}}}}"#,
    ));
    assert_eq!(
        a.secnumcloud.criteria["SNC-19.4"],
        SncAnswer {
            status: None,
            note: "asked".into()
        }
    );
}

// ------------------------------------------------------------------------ limits

/// `n` copies of `item`, comma-separated.
fn repeat(item: &str, n: usize) -> String {
    vec![item; n].join(",")
}

#[test]
fn lists_are_accepted_up_to_their_limit_and_refused_beyond() {
    let approvers = |n| {
        single(&format!(
            r#"{{"signoff": {{"approvers": [{}]}}}}"#,
            repeat(r#"{"name": "A"}"#, n)
        ))
    };
    let log = |n| {
        single(&format!(
            r#"{{"log": [{}]}}"#,
            repeat(r#"{"event": "landed"}"#, n)
        ))
    };
    let workspace = |n| {
        format!(
            r#"{{"formatVersion": 2, "assessments": [{}]}}"#,
            repeat("{}", n)
        )
    };
    // Assessments without ids: ids are unique only when given.
    for doc in [
        approvers(MAX_APPROVERS),
        log(MAX_LOG_ENTRIES),
        workspace(MAX_ASSESSMENTS),
    ] {
        if let Err(e) = parse_document(doc.as_bytes()) {
            panic!("{}", sovcheck_text::texts(Lang::En).format_error(&e));
        }
    }
    assert_error(
        &approvers(MAX_APPROVERS + 1),
        "assessment.signoff.approvers: 101 approvers; a sign-off lists at most 100",
        "assessment.signoff.approvers : 101 approbateurs ; une décision en compte au plus 100",
    );
    assert_error(
        &log(MAX_LOG_ENTRIES + 1),
        "assessment.log: 10001 log entries; a log holds at most 10000",
        "assessment.log : 10001 entrées de journal ; un journal en compte au plus 10000",
    );
    assert_error(
        &workspace(MAX_ASSESSMENTS + 1),
        "assessments: 1001 assessments; a workspace holds at most 1000",
        "assessments : 1001 évaluations ; un espace de travail en compte au plus 1000",
    );
    // In a workspace, the assessment's path names it.
    assert_error(
        &format!(
            r#"{{"formatVersion": 2, "assessments": [{{}}, {{"signoff": {{"approvers": [{}]}}}}]}}"#,
            repeat("{}", MAX_APPROVERS + 1)
        ),
        "assessments[1].signoff.approvers: 101 approvers; a sign-off lists at most 100",
        "assessments[1].signoff.approvers : 101 approbateurs ; une décision en compte au plus 100",
    );
}

#[test]
fn every_text_is_limited_in_characters_not_bytes() {
    // "é" is two bytes: a text at the limit is twice as long in bytes, and accepted.
    let at_limit = "é".repeat(MAX_TEXT_CHARS);
    let over = format!("{at_limit}x");
    let cases = [
        (
            single(r#"{"answers": {"SOV-1.1": {"note": "TEXT"}}}"#),
            r#"assessment.answers["SOV-1.1"].note"#,
        ),
        (single(r#"{"meta": {"title": "TEXT"}}"#), "assessment.meta.title"),
        (
            single(r#"{"signoff": {"rationale": "TEXT"}}"#),
            "assessment.signoff.rationale",
        ),
        (
            single(r#"{"overrides": {"SOV-5": {"level": 2, "justification": "TEXT"}}}"#),
            r#"assessment.overrides["SOV-5"].justification"#,
        ),
        (
            single(r#"{"log": [{"event": "landed"}, {"event": "filled", "why": "TEXT"}]}"#),
            "assessment.log[1].why",
        ),
        (
            single(r#"{"dueDiligence": {"q2": {"provenance": {"respondent": "TEXT"}}}}"#),
            "assessment.dueDiligence.q2.provenance.respondent",
        ),
        (
            r#"{"formatVersion": 2, "contentVersion": "TEXT", "assessment": {}}"#.to_owned(),
            "contentVersion",
        ),
        (
            r#"{"formatVersion": 1, "assessments": [{}, {"secnumcloud": {"criteria": {"SNC-19.4": {"status": "met", "note": "TEXT"}}}}]}"#.to_owned(),
            r#"assessments[1].secnumcloud.criteria["SNC-19.4"].note"#,
        ),
        (
            r#"{"formatVersion": 0, "provider": "TEXT"}"#.to_owned(),
            "provider",
        ),
    ];
    for (doc, path) in cases {
        let ok = doc.replace("TEXT", &at_limit);
        if let Err(e) = parse_document(ok.as_bytes()) {
            panic!(
                "{path}: {}",
                sovcheck_text::texts(Lang::En).format_error(&e)
            );
        }
        assert_error(
            &doc.replace("TEXT", &over),
            &format!("{path}: the text is 100001 characters long; a text holds at most 100000"),
            &format!(
                "{path} : le texte compte 100001 caractères ; un texte en compte au plus 100000"
            ),
        );
    }
}

/// The committed JSON Schema `name` must describe exactly what the format writes: every key
/// of `docs` is declared at its place in the schema, and every property the schema declares
/// for the objects listed in `declared` appears in them (so a field added or renamed in the
/// model without the schema, or the other way round, fails here).
fn check_schema(name: &str, docs: &[String], declared: &[(&str, &[&str])]) {
    use serde_json::Value;
    let path = format!("{}/../../docs/{name}", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let resolve = |s: &Value| -> Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => defs[r.trim_start_matches("#/$defs/")].clone(),
            None => s.clone(),
        }
    };
    // Walks a document and its schema together; records the schema paths it visited.
    fn walk(
        value: &Value,
        schema: &Value,
        at: &str,
        resolve: &dyn Fn(&Value) -> Value,
        seen: &mut std::collections::BTreeSet<String>,
    ) {
        let schema = resolve(schema);
        let schema = match schema.get("oneOf").and_then(Value::as_array) {
            Some(alts) if value.is_object() => alts
                .iter()
                .map(resolve)
                .find(|a| a.get("properties").is_some())
                .unwrap_or(schema.clone()),
            _ => schema,
        };
        match value {
            Value::Object(map) => {
                if let Some(props) = schema.get("properties").and_then(Value::as_object) {
                    for (k, v) in map {
                        let sub = props
                            .get(k)
                            .unwrap_or_else(|| panic!("{at}.{k} is not in the schema"));
                        seen.insert(format!("{at}.{k}"));
                        walk(v, sub, &format!("{at}.{k}"), resolve, seen);
                    }
                } else if let Some(item) =
                    schema.get("additionalProperties").filter(|v| v.is_object())
                {
                    for v in map.values() {
                        walk(v, item, &format!("{at}[*]"), resolve, seen);
                    }
                } else {
                    panic!("{at}: an object where the schema has none");
                }
            }
            Value::Array(items) => {
                let item = schema
                    .get("items")
                    .unwrap_or_else(|| panic!("{at}: no items in the schema"));
                for v in items {
                    walk(v, item, &format!("{at}[]"), resolve, seen);
                }
            }
            _ => {}
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for doc in docs {
        let value: Value = serde_json::from_str(doc).unwrap();
        // A workspace's assessments are checked under the same names as a single one.
        let mut visited = std::collections::BTreeSet::new();
        walk(&value, &schema, "$", &resolve, &mut visited);
        seen.extend(
            visited
                .into_iter()
                .map(|p| p.replacen("$.assessments[]", "$.assessment", 1)),
        );
    }
    // Every declared property of every object listed must have been seen.
    for (at, pointer) in declared {
        let mut s = &schema;
        for step in *pointer {
            s = &s[*step];
        }
        let props = s["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name}: no properties at {pointer:?}"));
        for k in props.keys() {
            assert!(
                seen.contains(&format!("{at}.{k}")),
                "{name} declares {at}.{k} but the documents never write it"
            );
        }
    }
}

#[test]
fn the_committed_json_schema_is_current() {
    let mut docs = vec![export_assessment(&rich()), export_workspace(&[rich()])];
    // A questionnaire sharing answers and notes, and a response answering a question.
    let mut q = sovcheck_core::questionnaire::prepare(
        &rich(),
        "q-1",
        sovcheck_core::model::Respondent {
            name: "Legal".into(),
            role: Some(Role::Legal),
        },
        &rich().questionnaires[0].scope,
        "Please answer by the 15th",
        Date::new(2026, 12, 15),
        Date::new(2026, 12, 1),
        sovcheck_core::questionnaire::Share {
            answers: true,
            notes: true,
        },
    );
    q.context.title = "T".into();
    q.context.offer = "O".into();
    q.due_diligence
        .insert("q4".into(), rich().due_diligence["q8"].clone());
    assert!(!q.answers.is_empty() && !q.from.is_empty());
    let mut r = sovcheck_core::questionnaire::blank_response(&q);
    r.answered = Date::new(2026, 12, 3);
    r.answers = q.answers.clone();
    r.due_diligence = q.due_diligence.clone();
    docs.push(sovcheck_core::format::export_questionnaire(&q));
    docs.push(sovcheck_core::format::export_response(&r));
    let declared: &[(&str, &[&str])] = &[
        ("$", &[]),
        ("$.assessment", &["$defs", "assessment"]),
        (
            "$.assessment.meta",
            &["$defs", "assessment", "properties", "meta"],
        ),
        (
            "$.assessment.secnumcloud",
            &["$defs", "assessment", "properties", "secnumcloud"],
        ),
        (
            "$.assessment.signoff",
            &["$defs", "assessment", "properties", "signoff"],
        ),
        ("$.assessment.answers[*]", &["$defs", "answer"]),
        (
            "$.assessment.answers[*].provenance",
            &["$defs", "provenance"],
        ),
        (
            "$.assessment.dueDiligence[*]",
            &["$defs", "dueDiligenceAnswer"],
        ),
        ("$.assessment.actionPlan[*]", &["$defs", "planItem"]),
        ("$.assessment.log[]", &["$defs", "logEntry"]),
        (
            "$.assessment.secnumcloud.criteria[*]",
            &["$defs", "sncAnswer"],
        ),
        (
            "$.assessment.questionnaires[]",
            &["$defs", "sentQuestionnaire"],
        ),
        (
            "$.assessment.questionnaires[].respondent",
            &["$defs", "respondent"],
        ),
        ("$.assessment.questionnaires[].scope", &["$defs", "scope"]),
        ("$.questionnaire", &["$defs", "questionnaire"]),
        (
            "$.questionnaire.context",
            &["$defs", "questionnaire", "properties", "context"],
        ),
        ("$.response", &["$defs", "response"]),
    ];
    check_schema("sovcheck-format-2.schema.json", &docs, declared);
    // The examples are described by their version's schema, frozen for version 1.
    let read = |paths: Vec<PathBuf>| -> Vec<String> {
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    };
    check_schema("sovcheck-format-2.schema.json", &read(examples("")), &[]);
    check_schema("sovcheck-format-1.schema.json", &read(examples("v1")), &[]);
}
