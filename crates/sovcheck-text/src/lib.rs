//! sovcheck-text: every word sovcheck shows, in one place.
//!
//! * [`Catalog`]: the words of one language, grouped by screen and by layer (`words` and
//!   `typo` for domain values, `errors` and `hints` for the core's data, `cli` for the
//!   command line, the other groups for the app's screens). Each language is one file
//!   (`en.rs`, `fr.rs`, `de.rs`) filling every field, so a missing text does not compile.
//! * The wording of domain values and core data ([`words`], [`messages`]): a SEAL range,
//!   a score, a date, a format error, a hint… are put into words here and nowhere else, for
//!   the app, the report, the CSV and the CLI alike.
//! * Per-language packs ([`pack`], [`install`]): the browser app carries no words in its
//!   code; it loads the pack of one language (its catalog and the content texts) and
//!   installs it. Built with the `embedded` feature (the default), every language is
//!   compiled in instead.
//!
//! Templates hold named placeholders (`{n}`), filled by [`fill`]; every language's
//! template must use the same placeholders as English (a test checks it). Typography (the
//! no-break spaces French wants) is applied to every string by
//! `sovcheck_core::typography`, once, so catalogs are written with ordinary spaces.

use sovcheck_core::Lang;
use std::fmt::Display;
use std::sync::OnceLock;

#[macro_use]
mod macros;
mod catalog;
pub mod csv;
#[cfg(feature = "embedded")]
mod de;
#[cfg(feature = "embedded")]
mod en;
pub mod exchange;
#[cfg(feature = "embedded")]
mod fr;
pub mod messages;
pub mod sync;
pub mod verdict;
pub mod words;

pub use catalog::*;

/// A catalog string.
pub type S = &'static str;

/// A text that depends on a count: `one` for the singular (1 in English and German, 0 and
/// 1 in French), `other` for the rest; both may use `{n}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    /// Singular.
    pub one: S,
    /// Plural.
    pub other: S,
}

/// A piece of a catalog: a string, a [`Plural`], a fixed list of strings, or a group.
pub trait Entry: Sized {
    /// How many strings it holds.
    const LEN: usize;
    /// Its value with every string empty.
    const EMPTY: Self;
    /// Calls `f` with each string's name (`name` for a string, `name.one`, `name[3]`…) and
    /// the string, in a fixed order: the order of a pack.
    fn walk(&self, name: &str, f: &mut dyn FnMut(&str, S));
    /// Reads the strings back in [`Entry::walk`]'s order.
    fn read(it: &mut dyn Iterator<Item = S>) -> Option<Self>;
    /// The same entry with every string passed through `f`.
    fn map(&self, f: &mut dyn FnMut(S) -> S) -> Self;
}

impl Entry for S {
    const LEN: usize = 1;
    const EMPTY: Self = "";
    fn walk(&self, name: &str, f: &mut dyn FnMut(&str, S)) {
        f(name, self);
    }
    fn read(it: &mut dyn Iterator<Item = S>) -> Option<Self> {
        it.next()
    }
    fn map(&self, f: &mut dyn FnMut(S) -> S) -> Self {
        f(self)
    }
}

impl Entry for Plural {
    const LEN: usize = 2;
    const EMPTY: Self = Plural { one: "", other: "" };
    fn walk(&self, name: &str, f: &mut dyn FnMut(&str, S)) {
        f(&format!("{name}.one"), self.one);
        f(&format!("{name}.other"), self.other);
    }
    fn read(it: &mut dyn Iterator<Item = S>) -> Option<Self> {
        Some(Plural {
            one: it.next()?,
            other: it.next()?,
        })
    }
    fn map(&self, f: &mut dyn FnMut(S) -> S) -> Self {
        Plural {
            one: f(self.one),
            other: f(self.other),
        }
    }
}

impl<const N: usize> Entry for [S; N] {
    const LEN: usize = N;
    const EMPTY: Self = [""; N];
    fn walk(&self, name: &str, f: &mut dyn FnMut(&str, S)) {
        for (i, s) in self.iter().enumerate() {
            f(&format!("{name}[{i}]"), s);
        }
    }
    fn read(it: &mut dyn Iterator<Item = S>) -> Option<Self> {
        let mut out = [""; N];
        for slot in &mut out {
            *slot = it.next()?;
        }
        Some(out)
    }
    fn map(&self, f: &mut dyn FnMut(S) -> S) -> Self {
        let mut out = *self;
        for slot in &mut out {
            *slot = f(slot);
        }
        out
    }
}

/// `template` with each `{name}` replaced by the matching argument; a placeholder without
/// an argument is kept as it is (a test makes sure none is left in any language).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let name = after.get(1..close).unwrap_or_default();
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(&v.to_string()),
            None => out.push_str(after.get(..=close).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order (`{n}` gives `n`).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else { break };
        out.push(after.get(..close).unwrap_or_default());
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out
}

impl Catalog {
    /// The language of this catalog.
    pub fn lang(&self) -> Lang {
        Lang::parse(self.language.tag).unwrap_or_default()
    }

    /// Whether `n` takes the singular in this language.
    pub fn is_singular(&self, n: u64) -> bool {
        match self.lang() {
            Lang::Fr => n < 2,
            Lang::En | Lang::De => n == 1,
        }
    }

