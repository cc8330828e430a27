//! Application-level encryption of special-category fields (R29).
//!
//! Each participant has a random 256-bit data key, stored only wrapped (XChaCha20-Poly1305) by
//! the master key from configuration. Field ciphertexts bind table, column, row id and row
//! version as associated data, so swapping ciphertexts between rows or versions fails to
//! decrypt. Destroying a participant's wrapped data key makes that participant's encrypted
//! fields unreadable (crypto-erasure).

use crate::error::{Result, ServiceError};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use std::fmt;

const NONCE_LEN: usize = 24;
const FORMAT_V1: u8 = 1;

/// A 256-bit key. Never printed.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

impl Key {
    pub fn random() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        Key(k)
    }

    pub fn from_bytes(b: [u8; 32]) -> Self {
        Key(b)
    }

    /// Parses 64 hexadecimal digits.
    pub fn from_hex(s: &str) -> Result<Self> {
        let bytes = hex_decode(s.trim()).ok_or(ServiceError::Config(
            "a key must be 64 hexadecimal digits".into(),
        ))?;
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| ServiceError::Config("a key must be 64 hexadecimal digits".into()))?;
        Ok(Key(arr))
    }

    pub fn to_hex(&self) -> String {
        hex_encode(&self.0)
    }

    /// HMAC-SHA256 under this key.
    /// A subkey for one purpose (HMAC-SHA-256 of the label), so one key never serves two.
    pub fn derive(&self, label: &[u8]) -> Key {
        Key(self.mac(&[label]))
    }

    pub fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut m =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC accepts any key length");
        for p in parts {
            m.update(p);
        }
        m.finalize().into_bytes().into()
    }

    /// Encrypts `plain`, binding `aad`. Output: version byte ‖ nonce ‖ ciphertext+tag.
    pub fn seal(&self, plain: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ct = cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
            .map_err(|_| ServiceError::Crypto("encryption failed"))?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + ct.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        Ok(out)
    }

    pub fn open(&self, sealed: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
        if sealed.len() < 1 + NONCE_LEN + 16 || sealed[0] != FORMAT_V1 {
            return Err(ServiceError::Crypto("ciphertext is malformed"));
        }
        let cipher = XChaCha20Poly1305::new((&self.0).into());
        cipher
            .decrypt(
                XNonce::from_slice(&sealed[1..1 + NONCE_LEN]),
                Payload {
                    msg: &sealed[1 + NONCE_LEN..],
                    aad,
                },
            )
            .map_err(|_| ServiceError::Crypto("decryption failed: wrong key or tampered data"))
    }
}

/// The keys the service needs, loaded from configuration at start.
#[derive(Debug, Clone)]
pub struct Keys {
    /// Wraps per-participant data keys.
    pub master: Key,
    /// Keys the audit chain's HMAC (R36); lives outside the database.
    pub audit: Key,
    /// Keys the lookup hash of personal identity codes (so equal codes can be found without
    /// storing them in clear).
    pub lookup: Key,
}

impl Keys {
    pub fn random() -> Self {
        Keys {
            master: Key::random(),
            audit: Key::random(),
            lookup: Key::random(),
        }
    }

    /// Values stored in the database at first start (master, audit, lookup); a different key
    /// is refused later. They reveal nothing about the keys.
    pub fn check_values(&self) -> [String; 3] {
        [
            hex_encode(&self.master.mac(&[b"polku master key check v1"])),
            hex_encode(&self.audit.mac(&[b"polku audit key check v1"])),
            hex_encode(&self.lookup.mac(&[b"polku lookup key check v1"])),
        ]
    }

    pub fn wrap_data_key(&self, dek: &Key, participant: &uuid::Uuid) -> Result<Vec<u8>> {
        self.master.seal(
            &dek.0,
            &aad("participant_keys", "wrapped_key", participant, 0),
        )
    }

    pub fn unwrap_data_key(&self, wrapped: &[u8], participant: &uuid::Uuid) -> Result<Key> {
        let plain = self.master.open(
            wrapped,
            &aad("participant_keys", "wrapped_key", participant, 0),
        )?;
        let arr: [u8; 32] = plain
            .try_into()
            .map_err(|_| ServiceError::Crypto("data key has the wrong length"))?;
        Ok(Key(arr))
    }
}

/// Associated data binding a ciphertext to its place: table, column, row id and row version.
pub fn aad(table: &str, column: &str, row: &uuid::Uuid, version: i64) -> Vec<u8> {
    format!("polku:v1:{table}:{column}:{row}:{version}").into_bytes()
}

pub fn hex_encode(b: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push(HEX[(x >> 4) as usize] as char);
        s.push(HEX[(x & 15) as usize] as char);
    }
    s
}

pub fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_and_binding() {
        let k = Key::random();
        let id = uuid::Uuid::new_v4();
        let ct = k
            .seal(
                b"canary-health-text",
                &aad("participants", "sensitive", &id, 1),
            )
            .unwrap();
        assert!(!ct.windows(6).any(|w| w == b"canary"));
        assert_eq!(
            k.open(&ct, &aad("participants", "sensitive", &id, 1))
                .unwrap(),
            b"canary-health-text"
        );
        assert!(k
            .open(&ct, &aad("participants", "sensitive", &id, 2))
            .is_err());
        assert!(k
            .open(
                &ct,
                &aad("participants", "sensitive", &uuid::Uuid::new_v4(), 1)
            )
            .is_err());
        assert!(Key::random()
            .open(&ct, &aad("participants", "sensitive", &id, 1))
            .is_err());
    }

    #[test]
    fn wrap_and_hex() {
        let keys = Keys::random();
        let dek = Key::random();
        let id = uuid::Uuid::new_v4();
        let w = keys.wrap_data_key(&dek, &id).unwrap();
        assert_eq!(keys.unwrap_data_key(&w, &id).unwrap().0, dek.0);
        assert!(keys.unwrap_data_key(&w, &uuid::Uuid::new_v4()).is_err());
        assert_eq!(Key::from_hex(&dek.to_hex()).unwrap().0, dek.0);
        assert!(Key::from_hex("abc").is_err());
        assert!(Key::from_hex(&"zz".repeat(32)).is_err());
        assert_eq!(format!("{dek:?}"), "Key(<redacted>)");
    }
}
