//! The report: the document a NIS2 management body approves and signs, in the current
//! language. On screen it is preceded by the tools (print, HTML and CSV downloads) and the
//! sign-off editor; only the `<article>` prints. The same `<article>` is serialised for the
//! HTML export, with `assets/report.css` inlined, so the file and the print cannot disagree.
//!
//! Page 1 is what a board member reads: the range as the headline (a level's meaning only
//! when the range is one level), the target judged, the plain-language summary, what each end
//! of the range rests on, the counts and the score. Then the objectives, the decision (with
//! the target's verdict beside it), the action plan, the whole SecNumCloud record, every
//! answer with the SEAL it grants and whether it binds an end, and the method.

use crate::components::fields::{event_value, max_text_length, SelectField, TextField};
use crate::components::plan::PlanTable;
use crate::components::radar::Radar;
use crate::components::sections::{Hints, ObjectivesTable, SncCoverage};
use crate::components::user_text::{isolate, user};
use crate::components::verdict::{Basis, Counts, Summary as PlainSummary, TargetBlock};
use crate::platform::today;
use crate::platform::{download, transfer};
use crate::state::Action;
use crate::state::Store;
use crate::views::results::weights_name;
use crate::views::ScreenProps;
use sovcheck_core::edit::{Edit, SignOffEdit};
use sovcheck_core::evaluate::Evaluation;
use sovcheck_core::model::{Choice, Date, Decision, SncStatus};
use sovcheck_core::signoff::{approval_against_target, missing_acceptance};
use sovcheck_core::verdict::Verdict;
use sovcheck_core::{content, evaluate, export, plan, verdict, Assessment, Lang};
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
    let v = Rc::new(verdict(a, &ev));
    let shared = a.clone();
    let fingerprint = export::fingerprint(a);
    let name = crate::components::user_text::display_name(a)
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
                <Cover assessment={shared.clone()} {lang} name={name.clone()} ev={ev.clone()} verdict={v.clone()} />
                <Objectives ev={ev.clone()} assessment={shared.clone()} {lang} />
                <SignOffSection assessment={shared.clone()} verdict={v.clone()} {lang} />
                <PlanTable plan={Rc::new(plan(a, &ev))} assessment={shared.clone()} {lang} />
                <SncRecord assessment={shared.clone()} ev={ev.clone()} {lang} />
                <crate::components::provider_answers::ProviderAnswers answers={a.due_diligence.clone()} {lang} />
                <Answers assessment={shared.clone()} verdict={v.clone()} {lang} />
                <Method assessment={shared.clone()} ev={ev.clone()} {lang} />
                <crate::components::log_annex::LogAnnex log={a.log.clone()} {lang} />
                <footer class="print-footer">
                    <span>{ t.report.fingerprint_label }{ format!("{} ", texts(lang).typo.colon) }</span>
                    <code data-testid="fingerprint">{ fingerprint }</code>
                </footer>
            </article>
        </div>
    }
}

/// A date that never breaks across lines, or the dash.
fn date_span(d: Option<Date>, lang: Lang) -> Html {
    html! { <span class="date">{ texts(lang).opt_date(d) }</span> }
}

#[derive(Properties, PartialEq)]
struct CoverProps {
    assessment: Rc<Assessment>,
    ev: Rc<Evaluation>,
    verdict: Rc<Verdict>,
    lang: Lang,
    name: String,
}

