//! Typed random identifiers (UUIDv4). Possessing an ID never grants access (R14).

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),+ $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn new() -> Self { Self(Uuid::new_v4()) }
            pub fn parse(s: &str) -> Result<Self, crate::DomainError> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| crate::DomainError::Invalid {
                    field: stringify!($name), reason: format!("{s:?} is not a UUID") })
            }
        }
        impl Default for $name { fn default() -> Self { Self::new() } }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { self.0.fmt(f) }
        }
    )+};
}
pub(crate) use id_type;

id_type!(
    OrganisationId,
    ProjectId,
    UserId,
    ParticipantId,
    EmployerId,
    TaskId,
    OpeningId,
    PlacementId,
    GigId,
    MeetingId,
    NeedId,
    InteractionId,
    ConsentId,
    ShareId,
    PlanItemId,
    DocumentId,
    LearningRecordId,
    FollowUpId,
);
