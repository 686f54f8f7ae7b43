//! The app state and its reducer. `reduce` is pure: it changes the assessment or the
//! position in the walk and nothing else; saving happens in one effect in `App`. The rules
//! of an edit and of the workspace are the core's ([`Assessment::apply`],
//! [`sovcheck_core::workspace`]): the reducer routes actions to them.

use crate::saving::{Conflict, Notice, Saving, StorageEvent};
use sovcheck_core::content;
use sovcheck_core::format::FormatError;
use sovcheck_core::merge::{self, Acceptance, Decision, Incoming, Landed, Landing, LandingError};
use sovcheck_core::model::{Assessment, Date};
use sovcheck_core::questionnaire::{self, Questionnaire, Response, ResponseEdit};
use sovcheck_core::workspace;
use sovcheck_core::{Edit, Lang};
use sovcheck_text::texts;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::{Reducible, UseReducerHandle};

/// The shared state handle every component reads (through `use_context`) and dispatches
/// to; `App` provides it. It lives beside the state, so views depend on the state and
/// never on the root component.
pub type Store = UseReducerHandle<AppState>;

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
    /// The printable report of the open assessment.
    Report,
    /// Side-by-side comparison and answer-by-answer difference of workspace assessments.
    Compare,
    /// Checking a file against a printed fingerprint.
    Verify,
    /// The accessibility statement.
    Accessibility,
    /// Preparing a questionnaire from the open assessment.
    Questionnaire,
    /// Answering a questionnaire received (respondent mode).
    Respond,
    /// Landing responses in an assessment, conflicts side by side.
    Landing,
}

/// Why an import did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The browser could not read the file.
    Read,
    /// The file is not a valid sovcheck document.
    Format(FormatError),
    /// An encrypted file could not be decrypted.
    Crypto(crate::platform::encrypted::CryptoError),
    /// Encrypted files are imported one at a time (each has its passphrase).
    EncryptedInBatch,
    /// A questionnaire or response that cannot be opened or landed.
    Exchange(ExchangeError),
    /// Storing the import would need `needed` UTF-16 units of storage; `free` are left.
    TooBigToStore { needed: usize, free: usize },
}

/// Why a questionnaire or a response cannot be opened or landed. Nothing is changed.
#[derive(Clone, Debug, PartialEq)]
pub enum ExchangeError {
    /// The response cannot be landed in its assessment.
    Landing(LandingError),
    /// No assessment of this browser has the id the response answers for.
    NoAssessment(String),
    /// A questionnaire with other files, or responses with assessments.
    Mixed,
}

impl ExchangeError {
    /// The error in words.
    pub fn message(&self, t: &sovcheck_text::Catalog) -> String {
        match self {
            ExchangeError::Landing(e) => t.landing_error(e),
            ExchangeError::NoAssessment(id) => {
                sovcheck_text::fill(t.exchange.no_matching_assessment, &[("id", &t.quote(id))])
            }
            ExchangeError::Mixed => t.exchange.mixed_files.to_owned(),
        }
    }
}

/// A questionnaire being answered in this browser (respondent mode): what was asked, and the
/// response in progress (saved under its own storage key until exported).
#[derive(Clone, Debug, PartialEq)]
pub struct Answering {
    pub questionnaire: Questionnaire,
    pub response: Response,
}

/// What a landing did: per response file landed, its outcome; and whether the user stopped
/// before the end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LandingOutcome {
    /// The assessment landed in.
    pub assessment: String,
    pub done: Vec<(String, Landed)>,
    pub cancelled: bool,
}

/// Responses being landed, one at a time, in the assessment they answer: the one on screen
/// (planned against the assessment as it is now) and those after it.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingLanding {
    /// The assessment's id.
    pub assessment: String,
    /// The response on screen, compared with the assessment.
    pub current: Landing,
    /// The responses after it, in order.
    pub queue: Vec<Incoming>,
    /// What the responses landed so far did: file and outcome.
    pub done: Vec<(String, Landed)>,
}

/// What the last import did, shown on the start screen until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStatus {
    /// This many assessments were added or replaced.
    Imported(usize),
    /// Nothing changed: the file named could not be used.
    Failed { file: String, error: ImportError },
    /// The user cancelled a conflicting import; nothing changed.
    Cancelled,
}

/// How to settle an import whose ids are already in the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The imported assessments replace those with the same id.
    Replace,
    /// The imported assessments are added under new ids; nothing is replaced.
    KeepBoth,
    /// Nothing is imported.
    Cancel,
}

/// Everything the app shows is derived from this.
///
/// The workspace and the open assessment are shared between successive states (`Rc`): a
/// change copies what it changes (`Rc::make_mut`), and moving between screens copies
/// nothing. Two states are equal only when they are the same state: the reducer makes a
/// new one for every action that changes anything, so the context's consumers learn of a
/// change without comparing two whole workspaces (docs/PERFORMANCE.md, step navigation).
#[derive(Clone, Debug)]
pub struct AppState {
    pub lang: Lang,
    pub screen: Screen,
    /// Every assessment of this browser, the open one included (kept in step with
    /// `assessment` by the reducer).
    pub workspace: Rc<Vec<Assessment>>,
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Whether an assessment is open (something to resume).
    pub started: bool,
    /// Saving, storage and the other tabs: what the notices show.
    pub saving: Saving,
    /// An import waiting for the user to settle its id conflicts.
    pub pending_import: Option<Vec<Assessment>>,
    /// Conflicting imports waiting behind `pending_import`, in the order they came.
    pub queued_imports: Vec<Vec<Assessment>>,
    /// An encrypted file waiting for its passphrase: its name and envelope.
    pub pending_decrypt: Option<(String, crate::platform::encrypted::Envelope)>,
    /// Encrypted files waiting behind `pending_decrypt`, in the order they came.
    pub queued_decrypts: Vec<(String, crate::platform::encrypted::Envelope)>,
    pub import_status: Option<ImportStatus>,
    /// Bumped on navigation so the step heading takes focus.
    pub nav_seq: u32,
    /// Where "back" returns from the accessibility statement.
    pub previous: Option<Screen>,
    /// A language whose words could not be loaded.
    pub lang_failed: Option<Lang>,
    /// A questionnaire being answered (respondent mode).
    pub answering: Option<Answering>,
    /// Responses being landed.
    pub landing: Option<PendingLanding>,
    /// What the last landing did, shown on the landing screen until another starts.
    pub landed: Option<LandingOutcome>,
    /// The assessments picked on the comparison (`None`: the first two of the list), named by
    /// its address so that a reload or a link shows the same comparison.
    pub compare_picks: Option<Vec<String>>,
}

/// A shared part of the state, compared by identity (`Rc::ptr_eq`), as an effect's or a
/// memo's dependency or a component's property: the reducer never changes a shared value in
/// place, it makes a new one (`Rc::make_mut` on a value the previous state still holds), so
/// a new `Rc` is a change, found without comparing two whole assessments or workspaces.
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The workspace in the order lists show it: most recently changed first, then by id.
pub fn ordered(workspace: &[Assessment]) -> Vec<&Assessment> {
    sorted_by(workspace.iter().collect(), |a, b| {
        b.modified.cmp(&a.modified).then(a.id.cmp(&b.id))
    })
}

