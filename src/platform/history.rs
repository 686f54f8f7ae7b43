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

/// The write the address still owes the state: the route, and whether it corrects the
/// current entry instead of making a new one.
type Pending = Rc<RefCell<Option<(Route, bool)>>>;

/// Keeps the address and the state in step: a new history entry when the user moved in
/// the app, the entry replaced when the app could not go where the address said (a link
/// to an assessment this browser does not have), nothing when the state followed the
/// address (Back, Forward). Listens to the address for as long as the app lives.
///
/// The address is written once the new screen is drawn, not while it is built: recording a
/// history entry is the browser's own work (about 1 ms, and several at times, in the step
/// change's budget: docs/PERFORMANCE.md), and nothing on the screen waits for it. Moves
/// made within one frame make one entry, for where the user ended up. A Back or Forward
/// that comes before the write is followed as any other (the state moves to where the
/// address now is, and the write it owed finds nothing left to do); a page hidden or left
/// before the write (another tab, a reload) has it done on the way.
#[hook]
pub fn use_history(store: &Store) {
    // The route last written to, or followed from, the address.
    let last = use_mut_ref(|| None::<String>);
    let pending: Pending = use_mut_ref(|| None);
    {
        let (store, last, pending) = (store.clone(), last.clone(), pending.clone());
        use_effect_with((), move |_| {
            // Back and Forward between the app's own entries fire `popstate` (and
            // `hashchange`, as the fragments differ); a link or the address bar fires
            // `hashchange`. `follow` ignores the second of the two.
            let listeners = web_sys::window().map(|w| {
                let [pop, hash] = ["popstate", "hashchange"].map(|kind| {
                    let (store, last) = (store.clone(), last.clone());
                    gloo::events::EventListener::new(&w, kind, move |_| follow(&store, &last))
                });
                // A page hidden or left before the frame came (another tab, a reload):
                // the address is written on the way.
                let [hide, leave] = ["visibilitychange", "pagehide"].map(|kind| {
                    let (pending, last) = (pending.clone(), last.clone());
                    gloo::events::EventListener::new(&w, kind, move |_| flush(&pending, &last))
                });
                [pop, hash, hide, leave]
            });
            move || drop(listeners)
        });
    }
    // Also on every navigation that stays on the same route: a link to nowhere, followed
    // from the start screen, leads back to it and its address is corrected.
    let route = (Route::of(store), store.nav_seq);
    let written = use_mut_ref(|| None::<(Route, u32)>);
    if written.borrow().as_ref() != Some(&route) {
        // Picking assessments on the comparison corrects its entry: Back leaves the
        // comparison instead of undoing each pick.
        let picking = matches!(
            (written.borrow().as_ref(), &route.0),
            (Some((Route::Compare(_), _)), Route::Compare(_))
        );
        // Moves within one frame make one entry: a new one if any of them made one.
        let owed = pending.borrow().as_ref().map(|(_, correct)| *correct);
        let correct = owed.map_or(picking, |c| c && picking);
        *pending.borrow_mut() = Some((route.0.clone(), correct));
        *written.borrow_mut() = Some(route);
        if owed.is_none() {
            let (pending, last) = (pending.clone(), last.clone());
            crate::platform::after_frame(move || flush(&pending, &last));
        }
    }
}

/// Writes the route the address owes the state, if any.
fn flush(pending: &Pending, last: &Rc<RefCell<Option<String>>>) {
    if let Some((route, correct)) = pending.take() {
        write(&route, last, correct);
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
