//! Comparison of 2 to 10 assessments side by side, and the answer-by-answer difference of two.
//!
//! The screen only reads the workspace; it never changes it. The assessments are listed in
//! the start screen's order (most recently modified first) and the first two are picked on
//! arrival, so a table shows at once. The difference compares any two assessments of the
//! workspace; it starts from the second of the list (the earlier) to the first (the later).
//! Every figure comes from the engine: [`sovcheck_core::compare`] and [`sovcheck_core::diff`].

use crate::app::Store;
use crate::components::dropzone::print_callback;
use crate::components::estimate::{fmt_score_range, fmt_seal};
use crate::components::fields::event_value;
use crate::i18n::{texts as app_texts, Texts};
use crate::state::{ordered, Action};
use crate::views::start::ScreenProps;
use sovcheck_core::compare::{compare, Column, MAX_COMPARED, MIN_COMPARED};
use sovcheck_core::content;
use sovcheck_core::diff::{diff, Change, Delta, Diff, Field, OverrideChange};
use sovcheck_core::export::{answer_label, state_label};
use sovcheck_core::figures::fixed;
use sovcheck_core::model::{Aggregation, Choice, Override, Stage, Weights};
use sovcheck_core::{Assessment, Lang, SealRange};
use yew::prelude::*;

/// The compare screen's own words, one field each.
pub struct CompareTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub pick_legend: &'static str,
    pub picked: &'static str,
    pub print: &'static str,
    pub table_caption: &'static str,
    pub corner: &'static str,
    pub overall_seal: &'static str,
    pub snc_stage: &'static str,
    pub weights_custom: &'static str,
    pub mixed_rules: &'static str,
    pub diff_title: &'static str,
    pub diff_intro: &'static str,
    pub diff_old: &'static str,
    pub diff_new: &'static str,
    pub diff_none: &'static str,
    pub diff_same: &'static str,
    pub summary: &'static str,
    pub diff_caption: &'static str,
    pub col_criterion: &'static str,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_fields: &'static str,
    pub col_effect: &'static str,
    pub no_answer_change: &'static str,
    pub other_changes: &'static str,
    pub override_none: &'static str,
    pub overall: &'static str,
    pub no_effect: &'static str,
    pub field_answer: &'static str,
    pub field_note: &'static str,
    pub field_source: &'static str,
    pub field_evidence_level: &'static str,
    pub field_valid_until: &'static str,
    pub justification: &'static str,
    pub printed_on: &'static str,
}

/// English.
pub const EN: CompareTexts = CompareTexts {
    title: "Compare assessments",
    intro: "Choose 2 to 10 assessments of this browser to see their results side by side, then the answer-by-answer difference between two of them. Nothing is changed or sent anywhere.",
    pick_legend: "Assessments to compare (2 to 10)",
    picked: "Chosen:",
    print: "Print the comparison",
    table_caption: "Results side by side",
    corner: "Assessment",
    overall_seal: "Overall SEAL",
    snc_stage: "SecNumCloud stage",
    weights_custom: "Custom weights",
    mixed_rules: "These assessments do not all use the same weights or the same way of combining objectives: their scores or SEALs are not computed the same way, so do not rank them against each other.",
    diff_title: "What changed between two assessments",
    diff_intro: "Every answer that differs, with the effect of that change alone on the earlier assessment's SEAL. Effects are measured one change at a time, so they do not add up: the summary gives the combined result. Metadata, sign-off and SecNumCloud requirement answers are not compared.",
    diff_old: "Earlier assessment (before)",
    diff_new: "Later assessment (after)",
    diff_none: "No difference: the answers, overrides, weights, aggregation and SecNumCloud stage are the same, so the results are the same.",
    diff_same: "The same assessment is chosen on both sides.",
    summary: "Summary",
    diff_caption: "Changed answers",
    col_criterion: "Criterion",
    col_before: "Before",
    col_after: "After",
    col_fields: "What changed",
    col_effect: "Effect of this change alone on the SEAL",
    no_answer_change: "No answer differs.",
    other_changes: "Other changes",
    override_none: "none",
    overall: "Overall",
    no_effect: "no effect on the SEAL",
    field_answer: "answer",
    field_note: "note",
    field_source: "source reference",
    field_evidence_level: "evidence level",
    field_valid_until: "valid until",
    justification: "justification",
    printed_on: "Printed on",
};

