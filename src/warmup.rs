//! The walk's screens, each built once off the page when the walk is first shown.
//!
//! The browser compiles a WebAssembly function the first time it runs (V8's lazy
//! compilation), so the first visit to each kind of screen in a page's life paid for
//! compiling that screen's code: 10 to 15 ms more than a later visit of the same step
//! (docs/PERFORMANCE.md, step navigation). Once the walk is drawn, each of its other kinds
//! of screen (a question's step, SecNumCloud, the results, the context) is built once in an
//! element that is never in the document, one per two frames, then dropped. Nothing there
//! is shown, focused, announced or seen by the browser's form filling, and nothing is
//! changed: screens change the assessment only from the user's own events. Each build is
//! recorded as a User Timing measure ([`timing_name`]), which the bench prints and a test
//! reads.

use crate::state::{Place, Store};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct OffPageProps {
    store: Store,
    place: Place,
}

/// One screen of the walk with the app's store as its context, as the app shows it.
#[function_component(OffPage)]
fn off_page(p: &OffPageProps) -> Html {
    let heading = use_node_ref();
    html! {
        <ContextProvider<Store> context={p.store.clone()}>
            { crate::views::walk_view(p.place, heading) }
        </ContextProvider<Store>>
    }
}

/// The places built off the page: one of each kind, the most likely next first.
const KINDS: [Place; 4] = [
    Place::Criteria(0),
    Place::SecNumCloud,
    Place::Results,
    Place::Context,
];

/// The User Timing measure of the off-page build of `place`'s kind of screen.
pub fn timing_name(place: Place) -> &'static str {
    match place {
        Place::Criteria(_) => "sovcheck warm-up: question step",
        Place::SecNumCloud => "sovcheck warm-up: SecNumCloud",
        Place::Results => "sovcheck warm-up: results",
        Place::Context => "sovcheck warm-up: context",
    }
}

/// Builds off the page each kind of screen of [`KINDS`] but `shown`, the place on screen.
pub fn warm_walk(store: Store, shown: Place) {
    build_from(store, shown, 0);
}

fn build_from(store: Store, shown: Place, i: usize) {
    let Some(&place) = KINDS.get(i) else {
        return;
    };
    if place == shown {
        return build_from(store, shown, i + 1);
    }
    let Some(host) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
    else {
        return;
    };
    let props = OffPageProps {
        store: store.clone(),
        place,
    };
    let (name, perf) = (
        timing_name(place),
        web_sys::window().and_then(|w| w.performance()),
    );
    let start = format!("{name} (start)");
    if let Some(perf) = &perf {
        let _ = perf.mark(&start);
    }
    let app = yew::Renderer::<OffPage>::with_root_and_props(host, props).render();
    // Yew renders in a microtask queued by `render`; this one follows it.
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(perf) = perf {
            let _ = perf.measure_with_start_mark(name, &start);
            perf.clear_marks_with_mark_name(&start);
        }
    });
    // Kept for two frames, so that what a screen builds a frame later (the results' lower
    // part) is built too; then the next kind.
    crate::platform::after_frame(move || {
        crate::platform::after_frame(move || {
            app.destroy();
            build_from(store, shown, i + 1);
        })
    });
}
