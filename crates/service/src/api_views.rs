//! Small reads and records the JSON API needs beyond the page use cases: a project by its code
//! (only for someone who works in it), and the audit record of a refused write (unknown or
//! forbidden fields, R15).

use crate::audit::AuditEvent;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::Project;

impl Service {
    /// A project by its code, when the actor holds some role in it (or is the operator or an
    /// administrator); otherwise `NotFound`, so codes of other projects do not leak.
    pub async fn project_by_code(&self, actor: &Actor, code: &str) -> Result<Project> {
        let p = self
            .store()
            .get_project_by_code(code.trim())
            .await?
            .ok_or(ServiceError::NotFound)?;
        let member = match actor {
            Actor::System { .. } => true,
            Actor::User { grants, .. } => {
                actor.is_admin() || grants.iter().any(|g| g.project == Some(p.id))
            }
        };
        if member {
            Ok(p)
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// Records that a write was refused because the request carried unknown or forbidden
    /// fields (mass-assignment attempt, R15). Identifiers only; nothing about the fields.
    pub async fn audit_refused_write(
        &self,
        actor: &Actor,
        subject_kind: &str,
        subject: Option<String>,
        purpose: &str,
    ) -> Result<()> {
        let audit = AuditEvent::new(actor, subject_kind, subject, "refuse_fields", purpose)?;
        self.store().append_audit(&audit).await
    }
}
