//! Reports derived from assessments: fingerprint, CSV, diff and comparison, checked against
//! values computed outside the code (coreutils `sha256sum`, the rungs' SEALs and points in
//! `content/objectives/*.json`, the fixtures' `.expect.json` arithmetic).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use sovcheck_core::compare::{compare, CompareError, Mark, Row, MAX_COMPARED};
use sovcheck_core::diff::{diff, groups, Delta, Field};
use sovcheck_core::evaluate;
use sovcheck_core::evaluate::ScoreRange;
use sovcheck_core::export::{fingerprint, sha256_hex};
use sovcheck_core::format::{export_assessment, parse_document};
use sovcheck_core::model::{
    Aggregation, Answer, Assessment, Choice, Date, EvidenceLevel, Override, Stage, Weights,
};
use sovcheck_core::{Lang, Seal, SealRange};
use std::path::PathBuf;

const TOLERANCE: f64 = 1e-9;

fn fixture(name: &str) -> Assessment {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{name}.json"));
    let mut list = parse_document(&std::fs::read(path).unwrap())
        .unwrap()
        .into_assessments();
    assert_eq!(list.len(), 1);
    list.remove(0)
}

fn seal(lower: u8, upper: u8) -> SealRange {
    SealRange {
        lower: Seal::new(lower).unwrap(),
        upper: Seal::new(upper).unwrap(),
    }
}

fn rung(r: u8) -> Answer {
    Answer {
        rung: Some(r),
        ..Answer::default()
    }
}

#[track_caller]
fn assert_score(actual: ScoreRange, lower: f64, upper: f64) {
    assert!(
        (actual.lower - lower).abs() < TOLERANCE && (actual.upper - upper).abs() < TOLERANCE,
        "{actual:?} != {lower}..{upper}"
    );
}

// ---------------------------------------------------------------- fingerprint

#[test]
fn the_fingerprint_is_the_sha256_of_the_canonical_export() {
    let a = fixture("mixed-secnumcloud-iaas");
    // `sha256sum` over the bytes of `export_assessment` for this fixture (the file itself is
    // laid out by hand, so its own hash differs: the fingerprint ignores layout).
    assert_eq!(
        fingerprint(&a),
        "975166d4d18dd3914e5618d71ce9b21eef07fa2d4ba21b84a0c42bc6ae5264dc"
    );
    assert_eq!(
        fingerprint(&a),
        sha256_hex(export_assessment(&a).as_bytes())
    );
    // Reading the export back gives the same fingerprint.
    let again = parse_document(export_assessment(&a).as_bytes())
        .unwrap()
        .into_assessments();
    assert_eq!(fingerprint(&again[0]), fingerprint(&a));
}

#[test]
fn any_stored_change_changes_the_fingerprint() {
    let a = fixture("mixed-secnumcloud-iaas");
    let base = fingerprint(&a);
    assert_eq!(base.len(), 64);
    assert!(base
        .chars()
        .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));
    let mut note = a.clone();
    note.answers.get_mut("SOV-1.1").unwrap().note.push('.');
    let mut signed = a.clone();
    signed.signoff.rationale = "ok".into();
    for other in [note, signed] {
        assert_ne!(fingerprint(&other), base);
    }
}

// ------------------------------------------------------------------------ CSV

const HEADER_EN: &str =
    "\u{feff}Objective,Criterion,Title,State,Rung,Answer,Note,Source,Evidence level,Valid until\r\n";
const HEADER_FR: &str =
    "\u{feff}Objectif;Critère;Intitulé;État;Niveau;Réponse;Note;Source;Niveau de preuve;Valable jusqu'au\r\n";

