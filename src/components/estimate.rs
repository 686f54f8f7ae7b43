//! The live estimate beside the walk: SEAL range, score range and the binding criteria as
//! links to their steps. Recomputed from the answers on every render.

use crate::state::Store;
use crate::state::{walk, Action, Place};
use sovcheck_core::figures::fixed;
use sovcheck_core::{content, evaluate};
use sovcheck_text::texts;
use yew::prelude::*;

/// The walk index of the step holding a criterion.
pub fn walk_index_of(criterion: &str) -> Option<usize> {
    let step = content::steps()
        .iter()
        .position(|s| s.criteria.contains(&criterion))?;
    walk().iter().position(|p| *p == Place::Criteria(step))
}

/// The live estimate panel.
#[function_component(LiveEstimate)]
pub fn live_estimate() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let ev = evaluate(&store.assessment, None);
    let score = t.score_range(ev.score.lower, ev.score.upper);
    let export = {
        let s = store.clone();
        Callback::from(move |_| crate::platform::transfer::export_one(&s.assessment))
    };
    html! {
        <aside class="estimate" aria-labelledby="estimate-title">
            <h2 id="estimate-title">{ t.estimate.title }</h2>
            <dl aria-live="polite">
                <dt>{ t.estimate.seal_label }</dt>
                <dd data-testid="seal-range" data-lower={ev.seal.lower.level().to_string()}
                    data-upper={ev.seal.upper.level().to_string()}>{ t.seal_range(ev.seal) }</dd>
                <dt>{ t.estimate.score_label }</dt>
                <dd data-testid="score-range" data-lower={fixed(ev.score.lower, 2)}
                    data-upper={fixed(ev.score.upper, 2)}>{ score }</dd>
            </dl>
            <p class="progress">{ format!("{} / 48 {}", ev.answered + ev.unknown, t.walk.progress) }</p>
            <h3>{ t.estimate.binding_title }</h3>
            if ev.binding.is_empty() && ev.binding_overrides.is_empty() {
                <p>{ t.estimate.binding_none }</p>
            } else {
                <ul class="binding" data-testid="binding">
                    { for ev.binding.iter().take(12).map(|b| {
                        let title = content::criterion(b.criterion).map(|c| c.title.get(lang)).unwrap_or_default();
                        let target = walk_index_of(b.criterion);
                        let s = store.clone();
                        let onclick = Callback::from(move |_| if let Some(i) = target { s.dispatch(Action::GoTo(i)) });
                        html! {
                            <li><button type="button" class="link" {onclick}>
                                <strong>{ b.criterion }</strong>{ " " }{ title }
                                if b.open { { " " }{ t.estimate.open_suffix } }
                            </button></li>
                        }
                    }) }
                    { for ev.binding_overrides.iter().map(|o| html! { <li>{ *o }</li> }) }
                </ul>
                if ev.binding.len() > 12 { <p>{ format!("+{}", ev.binding.len() - 12) }</p> }
            }
            <button type="button" data-testid="export" onclick={export}>{ t.workspace.export_this }</button>
        </aside>
    }
}
