//! Languages, and the content texts that exist in each of them.
//!
//! The core holds no words of its own: errors, hints and warnings are data, put into words by
//! the text layer (`sovcheck-text`). What the core does hold is the *content* (criteria,
//! steps, SecNumCloud, SEAL levels), whose wording is data like its points. A [`Text`] is a
//! reference to one content text; its wording in a language comes from that language's
//! table, compiled in (feature `embedded-text`, the default: the CLI and the tests) or
//! installed at run time (the browser app, which loads the table of one language only; see
//! [`crate::content::install_texts`]).

use serde::{Deserialize, Serialize};

/// A language the product speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
    /// German.
    De,
}

impl Lang {
    /// Every language, in display order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::De];
    /// How many languages there are.
    pub const COUNT: usize = Lang::ALL.len();

    /// The BCP 47 tag, as used in `<html lang>` and in file names.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's own name, as its speakers write it (on the language switch, which
    /// shows every language's name whatever the page's language).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// The language's position in [`Lang::ALL`] (for tables indexed by language).
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::De => 2,
        }
    }

    /// Parses a tag (`fr`, and regional variants such as `fr-FR`, `fr_CA` or `de-CH`, any case);
    /// a language sovcheck does not speak is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }
}

/// One content text (a criterion's title, a rung's label, a step's question…): an index
/// into each language's table of content texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub(crate) u32);

impl Text {
    /// The wording in `lang`; empty if that language's table is not available (in the
    /// browser, before its text file is installed).
    pub fn get(self, lang: Lang) -> &'static str {
        crate::content::text_table(lang)
            .and_then(|t| t.get(self.0 as usize))
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_regional_tags_and_rejects_others() {
        assert_eq!(Lang::parse("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        for de in ["de", "de-DE", "de-AT", "de-CH", "DE_ch"] {
            assert_eq!(Lang::parse(de), Some(Lang::De), "{de}");
        }
        assert_eq!(Lang::parse("es"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn indices_follow_the_list() {
        for (i, l) in Lang::ALL.into_iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(Lang::parse(l.tag()), Some(l));
        }
    }
}
