//! Organisations, projects and user accounts. No default or backdoor accounts: a new user gets a
//! random, single-use, expiring activation token, stored only as a hash (R5).

use crate::audit::AuditEvent;
use crate::crypto::hex_encode;
use crate::store::Activation;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{
    org::name, DomainError, Email, Organisation, OrganisationId, Project, ProjectId, Role,
    RoleGrant, User, UserId,
};
use rand::RngCore;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

/// How long an activation token is valid.
pub const ACTIVATION_TTL: Duration = Duration::hours(72);

/// Sets a project's regions from its municipalities (the regions they belong to, by Finnish
/// name), so listings and reports by region follow the municipalities.
pub fn with_regions(mut project: Project) -> Project {
    let mut regions: Vec<String> = project
        .municipalities
        .iter()
        .filter_map(polku_domain::geo::municipality)
        .map(|m| m.region.name_fi.to_owned())
        .collect();
    regions.sort();
    regions.dedup();
    if !regions.is_empty() {
        project.regions = regions;
    }
    project
}

/// A created account and the token to give to its owner once.
#[derive(Debug, Clone)]
pub struct CreatedUser {
    pub user: User,
    pub activation_token: String,
    pub expires_at: OffsetDateTime,
}

pub fn hash_token(token: &str) -> String {
    hex_encode(&Sha256::digest(token.as_bytes()))
}

