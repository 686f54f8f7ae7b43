//! What the bounded-time mutation tests (`fuzz.rs`, `error_paths.rs`) share.

use proptest::test_runner::{RngAlgorithm, TestRng};
use std::time::{Duration, Instant};

/// The run's deadline and random source: `SOVCHECK_FUZZ_SECONDS` long (else
/// `default_seconds`), seeded from `SOVCHECK_FUZZ_SEED` (else the clock). The seed is
/// printed, and returned, so that a failing run can be replayed.
pub fn budget(name: &str, default_seconds: u64) -> (Instant, TestRng, u64) {
    let seconds: u64 = std::env::var("SOVCHECK_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default_seconds);
    let seed: u64 = std::env::var("SOVCHECK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
    println!("{name}: seed {seed}, {seconds} s (SOVCHECK_FUZZ_SEED={seed} to replay)");
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    (
        Instant::now() + Duration::from_secs(seconds),
        TestRng::from_seed(RngAlgorithm::ChaCha, &key),
        seed,
    )
}

/// Pieces that JSON parsers and our validators find interesting, spliced into real exports.
pub const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e309",
    "18446744073709551616",
    "\"formatVersion\"",
    "\"assessment\"",
    "\"assessments\"",
    "\"answers\"",
    "\"SOV-1.1\"",
    "\"rung\"",
    "\"unknown\"",
    "\"overrides\"",
    "\"justification\"",
    "\"serviceModels\"",
    "\"dueDiligence\"",
    "\"q1\"",
    "\"actionPlan\"",
    "\"log\"",
    "\"event\"",
    "\"subject\"",
    "\"kept\"",
    "\"provenance\"",
    "\"received\"",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\u{feff}",
    "\u{202e}",
    "\"2026-02-30\"",
    "999",
];
