//! `GET /qualifications?q=…&qualification=…`: the qualification units as reference data.

use super::common::lang;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{format, render};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::pages::participants::common::{opt, Opt};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use polku_domain::{QualificationUnit, Requirement};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    q: String,
    /// A qualification version (its diaarinumero); empty: all.
    #[serde(default)]
    qualification: String,
}

/// One requirement item as listed.
pub struct Item {
    pub key: String,
    pub area: Option<String>,
    pub text: String,
}

/// One unit version as listed.
pub struct UnitRow {
    pub anchor: String,
    pub name: String,
    pub code: String,
    pub diaarinumero: String,
    pub validity: Option<String>,
    pub osp: Option<String>,
    /// Every qualification (name and code) a version of this unit belongs to.
    pub qualifications: Vec<String>,
    pub source: String,
    pub items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "qualifications/units.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    errors: FieldErrors,
    q: String,
    qualifications: Vec<Opt>,
    total: usize,
    filtered: bool,
    rows: Vec<UnitRow>,
}

/// Lower-case words of the query.
fn words(q: &str) -> Vec<String> {
    q.split_whitespace().map(str::to_lowercase).collect()
}

/// Every text a search looks at, in every language, lower-cased.
fn haystack(u: &QualificationUnit, reqs: &[Requirement]) -> String {
    let mut out = vec![
        u.code.to_string(),
        u.diaarinumero.clone(),
        u.qualification_code.clone().unwrap_or_default(),
    ];
    let mut push = |t: &polku_domain::LocalText| {
        out.push(t.fi.clone());
        out.extend(t.sv.clone());
        out.extend(t.en.clone());
    };
    push(&u.name);
    push(&u.qualification_name);
    for r in reqs {
        push(&r.text);
        if let Some(a) = &r.area {
            push(a);
        }
    }
    out.join("\n").to_lowercase()
}

pub async fn index(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Query(f): Query<Filter>,
) -> WebResult<Response> {
    let l = lang(&ctx);
    let units = state.service.qualification_units(&session.actor).await?;
    let total = units.len();
    // The qualifications to filter by: each peruste version once, in name order.
    let mut quals: Vec<(String, String)> = Vec::new();
    for u in &units {
        if !quals.iter().any(|(d, _)| *d == u.diaarinumero) {
            quals.push((
                u.diaarinumero.clone(),
                format!("{} ({})", u.qualification_name.get(l), u.diaarinumero),
            ));
        }
    }
    quals.sort_by(|a, b| a.1.cmp(&b.1));
    let qualifications = std::iter::once(opt("", ctx.t("qunits-all"), &f.qualification))
        .chain(
            quals
                .into_iter()
                .map(|(d, label)| opt(d, label, &f.qualification)),
        )
        .collect();
    let wanted = words(&f.q);
    let mut rows = Vec::new();
    for u in &units {
        if !f.qualification.is_empty() && u.diaarinumero != f.qualification {
            continue;
        }
        let (_, reqs) = state
            .service
            .qualification_unit(&session.actor, &u.code, &u.diaarinumero)
            .await?;
        if !wanted.is_empty() {
            let hay = haystack(u, &reqs);
            if !wanted.iter().all(|w| hay.contains(w.as_str())) {
                continue;
            }
        }
        let mut qualifications: Vec<String> = Vec::new();
        for other in units.iter().filter(|o| o.code == u.code) {
            let name = match &other.qualification_code {
                Some(c) => format!("{} ({c})", other.qualification_name.get(l)),
                None => other.qualification_name.get(l).to_owned(),
            };
            if !qualifications.contains(&name) {
                qualifications.push(name);
            }
        }
        let validity = match (u.valid_from, u.valid_to) {
            (None, None) => None,
            (Some(from), None) => {
                Some(ctx.ts("qunits-valid-from", "date", &format::date(ctx.locale, from)))
            }
            (from, Some(to)) => Some(format!(
                "{}–{}",
                from.map(|d| format::date(ctx.locale, d))
                    .unwrap_or_default(),
                format::date(ctx.locale, to)
            )),
        };
        rows.push(UnitRow {
            anchor: format!(
                "{}-{}",
                u.code,
                u.diaarinumero
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            ),
            name: u.name.get(l).to_owned(),
            code: u.code.to_string(),
            diaarinumero: u.diaarinumero.clone(),
            validity,
            osp: u.osp.map(|p| ctx.ts("qunits-osp", "n", &format!("{p}"))),
            qualifications,
            source: u.source.clone(),
            items: reqs
                .iter()
                .map(|r| Item {
                    key: r.key.clone(),
                    area: r.area.as_ref().map(|a| a.get(l).to_owned()),
                    text: r.text.get(l).to_owned(),
                })
                .collect(),
        });
    }
    rows.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then(a.diaarinumero.cmp(&b.diaarinumero))
    });
    render(&Page {
        ctx: &ctx,
        errors: FieldErrors::new(),
        q: f.q.clone(),
        qualifications,
        total,
        filtered: !wanted.is_empty() || !f.qualification.is_empty(),
        rows,
    })
}
