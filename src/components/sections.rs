//! The pieces the results view and the report share: the objectives table, the gap plan,
//! the open questions, SecNumCloud coverage and the consistency hints. Each takes the
//! evaluation it shows, so both screens print the same figures.

use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::model::Choice;
use sovcheck_core::{content, Assessment, Lang};
use sovcheck_text::texts;
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
        <div class="table-scroll" role="region" tabindex="0" aria-label={t.results.objective}>
        <table class="objectives" data-testid="objectives-table">
            <caption>{ t.estimate.seal_label }{ " · " }{ t.estimate.score_label }</caption>
            <thead><tr>
                <th scope="col">{ t.results.objective }</th><th scope="col">{ t.results.weight }</th>
                <th scope="col">{ t.estimate.score_label }</th><th scope="col">{ t.estimate.seal_label }</th>
                <th scope="col">{ t.results.open_criteria }</th>
            </tr></thead>
            <tbody>
            { for content::objectives().iter().zip(&p.ev.objectives).map(|(o, r)| html! {
                <tr>
                    <th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th>
                    <td class="num">{ format!("{} %", r.weight) }</td>
                    <td class="num">{ texts(lang).score_range(r.score.lower, r.score.upper) }</td>
                    <td>{ texts(lang).seal_range(r.seal) }
                        if r.overridden.is_some() { { format!(" ({})", t.overrides.overridden) } }
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
        return html! { <p>{ t.results.gaps_no_target }</p> };
    };
    if p.ev.gaps.is_empty() && p.ev.override_gaps.is_empty() {
        return html! { <p>{ format!("{target}: {}", t.results.gaps_none) }</p> };
    }
    html! {
        <ul class="gaps" data-testid="gaps">
            { for p.ev.gaps.iter().map(|g| {
                let c = content::criterion(g.criterion);
                let title = c.map(|c| c.title.get(lang)).unwrap_or_default();
                let how = match (c, g.least_rung) {
                    (Some(c), Some(r)) => format!("{} {}", t.results.gap_least,
                        c.rung(r).map(|r| r.label.get(lang)).unwrap_or_default()),
                    _ => t.results.gap_unreachable.to_owned(),
                };
                let now = match g.choice {
                    Choice::Rung(_) => "",
                    Choice::Unknown => t.walk.state_unknown,
                    Choice::Open => t.walk.state_open,
                };
                html! {
                    <li><strong>{ g.criterion }</strong>{ " " }{ title }
                        if !now.is_empty() { { format!(" ({now})") } }
                        { " — " }{ how }</li>
                }
            }) }
            { for p.ev.override_gaps.iter().map(|o| html! {
                <li><strong>{ *o }</strong>{ format!(" ({})", t.overrides.overridden) }</li>
            }) }
        </ul>
    }
}

/// The open questions as plain text, for the provider: grouped by walk step.
pub fn open_questions_text(a: &Assessment, ev: &Evaluation, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = String::new();
    let who = a
        .display_name()
        .unwrap_or_else(|| t.workspace.untitled.to_owned());
    out.push_str(&format!("{} {who}\n", t.results.open_q_heading));
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
        <div class="table-scroll" role="region" tabindex="0" aria-label={t.results.snc_coverage_title}>
        <table class="coverage" data-testid="snc-coverage">
            <caption>{ t.results.snc_coverage_title }</caption>
            <thead><tr>
                <th scope="col">{ t.results.pillar }</th><th scope="col">{ t.words.snc_met }</th>
                <th scope="col">{ t.words.snc_partly }</th><th scope="col">{ t.words.snc_not_met }</th>
                <th scope="col">{ t.words.snc_unknown }</th><th scope="col">{ t.words.snc_na }</th>
                <th scope="col">{ t.results.unanswered }</th>
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
    let t = texts(p.lang);
    if p.ev.hints.is_empty() && p.ev.warnings.is_empty() {
        return html! { <p>{ t.common.none }</p> };
    }
    html! {
        <ul class="hints" data-testid="hints">
            { for p.ev.hints.iter().map(|h| html! { <li>{ t.hint(h) }</li> }) }
            { for p.ev.warnings.iter().map(|w| html! { <li>{ t.warning(w) }</li> }) }
        </ul>
    }
}
