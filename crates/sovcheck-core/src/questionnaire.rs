//! Questionnaires out, responses in: the two documents through which a CISO hands parts of
//! an assessment to other people (the provider, the legal team, the architects…) and gets
//! their answers back. See `docs/FORMAT.md`, "Questionnaires and responses".
//!
//! A [`Questionnaire`] is prepared from an assessment ([`prepare`]) for one named
//! respondent and role, with a [`Scope`] (due-diligence questions, walk steps, single
//! criteria), a message and a reply-by date. It carries the assessment's current answers or
//! notes of the scope only when the CISO chose to share them ([`Share`]): nothing else of the
//! assessment leaves. The respondent answers in a [`Response`] ([`blank_response`]), which
//! holds answers for the criteria and questions of the scope only; the format refuses any
//! other. Landing a response in the assessment is [`crate::merge`]'s business.

use crate::content::{self, StepKind};
use crate::format::{FormatError, Problem};
use crate::model::{Answer, Assessment, Date, Respondent, Scope, SentQuestionnaire};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The assessment's identity, so the respondent knows what they answer about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Context {
    /// The assessment's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The provider assessed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// The offer assessed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub offer: String,
}

/// A questionnaire: part of an assessment, handed to one respondent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Questionnaire {
    /// The questionnaire's id (required, not blank).
    #[serde(default)]
    pub id: String,
    /// The id of the assessment it was prepared from (required, not blank).
    #[serde(default)]
    pub assessment: String,
    /// Who prepared it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// To whom.
    #[serde(default, skip_serializing_if = "is_default")]
    pub respondent: Respondent,
    /// When it was prepared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Date>,
    /// When the answers are due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_by: Option<Date>,
    /// A message to the respondent.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// The assessment's title, provider and offer.
    #[serde(default, skip_serializing_if = "is_default")]
    pub context: Context,
    /// What it covers (criteria expanded).
    #[serde(default)]
    pub scope: Scope,
    /// The assessment's current answers of the scope, only when the CISO shared them.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::model::unique_map"
    )]
    pub answers: BTreeMap<String, Answer>,
    /// The assessment's current due-diligence answers of the scope, only when shared.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::model::unique_map"
    )]
    pub due_diligence: BTreeMap<String, Answer>,
}

/// A response: the answers of one respondent to one questionnaire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Response {
    /// The questionnaire answered (required, not blank).
    #[serde(default)]
    pub questionnaire: String,
    /// The assessment it belongs to (required, not blank).
    #[serde(default)]
    pub assessment: String,
    /// Who answered.
    #[serde(default, skip_serializing_if = "is_default")]
    pub respondent: Respondent,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<Date>,
    /// The questionnaire's scope, copied: the answers must stay within it.
    #[serde(default)]
    pub scope: Scope,
    /// Answers by criterion id, with their evidence.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::model::unique_map"
    )]
    pub answers: BTreeMap<String, Answer>,
    /// The provider's answers to the due-diligence questions, by question id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::model::unique_map"
    )]
    pub due_diligence: BTreeMap<String, Answer>,
}

/// What of the assessment's current state a questionnaire shares with its respondent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    /// The answers (rung or "I don't know") with their evidence reference, level and dates,
    /// and the provider's due-diligence answers.
    pub answers: bool,
    /// The criteria's notes.
    pub notes: bool,
}

/// Whether `id` is one of the walk's steps.
fn step(id: &str) -> Option<&'static content::Step> {
    content::steps().iter().find(|s| s.id == id)
}

impl Scope {
    /// The scope in its written form: ids known to the content kept once each, in content
    /// order, and `criteria` expanded to every criterion the questions and steps cover.
    pub fn expanded(&self) -> Scope {
        let steps = content::steps();
        let questions: Vec<String> = steps
            .iter()
            .filter(|s| {
                s.kind == StepKind::DueDiligence && self.questions.iter().any(|q| q == s.id)
            })
            .map(|s| s.id.to_owned())
            .collect();
        let chosen_steps: Vec<String> = steps
            .iter()
            .filter(|s| self.steps.iter().any(|q| q == s.id))
            .map(|s| s.id.to_owned())
            .collect();
        let criteria = content::criteria()
            .filter(|c| {
                self.criteria.iter().any(|id| id == c.id)
                    || content::step_of(c.id)
                        .is_some_and(|s| questions.iter().chain(&chosen_steps).any(|id| id == s.id))
            })
            .map(|c| c.id.to_owned())
            .collect();
        Scope {
            questions,
            steps: chosen_steps,
            criteria,
        }
    }

