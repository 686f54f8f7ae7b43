//! The start screen: what sovcheck does, the privacy promise, new / resume, language.

use crate::app::Store;
use crate::i18n::texts;
use crate::state::Action;
use sovcheck_core::model::Date;
use yew::prelude::*;

/// Today's date from the browser clock.
pub fn today() -> Option<Date> {
    let ms = js_sys::Date::now();
    Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
}

/// Props shared by every screen: the heading that takes focus on arrival.
#[derive(Properties, PartialEq)]
pub struct ScreenProps {
    pub heading: NodeRef,
}

/// The start screen.
#[function_component(StartView)]
pub fn start_view(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let new = {
        let s = store.clone();
        Callback::from(move |_| {
            let id = format!("a-{}", js_sys::Date::now() as u64);
            s.dispatch(Action::NewAssessment { id, today: today() })
        })
    };
    let resume = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Resume))
    };
    let who = &store.assessment.meta;
    html! {
        <section class="start">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.start_title }</h1>
            <p class="lead">{ t.start_what }</p>
            <div class="privacy">
                <h2>{ t.start_privacy_title }</h2>
                <p>{ t.start_privacy }</p>
                <p>{ t.start_wipe_hint }</p>
            </div>
            <div class="actions">
                <button type="button" class="primary" data-testid="new-assessment" onclick={new}>{ t.new_assessment }</button>
                if store.started {
                    <button type="button" data-testid="resume" onclick={resume}>
                        { t.resume }
                        if !who.provider.is_empty() { { format!(" — {} {}", who.provider, who.offer) } }
                    </button>
                } else {
                    <p class="muted">{ t.resume_none }</p>
                }
            </div>
        </section>
    }
}
