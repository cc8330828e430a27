//! The use cases: import, browse the reference data, map tasks, record and read evidence.

use super::eperusteet::Peruste;
use crate::audit::AuditEvent;
use crate::authz::{self, PlacementRole};
use crate::crypto::aad;
use crate::store::{ImportCounts, QualificationEvidenceRecord};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    CompetenceShown, ConsentPurpose, DataCategory, DomainError, Employer, EmployerId,
    ParticipantId, Placement, PlacementId, PlacementState, QualificationEvidence,
    QualificationEvidenceId, QualificationUnit, RecipientClass, Requirement, RequirementId, Task,
    TaskId, UnitCode,
};
use time::{Date, OffsetDateTime};

const PURPOSE: &str = "placement";

pub(crate) fn note_aad(id: QualificationEvidenceId) -> Vec<u8> {
    aad("qualification_evidence", "note", &id.0, 0)
}

fn rule(field: &'static str, rule: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule })
}

/// Evidence as the mentor enters it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewQualificationEvidence {
    pub requirement_id: RequirementId,
    pub task_id: TaskId,
    pub shown_on: Date,
    pub assessment: CompetenceShown,
    pub note: String,
}

/// One piece of evidence with the requirement item and unit it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceLine {
    pub evidence: QualificationEvidence,
    pub requirement: Requirement,
    /// `None` only if the unit row is missing (cannot happen with the foreign key).
    pub unit: Option<QualificationUnit>,
}

/// A task of the employer with the requirement items mapped to it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRequirements {
    pub task: Task,
    pub requirements: Vec<Requirement>,
}

