//! Checking a file against a printed integrity fingerprint.
//!
//! The report prints the SHA-256 of the exported file (the assessment's fingerprint). Here
//! the user types or pastes that value and chooses or drops a file; the file is read in the
//! browser and compared: first its raw bytes (the exported file, unchanged), then the
//! canonical re-export of each assessment it holds (the same assessment in a re-saved or
//! re-formatted file). Nothing is stored: this screen never changes the workspace. The check
//! itself is the engine's (`sovcheck_core::verify`); this module holds its words and view.

use crate::app::Store;
use crate::components::dropzone::{use_drop_zone, use_file_picker, DropZone};
use crate::i18n::texts as app_texts;
use crate::state::{display_name, Action};
use crate::views::start::ScreenProps;
use sovcheck_core::format::MAX_DOCUMENT_BYTES;
use sovcheck_core::verify::{
    grouped, verdict, FileState, Fingerprint, FingerprintError, ReportKind, Verdict,
};
use sovcheck_core::Lang;
use yew::prelude::*;

/// The verify screen's own words, one field each.
pub struct VerifyTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub expected_label: &'static str,
    pub expected_help: &'static str,
    pub file_title: &'static str,
    pub pick: &'static str,
    pub drop_hint: &'static str,
    pub file_name: &'static str,
    pub file_sha: &'static str,
    pub assessment_fp: &'static str,
    pub expected_value: &'static str,
    pub matched: &'static str,
    pub content_matched: &'static str,
    pub content_matched_in: &'static str,
    pub mismatch: &'static str,
    pub not_sovcheck: &'static str,
    pub report_pdf: &'static str,
    pub report_html: &'static str,
    pub bad_fingerprint: &'static str,
    pub waiting_file: &'static str,
    pub waiting_fingerprint: &'static str,
    pub reading: &'static str,
}

/// English.
pub const EN: VerifyTexts = VerifyTexts {
    title: "Check a fingerprint",
    intro: "The report prints the SHA-256 fingerprint of the exported assessment file. Type or paste that fingerprint, then choose the file: sovcheck tells you whether it is exactly the file that was fingerprinted. The file is read in this browser only; nothing is stored or sent.",
    expected_label: "Printed fingerprint (SHA-256)",
    expected_help: "64 characters, 0-9 and a-f, as printed in the report. Spaces and capital letters are ignored.",
    file_title: "File to check",
    pick: "Choose the file…",
    drop_hint: "or drop it on this section.",
    file_name: "File",
    file_sha: "SHA-256 of this file",
    assessment_fp: "Fingerprint of the assessment",
    expected_value: "Printed fingerprint",
    matched: "Match: this is exactly the file whose fingerprint was printed.",
    content_matched: "The content matches, but the file was re-saved or re-formatted: its bytes differ from the exported file, yet the assessment it holds is exactly the one that was fingerprinted.",
    content_matched_in: "The matching assessment:",
    mismatch: "No match: this file is not the one whose fingerprint was printed, or it was changed after the export.",
    not_sovcheck: "No match, and this file is not a sovcheck document:",
    report_pdf: "This is a PDF, not an assessment file. The fingerprint printed in the report is that of the exported assessment (.json): check that file.",
    report_html: "This is an HTML page, not an assessment file. The fingerprint printed in the report is that of the exported assessment (.json): check that file.",
    bad_fingerprint: "This is not a valid fingerprint:",
    waiting_file: "Now choose the file to check.",
    waiting_fingerprint: "Now type or paste the printed fingerprint to compare.",
    reading: "Reading the file…",
};

