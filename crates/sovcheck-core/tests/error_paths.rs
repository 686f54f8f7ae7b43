//! The error paths of the typed read, against serde_path_to_error.
//!
//! `format` no longer wraps serde_json's deserializer with serde_path_to_error (a wasm size
//! saving): it recovers the path of an error from the byte position serde_json reports.
//! These tests check that the recovered path is exactly the one serde_path_to_error gives
//! for the same bytes and the same envelope types (versions 2, 1 and 0): on hand-written
//! cases for every kind of error at several depths, each in several layouts, and on a
//! bounded-time mutation loop
//! over real exports, textual (as in `fuzz.rs`) and structural (values of the wrong kind,
//! unknown, duplicate and escaped keys, objects turned into lists, moved subtrees).
//!
//! `SOVCHECK_FUZZ_SECONDS` sets the loop's time (default 3); it prints its seed, replayed
//! with `SOVCHECK_FUZZ_SEED=<n>`. Every mismatch prints the input and both paths.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use proptest::prelude::RngExt;
use proptest::test_runner::TestRng;
use serde::de::DeserializeOwned;
use sovcheck_core::format::{
    export_assessment, export_workspace, parse_document, typed_with_path, EnvelopeV0, EnvelopeV1,
    EnvelopeV2,
};
use sovcheck_core::model::{
    Aggregation, Answer, Approver, Assessment, Date, Decision, EvidenceLevel, LogEntry, LogEvent,
    Meta, Override, PlanItem, PlanStatus, Provenance, Role, SecNumCloud, Sensitivity, ServiceModel,
    SignOff, SncAnswer, SncStatus, Stage, Weights,
};
use sovcheck_core::{criteria, Seal};
use std::time::Instant;

// ---------------------------------------------------------------------------------------
// The comparison.

/// How serde_path_to_error's path was rendered before: `a.b["SOV-3.1"][2]`.
fn render(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => push_key(&mut out, key),
            Segment::Unknown => {}
        }
    }
    out
}

fn push_key(out: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push_str(&format!("[{key:?}]"));
    }
}

/// An error of the typed read: its path and serde_json's message (with its position).
#[derive(Debug, PartialEq, Eq)]
struct Failure {
    path: String,
    error: String,
}

fn reference<T: DeserializeOwned>(bytes: &[u8]) -> Option<Failure> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => Some(Failure {
            path: render(e.path()),
            error: e.inner().to_string(),
        }),
        Ok(_) => de.end().err().map(|e| Failure {
            path: String::new(),
            error: e.to_string(),
        }),
    }
}

fn ours<T: DeserializeOwned>(bytes: &[u8]) -> Option<Failure> {
    typed_with_path::<T>(bytes).err().map(|(path, e)| Failure {
        path,
        error: e.to_string(),
    })
}

/// The document as the typed read sees it, or `None` when the untyped read refuses it
/// (syntax, truncation, depth, not an object): the typed read never runs on those.
fn typed_input(bytes: &[u8]) -> Option<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(serde_json::Value::Object(_)) => Some(bytes),
        _ => None,
    }
}

/// What one input gave with one envelope.
struct Compared {
    envelope: &'static str,
    reference: Option<Failure>,
    ours: Option<Failure>,
}

impl Compared {
    fn agrees(&self) -> bool {
        self.reference == self.ours
    }

    fn report(&self, input: &[u8]) -> String {
        format!(
            "paths differ ({}) for input:\n{}\nserde_path_to_error: {:?}\nrecovered:           {:?}\n",
            self.envelope,
            String::from_utf8_lossy(input),
            self.reference,
            self.ours
        )
    }
}

fn compare_as<T: DeserializeOwned>(envelope: &'static str, bytes: &[u8]) -> Compared {
    Compared {
        envelope,
        reference: reference::<T>(bytes),
        ours: ours::<T>(bytes),
    }
}

/// Every version's envelope on `bytes` (whatever its `formatVersion`: more shapes for
/// each).
fn compare(bytes: &[u8]) -> [Compared; 3] {
    [
        compare_as::<EnvelopeV2>("format version 2", bytes),
        compare_as::<EnvelopeV1>("format version 1", bytes),
        compare_as::<EnvelopeV0>("format version 0", bytes),
    ]
}

// ---------------------------------------------------------------------------------------
// Layouts: the same document with other whitespace, which moves every error position.

/// Inserts `ws` after every `{`, `[`, `,` and `:` and before every `}`, `]` and `,`
/// outside strings (`before_colon` also before `:`).
fn spread(json: &str, ws: &str, before_colon: bool) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                out.push_str(ws);
            }
            '}' | ']' => {
                out.push_str(ws);
                out.push(c);
            }
            ',' => {
                out.push_str(ws);
                out.push(c);
                out.push_str(ws);
            }
            ':' => {
                if before_colon {
                    out.push_str(ws);
                }
                out.push(c);
                out.push_str(ws);
            }
            _ => out.push(c),
        }
    }
    out
}

fn layouts(json: &str, v0: bool) -> Vec<String> {
    let mut out = vec![
        json.to_owned(),
        spread(json, " ", false),
        spread(json, "\n  ", true),
        spread(json, "\r\n\t", true),
    ];
    // Multi-byte text before the error on its line: columns count bytes.
    let key = if v0 { "provider" } else { "contentVersion" };
    if !json.contains(&format!("\"{key}\"")) {
        out.push(format!(
            "{{\"{key}\":\"é 🚀 «»\",{}",
            json.strip_prefix('{').unwrap()
        ));
    }
    out
}

