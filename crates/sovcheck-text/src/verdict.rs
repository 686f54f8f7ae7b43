//! The verdict in words: the counts, both ends of the range and why, the target, the
//! plain-language summary, the action plan and the sign-off against the target. The core
//! (`sovcheck_core::verdict`, `sovcheck_core::signoff`) says it as data; this module says it,
//! once, for the results, the report, the live estimate and the command line.

use crate::{fill, Catalog};
use sovcheck_core::content;
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::model::{Aggregation, Assessment, PlanStatus, Weights};
use sovcheck_core::signoff::{ApprovalAgainstTarget, Shortfall};
use sovcheck_core::verdict::{
    Cap, Decider, LowEnd, OpenCriterion, PlanEntry, PlanKind, Target, TargetVerdict, Verdict,
};
use sovcheck_core::{Seal, SealRange};

/// The number of criteria in the content (48 today; never written down anywhere else).
pub fn criteria_total() -> usize {
    sovcheck_core::criteria().count()
}

impl Catalog {
    /// A criterion by id and title (`SOV-5.5 Hardware origin`), or an objective by id and
    /// name (`SOV-5 Supply-chain sovereignty`); the bare id when the content has neither.
    pub fn criterion_ref(&self, id: &str) -> String {
        let lang = self.lang();
        if let Some(c) = content::criterion(id) {
            format!("{} {}", c.id, c.title.get(lang))
        } else if let Some(o) = content::objective(id) {
            format!("{} {}", o.id, o.name.get(lang))
        } else {
            id.to_owned()
        }
    }

    /// A rung's label, quoted (`“EU-only hardware”`), or the rung in a few words when the
    /// criterion has no such rung.
    pub fn rung_label(&self, criterion: &str, rung: u8) -> String {
        content::criterion(criterion)
            .and_then(|c| c.rung(rung))
            .map_or_else(
                || fill(self.words.rung, &[("n", &rung)]),
                |r| self.quote(r.label.get(self.lang())),
            )
    }

    /// `rung N` in the language's words.
    fn rung_words(&self, rung: u8) -> String {
        fill(self.words.rung, &[("n", &rung)])
    }

    /// The counts, one vocabulary everywhere: `48 criteria: 27 answered, 21 unknown,
    /// 0 unanswered`.
    pub fn counts(&self, ev: &Evaluation) -> String {
        fill(
            self.verdict.counts,
            &[
                ("total", &criteria_total()),
                (
                    "answered",
                    &self.count(ev.answered, &self.verdict.answered_n),
                ),
                ("unknown", &self.count(ev.unknown, &self.verdict.unknown_n)),
                (
                    "unanswered",
                    &self.count(ev.unanswered, &self.verdict.unanswered_n),
                ),
            ],
        )
    }

