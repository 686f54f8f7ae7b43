//! Choosing files: a drop zone (the handlers a section needs, and whether a drag is over
//! it) and a button-driven file picker over a hidden `<input type=file>`.

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
            on_files.emit(crate::platform::transfer::files_of(
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

/// What a file picker gives: the hidden input's ref and change handler, and the callback
/// for the visible button that opens it.
pub struct FilePicker {
    pub input: NodeRef,
    pub pick: Callback<MouseEvent>,
    pub onchange: Callback<Event>,
}

/// Files chosen in the hidden input go to `on_files`; the input is then cleared, so the
/// same file can be chosen again (after the user fixed it, say).
#[hook]
pub fn use_file_picker(on_files: Callback<Vec<web_sys::File>>) -> FilePicker {
    let input = use_node_ref();
    let pick = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                el.click();
            }
        })
    };
    let onchange = Callback::from(move |e: Event| {
        let el: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
        if let Some(el) = el {
            on_files.emit(crate::platform::transfer::files_of(el.files()));
            el.set_value("");
        }
    });
    FilePicker {
        input,
        pick,
        onchange,
    }
}