/// French.
pub const FR: CompareTexts = CompareTexts {
    title: "Comparer des évaluations",
    intro: "Choisissez de 2 à 10 évaluations de ce navigateur pour voir leurs résultats côte à côte, puis la différence, réponse par réponse, entre deux d'entre elles. Rien n'est modifié ni envoyé.",
    pick_legend: "Évaluations à comparer (2 à 10)",
    picked: "Choisies :",
    print: "Imprimer la comparaison",
    table_caption: "Résultats côte à côte",
    corner: "Évaluation",
    overall_seal: "SEAL global",
    snc_stage: "Étape SecNumCloud",
    weights_custom: "Pondérations personnalisées",
    mixed_rules: "Ces évaluations n'utilisent pas toutes les mêmes pondérations ou la même combinaison des objectifs : leurs scores ou leurs SEAL ne sont pas calculés de la même façon, ne les classez donc pas les unes par rapport aux autres.",
    diff_title: "Ce qui change entre deux évaluations",
    diff_intro: "Chaque réponse qui diffère, avec l'effet de ce seul changement sur le SEAL de l'évaluation antérieure. Les effets sont mesurés un changement à la fois et ne s'additionnent donc pas : le bilan donne le résultat combiné. Les métadonnées, la validation et les réponses aux exigences SecNumCloud ne sont pas comparées.",
    diff_old: "Évaluation antérieure (avant)",
    diff_new: "Évaluation ultérieure (après)",
    diff_none: "Aucune différence : les réponses, les dérogations, les pondérations, la combinaison et l'étape SecNumCloud sont les mêmes, les résultats aussi.",
    diff_same: "La même évaluation est choisie des deux côtés.",
    summary: "Bilan",
    diff_caption: "Réponses modifiées",
    col_criterion: "Critère",
    col_before: "Avant",
    col_after: "Après",
    col_fields: "Ce qui a changé",
    col_effect: "Effet de ce seul changement sur le SEAL",
    no_answer_change: "Aucune réponse ne diffère.",
    other_changes: "Autres changements",
    override_none: "aucune",
    overall: "Global",
    no_effect: "sans effet sur le SEAL",
    field_answer: "réponse",
    field_note: "note",
    field_source: "référence de la source",
    field_evidence_level: "niveau de preuve",
    field_valid_until: "date de validité",
    justification: "justification",
    printed_on: "Imprimé le",
};

/// The compare screen's texts for a language.
pub fn texts(lang: Lang) -> &'static CompareTexts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// The name shown for `a`: its display name (or `untitled`), with its id added when another
/// assessment of `list` has the same name, so that no two choices read the same.
pub fn label_of(a: &Assessment, list: &[&Assessment], untitled: &str) -> String {
    let name = |x: &Assessment| x.display_name().unwrap_or_else(|| untitled.to_owned());
    let own = name(a);
    if list.iter().any(|b| b.id != a.id && name(b) == own) {
        format!("{own} ({})", a.id)
    } else {
        own
    }
}

/// The ids picked on arrival: the first two of the list.
pub fn default_picks(list: &[&Assessment]) -> Vec<String> {
    list.iter()
        .take(MIN_COMPARED)
        .map(|a| a.id.clone())
        .collect()
}

/// The default difference: from the second of the list (earlier) to the first (later).
pub fn default_diff(list: &[&Assessment]) -> (String, String) {
    let id = |i: usize| list.get(i).map(|a| a.id.clone()).unwrap_or_default();
    match list.len() {
        0 | 1 => (id(0), id(0)),
        _ => (id(1), id(0)),
    }
}

/// `picked` with `id` added (`on`) or removed, without duplicates.
pub fn toggle(picked: &[String], id: &str, on: bool) -> Vec<String> {
    let mut out: Vec<String> = picked.iter().filter(|p| *p != id).cloned().collect();
    if on {
        out.push(id.to_owned());
    }
    out
}

/// An answer in words: the chosen rung's label, "I don't know", or "unanswered".
pub fn answer_words(criterion: &str, choice: Choice, lang: Lang) -> String {
    let label = content::criterion(criterion).map_or("", |c| answer_label(c, choice, lang));
    if label.is_empty() {
        state_label(Choice::Open, lang).to_owned()
    } else {
        label.to_owned()
    }
}

