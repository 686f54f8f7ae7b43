//! Comparison of 2 to 10 assessments side by side, and the answer-by-answer difference of two.
//!
//! The screen only reads the workspace; it never changes it. The assessments are listed in
//! the start screen's order (most recently modified first), each with a neutral letter
//! ("Offer A", "Offer B"…), and the first two are picked on arrival, so a table shows at
//! once. The table marks the better value of each row (★, = for a tie everywhere), with
//! words for screen readers. The difference compares any two assessments of the workspace:
//! two offers from A to B, filtered by default to the changes that move a SEAL; two versions
//! of one assessment (the core's [`naming`]) from the earlier to the later, "before / after".
//! Changes are grouped by objective. Every figure and rule comes from the engine:
//! [`sovcheck_core::compare`] and [`sovcheck_core::diff`].

use crate::components::fields::event_value;
use crate::components::user_text::{isolate, user};
use crate::platform::print_callback;
use crate::state::Store;
use crate::state::{ordered, Action};
use crate::views::ScreenProps;
use sovcheck_core::compare::{
    compare, letter, naming, Comparison, Mark, Naming, Row, MAX_COMPARED, MIN_COMPARED,
};
use sovcheck_core::content;
use sovcheck_core::diff::{diff, groups, Change, Delta, Diff, OverrideChange};
use sovcheck_core::figures::fixed;
use sovcheck_core::model::{Choice, Override, Weights};
use sovcheck_core::{Assessment, Lang, SealRange};
use sovcheck_text::words::{sentence, weights_values};
use sovcheck_text::{fill, texts, Catalog};
use yew::prelude::*;

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

/// The default difference: two offers from the first of the list (A) to the second (B);
/// two versions of one assessment from the second (earlier) to the first (later).
pub fn default_diff(list: &[&Assessment]) -> (String, String) {
    let id = |i: usize| list.get(i).map(|a| a.id.clone()).unwrap_or_default();
    match list.len() {
        0 | 1 => (id(0), id(0)),
        _ if naming(&[&id(0), &id(1)]) == Naming::Versions => (id(1), id(0)),
        _ => (id(0), id(1)),
    }
}

/// "Offer A" for the `i`-th assessment of the list.
pub fn offer_name(i: usize, t: &Catalog) -> String {
    fill(t.compare.offer, &[("letter", &letter(i))])
}

