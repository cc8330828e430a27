//! Organisations, projects and users.

use crate::funding::Funding;
use crate::{DomainError, Email, MunicipalityCode, OrganisationId, ProjectId, Role, UserId};
use serde::{Deserialize, Serialize};
use time::Date;

/// A non-empty, trimmed display name of at most `max` characters without control characters.
pub fn name(field: &'static str, s: &str, max: usize) -> Result<String, DomainError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DomainError::Invalid {
            field,
            reason: "must not be empty".into(),
        });
    }
    if t.chars().count() > max {
        return Err(DomainError::Invalid {
            field,
            reason: format!("at most {max} characters"),
        });
    }
    if t.chars().any(char::is_control) {
        return Err(DomainError::Invalid {
            field,
            reason: "control characters are not allowed".into(),
        });
    }
    Ok(t.to_owned())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub business_id: Option<crate::BusinessId>,
}

/// An ESF+ project run by a lead organisation with partners, in some regions, for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub id: ProjectId,
    /// The lead organisation (the beneficiary that administers the project).
    pub organisation_id: OrganisationId,
    pub code: String,
    pub name: String,
    pub regions: Vec<String>,
    pub target_groups: Vec<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    /// The funding programme and specific objective (`None`: not set, e.g. older projects).
    pub funding: Option<Funding>,
    /// The municipalities the project works in (codes of the embedded register), sorted.
    pub municipalities: Vec<MunicipalityCode>,
    /// The partner organisations besides the lead, sorted; never the lead itself.
    pub partners: Vec<OrganisationId>,
}

impl Project {
    /// Validates code and period; the code is an operator-facing handle like `POLKU-PH`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: ProjectId,
        organisation_id: OrganisationId,
        code: &str,
        project_name: &str,
        regions: Vec<String>,
        target_groups: Vec<String>,
        starts_on: Date,
        ends_on: Date,
    ) -> Result<Self, DomainError> {
        let code = name("code", code, 32)?;
        if !code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(DomainError::Invalid {
                field: "code",
                reason: "letters, digits, - and _ only".into(),
            });
        }
        if ends_on < starts_on {
            return Err(DomainError::Invalid {
                field: "ends_on",
                reason: "the project ends before it starts".into(),
            });
        }
        Ok(Self {
            id,
            organisation_id,
            code,
            name: name("name", project_name, 200)?,
            regions,
            target_groups,
            starts_on,
            ends_on,
            funding: None,
            municipalities: Vec::new(),
            partners: Vec::new(),
        })
    }

    /// Sets funding, municipalities and partners, checked: every municipality must exist in the
    /// embedded register, a partner may not be the lead, duplicates are dropped.
    pub fn with_setup(
        mut self,
        funding: Option<Funding>,
        municipalities: &[String],
        partners: &[OrganisationId],
    ) -> Result<Self, DomainError> {
        let mut codes = municipalities
            .iter()
            .filter(|m| !m.trim().is_empty())
            .map(|m| MunicipalityCode::known(m))
            .collect::<Result<Vec<_>, _>>()?;
        codes.sort();
        codes.dedup();
        let mut partners = partners.to_vec();
        if partners.contains(&self.organisation_id) {
            return Err(DomainError::Invalid {
                field: "partners",
                reason: "the lead organisation is not also a partner".into(),
            });
        }
        partners.sort_by_key(|p| p.0);
        partners.dedup();
        self.funding = funding;
        self.municipalities = codes;
        self.partners = partners;
        Ok(self)
    }

    /// The lead and the partners: every organisation that works in the project.
    pub fn organisations(&self) -> Vec<OrganisationId> {
        let mut out = vec![self.organisation_id];
        out.extend(self.partners.iter().copied());
        out
    }
}

/// A user and the roles they hold. Admin is instance-wide (`project: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub display_name: String,
    pub roles: Vec<RoleGrant>,
    /// May sign in: activated (a password set) and not deactivated.
    pub active: bool,
    /// Deactivated by an administrator: cannot sign in or activate until reactivated; the
    /// account and everything it authored stay.
    pub deactivated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub project: Option<ProjectId>,
}

impl RoleGrant {
    /// Every role but admin is scoped to a project; admin is instance-wide and takes none
    /// (asking for a project-scoped admin is an error, not a silent upgrade to global admin).
    pub fn new(role: Role, project: Option<ProjectId>) -> Result<Self, DomainError> {
        match (role, project) {
            (Role::Admin, None) => Ok(Self {
                role,
                project: None,
            }),
            (Role::Admin, Some(_)) => Err(DomainError::Invalid {
                field: "project",
                reason: "the admin role is instance-wide and takes no project".into(),
            }),
            (_, Some(p)) => Ok(Self {
                role,
                project: Some(p),
            }),
            (_, None) => Err(DomainError::Invalid {
                field: "project",
                reason: format!("role {role} needs a project"),
            }),
        }
    }
}