/// A changed part of an answer in words.
fn field_name(f: Field, ct: &CompareTexts) -> &'static str {
    match f {
        Field::Choice => ct.field_answer,
        Field::Note => ct.field_note,
        Field::Source => ct.field_source,
        Field::EvidenceLevel => ct.field_evidence_level,
        Field::ValidUntil => ct.field_valid_until,
    }
}

/// The eight weights, SOV-1 first, as "15/10/…".
pub fn weights_values(w: &[u32; 8]) -> String {
    w.iter().map(u32::to_string).collect::<Vec<_>>().join("/")
}

/// A weight profile's name and values.
fn weights_words(w: &Weights, t: &Texts, ct: &CompareTexts) -> String {
    let name = match w {
        Weights::Framework => t.weights_framework,
        Weights::Calculator => t.weights_calculator,
        Weights::Custom(_) => ct.weights_custom,
    };
    format!("{name} ({})", weights_values(&w.values()))
}

fn aggregation_words(g: Aggregation, t: &Texts) -> &'static str {
    match g {
        Aggregation::WeakestLink => t.agg_weakest,
        Aggregation::WeightedMean => t.agg_mean,
    }
}

/// A SecNumCloud stage's name, or "not set".
fn stage_words(s: Option<Stage>, t: &Texts, lang: Lang) -> String {
    s.and_then(|s| {
        content::secnumcloud::stages()
            .iter()
            .find(|d| d.id == s.id())
    })
    .map_or_else(|| t.not_set.to_owned(), |d| d.name.get(lang).to_owned())
}

/// "A → B" for two SEAL ranges.
pub fn seal_move(d: Delta<SealRange>, lang: Lang) -> String {
    format!("{} → {}", fmt_seal(d.old, lang), fmt_seal(d.new, lang))
}

/// "A → B" for two SEAL ranges, each range kept on one line.
fn seal_move_html(d: Delta<SealRange>, lang: Lang) -> Html {
    html! {
        <>
            <span class="nowrap">{ fmt_seal(d.old, lang) }</span>
            { " → " }
            <span class="nowrap">{ fmt_seal(d.new, lang) }</span>
        </>
    }
}

/// An override in words: "SEAL-2 (justification: …)" or "none".
fn override_words(o: Option<&Override>, ct: &CompareTexts, lang: Lang) -> String {
    match o {
        Some(o) => format!(
            "{} ({}{} {})",
            o.level,
            ct.justification,
            lang.pick(":", " :"),
            o.justification
        ),
        None => ct.override_none.to_owned(),
    }
}

