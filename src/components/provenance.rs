//! Who gave an answer and who accepted it, in one line under the answer ("declared by the
//! provider, answered by X (legal) on 3 December 2026, accepted by Y on 4 December 2026"):
//! for the report's answers, the landing and the comparison. Renders nothing when the
//! answer says nothing of its provenance.

use sovcheck_core::model::Answer;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use yew::prelude::*;

/// Props of [`ProvenanceNote`].
#[derive(Properties, PartialEq)]
pub struct ProvenanceNoteProps {
    /// The criterion id or due-diligence question id (for the test id).
    pub subject: AttrValue,
    /// The answer; `None` renders nothing.
    pub answer: Option<Answer>,
    pub lang: Lang,
}

/// The provenance line of one answer (`data-testid="provenance-<subject>"`, with
/// `data-declared="true"` when the answer rests only on the provider's declaration).
#[function_component(ProvenanceNote)]
pub fn provenance_note(p: &ProvenanceNoteProps) -> Html {
    let Some(a) = p.answer.as_ref() else {
        return html! {};
    };
    let t = texts(p.lang);
    let Some(line) = t.provenance(a) else {
        return html! {};
    };
    let declared = a.provider_declared();
    html! {
        <p class={classes!("src", "provenance", declared.then_some("declared"))}
            data-testid={format!("provenance-{}", p.subject)}
            data-declared={declared.to_string()}>
            { format!("{}{} {line}", t.provenance.title, t.typo.colon) }
        </p>
    }
}
