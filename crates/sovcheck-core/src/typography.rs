//! Typography per language: the spaces that must not break.
//!
//! French puts a space before `:` `;` `?` `!` `%` and inside « », and that space must never
//! let the sign start a line ("89,59⏎%", "composition⏎?"). Texts are written with ordinary
//! spaces, readable in their source files; this pass turns the ones that typography binds
//! into no-break spaces: U+202F (narrow) before `;` `?` `!` and inside « », U+00A0 before
//! `:` and `%` (Imprimerie nationale's usage). German and English bind only the space before
//! `%` ("24 %", and a template's "{n} %"). The same function serves the content (applied by the
//! build script, which includes this file) and the text catalogs (applied once when a
//! catalog is first used), so every text of a language follows one rule.

/// No-break space.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space.
pub const NNBSP: char = '\u{202f}';

/// `text` with the spaces that `tag`'s typography binds made unbreakable (`tag` is a BCP 47
/// primary tag: `en`, `fr`, `de`). Returns `None` when nothing changes.
pub fn bind_spaces(tag: &str, text: &str) -> Option<String> {
    let french = tag == "fr";
    if !text.contains(' ') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        if c != ' ' {
            out.push(c);
            continue;
        }
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let bound = match next {
            Some(';' | '?' | '!' | '»') if french => Some(NNBSP),
            Some(':') if french => Some(NBSP),
            // No language lets a percent sign start a line (a template's `{n} %` included).
            Some('%') => Some(NBSP),
            _ if french && prev == Some('«') => Some(NNBSP),
            _ => None,
        };
        match bound {
            Some(b) => {
                out.push(b);
                changed = true;
            }
            None => out.push(' '),
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_binds_the_space_before_high_signs_and_inside_guillemets() {
        assert_eq!(
            bind_spaces("fr", "Quoi ? Oui ; non ! « Titre » : 89,5 %").as_deref(),
            Some("Quoi\u{202f}? Oui\u{202f}; non\u{202f}! «\u{202f}Titre\u{202f}»\u{a0}: 89,5\u{a0}%")
        );
    }

    #[test]
    fn english_and_german_bind_only_number_and_percent() {
        assert_eq!(
            bind_spaces("en", "What? 24 % of it: yes"),
            Some("What? 24\u{a0}% of it: yes".to_owned())
        );
        assert_eq!(bind_spaces("de", "Was ? Ja"), None);
        assert_eq!(bind_spaces("en", "plain words"), None);
    }

    #[test]
    fn a_line_start_or_end_space_is_left_alone() {
        assert_eq!(bind_spaces("fr", " ?"), Some("\u{202f}?".to_owned()));
        assert_eq!(bind_spaces("fr", "fin "), None);
    }
}
