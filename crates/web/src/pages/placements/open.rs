//! "Open proposals": every proposal of the project prepared or waiting for the employer's
//! answer, per employer, with how many days it has waited, oldest first. Coordinators see the
//! project's (without names: pseudonymous, R13); a coach sees their own.

use super::common::{kind_key, state_key};
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::render;
use crate::middleware::session::Session;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use polku_domain::{ProjectId, Role};

pub struct Waiting {
    pub href: String,
    pub kind_key: &'static str,
    pub state_key: &'static str,
    pub coach: String,
    pub days: i64,
}

pub struct EmployerGroup {
    pub name: String,
    pub href: String,
    pub items: Vec<Waiting>,
}

#[derive(Template)]
#[template(path = "placements/open.html")]
struct OpenPage<'a> {
    ctx: &'a Ctx,
    groups: Vec<EmployerGroup>,
}

fn projects(session: &Session) -> Vec<ProjectId> {
    let mut out: Vec<ProjectId> = session
        .user
        .roles
        .iter()
        .filter(|g| matches!(g.role, Role::Coordinator | Role::Coach))
        .filter_map(|g| g.project)
        .collect();
    out.sort_by_key(|p| p.0);
    out.dedup();
    out
}

pub async fn list(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
) -> WebResult<Response> {
    let mut groups: Vec<EmployerGroup> = Vec::new();
    for project in projects(&session) {
        // Sorted by employer, the longest wait first within each.
        for w in state
            .service
            .open_proposals(&session.actor, project)
            .await?
        {
            let p = &w.placement;
            let item = Waiting {
                href: format!("/placements/{}", p.id),
                kind_key: kind_key(p.kind),
                state_key: state_key(p.state),
                coach: w.coach_name.clone(),
                days: w.days_waiting,
            };
            let href = format!("/employers/{}", p.employer_id);
            match groups.iter_mut().find(|g| g.href == href) {
                Some(g) => g.items.push(item),
                None => groups.push(EmployerGroup {
                    name: w.employer_name.clone(),
                    href,
                    items: vec![item],
                }),
            }
        }
    }
    render(&OpenPage { ctx: &ctx, groups })
}
