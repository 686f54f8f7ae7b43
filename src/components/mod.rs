//! Pieces shared by several screens.
pub mod dropzone;
pub mod estimate;
pub mod fields;
pub mod plan;
pub mod radar;
pub mod sections;
pub mod steplist;
pub mod verdict;
