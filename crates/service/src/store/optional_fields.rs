//! The optional participant fields an organisation has switched on (R42), in the storage port.

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{FieldSettings, OrganisationId};

#[async_trait]
pub trait OptionalFieldStore: Send + Sync {
    /// Replaces the organisation's switched-on fields, with the audit entry in the same
    /// transaction. Returns whether anything changed (nothing is audited when nothing did).
    async fn set_optional_fields(
        &self,
        organisation: OrganisationId,
        settings: &FieldSettings,
        ev: &AuditEvent,
    ) -> Result<bool>;
    /// The organisation's switched-on fields; none (the default) when nothing was set.
    async fn optional_fields(&self, organisation: OrganisationId) -> Result<FieldSettings>;
}
