//! Checking a file against a printed integrity fingerprint.

use crate::app::Store;
use crate::views::start::ScreenProps;
use yew::prelude::*;

/// The verify screen.
#[function_component(VerifyView)]
pub fn verify_view(p: &ScreenProps) -> Html {
    let Some(_store) = use_context::<Store>() else {
        return html! {};
    };
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ "verify" }</h1>
        </section>
    }
}
