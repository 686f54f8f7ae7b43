//! A criteria step: the step's question and explanation, then each criterion with its rungs
//! as choices in words, "I don't know", the help text and collapsible evidence fields.

use crate::components::fields::{SelectField, TextField};
use crate::state::Action;
use crate::state::Store;
use sovcheck_core::content::{self, Criterion};
use sovcheck_core::edit::{Edit, EvidenceEdit};
use sovcheck_core::model::{Choice, Date, EvidenceLevel};
use sovcheck_text::texts;
use yew::prelude::*;

/// Props of [`CriteriaStep`].
#[derive(Properties, PartialEq)]
pub struct CriteriaStepProps {
    pub step: usize,
    pub heading: NodeRef,
}

/// A step holding calculator criteria.
#[function_component(CriteriaStep)]
pub fn criteria_step(p: &CriteriaStepProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Some(step) = content::steps().get(p.step) else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let title =
        crate::components::steplist::place_title(crate::state::Place::Criteria(p.step), lang);
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ title }</h1>
            <p class="lead">{ step.question.get(lang) }</p>
            <details class="explain">
                <summary>{ t.walk.why_it_matters }</summary>
                <p>{ step.why.get(lang) }</p>
                <h3>{ t.walk.good_answer }</h3>
                <p>{ step.good.get(lang) }</p>
                if !step.secnumcloud.is_empty() {
                    <p>{ format!("{} : {}", t.walk.snc_clauses, step.secnumcloud) }</p>
                }
            </details>
            { for step.criteria.iter().filter_map(|id| content::criterion(id)).map(|c| html! {
                <CriterionCard criterion={c.id} key={c.id} />
            }) }
        </section>
    }
}

/// Props of [`CriterionCard`].
#[derive(Properties, PartialEq)]
pub struct CriterionCardProps {
    pub criterion: &'static str,
}

/// One criterion: a radio group of its rungs plus "I don't know", help and evidence.
#[function_component(CriterionCard)]
pub fn criterion_card(p: &CriterionCardProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Some(c): Option<&'static Criterion> = content::criterion(p.criterion) else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let id = c.id;
    let choice = store.assessment.choice(id);
    let answer = store
        .assessment
        .answers
        .get(id)
        .cloned()
        .unwrap_or_default();
    let choose = |ch: Choice| {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Edit(Edit::Choose(id.to_owned(), ch))))
    };
    let evidence = |f: fn(String) -> EvidenceEdit| {
        let s = store.clone();
        Callback::from(move |v: String| {
            s.dispatch(Action::Edit(Edit::Evidence(id.to_owned(), f(v))))
        })
    };
    let dom = id.replace('.', "_");
    let level_opts: Vec<(String, String)> =
        std::iter::once((String::new(), t.common.not_set.to_owned()))
            .chain(
                EvidenceLevel::ALL
                    .iter()
                    .map(|l| (l.id().to_owned(), t.evidence_level(*l).to_owned())),
            )
            .collect();
    html! {
        <fieldset class="criterion" id={format!("c-{dom}")} data-testid={format!("criterion-{id}")}>
            <legend><span class="cid">{ id }</span>{ " " }{ c.title.get(lang) }</legend>
            <p class="question">{ c.question.get(lang) }</p>
            <div class="choices">
                { for c.rungs.iter().enumerate().map(|(i, r)| {
                    let idx = u8::try_from(i).unwrap_or(u8::MAX);
                    let input_id = format!("{dom}-{i}");
                    html! {
                        <div class="choice">
                            <input type="radio" id={input_id.clone()} name={dom.clone()}
                                data-testid={format!("choice-{id}-{i}")}
                                checked={choice == Choice::Rung(idx)} onchange={choose(Choice::Rung(idx))} />
                            <label for={input_id}>{ r.label.get(lang) }</label>
                        </div>
                    }
                }) }
                <div class="choice unknown">
                    <input type="radio" id={format!("{dom}-unknown")} name={dom.clone()}
                        data-testid={format!("choice-{id}-unknown")}
                        checked={choice == Choice::Unknown} onchange={choose(Choice::Unknown)} />
                    <label for={format!("{dom}-unknown")}>{ t.walk.dont_know }</label>
                </div>
            </div>
            <p class="help">{ c.help.get(lang) }</p>
            <details class="evidence" data-testid={format!("evidence-{id}")}
                open={!answer.note.is_empty() || !answer.source.is_empty()}>
                <summary>{ t.evidence.title }</summary>
                <TextField id={format!("{dom}-note")} label={t.evidence.note} multiline=true value={answer.note.clone()} onchange={evidence(EvidenceEdit::Note)} />
                <TextField id={format!("{dom}-source")} label={t.evidence.source} value={answer.source.clone()} onchange={evidence(EvidenceEdit::Source)} />
                <SelectField id={format!("{dom}-level")} label={t.evidence.level} options={level_opts}
                    value={answer.evidence_level.map(|l| l.id().to_owned()).unwrap_or_default()}
                    onchange={evidence(|v| EvidenceEdit::Level(EvidenceLevel::ALL.into_iter().find(|l| l.id() == v)))} />
                <TextField id={format!("{dom}-valid")} kind="date" label={t.evidence.valid_until}
                    value={answer.valid_until.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={evidence(|v| EvidenceEdit::ValidUntil(Date::parse(&v)))} />
            </details>
        </fieldset>
    }
}
