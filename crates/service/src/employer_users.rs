//! Who stands around a placement besides the coach: the employer users linked to an employer
//! (the coordinator links and unlinks them on the employer's page) and the project's workplace
//! mentors a proposal may name. Names only; the links are access facts of the placements.

use crate::audit::AuditEvent;
use crate::authz;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{EmployerId, ProjectId, Role, User, UserId};

/// A user as a select or a list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedUser {
    pub id: UserId,
    pub name: String,
}

fn named(u: &User) -> NamedUser {
    NamedUser {
        id: u.id,
        name: u.display_name.clone(),
    }
}

fn has_role(u: &User, role: Role, project: ProjectId) -> bool {
    u.active
        && u.roles
            .iter()
            .any(|g| g.role == role && g.project == Some(project))
}

impl Service {
    /// The employer users linked to an employer, and the project's employer users not linked
    /// yet (to choose from), by name: for the project's coordinators and administrators.
    pub async fn employer_users(
        &self,
        actor: &Actor,
        employer: EmployerId,
    ) -> Result<(Vec<NamedUser>, Vec<NamedUser>)> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !(authz::may_edit_employers(actor, e.project_id) || authz::may_administer(actor)) {
            return Err(ServiceError::NotFound);
        }
        let linked_ids = self.store().users_of_employer(employer).await?;
        let mut linked = Vec::new();
        let mut others = Vec::new();
        for u in self.store().list_users().await? {
            if linked_ids.contains(&u.id) {
                linked.push(named(&u));
            } else if has_role(&u, Role::Employer, e.project_id) {
                others.push(named(&u));
            }
        }
        linked.sort_by(|a, b| a.name.cmp(&b.name));
        others.sort_by(|a, b| a.name.cmp(&b.name));
        Ok((linked, others))
    }

    /// Removes an employer user's link to an employer (the project's coordinators and
    /// administrators); audited. Unlinking someone not linked changes nothing.
    pub async fn unlink_employer_user(
        &self,
        actor: &Actor,
        user: UserId,
        employer: EmployerId,
    ) -> Result<bool> {
        let e = self
            .store()
            .get_employer(employer)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !(authz::may_edit_employers(actor, e.project_id) || authz::may_administer(actor)) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "employer",
            Some(employer.to_string()),
            &format!("unlink_user:{user}"),
            "employer_cooperation",
        )?;
        self.store()
            .unlink_employer_user(user, employer, &audit)
            .await
    }

    /// The project's workplace mentors by name, for a proposal's mentor select: for the
    /// project's coaches and coordinators.
    pub async fn project_mentors(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<NamedUser>> {
        if !(actor.has(Role::Coach, project)
            || actor.has(Role::Coordinator, project)
            || actor.is_system())
        {
            return Err(ServiceError::NotFound);
        }
        let mut out: Vec<NamedUser> = self
            .store()
            .list_users()
            .await?
            .iter()
            .filter(|u| has_role(u, Role::Mentor, project))
            .map(named)
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }
}