impl Service {
    pub async fn create_organisation(
        &self,
        actor: &Actor,
        org: Organisation,
    ) -> Result<Organisation> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let org = Organisation {
            name: name("name", &org.name, 200)?,
            ..org
        };
        self.check_business_id_free(&org).await?;
        let audit = AuditEvent::new(
            actor,
            "organisation",
            Some(org.id.to_string()),
            "create",
            "administration",
        )?;
        self.store().insert_organisation(&org, &audit).await?;
        Ok(org)
    }

    pub async fn create_project(&self, actor: &Actor, project: Project) -> Result<Project> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self
            .store()
            .get_organisation(project.organisation_id)
            .await?
            .is_none()
        {
            return Err(ServiceError::NotFound);
        }
        self.check_partners(&project).await?;
        if self
            .store()
            .get_project_by_code(&project.code)
            .await?
            .is_some()
        {
            return Err(ServiceError::Duplicate(format!(
                "project code {}",
                project.code
            )));
        }
        let audit = AuditEvent::new(
            actor,
            "project",
            Some(project.id.to_string()),
            "create",
            "administration",
        )?;
        self.store().insert_project(&project, &audit).await?;
        Ok(project)
    }

    /// A business id names one organisation only.
    async fn check_business_id_free(&self, org: &Organisation) -> Result<()> {
        if let Some(bid) = &org.business_id {
            if self
                .store()
                .list_organisations()
                .await?
                .iter()
                .any(|o| o.id != org.id && o.business_id.as_ref() == Some(bid))
            {
                return Err(ServiceError::Duplicate(format!(
                    "organisation with business id {}",
                    bid.as_str()
                )));
            }
        }
        Ok(())
    }

    /// Every partner must be a known organisation.
    async fn check_partners(&self, project: &Project) -> Result<()> {
        let known = self.store().list_organisations().await?;
        for p in &project.partners {
            if !known.iter().any(|o| o.id == *p) {
                return Err(DomainError::Invalid {
                    field: "partners",
                    reason: format!("no organisation {p}"),
                }
                .into());
            }
        }
        Ok(())
    }

    /// Renames an organisation or changes its business id. Audited (`update`).
    pub async fn update_organisation(
        &self,
        actor: &Actor,
        org: Organisation,
    ) -> Result<Organisation> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let org = Organisation {
            name: name("name", &org.name, 200)?,
            ..org
        };
        if self.store().get_organisation(org.id).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        self.check_business_id_free(&org).await?;
        let audit = AuditEvent::new(
            actor,
            "organisation",
            Some(org.id.to_string()),
            "update",
            "administration",
        )?;
        self.store().update_organisation(&org, &audit).await?;
        Ok(org)
    }

    /// Every organisation, by name (no personal data).
    pub async fn list_organisations(&self, actor: &Actor) -> Result<Vec<Organisation>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store().list_organisations().await
    }

    /// One organisation, for the administration pages.
    pub async fn admin_organisation(
        &self,
        actor: &Actor,
        id: OrganisationId,
    ) -> Result<Organisation> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store()
            .get_organisation(id)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// One project by code, with its funding, municipalities and partners (administrators).
    pub async fn admin_project(&self, actor: &Actor, code: &str) -> Result<Project> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store()
            .get_project_by_code(code)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// Replaces a project's details (the code and id stay). The lead and every partner must
    /// exist. Audited (`update`).
    pub async fn update_project(&self, actor: &Actor, project: Project) -> Result<Project> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let Some(old) = self.store().get_project(project.id).await? else {
            return Err(ServiceError::NotFound);
        };
        if old.code != project.code {
            return Err(DomainError::Invalid {
                field: "code",
                reason: "a project's code does not change".into(),
            }
            .into());
        }
        if self
            .store()
            .get_organisation(project.organisation_id)
            .await?
            .is_none()
        {
            return Err(ServiceError::NotFound);
        }
        self.check_partners(&project).await?;
        let audit = AuditEvent::new(
            actor,
            "project",
            Some(project.id.to_string()),
            "update",
            "administration",
        )?;
        self.store().update_project(&project, &audit).await?;
        Ok(project)
    }

    /// The grant `role` (in the project with `project_code`; none for admin), checked.
    pub async fn grant_for(&self, role: Role, project_code: Option<&str>) -> Result<RoleGrant> {
        let project: Option<ProjectId> = match project_code {
            Some(code) => Some(
                self.store()
                    .get_project_by_code(code)
                    .await?
                    .ok_or(ServiceError::NotFound)?
                    .id,
            ),
            None => None,
        };
        Ok(RoleGrant::new(role, project)?)
    }

    /// Gives a user one more role grant (e.g. a coach in one project becomes a coordinator in
    /// another too). `false` when they already hold it (nothing written). Audited (`grant`).
    /// The grant applies from the user's next request.
    pub async fn grant_role(&self, actor: &Actor, user: UserId, grant: RoleGrant) -> Result<bool> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_user(user).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "grant",
            "administration",
        )?;
        let added = self.store().add_grant(user, &grant, &audit).await?;
        if added {
            tracing::info!(event = "account.role_granted", %user, role = grant.role.as_str(), "role granted");
        }
        Ok(added)
    }

    /// Takes a role grant away. `false` when the user does not hold it. The last active
    /// administrator keeps the admin role ([`ServiceError::LastAdmin`]). Audited (`revoke`);
    /// applies from the user's next request.
    pub async fn revoke_role(&self, actor: &Actor, user: UserId, grant: RoleGrant) -> Result<bool> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_user(user).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "revoke",
            "administration",
        )?;
        let removed = self.store().remove_grant(user, &grant, &audit).await?;
        if removed {
            tracing::info!(event = "account.role_revoked", %user, role = grant.role.as_str(), "role revoked");
        }
        Ok(removed)
    }

    /// Deactivates an account: it cannot sign in or use a sign-in link, and every session of it
    /// ends at once. Its history stays (audit entries, the records it wrote, its grants). The
    /// last active administrator cannot be deactivated ([`ServiceError::LastAdmin`]). Returns
    /// the number of sessions ended; `None` when the account was already deactivated.
    /// Audited (`deactivate`).
    pub async fn deactivate_user(&self, actor: &Actor, user: UserId) -> Result<Option<u64>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_user(user).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "deactivate",
            "administration",
        )?;
        let now = OffsetDateTime::now_utc();
        let now = now
            .replace_nanosecond(now.microsecond() * 1000)
            .unwrap_or(now);
        if !self
            .store()
            .set_user_deactivated(user, Some(now), &audit)
            .await?
        {
            return Ok(None);
        }
        // The account is already refused on every request (it is no longer active); removing
        // the sessions too means none is left to come back with.
        let ended = self.store().end_sessions_of_user(user).await?;
        tracing::info!(event = "account.deactivated", %user, sessions_ended = ended, "account deactivated");
        Ok(Some(ended))
    }

    /// Reactivates a deactivated account: it can sign in again with its password (an account
    /// never activated needs a new sign-in link). `false` when it was not deactivated.
    /// Audited (`reactivate`).
    pub async fn reactivate_user(&self, actor: &Actor, user: UserId) -> Result<bool> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        if self.store().get_user(user).await?.is_none() {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "reactivate",
            "administration",
        )?;
        let done = self
            .store()
            .set_user_deactivated(user, None, &audit)
            .await?;
        if done {
            tracing::info!(event = "account.reactivated", %user, "account reactivated");
        }
        Ok(done)
    }

    /// The account with this e-mail address (administrators; for the command line).
    pub async fn admin_user_by_email(&self, actor: &Actor, email: &Email) -> Result<User> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store()
            .get_user_by_email(email.as_str())
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// Creates a user with one role and returns a one-time activation token.
    pub async fn add_user(
        &self,
        actor: &Actor,
        email: Email,
        display_name: &str,
        role: Role,
        project_code: Option<&str>,
    ) -> Result<CreatedUser> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let project: Option<ProjectId> = match project_code {
            Some(code) => Some(
                self.store()
                    .get_project_by_code(code)
                    .await?
                    .ok_or(ServiceError::NotFound)?
                    .id,
            ),
            None => None,
        };
        let grant = RoleGrant::new(role, project)?;
        if self
            .store()
            .get_user_by_email(email.as_str())
            .await?
            .is_some()
        {
            return Err(ServiceError::Duplicate(format!("user {}", email.as_str())));
        }
        let user = User {
            id: UserId::new(),
            email,
            display_name: name("display_name", display_name, 200)?,
            roles: vec![grant],
            active: false,
            deactivated: false,
        };
        let mut raw = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut raw);
        let token = hex_encode(&raw);
        let expires_at = OffsetDateTime::now_utc() + ACTIVATION_TTL;
        let activation = Activation {
            token_hash: hash_token(&token),
            expires_at,
        };
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.id.to_string()),
            "create",
            "administration",
        )?;
        self.store()
            .insert_user(&user, Some(&activation), &audit)
            .await?;
        Ok(CreatedUser {
            user,
            activation_token: token,
            expires_at,
        })
    }

    /// A new one-time activation (sign-in) link token for an existing user: the user sets a
    /// password with it. Administrators and the operator only; `ttl` bounds its life.
    pub async fn issue_activation(
        &self,
        actor: &Actor,
        user: UserId,
        ttl: time::Duration,
    ) -> Result<(String, OffsetDateTime)> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        match self.store().get_user(user).await? {
            None => return Err(ServiceError::NotFound),
            // A deactivated account gets no sign-in link until it is reactivated.
            Some(u) if u.deactivated => return Err(ServiceError::Deactivated),
            Some(_) => {}
        }
        let mut raw = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut raw);
        let token = hex_encode(&raw);
        let expires_at = OffsetDateTime::now_utc() + ttl.min(ACTIVATION_TTL);
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.to_string()),
            "issue_activation",
            "administration",
        )?;
        self.store()
            .issue_activation(
                user,
                &Activation {
                    token_hash: hash_token(&token),
                    expires_at,
                },
                &audit,
            )
            .await?;
        Ok((token, expires_at))
    }

    /// Inserts a fully specified, inactive user without a token (demo data).
    pub async fn insert_user_record(&self, actor: &Actor, user: &User) -> Result<()> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.id.to_string()),
            "create",
            "administration",
        )?;
        self.store().insert_user(user, None, &audit).await
    }
}

