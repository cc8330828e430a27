//! Follow-ups after hiring (staying in work). They are created with the placement's state
//! change (`move_placement`): a job or apprenticeship that becomes active gets one at 1, 3, 6 and
//! 12 months from its start; a work trial that ends as completed gets one a month after its end
//! ("what happened next"). A job that ends (completed or interrupted) keeps its open follow-ups:
//! the coach still checks in, and the list says when the placement ended.
//!
//! Only the participant's own coach sees and records them (deny by default, "not yours" is
//! `NotFound`); every read is audited and every record version-checked, with the purpose
//! `placement`.

use crate::audit::AuditEvent;
use crate::authz;
use crate::crypto::{aad, Key};
use crate::store::{RetentionCount, SealedFollowUpTexts, StoredFollowUp};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{
    FollowUp, FollowUpId, FollowUpRecord, OpeningKind, ParticipantId, Placement, PlacementState,
    ProjectId, RetentionCheckpoint, Role, TaskId,
};
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use time::{Date, Duration};

const PURPOSE: &str = "placement";

/// A follow-up with what the coach's lists and the record form show next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpView {
    pub follow_up: FollowUp,
    pub participant_name: String,
    pub employer_name: String,
    pub employer_id: polku_domain::EmployerId,
    pub kind: OpeningKind,
    /// The placement's tasks now (for crafting the job again).
    pub tasks: Vec<TaskId>,
    /// When the placement ended, if it has (the follow-up is still done).
    pub placement_ended_on: Option<Date>,
    /// Whole days past due (0 when not overdue).
    pub days_overdue: i64,
}

/// The coach's follow-ups: overdue ones (due before today) and those due from today to Sunday.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DueFollowUps {
    pub overdue: Vec<FollowUpView>,
    pub this_week: Vec<FollowUpView>,
}

/// The follow-ups a placement's state change creates (none for most moves).
pub(crate) fn created_by_move(p: &Placement, to: PlacementState, on: Date) -> Vec<FollowUp> {
    match (to, p.kind) {
        (PlacementState::Active, OpeningKind::Job | OpeningKind::Apprenticeship) => {
            RetentionCheckpoint::ALL
                .into_iter()
                .map(|c| FollowUp::due_after(p.id, p.participant_id, c, p.starts_on))
                .collect()
        }
        (PlacementState::Completed, OpeningKind::WorkTrial) => vec![FollowUp::due_after(
            p.id,
            p.participant_id,
            RetentionCheckpoint::OneMonth,
            on,
        )],
        _ => Vec::new(),
    }
}

/// The associated data of a follow-up's sealed free text (`support_given` or `note`).
fn texts_aad(id: FollowUpId, column: &str) -> Vec<u8> {
    aad("follow_ups", column, &id.0, 0)
}

/// Seals a follow-up record's free texts (nothing to seal before it is recorded).
fn seal_texts(dek: &Key, f: &FollowUp) -> Result<Option<SealedFollowUpTexts>> {
    f.record
        .as_ref()
        .map(|r| {
            Ok(SealedFollowUpTexts {
                support_given: dek.seal(
                    r.support_given.as_bytes(),
                    &texts_aad(f.id, "support_given"),
                )?,
                note: dek.seal(r.note.as_bytes(), &texts_aad(f.id, "note"))?,
            })
        })
        .transpose()
}

/// A stored follow-up with its free texts opened (`dek`: the participant's data key; not
/// needed for one with nothing sealed).
pub(crate) fn open_follow_up(dek: Option<&Key>, s: StoredFollowUp) -> Result<FollowUp> {
    let mut f = s.follow_up;
    if let (Some(sealed), Some(r)) = (s.sealed, f.record.as_mut()) {
        let dek = dek.ok_or(ServiceError::Crypto(
            "the participant's data key was destroyed (erased)",
        ))?;
        let text = |b: &[u8], column: &str| -> Result<String> {
            String::from_utf8(dek.open(b, &texts_aad(f.id, column))?)
                .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))
        };
        r.support_given = text(&sealed.support_given, "support_given")?;
        r.note = text(&sealed.note, "note")?;
    }
    Ok(f)
}

