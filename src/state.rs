//! The app state and its reducer. `reduce` is pure: it changes the assessment or the
//! position in the walk and nothing else; saving happens in one effect in `App`.

use sovcheck_core::content;
use sovcheck_core::model::{
    Aggregation, Answer, Assessment, Choice, Date, EvidenceLevel, Sensitivity, ServiceModel,
    SncAnswer, SncStatus, Stage, Weights,
};
use sovcheck_core::{Lang, Seal};
use std::rc::Rc;
use yew::Reducible;

/// One place in the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Metadata, weights, target.
    Context,
    /// A criteria step (index into `content::steps()`).
    Criteria(usize),
    /// SecNumCloud stage and pillars.
    SecNumCloud,
    /// Results.
    Results,
}

/// The walk in order: context, the eight questions, SecNumCloud, further steps, results.
pub fn walk() -> Vec<Place> {
    let steps = content::steps();
    let dd = steps
        .iter()
        .take_while(|s| s.kind == content::StepKind::DueDiligence)
        .count();
    let mut out = vec![Place::Context];
    out.extend((0..dd).map(Place::Criteria));
    out.push(Place::SecNumCloud);
    out.extend((dd..steps.len()).map(Place::Criteria));
    out.push(Place::Results);
    out
}

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start screen.
    Start,
    /// The walk, at an index of [`walk`].
    Walk(usize),
}

/// A storage problem found at start-up or while saving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Stored data could not be read and was kept aside under `key`.
    Corrupt { key: String, raw: String },
    /// Stored data came from a newer version and was kept aside under `key`.
    Newer { key: String, raw: String },
    /// Storage is unavailable or full; working in memory.
    Unavailable,
}

/// Everything the app shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    pub screen: Screen,
    pub assessment: Assessment,
    /// Whether an assessment has been started (something to resume).
    pub started: bool,
    pub notice: Option<StorageNotice>,
    /// Bumped on navigation so the step heading takes focus.
    pub nav_seq: u32,
}

/// A metadata field edit.
#[derive(Clone, Debug, PartialEq)]
pub enum MetaEdit {
    Provider(String),
    Offer(String),
    Assessor(String),
    Date(Option<Date>),
    ServiceModel(Option<ServiceModel>),
    Sensitivity(Option<Sensitivity>),
    TargetSeal(Option<Seal>),
    Weights(Weights),
    Aggregation(Aggregation),
}

/// An evidence field edit.
#[derive(Clone, Debug, PartialEq)]
pub enum EvidenceEdit {
    Note(String),
    Source(String),
    Level(Option<EvidenceLevel>),
    ValidUntil(Option<Date>),
}

/// A SecNumCloud edit.
#[derive(Clone, Debug, PartialEq)]
pub enum SncEdit {
    Stage(Option<Stage>),
    Version(String),
    Model(ServiceModel, bool),
    Scope(String),
    Composition(Option<bool>),
    CompositionBase(String),
    LastAudit(Option<Date>),
    Criterion(String, Option<SncStatus>),
}