/// An engine message as a sentence of its own: capital first letter, final full stop.
pub fn sentence(msg: &str) -> String {
    let mut chars = msg.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // ASCII only: the engine's messages start with an ASCII letter, and full Unicode case
    // mapping would add its tables to the wasm.
    let mut out: String = std::iter::once(first.to_ascii_uppercase())
        .chain(chars)
        .collect();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// The compare screen.
#[function_component(CompareView)]
pub fn compare_view(p: &ScreenProps) -> Html {
    let store = use_context::<Store>();
    let initial = store
        .as_ref()
        .map(|s| ordered(&s.workspace))
        .unwrap_or_default();
    let picked = {
        let init = default_picks(&initial);
        use_state(move || init)
    };
    let pair = {
        let init = default_diff(&initial);
        use_state(move || init)
    };
    let Some(store) = store else {
        return html! {};
    };
    let lang = store.lang;
    let (t, ct) = (app_texts(lang), texts(lang));
    let list = ordered(&store.workspace);
    let label = |a: &Assessment| label_of(a, &list, t.untitled);

    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let print = print_callback();

    // The chosen assessments, in list order.
    let chosen: Vec<&Assessment> = list
        .iter()
        .copied()
        .filter(|a| picked.contains(&a.id))
        .collect();
    let owned: Vec<Assessment> = chosen.iter().map(|a| (*a).clone()).collect();
    let comparison = compare(&owned);

    let pickers = list.iter().enumerate().map(|(i, a)| {
        let id = a.id.clone();
        let on = picked.contains(&id);
        let onchange = {
            let picked = picked.clone();
            let id = id.clone();
            Callback::from(move |e: Event| {
                let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
                if let Some(input) = input {
                    picked.set(toggle(&picked, &id, input.checked()));
                }
            })
        };
        let key = format!("compare-pick-{i}");
        html! {
            <li key={id.clone()}>
                <input type="checkbox" id={key.clone()} data-testid={key.clone()} data-id={id}
                    checked={on} {onchange} />
                <label for={key}>{ label(a) }</label>
            </li>
        }
    });

    let table = match &comparison {
        Err(e) => html! {
            <p class="panel compare-error" role="alert" data-testid="compare-error">{ sentence(&e.message(lang)) }</p>
        },
        Ok(c) => html! {
            <>
                if c.mixed_rules() {
                    <p class="panel mixed-rules" data-testid="compare-mixed">{ ct.mixed_rules }</p>
                }
                <div class="table-scroll" role="region" tabindex="0" aria-label={ct.table_caption}>
                    { comparison_table(&c.columns, &chosen, &label, lang) }
                </div>
            </>
        },
    };

    html! {
        <section class="compare-screen">
            <h1 ref={p.heading.clone()} tabindex="-1">{ ct.title }</h1>
            <p class="no-print">{ ct.intro }</p>
            <div class="actions no-print">
                <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.back }</button>
                <button type="button" data-testid="print" onclick={print}>{ ct.print }</button>
            </div>
            <fieldset class="compare-picks no-print">
                <legend>{ ct.pick_legend }</legend>
                <ul>{ for pickers }</ul>
                <p class="muted" aria-live="polite">{ format!("{} {} / {MAX_COMPARED}", ct.picked, chosen.len()) }</p>
            </fieldset>
            { table }
            <DiffSection old={pair.0.clone()} new={pair.1.clone()} onchange={{
                let pair = pair.clone();
                Callback::from(move |v: (String, String)| pair.set(v))
            }} />
            <p class="print-only muted">
                { t.footer }
                if let Some(d) = crate::views::start::today() { { format!(" {} {d}.", ct.printed_on) } }
            </p>
        </section>
    }
}