#[test]
fn csv_has_a_header_and_one_row_per_criterion_in_content_order() {
    let csv = sovcheck_text::texts(Lang::En).answers_csv(&Assessment::default());
    assert!(csv.starts_with(HEADER_EN), "{csv}");
    assert!(csv.ends_with("\r\n"));
    // No quoting needed for the default: every line is one record.
    let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 49);
    let ids: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    let expected: Vec<&str> = sovcheck_core::criteria().map(|c| c.id).collect();
    assert_eq!(ids, expected);
    // An unanswered criterion: state only, every answer cell empty.
    assert_eq!(
        lines[1],
        "SOV-1,SOV-1.1,Final decision-making entity established and controlled in the EU/EEA,unanswered,,,,,,"
    );
    assert!(sovcheck_text::texts(Lang::Fr)
        .answers_csv(&Assessment::default())
        .starts_with(HEADER_FR));
}

#[test]
fn csv_row_of_a_fixture_answer_is_exact_in_both_languages() {
    let mut a = fixture("mixed-secnumcloud-iaas");
    a.answers.get_mut("SOV-1.1").unwrap().valid_until = Date::new(2027, 6, 30);
    a.answers.get_mut("SOV-1.1").unwrap().source = "Kbis extract".into();
    let en = sovcheck_text::texts(Lang::En).answers_csv(&a);
    assert_eq!(
        en.split("\r\n").nth(1).unwrap(),
        "SOV-1,SOV-1.1,Final decision-making entity established and controlled in the EU/EEA,\
         answered,3,Final control lies entirely with entities established and controlled in the EU/EEA.,\
         \"French SAS, French shareholders\",Kbis extract,Documented,2027-06-30"
    );
    let fr = sovcheck_text::texts(Lang::Fr).answers_csv(&a);
    assert_eq!(
        fr.split("\r\n").nth(1).unwrap(),
        "SOV-1;SOV-1.1;Entité décisionnelle ultime établie et contrôlée dans l'UE/EEE;\
         répondu;3;Le contrôle ultime appartient entièrement à des entités établies et contrôlées dans l'UE/EEE.;\
         French SAS, French shareholders;Kbis extract;Documenté;2027-06-30"
    );
    // An unknown answer: no rung, "I don't know" in words, its note kept.
    let row_2_4 = en.split("\r\n").find(|l| l.contains(",SOV-2.4,")).unwrap();
    assert!(
        row_2_4.ends_with(",unknown,,I don't know,Export-control status of the US-made servers not yet answered,,,"),
        "{row_2_4}"
    );
    let row_2_4_fr = fr.split("\r\n").find(|l| l.contains(";SOV-2.4;")).unwrap();
    assert!(
        row_2_4_fr.contains(";inconnu;;Je ne sais pas;"),
        "{row_2_4_fr}"
    );
}

/// Splits RFC 4180 text (after its byte-order mark) into records of fields, cells
/// separated by `sep` (a small reader for the tests only).
fn read_csv_with(text: &str, sep: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '"' && c != '\r' && c != '\n', "bare {c:?} in {text:?}");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && record.is_empty(),
        "unterminated"
    );
    records
}

/// [`read_csv_with`] a comma.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    read_csv_with(text, ',')
}

#[test]
fn hostile_evidence_stays_in_its_cell_and_never_reads_as_a_formula() {
    let hostile = [
        "=cmd|' /C calc'!A0",
        "+41 22 000 00 00",
        "-2+3",
        "@SUM(1,2)",
        "\t=1",
        "\r\n=1",
        "\n=1",
        "a \"quoted\", comma\r\nand lines",
        "<script>alert(1)</script>",
        "\u{202E}txt.exe",
        "emoji 🛡️🇪🇺",
        "control \u{1}\u{7}\u{1b}[31m",
    ];
    let mut a = Assessment::default();
    for (c, text) in sovcheck_core::criteria().zip(hostile) {
        a.answers.insert(
            c.id.to_owned(),
            Answer {
                rung: Some(0),
                note: (*text).to_owned(),
                source: (*text).to_owned(),
                ..Answer::default()
            },
        );
    }
    let records = read_csv(&sovcheck_text::texts(Lang::En).answers_csv(&a));
    assert_eq!(records.len(), 49);
    for record in &records {
        assert_eq!(record.len(), 10, "{record:?}");
        for cell in record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                "{cell:?}"
            );
        }
    }
    for (record, text) in records[1..].iter().zip(hostile) {
        let starts_with_trigger = text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']);
        let expected = if starts_with_trigger {
            format!("'{text}")
        } else {
            text.to_owned()
        };
        assert_eq!(record[6], expected, "note");
        assert_eq!(record[7], expected, "source");
    }
}

