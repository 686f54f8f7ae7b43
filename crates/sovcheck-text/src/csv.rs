//! The answers as CSV, in a language: headers and values in its words, separated as its
//! spreadsheets expect (a comma in English; a semicolon in French, whose spreadsheets read
//! the comma as the decimal mark), with a UTF-8 byte-order mark so that spreadsheet
//! programs read the accents. The same bytes in the app and from `sovcheck csv`.

use crate::Catalog;
use sovcheck_core::export::push_csv_record;
use sovcheck_core::model::{Answer, Assessment, Choice};

/// The byte-order mark that opens the CSV.
pub const BOM: char = '\u{feff}';

impl Catalog {
    /// The separator between cells.
    pub fn csv_separator(&self) -> char {
        self.csv.separator.chars().next().unwrap_or(',')
    }

    /// The answers: a header row, then one row per criterion (all of them, answered or not)
    /// in content order: objective, criterion, title, state, rung index (empty unless
    /// answered), the answer in words, note, source, evidence level in words, valid until
    /// (`YYYY-MM-DD`, which every spreadsheet reads as a date). RFC 4180 records (CRLF),
    /// every cell neutralised against formula injection.
    pub fn answers_csv(&self, a: &Assessment) -> String {
        let sep = self.csv_separator();
        let lang = self.lang();
        let mut out = String::from(BOM);
        push_csv_record(&mut out, sep, self.csv.headers);
        let none = Answer::default();
        for o in sovcheck_core::objectives() {
            for c in o.criteria {
                let answer = a.answers.get(c.id).unwrap_or(&none);
                let choice = answer.choice();
                let rung = match choice {
                    Choice::Rung(r) => r.to_string(),
                    Choice::Unknown | Choice::Open => String::new(),
                };
                let words = match choice {
                    Choice::Open => "",
                    _ => self.answer(c, choice),
                };
                let valid_until = answer
                    .valid_until
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                push_csv_record(
                    &mut out,
                    sep,
                    [
                        o.id,
                        c.id,
                        c.title.get(lang),
                        self.state(choice),
                        &rung,
                        words,
                        &answer.note,
                        &answer.source,
                        answer.evidence_level.map_or("", |l| self.evidence_level(l)),
                        &valid_until,
                    ],
                );
            }
        }
        out
    }
}
