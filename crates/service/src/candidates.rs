//! Ranked candidates for one opening (matching in the opening → participant direction), shown
//! pseudonymously: rank, score and what fits or needs checking, in plain categories. A
//! candidate's own data is added only when an active share to the viewer allows it (R14).
//!
//! Ranking needs the participants' profiles; each read is audited as matching by the viewer
//! before the engine runs, and nothing but the pseudonymous result leaves this module.

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::matching::{employer_input, off_thread, participant_input};
use crate::participants::SharedParticipant;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{EmployerId, OpeningId, ParticipantId};
use polku_matching::api::{self, List};
use polku_matching::input as mi;
use time::{Date, OffsetDateTime};

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// 1-based rank; "Candidate 3" is the pseudonym.
    pub rank: usize,
    /// The person's id: links a coordinator's "prepare a proposal" to them without naming them.
    pub participant: ParticipantId,
    pub score: f64,
    /// What fits, as the engine's codes (`hours`, `days`, `municipality`, `language`,
    /// `functioning`, `accommodated`), without the person's levels.
    pub fits: Vec<String>,
    /// Demanded dimensions (task data) on which the person was not assessed.
    pub to_check: Vec<String>,
    /// What an active share to the viewer allows to be seen, if any.
    pub shared: Option<SharedParticipant>,
}

/// Whether the participant has an active consent to employers, for placement, covering the
/// functioning category (the condition for using their functioning profile in a ranking that
/// is not their own coach's, D4).
fn functioning_consented(
    consents: &[polku_domain::Consent],
    participant: ParticipantId,
    now: OffsetDateTime,
) -> bool {
    consents.iter().any(|c| {
        c.participant_id == participant
            && c.recipient == polku_domain::RecipientClass::Employer
            && c.purpose == polku_domain::ConsentPurpose::Placement
            && c.category == polku_domain::DataCategory::Functioning
            && c.active(now)
    })
}

impl Service {
    /// Up to `top` ranked candidates of the employer's project for one opening.
    pub async fn opening_candidates(
        &self,
        actor: &Actor,
        employer_id: EmployerId,
        opening_id: OpeningId,
        top: usize,
        today: Date,
    ) -> Result<Vec<Candidate>> {
        let employer = self
            .store()
            .get_employer(employer_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_see_candidates(actor, employer.project_id) {
            return Err(ServiceError::NotFound);
        }
        let openings = self.store().list_openings(employer_id).await?;
        if !openings.iter().any(|o| o.id == opening_id) {
            return Err(ServiceError::NotFound);
        }
        let tasks = self.store().list_tasks(employer_id).await?;
        let Some(employer_in) = employer_input(&employer, tasks, openings) else {
            return Ok(Vec::new());
        };
        let ranked = self
            .rank_for_opening(
                actor,
                employer.project_id,
                (employer_in, opening_id.to_string()),
                top,
                today,
                |_| {},
            )
            .await?;
        Ok(ranked.into_iter().map(|(_, c)| c).collect())
    }

    /// Ranks the project's participants (not exited, not erased) for one opening of
    /// `employer_in` with the engine, each profile read audited as matching by the viewer;
    /// `adjust` may relax a person's input for the kind of work (a gig ignores the weekly
    /// minimum). Returns each candidate with the participant it is, for the caller to decide
    /// what the viewer may see of them.
    pub(crate) async fn rank_for_opening(
        &self,
        actor: &Actor,
        project: polku_domain::ProjectId,
        (employer_in, opening): (mi::Employer, String),
        top: usize,
        today: Date,
        adjust: impl Fn(&mut mi::Participant),
    ) -> Result<Vec<(ParticipantId, Candidate)>> {
        // Policy (D4, docs/SECURITY.md "Candidates"): the project's participants are read in
        // one transaction that appends the audit of every read in it (no write transaction
        // per person), with every consent of the project in one query. A person's
        // functioning profile (special category) is used only when the viewer is their own
        // coach or they consented to it for placement with employers; for anyone else the
        // ranking is coarse: their functioning is not assessed, so it neither ranks them nor
        // leaves them out, and the viewer gets no functioning signal about them.
        let ids = self.store().participant_ids(project, None).await?;
        let consents = self.store().project_consents(project).await?;
        let now = OffsetDateTime::now_utc();
        let audit = AuditEvent::new(actor, "participant", None, "read", "matching")?;
        let records = self.store().participants_for_matching(&ids, &audit).await?;
        let viewer = actor.user_id();
        let mut people = Vec::new();
        let mut unreadable = 0usize;
        for (rec, wrapped) in records {
            let Some(wrapped) = wrapped else {
                continue; // erased: cannot be matched
            };
            // One record that cannot be opened must not break the page for everyone (D23).
            let view = match self.open_view(&rec, Some(&wrapped)) {
                Ok(v) => v,
                Err(ServiceError::Crypto(why)) => {
                    unreadable += 1;
                    tracing::error!(event = "data.unreadable", participant = %rec.id, why, "a participant's data cannot be opened; left out of the ranking");
                    continue;
                }
                Err(e) => return Err(e),
            };
            let own = viewer.is_some() && view.coach_id == viewer;
            let mut input = participant_input(&view, today);
            if !own && !actor.is_system() && !functioning_consented(&consents, view.id, now) {
                input.capacity.clear();
            }
            adjust(&mut input);
            people.push(input);
        }
        if unreadable > 0 {
            tracing::warn!(
                event = "data.unreadable_skipped",
                count = unreadable,
                "participants left out of the candidates"
            );
        }
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let mut input = mi::Input {
            schema: None,
            participants: people,
            employers: vec![employer_in],
            accommodations: None,
            allocation: None,
        };
        crate::matching::fit_languages(&mut input);
        let list = List {
            top,
            include_excluded: false,
        };
        let out = off_thread(move || api::match_opening(&input, &opening, list, today)).await?;
        let now = OffsetDateTime::now_utc();
        let mut candidates = Vec::new();
        for (i, hit) in out.candidates.iter().enumerate() {
            let pid = ParticipantId::parse(&hit.participant)?;
            let codes = |items: Vec<&str>| -> Vec<String> {
                let mut v: Vec<String> = items.into_iter().map(str::to_owned).collect();
                v.dedup();
                v
            };
            let shared = match self.store().participant_scope(pid).await? {
                Some(scope) => {
                    let shares = self.store().shares_for(pid).await?;
                    let consents = self.store().consents_for(pid).await?;
                    if authz::participant_access(actor, &scope, &shares, &consents, now)
                        == Access::None
                    {
                        None
                    } else {
                        Some(self.shared_participant(actor, pid, "matching").await?)
                    }
                }
                None => None,
            };
            // Functioning signals only to whom may see the person's functioning (D4).
            let sees_functioning = actor.is_system()
                || shared.as_ref().is_some_and(|s| {
                    s.categories
                        .contains(&polku_domain::DataCategory::Functioning)
                });
            let fits: Vec<&str> = hit
                .fits
                .iter()
                .map(|f| f.why.code())
                .filter(|c| sees_functioning || !matches!(*c, "functioning" | "accommodated"))
                .collect();
            let to_check: Vec<&str> = if sees_functioning {
                hit.to_check.iter().map(|c| c.dimension.key()).collect()
            } else {
                Vec::new()
            };
            candidates.push((
                pid,
                Candidate {
                    rank: i + 1,
                    participant: pid,
                    score: hit.score,
                    fits: codes(fits),
                    to_check: codes(to_check),
                    shared,
                },
            ));
        }
        Ok(candidates)
    }
}