// ----------------------------------------------------------------------- diff

#[test]
fn identical_assessments_have_an_empty_diff() {
    let a = fixture("mixed-secnumcloud-iaas");
    let d = diff(&a, &a);
    assert!(d.is_empty());
    assert!(!d.summary.seal.changed());
    assert_eq!(d.summary.seal.old, seal(0, 1));
}

#[test]
fn answering_the_two_binding_criteria_narrows_the_seal_only_together() {
    // The mixed fixture is SEAL-0 to SEAL-1, held down by two open criteria: SOV-2.4
    // (unknown, worst rung SEAL-0) and SOV-6.5 (unanswered, worst rung SEAL-0).
    let old = fixture("mixed-secnumcloud-iaas");
    let mut new = old.clone();
    new.answers.insert(
        "SOV-2.4".into(),
        Answer {
            note: "Answered: EU export-control only".into(),
            ..rung(2)
        },
    );
    new.answers.insert("SOV-6.5".into(), rung(1));
    let d = diff(&old, &new);

    assert_eq!(d.changes.len(), 2);
    let c = &d.changes[0];
    assert_eq!((c.criterion, c.objective), ("SOV-2.4", "SOV-2"));
    assert_eq!(
        c.choice,
        Delta {
            old: Choice::Unknown,
            new: Choice::Rung(2)
        }
    );
    assert_eq!(c.fields, [Field::Choice, Field::Note]);
    assert_eq!(c.answer.new.rung, Some(2));
    // SOV-2: 2.2 rung 3 grants SEAL-2 and 2.4 was 0..4; with 2.4 at rung 2 (SEAL-2) the
    // objective is exactly SEAL-2. Overall it stays 0..1: SOV-6.5 still binds at SEAL-0,
    // and SOV-5 and SOV-7 are at SEAL-1.
    assert_eq!(c.effect.objective_seal.old, seal(0, 2));
    assert_eq!(c.effect.objective_seal.new, seal(2, 2));
    assert_eq!(c.effect.seal.old, seal(0, 1));
    assert_eq!(c.effect.seal.new, seal(0, 1));

    let c = &d.changes[1];
    assert_eq!((c.criterion, c.objective), ("SOV-6.5", "SOV-6"));
    assert_eq!(c.choice.old, Choice::Open);
    assert_eq!(c.choice.new, Choice::Rung(1));
    assert_eq!(c.fields, [Field::Choice]);
    // SOV-6: 6.1 r3 → 3, 6.2 r2 → 2, 6.3 r2 → 3, 6.4 r1 → 2, 6.5 was 0..4, now r1 → 3.
    assert_eq!(c.effect.objective_seal.old, seal(0, 2));
    assert_eq!(c.effect.objective_seal.new, seal(2, 2));
    assert_eq!(
        c.effect.seal,
        Delta {
            old: seal(0, 1),
            new: seal(0, 1)
        }
    );

    // Together they lift the lower bound: min(2, 2, 2, 2, 1, 2, 1, 2) = SEAL-1 exactly.
    assert_eq!(d.summary.seal.old, seal(0, 1));
    assert_eq!(d.summary.seal.new, seal(1, 1));
    // Scores: old 51.9078..63.5778 (fixture arithmetic). 2.4 rung 2 = 83.50 points in SOV-2
    // (weight 10): lower +0.835, upper -0.835 (was 167 at best). 6.5 rung 1 = 50 points in
    // SOV-6 (weight 15): lower +0.75, upper -2.25 (was 200 at best).
    assert_score(d.summary.score.old, 51.9078, 63.5778);
    assert_score(d.summary.score.new, 53.4928, 60.4928);
    assert!(d.overrides.is_empty() && d.secnumcloud_stage.is_none());
    assert!(d.weights.is_none() && d.aggregation.is_none());
}

