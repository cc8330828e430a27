//! The TOTP second factor (R3, RFC 6238): 30-second steps, six digits, a window of ±1 step,
//! each code usable once (the last accepted step is stored), 160-bit secrets from the OS
//! generator, sealed at rest; ten single-use recovery codes stored as keyed hashes.
//!
//! The HMAC inside TOTP is HMAC-SHA-1, the RFC's default and the only algorithm every
//! authenticator app supports. HMAC-SHA-1 is not affected by SHA-1 collision attacks; no other
//! use of SHA-1 exists in Polku (`docs/SECURITY.md`).

use crate::audit::AuditEvent;
use crate::auth::SessionToken;
use crate::crypto::{hex_encode, Key};
use crate::store::SessionStage;
use crate::users::hash_token;
use crate::{Actor, Result, Service, ServiceError};
use hmac::{Hmac, Mac};
use polku_domain::UserId;
use rand::RngCore;
use time::OffsetDateTime;

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
pub const RECOVERY_CODES: usize = 10;
/// Bytes of secret: 160 bits, as RFC 4226 recommends.
pub(crate) const SECRET_BYTES: usize = 20;

/// The code for `secret` at time step `step` (RFC 6238 with HMAC-SHA-1).
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let Ok(mut mac) = <Hmac<sha1::Sha1> as Mac>::new_from_slice(secret) else {
        return u32::MAX;
    };
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let off = (h[h.len() - 1] & 0x0f) as usize;
    let bin = (u32::from(h[off]) & 0x7f) << 24
        | u32::from(h[off + 1]) << 16
        | u32::from(h[off + 2]) << 8
        | u32::from(h[off + 3]);
    bin % 10u32.pow(DIGITS)
}

/// The time step of an instant.
pub fn step_of(t: OffsetDateTime) -> i64 {
    t.unix_timestamp().div_euclid(STEP_SECONDS)
}

/// The step within ±1 of `now` whose code is `code`, if any (latest first is not needed:
/// at most one step matches a six-digit code in practice, and the earliest is returned).
pub fn matching_step(secret: &[u8], code: &str, now: OffsetDateTime) -> Option<i64> {
    let code = code.trim().replace(' ', "");
    if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let want: u32 = code.parse().ok()?;
    let now = step_of(now);
    (now - 1..=now + 1).find(|s| code_at(secret, *s) == want)
}

/// Ten fresh recovery codes (`xxxxx-xxxxx`, 50 bits each).
pub(crate) fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut raw = [0u8; 8];
            rand::rngs::OsRng.fill_bytes(&mut raw);
            let s = base32(&raw).to_lowercase();
            format!("{}-{}", &s[..5], &s[5..10])
        })
        .collect()
}

