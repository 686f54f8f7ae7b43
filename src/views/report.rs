//! The report: the document a NIS2 management body approves and signs, in the current
//! language. On screen it is preceded by the tools (print, HTML and CSV downloads) and the
//! sign-off editor; only the `<article>` prints. The same `<article>` is serialised for the
//! HTML export, with `assets/report.css` inlined, so the file and the print cannot disagree.

use crate::components::fields::{event_value, max_text_length, SelectField, TextField};
use crate::components::radar::Radar;
use crate::components::sections::{GapPlan, Hints, ObjectivesTable, SncCoverage};
use crate::platform::today;
use crate::platform::{download, transfer};
use crate::state::Action;
use crate::state::Store;
use crate::views::results::weights_name;
use crate::views::ScreenProps;
use sovcheck_core::edit::{Edit, SignOffEdit};
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::model::{Date, Decision, SignOff};
use sovcheck_core::{content, evaluate, export, Assessment, Lang};
use sovcheck_text::texts;
use std::rc::Rc;
use yew::prelude::*;

/// The report's own stylesheet, inlined into the HTML export.
pub const REPORT_CSS: &str = include_str!("../../assets/report.css");

fn decision_id(d: Decision) -> &'static str {
    match d {
        Decision::Approve => "approve",
        Decision::ApproveWithConditions => "approve-with-conditions",
        Decision::Reject => "reject",
    }
}

const DECISIONS: [Decision; 3] = [
    Decision::Approve,
    Decision::ApproveWithConditions,
    Decision::Reject,
];

/// The CSS string the page margin boxes print: the label and the fingerprint, quoted.
pub fn footer_css_string(label: &str, fingerprint: &str) -> String {
    let text = format!("{label}: {fingerprint}");
    let escaped: String = text
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// The root element, whose custom property the page margin boxes read.
fn root_style() -> Option<web_sys::CssStyleDeclaration> {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()?.document()?.document_element()?;
    Some(el.dyn_into::<web_sys::HtmlElement>().ok()?.style())
}

/// A complete, script-free HTML document around the rendered report; `footer` is the CSS
/// string of the fingerprint printed on every page.
pub fn html_document(report_html: &str, title: &str, lang: Lang, footer: &str) -> String {
    let escaped: String = title
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            c => c.to_string(),
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{escaped}</title>\n<style>\n:root {{ --sovcheck-footer: {footer}; }}\n{REPORT_CSS}</style>\n</head>\n<body>\n{report_html}\n</body>\n</html>\n",
        lang.tag()
    )
}

