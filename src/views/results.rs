//! Results: the SEAL and score ranges with their meaning, the calculator reading, a table
//! per objective, the binding criteria, and why a label is not a SEAL.

use crate::app::Store;
use crate::components::estimate::{fmt_score, fmt_score_range, fmt_seal};
use crate::i18n::texts;
use crate::views::start::ScreenProps;
use sovcheck_core::{content, evaluate};
use yew::prelude::*;

/// The results view.
#[function_component(ResultsView)]
pub fn results_view(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let ev = evaluate(&store.assessment, crate::views::start::today());
    let level = content::seal_level(ev.seal.lower);
    let range = |lo: f64, hi: f64| fmt_score_range(lo, hi, lang);
    html! {
        <section data-testid="results">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.step_results }</h1>
            <p>{ t.results_intro }</p>
            <div class="headline">
                <p class="big">{ fmt_seal(ev.seal, lang) }</p>
                if let Some(l) = level { <p><strong>{ l.name.get(lang) }</strong>{ " — " }{ l.meaning.get(lang) }</p> }
                <p>{ format!("{} : {}", t.score_label, range(ev.score.lower, ev.score.upper)) }</p>
                <p>{ format!("{} : {} · {}", t.calculator_reading,
                    ev.calculator.seal.map(|s| s.to_string()).unwrap_or_else(|| "—".to_owned()),
                    fmt_score(ev.calculator.score, lang)) }</p>
                <p class="muted">{ t.calculator_reading_help }</p>
            </div>
            <table class="objectives" data-testid="objectives-table">
                <thead><tr>
                    <th scope="col">{ t.objective }</th><th scope="col">{ t.weight }</th>
                    <th scope="col">{ t.score_label }</th><th scope="col">{ t.seal_label }</th>
                    <th scope="col">{ t.open_criteria }</th>
                </tr></thead>
                <tbody>
                { for content::objectives().iter().zip(&ev.objectives).map(|(o, r)| html! {
                    <tr>
                        <th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th>
                        <td>{ format!("{} %", r.weight) }</td>
                        <td>{ range(r.score.lower, r.score.upper) }</td>
                        <td>{ fmt_seal(r.seal, lang) }</td>
                        <td>{ r.open.len() }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            <h2>{ t.binding_title }</h2>
            if ev.binding.is_empty() { <p>{ t.binding_none }</p> } else {
                <ul>{ for ev.binding.iter().map(|b| html! {
                    <li>{ b.criterion }{ " " }{ content::criterion(b.criterion).map(|c| c.title.get(lang)).unwrap_or_default() }</li>
                }) }</ul>
            }
            <h2>{ t.label_not_seal_title }</h2>
            <p>{ content::secnumcloud::label_not_seal().get(lang) }</p>
            if !ev.hints.is_empty() || !ev.warnings.is_empty() {
                <ul class="hints">
                    { for ev.hints.iter().map(|h| html! { <li>{ h.text(lang) }</li> }) }
                    { for ev.warnings.iter().map(|w| html! { <li>{ w.text(lang) }</li> }) }
                </ul>
            }
        </section>
    }
}
