//! What the employer pages share: the employer id from the path, the projects a user acts in,
//! the municipality parser, the employer's tab list and the "may edit" check.

use crate::error::WebError;
use crate::middleware::session::Session;
use polku_domain::{EmployerId, MunicipalityCode, ProjectId, Role};

/// An employer id from the path; a malformed id is simply not found.
pub fn employer_id(s: &str) -> Result<EmployerId, WebError> {
    EmployerId::parse(s).map_err(|_| WebError::NotFound)
}

/// The projects in which the signed-in user holds one of `roles`.
pub fn projects_with(session: &Session, roles: &[Role]) -> Vec<ProjectId> {
    let mut out: Vec<ProjectId> = session
        .user
        .roles
        .iter()
        .filter(|g| roles.contains(&g.role))
        .filter_map(|g| g.project)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A municipality from a code (`398`) or a name (`Lahti`), if it exists.
pub fn municipality(input: &str) -> Option<MunicipalityCode> {
    let t = input.trim();
    if let Ok(code) = MunicipalityCode::known(t) {
        return Some(code);
    }
    polku_domain::geo::municipality_by_name(t).map(|m| m.code.clone())
}

/// A sub-page link of one employer, for the tab list.
#[derive(Debug, Clone)]
pub struct Tab {
    pub href: String,
    pub label_key: &'static str,
    pub current: bool,
}

/// The tabs of an employer's pages; `current` is the tab's last path segment ("" = overview).
pub fn tabs(id: EmployerId, current: &str) -> Vec<Tab> {
    [
        ("", "emp-tab-overview"),
        ("tasks", "emp-tab-tasks"),
        ("openings", "emp-tab-openings"),
        ("interactions", "emp-tab-interactions"),
        ("qualifications", "emp-tab-qualifications"),
    ]
    .into_iter()
    .map(|(seg, key)| Tab {
        href: if seg.is_empty() {
            format!("/employers/{id}")
        } else {
            format!("/employers/{id}/{seg}")
        },
        label_key: key,
        current: seg == current,
    })
    .collect()
}

/// The employer, when the signed-in user may change its records (a coordinator of its
/// project); otherwise 404, the same as an employer that does not exist.
pub async fn editable(
    state: &crate::state::AppState,
    session: &crate::middleware::session::Session,
    id: polku_domain::EmployerId,
) -> crate::error::WebResult<polku_domain::Employer> {
    let e = state.service.employer(&session.actor, id).await?;
    if !state.service.may_edit_employer(&session.actor, &e) {
        return Err(crate::error::WebError::NotFound);
    }
    Ok(e)
}
