//! The respondent's side of local storage: a questionnaire being answered in this browser
//! is kept under `sovcheck.v1.q.<questionnaire id>` (the questionnaire file as received) and
//! the response in progress under `sovcheck.v1.r.<questionnaire id>` (a response document),
//! both in the exchange format, so that closing the tab loses nothing. The respondent never
//! gets the assessment itself: only what the questionnaire carries. "Wipe all local data"
//! removes these keys with every other `sovcheck.` key.

use crate::state::{sorted_by, Answering};
use sovcheck_core::format::{self, Document};
use sovcheck_core::questionnaire::{Questionnaire, Response};

/// Prefix of the key of a questionnaire received: `sovcheck.v1.q.<id>`.
pub const QUESTIONNAIRE_PREFIX: &str = "sovcheck.v1.q.";
/// Prefix of the key of a response in progress: `sovcheck.v1.r.<questionnaire id>`.
pub const RESPONSE_PREFIX: &str = "sovcheck.v1.r.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Stores the questionnaire and the response in progress; `false` when storage refused.
pub fn save(a: &Answering) -> bool {
    let Some(store) = storage() else { return false };
    let id = &a.questionnaire.id;
    let q = store.set_item(
        &format!("{QUESTIONNAIRE_PREFIX}{id}"),
        &format::export_questionnaire(&a.questionnaire),
    );
    let r = store.set_item(
        &format!("{RESPONSE_PREFIX}{id}"),
        &format::export_response(&a.response),
    );
    q.is_ok() && r.is_ok()
}

fn read(store: &web_sys::Storage, key: &str) -> Option<Document> {
    let raw = store.get_item(key).ok().flatten()?;
    format::parse_document(raw.as_bytes()).ok()
}

/// The response in progress stored for questionnaire `id`, if any.
pub fn stored_response(id: &str) -> Option<Response> {
    match read(&storage()?, &format!("{RESPONSE_PREFIX}{id}"))? {
        Document::Response(r) => Some(*r),
        _ => None,
    }
}

/// Every questionnaire stored, with its response in progress, by key. An entry that
/// cannot be read is left where it is, untouched.
pub fn list() -> Vec<(Questionnaire, Option<Response>)> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let n = store.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(QUESTIONNAIRE_PREFIX))
        .collect();
    sorted_by(keys, Ord::cmp)
        .into_iter()
        .filter_map(|k| match read(&store, &k)? {
            Document::Questionnaire(q) => {
                let r = stored_response(&q.id);
                Some((*q, r))
            }
            _ => None,
        })
        .collect()
}

/// Forgets questionnaire `id` and its response in progress.
pub fn forget(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{QUESTIONNAIRE_PREFIX}{id}"));
        let _ = store.remove_item(&format!("{RESPONSE_PREFIX}{id}"));
    }
}
