//! Pieces shared by several screens.
pub mod estimate;
pub mod fields;
pub mod steplist;
