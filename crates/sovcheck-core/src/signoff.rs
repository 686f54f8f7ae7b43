//! The sign-off faces the verdict: the management body may approve an offer whose target
//! SEAL is not met, or not yet known to be met (the customer owns the residual risk), but it
//! must then say which residual risk it accepts. This module holds that rule, as data; the
//! editor shows it, the report prints it, and the words come from the text layer.

use crate::model::{Assessment, Decision};
use crate::seal::Seal;
use crate::verdict::{TargetVerdict, Verdict};

/// Why an approval stands against the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// The upper bound is below the target: it is not met even at best.
    NotMet,
    /// It depends on open answers.
    Undecided,
}

impl Shortfall {
    /// The wire word: `not-met`, `undecided` (as [`TargetVerdict::id`]).
    pub fn id(self) -> &'static str {
        match self {
            Shortfall::NotMet => "not-met",
            Shortfall::Undecided => "undecided",
        }
    }
}

/// An approval (with or without conditions) given while the target is not met or undecided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApprovalAgainstTarget {
    /// The decision: [`Decision::Approve`] or [`Decision::ApproveWithConditions`].
    pub decision: Decision,
    /// The target SEAL.
    pub target: Seal,
    /// Not met, or undecided.
    pub shortfall: Shortfall,
}

/// The approval given against the target, if the decision approves (with or without
/// conditions) an offer whose target is not met or undecided. `None` without a target, when
/// it is met, or when the decision is a rejection or not taken yet.
pub fn approval_against_target(a: &Assessment, v: &Verdict) -> Option<ApprovalAgainstTarget> {
    let decision = a
        .signoff
        .decision
        .filter(|d| matches!(d, Decision::Approve | Decision::ApproveWithConditions))?;
    let target = v.target.as_ref()?;
    let shortfall = match target.verdict {
        TargetVerdict::Met => return None,
        TargetVerdict::NotMet => Shortfall::NotMet,
        TargetVerdict::Undecided { .. } => Shortfall::Undecided,
    };
    Some(ApprovalAgainstTarget {
        decision,
        target: target.seal,
        shortfall,
    })
}

/// The approval against the target whose residual-risk acceptance is missing (the
/// "residual risks accepted" text is blank): the sign-off is then incomplete. The editor
/// marks the field as required; nothing is blocked and nothing typed is refused.
pub fn missing_acceptance(a: &Assessment, v: &Verdict) -> Option<ApprovalAgainstTarget> {
    approval_against_target(a, v).filter(|_| a.signoff.residual_risks.trim().is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Answer;
    use crate::{evaluate, verdict};

    /// Only SOV-7.1 answered: rung 0 grants SEAL-1, rung 4 SEAL-4; every other criterion is
    /// open (worst SEAL-0, best SEAL-4).
    fn assessment(rung: u8, target: Option<u8>, decision: Option<Decision>) -> Assessment {
        let mut a = Assessment::default();
        a.answers.insert(
            "SOV-7.1".to_owned(),
            Answer {
                rung: Some(rung),
                ..Answer::default()
            },
        );
        a.meta.target_seal = target.and_then(Seal::new);
        a.signoff.decision = decision;
        a
    }

    fn judge(a: &Assessment) -> (Option<ApprovalAgainstTarget>, Option<ApprovalAgainstTarget>) {
        let v = verdict(a, &evaluate(a, None));
        (approval_against_target(a, &v), missing_acceptance(a, &v))
    }

    #[test]
    fn approving_a_target_not_met_needs_the_residual_risk_accepted() {
        // SOV-7.1 rung 0 caps the best case at SEAL-1 < target SEAL-3: not met.
        let mut a = assessment(0, Some(3), Some(Decision::Approve));
        let want = ApprovalAgainstTarget {
            decision: Decision::Approve,
            target: Seal::new(3).unwrap(),
            shortfall: Shortfall::NotMet,
        };
        assert_eq!(judge(&a), (Some(want), Some(want)));
        // Blank text does not count as an acceptance; any text does.
        a.signoff.residual_risks = " \n ".to_owned();
        assert_eq!(judge(&a), (Some(want), Some(want)));
        a.signoff.residual_risks = "Extraterritorial access accepted until 2027.".to_owned();
        assert_eq!(judge(&a), (Some(want), None));
        assert_eq!(want.shortfall.id(), "not-met");
    }

    #[test]
    fn approving_with_conditions_an_undecided_target_needs_it_too() {
        // SOV-7.1 rung 4: SEAL-0 to SEAL-4 against target SEAL-2: undecided.
        let a = assessment(4, Some(2), Some(Decision::ApproveWithConditions));
        let want = ApprovalAgainstTarget {
            decision: Decision::ApproveWithConditions,
            target: Seal::new(2).unwrap(),
            shortfall: Shortfall::Undecided,
        };
        assert_eq!(judge(&a), (Some(want), Some(want)));
        assert_eq!(want.shortfall.id(), "undecided");
    }

    #[test]
    fn a_met_target_a_rejection_no_decision_or_no_target_need_nothing() {
        // Target SEAL-0 is met by any lower bound.
        for a in [
            assessment(0, Some(0), Some(Decision::Approve)),
            assessment(0, Some(3), Some(Decision::Reject)),
            assessment(0, Some(3), None),
            assessment(0, None, Some(Decision::Approve)),
        ] {
            assert_eq!(judge(&a), (None, None), "{:?}", a.signoff.decision);
        }
    }
}
