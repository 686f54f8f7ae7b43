//! Answering a questionnaire (the respondent's side). The respondent opens the
//! questionnaire file (picker or drop, hosted or the single file, offline) and sees only its
//! scope: the due-diligence questions asked (the provider's answer in words) and the
//! criteria covered (a rung or "I don't know", with a note and the evidence), plus the
//! current answers or notes only when the CISO chose to share them. The response in progress
//! is kept in this browser under its own key (`platform::answering`) until exported,
//! optionally encrypted, to be sent back.

use crate::components::answer_fields::AnswerFields;
use crate::platform::{answering, download, today, transfer};
use crate::state::{Action, Answering, Store};
use crate::views::ScreenProps;
use sovcheck_core::content;
use sovcheck_core::format;
use sovcheck_core::model::{Answer, Choice, EvidenceLevel, Role};
use sovcheck_core::questionnaire::ResponseEdit;
use sovcheck_core::Lang;
use sovcheck_text::{fill, texts, Catalog};
use yew::prelude::*;

/// The evidence fields of one subject: note (or the provider's answer), source, level (the
/// shared [`AnswerFields`] editor, bound to the response in progress).
fn evidence_fields(
    subject: &str,
    answer: &Answer,
    note_label: &'static str,
    store: &Store,
    lang: Lang,
) -> Html {
    let edit = |f: fn(String, String) -> ResponseEdit| {
        let (s, id) = (store.clone(), subject.to_owned());
        Callback::from(move |v: String| s.dispatch(Action::EditResponse(f(id.clone(), v))))
    };
    let on_level = {
        let (s, id) = (store.clone(), subject.to_owned());
        Callback::from(move |l: Option<EvidenceLevel>| {
            s.dispatch(Action::EditResponse(ResponseEdit::Level(id.clone(), l)))
        })
    };
    html! {
        <AnswerFields prefix="rs" subject={subject.to_owned()} answer={answer.clone()} {note_label} {lang}
            on_note={edit(ResponseEdit::Note)} on_source={edit(ResponseEdit::Source)} {on_level} />
    }
}

/// What the CISO shared of the current answer, when anything.
fn shared(subject: &str, a: Option<&Answer>, t: &Catalog) -> Html {
    let Some(a) = a.filter(|a| !a.is_empty()) else {
        return html! {};
    };
    let r = &t.respond;
    let colon = t.typo.colon;
    let answered = content::criterion(subject).is_none() || a.choice() != Choice::Open;
    html! {
        <div class="shared" data-testid={format!("rs-shared-{subject}")}>
            if answered {
                <p>{ format!("{}{colon} {}", r.current_answer, t.given_answer(subject, a)) }</p>
            }
            if content::criterion(subject).is_some() && !a.note.is_empty() {
                <p>{ format!("{}{colon} {}", r.current_note, a.note) }</p>
            }
            if !a.source.is_empty() {
                <p class="src">{ format!("{}{colon} {}", t.evidence.source, a.source) }</p>
            }
        </div>
    }
}

