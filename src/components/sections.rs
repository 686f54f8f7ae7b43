//! The pieces the results view and the report share: the objectives table, the open
//! questions, SecNumCloud coverage and the consistency hints. Each takes the evaluation it
//! shows, so both screens print the same figures. (The verdict and the action plan are in
//! `verdict.rs` and `plan.rs`.)

use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::verdict::PlanKind;
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
                    <td class="num">{ texts(lang).percent(r.weight) }</td>
                    <td class="num"><span class="range">{ texts(lang).score_range(r.score.lower, r.score.upper) }</span></td>
                    <td><span class="range">{ texts(lang).seal_range(r.seal) }</span>
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

/// The answers that rest only on the provider's declaration (outside overridden objectives),
/// in the action plan's order.
pub fn declared_only(a: &Assessment, ev: &Evaluation) -> Vec<&'static str> {
    sovcheck_core::plan(a, ev)
        .ask
        .iter()
        .filter(|e| matches!(e.kind, PlanKind::DeclaredOnly { .. }))
        .map(|e| e.id)
        .collect()
}

/// Whether there is anything to ask the provider: an open criterion, or an answer resting
/// only on its declaration.
pub fn has_questions(a: &Assessment, ev: &Evaluation) -> bool {
    !ev.open_questions.is_empty()
        || !declared_only(a, ev).is_empty()
        || !sovcheck_core::evaluate::unanswered_questions(a).is_empty()
}

/// The questions for the provider as plain text: the due-diligence questions it has not
/// answered yet, the open criteria grouped by walk step, then the answers that rest only on its declaration, to confirm with evidence.
pub fn open_questions_text(a: &Assessment, ev: &Evaluation, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = String::new();
    let who = a
        .display_name()
        .unwrap_or_else(|| t.workspace.untitled.to_owned());
    out.push_str(&format!("{} {who}\n", t.results.open_q_heading));
    let line = |id: &str| {
        content::criterion(id).map(|c| {
            format!(
                "- {}\n",
                t.label_value(&format!("{id} {}", c.title.get(lang)), c.question.get(lang))
            )
        })
    };
    let unanswered = sovcheck_core::evaluate::unanswered_questions(a);
    if !unanswered.is_empty() {
        out.push_str(&format!("\n{}\n", t.results.dd_unanswered_heading));
        for q in unanswered {
            out.push_str(&format!(
                "- {}\n",
                t.label_value(
                    &format!("{} {}", q.id.to_ascii_uppercase(), q.title.get(lang)),
                    q.question.get(lang)
                )
            ));
        }
    }
    for group in &ev.open_questions {
        out.push_str(&format!("\n{}\n", group.step.title.get(lang)));
        for id in &group.criteria {
            out.extend(line(id));
        }
    }
    let declared = declared_only(a, ev);
    if !declared.is_empty() {
        out.push_str(&format!("\n{}\n", t.plan.confirm_heading));
        for id in declared {
            out.extend(line(id));
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
