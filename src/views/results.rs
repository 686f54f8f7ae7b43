//! Results: the SEAL range as the headline (a level's meaning only when the range is one
//! level), the target judged, a plain-language summary with the counts, what each end of the
//! range rests on, the score (with why a perfect offer reads above 100 %) and the calculator
//! reading, a table per objective and the radar, the action plan, the open questions,
//! SecNumCloud coverage and hints, why a label is not a SEAL, and the expert overrides.

use crate::components::fields::{event_value, max_text_length, use_built_on_opening};
use crate::components::later::AfterFirstFrame;
use crate::components::plan::ActionPlan;
use crate::components::radar::Radar;
use crate::components::sections::{
    has_questions, open_questions_text, Hints, ObjectivesTable, SncCoverage,
};
use crate::components::verdict::{unbroken, Basis, Counts, Summary, TargetBlock};
use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_core::model::Override;
use sovcheck_core::{content, evaluate, plan, verdict, Edit, Seal};
use sovcheck_text::texts;
use std::rc::Rc;
use yew::prelude::*;

/// The name of the weight profile in use.
pub fn weights_name(w: &sovcheck_core::model::Weights, lang: sovcheck_core::Lang) -> String {
    let t = texts(lang);
    match w {
        sovcheck_core::model::Weights::Framework => t.words.weights_framework.to_owned(),
        sovcheck_core::model::Weights::Calculator => t.words.weights_calculator.to_owned(),
        sovcheck_core::model::Weights::Custom(v) => sovcheck_core::figures::int_list(v),
    }
}

/// The results view.
#[function_component(ResultsView)]
pub fn results_view(p: &ScreenProps) -> Html {
    let copied = use_state(|| false);
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let a = store.assessment.clone();
    let ev = Rc::new(evaluate(&a, crate::platform::today()));
    let v = Rc::new(verdict(&a, &ev));
    let action_plan = Rc::new(plan(&a, &ev));
    let colon = t.typo.colon;
    let open_report = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Show(crate::state::Screen::Report)))
    };
    let onjump = {
        let s = store.clone();
        Callback::from(move |i: usize| s.dispatch(Action::GoTo(i)))
    };
    let questions = open_questions_text(&a, &ev, lang);
    let copy = {
        let (q, copied) = (questions.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&q);
                copied.set(true);
            }
        })
    };
    html! {
        <section data-testid="results">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.walk.step_results }</h1>
            <p>{ t.results.intro }</p>
            <p><button type="button" class="primary" data-testid="open-report" onclick={open_report}>{ t.report.open_report }</button></p>
            <div class="headline">
                <p class="big" data-testid="results-seal" data-lower={ev.seal.lower.level().to_string()}
                    data-upper={ev.seal.upper.level().to_string()}>{ unbroken(&t.seal_range(ev.seal), "") }</p>
                if let Some((name, meaning)) = t.headline_meaning(ev.seal) {
                    <p data-testid="seal-meaning"><strong>{ name }</strong>{ " — " }{ meaning }</p>
                }
                <TargetBlock verdict={v.clone()} {lang} onjump={onjump.clone()} />
            </div>
            <section class="plain-summary" aria-labelledby="summary-title">
                <h2 id="summary-title">{ t.verdict.summary_title }</h2>
                <Summary assessment={a.clone()} ev={ev.clone()} verdict={v.clone()} {lang} testid="summary" />
                <Counts ev={ev.clone()} {lang} testid="counts" />
            </section>
            <section aria-labelledby="basis-title">
                <h2 id="basis-title">{ t.verdict.basis_title }</h2>
                <Basis verdict={v.clone()} {lang} onjump={onjump.clone()} />
            </section>
            // From here down the screen begins two screen-heights below its heading: it is
            // built in the task after the top is drawn.
            <AfterFirstFrame>
                <div class="figures">
                    <p>{ t.estimate.score_label }{ colon }{ " " }<span class="range">{ t.score_range(ev.score.lower, ev.score.upper) }</span>
                        { format!(" ({}{} {})", t.context.weights, colon, weights_name(&a.weights, lang)) }</p>
                    if ev.score.upper > 100.0 {
                        <p class="muted" data-testid="perfect-score-note">{ t.perfect_score(&a.weights) }</p>
                    }
                    <p>{ format!("{}{} {} · {}", t.results.calculator_reading, colon,
                        t.opt_seal(ev.calculator.seal), t.score(ev.calculator.score)) }</p>
                    <p class="muted">{ t.results.calculator_reading_help }</p>
                </div>
                <div class="results-grid">
                    <ObjectivesTable ev={ev.clone()} {lang} />
                    <Radar objectives={ev.objectives.clone()} {lang} title={t.results.radar_title}
                        lower_label={t.results.lower_bound} upper_label={t.results.upper_bound} />
                </div>
                <ActionPlan plan={action_plan} assessment={a.clone()} {lang} />
                <h2>{ t.results.open_q_title }</h2>
                if !has_questions(&a, &ev) { <p>{ t.results.open_q_none }</p> } else {
                    <label for="open-questions" class="visually-hidden">{ t.results.open_q_title }</label>
                    <textarea id="open-questions" readonly=true rows="10" class="questions"
                        data-testid="open-questions" value={questions} />
                    <p>
                        <button type="button" data-testid="copy-questions" onclick={copy}>{ t.results.copy_questions }</button>
                        <span role="status">if *copied { { " " }{ t.results.copied } }</span>
                    </p>
                }
                <h2>{ t.results.snc_coverage_title }</h2>
                <SncCoverage ev={ev.clone()} {lang} />
                <h2>{ t.results.hints_title }</h2>
                <Hints ev={ev.clone()} {lang} />
                <h2>{ t.results.label_not_seal_title }</h2>
                <p>{ content::secnumcloud::label_not_seal().get(lang) }</p>
                <section class="overrides" aria-labelledby="overrides-title">
                    <h2 id="overrides-title">{ t.overrides.title }</h2>
                    <p>{ t.overrides.intro }</p>
                    { for content::objectives().iter().map(|o| html! { <OverrideEditor objective={o.id} /> }) }
                </section>
            </AfterFirstFrame>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OverrideProps {
    objective: &'static str,
}

