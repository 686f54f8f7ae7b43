//! The encrypted-file envelope (`docs/FORMAT.md`, "Encrypted files"): its format, reading
//! and checks, shared by the browser app and the command line. The cryptography itself is
//! the shell's: the app runs it in the browser's WebCrypto, the CLI with native crates; the
//! core only says which parameters a file uses and whether this version reads them, so
//! both read exactly the same files.
//!
//! ```json
//! {"sovcheckEncrypted": 1,
//!  "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64>"},
//!  "cipher": {"name": "AES-GCM", "iv": "<base64>"},
//!  "data": "<base64: ciphertext and 16-byte tag>"}
//! ```

use serde::{Deserialize, Serialize};

/// The envelope's marker and version.
pub const ENVELOPE_VERSION: u32 = 1;
/// PBKDF2 iterations written (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// The fewest iterations a reader accepts.
pub const MIN_ITERATIONS: u32 = 100_000;
/// The most iterations a reader accepts (more would freeze the reader for minutes).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The shortest passphrase accepted when encrypting.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// Bytes of salt.
pub const SALT_BYTES: usize = 16;
/// Bytes of AES-GCM initialisation vector.
pub const IV_BYTES: usize = 12;
/// Bytes of the GCM tag at the end of `data`.
pub const TAG_BYTES: usize = 16;
/// The key derivation function's name.
pub const KDF_NAME: &str = "PBKDF2";
/// Its hash.
pub const KDF_HASH: &str = "SHA-256";
/// The cipher's name.
pub const CIPHER_NAME: &str = "AES-GCM";

/// Key derivation parameters, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

/// Cipher parameters, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Cipher {
    name: String,
    iv: String,
}

/// The envelope, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wire {
    sovcheck_encrypted: u32,
    kdf: Kdf,
    cipher: Cipher,
    data: String,
}

/// An encrypted file this version reads: the parameters and bytes, decoded and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// PBKDF2-HMAC-SHA-256 iterations.
    pub iterations: u32,
    /// The salt ([`SALT_BYTES`] bytes).
    pub salt: Vec<u8>,
    /// The AES-GCM IV ([`IV_BYTES`] bytes).
    pub iv: Vec<u8>,
    /// The ciphertext followed by the GCM tag.
    pub data: Vec<u8>,
}

/// Why an encrypted file cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Another version, algorithm or iteration count than this version reads.
    Unsupported,
    /// The envelope's values are not what they claim (bad base64, wrong lengths): it was
    /// altered, which the user hears as "wrong passphrase, or altered file".
    Damaged,
}

/// Why a passphrase is refused for encrypting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseError {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    TooShort,
    /// The repeated passphrase differs.
    Mismatch,
}

/// Checks a passphrase chosen for encrypting, and its repetition.
pub fn check_passphrase(passphrase: &str, repeated: &str) -> Result<(), PassphraseError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(PassphraseError::TooShort)
    } else if passphrase != repeated {
        Err(PassphraseError::Mismatch)
    } else {
        Ok(())
    }
}

/// Reads an envelope, if `bytes` is one: `None` when it is not an encrypted file (read it
/// as an exchange document), else the envelope or why this version does not read it.
pub fn parse(bytes: &[u8]) -> Option<Result<Envelope, EnvelopeError>> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    v.get("sovcheckEncrypted")?;
    Some(read(v))
}

fn read(v: serde_json::Value) -> Result<Envelope, EnvelopeError> {
    let w: Wire = serde_json::from_value(v).map_err(|_| EnvelopeError::Unsupported)?;
    let supported = w.sovcheck_encrypted == ENVELOPE_VERSION
        && w.kdf.name == KDF_NAME
        && w.kdf.hash == KDF_HASH
        && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&w.kdf.iterations)
        && w.cipher.name == CIPHER_NAME;
    if !supported {
        return Err(EnvelopeError::Unsupported);
    }
    let (Some(salt), Some(iv), Some(data)) = (
        base64_decode(&w.kdf.salt),
        base64_decode(&w.cipher.iv),
        base64_decode(&w.data),
    ) else {
        return Err(EnvelopeError::Damaged);
    };
    if salt.len() != SALT_BYTES || iv.len() != IV_BYTES || data.len() < TAG_BYTES {
        return Err(EnvelopeError::Damaged);
    }
    Ok(Envelope {
        iterations: w.kdf.iterations,
        salt,
        iv,
        data,
    })
}