/// The mark of a cell: a visible sign (hidden from screen readers) and its words (read by
/// them); nothing for a cell that is not the best.
fn mark_html(m: Mark, t: &Catalog) -> Html {
    let (sign, words) = match m {
        Mark::Best => ("★", t.compare.mark_best),
        Mark::TiedBest => ("★", t.compare.mark_tied),
        Mark::Equal => ("=", t.compare.mark_equal),
        Mark::None => return html! {},
    };
    // A no-break space: the sign stays on the line of the value it marks.
    html! {
        <>
            { "\u{a0}" }
            <span class="better-mark" aria-hidden="true">{ sign }</span>
            <span class="visually-hidden">{ format!(" ({words})") }</span>
        </>
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
pub fn answer_words(criterion: &str, choice: Choice, t: &Catalog) -> String {
    content::criterion(criterion)
        .map_or(t.words.unanswered, |c| t.answer(c, choice))
        .to_owned()
}

/// A weight profile's name and values.
fn weights_words(w: &Weights, t: &Catalog) -> String {
    match w {
        Weights::Custom(_) => t.weights_name(w),
        _ => format!("{} ({})", t.weights_name(w), weights_values(&w.values())),
    }
}

/// "A → B" for two SEAL ranges.
pub fn seal_move(d: Delta<SealRange>, t: &Catalog) -> String {
    fill(
        t.typo.change,
        &[("old", &t.seal_range(d.old)), ("new", &t.seal_range(d.new))],
    )
}

/// "A → B" for two SEAL ranges, each range kept on one line.
fn seal_move_html(d: Delta<SealRange>, t: &Catalog) -> Html {
    let (old, new) = t
        .typo
        .change
        .split_once("{old}")
        .and_then(|(_, rest)| rest.split_once("{new}"))
        .map_or((" → ", ""), |(mid, after)| (mid, after));
    html! {
        <>
            <span class="nowrap">{ t.seal_range(d.old) }</span>
            { old }
            <span class="nowrap">{ t.seal_range(d.new) }</span>
            { new }
        </>
    }
}

/// An override in words: "SEAL-2 (justification: …)" or "none".
fn override_words(o: Option<&Override>, t: &Catalog) -> String {
    match o {
        Some(o) => format!(
            "{} ({})",
            o.level,
            t.label_value(t.compare.justification, &isolate(&o.justification))
        ),
        None => t.words.no_override.to_owned(),
    }
}

/// The compare screen.
#[function_component(CompareView)]
pub fn compare_view(p: &ScreenProps) -> Html {
    let store = use_context::<Store>();
    let initial = store
        .as_ref()
        .map(|s| ordered(&s.workspace))
        .unwrap_or_default();
    let pair = {
        let init = default_diff(&initial);
        use_state(move || init)
    };
    let moving_only = use_state(|| None::<bool>);
    let Some(store) = store else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let list = ordered(&store.workspace);
    // The picks the address names (those still in the list), else the first two.
    let picked: Vec<String> = match &store.compare_picks {
        Some(ids) => ids
            .iter()
            .filter(|id| list.iter().any(|a| &a.id == *id))
            .cloned()
            .collect(),
        None => default_picks(&list),
    };
    let label = |a: &Assessment| label_of(a, &list, t.workspace.untitled);
    // Each assessment's letter: its place in the list.
    let offer = |a: &Assessment| {
        let i = list.iter().position(|b| b.id == a.id).unwrap_or_default();
        offer_name(i, t)
    };

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
            let (picked, s) = (picked.clone(), store.clone());
            let id = id.clone();
            Callback::from(move |e: Event| {
                let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
                if let Some(input) = input {
                    s.dispatch(Action::ComparePicks(toggle(&picked, &id, input.checked())));
                }
            })
        };
        let key = format!("compare-pick-{i}");
        html! {
            <li key={id.clone()}>
                <input type="checkbox" id={key.clone()} data-testid={key.clone()} data-id={id}
                    checked={on} {onchange} />
                <label for={key}><span class="offer-letter">{ offer_name(i, t) }</span>{ " " }<span class="offer-name">{ user(label(a)) }</span></label>
            </li>
        }
    });

    let table = match &comparison {
        Err(e) => html! {
            <p class="panel compare-error" role="alert" data-testid="compare-error">{ sentence(&t.compare_error(e)) }</p>
        },
        Ok(c) => html! {
            <>
                if c.mixed_rules() {
                    <p class="panel mixed-rules" data-testid="compare-mixed">{ t.compare.mixed_rules }</p>
                }
                <div class="table-scroll" role="region" tabindex="0" aria-label={t.compare.table_caption}>
                    { comparison_table(c, &chosen, &label, &offer, lang) }
                </div>
                <p class="muted marks-legend" data-testid="compare-legend">{ t.compare.marks_legend }</p>
            </>
        },
    };

    html! {
        <section class="compare-screen">
            <h1 ref={p.heading.clone()} tabindex="-1">{ t.compare.title }</h1>
            <p class="no-print">{ t.compare.intro }</p>
            <div class="actions no-print">
                <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button>
                <button type="button" data-testid="print" onclick={print}>{ t.compare.print }</button>
            </div>
            <fieldset class="compare-picks no-print">
                <legend>{ t.compare.pick_legend }</legend>
                <ul>{ for pickers }</ul>
                <p class="muted" aria-live="polite">{ format!("{} {} / {MAX_COMPARED}", t.compare.picked, chosen.len()) }</p>
            </fieldset>
            { table }
            <DiffSection old={pair.0.clone()} new={pair.1.clone()} onchange={{
                let pair = pair.clone();
                Callback::from(move |v: (String, String)| pair.set(v))
            }} moving_only={*moving_only} on_moving_only={{
                let moving_only = moving_only.clone();
                Callback::from(move |v: bool| moving_only.set(Some(v)))
            }} />
            <p class="print-only muted">
                { t.shell.footer }
                if let Some(d) = crate::platform::today() { { format!(" {} {d}.", t.compare.printed_on) } }
            </p>
        </section>
    }
}

