//! Which optional participant fields (R42, minimisation by default) are on for a project: the
//! new-participant form and the background tab show only these.

use crate::middleware::session::Session;
use crate::state::AppState;
use polku_domain::{OptionalField, ProjectId};
use polku_service::optional_fields::ProjectFields;

/// Which optional fields (R42) are on for the project: the form shows only these.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldsOn {
    pub hetu: bool,
    pub phone: bool,
    pub birth_year: bool,
    pub foreign_background: bool,
    pub disability: bool,
}

impl FieldsOn {
    pub fn of(f: &ProjectFields) -> FieldsOn {
        FieldsOn {
            hetu: f.allows(OptionalField::Hetu),
            phone: f.allows(OptionalField::Phone),
            birth_year: f.allows(OptionalField::BirthYear),
            foreign_background: f.allows(OptionalField::ForeignBackground),
            disability: f.allows(OptionalField::Disability),
        }
    }

    /// The fields of `project` for the actor (all off when they cannot be read).
    pub async fn load(state: &AppState, session: &Session, project: Option<ProjectId>) -> Self {
        match project {
            Some(p) => match state.service.project_fields(&session.actor, p).await {
                Ok(f) => FieldsOn::of(&f),
                Err(_) => FieldsOn::default(),
            },
            None => FieldsOn::default(),
        }
    }
}