impl Envelope {
    /// The envelope's JSON text (two-space indented, final newline), as written.
    pub fn to_json(&self) -> String {
        let w = Wire {
            sovcheck_encrypted: ENVELOPE_VERSION,
            kdf: Kdf {
                name: KDF_NAME.to_owned(),
                hash: KDF_HASH.to_owned(),
                iterations: self.iterations,
                salt: base64_encode(&self.salt),
            },
            cipher: Cipher {
                name: CIPHER_NAME.to_owned(),
                iv: base64_encode(&self.iv),
            },
            data: base64_encode(&self.data),
        };
        // Plain structs and strings always serialize.
        let mut s = serde_json::to_string_pretty(&w).unwrap_or_default();
        s.push('\n');
        s
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648, section 4).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    let char_at = |i: u32| char::from(ALPHABET.get((i & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(char_at(n >> 18));
        out.push(char_at(n >> 12));
        out.push(if chunk.len() > 1 {
            char_at(n >> 6)
        } else {
            '='
        });
        out.push(if chunk.len() > 2 { char_at(n) } else { '=' });
    }
    out
}

/// Decodes standard base64 with padding; `None` on anything else (other characters, a
/// length that is not a multiple of four, misplaced padding).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|p| p as u32);
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (i, quad) in bytes.chunks(4).enumerate() {
        let last = i + 1 == quads;
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (j, &c) in quad.iter().enumerate() {
            let v = if j >= 4 - pad { 0 } else { value(c)? };
            n = (n << 6) | v;
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        out.push(b0);
        if pad < 2 {
            out.push(b1);
        }
        if pad < 1 {
            out.push(b2);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wire(iterations: u32, salt: &str, iv: &str, data: &str) -> String {
        format!(
            r#"{{"sovcheckEncrypted": 1, "kdf": {{"name": "PBKDF2", "hash": "SHA-256", "iterations": {iterations}, "salt": "{salt}"}}, "cipher": {{"name": "AES-GCM", "iv": "{iv}"}}, "data": "{data}"}}"#
        )
    }

    const SALT: &str = "AAECAwQFBgcICQoLDA0ODw==";
    const IV: &str = "AAECAwQFBgcICQoL";
    const DATA: &str = "AAECAwQFBgcICQoLDA0ODxA=";

    #[test]
    fn only_envelopes_are_recognised() {
        assert_eq!(parse(br#"{"formatVersion": 1}"#), None);
        assert_eq!(parse(b"not json"), None);
        assert_eq!(
            parse(br#"{"sovcheckEncrypted": 2}"#),
            Some(Err(EnvelopeError::Unsupported))
        );
        let good = parse(wire(600_000, SALT, IV, DATA).as_bytes());
        let Some(Ok(env)) = good else {
            panic!("{good:?}")
        };
        assert_eq!(env.salt, (0..16).collect::<Vec<u8>>());
        assert_eq!(env.iv, (0..12).collect::<Vec<u8>>());
        assert_eq!(env.data.len(), 17);
        assert_eq!(parse(env.to_json().as_bytes()), Some(Ok(env)));
    }

    #[test]
    fn parameters_outside_what_this_version_reads_are_refused() {
        let cases = [
            (wire(1_000, SALT, IV, DATA), EnvelopeError::Unsupported),
            (wire(10_000_001, SALT, IV, DATA), EnvelopeError::Unsupported),
            (wire(600_000, "AAEC", IV, DATA), EnvelopeError::Damaged),
            (
                wire(600_000, SALT, "not base64!", DATA),
                EnvelopeError::Damaged,
            ),
            (wire(600_000, SALT, IV, "AAEC"), EnvelopeError::Damaged),
            (
                wire(600_000, SALT, IV, DATA).replace("AES-GCM", "AES-CBC"),
                EnvelopeError::Unsupported,
            ),
            (
                wire(600_000, SALT, IV, DATA).replace("\"data\"", "\"extra\": 1, \"data\""),
                EnvelopeError::Unsupported,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text.as_bytes()), Some(Err(want)), "{text}");
        }
        assert_eq!(
            parse(wire(100_000, SALT, IV, DATA).as_bytes()).map(|r| r.is_ok()),
            Some(true)
        );
        assert_eq!(
            parse(wire(10_000_000, SALT, IV, DATA).as_bytes()).map(|r| r.is_ok()),
            Some(true)
        );
    }

    #[test]
    fn base64_round_trips_and_refuses_what_is_not_base64() {
        let cases: [(&[u8], &str); 5] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob\xff", "Zm9vYv8="),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64_encode(plain), coded);
            assert_eq!(base64_decode(coded).as_deref(), Some(plain));
        }
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "Zm 9"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)), Some(all));
    }

    #[test]
    fn passphrases_need_ten_characters_typed_twice_alike() {
        assert_eq!(
            check_passphrase("short", "short"),
            Err(PassphraseError::TooShort)
        );
        assert_eq!(
            check_passphrase("ééééééééé", "ééééééééé"),
            Err(PassphraseError::TooShort)
        );
        assert_eq!(
            check_passphrase("long enough", "long enougH"),
            Err(PassphraseError::Mismatch)
        );
        assert_eq!(check_passphrase("long enough", "long enough"), Ok(()));
    }
}
