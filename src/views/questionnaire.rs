//! Preparing a questionnaire from the open assessment (the CISO's side): who answers, in
//! which role, which due-diligence questions, steps or criteria, a message, a reply-by date,
//! and what of the current answers to share (nothing by default). The questionnaire is
//! prepared by the core ([`questionnaire::prepare`]), downloaded (optionally encrypted) and
//! recorded in the assessment, so that its response can be checked when it comes back.

use crate::platform::{download, today, transfer};
use crate::state::{Action, Screen, Store};
use crate::views::ScreenProps;
use sovcheck_core::content::{self, StepKind};
use sovcheck_core::format;
use sovcheck_core::model::{Date, Respondent, Role, Scope};
use sovcheck_core::questionnaire::{self, Questionnaire, Share};
use sovcheck_text::texts;
use yew::prelude::*;

/// What the form holds.
#[derive(Clone, Debug, Default, PartialEq)]
struct Form {
    name: String,
    role: Option<Role>,
    scope: Scope,
    message: String,
    reply_by: Option<Date>,
    share: Share,
    /// Encrypting: the passphrase and its repetition.
    encrypt: Option<(String, String)>,
    /// The last outcome: an error or the confirmation.
    note: Option<(bool, String)>,
    busy: bool,
}

fn toggle(list: &mut Vec<String>, id: &str, on: bool) {
    list.retain(|x| x != id);
    if on {
        list.push(id.to_owned());
    }
}