/// French.
pub const FR: VerifyTexts = VerifyTexts {
    title: "Vérifier une empreinte",
    intro: "Le rapport imprime l'empreinte SHA-256 du fichier d'évaluation exporté. Saisissez ou collez cette empreinte, puis choisissez le fichier : sovcheck vous dit s'il s'agit exactement du fichier dont l'empreinte a été calculée. Le fichier est lu dans ce navigateur uniquement ; rien n'est enregistré ni envoyé.",
    expected_label: "Empreinte imprimée (SHA-256)",
    expected_help: "64 caractères, de 0 à 9 et de a à f, tels qu'imprimés dans le rapport. Les espaces et les majuscules sont ignorés.",
    file_title: "Fichier à vérifier",
    pick: "Choisir le fichier…",
    drop_hint: "ou déposez-le sur cette section.",
    file_name: "Fichier",
    file_sha: "SHA-256 de ce fichier",
    assessment_fp: "Empreinte de l'évaluation",
    expected_value: "Empreinte imprimée",
    matched: "Concordance : c'est exactement le fichier dont l'empreinte a été imprimée.",
    content_matched: "Le contenu concorde, mais le fichier a été réenregistré ou reformaté : ses octets diffèrent du fichier exporté, mais l'évaluation qu'il contient est exactement celle dont l'empreinte a été calculée.",
    content_matched_in: "L'évaluation concordante :",
    mismatch: "Pas de concordance : ce fichier n'est pas celui dont l'empreinte a été imprimée, ou il a été modifié après l'export.",
    not_sovcheck: "Pas de concordance, et ce fichier n'est pas un document sovcheck :",
    report_pdf: "C'est un PDF, pas un fichier d'évaluation. L'empreinte imprimée dans le rapport est celle de l'évaluation exportée (.json) : vérifiez ce fichier.",
    report_html: "C'est une page HTML, pas un fichier d'évaluation. L'empreinte imprimée dans le rapport est celle de l'évaluation exportée (.json) : vérifiez ce fichier.",
    bad_fingerprint: "Ce n'est pas une empreinte valide :",
    waiting_file: "Choisissez maintenant le fichier à vérifier.",
    waiting_fingerprint: "Saisissez ou collez maintenant l'empreinte imprimée pour comparer.",
    reading: "Lecture du fichier…",
};

