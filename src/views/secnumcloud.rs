//! The SecNumCloud step: qualification stage, scope, composition, last audit, and the four
//! pillars' requirements answered met / partly / not met / unknown / not applicable.

use crate::components::fields::{SelectField, TextField};
use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_core::content::secnumcloud;
use sovcheck_core::edit::{Edit, SncEdit};
use sovcheck_core::model::{Date, ServiceModel, SncStatus, Stage};
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
    let edit = |f: fn(String) -> SncEdit| {
        let s = store.clone();
        Callback::from(move |v: String| s.dispatch(Action::Edit(Edit::Snc(f(v)))))
    };
    let stage_opts: Vec<(String, String)> =
        std::iter::once((String::new(), t.common.not_set.to_owned()))
            .chain(
                Stage::ALL
                    .iter()
                    .zip(secnumcloud::stages())
                    .map(|(s, d)| (s.id().to_owned(), d.name.get(lang).to_owned())),
            )
            .collect();
    let comp_opts = vec![
        (String::new(), t.common.not_set.to_owned()),
        ("yes".to_owned(), t.common.yes.to_owned()),
        ("no".to_owned(), t.common.no.to_owned()),
    ];
    let statuses = [
        (SncStatus::Met, t.words.snc_met),
        (SncStatus::Partly, t.words.snc_partly),
        (SncStatus::NotMet, t.words.snc_not_met),
        (SncStatus::Unknown, t.words.snc_unknown),
        (SncStatus::NotApplicable, t.words.snc_na),
    ];
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.walk.step_secnumcloud }</h1>
            <p class="lead">{ secnumcloud::intro().get(lang) }</p>
            <div class="grid2">
                <SelectField id="snc-stage" label={t.snc.stage} options={stage_opts}
                    value={snc.stage.map(|s| s.id()).unwrap_or_default()}
                    onchange={edit(|v| SncEdit::Stage(Stage::ALL.into_iter().find(|s| s.id() == v)))} />
                <TextField id="snc-version" label={t.snc.version} value={snc.referential_version.clone()} onchange={edit(SncEdit::Version)} />
                <TextField id="snc-scope" label={t.snc.scope} multiline=true value={snc.services_in_scope.clone()} onchange={edit(SncEdit::Scope)} />
                <SelectField id="snc-composition" label={t.snc.composition} options={comp_opts}
                    value={match snc.composition { Some(true) => "yes", Some(false) => "no", None => "" }}
                    onchange={edit(|v| SncEdit::Composition(match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None }))} />
                <TextField id="snc-base" label={t.snc.composition_base} value={snc.composition_base.clone()} onchange={edit(SncEdit::CompositionBase)} />
                <TextField id="snc-audit" kind="date" label={t.snc.last_audit} value={snc.last_audit.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={edit(|v| SncEdit::LastAudit(Date::parse(&v)))} />
            </div>
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
            { for secnumcloud::pillars().iter().map(|pillar| html! {
                <section class="pillar">
                    <h2>{ pillar.name.get(lang) }</h2>
                    <p>{ pillar.summary.get(lang) }</p>
                    { for pillar.criteria.iter().map(|c| {
                        let current = snc.criteria.get(c.id).and_then(|a| a.status);
                        let opts: Vec<(String, String)> = std::iter::once((String::new(), t.common.not_set.to_owned()))
                            .chain(statuses.iter().map(|(s, l)| (status_id(*s).to_owned(), (*l).to_owned())))
                            .collect();
                        let s = store.clone();
                        let cid = c.id;
                        let onchange = Callback::from(move |v: String| {
                            let status = SncStatus::ALL.into_iter().find(|x| status_id(*x) == v);
                            s.dispatch(Action::Edit(Edit::Snc(SncEdit::Criterion(cid.to_owned(), status))))
                        });
                        html! {
                            <div class="snc-criterion" data-testid={format!("snc-{}", c.id)}>
                                <SelectField id={c.id.replace('.', "_")} label={format!("{} — {}", c.clause, c.title.get(lang))}
                                    options={opts} value={current.map(status_id).unwrap_or_default()} {onchange} />
                                <p class="help">{ c.requirement.get(lang) }{ " " }{ c.help.get(lang) }</p>
                            </div>
                        }
                    }) }
                </section>
            }) }
        </section>
    }
}