fn checked(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// The button on a workspace row that opens the questionnaire screen for that assessment.
#[derive(Properties, PartialEq)]
pub struct HandOutButtonProps {
    /// The assessment's id.
    pub id: AttrValue,
    /// The id of the row's heading, which names the assessment.
    pub describedby: AttrValue,
}

/// "Hand out questions" (`data-testid="row-questionnaire"`).
#[function_component(HandOutButton)]
pub fn hand_out_button(p: &HandOutButtonProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let onclick = {
        let (s, id) = (store.clone(), p.id.to_string());
        Callback::from(move |_| {
            s.dispatch(Action::Open(id.clone()));
            s.dispatch(Action::Show(Screen::Questionnaire));
        })
    };
    html! {
        <button type="button" aria-describedby={p.describedby.clone()} data-testid="row-questionnaire" {onclick}>
            { texts(store.lang).questionnaire.open }
        </button>
    }
}

/// The questionnaire screen.
#[function_component(QuestionnaireView)]
pub fn questionnaire_view(p: &ScreenProps) -> Html {
    let form = use_state(Form::default);
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let qt = &t.questionnaire;
    let a = store.assessment.clone();
    let f = (*form).clone();
    let update = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            change(&mut next, crate::components::fields::event_value(&e));
            next.note = None;
            form.set(next);
        })
    };
    let update_input = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            change(&mut next, crate::components::fields::event_value(&e));
            next.note = None;
            form.set(next);
        })
    };
    let scope_box = |kind: u8, id: &'static str| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            let list = match kind {
                0 => &mut next.scope.questions,
                1 => &mut next.scope.steps,
                _ => &mut next.scope.criteria,
            };
            toggle(list, id, checked(&e));
            next.note = None;
            form.set(next);
        })
    };
    let share_box = |notes: bool| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            if notes {
                next.share.notes = checked(&e);
            } else {
                next.share.answers = checked(&e);
            }
            form.set(next);
        })
    };
    let covered = f.scope.expanded().criteria.len();
    // Prepares the questionnaire, or says what is missing.
    let prepare = {
        let a = a.clone();
        move |f: &Form| -> Result<Questionnaire, &'static str> {
            if f.name.trim().is_empty() {
                return Err(qt.no_respondent);
            }
            if f.scope.expanded().is_empty() {
                return Err(qt.empty_scope);
            }
            let id = questionnaire::fresh_id(&a, &format!("q-{}", js_sys::Date::now() as u64));
            Ok(questionnaire::prepare(
                &a,
                &id,
                Respondent {
                    name: f.name.trim().to_owned(),
                    role: f.role,
                },
                &f.scope,
                &f.message,
                f.reply_by,
                today(),
                f.share,
            ))
        }
    };
    let onsubmit = {
        let (form, store, prepare) = (form.clone(), store.clone(), prepare.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*form).clone();
            let q = match prepare(&next) {
                Ok(q) => q,
                Err(why) => {
                    next.note = Some((false, why.to_owned()));
                    return form.set(next);
                }
            };
            let t = texts(store.lang);
            let name = transfer::questionnaire_file_name(&q);
            match next.encrypt.clone() {
                None => {
                    let _ = download::download(
                        &name,
                        "application/json",
                        &format::export_questionnaire(&q),
                    );
                    store.dispatch(Action::RecordQuestionnaire(Box::new(q)));
                    next.note = Some((true, t.questionnaire.done.to_owned()));
                    form.set(next);
                }
                Some((pass, repeat)) => {
                    if let Err(e) = sovcheck_core::envelope::check_passphrase(&pass, &repeat) {
                        next.note = Some((
                            false,
                            match e {
                                sovcheck_core::envelope::PassphraseError::TooShort => {
                                    t.import.passphrase_short
                                }
                                sovcheck_core::envelope::PassphraseError::Mismatch => {
                                    t.import.passphrase_mismatch
                                }
                            }
                            .to_owned(),
                        ));
                        return form.set(next);
                    }
                    next.busy = true;
                    form.set(next.clone());
                    let done = {
                        let (form, store, q) = (form.clone(), store.clone(), q.clone());
                        Callback::from(
                            move |r: Result<(), crate::platform::encrypted::CryptoError>| {
                                let t = texts(store.lang);
                                let mut next = (*form).clone();
                                next.busy = false;
                                next.encrypt = None;
                                next.note = Some(match r {
                                    Ok(()) => {
                                        store.dispatch(Action::RecordQuestionnaire(Box::new(
                                            q.clone(),
                                        )));
                                        (true, t.questionnaire.done.to_owned())
                                    }
                                    Err(e) => (false, e.message(t).to_owned()),
                                });
                                form.set(next);
                            },
                        )
                    };
                    transfer::download_encrypted(
                        name.replace(".json", "-encrypted.json"),
                        format::export_questionnaire(&q),
                        pass,
                        done,
                    );
                }
            }
        })
    };
    let ask_encrypt = {
        let form = form.clone();
        Callback::from(move |_| {
            let mut next = (*form).clone();
            next.encrypt = match next.encrypt {
                Some(_) => None,
                None => Some((String::new(), String::new())),
            };
            next.note = None;
            form.set(next);
        })
    };
    let pass_field = |which: u8| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            let v = crate::components::fields::event_value(&e);
            if let Some((pass, repeat)) = next.encrypt.as_mut() {
                if which == 0 {
                    *pass = v;
                } else {
                    *repeat = v;
                }
            }
            next.note = None;
            form.set(next);
        })
    };
    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let role_options = std::iter::once((String::new(), t.common.not_set.to_owned())).chain(
        Role::ALL
            .iter()
            .map(|r| (r.id().to_owned(), t.role(*r).to_owned())),
    );
    let steps = content::steps();
    let questions = steps.iter().filter(|s| s.kind == StepKind::DueDiligence);
    let further = steps.iter().filter(|s| s.kind == StepKind::Further);
    let name = a
        .display_name()
        .unwrap_or_else(|| t.workspace.untitled.to_owned());
    let maxlength = crate::components::fields::max_text_length();
    html! {
        <section class="questionnaire" data-testid="questionnaire">
            <h1 ref={p.heading.clone()} tabindex="-1">{ qt.title }</h1>
            <p class="lead">{ name }</p>
            <p>{ qt.intro }</p>
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for="qn-name">{ qt.respondent_name }</label>
                    <input id="qn-name" data-testid="qn-respondent" value={f.name.clone()} maxlength={maxlength.clone()}
                        oninput={update_input(|f, v| f.name = v)} autocomplete="off" />
                </div>
                <div class="field">
                    <label for="qn-role">{ qt.role }</label>
                    <select id="qn-role" data-testid="qn-role" onchange={update(|f, v| f.role = Role::ALL.into_iter().find(|r| r.id() == v))}>
                        { for role_options.map(|(v, l)| html! {
                            <option value={v.clone()} selected={f.role.map(Role::id).unwrap_or_default() == v}>{ l }</option>
                        }) }
                    </select>
                </div>
                <fieldset class="scope" data-testid="qn-scope" aria-describedby="qn-covers">
                    <legend>{ qt.scope_legend }</legend>
                    <fieldset>
                        <legend>{ qt.questions_legend }</legend>
                        { for questions.map(|s| {
                            let id = format!("qn-q-{}", s.id);
                            html! {
                                <div class="check">
                                    <input type="checkbox" id={id.clone()} data-testid={id.clone()}
                                        checked={f.scope.questions.iter().any(|x| x == s.id)} onchange={scope_box(0, s.id)} />
                                    <label for={id}>{ format!("{} · {}", s.id.to_ascii_uppercase(), s.title.get(lang)) }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <fieldset>
                        <legend>{ qt.steps_legend }</legend>
                        { for further.map(|s| {
                            let id = format!("qn-step-{}", s.id);
                            html! {
                                <div class="check">
                                    <input type="checkbox" id={id.clone()} data-testid={id.clone()}
                                        checked={f.scope.steps.iter().any(|x| x == s.id)} onchange={scope_box(1, s.id)} />
                                    <label for={id}>{ s.title.get(lang) }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <details>
                        <summary>{ qt.criteria_legend }</summary>
                        { for content::criteria().map(|c| {
                            let id = format!("qn-c-{}", c.id.replace('.', "_"));
                            let listed = f.scope.criteria.iter().any(|x| x == c.id);
                            // Covered by a question or a step chosen above.
                            let grouped = !listed && f.scope.covers_criterion(c.id);
                            html! {
                                <div class="check">
                                    <input type="checkbox" id={id.clone()} data-testid={format!("qn-c-{}", c.id)}
                                        checked={listed || grouped} disabled={grouped} onchange={scope_box(2, c.id)} />
                                    <label for={id}>{ format!("{} {}", c.id, c.title.get(lang)) }</label>
                                </div>
                            }
                        }) }
                    </details>
                    <p id="qn-covers" role="status" data-testid="qn-covers">{ t.count(covered, &qt.covers) }</p>
                </fieldset>
                <div class="field">
                    <label for="qn-message">{ qt.message }</label>
                    <textarea id="qn-message" data-testid="qn-message" rows="3" value={f.message.clone()} maxlength={maxlength.clone()}
                        oninput={update_input(|f, v| f.message = v)} />
                </div>
                <div class="field">
                    <label for="qn-reply-by">{ qt.reply_by }</label>
                    <input id="qn-reply-by" type="date" data-testid="qn-reply-by"
                        value={f.reply_by.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={update(|f, v| f.reply_by = Date::parse(&v))} />
                </div>
                <fieldset class="share">
                    <legend>{ qt.share_legend }</legend>
                    <p id="qn-share-help">{ qt.share_none }</p>
                    <div class="check">
                        <input type="checkbox" id="qn-share-answers" data-testid="qn-share-answers" aria-describedby="qn-share-help"
                            checked={f.share.answers} onchange={share_box(false)} />
                        <label for="qn-share-answers">{ qt.share_answers }</label>
                    </div>
                    <div class="check">
                        <input type="checkbox" id="qn-share-notes" data-testid="qn-share-notes" aria-describedby="qn-share-help"
                            checked={f.share.notes} onchange={share_box(true)} />
                        <label for="qn-share-notes">{ qt.share_notes }</label>
                    </div>
                </fieldset>
                if let Some((pass, repeat)) = f.encrypt.clone() {
                    <div class="encrypt" data-testid="qn-encrypt-form">
                        <p id="qn-encrypt-help">{ t.import.encrypt_help }</p>
                        <div class="field">
                            <label for="qn-pass">{ t.import.passphrase }</label>
                            <input id="qn-pass" type="password" autocomplete="new-password" value={pass}
                                oninput={pass_field(0)} data-testid="qn-passphrase" aria-describedby="qn-encrypt-help" />
                        </div>
                        <div class="field">
                            <label for="qn-pass-repeat">{ t.import.passphrase_repeat }</label>
                            <input id="qn-pass-repeat" type="password" autocomplete="new-password" value={repeat}
                                oninput={pass_field(1)} data-testid="qn-passphrase-repeat" />
                        </div>
                    </div>
                }
                <p role="status" data-testid="qn-note" class={classes!(f.note.as_ref().is_some_and(|(ok, _)| !ok).then_some("error"))}>
                    { f.note.clone().map(|(_, n)| n).unwrap_or_default() }
                </p>
                <div class="actions">
                    if f.encrypt.is_some() {
                        <button type="submit" class="primary" disabled={f.busy} data-testid="qn-encrypt-download">{ t.import.encrypt_download }</button>
                        <button type="button" onclick={ask_encrypt}>{ t.common.cancel }</button>
                    } else {
                        <button type="submit" class="primary" data-testid="qn-download">{ qt.download }</button>
                        <button type="button" data-testid="qn-encrypt" onclick={ask_encrypt}>{ qt.download_encrypted }</button>
                    }
                </div>
            </form>
            <section class="block" aria-labelledby="qn-sent-title">
                <h2 id="qn-sent-title">{ qt.sent_title }</h2>
                if a.questionnaires.is_empty() {
                    <p>{ qt.sent_none }</p>
                } else {
                    <table data-testid="qn-sent">
                        <thead><tr>
                            <th scope="col">{ qt.col_id }</th><th scope="col">{ qt.col_respondent }</th>
                            <th scope="col">{ qt.col_covers }</th><th scope="col">{ qt.col_sent }</th>
                            <th scope="col">{ qt.col_reply_by }</th>
                        </tr></thead>
                        <tbody>
                        { for a.questionnaires.iter().map(|q| html! {
                            <tr data-testid="qn-sent-row" data-id={q.id.clone()}>
                                <th scope="row"><code>{ q.id.clone() }</code></th>
                                <td>{ t.respondent(&q.respondent) }</td>
                                <td>{ t.count(q.scope.covered_criteria().len(), &qt.covers) }</td>
                                <td>{ t.opt_date(q.sent) }</td>
                                <td>{ t.opt_date(q.reply_by) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                }
                <p>{ qt.land }</p>
            </section>
            <div class="actions">
                <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_box_adds_and_removes_its_id_once() {
        let mut list = vec!["q1".to_owned()];
        toggle(&mut list, "q2", true);
        toggle(&mut list, "q2", true);
        toggle(&mut list, "q1", false);
        assert_eq!(list, ["q2"]);
    }
}
