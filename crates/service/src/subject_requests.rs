//! Data-subject requests and their deadline (GDPR Art. 12(3): "without undue delay and in any
//! event within one month of receipt"; R39).
//!
//! The operator or an administrator records a request (access/export, erasure or
//! rectification) with the Finnish date it was received; it is due one month later
//! ([`due_date`]). An access request is marked done by the next access export of the person
//! (whoever makes it), an erasure request by the erasure; a rectification request by hand once
//! corrected. The list shows what is open and what is overdue. Recording, completing and
//! reading the list are audited with the purpose `data_subject_request`.

use crate::audit::AuditEvent;
use crate::erasure::{invalid, may_erase as may_handle};
pub use crate::store::subject_requests::{SubjectRequest, SubjectRequestKind};
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::ParticipantId;
use time::{Date, Month, OffsetDateTime};

/// One month after `received`: the same day of the next month, or that month's last day when it
/// has no such day (31 January → 28 or 29 February), as months are counted in Finland
/// (Act on the Calculation of Statutory Time Limits 150/1930) and by the EDPB.
pub fn due_date(received: Date) -> Date {
    let (year, month) = match received.month() {
        Month::December => (received.year() + 1, Month::January),
        m => (received.year(), m.next()),
    };
    let last = month.length(year);
    Date::from_calendar_date(year, month, received.day().min(last))
        .unwrap_or(received.saturating_add(time::Duration::days(30)))
}

impl Service {
    /// Records a request about `participant` received on `received_on` (a Finnish date, not in
    /// the future). `NotFound` when there is no such participant.
    pub async fn record_subject_request(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        kind: SubjectRequestKind,
        received_on: Date,
    ) -> Result<SubjectRequest> {
        if !may_handle(actor) {
            return Err(ServiceError::Forbidden);
        }
        let today = crate::clock::today();
        if received_on > today {
            return Err(invalid("received_on", "must not be in the future"));
        }
        if received_on < today.saturating_sub(time::Duration::days(366)) {
            return Err(invalid("received_on", "must be within the last year"));
        }
        self.store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let request = SubjectRequest {
            id: uuid::Uuid::new_v4(),
            subject_id: participant,
            kind,
            received_on,
            due_on: due_date(received_on),
            recorded_at: OffsetDateTime::now_utc(),
            recorded_by: actor.audit_id(),
            done_on: None,
            done_by: None,
        };
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("record_subject_request:{}", kind.as_str()),
            "data_subject_request",
        )?;
        self.store()
            .insert_subject_request(&request, &audit)
            .await?;
        Ok(request)
    }

    /// The requests (`open_only`: those not yet done), the earliest due first. The read is
    /// audited: the list tells who asked for what.
    pub async fn subject_requests(
        &self,
        actor: &Actor,
        open_only: bool,
    ) -> Result<Vec<SubjectRequest>> {
        if !may_handle(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "subject_requests",
            None,
            "read_subject_requests",
            "data_subject_request",
        )?;
        self.store().append_audit(&audit).await?;
        self.store().subject_requests(open_only).await
    }

    /// Marks request `id` done today (e.g. a rectification once corrected). `NotFound` when
    /// there is no such request; `Invalid` on `id` when it is already done.
    pub async fn complete_subject_request(&self, actor: &Actor, id: uuid::Uuid) -> Result<()> {
        if !may_handle(actor) {
            return Err(ServiceError::Forbidden);
        }
        let audit = AuditEvent::new(
            actor,
            "subject_request",
            Some(id.to_string()),
            "complete_subject_request",
            "data_subject_request",
        )?;
        match self
            .store()
            .complete_subject_request(id, crate::clock::today(), &actor.audit_id(), &audit)
            .await?
        {
            None => Err(ServiceError::NotFound),
            Some(false) => Err(invalid("id", "the request is already done")),
            Some(true) => Ok(()),
        }
    }

    /// After an access export or an erasure: marks the open requests of `kind` about
    /// `participant` done today, by `actor`. Called once the export or erasure has committed;
    /// should this fail, the request stays open (the safe side) and the caller reports the
    /// error.
    pub(crate) async fn answer_subject_requests(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        kind: SubjectRequestKind,
    ) -> Result<u64> {
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("complete_subject_request:{}", kind.as_str()),
            "data_subject_request",
        )?;
        self.store()
            .complete_subject_requests_of(
                participant,
                kind,
                crate::clock::today(),
                &actor.audit_id(),
                &audit,
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::due_date;
    use time::macros::date;

    #[test]
    fn one_month_is_the_same_day_next_month_or_its_last_day() {
        assert_eq!(due_date(date!(2026 - 03 - 15)), date!(2026 - 04 - 15));
        assert_eq!(due_date(date!(2026 - 01 - 31)), date!(2026 - 02 - 28));
        assert_eq!(due_date(date!(2028 - 01 - 30)), date!(2028 - 02 - 29));
        assert_eq!(due_date(date!(2026 - 08 - 31)), date!(2026 - 09 - 30));
        assert_eq!(due_date(date!(2026 - 12 - 10)), date!(2027 - 01 - 10));
    }
}
