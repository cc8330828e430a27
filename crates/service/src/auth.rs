//! Accounts become usable through a one-time activation token (R5); passwords are Argon2id
//! (R1) hashed off the async threads with at most two hashes at a time; sign-in does not reveal
//! whether an account exists (R6); sessions are opaque random tokens stored only as hashes, with
//! an idle timeout and an absolute lifetime (R8, R10, R11).
//!
//! Every attempt is a security event in the log (R34): `signin.success`, `signin.failure`,
//! `signout`, `account.activated`, … (the list is in `docs/SECURITY.md`). They name the user by
//! the opaque user id, and an attempt on an address with no account by [`account_ref`], never by
//! the e-mail address (R32). The web layer's request span adds the request id and the client
//! address.

use crate::audit::AuditEvent;
use crate::crypto::hex_encode;
use crate::store::{ActivationOutcome, SessionRecord, SessionStage};
use crate::users::hash_token;
use crate::{Actor, Result, Service, ServiceError};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use time::{Duration, OffsetDateTime};
use tokio::sync::Semaphore;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// And at the latest this long after sign-in, however active.
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(12);
/// A session waiting for the second factor ends after this long.
pub const PENDING_LIFETIME: Duration = Duration::minutes(5);
/// Activity is written back at most this often (fewer writes; idle precision ±1 min).
const TOUCH_EVERY: Duration = Duration::minutes(1);

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Common passwords and context words refused outright (R2). Compared case-insensitively
/// after removing digits and punctuation at the ends, so `Polku2026!` is refused too.
const REFUSED: &[&str] = &[
    "password",
    "passw0rd",
    "salasana",
    "lösenord",
    "losenord",
    "qwerty",
    "qwertyuiop",
    "asdfghjkl",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "111111",
    "000000",
    "abc123",
    "iloveyou",
    "admin",
    "administrator",
    "welcome",
    "tervetuloa",
    "letmein",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "trustno1",
    "superman",
    "master",
    "hello",
    "freedom",
    "whatever",
    "starwars",
    "summer",
    "kesä",
    "talvi",
    "syksy",
    "kevät",
    "suomi",
    "finland",
    "helsinki",
    "polku",
    "polkupolku",
    "tyohonvalmennus",
    "työhönvalmennus",
    "valmentaja",
];

/// A token to put in the session cookie, and when the session ends at the latest.
#[derive(Debug, Clone)]
pub struct SessionToken {
    pub token: String,
    pub expires_at: OffsetDateTime,
    /// `Full` when signed in; otherwise the token only lets the user finish sign-in (R3).
    pub stage: SessionStage,
}

/// Checks a new password against the policy (R2): 8–128 characters, kept exactly as typed (no
/// trimming, no case folding, no composition rules), not a common password or context word.
pub fn check_password_policy(password: &str, context: &[&str]) -> Result<()> {
    let invalid = |reason: String| {
        Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
            field: "password",
            reason,
        }))
    };
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return invalid(format!("at least {MIN_PASSWORD_CHARS} characters"));
    }
    if n > MAX_PASSWORD_CHARS {
        return invalid(format!("at most {MAX_PASSWORD_CHARS} characters"));
    }
    let core = password
        .trim_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    if core.is_empty()
        || REFUSED.contains(&core.as_str())
        || context
            .iter()
            .any(|w| !w.is_empty() && core == w.to_lowercase())
    {
        return invalid("too common or easy to guess: choose a longer passphrase".into());
    }
    Ok(())
}

fn argon2() -> Argon2<'static> {
    // RFC 9106 / OWASP: m = 19 MiB, t = 2, p = 1.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut salt);
    let salt =
        SaltString::encode_b64(&salt).map_err(|_| ServiceError::Crypto("salt encoding failed"))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| ServiceError::Crypto("password hashing failed"))
}

/// Whether `phc` verifies `password`, and whether it should be re-hashed with today's parameters.
pub(crate) fn verify_blocking(phc: &str, password: &str) -> (bool, bool) {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return (false, false);
    };
    let ok = argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed)
            .is_ok_and(|p| p.m_cost() >= 19_456 && p.t_cost() >= 2 && p.p_cost() == 1);
    (ok, ok && !current)
}

/// A hash of a random password, verified against when the account does not exist, so unknown
/// and known accounts take the same time (R6).
fn dummy_hash() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut pw = [0u8; 24];
        rand::rngs::OsRng.fill_bytes(&mut pw);
        hash_blocking(&hex_encode(&pw)).unwrap_or_default()
    })
}

