//! Text the user (or a file) wrote, isolated from the app's own text: a right-to-left
//! override in a provider's name, say, ends with the name instead of turning around the
//! words that follow it. Only where user text shares a line with the app's words: an
//! element that holds nothing but the user's text (a heading, a table cell, a paragraph)
//! is a bidirectional paragraph of its own already. On the page (and so in the printed report, the PDF and the HTML
//! export, which are the page) it is a `<bdi>`; in a string that ends up in an attribute,
//! the page title or a message template, it is enclosed in Unicode's first-strong isolate
//! and pop directional isolate characters.

use yew::prelude::*;

/// `text` in a `<bdi>`.
pub fn user(text: impl Into<AttrValue>) -> Html {
    html! { <bdi>{ text.into() }</bdi> }
}

/// `text` between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, for
/// strings that cannot hold an element.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// An assessment's name as [`Assessment::display_name`] gives it, with the provider and
/// the offer each isolated when both make it up (an override in the provider's name must
/// not turn the offer and the dash between them around).
///
/// [`Assessment::display_name`]: sovcheck_core::Assessment::display_name
pub fn display_name(a: &sovcheck_core::Assessment) -> Option<String> {
    let m = &a.meta;
    let (p, o) = (m.provider.trim(), m.offer.trim());
    if m.title.trim().is_empty() && !p.is_empty() && !o.is_empty() {
        return Some(format!("{} — {}", isolate(p), isolate(o)));
    }
    a.display_name()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolate_encloses() {
        assert_eq!(
            isolate("Acme \u{202e}0-LAES"),
            "\u{2068}Acme \u{202e}0-LAES\u{2069}"
        );
    }

    #[test]
    fn a_name_of_two_parts_isolates_each() {
        let mut a = sovcheck_core::Assessment::default();
        a.meta.provider = "Acme \u{202e}0-LAES".into();
        assert_eq!(display_name(&a).as_deref(), Some("Acme \u{202e}0-LAES"));
        a.meta.offer = "IaaS".into();
        assert_eq!(
            display_name(&a).as_deref(),
            Some("\u{2068}Acme \u{202e}0-LAES\u{2069} — \u{2068}IaaS\u{2069}")
        );
        a.meta.title = "Review".into();
        assert_eq!(display_name(&a).as_deref(), Some("Review"));
    }
}