#[test]
fn worsening_answers_lower_the_seal_and_evidence_only_changes_move_nothing() {
    // All best, calculator weights: SEAL-4, 100.0756 %.
    let old = fixture("all-best-calculator");
    let mut new = old.clone();
    new.answers.get_mut("SOV-1.1").unwrap().evidence_level = Some(EvidenceLevel::Audited);
    new.answers.insert("SOV-2.2".into(), rung(3)); // SEAL-2, 125.25 points (was 167)
    new.answers.insert("SOV-3.4".into(), rung(1)); // SEAL-0, 50 points (was 200)
    let d = diff(&old, &new);
    let ids: Vec<&str> = d.changes.iter().map(|c| c.criterion).collect();
    assert_eq!(ids, ["SOV-1.1", "SOV-2.2", "SOV-3.4"]);

    let evidence = &d.changes[0];
    assert_eq!(evidence.fields, [Field::EvidenceLevel]);
    assert!(!evidence.choice.changed());
    assert_eq!(
        evidence.effect.seal,
        Delta {
            old: seal(4, 4),
            new: seal(4, 4)
        }
    );

    let effects: Vec<(SealRange, SealRange)> = d.changes[1..]
        .iter()
        .map(|c| (c.effect.seal.new, c.effect.objective_seal.new))
        .collect();
    assert_eq!(
        effects,
        [(seal(2, 2), seal(2, 2)), (seal(0, 0), seal(0, 0))]
    );

    assert_eq!(
        d.summary.seal,
        Delta {
            old: seal(4, 4),
            new: seal(0, 0)
        }
    );
    // 100.0756 - (41.75 × 10 + 150 × 10) / 1000 = 100.0756 - 1.9175 = 98.1581 %.
    assert_score(d.summary.score.old, 100.0756, 100.0756);
    assert_score(d.summary.score.new, 98.1581, 98.1581);
}

#[test]
fn effects_are_measured_one_change_at_a_time_from_the_old_assessment() {
    // Nothing answered: every objective is SEAL-0 to SEAL-4.
    let old = Assessment::default();
    let mut new = old.clone();
    // SOV-1.8 rung 4 (SEAL-4): SOV-1's lower bound becomes min(1.1 worst SEAL-1, 1.3 worst
    // SEAL-2, ...) = SEAL-1; overall stays 0..4 because other objectives hold SEAL-0.
    new.answers.insert("SOV-1.8".into(), rung(4));
    // "I don't know" instead of no answer: still open, nothing moves.
    new.answers.insert(
        "SOV-3.1".into(),
        Answer {
            unknown: true,
            ..Answer::default()
        },
    );
    let d = diff(&old, &new);
    assert_eq!(d.changes.len(), 2);
    assert_eq!(d.changes[0].effect.objective_seal.new, seal(1, 4));
    assert_eq!(d.changes[0].effect.seal.new, seal(0, 4));
    assert_eq!(
        d.changes[1].choice,
        Delta {
            old: Choice::Open,
            new: Choice::Unknown
        }
    );
    assert_eq!(d.changes[1].fields, [Field::Choice]);
    assert_eq!(d.changes[1].effect.objective_seal.new, seal(0, 4));
    assert!(!d.changes[1].effect.seal.changed());
}