impl Service {
    /// Writes one qualification read by `polku import eperusteet`: the command line only
    /// (the system actor), all units in one transaction.
    pub async fn import_qualification(&self, actor: &Actor, p: &Peruste) -> Result<ImportCounts> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "qualification",
            Some(p.diaarinumero.clone()),
            "import",
            "import",
        )?;
        self.store()
            .import_units(&p.units, OffsetDateTime::now_utc(), &audit)
            .await
    }

    /// Every stored unit (reference data, no personal data: any signed-in user).
    pub async fn qualification_units(&self, _actor: &Actor) -> Result<Vec<QualificationUnit>> {
        self.store().qualification_units().await
    }

    /// One unit version with its requirement items; `NotFound` when it is not stored.
    pub async fn qualification_unit(
        &self,
        _actor: &Actor,
        code: &UnitCode,
        diaarinumero: &str,
    ) -> Result<(QualificationUnit, Vec<Requirement>)> {
        let unit = self
            .store()
            .qualification_units()
            .await?
            .into_iter()
            .find(|u| &u.code == code && u.diaarinumero == diaarinumero)
            .ok_or(ServiceError::NotFound)?;
        let reqs = self.store().unit_requirements(code, diaarinumero).await?;
        Ok((unit, reqs))
    }

    async fn employer_checked(
        &self,
        actor: &Actor,
        id: EmployerId,
        edit: bool,
    ) -> Result<Employer> {
        let e = self.store().get_employer(id).await?;
        match e {
            Some(e)
                if (edit && authz::may_edit_employers(actor, e.project_id))
                    || (!edit && authz::may_read_employers(actor, e.project_id)) =>
            {
                Ok(e)
            }
            _ => {
                let action = if edit {
                    "map_task_requirements"
                } else {
                    "read_task_requirements"
                };
                self.audit_denied(
                    actor,
                    "employer",
                    &id.to_string(),
                    action,
                    "employer_cooperation",
                )
                .await?;
                Err(ServiceError::NotFound)
            }
        }
    }

    /// The employer's tasks with their mapped requirement items, in inventory order.
    pub async fn task_requirement_map(
        &self,
        actor: &Actor,
        employer: EmployerId,
    ) -> Result<Vec<TaskRequirements>> {
        self.employer_checked(actor, employer, false).await?;
        let tasks = self.store().list_tasks(employer).await?;
        let ids: Vec<TaskId> = tasks.iter().map(|t| t.id).collect();
        let pairs = self.store().task_requirements(&ids).await?;
        let mut req_ids: Vec<RequirementId> = pairs.iter().map(|p| p.1).collect();
        req_ids.sort();
        req_ids.dedup();
        let reqs = self.store().requirements(&req_ids).await?;
        Ok(tasks
            .into_iter()
            .map(|task| {
                let requirements = pairs
                    .iter()
                    .filter(|(t, _)| *t == task.id)
                    .filter_map(|(_, r)| reqs.iter().find(|x| x.id == *r).cloned())
                    .collect();
                TaskRequirements { task, requirements }
            })
            .collect())
    }

    /// A coordinator replaces the requirement items a task of the employer is mapped to. An
    /// item that does not exist is the rule `unknown_requirement` on `requirement_ids`, and
    /// nothing changes.
    pub async fn map_task_requirements(
        &self,
        actor: &Actor,
        employer: EmployerId,
        task: TaskId,
        requirement_ids: &[RequirementId],
    ) -> Result<()> {
        self.employer_checked(actor, employer, true).await?;
        let tasks = self.store().list_tasks(employer).await?;
        if !tasks.iter().any(|t| t.id == task) {
            return Err(ServiceError::NotFound);
        }
        let mut ids = requirement_ids.to_vec();
        ids.sort();
        ids.dedup();
        if ids.len() > 200 {
            return Err(rule("requirement_ids", "too_many_requirements"));
        }
        let found = self.store().requirements(&ids).await?;
        if found.len() != ids.len() {
            return Err(rule("requirement_ids", "unknown_requirement"));
        }
        let by = actor.user_id().ok_or(ServiceError::Forbidden)?;
        let audit = AuditEvent::new(
            actor,
            "task",
            Some(task.to_string()),
            "map_requirements",
            "employer_cooperation",
        )?;
        self.store()
            .set_task_requirements(task, &ids, by, OffsetDateTime::now_utc(), &audit)
            .await
    }

    /// The audit event of an evidence read or write: a stable action name about the
    /// participant (the placement is named by the placement read `placement_as` audits in the
    /// same request, which carries the same request id).
    fn evidence_event(&self, actor: &Actor, p: &Placement, action: &str) -> Result<AuditEvent> {
        AuditEvent::new(
            actor,
            "participant",
            Some(p.participant_id.to_string()),
            action,
            PURPOSE,
        )
    }

    /// The placement's mentor (or the participant's coach) records evidence of one
    /// requirement item, shown in one of the placement's tasks. A requirement item that does
    /// not exist is `NotFound`.
    pub async fn record_qualification_evidence(
        &self,
        actor: &Actor,
        id: PlacementId,
        new: NewQualificationEvidence,
    ) -> Result<QualificationEvidence> {
        let (p, role) = self
            .placement_as(actor, id, "record_qualification_evidence")
            .await?;
        if !matches!(role, PlacementRole::Mentor | PlacementRole::Coach) {
            return Err(ServiceError::NotFound);
        }
        if !matches!(
            p.state,
            PlacementState::Agreed | PlacementState::Active | PlacementState::Completed
        ) {
            return Err(rule("placement", "placement_not_mentored"));
        }
        if self
            .store()
            .requirements(&[new.requirement_id])
            .await?
            .is_empty()
        {
            return Err(ServiceError::NotFound);
        }
        if !p.tasks.contains(&new.task_id) {
            return Err(rule("task_id", "task_not_in_placement"));
        }
        let recorded_by = actor.user_id().ok_or(ServiceError::Forbidden)?;
        let e = QualificationEvidence {
            id: QualificationEvidenceId::new(),
            participant_id: p.participant_id,
            placement_id: p.id,
            requirement_id: new.requirement_id,
            task_id: new.task_id,
            shown_on: new.shown_on,
            assessment: new.assessment,
            note: new.note.trim().to_owned(),
            recorded_by,
            recorded_at: OffsetDateTime::now_utc(),
        };
        e.validate(p.starts_on, p.ended_on.or(p.ends_on), crate::today())?;
        let dek = self.data_key(p.participant_id).await?;
        let rec = QualificationEvidenceRecord {
            id: e.id,
            participant_id: e.participant_id,
            placement_id: e.placement_id,
            requirement_id: e.requirement_id,
            task_id: e.task_id,
            shown_on: e.shown_on,
            assessment: e.assessment,
            note_sealed: dek.seal(e.note.as_bytes(), &note_aad(e.id))?,
            recorded_by,
            recorded_at: e.recorded_at,
        };
        let audit = self.evidence_event(actor, &p, "add_qualification_evidence")?;
        self.store()
            .insert_qualification_evidence(&rec, &audit)
            .await?;
        Ok(e)
    }

    /// The placement's qualification evidence, oldest first: its mentor, the participant's
    /// coach and the participant. The read is audited.
    pub async fn qualification_evidence(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> Result<(Placement, Vec<EvidenceLine>)> {
        let (p, role) = self
            .placement_as(actor, id, "read_qualification_evidence")
            .await?;
        if !matches!(
            role,
            PlacementRole::Mentor | PlacementRole::Coach | PlacementRole::Participant
        ) {
            return Err(ServiceError::NotFound);
        }
        let lines = self.evidence_lines(actor, &p).await?;
        Ok((p, lines))
    }

    /// Opens and decorates a placement's evidence (the caller has checked access).
    pub(crate) async fn evidence_lines(
        &self,
        actor: &Actor,
        p: &Placement,
    ) -> Result<Vec<EvidenceLine>> {
        let audit = self.evidence_event(actor, p, "read_qualification_evidence")?;
        let rows = self
            .store()
            .placement_qualification_evidence(p.id, &audit)
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let dek = self.data_key(p.participant_id).await?;
        let mut ids: Vec<RequirementId> = rows.iter().map(|r| r.requirement_id).collect();
        ids.sort();
        ids.dedup();
        let reqs = self.store().requirements(&ids).await?;
        let units = self.store().qualification_units().await?;
        rows.into_iter()
            .map(|r| {
                let note = String::from_utf8(dek.open(&r.note_sealed, &note_aad(r.id))?)
                    .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))?;
                let requirement = reqs
                    .iter()
                    .find(|x| x.id == r.requirement_id)
                    .cloned()
                    .ok_or(ServiceError::NotFound)?;
                let unit = units
                    .iter()
                    .find(|u| {
                        u.code == requirement.unit && u.diaarinumero == requirement.diaarinumero
                    })
                    .cloned();
                Ok(EvidenceLine {
                    evidence: QualificationEvidence {
                        id: r.id,
                        participant_id: r.participant_id,
                        placement_id: r.placement_id,
                        requirement_id: r.requirement_id,
                        task_id: r.task_id,
                        shown_on: r.shown_on,
                        assessment: r.assessment,
                        note,
                        recorded_by: r.recorded_by,
                        recorded_at: r.recorded_at,
                    },
                    requirement,
                    unit,
                })
            })
            .collect()
    }

    /// The referring institution's view (issue 14): the participant's qualification evidence
    /// from every placement, for an institution user of the project with an active share of the
    /// category `skills` for the purpose `transition` and the participant's active consent for
    /// it, decided on this request (a withdrawn consent or a revoked share hides it at once).
    /// Anyone else gets `NotFound` (audited as denied); a read is audited.
    pub async fn shared_qualification_evidence(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<(Placement, Vec<EvidenceLine>)>> {
        let denied = || async {
            self.audit_denied(
                actor,
                "participant",
                &participant.to_string(),
                "read_shared_qualification_evidence",
                PURPOSE,
            )
            .await
        };
        if !self
            .may_see_shared_qualification_evidence(actor, participant)
            .await?
        {
            denied().await?;
            return Err(ServiceError::NotFound);
        }
        let mut out = Vec::new();
        for p in self.store().placements_of(participant).await? {
            let lines = self.evidence_lines(actor, &p).await?;
            if !lines.is_empty() {
                out.push((p, lines));
            }
        }
        Ok(out)
    }

    /// Whether [`Service::shared_qualification_evidence`] would show the participant to `actor`
    /// now: an institution user of the project with an active share of the category `skills`
    /// for the purpose `transition` and the participant's active consent for it. Reads only
    /// the project, the shares and the consents (no personal data): not audited, so that a
    /// page may ask before it offers a link; an unknown participant is `false`.
    pub async fn may_see_shared_qualification_evidence(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<bool> {
        let Some(scope) = self.store().participant_scope(participant).await? else {
            return Ok(false);
        };
        let institution = authz::recipient_classes(actor, scope.project_id)
            .contains(&RecipientClass::Institution);
        if !institution {
            return Ok(false);
        }
        let shares: Vec<_> = self
            .store()
            .shares_for(participant)
            .await?
            .into_iter()
            .filter(|s| s.purpose == ConsentPurpose::Transition)
            .collect();
        let consents = self.store().consents_for(participant).await?;
        let access =
            authz::participant_access(actor, &scope, &shares, &consents, OffsetDateTime::now_utc());
        Ok(matches!(&access, authz::Access::Categories(c) if c.contains(&DataCategory::Skills)))
    }

    /// What the evidence form of a placement offers its mentor or the participant's coach:
    /// each task of the placement with the requirement items mapped to it.
    pub async fn placement_requirement_options(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> Result<Vec<(TaskId, Vec<Requirement>)>> {
        let (p, role) = self.placement_as(actor, id, "read_placement").await?;
        if !matches!(role, PlacementRole::Mentor | PlacementRole::Coach) {
            return Err(ServiceError::NotFound);
        }
        let pairs = self.store().task_requirements(&p.tasks).await?;
        let mut ids: Vec<RequirementId> = pairs.iter().map(|x| x.1).collect();
        ids.sort();
        ids.dedup();
        let reqs = self.store().requirements(&ids).await?;
        Ok(p.tasks
            .iter()
            .map(|t| {
                let items = pairs
                    .iter()
                    .filter(|(task, _)| task == t)
                    .filter_map(|(_, r)| reqs.iter().find(|x| x.id == *r).cloned())
                    .collect();
                (*t, items)
            })
            .collect())
    }
}
