//! Landing responses in an assessment (the CISO's side): one response at a time, what it
//! fills, confirms and conflicts with, as the core plans it ([`sovcheck_core::merge`]). Each
//! conflict shows both sides (answer in words, note, evidence, who and when) and is decided
//! with keep / take / mark unknown and an optional "why". Nothing changes until "Land"; then
//! every item goes to the assessment's log, and the next response of the drop is shown.

use crate::components::provenance::ProvenanceNote;
use crate::platform::today;
use crate::state::{Action, PendingLanding, Screen, Store};
use crate::views::ScreenProps;
use sovcheck_core::content;
use sovcheck_core::merge::{Decision, Item, Outcome};
use sovcheck_core::model::Answer;
use sovcheck_core::Lang;
use sovcheck_text::{texts, Catalog};
use std::collections::BTreeMap;
use yew::prelude::*;

/// The decisions taken so far on screen, by subject: the decision (if any) and why.
type Decisions = BTreeMap<String, (Option<Decision>, String)>;

/// The title of a subject: `SOV-1.1 Title` or `Q4 · Title`.
fn subject_title(subject: &str, lang: Lang) -> String {
    match (content::criterion(subject), content::question(subject)) {
        (Some(c), _) => format!("{} {}", c.id, c.title.get(lang)),
        (None, Some(q)) => format!("{} · {}", q.id.to_ascii_uppercase(), q.title.get(lang)),
        _ => subject.to_owned(),
    }
}

