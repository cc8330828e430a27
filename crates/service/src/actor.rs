//! Who is calling. Every service call takes an actor; there is no anonymous path.

use polku_domain::{ProjectId, Role, RoleGrant, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user with their role grants.
    User { id: UserId, grants: Vec<RoleGrant> },
    /// The operator at the command line (migrations, imports, demo data, backups). Named so the
    /// audit log says which command acted.
    System { command: &'static str },
}

impl Actor {
    pub fn user(id: UserId, grants: Vec<RoleGrant>) -> Self {
        Actor::User { id, grants }
    }

    pub fn system(command: &'static str) -> Self {
        Actor::System { command }
    }

    pub fn user_id(&self) -> Option<UserId> {
        match self {
            Actor::User { id, .. } => Some(*id),
            Actor::System { .. } => None,
        }
    }

    pub fn is_system(&self) -> bool {
        matches!(self, Actor::System { .. })
    }

    /// Does the actor hold `role` in `project` (admin counts everywhere for its own scope)?
    pub fn has(&self, role: Role, project: ProjectId) -> bool {
        match self {
            Actor::User { grants, .. } => grants
                .iter()
                .any(|g| g.role == role && g.project == Some(project)),
            Actor::System { .. } => false,
        }
    }

    pub fn is_admin(&self) -> bool {
        match self {
            Actor::User { grants, .. } => grants.iter().any(|g| g.role == Role::Admin),
            Actor::System { .. } => false,
        }
    }

    pub fn audit_id(&self) -> String {
        match self {
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::System { command } => format!("system:{command}"),
        }
    }

    pub fn audit_role(&self) -> String {
        match self {
            Actor::User { grants, .. } => {
                let mut roles: Vec<&str> = grants.iter().map(|g| g.role.as_str()).collect();
                roles.sort_unstable();
                roles.dedup();
                roles.join(",")
            }
            Actor::System { .. } => "system".into(),
        }
    }
}
