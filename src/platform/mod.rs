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

/// Opens the browser's print dialog.
pub fn print_callback() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
}
