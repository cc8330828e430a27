//! What a report covers. One filter is shared by every report computation (the ESF+ indicators,
//! the project figures, the IPS fidelity profile) so that the pages, the exports and the
//! command line all ask the same question in the same words.

use crate::geo::{region, MunicipalityCode};
use crate::{DomainError, OrganisationId, ProjectId};
use serde::{Deserialize, Serialize};
use time::Date;

/// The period (both days included) and the scope of a report. `None` means "all that the
/// asker may see".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFilter {
    pub from: Date,
    pub to: Date,
    pub project: Option<ProjectId>,
    /// A partner organisation of the project (the organisation the participant's coach works for).
    pub organisation: Option<OrganisationId>,
    /// A region (maakunta) by its NUTS 3 code, e.g. `FI1C3` (Päijät-Häme).
    pub region: Option<String>,
    pub municipality: Option<MunicipalityCode>,
}

impl ReportFilter {
    /// A filter over one period; the scope is narrowed with the `with_*` methods.
    pub fn new(from: Date, to: Date) -> Result<Self, DomainError> {
        if to < from {
            return Err(DomainError::Invalid {
                field: "to",
                reason: "the period ends before it starts".into(),
            });
        }
        Ok(Self {
            from,
            to,
            project: None,
            organisation: None,
            region: None,
            municipality: None,
        })
    }

    pub fn with_project(mut self, project: ProjectId) -> Self {
        self.project = Some(project);
        self
    }

    pub fn with_organisation(mut self, organisation: OrganisationId) -> Self {
        self.organisation = Some(organisation);
        self
    }

    /// Only regions of the embedded register are accepted.
    pub fn with_region(mut self, code: &str) -> Result<Self, DomainError> {
        let code = code.trim();
        if region(code).is_none() {
            return Err(DomainError::Invalid {
                field: "region",
                reason: format!("no region has the code {code:?}"),
            });
        }
        self.region = Some(code.to_owned());
        Ok(self)
    }

    pub fn with_municipality(mut self, municipality: MunicipalityCode) -> Self {
        self.municipality = Some(municipality);
        self
    }

    /// Whether `day` falls inside the period.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }
}

/// One ESF+ indicator counted by gender. `total` counts everyone, also those whose gender is
/// not known or who declined to say, so it can exceed `women + men + non_binary`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRow {
    pub code: String,
    pub kind: crate::esf::IndicatorKind,
    pub women: i64,
    pub men: i64,
    pub non_binary: i64,
    pub total: i64,
}

/// The ESF+ indicators over a filter, in the order of `data/esf-indicators.json`. Exact counts:
/// suppression (R46) is the caller's business.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorTable {
    pub filter: ReportFilter,
    pub rows: Vec<IndicatorRow>,
    /// Codes of the indicators in force whose data source Polku does not have (e.g. rural
    /// areas without a municipality classification): reported as "not known", not as zero.
    pub not_known: Vec<String>,
}

impl IndicatorTable {
    /// The row with `code`.
    pub fn row(&self, code: &str) -> Option<&IndicatorRow> {
        self.rows.iter().find(|r| r.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_period_must_not_end_before_it_starts() {
        assert!(ReportFilter::new(date!(2026 - 02 - 01), date!(2026 - 01 - 31)).is_err());
        let f = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 01 - 01)).unwrap();
        assert!(f.covers(date!(2026 - 01 - 01)));
        assert!(!f.covers(date!(2026 - 01 - 02)));
    }

    #[test]
    fn an_unknown_region_is_refused() {
        let f = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 12 - 31)).unwrap();
        assert!(f.clone().with_region("FI999").is_err());
        assert_eq!(
            f.with_region("FI1C3").unwrap().region.as_deref(),
            Some("FI1C3")
        );
    }
}
