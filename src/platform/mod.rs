//! The browser's edges, in one place: the page's address (routes), local storage, downloads, file reading (import),
//! encryption (WebCrypto), the clock and printing. Views and components call these; the
//! state and the core never touch a browser API.
pub mod answering;
pub mod download;
pub mod encrypted;
pub mod history;
pub mod saver;
pub mod storage;
pub mod transfer;

use sovcheck_core::model::Date;
use yew::prelude::*;

/// Today's date from the browser clock.
pub fn today() -> Option<Date> {
    let ms = js_sys::Date::now();
    Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
}

/// A fresh assessment id from the clock.
pub fn new_id() -> String {
    format!("a-{}", js_sys::Date::now() as u64)
}

/// Moves the focus to the first element matching `selector` once the change under way is
/// drawn: a control that goes away when it has done its work (a bulk action with nothing
/// left to do) would otherwise leave the keyboard's focus on nothing.
pub fn focus_soon(selector: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    })
    .forget();
}

/// Takes the keyboard's focus off whatever holds it inside `container` (a CSS selector) but
/// outside `kept` (the parts that stay, such as the step list and the walk's buttons), as a
/// new screen is about to replace that part of the page. A focused element taken out of
/// the document makes the browser bring the page's style up to date on the spot, new
/// screen's nodes included (1 to 5 ms of a step change when the old heading held the
/// focus, after Back or Forward: docs/PERFORMANCE.md); released before any node changes,
/// it costs next to nothing. The focus then goes to the new screen's heading, before that
/// screen is drawn.
pub fn release_focus_within(container: &str, kept: &str) {
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return;
    };
    let within = |selector: &str| active.closest(selector).ok().flatten().is_some();
    if within(container) && !within(kept) {
        if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&active) {
            let _ = el.blur();
        }
    }
}

/// Runs `f` in the next animation frame, before that frame is drawn.
pub fn before_next_frame(f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&f));
    }
}

/// Runs `f` once the next frame is drawn (an animation frame, then a task): for work that
/// must follow a change but need not delay what the user sees of it.
pub fn after_frame(f: impl FnOnce() + 'static) {
    before_next_frame(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
}

/// Opens the browser's print dialog.
pub fn print_callback() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
}
