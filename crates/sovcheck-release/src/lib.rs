//! sovcheck's post-build step, run on the directory that `trunk build --release` writes.
//!
//! * [`seal_dist`]: puts a strict Content-Security-Policy `<meta>` first in `index.html`'s
//!   `<head>` (right after `<meta charset>`), with the SHA-256 of Trunk's inline module loader
//!   (its text names the hashed files, so it changes with every build), checks that every
//!   file the page loads is local and carries a matching Subresource Integrity hash, and
//!   writes a gzip (`.gz`) and a brotli (`.br`) copy of every text and wasm file beside it
//!   (see [`precompress`]), then `SHA256SUMS` (the format of `sha256sum`, so
//!   `sha256sum -c SHA256SUMS` verifies a release, compressed copies included).
//! * [`single_file`]: one self-contained HTML file for air-gapped use: the stylesheets in
//!   `<style>`, the wasm-bindgen glue and the wasm (base64) in one module script, and a CSP
//!   made of the hashes of exactly those inline elements.

pub mod html;
pub mod packs;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use html::Tag;
use sha2::{Digest, Sha256, Sha384, Sha512};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// The page that Trunk writes and this step rewrites.
pub const INDEX: &str = "index.html";
/// The checksum file, in `sha256sum`'s format.
pub const SUMS: &str = "SHA256SUMS";
/// The single file's name, in the directory given to [`write_single`].
pub const SINGLE: &str = "sovcheck.html";

