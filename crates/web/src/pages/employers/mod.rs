//! Pages of the employers area: the employer register, task inventories, openings, contacts and
//! needs, and the pseudonymous candidates for an opening. Coordinators edit; coaches of the
//! project read. Which employer an actor may see is decided by the service (404 otherwise).

mod candidates;
mod interactions;
mod openings;
mod register;
mod tasks;

use crate::error::WebError;
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::policy::{Policy, Routes};
use polku_domain::{EmployerId, MunicipalityCode, ProjectId, Role};

/// Readers of the register (the service decides per project).
pub const READERS: Policy = Policy::AnyRole(&[Role::Coordinator, Role::Coach]);
/// Editors of the register.
pub const EDITORS: Policy = Policy::AnyRole(&[Role::Coordinator]);

pub fn routes() -> Routes {
    Routes::new()
        .get("/employers", READERS, register::list)
        .get("/employers/new", EDITORS, register::new_form)
        .post("/employers/new", EDITORS, register::create)
        .get("/employers/{id}", READERS, register::show)
        .post("/employers/{id}/contacts", EDITORS, register::add_contact)
        .post(
            "/employers/{id}/contacts/{contact}/delete",
            EDITORS,
            register::remove_contact,
        )
        .get("/employers/{id}/edit", EDITORS, register::edit_form)
        .post("/employers/{id}/edit", EDITORS, register::update)
        .get("/employers/{id}/tasks", READERS, tasks::list)
        .get("/employers/{id}/tasks/new", EDITORS, tasks::new_form)
        .post("/employers/{id}/tasks/new", EDITORS, tasks::create)
        .get(
            "/employers/{id}/tasks/{task}/edit",
            EDITORS,
            tasks::edit_form,
        )
        .post("/employers/{id}/tasks/{task}/edit", EDITORS, tasks::update)
        .get("/employers/{id}/openings", READERS, openings::list)
        .get("/employers/{id}/openings/new", EDITORS, openings::new_form)
        .post("/employers/{id}/openings/new", EDITORS, openings::create)
        .get(
            "/employers/{id}/openings/{opening}/edit",
            EDITORS,
            openings::edit_form,
        )
        .post(
            "/employers/{id}/openings/{opening}/edit",
            EDITORS,
            openings::update,
        )
        .get(
            "/employers/{id}/openings/{opening}/candidates",
            READERS,
            candidates::list,
        )
        .get("/employers/{id}/interactions", READERS, interactions::list)
        .post(
            "/employers/{id}/interactions",
            EDITORS,
            interactions::create,
        )
}

/// A submitted form as name/value pairs (repeated names such as checkboxes allowed).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    /// The first value of `name`, trimmed ("" when absent).
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// Whether a checkbox was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }
}

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

/// A municipality's name in the interface language (its code when unknown).
pub fn municipality_name(code: &MunicipalityCode, locale: Locale) -> String {
    match polku_domain::geo::municipality(code) {
        Some(m) if locale == Locale::Sv => m.name_sv.to_owned(),
        Some(m) => m.name_fi.to_owned(),
        None => code.as_str().to_owned(),
    }
}

/// Municipality names joined for display.
pub fn municipality_names(codes: &[MunicipalityCode], locale: Locale) -> String {
    codes
        .iter()
        .map(|c| municipality_name(c, locale))
        .collect::<Vec<_>>()
        .join(", ")
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
