//! Landing answers from other hands in an assessment: a respondent's [`Response`] to a
//! questionnaire, or another copy of the same assessment (`sovcheck merge`). Nothing is
//! ever overwritten silently, and nothing is lost.
//!
//! [`plan`] compares what comes in with the assessment, item by item (a criterion, or the
//! provider's answer to a due-diligence question), without changing anything:
//!
//! * **filled**: the assessment leaves the item open (no answer, or "I don't know") and the
//!   incoming answer settles it: it is taken with its evidence;
//! * **confirmed**: the incoming answer is the same as the current one;
//! * **conflict**: it is different. A conflict is decided explicitly ([`Decision`]: keep
//!   ours, take theirs, mark unknown); an undecided conflict changes nothing.
//!
//! [`land`] then applies the plan and the decisions, and appends to the assessment's log
//! one `landed` entry and one entry per item, each quoting the other side's answer (its note
//! and evidence), so a decision never loses the text it did not keep. Every answer taken
//! records its provenance: who gave it (respondent and role), when it was received, who
//! accepted it and when.
//!
//! Landing is idempotent: an item whose incoming answer the log already records for that
//! criterion or question (filled, confirmed or decided) is not planned again, so landing
//! the same response twice changes nothing the second time and the log does not grow.
//! Expert overrides, the sign-off and the rest of the assessment are never touched.

use crate::content;
use crate::model::{Answer, Assessment, Choice, Date, LogEntry, LogEvent, Provenance, Respondent};
use crate::questionnaire::Response;
use std::collections::BTreeMap;

/// Answers coming in: a response, or another copy of the assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Where they come from (a file name, a reference), for the log.
    pub source: String,
    /// The questionnaire answered, for a response.
    pub questionnaire: Option<String>,
    /// The assessment they belong to (empty: not said).
    pub assessment: String,
    /// Who gave them.
    pub respondent: Respondent,
    /// When.
    pub answered: Option<Date>,
    /// Answers by criterion id.
    pub answers: BTreeMap<String, Answer>,
    /// The provider's answers to the due-diligence questions.
    pub due_diligence: BTreeMap<String, Answer>,
}

impl Incoming {
    /// The answers of a response, from file `source`.
    pub fn from_response(r: &Response, source: &str) -> Incoming {
        Incoming {
            source: source.to_owned(),
            questionnaire: Some(r.questionnaire.clone()),
            assessment: r.assessment.clone(),
            respondent: r.respondent.clone(),
            answered: r.answered,
            answers: r.answers.clone(),
            due_diligence: r.due_diligence.clone(),
        }
    }

    /// The answers of another copy of the assessment, from file `source`: its assessor
    /// (`meta.assessor`) is the respondent, its date the date answered.
    pub fn from_assessment(a: &Assessment, source: &str) -> Incoming {
        Incoming {
            source: source.to_owned(),
            questionnaire: None,
            assessment: a.id.clone(),
            respondent: Respondent {
                name: a.meta.assessor.clone(),
                role: None,
            },
            answered: a.meta.date,
            answers: a.answers.clone(),
            due_diligence: a.due_diligence.clone(),
        }
    }
}

/// What an incoming answer does to the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It settles an open item.
    Filled,
    /// It is the same as the current answer.
    Confirmed,
    /// It differs from the current answer: to be decided.
    Conflict,
}

/// One criterion or due-diligence question the incoming answers touch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The criterion id (`SOV-3.1`) or question id (`q6`).
    pub subject: String,
    /// What the incoming answer does.
    pub outcome: Outcome,
    /// The assessment's current answer (empty when there is none).
    pub ours: Answer,
    /// The incoming answer, with its provenance (respondent, role) and received date.
    pub theirs: Answer,
}

impl Item {
    /// Whether the subject is a due-diligence question (else a criterion).
    pub fn is_question(&self) -> bool {
        content::question(&self.subject).is_some()
    }
}

