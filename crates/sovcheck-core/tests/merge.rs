//! Landing responses and other copies in an assessment (`sovcheck_core::merge`), as tables:
//! what each combination of our answer and theirs gives, what the log records, and that
//! nothing is ever lost or landed twice.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_core::merge::{
    land, plan, Acceptance, Decision, Incoming, Landed, LandingError, Outcome,
};
use sovcheck_core::model::{
    Answer, Assessment, Date, EvidenceLevel, LogEvent, Override, Provenance, Respondent, Role,
    Scope,
};
use sovcheck_core::questionnaire::{self, blank_response, prepare, Share};
use std::collections::BTreeMap;

const AT: &str = "2026-12-04T09:00:00Z";

/// French as written with ordinary spaces, typeset as the catalog is.
fn fr(s: &str) -> String {
    sovcheck_core::typography::bind_spaces("fr", s).unwrap_or(s.to_owned())
}

fn day(d: u8) -> Option<Date> {
    Date::new(2026, 12, d)
}

fn who() -> Acceptance<'static> {
    Acceptance {
        by: "C. Iso",
        at: AT,
        on: day(4),
    }
}

fn rung(r: u8) -> Answer {
    Answer {
        rung: Some(r),
        ..Answer::default()
    }
}

fn unknown() -> Answer {
    Answer {
        unknown: true,
        ..Answer::default()
    }
}

fn note(text: &str) -> Answer {
    Answer {
        note: text.into(),
        ..Answer::default()
    }
}

fn base() -> Assessment {
    Assessment {
        id: "a-1".into(),
        ..Assessment::default()
    }
}

fn legal() -> Respondent {
    Respondent {
        name: "M. Law".into(),
        role: Some(Role::Legal),
    }
}

fn incoming(answers: &[(&str, Answer)]) -> Incoming {
    let mut criteria = BTreeMap::new();
    let mut questions = BTreeMap::new();
    for (id, a) in answers {
        if id.starts_with('q') {
            questions.insert((*id).to_owned(), a.clone());
        } else {
            criteria.insert((*id).to_owned(), a.clone());
        }
    }
    Incoming {
        source: "legal.json".into(),
        questionnaire: Some("q-legal".into()),
        assessment: "a-1".into(),
        respondent: legal(),
        answered: day(3),
        answers: criteria,
        due_diligence: questions,
    }
}

#[test]
fn each_pair_of_answers_fills_confirms_or_conflicts() {
    // (ours, theirs, outcome): criterion SOV-1.1 (rungs 0..4), then question q4.
    let cases: Vec<(Option<Answer>, Answer, Option<Outcome>)> = vec![
        (None, rung(3), Some(Outcome::Filled)),
        (None, unknown(), Some(Outcome::Filled)),
        (None, note("asked the notary"), Some(Outcome::Filled)),
        (Some(unknown()), rung(3), Some(Outcome::Filled)),
        (Some(note("ask legal")), rung(3), Some(Outcome::Filled)),
        (Some(note("ask legal")), unknown(), Some(Outcome::Filled)),
        (Some(rung(3)), rung(3), Some(Outcome::Confirmed)),
        (Some(unknown()), unknown(), Some(Outcome::Confirmed)),
        (Some(note("same")), note(" same "), Some(Outcome::Confirmed)),
        (Some(rung(2)), rung(3), Some(Outcome::Conflict)),
        (Some(rung(2)), unknown(), Some(Outcome::Conflict)),
        (Some(note("ours")), note("theirs"), Some(Outcome::Conflict)),
        // An answer that says nothing is not an item.
        (Some(rung(2)), Answer::default(), None),
    ];
    for (ours, theirs, want) in cases {
        let mut a = base();
        if let Some(o) = &ours {
            a.answers.insert("SOV-1.1".into(), o.clone());
        }
        let p = plan(&a, &incoming(&[("SOV-1.1", theirs.clone())])).unwrap();
        assert_eq!(
            p.items.first().map(|i| i.outcome),
            want,
            "ours {ours:?}, theirs {theirs:?}"
        );
    }
    let q = |ours: Option<&str>, theirs: &str| {
        let mut a = base();
        if let Some(o) = ours {
            a.due_diligence.insert("q4".into(), note(o));
        }
        plan(&a, &incoming(&[("q4", note(theirs))])).unwrap().items[0].outcome
    };
    assert_eq!(q(None, "French-owned"), Outcome::Filled);
    assert_eq!(q(Some("French-owned"), "French-owned "), Outcome::Confirmed);
    assert_eq!(q(Some("French-owned"), "US parent"), Outcome::Conflict);
}

