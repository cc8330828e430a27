//! Ranked candidates for one opening (matching in the opening → participant direction), shown
//! pseudonymously: rank, score and what fits or needs checking, in plain categories. A
//! candidate's own data is added only when an active share to the viewer allows it (R14).
//!
//! Ranking needs the participants' profiles; each read is audited as matching by the viewer
//! before the engine runs, and nothing but the pseudonymous result leaves this module.

use crate::audit::AuditEvent;
use crate::authz::{self, Access};
use crate::crypto::aad;
use crate::participants::SharedParticipant;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    EmployerId, OpeningId, ParticipantId, ParticipantPersonal, ParticipantSensitive, PathStage,
};
use polku_matching::api::{match_input, MatchArgs};
use polku_matching::input as mi;
use serde::Deserialize;
use time::{Date, OffsetDateTime};

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// 1-based rank; "Candidate 3" is the pseudonym.
    pub rank: usize,
    pub score: f64,
    /// What fits, as the engine's codes (`hours`, `days`, `municipality`, `language`,
    /// `functioning`, `accommodated`), without the person's levels.
    pub fits: Vec<String>,
    /// Demanded dimensions (task data) on which the person was not assessed.
    pub to_check: Vec<String>,
    /// What an active share to the viewer allows to be seen, if any.
    pub shared: Option<SharedParticipant>,
}

/// The sealed part of a participant record (same shape as written by `participants`).
#[derive(Deserialize)]
struct SealedProfile {
    sensitive: ParticipantSensitive,
    #[serde(default)]
    esf_disability: Option<bool>,
}

fn engine_error(e: polku_matching::InputError) -> ServiceError {
    ServiceError::Invalid(polku_domain::DomainError::Invalid {
        field: "matching",
        reason: e.to_string(),
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
        let list_audit = AuditEvent::new(actor, "participant", None, "list_hit", "matching")?;
        let summaries = self
            .store()
            .list_participants(employer.project_id, None, &list_audit)
            .await?;
        let mut people = Vec::new();
        for s in summaries {
            if s.stage == PathStage::Exited.as_str() {
                continue;
            }
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(s.id.to_string()),
                "read",
                "matching",
            )?;
            let Some((rec, Some(wrapped))) = self.store().get_participant(s.id, &audit).await?
            else {
                continue; // erased: cannot be matched
            };
            let dek = self.keys().unwrap_data_key(&wrapped, &rec.id.0)?;
            let plain = dek.open(
                &rec.sensitive_sealed,
                &aad("participants", "sensitive", &rec.id.0, rec.version),
            )?;
            let sealed: SealedProfile = serde_json::from_slice(&plain)
                .map_err(|_| ServiceError::Crypto("sealed data is not a profile"))?;
            let p: ParticipantPersonal = serde_json::from_str(&rec.personal_json)
                .map_err(|e| ServiceError::Storage(e.to_string()))?;
            people.push(mi::Participant {
                id: rec.id.to_string(),
                municipality: p.mobility.home.clone(),
                acceptable_municipalities: p.mobility.acceptable.clone(),
                hours_per_week: mi::Hours {
                    min: p.availability.hours_per_week.min,
                    max: p.availability.hours_per_week.max,
                },
                days_per_week_max: p.availability.days_per_week_max,
                languages: p.languages.clone(),
                skills: p.skills.iter().map(|s| s.skill.clone()).collect(),
                goals: p.goals.clone(),
                capacity: sealed.sensitive.functioning.capacity.clone(),
                waiting_days: u32::try_from((today - rec.waiting_since).whole_days().max(0))
                    .unwrap_or(u32::MAX),
                evenings: p.availability.evenings,
                nights: p.availability.nights,
                weekends: p.availability.weekends,
                reduced_work_ability: sealed.esf_disability.unwrap_or(false),
            });
        }
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let Some(municipality) = employer.municipalities.first().cloned() else {
            return Ok(Vec::new());
        };
        let input = mi::Input {
            schema: None,
            participants: people,
            employers: vec![mi::Employer {
                id: employer.id.to_string(),
                name: Some(employer.name.clone()),
                municipality,
                mentor_available: employer.mentor_available,
                hourly_wage_eur: None,
                tasks: tasks
                    .into_iter()
                    .map(|t| mi::Task {
                        id: t.id.to_string(),
                        title: t.title,
                        hours_per_week: t.hours_per_week,
                        days_per_week: Some(t.days_per_week),
                        demands: t.demands.demands,
                        skills_essential: t.skills_essential,
                        skills_optional: t.skills_optional,
                        languages: t.languages,
                        learnable_on_job: t.learnable_on_job,
                        value: t.value,
                        schedule: Some(t.schedule),
                        occupation: t.occupation,
                    })
                    .collect(),
                openings: openings
                    .into_iter()
                    .map(|o| mi::Opening {
                        id: o.id.to_string(),
                        title: Some(o.title),
                        kind: o.kind,
                        municipality: Some(o.municipality),
                        capacity: o.capacity,
                        tasks: o.tasks.iter().map(ToString::to_string).collect(),
                        monthly_wage_eur: o.monthly_wage_eur,
                    })
                    .collect(),
            }],
            accommodations: None,
            allocation: None,
        };
        let args = MatchArgs {
            participant: None,
            opening: Some(opening_id.to_string()),
            top,
            include_excluded: false,
        };
        let out = match_input(&input, &args, today).map_err(engine_error)?;
        let now = OffsetDateTime::now_utc();
        let mut candidates = Vec::new();
        let hits = out["candidates"].as_array().cloned().unwrap_or_default();
        for (i, hit) in hits.iter().enumerate() {
            let pid = ParticipantId::parse(hit["participant"].as_str().unwrap_or_default())?;
            let codes = |key: &str, field: &str| -> Vec<String> {
                let mut v: Vec<String> = hit[key]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x[field].as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                v.dedup();
                v
            };
            let shared = match self.store().participant_scope(pid).await? {
                Some(scope) => {
                    let shares = self.store().shares_for(pid).await?;
                    if authz::participant_access(actor, &scope, &shares, now) == Access::None {
                        None
                    } else {
                        Some(self.shared_participant(actor, pid, "matching").await?)
                    }
                }
                None => None,
            };
            candidates.push(Candidate {
                rank: i + 1,
                score: hit["score"].as_f64().unwrap_or(0.0),
                fits: codes("fits", "code"),
                to_check: codes("to_check", "dimension"),
                shared,
            });
        }
        Ok(candidates)
    }
}
