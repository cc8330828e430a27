//! The written agreement of a work or education trial (kokeilusopimus): the objective, the
//! parties and the expense allowance, on top of the terms the placement holds (dates, hours,
//! days, tasks). The agreement is versioned: every change makes a new version, and an
//! acceptance counts only for the version it was given to (as in NAV's digital agreements, a
//! change after approval needs new approvals).

use crate::error::DomainError;
use crate::ids::{ParticipantId, PlacementId, UserId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

fn rule(field: &'static str, code: &'static str) -> DomainError {
    DomainError::Rule { field, rule: code }
}

/// A party to the agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementParty {
    /// The participant (osallistuja).
    Participant,
    /// The organiser: the employer, by its signatory.
    Organiser,
    /// The employment authority (työllisyysviranomainen).
    Authority,
    /// The participant's coach (optional: the service provider's acknowledgement).
    Coach,
}

impl AgreementParty {
    pub const ALL: [AgreementParty; 4] = [
        AgreementParty::Participant,
        AgreementParty::Organiser,
        AgreementParty::Authority,
        AgreementParty::Coach,
    ];
    /// The parties whose acceptance of the current version a trial needs before it starts.
    pub const REQUIRED: [AgreementParty; 3] = [
        AgreementParty::Participant,
        AgreementParty::Organiser,
        AgreementParty::Authority,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AgreementParty::Participant => "participant",
            AgreementParty::Organiser => "organiser",
            AgreementParty::Authority => "authority",
            AgreementParty::Coach => "coach",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| DomainError::Invalid {
                field: "party",
                reason: "unknown agreement party".into(),
            })
    }
}

/// How an acceptance was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AcceptanceMethod {
    /// In the service, by the party's own user.
    Service,
    /// Signed on paper; recorded by the coach.
    Paper,
}

impl AcceptanceMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            AcceptanceMethod::Service => "service",
            AcceptanceMethod::Paper => "paper",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "service" => Ok(AcceptanceMethod::Service),
            "paper" => Ok(AcceptanceMethod::Paper),
            _ => Err(DomainError::Invalid {
                field: "method",
                reason: "unknown acceptance method".into(),
            }),
        }
    }
}

/// Who pays the expense allowance (kulukorvaus).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllowancePayer {
    /// Kela or the unemployment fund, with the unemployment benefit.
    Kela,
    /// The employment authority (discretionary, when no benefit is paid).
    Authority,
}

impl AllowancePayer {
    pub fn as_str(self) -> &'static str {
        match self {
            AllowancePayer::Kela => "kela",
            AllowancePayer::Authority => "authority",
        }
    }

    pub fn parse(s: &str) -> Result<Self, DomainError> {
        match s {
            "kela" => Ok(AllowancePayer::Kela),
            "authority" => Ok(AllowancePayer::Authority),
            _ => Err(DomainError::Invalid {
                field: "allowance_payer",
                reason: "unknown allowance payer".into(),
            }),
        }
    }
}

/// The expense allowance a day in euros: the basic rate, and the rate when the trial is outside
/// the commuting area or needs accommodation (Kela, 2026).
pub const ALLOWANCE_RATES: [u8; 2] = [9, 18];

/// Longest free text (objective, other terms) in characters.
pub const TEXT_MAX: usize = 2000;
/// Longest name, title or contact in characters.
pub const NAME_MAX: usize = 200;

/// A trial agreement. The terms (dates, hours, days, tasks, kind) are the placement's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrialAgreement {
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    /// The objective and what the trial should find out.
    pub objective: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub authority_name: String,
    pub authority_organisation: String,
    /// Phone number or e-mail address of the authority's contact.
    pub authority_contact: String,
    /// The workplace mentor's name when the placement has no mentor user.
    pub mentor_name: Option<String>,
    /// Euros a day: one of [`ALLOWANCE_RATES`].
    pub allowance_per_day: u8,
    pub allowance_payer: AllowancePayer,
    pub other_terms: String,
    pub version: i64,
    pub updated_at: OffsetDateTime,
}

