//! The context step: provider, offer, service models, assessor, date, sensitivity, target
//! SEAL, weight profile (weights shown) and aggregation policy.

use crate::components::fields::{SelectField, TextField};
use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_core::edit::{Edit, MetaEdit};
use sovcheck_core::model::{Aggregation, Date, Sensitivity, ServiceModel, Weights};
use sovcheck_core::{content, Seal};
use sovcheck_text::texts;
use yew::prelude::*;

/// The context step.
#[function_component(ContextStep)]
pub fn context_step(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let m = &store.assessment.meta;
    let edit = |f: fn(String) -> MetaEdit| {
        let s = store.clone();
        Callback::from(move |v: String| s.dispatch(Action::Edit(Edit::Meta(f(v)))))
    };
    let none = (String::new(), t.common.not_set.to_owned());
    let sens = [
        (Sensitivity::Low, t.words.sens_low),
        (Sensitivity::Moderate, t.words.sens_moderate),
        (Sensitivity::High, t.words.sens_high),
        (Sensitivity::Critical, t.words.sens_critical),
    ];
    let sens_opts: Vec<(String, String)> = std::iter::once(none.clone())
        .chain(
            sens.iter()
                .map(|(s, l)| (s.id().to_owned(), (*l).to_owned())),
        )
        .collect();
    let seal_opts: Vec<(String, String)> = std::iter::once(none)
        .chain(Seal::all().map(|s| {
            let name = content::seal_level(s)
                .map(|d| d.name.get(lang))
                .unwrap_or_default();
            (s.level().to_string(), format!("{s} — {name}"))
        }))
        .collect();
    let weights_value = match store.assessment.weights {
        Weights::Framework => "framework",
        Weights::Calculator => "calculator",
        Weights::Custom(_) => "custom",
    };
    let mut weight_opts = vec![
        ("framework".to_owned(), t.words.weights_framework.to_owned()),
        (
            "calculator".to_owned(),
            t.words.weights_calculator.to_owned(),
        ),
    ];
    if let Weights::Custom(w) = store.assessment.weights {
        weight_opts.push(("custom".to_owned(), sovcheck_core::figures::int_list(&w)));
    }
    let values = store.assessment.weights.values();
    html! {
        <section>
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.walk.step_context }</h1>
            <p>{ t.context.intro }</p>
            <div class="grid2">
                <TextField id="title" label={t.context.title_label} value={m.title.clone()} onchange={edit(MetaEdit::Title)} />
                <TextField id="provider" label={t.context.provider} value={m.provider.clone()} onchange={edit(MetaEdit::Provider)} />
                <TextField id="offer" label={t.context.offer} value={m.offer.clone()} onchange={edit(MetaEdit::Offer)} />
                <fieldset class="models">
                    <legend>{ t.context.service_model }</legend>
                    { for ServiceModel::ALL.iter().zip(content::secnumcloud::service_models()).map(|(&model, d)| {
                        let on = m.service_models.contains(&model);
                        let s = store.clone();
                        let id = format!("service-model-{}", model.id());
                        html! {
                            <div class="choice">
                                <input type="checkbox" id={id.clone()} checked={on}
                                    onchange={Callback::from(move |_| s.dispatch(Action::Edit(Edit::Meta(MetaEdit::ServiceModels(model, !on)))))} />
                                <label for={id}>{ d.name.get(lang) }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <TextField id="assessor" label={t.context.assessor} value={m.assessor.clone()} onchange={edit(MetaEdit::Assessor)} />
                <TextField id="date" kind="date" label={t.context.date} value={m.date.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={edit(|v| MetaEdit::Date(Date::parse(&v)))} />
                <SelectField id="sensitivity" label={t.context.sensitivity} options={sens_opts}
                    value={m.sensitivity.map(|s| s.id().to_owned()).unwrap_or_default()}
                    onchange={edit(|v| MetaEdit::Sensitivity(Sensitivity::ALL.into_iter().find(|s| s.id() == v)))} />
                <SelectField id="target-seal" label={t.context.target_seal} options={seal_opts}
                    value={m.target_seal.map(|s| s.level().to_string()).unwrap_or_default()}
                    onchange={edit(|v| MetaEdit::TargetSeal(v.parse().ok().and_then(Seal::new)))} />
                <SelectField id="weights" label={t.context.weights} options={weight_opts} value={weights_value}
                    onchange={edit(|v| MetaEdit::Weights(if v == "calculator" { Weights::Calculator } else { Weights::Framework }))} />
                <SelectField id="aggregation" label={t.context.aggregation}
                    options={vec![("weakest-link".to_owned(), t.words.agg_weakest.to_owned()), ("weighted-mean".to_owned(), t.words.agg_mean.to_owned())]}
                    value={if store.assessment.aggregation == Aggregation::WeightedMean { "weighted-mean" } else { "weakest-link" }}
                    onchange={edit(|v| MetaEdit::Aggregation(if v == "weighted-mean" { Aggregation::WeightedMean } else { Aggregation::WeakestLink }))} />
            </div>
            <table class="weights" data-testid="weights-table">
                <caption>{ t.context.weights }</caption>
                <thead><tr><th scope="col">{ t.results.objective }</th><th scope="col">{ t.results.weight }</th></tr></thead>
                <tbody>
                { for content::objectives().iter().zip(values).map(|(o, w)| html! {
                    <tr><th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th><td>{ t.percent(w) }</td></tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
