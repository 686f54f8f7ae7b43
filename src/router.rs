//! Where the user is, as the page's address says it: hash routes (`#/a/<id>/step/3`), so
//! that any static host, any sub-path and a page opened from `file://` keep working (the
//! server never sees the fragment). Pure: parsing and writing routes, and the route of a
//! state. The browser's side (reading and writing `location`, Back and Forward) is
//! `platform::history`; what a route does to the state is the reducer's
//! (`Action::Route`).
//!
//! | Route                          | Screen                                   |
//! |--------------------------------|------------------------------------------|
//! | `#/`                           | start: the list of assessments           |
//! | `#/a/<id>/step/<n>`            | the walk of assessment `<id>`, step `n`  |
//! | `#/a/<id>/report`              | its report                               |
//! | `#/a/<id>/questionnaire`       | preparing a questionnaire from it        |
//! | `#/a/<id>/landing`             | landing responses in it                  |
//! | `#/compare`                    | the comparison                           |
//! | `#/verify`                     | checking a file's fingerprint            |
//! | `#/accessibility`              | the accessibility statement              |
//! | `#/respond`                    | answering a questionnaire received       |

use crate::state::{AppState, Screen};

/// A place in the app, as the address names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// Step `n` (an index of [`crate::state::walk`]) of assessment `id`.
    Step(String, usize),
    Report(String),
    Questionnaire(String),
    Landing(String),
    /// The comparison of these assessments (none: the first two of the list).
    Compare(Vec<String>),
    Verify,
    Accessibility,
    Respond,
}