/// The respondent screen.
#[function_component(RespondView)]
pub fn respond_view(p: &ScreenProps) -> Html {
    let exported = use_state(|| None::<(bool, String)>);
    let encrypt = use_state(|| None::<(String, String, bool)>);
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let Some(Answering {
        questionnaire: q,
        response,
    }) = store.answering.clone()
    else {
        return html! {};
    };
    let lang: Lang = store.lang;
    let t = texts(lang);
    let r = &t.respond;
    let colon = t.typo.colon;
    let ctx = &q.context;
    let about = [
        ctx.title.as_str(),
        ctx.provider.as_str(),
        ctx.offer.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let criteria = q.scope.covered_criteria();
    let total = criteria.len() + q.scope.questions.len();
    let done = criteria
        .iter()
        .filter(|c| {
            response
                .answers
                .get(**c)
                .is_some_and(|a| a.choice() != Choice::Open)
        })
        .count()
        + q.scope
            .questions
            .iter()
            .filter(|id| {
                response
                    .due_diligence
                    .get(id.as_str())
                    .is_some_and(|a| !a.note.trim().is_empty())
            })
            .count();
    let name_in = {
        let s = store.clone();
        Callback::from(move |e: InputEvent| {
            s.dispatch(Action::EditResponse(ResponseEdit::Name(
                crate::components::fields::event_value(&e),
            )))
        })
    };
    let role_in = {
        let s = store.clone();
        Callback::from(move |e: Event| {
            let v = crate::components::fields::event_value(&e);
            s.dispatch(Action::EditResponse(ResponseEdit::Role(
                Role::ALL.into_iter().find(|r| r.id() == v),
            )))
        })
    };
    // The response to send: answered today unless a date was set.
    let outgoing = {
        let mut out = response.clone().pruned();
        if out.answered.is_none() {
            out.answered = today();
        }
        out
    };
    let from = if q.from.trim().is_empty() {
        t.typo.dash.to_owned()
    } else {
        q.from.clone()
    };
    let export = {
        let (s, exported, out, from) = (
            store.clone(),
            exported.clone(),
            outgoing.clone(),
            from.clone(),
        );
        Callback::from(move |_| {
            let _ = download::download(
                &transfer::response_file_name(&out),
                "application/json",
                &format::export_response(&out),
            );
            s.dispatch(Action::EditResponse(ResponseEdit::Answered(out.answered)));
            let t = texts(s.lang);
            exported.set(Some((true, fill(t.respond.exported, &[("from", &from)]))));
        })
    };
    let toggle_encrypt = {
        let encrypt = encrypt.clone();
        Callback::from(move |_| {
            encrypt.set(match *encrypt {
                Some(_) => None,
                None => Some((String::new(), String::new(), false)),
            })
        })
    };
    let pass_field = |which: u8| {
        let encrypt = encrypt.clone();
        Callback::from(move |e: InputEvent| {
            if let Some((pass, repeat, busy)) = (*encrypt).clone() {
                let v = crate::components::fields::event_value(&e);
                encrypt.set(Some(if which == 0 {
                    (v, repeat, busy)
                } else {
                    (pass, v, busy)
                }));
            }
        })
    };
    let encrypt_submit = {
        let (s, exported, encrypt, out, from) = (
            store.clone(),
            exported.clone(),
            encrypt.clone(),
            outgoing.clone(),
            from.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((pass, repeat, _)) = (*encrypt).clone() else {
                return;
            };
            let t = texts(s.lang);
            if let Err(e) = sovcheck_core::envelope::check_passphrase(&pass, &repeat) {
                let why = match e {
                    sovcheck_core::envelope::PassphraseError::TooShort => t.import.passphrase_short,
                    sovcheck_core::envelope::PassphraseError::Mismatch => {
                        t.import.passphrase_mismatch
                    }
                };
                exported.set(Some((false, why.to_owned())));
                return;
            }
            encrypt.set(Some((pass.clone(), repeat, true)));
            let done = {
                let (s, exported, encrypt, answered, from) = (
                    s.clone(),
                    exported.clone(),
                    encrypt.clone(),
                    out.answered,
                    from.clone(),
                );
                Callback::from(
                    move |r: Result<(), crate::platform::encrypted::CryptoError>| {
                        let t = texts(s.lang);
                        encrypt.set(None);
                        exported.set(Some(match r {
                            Ok(()) => {
                                s.dispatch(Action::EditResponse(ResponseEdit::Answered(answered)));
                                (true, fill(t.respond.exported, &[("from", &from)]))
                            }
                            Err(e) => (false, e.message(t).to_owned()),
                        }));
                    },
                )
            };
            transfer::download_encrypted(
                transfer::response_file_name(&out).replace(".json", "-encrypted.json"),
                format::export_response(&out),
                pass,
                done,
            );
        })
    };
    let close = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::CloseResponse))
    };
    let current_role = response.respondent.role.map(Role::id).unwrap_or_default();
    let maxlength = crate::components::fields::max_text_length();
    html! {
        <section class="respond" data-testid="respond" data-questionnaire={q.id.clone()}>
            <h1 ref={p.heading.clone()} tabindex="-1">{ r.title }</h1>
            <p class="lead">{ r.intro }</p>
            <dl class="facts">
                if !about.is_empty() {
                    <dt>{ r.about }</dt><dd data-testid="rs-about">{ about }</dd>
                }
                <dt>{ r.from }</dt><dd data-testid="rs-from">{ from.clone() }</dd>
                if let Some(d) = q.reply_by {
                    <dt>{ r.reply_by }</dt><dd>{ t.date(d) }</dd>
                }
                if !q.message.trim().is_empty() {
                    <dt>{ r.message }</dt><dd class="prose" data-testid="rs-message">{ q.message.clone() }</dd>
                }
            </dl>
            <p class="muted">{ r.kept_locally }</p>
            <div class="field">
                <label for="rs-name">{ r.your_name }</label>
                <input id="rs-name" data-testid="rs-name" value={response.respondent.name.clone()}
                    maxlength={maxlength} oninput={name_in} autocomplete="name" />
            </div>
            <div class="field">
                <label for="rs-role">{ r.your_role }</label>
                <select id="rs-role" data-testid="rs-role" onchange={role_in}>
                    <option value="" selected={current_role.is_empty()}>{ t.common.not_set }</option>
                    { for Role::ALL.iter().map(|role| html! {
                        <option value={role.id()} selected={current_role == role.id()}>{ t.role(*role) }</option>
                    }) }
                </select>
            </div>
            { for q.scope.questions.iter().filter_map(|id| content::question(id)).map(|step| {
                let answer = response.due_diligence.get(step.id).cloned().unwrap_or_default();
                html! {
                    <fieldset class="criterion" data-testid={format!("rs-question-{}", step.id)}>
                        <legend><span class="cid">{ step.id.to_ascii_uppercase() }</span>{ " " }{ step.title.get(lang) }</legend>
                        <p class="question">{ step.question.get(lang) }</p>
                        <p class="help">{ r.provider_answer_help }</p>
                        { shared(step.id, q.due_diligence.get(step.id), t) }
                        { evidence_fields(step.id, &answer, r.provider_answer, &store, lang) }
                    </fieldset>
                }
            }) }
            { for criteria.iter().filter_map(|id| content::criterion(id)).map(|c| {
                let id = c.id;
                let dom = id.replace('.', "_");
                let answer = response.answers.get(id).cloned().unwrap_or_default();
                let choice = answer.choice();
                let choose = |ch: Choice| {
                    let s = store.clone();
                    Callback::from(move |_| s.dispatch(Action::EditResponse(ResponseEdit::Choose(id.to_owned(), ch))))
                };
                html! {
                    <fieldset class="criterion" data-testid={format!("rs-criterion-{id}")}>
                        <legend><span class="cid">{ id }</span>{ " " }{ c.title.get(lang) }</legend>
                        <p class="question">{ c.question.get(lang) }</p>
                        { shared(id, q.answers.get(id), t) }
                        <div class="choices" role="radiogroup" aria-label={format!("{id} {}", c.title.get(lang))}>
                            { for c.rungs.iter().enumerate().map(|(i, rung)| {
                                let idx = u8::try_from(i).unwrap_or(u8::MAX);
                                let input = format!("rs-{dom}-{i}");
                                html! {
                                    <div class="choice">
                                        <input type="radio" id={input.clone()} name={format!("rs-{dom}")}
                                            data-testid={format!("rs-choice-{id}-{i}")}
                                            checked={choice == Choice::Rung(idx)} onchange={choose(Choice::Rung(idx))} />
                                        <label for={input}>{ rung.label.get(lang) }</label>
                                    </div>
                                }
                            }) }
                            <div class="choice unknown">
                                <input type="radio" id={format!("rs-{dom}-unknown")} name={format!("rs-{dom}")}
                                    data-testid={format!("rs-choice-{id}-unknown")}
                                    checked={choice == Choice::Unknown} onchange={choose(Choice::Unknown)} />
                                <label for={format!("rs-{dom}-unknown")}>{ t.walk.dont_know }</label>
                            </div>
                        </div>
                        <p class="help">{ c.help.get(lang) }</p>
                        { evidence_fields(id, &answer, t.evidence.note, &store, lang) }
                    </fieldset>
                }
            }) }
            <p role="status" data-testid="rs-progress">
                { fill(r.progress, &[("n", &done), ("total", &total)]) }
            </p>
            if let Some((pass, repeat, busy)) = (*encrypt).clone() {
                <form class="encrypt" onsubmit={encrypt_submit} data-testid="rs-encrypt-form">
                    <p id="rs-encrypt-help">{ t.import.encrypt_help }</p>
                    <div class="field">
                        <label for="rs-pass">{ t.import.passphrase }</label>
                        <input id="rs-pass" type="password" autocomplete="new-password" value={pass}
                            oninput={pass_field(0)} data-testid="rs-passphrase" aria-describedby="rs-encrypt-help" />
                    </div>
                    <div class="field">
                        <label for="rs-pass-repeat">{ t.import.passphrase_repeat }</label>
                        <input id="rs-pass-repeat" type="password" autocomplete="new-password" value={repeat}
                            oninput={pass_field(1)} data-testid="rs-passphrase-repeat" />
                    </div>
                    <div class="actions">
                        <button type="submit" class="primary" disabled={busy} data-testid="rs-encrypt-download">{ t.import.encrypt_download }</button>
                        <button type="button" onclick={toggle_encrypt.clone()}>{ t.common.cancel }</button>
                    </div>
                </form>
            } else {
                <div class="actions">
                    <button type="button" class="primary" data-testid="rs-export" onclick={export}>{ r.export }</button>
                    <button type="button" data-testid="rs-encrypt" onclick={toggle_encrypt}>{ r.export_encrypted }</button>
                    <button type="button" data-testid="rs-close" onclick={close}>{ r.done }</button>
                </div>
            }
            <p role="status" data-testid="rs-exported"
                class={classes!(exported.as_ref().is_some_and(|(ok, _)| !ok).then_some("error"))}>
                { exported.as_ref().map(|(_, m)| m.clone()).unwrap_or_default() }
            </p>
            <p class="muted">{ format!("{}{colon} {}", t.questionnaire.col_id, q.id) }</p>
        </section>
    }
}

