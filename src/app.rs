//! The root component: one reducer, provided as context; side effects (saving, the page
//! language, focus on navigation) live here and nowhere else.

use crate::components::{estimate::LiveEstimate, steplist::StepList};
use crate::platform::{download, storage};
use crate::state::{walk, Action, AppState, Place, Screen, StorageNotice, Store};
use crate::views;
use sovcheck_core::Lang;
use sovcheck_text::texts;
use yew::prelude::*;

/// The language the browser asks for, English when it is neither French nor English.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

fn initial_state() -> AppState {
    let loaded = storage::load(js_sys::Date::now());
    // The boot script chose the language (the saved one, else the browser's) and its words
    // are the ones installed; without a boot script (tests) the same choice is made here.
    let lang = crate::boot::boot_lang()
        .or(loaded.lang)
        .unwrap_or_else(browser_lang);
    let mut s = AppState::new(lang);
    s.notice = loaded.notice;
    s.workspace = loaded.workspace;
    let open = loaded
        .open
        .and_then(|id| s.workspace.iter().find(|a| a.id == id).cloned());
    if let Some(a) = open {
        s.assessment = a;
        s.started = true;
        s.screen = Screen::Walk(loaded.step.unwrap_or(0).min(walk().len().saturating_sub(1)));
    }
    s
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(initial_state);
    let heading = use_node_ref();

    // Save every change of the workspace at once: only the assessments that changed since
    // the last save are written (the loaded ones count as saved).
    let saved = use_mut_ref(|| {
        // Inserted one by one (a later duplicate id wins, as with `collect`): `collect`
        // into a map sorts first and pulls a sort routine into the wasm.
        let mut saved = std::collections::BTreeMap::new();
        saved.extend(store.workspace.iter().map(|a| (a.id.clone(), a.clone())));
        saved
    });
    {
        let store = store.clone();
        use_effect_with(store.workspace.clone(), move |w| {
            let ok = storage::sync(w, &mut saved.borrow_mut());
            if !ok && store.notice.is_none() {
                store.dispatch(Action::Notice(Some(StorageNotice::Unavailable)));
            }
        });
    }
    // The questionnaire being answered, and its response in progress, under their own keys.
    {
        let store = store.clone();
        use_effect_with(store.answering.clone(), move |a| {
            if let Some(a) = a {
                if !crate::platform::answering::save(a) && store.notice.is_none() {
                    store.dispatch(Action::Notice(Some(StorageNotice::Unavailable)));
                }
            }
        });
    }
    // The page title in the user's language; on the report, the assessment's name first, so
    // that a report saved as PDF gets a meaningful default file name.
    {
        let t = texts(store.lang);
        let title = if store.screen == Screen::Report {
            let name = store
                .assessment
                .display_name()
                .unwrap_or_else(|| t.workspace.untitled.to_owned());
            sovcheck_text::fill(t.language.report_page_title, &[("name", &name)])
        } else {
            t.language.page_title.to_owned()
        };
        use_effect_with(title, |title| {
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                d.set_title(title);
            }
        });
    }
    // Remember the language and the place; keep <html lang> in step.
    {
        let (lang, screen, started) = (store.lang, store.screen, store.started);
        let open = started.then(|| store.assessment.id.clone());
        use_effect_with((lang, screen, open), move |(lang, screen, open)| {
            let lang = *lang;
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = el.set_attribute("lang", lang.tag());
            }
            let step = match screen {
                Screen::Walk(i) if started => Some(*i),
                _ => None,
            };
            storage::save_ui(lang, browser_lang(), open.as_deref(), step);
        });
    }
    // Move focus to the new heading on navigation.
    {
        let heading = heading.clone();
        use_effect_with(store.nav_seq, move |seq| {
            if *seq > 0 {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }

    let t = texts(store.lang);
    let body = match store.screen {
        Screen::Start => html! { <views::start::StartView heading={heading.clone()} /> },
        Screen::Report => html! { <views::report::ReportView heading={heading.clone()} /> },
        Screen::Compare => html! { <views::compare::CompareView heading={heading.clone()} /> },
        Screen::Verify => html! { <views::verify::VerifyView heading={heading.clone()} /> },
        Screen::Accessibility => {
            html! { <views::accessibility::AccessibilityView heading={heading.clone()} /> }
        }
        Screen::Questionnaire => {
            html! { <views::questionnaire::QuestionnaireView heading={heading.clone()} /> }
        }
        Screen::Respond => html! { <views::respond::RespondView heading={heading.clone()} /> },
        Screen::Landing => html! { <views::landing::LandingView heading={heading.clone()} /> },
        Screen::Walk(i) => {
            let place = walk().get(i).copied().unwrap_or(Place::Results);
            let view = match place {
                Place::Context => {
                    html! { <views::context::ContextStep heading={heading.clone()} /> }
                }
                Place::Criteria(s) => {
                    html! { <views::criteria::CriteriaStep step={s} heading={heading.clone()} /> }
                }
                Place::SecNumCloud => {
                    html! { <views::secnumcloud::SncStep heading={heading.clone()} /> }
                }
                Place::Results => {
                    html! { <views::results::ResultsView heading={heading.clone()} /> }
                }
            };
            html! {
                <div class="walk">
                    <StepList current={i} />
                    <div class="step">
                        { view }
                        <NavButtons index={i} />
                    </div>
                    <LiveEstimate />
                </div>
            }
        }
    };

    html! {
        <ContextProvider<Store> context={store.clone()}>
            <a class="skip" href="#main">{ t.shell.skip_to_content }</a>
            <header class="top">
                <p class="brand"><span class="name">{ "sovcheck" }</span>{ " · " }{ t.shell.tagline }</p>
                <LangSwitch />
            </header>
            <Notice />
            <main id="main">{ body }</main>
            <footer class="foot">
                <p>{ t.shell.footer }</p>
                <p><button type="button" class="link" data-testid="open-accessibility" onclick={
                    let s = store.clone();
                    Callback::from(move |_| s.dispatch(Action::Show(Screen::Accessibility)))
                }>{ t.shell.accessibility_link }</button></p>
            </footer>
        </ContextProvider<Store>>
    }
}

#[derive(Properties, PartialEq)]
struct NavProps {
    index: usize,
}

#[function_component(NavButtons)]
fn nav_buttons(p: &NavProps) -> Html {
    let store = use_context::<Store>();
    let Some(store) = store else { return html! {} };
    let t = texts(store.lang);
    let last = walk().len().saturating_sub(1);
    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let next = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Next))
    };
    html! {
        <nav class="pager" aria-label={t.walk.pager_nav}>
            <button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button>
            if p.index < last {
                <button type="button" class="primary" data-testid="next" onclick={next}>{ t.common.next }{ " →" }</button>
            }
        </nav>
    }
}

