//! The start screen: what sovcheck does, the privacy promise, and the workspace: every
//! assessment of this browser (open, duplicate, rename, export, delete), import by picker or
//! drag and drop, export of everything, and the wipe of all local data.

use crate::components::dropzone::{use_drop_zone, use_file_picker, DropZone};
use crate::components::fields::max_text_length;
use crate::components::notices::usage_text;
use crate::components::user_text::{display_name, isolate, user};
use crate::platform::{new_id, storage, today, transfer};
use crate::saving::StorageEvent;
use crate::state::Store;
use crate::state::{ordered, Action, ImportError, ImportStatus, Resolution, Screen};
use crate::views::ScreenProps;
use sovcheck_core::{evaluate, Assessment, Lang};
use sovcheck_text::{fill, texts, Catalog};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// A stored RFC 3339 stamp in the reader's local time and language.
fn fmt_modified(stamp: &str, lang: Lang) -> String {
    let d = js_sys::Date::new(&JsValue::from_str(stamp));
    if stamp.is_empty() || d.get_time().is_nan() {
        return "—".to_owned();
    }
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    d.to_locale_string(lang.tag(), &opts).into()
}

/// Moves focus to `node` once it is rendered.
#[hook]
fn use_focus_when(node: NodeRef, when: bool) {
    use_effect_with(when, move |w| {
        if *w {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Files chosen or dropped on the start screen go to the import.
#[hook]
fn use_importer() -> Callback<Vec<web_sys::File>> {
    let store = use_context::<Store>();
    Callback::from(move |files| {
        if let Some(s) = &store {
            transfer::import_files(files, s.clone());
        }
    })
}

/// The start screen.
#[function_component(StartView)]
pub fn start_view(p: &ScreenProps) -> Html {
    let importer = use_importer();
    let picker = use_file_picker(importer);
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let new = {
        let s = store.clone();
        Callback::from(move |_| {
            s.dispatch(Action::NewAssessment {
                id: new_id(),
                today: today(),
            })
        })
    };
    let show = |screen: Screen| {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Show(screen)))
    };
    let resume = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Resume))
    };
    html! {
        <section class="start">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.start.title }</h1>
            <p class="lead">{ t.start.what }</p>
            <div class="privacy">
                <h2>{ t.start.privacy_title }</h2>
                <p>{ t.start.privacy }</p>
                <p>{ t.start.wipe_hint }</p>
            </div>
            <div class="actions">
                <button type="button" class="primary" data-testid="new-assessment" onclick={new}>{ t.start.new_assessment }</button>
                if store.started {
                    <button type="button" data-testid="resume" onclick={resume}>
                        { t.start.resume }
                        if let Some(name) = display_name(&store.assessment) { { " — " }{ user(name) } }
                    </button>
                }
                <button type="button" data-testid="import" onclick={picker.pick}>{ t.workspace.import }</button>
                <button type="button" data-testid="open-verify" onclick={show(Screen::Verify)}>{ t.start.open_verify }</button>
                <input type="file" hidden=true multiple=true accept=".json,application/json" ref={picker.input}
                    data-testid="import-file" onchange={picker.onchange} />
            </div>
            <ImportPanel />
            <crate::views::respond::RespondList />
            <Workspace />
            <KeptList />
        </section>
    }
}