/// RFC 4648 base32 without padding (how authenticator apps take secrets).
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buf, mut bits) = (0u32, 0u32);
    for b in bytes {
        buf = (buf << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buf >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buf << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// What the user needs to set up an authenticator app.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// The secret in base32, for typing in.
    pub secret_base32: String,
    /// `otpauth://totp/…` for apps that take a link.
    pub uri: String,
}

pub(crate) fn secret_key(svc: &Service) -> Key {
    // TOTP secrets are sealed under a subkey of the lookup key, which is never rotated, so a
    // master-key rotation does not have to touch them.
    svc.keys().lookup.derive(b"polku totp secret key v1")
}

pub(crate) fn aad(user: UserId) -> Vec<u8> {
    crate::crypto::aad("user_totp", "secret_sealed", &user.0, 0)
}

pub(crate) fn recovery_hash(svc: &Service, user: UserId, code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    hex_encode(&svc.keys().lookup.mac(&[
        b"polku recovery code v1",
        user.0.as_bytes(),
        norm.as_bytes(),
    ]))
}

impl Service {
    /// The user of a session that is waiting for a factor, with its stage, if the session is
    /// pending and unexpired.
    pub async fn pending_sign_in(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<(UserId, SessionStage)> {
        let s = self
            .store()
            .session(&hash_token(token))
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if s.stage == SessionStage::Full || now >= s.expires_at {
            return Err(ServiceError::Unauthenticated);
        }
        Ok((s.user_id, s.stage))
    }

    /// Starts setting up TOTP for the user of a pending `enrol` session, or for a signed-in
    /// user who has none yet. A fresh secret replaces an unconfirmed one.
    pub async fn begin_totp_enrolment(&self, user: UserId) -> Result<Enrolment> {
        let account = self
            .store()
            .get_user(user)
            .await?
            .ok_or(ServiceError::Unauthenticated)?
            .email;
        let account = account.as_str();
        let mut secret = [0u8; SECRET_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let sealed = secret_key(self).seal(&secret, &aad(user))?;
        let audit = AuditEvent::new(
            &Actor::user(user, Vec::new()),
            "user",
            Some(user.to_string()),
            "totp_begin",
            "administration",
        )?;
        if !self.store().begin_totp(user, &sealed, &audit).await? {
            return Err(ServiceError::Forbidden);
        }
        Ok(enrolment(account, &secret))
    }
}

/// The base32 secret and the `otpauth://` link for an account's secret.
pub(crate) fn enrolment(account: &str, secret: &[u8]) -> Enrolment {
    let secret_base32 = base32(secret);
    let label: String = account
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "@.-_".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let uri = format!(
        "otpauth://totp/Polku:{label}?secret={secret_base32}&issuer=Polku&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}"
    );
    Enrolment { secret_base32, uri }
}

impl Service {
    /// The set-up under way (an unconfirmed secret) of a user, to show again without making a
    /// new one: reading it changes nothing (D22). `None` when there is none.
    pub async fn pending_enrolment(&self, user: UserId) -> Result<Option<Enrolment>> {
        let Some(rec) = self.store().totp(user).await? else {
            return Ok(None);
        };
        if rec.confirmed {
            return Ok(None);
        }
        let account = self
            .store()
            .get_user(user)
            .await?
            .ok_or(ServiceError::Unauthenticated)?
            .email;
        let secret = secret_key(self).open(&rec.secret_sealed, &aad(user))?;
        Ok(Some(enrolment(account.as_str(), &secret)))
    }

    async fn secret_of(&self, user: UserId) -> Result<(Vec<u8>, bool)> {
        let rec = self
            .store()
            .totp(user)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        let secret = secret_key(self).open(&rec.secret_sealed, &aad(user))?;
        Ok((secret, rec.confirmed))
    }

    /// Confirms the set-up with a first code from the app. Ends the pending session, returns a
    /// new full session (R8) and the recovery codes, shown to the user once.
    pub async fn confirm_totp_enrolment(
        &self,
        pending_token: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<(SessionToken, Vec<String>)> {
        let (user, stage) = self.pending_sign_in(pending_token, now).await?;
        if stage != SessionStage::Enrol {
            return Err(ServiceError::Unauthenticated);
        }
        let (secret, confirmed) = self.secret_of(user).await?;
        if confirmed {
            return Err(ServiceError::Unauthenticated);
        }
        let Some(step) = matching_step(&secret, code, now) else {
            tracing::warn!(
                event = "secondfactor.enrolment_failure",
                %user,
                "first code of the set-up did not match"
            );
            return Err(ServiceError::Unauthenticated);
        };
        let codes = new_recovery_codes();
        let hashes: Vec<String> = codes.iter().map(|c| recovery_hash(self, user, c)).collect();
        let audit = AuditEvent::new(
            &Actor::user(user, Vec::new()),
            "user",
            Some(user.to_string()),
            "totp_confirm",
            "administration",
        )?;
        self.store()
            .confirm_totp(user, step, &hashes, now, &audit)
            .await?;
        self.store()
            .delete_session(&hash_token(pending_token))
            .await?;
        let session = self
            .new_session(user, now, SessionStage::Full, Some(now))
            .await?;
        tracing::info!(event = "secondfactor.enrolled", %user, "authenticator app set up");
        tracing::info!(event = "signin.success", %user, factor = "totp", "signed in");
        Ok((session, codes))
    }

    /// Completes sign-in with a TOTP code or a recovery code. A code already used (the same
    /// step, or an earlier one) is refused and logged. Returns a new full session (R8).
    pub async fn complete_second_factor(
        &self,
        pending_token: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<SessionToken> {
        let (user, stage) = self.pending_sign_in(pending_token, now).await?;
        if stage != SessionStage::SecondFactor {
            return Err(ServiceError::Unauthenticated);
        }
        let factor = self.check_code(user, code, now).await?;
        self.store()
            .delete_session(&hash_token(pending_token))
            .await?;
        let session = self
            .new_session(user, now, SessionStage::Full, Some(now))
            .await?;
        tracing::info!(event = "signin.success", %user, factor, "signed in");
        Ok(session)
    }
}

impl Service {
    /// Checks a TOTP code or a recovery code of a user with a confirmed factor, using it up
    /// (each code works once). Returns which kind was accepted; a refusal is logged and is
    /// `Unauthenticated`.
    pub(crate) async fn check_code(
        &self,
        user: UserId,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<&'static str> {
        let (secret, confirmed) = self.secret_of(user).await?;
        if !confirmed {
            return Err(ServiceError::Unauthenticated);
        }
        let (accepted, factor) = match matching_step(&secret, code, now) {
            Some(step) => {
                let fresh = self.store().use_totp_step(user, step).await?;
                if !fresh {
                    tracing::warn!(
                        event = "secondfactor.replay",
                        %user,
                        "a code already used was sent again"
                    );
                }
                (fresh, "totp")
            }
            None if code.trim().len() > DIGITS as usize => {
                let used = self
                    .store()
                    .use_recovery_code(user, &recovery_hash(self, user, code), now)
                    .await?;
                if used {
                    tracing::warn!(
                        event = "secondfactor.recovery_code_used",
                        %user,
                        "a recovery code was used"
                    );
                }
                (used, "recovery_code")
            }
            None => (false, "totp"),
        };
        if !accepted {
            tracing::warn!(
                event = "secondfactor.failure",
                %user,
                factor,
                "second factor refused"
            );
            return Err(ServiceError::Unauthenticated);
        }
        Ok(factor)
    }

    /// Whether the user has a confirmed second factor.
    pub async fn has_second_factor(&self, user: UserId) -> Result<bool> {
        Ok(self.store().totp(user).await?.is_some_and(|t| t.confirmed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_vectors() {
        // RFC 6238 Appendix B, SHA-1 secret "12345678901234567890", last six of eight digits.
        let secret = b"12345678901234567890";
        for (t, eight) in [
            (59i64, 94_287_082u32),
            (1_111_111_109, 7_081_804),
            (1_111_111_111, 14_050_471),
            (1_234_567_890, 89_005_924),
            (2_000_000_000, 69_279_037),
            (20_000_000_000, 65_353_130),
        ] {
            assert_eq!(code_at(secret, t / 30), eight % 1_000_000, "t={t}");
        }
    }

    #[test]
    fn window_is_one_step_each_way() {
        let secret = b"12345678901234567890";
        let t = OffsetDateTime::from_unix_timestamp(1_111_111_111).expect("time");
        let code = format!("{:06}", code_at(secret, step_of(t)));
        assert_eq!(matching_step(secret, &code, t), Some(step_of(t)));
        assert!(matching_step(secret, &code, t + time::Duration::seconds(30)).is_some());
        assert_eq!(
            matching_step(secret, &code, t + time::Duration::seconds(61)),
            None
        );
        assert_eq!(matching_step(secret, "12345", t), None);
        assert_eq!(matching_step(secret, "abcdef", t), None);
    }

    #[test]
    fn base32_matches_rfc4648() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "MY");
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
    }
}
