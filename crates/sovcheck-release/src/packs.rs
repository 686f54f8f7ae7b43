//! The words of each language, and the boot script that loads one of them.
//!
//! The app's wasm carries no language (`sovcheck-text`'s packs, see its docs): this step
//! writes one pack per language, `i18n/<tag>-<hash>.txt` (named by its content, so a cache
//! never serves a stale one), and the boot script, an inline script placed in the page
//! before Trunk's loader. The boot script chooses the language (the one saved in the app's
//! preferences, else the first of the browser's that sovcheck speaks, else English), starts
//! fetching its pack at once (in parallel with the wasm, with the pack's integrity hash, so
//! an altered pack is refused like an altered wasm), and offers the app a loader for the
//! other languages. It also shows the page's "could not start" message when the app's
//! files fail to load or to pass their integrity checks, instead of a blank page.
//!
//! The single file carries every pack in `<script type="text/plain">` elements (text the
//! browser never runs) and its boot script reads them from there.

use crate::{sha384_integrity, write, Error};
use sovcheck_core::Lang;
use std::fs;
use std::path::Path;

/// The directory of the packs in a dist.
pub const DIR: &str = "i18n";
/// The attribute that marks the boot script's placeholder in `index.html`.
pub const BOOT_MARK: &str = "data-sovcheck-boot";
/// The preference key the app saves the language under (`storage::UI_KEY` in the app).
pub const UI_KEY: &str = "sovcheck.v1.ui";

/// One language's pack as the served page loads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// BCP 47 tag.
    pub tag: &'static str,
    /// Its URL relative to the page (`./i18n/fr-0123abcd.txt`).
    pub href: String,
    /// Its Subresource Integrity value.
    pub integrity: String,
}

/// Writes every language's pack into `dist/i18n/` (removing packs of earlier builds) and
/// returns where each is.
pub fn write_packs(dist: &Path) -> Result<Vec<Served>, Error> {
    let dir = dist.join(DIR);
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| crate::io_error("cannot remove", &dir, e))?;
    }
    fs::create_dir_all(&dir).map_err(|e| crate::io_error("cannot create", &dir, e))?;
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let pack = sovcheck_text::pack(lang);
        let hash = crate::sha256_hex(pack.as_bytes());
        let name = format!("{}-{}.txt", lang.tag(), hash.get(..16).unwrap_or(&hash));
        write(&dir.join(&name), pack.as_bytes())?;
        out.push(Served {
            tag: lang.tag(),
            href: format!("./{DIR}/{name}"),
            integrity: sha384_integrity(pack.as_bytes()),
        });
    }
    Ok(out)
}

/// The id of the element that holds `lang`'s pack in the single file.
pub fn single_id(tag: &str) -> String {
    format!("sovcheck-pack-{tag}")
}

/// The `<script type="text/plain">` elements of the single file, one pack each.
pub fn single_elements() -> Result<String, Error> {
    let mut out = String::new();
    for lang in Lang::ALL {
        let pack = sovcheck_text::pack(lang);
        crate::check_inlinable("a text pack", &pack, "</script")?;
        out.push_str(&format!(
            "<script type=\"text/plain\" id=\"{}\">{pack}</script>\n",
            single_id(lang.tag())
        ));
    }
    Ok(out)
}

/// A JavaScript string literal of `s` (which holds only URL, hash and id characters).
fn js_string(s: &str) -> Result<String, Error> {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "./-_+=".contains(c))
    {
        Ok(format!("\"{s}\""))
    } else {
        Err(Error::new(format!("unexpected character in {s:?}")))
    }
}

/// The boot script of the served page: `packs` are fetched from the page's own origin.
pub fn boot_script(packs: &[Served]) -> Result<String, Error> {
    let mut table = Vec::new();
    for p in packs {
        table.push(format!(
            "{}:[{},{}]",
            js_string(p.tag)?,
            js_string(&p.href)?,
            js_string(&p.integrity)?
        ));
    }
    Ok(script(&format!("{{{}}}", table.join(","))))
}