/// The outcome of the last import, and the question when ids conflict.
#[function_component(ImportPanel)]
fn import_panel() -> Html {
    let store = use_context::<Store>();
    let replace_ref = use_node_ref();
    let pass_ref = use_node_ref();
    let pass = use_state(String::new);
    let busy = use_state(|| false);
    let pending = store.as_ref().is_some_and(|s| s.pending_import.is_some());
    use_focus_when(replace_ref.clone(), pending);
    let asking = store.as_ref().is_some_and(|s| s.pending_decrypt.is_some());
    use_focus_when(pass_ref.clone(), asking);
    // A new answer from the reducer (failure or success) ends the wait.
    {
        let busy = busy.clone();
        let status = store.as_ref().map(|s| s.import_status.clone());
        use_effect_with(status, move |_| busy.set(false));
    }
    let Some(store) = store else {
        return html! {};
    };
    let t = texts(store.lang);
    let resolve = |r: Resolution| {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::ResolveImport(r)))
    };
    if let Some(list) = &store.pending_import {
        let clashing: Vec<String> = list
            .iter()
            .filter_map(|a| store.workspace.iter().find(|b| b.id == a.id))
            .map(|b| display_name(b).unwrap_or_else(|| t.workspace.untitled.to_owned()))
            .collect();
        return html! {
            <div class="panel conflict" role="group" aria-labelledby="conflict-q" data-testid="import-conflict">
                <p id="conflict-q">{ t.import.conflict_question }</p>
                <ul>{ for clashing.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                <p>{ t.import.conflict_help }</p>
                <div class="actions">
                    <button type="button" ref={replace_ref} data-testid="import-replace" onclick={resolve(Resolution::Replace)}>{ t.import.replace }</button>
                    <button type="button" data-testid="import-keep-both" onclick={resolve(Resolution::KeepBoth)}>{ t.import.keep_both }</button>
                    <button type="button" data-testid="import-cancel" onclick={resolve(Resolution::Cancel)}>{ t.common.cancel }</button>
                </div>
            </div>
        };
    }
    let dismiss = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::DismissImportStatus))
    };
    let status = status_html(&store, dismiss);
    if let Some((file, env)) = store.pending_decrypt.clone() {
        let onsubmit = {
            let (s, pass, busy) = (store.clone(), pass.clone(), busy.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                busy.set(true);
                transfer::decrypt_and_import(file.clone(), env.clone(), (*pass).clone(), s.clone());
            })
        };
        let oninput = {
            let (pass, busy) = (pass.clone(), busy.clone());
            Callback::from(move |e: InputEvent| {
                busy.set(false);
                pass.set(crate::components::fields::event_value(&e));
            })
        };
        let cancel = {
            let s = store.clone();
            Callback::from(move |_| s.dispatch(Action::AskPassphrase(None)))
        };
        let name = store
            .pending_decrypt
            .as_ref()
            .map(|p| p.0.clone())
            .unwrap_or_default();
        return html! {
            <>
            { status }
            <form class="panel conflict" data-testid="import-decrypt-form" {onsubmit}>
                <p id="decrypt-q">{ fill(t.import.encrypted_prompt, &[("name", &isolate(&name))]) }</p>
                <div class="field">
                    <label for="import-passphrase">{ t.import.passphrase }</label>
                    <input id="import-passphrase" type="password" autocomplete="off" ref={pass_ref}
                        data-testid="import-passphrase" value={(*pass).clone()} {oninput} aria-describedby="decrypt-q" />
                </div>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="import-decrypt" disabled={*busy}>{ t.import.decrypt }</button>
                    <button type="button" onclick={cancel}>{ t.common.cancel }</button>
                    <span role="status">if *busy { { t.common.working } }</span>
                </div>
            </form>
            </>
        };
    }
    status
}

fn status_html(store: &Store, dismiss: Callback<MouseEvent>) -> Html {
    let t = texts(store.lang);
    let (role, testid, text) = match &store.import_status {
        None => return html! { <div role="status" class="sr-status"></div> },
        Some(ImportStatus::Imported(n)) => (
            "status",
            "import-done",
            html! { { t.count(*n, &t.import.imported) } },
        ),
        Some(ImportStatus::Cancelled) => {
            ("status", "import-done", html! { { t.import.cancelled } })
        }
        Some(ImportStatus::Failed { file, error }) => {
            let why = match error {
                ImportError::Read => t.import.read_error.to_owned(),
                ImportError::Crypto(e) => e.message(t).to_owned(),
                ImportError::EncryptedInBatch => t.import.encrypted_in_batch.to_owned(),
                ImportError::Format(e) => t.format_error(e),
                ImportError::Exchange(e) => e.message(t),
                ImportError::TooBigToStore { needed, free } => {
                    let share = |units: &usize| {
                        t.percent(
                            (100.0 * *units as f64 / storage::QUOTA_UNITS as f64).ceil() as u64
                        )
                    };
                    sovcheck_text::words::sentence(&fill(
                        t.saving.import_too_big,
                        &[
                            ("needed", &share(needed)),
                            (
                                "free",
                                &t.percent(
                                    (100.0 * *free as f64 / storage::QUOTA_UNITS as f64).floor()
                                        as u64,
                                ),
                            ),
                            (
                                "total",
                                &t.decimal(storage::QUOTA_UNITS as f64 / 1_000_000.0, 1),
                            ),
                        ],
                    ))
                }
            };
            // The file's name and what the engine quotes from the file are the file's text:
            // isolated, so that they cannot turn the words around them.
            (
                "alert",
                "import-error",
                html! { <>{ user(file.clone()) }{ format!(" — {} ", t.import.failed) }{ user(why) }</> },
            )
        }
    };
    html! {
        <div class="panel import-status" role={role} data-testid={testid}>
            <p>{ text }</p>
            <button type="button" onclick={dismiss}>{ t.common.dismiss }</button>
        </div>
    }
}

