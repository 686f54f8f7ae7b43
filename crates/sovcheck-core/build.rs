//! Turns the content data files (`content/*.json`) into static Rust data at build time.
//!
//! The content is data, edited as JSON; compiling it into `static` items means the app never
//! parses it at run time and a malformed content file fails the build instead of the user.
//! This script checks shape only (every field present, every language non-empty); the
//! semantic invariants (unique ids, every criterion in exactly one step, monotone points,
//! weights summing to 100) are unit tests in `src/content.rs`.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;

// The same typography as the text catalogs (see the module for the rules).
#[allow(dead_code)]
#[path = "src/typography.rs"]
mod typography;

type Res<T> = Result<T, String>;

fn main() {
    if let Err(e) = run() {
        eprintln!("content error: {e}");
        std::process::exit(1);
    }
}

fn load(dir: &Path, name: &str) -> Res<Value> {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn field<'a>(v: &'a Value, key: &str, at: &str) -> Res<&'a Value> {
    v.get(key).ok_or_else(|| format!("{at}: missing `{key}`"))
}

fn string(v: &Value, key: &str, at: &str) -> Res<String> {
    field(v, key, at)?
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{at}.{key}: not a string"))
}

fn uint(v: &Value, key: &str, at: &str) -> Res<u64> {
    field(v, key, at)?
        .as_u64()
        .ok_or_else(|| format!("{at}.{key}: not a whole number"))
}

fn array<'a>(v: &'a Value, key: &str, at: &str) -> Res<&'a Vec<Value>> {
    field(v, key, at)?
        .as_array()
        .ok_or_else(|| format!("{at}.{key}: not an array"))
}

/// The languages of the content, in the order of `Lang::ALL` (a test in `content.rs` checks
/// the two lists agree). A language added here must be present in every content text.
const LANGS: [&str; 3] = ["en", "fr", "de"];

thread_local! {
    /// Every content text so far, one table per language of [`LANGS`].
    static TABLES: std::cell::RefCell<Vec<Vec<String>>> =
        std::cell::RefCell::new(vec![Vec::new(); LANGS.len()]);
}

/// A `Text(index)` literal for the text at `v[key]`, which must hold every language of
/// [`LANGS`], non-empty; its wordings (with the language's typography applied) go into the
/// tables at that index.
fn text(v: &Value, key: &str, at: &str) -> Res<String> {
    let t = field(v, key, at)?;
    let mut words = Vec::with_capacity(LANGS.len());
    for lang in LANGS {
        let s = string(t, lang, &format!("{at}.{key}"))?;
        if s.trim().is_empty() {
            return Err(format!("{at}.{key}.{lang}: empty text"));
        }
        words.push(typography::bind_spaces(lang, &s).unwrap_or(s));
    }
    let index = TABLES.with(|t| {
        let mut tables = t.borrow_mut();
        for (table, w) in tables.iter_mut().zip(words) {
            table.push(w);
        }
        tables.first().map_or(0, Vec::len) - 1
    });
    Ok(format!("Text({index})"))
}

