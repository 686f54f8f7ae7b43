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
    export_assessment, export_workspace, parse_document, Document, Problem, MAX_DOCUMENT_BYTES,
};
use sovcheck_core::model::{
    Aggregation, Answer, Approver, Assessment, Date, Decision, EvidenceLevel, Meta, Override,
    SecNumCloud, Sensitivity, ServiceModel, SignOff, SncAnswer, SncStatus, Stage, Weights,
};
use sovcheck_core::{evaluate, Lang, Seal};
use std::path::PathBuf;

/// The issue's minimal document.
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

/// `{"formatVersion": 1, "assessment": ASSESSMENT}`.
fn single(assessment: &str) -> String {
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
            service_model: Some(ServiceModel::Iaas),
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
        criteria: [
            (
                "SNC-19.2.b".to_owned(),
                SncAnswer {
                    status: SncStatus::Met,
                    note: String::new(),
                },
            ),
            (
                "SNC-19.6.b".to_owned(),
                SncAnswer {
                    status: SncStatus::NotApplicable,
                    note: "n/a".into(),
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
    a
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
        "{{\n  \"formatVersion\": 1,\n  \"contentVersion\": \"{}\",\n  \"assessment\": {{\n    \"weights\": \"framework-v1.2.1\",\n    \"aggregation\": \"weakest-link\",\n    \"answers\": {{\n      \"SOV-1.1\": {{\n        \"rung\": 3\n      }},\n      \"SOV-2.2\": {{\n        \"unknown\": true\n      }}\n    }}\n  }}\n}}\n",
        sovcheck_core::content_version()
    );
    assert_eq!(text, expected);
}

#[test]
fn format_version_0_migrates_to_the_same_evaluation_as_its_v1_twin() {
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
        r#"answers["SOV-1.1"] : un numéro de niveau ou « unknown » attendu, trouvé le texte "maybe""#,
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
            r#"{"formatVersion": 1, "assessment": {}, "extra": 1}"#.to_owned(),
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
        r#"assessment.answers["SOV-1.1"].rung : un entier de 0 à 255 attendu, trouvé le texte "3""#,
    );
    assert_error(
        &single(r#"{"answers": []}"#),
        "assessment.answers: expected an object, found a list",
        "assessment.answers : un objet attendu, trouvé une liste",
    );
    assert_error(
        &single(r#"{"answers": {"SOV-1.1": {"unknown": "yes"}}}"#),
        r#"assessment.answers["SOV-1.1"].unknown: expected true or false, found the text "yes""#,
        r#"assessment.answers["SOV-1.1"].unknown : true ou false attendu, trouvé le texte "yes""#,
    );
    assert_error(
        &single(r#"{"weights": 5}"#),
        r#"assessment.weights: expected "framework-v1.2.1", "calculator-2026-06" or an object of eight weights, found the number 5"#,
        "assessment.weights : « framework-v1.2.1 », « calculator-2026-06 » ou un objet de huit poids attendu, trouvé le nombre 5",
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
        r#"assessment.answers["SOV-1.1"]: a list is not allowed here (only "assessments", "serviceModels" and "approvers" hold lists)"#,
        r#"assessment.answers["SOV-1.1"] : une liste n'est pas admise ici (seuls « assessments », « serviceModels » et « approvers » contiennent des listes)"#,
    );
    assert_error(
        r#"{"formatVersion": 1, "assessment": ["id", "2026-01-01"]}"#,
        r#"assessment: a list is not allowed here (only "assessments", "serviceModels" and "approvers" hold lists)"#,
        r#"assessment : une liste n'est pas admise ici (seuls « assessments », « serviceModels » et « approvers » contiennent des listes)"#,
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
    assert_error(
        r#"{"formatVersion": 2, "anything": {}}"#,
        "formatVersion: format version 2 was written by a newer sovcheck (this one reads up to 1); update sovcheck to open it",
        "formatVersion : la version de format 2 vient d'un sovcheck plus récent (celui-ci lit jusqu'à la version 1) ; mettez sovcheck à jour pour l'ouvrir",
    );
    assert_error(
        r#"{"formatVersion": "1", "assessment": {}}"#,
        r#"formatVersion: format version "1" is not one sovcheck knows"#,
        r#"formatVersion : la version de format "1" n'est pas connue de sovcheck"#,
    );
    assert_error(
        r#"{"formatVersion": 1}"#,
        r#"the file must hold either "assessment" or "assessments""#,
        "le fichier doit contenir soit « assessment », soit « assessments »",
    );
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
    let doc = r#"{"formatVersion": 1, "assessments": [{"id": "a"}, {"id": "b", "answers": {"SOV-1.1": {"rung": 0}}}]}"#;
    match parse_document(doc.as_bytes()) {
        Ok(Document::Workspace(list)) => assert_eq!(list.len(), 2),
        other => panic!("{other:?}"),
    }
    assert_error(
        r#"{"formatVersion": 1, "assessments": [{"id": "a"}, {"id": "a"}]}"#,
        r#"assessments[1].id: id "a" is used by two assessments"#,
        "assessments[1].id : l'identifiant « a » est utilisé par deux évaluations",
    );
    assert_error(
        r#"{"formatVersion": 1, "assessments": [{}, {"answers": {"SOV-3.1": {"rung": 7}}}]}"#,
        r#"assessments[1].answers["SOV-3.1"].rung: 7 is out of range 0..4"#,
        r#"assessments[1].answers["SOV-3.1"].rung : 7 est hors de l'intervalle 0..4"#,
    );
    assert_error(
        r#"{"formatVersion": 1, "assessment": {}, "assessments": []}"#,
        r#"the file must hold either "assessment" or "assessments""#,
        "le fichier doit contenir soit « assessment », soit « assessments »",
    );
}

#[test]
fn problems_are_exposed_for_programs() {
    let e =
        parse_document(single(r#"{"answers": {"SOV-3.1": {"rung": 7}}}"#).as_bytes()).unwrap_err();
    assert_eq!(e.path, r#"assessment.answers["SOV-3.1"].rung"#);
    assert_eq!(e.problem, Problem::RungOutOfRange { rung: 7, max: 4 });
}

#[test]
fn every_documented_example_parses() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).unwrap();
            if let Err(e) = parse_document(&bytes) {
                panic!(
                    "{}: {}",
                    path.display(),
                    sovcheck_text::texts(Lang::En).format_error(&e)
                );
            }
            n += 1;
        }
    }
    assert!(
        n >= 2,
        "expected at least two examples in {}",
        dir.display()
    );
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

/// The committed JSON Schema must describe exactly what the format writes: every key of a
/// fully populated export is declared at its place in the schema, and every property the
/// schema declares appears in that export (so a field added or renamed in the model without
/// the schema, or the other way round, fails here).
#[test]
fn the_committed_json_schema_is_current() {
    use serde_json::Value;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/sovcheck-format-1.schema.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let defs = &schema["$defs"];
    let resolve = |s: &Value| -> Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => defs[r.trim_start_matches("#/$defs/")].clone(),
            None => s.clone(),
        }
    };
    // Walks an export and its schema together; returns the schema paths it visited.
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
    let export: Value = serde_json::from_str(&export_assessment(&rich())).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    walk(&export, &schema, "$", &resolve, &mut seen);
    let mut workspace_seen = std::collections::BTreeSet::new();
    let ws: Value =
        serde_json::from_str(&sovcheck_core::format::export_workspace(&[rich()])).unwrap();
    walk(&ws, &schema, "$", &resolve, &mut workspace_seen);
    seen.extend(workspace_seen);
    // Every declared property of every object reached must have been seen.
    let declared = [
        ("$", &schema),
        ("$.assessment", &defs["assessment"]),
        (
            "$.assessment.meta",
            &defs["assessment"]["properties"]["meta"],
        ),
        (
            "$.assessment.secnumcloud",
            &defs["assessment"]["properties"]["secnumcloud"],
        ),
        (
            "$.assessment.signoff",
            &defs["assessment"]["properties"]["signoff"],
        ),
        ("$.assessment.answers[*]", &defs["answer"]),
    ];
    for (at, s) in declared {
        for k in s["properties"].as_object().unwrap().keys() {
            assert!(
                seen.contains(&format!("{at}.{k}")),
                "schema declares {at}.{k} but the export never writes it"
            );
        }
    }
}
