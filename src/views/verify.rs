//! Checking a file against a printed integrity fingerprint.
//!
//! The report prints the SHA-256 of the exported file (the assessment's fingerprint). Here
//! the user types or pastes that value and chooses or drops a file; the file is read in the
//! browser and compared: first its raw bytes (the exported file, unchanged), then the
//! canonical re-export of each assessment it holds (the same assessment in a re-saved or
//! re-formatted file). Nothing is stored: this screen never changes the workspace. The check
//! itself is the engine's (`sovcheck_core::verify`); this module holds its words and view.

use crate::components::dropzone::{use_drop_zone, use_file_picker, DropZone};
use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_core::format::MAX_DOCUMENT_BYTES;
use sovcheck_core::verify::{grouped, verdict, FileState, Fingerprint, ReportKind, Verdict};
use sovcheck_text::texts;
use yew::prelude::*;

/// A fingerprint in groups of eight, the groups that differ from `expected` marked.
fn marked(hex: &str, expected: Option<&str>) -> Html {
    let Some(expected) = expected.filter(|e| *e != hex) else {
        return html! { { grouped(hex) } };
    };
    let theirs: Vec<&[u8]> = expected.as_bytes().chunks(8).collect();
    html! {
        { for hex.as_bytes().chunks(8).enumerate().map(|(i, c)| {
            let text = String::from_utf8_lossy(c).into_owned();
            let space = if i > 0 { " " } else { "" };
            if theirs.get(i) == Some(&c) {
                html! { <>{ space }{ text }</> }
            } else {
                html! { <>{ space }<mark>{ text }</mark></> }
            }
        }) }
    }
}

