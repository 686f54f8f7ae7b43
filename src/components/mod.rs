//! Pieces shared by several screens.
pub mod answer_fields;
pub mod dropzone;
pub mod estimate;
pub mod fields;
pub mod later;
pub mod log_annex;
pub mod notices;
pub mod plan;
pub mod provenance;
pub mod provider_answers;
pub mod radar;
pub mod sections;
pub mod snc_facts;
pub mod steplist;
pub mod user_text;
pub mod verdict;
