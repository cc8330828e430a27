//! Schemas of the domain's value types. The domain derives no web traits (STYLE.md), so each is
//! described here, at the web edge: an enumeration lists the values the domain's own serde form
//! gives (a renamed value changes the document by itself, and a new variant fails to compile
//! until it is listed); a string gives the format the domain's parser enforces.

use polku_domain as d;
use polku_domain::participant::LabourMarketStatus as DLabourMarketStatus;
use serde::Serialize;
use std::borrow::Cow;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::RefOr;

/// The serde names of `values`.
fn names<T: Serialize>(values: impl IntoIterator<Item = T>) -> Vec<serde_json::Value> {
    values
        .into_iter()
        .map(|v| serde_json::to_value(v).unwrap_or_default())
        .collect()
}

/// A string that is one of `values`.
pub(crate) fn one_of<T: Serialize>(values: impl IntoIterator<Item = T>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(names(values)))
}

/// Every variant of a domain enumeration that has no `ALL`; the match makes a new variant a
/// compile error here until it is listed.
macro_rules! every {
    ($($ty:ident)::+ : $($v:ident),+) => {{
        use $($ty)::+ as T;
        fn _exhaustive(v: T) {
            match v {
                $(T::$v)|+ => {}
            }
        }
        [$(T::$v),+]
    }};
}

/// A named component schema for a type the web edge describes; its doc comment is the schema's
/// description.
macro_rules! component {
    ($(#[doc = $doc:literal])+ $name:ident => $schema:expr) => {
        $(#[doc = $doc])+
        #[derive(Debug, serde::Serialize)]
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                let description = [$($doc),+].map(str::trim).join(" ");
                RefOr::T(Schema::Object($schema.description(Some(description)).build()))
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
        }
    };
}

component! {
    /// Where the participant is on the service path.
    PathStage => one_of(d::PathStage::ALL)
}
component! {
    /// A kind of information about a participant that may be consented to and shared.
    DataCategory => one_of(d::DataCategory::ALL)
}
component! {
    /// The kind of recipient a consent or share is for.
    RecipientClass => one_of(d::RecipientClass::ALL)
}
component! {
    /// What the data may be used for.
    ConsentPurpose => one_of(d::ConsentPurpose::ALL)
}
component! {
    /// How the consent was given.
    ConsentMethod => one_of(d::ConsentMethod::ALL)
}
component! {
    /// A CEFR language level.
    CefrLevel => one_of(d::CefrLevel::ALL)
}
component! {
    /// Where a meeting took place.
    Place => one_of(every!(d::PlaceType: Office, OutsideOffice, Remote, PopUp))
}
component! {
    /// How a skill is evidenced.
    Evidence => one_of(every!(d::Evidence: SelfAssessed, CoachObserved, WorkTrial, Certificate))
}
component! {
    /// Labour-market status at entry (ESF+).
    LabourMarketStatus => one_of(every!(DLabourMarketStatus: Unemployed, Inactive, Employed, InEducation))
}
component! {
    /// The kind of an opening.
    OpeningKind => one_of(every!(d::OpeningKind: Job, WorkTrial, EducationTrial, Apprenticeship, Gig))
}
component! {
    /// Where a placement is: prepared by a coordinator, proposed to the employer, agreed,
    /// active, or ended (completed, interrupted, declined by the employer, withdrawn).
    PlacementState => one_of(d::PlacementState::ALL)
}
component! {
    /// The employer's answer to a proposal: yes, let's meet first, or no (with a reason).
    EmployerAnswer => one_of(d::EmployerAnswer::ALL)
}
component! {
    /// How the employer's answer came: in the service, or told by phone or e-mail to the coach
    /// or a coordinator who recorded it.
    AnswerChannel => one_of(d::AnswerChannel::ALL)
}
component! {
    /// Where a gig is: open, filled (every place has a yes), cancelled, or done.
    GigState => one_of(d::GigState::ALL)
}
component! {
    /// When the work is done.
    Schedule => one_of(every!(d::Schedule: Daytime, Evenings, Nights, Weekends, Flexible))
}
component! {
    /// The employer's size class.
    EmployerSize => one_of(every!(d::EmployerSize: Micro, Small, Medium, Large))
}
component! {
    /// The employer's legal form (which pay-subsidy rules it may get).
    LegalForm => one_of(d::LegalForm::ALL.map(d::LegalForm::code))
}
component! {
    /// How deep the cooperation with the employer is.
    Cooperation => one_of(every!(d::CooperationDepth: Contacted, Engaged, Deeper))
}
component! {
    /// A dimension of functioning (ICF-based).
    Dimension => one_of(d::Dimension::ALL.iter().copied())
}
component! {
    /// A role a user holds, in one project or everywhere.
    Role => one_of(d::Role::ALL.map(d::Role::as_str))
}
component! {
    /// A language of consent wordings and exports; Finnish when not given.
    Language => one_of(d::catalogue::CONSENT_LOCALES).default(Some("fi".into()))
}
component! {
    /// A level of functioning or of a task's demand, 0 (none) to 4.
    Level => ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0)).maximum(Some(4))
}
component! {
    /// Statistics Finland municipality code.
    MunicipalityCode => ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[0-9]{3}$"))
}
component! {
    /// An ESCO concept URI (skill or occupation).
    EscoUri => ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("uri".to_owned())))
}
component! {
    /// Finnish business ID (Y-tunnus) with its check digit.
    BusinessId => ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[0-9]{7}-[0-9]$"))
}
component! {
    /// A follow-up after hiring: 1, 3, 6 or 12 months from the start of the job (or a month
    /// after a completed work trial).
    RetentionCheckpoint => one_of(d::RetentionCheckpoint::ALL)
}
component! {
    /// Whether the person is still working at a follow-up: at the same employer, at another
    /// employer, or not working.
    StillWorking => one_of(d::StillWorking::ALL)
}

component! {
    /// Gender as ESF+ figures break it down; `declined` (prefers not to say) is not `not_known`.
    Gender => one_of(d::Gender::ALL.iter())
}

component! {
    /// Labour-market status on the day of entry (ESF+).
    EntryStatus => one_of(d::EntryStatus::ALL.iter())
}

component! {
    /// The highest education completed before entry, each mapped to an ISCED 2011 level
    /// (docs/ESF.md).
    Education => one_of(d::Education::ALL.iter())
}

component! {
    /// An answer that may be declined (`declined`) or not known (`not_known`).
    Answer => one_of(d::Answer::ALL.iter())
}

component! {
    /// The result on leaving, as the EURA 2021 exit form asks it.
    LeavingResult => one_of(d::LeavingResult::ALL.iter())
}

component! {
    /// Which consent wording: a purpose, or `intake` (a person's consent to an intake referral).
    WordingPurpose => one_of(d::ConsentPurpose::ALL.iter().map(|p| p.as_str()).chain(["intake"]))
}

component! {
    /// An optional field of the participant record, off until the organisation switches it on
    /// (R42 minimisation by default).
    OptionalField => one_of(d::OptionalField::ALL)
}