/// The boot script of the single file: every pack is in the page.
pub fn single_boot_script() -> Result<String, Error> {
    let mut table = Vec::new();
    for lang in Lang::ALL {
        table.push(format!(
            "{}:{}",
            js_string(lang.tag())?,
            js_string(&single_id(lang.tag()))?
        ));
    }
    Ok(script(&format!("{{{}}}", table.join(","))))
}

/// The script around the table of packs (`tag: [href, integrity]` to fetch, or `tag: id`
/// of an element of the page). Plain ES2015, no module: it runs before Trunk's loader.
/// It is part of every first load, so it carries no comments (they are here): `fail`
/// shows the page's own message when the app cannot start (a file missing or altered); the
/// `error` listener catches a script, stylesheet or wasm refused (integrity) or missing
/// before the app started; `choose` takes the saved language, else the first of the
/// browser's that sovcheck speaks (any regional variant), else English.
fn script(table: &str) -> String {
    format!(
        "\n(function () {{\n\
  \"use strict\";\n\
  var packs = {table};\n\
  function fail() {{\n\
    var e = document.getElementById(\"sovcheck-failed\");\n\
    if (e && !window.sovcheckStarted) e.hidden = false;\n\
  }}\n\
  window.sovcheckFail = fail;\n\
  window.addEventListener(\"error\", function (e) {{\n\
    var t = e.target;\n\
    if (t && (t.tagName === \"SCRIPT\" || t.tagName === \"LINK\")) fail();\n\
    else if (!window.sovcheckStarted) fail();\n\
  }}, true);\n\
  window.addEventListener(\"unhandledrejection\", function () {{ fail(); }});\n\
  function choose() {{\n\
    var saved;\n\
    try {{ saved = JSON.parse(localStorage.getItem(\"{UI_KEY}\") || \"{{}}\").lang; }} catch (e) {{ saved = null; }}\n\
    if (typeof saved === \"string\" && Object.prototype.hasOwnProperty.call(packs, saved)) return saved;\n\
    var asked = navigator.languages || [navigator.language || \"\"];\n\
    for (var i = 0; i < asked.length; i++) {{\n\
      var tag = String(asked[i]).split(/[-_]/)[0].toLowerCase();\n\
      if (Object.prototype.hasOwnProperty.call(packs, tag)) return tag;\n\
    }}\n\
    return \"en\";\n\
  }}\n\
  function load(tag) {{\n\
    if (!Object.prototype.hasOwnProperty.call(packs, tag)) return Promise.reject(new Error(tag));\n\
    var p = packs[tag];\n\
    if (typeof p === \"string\") {{\n\
      var el = document.getElementById(p);\n\
      return el ? Promise.resolve(el.textContent) : Promise.reject(new Error(p));\n\
    }}\n\
    return fetch(p[0], {{ integrity: p[1] }}).then(function (r) {{\n\
      if (!r.ok) throw new Error(String(r.status));\n\
      return r.text();\n\
    }});\n\
  }}\n\
  window.sovcheckLoadPack = load;\n\
  window.sovcheckLang = choose();\n\
  window.sovcheckPack = load(window.sovcheckLang);\n\
  window.sovcheckPack.catch(fail);\n\
}})();\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_script_names_every_pack_and_nothing_else() {
        let packs = vec![Served {
            tag: "fr",
            href: "./i18n/fr-0123456789abcdef.txt".into(),
            integrity: "sha384-AbC+/=".into(),
        }];
        let s = boot_script(&packs).unwrap();
        assert!(s.contains(
            "var packs = {\"fr\":[\"./i18n/fr-0123456789abcdef.txt\",\"sha384-AbC+/=\"]};"
        ));
        assert!(s.contains("localStorage.getItem(\"sovcheck.v1.ui\""));
        assert!(!s.contains("</script"));
        let bad = Served {
            tag: "fr",
            href: "./x\"y".into(),
            integrity: String::new(),
        };
        assert!(boot_script(&[bad]).is_err());
        assert!(single_boot_script()
            .unwrap()
            .contains("var packs = {\"en\":\"sovcheck-pack-en\",\"fr\":\"sovcheck-pack-fr\",\"de\":\"sovcheck-pack-de\"};"));
    }
}
