//! Roles a user holds, each scoped to a project (admin is instance-wide).

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Manager,
    Coach,
    Coordinator,
    Employer,
    Mentor,
    Institution,
    Participant,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Admin,
        Role::Manager,
        Role::Coach,
        Role::Coordinator,
        Role::Employer,
        Role::Mentor,
        Role::Institution,
        Role::Participant,
    ];

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| DomainError::UnknownRole(s.to_owned()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Coach => "coach",
            Role::Coordinator => "coordinator",
            Role::Employer => "employer",
            Role::Mentor => "mentor",
            Role::Institution => "institution",
            Role::Participant => "participant",
        }
    }

    /// Staff roles work inside the project; the others are outside parties or the participant.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Role::Admin | Role::Manager | Role::Coach | Role::Coordinator
        )
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A validated e-mail address (lower-cased; one `@`, a dot in the domain, no spaces).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, DomainError> {
        let t = s.trim().to_lowercase();
        let ok = t.len() <= 254
            && !t.chars().any(|c| c.is_whitespace() || c.is_control())
            && matches!(t.split_once('@'), Some((local, domain))
                if !local.is_empty() && local.len() <= 64 && !domain.contains('@')
                && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.'));
        if ok {
            Ok(Email(t))
        } else {
            Err(DomainError::InvalidEmail)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn roles_and_emails() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert!(Role::parse("root").is_err());
        assert_eq!(
            Email::parse(" Anna@Example.FI ").unwrap().as_str(),
            "anna@example.fi"
        );
        for bad in [
            "", "a", "a@b", "a@@b.fi", "a b@c.fi", "@c.fi", "a@.fi", "a@fi.", "a\n@b.fi",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
    }
}
