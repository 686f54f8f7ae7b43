//! The action plan: what to ask the provider and what the provider would have to change,
//! each ordered by its effect on the SEAL, then on the score (`sovcheck_core::verdict::plan`).
//! On the results every action has an owner, a due date and a status, stored in the
//! assessment (`Edit::Plan`); the report prints the same plan as a table.
//!
//! An answer can be in both groups (declared by the provider only, and below the target):
//! the action is kept per criterion, so both rows show, and edit, the same follow-up.

use crate::components::estimate::walk_index_of;
use crate::components::fields::{event_value, max_text_length};
use crate::state::{Action, Store};
use sovcheck_core::edit::{Edit, PlanEdit};
use sovcheck_core::model::{Date, PlanItem, PlanStatus};
use sovcheck_core::verdict::{Plan, PlanEntry};
use sovcheck_core::{Assessment, Lang, Seal};
use sovcheck_text::texts;
use std::rc::Rc;
use yew::prelude::*;

/// The two groups, with their stable names (`ask`, `change`).
fn groups(plan: &Plan) -> [(&'static str, &[PlanEntry]); 2] {
    [("ask", &plan.ask), ("change", &plan.change)]
}

/// The intro of a group, or what to say when it is empty.
fn group_text(group: &str, empty: bool, target: Option<Seal>, lang: Lang) -> String {
    let t = texts(lang);
    let target_words = target.map(|s| s.to_string()).unwrap_or_default();
    let fill = |s: &str| sovcheck_text::fill(s, &[("target", &target_words)]);
    match (group, empty, target) {
        ("ask", false, _) => t.plan.ask_intro.to_owned(),
        ("ask", true, _) => t.plan.ask_none.to_owned(),
        (_, _, None) => t.plan.change_no_target.to_owned(),
        (_, false, Some(_)) => fill(t.plan.change_intro),
        (_, true, Some(_)) => fill(t.plan.change_none),
    }
}

fn group_title(group: &str, lang: Lang) -> &'static str {
    let t = texts(lang);
    if group == "ask" {
        t.plan.ask_title
    } else {
        t.plan.change_title
    }
}

