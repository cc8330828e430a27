//! The subsidy estimate for hiring a participant at an employer: every pay-subsidy rule they
//! may qualify for (pay subsidy, the 55+ employment subsidy, the 60+ and 100 % rules) with its
//! euros, and the work-arrangement subsidy for the person's accommodations, summed. The rules
//! are selected by the matching crate ([`polku_matching::subsidies`]); this module gathers the
//! facts from the stored participant and employer. Authorised and audited like reading the
//! participant for matching.

use crate::participants::ParticipantView;
use crate::{Actor, Result, Service, ServiceError};
use polku_domain::{DomainError, EmployerId, LegalForm, ParticipantId};
use polku_matching::subsidies::{self, ArrangementSubsidy, Job, PersonFacts, RuleSet, Selection};
use time::Date;

/// Highest monthly wage the estimate accepts (euros).
pub const MAX_MONTHLY_WAGE_EUR: u32 = 100_000;

/// The estimate: an estimate only, to be confirmed with the employment authority.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubsidyEstimate {
    pub on: Date,
    /// The employer's legal form as recorded (`None`: not recorded).
    pub employer_legal_form: Option<LegalForm>,
    pub monthly_wage_eur: Option<u32>,
    pub hours_per_week: u16,
    /// Every pay-subsidy rule that may apply, and the best one.
    pub pay: Selection,
    /// The work-arrangement subsidy for each of the person's accommodations it may pay for.
    pub arrangement: Vec<ArrangementSubsidy>,
    /// The work-arrangement subsidies over their whole periods, in euros.
    pub arrangement_total_eur: f64,
    /// The best pay subsidy over its whole period plus the work-arrangement subsidies (`None`
    /// without a wage).
    pub total_eur: Option<f64>,
}

/// What the rules need of a participant on `on`: the birth date from the identity code when
/// there is one, otherwise the ESF+ birth year; the unemployment history; reduced work ability.
pub fn person_facts(view: &ParticipantView, on: Date) -> PersonFacts {
    let esf = &view.personal.esf;
    PersonFacts {
        birth_date: view
            .personal
            .hetu
            .as_ref()
            .map(polku_domain::Hetu::birth_date),
        birth_year: esf.birth_year,
        reduced_work_ability: esf.disability.unwrap_or(false),
        long_term_unemployed: esf.long_term_unemployed,
        unemployed_months_of_28: esf.unemployed_months_of_28(on),
    }
}

/// The estimate from facts already read (pure): used by [`Service::subsidy_estimate`] and for
/// the paid suggestions of the matching page.
pub fn estimate_for(
    view: &ParticipantView,
    employer_legal_form: Option<LegalForm>,
    monthly_wage_eur: Option<u32>,
    hours_per_week: u16,
    rules: &RuleSet,
) -> SubsidyEstimate {
    let on = rules.on;
    let pay = subsidies::select(
        &person_facts(view, on),
        employer_legal_form,
        Job {
            monthly_wage_eur: monthly_wage_eur.map(f64::from),
            hours_per_week,
        },
        rules,
    );
    let accs = view
        .sensitive
        .accommodations
        .iter()
        .filter_map(|id| polku_domain::catalogue::accommodation(id))
        .map(|a| (a.id.as_str(), a.cost_eur, a.subsidy.as_deref()));
    let (arrangement, arrangement_total_eur) = subsidies::arrangement(accs, on);
    let total_eur = pay
        .best()
        .and_then(|b| b.estimate_eur_total)
        .or(monthly_wage_eur.map(|_| 0.0))
        .map(|p| ((p + arrangement_total_eur) * 100.0).round() / 100.0);
    SubsidyEstimate {
        on,
        employer_legal_form,
        monthly_wage_eur,
        hours_per_week,
        pay,
        arrangement,
        arrangement_total_eur,
        total_eur,
    }
}

impl Service {
    /// The subsidy estimate for hiring participant `participant` at `employer` for
    /// `monthly_wage_eur` (none: rates only) and `hours_per_week`, on `today`. Needs full access
    /// to the participant (the read is audited as matching) and the employer must be of the
    /// participant's project; anything else is "not found".
    pub async fn subsidy_estimate(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        employer: EmployerId,
        monthly_wage_eur: Option<u32>,
        hours_per_week: u16,
        today: Date,
    ) -> Result<SubsidyEstimate> {
        if !(1..=60).contains(&hours_per_week) {
            return Err(ServiceError::Invalid(DomainError::Invalid {
                field: "hours_per_week",
                reason: "1-60 hours".into(),
            }));
        }
        if monthly_wage_eur.is_some_and(|w| w > MAX_MONTHLY_WAGE_EUR) {
            return Err(ServiceError::Invalid(DomainError::Invalid {
                field: "monthly_wage_eur",
                reason: format!("at most {MAX_MONTHLY_WAGE_EUR}"),
            }));
        }
        let view = self.get_participant(actor, participant, "matching").await?;
        let e = self
            .project_employer(actor, view.project_id, employer)
            .await?;
        Ok(estimate_for(
            &view,
            e.legal_form,
            monthly_wage_eur,
            hours_per_week,
            &RuleSet::on(today),
        ))
    }
}
