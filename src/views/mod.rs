//! One module per screen of the app.
pub mod context;
pub mod criteria;
pub mod results;
pub mod secnumcloud;
pub mod start;
