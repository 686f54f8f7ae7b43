use super::*;

const LOADER: &str = "\nimport init, * as bindings from './app-1a2b.js';\nconst wasm = await init({ module_or_path: './app-1a2b_bg.wasm' });\n\nwindow.wasmBindings = bindings;\n";
const GLUE: &str = "let wasm;\nexport function greet() { return 1; }\nasync function __wbg_init(module_or_path) { return module_or_path; }\nexport { initSync, __wbg_init as default };\n";
const WASM: &[u8] = b"\0asm\x01\0\0\0";
const CSS: &str = "body { color: #111; }\n";

fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// An index.html as Trunk 0.21 writes it with `public_url = "./"`.
fn trunk_index(css_integrity: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>t</title>\n  \
         <link rel=\"icon\" href=\"data:,\">\n  \
         <link rel=\"stylesheet\" href=\"./screen-99.css\" integrity=\"{css_integrity}\"/>\n  \n\
         <script type=\"module\">{LOADER}</script>\n\
         <link rel=\"modulepreload\" href=\"./app-1a2b.js\" crossorigin=\"anonymous\" integrity=\"{}\">\
         <link rel=\"preload\" href=\"./app-1a2b_bg.wasm\" crossorigin=\"anonymous\" integrity=\"{}\" as=\"fetch\" type=\"application/wasm\"></head>\n\
         <body>\n  <noscript>JS</noscript>\n</body>\n</html>\n",
        sri(GLUE.as_bytes()),
        sri(WASM)
    )
}

/// The boot script's placeholder, as `index.html` has it before Trunk's loader.
const BOOT: &str = "<script data-sovcheck-boot></script>";

/// `trunk_index` with the boot script's placeholder: what `seal_dist` works on.
fn release_index(css_integrity: &str) -> String {
    trunk_index(css_integrity).replace(
        "<script type=\"module\">",
        &format!("{BOOT}\n<script type=\"module\">"),
    )
}

/// The packs and the boot script that `seal_dist` writes (the packs are reproducible).
fn expected_boot() -> String {
    let tmp = std::env::temp_dir().join(format!("sovcheck-release-{}-packs", std::process::id()));
    let served = packs::write_packs(&tmp).unwrap();
    fs::remove_dir_all(tmp).unwrap();
    packs::boot_script(&served).unwrap()
}

/// Trunk's loader once sealed: the wasm fetch carries the wasm's integrity hash.
fn sealed_loader(loader: &str, wasm_sri: &str) -> String {
    loader.replace(
        "module_or_path: './app-1a2b_bg.wasm'",
        &format!(
            "module_or_path: new Request('./app-1a2b_bg.wasm', {{ integrity: '{wasm_sri}' }})"
        ),
    )
}

/// A fresh directory holding a Trunk-like dist.
fn fixture(name: &str, index: &str, glue: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sovcheck-release-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join(".stage")).unwrap();
    fs::create_dir_all(dir.join("snippets/x")).unwrap();
    fs::write(dir.join(INDEX), index).unwrap();
    fs::write(dir.join("screen-99.css"), CSS).unwrap();
    fs::write(dir.join("app-1a2b.js"), glue).unwrap();
    fs::write(dir.join("app-1a2b_bg.wasm"), WASM).unwrap();
    fs::write(dir.join("snippets/x/a.js"), "export const a = 1;\n").unwrap();
    fs::write(dir.join(".stage/left-over"), "x").unwrap();
    dir
}

#[test]
fn sha256_hex_and_csp_hash_are_the_standard_ones() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert_eq!(
        csp_hash("alert(1)"),
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    );
}

#[test]
fn policies_are_exact() {
    let h = vec!["'sha256-A='".to_string()];
    assert_eq!(
        served_csp(&h, &[]),
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A='; style-src 'self'; \
         img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'"
    );
    assert_eq!(
        single_csp(&h, &["'sha256-B='".to_string(), "'sha256-C='".to_string()]),
        "default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-A='; style-src 'sha256-B=' 'sha256-C='; \
         img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'; \
         require-trusted-types-for 'script'; trusted-types 'none'"
    );
}

