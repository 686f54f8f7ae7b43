//! The live estimate beside the walk: SEAL range, score range, the target's verdict, the
//! counts (answered / unknown / unanswered, as on the results and in the report), what holds
//! the SEAL down and what caps the best case, as links to their steps. Both estimates show
//! one evaluation, made by the root component once per change of the assessment, and are
//! built again only when the assessment or the language changed (not on a step change).

use crate::components::verdict::unbroken;
use crate::state::{walk, Action, AppState, Place, Same};
use sovcheck_core::figures::fixed;
use sovcheck_core::{content, verdict};
use sovcheck_core::{Assessment, Evaluation, Lang};
use sovcheck_text::texts;
use yew::prelude::*;

/// The walk index of the step holding a criterion.
pub fn walk_index_of(criterion: &str) -> Option<usize> {
    let step = content::steps()
        .iter()
        .position(|s| s.criteria.contains(&criterion))?;
    walk().iter().position(|p| *p == Place::Criteria(step))
}

/// Props of [`LiveEstimate`] and [`CompactEstimate`].
#[derive(Properties, PartialEq)]
pub struct EstimateProps {
    pub assessment: Same<Assessment>,
    /// The assessment's evaluation (without today's date: expiry is the report's).
    pub ev: Same<Evaluation>,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The live estimate panel.
#[function_component(LiveEstimate)]
pub fn live_estimate(p: &EstimateProps) -> Html {
    let lang = p.lang;
    let t = texts(lang);
    let ev = &*p.ev;
    let v = verdict(&p.assessment, ev);
    let score = t.score_range(ev.score.lower, ev.score.upper);
    let export = {
        let a = p.assessment.clone();
        Callback::from(move |_| crate::platform::transfer::export_one(&a))
    };
    let link = |id: &'static str, text: String, open: bool| {
        let target = walk_index_of(id);
        let s = p.dispatch.clone();
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
                { t.counts(ev) }
            </p>
            if ev.score.upper > 100.0 {
                <details class="perfect-score" data-testid="estimate-perfect-score">
                    <summary>{ t.verdict.perfect_score_why }</summary>
                    <p>{ t.perfect_score(&p.assessment.weights) }</p>
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
pub fn compact_estimate(p: &EstimateProps) -> Html {
    let t = texts(p.lang);
    let ev = &*p.ev;
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
