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

/// The screen of one place in the walk.
pub fn walk_view(place: crate::state::Place, heading: NodeRef) -> Html {
    use crate::state::Place;
    match place {
        Place::Context => html! { <context::ContextStep {heading} /> },
        Place::Criteria(step) => html! { <criteria::CriteriaStep {step} {heading} /> },
        Place::SecNumCloud => html! { <secnumcloud::SncStep {heading} /> },
        Place::Results => html! { <results::ResultsView {heading} /> },
    }
}