/// What landing incoming answers would do, before anything changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Landing {
    /// Where they come from.
    pub source: String,
    /// The questionnaire answered, for a response.
    pub questionnaire: Option<String>,
    /// Who gave them.
    pub respondent: Respondent,
    /// When.
    pub answered: Option<Date>,
    /// The items, due-diligence questions first (`q1`…), then criteria in content order.
    pub items: Vec<Item>,
    /// Items left out because the log shows them landed already.
    pub already_landed: usize,
}

impl Landing {
    /// How many items have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.items.iter().filter(|i| i.outcome == outcome).count()
    }

    /// The conflicts, in order.
    pub fn conflicts(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.outcome == Outcome::Conflict)
    }

    /// Whether there is nothing to land (everything was landed before, or nothing came).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Why incoming answers cannot be landed in an assessment. Nothing is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LandingError {
    /// They belong to another assessment.
    OtherAssessment {
        /// The assessment's id.
        expected: String,
        /// The id they carry.
        found: String,
    },
    /// A response to a questionnaire the assessment does not record (it records the
    /// questionnaires it sent).
    UnknownQuestionnaire(String),
    /// An answer outside the scope of the questionnaire as the assessment recorded it.
    OutsideScope(String),
}

/// How a conflict is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Keep the assessment's answer (theirs goes to the log).
    Keep,
    /// Take the incoming answer (ours goes to the log).
    Take,
    /// Mark the criterion "I don't know" (both go to the log); for a due-diligence question,
    /// clear the provider's answer.
    Unknown,
}

impl Decision {
    /// Every decision, in the order they are offered.
    pub const ALL: [Decision; 3] = [Decision::Keep, Decision::Take, Decision::Unknown];

    /// The wire id (`keep`, `take`, `unknown`).
    pub fn id(self) -> &'static str {
        match self {
            Decision::Keep => "keep",
            Decision::Take => "take",
            Decision::Unknown => "unknown",
        }
    }
}

/// Who lands, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acceptance<'a> {
    /// Who accepts the answers (recorded in provenance and the log).
    pub by: &'a str,
    /// When, as RFC 3339 text (the log's `at`).
    pub at: &'a str,
    /// The day (provenance's `acceptedOn`).
    pub on: Option<Date>,
}

/// What [`land`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Landed {
    /// Items filled.
    pub filled: usize,
    /// Items confirmed.
    pub confirmed: usize,
    /// Conflicts decided.
    pub decided: usize,
    /// Conflicts left undecided (the assessment's answer stays, nothing is logged).
    pub undecided: usize,
}

/// The answer without who accepted it: what a respondent gave, as the log compares it.
fn as_given(a: &Answer) -> Answer {
    let mut a = a.clone();
    if let Some(p) = a.provenance.as_mut() {
        p.accepted_by.clear();
        p.accepted_on = None;
    }
    if a.provenance
        .as_ref()
        .is_some_and(|p| *p == Provenance::default())
    {
        a.provenance = None;
    }
    a
}

/// The incoming answer with its provenance completed from the incoming's respondent and
/// date (what the answer says itself comes first).
fn theirs(answer: &Answer, incoming: &Incoming) -> Answer {
    let mut a = answer.clone();
    let mut p = a.provenance.take().unwrap_or_default();
    if p.respondent.trim().is_empty() {
        p.respondent = incoming.respondent.name.clone();
    }
    if p.role.is_none() {
        p.role = incoming.respondent.role;
    }
    p.accepted_by.clear();
    p.accepted_on = None;
    a.provenance = (p != Provenance::default()).then_some(p);
    if a.received.is_none() {
        a.received = incoming.answered;
    }
    a
}