#[test]
fn a_filled_answer_keeps_its_evidence_and_records_who_gave_and_accepted_it() {
    let mut a = base();
    a.answers.insert("SOV-1.1".into(), note("ask legal"));
    let theirs = Answer {
        rung: Some(3),
        note: "Company register extract, 2026".into(),
        source: "Kbis 2026-11".into(),
        evidence_level: Some(EvidenceLevel::Documented),
        ..Answer::default()
    };
    let p = plan(&a, &incoming(&[("SOV-1.1", theirs)])).unwrap();
    let done = land(&mut a, &p, &BTreeMap::new(), who());
    assert_eq!(
        done,
        Landed {
            filled: 1,
            ..Landed::default()
        }
    );
    let got = &a.answers["SOV-1.1"];
    assert_eq!(got.rung, Some(3));
    assert_eq!(got.source, "Kbis 2026-11");
    assert_eq!(got.received, day(3));
    assert_eq!(
        got.provenance,
        Some(Provenance {
            respondent: "M. Law".into(),
            role: Some(Role::Legal),
            accepted_by: "C. Iso".into(),
            accepted_on: day(4),
        })
    );
    // The log: landed, then filled quoting ours (our note is not lost).
    let events: Vec<LogEvent> = a.log.iter().map(|e| e.event).collect();
    assert_eq!(events, [LogEvent::Landed, LogEvent::Filled]);
    assert_eq!(a.log[0].source, "legal.json");
    assert_eq!(a.log[0].by, "C. Iso");
    assert_eq!(a.log[0].at, AT);
    assert_eq!(a.log[1].subject, "SOV-1.1");
    assert_eq!(a.log[1].kept.as_ref(), Some(got));
    assert_eq!(a.log[1].other.as_ref().unwrap().note, "ask legal");
}

#[test]
fn conflicts_are_decided_explicitly_and_both_sides_stay_in_the_log() {
    let ours = Answer {
        rung: Some(2),
        note: "our reading of the contract".into(),
        ..Answer::default()
    };
    let theirs = Answer {
        rung: Some(3),
        note: "clause 14 was amended".into(),
        ..Answer::default()
    };
    let mut a = base();
    a.answers.insert("SOV-1.1".into(), ours.clone());
    a.due_diligence.insert("q4".into(), note("French-owned"));
    let inc = incoming(&[("SOV-1.1", theirs), ("q4", note("US parent since 2025"))]);
    let p = plan(&a, &inc).unwrap();
    assert_eq!(p.count(Outcome::Conflict), 2);
    assert_eq!(p.items[0].subject, "q4", "questions first");

    // Undecided: nothing changes, nothing is logged.
    let mut undecided = a.clone();
    let done = land(&mut undecided, &p, &BTreeMap::new(), who());
    assert_eq!(done.undecided, 2);
    assert_eq!(undecided, a);

    let decide = |d: Decision| -> Assessment {
        let mut x = a.clone();
        let decisions = BTreeMap::from([
            (
                "SOV-1.1".to_owned(),
                (d, "checked the amendment".to_owned()),
            ),
            ("q4".to_owned(), (d, String::new())),
        ]);
        let done = land(&mut x, &p, &decisions, who());
        assert_eq!(done.decided, 2);
        x
    };
    let kept = decide(Decision::Keep);
    assert_eq!(kept.answers["SOV-1.1"], ours);
    assert_eq!(kept.due_diligence["q4"].note, "French-owned");
    let e = kept.log.iter().find(|e| e.subject == "SOV-1.1").unwrap();
    assert_eq!(e.event, LogEvent::ConflictKept);
    assert_eq!(e.why, "checked the amendment");
    assert_eq!(e.kept.as_ref().unwrap().note, "our reading of the contract");
    assert_eq!(e.other.as_ref().unwrap().note, "clause 14 was amended");

    let taken = decide(Decision::Take);
    assert_eq!(taken.answers["SOV-1.1"].rung, Some(3));
    assert_eq!(
        taken.answers["SOV-1.1"]
            .provenance
            .as_ref()
            .unwrap()
            .accepted_by,
        "C. Iso"
    );
    assert_eq!(taken.due_diligence["q4"].note, "US parent since 2025");
    let e = taken.log.iter().find(|e| e.subject == "SOV-1.1").unwrap();
    assert_eq!(e.event, LogEvent::ConflictTaken);
    assert_eq!(
        e.other.as_ref().unwrap().note,
        "our reading of the contract"
    );

    let marked = decide(Decision::Unknown);
    let u = &marked.answers["SOV-1.1"];
    assert_eq!((u.rung, u.unknown), (None, true));
    assert_eq!(u.note, "our reading of the contract", "our note stays");
    assert!(!marked.due_diligence.contains_key("q4"));
    let e = marked.log.iter().find(|e| e.subject == "SOV-1.1").unwrap();
    assert_eq!(e.event, LogEvent::ConflictUnknown);
    assert_eq!(e.kept.as_ref().unwrap().rung, Some(2));
    assert_eq!(e.other.as_ref().unwrap().rung, Some(3));
    let q = marked.log.iter().find(|e| e.subject == "q4").unwrap();
    assert_eq!(q.kept.as_ref().unwrap().note, "French-owned");
    assert_eq!(q.other.as_ref().unwrap().note, "US parent since 2025");
}

