//! Aggregated project figures for managers (DESIGN.md §6.5): counts by category, computed by the
//! store with `COUNT … GROUP BY`, with every cell below [`MIN_CELL`] suppressed and totals hidden
//! whenever they would give a suppressed cell away by subtraction. No row-level data.

use crate::audit::AuditEvent;
pub use crate::store::records::ProjectCounts;
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::{CooperationDepth, OpeningKind, PathStage, Project, ProjectId};

/// The smallest count that is shown as a number.
pub const MIN_CELL: i64 = 5;

/// One reported figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Count(i64),
    /// Fewer than [`MIN_CELL`] (zero included): the number is never shown.
    Suppressed,
}

/// One table of the report: every category of the dimension, in catalogue order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<(String, Cell)>,
    /// `None` when showing it would reveal a suppressed cell (any cell suppressed).
    pub total: Option<i64>,
}

/// Suppresses small cells of `counts` over all `categories`; the total is shown only when no
/// cell is suppressed, so no suppressed value can be recovered by subtraction.
pub fn suppress(categories: &[&str], counts: &[(String, i64)]) -> Table {
    let rows: Vec<(String, Cell)> = categories
        .iter()
        .map(|c| {
            let n = counts
                .iter()
                .filter(|(k, _)| k == c)
                .map(|(_, n)| *n)
                .sum::<i64>();
            let cell = if n < MIN_CELL {
                Cell::Suppressed
            } else {
                Cell::Count(n)
            };
            ((*c).to_owned(), cell)
        })
        .collect();
    let total = rows
        .iter()
        .map(|(_, c)| match c {
            Cell::Count(n) => Some(*n),
            Cell::Suppressed => None,
        })
        .sum::<Option<i64>>();
    Table { rows, total }
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
            participants_by_stage: suppress(&stages, &counts.participants_by_stage),
            employers_by_depth: suppress(&depths, &counts.employers_by_depth),
            openings_by_kind: suppress(&kinds, &counts.openings_by_kind),
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
        let t = suppress(
            &["a", "b", "c"],
            &[("a".into(), 6), ("b".into(), 3), ("x".into(), 9)],
        );
        assert_eq!(
            t.rows,
            vec![
                ("a".into(), Cell::Count(6)),
                ("b".into(), Cell::Suppressed),
                ("c".into(), Cell::Suppressed),
            ]
        );
        assert_eq!(t.total, None, "6 + hidden would reveal b by subtraction");
        let t = suppress(&["a", "b"], &[("a".into(), 5), ("b".into(), 7)]);
        assert_eq!(t.total, Some(12));
        assert_eq!(t.rows[0].1, Cell::Count(5));
    }
}
