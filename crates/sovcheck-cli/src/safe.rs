//! What the command line prints from a file is shown, never obeyed: a hostile file must not
//! clear the terminal, set its title, move the cursor to draw a line of its own, or turn
//! the text after it around. Every control character (C0, DEL, C1), every line or paragraph
//! separator and every bidirectional formatting character in a value printed from a file
//! (a provider, an offer, an id, a file name, a value quoted in an error) is written as
//! `<U+XXXX>` instead: visible, and inert.
//!
//! The table and the messages go through [`text`]; the CSV through [`csv`], which keeps the
//! line breaks and tabs a quoted cell may hold (a note on several lines); the JSON lines
//! through [`json`], which writes them as JSON escapes, so the output stays the same data.

/// Whether `c` must not reach a terminal as it is.
fn hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every character `escape` picks written by `write`.
fn replace(s: &str, escape: impl Fn(char) -> bool, write: impl Fn(char) -> String) -> String {
    if !s.chars().any(&escape) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| if escape(c) { write(c) } else { c.to_string() })
        .collect()
}

fn visible(c: char) -> String {
    format!("<U+{:04X}>", u32::from(c))
}

/// One line of text: every hostile character escaped, line breaks included.
pub(crate) fn text(s: &str) -> String {
    replace(s, hostile, visible)
}

/// Several lines: each line as [`text`], the line breaks kept.
pub(crate) fn lines(s: &str) -> String {
    s.split('\n').map(text).collect::<Vec<_>>().join("\n")
}

/// CSV: hostile characters escaped, except the tab, carriage return and line feed (the
/// CSV writer quotes a cell holding them, and they are the record separators).
pub(crate) fn csv(s: &str) -> String {
    replace(
        s,
        |c| hostile(c) && !matches!(c, '\t' | '\r' | '\n'),
        visible,
    )
}

/// A JSON text: the hostile characters serde_json leaves as they are (DEL, C1, the
/// separators and bidirectional characters; it escapes C0 itself) written as `\uXXXX`
/// escapes, which read back as the same string.
pub(crate) fn json(s: &str) -> String {
    replace(s, hostile, |c| {
        let mut units = [0u16; 2];
        c.encode_utf16(&mut units)
            .iter()
            .map(|u| format!("\\u{u:04x}"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_not_obeyed() {
        let cases = [
            ("Acme Cloud", "Acme Cloud"),
            ("é « ok » 🚀", "é « ok » 🚀"),
            (
                "\u{1b}[2J\u{1b}]0;pwned\u{7}",
                "<U+001B>[2J<U+001B>]0;pwned<U+0007>",
            ),
            ("a\r\nFAKE: SEAL-4", "a<U+000D><U+000A>FAKE: SEAL-4"),
            ("Acme \u{202E}0-LAES", "Acme <U+202E>0-LAES"),
            (
                "\u{2067}x\u{2069}\u{200F}\u{61C}",
                "<U+2067>x<U+2069><U+200F><U+061C>",
            ),
            ("\u{9b}31m\u{7f}", "<U+009B>31m<U+007F>"),
            ("tab\there", "tab<U+0009>here"),
        ];
        for (raw, shown) in cases {
            assert_eq!(text(raw), shown, "{raw:?}");
        }
        assert_eq!(lines("a\u{1b}\nb\u{202e}"), "a<U+001B>\nb<U+202E>");
        assert_eq!(
            csv("\"a\r\nb\"\t\u{1b}\u{202e}"),
            "\"a\r\nb\"\t<U+001B><U+202E>"
        );
        let j =
            json(r#"{"provider":"\u001b \u{202e}x"}"#.replace("\\u{202e}", "\u{202e}").as_str());
        assert_eq!(j, r#"{"provider":"\u001b \u202ex"}"#);
        let back: serde_json::Value = serde_json::from_str(&j).unwrap_or_default();
        assert_eq!(back["provider"], "\u{1b} \u{202e}x");
    }
}