/// What went wrong, in words meant for the person running the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Error {
    pub fn new(message: String) -> Self {
        Error(message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub(crate) fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error(format!("{what} {}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    fs::read(path).map_err(|e| io_error("cannot read", path, e))
}

fn read_text(path: &Path) -> Result<String, Error> {
    String::from_utf8(read(path)?).map_err(|_| Error(format!("{} is not UTF-8", path.display())))
}

pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    fs::write(path, bytes).map_err(|e| io_error("cannot write", path, e))
}

/// Lower-case hexadecimal SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Subresource Integrity value of `bytes`: `sha384-<base64>`.
pub fn sha384_integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// The CSP hash source of an inline element's text: `'sha256-<base64>'`.
pub fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The policy of the served build. `'self'` loads the glue (script), the stylesheets (style)
/// and the wasm (`connect-src`: the glue fetches it, and the preload is a fetch too);
/// `'wasm-unsafe-eval'` compiles the wasm; the hashes allow Trunk's inline loader and
/// nothing else inline. `img-src data:` is the empty `data:,` favicon that spares a request.
/// Each source was measured: without `connect-src 'self'` the wasm fetch is blocked, without
/// `img-src data:` the favicon is; nothing else is needed.
pub fn served_csp(scripts: &[String], styles: &[String]) -> String {
    policy(
        &join(&["'self'", "'wasm-unsafe-eval'"], scripts),
        &join(&["'self'"], styles),
        Some("'self'"),
    )
}

/// The policy of the single file: no file to load at all, so no `'self'` anywhere (a
/// `file://` page's "self" is not something to trust): only the hashes of its own inline
/// script and styles, and no `connect-src` (the wasm comes from the script, not a fetch).
pub fn single_csp(scripts: &[String], styles: &[String]) -> String {
    policy(
        &join(&["'wasm-unsafe-eval'"], scripts),
        &join(&[], styles),
        None,
    )
}

fn join(fixed: &[&str], hashes: &[String]) -> String {
    let mut all: Vec<&str> = fixed.to_vec();
    all.extend(hashes.iter().map(String::as_str));
    all.join(" ")
}

fn policy(script: &str, style: &str, connect: Option<&str>) -> String {
    let mut d = vec![
        "default-src 'none'".to_string(),
        format!("script-src {script}"),
        format!("style-src {style}"),
        "img-src data:".to_string(),
    ];
    if let Some(c) = connect {
        d.push(format!("connect-src {c}"));
    }
    d.extend(
        [
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
            // No DOM sink (innerHTML, document.write…) takes a string: the app builds its
            // DOM node by node, so hostile text can only ever be text. Chromium enforces it.
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    d.join("; ")
}

fn is_csp_meta(t: &Tag) -> bool {
    t.name == "meta"
        && t.attr("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// Checks what a strict policy would silently break or what would reach another origin:
/// event-handler and `style` attributes, `javascript:` URLs, and files from elsewhere.
fn check_markup(tags: &[Tag]) -> Result<(), Error> {
    for t in tags {
        for (name, value) in &t.attrs {
            let value = value.as_deref().unwrap_or("");
            if name.starts_with("on") || name == "style" {
                return Err(Error(format!(
                    "<{}> has a {name}= attribute, which the Content-Security-Policy blocks: \
                     move it into the app or a stylesheet",
                    t.name
                )));
            }
            if (name == "href" || name == "src")
                && (value.contains("://")
                    || value.starts_with("//")
                    || value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:"))
            {
                return Err(Error(format!(
                    "<{}> refers to {value}: sovcheck loads nothing from elsewhere",
                    t.name
                )));
            }
        }
    }
    Ok(())
}

/// Inserts `meta` right after the `<meta charset>` tag.
fn insert_after_charset(html: &str, tags: &[Tag], meta: &str) -> Result<String, Error> {
    let charset = tags
        .iter()
        .find(|t| t.name == "meta" && t.has("charset"))
        .ok_or_else(|| Error("index.html has no <meta charset>".into()))?;
    let (head, tail) = html
        .split_at_checked(charset.end)
        .ok_or_else(|| Error("bad <meta charset> offset".into()))?;
    Ok(format!("{head}\n  {meta}{tail}"))
}

fn csp_meta(csp: &str) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">")
}

/// Replaces every element for which `edit` gives a text with that text (an empty text
/// removes the element, and its line when it stood alone on it).
fn rewrite(html: &str, tags: &[Tag], edit: impl Fn(&Tag) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for t in tags {
        if let Some(new) = edit(t) {
            out.push_str(html.get(at..t.start).unwrap_or(""));
            out.push_str(&new);
            at = t.element_end;
            // A removed element's line is removed with it.
            if new.is_empty() {
                let rest = html.get(at..).unwrap_or("");
                let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                if rest.get(blank..).is_some_and(|r| r.starts_with('\n'))
                    && out.ends_with([' ', '\t', '\n'])
                {
                    let kept = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(kept);
                    at += blank + 1;
                }
            }
        }
    }
    out.push_str(html.get(at..).unwrap_or(""));
    out
}

/// An index.html with its Content-Security-Policy meta, and that policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub html: String,
    pub csp: String,
}

/// Adds (or replaces) the CSP meta of a built `index.html`: the hashes of every inline
/// script and style, `'self'` for the files. Fails on markup the policy would block.
pub fn seal_index(html: &str) -> Result<Sealed, Error> {
    let tags = html::tags(html)?;
    let html = rewrite(html, &tags, |t| is_csp_meta(t).then(String::new));
    let html = wasm_fetch_with_integrity(&html)?;
    let tags = html::tags(&html)?;
    check_markup(&tags)?;
    let mut scripts = Vec::new();
    let mut styles = Vec::new();
    for t in &tags {
        match t.name.as_str() {
            "script" if !t.has("src") => scripts.push(csp_hash(t.text(&html).unwrap_or(""))),
            "style" => styles.push(csp_hash(t.text(&html).unwrap_or(""))),
            _ => {}
        }
    }
    let csp = served_csp(&scripts, &styles);
    let html = insert_after_charset(&html, &tags, &csp_meta(&csp))?;
    Ok(Sealed { html, csp })
}

/// Makes the wasm fetch of Trunk's loader carry the wasm's integrity hash.
///
/// Trunk puts the hash on `<link rel="preload" as="fetch">`, but Chromium ignores `integrity`
/// on such preloads (crbug.com/981419) and the glue's own `fetch` has none, so a modified
/// wasm would run. The loader's `init({ module_or_path: './x_bg.wasm' })` becomes
/// `init({ module_or_path: new Request('./x_bg.wasm', { integrity: 'sha384-…' }) })`: the
/// glue fetches a `Request` as it is, and the browser refuses a body that does not match.
fn wasm_fetch_with_integrity(html: &str) -> Result<String, Error> {
    let tags = html::tags(html)?;
    let Some(preload) = tags.iter().find(|t| {
        t.name == "link"
            && t.attr("rel") == Some("preload")
            && t.attr("type") == Some("application/wasm")
    }) else {
        return Err(Error(
            "index.html has no wasm <link rel=preload> with the wasm's integrity hash".into(),
        ));
    };
    let href = preload.attr("href").unwrap_or("");
    let integrity = preload.attr("integrity").unwrap_or("");
    let safe = |v: &str, extra: &str| {
        !v.is_empty()
            && v.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=-_.".contains(c) || extra.contains(c))
    };
    if !safe(href, "/") || !safe(integrity, " ") {
        return Err(Error(format!(
            "unexpected wasm preload href={href:?} integrity={integrity:?}"
        )));
    }
    let plain = format!("module_or_path: '{href}'");
    let checked = format!("module_or_path: new Request('{href}', {{ integrity: '{integrity}' }})");
    let loaders: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.name == "script" && !t.has("src"))
        .filter(|t| {
            t.text(html)
                .is_some_and(|s| s.contains(&plain) || s.contains(&checked))
        })
        .collect();
    let [loader] = loaders.as_slice() else {
        return Err(Error(format!(
            "expected one inline loader of {href} (Trunk's), found {}",
            loaders.len()
        )));
    };
    let text = loader.text(html).unwrap_or("");
    if text.contains(&checked) {
        return Ok(html.to_string());
    }
    let (Some(open), Some(close)) = (
        html.get(loader.start..loader.end),
        loader
            .text
            .and_then(|(_, e)| html.get(e..loader.element_end)),
    ) else {
        return Err(Error("bad loader offsets".into()));
    };
    let element = format!("{open}{}{close}", text.replacen(&plain, &checked, 1));
    Ok(rewrite(html, &tags, |t| {
        (t.start == loader.start).then(|| element.clone())
    }))
}

/// The file of `dist` that `href` (as Trunk wrote it: `./name`, `/name` or
/// `/public/url/name`) refers to.
fn local_file(dist: &Path, href: &str) -> Result<PathBuf, Error> {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_prefix("./").unwrap_or(path);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == "." || *s == "..") || segments.is_empty() {
        return Err(Error(format!("unexpected file reference {href}")));
    }
    // An absolute public URL (`--public-url /tools/sovcheck/`) prefixes the dist's own path.
    for skip in 0..segments.len() {
        let candidate = segments
            .iter()
            .skip(skip)
            .fold(dist.to_path_buf(), |p, s| p.join(s));
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    Err(Error(format!("{href} is not a file of {}", dist.display())))
}

/// Checks a Subresource Integrity value against the file's bytes.
fn check_integrity(file: &Path, integrity: &str) -> Result<(), Error> {
    let bytes = read(file)?;
    let mut known = 0;
    for token in integrity.split_ascii_whitespace() {
        let Some((alg, expected)) = token.split_once('-') else {
            continue;
        };
        let actual = match alg {
            "sha256" => BASE64.encode(Sha256::digest(&bytes)),
            "sha384" => BASE64.encode(Sha384::digest(&bytes)),
            "sha512" => BASE64.encode(Sha512::digest(&bytes)),
            _ => continue,
        };
        known += 1;
        if actual != expected {
            return Err(Error(format!(
                "{} does not match its integrity hash {token}",
                file.display()
            )));
        }
    }
    if known == 0 {
        return Err(Error(format!(
            "{} is loaded without a Subresource Integrity hash (keep Trunk's integrity on)",
            file.display()
        )));
    }
    Ok(())
}

/// The files a page loads: stylesheets, preloads and external scripts, with their tags.
fn loaded_files<'t>(dist: &Path, tags: &'t [Tag]) -> Result<Vec<(&'t Tag, PathBuf)>, Error> {
    let mut out = Vec::new();
    for t in tags {
        let href = match t.name.as_str() {
            "link" => match t.attr("rel").unwrap_or("") {
                "stylesheet" | "modulepreload" | "preload" => t.attr("href"),
                _ => None,
            },
            "script" => t.attr("src"),
            _ => None,
        };
        if let Some(href) = href {
            out.push((t, local_file(dist, href)?));
        }
    }
    Ok(out)
}

/// Every file under `dir` (recursively, in byte order of their paths, hidden entries such
/// as Trunk's `.stage` and `SHA256SUMS` itself left out) in `sha256sum`'s format.
pub fn checksums(dir: &Path) -> Result<String, Error> {
    let mut files = Vec::new();
    collect(dir, "", &mut files)?;
    files.sort();
    let mut out = String::new();
    for rel in files {
        if rel.contains(['\n', '\\']) {
            return Err(Error(format!("file name {rel:?} cannot go in {SUMS}")));
        }
        let bytes = read(&dir.join(&rel))?;
        out.push_str(&format!("{}  {rel}\n", sha256_hex(&bytes)));
    }
    Ok(out)
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| io_error("cannot list", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error("cannot list", dir, e))?;
        let name = entry
            .file_name()
            .into_string()
            .map_err(|n| Error(format!("file name {n:?} is not UTF-8")))?;
        if name.starts_with('.') || (prefix.is_empty() && name == SUMS) {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let kind = entry
            .file_type()
            .map_err(|e| io_error("cannot stat", &entry.path(), e))?;
        if kind.is_dir() {
            collect(&entry.path(), &format!("{rel}/"), out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// The files worth compressing: everything the page loads (`.html`, `.js`, `.css`, `.wasm`,
/// and the text packs, `.txt`).
const COMPRESSIBLE: [&str; 5] = [".html", ".js", ".css", ".wasm", ".txt"];

/// The gzip copy of `bytes`: level 9, no file name, modification time 0, so the same input
/// always gives the same bytes (and `SHA256SUMS` stays reproducible).
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    use std::io::Write as _;
    let mut enc = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)
        .and_then(|()| enc.finish())
        .map_err(|e| Error(format!("gzip failed: {e}")))
}

/// The brotli copy of `bytes`: quality 11, 4 MiB window (the browsers' and nginx's default).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .map_err(|e| Error(format!("brotli failed: {e}")))?;
    Ok(out)
}

/// Writes `NAME.gz` and `NAME.br` beside every page, script, stylesheet and wasm file of
/// `dist`, for hosts that serve precompressed files (nginx `gzip_static` / `brotli_static`,
/// Apache's `MultiViews` or rewrite rules, Caddy's `precompressed`): the transfer shrinks by
/// about 60 % (gzip) to 70 % (brotli) at no CPU cost per request. A copy that would not be
/// smaller is not written. Returns how many copies were written.
pub fn precompress(dist: &Path) -> Result<usize, Error> {
    let mut files = Vec::new();
    collect(dist, "", &mut files)?;
    let mut written = 0;
    for rel in files {
        if !COMPRESSIBLE.iter().any(|ext| rel.ends_with(ext)) {
            continue;
        }
        let path = dist.join(&rel);
        let bytes = read(&path)?;
        for (ext, packed) in [("gz", gzip(&bytes)?), ("br", brotli(&bytes)?)] {
            let copy = dist.join(format!("{rel}.{ext}"));
            if packed.len() < bytes.len() {
                write(&copy, &packed)?;
                written += 1;
            } else if copy.exists() {
                fs::remove_file(&copy).map_err(|e| io_error("cannot remove", &copy, e))?;
            }
        }
    }
    Ok(written)
}

/// What [`seal_dist`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealReport {
    pub csp: String,
    /// How many files `SHA256SUMS` lists.
    pub files: usize,
}

/// What `trunk serve` leaves in its autoreload script, to be replaced by the dev server's
/// address when it serves the page: after the hook, so no hash computed here could match.
pub const DEV_SERVER_MARKER: &str = "{{__TRUNK_ADDRESS__}}";

/// The release step on a Trunk dist: CSP meta in `index.html`, integrity of every loaded
/// file checked, `SHA256SUMS` written. Running it again gives the same result.
///
/// `None`, and nothing changed, for a `trunk serve` build (its page has the dev server's
/// autoreload script): development builds keep working, release builds are the ones sealed.
pub fn seal_dist(dist: &Path) -> Result<Option<SealReport>, Error> {
    let index = dist.join(INDEX);
    let source = read_text(&index)?;
    if source.contains(DEV_SERVER_MARKER) {
        return Ok(None);
    }
    let packs = packs::write_packs(dist)?;
    let source = with_boot_script(&source, &packs::boot_script(&packs)?)?;
    let sealed = seal_index(&source)?;
    let tags = html::tags(&sealed.html)?;
    for (tag, file) in loaded_files(dist, &tags)? {
        check_integrity(&file, tag.attr("integrity").unwrap_or(""))?;
    }
    write(&index, sealed.html.as_bytes())?;
    precompress(dist)?;
    let sums = checksums(dist)?;
    write(&dist.join(SUMS), sums.as_bytes())?;
    Ok(Some(SealReport {
        csp: sealed.csp,
        files: sums.lines().count(),
    }))
}

/// `html` with the text of its boot script placeholder (`<script data-sovcheck-boot>`)
/// replaced by `script`.
pub fn with_boot_script(html: &str, script: &str) -> Result<String, Error> {
    check_inlinable("the boot script", script, "</script")?;
    let tags = html::tags(html)?;
    let boots: Vec<&Tag> = tags
        .iter()
        .filter(|t| t.name == "script" && t.has(packs::BOOT_MARK))
        .collect();
    let [boot] = boots.as_slice() else {
        return Err(Error(format!(
            "index.html must have one <script {}></script> (the boot script's place); found {}",
            packs::BOOT_MARK,
            boots.len()
        )));
    };
    let open = html
        .get(boot.start..boot.end)
        .unwrap_or_default()
        .to_owned();
    let element = format!("{open}{script}</script>");
    Ok(rewrite(html, &tags, |t| {
        (t.start == boot.start).then(|| element.clone())
    }))
}

/// The single file, and its policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Single {
    pub html: String,
    pub csp: String,
}

/// The name of the glue's default export (its async `init`), from
/// `export { initSync, __wbg_init as default };` or `export default __wbg_init;`.
fn default_export(glue: &str) -> Result<String, Error> {
    let ident = |s: &str| -> Option<String> {
        let s = s.trim();
        (!s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .then(|| s.to_string())
    };
    for line in glue.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("export default ") {
            if let Some(name) = ident(rest.trim_end_matches(';')) {
                return Ok(name);
            }
        }
        if let Some(list) = line
            .strip_prefix("export {")
            .and_then(|r| r.trim_end_matches(';').trim_end().strip_suffix('}'))
        {
            for item in list.split(',') {
                if let Some(name) = item.trim().strip_suffix(" as default").and_then(ident) {
                    return Ok(name);
                }
            }
        }
    }
    Err(Error(
        "the wasm-bindgen glue has no default export (its init function)".into(),
    ))
}

/// Text that cannot go inside an inline element without changing where it ends.
pub(crate) fn check_inlinable(what: &str, text: &str, end_tag: &str) -> Result<(), Error> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(end_tag) || lower.contains("<!--") {
        return Err(Error(format!(
            "{what} contains {end_tag} or <!--, so it cannot be inlined"
        )));
    }
    Ok(())
}

