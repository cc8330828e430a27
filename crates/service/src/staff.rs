//! The organisation a staff account works for (issue 12 item 4). It decides which participants
//! and employers a partner organisation's reports count: those of its own staff, in the projects
//! it leads or is a partner of (docs/ESF.md, "The organisation filter").

use crate::audit::AuditEvent;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{OrganisationId, UserId};

impl Service {
    /// Records which organisation `user` works for, or clears it with `None`. Administrators and
    /// the operator only; audited (`set_organisation`, purpose `administration`). Returns
    /// whether anything changed. An unknown user or organisation is [`ServiceError::NotFound`].
    pub async fn set_staff_organisation(
        &self,
        actor: &Actor,
        user: UserId,
        organisation: Option<OrganisationId>,
    ) -> Result<bool> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_user(user).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        if let Some(o) = organisation {
            if self.store().get_organisation(o).await?.is_none() {
                return Err(ServiceError::NotFound);
            }
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "set_organisation",
            "administration",
        )?;
        self.store()
            .set_staff_organisation(user, organisation, &audit)
            .await
    }

    /// The organisation `user` works for, when recorded (administrators and the operator).
    pub async fn staff_organisation(
        &self,
        actor: &Actor,
        user: UserId,
    ) -> Result<Option<OrganisationId>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store().staff_organisation(user).await
    }
}