#[test]
fn overrides_stage_weights_and_aggregation_are_reported() {
    let old = Assessment::default();
    let mut new = old.clone();
    let ov = Override {
        level: Seal::new(2).unwrap(),
        justification: "Firmware rebuilt in the EU".into(),
    };
    new.overrides.insert("SOV-5".into(), ov.clone());
    new.secnumcloud.stage = Some(Stage::J3);
    new.weights = Weights::Calculator;
    new.aggregation = Aggregation::WeightedMean;
    let d = diff(&old, &new);
    assert!(d.changes.is_empty());
    assert_eq!(d.overrides.len(), 1);
    let o = &d.overrides[0];
    assert_eq!(o.objective, "SOV-5");
    assert_eq!(o.overrides.old, None);
    assert_eq!(o.overrides.new, Some(ov.clone()));
    // SOV-5 becomes exactly SEAL-2; the weakest link caps the upper bound at 2.
    assert_eq!(
        o.effect.objective_seal,
        Delta {
            old: seal(0, 4),
            new: seal(2, 2)
        }
    );
    assert_eq!(
        o.effect.seal,
        Delta {
            old: seal(0, 4),
            new: seal(0, 2)
        }
    );
    assert_eq!(
        d.secnumcloud_stage,
        Some(Delta {
            old: None,
            new: Some(Stage::J3)
        })
    );
    assert_eq!(
        d.weights,
        Some(Delta {
            old: [15, 10, 10, 15, 20, 15, 10, 5],
            new: [20, 10, 10, 15, 10, 15, 15, 5]
        })
    );
    assert_eq!(
        d.aggregation,
        Some(Delta {
            old: Aggregation::WeakestLink,
            new: Aggregation::WeightedMean
        })
    );

    // Under an override a criterion of that objective moves nothing; a reworded
    // justification is a change with no effect.
    let mut reworded = new.clone();
    reworded.answers.insert("SOV-5.1".into(), rung(4));
    reworded.overrides.get_mut("SOV-5").unwrap().justification = "Reworded".into();
    let d = diff(&new, &reworded);
    assert_eq!(d.changes.len(), 1);
    assert!(!d.changes[0].effect.seal.changed());
    assert!(!d.changes[0].effect.objective_seal.changed());
    assert_eq!(d.overrides.len(), 1);
    assert!(!d.overrides[0].effect.objective_seal.changed());
    // Removing the override reopens the objective.
    let d = diff(&new, &old);
    assert_eq!(d.overrides[0].overrides.new, None);
    assert_eq!(d.overrides[0].effect.objective_seal.new, seal(0, 4));
}

// -------------------------------------------------------------------- compare

#[test]
fn compare_takes_two_to_ten_assessments() {
    let one = vec![Assessment::default()];
    assert_eq!(compare(&[]), Err(CompareError::TooFew(0)));
    assert_eq!(compare(&one), Err(CompareError::TooFew(1)));
    let eleven = vec![Assessment::default(); MAX_COMPARED + 1];
    assert_eq!(compare(&eleven), Err(CompareError::TooMany(11)));
    assert_eq!(
        sovcheck_text::texts(Lang::En).compare_error(&CompareError::TooFew(1)),
        "a comparison needs at least 2 assessments; 1 given"
    );
    assert_eq!(
        sovcheck_text::texts(Lang::Fr).compare_error(&CompareError::TooFew(1)),
        sovcheck_core::typography::bind_spaces(
            "fr",
            "une comparaison demande au moins 2 évaluations ; 1 fournie"
        )
        .unwrap()
    );
    assert_eq!(
        sovcheck_text::texts(Lang::En).compare_error(&CompareError::TooMany(11)),
        "a comparison takes at most 10 assessments; 11 given"
    );
    assert_eq!(
        sovcheck_text::texts(Lang::Fr).compare_error(&CompareError::TooMany(11)),
        sovcheck_core::typography::bind_spaces(
            "fr",
            "une comparaison porte sur au plus 10 évaluations ; 11 fournies"
        )
        .unwrap()
    );
    assert_eq!(
        compare(&vec![Assessment::default(); MAX_COMPARED])
            .unwrap()
            .columns
            .len(),
        10
    );
}

