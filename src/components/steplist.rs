//! The list of every step with its state (answered, has unknowns, open); any step can be
//! reached from it.

use crate::state::Store;
use crate::state::{walk, Action, Place};
use sovcheck_core::model::Choice;
use sovcheck_core::{content, Lang};
use sovcheck_text::texts;
use yew::prelude::*;

/// The title of a place in the walk.
pub fn place_title(place: Place, lang: Lang) -> String {
    let t = texts(lang);
    match place {
        Place::Context => t.walk.step_context.to_owned(),
        Place::SecNumCloud => t.walk.step_secnumcloud.to_owned(),
        Place::Results => t.walk.step_results.to_owned(),
        Place::Criteria(i) => content::steps()
            .get(i)
            .map(|s| match s.kind {
                content::StepKind::DueDiligence => format!("{}. {}", i + 1, s.title.get(lang)),
                content::StepKind::Further => s.title.get(lang).to_owned(),
            })
            .unwrap_or_default(),
    }
}

/// Props of [`StepList`].
#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub current: usize,
}

/// The step list.
#[function_component(StepList)]
pub fn step_list(p: &StepListProps) -> Html {
    let current = use_node_ref();
    // On narrow screens the list is one sideways-scrolling row: keep the current step in it
    // visible (horizontally only; the page itself does not move).
    {
        let current = current.clone();
        // Just after the new step is drawn: scrolling measures the page's layout, which
        // need not delay the step.
        use_effect_with(p.current, move |_| {
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(el) = current.cast::<web_sys::Element>() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    opts.set_inline(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            })
            .forget();
        });
    }
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    html! {
        <nav class="steps" aria-label={t.walk.steps_nav}>
            <ol>
            { for walk().into_iter().enumerate().map(|(i, place)| {
                let state = match place {
                    Place::Criteria(s) => content::steps().get(s).map(|step| {
                        let choices: Vec<Choice> = step.criteria.iter().map(|c| store.assessment.choice(c)).collect();
                        if choices.contains(&Choice::Open) { ("open", t.walk.state_open) }
                        else if choices.contains(&Choice::Unknown) { ("unknown", t.walk.state_unknown) }
                        else { ("answered", t.walk.state_answered) }
                    }),
                    _ => None,
                };
                let s = store.clone();
                let onclick = Callback::from(move |_| s.dispatch(Action::GoTo(i)));
                html! {
                    <li class={classes!(state.map(|s| s.0))}>
                        <button type="button" class="link" data-testid={format!("goto-{i}")} {onclick}
                            ref={if i == p.current { current.clone() } else { NodeRef::default() }}
                            aria-current={(i == p.current).then_some("step")}>
                            { place_title(place, lang) }
                            if let Some((_, label)) = state { <span class="state">{ format!(" ({label})") }</span> }
                        </button>
                    </li>
                }
            }) }
            </ol>
        </nav>
    }
}
