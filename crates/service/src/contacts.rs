//! Contact persons at employers. Their names, e-mail addresses and phone numbers are personal
//! data: every write and every read is audited (purpose: employer cooperation).

use crate::audit::AuditEvent;
pub use crate::store::records::EmployerContact;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::EmployerId;
use uuid::Uuid;

impl Service {
    /// Adds a contact person (coordinators of the project).
    pub async fn add_contact(&self, actor: &Actor, c: EmployerContact) -> Result<()> {
        let e = self
            .store()
            .get_employer(c.employer_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_employers(actor, e.project_id) {
            return Err(ServiceError::NotFound);
        }
        c.validate()?;
        let audit = AuditEvent::new(
            actor,
            "employer_contact",
            Some(c.id.to_string()),
            "create",
            "employer_cooperation",
        )?;
        self.store().insert_contact(&c, &audit).await
    }

    /// Removes a contact person (coordinators of the project).
    pub async fn remove_contact(
        &self,
        actor: &Actor,
        employer: EmployerId,
        id: Uuid,
    ) -> Result<()> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_employers(actor, e.project_id) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "employer_contact",
            Some(id.to_string()),
            "delete",
            "employer_cooperation",
        )?;
        if self.store().delete_contact(employer, id, &audit).await? {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The contact persons of an employer (readers of the register); the read is audited.
    pub async fn contacts(
        &self,
        actor: &Actor,
        employer: EmployerId,
    ) -> Result<Vec<EmployerContact>> {
        self.employer(actor, employer).await?;
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(employer.to_string()),
            "read_contacts",
            "employer_cooperation",
        )?;
        self.store().list_contacts(employer, &audit).await
    }
}