/// Page 1: the title and facts, then the verdict a board member can read alone.
#[function_component(Cover)]
fn cover(p: &CoverProps) -> Html {
    let (lang, t, m, ev) = (p.lang, texts(p.lang), &p.assessment.meta, &p.ev);
    let colon = t.typo.colon;
    let models = if m.service_models.is_empty() {
        t.typo.dash.to_owned()
    } else {
        t.list(m.service_models.iter().map(|x| t.service_model(*x)))
    };
    let sensitivity = m.sensitivity.map_or(t.typo.dash, |s| t.sensitivity(s));
    html! {
        <header class="cover">
            <p class="kicker">{ "sovcheck · " }{ t.report.kicker }</p>
            <h2 class="title">{ p.name.clone() }</h2>
            <dl class="facts">
                <div><dt>{ t.context.provider }</dt><dd data-testid="report-provider">{ t.or_dash(&m.provider) }</dd></div>
                <div><dt>{ t.context.offer }</dt><dd>{ t.or_dash(&m.offer) }</dd></div>
                <div><dt>{ t.context.assessor }</dt><dd>{ t.or_dash(&m.assessor) }</dd></div>
                <div><dt>{ t.context.sensitivity }</dt><dd>{ sensitivity }</dd></div>
                <div><dt>{ t.context.date }</dt><dd>{ date_span(m.date, lang) }</dd></div>
                <div><dt>{ t.report.printed_on }</dt><dd>{ date_span(today(), lang) }</dd></div>
                <div class="wide"><dt>{ t.context.service_model }</dt><dd>{ models }</dd></div>
            </dl>
            <section class="summary" aria-labelledby="report-summary-title">
                <h2 id="report-summary-title">{ t.report.summary_title }</h2>
                <p class="big" data-testid="report-seal" data-lower={ev.seal.lower.level().to_string()}
                    data-upper={ev.seal.upper.level().to_string()}><span class="range">{ t.seal_range(ev.seal) }</span></p>
                if let Some((name, meaning)) = t.headline_meaning(ev.seal) {
                    <p data-testid="report-seal-meaning"><strong>{ name }</strong>{ " — " }{ meaning }</p>
                }
                <TargetBlock verdict={p.verdict.clone()} {lang} />
                <PlainSummary assessment={p.assessment.clone()} ev={ev.clone()} verdict={p.verdict.clone()} {lang} testid="report-summary" />
                <Basis verdict={p.verdict.clone()} {lang} />
                <Counts ev={ev.clone()} {lang} testid="report-counts" />
                <p class="keyfigures">
                    { t.estimate.score_label }{ colon }{ " " }<span class="range">{ t.score_range(ev.score.lower, ev.score.upper) }</span>
                    { format!(" · {}{} {}", t.context.aggregation, colon, t.aggregation(p.assessment.aggregation)) }
                    { format!(" · {}{} {} · ", t.results.calculator_reading, colon, t.opt_seal(ev.calculator.seal)) }
                    <span class="range">{ t.score(ev.calculator.score) }</span>
                </p>
                <p class="disclaimer">{ t.report.non_official }</p>
            </section>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct ObjectivesProps {
    ev: Rc<Evaluation>,
    assessment: Rc<Assessment>,
    lang: Lang,
}

/// Per objective: the radar, the table, the weights in use and the expert overrides.
#[function_component(Objectives)]
fn objectives(p: &ObjectivesProps) -> Html {
    let (lang, t, ev) = (p.lang, texts(p.lang), &p.ev);
    let colon = t.typo.colon;
    html! {
        <section class="block objectives-block">
            <h2>{ t.results.radar_title }</h2>
            <p>{ format!("{}{} {}", t.context.weights, colon, weights_name(&p.assessment.weights, lang)) }</p>
            <div class="chart-and-table">
                <Radar objectives={ev.objectives.clone()} {lang} title={t.results.radar_title}
                    lower_label={t.results.lower_bound} upper_label={t.results.upper_bound} />
                <ObjectivesTable ev={ev.clone()} {lang} />
            </div>
            <h3>{ t.overrides.title }</h3>
            if p.assessment.overrides.is_empty() { <p>{ t.overrides.overrides_none }</p> } else {
                <ul>{ for p.assessment.overrides.iter().map(|(id, o)| html! {
                    <li><strong>{ format!("{id}{colon} {}", o.level) }</strong>{ " — " }{ user(o.justification.clone()) }</li>
                }) }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SignOffProps {
    assessment: Rc<Assessment>,
    verdict: Rc<Verdict>,
    lang: Lang,
}

/// The printed decision: what the body decided against the target, why, what it accepts,
/// and lines to sign.
#[function_component(SignOffSection)]
fn signoff_section(p: &SignOffProps) -> Html {
    let (lang, t, s) = (p.lang, texts(p.lang), &p.assessment.signoff);
    let text = |v: &str| {
        if v.trim().is_empty() {
            html! { <p class="blank">{ "\u{a0}" }</p> }
        } else {
            html! { <p class="prose">{ v.to_owned() }</p> }
        }
    };
    let against = approval_against_target(&p.assessment, &p.verdict);
    let colon = t.typo.colon;
    // Printed signature lines: the approvers entered, and at least two lines in all.
    let blank_rows = 2usize.saturating_sub(s.approvers.len());
    html! {
        <section class="block nis2" data-testid="report-signoff">
            <h2>{ t.signoff.title }</h2>
            <p class="muted">{ t.signoff.intro }</p>
            <div class="decision">
                <h3>{ t.signoff.decision }</h3>
                <p data-testid="signoff-decision">{ s.decision.map(|d| t.decision(d)).unwrap_or("\u{a0}") }</p>
                <p class="against" data-testid="signoff-target">
                    <strong>{ t.verdict.signoff_target }{ colon }</strong>{ " " }{ t.target_verdict(p.verdict.target.as_ref()) }
                </p>
                if let Some(x) = against {
                    <p class="approved-although" data-testid="signoff-approved-although"><strong>{ t.approved_against_target(&x) }</strong></p>
                }
            </div>
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
                        <tr><td>{ a.name.clone() }</td><td>{ a.role.clone() }</td>
                            <td>if a.date.is_some() { { date_span(a.date, lang) } }</td><td class="sign"></td></tr>
                    }) }
                    { for (0..blank_rows).map(|_| html! {
                        <tr><td>{ "\u{a0}" }</td><td></td><td></td><td class="sign"></td></tr>
                    }) }
                </tbody>
            </table>
            <p>{ t.signoff.next_review }{ colon }{ " " }{ date_span(s.next_review, lang) }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SncRecordProps {
    assessment: Rc<Assessment>,
    ev: Rc<Evaluation>,
    lang: Lang,
}

/// The whole SecNumCloud record: stage, referential version, dates and certificate,
/// qualified models, scope, composition and its base, the last audit, every requirement
/// recorded with its status and note; then the coverage per pillar and the warnings.
#[function_component(SncRecord)]
fn snc_record(p: &SncRecordProps) -> Html {
    let (lang, t, snc) = (p.lang, texts(p.lang), &p.assessment.secnumcloud);
    let expired = matches!((snc.expires_on, today()), (Some(e), Some(d)) if e < d);
    let models = if snc.service_models.is_empty() {
        t.typo.dash.to_owned()
    } else {
        t.list(snc.service_models.iter().map(|m| t.service_model(*m)))
    };
    let composition = match snc.composition {
        Some(true) => t.common.yes,
        Some(false) => t.common.no,
        None => t.typo.dash,
    };
    let recorded: Vec<_> = content::secnumcloud::pillars()
        .iter()
        .map(|pillar| {
            let rows: Vec<_> = pillar
                .criteria
                .iter()
                .filter_map(|c| snc.criteria.get(c.id).map(|x| (c, x)))
                .collect();
            (pillar, rows)
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    let n: usize = recorded.iter().map(|(_, rows)| rows.len()).sum();
    let total = content::secnumcloud::criteria().count();
    let status = |s: Option<SncStatus>| s.map_or(t.typo.dash, |s| t.snc_status(s));
    html! {
        <section class="block snc" data-testid="report-snc">
            <h2>{ t.walk.step_secnumcloud }</h2>
            <dl class="facts">
                <div><dt>{ t.snc.stage }</dt><dd data-testid="report-snc-stage">{ t.stage(snc.stage) }</dd></div>
                <div><dt>{ t.snc.version }</dt><dd>{ t.or_dash(&snc.referential_version) }</dd></div>
                <div><dt>{ t.snc_record.qualified_on }</dt><dd>{ date_span(snc.qualified_on, lang) }</dd></div>
                <div><dt>{ t.snc_record.expires_on }</dt><dd data-testid="report-snc-expires">{ date_span(snc.expires_on, lang) }
                    if expired { <strong class="warn" data-testid="report-snc-expired">{ " ⚠ " }{ t.snc_record.expired }</strong> }</dd></div>
                <div><dt>{ t.snc_record.certificate }</dt><dd>{ t.or_dash(&snc.certificate) }</dd></div>
                <div><dt>{ t.snc.composition }</dt><dd>{ composition }</dd></div>
                <div><dt>{ t.snc.last_audit }</dt><dd>{ date_span(snc.last_audit, lang) }</dd></div>
                <div class="wide"><dt>{ t.snc.models }</dt><dd data-testid="report-snc-models">{ models }</dd></div>
                <div class="wide"><dt>{ t.snc.scope }</dt><dd class="prose" data-testid="report-snc-scope">{ t.or_dash(&snc.services_in_scope) }</dd></div>
                if snc.composition == Some(true) || !snc.composition_base.trim().is_empty() {
                    <div class="wide"><dt>{ t.snc.composition_base }</dt><dd class="prose">{ t.or_dash(&snc.composition_base) }</dd></div>
                }
            </dl>
            <h3>{ t.snc_record.requirements_title }</h3>
            <p>{ if n == 0 { t.snc_record.none_recorded.to_owned() } else {
                sovcheck_text::fill(t.form(n, &t.snc_record.recorded), &[("n", &n), ("total", &total)]) } }</p>
            if n > 0 {
                <table class="snc-requirements" data-testid="report-snc-requirements">
                    <thead><tr>{ for t.snc_record.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr></thead>
                    { for recorded.iter().map(|(pillar, rows)| html! {
                        <tbody>
                            <tr class="pillar-row"><th scope="colgroup" colspan="3">{ pillar.name.get(lang) }</th></tr>
                            { for rows.iter().map(|(c, x)| html! {
                                <tr data-testid={format!("report-{}", c.id)}>
                                    <th scope="row">{ format!("{} {}", c.clause, c.title.get(lang)) }</th>
                                    <td>{ status(x.status) }</td>
                                    <td class="prose">{ x.note.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    }) }
                </table>
            }
            <SncCoverage ev={p.ev.clone()} {lang} />
            <h3>{ t.results.hints_title }</h3>
            <Hints ev={p.ev.clone()} {lang} />
            <h3>{ t.results.label_not_seal_title }</h3>
            <p>{ content::secnumcloud::label_not_seal().get(lang) }</p>
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
    let missing = {
        let a = &store.assessment;
        missing_acceptance(a, &verdict(a, &evaluate(a, None)))
    };
    let on_risks = {
        let st = store.clone();
        Callback::from(move |e: InputEvent| {
            st.dispatch(Action::Edit(Edit::SignOff(SignOffEdit::ResidualRisks(
                event_value(&e),
            ))))
        })
    };
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
            // Required (marked, never blocking) when approving against a target not met or
            // undecided: the body must say which residual risk it accepts.
            <div class="field">
                <label for="residual-risks">{ t.signoff.residual_risks }</label>
                <textarea id="residual-risks" rows="3" value={s.residual_risks.clone()} oninput={on_risks}
                    maxlength={max_text_length()} aria-invalid={missing.is_some().to_string()}
                    aria-required={missing.is_some().to_string()} aria-describedby="residual-risks-error" />
                <p id="residual-risks-error" class="error" aria-live="polite" data-testid="residual-risks-required">
                    if let Some(x) = missing { { t.acceptance_required(&x) } }
                </p>
            </div>
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

/// Notes longer than this (in characters) let their answer row break across pages.
const LONG_NOTE_CHARS: usize = 600;

#[derive(Properties, PartialEq)]
struct AnswersProps {
    assessment: Rc<Assessment>,
    verdict: Rc<Verdict>,
    lang: Lang,
}

/// Every criterion with its answer, the SEAL it grants (marked when it holds the low end or
/// caps the best case), and its evidence with its validity, one table per objective.
#[function_component(Answers)]
fn answers(p: &AnswersProps) -> Html {
    let (lang, t, a, v) = (p.lang, texts(p.lang), &p.assessment, &p.verdict);
    let today = today();
    let colon = t.typo.colon;
    let binds = |id: &str| (v.binds_lower(id), v.binds_upper(id));
    let any_low = sovcheck_core::criteria().any(|c| v.binds_lower(c.id));
    let any_high = sovcheck_core::criteria().any(|c| v.binds_upper(c.id));
    let legend = |template: &str, mark: &str, seal| {
        sovcheck_text::fill(
            template,
            &[("mark", &mark), ("lower", &seal), ("upper", &seal)],
        )
    };
    // The words of a mark without the mark itself, for screen readers.
    let hidden = |template: &str, seal| legend(template, "", seal).trim().to_owned();
    html! {
        <section class="block answers">
            <h2>{ t.report.answers_title }</h2>
            if any_low || any_high {
                <p class="legend" data-testid="answers-legend">
                    if any_low { <span class="nowrap">{ legend(t.verdict.legend_low, t.verdict.mark_low, v.seal.lower) }</span> }
                    if any_low && any_high { { t.typo.clause_separator } }
                    if any_high { <span class="nowrap">{ legend(t.verdict.legend_high, t.verdict.mark_high, v.seal.upper) }</span> }
                </p>
            }
            { for content::objectives().iter().map(|o| html! {
                <table class="answers-table" data-testid={format!("answers-{}", o.id)}>
                    <caption>{ format!("{} {}", o.id, o.name.get(lang)) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.report.criterion }</th><th scope="col">{ t.report.answer }</th>
                        <th scope="col">{ t.verdict.seal_column }</th>
                        <th scope="col">{ t.evidence.title }</th>
                    </tr></thead>
                    <tbody>
                    { for o.criteria.iter().map(|c| {
                        let ans = a.answers.get(c.id);
                        let choice = a.choice(c.id);
                        let label = t.answer(c, choice);
                        let granted = match choice {
                            Choice::Rung(r) => c.rung(r).map(|r| r.seal),
                            Choice::Open | Choice::Unknown => None,
                        };
                        let (low, high) = binds(c.id);
                        let expired = matches!((ans.and_then(|x| x.valid_until), today), (Some(v), Some(d)) if v < d);
                        let level = ans.and_then(|x| x.evidence_level).map(|l| t.evidence_level(l));
                        // The note as the cell's own text, then source and evidence level on
                        // one line: a report with 48 long notes stays under 800 elements
                        // (Lighthouse's dom-size), which keeps its first frame short.
                        let mut src = [
                            ans.map(|x| x.source.as_str()).filter(|s| !s.is_empty())
                                .map(|s| format!("{}{colon} {}", t.evidence.source, isolate(s))),
                            level.map(|l| format!("{}{colon} {l}", t.evidence.level)),
                        ].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        let valid = ans.and_then(|x| x.valid_until);
                        if valid.is_some() {
                            if !src.is_empty() {
                                src.push_str(" · ");
                            }
                            src.push_str(&format!("{}{colon} ", t.evidence.valid_until));
                        }
                        // A row whose note could fill most of a page may run on to the next
                        // page; shorter rows are kept whole.
                        let long = ans.is_some_and(|x| x.note.chars().count() > LONG_NOTE_CHARS);
                        let binds_attr = match (low, high) {
                            (true, true) => "both",
                            (true, false) => "low",
                            (false, true) => "high",
                            (false, false) => "",
                        };
                        html! {
                            <tr data-testid={format!("answer-{}", c.id)} data-seal={granted.map(|s| s.level().to_string()).unwrap_or_default()}
                                data-binds={binds_attr} class={classes!(long.then_some("runs-on"))}>
                                <th scope="row">{ format!("{} {}", c.id, c.title.get(lang)) }</th>
                                <td>{ label }</td>
                                <td class="seal">
                                    { granted.map_or_else(|| t.verdict.open_seal.to_owned(), |s| s.to_string()) }
                                    if low { { "\u{a0}" }<span class="mark" aria-hidden="true">{ t.verdict.mark_low }</span> }
                                    if high { { "\u{a0}" }<span class="mark" aria-hidden="true">{ t.verdict.mark_high }</span> }
                                    if low { <span class="visually-hidden">{ hidden(t.verdict.legend_low, v.seal.lower) }</span> }
                                    if high { <span class="visually-hidden">{ hidden(t.verdict.legend_high, v.seal.upper) }</span> }
                                </td>
                                <td class="prose">
                                    { ans.map(|x| x.note.clone()).unwrap_or_default() }
                                    if !src.is_empty() {
                                        <p class="src">{ src }
                                            if valid.is_some() { { date_span(valid, lang) } }
                                            if expired { <strong class="warn">{ " ⚠ " }{ t.evidence.expired }</strong> }
                                        </p>
                                    }
                                    <crate::components::provenance::ProvenanceNote subject={c.id} answer={ans.cloned()} {lang} />
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
    assessment: Rc<Assessment>,
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
            <p>{ t.label_value(t.report.content_version, content::content_version()) }</p>
            <table class="weights">
                <caption>{ format!("{} — {}", t.context.weights, weights_name(&p.assessment.weights, lang)) }</caption>
                <thead><tr><th scope="col">{ t.results.objective }</th><th scope="col">{ t.results.weight }</th></tr></thead>
                <tbody>
                { for content::objectives().iter().zip(p.ev.weights).map(|(o, w)| html! {
                    <tr><th scope="row">{ format!("{} {}", o.id, o.name.get(lang)) }</th><td class="num">{ texts(lang).percent(w) }</td></tr>
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
