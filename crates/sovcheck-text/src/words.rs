//! Domain values in words: the one place each is written, for the app, the report, the CSV
//! and the command line alike (so they can never word "SEAL-1 to SEAL-3" two ways).

use crate::{fill, Catalog};
use sovcheck_core::content;
use sovcheck_core::figures::fixed;
use sovcheck_core::model::{
    Aggregation, Choice, Date, Decision, EvidenceLevel, Sensitivity, ServiceModel, SncStatus,
    Stage, Weights,
};
use sovcheck_core::{Seal, SealRange};

impl Catalog {
    /// `label: value`, with the language's colon.
    pub fn label_value(&self, label: &str, value: &str) -> String {
        fill(
            self.typo.label_value,
            &[("label", &label), ("value", &value)],
        )
    }

    /// A SEAL range: `SEAL-2`, or `SEAL-1 to SEAL-3`.
    pub fn seal_range(&self, r: SealRange) -> String {
        if r.is_exact() {
            r.lower.to_string()
        } else {
            fill(self.typo.range, &[("lower", &r.lower), ("upper", &r.upper)])
        }
    }

    /// A SEAL, or the dash when there is none.
    pub fn opt_seal(&self, s: Option<Seal>) -> String {
        s.map_or_else(|| self.typo.dash.to_owned(), |s| s.to_string())
    }

    /// A number with `decimals` decimals and the language's decimal mark.
    pub fn decimal(&self, v: f64, decimals: u32) -> String {
        let s = fixed(v, decimals);
        if self.typo.decimal_mark == "." {
            s
        } else {
            s.replace('.', self.typo.decimal_mark)
        }
    }

    /// A percentage of whole numbers (a weight): `15%`, `15 %`.
    pub fn percent(&self, n: impl std::fmt::Display) -> String {
        fill(self.typo.percent, &[("n", &n)])
    }

    /// A score in percent, two decimals: `61.23%`, `61,23 %`.
    pub fn score(&self, v: f64) -> String {
        self.percent(self.decimal(v, 2))
    }

    /// A score range: one figure when both bounds agree (to the printed precision).
    pub fn score_range(&self, lower: f64, upper: f64) -> String {
        let (lo, hi) = (self.score(lower), self.score(upper));
        if lo == hi {
            lo
        } else {
            fill(self.typo.range, &[("lower", &lo), ("upper", &hi)])
        }
    }

    /// A date in words: `30 June 2026`, `1er juillet 2026`.
    pub fn date(&self, d: Date) -> String {
        let (year, month, day) = d.parts();
        let day = if day == 1 {
            self.typo.first_day.to_owned()
        } else {
            fill(self.typo.day, &[("d", &day)])
        };
        let month = self
            .typo
            .months
            .get(usize::from(month).saturating_sub(1))
            .copied()
            .unwrap_or_default();
        fill(
            self.typo.date,
            &[("day", &day), ("month", &month), ("year", &year)],
        )
    }

    /// A time of day (`hour` 0-23, `minute` 0-59) as the language writes it: `3:30 PM`,
    /// `15 h 30`, `15:30`.
    pub fn time_of_day(&self, hour: u32, minute: u32) -> String {
        let (hour, minute) = (hour % 24, minute % 60);
        let h = if self.typo.hour_cycle == "12" {
            match hour % 12 {
                0 => 12,
                h => h,
            }
        } else {
            hour
        };
        let [morning, afternoon] = self.typo.time_of_day;
        let template = if hour >= 12 { afternoon } else { morning };
        fill(template, &[("h", &h), ("mm", &format!("{minute:02}"))])
    }

    /// A date, or the dash when there is none.
    pub fn opt_date(&self, d: Option<Date>) -> String {
        d.map_or_else(|| self.typo.dash.to_owned(), |d| self.date(d))
    }

    /// A text, or the dash when it is blank.
    pub fn or_dash(&self, s: &str) -> String {
        if s.trim().is_empty() {
            self.typo.dash.to_owned()
        } else {
            s.to_owned()
        }
    }

    /// Quoted text.
    pub fn quote(&self, text: &str) -> String {
        fill(self.typo.quote, &[("text", &text)])
    }

    /// `old → new`, or `value (unchanged)` when they are equal.
    pub fn change(&self, old: &str, new: &str) -> String {
        if old == new {
            fill(self.typo.unchanged, &[("value", &old)])
        } else {
            fill(self.typo.change, &[("old", &old), ("new", &new)])
        }
    }

