//! The live estimate beside the walk: SEAL range, score range and the binding criteria as
//! links to their steps. Recomputed from the answers on every render.

use crate::app::Store;
use crate::i18n::texts;
use crate::state::{walk, Action, Place};
use sovcheck_core::figures::fixed;
use sovcheck_core::{content, evaluate, Lang, SealRange};
use yew::prelude::*;

/// A score in percent for people: two decimals, the language's decimal mark.
pub fn fmt_score(v: f64, lang: Lang) -> String {
    let s = fixed(v, 2);
    match lang {
        Lang::En => format!("{s} %"),
        Lang::Fr => format!("{} %", s.replace('.', ",")),
    }
}

/// A score range for people: one figure when both bounds agree.
pub fn fmt_score_range(lower: f64, upper: f64, lang: Lang) -> String {
    if (lower - upper).abs() < 1e-9 {
        fmt_score(lower, lang)
    } else {
        format!(
            "{} {} {}",
            fmt_score(lower, lang),
            texts(lang).to,
            fmt_score(upper, lang)
        )
    }
}

/// A SEAL range for people: "SEAL-2" or "SEAL-1 to 3".
pub fn fmt_seal(r: SealRange, lang: Lang) -> String {
    if r.is_exact() {
        r.lower.to_string()
    } else {
        format!("{} {} {}", r.lower, texts(lang).to, r.upper.level())
    }
}

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
    let score = fmt_score_range(ev.score.lower, ev.score.upper, lang);
    let export = {
        let s = store.clone();
        Callback::from(move |_| crate::transfer::export_one(&s.assessment))
    };
    html! {
        <aside class="estimate" aria-labelledby="estimate-title">
            <h2 id="estimate-title">{ t.estimate_title }</h2>
            <dl aria-live="polite">
                <dt>{ t.seal_label }</dt>
                <dd data-testid="seal-range" data-lower={ev.seal.lower.level().to_string()}
                    data-upper={ev.seal.upper.level().to_string()}>{ fmt_seal(ev.seal, lang) }</dd>
                <dt>{ t.score_label }</dt>
                <dd data-testid="score-range" data-lower={fixed(ev.score.lower, 2)}
                    data-upper={fixed(ev.score.upper, 2)}>{ score }</dd>
            </dl>
            <p class="progress">{ format!("{} / 48 {}", ev.answered + ev.unknown, t.progress) }</p>
            <h3>{ t.binding_title }</h3>
            if ev.binding.is_empty() && ev.binding_overrides.is_empty() {
                <p>{ t.binding_none }</p>
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
                                if b.open { { " " }{ t.open_suffix } }
                            </button></li>
                        }
                    }) }
                    { for ev.binding_overrides.iter().map(|o| html! { <li>{ *o }</li> }) }
                </ul>
                if ev.binding.len() > 12 { <p>{ format!("+{}", ev.binding.len() - 12) }</p> }
            }
            <button type="button" data-testid="export" onclick={export}>{ t.export_this }</button>
        </aside>
    }
}
