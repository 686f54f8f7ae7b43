//! `sovcheck-release seal [DIST]`: the release step after `trunk build` (CSP meta with the
//! loader's hash, integrity checks, `SHA256SUMS`). Without DIST it works on
//! `$TRUNK_STAGING_DIR`: that is how Trunk's post-build hook (Trunk.toml) runs it.
//! `sovcheck-release single DIST OUT`: writes `OUT/sovcheck.html`, the self-contained file,
//! and `OUT/SHA256SUMS`.
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: sovcheck-release seal [DIST] | sovcheck-release single DIST OUT";

fn seal(dist: &str) -> Result<(), sovcheck_release::Error> {
    let Some(r) = sovcheck_release::seal_dist(Path::new(dist))? else {
        println!(
            "sovcheck-release: {dist} is a `trunk serve` build (autoreload script): left without \
             its Content-Security-Policy; `trunk build` and ./x build the sealed release"
        );
        return Ok(());
    };
    println!(
        "sovcheck-release: {dist}/index.html sealed; {} files in {dist}/SHA256SUMS",
        r.files
    );
    println!("  Content-Security-Policy: {}", r.csp);
    Ok(())
}

fn single(dist: &str, out: &str) -> Result<(), sovcheck_release::Error> {
    let (csp, size) = sovcheck_release::write_single(Path::new(dist), Path::new(out))?;
    println!("sovcheck-release: {out}/sovcheck.html written ({size} bytes), and {out}/SHA256SUMS");
    println!("  Content-Security-Policy: {csp}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let staging = std::env::var("TRUNK_STAGING_DIR").ok();
    let outcome = match (args.as_slice(), staging) {
        ([cmd], Some(dist)) if cmd == "seal" => seal(&dist),
        ([cmd, dist], _) if cmd == "seal" => seal(dist),
        ([cmd, dist, out], _) if cmd == "single" => single(dist, out),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sovcheck-release: {e}");
            ExitCode::FAILURE
        }
    }
}
