//! The fingerprint check (`verify.rs`): parsing a printed fingerprint, and checking a file's
//! bytes and the assessments it holds against it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_core::export::{fingerprint, sha256_hex};
use sovcheck_core::format::{export_assessment, export_workspace, MAX_DOCUMENT_BYTES};
use sovcheck_core::verify::{
    check_bytes, grouped, report_kind, verdict, FileState, Fingerprint, FingerprintError,
    NotSovcheck, ReportKind, Verdict,
};
use sovcheck_core::Assessment;

/// SHA-256 of nothing.
const EMPTY_SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn sample() -> Assessment {
    let mut a = Assessment {
        id: "a-1".to_owned(),
        ..Assessment::default()
    };
    a.meta.provider = "Acme".to_owned();
    a
}

fn parse(text: &str) -> Result<String, FingerprintError> {
    Fingerprint::parse(text).map(|f| f.as_str().to_owned())
}

#[test]
fn fingerprints_are_normalised_to_lower_case_without_spaces() {
    let printed = " E3B0C442 98FC1C14 9AFBF4C8 996FB924\n27AE41E4 649B934C A495991B 7852B855 ";
    assert_eq!(parse(printed).as_deref(), Ok(EMPTY_SHA));
    // Tabs and no-break spaces count as spaces.
    assert_eq!(
        parse(&format!("\t{}\u{a0}", EMPTY_SHA.to_uppercase())).as_deref(),
        Ok(EMPTY_SHA)
    );
    // FromStr and Display go through the same.
    let f: Fingerprint = printed.parse().unwrap();
    assert_eq!(f.to_string(), EMPTY_SHA);
    assert_eq!(f, Fingerprint::of_bytes(b""));
}

#[test]
fn bad_fingerprints_are_rejected_with_the_reason() {
    assert_eq!(parse("   "), Err(FingerprintError::Empty));
    assert_eq!(parse(""), Err(FingerprintError::Empty));
    assert_eq!(parse("abc 123"), Err(FingerprintError::Length(6)));
    assert_eq!(
        parse(&format!("{EMPTY_SHA}0")),
        Err(FingerprintError::Length(65))
    );
    let mut g = EMPTY_SHA.to_owned();
    g.replace_range(0..1, "g");
    assert_eq!(parse(&g), Err(FingerprintError::NotHex('g')));
    assert_eq!(parse("sha256:e3b0"), Err(FingerprintError::NotHex('s')));
    // Full-width digits are not ASCII hexadecimal.
    assert_eq!(parse("０"), Err(FingerprintError::NotHex('０')));
}

#[test]
fn the_exported_bytes_match_and_any_change_does_not() {
    let a = sample();
    let bytes = export_assessment(&a);
    let printed = sha256_hex(bytes.as_bytes()).to_uppercase();
    let file = FileState::from_bytes("a.json".into(), bytes.as_bytes());
    assert_eq!(verdict(&printed, Some(&file)), Some(Verdict::Match));
    // One byte changed in a note-free place: still a sovcheck document, another assessment.
    let changed = bytes.replace("Acme", "Acmf");
    let file = FileState::from_bytes("a.json".into(), changed.as_bytes());
    assert_eq!(verdict(&printed, Some(&file)), Some(Verdict::Mismatch));
    let expected = Fingerprint::parse(&printed).unwrap();
    assert_eq!(check_bytes(&expected, bytes.as_bytes()), Verdict::Match);
    assert_eq!(
        check_bytes(&expected, changed.as_bytes()),
        Verdict::Mismatch
    );
}

#[test]
fn a_reformatted_file_with_the_same_assessment_is_a_content_match() {
    let a = sample();
    let bytes = export_assessment(&a);
    let printed = fingerprint(&a);
    assert_eq!(Fingerprint::of(&a).as_str(), printed);
    let compact = bytes.replace("\n", "").replace("  ", "");
    assert_ne!(compact, bytes);
    let file = FileState::from_bytes("a.json".into(), compact.as_bytes());
    let v = verdict(&printed, Some(&file));
    assert_eq!(v, Some(Verdict::ContentMatch { index: 0, of: 1 }));
    assert!(v.is_some_and(|v| v.is_match()));
    // The assessment found is kept, for the interface to name it.
    let FileState::Loaded {
        content: Ok(list), ..
    } = &file
    else {
        panic!("{file:?}")
    };
    assert_eq!(list[0].assessment, a);
    // In a workspace file, the matching assessment is found among several.
    let ws = export_workspace(&[Assessment::default(), a]);
    let file = FileState::from_bytes("ws.json".into(), ws.as_bytes());
    assert_eq!(
        verdict(&printed, Some(&file)),
        Some(Verdict::ContentMatch { index: 1, of: 2 })
    );
}