    /// The form of `p` for `n` (to fill with more than `{n}`).
    pub fn form(&self, n: usize, p: &Plural) -> &'static str {
        if self.is_singular(n as u64) {
            p.one
        } else {
            p.other
        }
    }

    /// The form of `p` for `n`, with `{n}` filled.
    pub fn count(&self, n: usize, p: &Plural) -> String {
        fill(self.form(n, p), &[("n", &n)])
    }
}

/// The catalogs in use, one per language.
static CATALOGS: [OnceLock<&'static Catalog>; Lang::COUNT] =
    [const { OnceLock::new() }; Lang::COUNT];

/// The compiled-in catalog of `lang`, before typography.
#[cfg(feature = "embedded")]
fn source(lang: Lang) -> &'static Catalog {
    match lang {
        Lang::En => &en::EN,
        Lang::Fr => &fr::FR,
        Lang::De => &de::DE,
    }
}

#[cfg(feature = "embedded")]
/// `c` with `lang`'s typography applied to every string (strings that change are leaked
/// once: a catalog lives as long as the program).
fn typeset(c: &Catalog, lang: Lang) -> Catalog {
    c.map(
        &mut |s| match sovcheck_core::typography::bind_spaces(lang.tag(), s) {
            Some(bound) => Box::leak(bound.into_boxed_str()),
            None => s,
        },
    )
}

/// The words of `lang`. With the `embedded` feature every language is available; without
/// it, a language is available once its pack is [`install`]ed (until then the first
/// installed language stands in, and before any install every string is empty).
pub fn texts(lang: Lang) -> &'static Catalog {
    #[cfg(feature = "embedded")]
    {
        CATALOGS
            .get(lang.index())
            .map(|slot| *slot.get_or_init(|| Box::leak(Box::new(typeset(source(lang), lang)))))
            .unwrap_or(&EMPTY_CATALOG)
    }
    #[cfg(not(feature = "embedded"))]
    {
        CATALOGS
            .get(lang.index())
            .and_then(OnceLock::get)
            .or_else(|| CATALOGS.iter().find_map(OnceLock::get))
            .copied()
            .unwrap_or(&EMPTY_CATALOG)
    }
}

static EMPTY_CATALOG: Catalog = <Catalog as Entry>::EMPTY;

/// Whether the words of `lang` are available (always, with the `embedded` feature).
pub fn is_installed(lang: Lang) -> bool {
    cfg!(feature = "embedded")
        || CATALOGS
            .get(lang.index())
            .is_some_and(|slot| slot.get().is_some())
}

/// What a pack starts with, before its language tag.
const PACK_MAGIC: &str = "sovcheck-pack 1";
/// Separates the strings of a pack (no catalog or content text holds it; a test checks).
pub const PACK_SEPARATOR: char = '\u{1e}';

/// A fingerprint of the catalog's shape (its field names) and of the content's size, so
/// that a pack made for another build is refused instead of showing wrong words.
pub fn shape() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    EMPTY_CATALOG.walk("", &mut |name, _| eat(name.as_bytes()));
    // As u64: usize is 4 bytes in the wasm and 8 natively, where the packs are written.
    eat(&(sovcheck_core::content::TEXT_COUNT as u64).to_le_bytes());
    h
}

/// The pack of `lang`: a first line `sovcheck-pack 1 <tag> <shape>`, then every string of
/// the typeset catalog and every content text, separated by [`PACK_SEPARATOR`].
#[cfg(feature = "embedded")]
pub fn pack(lang: Lang) -> String {
    let mut out = format!("{PACK_MAGIC} {} {:016x}\n", lang.tag(), shape());
    let mut first = true;
    let mut push = |s: &str| {
        if !first {
            out.push(PACK_SEPARATOR);
        }
        first = false;
        out.push_str(s);
    };
    texts(lang).walk("", &mut |_, s| push(s));
    for s in sovcheck_core::content::text_table(lang).unwrap_or_default() {
        push(s);
    }
    out
}

/// Why a pack was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a sovcheck pack, or one made for another build of sovcheck.
    Mismatch,
}

/// Installs a pack (see [`pack`]): afterwards [`texts`] and the content texts of its
/// language are available. Returns the pack's language.
pub fn install(pack: &'static str) -> Result<Lang, PackError> {
    let (head, body) = pack.split_once('\n').ok_or(PackError::Mismatch)?;
    let mut head = head.rsplitn(3, ' ');
    let (shape_hex, tag, magic) = (head.next(), head.next(), head.next());
    if magic != Some(PACK_MAGIC) || shape_hex != Some(format!("{:016x}", shape()).as_str()) {
        return Err(PackError::Mismatch);
    }
    let lang = tag.and_then(Lang::parse).ok_or(PackError::Mismatch)?;
    let mut strings = body.split(PACK_SEPARATOR);
    let catalog = Catalog::read(&mut strings).ok_or(PackError::Mismatch)?;
    let content: Vec<S> = strings.collect();
    sovcheck_core::content::install_texts(lang, Box::leak(content.into_boxed_slice()))
        .map_err(|_| PackError::Mismatch)?;
    if let Some(slot) = CATALOGS.get(lang.index()) {
        let _ = slot.set(Box::leak(Box::new(catalog)));
    }
    Ok(lang)
}

#[cfg(all(test, feature = "embedded"))]
mod tests;
