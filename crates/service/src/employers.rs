//! Employer register, task inventories and openings.

use crate::audit::AuditEvent;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{Employer, EmployerId, Opening, OpeningId, ProjectId, Task, TaskId};

impl Service {
    pub async fn create_employer(&self, actor: &Actor, e: Employer) -> Result<EmployerId> {
        if !authz::may_edit_employers(actor, e.project_id) {
            return Err(ServiceError::Forbidden);
        }
        e.validate()?;
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(e.id.to_string()),
            "create",
            "employer_cooperation",
        )?;
        self.store()
            .insert_employer(
                &Employer {
                    version: 1,
                    ..e.clone()
                },
                &audit,
            )
            .await?;
        Ok(e.id)
    }

    pub async fn update_employer(
        &self,
        actor: &Actor,
        e: Employer,
        expected_version: i64,
    ) -> Result<i64> {
        let stored = self
            .store()
            .get_employer(e.id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_employers(actor, stored.project_id) || stored.project_id != e.project_id
        {
            return Err(ServiceError::NotFound);
        }
        e.validate()?;
        let next = Employer {
            version: expected_version + 1,
            ..e
        };
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(next.id.to_string()),
            "update",
            "employer_cooperation",
        )?;
        self.store()
            .update_employer(&next, expected_version, &audit)
            .await?;
        Ok(next.version)
    }

    pub async fn employers(&self, actor: &Actor, project: ProjectId) -> Result<Vec<Employer>> {
        if !authz::may_read_employers(actor, project) {
            return Err(ServiceError::Forbidden);
        }
        self.store().list_employers(project).await
    }

    async fn employer_for_edit(&self, actor: &Actor, id: EmployerId) -> Result<Employer> {
        let e = self
            .store()
            .get_employer(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_employers(actor, e.project_id) {
            return Err(ServiceError::NotFound);
        }
        Ok(e)
    }

    pub async fn add_task(&self, actor: &Actor, t: Task) -> Result<()> {
        self.employer_for_edit(actor, t.employer_id).await?;
        t.validate()?;
        let audit = AuditEvent::new(
            actor,
            "task",
            Some(t.id.to_string()),
            "create",
            "employer_cooperation",
        )?;
        self.store()
            .insert_task(&Task { version: 1, ..t }, &audit)
            .await
    }

    /// Adds an opening; every task must belong to the same employer.
    pub async fn add_opening(&self, actor: &Actor, o: Opening) -> Result<()> {
        self.employer_for_edit(actor, o.employer_id).await?;
        o.validate()?;
        let tasks = self.store().list_tasks(o.employer_id).await?;
        if let Some(bad) = o.tasks.iter().find(|t| !tasks.iter().any(|x| x.id == **t)) {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "tasks",
                reason: format!("task {bad} is not in this employer's inventory"),
            }));
        }
        let audit = AuditEvent::new(
            actor,
            "opening",
            Some(o.id.to_string()),
            "create",
            "employer_cooperation",
        )?;
        self.store()
            .insert_opening(&Opening { version: 1, ..o }, &audit)
            .await
    }

    pub async fn tasks(&self, actor: &Actor, employer: EmployerId) -> Result<Vec<Task>> {
        self.employer_as(actor, employer, "read_tasks").await?;
        self.store().list_tasks(employer).await
    }

    pub async fn openings(&self, actor: &Actor, employer: EmployerId) -> Result<Vec<Opening>> {
        self.employer_as(actor, employer, "read_openings").await?;
        self.store().list_openings(employer).await
    }
}

/// One line of the employer register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerLine {
    pub employer: Employer,
    /// Openings that have not ended (no end date, or ending today or later).
    pub open_openings: usize,
}

impl Service {
    /// One employer, for reading. "Not yours" is "not found" (R14).
    pub async fn employer(&self, actor: &Actor, id: EmployerId) -> Result<Employer> {
        self.employer_as(actor, id, "read").await
    }

