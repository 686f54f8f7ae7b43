//! Small labelled form controls that report domain values, not DOM events.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads the value of the input, select or textarea that fired `e`.
pub fn event_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        String::new()
    }
}

/// Whether the `<details>` that fired a `toggle` event is now open (`None`: the event
/// came from something else).
pub fn details_open(e: &Event) -> Option<bool> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .map(|d| d.open())
}

/// Whether a part shown while `open` has been built: not until it is first open, then for
/// the component's life (folding it again only hides it). A part folded from the start
/// costs nothing to build or lay out until it is wanted (docs/PERFORMANCE.md, step
/// navigation).
#[hook]
pub fn use_built_once(open: bool) -> bool {
    let built = use_mut_ref(|| false);
    if open {
        *built.borrow_mut() = true;
    }
    let built = *built.borrow();
    built
}

/// For a `<details>` whose content is built when first opened (or at once while `open`,
/// such as when it holds a value): whether to build it, and the `ontoggle` that notes the
/// first opening.
#[hook]
pub fn use_built_on_opening(open: bool) -> (bool, Callback<Event>) {
    let opened = use_state(|| false);
    let built = use_built_once(open || *opened);
    let ontoggle = Callback::from(move |e: Event| {
        if details_open(&e) == Some(true) && !*opened {
            opened.set(true);
        }
    });
    (built, ontoggle)
}

/// Props of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
}

/// The `maxlength` of every field whose text is stored: the format refuses a longer text
/// (`maxlength` counts UTF-16 units, never fewer than characters, so what fits is valid).
pub fn max_text_length() -> AttrValue {
    AttrValue::from(sovcheck_core::format::MAX_TEXT_CHARS.to_string())
}

/// A labelled text input (or textarea) that reports every keystroke.
#[function_component(TextField)]
pub fn text_field(p: &TextFieldProps) -> Html {
    let cb = p.onchange.clone();
    let oninput = Callback::from(move |e: InputEvent| cb.emit(event_value(&e)));
    // A date input takes no `maxlength`.
    let maxlength = (p.kind != "date").then(max_text_length);
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            if p.multiline {
                <textarea id={p.id.clone()} value={p.value.clone()} {oninput} rows="3" {maxlength} />
            } else {
                <input id={p.id.clone()} type={p.kind.clone()} value={p.value.clone()} {oninput} {maxlength} />
            }
        </div>
    }
}

/// Props of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs; the first is usually "not set" with value "".
    pub options: Vec<(String, String)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
}

/// A labelled select.
#[function_component(SelectField)]
pub fn select_field(p: &SelectFieldProps) -> Html {
    let cb = p.onchange.clone();
    let onchange = Callback::from(move |e: Event| cb.emit(event_value(&e)));
    html! {
        <div class="field">
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <select id={p.id.clone()} {onchange}>
                { for p.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={*v == *p.value}>{ l.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// Props of [`ChoiceField`].
#[derive(Properties, PartialEq)]
pub struct ChoiceFieldProps {
    /// The group's id; each button's is `{id}-{value}` (`{id}-unset` for the value "").
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs; the first is usually "not set" with value "".
    pub options: Vec<(String, String)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
    /// The buttons side by side rather than one per line (a few short labels).
    #[prop_or_default]
    pub inline: bool,
}

/// A labelled group of radio buttons, for a short list of values best read all at once
/// (a qualification's stage, yes or no). Unlike a drop-down, building one does not make
/// Chrome's form filling lay the page out before the screen is drawn (3 to 7 ms of a step
/// change: docs/PERFORMANCE.md, step navigation).
#[function_component(ChoiceField)]
pub fn choice_field(p: &ChoiceFieldProps) -> Html {
    let class = classes!("field", "choice-field", p.inline.then_some("inline"));
    html! {
        <fieldset {class} id={p.id.clone()}>
            <legend>{ p.label.clone() }</legend>
            { for p.options.iter().map(|(v, l)| {
                let input_id = format!("{}-{}", p.id, if v.is_empty() { "unset" } else { v });
                let onchange = {
                    let (cb, v) = (p.onchange.clone(), v.clone());
                    Callback::from(move |_: Event| cb.emit(v.clone()))
                };
                html! {
                    <div class="choice">
                        <input type="radio" id={input_id.clone()} name={p.id.clone()} value={v.clone()}
                            checked={*v == *p.value} {onchange} />
                        <label for={input_id}>{ l.clone() }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
