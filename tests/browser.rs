//! Browser tests (wasm-bindgen-test in headless Chromium) for the reducer-to-DOM wiring:
//! the app is mounted in a fresh element, driven by clicks, and the DOM and local storage
//! are checked after awaiting Yew's scheduler (never a sleep).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use sovcheck_web::{app::App, platform::storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn mount() -> web_sys::Element {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Waits until the next frame is drawn and the task after it has run: the results' lower
/// part (the expert overrides among it) is built then (`components::later`).
async fn after_frame() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        sovcheck_web::platform::after_frame(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn by_testid(root: &web_sys::Element, id: &str) -> web_sys::HtmlElement {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {id}"))
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn choosing_a_rung_updates_the_estimate_and_is_saved() {
    let root = mount().await;
    by_testid(&root, "new-assessment").click();
    yew::scheduler::flush().await;
    by_testid(&root, "next").click();
    yew::scheduler::flush().await;
    // q1 holds SOV-7.1; its best rung grants SEAL-4, its worst SEAL-1.
    by_testid(&root, "choice-SOV-7.1-0").click();
    yew::scheduler::flush().await;
    let seal = by_testid(&root, "seal-range");
    assert_eq!(seal.get_attribute("data-lower").as_deref(), Some("0"));
    assert_eq!(seal.get_attribute("data-upper").as_deref(), Some("1"));
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = (0..local.length().unwrap())
        .filter_map(|i| local.key(i).unwrap())
        .find(|k| k.starts_with(storage::ASSESSMENT_PREFIX))
        .expect("the assessment is saved under its own key");
    let saved = local.get_item(&key).unwrap().unwrap();
    assert!(
        saved.contains("\"SOV-7.1\": {\n        \"rung\": 0"),
        "{saved}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_sets_html_lang_and_texts() {
    let root = mount().await;
    by_testid(&root, "lang-fr").click();
    yew::scheduler::flush().await;
    let lang = document().document_element().unwrap().get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("fr"));
    assert_eq!(
        by_testid(&root, "new-assessment").text_content().as_deref(),
        Some("Nouvelle évaluation")
    );
    by_testid(&root, "lang-en").click();
    yew::scheduler::flush().await;
    assert_eq!(
        by_testid(&root, "new-assessment").text_content().as_deref(),
        Some("New assessment")
    );
    root.remove();
}

fn set_value_and_fire(el: &web_sys::HtmlElement, value: &str, event: &str) {
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(value);
    } else if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
    let ev = web_sys::Event::new_with_event_init_dict(event, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn an_override_applies_only_with_a_justification() {
    let root = mount().await;
    by_testid(&root, "new-assessment").click();
    yew::scheduler::flush().await;
    by_testid(&root, "goto-14").click();
    yew::scheduler::flush().await;
    after_frame().await;
    yew::scheduler::flush().await;
    let seal = || {
        let s = by_testid(&root, "seal-range");
        (s.get_attribute("data-lower"), s.get_attribute("data-upper"))
    };
    assert_eq!(seal(), (Some("0".into()), Some("4".into())));
    // An override's fields are built when it is first opened (the `toggle` event comes in
    // a task of its own).
    let summary: web_sys::HtmlElement = by_testid(&root, "override-SOV-1")
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    summary.click();
    gloo::timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
    // A level alone is a draft: the error shows and the estimate does not move.
    set_value_and_fire(&by_testid(&root, "override-SOV-1-level"), "0", "change");
    yew::scheduler::flush().await;
    let text = by_testid(&root, "override-SOV-1-justification");
    assert_eq!(text.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root
        .text_content()
        .unwrap()
        .contains("Write a justification"));
    assert_eq!(seal(), (Some("0".into()), Some("4".into())));
    // With a justification, SOV-1 at SEAL-0 caps the overall SEAL under weakest link.
    set_value_and_fire(&text, "Board decision 2026-11: no EU entity", "input");
    yew::scheduler::flush().await;
    assert_eq!(seal(), (Some("0".into()), Some("0".into())));
    assert_eq!(text.get_attribute("aria-invalid").as_deref(), Some("false"));
    // Clearing the justification withdraws the override.
    set_value_and_fire(&text, "  ", "input");
    yew::scheduler::flush().await;
    assert_eq!(seal(), (Some("0".into()), Some("4".into())));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_workspace_lists_deletes_with_confirmation_and_wipes() {
    let root = mount().await;
    for _ in 0..2 {
        by_testid(&root, "new-assessment").click();
        yew::scheduler::flush().await;
        by_testid(&root, "back").click();
        yew::scheduler::flush().await;
    }
    let rows = || {
        root.query_selector_all("[data-testid=assessment-row]")
            .unwrap()
            .length()
    };
    assert_eq!(rows(), 2);
    by_testid(&root, "row-delete").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(), 2, "nothing is deleted before the confirmation");
    by_testid(&root, "row-delete-confirm").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(), 1);
    by_testid(&root, "wipe-all").click();
    yew::scheduler::flush().await;
    by_testid(&root, "wipe-confirm").click();
    yew::scheduler::flush().await;
    assert_eq!(rows(), 0);
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let left: Vec<String> = (0..local.length().unwrap())
        .filter_map(|i| local.key(i).unwrap())
        .filter(|k| k.starts_with("sovcheck."))
        .collect();
    assert_eq!(left, Vec::<String>::new());
    root.remove();
}

#[wasm_bindgen_test]
async fn encryption_round_trips_and_refuses_a_wrong_passphrase_or_tampering() {
    use sovcheck_web::platform::encrypted::{decrypt, encrypt, parse_envelope, CryptoError};
    let text = "{\"formatVersion\": 1, \"assessment\": {}}\n";
    let out = encrypt(text, "correct horse battery").await.unwrap();
    assert!(
        !out.contains("formatVersion"),
        "the plaintext does not show"
    );
    let env = parse_envelope(out.as_bytes()).unwrap().unwrap();
    assert_eq!(env.iterations, 600_000);
    assert!(out.contains("\"AES-GCM\""));
    let plain = decrypt(&env, "correct horse battery").await.unwrap();
    assert_eq!(plain, text.as_bytes());
    assert_eq!(
        decrypt(&env, "correct horse batterY").await,
        Err(CryptoError::WrongPassphraseOrTampered)
    );
    let mut tampered = env.clone();
    if let Some(first) = tampered.data.first_mut() {
        *first ^= 1;
    }
    assert_eq!(
        decrypt(&tampered, "correct horse battery").await,
        Err(CryptoError::WrongPassphraseOrTampered)
    );
    // Two encryptions of the same text differ (random salt and IV).
    let again = encrypt(text, "correct horse battery").await.unwrap();
    assert_ne!(again, out);
}
