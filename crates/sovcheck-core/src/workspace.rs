//! The rules of a workspace: the assessments kept together (a browser's, or a workspace
//! file's), told apart by their `id`. Fresh ids, ids for imported assessments that have
//! none, id conflicts with an import, adding an import with or without replacing, and
//! duplicating an assessment for its next review.
//!
//! These are free functions over the list itself (`&[Assessment]`, `&mut Vec<Assessment>`),
//! the shape in which the app keeps its workspace and a [`crate::Document`] carries one:
//! a wrapper type would add nothing these functions do not say.

use crate::model::{Assessment, Date};

/// An id no assessment of `list` uses: `base`, else `base-2`, `base-3`… (`a-2`, `a-3`…
/// when `base` is empty).
pub fn fresh_id(list: &[Assessment], base: &str) -> String {
    let free = |id: &str| !list.iter().any(|a| a.id == id);
    if !base.is_empty() && free(base) {
        return base.to_owned();
    }
    let base = if base.is_empty() { "a" } else { base };
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or_default()
}

/// Gives every assessment of `incoming` that has no id the id `<seed>-<n>`, `n` its
/// position in `incoming` (files may omit ids; a workspace tells its assessments apart by
/// them). A `seed` of its own per import keeps these apart from the workspace's ids.
pub fn name_unnamed(incoming: &mut [Assessment], seed: &str) {
    for (n, a) in incoming.iter_mut().enumerate() {
        if a.id.is_empty() {
            a.id = format!("{seed}-{n}");
        }
    }
}

/// The ids of `incoming` that an assessment of `list` already uses, in `incoming`'s order:
/// an import with conflicts needs the user to choose between replacing and keeping both.
pub fn conflicts<'a>(list: &[Assessment], incoming: &'a [Assessment]) -> Vec<&'a str> {
    incoming
        .iter()
        .map(|a| a.id.as_str())
        .filter(|id| list.iter().any(|b| b.id == *id))
        .collect()
}

/// Adds `incoming` to `list`, in order. With `replace`, an assessment whose id is already
/// used replaces that assessment in place. Otherwise, and for every new id, it is appended,
/// under a [`fresh_id`] when its own is taken (by the list, or by one appended before it).
pub fn add_all(list: &mut Vec<Assessment>, incoming: Vec<Assessment>, replace: bool) {
    for mut a in incoming {
        match list.iter_mut().find(|b| b.id == a.id) {
            Some(slot) if replace => *slot = a,
            _ => {
                a.id = fresh_id(list, &a.id);
                list.push(a);
            }
        }
    }
}

