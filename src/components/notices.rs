//! What the user is told about saving, storage and other tabs, above every screen: what
//! could not be saved (with an export of all of it), fields another tab changed too (with
//! both values and a choice), what start-up set aside, what another tab deleted or wiped,
//! and how full storage is. Several show at once; none hides another. Beside them, in the
//! header, the quiet "Saved" indicator.

use crate::components::user_text::{display_name, isolate, user};
use crate::platform::storage::WriteError;
use crate::platform::{today, transfer};
use crate::saving::{Notice, StorageEvent};
use crate::state::{Action, Store};
use sovcheck_core::sync;
use sovcheck_text::{fill, texts, Catalog};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// A time of day in the reader's language, on this device's clock: `3:30 PM`, `15 h 30`.
fn time_of(ms: f64, t: &Catalog) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms));
    t.time_of_day(d.get_hours(), d.get_minutes())
}

/// How full storage is, in words.
pub fn usage_text(t: &Catalog, usage: crate::saving::Usage) -> String {
    let millions = |units: usize| t.decimal(units as f64 / 1_000_000.0, 1);
    fill(
        t.saving.usage,
        &[
            // Whole numbers: no float formatting in the wasm.
            (
                "percent",
                &t.percent((usage.share() * 100.0).floor() as u32),
            ),
            ("used", &millions(usage.used)),
            ("total", &millions(usage.total)),
        ],
    )
}

/// A notice in words.
fn notice_text(t: &Catalog, n: &Notice) -> (String, &'static str) {
    let named = |template: &str, name: &str| fill(template, &[("name", &isolate(name))]);
    match n {
        Notice::SetAside(count) => (t.count(*count, &t.storage.set_aside), "set-aside"),
        Notice::Unavailable => (t.storage.unavailable.to_owned(), "unavailable"),
        Notice::DeletedElsewhere(name) => (named(t.tabs.deleted_elsewhere, name), "deleted"),
        Notice::KeptAfterDelete(name) => (named(t.tabs.kept_after_delete, name), "kept"),
        Notice::NotDeleted(name) => (named(t.tabs.not_deleted, name), "not-deleted"),
        Notice::WipedElsewhere => (t.tabs.wiped_elsewhere.to_owned(), "wiped"),
        Notice::UnknownLink => (t.shell.unknown_link.to_owned(), "unknown-link"),
    }
}

/// Every notice about saving and the other tabs.
#[function_component(Notices)]
pub fn notices() -> Html {
    let store = use_context::<Store>();
    let first_conflict = use_node_ref();
    // A new conflict is brought into view (once): on a small screen the user is typing far
    // below it, and the field they typed in has just taken the other tab's value.
    {
        let node = first_conflict.clone();
        let count = store.as_ref().map_or(0, |s| s.saving.conflicts.len());
        let seen = use_mut_ref(|| 0usize);
        use_effect_with(count, move |count| {
            if *count > *seen.borrow() {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
            *seen.borrow_mut() = *count;
        });
    }
    let Some(store) = store else {
        return html! {};
    };
    let t = texts(store.lang);
    let saving = &store.saving;
    let name_of = |id: &str| {
        store
            .workspace
            .iter()
            .find(|a| a.id == id)
            .and_then(display_name)
            .unwrap_or_else(|| t.workspace.untitled.to_owned())
    };
    let unsaved = (!saving.unsaved.is_empty()).then(|| {
        let names = t.list(saving.unsaved.iter().map(|id| isolate(&name_of(id))));
        let plural = match saving.problem {
            Some(WriteError::Refused) => &t.saving.not_saved_refused,
            _ => &t.saving.not_saved_full,
        };
        let text = fill(
            &t.count(saving.unsaved.len(), plural),
            &[("names", &names)],
        );
        let export = {
            let s = store.clone();
            Callback::from(move |_| {
                let list: Vec<_> = s
                    .workspace
                    .iter()
                    .filter(|a| s.saving.unsaved.contains(&a.id))
                    .cloned()
                    .collect();
                transfer::export_unsaved(&list, today());
            })
        };
        html! {
            <div class="notice" role="alert" data-testid="unsaved-notice">
                <p>{ text }</p>
                <button type="button" data-testid="export-unsaved" onclick={export}>{ t.saving.export_unsaved }</button>
            </div>
        }
    });
    let conflicts = saving.conflicts.iter().enumerate().map(|(i, c)| {
        let name = name_of(&c.id);
        let now = store.workspace.iter().find(|a| a.id == c.id);
        let theirs = now.map(|a| sync::value(a, &c.field)).unwrap_or_else(|| c.mine.clone());
        let act = |e: fn(usize) -> StorageEvent| {
            let s = store.clone();
            Callback::from(move |_| s.dispatch(Action::Storage(e(i))))
        };
        let head = format!("tab-conflict-{i}");
        let node = if i == 0 { first_conflict.clone() } else { NodeRef::default() };
        html! {
            <div class="notice conflict" role="group" aria-labelledby={head.clone()} data-testid="tab-conflict" data-id={c.id.clone()} ref={node}>
                <p id={head} role="alert"><strong>{ fill(t.tabs.conflict, &[("field", &t.sync_field(&c.field)), ("name", &isolate(&name))]) }</strong></p>
                <p>{ t.tabs.conflict_help }</p>
                <dl class="both">
                    <dt>{ t.tabs.theirs }</dt>
                    <dd data-testid="conflict-theirs">{ user(t.sync_value(&theirs)) }</dd>
                    <dt>{ t.tabs.mine }</dt>
                    <dd data-testid="conflict-mine">{ user(t.sync_value(&c.mine)) }</dd>
                </dl>
                <button type="button" data-testid="keep-theirs" onclick={act(StorageEvent::KeepTheirs)}>{ t.tabs.keep_theirs }</button>
                <button type="button" data-testid="keep-mine" onclick={act(StorageEvent::KeepMine)}>{ t.tabs.keep_mine }</button>
            </div>
        }
    });
    let notices = saving.notices.iter().enumerate().map(|(i, n)| {
        let (text, kind) = notice_text(t, n);
        let dismiss = {
            let s = store.clone();
            Callback::from(move |_| s.dispatch(Action::Storage(StorageEvent::Dismiss(i))))
        };
        html! {
            <div class="notice" role="alert" data-testid="storage-notice" data-kind={kind}>
                <p>{ text }</p>
                <button type="button" onclick={dismiss}>{ t.common.dismiss }</button>
            </div>
        }
    });
    html! {
        <div class="notices">
            { for unsaved }
            { for conflicts }
            { for notices }
            if let Some(u) = saving.usage.filter(|u| u.near()) {
                <div class="notice" role="status" data-testid="storage-usage"><p>{ usage_text(t, u) }</p></div>
            }
        </div>
    }
}

/// "Saved at 10:32" after changes are saved, "Not saved" when a change could not be: a
/// status that changes at most once a minute while saving works, so a screen reader hears
/// it once per burst of typing, not at every key.
#[function_component(SavedIndicator)]
pub fn saved_indicator() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let saving = &store.saving;
    let (text, failed) = if !saving.unsaved.is_empty() {
        (t.saving.not_saved_short.to_owned(), true)
    } else {
        match saving.saved_at {
            Some(at) => (fill(t.saving.saved, &[("time", &time_of(at, t))]), false),
            None => (String::new(), false),
        }
    };
    html! {
        <p class={classes!("saved", failed.then_some("saved-failed"))} role="status" data-testid="saved-indicator"
            data-state={if failed { "failed" } else if saving.saved_at.is_some() { "saved" } else { "idle" }}>{ text }</p>
    }
}
