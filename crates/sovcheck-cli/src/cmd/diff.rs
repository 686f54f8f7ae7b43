//! `diff`: what changed between two versions of an assessment, and what each change does to
//! the SEAL.

use sovcheck_core::diff::{Delta, Diff, Effect, Field};
use sovcheck_core::SealRange;
use sovcheck_text::{fill, Catalog};

/// The effect line of one change: overall SEAL, then the objective's.
pub(crate) fn effect_text(objective: &str, effect: &Effect, t: &Catalog) -> String {
    let seal = |d: Delta<SealRange>| t.change(&t.seal_range(d.old), &t.seal_range(d.new));
    format!(
        "  {}",
        t.clauses([
            t.label_value(t.cli.seal_with_this_change, &seal(effect.seal)),
            t.label_value(objective, &seal(effect.objective_seal)),
        ])
    )
}

/// The diff in words, one item per line, changes in content order.
pub(crate) fn diff_text(d: &Diff, t: &Catalog) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    let s = d.summary;
    line(t.label_value(
        "SEAL",
        &t.change(&t.seal_range(s.seal.old), &t.seal_range(s.seal.new)),
    ));
    line(t.label_value(
        t.cli.score_label,
        &t.change(
            &t.score_range(s.score.old.lower, s.score.old.upper),
            &t.score_range(s.score.new.lower, s.score.new.upper),
        ),
    ));
    if d.is_empty() {
        line(t.cli.no_difference.to_owned());
        return out;
    }
    for c in &d.changes {
        let mut parts = Vec::new();
        if c.choice.changed() {
            parts.push(fill(
                t.typo.change,
                &[
                    ("old", &t.choice_short(c.choice.old)),
                    ("new", &t.choice_short(c.choice.new)),
                ],
            ));
        }
        let evidence: Vec<&str> = c
            .fields
            .iter()
            .filter(|f| **f != Field::Choice)
            .map(|f| t.diff_field(*f))
            .collect();
        if !evidence.is_empty() {
            parts.push(fill(t.cli.evidence_changed, &[("what", &t.list(evidence))]));
        }
        if c.declared.changed() {
            parts.push(
                if c.declared.new {
                    t.provenance.became_declared
                } else {
                    t.provenance.became_verified
                }
                .to_owned(),
            );
        }
        line(t.label_value(c.criterion, &t.clauses(parts)));
        if c.choice.changed() {
            line(effect_text(c.objective, &c.effect, t));
        }
    }
    for o in &d.overrides {
        let (old, new) = (o.overrides.old.as_ref(), o.overrides.new.as_ref());
        let what = match (old, new) {
            (Some(a), Some(b)) if a.level == b.level => {
                t.clauses([a.level.to_string(), t.cli.justification_changed.to_owned()])
            }
            _ => t.change(&t.override_level(old), &t.override_level(new)),
        };
        line(t.label_value(
            &fill(t.cli.override_label, &[("objective", &o.objective)]),
            &what,
        ));
        if o.effect.objective_seal.changed() || o.effect.seal.changed() {
            line(effect_text(o.objective, &o.effect, t));
        }
    }
    if let Some(w) = d.weights {
        line(t.label_value(
            t.cli.weights_label,
            &fill(
                t.typo.change,
                &[
                    ("old", &sovcheck_text::words::weights_values(&w.old)),
                    ("new", &sovcheck_text::words::weights_values(&w.new)),
                ],
            ),
        ));
    }
    if let Some(a) = d.aggregation {
        line(t.label_value(
            t.cli.aggregation_label,
            &fill(
                t.typo.change,
                &[
                    ("old", &t.aggregation(a.old)),
                    ("new", &t.aggregation(a.new)),
                ],
            ),
        ));
    }
    if let Some(st) = d.secnumcloud_stage {
        line(t.label_value(
            t.cli.stage_label,
            &fill(
                t.typo.change,
                &[("old", &t.stage(st.old)), ("new", &t.stage(st.new))],
            ),
        ));
    }
    out
}
