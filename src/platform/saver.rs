//! The save effect, and the other tabs: the one place that writes assessments to storage
//! and listens to what other tabs of sovcheck write there.
//!
//! For each stored assessment this tab remembers what the key held when it last read or
//! wrote it (`Seen`: the text and the assessment, the *base*). Before writing, it reads the
//! key again: if it no longer holds the base, another tab wrote in between, and the write
//! waits until the reducer has merged the other tab's version in (a three-way merge, the
//! core's `sync::merge`); only the merged version is written. The `storage` event brings
//! another tab's writes as they happen, so that this tab shows them (and merges them)
//! before the user changes anything more. A delete is applied the same way, and a wipe
//! (announced by `WIPE_KEY`) empties this tab at once. Nothing is written from stale
//! state: every write is checked against what the key holds at that moment.
//!
//! What could not be written is reported at once (`StorageEvent::Saved`), with the
//! minute of the last save for the "Saved" indicator, and storage use near its limit.

use crate::app::browser_lang;
use crate::platform::storage::{self, Change, WriteError, QUOTA_UNITS};
use crate::saving::{Notice, StorageEvent, Usage};
use crate::state::{Action, Same, Store};
use sovcheck_core::format;
use sovcheck_core::Assessment;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// What a key held when this tab last read or wrote it.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// The stored text (`None`: the key was absent).
    raw: Option<String>,
    /// That text's assessment (the base of a merge).
    base: Option<Assessment>,
}

/// The save effect's memory, shared with the storage listener.
#[derive(Default)]
pub struct Memory {
    /// By assessment id.
    seen: BTreeMap<String, Seen>,
    /// Keys holding unreadable data that could not be moved aside: never written over.
    blocked: Vec<String>,
    /// Storage use as last measured and kept up to date (UTF-16 units).
    used: usize,
    /// What was last reported, so that nothing is dispatched when nothing changed.
    reported: (Vec<String>, Option<WriteError>, Option<f64>),
    /// The usage last reported (as a whole percent, when near the limit).
    usage_reported: Option<u32>,
}

impl Memory {
    /// The memory after start-up's load: `raw` is what each readable key held.
    pub fn loaded(raw: Vec<(String, String)>, in_place: Vec<String>) -> Memory {
        // Inserted one by one: `collect` into a map sorts first and pulls a sort routine
        // into the wasm.
        let mut seen = BTreeMap::new();
        seen.extend(raw.into_iter().map(|(id, text)| {
            let base = parse(&id, &text).ok();
            (
                id,
                Seen {
                    raw: Some(text),
                    base,
                },
            )
        }));
        Memory {
            seen,
            blocked: in_place,
            used: storage::used_units(),
            ..Memory::default()
        }
    }
}

/// The assessment stored under `id`'s key.
fn parse(id: &str, raw: &str) -> Result<Assessment, format::FormatError> {
    storage::parse_stored(raw).map(|mut a| {
        a.id = id.to_owned();
        a
    })
}

/// The minute of `ms`.
fn minute(ms: f64) -> f64 {
    (ms / 60_000.0).floor() * 60_000.0
}

/// What another tab's write means for this tab: the key now holds `raw`. Unreadable data
/// is moved aside (and listed); if it cannot be, the key is never written over.
fn take_in(
    store: &Store,
    mem: &mut Memory,
    id: &str,
    raw: Option<String>,
    base: Option<Assessment>,
) {
    let key = storage::assessment_key(id);
    let theirs = match raw.as_deref().map(|r| parse(id, r)) {
        None => None,
        Some(Ok(a)) => Some(a),
        Some(Err(_)) => {
            let text = raw.clone().unwrap_or_default();
            if storage::keep_aside(&key, &text, js_sys::Date::now()) {
                // The key is free again: what this tab holds is written anew.
                mem.seen.remove(id);
            } else if !mem.blocked.contains(&key) {
                mem.blocked.push(key.clone());
            }
            store.dispatch(Action::Storage(StorageEvent::Kept(storage::kept(
                &mem.blocked,
            ))));
            store.dispatch(Action::Storage(StorageEvent::Notice(Notice::SetAside(1))));
            return;
        }
    };
    mem.seen.insert(
        id.to_owned(),
        Seen {
            raw,
            base: theirs.clone(),
        },
    );
    store.dispatch(Action::Storage(StorageEvent::Theirs {
        id: id.to_owned(),
        base: base.map(Box::new),
        theirs: theirs.map(Box::new),
    }));
}

