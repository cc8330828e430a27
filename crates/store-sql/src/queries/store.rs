//! `impl Store` for the backend this file is compiled into (see `polku-store-sql`): each method
//! delegates to the module that owns its tables.

use super::{
    audit, consents, directory, employers, erasure, esco, participants, reports, sessions, subject,
};
use crate::{backup, db, SqlStore, MIGRATOR};
use async_trait::async_trait;
use polku_domain::{
    Employer, EmployerId, Opening, Organisation, OrganisationId, ParticipantId, Project, ProjectId,
    Share, Task, User, UserId,
};
use polku_service::audit::{AuditEvent, AuditRow};
use polku_service::authz::ParticipantScope;
use polku_service::store::{
    Activation, ActivationOutcome, AuditQuery, EscoConcept, IntegrityReport, MeetingRecord,
    ParticipantRecord, ParticipantSummary, SessionRecord, SubjectRecords, UpsertCounts,
};
use polku_service::store::{EraseOutcome, LegalHold};
use polku_service::{Result, ServiceError, Store};
use std::path::Path;

#[async_trait]
impl Store for SqlStore {
    fn backend(&self) -> &'static str {
        crate::dialect::NAME
    }

    fn shipped_migrations(&self) -> Vec<i64> {
        crate::migration_versions()
    }

    async fn migrate(&self) -> Result<()> {
        MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| ServiceError::Storage(format!("migration failed: {e}")))?;
        esco::fill_search_text(self).await
    }

    async fn applied_migrations(&self) -> Result<Vec<i64>> {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
            .fetch_all(&self.pool)
            .await
            .map_err(db)
    }

    async fn durability_settings(&self) -> Result<Vec<(String, String)>> {
        crate::settings(&self.pool).await
    }

    async fn integrity_check(&self) -> Result<IntegrityReport> {
        backup::integrity(self).await
    }

    async fn get_meta(&self, key: &str) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }

    async fn set_meta_if_absent(&self, key: &str, value: &str) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn insert_organisation(&self, org: &Organisation, audit: &AuditEvent) -> Result<()> {
        directory::insert_organisation(self, org, audit).await
    }
    async fn get_organisation(&self, id: OrganisationId) -> Result<Option<Organisation>> {
        directory::get_organisation(self, id).await
    }
    async fn insert_project(&self, project: &Project, audit: &AuditEvent) -> Result<()> {
        directory::insert_project(self, project, audit).await
    }
    async fn get_project(&self, id: ProjectId) -> Result<Option<Project>> {
        directory::get_project(self, id).await
    }
    async fn get_project_by_code(&self, code: &str) -> Result<Option<Project>> {
        directory::get_project_by_code(self, code).await
    }
    async fn list_projects(&self) -> Result<Vec<Project>> {
        directory::list_projects(self).await
    }
    async fn insert_user(
        &self,
        user: &User,
        activation: Option<&Activation>,
        audit: &AuditEvent,
    ) -> Result<()> {
        directory::insert_user(self, user, activation, audit).await
    }
    async fn get_user(&self, id: UserId) -> Result<Option<User>> {
        directory::get_user(self, id).await
    }
    async fn get_user_by_email(&self, email: &str) -> Result<Option<User>> {
        directory::get_user_by_email(self, email).await
    }
    async fn list_users(&self) -> Result<Vec<User>> {
        directory::list_users(self).await
    }

    async fn activate_user(
        &self,
        token_hash: &str,
        password_phc: &str,
        now: time::OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<ActivationOutcome> {
        sessions::activate_user(self, token_hash, password_phc, now, audit).await
    }
    async fn issue_activation(
        &self,
        user: UserId,
        activation: &polku_service::store::Activation,
        audit: &AuditEvent,
    ) -> Result<()> {
        sessions::issue_activation(self, user, activation, audit).await
    }
    async fn credentials_for(&self, email: &str) -> Result<Option<(UserId, String, bool)>> {
        sessions::credentials_for(self, email).await
    }
    async fn set_password(
        &self,
        user: UserId,
        password_phc: &str,
        now: time::OffsetDateTime,
    ) -> Result<()> {
        sessions::set_password(self, user, password_phc, now).await
    }
    async fn create_session(&self, token_hash: &str, session: &SessionRecord) -> Result<()> {
        sessions::create_session(self, token_hash, session).await
    }
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>> {
        sessions::session(self, token_hash).await
    }
    async fn touch_session(&self, token_hash: &str, now: time::OffsetDateTime) -> Result<()> {
        sessions::touch_session(self, token_hash, now).await
    }
    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sessions::delete_session(self, token_hash).await
    }
    async fn delete_user_sessions(&self, user: UserId, audit: &AuditEvent) -> Result<u64> {
        sessions::delete_user_sessions(self, user, audit).await
    }
    async fn totp(&self, user: UserId) -> Result<Option<polku_service::store::TotpRecord>> {
        sessions::totp(self, user).await
    }
    async fn begin_totp(
        &self,
        user: UserId,
        secret_sealed: &[u8],
        audit: &AuditEvent,
    ) -> Result<bool> {
        sessions::begin_totp(self, user, secret_sealed, audit).await
    }
    async fn confirm_totp(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
        now: time::OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<()> {
        sessions::confirm_totp(self, user, step, recovery_hashes, now, audit).await
    }
    async fn use_totp_step(&self, user: UserId, step: i64) -> Result<bool> {
        sessions::use_totp_step(self, user, step).await
    }
    async fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        now: time::OffsetDateTime,
    ) -> Result<bool> {
        sessions::use_recovery_code(self, user, code_hash, now).await
    }

    async fn insert_participant(
        &self,
        rec: &ParticipantRecord,
        wrapped_key: &[u8],
        audit: &AuditEvent,
    ) -> Result<()> {
        participants::insert(self, rec, wrapped_key, audit).await
    }
    async fn participant_scope(&self, id: ParticipantId) -> Result<Option<ParticipantScope>> {
        participants::scope(self, id).await
    }
    async fn get_participant(
        &self,
        id: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Option<(ParticipantRecord, Option<Vec<u8>>)>> {
        participants::get(self, id, audit).await
    }
    async fn update_participant(
        &self,
        rec: &ParticipantRecord,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()> {
        participants::update(self, rec, expected, audit).await
    }
    async fn list_participants(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
        audit: &AuditEvent,
    ) -> Result<Vec<ParticipantSummary>> {
        participants::list(self, project, coach, audit).await
    }
    async fn count_participants(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM participants")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
    async fn wrapped_key(&self, id: ParticipantId) -> Result<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT wrapped_key FROM participant_keys WHERE participant_id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }
    async fn rewrap_keys(
        &self,
        rewrap: &(dyn for<'k> Fn(ParticipantId, &'k [u8]) -> Result<Vec<u8>> + Send + Sync),
        master_key_check: &str,
        audit: &AuditEvent,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let rows: Vec<(uuid::Uuid, Vec<u8>)> = sqlx::query_as(
            "SELECT participant_id, wrapped_key FROM participant_keys ORDER BY participant_id",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        for (id, wrapped) in &rows {
            let new = rewrap(ParticipantId(*id), wrapped)?;
            sqlx::query("UPDATE participant_keys SET wrapped_key = $1 WHERE participant_id = $2")
                .bind(new)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        let done = sqlx::query("UPDATE meta SET value = $1 WHERE key = 'master_key_check'")
            .bind(master_key_check)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() != 1 {
            return Err(ServiceError::Storage(
                "the master key check value is missing".into(),
            ));
        }
        audit::append(&mut tx, &self.chain, audit).await?;
        tx.commit().await.map_err(db)?;
        Ok(rows.len() as u64)
    }
    async fn destroy_participant_key(&self, id: ParticipantId, audit: &AuditEvent) -> Result<bool> {
        participants::destroy_key(self, id, audit).await
    }
    async fn shares_for(&self, id: ParticipantId) -> Result<Vec<Share>> {
        participants::shares_for(self, id).await
    }
    async fn insert_share(&self, share: &Share, audit: &AuditEvent) -> Result<()> {
        participants::insert_share(self, share, audit).await
    }
    async fn shares_to(&self, recipient: UserId) -> Result<Vec<Share>> {
        participants::shares_to(self, recipient).await
    }
    async fn revoke_share(
        &self,
        participant: ParticipantId,
        id: polku_domain::ShareId,
        at: time::OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool> {
        participants::revoke_share(self, participant, id, at, audit).await
    }
    async fn consents_for(&self, id: ParticipantId) -> Result<Vec<polku_domain::Consent>> {
        consents::consents_for(self, id).await
    }
    async fn insert_consents(
        &self,
        consents: &[polku_domain::Consent],
        audit: &AuditEvent,
    ) -> Result<()> {
        consents::insert_consents(self, consents, audit).await
    }
    async fn withdraw_consent(
        &self,
        participant: ParticipantId,
        id: polku_domain::ConsentId,
        at: time::OffsetDateTime,
        by: UserId,
        audit: &AuditEvent,
    ) -> Result<bool> {
        consents::withdraw_consent(self, participant, id, at, by, audit).await
    }
    async fn insert_meeting(&self, m: &MeetingRecord, audit: &AuditEvent) -> Result<()> {
        participants::insert_meeting(self, m, audit).await
    }
    async fn list_meetings(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<MeetingRecord>> {
        participants::list_meetings(self, participant, audit).await
    }
    async fn insert_plan_item(
        &self,
        rec: &polku_service::store::PlanItemRecord,
        audit: &AuditEvent,
    ) -> Result<()> {
        participants::insert_plan_item(self, rec, audit).await
    }
    async fn list_plan_items(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<polku_service::store::PlanItemRecord>> {
        participants::list_plan_items(self, participant, audit).await
    }
    async fn set_plan_item_done(
        &self,
        participant: ParticipantId,
        item: polku_domain::PlanItemId,
        done_at: Option<time::OffsetDateTime>,
        expected: i64,
        audit: &AuditEvent,
    ) -> Result<()> {
        participants::set_plan_item_done(self, participant, item, done_at, expected, audit).await
    }
    // Coach pages (web).
    async fn meeting_times(
        &self,
        project: ProjectId,
        coach: Option<UserId>,
    ) -> Result<Vec<(ParticipantId, time::OffsetDateTime)>> {
        participants::meeting_times(self, project, coach).await
    }
    async fn search_esco(
        &self,
        kind: &str,
        patterns: &[String; 3],
        limit: i64,
    ) -> Result<Vec<EscoConcept>> {
        esco::search(self, kind, patterns, limit).await
    }
    async fn stage_changes(
        &self,
        participant: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Vec<polku_service::store::StageChange>> {
        participants::stage_changes(self, participant, audit).await
    }

    async fn insert_employer(&self, e: &Employer, audit: &AuditEvent) -> Result<()> {
        employers::insert_employer(self, e, audit).await
    }
    async fn get_employer(&self, id: EmployerId) -> Result<Option<Employer>> {
        employers::get_employer(self, id).await
    }
    async fn update_employer(&self, e: &Employer, expected: i64, audit: &AuditEvent) -> Result<()> {
        employers::update_employer(self, e, expected, audit).await
    }
    async fn list_employers(&self, project: ProjectId) -> Result<Vec<Employer>> {
        employers::list_employers(self, project).await
    }
    async fn count_employers(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM employers")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
    async fn insert_task(&self, t: &Task, audit: &AuditEvent) -> Result<()> {
        employers::insert_task(self, t, audit).await
    }
    async fn list_tasks(&self, employer: EmployerId) -> Result<Vec<Task>> {
        employers::list_tasks(self, employer).await
    }
    async fn insert_opening(&self, o: &Opening, audit: &AuditEvent) -> Result<()> {
        employers::insert_opening(self, o, audit).await
    }
    async fn list_openings(&self, employer: EmployerId) -> Result<Vec<Opening>> {
        employers::list_openings(self, employer).await
    }
    async fn update_opening(&self, o: &Opening, expected: i64, audit: &AuditEvent) -> Result<()> {
        employers::update_opening(self, o, expected, audit).await
    }
    async fn list_project_tasks(&self, project: ProjectId) -> Result<Vec<Task>> {
        employers::list_project_tasks(self, project).await
    }
    async fn list_project_openings(&self, project: ProjectId) -> Result<Vec<Opening>> {
        employers::list_project_openings(self, project).await
    }

    // Employer, report and admin pages (web).
    async fn update_task(&self, t: &Task, expected: i64, audit: &AuditEvent) -> Result<()> {
        employers::update_task(self, t, expected, audit).await
    }
    async fn insert_interaction(
        &self,
        interaction: &polku_domain::Interaction,
        needs: &[polku_domain::Need],
        cooperation: Option<(polku_domain::CooperationDepth, i64)>,
        audit: &AuditEvent,
    ) -> Result<()> {
        employers::insert_interaction(self, interaction, needs, cooperation, audit).await
    }
    async fn list_interactions(
        &self,
        employer: EmployerId,
    ) -> Result<Vec<polku_domain::Interaction>> {
        employers::list_interactions(self, employer).await
    }
    async fn list_needs(&self, employer: EmployerId) -> Result<Vec<polku_domain::Need>> {
        employers::list_needs(self, employer).await
    }
    async fn project_counts(
        &self,
        project: ProjectId,
    ) -> Result<polku_service::store::ProjectCounts> {
        reports::project_counts(self, project).await
    }
    async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        directory::list_organisations(self).await
    }
    async fn insert_contact(
        &self,
        c: &polku_service::store::EmployerContact,
        audit: &AuditEvent,
    ) -> Result<()> {
        employers::insert_contact(self, c, audit).await
    }
    async fn delete_contact(
        &self,
        employer: EmployerId,
        id: uuid::Uuid,
        audit: &AuditEvent,
    ) -> Result<bool> {
        employers::delete_contact(self, employer, id, audit).await
    }
    async fn list_contacts(
        &self,
        employer: EmployerId,
        audit: &AuditEvent,
    ) -> Result<Vec<polku_service::store::EmployerContact>> {
        employers::list_contacts(self, employer, audit).await
    }

    async fn upsert_esco(&self, batch: &[EscoConcept]) -> Result<UpsertCounts> {
        esco::upsert(self, batch).await
    }
    async fn count_esco(&self, kind: &str) -> Result<i64> {
        sqlx::query_scalar("SELECT count(*) FROM esco_concepts WHERE kind = $1")
            .bind(kind)
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
    async fn get_esco(&self, uri: &str) -> Result<Option<EscoConcept>> {
        esco::get(self, uri).await
    }

    async fn append_audit(&self, event: &AuditEvent) -> Result<()> {
        let mut tx = self.write().await?;
        audit::append(&mut tx, &self.chain, event).await?;
        tx.commit().await.map_err(db)
    }
    async fn audit_head(&self) -> Result<Option<(i64, String)>> {
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(&self.pool)
            .await
            .map_err(db)
    }
    async fn audit_page(&self, after: i64, limit: i64) -> Result<Vec<AuditRow>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        audit::page(&mut conn, after, limit).await
    }
    async fn legal_holds(&self, id: ParticipantId) -> Result<Vec<LegalHold>> {
        erasure::legal_holds(self, id).await
    }
    async fn insert_legal_hold(&self, hold: &LegalHold, audit: &AuditEvent) -> Result<()> {
        erasure::insert_legal_hold(self, hold, audit).await
    }
    async fn release_legal_hold(
        &self,
        participant: ParticipantId,
        hold: uuid::Uuid,
        at: time::OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool> {
        erasure::release_legal_hold(self, participant, hold, at, audit).await
    }
    async fn erase_subject(
        &self,
        id: ParticipantId,
        today: time::Date,
        audit: &AuditEvent,
    ) -> Result<EraseOutcome> {
        erasure::erase_subject(self, id, today, audit).await
    }
    async fn erasures(&self) -> Result<Vec<(ParticipantId, time::OffsetDateTime)>> {
        erasure::erasures(self).await
    }
    async fn replay_erasure(
        &self,
        id: ParticipantId,
        erased_at: time::OffsetDateTime,
        audit: &AuditEvent,
    ) -> Result<bool> {
        erasure::replay_erasure(self, id, erased_at, audit).await
    }
    async fn audit_query(&self, q: &AuditQuery) -> Result<Vec<AuditRow>> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        audit::query(&mut conn, q).await
    }
    async fn subject_records(
        &self,
        id: ParticipantId,
        audit: &AuditEvent,
    ) -> Result<Option<SubjectRecords>> {
        subject::records(self, id, audit).await
    }

    async fn backup(&self, path: &Path) -> Result<()> {
        backup::backup(self, path).await
    }
    async fn close(&self) {
        self.before_close().await;
        self.pool.close().await;
    }
}
