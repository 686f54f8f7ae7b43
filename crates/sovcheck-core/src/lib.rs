//! sovcheck-core: the assessment engine of sovcheck, free of any web API.
//!
//! Data flows one way: the static [`content`] (criteria, walk, SecNumCloud, weights) and the
//! user's [`model::Assessment`] (answers, evidence, sign-off: the only thing ever stored) go
//! into [`evaluate::evaluate`], which returns a self-explaining [`evaluate::Evaluation`].
//! [`format`](mod@format) is the versioned exchange boundary: it parses, validates, migrates
//! and writes assessment files, with path-precise errors as data. Reports are
//! derived like the evaluation: [`export`] (fingerprint, CSV), [`diff`](mod@diff) (two
//! versions of one assessment) and [`compare`](mod@compare) (2 to 10 assessments).
//! [`verdict`](mod@verdict) says, as data, what the result means for a board: what each end of
//! the range rests on, whether the target SEAL is met, and the action plan; [`signoff`] says
//! when an approval against that target must state the residual risk it accepts. [`verify`]
//! checks a file against a printed fingerprint.
//! Many hands, one assessment: [`questionnaire`] prepares the part of an assessment handed
//! to a respondent and reads their response; [`merge`] lands responses (or other copies of
//! the assessment) in it with provenance and a decision log; [`envelope`] is the
//! encrypted-file envelope (format and checks; the cryptography is the shell's).
//! The rules of changing data live here too: [`edit`] (every change a user makes to an
//! assessment, [`Assessment::apply`]) and [`workspace`] (ids, imports, duplicates), so that
//! an interface only routes; [`sync`] merges what two writers (two browser tabs) changed in
//! one assessment, field by field, and names the fields both changed. [`figures`] prints numbers for the interface without core's
//! float formatting. The core holds no words but the content's: errors, hints and warnings
//! are data that `sovcheck-text` puts into words; [`typography`] is the spacing rule both
//! share.

pub mod compare;
pub mod content;
pub mod diff;
pub mod edit;
pub mod envelope;
pub mod evaluate;
pub mod export;
pub mod figures;
pub mod format;
pub mod lang;
pub mod merge;
pub mod model;
pub mod questionnaire;
pub mod seal;
pub mod signoff;
pub mod sync;
pub mod typography;
pub mod verdict;
pub mod verify;
pub mod workspace;

pub use compare::{compare, Comparison};
pub use content::{content_version, criteria, criterion, objectives, steps};
pub use diff::{diff, Diff};
pub use edit::Edit;
pub use evaluate::{evaluate, Evaluation};
pub use export::fingerprint;
pub use format::{parse_document, Document, FormatError};
pub use lang::{Lang, Text};
pub use model::Assessment;
pub use seal::{Seal, SealRange};
pub use verdict::{plan, verdict, Plan, Verdict};
