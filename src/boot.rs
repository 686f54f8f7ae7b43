//! Start-up and languages: the app carries no words in its code. The page's boot script
//! (written by the release step, `crates/sovcheck-release/src/packs.rs`) picks the language
//! (the one saved, else the browser's, else English) and starts loading that language's
//! pack (its catalog and content texts, a file of the app's own, integrity-checked) while the
//! wasm downloads; here the pack is installed before the first render. Switching language
//! loads the other language's pack the same way (from the single file: from the page
//! itself, which carries every language). In the tests every language is compiled in and
//! nothing is loaded.

use js_sys::{Function, Promise, Reflect};
use sovcheck_core::Lang;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The language whose pack was installed at start-up, once it is.
    static BOOT_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language the boot script chose and whose pack is installed (`None` when the texts
/// are compiled in, as in the tests, or before start-up).
pub fn boot_lang() -> Option<Lang> {
    BOOT_LANG.with(Cell::get)
}

/// `window[name]`, if it is set.
fn global(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Awaits a promise of a pack's text and installs it.
async fn install_from(promise: JsValue) -> Result<Lang, ()> {
    let promise: Promise = promise.dyn_into().map_err(|_| ())?;
    let text = JsFuture::from(promise)
        .await
        .map_err(|_| ())?
        .as_string()
        .ok_or(())?;
    sovcheck_text::install(Box::leak(text.into_boxed_str())).map_err(|_| ())
}

/// Shows the page's own "sovcheck could not start" message (in every language, in
/// `index.html`: without a pack there are no words to say it with).
fn show_failure() {
    if let Some(f) = global("sovcheckFail").and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Installs the start-up language's pack, then renders the app; shows the failure message
/// if the pack cannot be had.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        if !sovcheck_text::is_installed(Lang::En) {
            match global("sovcheckPack") {
                Some(promise) => match install_from(promise).await {
                    Ok(lang) => BOOT_LANG.with(|b| b.set(Some(lang))),
                    Err(()) => return show_failure(),
                },
                None => return show_failure(),
            }
        }
        if let Some(window) = web_sys::window() {
            let _ = Reflect::set(&window, &"sovcheckStarted".into(), &JsValue::TRUE);
            // A stylesheet refused by its integrity check raised the "could not start"
            // message before the app could start; it did start (unstyled), so the message
            // would be false.
            if let Some(el) = window
                .document()
                .and_then(|d| d.get_element_by_id("sovcheck-failed"))
            {
                let _ = el.set_attribute("hidden", "");
            }
        }
        yew::Renderer::<crate::app::App>::new().render();
    });
}

/// Makes the words of `lang` available: at once if they are, else by loading its pack
/// through the boot script. `Err` when it could not be loaded (the server is gone, or the
/// file was altered: its integrity check failed).
pub async fn load(lang: Lang) -> Result<(), ()> {
    if sovcheck_text::is_installed(lang) {
        return Ok(());
    }
    let loader = global("sovcheckLoadPack")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(())?;
    let promise = loader
        .call1(&JsValue::NULL, &JsValue::from_str(lang.tag()))
        .map_err(|_| ())?;
    install_from(promise).await.map(|_| ())
}
