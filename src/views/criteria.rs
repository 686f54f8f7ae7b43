//! A criteria step: the step's question and explanation, then each criterion with its rungs
//! as choices in words, "I don't know", the help text, the evidence's note and source, and
//! its level and validity folded.

use crate::components::answer_fields::AnswerFields;
use crate::components::fields::{use_built_on_opening, use_built_once, SelectField, TextField};
use crate::components::snc_facts::{SncFact, SncFacts};
use crate::state::Action;
use crate::state::{AppState, Store};
use sovcheck_core::content::{self, Criterion};
use sovcheck_core::edit::{DueDiligenceEdit, Edit, EvidenceEdit};
use sovcheck_core::evaluate;
use sovcheck_core::model::{Answer, Choice, Date, EvidenceLevel};
use sovcheck_core::Lang;
use sovcheck_text::texts;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`CriteriaStep`].
#[derive(Properties, PartialEq)]
pub struct CriteriaStepProps {
    pub step: usize,
    pub heading: NodeRef,
}

/// A step holding calculator criteria: on a due-diligence question, first the provider's
/// answer to it (and the SecNumCloud facts it asks for), then the criteria with the step's
/// progress and "I don't know" for every one still open.
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
    let (done, total) = evaluate::step_progress(&store.assessment, step);
    let all_unknown = {
        let s = store.clone();
        let ids: Vec<String> = step.criteria.iter().map(|c| (*c).to_owned()).collect();
        Callback::from(move |_: MouseEvent| {
            s.dispatch(Action::Edit(Edit::UnknownForOpen(ids.clone())));
            // The button goes (nothing is left open): the focus goes on to "Next".
            crate::platform::focus_soon("[data-testid=\"next\"]");
        })
    };
    let facts = SncFact::of_question(step.id);
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
            if step.kind == content::StepKind::DueDiligence {
                <ProviderAnswer question={step.id} />
            }
            if !facts.is_empty() {
                <fieldset class="question-facts" data-testid={format!("facts-{}", step.id)}>
                    <legend>{ t.walk.facts_title }</legend>
                    <p class="help">{ t.walk.facts_help }</p>
                    <SncFacts facts={facts.to_vec()} />
                </fieldset>
            }
            <div class="step-progress">
                <p role="status" data-testid="step-progress">
                    { sovcheck_text::fill(t.form(done, &t.walk.step_progress), &[("done", &done), ("total", &total)]) }
                </p>
                if done < total {
                    <button type="button" class="secondary" data-testid="all-unknown" onclick={all_unknown}>
                        { t.walk.all_unknown }
                    </button>
                }
            </div>
            { for step.criteria.iter().filter_map(|id| content::criterion(id)).enumerate().map(|(i, c)| html! {
                <CriterionCard criterion={c.id} key={c.id} n={i + 1} total={step.criteria.len()} />
            }) }
        </section>
    }
}

/// Props of [`ProviderAnswer`].
#[derive(Properties, PartialEq)]
pub struct ProviderAnswerProps {
    /// The question id, `q1` to `q8`.
    pub question: &'static str,
}

/// The provider's answer to a due-diligence question: its words, the source, the evidence
/// level and the date received (the assessment's `dueDiligence` answers, edited with the
/// same fields as on the respondent's screen).
#[function_component(ProviderAnswer)]
pub fn provider_answer(p: &ProviderAnswerProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let q = p.question;
    let answer = store
        .assessment
        .due_diligence
        .get(q)
        .cloned()
        .unwrap_or_default();
    let edit = |f: fn(String) -> DueDiligenceEdit| {
        let s = store.clone();
        Callback::from(move |v: String| {
            s.dispatch(Action::Edit(Edit::DueDiligence(q.to_owned(), f(v))))
        })
    };
    let on_level = {
        let s = store.clone();
        Callback::from(move |l: Option<EvidenceLevel>| {
            s.dispatch(Action::Edit(Edit::DueDiligence(
                q.to_owned(),
                DueDiligenceEdit::Level(l),
            )))
        })
    };
    let on_received = {
        let s = store.clone();
        Callback::from(move |d: Option<Date>| {
            s.dispatch(Action::Edit(Edit::DueDiligence(
                q.to_owned(),
                DueDiligenceEdit::Received(d),
            )))
        })
    };
    html! {
        <fieldset class="provider-answer" data-testid={format!("provider-answer-{q}")}>
            <legend>{ t.walk.provider_answer_title }</legend>
            <p class="help">{ t.walk.provider_answer_help }</p>
            <AnswerFields prefix="dd" subject={q} {answer} note_label={t.walk.provider_answer} {lang}
                on_note={edit(DueDiligenceEdit::Answer)} on_source={edit(DueDiligenceEdit::Source)}
                {on_level} on_received={Some(on_received)} fold={Some(AttrValue::from(t.walk.provider_answer_more))} />
        </fieldset>
    }
}