/// The verify screen.
#[function_component(VerifyView)]
pub fn verify_view(p: &ScreenProps) -> Html {
    let store = use_context::<Store>();
    let expected = use_state(String::new);
    // Whether the typed value was committed (change event): only then is a bad one reported
    // before a file is chosen.
    let committed = use_state(|| false);
    let file = use_state(|| None::<FileState>);
    let seq = use_mut_ref(|| 0u32);
    let Some(store) = store else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);

    // Reads the first file and checks it; a later choice wins over one still being read.
    let load = {
        let (file, seq) = (file.clone(), seq.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            let Some(f) = files.into_iter().next() else {
                return;
            };
            let n = {
                let mut s = seq.borrow_mut();
                *s = s.wrapping_add(1);
                *s
            };
            let name = f.name();
            let size = f.size();
            if size > MAX_DOCUMENT_BYTES as f64 {
                file.set(Some(FileState::too_large(name, size as usize)));
                return;
            }
            file.set(Some(FileState::Reading { name: name.clone() }));
            let (file, seq) = (file.clone(), seq.clone());
            yew::platform::spawn_local(async move {
                let read = gloo::file::futures::read_as_bytes(&gloo::file::File::from(f)).await;
                if *seq.borrow() != n {
                    return;
                }
                file.set(Some(match read {
                    Ok(bytes) => FileState::from_bytes(name, &bytes),
                    Err(_) => FileState::Unreadable { name },
                }));
            });
        })
    };
    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let oninput = {
        let (expected, committed) = (expected.clone(), committed.clone());
        Callback::from(move |e: InputEvent| {
            expected.set(crate::components::fields::event_value(&e));
            committed.set(false);
        })
    };
    let onchange = {
        let committed = committed.clone();
        Callback::from(move |_: Event| committed.set(true))
    };
    let picker = use_file_picker(load.clone());
    let drop = use_drop_zone(load.clone());

    let result = verdict(&expected, (*file).as_ref());
    // A bad fingerprint is shown once committed or once there is a file to check.
    let result =
        result.filter(|v| !matches!(v, Verdict::BadFingerprint(_)) || *committed || file.is_some());
    let invalid = matches!(result, Some(Verdict::BadFingerprint(_)));
    let normalised = Fingerprint::parse(&expected).ok();
    let class = classes!("verify-screen", drop.dragging.then_some("dragging"));
    let DropZone {
        ondragover,
        ondragleave,
        ondrop,
        ..
    } = drop;
    let colon = texts(lang).typo.colon;

    let file_info = match &*file {
        None => html! {},
        Some(FileState::Reading { name }) => html! {
            <p data-testid="verify-file-info">{ format!("{name} — {}", t.verify.reading) }</p>
        },
        Some(FileState::Unreadable { name }) => html! {
            <p data-testid="verify-file-info">{ format!("{}{colon} {name}", t.verify.file_name) }</p>
        },
        Some(FileState::Loaded { name, sha, content }) => {
            let expected = normalised.as_ref().map(Fingerprint::as_str);
            html! {
                <dl class="verify-values" data-testid="verify-file-info">
                    <dt>{ t.verify.file_name }</dt>
                    <dd>{ name.clone() }</dd>
                    if let Some(e) = expected {
                        <>
                            <dt>{ t.verify.expected_value }</dt>
                            <dd class="hex" data-testid="verify-expected-value" data-value={e.to_owned()}>{ grouped(e) }</dd>
                        </>
                    }
                    if let Some(sha) = sha {
                        <>
                            <dt>{ t.verify.file_sha }</dt>
                            <dd class="hex" data-testid="verify-file-sha" data-value={sha.to_string()}>{ marked(sha.as_str(), expected) }</dd>
                        </>
                    }
                    if let Ok(list) = content {
                        { for list.iter().filter(|f| sha.as_ref() != Some(&f.fingerprint)).map(|f| html! {
                            <>
                                <dt>{ format!("{} — {}", t.verify.assessment_fp, crate::components::user_text::isolate(&f.assessment.display_name().unwrap_or_else(|| t.workspace.untitled.to_owned()))) }</dt>
                                <dd class="hex" data-testid="verify-assessment-fp" data-value={f.fingerprint.to_string()}>{ marked(f.fingerprint.as_str(), expected) }</dd>
                            </>
                        }) }
                    }
                </dl>
            }
        }
    };

    let result_html = match &result {
        None => {
            let waiting = match (&*file, normalised.is_some()) {
                (None, true) => Some(t.verify.waiting_file),
                (Some(FileState::Loaded { .. }), false) => Some(t.verify.waiting_fingerprint),
                _ => None,
            };
            html! { if let Some(w) = waiting { <p class="muted" data-testid="verify-waiting">{ w }</p> } }
        }
        Some(v) => {
            let (mark, head, detail) = match v {
                Verdict::Match => ("✓", t.verify.matched.to_owned(), html! {}),
                Verdict::ContentMatch { index, of } => {
                    let name = match &*file {
                        Some(FileState::Loaded {
                            content: Ok(list), ..
                        }) => list
                            .get(*index)
                            .and_then(|f| f.assessment.display_name())
                            .unwrap_or_else(|| t.workspace.untitled.to_owned()),
                        _ => t.workspace.untitled.to_owned(),
                    };
                    let detail = if *of > 1 {
                        html! { <p>{ format!("{} {} ({}/{of})", t.verify.content_matched_in, crate::components::user_text::isolate(&name), index + 1) }</p> }
                    } else {
                        html! {}
                    };
                    ("✓", t.verify.content_matched.to_owned(), detail)
                }
                Verdict::Mismatch => ("✗", t.verify.mismatch.to_owned(), html! {}),
                Verdict::NotSovcheck(e) => ("✗", t.not_sovcheck(e), html! {}),
                Verdict::ReportNotAssessment { kind } => (
                    "✗",
                    match kind {
                        ReportKind::Pdf => t.verify.report_pdf,
                        ReportKind::Html => t.verify.report_html,
                    }
                    .to_owned(),
                    html! {},
                ),
                Verdict::BadFingerprint(e) => (
                    "✗",
                    format!("{} {}", t.verify.bad_fingerprint, t.fingerprint_error(*e)),
                    html! {},
                ),
                Verdict::Unreadable => ("✗", t.import.read_error.to_owned(), html! {}),
            };
            let class = classes!(
                "panel",
                "verify-result",
                if v.is_match() { "ok" } else { "bad" }
            );
            html! {
                <div {class} id="verify-result" data-testid="verify-result" data-match={v.is_match().to_string()} data-kind={v.kind()}>
                    <p><strong><span aria-hidden="true">{ mark }{ " " }</span>{ head }</strong></p>
                    { detail }
                </div>
            }
        }
    };

    html! {
        <section {class} data-testid="verify" {ondragover} {ondragleave} {ondrop}>
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.verify.title }</h1>
            <p>{ t.verify.intro }</p>
            <div class="actions">
                <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button>
            </div>
            <div class="field verify-field">
                <label for="verify-expected">{ t.verify.expected_label }</label>
                <input id="verify-expected" type="text" class="hex" data-testid="verify-expected"
                    value={(*expected).clone()} {oninput} {onchange}
                    autocomplete="off" spellcheck="false" autocapitalize="off"
                    aria-invalid={invalid.to_string()} aria-describedby={if invalid { "verify-expected-help verify-result" } else { "verify-expected-help" }} />
                <p id="verify-expected-help" class="muted">{ t.verify.expected_help }</p>
            </div>
            <h2>{ t.verify.file_title }</h2>
            <div class="actions">
                <button type="button" data-testid="verify-pick" onclick={picker.pick}>{ t.verify.pick }</button>
                <span class="muted">{ t.verify.drop_hint }</span>
                <input type="file" hidden=true ref={picker.input} data-testid="verify-file" onchange={picker.onchange} />
            </div>
            { file_info }
            <div role="status" class="verify-status">{ result_html }</div>
        </section>
    }
}
