//! Use cases of the operator at the command line (`Actor::System`) that no page needs:
//! database maintenance (schema, integrity, backup, the audit head) and the existence checks
//! that make tools such as the demo generator resumable. The command line reaches storage only
//! through these and the other use cases; [`Service::store`] is not public.
//!
//! Existence checks answer yes or no about an id the caller already holds and disclose nothing
//! else, so they are not audited. Everything that reads or changes personal data is.

use crate::audit::AuditEvent;
use crate::store::IntegrityReport;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{OrganisationId, ParticipantId, UserId};
use std::path::Path;

/// The database's backend and applied schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    /// Applied migration versions, ascending.
    pub applied: Vec<i64>,
}

fn operator_only(actor: &Actor) -> Result<()> {
    if actor.is_system() {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

impl Service {
    /// Closes the store's connections (checkpointing the write-ahead log on SQLite). The
    /// command line calls it once, after its last use case.
    pub async fn close(&self) {
        self.store().close().await;
    }

    /// The backend and the applied migrations.
    pub async fn schema(&self, actor: &Actor) -> Result<Schema> {
        operator_only(actor)?;
        Ok(Schema {
            backend: self.store().backend(),
            applied: self.store().applied_migrations().await?,
        })
    }

    /// The database's own integrity check (and the audit head against the last entry).
    pub async fn integrity_check(&self, actor: &Actor) -> Result<IntegrityReport> {
        operator_only(actor)?;
        self.store().integrity_check().await
    }

    /// The audit chain's head `(seq, hash)`, for a checkpoint kept outside the database.
    pub async fn audit_head(&self, actor: &Actor) -> Result<Option<(i64, String)>> {
        operator_only(actor)?;
        self.store().audit_head().await
    }

    /// A consistent online copy of the whole database into `path`. The backup is logged first,
    /// so the copy contains the record of its own making.
    pub async fn backup(&self, actor: &Actor, path: &Path) -> Result<()> {
        operator_only(actor)?;
        let audit = AuditEvent::new(actor, "database", None, "backup", "maintenance")?;
        self.store().append_audit(&audit).await?;
        self.store().backup(path).await
    }

    /// Whether the database holds no organisation, project or account: a fresh database (for
    /// `serve --demo`'s guard, D17). Nothing personal is returned, so nothing is audited.
    pub async fn holds_no_accounts(&self, actor: &Actor) -> Result<bool> {
        operator_only(actor)?;
        Ok(self.store().list_users().await?.is_empty()
            && self.store().list_organisations().await?.is_empty()
            && self.store().list_projects().await?.is_empty())
    }

    /// A value of the database's key–value settings (e.g. which seed the demo data came from).
    pub async fn meta(&self, actor: &Actor, key: &str) -> Result<Option<String>> {
        operator_only(actor)?;
        self.store().get_meta(key).await
    }

    /// Records `value` under `key` unless a value is there already; returns the stored value.
    pub async fn meta_or_set(&self, actor: &Actor, key: &str, value: &str) -> Result<String> {
        operator_only(actor)?;
        self.store().set_meta_if_absent(key, value).await?;
        self.store()
            .get_meta(key)
            .await?
            .ok_or_else(|| ServiceError::Storage(format!("the setting {key} was not recorded")))
    }

    /// Whether an organisation with this id exists.
    pub async fn organisation_exists(&self, actor: &Actor, id: OrganisationId) -> Result<bool> {
        operator_only(actor)?;
        Ok(self.store().get_organisation(id).await?.is_some())
    }

    /// Whether a participant with this id exists (nothing about them is read).
    pub async fn participant_exists(&self, actor: &Actor, id: ParticipantId) -> Result<bool> {
        operator_only(actor)?;
        Ok(self.store().participant_scope(id).await?.is_some())
    }

    /// Whether the participant has any proposal or placement (nothing about it is read but that
    /// it exists), so a generator can tell what it already wrote.
    pub async fn has_placements(&self, actor: &Actor, id: ParticipantId) -> Result<bool> {
        operator_only(actor)?;
        Ok(!self.store().placements_of(id).await?.is_empty())
    }

    /// Whether an employer user already represents an employer (access facts only).
    pub async fn represents(
        &self,
        actor: &Actor,
        user: polku_domain::UserId,
        employer: polku_domain::EmployerId,
    ) -> Result<bool> {
        operator_only(actor)?;
        Ok(self
            .store()
            .employers_of_user(user)
            .await?
            .contains(&employer))
    }

    /// The participants of a project who have at least one meeting recorded (nothing about the
    /// meetings is read but that they exist), so a generator can tell what it already wrote.
    pub async fn participants_with_meetings(
        &self,
        actor: &Actor,
        project: polku_domain::ProjectId,
    ) -> Result<std::collections::BTreeSet<ParticipantId>> {
        operator_only(actor)?;
        Ok(self
            .store()
            .meeting_times(project, None)
            .await?
            .into_iter()
            .map(|(p, _)| p)
            .collect())
    }

    /// Whether the participant has a share (in force or not) with `recipient`.
    pub async fn has_share_with(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        recipient: UserId,
    ) -> Result<bool> {
        operator_only(actor)?;
        Ok(self
            .store()
            .shares_for(participant)
            .await?
            .iter()
            .any(|s| s.recipient == recipient))
    }
}