/// The report screen.
#[function_component(ReportView)]
pub fn report_view(p: &ScreenProps) -> Html {
    let article = use_node_ref();
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let lang = store.lang;
    let t = texts(lang);
    let a = &store.assessment;
    let ev = Rc::new(evaluate(a, today()));
    let fingerprint = export::fingerprint(a);
    let name = a
        .display_name()
        .unwrap_or_else(|| t.workspace.untitled.to_owned());
    let footer = footer_css_string(t.report.fingerprint_label, &fingerprint);
    // Set through the CSSOM (allowed by a strict CSP, unlike an inline <style>); removed
    // when the report closes.
    use_effect_with(footer.clone(), |footer| {
        if let Some(s) = root_style() {
            let _ = s.set_property("--sovcheck-footer", footer);
        }
        || {
            if let Some(s) = root_style() {
                let _ = s.remove_property("--sovcheck-footer");
            }
        }
    });

    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let print = crate::platform::print_callback();
    let export_html = {
        let (article, a, name, footer) = (article.clone(), a.clone(), name.clone(), footer.clone());
        Callback::from(move |_| {
            if let Some(el) = article.cast::<web_sys::Element>() {
                let doc = html_document(&el.outer_html(), &name, lang, &footer);
                let file = transfer::file_name(&a)
                    .replace(".json", &format!("-report-{}.html", lang.tag()));
                let _ = download::download(&file, "text/html;charset=utf-8", &doc);
            }
        })
    };
    let export_csv = {
        let a = a.clone();
        Callback::from(move |_| {
            // The byte-order mark lets spreadsheet programs read the accents as UTF-8.
            let csv = texts(lang).answers_csv(&a);
            let file =
                transfer::file_name(&a).replace(".json", &format!("-answers-{}.csv", lang.tag()));
            let _ = download::download(&file, "text/csv;charset=utf-8", &csv);
        })
    };

    html! {
        <div class="report-screen">
            <div class="report-tools no-print">
                <h1 ref={p.heading.clone()} tabindex="-1">{ t.report.open_report }</h1>
                <div class="actions">
                    <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button>
                    <button type="button" class="primary" data-testid="print" onclick={print}>{ t.report.print }</button>
                    <button type="button" data-testid="export-html" onclick={export_html}>{ t.report.export_html }</button>
                    <button type="button" data-testid="export-csv" onclick={export_csv}>{ t.report.export_csv }</button>
                    <button type="button" data-testid="export" onclick={
                        let a = a.clone();
                        Callback::from(move |_| transfer::export_one(&a))
                    }>{ t.workspace.export_this }</button>
                </div>
                <SignOffEditor />
            </div>
            <article class="report" data-testid="report" lang={lang.tag()} ref={article}>
                <Cover assessment={a.clone()} {lang} name={name.clone()} />
                <Summary ev={ev.clone()} assessment={a.clone()} {lang} />
                <SignOffSection signoff={a.signoff.clone()} {lang} />
                <section class="block">
                    <h2>{ t.results.gaps_title }</h2>
                    <GapPlan ev={ev.clone()} {lang} assessment={a.clone()} />
                </section>
                <section class="block">
                    <h2>{ t.walk.step_secnumcloud }</h2>
                    <p>{ format!("{}{} {}", t.snc.stage, texts(lang).typo.colon,
                        a.secnumcloud.stage.and_then(|s| content::secnumcloud::stages().iter().find(|d| d.id == s.id()))
                            .map(|d| d.name.get(lang)).unwrap_or(t.common.not_set)) }</p>
                    <SncCoverage ev={ev.clone()} {lang} />
                    <h3>{ t.results.hints_title }</h3>
                    <Hints ev={ev.clone()} {lang} />
                    <h3>{ t.results.label_not_seal_title }</h3>
                    <p>{ content::secnumcloud::label_not_seal().get(lang) }</p>
                </section>
                <crate::components::provider_answers::ProviderAnswers answers={a.due_diligence.clone()} {lang} />
                <Answers assessment={a.clone()} {lang} />
                <Method assessment={a.clone()} ev={ev.clone()} {lang} />
                <crate::components::log_annex::LogAnnex log={a.log.clone()} {lang} />
                <footer class="print-footer">
                    <span>{ t.report.fingerprint_label }{ format!("{} ", texts(lang).typo.colon) }</span>
                    <code data-testid="fingerprint">{ fingerprint }</code>
                </footer>
            </article>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CoverProps {
    assessment: Assessment,
    lang: Lang,
    name: String,
}

#[function_component(Cover)]
fn cover(p: &CoverProps) -> Html {
    let (lang, t, m) = (p.lang, texts(p.lang), &p.assessment.meta);
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    let models: Vec<&str> = m
        .service_models
        .iter()
        .filter_map(|x| {
            content::secnumcloud::service_models()
                .iter()
                .find(|d| d.id == x.id())
        })
        .map(|d| d.name.get(lang))
        .collect();
    let model = if models.is_empty() {
        "—".to_owned()
    } else {
        models.join(", ")
    };
    let sensitivity = m
        .sensitivity
        .map(|s| match s {
            sovcheck_core::model::Sensitivity::Low => t.words.sens_low,
            sovcheck_core::model::Sensitivity::Moderate => t.words.sens_moderate,
            sovcheck_core::model::Sensitivity::High => t.words.sens_high,
            sovcheck_core::model::Sensitivity::Critical => t.words.sens_critical,
        })
        .unwrap_or("—");
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".to_owned());
    html! {
        <header class="cover">
            <p class="kicker">{ "sovcheck · " }{ t.report.kicker }</p>
            <h2 class="title">{ p.name.clone() }</h2>
            <dl class="facts">
                <dt>{ t.context.provider }</dt><dd data-testid="report-provider">{ or_dash(&m.provider) }</dd>
                <dt>{ t.context.offer }</dt><dd>{ or_dash(&m.offer) }</dd>
                <dt>{ t.context.service_model }</dt><dd>{ model }</dd>
                <dt>{ t.context.assessor }</dt><dd>{ or_dash(&m.assessor) }</dd>
                <dt>{ t.context.date }</dt><dd>{ date(m.date) }</dd>
                <dt>{ t.context.sensitivity }</dt><dd>{ sensitivity }</dd>
                <dt>{ t.context.target_seal }</dt><dd>{ m.target_seal.map(|s| s.to_string()).unwrap_or_else(|| "—".to_owned()) }</dd>
                <dt>{ t.report.content_version }</dt><dd>{ content::content_version() }</dd>
                <dt>{ t.report.printed_on }</dt><dd>{ date(today()) }</dd>
            </dl>
            <p class="disclaimer">{ t.report.non_official }</p>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    ev: Rc<Evaluation>,
    assessment: Assessment,
    lang: Lang,
}

#[function_component(Summary)]
fn summary(p: &SummaryProps) -> Html {
    let (lang, t, ev) = (p.lang, texts(p.lang), &p.ev);
    let colon = texts(lang).typo.colon;
    let level = content::seal_level(ev.seal.lower);
    html! {
        <section class="block summary">
            <h2>{ t.report.summary_title }</h2>
            <p class="big" data-testid="report-seal">{ texts(lang).seal_range(ev.seal) }</p>
            if let Some(l) = level { <p><strong>{ l.name.get(lang) }</strong>{ " — " }{ l.meaning.get(lang) }</p> }
            <ul class="keyfigures">
                <li>{ format!("{}{} {}", t.estimate.score_label, colon, texts(lang).score_range(ev.score.lower, ev.score.upper)) }</li>
                <li>{ format!("{}{} {}", t.context.weights, colon, weights_name(&p.assessment.weights, lang)) }</li>
                <li>{ format!("{}{} {}", t.context.aggregation, colon,
                    if p.assessment.aggregation == sovcheck_core::model::Aggregation::WeightedMean { t.words.agg_mean } else { t.words.agg_weakest }) }</li>
                <li>{ format!("{}{} {} · {}", t.results.calculator_reading, colon,
                    ev.calculator.seal.map(|s| s.to_string()).unwrap_or_else(|| "—".to_owned()),
                    texts(lang).score(ev.calculator.score)) }</li>
                <li>{ format!("{}{} {} / {} / {}", t.report.answered_counts, colon, ev.answered, ev.unknown, ev.unanswered) }</li>
                <li>{ t.estimate.binding_title }{ colon }{ " " }
                    if ev.binding.is_empty() { { t.estimate.binding_none } } else {
                        { ev.binding.iter().map(|b| b.criterion).collect::<Vec<_>>().join(", ") }
                    }
                </li>
            </ul>
            <div class="chart-and-table">
                <Radar objectives={ev.objectives.clone()} {lang} title={t.results.radar_title}
                    lower_label={t.results.lower_bound} upper_label={t.results.upper_bound} />
                <ObjectivesTable ev={ev.clone()} {lang} />
            </div>
            <h3>{ t.overrides.title }</h3>
            if p.assessment.overrides.is_empty() { <p>{ t.overrides.overrides_none }</p> } else {
                <ul>{ for p.assessment.overrides.iter().map(|(id, o)| html! {
                    <li><strong>{ format!("{id}: {}", o.level) }</strong>{ " — " }{ o.justification.clone() }</li>
                }) }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SignOffProps {
    signoff: SignOff,
    lang: Lang,
}

/// The printed decision: what the body decided, why, what it accepts, and lines to sign.
#[function_component(SignOffSection)]
fn signoff_section(p: &SignOffProps) -> Html {
    let (lang, t, s) = (p.lang, texts(p.lang), &p.signoff);
    let text = |v: &str| {
        if v.trim().is_empty() {
            html! { <p class="blank">{ "\u{a0}" }</p> }
        } else {
            html! { <p class="prose">{ v.to_owned() }</p> }
        }
    };
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    // Printed signature lines: the approvers entered, and at least two lines in all.
    let blank_rows = 2usize.saturating_sub(s.approvers.len());
    html! {
        <section class="block nis2" data-testid="report-signoff">
            <h2>{ t.signoff.title }</h2>
            <p class="muted">{ t.signoff.intro }</p>
            <h3>{ t.signoff.decision }</h3>
            <p>{ s.decision.map(|d| t.decision(d)).unwrap_or("\u{a0}") }</p>
            <h3>{ t.signoff.rationale }</h3>
            { text(&s.rationale) }
            <h3>{ t.signoff.residual_risks }</h3>
            { text(&s.residual_risks) }
            <h3>{ t.signoff.conditions }</h3>
            { text(&s.conditions) }
            <table class="approvers">
                <caption>{ t.signoff.approvers }</caption>
                <thead><tr>
                    <th scope="col">{ t.signoff.approver_name }</th><th scope="col">{ t.signoff.approver_role }</th>
                    <th scope="col">{ t.signoff.approver_date }</th><th scope="col">{ t.signoff.signature }</th>
                </tr></thead>
                <tbody>
                    { for s.approvers.iter().map(|a| html! {
                        <tr><td>{ a.name.clone() }</td><td>{ a.role.clone() }</td><td>{ date(a.date) }</td><td class="sign"></td></tr>
                    }) }
                    { for (0..blank_rows).map(|_| html! {
                        <tr><td>{ "\u{a0}" }</td><td></td><td></td><td class="sign"></td></tr>
                    }) }
                </tbody>
            </table>
            <p>{ format!("{}{} {}", t.signoff.next_review, texts(lang).typo.colon,
                s.next_review.map(|d| d.to_string()).unwrap_or_else(|| "—".to_owned())) }</p>
        </section>
    }
}

/// The editor of the sign-off, on screen only.
#[function_component(SignOffEditor)]
fn signoff_editor() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let s = &store.assessment.signoff;
    let edit = |f: fn(String) -> SignOffEdit| {
        let st = store.clone();
        Callback::from(move |v: String| st.dispatch(Action::Edit(Edit::SignOff(f(v)))))
    };
    let decisions: Vec<(String, String)> =
        std::iter::once((String::new(), t.common.not_set.to_owned()))
            .chain(
                DECISIONS
                    .iter()
                    .map(|d| (decision_id(*d).to_owned(), t.decision(*d).to_owned())),
            )
            .collect();
    let add = {
        let st = store.clone();
        Callback::from(move |_| st.dispatch(Action::Edit(Edit::SignOff(SignOffEdit::AddApprover))))
    };
    html! {
        <details class="signoff-editor" open=true data-testid="signoff-editor">
            <summary>{ t.signoff.edit_title }</summary>
            <SelectField id="decision" label={t.signoff.decision} options={decisions}
                value={s.decision.map(decision_id).unwrap_or_default()}
                onchange={edit(|v| SignOffEdit::Decision(DECISIONS.into_iter().find(|d| decision_id(*d) == v)))} />
            <TextField id="rationale" label={t.signoff.rationale} multiline=true value={s.rationale.clone()} onchange={edit(SignOffEdit::Rationale)} />
            <TextField id="residual-risks" label={t.signoff.residual_risks} multiline=true value={s.residual_risks.clone()} onchange={edit(SignOffEdit::ResidualRisks)} />
            <TextField id="conditions" label={t.signoff.conditions} multiline=true value={s.conditions.clone()} onchange={edit(SignOffEdit::Conditions)} />
            <TextField id="next-review" kind="date" label={t.signoff.next_review}
                value={s.next_review.map(|d| d.to_string()).unwrap_or_default()}
                onchange={edit(|v| SignOffEdit::NextReview(Date::parse(&v)))} />
            <fieldset class="approver-list">
                <legend>{ t.signoff.approvers }</legend>
                { for s.approvers.iter().enumerate().map(|(i, a)| {
                    let st = store.clone();
                    let field = |f: fn(usize, String) -> SignOffEdit| {
                        let st = st.clone();
                        Callback::from(move |e: InputEvent| st.dispatch(Action::Edit(Edit::SignOff(f(i, event_value(&e))))))
                    };
                    let on_date = {
                        let st = st.clone();
                        Callback::from(move |e: InputEvent| st.dispatch(Action::Edit(Edit::SignOff(SignOffEdit::ApproverDate(i, Date::parse(&event_value(&e)))))))
                    };
                    let remove = {
                        let st = st.clone();
                        Callback::from(move |_| st.dispatch(Action::Edit(Edit::SignOff(SignOffEdit::RemoveApprover(i)))))
                    };
                    html! {
                        <div class="approver" data-testid={format!("approver-{i}")}>
                            <div class="field"><label for={format!("approver-{i}-name")}>{ t.signoff.approver_name }</label>
                                <input id={format!("approver-{i}-name")} value={a.name.clone()} oninput={field(SignOffEdit::ApproverName)} maxlength={max_text_length()} /></div>
                            <div class="field"><label for={format!("approver-{i}-role")}>{ t.signoff.approver_role }</label>
                                <input id={format!("approver-{i}-role")} value={a.role.clone()} oninput={field(SignOffEdit::ApproverRole)} maxlength={max_text_length()} /></div>
                            <div class="field"><label for={format!("approver-{i}-date")}>{ t.signoff.approver_date }</label>
                                <input id={format!("approver-{i}-date")} type="date" value={a.date.map(|d| d.to_string()).unwrap_or_default()} oninput={on_date} /></div>
                            <button type="button" class="danger" onclick={remove} aria-label={format!("{} {}", t.signoff.remove_approver, i + 1)}>{ t.signoff.remove_approver }</button>
                        </div>
                    }
                }) }
                <button type="button" data-testid="add-approver" onclick={add}>{ t.signoff.add_approver }</button>
            </fieldset>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct AnswersProps {
    assessment: Assessment,
    lang: Lang,
}

/// Every criterion with its answer, evidence and validity, one table per objective.
#[function_component(Answers)]
fn answers(p: &AnswersProps) -> Html {
    let (lang, t, a) = (p.lang, texts(p.lang), &p.assessment);
    let today = today();
    html! {
        <section class="block answers">
            <h2>{ t.report.answers_title }</h2>
            { for content::objectives().iter().map(|o| html! {
                <table class="answers-table">
                    <caption>{ format!("{} {}", o.id, o.name.get(lang)) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.report.criterion }</th><th scope="col">{ t.report.answer }</th>
                        <th scope="col">{ t.evidence.title }</th><th scope="col">{ t.evidence.valid_until }</th>
                    </tr></thead>
                    <tbody>
                    { for o.criteria.iter().map(|c| {
                        let ans = a.answers.get(c.id);
                        let choice = a.choice(c.id);
                        let label = t.answer(c, choice);
                        let expired = matches!((ans.and_then(|x| x.valid_until), today), (Some(v), Some(d)) if v < d);
                        let level = ans.and_then(|x| x.evidence_level).map(|l| t.evidence_level(l));
                        // The note as the cell's own text, then source and evidence level on
                        // one line: a report with 48 long notes stays under 800 elements
                        // (Lighthouse's dom-size), which keeps its first frame short.
                        let colon = texts(lang).typo.colon;
                        let src = [
                            ans.map(|x| x.source.as_str()).filter(|s| !s.is_empty())
                                .map(|s| format!("{}{colon} {s}", t.evidence.source)),
                            level.map(|l| format!("{}{colon} {l}", t.evidence.level)),
                        ].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        html! {
                            <tr>
                                <th scope="row">{ format!("{} {}", c.id, c.title.get(lang)) }</th>
                                <td>{ label }</td>
                                <td class="prose">
                                    { ans.map(|x| x.note.clone()).unwrap_or_default() }
                                    if !src.is_empty() { <p class="src">{ src }</p> }
                                    <crate::components::provenance::ProvenanceNote subject={c.id} answer={ans.cloned()} {lang} />
                                </td>
                                <td>
                                    { ans.and_then(|x| x.valid_until).map(|d| d.to_string()).unwrap_or_default() }
                                    if expired { <strong class="warn">{ " ⚠ " }{ t.evidence.expired }</strong> }
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MethodProps {
    assessment: Assessment,
    ev: Rc<Evaluation>,
    lang: Lang,
}

/// The method appendix: rules, weights and sources.
#[function_component(Method)]
fn method(p: &MethodProps) -> Html {
    let (lang, t) = (p.lang, texts(p.lang));
    html! {
        <section class="block method">
            <h2>{ t.report.method_title }</h2>
            <p>{ t.report.method_text }</p>
            <table class="weights">
                <caption>{ format!("{} — {}", t.context.weights, weights_name(&p.assessment.weights, lang)) }</caption>
                <thead><tr><th scope="col">{ t.results.objective }</th><th scope="col">{ t.results.weight }</th></tr></thead>
                <tbody>
                { for content::objectives().iter().zip(p.ev.weights).map(|(o, w)| html! {
                    <tr><th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th><td class="num">{ format!("{w} %") }</td></tr>
                }) }
                </tbody>
            </table>
            <h3>{ t.report.sources }</h3>
            <ul>{ for content::sources().iter().map(|s| html! { <li>{ s.get(lang) }</li> }) }</ul>
            <p>{ t.report.non_official }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_html_document_has_no_script_and_escapes_the_title() {
        let doc = html_document(
            "<article>x</article>",
            "A <b>&</b> \"B\"",
            Lang::Fr,
            "\"f\"",
        );
        assert!(doc.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(doc.contains("<title>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</title>"));
        assert!(doc.contains("<article>x</article>"));
        assert!(!doc.to_lowercase().contains("<script"));
        assert!(doc.contains(REPORT_CSS));
        assert!(doc.contains(":root { --sovcheck-footer: \"f\"; }"));
    }

    #[test]
    fn the_footer_is_a_safe_css_string() {
        assert_eq!(
            footer_css_string("Empreinte", "ab12"),
            "\"Empreinte: ab12\""
        );
        assert_eq!(footer_css_string("a\"b\\c\n", "x"), "\"a\\\"b\\\\c: x\"");
    }
}