    /// The word for a target verdict: met, not met, undecided.
    pub fn target_word(&self, v: &TargetVerdict) -> &'static str {
        match v {
            TargetVerdict::Met => self.verdict.met,
            TargetVerdict::NotMet => self.verdict.not_met,
            TargetVerdict::Undecided { .. } => self.verdict.undecided,
        }
    }

    /// `Target SEAL-3: not met`, or "No target SEAL set".
    pub fn target_verdict(&self, target: Option<&Target>) -> String {
        match target {
            None => self.verdict.no_target.to_owned(),
            Some(t) => fill(
                self.verdict.target_verdict,
                &[
                    ("target", &t.seal),
                    ("verdict", &self.target_word(&t.verdict)),
                ],
            ),
        }
    }

    /// Why the target is met, not met or undecided (one sentence; the deciding criteria
    /// follow it as [`Catalog::decider`] items).
    pub fn target_why(&self, v: &Verdict, t: &Target) -> String {
        // With no open question the result is known: no "whatever the open questions".
        let settled = v.open.is_empty();
        match &t.verdict {
            TargetVerdict::Met if settled => fill(
                self.verdict.target_met_exact,
                &[("target", &t.seal), ("seal", &v.seal.lower)],
            ),
            TargetVerdict::NotMet if settled => fill(
                self.verdict.target_not_met_exact,
                &[("target", &t.seal), ("seal", &v.seal.upper)],
            ),
            TargetVerdict::Met => fill(self.verdict.target_met_why, &[("target", &t.seal)]),
            TargetVerdict::NotMet => fill(
                self.verdict.target_not_met_why,
                &[("target", &t.seal), ("upper", &v.seal.upper)],
            ),
            TargetVerdict::Undecided { deciding } => {
                let p = match v.aggregation {
                    Aggregation::WeakestLink => &self.verdict.target_undecided_why,
                    Aggregation::WeightedMean => &self.verdict.target_undecided_mean_why,
                };
                fill(
                    self.form(deciding.len(), p),
                    &[("target", &t.seal), ("n", &deciding.len())],
                )
            }
        }
    }

    /// A deciding criterion with the least answer it needs.
    pub fn decider(&self, d: &Decider) -> String {
        fill(
            self.verdict.decider,
            &[
                ("criterion", &self.criterion_ref(d.criterion)),
                ("answer", &self.rung_label(d.criterion, d.least_rung)),
                ("rung", &self.rung_words(d.least_rung)),
                ("seal", &d.grants),
            ],
        )
    }

    /// The lead of the low end's list (`SEAL-0 only if one of these 8 open questions gets
    /// its worst answer:`); `None` when the range is one level.
    pub fn low_end_heading(&self, v: &Verdict) -> Option<String> {
        let (p, n) = match &v.low_end {
            LowEnd::Exact => return None,
            LowEnd::Any(c) => (&self.verdict.low_end_any, c.len()),
            LowEnd::Together(c) => (&self.verdict.low_end_together, c.len()),
        };
        Some(fill(
            self.form(n, p),
            &[("lower", &v.seal.lower), ("n", &n)],
        ))
    }

    /// One open criterion of the low end, with its state, and what its worst answer grants
    /// when that is not the lower end itself (`lower`).
    pub fn low_end_item(&self, o: &OpenCriterion, lower: Seal) -> String {
        let state = if o.unknown {
            self.words.unknown
        } else {
            self.words.unanswered
        };
        let template = if o.worst == lower {
            self.verdict.low_end_item
        } else {
            self.verdict.low_end_item_worst
        };
        fill(
            template,
            &[
                ("criterion", &self.criterion_ref(o.criterion)),
                ("state", &state),
                ("worst", &o.worst),
            ],
        )
    }

    /// The lead of the high end's list: `At best SEAL-1, because:`; `Exactly SEAL-3, set
    /// by:` for a one-level range; or the sentence that nothing caps the best case.
    pub fn cap_heading(&self, v: &Verdict) -> String {
        if v.capped_by.is_empty() {
            fill(self.verdict.not_capped, &[("upper", &v.seal.upper)])
        } else if v.seal.is_exact() {
            fill(self.verdict.set_at, &[("seal", &v.seal.upper)])
        } else {
            fill(self.verdict.capped_at, &[("upper", &v.seal.upper)])
        }
    }

    /// One answer or override that caps the best case, with the answer and the SEAL it
    /// grants.
    pub fn cap(&self, c: &Cap) -> String {
        match *c {
            Cap::Answer {
                criterion,
                rung,
                seal,
            } => fill(
                self.verdict.cap_answer,
                &[
                    ("criterion", &self.criterion_ref(criterion)),
                    ("answer", &self.rung_label(criterion, rung)),
                    ("rung", &self.rung_words(rung)),
                    ("seal", &seal),
                ],
            ),
            Cap::Override { objective, level } => fill(
                self.verdict.cap_override,
                &[
                    ("objective", &self.criterion_ref(objective)),
                    ("seal", &level),
                ],
            ),
        }
    }

    /// The plain-language summary that opens the results and the report: three to five
    /// sentences on what is known, what is still open and what decides the outcome.
    pub fn summary(&self, a: &Assessment, ev: &Evaluation, v: &Verdict) -> Vec<String> {
        let mut out = Vec::with_capacity(5);
        out.push(fill(
            self.form(ev.answered, &self.verdict.summary_known),
            &[
                ("answered", &ev.answered),
                ("total", &criteria_total()),
                ("unknown", &self.count(ev.unknown, &self.verdict.unknown_n)),
                (
                    "unanswered",
                    &self.count(ev.unanswered, &self.verdict.unanswered_n),
                ),
            ],
        ));
        let ids = self.list(v.capped_by.iter().map(Cap::id));
        if v.seal.is_exact() {
            let name = content::seal_level(v.seal.lower).map_or("", |l| l.name.get(self.lang()));
            out.push(fill(
                self.verdict.summary_exact,
                &[("seal", &v.seal.lower), ("name", &name)],
            ));
            if !v.capped_by.is_empty() {
                out.push(fill(self.verdict.summary_set_by, &[("ids", &ids)]));
            }
        } else {
            let (p, n) = match &v.low_end {
                LowEnd::Together(c) => (&self.verdict.summary_range_together, c.len()),
                LowEnd::Any(c) => (&self.verdict.summary_range_any, c.len()),
                LowEnd::Exact => (&self.verdict.summary_range_any, 0),
            };
            out.push(fill(
                self.form(n, p),
                &[
                    ("range", &self.seal_range(v.seal)),
                    ("lower", &v.seal.lower),
                    ("n", &n),
                ],
            ));
            out.push(self.capped_sentence(v, &ids));
        }
        let plan = sovcheck_core::plan(a, ev);
        out.push(match &v.target {
            None => self.verdict.summary_no_target.to_owned(),
            Some(t) => match &t.verdict {
                TargetVerdict::Met if v.open.is_empty() => fill(
                    self.verdict.summary_target_met_exact,
                    &[("target", &t.seal)],
                ),
                TargetVerdict::Met => fill(self.verdict.summary_target_met, &[("target", &t.seal)]),
                TargetVerdict::NotMet => {
                    let n = plan
                        .change
                        .iter()
                        .filter(|e| matches!(e.kind, PlanKind::BelowTarget { .. }))
                        .count();
                    let template = if n == 0 {
                        self.verdict.summary_target_not_met_bare
                    } else if v.open.is_empty() {
                        self.form(n, &self.verdict.summary_target_not_met_exact)
                    } else {
                        self.form(n, &self.verdict.summary_target_not_met)
                    };
                    fill(
                        template,
                        &[("target", &t.seal), ("upper", &v.seal.upper), ("n", &n)],
                    )
                }
                TargetVerdict::Undecided { deciding } => {
                    // Under the weakest link the deciding criteria are exactly what the
                    // target takes; under the weighted mean every open criterion counts.
                    let n = match v.aggregation {
                        Aggregation::WeakestLink => deciding.len(),
                        Aggregation::WeightedMean => v.open.len(),
                    };
                    fill(
                        self.form(n, &self.verdict.summary_target_undecided),
                        &[("target", &t.seal), ("n", &n)],
                    )
                }
            },
        });
        let declared = plan
            .ask
            .iter()
            .filter(|e| matches!(e.kind, PlanKind::DeclaredOnly { .. }))
            .count();
        if declared > 0 {
            out.push(self.count(declared, &self.verdict.summary_declared));
        }
        out
    }

    /// What caps the best case, in one sentence of the summary.
    fn capped_sentence(&self, v: &Verdict, ids: &str) -> String {
        let overrides = v
            .capped_by
            .iter()
            .filter(|c| matches!(c, Cap::Override { .. }))
            .count();
        let n = v.capped_by.len();
        let template = if n == 0 {
            self.verdict.summary_not_capped
        } else if overrides == 0 {
            self.form(n, &self.verdict.summary_capped_answers)
        } else if overrides == n {
            self.form(n, &self.verdict.summary_capped_overrides)
        } else {
            self.verdict.summary_capped_mixed
        };
        fill(
            template,
            &[("upper", &v.seal.upper), ("n", &n), ("ids", &ids)],
        )
    }

    /// Why a perfect offer reads more than 100 % under `weights`: the score of every
    /// criterion at its best rung, and the workbook's nominal divisor.
    pub fn perfect_score(&self, weights: &Weights) -> String {
        let best = Assessment {
            weights: weights.clone(),
            ..Assessment::default()
        };
        let max = sovcheck_core::evaluate(&best, None).score.upper;
        fill(self.verdict.perfect_score, &[("max", &self.score(max))])
    }

    /// `N SEAL levels`.
    pub fn seal_levels(&self, n: u8) -> String {
        self.count(usize::from(n), &self.plan.levels)
    }

    /// `N.NN points of score`, with the singular where the language takes it: English only
    /// for exactly 1, French below 2 ("0,36 point", "1,50 point").
    pub fn score_points(&self, v: f64) -> String {
        self.decimal_count(v, &self.plan.points)
    }

    /// `N.NN points`, the short form of [`Catalog::score_points`].
    pub fn score_points_short(&self, v: f64) -> String {
        self.decimal_count(v, &self.plan.points_short)
    }

    /// A decimal with the plural form the language takes for it.
    fn decimal_count(&self, v: f64, p: &crate::Plural) -> String {
        // `is_singular` takes whole numbers: 1 is singular in both languages, 0 only in
        // French, 2 in neither; so 0 < v < 2 (but 1) maps to 0.
        let n = if v >= 2.0 {
            2
        } else if (v - 1.0).abs() < f64::EPSILON {
            1
        } else {
            0
        };
        fill(self.form(n, p), &[("n", &self.decimal(v, 2))])
    }

    /// The state or answer of a plan entry: `unknown`, `declared by the provider only:
    /// “…”`, `answered “…”, which grants SEAL-1; the target needs at least “…” (rung 2)`…
    pub fn plan_state(&self, e: &PlanEntry, target: Option<Seal>) -> String {
        match e.kind {
            PlanKind::Open { unknown: true } => self.words.unknown.to_owned(),
            PlanKind::Open { unknown: false } => self.words.unanswered.to_owned(),
            PlanKind::DeclaredOnly { rung } => fill(
                self.plan.declared,
                &[("answer", &self.rung_label(e.id, rung))],
            ),
            PlanKind::BelowTarget { rung, least_rung } => {
                let seal = content::criterion(e.id)
                    .and_then(|c| c.rung(rung))
                    .map(|r| r.seal);
                let now = fill(
                    self.plan.below,
                    &[
                        ("answer", &self.rung_label(e.id, rung)),
                        ("seal", &self.opt_seal(seal)),
                    ],
                );
                let then = match (least_rung, target) {
                    (Some(least), _) => fill(
                        self.plan.least,
                        &[
                            ("answer", &self.rung_label(e.id, least)),
                            ("rung", &self.rung_words(least)),
                        ],
                    ),
                    (None, t) => fill(self.plan.unreachable, &[("target", &self.opt_seal(t))]),
                };
                self.clauses([now, then])
            }
            PlanKind::OverrideBelowTarget { level } => {
                fill(self.plan.override_below, &[("seal", &level)])
            }
        }
    }

    /// What is at stake on a plan entry, in SEAL levels and points of score.
    pub fn plan_stake(&self, e: &PlanEntry) -> String {
        let template = match e.kind {
            PlanKind::Open { .. } => self.plan.stake_open,
            PlanKind::DeclaredOnly { .. } => self.plan.stake_declared,
            PlanKind::BelowTarget { .. } | PlanKind::OverrideBelowTarget { .. } => {
                self.plan.stake_change
            }
        };
        fill(
            template,
            &[
                ("levels", &self.seal_levels(e.seal_at_stake)),
                ("points", &self.score_points(e.score_percent())),
            ],
        )
    }

    /// What is at stake on a plan entry, in a few words (the report's column).
    pub fn plan_stake_short(&self, e: &PlanEntry) -> String {
        fill(
            self.plan.stake_short,
            &[
                ("levels", &self.seal_levels(e.seal_at_stake)),
                ("points", &self.score_points_short(e.score_percent())),
            ],
        )
    }

    /// An action's status.
    pub fn plan_status(&self, s: PlanStatus) -> &'static str {
        match s {
            PlanStatus::Planned => self.plan.status_planned,
            PlanStatus::InProgress => self.plan.status_in_progress,
            PlanStatus::Done => self.plan.status_done,
        }
    }

    /// The report's sentence on an approval given against the target: `Approved although
    /// the target SEAL-3 is not met.`
    pub fn approved_against_target(&self, x: &ApprovalAgainstTarget) -> String {
        let template = match x.shortfall {
            Shortfall::NotMet => self.verdict.approved_not_met,
            Shortfall::Undecided => self.verdict.approved_undecided,
        };
        fill(
            template,
            &[
                ("decision", &self.decision(x.decision)),
                ("target", &x.target),
            ],
        )
    }

    /// The editor's requirement when the residual-risk acceptance is missing.
    pub fn acceptance_required(&self, x: &ApprovalAgainstTarget) -> String {
        let template = match x.shortfall {
            Shortfall::NotMet => self.verdict.acceptance_required_not_met,
            Shortfall::Undecided => self.verdict.acceptance_required_undecided,
        };
        fill(template, &[("target", &x.target)])
    }

    /// The least answers that meet an undecided target, in a few words each (`SOV-1.8 at
    /// least rung 2, …`).
    pub fn least_answers(&self, t: &TargetVerdict) -> String {
        self.list(t.least_answers().map(|(criterion, rung)| {
            fill(
                self.verdict.least_short,
                &[("criterion", &criterion), ("rung", &self.rung_words(rung))],
            )
        }))
    }

    /// The SEAL range as the headline says it, with the level's name and meaning only when
    /// the range is one level (never the lower end's meaning under a range).
    pub fn headline_meaning(&self, r: SealRange) -> Option<(&'static str, &'static str)> {
        if !r.is_exact() {
            return None;
        }
        content::seal_level(r.lower).map(|l| (l.name.get(self.lang()), l.meaning.get(self.lang())))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::texts;
    use sovcheck_core::model::{
        Answer, Assessment, Decision, EvidenceLevel, Override, PlanStatus, Weights,
    };
    use sovcheck_core::signoff::approval_against_target;
    use sovcheck_core::{criteria, evaluate, plan, verdict, Lang, Seal};

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

    fn declared(r: u8) -> Answer {
        Answer {
            evidence_level: Some(EvidenceLevel::Declared),
            ..rung(r)
        }
    }

    /// The board trial's S3NS assessment (as in the core's verdict tests): 27 answers, 21
    /// "I don't know", target SEAL-3. Eight unknowns have a worst rung at SEAL-0; SOV-5.5
    /// at rung 1 (declared) and SOV-7.7 at rung 3 grant SEAL-1; SOV-3.4 is declared at its
    /// best rung.
    fn trial() -> Assessment {
        const UNKNOWN: [&str; 21] = [
            "SOV-1.8", "SOV-2.4", "SOV-3.1", "SOV-3.2", "SOV-3.3", "SOV-4.5", "SOV-7.4", "SOV-8.2",
            "SOV-1.1", "SOV-1.3", "SOV-2.1", "SOV-2.2", "SOV-3.5", "SOV-4.1", "SOV-4.2", "SOV-5.1",
            "SOV-5.2", "SOV-6.3", "SOV-6.4", "SOV-7.1", "SOV-8.1",
        ];
        let mut a = Assessment::default();
        for c in criteria() {
            a.answers.insert(
                c.id.to_owned(),
                rung(u8::try_from(c.rungs.len() - 1).unwrap()),
            );
        }
        for id in UNKNOWN {
            a.answers.insert(id.to_owned(), unknown());
        }
        a.answers.insert("SOV-5.5".to_owned(), declared(1));
        a.answers.insert("SOV-7.7".to_owned(), rung(3));
        a.answers.insert("SOV-5.6".to_owned(), rung(3));
        a.answers.insert("SOV-2.6".to_owned(), rung(2));
        a.answers.insert("SOV-3.4".to_owned(), declared(4));
        a.meta.target_seal = Seal::new(3);
        a
    }

    fn words(a: &Assessment, lang: Lang) -> Vec<String> {
        let ev = evaluate(a, None);
        texts(lang).summary(a, &ev, &verdict(a, &ev))
    }

    #[test]
    fn the_trial_summary_says_where_each_end_comes_from_and_that_the_target_is_not_met() {
        assert_eq!(
            words(&trial(), Lang::En),
            [
                "27 of the 48 criteria are answered, 21 unknown and 0 unanswered.",
                "The result is a range, SEAL-0 to SEAL-1: the low end, SEAL-0, is not a finding about the provider; it is what any one of 8 open questions would give at its worst.",
                "At best the offer reaches SEAL-1, because 2 answers cap it: SOV-5.5, SOV-7.7.",
                "The target SEAL-3 is not met, even at best (SEAL-1): 2 answers are below it.",
                "2 answers rest only on the provider's declaration: ask for evidence.",
            ]
        );
        assert_eq!(
            words(&trial(), Lang::Fr),
            [
                "27 critères sur 48 sont répondus, 21 inconnus et 0 sans réponse.",
                "Le résultat est une fourchette, SEAL-0 à SEAL-1\u{a0}: le niveau bas, SEAL-0, n'est pas un constat sur le prestataire\u{202f}; c'est ce que donnerait l'une de 8 questions ouvertes avec sa pire réponse.",
                "Au mieux, l'offre atteint SEAL-1, car 2 réponses la plafonnent\u{a0}: SOV-5.5, SOV-7.7.",
                "La cible SEAL-3 n'est pas atteinte, même au mieux (SEAL-1)\u{a0}: 2 réponses sont en dessous.",
                "2 réponses ne reposent que sur la déclaration du prestataire\u{a0}: demandez-en la preuve.",
            ]
        );
    }

    #[test]
    fn an_exact_result_gives_its_level_and_what_sets_it_and_a_met_target() {
        let mut a = Assessment::default();
        for c in criteria() {
            a.answers.insert(
                c.id.to_owned(),
                rung(u8::try_from(c.rungs.len() - 1).unwrap()),
            );
        }
        // SOV-2.6 rung 0 and SOV-6.4 rung 2 grant SEAL-3.
        a.answers.insert("SOV-2.6".to_owned(), rung(0));
        a.answers.insert("SOV-6.4".to_owned(), rung(2));
        a.meta.target_seal = Seal::new(3);
        assert_eq!(
            words(&a, Lang::En),
            [
                "48 of the 48 criteria are answered, 0 unknown and 0 unanswered.",
                "The result is SEAL-3 (Digital resilience).",
                "It is set by SOV-2.6, SOV-6.4.",
                "The target SEAL-3 is met.",
            ]
        );
        assert_eq!(
            words(&a, Lang::Fr),
            [
                "48 critères sur 48 sont répondus, 0 inconnu et 0 sans réponse.",
                "Le résultat est SEAL-3 (Résilience numérique).",
                "Il est fixé par SOV-2.6, SOV-6.4.",
                "La cible SEAL-3 est atteinte.",
            ]
        );
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        let t = v.target.as_ref().unwrap();
        assert_eq!(
            texts(Lang::En).target_why(&v, t),
            "The result, SEAL-3, reaches the target SEAL-3."
        );
        // Raise the target above the result: not met, and nothing is left to chance.
        let mut higher = a.clone();
        higher.meta.target_seal = Seal::new(4);
        let ev = evaluate(&higher, None);
        let v = verdict(&higher, &ev);
        assert_eq!(
            texts(Lang::Fr).target_why(&v, v.target.as_ref().unwrap()),
            "Le résultat, SEAL-3, est sous la cible SEAL-4."
        );
        assert_eq!(
            texts(Lang::En).summary(&higher, &ev, &v)[3],
            "The target SEAL-4 is not met: 2 answers are below it."
        );
    }

    #[test]
    fn a_fresh_assessment_is_a_full_range_nothing_caps_and_no_target() {
        let a = Assessment::default();
        let en = words(&a, Lang::En);
        assert_eq!(en.len(), 4);
        assert_eq!(
            en[0],
            "0 of the 48 criteria are answered, 0 unknown and 48 unanswered."
        );
        assert!(en[1].starts_with("The result is a range, SEAL-0 to SEAL-4: the low end, SEAL-0, is not a finding about the provider; it is what any one of "), "{}", en[1]);
        assert_eq!(
            en[2],
            "At best the offer reaches SEAL-4: no answer caps it."
        );
        assert_eq!(
            en[3],
            "No target SEAL is set, so the result is not judged against the level your data needs."
        );
        assert_eq!(
            words(&a, Lang::Fr)[0],
            "0 critère sur 48 est répondu, 0 inconnu et 48 sans réponse."
        );
    }

    #[test]
    fn an_undecided_target_names_its_deciding_questions_and_least_answers() {
        // Only SOV-7.1 answered, at rung 4 (SEAL-4); target SEAL-1: every open criterion
        // whose worst rung is below SEAL-1 decides, at the least rung reaching it.
        let mut a = Assessment::default();
        a.answers.insert("SOV-7.1".to_owned(), rung(4));
        a.answers.insert("SOV-1.8".to_owned(), unknown());
        a.meta.target_seal = Seal::new(1);
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        let t = v.target.as_ref().unwrap();
        let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
        assert_eq!(en.target_verdict(Some(t)), "Target SEAL-1: undecided");
        assert_eq!(
            fr.target_verdict(Some(t)),
            "Cible SEAL-1\u{a0}: indéterminée"
        );
        let n = t.verdict.deciding().len();
        assert_eq!(
            en.target_why(&v, t),
            format!("It depends on {n} open questions: the target SEAL-1 is met if, and only if, each gets at least the answer below.")
        );
        assert_eq!(
            en.summary(&a, &ev, &v)[3],
            format!("Whether the target SEAL-1 is met depends on {n} open questions.")
        );
        let first = t.verdict.deciding()[0];
        assert_eq!(first.criterion, "SOV-1.8");
        assert_eq!(
            en.decider(&first),
            format!(
                "SOV-1.8 {}: at least {} (rung {}, SEAL-{})",
                sovcheck_core::criterion("SOV-1.8")
                    .unwrap()
                    .title
                    .get(Lang::En),
                en.rung_label("SOV-1.8", first.least_rung),
                first.least_rung,
                first.grants.level()
            )
        );
        assert!(en
            .least_answers(&t.verdict)
            .starts_with(&format!("SOV-1.8 at least rung {}, ", first.least_rung)));
        assert!(fr.least_answers(&t.verdict).starts_with(&format!(
            "SOV-1.8 au moins au niveau {}, ",
            first.least_rung
        )));
        assert_eq!(en.target_verdict(None), "No target SEAL set");
    }

    #[test]
    fn the_low_and_high_ends_read_with_titles_answers_and_levels() {
        let a = trial();
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
        assert_eq!(
            en.low_end_heading(&v).unwrap(),
            "SEAL-0 only if one of these 8 open questions gets its worst answer:"
        );
        assert_eq!(
            fr.low_end_heading(&v).unwrap(),
            "SEAL-0 seulement si l'une de ces 8 questions ouvertes reçoit sa pire réponse\u{a0}:"
        );
        let title = |id: &str, lang| sovcheck_core::criterion(id).unwrap().title.get(lang);
        // Under the weakest link every low-end criterion's worst answer is the lower end
        // itself, so the item says only its state; another level is spelt out.
        let sov18 = v.open.iter().find(|o| o.criterion == "SOV-1.8").unwrap();
        assert_eq!(
            en.low_end_item(sov18, v.seal.lower),
            format!("SOV-1.8 {} (unknown)", title("SOV-1.8", Lang::En))
        );
        assert_eq!(
            fr.low_end_item(sov18, v.seal.lower),
            format!("SOV-1.8 {} (inconnu)", title("SOV-1.8", Lang::Fr))
        );
        assert_eq!(
            en.low_end_item(&v.open[0], v.seal.lower),
            format!(
                "SOV-1.1 {} (unknown; its worst answer grants SEAL-1)",
                title("SOV-1.1", Lang::En)
            )
        );
        assert_eq!(en.cap_heading(&v), "At best SEAL-1, because:");
        assert_eq!(fr.cap_heading(&v), "Au mieux SEAL-1, parce que\u{a0}:");
        let label = |lang| {
            sovcheck_core::criterion("SOV-7.7").unwrap().rungs[3]
                .label
                .get(lang)
        };
        assert_eq!(
            en.cap(&v.capped_by[1]),
            format!(
                "SOV-7.7 {}: “{}” (rung 3) grants SEAL-1",
                title("SOV-7.7", Lang::En),
                label(Lang::En)
            )
        );
        assert_eq!(
            fr.cap(&v.capped_by[1]),
            format!(
                "SOV-7.7 {}\u{a0}: «\u{202f}{}\u{202f}» (niveau 3) donne SEAL-1",
                title("SOV-7.7", Lang::Fr),
                label(Lang::Fr)
            )
        );
        assert_eq!(
            en.target_why(&v, v.target.as_ref().unwrap()),
            "Even if every open question gets its best answer, the result stays at SEAL-1, below the target SEAL-3."
        );
        assert_eq!(en.headline_meaning(v.seal), None);
    }

    #[test]
    fn an_override_caps_in_words() {
        let mut a = Assessment::default();
        a.overrides.insert(
            "SOV-5".to_owned(),
            Override {
                level: Seal::new(2).unwrap(),
                justification: "j".to_owned(),
            },
        );
        let ev = evaluate(&a, None);
        let v = verdict(&a, &ev);
        assert_eq!(
            texts(Lang::En).cap(&v.capped_by[0]),
            "SOV-5 Supply-chain sovereignty: expert override at SEAL-2"
        );
        assert_eq!(
            texts(Lang::Fr).summary(&a, &ev, &v)[2],
            "Au mieux, l'offre atteint SEAL-2, car un ajustement d'expert la plafonne\u{a0}: SOV-5."
        );
    }

    #[test]
    fn counts_use_one_vocabulary_in_both_languages() {
        let ev = evaluate(&trial(), None);
        assert_eq!(
            texts(Lang::En).counts(&ev),
            "48 criteria: 27 answered, 21 unknown, 0 unanswered"
        );
        assert_eq!(
            texts(Lang::Fr).counts(&ev),
            "48 critères\u{a0}: 27 répondus, 21 inconnus, 0 sans réponse"
        );
    }

    #[test]
    fn the_plan_reads_state_and_stake_in_words() {
        let a = trial();
        let ev = evaluate(&a, None);
        let p = plan(&a, &ev);
        let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
        let target = a.meta.target_seal;
        // SOV-4.5, unknown: 4 levels, 16,700 centi-points × 15 / 100,000 = 2.505, which as a
        // float lies just below 2.505: 2.50, as every other score is printed.
        assert_eq!(en.plan_state(&p.ask[0], target), "unknown");
        assert_eq!(
            en.plan_stake(&p.ask[0]),
            "At stake: up to 4 SEAL levels and 2.50 points of score."
        );
        assert_eq!(
            fr.plan_stake(&p.ask[0]),
            "Enjeu\u{a0}: jusqu'à 4 niveaux SEAL et 2,50 points de score."
        );
        // SOV-5.5 below the target: rung 1 → rung 2 (SEAL-3), 3,575 × 20 = 0.715, just below as a float: 0.71.
        let e = p.change[0];
        assert_eq!(e.id, "SOV-5.5");
        let lbl = |r: usize, lang| {
            sovcheck_core::criterion("SOV-5.5").unwrap().rungs[r]
                .label
                .get(lang)
        };
        assert_eq!(
            en.plan_state(&e, target),
            format!(
                "answered “{}”, which grants SEAL-1; the target needs at least “{}” (rung 2)",
                lbl(1, Lang::En),
                lbl(2, Lang::En)
            )
        );
        assert_eq!(
            en.plan_stake(&e),
            "Reaching the target here: 2 SEAL levels and 0.71 points of score."
        );
        assert_eq!(
            fr.plan_stake(&e),
            "Atteindre la cible ici\u{a0}: 2 niveaux SEAL et 0,71 point de score."
        );
        // The declared SOV-5.5 in the ask group: 0 levels at stake.
        let d = p.ask.iter().find(|e| e.id == "SOV-5.5").unwrap();
        assert_eq!(
            en.plan_state(d, target),
            format!("declared by the provider only: “{}”", lbl(1, Lang::En))
        );
        assert_eq!(
            fr.plan_stake(d),
            "Enjeu si la déclaration se révèle fausse\u{a0}: jusqu'à 0 niveau SEAL et 0,71 point de score."
        );
        assert_eq!(
            fr.plan_stake_short(&p.ask[0]),
            "4 niveaux SEAL · 2,50 points"
        );
        assert_eq!(en.plan_status(PlanStatus::InProgress), "In progress");
        assert_eq!(fr.plan_status(PlanStatus::Done), "Terminée");
    }

    #[test]
    fn points_take_the_plural_each_language_wants() {
        let (en, fr) = (texts(Lang::En), texts(Lang::Fr));
        assert_eq!(en.score_points(1.0), "1.00 point of score");
        assert_eq!(en.score_points(0.5), "0.50 points of score");
        assert_eq!(en.score_points(1.5), "1.50 points of score");
        assert_eq!(fr.score_points(1.5), "1,50 point de score");
        assert_eq!(fr.score_points(0.36), "0,36 point de score");
        assert_eq!(fr.score_points(2.0), "2,00 points de score");
    }

    #[test]
    fn approving_against_the_target_is_printed_in_both_languages() {
        let mut a = trial();
        a.signoff.decision = Some(Decision::Approve);
        let ev = evaluate(&a, None);
        let x = approval_against_target(&a, &verdict(&a, &ev)).unwrap();
        assert_eq!(
            texts(Lang::En).approved_against_target(&x),
            "Approved although the target SEAL-3 is not met."
        );
        assert_eq!(
            texts(Lang::Fr).approved_against_target(&x),
            "Approuvé bien que la cible SEAL-3 ne soit pas atteinte."
        );
        assert_eq!(
            texts(Lang::En).acceptance_required(&x),
            "The target SEAL-3 is not met: approving means the management body accepts the residual risk. Write which risks it accepts."
        );
        a.signoff.decision = Some(Decision::ApproveWithConditions);
        a.answers.insert("SOV-5.5".to_owned(), rung(4));
        a.answers.insert("SOV-7.7".to_owned(), rung(4));
        let ev = evaluate(&a, None);
        let x = approval_against_target(&a, &verdict(&a, &ev)).unwrap();
        assert_eq!(
            texts(Lang::En).approved_against_target(&x),
            "Approved with conditions although it is undecided whether the target SEAL-3 is met."
        );
        assert_eq!(
            texts(Lang::Fr).approved_against_target(&x),
            "Approuvé sous conditions alors que l'atteinte de la cible SEAL-3 reste indéterminée."
        );
    }

    #[test]
    fn a_perfect_offer_reads_100_08_and_the_screen_says_why() {
        assert!(texts(Lang::En)
            .perfect_score(&Weights::Calculator)
            .starts_with("A perfect offer reads 100.08%, not 100%: "));
        assert!(texts(Lang::Fr)
            .perfect_score(&Weights::Framework)
            .starts_with("Une offre parfaite obtient 100,08\u{a0}%, et non 100\u{a0}%\u{a0}: "));
    }

    #[test]
    fn the_level_meaning_is_given_only_for_a_one_level_range() {
        let en = texts(Lang::En);
        let one = sovcheck_core::SealRange::exact(Seal::new(3).unwrap());
        assert_eq!(
            en.headline_meaning(one).map(|m| m.0),
            Some("Digital resilience")
        );
        let range = sovcheck_core::SealRange {
            lower: Seal::new(0).unwrap(),
            upper: Seal::new(1).unwrap(),
        };
        assert_eq!(en.headline_meaning(range), None);
    }
}