#[test]
fn compare_gives_each_assessment_its_figures_in_order() {
    let mut best = fixture("all-best-calculator");
    best.meta.title = "Reference, all best".into();
    let mixed = fixture("mixed-secnumcloud-iaas");
    let worst = fixture("all-worst-framework");
    let cmp = compare(&[best, mixed, worst]).unwrap();
    assert_eq!(cmp.columns.len(), 3);

    let b = &cmp.columns[0];
    assert_eq!(b.title, "Reference, all best");
    assert_eq!(
        (b.provider.as_str(), b.offer.as_str()),
        ("Everything Best", "Reference")
    );
    assert_eq!(b.seal, seal(4, 4));
    assert_score(b.score, 100.0756, 100.0756);
    assert_eq!(b.secnumcloud_stage, None);
    assert_eq!(b.weights, [20, 10, 10, 15, 10, 15, 15, 5]);

    let m = &cmp.columns[1];
    assert_eq!(m.id, "mixed-iaas");
    assert_eq!(m.title, "");
    assert_eq!(m.provider, "Exemple Cloud SAS");
    assert_eq!(m.seal, seal(0, 1));
    assert_score(m.score, 51.9078, 63.5778);
    assert_eq!(m.secnumcloud_stage, Some(Stage::J3));
    let seals: Vec<SealRange> = m.objectives.iter().map(|o| o.seal).collect();
    assert_eq!(
        seals,
        [
            seal(2, 2),
            seal(0, 2),
            seal(2, 3),
            seal(2, 2),
            seal(1, 1),
            seal(0, 2),
            seal(1, 1),
            seal(2, 2)
        ]
    );
    // Objective scores are points / 1000 in percent: SOV-1 531.27..781.27 points.
    assert_eq!(m.objectives[0].id, "SOV-1");
    assert_score(m.objectives[0].score, 53.127, 78.127);
    assert_score(m.objectives[4].score, 28.6, 28.6);

    let w = &cmp.columns[2];
    assert_eq!(w.seal, seal(0, 0));
    assert_score(w.score, 0.0, 0.0);
    assert!(w.objectives.iter().all(|o| o.seal == seal(0, 0)));
    // Calculator weights in the first column, framework weights in the others.
    assert!(cmp.mixed_rules());
    let same = fixture("mixed-secnumcloud-iaas");
    assert!(!compare(&[same.clone(), same]).unwrap().mixed_rules());
}