#[test]
fn landing_the_same_response_twice_changes_nothing_the_second_time() {
    let mut a = base();
    a.answers.insert("SOV-1.2".into(), rung(1));
    a.answers.insert("SOV-1.4".into(), rung(2));
    let inc = incoming(&[
        ("SOV-1.1", rung(3)),
        ("SOV-1.2", rung(1)),
        ("SOV-1.4", rung(0)),
    ]);
    let p = plan(&a, &inc).unwrap();
    let decisions = BTreeMap::from([("SOV-1.4".to_owned(), (Decision::Keep, String::new()))]);
    land(&mut a, &p, &decisions, who());
    assert_eq!(a.log.len(), 4);
    let after = a.clone();
    let again = plan(&a, &inc).unwrap();
    assert!(again.is_empty());
    assert_eq!(again.already_landed, 3);
    let done = land(&mut a, &again, &decisions, who());
    assert_eq!(done, Landed::default());
    assert_eq!(a, after, "the log does not grow");
}

#[test]
fn overrides_and_everything_else_are_left_alone() {
    let mut a = base();
    a.overrides.insert(
        "SOV-1".into(),
        Override {
            level: sovcheck_core::Seal::new(2).unwrap(),
            justification: "board ruling".into(),
        },
    );
    a.meta.provider = "Acme".into();
    let mut other = a.clone();
    other.meta.assessor = "A. Rchitect".into();
    other.meta.date = day(2);
    other.overrides.clear();
    other.answers.insert("SOV-1.1".into(), rung(3));
    let p = plan(&a, &Incoming::from_assessment(&other, "copy.json")).unwrap();
    let mut landed = a.clone();
    land(&mut landed, &p, &BTreeMap::new(), who());
    assert_eq!(landed.overrides, a.overrides);
    assert_eq!(landed.meta, a.meta);
    // The copy's assessor is the respondent, its date the date received.
    let got = &landed.answers["SOV-1.1"];
    assert_eq!(got.provenance.as_ref().unwrap().respondent, "A. Rchitect");
    assert_eq!(got.provenance.as_ref().unwrap().role, None);
    assert_eq!(got.received, day(2));
}

#[test]
fn an_answer_keeps_its_own_provenance_before_the_incoming_respondent() {
    let theirs = Answer {
        rung: Some(1),
        provenance: Some(Provenance {
            respondent: "Acme KAM".into(),
            role: Some(Role::Provider),
            accepted_by: "someone else".into(),
            accepted_on: day(1),
        }),
        ..Answer::default()
    };
    let mut a = base();
    let p = plan(&a, &incoming(&[("SOV-1.1", theirs)])).unwrap();
    land(&mut a, &p, &BTreeMap::new(), who());
    let prov = a.answers["SOV-1.1"].provenance.clone().unwrap();
    assert_eq!(prov.respondent, "Acme KAM");
    assert_eq!(prov.role, Some(Role::Provider));
    assert_eq!(prov.accepted_by, "C. Iso");
    assert!(a.answers["SOV-1.1"].provider_declared());
}