/// The list of every assessment, the drop zone, export all and wipe all.
#[function_component(Workspace)]
fn workspace() -> Html {
    let store = use_context::<Store>();
    let importer = use_importer();
    let drop = use_drop_zone(importer);
    let confirm_wipe = use_state(|| false);
    let wiped = use_state(|| false);
    let wipe_ref = use_node_ref();
    use_focus_when(wipe_ref.clone(), *confirm_wipe);
    let Some(store) = store else {
        return html! {};
    };
    let t = texts(store.lang);
    let list = ordered(&store.workspace);
    let show = |screen: Screen| {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Show(screen)))
    };

    let export_all = {
        let s = store.clone();
        Callback::from(move |_| transfer::export_all(&s.workspace, today()))
    };
    let ask_wipe = {
        let (c, w) = (confirm_wipe.clone(), wiped.clone());
        Callback::from(move |_| {
            w.set(false);
            c.set(true);
        })
    };
    let cancel_wipe = {
        let c = confirm_wipe.clone();
        Callback::from(move |_| c.set(false))
    };
    let do_wipe = {
        let (s, c, w) = (store.clone(), confirm_wipe.clone(), wiped.clone());
        Callback::from(move |_| {
            storage::wipe_all();
            s.dispatch(Action::WipeAll);
            c.set(false);
            w.set(true);
        })
    };
    let class = classes!("workspace", drop.dragging.then_some("dragging"));
    let DropZone {
        ondragover,
        ondragleave,
        ondrop,
        ..
    } = drop;
    html! {
        <section {class} aria-labelledby="ws-title" data-testid="workspace"
            {ondragover} {ondragleave} {ondrop}>
            <h2 id="ws-title">{ format!("{} ({})", t.workspace.title, list.len()) }</h2>
            <p class="muted">{ t.workspace.drop_hint }</p>
            if list.is_empty() {
                <p>{ t.workspace.empty }</p>
            } else {
                <ul class="ws-list">
                    { for list.iter().enumerate().map(|(i, a)| html! { <Row key={a.id.clone()} id={a.id.clone()} index={i} /> }) }
                </ul>
            }
            <div class="actions">
                if list.len() >= 2 {
                    <button type="button" data-testid="open-compare" onclick={show(Screen::Compare)}>{ t.start.open_compare }</button>
                }
                if !list.is_empty() {
                    <button type="button" data-testid="export-all" onclick={export_all}>{ t.workspace.export_all }</button>
                }
                <button type="button" class="danger" data-testid="wipe-all" onclick={ask_wipe}>{ t.workspace.wipe_all }</button>
            </div>
            if *confirm_wipe {
                <div class="panel confirm" role="group" aria-labelledby="wipe-q">
                    <p id="wipe-q">{ t.workspace.confirm_wipe }</p>
                    if !store.saving.kept.is_empty() {
                        <p data-testid="wipe-kept">{ t.count(store.saving.kept.len(), &t.kept.wipe_also) }</p>
                        <ul>{ for store.saving.kept.iter().map(|k| html! {
                            <li>{ kept_heading(k, store.lang) }{ " — " }{ user(t.format_error(&k.problem)) }</li>
                        }) }</ul>
                    }
                    <button type="button" class="danger" ref={wipe_ref} data-testid="wipe-confirm" onclick={do_wipe}>{ t.workspace.wipe_for_good }</button>
                    <button type="button" data-testid="wipe-cancel" onclick={cancel_wipe}>{ t.common.cancel }</button>
                </div>
            }
            <div role="status">
                if *wiped { <p data-testid="wiped">{ t.workspace.wiped }</p> }
            </div>
            if let Some(u) = store.saving.usage.filter(|u| u.near()) {
                <p class="muted" data-testid="workspace-usage">{ usage_text(t, u) }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    id: String,
    /// Position in the list, for element ids.
    index: usize,
}

#[derive(Clone, PartialEq)]
enum Mode {
    Idle,
    Renaming(String),
    ConfirmDelete,
    /// Asking for the passphrase of an encrypted export; `note` is the last message.
    Encrypting {
        pass: String,
        repeat: String,
        note: Option<&'static str>,
        busy: bool,
    },
}

fn row_summary(a: &Assessment, t: &Catalog, lang: Lang) -> String {
    let ev = evaluate(a, None);
    let mut parts: Vec<String> = [a.meta.provider.trim(), a.meta.offer.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(isolate)
        .collect();
    parts.push(texts(lang).seal_range(ev.seal));
    parts.push(format!(
        "{}{} {}",
        t.workspace.last_modified,
        texts(lang).typo.colon,
        fmt_modified(&a.modified, lang)
    ));
    parts.join(" · ")
}

/// One assessment of the list, with its actions.
#[function_component(Row)]
fn row(p: &RowProps) -> Html {
    let store = use_context::<Store>();
    let mode = use_state(|| Mode::Idle);
    let focus_ref = use_node_ref();
    use_focus_when(focus_ref.clone(), *mode != Mode::Idle);
    let Some(store) = store else {
        return html! {};
    };
    let Some(a) = store.workspace.iter().find(|a| a.id == p.id) else {
        return html! {};
    };
    let (lang, t) = (store.lang, texts(store.lang));
    let name = display_name(a).unwrap_or_else(|| t.workspace.untitled.to_owned());
    let id = p.id.clone();
    // Every row has the same button names; each button is described by its row's heading.
    let head = format!("ws-row-{}", p.index);
    let act = |f: fn(String) -> Action| {
        let (s, id) = (store.clone(), id.clone());
        Callback::from(move |_| s.dispatch(f(id.clone())))
    };
    let duplicate = {
        let (s, id) = (store.clone(), id.clone());
        Callback::from(move |_| {
            s.dispatch(Action::Duplicate {
                source: id.clone(),
                id: new_id(),
                today: today(),
            })
        })
    };
    let export = {
        let a = a.clone();
        Callback::from(move |_| transfer::export_one(&a))
    };
    let set = |m: Mode| {
        let mode = mode.clone();
        Callback::from(move |_| mode.set(m.clone()))
    };
    let body = match (*mode).clone() {
        Mode::Idle => html! {
            <div class="row-actions">
                <button type="button" class="primary" aria-describedby={head.clone()} data-testid="row-open" onclick={act(Action::Open)}>{ t.common.open }</button>
                <button type="button" aria-describedby={head.clone()} data-testid="row-duplicate" onclick={duplicate}>{ t.workspace.duplicate }</button>
                <button type="button" aria-describedby={head.clone()} data-testid="row-rename" onclick={set(Mode::Renaming(a.meta.title.clone()))}>{ t.workspace.rename }</button>
                <button type="button" aria-describedby={head.clone()} data-testid="row-export" onclick={export}>{ t.common.export }</button>
                <crate::views::questionnaire::HandOutButton id={p.id.clone()} describedby={head.clone()} />
                <button type="button" aria-describedby={head.clone()} data-testid="row-export-encrypted"
                    onclick={set(Mode::Encrypting { pass: String::new(), repeat: String::new(), note: None, busy: false })}>{ t.import.export_encrypted }</button>
                <button type="button" class="danger" aria-describedby={head.clone()} data-testid="row-delete" onclick={set(Mode::ConfirmDelete)}>{ t.workspace.delete }</button>
            </div>
        },
        Mode::Renaming(draft) => {
            let input_id = format!("rename-{}", p.index);
            let oninput = {
                let mode = mode.clone();
                Callback::from(move |e: InputEvent| {
                    mode.set(Mode::Renaming(crate::components::fields::event_value(&e)))
                })
            };
            let save = {
                let (s, id, mode, draft) = (store.clone(), id.clone(), mode.clone(), draft.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    s.dispatch(Action::Rename(id.clone(), draft.trim().to_owned()));
                    mode.set(Mode::Idle);
                })
            };
            html! {
                <form class="row-rename" onsubmit={save}>
                    <label for={input_id.clone()}>{ t.workspace.new_name }</label>
                    <input id={input_id} ref={focus_ref} value={draft} {oninput} maxlength={max_text_length()} aria-describedby={head.clone()} data-testid="row-rename-input" />
                    <button type="submit" class="primary" aria-describedby={head.clone()} data-testid="row-rename-save">{ t.common.save }</button>
                    <button type="button" onclick={set(Mode::Idle)}>{ t.common.cancel }</button>
                </form>
            }
        }
        Mode::Encrypting {
            pass,
            repeat,
            note,
            busy,
        } => {
            let field = |which: u8| {
                let mode = mode.clone();
                Callback::from(move |e: InputEvent| {
                    let v = crate::components::fields::event_value(&e);
                    if let Mode::Encrypting { pass, repeat, .. } = (*mode).clone() {
                        let (pass, repeat) = if which == 0 { (v, repeat) } else { (pass, v) };
                        mode.set(Mode::Encrypting {
                            pass,
                            repeat,
                            note: None,
                            busy: false,
                        });
                    }
                })
            };
            let submit = {
                let (mode, a, pass, repeat, lang) =
                    (mode.clone(), a.clone(), pass.clone(), repeat.clone(), lang);
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let t = texts(lang);
                    let again = |note: Option<&'static str>, busy: bool| Mode::Encrypting {
                        pass: pass.clone(),
                        repeat: repeat.clone(),
                        note,
                        busy,
                    };
                    if pass.chars().count() < crate::platform::encrypted::MIN_PASSPHRASE_CHARS {
                        mode.set(again(Some(t.import.passphrase_short), false));
                    } else if pass != repeat {
                        mode.set(again(Some(t.import.passphrase_mismatch), false));
                    } else {
                        mode.set(again(Some(t.common.working), true));
                        let done = {
                            let mode = mode.clone();
                            Callback::from(
                                move |r: Result<(), crate::platform::encrypted::CryptoError>| {
                                    mode.set(Mode::Encrypting {
                                        pass: String::new(),
                                        repeat: String::new(),
                                        note: Some(match r {
                                            Ok(()) => texts(lang).import.encrypted_done,
                                            Err(e) => e.message(texts(lang)),
                                        }),
                                        busy: false,
                                    })
                                },
                            )
                        };
                        crate::platform::transfer::export_encrypted(&a, pass.clone(), done);
                    }
                })
            };
            let pid = format!("enc-{}", p.index);
            html! {
                <form class="row-encrypt" onsubmit={submit} data-testid="row-encrypt-form">
                    <p id={format!("{pid}-help")}>{ t.import.encrypt_help }</p>
                    <div class="field">
                        <label for={pid.clone()}>{ t.import.passphrase }</label>
                        <input id={pid.clone()} type="password" autocomplete="new-password" ref={focus_ref}
                            value={pass} oninput={field(0)} data-testid="row-passphrase"
                            aria-describedby={format!("{pid}-help {pid}-note")} />
                    </div>
                    <div class="field">
                        <label for={format!("{pid}-repeat")}>{ t.import.passphrase_repeat }</label>
                        <input id={format!("{pid}-repeat")} type="password" autocomplete="new-password"
                            value={repeat} oninput={field(1)} data-testid="row-passphrase-repeat" />
                    </div>
                    <p id={format!("{pid}-note")} role="status" data-testid="row-encrypt-note">{ note.unwrap_or_default() }</p>
                    <div class="actions">
                        <button type="submit" class="primary" disabled={busy} data-testid="row-encrypt-download">{ t.import.encrypt_download }</button>
                        <button type="button" onclick={set(Mode::Idle)}>{ t.common.cancel }</button>
                    </div>
                </form>
            }
        }
        Mode::ConfirmDelete => html! {
            <div class="confirm" role="group" aria-label={t.workspace.delete}>
                <p>{ t.workspace.confirm_delete }</p>
                <button type="button" class="danger" ref={focus_ref} data-testid="row-delete-confirm" onclick={act(Action::Delete)}>{ t.workspace.delete_for_good }</button>
                <button type="button" data-testid="row-delete-cancel" onclick={set(Mode::Idle)}>{ t.common.cancel }</button>
            </div>
        },
    };
    html! {
        <li class="ws-row" data-testid="assessment-row" data-id={p.id.clone()}>
            <h3 id={head}>{ name }</h3>
            <p class="muted">{ row_summary(a, t, lang) }</p>
            { body }
        </li>
    }
}

