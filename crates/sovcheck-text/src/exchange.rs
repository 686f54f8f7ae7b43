//! The words of many hands: roles, respondents, provenance, the decision log and the
//! landing's errors, for the app (landing, report, comparison) and `sovcheck merge` alike.

use crate::{fill, Catalog};
use sovcheck_core::content;
use sovcheck_core::format::DocumentKind;
use sovcheck_core::merge::LandingError;
use sovcheck_core::model::{Answer, LogEntry, LogEvent, Respondent, Role};

impl Catalog {
    /// A respondent's role.
    pub fn role(&self, r: Role) -> &'static str {
        let p = &self.provenance;
        match r {
            Role::Provider => p.role_provider,
            Role::Legal => p.role_legal,
            Role::Architecture => p.role_architecture,
            Role::Purchasing => p.role_purchasing,
            Role::Security => p.role_security,
            Role::Other => p.role_other,
        }
    }

    /// A respondent: `name (role)`, `name`, or the role alone.
    pub fn respondent(&self, r: &Respondent) -> String {
        let name = r.name.trim();
        match (name.is_empty(), r.role) {
            (false, Some(role)) => fill(
                self.provenance.respondent,
                &[("name", &name), ("role", &self.role(role))],
            ),
            (false, None) => name.to_owned(),
            (true, Some(role)) => self.role(role).to_owned(),
            (true, None) => self.typo.dash.to_owned(),
        }
    }

    /// What a file holds, as in "this file is a questionnaire".
    pub fn document_kind(&self, k: DocumentKind) -> &'static str {
        let x = &self.exchange;
        match k {
            DocumentKind::Assessment => x.kind_assessment,
            DocumentKind::Workspace => x.kind_workspace,
            DocumentKind::Questionnaire => x.kind_questionnaire,
            DocumentKind::Response => x.kind_response,
        }
    }

    /// Why a response (or another copy) cannot be landed.
    pub fn landing_error(&self, e: &LandingError) -> String {
        let x = &self.exchange;
        match e {
            LandingError::OtherAssessment { expected, found } => fill(
                x.other_assessment,
                &[
                    ("found", &self.quote(found)),
                    ("expected", &self.quote(expected)),
                ],
            ),
            LandingError::UnknownQuestionnaire(id) => {
                fill(x.unknown_questionnaire, &[("id", &self.quote(id))])
            }
            LandingError::OutsideScope(id) => fill(x.outside_sent_scope, &[("id", id)]),
        }
    }

    /// Where an answer comes from, in words: "declared by the provider, answered by X
    /// (legal) on 3 December 2026, accepted by Y on 4 December 2026"; `None` when the
    /// answer says nothing of it.
    pub fn provenance(&self, a: &Answer) -> Option<String> {
        let p = &self.provenance;
        let mut parts = Vec::new();
        if a.provider_declared() {
            parts.push(p.declared.to_owned());
        }
        let given = a.provenance.clone().unwrap_or_default();
        let name = given.respondent.trim();
        let answered = match (name.is_empty(), given.role) {
            (false, Some(role)) => Some(fill(
                p.answered_by_role,
                &[("name", &name), ("role", &self.role(role))],
            )),
            (false, None) => Some(fill(p.answered_by, &[("name", &name)])),
            (true, Some(role)) if role != Role::Provider => {
                Some(fill(p.answered_by, &[("name", &self.role(role))]))
            }
            _ => None,
        };
        let dated = |what: String, date| match date {
            Some(d) => fill(p.on, &[("what", &what), ("date", &self.date(d))]),
            None => what,
        };
        if let Some(what) = answered {
            parts.push(dated(what, a.received));
        }
        let by = given.accepted_by.trim();
        if !by.is_empty() {
            parts.push(dated(
                fill(p.accepted_by, &[("name", &by)]),
                given.accepted_on,
            ));
        }
        (!parts.is_empty()).then(|| self.list(parts))
    }

    /// How many answers of a comparison's column rest on the provider's declaration alone
    /// (`compare::Column::declared`).
    pub fn declared_count(&self, n: usize) -> String {
        self.count(n, &self.provenance.declared_count)
    }

    /// An answer to a criterion or a due-diligence question in words: the rung's label (or
    /// "I don't know", "unanswered") for a criterion, the quoted text for a question.
    pub fn given_answer(&self, subject: &str, a: &Answer) -> String {
        match content::criterion(subject) {
            Some(c) => self.answer(c, a.choice()).to_owned(),
            None if a.note.trim().is_empty() => self.landing.no_answer.to_owned(),
            None => self.quote(a.note.trim()),
        }
    }

    /// What a log entry records, in words (the log annex's "what").
    pub fn log_entry(&self, e: &LogEntry) -> String {
        let l = &self.log;
        let subject = e.subject.as_str();
        // A criterion's note goes with its answer (the log keeps the text not kept), and
        // every answer with who gave it, when known.
        let words = |a: &Option<Answer>| {
            let Some(a) = a else {
                return self.landing.no_answer.to_owned();
            };
            let answer = if content::criterion(subject).is_some() && !a.note.trim().is_empty() {
                fill(
                    l.with_note,
                    &[
                        ("answer", &self.given_answer(subject, a)),
                        ("note", &self.quote(a.note.trim())),
                    ],
                )
            } else {
                self.given_answer(subject, a)
            };
            match &a.provenance {
                Some(p) if !p.respondent.trim().is_empty() || p.role.is_some() => {
                    let who = self.respondent(&Respondent {
                        name: p.respondent.clone(),
                        role: p.role,
                    });
                    fill(l.given_by, &[("answer", &answer), ("respondent", &who)])
                }
                _ => answer,
            }
        };
        let pair = |template| {
            fill(
                template,
                &[
                    ("subject", &subject),
                    ("kept", &words(&e.kept)),
                    ("other", &words(&e.other)),
                ],
            )
        };
        match e.event {
            LogEvent::Landed => fill(l.landed, &[("source", &self.or_dash(&e.source))]),
            LogEvent::Filled => fill(
                l.filled,
                &[("subject", &subject), ("answer", &words(&e.kept))],
            ),
            LogEvent::Confirmed => fill(
                l.confirmed,
                &[("subject", &subject), ("answer", &words(&e.other))],
            ),
            LogEvent::ConflictKept => pair(l.conflict_kept),
            LogEvent::ConflictTaken => pair(l.conflict_taken),
            LogEvent::ConflictUnknown => pair(l.conflict_unknown),
            LogEvent::TabConflict => fill(l.tab_conflict, &[("subject", &subject)]),
        }
    }
}
