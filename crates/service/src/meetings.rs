//! Meetings on the service path: in the office, outside it, remote or at a pop-up point. Notes
//! may touch on health, so they are sealed with the participant's data key.

use crate::audit::AuditEvent;
use crate::crypto::aad;
use crate::store::MeetingRecord;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{Meeting, MeetingId, ParticipantId, PlaceType};
use time::OffsetDateTime;

/// A meeting to record.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub participant_id: ParticipantId,
    pub starts_at: OffsetDateTime,
    pub duration_min: u16,
    pub place: PlaceType,
    pub notes: String,
}

pub(crate) fn notes_aad(id: MeetingId) -> Vec<u8> {
    aad("meetings", "notes", &id.0, 0)
}

impl Service {
    pub(crate) async fn data_key(&self, id: ParticipantId) -> Result<crate::crypto::Key> {
        let wrapped = self
            .store()
            .wrapped_key(id)
            .await?
            .ok_or(ServiceError::Crypto(
                "the participant's data key was destroyed (erased)",
            ))?;
        self.keys().unwrap_data_key(&wrapped, &id.0)
    }

    /// Records a meeting by the participant's own coach. Times are kept to the microsecond on
    /// both databases.
    pub async fn record_meeting(
        &self,
        actor: &Actor,
        new: NewMeeting,
        purpose: &str,
    ) -> Result<MeetingId> {
        let scope = self
            .store()
            .participant_scope(new.participant_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let coach_id = actor
            .user_id()
            .or(scope.coach_id)
            .ok_or(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "coach",
                reason: "the participant has no coach".into(),
            }))?;
        // Also keeps the conversion to UTC below inside the representable range.
        if !(1900..=2200).contains(&new.starts_at.year()) {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "starts_at",
                reason: "a meeting time between the years 1900 and 2200".into(),
            }));
        }
        let starts_at = new
            .starts_at
            .replace_nanosecond(new.starts_at.microsecond() * 1000)
            .unwrap_or(new.starts_at);
        let meeting = Meeting {
            id: MeetingId::new(),
            participant_id: new.participant_id,
            coach_id,
            starts_at: starts_at.to_offset(time::UtcOffset::UTC),
            duration_min: new.duration_min,
            place: new.place,
            notes: new.notes,
        };
        meeting.validate()?;
        let dek = self.data_key(meeting.participant_id).await?;
        let notes_sealed = dek.seal(meeting.notes.as_bytes(), &notes_aad(meeting.id))?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(meeting.participant_id.to_string()),
            "record_meeting",
            purpose,
        )?;
        self.store()
            .insert_meeting(
                &MeetingRecord {
                    meeting: Meeting {
                        notes: String::new(),
                        ..meeting.clone()
                    },
                    notes_sealed,
                },
                &audit,
            )
            .await?;
        Ok(meeting.id)
    }

    /// The participant's meetings with notes, oldest first, for full access only.
    pub async fn meetings(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<Meeting>> {
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if !authz::may_edit_participant(actor, &scope) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_meetings",
            purpose,
        )?;
        let records = self.store().list_meetings(participant, &audit).await?;
        let dek = self.data_key(participant).await?;
        records
            .into_iter()
            .map(|r| {
                let notes = dek.open(&r.notes_sealed, &notes_aad(r.meeting.id))?;
                let notes = String::from_utf8(notes)
                    .map_err(|_| ServiceError::Crypto("sealed notes are not text"))?;
                Ok(Meeting { notes, ..r.meeting })
            })
            .collect()
    }
}