#[test]
fn seal_puts_the_policy_first_in_head_with_the_loader_hash() {
    let index = trunk_index(&sri(CSS.as_bytes()));
    let sealed = seal_index(&index).unwrap();
    let loader = sealed_loader(LOADER, &sri(WASM));
    assert_ne!(loader, LOADER);
    let expected = served_csp(&[csp_hash(&loader)], &[]);
    assert_eq!(sealed.csp, expected);
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{expected}\">");
    assert!(
        sealed
            .html
            .starts_with(&format!("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  {meta}\n  <title>")),
        "{}",
        sealed.html
    );
    // Everything else is untouched.
    assert_eq!(
        sealed.html.replace(&format!("\n  {meta}"), ""),
        index.replace(LOADER, &loader)
    );
    // Sealing again replaces the policy instead of adding a second one.
    let again = seal_index(&sealed.html).unwrap();
    assert_eq!(again, sealed);
    // A changed loader gets a new hash.
    let changed = seal_index(&index.replace("app-1a2b", "app-ffff")).unwrap();
    assert_ne!(changed.csp, sealed.csp);
    assert!(changed
        .csp
        .contains(&csp_hash(&loader.replace("app-1a2b", "app-ffff"))));
}

#[test]
fn inline_styles_are_hashed_too() {
    let index =
        trunk_index("sha384-x").replace("<title>t</title>", "<title>t</title><style>p{}</style>");
    let sealed = seal_index(&index).unwrap();
    assert!(sealed
        .csp
        .contains(&format!("style-src 'self' {};", csp_hash("p{}"))));
}

#[test]
fn seal_refuses_what_the_policy_would_block_or_what_comes_from_elsewhere() {
    let base = trunk_index("sha384-x");
    for (from, to, word) in [
        ("<noscript>", "<noscript onclick=\"x()\">", "onclick"),
        ("<noscript>", "<noscript style=\"color:red\">", "style"),
        (
            "href=\"data:,\"",
            "href=\"https://cdn.example/icon.png\"",
            "https://cdn.example/icon.png",
        ),
        (
            "href=\"data:,\"",
            "href=\"//cdn.example/icon.png\"",
            "//cdn.example/icon.png",
        ),
        (
            "href=\"data:,\"",
            "href=\"javascript:alert(1)\"",
            "javascript:alert(1)",
        ),
    ] {
        let bad = base.replacen(from, to, 1);
        assert_ne!(bad, base);
        let err = seal_index(&bad).unwrap_err().to_string();
        assert!(err.contains(word), "{err}");
    }
    assert_eq!(
        seal_index(&base.replace("<meta charset=\"utf-8\">", "")).unwrap_err(),
        Error("index.html has no <meta charset>".into())
    );
}

#[test]
fn the_wasm_fetch_gets_the_integrity_that_preloads_do_not_enforce() {
    let index = trunk_index("sha384-x");
    let sealed = wasm_fetch_with_integrity(&index).unwrap();
    assert_eq!(
        sealed,
        index.replace(LOADER, &sealed_loader(LOADER, &sri(WASM)))
    );
    assert_eq!(
        wasm_fetch_with_integrity(&sealed).unwrap(),
        sealed,
        "idempotent"
    );
    // Without the preload, or with a loader that is not Trunk's, nothing is guessed.
    let no_preload = index.replace("rel=\"preload\"", "rel=\"prefetch\"");
    assert!(wasm_fetch_with_integrity(&no_preload)
        .unwrap_err()
        .to_string()
        .contains("no wasm <link rel=preload>"));
    let other = index.replace(
        "{ module_or_path: './app-1a2b_bg.wasm' }",
        "'./app-1a2b_bg.wasm'",
    );
    assert_eq!(
        wasm_fetch_with_integrity(&other).unwrap_err().to_string(),
        "expected one inline loader of ./app-1a2b_bg.wasm (Trunk's), found 0"
    );
    let quote = index.replace(
        "app-1a2b_bg.wasm\" crossorigin",
        "app-1a2b_bg.wasm'\" crossorigin",
    );
    assert!(wasm_fetch_with_integrity(&quote)
        .unwrap_err()
        .to_string()
        .starts_with("unexpected wasm preload"));
}