/// Writes what changed in the workspace since it was last seen in storage, after checking
/// that nobody else wrote there meanwhile; removes the keys of deleted assessments the
/// same way; reports the outcome.
fn save(store: &Store, mem: &mut Memory) {
    let workspace = store.workspace.clone();
    let mut unsaved = Vec::new();
    let mut problem = None;
    let mut wrote = false;
    for a in workspace.iter() {
        let key = storage::assessment_key(&a.id);
        // Read in place: with long notes a copy of what was seen is a copy of the file.
        let (seen_raw, seen_same) = match mem.seen.get(&a.id) {
            Some(s) => (s.raw.as_deref(), s.base.as_ref() == Some(a)),
            None => (None, false),
        };
        if seen_same {
            continue;
        }
        if mem.blocked.contains(&key) {
            unsaved.push(a.id.clone());
            problem = Some(WriteError::Full);
            continue;
        }
        if !storage::available() {
            unsaved.push(a.id.clone());
            problem = Some(WriteError::Refused);
            continue;
        }
        let now = storage::read(&key);
        if now.as_deref() != seen_raw {
            // Another tab wrote here since: merge first (the reducer), write after.
            let base = mem.seen.get(&a.id).and_then(|s| s.base.clone());
            take_in(store, mem, &a.id, now, base);
            continue;
        }
        let text = format::export_assessment(a);
        match storage::write(&key, &text) {
            Ok(()) => {
                mem.used = mem.used + storage::units(&text)
                    - now.as_deref().map_or(0, storage::units)
                    + if now.is_none() {
                        storage::units(&key)
                    } else {
                        0
                    };
                mem.seen.insert(
                    a.id.clone(),
                    Seen {
                        raw: Some(text),
                        base: Some(a.clone()),
                    },
                );
                wrote = true;
            }
            Err(e) => {
                unsaved.push(a.id.clone());
                problem = Some(e);
            }
        }
    }
    // Deleted here: the key goes only if it still holds what this tab last saw.
    let gone: Vec<(String, Seen)> = mem
        .seen
        .iter()
        .filter(|(id, s)| s.raw.is_some() && !workspace.iter().any(|a| &a.id == *id))
        .map(|(id, s)| (id.clone(), s.clone()))
        .collect();
    for (id, seen) in gone {
        let key = storage::assessment_key(&id);
        let now = storage::read(&key);
        if now == seen.raw {
            storage::remove(&key);
            mem.used = mem
                .used
                .saturating_sub(storage::units(&key) + now.as_deref().map_or(0, storage::units));
            mem.seen.remove(&id);
            wrote = true;
        } else {
            take_in(store, mem, &id, now, seen.base);
            // Not brought back (the other tab's version is the one this tab deleted): the
            // delete goes ahead, still only over what was just read.
            let back = store.workspace.iter().any(|a| a.id == id);
            let seen = mem.seen.get(&id).map(|s| s.raw.clone());
            if !back && seen.is_some() && storage::read(&key) == seen.flatten() {
                storage::remove(&key);
                mem.seen.remove(&id);
            }
        }
    }
    report(store, mem, unsaved, problem, wrote);
}

