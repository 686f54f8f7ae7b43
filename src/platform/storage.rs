//! Local storage: the only place sovcheck keeps anything. Each assessment is stored under
//! its own key in the exchange format (so a stored assessment and an exported file are the
//! same bytes, and one damaged entry cannot take the others with it); unreadable or newer
//! data is moved aside under another key, never wiped.

use crate::state::{sorted_by, StorageNotice};
use sovcheck_core::format::{self, Problem};
use sovcheck_core::{Assessment, Lang};
use std::collections::BTreeMap;

/// Prefix of the key of each assessment: `sovcheck.v1.a.<id>`.
pub const ASSESSMENT_PREFIX: &str = "sovcheck.v1.a.";
/// The single-assessment key of the first development versions; read once and migrated.
pub const LEGACY_ASSESSMENT_KEY: &str = "sovcheck.v1.assessment";
/// UI preferences: language, the open assessment and the position in the walk.
pub const UI_KEY: &str = "sovcheck.v1.ui";
/// Prefix of the keys under which unreadable data is kept.
pub const KEPT_PREFIX: &str = "sovcheck.v1.kept.";
/// What every sovcheck key starts with (the wipe removes exactly these).
pub const ALL_PREFIX: &str = "sovcheck.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found in storage at start-up.
#[derive(Default)]
pub struct Loaded {
    /// Every readable assessment, in key order.
    pub workspace: Vec<Assessment>,
    pub lang: Option<Lang>,
    /// The id of the assessment that was open.
    pub open: Option<String>,
    pub step: Option<usize>,
    pub notice: Option<StorageNotice>,
}

/// The keys that start with `prefix`, sorted.
fn keys_with(store: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let n = store.length().unwrap_or(0);
    let out: Vec<String> = (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    sorted_by(out, Ord::cmp)
}

/// Moves an unreadable value aside and says so; the original key is freed only once the
/// copy is safely written.
fn keep_aside(
    store: &web_sys::Storage,
    key: &str,
    raw: String,
    problem: &Problem,
    now_ms: f64,
) -> StorageNotice {
    let mut stamp = now_ms as u64;
    let mut kept_key = format!("{KEPT_PREFIX}{stamp}");
    while store.get_item(&kept_key).ok().flatten().is_some() {
        stamp += 1;
        kept_key = format!("{KEPT_PREFIX}{stamp}");
    }
    let kept = store.set_item(&kept_key, &raw).is_ok();
    if kept {
        let _ = store.remove_item(key);
    }
    let key = if kept { kept_key } else { key.to_owned() };
    match problem {
        Problem::NewerVersion(_) => StorageNotice::Newer { key, raw },
        _ => StorageNotice::Corrupt { key, raw },
    }
}

/// Reads the stored state, moving unreadable data aside.
pub fn load(now_ms: f64) -> Loaded {
    let mut out = Loaded::default();
    let Some(store) = storage() else {
        out.notice = Some(StorageNotice::Unavailable);
        return out;
    };
    if let Ok(Some(ui)) = store.get_item(UI_KEY) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&ui) {
            out.lang = v.get("lang").and_then(|l| l.as_str()).and_then(Lang::parse);
            out.open = v.get("open").and_then(|o| o.as_str()).map(str::to_owned);
            out.step = v
                .get("step")
                .and_then(|s| s.as_u64())
                .and_then(|s| usize::try_from(s).ok());
        }
    }
    let mut keys = keys_with(&store, ASSESSMENT_PREFIX);
    if store
        .get_item(LEGACY_ASSESSMENT_KEY)
        .ok()
        .flatten()
        .is_some()
    {
        keys.push(LEGACY_ASSESSMENT_KEY.to_owned());
    }
    for key in keys {
        let Ok(Some(raw)) = store.get_item(&key) else {
            continue;
        };
        match format::parse_document(raw.as_bytes()) {
            Ok(doc) => {
                let from_key = key.strip_prefix(ASSESSMENT_PREFIX);
                for mut a in doc.into_assessments() {
                    if let Some(id) = from_key {
                        a.id = id.to_owned();
                    }
                    if a.id.is_empty() || out.workspace.iter().any(|b| b.id == a.id) {
                        a.id = format!("a-{}-{}", now_ms as u64, out.workspace.len());
                    }
                    if from_key.is_none() {
                        // Migrate the legacy single key: write the new key, then drop the old.
                        if store
                            .set_item(
                                &format!("{ASSESSMENT_PREFIX}{}", a.id),
                                &format::export_assessment(&a),
                            )
                            .is_ok()
                        {
                            let _ = store.remove_item(&key);
                        }
                        out.open.get_or_insert_with(|| a.id.clone());
                    }
                    out.workspace.push(a);
                }
            }
            Err(e) => {
                let notice = keep_aside(&store, &key, raw, &e.problem, now_ms);
                out.notice.get_or_insert(notice);
            }
        }
    }
    out
}

/// Writes the workspace: every assessment that differs from `saved` is written under its
/// key, and the key of every assessment of `saved` no longer present is removed. `saved` is updated with
/// what was written. Returns `false` when storage refused a write (full or unavailable).
pub fn sync(workspace: &[Assessment], saved: &mut BTreeMap<String, Assessment>) -> bool {
    let Some(store) = storage() else {
        return false;
    };
    let mut ok = true;
    for a in workspace {
        if saved.get(&a.id) == Some(a) {
            continue;
        }
        let key = format!("{ASSESSMENT_PREFIX}{}", a.id);
        if store.set_item(&key, &format::export_assessment(a)).is_ok() {
            saved.insert(a.id.clone(), a.clone());
        } else {
            ok = false;
        }
    }
    // Only keys this session loaded or wrote are removed: a key that could not be read (and
    // could not be moved aside) is never in `saved`, so it is never deleted here.
    let gone: Vec<String> = saved
        .keys()
        .filter(|id| !workspace.iter().any(|a| &a.id == *id))
        .cloned()
        .collect();
    for id in gone {
        if store
            .remove_item(&format!("{ASSESSMENT_PREFIX}{id}"))
            .is_ok()
        {
            saved.remove(&id);
        }
    }
    ok
}

/// Saves the UI preferences; with nothing open and the browser's own language there is
/// nothing to remember, and the key is removed (so a wiped browser stays empty).
pub fn save_ui(lang: Lang, browser: Lang, open: Option<&str>, step: Option<usize>) -> bool {
    let Some(store) = storage() else {
        return false;
    };
    if open.is_none() && lang == browser {
        return store.remove_item(UI_KEY).is_ok();
    }
    let v = serde_json::json!({ "lang": lang.tag(), "open": open, "step": step });
    store.set_item(UI_KEY, &v.to_string()).is_ok()
}

/// Removes every sovcheck key, kept copies included. Returns how many were removed.
pub fn wipe_all() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let keys = keys_with(&store, ALL_PREFIX);
    keys.iter().filter(|k| store.remove_item(k).is_ok()).count()
}
