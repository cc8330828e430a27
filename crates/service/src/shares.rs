//! Sharing a participant's information with an employer, mentor or institution user (R17), and
//! what such a user sees: the coach lists, creates (see `share_participant`) and revokes shares;
//! the recipient lists the participants shared with them. What a recipient sees is always
//! decided per request from the stored shares and consents (`authz::participant_access`).

use crate::audit::AuditEvent;
use crate::authz;
use crate::participants::SharedParticipant;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{ParticipantId, RecipientClass, Role, Share, ShareId, UserId};
use time::OffsetDateTime;

/// A share with who it is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareSummary {
    pub share: Share,
    pub recipient_name: String,
    pub recipient_email: String,
}

/// A user a participant's information may be shared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub classes: Vec<RecipientClass>,
}

impl Service {
    /// The participant's shares, newest first (own coach only; audited).
    pub async fn shares(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        purpose: &str,
    ) -> Result<Vec<ShareSummary>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_shares",
            purpose,
        )?;
        self.store().append_audit(&audit).await?;
        let mut out = Vec::new();
        for share in self
            .store()
            .shares_for(participant)
            .await?
            .into_iter()
            .rev()
        {
            let user = self.store().get_user(share.recipient).await?;
            out.push(ShareSummary {
                recipient_name: user
                    .as_ref()
                    .map_or_else(String::new, |u| u.display_name.clone()),
                recipient_email: user.map_or_else(String::new, |u| u.email.as_str().to_owned()),
                share,
            });
        }
        Ok(out)
    }

    /// The employer, mentor and institution users of the participant's project (own coach only).
    pub async fn share_recipients(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Vec<Recipient>> {
        self.require_editable_participant(actor, participant)
            .await?;
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mut out: Vec<Recipient> = self
            .store()
            .list_users()
            .await?
            .into_iter()
            .filter(|u| u.active)
            .filter_map(|u| {
                let classes =
                    authz::recipient_classes(&Actor::user(u.id, u.roles.clone()), scope.project_id);
                (!classes.is_empty()).then(|| Recipient {
                    id: u.id,
                    name: u.display_name.clone(),
                    email: u.email.as_str().to_owned(),
                    classes,
                })
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then(a.email.cmp(&b.email)));
        Ok(out)
    }

    /// Revokes a share; the recipient loses access on the very next request. A share that does
    /// not exist, belongs to another participant or is revoked already is `NotFound`.
    pub async fn revoke_share(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        share: ShareId,
        purpose: &str,
    ) -> Result<()> {
        self.require_editable_participant(actor, participant)
            .await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            &format!("revoke_share:{}", share.0),
            purpose,
        )?;
        if self
            .store()
            .revoke_share(participant, share, OffsetDateTime::now_utc(), &audit)
            .await?
        {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The participants shared with the signed-in employer, mentor or institution user, with
    /// what each share and its consents let them see now (each read audited). Participants whose
    /// shares have expired, been revoked or lost their consents are not listed.
    pub async fn shared_with_me(
        &self,
        actor: &Actor,
        purpose: &str,
    ) -> Result<Vec<SharedParticipant>> {
        let Actor::User { id, grants } = actor else {
            return Ok(Vec::new());
        };
        if !grants
            .iter()
            .any(|g| matches!(g.role, Role::Employer | Role::Mentor | Role::Institution))
        {
            return Err(ServiceError::Forbidden);
        }
        let now = OffsetDateTime::now_utc();
        let mut ids: Vec<ParticipantId> = self
            .store()
            .shares_to(*id)
            .await?
            .into_iter()
            .filter(|s| s.revoked_at.is_none() && s.until >= now.date())
            .map(|s| s.participant_id)
            .collect();
        ids.sort_by_key(|p| p.0);
        ids.dedup();
        let mut out = Vec::new();
        let mut unreadable = 0usize;
        for pid in ids {
            // Access is decided there, from the shares and consents as stored now.
            match self
                .shared_participant_if_visible(actor, pid, purpose)
                .await
            {
                Ok(p) => out.push(p),
                Err(ServiceError::NotFound) => {}
                // One participant whose data cannot be opened (a lost key, a damaged record)
                // must not hide everyone else's (D23): it is left out and logged.
                Err(ServiceError::Crypto(why)) => {
                    unreadable += 1;
                    tracing::error!(event = "data.unreadable", participant = %pid, why, "a shared participant's data cannot be opened; left out");
                }
                Err(e) => return Err(e),
            }
        }
        if unreadable > 0 {
            tracing::warn!(
                event = "data.unreadable_skipped",
                count = unreadable,
                "participants left out of the shared list"
            );
        }
        Ok(out)
    }
}
