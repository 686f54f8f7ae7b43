//! What the user is told about saving: what was saved and when, what could not be saved
//! and why, what start-up set aside, how full storage is, and what another tab did. Pure
//! data, part of [`crate::state::AppState`]; the save effect (`platform::saver`) reports
//! into it through [`StorageEvent`]s, and the notices show it.

use crate::platform::storage::{Kept, WriteError};
use sovcheck_core::sync::{Field, Value};
use sovcheck_core::Assessment;
use std::rc::Rc;

/// A message about storage or another tab, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Start-up set this many unreadable entries aside (listed on the start screen).
    SetAside(usize),
    /// Storage cannot be used at all.
    Unavailable,
    /// The open assessment (named) was deleted in another tab.
    DeletedElsewhere(String),
    /// An assessment (named) deleted in another tab had unsaved changes here: kept.
    KeptAfterDelete(String),
    /// An assessment (named) deleted here had been changed in another tab: not deleted.
    NotDeleted(String),
    /// Another tab wiped everything.
    WipedElsewhere,
    /// The page's address named an assessment or a step this browser does not have.
    UnknownLink,
}

/// A field changed differently in this tab and in another: the other tab's value is the one
/// saved; this tab's is kept here until the user chooses.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The assessment.
    pub id: String,
    /// The field.
    pub field: Field,
    /// This tab's value.
    pub mine: Value,
    /// This tab's assessment when the conflict was found (where "keep mine" copies from).
    pub snapshot: Rc<Assessment>,
}

/// How full storage is, when it is near its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 code units used (keys and values).
    pub used: usize,
    /// The quota, in the same units.
    pub total: usize,
}

impl Usage {
    /// Shown from this share of the quota on.
    pub const NEAR: f64 = 0.8;

    /// The share used, 0 to 1.
    pub fn share(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.used as f64 / self.total as f64
        }
    }

    /// Whether it is near the limit.
    pub fn near(self) -> bool {
        self.share() >= Self::NEAR
    }
}

/// Everything about saving that the screens show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saving {
    /// Messages, oldest first; several may show at once.
    pub notices: Vec<Notice>,
    /// Fields waiting for the user's choice between this tab's value and another's.
    pub conflicts: Vec<Conflict>,
    /// Data set aside (listed on the start screen until deleted).
    pub kept: Vec<Kept>,
    /// The assessments whose latest change is not stored (by id).
    pub unsaved: Vec<String>,
    /// Why they are not.
    pub problem: Option<WriteError>,
    /// When a change was last saved (ms since 1970, to the minute).
    pub saved_at: Option<f64>,
    /// Storage use, set when it is near the limit.
    pub usage: Option<Usage>,
    /// Everything was wiped (here or in another tab): the place in the app is not written
    /// again until the user opens, creates, imports or changes the language.
    pub wiped: bool,
}

/// What the save effect and the other tabs report.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageEvent {
    /// Another writer changed (`theirs`) or removed (`None`) the stored assessment `id`;
    /// `base` is what this tab last read or wrote there.
    Theirs {
        id: String,
        base: Option<Box<Assessment>>,
        theirs: Option<Box<Assessment>>,
    },
    /// Another tab wiped all local data.
    Wiped,
    /// The outcome of the saves: what is not stored, why, and the last save.
    Saved {
        unsaved: Vec<String>,
        problem: Option<WriteError>,
        at: Option<f64>,
    },
    /// Storage use (`None`: not near the limit).
    Usage(Option<Usage>),
    /// What is set aside now.
    Kept(Vec<Kept>),
    /// Adds a notice.
    Notice(Notice),
    /// Hides the notice at this index.
    Dismiss(usize),
    /// Keeps this tab's value of the conflict at this index.
    KeepMine(usize),
    /// Keeps the saved value of the conflict at this index.
    KeepTheirs(usize),
}

impl Saving {
    /// Adds `n` unless it is already shown.
    pub fn notify(&mut self, n: Notice) {
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    /// Records a conflict; a newer one on the same field replaces it.
    pub fn conflict(&mut self, c: Conflict) {
        self.conflicts
            .retain(|x| !(x.id == c.id && x.field == c.field));
        self.conflicts.push(c);
    }
}