/// The Sunday that ends the (Monday–Sunday) week of `day`.
pub fn week_end(day: Date) -> Date {
    day + Duration::days(6 - i64::from(day.weekday().number_days_from_monday()))
}

impl Service {
    /// The follow-ups of the coach's whole caseload that are overdue or due this week
    /// (Monday–Sunday of `today`, the Finnish date). Coaches only.
    pub async fn due_follow_ups(&self, actor: &Actor, today: Date) -> Result<DueFollowUps> {
        let Actor::User { id: coach, grants } = actor else {
            return Err(ServiceError::NotFound);
        };
        if !grants.iter().any(|g| g.role == Role::Coach) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_follow_ups", PURPOSE)?;
        let list = self
            .store()
            .open_follow_ups(*coach, week_end(today), &audit)
            .await?;
        let mut out = DueFollowUps::default();
        for v in self.views(actor, list, today).await? {
            if v.follow_up.due_on < today {
                out.overdue.push(v);
            } else {
                out.this_week.push(v);
            }
        }
        Ok(out)
    }

    /// A participant's follow-ups, by due date: for their own coach.
    pub async fn participant_follow_ups(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        today: Date,
    ) -> Result<Vec<FollowUpView>> {
        self.check_coach(actor, participant).await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "list_follow_ups",
            PURPOSE,
        )?;
        let list = self.store().follow_ups_of(participant, &audit).await?;
        self.views(actor, list, today).await
    }

    /// One follow-up: for the participant's own coach.
    pub async fn follow_up(
        &self,
        actor: &Actor,
        id: FollowUpId,
        today: Date,
    ) -> Result<FollowUpView> {
        let f = self.follow_up_for(actor, id).await?;
        let s = StoredFollowUp {
            follow_up: f,
            sealed: None,
        };
        self.views(actor, vec![s], today)
            .await?
            .pop()
            .ok_or(ServiceError::NotFound)
    }

    /// Records a follow-up (or corrects the record), done on `on`: the participant's own
    /// coach, version-checked and audited.
    pub async fn record_follow_up(
        &self,
        actor: &Actor,
        id: FollowUpId,
        mut record: FollowUpRecord,
        on: Date,
        expected: i64,
    ) -> Result<FollowUp> {
        let mut f = self.follow_up_for(actor, id).await?;
        record.validate()?;
        f.record = Some(record);
        f.done_on = Some(on);
        f.recorded_by = actor.user_id();
        f.version = expected + 1;
        let dek = self.data_key(f.participant_id).await?;
        let sealed = seal_texts(&dek, &f)?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(f.participant_id.to_string()),
            &format!("record_follow_up:{id}"),
            PURPOSE,
        )?;
        self.store()
            .record_follow_up(&f, sealed.as_ref(), expected, &audit)
            .await?;
        Ok(f)
    }

    /// Seals the free texts of follow-ups written before they were sealed (run by
    /// `polku migrate` after the schema migrations; the operator only). A participant whose
    /// data key was destroyed is skipped (erasure removes their follow-ups). Each row sealed is
    /// audited; its version stays. Returns how many were sealed.
    pub async fn seal_follow_up_texts(&self, actor: &Actor) -> Result<usize> {
        if !actor.is_system() {
            return Err(ServiceError::NotFound);
        }
        let mut n = 0;
        for s in self.store().follow_ups_in_clear().await? {
            let f = s.follow_up;
            let Ok(dek) = self.data_key(f.participant_id).await else {
                continue;
            };
            let Some(sealed) = seal_texts(&dek, &f)? else {
                continue;
            };
            let audit = AuditEvent::new(
                actor,
                "participant",
                Some(f.participant_id.to_string()),
                &format!("seal_follow_up_texts:{}", f.id),
                PURPOSE,
            )?;
            self.store()
                .record_follow_up(&f, Some(&sealed), f.version, &audit)
                .await?;
            n += 1;
        }
        Ok(n)
    }

    /// Done follow-ups of a project by checkpoint and answer, for the retention figures
    /// (aggregates only): the project's managers and coordinators, and the operator.
    pub async fn retention_counts(
        &self,
        actor: &Actor,
        project: ProjectId,
    ) -> Result<Vec<RetentionCount>> {
        if !(actor.is_system()
            || actor.has(Role::Manager, project)
            || actor.has(Role::Coordinator, project))
        {
            return Err(ServiceError::NotFound);
        }
        self.store().retention_counts(project).await
    }

    // Helpers.

    async fn check_coach(&self, actor: &Actor, participant: ParticipantId) -> Result<()> {
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if authz::may_edit_participant(actor, &scope) {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    async fn follow_up_for(&self, actor: &Actor, id: FollowUpId) -> Result<FollowUp> {
        let scope = self
            .store()
            .follow_up_scope(id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        self.check_coach(actor, scope.participant_id).await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(scope.participant_id.to_string()),
            &format!("read_follow_up:{id}"),
            PURPOSE,
        )?;
        let s = self
            .store()
            .get_follow_up(id, &audit)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let dek = match s.sealed {
            Some(_) => Some(self.data_key(s.follow_up.participant_id).await?),
            None => None,
        };
        open_follow_up(dek.as_ref(), s)
    }

    /// Adds the names: the participant's (an audited read by their coach), the employer's, and
    /// the placement's facts (access facts of follow-ups just read under audit).
    async fn views(
        &self,
        actor: &Actor,
        list: Vec<StoredFollowUp>,
        today: Date,
    ) -> Result<Vec<FollowUpView>> {
        let mut names: BTreeMap<ParticipantId, String> = BTreeMap::new();
        let mut placements: BTreeMap<ParticipantId, Vec<Placement>> = BTreeMap::new();
        let mut employers: BTreeMap<polku_domain::EmployerId, String> = BTreeMap::new();
        let mut out = Vec::new();
        for s in list {
            let pid = s.follow_up.participant_id;
            if let Entry::Vacant(slot) = names.entry(pid) {
                // A participant the coach no longer may see (a role taken away) is left out.
                let v = match self.get_participant_if_visible(actor, pid, PURPOSE).await {
                    Ok(v) => v,
                    Err(ServiceError::NotFound) => {
                        slot.insert(String::new());
                        placements.insert(pid, Vec::new());
                        continue;
                    }
                    Err(e) => return Err(e),
                };
                let name = format!("{} {}", v.personal.given_name, v.personal.family_name);
                slot.insert(name.trim().to_owned());
                placements.insert(pid, self.store().placements_of(pid).await?);
            }
            let Some(p) = placements
                .get(&pid)
                .and_then(|ps| ps.iter().find(|p| p.id == s.follow_up.placement_id))
            else {
                continue;
            };
            if let Entry::Vacant(slot) = employers.entry(p.employer_id) {
                let e = self.store().get_employer(p.employer_id).await?;
                slot.insert(e.map_or_else(String::new, |e| e.name));
            }
            let dek = match s.sealed {
                Some(_) => Some(self.data_key(pid).await?),
                None => None,
            };
            let f = open_follow_up(dek.as_ref(), s)?;
            out.push(FollowUpView {
                participant_name: names.get(&pid).cloned().unwrap_or_default(),
                employer_name: employers.get(&p.employer_id).cloned().unwrap_or_default(),
                employer_id: p.employer_id,
                kind: p.kind,
                tasks: p.tasks.clone(),
                placement_ended_on: match p.state {
                    PlacementState::Completed | PlacementState::Interrupted => p.ended_on,
                    _ => None,
                },
                days_overdue: f.days_overdue(today),
                follow_up: f,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::week_end;
    use time::macros::date;

    #[test]
    fn the_week_ends_on_sunday() {
        assert_eq!(week_end(date!(2026 - 12 - 07)), date!(2026 - 12 - 13));
        assert_eq!(week_end(date!(2026 - 12 - 13)), date!(2026 - 12 - 13));
        assert_eq!(week_end(date!(2026 - 12 - 10)), date!(2026 - 12 - 13));
    }
}
