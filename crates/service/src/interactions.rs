//! Contacts with employers (calls, visits, events, e-mails), the needs heard in them — hidden
//! jobs included — and the cooperation depth they lead to (DESIGN.md §6.2).

use crate::audit::AuditEvent;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{
    CooperationDepth, DomainError, EmployerId, Interaction, InteractionId, InteractionKind, Need,
    NeedId,
};
use time::{Date, OffsetDateTime};

/// Longest interaction summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 4000;
/// Longest need description, in characters.
pub const MAX_NEED_CHARS: usize = 1000;

/// A contact to record.
#[derive(Debug, Clone)]
pub struct NewInteraction {
    pub employer_id: EmployerId,
    pub kind: InteractionKind,
    pub at: OffsetDateTime,
    pub summary: String,
    /// Needs heard: description and whether it is a hidden (never advertised) job.
    pub needs: Vec<(String, bool)>,
    /// The cooperation depth after this contact.
    pub cooperation: CooperationDepth,
}

/// An employer's contact history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerRelations {
    pub interactions: Vec<Interaction>,
    pub needs: Vec<Need>,
}

fn invalid(field: &'static str, reason: &str) -> ServiceError {
    ServiceError::Invalid(DomainError::Invalid {
        field,
        reason: reason.into(),
    })
}

impl Service {
    /// Records a contact with its needs; the employer's cooperation depth is set to
    /// `cooperation` in the same transaction when it changes. Coordinators of the project only.
    pub async fn record_interaction(
        &self,
        actor: &Actor,
        new: NewInteraction,
    ) -> Result<InteractionId> {
        let employer = self
            .store()
            .get_employer(new.employer_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_employers(actor, employer.project_id) {
            return Err(ServiceError::NotFound);
        }
        let by = actor
            .user_id()
            .ok_or_else(|| invalid("by", "an interaction is recorded by a user"))?;
        let summary = new.summary.trim().to_owned();
        if summary.is_empty() {
            return Err(invalid("summary", "write what was discussed"));
        }
        if summary.chars().count() > MAX_SUMMARY_CHARS {
            return Err(invalid("summary", "too long"));
        }
        let heard_at: Date = new.at.date();
        let mut needs = Vec::new();
        for (description, hidden) in new.needs {
            let description = description.trim().to_owned();
            if description.is_empty() {
                continue;
            }
            if description.chars().count() > MAX_NEED_CHARS {
                return Err(invalid("needs", "too long"));
            }
            needs.push(Need {
                id: NeedId::new(),
                employer_id: employer.id,
                description,
                hidden,
                heard_at,
            });
        }
        let interaction = Interaction {
            id: InteractionId::new(),
            employer_id: employer.id,
            by,
            kind: new.kind,
            at: new.at,
            summary,
        };
        let cooperation = (new.cooperation != employer.cooperation)
            .then_some((new.cooperation, employer.version));
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(employer.id.to_string()),
            "record_interaction",
            "employer_cooperation",
        )?;
        self.store()
            .insert_interaction(&interaction, &needs, cooperation, &audit)
            .await?;
        Ok(interaction.id)
    }

    /// The interactions and needs of an employer (readers of the register).
    pub async fn employer_relations(
        &self,
        actor: &Actor,
        employer: EmployerId,
    ) -> Result<EmployerRelations> {
        self.employer(actor, employer).await?;
        Ok(EmployerRelations {
            interactions: self.store().list_interactions(employer).await?,
            needs: self.store().list_needs(employer).await?,
        })
    }
}