    /// The employer when the actor may read the register it is in; otherwise (or when there is
    /// no such employer) `NotFound`, recorded as a denied `action` (R34, R35).
    async fn employer_as(&self, actor: &Actor, id: EmployerId, action: &str) -> Result<Employer> {
        match self.store().get_employer(id).await? {
            Some(e) if authz::may_read_employers(actor, e.project_id) => Ok(e),
            _ => {
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

    /// Whether the actor may change this employer's records (for showing edit links; the
    /// write calls check again).
    pub fn may_edit_employer(&self, actor: &Actor, e: &Employer) -> bool {
        authz::may_edit_employers(actor, e.project_id)
    }

    /// The employer register of a project with the number of open openings of each employer.
    pub async fn employer_register(
        &self,
        actor: &Actor,
        project: ProjectId,
        today: time::Date,
    ) -> Result<Vec<EmployerLine>> {
        let mut out = Vec::new();
        for e in self.employers(actor, project).await? {
            let open = self
                .store()
                .list_openings(e.id)
                .await?
                .iter()
                .filter(|o| o.ends_on.is_none_or(|d| d >= today))
                .count();
            out.push(EmployerLine {
                employer: e,
                open_openings: open,
            });
        }
        Ok(out)
    }

    /// One task of an employer's inventory.
    pub async fn task(&self, actor: &Actor, employer: EmployerId, id: TaskId) -> Result<Task> {
        self.tasks(actor, employer)
            .await?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or(ServiceError::NotFound)
    }

    /// Replaces a task if nobody changed it since `expected_version` was read (R50).
    pub async fn update_task(&self, actor: &Actor, t: Task, expected_version: i64) -> Result<i64> {
        self.employer_for_edit(actor, t.employer_id).await?;
        let stored = self
            .store()
            .list_tasks(t.employer_id)
            .await?
            .into_iter()
            .find(|x| x.id == t.id)
            .ok_or(ServiceError::NotFound)?;
        if stored.version != expected_version {
            return Err(ServiceError::Conflict {
                current: stored.version,
            });
        }
        t.validate()?;
        let next = Task {
            version: expected_version + 1,
            ..t
        };
        let audit = AuditEvent::new(
            actor,
            "task",
            Some(next.id.to_string()),
            "update",
            "employer_cooperation",
        )?;
        self.store()
            .update_task(&next, expected_version, &audit)
            .await?;
        Ok(next.version)
    }

    /// Changes an opening (coordinators of the project). `expected_version` is the version the
    /// user edited; a newer stored one is `Conflict` (R50). Returns the new version.
    pub async fn update_opening(
        &self,
        actor: &Actor,
        o: Opening,
        expected_version: i64,
    ) -> Result<i64> {
        self.employer_for_edit(actor, o.employer_id).await?;
        o.validate()?;
        let tasks = self.store().list_tasks(o.employer_id).await?;
        if let Some(bad) = o.tasks.iter().find(|t| !tasks.iter().any(|x| x.id == **t)) {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "tasks",
                reason: format!("task {bad} is not in this employer's inventory"),
            }));
        }
        let next = Opening {
            version: expected_version + 1,
            ..o
        };
        let audit = AuditEvent::new(
            actor,
            "opening",
            Some(next.id.to_string()),
            "update",
            "employer_cooperation",
        )?;
        self.store()
            .update_opening(&next, expected_version, &audit)
            .await?;
        Ok(next.version)
    }

    /// One opening of an employer.
    pub async fn opening(
        &self,
        actor: &Actor,
        employer: EmployerId,
        id: OpeningId,
    ) -> Result<Opening> {
        self.openings(actor, employer)
            .await?
            .into_iter()
            .find(|o| o.id == id)
            .ok_or(ServiceError::NotFound)
    }
}

/// An employer with the size of its task inventory and its number of openings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerCounts {
    pub employer: Employer,
    pub tasks: usize,
    pub openings: usize,
}

impl Service {
    /// The project's employers with their tasks and openings counted: three reads for the
    /// whole project, however many employers it has.
    pub async fn employer_overview(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<EmployerCounts>> {
        if !authz::may_read_employers(actor, project) {
            return Err(ServiceError::Forbidden);
        }
        let mut tasks = std::collections::HashMap::<EmployerId, usize>::new();
        for t in self.store().list_project_tasks(project).await? {
            *tasks.entry(t.employer_id).or_default() += 1;
        }
        let mut openings = std::collections::HashMap::<EmployerId, usize>::new();
        for o in self.store().list_project_openings(project).await? {
            *openings.entry(o.employer_id).or_default() += 1;
        }
        Ok(self
            .store()
            .list_employers(project)
            .await?
            .into_iter()
            .map(|e| EmployerCounts {
                tasks: tasks.get(&e.id).copied().unwrap_or_default(),
                openings: openings.get(&e.id).copied().unwrap_or_default(),
                employer: e,
            })
            .collect())
    }
}
