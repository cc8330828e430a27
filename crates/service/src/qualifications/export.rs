//! Qualification evidence in the right-of-access export (R39).

use crate::crypto::Key;
use crate::store::QualificationEvidenceRecord;
use crate::{Result, Service, ServiceError};
use polku_domain::{CompetenceShown, PlacementId, RequirementId, TaskId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// One piece of evidence as the participant gets it.
#[derive(Debug, Clone, Serialize)]
pub struct ExportQualificationEvidence {
    pub placement: PlacementId,
    pub requirement: RequirementId,
    /// The unit's Koodisto code, e.g. `tutkinnonosat_106733`.
    pub unit: String,
    pub diaarinumero: String,
    /// The requirement in Finnish.
    pub requirement_text: String,
    pub task: TaskId,
    pub shown_on: Date,
    pub assessment: CompetenceShown,
    /// `None` after crypto-erasure.
    pub note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub recorded_at: OffsetDateTime,
}

impl Service {
    pub(crate) async fn export_qualification_evidence(
        &self,
        dek: Option<&Key>,
        rows: &[QualificationEvidenceRecord],
    ) -> Result<Vec<ExportQualificationEvidence>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut ids: Vec<RequirementId> = rows.iter().map(|r| r.requirement_id).collect();
        ids.sort();
        ids.dedup();
        let reqs = self.store().requirements(&ids).await?;
        rows.iter()
            .map(|r| {
                let req = reqs
                    .iter()
                    .find(|x| x.id == r.requirement_id)
                    .ok_or(ServiceError::NotFound)?;
                let note = match dek {
                    None => None,
                    Some(k) => Some(
                        String::from_utf8(
                            k.open(&r.note_sealed, &super::use_cases::note_aad(r.id))?,
                        )
                        .map_err(|_| ServiceError::Crypto("sealed text is not UTF-8"))?,
                    ),
                };
                Ok(ExportQualificationEvidence {
                    placement: r.placement_id,
                    requirement: r.requirement_id,
                    unit: req.unit.to_string(),
                    diaarinumero: req.diaarinumero.clone(),
                    requirement_text: req.text.fi.clone(),
                    task: r.task_id,
                    shown_on: r.shown_on,
                    assessment: r.assessment,
                    note,
                    recorded_at: r.recorded_at,
                })
            })
            .collect()
    }
}