impl TrialAgreement {
    /// Checks the texts and the allowance; field names are the API's.
    pub fn validate(&self) -> Result<(), DomainError> {
        let blank = |s: &str| s.trim().is_empty();
        let long = |s: &str, max: usize| s.chars().count() > max;
        if blank(&self.objective) {
            return Err(rule("objective", "agreement_field_required"));
        }
        if long(&self.objective, TEXT_MAX) {
            return Err(rule("objective", "text_too_long"));
        }
        if long(&self.other_terms, TEXT_MAX) {
            return Err(rule("other_terms", "text_too_long"));
        }
        for (field, value) in [
            ("signatory_name", &self.signatory_name),
            ("signatory_title", &self.signatory_title),
            ("authority_name", &self.authority_name),
            ("authority_organisation", &self.authority_organisation),
            ("authority_contact", &self.authority_contact),
        ] {
            if blank(value) {
                return Err(rule(field, "agreement_field_required"));
            }
            if long(value, NAME_MAX) {
                return Err(rule(field, "text_too_long"));
            }
        }
        if self
            .mentor_name
            .as_deref()
            .is_some_and(|m| long(m, NAME_MAX))
        {
            return Err(rule("mentor_name", "text_too_long"));
        }
        if !ALLOWANCE_RATES.contains(&self.allowance_per_day) {
            return Err(rule("allowance_per_day", "allowance_rate"));
        }
        Ok(())
    }
}

/// A party's acceptance of one version of the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAcceptance {
    pub placement_id: PlacementId,
    pub participant_id: ParticipantId,
    pub party: AgreementParty,
    /// The user who accepted in the service, or the coach who recorded a paper acceptance.
    pub accepted_by: Option<UserId>,
    /// The name of who signed on paper.
    pub signer_name: Option<String>,
    pub method: AcceptanceMethod,
    pub accepted_at: OffsetDateTime,
    /// The agreement version accepted; an older one than the agreement's is void.
    pub agreement_version: i64,
}

impl AgreementAcceptance {
    /// Whether it counts for the agreement as it is now.
    pub fn is_current(&self, agreement: &TrialAgreement) -> bool {
        self.agreement_version == agreement.version
    }
}

/// The required parties that have not accepted the agreement's current version.
pub fn missing_parties(
    agreement: &TrialAgreement,
    acceptances: &[AgreementAcceptance],
) -> Vec<AgreementParty> {
    AgreementParty::REQUIRED
        .into_iter()
        .filter(|party| {
            !acceptances
                .iter()
                .any(|a| a.party == *party && a.is_current(agreement))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement() -> TrialAgreement {
        TrialAgreement {
            placement_id: PlacementId::new(),
            participant_id: ParticipantId::new(),
            objective: "Selvittää sopiiko varastotyö".into(),
            signatory_name: "Eeva Esimies".into(),
            signatory_title: "Toimitusjohtaja".into(),
            authority_name: "Tarja Virkailija".into(),
            authority_organisation: "Tampereen työllisyysalue".into(),
            authority_contact: "040 123 4567".into(),
            mentor_name: None,
            allowance_per_day: 9,
            allowance_payer: AllowancePayer::Kela,
            other_terms: String::new(),
            version: 2,
            updated_at: OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_blank_signatory_or_a_made_up_rate_is_refused() {
        assert!(agreement().validate().is_ok());
        let mut a = agreement();
        a.signatory_name = "  ".into();
        assert_eq!(
            a.validate(),
            Err(rule("signatory_name", "agreement_field_required"))
        );
        let mut a = agreement();
        a.allowance_per_day = 10;
        assert_eq!(
            a.validate(),
            Err(rule("allowance_per_day", "allowance_rate"))
        );
    }

    #[test]
    fn only_acceptances_of_the_current_version_count() {
        let a = agreement();
        let accept = |party, version| AgreementAcceptance {
            placement_id: a.placement_id,
            participant_id: a.participant_id,
            party,
            accepted_by: None,
            signer_name: Some("N".into()),
            method: AcceptanceMethod::Paper,
            accepted_at: OffsetDateTime::UNIX_EPOCH,
            agreement_version: version,
        };
        let list = vec![
            accept(AgreementParty::Participant, 2),
            accept(AgreementParty::Organiser, 1),
            accept(AgreementParty::Coach, 2),
        ];
        assert_eq!(
            missing_parties(&a, &list),
            vec![AgreementParty::Organiser, AgreementParty::Authority]
        );
    }
}