/// The side-by-side table: one column per assessment.
fn comparison_table(
    columns: &[Column],
    chosen: &[&Assessment],
    label: &dyn Fn(&Assessment) -> String,
    lang: Lang,
) -> Html {
    let (t, ct) = (app_texts(lang), texts(lang));
    let seal_cell = |testid: String, r: SealRange| {
        html! {
            <td data-testid={testid} data-lower={r.lower.level().to_string()}
                data-upper={r.upper.level().to_string()}>{ fmt_seal(r, lang) }</td>
        }
    };
    let pairs = || columns.iter().zip(chosen.iter().copied()).enumerate();
    html! {
        <table class="compare" data-testid="compare-table">
            <caption>{ ct.table_caption }</caption>
            <thead><tr>
                <th scope="col">{ ct.corner }</th>
                { for pairs().map(|(i, (_, a))| html! {
                    <th scope="col" data-testid={format!("compare-col-{i}")} data-id={a.id.clone()}>{ label(a) }</th>
                }) }
            </tr></thead>
            <tbody>
                <tr class="headline-row">
                    <th scope="row">{ ct.overall_seal }</th>
                    { for pairs().map(|(i, (c, _))| seal_cell(format!("compare-seal-{i}"), c.seal)) }
                </tr>
                <tr>
                    <th scope="row">{ t.score_label }</th>
                    { for pairs().map(|(i, (c, _))| html! {
                        <td data-testid={format!("compare-score-{i}")}
                            data-lower={fixed(c.score.lower, 2)} data-upper={fixed(c.score.upper, 2)}>
                            { fmt_score_range(c.score.lower, c.score.upper, lang) }
                        </td>
                    }) }
                </tr>
                { for content::objectives().iter().enumerate().map(|(k, o)| html! {
                    <tr data-testid={format!("compare-row-{}", o.id)}>
                        <th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th>
                        { for pairs().map(|(i, (c, a))| {
                            let Some(f) = c.objectives.get(k) else { return html! { <td></td> } };
                            html! {
                                <td data-testid={format!("compare-{}-{i}", o.id)}
                                    data-lower={f.seal.lower.level().to_string()} data-upper={f.seal.upper.level().to_string()}
                                    data-score-lower={fixed(f.score.lower, 2)} data-score-upper={fixed(f.score.upper, 2)}>
                                    <span class="seal">{ fmt_seal(f.seal, lang) }</span>
                                    if a.overrides.contains_key(o.id) { { format!(" ({})", t.overridden) } }
                                    <br />
                                    <span class="muted">{ fmt_score_range(f.score.lower, f.score.upper, lang) }</span>
                                </td>
                            }
                        }) }
                    </tr>
                }) }
                <tr>
                    <th scope="row">{ ct.snc_stage }</th>
                    { for pairs().map(|(i, (c, _))| html! {
                        <td data-testid={format!("compare-stage-{i}")}>{ stage_words(c.secnumcloud_stage, t, lang) }</td>
                    }) }
                </tr>
                <tr>
                    <th scope="row">{ t.weights }</th>
                    { for pairs().map(|(i, (_, a))| html! {
                        <td data-testid={format!("compare-weights-{i}")}>{ weights_words(&a.weights, t, ct) }</td>
                    }) }
                </tr>
                <tr>
                    <th scope="row">{ t.aggregation }</th>
                    { for pairs().map(|(i, (c, _))| html! {
                        <td data-testid={format!("compare-aggregation-{i}")}>{ aggregation_words(c.aggregation, t) }</td>
                    }) }
                </tr>
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct DiffProps {
    /// Ids of the earlier and the later assessment.
    old: String,
    new: String,
    onchange: Callback<(String, String)>,
}

/// The answer-by-answer difference between two assessments of the workspace.
#[function_component(DiffSection)]
fn diff_section(p: &DiffProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let (t, ct) = (app_texts(lang), texts(lang));
    let list = ordered(&store.workspace);
    let find = |id: &str| list.iter().copied().find(|a| a.id == id);
    let (Some(old), Some(new)) = (find(&p.old), find(&p.new)) else {
        return html! {};
    };
    let label = |a: &Assessment| label_of(a, &list, t.untitled);
    let select = |id: &'static str, text: &'static str, current: &str, old_side: bool| {
        let onchange = {
            let (cb, old, new) = (p.onchange.clone(), p.old.clone(), p.new.clone());
            Callback::from(move |e: Event| {
                let v = event_value(&e);
                cb.emit(if old_side {
                    (v, new.clone())
                } else {
                    (old.clone(), v)
                });
            })
        };
        html! {
            <div class="field">
                <label for={id}>{ text }</label>
                <select {id} data-testid={id} {onchange}>
                    { for list.iter().map(|a| html! {
                        <option value={a.id.clone()} selected={a.id == current}>{ label(a) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let d = diff(old, new);
    html! {
        <section class="diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{ ct.diff_title }</h2>
            <p class="no-print">{ ct.diff_intro }</p>
            <div class="grid2 no-print">
                { select("diff-old", ct.diff_old, &p.old, true) }
                { select("diff-new", ct.diff_new, &p.new, false) }
            </div>
            <p class="diff-pair"><strong>{ label(old) }</strong>{ " → " }<strong>{ label(new) }</strong></p>
            { summary(&d, lang) }
            if d.is_empty() {
                <p class="panel" data-testid="diff-none">
                    { ct.diff_none }
                    if old.id == new.id { { " " }{ ct.diff_same } }
                </p>
            } else {
                { changes_table(&d.changes, lang) }
                { other_changes(&d, old, new, lang) }
            }
        </section>
    }
}

/// Overall SEAL and score, before and after.
fn summary(d: &Diff, lang: Lang) -> Html {
    let (t, ct) = (app_texts(lang), texts(lang));
    let s = d.summary;
    html! {
        <>
            <h3>{ ct.summary }</h3>
            <dl class="diff-summary" data-testid="diff-summary"
                data-old-lower={s.seal.old.lower.level().to_string()} data-old-upper={s.seal.old.upper.level().to_string()}
                data-new-lower={s.seal.new.lower.level().to_string()} data-new-upper={s.seal.new.upper.level().to_string()}>
                <dt>{ ct.overall_seal }</dt>
                <dd data-testid="diff-summary-seal">{ seal_move_html(s.seal, lang) }</dd>
                <dt>{ t.score_label }</dt>
                <dd data-testid="diff-summary-score">{ format!("{} → {}",
                    fmt_score_range(s.score.old.lower, s.score.old.upper, lang),
                    fmt_score_range(s.score.new.lower, s.score.new.upper, lang)) }</dd>
            </dl>
        </>
    }
}

/// One line per effect: overall, then the objective; or "no effect".
fn effect_cell(overall: Delta<SealRange>, objective: (&str, Delta<SealRange>), lang: Lang) -> Html {
    let ct = texts(lang);
    let colon = lang.pick(":", " :");
    html! {
        <td data-old-lower={overall.old.lower.level().to_string()} data-old-upper={overall.old.upper.level().to_string()}
            data-new-lower={overall.new.lower.level().to_string()} data-new-upper={overall.new.upper.level().to_string()}>
            <span class="effect-overall">{ format!("{}{colon} ", ct.overall) }{ seal_move_html(overall, lang) }</span>
            <br />
            <span class="muted">{ format!("{}{colon} ", objective.0) }{ seal_move_html(objective.1, lang) }</span>
            if !overall.changed() && !objective.1.changed() {
                <><br /><em>{ ct.no_effect }</em></>
            }
        </td>
    }
}

/// The changed answers, one row each.
fn changes_table(changes: &[Change], lang: Lang) -> Html {
    let ct = texts(lang);
    if changes.is_empty() {
        return html! { <p data-testid="diff-no-answer">{ ct.no_answer_change }</p> };
    }
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={ct.diff_caption}>
            <table class="diff-table" data-testid="diff-table">
                <caption>{ format!("{} ({})", ct.diff_caption, changes.len()) }</caption>
                <thead><tr>
                    <th scope="col">{ ct.col_criterion }</th>
                    <th scope="col">{ ct.col_before }</th>
                    <th scope="col">{ ct.col_after }</th>
                    <th scope="col">{ ct.col_fields }</th>
                    <th scope="col">{ ct.col_effect }</th>
                </tr></thead>
                <tbody>
                { for changes.iter().map(|c| {
                    let title = content::criterion(c.criterion).map(|x| x.title.get(lang)).unwrap_or_default();
                    let fields = c.fields.iter().map(|f| field_name(*f, ct)).collect::<Vec<_>>().join(", ");
                    html! {
                        <tr data-testid={format!("diff-row-{}", c.criterion)}>
                            <th scope="row">{ format!("{} {title}", c.criterion) }</th>
                            <td data-testid="diff-before">{ answer_words(c.criterion, c.choice.old, lang) }</td>
                            <td data-testid="diff-after">{ answer_words(c.criterion, c.choice.new, lang) }</td>
                            <td data-testid="diff-fields">{ fields }</td>
                            { effect_cell(c.effect.seal, (c.objective, c.effect.objective_seal), lang) }
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
}

/// Overrides, weights, aggregation and SecNumCloud stage changes.
fn other_changes(d: &Diff, old: &Assessment, new: &Assessment, lang: Lang) -> Html {
    let (t, ct) = (app_texts(lang), texts(lang));
    let colon = lang.pick(":", " :");
    if d.overrides.is_empty()
        && d.weights.is_none()
        && d.aggregation.is_none()
        && d.secnumcloud_stage.is_none()
    {
        return html! {};
    }
    let override_item = |o: &OverrideChange| {
        html! {
            <li data-testid={format!("diff-override-{}", o.objective)}>
                { format!("{} — {}{colon} {} → {}. ", t.override_title, o.objective,
                    override_words(o.overrides.old.as_ref(), ct, lang),
                    override_words(o.overrides.new.as_ref(), ct, lang)) }
                { if o.effect.seal.changed() || o.effect.objective_seal.changed() {
                    format!("{}{colon} {}; {}{colon} {}", ct.overall, seal_move(o.effect.seal, lang),
                        o.objective, seal_move(o.effect.objective_seal, lang))
                } else {
                    ct.no_effect.to_owned()
                } }
            </li>
        }
    };
    html! {
        <>
            <h3>{ ct.other_changes }</h3>
            <ul class="diff-other" data-testid="diff-other">
                { for d.overrides.iter().map(override_item) }
                if d.weights.is_some() {
                    <li data-testid="diff-weights">{ format!("{}{colon} {} → {}", t.weights,
                        weights_words(&old.weights, t, ct), weights_words(&new.weights, t, ct)) }</li>
                }
                if let Some(g) = d.aggregation {
                    <li data-testid="diff-aggregation">{ format!("{}{colon} {} → {}", t.aggregation,
                        aggregation_words(g.old, t), aggregation_words(g.new, t)) }</li>
                }
                if let Some(s) = d.secnumcloud_stage {
                    <li data-testid="diff-stage">{ format!("{}{colon} {} → {}", ct.snc_stage,
                        stage_words(s.old, t, lang), stage_words(s.new, t, lang)) }</li>
                }
            </ul>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sovcheck_core::Seal;

    fn named(id: &str, provider: &str, modified: &str) -> Assessment {
        let mut a = Assessment {
            id: id.to_owned(),
            modified: modified.to_owned(),
            ..Assessment::default()
        };
        a.meta.provider = provider.to_owned();
        a
    }

    #[test]
    fn the_list_is_newest_first_and_the_first_two_are_picked() {
        let w = vec![
            named("a", "Alpha", "2026-01-01T00:00:00Z"),
            named("b", "Beta", "2026-03-01T00:00:00Z"),
            named("c", "Gamma", "2026-02-01T00:00:00Z"),
        ];
        let list = ordered(&w);
        let ids: Vec<&str> = list.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
        assert_eq!(default_picks(&list), ["b", "c"]);
        assert_eq!(default_diff(&list), ("c".to_owned(), "b".to_owned()));
        assert_eq!(default_diff(&list[..1]), ("b".to_owned(), "b".to_owned()));
        assert_eq!(default_diff(&[]), (String::new(), String::new()));
    }

    #[test]
    fn toggling_adds_once_and_removes() {
        let p = vec!["a".to_owned()];
        assert_eq!(toggle(&p, "b", true), ["a", "b"]);
        assert_eq!(toggle(&p, "a", true), ["a"]);
        assert_eq!(toggle(&p, "a", false), Vec::<String>::new());
    }

    #[test]
    fn same_names_get_their_id() {
        let w = vec![
            named("x1", "Acme", ""),
            named("x2", "Acme", ""),
            named("y", "", ""),
        ];
        let list = ordered(&w);
        assert_eq!(label_of(&w[0], &list, "Untitled"), "Acme (x1)");
        assert_eq!(label_of(&w[2], &list, "Untitled"), "Untitled");
    }

    #[test]
    fn answers_in_words_in_both_languages() {
        // SOV-7.1 rung 0 is "The service has undergone no independent security …".
        assert!(answer_words("SOV-7.1", Choice::Rung(0), Lang::En).starts_with("The service has"));
        assert_eq!(
            answer_words("SOV-7.1", Choice::Unknown, Lang::Fr),
            "Je ne sais pas"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Open, Lang::En),
            "unanswered"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Open, Lang::Fr),
            "sans réponse"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Rung(9), Lang::En),
            "unanswered"
        );
    }

    #[test]
    fn seal_moves_and_weights_read_plainly() {
        let r = |lo, hi| SealRange {
            lower: Seal::new(lo).unwrap_or(Seal::MIN),
            upper: Seal::new(hi).unwrap_or(Seal::MIN),
        };
        let d = Delta {
            old: r(0, 2),
            new: r(1, 1),
        };
        assert_eq!(seal_move(d, Lang::En), "SEAL-0 to 2 → SEAL-1");
        assert_eq!(seal_move(d, Lang::Fr), "SEAL-0 à 2 → SEAL-1");
        assert_eq!(
            weights_values(&Weights::Framework.values()),
            "15/10/10/15/20/15/10/5"
        );
    }

    #[test]
    fn engine_messages_become_sentences() {
        assert_eq!(
            sentence("une comparaison demande au moins 2 évaluations ; 1 fournie"),
            "Une comparaison demande au moins 2 évaluations ; 1 fournie."
        );
        assert_eq!(sentence("done."), "Done.");
        assert_eq!(sentence("  "), "");
    }

    #[test]
    fn every_text_is_filled_in_both_languages() {
        for t in [&EN, &FR] {
            for s in [
                t.title,
                t.intro,
                t.mixed_rules,
                t.diff_none,
                t.no_effect,
                t.print,
            ] {
                assert!(!s.trim().is_empty());
            }
        }
        assert_ne!(EN.diff_none, FR.diff_none);
    }
}
