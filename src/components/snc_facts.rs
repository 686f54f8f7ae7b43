//! The SecNumCloud facts' editors: one field per fact of the assessment's SecNumCloud record.
//! The SecNumCloud step shows them all; the due-diligence questions that ask for some of them
//! (scope and dates on question 1, composition on question 2, the last surveillance audit and
//! the ANSSI status on question 8) show those, bound to the same fields: one source of truth.

use crate::components::fields::{ChoiceField, TextField};
use crate::state::{Action, Store};
use sovcheck_core::content::secnumcloud;
use sovcheck_core::edit::{Edit, SncEdit};
use sovcheck_core::model::{Date, Stage};
use sovcheck_text::texts;
use yew::prelude::*;

/// One fact of the SecNumCloud record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SncFact {
    /// The qualification stage (the offer's status with ANSSI).
    Stage,
    /// The referential version.
    Version,
    /// The exact services in scope.
    Scope,
    /// The date the qualification was granted.
    QualifiedOn,
    /// The date it expires.
    ExpiresOn,
    /// The certificate or attestation reference.
    Certificate,
    /// Whether the qualification is by composition.
    Composition,
    /// The qualified base it is composed on.
    CompositionBase,
    /// The last surveillance audit.
    LastAudit,
}

impl SncFact {
    /// Every fact, in the SecNumCloud step's order.
    pub const ALL: [SncFact; 9] = [
        Self::Stage,
        Self::Version,
        Self::Scope,
        Self::QualifiedOn,
        Self::ExpiresOn,
        Self::Certificate,
        Self::Composition,
        Self::CompositionBase,
        Self::LastAudit,
    ];

    /// The facts a due-diligence question (`q1`..`q8`) asks for, shown on its step.
    pub fn of_question(id: &str) -> &'static [SncFact] {
        match id {
            "q1" => &[Self::Scope, Self::QualifiedOn, Self::ExpiresOn],
            "q2" => &[Self::Composition, Self::CompositionBase],
            "q8" => &[Self::LastAudit, Self::Stage],
            _ => &[],
        }
    }
}

/// Props of [`SncFacts`].
#[derive(Properties, PartialEq)]
pub struct SncFactsProps {
    pub facts: Vec<SncFact>,
}

/// The editors of `facts`, in a two-column grid. Element ids are the same wherever they
/// are shown (`snc-scope`, `snc-audit`, …): only one screen is shown at a time.
#[function_component(SncFacts)]
pub fn snc_facts(p: &SncFactsProps) -> Html {
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
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let field = |f: SncFact| -> Html {
        match f {
            SncFact::Stage => {
                let opts: Vec<(String, String)> =
                    std::iter::once((String::new(), t.common.not_set.to_owned()))
                        .chain(
                            Stage::ALL
                                .iter()
                                .zip(secnumcloud::stages())
                                .map(|(s, d)| (s.id().to_owned(), d.name.get(lang).to_owned())),
                        )
                        .collect();
                html! { <ChoiceField id="snc-stage" label={t.snc.stage} options={opts}
                value={snc.stage.map(|s| s.id()).unwrap_or_default()}
                onchange={edit(|v| SncEdit::Stage(Stage::ALL.into_iter().find(|s| s.id() == v)))} /> }
            }
            SncFact::Version => html! { <TextField id="snc-version" label={t.snc.version}
            value={snc.referential_version.clone()} onchange={edit(SncEdit::Version)} /> },
            SncFact::Scope => html! { <TextField id="snc-scope" label={t.snc.scope} multiline=true
            value={snc.services_in_scope.clone()} onchange={edit(SncEdit::Scope)} /> },
            SncFact::QualifiedOn => {
                html! { <TextField id="snc-qualified-on" kind="date" label={t.snc_record.qualified_on}
                value={date(snc.qualified_on)} onchange={edit(|v| SncEdit::QualifiedOn(Date::parse(&v)))} /> }
            }
            SncFact::ExpiresOn => {
                html! { <TextField id="snc-expires-on" kind="date" label={t.snc_record.expires_on}
                value={date(snc.expires_on)} onchange={edit(|v| SncEdit::ExpiresOn(Date::parse(&v)))} /> }
            }
            SncFact::Certificate => {
                html! { <TextField id="snc-certificate" label={t.snc_record.certificate}
                value={snc.certificate.clone()} onchange={edit(SncEdit::Certificate)} /> }
            }
            SncFact::Composition => {
                let opts = vec![
                    (String::new(), t.common.not_set.to_owned()),
                    ("yes".to_owned(), t.common.yes.to_owned()),
                    ("no".to_owned(), t.common.no.to_owned()),
                ];
                html! { <ChoiceField id="snc-composition" label={t.snc.composition} options={opts} inline=true
                value={match snc.composition { Some(true) => "yes", Some(false) => "no", None => "" }}
                onchange={edit(|v| SncEdit::Composition(match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None }))} /> }
            }
            SncFact::CompositionBase => {
                html! { <TextField id="snc-base" label={t.snc.composition_base}
                value={snc.composition_base.clone()} onchange={edit(SncEdit::CompositionBase)} /> }
            }
            SncFact::LastAudit => {
                html! { <TextField id="snc-audit" kind="date" label={t.snc.last_audit}
                value={date(snc.last_audit)} onchange={edit(|v| SncEdit::LastAudit(Date::parse(&v)))} /> }
            }
        }
    };
    html! {
        <div class="grid2" data-testid="snc-facts">
            { for p.facts.iter().map(|f| field(*f)) }
        </div>
    }
}