/// Whether `c` is written as itself in a route (RFC 3986's unreserved characters).
fn plain(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

/// `id` percent-encoded (UTF-8), so that any id is one path segment.
fn encode(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for &b in id.as_bytes() {
        if plain(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The id a segment encodes; `None` when it is not valid percent-encoded UTF-8.
fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.is_empty())
}

impl Route {
    /// The route a fragment names (`#/a/x/report`, with or without the `#`); an empty
    /// fragment is the start. `None`: it names nothing sovcheck has.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let parts: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        Some(match parts.as_slice() {
            [] => Route::Start,
            ["compare", ids @ ..] => {
                Route::Compare(ids.iter().map(|id| decode(id)).collect::<Option<_>>()?)
            }
            ["verify"] => Route::Verify,
            ["accessibility"] => Route::Accessibility,
            ["respond"] => Route::Respond,
            ["a", id, rest @ ..] => {
                let id = decode(id)?;
                match rest {
                    ["step", n] if !n.starts_with('+') => Route::Step(id, n.parse().ok()?),
                    ["report"] => Route::Report(id),
                    ["questionnaire"] => Route::Questionnaire(id),
                    ["landing"] => Route::Landing(id),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// The fragment, `#` included.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Step(id, n) => format!("#/a/{}/step/{n}", encode(id)),
            Route::Report(id) => format!("#/a/{}/report", encode(id)),
            Route::Questionnaire(id) => format!("#/a/{}/questionnaire", encode(id)),
            Route::Landing(id) => format!("#/a/{}/landing", encode(id)),
            Route::Compare(ids) => std::iter::once("#/compare".to_owned())
                .chain(ids.iter().map(|id| encode(id)))
                .collect::<Vec<_>>()
                .join("/"),
            Route::Verify => "#/verify".to_owned(),
            Route::Accessibility => "#/accessibility".to_owned(),
            Route::Respond => "#/respond".to_owned(),
        }
    }

    /// The route of what `s` shows.
    pub fn of(s: &AppState) -> Route {
        let open = || s.assessment.id.clone();
        match s.screen {
            Screen::Start => Route::Start,
            Screen::Walk(n) if s.started => Route::Step(open(), n),
            Screen::Report if s.started => Route::Report(open()),
            Screen::Questionnaire if s.started => Route::Questionnaire(open()),
            Screen::Landing => match (&s.landing, &s.landed) {
                (Some(l), _) => Route::Landing(l.assessment.clone()),
                (None, Some(l)) => Route::Landing(l.assessment.clone()),
                (None, None) => Route::Start,
            },
            Screen::Compare => Route::Compare(s.compare_picks.clone().unwrap_or_default()),
            Screen::Verify => Route::Verify,
            Screen::Accessibility => Route::Accessibility,
            Screen::Respond => Route::Respond,
            Screen::Walk(_) | Screen::Report | Screen::Questionnaire => Route::Start,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{walk, Action};
    use sovcheck_core::Lang;

    #[test]
    fn every_route_reads_back_as_itself() {
        let routes = [
            Route::Start,
            Route::Step("a-1733".into(), 0),
            Route::Step("a-1733".into(), 14),
            Route::Report("a-1733".into()),
            Route::Questionnaire("x".into()),
            Route::Landing("x".into()),
            Route::Compare(vec![]),
            Route::Compare(vec!["a-1".into(), "a b/c".into(), "😀".into()]),
            Route::Verify,
            Route::Accessibility,
            Route::Respond,
        ];
        for r in routes {
            assert_eq!(
                Route::parse(&r.to_hash()),
                Some(r.clone()),
                "{}",
                r.to_hash()
            );
        }
    }

    #[test]
    fn routes_are_written_as_documented() {
        assert_eq!(Route::Start.to_hash(), "#/");
        assert_eq!(Route::Step("a-17".into(), 3).to_hash(), "#/a/a-17/step/3");
        assert_eq!(Route::Report("a-17".into()).to_hash(), "#/a/a-17/report");
        assert_eq!(
            Route::Questionnaire("a-17".into()).to_hash(),
            "#/a/a-17/questionnaire"
        );
        assert_eq!(Route::Landing("a-17".into()).to_hash(), "#/a/a-17/landing");
        assert_eq!(Route::Compare(vec![]).to_hash(), "#/compare");
        assert_eq!(
            Route::Compare(vec!["a-1".into(), "a-2".into()]).to_hash(),
            "#/compare/a-1/a-2"
        );
        assert_eq!(Route::Verify.to_hash(), "#/verify");
        assert_eq!(Route::Accessibility.to_hash(), "#/accessibility");
        assert_eq!(Route::Respond.to_hash(), "#/respond");
    }

    #[test]
    fn any_id_is_one_segment_and_comes_back_whole() {
        for id in ["a b/c?d#e%f", "Évaluation 2026", "😀", "..", "a%2F"] {
            let hash = Route::Report(id.into()).to_hash();
            assert_eq!(hash.matches('/').count(), 3, "{hash}");
            assert!(hash.is_ascii(), "{hash}");
            assert_eq!(Route::parse(&hash), Some(Route::Report(id.into())));
        }
        assert_eq!(Route::Report("a b".into()).to_hash(), "#/a/a%20b/report");
    }

    #[test]
    fn empty_and_lenient_forms_are_the_start_or_their_screen() {
        for h in ["", "#", "#/", "/", "#//"] {
            assert_eq!(Route::parse(h), Some(Route::Start), "{h:?}");
        }
        assert_eq!(Route::parse("#/compare/"), Some(Route::Compare(vec![])));
        assert_eq!(
            Route::parse("/a/x/step/2"),
            Some(Route::Step("x".into(), 2))
        );
    }

    #[test]
    fn what_names_nothing_is_refused() {
        for h in [
            "#/nowhere",
            "#/a",
            "#/a/x",
            "#/a/x/step",
            "#/a/x/step/-1",
            "#/a/x/step/+1",
            "#/a/x/step/two",
            "#/a/x/step/99999999999999999999999",
            "#/a/x/report/extra",
            "#/a//report",
            "#/a/%ZZ/report",
            "#/a/%C3/report",
            "#/a/%E/report",
            "#/Compare",
        ] {
            assert_eq!(Route::parse(h), None, "{h:?}");
        }
    }

    #[test]
    fn the_route_of_a_state_names_its_screen_and_assessment() {
        let mut s = AppState::new(Lang::En);
        assert_eq!(Route::of(&s), Route::Start);
        s.apply(
            Action::NewAssessment {
                id: "a-1".into(),
                today: None,
            },
            "2026-12-02T10:00:00Z",
        );
        assert_eq!(Route::of(&s), Route::Step("a-1".into(), 0));
        s.apply(Action::Next, "2026-12-02T10:00:00Z");
        assert_eq!(Route::of(&s), Route::Step("a-1".into(), 1));
        s.apply(Action::Show(Screen::Report), "2026-12-02T10:00:00Z");
        assert_eq!(Route::of(&s), Route::Report("a-1".into()));
        s.apply(Action::Show(Screen::Compare), "2026-12-02T10:00:00Z");
        assert_eq!(Route::of(&s), Route::Compare(vec![]));
        // The picks are in the address, and a route with picks shows them.
        s.apply(Action::ComparePicks(vec!["a-2".into()]), NOW);
        assert_eq!(Route::of(&s), Route::Compare(vec!["a-2".into()]));
        s.apply(Action::Route(Some(Route::Start)), NOW);
        s.apply(
            Action::Route(Some(Route::Compare(vec!["a-1".into(), "a-2".into()]))),
            NOW,
        );
        assert_eq!(s.screen, Screen::Compare);
        assert_eq!(s.compare_picks, Some(vec!["a-1".into(), "a-2".into()]));
        // Arriving from the start screen's button: the first two of the list again.
        s.apply(Action::Show(Screen::Start), NOW);
        s.apply(Action::Show(Screen::Compare), NOW);
        assert_eq!(Route::of(&s), Route::Compare(vec![]));
        s.apply(Action::Show(Screen::Start), "2026-12-02T10:00:00Z");
        assert_eq!(Route::of(&s), Route::Start);
        assert!(walk().len() > 2);
    }

    const NOW: &str = "2026-12-02T10:00:00Z";

    /// A workspace of two assessments, `a-1` and `a-2`, on the start screen.
    fn two() -> AppState {
        let mut s = AppState::new(Lang::En);
        for id in ["a-1", "a-2"] {
            s.apply(
                Action::NewAssessment {
                    id: id.into(),
                    today: None,
                },
                NOW,
            );
        }
        s.apply(Action::Show(Screen::Start), NOW);
        s
    }

    #[test]
    fn a_route_opens_its_assessment_at_its_screen() {
        let mut s = two();
        s.apply(Action::Route(Some(Route::Step("a-1".into(), 4))), NOW);
        assert_eq!(
            (s.screen, s.started, s.assessment.id.as_str()),
            (Screen::Walk(4), true, "a-1")
        );
        s.apply(Action::Route(Some(Route::Report("a-2".into()))), NOW);
        assert_eq!(
            (s.screen, s.assessment.id.as_str()),
            (Screen::Report, "a-2")
        );
        s.apply(Action::Route(Some(Route::Accessibility)), NOW);
        assert_eq!(s.screen, Screen::Accessibility);
        assert_eq!(s.previous, Some(Screen::Report));
        s.apply(Action::Route(Some(Route::Start)), NOW);
        assert_eq!(s.screen, Screen::Start);
        // Following an address changes nothing of the assessments.
        assert_eq!(two().workspace, s.workspace);
        assert!(s.saving.notices.is_empty());
    }

    #[test]
    fn a_route_to_nothing_here_leads_to_the_start_with_a_notice() {
        let last = walk().len() - 1;
        for r in [
            None,
            Some(Route::Step("gone".into(), 1)),
            Some(Route::Step("a-1".into(), last + 1)),
            Some(Route::Report("gone".into())),
            Some(Route::Questionnaire("gone".into())),
        ] {
            let mut s = two();
            s.apply(Action::Route(Some(Route::Step("a-1".into(), 2))), NOW);
            let seq = s.nav_seq;
            s.apply(Action::Route(r.clone()), NOW);
            assert_eq!(s.screen, Screen::Start, "{r:?}");
            assert_eq!(
                s.saving.notices,
                vec![crate::saving::Notice::UnknownLink],
                "{r:?}"
            );
            assert!(s.nav_seq != seq, "{r:?}: the address is corrected");
        }
        // The last step exists.
        let mut s = two();
        s.apply(Action::Route(Some(Route::Step("a-1".into(), last))), NOW);
        assert_eq!(s.screen, Screen::Walk(last));
    }

    #[test]
    fn what_is_no_longer_in_progress_leads_quietly_to_the_start() {
        for r in [Route::Respond, Route::Landing("a-1".into())] {
            let mut s = two();
            s.apply(Action::Route(Some(Route::Compare(vec![]))), NOW);
            s.apply(Action::Route(Some(r.clone())), NOW);
            assert_eq!(s.screen, Screen::Start, "{r:?}");
            assert!(s.saving.notices.is_empty(), "{r:?}");
        }
    }

    #[test]
    fn following_the_route_the_app_is_at_changes_nothing() {
        let mut s = two();
        s.apply(Action::Route(Some(Route::Step("a-2".into(), 3))), NOW);
        let before = format!("{s:?}");
        s.apply(Action::Route(Some(Route::Step("a-2".into(), 3))), NOW);
        // A state equals only itself (`AppState`'s `PartialEq`): compared by value here.
        assert_eq!(format!("{s:?}"), before);
    }
}
