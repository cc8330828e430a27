//! A signed-in user's own account (R11, R19): step-up (a fresh second factor before exports
//! and administration), changing one's own password, and replacing one's own authenticator
//! app. Each change asks for the current password and, when the account has a second factor,
//! a current code; each ends the user's other sessions and is audited.

use crate::audit::AuditEvent;
use crate::auth::{check_password_policy, hash_password, micros, off_thread, verify_blocking};
use crate::crypto::{hex_decode, hex_encode};
use crate::second_factor::{
    aad, enrolment, matching_step, new_recovery_codes, recovery_hash, secret_key, Enrolment,
    SECRET_BYTES,
};
use crate::store::SessionStage;
use crate::users::hash_token;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::UserId;
use rand::RngCore;
use time::{Duration, OffsetDateTime};

/// How long a second factor counts as fresh for step-up (R19).
pub const STEP_UP_FRESH: Duration = Duration::minutes(10);
/// How long a started change of authenticator app may take.
pub const FACTOR_CHANGE_TTL: Duration = Duration::minutes(10);

/// Whether a session may take a step-up action now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepUp {
    /// The second factor was proved within [`STEP_UP_FRESH`].
    Fresh,
    /// A code is needed first.
    Required,
    /// The account has no second factor and none is required (demo mode only): nothing to
    /// step up with, so the action is allowed (`docs/SECURITY.md`).
    NoFactor,
}

/// What the re-authentication of a change refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reauth {
    Password,
    Code,
}

/// A started change of authenticator app: the new secret to show, and a sealed ticket that
/// carries it (bound to the user and the start time) to the confirming request.
#[derive(Debug, Clone)]
pub struct FactorChange {
    pub enrolment: Enrolment,
    pub ticket: String,
}

fn ticket_aad(user: UserId) -> Vec<u8> {
    crate::crypto::aad("user_totp", "change_ticket", &user.0, 0)
}

impl Service {
    /// The full session of `token` and its user, or `Unauthenticated`.
    async fn full_session(
        &self,
        token: &str,
        now: OffsetDateTime,
    ) -> Result<(crate::store::SessionRecord, polku_domain::User)> {
        let (_, user) = self.session_user(token, now).await?;
        let s = self
            .store()
            .session(&hash_token(token))
            .await?
            .filter(|s| s.stage == SessionStage::Full)
            .ok_or(ServiceError::Unauthenticated)?;
        Ok((s, user))
    }

    /// Whether the session `token` may take a step-up action at `now` (R19).
    pub async fn step_up_status(&self, token: &str, now: OffsetDateTime) -> Result<StepUp> {
        let (s, user) = self.full_session(token, now).await?;
        if !self.has_second_factor(user.id).await? {
            return Ok(if self.second_factor_required() {
                StepUp::Required
            } else {
                StepUp::NoFactor
            });
        }
        Ok(match s.second_factor_at {
            Some(t) if now - t < STEP_UP_FRESH && t <= now + Duration::minutes(1) => StepUp::Fresh,
            _ => StepUp::Required,
        })
    }

    /// Step-up: a current code (or a recovery code) makes the session's second factor fresh.
    pub async fn step_up(&self, token: &str, code: &str, now: OffsetDateTime) -> Result<()> {
        let (_, user) = self.full_session(token, now).await?;
        let factor = self.check_code(user.id, code, now).await?;
        self.store()
            .mark_second_factor(&hash_token(token), micros(now))
            .await?;
        tracing::info!(event = "stepup.success", user = %user.id, factor, "second factor renewed");
        Ok(())
    }

