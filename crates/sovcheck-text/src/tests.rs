//! The catalogs' completeness and consistency, and the wording of domain values, verbatim.

use super::*;
use sovcheck_core::model::Date;
use sovcheck_core::{Seal, SealRange};

/// Every string of `lang`'s catalog with its name, in pack order.
fn strings(lang: Lang) -> Vec<(String, S)> {
    let mut out = Vec::new();
    texts(lang).walk("", &mut |name, s| out.push((name.to_owned(), s)));
    out
}

#[test]
fn every_language_fills_every_string_with_the_same_placeholders() {
    let en = strings(Lang::En);
    assert_eq!(en.len(), <Catalog as Entry>::LEN);
    for lang in Lang::ALL {
        let other = strings(lang);
        assert_eq!(other.len(), en.len());
        for ((name, e), (other_name, o)) in en.iter().zip(&other) {
            assert_eq!(name, other_name);
            assert!(!o.trim().is_empty(), "{lang:?} {name} is empty");
            let mut want = placeholders(e);
            let mut got = placeholders(o);
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(
                got, want,
                "{lang:?} {name}: placeholders differ from English"
            );
        }
    }
}

#[test]
fn no_text_holds_the_pack_separator() {
    for lang in Lang::ALL {
        for (name, s) in strings(lang) {
            assert!(!s.contains(PACK_SEPARATOR), "{lang:?} {name}");
        }
        for s in sovcheck_core::content::text_table(lang).unwrap_or_default() {
            assert!(!s.contains(PACK_SEPARATOR), "{lang:?} content {s}");
        }
    }
}

#[test]
fn french_never_lets_a_sign_start_a_line() {
    for (name, s) in strings(Lang::Fr) {
        for bad in [" ?", " !", " ;", " :", " %", " »", "« "] {
            assert!(!s.contains(bad), "{name}: {bad:?} in {s:?}");
        }
    }
}

#[test]
fn a_pack_holds_the_catalog_and_the_content_and_is_refused_for_another_build() {
    for lang in Lang::ALL {
        let p: &'static str = Box::leak(pack(lang).into_boxed_str());
        let (head, body) = p.split_once('\n').unwrap();
        assert_eq!(
            head,
            format!("sovcheck-pack 1 {} {:016x}", lang.tag(), shape())
        );
        assert_eq!(
            body.split(PACK_SEPARATOR).count(),
            <Catalog as Entry>::LEN + sovcheck_core::content::TEXT_COUNT
        );
        assert_eq!(install(p), Ok(lang));
        let mut strings = body.split(PACK_SEPARATOR);
        let read = Catalog::read(&mut strings).unwrap();
        assert_eq!(read.language.page_title, texts(lang).language.page_title);
        assert_eq!(
            strings.next(),
            sovcheck_core::content::text_table(lang).and_then(|t| t.first().copied())
        );
    }
    let stale = pack(Lang::Fr).replacen(&format!("{:016x}", shape()), "0000000000000000", 1);
    assert_eq!(
        install(Box::leak(stale.into_boxed_str())),
        Err(PackError::Mismatch)
    );
    assert_eq!(install("not a pack"), Err(PackError::Mismatch));
    let short = pack(Lang::En);
    let cut = short.rsplit_once(PACK_SEPARATOR).unwrap().0.to_owned();
    assert_eq!(
        install(Box::leak(cut.into_boxed_str())),
        Err(PackError::Mismatch)
    );
}

#[test]
fn fill_replaces_named_placeholders_only() {
    assert_eq!(fill("{a} and {b}", &[("a", &1), ("b", &"x")]), "1 and x");
    assert_eq!(fill("{a} {missing}", &[("a", &1)]), "1 {missing}");
    assert_eq!(fill("{\"x\": 1}", &[]), "{\"x\": 1}");
    assert_eq!(fill("open { only", &[]), "open { only");
    assert_eq!(placeholders("{a} {b}{c"), ["a", "b"]);
}