    /// Whether the scope covers criterion `id` (listed, or in a listed question or step).
    pub fn covers_criterion(&self, id: &str) -> bool {
        self.criteria.iter().any(|c| c == id)
            || content::step_of(id)
                .is_some_and(|s| self.steps.iter().chain(&self.questions).any(|x| x == s.id))
    }

    /// Whether the scope asks the provider's answer to due-diligence question `id`.
    pub fn covers_question(&self, id: &str) -> bool {
        self.questions.iter().any(|q| q == id)
    }

    /// Whether the scope covers nothing.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty() && self.steps.is_empty() && self.criteria.is_empty()
    }

    /// The criteria covered, in content order.
    pub fn covered_criteria(&self) -> Vec<&'static str> {
        content::criteria()
            .map(|c| c.id)
            .filter(|id| self.covers_criterion(id))
            .collect()
    }
}

/// Prepares questionnaire `id` from assessment `a` for `respondent`: the scope expanded,
/// the assessment's identity, and only what `share` allows of its current answers in the
/// scope (never its other answers, notes, overrides, sign-off or log).
#[allow(clippy::too_many_arguments)]
pub fn prepare(
    a: &Assessment,
    id: &str,
    respondent: Respondent,
    scope: &Scope,
    message: &str,
    reply_by: Option<Date>,
    sent: Option<Date>,
    share: Share,
) -> Questionnaire {
    let scope = scope.expanded();
    let shared = |ans: &Answer, criterion: bool| {
        let mut out = Answer::default();
        if share.answers {
            out.rung = ans.rung.filter(|_| criterion);
            out.unknown = ans.unknown && criterion;
            out.source = ans.source.clone();
            out.evidence_level = ans.evidence_level;
            out.valid_until = ans.valid_until.filter(|_| criterion);
            out.received = ans.received;
            if !criterion {
                // The provider's answer to a question is its text.
                out.note = ans.note.clone();
            }
        }
        if share.notes && criterion {
            out.note = ans.note.clone();
        }
        out
    };
    // Inserted one by one: `collect` into a map sorts first, which pulls a sort routine
    // into the wasm for nothing (the source map is sorted already).
    let mut answers = BTreeMap::new();
    answers.extend(
        a.answers
            .iter()
            .filter(|(k, _)| scope.covers_criterion(k))
            .map(|(k, v)| (k.clone(), shared(v, true)))
            .filter(|(_, v)| !v.is_empty()),
    );
    let mut due_diligence = BTreeMap::new();
    due_diligence.extend(
        a.due_diligence
            .iter()
            .filter(|(k, _)| scope.covers_question(k))
            .map(|(k, v)| (k.clone(), shared(v, false)))
            .filter(|(_, v)| !v.is_empty()),
    );
    Questionnaire {
        id: id.to_owned(),
        assessment: a.id.clone(),
        from: a.meta.assessor.clone(),
        respondent,
        sent,
        reply_by,
        message: message.to_owned(),
        context: Context {
            title: a.meta.title.clone(),
            provider: a.meta.provider.clone(),
            offer: a.meta.offer.clone(),
        },
        scope,
        answers,
        due_diligence,
    }
}

/// Records questionnaire `q` in the assessment it was prepared from (replacing an earlier
/// record with the same id), so that responses to it can be checked when they come back.
pub fn record(a: &mut Assessment, q: &Questionnaire) {
    let sent = SentQuestionnaire {
        id: q.id.clone(),
        respondent: q.respondent.clone(),
        scope: q.scope.clone(),
        sent: q.sent,
        reply_by: q.reply_by,
    };
    match a.questionnaires.iter_mut().find(|s| s.id == q.id) {
        Some(slot) => *slot = sent,
        None => a.questionnaires.push(sent),
    }
}

