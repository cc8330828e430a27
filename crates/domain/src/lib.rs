//! Pure domain types for Polku. Every value type here can only be built valid: parse, don't
//! validate. No async, no I/O; reference data is embedded from `data/` at build time.

pub mod agreement;
pub mod business_id;
pub mod catalogue;
pub mod cefr;
pub mod employer;
pub mod error;
pub mod esco;
pub mod esf;
pub mod fidelity;
pub mod follow_up;
pub mod functioning;
pub mod funding;
pub mod geo;
pub mod gig;
pub mod hetu;
pub mod ids;
pub mod industry;
pub mod language;
pub mod mentoring;
pub mod org;
pub mod participant;
pub mod path;
pub mod placement;
pub mod referral;
pub mod report;
pub mod role;
pub mod work;

pub use agreement::{
    AcceptanceMethod, AgreementAcceptance, AgreementParty, AllowancePayer, TrialAgreement,
};
pub use business_id::BusinessId;
pub use cefr::{CefrLevel, LanguageCode};
pub use employer::{
    CooperationDepth, Employer, EmployerSize, Interaction, InteractionKind, LegalForm, Need,
    Opening, OpeningKind, Schedule, Task,
};
pub use error::DomainError;
pub use esco::{EscoKind, EscoUri};
pub use esf::{
    Answer, Education, EntryStatus, EsfEntryData, EsfRecord, EsfSpecial, Gender, IndicatorDef,
    IndicatorKind, Leaving, LeavingResult, SixMonths,
};
pub use follow_up::{FollowUp, FollowUpRecord, RetentionCheckpoint, StillWorking};
pub use functioning::{Assessment, DemandProfile, Dimension, FunctioningProfile, Level};
pub use funding::Funding;
pub use geo::{Municipality, MunicipalityCode, Postcode, Region};
pub use gig::{Gig, GigHours, GigState};
pub use hetu::{Hetu, HetuKind};
pub use ids::*;
pub use mentoring::{
    Checkin, CheckinId, EvidenceId, EvidenceItem, EvidenceKind, EvidenceState, EvidenceWhat,
    FeedbackLevel, TaskFeedback, TaskFeedbackId,
};
pub use org::{Organisation, Project, RoleGrant, User};
pub use participant::{
    Availability, EsfEntry, Evidence, HoursRange, Mobility, Participant, ParticipantPersonal,
    ParticipantSensitive, SkillClaim,
};
pub use path::{Document, DocumentKind, Meeting, PathStage, PlaceType, PlanItem};
pub use placement::{
    share_until_limit, Consent, ConsentMethod, ConsentPurpose, DataCategory, LearningRecord,
    RecipientClass, Share,
};
pub use referral::{
    ReferralDestination, ReferralDirection, ReferralId, ReferralSource, ReferralStatus,
};
pub use report::{IndicatorRow, IndicatorTable, ReportFilter};
pub use role::{Email, Role};
pub use work::{AnswerChannel, EmployerAnswer, Placement, PlacementState};

pub mod qualification;
pub use qualification::{
    CompetenceShown, KoodistoUnit, LocalText, QualificationEvidence, QualificationEvidenceId,
    QualificationUnit, Requirement, RequirementId, TrialField, UnitCode, VerifiedUnit,
};

pub mod optional_field;
pub use optional_field::{FieldSettings, OptionalField};
