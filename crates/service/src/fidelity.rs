//! The IPS-25 fidelity self-assessment (issue 12 item 6): the items the case log gives are
//! computed for a project or one of its coaches over a period (`polku_domain::fidelity`); the
//! manager rates the others (and a computed item when the log holds too little), each rating a
//! new version that keeps the old ones. One profile shows all 25 with the source of each score,
//! the total and the scale's band. Managers of the project and admins only; figures about
//! coaches are about staff, and no participant rows leave this module.

use crate::audit::AuditEvent;
pub use crate::store::FidelityRating;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::fidelity::{compute, Band, FidelityItem, FidelityScale, Figure, Scope};
use polku_domain::{DomainError, Project, ProjectId, ReportFilter, UserId};
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

/// Longest note of a rating, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// Where an item's score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Computed from the case log with the scale's anchors.
    Computed,
    /// Rated by a manager (see the item's `rating`).
    Rated,
    /// Neither yet.
    Unscored,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Computed => "computed",
            Source::Rated => "rated",
            Source::Unscored => "unscored",
        }
    }
}

/// One item of the profile.
#[derive(Debug, Clone)]
pub struct ItemResult {
    pub item: &'static FidelityItem,
    /// The case log's figure for the item (computed items and evidence items).
    pub figure: Option<Figure>,
    /// The score the anchors give the figure.
    pub computed_score: Option<u8>,
    /// The newest rating of the item in the project, if any.
    pub rating: Option<FidelityRating>,
    /// The rater's name.
    pub rated_by_name: Option<String>,
    /// The score used: computed when the log gives one, else the newest rating.
    pub score: Option<u8>,
    pub source: Source,
}

/// The whole profile of a project or one coach over a period.
#[derive(Debug, Clone)]
pub struct FidelityProfile {
    pub project: Project,
    pub filter: ReportFilter,
    /// `None`: the whole project.
    pub coach: Option<(UserId, String)>,
    /// The project's coaches (with a caseload or placements), by name, for the per-coach views.
    pub coaches: Vec<(UserId, String)>,
    pub items: Vec<ItemResult>,
    /// The sum of the scored items.
    pub total: u16,
    pub scored: usize,
    /// The band of the total, once every item is scored.
    pub band: Option<&'static Band>,
}

fn rule(field: &'static str, rule: &'static str) -> ServiceError {
    ServiceError::Invalid(DomainError::Rule { field, rule })
}

