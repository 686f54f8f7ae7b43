//! The printable report of the open assessment.

use crate::app::Store;
use crate::views::start::ScreenProps;
use yew::prelude::*;

/// The report screen.
#[function_component(ReportView)]
pub fn report_view(p: &ScreenProps) -> Html {
    let Some(_store) = use_context::<Store>() else {
        return html! {};
    };
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ "report" }</h1>
        </section>
    }
}
