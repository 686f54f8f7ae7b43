//! The provider's own answers to the due-diligence questions, for the report: each
//! question with the answer in the provider's words, its evidence and its provenance (who
//! gave it, who accepted it; "declared by the provider" when it rests on that alone).
//! Nothing is rendered when no question has an answer.

use crate::components::provenance::ProvenanceNote;
use sovcheck_core::content;
use sovcheck_core::model::Answer;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Props of [`ProviderAnswers`].
#[derive(Properties, PartialEq)]
pub struct ProviderAnswersProps {
    /// The assessment's due-diligence answers, by question id.
    pub answers: BTreeMap<String, Answer>,
    pub lang: Lang,
}

/// The section (`data-testid="report-due-diligence"`, one `dd-<q>` row per answer).
#[function_component(ProviderAnswers)]
pub fn provider_answers(p: &ProviderAnswersProps) -> Html {
    if p.answers.values().all(|a| a.note.trim().is_empty()) {
        return html! {};
    }
    let (lang, t) = (p.lang, texts(p.lang));
    let colon = t.typo.colon;
    let questions = content::steps()
        .iter()
        .filter(|s| s.kind == content::StepKind::DueDiligence);
    html! {
        <section class="block" data-testid="report-due-diligence">
            <h2>{ t.provenance.dd_title }</h2>
            <table class="answers-table">
                <thead><tr>
                    <th scope="col">{ t.provenance.dd_question }</th>
                    <th scope="col">{ t.report.answer }</th>
                </tr></thead>
                <tbody>
                { for questions.filter_map(|q| p.answers.get(q.id).filter(|a| !a.note.trim().is_empty()).map(|a| (q, a))).map(|(q, a)| {
                    let src = [
                        (!a.source.is_empty()).then(|| format!("{}{colon} {}", t.evidence.source, a.source)),
                        a.evidence_level.map(|l| format!("{}{colon} {}", t.evidence.level, t.evidence_level(l))),
                    ].into_iter().flatten().collect::<Vec<_>>();
                    html! {
                        <tr data-testid={format!("dd-{}", q.id)}>
                            <th scope="row">{ format!("{} · {}", q.id.to_ascii_uppercase(), q.title.get(lang)) }</th>
                            <td class="prose">
                                { a.note.clone() }
                                if !src.is_empty() { <p class="src">{ t.list(src) }</p> }
                                <ProvenanceNote subject={q.id} answer={Some(a.clone())} {lang} />
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </section>
    }
}
