//! One module per screen of the app.
pub mod accessibility;
pub mod compare;
pub mod context;
pub mod criteria;
pub mod landing;
pub mod questionnaire;
pub mod report;
pub mod respond;
pub mod results;
pub mod secnumcloud;
pub mod start;
pub mod verify;

use yew::prelude::*;

/// Props shared by every screen: the heading that takes focus on arrival.
#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub heading: NodeRef,
}
