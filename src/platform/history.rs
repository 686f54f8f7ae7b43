//! The page's address, the browser's edge of [`crate::router`]: the state's route is
//! written to the fragment (a history entry per screen or step, so Back and Forward move
//! inside the app), and a fragment changed by Back, Forward, a link or the address bar is
//! dispatched to the reducer as [`Action::Route`]. Only the fragment is ever changed, so the
//! same code works on any host, under any sub-path and from `file://` (where the History API
//! may change a URL's fragment and nothing else). The entries are made with `pushState` and
//! `replaceState`, not by assigning `location.hash`: a fragment navigation makes the browser
//! look for the fragment's target, a full style and layout of the page on every step (about
//! 12 ms of a step change with long notes, docs/PERFORMANCE.md), for a target that never exists.

use crate::router::Route;
use crate::state::{Action, Store};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's fragment, `#/` when it is empty.
fn hash() -> String {
    let h = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    if h.is_empty() || h == "#" {
        "#/".to_owned()
    } else {
        h
    }
}

/// What the page's address names at start-up: `None` when it names nothing sovcheck
/// has; `Some(Route::Start)` when it is empty.
pub fn initial() -> Option<Route> {
    Route::parse(&hash())
}

/// Whether the page's address has a fragment at all.
pub fn has_fragment() -> bool {
    location()
        .and_then(|l| l.hash().ok())
        .is_some_and(|h| h.len() > 1)
}

/// Keeps the address and the state in step: a new history entry when the user moved in
/// the app, the entry replaced when the app could not go where the address said (a link
/// to an assessment this browser does not have), nothing when the state followed the
/// address (Back, Forward). Listens to the address for as long as the app lives.
#[hook]
pub fn use_history(store: &Store) {
    // The route last written to, or followed from, the address.
    let last = use_mut_ref(|| None::<String>);
    {
        let (store, last) = (store.clone(), last.clone());
        use_effect_with((), move |_| {
            // Back and Forward between the app's own entries fire `popstate` (and
            // `hashchange`, as the fragments differ); a link or the address bar fires
            // `hashchange`. `follow` ignores the second of the two.
            let listeners = web_sys::window().map(|w| {
                ["popstate", "hashchange"].map(|kind| {
                    let (store, last) = (store.clone(), last.clone());
                    gloo::events::EventListener::new(&w, kind, move |_| follow(&store, &last))
                })
            });
            move || drop(listeners)
        });
    }
    // Also on every navigation that stays on the same route: a link to nowhere, followed
    // from the start screen, leads back to it and its address is corrected.
    let route = (Route::of(store), store.nav_seq);
    // Written while the app renders, before the new screen is in the document: the browser
    // records the entry it leaves from a page whose layout is still up to date, instead of
    // laying out the new screen on the spot (docs/PERFORMANCE.md, step navigation). And in
    // the render's own task: a Back or Forward that follows cannot come between the state
    // and its address (a deferred write would see an address that moved on, and take it
    // for one the app could not follow).
    let written = use_mut_ref(|| None::<(Route, u32)>);
    if written.borrow().as_ref() != Some(&route) {
        // Picking assessments on the comparison corrects its entry: Back leaves the
        // comparison instead of undoing each pick.
        let picking = matches!(
            (written.borrow().as_ref(), &route.0),
            (Some((Route::Compare(_), _)), Route::Compare(_))
        );
        write(&route.0, &last, picking);
        *written.borrow_mut() = Some(route);
    }
}

/// The address changed: unless it names where the app already is, go there.
fn follow(store: &Store, last: &Rc<RefCell<Option<String>>>) {
    let now = hash();
    if last.borrow().as_deref() == Some(now.as_str()) {
        return;
    }
    store.dispatch(Action::Route(Route::parse(&now)));
}

/// The state now shows `route`; `correct`: in the same entry.
fn write(route: &Route, last: &Rc<RefCell<Option<String>>>, correct: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let want = route.to_hash();
    let now = hash();
    let previous = last.replace(Some(want.clone()));
    if now == want {
        return;
    }
    if previous.as_deref() == Some(now.as_str()) && !correct {
        // The user moved in the app: a new entry.
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&want));
    } else {
        // At start-up, the app could not follow the address, or the comparison's picks
        // changed: this entry is corrected.
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&want));
    }
}