#[test]
fn the_better_value_of_each_row_is_marked() {
    use Mark::{Best, Equal, TiedBest};
    let best = fixture("all-best-calculator");
    let mixed = fixture("mixed-secnumcloud-iaas");
    let worst = fixture("all-worst-framework");
    let cmp = compare(&[best.clone(), mixed.clone(), worst.clone()]).unwrap();
    let counts: Vec<(usize, usize, usize)> = cmp
        .columns
        .iter()
        .map(|c| (c.answered, c.unknown, c.unanswered))
        .collect();
    assert_eq!(counts, [(48, 0, 0), (42, 4, 2), (48, 0, 0)]);
    // SEAL lower ends 4, 0, 0; scores 100.08, 51.91.., 0.
    assert_eq!(cmp.marks(Row::Seal), [Best, Mark::None, Mark::None]);
    assert_eq!(cmp.marks(Row::Score), [Best, Mark::None, Mark::None]);
    assert_eq!(cmp.marks(Row::Answered), [TiedBest, Mark::None, TiedBest]);
    assert_eq!(cmp.marks(Row::Unknown), [TiedBest, Mark::None, TiedBest]);
    assert_eq!(cmp.marks(Row::Unanswered), [TiedBest, Mark::None, TiedBest]);
    // No target anywhere: nothing ranked.
    assert_eq!(cmp.marks(Row::Target), [Mark::None; 3]);

    // Target SEAL-1: met (4..4), undecided (0..1), not met (0..0).
    let with = |a: &Assessment, t: Option<u8>| {
        let mut a = a.clone();
        a.meta.target_seal = t.map(|t| Seal::new(t).unwrap());
        a
    };
    let cmp = compare(&[
        with(&worst, Some(1)),
        with(&mixed, Some(1)),
        with(&best, Some(1)),
    ])
    .unwrap();
    let words: Vec<&str> = cmp
        .columns
        .iter()
        .map(|c| c.target.as_ref().unwrap().verdict.id())
        .collect();
    assert_eq!(words, ["not-met", "undecided", "met"]);
    assert_eq!(cmp.marks(Row::Target), [Mark::None, Mark::None, Best]);
    let cmp = compare(&[with(&worst, Some(1)), with(&mixed, Some(1))]).unwrap();
    assert_eq!(cmp.marks(Row::Target), [Mark::None, Best]);
    // A column without a target is not ranked; different targets are not compared.
    let cmp = compare(&[
        with(&worst, None),
        with(&mixed, Some(1)),
        with(&best, Some(1)),
    ])
    .unwrap();
    assert_eq!(cmp.marks(Row::Target), [Mark::None, Mark::None, Best]);
    let cmp = compare(&[with(&mixed, Some(2)), with(&best, Some(1))]).unwrap();
    assert_eq!(cmp.marks(Row::Target), [Mark::None, Mark::None]);

    // Ties everywhere: every cell is marked equal.
    let cmp = compare(&[with(&best, Some(3)), with(&best, Some(3))]).unwrap();
    for row in [
        Row::Seal,
        Row::Score,
        Row::Answered,
        Row::Unknown,
        Row::Unanswered,
        Row::Target,
    ] {
        assert_eq!(cmp.marks(row), [Equal, Equal], "{row:?}");
    }
}