/// The questionnaires this browser is answering, on the start screen: continue one, or
/// forget it (its response in progress with it). Nothing shows when there is none.
#[function_component(RespondList)]
pub fn respond_list() -> Html {
    let refresh = use_state(|| 0u32);
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let list = answering::list();
    if list.is_empty() {
        return html! {};
    }
    let t = texts(store.lang);
    html! {
        <section class="panel respond-list" aria-labelledby="rs-list-title" data-testid="respond-list">
            <h2 id="rs-list-title">{ t.respond.resume_title }</h2>
            <ul>
            { for list.into_iter().map(|(q, r)| {
                let ctx = &q.context;
                let name = [ctx.title.as_str(), ctx.provider.as_str(), ctx.offer.as_str()]
                    .into_iter()
                    .find(|s| !s.trim().is_empty())
                    .unwrap_or(q.id.as_str())
                    .to_owned();
                let head = format!("rs-item-{}", crate::platform::transfer::slug(&q.id));
                let id = q.id.clone();
                let resume = {
                    let (s, q, r) = (store.clone(), q.clone(), r.clone());
                    Callback::from(move |_| s.dispatch(Action::OpenQuestionnaire {
                        questionnaire: Box::new(q.clone()),
                        response: r.clone().map(Box::new),
                    }))
                };
                let forget = {
                    let (refresh, id) = (refresh.clone(), id.clone());
                    Callback::from(move |_| {
                        answering::forget(&id);
                        refresh.set(*refresh + 1);
                    })
                };
                html! {
                    <li data-testid="respond-item" data-id={id}>
                        <span id={head.clone()}>{ format!("{name} — {}", t.respondent(&q.respondent)) }</span>
                        { " " }
                        <button type="button" class="primary" aria-describedby={head.clone()} data-testid="rs-resume" onclick={resume}>{ t.respond.resume }</button>
                        <button type="button" aria-describedby={head} data-testid="rs-forget" onclick={forget}>{ t.respond.forget }</button>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