/// `items` sorted stably by `cmp`, as `sort_by` does. Every caller shares one sort routine
/// in the wasm (of indices, through a `dyn` comparison) instead of one per element type.
pub fn sorted_by<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// The one stable sort of the web build.
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// What the user does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// The words of a language could not be loaded (`None` clears the message).
    LangFailed(Option<Lang>),
    NewAssessment {
        id: String,
        today: Option<Date>,
    },
    Resume,
    /// Shows a screen outside the walk (report, compare, verify) or the start screen.
    Show(Screen),
    GoTo(usize),
    /// Goes where an address names (the page's address changed: Back, Forward, a link, a
    /// reload). What names nothing here leads to the start screen, with a notice.
    /// `None`: the address names nothing sovcheck has.
    Route(Option<crate::router::Route>),
    Next,
    Back,
    /// Changes the open assessment (see [`Assessment::apply`]).
    Edit(Edit),
    /// The assessments picked on the comparison.
    ComparePicks(Vec<String>),
    /// What the save effect and the other tabs report (see [`StorageEvent`]).
    Storage(StorageEvent),
    /// Opens an assessment of the workspace at the context step.
    Open(String),
    /// Copies an assessment under `id` (e.g. for next year's review) and opens the copy
    /// (see [`workspace::duplicate`]: sign-off cleared, log emptied, date set to `today`).
    Duplicate {
        source: String,
        id: String,
        today: Option<Date>,
    },
    Rename(String, String),
    Delete(String),
    /// Forgets everything (storage is wiped by the caller).
    WipeAll,
    /// A parsed import file; `seed` makes fresh ids (`<seed>-<n>`).
    Import {
        list: Vec<Assessment>,
        seed: String,
    },
    ImportFailed {
        file: String,
        error: ImportError,
    },
    /// An encrypted file was chosen: ask for its passphrase (`None` forgets it).
    AskPassphrase(Option<(String, crate::platform::encrypted::Envelope)>),
    /// A questionnaire was opened: answer it (with the response in progress stored for it,
    /// if any).
    OpenQuestionnaire {
        questionnaire: Box<Questionnaire>,
        response: Option<Box<Response>>,
    },
    /// Changes the response in progress (see [`Response::apply`]).
    EditResponse(ResponseEdit),
    /// Leaves respondent mode (the response in progress stays stored).
    CloseResponse,
    /// Records a questionnaire prepared (and downloaded) from the open assessment.
    RecordQuestionnaire(Box<Questionnaire>),
    /// Response files (name and response) to land, in order.
    LandResponses(Vec<(String, Response)>),
    /// Lands the response on screen with the conflicts' decisions (by subject: decision and
    /// why), as `by`, on `today`; then shows the next one.
    Land {
        decisions: BTreeMap<String, (Decision, String)>,
        by: String,
        today: Option<Date>,
    },
    /// Stops landing: nothing more changes (responses landed already stay).
    CancelLanding,
    ResolveImport(Resolution),
    DismissImportStatus,
}

impl AppState {
    /// A fresh state in `lang`, on the start screen.
    pub fn new(lang: Lang) -> AppState {
        AppState {
            lang,
            screen: Screen::Start,
            workspace: Rc::default(),
            assessment: Rc::default(),
            started: false,
            saving: Saving::default(),
            pending_import: None,
            queued_imports: Vec::new(),
            pending_decrypt: None,
            queued_decrypts: Vec::new(),
            import_status: None,
            nav_seq: 0,
            previous: None,
            lang_failed: None,
            answering: None,
            landing: None,
            landed: None,
            compare_picks: None,
        }
    }

    /// The assessment `id`, the open one or one in the workspace.
    fn find(&self, id: &str) -> Option<&Assessment> {
        if self.started && self.assessment.id == id {
            Some(&self.assessment)
        } else {
            self.workspace.iter().find(|a| a.id == id)
        }
    }

    /// Plans the next queued response against the assessment as it is now, or ends the
    /// landing when none is left.
    fn next_landing(
        &mut self,
        assessment: String,
        mut queue: Vec<Incoming>,
        done: Vec<(String, Landed)>,
    ) {
        if queue.is_empty() {
            self.landing = None;
            self.landed = Some(LandingOutcome {
                assessment,
                done,
                cancelled: false,
            });
            return;
        }
        let incoming = queue.remove(0);
        let planned = self.find(&assessment).map(|a| merge::plan(a, &incoming));
        match planned {
            Some(Ok(current)) => {
                self.landing = Some(PendingLanding {
                    assessment,
                    current,
                    queue,
                    done,
                })
            }
            // Checked before the landing started; kept for an assessment deleted meanwhile.
            Some(Err(e)) => {
                self.landing = None;
                self.import_status = Some(ImportStatus::Failed {
                    file: incoming.source,
                    error: ImportError::Exchange(ExchangeError::Landing(e)),
                });
            }
            None => {
                self.landing = None;
                self.import_status = Some(ImportStatus::Failed {
                    file: incoming.source,
                    error: ImportError::Exchange(ExchangeError::NoAssessment(assessment)),
                });
            }
        }
    }

    fn go(&mut self, index: usize) {
        let last = walk().len().saturating_sub(1);
        self.screen = Screen::Walk(index.min(last));
        self.nav_seq = self.nav_seq.wrapping_add(1);
    }

    fn close(&mut self) {
        self.assessment = Rc::default();
        self.started = false;
        self.screen = Screen::Start;
        self.nav_seq = self.nav_seq.wrapping_add(1);
    }

    fn open(&mut self, a: Assessment) {
        self.assessment = Rc::new(a);
        self.started = true;
        self.go(0);
    }

    fn add_all(&mut self, list: Vec<Assessment>, replace: bool) {
        let n = list.len();
        workspace::add_all(Rc::make_mut(&mut self.workspace), list, replace);
        // A replaced open assessment is shown as imported.
        if self.started {
            if let Some(a) = self.workspace.iter().find(|a| a.id == self.assessment.id) {
                self.assessment = Rc::new(a.clone());
            }
        }
        self.import_status = Some(ImportStatus::Imported(n));
    }

    /// Applies `f` to the assessment `id`, the open one or one in the workspace.
    fn edit(&mut self, id: &str, now: &str, f: impl FnOnce(&mut Assessment)) {
        if self.started && self.assessment.id == id {
            f(Rc::make_mut(&mut self.assessment));
        } else if let Some(a) = Rc::make_mut(&mut self.workspace)
            .iter_mut()
            .find(|a| a.id == id)
        {
            f(a);
            a.modified = now.to_owned();
        }
    }