/// What the user does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    NewAssessment { id: String, today: Option<Date> },
    Resume,
    GoTo(usize),
    Next,
    Back,
    Choose(&'static str, Choice),
    Evidence(&'static str, EvidenceEdit),
    Meta(MetaEdit),
    Snc(SncEdit),
    Touch(String),
    Notice(Option<StorageNotice>),
}

impl AppState {
    /// A fresh state in `lang`, on the start screen.
    pub fn new(lang: Lang) -> AppState {
        AppState {
            lang,
            screen: Screen::Start,
            assessment: Assessment::default(),
            started: false,
            notice: None,
            nav_seq: 0,
        }
    }

    fn go(&mut self, index: usize) {
        let last = walk().len().saturating_sub(1);
        self.screen = Screen::Walk(index.min(last));
        self.nav_seq = self.nav_seq.wrapping_add(1);
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(l) => self.lang = l,
            Action::NewAssessment { id, today } => {
                self.assessment = Assessment {
                    id,
                    ..Assessment::default()
                };
                self.assessment.meta.date = today;
                self.started = true;
                self.go(0);
            }
            Action::Resume => {
                self.started = true;
                let at = match self.screen {
                    Screen::Walk(i) => i,
                    Screen::Start => 0,
                };
                self.go(at);
            }
            Action::GoTo(i) => self.go(i),
            Action::Next => {
                if let Screen::Walk(i) = self.screen {
                    self.go(i + 1);
                }
            }
            Action::Back => match self.screen {
                Screen::Walk(0) => {
                    self.screen = Screen::Start;
                    self.nav_seq = self.nav_seq.wrapping_add(1);
                }
                Screen::Walk(i) => self.go(i - 1),
                Screen::Start => {}
            },
            Action::Choose(id, choice) => {
                let entry = self.assessment.answers.entry(id.to_owned()).or_default();
                match choice {
                    Choice::Rung(r) => {
                        entry.rung = Some(r);
                        entry.unknown = false;
                    }
                    Choice::Unknown => {
                        entry.rung = None;
                        entry.unknown = true;
                    }
                    Choice::Open => {
                        entry.rung = None;
                        entry.unknown = false;
                    }
                }
                self.prune(id);
            }
            Action::Evidence(id, edit) => {
                let entry = self.assessment.answers.entry(id.to_owned()).or_default();
                match edit {
                    EvidenceEdit::Note(s) => entry.note = s,
                    EvidenceEdit::Source(s) => entry.source = s,
                    EvidenceEdit::Level(l) => entry.evidence_level = l,
                    EvidenceEdit::ValidUntil(d) => entry.valid_until = d,
                }
                self.prune(id);
            }
            Action::Meta(edit) => {
                let a = &mut self.assessment;
                match edit {
                    MetaEdit::Provider(s) => a.meta.provider = s,
                    MetaEdit::Offer(s) => a.meta.offer = s,
                    MetaEdit::Assessor(s) => a.meta.assessor = s,
                    MetaEdit::Date(d) => a.meta.date = d,
                    MetaEdit::ServiceModel(m) => a.meta.service_model = m,
                    MetaEdit::Sensitivity(s) => a.meta.sensitivity = s,
                    MetaEdit::TargetSeal(s) => a.meta.target_seal = s,
                    MetaEdit::Weights(w) => a.weights = w,
                    MetaEdit::Aggregation(g) => a.aggregation = g,
                }
            }
            Action::Snc(edit) => {
                let s = &mut self.assessment.secnumcloud;
                match edit {
                    SncEdit::Stage(v) => s.stage = v,
                    SncEdit::Version(v) => s.referential_version = v,
                    SncEdit::Model(m, on) => {
                        s.service_models.retain(|x| *x != m);
                        if on {
                            s.service_models.push(m);
                            s.service_models.sort();
                        }
                    }
                    SncEdit::Scope(v) => s.services_in_scope = v,
                    SncEdit::Composition(v) => s.composition = v,
                    SncEdit::CompositionBase(v) => s.composition_base = v,
                    SncEdit::LastAudit(v) => s.last_audit = v,
                    SncEdit::Criterion(id, status) => match status {
                        Some(status) => {
                            let note = s.criteria.remove(&id).map(|a| a.note).unwrap_or_default();
                            s.criteria.insert(id, SncAnswer { status, note });
                        }
                        None => {
                            s.criteria.remove(&id);
                        }
                    },
                }
            }
            Action::Touch(stamp) => self.assessment.modified = stamp,
            Action::Notice(n) => self.notice = n,
        }
    }

    fn prune(&mut self, id: &str) {
        if self
            .assessment
            .answers
            .get(id)
            .is_some_and(Answer::is_empty)
        {
            self.assessment.answers.remove(id);
        }
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn walk_has_context_questions_secnumcloud_further_and_results() {
        let w = walk();
        assert_eq!(w.first(), Some(&Place::Context));
        assert_eq!(w.get(9), Some(&Place::SecNumCloud));
        assert_eq!(w.last(), Some(&Place::Results));
        assert_eq!(w.len(), 1 + 8 + 1 + 4 + 1);
    }

    #[test]
    fn choosing_then_clearing_leaves_no_empty_answer() {
        let mut s = AppState::new(Lang::En);
        s.apply(Action::Choose("SOV-3.1", Choice::Rung(2)));
        assert_eq!(s.assessment.choice("SOV-3.1"), Choice::Rung(2));
        s.apply(Action::Choose("SOV-3.1", Choice::Unknown));
        assert_eq!(s.assessment.choice("SOV-3.1"), Choice::Unknown);
        s.apply(Action::Choose("SOV-3.1", Choice::Open));
        assert!(s.assessment.answers.is_empty());
    }

    #[test]
    fn navigation_stays_inside_the_walk() {
        let mut s = AppState::new(Lang::En);
        s.apply(Action::GoTo(999));
        assert_eq!(s.screen, Screen::Walk(walk().len() - 1));
        s.apply(Action::GoTo(0));
        s.apply(Action::Back);
        assert_eq!(s.screen, Screen::Start);
    }
}
