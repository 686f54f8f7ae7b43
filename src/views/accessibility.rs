//! The accessibility statement, in the reader's language. Its text is docs/ACCESSIBILITY.md
//! (the text catalog's `accessibility.statement`, one section per language), so the
//! published statement and the one in the app are the same words.

use crate::state::Action;
use crate::state::Store;
use crate::views::ScreenProps;
use sovcheck_text::texts;
use yew::prelude::*;

/// One block of the statement.
#[derive(Debug, PartialEq, Eq)]
pub enum Block<'a> {
    Heading(&'a str),
    Item(&'a str),
    Para(String),
}

/// The blocks of a statement written as `## ` headings, `- ` items and paragraphs.
/// `**strong**` marks are dropped (the app shows plain text).
pub fn blocks(section: &'static str) -> Vec<Block<'static>> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block<'static>>| {
        if !para.is_empty() {
            out.push(Block::Para(para.join(" ").replace("**", "")));
            para.clear();
        }
    };
    for line in section.lines().map(str::trim) {
        if let Some(h) = line.strip_prefix("## ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(h));
        } else if let Some(i) = line.strip_prefix("- ") {
            flush(&mut para, &mut out);
            out.push(Block::Item(i));
        } else if line.is_empty() {
            flush(&mut para, &mut out);
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut out);
    out
}

/// The statement screen.
#[function_component(AccessibilityView)]
pub fn accessibility_view(p: &ScreenProps) -> Html {
    let Some(store) = use_context::<Store>() else {
        return html! {};
    };
    let t = texts(store.lang);
    let back = {
        let s = store.clone();
        Callback::from(move |_| s.dispatch(Action::Back))
    };
    let blocks = blocks(t.accessibility.statement);
    let mut first = true;
    let mut items: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    for b in blocks {
        if !matches!(b, Block::Item(_)) && !list.is_empty() {
            items.push(html! { <ul>{ for list.drain(..) }</ul> });
        }
        match b {
            Block::Heading(h) if first => {
                first = false;
                items.push(html! { <h1 ref={p.heading.clone()} tabindex="-1">{ h }</h1> });
            }
            Block::Heading(h) => items.push(html! { <h2>{ h }</h2> }),
            Block::Item(i) => list.push(html! { <li>{ i }</li> }),
            Block::Para(s) => items.push(html! { <p>{ s }</p> }),
        }
    }
    if !list.is_empty() {
        items.push(html! { <ul>{ for list.drain(..) }</ul> });
    }
    html! {
        <section class="statement" data-testid="accessibility">
            { for items }
            <p><button type="button" data-testid="back" onclick={back}>{ "← " }{ t.common.back }</button></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sovcheck_core::Lang;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_language_has_the_same_shape() {
        let en = blocks(texts(Lang::En).accessibility.statement);
        let fr = blocks(texts(Lang::Fr).accessibility.statement);
        let de = blocks(texts(Lang::De).accessibility.statement);
        assert_eq!(en.first(), Some(&Block::Heading("Accessibility statement")));
        assert_eq!(
            fr.first(),
            Some(&Block::Heading("Déclaration d'accessibilité"))
        );
        assert_eq!(
            de.first(),
            Some(&Block::Heading("Barrierefreiheitserklärung"))
        );
        let shape = |v: &[Block]| -> Vec<u8> {
            v.iter()
                .map(|b| match b {
                    Block::Heading(_) => 0,
                    Block::Item(_) => 1,
                    Block::Para(_) => 2,
                })
                .collect()
        };
        assert_eq!(shape(&en), shape(&fr));
        assert_eq!(shape(&en), shape(&de));
        assert!(en.contains(&Block::Para(
            "sovcheck is partially compliant with RGAA 4.1 (WCAG 2.1 AA): it has not been audited by an independent body. What was tested, and how, is listed below; the known gaps follow.".to_owned()
        )));
    }
}
