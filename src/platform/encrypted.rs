//! Passphrase-protected files, for sending by email: the WebCrypto half of the encrypted
//! envelope. The envelope's format, reading and checks are the core's
//! ([`sovcheck_core::envelope`], shared with the command line); this module only derives the
//! key (PBKDF2-HMAC-SHA-256) and runs AES-256-GCM in the browser's `crypto.subtle`, with
//! random salt and IV from `crypto.getRandomValues`. GCM's tag makes a wrong passphrase and a
//! tampered file fail the same way, before anything is read.

use js_sys::{Array, Object, Reflect, Uint8Array};
use sovcheck_core::envelope::{self, EnvelopeError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub use sovcheck_core::envelope::{Envelope, MIN_PASSPHRASE_CHARS};

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
    envelope::parse(bytes).map(|r| {
        r.map_err(|e| match e {
            EnvelopeError::Unsupported => CryptoError::Unsupported,
            EnvelopeError::Damaged => CryptoError::WrongPassphraseOrTampered,
        })
    })
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
    let mut salt = [0u8; envelope::SALT_BYTES];
    let mut iv = [0u8; envelope::IV_BYTES];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| CryptoError::Unavailable)?;
    crypto
        .get_random_values_with_u8_array(&mut iv)
        .map_err(|_| CryptoError::Unavailable)?;
    let run = async {
        let key = derive(&subtle, passphrase, &salt, envelope::ITERATIONS).await?;
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
    let data = run.await.map_err(|_| CryptoError::Unavailable)?;
    Ok(Envelope {
        iterations: envelope::ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        data,
    }
    .to_json())
}

/// Decrypts an envelope with `passphrase`; the plaintext is an exchange document.
pub async fn decrypt(env: &Envelope, passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    let key = derive(&subtle, passphrase, &env.salt, env.iterations)
        .await
        .map_err(|_| CryptoError::Unavailable)?;
    let params = obj(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&env.iv[..]).into()),
    ]);
    let data = Uint8Array::from(&env.data[..]);
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
    fn the_core_envelope_errors_map_to_what_the_user_is_told() {
        assert_eq!(parse_envelope(br#"{"formatVersion": 1}"#), None);
        assert_eq!(
            parse_envelope(br#"{"sovcheckEncrypted": 2}"#),
            Some(Err(CryptoError::Unsupported))
        );
        let damaged = br#"{"sovcheckEncrypted": 1, "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "AA=="}, "cipher": {"name": "AES-GCM", "iv": "AA=="}, "data": "AA=="}"#;
        assert_eq!(
            parse_envelope(damaged),
            Some(Err(CryptoError::WrongPassphraseOrTampered))
        );
    }
}
