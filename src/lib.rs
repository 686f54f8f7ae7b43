//! The sovcheck web app (Yew, client-side rendered).
use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    html! { <main><h1>{ "sovcheck" }</h1></main> }
}

/// Mounts the app.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
