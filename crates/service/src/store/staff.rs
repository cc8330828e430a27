//! Which organisation a staff account works for, in the storage port. It decides which
//! participants a partner organisation's report counts (docs/ESF.md, "The organisation filter").

use crate::audit::AuditEvent;
use crate::error::Result;
use async_trait::async_trait;
use polku_domain::{OrganisationId, UserId};

#[async_trait]
pub trait StaffStore: Send + Sync {
    /// Records (`Some`) or clears (`None`) the organisation `user` works for, with the audit
    /// entry in the same transaction. Returns whether anything changed.
    async fn set_staff_organisation(
        &self,
        user: UserId,
        organisation: Option<OrganisationId>,
        ev: &AuditEvent,
    ) -> Result<bool>;
    /// The organisation `user` works for, when recorded.
    async fn staff_organisation(&self, user: UserId) -> Result<Option<OrganisationId>>;
}