impl Service {
    /// The profile of `filter.project` (required), for the whole project or for `coach`. Not
    /// the project's manager or an admin, or not a coach of the project: not found. The read of
    /// the case log is audited once, as reporting.
    pub async fn fidelity_profile(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
        coach: Option<UserId>,
    ) -> Result<FidelityProfile> {
        let project_id = filter.project.ok_or(ServiceError::NotFound)?;
        if !authz::may_assess_fidelity(actor, project_id) {
            return Err(ServiceError::NotFound);
        }
        let project = self
            .store()
            .get_project(project_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let audit = AuditEvent::new(
            actor,
            match coach {
                Some(_) => "coach",
                None => "project",
            },
            Some(coach.map_or_else(|| project_id.to_string(), |c| c.to_string())),
            "fidelity_profile",
            "reporting",
        )?;
        let log = self
            .store()
            .fidelity_case_log(project_id, filter.to, &audit)
            .await?;
        let coach_ids: BTreeSet<UserId> = log
            .participants
            .iter()
            .filter_map(|p| p.coach)
            .chain(log.placements.iter().map(|p| p.coach))
            .collect();
        if coach.is_some_and(|c| !coach_ids.contains(&c)) {
            return Err(ServiceError::NotFound);
        }
        let mut names: BTreeMap<UserId, String> = BTreeMap::new();
        for id in &coach_ids {
            if let Some(u) = self.store().get_user(*id).await? {
                names.insert(*id, u.display_name);
            }
        }
        let ratings = self.store().fidelity_ratings(project_id).await?;
        let mut newest: BTreeMap<u8, FidelityRating> = BTreeMap::new();
        for r in ratings {
            newest.insert(r.item, r);
        }
        for r in newest.values() {
            if let std::collections::btree_map::Entry::Vacant(e) = names.entry(r.rated_by) {
                if let Some(u) = self.store().get_user(r.rated_by).await? {
                    e.insert(u.display_name);
                }
            }
        }
        let scope = coach.map_or(Scope::Project, Scope::Coach);
        let figures = compute(&log, filter, scope);
        let scale = FidelityScale::get();
        let items: Vec<ItemResult> = scale
            .items
            .iter()
            .map(|item| {
                let figure = item
                    .derived
                    .as_ref()
                    .and_then(|d| figures.get(&d.metric).cloned());
                let computed_score = match (&item.derived, &figure) {
                    (Some(d), Some(f)) => f.value.and_then(|v| d.score(v)),
                    _ => None,
                };
                let rating = newest.get(&item.number).cloned();
                let (score, source) = match (computed_score, &rating) {
                    (Some(s), _) => (Some(s), Source::Computed),
                    (None, Some(r)) => (Some(r.score), Source::Rated),
                    (None, None) => (None, Source::Unscored),
                };
                ItemResult {
                    item,
                    figure,
                    computed_score,
                    rated_by_name: rating
                        .as_ref()
                        .and_then(|r| names.get(&r.rated_by).cloned()),
                    rating,
                    score,
                    source,
                }
            })
            .collect();
        let total: u16 = items.iter().filter_map(|i| i.score).map(u16::from).sum();
        let scored = items.iter().filter(|i| i.score.is_some()).count();
        let band = (scored == scale.items.len())
            .then(|| scale.band(total))
            .flatten();
        let coaches = coach_ids
            .iter()
            .map(|id| {
                (
                    *id,
                    names.get(id).cloned().unwrap_or_else(|| id.to_string()),
                )
            })
            .collect();
        Ok(FidelityProfile {
            coach: coach.map(|c| (c, names.get(&c).cloned().unwrap_or_else(|| c.to_string()))),
            project,
            filter: filter.clone(),
            coaches,
            items,
            total,
            scored,
            band,
        })
    }

    /// The newest version of an item's rating in a project (0 when it has none), for `If-Match`.
    pub async fn fidelity_rating_version(
        &self,
        actor: &Actor,
        project: ProjectId,
        item: u8,
    ) -> Result<i64> {
        if !authz::may_assess_fidelity(actor, project) {
            return Err(ServiceError::NotFound);
        }
        self.store()
            .get_project(project)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(self
            .store()
            .fidelity_ratings(project)
            .await?
            .iter()
            .filter(|r| r.item == item)
            .map(|r| r.version)
            .max()
            .unwrap_or(0))
    }

    /// Rates an item of the project 1–5 with a note, as the item's next version after
    /// `expected` (0: the first rating); a rating saved meanwhile is `Conflict`. Managers of the
    /// project and admins; the command-line operator cannot rate (a rating has a rater).
    pub async fn rate_fidelity_item(
        &self,
        actor: &Actor,
        project: ProjectId,
        item: u8,
        score: u8,
        note: &str,
        expected: i64,
    ) -> Result<FidelityRating> {
        if !authz::may_assess_fidelity(actor, project) {
            return Err(ServiceError::NotFound);
        }
        self.store()
            .get_project(project)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let rated_by = actor.user_id().ok_or(ServiceError::NotFound)?;
        if FidelityScale::get().item(item).is_none() {
            return Err(rule("item", "fidelity_item_unknown"));
        }
        if !(1..=5).contains(&score) {
            return Err(rule("score", "fidelity_score_out_of_range"));
        }
        let note = note.trim().to_owned();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(rule("note", "fidelity_note_too_long"));
        }
        if expected < 0 {
            return Err(ServiceError::Conflict { current: 0 });
        }
        let rating = FidelityRating {
            project_id: project,
            item,
            version: expected + 1,
            score,
            note,
            rated_by,
            rated_at: OffsetDateTime::now_utc(),
        };
        let audit = AuditEvent::new(
            actor,
            "project",
            Some(project.to_string()),
            "rate_fidelity_item",
            "reporting",
        )?;
        self.store().insert_fidelity_rating(&rating, &audit).await?;
        Ok(rating)
    }
}