#[test]
fn ranges_scores_dates_and_counts_read_verbatim() {
    let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
    let r = SealRange {
        lower: Seal::new(1).unwrap(),
        upper: Seal::new(3).unwrap(),
    };
    assert_eq!(en.seal_range(r), "SEAL-1 to SEAL-3");
    assert_eq!(fr.seal_range(r), "SEAL-1 à SEAL-3");
    assert_eq!(en.seal_range(SealRange::exact(Seal::MAX)), "SEAL-4");
    assert_eq!(en.score(89.594), "89.59%");
    assert_eq!(fr.score(89.594), "89,59\u{a0}%");
    assert_eq!(en.score_range(0.0, 100.0756), "0.00% to 100.08%");
    assert_eq!(fr.score_range(0.0, 100.0756), "0,00\u{a0}% à 100,08\u{a0}%");
    assert_eq!(fr.score_range(12.001, 12.0049), "12,00\u{a0}%");
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    assert_eq!(en.date(d(2026, 6, 30)), "30 June 2026");
    // The time of day: the English clock of twelve hours, the French and German of 24.
    assert_eq!(en.time_of_day(15, 30), "3:30 PM");
    assert_eq!(en.time_of_day(0, 5), "12:05 AM");
    assert_eq!(en.time_of_day(12, 0), "12:00 PM");
    assert_eq!(en.time_of_day(9, 7), "9:07 AM");
    assert_eq!(fr.time_of_day(15, 30), "15\u{a0}h\u{a0}30");
    assert_eq!(fr.time_of_day(0, 5), "0\u{a0}h\u{a0}05");
    assert_eq!(fr.date(d(2026, 6, 30)), "30 juin 2026");
    assert_eq!(en.date(d(2027, 7, 1)), "1 July 2027");
    assert_eq!(fr.date(d(2027, 7, 1)), "1er juillet 2027");
    assert_eq!(en.opt_date(None), "—");
    assert_eq!(en.count(1, &en.cli.valid), "ok (1 assessment)");
    assert_eq!(en.count(0, &en.cli.valid), "ok (0 assessments)");
    assert_eq!(fr.count(0, &fr.cli.valid), "ok (0 évaluation)");
    assert_eq!(fr.count(2, &fr.cli.valid), "ok (2 évaluations)");
    assert_eq!(en.label_value("Score", "1%"), "Score: 1%");
    assert_eq!(fr.label_value("Score", "1 %"), "Score\u{a0}: 1 %");
    assert_eq!(en.change("a", "a"), "a (unchanged)");
    assert_eq!(fr.change("a", "b"), "a → b");
}

#[test]
fn the_statement_is_there_in_every_language() {
    for lang in Lang::ALL {
        assert!(
            texts(lang).accessibility.statement.starts_with("## "),
            "{lang:?}"
        );
    }
}

#[test]
fn messages_become_sentences() {
    use crate::words::sentence;
    assert_eq!(
        sentence("une comparaison demande au moins 2 évaluations ; 1 fournie"),
        "Une comparaison demande au moins 2 évaluations ; 1 fournie."
    );
    assert_eq!(sentence("done."), "Done.");
    assert_eq!(sentence("  "), "");
}

#[test]
fn fingerprint_errors_read_verbatim() {
    use sovcheck_core::verify::FingerprintError;
    assert_eq!(
        texts(Lang::Fr).fingerprint_error(FingerprintError::Length(6)),
        "une empreinte compte 64 caractères\u{202f}; celle-ci en compte 6."
    );
    assert_eq!(
        texts(Lang::En).fingerprint_error(FingerprintError::NotHex('g')),
        "“g” is not a hexadecimal character (0-9, a-f)."
    );
    assert_eq!(
        texts(Lang::En).fingerprint_error(FingerprintError::Empty),
        "nothing was typed."
    );
}

