//! Comparison of 2 to 10 assessments side by side, and the answer-by-answer difference of two.

use crate::app::Store;
use crate::views::start::ScreenProps;
use yew::prelude::*;

/// The compare screen.
#[function_component(CompareView)]
pub fn compare_view(p: &ScreenProps) -> Html {
    let Some(_store) = use_context::<Store>() else {
        return html! {};
    };
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ "compare" }</h1>
        </section>
    }
}
