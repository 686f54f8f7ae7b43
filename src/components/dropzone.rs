//! A drop zone for files: the handlers a section needs, and whether a drag is over it.

use yew::prelude::*;

/// What a drop zone gives the element it is attached to.
pub struct DropZone {
    /// A file is being dragged over the zone (for a visual cue).
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Files dropped on the zone go to `on_files`; the browser's own handling (opening the
/// file in place of the app) is prevented.
#[hook]
pub fn use_drop_zone(on_files: Callback<Vec<web_sys::File>>) -> DropZone {
    let dragging = use_state(|| false);
    let ondragover = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(true);
        })
    };
    let ondragleave = {
        let d = dragging.clone();
        Callback::from(move |_: DragEvent| d.set(false))
    };
    let ondrop = {
        let d = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            d.set(false);
            on_files.emit(crate::transfer::files_of(
                e.data_transfer().and_then(|dt| dt.files()),
            ));
        })
    };
    DropZone {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}

/// Opens the browser's print dialog.
pub fn print_callback() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
}
