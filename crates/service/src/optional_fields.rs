//! Minimisation by default (R42): which optional fields of the participant record an
//! organisation has switched on (`polku_domain::optional_field`). Administrators change them
//! (audited, purpose `administration`); the participant use cases refuse a new value of a field
//! that is off for the project's lead organisation (rule `field_not_enabled`).

use crate::audit::AuditEvent;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{FieldSettings, OrganisationId, ParticipantPersonal, ProjectId};

/// The fields staff may record in one project: the lead organisation's settings and whether
/// the project is ESF+ funded (then the ESF+ answers are always on).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFields {
    pub settings: FieldSettings,
    pub esf_project: bool,
}

impl ProjectFields {
    pub fn allows(&self, field: polku_domain::OptionalField) -> bool {
        self.settings.allows(field, self.esf_project)
    }
}

impl Service {
    /// Switches the organisation's optional fields to exactly `settings`. Administrators and the
    /// operator only; audited (`set_optional_fields`, purpose `administration`). Returns whether
    /// anything changed. An unknown organisation is [`ServiceError::NotFound`]. Values already
    /// stored are kept when a field is switched off (R42).
    pub async fn set_optional_fields(
        &self,
        actor: &Actor,
        organisation: OrganisationId,
        settings: FieldSettings,
    ) -> Result<bool> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_organisation(organisation).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "organisation",
            Some(organisation.to_string()),
            "set_optional_fields",
            "administration",
        )?;
        self.store()
            .set_optional_fields(organisation, &settings, &audit)
            .await
    }

    /// The organisation's switched-on optional fields (administrators and the operator).
    pub async fn optional_fields(
        &self,
        actor: &Actor,
        organisation: OrganisationId,
    ) -> Result<FieldSettings> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_organisation(organisation).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        self.store().optional_fields(organisation).await
    }

    /// The fields staff may record in `project` (for the participant forms). Coaches of the
    /// project, administrators and the operator; anyone else is [`ServiceError::NotFound`].
    pub async fn project_fields(&self, actor: &Actor, project: ProjectId) -> Result<ProjectFields> {
        if !authz::may_create_participant(actor, project) && !authz::may_administer(actor) {
            return Err(ServiceError::NotFound);
        }
        self.fields_of_project(project).await
    }

    pub(crate) async fn fields_of_project(&self, project: ProjectId) -> Result<ProjectFields> {
        let p = self
            .store()
            .get_project(project)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(ProjectFields {
            settings: self.store().optional_fields(p.organisation_id).await?,
            esf_project: p.funding.is_some(),
        })
    }

    /// Refuses a value of a field that is off in `project` (see
    /// [`FieldSettings::check`]): `current` is the stored record, `None` for a new one.
    pub(crate) async fn check_optional_fields(
        &self,
        project: ProjectId,
        next: &ParticipantPersonal,
        current: Option<&ParticipantPersonal>,
    ) -> Result<()> {
        let f = self.fields_of_project(project).await?;
        f.settings.check(f.esf_project, next, current)?;
        Ok(())
    }
}