    /// Re-authentication before a change: the current password, then (when the account has a
    /// factor) a current code, which is used up. The code is checked only after the password.
    async fn reauthenticate(
        &self,
        user: &polku_domain::User,
        password: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<std::result::Result<(), Reauth>> {
        let phc = self
            .store()
            .credentials_for(user.email.as_str())
            .await?
            .map(|(_, phc, _)| phc)
            .ok_or(ServiceError::Unauthenticated)?;
        let pw = password.to_owned();
        let (ok, _) = off_thread(move || verify_blocking(&phc, &pw)).await?;
        if !ok {
            tracing::warn!(event = "reauth.failure", user = %user.id, factor = "password", "re-authentication refused");
            return Ok(Err(Reauth::Password));
        }
        if self.has_second_factor(user.id).await? {
            match self.check_code(user.id, code, now).await {
                Ok(_) => {}
                Err(ServiceError::Unauthenticated) => return Ok(Err(Reauth::Code)),
                Err(e) => return Err(e),
            }
        }
        Ok(Ok(()))
    }

    /// Changes the signed-in user's own password after re-authentication (R11). Ends the
    /// user's other sessions and revokes unused sign-in links; returns how many sessions ended.
    /// A new password against the policy is `Invalid` (checked before anything else).
    pub async fn change_own_password(
        &self,
        token: &str,
        current_password: &str,
        code: &str,
        new_password: &str,
        now: OffsetDateTime,
    ) -> Result<std::result::Result<u64, Reauth>> {
        let (_, user) = self.full_session(token, now).await?;
        check_password_policy(new_password, &["polku", user.email.as_str()])?;
        if let Err(r) = self
            .reauthenticate(&user, current_password, code, now)
            .await?
        {
            return Ok(Err(r));
        }
        let phc = hash_password(new_password).await?;
        let actor = Actor::user(user.id, user.roles.clone());
        let audit = AuditEvent::new(
            &actor,
            "user",
            Some(user.id.to_string()),
            "change_password",
            "administration",
        )?;
        let ended = self
            .store()
            .change_password(user.id, &phc, micros(now), &hash_token(token), &audit)
            .await?;
        tracing::info!(event = "password.changed", user = %user.id, other_sessions_ended = ended, "password changed by its owner");
        Ok(Ok(ended))
    }

    /// Starts replacing the signed-in user's authenticator app after re-authentication (R11):
    /// a new secret, not stored yet; it travels sealed in the ticket until a code from the new
    /// app confirms it ([`Self::confirm_factor_change`]).
    pub async fn begin_factor_change(
        &self,
        token: &str,
        current_password: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<std::result::Result<FactorChange, Reauth>> {
        let (_, user) = self.full_session(token, now).await?;
        if !self.has_second_factor(user.id).await? {
            return Err(ServiceError::Forbidden);
        }
        if let Err(r) = self
            .reauthenticate(&user, current_password, code, now)
            .await?
        {
            return Ok(Err(r));
        }
        let mut secret = [0u8; SECRET_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        let mut plain = now.unix_timestamp().to_be_bytes().to_vec();
        plain.extend_from_slice(&secret);
        let ticket = hex_encode(&secret_key(self).seal(&plain, &ticket_aad(user.id))?);
        Ok(Ok(FactorChange {
            enrolment: enrolment(user.email.as_str(), &secret),
            ticket,
        }))
    }

    /// The secret a ticket carries, for showing the set-up again after a wrong code; `None`
    /// when the ticket is not this user's, is damaged or has expired.
    pub async fn factor_change_again(
        &self,
        token: &str,
        ticket: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Enrolment>> {
        let (_, user) = self.full_session(token, now).await?;
        Ok(self
            .open_ticket(user.id, ticket, now)
            .map(|secret| enrolment(user.email.as_str(), &secret)))
    }

    fn open_ticket(&self, user: UserId, ticket: &str, now: OffsetDateTime) -> Option<Vec<u8>> {
        let sealed = hex_decode(ticket.trim())?;
        let plain = secret_key(self).open(&sealed, &ticket_aad(user)).ok()?;
        if plain.len() != 8 + SECRET_BYTES {
            return None;
        }
        let started = i64::from_be_bytes(plain[..8].try_into().ok()?);
        let age = now.unix_timestamp() - started;
        (0..=FACTOR_CHANGE_TTL.whole_seconds())
            .contains(&age)
            .then(|| plain[8..].to_vec())
    }

    /// Confirms a new authenticator app with its first code: replaces the secret and the
    /// recovery codes, ends the user's other sessions and makes this session's factor fresh.
    /// Returns the new recovery codes (shown once) and how many sessions ended.
    pub async fn confirm_factor_change(
        &self,
        token: &str,
        ticket: &str,
        code: &str,
        now: OffsetDateTime,
    ) -> Result<(Vec<String>, u64)> {
        let (_, user) = self.full_session(token, now).await?;
        let secret = self
            .open_ticket(user.id, ticket, now)
            .ok_or(ServiceError::Unauthenticated)?;
        let Some(step) = matching_step(&secret, code, now) else {
            tracing::warn!(event = "secondfactor.change_failure", user = %user.id, "first code of the new app did not match");
            return Err(ServiceError::Unauthenticated);
        };
        let sealed = secret_key(self).seal(&secret, &aad(user.id))?;
        let codes = new_recovery_codes();
        let hashes: Vec<String> = codes
            .iter()
            .map(|c| recovery_hash(self, user.id, c))
            .collect();
        let actor = Actor::user(user.id, user.roles.clone());
        let audit = AuditEvent::new(
            &actor,
            "user",
            Some(user.id.to_string()),
            "change_second_factor",
            "administration",
        )?;
        let now = micros(now);
        let ended = self
            .store()
            .replace_totp(
                user.id,
                &sealed,
                step,
                &hashes,
                now,
                &hash_token(token),
                &audit,
            )
            .await?;
        self.store()
            .mark_second_factor(&hash_token(token), now)
            .await?;
        tracing::info!(event = "secondfactor.changed", user = %user.id, other_sessions_ended = ended, "authenticator app replaced by its owner");
        Ok((codes, ended))
    }
}
