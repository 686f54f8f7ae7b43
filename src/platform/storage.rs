//! Local storage: the only place sovcheck keeps anything. Each assessment is stored under
//! its own key in the exchange format (so a stored assessment and an exported file are the
//! same bytes, and one damaged entry cannot take the others with it); unreadable or newer
//! data is moved aside under another key, never wiped, and stays listed until the user
//! deletes it.
//!
//! These are the browser calls only: what is written when, and how two tabs agree, is the
//! save effect's (`platform::saver`); the rules of a merge are the core's
//! (`sovcheck_core::sync`).

use crate::state::sorted_by;
use sovcheck_core::format::{self, FormatError};
use sovcheck_core::{Assessment, Lang};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Prefix of the key of each assessment: `sovcheck.v1.a.<id>`.
pub const ASSESSMENT_PREFIX: &str = "sovcheck.v1.a.";
/// The single-assessment key of the first development versions; read once and migrated.
pub const LEGACY_ASSESSMENT_KEY: &str = "sovcheck.v1.assessment";
/// UI preferences: the language. (Where the user is, the open assessment and the step,
/// is the page's address: `crate::router`. Older versions kept it here too; it is read
/// no more, and goes at the next write.)
pub const UI_KEY: &str = "sovcheck.v1.ui";
/// Prefix of the keys under which unreadable data is kept.
pub const KEPT_PREFIX: &str = "sovcheck.v1.kept.";
/// Written and removed at once by "Wipe all local data": the other tabs' signal that
/// everything was wiped (never left in storage).
pub const WIPE_KEY: &str = "sovcheck.v1.wipe";
/// Written and removed at once to learn whether an import fits (never left in storage).
pub const PROBE_KEY: &str = "sovcheck.v1.probe";
/// What every sovcheck key starts with (the wipe removes exactly these).
pub const ALL_PREFIX: &str = "sovcheck.";

/// What local storage holds per origin, in UTF-16 code units of keys and values together:
/// Chromium's 10 MiB (measured: 5,242,880 units); Firefox and Safari keep about as much.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Why a write did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// Storage is full (`QuotaExceededError`).
    Full,
    /// Storage cannot be used (private browsing, turned off, or another refusal).
    Refused,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether local storage can be used at all.
pub fn available() -> bool {
    storage().is_some()
}

/// The value under `key` (`None`: absent, or storage unavailable).
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes `value` under `key`.
pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    let store = storage().ok_or(WriteError::Refused)?;
    store.set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            WriteError::Full
        } else {
            WriteError::Refused
        }
    })
}

/// Removes `key`.
pub fn remove(key: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(key);
    }
}

/// The key of assessment `id`.
pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
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

/// The ids of every stored assessment key.
pub fn stored_ids() -> Vec<String> {
    storage()
        .map(|s| keys_with(&s, ASSESSMENT_PREFIX))
        .unwrap_or_default()
        .iter()
        .filter_map(|k| k.strip_prefix(ASSESSMENT_PREFIX).map(str::to_owned))
        .collect()
}

/// A text's length as storage counts it: UTF-16 code units, one per character and two from
/// U+10000 on (the characters whose UTF-8 starts with a byte of 0xF0 or more), counted
/// without encoding: `encode_utf16().count()` took about 1 ms of each answer's save with long
/// notes under the profiler (a 125 kB file, counted twice), this a fifth of that
/// (docs/PERFORMANCE.md, fourth round).
pub fn units(s: &str) -> usize {
    s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count()
}

/// What the origin's storage holds, in UTF-16 code units of keys and values (other
/// applications of the origin included: they share the quota).
pub fn used_units() -> usize {
    let Some(store) = storage() else { return 0 };
    let n = store.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .map(|k| units(&k) + store.get_item(&k).ok().flatten().map_or(0, |v| units(&v)))
        .sum()
}

/// Whether `needed` more units fit: a value of that size is written and removed at once.
pub fn fits(needed: usize) -> bool {
    if needed > 4 * QUOTA_UNITS {
        return false;
    }
    let filler = "x".repeat(needed.saturating_sub(units(PROBE_KEY)));
    let ok = write(PROBE_KEY, &filler).is_ok();
    remove(PROBE_KEY);
    ok
}