    /// Applies one action; `now` (RFC 3339) stamps what it changes. Pure: the caller
    /// supplies the clock.
    pub fn apply(&mut self, action: Action, now: &str) {
        // What another tab did is not an edit of this one: nothing is stamped here.
        let action = match action {
            Action::Storage(e) => return self.storage(e, now),
            other => other,
        };
        if matches!(
            action,
            Action::SetLang(_)
                | Action::NewAssessment { .. }
                | Action::Open(_)
                | Action::Duplicate { .. }
                | Action::Import { .. }
                | Action::ResolveImport(_)
        ) {
            self.saving.wiped = false;
        }
        // Moving between screens and steps changes no assessment: no copy to compare with
        // (with long notes, copying and comparing it is most of a step change's work).
        if matches!(
            action,
            Action::GoTo(_) | Action::Next | Action::Back | Action::Show(_) | Action::Route(_)
        ) {
            return self.apply_inner(action, now);
        }
        let before = self.started.then(|| self.assessment.clone());
        self.apply_inner(action, now);
        // Untouched (the same `Rc`), or touched and equal: unchanged.
        let changed = before
            .as_ref()
            .is_none_or(|b| !Rc::ptr_eq(b, &self.assessment) && **b != *self.assessment);
        if self.started && changed {
            if before.as_ref().is_some_and(|b| b.id == self.assessment.id) {
                Rc::make_mut(&mut self.assessment).modified = now.to_owned();
            }
            let open = (*self.assessment).clone();
            let workspace = Rc::make_mut(&mut self.workspace);
            match workspace.iter_mut().find(|a| a.id == open.id) {
                Some(slot) => *slot = open,
                None => workspace.push(open),
            }
        }
    }

