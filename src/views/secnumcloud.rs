//! The SecNumCloud step: qualification stage, scope, composition, last audit, and the four
//! pillars' requirements answered met / partly / not met / unknown / not applicable.

use crate::components::fields::{details_open, use_built_once, SelectField, TextField};
use crate::components::snc_facts::{SncFact, SncFacts};
use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_core::content::secnumcloud;
use sovcheck_core::edit::{Edit, SncEdit};
use sovcheck_core::evaluate;
use sovcheck_core::model::{ServiceModel, SncStatus, Stage};
use sovcheck_text::texts;
use yew::prelude::*;

fn status_id(s: SncStatus) -> &'static str {
    match s {
        SncStatus::Met => "met",
        SncStatus::Partly => "partly",
        SncStatus::NotMet => "not-met",
        SncStatus::Unknown => "unknown",
        SncStatus::NotApplicable => "not-applicable",
    }
}

/// The SecNumCloud step.
#[function_component(SncStep)]
pub fn snc_step(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let snc = &store.assessment.secnumcloud;
    let unset = evaluate::unset_requirements(&store.assessment).len();
    let fill = |status: SncStatus| {
        let s = store.clone();
        Callback::from(move |_: MouseEvent| {
            s.dispatch(Action::Edit(Edit::Snc(SncEdit::FillUnset(status))));
            // The bulk actions go (nothing is left unset): the focus goes to the first
            // pillar, to review or change what was set.
            crate::platform::focus_soon("details.pillar > summary");
        })
    };
    let qualified = snc.stage == Some(Stage::J3);
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.walk.step_secnumcloud }</h1>
            <p class="lead">{ secnumcloud::intro().get(lang) }</p>
            <SncFacts facts={SncFact::ALL.to_vec()} />
            <fieldset class="models">
                <legend>{ t.snc.models }</legend>
                { for ServiceModel::ALL.iter().zip(secnumcloud::service_models()).map(|(&m, d)| {
                    let on = snc.service_models.contains(&m);
                    let s = store.clone();
                    let id = format!("snc-model-{}", m.id());
                    html! {
                        <div class="choice">
                            <input type="checkbox" id={id.clone()} checked={on}
                                onchange={Callback::from(move |_| s.dispatch(Action::Edit(Edit::Snc(SncEdit::Model(m, !on)))))} />
                            <label for={id}>{ d.name.get(lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            if unset > 0 {
                <div class="bulk" role="group" aria-label={t.snc.bulk_title} data-testid="snc-bulk">
                    <p class="muted">{ t.snc.bulk_title }</p>
                    if qualified {
                        <p class="help" id="snc-all-met-help">{ t.snc.all_met_help }</p>
                        <button type="button" class="secondary" data-testid="snc-all-met"
                            aria-describedby="snc-all-met-help" onclick={fill(SncStatus::Met)}>{ t.snc.all_met }</button>
                    }
                    <button type="button" class="secondary" data-testid="snc-all-unknown"
                        onclick={fill(SncStatus::Unknown)}>{ t.snc.all_unknown }</button>
                </div>
            }
            { for secnumcloud::pillars().iter().map(|pillar| html! {
                <Pillar pillar={pillar.id} key={pillar.id} />
            }) }
        </section>
    }
}

/// Props of [`Pillar`].
#[derive(Properties, PartialEq)]
struct PillarProps {
    pillar: &'static str,
}

/// One pillar of requirements, folded once every requirement in it is set, with its count
/// in the summary. The user's own folding or unfolding wins until the count's rule agrees
/// with it again.
#[function_component(Pillar)]
fn pillar_view(p: &PillarProps) -> Html {
    let store = use_context::<Store>();
    // The user's choice where it differs from the rule: open (true) or folded (false).
    let chosen = use_state(|| None::<bool>);
    let pillar = secnumcloud::pillars().iter().find(|x| x.id == p.pillar);
    let (set, total) = match (&store, pillar) {
        (Some(s), Some(pillar)) => (
            pillar
                .criteria
                .iter()
                .filter(|c| {
                    let found = s.assessment.secnumcloud.criteria.get(c.id);
                    found.and_then(|a| a.status).is_some()
                })
                .count(),
            pillar.criteria.len(),
        ),
        _ => (0, 0),
    };
    let by_rule = set < total;
    let open = chosen.unwrap_or(by_rule);
    // The requirements of a pillar folded since the step opened are built when it opens: a
    // step of set requirements is a short page.
    let built = use_built_once(open);
    let (Some(store), Some(pillar)) = (store, pillar) else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let snc = &store.assessment.secnumcloud;
    let ontoggle = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let Some(now) = details_open(&e) else {
                return;
            };
            // The rule's own folding (a render) fires this event too: nothing chosen then.
            let want = (now != by_rule).then_some(now);
            if *chosen != want {
                chosen.set(want);
            }
        })
    };
    let statuses = [
        (SncStatus::Met, t.words.snc_met),
        (SncStatus::Partly, t.words.snc_partly),
        (SncStatus::NotMet, t.words.snc_not_met),
        (SncStatus::Unknown, t.words.snc_unknown),
        (SncStatus::NotApplicable, t.words.snc_na),
    ];
    html! {
        <details class="pillar" data-testid={format!("snc-pillar-{}", pillar.id)} {open} {ontoggle}>
            <summary>
                <h2>{ pillar.name.get(lang) }</h2>
                <span class="muted" data-testid={format!("snc-pillar-{}-count", pillar.id)}>
                    { sovcheck_text::fill(t.form(set, &t.snc.pillar_set), &[("n", &set), ("total", &total)]) }
                </span>
            </summary>
            if built {
                <p>{ pillar.summary.get(lang) }</p>
                { for pillar.criteria.iter().map(|c| {
                    let answer = snc.criteria.get(c.id).cloned().unwrap_or_default();
                    let opts: Vec<(String, String)> = std::iter::once((String::new(), t.common.not_set.to_owned()))
                        .chain(statuses.iter().map(|(s, l)| (status_id(*s).to_owned(), (*l).to_owned())))
                        .collect();
                    let cid = c.id;
                    let onchange = {
                        let s = store.clone();
                        Callback::from(move |v: String| {
                            let status = SncStatus::ALL.into_iter().find(|x| status_id(*x) == v);
                            s.dispatch(Action::Edit(Edit::Snc(SncEdit::Criterion(cid.to_owned(), status))))
                        })
                    };
                    let on_note = {
                        let s = store.clone();
                        Callback::from(move |v: String| {
                            s.dispatch(Action::Edit(Edit::Snc(SncEdit::Note(cid.to_owned(), v))))
                        })
                    };
                    let dom = c.id.replace('.', "_");
                    html! {
                        <div class="snc-criterion" data-testid={format!("snc-{}", c.id)} key={c.id}>
                            <SelectField id={dom.clone()} label={format!("{} — {}", c.clause, c.title.get(lang))}
                                options={opts} value={answer.status.map(status_id).unwrap_or_default()} {onchange} />
                            <p class="help">{ c.requirement.get(lang) }{ " " }{ c.help.get(lang) }</p>
                            <details class="evidence" open={!answer.note.is_empty()}>
                                <summary>{ sovcheck_text::fill(t.snc.note_of, &[("clause", &c.clause)]) }</summary>
                                <TextField id={format!("{dom}-note")} label={sovcheck_text::fill(t.snc.note_of, &[("clause", &c.clause)])}
                                    multiline=true value={answer.note.clone()} onchange={on_note} />
                            </details>
                        </div>
                    }
                }) }
            }
        </details>
    }
}
