//! The questionnaire and response documents from the outside: canonical round trips, the
//! documented examples, and the exact error (path and problem, English and French) for
//! each hostile or mismatched document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_core::format::{
    export_assessment, export_questionnaire, export_response, parse_document, Document,
    DocumentKind, MAX_QUESTIONNAIRES,
};
use sovcheck_core::model::{Answer, Assessment, Date, EvidenceLevel, Respondent, Role, Scope};
use sovcheck_core::questionnaire::{self, blank_response, prepare, Questionnaire, Response, Share};
use sovcheck_core::Lang;
use std::path::PathBuf;

#[track_caller]
fn assert_error(doc: &str, en: &str, fr: &str) {
    match parse_document(doc.as_bytes()) {
        Ok(d) => panic!("accepted: {d:?}"),
        Err(e) => {
            assert_eq!(sovcheck_text::texts(Lang::En).format_error(&e), en);
            let fr = sovcheck_core::typography::bind_spaces("fr", fr).unwrap_or(fr.to_owned());
            assert_eq!(sovcheck_text::texts(Lang::Fr).format_error(&e), fr);
        }
    }
}

/// The assessment the examples are prepared from.
fn assessment() -> Assessment {
    let mut a = Assessment {
        id: "a-2026-acme".into(),
        ..Assessment::default()
    };
    a.meta.title = "Acme IaaS, 2026 review".into();
    a.meta.provider = "Acme Cloud".into();
    a.meta.offer = "Acme IaaS".into();
    a.meta.assessor = "C. Iso".into();
    a.answers.insert(
        "SOV-1.1".into(),
        Answer {
            rung: Some(2),
            note: "Shareholding seen in the 2025 annual report".into(),
            source: "Annual report 2025".into(),
            evidence_level: Some(EvidenceLevel::Documented),
            ..Answer::default()
        },
    );
    a
}

/// The questionnaire of `docs/examples/questionnaire.json`.
fn the_questionnaire() -> Questionnaire {
    prepare(
        &assessment(),
        "q-legal-1",
        Respondent {
            name: "M. Law".into(),
            role: Some(Role::Legal),
        },
        &Scope {
            questions: vec!["q4".into()],
            steps: vec![],
            criteria: vec!["SOV-2.3".into()],
        },
        "Please confirm the shareholding and the governing law of the contract.",
        Date::new(2026, 12, 15),
        Date::new(2026, 12, 1),
        Share {
            answers: true,
            notes: false,
        },
    )
}

/// The response of `docs/examples/response.json`.
fn the_response() -> Response {
    let mut r = blank_response(&the_questionnaire());
    r.answered = Date::new(2026, 12, 3);
    r.answers.insert(
        "SOV-1.1".into(),
        Answer {
            rung: Some(3),
            note: "No non-EU shareholder above 10 % since the 2026 capital increase".into(),
            source: "Company register extract, 2026-11-28".into(),
            evidence_level: Some(EvidenceLevel::Documented),
            ..Answer::default()
        },
    );
    r.due_diligence.insert(
        "q4".into(),
        Answer {
            note: "French-owned; no non-EU parent company".into(),
            source: "Provider's letter of 2026-11-20".into(),
            evidence_level: Some(EvidenceLevel::Declared),
            ..Answer::default()
        },
    );
    r
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../docs/examples/{name}"))
}

#[test]
fn questionnaires_and_responses_round_trip_canonically() {
    let q = the_questionnaire();
    let text = export_questionnaire(&q);
    let doc = parse_document(text.as_bytes()).unwrap();
    assert_eq!(doc.kind(), DocumentKind::Questionnaire);
    assert_eq!(doc, Document::Questionnaire(Box::new(q.clone())));
    assert!(doc.into_assessments().is_empty());
    // Only the shared answer of the scope travels, without its note.
    assert_eq!(q.answers.len(), 1);
    assert_eq!(q.answers["SOV-1.1"].note, "");
    assert!(!text.contains("annual report 2025") && !text.contains("Shareholding seen"));

    let r = the_response();
    let text = export_response(&r);
    let doc = parse_document(text.as_bytes()).unwrap();
    assert_eq!(doc, Document::Response(Box::new(r)));
}