/// Whether an answer says anything (its provenance and received date aside).
fn says_something(a: &Answer) -> bool {
    let mut bare = a.clone();
    bare.provenance = None;
    bare.received = None;
    !bare.is_empty()
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

fn classify_criterion(ours: &Answer, theirs: &Answer) -> Outcome {
    if !says_something(ours) {
        return Outcome::Filled;
    }
    match (ours.choice(), theirs.choice()) {
        (Choice::Open, Choice::Open) if ours.note.trim().is_empty() => Outcome::Filled,
        (Choice::Open, Choice::Open) if same_text(&ours.note, &theirs.note) => Outcome::Confirmed,
        (Choice::Open, Choice::Open) => Outcome::Conflict,
        (o, t) if o == t => Outcome::Confirmed,
        (Choice::Open | Choice::Unknown, Choice::Rung(_)) | (Choice::Open, Choice::Unknown) => {
            Outcome::Filled
        }
        _ => Outcome::Conflict,
    }
}

fn classify_question(ours: &Answer, theirs: &Answer) -> Outcome {
    if ours.note.trim().is_empty() {
        Outcome::Filled
    } else if same_text(&ours.note, &theirs.note) {
        Outcome::Confirmed
    } else {
        Outcome::Conflict
    }
}

/// The incoming answer the log records for an entry, if the entry records one.
fn logged_theirs(e: &LogEntry) -> Option<&Answer> {
    match e.event {
        LogEvent::Filled | LogEvent::ConflictTaken => e.kept.as_ref(),
        LogEvent::Confirmed | LogEvent::ConflictKept | LogEvent::ConflictUnknown => {
            e.other.as_ref()
        }
        LogEvent::Landed | LogEvent::TabConflict => None,
    }
}

/// Compares `incoming` with `base`, changing nothing: the items it fills, confirms or
/// conflicts with. Refused when it belongs to another assessment, answers a questionnaire
/// the assessment does not record (when it records any), or strays out of the recorded
/// scope.
pub fn plan(base: &Assessment, incoming: &Incoming) -> Result<Landing, LandingError> {
    if !incoming.assessment.is_empty() && !base.id.is_empty() && incoming.assessment != base.id {
        return Err(LandingError::OtherAssessment {
            expected: base.id.clone(),
            found: incoming.assessment.clone(),
        });
    }
    if let Some(qid) = &incoming.questionnaire {
        if !base.questionnaires.is_empty() {
            let sent = base
                .questionnaires
                .iter()
                .find(|q| &q.id == qid)
                .ok_or_else(|| LandingError::UnknownQuestionnaire(qid.clone()))?;
            let outside = incoming
                .due_diligence
                .keys()
                .find(|id| !sent.scope.covers_question(id))
                .or_else(|| {
                    incoming
                        .answers
                        .keys()
                        .find(|id| !sent.scope.covers_criterion(id))
                });
            if let Some(id) = outside {
                return Err(LandingError::OutsideScope(id.clone()));
            }
        }
    }
    let seen = |subject: &str, answer: &Answer| {
        let given = as_given(answer);
        base.log
            .iter()
            .any(|e| e.subject == subject && logged_theirs(e).is_some_and(|t| as_given(t) == given))
    };
    let mut landing = Landing {
        source: incoming.source.clone(),
        questionnaire: incoming.questionnaire.clone(),
        respondent: incoming.respondent.clone(),
        answered: incoming.answered,
        items: Vec::new(),
        already_landed: 0,
    };
    let questions = content::steps()
        .iter()
        .filter(|s| s.kind == content::StepKind::DueDiligence)
        .map(|s| (s.id, true));
    let criteria = content::criteria().map(|c| (c.id, false));
    for (id, is_question) in questions.chain(criteria) {
        let (map, ours_map) = if is_question {
            (&incoming.due_diligence, &base.due_diligence)
        } else {
            (&incoming.answers, &base.answers)
        };
        let Some(answer) = map.get(id) else { continue };
        if !says_something(answer) {
            continue;
        }
        let theirs = theirs(answer, incoming);
        if seen(id, &theirs) {
            landing.already_landed += 1;
            continue;
        }
        let ours = ours_map.get(id).cloned().unwrap_or_default();
        let outcome = if is_question {
            classify_question(&ours, &theirs)
        } else {
            classify_criterion(&ours, &theirs)
        };
        landing.items.push(Item {
            subject: id.to_owned(),
            outcome,
            ours,
            theirs,
        });
    }
    Ok(landing)
}

/// Applies `landing` (from [`plan`] on the same assessment) with the conflicts' decisions
/// (by subject: the decision and why; a conflict without one stays undecided), and appends
/// to the log. Nothing is logged when nothing was landed.
pub fn land(
    base: &mut Assessment,
    landing: &Landing,
    decisions: &BTreeMap<String, (Decision, String)>,
    who: Acceptance<'_>,
) -> Landed {
    let mut out = Landed::default();
    let mut entries = Vec::new();
    let accepted = |a: &Answer| {
        let mut a = a.clone();
        let mut p = a.provenance.take().unwrap_or_default();
        p.accepted_by = who.by.to_owned();
        p.accepted_on = who.on;
        a.provenance = Some(p);
        a
    };
    let entry =
        |event, item: &Item, kept: Option<Answer>, other: Option<Answer>, why: &str| LogEntry {
            at: who.at.to_owned(),
            by: who.by.to_owned(),
            event,
            source: landing.source.clone(),
            subject: item.subject.clone(),
            kept,
            other,
            why: why.to_owned(),
        };
    let nonempty = |a: &Answer| says_something(a).then(|| a.clone());
    for item in &landing.items {
        let map = if item.is_question() {
            &mut base.due_diligence
        } else {
            &mut base.answers
        };
        match item.outcome {
            Outcome::Filled => {
                let taken = accepted(&item.theirs);
                map.insert(item.subject.clone(), taken.clone());
                entries.push(entry(
                    LogEvent::Filled,
                    item,
                    Some(taken),
                    nonempty(&item.ours),
                    "",
                ));
                out.filled += 1;
            }
            Outcome::Confirmed => {
                entries.push(entry(
                    LogEvent::Confirmed,
                    item,
                    None,
                    Some(item.theirs.clone()),
                    "",
                ));
                out.confirmed += 1;
            }
            Outcome::Conflict => {
                let Some((decision, why)) = decisions.get(&item.subject) else {
                    out.undecided += 1;
                    continue;
                };
                let ours = Some(item.ours.clone());
                let theirs = Some(item.theirs.clone());
                let logged = match decision {
                    Decision::Keep => entry(LogEvent::ConflictKept, item, ours, theirs, why),
                    Decision::Take => {
                        let taken = accepted(&item.theirs);
                        map.insert(item.subject.clone(), taken.clone());
                        entry(LogEvent::ConflictTaken, item, Some(taken), ours, why)
                    }
                    Decision::Unknown => {
                        if item.is_question() {
                            map.remove(&item.subject);
                        } else {
                            let unknown = Answer {
                                rung: None,
                                unknown: true,
                                valid_until: None,
                                ..item.ours.clone()
                            };
                            let mut unknown = accepted(&unknown);
                            if let Some(p) = unknown.provenance.as_mut() {
                                p.respondent.clear();
                                p.role = None;
                            }
                            map.insert(item.subject.clone(), unknown);
                        }
                        entry(LogEvent::ConflictUnknown, item, ours, theirs, why)
                    }
                };
                entries.push(logged);
                out.decided += 1;
            }
        }
    }
    if !entries.is_empty() {
        base.log.push(LogEntry {
            at: who.at.to_owned(),
            by: who.by.to_owned(),
            event: LogEvent::Landed,
            source: landing.source.clone(),
            subject: String::new(),
            kept: None,
            other: None,
            why: String::new(),
        });
        base.log.extend(entries);
    }
    out
}