/// Props of [`ActionPlan`] and [`PlanTable`].
#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub plan: Rc<Plan>,
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// The editable action plan of the results view.
#[function_component(ActionPlan)]
pub fn action_plan(p: &PlanProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let (lang, t) = (p.lang, texts(p.lang));
    let target = p.assessment.meta.target_seal;
    html! {
        <section class="action-plan" data-testid="action-plan" aria-labelledby="plan-title">
            <h2 id="plan-title">{ t.plan.title }</h2>
            <p>{ t.plan.intro }</p>
            { for groups(&p.plan).into_iter().map(|(group, entries)| html! {
                <>
                    <h3>{ group_title(group, lang) }</h3>
                    <p class="muted">{ group_text(group, entries.is_empty(), target, lang) }</p>
                    if !entries.is_empty() {
                        <ol class="plan-list" data-testid={format!("plan-{group}")}>
                            { for entries.iter().map(|e| {
                                let item = p.assessment.action_plan.get(e.id).cloned().unwrap_or_default();
                                html! { <PlanRow entry={*e} {group} {item} {target} {lang} store={store.clone()} /> }
                            }) }
                        </ol>
                    }
                </>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PlanRowProps {
    entry: PlanEntry,
    group: &'static str,
    item: PlanItem,
    target: Option<Seal>,
    lang: Lang,
    store: Store,
}

/// The follow-up of an action in one line: `Owner: … · Due date: … · Status: …` (only the
/// parts that are set); `None` when nothing is.
fn follow_up(item: &PlanItem, lang: Lang) -> Option<String> {
    let t = texts(lang);
    let parts: Vec<String> = [
        (!item.owner.trim().is_empty()).then(|| t.label_value(t.plan.owner, &item.owner)),
        item.due.map(|d| t.label_value(t.plan.due, &t.date(d))),
        item.status
            .map(|s| t.label_value(t.plan.status, t.plan_status(s))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// One action: what and why, what is at stake, its follow-up in a line, and the controls
/// that edit it, shown on demand (a plan of 40 actions stays readable, and light: three
/// controls per action would be most of the page's elements).
#[function_component(PlanRow)]
fn plan_row(p: &PlanRowProps) -> Html {
    let open = use_state(|| false);
    let (t, e) = (texts(p.lang), &p.entry);
    let id = e.id;
    let key = format!("plan-{}-{}", p.group, id.replace('.', "_"));
    let edit = {
        let s = p.store.clone();
        move |f: fn(String) -> PlanEdit| {
            let s = s.clone();
            Callback::from(move |ev: Event| {
                s.dispatch(Action::Edit(Edit::Plan(id.to_owned(), f(event_value(&ev)))))
            })
        }
    };
    let on_owner = {
        let s = p.store.clone();
        Callback::from(move |ev: InputEvent| {
            s.dispatch(Action::Edit(Edit::Plan(
                id.to_owned(),
                PlanEdit::Owner(event_value(&ev)),
            )))
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let jump = walk_index_of(id).map(|i| {
        let s = p.store.clone();
        Callback::from(move |_| s.dispatch(Action::GoTo(i)))
    });
    let title = t.criterion_ref(id);
    let controls_of = sovcheck_text::fill(t.plan.controls_of, &[("id", &id)]);
    html! {
        <li data-testid={format!("plan-{id}")} data-kind={e.kind.id()}>
            <p class="plan-what">
                if let Some(onclick) = jump {
                    <button type="button" class="link" {onclick}><strong>{ title }</strong></button>
                } else {
                    <strong>{ title }</strong>
                }
                { " — " }{ t.plan_state(e, p.target) }
            </p>
            <p class="muted plan-stake">{ t.plan_stake(e) }</p>
            <p class="plan-follow-up">
                if let Some(line) = follow_up(&p.item, p.lang) {
                    <span data-testid="plan-follow-up">{ line }</span>{ " " }
                }
                <button type="button" class="link" data-testid="plan-edit" aria-expanded={open.to_string()}
                    aria-controls={format!("{key}-controls")} onclick={toggle}>{ controls_of.clone() }</button>
            </p>
            if *open {
                <fieldset class="plan-controls" id={format!("{key}-controls")}>
                    <legend class="visually-hidden">{ controls_of }</legend>
                    <div class="field">
                        <label for={format!("{key}-owner")}>{ t.plan.owner }</label>
                        <input id={format!("{key}-owner")} data-testid="plan-owner" value={p.item.owner.clone()}
                            oninput={on_owner} maxlength={max_text_length()} />
                    </div>
                    <div class="field">
                        <label for={format!("{key}-due")}>{ t.plan.due }</label>
                        <input id={format!("{key}-due")} data-testid="plan-due" type="date"
                            value={p.item.due.map(|d| d.to_string()).unwrap_or_default()}
                            onchange={edit(|v| PlanEdit::Due(Date::parse(&v)))} />
                    </div>
                    <div class="field">
                        <label for={format!("{key}-status")}>{ t.plan.status }</label>
                        <select id={format!("{key}-status")} data-testid="plan-status"
                            onchange={edit(|v| PlanEdit::Status(PlanStatus::ALL.into_iter().find(|s| s.id() == v)))}>
                            <option value="" selected={p.item.status.is_none()}>{ t.common.not_set }</option>
                            { for PlanStatus::ALL.iter().map(|s| html! {
                                <option value={s.id()} selected={p.item.status == Some(*s)}>{ t.plan_status(*s) }</option>
                            }) }
                        </select>
                    </div>
                </fieldset>
            }
        </li>
    }
}

/// The action plan as the report prints it: one table per group.
#[function_component(PlanTable)]
pub fn plan_table(p: &PlanProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    let target = p.assessment.meta.target_seal;
    let cols = t.plan.columns;
    html! {
        <section class="block plan" data-testid="report-plan">
            <h2>{ t.plan.title }</h2>
            { for groups(&p.plan).into_iter().map(|(group, entries)| html! {
                <div class="plan-group">
                    <h3>{ group_title(group, lang) }</h3>
                    <p>{ group_text(group, entries.is_empty(), target, lang) }</p>
                    if !entries.is_empty() {
                        <table class="plan-table" data-testid={format!("report-plan-{group}")}>
                            <thead><tr>{ for cols.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                            <tbody>
                            { for entries.iter().map(|e| {
                                let item = p.assessment.action_plan.get(e.id);
                                html! {
                                    <tr data-testid={format!("report-plan-{}", e.id)}>
                                        <th scope="row">{ t.criterion_ref(e.id) }</th>
                                        <td>{ t.plan_state(e, target) }</td>
                                        <td>{ t.plan_stake_short(e) }</td>
                                        <td class="follow-up">
                                            if let Some(i) = item {
                                                <span class="line">{ i.owner.clone() }</span>
                                                if let Some(d) = i.due { <span class="line date">{ t.date(d) }</span> }
                                                if let Some(s) = i.status { <span class="line">{ t.plan_status(s) }</span> }
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                    }
                </div>
            }) }
        </section>
    }
}