/// A fresh id for a questionnaire of `a`: `base`, else `base-2`, `base-3`…
pub fn fresh_id(a: &Assessment, base: &str) -> String {
    let free = |id: &str| !a.questionnaires.iter().any(|q| q.id == id);
    if free(base) {
        return base.to_owned();
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_default()
}

/// The empty response to `q`: its ids, respondent and scope, no answer yet.
pub fn blank_response(q: &Questionnaire) -> Response {
    Response {
        questionnaire: q.id.clone(),
        assessment: q.assessment.clone(),
        respondent: q.respondent.clone(),
        answered: None,
        scope: q.scope.clone(),
        answers: BTreeMap::new(),
        due_diligence: BTreeMap::new(),
    }
}

/// A change the respondent makes to their response. Subjects are criterion ids (`SOV-3.1`)
/// or due-diligence question ids (`q6`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseEdit {
    /// The respondent's name.
    Name(String),
    /// The respondent's role.
    Role(Option<crate::model::Role>),
    /// The answer to a criterion: a rung, "I don't know", or none.
    Choose(String, crate::model::Choice),
    /// The note of a criterion, or the provider's answer to a question.
    Note(String, String),
    /// Where the evidence comes from.
    Source(String, String),
    /// How strong the evidence is.
    Level(String, Option<crate::model::EvidenceLevel>),
    /// When the response was answered.
    Answered(Option<Date>),
}

impl Response {
    /// Applies one edit. An edit outside the scope, or a rung the criterion does not have,
    /// changes nothing; an answer left empty is dropped.
    pub fn apply(&mut self, edit: ResponseEdit) {
        use crate::model::Choice;
        let subject = match &edit {
            ResponseEdit::Name(n) => {
                self.respondent.name = n.clone();
                return;
            }
            ResponseEdit::Role(r) => {
                self.respondent.role = *r;
                return;
            }
            ResponseEdit::Answered(d) => {
                self.answered = *d;
                return;
            }
            ResponseEdit::Choose(id, _)
            | ResponseEdit::Note(id, _)
            | ResponseEdit::Source(id, _)
            | ResponseEdit::Level(id, _) => id.clone(),
        };
        let is_question = content::question(&subject).is_some();
        let in_scope = if is_question {
            self.scope.covers_question(&subject)
        } else {
            self.scope.covers_criterion(&subject)
        };
        if !in_scope {
            return;
        }
        let map = if is_question {
            &mut self.due_diligence
        } else {
            &mut self.answers
        };
        let answer = map.entry(subject.clone()).or_default();
        match edit {
            ResponseEdit::Choose(_, choice) => {
                // A question has no rung (its answer is its text); a rung must be on the
                // criterion's ladder.
                let ok = content::criterion(&subject).is_some_and(|c| match choice {
                    Choice::Rung(r) => usize::from(r) < c.rungs.len(),
                    _ => true,
                });
                if ok {
                    answer.rung = match choice {
                        Choice::Rung(r) => Some(r),
                        _ => None,
                    };
                    answer.unknown = choice == Choice::Unknown;
                }
            }
            ResponseEdit::Note(_, text) => answer.note = text,
            ResponseEdit::Source(_, text) => answer.source = text,
            ResponseEdit::Level(_, level) => answer.evidence_level = level,
            ResponseEdit::Name(_) | ResponseEdit::Role(_) | ResponseEdit::Answered(_) => {}
        }
        if answer.is_empty() {
            map.remove(&subject);
        }
    }

    /// The response without the answers that hold nothing (as the respondent leaves a
    /// field they started and emptied).
    pub fn pruned(mut self) -> Response {
        self.answers.retain(|_, a| !a.is_empty());
        self.due_diligence.retain(|_, a| !a.is_empty());
        self
    }

    /// How many criteria and questions it answers.
    pub fn count(&self) -> usize {
        self.answers.len() + self.due_diligence.len()
    }
}

fn at(path: String, problem: Problem) -> FormatError {
    FormatError { path, problem }
}

/// Checks a scope: known ids, each once, something in it.
pub(crate) fn validate_scope(s: &Scope, base: &str) -> Result<(), FormatError> {
    let lists: [(&str, &Vec<String>); 3] = [
        ("questions", &s.questions),
        ("steps", &s.steps),
        ("criteria", &s.criteria),
    ];
    for (field, ids) in lists {
        for (i, id) in ids.iter().enumerate() {
            let path = format!("{base}.{field}[{i}]");
            let known = match field {
                "questions" => content::question(id).is_some(),
                "steps" => step(id).is_some(),
                _ => content::criterion(id).is_some(),
            };
            if !known {
                let problem = match field {
                    "questions" => Problem::UnknownQuestion(id.clone()),
                    "steps" => Problem::UnknownStep(id.clone()),
                    _ => Problem::UnknownCriterion(id.clone()),
                };
                return Err(at(path, problem));
            }
            if ids.get(..i).is_some_and(|before| before.contains(id)) {
                return Err(at(path, Problem::RepeatedScopeId(id.clone())));
            }
        }
    }
    if s.is_empty() {
        return Err(at(base.to_owned(), Problem::EmptyScope));
    }
    Ok(())
}

