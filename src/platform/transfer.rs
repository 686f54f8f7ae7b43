//! Export and import of assessment files. Export writes the engine's canonical format;
//! import reads files chosen in the picker or dropped on the page, parses them with the
//! engine (all or nothing: one bad file imports nothing) and hands the result to the
//! reducer, which asks before replacing anything.

use crate::platform::download;
use crate::state::Store;
use crate::state::{Action, ExchangeError, ImportError};
use sovcheck_core::format::{self, Document, FormatError, Problem, MAX_DOCUMENT_BYTES};
use sovcheck_core::Assessment;

/// A file name part made of ASCII letters, digits and dashes only.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(40).collect()
}

/// The download name of one assessment: provider, offer and date when known.
pub fn file_name(a: &Assessment) -> String {
    let m = &a.meta;
    let date = m.date.map(|d| d.to_string()).unwrap_or_default();
    let parts: Vec<String> = [slug(&m.provider), slug(&m.offer), date]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        "sovcheck-assessment.json".to_owned()
    } else {
        format!("sovcheck-{}.json", parts.join("-"))
    }
}

/// Downloads one assessment in the exchange format (the bytes the report fingerprints).
pub fn export_one(a: &Assessment) {
    let _ = download::download(
        &file_name(a),
        "application/json",
        &format::export_assessment(a),
    );
}

/// Downloads the whole workspace as one file.
pub fn export_all(list: &[Assessment], today: Option<sovcheck_core::model::Date>) {
    let name = match today {
        Some(d) => format!("sovcheck-workspace-{d}.json"),
        None => "sovcheck-workspace.json".to_owned(),
    };
    let _ = download::download(&name, "application/json", &format::export_workspace(list));
}

/// Downloads the assessments that could not be saved, as one workspace file.
pub fn export_unsaved(list: &[Assessment], today: Option<sovcheck_core::model::Date>) {
    let name = match today {
        Some(d) => format!("sovcheck-not-saved-{d}.json"),
        None => "sovcheck-not-saved.json".to_owned(),
    };
    let _ = download::download(&name, "application/json", &format::export_workspace(list));
}

/// Whether `list` fits in storage as new entries (each under its own key, as the save
/// effect writes it): measured by writing as much and removing it at once. `Err` holds
/// what it needs and what is free, in UTF-16 units. Storage that cannot be used at all is
/// said elsewhere (the app then works in memory): it does not refuse the import.
fn check_room(list: &[Assessment]) -> Result<(), ImportError> {
    use crate::platform::storage;
    if !storage::available() {
        return Ok(());
    }
    let needed: usize = list
        .iter()
        .map(|a| {
            storage::units(&storage::assessment_key(&a.id))
                + storage::units(&format::export_assessment(a))
        })
        .sum();
    if storage::fits(needed) {
        Ok(())
    } else {
        let free = storage::QUOTA_UNITS.saturating_sub(storage::used_units());
        Err(ImportError::TooBigToStore { needed, free })
    }
}

/// The files of a `FileList`, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Decrypts the pending encrypted file with `passphrase`, then imports it.
pub fn decrypt_and_import(
    file: String,
    envelope: crate::platform::encrypted::Envelope,
    passphrase: String,
    store: Store,
) {
    yew::platform::spawn_local(async move {
        match crate::platform::encrypted::decrypt(&envelope, &passphrase).await {
            Ok(bytes) => match format::parse_document(&bytes) {
                // Decrypted and valid: the prompt ends (the next one waiting shows), then
                // the document goes on as any other.
                Ok(doc) => {
                    store.dispatch(Action::AskPassphrase(None));
                    dispatch_documents(vec![(file, doc)], &store);
                }
                Err(e) => store.dispatch(Action::ImportFailed {
                    file,
                    error: ImportError::Format(e),
                }),
            },
            Err(e) => store.dispatch(Action::ImportFailed {
                file,
                error: ImportError::Crypto(e),
            }),
        }
    });
}

/// Encrypts one assessment under `passphrase` and downloads it; `done` gets the outcome.
pub fn export_encrypted(
    a: &Assessment,
    passphrase: String,
    done: yew::Callback<Result<(), crate::platform::encrypted::CryptoError>>,
) {
    let plain = format::export_assessment(a);
    let name = file_name(a).replace(".json", "-encrypted.json");
    yew::platform::spawn_local(async move {
        let out = crate::platform::encrypted::encrypt(&plain, &passphrase).await;
        done.emit(out.map(|text| {
            let _ = download::download(&name, "application/json", &text);
        }));
    });
}