/// The side-by-side table: one column per assessment, the better value of each ranked row
/// marked.
fn comparison_table(
    c: &Comparison,
    chosen: &[&Assessment],
    label: &dyn Fn(&Assessment) -> String,
    offer: &dyn Fn(&Assessment) -> String,
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let columns = &c.columns;
    let versions = c.naming() == Naming::Versions;
    let pairs = || columns.iter().zip(chosen.iter().copied()).enumerate();
    let marks = |row: Row| c.marks(row);
    let seal_marks = marks(Row::Seal);
    let score_marks = marks(Row::Score);
    let target_marks = marks(Row::Target);
    let mark_at = |m: &[Mark], i: usize| m.get(i).copied().unwrap_or(Mark::None);
    let count_row = |key: &str,
                     head: String,
                     row: Row,
                     value: fn(&sovcheck_core::compare::Column) -> usize| {
        let m = marks(row);
        html! {
            <tr data-testid={format!("compare-row-{key}")}>
                <th scope="row">{ head }</th>
                { for pairs().map(|(i, (col, _))| html! {
                    <td data-testid={format!("compare-{key}-{i}")} data-value={value(col).to_string()}
                        data-mark={mark_at(&m, i).id()}>
                        { value(col) }{ mark_html(mark_at(&m, i), t) }
                    </td>
                }) }
            </tr>
        }
    };
    let total = sovcheck_text::verdict::criteria_total();
    html! {
        <table class="compare" data-testid="compare-table">
            <caption>{ t.compare.table_caption }</caption>
            <thead><tr>
                <th scope="col">{ t.compare.corner }</th>
                { for pairs().map(|(i, (_, a))| html! {
                    <th scope="col" data-testid={format!("compare-col-{i}")} data-id={a.id.clone()}>
                        if !versions {
                            <span class="offer-letter">{ offer(a) }</span><br />
                        }
                        <span class="offer-name">{ user(label(a)) }</span>
                    </th>
                }) }
            </tr></thead>
            <tbody>
                <tr class="headline-row">
                    <th scope="row">{ t.compare.overall_seal }</th>
                    { for pairs().map(|(i, (col, _))| {
                        let r = col.seal;
                        let m = mark_at(&seal_marks, i);
                        html! {
                            <td data-testid={format!("compare-seal-{i}")} data-lower={r.lower.level().to_string()}
                                data-upper={r.upper.level().to_string()} data-mark={m.id()}>
                                <span class="nowrap">{ t.seal_range(r) }{ mark_html(m, t) }</span>
                            </td>
                        }
                    }) }
                </tr>
                <tr>
                    <th scope="row">{ t.estimate.score_label }</th>
                    { for pairs().map(|(i, (col, _))| {
                        let m = mark_at(&score_marks, i);
                        html! {
                            <td data-testid={format!("compare-score-{i}")} data-mark={m.id()}
                                data-lower={fixed(col.score.lower, 2)} data-upper={fixed(col.score.upper, 2)}>
                                { t.score_range(col.score.lower, col.score.upper) }{ mark_html(m, t) }
                            </td>
                        }
                    }) }
                </tr>
                { count_row("answered", fill(t.compare.completeness_answered, &[("total", &total)]), Row::Answered, |c| c.answered) }
                { count_row("unknown", t.compare.completeness_unknown.to_owned(), Row::Unknown, |c| c.unknown) }
                { count_row("unanswered", t.compare.completeness_unanswered.to_owned(), Row::Unanswered, |c| c.unanswered) }
                <tr data-testid="compare-row-target">
                    <th scope="row">{ t.compare.target_row }</th>
                    { for pairs().map(|(i, (col, _))| {
                        let m = mark_at(&target_marks, i);
                        let words = match &col.target {
                            Some(g) => fill(t.compare.target_cell,
                                &[("target", &g.seal), ("verdict", &t.target_word(&g.verdict))]),
                            None => t.verdict.no_target.to_owned(),
                        };
                        html! {
                            <td data-testid={format!("compare-target-{i}")} data-mark={m.id()}
                                data-verdict={col.target.as_ref().map_or("none", |g| g.verdict.id())}>
                                { words }{ mark_html(m, t) }
                            </td>
                        }
                    }) }
                </tr>
                { for content::objectives().iter().enumerate().map(|(k, o)| html! {
                    <tr data-testid={format!("compare-row-{}", o.id)}>
                        <th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th>
                        { for pairs().map(|(i, (col, a))| {
                            let Some(f) = col.objectives.get(k) else { return html! { <td></td> } };
                            html! {
                                <td data-testid={format!("compare-{}-{i}", o.id)}
                                    data-lower={f.seal.lower.level().to_string()} data-upper={f.seal.upper.level().to_string()}
                                    data-score-lower={fixed(f.score.lower, 2)} data-score-upper={fixed(f.score.upper, 2)}>
                                    <span class="seal">{ t.seal_range(f.seal) }</span>
                                    if a.overrides.contains_key(o.id) { { format!(" ({})", t.overrides.overridden) } }
                                    <br />
                                    <span class="muted">{ t.score_range(f.score.lower, f.score.upper) }</span>
                                </td>
                            }
                        }) }
                    </tr>
                }) }
                <tr>
                    <th scope="row">{ t.compare.snc_stage }</th>
                    { for pairs().map(|(i, (col, _))| html! {
                        <td data-testid={format!("compare-stage-{i}")}>{ t.stage(col.secnumcloud_stage) }</td>
                    }) }
                </tr>
                <tr>
                    <th scope="row">{ t.context.weights }</th>
                    { for pairs().map(|(i, (_, a))| html! {
                        <td data-testid={format!("compare-weights-{i}")}>{ weights_words(&a.weights, t) }</td>
                    }) }
                </tr>
                <tr>
                    <th scope="row">{ t.context.aggregation }</th>
                    { for pairs().map(|(i, (col, _))| html! {
                        <td data-testid={format!("compare-aggregation-{i}")}>{ t.aggregation(col.aggregation) }</td>
                    }) }
                </tr>
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct DiffProps {
    /// Ids of the first and the second assessment (for versions: the earlier, the later).
    old: String,
    new: String,
    onchange: Callback<(String, String)>,
    /// The filter to the changes that move a SEAL, once the user set it.
    moving_only: Option<bool>,
    on_moving_only: Callback<bool>,
}

/// The headings of the answer columns: "Before" and "After" for versions, the offers'
/// names otherwise.
fn columns(versions: bool, old: String, new: String, t: &Catalog) -> (String, String) {
    if versions {
        (
            t.compare.col_before.to_owned(),
            t.compare.col_after.to_owned(),
        )
    } else {
        (old, new)
    }
}

/// The answer-by-answer difference between two assessments of the workspace.
#[function_component(DiffSection)]
fn diff_section(p: &DiffProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let list = ordered(&store.workspace);
    let find = |id: &str| list.iter().copied().find(|a| a.id == id);
    let (Some(old), Some(new)) = (find(&p.old), find(&p.new)) else {
        return html! {};
    };
    let label = |a: &Assessment| label_of(a, &list, t.workspace.untitled);
    let offer = |a: &Assessment| {
        let i = list.iter().position(|b| b.id == a.id).unwrap_or_default();
        offer_name(i, t)
    };
    let versions = naming(&[&old.id, &new.id]) == Naming::Versions;
    // The filter: on by default for two offers, off for two versions of one assessment.
    let moving_only = p.moving_only.unwrap_or(!versions);
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
                        <option value={a.id.clone()} selected={a.id == current}>{ format!("{}{} {}", offer(a), t.typo.colon, isolate(&label(a))) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let d = diff(old, new);
    html! {
        <section class="diff" aria-labelledby="diff-title">
            <h2 id="diff-title">{ t.compare.diff_title }</h2>
            <p class="no-print">{ if versions { t.compare.diff_intro } else { t.compare.diff_intro_offers } }</p>
            <div class="grid2 no-print">
                { select("diff-old", if versions { t.compare.diff_old } else { t.compare.diff_first }, &p.old, true) }
                { select("diff-new", if versions { t.compare.diff_new } else { t.compare.diff_second }, &p.new, false) }
            </div>
            <p class="diff-pair" data-testid="diff-pair">
                if !versions { { format!("{} ", offer(old)) } }
                <strong>{ user(label(old)) }</strong>{ " → " }
                if !versions { { format!("{} ", offer(new)) } }
                <strong>{ user(label(new)) }</strong>
            </p>
            { summary(&d, lang) }
            if d.is_empty() {
                <p class="panel" data-testid="diff-none">
                    { t.compare.diff_none }
                    if old.id == new.id { { " " }{ t.compare.diff_same } }
                </p>
            } else {
                if !d.changes.is_empty() {
                    <div class="no-print diff-filter">
                    <div class="check">
                        <input type="checkbox" id="diff-moving-only" data-testid="diff-moving-only"
                            checked={moving_only} aria-describedby="diff-moving-help" onchange={{
                                let cb = p.on_moving_only.clone();
                                Callback::from(move |e: Event| {
                                    let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
                                    if let Some(input) = input {
                                        cb.emit(input.checked());
                                    }
                                })
                            }} />
                        <label for="diff-moving-only">{ t.compare.moving_only }</label>
                    </div>
                    <p class="muted" id="diff-moving-help">{ t.compare.moving_help }</p>
                    </div>
                }
                { changes_table(&d.changes, moving_only, columns(versions, offer(old), offer(new), t), lang) }
                { other_changes(&d, old, new, lang) }
            }
        </section>
    }
}

/// Overall SEAL and score, before and after.
fn summary(d: &Diff, lang: Lang) -> Html {
    let t = texts(lang);
    let s = d.summary;
    html! {
        <>
            <h3>{ t.compare.summary }</h3>
            <dl class="diff-summary" data-testid="diff-summary"
                data-old-lower={s.seal.old.lower.level().to_string()} data-old-upper={s.seal.old.upper.level().to_string()}
                data-new-lower={s.seal.new.lower.level().to_string()} data-new-upper={s.seal.new.upper.level().to_string()}>
                <dt>{ t.compare.overall_seal }</dt>
                <dd data-testid="diff-summary-seal">{ seal_move_html(s.seal, t) }</dd>
                <dt>{ t.estimate.score_label }</dt>
                <dd data-testid="diff-summary-score">{ format!("{} → {}",
                    texts(lang).score_range(s.score.old.lower, s.score.old.upper),
                    texts(lang).score_range(s.score.new.lower, s.score.new.upper)) }</dd>
            </dl>
        </>
    }
}

/// One line per effect: overall, then the objective; or "no effect".
fn effect_cell(overall: Delta<SealRange>, objective: (&str, Delta<SealRange>), lang: Lang) -> Html {
    let t = texts(lang);
    let colon = texts(lang).typo.colon;
    html! {
        <td data-old-lower={overall.old.lower.level().to_string()} data-old-upper={overall.old.upper.level().to_string()}
            data-new-lower={overall.new.lower.level().to_string()} data-new-upper={overall.new.upper.level().to_string()}>
            <span class="effect-overall">{ format!("{}{colon} ", t.compare.overall) }{ seal_move_html(overall, t) }</span>
            <br />
            <span class="muted">{ format!("{}{colon} ", objective.0) }{ seal_move_html(objective.1, t) }</span>
            if !overall.changed() && !objective.1.changed() {
                <><br /><em>{ t.compare.no_effect }</em></>
            }
        </td>
    }
}

/// The changed answers, one row each, grouped by objective; with `moving_only`, only those
/// that move a SEAL.
fn changes_table(
    changes: &[Change],
    moving_only: bool,
    heads: (String, String),
    lang: Lang,
) -> Html {
    let t = texts(lang);
    if changes.is_empty() {
        return html! { <p data-testid="diff-no-answer">{ t.compare.no_answer_change }</p> };
    }
    let shown = groups(changes, moving_only);
    let n: usize = shown.iter().map(|g| g.changes.len()).sum();
    let status = html! {
        <p class="muted" data-testid="diff-shown" data-shown={n.to_string()} data-total={changes.len().to_string()}
            aria-live="polite">
            { fill(t.compare.shown, &[("n", &n), ("total", &changes.len())]) }
        </p>
    };
    if shown.is_empty() {
        return html! {
            <>
                { status }
                <p class="panel" data-testid="diff-none-moving">{ t.compare.none_moving }</p>
            </>
        };
    }
    let group_head = |objective: &str, count: usize, total: usize| {
        let name = content::objective(objective)
            .map(|o| o.name.get(lang))
            .unwrap_or_default();
        let counted = if count < total {
            fill(
                t.form(count, &t.compare.changes_of),
                &[("n", &count), ("total", &total)],
            )
        } else {
            t.count(count, &t.compare.changes_n)
        };
        format!("{objective} {name} ({counted})")
    };
    html! {
        <>
        { status }
        <div class="table-scroll" role="region" tabindex="0" aria-label={t.compare.diff_caption}>
            <table class="diff-table" data-testid="diff-table">
                <caption>{ format!("{} ({})", t.compare.diff_caption, n) }</caption>
                <thead><tr>
                    <th scope="col">{ t.compare.col_criterion }</th>
                    <th scope="col">{ heads.0.clone() }</th>
                    <th scope="col">{ heads.1.clone() }</th>
                    <th scope="col">{ t.compare.col_fields }</th>
                    <th scope="col">{ t.compare.col_effect }</th>
                </tr></thead>
                { for shown.iter().map(|g| html! {
                    <tbody data-testid={format!("diff-group-{}", g.objective)}
                        data-shown={g.changes.len().to_string()} data-total={g.total.to_string()}>
                        <tr class="group-row">
                            <th scope="rowgroup" colspan="5" data-testid={format!("diff-group-head-{}", g.objective)}>
                                { group_head(g.objective, g.changes.len(), g.total) }
                            </th>
                        </tr>
                        { for g.changes.iter().map(|c| {
                            let title = content::criterion(c.criterion).map(|x| x.title.get(lang)).unwrap_or_default();
                            let fields = c.fields.iter().map(|f| t.diff_field(*f)).collect::<Vec<_>>().join(", ");
                            html! {
                                <tr data-testid={format!("diff-row-{}", c.criterion)} data-moves={c.moves_seal().to_string()}>
                                    <th scope="row">{ format!("{} {title}", c.criterion) }</th>
                                    <td data-testid="diff-before">{ answer_words(c.criterion, c.choice.old, t) }</td>
                                    <td data-testid="diff-after">{ answer_words(c.criterion, c.choice.new, t) }</td>
                                    <td data-testid="diff-fields">{ fields }</td>
                                    { effect_cell(c.effect.seal, (c.objective, c.effect.objective_seal), lang) }
                                </tr>
                            }
                        }) }
                    </tbody>
                }) }
            </table>
        </div>
        </>
    }
}

/// Overrides, weights, aggregation and SecNumCloud stage changes.
fn other_changes(d: &Diff, old: &Assessment, new: &Assessment, lang: Lang) -> Html {
    let t = texts(lang);
    let colon = texts(lang).typo.colon;
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
                { format!("{} — {}{colon} {} → {}. ", t.overrides.title, o.objective,
                    override_words(o.overrides.old.as_ref(), t),
                    override_words(o.overrides.new.as_ref(), t)) }
                { if o.effect.seal.changed() || o.effect.objective_seal.changed() {
                    format!("{}{colon} {}; {}{colon} {}", t.compare.overall, seal_move(o.effect.seal, t),
                        o.objective, seal_move(o.effect.objective_seal, t))
                } else {
                    t.compare.no_effect.to_owned()
                } }
            </li>
        }
    };
    html! {
        <>
            <h3>{ t.compare.other_changes }</h3>
            <ul class="diff-other" data-testid="diff-other">
                { for d.overrides.iter().map(override_item) }
                if d.weights.is_some() {
                    <li data-testid="diff-weights">{ format!("{}{colon} {} → {}", t.context.weights,
                        weights_words(&old.weights, t), weights_words(&new.weights, t)) }</li>
                }
                if let Some(g) = d.aggregation {
                    <li data-testid="diff-aggregation">{ format!("{}{colon} {} → {}", t.context.aggregation,
                        t.aggregation(g.old), t.aggregation(g.new)) }</li>
                }
                if let Some(s) = d.secnumcloud_stage {
                    <li data-testid="diff-stage">{ format!("{}{colon} {} → {}", t.compare.snc_stage,
                        t.stage(s.old), t.stage(s.new)) }</li>
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
        // Two offers: from A (the first) to B (the second).
        assert_eq!(default_diff(&list), ("b".to_owned(), "c".to_owned()));
        // Two versions of one assessment: from the earlier to the later.
        let v = vec![
            named("x", "Acme", "2026-01-01T00:00:00Z"),
            named("x-2", "Acme", "2026-03-01T00:00:00Z"),
        ];
        let vl = ordered(&v);
        assert_eq!(default_diff(&vl), ("x".to_owned(), "x-2".to_owned()));
        assert_eq!(offer_name(0, texts(Lang::En)), "Offer A");
        assert_eq!(offer_name(27, texts(Lang::Fr)), "Offre AB");
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
        assert!(answer_words("SOV-7.1", Choice::Rung(0), texts(Lang::En))
            .starts_with("The service has"));
        assert_eq!(
            answer_words("SOV-7.1", Choice::Unknown, texts(Lang::Fr)),
            "Je ne sais pas"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Open, texts(Lang::En)),
            "unanswered"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Open, texts(Lang::Fr)),
            "sans réponse"
        );
        assert_eq!(
            answer_words("SOV-7.1", Choice::Rung(9), texts(Lang::En)),
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
        assert_eq!(seal_move(d, texts(Lang::En)), "SEAL-0 to SEAL-2 → SEAL-1");
        assert_eq!(seal_move(d, texts(Lang::Fr)), "SEAL-0 à SEAL-2 → SEAL-1");
        assert_eq!(
            weights_values(&Weights::Framework.values()),
            "15/10/10/15/20/15/10/5"
        );
    }
}