/// Dispatches the outcome of the saves and the storage use, when they changed.
fn report(
    store: &Store,
    mem: &mut Memory,
    unsaved: Vec<String>,
    problem: Option<WriteError>,
    wrote: bool,
) {
    let at = if wrote {
        Some(minute(js_sys::Date::now()))
    } else {
        mem.reported.2
    };
    let now = (unsaved, problem, at);
    // The running count misses what this very page's other scripts (or the browser's
    // tools) do to storage: measured again when saving stops or starts failing, and at most
    // once a minute while it works.
    if now.1 != mem.reported.1 || now.2 != mem.reported.2 {
        mem.used = storage::used_units();
    }
    if now != mem.reported {
        mem.reported = now.clone();
        let (unsaved, problem, at) = now;
        store.dispatch(Action::Storage(StorageEvent::Saved {
            unsaved,
            problem,
            at,
        }));
    }
    let usage = Usage {
        used: mem.used,
        total: QUOTA_UNITS,
    };
    let percent = usage.near().then(|| (usage.share() * 100.0).floor() as u32);
    if percent != mem.usage_reported {
        mem.usage_reported = percent;
        store.dispatch(Action::Storage(StorageEvent::Usage(percent.map(|_| usage))));
    }
}

/// What another tab changed.
fn on_change(store: &Store, mem: &mut Memory, c: Change) {
    let sizes = |s: &Option<String>| s.as_deref().map_or(0, storage::units);
    mem.used = (mem.used + sizes(&c.new)).saturating_sub(sizes(&c.old));
    match c.key.as_deref() {
        // Storage cleared (by the browser's tools or another application of the origin):
        // every assessment this tab knows is checked.
        None => {
            mem.used = storage::used_units();
            let mut ids: Vec<String> = mem.seen.keys().cloned().collect();
            ids.extend(storage::stored_ids());
            for id in ids {
                let now = storage::read(&storage::assessment_key(&id));
                let seen = mem.seen.get(&id).cloned().unwrap_or_default();
                if now != seen.raw {
                    take_in(store, mem, &id, now, seen.base);
                }
            }
        }
        Some(storage::WIPE_KEY) => {
            if c.new.is_some() {
                mem.seen.clear();
                mem.blocked.clear();
                mem.used = storage::used_units();
                store.dispatch(Action::Storage(StorageEvent::Wiped));
            }
        }
        Some(key) if key.starts_with(storage::KEPT_PREFIX) => {
            store.dispatch(Action::Storage(StorageEvent::Kept(storage::kept(
                &mem.blocked,
            ))));
        }
        Some(key) => {
            let Some(id) = key.strip_prefix(storage::ASSESSMENT_PREFIX) else {
                return;
            };
            let now = storage::read(key);
            let seen = mem.seen.get(id).cloned().unwrap_or_default();
            if now == seen.raw {
                return;
            }
            // If the other tab wrote over a value this tab had written without having seen
            // it (two writes at once, in two processes), what it replaced is the base both
            // started from: this tab's changes since are kept by the merge.
            let base = match (&c.old, &c.new) {
                (Some(old), Some(new))
                    if Some(old) != seen.raw.as_ref() && Some(new) == now.as_ref() =>
                {
                    parse(id, old).ok().or(seen.base)
                }
                _ => seen.base,
            };
            take_in(store, mem, id, now, base);
        }
    }
}

/// Saves every change of the workspace, takes in other tabs' changes, and remembers the
/// language.
#[hook]
pub fn use_saver(store: &Store, memory: Rc<RefCell<Memory>>) {
    // Listen to the other tabs for as long as the app lives.
    {
        let (store, memory) = (store.clone(), memory.clone());
        use_effect_with((), move |_| {
            let listener = storage::on_change(move |c| {
                on_change(&store, &mut memory.borrow_mut(), c);
            });
            move || drop(listener)
        });
    }
    {
        let (store, memory) = (store.clone(), memory.clone());
        // Followed by identity: the reducer replaces the workspace when it changes it.
        use_effect_with(Same(store.workspace.clone()), move |_| {
            save(&store, &mut memory.borrow_mut());
        });
    }
    // The language, after a wipe only once the user sets something again. (Where the user
    // is lives in the page's address: `platform::history`.)
    {
        let lang = store.lang;
        let wiped = store.saving.wiped;
        use_effect_with((lang, wiped), move |(lang, wiped)| {
            if !*wiped {
                storage::save_ui(*lang, browser_lang());
            }
        });
    }
}