#[test]
fn mismatched_responses_are_refused_and_change_nothing() {
    let mut a = base();
    let q = prepare(
        &a,
        "q-legal",
        legal(),
        &Scope {
            questions: vec!["q4".into()],
            ..Scope::default()
        },
        "",
        None,
        day(1),
        Share::default(),
    );
    questionnaire::record(&mut a, &q);
    let mut r = blank_response(&q);
    r.answers.insert("SOV-1.1".into(), rung(3));
    let ok = Incoming::from_response(&r, "legal.json");
    assert!(plan(&a, &ok).is_ok());

    let mut other = ok.clone();
    other.assessment = "a-2".into();
    assert_eq!(
        plan(&a, &other),
        Err(LandingError::OtherAssessment {
            expected: "a-1".into(),
            found: "a-2".into()
        })
    );
    let mut unknown_q = ok.clone();
    unknown_q.questionnaire = Some("q-forged".into());
    assert_eq!(
        plan(&a, &unknown_q),
        Err(LandingError::UnknownQuestionnaire("q-forged".into()))
    );
    let mut outside = ok.clone();
    outside.answers.insert("SOV-8.1".into(), rung(1));
    assert_eq!(
        plan(&a, &outside),
        Err(LandingError::OutsideScope("SOV-8.1".into()))
    );
    let mut outside_q = ok;
    outside_q.due_diligence.insert("q1".into(), note("x"));
    assert_eq!(
        plan(&a, &outside_q),
        Err(LandingError::OutsideScope("q1".into()))
    );
    // The errors in words.
    let t = |lang| sovcheck_text::texts(lang);
    use sovcheck_core::Lang;
    assert_eq!(
        t(Lang::En).landing_error(&plan(&a, &other).unwrap_err()),
        "this response belongs to assessment “a-2”, not to “a-1”"
    );
    assert_eq!(
        t(Lang::Fr).landing_error(&plan(&a, &other).unwrap_err()),
        fr("cette réponse appartient à l'évaluation « a-2 », pas à « a-1 »")
    );
    assert_eq!(
        t(Lang::En).landing_error(&plan(&a, &unknown_q).unwrap_err()),
        "this response answers questionnaire “q-forged”, which this assessment did not send"
    );
    assert_eq!(
        t(Lang::Fr).landing_error(&plan(&a, &unknown_q).unwrap_err()),
        fr("cette réponse répond au questionnaire « q-forged », que cette évaluation n'a pas envoyé")
    );
    assert_eq!(
        t(Lang::En).landing_error(&LandingError::OutsideScope("SOV-8.1".into())),
        "the response answers SOV-8.1, which is outside the scope of the questionnaire as it was sent"
    );
    assert_eq!(
        t(Lang::Fr).landing_error(&LandingError::OutsideScope("SOV-8.1".into())),
        fr("la réponse porte sur SOV-8.1, hors du périmètre du questionnaire tel qu'il a été envoyé")
    );
}

#[test]
fn provenance_and_the_log_read_as_sentences() {
    use sovcheck_core::Lang;
    let en = sovcheck_text::texts(Lang::En);
    let frc = sovcheck_text::texts(Lang::Fr);
    let a = Answer {
        rung: Some(3),
        evidence_level: Some(EvidenceLevel::Declared),
        received: day(3),
        provenance: Some(Provenance {
            respondent: "M. Law".into(),
            role: Some(Role::Legal),
            accepted_by: "C. Iso".into(),
            accepted_on: day(4),
        }),
        ..Answer::default()
    };
    assert_eq!(
        en.provenance(&a).unwrap(),
        "declared by the provider, answered by M. Law (legal) on 3 December 2026, accepted by C. Iso on 4 December 2026"
    );
    assert_eq!(
        frc.provenance(&a).unwrap(),
        fr("déclaré par le prestataire, répondu par M. Law (juridique) le 3 décembre 2026, accepté par C. Iso le 4 décembre 2026")
    );
    assert_eq!(en.provenance(&rung(1)), None);
    assert_eq!(
        en.declared_count(1),
        "1 answer on the provider's declaration alone"
    );
    assert_eq!(
        en.declared_count(2),
        "2 answers on the provider's declaration alone"
    );
    assert_eq!(
        frc.declared_count(0),
        "0 réponse sur la seule déclaration du prestataire"
    );
    assert_eq!(
        frc.declared_count(3),
        "3 réponses sur la seule déclaration du prestataire"
    );

    let mut b = base();
    b.answers.insert("SOV-1.1".into(), rung(1));
    let p = plan(&b, &incoming(&[("SOV-1.1", rung(3))])).unwrap();
    let decisions =
        BTreeMap::from([("SOV-1.1".to_owned(), (Decision::Take, "amended".to_owned()))]);
    land(&mut b, &p, &decisions, who());
    assert_eq!(en.log_entry(&b.log[0]), "landed legal.json");
    let c = sovcheck_core::criterion("SOV-1.1").unwrap();
    let label =
        |r: u8, t: &sovcheck_text::Catalog| c.rung(r).unwrap().label.get(t.lang()).to_owned();
    assert_eq!(
        en.log_entry(&b.log[1]),
        format!(
            "SOV-1.1: took {} — M. Law (legal), instead of {}",
            label(3, en),
            label(1, en)
        )
    );
    assert_eq!(
        frc.log_entry(&b.log[1]),
        format!(
            "{} retenu {} — M. Law (juridique), à la place de {}",
            fr("SOV-1.1 :"),
            label(3, frc),
            label(1, frc)
        )
    );
}