#[test]
fn local_files_resolve_for_relative_absolute_and_sub_path_urls() {
    let dir = fixture("local", &trunk_index("sha384-x"), GLUE);
    for href in [
        "./app-1a2b.js",
        "/app-1a2b.js",
        "app-1a2b.js",
        "/tools/sovcheck/app-1a2b.js",
        "./app-1a2b.js?v=1",
    ] {
        assert_eq!(
            local_file(&dir, href).unwrap(),
            dir.join("app-1a2b.js"),
            "{href}"
        );
    }
    assert_eq!(
        local_file(&dir, "./snippets/x/a.js").unwrap(),
        dir.join("snippets/x/a.js")
    );
    for href in ["../etc/passwd", "./", "/missing.js"] {
        assert!(local_file(&dir, href).is_err(), "{href}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn checksums_list_every_file_in_sha256sum_format() {
    let dir = fixture("sums", &trunk_index("sha384-x"), GLUE);
    fs::write(dir.join(SUMS), "old").unwrap();
    let sums = checksums(&dir).unwrap();
    let expected: String = [
        ("app-1a2b.js", GLUE.as_bytes()),
        ("app-1a2b_bg.wasm", WASM),
        ("index.html", trunk_index("sha384-x").as_bytes()),
        ("screen-99.css", CSS.as_bytes()),
        ("snippets/x/a.js", b"export const a = 1;\n".as_slice()),
    ]
    .iter()
    .map(|(name, bytes)| format!("{}  {name}\n", sha256_hex(bytes)))
    .collect();
    assert_eq!(sums, expected);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn seal_dist_writes_the_policy_and_the_sums_and_checks_integrity() {
    let dir = fixture("dist", &release_index(&sri(CSS.as_bytes())), GLUE);
    let report = seal_dist(&dir).unwrap().unwrap();
    // Five files and a text pack per language, and a gzip and a brotli copy of those that
    // shrink (the page, the glue, the packs).
    let langs = sovcheck_core::Lang::COUNT;
    assert_eq!(report.files, 9 + 3 * langs);
    for copy in [
        "index.html.gz",
        "index.html.br",
        "app-1a2b.js.gz",
        "app-1a2b.js.br",
    ] {
        assert!(dir.join(copy).exists(), "{copy}");
    }
    let boot = expected_boot();
    assert_eq!(
        report.csp,
        served_csp(
            &[
                csp_hash(&boot),
                csp_hash(&sealed_loader(LOADER, &sri(WASM)))
            ],
            &[]
        )
    );
    // Each pack is where the boot script says, with the integrity it gives.
    for lang in sovcheck_core::Lang::ALL {
        let pack = sovcheck_text::pack(lang);
        let name = format!("{}-{}.txt", lang.tag(), &sha256_hex(pack.as_bytes())[..16]);
        assert_eq!(
            fs::read_to_string(dir.join("i18n").join(&name)).unwrap(),
            pack
        );
        assert!(boot.contains(&format!(
            "\"{}\":[\"./i18n/{name}\",\"{}\"]",
            lang.tag(),
            sri(pack.as_bytes())
        )));
    }
    let index = fs::read_to_string(dir.join(INDEX)).unwrap();
    assert!(index.contains(&report.csp));
    assert_eq!(
        fs::read_to_string(dir.join(SUMS)).unwrap(),
        checksums(&dir).unwrap()
    );
    assert!(fs::read_to_string(dir.join(SUMS))
        .unwrap()
        .contains(&format!("{}  index.html\n", sha256_hex(index.as_bytes()))));
    // Idempotent.
    assert_eq!(seal_dist(&dir).unwrap(), Some(report));
    assert_eq!(fs::read_to_string(dir.join(INDEX)).unwrap(), index);
    // A file that does not match its integrity hash fails the release.
    fs::write(dir.join("screen-99.css"), "body { color: red; }\n").unwrap();
    let err = seal_dist(&dir).unwrap_err().to_string();
    assert!(
        err.contains("screen-99.css does not match its integrity hash"),
        "{err}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_trunk_serve_build_is_left_as_it_is() {
    let index = trunk_index("sha384-x").replace(
        "</body>",
        "<script>const address = '{{__TRUNK_ADDRESS__}}';</script></body>",
    );
    let dir = fixture("serve", &index, GLUE);
    assert_eq!(seal_dist(&dir).unwrap(), None);
    assert_eq!(fs::read_to_string(dir.join(INDEX)).unwrap(), index);
    assert!(!dir.join(SUMS).exists());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn seal_dist_requires_integrity_on_every_loaded_file() {
    let index = release_index("x").replace(" integrity=\"x\"", "");
    let dir = fixture("nosri", &index, GLUE);
    let err = seal_dist(&dir).unwrap_err().to_string();
    assert!(
        err.contains("screen-99.css is loaded without a Subresource Integrity hash"),
        "{err}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn default_export_in_both_forms() {
    assert_eq!(default_export(GLUE).unwrap(), "__wbg_init");
    assert_eq!(
        default_export("function init() {}\nexport default init;\n").unwrap(),
        "init"
    );
    assert!(default_export("export function init() {}\n").is_err());
}

#[test]
fn single_file_inlines_everything_with_its_own_policy() {
    let dir = fixture("single", &release_index(&sri(CSS.as_bytes())), GLUE);
    seal_dist(&dir).unwrap();
    let single = single_file(&dir).unwrap();
    let script = single_script(GLUE, WASM).unwrap();
    assert!(script.starts_with(GLUE));
    assert!(script.contains(&format!("atob(\"{}\")", BASE64.encode(WASM))));
    assert!(script.contains("await __wbg_init({ module_or_path: bytes })"));
    let boot = packs::single_boot_script().unwrap();
    assert_eq!(
        single.csp,
        single_csp(&[csp_hash(&boot), csp_hash(&script)], &[csp_hash(CSS)])
    );
    let packs = packs::single_elements().unwrap();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        single.csp
    );
    assert_eq!(
        single.html,
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  {meta}\n  <title>t</title>\n  \
             <link rel=\"icon\" href=\"data:,\">\n  <style>{CSS}</style>\n  \n\
             {packs}<script data-sovcheck-boot>{boot}</script>\n\
             <script type=\"module\">{script}</script>\n</head>\n\
             <body>\n  <noscript>JS</noscript>\n</body>\n</html>\n"
        )
    );
    let out = dir.join("out");
    let (csp, size) = write_single(&dir, &out).unwrap();
    assert_eq!((csp, size), (single.csp, single.html.len()));
    assert_eq!(fs::read_to_string(out.join(SINGLE)).unwrap(), single.html);
    assert_eq!(
        fs::read_to_string(out.join(SUMS)).unwrap(),
        format!("{}  sovcheck.html\n", sha256_hex(single.html.as_bytes()))
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn single_file_refuses_what_it_cannot_inline() {
    let index = trunk_index(&sri(CSS.as_bytes()));
    for (glue, word) in [
        (
            format!("import {{ a }} from './snippets/x/a.js';\n{GLUE}"),
            "imports other modules",
        ),
        (
            format!("const s = '</script>';\n{GLUE}"),
            "cannot be inlined",
        ),
        (
            "export function init() {}\n".to_string(),
            "no default export",
        ),
    ] {
        let index = index.replace(&sri(GLUE.as_bytes()), &sri(glue.as_bytes()));
        let dir = fixture("single-bad", &index, &glue);
        let err = single_file(&dir).unwrap_err().to_string();
        assert!(err.contains(word), "{err}");
        fs::remove_dir_all(dir).unwrap();
    }
    // A loader that does not name the files it preloads is not Trunk's.
    let dir = fixture(
        "single-loader",
        &index.replace("'./app-1a2b_bg.wasm'", "'./other.wasm'"),
        GLUE,
    );
    assert!(single_file(&dir)
        .unwrap_err()
        .to_string()
        .contains("inline loader"));
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn precompressed_copies_decode_to_their_file_and_are_listed_in_the_sums() {
    use std::io::Read as _;
    let dir = fixture("precompress", &release_index(&sri(CSS.as_bytes())), GLUE);
    // A wasm large and repetitive enough to be worth compressing; tiny files are not.
    let wasm: Vec<u8> = (0..40_000u32)
        .map(|i| (i % 251) as u8 ^ (i / 997) as u8)
        .collect();
    fs::write(dir.join("app-1a2b_bg.wasm"), &wasm).unwrap();
    let index = release_index(&sri(CSS.as_bytes())).replace(&sri(WASM), &sri(&wasm));
    fs::write(dir.join(INDEX), &index).unwrap();
    let report = seal_dist(&dir).unwrap().unwrap();

    let gz = fs::read(dir.join("app-1a2b_bg.wasm.gz")).unwrap();
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, wasm);
    let br = fs::read(dir.join("app-1a2b_bg.wasm.br")).unwrap();
    let mut unbrotlied = Vec::new();
    brotli::Decompressor::new(&br[..], 4096)
        .read_to_end(&mut unbrotlied)
        .unwrap();
    assert_eq!(unbrotlied, wasm);
    assert!(br.len() < gz.len() && gz.len() < wasm.len() / 2);

    // The sealed page is compressed as sealed (its copy decodes to the final index.html).
    let page = fs::read(dir.join(INDEX)).unwrap();
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&fs::read(dir.join("index.html.gz")).unwrap()[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, page);
    // Files that would not shrink get no copy; nothing else is compressed.
    assert!(!dir.join("snippets/x/a.js.gz").exists());
    assert!(!dir.join("SHA256SUMS.gz").exists());
    assert!(!dir.join("app-1a2b_bg.wasm.gz.gz").exists());

    // Every copy is in SHA256SUMS, and a second run writes the same bytes.
    let sums = fs::read_to_string(dir.join(SUMS)).unwrap();
    for name in [
        "app-1a2b_bg.wasm.gz",
        "app-1a2b_bg.wasm.br",
        "index.html.gz",
        "index.html.br",
    ] {
        assert!(
            sums.contains(&format!("  {name}\n")),
            "{name} missing from {sums}"
        );
    }
    assert_eq!(report.files, sums.lines().count());
    assert_eq!(seal_dist(&dir).unwrap(), Some(report));
    assert_eq!(fs::read_to_string(dir.join(SUMS)).unwrap(), sums);
    fs::remove_dir_all(dir).unwrap();
}