/// Computes the dummy hash off the async threads, so the first sign-in of an unknown account
/// does not hash on a runtime thread (D2). `serve` calls it at start; sign-in also only ever
/// touches the dummy hash inside the hashing pool.
pub async fn prepare_dummy_hash() {
    let _ = tokio::task::spawn_blocking(|| dummy_hash().len()).await;
}

/// At most two hashes at once: a login flood queues instead of exhausting the cores (R1).
fn hashing_slots() -> &'static Semaphore {
    static SLOTS: Semaphore = Semaphore::const_new(2);
    &SLOTS
}

/// At most this many hashes wait for a slot; more are refused at once with `Busy` (D2).
pub const HASH_QUEUE_LIMIT: usize = 32;
/// A hash waits at most this long for a slot, then is refused with `Busy` (D2).
pub const HASH_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);
/// `Retry-After` for a refused hash.
const BUSY_RETRY_SECONDS: u64 = 5;

static WAITING: AtomicUsize = AtomicUsize::new(0);

/// Leaves the waiting count when dropped (also when the request is cancelled).
struct Waiting;
impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING.fetch_sub(1, Ordering::SeqCst);
    }
}

pub(crate) async fn off_thread<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T> {
    let slot = {
        if WAITING.fetch_add(1, Ordering::SeqCst) >= HASH_QUEUE_LIMIT {
            WAITING.fetch_sub(1, Ordering::SeqCst);
            return Err(ServiceError::Busy(BUSY_RETRY_SECONDS));
        }
        let _waiting = Waiting;
        tokio::time::timeout(HASH_QUEUE_WAIT, hashing_slots().acquire())
            .await
            .map_err(|_| ServiceError::Busy(BUSY_RETRY_SECONDS))?
            .map_err(|_| ServiceError::Internal("hashing pool closed"))?
    };
    let out = tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ServiceError::Internal("hashing task failed"));
    drop(slot);
    out
}

/// How many hashes wait for a slot now (for tests and drills).
pub fn hashes_waiting() -> usize {
    WAITING.load(Ordering::SeqCst)
}

static HASHES_DONE: AtomicUsize = AtomicUsize::new(0);

/// How many passwords this process has hashed (for tests: a refused activation costs none).
pub fn hashes_done() -> usize {
    HASHES_DONE.load(Ordering::SeqCst)
}

/// Hashes a password off the async threads.
pub async fn hash_password(password: &str) -> Result<String> {
    HASHES_DONE.fetch_add(1, Ordering::SeqCst);
    let pw = password.to_owned();
    off_thread(move || hash_blocking(&pw)).await?
}

/// How a log line names the account an e-mail address signs in to: a keyed hash (HMAC-SHA256
/// under the lookup key, first 64 bits in hex), so attempts on one address, with or without an
/// account, can be followed in the log without the address being in it (R32). Whoever holds
/// the key file can check a suspected address; nobody else can reverse it.
pub fn account_ref(svc: &Service, email: &str) -> String {
    let mac = svc.keys().lookup.mac(&[
        b"polku log account v1",
        email.trim().to_lowercase().as_bytes(),
    ]);
    hex_encode(&mac[..8])
}

pub(crate) fn micros(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(t.microsecond() * 1000).unwrap_or(t)
}

fn new_token() -> String {
    let mut raw = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    hex_encode(&raw)
}

/// The security event of a failed password sign-in (R34): the account by its keyed hash, the
/// user id when the account exists, and why (the client is told none of this, R6).
fn failed_sign_in(
    svc: &Service,
    email: &str,
    user: Option<polku_domain::UserId>,
    reason: &'static str,
) {
    let account = account_ref(svc, email);
    match user {
        Some(user) => tracing::warn!(
            event = "signin.failure",
            %user,
            %account,
            reason,
            factor = "password",
            "sign-in refused"
        ),
        None => tracing::warn!(
            event = "signin.failure",
            %account,
            reason,
            factor = "password",
            "sign-in refused"
        ),
    }
}