impl Service {
    /// Rotates the master key: every participant's data key is re-wrapped with `new_master` and
    /// the stored check value replaced, in one transaction. Returns the new key set (the audit
    /// and lookup keys are unchanged) and the number of re-wrapped keys. The caller must persist
    /// the new key set *before* calling this, so a crash never leaves data under an unknown key.
    pub async fn rotate_master_key(
        &self,
        actor: &Actor,
        new_master: crate::crypto::Key,
    ) -> Result<(crate::crypto::Keys, u64)> {
        if !actor.is_system() {
            return Err(ServiceError::Forbidden);
        }
        let old = self.keys().clone();
        let new = crate::crypto::Keys {
            master: new_master,
            ..old.clone()
        };
        let rewrap = |id: polku_domain::ParticipantId, wrapped: &[u8]| -> Result<Vec<u8>> {
            let dek = old.unwrap_data_key(wrapped, &id.0)?;
            new.wrap_data_key(&dek, &id.0)
        };
        let audit = AuditEvent::new(actor, "database", None, "rotate_master_key", "maintenance")?;
        let [check, _, _] = new.check_values();
        let rewrap_referral = |id: uuid::Uuid, wrapped: &[u8]| -> Result<Vec<u8>> {
            crate::referrals::rewrap_referral_key(&old, &new, id, wrapped)
        };
        let n = self
            .store()
            .rewrap_keys(&rewrap, &rewrap_referral, &check, &audit)
            .await?;
        Ok((new, n))
    }
}

