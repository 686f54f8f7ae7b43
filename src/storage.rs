//! Local storage: the only place sovcheck keeps anything. The assessment is stored in the
//! exchange format (so a stored assessment and an exported file are the same bytes);
//! unreadable or newer data is moved aside under another key, never wiped.

use crate::state::StorageNotice;
use sovcheck_core::format::{self, Document, Problem};
use sovcheck_core::{Assessment, Lang};

/// The current assessment, as an exchange document.
pub const ASSESSMENT_KEY: &str = "sovcheck.v1.assessment";
/// UI preferences: language and position in the walk.
pub const UI_KEY: &str = "sovcheck.v1.ui";
/// Prefix of the keys under which unreadable data is kept.
pub const KEPT_PREFIX: &str = "sovcheck.v1.kept.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found in storage at start-up.
pub struct Loaded {
    pub assessment: Option<Assessment>,
    pub lang: Option<Lang>,
    pub step: Option<usize>,
    pub notice: Option<StorageNotice>,
}

/// Reads the stored state, moving unreadable data aside.
pub fn load(now_ms: f64) -> Loaded {
    let mut out = Loaded {
        assessment: None,
        lang: None,
        step: None,
        notice: None,
    };
    let Some(store) = storage() else {
        out.notice = Some(StorageNotice::Unavailable);
        return out;
    };
    if let Ok(Some(ui)) = store.get_item(UI_KEY) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&ui) {
            out.lang = v.get("lang").and_then(|l| l.as_str()).and_then(Lang::parse);
            out.step = v
                .get("step")
                .and_then(|s| s.as_u64())
                .and_then(|s| usize::try_from(s).ok());
        }
    }
    if let Ok(Some(raw)) = store.get_item(ASSESSMENT_KEY) {
        match format::parse_document(raw.as_bytes()) {
            Ok(Document::Single(a)) => out.assessment = Some(a),
            Ok(Document::Workspace(list)) => out.assessment = list.into_iter().next(),
            Err(e) => {
                let key = format!("{KEPT_PREFIX}{}", now_ms as u64);
                let kept = store.set_item(&key, &raw).is_ok();
                if kept {
                    let _ = store.remove_item(ASSESSMENT_KEY);
                }
                let key = if kept { key } else { ASSESSMENT_KEY.to_owned() };
                out.notice = Some(match e.problem {
                    Problem::NewerVersion(_) => StorageNotice::Newer { key, raw },
                    _ => StorageNotice::Corrupt { key, raw },
                });
            }
        }
    }
    out
}

/// Saves the assessment; `false` when storage refused (full or unavailable).
pub fn save_assessment(a: &Assessment) -> bool {
    storage().is_some_and(|s| {
        s.set_item(ASSESSMENT_KEY, &format::export_assessment(a))
            .is_ok()
    })
}

/// Saves the UI preferences.
pub fn save_ui(lang: Lang, step: Option<usize>) -> bool {
    let v = serde_json::json!({ "lang": lang.tag(), "step": step });
    storage().is_some_and(|s| s.set_item(UI_KEY, &v.to_string()).is_ok())
}