#[function_component(LangSwitch)]
fn lang_switch() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    html! {
        <div class="lang" role="group" aria-label={t.shell.language}>
            { for Lang::ALL.iter().map(|&l| {
                let s = store.clone();
                let onclick = Callback::from(move |_| {
                    if sovcheck_text::is_installed(l) {
                        return s.dispatch(Action::SetLang(l));
                    }
                    let s = s.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match crate::boot::load(l).await {
                            Ok(()) => s.dispatch(Action::SetLang(l)),
                            Err(()) => s.dispatch(Action::LangFailed(Some(l))),
                        }
                    });
                });
                html! {
                    <button type="button" lang={l.tag()} data-testid={format!("lang-{}", l.tag())}
                        aria-pressed={(store.lang == l).to_string()} {onclick}>{ l.name() }</button>
                }
            }) }
            if let Some(failed) = store.lang_failed {
                <p class="error" role="alert" data-testid="lang-failed">
                    { sovcheck_text::fill(t.shell.lang_load_failed, &[("language", &failed.name())]) }
                </p>
            }
        </div>
    }
}

#[function_component(Notice)]
fn notice() -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let Some(n) = store.notice.clone() else {
        return html! {};
    };
    let dismiss = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Notice(None)))
    };
    let (msg, kept) = match &n {
        StorageNotice::Corrupt { raw, .. } => (t.storage.corrupt, Some(raw.clone())),
        StorageNotice::Newer { raw, .. } => (t.storage.newer, Some(raw.clone())),
        StorageNotice::Unavailable => (t.storage.unavailable, None),
    };
    let export = {
        let s = store.clone();
        Callback::from(move |_| {
            let _ = download::download(
                "sovcheck-assessment.json",
                "application/json",
                &sovcheck_core::format::export_assessment(&s.assessment),
            );
        })
    };
    html! {
        <div class="notice" role="alert" data-testid="storage-notice">
            <p>{ msg }</p>
            if let Some(raw) = kept {
                <button type="button" data-testid="download-kept" onclick={Callback::from(move |_| {
                    let _ = download::download("sovcheck-kept.json", "application/json", &raw);
                })}>{ t.storage.download_copy }</button>
            } else {
                <button type="button" data-testid="notice-export" onclick={export}>{ t.common.export }</button>
            }
            <button type="button" onclick={dismiss}>{ t.common.dismiss }</button>
        </div>
    }
}