impl Service {
    /// Sets the first password with a one-time activation token. Any problem with the token
    /// (unknown, used, expired) is the same `Unauthenticated` answer.
    pub async fn activate_account(
        &self,
        token: &str,
        password: &str,
        now: OffsetDateTime,
    ) -> Result<polku_domain::UserId> {
        check_password_policy(password, &["polku"])?;
        // The token first: an unknown, used or expired token costs no hash (D2).
        let token_hash = hash_token(token.trim());
        if !self.store().activation_usable(&token_hash, now).await? {
            tracing::warn!(
                event = "account.activation_failure",
                "activation token unknown, used or expired"
            );
            return Err(ServiceError::Unauthenticated);
        }
        let phc = hash_password(password).await?;
        let audit = AuditEvent::new(
            &Actor::system("activate"),
            "user",
            None,
            "activate",
            "administration",
        )?;
        match self
            .store()
            .activate_user(&token_hash, &phc, micros(now), &audit)
            .await?
        {
            ActivationOutcome::Activated(user) => {
                tracing::info!(event = "account.activated", %user, "account activated");
                Ok(user)
            }
            ActivationOutcome::Refused => {
                tracing::warn!(
                    event = "account.activation_failure",
                    "activation token unknown, used or expired"
                );
                Err(ServiceError::Unauthenticated)
            }
        }
    }