/// Copies assessment `source` for its next review, appends the copy to `list` under a
/// [`fresh_id`] from `id`, and returns it (`None` when no assessment is `source`).
///
/// The copy keeps the answers and their evidence, the due-diligence answers, the overrides,
/// the SecNumCloud findings and the action plan (the plan tracks what the next review
/// checks). Its sign-off is cleared (nobody has signed the new review), its log emptied (a
/// new review starts a new log), its date set to `today` and `modified` to `now`. Its
/// title is `title(source)`: the caller words it (`"<name> (copy)"`), since words are not the
/// core's business.
pub fn duplicate(
    list: &mut Vec<Assessment>,
    source: &str,
    id: &str,
    title: impl FnOnce(&Assessment) -> String,
    now: &str,
    today: Option<Date>,
) -> Option<Assessment> {
    let mut a = list.iter().find(|a| a.id == source)?.clone();
    a.meta.title = title(&a);
    a.id = fresh_id(list, id);
    a.modified = now.to_owned();
    a.signoff = Default::default();
    a.log.clear();
    a.meta.date = today;
    list.push(a.clone());
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LogEntry, LogEvent, PlanItem, SignOff};

    fn named(id: &str, provider: &str) -> Assessment {
        let mut a = Assessment {
            id: id.to_owned(),
            ..Assessment::default()
        };
        a.meta.provider = provider.to_owned();
        a
    }

    fn list(ids: &[&str]) -> Vec<Assessment> {
        ids.iter().map(|id| named(id, &format!("P {id}"))).collect()
    }

    fn ids(list: &[Assessment]) -> Vec<&str> {
        list.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn fresh_ids_count_up_from_the_base() {
        let cases = [
            (vec![], "a", "a"),
            (vec!["a"], "a", "a-2"),
            (vec!["a", "a-2"], "a", "a-3"),
            (vec!["a", "a-3"], "a", "a-2"),
            (vec![], "", "a-2"),
            (vec!["b"], "", "a-2"),
            (vec!["a-2"], "", "a-3"),
        ];
        for (taken, base, want) in cases {
            assert_eq!(fresh_id(&list(&taken), base), want, "{taken:?} {base:?}");
        }
    }

    #[test]
    fn unnamed_imports_are_named_from_the_seed_and_their_position() {
        let mut incoming = vec![named("", "X"), named("z", "Z"), named("", "Y")];
        name_unnamed(&mut incoming, "i-9");
        assert_eq!(ids(&incoming), ["i-9-0", "z", "i-9-2"]);
    }

    #[test]
    fn conflicts_are_the_imported_ids_already_used() {
        let ws = list(&["a", "b"]);
        assert_eq!(conflicts(&ws, &list(&["n", "b", "a"])), ["b", "a"]);
        assert!(conflicts(&ws, &list(&["n"])).is_empty());
    }

    #[test]
    fn adding_replaces_in_place_or_keeps_both_under_fresh_ids() {
        let incoming = || vec![named("a", "New A"), named("n", "N"), named("n", "N2")];
        let mut replaced = list(&["a", "b"]);
        add_all(&mut replaced, incoming(), true);
        assert_eq!(ids(&replaced), ["a", "b", "n"]);
        assert_eq!(replaced[0].meta.provider, "New A");
        assert_eq!(replaced[2].meta.provider, "N2");

        let mut both = list(&["a", "b"]);
        add_all(&mut both, incoming(), false);
        assert_eq!(ids(&both), ["a", "b", "a-2", "n", "n-2"]);
        assert_eq!(both[0].meta.provider, "P a");
        assert_eq!(both[2].meta.provider, "New A");
    }

    #[test]
    fn a_duplicate_is_the_next_review_with_the_plan_but_no_sign_off_or_log() {
        let mut source = named("a", "Acme");
        source.meta.date = Date::new(2026, 11, 1);
        source.signoff = SignOff {
            rationale: "ok".into(),
            ..SignOff::default()
        };
        source
            .action_plan
            .insert("SOV-3.1".into(), PlanItem::default());
        source.log.push(LogEntry {
            at: "2026-11-02T10:00:00Z".into(),
            by: "A".into(),
            event: LogEvent::Landed,
            source: String::new(),
            subject: String::new(),
            kept: None,
            other: None,
            why: String::new(),
        });
        let mut ws = vec![source.clone(), named("a-2", "Other")];
        let copy = duplicate(
            &mut ws,
            "a",
            "a",
            |a| format!("{} (copy)", a.meta.provider),
            "2027-11-01T09:00:00Z",
            Date::new(2027, 11, 1),
        );
        let mut want = source;
        want.id = "a-3".into();
        want.meta.title = "Acme (copy)".into();
        want.meta.date = Date::new(2027, 11, 1);
        want.modified = "2027-11-01T09:00:00Z".into();
        want.signoff = SignOff::default();
        want.log.clear();
        assert_eq!(copy.as_ref(), Some(&want));
        assert_eq!(ids(&ws), ["a", "a-2", "a-3"]);
        assert_eq!(ws.last(), Some(&want));
    }

    #[test]
    fn duplicating_a_missing_assessment_does_nothing() {
        let mut ws = list(&["a"]);
        let copy = duplicate(&mut ws, "x", "y", |_| String::new(), "now", None);
        assert_eq!(copy, None);
        assert_eq!(ids(&ws), ["a"]);
    }
}