/// Whether `doc` is a format version 0 document.
fn is_v0(doc: &str) -> bool {
    doc.contains(r#""formatVersion":0"#)
}

/// The name of the envelope that reads `doc` (by its `formatVersion`).
fn own_envelope(doc: &str) -> &'static str {
    ["format version 0", "format version 1", "format version 2"]
        .into_iter()
        .zip(0..)
        .find(|(_, v)| doc.contains(&format!(r#""formatVersion":{v}"#)))
        .map_or("none", |(name, _)| name)
}

// ---------------------------------------------------------------------------------------
// Hand-written cases.

/// `{"formatVersion": 1, "assessment": {MEMBERS}}`.
fn a(members: &str) -> String {
    format!(r#"{{"formatVersion":1,"assessment":{{{members}}}}}"#)
}

/// `{"formatVersion": 1, "assessments": [{}, {}, {MEMBERS}]}`.
fn third(members: &str) -> String {
    format!(r#"{{"formatVersion":1,"assessments":[{{}},{{"id":"b"}},{{{members}}}]}}"#)
}

/// `{"formatVersion": 0, MEMBERS}`.
fn v0(members: &str) -> String {
    format!(r#"{{"formatVersion":0,{members}}}"#)
}

/// `{"formatVersion": 2, "assessment": {MEMBERS}}`.
fn a2(members: &str) -> String {
    format!(r#"{{"formatVersion":2,"assessment":{{{members}}}}}"#)
}

/// `{"formatVersion": 2, "assessments": [{}, {}, {MEMBERS}]}`.
fn third2(members: &str) -> String {
    format!(r#"{{"formatVersion":2,"assessments":[{{}},{{"id":"b"}},{{{members}}}]}}"#)
}

/// Documents whose typed read fails, with the path serde_path_to_error reports (checked
/// too: a wrong expectation here fails as loudly as a wrong recovery).
fn error_cases() -> Vec<(String, &'static str)> {
    let weights99 = r#""weights":{"SOV-1":15,"SOV-2":10,"SOV-3":10,"SOV-4":15,"SOV-5":20,"SOV-6":15,"SOV-7":10,"SOV-8":4}"#;
    let mut cases: Vec<(String, &'static str)> = vec![
        // Top level.
        (
            r#"{"formatVersion":1,"bogus":1,"assessment":{}}"#.into(),
            "bogus",
        ),
        (r#"{"formatVersion":1,"bo gus":1}"#.into(), r#"["bo gus"]"#),
        (
            r#"{"formatVersion":1,"contentVersion":5,"assessment":{}}"#.into(),
            "contentVersion",
        ),
        (
            r#"{"formatVersion":1,"contentVersion":[],"assessment":{}}"#.into(),
            "contentVersion",
        ),
        (r#"{"formatVersion":1,"assessment":5}"#.into(), "assessment"),
        (
            r#"{"formatVersion":1,"assessment":"x"}"#.into(),
            "assessment",
        ),
        (
            r#"{"formatVersion":1,"assessment":{},"formatVersion":1}"#.into(),
            "",
        ),
        (
            r#"{"formatVersion":1,"assessments":{}}"#.into(),
            "assessments",
        ),
        (
            r#"{"formatVersion":1,"assessments":[{},5]}"#.into(),
            "assessments[1]",
        ),
        // The assessment.
        (a(r#""id":1"#), "assessment.id"),
        (a(r#""bogus":true"#), "assessment.bogus"),
        (a(r#""id":"x","bogus":{"a":[1]}"#), "assessment.bogus"),
        (a(r#""bo gus":true"#), r#"assessment["bo gus"]"#),
        (a(r#""SOV-3.1":true"#), r#"assessment["SOV-3.1"]"#),
        (a(r#""é":1"#), r#"assessment["é"]"#),
        (
            a(r#""b\u00e9\"\\\/\n\t\ud83d\ude80":1"#),
            "assessment[\"bé\\\"\\\\/\\n\\t🚀\"]",
        ),
        (a(r#""\u0069d":5"#), "assessment.id"),
        (a(r#""id":"a","id":"b""#), "assessment"),
        (a(r#""modified":null"#), "assessment.modified"),
        (a(r#""aggregation":"mean""#), "assessment.aggregation"),
        (a(r#""aggregation":null"#), "assessment.aggregation"),
        (a(r#""aggregation":[]"#), "assessment.aggregation"),
        (a(r#""aggregation":{}"#), "assessment.aggregation"),
        (
            a(r#""aggregation":{"weighted-mean":1}"#),
            r#"assessment.aggregation["weighted-mean"]"#,
        ),
        // Meta.
        (a(r#""meta":{"title":5}"#), "assessment.meta.title"),
        (a(r#""meta":{"title":{}}"#), "assessment.meta.title"),
        (a(r#""meta":{"title":[1,2]}"#), "assessment.meta.title"),
        (a(r#""meta":{"date":"2026-02-30"}"#), "assessment.meta.date"),
        (
            a(r#""meta":{"date":"2026-02-30","title":"x"}"#),
            "assessment.meta.date",
        ),
        (
            a(r#""meta":{"title":"x","date":"bad"},"id":"x""#),
            "assessment.meta.date",
        ),
        (a(r#""meta":{"date":5}"#), "assessment.meta.date"),
        (
            a(r#""meta":{"targetSeal":9}"#),
            "assessment.meta.targetSeal",
        ),
        (
            a(r#""meta":{"targetSeal":9,"date":"2026-01-01"}"#),
            "assessment.meta.targetSeal",
        ),
        (
            a(r#""meta":{"targetSeal":-1}"#),
            "assessment.meta.targetSeal",
        ),
        (
            a(r#""meta":{"serviceModel":"xaas"}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":5}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":true,"offer":"o"}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":[1]}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":{}}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":{"bogus":null}}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"serviceModel":{"iaas":5}}"#),
            "assessment.meta.serviceModel.iaas",
        ),
        (
            a(r#""meta":{"serviceModel":{"iaas":{}}}"#),
            "assessment.meta.serviceModel.iaas",
        ),
        (
            a(r#""meta":{"serviceModel":{"iaas":null,"x":1}}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a(r#""meta":{"sensitivity":"secret"}"#),
            "assessment.meta.sensitivity",
        ),
        (a(r#""meta":{"title":"a","title":"b"}"#), "assessment.meta"),
        (
            a(r#""meta":{"provider":"p","Title":"t"}"#),
            "assessment.meta.Title",
        ),
        (a(r#""meta":5"#), "assessment.meta"),
        (a(r#""meta":["t",5]"#), "assessment.meta[1]"),
        (a(r#""meta":[[1]]"#), "assessment.meta[0]"),
        (a(r#""meta":["t",{}]"#), "assessment.meta[1]"),
        (
            a(r#""meta":["t","p","o",null,"a","2026-02-30","high"]"#),
            "assessment.meta[5]",
        ),
        (
            a(r#""meta":["t","p","o",null,"a","2026-02-30"]"#),
            "assessment.meta[5]",
        ),
        (
            a(r#""meta":["t","p","o",null,"a",null,null,9]"#),
            "assessment.meta[7]",
        ),
        (
            a(r#""meta":["t","p","o",null,"a",null,null,null,"extra"]"#),
            "assessment.meta",
        ),
        // Answers.
        (
            a(r#""answers":{"SOV-7.1":{"rung":"x"}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":300}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":-1,"note":"n"}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":1.5}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":[1]}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":{}}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"unknown":"yes"}}"#),
            r#"assessment.answers["SOV-7.1"].unknown"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"bogus":1}}"#),
            r#"assessment.answers["SOV-7.1"].bogus"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"evidenceLevel":"sworn"}}"#),
            r#"assessment.answers["SOV-7.1"].evidenceLevel"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"validUntil":"2026-13-01"}}"#),
            r#"assessment.answers["SOV-7.1"].validUntil"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"validUntil":"2026-13-01","note":""}}"#),
            r#"assessment.answers["SOV-7.1"].validUntil"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":1},"SOV-7.1":{"rung":2}}"#),
            "assessment.answers",
        ),
        (
            a(r#""answers":{"SOV-7.1":{"rung":1,"rung":2}}"#),
            r#"assessment.answers["SOV-7.1"]"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":5}"#),
            r#"assessment.answers["SOV-7.1"]"#,
        ),
        (
            a(r#""answers":{"SOV-7.1":["x"]}"#),
            r#"assessment.answers["SOV-7.1"][0]"#,
        ),
        (
            a(r#""answers":{"a\"b":5}"#),
            r#"assessment.answers["a\"b"]"#,
        ),
        (a(r#""answers":[1]"#), "assessment.answers"),
        (a(r#""answers":"x""#), "assessment.answers"),
        // Overrides.
        (
            a(r#""overrides":{"SOV-2":{"level":2}}"#),
            r#"assessment.overrides["SOV-2"]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":{}}"#),
            r#"assessment.overrides["SOV-2"]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":{"level":7,"justification":"x"}}"#),
            r#"assessment.overrides["SOV-2"].level"#,
        ),
        (
            a(r#""overrides":{"SOV-2":{"justification":"x","level":7}}"#),
            r#"assessment.overrides["SOV-2"].level"#,
        ),
        (
            a(r#""overrides":{"SOV-2":{"justification":"x","level":"2"}}"#),
            r#"assessment.overrides["SOV-2"].level"#,
        ),
        (
            a(r#""overrides":{"SOV-2":[2]}"#),
            r#"assessment.overrides["SOV-2"]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":[]}"#),
            r#"assessment.overrides["SOV-2"]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":[2,"j","extra"]}"#),
            r#"assessment.overrides["SOV-2"]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":[9,"j"]}"#),
            r#"assessment.overrides["SOV-2"][0]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":["j"]}"#),
            r#"assessment.overrides["SOV-2"][0]"#,
        ),
        (
            a(r#""overrides":{"SOV-2":{"level":1,"justification":"j"},"SOV-2":{}}"#),
            "assessment.overrides",
        ),
        // Weights.
        (a(r#""weights":"bogus""#), "assessment.weights"),
        (a(r#""weights":5"#), "assessment.weights"),
        (a(r#""weights":null"#), "assessment.weights"),
        (a(r#""weights":{}"#), "assessment.weights"),
        (a(r#""weights":{"SOV-1":100}"#), "assessment.weights"),
        (a(weights99), "assessment.weights"),
        (a(r#""weights":{"SOV-9":1}"#), "assessment.weights"),
        (a(r#""weights":{"sov":1}"#), "assessment.weights"),
        (
            a(r#""weights":{"SOV-1":1,"SOV-1":2}"#),
            "assessment.weights",
        ),
        (
            a(r#""weights":{"SOV-1":"x"}"#),
            r#"assessment.weights["SOV-1"]"#,
        ),
        (
            a(r#""weights":{"SOV-1":-5}"#),
            r#"assessment.weights["SOV-1"]"#,
        ),
        (
            a(r#""weights":{"SOV-1":{}}"#),
            r#"assessment.weights["SOV-1"]"#,
        ),
        (a(r#""weights":[]"#), "assessment.weights"),
        (a(r#""weights":[1]"#), "assessment.weights"),
        (a(r#""weights":[[1]]"#), "assessment.weights"),
        (a(r#""weights":[{"a":1}]"#), "assessment.weights"),
        // SecNumCloud.
        (
            a(r#""secnumcloud":{"criteria":{"SNC-1":{"status":"maybe"}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-1"].status"#,
        ),
        (
            a(r#""secnumcloud":{"criteria":{"SNC-1":{}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-1"]"#,
        ),
        (
            a(r#""secnumcloud":{"criteria":{"SNC-1":{"note":"n"}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-1"]"#,
        ),
        (
            a(r#""secnumcloud":{"criteria":{"SNC-1":{"status":"met"},"SNC-1":{"status":"met"}}}"#),
            "assessment.secnumcloud.criteria",
        ),
        (
            a(r#""secnumcloud":{"criteria":{"SNC-19.2.b":{"status":"met","note":5}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-19.2.b"].note"#,
        ),
        (
            a(r#""secnumcloud":{"serviceModels":["iaas","xaas"]}"#),
            "assessment.secnumcloud.serviceModels[1]",
        ),
        (
            a(r#""secnumcloud":{"serviceModels":["iaas",5]}"#),
            "assessment.secnumcloud.serviceModels[1]",
        ),
        (
            a(r#""secnumcloud":{"serviceModels":["iaas",{"bogus":null}]}"#),
            "assessment.secnumcloud.serviceModels[1]",
        ),
        (
            a(r#""secnumcloud":{"serviceModels":["iaas",{}]}"#),
            "assessment.secnumcloud.serviceModels[1]",
        ),
        (
            a(r#""secnumcloud":{"serviceModels":"iaas"}"#),
            "assessment.secnumcloud.serviceModels",
        ),
        (
            a(r#""secnumcloud":{"lastAudit":"x"}"#),
            "assessment.secnumcloud.lastAudit",
        ),
        (
            a(r#""secnumcloud":{"lastAudit":"x","stage":"j3"}"#),
            "assessment.secnumcloud.lastAudit",
        ),
        (
            a(r#""secnumcloud":{"composition":"yes"}"#),
            "assessment.secnumcloud.composition",
        ),
        (
            a(r#""secnumcloud":{"stage":"j4"}"#),
            "assessment.secnumcloud.stage",
        ),
        // Sign-off.
        (
            a(r#""signoff":{"approvers":[{"name":"a"},{"name":5}]}"#),
            "assessment.signoff.approvers[1].name",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},{"date":"x"}]}"#),
            "assessment.signoff.approvers[1].date",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},{"date":"x","role":"r"}]}"#),
            "assessment.signoff.approvers[1].date",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},{"bogus":1}]}"#),
            "assessment.signoff.approvers[1].bogus",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},["b","r","2026-02-30"]]}"#),
            "assessment.signoff.approvers[1][2]",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},["b","r","2026-02-30"],{}]}"#),
            "assessment.signoff.approvers[1][2]",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},"x"]}"#),
            "assessment.signoff.approvers[1]",
        ),
        (
            a(r#""signoff":{"approvers":[{"name":"a"},["b","r",null,"extra"]]}"#),
            "assessment.signoff.approvers[1]",
        ),
        (
            a(r#""signoff":{"approvers":{"name":"a"}}"#),
            "assessment.signoff.approvers",
        ),
        (
            a(r#""signoff":{"decision":"maybe"}"#),
            "assessment.signoff.decision",
        ),
        (
            a(r#""signoff":{"nextReview":"x","rationale":"r"}"#),
            "assessment.signoff.nextReview",
        ),
        // Workspaces.
        (
            third(r#""answers":{"SOV-3.1":{"rung":"x"}}"#),
            r#"assessments[2].answers["SOV-3.1"].rung"#,
        ),
        (third(r#""meta":{"date":"x"}"#), "assessments[2].meta.date"),
        (
            third(r#""overrides":{"SOV-2":{"level":1}}"#),
            r#"assessments[2].overrides["SOV-2"]"#,
        ),
        (third(r#""bogus":1"#), "assessments[2].bogus"),
        (third(r#""weights":{"SOV-1":1}"#), "assessments[2].weights"),
        (
            third(r#""signoff":{"approvers":[{},{"name":[]}]}"#),
            "assessments[2].signoff.approvers[1].name",
        ),
        // Format version 0.
        (
            v0(r#""answers":{"SOV-1.1":"maybe"}"#),
            r#"answers["SOV-1.1"]"#,
        ),
        (v0(r#""answers":{"SOV-1.1":300}"#), r#"answers["SOV-1.1"]"#),
        (v0(r#""answers":{"SOV-1.1":-1}"#), r#"answers["SOV-1.1"]"#),
        (v0(r#""answers":{"SOV-1.1":null}"#), r#"answers["SOV-1.1"]"#),
        (v0(r#""answers":{"SOV-1.1":[1]}"#), r#"answers["SOV-1.1"]"#),
        (v0(r#""answers":{"SOV-1.1":[]}"#), r#"answers["SOV-1.1"]"#),
        (
            v0(r#""answers":{"SOV-1.1":[[1]]}"#),
            r#"answers["SOV-1.1"]"#,
        ),
        (v0(r#""answers":{"SOV-1.1":{}}"#), r#"answers["SOV-1.1"]"#),
        (
            v0(r#""answers":{"SOV-1.1":{"a":1}}"#),
            r#"answers["SOV-1.1"]"#,
        ),
        (v0(r#""answers":{"SOV-1.1":1,"SOV-1.1":2}"#), "answers"),
        (v0(r#""answers":[]"#), "answers"),
        (v0(r#""weights":"x""#), "weights"),
        (v0(r#""weights":{"SOV-1":100}"#), "weights"),
        (v0(r#""bogus":1"#), "bogus"),
        (v0(r#""provider":1"#), "provider"),
        (v0(r#""offer":"o","offer":"p""#), ""),
        // Format version 2: the same envelope kinds, and the fields it added.
        (a2(r#""bogus":1"#), "assessment.bogus"),
        (
            a2(r#""answers":{"SOV-7.1":{"rung":"x"}}"#),
            r#"assessment.answers["SOV-7.1"].rung"#,
        ),
        (
            a2(r#""meta":{"serviceModel":"iaas"}"#),
            "assessment.meta.serviceModel",
        ),
        (
            a2(r#""meta":{"serviceModels":["iaas","xaas"]}"#),
            "assessment.meta.serviceModels[1]",
        ),
        (
            a2(r#""meta":{"serviceModels":"iaas"}"#),
            "assessment.meta.serviceModels",
        ),
        (a2(r#""meta":["t","p","o",null]"#), "assessment.meta[3]"),
        (
            a2(r#""meta":["t","p","o",[],"a","2026-02-30"]"#),
            "assessment.meta[5]",
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"received":"2026-13-01"}}"#),
            r#"assessment.answers["SOV-7.1"].received"#,
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"received":"2026-13-01","note":"n"}}"#),
            r#"assessment.answers["SOV-7.1"].received"#,
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"provenance":{"role":"ceo"}}}"#),
            r#"assessment.answers["SOV-7.1"].provenance.role"#,
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"provenance":{"acceptedOn":"x","respondent":"r"}}}"#),
            r#"assessment.answers["SOV-7.1"].provenance.acceptedOn"#,
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"provenance":{"bogus":1}}}"#),
            r#"assessment.answers["SOV-7.1"].provenance.bogus"#,
        ),
        (
            a2(r#""answers":{"SOV-7.1":{"provenance":"x"}}"#),
            r#"assessment.answers["SOV-7.1"].provenance"#,
        ),
        (
            a2(r#""dueDiligence":{"q1":{"note":5}}"#),
            "assessment.dueDiligence.q1.note",
        ),
        (
            a2(r#""dueDiligence":{"q1":{"note":"a"},"q1":{}}"#),
            "assessment.dueDiligence",
        ),
        (
            a2(r#""dueDiligence":{"q1":{"evidenceLevel":"sworn"}}"#),
            "assessment.dueDiligence.q1.evidenceLevel",
        ),
        (a2(r#""dueDiligence":[]"#), "assessment.dueDiligence"),
        (
            a2(r#""actionPlan":{"SOV-3":{"status":"started"}}"#),
            r#"assessment.actionPlan["SOV-3"].status"#,
        ),
        (
            a2(r#""actionPlan":{"SOV-3":{"due":"2027-02-30","owner":"o"}}"#),
            r#"assessment.actionPlan["SOV-3"].due"#,
        ),
        (
            a2(r#""actionPlan":{"SOV-3":{"owner":"o","owner":"p"}}"#),
            r#"assessment.actionPlan["SOV-3"]"#,
        ),
        (
            a2(r#""actionPlan":{"SOV-3":["o","2027-02-30"]}"#),
            r#"assessment.actionPlan["SOV-3"][1]"#,
        ),
        (a2(r#""log":[{"event":"landed"},{}]"#), "assessment.log[1]"),
        (
            a2(r#""log":[{"event":"landed"},{"event":"deleted"}]"#),
            "assessment.log[1].event",
        ),
        (
            a2(r#""log":[{"event":"landed","kept":{"validUntil":"x"}}]"#),
            "assessment.log[0].kept.validUntil",
        ),
        (
            a2(r#""log":[{"event":"landed","other":{"rung":300}}]"#),
            "assessment.log[0].other.rung",
        ),
        (
            a2(r#""log":[{"at":5,"event":"landed"}]"#),
            "assessment.log[0].at",
        ),
        (a2(r#""log":{"event":"landed"}"#), "assessment.log"),
        (
            a2(r#""log":[["2026","by","landed"],["2026","by","x"]]"#),
            "assessment.log[1][2]",
        ),
        (
            a2(r#""secnumcloud":{"qualifiedOn":"x","expiresOn":"2028-01-01"}"#),
            "assessment.secnumcloud.qualifiedOn",
        ),
        (
            a2(r#""secnumcloud":{"expiresOn":"x"}"#),
            "assessment.secnumcloud.expiresOn",
        ),
        (
            a2(r#""secnumcloud":{"certificate":1}"#),
            "assessment.secnumcloud.certificate",
        ),
        (
            a2(r#""secnumcloud":{"criteria":{"SNC-1":{"status":"maybe"}}}"#),
            r#"assessment.secnumcloud.criteria["SNC-1"].status"#,
        ),
        (
            third2(r#""log":[{"event":"landed","kept":{"received":"x"}}]"#),
            "assessments[2].log[0].kept.received",
        ),
    ];
    // Deeper: the same kinds inside a workspace's third assessment.
    for (member, path) in [
        (
            r#""meta":{"date":"2026-02-30"}"#,
            "assessments[2].meta.date",
        ),
        (
            r#""meta":["t","p","o",null,"a","2026-02-30"]"#,
            "assessments[2].meta[5]",
        ),
        (
            r#""meta":{"serviceModel":{"iaas":null,"x":1}}"#,
            "assessments[2].meta.serviceModel",
        ),
        (
            r#""overrides":{"SOV-2":[2,"j","extra"]}"#,
            r#"assessments[2].overrides["SOV-2"]"#,
        ),
        (r#""weights":[[1]]"#, "assessments[2].weights"),
    ] {
        cases.push((third(member), path));
    }
    cases
}

/// Documents the typed read accepts (later checks may still refuse them).
fn accepted_cases() -> Vec<String> {
    vec![
        a(""),
        a2(""),
        a2(r#""secnumcloud":{"criteria":{"SNC-1":{}}}"#),
        a2(r#""dueDiligence":{"q9":{"rung":1,"unknown":true}}"#),
        a2(r#""log":[{"event":"tab-conflict","subject":"nothing"}]"#),
        a2(r#""meta":{"serviceModels":["iaas","iaas"]}"#),
        a(r#""meta":{"serviceModel":{"iaas":null}}"#),
        a(r#""answers":{"SOV-7.1":[5]}"#),
        a(r#""meta":[]"#),
        a(r#""weights":"calculator-2026-06""#),
        v0(r#""answers":{"SOV-1.1":"unknown","SOV-1.2":2}"#),
    ]
}

#[test]
fn recovered_paths_match_serde_path_to_error_on_every_error_kind() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for (doc, expected) in error_cases() {
        let v0 = is_v0(&doc);
        let own = own_envelope(&doc);
        for layout in layouts(&doc, v0) {
            let bytes = layout.as_bytes();
            assert!(typed_input(bytes).is_some(), "not valid JSON:\n{layout}");
            for c in compare(bytes) {
                if !c.agrees() {
                    failures.push(c.report(bytes));
                }
                if c.envelope != own {
                    continue;
                }
                compared += 1;
                // The expectation itself, against the reference.
                match &c.reference {
                    Some(f) if f.path == expected => {}
                    other => failures.push(format!(
                        "expected path {expected:?}, serde_path_to_error gives {other:?} for:\n{layout}\n"
                    )),
                }
                // And end to end: parse_document names the same path.
                match parse_document(bytes) {
                    Err(e) if e.path == expected => {}
                    other => failures.push(format!(
                        "parse_document gives {other:?}, expected path {expected:?} for:\n{layout}\n"
                    )),
                }
            }
        }
    }
    for doc in accepted_cases() {
        let v0 = is_v0(&doc);
        let own = own_envelope(&doc);
        for layout in layouts(&doc, v0) {
            for c in compare(layout.as_bytes()) {
                if !c.agrees() {
                    failures.push(c.report(layout.as_bytes()));
                }
                if c.envelope == own && c.ours.is_some() {
                    failures.push(format!("refused: {:?}\n{layout}\n", c.ours));
                }
            }
        }
    }
    println!("{compared} hand-written error cases compared");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// The mutation loop.

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// An assessment with every field set.
fn rich() -> Assessment {
    let mut a = Assessment {
        id: "rich".into(),
        modified: "2026-11-22T10:00:00Z".into(),
        meta: Meta {
            title: "Exemple IaaS, revue 2026".into(),
            provider: "Fuzz « Cloud » 🚀".into(),
            offer: "IaaS — zone \"Paris\"".into(),
            service_models: vec![ServiceModel::Iaas, ServiceModel::Saas],
            assessor: "A. Assessor".into(),
            date: Some(date("2026-11-20")),
            sensitivity: Some(Sensitivity::Critical),
            target_seal: Seal::new(3),
        },
        weights: Weights::Custom([20, 10, 10, 15, 10, 15, 15, 5]),
        aggregation: Aggregation::WeightedMean,
        ..Assessment::default()
    };
    for (i, c) in criteria().enumerate().take(12) {
        a.answers.insert(
            c.id.to_owned(),
            Answer {
                rung: (i % 3 != 0).then_some(1),
                unknown: i % 3 == 0,
                note: format!("note {i}\n\u{202e}"),
                source: if i % 2 == 0 {
                    "src".into()
                } else {
                    String::new()
                },
                evidence_level: (i % 4 == 1).then_some(EvidenceLevel::Audited),
                valid_until: (i % 5 == 2).then(|| date("2027-10-31")),
                received: (i % 3 == 1).then(|| date("2026-10-01")),
                provenance: (i % 4 == 2).then(|| Provenance {
                    respondent: "R".into(),
                    role: Some(Role::Legal),
                    accepted_by: "A".into(),
                    accepted_on: Some(date("2026-10-02")),
                }),
            },
        );
    }
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
        composition_base: "Base".into(),
        last_audit: Some(date("2026-03-01")),
        qualified_on: Some(date("2025-01-15")),
        expires_on: Some(date("2028-01-15")),
        certificate: "ANSSI-1".into(),
        criteria: [
            ("SNC-19.2.b", SncStatus::Met),
            ("SNC-19.6.b", SncStatus::NotApplicable),
        ]
        .into_iter()
        .map(|(id, status)| {
            (
                id.to_owned(),
                SncAnswer {
                    status: Some(status),
                    note: "n".into(),
                },
            )
        })
        .collect(),
    };
    a.signoff = SignOff {
        decision: Some(Decision::ApproveWithConditions),
        rationale: "r".into(),
        conditions: "c".into(),
        residual_risks: "rr".into(),
        approvers: vec![
            Approver {
                name: "One".into(),
                role: "CISO".into(),
                date: Some(date("2026-11-21")),
            },
            Approver {
                name: "Two".into(),
                role: String::new(),
                date: None,
            },
        ],
        next_review: Some(date("2027-11-21")),
    };
    a.secnumcloud.criteria.insert(
        "SNC-19.4".into(),
        SncAnswer {
            status: None,
            note: "asked".into(),
        },
    );
    for q in ["q1", "q5"] {
        a.due_diligence.insert(
            q.into(),
            Answer {
                note: "answer".into(),
                source: "reply".into(),
                evidence_level: Some(EvidenceLevel::Declared),
                received: Some(date("2026-11-03")),
                provenance: Some(Provenance {
                    respondent: "KAM".into(),
                    role: Some(Role::Provider),
                    accepted_by: String::new(),
                    accepted_on: None,
                }),
                ..Answer::default()
            },
        );
    }
    a.action_plan.insert(
        "SOV-3.1".into(),
        PlanItem {
            owner: "CISO".into(),
            due: Some(date("2027-03-31")),
            status: Some(PlanStatus::Planned),
        },
    );
    a.action_plan.insert("SOV-5".into(), PlanItem::default());
    a.log = vec![
        LogEntry {
            at: "2026-11-03T09:12:00Z".into(),
            by: "A".into(),
            event: LogEvent::ConflictKept,
            source: "reply.json".into(),
            subject: "SOV-1.1".into(),
            kept: Some(Answer {
                rung: Some(1),
                ..Answer::default()
            }),
            other: Some(Answer {
                unknown: true,
                valid_until: Some(date("2027-01-01")),
                ..Answer::default()
            }),
            why: "w".into(),
        },
        LogEntry {
            at: String::new(),
            by: String::new(),
            event: LogEvent::Landed,
            source: String::new(),
            subject: String::new(),
            kept: None,
            other: None,
            why: String::new(),
        },
    ];
    a
}

/// Real exports to mutate: the fixtures, a full assessment, a workspace, version 0.
fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".expect.json")
        })
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let rich = rich();
    let mut other = rich.clone();
    other.id = "other".into();
    out.push(export_assessment(&rich));
    out.push(export_workspace(&[Assessment::default(), rich, other]));
    out.push(
        r#"{"formatVersion": 0, "provider": "P", "offer": "O", "weights": {"SOV-1": 15, "SOV-2": 10, "SOV-3": 10, "SOV-4": 15, "SOV-5": 20, "SOV-6": 15, "SOV-7": 10, "SOV-8": 5}, "answers": {"SOV-1.1": 2, "SOV-1.2": "unknown", "SOV-2.1": 0}}"#
            .into(),
    );
    out
}

/// A JSON tree that can hold duplicate keys.
#[derive(Clone)]
enum J {
    /// `null`, `true`, a number: written as is.
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn from_value(v: &serde_json::Value) -> J {
        use serde_json::Value;
        match v {
            Value::Null => J::Raw("null".into()),
            Value::Bool(b) => J::Raw(b.to_string()),
            Value::Number(n) => J::Raw(n.to_string()),
            Value::String(s) => J::Str(s.clone()),
            Value::Array(a) => J::Arr(a.iter().map(J::from_value).collect()),
            Value::Object(o) => J::Obj(
                o.iter()
                    .map(|(k, v)| (k.clone(), J::from_value(v)))
                    .collect(),
            ),
        }
    }

    /// Paths (child indices) to every node.
    fn nodes(&self, at: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(at.clone());
        let children: Vec<&J> = match self {
            J::Arr(items) => items.iter().collect(),
            J::Obj(members) => members.iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        };
        for (i, child) in children.into_iter().enumerate() {
            at.push(i);
            child.nodes(at, out);
            at.pop();
        }
    }

    fn get_mut(&mut self, path: &[usize]) -> &mut J {
        match path.split_first() {
            None => self,
            Some((&i, rest)) => match self {
                J::Arr(items) => items[i].get_mut(rest),
                J::Obj(members) => members[i].1.get_mut(rest),
                _ => unreachable!(),
            },
        }
    }

    fn get(&self, path: &[usize]) -> &J {
        match path.split_first() {
            None => self,
            Some((&i, rest)) => match self {
                J::Arr(items) => items[i].get(rest),
                J::Obj(members) => members[i].1.get(rest),
                _ => unreachable!(),
            },
        }
    }
}

const KEYS: &[&str] = &[
    "formatVersion",
    "assessment",
    "assessments",
    "id",
    "meta",
    "title",
    "date",
    "targetSeal",
    "serviceModel",
    "weights",
    "aggregation",
    "answers",
    "rung",
    "unknown",
    "note",
    "validUntil",
    "evidenceLevel",
    "overrides",
    "level",
    "justification",
    "secnumcloud",
    "criteria",
    "status",
    "serviceModels",
    "lastAudit",
    "signoff",
    "approvers",
    "name",
    "nextReview",
    "decision",
    "received",
    "provenance",
    "role",
    "acceptedOn",
    "qualifiedOn",
    "certificate",
    "dueDiligence",
    "actionPlan",
    "owner",
    "due",
    "log",
    "event",
    "subject",
    "kept",
    "other",
    "q1",
    "SOV-1",
    "SOV-9",
    "SOV-3.1",
    "SNC-1",
    "iaas",
    "bogus",
    "bo gus",
    "é",
    "🚀",
    "a\"b",
    "back\\slash",
    "",
    "_x1",
    "1a",
    "weighted-mean",
];

const STRINGS: &[&str] = &[
    "",
    "x",
    "2026-02-30",
    "2026-01-01",
    "unknown",
    "iaas",
    "xaas",
    "met",
    "not-met",
    "framework-v1.2.1",
    "calculator-2026-06",
    "SOV-1",
    "high",
    "tested",
    "approve",
    "j3",
    "weakest-link",
    "landed",
    "conflict-kept",
    "provider",
    "in-progress",
    "q1",
    "🚀 « »",
];

const RAWS: &[&str] = &[
    "null",
    "true",
    "false",
    "0",
    "1",
    "2",
    "4",
    "5",
    "9",
    "-1",
    "1.5",
    "300",
    "100",
    "4294967296",
    "1e3",
    "-0",
];

fn pick<'a>(rng: &mut TestRng, from: &[&'a str]) -> &'a str {
    from[rng.random_range(0..from.len())]
}

fn random_leaf(rng: &mut TestRng) -> J {
    match rng.random_range(0..6) {
        0 | 1 => J::Raw(pick(rng, RAWS).into()),
        2 | 3 => J::Str(pick(rng, STRINGS).into()),
        4 => J::Arr(
            (0..rng.random_range(0..3))
                .map(|_| J::Raw(pick(rng, RAWS).into()))
                .collect(),
        ),
        _ => {
            let n = rng.random_range(0..2);
            J::Obj(
                (0..n)
                    .map(|_| (pick(rng, KEYS).to_owned(), J::Raw(pick(rng, RAWS).into())))
                    .collect(),
            )
        }
    }
}

/// One structural change somewhere in `doc`.
fn mutate_tree(rng: &mut TestRng, doc: &mut J) {
    let mut all = Vec::new();
    doc.nodes(&mut Vec::new(), &mut all);
    let path = all[rng.random_range(0..all.len())].clone();
    let donor_path = all[rng.random_range(0..all.len())].clone();
    let donor = doc.get(&donor_path).clone();
    let node = doc.get_mut(&path);
    match rng.random_range(0..13) {
        0 => *node = random_leaf(rng),
        1 | 10 | 11 => match node {
            // A scalar of the same kind, likely out of range or unknown.
            J::Raw(_) => *node = J::Raw(pick(rng, RAWS).into()),
            J::Str(_) => *node = J::Str(pick(rng, STRINGS).into()),
            _ => *node = random_leaf(rng),
        },
        2 => *node = donor,
        3 | 12 => {
            // A struct written as a list of its values (serde reads that too).
            if let J::Obj(members) = node {
                let mut items: Vec<J> = members.iter().map(|(_, v)| v.clone()).collect();
                if rng.random() {
                    items.push(random_leaf(rng));
                } else if !items.is_empty() && rng.random() {
                    items.pop();
                }
                *node = J::Arr(items);
            }
        }
        4 => {
            if let J::Obj(members) = node {
                let at = rng.random_range(0..=members.len());
                members.insert(at, (pick(rng, KEYS).to_owned(), random_leaf(rng)));
            }
        }
        5 => {
            // A duplicate key.
            if let J::Obj(members) = node {
                if !members.is_empty() {
                    let from = rng.random_range(0..members.len());
                    let mut dup = members[from].clone();
                    if rng.random() {
                        dup.1 = random_leaf(rng);
                    }
                    let at = rng.random_range(0..=members.len());
                    members.insert(at, dup);
                }
            }
        }
        6 => match node {
            J::Obj(members) if !members.is_empty() => {
                let i = rng.random_range(0..members.len());
                if rng.random() {
                    members.remove(i);
                } else {
                    members[i].0 = pick(rng, KEYS).to_owned();
                }
            }
            J::Arr(items) if !items.is_empty() => {
                let i = rng.random_range(0..items.len());
                if rng.random() {
                    items.remove(i);
                } else {
                    let dup = items[i].clone();
                    items.insert(i, dup);
                }
            }
            _ => {}
        },
        7 => {
            if let J::Arr(items) = node {
                let at = rng.random_range(0..=items.len());
                items.insert(at, random_leaf(rng));
            }
        }
        8 => {
            let inner = node.clone();
            *node = if rng.random() {
                J::Arr(vec![inner])
            } else {
                J::Obj(vec![(pick(rng, KEYS).to_owned(), inner)])
            };
        }
        _ => {
            // An enum written as an object, `{"variant": null}`.
            *node = J::Obj(vec![(
                pick(rng, STRINGS).to_owned(),
                if rng.random() {
                    J::Raw("null".into())
                } else {
                    random_leaf(rng)
                },
            )]);
        }
    }
}

/// Writes `j`, with whitespace from `ws` (chosen per token) and strings escaped at random.
struct Writer<'a> {
    rng: &'a mut TestRng,
    ws: &'static [&'static str],
    escape: u32,
    out: String,
}

impl Writer<'_> {
    fn space(&mut self) {
        let ws = self.ws[self.rng.random_range(0..self.ws.len())];
        self.out.push_str(ws);
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c if self.rng.random_range(0..100) < self.escape => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        self.out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
                '/' if self.rng.random() => self.out.push_str("\\/"),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, j: &J) {
        match j {
            J::Raw(r) => self.out.push_str(r),
            J::Str(s) => self.string(s),
            J::Arr(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.space();
                    self.value(item);
                }
                self.space();
                self.out.push(']');
            }
            J::Obj(members) => {
                self.out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        self.space();
                        self.out.push(',');
                    }
                    self.space();
                    self.string(k);
                    self.space();
                    self.out.push(':');
                    self.space();
                    self.value(v);
                }
                self.space();
                self.out.push('}');
            }
        }
    }
}

const STYLES: &[&[&str]] = &[
    &[""],
    &[" "],
    &["", "\n", "\n    ", "\r\n", "\t", " "],
    &["", "", "", " "],
];

fn write_tree(rng: &mut TestRng, j: &J) -> Vec<u8> {
    let ws = STYLES[rng.random_range(0..STYLES.len())];
    let escape = [0, 0, 10, 100][rng.random_range(0..4)];
    let mut w = Writer {
        rng,
        ws,
        escape,
        out: String::new(),
    };
    w.value(j);
    w.out.into_bytes()
}

/// The tokens of `fuzz.rs`, and a few that make members appear or vanish.
const EXTRA_TOKENS: &[&str] = &["\"bogus\": 1,", "{}", "[]", "\"x\"", " "];

/// Textual mutations, as in `fuzz.rs` (without the deep nesting, which only ever gives
/// errors of the untyped read).
fn mutate_text(rng: &mut TestRng, doc: &[u8]) -> Vec<u8> {
    let mut bytes = doc.to_vec();
    for _ in 0..rng.random_range(1..4) {
        let len = bytes.len();
        match rng.random_range(0..5) {
            0 if len > 0 => {
                let i = rng.random_range(0..len);
                bytes[i] = rng.random();
            }
            1 => {
                let i = rng.random_range(0..=len);
                let tokens = [common::TOKENS, EXTRA_TOKENS].concat();
                let t = tokens[rng.random_range(0..tokens.len())].as_bytes();
                bytes.splice(i..i, t.iter().copied());
            }
            2 if len > 1 => {
                let i = rng.random_range(0..len);
                let j = (i + rng.random_range(1..32)).min(len);
                bytes.drain(i..j);
            }
            3 if len > 1 => {
                let i = rng.random_range(0..len);
                let j = (i + rng.random_range(1..64)).min(len);
                let span: Vec<u8> = bytes[i..j].to_vec();
                let k = rng.random_range(0..=bytes.len());
                bytes.splice(k..k, span);
            }
            _ => {}
        }
    }
    bytes
}

/// The kind of a serde_json error, for the loop's statistics.
fn kind(error: &str) -> &'static str {
    [
        "unknown field",
        "missing field",
        "duplicate field",
        "duplicate key",
        "invalid type: map",
        "invalid type: sequence",
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
        "invalid date",
        "is out of range",
        "unknown objective",
        "unknown weight profile",
        "missing weight",
        "weights sum",
        "expected value",
        "trailing characters",
    ]
    .into_iter()
    .find(|k| error.contains(k))
    .unwrap_or("other")
}

#[test]
fn recovered_paths_match_serde_path_to_error_on_mutated_exports() {
    let (deadline, mut rng, seed) = common::budget("error paths", 3);
    let seeds = seeds();
    let trees: Vec<J> = seeds
        .iter()
        .map(|s| J::from_value(&serde_json::from_str(s).unwrap()))
        .collect();
    let (mut runs, mut typed, mut errors, mut mismatches) = (0u64, 0u64, 0u64, 0u64);
    let mut reports = Vec::new();
    let mut kinds = std::collections::BTreeMap::new();
    while Instant::now() < deadline {
        let which = rng.random_range(0..seeds.len());
        let input = if rng.random_range(0..4) == 0 {
            mutate_text(&mut rng, seeds[which].as_bytes())
        } else {
            let mut tree = trees[which].clone();
            for _ in 0..rng.random_range(1..4) {
                mutate_tree(&mut rng, &mut tree);
            }
            write_tree(&mut rng, &tree)
        };
        runs += 1;
        let Some(bytes) = typed_input(&input) else {
            continue;
        };
        typed += 1;
        for c in compare(bytes) {
            if let Some(f) = &c.reference {
                errors += 1;
                *kinds.entry(kind(&f.error)).or_insert(0u64) += 1;
            }
            if !c.agrees() {
                mismatches += 1;
                if reports.len() < 20 {
                    reports.push(c.report(bytes));
                }
            }
        }
    }
    println!(
        "error paths: {runs} inputs, {typed} valid JSON read by every envelope, {errors} typed errors compared, {mismatches} mismatches"
    );
    println!("error paths: errors by kind {kinds:?}");
    assert!(
        mismatches == 0,
        "{mismatches} mismatches (seed {seed}), the first ones:\n{}",
        reports.join("\n")
    );
    assert!(errors > 100, "the loop compared only {errors} errors");
}