/// The verify screen's texts for a language.
pub fn texts(lang: Lang) -> &'static VerifyTexts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// Why a typed fingerprint is not one, in words, in `lang`.
pub fn fingerprint_error_message(e: FingerprintError, lang: Lang) -> String {
    match e {
        FingerprintError::Empty => lang.pick(
            "nothing was typed.".to_owned(),
            "rien n'a été saisi.".to_owned(),
        ),
        FingerprintError::NotHex(c) => lang.pick(
            format!("“{c}” is not a hexadecimal character (0-9, a-f)."),
            format!("« {c} » n'est pas un caractère hexadécimal (0-9, a-f)."),
        ),
        FingerprintError::Length(n) => lang.pick(
            format!("a fingerprint has 64 characters; this one has {n}."),
            format!("une empreinte compte 64 caractères ; celle-ci en compte {n}."),
        ),
    }
}

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
    let (t, vt) = (app_texts(lang), texts(lang));

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
    let colon = lang.pick(":", " :");

    let file_info = match &*file {
        None => html! {},
        Some(FileState::Reading { name }) => html! {
            <p data-testid="verify-file-info">{ format!("{name} — {}", vt.reading) }</p>
        },
        Some(FileState::Unreadable { name }) => html! {
            <p data-testid="verify-file-info">{ format!("{}{colon} {name}", vt.file_name) }</p>
        },
        Some(FileState::Loaded { name, sha, content }) => {
            let expected = normalised.as_ref().map(Fingerprint::as_str);
            html! {
                <dl class="verify-values" data-testid="verify-file-info">
                    <dt>{ vt.file_name }</dt>
                    <dd>{ name.clone() }</dd>
                    if let Some(e) = expected {
                        <>
                            <dt>{ vt.expected_value }</dt>
                            <dd class="hex" data-testid="verify-expected-value" data-value={e.to_owned()}>{ grouped(e) }</dd>
                        </>
                    }
                    if let Some(sha) = sha {
                        <>
                            <dt>{ vt.file_sha }</dt>
                            <dd class="hex" data-testid="verify-file-sha" data-value={sha.to_string()}>{ marked(sha.as_str(), expected) }</dd>
                        </>
                    }
                    if let Ok(list) = content {
                        { for list.iter().filter(|f| sha.as_ref() != Some(&f.fingerprint)).map(|f| html! {
                            <>
                                <dt>{ format!("{} — {}", vt.assessment_fp, display_name(&f.assessment).unwrap_or_else(|| t.untitled.to_owned())) }</dt>
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
                (None, true) => Some(vt.waiting_file),
                (Some(FileState::Loaded { .. }), false) => Some(vt.waiting_fingerprint),
                _ => None,
            };
            html! { if let Some(w) = waiting { <p class="muted" data-testid="verify-waiting">{ w }</p> } }
        }
        Some(v) => {
            let (mark, head, detail) = match v {
                Verdict::Match => ("✓", vt.matched.to_owned(), html! {}),
                Verdict::ContentMatch { index, of } => {
                    let name = match &*file {
                        Some(FileState::Loaded {
                            content: Ok(list), ..
                        }) => list
                            .get(*index)
                            .and_then(|f| display_name(&f.assessment))
                            .unwrap_or_else(|| t.untitled.to_owned()),
                        _ => t.untitled.to_owned(),
                    };
                    let detail = if *of > 1 {
                        html! { <p>{ format!("{} {name} ({}/{of})", vt.content_matched_in, index + 1) }</p> }
                    } else {
                        html! {}
                    };
                    ("✓", vt.content_matched.to_owned(), detail)
                }
                Verdict::Mismatch => ("✗", vt.mismatch.to_owned(), html! {}),
                Verdict::NotSovcheck(e) => (
                    "✗",
                    format!("{} {}", vt.not_sovcheck, e.message(lang)),
                    html! {},
                ),
                Verdict::ReportNotAssessment { kind } => (
                    "✗",
                    match kind {
                        ReportKind::Pdf => vt.report_pdf,
                        ReportKind::Html => vt.report_html,
                    }
                    .to_owned(),
                    html! {},
                ),
                Verdict::BadFingerprint(e) => (
                    "✗",
                    format!(
                        "{} {}",
                        vt.bad_fingerprint,
                        fingerprint_error_message(*e, lang)
                    ),
                    html! {},
                ),
                Verdict::Unreadable => ("✗", t.import_read_error.to_owned(), html! {}),
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
            <h1 ref={p.heading.clone()} tabindex="-1">{ vt.title }</h1>
            <p>{ vt.intro }</p>
            <div class="actions">
                <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.back }</button>
            </div>
            <div class="field verify-field">
                <label for="verify-expected">{ vt.expected_label }</label>
                <input id="verify-expected" type="text" class="hex" data-testid="verify-expected"
                    value={(*expected).clone()} {oninput} {onchange}
                    autocomplete="off" spellcheck="false" autocapitalize="off"
                    aria-invalid={invalid.to_string()} aria-describedby={if invalid { "verify-expected-help verify-result" } else { "verify-expected-help" }} />
                <p id="verify-expected-help" class="muted">{ vt.expected_help }</p>
            </div>
            <h2>{ vt.file_title }</h2>
            <div class="actions">
                <button type="button" data-testid="verify-pick" onclick={picker.pick}>{ vt.pick }</button>
                <span class="muted">{ vt.drop_hint }</span>
                <input type="file" hidden=true ref={picker.input} data-testid="verify-file" onchange={picker.onchange} />
            </div>
            { file_info }
            <div role="status" class="verify-status">{ result_html }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    // The check itself is tested natively in the engine (crates/sovcheck-core/tests/verify.rs).
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn fingerprint_errors_read_in_both_languages() {
        assert_eq!(
            fingerprint_error_message(FingerprintError::Length(6), Lang::Fr),
            "une empreinte compte 64 caractères ; celle-ci en compte 6."
        );
        assert_eq!(
            fingerprint_error_message(FingerprintError::NotHex('g'), Lang::En),
            "“g” is not a hexadecimal character (0-9, a-f)."
        );
        assert_eq!(
            fingerprint_error_message(FingerprintError::Empty, Lang::En),
            "nothing was typed."
        );
    }

    #[test]
    fn a_report_gets_its_own_sentence_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            let vt = texts(lang);
            assert!(vt.report_pdf.contains("PDF") && vt.report_pdf.contains(".json"));
            assert!(vt.report_html.contains("HTML") && vt.report_html.contains(".json"));
        }
    }
}
