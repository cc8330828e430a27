//! Aggregated project figures for managers (DESIGN.md §6.5): counts by category, computed by the
//! store with `COUNT … GROUP BY`, with every cell below [`MIN_CELL`] suppressed and totals hidden
//! whenever they would give a suppressed cell away by subtraction. No row-level data.

use crate::audit::AuditEvent;
pub use crate::store::records::ProjectCounts;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{CooperationDepth, OpeningKind, PathStage, Project, ProjectId};

pub mod figures;
pub mod suppression;

pub use figures::{Duration, Empty, Figures, Report, Trend};

pub use suppression::{Cell, Threshold};

/// One ESF+ indicator row suppressed for publishing: women, men, non-binary and "not known or
/// declined" (the rest of the total), then the total. Each indicator is suppressed as its own
/// one-row table (R46); docs/SECURITY.md names what this does not cover.
pub fn suppress_indicator(row: &polku_domain::IndicatorRow, k: Threshold) -> (Vec<Cell>, Cell) {
    let unknown = (row.total - row.women - row.men - row.non_binary).max(0);
    let l = suppression::suppress_list(&[row.women, row.men, row.non_binary, unknown], k);
    (l.cells, l.total)
}

/// One table of the report: every category of the dimension, in catalogue order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<(String, Cell)>,
    /// `None` when suppressed (below k, or it would give a suppressed cell away).
    pub total: Option<i64>,
}

/// Suppresses small cells of `counts` over all `categories` with complementary suppression
/// (see [`suppression`]), so no suppressed value can be recovered by subtraction.
pub fn suppress(categories: &[&str], counts: &[(String, i64)], k: Threshold) -> Table {
    let n: Vec<i64> = categories
        .iter()
        .map(|c| {
            counts
                .iter()
                .filter(|(k, _)| k == c)
                .map(|(_, n)| *n)
                .sum::<i64>()
        })
        .collect();
    let list = suppression::suppress_list(&n, k);
    Table {
        rows: categories
            .iter()
            .zip(list.cells)
            .map(|(c, cell)| ((*c).to_owned(), cell))
            .collect(),
        total: list.total.count(),
    }
}

/// The manager's overview of one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectReport {
    pub project: Project,
    pub participants_by_stage: Table,
    pub employers_by_depth: Table,
    pub openings_by_kind: Table,
}

impl Service {
    /// Projects the actor may report on.
    pub async fn reportable_projects(&self, actor: &Actor) -> Result<Vec<Project>> {
        Ok(self
            .store()
            .list_projects()
            .await?
            .into_iter()
            .filter(|p| authz::may_report(actor, p.id))
            .collect())
    }

    /// The suppressed overview of a project. "Not yours" is "not found".
    pub async fn project_report(&self, actor: &Actor, project: ProjectId) -> Result<ProjectReport> {
        if !authz::may_report(actor, project) {
            return Err(ServiceError::NotFound);
        }
        let p = self
            .store()
            .get_project(project)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let counts = self.store().project_counts(project).await?;
        self.store()
            .append_audit(&AuditEvent::new(
                actor,
                "project",
                Some(project.to_string()),
                "report",
                "reporting",
            )?)
            .await?;
        let k = self.report_threshold();
        let stages: Vec<&str> = PathStage::ALL.iter().map(|s| s.as_str()).collect();
        let depths = [
            CooperationDepth::Contacted,
            CooperationDepth::Engaged,
            CooperationDepth::Deeper,
        ]
        .map(depth_str);
        let kinds = [
            OpeningKind::Job,
            OpeningKind::WorkTrial,
            OpeningKind::EducationTrial,
            OpeningKind::Apprenticeship,
            OpeningKind::Gig,
        ]
        .map(OpeningKind::as_str);
        Ok(ProjectReport {
            project: p,
            participants_by_stage: suppress(&stages, &counts.participants_by_stage, k),
            employers_by_depth: suppress(&depths, &counts.employers_by_depth, k),
            openings_by_kind: suppress(&kinds, &counts.openings_by_kind, k),
        })
    }
}

/// The stored name of a cooperation depth.
pub fn depth_str(d: CooperationDepth) -> &'static str {
    match d {
        CooperationDepth::Contacted => "contacted",
        CooperationDepth::Engaged => "engaged",
        CooperationDepth::Deeper => "deeper",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cells_and_revealing_totals_are_suppressed() {
        let k = Threshold::default();
        let t = suppress(
            &["a", "b", "c"],
            &[("a".into(), 6), ("b".into(), 3), ("x".into(), 9)],
            k,
        );
        assert_eq!(t.rows[0].1, Cell::Count(6));
        assert!(t.rows[1].1.is_suppressed() && t.rows[2].1.is_suppressed());
        assert_eq!(
            t.total,
            Some(9),
            "3 and 0 hide each other: b + c = 3 either way"
        );
        let t = suppress(&["a", "b"], &[("a".into(), 5), ("b".into(), 7)], k);
        assert_eq!(t.total, Some(12));
        assert_eq!(t.rows[0].1, Cell::Count(5));
    }
}
