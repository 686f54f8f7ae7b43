//! sovcheck-core: the assessment engine of sovcheck, free of any web API.
//!
//! Data flows one way: the static [`content`] (criteria, walk, SecNumCloud, weights) and the
//! user's [`model::Assessment`] (answers, evidence, sign-off: the only thing ever stored) go
//! into [`evaluate::evaluate`], which returns a self-explaining [`evaluate::Evaluation`].
//! [`format`] is the versioned exchange boundary: it parses, validates, migrates and writes
//! assessment files, with path-precise errors in English and French.

pub mod content;
pub mod evaluate;
pub mod format;
pub mod lang;
pub mod model;
pub mod seal;

pub use content::{content_version, criteria, criterion, objectives, steps};
pub use evaluate::{evaluate, Evaluation};
pub use format::{parse_document, Document, FormatError};
pub use lang::{Lang, Text};
pub use model::Assessment;
pub use seal::{Seal, SealRange};
