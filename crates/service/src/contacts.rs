//! Contact persons at employers. Their names, e-mail addresses and phone numbers are personal
//! data: every write and every read is audited (purpose: employer cooperation).

use crate::audit::AuditEvent;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{org::name, DomainError, Email, EmployerId};
use uuid::Uuid;

/// One contact person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerContact {
    pub id: Uuid,
    pub employer_id: EmployerId,
    pub name: String,
    /// Job title or role at the employer ("" when not known).
    pub title: String,
    pub email: Option<Email>,
    pub phone: Option<String>,
}

impl EmployerContact {
    pub fn validate(&self) -> Result<(), DomainError> {
        name("contact_name", &self.name, 200)?;
        if self.title.chars().count() > 200 {
            return Err(DomainError::Invalid {
                field: "contact_title",
                reason: "at most 200 characters".into(),
            });
        }
        if let Some(p) = &self.phone {
            let ok = (5..=30).contains(&p.chars().count())
                && p.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'));
            if !ok {
                return Err(DomainError::Invalid {
                    field: "contact_phone",
                    reason: "a phone number of digits, spaces and + - ( )".into(),
                });
            }
        }
        Ok(())
    }
}

/// The row a store reads for a contact: id, employer, name, title, e-mail, phone.
pub type ContactRow = (Uuid, Uuid, String, String, Option<String>, Option<String>);

pub fn contact_from_row(
    (id, employer, name, title, email, phone): ContactRow,
) -> Result<EmployerContact> {
    Ok(EmployerContact {
        id,
        employer_id: EmployerId(employer),
        name,
        title,
        email: email.map(|e| Email::parse(&e)).transpose()?,
        phone,
    })
}

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