/// Reads and parses `files`, then dispatches one `Import` (every file valid) or one
/// `ImportFailed` (the first file that is not). An encrypted file (alone) asks for its
/// passphrase first. Nothing is changed before the reducer runs.
pub fn import_files(files: Vec<web_sys::File>, store: Store) {
    if files.is_empty() {
        return;
    }
    let several = files.len() > 1;
    yew::platform::spawn_local(async move {
        let mut all = Vec::new();
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > MAX_DOCUMENT_BYTES as f64 {
                let error = ImportError::Format(FormatError {
                    path: String::new(),
                    problem: Problem::TooLarge {
                        size: size as usize,
                    },
                });
                store.dispatch(Action::ImportFailed { file: name, error });
                return;
            }
            let bytes =
                match gloo::file::futures::read_as_bytes(&gloo::file::File::from(file)).await {
                    Ok(b) => b,
                    Err(_) => {
                        store.dispatch(Action::ImportFailed {
                            file: name,
                            error: ImportError::Read,
                        });
                        return;
                    }
                };
            match crate::platform::encrypted::parse_envelope(&bytes) {
                Some(Ok(env)) if !several => {
                    store.dispatch(Action::AskPassphrase(Some((name, env))));
                    return;
                }
                Some(Ok(_)) => {
                    store.dispatch(Action::ImportFailed {
                        file: name,
                        error: ImportError::EncryptedInBatch,
                    });
                    return;
                }
                Some(Err(e)) => {
                    store.dispatch(Action::ImportFailed {
                        file: name,
                        error: ImportError::Crypto(e),
                    });
                    return;
                }
                None => {}
            }
            match format::parse_document(&bytes) {
                Ok(doc) => all.push((name, doc)),
                Err(e) => {
                    store.dispatch(Action::ImportFailed {
                        file: name,
                        error: ImportError::Format(e),
                    });
                    return;
                }
            }
        }
        dispatch_documents(all, &store);
    });
}

/// Hands parsed documents to the reducer by kind: a questionnaire (alone) opens for
/// answering, with the response in progress stored for it; responses (one or several, no
/// other file) go to the landing; assessments and workspaces are imported.
fn dispatch_documents(docs: Vec<(String, Document)>, store: &Store) {
    let kinds = |f: fn(&Document) -> bool| docs.iter().filter(|(_, d)| f(d)).count();
    let questionnaires = kinds(|d| matches!(d, Document::Questionnaire(_)));
    let responses = kinds(|d| matches!(d, Document::Response(_)));
    let mixed = (questionnaires > 0 && docs.len() > 1) || (responses > 0 && responses < docs.len());
    if mixed {
        let file = docs.first().map(|(f, _)| f.clone()).unwrap_or_default();
        store.dispatch(Action::ImportFailed {
            file,
            error: ImportError::Exchange(ExchangeError::Mixed),
        });
    } else if questionnaires == 1 {
        if let Some((_, Document::Questionnaire(q))) = docs.into_iter().next() {
            let response = crate::platform::answering::stored_response(&q.id).map(Box::new);
            store.dispatch(Action::OpenQuestionnaire {
                questionnaire: q,
                response,
            });
        }
    } else if responses > 0 {
        let list = docs
            .into_iter()
            .filter_map(|(f, d)| match d {
                Document::Response(r) => Some((f, *r)),
                _ => None,
            })
            .collect();
        store.dispatch(Action::LandResponses(list));
    } else {
        let names: Vec<&str> = docs.iter().map(|(f, _)| f.as_str()).collect();
        let file = names.join(", ");
        let list = docs
            .into_iter()
            .flat_map(|(_, d)| d.into_assessments())
            .collect();
        dispatch_import(file, list, store);
    }
}

/// Encrypts `plain` (an exchange document) under `passphrase` and downloads it as `name`;
/// `done` gets the outcome.
pub fn download_encrypted(
    name: String,
    plain: String,
    passphrase: String,
    done: yew::Callback<Result<(), crate::platform::encrypted::CryptoError>>,
) {
    yew::platform::spawn_local(async move {
        let out = crate::platform::encrypted::encrypt(&plain, &passphrase).await;
        done.emit(out.map(|text| {
            let _ = download::download(&name, "application/json", &text);
        }));
    });
}

/// The download name of a questionnaire: its respondent and id.
pub fn questionnaire_file_name(q: &sovcheck_core::questionnaire::Questionnaire) -> String {
    let who = slug(&q.respondent.name);
    let who = if who.is_empty() { slug(&q.id) } else { who };
    format!("sovcheck-questionnaire-{who}.json")
}

/// The download name of a response: its respondent, else its questionnaire.
pub fn response_file_name(r: &sovcheck_core::questionnaire::Response) -> String {
    let who = slug(&r.respondent.name);
    let who = if who.is_empty() {
        slug(&r.questionnaire)
    } else {
        who
    };
    format!("sovcheck-response-{who}.json")
}

/// Hands parsed assessments to the reducer, with a clock seed for the ids it must make;
/// refuses them first if storage has no room for them (nothing is claimed imported that
/// would be lost at the next reload).
fn dispatch_import(file: String, list: Vec<Assessment>, store: &Store) {
    if let Err(error) = check_room(&list) {
        store.dispatch(Action::ImportFailed { file, error });
        return;
    }
    let seed = format!("i-{}", js_sys::Date::now() as u64);
    store.dispatch(Action::Import { list, seed });
}

#[cfg(test)]
mod tests {
    use super::*;
    use sovcheck_core::model::Date;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Exemple Cloud « SAS »"), "exemple-cloud-sas");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("☁️"), "");
    }

    #[test]
    fn file_names_use_provider_offer_and_date() {
        let mut a = Assessment::default();
        assert_eq!(file_name(&a), "sovcheck-assessment.json");
        a.meta.provider = "Acme Cloud".into();
        a.meta.offer = "IaaS".into();
        a.meta.date = Date::new(2026, 11, 22);
        assert_eq!(file_name(&a), "sovcheck-acme-cloud-iaas-2026-11-22.json");
    }
}
