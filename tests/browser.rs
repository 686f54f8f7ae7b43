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

use sovcheck_web::{app::App, storage};
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
    let saved = local.get_item(storage::ASSESSMENT_KEY).unwrap().unwrap();
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