/// The module script of the single file: the glue as it is, then a loader that decodes the
/// embedded wasm and gives the bytes to the glue's `init` (compiled asynchronously, like the
/// served build; only the source of the bytes differs).
fn single_script(glue: &str, wasm: &[u8]) -> Result<String, Error> {
    check_inlinable("the wasm-bindgen glue", glue, "</script")?;
    if glue.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("import ") || l.starts_with("import{")
    }) {
        return Err(Error(
            "the wasm-bindgen glue imports other modules (snippets): the single file cannot inline them"
                .into(),
        ));
    }
    let init = default_export(glue)?;
    let b64 = BASE64.encode(wasm);
    Ok(format!(
        "{glue}\n\
         // sovcheck single file: the wasm below is the release build's, in base64.\n\
         {{\n\
         const text = atob(\"{b64}\");\n\
         const bytes = new Uint8Array(text.length);\n\
         for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n\
         const exports = await {init}({{ module_or_path: bytes }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm: exports }} }}));\n\
         }}\n"
    ))
}

/// Builds the single self-contained HTML file from a Trunk dist (sealed or not).
pub fn single_file(dist: &Path) -> Result<Single, Error> {
    let source = read_text(&dist.join(INDEX))?;
    let tags = html::tags(&source)?;
    check_markup(&tags)?;
    let mut glue = None;
    let mut wasm = None;
    let mut loaders = 0;
    for t in &tags {
        let rel = t.attr("rel").unwrap_or("");
        match (t.name.as_str(), rel) {
            ("link", "modulepreload") => glue = t.attr("href").map(|h| (t, h)),
            ("link", "preload") if t.attr("type") == Some("application/wasm") => {
                wasm = t.attr("href").map(|h| (t, h))
            }
            ("link", "preload") => {
                return Err(Error(format!(
                    "unexpected preload {}: the single file only knows the glue and the wasm",
                    t.attr("href").unwrap_or("")
                )))
            }
            ("script", _) if t.has("src") => {
                return Err(Error(format!(
                    "unexpected <script src=\"{}\">: the single file has inline scripts only",
                    t.attr("src").unwrap_or("")
                )))
            }
            ("script", _) if t.has(packs::BOOT_MARK) || t.attr("type") == Some("text/plain") => {}
            ("script", _) => loaders += 1,
            _ => {}
        }
    }
    let (glue_tag, glue_href) =
        glue.ok_or_else(|| Error("index.html has no <link rel=modulepreload> (the glue)".into()))?;
    let (wasm_tag, wasm_href) =
        wasm.ok_or_else(|| Error("index.html has no wasm <link rel=preload>".into()))?;
    let is_loader = |t: &Tag| {
        t.name == "script" && !t.has(packs::BOOT_MARK) && t.attr("type") != Some("text/plain")
    };
    let loader = tags
        .iter()
        .find(|t| is_loader(t))
        .and_then(|t| t.text(&source))
        .unwrap_or("");
    if loaders != 1 || !loader.contains(glue_href) || !loader.contains(wasm_href) {
        return Err(Error(
            "index.html does not have the one inline loader of the glue and the wasm that Trunk writes"
                .into(),
        ));
    }
    let glue_file = local_file(dist, glue_href)?;
    let wasm_file = local_file(dist, wasm_href)?;
    check_integrity(&glue_file, glue_tag.attr("integrity").unwrap_or(""))?;
    check_integrity(&wasm_file, wasm_tag.attr("integrity").unwrap_or(""))?;
    let script = single_script(&read_text(&glue_file)?, &read(&wasm_file)?)?;
    let boot = packs::single_boot_script()?;
    let pack_elements = packs::single_elements()?;

    let mut styles = Vec::new();
    for t in &tags {
        if t.name == "link" && t.attr("rel") == Some("stylesheet") {
            let file = local_file(dist, t.attr("href").unwrap_or(""))?;
            check_integrity(&file, t.attr("integrity").unwrap_or(""))?;
            let css = read_text(&file)?;
            check_inlinable(&file.display().to_string(), &css, "</style")?;
            if css.contains("@import") {
                return Err(Error(format!(
                    "{} imports another stylesheet",
                    file.display()
                )));
            }
            styles.push((t.start, css));
        }
    }
    let csp = single_csp(
        &[csp_hash(&boot), csp_hash(&script)],
        &styles
            .iter()
            .map(|(_, css)| csp_hash(css))
            .collect::<Vec<_>>(),
    );
    let html = rewrite(&source, &tags, |t| {
        if is_csp_meta(t)
            || (t.name == "link" && matches!(t.attr("rel"), Some("modulepreload" | "preload")))
        {
            Some(String::new())
        } else if t.name == "script" && t.has(packs::BOOT_MARK) {
            Some(format!(
                "{pack_elements}<script {}>{boot}</script>",
                packs::BOOT_MARK
            ))
        } else if t.name == "script" && t.attr("type") == Some("text/plain") {
            Some(String::new())
        } else if is_loader(t) {
            Some(format!("<script type=\"module\">{script}</script>"))
        } else {
            styles
                .iter()
                .find(|(start, _)| *start == t.start)
                .map(|(_, css)| format!("<style>{css}</style>"))
        }
    });
    let tags = html::tags(&html)?;
    let html = insert_after_charset(&html, &tags, &csp_meta(&csp))?;
    // Nothing in it may refer to another file.
    for t in html::tags(&html)? {
        for name in ["src", "href"] {
            if let Some(v) = t.attr(name) {
                if !(v.starts_with("data:") || v.starts_with('#')) {
                    return Err(Error(format!(
                        "the single file still refers to {v} in <{}>",
                        t.name
                    )));
                }
            }
        }
    }
    Ok(Single { html, csp })
}

/// Writes `out/sovcheck.html` and `out/SHA256SUMS`; returns the single file's policy and size.
pub fn write_single(dist: &Path, out: &Path) -> Result<(String, usize), Error> {
    let single = single_file(dist)?;
    fs::create_dir_all(out).map_err(|e| io_error("cannot create", out, e))?;
    write(&out.join(SINGLE), single.html.as_bytes())?;
    write(
        &out.join(SUMS),
        format!("{}  {SINGLE}\n", sha256_hex(single.html.as_bytes())).as_bytes(),
    )?;
    Ok((single.csp, single.html.len()))
}

#[cfg(test)]
mod tests;
