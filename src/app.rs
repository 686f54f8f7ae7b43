//! The root component: one reducer, provided as context; side effects (saving, the page
//! language, focus on navigation) live here and nowhere else.

use crate::components::notices::{Notices, SavedIndicator};
use crate::components::{
    estimate::{CompactEstimate, LiveEstimate},
    steplist::StepList,
};
use crate::platform::history::use_history;
use crate::platform::saver::{use_saver, Memory};
use crate::platform::storage;
use crate::saving::{Notice, StorageEvent};
use crate::state::{walk, Action, AppState, Place, Same, Screen, Store};
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

/// The state at start-up, and the save effect's memory of what storage held.
fn initial_state() -> (AppState, Memory) {
    let loaded = storage::load(js_sys::Date::now());
    let memory = Memory::loaded(loaded.raw, loaded.in_place.clone());
    // The boot script chose the language (the saved one, else the browser's) and its words
    // are the ones installed; without a boot script (tests) the same choice is made here.
    let lang = crate::boot::boot_lang()
        .or(loaded.lang)
        .unwrap_or_else(browser_lang);
    let mut s = AppState::new(lang);
    if loaded.unavailable {
        s.saving.notify(Notice::Unavailable);
    }
    let set_aside = loaded.set_aside + loaded.in_place.len();
    if set_aside > 0 {
        s.saving.notify(Notice::SetAside(set_aside));
    }
    s.saving.kept = storage::kept(&loaded.in_place);
    s.workspace = std::rc::Rc::new(loaded.workspace);
    // Where the page's address says the user is (a reload, a link, a bookmark); with no
    // address, an assessment moved from the old single-key storage is opened.
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    match (crate::platform::history::has_fragment(), loaded.open) {
        (false, Some(id)) => s.apply(Action::Open(id), &now),
        _ => s.apply(Action::Route(crate::platform::history::initial()), &now),
    }
    (s, memory)
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let memory = use_mut_ref(Memory::default);
    let store = {
        let memory = memory.clone();
        use_reducer(move || {
            let (state, loaded) = initial_state();
            *memory.borrow_mut() = loaded;
            state
        })
    };
    let heading = use_node_ref();
    // A navigation: the focus leaves the screen it is about to replace, before the new one
    // is built (`platform::release_focus_within`); it goes to the new heading below.
    let navigated = use_mut_ref(|| store.nav_seq);
    if *navigated.borrow() != store.nav_seq {
        *navigated.borrow_mut() = store.nav_seq;
        crate::platform::release_focus_within("main", "nav");
    }

    // Saving, the other tabs, and the place in the app: `platform::saver`.
    use_saver(&store, memory);
    // The page's address names the screen and the step; Back and Forward move in the app.
    use_history(&store);
    // The questionnaire being answered, and its response in progress, under their own keys.
    {
        let store = store.clone();
        use_effect_with(store.answering.clone(), move |a| {
            if let Some(a) = a {
                if !crate::platform::answering::save(a) {
                    store.dispatch(Action::Storage(StorageEvent::Notice(Notice::Unavailable)));
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
            // Without bidirectional controls: a title cannot isolate them, and they would
            // turn the words after the name around in the tab and the PDF's file name.
            let name: String = name
                .chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect();
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
    // Keep <html lang> in step.
    use_effect_with(store.lang, |lang| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.tag());
        }
    });
    // Move focus to the new heading on navigation, in the next animation frame: before that
    // frame is drawn, so the new screen appears focused and scrolled to its heading, but
    // after the screen is in the document, where focusing would lay the page out on the
    // spot (docs/PERFORMANCE.md, step navigation).
    {
        let heading = heading.clone();
        use_effect_with(store.nav_seq, move |seq| {
            if *seq > 0 {
                crate::platform::before_next_frame(move || {
                    if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                        let _ = h.focus();
                    }
                });
            }
        });
    }

    // The walk's other kinds of screen, built once off the page after its first screen is
    // drawn, so that their first visit does not wait for the browser to compile their code
    // (`warmup`).
    {
        let (store, warmed) = (store.clone(), use_mut_ref(|| false));
        let shown = match store.screen {
            Screen::Walk(i) => walk().get(i).copied(),
            _ => None,
        };
        use_effect_with(shown.is_some(), move |_| {
            if let Some(shown) = shown.filter(|_| !*warmed.borrow()) {
                *warmed.borrow_mut() = true;
                crate::platform::after_frame(move || crate::warmup::warm_walk(store, shown));
            }
        });
    }
    // One evaluation per change of the open assessment, shown by both estimates of the walk.
    let evaluation = use_memo(Same(store.assessment.clone()), |a| {
        sovcheck_core::evaluate(a, None)
    });
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
            let view = views::walk_view(place, heading.clone());
            let estimate = |compact: bool| {
                let (assessment, ev) = (Same(store.assessment.clone()), Same(evaluation.clone()));
                let (lang, dispatch) = (store.lang, store.dispatcher());
                if compact {
                    html! { <CompactEstimate {assessment} {ev} {lang} {dispatch} /> }
                } else {
                    html! { <LiveEstimate {assessment} {ev} {lang} {dispatch} /> }
                }
            };
            html! {
                <div class="walk">
                    <StepList current={i} />
                    <div class="step">
                        { view }
                        <NavButtons index={i} />
                        { estimate(true) }
                    </div>
                    { estimate(false) }
                </div>
            }
        }
    };

    html! {
        <ContextProvider<Store> context={store.clone()}>
            <a class="skip" href="#main">{ t.shell.skip_to_content }</a>
            <header class="top">
                <p class="brand"><a class="name" href="#/" data-testid="home" aria-label={t.shell.home_link}>{ "sovcheck" }</a>{ " · " }{ t.shell.tagline }</p>
                // In the walk, beside its controls.
                if !matches!(store.screen, Screen::Walk(_)) { <SavedIndicator /> }
                <LangSwitch />
            </header>
            <main id="main"><Notices />{ body }</main>
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
            <SavedIndicator />
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