#[test]
fn the_documented_examples_are_canonical_exports() {
    // Regenerate with: SOVCHECK_WRITE_EXAMPLES=1 cargo test -p sovcheck-core --test exchange
    let cases = [
        (
            "questionnaire.json",
            export_questionnaire(&the_questionnaire()),
        ),
        ("response.json", export_response(&the_response())),
    ];
    for (name, want) in cases {
        if std::env::var_os("SOVCHECK_WRITE_EXAMPLES").is_some() {
            std::fs::write(example(name), &want).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(example(name)).unwrap(),
            want,
            "{name}"
        );
    }
}

#[test]
fn a_recorded_questionnaire_round_trips_in_its_assessment() {
    let mut a = assessment();
    questionnaire::record(&mut a, &the_questionnaire());
    let text = export_assessment(&a);
    assert!(text.contains("\"questionnaires\": ["));
    let back = parse_document(text.as_bytes()).unwrap().into_assessments();
    assert_eq!(back, [a]);
}

fn response(body: &str) -> String {
    format!(r#"{{"formatVersion": 2, "response": {body}}}"#)
}

fn questionnaire(body: &str) -> String {
    format!(r#"{{"formatVersion": 2, "questionnaire": {body}}}"#)
}

const IDS: &str = r#""questionnaire": "q-1", "assessment": "a-1""#;

#[test]
fn hostile_and_mismatched_documents_get_exact_errors() {
    // Each: document, English, French (ordinary spaces).
    let cases: Vec<(String, &str, &str)> = vec![
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"questions": ["q4"]}}, "answers": {{"SOV-8.1": {{"rung": 1}}}}}}"#
            )),
            "response.answers[\"SOV-8.1\"]: “SOV-8.1” is outside the questionnaire's scope",
            "response.answers[\"SOV-8.1\"] : « SOV-8.1 » est hors du périmètre du questionnaire",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"criteria": ["SOV-1.1"]}}, "dueDiligence": {{"q4": {{"note": "x"}}}}}}"#
            )),
            "response.dueDiligence.q4: “q4” is outside the questionnaire's scope",
            "response.dueDiligence.q4 : « q4 » est hors du périmètre du questionnaire",
        ),
        (
            response(&format!(r#"{{{IDS}, "scope": {{"steps": ["cloud"]}}}}"#)),
            "response.scope.steps[0]: “cloud” is not one of the walk's steps",
            "response.scope.steps[0] : « cloud » n'est pas l'une des étapes du parcours",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"criteria": ["SOV-1.1", "SOV-1.1"]}}}}"#
            )),
            "response.scope.criteria[1]: “SOV-1.1” is listed twice",
            "response.scope.criteria[1] : « SOV-1.1 » figure deux fois",
        ),
        (
            response(&format!(r#"{{{IDS}, "scope": {{}}}}"#)),
            "response.scope: the scope covers nothing: list at least one question, step or criterion",
            "response.scope : le périmètre ne couvre rien : indiquez au moins une question, une étape ou un critère",
        ),
        (
            response(r#"{"assessment": "a-1", "scope": {"questions": ["q1"]}}"#),
            "response.questionnaire: required field \"questionnaire\" is missing",
            "response.questionnaire : le champ obligatoire « questionnaire » est absent",
        ),
        (
            questionnaire(r#"{"id": " ", "assessment": "a-1", "scope": {"questions": ["q1"]}}"#),
            "questionnaire.id: required field \"id\" is missing",
            "questionnaire.id : le champ obligatoire « id » est absent",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"questions": "q1"}}}}"#
            )),
            "response.scope.questions: expected a list, found the text \"q1\"",
            "response.scope.questions : il faudrait une liste, pas le texte \"q1\"",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"questions": ["q1"]}}, "answers": {{"SOV-7.1": [2]}}}}"#
            )),
            "response.answers[\"SOV-7.1\"]: a list is not allowed here (only \"assessments\", \"serviceModels\", \"approvers\", \"log\", \"questionnaires\" and a scope's \"questions\", \"steps\" and \"criteria\" hold lists)",
            "response.answers[\"SOV-7.1\"] : une liste n'est pas admise ici (seuls « assessments », « serviceModels », « approvers », « log », « questionnaires » et, dans un périmètre, « questions », « steps » et « criteria » contiennent des listes)",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"questions": ["q1"]}}, "answers": {{"SOV-7.1": {{"rung": 9}}}}}}"#
            )),
            "response.answers[\"SOV-7.1\"].rung: 9 is out of range 0..4",
            "response.answers[\"SOV-7.1\"].rung : 9 est hors de l'intervalle 0..4",
        ),
        (
            response(&format!(
                r#"{{{IDS}, "scope": {{"questions": ["q1"]}}, "verdict": "approve"}}"#
            )),
            "response.verdict: unknown field \"verdict\"",
            "response.verdict : champ inconnu « verdict »",
        ),
        (
            r#"{"formatVersion": 2, "assessment": {}, "response": {"questionnaire": "q", "assessment": "a", "scope": {"questions": ["q1"]}}}"#.into(),
            "the file must hold exactly one of \"assessment\", \"assessments\", \"questionnaire\" and \"response\"",
            "le fichier doit contenir exactement un de « assessment », « assessments », « questionnaire » et « response »",
        ),
        (
            r#"{"formatVersion": 1, "response": {}}"#.into(),
            "response: unknown field \"response\"",
            "response : champ inconnu « response »",
        ),
        (
            r#"{"formatVersion": 3, "response": {}}"#.into(),
            "formatVersion: format version 3 was written by a newer sovcheck (this one reads up to 2); update sovcheck to open it",
            "formatVersion : la version de format 3 vient d'un sovcheck plus récent (celui-ci lit jusqu'à la version 2) ; mettez sovcheck à jour pour l'ouvrir",
        ),
        (
            r#"{"formatVersion": 2, "assessment": {"questionnaires": [{"id": "q", "scope": {"questions": ["q1"]}}, {"id": "q", "scope": {"questions": ["q2"]}}]}}"#.into(),
            "assessment.questionnaires[1].id: two assessments share the id \"q\"",
            "",
        ),
    ];
    for (doc, en, fr) in cases {
        if fr.is_empty() {
            // The wording is the shared duplicate-id message; only its path is new.
            let e = parse_document(doc.as_bytes()).unwrap_err();
            assert_eq!(e.path, "assessment.questionnaires[1].id", "{doc}");
            continue;
        }
        assert_error(&doc, en, fr);
    }
}

#[test]
fn an_assessment_records_at_most_the_limit_of_questionnaires() {
    let one = r#"{"id": "Q", "scope": {"questions": ["q1"]}}"#;
    let list = |n: usize| {
        (0..n)
            .map(|i| one.replace("\"Q\"", &format!("\"q-{i}\"")))
            .collect::<Vec<_>>()
            .join(",")
    };
    let doc = |n| {
        format!(
            r#"{{"formatVersion": 2, "assessment": {{"questionnaires": [{}]}}}}"#,
            list(n)
        )
    };
    assert!(parse_document(doc(MAX_QUESTIONNAIRES).as_bytes()).is_ok());
    assert_error(
        &doc(MAX_QUESTIONNAIRES + 1),
        "assessment.questionnaires: 1001 questionnaires; an assessment records at most 1000",
        "assessment.questionnaires : 1001 questionnaires ; une évaluation en enregistre au plus 1000",
    );
}
