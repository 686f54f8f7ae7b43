//! The lower part of a long screen, added once its top is drawn.

use yew::prelude::*;

/// Props of [`AfterFirstFrame`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    #[prop_or_default]
    pub children: Html,
}

/// Builds its children once the frame that shows the rest of the screen is drawn (an
/// animation frame, then a task). A long screen whose lower part lies screens below its
/// heading (the results: about thirteen screen-heights, most of it from the third screen
/// down) is drawn top first, and its lower part follows a frame later, out of sight:
/// the click that opened it is answered within a frame (docs/PERFORMANCE.md, step
/// navigation). Nothing above it moves when it arrives. Print views do not use it: they
/// must be whole when printed.
#[function_component(AfterFirstFrame)]
pub fn after_first_frame(p: &LaterProps) -> Html {
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            crate::platform::after_frame(move || drawn.set(true));
        });
    }
    if *drawn {
        html! { <>{ p.children.clone() }</> }
    } else {
        html! {}
    }
}