/// Props of [`CriterionCard`].
#[derive(Properties, PartialEq)]
pub struct CriterionCardProps {
    pub criterion: &'static str,
    /// Its position in the step (from 1) and the step's count of criteria.
    pub n: usize,
    pub total: usize,
}

/// One criterion, as the step shows it: what it needs of the state, handed to [`Card`]
/// as properties, so that a change elsewhere (another criterion's answer, a note typed in
/// another card) does not build this card again (docs/PERFORMANCE.md).
#[function_component(CriterionCard)]
pub fn criterion_card(p: &CriterionCardProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let answer = store
        .assessment
        .answers
        .get(p.criterion)
        .cloned()
        .unwrap_or_default();
    html! {
        <Card criterion={p.criterion} n={p.n} total={p.total} lang={store.lang}
            choice={store.assessment.choice(p.criterion)} {answer} dispatch={store.dispatcher()} />
    }
}

/// Props of [`Card`]: everything it shows, and the reducer's dispatcher (the same for the
/// app's whole life), so two renders with equal props are the same card.
#[derive(Properties, PartialEq)]
struct CardProps {
    criterion: &'static str,
    n: usize,
    total: usize,
    lang: Lang,
    choice: Choice,
    answer: Answer,
    dispatch: UseReducerDispatcher<AppState>,
}

