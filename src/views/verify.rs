//! Checking a file against a printed integrity fingerprint.
//!
//! The report prints the SHA-256 of the exported file (the assessment's fingerprint). Here
//! the user types or pastes that value and chooses or drops a file; the file is read in the
//! browser and compared: first its raw bytes (the exported file, unchanged), then the
//! canonical re-export of each assessment it holds (the same assessment in a re-saved or
//! re-formatted file). Nothing is stored: this screen never changes the workspace.

use crate::app::Store;
use crate::components::dropzone::{use_drop_zone, use_file_picker, DropZone};
use crate::state::Action;
use crate::views::start::ScreenProps;
use sovcheck_core::export::{fingerprint, sha256_hex};
use sovcheck_core::format::{parse_document, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_text::{fill, texts, Catalog};
use yew::prelude::*;

/// Why a typed fingerprint is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FingerprintError {
    /// Nothing but spaces.
    Empty,
    /// A character other than 0-9, a-f (either case) or white space.
    NotHex(char),
    /// Not 64 hexadecimal characters; the count found.
    Length(usize),
}

impl FingerprintError {
    /// The error in words.
    pub fn message(&self, t: &Catalog) -> String {
        match *self {
            FingerprintError::Empty => t.errors.fingerprint_empty.to_owned(),
            FingerprintError::NotHex(c) => fill(t.errors.fingerprint_not_hex, &[("char", &c)]),
            FingerprintError::Length(n) => fill(t.errors.fingerprint_length, &[("n", &n)]),
        }
    }
}

/// A typed or pasted fingerprint as the engine writes it: white space removed, lower case,
/// exactly 64 hexadecimal characters.
pub fn normalise(input: &str) -> Result<String, FingerprintError> {
    let mut out = String::with_capacity(64);
    for c in input.chars().filter(|c| !c.is_whitespace()) {
        if !c.is_ascii_hexdigit() {
            return Err(FingerprintError::NotHex(c));
        }
        out.push(c.to_ascii_lowercase());
    }
    match out.len() {
        0 => Err(FingerprintError::Empty),
        64 => Ok(out),
        n => Err(FingerprintError::Length(n)),
    }
}

/// One assessment found in the file: its name and the fingerprint of its canonical export.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub name: Option<String>,
    pub fingerprint: String,
}

/// A file as read.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    /// Being read.
    Reading { name: String },
    /// The browser could not read it.
    Unreadable { name: String },
    /// Read (or refused for its size, then `sha` is `None`).
    Loaded {
        name: String,
        /// SHA-256 of the raw bytes.
        sha: Option<String>,
        /// The assessments it holds, or why it is not a sovcheck document.
        content: Result<Vec<Found>, FormatError>,
    },
}

impl FileState {
    /// A file's state from its bytes.
    pub fn from_bytes(name: String, bytes: &[u8]) -> FileState {
        let content = parse_document(bytes).map(|doc| {
            doc.into_assessments()
                .iter()
                .map(|a| Found {
                    name: a.display_name(),
                    fingerprint: fingerprint(a),
                })
                .collect()
        });
        FileState::Loaded {
            name,
            sha: Some(sha256_hex(bytes)),
            content,
        }
    }

    /// A file refused before reading, for its size.
    pub fn too_large(name: String, size: usize) -> FileState {
        FileState::Loaded {
            name,
            sha: None,
            content: Err(FormatError {
                path: String::new(),
                problem: Problem::TooLarge { size },
            }),
        }
    }
}

/// The outcome of a check.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The file's bytes have the printed SHA-256: the exported file, unchanged.
    Match,
    /// The bytes differ, but the assessment at `index` (of `of` in the file) re-exports to
    /// the printed fingerprint: the same assessment in a re-saved or re-formatted file.
    ContentMatch { index: usize, of: usize },
    /// Neither the bytes nor any assessment in the file match.
    Mismatch,
    /// The bytes do not match and the file is not a sovcheck document.
    NotSovcheck(FormatError),
    /// What was typed is not a fingerprint.
    BadFingerprint(FingerprintError),
    /// The browser could not read the file.
    Unreadable,
}

impl Verdict {
    /// Whether the file holds what was fingerprinted (exactly, or re-saved).
    pub fn is_match(&self) -> bool {
        matches!(self, Verdict::Match | Verdict::ContentMatch { .. })
    }

