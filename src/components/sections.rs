//! The pieces the results view and the report share: the objectives table, the gap plan,
//! the open questions, SecNumCloud coverage and the consistency hints. Each takes the
//! evaluation it shows, so both screens print the same figures.

use crate::components::estimate::{fmt_score_range, fmt_seal};
use crate::i18n::texts;
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::model::Choice;
use sovcheck_core::{content, Assessment, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EvalProps {
    pub ev: std::rc::Rc<Evaluation>,
    pub lang: Lang,
}

/// One row per objective: weight, score range, SEAL range, open criteria.
#[function_component(ObjectivesTable)]
pub fn objectives_table(p: &EvalProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={t.objective}>
        <table class="objectives" data-testid="objectives-table">
            <caption>{ t.seal_label }{ " · " }{ t.score_label }</caption>
            <thead><tr>
                <th scope="col">{ t.objective }</th><th scope="col">{ t.weight }</th>
                <th scope="col">{ t.score_label }</th><th scope="col">{ t.seal_label }</th>
                <th scope="col">{ t.open_criteria }</th>
            </tr></thead>
            <tbody>
            { for content::objectives().iter().zip(&p.ev.objectives).map(|(o, r)| html! {
                <tr>
                    <th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th>
                    <td class="num">{ format!("{} %", r.weight) }</td>
                    <td class="num">{ fmt_score_range(r.score.lower, r.score.upper, lang) }</td>
                    <td>{ fmt_seal(r.seal, lang) }
                        if r.overridden.is_some() { { format!(" ({})", t.overridden) } }
                    </td>
                    <td class="num">{ r.open.len() }</td>
                </tr>
            }) }
            </tbody>
        </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct GapProps {
    pub ev: std::rc::Rc<Evaluation>,
    pub lang: Lang,
    pub assessment: Assessment,
}

/// The criteria below the target, each with the least answer that reaches it.
#[function_component(GapPlan)]
pub fn gap_plan(p: &GapProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    let Some(target) = p.assessment.meta.target_seal else {
        return html! { <p>{ t.gaps_no_target }</p> };
    };
    if p.ev.gaps.is_empty() && p.ev.override_gaps.is_empty() {
        return html! { <p>{ format!("{target}: {}", t.gaps_none) }</p> };
    }
    html! {
        <ul class="gaps" data-testid="gaps">
            { for p.ev.gaps.iter().map(|g| {
                let c = content::criterion(g.criterion);
                let title = c.map(|c| c.title.get(lang)).unwrap_or_default();
                let how = match (c, g.least_rung) {
                    (Some(c), Some(r)) => format!("{} {}", t.gap_least,
                        c.rung(r).map(|r| r.label.get(lang)).unwrap_or_default()),
                    _ => t.gap_unreachable.to_owned(),
                };
                let now = match g.choice {
                    Choice::Rung(_) => "",
                    Choice::Unknown => t.state_unknown,
                    Choice::Open => t.state_open,
                };
                html! {
                    <li><strong>{ g.criterion }</strong>{ " " }{ title }
                        if !now.is_empty() { { format!(" ({now})") } }
                        { " — " }{ how }</li>
                }
            }) }
            { for p.ev.override_gaps.iter().map(|o| html! {
                <li><strong>{ *o }</strong>{ format!(" ({})", t.overridden) }</li>
            }) }
        </ul>
    }
}

/// The open questions as plain text, for the provider: grouped by walk step.
pub fn open_questions_text(a: &Assessment, ev: &Evaluation, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = String::new();
    let who = a.display_name().unwrap_or_else(|| t.untitled.to_owned());
    out.push_str(&format!("{} {who}\n", t.open_q_heading));
    for group in &ev.open_questions {
        out.push_str(&format!("\n{}\n", group.step.title.get(lang)));
        for id in &group.criteria {
            if let Some(c) = content::criterion(id) {
                out.push_str(&format!(
                    "- {id} {}: {}\n",
                    c.title.get(lang),
                    c.question.get(lang)
                ));
            }
        }
    }
    out
}

/// SecNumCloud coverage per pillar.
#[function_component(SncCoverage)]
pub fn snc_coverage(p: &EvalProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={t.snc_coverage_title}>
        <table class="coverage" data-testid="snc-coverage">
            <caption>{ t.snc_coverage_title }</caption>
            <thead><tr>
                <th scope="col">{ t.pillar }</th><th scope="col">{ t.snc_met }</th>
                <th scope="col">{ t.snc_partly }</th><th scope="col">{ t.snc_not_met }</th>
                <th scope="col">{ t.snc_unknown }</th><th scope="col">{ t.snc_na }</th>
                <th scope="col">{ t.unanswered }</th>
            </tr></thead>
            <tbody>
            { for p.ev.secnumcloud.iter().map(|c| {
                let name = content::secnumcloud::pillars().iter().find(|x| x.id == c.pillar)
                    .map(|x| x.name.get(lang)).unwrap_or(c.pillar);
                html! {
                    <tr>
                        <th scope="row">{ name }</th>
                        <td class="num">{ c.met }</td><td class="num">{ c.partly }</td>
                        <td class="num">{ c.not_met }</td><td class="num">{ c.unknown }</td>
                        <td class="num">{ c.not_applicable }</td><td class="num">{ c.unanswered() }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
    }
}

/// Consistency hints and evidence warnings.
#[function_component(Hints)]
pub fn hints(p: &EvalProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    if p.ev.hints.is_empty() && p.ev.warnings.is_empty() {
        return html! { <p>{ t.none }</p> };
    }
    html! {
        <ul class="hints" data-testid="hints">
            { for p.ev.hints.iter().map(|h| html! { <li>{ h.text(lang) }</li> }) }
            { for p.ev.warnings.iter().map(|w| html! { <li>{ w.text(lang) }</li> }) }
        </ul>
    }
}