/// One criterion: a radio group of its rungs plus "I don't know", help, the evidence's note
/// and source, and its level and validity folded. An answered criterion folds to one line
/// (its answer and the SEAL it grants) with a button to unfold and change it: those answered
/// before the step was opened start folded, a rung chosen with the pointer folds its card
/// (chosen with the keyboard it stays open, so the arrow keys can move on through the
/// rungs), and so does an answer arriving from elsewhere ("I don't know" for the rest of
/// the step, another tab).
#[function_component(Card)]
fn card(p: &CardProps) -> Html {
    let answered_at_mount = p.choice != Choice::Open;
    let unfolded = use_state(|| !answered_at_mount);
    let folded = p.choice != Choice::Open && !*unfolded;
    // The body (rungs, help, evidence) of a card folded when the step opened is built when
    // it unfolds: a step of answered criteria is a short page.
    let built = use_built_once(!folded);
    // Its evidence level and validity likewise, when first opened or once set: a step of
    // open criteria would otherwise hold a drop-down per criterion, and a drop-down in a new
    // step makes the browser lay the step out before it can go on (docs/PERFORMANCE.md).
    let evidence_set = p.answer.evidence_level.is_some() || p.answer.valid_until.is_some();
    let (evidence_built, evidence_toggle) = use_built_on_opening(evidence_set);
    let pointer = use_mut_ref(|| false);
    // Whether the last change of the answer came from this card's own choices; an answer
    // that arrives otherwise ("I don't know" for the step, another tab) folds the card.
    let own_change = use_mut_ref(|| false);
    {
        let choice = p.choice;
        let (unfolded, own_change) = (unfolded.clone(), own_change.clone());
        use_effect_with(choice, move |c| {
            let own = std::mem::take(&mut *own_change.borrow_mut());
            if *c != Choice::Open && !own && *unfolded {
                unfolded.set(false);
            }
        });
    }
    // Where the focus goes after this card folds (its button) or unfolds (its choice).
    let pending_focus = use_mut_ref(|| None::<String>);
    let change_ref = use_node_ref();
    {
        let pending_focus = pending_focus.clone();
        let change_ref = change_ref.clone();
        use_effect(move || {
            if let Some(target) = pending_focus.borrow_mut().take() {
                let el = if target.is_empty() {
                    change_ref.cast::<web_sys::HtmlElement>()
                } else {
                    web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.get_element_by_id(&target))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                };
                if let Some(el) = el {
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(c): Option<&'static Criterion> = content::criterion(p.criterion) else {
        return html! {};
    };
    let lang = p.lang;
    let t = texts(lang);
    let id = c.id;
    let choice = p.choice;
    let answer = &p.answer;
    let dom = id.replace('.', "_");
    let choose = |ch: Choice| {
        let s = p.dispatch.clone();
        let (pointer, unfolded, pending_focus, own_change) = (
            pointer.clone(),
            unfolded.clone(),
            pending_focus.clone(),
            own_change.clone(),
        );
        Callback::from(move |_| {
            *own_change.borrow_mut() = true;
            s.dispatch(Action::Edit(Edit::Choose(id.to_owned(), ch)));
            if std::mem::take(&mut *pointer.borrow_mut()) {
                *pending_focus.borrow_mut() = Some(String::new());
                unfolded.set(false);
            }
        })
    };
    let onmousedown = {
        let pointer = pointer.clone();
        Callback::from(move |_: MouseEvent| *pointer.borrow_mut() = true)
    };
    let onkeydown = {
        let pointer = pointer.clone();
        Callback::from(move |_: KeyboardEvent| *pointer.borrow_mut() = false)
    };
    let toggle = {
        let (unfolded, pending_focus) = (unfolded.clone(), pending_focus.clone());
        let checked = match choice {
            Choice::Rung(r) => format!("{dom}-{r}"),
            _ => format!("{dom}-unknown"),
        };
        let now = *unfolded;
        Callback::from(move |_: MouseEvent| {
            *pending_focus.borrow_mut() = Some(if now { String::new() } else { checked.clone() });
            unfolded.set(!now);
        })
    };
    let evidence = |f: fn(String) -> EvidenceEdit| {
        let s = p.dispatch.clone();
        Callback::from(move |v: String| {
            s.dispatch(Action::Edit(Edit::Evidence(id.to_owned(), f(v))))
        })
    };
    let level_opts: Vec<(String, String)> =
        std::iter::once((String::new(), t.common.not_set.to_owned()))
            .chain(
                EvidenceLevel::ALL
                    .iter()
                    .map(|l| (l.id().to_owned(), t.evidence_level(*l).to_owned())),
            )
            .collect();
    let summary = match choice {
        Choice::Rung(r) => c.rung(r).map(|rung| {
            format!(
                "{} · {}",
                rung.label.get(lang),
                sovcheck_text::fill(t.walk.grants, &[("seal", &rung.seal)])
            )
        }),
        Choice::Unknown => Some(t.walk.dont_know.to_owned()),
        Choice::Open => None,
    };
    let body_id = format!("{dom}-body");
    html! {
        <fieldset class={classes!("criterion", folded.then_some("folded"))} id={format!("c-{dom}")}
            data-testid={format!("criterion-{id}")} data-folded={folded.to_string()}>
            <legend><span class="cid">{ id }</span>{ " " }{ c.title.get(lang) }</legend>
            <p class="cnum muted">{ sovcheck_text::fill(t.walk.criterion_of, &[("n", &p.n), ("total", &p.total)]) }</p>
            if let Some(summary) = summary {
                <div class="fold-line">
                    if folded {
                        <p class="answer-line" data-testid={format!("answer-line-{id}")}>{ summary }</p>
                    }
                    <button type="button" class="link" ref={change_ref} data-testid={format!("fold-{id}")}
                        aria-expanded={(!folded).to_string()} aria-controls={body_id.clone()}
                        aria-label={sovcheck_text::fill(if folded { t.walk.change_of } else { t.walk.fold_of }, &[("id", &id)])}
                        onclick={toggle}>
                        { if folded { t.walk.change } else { t.walk.fold } }
                    </button>
                </div>
            }
            if !built {
                <div id={body_id} hidden=true></div>
            } else {
                <div id={body_id} hidden={folded}>
                    <p class="question">{ c.question.get(lang) }</p>
                    <div class="choices" {onmousedown} {onkeydown}>
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
                    // The note and its source are in view, typed without opening anything;
                    // the evidence's level and validity are folded until they are wanted.
                    <div class="evidence-fields" role="group" aria-label={t.evidence.title} data-testid={format!("evidence-fields-{id}")}>
                        <TextField id={format!("{dom}-note")} label={t.evidence.note} multiline=true value={answer.note.clone()} onchange={evidence(EvidenceEdit::Note)} />
                        <TextField id={format!("{dom}-source")} label={t.evidence.source} value={answer.source.clone()} onchange={evidence(EvidenceEdit::Source)} />
                    </div>
                    <details class="evidence" data-testid={format!("evidence-{id}")}
                        open={evidence_set} ontoggle={evidence_toggle}>
                        <summary>{ t.evidence.more }</summary>
                        if evidence_built {
                            <SelectField id={format!("{dom}-level")} label={t.evidence.level} options={level_opts}
                                value={answer.evidence_level.map(|l| l.id().to_owned()).unwrap_or_default()}
                                onchange={evidence(|v| EvidenceEdit::Level(EvidenceLevel::ALL.into_iter().find(|l| l.id() == v)))} />
                            <TextField id={format!("{dom}-valid")} kind="date" label={t.evidence.valid_until}
                                value={answer.valid_until.map(|d| d.to_string()).unwrap_or_default()}
                                onchange={evidence(|v| EvidenceEdit::ValidUntil(Date::parse(&v)))} />
                        }
                    </details>
                </div>
            }
        </fieldset>
    }
}