#[test]
fn other_outcomes() {
    let file = FileState::from_bytes("x.txt".into(), b"hello");
    // No fingerprint yet: only the broken file is reported.
    assert!(matches!(
        verdict("", Some(&file)),
        Some(Verdict::NotSovcheck(_))
    ));
    assert!(matches!(
        verdict(EMPTY_SHA, Some(&file)),
        Some(Verdict::NotSovcheck(_))
    ));
    // The printed value is the SHA-256 of the bytes, whatever they are.
    let empty = FileState::from_bytes("empty".into(), b"");
    assert_eq!(verdict(EMPTY_SHA, Some(&empty)), Some(Verdict::Match));
    assert_eq!(
        verdict("12zz", None),
        Some(Verdict::BadFingerprint(FingerprintError::NotHex('z')))
    );
    assert_eq!(verdict(EMPTY_SHA, None), None);
    assert_eq!(verdict("", None), None);
    let reading = FileState::Reading { name: "r".into() };
    assert_eq!(verdict(EMPTY_SHA, Some(&reading)), None);
    let unreadable = FileState::Unreadable { name: "u".into() };
    assert_eq!(
        verdict(EMPTY_SHA, Some(&unreadable)),
        Some(Verdict::Unreadable)
    );
    let big = FileState::too_large("big".into(), MAX_DOCUMENT_BYTES + 1);
    assert!(matches!(
        verdict(EMPTY_SHA, Some(&big)),
        Some(Verdict::NotSovcheck(_))
    ));
    let good = FileState::from_bytes("a".into(), export_assessment(&sample()).as_bytes());
    assert_eq!(verdict("", Some(&good)), None);
}

#[test]
fn a_report_is_recognised_as_not_the_assessment_file() {
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    let html =
        "\u{feff}\n  <!DOCTYPE html>\n<html lang=\"fr\"><head><title>Rapport</title></head></html>";
    for (bytes, kind) in [
        (&pdf[..], ReportKind::Pdf),
        (html.as_bytes(), ReportKind::Html),
        (b"<HTML>".as_slice(), ReportKind::Html),
        (b"\t<html lang=en>".as_slice(), ReportKind::Html),
        (b"<!doctype html>".as_slice(), ReportKind::Html),
        (b"  %PDF-1.4".as_slice(), ReportKind::Pdf),
    ] {
        assert_eq!(report_kind(bytes), Some(kind), "{bytes:?}");
        let file = FileState::from_bytes("report".into(), bytes);
        assert!(matches!(
            &file,
            FileState::Loaded {
                content: Err(NotSovcheck::Report(k)),
                ..
            } if *k == kind
        ));
        let v = verdict(EMPTY_SHA, Some(&file)).unwrap();
        assert_eq!(v, Verdict::ReportNotAssessment { kind });
        assert_eq!(v.kind(), "report-not-assessment");
        assert!(!v.is_match());
        // Said before a fingerprint is typed, too.
        assert_eq!(verdict("", Some(&file)), Some(v.clone()));
        assert_eq!(check_bytes(&Fingerprint::of_bytes(b"x"), bytes), v);
        // Its own SHA-256 still matches: the printed value is the hash of the bytes.
        let own = Fingerprint::of_bytes(bytes);
        assert_eq!(verdict(own.as_str(), Some(&file)), Some(Verdict::Match));
    }
    assert_eq!(ReportKind::Pdf.id(), "pdf");
    assert_eq!(ReportKind::Html.id(), "html");
    // Not reports: other text, a tag that only starts like `html`, a PDF marker later on,
    // and a sovcheck document (valid JSON is never mistaken for a report).
    for bytes in [
        &b"hello"[..],
        b"<htmlx>",
        b"<!doctype htmlfoo>",
        b"<head>",
        b"x %PDF-1.7",
        b"%PDF",
        b"",
        b"\xEF\xBB\xBF",
    ] {
        assert_eq!(report_kind(bytes), None, "{bytes:?}");
    }
    let doc = export_assessment(&sample());
    assert!(matches!(
        FileState::from_bytes("a".into(), doc.as_bytes()),
        FileState::Loaded { content: Ok(_), .. }
    ));
    // A broken JSON file stays a format error, with the engine's reason.
    let file = FileState::from_bytes("list.json".into(), b"[1, 2]");
    assert!(matches!(
        verdict(EMPTY_SHA, Some(&file)),
        Some(Verdict::NotSovcheck(_))
    ));
}

#[test]
fn fingerprints_read_in_groups_of_eight() {
    assert_eq!(
        grouped(EMPTY_SHA),
        "e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855"
    );
    assert_eq!(Fingerprint::of_bytes(b"").grouped(), grouped(EMPTY_SHA));
}

#[test]
fn verdict_kinds_are_stable_words() {
    let kinds: Vec<&str> = [
        Verdict::Match,
        Verdict::ContentMatch { index: 0, of: 1 },
        Verdict::Mismatch,
        Verdict::ReportNotAssessment {
            kind: ReportKind::Pdf,
        },
        Verdict::BadFingerprint(FingerprintError::Empty),
        Verdict::Unreadable,
    ]
    .iter()
    .map(Verdict::kind)
    .collect();
    assert_eq!(
        kinds,
        [
            "bytes",
            "content",
            "mismatch",
            "report-not-assessment",
            "bad-fingerprint",
            "unreadable"
        ]
    );
}