/// Data that could not be read, kept untouched until the user deletes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    /// Where it is: a `sovcheck.v1.kept.<ms>` key, or the assessment key it could not be
    /// moved from.
    pub key: String,
    /// Its bytes, as they were.
    pub raw: Rc<str>,
    /// When it was set aside (ms since 1970), from its key.
    pub at: Option<f64>,
    /// Why it could not be read.
    pub problem: FormatError,
    /// Left under its own key: there was no room to copy it aside.
    pub in_place: bool,
}

/// Why `raw` cannot be read (`None` if it can).
fn problem_of(raw: &str) -> Option<FormatError> {
    format::parse_document(raw.as_bytes()).err()
}

/// Everything set aside: the `kept.` keys, and the entries of `in_place` (keys that could
/// not be moved) still unreadable.
pub fn kept(in_place: &[String]) -> Vec<Kept> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let mut out: Vec<Kept> = keys_with(&store, KEPT_PREFIX)
        .into_iter()
        .filter_map(|key| {
            let raw = store.get_item(&key).ok().flatten()?;
            // Read as a whole number: parsing a float would pull float parsing into the wasm.
            let at = key
                .strip_prefix(KEPT_PREFIX)
                .and_then(|s| s.parse::<u64>().ok())
                .map(|ms| ms as f64);
            let problem = problem_of(&raw).unwrap_or(FormatError {
                path: String::new(),
                problem: format::Problem::Empty,
            });
            Some(Kept {
                key,
                raw: raw.into(),
                at,
                problem,
                in_place: false,
            })
        })
        .collect();
    for key in in_place {
        let Some(raw) = store.get_item(key).ok().flatten() else {
            continue;
        };
        if let Some(problem) = problem_of(&raw) {
            out.push(Kept {
                key: key.clone(),
                raw: raw.into(),
                at: None,
                problem,
                in_place: true,
            });
        }
    }
    out
}

/// Moves an unreadable value aside under a `kept.` key; the original key is freed only
/// once the copy is written. Returns whether it was moved (if not, it stays where it is).
pub fn keep_aside(key: &str, raw: &str, now_ms: f64) -> bool {
    let Some(store) = storage() else { return false };
    let mut stamp = now_ms as u64;
    let mut kept_key = format!("{KEPT_PREFIX}{stamp}");
    while store.get_item(&kept_key).ok().flatten().is_some() {
        stamp += 1;
        kept_key = format!("{KEPT_PREFIX}{stamp}");
    }
    let moved = store.set_item(&kept_key, raw).is_ok();
    if moved {
        let _ = store.remove_item(key);
    }
    moved
}

/// What was found in storage at start-up.
#[derive(Default)]
pub struct Loaded {
    /// Every readable assessment, in key order.
    pub workspace: Vec<Assessment>,
    /// What each readable assessment's key held (by id): the base of later merges.
    pub raw: Vec<(String, String)>,
    pub lang: Option<Lang>,
    /// The assessment moved from the old single-key storage, opened when the address
    /// names no place.
    pub open: Option<String>,
    /// Storage cannot be used at all.
    pub unavailable: bool,
    /// How many entries were set aside now.
    pub set_aside: usize,
    /// Unreadable assessment keys that could not be moved aside.
    pub in_place: Vec<String>,
}