    /// Items joined by the language's list separator.
    pub fn list<I, T>(&self, items: I) -> String
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut out = String::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(self.typo.list_separator);
            }
            out.push_str(item.as_ref());
        }
        out
    }

    /// Clauses of one line joined by the language's separator (`A; B`).
    pub fn clauses<I, T>(&self, items: I) -> String
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut out = String::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(self.typo.clause_separator);
            }
            out.push_str(item.as_ref());
        }
        out
    }

    /// A criterion's state: answered, unknown or unanswered.
    pub fn state(&self, choice: Choice) -> &'static str {
        match choice {
            Choice::Rung(_) => self.words.answered,
            Choice::Unknown => self.words.unknown,
            Choice::Open => self.words.unanswered,
        }
    }

    /// An answer in words: the chosen rung's label, "I don't know", or "unanswered" (also
    /// for a rung the criterion does not have, which a validated assessment never holds).
    pub fn answer(&self, criterion: &content::Criterion, choice: Choice) -> &'static str {
        match choice {
            Choice::Rung(r) => criterion
                .rung(r)
                .map_or(self.words.unanswered, |rung| rung.label.get(self.lang())),
            Choice::Unknown => self.words.dont_know,
            Choice::Open => self.words.unanswered,
        }
    }

    /// An answer in a few words: `rung 2`, "I don't know", or "unanswered".
    pub fn choice_short(&self, choice: Choice) -> String {
        match choice {
            Choice::Rung(r) => fill(self.words.rung, &[("n", &r)]),
            Choice::Unknown => self.words.dont_know.to_owned(),
            Choice::Open => self.words.unanswered.to_owned(),
        }
    }

    /// An evidence level.
    pub fn evidence_level(&self, l: EvidenceLevel) -> &'static str {
        match l {
            EvidenceLevel::Declared => self.words.level_declared,
            EvidenceLevel::Documented => self.words.level_documented,
            EvidenceLevel::Audited => self.words.level_audited,
            EvidenceLevel::Tested => self.words.level_tested,
        }
    }

    /// A data sensitivity.
    pub fn sensitivity(&self, s: Sensitivity) -> &'static str {
        match s {
            Sensitivity::Low => self.words.sens_low,
            Sensitivity::Moderate => self.words.sens_moderate,
            Sensitivity::High => self.words.sens_high,
            Sensitivity::Critical => self.words.sens_critical,
        }
    }

    /// A weight profile's name (custom weights with their values).
    pub fn weights_name(&self, w: &Weights) -> String {
        match w {
            Weights::Framework => self.words.weights_framework.to_owned(),
            Weights::Calculator => self.words.weights_calculator.to_owned(),
            Weights::Custom(v) => {
                fill(self.words.weights_custom, &[("values", &weights_values(v))])
            }
        }
    }

    /// An aggregation policy.
    pub fn aggregation(&self, a: Aggregation) -> &'static str {
        match a {
            Aggregation::WeakestLink => self.words.agg_weakest,
            Aggregation::WeightedMean => self.words.agg_mean,
        }
    }

    /// A SecNumCloud requirement's status.
    pub fn snc_status(&self, s: SncStatus) -> &'static str {
        match s {
            SncStatus::Met => self.words.snc_met,
            SncStatus::Partly => self.words.snc_partly,
            SncStatus::NotMet => self.words.snc_not_met,
            SncStatus::Unknown => self.words.snc_unknown,
            SncStatus::NotApplicable => self.words.snc_na,
        }
    }

    /// A SecNumCloud qualification stage (its name from the content), or "not recorded".
    pub fn stage(&self, s: Option<Stage>) -> &'static str {
        s.and_then(|s| {
            content::secnumcloud::stages()
                .iter()
                .find(|d| d.id == s.id())
        })
        .map_or(self.words.stage_not_recorded, |d| d.name.get(self.lang()))
    }

    /// A service model's name (from the content).
    pub fn service_model(&self, m: ServiceModel) -> &'static str {
        content::secnumcloud::service_models()
            .iter()
            .find(|d| d.id == m.id())
            .map_or(m.id(), |d| d.name.get(self.lang()))
    }

    /// The management body's decision.
    pub fn decision(&self, d: Decision) -> &'static str {
        match d {
            Decision::Approve => self.words.decision_approve,
            Decision::ApproveWithConditions => self.words.decision_conditions,
            Decision::Reject => self.words.decision_reject,
        }
    }

    /// A part of an answer that changed (in a diff).
    pub fn diff_field(&self, f: sovcheck_core::diff::Field) -> &'static str {
        use sovcheck_core::diff::Field;
        match f {
            Field::Choice => self.words.field_choice,
            Field::Note => self.words.field_note,
            Field::Source => self.words.field_source,
            Field::EvidenceLevel => self.words.field_evidence_level,
            Field::ValidUntil => self.words.field_valid_until,
            Field::Provenance => self.provenance.field,
        }
    }

    /// An expert override's level, or "none".
    pub fn override_level(&self, o: Option<&sovcheck_core::model::Override>) -> String {
        o.map_or_else(
            || self.words.no_override.to_owned(),
            |o| o.level.to_string(),
        )
    }
}

/// The eight weights, SOV-1 first, as `15/10/…` (the same in every language).
pub fn weights_values(w: &[u32; 8]) -> String {
    let mut out = String::new();
    for (i, v) in w.iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&v.to_string());
    }
    out
}

/// A message as a sentence of its own: capital first letter, final full stop.
pub fn sentence(msg: &str) -> String {
    let mut chars = msg.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // ASCII only: messages start with an ASCII letter, and full Unicode case mapping would
    // add its tables to the wasm.
    let mut out: String = std::iter::once(first.to_ascii_uppercase())
        .chain(chars)
        .collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