/// One side of an item: the answer in words, its note and evidence, its provenance.
fn side(subject: &str, a: &Answer, lang: Lang, t: &Catalog, testid: String) -> Html {
    let colon = t.typo.colon;
    let is_criterion = content::criterion(subject).is_some();
    let evidence = [
        (!a.source.is_empty()).then(|| format!("{}{colon} {}", t.evidence.source, a.source)),
        a.evidence_level
            .map(|l| format!("{}{colon} {}", t.evidence.level, t.evidence_level(l))),
        a.valid_until
            .map(|d| format!("{}{colon} {}", t.evidence.valid_until, t.date(d))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    html! {
        <div class="side" data-testid={testid}>
            <p class="answer">{ t.given_answer(subject, a) }</p>
            if is_criterion && !a.note.is_empty() {
                <p class="prose">{ a.note.clone() }</p>
            }
            if !evidence.is_empty() {
                <p class="src">{ t.list(evidence) }</p>
            }
            <ProvenanceNote subject={subject.to_owned()} answer={Some(a.clone())} {lang} />
        </div>
    }
}

/// A filled or confirmed item, in one line.
fn line(item: &Item, lang: Lang, t: &Catalog, prefix: &str) -> Html {
    let shown = match item.outcome {
        Outcome::Filled | Outcome::Conflict => &item.theirs,
        Outcome::Confirmed => &item.ours,
    };
    html! {
        <li data-testid={format!("{prefix}-{}", item.subject)}>
            <strong>{ subject_title(&item.subject, lang) }</strong>
            { format!("{} {}", t.typo.colon, t.given_answer(&item.subject, shown)) }
            <ProvenanceNote subject={item.subject.clone()} answer={Some(item.theirs.clone())} {lang} />
        </li>
    }
}

/// The landing screen.
#[function_component(LandingView)]
pub fn landing_view(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let body = match (&store.landing, &store.landed) {
        (Some(pending), _) => {
            // A fresh form for each response (its source and place in the queue).
            let key = format!("{}-{}", pending.current.source, pending.done.len());
            html! { <PendingView {key} pending={pending.clone()} /> }
        }
        (None, Some(outcome)) => {
            let l = &t.landing;
            let open = {
                let (s, id) = (store.clone(), outcome.assessment.clone());
                Callback::from(move |_| s.dispatch(Action::Open(id.clone())))
            };
            let close = {
                let s = store.clone();
                Callback::from(move |_| s.dispatch(Action::Show(Screen::Start)))
            };
            html! {
                <div class="panel" role="status" data-testid="landing-done">
                    if !outcome.done.is_empty() {
                        <p>{ t.count(outcome.done.iter().map(|(_, d)| d.filled + d.confirmed + d.decided).sum(), &l.landed) }</p>
                    }
                    <ul>
                        { for outcome.done.iter().map(|(file, d)| html! {
                            <li>{ format!("{file}{} {}", t.typo.colon, t.clauses([
                                t.count(d.filled, &l.filled),
                                t.count(d.confirmed, &l.confirmed),
                                t.count(d.decided + d.undecided, &l.conflicts),
                            ])) }</li>
                        }) }
                    </ul>
                    if outcome.cancelled {
                        <p data-testid="landing-cancelled">{ l.cancelled }</p>
                    }
                    <div class="actions">
                        <button type="button" class="primary" data-testid="landing-open" onclick={open}>{ t.common.open }</button>
                        <button type="button" data-testid="landing-close" onclick={close}>{ t.respond.done }</button>
                    </div>
                </div>
            }
        }
        (None, None) => html! {},
    };
    html! {
        <section class="landing" data-testid="landing">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.landing.title }</h1>
            <p class="lead">{ t.landing.intro }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PendingProps {
    pending: PendingLanding,
}

#[function_component(PendingView)]
fn pending_view(p: &PendingProps) -> Html {
    let store = use_context::<Store>();
    let by_default = store
        .as_ref()
        .and_then(|s| {
            s.workspace
                .iter()
                .find(|a| a.id == p.pending.assessment)
                .map(|a| a.meta.assessor.clone())
        })
        .unwrap_or_default();
    let decisions = use_state(Decisions::new);
    let by = use_state(move || by_default);
    let Some(store) = store else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let l = &t.landing;
    let current = &p.pending.current;
    let undecided = current
        .conflicts()
        .filter(|c| decisions.get(&c.subject).and_then(|(d, _)| *d).is_none())
        .count();
    let decide = |subject: String, d: Decision| {
        let decisions = decisions.clone();
        Callback::from(move |_| {
            let mut next = (*decisions).clone();
            next.entry(subject.clone()).or_default().0 = Some(d);
            decisions.set(next);
        })
    };
    let why = |subject: String| {
        let decisions = decisions.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*decisions).clone();
            next.entry(subject.clone()).or_default().1 = crate::components::fields::event_value(&e);
            decisions.set(next);
        })
    };
    let by_in = {
        let by = by.clone();
        Callback::from(move |e: InputEvent| by.set(crate::components::fields::event_value(&e)))
    };
    let confirm =
        {
            let (s, decisions, by) = (store.clone(), decisions.clone(), by.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                // Every conflict is decided before anything lands (the button says so too).
                if undecided > 0 {
                    return;
                }
                // Inserted one by one: `collect` into a map would pull a sort into the wasm.
                let mut chosen = BTreeMap::new();
                chosen.extend(decisions.iter().filter_map(|(k, (d, why))| {
                    d.map(|d| (k.clone(), (d, why.trim().to_owned())))
                }));
                s.dispatch(Action::Land {
                    decisions: chosen,
                    by: by.trim().to_owned(),
                    today: today(),
                });
            })
        };
    let cancel = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::CancelLanding))
    };
    let position = p.pending.done.len() + 1;
    let total = position + p.pending.queue.len();
    let items = |o: Outcome| current.items.iter().filter(move |i| i.outcome == o);
    let summary = t.clauses([
        t.count(current.count(Outcome::Filled), &l.filled),
        t.count(current.count(Outcome::Confirmed), &l.confirmed),
        t.count(current.count(Outcome::Conflict), &l.conflicts),
    ]);
    html! {
        <form class="landing-form" onsubmit={confirm} novalidate=true>
            <dl class="facts" data-testid="landing-source">
                <dt>{ l.source }</dt><dd>{ format!("{} ({position}/{total})", current.source) }</dd>
                <dt>{ l.respondent }</dt><dd data-testid="landing-respondent">{ t.respondent(&current.respondent) }</dd>
                if let Some(d) = current.answered {
                    <dt>{ l.answered }</dt><dd>{ t.date(d) }</dd>
                }
                if let Some(q) = &current.questionnaire {
                    <dt>{ l.questionnaire }</dt><dd><code>{ q.clone() }</code></dd>
                }
            </dl>
            if current.is_empty() {
                <p data-testid="landing-already">{ l.already }</p>
            } else {
                <p data-testid="landing-summary">{ summary }</p>
            }
            if current.count(Outcome::Conflict) > 0 {
                <h2>{ l.conflicts_title }</h2>
                { for current.conflicts().map(|c| {
                    let s = c.subject.clone();
                    let dom = s.replace('.', "_");
                    let chosen = decisions.get(&s).and_then(|(d, _)| *d);
                    let why_text = decisions.get(&s).map(|(_, w)| w.clone()).unwrap_or_default();
                    let words = |d: Decision| match d {
                        Decision::Keep => l.keep,
                        Decision::Take => l.take,
                        Decision::Unknown => l.unknown,
                    };
                    html! {
                        <fieldset class="conflict" data-testid={format!("conflict-{s}")}>
                            <legend>{ subject_title(&s, lang) }</legend>
                            <div class="sides">
                                <div>
                                    <h3>{ l.ours }</h3>
                                    { side(&s, &c.ours, lang, t, format!("conflict-{s}-ours")) }
                                </div>
                                <div>
                                    <h3>{ l.theirs }</h3>
                                    { side(&s, &c.theirs, lang, t, format!("conflict-{s}-theirs")) }
                                </div>
                            </div>
                            <fieldset class="decide">
                                <legend>{ l.decision }</legend>
                                { for Decision::ALL.iter().map(|d| {
                                    let id = format!("decide-{dom}-{}", d.id());
                                    html! {
                                        <div class="choice">
                                            <input type="radio" id={id.clone()} name={format!("decide-{dom}")}
                                                data-testid={format!("decide-{s}-{}", d.id())}
                                                checked={chosen == Some(*d)} onchange={decide(s.clone(), *d)} />
                                            <label for={id}>{ words(*d) }</label>
                                        </div>
                                    }
                                }) }
                            </fieldset>
                            <div class="field">
                                <label for={format!("why-{dom}")}>{ l.why }</label>
                                <input id={format!("why-{dom}")} data-testid={format!("why-{s}")} value={why_text}
                                    maxlength={crate::components::fields::max_text_length()} oninput={why(s.clone())} />
                            </div>
                        </fieldset>
                    }
                }) }
            }
            if current.count(Outcome::Filled) > 0 {
                <h2>{ l.filled_title }</h2>
                <ul class="landing-items">{ for items(Outcome::Filled).map(|i| line(i, lang, t, "filled")) }</ul>
            }
            if current.count(Outcome::Confirmed) > 0 {
                <h2>{ l.confirmed_title }</h2>
                <ul class="landing-items">{ for items(Outcome::Confirmed).map(|i| line(i, lang, t, "confirmed")) }</ul>
            }
            <div class="field">
                <label for="landing-by">{ l.accepted_by }</label>
                <input id="landing-by" data-testid="landing-by" value={(*by).clone()} oninput={by_in}
                    maxlength={crate::components::fields::max_text_length()} autocomplete="name" />
            </div>
            <p role="status" data-testid="landing-undecided">
                if undecided > 0 { { t.count(undecided, &l.undecided) } }
            </p>
            <div class="actions">
                <button type="submit" class="primary" data-testid="landing-confirm" disabled={undecided > 0}>
                    { l.confirm }
                </button>
                <button type="button" data-testid="landing-cancel" onclick={cancel}>{ l.cancel }</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_are_titled_by_id_and_title() {
        let t = subject_title("SOV-1.1", Lang::En);
        assert!(t.starts_with("SOV-1.1 "), "{t}");
        assert!(subject_title("q4", Lang::En).starts_with("Q4 · "));
        assert_eq!(subject_title("x", Lang::En), "x");
    }
}
