//! The participant's plan: steps agreed between the participant and the coach, each with an
//! optional due date, marked done when done. The text is sealed with the participant's data key;
//! only the own coach reads and writes it, and every read is audited.

use crate::audit::AuditEvent;
use crate::crypto::aad;
use crate::store::PlanItemRecord;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{ParticipantId, PlanItem, PlanItemId};
use time::{Date, OffsetDateTime};

pub(crate) fn text_aad(id: PlanItemId) -> Vec<u8> {
    aad("plan_items", "text", &id.0, 0)
}

impl Service {
    /// Adds a step to the plan.
    pub async fn add_plan_item(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        text: &str,
        due: Option<Date>,
        purpose: &str,
    ) -> Result<PlanItemId> {
        self.require_editable_participant(actor, participant)
            .await?;
        let item = PlanItem {
            id: PlanItemId::new(),
            participant_id: participant,
            text: text.trim().to_owned(),
            due,
            done_at: None,
            version: 1,
        };
        item.validate()?;
        let dek = self.data_key(participant).await?;
        let text_sealed = dek.seal(item.text.as_bytes(), &text_aad(item.id))?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "add_plan_item",
            purpose,
        )?;
        let id = item.id;
        self.store()
            .insert_plan_item(
                &PlanItemRecord {
                    item: PlanItem {
                        text: String::new(),
                        ..item
                    },
                    text_sealed,
                },
                &audit,
            )
            .await?;
        Ok(id)
    }

    /// The plan, oldest step first, with the texts opened.
    pub async fn plan_items(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<PlanItem>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_plan",
            purpose,
        )?;
        let rows = self.store().list_plan_items(participant, &audit).await?;
        let dek = self.data_key(participant).await?;
        rows.into_iter()
            .map(|r| {
                let text = dek.open(&r.text_sealed, &text_aad(r.item.id))?;
                Ok(PlanItem {
                    text: String::from_utf8(text)
                        .map_err(|_| ServiceError::Crypto("plan text is not UTF-8"))?,
                    ..r.item
                })
            })
            .collect()
    }

    /// Marks a step done (or open again). `expected_version` is the version the user saw;
    /// a newer one is `Conflict` (R50).
    pub async fn set_plan_item_done(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        item: PlanItemId,
        done: bool,
        expected_version: i64,
        purpose: &str,
    ) -> Result<()> {
        let now = OffsetDateTime::now_utc();
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "update_plan_item",
            purpose,
        )?;
        let at = done.then(|| {
            now.replace_nanosecond(now.microsecond() * 1000)
                .unwrap_or(now)
        });
        self.store()
            .set_plan_item_done(participant, item, at, expected_version, &audit)
            .await
    }
}