/// What an administrator sees: every organisation, project and account with its roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminOverview {
    pub organisations: Vec<Organisation>,
    pub projects: Vec<Project>,
    pub users: Vec<User>,
}

impl Service {
    /// Organisations, projects and users, for the administration pages.
    pub async fn admin_overview(&self, actor: &Actor) -> Result<AdminOverview> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(actor, "user", None, "list", "administration")?;
        self.store().append_audit(&audit).await?;
        Ok(AdminOverview {
            organisations: self.store().list_organisations().await?,
            projects: self.store().list_projects().await?,
            users: self.store().list_users().await?,
        })
    }

    /// One account, for the administration pages.
    pub async fn admin_user(&self, actor: &Actor, id: UserId) -> Result<User> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store()
            .get_user(id)
            .await?
            .ok_or(ServiceError::NotFound)
    }
}

impl Service {
    /// Every project, ordered by code (administrators and the operator; no personal data).
    pub async fn list_projects(&self, actor: &Actor) -> Result<Vec<Project>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        self.store().list_projects().await
    }

    /// Every account with its roles. Names and e-mail addresses are personal data: the listing
    /// is audited.
    pub async fn list_users(&self, actor: &Actor) -> Result<Vec<User>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(actor, "user", None, "list", "administration")?;
        self.store().append_audit(&audit).await?;
        self.store().list_users().await
    }

    /// The id of the account with this e-mail address, if any. An existence check for a
    /// caller who already knows the address: nothing else is read, so it is not audited.
    pub async fn user_id_by_email(&self, actor: &Actor, email: &str) -> Result<Option<UserId>> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        Ok(self.store().get_user_by_email(email).await?.map(|u| u.id))
    }

    /// Ends every session of the account (e.g. a lost laptop); returns how many. Audited in the
    /// same transaction as the deletion.
    pub async fn end_sessions(&self, actor: &Actor, email: &Email) -> Result<u64> {
        if !authz::may_administer(actor) {
            return Err(ServiceError::Forbidden);
        }
        let user = self
            .store()
            .get_user_by_email(email.as_str())
            .await?
            .ok_or(ServiceError::NotFound)?;
        let audit = AuditEvent::new(
            actor,
            "user",
            Some(user.id.to_string()),
            "end_sessions",
            "administration",
        )?;
        self.store().delete_user_sessions(user.id, &audit).await
    }
}
