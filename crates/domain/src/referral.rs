//! Referrals between organisations (issue 14 items 2 and 3): the school-to-work handover (an
//! institution refers a final-year student to a project), referrals in from Ohjaamo, the
//! employment services, social services and other projects, and referrals out to
//! rehabilitation, health services, education or another project. Pure types and the rules of
//! their states; storage and access are the service's.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

crate::ids::id_type!(ReferralId);

/// The longest free text of a referral (reason, outcome, decline reason), in characters.
pub const MAX_REFERRAL_TEXT: usize = 4000;
/// The longest name of a referring or receiving organisation, in characters.
pub const MAX_ORGANISATION: usize = 200;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $field:literal { $($(#[$vm:meta])* $v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
            pub fn parse(s: &str) -> Result<Self, DomainError> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s).ok_or_else(|| {
                    DomainError::Invalid { field: $field, reason: format!("unknown value {s:?}") }
                })
            }
        }
    };
}

code_enum!(
    /// Into the project, or out of it to another service.
    ReferralDirection, "direction" {
        Incoming => "incoming",
        Outgoing => "outgoing",
    }
);

code_enum!(
    /// Where an incoming referral comes from.
    ReferralSource, "source" {
        /// An educational institution (the school-to-work handover).
        Institution => "institution",
        Ohjaamo => "ohjaamo",
        /// TE services or the employment area (työllisyysalue).
        EmploymentServices => "employment_services",
        SocialServices => "social_services",
        OtherProject => "other_project",
        Other => "other",
    }
);

code_enum!(
    /// Where an outgoing referral goes.
    ReferralDestination, "destination" {
        Rehabilitation => "rehabilitation",
        HealthServices => "health_services",
        Education => "education",
        OtherProject => "other_project",
        Other => "other",
    }
);

code_enum!(
    /// The state of a referral. Incoming: pending, then accepted, declined (with a reason) or
    /// withdrawn by the referrer. Outgoing: sent, then started or not started; a started one
    /// is completed or ended early.
    ReferralStatus, "status" {
        Pending => "pending",
        Accepted => "accepted",
        Declined => "declined",
        Withdrawn => "withdrawn",
        Sent => "sent",
        Started => "started",
        Completed => "completed",
        NotStarted => "not_started",
        Ended => "ended",
    }
);

impl ReferralStatus {
    /// The direction a status belongs to.
    pub fn direction(self) -> ReferralDirection {
        match self {
            ReferralStatus::Pending
            | ReferralStatus::Accepted
            | ReferralStatus::Declined
            | ReferralStatus::Withdrawn => ReferralDirection::Incoming,
            _ => ReferralDirection::Outgoing,
        }
    }

    /// The status a new referral of `direction` starts in.
    pub fn initial(direction: ReferralDirection) -> Self {
        match direction {
            ReferralDirection::Incoming => ReferralStatus::Pending,
            ReferralDirection::Outgoing => ReferralStatus::Sent,
        }
    }

    /// No further change is possible.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ReferralStatus::Accepted
                | ReferralStatus::Declined
                | ReferralStatus::Withdrawn
                | ReferralStatus::Completed
                | ReferralStatus::NotStarted
                | ReferralStatus::Ended
        )
    }

    /// Whether a referral may move from `self` to `next`: incoming ones only from pending;
    /// outgoing ones sent → started | not started, started → completed | ended.
    pub fn may_move_to(self, next: ReferralStatus) -> bool {
        use ReferralStatus::*;
        matches!(
            (self, next),
            (Pending, Accepted | Declined | Withdrawn)
                | (Sent, Started | NotStarted)
                | (Started, Completed | Ended)
        )
    }

    /// A decline, a referral that never started and one that ended early need a written
    /// reason or outcome.
    pub fn needs_text(self) -> bool {
        matches!(
            self,
            ReferralStatus::Declined | ReferralStatus::NotStarted | ReferralStatus::Ended
        )
    }
}

/// A bounded free text: trimmed, at most [`MAX_REFERRAL_TEXT`] characters, no control characters
/// but line breaks and tabs; `None` when empty.
pub fn referral_text(field: &'static str, s: &str) -> Result<Option<String>, DomainError> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_REFERRAL_TEXT {
        return Err(DomainError::Invalid {
            field,
            reason: format!("at most {MAX_REFERRAL_TEXT} characters"),
        });
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err(DomainError::Invalid {
            field,
            reason: "control characters are not allowed".into(),
        });
    }
    Ok(Some(t.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_are_refused() {
        for s in ReferralStatus::ALL {
            assert_eq!(ReferralStatus::parse(s.as_str()), Ok(*s));
        }
        for s in ReferralSource::ALL {
            assert_eq!(ReferralSource::parse(s.as_str()), Ok(*s));
        }
        for d in ReferralDestination::ALL {
            assert_eq!(ReferralDestination::parse(d.as_str()), Ok(*d));
        }
        assert!(ReferralSource::parse("school_nurse").is_err());
    }

    #[test]
    fn states_move_only_forward_within_their_direction() {
        use ReferralStatus::*;
        assert!(Pending.may_move_to(Accepted));
        assert!(!Accepted.may_move_to(Accepted), "accepting twice");
        assert!(!Declined.may_move_to(Accepted));
        assert!(!Pending.may_move_to(Started), "incoming never starts");
        assert!(Sent.may_move_to(Started));
        assert!(!Sent.may_move_to(Completed), "completed only after started");
        assert!(Started.may_move_to(Ended));
        for s in ReferralStatus::ALL {
            for n in ReferralStatus::ALL {
                if s.may_move_to(*n) {
                    assert_eq!(s.direction(), n.direction());
                    assert!(!s.is_final());
                }
            }
        }
        assert!(Declined.needs_text() && !Accepted.needs_text());
    }

    #[test]
    fn texts_are_bounded() {
        assert_eq!(referral_text("reason", "  "), Ok(None));
        assert_eq!(
            referral_text("reason", " Opiskelija \n")
                .expect("ok")
                .as_deref(),
            Some("Opiskelija")
        );
        assert!(referral_text("reason", &"x".repeat(MAX_REFERRAL_TEXT + 1)).is_err());
        assert!(referral_text("reason", "a\u{7}b").is_err());
    }
}
