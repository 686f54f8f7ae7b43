//! A small HTML tag scanner, enough for the `index.html` that Trunk writes: start tags with
//! their attributes and byte ranges, and the raw text of `<script>` and `<style>` elements.
//! It never decodes entities and never builds a tree: the release step only needs to find,
//! hash, remove and insert whole elements at known byte offsets.

use crate::Error;

/// One start tag, with the raw text of its element when it is a `<script>` or a `<style>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The tag's name, in lower case.
    pub name: String,
    /// Attributes in document order: names in lower case, values as written (quotes removed).
    pub attrs: Vec<(String, Option<String>)>,
    /// Byte offset of the `<` that opens the tag.
    pub start: usize,
    /// Byte offset just after the `>` that closes the start tag.
    pub end: usize,
    /// For `<script>` and `<style>`: the byte range of the element's text.
    pub text: Option<(usize, usize)>,
    /// Byte offset just after the element: after its end tag for `<script>` and `<style>`,
    /// else the same as `end`.
    pub element_end: usize,
}

impl Tag {
    /// The value of attribute `name` (lower case), if present; `Some("")` for a bare attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// Whether attribute `name` is present.
    pub fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(n, _)| n == name)
    }

    /// The element's raw text (scripts and styles only).
    pub fn text<'a>(&self, html: &'a str) -> Option<&'a str> {
        self.text.and_then(|(a, b)| html.get(a..b))
    }

    /// The whole element as written (start tag, text and end tag).
    pub fn outer<'a>(&self, html: &'a str) -> &'a str {
        html.get(self.start..self.element_end).unwrap_or("")
    }
}

fn byte(b: &[u8], i: usize) -> Option<u8> {
    b.get(i).copied()
}

fn find_from(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    haystack.get(from..)?.find(needle).map(|p| p + from)
}

fn slice(s: &str, a: usize, b: usize) -> Result<&str, Error> {
    s.get(a..b)
        .ok_or_else(|| Error::new(format!("bad HTML offsets {a}..{b}")))
}

/// Every start tag of `html`, in document order. Comments, doctypes and end tags are skipped;
/// the text of `<script>` and `<style>` is not scanned for tags.
pub fn tags(html: &str) -> Result<Vec<Tag>, Error> {
    let lower = html.to_ascii_lowercase();
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(s) = find_from(html, i, "<") {
        let rest = html.get(s..).unwrap_or("");
        if rest.starts_with("<!--") {
            let e = find_from(html, s + 4, "-->")
                .ok_or_else(|| Error::new("unterminated HTML comment".into()))?;
            i = e + 3;
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            let e = find_from(html, s, ">")
                .ok_or_else(|| Error::new("unterminated HTML markup".into()))?;
            i = e + 1;
        } else if byte(b, s + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            let tag = start_tag(html, &lower, s)?;
            i = tag.element_end;
            out.push(tag);
        } else {
            i = s + 1;
        }
    }
    Ok(out)
}

fn start_tag(html: &str, lower: &str, s: usize) -> Result<Tag, Error> {
    let b = html.as_bytes();
    let mut i = s + 1;
    while byte(b, i).is_some_and(|c| c.is_ascii_alphanumeric() || c == b'-') {
        i += 1;
    }
    let name = slice(lower, s + 1, i)?.to_string();
    let mut attrs = Vec::new();
    let end = loop {
        while byte(b, i).is_some_and(|c| c.is_ascii_whitespace() || c == b'/') {
            i += 1;
        }
        match byte(b, i) {
            None => return Err(Error::new(format!("unterminated <{name}> tag"))),
            Some(b'>') => break i + 1,
            Some(_) => {}
        }
        let n0 = i;
        while byte(b, i).is_some_and(|c| !(c.is_ascii_whitespace() || b"=>/".contains(&c))) {
            i += 1;
        }
        let attr_name = slice(lower, n0, i)?.to_string();
        while byte(b, i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        let value = if byte(b, i) == Some(b'=') {
            i += 1;
            while byte(b, i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            match byte(b, i) {
                Some(q @ (b'"' | b'\'')) => {
                    let close = find_from(html, i + 1, if q == b'"' { "\"" } else { "'" })
                        .ok_or_else(|| Error::new(format!("unterminated attribute in <{name}>")))?;
                    let v = slice(html, i + 1, close)?.to_string();
                    i = close + 1;
                    Some(v)
                }
                _ => {
                    let v0 = i;
                    while byte(b, i).is_some_and(|c| !(c.is_ascii_whitespace() || c == b'>')) {
                        i += 1;
                    }
                    Some(slice(html, v0, i)?.to_string())
                }
            }
        } else {
            None
        };
        if attr_name.is_empty() {
            i += 1;
        } else {
            attrs.push((attr_name, value));
        }
    };
    let (text, element_end) = if name == "script" || name == "style" {
        let close = find_from(lower, end, &format!("</{name}"))
            .ok_or_else(|| Error::new(format!("<{name}> without its end tag")))?;
        let after = find_from(html, close, ">")
            .ok_or_else(|| Error::new(format!("unterminated </{name}> tag")))?;
        (Some((end, close)), after + 1)
    } else {
        (None, end)
    };
    Ok(Tag {
        name,
        attrs,
        start: s,
        end,
        text,
        element_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tags_attributes_and_raw_text() {
        let html = "<!DOCTYPE html><!-- <b> --><html lang=en><head>\n<meta charset=\"utf-8\">\
            <link rel='stylesheet' href=\"/a.css\" integrity=\"sha384-x\"/>\
            <script type=\"module\">if (a < b) { x('<p>'); }</script><style>p{}</style></head>\
            <body><noscript>no</noscript><input disabled></body></html>";
        let t = tags(html).unwrap();
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            ["html", "head", "meta", "link", "script", "style", "body", "noscript", "input"]
        );
        assert_eq!(t[0].attr("lang"), Some("en"));
        assert_eq!(t[2].attr("charset"), Some("utf-8"));
        assert_eq!(t[3].attr("rel"), Some("stylesheet"));
        assert_eq!(t[3].attr("href"), Some("/a.css"));
        assert_eq!(t[3].attr("integrity"), Some("sha384-x"));
        assert_eq!(t[4].text(html), Some("if (a < b) { x('<p>'); }"));
        assert_eq!(
            t[4].outer(html),
            "<script type=\"module\">if (a < b) { x('<p>'); }</script>"
        );
        assert_eq!(t[5].text(html), Some("p{}"));
        assert_eq!(t[8].attr("disabled"), Some(""));
        assert!(t[8].has("disabled"));
        assert_eq!(t[8].attr("hidden"), None);
    }

    #[test]
    fn upper_case_names_are_lowered_and_values_kept() {
        let html = "<META HTTP-EQUIV=\"Content-Security-Policy\" CONTENT=\"default-src 'none'\">";
        let t = tags(html).unwrap();
        assert_eq!(t[0].name, "meta");
        assert_eq!(t[0].attr("http-equiv"), Some("Content-Security-Policy"));
        assert_eq!(t[0].attr("content"), Some("default-src 'none'"));
        assert_eq!((t[0].start, t[0].end), (0, html.len()));
    }

    #[test]
    fn broken_markup_is_an_error() {
        assert!(tags("<script>alert(1)").is_err());
        assert!(tags("<a href=\"x>").is_err());
        assert!(tags("<!-- never closed").is_err());
        assert!(tags("<p").is_err());
    }
}