/// When an entry was set aside, in words (or that it was left where it was).
fn kept_heading(k: &storage::Kept, lang: Lang) -> String {
    let t = texts(lang);
    match k.at {
        Some(ms) if !k.in_place => fill(
            t.kept.entry,
            &[(
                "when",
                &fmt_modified(
                    &String::from(js_sys::Date::new(&JsValue::from_f64(ms)).to_iso_string()),
                    lang,
                ),
            )],
        ),
        _ => t.kept.left_in_place.to_owned(),
    }
}

/// The data set aside: each entry with when, why, a download and a delete (confirmed).
#[function_component(KeptList)]
fn kept_list() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    if store.saving.kept.is_empty() {
        return html! {};
    }
    html! {
        <section class="kept" aria-labelledby="kept-title" data-testid="kept-list">
            <h2 id="kept-title">{ t.kept.title }</h2>
            <p class="muted">{ t.kept.intro }</p>
            <ul class="ws-list">
                { for store.saving.kept.iter().enumerate().map(|(i, k)| html! {
                    <KeptRow key={k.key.clone()} entry={k.clone()} index={i} />
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct KeptRowProps {
    entry: storage::Kept,
    index: usize,
}

/// One entry set aside.
#[function_component(KeptRow)]
fn kept_row(p: &KeptRowProps) -> Html {
    let store = use_context::<Store>();
    let confirm = use_state(|| false);
    let confirm_ref = use_node_ref();
    use_focus_when(confirm_ref.clone(), *confirm);
    let Some(store) = store else {
        return html! {};
    };
    let (lang, t) = (store.lang, texts(store.lang));
    let k = &p.entry;
    let head = format!("kept-{}", p.index);
    let download = {
        let (raw, name) = (
            k.raw.clone(),
            format!("sovcheck-kept-{}.json", k.at.map_or(0, |ms| ms as u64)),
        );
        Callback::from(move |_| {
            let _ = crate::platform::download::download(&name, "application/json", &raw);
        })
    };
    let delete = {
        let (s, key, confirm) = (store.clone(), k.key.clone(), confirm.clone());
        Callback::from(move |_| {
            storage::remove(&key);
            let in_place: Vec<String> = s
                .saving
                .kept
                .iter()
                .filter(|k| k.in_place && k.key != key)
                .map(|k| k.key.clone())
                .collect();
            s.dispatch(Action::Storage(StorageEvent::Kept(storage::kept(
                &in_place,
            ))));
            confirm.set(false);
        })
    };
    let set = |on: bool| {
        let confirm = confirm.clone();
        Callback::from(move |_| confirm.set(on))
    };
    html! {
        <li class="ws-row" data-testid="kept-entry" data-key={k.key.clone()}>
            <h3 id={head.clone()}>{ kept_heading(k, lang) }</h3>
            <p class="muted">{ t.kept.why }{ t.typo.colon }{ " " }{ user(t.format_error(&k.problem)) }</p>
            if *confirm {
                <div class="confirm" role="group" aria-labelledby={head.clone()}>
                    <p>{ t.kept.confirm_delete }</p>
                    <button type="button" class="danger" ref={confirm_ref} data-testid="kept-delete-confirm" onclick={delete}>{ t.kept.delete_for_good }</button>
                    <button type="button" onclick={set(false)}>{ t.common.cancel }</button>
                </div>
            } else {
                <div class="row-actions">
                    <button type="button" aria-describedby={head.clone()} data-testid="kept-download" onclick={download}>{ t.kept.download }</button>
                    <button type="button" class="danger" aria-describedby={head.clone()} data-testid="kept-delete" onclick={set(true)}>{ t.kept.delete }</button>
                </div>
            }
        </li>
    }
}
