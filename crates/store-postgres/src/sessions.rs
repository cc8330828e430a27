//! Activation, credentials and sessions. Time checks happen in Rust on values read back, so
//! both databases decide the same way.

use crate::{audit, db, PgStore};
use polku_domain::UserId;
use polku_service::audit::AuditEvent;
use polku_service::store::{ActivationOutcome, SessionRecord};
use polku_service::Result;
use time::OffsetDateTime;
use uuid::Uuid;

pub(crate) async fn activate_user(
    s: &PgStore,
    token_hash: &str,
    phc: &str,
    now: OffsetDateTime,
    ev: &AuditEvent,
) -> Result<ActivationOutcome> {
    let mut tx = s.write().await?;
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
    sqlx::query("UPDATE activation_tokens SET used_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
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
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)?;
    Ok(ActivationOutcome::Activated(UserId(user)))
}

pub(crate) async fn credentials_for(
    s: &PgStore,
    email: &str,
) -> Result<Option<(UserId, String, bool)>> {
    let row: Option<(Uuid, String, bool)> = sqlx::query_as(
        "SELECT u.id, c.password_phc, u.active FROM users u JOIN user_credentials c ON c.user_id = u.id WHERE u.email = $1",
    )
    .bind(email)
    .fetch_optional(&s.pool)
    .await
    .map_err(db)?;
    Ok(row.map(|(id, phc, active)| (UserId(id), phc, active)))
}

pub(crate) async fn set_password(
    s: &PgStore,
    user: UserId,
    phc: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let mut tx = s.write().await?;
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

pub(crate) async fn create_session(s: &PgStore, token_hash: &str, r: &SessionRecord) -> Result<()> {
    let mut tx = s.write().await?;
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(token_hash)
        .bind(r.user_id.0)
        .bind(r.created_at)
        .bind(r.last_seen_at)
        .bind(r.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn session(s: &PgStore, token_hash: &str) -> Result<Option<SessionRecord>> {
    let row: Option<(Uuid, OffsetDateTime, OffsetDateTime, OffsetDateTime)> = sqlx::query_as(
        "SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&s.pool)
    .await
    .map_err(db)?;
    Ok(
        row.map(|(u, created_at, last_seen_at, expires_at)| SessionRecord {
            user_id: UserId(u),
            created_at,
            last_seen_at,
            expires_at,
        }),
    )
}

pub(crate) async fn touch_session(
    s: &PgStore,
    token_hash: &str,
    now: OffsetDateTime,
) -> Result<()> {
    let mut tx = s.write().await?;
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn delete_session(s: &PgStore, token_hash: &str) -> Result<()> {
    let mut tx = s.write().await?;
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    tx.commit().await.map_err(db)
}

pub(crate) async fn delete_user_sessions(s: &PgStore, user: UserId) -> Result<u64> {
    let mut tx = s.write().await?;
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.0)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
    tx.commit().await.map_err(db)?;
    Ok(done.rows_affected())
}

pub(crate) async fn issue_activation(
    s: &PgStore,
    user: UserId,
    a: &polku_service::store::Activation,
    ev: &AuditEvent,
) -> Result<()> {
    let mut tx = s.write().await?;
    sqlx::query(
        "INSERT INTO activation_tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(&a.token_hash)
    .bind(user.0)
    .bind(a.expires_at)
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    audit::append(&mut tx, &s.chain, ev).await?;
    tx.commit().await.map_err(db)
}
