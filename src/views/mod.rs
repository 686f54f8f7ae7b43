//! One module per screen of the app.
pub mod accessibility;
pub mod compare;
pub mod context;
pub mod criteria;
pub mod report;
pub mod results;
pub mod secnumcloud;
pub mod start;
pub mod verify;