fn run() -> Res<()> {
    println!("cargo:rerun-if-changed=src/typography.rs");
    let dir =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?).join("content");
    let mut out = String::new();
    let w = |out: &mut String, s: String| out.push_str(&s);

    // Objectives and their criteria.
    w(
        &mut out,
        "pub(crate) static OBJECTIVES: &[Objective] = &[\n".into(),
    );
    for i in 1..=8u8 {
        let o = load(&dir, &format!("objectives/SOV-{i}.json"))?;
        let at = format!("SOV-{i}");
        if string(&o, "id", &at)? != at {
            return Err(format!("{at}: id does not match the file name"));
        }
        let weights = field(&o, "weights", &at)?;
        w(
            &mut out,
            format!(
                "Objective {{ id: {at:?}, index: {}, name: {}, summary: {}, weight_framework: {}, weight_calculator: {}, criteria: &[\n",
                i - 1,
                text(&o, "name", &at)?,
                text(&o, "summary", &at)?,
                uint(weights, "framework", &at)?,
                uint(weights, "calculator", &at)?,
            ),
        );
        for (n, c) in array(&o, "criteria", &at)?.iter().enumerate() {
            let cid = string(c, "id", &at)?;
            let expected = format!("{at}.{}", n + 1);
            if cid != expected {
                return Err(format!("{at}: criterion {cid} should be {expected}"));
            }
            let mut rungs = String::new();
            let mut inert = true;
            for (r_i, r) in array(c, "rungs", &cid)?.iter().enumerate() {
                let rat = format!("{cid}.rungs[{r_i}]");
                let seal = uint(r, "seal", &rat)?;
                if seal > 4 {
                    return Err(format!("{rat}: seal {seal} out of range"));
                }
                inert &= seal == 4;
                let variant = match r.get("sealVariant").and_then(Value::as_u64) {
                    Some(v) => format!("Some(Seal::from_level_const({v}))"),
                    None => "None".into(),
                };
                writeln!(
                    rungs,
                    "Rung {{ centi_points: {}, seal: Seal::from_level_const({seal}), seal_variant: {variant}, label: {} }},",
                    uint(r, "centiPoints", &rat)?,
                    text(r, "label", &rat)?
                )
                .map_err(|e| e.to_string())?;
            }
            w(
                &mut out,
                format!(
                    "Criterion {{ id: {cid:?}, objective: {}, title: {}, question: {}, help: {}, inert: {inert}, rungs: &[\n{rungs}] }},\n",
                    i - 1,
                    text(c, "title", &cid)?,
                    text(c, "question", &cid)?,
                    text(c, "help", &cid)?,
                ),
            );
        }
        w(&mut out, "] },\n".into());
    }
    w(&mut out, "];\n".into());

    // The walk.
    let walk = load(&dir, "walk.json")?;
    w(&mut out, "pub(crate) static STEPS: &[Step] = &[\n".into());
    for (i, s) in array(&walk, "steps", "walk")?.iter().enumerate() {
        let at = format!("walk.steps[{i}]");
        let kind = match string(s, "kind", &at)?.as_str() {
            "dueDiligence" => "StepKind::DueDiligence",
            "further" => "StepKind::Further",
            other => return Err(format!("{at}.kind: unknown kind {other:?}")),
        };
        let criteria: Vec<String> = array(s, "criteria", &at)?
            .iter()
            .map(|c| c.as_str().map(|c| format!("{c:?}")))
            .collect::<Option<_>>()
            .ok_or_else(|| format!("{at}.criteria: not strings"))?;
        w(
            &mut out,
            format!(
                "Step {{ id: {:?}, kind: {kind}, title: {}, question: {}, why: {}, good: {}, secnumcloud: {:?}, criteria: &[{}] }},\n",
                string(s, "id", &at)?,
                text(s, "title", &at)?,
                text(s, "question", &at)?,
                text(s, "why", &at)?,
                text(s, "good", &at)?,
                string(s, "secnumcloud", &at)?,
                criteria.join(", "),
            ),
        );
    }
    w(&mut out, "];\n".into());

    // SecNumCloud.
    let snc = load(&dir, "secnumcloud.json")?;
    w(
        &mut out,
        format!(
            "pub(crate) static SNC_REFERENTIAL: &str = {:?};\npub(crate) static SNC_INTRO: Text = {};\npub(crate) static SNC_LABEL_NOT_SEAL: Text = {};\n",
            string(&snc, "referentialVersion", "secnumcloud")?,
            text(&snc, "intro", "secnumcloud")?,
            text(&snc, "labelNotSeal", "secnumcloud")?,
        ),
    );
    for (key, name) in [
        ("stages", "SNC_STAGES"),
        ("serviceModels", "SNC_SERVICE_MODELS"),
    ] {
        w(
            &mut out,
            format!("pub(crate) static {name}: &[Described] = &[\n"),
        );
        for (i, s) in array(&snc, key, "secnumcloud")?.iter().enumerate() {
            let at = format!("secnumcloud.{key}[{i}]");
            w(
                &mut out,
                format!(
                    "Described {{ id: {:?}, name: {}, meaning: {} }},\n",
                    string(s, "id", &at)?,
                    text(s, "name", &at)?,
                    text(s, "meaning", &at)?
                ),
            );
        }
        w(&mut out, "];\n".into());
    }
    w(
        &mut out,
        "pub(crate) static SNC_PILLARS: &[Pillar] = &[\n".into(),
    );
    for (i, p) in array(&snc, "pillars", "secnumcloud")?.iter().enumerate() {
        let at = format!("secnumcloud.pillars[{i}]");
        let mut crit = String::new();
        for (j, c) in array(p, "criteria", &at)?.iter().enumerate() {
            let cat = format!("{at}.criteria[{j}]");
            writeln!(
                crit,
                "SncCriterion {{ id: {:?}, clause: {:?}, title: {}, requirement: {}, help: {} }},",
                string(c, "id", &cat)?,
                string(c, "clause", &cat)?,
                text(c, "title", &cat)?,
                text(c, "requirement", &cat)?,
                text(c, "help", &cat)?
            )
            .map_err(|e| e.to_string())?;
        }
        w(
            &mut out,
            format!(
                "Pillar {{ id: {:?}, name: {}, summary: {}, criteria: &[\n{crit}] }},\n",
                string(p, "id", &at)?,
                text(p, "name", &at)?,
                text(p, "summary", &at)?
            ),
        );
    }
    w(&mut out, "];\n".into());

    // SEAL levels.
    let seal = load(&dir, "seal.json")?;
    w(
        &mut out,
        "pub(crate) static SEAL_LEVELS: &[Described] = &[\n".into(),
    );
    for (i, l) in array(&seal, "levels", "seal")?.iter().enumerate() {
        let at = format!("seal.levels[{i}]");
        if uint(l, "level", &at)? != i as u64 {
            return Err(format!("{at}: levels must be listed 0 to 4 in order"));
        }
        w(
            &mut out,
            format!(
                "Described {{ id: \"SEAL-{i}\", name: {}, meaning: {} }},\n",
                text(l, "name", &at)?,
                text(l, "meaning", &at)?
            ),
        );
    }
    w(&mut out, "];\n".into());

    // The sources the content is drawn from.
    let sources = load(&dir, "sources.json")?;
    w(&mut out, "pub(crate) static SOURCES: &[Text] = &[\n".into());
    for (i, s) in array(&sources, "sources", "sources")?.iter().enumerate() {
        w(
            &mut out,
            format!("{},\n", text(s, "text", &format!("sources[{i}]"))?),
        );
    }
    w(&mut out, "];\n".into());

    // The tables of texts, one per language (compiled in only with `embedded-text`).
    let tables = TABLES.with(|t| t.borrow().clone());
    w(
        &mut out,
        format!(
            "/// How many content texts there are.\npub const TEXT_COUNT: usize = {};\n",
            tables.first().map_or(0, Vec::len)
        ),
    );
    w(
        &mut out,
        format!(
            "#[cfg(feature = \"embedded-text\")]\npub(crate) static TABLES: [&[&str]; {}] = [\n",
            LANGS.len()
        ),
    );
    for (lang, table) in LANGS.iter().zip(&tables) {
        w(&mut out, format!("// {lang}\n&[\n"));
        for t in table {
            w(&mut out, format!("{t:?},\n"));
        }
        w(&mut out, "],\n".into());
    }
    w(&mut out, "];\n".into());
    w(
        &mut out,
        format!(
            "#[cfg(test)]\npub(crate) const LANG_TAGS: [&str; {}] = {:?};\n",
            LANGS.len(),
            LANGS
        ),
    );

    let dest = Path::new(&std::env::var("OUT_DIR").map_err(|e| e.to_string())?).join("content.rs");
    std::fs::write(&dest, out).map_err(|e| format!("{}: {e}", dest.display()))
}