/// One objective's expert override: a level and its required justification. The override
/// reaches the assessment only once both are given; a level without a justification stays a
/// draft here, with the error shown.
#[function_component(OverrideEditor)]
fn override_editor(p: &OverrideProps) -> Html {
    let store = use_context::<Store>();
    let stored = store
        .as_ref()
        .and_then(|s| s.assessment.overrides.get(p.objective).cloned());
    let level = {
        let stored = stored.clone();
        use_state(move || stored.map(|o| o.level))
    };
    let text = {
        let stored = stored.clone();
        use_state(move || stored.map(|o| o.justification).unwrap_or_default())
    };
    // Its fields are built when it is first opened (or open from the start): eight closed
    // editors are eight summaries on a long page (docs/PERFORMANCE.md, step navigation).
    let (built, ontoggle) = use_built_on_opening(level.is_some());
    let Some(store) = store else {
        return html! {};
    };
    let (lang, t) = (store.lang, texts(store.lang));
    let Some(o) = content::objective(p.objective) else {
        return html! {};
    };
    let key = p.objective.replace('-', "_");
    let (sel_id, txt_id, err_id) = (
        format!("{key}-override"),
        format!("{key}-justification"),
        format!("{key}-override-error"),
    );
    let commit = {
        let (s, id) = (store.clone(), p.objective);
        move |level: Option<Seal>, text: &str| {
            let ov = level
                .filter(|_| !text.trim().is_empty())
                .map(|level| Override {
                    level,
                    justification: text.to_owned(),
                });
            s.dispatch(Action::Edit(Edit::Override(id.to_owned(), ov)));
        }
    };
    let on_level = {
        let (level, text, commit) = (level.clone(), text.clone(), commit.clone());
        Callback::from(move |e: Event| {
            let v = event_value(&e).parse().ok().and_then(Seal::new);
            level.set(v);
            commit(v, &text);
        })
    };
    let on_text = {
        let (level, text) = (level.clone(), text.clone());
        Callback::from(move |e: InputEvent| {
            let v = event_value(&e);
            commit(*level, &v);
            text.set(v);
        })
    };
    let missing = level.is_some() && text.trim().is_empty();
    let summary = match &stored {
        Some(ov) => format!(
            "{} {} — {} {}",
            o.id,
            o.name.get(lang),
            t.overrides.overridden,
            ov.level
        ),
        None => format!("{} {}", o.id, o.name.get(lang)),
    };
    html! {
        <details class="override" open={level.is_some()} data-testid={format!("override-{}", o.id)} {ontoggle}>
            <summary>{ summary }</summary>
            if built {
                <div class="field">
                    <label for={sel_id.clone()}>{ t.overrides.level }</label>
                    <select id={sel_id} onchange={on_level} data-testid={format!("override-{}-level", o.id)}>
                        <option value="" selected={level.is_none()}>{ t.overrides.none }</option>
                        { for Seal::all().map(|s| html! {
                            <option value={s.level().to_string()} selected={*level == Some(s)}>{ s.to_string() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={txt_id.clone()}>{ t.overrides.justification }</label>
                    <textarea id={txt_id} rows="3" value={(*text).clone()} oninput={on_text}
                        maxlength={max_text_length()} aria-invalid={missing.to_string()} aria-describedby={err_id.clone()}
                        data-testid={format!("override-{}-justification", o.id)} />
                    <p id={err_id} class="error" aria-live="polite">
                        if missing { { t.overrides.justification_required } }
                    </p>
                </div>
            }
        </details>
    }
}