#[test]
fn the_difference_keeps_the_changes_that_move_a_seal_grouped_by_objective() {
    // From the all-best fixture: an evidence-only change (moves nothing) and two worse rungs.
    let old = fixture("all-best-calculator");
    let mut new = old.clone();
    new.answers.get_mut("SOV-1.1").unwrap().evidence_level = Some(EvidenceLevel::Audited);
    new.answers.insert("SOV-2.2".into(), rung(3));
    new.answers.insert("SOV-3.4".into(), rung(1));
    let d = diff(&old, &new);
    let moving: Vec<bool> = d.changes.iter().map(|c| c.moves_seal()).collect();
    assert_eq!(moving, [false, true, true]);
    let shape = |moving_only| {
        groups(&d.changes, moving_only)
            .iter()
            .map(|g| {
                let ids: Vec<&str> = g.changes.iter().map(|c| c.criterion).collect();
                (g.objective, ids, g.total)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shape(true),
        [("SOV-2", vec!["SOV-2.2"], 1), ("SOV-3", vec!["SOV-3.4"], 1)]
    );
    assert_eq!(
        shape(false),
        [
            ("SOV-1", vec!["SOV-1.1"], 1),
            ("SOV-2", vec!["SOV-2.2"], 1),
            ("SOV-3", vec!["SOV-3.4"], 1)
        ]
    );

    // Nothing answered before. "I don't know" against no answer moves nothing; a rung does,
    // by the SEAL it grants, even when no range moves (SOV-1 stays SEAL-0 to SEAL-4).
    let old = Assessment::default();
    let mut new = old.clone();
    new.answers.insert(
        "SOV-1.2".into(),
        Answer {
            unknown: true,
            ..Answer::default()
        },
    );
    // SOV-1.3 rung 3 grants SEAL-4; SOV-1.1 rung 0 grants SEAL-1, which caps SOV-1.
    new.answers.insert("SOV-1.3".into(), rung(3));
    new.answers.insert("SOV-1.1".into(), rung(0));
    let d = diff(&old, &new);
    let c: Vec<(&str, bool, bool)> = d
        .changes
        .iter()
        .map(|c| {
            (
                c.criterion,
                c.effect.objective_seal.changed(),
                c.moves_seal(),
            )
        })
        .collect();
    assert_eq!(
        c,
        [
            ("SOV-1.1", true, true),
            ("SOV-1.2", false, false),
            ("SOV-1.3", false, true)
        ]
    );
    let g = groups(&d.changes, true);
    assert_eq!(
        (g.len(), g[0].objective, g[0].changes.len(), g[0].total),
        (1, "SOV-1", 2, 3)
    );
}

// ----------------------------------------------------------------- properties

/// Any text, control characters and astral planes included.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

/// Per criterion: open, unknown or a rung (the byte picks which), with random evidence.
fn assessment() -> impl Strategy<Value = Assessment> {
    let per_criterion = (
        0u8..3,
        any::<u8>(),
        text(),
        text(),
        proptest::option::of(0u8..4),
    );
    (
        proptest::collection::vec(per_criterion, 48),
        proptest::option::of((0u8..8, 0u8..5)),
    )
        .prop_map(|(draw, ov)| {
            let mut a = Assessment::default();
            for (c, (kind, pick, note, source, level)) in sovcheck_core::criteria().zip(draw) {
                let rungs = u8::try_from(c.rungs.len()).unwrap();
                let answer = Answer {
                    rung: (kind == 2).then_some(pick % rungs),
                    unknown: kind == 1,
                    note,
                    source,
                    evidence_level: level.map(|l| EvidenceLevel::ALL[usize::from(l)]),
                    ..Answer::default()
                };
                if !answer.is_empty() {
                    a.answers.insert(c.id.to_owned(), answer);
                }
            }
            if let Some((objective, level)) = ov {
                a.overrides.insert(
                    format!("SOV-{}", objective + 1),
                    Override {
                        level: Seal::new(level).unwrap(),
                        justification: "j".into(),
                    },
                );
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn csv_always_reads_back_as_49_records_of_10_inert_cells(a in assessment()) {
        let records = read_csv_with(&sovcheck_text::texts(Lang::Fr).answers_csv(&a), ';');
        prop_assert_eq!(records.len(), 49);
        for (record, c) in records[1..].iter().zip(sovcheck_core::criteria()) {
            prop_assert_eq!(record.len(), 10);
            prop_assert_eq!(&record[1], c.id);
            let note = a.answers.get(c.id).map(|x| x.note.as_str()).unwrap_or("");
            let shown = record[6].strip_prefix('\'').filter(|_| note.starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '\0']));
            prop_assert_eq!(shown.unwrap_or(&record[6]), note);
            for cell in record {
                prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '\0']));
            }
        }
    }

    #[test]
    fn a_diff_accounts_for_every_difference_and_its_summary_is_the_evaluations(
        old in assessment(),
        new in assessment(),
    ) {
        let d = diff(&old, &new);
        let (before, after) = (evaluate(&old, None), evaluate(&new, None));
        prop_assert_eq!(d.summary.seal, Delta { old: before.seal, new: after.seal });
        // Replaying the changes on the old answers gives the new ones.
        let mut replay = old.clone();
        for c in &d.changes {
            prop_assert_eq!(c.effect.seal.old, before.seal);
            if c.answer.new.is_empty() {
                replay.answers.remove(c.criterion);
            } else {
                replay.answers.insert(c.criterion.to_owned(), c.answer.new.clone());
            }
        }
        replay.answers.retain(|_, x| !x.is_empty());
        prop_assert_eq!(&replay.answers, &new.answers);
        prop_assert!(diff(&new, &new).is_empty());
    }
}