/// Checks answers by criterion and due-diligence answers against a scope.
fn validate_answers(
    answers: &BTreeMap<String, Answer>,
    due_diligence: &BTreeMap<String, Answer>,
    scope: &Scope,
    base: &str,
) -> Result<(), FormatError> {
    for (id, ans) in answers {
        let path = format!("{base}.answers[{id:?}]");
        crate::format::criterion_answer(id, ans, &path)?;
        if !scope.covers_criterion(id) {
            return Err(at(path, Problem::OutsideScope(id.clone())));
        }
    }
    for (id, ans) in due_diligence {
        let mut path = format!("{base}.dueDiligence");
        crate::format::push_key(&mut path, id);
        if content::question(id).is_none() {
            return Err(at(path, Problem::UnknownQuestion(id.clone())));
        }
        crate::format::due_diligence_answer(ans, &path)?;
        if !scope.covers_question(id) {
            return Err(at(path, Problem::OutsideScope(id.clone())));
        }
    }
    Ok(())
}

fn required(value: &str, path: String, field: &str) -> Result<(), FormatError> {
    if value.trim().is_empty() {
        Err(at(path, Problem::MissingField(field.to_owned())))
    } else {
        Ok(())
    }
}

/// Checks what serde cannot in a questionnaire: its ids, its scope, and that what it
/// shares stays within the scope.
pub(crate) fn validate_questionnaire(q: &Questionnaire, base: &str) -> Result<(), FormatError> {
    required(&q.id, format!("{base}.id"), "id")?;
    required(&q.assessment, format!("{base}.assessment"), "assessment")?;
    validate_scope(&q.scope, &format!("{base}.scope"))?;
    validate_answers(&q.answers, &q.due_diligence, &q.scope, base)
}

