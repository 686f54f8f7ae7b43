//! Passphrase-protected assessment files, for sending by email: the exchange document,
//! encrypted with AES-256-GCM under a key derived from the passphrase with PBKDF2-HMAC-
//! SHA-256 (600,000 iterations, 16-byte random salt, 12-byte random IV), all through the
//! browser's WebCrypto. The envelope is JSON (docs/FORMAT.md, "Encrypted files"); GCM's tag
//! makes a wrong passphrase and a tampered file fail the same way, before anything is read.

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The envelope's marker and version.
pub const ENVELOPE_VERSION: u32 = 1;
/// PBKDF2 iterations (OWASP's 2023 figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// The shortest passphrase accepted when encrypting.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// Key derivation parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Kdf {
    pub name: String,
    pub hash: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

/// Cipher parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Cipher {
    pub name: String,
    /// Base64.
    pub iv: String,
}

/// An encrypted sovcheck file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Envelope {
    pub sovcheck_encrypted: u32,
    pub kdf: Kdf,
    pub cipher: Cipher,
    /// Base64 of the ciphertext with its 16-byte tag.
    pub data: String,
}

/// Why decryption or encryption failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// Wrong passphrase, or the file was altered (GCM cannot tell which).
    WrongPassphraseOrTampered,
    /// The envelope is not one this version reads.
    Unsupported,
    /// WebCrypto is missing: the page is not in a secure context (plain http on a network).
    Unavailable,
}

impl CryptoError {
    /// The error in words.
    pub fn message(self, t: &sovcheck_text::Catalog) -> &'static str {
        match self {
            Self::WrongPassphraseOrTampered => t.errors.crypto_wrong_passphrase,
            Self::Unsupported => t.errors.crypto_unsupported,
            Self::Unavailable => t.errors.crypto_unavailable,
        }
    }
}

/// Reads an envelope, if `bytes` is one (`None`: not an encrypted file, parse it as usual).
pub fn parse_envelope(bytes: &[u8]) -> Option<Result<Envelope, CryptoError>> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    v.get("sovcheckEncrypted")?;
    let env: Envelope = match serde_json::from_value(v) {
        Ok(e) => e,
        Err(_) => return Some(Err(CryptoError::Unsupported)),
    };
    let ok = env.sovcheck_encrypted == ENVELOPE_VERSION
        && env.kdf.name == "PBKDF2"
        && env.kdf.hash == "SHA-256"
        && (100_000..=10_000_000).contains(&env.kdf.iterations)
        && env.cipher.name == "AES-GCM";
    Some(if ok {
        Ok(env)
    } else {
        Err(CryptoError::Unsupported)
    })
}

fn b64(bytes: &[u8]) -> String {
    let bin: String = bytes.iter().map(|&b| char::from(b)).collect();
    web_sys::window()
        .and_then(|w| w.btoa(&bin).ok())
        .unwrap_or_default()
}

fn unb64(s: &str) -> Option<Vec<u8>> {
    let bin = web_sys::window()?.atob(s).ok()?;
    bin.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect()
}

fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    // `subtle` is undefined outside secure contexts.
    let s = Reflect::get(&crypto, &"subtle".into()).map_err(|_| CryptoError::Unavailable)?;
    if s.is_undefined() {
        return Err(CryptoError::Unavailable);
    }
    Ok(crypto.subtle())
}

fn obj(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

async fn derive(
    subtle: &web_sys::SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<web_sys::CryptoKey, JsValue> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?;
    let params = obj(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let aes = obj(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base.dyn_into()?,
        &aes,
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    )?)
    .await?;
    key.dyn_into()
}

/// Encrypts `plain` under `passphrase`; returns the envelope as pretty JSON.
pub async fn encrypt(plain: &str, passphrase: &str) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?;
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 12];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| CryptoError::Unavailable)?;
    crypto
        .get_random_values_with_u8_array(&mut iv)
        .map_err(|_| CryptoError::Unavailable)?;
    let run = async {
        let key = derive(&subtle, passphrase, &salt, ITERATIONS).await?;
        let params = obj(&[
            ("name", "AES-GCM".into()),
            ("iv", Uint8Array::from(&iv[..]).into()),
        ]);
        let data = Uint8Array::from(plain.as_bytes());
        let out =
            JsFuture::from(subtle.encrypt_with_object_and_buffer_source(&params, &key, &data)?)
                .await?;
        Ok::<Vec<u8>, JsValue>(Uint8Array::new(&out).to_vec())
    };
    let cipher = run.await.map_err(|_| CryptoError::Unavailable)?;
    let env = Envelope {
        sovcheck_encrypted: ENVELOPE_VERSION,
        kdf: Kdf {
            name: "PBKDF2".into(),
            hash: "SHA-256".into(),
            iterations: ITERATIONS,
            salt: b64(&salt),
        },
        cipher: Cipher {
            name: "AES-GCM".into(),
            iv: b64(&iv),
        },
        data: b64(&cipher),
    };
    let mut s = serde_json::to_string_pretty(&env).map_err(|_| CryptoError::Unsupported)?;
    s.push('\n');
    Ok(s)
}

/// Decrypts an envelope with `passphrase`; the plaintext is an exchange document.
pub async fn decrypt(env: &Envelope, passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let (Some(salt), Some(iv), Some(data)) = (
        unb64(&env.kdf.salt),
        unb64(&env.cipher.iv),
        unb64(&env.data),
    ) else {
        return Err(CryptoError::WrongPassphraseOrTampered);
    };
    let key = derive(&subtle, passphrase, &salt, env.kdf.iterations)
        .await
        .map_err(|_| CryptoError::Unavailable)?;
    let params = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ]);
    let data = Uint8Array::from(&data[..]);
    let promise = subtle
        .decrypt_with_object_and_buffer_source(&params, &key, &data)
        .map_err(|_| CryptoError::WrongPassphraseOrTampered)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::WrongPassphraseOrTampered)?;
    Ok(Uint8Array::new(&out).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_envelopes_are_recognised() {
        assert_eq!(parse_envelope(br#"{"formatVersion": 1}"#), None);
        assert_eq!(parse_envelope(b"not json"), None);
        assert_eq!(
            parse_envelope(br#"{"sovcheckEncrypted": 2}"#),
            Some(Err(CryptoError::Unsupported))
        );
        let good = br#"{"sovcheckEncrypted": 1, "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "AA=="}, "cipher": {"name": "AES-GCM", "iv": "AA=="}, "data": "AA=="}"#;
        assert!(matches!(parse_envelope(good), Some(Ok(_))));
        let weak = br#"{"sovcheckEncrypted": 1, "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 1000, "salt": "AA=="}, "cipher": {"name": "AES-GCM", "iv": "AA=="}, "data": "AA=="}"#;
        assert_eq!(parse_envelope(weak), Some(Err(CryptoError::Unsupported)));
    }
}
