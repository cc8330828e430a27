//! Activation, credentials and sessions. Time checks happen in Rust on values read back, so
//! both databases decide the same way.

use super::audit;
use crate::{db, SqlStore};
use async_trait::async_trait;
use polku_domain::UserId;
use polku_service::audit::AuditEvent;
use polku_service::store::SessionStore;
use polku_service::store::{ActivationOutcome, SessionRecord, SessionStage, TotpRecord};
use polku_service::Result;
use time::OffsetDateTime;
use uuid::Uuid;

#[async_trait]
impl SessionStore for SqlStore {
    async fn activate_user(
        &self,
        token_hash: &str,
        phc: &str,
        now: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<ActivationOutcome> {
        let mut tx = self.write().await?;
        let row: Option<(Uuid, OffsetDateTime, Option<OffsetDateTime>)> = sqlx::query_as(
            "SELECT user_id, expires_at, used_at FROM activation_tokens WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some((user, expires_at, None)) = row else {
            return Ok(ActivationOutcome::Refused);
        };
        if expires_at <= now {
            return Ok(ActivationOutcome::Refused);
        }
        // `used_at IS NULL` in the update itself: of two concurrent uses only one changes the
        // row (PostgreSQL re-checks the condition after waiting for the other's lock, D13).
        let won = sqlx::query(
            "UPDATE activation_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected()
            == 1;
        if !won {
            return Ok(ActivationOutcome::Refused);
        }
        // A password set through a link makes every other link and session of the user void
        // (D15): a link mailed earlier, or a session stolen before the reset, no longer works.
        revoke_tokens(&mut tx, user, now).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
            .bind(true)
            .bind(user)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query(
            "INSERT INTO user_credentials (user_id, password_phc, changed_at) VALUES ($1, $2, $3) \
             ON CONFLICT (user_id) DO UPDATE SET password_phc = excluded.password_phc, changed_at = excluded.changed_at",
        )
        .bind(user)
        .bind(phc)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(ActivationOutcome::Activated(UserId(user)))
    }

    async fn credentials_for(&self, email: &str) -> Result<Option<(UserId, String, bool)>> {
        let row: Option<(Uuid, String, bool)> = sqlx::query_as(
            "SELECT u.id, c.password_phc, u.active FROM users u JOIN user_credentials c ON c.user_id = u.id WHERE u.email = $1",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(row.map(|(id, phc, active)| (UserId(id), phc, active)))
    }

    async fn set_password(&self, user: UserId, phc: &str, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE user_credentials SET password_phc = $1, changed_at = $2 WHERE user_id = $3",
        )
        .bind(phc)
        .bind(now)
        .bind(user.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn create_session(&self, token_hash: &str, r: &SessionRecord) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, stage, second_factor_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(token_hash)
            .bind(r.user_id.0)
            .bind(r.created_at)
            .bind(r.last_seen_at)
            .bind(r.expires_at)
            .bind(r.stage.as_str())
            .bind(r.second_factor_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>> {
        #[allow(clippy::type_complexity)]
        let row: Option<(
            Uuid,
            OffsetDateTime,
            OffsetDateTime,
            OffsetDateTime,
            String,
            Option<OffsetDateTime>,
        )> = sqlx::query_as(
            "SELECT user_id, created_at, last_seen_at, expires_at, stage, second_factor_at FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(row.map(
            |(u, created_at, last_seen_at, expires_at, stage, second_factor_at)| SessionRecord {
                user_id: UserId(u),
                created_at,
                last_seen_at,
                expires_at,
                // An unknown stage never grants more than a pending session.
                stage: SessionStage::parse(&stage).unwrap_or(SessionStage::Enrol),
                second_factor_at,
            },
        ))
    }

    async fn touch_session(&self, token_hash: &str, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn delete_user_sessions(&self, user: UserId, ev: &AuditEvent) -> Result<u64> {
        let mut tx = self.write().await?;
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn end_sessions_of_user(&self, user: UserId) -> Result<u64> {
        let mut tx = self.write().await?;
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn issue_activation(
        &self,
        user: UserId,
        a: &polku_service::store::Activation,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        // Only the newest link works, and a reset ends the sessions the account had (D15).
        revoke_tokens(&mut tx, user.0, OffsetDateTime::now_utc()).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query(
            "INSERT INTO activation_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(&a.token_hash)
        .bind(user.0)
        .bind(a.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn activation_usable(&self, token_hash: &str, now: OffsetDateTime) -> Result<bool> {
        let row: Option<(OffsetDateTime, Option<OffsetDateTime>)> = sqlx::query_as(
            "SELECT expires_at, used_at FROM activation_tokens WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(matches!(row, Some((expires_at, None)) if expires_at > now))
    }

    async fn change_password(
        &self,
        user: UserId,
        phc: &str,
        now: OffsetDateTime,
        keep: &str,
        ev: &AuditEvent,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE user_credentials SET password_phc = $1, changed_at = $2 WHERE user_id = $3",
        )
        .bind(phc)
        .bind(now)
        .bind(user.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n != 1 {
            return Err(polku_service::ServiceError::Unauthenticated);
        }
        revoke_tokens(&mut tx, user.0, now).await?;
        let ended = end_other_sessions(&mut tx, user, keep).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(ended)
    }

    async fn mark_second_factor(&self, token_hash: &str, now: OffsetDateTime) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE sessions SET second_factor_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn replace_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
        keep: &str,
        ev: &AuditEvent,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE user_totp SET secret_sealed = $1, last_step = $2, confirmed_at = $3 WHERE user_id = $4 AND confirmed_at IS NOT NULL",
        )
        .bind(secret_sealed)
        .bind(step)
        .bind(now)
        .bind(user.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        if n != 1 {
            return Err(polku_service::ServiceError::Unauthenticated);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for h in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user.0)
                .bind(h)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        let ended = end_other_sessions(&mut tx, user, keep).await?;
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)?;
        Ok(ended)
    }

    async fn totp(&self, user: UserId) -> Result<Option<TotpRecord>> {
        let row: Option<(Vec<u8>, Option<OffsetDateTime>, i64)> = sqlx::query_as(
            "SELECT secret_sealed, confirmed_at, last_step FROM user_totp WHERE user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        Ok(
            row.map(|(secret_sealed, confirmed_at, last_step)| TotpRecord {
                secret_sealed,
                confirmed: confirmed_at.is_some(),
                last_step,
            }),
        )
    }

    async fn begin_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        ev: &AuditEvent,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "INSERT INTO user_totp (user_id, secret_sealed, last_step) VALUES ($1, $2, 0) \
             ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, last_step = 0 WHERE user_totp.confirmed_at IS NULL",
        )
        .bind(user.0)
        .bind(secret_sealed)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected()
            == 1;
        if done {
            audit::append(&mut tx, &self.chain, ev).await?;
        }
        tx.commit().await.map_err(db)?;
        Ok(done)
    }

    async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
        ev: &AuditEvent,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE user_totp SET confirmed_at = $1, last_step = $2 WHERE user_id = $3")
            .bind(now)
            .bind(step)
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for h in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user.0)
                .bind(h)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        audit::append(&mut tx, &self.chain, ev).await?;
        tx.commit().await.map_err(db)
    }

    async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE user_totp SET last_step = $1 WHERE user_id = $2 AND last_step < $3 AND confirmed_at IS NOT NULL",
        )
        .bind(step)
        .bind(user.0)
        .bind(step)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(n == 1)
    }

    async fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let n = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user.0)
        .bind(code_hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        tx.commit().await.map_err(db)?;
        Ok(n == 1)
    }
}

/// Marks every unused activation token of the user used (revoked).
async fn revoke_tokens(tx: &mut crate::Conn, user: Uuid, now: OffsetDateTime) -> Result<()> {
    sqlx::query("UPDATE activation_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(user)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    Ok(())
}

/// Ends every session of the user except the one whose token hash is `keep`.
async fn end_other_sessions(tx: &mut crate::Conn, user: UserId, keep: &str) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.0)
            .bind(keep)
            .execute(&mut *tx)
            .await
            .map_err(db)?
            .rows_affected(),
    )
}