    /// A stable word for tests and styles.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Match => "bytes",
            Verdict::ContentMatch { .. } => "content",
            Verdict::Mismatch => "mismatch",
            Verdict::NotSovcheck(_) => "not-sovcheck",
            Verdict::BadFingerprint(_) => "bad-fingerprint",
            Verdict::Unreadable => "unreadable",
        }
    }
}

/// The check of `file` against what was typed; `None` while something is missing. An
/// invalid fingerprint is reported only once it is not empty.
pub fn verdict(expected: &str, file: Option<&FileState>) -> Option<Verdict> {
    let expected = if expected.trim().is_empty() {
        None
    } else {
        match normalise(expected) {
            Ok(e) => Some(e),
            Err(e) => return Some(Verdict::BadFingerprint(e)),
        }
    };
    match file? {
        FileState::Reading { .. } => None,
        FileState::Unreadable { .. } => Some(Verdict::Unreadable),
        FileState::Loaded { sha, content, .. } => {
            let Some(expected) = expected else {
                // Without a fingerprint only a broken file is worth an answer.
                return content
                    .as_ref()
                    .err()
                    .map(|e| Verdict::NotSovcheck(e.clone()));
            };
            if sha.as_deref() == Some(expected.as_str()) {
                return Some(Verdict::Match);
            }
            Some(match content {
                Err(e) => Verdict::NotSovcheck(e.clone()),
                Ok(list) => match list.iter().position(|f| f.fingerprint == expected) {
                    Some(index) => Verdict::ContentMatch {
                        index,
                        of: list.len(),
                    },
                    None => Verdict::Mismatch,
                },
            })
        }
    }
}

