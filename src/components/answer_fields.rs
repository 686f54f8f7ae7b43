//! The fields of an answer given in words: the answer (or a note), where it comes from, how
//! strong the evidence is and, for the provider's answer to a due-diligence question, when it
//! was received. Shared by the walk's question steps (the CISO records what the provider
//! said) and the respondent's screen (the provider writes it): one editor, two owners.

use crate::components::fields::{event_value, max_text_length, use_built_on_opening};
use sovcheck_core::model::{Answer, Date, EvidenceLevel};
use sovcheck_core::Lang;
use sovcheck_text::texts;
use yew::prelude::*;

/// Props of [`AnswerFields`].
#[derive(Properties, PartialEq)]
pub struct AnswerFieldsProps {
    /// Prefix of the element ids and test ids (`rs` on the respondent's screen, `dd` in the walk).
    pub prefix: AttrValue,
    /// The subject: a question id (`q3`) or a criterion id (`SOV-3.1`).
    pub subject: AttrValue,
    pub answer: Answer,
    /// The label of the answer text.
    pub note_label: AttrValue,
    pub lang: Lang,
    pub on_note: Callback<String>,
    pub on_source: Callback<String>,
    pub on_level: Callback<Option<EvidenceLevel>>,
    /// When set, a "received on" date field too.
    #[prop_or_default]
    pub on_received: Option<Callback<Option<Date>>>,
    /// When set, the evidence level and the date received are folded under this summary
    /// (open when either is set), as a criterion's level and validity are in the walk.
    #[prop_or_default]
    pub fold: Option<AttrValue>,
}

/// Answer text, source reference, evidence level and (optionally) the date received; every
/// field reports each keystroke. Ids are `{prefix}-{subject with _ for .}-{field}`, test ids
/// `{prefix}-{subject}-{field}`.
#[function_component(AnswerFields)]
pub fn answer_fields(p: &AnswerFieldsProps) -> Html {
    let t = texts(p.lang);
    let dom = format!("{}-{}", p.prefix, p.subject.replace('.', "_"));
    let tid = |f: &str| format!("{}-{}-{f}", p.prefix, p.subject);
    let text_in = |cb: &Callback<String>| {
        let cb = cb.clone();
        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
    };
    let level = {
        let cb = p.on_level.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            cb.emit(EvidenceLevel::ALL.into_iter().find(|l| l.id() == v));
        })
    };
    let maxlength = max_text_length();
    let current = p
        .answer
        .evidence_level
        .map(EvidenceLevel::id)
        .unwrap_or_default();
    let set = p.answer.evidence_level.is_some() || p.answer.received.is_some();
    // Folded, they are built when first opened: a drop-down in a new step makes the browser
    // lay the step out before it can go on (docs/PERFORMANCE.md, step navigation).
    let (built, ontoggle) = use_built_on_opening(p.fold.is_none() || set);
    let more = built.then(|| html! {
        <>
            <div class="field">
                <label for={format!("{dom}-level")}>{ t.evidence.level }</label>
                <select id={format!("{dom}-level")} data-testid={tid("level")} onchange={level}>
                    <option value="" selected={current.is_empty()}>{ t.common.not_set }</option>
                    { for EvidenceLevel::ALL.iter().map(|l| html! {
                        <option value={l.id()} selected={current == l.id()}>{ t.evidence_level(*l) }</option>
                    }) }
                </select>
            </div>
            if let Some(cb) = p.on_received.clone() {
                <div class="field">
                    <label for={format!("{dom}-received")}>{ t.walk.received }</label>
                    <input id={format!("{dom}-received")} data-testid={tid("received")} type="date"
                        value={p.answer.received.map(|d| d.to_string()).unwrap_or_default()}
                        oninput={Callback::from(move |e: InputEvent| cb.emit(Date::parse(&event_value(&e))))} />
                </div>
            }
        </>
    });
    html! {
        <>
            <div class="field">
                <label for={format!("{dom}-note")}>{ p.note_label.clone() }</label>
                <textarea id={format!("{dom}-note")} data-testid={tid("note")} rows="3"
                    value={p.answer.note.clone()} maxlength={maxlength.clone()} oninput={text_in(&p.on_note)} />
            </div>
            <div class="field">
                <label for={format!("{dom}-source")}>{ t.evidence.source }</label>
                <input id={format!("{dom}-source")} data-testid={tid("source")}
                    value={p.answer.source.clone()} maxlength={maxlength} oninput={text_in(&p.on_source)} />
            </div>
            if let Some(summary) = p.fold.clone() {
                <details class="evidence" data-testid={tid("more")} open={set} {ontoggle}>
                    <summary>{ summary }</summary>
                    { more.unwrap_or_default() }
                </details>
            } else {
                { more.unwrap_or_default() }
            }
        </>
    }
}