#[test]
fn german_ranges_scores_dates_and_counts_read_verbatim() {
    let de = texts(Lang::De);
    assert_eq!(de.lang(), Lang::De);
    let r = SealRange {
        lower: Seal::new(1).unwrap(),
        upper: Seal::new(3).unwrap(),
    };
    assert_eq!(de.seal_range(r), "SEAL-1 bis SEAL-3");
    assert_eq!(de.seal_range(SealRange::exact(Seal::MAX)), "SEAL-4");
    // A decimal comma, and a no-break space before the percent sign (DIN 5008).
    assert_eq!(de.score(89.594), "89,59\u{a0}%");
    assert_eq!(
        de.score_range(0.0, 100.0756),
        "0,00\u{a0}% bis 100,08\u{a0}%"
    );
    assert_eq!(de.score_range(12.001, 12.0049), "12,00\u{a0}%");
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    assert_eq!(de.date(d(2026, 12, 2)), "2. Dezember 2026");
    assert_eq!(de.date(d(2026, 6, 30)), "30. Juni 2026");
    assert_eq!(de.date(d(2027, 7, 1)), "1. Juli 2027");
    assert_eq!(de.date(d(2026, 3, 9)), "9. März 2026");
    assert_eq!(de.opt_date(None), "—");
    // German takes the singular for one only (French for zero too).
    assert_eq!(de.count(1, &de.cli.valid), "ok (1 Bewertung)");
    assert_eq!(de.count(0, &de.cli.valid), "ok (0 Bewertungen)");
    assert_eq!(de.count(2, &de.cli.valid), "ok (2 Bewertungen)");
    assert_eq!(de.count(1, &de.landing.conflicts), "1 Konflikt");
    assert_eq!(de.count(3, &de.landing.conflicts), "3 Konflikte");
    assert_eq!(de.count(1, &de.plan.levels), "1 SEAL-Stufe");
    assert_eq!(de.count(2, &de.plan.levels), "2 SEAL-Stufen");
    assert_eq!(de.label_value("Wert", "1 %"), "Wert: 1 %");
    assert_eq!(de.change("a", "a"), "a (unverändert)");
    assert_eq!(de.change("a", "b"), "a → b");
    assert_eq!(de.quote("Kontext"), "„Kontext“");
    assert_eq!(de.csv_separator(), ';');
}

#[test]
fn three_languages_each_with_its_own_words() {
    assert_eq!(Lang::ALL, [Lang::En, Lang::Fr, Lang::De]);
    assert_eq!(Lang::ALL.map(|l| texts(l).language.tag), ["en", "fr", "de"]);
    // German is a translation, not a copy: the only strings equal to English are signs,
    // placeholders alone, codes and names that German writes the same way.
    let en = strings(Lang::En);
    let same: Vec<String> = strings(Lang::De)
        .into_iter()
        .zip(&en)
        .filter(|((_, d), (_, e))| d == e)
        .map(|((name, _), _)| name)
        .collect();
    let allowed = |name: &str| {
        let word = |s: &str| s.chars().any(char::is_alphabetic);
        let en_value = en
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| *s)
            .unwrap_or("");
        let without_placeholders = {
            let mut s = en_value.to_owned();
            for p in placeholders(en_value) {
                s = s.replace(&format!("{{{p}}}"), "");
            }
            s
        };
        !word(&without_placeholders)
            || [
                "SEAL",
                "SecNumCloud",
                "null",
                "Name",
                "Passphrase",
                "Provenance",
                "Sources",
                "ok",
                "Status",
                "Export",
                "Aggregation",
                "April",
                "August",
                "September",
                "November",
            ]
            .iter()
            .any(|w| without_placeholders.trim().trim_end_matches(':') == *w)
            || without_placeholders.starts_with("ok (")
    };
    let leaks: Vec<&String> = same.iter().filter(|n| !allowed(n)).collect();
    assert!(
        leaks.is_empty(),
        "German strings left in English: {leaks:?}"
    );
}
