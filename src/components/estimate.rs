//! The live estimate beside the walk: SEAL range, score range, the target's verdict, the
//! counts (answered / unknown / unanswered, as on the results and in the report), what holds
//! the SEAL down and what caps the best case, as links to their steps. Recomputed from the
//! answers on every render.

use crate::components::verdict::unbroken;
use crate::state::Store;
use crate::state::{walk, Action, Place};
use sovcheck_core::figures::fixed;
use sovcheck_core::{content, evaluate, verdict};
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
    let v = verdict(&store.assessment, &ev);
    let score = t.score_range(ev.score.lower, ev.score.upper);
    let export = {
        let s = store.clone();
        Callback::from(move |_| crate::platform::transfer::export_one(&s.assessment))
    };
    let link = |id: &'static str, text: String, open: bool| {
        let target = walk_index_of(id);
        let s = store.clone();
        let onclick = Callback::from(move |_| {
            if let Some(i) = target {
                s.dispatch(Action::GoTo(i))
            }
        });
        html! {
            <li><button type="button" class="link" {onclick}>
                <strong>{ id }</strong>{ " " }{ text }
                if open { { " " }{ t.estimate.open_suffix } }
            </button></li>
        }
    };
    let binding = |b: &sovcheck_core::evaluate::Binding| {
        let title = content::criterion(b.criterion)
            .map(|c| c.title.get(lang))
            .unwrap_or_default();
        link(b.criterion, title.to_owned(), b.open)
    };
    // A long list shows its first twelve; the rest opens on demand.
    const SHOWN: usize = 12;
    let target_id = crate::components::verdict::verdict_id(&v);
    html! {
        <aside class="estimate" aria-labelledby="estimate-title">
            <h2 id="estimate-title">{ t.estimate.title }</h2>
            <dl aria-live="polite">
                <dt>{ t.estimate.seal_label }</dt>
                <dd data-testid="seal-range" data-lower={ev.seal.lower.level().to_string()}
                    data-upper={ev.seal.upper.level().to_string()}>{ unbroken(&t.seal_range(ev.seal), "") }</dd>
                <dt>{ t.estimate.score_label }</dt>
                <dd data-testid="score-range" data-lower={fixed(ev.score.lower, 2)}
                    data-upper={fixed(ev.score.upper, 2)}>{ score }</dd>
            </dl>
            <p class={classes!("estimate-target", target_id)} data-testid="estimate-target" data-verdict={target_id}>
                { t.target_verdict(v.target.as_ref()) }
            </p>
            <p class="progress" data-testid="estimate-counts" data-answered={ev.answered.to_string()}
                data-unknown={ev.unknown.to_string()} data-unanswered={ev.unanswered.to_string()}>
                { t.counts(&ev) }
            </p>
            if ev.score.upper > 100.0 {
                <details class="perfect-score" data-testid="estimate-perfect-score">
                    <summary>{ t.verdict.perfect_score_why }</summary>
                    <p>{ t.perfect_score(&store.assessment.weights) }</p>
                </details>
            }
            <h3>{ t.estimate.binding_title }</h3>
            if ev.binding.is_empty() && ev.binding_overrides.is_empty() {
                <p>{ t.estimate.binding_none }</p>
            } else {
                <ul class="binding" data-testid="binding">
                    { for ev.binding.iter().take(SHOWN).map(binding) }
                    { for ev.binding_overrides.iter().map(|o| html! { <li>{ *o }</li> }) }
                </ul>
                if ev.binding.len() > SHOWN {
                    <details class="more">
                        <summary>{ format!("+{}", ev.binding.len() - SHOWN) }</summary>
                        <ul class="binding">{ for ev.binding.iter().skip(SHOWN).map(binding) }</ul>
                    </details>
                }
            }
            <p class="end-lead"><strong>{ t.cap_heading(&v) }</strong></p>
            if !v.capped_by.is_empty() {
                <ul class="binding" data-testid="estimate-capped-by">
                    { for v.capped_by.iter().map(|c| match c {
                        sovcheck_core::verdict::Cap::Answer { criterion, seal, .. } => {
                            let title = content::criterion(criterion).map(|c| c.title.get(lang)).unwrap_or_default();
                            link(criterion, format!("{title} ({seal})"), false)
                        }
                        sovcheck_core::verdict::Cap::Override { .. } => html! { <li>{ t.cap(c) }</li> },
                    }) }
                </ul>
            }
            <button type="button" data-testid="export" onclick={export}>{ t.workspace.export_this }</button>
        </aside>
    }
}

/// The estimate in one line (SEAL range and score), kept in view at the bottom of the step
/// while answering where the full estimate is below it (narrow screens, high zoom; hidden
/// by the style sheet elsewhere). Not announced: the full estimate is the live region.
#[function_component(CompactEstimate)]
pub fn compact_estimate() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let ev = evaluate(&store.assessment, None);
    html! {
        <div class="compact-estimate" data-testid="compact-estimate">
            <p class="compact-label">{ t.estimate.compact_label }{ t.typo.colon }</p>
            <p data-testid="compact-seal">{ t.estimate.seal_label }{ t.typo.colon }{ " " }
                <span class="figure">{ unbroken(&t.seal_range(ev.seal), "") }</span></p>
            <p data-testid="compact-score">{ t.estimate.score_label }{ t.typo.colon }{ " " }
                <span class="figure">{ t.score_range(ev.score.lower, ev.score.upper) }</span></p>
        </div>
    }
}