/// Reads the stored state, moving unreadable data aside.
pub fn load(now_ms: f64) -> Loaded {
    let mut out = Loaded::default();
    let Some(store) = storage() else {
        out.unavailable = true;
        return out;
    };
    if let Ok(Some(ui)) = store.get_item(UI_KEY) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&ui) {
            out.lang = v.get("lang").and_then(|l| l.as_str()).and_then(Lang::parse);
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
        let from_key = key.strip_prefix(ASSESSMENT_PREFIX);
        match format::parse_document(raw.as_bytes()) {
            // One assessment per key, under that key's id: what the save effect writes.
            Ok(format::Document::Single(mut a)) if from_key.is_some() => {
                let id = from_key.unwrap_or_default().to_owned();
                if out.workspace.iter().any(|b| b.id == id) {
                    continue;
                }
                a.id = id.clone();
                out.raw.push((id, raw));
                out.workspace.push(a);
            }
            Ok(doc) => {
                // The legacy single key, or a workspace file stored by hand: each
                // assessment moves to its own key, then the old key goes.
                let mut all_written = true;
                for mut a in doc.into_assessments() {
                    if a.id.is_empty() || out.workspace.iter().any(|b| b.id == a.id) {
                        a.id = format!("a-{}-{}", now_ms as u64, out.workspace.len());
                    }
                    let text = format::export_assessment(&a);
                    if store.set_item(&assessment_key(&a.id), &text).is_ok() {
                        out.raw.push((a.id.clone(), text));
                    } else {
                        all_written = false;
                    }
                    if from_key.is_none() {
                        out.open.get_or_insert_with(|| a.id.clone());
                    }
                    out.workspace.push(a);
                }
                if all_written {
                    let _ = store.remove_item(&key);
                }
            }
            Err(_) => {
                if keep_aside(&key, &raw, now_ms) {
                    out.set_aside += 1;
                } else {
                    out.in_place.push(key);
                }
            }
        }
    }
    out
}

/// Saves the UI preferences; in the browser's own language there is nothing to remember,
/// and the key is removed.
pub fn save_ui(lang: Lang, browser: Lang) -> bool {
    if lang == browser {
        remove(UI_KEY);
        return true;
    }
    let v = serde_json::json!({ "lang": lang.tag() });
    write(UI_KEY, &v.to_string()).is_ok()
}

/// Removes every sovcheck key, kept copies included, and tells the other tabs: the wipe
/// key is written first (after the removals if storage was too full for it) and removed
/// last, so another tab learns of the wipe before it could write anything back. Returns
/// how many keys were removed.
pub fn wipe_all() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let stamp = (js_sys::Date::now() as u64).to_string();
    let told = store.set_item(WIPE_KEY, &stamp).is_ok();
    let keys: Vec<String> = keys_with(&store, ALL_PREFIX)
        .into_iter()
        .filter(|k| k != WIPE_KEY)
        .collect();
    let removed = keys.iter().filter(|k| store.remove_item(k).is_ok()).count();
    if !told {
        let _ = store.set_item(WIPE_KEY, &stamp);
    }
    let _ = store.remove_item(WIPE_KEY);
    removed
}

/// Parses a stored value into the one assessment it holds.
pub fn parse_stored(raw: &str) -> Result<Assessment, FormatError> {
    format::parse_document(raw.as_bytes()).and_then(|doc| match doc {
        format::Document::Single(a) => Ok(a),
        format::Document::Workspace(_)
        | format::Document::Questionnaire(_)
        | format::Document::Response(_) => Err(FormatError {
            path: String::new(),
            problem: format::Problem::NoAssessment,
        }),
    })
}

/// Listens to the `storage` event: another tab of this origin (or, in Chromium, another
/// page opened from `file://`) changed local storage. The listener lives as long as the
/// returned value.
pub fn on_change(f: impl Fn(Change) + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            f(Change {
                key: e.key(),
                old: e.old_value(),
                new: e.new_value(),
            });
        },
    ))
}

/// One change another tab made.
#[derive(Clone, Debug)]
pub struct Change {
    /// The key (`None`: storage was cleared).
    pub key: Option<String>,
    /// Its value before.
    pub old: Option<String>,
    /// Its value now (`None`: removed).
    pub new: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::units;

    #[test]
    fn units_are_utf16_code_units() {
        for s in [
            "",
            "plain ASCII",
            "Souveraineté numérique, « qualifiée »",
            "Überwachungsaudit: Größe",
            "云主权",
            "a 🇪🇺 flag and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\u{FFFF}\u{10000}\u{10FFFF}",
        ] {
            assert_eq!(units(s), s.encode_utf16().count(), "{s:?}");
        }
        assert_eq!(units("🇪🇺"), 4);
        assert_eq!(units(&"é".repeat(1000)), 1000);
    }
}