/// A fingerprint for people: groups of eight, so that it reads like the printed one.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
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
    let normalised = normalise(&expected).ok();
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
            let expected = normalised.as_deref();
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
                            <dd class="hex" data-testid="verify-file-sha" data-value={sha.clone()}>{ marked(sha, expected) }</dd>
                        </>
                    }
                    if let Ok(list) = content {
                        { for list.iter().filter(|f| sha.as_deref() != Some(f.fingerprint.as_str())).map(|f| html! {
                            <>
                                <dt>{ format!("{} — {}", t.verify.assessment_fp, f.name.clone().unwrap_or_else(|| t.workspace.untitled.to_owned())) }</dt>
                                <dd class="hex" data-testid="verify-assessment-fp" data-value={f.fingerprint.clone()}>{ marked(&f.fingerprint, expected) }</dd>
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
                            .and_then(|f| f.name.clone())
                            .unwrap_or_else(|| t.workspace.untitled.to_owned()),
                        _ => t.workspace.untitled.to_owned(),
                    };
                    let detail = if *of > 1 {
                        html! { <p>{ format!("{} {name} ({}/{of})", t.verify.content_matched_in, index + 1) }</p> }
                    } else {
                        html! {}
                    };
                    ("✓", t.verify.content_matched.to_owned(), detail)
                }
                Verdict::Mismatch => ("✗", t.verify.mismatch.to_owned(), html! {}),
                Verdict::NotSovcheck(e) => (
                    "✗",
                    format!("{} {}", t.verify.not_sovcheck, t.format_error(e)),
                    html! {},
                ),
                Verdict::BadFingerprint(e) => (
                    "✗",
                    format!("{} {}", t.verify.bad_fingerprint, e.message(t)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use sovcheck_core::format::export_assessment;
    use sovcheck_core::Assessment;

    const EMPTY_SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn sample() -> Assessment {
        let mut a = Assessment {
            id: "a-1".to_owned(),
            ..Assessment::default()
        };
        a.meta.provider = "Acme".to_owned();
        a
    }

    #[test]
    fn fingerprints_are_normalised_to_lower_case_without_spaces() {
        let printed = " E3B0C442 98FC1C14 9AFBF4C8 996FB924\n27AE41E4 649B934C A495991B 7852B855 ";
        assert_eq!(normalise(printed).as_deref(), Ok(EMPTY_SHA));
        // Tabs and no-break spaces count as spaces.
        assert_eq!(
            normalise(&format!("\t{}\u{a0}", EMPTY_SHA.to_uppercase())).as_deref(),
            Ok(EMPTY_SHA)
        );
    }

    #[test]
    fn bad_fingerprints_are_rejected_with_the_reason() {
        assert_eq!(normalise("   "), Err(FingerprintError::Empty));
        assert_eq!(normalise("abc 123"), Err(FingerprintError::Length(6)));
        assert_eq!(
            normalise(&format!("{EMPTY_SHA}0")),
            Err(FingerprintError::Length(65))
        );
        let mut g = EMPTY_SHA.to_owned();
        g.replace_range(0..1, "g");
        assert_eq!(normalise(&g), Err(FingerprintError::NotHex('g')));
        assert_eq!(normalise("sha256:e3b0"), Err(FingerprintError::NotHex('s')));
        assert_eq!(
            FingerprintError::Length(6).message(texts(sovcheck_core::Lang::Fr)),
            "une empreinte compte 64 caractères\u{202f}; celle-ci en compte 6."
        );
        assert_eq!(
            FingerprintError::NotHex('g').message(texts(sovcheck_core::Lang::En)),
            "“g” is not a hexadecimal character (0-9, a-f)."
        );
    }

    #[test]
    fn the_exported_bytes_match_and_any_change_does_not() {
        let a = sample();
        let bytes = export_assessment(&a);
        let printed = sha256_hex(bytes.as_bytes()).to_uppercase();
        let file = FileState::from_bytes("a.json".into(), bytes.as_bytes());
        assert_eq!(verdict(&printed, Some(&file)), Some(Verdict::Match));
        // One byte changed in a note-free place: still a sovcheck document, another assessment.
        let changed = bytes.replace("Acme", "Acmf");
        let file = FileState::from_bytes("a.json".into(), changed.as_bytes());
        assert_eq!(verdict(&printed, Some(&file)), Some(Verdict::Mismatch));
    }

    #[test]
    fn a_reformatted_file_with_the_same_assessment_is_a_content_match() {
        let a = sample();
        let bytes = export_assessment(&a);
        let printed = fingerprint(&a);
        let compact = bytes.replace("\n", "").replace("  ", "");
        assert_ne!(compact, bytes);
        let file = FileState::from_bytes("a.json".into(), compact.as_bytes());
        let v = verdict(&printed, Some(&file));
        assert_eq!(v, Some(Verdict::ContentMatch { index: 0, of: 1 }));
        assert!(v.is_some_and(|v| v.is_match()));
        // In a workspace file, the matching assessment is found among several.
        let other = Assessment::default();
        let ws = sovcheck_core::format::export_workspace(&[other, a]);
        let file = FileState::from_bytes("ws.json".into(), ws.as_bytes());
        assert_eq!(
            verdict(&printed, Some(&file)),
            Some(Verdict::ContentMatch { index: 1, of: 2 })
        );
    }

    #[test]
    fn other_outcomes() {
        let file = FileState::from_bytes("x.txt".into(), b"hello");
        // No fingerprint yet: only the broken file is reported.
        assert!(matches!(
            verdict("", Some(&file)),
            Some(Verdict::NotSovcheck(_))
        ));
        assert!(matches!(
            verdict(EMPTY_SHA, Some(&file)),
            Some(Verdict::NotSovcheck(_))
        ));
        // The printed value is the SHA-256 of the bytes, whatever they are.
        let empty = FileState::from_bytes("empty".into(), b"");
        assert_eq!(verdict(EMPTY_SHA, Some(&empty)), Some(Verdict::Match));
        assert_eq!(
            verdict("12zz", None),
            Some(Verdict::BadFingerprint(FingerprintError::NotHex('z')))
        );
        assert_eq!(verdict(EMPTY_SHA, None), None);
        assert_eq!(verdict("", None), None);
        let unreadable = FileState::Unreadable { name: "u".into() };
        assert_eq!(
            verdict(EMPTY_SHA, Some(&unreadable)),
            Some(Verdict::Unreadable)
        );
        let big = FileState::too_large("big".into(), MAX_DOCUMENT_BYTES + 1);
        assert!(matches!(
            verdict(EMPTY_SHA, Some(&big)),
            Some(Verdict::NotSovcheck(_))
        ));
        let good = FileState::from_bytes("a".into(), export_assessment(&sample()).as_bytes());
        assert_eq!(verdict("", Some(&good)), None);
    }

    #[test]
    fn fingerprints_read_in_groups_of_eight() {
        assert_eq!(
            grouped(EMPTY_SHA),
            "e3b0c442 98fc1c14 9afbf4c8 996fb924 27ae41e4 649b934c a495991b 7852b855"
        );
    }
}