/// Checks what serde cannot in a response: its ids, its scope, and that every answer is
/// within the scope.
pub(crate) fn validate_response(r: &Response, base: &str) -> Result<(), FormatError> {
    required(
        &r.questionnaire,
        format!("{base}.questionnaire"),
        "questionnaire",
    )?;
    required(&r.assessment, format!("{base}.assessment"), "assessment")?;
    validate_scope(&r.scope, &format!("{base}.scope"))?;
    validate_answers(&r.answers, &r.due_diligence, &r.scope, base)
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EvidenceLevel, Role};

    fn scope(questions: &[&str], steps: &[&str], criteria: &[&str]) -> Scope {
        let v = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        Scope {
            questions: v(questions),
            steps: v(steps),
            criteria: v(criteria),
        }
    }

    #[test]
    fn a_scope_expands_to_the_criteria_it_covers_in_content_order() {
        let s = scope(
            &["q6", "q1", "q6"],
            &["environment"],
            &["SOV-2.2", "SOV-9.9"],
        );
        let e = s.expanded();
        assert_eq!(e.questions, ["q1", "q6"]);
        assert_eq!(e.steps, ["environment"]);
        assert_eq!(
            e.criteria,
            ["SOV-2.2", "SOV-3.1", "SOV-7.1", "SOV-8.1", "SOV-8.2", "SOV-8.3", "SOV-8.4"]
        );
        assert!(e.covers_criterion("SOV-8.3"));
        assert!(!e.covers_criterion("SOV-1.1"));
        assert!(e.covers_question("q6"));
        assert!(!e.covers_question("q2"));
        assert_eq!(e.expanded(), e, "expanding twice changes nothing");
    }

    #[test]
    fn a_questionnaire_shares_only_what_was_chosen_within_its_scope() {
        let mut a = Assessment {
            id: "a-1".into(),
            ..Assessment::default()
        };
        a.meta.provider = "Acme".into();
        a.meta.assessor = "C. Iso".into();
        a.answers.insert(
            "SOV-3.1".into(),
            Answer {
                rung: Some(2),
                note: "our private note".into(),
                source: "KMS contract".into(),
                evidence_level: Some(EvidenceLevel::Documented),
                ..Answer::default()
            },
        );
        a.answers.insert(
            "SOV-1.1".into(),
            Answer {
                rung: Some(1),
                note: "out of scope".into(),
                ..Answer::default()
            },
        );
        a.due_diligence.insert(
            "q6".into(),
            Answer {
                note: "HSM in Paris".into(),
                ..Answer::default()
            },
        );
        let who = Respondent {
            name: "Acme KAM".into(),
            role: Some(Role::Provider),
        };
        let s = scope(&["q6"], &[], &[]);
        let nothing = prepare(&a, "q-1", who.clone(), &s, "", None, None, Share::default());
        assert!(nothing.answers.is_empty() && nothing.due_diligence.is_empty());
        assert_eq!(nothing.assessment, "a-1");
        assert_eq!(nothing.from, "C. Iso");
        assert_eq!(nothing.context.provider, "Acme");
        assert_eq!(nothing.scope.criteria, ["SOV-3.1"]);

        let answers = Share {
            answers: true,
            notes: false,
        };
        let q = prepare(&a, "q-1", who.clone(), &s, "", None, None, answers);
        let shared = q.answers.get("SOV-3.1").unwrap();
        assert_eq!(shared.rung, Some(2));
        assert_eq!(shared.note, "", "notes stay home unless chosen");
        assert_eq!(shared.source, "KMS contract");
        assert!(!q.answers.contains_key("SOV-1.1"), "outside the scope");
        assert_eq!(q.due_diligence.get("q6").unwrap().note, "HSM in Paris");

        let notes = Share {
            answers: false,
            notes: true,
        };
        let q = prepare(&a, "q-1", who, &s, "", None, None, notes);
        let shared = q.answers.get("SOV-3.1").unwrap();
        assert_eq!(
            (shared.rung, shared.note.as_str()),
            (None, "our private note")
        );
        assert_eq!(shared.source, "");
        assert!(q.due_diligence.is_empty());
    }

    #[test]
    fn a_response_is_edited_within_its_scope_only() {
        use crate::model::Choice;
        let q = prepare(
            &Assessment::default(),
            "q",
            Respondent::default(),
            &scope(&["q6"], &[], &[]),
            "",
            None,
            None,
            Share::default(),
        );
        let mut r = blank_response(&q);
        r.apply(ResponseEdit::Choose("SOV-3.1".into(), Choice::Rung(4)));
        r.apply(ResponseEdit::Source(
            "SOV-3.1".into(),
            "KMS contract".into(),
        ));
        r.apply(ResponseEdit::Note("q6".into(), "HSM in Paris".into()));
        r.apply(ResponseEdit::Choose("SOV-3.1".into(), Choice::Rung(9)));
        r.apply(ResponseEdit::Choose("q6".into(), Choice::Rung(1)));
        r.apply(ResponseEdit::Choose("SOV-1.1".into(), Choice::Rung(1)));
        r.apply(ResponseEdit::Note("q1".into(), "outside".into()));
        r.apply(ResponseEdit::Name("Acme KAM".into()));
        assert_eq!(r.answers.len(), 1);
        assert_eq!(r.answers["SOV-3.1"].rung, Some(4));
        assert_eq!(r.answers["SOV-3.1"].source, "KMS contract");
        assert_eq!(r.due_diligence["q6"].note, "HSM in Paris");
        assert_eq!(r.due_diligence["q6"].rung, None);
        assert_eq!(r.respondent.name, "Acme KAM");
        // Emptied, an answer goes.
        r.apply(ResponseEdit::Note("q6".into(), String::new()));
        assert!(r.due_diligence.is_empty());
        r.apply(ResponseEdit::Choose("SOV-3.1".into(), Choice::Open));
        r.apply(ResponseEdit::Source("SOV-3.1".into(), String::new()));
        assert!(r.answers.is_empty());
    }

    #[test]
    fn a_questionnaire_is_recorded_once_per_id() {
        let mut a = Assessment::default();
        let q = prepare(
            &a,
            "q",
            Respondent::default(),
            &scope(&["q1"], &[], &[]),
            "",
            None,
            None,
            Share::default(),
        );
        record(&mut a, &q);
        record(&mut a, &q);
        assert_eq!(a.questionnaires.len(), 1);
        assert_eq!(fresh_id(&a, "q"), "q-2");
        assert_eq!(fresh_id(&a, "r"), "r");
    }
}