    fn apply_inner(&mut self, action: Action, now: &str) {
        match action {
            Action::SetLang(l) => {
                self.lang = l;
                self.lang_failed = None;
            }
            Action::LangFailed(l) => self.lang_failed = l,
            Action::NewAssessment { id, today } => {
                let id = workspace::fresh_id(&self.workspace, &id);
                let mut a = Assessment {
                    id,
                    modified: now.to_owned(),
                    ..Assessment::default()
                };
                a.meta.date = today;
                self.open(a);
            }
            Action::Open(id) => {
                if let Some(a) = self.workspace.iter().find(|a| a.id == id).cloned() {
                    self.open(a);
                }
            }
            Action::Duplicate { source, id, today } => {
                let t = texts(self.lang);
                let title = |a: &Assessment| {
                    let name = a
                        .display_name()
                        .unwrap_or_else(|| t.workspace.untitled.to_owned());
                    sovcheck_text::fill(t.workspace.copy_title, &[("name", &name)])
                };
                let workspace = Rc::make_mut(&mut self.workspace);
                if let Some(a) = workspace::duplicate(workspace, &source, &id, title, now, today) {
                    self.open(a);
                }
            }
            Action::Rename(id, title) => self.edit(&id, now, |a| a.meta.title = title),
            Action::Delete(id) => self.forget(&id),
            Action::WipeAll => self.wipe(),
            Action::Import { list, seed } => {
                let mut list = list;
                workspace::name_unnamed(&mut list, &seed);
                if workspace::conflicts(&self.workspace, &list).is_empty() {
                    self.add_all(list, false);
                } else if self.pending_import.is_some() {
                    // A question is already asked: this one waits its turn.
                    self.queued_imports.push(list);
                } else {
                    self.pending_import = Some(list);
                    self.import_status = None;
                }
            }
            Action::ImportFailed { file, error } => {
                // A wrong passphrase keeps the prompt, so the user can try again; another
                // file's failure does not end it either.
                let this_one = self.pending_decrypt.as_ref().is_some_and(|p| p.0 == file);
                if this_one && !matches!(error, ImportError::Crypto(_)) {
                    self.next_decrypt();
                }
                self.import_status = Some(ImportStatus::Failed { file, error });
            }
            Action::AskPassphrase(Some(p)) => {
                // A prompt already shown for another file: this one waits its turn. The
                // same file chosen again (by its name) takes the place of the one waiting.
                let same = |q: &(String, crate::platform::encrypted::Envelope)| q.0 == p.0;
                if let Some(q) = self.queued_decrypts.iter_mut().find(|q| same(q)) {
                    *q = p;
                } else if self.pending_decrypt.as_ref().is_some_and(|q| !same(q)) {
                    self.queued_decrypts.push(p);
                } else {
                    self.pending_decrypt = Some(p);
                    self.import_status = None;
                }
            }
            Action::AskPassphrase(None) => {
                self.next_decrypt();
                self.import_status = None;
            }
            Action::ResolveImport(r) => {
                if let Some(list) = self.pending_import.take() {
                    match r {
                        Resolution::Replace => self.add_all(list, true),
                        Resolution::KeepBoth => self.add_all(list, false),
                        Resolution::Cancel => self.import_status = Some(ImportStatus::Cancelled),
                    }
                }
                // The next waiting import: asked about if it still conflicts, else added.
                while self.pending_import.is_none() && !self.queued_imports.is_empty() {
                    let list = self.queued_imports.remove(0);
                    if workspace::conflicts(&self.workspace, &list).is_empty() {
                        self.add_all(list, false);
                    } else {
                        self.pending_import = Some(list);
                    }
                }
            }
            Action::DismissImportStatus => self.import_status = None,
            Action::OpenQuestionnaire {
                questionnaire,
                response,
            } => {
                let response = response
                    .map(|r| *r)
                    .filter(|r| r.questionnaire == questionnaire.id)
                    .unwrap_or_else(|| questionnaire::blank_response(&questionnaire));
                self.answering = Some(Answering {
                    questionnaire: *questionnaire,
                    response,
                });
                self.pending_decrypt = None;
                self.import_status = None;
                self.screen = Screen::Respond;
                self.nav_seq = self.nav_seq.wrapping_add(1);
            }
            Action::EditResponse(edit) => {
                if let Some(a) = self.answering.as_mut() {
                    a.response.apply(edit);
                }
            }
            Action::CloseResponse => {
                self.answering = None;
                self.screen = Screen::Start;
                self.nav_seq = self.nav_seq.wrapping_add(1);
            }
            Action::RecordQuestionnaire(q) => {
                if self.started && self.assessment.id == q.assessment {
                    questionnaire::record(Rc::make_mut(&mut self.assessment), &q);
                }
            }
            Action::LandResponses(files) => {
                self.pending_decrypt = None;
                // All or nothing: every response must answer an assessment of this browser
                // and pass its checks before anything is shown to land.
                let mut queue = Vec::new();
                for (file, r) in &files {
                    let incoming = Incoming::from_response(r, file);
                    let Some(a) = self.find(&r.assessment) else {
                        self.import_status = Some(ImportStatus::Failed {
                            file: file.clone(),
                            error: ImportError::Exchange(ExchangeError::NoAssessment(
                                r.assessment.clone(),
                            )),
                        });
                        return;
                    };
                    if let Err(e) = merge::plan(a, &incoming) {
                        self.import_status = Some(ImportStatus::Failed {
                            file: file.clone(),
                            error: ImportError::Exchange(ExchangeError::Landing(e)),
                        });
                        return;
                    }
                    queue.push(incoming);
                }
                let Some(first) = queue.first().map(|i| i.assessment.clone()) else {
                    return;
                };
                self.import_status = None;
                self.landed = None;
                self.next_landing(first, queue, Vec::new());
                self.screen = Screen::Landing;
                self.nav_seq = self.nav_seq.wrapping_add(1);
            }
            Action::Land {
                decisions,
                by,
                today,
            } => {
                let Some(pending) = self.landing.take() else {
                    return;
                };
                let PendingLanding {
                    assessment,
                    current,
                    queue,
                    mut done,
                } = pending;
                let mut outcome = Landed::default();
                let who = Acceptance {
                    by: &by,
                    at: now,
                    on: today,
                };
                self.edit(&assessment, now, |a| {
                    outcome = merge::land(a, &current, &decisions, who);
                });
                done.push((current.source.clone(), outcome));
                // The next response may be for another assessment of the drop.
                let next = queue.first().map_or(assessment, |i| i.assessment.clone());
                self.next_landing(next, queue, done);
            }
            Action::CancelLanding => {
                let (assessment, done) = self
                    .landing
                    .take()
                    .map(|p| (p.assessment, p.done))
                    .unwrap_or_default();
                self.landed = Some(LandingOutcome {
                    assessment,
                    done,
                    cancelled: true,
                });
            }
            Action::Resume => {
                self.started = true;
                let at = match self.screen {
                    Screen::Walk(i) => i,
                    _ => 0,
                };
                self.go(at);
            }
            Action::Show(screen) => {
                if screen == Screen::Accessibility && self.screen != Screen::Accessibility {
                    self.previous = Some(self.screen);
                }
                self.screen = match screen {
                    Screen::Report | Screen::Questionnaire if !self.started => Screen::Start,
                    Screen::Respond if self.answering.is_none() => Screen::Start,
                    Screen::Landing if self.landing.is_none() && self.landed.is_none() => {
                        Screen::Start
                    }
                    Screen::Walk(i) => {
                        self.go(i);
                        return;
                    }
                    other => other,
                };
                if self.screen == Screen::Compare {
                    // Arriving at the comparison: the first two of the list.
                    self.compare_picks = None;
                }
                self.nav_seq = self.nav_seq.wrapping_add(1);
            }
            Action::ComparePicks(ids) => self.compare_picks = Some(ids),
            Action::GoTo(i) => self.go(i),
            Action::Route(r) => self.route(r),
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
                Screen::Report => self.go(walk().len().saturating_sub(1)),
                Screen::Accessibility => match self.previous.take() {
                    Some(Screen::Walk(i)) if self.started => self.go(i),
                    Some(Screen::Report) if self.started => {
                        self.screen = Screen::Report;
                        self.nav_seq = self.nav_seq.wrapping_add(1);
                    }
                    Some(
                        other @ (Screen::Compare
                        | Screen::Verify
                        | Screen::Questionnaire
                        | Screen::Respond
                        | Screen::Landing),
                    ) => {
                        self.screen = other;
                        self.nav_seq = self.nav_seq.wrapping_add(1);
                    }
                    _ => {
                        self.screen = Screen::Start;
                        self.nav_seq = self.nav_seq.wrapping_add(1);
                    }
                },
                Screen::Compare
                | Screen::Verify
                | Screen::Questionnaire
                | Screen::Respond
                | Screen::Landing => {
                    self.screen = Screen::Start;
                    self.nav_seq = self.nav_seq.wrapping_add(1);
                }
                Screen::Start => {}
            },
            Action::Edit(edit) => Rc::make_mut(&mut self.assessment).apply(edit),
            Action::Storage(e) => self.storage(e, now),
        }
    }

    /// Shows what `route` names: opens its assessment if another one is open. An
    /// assessment or a step this browser does not have leads to the start screen, with a
    /// notice; a landing or an answering no longer in progress (after a reload), quietly.
    fn route(&mut self, route: Option<crate::router::Route>) {
        use crate::router::Route;
        let Some(route) = route else {
            self.saving.notify(Notice::UnknownLink);
            self.screen = Screen::Start;
            self.nav_seq = self.nav_seq.wrapping_add(1);
            return;
        };
        if Route::of(self) == route {
            return;
        }
        let screen = match &route {
            Route::Start => Some(Screen::Start),
            Route::Step(_, n) => (*n < walk().len()).then_some(Screen::Walk(*n)),
            Route::Report(_) => Some(Screen::Report),
            Route::Questionnaire(_) => Some(Screen::Questionnaire),
            Route::Landing(id) => {
                let here = self.landing.as_ref().map(|l| &l.assessment) == Some(id)
                    || self.landed.as_ref().map(|l| &l.assessment) == Some(id);
                if !here {
                    self.screen = Screen::Start;
                    self.nav_seq = self.nav_seq.wrapping_add(1);
                    return;
                }
                Some(Screen::Landing)
            }
            Route::Compare(ids) => {
                self.compare_picks = (!ids.is_empty()).then(|| ids.clone());
                Some(Screen::Compare)
            }
            Route::Verify => Some(Screen::Verify),
            Route::Accessibility => Some(Screen::Accessibility),
            Route::Respond => Some(if self.answering.is_some() {
                Screen::Respond
            } else {
                Screen::Start
            }),
        };
        let id = match &route {
            Route::Step(id, _) | Route::Report(id) | Route::Questionnaire(id) => Some(id),
            _ => None,
        };
        let open = match id {
            Some(id) if self.started && &self.assessment.id == id => Some(None),
            Some(id) => self.workspace.iter().find(|a| &a.id == id).map(Some),
            None => Some(None),
        };
        let (Some(screen), Some(open)) = (screen, open) else {
            self.saving.notify(Notice::UnknownLink);
            self.screen = Screen::Start;
            self.nav_seq = self.nav_seq.wrapping_add(1);
            return;
        };
        if let Some(a) = open.cloned() {
            self.assessment = Rc::new(a);
            self.started = true;
        }
        if screen == Screen::Accessibility && self.screen != Screen::Accessibility {
            self.previous = Some(self.screen);
        }
        self.screen = screen;
        self.nav_seq = self.nav_seq.wrapping_add(1);
    }

    /// Ends the passphrase prompt shown; the next waiting one, if any, takes its place.
    fn next_decrypt(&mut self) {
        self.pending_decrypt = if self.queued_decrypts.is_empty() {
            None
        } else {
            Some(self.queued_decrypts.remove(0))
        };
    }

    /// Forgets everything: the workspace, what is pending, what was set aside.
    fn wipe(&mut self) {
        self.workspace = Rc::default();
        self.pending_import = None;
        self.queued_imports.clear();
        self.pending_decrypt = None;
        self.queued_decrypts.clear();
        self.import_status = None;
        self.answering = None;
        self.landing = None;
        self.landed = None;
        self.saving = Saving {
            wiped: true,
            ..Saving::default()
        };
        self.close();
    }

    /// The assessment `id` as this tab holds it: the open one, else the workspace's.
    fn current(&self, id: &str) -> Option<&Assessment> {
        if self.started && self.assessment.id == id {
            return Some(&self.assessment);
        }
        self.workspace.iter().find(|a| a.id == id)
    }

    /// Puts `a` in the workspace (and on screen, if it is the open one).
    fn put(&mut self, a: Assessment) {
        if self.started && self.assessment.id == a.id {
            self.assessment = Rc::new(a.clone());
        }
        let workspace = Rc::make_mut(&mut self.workspace);
        match workspace.iter_mut().find(|b| b.id == a.id) {
            Some(slot) => *slot = a,
            None => workspace.push(a),
        }
    }

    /// Removes assessment `id` (closing it if it is open).
    fn forget(&mut self, id: &str) {
        Rc::make_mut(&mut self.workspace).retain(|a| a.id != id);
        self.saving.conflicts.retain(|c| c.id != id);
        if self.started && self.assessment.id == id {
            self.close();
        }
    }

    fn name_of(&self, a: &Assessment) -> String {
        crate::components::user_text::display_name(a)
            .unwrap_or_else(|| texts(self.lang).workspace.untitled.to_owned())
    }

    /// Applies what the save effect or another tab reports.
    fn storage(&mut self, e: StorageEvent, now: &str) {
        match e {
            StorageEvent::Theirs { id, base, theirs } => {
                self.theirs(&id, base.map(|b| *b), theirs.map(|t| *t))
            }
            StorageEvent::Wiped => {
                self.wipe();
                self.saving.notify(Notice::WipedElsewhere);
            }
            StorageEvent::Saved {
                unsaved,
                problem,
                at,
            } => {
                self.saving.unsaved = unsaved;
                self.saving.problem = problem;
                if at.is_some() {
                    self.saving.saved_at = at;
                }
            }
            StorageEvent::Usage(u) => self.saving.usage = u,
            StorageEvent::Kept(k) => self.saving.kept = k,
            StorageEvent::Notice(n) => self.saving.notify(n),
            StorageEvent::Dismiss(i) => {
                if i < self.saving.notices.len() {
                    self.saving.notices.remove(i);
                }
            }
            StorageEvent::KeepMine(i) => {
                if i >= self.saving.conflicts.len() {
                    return;
                }
                let c = self.saving.conflicts.remove(i);
                if let Some(mut a) = self.current(&c.id).cloned() {
                    sovcheck_core::sync::take(&mut a, &c.snapshot, &c.field);
                    a.modified = now.to_owned();
                    self.put(a);
                }
            }
            StorageEvent::KeepTheirs(i) => {
                if i < self.saving.conflicts.len() {
                    self.saving.conflicts.remove(i);
                }
            }
        }
    }

    /// Takes in what another writer stored for `id` (`None`: it removed it), given what
    /// this tab last read or wrote there (`base`): see `sovcheck_core::sync`.
    fn theirs(&mut self, id: &str, base: Option<Assessment>, theirs: Option<Assessment>) {
        let ours = self.current(id).cloned();
        match (base, ours, theirs) {
            (_, None, None) | (None, Some(_), None) => {}
            (Some(base), Some(ours), None) => {
                let name = self.name_of(&ours);
                if ours == base {
                    let open = self.started && self.assessment.id == id;
                    self.forget(id);
                    if open {
                        self.saving.notify(Notice::DeletedElsewhere(name));
                    }
                } else {
                    // Changed here since: kept (and so written again), and said.
                    self.saving.notify(Notice::KeptAfterDelete(name));
                }
            }
            (None, None, Some(theirs)) => self.put(theirs),
            (Some(base), None, Some(theirs)) => {
                // Deleted here, changed there: the change wins over a delete made without
                // seeing it.
                if theirs != base {
                    let name = self.name_of(&theirs);
                    self.put(theirs);
                    self.saving.notify(Notice::NotDeleted(name));
                }
            }
            (base, Some(ours), Some(theirs)) => {
                let base = base.unwrap_or_else(|| Assessment {
                    id: id.to_owned(),
                    ..Assessment::default()
                });
                let mut merged = sovcheck_core::sync::merge(&base, &ours, &theirs);
                merged.assessment.id = id.to_owned();
                let snapshot = Rc::new(ours.clone());
                for field in merged.conflicts {
                    let mine = sovcheck_core::sync::value(&ours, &field);
                    self.saving.conflict(Conflict {
                        id: id.to_owned(),
                        field,
                        mine,
                        snapshot: snapshot.clone(),
                    });
                }
                self.put(merged.assessment);
            }
        }
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Back or Forward to where the app already is (the address it just wrote): nothing.
        if let Action::Route(Some(r)) = &action {
            if crate::router::Route::of(&self) == *r {
                return self;
            }
        }
        let mut next = (*self).clone();
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        next.apply(action, &now);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sovcheck_core::edit::MetaEdit;
    use sovcheck_core::model::{Choice, LogEntry, LogEvent, PlanItem};

    #[test]
    fn sorted_by_is_sort_by() {
        // Repeated keys (in the first field) keep their order, as with the stable `sort_by`.
        let mut x: u32 = 7;
        for len in 0..40 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((x >> 16) % 5, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|a| a.0);
            assert_eq!(sorted_by(items, |a, b| a.0.cmp(&b.0)), want);
        }
        let words = vec![
            "b".to_owned(),
            "a".to_owned(),
            "c".to_owned(),
            "a".to_owned(),
        ];
        assert_eq!(sorted_by(words, Ord::cmp), ["a", "a", "b", "c"]);
    }

    const T: &str = "2026-11-22T10:00:00.000Z";
    const T2: &str = "2026-11-23T09:30:00.000Z";

    fn with(ids: &[&str]) -> AppState {
        let mut s = AppState::new(Lang::En);
        for id in ids {
            s.apply(
                Action::NewAssessment {
                    id: (*id).to_owned(),
                    today: None,
                },
                T,
            );
            s.apply(
                Action::Edit(Edit::Meta(MetaEdit::Provider(format!("P {id}")))),
                T,
            );
        }
        s
    }

    fn ids(s: &AppState) -> Vec<&str> {
        s.workspace.iter().map(|a| a.id.as_str()).collect()
    }

    fn imported(id: &str, provider: &str) -> Assessment {
        let mut a = Assessment {
            id: id.to_owned(),
            ..Assessment::default()
        };
        a.meta.provider = provider.to_owned();
        a
    }

    fn choose(id: &str, c: Choice) -> Action {
        Action::Edit(Edit::Choose(id.to_owned(), c))
    }

    #[test]
    fn edits_reach_the_workspace_with_a_stamp_and_navigation_does_not() {
        let mut s = with(&["a"]);
        s.apply(choose("SOV-3.1", Choice::Rung(2)), T2);
        assert_eq!(s.workspace.len(), 1);
        assert_eq!(s.workspace[0], *s.assessment);
        assert_eq!(s.assessment.modified, T2);
        s.apply(Action::Next, "later");
        assert_eq!(s.assessment.modified, T2);
    }

    #[test]
    fn new_open_duplicate_rename_delete() {
        let mut s = with(&["a", "b"]);
        assert_eq!(ids(&s), ["a", "b"]);
        s.apply(Action::Open("a".into()), T);
        assert_eq!(s.assessment.meta.provider, "P a");
        assert_eq!(s.screen, Screen::Walk(0));
        s.apply(choose("SOV-1.1", Choice::Rung(1)), T);
        Rc::make_mut(&mut s.workspace)[0]
            .action_plan
            .insert("SOV-1.1".into(), PlanItem::default());
        Rc::make_mut(&mut s.workspace)[0].log.push(LogEntry {
            at: T.into(),
            by: String::new(),
            event: LogEvent::Landed,
            source: String::new(),
            subject: String::new(),
            kept: None,
            other: None,
            why: String::new(),
        });
        s.apply(
            Action::Duplicate {
                source: "a".into(),
                id: "c".into(),
                today: Date::new(2027, 11, 1),
            },
            T2,
        );
        assert_eq!(ids(&s), ["a", "b", "c"]);
        assert_eq!(s.assessment.id, "c");
        assert_eq!(s.assessment.meta.title, "P a (copy)");
        assert_eq!(s.assessment.meta.date, Date::new(2027, 11, 1));
        assert_eq!(s.assessment.choice("SOV-1.1"), Choice::Rung(1));
        assert_eq!(s.assessment.modified, T2);
        assert_eq!(s.workspace[2], *s.assessment);
        // The plan goes with the copy, the log stays with the source.
        assert_eq!(s.assessment.action_plan.len(), 1);
        assert!(s.assessment.log.is_empty());
        // Renaming one that is not open stamps it in the workspace.
        s.apply(Action::Rename("b".into(), "Beta 2026".into()), T2);
        assert_eq!(s.workspace[1].meta.title, "Beta 2026");
        assert_eq!(s.workspace[1].modified, T2);
        // Deleting the open one closes it.
        s.apply(Action::Delete("c".into()), T);
        assert_eq!(ids(&s), ["a", "b"]);
        assert!(!s.started);
        assert_eq!(s.screen, Screen::Start);
        s.apply(Action::WipeAll, T);
        assert!(s.workspace.is_empty());
    }

    #[test]
    fn new_ids_never_collide() {
        let s = with(&["a", "a", "a"]);
        assert_eq!(ids(&s), ["a", "a-2", "a-3"]);
    }

    #[test]
    fn import_without_conflict_adds_and_names_empty_ids() {
        let mut s = with(&["a"]);
        s.apply(
            Action::Import {
                list: vec![imported("", "X"), imported("z", "Z")],
                seed: "i-9".into(),
            },
            T,
        );
        assert_eq!(ids(&s), ["a", "i-9-0", "z"]);
        assert_eq!(s.import_status, Some(ImportStatus::Imported(2)));
        assert_eq!(s.pending_import, None);
    }

    #[test]
    fn import_with_conflict_waits_then_replaces_keeps_both_or_cancels() {
        let base = with(&["a", "b"]);
        let import = Action::Import {
            list: vec![imported("a", "New A"), imported("n", "N")],
            seed: "i".into(),
        };
        let mut s = base.clone();
        s.apply(import.clone(), T);
        assert!(s.pending_import.is_some());
        assert_eq!(
            s.workspace, base.workspace,
            "nothing changes before the answer"
        );

        let mut r = s.clone();
        r.apply(Action::ResolveImport(Resolution::Replace), T);
        assert_eq!(ids(&r), ["a", "b", "n"]);
        assert_eq!(r.workspace[0].meta.provider, "New A");

        let mut k = s.clone();
        k.apply(Action::ResolveImport(Resolution::KeepBoth), T);
        assert_eq!(ids(&k), ["a", "b", "a-2", "n"]);
        assert_eq!(k.workspace[0].meta.provider, "P a");
        assert_eq!(k.workspace[2].meta.provider, "New A");

        let mut c = s;
        c.apply(Action::ResolveImport(Resolution::Cancel), T);
        assert_eq!(c.workspace, base.workspace);
        assert_eq!(c.import_status, Some(ImportStatus::Cancelled));
    }

    #[test]
    fn replacing_the_open_assessment_updates_what_is_shown() {
        let mut s = with(&["a"]);
        s.apply(
            Action::Import {
                list: vec![imported("a", "Replaced")],
                seed: "i".into(),
            },
            T,
        );
        s.apply(Action::ResolveImport(Resolution::Replace), T);
        assert_eq!(s.assessment.meta.provider, "Replaced");
    }

    #[test]
    fn edits_apply_to_the_open_assessment_only() {
        let mut s = with(&["a", "b"]);
        s.apply(Action::Open("a".into()), T);
        s.apply(choose("SOV-3.1", Choice::Unknown), T2);
        assert_eq!(s.workspace[0].choice("SOV-3.1"), Choice::Unknown);
        assert_eq!(s.workspace[1].choice("SOV-3.1"), Choice::Open);
        // An edit the core refuses (an unknown criterion) changes and stamps nothing.
        s.apply(choose("SOV-9.9", Choice::Unknown), "later");
        assert_eq!(s.assessment.modified, T2);
        // Nothing open: an edit has nowhere to go.
        let mut closed = AppState::new(Lang::En);
        closed.apply(choose("SOV-3.1", Choice::Unknown), T);
        assert!(closed.workspace.is_empty());
    }

    #[test]
    fn the_statement_returns_where_it_was_opened() {
        let mut s = with(&["a"]);
        s.apply(Action::GoTo(3), T);
        s.apply(Action::Show(Screen::Accessibility), T);
        assert_eq!(s.screen, Screen::Accessibility);
        s.apply(Action::Back, T);
        assert_eq!(s.screen, Screen::Walk(3));
        s.apply(Action::Show(Screen::Verify), T);
        s.apply(Action::Show(Screen::Accessibility), T);
        s.apply(Action::Back, T);
        assert_eq!(s.screen, Screen::Verify);
    }

    #[test]
    fn walk_has_context_questions_secnumcloud_further_and_results() {
        let w = walk();
        assert_eq!(w.first(), Some(&Place::Context));
        assert_eq!(w.get(9), Some(&Place::SecNumCloud));
        assert_eq!(w.last(), Some(&Place::Results));
        assert_eq!(w.len(), 1 + 8 + 1 + 4 + 1);
    }

    /// Assessment "a" with the legal questionnaire (q4) recorded, and a response to it that
    /// fills SOV-1.4 and conflicts on SOV-1.1.
    fn with_response() -> (AppState, Response) {
        use sovcheck_core::model::{Respondent, Role, Scope};
        use sovcheck_core::questionnaire::Share;
        let mut s = with(&["a"]);
        s.apply(choose("SOV-1.1", Choice::Rung(1)), T);
        let q = questionnaire::prepare(
            &s.assessment,
            "q-legal",
            Respondent {
                name: "M. Law".into(),
                role: Some(Role::Legal),
            },
            &Scope {
                questions: vec!["q4".into()],
                ..Scope::default()
            },
            "",
            None,
            None,
            Share::default(),
        );
        s.apply(Action::RecordQuestionnaire(Box::new(q.clone())), T);
        let mut r = questionnaire::blank_response(&q);
        r.apply(ResponseEdit::Choose("SOV-1.1".into(), Choice::Rung(3)));
        r.apply(ResponseEdit::Choose("SOV-1.4".into(), Choice::Rung(2)));
        (s, r)
    }

    #[test]
    fn responses_land_one_at_a_time_and_only_once_decided() {
        let (mut s, r) = with_response();
        assert_eq!(s.assessment.questionnaires.len(), 1);
        let before = s.assessment.clone();
        s.apply(
            Action::LandResponses(vec![("legal.json".into(), r.clone())]),
            T2,
        );
        assert_eq!(s.screen, Screen::Landing);
        let pending = s.landing.clone().unwrap();
        assert_eq!(pending.current.count(merge::Outcome::Conflict), 1);
        assert_eq!(s.assessment, before, "nothing changes before landing");
        s.apply(
            Action::Land {
                decisions: BTreeMap::from([(
                    "SOV-1.1".to_owned(),
                    (Decision::Take, "amended".to_owned()),
                )]),
                by: "C. Iso".into(),
                today: Date::new(2026, 12, 4),
            },
            T2,
        );
        assert_eq!(s.landing, None);
        assert_eq!(s.assessment.choice("SOV-1.1"), Choice::Rung(3));
        assert_eq!(s.assessment.choice("SOV-1.4"), Choice::Rung(2));
        assert_eq!(s.assessment.log.len(), 3);
        assert_eq!(s.workspace[0], *s.assessment);
        assert_eq!(s.landed.as_ref().map(|o| o.done.len()), Some(1));
        // The same response again: nothing to land, the log does not grow.
        s.apply(Action::LandResponses(vec![("legal.json".into(), r)]), T2);
        assert!(s.landing.as_ref().unwrap().current.is_empty());
        s.apply(
            Action::Land {
                decisions: BTreeMap::new(),
                by: "C. Iso".into(),
                today: None,
            },
            T2,
        );
        assert_eq!(s.assessment.log.len(), 3);
    }

    #[test]
    fn a_response_for_no_assessment_here_or_another_questionnaire_changes_nothing() {
        let (mut s, r) = with_response();
        let before = s.clone();
        let mut stranger = r.clone();
        stranger.assessment = "zz".into();
        s.apply(
            Action::LandResponses(vec![
                ("legal.json".into(), r.clone()),
                ("x.json".into(), stranger),
            ]),
            T2,
        );
        assert_eq!(s.landing, None);
        assert_eq!(s.workspace, before.workspace);
        assert_eq!(
            s.import_status,
            Some(ImportStatus::Failed {
                file: "x.json".into(),
                error: ImportError::Exchange(ExchangeError::NoAssessment("zz".into())),
            })
        );
        let mut forged = r;
        forged.questionnaire = "q-forged".into();
        s.apply(Action::LandResponses(vec![("f.json".into(), forged)]), T2);
        assert_eq!(
            s.import_status,
            Some(ImportStatus::Failed {
                file: "f.json".into(),
                error: ImportError::Exchange(ExchangeError::Landing(
                    LandingError::UnknownQuestionnaire("q-forged".into())
                )),
            })
        );
        let t = texts(Lang::En);
        assert_eq!(
            ExchangeError::NoAssessment("zz".into()).message(t),
            "this response answers assessment “zz”, which is not in this browser: import or open that assessment first"
        );
    }

    #[test]
    fn a_questionnaire_opens_for_answering_with_its_stored_response() {
        let (_, r) = with_response();
        let mut s = AppState::new(Lang::En);
        let q = questionnaire::prepare(
            &Assessment {
                id: "a".into(),
                ..Assessment::default()
            },
            "q-legal",
            Default::default(),
            &r.scope,
            "",
            None,
            None,
            Default::default(),
        );
        s.apply(
            Action::OpenQuestionnaire {
                questionnaire: Box::new(q.clone()),
                response: Some(Box::new(r.clone())),
            },
            T,
        );
        assert_eq!(s.screen, Screen::Respond);
        assert_eq!(s.answering.as_ref().unwrap().response, r);
        s.apply(Action::EditResponse(ResponseEdit::Name("M. Law".into())), T);
        assert_eq!(
            s.answering.as_ref().unwrap().response.respondent.name,
            "M. Law"
        );
        assert!(s.workspace.is_empty(), "the respondent gets no assessment");
        s.apply(Action::CloseResponse, T);
        assert_eq!((s.screen, s.answering.is_none()), (Screen::Start, true));
        // Nothing to answer or land: those screens fall back to the start.
        for screen in [Screen::Respond, Screen::Landing, Screen::Questionnaire] {
            s.apply(Action::Show(screen), T);
            assert_eq!(s.screen, Screen::Start, "{screen:?}");
        }
        // A stored response of another questionnaire is not taken.
        let mut other = r;
        other.questionnaire = "q-other".into();
        s.apply(
            Action::OpenQuestionnaire {
                questionnaire: Box::new(q),
                response: Some(Box::new(other)),
            },
            T,
        );
        assert!(s.answering.as_ref().unwrap().response.answers.is_empty());
        // Wiping all local data forgets the questionnaire being answered too.
        s.apply(Action::WipeAll, T);
        assert_eq!(s.answering, None);
    }

    #[test]
    fn navigation_stays_inside_the_walk() {
        let mut s = AppState::new(Lang::En);
        s.apply(Action::GoTo(999), T);
        assert_eq!(s.screen, Screen::Walk(walk().len() - 1));
        s.apply(Action::GoTo(0), T);
        s.apply(Action::Back, T);
        assert_eq!(s.screen, Screen::Start);
    }

    fn theirs(id: &str, base: Option<&Assessment>, theirs: Option<&Assessment>) -> Action {
        Action::Storage(StorageEvent::Theirs {
            id: id.to_owned(),
            base: base.cloned().map(Box::new),
            theirs: theirs.cloned().map(Box::new),
        })
    }

    fn notices(s: &AppState) -> Vec<Notice> {
        s.saving.notices.clone()
    }

    #[test]
    fn another_tabs_change_is_merged_and_its_delete_applied() {
        let mut s = with(&["a", "b"]);
        s.apply(Action::Open("a".into()), T);
        let base = s.workspace[0].clone();
        // Theirs changed the note; ours the answer: both.
        s.apply(choose("SOV-1.1", Choice::Rung(2)), T2);
        let mut t = base.clone();
        t.apply(Edit::Evidence(
            "SOV-2.2".into(),
            sovcheck_core::edit::EvidenceEdit::Note("n".into()),
        ));
        s.apply(theirs("a", Some(&base), Some(&t)), "later");
        assert_eq!(s.assessment.choice("SOV-1.1"), Choice::Rung(2));
        assert_eq!(s.assessment.answers["SOV-2.2"].note, "n");
        assert_eq!(s.workspace[0], *s.assessment);
        assert_eq!(s.assessment.modified, T2, "a merge is no edit of this tab");
        // The open one deleted there, unchanged here: closed, and said.
        let now = s.assessment.clone();
        s.apply(theirs("a", Some(&now), None), T);
        assert!(!s.started);
        assert_eq!(ids(&s), ["b"]);
        assert_eq!(notices(&s), [Notice::DeletedElsewhere("P a".into())]);
        // One with changes here that were not saved: kept, and said.
        let b = s.workspace[0].clone();
        s.apply(Action::Rename("b".into(), "B!".into()), T);
        s.apply(theirs("b", Some(&b), None), T);
        assert_eq!(ids(&s), ["b"]);
        assert_eq!(notices(&s)[1], Notice::KeptAfterDelete("B!".into()));
        // Deleted here, changed there: back, and said; unchanged there: stays deleted.
        let b = s.workspace[0].clone();
        s.apply(Action::Delete("b".into()), T);
        s.apply(theirs("b", Some(&b), Some(&b)), T);
        assert!(s.workspace.is_empty());
        let mut changed = b.clone();
        changed.meta.offer = "O".into();
        s.apply(theirs("b", Some(&b), Some(&changed)), T);
        assert_eq!(*s.workspace, [changed.clone()]);
        assert_eq!(notices(&s)[2], Notice::NotDeleted("B!".into()));
        // New there: added.
        let n = Assessment {
            id: "n".into(),
            ..Assessment::default()
        };
        s.apply(theirs("n", None, Some(&n)), T);
        assert_eq!(ids(&s), ["b", "n"]);
    }

    #[test]
    fn the_same_field_keeps_theirs_until_the_user_keeps_mine() {
        use sovcheck_core::sync::{Field, MetaField, Value};
        let mut s = with(&["a"]);
        let base = s.workspace[0].clone();
        s.apply(
            Action::Edit(Edit::Meta(MetaEdit::Provider("Mine".into()))),
            T2,
        );
        let mut t = base.clone();
        t.meta.provider = "Theirs".into();
        s.apply(theirs("a", Some(&base), Some(&t)), T);
        assert_eq!(s.assessment.meta.provider, "Theirs");
        assert_eq!(s.saving.conflicts.len(), 1);
        let c = &s.saving.conflicts[0];
        assert_eq!(c.field, Field::Meta(MetaField::Provider));
        assert_eq!(c.mine, Value::Text("Mine".into()));
        s.apply(
            Action::Storage(StorageEvent::KeepMine(0)),
            "2026-12-01T00:00:00.000Z",
        );
        assert!(s.saving.conflicts.is_empty());
        assert_eq!(s.assessment.meta.provider, "Mine");
        assert_eq!(s.workspace[0], *s.assessment);
        assert_eq!(s.assessment.modified, "2026-12-01T00:00:00.000Z");
        // Keeping theirs changes nothing but the question.
        let mut t2 = (*s.assessment).clone();
        t2.meta.provider = "Theirs again".into();
        let base = (*s.assessment).clone();
        s.apply(
            Action::Edit(Edit::Meta(MetaEdit::Provider("Mine again".into()))),
            T2,
        );
        s.apply(theirs("a", Some(&base), Some(&t2)), T);
        s.apply(Action::Storage(StorageEvent::KeepTheirs(0)), T);
        assert!(s.saving.conflicts.is_empty());
        assert_eq!(s.assessment.meta.provider, "Theirs again");
    }

    #[test]
    fn a_wipe_forgets_everything_and_the_place_waits_for_the_user() {
        let mut s = with(&["a"]);
        s.apply(Action::Storage(StorageEvent::Wiped), T);
        assert!(s.workspace.is_empty() && !s.started);
        assert!(s.saving.wiped);
        assert_eq!(notices(&s), [Notice::WipedElsewhere]);
        s.apply(Action::Show(Screen::Verify), T);
        assert!(s.saving.wiped, "moving around is not starting something");
        s.apply(Action::SetLang(Lang::Fr), T);
        assert!(!s.saving.wiped);
        let mut l = with(&["a"]);
        l.apply(Action::WipeAll, T);
        assert!(l.saving.wiped && l.saving.notices.is_empty());
    }

    #[test]
    fn conflicting_imports_wait_their_turn() {
        let mut s = with(&["a", "b"]);
        for (id, p) in [("a", "A2"), ("b", "B2")] {
            s.apply(
                Action::Import {
                    list: vec![imported(id, p)],
                    seed: "i".into(),
                },
                T,
            );
        }
        assert_eq!(
            s.pending_import.as_ref().map(|l| l[0].id.as_str()),
            Some("a")
        );
        assert_eq!(s.queued_imports.len(), 1);
        s.apply(Action::ResolveImport(Resolution::Replace), T);
        assert_eq!(s.workspace[0].meta.provider, "A2");
        assert_eq!(
            s.pending_import.as_ref().map(|l| l[0].id.as_str()),
            Some("b")
        );
        s.apply(Action::ResolveImport(Resolution::Cancel), T);
        assert_eq!(s.pending_import, None);
        assert!(s.queued_imports.is_empty());
        assert_eq!(s.workspace[1].meta.provider, "P b");
    }

    #[test]
    fn encrypted_files_wait_their_turn_for_a_passphrase() {
        use crate::platform::encrypted::Envelope;
        let env = |salt: &str| Envelope {
            iterations: 600_000,
            salt: salt.as_bytes().to_vec(),
            iv: Vec::new(),
            data: Vec::new(),
        };
        let mut s = AppState::new(Lang::En);
        s.apply(
            Action::AskPassphrase(Some(("one.json".into(), env("1")))),
            T,
        );
        s.apply(
            Action::AskPassphrase(Some(("two.json".into(), env("2")))),
            T,
        );
        assert_eq!(
            s.pending_decrypt.as_ref().map(|p| p.0.as_str()),
            Some("one.json")
        );
        // The same file chosen again replaces its own prompt.
        s.apply(
            Action::AskPassphrase(Some(("one.json".into(), env("1b")))),
            T,
        );
        assert_eq!(
            s.pending_decrypt.as_ref().map(|p| p.1.salt.as_slice()),
            Some(&b"1b"[..])
        );
        assert_eq!(s.queued_decrypts.len(), 1);
        // A wrong passphrase keeps the prompt; another file's failure too.
        s.apply(
            Action::ImportFailed {
                file: "one.json".into(),
                error: ImportError::Crypto(
                    crate::platform::encrypted::CryptoError::WrongPassphraseOrTampered,
                ),
            },
            T,
        );
        s.apply(
            Action::ImportFailed {
                file: "plain.json".into(),
                error: ImportError::Read,
            },
            T,
        );
        assert_eq!(
            s.pending_decrypt.as_ref().map(|p| p.0.as_str()),
            Some("one.json")
        );
        // Done (or cancelled): the next one is asked.
        s.apply(Action::AskPassphrase(None), T);
        assert_eq!(
            s.pending_decrypt.as_ref().map(|p| p.0.as_str()),
            Some("two.json")
        );
        s.apply(Action::AskPassphrase(None), T);
        assert_eq!(s.pending_decrypt, None);
    }
}