    /// Signs in with e-mail and password. Unknown account, inactive account and wrong password
    /// give the same error after the same work (R6). A hash with weaker parameters is upgraded.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        now: OffsetDateTime,
    ) -> Result<SessionToken> {
        let email = email.trim().to_lowercase();
        let found = self.store().credentials_for(&email).await?;
        let phc = found.as_ref().map(|(_, phc, _)| phc.clone());
        let pw = password.to_owned();
        let (ok, upgrade) = off_thread(move || match &phc {
            Some(phc) => verify_blocking(phc, &pw),
            None => verify_blocking(dummy_hash(), &pw),
        })
        .await?;
        let (user, active) = match found {
            Some((user, _, active)) if ok => (user, active),
            Some((user, _, _)) => {
                failed_sign_in(self, &email, Some(user), "wrong_password");
                return Err(ServiceError::Unauthenticated);
            }
            None => {
                failed_sign_in(self, &email, None, "unknown_account");
                return Err(ServiceError::Unauthenticated);
            }
        };
        if !active {
            failed_sign_in(self, &email, Some(user), "inactive_account");
            // Only someone who knows the password learns that the account was deactivated.
            if self
                .store()
                .get_user(user)
                .await?
                .is_some_and(|u| u.deactivated)
            {
                return Err(ServiceError::Deactivated);
            }
            return Err(ServiceError::Unauthenticated);
        }
        let now = micros(now);
        if upgrade {
            let phc = hash_password(password).await?;
            self.store().set_password(user, &phc, now).await?;
        }
        let stage = self.stage_after_password(user).await?;
        let session = self.new_session(user, now, stage, None).await?;
        if stage == SessionStage::Full {
            tracing::info!(event = "signin.success", %user, factor = "password", "signed in");
        } else {
            tracing::info!(
                event = "signin.password_ok",
                %user,
                next_step = stage.as_str(),
                "password accepted, second factor next"
            );
        }
        Ok(session)
    }

    /// What a correct password leads to: the code prompt when a factor is set up, set-up when
    /// one is required but missing, otherwise a full session.
    /// For set-up, the secret is made here (the password step is a POST), so showing the set-up
    /// page changes nothing (D22).
    async fn stage_after_password(&self, user: polku_domain::UserId) -> Result<SessionStage> {
        Ok(match self.store().totp(user).await? {
            Some(t) if t.confirmed => SessionStage::SecondFactor,
            t if self.second_factor_required() => {
                if t.is_none() {
                    self.begin_totp_enrolment(user).await?;
                }
                SessionStage::Enrol
            }
            _ => SessionStage::Full,
        })
    }

    /// Activates an account with its one-time token and signs the user straight in: the token
    /// proves the link was received and the password has just been chosen.
    pub async fn activate_and_sign_in(
        &self,
        token: &str,
        password: &str,
        now: OffsetDateTime,
    ) -> Result<SessionToken> {
        let user = self.activate_account(token, password, now).await?;
        let stage = self.stage_after_password(user).await?;
        let session = self.new_session(user, micros(now), stage, None).await?;
        if stage == SessionStage::Full {
            tracing::info!(event = "signin.success", %user, factor = "activation", "signed in");
        }
        Ok(session)
    }

    /// A new session; a pending one (waiting for a factor) lives only `PENDING_LIFETIME`.
    pub(crate) async fn new_session(
        &self,
        user: polku_domain::UserId,
        now: OffsetDateTime,
        stage: SessionStage,
        second_factor_at: Option<OffsetDateTime>,
    ) -> Result<SessionToken> {
        let token = new_token();
        let expires_at = now
            + if stage == SessionStage::Full {
                ABSOLUTE_LIFETIME
            } else {
                PENDING_LIFETIME
            };
        self.store()
            .create_session(
                &hash_token(&token),
                &SessionRecord {
                    user_id: user,
                    created_at: now,
                    last_seen_at: now,
                    expires_at,
                    stage,
                    second_factor_at,
                },
            )
            .await?;
        Ok(SessionToken {
            token,
            expires_at,
            stage,
        })
    }

    /// The actor behind a session token, or `Unauthenticated` when the session is unknown,
    /// idle too long, past its lifetime, or its user is no longer active.
    pub async fn session_actor(&self, token: &str, now: OffsetDateTime) -> Result<Actor> {
        Ok(self.session_user(token, now).await?.0)
    }

    /// The actor and the account behind a session token (one lookup for both).
    pub async fn session_user(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<(Actor, polku_domain::User)> {
        let hash = hash_token(token);
        let s = self
            .store()
            .session(&hash)
            .await?
            .ok_or(ServiceError::Unauthenticated)?;
        if now - s.last_seen_at > IDLE_TIMEOUT || now >= s.expires_at {
            self.store().delete_session(&hash).await?;
            tracing::info!(event = "session.expired", user = %s.user_id, "session ended by its time limit");
            return Err(ServiceError::Unauthenticated);
        }
        if s.stage != SessionStage::Full {
            return Err(ServiceError::Unauthenticated);
        }
        let user = self
            .store()
            .get_user(s.user_id)
            .await?
            .filter(|u| u.active)
            .ok_or(ServiceError::Unauthenticated)?;
        if now - s.last_seen_at >= TOUCH_EVERY {
            self.store().touch_session(&hash, micros(now)).await?;
        }
        Ok((Actor::user(user.id, user.roles.clone()), user))
    }

    pub async fn sign_out(&self, token: &str) -> Result<()> {
        let hash = hash_token(token);
        // Ending a sign-in that waits for its factor is not a sign-out worth an event.
        let user = self
            .store()
            .session(&hash)
            .await?
            .filter(|s| s.stage == SessionStage::Full)
            .map(|s| s.user_id);
        self.store().delete_session(&hash).await?;
        if let Some(user) = user {
            tracing::info!(event = "signout", %user, "signed out");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        for ok in [
            "correct horse battery",
            "Kissa istuu ikkunalla",
            "pässi ja lammas 7",
            &"x".repeat(64),
            "  spaces kept  ",
            "åäöåäöåä",
        ] {
            assert!(
                check_password_policy(ok, &["Lahden Seudun Kehitys"]).is_ok(),
                "{ok}"
            );
        }
        for bad in [
            "short",
            "password123",
            "Salasana2026!",
            "Polku2026",
            "12345678",
            "!!!!!!!!",
            &"x".repeat(129),
            "lahden seudun kehitys",
        ] {
            assert!(
                check_password_policy(bad, &["Lahden Seudun Kehitys"]).is_err(),
                "{bad}"
            );
        }
    }

    /// D2: beyond the queue bound a hash is refused at once with `Busy` instead of waiting.
    #[test]
    fn the_hashing_queue_is_bounded() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let slow = || std::thread::sleep(std::time::Duration::from_millis(300));
            let tasks: Vec<_> = (0..HASH_QUEUE_LIMIT + 12)
                .map(|_| tokio::spawn(off_thread(slow)))
                .collect();
            let mut busy = 0;
            for t in tasks {
                if let Err(ServiceError::Busy(s)) = t.await.unwrap() {
                    assert!(s > 0);
                    busy += 1;
                }
            }
            assert!(busy >= 10, "{busy} refused");
            assert_eq!(hashes_waiting(), 0);
        });
    }

    #[test]
    fn hashes_are_argon2id_with_the_required_parameters() {
        let phc = hash_blocking("correct horse battery").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert_eq!(
            verify_blocking(&phc, "correct horse battery"),
            (true, false)
        );
        assert_eq!(
            verify_blocking(&phc, "correct horse batterY"),
            (false, false)
        );
        assert_eq!(verify_blocking("not a hash", "x"), (false, false));
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8_192, 1, 1, None).unwrap(),
        );
        let salt = SaltString::encode_b64(&[1u8; 16]).unwrap();
        let weak = weak
            .hash_password(b"correct horse battery", &salt)
            .unwrap()
            .to_string();
        assert_eq!(
            verify_blocking(&weak, "correct horse battery"),
            (true, true)
        );
    }
}
