//! End-to-end tests of the `sovcheck` binary: real files, real process, exit codes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Command, Output};

/// French written with ordinary spaces, as the CLI prints it: French typography binds the
/// spaces before `:` `;` `?` `!` `%` (see `sovcheck_core::typography`).
fn fr(s: &str) -> String {
    sovcheck_core::typography::bind_spaces("fr", s).unwrap_or_else(|| s.to_owned())
}

/// The issue's minimal document.
const MINIMAL: &str = r#"{"formatVersion": 1, "assessment": {"weights": "framework-v1.2.1", "answers": {"SOV-1.1": {"rung": 3}, "SOV-2.2": {"unknown": true}}}}"#;

/// SOV-3.1 has five rungs (0..4): rung 7 does not exist.
const BROKEN: &str = r#"{"formatVersion": 1, "assessment": {"answers": {"SOV-3.1": {"rung": 7}}}}"#;

const TOLERANCE: f64 = 1e-9;

/// Writes `text` to a fresh file named `name` under the test's temporary directory.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sovcheck"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[track_caller]
fn assert_close(actual: &Value, expected: f64) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!((a - expected).abs() < TOLERANCE, "{a} != {expected}");
}

#[track_caller]
fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn score_json_of_the_minimal_document_matches_the_hand_computation() {
    let path = file("minimal.json", MINIMAL);
    let out = run(&["score", "--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1);
    let v = &lines[0];

    assert_eq!(v["file"], path.display().to_string());
    assert_eq!(v["provider"], "");
    assert_eq!(v["offer"], "");
    assert_eq!(v["aggregation"], "weakest-link");
    assert_eq!(v["contentVersion"], sovcheck_core::content_version());

    // Lower score: SOV-1.1 rung 3 = 125.01 pts, the only points;
    // 125.01 / 1000 × 15 (SOV-1's framework weight) = 1.87515 %. Every other criterion is
    // open and counts its worst rung, 0 points.
    assert_close(&v["score"]["lower"], 1.875_15);
    // Upper score: every open criterion at its best rung, so each objective reaches its
    // actual maximum: SOV-1 1000.03, SOV-2 1002, SOV-3 1000, SOV-4 1002, SOV-5 1001,
    // SOV-6 1000, SOV-7 1001, SOV-8 1000 points, each / 1000 × framework weight:
    // 15.00045 + 10.02 + 10 + 15.03 + 20.02 + 15 + 10.01 + 5 = 100.08045 %.
    assert_close(&v["score"]["upper"], 100.080_45);

    // SEAL lower: open criteria count their worst rung, and fifteen of them grant SEAL-0
    // (e.g. SOV-1.8 "immediate shutdown"). Upper: every best rung grants SEAL-4, and
    // SOV-1.1 rung 3 grants SEAL-4.
    assert_eq!(v["seal"]["lower"], 0);
    assert_eq!(v["seal"]["upper"], 4);
    // A best case of SEAL-4 is capped by nothing; the document sets no target.
    assert_eq!(v["cappedBy"], json!([]));
    assert_eq!(v["target"], Value::Null);

    // The workbook reads only the answered row: SOV-1.1 rung 3 → SEAL-4 and 1.87515 %.
    assert_eq!(v["calculatorReading"]["seal"], 4);
    assert_close(&v["calculatorReading"]["score"], 1.875_15);

    // Binding: the lowest objective SEAL is 0, and every objective has open criteria
    // whose worst rung grants SEAL-0.
    let binding: Vec<&str> = v["binding"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap())
        .collect();
    assert_eq!(
        binding,
        [
            "SOV-1.8", "SOV-2.4", "SOV-3.1", "SOV-3.2", "SOV-3.3", "SOV-3.4", "SOV-4.5", "SOV-4.6",
            "SOV-5.4", "SOV-6.1", "SOV-6.2", "SOV-6.5", "SOV-7.4", "SOV-7.5", "SOV-8.2"
        ]
    );

    let objectives = v["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 8);
    let sov1 = &objectives[0];
    assert_eq!(sov1["id"], "SOV-1");
    assert_eq!(sov1["weight"], 15);
    // 125.01 / 1000 = 12.501 %; upper 1000.03 / 1000 = 100.003 %.
    assert_close(&sov1["score"]["lower"], 12.501);
    assert_close(&sov1["score"]["upper"], 100.003);
    // SOV-1.8's worst rung grants SEAL-0; every best rung grants SEAL-4.
    assert_eq!(sov1["seal"]["lower"], 0);
    assert_eq!(sov1["seal"]["upper"], 4);
    assert_eq!(sov1["open"].as_array().unwrap().len(), 7);
    assert_eq!(sov1["overridden"], Value::Null);
    let sov2 = &objectives[1];
    // SOV-2.2 is unknown: still open, like the unanswered criteria.
    assert!(sov2["open"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "SOV-2.2"));
    assert_close(&sov2["score"]["lower"], 0.0);
    assert_close(&sov2["score"]["upper"], 100.2);
}

#[test]
fn score_json_names_what_caps_the_best_case_and_judges_the_target() {
    let path = file(
        "verdict-workspace.json",
        r#"{"formatVersion": 1, "assessments": [
            {"id": "trial", "meta": {"targetSeal": 3}, "answers": {
                "SOV-5.5": {"rung": 1}, "SOV-7.7": {"rung": 3}, "SOV-1.8": {"unknown": true}}},
            {"id": "override", "meta": {"targetSeal": 2},
                "overrides": {"SOV-5": {"level": 2, "justification": "Expert view"}}},
            {"id": "floor", "meta": {"targetSeal": 0}},
            {"id": "none"}
        ]}"#,
    );
    let out = run(&["score", "--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = json_lines(&out);
    // The target without its deciding criteria (checked below).
    let verdicts: Vec<Value> = lines
        .iter()
        .map(|l| {
            let target = match &l["target"] {
                Value::Null => Value::Null,
                t => json!({"seal": t["seal"], "verdict": t["verdict"]}),
            };
            json!({"id": l["id"], "cappedBy": l["cappedBy"], "target": target})
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            // SOV-5.5 rung 1 and SOV-7.7 rung 3 both grant SEAL-1: the best case is SEAL-1
            // (every open criterion's best rung grants SEAL-4), below the target SEAL-3.
            json!({"id": "trial", "cappedBy": ["SOV-5.5", "SOV-7.7"],
                   "target": {"seal": 3, "verdict": "not-met"}}),
            // The override holds SOV-5 at SEAL-2, the upper bound; the open criteria's worst
            // rungs give SEAL-0: 0 to 2 against a target of 2 is undecided.
            json!({"id": "override", "cappedBy": ["SOV-5"],
                   "target": {"seal": 2, "verdict": "undecided"}}),
            // Nothing answered: SEAL-0 to SEAL-4, nothing caps it; any lower bound meets 0.
            json!({"id": "floor", "cappedBy": [], "target": {"seal": 0, "verdict": "met"}}),
            json!({"id": "none", "cappedBy": [], "target": null}),
        ]
    );
    // Deciding criteria only when undecided: under the weakest link, every open criterion
    // (outside the overridden SOV-5) whose worst rung is below SEAL-2, each with the least
    // rung reaching it (cross-checked against the content).
    assert_eq!(lines[0]["target"]["deciding"], json!([]));
    assert_eq!(lines[2]["target"]["deciding"], json!([]));
    let expected: Vec<Value> = sovcheck_core::criteria()
        .filter(|c| !c.id.starts_with("SOV-5."))
        .filter(|c| c.worst().unwrap().seal < sovcheck_core::Seal::new(2).unwrap())
        .map(|c| {
            let r = c
                .least_rung_reaching(sovcheck_core::Seal::new(2).unwrap())
                .unwrap();
            json!({"criterion": c.id, "rung": r, "seal": c.rung(r).unwrap().seal.level()})
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(lines[1]["target"]["deciding"], Value::Array(expected));
    // The low end: any one of the open criteria whose worst rung grants SEAL-0.
    assert_eq!(lines[0]["lowEnd"]["kind"], "any");
    assert!(lines[0]["lowEnd"]["criteria"]
        .as_array()
        .unwrap()
        .contains(&json!("SOV-1.8")));
    assert_eq!(lines[3]["lowEnd"]["kind"], "any");
    // The exact text of the new fields, as a consumer without a JSON parser would see it.
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.contains(r#""cappedBy":["SOV-5.5","SOV-7.7"]"#)
            && first.contains(r#""target":{"deciding":[],"seal":3,"verdict":"not-met"}"#),
        "{first}"
    );
    assert!(text.lines().nth(3).unwrap().contains(r#""target":null"#));
}

/// A workspace of two assessments: "trial" (SOV-5.5 at rung 1 and SOV-7.7 at rung 3, both
/// SEAL-1; SOV-1.8 unknown; target SEAL-3) and "near" (every criterion at its best rung but
/// SOV-1.8, unknown; target SEAL-2).
fn verdict_workspace() -> PathBuf {
    let mut near = serde_json::Map::new();
    for c in sovcheck_core::criteria() {
        near.insert(c.id.to_owned(), json!({"rung": c.rungs.len() - 1}));
    }
    near.insert("SOV-1.8".to_owned(), json!({"unknown": true}));
    let doc = json!({"formatVersion": 2, "assessments": [
        {"id": "trial", "meta": {"provider": "Trial", "targetSeal": 3}, "answers": {
            "SOV-5.5": {"rung": 1}, "SOV-7.7": {"rung": 3}, "SOV-1.8": {"unknown": true}}},
        {"id": "near", "meta": {"provider": "Near", "targetSeal": 2}, "answers": near},
    ]});
    file("verdict-table.json", &doc.to_string())
}

/// The cells of a table row (columns are two or more spaces apart).
fn cells(row: &str) -> Vec<String> {
    row.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_score_table_shows_the_target_the_counts_and_what_caps_the_best_case() {
    let path = verdict_workspace();
    let p = path.to_str().unwrap();
    let out = run(&["score", p]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        cells(rows[0]),
        [
            "File",
            "Provider",
            "Offer",
            "SEAL",
            "Score",
            "Target",
            "Answered/unknown/unanswered",
            "Binding criteria",
            "Capped by"
        ]
    );
    // Trial: 2 answered, 1 unknown, 45 unanswered; both answers grant SEAL-1, below the
    // target SEAL-3 even at best.
    let trial = cells(rows[1]);
    assert_eq!(&trial[..4], [p, "Trial", "-", "SEAL-0 to SEAL-1"]);
    assert_eq!(&trial[5..7], ["SEAL-3: not met", "2/1/45"]);
    assert_eq!(trial[8], "SOV-5.5, SOV-7.7");
    // Near: only SOV-1.8 is open (worst SEAL-0): it alone decides the target SEAL-2, and
    // nothing caps the best case.
    let near = cells(rows[2]);
    assert_eq!(&near[..4], [p, "Near", "-", "SEAL-0 to SEAL-4"]);
    assert_eq!(&near[5..], ["SEAL-2: undecided", "47/1/0", "SOV-1.8*", "-"]);
    assert_eq!(rows[3], "* open: binds because its worst answer is assumed");
    assert_eq!(
        rows[4],
        format!(
            "{p}: target SEAL-2 undecided; least answers that meet it: SOV-1.8 at least rung 2"
        )
    );
    assert_eq!(rows.len(), 5);

    let out = run(&["score", "--lang", "fr", p]);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        cells(rows[0])[5..],
        [
            "Cible",
            "Répondus/inconnus/sans réponse",
            "Critères limitants",
            "Plafonné par"
        ]
    );
    assert_eq!(
        cells(rows[1])[5..7],
        [fr("SEAL-3 : non atteinte"), "2/1/45".to_owned()]
    );
    assert_eq!(cells(rows[2])[5], fr("SEAL-2 : indéterminée"));
    assert_eq!(
        rows[4],
        fr(&format!("{p} : cible SEAL-2 indéterminée ; réponses minimales qui l'atteignent : SOV-1.8 au moins au niveau 2"))
    );
}

#[test]
fn validate_reports_an_out_of_range_rung_in_english_and_french() {
    let path = file("broken.json", BROKEN);
    let p = path.to_str().unwrap();

    let out = run(&["validate", p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{p}: assessment.answers[\"SOV-3.1\"].rung: 7 is out of range 0..4\n")
    );

    let out = run(&["validate", "--lang", "fr", p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        fr(&format!(
            "{p} : assessment.answers[\"SOV-3.1\"].rung : 7 est hors de l'intervalle 0..4\n"
        ))
    );
}

#[test]
fn validate_passes_a_good_file_and_fails_the_run_on_a_bad_one() {
    let good = file("good.json", MINIMAL);
    let bad = file(
        "unknown-field.json",
        r#"{"formatVersion": 1, "assessment": {"colour": "blue"}}"#,
    );
    let (g, b) = (good.to_str().unwrap(), bad.to_str().unwrap());

    let out = run(&["validate", g]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("{g}: ok (1 assessment)\n"));

    let out = run(&["validate", g, b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{g}: ok (1 assessment)\n{b}: assessment.colour: unknown field \"colour\"\n")
    );
}

#[test]
fn validate_reports_a_truncated_file() {
    let path = file(
        "truncated.json",
        r#"{"formatVersion": 1, "assessment": {"answers": {"SOV-1.1": {"ru"#,
    );
    let out = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("the file ends too early (line 1, column 63): it looks truncated"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_workspace_file_yields_one_line_per_assessment() {
    let path = file(
        "workspace.json",
        r#"{"formatVersion": 1, "assessments": [
            {"id": "a", "meta": {"provider": "Alpha", "offer": "IaaS"}, "answers": {"SOV-1.1": {"rung": 3}}},
            {"id": "b", "meta": {"provider": "Beta", "offer": "PaaS"}, "weights": "calculator-2026-06"}
        ]}"#,
    );
    let p = path.to_str().unwrap();

    let out = run(&["validate", p]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), format!("{p}: ok (2 assessments)\n"));
    let out = run(&["validate", "--lang", "fr", p]);
    assert_eq!(stdout(&out), fr(&format!("{p} : ok (2 évaluations)\n")));

    let out = run(&["score", "--json", p]);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    let providers: Vec<&str> = lines
        .iter()
        .map(|l| l["provider"].as_str().unwrap())
        .collect();
    assert_eq!(providers, ["Alpha", "Beta"]);
    // Beta answered nothing: 0 % to the all-best 100.0756 % under the calculator weights,
    // and the workbook has no row to take a minimum over.
    assert_close(&lines[1]["score"]["lower"], 0.0);
    assert_close(&lines[1]["score"]["upper"], 100.0756);
    assert_eq!(lines[1]["calculatorReading"]["seal"], Value::Null);
    assert_close(&lines[1]["calculatorReading"]["score"], 0.0);

    let out = run(&["score", p]);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert_eq!(rows[3], "* open: binds because its worst answer is assumed");
    assert!(rows[0].starts_with("File"));
    assert!(rows[0].contains("Provider") && rows[0].contains("Binding criteria"));
    assert!(rows[1].contains("Alpha") && rows[1].contains("SEAL-0 to SEAL-4"));
    assert!(rows[2].contains("Beta") && rows[2].contains("0.00% to 100.08%"));
    // Columns line up: "Provider" starts where "Alpha" and "Beta" start.
    let col = rows[0].find("Provider").unwrap();
    assert_eq!(rows[1].find("Alpha"), Some(col));
    assert_eq!(rows[2].find("Beta"), Some(col));

    let out = run(&["score", "--lang", "fr", p]);
    let text = stdout(&out);
    assert!(text.starts_with("Fichier"), "{text}");
    assert!(text.contains("Prestataire") && text.contains("Critères limitants"));
    assert!(text.contains("SEAL-0 à SEAL-4") && text.contains(&fr("0,00 % à 100,08 %")));
}

#[test]
fn score_scores_the_valid_files_and_reports_the_invalid_ones() {
    let good = file("score-good.json", MINIMAL);
    let bad = file("score-bad.json", BROKEN);
    let (g, b) = (good.to_str().unwrap(), bad.to_str().unwrap());
    let out = run(&["score", "--json", b, g]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out).len(), 1);
    assert_eq!(
        stderr(&out),
        format!("{b}: assessment.answers[\"SOV-3.1\"].rung: 7 is out of range 0..4\n")
    );
}

#[test]
fn an_unreadable_file_is_a_one_line_error() {
    let missing =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests/does-not-exist.json");
    let m = missing.to_str().unwrap();
    let out = run(&["score", m]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("{m}: cannot read the file (no such file)\n")
    );
    let out = run(&["validate", "--lang", "fr", m]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        fr(&format!(
            "{m} : impossible de lire le fichier (fichier introuvable)\n"
        ))
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    for args in [
        &[][..],
        &["score"],
        &["frobnicate", "x.json"],
        &["score", "--lang", "es", "x.json"],
        &["score", "--nope", "x.json"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("usage: sovcheck score"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("usage: sovcheck score [--json] [--lang en|fr|de] FILE..."));
    let out = run(&["--help", "--lang", "fr"]);
    assert!(stdout(&out).starts_with(&fr(
        "usage : sovcheck score [--json] [--lang en|fr|de] FICHIER..."
    )));
}

/// The core's hand-laid fixture (its canonical export differs from its bytes).
fn core_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../sovcheck-core/tests/fixtures")
        .join(format!("{name}.json"))
}

#[test]
fn fingerprint_prints_the_sha256_of_each_canonical_export_with_its_id() {
    let fixture = core_fixture("mixed-secnumcloud-iaas");
    let out = run(&["fingerprint", fixture.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // `sha256sum` of the fixture's canonical export (see the core's tests/reports.rs).
    assert_eq!(
        stdout(&out),
        "975166d4d18dd3914e5618d71ce9b21eef07fa2d4ba21b84a0c42bc6ae5264dc  mixed-iaas\n"
    );

    // A canonical file's fingerprint is the hash of its own bytes.
    let a = sovcheck_core::format::parse_document(MINIMAL.as_bytes())
        .unwrap()
        .into_assessments()
        .remove(0);
    let canonical = sovcheck_core::format::export_assessment(&a);
    let path = file("canonical.json", &canonical);
    let out = run(&["fingerprint", path.to_str().unwrap()]);
    assert_eq!(
        stdout(&out),
        format!(
            "{}  -\n",
            sovcheck_core::export::sha256_hex(canonical.as_bytes())
        )
    );

    let ws = file(
        "fingerprint-workspace.json",
        r#"{"formatVersion": 1, "assessments": [{"id": "a"}, {"id": "b", "answers": {"SOV-1.1": {"rung": 0}}}]}"#,
    );
    let out = run(&["fingerprint", ws.to_str().unwrap()]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].ends_with("  a") && lines[1].ends_with("  b"));
    assert_ne!(lines[0][..64], lines[1][..64]);

    let bad = file("fingerprint-bad.json", BROKEN);
    let out = run(&["fingerprint", "--lang", "fr", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("7 est hors de l'intervalle 0..4"));
}

#[test]
fn csv_writes_one_crlf_row_per_criterion_after_a_localized_header() {
    let path = file("csv.json", MINIMAL);
    let out = run(&["csv", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 49);
    assert_eq!(
        lines[0],
        "\u{feff}Objective,Criterion,Title,State,Rung,Answer,Note,Source,Evidence level,Valid until"
    );
    assert_eq!(
        lines[1],
        "SOV-1,SOV-1.1,Final decision-making entity established and controlled in the EU/EEA,answered,3,\
         Final control lies entirely with entities established and controlled in the EU/EEA.,,,,"
    );
    assert!(!text.replace("\r\n", "").contains('\n'));

    let out = run(&["csv", "--lang", "fr", path.to_str().unwrap()]);
    assert!(stdout(&out).starts_with("\u{feff}Objectif;Critère;Intitulé;État;"));
    assert!(
        stdout(&out).contains(";SOV-2.2;") && stdout(&out).contains(";inconnu;;Je ne sais pas;")
    );
}

#[test]
fn csv_and_diff_refuse_a_workspace_of_several_assessments() {
    let ws = file(
        "csv-workspace.json",
        r#"{"formatVersion": 1, "assessments": [{"id": "a"}, {"id": "b"}]}"#,
    );
    let w = ws.to_str().unwrap();
    let out = run(&["csv", w]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with(&format!(
            "sovcheck: {w}: the file holds 2 assessments; this command takes a file with exactly one"
        )),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("usage: sovcheck score"));

    let single = file("diff-single.json", MINIMAL);
    let out = run(&["diff", "--lang", "fr", single.to_str().unwrap(), w]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&fr(&format!(
        "{w} : le fichier contient 2 évaluations ; cette commande attend un fichier qui n'en contient qu'une"
    ))));
}

#[test]
fn diff_lists_each_change_with_its_effect_on_the_seal() {
    let old = file("diff-old.json", MINIMAL);
    let new = file(
        "diff-new.json",
        r#"{"formatVersion": 1, "assessment": {"answers": {"SOV-1.1": {"rung": 3, "note": "Register extract"}, "SOV-2.2": {"rung": 2}}}}"#,
    );
    let (o, n) = (old.to_str().unwrap(), new.to_str().unwrap());
    let out = run(&["diff", o, n]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // SOV-2.2 from unknown (SEAL-1..4) to rung 2 (SEAL-1, 83.50 points, weight 10): SOV-2's
    // upper bound falls to SEAL-1 (SOV-2.4, open, keeps its lower bound at SEAL-0), and the
    // overall upper bound with it. Score: 1.87515 + 0.835 = 2.71015 %; 100.08045 - (167 -
    // 83.5) x 10 / 1000 = 99.24545 %.
    assert_eq!(
        stdout(&out),
        "SEAL: SEAL-0 to SEAL-4 → SEAL-0 to SEAL-1\n\
         Score: 1.88% to 100.08% → 2.71% to 99.25%\n\
         SOV-1.1: evidence changed: note\n\
         SOV-2.2: I don't know → rung 2\n  \
         SEAL with only this change: SEAL-0 to SEAL-4 → SEAL-0 to SEAL-1; SOV-2: SEAL-0 to SEAL-4 → SEAL-0 to SEAL-1\n"
    );
    let out = run(&["diff", "--lang", "fr", o, n]);
    assert_eq!(
        stdout(&out),
        fr("SEAL : SEAL-0 à SEAL-4 → SEAL-0 à SEAL-1\n\
         Score : 1,88 % à 100,08 % → 2,71 % à 99,25 %\n\
         SOV-1.1 : preuve modifiée : note\n\
         SOV-2.2 : Je ne sais pas → niveau 2\n  \
         SEAL avec ce seul changement : SEAL-0 à SEAL-4 → SEAL-0 à SEAL-1 ; SOV-2 : SEAL-0 à SEAL-4 → SEAL-0 à SEAL-1\n")
    );

    let out = run(&["diff", o, o]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "SEAL: SEAL-0 to SEAL-4 (unchanged)\n\
         Score: 1.88% to 100.08% (unchanged)\n\
         No difference in answers, overrides, weights, aggregation or SecNumCloud stage.\n"
    );
}

#[test]
fn diff_reports_overrides_stage_and_weights() {
    let old = file(
        "diff-snc-old.json",
        r#"{"formatVersion": 1, "assessment": {"secnumcloud": {"stage": "j2"}}}"#,
    );
    let new = file(
        "diff-snc-new.json",
        r#"{"formatVersion": 1, "assessment": {"weights": "calculator-2026-06", "overrides": {"SOV-5": {"level": 2, "justification": "Expert view"}}, "secnumcloud": {"stage": "j3"}}}"#,
    );
    let out = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[2..],
        [
            "Override SOV-5: none → SEAL-2",
            "  SEAL with only this change: SEAL-0 to SEAL-4 → SEAL-0 to SEAL-2; SOV-5: SEAL-0 to SEAL-4 → SEAL-2",
            "Weights: 15/10/10/15/20/15/10/5 → 20/10/10/15/10/15/15/5",
            "SecNumCloud stage: J2 – Audits completed → J3 – Qualified",
        ],
        "{text}"
    );
}

#[test]
fn diff_of_an_unreadable_file_exits_1() {
    let good = file("diff-good.json", MINIMAL);
    let missing =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests/diff-missing.json");
    let m = missing.to_str().unwrap();
    let out = run(&["diff", good.to_str().unwrap(), m]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out),
        format!("{m}: cannot read the file (no such file)\n")
    );
    // Both files unreadable: both reported.
    let out = run(&["diff", m, m]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 2);
}

#[test]
fn the_new_commands_check_their_file_count() {
    for (args, message) in [
        (&["csv"][..], "no FILE given"),
        (
            &["csv", "a.json", "b.json"],
            "csv takes exactly one FILE; 2 given",
        ),
        (
            &["fingerprint", "a.json", "b.json"],
            "fingerprint takes exactly one FILE; 2 given",
        ),
        (
            &["diff", "a.json"],
            "diff takes exactly two files, OLD and NEW; 1 given",
        ),
        (
            &["diff", "a", "b", "c"],
            "diff takes exactly two files, OLD and NEW; 3 given",
        ),
        (
            &["diff", "--json", "a", "b"],
            "--json only applies to score and merge",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).starts_with(&format!("sovcheck: {message}\n")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let out = run(&["diff", "--lang", "fr", "a.json"]);
    assert!(stderr(&out).starts_with(&fr(
        "sovcheck: diff prend exactement deux fichiers, ANCIEN et NOUVEAU ; 1 donné\n"
    )));
}

#[test]
fn verify_matches_the_exported_file_and_the_same_assessment_re_saved() {
    let a = sovcheck_core::format::parse_document(MINIMAL.as_bytes())
        .unwrap()
        .into_assessments()
        .remove(0);
    let canonical = sovcheck_core::format::export_assessment(&a);
    let sha = sovcheck_core::export::sha256_hex(canonical.as_bytes());
    let path = file("verify-canonical.json", &canonical);
    let p = path.to_str().unwrap();
    let out = run(&["verify", p, &sha]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{p}: Match: this is exactly the file whose fingerprint was printed.\n")
    );
    // Typed as printed: groups of eight in capitals, unquoted (one argument each).
    let groups: Vec<String> = sha
        .as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect();
    let mut list = vec!["verify", "--lang", "fr", p];
    list.extend(groups.iter().map(String::as_str));
    let out = run(&list);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        fr(&format!(
            "{p} : Concordance : c'est exactement le fichier dont l'empreinte a été imprimée.\n"
        ))
    );

    // The core's hand-laid fixture: other bytes, the same assessment as its canonical export
    // (fingerprint from `sha256sum`, see the fingerprint test above).
    let fixture = core_fixture("mixed-secnumcloud-iaas");
    let f = fixture.to_str().unwrap();
    let out = run(&[
        "verify",
        f,
        "975166d4d18dd3914e5618d71ce9b21eef07fa2d4ba21b84a0c42bc6ae5264dc",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{f}: The content matches, but the file was re-saved or re-formatted: its bytes differ from the exported file, yet the assessment it holds is exactly the one that was fingerprinted.\n")
    );
}

#[test]
fn verify_fails_on_another_file_a_report_or_a_broken_file() {
    let sha = sovcheck_core::export::sha256_hex(MINIMAL.as_bytes());
    let other = file(
        "verify-other.json",
        &MINIMAL.replace("\"rung\": 3", "\"rung\": 2"),
    );
    let o = other.to_str().unwrap();
    let out = run(&["verify", o, &sha]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{o}: No match: this file is not the one whose fingerprint was printed, or it was changed after the export.\n")
    );

    let pdf = file(
        "verify-report.pdf",
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    );
    let p = pdf.to_str().unwrap();
    let out = run(&["verify", p, &sha]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{p}: This is a PDF, not an assessment file. The fingerprint printed in the report is that of the exported assessment (.json): check that file.\n")
    );
    let html = file(
        "verify-report.html",
        "<!DOCTYPE html>\n<html lang=\"fr\"></html>\n",
    );
    let h = html.to_str().unwrap();
    let out = run(&["verify", "--lang", "fr", h, &sha]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        fr(&format!("{h} : C'est une page HTML, pas un fichier d'évaluation. L'empreinte imprimée dans le rapport est celle de l'évaluation exportée (.json) : vérifiez ce fichier.\n"))
    );

    let broken = file("verify-broken.json", "[1, 2]");
    let out = run(&["verify", broken.to_str().unwrap(), &sha]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(": No match, and this file is not a sovcheck document: "),
        "{}",
        stdout(&out)
    );

    let missing =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests/verify-missing.json");
    let m = missing.to_str().unwrap();
    let out = run(&["verify", m, &sha]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out),
        format!("{m}: cannot read the file (no such file)\n")
    );
}

#[test]
fn verify_usage_errors_exit_2() {
    for (args, message) in [
        (
            &["verify", "a.json"][..],
            "sovcheck: verify takes a FILE and a FINGERPRINT; no FINGERPRINT given\n",
        ),
        (
            &["verify", "a.json", "abc"],
            "sovcheck: FINGERPRINT: a fingerprint has 64 characters; this one has 3.\n",
        ),
        (
            &["verify", "a.json", "sha256:e3b0"],
            "sovcheck: FINGERPRINT: “s” is not a hexadecimal character (0-9, a-f).\n",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty());
        assert!(
            stderr(&out).starts_with(message),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("sovcheck verify [--lang en|fr|de] FILE FINGERPRINT"));
    }
    let out = run(&["verify", "--lang", "fr", "a.json", "abc"]);
    assert!(stderr(&out).starts_with(&fr(
        "sovcheck: EMPREINTE : une empreinte compte 64 caractères ; celle-ci en compte 3.\n"
    )));
}

// ------------------------------------------------------------------- merge

mod merge {
    use super::{file, fr, run, stderr, stdout};
    use sovcheck_core::format::{export_assessment, export_response, parse_document};
    use sovcheck_core::model::{Answer, Assessment, LogEvent, Respondent, Role, Scope};
    use sovcheck_core::questionnaire::{self, blank_response, prepare, Share};

    /// BASE: SOV-1.1 at rung 1, SOV-1.2 at rung 2, the rest open; the legal questionnaire
    /// (question q4: SOV-1.1, 1.2, 1.4, 2.1, 2.2) recorded.
    fn base() -> (Assessment, questionnaire::Questionnaire) {
        let mut a = Assessment {
            id: "a-1".into(),
            ..Assessment::default()
        };
        a.meta.assessor = "C. Iso".into();
        for (id, r) in [("SOV-1.1", 1), ("SOV-1.2", 2)] {
            a.answers.insert(
                id.into(),
                Answer {
                    rung: Some(r),
                    ..Answer::default()
                },
            );
        }
        let q = prepare(
            &a,
            "q-legal",
            Respondent {
                name: "M. Law".into(),
                role: Some(Role::Legal),
            },
            &Scope {
                questions: vec!["q4".into()],
                ..Scope::default()
            },
            "",
            None,
            None,
            Share::default(),
        );
        questionnaire::record(&mut a, &q);
        (a, q)
    }

    /// The legal response: fills SOV-1.4, confirms SOV-1.2, conflicts on SOV-1.1.
    fn response(q: &questionnaire::Questionnaire) -> String {
        let mut r = blank_response(q);
        r.answered = sovcheck_core::model::Date::new(2026, 12, 3);
        for (id, rung) in [("SOV-1.1", 3), ("SOV-1.2", 2), ("SOV-1.4", 1)] {
            r.answers.insert(
                id.into(),
                Answer {
                    rung: Some(rung),
                    source: "Register extract".into(),
                    ..Answer::default()
                },
            );
        }
        export_response(&r)
    }

    fn label(id: &str, rung: u8, lang: sovcheck_core::Lang) -> &'static str {
        sovcheck_core::criterion(id)
            .unwrap()
            .rung(rung)
            .unwrap()
            .label
            .get(lang)
    }

    #[test]
    fn merge_fills_confirms_and_names_conflicts_with_exit_3_in_each_language() {
        let (a, q) = base();
        let base = file("merge-base.json", &export_assessment(&a));
        let resp = file("merge-legal.json", &response(&q));
        let out = file("merge-out.json", "");
        let (b, r, o) = (
            base.to_str().unwrap(),
            resp.to_str().unwrap(),
            out.to_str().unwrap(),
        );
        let run_en = run(&["merge", b, r, "--out", o]);
        assert_eq!(run_en.status.code(), Some(3), "{}", stderr(&run_en));
        use sovcheck_core::Lang::{En, Fr};
        assert_eq!(
            stdout(&run_en),
            format!(
                "{r}: 1 filled; 1 confirmed; 1 conflict\n  SOV-1.1: conflict, BASE kept: {}; response: {} (M. Law (legal))\nwritten: {o}\n",
                label("SOV-1.1", 1, En),
                label("SOV-1.1", 3, En)
            )
        );
        // The written file validates and records the respondent and the landing.
        let merged = parse_document(&std::fs::read(&out).unwrap())
            .unwrap()
            .into_assessments()
            .remove(0);
        assert_eq!(merged.answers["SOV-1.1"].rung, Some(1), "BASE kept");
        let filled = &merged.answers["SOV-1.4"];
        assert_eq!(filled.rung, Some(1));
        assert_eq!(filled.source, "Register extract");
        let p = filled.provenance.as_ref().unwrap();
        assert_eq!(
            (p.respondent.as_str(), p.role),
            ("M. Law", Some(Role::Legal))
        );
        assert_eq!(p.accepted_by, "C. Iso");
        let events: Vec<LogEvent> = merged.log.iter().map(|e| e.event).collect();
        assert_eq!(
            events,
            [LogEvent::Landed, LogEvent::Confirmed, LogEvent::Filled]
        );
        let v = run(&["validate", o]);
        assert_eq!(stdout(&v), format!("{o}: ok (1 assessment)\n"));

        // French, from the same base.
        let run_fr = run(&["merge", "--lang", "fr", b, r, "--out", o]);
        assert_eq!(run_fr.status.code(), Some(3));
        assert_eq!(
            stdout(&run_fr),
            format!(
                "{}\n  {}\n{}\n",
                fr(&format!("{r} : 1 complété ; 1 confirmé ; 1 conflit")),
                fr(&format!(
                    "SOV-1.1 : conflit, BASE gardée : {} ; réponse : {} (M. Law (juridique))",
                    label("SOV-1.1", 1, Fr),
                    label("SOV-1.1", 3, Fr)
                )),
                fr(&format!("écrit : {o}"))
            )
        );

        // Landing the same response in the merged file changes nothing.
        let again = file("merge-again.json", "");
        let a2 = again.to_str().unwrap();
        let run2 = run(&["merge", o, r, "--out", a2]);
        assert_eq!(
            run2.status.code(),
            Some(3),
            "the conflict is still undecided"
        );
        let twice = parse_document(&std::fs::read(&again).unwrap())
            .unwrap()
            .into_assessments()
            .remove(0);
        assert_eq!(twice.log, merged.log, "the log does not grow");
        assert_eq!(twice.answers, merged.answers);
    }

    #[test]
    fn merge_exits_0_without_conflict_and_speaks_json() {
        let (mut a, q) = base();
        a.answers.remove("SOV-1.1");
        let base = file("merge-json-base.json", &export_assessment(&a));
        let resp = file("merge-json-legal.json", &response(&q));
        let out = file("merge-json-out.json", "");
        let o = out.to_str().unwrap();
        let r = resp.to_str().unwrap();
        let run = run(&["merge", "--json", base.to_str().unwrap(), r, "--out", o]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let v: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "out": o,
                "conflicts": 0,
                "responses": [{
                    "file": r,
                    "questionnaire": "q-legal",
                    "respondent": {"name": "M. Law", "role": "legal"},
                    "filled": ["SOV-1.1", "SOV-1.4"],
                    "confirmed": ["SOV-1.2"],
                    "conflicts": [],
                    "alreadyLanded": 0,
                }]
            })
        );
    }

    #[test]
    fn merge_refuses_other_assessments_and_foreign_questionnaires_and_writes_nothing() {
        let (a, q) = base();
        let base = file("merge-bad-base.json", &export_assessment(&a));
        let b = base.to_str().unwrap();
        let mut other = q.clone();
        other.assessment = "a-2".into();
        let cases = [
            (
                response(&other),
                "this response belongs to assessment “a-2”, not to “a-1”",
            ),
            (
                response(&q).replace("q-legal", "q-forged"),
                "this response answers questionnaire “q-forged”, which this assessment did not send",
            ),
        ];
        for (i, (text, message)) in cases.into_iter().enumerate() {
            let resp = file(&format!("merge-bad-{i}.json"), &text);
            let out = PathBufExt::fresh(&format!("merge-bad-out-{i}.json"));
            let r = resp.to_str().unwrap();
            let run = run(&["merge", b, r, "--out", out.to_str().unwrap()]);
            assert_eq!(run.status.code(), Some(1));
            assert_eq!(stderr(&run), format!("{r}: {message}\n"));
            assert!(!out.exists(), "nothing written");
        }
        // A newer format, and usage errors.
        let newer = file(
            "merge-newer.json",
            r#"{"formatVersion": 3, "response": {}}"#,
        );
        let run1 = run(&["merge", b, newer.to_str().unwrap(), "--out", "x.json"]);
        assert_eq!(run1.status.code(), Some(1));
        assert!(stderr(&run1).contains("format version 3 was written by a newer sovcheck"));
        let run2 = run(&["merge", b, "--out", "x.json"]);
        assert_eq!(run2.status.code(), Some(2));
        assert!(stderr(&run2).starts_with("sovcheck: merge takes BASE and at least one RESPONSE\n"));
        let run3 = run(&["merge", b, b]);
        assert_eq!(run3.status.code(), Some(2));
        assert!(stderr(&run3).starts_with("sovcheck: merge needs --out FILE\n"));
        // A questionnaire is not something to score.
        let qfile = file(
            "merge-questionnaire.json",
            &sovcheck_core::format::export_questionnaire(&q),
        );
        let qf = qfile.to_str().unwrap();
        let run4 = run(&["score", qf]);
        assert_eq!(run4.status.code(), Some(1));
        assert_eq!(
            stderr(&run4),
            format!("{qf}: this file is a questionnaire, not an assessment\n")
        );
        let run5 = run(&["validate", "--lang", "fr", qf]);
        assert_eq!(
            stdout(&run5),
            fr(&format!("{qf} : ok (un questionnaire)\n"))
        );
    }

    /// A path under the test directory that does not exist yet.
    struct PathBufExt;
    impl PathBufExt {
        fn fresh(name: &str) -> std::path::PathBuf {
            let p = file(name, "");
            std::fs::remove_file(&p).unwrap();
            p
        }
    }

    #[test]
    fn an_encrypted_file_from_the_browser_is_read_with_a_passphrase_file_only() {
        // Encrypted by WebCrypto (Node's, as the browser does it): docs/examples/response.json
        // under "correct horse battery staple".
        let enc = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/response-encrypted.json");
        let e = enc.to_str().unwrap();
        let good = file("pass-good.txt", "correct horse battery staple\n");
        let bad = file("pass-bad.txt", "correct horse battery stapler\n");
        let empty = file("pass-empty.txt", "\n");
        let ok = run(&["validate", "--passphrase-file", good.to_str().unwrap(), e]);
        assert_eq!(
            stdout(&ok),
            format!("{e}: ok (a response to a questionnaire)\n")
        );
        let cases = [
            (
                bad,
                "the passphrase is wrong, or the file was altered",
                "la phrase secrète est fausse, ou le fichier a été modifié",
            ),
            (
                empty,
                "the passphrase file is empty",
                "le fichier de phrase secrète est vide",
            ),
        ];
        for (pass, en, fr_text) in cases {
            let p = pass.to_str().unwrap();
            let out = run(&["validate", "--passphrase-file", p, e]);
            assert_eq!(out.status.code(), Some(1));
            assert_eq!(stdout(&out), format!("{e}: {en}\n"));
            let out = run(&["validate", "--lang", "fr", "--passphrase-file", p, e]);
            assert_eq!(stdout(&out), fr(&format!("{e} : {fr_text}\n")));
        }
        // Standard input is not a terminal here: no prompt, a clear error.
        let none = run(&["validate", e]);
        assert_eq!(
            stdout(&none),
            format!("{e}: the file is encrypted: give --passphrase-file FILE, or run sovcheck in a terminal to type the passphrase\n")
        );
        // Never from an argument.
        let arg = run(&[
            "validate",
            "--passphrase",
            "correct horse battery staple",
            e,
        ]);
        assert_eq!(arg.status.code(), Some(2));
    }
}

#[test]
fn diff_tells_a_provider_declared_answer_from_a_verified_one() {
    let declared = file(
        "diff-declared.json",
        r#"{"formatVersion": 2, "assessment": {"answers": {"SOV-1.1": {"rung": 3, "provenance": {"respondent": "Acme KAM", "role": "provider"}}}}}"#,
    );
    let audited = file(
        "diff-audited.json",
        r#"{"formatVersion": 2, "assessment": {"answers": {"SOV-1.1": {"rung": 3, "evidenceLevel": "audited", "provenance": {"respondent": "Acme KAM", "role": "provider", "acceptedBy": "C. Iso"}}}}}"#,
    );
    let (d, a) = (declared.to_str().unwrap(), audited.to_str().unwrap());
    let out = run(&["diff", d, a]);
    assert_eq!(
        stdout(&out).lines().nth(2),
        Some("SOV-1.1: evidence changed: evidence level, provenance; no longer rests on the provider's declaration only")
    );
    let out = run(&["diff", "--lang", "fr", a, d]);
    assert_eq!(
        stdout(&out).lines().nth(2).map(str::to_owned),
        Some(fr("SOV-1.1 : preuve modifiée : niveau de preuve, provenance ; ne repose plus que sur la déclaration du prestataire"))
    );
}

#[test]
fn merge_lands_another_copy_of_the_assessment_with_its_assessor_as_respondent() {
    let base = file(
        "merge-copy-base.json",
        r#"{"formatVersion": 2, "assessment": {"id": "a-1", "meta": {"assessor": "C. Iso"}, "answers": {"SOV-1.1": {"rung": 2}}}}"#,
    );
    let copy = file(
        "merge-copy-arch.json",
        r#"{"formatVersion": 2, "assessment": {"id": "a-1", "meta": {"assessor": "A. Rchitect", "date": "2026-12-02"}, "answers": {"SOV-1.1": {"rung": 2}, "SOV-5.1": {"rung": 1, "source": "SBOM review"}}, "overrides": {"SOV-5": {"level": 1, "justification": "not landed"}}}}"#,
    );
    let out = file("merge-copy-out.json", "");
    let (b, c, o) = (
        base.to_str().unwrap(),
        copy.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    let run1 = run(&["merge", b, c, "--out", o]);
    assert_eq!(run1.status.code(), Some(0), "{}", stderr(&run1));
    assert_eq!(
        stdout(&run1),
        format!("{c}: 1 filled; 1 confirmed; 0 conflicts\nwritten: {o}\n")
    );
    let merged: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let a = &merged["assessment"];
    assert_eq!(
        a["answers"]["SOV-5.1"],
        json!({"rung": 1, "source": "SBOM review", "received": "2026-12-02",
               "provenance": {"respondent": "A. Rchitect", "acceptedBy": "C. Iso",
                              "acceptedOn": a["answers"]["SOV-5.1"]["provenance"]["acceptedOn"]}})
    );
    assert_eq!(a.get("overrides"), None, "overrides are never landed");
    assert_eq!(a["log"][0]["source"], "merge-copy-arch.json");
    // A copy of another assessment is refused.
    let other = file(
        "merge-copy-other.json",
        r#"{"formatVersion": 2, "assessment": {"id": "a-9"}}"#,
    );
    let run2 = run(&[
        "merge",
        "--lang",
        "fr",
        b,
        other.to_str().unwrap(),
        "--out",
        o,
    ]);
    assert_eq!(run2.status.code(), Some(1));
    assert_eq!(
        stderr(&run2),
        fr(&format!(
            "{} : cette réponse appartient à l'évaluation « a-9 », pas à « a-1 »\n",
            other.display()
        ))
    );
}

/// A provider that clears the screen and sets the terminal's title, an offer that starts a
/// fake line, an id in red, a bidirectional override: all shown escaped, never obeyed.
const HOSTILE: &str = "{\"formatVersion\": 2, \"assessment\": {\"id\": \"x\\u001b[31m\", \"meta\": {\"provider\": \"\\u001b[2J\\u001b[H\\u001b]0;pwned\\u0007Acme \\u202e0-LAES\", \"offer\": \"IaaS\\r\\nFAKE LINE: SEAL-4 all good\"}, \"answers\": {\"SOV-1.1\": {\"rung\": 1, \"note\": \"\\u009b2J\\u2067x\"}}}}";

/// Whether `s` holds anything a terminal would obey or turn around.
fn inert(s: &str) -> bool {
    !s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\r')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[test]
fn control_and_bidi_characters_from_a_file_are_shown_escaped() {
    let path = file("hostile-text.json", HOSTILE);
    let p = path.to_str().unwrap();
    let out = run(&["score", p]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(inert(&table), "{table:?}");
    assert!(!table.contains('\r'), "{table:?}");
    let row = table.lines().nth(1).unwrap();
    assert!(
        row.starts_with(&format!(
            "{p}  <U+001B>[2J<U+001B>[H<U+001B>]0;pwned<U+0007>Acme <U+202E>0-LAES  IaaS<U+000D><U+000A>FAKE LINE: SEAL-4 all good  SEAL-0 to SEAL-1"
        )),
        "{row}"
    );
    assert_eq!(
        table.lines().count(),
        3,
        "no line of the file's own: {table}"
    );

    // JSON: the same data, every hostile character as a JSON escape.
    let out = run(&["score", "--json", p]);
    let text = stdout(&out);
    assert!(inert(&text), "{text:?}");
    assert!(
        text.contains(r#""provider":"\u001b[2J\u001b[H\u001b]0;pwned\u0007Acme \u202e0-LAES""#),
        "{text}"
    );
    let v = &json_lines(&out)[0];
    assert_eq!(
        v["provider"],
        "\u{1b}[2J\u{1b}[H\u{1b}]0;pwned\u{7}Acme \u{202e}0-LAES"
    );
    assert_eq!(v["id"], "x\u{1b}[31m");

    let out = run(&["fingerprint", p]);
    assert!(
        stdout(&out).ends_with("  x<U+001B>[31m\n"),
        "{}",
        stdout(&out)
    );

    // CSV keeps a quoted cell's line breaks; everything else is escaped.
    let out = run(&["csv", p]);
    let csv = stdout(&out);
    assert!(inert(&csv), "{csv:?}");
    assert!(csv.contains("<U+009B>2J<U+2067>x"), "{csv}");

    // A value quoted in an error, and a file name, are escaped too.
    let bad = file(
        "hostile-\u{1b}]0;t\u{7}-name.json",
        "{\"formatVersion\": 2, \"assessment\": {\"meta\": {\"zz\\u001b[2J\\u202e\": 1}}}",
    );
    let out = run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = stdout(&out);
    assert!(inert(&line), "{line:?}");
    assert!(
        // (The path writes a key as a Rust string literal would.)
        line.ends_with("hostile-<U+001B>]0;t<U+0007>-name.json: assessment.meta[\"zz\\u{1b}[2J\\u{202e}\"]: unknown field \"zz<U+001B>[2J<U+202E>\"\n"),
        "{line}"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_refused_without_waiting() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("no-writer.fifo");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let f = fifo.to_str().unwrap();
    let started = std::time::Instant::now();
    for (args, exit) in [
        (vec!["score", f], 1),
        (vec!["validate", f], 1),
        (vec!["fingerprint", f], 1),
        (vec!["csv", f], 1),
        (vec!["verify", f, &"0".repeat(64)], 1),
        (vec!["score", "/dev/zero"], 1),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(exit), "{args:?}");
        let said = stderr(&out) + &stdout(&out);
        assert!(
            said.ends_with(": cannot read the file (it is not a regular file, but a pipe, a device or a socket)\n"),
            "{args:?}: {said}"
        );
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let out = run(&["validate", "--lang", "fr", f]);
    assert_eq!(
        stdout(&out),
        fr(&format!("{f} : impossible de lire le fichier (ce n'est pas un fichier ordinaire, mais un tube, un périphérique ou une socket)\n"))
    );
    std::fs::remove_file(&fifo).unwrap();
}

#[test]
fn an_encrypted_or_utf16_file_is_named_for_what_it_is() {
    let enc = file(
        "encrypted.json",
        r#"{"sovcheckEncrypted": 1, "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "AAAAAAAAAAAAAAAAAAAAAA=="}, "cipher": {"name": "AES-GCM", "iv": "AAAAAAAAAAAAAAAA"}, "data": "AAAAAAAAAAAAAAAAAAAAAA=="}"#,
    );
    let e = enc.to_str().unwrap();
    let out = run(&["validate", e]);
    assert_eq!(
        stdout(&out),
        format!("{e}: the file is encrypted: give --passphrase-file FILE, or run sovcheck in a terminal to type the passphrase\n")
    );
    let out = run(&["verify", e, &"a".repeat(64)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{e}: No match: this file is not the one whose fingerprint was printed, or it was changed after the export. This is an encrypted sovcheck file: open it in the sovcheck app, with its passphrase.\n")
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sovcheck-cli-tests");
    let utf16 = dir.join("utf16.json");
    let mut bytes = vec![0xFF, 0xFE];
    for u in MINIMAL.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let u = utf16.to_str().unwrap();
    let out = run(&["validate", "--lang", "fr", u]);
    assert_eq!(
        stdout(&out),
        fr(&format!(
            "{u} : le fichier est du texte UTF-16 ; enregistrez-le en UTF-8\n"
        ))
    );
}

#[test]
fn german_is_spoken_by_every_command_asked_with_lang_de() {
    // The score table: the same columns and verdicts as the app, in German words.
    let path = verdict_workspace();
    let p = path.to_str().unwrap();
    let out = run(&["score", "--lang", "de", p]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        cells(rows[0]),
        [
            "Datei",
            "Anbieter",
            "Angebot",
            "SEAL",
            "Wert",
            "Zielstufe",
            "Beantwortet/unbekannt/unbeantwortet",
            "Begrenzende Kriterien",
            "Begrenzt durch"
        ]
    );
    let trial = cells(rows[1]);
    assert_eq!(&trial[..4], [p, "Trial", "-", "SEAL-0 bis SEAL-1"]);
    assert_eq!(&trial[5..7], ["SEAL-3: nicht erreicht", "2/1/45"]);
    let near = cells(rows[2]);
    assert_eq!(&near[5..], ["SEAL-2: offen", "47/1/0", "SOV-1.8*", "-"]);
    assert_eq!(
        rows[3],
        "* offen: begrenzt, weil die ungünstigste Antwort angenommen wird"
    );
    assert_eq!(
        rows[4],
        format!("{p}: Zielstufe SEAL-2 offen; Mindestantworten, die sie erreichen: SOV-1.8 mindestens Antwortstufe 2")
    );

    // Validation errors.
    let broken = file("broken-de.json", BROKEN);
    let b = broken.to_str().unwrap();
    let out = run(&["validate", "--lang", "de", b]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{b}: assessment.answers[\"SOV-3.1\"].rung: 7 liegt außerhalb des Bereichs 0..4\n")
    );

    // Usage.
    let out = run(&["--help", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("Aufruf: sovcheck score [--json] [--lang en|fr|de] DATEI..."));

    // The CSV: German words, a semicolon between cells (German spreadsheets read the comma
    // as the decimal mark) and a byte-order mark.
    let path = file("csv-de.json", MINIMAL);
    let out = run(&["csv", "--lang", "de", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 49);
    assert_eq!(
        lines[0],
        "\u{feff}Ziel;Kriterium;Titel;Status;Antwortstufe;Antwort;Anmerkung;Quelle;Nachweisniveau;Gültig bis"
    );
    assert!(text.contains(";SOV-2.2;") && text.contains(";unbekannt;;Weiß ich nicht;"));
    assert!(lines[1].starts_with("SOV-1;SOV-1.1;"), "{}", lines[1]);
    assert!(lines[1].contains(";beantwortet;3;"), "{}", lines[1]);
}
